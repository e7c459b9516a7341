package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jackc/pgxlisten"

	"channelboard/channel"
)

// This file fans the conflict event log out to a process's subscribers.
//
// One Hub per process reads the log (feed.go) and hands each new event to
// every matching subscriber. It wakes on a short poll and on a NOTIFY sent
// after commit; the poll is the source of truth, so a lost notification, a
// database restart or an engine without LISTEN delays an event by at most
// one poll and loses nothing. Sends to subscribers never block: each has a
// bounded buffer, and one that falls behind is ended with ErrSlowConsumer
// and resumes from its cursor, so one slow browser never stalls the others.

// Defaults of the hub.
const (
	DefaultFeedPoll   = 150 * time.Millisecond
	DefaultFeedBuffer = 1024
	backlogPage       = 500
	cacheSize         = 4096
)

type cachedConflict struct {
	c   Conflict
	gen uint64
}

type cachedID struct {
	id  int64
	gen uint64
}

// Why a subscription ends, besides its context.
var (
	// ErrSlowConsumer ends a subscriber whose buffer overflowed.
	ErrSlowConsumer = &channel.Error{Code: EFeedSlowConsumer, Message: "subscriber fell behind the event feed: resubscribe from the last cursor received"}
	// ErrFeedClosed ends every subscriber when the server shuts down.
	ErrFeedClosed = &channel.Error{Code: EFeedClosed, Message: "server shutting down: resubscribe from the last cursor received"}
)

// Error codes of the feed, for clients that resubscribe automatically.
const (
	EFeedSlowConsumer = "SLOW_CONSUMER"
	EFeedClosed       = "SHUTTING_DOWN"
)

// HubConfig tunes a Hub; zero fields take the defaults.
type HubConfig struct {
	Poll time.Duration // how often the log is read without a wake-up (150 ms)
	// Buffer is how many events a subscriber may lag behind before it is
	// ended (1024): it must hold a burst, as the hub fans a page of up to
	// MaxEventPage events out at once. An idle subscriber holds none.
	Buffer int
	// NoListen turns LISTEN off, for engines without it: the poll alone
	// still delivers every event.
	NoListen bool
	Logger   *slog.Logger
}

