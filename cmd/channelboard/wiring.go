package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

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
	SkipMigrate bool
	Logger      *slog.Logger
}

// Main is the running program. main() and end-to-end tests use it alike:
// NewMain, Run, then Close.
type Main struct {
	cfg     Config
	cluster *pgcluster.Cluster
	db      *bun.DB
	server  *server.Server
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
func (m *Main) SeedDemo(ctx context.Context, progress io.Writer) error {
	return seed.Demo(ctx, m.db, progress)
}

// SeedScale bulk-loads n units of benchmark data.
func (m *Main) SeedScale(ctx context.Context, n int, progress io.Writer) error {
	return seed.Scale(ctx, m.db, n, progress)
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
			if err := seed.Demo(ctx, m.db, io.Discard); err != nil && !errors.Is(err, seed.ErrNotEmpty) {
				return fmt.Errorf("demo data: %w", err)
			}
		}
	}
	st := store.New(m.db)
	m.server = server.New(server.Config{Addr: m.cfg.Addr, Version: version}, server.Deps{
		DB:      m.db,
		GraphQL: graph.NewHandler(st, m.cfg.Logger),
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
		Logger: m.cfg.Logger,
	})
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
