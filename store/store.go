package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"
)

// Store runs every query of Channelboard. Its methods take and return the
// channel package's types; callers never see a row struct or SQL.
type Store struct {
	db  *bun.DB
	now func() time.Time
}

// New wraps an open database (see Open and Migrate).
func New(db *bun.DB) *Store {
	return &Store{db: db, now: func() time.Time { return time.Now().UTC() }}
}

// DB is the underlying database, for health checks and tests.
func (s *Store) DB() *bun.DB { return s.db }

// SetClock replaces the clock; tests use it to make protection windows and
// "today" deterministic.
func (s *Store) SetClock(now func() time.Time) { s.now = func() time.Time { return now().UTC() } }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// maxTxAttempts bounds the retries of a transaction that lost a
// serialization race or a deadlock; beyond it the caller gets the error.
const maxTxAttempts = 4

// InTx runs fn in one transaction and commits it when fn returns nil.
// Serialization failures and deadlocks are retried a few times, so fn must
// be safe to run again (it must not keep state outside the transaction).
func (s *Store) InTx(ctx context.Context, fn func(tx bun.Tx) error) error {
	endRequestTx(ctx)
	var err error
	for attempt := 1; attempt <= maxTxAttempts; attempt++ {
		err = s.db.RunInTx(ctx, &sql.TxOptions{}, func(ctx context.Context, tx bun.Tx) error {
			return fn(tx)
		})
		if err == nil || !retryable(err) || ctx.Err() != nil {
			return err
		}
		// A short, growing pause lets the competing transaction finish.
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt*attempt) * 5 * time.Millisecond):
		}
	}
	return err
}

func retryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "40P01")
}

func dateArg(t time.Time) string { return t.UTC().Format(time.DateOnly) }

func dateArgPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := dateArg(*t)
	return &s
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func toDate(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func toDatePtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	d := toDate(*t)
	return &d
}