// Hub is a process's one reader of the conflict event log.
type Hub struct {
	st  *Store
	cfg HubConfig
	log *slog.Logger

	wake   chan struct{} // cap 1: a pending wake-up
	notify chan struct{} // cap 1: a pending NOTIFY to send

	ready chan struct{} // closed once pos is known
	mu    sync.Mutex
	pos   Cursor // the last event fanned out
	subs  map[*Subscription]struct{}
	// The same subscribers indexed for fan-out: those that may see any
	// conflict, and those limited to one dealer's (SubscribeOptions.Dealer),
	// by dealer. An event is offered to the first and to the second of its
	// conflict's parties only, not to every subscriber.
	anyDealer map[*Subscription]struct{}
	byDealer  map[int64]map[*Subscription]struct{}
	closed    bool

	// cache holds the conflicts of the newest events (up to cacheSize),
	// so each subscriber's per-event dataloader finds them without a query
	// per subscriber, even when it lags a few batches behind. Every
	// subscriber reads it for every event: it has a lock of its own.
	cacheMu    sync.RWMutex
	cache      map[int64]cachedConflict
	cacheOrder []cachedID // oldest first
	cacheGen   uint64

	runMu  sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// NewHub makes a hub over st; Run starts it.
func NewHub(st *Store, cfg HubConfig) *Hub {
	if cfg.Poll <= 0 {
		cfg.Poll = DefaultFeedPoll
	}
	if cfg.Buffer <= 0 {
		cfg.Buffer = DefaultFeedBuffer
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Hub{
		st: st, cfg: cfg, log: cfg.Logger,
		wake: make(chan struct{}, 1), notify: make(chan struct{}, 1),
		ready: make(chan struct{}), subs: map[*Subscription]struct{}{},
		anyDealer: map[*Subscription]struct{}{}, byDealer: map[int64]map[*Subscription]struct{}{},
		cache: map[int64]cachedConflict{},
	}
}

// Run reads the log until ctx ends or Close is called, then ends every
// subscription with ErrFeedClosed. It starts from the newest event: a
// subscriber without a cursor gets only what happens from then on.
func (h *Hub) Run(ctx context.Context) error {
	h.runMu.Lock()
	if h.done != nil {
		h.runMu.Unlock()
		return errors.New("feed hub: Run called twice")
	}
	ctx, cancel := context.WithCancel(ctx)
	h.cancel, h.done = cancel, make(chan struct{})
	h.runMu.Unlock()
	defer close(h.done)
	defer cancel()
	defer h.shutdown()

	tick := time.NewTicker(h.cfg.Poll)
	defer tick.Stop()
	for {
		pos, err := h.st.LastEventPosition(ctx)
		if err == nil {
			h.mu.Lock()
			h.pos = pos
			h.mu.Unlock()
			close(h.ready)
			break
		}
		if ctx.Err() != nil {
			return nil
		}
		h.log.WarnContext(ctx, "feed: find the log's end", "op", "feed", "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}

	var wg sync.WaitGroup
	defer wg.Wait()
	if !h.cfg.NoListen {
		wg.Go(func() { h.listen(ctx) })
	}
	wg.Go(func() { h.sendNotifications(ctx) })

	failing := false
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-h.wake:
		case <-tick.C:
		}
		if err := h.readNew(ctx); err != nil && ctx.Err() == nil {
			// Log a failure once per outage, not once per poll.
			if !failing {
				h.log.WarnContext(ctx, "feed: read the log", "op", "feed", "err", err)
			}
			failing = true
		} else {
			failing = false
		}
	}
}

// Close stops Run and waits for it to end every subscription.
func (h *Hub) Close() {
	h.runMu.Lock()
	cancel, done := h.cancel, h.done
	h.runMu.Unlock()
	if cancel == nil {
		h.shutdown()
		return
	}
	cancel()
	<-done
}

func (h *Hub) shutdown() {
	h.mu.Lock()
	h.closed = true
	subs := h.subs
	h.subs = map[*Subscription]struct{}{}
	h.anyDealer = map[*Subscription]struct{}{}
	h.byDealer = map[int64]map[*Subscription]struct{}{}
	h.mu.Unlock()
	for sub := range subs {
		sub.stop(ErrFeedClosed)
	}
}

// Wake makes the hub read the log now, and asks every other server's hub to
// do the same with a NOTIFY, coalesced so a burst of mutations sends few.
// Call it after a commit that wrote conflict events; it never blocks.
func (h *Hub) Wake() {
	h.wakeUp()
	select {
	case h.notify <- struct{}{}:
	default:
	}
}

func (h *Hub) wakeUp() {
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// sendNotifications sends at most one NOTIFY at a time for Wake: requests
// that arrive while one is in flight are folded into the next.
func (h *Hub) sendNotifications(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-h.notify:
		}
		if err := h.st.NotifyConflictEvents(ctx); err != nil && ctx.Err() == nil {
			h.log.DebugContext(ctx, "feed: notify", "op", "feed", "err", err)
		}
	}
}

// listen wakes the hub on every NOTIFY. After each (re)connection it also
// wakes it once: events committed while it was disconnected were announced
// to nobody.
func (h *Hub) listen(ctx context.Context) {
	l := &pgxlisten.Listener{
		Connect:        h.listenConn,
		ReconnectDelay: time.Second,
		LogError: func(ctx context.Context, err error) {
			if ctx.Err() == nil {
				h.log.DebugContext(ctx, "feed: listen", "op", "feed", "err", err)
			}
		},
	}
	l.Handle(NotifyChannel, wakeHandler{h})
	_ = l.Listen(ctx) // returns only when ctx ends
}

// listenConn opens a connection of its own for LISTEN, configured like the
// pool's (a pooled connection cannot be held forever).
func (h *Hub) listenConn(ctx context.Context) (*pgx.Conn, error) {
	conn, err := h.st.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var cfg *pgx.ConnConfig
	err = conn.Raw(func(driverConn any) error {
		c, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("feed: the database is not opened through pgx (%T)", driverConn)
		}
		cfg = c.Conn().Config()
		// The copy still delivers notifications to the pooled
		// connection's buffer; the listener's own connection must
		// buffer its own.
		cfg.OnNotification = nil
		return nil
	})
	if cerr := conn.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return pgx.ConnectConfig(ctx, cfg)
}

