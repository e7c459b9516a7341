package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"channelboard/channel"
)

// A page of customers asks the same of each: its region, counts and owner.
// Left to the fields, each kind's batch starts when the first field of the
// kind resolves, and splits when the page's goroutines arrive late. The
// customer resolvers instead queue in the request's loaders what the
// selection asks for, one batch per kind, all gathering at once, before
// any field resolves; the fields then find their keys already on the way,
// so those fields can run on their customer's goroutine (@inline in the
// schema) without waiting one after another. The values are the loaders'
// own, so what a viewer may see is decided as always.

// prefetchCustomers loads, for cs, the edges the selection of the field
// being resolved asks of each customer: at the end of paths (a connection's
// edges.node and nodes), or of the field itself without one. Errors are
// left to the fields, which meet them again in the loaders.
func (r *Resolver) prefetchCustomers(ctx context.Context, cs []channel.Customer, paths ...[]string) {
	if len(cs) == 0 || !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return
	}
	if len(paths) == 0 {
		paths = [][]string{nil}
	}
	want := selectedFields(ctx, customerPageTypes, paths...)
	if len(want) == 0 {
		return
	}
	l := r.loaders(ctx)
	ids, regions := make([]int64, len(cs)), make([]int64, len(cs))
	var owners []int64
	for i, c := range cs {
		ids[i], regions[i] = c.ID, c.RegionID
		if c.Owner.DealerID != 0 {
			owners = append(owners, c.Owner.DealerID)
		}
	}
	// Queued, not awaited: the batches of every kind gather and run at
	// once, and each field waits only for its own when it resolves.
	if want["region"] || want["country"] {
		l.region().LoadAllThunk(ctx, regions)
	}
	if want["dealCount"] || want["openDealCount"] {
		l.dealCount().LoadAllThunk(ctx, ids)
	}
	if want["openConflictCount"] {
		l.openConflictsByCustomer().LoadAllThunk(ctx, ids)
	}
	if want["owner"] && len(owners) > 0 {
		l.dealer().LoadAllThunk(ctx, owners)
	}
}

// connectionNodes are the paths from a connection to its nodes.
var connectionNodes = [][]string{{"edges", "node"}, {"nodes"}}

// The types a customer page's fragments may name, at any level.
var customerPageTypes = []string{"CustomerConnection", "CustomerEdge", "Customer", "Node"}

// selectedFields names the fields selected at the end of any of the paths
// below the field being resolved, fragments on the types given included.
func selectedFields(ctx context.Context, types []string, paths ...[]string) map[string]bool {
	oc := graphql.GetOperationContext(ctx)
	out := map[string]bool{}
	for _, path := range paths {
		sel := graphql.GetFieldContext(ctx).Field.Selections
		for _, name := range path {
			var next ast.SelectionSet
			for _, f := range graphql.CollectFields(oc, sel, types) {
				if f.Name == name {
					next = append(next, f.Selections...)
				}
			}
			sel = next
		}
		for _, f := range graphql.CollectFields(oc, sel, types) {
			out[f.Name] = true
		}
	}
	return out
}
