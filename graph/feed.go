package graph

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"channelboard/channel"
	"channelboard/graph/model"
	"channelboard/store"
)

// This file serves the live conflict feed: Subscription.conflictEvents over
// the process's store.Hub, Query.conflictEvents over the same log, and the
// per-event dataloaders subscriptions need.

// WithFeed serves Subscription.conflictEvents from hub. Without it the
// subscription answers with an error.
func WithFeed(hub *store.Hub) Option { return func(o *options) { o.feed = hub } }

// WithWebsockets accepts subscriptions over ws (see NewWebsockets).
func WithWebsockets(ws *Websockets) Option { return func(o *options) { o.ws = ws } }

// errNoFeed is internal: a server wired without a hub is a bug, not input.
var errNoFeed = errors.New("the live feed is not configured")

// viewerOf is who is asking: the signed-in viewer of the request (or of
// the websocket's handshake).
func viewerOf(ctx context.Context) channel.Viewer {
	v, _ := channel.ViewerFrom(ctx)
	return v
}

// canSee is the one place that decides whether a viewer may see a conflict
// in the feed: staff and analysts every one, a dealer user those it is a
// party to. What it then reads of the conflict is redacted by the
// resolvers as in any query.
func canSee(viewer channel.Viewer, c store.Conflict) bool {
	return viewer.SeesConflict(c.DealerIDs)
}

func (r *Resolver) subscribeConflictEvents(ctx context.Context, after *string, filter *model.ConflictFilter) (<-chan *store.ConflictEvent, error) {
	if r.feed == nil {
		return nil, errNoFeed
	}
	f, err := conflictFilter(filter)
	if err != nil {
		return nil, err
	}
	var from *store.Cursor
	if after != nil && *after != "" {
		c, err := store.ParseCursor(*after)
		if err != nil {
			return nil, err
		}
		from = &c
	}
	viewer := viewerOf(ctx)
	present := errorPresenter(r.logger)
	end, _ := ctx.Value(subscriptionEndKey{}).(*subscriptionEnd)
	subCtx, cancel := context.WithCancel(ctx)
	sub, err := r.feed.Subscribe(subCtx, store.SubscribeOptions{
		After:   from,
		Filter:  f,
		Visible: func(c store.Conflict) bool { return canSee(viewer, c) },
		Dealer:  feedScope(viewer),
		OnEnd: func(err error) {
			if end != nil && err != nil && end.get() == nil {
				end.set(present(ctx, err))
			}
		},
	})
	if err != nil {
		cancel()
		return nil, err
	}
	r.recheckViewer(subCtx, cancel, end)
	return relay(ctx, sub), nil
}

// feedScope narrows the hub's fan-out for a viewer canSee limits to one
// dealer's conflicts (nil: the viewer may see any). It only spares the hub
// asking every subscriber about every event; canSee still decides. A
// viewer who sees neither all nor a dealer's gets dealer 0, which is no
// conflict's party.
func feedScope(viewer channel.Viewer) *int64 {
	if viewer.SeesAll() {
		return nil
	}
	d := viewer.DealerID
	if viewer.Role != channel.RoleDealer {
		d = 0
	}
	return &d
}

// subscriptionEnd carries why a subscription ended from the hub's side to
// gqlgen's subscription goroutine, which reports it when the stream ends:
// adding the error from the hub's goroutine would race with gqlgen reading
// it when the client leaves at the same moment.
type subscriptionEnd struct {
	mu  sync.Mutex
	err *gqlerror.Error
}

type subscriptionEndKey struct{}

func (s *subscriptionEnd) set(err *gqlerror.Error) {
	s.mu.Lock()
	s.err = err
	s.mu.Unlock()
}

func (s *subscriptionEnd) get() *gqlerror.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

var _ graphql.OperationInterceptor = feedLoaders{}

// InterceptOperation gives each subscription a place for why it ended, and
// when its stream ends tells the client (the websocket transport sends it
// as the operation's error message, e.g. SLOW_CONSUMER).
func (e feedLoaders) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	end := &subscriptionEnd{}
	ctx = context.WithValue(ctx, subscriptionEndKey{}, end)
	var r *feedRelay
	if e.share != nil {
		r = &feedRelay{out: make(chan *store.ConflictEvent, 1)}
		ctx = context.WithValue(ctx, feedRelayKey{}, r)
	}
	responses := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		if r != nil {
			ctx = context.WithValue(ctx, feedRelayKey{}, r)
		}
		resp := responses(ctx)
		if resp == nil {
			if err := end.get(); err != nil {
				addSubscriptionError(ctx, err)
			}
		}
		return resp
	}
}

// addSubscriptionError: only the websocket transport carries the place
// for it; elsewhere there is no one to tell.
func addSubscriptionError(ctx context.Context, err *gqlerror.Error) {
	defer func() { _ = recover() }()
	transport.AddSubscriptionError(ctx, err)
}

