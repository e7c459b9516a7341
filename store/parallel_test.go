package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

// TestParallelRegistrations: 50 dealers register the same customer and
// product line at once, each call on its own connection. Exactly one
// registration ends protected, and every other deal is in a
// DUPLICATE_REGISTRATION conflict with it — never two protected, never a
// missing conflict, and no conflict opened against a registration that
// did not keep protection. Run it many times:
//
//	go test ./store/ -run TestParallelRegistrations -race -count=100
func TestParallelRegistrations(t *testing.T) {
	const n = 50
	ctx := context.Background()
	// A pool of n connections, so all n transactions really run at once.
	db, err := store.Open(ctx, storetest.DSN(t), store.WithMaxOpenConns(n))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	st := store.New(db)
	st.SetClock(func() time.Time { return t0 })
	region := must(st.CreateRegion(ctx, channel.Region{Path: "eu", Name: "Europe"}))(t)
	line := must(st.CreateProductLine(ctx, channel.ProductLine{Code: "pumps", Name: "Pumps"}))(t)
	_ = must(st.SetPolicy(ctx, store.PolicySet{Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000,
		RegistrationRequiresApproval: ptr(false)}))(t)
	cust := must(st.CreateCustomer(ctx, store.CustomerCreate{Name: "Contested Customer", RegionID: region.ID, Segment: channel.Industrial}))(t)
	dealers := make([]int64, n)
	for i := range dealers {
		d := must(st.CreateDealer(ctx, store.DealerCreate{Code: fmt.Sprintf("D-%02d", i), Name: fmt.Sprintf("Dealer %02d", i),
			Kind: channel.DealerKindDealer, ContractStart: t0.AddDate(-1, 0, 0)}))(t)
		dealers[i] = d.ID
	}

	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			<-start
			_, errs[i] = st.RegisterDeal(ctx, store.DealRegister{CustomerID: cust.ID, Channel: channel.ChannelDealer,
				DealerID: dealers[i], ProductLineID: line.ID, Quantity: 1, UnitPrice: channel.Money{Minor: 100_000, Currency: "EUR"}})
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("registration %d: %v", i, err)
		}
	}

	var protected []int64
	if err := db.NewRaw(`SELECT id FROM deals WHERE customer_id = ? AND protected_until IS NOT NULL`, cust.ID).Scan(ctx, &protected); err != nil {
		t.Fatal(err)
	}
	if len(protected) != 1 {
		t.Fatalf("%d protected registrations %v, want exactly 1", len(protected), protected)
	}
	holder := protected[0]
	var all []int64
	if err := db.NewRaw(`SELECT id FROM deals WHERE customer_id = ? ORDER BY id`, cust.ID).Scan(ctx, &all); err != nil {
		t.Fatal(err)
	}
	var cs []struct {
		Status  string  `bun:"status"`
		DealIDs []int64 `bun:"deal_ids,array"`
	}
	if err := db.NewRaw(`SELECT status, deal_ids FROM conflicts WHERE customer_id = ? AND kind = 'DUPLICATE_REGISTRATION'`, cust.ID).Scan(ctx, &cs); err != nil {
		t.Fatal(err)
	}
	challengers := map[int64]bool{}
	for _, c := range cs {
		if c.Status != "OPEN" || len(c.DealIDs) != 2 || !slices.Contains(c.DealIDs, holder) {
			t.Fatalf("conflict %+v: want OPEN between holder %d and one challenger", c, holder)
		}
		for _, id := range c.DealIDs {
			if id != holder {
				if challengers[id] {
					t.Fatalf("deal %d is in two DUPLICATE_REGISTRATION conflicts", id)
				}
				challengers[id] = true
			}
		}
	}
	if len(cs) != n-1 || len(challengers) != n-1 || len(all) != n {
		t.Fatalf("%d conflicts over %d challengers for %d deals, want %d conflicts, one per other deal", len(cs), len(challengers), len(all), n-1)
	}
	var events int
	if err := db.NewRaw(`SELECT count(*) FROM conflict_events e JOIN conflicts k ON k.id = e.conflict_id
		WHERE k.customer_id = ? AND k.kind = 'DUPLICATE_REGISTRATION'`, cust.ID).Scan(ctx, &events); err != nil {
		t.Fatal(err)
	}
	if events != n-1 {
		t.Fatalf("%d conflict events, want %d OPENED", events, n-1)
	}
}
