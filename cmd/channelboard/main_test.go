package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// bearer signs every request of a client with an API token.
type bearer struct{ token string }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(r)
}

// directorToken makes a director (unless one exists) and an API token for
// it, straight in the database: the API refuses requests without one.
func directorToken(t *testing.T, db *bun.DB) string {
	t.Helper()
	ctx := context.Background()
	st := store.New(db)
	u, err := st.UserByEmail(ctx, "test-director@example.com")
	if err != nil {
		u, err = st.CreateUser(ctx, store.UserCreate{Email: "test-director@example.com", Role: channel.RoleDirector})
		if err != nil {
			t.Fatal(err)
		}
	}
	tok, err := st.CreateToken(ctx, store.TokenCreate{UserID: u.ID, Name: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return tok.Secret
}

func postGraphQL(t *testing.T, base, token, query string) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	client := &http.Client{Transport: bearer{token}}
	resp, err := client.Post(base+"/graphql", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return out
}

// The whole program on a real database with the demo data: every route the
// README promises answers.
func TestServeDemo(t *testing.T) {
	ctx := context.Background()
	m := NewMain(Config{Addr: "127.0.0.1:0", DatabaseURL: storetest.DSN(t), Demo: true, Logger: quietLogger()})
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	base := "http://" + m.Addr()

	if code, body, _ := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, "ok") {
		t.Errorf("/healthz = %d %s", code, body)
	}
	if code, body, _ := get(t, base+"/readyz"); code != 200 || !strings.Contains(body, "ready") {
		t.Errorf("/readyz = %d %s", code, body)
	}

	res := postGraphQL(t, base, directorToken(t, m.db), `{ customers(first: 5) { totalCount edges { node { name owner { kind dealer { name } } } } } }`)
	if len(res.Errors) > 0 {
		t.Fatalf("customers query errors: %+v", res.Errors)
	}
	var data struct {
		Customers struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Name  string
					Owner struct {
						Kind   string
						Dealer *struct{ Name string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(res.Data, &data); err != nil {
		t.Fatal(err)
	}
	if data.Customers.TotalCount < 1000 {
		t.Errorf("demo data has %d customers, want about 2,000", data.Customers.TotalCount)
	}
	if len(data.Customers.Edges) != 5 {
		t.Fatalf("got %d edges, want 5", len(data.Customers.Edges))
	}
	for _, e := range data.Customers.Edges {
		if e.Node.Name == "" {
			t.Errorf("customer without a name: %+v", e)
		}
		if (e.Node.Owner.Kind == "DEALER") != (e.Node.Owner.Dealer != nil) {
			t.Errorf("owner kind %s with dealer %v", e.Node.Owner.Kind, e.Node.Owner.Dealer)
		}
	}

	// Metrics count the request we just made.
	if code, body, _ := get(t, base+"/metrics"); code != 200 || !strings.Contains(body, `channelboard_http_requests_total{code="200",handler="graphql",method="POST"}`) {
		t.Errorf("/metrics = %d, missing the graphql request counter", code)
	}

	// The app, and a deep link that falls back to it.
	for _, path := range []string{"/", "/customers/42"} {
		code, body, hdr := get(t, base+path)
		if code != 200 || !strings.Contains(body, `<div id="root">`) {
			t.Errorf("GET %s = %d, want the app's index.html", path, code)
		}
		if hdr.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s Cache-Control = %q", path, hdr.Get("Cache-Control"))
		}
	}
	if code, _, _ := get(t, base+"/assets/missing-chunk.js"); code != 404 {
		t.Errorf("missing asset = %d, want 404", code)
	}

	// A body over the limit is refused with a GraphQL-shaped error.
	big := strings.Repeat("x", 2<<20)
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"`+big+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MiB body = %d, want 413", resp.StatusCode)
	}
}

// With no DATABASE_URL the program runs its own PostgreSQL in the data
// directory, and a second start finds the data of the first.
func TestEmbeddedDatabaseKeepsData(t *testing.T) {
	ctx := context.Background()
	// Not t.TempDir(): its parent is closed to the postgres user the
	// cluster runs as when the tests run as root.
	dir, err := os.MkdirTemp("", "channelboard-embedded-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(dir, "data")

	run := func(demo bool) int {
		m := NewMain(Config{Addr: "127.0.0.1:0", DataDir: dataDir, Demo: demo, Logger: quietLogger()})
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		defer func() {
			if err := m.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
		}()
		res := postGraphQL(t, "http://"+m.Addr(), directorToken(t, m.db), `{ dealers(first: 1) { totalCount } }`)
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		var data struct{ Dealers struct{ TotalCount int } }
		if err := json.Unmarshal(res.Data, &data); err != nil {
			t.Fatal(err)
		}
		return data.Dealers.TotalCount
	}
	first := run(true)
	if first == 0 {
		t.Fatal("the demo loaded no dealers")
	}
	// Second start without --demo: the cluster and its data are reused.
	if second := run(false); second != first {
		t.Fatalf("after restart %d dealers, want %d", second, first)
	}
}
