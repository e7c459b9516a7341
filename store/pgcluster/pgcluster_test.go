package pgcluster

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// helperEnv makes the test binary act as a parent process that starts a
// cluster and then waits to be killed (TestServerStopsWhenParentDies).
const helperEnv = "PGCLUSTER_TEST_HELPER_DATA_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		c, err := Start(context.Background(), Config{DataDir: dir})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("port:", c.Port())
		select {} // until killed
	}
	os.Exit(m.Run())
}

// newDataDir returns a data directory path under a fresh directory the
// postgres user can enter (t.TempDir's are closed to others).
func newDataDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pgcluster-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "data")
}

func start(t *testing.T, cfg Config) *Cluster {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { c.Stop() })
	return c
}

func connect(t *testing.T, c *Cluster) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func queryString(t *testing.T, conn *pgx.Conn, sql string) string {
	t.Helper()
	var s string
	if err := conn.QueryRow(context.Background(), sql).Scan(&s); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return s
}

func TestStartRestartKeepsData(t *testing.T) {
	dataDir := newDataDir(t)
	c := start(t, Config{DataDir: dataDir})
	if c.Port() == 0 || !strings.Contains(c.DSN("app"), fmt.Sprintf("127.0.0.1:%d/app?", c.Port())) {
		t.Fatalf("DSN %q does not name port %d", c.DSN("app"), c.Port())
	}
	conn := connect(t, c)
	for sql, want := range map[string]string{
		"SHOW listen_addresses":  "127.0.0.1",
		"SHOW server_encoding":   "UTF8",
		"SHOW lc_ctype":          "C.UTF-8",
		"SHOW max_connections":   "200",
		"SHOW shared_buffers":    "128MB",
		"SHOW fsync":             "on",
		"SELECT current_user":    "postgres",
		"SHOW data_directory":    dataDir,
		"SELECT upper('müller')": "MÜLLER",
	} {
		if got := queryString(t, conn, sql); got != want {
			t.Errorf("%s = %q, want %q", sql, got, want)
		}
	}
	// The unix socket lives in the data directory, clear of any system
	// server's /var/run/postgresql.
	if _, err := os.Stat(filepath.Join(dataDir, fmt.Sprintf(".s.PGSQL.%d", c.Port()))); err != nil {
		t.Errorf("unix socket: %v", err)
	}
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	if err := c.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "postmaster.pid")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("postmaster.pid after Stop: %v; want it removed by a clean shutdown", err)
	}

	c2 := start(t, Config{DataDir: dataDir})
	if got := queryString(t, connect(t, c2), "SELECT v FROM kept"); got != "still here" {
		t.Errorf("after restart: %q, want the row written before", got)
	}
	log, err := os.ReadFile(filepath.Join(dataDir, "postgres.log"))
	if err != nil || !strings.Contains(string(log), "database system is ready to accept connections") {
		t.Errorf("postgres.log does not record the server's start (err %v)", err)
	}
}

func TestSecondStartOnSameDataDirFails(t *testing.T) {
	dataDir := newDataDir(t)
	first := start(t, Config{DataDir: dataDir})
	conn := connect(t, first)
	if _, err := conn.Exec(context.Background(), "CREATE TABLE t (v int); INSERT INTO t VALUES (42)"); err != nil {
		t.Fatal(err)
	}

	second, err := Start(context.Background(), Config{DataDir: dataDir})
	if err == nil {
		second.Stop()
		t.Fatal("a second server started on a data directory in use")
	}
	if !strings.Contains(err.Error(), "in use by another running PostgreSQL server") {
		t.Errorf("second Start: %v; want it to say the data directory is in use", err)
	}

	// The first server is unharmed, and so is its data after a restart.
	if got := queryString(t, conn, "SELECT v::text FROM t"); got != "42" {
		t.Errorf("first server after the failed second start: %q", got)
	}
	conn.Close(context.Background())
	if err := first.Stop(); err != nil {
		t.Fatal(err)
	}
	again := start(t, Config{DataDir: dataDir})
	if got := queryString(t, connect(t, again), "SELECT v::text FROM t"); got != "42" {
		t.Errorf("after restart: %q", got)
	}
}

