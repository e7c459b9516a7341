package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"channelboard/channel"
	"channelboard/store"
)

// Paging through customers and deals while other sessions insert rows that
// sort before, between and after the ones already read: keyset cursors
// (sort key, id) neither repeat a row nor skip one that existed at the
// start.
func TestStableCursorsUnderConcurrentInserts(t *testing.T) {
	f := newFixture(t)
	var file strings.Builder
	file.WriteString(strings.Join(store.CSVColumns[store.CSVCustomers], ",") + "\n")
	for i := range 300 {
		// Names repeat (ties on the sort key are broken by id).
		fmt.Fprintf(&file, ",Customer %03d,,eu.bg.yambol,RETAIL,SMALL,false,,UNASSIGNED,,,\n", i%150)
	}
	if res, err := f.st.Import(f.ctx, store.CSVCustomers, strings.NewReader(file.String()), store.ImportOptions{}, nil); err != nil || res.Imported != 300 {
		t.Fatalf("import: %+v %v", res, err)
	}
	var deals strings.Builder
	deals.WriteString(strings.Join(store.CSVColumns[store.CSVDeals], ",") + "\n")
	first := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{}, store.Page{First: ptr(1)}))(t).Items[0].ID
	for i := range 300 {
		fmt.Fprintf(&deals, ",%d,DIRECT,,pumps,1,%d.00,,EUR,WON,,,2026-01-01T00:00:00Z,,2026-02-01T00:00:00Z,\n", first+int64(i%50), 10+i%40)
	}
	if res, err := f.st.Import(f.ctx, store.CSVDeals, strings.NewReader(deals.String()), store.ImportOptions{}, nil); err != nil || res.Imported != 300 {
		t.Fatalf("import deals: %+v %v", res, err)
	}

	// The writer inserts customers named to land all over the order, and
	// deals with amounts all over theirs, until the readers are done.
	ctx, stop := context.WithCancel(f.ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	inserted := 0
	var writerErr error
	// tick carries one value per inserted pair; the readers take one
	// between pages, so every page boundary sees new rows.
	tick := make(chan struct{})
	go func() {
		defer wg.Done()
		defer close(tick)
		for i := 0; ctx.Err() == nil; i++ {
			c, err := f.st.CreateCustomer(ctx, store.CustomerCreate{Name: fmt.Sprintf("Customer %03d new %d", (i*37)%150, i),
				RegionID: f.yambol.ID, Segment: channel.Retail})
			if err == nil {
				_, err = f.st.RegisterDeal(ctx, store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDirect,
					ProductLineID: f.pumps.ID, Quantity: 1, UnitPrice: eur(int64(1000 + (i*13)%4000))})
			}
			if err != nil {
				if ctx.Err() == nil {
					writerErr = err
				}
				return
			}
			inserted++
			select {
			case tick <- struct{}{}:
			case <-ctx.Done():
				return
			}
		}
	}()

	pageAll := func(name string, ids func(after string) ([]int64, string, bool)) map[int64]bool {
		seen := map[int64]bool{}
		after := ""
		for {
			page, next, more := ids(after)
			for _, id := range page {
				if seen[id] {
					t.Fatalf("%s: id %d seen twice", name, id)
				}
				seen[id] = true
			}
			if !more {
				return seen
			}
			if _, ok := <-tick; !ok {
				t.Fatalf("the writer stopped: %v", writerErr)
			}
			after = next
		}
	}
	customers := pageAll("customers", func(after string) ([]int64, string, bool) {
		l := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{Field: store.CustomerByName},
			store.Page{First: ptr(17), After: after}))(t)
		ids := make([]int64, len(l.Items))
		for i, c := range l.Items {
			ids[i] = c.ID
		}
		return ids, l.Cursors[len(l.Cursors)-1], l.HasNextPage
	})
	dealsSeen := pageAll("deals", func(after string) ([]int64, string, bool) {
		l := must(f.st.ListDeals(f.ctx, store.DealFilter{}, store.Order{Field: store.DealByAmount},
			store.Page{First: ptr(13), After: after}))(t)
		ids := make([]int64, len(l.Items))
		for i, d := range l.Items {
			ids[i] = d.ID
		}
		return ids, l.Cursors[len(l.Cursors)-1], l.HasNextPage
	})
	stop()
	wg.Wait()
	if writerErr != nil || inserted < 30 {
		t.Fatalf("the writer inserted %d pairs: %v", inserted, writerErr)
	}
	for id := first; id < first+300; id++ {
		if !customers[id] {
			t.Errorf("customer %d, there from the start, was skipped", id)
		}
	}
	var initialDeals []int64
	if err := f.st.DB().NewRaw("SELECT id FROM deals WHERE close_reason = '' AND stage = 'WON'").Scan(f.ctx, &initialDeals); err != nil {
		t.Fatal(err)
	}
	if len(initialDeals) != 300 {
		t.Fatalf("%d initial deals", len(initialDeals))
	}
	for _, id := range initialDeals {
		if !dealsSeen[id] {
			t.Errorf("deal %d, there from the start, was skipped", id)
		}
	}
	t.Logf("paged %d customers and %d deals while %d customers with a deal each were inserted", len(customers), len(dealsSeen), inserted)
}
