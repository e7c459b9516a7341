package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func testServer(ready func(context.Context) error) *Server {
	app := fstest.MapFS{
		"index.html":         {Data: []byte(`<!doctype html><div id="root"></div>`)},
		"assets/app-1a2b.js": {Data: []byte(`console.log(1)`)},
	}
	gql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"len":` + strconv.Itoa(len(body)) + `}}`))
	})
	return New(Config{MaxBodyBytes: 1024, Version: "test"}, Deps{
		GraphQL: gql,
		App:     AppHandler(app),
		Ready:   ready,
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
}

func do(t *testing.T, h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestAppFallbackAndAssets(t *testing.T) {
	h := testServer(nil).Handler()
	for _, path := range []string{"/", "/customers", "/customers/42"} {
		rec := do(t, h, "GET", path, "")
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), `id="root"`) {
			t.Errorf("GET %s = %d %q, want index.html", path, rec.Code, rec.Body.String())
		}
		if got := rec.Header().Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s Cache-Control = %q, want no-cache", path, got)
		}
	}
	rec := do(t, h, "GET", "/assets/app-1a2b.js", "")
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("hashed asset = %d, Cache-Control %q", rec.Code, rec.Header().Get("Cache-Control"))
	}
	if rec := do(t, h, "GET", "/assets/old-chunk.js", ""); rec.Code != 404 {
		t.Errorf("missing asset = %d, want 404", rec.Code)
	}
	if rec := do(t, h, "POST", "/customers", ""); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST to the app = %d, want 405", rec.Code)
	}
}

func TestBodyLimit(t *testing.T) {
	h := testServer(nil).Handler()
	if rec := do(t, h, "POST", "/graphql", strings.Repeat("a", 1000)); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"len":1000`) {
		t.Errorf("1000-byte body = %d %s", rec.Code, rec.Body.String())
	}
	rec := do(t, h, "POST", "/graphql", strings.Repeat("a", 5000))
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "BAD_USER_INPUT") {
		t.Errorf("5000-byte body = %d %s, want 413 with a GraphQL error", rec.Code, rec.Body.String())
	}
}

func TestHealthReadyMetrics(t *testing.T) {
	var notReady error
	s := testServer(func(context.Context) error { return notReady })
	h := s.Handler()
	if rec := do(t, h, "GET", "/healthz", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"version":"test"`) {
		t.Errorf("/healthz = %d %s", rec.Code, rec.Body.String())
	}
	if rec := do(t, h, "GET", "/readyz", ""); rec.Code != 200 {
		t.Errorf("/readyz = %d, want 200", rec.Code)
	}
	notReady = errors.New("database down")
	rec := do(t, h, "GET", "/readyz", "")
	if rec.Code != http.StatusServiceUnavailable || strings.Contains(rec.Body.String(), "database down") {
		t.Errorf("/readyz when not ready = %d %s: want 503 without internals", rec.Code, rec.Body.String())
	}
	do(t, h, "POST", "/graphql", "{}")
	rec = do(t, h, "GET", "/metrics", "")
	if !strings.Contains(rec.Body.String(), `channelboard_http_requests_total{code="200",handler="graphql",method="POST"} 1`) {
		t.Errorf("/metrics lacks the request counter:\n%s", rec.Body.String())
	}
}
