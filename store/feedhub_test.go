package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"channelboard/channel"
	"channelboard/store"
)

// startHub runs a hub; stop closes it and waits for Run to return. Tests
// defer stop after their goroutine-leak check, so it runs first.
func startHub(t *testing.T, st *store.Store, cfg store.HubConfig) (h *store.Hub, stop func()) {
	t.Helper()
	h = store.NewHub(st, cfg)
	errc := make(chan error, 1)
	go func() { errc <- h.Run(context.Background()) }()
	return h, func() {
		h.Close()
		if err := <-errc; err != nil {
			t.Errorf("hub: %v", err)
		}
	}
}

// collect reads n events from sub, failing after a generous deadline.
func collect(t *testing.T, sub *store.Subscription, n int) []store.ConflictEvent {
	t.Helper()
	var out []store.ConflictEvent
	deadline := time.After(30 * time.Second)
	for len(out) < n {
		select {
		case ev, ok := <-sub.C:
			if !ok {
				t.Fatalf("subscription ended after %d of %d events", len(out), n)
			}
			out = append(out, *ev)
		case <-deadline:
			t.Fatalf("got %d of %d events: %v", len(out), n, reasons(out))
		}
	}
	return out
}

// ended waits for sub to end and returns the error OnEnd received.
func ended(t *testing.T, sub *store.Subscription, endErr <-chan error) error {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case _, ok := <-sub.C:
			if !ok {
				return <-endErr
			}
		case <-deadline:
			t.Fatal("the subscription did not end")
		}
	}
}

func TestHubResumeHasNoGapAtTheSeam(t *testing.T) {
	f := newFixture(t)
	defer goleak.VerifyNone(t, leakOptions()...)
	c := f.customer(t, "Seam Ltd", channel.OwnerUnassigned, 0)
	conflict := feedConflict(t, f, c.ID, channel.DuplicateRegistration)
	db := f.st.DB().DB
	start := must(f.st.LastEventPosition(f.ctx))(t)
	h, stop := startHub(t, f.st, store.HubConfig{Poll: 20 * time.Millisecond})
	defer stop()

	// Writers keep committing while subscribers join at different moments,
	// each resuming from a different point of the log: each must get exactly
	// the events after its cursor, in log order.
	const total = 150
	var wg sync.WaitGroup
	wrote := make(chan int, total)
	wg.Go(func() {
		rnd := rand.New(rand.NewPCG(1, 2))
		for i := range total {
			if _, err := db.ExecContext(f.ctx, `INSERT INTO conflict_events (type, conflict_id, reason) VALUES ('UPDATED', $1, $2)`, conflict, fmt.Sprintf("e%03d", i)); err != nil {
				t.Errorf("insert: %v", err)
				return
			}
			wrote <- i
			if rnd.IntN(3) == 0 {
				time.Sleep(time.Millisecond) // let the hub interleave with the writer
			}
		}
	})
	type joined struct {
		from store.Cursor
		sub  *store.Subscription
	}
	var subs []joined
	for i := 0; i < total; i++ {
		<-wrote
		if i%30 != 10 {
			continue
		}
		// Resume from the newest final event, or from the start.
		from := start
		if evs := must(f.st.EventsAfter(f.ctx, start, store.MaxEventPage))(t); len(evs) > 0 && i%60 == 10 {
			from = evs[len(evs)/2].Position()
		}
		sub := must(h.Subscribe(f.ctx, store.SubscribeOptions{After: &from}))(t)
		subs = append(subs, joined{from, sub})
	}
	wg.Wait()
	for _, j := range subs {
		want := must(f.st.EventsAfter(f.ctx, j.from, store.MaxEventPage))(t)
		got := collect(t, j.sub, len(want))
		if g, w := strings.Join(reasons(got), ","), strings.Join(reasons(want), ","); g != w {
			t.Fatalf("subscriber from %v got\n%s\nwant\n%s", j.from, g, w)
		}
	}
	// And nothing more: one more event arrives as the next one, not a
	// duplicate of anything before it.
	must(db.ExecContext(f.ctx, `INSERT INTO conflict_events (type, conflict_id, reason) VALUES ('UPDATED', $1, 'last')`, conflict))(t)
	for _, j := range subs {
		if got := collect(t, j.sub, 1); got[0].Reason != "last" {
			t.Fatalf("after catching up got %q, want last", got[0].Reason)
		}
	}
}

