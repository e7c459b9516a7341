package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// deferredGroup stands for graphql.NewDeferredGroup in the generated code
// (graph/internal/gqlgenrun/deferred.go): the group of an object whose
// selection defers no field is never read but for its empty Defers, so it
// is left zero instead of built — its path, field set and map were a ninth
// of a customer page's allocations.
func deferredGroup(ctx context.Context, fields []graphql.CollectedField) graphql.DeferredGroup {
	for i := range fields {
		if fields[i].IsDeferred() {
			return graphql.NewDeferredGroup(ctx)
		}
	}
	return graphql.DeferredGroup{}
}
