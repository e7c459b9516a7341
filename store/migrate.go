package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"channelboard/migrations"
)

// migrationLockKey names the PostgreSQL advisory lock that serialises
// migrators: every process that migrates the same database takes this one
// key. It spells "chboard" in ASCII so it is recognisable in pg_locks.
const migrationLockKey int64 = 0x636862_6f617264

// newMigrator builds bun's migrator over the embedded migrations.
//
// bun runs each .up.sql file as one query string on one connection (it only
// splits on "--bun:split" lines), and under the simple protocol PostgreSQL
// runs a multi-statement string as one implicit transaction: a failing file
// leaves nothing behind, and $$-quoted function bodies pass through intact.
// A later migration that cannot run inside a transaction (CREATE INDEX
// CONCURRENTLY) must separate its statements with --bun:split.
func newMigrator(db *bun.DB) (*migrate.Migrator, *migrate.Migrations, error) {
	ms := migrate.NewMigrations()
	if err := ms.Discover(migrations.FS); err != nil {
		return nil, nil, fmt.Errorf("discover migrations: %w", err)
	}
	// Marking a migration applied only after it succeeded means a failed one
	// is retried on the next start instead of being recorded as done.
	return migrate.NewMigrator(db, ms, migrate.WithMarkAppliedOnSuccess(true)), ms, nil
}

// Migrate applies every pending migration. Concurrent callers, in this process
// or others, are serialised by a session advisory lock held on one dedicated
// connection for the whole run: the first applies the migrations, the others
// wait and then find nothing to do. Unlike bun's own Lock (a row in a table),
// PostgreSQL releases a session lock by itself when a crashed process's
// connection goes away, so a crash never leaves the database locked.
//
// The pool must allow at least two connections: one holds the lock while the
// migrator works on another.
func Migrate(ctx context.Context, db *bun.DB) (err error) {
	if n := db.Stats().MaxOpenConnections; n == 1 {
		return errors.New("migrate: the connection pool must allow at least 2 connections")
	}
	m, _, err := newMigrator(db)
	if err != nil {
		return err
	}

	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: reserve lock connection: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(?)", migrationLockKey); err != nil {
		return errors.Join(fmt.Errorf("migrate: take advisory lock: %w", err), discard(conn))
	}
	defer func() {
		// Unlock even when ctx is already cancelled. If the unlock fails the
		// connection may still hold the lock, so it must not go back to the
		// pool where it would block every later migrator.
		_, uerr := conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(?)", migrationLockKey)
		if uerr != nil {
			err = errors.Join(err, fmt.Errorf("migrate: release advisory lock: %w", uerr), discard(conn))
			return
		}
		err = errors.Join(err, conn.Close())
	}()

	// Init creates bun_migrations and bun_migration_locks if missing; under
	// the lock, so two first starts do not race on CREATE TABLE.
	// The viewers' roles (migration 0008) need a privilege the owner may
	// lack; when it has it, make them here, else the migration says how.
	var me string
	if err := conn.QueryRowContext(ctx, "SELECT current_user").Scan(&me); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := EnsureViewerRoles(ctx, db, me); err != nil && !insufficientPrivilege(err) {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("migrate: create migration tables: %w", err)
	}
	if _, err := m.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// discard closes conn and tells database/sql to throw the underlying
// connection away rather than reuse it.
func discard(conn bun.Conn) error {
	err := conn.Raw(func(any) error { return driver.ErrBadConn })
	if errors.Is(err, driver.ErrBadConn) {
		return nil
	}
	return err
}

// MigrationStatus lists the migrations by name ("0001", …): those already
// applied to db and those still pending, each in ascending order. It changes
// nothing, not even on a database that was never migrated.
func MigrationStatus(ctx context.Context, db *bun.DB) (applied, pending []string, err error) {
	m, ms, err := newMigrator(db)
	if err != nil {
		return nil, nil, err
	}
	var exists bool
	if err := db.NewRaw("SELECT to_regclass('bun_migrations') IS NOT NULL").Scan(ctx, &exists); err != nil {
		return nil, nil, fmt.Errorf("migration status: %w", err)
	}
	if !exists {
		for _, mig := range ms.Sorted() {
			pending = append(pending, mig.Name)
		}
		return nil, pending, nil
	}
	all, err := m.MigrationsWithStatus(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("migration status: %w", err)
	}
	for _, mig := range all {
		if mig.IsApplied() {
			applied = append(applied, mig.Name)
		} else {
			pending = append(pending, mig.Name)
		}
	}
	return applied, pending, nil
}

func insufficientPrivilege(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "42501"
}
