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

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// queryCounter counts the SQL statements a request issues.
type queryCounter struct {
	n      atomic.Int64
	begins atomic.Int64
	mu     sync.Mutex
	last   []string
}

func (c *queryCounter) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}
func (c *queryCounter) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	// The transaction around a viewer's read (store/view.go) is not a
	// question asked: count the statements that read.
	if strings.HasPrefix(e.Query, "BEGIN") {
		c.begins.Add(1)
	}
	for _, p := range []string{"BEGIN", "COMMIT", "ROLLBACK", "SET LOCAL ROLE"} {
		if strings.HasPrefix(e.Query, p) {
			return
		}
	}
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
	viewer  *channel.Viewer // nil: the director
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
	srv := httptest.NewServer(signedIn(graph.NewHandler(st, logger, graph.WithLoaderWait(loaderWait))))
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

// director is the viewer of test requests unless a test says otherwise.
var director = channel.Viewer{UserID: 1, Email: "director@example.com", Role: channel.RoleDirector}

// viewerHeader carries a test request's viewer to signedIn, which stands in
// for server/auth.go's middleware in these tests.
const viewerHeader = "X-Test-Viewer"

// signedIn puts the viewer named by the X-Test-Viewer header (JSON of a
// channel.Viewer; "anonymous" for none) in each request's context, the
// director when there is no header.
func signedIn(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := director
		switch hv := r.Header.Get(viewerHeader); hv {
		case "":
		case "anonymous":
			h.ServeHTTP(w, r)
			return
		default:
			if err := json.Unmarshal([]byte(hv), &v); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		}
		h.ServeHTTP(w, r.WithContext(channel.WithViewer(r.Context(), v)))
	})
}

// as returns an env whose requests come from v.
func (e *env) as(v channel.Viewer) *env {
	c := *e
	c.viewer = &v
	return &c
}

// anonymous returns an env whose requests carry no viewer.
func (e *env) anonymous() *env {
	c := *e
	c.viewer = &channel.Viewer{}
	return &c
}

// do posts one GraphQL request and decodes the response.
func (e *env) do(query string, vars map[string]any) response {
	e.t.Helper()
	status, raw := e.post(query, vars)
	var r response
	if err := json.Unmarshal(raw, &r); err != nil {
		e.t.Fatalf("status %d, body %s: %v", status, raw, err)
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

// raw runs a request and returns the response body as text.
func (e *env) raw(query string) string {
	e.t.Helper()
	_, body := e.post(query, nil)
	return string(body)
}

// post sends one GraphQL request as the env's viewer.
func (e *env) post(query string, vars map[string]any) (int, []byte) {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if e.viewer != nil {
		if e.viewer.Anonymous() {
			req.Header.Set(viewerHeader, "anonymous")
		} else {
			b, _ := json.Marshal(e.viewer)
			req.Header.Set(viewerHeader, string(b))
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}
