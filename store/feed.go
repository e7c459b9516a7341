package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// This file reads the conflict event log as a feed: in one total order that
// only ever appends, so a reader that remembers where it stopped never skips
// an event and never sees one twice.
//
// A bigserial does not commit in order: transaction A takes seq 5, B takes
// seq 6 and commits, a reader sees 6 and moves past 5, then A commits 5.
// So the log is ordered by (xid, seq), where xid is the writing
// transaction's id, and a reader only reads rows whose xid is below
// pg_snapshot_xmin(pg_current_snapshot()): every transaction below that
// watermark has ended, and every transaction still running or yet to start
// has an xid at or above it, so nothing can appear later before a position
// already read. The price: a long-running writing transaction holds the
// feed back until it ends (read-only transactions take no xid and do not).

// Cursor is a position in the conflict event log: the position of the last
// event a reader has seen. The zero Cursor is before the first event.
type Cursor struct {
	XID uint64
	Seq int64
}

// Position is the event's place in the log.
func (e ConflictEvent) Position() Cursor { return Cursor{XID: e.XID, Seq: e.Seq} }

// IsZero reports whether c is before the first event.
func (c Cursor) IsZero() bool { return c == Cursor{} }

// Less orders cursors as the log is ordered.
func (c Cursor) Less(o Cursor) bool {
	return c.XID < o.XID || (c.XID == o.XID && c.Seq < o.Seq)
}

// String renders the cursor as clients see it, the same text as
// ConflictEvent.Cursor.
func (c Cursor) String() string { return ConflictEvent{XID: c.XID, Seq: c.Seq}.Cursor() }

// ParseCursor reads a client's cursor; a malformed one is BAD_USER_INPUT
// on the field "after".
func ParseCursor(s string) (Cursor, error) {
	xid, seq, err := ParseEventCursor(s)
	if err != nil {
		return Cursor{}, err
	}
	return Cursor{XID: xid, Seq: seq}, nil
}

// ErrCursorExpired is returned when a client resumes from an event that
// retention has already deleted: the events after it may be gone too, so
// the client must reload the board instead of trusting a partial replay.
var ErrCursorExpired = &channel.Error{Code: channel.EInvalid, Field: "after", Message: "cursor expired: reload the board"}

// MaxEventPage caps one read of the log.
const MaxEventPage = 1000

// DefaultEventRetention is how long PruneEvents keeps events by default.
const DefaultEventRetention = 30 * 24 * time.Hour

const eventColumns = `e.seq, e.xid::text AS xid, e.type, e.conflict_id, e.at, e.reason`

// visibleEvents is the condition that keeps a reader below the watermark.
const visibleEvents = `e.xid < pg_snapshot_xmin(pg_current_snapshot())`

// EventsAfter returns up to limit events after the cursor, in log order,
// all of them final: no event will ever be inserted before the last one
// returned. A short page means the reader has caught up for now.
func (s *Store) EventsAfter(ctx context.Context, after Cursor, limit int) ([]ConflictEvent, error) {
	return s.eventsBetween(ctx, after, nil, limit)
}

// eventsBetween is EventsAfter that stops at upto (inclusive) when given.
func (s *Store) eventsBetween(ctx context.Context, after Cursor, upto *Cursor, limit int) ([]ConflictEvent, error) {
	if limit <= 0 || limit > MaxEventPage {
		limit = MaxEventPage
	}
	q := s.db.NewSelect().ColumnExpr(eventColumns).TableExpr("conflict_events AS e").
		Where("(e.xid, e.seq) > (?::xid8, ?)", strconv.FormatUint(after.XID, 10), after.Seq).
		Where(visibleEvents).
		OrderExpr("e.xid, e.seq").Limit(int64(limit))
	if upto != nil {
		q = q.Where("(e.xid, e.seq) <= (?::xid8, ?)", strconv.FormatUint(upto.XID, 10), upto.Seq)
	}
	var rows []eventRecord
	if err := q.Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("conflict events after %d/%d: %w", after.XID, after.Seq, err)
	}
	out := make([]ConflictEvent, len(rows))
	for i, r := range rows {
		out[i] = r.event()
	}
	return out, nil
}

// LastEventPosition is the position of the newest final event: where a
// reader that wants only what happens from now on starts.
func (s *Store) LastEventPosition(ctx context.Context) (Cursor, error) {
	var rows []eventRecord
	err := s.db.NewSelect().ColumnExpr(eventColumns).TableExpr("conflict_events AS e").
		Where(visibleEvents).OrderExpr("e.xid DESC, e.seq DESC").Limit(1).Scan(ctx, &rows)
	if err != nil {
		return Cursor{}, fmt.Errorf("last conflict event: %w", err)
	}
	if len(rows) == 0 {
		return Cursor{}, nil
	}
	return rows[0].event().Position(), nil
}

// CheckCursor refuses a client's cursor whose event no longer exists.
// Events are only ever deleted by PruneEvents, so a missing one means the
// client has been away longer than the retention (or forged the cursor):
// ErrCursorExpired. The zero cursor, "from the start", is always valid.
func (s *Store) CheckCursor(ctx context.Context, c Cursor) error {
	if c.IsZero() {
		return nil
	}
	var one int
	endRequestTx(ctx) // trusted read on a connection of its own
	err := s.db.NewRaw(`SELECT 1 FROM conflict_events WHERE xid = ?::xid8 AND seq = ?`,
		strconv.FormatUint(c.XID, 10), c.Seq).Scan(ctx, &one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrCursorExpired
	} else if err != nil {
		return fmt.Errorf("check event cursor: %w", err)
	}
	return nil
}

