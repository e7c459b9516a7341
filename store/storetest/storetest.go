// Package storetest gives each test its own freshly migrated PostgreSQL
// database, cheaply: the migrations run once into a template database named
// after their hash, and every test gets CREATE DATABASE … TEMPLATE, dropped
// again when the test passes (kept for inspection when it fails).
//
// The server is TEST_DATABASE_URL when set, otherwise a private cluster
// (package pgcluster) started once per test process in a temporary directory.
// Packages that use it call Main from their TestMain so that cluster is
// stopped and removed when their tests end.
//
// It imports store, pgcluster and migrations; only tests import it.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver pgtestdb connects with
	"github.com/peterldowns/pgtestdb"
	"github.com/peterldowns/pgtestdb/migrators/common"
	"github.com/uptrace/bun"

	"channelboard/migrations"
	"channelboard/store"
	"channelboard/store/pgcluster"
)

// EnvURL names the environment variable with the URL of an existing server
// to create test databases on; its user must be allowed to create roles and
// databases.
const EnvURL = "TEST_DATABASE_URL"

// testRole owns the test databases and runs the migrations, as the
// application would: not a superuser, so a test cannot pass only because it
// has powers the application lacks.
var testRole = pgtestdb.Role{
	Username:     "channelboard_test",
	Password:     "channelboard_test",
	Capabilities: "NOSUPERUSER NOCREATEDB NOCREATEROLE",
}

// The server is shared by every test of the process: starting a cluster
// costs a second or two, a database from the template a few milliseconds.
var server struct {
	once    sync.Once
	url     string
	cluster *pgcluster.Cluster
	dir     string
	err     error
}

// serverURL returns the URL of the server's maintenance database, starting
// the private cluster on first use.
func serverURL() (string, error) {
	server.once.Do(func() {
		if u := os.Getenv(EnvURL); u != "" {
			server.url = u
			return
		}
		// Not t.TempDir: the directory must outlive any one test, and the
		// postgres user must be able to enter it (MkdirTemp's parent is /tmp).
		dir, err := os.MkdirTemp("", "channelboard-pgtest-")
		if err == nil {
			// MkdirTemp makes it 0700; the server runs as the postgres user.
			err = os.Chmod(dir, 0o711)
		}
		if err != nil {
			server.err = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		c, err := pgcluster.Start(ctx, pgcluster.Config{
			DataDir: dir + "/data",
			// The cluster is thrown away after the run: durability only
			// costs time here (every CREATE DATABASE flushes its copy).
			Settings: []string{"fsync=off", "synchronous_commit=off", "full_page_writes=off"},
		})
		if err != nil {
			server.err = fmt.Errorf("start a private PostgreSQL for the tests (or set %s): %w", EnvURL, err)
			_ = os.RemoveAll(dir)
			return
		}
		server.cluster, server.dir, server.url = c, dir, c.DSN("postgres")
	})
	rolesOnce.Do(func() {
		if server.err == nil {
			rolesErr = prepareRoles(server.url)
		}
	})
	if rolesErr != nil {
		return "", rolesErr
	}
	return server.url, server.err
}

var (
	rolesOnce sync.Once
	rolesErr  error
)

// prepareRoles makes, as the server's administrator, the test role and the
// roles viewers read as (migration 0008 needs them and the test role, like
// a real owner, may not create roles).
func prepareRoles(adminURL string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.Open(ctx, adminURL, store.WithMaxOpenConns(2))
	if err != nil {
		return fmt.Errorf("storetest: %w", err)
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, fmt.Sprintf(`DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
        CREATE ROLE %s WITH LOGIN PASSWORD '%s' %s;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`, testRole.Username, testRole.Username, testRole.Password, testRole.Capabilities))
	if err != nil {
		return fmt.Errorf("storetest: create the test role: %w", err)
	}
	if err := store.EnsureViewerRoles(ctx, db, testRole.Username); err != nil {
		return fmt.Errorf("storetest: %w", err)
	}
	return nil
}

// Main runs a package's tests, then stops the private cluster if one was
// started. Call it from TestMain:
//
//	func TestMain(m *testing.M) { storetest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	if server.cluster != nil {
		if err := server.cluster.Stop(); err != nil {
			log.Printf("storetest: %v", err)
			if code == 0 {
				code = 1
			}
		}
		_ = os.RemoveAll(server.dir)
	}
	os.Exit(code)
}

// NewDB returns a freshly migrated database of its own for one test, open
// through store.Open. It is closed, then dropped, when the test ends.
func NewDB(tb testing.TB) *bun.DB {
	tb.Helper()
	return open(tb, DSN(tb))
}

// DSN creates a freshly migrated database for one test and returns its URL,
// for tests that open their own connections. They must close them before the
// test ends, or dropping the database fails the test.
func DSN(tb testing.TB) string {
	tb.Helper()
	return pgtestdb.Custom(tb, baseConfig(tb), migrator{}).URL()
}

// EmptyDSN creates an empty database, no migrations applied, for one test
// and returns its URL.
func EmptyDSN(tb testing.TB) string {
	tb.Helper()
	return pgtestdb.Custom(tb, baseConfig(tb), pgtestdb.NoopMigrator{}).URL()
}

func open(tb testing.TB, dsn string) *bun.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("storetest: %v", err)
	}
	// Registered after pgtestdb's cleanup, so it runs before the drop.
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("storetest: close database: %v", err)
		}
	})
	return db
}

// baseConfig describes the server in pgtestdb's terms.
func baseConfig(tb testing.TB) pgtestdb.Config {
	tb.Helper()
	raw, err := serverURL()
	if err != nil {
		tb.Fatalf("storetest: %v", err)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		tb.Fatalf("storetest: %s must be a postgres:// URL", EnvURL)
	}
	password, _ := u.User.Password()
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	database := u.Path
	if len(database) > 0 && database[0] == '/' {
		database = database[1:]
	}
	if database == "" {
		database = "postgres"
	}
	role := testRole
	return pgtestdb.Config{
		DriverName: "pgx",
		Host:       u.Hostname(),
		Port:       port,
		User:       u.User.Username(),
		Password:   password,
		Database:   database,
		Options:    u.RawQuery,
		TestRole:   &role,
	}
}

// migrator builds pgtestdb's template with store.Migrate, the code the
// application runs at start, keyed by the hash of the embedded migrations.
type migrator struct{}

func (migrator) Hash() (string, error) {
	h := common.NewRecursiveHash(common.Field("migrator", "store.Migrate/1"))
	if err := h.AddDirs(migrations.FS, "*.sql", "."); err != nil {
		return "", err
	}
	return h.String(), nil
}

func (migrator) Migrate(ctx context.Context, _ *sql.DB, conf pgtestdb.Config) error {
	db, err := store.Open(ctx, conf.URL())
	if err != nil {
		return err
	}
	defer db.Close()
	return store.Migrate(ctx, db)
}
