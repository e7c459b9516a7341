package main

import (
	"strings"
	"testing"
)

func TestRewriteDeferredOnlyTheObjectPreamble(t *testing.T) {
	src := []byte("func (ec *executionContext) _A(ctx context.Context) {\n\tdeferred := graphql.NewDeferredGroup(ctx)\n\tfor i, field := range fields {\n\t}\n}\n" +
		"func (ec *executionContext) _B(ctx context.Context) {\n\tdeferred := graphql.NewDeferredGroup(ctx)\n\tfor i, field := range fields {\n\t}\n}\n")
	out, n := rewriteDeferred(src)
	if n != 2 || strings.Count(string(out), "deferred := deferredGroup(ctx, fields)") != 2 || strings.Contains(string(out), "NewDeferredGroup") {
		t.Errorf("%d replaced:\n%s", n, out)
	}
	if _, n := rewriteDeferred([]byte("deferred := graphql.NewDeferredGroup(ctx)\n\tout.Dispatch(ctx)")); n != 0 {
		t.Error("replaced a call of another shape")
	}
}
