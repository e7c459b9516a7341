// Package pgcluster runs a private PostgreSQL server from the server binaries
// installed on the machine: one data directory, one loopback port, started
// as a child process that stops when its parent does. Channelboard uses it
// when no DATABASE_URL is given, and its tests use it when no
// TEST_DATABASE_URL is given.
//
// It imports nothing of ours.
package pgcluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNoBinaries is returned, wrapped in a message that says where Start
// looked, when the PostgreSQL server binaries cannot be found.
var ErrNoBinaries = errors.New("PostgreSQL server binaries not found")

const installHint = `install them with "apt-get install -y postgresql" or set DATABASE_URL to use an existing server`

// Config says where the cluster lives and how to run it.
type Config struct {
	// DataDir holds the cluster; it is created and initialised on first start
	// and reused, with its data, afterwards.
	DataDir string
	// BinDir holds postgres and initdb. Empty: the directory of pg_ctl on
	// PATH, else the highest version under /usr/lib/postgresql/*/bin.
	BinDir string
	// Port to listen on at 127.0.0.1; 0 picks a free one.
	Port int
	// Logger receives start and stop events; nil discards them. The server's
	// own log goes to <DataDir>/postgres.log.
	Logger *slog.Logger
	// Settings are extra server settings as name=value, applied after (so
	// overriding) the defaults; tests turn fsync off with them.
	Settings []string
	// ReadyTimeout bounds the wait for the server to accept connections,
	// crash recovery included; 0 means two minutes.
	ReadyTimeout time.Duration
}

// Cluster is a running server started by Start.
type Cluster struct {
	dataDir string
	port    int
	logger  *slog.Logger
	cmd     *exec.Cmd
	logFile *os.File
	done    chan struct{} // closed when the server process has exited
	waitErr error         // the process's exit error, valid after done
}

// Settings for a small machine: 128MB of shared buffers, room for several
// pools of connections, and durable commits (fsync stays on: the cluster
// holds real data, not just test data).
var serverSettings = []string{
	"listen_addresses=127.0.0.1",
	"shared_buffers=128MB",
	"max_connections=200",
	"fsync=on",
	"logging_collector=off",
}

