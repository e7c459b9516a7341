package server

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// With every slot busy, a request waits the queue wait and is then
// answered 503 OVERLOADED with Retry-After; once a slot frees, requests
// are served again; a websocket upgrade is never counted.
func TestAdmissionBoundsRequestsInFlight(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 4)
	gql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("block") == "1" {
			entered <- struct{}{}
			<-release
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"ok":true}}`))
	})
	s := New(Config{MaxInFlight: 1, QueueWait: 50 * time.Millisecond}, Deps{
		GraphQL: gql,
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	h := s.Handler()

	done := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/graphql?block=1&query=%7B__typename%7D", nil))
		done <- rec.Code
	}()
	<-entered

	rec := do(t, h, "GET", "/graphql?query=%7B__typename%7D", "")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("a request beyond the bound = %d, want 503", rec.Code)
	}
	if rec.Header().Get("Retry-After") == "" {
		t.Error("503 without Retry-After")
	}
	var body struct {
		Errors []struct {
			Extensions struct{ Code string } `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || len(body.Errors) != 1 || body.Errors[0].Extensions.Code != EOverloaded {
		t.Errorf("503 body = %s, want one error with code %s", rec.Body.String(), EOverloaded)
	}

	// A websocket handshake passes the bound (the fake handler answers it
	// like any request).
	ws := httptest.NewRequest("GET", "/graphql", nil)
	ws.Header.Set("Connection", "Upgrade")
	ws.Header.Set("Upgrade", "websocket")
	wrec := httptest.NewRecorder()
	h.ServeHTTP(wrec, ws)
	if wrec.Code == http.StatusServiceUnavailable {
		t.Error("a websocket upgrade was turned away by the request bound")
	}

	close(release)
	if code := <-done; code != http.StatusOK {
		t.Errorf("the blocked request = %d", code)
	}
	if rec := do(t, h, "GET", "/graphql?query=%7B__typename%7D", ""); rec.Code != http.StatusOK {
		t.Errorf("after the slot freed = %d, want 200", rec.Code)
	}
	m := do(t, h, "GET", "/metrics", "").Body.String()
	if !strings.Contains(m, "channelboard_http_overloaded_total 1") {
		t.Errorf("/metrics lacks the overloaded counter at 1")
	}
}

// A request that finds every slot busy waits its turn, in order, and is
// served when a slot frees within the queue wait.
func TestAdmissionQueuesWithinTheWait(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 4)
	gql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		if r.URL.Query().Get("block") == "1" {
			<-release
		}
		_, _ = w.Write([]byte(`{"data":{}}`))
	})
	s := New(Config{MaxInFlight: 1, QueueWait: time.Minute}, Deps{GraphQL: gql, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	h := s.Handler()
	codes := make(chan int, 2)
	serve := func(q string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/graphql?"+q, nil))
		codes <- rec.Code
	}
	go serve("block=1")
	<-entered
	go serve("")
	for testutil.ToFloat64(s.admit.waiting) != 1 {
		time.Sleep(time.Millisecond)
	}
	select {
	case <-entered:
		t.Fatal("a second request ran while the only slot was busy")
	default:
	}
	close(release)
	for range 2 {
		if code := <-codes; code != http.StatusOK {
			t.Errorf("code = %d, want 200 for both", code)
		}
	}
	if n := testutil.ToFloat64(s.admit.rejected); n != 0 {
		t.Errorf("rejected = %v, want 0", n)
	}
}
