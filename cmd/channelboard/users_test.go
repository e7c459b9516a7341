package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v3"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

// runCLI runs the user and token commands in-process, as main would.
func runCLI(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	root := &cli.Command{
		Name:      "channelboard",
		Commands:  []*cli.Command{userCommand(), tokenCommand()},
		Reader:    strings.NewReader(stdin),
		Writer:    &out,
		ErrWriter: &out,
	}
	err := root.Run(context.Background(), append([]string{"channelboard"}, args...))
	return out.String(), err
}

func TestUserAndTokenCommands(t *testing.T) {
	dsn := storetest.DSN(t)
	db := "--database-url=" + dsn

	out, err := runCLI(t, "a long enough password\n", "user", "add", db, "--email", "Analyst@Example.com", "--role", "analyst", "--password-stdin")
	if err != nil || !strings.Contains(out, "analyst@example.com, ANALYST") {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	if _, err := runCLI(t, "", "user", "add", db, "--email", "x@example.com", "--role", "manager"); err == nil {
		t.Fatal("user add without a password and no terminal succeeded")
	}
	if _, err := runCLI(t, "", "user", "add", db, "--email", "d@example.com", "--role", "dealer", "--dealer", "NOPE", "--no-password"); channel.ErrorCode(err) != channel.EInvalid {
		t.Fatalf("dealer user of an unknown dealer: %v", err)
	}

	out, err = runCLI(t, "", "token", "create", db, "--user", "analyst@example.com", "--name", "reports", "--expires", "30d")
	if err != nil {
		t.Fatalf("token create: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	secret := lines[len(lines)-1]
	if !strings.HasPrefix(secret, "cb_") || len(secret) != 46 || strings.Count(out, secret) != 1 {
		t.Fatalf("last line %q is not the token alone:\n%s", secret, out)
	}

	// The printed token signs in as the analyst through the store.
	bdb, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	st := store.New(bdb)
	v, err := st.TokenViewer(context.Background(), secret)
	if err != nil || v.Email != "analyst@example.com" || v.Role != channel.RoleAnalyst {
		t.Fatalf("token viewer %+v %v", v, err)
	}
	toks, err := st.Tokens(context.Background(), v.UserID)
	if err != nil || len(toks) != 1 || toks[0].ExpiresAt == nil || toks[0].ExpiresAt.Sub(time.Now()) > 30*24*time.Hour || toks[0].ExpiresAt.Sub(time.Now()) < 29*24*time.Hour {
		t.Fatalf("tokens %+v %v", toks, err)
	}

	out, err = runCLI(t, "", "token", "list", db, "--user", "analyst@example.com")
	if err != nil || !strings.Contains(out, secret[:11]) || strings.Contains(out, secret) {
		t.Fatalf("token list shows the secret or not the prefix: %v\n%s", err, out)
	}
	if _, err := runCLI(t, "", "token", "create", db, "--user", "analyst@example.com", "--expires", "soon"); err == nil {
		t.Fatal("bad --expires accepted")
	}
	if out, err := runCLI(t, "", "token", "revoke", db, secret[:11]); err != nil || !strings.Contains(out, "revoked token") {
		t.Fatalf("token revoke: %v\n%s", err, out)
	}
	if _, err := st.TokenViewer(context.Background(), secret); channel.ErrorCode(err) != channel.EUnauthenticated {
		t.Fatalf("revoked token still works: %v", err)
	}
}

func TestParseExpiry(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{"90d": 90 * 24 * time.Hour, "12h": 12 * time.Hour, "1d": 24 * time.Hour} {
		got, err := parseExpiry(in, now)
		if err != nil || got == nil || got.Sub(now) != want {
			t.Errorf("%s: %v %v", in, got, err)
		}
	}
	if got, err := parseExpiry("never", now); err != nil || got != nil {
		t.Errorf("never: %v %v", got, err)
	}
	for _, bad := range []string{"", "-1d", "0d", "9999d", "tomorrow", "-5h"} {
		if _, err := parseExpiry(bad, now); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
