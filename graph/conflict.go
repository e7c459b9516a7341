package graph

import (
	"context"
	"strconv"

	"channelboard/channel"
	"channelboard/graph/model"
	"channelboard/store"
)

// This file maps conflicts between the GraphQL models and the store, as
// convert.go does for the rest. It decides nothing.

func conflictFilter(f *model.ConflictFilter) (store.ConflictFilter, error) {
	var out store.ConflictFilter
	if f == nil {
		return out, nil
	}
	var err error
	if out.CustomerID, err = decodeOptID(f.CustomerID, typeCustomer, "filter.customerId"); err != nil {
		return out, err
	}
	if out.DealerID, err = decodeOptID(f.DealerID, typeDealer, "filter.dealerId"); err != nil {
		return out, err
	}
	if out.RegionID, err = decodeOptID(f.RegionID, typeRegion, "filter.regionId"); err != nil {
		return out, err
	}
	out.Kinds, out.Statuses, out.Severities = f.Kinds, f.Statuses, f.Severities
	out.DetectedAfter, out.DetectedBefore = f.DetectedAfter, f.DetectedBefore
	return out, nil
}

func conflictOrder(o *model.ConflictOrder) store.Order {
	if o == nil {
		return store.Order{}
	}
	return store.Order{Field: string(o.Field), Desc: desc(o.Direction, true)}
}

func conflictConnection(l store.List[store.Conflict], after *string) *model.ConflictConnection {
	c := &model.ConflictConnection{Edges: make([]model.ConflictEdge, len(l.Items)), TotalCount: l.Total,
		PageInfo: pageInfo(l.Cursors, l.HasNextPage, after)}
	for i := range l.Items {
		c.Edges[i] = model.ConflictEdge{Cursor: l.Cursors[i], Node: &l.Items[i]}
	}
	return c
}

// resolveInput decodes resolveConflict's input; the store validates it.
func resolveInput(in model.ResolveConflictInput) (store.ConflictResolve, error) {
	out := store.ConflictResolve{IdempotencyKey: in.IdempotencyKey, Resolution: in.Resolution, Note: str(in.Note)}
	var err error
	if out.ConflictID, err = decodeID(in.ID, typeConflict, "input.id"); err != nil {
		return out, err
	}
	dealer, err := decodeOptID(in.DealerID, typeDealer, "input.dealerId")
	if err != nil {
		return out, err
	}
	out.DealerID = idOrZero(dealer)
	if c := in.Compensation; c != nil {
		out.Compensation = &store.CompensationInput{Amount: moneyIn(c.Amount)}
		if c.Basis != nil {
			out.Compensation.Basis = *c.Basis
		}
	}
	for i, sp := range in.Splits {
		id, err := decodeID(sp.DealID, typeDeal, "input.splits."+strconv.Itoa(i)+".dealId")
		if err != nil {
			return out, err
		}
		out.Splits = append(out.Splits, channel.CreditSplit{DealID: id, SharePct: sp.SharePct})
	}
	return out, nil
}

// statsDimensions maps the GraphQL dimensions to the store's.
func statsDimensions(dims []model.ConflictStatsDimension) []string {
	out := make([]string, len(dims))
	for i, d := range dims {
		out[i] = string(d)
	}
	return out
}

// loadConflicts loads conflicts by id through the request's loader, in order.
func (r *Resolver) loadConflicts(ctx context.Context, ids []int64) ([]store.Conflict, error) {
	return loadAll(ctx, r.loaders(ctx).conflict(), ids)
}