func TestHubSlowConsumerDoesNotBlockOthers(t *testing.T) {
	f := newFixture(t)
	defer goleak.VerifyNone(t, leakOptions()...)
	c := f.customer(t, "Slow Ltd", channel.OwnerUnassigned, 0)
	conflict := feedConflict(t, f, c.ID, channel.DuplicateRegistration)
	db := f.st.DB().DB
	h, stop := startHub(t, f.st, store.HubConfig{Poll: 20 * time.Millisecond, Buffer: 4})
	defer stop()

	start := must(f.st.LastEventPosition(f.ctx))(t)
	slowEnd := make(chan error, 1)
	slow := must(h.Subscribe(f.ctx, store.SubscribeOptions{After: &start, OnEnd: func(err error) { slowEnd <- err }}))(t)
	fast := must(h.Subscribe(f.ctx, store.SubscribeOptions{After: &start}))(t)

	// The fast subscriber reads each event before the next is written; the
	// slow one reads nothing, so its buffer of 4 overflows on the way.
	for i := range 20 {
		insertEvent(t, f.ctx, db, conflict, fmt.Sprintf("e%02d", i))
		if got := collect(t, fast, 1); got[0].Reason != fmt.Sprintf("e%02d", i) {
			t.Fatalf("the fast subscriber got %q, want e%02d", got[0].Reason, i)
		}
	}
	if err := ended(t, slow, slowEnd); !errors.Is(err, store.ErrSlowConsumer) {
		t.Fatalf("the slow subscriber ended with %v, want ErrSlowConsumer", err)
	}
	if channel.ErrorCode(store.ErrSlowConsumer) != store.EFeedSlowConsumer {
		t.Fatal("ErrSlowConsumer lost its code")
	}
	// It resumes from its cursor (here: it read nothing) and gets all 20.
	again := must(h.Subscribe(f.ctx, store.SubscribeOptions{After: &start}))(t)
	if got := collect(t, again, 20); got[0].Reason != "e00" || got[19].Reason != "e19" {
		t.Fatalf("the resumed subscriber got %v", reasons(got))
	}
	if n := h.Subscribers(); n != 2 {
		t.Fatalf("the hub feeds %d subscribers, want 2 (the slow one removed)", n)
	}
}

func TestHubFiltersAndVisibility(t *testing.T) {
	f := newFixture(t)
	defer goleak.VerifyNone(t, leakOptions()...)
	yambol := f.customer(t, "Yambol Farm", channel.OwnerUnassigned, 0)
	ro := must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "Cluj Farm", RegionID: f.ro.ID, Segment: channel.Agriculture}))(t)
	dup := feedConflict(t, f, yambol.ID, channel.DuplicateRegistration, f.dist.ID)
	price := feedConflict(t, f, ro.ID, channel.PriceBelowFloor, f.other.ID)
	hidden := feedConflict(t, f, ro.ID, channel.OutOfTerritory)
	db := f.st.DB().DB
	h, stop := startHub(t, f.st, store.HubConfig{Poll: 20 * time.Millisecond})
	defer stop()

	sub := func(filter store.ConflictFilter) *store.Subscription {
		return must(h.Subscribe(f.ctx, store.SubscribeOptions{Filter: filter,
			Visible: func(c store.Conflict) bool { return c.ID != hidden }}))(t)
	}
	byKind := sub(store.ConflictFilter{Kinds: []channel.ConflictKind{channel.PriceBelowFloor}})
	byRegion := sub(store.ConflictFilter{RegionID: &f.bg.ID})
	byDealer := sub(store.ConflictFilter{DealerID: &f.other.ID})
	all := sub(store.ConflictFilter{})
	_, err := h.Subscribe(f.ctx, store.SubscribeOptions{Filter: store.ConflictFilter{RegionID: ptr(int64(999999))}})
	wantErr(t, err, channel.EInvalid, "filter.regionId")

	for _, id := range []int64{hidden, dup, price, dup, hidden, price} {
		insertEvent(t, f.ctx, db, id, fmt.Sprint(id))
	}
	ids := func(evs []store.ConflictEvent) string {
		s := make([]string, len(evs))
		for i, e := range evs {
			s[i] = fmt.Sprint(e.ConflictID)
		}
		return strings.Join(s, ",")
	}
	for name, c := range map[string]struct {
		sub  *store.Subscription
		want []int64
	}{
		"kind":   {byKind, []int64{price, price}},
		"region": {byRegion, []int64{dup, dup}},
		"dealer": {byDealer, []int64{price, price}},
		"all":    {all, []int64{dup, price, dup, price}},
	} {
		want := make([]store.ConflictEvent, len(c.want))
		for i, id := range c.want {
			want[i].ConflictID = id
		}
		if got := collect(t, c.sub, len(c.want)); ids(got) != ids(want) {
			t.Errorf("%s: got %s, want %s", name, ids(got), ids(want))
		}
	}
	// A marker event all four see proves nothing else was queued before it.
	insertEvent(t, f.ctx, db, dup, "marker")
	insertEvent(t, f.ctx, db, price, "marker")
	for _, s := range []*store.Subscription{byKind, byRegion, byDealer} {
		if got := collect(t, s, 1); got[0].Reason != "marker" {
			t.Fatalf("an unwanted event leaked through: %v", got[0])
		}
	}
}

