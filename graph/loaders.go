package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"channelboard/channel"
	"channelboard/store"
)

// loaders batch every edge of a request into one query per kind of edge and
// level of the query, so a page of 100 customers with owners, regions and
// counts costs the same number of queries as a page of 10. They are made
// per request: their cache must never outlive it or serve another viewer.
//
// Each loader is made when a resolver first asks for it: a request reads
// a handful of the 25 kinds, and a subscription event (one set per event
// per subscriber, feed.go) usually two or three.
type loaders struct {
	st   *store.Store
	opts []dataloadgen.Option
	// conflictFetch, when set, loads conflicts instead of the store
	// (a subscription event looks in the feed's shared batch first).
	conflictFetch func(context.Context, []int64) (map[int64]store.Conflict, error)

	mu   sync.Mutex
	made struct {
		dealer                  *dataloadgen.Loader[int64, channel.Dealer]
		region                  *dataloadgen.Loader[int64, channel.Region]
		regionByPath            *dataloadgen.Loader[string, channel.Region]
		regionChildren          *dataloadgen.Loader[string, []channel.Region]
		productLine             *dataloadgen.Loader[int64, channel.ProductLine]
		customer                *dataloadgen.Loader[int64, channel.Customer]
		ownershipChange         *dataloadgen.Loader[int64, channel.OwnershipChange]
		history                 *dataloadgen.Loader[int64, []channel.OwnershipChange]
		dealCount               *dataloadgen.Loader[int64, store.DealCount]
		subDealers              *dataloadgen.Loader[int64, []channel.Dealer]
		customerCount           *dataloadgen.Loader[int64, int]
		territory               *dataloadgen.Loader[int64, channel.TerritoryAssignment]
		territories             *dataloadgen.Loader[int64, []channel.TerritoryAssignment]
		deal                    *dataloadgen.Loader[int64, channel.Deal]
		policy                  *dataloadgen.Loader[int, channel.Policy]
		plan                    *dataloadgen.Loader[store.PlanKey, channel.DealerPlan]
		conflict                *dataloadgen.Loader[int64, store.Conflict]
		conflictsByCustomer     *dataloadgen.Loader[int64, []store.Conflict]
		conflictsByDeal         *dataloadgen.Loader[int64, []store.Conflict]
		openConflictsByCustomer *dataloadgen.Loader[int64, int]
		openConflictsByDealer   *dataloadgen.Loader[int64, int]
		conflictEvents          *dataloadgen.Loader[int64, []store.ConflictEvent]
		compensations           *dataloadgen.Loader[int64, []channel.Compensation]
		dealerCompensations     *dataloadgen.Loader[int64, []channel.Compensation]
		splits                  *dataloadgen.Loader[int64, []channel.CreditSplit]
	}
}

// defaultLoaderWait is how long a loader collects keys before it queries.
// The executor resolves a list's fields in goroutines started together, so
// half a millisecond gathers a whole page. Every level of a query waits it
// once: at 2 ms a customer with its deals and history took 13.8 ms, at
// 0.5 ms 8.0 ms (BenchmarkSharedQuestions in bench/). When the machine is
// so busy that a page's goroutines start later than that, a batch splits
// in two: one more statement, never a wrong answer.
const defaultLoaderWait = 500 * time.Microsecond

func newLoaders(st *store.Store, wait time.Duration) *loaders {
	return &loaders{st: st, opts: []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(store.MaxPageSize * 5)}}
}

// lazyLoader returns *p, making it with fetch on first use.
func lazyLoader[K comparable, V any](l *loaders, p **dataloadgen.Loader[K, V], fetch func(context.Context, []K) (map[K]V, error), opts ...dataloadgen.Option) *dataloadgen.Loader[K, V] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if *p == nil {
		*p = dataloadgen.NewMappedLoader(fetch, append(l.opts[:len(l.opts):len(l.opts)], opts...)...)
	}
	return *p
}

func (l *loaders) dealer() *dataloadgen.Loader[int64, channel.Dealer] {
	return lazyLoader(l, &l.made.dealer, l.st.DealersByIDs)
}

func (l *loaders) region() *dataloadgen.Loader[int64, channel.Region] {
	return lazyLoader(l, &l.made.region, l.st.RegionsByIDs)
}

func (l *loaders) regionByPath() *dataloadgen.Loader[string, channel.Region] {
	return lazyLoader(l, &l.made.regionByPath, l.st.RegionsByPaths)
}

func (l *loaders) regionChildren() *dataloadgen.Loader[string, []channel.Region] {
	return lazyLoader(l, &l.made.regionChildren, complete(l.st.RegionChildren))
}

func (l *loaders) productLine() *dataloadgen.Loader[int64, channel.ProductLine] {
	return lazyLoader(l, &l.made.productLine, l.st.ProductLinesByIDs)
}

func (l *loaders) customer() *dataloadgen.Loader[int64, channel.Customer] {
	return lazyLoader(l, &l.made.customer, l.st.CustomersByIDs)
}

func (l *loaders) ownershipChange() *dataloadgen.Loader[int64, channel.OwnershipChange] {
	return lazyLoader(l, &l.made.ownershipChange, l.st.OwnershipChangesByIDs)
}

func (l *loaders) history() *dataloadgen.Loader[int64, []channel.OwnershipChange] {
	return lazyLoader(l, &l.made.history, complete(l.st.OwnershipHistories))
}

func (l *loaders) dealCount() *dataloadgen.Loader[int64, store.DealCount] {
	return lazyLoader(l, &l.made.dealCount, complete(l.st.DealCountsByCustomers))
}