type wakeHandler struct{ h *Hub }

func (w wakeHandler) HandleNotification(context.Context, *pgconn.Notification, *pgx.Conn) error {
	w.h.wakeUp()
	return nil
}

func (w wakeHandler) HandleBacklog(context.Context, string, *pgx.Conn) error {
	w.h.wakeUp()
	return nil
}

// readNew reads every final event after the hub's position and fans each
// out; only Run calls it, so pos changes in one goroutine.
func (h *Hub) readNew(ctx context.Context) error {
	for {
		h.mu.Lock()
		pos := h.pos
		h.mu.Unlock()
		events, err := h.st.EventsAfter(ctx, pos, MaxEventPage)
		if err != nil || len(events) == 0 {
			return err
		}
		batch, err := h.st.loadBatch(ctx, events)
		if err != nil {
			return err
		}
		h.fanOut(batch)
		if len(events) < MaxEventPage {
			return nil
		}
	}
}

// feedBatch is a page of events with what filtering them needs.
type feedBatch struct {
	events    []ConflictEvent
	conflicts map[int64]Conflict
	paths     map[int64]string // conflict id → its customer's region path
}

func (s *Store) loadBatch(ctx context.Context, events []ConflictEvent) (feedBatch, error) {
	ids := make([]int64, len(events))
	for i, e := range events {
		ids[i] = e.ConflictID
	}
	conflicts, paths, err := s.feedConflicts(ctx, sortedUnique(ids))
	if err != nil {
		return feedBatch{}, err
	}
	return feedBatch{events: events, conflicts: conflicts, paths: paths}, nil
}

// match reports whether sub wants event i of the batch.
func (b feedBatch) match(sub *Subscription, i int) bool {
	c, ok := b.conflicts[b.events[i].ConflictID]
	return ok && sub.wants(c, b.paths[c.ID])
}

func (h *Hub) fanOut(b feedBatch) {
	var slow []*Subscription
	h.remember(b.conflicts)
	h.mu.Lock()
	offer := func(sub *Subscription, i int) {
		if !b.match(sub, i) {
			return
		}
		if !sub.offer(&b.events[i]) {
			h.remove(sub)
			slow = append(slow, sub)
		}
	}
	for i := range b.events {
		ev := &b.events[i]
		for sub := range h.anyDealer {
			offer(sub, i)
		}
		if c, ok := b.conflicts[ev.ConflictID]; ok {
			for j, d := range c.DealerIDs {
				if slices.Contains(c.DealerIDs[:j], d) {
					continue // listed twice: offered once
				}
				for sub := range h.byDealer[d] {
					offer(sub, i)
				}
			}
		}
		h.pos = ev.Position()
	}
	h.mu.Unlock()
	for _, sub := range slow {
		sub.stop(ErrSlowConsumer)
	}
}

// add registers sub for fan-out; h.mu is held.
func (h *Hub) add(sub *Subscription) {
	h.subs[sub] = struct{}{}
	if sub.dealer == nil {
		h.anyDealer[sub] = struct{}{}
		return
	}
	m := h.byDealer[*sub.dealer]
	if m == nil {
		m = map[*Subscription]struct{}{}
		h.byDealer[*sub.dealer] = m
	}
	m[sub] = struct{}{}
}

// remove unregisters sub; h.mu is held.
func (h *Hub) remove(sub *Subscription) {
	delete(h.subs, sub)
	if sub.dealer == nil {
		delete(h.anyDealer, sub)
		return
	}
	if m := h.byDealer[*sub.dealer]; m != nil {
		delete(m, sub)
		if len(m) == 0 {
			delete(h.byDealer, *sub.dealer)
		}
	}
}

