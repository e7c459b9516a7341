package store_test

import (
	"context"
	"os"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/seed"
	"channelboard/store/storetest"
)

// EnvBenchURL names a database already loaded with seed data (for the
// issue's number: `channelboard seed --scale 1`) that BenchmarkReevaluateAll
// re-evaluates. Without it the benchmark seeds the demo into a fresh test
// database and measures that.
const EnvBenchURL = "CHANNELBOARD_BENCH_DATABASE_URL"

// BenchmarkReevaluateAll measures ReevaluateAll: every customer judged
// again, in batches, with the facts loaded set-wise. Run it once:
//
//	CHANNELBOARD_BENCH_DATABASE_URL=postgres://… go test ./store/ -run '^$' -bench ReevaluateAll -benchtime 1x
//
// It reports the open conflicts by kind, so a run on the demo also shows
// that every kind comes out of the seeded deals.
func BenchmarkReevaluateAll(b *testing.B) {
	benchReevaluate(b, func(ctx context.Context, st *store.Store) error { return st.ReevaluateAll(ctx, nil) })
}

// BenchmarkReevaluateDeals measures what a policy change runs: every
// customer with an open deal or a live conflict, deal rules only (the
// duplicate-customer search is left out, as no name changed).
func BenchmarkReevaluateDeals(b *testing.B) {
	benchReevaluate(b, func(ctx context.Context, st *store.Store) error {
		return st.Reevaluate(ctx, store.ReevalScope{Active: true, DealsOnly: true}, nil)
	})
}

func benchReevaluate(b *testing.B, run func(context.Context, *store.Store) error) {
	ctx := context.Background()
	var db *bun.DB
	if u := os.Getenv(EnvBenchURL); u != "" {
		var err error
		if db, err = store.Open(ctx, u); err != nil {
			b.Fatal(err)
		}
		defer db.Close()
	} else {
		db = storetest.NewDB(b)
		if err := seed.Demo(ctx, db, nil); err != nil {
			b.Fatal(err)
		}
	}
	st := store.New(db)
	b.ResetTimer()
	for b.Loop() {
		started := time.Now()
		if err := run(ctx, st); err != nil {
			b.Fatal(err)
		}
		b.Logf("re-evaluated in %.1fs", time.Since(started).Seconds())
	}
	b.StopTimer()
	var rows []struct {
		Kind   string `bun:"kind"`
		Status string `bun:"status"`
		N      int    `bun:"n"`
	}
	if err := db.NewRaw(`SELECT kind, status, count(*) AS n FROM conflicts GROUP BY 1, 2`).Scan(ctx, &rows); err != nil {
		b.Fatal(err)
	}
	sort.Slice(rows, func(i, j int) bool {
		return rows[i].Kind+rows[i].Status < rows[j].Kind+rows[j].Status
	})
	for _, r := range rows {
		b.Logf("%-24s %-12s %d", r.Kind, r.Status, r.N)
	}
}

// BenchmarkRegisterDeal measures registerDeal with the rules applied in its
// transaction, on the data of EnvBenchURL (or the demo): each call lands on
// a random customer that already has deals, as a dealer's registration
// would. It reports p50 and p99 latency. It adds deals to the database.
func BenchmarkRegisterDeal(b *testing.B) {
	ctx := context.Background()
	var db *bun.DB
	if u := os.Getenv(EnvBenchURL); u != "" {
		var err error
		if db, err = store.Open(ctx, u); err != nil {
			b.Fatal(err)
		}
		defer db.Close()
	} else {
		db = storetest.NewDB(b)
		if err := seed.Demo(ctx, db, nil); err != nil {
			b.Fatal(err)
		}
	}
	st := store.New(db)
	var customers, dealers, lines []int64
	if err := db.NewRaw(`SELECT DISTINCT customer_id FROM deals WHERE closed_at IS NULL ORDER BY 1`).Scan(ctx, &customers); err != nil {
		b.Fatal(err)
	}
	if err := db.NewRaw(`SELECT id FROM dealers WHERE status = 'ACTIVE' ORDER BY 1`).Scan(ctx, &dealers); err != nil {
		b.Fatal(err)
	}
	if err := db.NewRaw(`SELECT id FROM product_lines ORDER BY 1`).Scan(ctx, &lines); err != nil {
		b.Fatal(err)
	}
	currency := "EUR"
	if p, err := st.Policy(ctx, st.Now().Year()); err == nil {
		currency = p.Currency
	}
	var lat []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		in := store.DealRegister{
			CustomerID: customers[(i*7919)%len(customers)], Channel: channel.ChannelDealer,
			DealerID: dealers[(i*104729)%len(dealers)], ProductLineID: lines[i%len(lines)],
			Quantity: 1 + i%5, UnitPrice: channel.Money{Minor: 150_000, Currency: currency},
		}
		started := time.Now()
		if _, err := st.RegisterDeal(ctx, in); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(started))
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
