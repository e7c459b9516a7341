package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// fixture is a small channel: a region tree, two product lines, a
// distributor with a sub-dealer, and a direct dealer.
type fixture struct {
	st                 *store.Store
	eu, bg, yambol, ro channel.Region
	pumps, valves      channel.ProductLine
	dist, sub, other   channel.Dealer
	ctx                context.Context
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{st: store.New(storetest.NewDB(t)), ctx: context.Background()}
	f.eu = mustRegion(t, f.st, "eu", "Europe", "")
	f.bg = mustRegion(t, f.st, "eu.bg", "Bulgaria", "BG")
	f.yambol = mustRegion(t, f.st, "eu.bg.yambol", "Yambol", "BG")
	f.ro = mustRegion(t, f.st, "eu.ro", "Romania", "RO")
	f.pumps = must(f.st.CreateProductLine(f.ctx, channel.ProductLine{Code: "pumps", Name: "Pumps"}))(t)
	f.valves = must(f.st.CreateProductLine(f.ctx, channel.ProductLine{Code: "valves", Name: "Valves"}))(t)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f.dist = must(f.st.CreateDealer(f.ctx, store.DealerCreate{Code: "BG-01", Name: "Balkan Pumps", Kind: channel.Distributor, HomeRegionID: f.bg.ID, ContractStart: start}))(t)
	f.sub = must(f.st.CreateDealer(f.ctx, store.DealerCreate{Code: "BG-01-Y", Name: "Yambol Agro", Kind: channel.Subdealer, ParentID: f.dist.ID, HomeRegionID: f.yambol.ID, ContractStart: start}))(t)
	f.other = must(f.st.CreateDealer(f.ctx, store.DealerCreate{Code: "RO-01", Name: "Carpati SRL", Kind: channel.DealerKindDealer, HomeRegionID: f.ro.ID, ContractStart: start}))(t)
	return f
}

func mustRegion(t *testing.T, st *store.Store, path, name, country string) channel.Region {
	t.Helper()
	return must(st.CreateRegion(context.Background(), channel.Region{Path: path, Name: name, Country: country}))(t)
}

// must turns (value, error) into a value, failing the test on error.
func must[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return v
	}
}

// wantErr checks that err is a channel.Error with code and, for bad
// input, field.
func wantErr(t *testing.T, err error, code, field string) {
	t.Helper()
	var e *channel.Error
	if !errors.As(err, &e) {
		t.Fatalf("got error %v (%T), want a channel.Error %s", err, err, code)
	}
	if e.Code != code || (field != "" && e.Field != field) {
		t.Fatalf("got %s field %q (%s), want %s field %q", e.Code, e.Field, e.Message, code, field)
	}
}

func ptr[T any](v T) *T { return &v }

func (f *fixture) customer(t *testing.T, name string, owner channel.OwnerKind, dealer int64) channel.Customer {
	t.Helper()
	return must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{
		Name: name, RegionID: f.yambol.ID, Segment: channel.Agriculture, OwnerKind: owner, OwnerDealerID: dealer,
	}))(t)
}
