package store_test

import (
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

func TestTerritories(t *testing.T) {
	f := newFixture(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	f.st.SetClock(func() time.Time { return day(2026, 6, 1).Add(10 * time.Hour) })
	a := must(f.st.AssignTerritory(f.ctx, store.TerritoryAssign{
		DealerID: f.dist.ID, RegionID: f.bg.ID, Segments: []channel.Segment{channel.Agriculture, channel.Agriculture},
		ProductLineIDs: []int64{f.pumps.ID}, Exclusive: true, ValidFrom: day(2026, 1, 1),
	}))(t)
	if a.RegionPath != "eu.bg" || len(a.Segments) != 1 || len(a.ProductLineIDs) != 1 || !a.Exclusive || a.ValidTo != nil {
		t.Fatalf("assignment = %+v", a)
	}
	b := must(f.st.AssignTerritory(f.ctx, store.TerritoryAssign{DealerID: f.other.ID, RegionID: f.ro.ID, ValidFrom: day(2025, 1, 1)}))(t)
	if len(b.Segments) != 0 || len(b.ProductLineIDs) != 0 {
		t.Errorf("empty lists = %+v", b)
	}
	for _, tc := range []struct {
		name  string
		in    store.TerritoryAssign
		field string
	}{
		{"dates", store.TerritoryAssign{DealerID: f.dist.ID, RegionID: f.bg.ID, ValidFrom: day(2026, 1, 2), ValidTo: ptr(day(2026, 1, 1))}, "input.validTo"},
		{"segment", store.TerritoryAssign{DealerID: f.dist.ID, RegionID: f.bg.ID, ValidFrom: day(2026, 1, 1), Segments: []channel.Segment{"SPACE"}}, "input.segments"},
		{"product line", store.TerritoryAssign{DealerID: f.dist.ID, RegionID: f.bg.ID, ValidFrom: day(2026, 1, 1), ProductLineIDs: []int64{999}}, "input.productLineIds"},
		{"dealer", store.TerritoryAssign{DealerID: 999, RegionID: f.bg.ID, ValidFrom: day(2026, 1, 1)}, "input.dealerId"},
		{"region", store.TerritoryAssign{DealerID: f.dist.ID, RegionID: 999, ValidFrom: day(2026, 1, 1)}, "input.regionId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.st.AssignTerritory(f.ctx, tc.in)
			wantErr(t, err, channel.EInvalid, tc.field)
		})
	}
	covering := must(f.st.ListTerritories(f.ctx, store.TerritoryFilter{CoveringRegionID: &f.yambol.ID}, store.Page{}))(t)
	if covering.Total != 1 || covering.Items[0].ID != a.ID {
		t.Fatalf("covering Yambol = %+v", covering.Items)
	}
	ended := must(f.st.UnassignTerritory(f.ctx, b.ID, nil))(t)
	if ended.ValidTo == nil || !ended.ValidTo.Equal(day(2026, 6, 1)) {
		t.Fatalf("unassigned valid_to = %v, want today", ended.ValidTo)
	}
	_, err := f.st.UnassignTerritory(f.ctx, a.ID, ptr(day(2025, 1, 1)))
	wantErr(t, err, channel.EInvalid, "input.validTo")
	_, err = f.st.UnassignTerritory(f.ctx, 9999, nil)
	wantErr(t, err, channel.ENotFound, "")
	f.st.SetClock(func() time.Time { return day(2026, 6, 2) })
	active := must(f.st.ListTerritories(f.ctx, store.TerritoryFilter{ActiveOnly: ptr(true)}, store.Page{}))(t)
	if active.Total != 1 || active.Items[0].ID != a.ID {
		t.Fatalf("active = %+v", active.Items)
	}
	byDealer := must(f.st.TerritoriesByDealers(f.ctx, []int64{f.dist.ID, f.other.ID, f.sub.ID}))(t)
	if len(byDealer[f.dist.ID]) != 1 || len(byDealer[f.other.ID]) != 1 || len(byDealer[f.sub.ID]) != 0 {
		t.Errorf("by dealer = %+v", byDealer)
	}
	excl := must(f.st.ListTerritories(f.ctx, store.TerritoryFilter{Exclusive: ptr(false), DealerID: &f.other.ID}, store.Page{}))(t)
	if excl.Total != 1 {
		t.Errorf("non-exclusive of other = %d", excl.Total)
	}
}
