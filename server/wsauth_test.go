package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

// A websocket without a cookie or bearer header signs in with a token in
// connection_init; without one it is refused with 4403.
func TestWebsocketSignsInWithConnectionInit(t *testing.T) {
	ctx := context.Background()
	st := store.New(storetest.NewDB(t))
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	auth := NewAuth(st, logger)
	ws := graph.NewWebsockets(nil)
	ws.Authenticate(auth.WebsocketInit)
	hub := store.NewHub(st, store.HubConfig{Logger: logger})
	ran := make(chan error, 1)
	go func() { ran <- hub.Run(context.Background()) }()
	srv := New(Config{Addr: "127.0.0.1:0", Version: "test"}, Deps{
		GraphQL: graph.NewHandler(st, logger, graph.WithFeed(hub), graph.WithWebsockets(ws)), Auth: auth, Logger: logger,
	})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		hub.Close()
		<-ran
		ws.Shutdown()
		_ = srv.Shutdown(ctx)
	}()
	u, err := st.CreateUser(ctx, store.UserCreate{Email: "analyst@example.com", Role: channel.RoleAnalyst})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := st.CreateToken(ctx, store.TokenCreate{UserID: u.ID})
	if err != nil {
		t.Fatal(err)
	}
	url := "ws" + strings.TrimPrefix("http://"+srv.Addr(), "http") + "/graphql"
	for _, tc := range []struct {
		name, auth string
		ok         bool
	}{
		{"a valid token", "Bearer " + tok.Secret, true},
		{"a wrong token", "Bearer cb_nottherealtoken0000000000000000000000000000", false},
		{"nothing", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, err := (&websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}}).Dial(url, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			init := map[string]any{"type": "connection_init"}
			if tc.auth != "" {
				init["payload"] = map[string]string{"Authorization": tc.auth}
			}
			if err := c.WriteJSON(init); err != nil {
				t.Fatal(err)
			}
			_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
			var m struct{ Type string }
			err = c.ReadJSON(&m)
			if tc.ok {
				if err != nil || m.Type != "connection_ack" {
					t.Fatalf("got %+v %v, want connection_ack", m, err)
				}
				// And an operation runs as the token's viewer.
				if err := c.WriteJSON(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": "{ productLines { id } }"}}); err != nil {
					t.Fatal(err)
				}
				var r struct {
					Type    string
					Payload struct{ Errors []any }
				}
				if err := c.ReadJSON(&r); err != nil || r.Type != "next" || len(r.Payload.Errors) > 0 {
					t.Fatalf("query over the socket: %+v %v", r, err)
				}
				return
			}
			for err == nil {
				err = c.ReadJSON(&m)
			}
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != graph.WsCloseForbidden {
				t.Fatalf("closed with %v, want %d", err, graph.WsCloseForbidden)
			}
		})
	}
}
