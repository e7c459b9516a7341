package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// opStats collects the results of one operation: vegeta's metrics for
// latency and timing, and our own success count, because a GraphQL error
// comes back with status 200.
type opStats struct {
	m      vegeta.Metrics
	ok     uint64
	failed uint64
	errs   map[string]int
}

func (s *opStats) add(r *vegeta.Result) {
	s.m.Add(r)
	if msg := failure(r); msg != "" {
		s.failed++
		if s.errs == nil {
			s.errs = map[string]int{}
		}
		s.errs[truncate(errorKind(msg), 200)]++
	} else {
		s.ok++
	}
}

// failure says why a result failed, or "" when it succeeded: a transport
// error, a status other than 2xx, or GraphQL errors in the body.
func failure(r *vegeta.Result) string {
	if r.Error != "" && (r.Code < 200 || r.Code >= 300) {
		return fmt.Sprintf("%s: %s", r.Error, bodyText(r.Body))
	}
	if r.Error != "" {
		return r.Error
	}
	if r.Code < 200 || r.Code >= 300 {
		return fmt.Sprintf("status %d: %s", r.Code, bodyText(r.Body))
	}
	if !bytes.Contains(r.Body, []byte(`"errors"`)) {
		return ""
	}
	var out struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(r.Body, &out); err != nil || len(out.Errors) == 0 {
		return ""
	}
	e := out.Errors[0]
	if code, ok := e.Extensions["code"]; ok {
		return fmt.Sprintf("%v: %s", code, e.Message)
	}
	return e.Message
}

var (
	errorURL  = regexp.MustCompile(`^(Get|Post) "[^"]*": `)
	errorAddr = regexp.MustCompile(`(tcp )?\[?[0-9a-f.:]+\]?:\d+->\[?[0-9a-f.:]+\]?:\d+`)
)

// errorKind drops what differs between errors of one kind (the URL, the
// ports of the connection), so they are counted together.
func errorKind(msg string) string {
	msg = errorURL.ReplaceAllString(msg, "")
	msg = errorAddr.ReplaceAllString(msg, "tcp")
	return strings.TrimSuffix(strings.TrimSpace(msg), ":")
}

func bodyText(b []byte) string { return truncate(strings.TrimSpace(string(b)), 120) }

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// OpResult is one operation's line of the report.
type OpResult struct {
	Op   string `json:"op"`
	Side string `json:"side,omitempty"`
	// Mode is "mix", "rate" (fixed rate) or "closed" (closed loop).
	Mode        string  `json:"mode,omitempty"`
	Concurrency int     `json:"concurrency,omitempty"`
	Requests    uint64  `json:"requests"`
	OK          uint64  `json:"ok"`
	Errors      uint64  `json:"errors"`
	Seconds     float64 `json:"seconds"`
	// Rate is requests sent per second; Throughput successful answers per
	// second, waiting for the last ones included.
	Rate       float64 `json:"rate"`
	Throughput float64 `json:"throughput"`
	MeanMS     float64 `json:"mean_ms"`
	P50MS      float64 `json:"p50_ms"`
	P95MS      float64 `json:"p95_ms"`
	P99MS      float64 `json:"p99_ms"`
	MaxMS      float64 `json:"max_ms"`
	BytesIn    float64 `json:"bytes_in_mean"`
	// SQLPerRequest is statements per request; nil when not measured.
	SQLPerRequest *float64 `json:"sql_per_request,omitempty"`
	// AllocsPerRequest is the server's heap allocations per request.
	AllocsPerRequest *float64 `json:"allocs_per_request,omitempty"`
	// CPUMSPerRequest is the server process's CPU time per request.
	CPUMSPerRequest *float64       `json:"cpu_ms_per_request,omitempty"`
	ErrorSamples    map[string]int `json:"error_samples,omitempty"`
	// Top are the statements that took the most database time (probes and
	// comparison runs, with pg_stat_statements).
	Top []TopStatement `json:"top_statements,omitempty"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// result closes the metrics and renders them.
func (s *opStats) result(op string) OpResult {
	s.m.Close()
	r := OpResult{
		Op: op, Requests: s.m.Requests, OK: s.ok, Errors: s.failed,
		Seconds: (s.m.Duration + s.m.Wait).Seconds(), Rate: s.m.Rate,
		MeanMS: ms(s.m.Latencies.Mean), P50MS: ms(s.m.Latencies.P50), P95MS: ms(s.m.Latencies.P95),
		P99MS: ms(s.m.Latencies.P99), MaxMS: ms(s.m.Latencies.Max), BytesIn: s.m.BytesIn.Mean,
		ErrorSamples: s.errs,
	}
	if r.Seconds > 0 {
		r.Throughput = float64(s.ok) / r.Seconds
	}
	return r
}

// collector splits a stream of results by operation.
type collector struct {
	byOp  map[string]*opStats
	total opStats
}

func newCollector() *collector { return &collector{byOp: map[string]*opStats{}} }

func (c *collector) add(r *vegeta.Result) {
	name := opOf(r.URL)
	s := c.byOp[name]
	if s == nil {
		s = &opStats{}
		c.byOp[name] = s
	}
	s.add(r)
	c.total.add(r)
}

// results lists the operations in their order, then the total.
func (c *collector) results(order []string) []OpResult {
	var out []OpResult
	names := slices.Clone(order)
	for n := range c.byOp {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, n := range names {
		if s := c.byOp[n]; s != nil {
			out = append(out, s.result(n))
		}
	}
	if len(out) > 1 {
		out = append(out, c.total.result("all"))
	}
	return out
}

func ptr(v float64) *float64 { return &v }
