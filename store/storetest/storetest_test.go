package storetest_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"channelboard/store"
	"channelboard/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func TestDatabaseIsDroppedAfterPassingTest(t *testing.T) {
	ctx := context.Background()
	var name string
	t.Run("uses a database", func(t *testing.T) {
		db := storetest.NewDB(t)
		if err := db.NewRaw("SELECT current_database()").Scan(ctx, &name); err != nil {
			t.Fatal(err)
		}
		_, pending, err := store.MigrationStatus(ctx, db)
		if err != nil || len(pending) != 0 {
			t.Errorf("pending migrations %v, %v; want a migrated database", pending, err)
		}
	})
	if name == "" {
		t.Fatal("the subtest did not report its database")
	}

	conn, err := pgx.Connect(ctx, storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s still exists after its test passed", name)
	}
}

func TestTestRoleIsNotSuperuser(t *testing.T) {
	var super bool
	if err := storetest.NewDB(t).NewRaw("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").Scan(context.Background(), &super); err != nil {
		t.Fatal(err)
	}
	if super {
		t.Error("tests run as a superuser; the application does not need to")
	}
}

// BenchmarkNewDB measures the per-test cost once the template exists: the
// CREATE DATABASE … TEMPLATE and opening the pool (the drops come after the
// timer stops, when the benchmark's cleanups run).
func BenchmarkNewDB(b *testing.B) {
	storetest.NewDB(b) // starts the cluster and builds the template outside the loop
	for b.Loop() {
		storetest.NewDB(b)
	}
}
