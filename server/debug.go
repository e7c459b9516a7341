package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"regexp"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

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

// SlowQueryLog logs each SQL statement that takes longer than Threshold, at
// warning level, with its duration and its text cut to 500 characters. bun
// writes the arguments into the text, so string literals are replaced by
// '…': a slow query's shape is what an operator needs, and names, tax ids
// or token hashes do not belong in a log.
type SlowQueryLog struct {
	Threshold time.Duration
	Logger    *slog.Logger
}

// BeforeQuery implements bun.QueryHook.
func (SlowQueryLog) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context { return ctx }

// AfterQuery implements bun.QueryHook.
func (l SlowQueryLog) AfterQuery(ctx context.Context, e *bun.QueryEvent) {
	if l.Threshold <= 0 {
		return
	}
	d := time.Since(e.StartTime)
	if d < l.Threshold {
		return
	}
	attrs := []any{"op", "sql", "ms", float64(d.Microseconds()) / 1000, "query", RedactSQL(e.Query, 500)}
	if e.Err != nil {
		attrs = append(attrs, "err", e.Err)
	}
	l.Logger.WarnContext(ctx, "slow query", attrs...)
}

var sqlStringLiteral = regexp.MustCompile(`(?s)(?:E|e)?'(?:[^']|'')*'`)

// RedactSQL replaces the string literals of query with '…', folds its
// whitespace, and cuts it to at most limit bytes.
func RedactSQL(query string, limit int) string {
	q := sqlStringLiteral.ReplaceAllString(query, "'…'")
	q = strings.Join(strings.Fields(q), " ")
	if len(q) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(q[cut]) {
			cut--
		}
		q = q[:cut] + "…"
	}
	return q
}
