package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/semaphore"
)

// EOverloaded is the error code of a request turned away because the
// server already serves as many as it can; the client retries after the
// Retry-After header's seconds.
const EOverloaded = "OVERLOADED"

// Default admission: requests served at once, and how long one waits for
// a turn before it is turned away.
const (
	DefaultMaxInFlight = 16
	DefaultQueueWait   = time.Second
)

// admission bounds the API requests being served at once. Without a bound
// an open load beyond capacity piles up (measured: 2,000 requests in flight,
// each with its loaders, rows and buffers, 1.2 GB RSS, every answer at the
// client's 30 s timeout); with one, the requests admitted keep their
// latency, the rest wait in FIFO order up to the queue wait and are then
// answered 503 OVERLOADED at once, and memory follows the bound. The work
// is CPU- and database-bound on a few cores and holds a pooled connection
// for the whole request, so more concurrency than a few per core adds
// latency, not throughput.
//
// Websocket upgrades are not counted: a subscription lives for hours and
// has its own limits (graph.NewWebsockets).
type admission struct {
	sem      *semaphore.Weighted
	wait     time.Duration
	rejected prometheus.Counter
	waiting  prometheus.Gauge
}

func newAdmission(reg prometheus.Registerer, maxInFlight int, wait time.Duration) *admission {
	if maxInFlight <= 0 {
		maxInFlight = DefaultMaxInFlight
	}
	if wait <= 0 {
		wait = DefaultQueueWait
	}
	a := &admission{
		sem:  semaphore.NewWeighted(int64(maxInFlight)),
		wait: wait,
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "channelboard_http_overloaded_total",
			Help: "API requests answered 503 OVERLOADED because every slot stayed busy for the queue wait.",
		}),
		waiting: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "channelboard_http_requests_waiting",
			Help: "API requests waiting for a slot.",
		}),
	}
	reg.MustRegister(a.rejected, a.waiting)
	return a
}

func (a *admission) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isWebsocketUpgrade(r) {
			next.ServeHTTP(w, r)
			return
		}
		if !a.sem.TryAcquire(1) {
			a.waiting.Inc()
			ctx, cancel := context.WithTimeout(r.Context(), a.wait)
			err := a.sem.Acquire(ctx, 1)
			cancel()
			a.waiting.Dec()
			if err != nil {
				if r.Context().Err() != nil {
					return // the client left while it waited
				}
				a.rejected.Inc()
				w.Header().Set("Retry-After", strconv.Itoa(max(1, int(a.wait/time.Second))))
				writeError(w, http.StatusServiceUnavailable, EOverloaded, "the server is busy; retry in a moment")
				return
			}
		}
		defer a.sem.Release(1)
		next.ServeHTTP(w, r)
	})
}

func isWebsocketUpgrade(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}
