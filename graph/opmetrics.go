package graph

import (
	"context"
	"regexp"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"
)

// OperationMetrics times every query and mutation by its operation name
// (channelboard_graphql_operation_duration_seconds), from the moment the
// request was read to the moment its response was complete, so a slow
// operation shows by name on /metrics. Clients choose the names, so the
// label is bounded: a name that is not a plain GraphQL name, or any beyond
// the first maxOperationNames seen, counts as "other"; an unnamed
// operation as "anonymous". Subscriptions are not timed: they last as long
// as the client stays; channelboard_feed_frames_total counts their frames
// by whether the frame was executed for the subscriber or shared from
// another subscriber's execution of the same event (feedshare.go).
type OperationMetrics struct {
	duration *prometheus.HistogramVec
	frames   *prometheus.CounterVec

	mu    sync.Mutex
	names map[string]bool
}

const maxOperationNames = 200

var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// NewOperationMetrics makes the histogram; register it (it is a
// prometheus.Collector) and pass it to NewHandler with WithOperationMetrics.
func NewOperationMetrics() *OperationMetrics {
	m := &OperationMetrics{
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "channelboard_graphql_operation_duration_seconds",
			Help:    "GraphQL query and mutation latency by operation name, type and outcome (ok, or error when the response has errors).",
			Buckets: []float64{.001, .0025, .005, .01, .02, .03, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation", "type", "outcome"}),
		frames: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "channelboard_feed_frames_total",
			Help: "Subscription frames by how they were made: executed for the subscriber, or shared from another subscriber's execution of the same event, operation and visibility.",
		}, []string{"made"}),
		names: map[string]bool{},
	}
	// Both series from the start, so a dashboard's ratio has a zero to
	// begin from.
	m.frames.WithLabelValues("executed")
	m.frames.WithLabelValues("shared")
	return m
}

// Describe implements prometheus.Collector.
func (m *OperationMetrics) Describe(ch chan<- *prometheus.Desc) {
	m.duration.Describe(ch)
	m.frames.Describe(ch)
}

// Collect implements prometheus.Collector.
func (m *OperationMetrics) Collect(ch chan<- prometheus.Metric) {
	m.duration.Collect(ch)
	m.frames.Collect(ch)
}

// feedFrame counts one subscription frame; m may be nil.
func (m *OperationMetrics) feedFrame(shared bool) {
	if m == nil {
		return
	}
	made := "executed"
	if shared {
		made = "shared"
	}
	m.frames.WithLabelValues(made).Inc()
}

// WithOperationMetrics times operations into m.
func WithOperationMetrics(m *OperationMetrics) Option { return func(o *options) { o.opMetrics = m } }

func (m *OperationMetrics) label(name string) string {
	if name == "" {
		return "anonymous"
	}
	if !plainName.MatchString(name) {
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.names[name] {
		return name
	}
	if len(m.names) >= maxOperationNames {
		return "other"
	}
	m.names[name] = true
	return name
}

var (
	_ graphql.HandlerExtension    = (*OperationMetrics)(nil)
	_ graphql.ResponseInterceptor = (*OperationMetrics)(nil)
)

// ExtensionName implements graphql.HandlerExtension.
func (m *OperationMetrics) ExtensionName() string { return "OperationMetrics" }

// Validate implements graphql.HandlerExtension.
func (m *OperationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (m *OperationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if !graphql.HasOperationContext(ctx) {
		return resp
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation == ast.Subscription {
		return resp
	}
	start := oc.Stats.OperationStart
	if start.IsZero() {
		return resp
	}
	outcome := "ok"
	if resp == nil || len(resp.Errors) > 0 {
		outcome = "error"
	}
	m.duration.WithLabelValues(m.label(oc.Operation.Name), string(oc.Operation.Operation), outcome).Observe(time.Since(start).Seconds())
	return resp
}
