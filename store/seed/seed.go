// Package seed fills a Channelboard database with data to look at: Demo
// loads a small, hand-shaped world (about 40 dealers, 2,000 customers and
// 5,000 deals in Bulgaria, Romania, Russia and China, seed 000's story among
// them) and Scale adds N times 100 dealers, 50,000 customers and 200,000
// deals for load testing. Both are deterministic: the same database state
// gives the same data.
//
// It writes the tables of migrations/0001_init.up.sql directly, in bulk, and
// does not go through the store's entity methods: seeding skips validation,
// conflict detection and audit on purpose, and must stay fast. It imports the
// domain package channel only for its normalisation functions, and must not
// import store, graph or server.
package seed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/uptrace/bun"
)

// ErrNotEmpty is returned by Demo when the database already has dealers or
// customers: the demo is a starting world, not something to merge into
// real data.
var ErrNotEmpty = errors.New("the database already has dealers or customers; demo data loads only into an empty database")

// demoNow is the demo's "today". Dates are fixed relative to it, not to the
// clock, so that the data and the tests over it never change.
var demoNow = time.Date(2026, time.November, 24, 12, 0, 0, 0, time.UTC)

const (
	decidedByDirector = "director@example.com"
	decidedByManager  = "manager@example.com"
)

// IsEmpty reports whether the database has neither dealers nor customers,
// that is whether Demo would load.
func IsEmpty(ctx context.Context, db bun.IDB) (bool, error) {
	var has bool
	err := db.NewRaw(`SELECT EXISTS (SELECT 1 FROM dealers) OR EXISTS (SELECT 1 FROM customers)`).Scan(ctx, &has)
	if err != nil {
		return false, fmt.Errorf("check whether the database is empty: %w", err)
	}
	return !has, nil
}

// reserveIDs takes n consecutive ids from the table's id sequence and
// returns the first. The caller's transaction must hold a lock on the table
// that keeps other inserts out (lockForSeed), or a concurrent insert's
// nextval could land inside the block.
func reserveIDs(ctx context.Context, db bun.IDB, table string, n int) (int64, error) {
	if n <= 0 {
		return 0, nil
	}
	var last int64
	err := db.NewRaw(`SELECT setval(pg_get_serial_sequence(?, 'id'), nextval(pg_get_serial_sequence(?, 'id')) + ? - 1)`,
		table, table, n).Scan(ctx, &last)
	if err != nil {
		return 0, fmt.Errorf("reserve %d ids of %s: %w", n, table, err)
	}
	return last - int64(n) + 1, nil
}

// seededTables are the tables the seed writes ids into. SHARE ROW EXCLUSIVE
// lets readers in but no other writer until the seed commits, which makes
// reserveIDs safe and makes two seeds run one after the other.
const seededTables = "dealers, territory_assignments, customers, ownership_changes, deals, dealer_plans"

func lockForSeed(ctx context.Context, db bun.IDB) error {
	if _, err := db.ExecContext(ctx, "LOCK TABLE "+seededTables+" IN SHARE ROW EXCLUSIVE MODE"); err != nil {
		return fmt.Errorf("lock tables for seeding: %w", err)
	}
	return nil
}

// Rows of the tables the generators fill.

type dealerRow struct {
	bun.BaseModel `bun:"table:dealers"`
	ID            int64      `bun:"id,pk"`
	Code          string     `bun:"code"`
	Name          string     `bun:"name"`
	Kind          string     `bun:"kind"`
	ParentID      *int64     `bun:"parent_id"`
	Status        string     `bun:"status"`
	Tier          int        `bun:"tier"`
	HomeRegionID  int64      `bun:"home_region_id"`
	ContractStart time.Time  `bun:"contract_start,type:date"`
	ContractEnd   *time.Time `bun:"contract_end,type:date"`
	CreditLimit   int64      `bun:"credit_limit"`
	Currency      string     `bun:"currency"`
	ContactName   string     `bun:"contact_name"`
	ContactEmail  string     `bun:"contact_email"`
	ContactPhone  string     `bun:"contact_phone"`
	CreatedAt     time.Time  `bun:"created_at"`
	UpdatedAt     time.Time  `bun:"updated_at"`
}

type territoryRow struct {
	bun.BaseModel  `bun:"table:territory_assignments"`
	ID             int64      `bun:"id,pk"`
	DealerID       int64      `bun:"dealer_id"`
	RegionID       int64      `bun:"region_id"`
	Segments       []string   `bun:"segments,array"`
	ProductLineIDs []int64    `bun:"product_line_ids,array"`
	Exclusive      bool       `bun:"exclusive"`
	ValidFrom      time.Time  `bun:"valid_from,type:date"`
	ValidTo        *time.Time `bun:"valid_to,type:date"`
	CreatedAt      time.Time  `bun:"created_at"`
}

