package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// Database roles a viewer's reads run as (migrations/0008_access.up.sql).
// Neither owns a table, is a superuser or bypasses row security.
const (
	StaffRole  = "channelboard_staff"
	DealerRole = "channelboard_dealer"
)

// view runs fn over the database as the context's viewer sees it: in a
// read-only transaction that switches to the viewer's database role and
// names the viewer with transaction-local settings, so PostgreSQL's row
// security narrows every statement fn runs, whatever the Go code above it
// asks for. Without a viewer in ctx the caller is trusted code (the
// conflict engine, jobs, the CLI, sign-in) and fn gets the pool as it is;
// the GraphQL layer refuses anonymous requests before any resolver runs.
//
// A read that calls another read passes on the ctx fn got, and the inner
// one joins the same transaction instead of holding a second connection.
func (s *Store) view(ctx context.Context, fn func(ctx context.Context, db bun.IDB) error) error {
	if tx, ok := ctx.Value(viewTxKey{}).(bun.Tx); ok {
		return fn(ctx, tx)
	}
	v, ok := channel.ViewerFrom(ctx)
	if !ok {
		return fn(ctx, s.db)
	}
	if rt, ok := ctx.Value(requestTxKey{}).(*requestTx); ok && rt.s == s && rt.viewer == v {
		return rt.run(ctx, fn)
	}
	return s.db.RunInTx(ctx, &sql.TxOptions{ReadOnly: true}, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.ExecContext(ctx, viewerSettings(v)); err != nil {
			return fmt.Errorf("name the viewer: %w", err)
		}
		return fn(context.WithValue(ctx, viewTxKey{}, tx), tx)
	})
}

type viewTxKey struct{}

// requestTx is one read-only transaction that every read of a request
// shares (WithRequestTx): the viewer is named once, and a page with seven
// dataloaders costs seven statements instead of seven transactions of
// four. The request's loaders run in parallel goroutines; they take turns
// on the one connection.
type requestTx struct {
	s      *Store
	viewer channel.Viewer
	mu     sync.Mutex
	tx     bun.Tx
	open   bool
}

type requestTxKey struct{}

// run runs fn in the request's transaction, opening it first if needed.
func (rt *requestTx) run(ctx context.Context, fn func(ctx context.Context, db bun.IDB) error) error {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if !rt.open {
		// Not the request's own context: a client that goes away must not
		// roll the transaction back under a loader that still runs; end
		// does.
		tx, err := rt.s.db.BeginTx(context.WithoutCancel(ctx), &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return fmt.Errorf("begin the viewer's transaction: %w", err)
		}
		if _, err := tx.ExecContext(ctx, viewerSettings(rt.viewer)); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("name the viewer: %w", err)
		}
		rt.tx, rt.open = tx, true
	}
	return fn(context.WithValue(ctx, viewTxKey{}, rt.tx), rt.tx)
}

// end closes the transaction if it is open; a later read opens a new one.
func (rt *requestTx) end() {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.open {
		_ = rt.tx.Rollback() // read-only: nothing to keep
		rt.open = false
	}
}

// endRequestTx closes the request's read transaction before a write takes
// a connection of its own, so a request never holds two: under load, many
// requests each holding one and waiting for a second would exhaust the
// pool and wait forever.
func endRequestTx(ctx context.Context) {
	if rt, ok := ctx.Value(requestTxKey{}).(*requestTx); ok {
		rt.end()
	}
}

// WithRequestTx lets every read of one short request (a GraphQL query or
// mutation over HTTP, never a subscription, which lives for hours) share
// one read-only transaction as the context's viewer, opened on the first
// read. Reads see each statement's committed data as in separate
// transactions (READ COMMITTED), so a mutation's own writes, committed by
// then, are seen. Call done when the request ends.
func (s *Store) WithRequestTx(ctx context.Context) (_ context.Context, done func()) {
	v, ok := channel.ViewerFrom(ctx)
	if !ok {
		return ctx, func() {}
	}
	rt := &requestTx{s: s, viewer: v}
	return context.WithValue(ctx, requestTxKey{}, rt), rt.end
}

// viewerSettings is the one statement that names the viewer for a
// transaction. Every value in it is a role name from a fixed set or an
// integer, so it is built as text and sent in the same round trip as the
// role switch.
func viewerSettings(v channel.Viewer) string {
	role := StaffRole
	var dealer int64
	if v.Role == channel.RoleDealer {
		role, dealer = DealerRole, v.DealerID
	} else if !v.SeesAll() {
		// Not a role row security knows: it shows nothing.
		role = DealerRole
	}
	return fmt.Sprintf(
		"SET LOCAL ROLE %s; SET LOCAL statement_timeout = '%s'; SELECT set_config('channelboard.role', '%s', true), set_config('channelboard.dealer_id', '%d', true), set_config('channelboard.user_id', '%d', true)",
		role, viewerStatementTimeout, roleSetting(v.Role), dealer, v.UserID)
}