// EventPage is one page of the log as the conflictEvents query reads it.
type EventPage struct {
	Events      []ConflictEvent
	HasNextPage bool
}

// ListEvents pages through the log after a client's cursor ("" = from the
// oldest retained event), keeping only events of conflicts that match f
// (as they are now). Its cursors are the subscription's, so a client can
// page through history and then subscribe from the last one it read.
func (s *Store) ListEvents(ctx context.Context, after string, first *int, f ConflictFilter) (EventPage, error) {
	n, err := Page{First: first}.size()
	if err != nil {
		return EventPage{}, err
	}
	var from Cursor
	if after != "" {
		if from, err = ParseCursor(after); err != nil {
			return EventPage{}, err
		}
		if err := s.CheckCursor(ctx, from); err != nil {
			return EventPage{}, err
		}
	}
	var rows []eventRecord
	err = s.view(ctx, func(ctx context.Context, db bun.IDB) error {
		q := db.NewSelect().ColumnExpr(eventColumns).TableExpr("conflict_events AS e").
			Join("JOIN conflicts AS cf ON cf.id = e.conflict_id").
			Where("(e.xid, e.seq) > (?::xid8, ?)", strconv.FormatUint(from.XID, 10), from.Seq).
			Where(visibleEvents).
			OrderExpr("e.xid, e.seq").Limit(int64(n + 1))
		q = f.apply(narrow(ctx, q, conflictOfDealer))
		return q.Scan(ctx, &rows)
	})
	if err != nil {
		return EventPage{}, fmt.Errorf("list conflict events: %w", err)
	}
	page := EventPage{HasNextPage: len(rows) > n}
	if page.HasNextPage {
		rows = rows[:n]
	}
	page.Events = make([]ConflictEvent, len(rows))
	for i, r := range rows {
		page.Events[i] = r.event()
	}
	return page, nil
}

// PruneEvents deletes events older than olderThan and returns how many.
// Clients resuming from a deleted event get ErrCursorExpired.
func (s *Store) PruneEvents(ctx context.Context, olderThan time.Duration) (int64, error) {
	if olderThan <= 0 {
		return 0, fmt.Errorf("prune conflict events: retention must be positive, got %s", olderThan)
	}
	res, err := s.db.NewRaw(`DELETE FROM conflict_events WHERE at < ?`, s.now().Add(-olderThan)).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("prune conflict events: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// NotifyChannel is the LISTEN/NOTIFY channel that wakes feed readers.
const NotifyChannel = "conflict_events"

// NotifyConflictEvents wakes every server's feed reader. Call it after a
// transaction that wrote conflict events has committed — never inside it:
// NOTIFY takes a global lock at commit, and a notification of a change
// that then rolls back would be a lie. It is only an accelerator: readers
// also poll, so a lost notification delays an event, never loses it.
func (s *Store) NotifyConflictEvents(ctx context.Context) error {
	if _, err := s.db.NewRaw(`SELECT pg_notify(?, '')`, NotifyChannel).Exec(ctx); err != nil {
		return fmt.Errorf("notify %s: %w", NotifyChannel, err)
	}
	return nil
}

// feedConflicts loads, for a batch of events, the conflicts they are about
// and the region path of each conflict's customer, in two queries: what the
// hub needs to filter events for its subscribers without a query per
// subscriber.
func (s *Store) feedConflicts(ctx context.Context, ids []int64) (map[int64]Conflict, map[int64]string, error) {
	conflicts, err := s.ConflictsByIDs(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	customers := make([]int64, 0, len(conflicts))
	for _, c := range conflicts {
		customers = append(customers, c.CustomerID)
	}
	paths := map[int64]string{}
	if len(customers) == 0 {
		return conflicts, paths, nil
	}
	var rows []struct {
		ID   int64  `bun:"id"`
		Path string `bun:"path"`
	}
	err = s.db.NewRaw(`SELECT c.id, r.path::text AS path FROM customers c JOIN regions r ON r.id = c.region_id
		WHERE c.id IN (?)`, bun.In(sortedUnique(customers))).Scan(ctx, &rows)
	if err != nil {
		return nil, nil, fmt.Errorf("feed customer regions: %w", err)
	}
	byCustomer := make(map[int64]string, len(rows))
	for _, r := range rows {
		byCustomer[r.ID] = r.Path
	}
	for id, c := range conflicts {
		paths[id] = byCustomer[c.CustomerID]
	}
	return conflicts, paths, nil
}

// regionPath is the ltree path of a region, for the feed's region filter.
func (s *Store) regionPath(ctx context.Context, id int64) (string, error) {
	var path string
	err := s.db.NewRaw(`SELECT path::text FROM regions WHERE id = ?`, id).Scan(ctx, &path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", channel.Invalid("filter.regionId", "no such region")
	} else if err != nil {
		return "", fmt.Errorf("region %d: %w", id, err)
	}
	return path, nil
}
