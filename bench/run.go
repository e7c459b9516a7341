package bench

import (
	"context"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"channelboard/store"
)

// The sides of the comparison.
const (
	SideChannelboard = "channelboard"
	SideSQL          = "raw SQL"
	SidePostGraphile = "PostGraphile"
)

// Modes of a run.
const (
	modeMix    = "mix"
	modeRate   = "rate"
	modeClosed = "closed"
)

// questions are the operations every side answers.
var questions = []string{OpDealerCustomers, OpCustomerDetail}

type runner struct {
	cfg     Config
	pool    *pgxpool.Pool
	st      *store.Store
	fx      *fixture
	client  *http.Client
	counter *stmtCounter
	// metrics is false when the server's /metrics cannot be read.
	metrics bool
	rep     *Report
}

func (r *runner) logf(format string, args ...any) {
	fmt.Fprintf(r.cfg.Progress, "bench: "+format+"\n", args...)
}

// Run runs the harness: set-up, warm-up, per-operation probes, the mix,
// then the comparison, and returns the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if err := cfg.withDefaults(); err != nil {
		return nil, err
	}
	r := &runner{cfg: cfg, client: &http.Client{Timeout: 30 * time.Second}}
	r.rep = &Report{
		Started: time.Now(),
		Config: ReportConfig{
			ServerURL: cfg.ServerURL, Rate: cfg.Rate, DurationSeconds: cfg.Duration.Seconds(), WarmupSeconds: cfg.Warmup.Seconds(),
			Mix: cfg.Mix.String(), Dealers: cfg.Dealers, Directors: cfg.Directors, Analysts: cfg.Analysts,
			Concurrency: cfg.Concurrency, CompareDurationSeconds: cfg.CompareDuration.Seconds(),
			ProbeRequests: cfg.ProbeRequests, RSSEverySeconds: cfg.RSSEvery.Seconds(), Seed: cfg.Seed,
		},
		Machine: Machine{CPUs: runtime.NumCPU(), LoadStart: loadAverage(), GoVersion: runtime.Version()},
	}

	pcfg, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("database URL: %w", err)
	}
	pcfg.MaxConns = int32(cfg.Concurrency + 2)
	if r.pool, err = pgxpool.NewWithConfig(ctx, pcfg); err != nil {
		return nil, fmt.Errorf("connect to the database: %w", err)
	}
	defer r.pool.Close()
	db, err := store.Open(ctx, cfg.DatabaseURL, store.WithMaxOpenConns(2))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	r.st = store.New(db)

	if r.fx, err = loadFixture(ctx, r.pool, cfg.Dealers); err != nil {
		return nil, err
	}
	if len(r.fx.dealers) < cfg.Dealers {
		r.note("only %d active dealers own 20 customers or more: %d dealer users instead of %d", len(r.fx.dealers), len(r.fx.dealers), cfg.Dealers)
		r.rep.Config.Dealers = len(r.fx.dealers)
	}
	r.logf("signing in %d virtual users (a token each)", len(r.fx.dealers)+cfg.Directors+cfg.Analysts)
	err = signIn(ctx, r.st, r.fx, cfg.Directors, cfg.Analysts)
	defer func() {
		if err := revokeTokens(context.WithoutCancel(ctx), r.st, r.fx); err != nil {
			r.logf("%v", err)
		}
	}()
	if err != nil {
		return nil, err
	}
	if err := checkServer(ctx, r.client, cfg.ServerURL, r.fx.dealers[0]); err != nil {
		return nil, err
	}
	first, err := r.scrape(ctx)
	r.metrics = err == nil
	if err != nil {
		r.note("the server's /metrics could not be read (%v): no allocations, CPU or RSS", err)
	}
	r.counter = newStmtCounter(ctx, r.pool, first.sqlMetric, cfg.StatsSettle, r.scrape)

	if cfg.Warmup > 0 {
		r.logf("warm-up: the mix at %d/s for %s", cfg.Rate, cfg.Warmup)
		r.attack(ctx, r.mixAttacker(), mixTargeter(r.endpoint(), r.fx, cfg.Mix, newChooser(cfg.Seed+1)), r.ratePacer(), cfg.Warmup)
		r.drain(ctx, r.endpoint(), r.fx.directors[0].Token)
	}
	window := 3 * time.Second
	if r.counter.method == methodDatabase {
		// Its counters lag: a shorter window would see noise.
		window = cfg.StatsSettle
	}
	if window > 0 {
		r.logf("measuring the idle server's background statements for %s", window)
		if err := r.counter.baseline(ctx, window); err != nil {
			return nil, err
		}
	}
	r.rep.SQLMethod = r.counter.describe(first.sqlMetric)

	if cfg.ProbeRequests > 0 {
		if err := r.probes(ctx); err != nil {
			return nil, err
		}
	}
	if err := r.mix(ctx); err != nil {
		return nil, err
	}
	if cfg.CompareDuration > 0 {
		if err := r.compare(ctx); err != nil {
			return nil, err
		}
	}
	r.targets()
	r.rep.Machine.LoadEnd = loadAverage()
	return r.rep, ctx.Err()
}

