package graph

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"golang.org/x/sync/singleflight"

	"channelboard/channel"
	"channelboard/store"
)

// A conflict event reaches every open board: hundreds of subscribers of
// one replica ask for the same event with the same document. gqlgen
// executes a subscription's selection once per subscriber per event, and
// that execution was a third of the feed's CPU under a burst
// (docs/benchmarks.md). What a subscriber receives depends only on the
// event, the operation (document and variables) and what its viewer may
// see, so the feed executes each event once per such triple and hands
// every subscriber of the triple the same response.
//
// What a viewer may see of a conflict is decided by its role and, for a
// dealer user, its dealer (row security, canSee and the resolvers'
// redaction read nothing else of the viewer): viewerClass is those.
// Nothing reachable from a ConflictEvent reads the user itself.

// feedRelay stands between the hub's subscription and gqlgen's: gqlgen
// reads events from out, which the response interceptor fills one at a
// time, only when the event's response is not already shared.
type feedRelay struct {
	src    <-chan *store.ConflictEvent // the hub's subscription; nil until the resolver ran
	queued func() int                  // events waiting behind the one received
	out    chan *store.ConflictEvent   // cap 1, read by gqlgen's execution

	once  sync.Once
	op    string // the operation's key, made at the first event
	class string
}

type feedRelayKey struct{}

// relay is the subscription resolver's side: it hands the hub's
// subscription to the relay the operation interceptor put in ctx and gives
// gqlgen the relay's channel. Without one (a resolver called directly)
// gqlgen reads the subscription's.
func relay(ctx context.Context, sub *store.Subscription) <-chan *store.ConflictEvent {
	r, ok := ctx.Value(feedRelayKey{}).(*feedRelay)
	if !ok {
		return sub.C
	}
	r.src, r.queued = sub.C, sub.Queued
	return r.out
}

func (r *feedRelay) keys(ctx context.Context) {
	r.once.Do(func() {
		oc := graphql.GetOperationContext(ctx)
		vars, _ := json.Marshal(oc.Variables) // map keys sorted: one text per value
		h := sha256.New()
		for _, s := range []string{oc.RawQuery, oc.OperationName, string(vars)} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		r.op = hex.EncodeToString(h.Sum(nil))
		r.class = viewerClass(viewerOf(ctx))
	})
}

// viewerClass names what a viewer may see of the feed.
func viewerClass(v channel.Viewer) string {
	if v.Role == channel.RoleDealer {
		return string(v.Role) + "\x00" + strconv.FormatInt(v.DealerID, 10) + "\x00" + v.DealerName
	}
	return string(v.Role)
}

// feedShare holds the responses of recent events, each under its event,
// operation and viewer class, for a few seconds: long enough for every
// subscriber of a replica to take its copy, short enough to hold little.
// Two generations: a response lives between one and two periods.
type feedShare struct {
	period  time.Duration
	maxKeep int // responses per generation; beyond, share only in-flight

	flights singleflight.Group

	mu        sync.Mutex
	cur, prev map[string]*graphql.Response
	rotated   time.Time

	// frames counts responses by how they were made: executed, or shared
	// from another subscriber's execution (opmetrics.go exports them).
	frames func(shared bool)
}

func newFeedShare(frames func(shared bool)) *feedShare {
	if frames == nil {
		frames = func(bool) {}
	}
	return &feedShare{period: 5 * time.Second, maxKeep: 50_000, cur: map[string]*graphql.Response{}, frames: frames}
}

func (s *feedShare) get(key string) *graphql.Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.cur[key]; ok {
		return r
	}
	return s.prev[key]
}

func (s *feedShare) put(key string, r *graphql.Response) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now := time.Now(); now.Sub(s.rotated) > s.period {
		s.prev, s.cur, s.rotated = s.cur, make(map[string]*graphql.Response, len(s.cur)), now
	}
	if len(s.cur) < s.maxKeep {
		s.cur[key] = r
	}
}

// copyOf is a subscriber's own copy of a shared response: the bytes of the
// data are shared and never written; the lists are clipped, so appending
// to one copy's errors cannot write into another's.
func copyOf(r *graphql.Response) *graphql.Response {
	c := *r
	c.Errors = slices.Clip(c.Errors)
	return &c
}

// next gives a subscription its next response: it takes the next event
// from the hub, and either finds the response another subscriber of the
// same class and operation made for it, or executes the operation on it
// (exec) and offers the result to the others. Only a response without
// errors is shared: an error of one execution (a timeout, a client gone
// mid-way) is that subscriber's alone, and the others execute for
// themselves.
func (s *feedShare) next(ctx context.Context, r *feedRelay, exec graphql.ResponseHandler) *graphql.Response {
	if ctx.Err() != nil {
		return exec(ctx) // gqlgen ends the stream as it would
	}
	var ev *store.ConflictEvent
	var ok bool
	select {
	case ev, ok = <-r.src:
	case <-ctx.Done():
		return exec(ctx)
	}
	if !ok {
		close(r.out) // gqlgen reads the end of the stream
		return exec(ctx)
	}
	if r.queued != nil && r.queued() > 0 {
		// More events follow at once: the socket may write this frame
		// together with theirs (wsbatch.go).
		if c, ok := ctx.Value(upgradedKey{}).(*wsConn); ok {
			c.more.Store(true)
		}
	}
	r.keys(ctx)
	pos := ev.Position()
	key := strconv.FormatUint(pos.XID, 10) + "." + strconv.FormatInt(pos.Seq, 10) + "\x00" + r.op + "\x00" + r.class
	own := func() *graphql.Response {
		select {
		case r.out <- ev:
		default:
			// gqlgen left the last event unread (its context ended
			// mid-way): this one replaces it.
			select {
			case <-r.out:
			default:
			}
			r.out <- ev
		}
		s.frames(false)
		return exec(ctx)
	}
	if resp := s.get(key); resp != nil {
		s.frames(true)
		return copyOf(resp)
	}
	// Set only on the goroutine that runs the flight.
	executed, mine := false, (*graphql.Response)(nil)
	v, _, _ := s.flights.Do(key, func() (any, error) {
		if resp := s.get(key); resp != nil { // a flight ended just before this one
			return resp, nil
		}
		executed = true
		mine = own()
		if mine == nil || len(mine.Errors) > 0 || ctx.Err() != nil {
			return nil, nil
		}
		// gqlgen writes each event's data into one buffer per
		// subscription, reused for its next event: the others get a copy.
		shared := copyOf(mine)
		shared.Data = bytes.Clone(mine.Data)
		s.put(key, shared)
		return shared, nil
	})
	if executed {
		return mine
	}
	resp, _ := v.(*graphql.Response)
	if resp == nil || len(resp.Errors) > 0 {
		return own()
	}
	s.frames(true)
	return copyOf(resp)
}
