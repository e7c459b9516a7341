package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"channelboard/channel"
	"channelboard/graph/model"
	"channelboard/store"
)

// This file maps between the GraphQL models and the store's inputs and
// lists. It decides nothing; validation lives in the store.

// page is a list's paging arguments; the total is counted only when the
// query selects the connection's totalCount.
func page(ctx context.Context, first *int, after *string) store.Page {
	p := store.Page{First: first, SkipCount: !wantsTotal(ctx)}
	if after != nil {
		p.After = *after
	}
	return p
}

// wantsTotal reports whether the connection being resolved has totalCount
// among its selected fields. Outside a GraphQL field (a direct call) it
// says yes.
func wantsTotal(ctx context.Context) bool {
	if graphql.GetFieldContext(ctx) == nil || !graphql.HasOperationContext(ctx) {
		return true
	}
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == "totalCount" {
			return true
		}
	}
	return false
}

func pageInfo(cursors []string, hasNext bool, after *string) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: after != nil && *after != ""}
	if len(cursors) > 0 {
		pi.StartCursor, pi.EndCursor = &cursors[0], &cursors[len(cursors)-1]
	}
	return pi
}

func money(minor int64, currency string) *channel.Money {
	return &channel.Money{Minor: minor, Currency: currency}
}

func moneyIn(m *model.MoneyInput) *channel.Money {
	if m == nil {
		return nil
	}
	return &channel.Money{Minor: m.Minor, Currency: m.Currency}
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func idOrZero(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func desc(d *model.SortDirection, def bool) bool {
	if d == nil {
		return def
	}
	return *d == model.SortDirectionDesc
}

func customerConnection(l store.List[channel.Customer], after *string) *model.CustomerConnection {
	c := &model.CustomerConnection{Edges: make([]model.CustomerEdge, len(l.Items)), TotalCount: l.Total,
		PageInfo: pageInfo(l.Cursors, l.HasNextPage, after)}
	for i := range l.Items {
		c.Edges[i] = model.CustomerEdge{Cursor: l.Cursors[i], Node: &l.Items[i]}
	}
	return c
}

func dealerConnection(l store.List[channel.Dealer], after *string) *model.DealerConnection {
	c := &model.DealerConnection{Edges: make([]model.DealerEdge, len(l.Items)), TotalCount: l.Total,
		PageInfo: pageInfo(l.Cursors, l.HasNextPage, after)}
	for i := range l.Items {
		c.Edges[i] = model.DealerEdge{Cursor: l.Cursors[i], Node: &l.Items[i]}
	}
	return c
}

func dealConnection(l store.List[channel.Deal], after *string) *model.DealConnection {
	c := &model.DealConnection{Edges: make([]model.DealEdge, len(l.Items)), TotalCount: l.Total,
		PageInfo: pageInfo(l.Cursors, l.HasNextPage, after)}
	for i := range l.Items {
		c.Edges[i] = model.DealEdge{Cursor: l.Cursors[i], Node: &l.Items[i]}
	}
	return c
}

func territoryConnection(l store.List[channel.TerritoryAssignment], after *string) *model.TerritoryAssignmentConnection {
	c := &model.TerritoryAssignmentConnection{Edges: make([]model.TerritoryAssignmentEdge, len(l.Items)),
		TotalCount: l.Total, PageInfo: pageInfo(l.Cursors, l.HasNextPage, after)}
	for i := range l.Items {
		c.Edges[i] = model.TerritoryAssignmentEdge{Cursor: l.Cursors[i], Node: &l.Items[i]}
	}
	return c
}

func customerOrder(o *model.CustomerOrder) store.Order {
	if o == nil {
		return store.Order{}
	}
	return store.Order{Field: string(o.Field), Desc: desc(o.Direction, false)}
}

func dealerOrder(o *model.DealerOrder) store.Order {
	if o == nil {
		return store.Order{}
	}
	return store.Order{Field: string(o.Field), Desc: desc(o.Direction, false)}
}

func dealOrder(o *model.DealOrder) store.Order {
	if o == nil {
		return store.Order{}
	}
	return store.Order{Field: string(o.Field), Desc: desc(o.Direction, true)}
}

func customerFilter(f *model.CustomerFilter) (store.CustomerFilter, error) {
	var out store.CustomerFilter
	if f == nil {
		return out, nil
	}
	var err error
	if out.OwnerDealerID, err = decodeOptID(f.OwnerDealerID, typeDealer, "filter.ownerDealerId"); err != nil {
		return out, err
	}
	if out.RegionID, err = decodeOptID(f.RegionID, typeRegion, "filter.regionId"); err != nil {
		return out, err
	}
	out.OwnerKind, out.Segment, out.KeyAccount, out.Search = f.OwnerKind, f.Segment, f.KeyAccount, f.Search
	return out, nil
}

func dealerFilter(f *model.DealerFilter) (store.DealerFilter, error) {
	var out store.DealerFilter
	if f == nil {
		return out, nil
	}
	var err error
	if out.RegionID, err = decodeOptID(f.RegionID, typeRegion, "filter.regionId"); err != nil {
		return out, err
	}
	out.Kind, out.Status, out.Search = f.Kind, f.Status, f.Search
	return out, nil
}

func dealFilter(f *model.DealFilter) (store.DealFilter, error) {
	var out store.DealFilter
	if f == nil {
		return out, nil
	}
	var err error
	if out.DealerID, err = decodeOptID(f.DealerID, typeDealer, "filter.dealerId"); err != nil {
		return out, err
	}
	if out.CustomerID, err = decodeOptID(f.CustomerID, typeCustomer, "filter.customerId"); err != nil {
		return out, err
	}
	if out.ProductLineID, err = decodeOptID(f.ProductLineID, typeProductLine, "filter.productLineId"); err != nil {
		return out, err
	}
	if out.RegionID, err = decodeOptID(f.RegionID, typeRegion, "filter.regionId"); err != nil {
		return out, err
	}
	out.Stages, out.ChannelKind, out.OpenOnly = f.Stages, f.ChannelKind, f.OpenOnly
	return out, nil
}

func territoryFilter(f *model.TerritoryFilter) (store.TerritoryFilter, error) {
	var out store.TerritoryFilter
	if f == nil {
		return out, nil
	}
	var err error
	if out.DealerID, err = decodeOptID(f.DealerID, typeDealer, "filter.dealerId"); err != nil {
		return out, err
	}
	if out.CoveringRegionID, err = decodeOptID(f.CoveringRegionID, typeRegion, "filter.coveringRegionId"); err != nil {
		return out, err
	}
	out.Exclusive, out.ActiveOnly = f.Exclusive, f.ActiveOnly
	return out, nil
}