type customerRow struct {
	bun.BaseModel    `bun:"table:customers"`
	ID               int64     `bun:"id,pk"`
	Name             string    `bun:"name"`
	NameNorm         string    `bun:"name_norm"`
	TaxID            *string   `bun:"tax_id"`
	TaxIDNorm        *string   `bun:"tax_id_norm"`
	RegionID         int64     `bun:"region_id"`
	Segment          string    `bun:"segment"`
	Size             string    `bun:"size"`
	KeyAccount       bool      `bun:"key_account"`
	KeyAccountReason string    `bun:"key_account_reason"`
	OwnerKind        string    `bun:"owner_kind"`
	OwnerDealerID    *int64    `bun:"owner_dealer_id"`
	OwnerSince       time.Time `bun:"owner_since"`
	CreatedAt        time.Time `bun:"created_at"`
	UpdatedAt        time.Time `bun:"updated_at"`
}

type ownershipRow struct {
	bun.BaseModel `bun:"table:ownership_changes"`
	ID            int64     `bun:"id,pk"`
	CustomerID    int64     `bun:"customer_id"`
	FromKind      *string   `bun:"from_kind"`
	FromDealerID  *int64    `bun:"from_dealer_id"`
	ToKind        string    `bun:"to_kind"`
	ToDealerID    *int64    `bun:"to_dealer_id"`
	How           string    `bun:"how"`
	Reason        string    `bun:"reason"`
	DecidedBy     string    `bun:"decided_by"`
	At            time.Time `bun:"at"`
}

type dealRow struct {
	bun.BaseModel  `bun:"table:deals"`
	ID             int64      `bun:"id,pk"`
	CustomerID     int64      `bun:"customer_id"`
	ChannelKind    string     `bun:"channel_kind"`
	DealerID       *int64     `bun:"dealer_id"`
	ProductLineID  int64      `bun:"product_line_id"`
	Quantity       int        `bun:"quantity"`
	UnitPrice      int64      `bun:"unit_price"`
	Amount         int64      `bun:"amount"`
	Currency       string     `bun:"currency"`
	Stage          string     `bun:"stage"`
	PrepaidAmount  int64      `bun:"prepaid_amount"`
	ExpectedClose  *time.Time `bun:"expected_close,type:date"`
	RegisteredAt   time.Time  `bun:"registered_at"`
	ProtectedUntil *time.Time `bun:"protected_until"`
	ClosedAt       *time.Time `bun:"closed_at"`
	CloseReason    string     `bun:"close_reason"`
	CreatedAt      time.Time  `bun:"created_at"`
	UpdatedAt      time.Time  `bun:"updated_at"`
}

type planRow struct {
	bun.BaseModel `bun:"table:dealer_plans"`
	DealerID      int64     `bun:"dealer_id,pk"`
	Year          int       `bun:"year,pk"`
	PlannedVolume int64     `bun:"planned_volume"`
	Currency      string    `bun:"currency"`
	PrepaymentPct float64   `bun:"prepayment_pct"`
	CreditLimit   int64     `bun:"credit_limit"`
	UpdatedAt     time.Time `bun:"updated_at"`
}

// insertChunks inserts rows in statements of at most size rows: one
// statement per table would be fastest, but a multi-megabyte statement is
// hard on the server's parser and on anyone reading the log.
func insertChunks[T any](ctx context.Context, db bun.IDB, what string, rows []T, size int) error {
	for start := 0; start < len(rows); start += size {
		chunk := rows[start:min(start+size, len(rows))]
		if _, err := db.NewInsert().Model(&chunk).Exec(ctx); err != nil {
			return fmt.Errorf("insert %s: %w", what, err)
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Vacuum vacuums and analyzes the seeded tables and the conflict tables
// the rules filled. Bulk loads leave the visibility map empty, so until
// autovacuum comes round every index-only scan reads the heap too (a
// dealer's plan figures: 145 ms before, 19 ms after, on scale-1 data).
// VACUUM cannot run inside a transaction: db must be the pool.
func Vacuum(ctx context.Context, db bun.IDB, progress io.Writer) error {
	start := time.Now()
	if _, err := db.ExecContext(ctx, "VACUUM (ANALYZE) "+seededTables+", conflicts, conflict_events, deal_pipeline_totals"); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	fmt.Fprintf(progress, "vacuumed and analyzed in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}
