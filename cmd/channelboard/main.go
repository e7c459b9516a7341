// Command channelboard is Channelboard's one binary: the server (GraphQL API
// and the embedded app), migrations, demo and scale data. This package only
// wires: configuration → database → store → server. It holds no rules.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/cli/v3"

	"channelboard/channel"
	"channelboard/server"
	"channelboard/store"
	"channelboard/store/seed"
)

// defaultSlowQuery: statements slower than this are logged by serve.
const defaultSlowQuery = 500 * time.Millisecond

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := newApp().Run(ctx, os.Args); err != nil {
		// Our own errors already say what to do; anything else is printed as is.
		fmt.Fprintln(os.Stderr, "channelboard:", errorText(err))
		os.Exit(1)
	}
}

func errorText(err error) string {
	var e *channel.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

func demoCredentials() string {
	return "Sign in as director@example.com, manager@example.com, analyst@example.com or dealer-<dealer code>@example.com (e.g. dealer-bg-001@example.com); password: " + seed.DemoPassword
}

func newLogger(level string, json bool) *slog.Logger {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		lv = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lv}
	if json {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

// Flags shared by every command that reaches the database.
func databaseFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{
			Name:    "database-url",
			Usage:   "PostgreSQL URL (postgres://user:pass@host:5432/db). Empty: run a private PostgreSQL cluster in --data-dir from the installed server binaries",
			Sources: cli.EnvVars("DATABASE_URL"),
		},
		&cli.StringFlag{
			Name:    "data-dir",
			Usage:   "directory of the embedded PostgreSQL cluster, used when no database URL is given",
			Value:   "./data",
			Sources: cli.EnvVars("CHANNELBOARD_DATA_DIR"),
		},
		&cli.StringFlag{
			Name:    "log-level",
			Usage:   "debug, info, warn or error",
			Value:   "info",
			Sources: cli.EnvVars("CHANNELBOARD_LOG_LEVEL"),
		},
		&cli.BoolFlag{
			Name:    "log-json",
			Usage:   "write logs as JSON lines instead of text",
			Sources: cli.EnvVars("CHANNELBOARD_LOG_JSON"),
		},
	}
}

func configFrom(cmd *cli.Command) Config {
	return Config{
		DatabaseURL: cmd.String("database-url"),
		DataDir:     cmd.String("data-dir"),
		Logger:      newLogger(cmd.String("log-level"), cmd.Bool("log-json")),
	}
}

func newApp() *cli.Command {
	return &cli.Command{
		Name:  "channelboard",
		Usage: "who owns each customer, and every channel conflict on a live board",
		Description: "Channelboard is the system of record for a manufacturer selling through dealers.\n" +
			"Run `channelboard serve --demo` and open the printed address.",
		Version: version,
		Commands: []*cli.Command{
			serveCommand(),
			migrateCommand(),
			seedCommand(),
			importCommand(),
			userCommand(),
			tokenCommand(),
			benchCommand(),
			{
				Name:  "version",
				Usage: "print the version",
				Action: func(ctx context.Context, cmd *cli.Command) error {
					fmt.Println("channelboard", version)
					return nil
				},
			},
		},
	}
}

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the GraphQL API and the app",
		Flags: append(databaseFlags(),
			&cli.StringFlag{
				Name:    "addr",
				Usage:   "address to listen on (host:port; port 0 picks a free one)",
				Value:   "127.0.0.1:8080",
				Sources: cli.EnvVars("CHANNELBOARD_ADDR"),
			},
			&cli.BoolFlag{
				Name:    "demo",
				Usage:   "load the demo data when the database is empty",
				Sources: cli.EnvVars("CHANNELBOARD_DEMO"),
			},
			&cli.StringSliceFlag{
				Name:    "allowed-origin",
				Usage:   "an origin (https://board.example.com) allowed to open the live-feed websocket besides the server's own host; repeatable",
				Sources: cli.EnvVars("CHANNELBOARD_ALLOWED_ORIGINS"),
			},
			&cli.IntFlag{
				Name:    "max-in-flight",
				Usage:   "API requests served at once; more wait up to --queue-wait, then get 503 OVERLOADED",
				Value:   server.DefaultMaxInFlight,
				Sources: cli.EnvVars("CHANNELBOARD_MAX_IN_FLIGHT"),
			},
			&cli.DurationFlag{
				Name:    "queue-wait",
				Usage:   "how long an API request beyond --max-in-flight waits for a turn",
				Value:   server.DefaultQueueWait,
				Sources: cli.EnvVars("CHANNELBOARD_QUEUE_WAIT"),
			},
			&cli.DurationFlag{
				Name:    "slow-query",
				Usage:   "log each SQL statement slower than this (0: none)",
				Value:   defaultSlowQuery,
				Sources: cli.EnvVars("CHANNELBOARD_SLOW_QUERY"),
			},
		),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			cfg := configFrom(cmd)
			cfg.Addr = cmd.String("addr")
			cfg.Demo = cmd.Bool("demo")
			cfg.AllowedOrigins = cmd.StringSlice("allowed-origin")
			cfg.MaxInFlight = int(cmd.Int("max-in-flight"))
			cfg.QueueWait = cmd.Duration("queue-wait")
			cfg.SlowQuery = cmd.Duration("slow-query")
			m := NewMain(cfg)
			if err := m.Run(ctx); err != nil {
				_ = m.Close()
				return err
			}
			fmt.Printf("Channelboard is running at http://%s — press Ctrl+C to stop.\n", m.Addr())
			if cfg.Demo {
				fmt.Println(demoCredentials())
			}
			<-ctx.Done()
			cfg.Logger.Info("shutting down")
			return m.Close()
		},
	}
}

