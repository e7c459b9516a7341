package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// queryCounter counts the SQL statements a request issues.
type queryCounter struct {
	n    atomic.Int64
	mu   sync.Mutex
	last []string
}

func (c *queryCounter) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}
func (c *queryCounter) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	c.n.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	q := e.Query
	if len(q) > 120 {
		q = q[:120]
	}
	c.last = append(c.last, q)
}

// since returns the statements after the first n.
func (c *queryCounter) since(n int) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.last[n:]...)
}

// syncBuffer collects the server's log so tests can check what was logged.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type env struct {
	t       *testing.T
	url     string
	st      *store.Store
	queries *queryCounter
	log     *syncBuffer
}

func newEnv(t *testing.T) *env { return newEnvWait(t, 2*time.Millisecond) }

// newEnvWait sets how long dataloaders gather keys.
func newEnvWait(t *testing.T, loaderWait time.Duration) *env {
	t.Helper()
	db := storetest.NewDB(t)
	qc := &queryCounter{}
	db.AddQueryHook(qc)
	st := store.New(db)
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, nil))
	srv := httptest.NewServer(graph.NewHandler(st, logger, graph.WithLoaderWait(loaderWait)))
	t.Cleanup(srv.Close)
	return &env{t: t, url: srv.URL, st: st, queries: qc, log: logs}
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts one GraphQL request and decodes the response.
func (e *env) do(query string, vars map[string]any) response {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	res, err := http.Post(e.url, "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var r response
	if err := json.Unmarshal(raw, &r); err != nil {
		e.t.Fatalf("status %d, body %s: %v", res.StatusCode, raw, err)
	}
	return r
}

// ok runs a request that must succeed and decodes its data into out.
func (e *env) ok(query string, vars map[string]any, out any) {
	e.t.Helper()
	r := e.do(query, vars)
	if len(r.Errors) > 0 {
		e.t.Fatalf("errors: %+v", r.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			e.t.Fatalf("decode %s: %v", r.Data, err)
		}
	}
}

// fail runs a request that must fail with code and, when given, field.
func (e *env) fail(query string, vars map[string]any, code, field string) gqlError {
	e.t.Helper()
	r := e.do(query, vars)
	if len(r.Errors) == 0 {
		e.t.Fatalf("no error, data %s", r.Data)
	}
	g := r.Errors[0]
	if g.Extensions["code"] != code {
		e.t.Fatalf("code = %v (%s), want %s", g.Extensions["code"], g.Message, code)
	}
	if field != "" && g.Extensions["field"] != field {
		e.t.Fatalf("field = %v (%s), want %s", g.Extensions["field"], g.Message, field)
	}
	return g
}

// id creates something through the API and returns the id at path.
func (e *env) id(query string, vars map[string]any, path ...string) string {
	e.t.Helper()
	var data map[string]any
	e.ok(query, vars, &data)
	var v any = data
	for _, p := range path {
		v = v.(map[string]any)[p]
	}
	return v.(string)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
