package server

import (
	"context"
	"net/http"
	"net/http/pprof"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/uptrace/bun"

	"channelboard/channel"
)

// debugHandler serves Go's profiles under /debug/pprof/ to the director
// alone: a profile shows what the server is doing for everyone. Anybody
// else gets 401 or 403 in the API's error shape.
func debugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, ok := channel.ViewerFrom(r.Context())
		switch {
		case !ok:
			writeError(w, http.StatusUnauthorized, channel.EUnauthenticated, "sign in first")
		case v.Role != channel.RoleDirector:
			writeError(w, http.StatusForbidden, channel.EForbidden, "profiles are the director's")
		default:
			mux.ServeHTTP(w, r)
		}
	})
}

// SQLCounter counts the SQL statements each HTTP request runs: a bun query
// hook adds to the request's counter, which instrument reads when the
// request ends (channelboard_sql_statements_per_request).
type SQLCounter struct{}

type sqlCountKey struct{}

// BeforeQuery implements bun.QueryHook.
func (SQLCounter) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	if n, ok := ctx.Value(sqlCountKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
	return ctx
}

// AfterQuery implements bun.QueryHook.
func (SQLCounter) AfterQuery(context.Context, *bun.QueryEvent) {}

// withSQLCount gives a request a statement counter.
func withSQLCount(ctx context.Context) (context.Context, *atomic.Int64) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, sqlCountKey{}, n), n
}

func newSQLHistogram(reg prometheus.Registerer) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "channelboard_sql_statements_per_request",
		Help:    "SQL statements one HTTP request ran (transaction control included), by handler.",
		Buckets: []float64{0, 1, 2, 4, 8, 16, 32, 64, 128},
	}, []string{"handler"})
	reg.MustRegister(h)
	return h
}
