package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/uptrace/bun"

	"channelboard/frontend"
	"channelboard/graph"
	"channelboard/server"
	"channelboard/store"
	"channelboard/store/pgcluster"
	"channelboard/store/seed"
)

// Config is the whole configuration, read from flags and environment in
// main and passed down; nothing deeper reads the environment.
type Config struct {
	Addr        string
	DatabaseURL string
	DataDir     string
	Demo        bool
	// AllowedOrigins may open the websocket besides the server's own host.
	AllowedOrigins []string
	SkipMigrate    bool
	// MaxInFlight and QueueWait bound the API requests served at once
	// (server.Config); SlowQuery logs statements slower than it (0: none).
	MaxInFlight int
	QueueWait   time.Duration
	SlowQuery   time.Duration
	Logger      *slog.Logger
}

// Main is the running program. main() and end-to-end tests use it alike:
// NewMain, Run, then Close.
type Main struct {
	cfg     Config
	cluster *pgcluster.Cluster
	db      *bun.DB
	server  *server.Server
	// stopLoops ends the background jobs.
	stopLoops context.CancelFunc
	loopsDone chan struct{}
	hub       *store.Hub
	ws        *graph.Websockets
}

// NewMain returns a program that has not started anything yet.
func NewMain(cfg Config) *Main {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.DataDir == "" {
		cfg.DataDir = "./data"
	}
	return &Main{cfg: cfg}
}

