package store_test

import (
	"context"
	"net"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"

	"channelboard/store"
	"channelboard/store/storetest"
)

// execMode reports the query mode of one of db's connections.
func execMode(t *testing.T, db *bun.DB) pgx.QueryExecMode {
	t.Helper()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var mode pgx.QueryExecMode
	if err := conn.Raw(func(c any) error {
		mode = c.(*stdlib.Conn).Conn().Config().DefaultQueryExecMode
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return mode
}

func TestOpenUsesSimpleProtocolAndSizesPool(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.EmptyDSN(t)

	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := execMode(t, db); got != pgx.QueryExecModeSimpleProtocol {
		t.Errorf("query mode %v, want simple protocol", got)
	}
	if got := db.Stats().MaxOpenConnections; got != store.DefaultMaxOpenConns {
		t.Errorf("max open connections %d, want %d", got, store.DefaultMaxOpenConns)
	}
	// Arguments survive bun's inlining and the simple protocol, quotes too.
	var echoed string
	if err := db.NewRaw("SELECT ?", "O'Brien — Müller").Scan(ctx, &echoed); err != nil || echoed != "O'Brien — Müller" {
		t.Errorf("round trip: %q, %v", echoed, err)
	}

	// A mode chosen in the DSN is kept.
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	own, err := store.Open(ctx, dsn+sep+"default_query_exec_mode=exec", store.WithMaxOpenConns(3))
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	if got := execMode(t, own); got != pgx.QueryExecModeExec {
		t.Errorf("query mode %v, want the DSN's exec mode", got)
	}
	if got := own.Stats().MaxOpenConnections; got != 3 {
		t.Errorf("max open connections %d, want 3", got)
	}
}

func TestOpenFailsClearly(t *testing.T) {
	ctx := context.Background()
	if _, err := store.Open(ctx, "postgres://x@127.0.0.1:notaport/db"); err == nil {
		t.Error("Open accepted a malformed DSN")
	}

	// A port nobody listens on: take one, then free it.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, err = store.Open(ctx, "postgres://someone:secret@"+addr+"/appdb?sslmode=disable")
	if err == nil {
		t.Fatal("Open succeeded without a server")
	}
	msg := err.Error()
	if !strings.Contains(msg, "connect to PostgreSQL someone@127.0.0.1:") || !strings.Contains(msg, "/appdb") {
		t.Errorf("error does not say which server failed: %v", err)
	}
	if strings.Contains(msg, "secret") {
		t.Errorf("error leaks the password: %v", err)
	}
}
