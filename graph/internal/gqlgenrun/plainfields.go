package main

import (
	"bytes"
	"fmt"
	"regexp"
)

// gqlgen resolves every field through graphql.ResolveField: a field
// context in a new context.Context, closures, the value boxed in an any,
// the operation's field middleware — five to six allocations, even for a
// field that only reads a struct member, such as a customer's name. On a
// page of 50 customers those fields are most of the request's work
// (docs/benchmarks.md).
//
// A field whose generated resolver is exactly `return obj.Member, nil` and
// whose marshaller is one of gqlgen's for a non-null String, Boolean, Int
// or ID, or an enum marshalled as a String, can neither fail, nor panic,
// nor marshal to null, so nothing ResolveField does for it can show in an
// answer: after generating, such a field's function is rewritten to
// marshal the member directly. What it gives up is the field middleware
// (graphql.FieldInterceptor, AroundFields), which the handler does not
// use: TestPlainFieldsSkipNoFieldMiddleware in package graph fails if one
// is added.

var plainField = regexp.MustCompile(`(?m)^(func \(ec \*executionContext\) _\w+\(ctx context\.Context, field graphql\.CollectedField, obj \*[\w.]+\) \(ret graphql\.Marshaler\) \{\n)` +
	`\treturn graphql\.ResolveField\(\n` +
	`\t\tctx,\n` +
	`\t\tec\.OperationContext,\n` +
	`\t\tfield,\n` +
	`\t\tfunc\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{\n` +
	`\t\t\treturn ec\.fieldContext_\w+\(ctx, field\)\n` +
	`\t\t\},\n` +
	`\t\tfunc\(ctx context\.Context\) \(any, error\) \{\n` +
	`\t\t\treturn (obj\.\w+), nil\n` +
	`\t\t\},\n` +
	`\t\tnil,\n` +
	`\t\tfunc\(ctx context\.Context, selections ast\.SelectionSet, v [^\n]+\) graphql\.Marshaler \{\n` +
	`\t\t\treturn ec\.(marshalN[^\s(]+)\(ctx, selections, v\)\n` +
	`\t\t\},\n` +
	`\t\ttrue,\n` +
	`\t\ttrue,\n` +
	`\t\)\n` +
	`\}\n`)

// neverNull matches the body of a marshaller whose value is never null:
// gqlgen's builtin String, Boolean, Int and ID marshallers (an enum's is a
// String of its name).
var neverNull = regexp.MustCompile(`^\t_ = sel\n\tres := graphql\.Marshal(String|Boolean|Int|Int32|Int64|ID)\(`)

// marshallerBodies maps each marshaller's name to its body.
func marshallerBodies(src []byte) map[string][]byte {
	re := regexp.MustCompile(`(?m)^func \(ec \*executionContext\) (marshalN[^\s(]+)\(ctx context\.Context, sel ast\.SelectionSet, v [^\n]+\) graphql\.Marshaler \{\n`)
	out := map[string][]byte{}
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		name := string(src[m[2]:m[3]])
		body := src[m[1]:]
		if end := bytes.Index(body, []byte("\n}\n")); end >= 0 {
			body = body[:end+1]
		}
		out[name] = body
	}
	return out
}

func rewritePlainFields(src []byte) ([]byte, int) {
	bodies := marshallerBodies(src)
	n := 0
	out := plainField.ReplaceAllFunc(src, func(fn []byte) []byte {
		m := plainField.FindSubmatch(fn)
		head, member, marshal := m[1], m[2], m[3]
		if !neverNull.Match(bodies[string(marshal)]) {
			return fn
		}
		n++
		return fmt.Appendf(append([]byte(nil), head...),
			"\t// A plain field (graph/internal/gqlgenrun/plainfields.go).\n\treturn ec.%s(ctx, field.Selections, %s)\n}\n", marshal, member)
	})
	return out, n
}

// Every object gqlgen marshals writes its fields through an iterator that
// copies each field to the heap and a map that skips repeated aliases:
// one allocation per field and one map per object, more than a fifth of
// the dealer's page's allocations once plain fields were direct. After
// generating, an object's final `return out` is rewritten to return
// objectJSON (graph/objectjson.go), which writes the same JSON from the
// object's collected fields and values without either.
var (
	objectReturn     = []byte("\t\tec.ProcessDeferredGroup(deferred)\n\t}\n\n\treturn out\n}\n")
	objectJSONReturn = []byte("\t\tec.ProcessDeferredGroup(deferred)\n\t}\n\n\treturn objectJSON{fields: fields, values: out.Values}\n}\n")
)

func rewriteObjectReturns(src []byte) ([]byte, int) {
	n := bytes.Count(src, objectReturn)
	return bytes.ReplaceAll(src, objectReturn, objectJSONReturn), n
}
