package main

import (
	"context"
	"testing"

	"channelboard/store"
	"channelboard/store/storetest"
)

// The user and token commands name the command line as the actor of the
// changes they make: nobody signs in there.
func TestCommandsAuditAsCLI(t *testing.T) {
	dsn := storetest.DSN(t)
	db := "--database-url=" + dsn
	if out, err := runCLI(t, "", "user", "add", db, "--email", "etl@example.com", "--role", "analyst", "--no-password"); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	if out, err := runCLI(t, "", "token", "create", db, "--user", "etl@example.com"); err != nil {
		t.Fatalf("token create: %v\n%s", err, out)
	}
	bdb, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var rows []struct {
		Action string `bun:"action"`
		Actor  string `bun:"actor"`
	}
	if err := bdb.NewRaw(`SELECT action, actor FROM audit_entries ORDER BY id`).Scan(context.Background(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Action != "user.create" || rows[1].Action != "token.create" ||
		rows[0].Actor != store.ActorCLI || rows[1].Actor != store.ActorCLI {
		t.Fatalf("audit %+v, want user.create and token.create by %q", rows, store.ActorCLI)
	}
}
