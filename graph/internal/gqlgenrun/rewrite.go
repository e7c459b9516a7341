package main

import (
	"bytes"
	"fmt"
	"os"
)

// rewrites are what the generator changes in gqlgen's output after
// generating, in order (deferred.go, plainfields.go). Each must find
// something to change: when one finds nothing, gqlgen's templates changed
// and the rewrite would be silently lost, so generating fails.
var rewrites = []struct {
	what    string
	rewrite func([]byte) ([]byte, int)
}{
	{"`deferred := graphql.NewDeferredGroup(ctx)` of an object", rewriteDeferred},
	{"plain field", rewritePlainFields},
	{"object's `return out`", rewriteObjectReturns},
}

// rewriteGenerated applies the rewrites to the generated file at path.
func rewriteGenerated(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, r := range rewrites {
		var n int
		if src, n = r.rewrite(src); n == 0 {
			return fmt.Errorf("%s: no %s to rewrite: gqlgen's templates changed", path, r.what)
		}
	}
	if left := bytes.Count(src, []byte("graphql.NewDeferredGroup(")); left > 0 {
		return fmt.Errorf("%s: %d NewDeferredGroup calls of another shape left: gqlgen's object template changed", path, left)
	}
	return os.WriteFile(path, src, 0o644)
}
