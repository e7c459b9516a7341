package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v3"

	"channelboard/bench"
)

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:  "bench",
		Usage: "load a running server with a realistic mix, and compare it with raw SQL and PostGraphile",
		Description: "Drives dealers, the director and analysts — each virtual user with its own API token — at a\n" +
			"running server, then asks a dealer's accounts and a customer's detail of the server, of\n" +
			"hand-written SQL through pgx and of PostGraphile (bench/postgraphile, after `npm ci` there),\n" +
			"at the same rate and concurrency. Reports per operation throughput, p50/p95/p99/max latency,\n" +
			"errors, SQL statements, allocations and server CPU per request, and the server's RSS.\n\n" +
			"Against `channelboard serve --data-dir DIR`, give the same --data-dir: the embedded cluster's\n" +
			"port is read from its postmaster.pid. Soak: --duration 10m --rss-every 10s --compare-duration 0.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "url", Usage: "base URL of the running server", Value: "http://127.0.0.1:8080"},
			&cli.StringFlag{Name: "database-url", Usage: "the server's database (users, tokens, ids, statement counts, the raw-SQL side)", Sources: cli.EnvVars("DATABASE_URL")},
			&cli.StringFlag{Name: "data-dir", Usage: "instead of --database-url: the data directory of the server's embedded cluster"},
			&cli.IntFlag{Name: "rate", Usage: "requests per second of the mix and the fixed-rate comparison", Value: bench.DefaultRate},
			&cli.DurationFlag{Name: "duration", Usage: "length of the mix", Value: bench.DefaultDuration},
			&cli.DurationFlag{Name: "warmup", Usage: "unmeasured mix before the measurements", Value: bench.DefaultWarmup},
			&cli.StringFlag{Name: "mix", Usage: "operation=weight,… (operations: dealerCustomers, customerDetail, registerDeal, board, conflictStats, dealerPerformance, pipeline)", Value: bench.DefaultMix().String()},
			&cli.IntFlag{Name: "dealers", Usage: "dealer users (the dealers with the most accounts)", Value: bench.DefaultDealers},
			&cli.IntFlag{Name: "directors", Usage: "director users (the board)", Value: bench.DefaultDirectors},
			&cli.IntFlag{Name: "analysts", Usage: "analyst users (aggregates)", Value: bench.DefaultAnalysts},
			&cli.IntFlag{Name: "concurrency", Usage: "workers of the closed-loop comparison; also the raw-SQL and PostGraphile pool size", Value: bench.DefaultConcurrency},
			&cli.DurationFlag{Name: "compare-duration", Usage: "length of each comparison run (question × side × mode); 0 skips the comparison", Value: bench.DefaultCompareDuration},
			&cli.BoolFlag{Name: "no-sql", Usage: "leave out the raw-SQL side"},
			&cli.StringFlag{Name: "postgraphile-dir", Usage: "directory of bench/postgraphile with node_modules (npm ci); empty: no PostGraphile", Value: "bench/postgraphile"},
			&cli.StringFlag{Name: "postgraphile-url", Usage: "an already running PostGraphile's /graphql URL, instead of starting one"},
			&cli.IntFlag{Name: "postgraphile-port", Usage: "port of the started PostGraphile (0: a free one)"},
			&cli.IntFlag{Name: "probe-requests", Usage: "sequential requests per operation measuring SQL, allocations and CPU per request; 0 skips", Value: bench.DefaultProbeRequests},
			&cli.DurationFlag{Name: "rss-every", Usage: "interval of the server RSS samples during the mix", Value: bench.DefaultRSSEvery},
			&cli.StringFlag{Name: "sql-metric", Usage: "a counter of SQL statements on the server's /metrics to count with (default: known names, else pg_stat_statements, else pg_stat_database)"},
			&cli.DurationFlag{Name: "stats-settle", Usage: "wait for pg_stat_database's counters, when pg_stat_statements is not loaded", Value: bench.DefaultStatsSettle},
			&cli.StringFlag{Name: "cpu-profile", Usage: "file for a CPU profile of the server during the mix, if it serves /debug/pprof"},
			&cli.StringFlag{Name: "json", Usage: "also write the report as JSON to this file"},
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the random choices of operations, users and rows", Value: 1},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			mix, err := bench.ParseMix(cmd.String("mix"))
			if err != nil {
				return err
			}
			dsn := cmd.String("database-url")
			if dsn == "" && cmd.String("data-dir") != "" {
				port, err := bench.PostmasterPort(filepath.Join(cmd.String("data-dir"), "postgres", "postmaster.pid"))
				if err != nil {
					return fmt.Errorf("--data-dir: %w", err)
				}
				// The embedded cluster's superuser and database (wiring.go).
				dsn = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/channelboard?sslmode=disable", port)
			}
			pgDir := cmd.String("postgraphile-dir")
			if cmd.String("postgraphile-url") != "" {
				pgDir = ""
			}
			rep, err := bench.Run(ctx, bench.Config{
				ServerURL:        cmd.String("url"),
				DatabaseURL:      dsn,
				Rate:             int(cmd.Int("rate")),
				Duration:         cmd.Duration("duration"),
				Warmup:           cmd.Duration("warmup"),
				Mix:              mix,
				Dealers:          int(cmd.Int("dealers")),
				Directors:        int(cmd.Int("directors")),
				Analysts:         int(cmd.Int("analysts")),
				Concurrency:      int(cmd.Int("concurrency")),
				CompareDuration:  cmd.Duration("compare-duration"),
				SkipSQL:          cmd.Bool("no-sql"),
				PostGraphileDir:  pgDir,
				PostGraphileURL:  cmd.String("postgraphile-url"),
				PostGraphilePort: int(cmd.Int("postgraphile-port")),
				ProbeRequests:    int(cmd.Int("probe-requests")),
				RSSEvery:         cmd.Duration("rss-every"),
				SQLMetric:        cmd.String("sql-metric"),
				StatsSettle:      cmd.Duration("stats-settle"),
				CPUProfile:       cmd.String("cpu-profile"),
				Seed:             cmd.Uint64("seed"),
				Progress:         os.Stderr,
			})
			if rep != nil {
				if werr := rep.WriteTables(cmd.Writer); werr != nil && err == nil {
					err = werr
				}
				if file := cmd.String("json"); file != "" {
					if werr := rep.WriteJSON(file); werr != nil && err == nil {
						err = werr
					}
				}
			}
			return err
		},
	}
}