func roleSetting(r channel.Role) string {
	if r.Valid() {
		return string(r)
	}
	return ""
}

// appNarrowing is the application's own narrowing of queries to what the
// viewer may see, added to every dealer-scoped read before row security
// narrows it again. It also gives the planner the viewer's dealer as a
// literal, which it can estimate. Tests switch it off to prove that row
// security alone still refuses.
var appNarrowing = true

// dealerScope returns the dealer a read must be narrowed to: ok is false
// when the viewer sees every dealer (or there is no viewer: trusted code).
// A viewer who is neither staff nor a bound dealer user is narrowed to
// dealer -1, which owns nothing.
func dealerScope(ctx context.Context) (dealerID int64, narrowed bool) {
	if !appNarrowing {
		return 0, false
	}
	v, ok := channel.ViewerFrom(ctx)
	if !ok || v.SeesAll() {
		return 0, false
	}
	if v.Role == channel.RoleDealer && v.DealerID != 0 {
		return v.DealerID, true
	}
	return -1, true
}

// viewed is view for a read that returns a value.
func viewed[T any](s *Store, ctx context.Context, fn func(ctx context.Context, db bun.IDB) (T, error)) (T, error) {
	var out T
	err := s.view(ctx, func(ctx context.Context, db bun.IDB) error {
		var err error
		out, err = fn(ctx, db)
		return err
	})
	return out, err
}

// narrow adds the application's narrowing to a query for a dealer viewer:
// pred is a condition with one ? for the viewer's dealer (see dealerScope).
func narrow(ctx context.Context, q *bun.SelectQuery, pred string) *bun.SelectQuery {
	if d, ok := dealerScope(ctx); ok {
		return q.Where(pred, d)
	}
	return q
}

// narrowSQL is narrow for hand-written SQL: it returns " AND <pred>" and
// the argument to append, or nothing for a viewer who sees every dealer.
func narrowSQL(ctx context.Context, pred string) (string, []any) {
	if d, ok := dealerScope(ctx); ok {
		return " AND " + pred, []any{d}
	}
	return "", nil
}

// Conditions that narrow each table to a dealer's own rows; the same as
// the dealer_read policies of migrations/0008_access.up.sql.
const (
	customerOfDealer  = "c.dealer_ids @> ARRAY[?::bigint]"
	dealOfDealer      = "dl.channel_kind = 'DEALER' AND dl.dealer_id = ?"
	dealerItself      = "d.id = ?"
	conflictOfDealer  = "cf.dealer_ids @> ARRAY[?::bigint]"
	territoryOfDealer = "ta.dealer_id = ?"
)

// viewerStatementTimeout bounds every statement a viewer's read runs, so a
// costly question cannot hold a connection for long. It is set on the
// roles (for a session that logs in as one) and, since SET ROLE does not
// apply a role's settings, in every viewer transaction.
const viewerStatementTimeout = "30s"

// EnsureViewerRoles creates the database roles viewers read as when they
// are missing, and lets member switch to them. It needs a superuser or a
// role with CREATEROLE; roles belong to the cluster, so this runs once per
// cluster, not per database. Concurrent calls are safe.
func EnsureViewerRoles(ctx context.Context, db bun.IDB, member string) error {
	for _, role := range []string{StaffRole, DealerRole} {
		_, err := db.ExecContext(ctx, fmt.Sprintf(`DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%[1]s') THEN
        CREATE ROLE %[1]s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`, role))
		if err != nil {
			return fmt.Errorf("create role %s: %w", role, err)
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf("ALTER ROLE %s SET statement_timeout = '%s'", role, viewerStatementTimeout)); err != nil {
			return fmt.Errorf("set statement_timeout of %s: %w", role, err)
		}
		if _, err := db.ExecContext(ctx, "GRANT "+role+" TO "+pgIdent(member)); err != nil {
			return fmt.Errorf("grant %s to %s: %w", role, member, err)
		}
	}
	return nil
}

// pgIdent quotes an identifier for PostgreSQL.
func pgIdent(s string) string {
	out := []byte{'"'}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			out = append(out, '"')
		}
		out = append(out, s[i])
	}
	return string(append(out, '"'))
}
