package bench

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config is one run of the harness.
type Config struct {
	// ServerURL is the running server's base URL (http://127.0.0.1:8080).
	ServerURL string
	// DatabaseURL is the database that server uses: the harness creates its
	// users and tokens there, reads ids, counts statements and runs the
	// raw-SQL side against it.
	DatabaseURL string

	// Rate is requests per second for the mix and the fixed-rate
	// comparisons.
	Rate int
	// Duration of the mix; Warmup runs the mix before it, unmeasured.
	Duration time.Duration
	Warmup   time.Duration
	Mix      Mix

	// Virtual users: each has its own API token.
	Dealers   int
	Directors int
	Analysts  int

	// Concurrency is the number of workers of the closed-loop comparison
	// (each sends its next request when the last one is answered).
	Concurrency int
	// CompareDuration is the length of each comparison run; 0 skips the
	// comparison.
	CompareDuration time.Duration
	// SkipSQL leaves out the raw-SQL side.
	SkipSQL bool
	// PostGraphileDir holds bench/postgraphile after `npm ci`; the harness
	// starts PostGraphile from it. Empty, with no PostGraphileURL: no peer.
	PostGraphileDir string
	// PostGraphileURL is an already running PostGraphile's /graphql URL.
	PostGraphileURL string
	// PostGraphilePort is where the started PostGraphile listens; 0 picks
	// a free port.
	PostGraphilePort int

	// ProbeRequests is how many sequential requests of each operation
	// measure its SQL statements and allocations; 0 skips the probes.
	ProbeRequests int
	// RSSEvery is the sampling interval of the server's resident memory
	// during the mix (the soak's curve).
	RSSEvery time.Duration
	// SQLMetric names a counter of SQL statements on the server's /metrics
	// to count with instead of pg_stat_statements; empty: the known names.
	SQLMetric string
	// CPUProfile, when set, is a file for a CPU profile of the server taken
	// during the mix from its /debug/pprof/profile, if it serves one.
	CPUProfile string
	// StatsSettle is how long to wait for PostgreSQL to publish its
	// per-database counters before and after a measured phase, when
	// pg_stat_statements is not available (PostgreSQL 15 flushes them within
	// 10 s of a backend going idle).
	StatsSettle time.Duration

	// Seed makes the choice of operations, users and ids repeatable.
	Seed uint64
	// Timeout bounds each request.
	Timeout time.Duration
	// Progress receives one line per step; nil discards them.
	Progress io.Writer
}

// Defaults of the command's flags.
const (
	DefaultRate            = 200
	DefaultDuration        = time.Minute
	DefaultWarmup          = 5 * time.Second
	DefaultDealers         = 50
	DefaultDirectors       = 3
	DefaultAnalysts        = 6
	DefaultConcurrency     = 16
	DefaultCompareDuration = 10 * time.Second
	DefaultProbeRequests   = 20
	DefaultRSSEvery        = 5 * time.Second
	DefaultStatsSettle     = 11 * time.Second
	DefaultTimeout         = 30 * time.Second
)

func (c *Config) withDefaults() error {
	if c.ServerURL == "" {
		return fmt.Errorf("bench: no server URL")
	}
	c.ServerURL = strings.TrimRight(c.ServerURL, "/")
	if c.DatabaseURL == "" {
		return fmt.Errorf("bench: no database URL (the server's database)")
	}
	if c.Rate <= 0 {
		return fmt.Errorf("bench: the rate must be at least 1 request per second")
	}
	if c.Duration <= 0 {
		return fmt.Errorf("bench: the duration must be positive")
	}
	if c.Mix == nil {
		c.Mix = DefaultMix()
	}
	if err := c.Mix.Validate(); err != nil {
		return err
	}
	if c.Dealers <= 0 {
		c.Dealers = DefaultDealers
	}
	if c.Directors <= 0 {
		c.Directors = DefaultDirectors
	}
	if c.Analysts <= 0 {
		c.Analysts = DefaultAnalysts
	}
	if c.Concurrency <= 0 {
		c.Concurrency = DefaultConcurrency
	}
	if c.RSSEvery <= 0 {
		c.RSSEvery = DefaultRSSEvery
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	return nil
}

// Mix is the weight of each operation in the mixed load, by operation name.
type Mix map[string]int

// DefaultMix: mostly dealers reading their accounts, a tenth writes.
func DefaultMix() Mix {
	return Mix{
		OpDealerCustomers:   30,
		OpCustomerDetail:    30,
		OpRegisterDeal:      10,
		OpBoard:             10,
		OpConflictStats:     7,
		OpDealerPerformance: 7,
		OpPipeline:          6,
	}
}

// ParseMix reads "dealerCustomers=30,board=10,…"; operations left out get
// no load.
func ParseMix(s string) (Mix, error) {
	m := Mix{}
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, w, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("mix: %q is not name=weight", part)
		}
		n, err := strconv.Atoi(strings.TrimSpace(w))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("mix: weight of %s must be a whole number ≥ 0, not %q", name, w)
		}
		m[strings.TrimSpace(name)] = n
	}
	return m, m.Validate()
}

// Validate checks the names and that some operation has weight.
func (m Mix) Validate() error {
	total := 0
	for name, w := range m {
		if opByName(name) == nil {
			return fmt.Errorf("mix: unknown operation %q (known: %s)", name, strings.Join(OpNames(), ", "))
		}
		total += w
	}
	if total <= 0 {
		return fmt.Errorf("mix: no operation has a weight")
	}
	return nil
}

// String renders the mix as ParseMix reads it, in the operations' order.
func (m Mix) String() string {
	var parts []string
	for _, name := range OpNames() {
		if w, ok := m[name]; ok {
			parts = append(parts, name+"="+strconv.Itoa(w))
		}
	}
	return strings.Join(parts, ",")
}

// names lists the operations with weight, in the operations' order.
func (m Mix) names() []string {
	return slices.DeleteFunc(OpNames(), func(n string) bool { return m[n] <= 0 })
}