func TestHubWakesOnNotifyAndClosesCleanly(t *testing.T) {
	f := newFixture(t)
	defer goleak.VerifyNone(t, leakOptions()...)
	c := f.customer(t, "Notify Ltd", channel.OwnerUnassigned, 0)
	conflict := feedConflict(t, f, c.ID, channel.DuplicateRegistration)
	db := f.st.DB().DB
	// A poll of an hour: only LISTEN/NOTIFY can deliver within the test.
	h := store.NewHub(f.st, store.HubConfig{Poll: time.Hour})
	errc := make(chan error, 1)
	go func() { errc <- h.Run(context.Background()) }()

	endErr := make(chan error, 1)
	sub := must(h.Subscribe(f.ctx, store.SubscribeOptions{OnEnd: func(err error) { endErr <- err }}))(t)
	insertEvent(t, f.ctx, db, conflict, "notified")
	// The NOTIFY comes from another connection, as another replica's would;
	// repeat it until the listener, connecting in the background, hears one.
	got := make(chan store.ConflictEvent, 1)
	go func() {
		if ev, ok := <-sub.C; ok {
			got <- *ev
		}
	}()
	deadline := time.After(30 * time.Second)
	for received := false; !received; {
		must(0, f.st.NotifyConflictEvents(f.ctx))(t)
		select {
		case ev := <-got:
			if ev.Reason != "notified" {
				t.Fatalf("got %q", ev.Reason)
			}
			received = true
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			t.Fatal("the hub never woke on NOTIFY")
		}
	}

	h.Close()
	if err := <-errc; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if err := ended(t, sub, endErr); !errors.Is(err, store.ErrFeedClosed) {
		t.Fatalf("ended with %v, want ErrFeedClosed", err)
	}
	if _, err := h.Subscribe(f.ctx, store.SubscribeOptions{}); !errors.Is(err, store.ErrFeedClosed) {
		t.Fatalf("subscribing to a closed hub: %v", err)
	}
}

// leakOptions ignores what was running before the test, and pgx's
// background reader, which a pooled connection may leave parked on its
// socket until its next use: the pool's, not the feed's.
func leakOptions() []goleak.Option {
	return []goleak.Option{goleak.IgnoreCurrent(),
		goleak.IgnoreAnyFunction("github.com/jackc/pgx/v5/pgconn/internal/bgreader.(*BGReader).bgRead")}
}

// A subscriber scoped to a dealer is offered exactly the events of that
// dealer's conflicts (a conflict listing it twice once), in log order;
// one without a scope every event; and the scope only narrows: Visible
// still decides.
func TestHubDealerScope(t *testing.T) {
	f := newFixture(t)
	defer goleak.VerifyNone(t, leakOptions()...)
	farm := f.customer(t, "Scope Farm", channel.OwnerUnassigned, 0)
	dist := feedConflict(t, f, farm.ID, channel.DuplicateRegistration, f.dist.ID)
	other := feedConflict(t, f, farm.ID, channel.PriceBelowFloor, f.other.ID)
	shared := feedConflict(t, f, farm.ID, channel.DuplicateRegistration, f.dist.ID, f.other.ID, f.dist.ID)
	direct := feedConflict(t, f, farm.ID, channel.DirectBypass)
	db := f.st.DB().DB
	h, stop := startHub(t, f.st, store.HubConfig{Poll: 20 * time.Millisecond})
	defer stop()

	sub := func(dealer *int64, visible func(store.Conflict) bool) *store.Subscription {
		return must(h.Subscribe(f.ctx, store.SubscribeOptions{Dealer: dealer, Visible: visible}))(t)
	}
	party := func(d int64) func(store.Conflict) bool {
		return func(c store.Conflict) bool { return slices.Contains(c.DealerIDs, d) }
	}
	staff := sub(nil, nil)
	ofDist := sub(&f.dist.ID, party(f.dist.ID))
	ofOther := sub(&f.other.ID, party(f.other.ID))
	notShared := sub(&f.dist.ID, func(c store.Conflict) bool { return c.ID != shared })
	if n := h.Subscribers(); n != 4 {
		t.Fatalf("%d subscribers, want 4", n)
	}
	for _, id := range []int64{direct, dist, other, shared, direct, shared} {
		insertEvent(t, f.ctx, db, id, fmt.Sprint(id))
	}
	ids := func(evs []store.ConflictEvent) string {
		s := make([]string, len(evs))
		for i, e := range evs {
			s[i] = fmt.Sprint(e.ConflictID)
		}
		return strings.Join(s, ",")
	}
	for name, c := range map[string]struct {
		sub  *store.Subscription
		want []int64
	}{
		"staff":       {staff, []int64{direct, dist, other, shared, direct, shared}},
		"distributor": {ofDist, []int64{dist, shared, shared}},
		"other":       {ofOther, []int64{other, shared, shared}},
		"not shared":  {notShared, []int64{dist}},
	} {
		want := make([]store.ConflictEvent, len(c.want))
		for i, id := range c.want {
			want[i].ConflictID = id
		}
		if got := collect(t, c.sub, len(c.want)); ids(got) != ids(want) {
			t.Errorf("%s: got %s, want %s", name, ids(got), ids(want))
		}
	}
	// A marker each scoped subscriber sees proves nothing else was queued
	// before it.
	insertEvent(t, f.ctx, db, dist, "marker")
	insertEvent(t, f.ctx, db, other, "marker")
	for name, s := range map[string]*store.Subscription{"distributor": ofDist, "other": ofOther, "not shared": notShared} {
		if got := collect(t, s, 1); got[0].Reason != "marker" {
			t.Errorf("%s: an unwanted event leaked through: %+v", name, got[0])
		}
	}
}