func (l *loaders) subDealers() *dataloadgen.Loader[int64, []channel.Dealer] {
	return lazyLoader(l, &l.made.subDealers, complete(l.st.SubDealersByParents))
}

func (l *loaders) customerCount() *dataloadgen.Loader[int64, int] {
	return lazyLoader(l, &l.made.customerCount, complete(l.st.CustomerCountsByDealers))
}

func (l *loaders) territory() *dataloadgen.Loader[int64, channel.TerritoryAssignment] {
	return lazyLoader(l, &l.made.territory, l.st.TerritoriesByIDs)
}

func (l *loaders) territories() *dataloadgen.Loader[int64, []channel.TerritoryAssignment] {
	return lazyLoader(l, &l.made.territories, complete(l.st.TerritoriesByDealers))
}

func (l *loaders) deal() *dataloadgen.Loader[int64, channel.Deal] {
	return lazyLoader(l, &l.made.deal, l.st.DealsByIDs)
}

func (l *loaders) policy() *dataloadgen.Loader[int, channel.Policy] {
	return lazyLoader(l, &l.made.policy, l.st.PoliciesByYears)
}

func (l *loaders) plan() *dataloadgen.Loader[store.PlanKey, channel.DealerPlan] {
	return lazyLoader(l, &l.made.plan, l.st.PlansByKeys)
}

func (l *loaders) conflict() *dataloadgen.Loader[int64, store.Conflict] {
	if l.conflictFetch != nil {
		// Mostly cache hits: waiting would only delay the event.
		return lazyLoader(l, &l.made.conflict, l.conflictFetch, dataloadgen.WithWait(0))
	}
	return lazyLoader(l, &l.made.conflict, l.st.ConflictsByIDs)
}

func (l *loaders) conflictsByCustomer() *dataloadgen.Loader[int64, []store.Conflict] {
	return lazyLoader(l, &l.made.conflictsByCustomer, complete(l.st.ConflictsByCustomers))
}

func (l *loaders) conflictsByDeal() *dataloadgen.Loader[int64, []store.Conflict] {
	return lazyLoader(l, &l.made.conflictsByDeal, complete(l.st.ConflictsByDeals))
}

func (l *loaders) openConflictsByCustomer() *dataloadgen.Loader[int64, int] {
	return lazyLoader(l, &l.made.openConflictsByCustomer, complete(l.st.OpenConflictCountsByCustomers))
}

func (l *loaders) openConflictsByDealer() *dataloadgen.Loader[int64, int] {
	return lazyLoader(l, &l.made.openConflictsByDealer, complete(l.st.OpenConflictCountsByDealers))
}

func (l *loaders) conflictEvents() *dataloadgen.Loader[int64, []store.ConflictEvent] {
	return lazyLoader(l, &l.made.conflictEvents, complete(l.st.EventsByConflicts))
}

func (l *loaders) compensations() *dataloadgen.Loader[int64, []channel.Compensation] {
	return lazyLoader(l, &l.made.compensations, complete(l.st.CompensationsByConflicts))
}

func (l *loaders) dealerCompensations() *dataloadgen.Loader[int64, []channel.Compensation] {
	return lazyLoader(l, &l.made.dealerCompensations, complete(l.st.CompensationsByDealers))
}

func (l *loaders) splits() *dataloadgen.Loader[int64, []channel.CreditSplit] {
	return lazyLoader(l, &l.made.splits, complete(l.st.SplitsByConflicts))
}

// complete gives every requested key a value, the zero value (an empty
// list, a zero count) when the store found nothing for it: for these edges
// "nothing" is an answer, not a missing object.
func complete[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error)) func(context.Context, []K) (map[K]V, error) {
	return func(ctx context.Context, keys []K) (map[K]V, error) {
		m, err := fetch(ctx, keys)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				var zero V
				m[k] = zero
			}
		}
		return m, nil
	}
}

type loadersKey struct{}

// Middleware puts fresh loaders for st into every request's context.
func Middleware(st *store.Store, next http.Handler) http.Handler {
	return middleware(st, defaultLoaderWait, next)
}

func middleware(st *store.Store, wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), loadersKey{}, newLoaders(st, wait))
		// A short request shares one read transaction; a websocket, which
		// may live for hours, reads in a transaction per read.
		if !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			var done func()
			ctx, done = st.WithRequestTx(ctx)
			defer done()
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (r *Resolver) loaders(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	// Without the middleware (a resolver called directly), batch nothing
	// across calls but still work.
	return newLoaders(r.store, 0)
}

// load fetches one object through a loader; a missing object is NOT_FOUND.
func load[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], key K, entity string) (*V, error) {
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, channel.NotFound(entity)
	} else if err != nil {
		return nil, err
	}
	return &v, nil
}

// loadOpt is load for nullable edges: a zero key or a missing object is nil.
func loadOpt[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], key K) (*V, error) {
	var zero K
	if key == zero {
		return nil, nil
	}
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &v, nil
}

// loadAll fetches several objects through a loader, skipping any that
// vanished (a product line id in an array has no foreign key).
func loadAll[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], keys []K) ([]V, error) {
	thunks := make([]func() (V, error), len(keys))
	for i, k := range keys {
		thunks[i] = l.LoadThunk(ctx, k)
	}
	out := make([]V, 0, len(keys))
	for _, t := range thunks {
		v, err := t()
		if errors.Is(err, dataloadgen.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
