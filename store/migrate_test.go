package store_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"channelboard/migrations"
	"channelboard/store"
	"channelboard/store/storetest"
)

// migrationNames lists the embedded migrations by bun's name, their number.
func migrationNames(t *testing.T) []string {
	t.Helper()
	files, err := migrations.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		if n := f.Name(); len(n) > 4 && slices.Contains([]string{".up.sql"}, n[len(n)-7:]) {
			names = append(names, n[:4])
		}
	}
	if len(names) == 0 {
		t.Fatal("no migrations embedded")
	}
	return names
}

func TestMigrateConcurrentlyAppliesOnce(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.EmptyDSN(t)
	want := migrationNames(t)

	// Two processes starting at once against a fresh database: two pools,
	// two migrators, one schema.
	dbs := make([]*bun.DB, 2)
	for i := range dbs {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}

	applied, pending, err := store.MigrationStatus(ctx, dbs[0])
	if err != nil {
		t.Fatalf("status before migrating: %v", err)
	}
	if len(applied) != 0 || !slices.Equal(pending, want) {
		t.Fatalf("before migrating: applied %v, pending %v; want none applied, %v pending", applied, pending, want)
	}

	var wg sync.WaitGroup
	errs := make([]error, len(dbs))
	start := make(chan struct{})
	for i, db := range dbs {
		wg.Go(func() {
			<-start
			errs[i] = store.Migrate(ctx, db)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("migrator %d: %v", i, err)
		}
	}

	assertMigrated(t, dbs[0], want)
	if err := store.Migrate(ctx, dbs[1]); err != nil {
		t.Fatalf("migrating again: %v", err)
	}
	assertMigrated(t, dbs[1], want)

	// The schema is really there, the plpgsql trigger function included.
	var fn int
	if err := dbs[0].NewRaw("SELECT count(*) FROM pg_proc WHERE proname = 'ownership_changes_append_only'").Scan(ctx, &fn); err != nil {
		t.Fatal(err)
	}
	if fn != 1 {
		t.Errorf("trigger function ownership_changes_append_only: found %d, want 1", fn)
	}
	// The lock was released: no session still holds it.
	var held int
	if err := dbs[0].NewRaw("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted").Scan(ctx, &held); err != nil {
		t.Fatal(err)
	}
	if held != 0 {
		t.Errorf("%d advisory locks still held after Migrate returned", held)
	}
}

func assertMigrated(t *testing.T, db *bun.DB, want []string) {
	t.Helper()
	ctx := context.Background()
	applied, pending, err := store.MigrationStatus(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 0 || !slices.Equal(applied, want) {
		t.Errorf("applied %v, pending %v; want %v applied, none pending", applied, pending, want)
	}
	var rows int
	if err := db.NewRaw("SELECT count(*) FROM bun_migrations").Scan(ctx, &rows); err != nil {
		t.Fatal(err)
	}
	if rows != len(want) {
		t.Errorf("bun_migrations has %d rows, want %d", rows, len(want))
	}
}

func TestNewDBIsMigratedAndIsolated(t *testing.T) {
	ctx := context.Background()
	a, b := storetest.NewDB(t), storetest.NewDB(t)
	want := migrationNames(t)
	assertMigrated(t, a, want)

	if _, err := a.NewRaw("INSERT INTO product_lines (code, name) VALUES ('pumps', 'Pumps')").Exec(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.NewRaw("SELECT count(*) FROM product_lines").Scan(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("a row written to one test database shows in another: %d rows", n)
	}
}

// The hot tables are vacuumed after 1–2 % of their rows change, not
// PostgreSQL's 20 %, so index-only scans stay index-only (0012).
func TestHotTablesVacuumEarly(t *testing.T) {
	db := storetest.NewDB(t)
	for _, table := range []string{"deals", "customers", "conflicts"} {
		var opts []string
		if err := db.NewRaw("SELECT coalesce(reloptions, '{}') FROM pg_class WHERE oid = ?::regclass", table).Scan(context.Background(), pgdialect.Array(&opts)); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, o := range opts {
			if o == "autovacuum_vacuum_insert_scale_factor=0.01" || o == "autovacuum_vacuum_insert_scale_factor=0.02" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: reloptions %v lack an early insert vacuum", table, opts)
		}
	}
}
