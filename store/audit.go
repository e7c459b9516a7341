package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"channelboard/channel"
)

// This file is the audit log: who changed what, when, and the entity
// before and after. Every mutation writes its entry in its own
// transaction, so the log never records a change that rolled back and
// never misses one that committed. The log holds no secrets: password
// hashes and token hashes never reach before or after.

// Actors named in the log when no person is signed in.
const (
	// ActorSystem is the server's own work (background jobs) and the seed.
	ActorSystem = "system"
	// ActorCLI is an operator's command on the machine (user, token, import).
	ActorCLI = "cli"
)

type actorKey struct{}

// WithActor names who acts when the context carries no signed-in viewer,
// e.g. ActorCLI for a command-line tool. A viewer, when present, wins.
func WithActor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, actorKey{}, name)
}

// actor is who an audit entry names: a signed-in user (name is the e-mail,
// userID and role set) or a named non-person (userID and role nil).
type actor struct {
	name   string
	userID *int64
	role   *string
}

func actorOf(ctx context.Context) actor {
	if v, ok := channel.ViewerFrom(ctx); ok {
		id, role := v.UserID, string(v.Role)
		name := v.Email
		if name == "" {
			name = "user " + strconv.FormatInt(v.UserID, 10)
		}
		return actor{name: name, userID: &id, role: &role}
	}
	if name, ok := ctx.Value(actorKey{}).(string); ok && name != "" {
		return actor{name: name}
	}
	return actor{name: ActorSystem}
}

func auditJSON(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}

// audit appends one entry to the audit log inside the mutation's
// transaction. The actor is the context's viewer (see actorOf). before is
// nil for a creation; after is nil for a deletion.
func audit(ctx context.Context, tx bun.IDB, action, entity string, id int64, before, after any) error {
	b, err := auditJSON(before)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", action, entity, err)
	}
	a, err := auditJSON(after)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", action, entity, err)
	}
	who := actorOf(ctx)
	_, err = tx.NewRaw(`INSERT INTO audit_entries (actor, actor_user_id, actor_role, action, entity, entity_id, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)`,
		who.name, who.userID, who.role, action, entity, id, b, a).Exec(ctx)
	if err != nil {
		return fmt.Errorf("audit %s %s %d: %w", action, entity, id, err)
	}
	return nil
}

// auditCreated appends one creation entry per id in one statement: the
// bulk form of audit for imports, where afters[i] is the entity ids[i].
func auditCreated(ctx context.Context, tx bun.IDB, action, entity string, ids []int64, afters []any) error {
	if len(ids) == 0 {
		return nil
	}
	docs := make([]string, len(afters))
	for i, v := range afters {
		d, err := auditJSON(v)
		if err != nil {
			return fmt.Errorf("audit %s %s: %w", action, entity, err)
		}
		docs[i] = *d
	}
	who := actorOf(ctx)
	_, err := tx.NewRaw(`INSERT INTO audit_entries (actor, actor_user_id, actor_role, action, entity, entity_id, after)
		SELECT ?, ?, ?, ?, ?, u.id, u.doc::jsonb FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS u(id, doc, ord)
		ORDER BY u.ord`,
		who.name, who.userID, who.role, action, entity, pgdialect.Array(ids), pgdialect.Array(docs)).Exec(ctx)
	if err != nil {
		return fmt.Errorf("audit %s %d %ss: %w", action, len(ids), entity, err)
	}
	return nil
}

// auditImported audits rows an import just wrote (entity "customer",
// "deal" or "dealer"), each as the same entity a single create records.
func auditImported(ctx context.Context, tx bun.IDB, entity string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var afters []any
	switch entity {
	case "customer":
		var rows []customerRow
		if err := tx.NewSelect().Model(&rows).Where("c.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return fmt.Errorf("audit import: %w", err)
		}
		afters = make([]any, len(rows))
		ids = make([]int64, len(rows))
		for i, r := range rows {
			ids[i], afters[i] = r.ID, r.customer()
		}
	case "deal":
		var rows []dealRow
		if err := tx.NewSelect().Model(&rows).Where("dl.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return fmt.Errorf("audit import: %w", err)
		}
		afters = make([]any, len(rows))
		ids = make([]int64, len(rows))
		for i, r := range rows {
			ids[i], afters[i] = r.ID, r.deal()
		}
	case "dealer":
		var rows []dealerRow
		if err := tx.NewSelect().Model(&rows).Where("d.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return fmt.Errorf("audit import: %w", err)
		}
		afters = make([]any, len(rows))
		ids = make([]int64, len(rows))
		for i, r := range rows {
			ids[i], afters[i] = r.ID, r.dealer()
		}
	default:
		return fmt.Errorf("audit import: unknown entity %q", entity)
	}
	return auditCreated(ctx, tx, "import", entity, ids, afters)
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID int64
	At time.Time
	// Actor is the e-mail of the user who made the change, or ActorSystem
	// or ActorCLI; empty for entries older than sign-in.
	Actor       string
	ActorUserID int64        // 0 when no user made the change
	ActorRole   channel.Role // "" when no user made the change
	Action      string
	Entity      string
	EntityID    int64
	// Before and After are the entity as JSON; nil for a creation's
	// before, or when the action records no state.
	Before json.RawMessage
	After  json.RawMessage
}

