package bench_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"channelboard/bench"
	"channelboard/graph"
	"channelboard/server"
	"channelboard/store"
	"channelboard/store/seed"
	"channelboard/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// A short run of the whole harness against the real handler on the demo
// data: every operation of the mix and both questions on the server and
// raw SQL answer without errors, and the report has its parts.
func TestHarnessSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the harness for a few seconds")
	}
	ctx := t.Context()
	dsn := storetest.DSN(t)
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := seed.Demo(ctx, db, io.Discard); err != nil {
		t.Fatal(err)
	}
	st := store.New(db)
	if err := seed.DemoConflicts(ctx, st, io.Discard); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.DiscardHandler)
	// The smoke test checks the harness, not capacity: under -race on a
	// busy machine the server is many times slower, so requests wait for
	// a turn rather than being turned away (OVERLOADED).
	srv := server.New(server.Config{QueueWait: 2 * time.Minute}, server.Deps{
		DB: db, GraphQL: graph.NewHandler(st, logger), Auth: server.NewAuth(st, logger), Logger: logger,
	})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	var progress strings.Builder
	rep, err := bench.Run(ctx, bench.Config{
		ServerURL: ts.URL, DatabaseURL: dsn,
		Rate: 40, Duration: 2 * time.Second,
		Dealers: 5, Directors: 1, Analysts: 1, Concurrency: 4,
		CompareDuration: 500 * time.Millisecond, ProbeRequests: 2,
		RSSEvery: 500 * time.Millisecond, Seed: 1, Progress: &progress,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, progress.String())
	}
	var out strings.Builder
	_ = rep.WriteTables(&out)

	seen := map[string]bool{}
	for _, o := range rep.Mix {
		seen[o.Op] = true
		if o.Requests == 0 || o.Errors > 0 {
			t.Errorf("mix %s: %d requests, %d errors %v", o.Op, o.Requests, o.Errors, o.ErrorSamples)
		}
	}
	for _, name := range append(bench.OpNames(), "all") {
		if !seen[name] {
			t.Errorf("no %s in the mix", name)
		}
	}
	if all := rep.Mix[len(rep.Mix)-1]; all.SQLPerRequest == nil || all.AllocsPerRequest == nil || *all.AllocsPerRequest <= 0 {
		t.Errorf("the mix's total lacks SQL or allocations per request: %+v", all)
	}
	if len(rep.Probes) != len(bench.OpNames()) {
		t.Errorf("%d probes, want one per operation", len(rep.Probes))
	}
	if len(rep.RSS.Points) < 2 || rep.RSS.MaxMB <= 0 {
		t.Errorf("RSS curve %+v", rep.RSS)
	}
	// Two questions × (server, raw SQL) × (rate, closed); PostGraphile is
	// not started here.
	if len(rep.Compare) != 8 {
		t.Errorf("%d comparison runs, want 8", len(rep.Compare))
	}
	for _, o := range rep.Compare {
		if o.OK == 0 || o.Errors > 0 {
			t.Errorf("compare %s on %s (%s): %d ok, %d errors %v", o.Op, o.Side, o.Mode, o.OK, o.Errors, o.ErrorSamples)
		}
	}
	if len(rep.Ratios) != 2 {
		t.Errorf("ratios %+v, want one per question against raw SQL", rep.Ratios)
	}
	if t.Failed() {
		t.Logf("report:\n%s\nprogress:\n%s", out.String(), progress.String())
	}
}
