package main

import (
	"bytes"
	"fmt"
	"os"
)

// gqlgen's code for every object it marshals starts a @defer group:
// graphql.NewDeferredGroup builds the object's response path, a field set
// and a map, used only when the selection defers a field. On a page of 50
// customers that was 2,200 of a request's 19,500 allocations
// (docs/benchmarks.md). No option turns it off, so after generating, the
// call is replaced by the graph package's deferredGroup, which builds the
// group only when the object's selection defers something.
var (
	newDeferredGroup = []byte("deferred := graphql.NewDeferredGroup(ctx)\n\tfor i, field := range fields {")
	lazyDeferred     = []byte("deferred := deferredGroup(ctx, fields)\n\tfor i, field := range fields {")
)

// lazyDeferredGroups rewrites the generated file at path; it fails when
// gqlgen's output no longer has the shape it replaces, so a gqlgen upgrade
// cannot silently drop the rewrite.
func lazyDeferredGroups(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, n := rewriteDeferred(src)
	if n == 0 {
		return fmt.Errorf("%s: no %q to replace: gqlgen's object template changed", path, newDeferredGroup)
	}
	if left := bytes.Count(out, []byte("graphql.NewDeferredGroup(")); left > 0 {
		return fmt.Errorf("%s: %d NewDeferredGroup calls of another shape left: gqlgen's object template changed", path, left)
	}
	return os.WriteFile(path, out, 0o644)
}

func rewriteDeferred(src []byte) ([]byte, int) {
	n := bytes.Count(src, newDeferredGroup)
	return bytes.ReplaceAll(src, newDeferredGroup, lazyDeferred), n
}