// remember caches a batch's conflicts, a newer state replacing an older,
// and forgets the oldest beyond cacheSize.
func (h *Hub) remember(conflicts map[int64]Conflict) {
	h.cacheMu.Lock()
	defer h.cacheMu.Unlock()
	for id, c := range conflicts {
		h.cacheGen++
		h.cache[id] = cachedConflict{c: c, gen: h.cacheGen}
		h.cacheOrder = append(h.cacheOrder, cachedID{id: id, gen: h.cacheGen})
	}
	for len(h.cacheOrder) > cacheSize {
		old := h.cacheOrder[0]
		h.cacheOrder = h.cacheOrder[1:]
		if e, ok := h.cache[old.id]; ok && e.gen == old.gen {
			delete(h.cache, old.id)
		}
	}
}

// CachedConflicts returns those of ids the hub loaded with recent events:
// each as it was right after its newest event was read, shared by every
// subscriber instead of loaded by each.
func (h *Hub) CachedConflicts(ids []int64) map[int64]Conflict {
	h.cacheMu.RLock()
	defer h.cacheMu.RUnlock()
	out := make(map[int64]Conflict, len(ids))
	for _, id := range ids {
		if e, ok := h.cache[id]; ok {
			out[id] = e.c
		}
	}
	return out
}

// Subscribers is how many subscriptions the hub feeds now.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// SubscribeOptions says what a subscriber wants.
type SubscribeOptions struct {
	// After resumes right after this event: every event after it is
	// delivered first, in order, then live events, with no gap and no
	// duplicate. Nil: only events that become final from now on.
	After *Cursor
	// Filter narrows events by their conflict as it is when the event is
	// read; DetectedAfter and DetectedBefore apply too.
	Filter ConflictFilter
	// Visible decides whether the subscriber may see a conflict at all
	// (nil: every conflict).
	Visible func(Conflict) bool
	// Dealer, when set, says the subscriber can see only conflicts this
	// dealer is a party to: the hub then offers it only those, instead of
	// asking every subscriber about every event. Visible still decides.
	Dealer *int64
	// OnEnd is called once, before C is closed, with why the subscription
	// ended: nil when its context ended, else ErrSlowConsumer,
	// ErrFeedClosed or a read error.
	OnEnd func(error)
}

// Subscription is one subscriber's stream of events.
type Subscription struct {
	// C delivers the events; it is closed when the subscription ends.
	C <-chan *ConflictEvent

	out        chan *ConflictEvent
	filter     ConflictFilter
	regionPath string
	visible    func(Conflict) bool
	dealer     *int64
	onEnd      func(error)

	once    sync.Once
	stopped chan struct{}
	err     error

	// The live queue: bounded by limit events not yet delivered, filled
	// without blocking by the hub. A slice rather than a buffered channel,
	// so an idle subscriber holds no buffer at all.
	qmu     sync.Mutex
	queue   []*ConflictEvent
	pending int // queued or taken by run and not yet delivered
	limit   int
	signal  chan struct{} // cap 1: the queue has events
	// queued counts live events offered and not yet handed to C, so the
	// receiver can tell whether more follow at once (Queued).
	queued atomic.Int64
}

// offer queues ev unless limit events are already pending; it never blocks.
func (s *Subscription) offer(ev *ConflictEvent) bool {
	s.qmu.Lock()
	if s.pending >= s.limit {
		s.qmu.Unlock()
		return false
	}
	s.queue = append(s.queue, ev)
	s.pending++
	s.queued.Add(1)
	s.qmu.Unlock()
	select {
	case s.signal <- struct{}{}:
	default:
	}
	return true
}

// take empties the queue; the events stay pending until done.
func (s *Subscription) take() []*ConflictEvent {
	s.qmu.Lock()
	defer s.qmu.Unlock()
	q := s.queue
	s.queue = nil
	return q
}

// Queued is how many live events wait behind the last one received from
// C: the websocket writes a frame together with the next ones when more
// follow (graph/wsbatch.go). It is a hint, exact only between receives.
func (s *Subscription) Queued() int { return int(s.queued.Load()) }

func (s *Subscription) done() {
	s.qmu.Lock()
	s.pending--
	s.qmu.Unlock()
}