func migrateCommand() *cli.Command {
	return &cli.Command{
		Name:  "migrate",
		Usage: "apply or inspect database migrations",
		Commands: []*cli.Command{
			{
				Name:  "up",
				Usage: "apply every pending migration",
				Flags: databaseFlags(),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					m := NewMain(configFrom(cmd))
					defer m.Close()
					if err := m.OpenDatabase(ctx); err != nil {
						return err
					}
					applied, pending, err := m.MigrationStatus(ctx)
					if err != nil {
						return err
					}
					fmt.Printf("migrations: %d applied, %d pending\n", len(applied), len(pending))
					return nil
				},
			},
			{
				Name:  "status",
				Usage: "list applied and pending migrations",
				Flags: databaseFlags(),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					m := NewMain(configFrom(cmd))
					m.cfg.SkipMigrate = true
					defer m.Close()
					if err := m.OpenDatabase(ctx); err != nil {
						return err
					}
					applied, pending, err := m.MigrationStatus(ctx)
					if err != nil {
						return err
					}
					for _, name := range applied {
						fmt.Println("applied ", name)
					}
					for _, name := range pending {
						fmt.Println("pending ", name)
					}
					return nil
				},
			},
		},
	}
}

func seedCommand() *cli.Command {
	return &cli.Command{
		Name:  "seed",
		Usage: "load demo data (--demo) or bulk data for benchmarks (--scale N)",
		Flags: append(databaseFlags(),
			&cli.BoolFlag{Name: "demo", Usage: "the demo: ~40 dealers, ~2,000 customers, ~5,000 deals in BG, RO, RU and CN (needs an empty database)"},
			&cli.IntFlag{Name: "scale", Usage: "add N × (100 dealers, 50,000 customers, 200,000 deals), loaded with COPY"},
		),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			demo, scale := cmd.Bool("demo"), cmd.Int("scale")
			if !demo && scale <= 0 {
				return fmt.Errorf("say what to load: --demo or --scale N (N ≥ 1)")
			}
			m := NewMain(configFrom(cmd))
			defer m.Close()
			if err := m.OpenDatabase(ctx); err != nil {
				return err
			}
			if demo {
				if err := m.SeedDemo(ctx, os.Stdout); err != nil {
					return err
				}
				if err := seed.DemoUsers(ctx, m.db, seed.DemoPassword); err != nil {
					return err
				}
				fmt.Println(demoCredentials())
			}
			if scale > 0 {
				if err := m.SeedScale(ctx, int(scale), os.Stdout); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "import customers, deals or dealers from a CSV file (the columns of the matching /export/*.csv)",
		ArgsUsage: "customers|deals|dealers FILE.csv",
		Description: "Every row is validated first; each bad row is reported with its line number and reason,\n" +
			"and nothing is imported unless --skip-bad is given. The conflict rules run on what is imported.",
		Flags: append(databaseFlags(),
			&cli.BoolFlag{Name: "skip-bad", Usage: "import the good rows and skip the bad ones instead of importing nothing"},
		),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.NArg() != 2 {
				return fmt.Errorf("usage: channelboard import customers|deals|dealers FILE.csv")
			}
			m := NewMain(configFrom(cmd))
			defer m.Close()
			if err := m.OpenDatabase(ctx); err != nil {
				return err
			}
			return store.RunImport(ctx, m.db, cmd.Args().Get(0), cmd.Args().Get(1), cmd.Bool("skip-bad"), os.Stdout)
		},
	}
}
