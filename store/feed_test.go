package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

// feedConflict inserts a bare conflict for customer, without events, so
// tests can write events for it by hand.
func feedConflict(t *testing.T, f *fixture, customer int64, kind channel.ConflictKind, dealers ...int64) int64 {
	t.Helper()
	if dealers == nil {
		dealers = []int64{}
	}
	var id int64
	err := f.st.DB().NewRaw(`INSERT INTO conflicts (kind, identity_key, severity, customer_id, customer_ids, dealer_ids, explanation)
		VALUES (?, ?, 'HIGH', ?, ARRAY[?]::bigint[], ?::bigint[], '{}'::jsonb) RETURNING id`,
		kind, fmt.Sprintf("test-%d-%d", customer, time.Now().UnixNano()), customer, customer, pgIDs(dealers)).Scan(f.ctx, &id)
	if err != nil {
		t.Fatalf("insert conflict: %v", err)
	}
	return id
}

func pgIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return "{" + strings.Join(s, ",") + "}"
}

// insertEvent writes one event in tx (or autocommit when tx is nil) and
// returns its seq.
func insertEvent(t *testing.T, ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, conflict int64, reason string) int64 {
	t.Helper()
	var seq int64
	if err := q.QueryRowContext(ctx, `INSERT INTO conflict_events (type, conflict_id, reason) VALUES ('OPENED', $1, $2) RETURNING seq`,
		conflict, reason).Scan(&seq); err != nil {
		t.Fatalf("insert event: %v", err)
	}
	return seq
}

func xactID(t *testing.T, ctx context.Context, tx *sql.Tx) uint64 {
	t.Helper()
	var xid uint64
	if err := tx.QueryRowContext(ctx, `SELECT pg_current_xact_id()::text::bigint`).Scan(&xid); err != nil {
		t.Fatal(err)
	}
	return xid
}

func reasons(events []store.ConflictEvent) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Reason
	}
	return out
}

// TestEventsAfterLateCommit is the case that breaks "seq > last seen": a
// transaction that took a smaller seq commits after one with a larger seq
// was already read.
func TestEventsAfterLateCommit(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Late Commit Ltd", channel.OwnerUnassigned, 0)
	conflict := feedConflict(t, f, c.ID, channel.DuplicateRegistration)
	db := f.st.DB().DB
	start := must(f.st.LastEventPosition(f.ctx))(t)

	t.Run("the earlier transaction commits last", func(t *testing.T) {
		// A takes its xid first, B second; B commits first.
		a := must(db.BeginTx(f.ctx, nil))(t)
		defer a.Rollback()
		xa := xactID(t, f.ctx, a)
		b := must(db.BeginTx(f.ctx, nil))(t)
		defer b.Rollback()
		xb := xactID(t, f.ctx, b)
		if xa >= xb {
			t.Fatalf("xids out of order: %d, %d", xa, xb)
		}
		seqB := insertEvent(t, f.ctx, b, conflict, "B")
		seqA := insertEvent(t, f.ctx, a, conflict, "A")
		if seqA <= seqB {
			t.Fatalf("want A's seq after B's, got %d and %d", seqA, seqB)
		}
		must(0, b.Commit())(t)
		// B is committed, but A, older, still runs: B is not final yet.
		if got := must(f.st.EventsAfter(f.ctx, start, 100))(t); len(got) != 0 {
			t.Fatalf("read %v while an older writer runs, want nothing", reasons(got))
		}
		must(0, a.Commit())(t)
		got := must(f.st.EventsAfter(f.ctx, start, 100))(t)
		if r := strings.Join(reasons(got), ","); r != "A,B" {
			t.Fatalf("got %s, want A,B (xid order)", r)
		}
		start = got[len(got)-1].Position()
	})

	t.Run("the later transaction takes the smaller seq and commits last", func(t *testing.T) {
		// C takes its xid first and commits first; D took seq first.
		cTx := must(db.BeginTx(f.ctx, nil))(t)
		defer cTx.Rollback()
		xactID(t, f.ctx, cTx)
		d := must(db.BeginTx(f.ctx, nil))(t)
		defer d.Rollback()
		seqD := insertEvent(t, f.ctx, d, conflict, "D")
		seqC := insertEvent(t, f.ctx, cTx, conflict, "C")
		must(0, cTx.Commit())(t)
		got := must(f.st.EventsAfter(f.ctx, start, 100))(t)
		if r := strings.Join(reasons(got), ","); r != "C" {
			t.Fatalf("got %q, want C", r)
		}
		if seqD >= seqC {
			t.Fatalf("want D's seq %d below C's %d: a seq-only reader would now skip D", seqD, seqC)
		}
		start = got[0].Position()
		must(0, d.Commit())(t)
		got = must(f.st.EventsAfter(f.ctx, start, 100))(t)
		if r := strings.Join(reasons(got), ","); r != "D" {
			t.Fatalf("after D commits got %q, want D", r)
		}
	})

	t.Run("a rolled-back event never appears", func(t *testing.T) {
		tx := must(db.BeginTx(f.ctx, nil))(t)
		insertEvent(t, f.ctx, tx, conflict, "rolled back")
		must(0, tx.Rollback())(t)
		all := must(f.st.EventsAfter(f.ctx, store.Cursor{}, 1000))(t)
		for _, e := range all {
			if e.Reason == "rolled back" {
				t.Fatal("a rolled-back event was read")
			}
		}
	})
}

