package graph_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"go.uber.org/goleak"

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/pgcluster"
	"channelboard/store/storetest"
)

// replica is one server process's worth of the app: its own pool, hub,
// websockets and HTTP server, on a database shared with the others.
type replica struct {
	st   *store.Store
	hub  *store.Hub
	srv  *httptest.Server
	stop func()
}

func startReplica(t testing.TB, dsn string, cfg store.HubConfig) *replica {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	st := store.New(db)
	logger := slog.New(slog.DiscardHandler)
	cfg.Logger = logger
	hub := store.NewHub(st, cfg)
	ran := make(chan error, 1)
	go func() { ran <- hub.Run(context.Background()) }()
	ws := graph.NewWebsockets(nil)
	srv := httptest.NewServer(signedIn(graph.NewHandler(st, logger, graph.WithFeed(hub), graph.WithWebsockets(ws))))
	r := &replica{st: st, hub: hub, srv: srv}
	stopped := false
	r.stop = func() {
		if stopped {
			return
		}
		stopped = true
		hub.Close()
		if err := <-ran; err != nil {
			t.Errorf("hub: %v", err)
		}
		ws.Shutdown()
		srv.Close()
		if err := db.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}
	t.Cleanup(r.stop)
	return r
}

// env is the test env over this replica, for the world helpers.
func (r *replica) env(t *testing.T) *feedEnv {
	return &feedEnv{env: &env{t: t, url: r.srv.URL, st: r.st, queries: &queryCounter{}, log: &syncBuffer{}}, hub: r.hub, srv: r.srv}
}

// TestTwoReplicas: a subscriber on the first server receives, in order, the
// events caused by mutations sent to the second. The first polls only once
// an hour, so what wakes it is the second's NOTIFY after commit.
func TestTwoReplicas(t *testing.T) {
	dsn := storetest.DSN(t)
	defer goleak.VerifyNone(t, leakOptions()...)
	a := startReplica(t, dsn, store.HubConfig{Poll: time.Hour})
	defer a.stop()
	b := startReplica(t, dsn, store.HubConfig{})
	defer b.stop()
	ea, eb := a.env(t), b.env(t)
	w := newConflictWorldEnv(t, eb.env)

	board := ea.connect(nil)
	board.subscribe("1", nil, nil)
	waitFor(t, "the subscription on the first replica", func() bool { return a.hub.Subscribers() == 1 })
	for i := range 3 {
		c := w.customer(fmt.Sprintf("Farm %d", i), "UNASSIGNED", "", "eu.bg.yambol")
		w.register(c, w.distID, w.pumpsID, 5, 100_000)
		w.register(c, w.roID, w.pumpsID, 5, 100_000)
	}
	want, _, _ := eb.eventPage("", 200)
	// Only the duplicate registrations' events came after the subscription.
	var dup []feedEvent
	for _, e := range want {
		if e.Conflict.Kind == "DUPLICATE_REGISTRATION" {
			dup = append(dup, e)
		}
	}
	if len(dup) != 3 {
		t.Fatalf("%d duplicate registration events, want 3: %s", len(dup), cursors(want))
	}
	got := make([]feedEvent, 0, len(dup))
	for len(got) < len(dup) {
		if e := board.event("1"); e.Conflict.Kind == "DUPLICATE_REGISTRATION" {
			got = append(got, e)
		}
	}
	if cursors(got) != cursors(dup) {
		t.Fatalf("the first replica delivered\n%s\nthe log holds\n%s", cursors(got), cursors(dup))
	}
	board.close()
	b.stop()
	a.stop()
}

// TestFeedSurvivesDatabaseRestart restarts PostgreSQL under a connected
// subscriber while writes go on before and after: it gets every event
// exactly once, in order.
func TestFeedSurvivesDatabaseRestart(t *testing.T) {
	// Checked last, after the cluster has stopped too.
	defer goleak.VerifyNone(t, leakOptions()...)
	dir, err := os.MkdirTemp("", "channelboard-feed-restart-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cfg := pgcluster.Config{DataDir: dir + "/data", Settings: []string{"fsync=off"}}
	cluster, err := pgcluster.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cluster.Stop() }()
	cfg.Port = cluster.Port()
	dsn := cluster.DSN("postgres")
	{
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Migrate(ctx, db); err != nil {
			t.Fatal(err)
		}
		_ = db.Close()
	}

	r := startReplica(t, dsn, store.HubConfig{Poll: 50 * time.Millisecond})
	defer r.stop()
	region, err := r.st.CreateRegion(ctx, channel.Region{Path: "eu", Name: "Europe"})
	if err != nil {
		t.Fatal(err)
	}
	cust, err := r.st.CreateCustomer(ctx, store.CustomerCreate{Name: "Restart Farm", RegionID: region.ID, Segment: channel.Agriculture})
	if err != nil {
		t.Fatal(err)
	}
	var conflict int64
	if err := r.st.DB().NewRaw(`INSERT INTO conflicts (kind, identity_key, severity, customer_id, customer_ids, explanation)
		VALUES ('DUPLICATE_CUSTOMER', 'restart', 'LOW', ?, ARRAY[?]::bigint[], '{}'::jsonb) RETURNING id`, cust.ID, cust.ID).Scan(ctx, &conflict); err != nil {
		t.Fatal(err)
	}

	e := r.env(t)
	board := e.connect(nil)
	board.subscribe("1", nil, nil)
	waitFor(t, "the subscription", func() bool { return r.hub.Subscribers() == 1 })

	// write inserts one event, retrying while the database is away; the
	// NOT EXISTS makes a retry of an insert whose commit was acknowledged
	// to nobody harmless.
	write := func(db *bun.DB, reason string) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for {
			_, err := db.NewRaw(`INSERT INTO conflict_events (type, conflict_id, reason)
				SELECT 'UPDATED', ?, ? WHERE NOT EXISTS (SELECT 1 FROM conflict_events WHERE reason = ?)`, conflict, reason, reason).Exec(ctx)
			if err == nil {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("write %s: %v", reason, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	const n = 30
	var want []string
	for i := range n {
		want = append(want, fmt.Sprintf("e%02d", i))
	}
	for _, reason := range want[:n/2] {
		write(r.st.DB(), reason)
	}
	// Take a few before the restart, so the subscriber is mid-stream.
	var got []string
	for range 3 {
		got = append(got, board.event("1").Reason)
	}
	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	if cluster, err = pgcluster.Start(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	for _, reason := range want[n/2:] {
		write(r.st.DB(), reason)
	}
	for len(got) < n {
		got = append(got, board.event("1").Reason)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("after the restart the subscriber got\n%v\nwant\n%v", got, want)
	}
	// And nothing twice: the next event is the next one written.
	write(r.st.DB(), "after")
	if ev := board.event("1"); ev.Reason != "after" {
		t.Fatalf("got %q after the restart's events, want after", ev.Reason)
	}
	board.close()
	r.stop()
}
