package main

import (
	"strings"
	"testing"
)

const plainSrc = `func (ec *executionContext) _Region_name(ctx context.Context, field graphql.CollectedField, obj *channel.Region) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Region_name(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.Name, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v string) graphql.Marshaler {
			return ec.marshalNString2string(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) _Customer_createdAt(ctx context.Context, field graphql.CollectedField, obj *channel.Customer) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Customer_createdAt(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.CreatedAt, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v time.Time) graphql.Marshaler {
			return ec.marshalNTime2timeᚐTime(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) _Customer_id(ctx context.Context, field graphql.CollectedField, obj *channel.Customer) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Customer_id(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return ec.Resolvers.Customer().ID(ctx, obj)
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v string) graphql.Marshaler {
			return ec.marshalNID2string(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) marshalNString2string(ctx context.Context, sel ast.SelectionSet, v string) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalString(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "String!")
	}
	return res
}
func (ec *executionContext) marshalNTime2timeᚐTime(ctx context.Context, sel ast.SelectionSet, v time.Time) graphql.Marshaler {
	_ = sel
	res := MarshalTime(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Time!")
	}
	return res
}
`

// Only a member read marshalled by a never-null marshaller is rewritten:
// not a resolver call, not a marshaller that can give null.
func TestRewritePlainFieldsOnlyMemberReadsThatCannotBeNull(t *testing.T) {
	out, n := rewritePlainFields([]byte(plainSrc))
	got := string(out)
	if n != 1 || !strings.Contains(got, "return ec.marshalNString2string(ctx, field.Selections, obj.Name)\n}") {
		t.Fatalf("%d rewritten:\n%s", n, got)
	}
	if strings.Count(got, "graphql.ResolveField(") != 2 {
		t.Errorf("createdAt (Time may be null) and id (a resolver) must keep ResolveField:\n%s", got)
	}
}

func TestRewriteObjectReturns(t *testing.T) {
	src := "\tout.Dispatch(ctx)\n\tif n := len(deferred.Defers); n > 0 {\n\t\tatomic.AddInt32(&ec.Deferred, int32(min(n, math.MaxInt32)))\n\t\tec.ProcessDeferredGroup(deferred)\n\t}\n\n\treturn out\n}\n" +
		"func other() graphql.Marshaler {\n\treturn out\n}\n"
	out, n := rewriteObjectReturns([]byte(src))
	if n != 1 || strings.Count(string(out), "return objectJSON{fields: fields, values: out.Values}") != 1 || !strings.Contains(string(out), "func other() graphql.Marshaler {\n\treturn out\n}") {
		t.Errorf("%d rewritten:\n%s", n, out)
	}
}
