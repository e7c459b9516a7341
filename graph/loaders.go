package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/vikstrous/dataloadgen"

	"channelboard/channel"
	"channelboard/store"
)

// loaders batch every edge of a request into one query per kind of edge and
// level of the query, so a page of 100 customers with owners, regions and
// counts costs the same number of queries as a page of 10. They are made
// per request: their cache must never outlive it or serve another viewer.
type loaders struct {
	dealer          *dataloadgen.Loader[int64, channel.Dealer]
	region          *dataloadgen.Loader[int64, channel.Region]
	regionByPath    *dataloadgen.Loader[string, channel.Region]
	regionChildren  *dataloadgen.Loader[string, []channel.Region]
	productLine     *dataloadgen.Loader[int64, channel.ProductLine]
	customer        *dataloadgen.Loader[int64, channel.Customer]
	ownershipChange *dataloadgen.Loader[int64, channel.OwnershipChange]
	history         *dataloadgen.Loader[int64, []channel.OwnershipChange]
	dealCount       *dataloadgen.Loader[int64, store.DealCount]
	subDealers      *dataloadgen.Loader[int64, []channel.Dealer]
	customerCount   *dataloadgen.Loader[int64, int]
	territory       *dataloadgen.Loader[int64, channel.TerritoryAssignment]
	territories     *dataloadgen.Loader[int64, []channel.TerritoryAssignment]
	deal            *dataloadgen.Loader[int64, channel.Deal]
	policy          *dataloadgen.Loader[int, channel.Policy]
	plan            *dataloadgen.Loader[store.PlanKey, channel.DealerPlan]

	// Conflicts and what hangs off them (graph/conflict.graphqls).
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

// defaultLoaderWait is how long a loader collects keys before it queries.
// The executor resolves a list's fields in goroutines started together, so
// half a millisecond gathers a whole page. Every level of a query waits it
// once: at 2 ms a customer with its deals and history took 13.8 ms, at
// 0.5 ms 8.0 ms (BenchmarkSharedQuestions in bench/). When the machine is
// so busy that a page's goroutines start later than that, a batch splits
// in two: one more statement, never a wrong answer.
const defaultLoaderWait = 500 * time.Microsecond

func newLoaders(st *store.Store, wait time.Duration) *loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(store.MaxPageSize * 5)}
	return &loaders{
		dealer:          dataloadgen.NewMappedLoader(st.DealersByIDs, opts...),
		region:          dataloadgen.NewMappedLoader(st.RegionsByIDs, opts...),
		regionByPath:    dataloadgen.NewMappedLoader(st.RegionsByPaths, opts...),
		regionChildren:  dataloadgen.NewMappedLoader(complete(st.RegionChildren), opts...),
		productLine:     dataloadgen.NewMappedLoader(st.ProductLinesByIDs, opts...),
		customer:        dataloadgen.NewMappedLoader(st.CustomersByIDs, opts...),
		ownershipChange: dataloadgen.NewMappedLoader(st.OwnershipChangesByIDs, opts...),
		history:         dataloadgen.NewMappedLoader(complete(st.OwnershipHistories), opts...),
		dealCount:       dataloadgen.NewMappedLoader(complete(st.DealCountsByCustomers), opts...),
		subDealers:      dataloadgen.NewMappedLoader(complete(st.SubDealersByParents), opts...),
		customerCount:   dataloadgen.NewMappedLoader(complete(st.CustomerCountsByDealers), opts...),
		territory:       dataloadgen.NewMappedLoader(st.TerritoriesByIDs, opts...),
		territories:     dataloadgen.NewMappedLoader(complete(st.TerritoriesByDealers), opts...),
		deal:            dataloadgen.NewMappedLoader(st.DealsByIDs, opts...),
		policy:          dataloadgen.NewMappedLoader(st.PoliciesByYears, opts...),
		plan:            dataloadgen.NewMappedLoader(st.PlansByKeys, opts...),

		conflict:                dataloadgen.NewMappedLoader(st.ConflictsByIDs, opts...),
		conflictsByCustomer:     dataloadgen.NewMappedLoader(complete(st.ConflictsByCustomers), opts...),
		conflictsByDeal:         dataloadgen.NewMappedLoader(complete(st.ConflictsByDeals), opts...),
		openConflictsByCustomer: dataloadgen.NewMappedLoader(complete(st.OpenConflictCountsByCustomers), opts...),
		openConflictsByDealer:   dataloadgen.NewMappedLoader(complete(st.OpenConflictCountsByDealers), opts...),
		conflictEvents:          dataloadgen.NewMappedLoader(complete(st.EventsByConflicts), opts...),
		compensations:           dataloadgen.NewMappedLoader(complete(st.CompensationsByConflicts), opts...),
		dealerCompensations:     dataloadgen.NewMappedLoader(complete(st.CompensationsByDealers), opts...),
		splits:                  dataloadgen.NewMappedLoader(complete(st.SplitsByConflicts), opts...),
	}
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