// OpenDatabase connects to DATABASE_URL, or starts the embedded cluster in
// the data directory, and applies pending migrations.
func (m *Main) OpenDatabase(ctx context.Context) error {
	dsn := m.cfg.DatabaseURL
	if dsn == "" {
		start := time.Now()
		dir, err := filepath.Abs(filepath.Join(m.cfg.DataDir, "postgres"))
		if err != nil {
			return err
		}
		// When we run as root the cluster runs as the postgres user, who
		// must be able to enter the data directory to reach its own.
		if err := os.MkdirAll(m.cfg.DataDir, 0o755); err != nil {
			return fmt.Errorf("create data directory: %w", err)
		}
		m.cluster, err = pgcluster.Start(ctx, pgcluster.Config{DataDir: dir, Logger: m.cfg.Logger})
		if err != nil {
			return err
		}
		if err := ensureDatabase(ctx, m.cluster.DSN("postgres"), "channelboard"); err != nil {
			return err
		}
		dsn = m.cluster.DSN("channelboard")
		m.cfg.Logger.Info("embedded PostgreSQL started", "data_dir", dir, "port", m.cluster.Port(), "duration_ms", time.Since(start).Milliseconds())
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	// Statements per request, for /metrics.
	db.AddQueryHook(server.SQLCounter{})
	if m.cfg.SlowQuery > 0 {
		db.AddQueryHook(server.SlowQueryLog{Threshold: m.cfg.SlowQuery, Logger: m.cfg.Logger})
	}
	m.db = db
	if m.cfg.SkipMigrate {
		return nil
	}
	start := time.Now()
	if err := store.Migrate(ctx, db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	m.cfg.Logger.Info("migrations applied", "duration_ms", time.Since(start).Milliseconds())
	return nil
}

// MigrationStatus lists applied and pending migrations by name.
func (m *Main) MigrationStatus(ctx context.Context) (applied, pending []string, err error) {
	return store.MigrationStatus(ctx, m.db)
}

// SeedDemo loads the demo data into an empty database.
// The conflicts come from the rules run over the loaded deals.
func (m *Main) SeedDemo(ctx context.Context, progress io.Writer) error {
	if err := seed.Demo(ctx, m.db, progress); err != nil {
		return err
	}
	return seed.DemoConflicts(ctx, store.New(m.db), progress)
}

// SeedScale bulk-loads n units of benchmark data.
// Its conflicts come from re-evaluating the deal rules afterwards.
func (m *Main) SeedScale(ctx context.Context, n int, progress io.Writer) error {
	if err := seed.Scale(ctx, m.db, n, progress); err != nil {
		return err
	}
	start := time.Now()
	last := -1
	// Deal rules only: the duplicate-customer search over every scale
	// customer takes minutes and the generated names are alike.
	err := store.New(m.db).ReevaluateDeals(ctx, func(done, total int) {
		if total > 0 && done*100/total/10 != last {
			last = done * 100 / total / 10
			fmt.Fprintf(progress, "conflict rules: %d / %d customers\n", done, total)
		}
	})
	if err != nil {
		return fmt.Errorf("evaluate scale data: %w", err)
	}
	fmt.Fprintf(progress, "conflict rules evaluated in %s\n", time.Since(start).Round(time.Millisecond))
	return seed.Vacuum(ctx, m.db, progress)
}

// Run opens the database, loads the demo when asked and the database is
// empty, and starts serving. It returns once the server listens.
func (m *Main) Run(ctx context.Context) error {
	if err := m.OpenDatabase(ctx); err != nil {
		return err
	}
	if m.cfg.Demo {
		empty, err := seed.IsEmpty(ctx, m.db)
		if err != nil {
			return err
		}
		if empty {
			m.cfg.Logger.Info("loading demo data")
			if err := m.SeedDemo(ctx, io.Discard); err != nil && !errors.Is(err, seed.ErrNotEmpty) {
				return fmt.Errorf("demo data: %w", err)
			}
		}
	}
	if m.cfg.Demo {
		// Outside the empty check: a database seeded before users existed
		// gets its demo users too. Idempotent.
		if err := seed.DemoUsers(ctx, m.db, seed.DemoPassword); err != nil {
			return fmt.Errorf("demo users: %w", err)
		}
	}
	st := store.New(m.db)
	// The live feed: one reader of the event log per process, woken by a
	// short poll and by NOTIFY after commits (from any replica).
	m.hub = store.NewHub(st, store.HubConfig{Logger: m.cfg.Logger})
	m.ws = graph.NewWebsockets(m.cfg.AllowedOrigins)
	ops := graph.NewOperationMetrics()
	auth := server.NewAuth(st, m.cfg.Logger)
	m.ws.Authenticate(auth.WebsocketInit)
	m.server = server.New(server.Config{Addr: m.cfg.Addr, Version: version, TrustedOrigins: m.cfg.AllowedOrigins, MaxInFlight: m.cfg.MaxInFlight, QueueWait: m.cfg.QueueWait}, server.Deps{
		DB:      m.db,
		GraphQL: graph.NewHandler(st, m.cfg.Logger, graph.WithFeed(m.hub), graph.WithWebsockets(m.ws), graph.WithOperationMetrics(ops)),
		App:     server.AppHandler(frontend.Files()),
		Ready: func(ctx context.Context) error {
			if err := m.db.PingContext(ctx); err != nil {
				return err
			}
			_, pending, err := store.MigrationStatus(ctx, m.db)
			if err != nil {
				return err
			}
			if len(pending) > 0 {
				return fmt.Errorf("%d migrations pending", len(pending))
			}
			return nil
		},
		Auth:       auth,
		Export:     server.ExportHandler(st, m.cfg.Logger),
		Import:     server.ImportHandler(st, m.cfg.Logger),
		RateLimit:  server.NewRateLimiter(50, 200),
		Collectors: []prometheus.Collector{ops, m.ws},
		Logger:     m.cfg.Logger,
	})
	// Registrations whose protection lapses change what the rules see; one
	// replica at a time does the work (advisory lock).
	loopCtx, cancel := context.WithCancel(context.Background())
	m.stopLoops = cancel
	m.loopsDone = make(chan struct{})
	go func() {
		defer close(m.loopsDone)
		var wg sync.WaitGroup
		wg.Go(func() { st.RunExpiryLoop(loopCtx, time.Minute, m.cfg.Logger) })
		wg.Go(func() {
			if err := m.hub.Run(loopCtx); err != nil && loopCtx.Err() == nil {
				m.cfg.Logger.Error("live feed stopped", "err", err)
			}
		})
		wg.Go(func() { pruneEvents(loopCtx, st, m.cfg.Logger) })
		wg.Wait()
	}()
	if err := m.server.Start(); err != nil {
		return fmt.Errorf("listen on %s: %w", m.cfg.Addr, err)
	}
	m.cfg.Logger.Info("serving", "addr", m.server.Addr())
	return nil
}

// Addr is the address the server listens on.
func (m *Main) Addr() string {
	if m.server == nil {
		return m.cfg.Addr
	}
	return m.server.Addr()
}

// Close stops the server (letting requests in flight finish), the database
// pool and the embedded cluster, in that order.
func (m *Main) Close() error {
	var errs []error
	// Subscriptions end first with SHUTTING_DOWN, then their sockets close
	// (http.Server.Shutdown does not close hijacked connections).
	if m.hub != nil {
		m.hub.Close()
	}
	if m.ws != nil {
		m.ws.Shutdown()
	}
	if m.stopLoops != nil {
		m.stopLoops()
		<-m.loopsDone
	}
	if m.server != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		errs = append(errs, m.server.Shutdown(ctx))
		cancel()
	}
	if m.db != nil {
		errs = append(errs, m.db.Close())
	}
	if m.cluster != nil {
		errs = append(errs, m.cluster.Stop())
	}
	return errors.Join(errs...)
}

// ensureDatabase creates the application database on the embedded cluster
// the first time.
func ensureDatabase(ctx context.Context, adminDSN, name string) error {
	db, err := store.Open(ctx, adminDSN)
	if err != nil {
		return err
	}
	defer db.Close()
	var exists bool
	if err := db.NewRaw("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ?)", name).Scan(ctx, &exists); err != nil {
		return fmt.Errorf("look up database %s: %w", name, err)
	}
	if exists {
		return nil
	}
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name+" ENCODING 'UTF8' TEMPLATE template0"); err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return nil
}

// pruneEvents drops conflict events older than the retention, hourly; a
// client resuming from an older cursor is told to reload.
func pruneEvents(ctx context.Context, st *store.Store, logger *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := st.PruneEvents(ctx, store.DefaultEventRetention); err != nil && ctx.Err() == nil {
			logger.Error("pruning conflict events failed", "err", err)
		} else if n > 0 {
			logger.Info("pruned conflict events", "events", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