func (r *Resolver) listConflictEvents(ctx context.Context, after *string, first *int, filter *model.ConflictFilter) (*model.ConflictEventConnection, error) {
	f, err := conflictFilter(filter)
	if err != nil {
		return nil, err
	}
	a := ""
	if after != nil {
		a = *after
	}
	page, err := r.store.ListEvents(ctx, a, first, f)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(page.Events))
	for i, e := range page.Events {
		ids[i] = e.ConflictID
	}
	conflicts, err := loadAll(ctx, r.loaders(ctx).conflict(), ids)
	if err != nil {
		return nil, err
	}
	visible := make(map[int64]bool, len(conflicts))
	viewer := viewerOf(ctx)
	for _, c := range conflicts {
		visible[c.ID] = canSee(viewer, c)
	}
	conn := &model.ConflictEventConnection{Edges: []model.ConflictEventEdge{},
		PageInfo: &model.PageInfo{HasNextPage: page.HasNextPage, HasPreviousPage: a != ""}}
	for i := range page.Events {
		e := &page.Events[i]
		if visible[e.ConflictID] {
			conn.Edges = append(conn.Edges, model.ConflictEventEdge{Cursor: e.Cursor(), Node: e})
		}
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
	}
	// The end cursor is the last event read, shown or not, so the next page
	// (or a subscription) does not read the hidden ones again.
	if n := len(page.Events); n > 0 {
		end := page.Events[n-1].Cursor()
		conn.PageInfo.EndCursor = &end
	}
	return conn, nil
}

// feedLoaders wakes the feed after each mutation, and gives every
// subscription event fresh dataloaders: the
// connection's loaders would serve each event the conflict as it was at the
// first event. gqlgen runs response interceptors around each event of a
// subscription, and the event's fields resolve inside. The conflict loader
// first looks in the hub's newest batch, which every subscriber shares.
type feedLoaders struct {
	st    *store.Store
	hub   *store.Hub
	wait  time.Duration
	share *feedShare // feedshare.go
}

var _ graphql.ResponseInterceptor = feedLoaders{}

func (feedLoaders) ExtensionName() string                          { return "FeedLoaders" }
func (feedLoaders) Validate(schema graphql.ExecutableSchema) error { return nil }

func (e feedLoaders) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	var op ast.Operation
	if graphql.HasOperationContext(ctx) && graphql.GetOperationContext(ctx).Operation != nil {
		op = graphql.GetOperationContext(ctx).Operation.Operation
	}
	if op != ast.Subscription && ctx.Value(upgradedKey{}) != nil {
		// A query or mutation sent over a websocket: the connection's
		// loaders would serve every operation on it, for hours, from one
		// cache (wsTransport empties them), so each gets its own.
		ctx = context.WithValue(ctx, loadersKey{}, newLoaders(e.st, e.wait))
	}
	switch {
	case op == ast.Mutation && e.hub != nil:
		// The mutation's transactions have committed when its response is
		// ready: wake this server's feed now and the others' by NOTIFY,
		// never from inside a transaction. Mutations that wrote no event
		// cost one coalesced NOTIFY; the poll would find their events
		// anyway.
		resp := next(ctx)
		e.hub.Wake()
		return resp
	case op != ast.Subscription:
		return next(ctx)
	}
	// Each call waits for the subscription's next event, which may be
	// hours away; the loaders are empty until the event's fields ask for
	// one (loaders.go), so an idle subscription holds next to nothing.
	exec := func(ctx context.Context) *graphql.Response {
		return next(context.WithValue(ctx, loadersKey{}, e.eventLoaders()))
	}
	if r, ok := ctx.Value(feedRelayKey{}).(*feedRelay); ok && r.src != nil && e.share != nil {
		return e.share.next(ctx, r, exec)
	}
	return exec(ctx)
}

// eventLoaders are one subscription event's loaders.
func (e feedLoaders) eventLoaders() *loaders {
	l := newLoaders(e.st, e.wait)
	if e.hub != nil {
		l.conflictFetch = func(ctx context.Context, ids []int64) (map[int64]store.Conflict, error) {
			found := e.hub.CachedConflicts(ids)
			var missing []int64
			for _, id := range ids {
				if _, ok := found[id]; !ok {
					missing = append(missing, id)
				}
			}
			if len(missing) == 0 {
				return found, nil
			}
			rest, err := e.st.ConflictsByIDs(ctx, missing)
			if err != nil {
				return nil, err
			}
			for id, c := range rest {
				found[id] = c
			}
			return found, nil
		}
	}
	return l
}

// defaultRecheck is how often a live subscription checks its viewer's
// credentials again.
const defaultRecheck = 30 * time.Second

// recheckViewer ends a subscription whose session ended or whose token was
// revoked or expired since it began: the stream says UNAUTHENTICATED and
// stops. It checks on a timer rather than in a goroutine of its own, so
// an idle subscription holds no goroutine for it; the timer stops when
// ctx ends.
func (r *Resolver) recheckViewer(ctx context.Context, cancel context.CancelFunc, end *subscriptionEnd) {
	check := channel.Recheck(ctx)
	if check == nil {
		return // cancel runs when gqlgen ends the operation's context
	}
	var t *time.Timer
	var mu sync.Mutex // orders Reset after a check with Stop at the end
	stopped := false
	tick := func() {
		err := check(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil && channel.ErrorCode(err) == channel.EUnauthenticated {
			if end != nil {
				end.set(&gqlerror.Error{Message: "Your session ended or your token was revoked: sign in again.",
					Extensions: map[string]any{"code": channel.EUnauthenticated}})
			}
			cancel()
			return
		}
		if err != nil {
			// A database hiccup is not a reason to drop a board.
			r.logger.WarnContext(ctx, "subscription credential check failed", "op", "feed.recheck", "err", err)
		}
		mu.Lock()
		if !stopped {
			t.Reset(r.recheck)
		}
		mu.Unlock()
	}
	mu.Lock()
	t = time.AfterFunc(r.recheck, tick)
	mu.Unlock()
	context.AfterFunc(ctx, func() {
		mu.Lock()
		stopped = true
		t.Stop()
		mu.Unlock()
		cancel()
	})
}