// wants applies the filter and the visibility check to a conflict.
func (s *Subscription) wants(c Conflict, customerPath string) bool {
	f := s.filter
	if len(f.Kinds) > 0 && !contains(f.Kinds, c.Kind) ||
		len(f.Statuses) > 0 && !contains(f.Statuses, c.Status) ||
		len(f.Severities) > 0 && !contains(f.Severities, c.Severity) ||
		f.CustomerID != nil && !contains(c.CustomerIDs, *f.CustomerID) ||
		f.DealerID != nil && !contains(c.DealerIDs, *f.DealerID) ||
		f.DetectedAfter != nil && c.DetectedAt.Before(*f.DetectedAfter) ||
		f.DetectedBefore != nil && !c.DetectedAt.Before(*f.DetectedBefore) {
		return false
	}
	if f.RegionID != nil && customerPath != s.regionPath && !strings.HasPrefix(customerPath, s.regionPath+".") {
		return false
	}
	return s.visible == nil || s.visible(c)
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// stop ends the subscription with err; the first reason wins.
func (s *Subscription) stop(err error) {
	s.once.Do(func() {
		s.err = err
		close(s.stopped)
	})
}

// Subscribe starts a subscription that lives until ctx ends or the hub
// closes. A cursor whose event retention deleted is ErrCursorExpired.
func (h *Hub) Subscribe(ctx context.Context, opts SubscribeOptions) (*Subscription, error) {
	sub := &Subscription{
		out:     make(chan *ConflictEvent),
		limit:   h.cfg.Buffer,
		signal:  make(chan struct{}, 1),
		filter:  opts.Filter,
		visible: opts.Visible,
		dealer:  opts.Dealer,
		onEnd:   opts.OnEnd,
		stopped: make(chan struct{}),
	}
	sub.C = sub.out
	if opts.Filter.RegionID != nil {
		path, err := h.st.regionPath(ctx, *opts.Filter.RegionID)
		if err != nil {
			return nil, err
		}
		sub.regionPath = path
	}
	if opts.After != nil {
		if err := h.st.CheckCursor(ctx, *opts.After); err != nil {
			return nil, err
		}
	}
	select {
	case <-h.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// Register first, then read the backlog up to the position registered
	// at: every later event reaches the live buffer, every earlier one the
	// backlog, and the seam is deduplicated by position.
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil, ErrFeedClosed
	}
	h.add(sub)
	seam := h.pos
	h.mu.Unlock()

	go sub.run(ctx, h, opts.After, seam)
	return sub, nil
}

func (s *Subscription) run(ctx context.Context, h *Hub, after *Cursor, seam Cursor) {
	var endErr error
	defer func() {
		h.mu.Lock()
		h.remove(s)
		h.mu.Unlock()
		if endErr == nil && ctx.Err() == nil {
			// Stopped by the hub: say why.
			endErr = s.err
		}
		if s.onEnd != nil {
			s.onEnd(endErr)
		}
		close(s.out)
	}()
	send := func(ev *ConflictEvent) bool {
		select {
		case s.out <- ev:
			return true
		case <-ctx.Done():
		case <-s.stopped:
		}
		return false
	}

	last := seam
	if after != nil {
		last = *after
		for last.Less(seam) {
			events, err := h.st.eventsBetween(ctx, last, &seam, backlogPage)
			if err == nil && len(events) > 0 {
				var b feedBatch
				if b, err = h.st.loadBatch(ctx, events); err == nil {
					for i := range b.events {
						if b.match(s, i) && !send(&b.events[i]) {
							return
						}
						last = b.events[i].Position()
					}
				}
			}
			if err != nil {
				if ctx.Err() == nil {
					endErr = fmt.Errorf("feed backlog: %w", err)
				}
				return
			}
			if len(events) < backlogPage {
				break
			}
		}
		if last.Less(seam) {
			last = seam
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.stopped:
			return
		case <-s.signal:
			for _, ev := range s.take() {
				// Before the send: the receiver reads it after.
				s.queued.Add(-1)
				if last.Less(ev.Position()) { // else delivered from the backlog
					last = ev.Position()
					if !send(ev) {
						return
					}
				}
				s.done()
			}
		}
	}
}
