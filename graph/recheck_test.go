package graph_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

// A subscription whose token is revoked (or session ended) after it began
// stops with UNAUTHENTICATED at the next check.
func TestSubscriptionEndsWhenCredentialsAreRevoked(t *testing.T) {
	st := store.New(storetest.NewDB(t))
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	hub := store.NewHub(st, store.HubConfig{Logger: logger})
	ran := make(chan error, 1)
	go func() { ran <- hub.Run(context.Background()) }()
	ws := graph.NewWebsockets(nil)
	var revoked atomic.Bool
	h := graph.NewHandler(st, logger, graph.WithFeed(hub), graph.WithWebsockets(ws), graph.WithRecheckEvery(20*time.Millisecond))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := channel.WithViewer(r.Context(), director)
		ctx = channel.WithRecheck(ctx, func(context.Context) error {
			if revoked.Load() {
				return channel.Errorf(channel.EUnauthenticated, "token revoked")
			}
			return nil
		})
		h.ServeHTTP(w, r.WithContext(ctx))
	}))
	defer func() {
		hub.Close()
		<-ran
		ws.Shutdown()
		srv.Close()
	}()
	c, _, err := (&websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}}).Dial("ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cl := &wsClient{t: t, c: c}
	cl.send(wsMsg{Type: "connection_init"})
	if m := cl.next(); m.Type != "connection_ack" {
		t.Fatalf("got %s", m.Type)
	}
	cl.subscribe("1", nil, nil)
	// Still subscribed after a few checks that pass.
	time.Sleep(100 * time.Millisecond)
	revoked.Store(true)
	m := cl.next()
	if m.Type != "error" && m.Type != "next" {
		t.Fatalf("got %s %s, want the subscription's error", m.Type, m.Payload)
	}
	var errs []gqlError
	if m.Type == "error" {
		_ = json.Unmarshal(m.Payload, &errs)
	} else {
		var p struct{ Errors []gqlError }
		_ = json.Unmarshal(m.Payload, &p)
		errs = p.Errors
	}
	if len(errs) == 0 || errs[0].Extensions["code"] != channel.EUnauthenticated {
		t.Fatalf("subscription ended with %s, want UNAUTHENTICATED", m.Payload)
	}
}