func (r *runner) note(format string, args ...any) {
	r.rep.Notes = append(r.rep.Notes, fmt.Sprintf(format, args...))
}

func (r *runner) endpoint() string { return r.cfg.ServerURL + "/graphql" }

func (r *runner) scrape(ctx context.Context) (serverSample, error) {
	return scrapeMetrics(ctx, r.client, r.cfg.ServerURL, r.cfg.SQLMetric)
}

func (r *runner) ratePacer() vegeta.Pacer {
	return vegeta.ConstantPacer{Freq: r.cfg.Rate, Per: time.Second}
}

// mixAttacker keeps a fixed rate, adding workers when answers are slow
// (vegeta's open model), up to a bound.
func (r *runner) mixAttacker(opts ...func(*vegeta.Attacker)) *vegeta.Attacker {
	return vegeta.NewAttacker(append([]func(*vegeta.Attacker){
		vegeta.Timeout(r.cfg.Timeout), vegeta.KeepAlive(true), vegeta.HTTP2(false),
		vegeta.Workers(uint64(r.cfg.Concurrency)), vegeta.MaxWorkers(2000), vegeta.Connections(2000),
	}, opts...)...)
}

// closedAttacker has exactly n workers, each sending its next request when
// the last is answered.
func (r *runner) closedAttacker(n int, opts ...func(*vegeta.Attacker)) *vegeta.Attacker {
	return vegeta.NewAttacker(append([]func(*vegeta.Attacker){
		vegeta.Timeout(r.cfg.Timeout), vegeta.KeepAlive(true), vegeta.HTTP2(false),
		vegeta.Workers(uint64(n)), vegeta.MaxWorkers(uint64(n)), vegeta.Connections(n),
	}, opts...)...)
}

// attack runs one attack to its end (or ctx's) and collects its results.
func (r *runner) attack(ctx context.Context, a *vegeta.Attacker, tr vegeta.Targeter, p vegeta.Pacer, d time.Duration) *collector {
	c := newCollector()
	stop := context.AfterFunc(ctx, func() { a.Stop() })
	defer stop()
	for res := range a.Attack(tr, p, d, "") {
		c.add(res)
	}
	return c
}