// TestEventsAfterConcurrentWriters runs writers whose commits interleave at
// random (sleeps inside their transactions, some roll back) against a
// reader that polls all along: the reader must see every committed event
// exactly once, in the order a full read gives after the fact.
func TestEventsAfterConcurrentWriters(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Busy Ltd", channel.OwnerUnassigned, 0)
	conflict := feedConflict(t, f, c.ID, channel.DuplicateRegistration)
	db := f.st.DB().DB
	start := must(f.st.LastEventPosition(f.ctx))(t)

	const writers, txPerWriter = 8, 25
	var (
		mu        sync.Mutex
		committed = map[string]bool{}
		wg        sync.WaitGroup
		errs      = make(chan error, writers)
	)
	for w := range writers {
		wg.Go(func() {
			rnd := rand.New(rand.NewPCG(uint64(w), 7))
			for i := range txPerWriter {
				tx, err := db.BeginTx(f.ctx, nil)
				if err != nil {
					errs <- err
					return
				}
				var names []string
				for j := range 1 + rnd.IntN(3) {
					name := fmt.Sprintf("w%d-t%d-e%d", w, i, j)
					if _, err := tx.ExecContext(f.ctx, `INSERT INTO conflict_events (type, conflict_id, reason) VALUES ('UPDATED', $1, $2)`, conflict, name); err != nil {
						errs <- err
						return
					}
					names = append(names, name)
					// Hold the transaction open for a while so commits
					// land out of seq and xid order.
					if _, err := tx.ExecContext(f.ctx, `SELECT pg_sleep($1)`, float64(rnd.IntN(4))/1000); err != nil {
						errs <- err
						return
					}
				}
				if rnd.IntN(5) == 0 {
					err = tx.Rollback()
					names = nil
				} else {
					err = tx.Commit()
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for _, n := range names {
					committed[n] = true
				}
				mu.Unlock()
			}
		})
	}
	writersDone := make(chan struct{})
	go func() { wg.Wait(); close(writersDone) }()

	// The reader polls with small pages, as a hub that lags would.
	var seen []store.ConflictEvent
	pos := start
	read := func() {
		t.Helper()
		for {
			page := must(f.st.EventsAfter(f.ctx, pos, 7))(t)
			for _, e := range page {
				if !pos.Less(e.Position()) {
					t.Fatalf("event %s at %v is not after %v", e.Reason, e.Position(), pos)
				}
				pos = e.Position()
			}
			seen = append(seen, page...)
			if len(page) < 7 {
				return
			}
		}
	}
	for running := true; running; {
		select {
		case <-writersDone:
			running = false
		default:
		}
		read()
	}
	close(errs)
	for err := range errs {
		t.Fatalf("writer: %v", err)
	}
	// Every writer has ended, so everything committed is final now.
	read()

	all := must(f.st.EventsAfter(f.ctx, start, store.MaxEventPage))(t)
	if len(all) == store.MaxEventPage {
		t.Fatal("test wrote more events than one page; raise the page")
	}
	// Each event read from the log carries its cursor, the same one its
	// position encodes.
	for _, e := range all {
		xid, seq, err := store.ParseEventCursor(e.Cursor())
		if err != nil || xid != e.XID || seq != e.Seq || e.Cursor() != (store.Cursor{XID: e.XID, Seq: e.Seq}).String() {
			t.Fatalf("event (%d, %d) has cursor %q: (%d, %d, %v)", e.XID, e.Seq, e.Cursor(), xid, seq, err)
		}
	}
	got, want := reasons(seen), reasons(all)
	for i := range max(len(got), len(want)) {
		if i >= len(got) || i >= len(want) || got[i] != want[i] {
			t.Fatalf("the polling reader read %d events, the final read %d; they first differ at %d: the reader missed or reordered events", len(got), len(want), i)
		}
	}
	once := map[string]bool{}
	for _, e := range seen {
		if once[e.Reason] {
			t.Fatalf("event %s read twice", e.Reason)
		}
		once[e.Reason] = true
		if !committed[e.Reason] {
			t.Fatalf("event %s read but never committed", e.Reason)
		}
	}
	if len(once) != len(committed) {
		t.Fatalf("read %d events, %d committed", len(once), len(committed))
	}
	if len(committed) < writers*txPerWriter/2 {
		t.Fatalf("only %d events committed: the test proves little", len(committed))
	}
}

func TestListEventsAndRetention(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Paged Ltd", channel.OwnerUnassigned, 0)
	dup := feedConflict(t, f, c.ID, channel.DuplicateRegistration, f.dist.ID)
	price := feedConflict(t, f, c.ID, channel.PriceBelowFloor)
	db := f.st.DB().DB
	start := must(f.st.LastEventPosition(f.ctx))(t)
	for i := range 5 {
		insertEvent(t, f.ctx, db, dup, fmt.Sprintf("dup%d", i))
		insertEvent(t, f.ctx, db, price, fmt.Sprintf("price%d", i))
	}

	// Page through the duplicate registration's events two at a time.
	var got []string
	after := start.String()
	if start.IsZero() {
		after = ""
	}
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		page := must(f.st.ListEvents(f.ctx, after, ptr(2), store.ConflictFilter{Kinds: []channel.ConflictKind{channel.DuplicateRegistration}}))(t)
		for _, e := range page.Events {
			if e.ConflictID == dup {
				got = append(got, e.Reason)
			}
			after = e.Cursor()
		}
		if !page.HasNextPage {
			break
		}
	}
	if g := strings.Join(got, ","); g != "dup0,dup1,dup2,dup3,dup4" {
		t.Fatalf("paged %s", g)
	}
	byDealer := must(f.st.ListEvents(f.ctx, "", ptr(200), store.ConflictFilter{DealerID: &f.dist.ID}))(t)
	for _, e := range byDealer.Events {
		if e.ConflictID != dup {
			t.Fatalf("dealer filter let through conflict %d", e.ConflictID)
		}
	}

	_, err := f.st.ListEvents(f.ctx, "garbage", nil, store.ConflictFilter{})
	wantErr(t, err, channel.EInvalid, "after")

	// Age the first five events past the retention and prune.
	first := must(f.st.EventsAfter(f.ctx, start, 10))(t)
	if len(first) != 10 {
		t.Fatalf("got %d events, want 10", len(first))
	}
	must(f.st.DB().NewRaw(`UPDATE conflict_events SET at = now() - interval '40 days' WHERE seq IN (?, ?, ?, ?, ?)`,
		first[0].Seq, first[1].Seq, first[2].Seq, first[3].Seq, first[4].Seq).Exec(f.ctx))(t)
	if n := must(f.st.PruneEvents(f.ctx, store.DefaultEventRetention))(t); n != 5 {
		t.Fatalf("pruned %d, want 5", n)
	}
	_, err = f.st.ListEvents(f.ctx, first[2].Cursor(), nil, store.ConflictFilter{})
	wantErr(t, err, channel.EInvalid, "after")
	if err := f.st.CheckCursor(f.ctx, first[2].Position()); err != store.ErrCursorExpired {
		t.Fatalf("got %v, want ErrCursorExpired", err)
	}
	if err := f.st.CheckCursor(f.ctx, first[7].Position()); err != nil {
		t.Fatalf("a retained cursor: %v", err)
	}
	page := must(f.st.ListEvents(f.ctx, first[5].Cursor(), nil, store.ConflictFilter{}))(t)
	if len(page.Events) != 4 || page.Events[0].Seq != first[6].Seq {
		t.Fatalf("resume after a retained cursor got %v", reasons(page.Events))
	}
}
