package server

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

// Profiles are the director's alone; /metrics counts the SQL statements of
// each request.
func TestProfilesAndSQLPerRequest(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	db.AddQueryHook(SQLCounter{})
	st := store.New(db)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := New(Config{Addr: "127.0.0.1:0", Version: "test"}, Deps{
		DB: db, GraphQL: graph.NewHandler(st, logger), Auth: NewAuth(st, logger), Logger: logger,
	})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(ctx)
	base := "http://" + srv.Addr()
	token := func(email string, role channel.Role) string {
		u, err := st.CreateUser(ctx, store.UserCreate{Email: email, Role: role})
		if err != nil {
			t.Fatal(err)
		}
		tok, err := st.CreateToken(ctx, store.TokenCreate{UserID: u.ID})
		if err != nil {
			t.Fatal(err)
		}
		return tok.Secret
	}
	director, analyst := token("director@example.com", channel.RoleDirector), token("analyst@example.com", channel.RoleAnalyst)
	get := func(path, tok string, body string) (int, string) {
		method := http.MethodGet
		if body != "" {
			method = http.MethodPost
		}
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("/debug/pprof/", director, ""); code != 200 || !strings.Contains(body, "goroutine") {
		t.Errorf("director: %d %.100s", code, body)
	}
	if code, body := get("/debug/pprof/goroutine?debug=1", analyst, ""); code != 403 || !strings.Contains(body, channel.EForbidden) {
		t.Errorf("analyst: %d %.100s", code, body)
	}
	if code, body := get("/debug/pprof/", "", ""); code != 401 || !strings.Contains(body, channel.EUnauthenticated) {
		t.Errorf("anonymous: %d %.100s", code, body)
	}
	if code, body := get("/graphql", analyst, `{"query":"{ dealers { totalCount } customers { totalCount } }"}`); code != 200 || strings.Contains(body, "errors") {
		t.Fatalf("graphql: %d %s", code, body)
	}
	_, metrics := get("/metrics", "", "")
	var count string
	for _, line := range strings.Split(metrics, "\n") {
		if strings.HasPrefix(line, `channelboard_sql_statements_per_request_sum{handler="graphql"}`) {
			count = strings.Fields(line)[1]
		}
	}
	// Two lists, each read in its own viewer transaction: at least the two
	// counts, never zero.
	if count == "" || count == "0" || count == "1" {
		t.Errorf("SQL statements of the request = %q, want at least 2:\n%s", count, metrics)
	}
}

// A slow statement is logged with its shape, never its string values; a
// fast one is not logged.
func TestSlowQueryLogRedacts(t *testing.T) {
	var buf bytes.Buffer
	l := SlowQueryLog{Threshold: 10 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(&buf, nil))}
	q := "SELECT * FROM customers\n\tWHERE tax_id = '7701234567' AND name = E'O''Brien ÆØ' AND id = 42"
	l.AfterQuery(context.Background(), &bun.QueryEvent{Query: q, StartTime: time.Now().Add(-20 * time.Millisecond)})
	out := buf.String()
	if !strings.Contains(out, "slow query") || !strings.Contains(out, "id = 42") {
		t.Fatalf("slow statement not logged with its shape: %s", out)
	}
	if strings.Contains(out, "7701234567") || strings.Contains(out, "Brien") {
		t.Errorf("the log holds a string value: %s", out)
	}
	buf.Reset()
	l.AfterQuery(context.Background(), &bun.QueryEvent{Query: q, StartTime: time.Now()})
	if buf.Len() != 0 {
		t.Errorf("a fast statement was logged: %s", buf.String())
	}
	if got := RedactSQL(strings.Repeat("é", 400), 101); len(got) > 101+len("…") || !utf8.ValidString(got) {
		t.Errorf("RedactSQL cut = %d bytes, valid UTF-8 %v", len(got), utf8.ValidString(got))
	}
}
