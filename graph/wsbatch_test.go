package graph_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"channelboard/store"
)

// A subscriber whose events arrive together gets them as one socket write
// carrying several frames, and every frame intact and in order.
func TestQueuedEventsShareASocketWrite(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{})
	w := newConflictWorldEnv(t, fe.env)
	cust := w.customer("Maritsa Orchards", "UNASSIGNED", "", "eu.bg.yambol")
	w.register(cust, w.distID, w.pumpsID, 5, 100_000)
	w.register(cust, w.roID, w.pumpsID, 5, 100_000)
	conflictID := dbID(t, w.kind(cust, "DUPLICATE_REGISTRATION").ID)
	start, _, _ := fe.eventPage("", 200)
	from := start[len(start)-1].Cursor

	c := fe.connect(nil)
	defer c.close()
	c.subscribe("b", &from, nil)
	waitFor(t, "the subscription", func() bool { return fe.hub.Subscribers() == 1 })
	before := batchedWrites(t, fe)

	// One commit of 40 events: the hub hands them to the subscriber at once.
	const n = 40
	if _, err := fe.st.DB().NewRaw(`INSERT INTO conflict_events (type, conflict_id, reason)
		SELECT 'UPDATED', ?, 'note ' || g FROM generate_series(1, ?) AS g`, conflictID, n).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	fe.hub.Wake()
	got := make([]feedEvent, n)
	for i := range got {
		got[i] = c.event("b")
	}
	want, _, _ := fe.eventPage(from, 200)
	if cursors(got) != cursors(want) {
		t.Fatalf("frames differ from the log:\n got %s\nwant %s", cursors(got), cursors(want))
	}
	for i, e := range got {
		if e.Type != "UPDATED" || e.Reason != "note "+strconv.Itoa(i+1) {
			t.Fatalf("frame %d: %+v", i, e)
		}
	}
	if after := batchedWrites(t, fe); after <= before {
		t.Errorf("%d events queued together went out in as many writes (batched writes %v → %v)", n, before, after)
	}
}

func batchedWrites(t *testing.T, fe *feedEnv) float64 {
	t.Helper()
	reg := prometheus.NewRegistry()
	reg.MustRegister(fe.ws)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "channelboard_websocket_batched_writes_total" {
			return mf.GetMetric()[0].GetCounter().GetValue()
		}
	}
	t.Fatal("no channelboard_websocket_batched_writes_total")
	return 0
}
