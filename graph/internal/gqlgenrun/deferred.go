package main

import "bytes"

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

func rewriteDeferred(src []byte) ([]byte, int) {
	n := bytes.Count(src, newDeferredGroup)
	return bytes.ReplaceAll(src, newDeferredGroup, lazyDeferred), n
}