// drain waits until a GraphQL endpoint answers a trivial query quickly
// again: requests a timed-out run abandoned are still being worked on by
// the server, and would slow whatever is measured next on these cores.
func (r *runner) drain(ctx context.Context, url, token string) {
	deadline := time.Now().Add(90 * time.Second)
	for quick := 0; quick < 2 && time.Now().Before(deadline) && ctx.Err() == nil; {
		start := time.Now()
		err := pingAs(ctx, r.client, url, token)
		if err == nil && time.Since(start) < 100*time.Millisecond {
			quick++
			continue
		}
		quick = 0
		select {
		case <-ctx.Done():
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// countPacer sends n requests back to back.
type countPacer int

func (n countPacer) Pace(_ time.Duration, hits uint64) (time.Duration, bool) {
	return 0, hits >= uint64(n)
}

func (n countPacer) Rate(time.Duration) float64 { return 0 }

// costs fills a result's SQL, allocations and CPU per request between two
// moments.
func (r *runner) costs(o *OpResult, s0, s1 stmtSnapshot, m0, m1 serverSample, sql bool) {
	if o.Requests == 0 {
		return
	}
	if sql {
		o.SQLPerRequest = ptr(r.counter.perRequest(s0, s1, o.Requests))
	}
	if r.metrics {
		o.AllocsPerRequest = ptr((m1.mallocs - m0.mallocs) / float64(o.Requests))
		o.CPUMSPerRequest = ptr((m1.cpuSeconds - m0.cpuSeconds) * 1000 / float64(o.Requests))
	}
}

// probes sends each operation alone, one request at a time, to measure
// what one request of it costs the server.
func (r *runner) probes(ctx context.Context) error {
	// With pg_stat_database each measurement waits twice for the counters:
	// too slow per operation, so only the mix counts statements then.
	sql := r.counter.method != methodDatabase
	for _, name := range r.cfg.Mix.names() {
		r.logf("probe: %d × %s", r.cfg.ProbeRequests, name)
		s0, m0, err := r.measure(ctx, sql)
		if err != nil {
			return err
		}
		c := r.attack(ctx, r.closedAttacker(1), opTargeter(r.endpoint(), r.fx, name, newChooser(r.cfg.Seed+2)), countPacer(r.cfg.ProbeRequests), 0)
		s1, m1, err := r.measure(ctx, sql)
		if err != nil {
			return err
		}
		res := c.results([]string{name})
		if len(res) == 0 {
			continue
		}
		o := res[0]
		o.Mode = "probe"
		r.costs(&o, s0, s1, m0, m1, sql)
		o.Top = topStatements(s0, s1, o.Requests, 3)
		r.rep.Probes = append(r.rep.Probes, o)
	}
	return nil
}

// measure takes a statement snapshot (when sql) and a /metrics sample.
func (r *runner) measure(ctx context.Context, sql bool) (stmtSnapshot, serverSample, error) {
	var s stmtSnapshot
	var err error
	if sql {
		if s, err = r.counter.snapshot(ctx); err != nil {
			return s, serverSample{}, err
		}
	}
	var m serverSample
	if r.metrics {
		if m, err = r.scrape(ctx); err != nil {
			return s, m, err
		}
	}
	return s, m, nil
}

// mix runs the mixed load, sampling the server's RSS as it goes.
func (r *runner) mix(ctx context.Context) error {
	cfg := r.cfg
	r.logf("mix: %d requests/s for %s (%s)", cfg.Rate, cfg.Duration, cfg.Mix)
	s0, m0, err := r.measure(ctx, true)
	if err != nil {
		return err
	}
	start := time.Now()
	var wg sync.WaitGroup
	done := make(chan struct{})
	var points []RSSPoint
	if r.metrics {
		points = append(points, RSSPoint{T: 0, MB: m0.rssBytes / 1e6})
		wg.Go(func() {
			t := time.NewTicker(cfg.RSSEvery)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-t.C:
					if m, err := r.scrape(ctx); err == nil {
						points = append(points, RSSPoint{T: time.Since(start).Round(100 * time.Millisecond).Seconds(), MB: m.rssBytes / 1e6})
					}
				}
			}
		})
	}
	if cfg.CPUProfile != "" {
		d := min(30*time.Second, max(time.Second, cfg.Duration-5*time.Second))
		wg.Go(func() { r.note("%s", cpuProfile(ctx, cfg.ServerURL, r.fx.directors[0].Token, cfg.CPUProfile, d)) })
	}
	c := r.attack(ctx, r.mixAttacker(), mixTargeter(r.endpoint(), r.fx, cfg.Mix, newChooser(cfg.Seed)), r.ratePacer(), cfg.Duration)
	// What the server still does for abandoned requests is part of the
	// mix's cost.
	r.drain(ctx, r.endpoint(), r.fx.directors[0].Token)
	close(done)
	wg.Wait()
	m1, err := r.scrape(ctx)
	if r.metrics && err == nil {
		points = append(points, RSSPoint{T: time.Since(start).Round(100 * time.Millisecond).Seconds(), MB: m1.rssBytes / 1e6})
	}
	s1, err := r.counter.snapshot(ctx)
	if err != nil {
		return err
	}
	r.rep.Mix = c.results(cfg.Mix.names())
	for i := range r.rep.Mix {
		r.rep.Mix[i].Mode = modeMix
	}
	last := &r.rep.Mix[len(r.rep.Mix)-1]
	r.costs(last, s0, s1, m0, m1, true)
	r.rep.TopStatements = topStatements(s0, s1, last.Requests, 10)
	if len(points) > 0 {
		r.rep.RSS = RSSSummary{StartMB: points[0].MB, EndMB: points[len(points)-1].MB, Points: points}
		for _, p := range points {
			r.rep.RSS.MaxMB = max(r.rep.RSS.MaxMB, p.MB)
		}
	}
	return nil
}

// side is one way of answering the shared questions.
type side struct {
	name string
	// drain is the side's GraphQL endpoint, to wait on after a run, and
	// token the one to ask it with.
	drain, token string
	targeter     func(question string, ch *chooser) vegeta.Targeter
	opts         []func(*vegeta.Attacker)
}

func (r *runner) sides(pgURL string) []side {
	out := []side{{name: SideChannelboard, drain: r.endpoint(), token: r.fx.directors[0].Token, targeter: func(q string, ch *chooser) vegeta.Targeter {
		return opTargeter(r.endpoint(), r.fx, q, ch)
	}}}
	if !r.cfg.SkipSQL {
		client := &http.Client{Transport: sqlTransport{pool: r.pool}, Timeout: r.cfg.Timeout}
		out = append(out, side{name: SideSQL, opts: []func(*vegeta.Attacker){vegeta.Client(client)},
			targeter: func(q string, ch *chooser) vegeta.Targeter {
				return func(t *vegeta.Target) error {
					var id int64
					ch.do(func(rd *mrand.Rand) { id = questionID(rd, r.fx, q) })
					t.Method, t.URL = http.MethodGet, opURL(rawSQLBase, q)+"&id="+strconv.FormatInt(id, 10)
					return nil
				}
			}})
	}
	if pgURL != "" {
		out = append(out, side{name: SidePostGraphile, drain: pgURL, targeter: func(q string, ch *chooser) vegeta.Targeter {
			return func(t *vegeta.Target) error {
				var id int64
				ch.do(func(rd *mrand.Rand) { id = questionID(rd, r.fx, q) })
				req := gqlRequest{Query: pgDealerCustomersQuery, Variables: map[string]any{"dealer": strconv.FormatInt(id, 10)}}
				if q == OpCustomerDetail {
					req = gqlRequest{Query: pgCustomerDetailQuery, Variables: map[string]any{"id": strconv.FormatInt(id, 10)}}
				}
				return jsonTarget(t, opURL(pgURL, q), "", req)
			}
		}})
	}
	return out
}

// questionID picks the row a question asks about, consuming the random
// source exactly as the operation's request does, so every side is asked
// about the same rows in the same order.
func questionID(rd *mrand.Rand, fx *fixture, q string) int64 {
	u := fx.user(rd, opByName(q).role)
	if q == OpCustomerDetail {
		return u.customer(rd)
	}
	return u.DealerID
}

// compare asks the shared questions of every side, at the mix's rate and
// then closed-loop.
func (r *runner) compare(ctx context.Context) error {
	cfg := r.cfg
	pgURL := cfg.PostGraphileURL
	if pgURL == "" && cfg.PostGraphileDir != "" {
		r.logf("starting PostGraphile from %s", cfg.PostGraphileDir)
		p, err := startPostGraphile(ctx, cfg.PostGraphileDir, cfg.DatabaseURL, cfg.PostGraphilePort, cfg.Concurrency)
		if err != nil {
			return err
		}
		defer p.Stop()
		pgURL = p.url
		r.note("PostGraphile v4 (bench/postgraphile) at %s: production mode, no query log, pool of %d; it checks no access (one superuser connection), where Channelboard reads a token and scopes every request", pgURL, cfg.Concurrency)
	}
	if pgURL == "" {
		r.note("no PostGraphile: give --postgraphile-dir (after npm ci there) or --postgraphile-url")
	}
	sql := r.counter.method != methodDatabase
	warm := min(2*time.Second, cfg.CompareDuration/2)
	for _, q := range questions {
		for _, s := range r.sides(pgURL) {
			// The same rows in the same order for every side and mode.
			r.attack(ctx, r.closedAttacker(cfg.Concurrency, s.opts...), s.targeter(q, newChooser(cfg.Seed+3)), vegeta.ConstantPacer{}, warm)
			// Closed loop first: a fixed rate above capacity leaves work
			// behind, drained before the next run.
			for _, mode := range []string{modeClosed, modeRate} {
				r.logf("compare: %s on %s, %s", q, s.name, mode)
				a, p := r.mixAttacker(s.opts...), r.ratePacer()
				if mode == modeClosed {
					a, p = r.closedAttacker(cfg.Concurrency, s.opts...), vegeta.ConstantPacer{}
				}
				s0, _, err := r.measure(ctx, sql)
				if err != nil {
					return err
				}
				c := r.attack(ctx, a, s.targeter(q, newChooser(cfg.Seed+4)), p, cfg.CompareDuration)
				if s.drain != "" {
					r.drain(ctx, s.drain, s.token)
				}
				s1, _, err := r.measure(ctx, sql)
				if err != nil {
					return err
				}
				res := c.results([]string{q})
				if len(res) == 0 {
					continue
				}
				o := res[0]
				o.Side, o.Mode = s.name, mode
				if mode == modeClosed {
					o.Concurrency = cfg.Concurrency
				}
				if sql {
					o.SQLPerRequest = ptr(r.counter.perRequest(s0, s1, o.Requests))
					o.Top = topStatements(s0, s1, o.Requests, 3)
				}
				r.rep.Compare = append(r.rep.Compare, o)
			}
		}
	}
	for _, q := range questions {
		cb := r.find(q, SideChannelboard, modeClosed)
		for _, other := range []string{SideSQL, SidePostGraphile} {
			if o := r.find(q, other, modeClosed); cb != nil && o != nil && o.Throughput > 0 {
				r.rep.Ratios = append(r.rep.Ratios, Ratio{Question: q, Other: other, Ratio: cb.Throughput / o.Throughput})
			}
		}
	}
	if !sql {
		r.note("statements per request of the comparison need pg_stat_statements (or the server's counter); not counted")
	}
	return nil
}

func (r *runner) find(q, side, mode string) *OpResult {
	for i, o := range r.rep.Compare {
		if o.Op == q && o.Side == side && o.Mode == mode {
			return &r.rep.Compare[i]
		}
	}
	return nil
}

func (r *runner) mixOp(name string) *OpResult {
	for i, o := range r.rep.Mix {
		if o.Op == name {
			return &r.rep.Mix[i]
		}
	}
	return nil
}

// targets judges the run against the targets.
func (r *runner) targets() {
	rep, cfg := r.rep, r.cfg
	atRate := cfg.Rate >= 200
	latency := func(what, op string, limit float64) {
		t := Target{What: what, Met: "n/a", Measured: "not in the mix"}
		if o := r.mixOp(op); o != nil && o.OK > 0 {
			t.Measured = fmt.Sprintf("p99 %.1f ms (p50 %.1f) at %d requests/s of mix, %d errors", o.P99MS, o.P50MS, cfg.Rate, o.Errors)
			t.Met = yesNo(o.P99MS < limit && o.Errors == 0 && atRate)
		}
		rep.Targets = append(rep.Targets, t)
	}
	latency("dealer's own customers (50 rows, owner, region, open conflicts): p99 < 20 ms at 200 requests/s", OpDealerCustomers, 20)
	latency("registerDeal with all rules: p99 < 30 ms", OpRegisterDeal, 30)
	ratio := func(what, other string, limit float64) {
		t := Target{What: what, Met: "n/a", Measured: "not compared"}
		var parts []string
		met := true
		for _, x := range rep.Ratios {
			if x.Other == other {
				parts = append(parts, fmt.Sprintf("%s %.2f×", x.Question, x.Ratio))
				met = met && x.Ratio >= limit
			}
		}
		if len(parts) > 0 {
			t.Measured, t.Met = strings.Join(parts, ", "), yesNo(met)
		}
		rep.Targets = append(rep.Targets, t)
	}
	ratio("throughput ≥ 2× PostGraphile's on the shared questions", SidePostGraphile, 2)
	ratio("throughput ≥ ½ of raw SQL's on the shared questions", SideSQL, 0.5)
	rss := Target{What: "server RSS < 150 MB under the load", Met: "n/a", Measured: "not measured"}
	if len(rep.RSS.Points) > 0 {
		rss.Measured, rss.Met = fmt.Sprintf("%.1f MB at most", rep.RSS.MaxMB), yesNo(rep.RSS.MaxMB < 150)
	}
	rep.Targets = append(rep.Targets, rss)
	soak := Target{What: "RSS stable over a 10-minute soak", Met: "n/a", Measured: "mix shorter than 10 minutes"}
	if len(rep.RSS.Points) >= 8 {
		d := rssDrift(rep.RSS.Points)
		soak.Measured = fmt.Sprintf("%+.1f MB from the second quarter of the curve to the last", d)
		all := rep.Mix[len(rep.Mix)-1]
		switch {
		case cfg.Duration < 10*time.Minute:
		case all.Errors > 0:
			soak.Measured += fmt.Sprintf("; overloaded (%d errors): a backlog, not a leak, would show", all.Errors)
		default:
			soak.Met = yesNo(d < 0.1*rep.RSS.MaxMB)
		}
	}
	rep.Targets = append(rep.Targets, soak)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func loadAverage() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(raw))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