func TestStartAfterCrashLeftPostmasterPid(t *testing.T) {
	dataDir := newDataDir(t)
	c := start(t, Config{DataDir: dataDir})
	pidFile := filepath.Join(dataDir, "postmaster.pid")
	stale, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	// What a crash (power cut, SIGKILL) leaves behind: the lock file of a
	// server that no longer runs.
	if err := os.WriteFile(pidFile, stale, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(pidFile, int(stat(t, dataDir).Uid), int(stat(t, dataDir).Gid)); err != nil {
		t.Fatal(err)
	}
	c2 := start(t, Config{DataDir: dataDir})
	if got := queryString(t, connect(t, c2), "SELECT 'up'"); got != "up" {
		t.Errorf("got %q", got)
	}
}

func TestStartWhenCrashedServersPIDWasReused(t *testing.T) {
	dataDir := newDataDir(t)
	c := start(t, Config{DataDir: dataDir})
	pidFile := filepath.Join(dataDir, "postmaster.pid")
	stale, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}

	// A live process of the server's user, in another directory, now has
	// the PID the lock file names; PostgreSQL alone would refuse to start.
	other := exec.Command("sleep", "600")
	other.Dir = "/"
	cred, err := serverCredential()
	if err != nil {
		t.Fatal(err)
	}
	other.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Process.Kill(); other.Wait() })
	_, rest, _ := strings.Cut(string(stale), "\n")
	if err := os.WriteFile(pidFile, []byte(strconv.Itoa(other.Process.Pid)+"\n"+rest), 0o600); err != nil {
		t.Fatal(err)
	}
	st := stat(t, dataDir)
	if err := os.Chown(pidFile, int(st.Uid), int(st.Gid)); err != nil {
		t.Fatal(err)
	}

	c2 := start(t, Config{DataDir: dataDir})
	if got := queryString(t, connect(t, c2), "SELECT 'up'"); got != "up" {
		t.Errorf("got %q", got)
	}
}

func stat(t *testing.T, path string) *syscall.Stat_t {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t)
}

func TestServerStopsWhenParentDies(t *testing.T) {
	dataDir := newDataDir(t)
	parent := exec.Command(os.Args[0], "-test.run=^$")
	parent.Env = append(os.Environ(), helperEnv+"="+dataDir)
	out, err := parent.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "port: ") {
		parent.Process.Kill()
		parent.Wait()
		t.Fatalf("helper: %q, %v", line, err)
	}
	port, _ := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "port: ")))
	c := &Cluster{port: port}
	if got := queryString(t, connect(t, c), "SELECT 'up'"); got != "up" {
		t.Fatalf("server of the helper: %q", got)
	}

	// SIGKILL: the parent gets no chance to stop the server itself.
	if err := parent.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	parent.Wait()

	// A clean shutdown removes postmaster.pid; wait for that.
	deadline := time.Now().Add(time.Minute)
	for {
		_, err := os.Stat(filepath.Join(dataDir, "postmaster.pid"))
		if errors.Is(err, os.ErrNotExist) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server still runs a minute after its parent died")
		}
		time.Sleep(50 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if conn, err := pgx.Connect(ctx, c.DSN("postgres")); err == nil {
		conn.Close(ctx)
		t.Error("the server still accepts connections after its parent died")
	}
}

func TestMissingBinaries(t *testing.T) {
	empty := t.TempDir()
	_, err := Start(context.Background(), Config{DataDir: newDataDir(t), BinDir: empty})
	if !errors.Is(err, ErrNoBinaries) || !strings.Contains(err.Error(), `"apt-get install -y postgresql"`) || !strings.Contains(err.Error(), empty) {
		t.Errorf("Start with an empty BinDir: %v", err)
	}

	// Nothing on PATH, nothing under the versioned directories.
	_, err = findBinDir("", empty, filepath.Join(empty, "usr/lib/postgresql"))
	want := `PostgreSQL server binaries not found (looked for pg_ctl/postgres on PATH and in ` + empty +
		`/usr/lib/postgresql/*/bin): install them with "apt-get install -y postgresql" or set DATABASE_URL to use an existing server`
	if err == nil || err.Error() != want {
		t.Errorf("findBinDir with nothing installed:\n got %v\nwant %s", err, want)
	}
}

func TestFindBinDirPrefersPathThenHighestVersion(t *testing.T) {
	root := t.TempDir()
	fake := func(dir string) string {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"postgres", "initdb", "pg_ctl"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	versions := filepath.Join(root, "lib")
	fake(filepath.Join(versions, "9.6", "bin"))
	want := fake(filepath.Join(versions, "15", "bin"))
	fake(filepath.Join(versions, "13", "bin"))
	if got, err := findBinDir("", t.TempDir(), versions); err != nil || got != want {
		t.Errorf("highest version: got %q, %v; want %q", got, err, want)
	}

	// pg_ctl on PATH, through a symlink as Debian's /usr/local/bin has it.
	onPath := fake(filepath.Join(root, "custom", "bin"))
	pathDir := t.TempDir()
	if err := os.Symlink(filepath.Join(onPath, "pg_ctl"), filepath.Join(pathDir, "pg_ctl")); err != nil {
		t.Fatal(err)
	}
	if got, err := findBinDir("", pathDir, versions); err != nil || got != onPath {
		t.Errorf("pg_ctl on PATH: got %q, %v; want %q", got, err, onPath)
	}
}