// Start initialises DataDir if it holds no cluster yet, then starts the
// server and waits until it accepts connections. When the calling process is
// root the server runs as the "postgres" system user, because PostgreSQL
// refuses to run as root.
func Start(ctx context.Context, cfg Config) (*Cluster, error) {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.DataDir == "" {
		return nil, errors.New("pgcluster: no data directory given")
	}
	dataDir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	binDir, err := findBinDir(cfg.BinDir, os.Getenv("PATH"), "/usr/lib/postgresql")
	if err != nil {
		return nil, err
	}
	cred, err := serverCredential()
	if err != nil {
		return nil, err
	}
	if err := prepareDataDir(dataDir, cred); err != nil {
		return nil, err
	}
	// initdb wants an empty directory, so the log is opened after it.
	var initLog []byte
	if _, err := os.Stat(filepath.Join(dataDir, "PG_VERSION")); errors.Is(err, fs.ErrNotExist) {
		logger.Info("initialising PostgreSQL data directory", "data_dir", dataDir, "bin_dir", binDir)
		if initLog, err = initdb(ctx, binDir, dataDir, cred); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	logFile, err := os.OpenFile(filepath.Join(dataDir, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: open server log: %w", err)
	}
	if cred != nil {
		// Whoever starts the server by hand later, as postgres, can still
		// append to it.
		_ = logFile.Chown(int(cred.Uid), int(cred.Gid))
	}
	_, _ = logFile.Write(initLog)

	if err := clearReusedLock(dataDir, logger); err != nil {
		return nil, errors.Join(err, logFile.Close())
	}

	timeout := cfg.ReadyTimeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	// A port picked as free may be taken before the server binds it; try
	// again with another one rather than fail.
	attempts := 1
	if cfg.Port == 0 {
		attempts = 3
	}
	for attempt := 1; ; attempt++ {
		port := cfg.Port
		if port == 0 {
			if port, err = freePort(); err != nil {
				return nil, errors.Join(err, logFile.Close())
			}
		}
		c := &Cluster{dataDir: dataDir, port: port, logger: logger, logFile: logFile, done: make(chan struct{})}
		start := time.Now()
		err := c.run(ctx, binDir, cred, timeout, cfg.Settings)
		if err == nil {
			logger.Info("PostgreSQL ready", "data_dir", dataDir, "port", port, "duration_ms", time.Since(start).Milliseconds())
			return c, nil
		}
		if !errors.Is(err, errPortInUse) || attempt >= attempts {
			return nil, errors.Join(err, logFile.Close())
		}
	}
}

var errPortInUse = errors.New("port already in use")

// run starts the postgres process and waits for it to accept connections.
func (c *Cluster) run(ctx context.Context, binDir string, cred *syscall.Credential, timeout time.Duration, settings []string) error {
	logStart, _ := c.logFile.Seek(0, io.SeekEnd)

	args := []string{"-D", c.dataDir, "-p", strconv.Itoa(c.port), "-c", "unix_socket_directories=" + socketDir(c.dataDir)}
	for _, s := range slices.Concat(serverSettings, settings) {
		args = append(args, "-c", s)
	}
	// Not exec.CommandContext: the server must outlive the start-up context.
	cmd := exec.Command(filepath.Join(binDir, "postgres"), args...)
	cmd.Dir = c.dataDir
	cmd.Stdout = c.logFile
	cmd.Stderr = c.logFile
	cmd.SysProcAttr = sysProcAttr(cred)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("pgcluster: start postgres: %w", err)
	}
	c.cmd = cmd
	go func() {
		c.waitErr = cmd.Wait()
		close(c.done)
	}()

	readyCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := c.waitReady(readyCtx)
	if err == nil {
		return nil
	}
	select {
	case <-c.done:
		// The server gave up by itself; its log says why.
		tail := c.logSince(logStart)
		switch {
		case strings.Contains(tail, "lock file") && strings.Contains(tail, "already exists"):
			return fmt.Errorf("pgcluster: data directory %s is in use by another running PostgreSQL server: %s", c.dataDir, lastLines(tail, 3))
		case strings.Contains(tail, "could not bind") || strings.Contains(tail, "already in use"):
			return fmt.Errorf("pgcluster: port %d: %w: %s", c.port, errPortInUse, lastLines(tail, 3))
		}
		return fmt.Errorf("pgcluster: postgres exited before accepting connections (%v); see %s: %s",
			c.waitErr, c.logFile.Name(), lastLines(tail, 5))
	default:
		return errors.Join(fmt.Errorf("pgcluster: postgres did not accept connections: %w", err), c.stop())
	}
}

// waitReady connects until the server answers, it exits, or ctx ends.
func (c *Cluster) waitReady(ctx context.Context) error {
	for {
		attemptCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		conn, err := pgx.Connect(attemptCtx, c.DSN("postgres"))
		if err == nil {
			err = conn.Ping(attemptCtx)
			_ = conn.Close(attemptCtx)
		}
		cancel()
		if err == nil {
			return nil
		}
		// Refused while starting, "the database system is starting up"
		// during crash recovery: both mean try again shortly.
		select {
		case <-c.done:
			return errors.New("server exited")
		case <-ctx.Done():
			return fmt.Errorf("%w (last attempt: %v)", ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// DSN is the URL of database dbname on the cluster, as the postgres
// superuser (trust authentication on loopback only).
func (c *Cluster) DSN(dbname string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, dbname)
}

// Port is the TCP port the server listens on at 127.0.0.1.
func (c *Cluster) Port() int { return c.port }

// DataDir is the absolute path of the cluster's data directory.
func (c *Cluster) DataDir() string { return c.dataDir }

// Stop shuts the server down with PostgreSQL's fast shutdown (open
// transactions are rolled back, the data is checkpointed) and waits for it to
// exit. Calling it again is harmless.
func (c *Cluster) Stop() error {
	err := c.stop()
	if cerr := c.logFile.Close(); cerr != nil && !errors.Is(cerr, os.ErrClosed) {
		err = errors.Join(err, cerr)
	}
	if err == nil {
		c.logger.Info("PostgreSQL stopped", "data_dir", c.dataDir, "port", c.port)
	}
	return err
}

func (c *Cluster) stop() error {
	select {
	case <-c.done:
		return nil
	default:
	}
	// SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every
	// client to disconnect.
	if err := c.cmd.Process.Signal(syscall.SIGINT); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("pgcluster: stop postgres: %w", err)
	}
	select {
	case <-c.done:
	case <-time.After(time.Minute):
		// SIGQUIT is immediate shutdown: crash recovery on next start,
		// but no data lost.
		_ = c.cmd.Process.Signal(syscall.SIGQUIT)
		<-c.done
		return fmt.Errorf("pgcluster: postgres did not finish its fast shutdown within a minute; sent SIGQUIT")
	}
	if c.waitErr != nil {
		return fmt.Errorf("pgcluster: postgres exited: %w", c.waitErr)
	}
	return nil
}

// logSince returns what the server wrote to its log after offset.
func (c *Cluster) logSince(offset int64) string {
	f, err := os.Open(c.logFile.Name())
	if err != nil {
		return ""
	}
	defer f.Close()
	b, _ := io.ReadAll(io.NewSectionReader(f, offset, 1<<20))
	return string(b)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// clearReusedLock removes a postmaster.pid left by a crash whose PID now
// belongs to another live process. PostgreSQL itself removes a lock file whose
// process is gone, but it cannot tell a reused PID from a running server and
// refuses to start; after a container restart PIDs are reused often. A
// running server has its data directory as working directory, so a live
// process elsewhere is not ours. When /proc cannot tell (not Linux, or no
// permission), PostgreSQL decides as usual.
func clearReusedLock(dataDir string, logger *slog.Logger) error {
	pidFile := filepath.Join(dataDir, "postmaster.pid")
	b, err := os.ReadFile(pidFile)
	if err != nil {
		return nil
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return nil
	}
	cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	if err != nil {
		return nil
	}
	if real, err := filepath.EvalSymlinks(dataDir); err == nil && (cwd == real || cwd == dataDir) {
		return nil
	}
	logger.Warn("removing stale postmaster.pid: its PID now belongs to another process", "data_dir", dataDir, "pid", pid, "process_dir", cwd)
	if err := os.Remove(pidFile); err != nil {
		return fmt.Errorf("pgcluster: remove stale postmaster.pid: %w", err)
	}
	return nil
}

// socketDir keeps the server's unix socket inside the data directory, away
// from any system server's /var/run/postgresql. A socket path is limited to
// 107 bytes; past that, the server listens on TCP only.
func socketDir(dataDir string) string {
	if len(dataDir)+len("/.s.PGSQL.65535.lock") > 107 || strings.Contains(dataDir, `"`) {
		return ""
	}
	// Quoted, because the setting is a comma-separated list.
	return `"` + dataDir + `"`
}

func initdb(ctx context.Context, binDir, dataDir string, cred *syscall.Credential) ([]byte, error) {
	// C.UTF-8 sorts by code point like C but knows which characters are
	// letters, which upper(), lower() and pg_trgm need for names like
	// "Müller". Systems without that locale get plain C.
	var out bytes.Buffer
	for _, locale := range []string{"--locale=C.UTF-8", "--no-locale"} {
		cmd := exec.CommandContext(ctx, filepath.Join(binDir, "initdb"),
			"-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", locale)
		cmd.Dir = dataDir
		// One writer for both, so exec copies them in one goroutine.
		cmd.Stdout = &out
		cmd.Stderr = &out
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		mark := out.Len()
		err := cmd.Run()
		if err == nil {
			return out.Bytes(), nil
		}
		if !strings.Contains(out.String()[mark:], "invalid locale") {
			return nil, fmt.Errorf("pgcluster: initdb %s: %w: %s", dataDir, err, lastLines(out.String()[mark:], 3))
		}
	}
	return nil, fmt.Errorf("pgcluster: initdb %s: no usable locale: %s", dataDir, lastLines(out.String(), 3))
}

// serverCredential is who the server runs as: the postgres system user when
// we are root, ourselves (nil) otherwise.
func serverCredential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("pgcluster: running as root, and PostgreSQL refuses to: need a \"postgres\" system user to run as: %w", err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("pgcluster: user postgres: %w", err)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, nil
}

// prepareDataDir creates dataDir, gives it to the server's user and checks
// that this user can reach it.
func prepareDataDir(dataDir string, cred *syscall.Credential) error {
	// PostgreSQL refuses a data directory that others can read.
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("pgcluster: create data directory: %w", err)
	}
	if err := os.Chmod(dataDir, 0o700); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	if cred == nil {
		return nil
	}
	for dir := filepath.Dir(dataDir); ; dir = filepath.Dir(dir) {
		fi, err := os.Stat(dir)
		if err != nil {
			return fmt.Errorf("pgcluster: %w", err)
		}
		if !canTraverse(fi, cred) {
			return fmt.Errorf("pgcluster: the postgres user cannot reach data directory %s: %s (mode %04o) is closed to it; use a data directory under a directory others can enter, or chmod o+x %s",
				dataDir, dir, fi.Mode().Perm(), dir)
		}
		if dir == filepath.Dir(dir) {
			break
		}
	}
	fi, err := os.Stat(dataDir)
	if err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid == cred.Uid {
		return nil
	}
	// A fresh directory, or one copied in by root: hand all of it over.
	return filepath.WalkDir(dataDir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := os.Lchown(path, int(cred.Uid), int(cred.Gid)); err != nil {
			return fmt.Errorf("pgcluster: give data directory to user postgres: %w", err)
		}
		return nil
	})
}

func canTraverse(fi fs.FileInfo, cred *syscall.Credential) bool {
	mode := fi.Mode().Perm()
	st, ok := fi.Sys().(*syscall.Stat_t)
	switch {
	case !ok || mode&0o001 != 0:
		return true
	case st.Uid == cred.Uid:
		return mode&0o100 != 0
	case st.Gid == cred.Gid:
		return mode&0o010 != 0
	}
	return false
}

// findBinDir returns the directory holding postgres and initdb: binDir when
// given, else the directory of pg_ctl on path, else the highest version
// under root/*/bin.
func findBinDir(binDir, path, root string) (string, error) {
	if binDir != "" {
		if hasServer(binDir) {
			return binDir, nil
		}
		return "", fmt.Errorf("%w in %s (postgres and initdb): %s", ErrNoBinaries, binDir, installHint)
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			continue
		}
		p, err := filepath.EvalSymlinks(filepath.Join(dir, "pg_ctl"))
		if err == nil && hasServer(filepath.Dir(p)) {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob(filepath.Join(root, "*", "bin"))
	version := func(dir string) float64 {
		v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(dir)), 64)
		return v
	}
	slices.SortFunc(dirs, func(a, b string) int {
		va, vb := version(a), version(b)
		switch {
		case va > vb:
			return -1
		case va < vb:
			return 1
		}
		return 0
	})
	for _, dir := range dirs {
		if hasServer(dir) {
			return dir, nil
		}
	}
	return "", fmt.Errorf("%w (looked for pg_ctl/postgres on PATH and in %s/*/bin): %s", ErrNoBinaries, root, installHint)
}

func hasServer(dir string) bool {
	for _, name := range []string{"postgres", "initdb"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
			return false
		}
	}
	return true
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgcluster: pick a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
