package bench

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Counting SQL statements per request, best method first:
//
//  1. the server's own counter on /metrics, when it has one;
//  2. pg_stat_statements (when shared_preload_libraries loads it): exact,
//     immediate, and it names the statements that cost the most time;
//  3. pg_stat_database's committed and rolled-back transactions: each
//     statement outside a transaction is one, so it is a lower bound, and
//     PostgreSQL publishes it up to 10 s late (StatsSettle waits for it).
//
// Every method sees the whole database, so each measured phase subtracts
// the background rate (the live feed polls the event log) measured idle.
const (
	methodMetric   = "metric"
	methodPgss     = "pg_stat_statements"
	methodDatabase = "pg_stat_database"
)

type stmtCounter struct {
	method string
	pool   *pgxpool.Pool
	settle time.Duration
	// scrape reads the server's counter (methodMetric).
	scrape func(ctx context.Context) (serverSample, error)
	// background is statements per second with no load, set by baseline.
	background float64
}

type stmtStat struct {
	calls   float64
	totalMS float64
	query   string
}

type stmtSnapshot struct {
	at      time.Time
	total   float64
	byQuery map[string]stmtStat // pg_stat_statements only
}

// newStmtCounter picks the best method available. metricName is the
// server's counter found on /metrics, if any.
func newStmtCounter(ctx context.Context, pool *pgxpool.Pool, metricName string, settle time.Duration,
	scrape func(context.Context) (serverSample, error)) *stmtCounter {
	c := &stmtCounter{pool: pool, settle: settle, scrape: scrape}
	if metricName != "" {
		c.method = methodMetric
		return c
	}
	var libs string
	_ = pool.QueryRow(ctx, `SELECT current_setting('shared_preload_libraries')`).Scan(&libs)
	if strings.Contains(libs, "pg_stat_statements") {
		_, _ = pool.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pg_stat_statements`)
		if _, err := pool.Exec(ctx, `SELECT 1 FROM pg_stat_statements LIMIT 1`); err == nil {
			c.method = methodPgss
			return c
		}
	}
	c.method = methodDatabase
	return c
}

// describe says how statements were counted, for the report.
func (c *stmtCounter) describe(metricName string) string {
	switch c.method {
	case methodMetric:
		return fmt.Sprintf("the server's counter %s on /metrics, less the idle background (%.1f/s)", metricName, c.background)
	case methodPgss:
		return fmt.Sprintf("pg_stat_statements calls in the database (top-level statements), less the idle background (%.1f/s)", c.background)
	}
	return fmt.Sprintf("pg_stat_database xact_commit + xact_rollback (a lower bound: statements inside one transaction count once; published up to 10 s late), less the idle background (%.1f/s); load pg_stat_statements for exact counts", c.background)
}

func (c *stmtCounter) snapshot(ctx context.Context) (stmtSnapshot, error) {
	s := stmtSnapshot{at: time.Now()}
	switch c.method {
	case methodMetric:
		m, err := c.scrape(ctx)
		s.total = m.sqlStatements
		return s, err
	case methodPgss:
		rows, err := c.pool.Query(ctx, `SELECT coalesce(queryid, 0)::text, calls, total_exec_time, query FROM pg_stat_statements
			WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
			AND query NOT LIKE '%pg_stat_statements%'`)
		if err != nil {
			return s, fmt.Errorf("read pg_stat_statements: %w", err)
		}
		defer rows.Close()
		s.byQuery = map[string]stmtStat{}
		for rows.Next() {
			var id string
			var st stmtStat
			var calls int64
			if err := rows.Scan(&id, &calls, &st.totalMS, &st.query); err != nil {
				return s, fmt.Errorf("read pg_stat_statements: %w", err)
			}
			st.calls = float64(calls)
			s.byQuery[id] = st
			s.total += st.calls
		}
		return s, rows.Err()
	}
	if c.settle > 0 {
		select {
		case <-ctx.Done():
			return s, ctx.Err()
		case <-time.After(c.settle):
		}
		s.at = time.Now()
	}
	var n int64
	err := c.pool.QueryRow(ctx, `SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()`).Scan(&n)
	s.total = float64(n)
	return s, err
}

// baseline measures the statements per second of the idle server.
func (c *stmtCounter) baseline(ctx context.Context, window time.Duration) error {
	a, err := c.snapshot(ctx)
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(window):
	}
	b, err := c.snapshot(ctx)
	if err != nil {
		return err
	}
	if secs := b.at.Sub(a.at).Seconds(); secs > 0 {
		c.background = max(0, (b.total-a.total)/secs)
	}
	return nil
}

// perRequest is the statements between two snapshots per request, less
// the background.
func (c *stmtCounter) perRequest(a, b stmtSnapshot, requests uint64) float64 {
	if requests == 0 {
		return 0
	}
	n := b.total - a.total - c.background*b.at.Sub(a.at).Seconds()
	return max(0, n) / float64(requests)
}

// TopStatement is one statement's share of a phase (pg_stat_statements).
type TopStatement struct {
	Query           string  `json:"query"`
	Calls           float64 `json:"calls"`
	CallsPerRequest float64 `json:"calls_per_request"`
	TotalMS         float64 `json:"total_ms"`
	MeanMS          float64 `json:"mean_ms"`
}

var spaces = regexp.MustCompile(`\s+`)

// topStatements lists the n statements that took the most time between
// two snapshots.
func topStatements(a, b stmtSnapshot, requests uint64, n int) []TopStatement {
	if b.byQuery == nil {
		return nil
	}
	var out []TopStatement
	for id, sb := range b.byQuery {
		sa := a.byQuery[id]
		calls, ms := sb.calls-sa.calls, sb.totalMS-sa.totalMS
		if calls <= 0 {
			continue
		}
		q := spaces.ReplaceAllString(strings.TrimSpace(sb.query), " ")
		if len(q) > 160 {
			q = q[:160] + "…"
		}
		t := TopStatement{Query: q, Calls: calls, TotalMS: ms, MeanMS: ms / calls}
		if requests > 0 {
			t.CallsPerRequest = calls / float64(requests)
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(x, y TopStatement) int {
		switch {
		case x.TotalMS > y.TotalMS:
			return -1
		case x.TotalMS < y.TotalMS:
			return 1
		}
		return strings.Compare(x.Query, y.Query)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