type auditRow struct {
	bun.BaseModel `bun:"table:audit_entries,alias:ae"`

	ID          int64     `bun:"id,pk,autoincrement"`
	At          time.Time `bun:"at"`
	Actor       string    `bun:"actor"`
	ActorUserID *int64    `bun:"actor_user_id"`
	ActorRole   *string   `bun:"actor_role"`
	Action      string    `bun:"action"`
	Entity      string    `bun:"entity"`
	EntityID    int64     `bun:"entity_id"`
	Before      *string   `bun:"before"`
	After       *string   `bun:"after"`
}

func (r auditRow) entry() AuditEntry {
	e := AuditEntry{ID: r.ID, At: r.At.UTC(), Actor: r.Actor, Action: r.Action, Entity: r.Entity, EntityID: r.EntityID}
	if r.ActorUserID != nil {
		e.ActorUserID = *r.ActorUserID
	}
	if r.ActorRole != nil {
		e.ActorRole = channel.Role(*r.ActorRole)
	}
	if r.Before != nil {
		e.Before = json.RawMessage(*r.Before)
	}
	if r.After != nil {
		e.After = json.RawMessage(*r.After)
	}
	return e
}

// AuditLog lists an entity's audit entries, oldest first. A viewer in ctx
// reads through row security, which shows the log to the director only.
func (s *Store) AuditLog(ctx context.Context, entity string, id int64) ([]AuditEntry, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) ([]AuditEntry, error) {
		var rows []auditRow
		err := db.NewSelect().Model(&rows).Where("ae.entity = ? AND ae.entity_id = ?", entity, id).
			OrderExpr("ae.at, ae.id").Scan(ctx)
		if err != nil {
			return nil, fmt.Errorf("audit log %s %d: %w", entity, id, err)
		}
		out := make([]AuditEntry, len(rows))
		for i, r := range rows {
			out[i] = r.entry()
		}
		return out, nil
	})
}

// AuditFilter narrows ListAudit; nil fields do not filter.
type AuditFilter struct {
	Entity   *string
	EntityID *int64 // needs Entity: ids are per entity
	// Actor is an e-mail (compared case-insensitively) or ActorSystem or
	// ActorCLI.
	Actor  *string
	Action *string
	From   *time.Time // at or after
	To     *time.Time // strictly before
}

func (f AuditFilter) validate() error {
	if f.EntityID != nil && f.Entity == nil {
		return invalid("filter.entity", "an entity id needs its entity")
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		return invalid("filter.to", "the end must be after the start")
	}
	return nil
}

// auditNewest orders the log newest first; id breaks ties between the
// entries of one transaction, which share its start time.
var auditNewest = sortSpec{name: "AT", expr: "ae.at", cast: "timestamptz", desc: true}

// ListAudit returns one page of the audit log, newest first. A viewer in
// ctx reads through row security, which shows the log to the director only.
func (s *Store) ListAudit(ctx context.Context, f AuditFilter, p Page) (List[AuditEntry], error) {
	if err := f.validate(); err != nil {
		return List[AuditEntry]{}, err
	}
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (List[AuditEntry], error) {
		var rows []auditRow
		newQuery := func() *bun.SelectQuery {
			rows = rows[:0]
			q := db.NewSelect().Model(&rows)
			if f.Entity != nil {
				q = q.Where("ae.entity = ?", *f.Entity)
			}
			if f.EntityID != nil {
				q = q.Where("ae.entity_id = ?", *f.EntityID)
			}
			if f.Actor != nil {
				q = q.Where("ae.actor = ?", channel.NormalizeEmail(*f.Actor))
			}
			if f.Action != nil {
				q = q.Where("ae.action = ?", *f.Action)
			}
			if f.From != nil {
				q = q.Where("ae.at >= ?", f.From.UTC())
			}
			if f.To != nil {
				q = q.Where("ae.at < ?", f.To.UTC())
			}
			return q
		}
		cursors, total, more, err := listQuery(ctx, p, auditNewest, "ae.id", &rows, newQuery,
			func(r auditRow) any { return r.At }, func(r auditRow) int64 { return r.ID })
		if err != nil {
			return List[AuditEntry]{}, dbError(fmt.Errorf("list audit: %w", err), "audit entry")
		}
		out := List[AuditEntry]{Items: make([]AuditEntry, len(rows)), Cursors: cursors, Total: total, HasNextPage: more}
		for i, r := range rows {
			out.Items[i] = r.entry()
		}
		return out, nil
	})
}
