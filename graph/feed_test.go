package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
	"go.uber.org/goleak"

	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

// feedEnv is env with the live feed: a hub and websocket subscriptions.
type feedEnv struct {
	*env
	hub  *store.Hub
	ws   *graph.Websockets
	ops  *graph.OperationMetrics
	srv  *httptest.Server
	stop func()
}

func newFeedEnv(t *testing.T, cfg store.HubConfig, setup ...func(*graph.Websockets)) *feedEnv {
	t.Helper()
	db := storetest.NewDB(t)
	qc := &queryCounter{}
	db.AddQueryHook(qc)
	st := store.New(db)
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, nil))
	cfg.Logger = logger
	hub := store.NewHub(st, cfg)
	ran := make(chan error, 1)
	go func() { ran <- hub.Run(context.Background()) }()
	ws := graph.NewWebsockets(nil)
	for _, f := range setup {
		f(ws)
	}
	ops := graph.NewOperationMetrics()
	srv := httptest.NewServer(signedIn(graph.NewHandler(st, logger, graph.WithFeed(hub), graph.WithWebsockets(ws), graph.WithOperationMetrics(ops))))
	fe := &feedEnv{env: &env{t: t, url: srv.URL, st: st, queries: qc, log: logs}, hub: hub, ws: ws, ops: ops, srv: srv}
	stopped := false
	fe.stop = func() {
		if stopped {
			return
		}
		stopped = true
		// The order a server shuts down in: the feed ends every
		// subscription, then the sockets close, then the listener.
		hub.Close()
		if err := <-ran; err != nil {
			t.Errorf("hub: %v", err)
		}
		ws.Shutdown()
		srv.Close()
		http.DefaultClient.CloseIdleConnections()
	}
	t.Cleanup(fe.stop)
	return fe
}

// wsClient speaks graphql-transport-ws by hand.
type wsClient struct {
	t *testing.T
	c *websocket.Conn
}

type wsMsg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func (e *feedEnv) dial(header http.Header, dialer *websocket.Dialer, protocols ...string) (*websocket.Conn, *http.Response, error) {
	if dialer == nil {
		dialer = &websocket.Dialer{}
	}
	if protocols == nil {
		protocols = []string{"graphql-transport-ws"}
	}
	d := *dialer
	d.Subprotocols = protocols
	d.HandshakeTimeout = 10 * time.Second
	return d.Dial("ws"+strings.TrimPrefix(e.srv.URL, "http"), header)
}

// connect opens a connection and completes connection_init.
func (e *feedEnv) connect(dialer *websocket.Dialer) *wsClient {
	e.t.Helper()
	c, _, err := e.dial(nil, dialer)
	if err != nil {
		e.t.Fatalf("dial: %v", err)
	}
	cl := &wsClient{t: e.t, c: c}
	cl.send(wsMsg{Type: "connection_init"})
	if m := cl.next(); m.Type != "connection_ack" {
		e.t.Fatalf("got %s, want connection_ack", m.Type)
	}
	return cl
}

func (c *wsClient) send(m wsMsg) {
	c.t.Helper()
	if err := c.c.WriteJSON(m); err != nil {
		c.t.Fatalf("send %s: %v", m.Type, err)
	}
}

// next returns the next message other than ping (answered) and pong.
func (c *wsClient) next() wsMsg {
	c.t.Helper()
	for {
		_ = c.c.SetReadDeadline(time.Now().Add(30 * time.Second))
		var m wsMsg
		if err := c.c.ReadJSON(&m); err != nil {
			c.t.Fatalf("read: %v", err)
		}
		switch m.Type {
		case "ping":
			c.send(wsMsg{Type: "pong"})
		case "pong":
		default:
			return m
		}
	}
}

const feedSubscription = `subscription($after: String, $filter: ConflictFilter) {
	conflictEvents(after: $after, filter: $filter) { cursor type reason conflict { id kind status } }
}`

type feedEvent struct {
	Cursor, Type, Reason string
	Conflict             struct{ ID, Kind, Status string }
}

func (c *wsClient) subscribe(id string, after *string, filter map[string]any) {
	c.t.Helper()
	vars := map[string]any{}
	if after != nil {
		vars["after"] = *after
	}
	if filter != nil {
		vars["filter"] = filter
	}
	payload, _ := json.Marshal(map[string]any{"query": feedSubscription, "variables": vars})
	c.send(wsMsg{ID: id, Type: "subscribe", Payload: payload})
}

// event reads the next message, which must be an event of subscription id.
func (c *wsClient) event(id string) feedEvent {
	c.t.Helper()
	m := c.next()
	if m.Type != "next" || m.ID != id {
		c.t.Fatalf("got %s %s %s, want next for %s", m.Type, m.ID, m.Payload, id)
	}
	var p struct {
		Data   struct{ ConflictEvents feedEvent }
		Errors []gqlError
	}
	if err := json.Unmarshal(m.Payload, &p); err != nil || len(p.Errors) > 0 {
		c.t.Fatalf("payload %s: %v", m.Payload, err)
	}
	return p.Data.ConflictEvents
}

func (c *wsClient) close() {
	_ = c.c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "bye"))
	_ = c.c.Close()
}

// waitFor polls cond until it holds, failing after a generous deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// eventPage reads the log through Query.conflictEvents.
func (e *feedEnv) eventPage(after string, first int) ([]feedEvent, string, bool) {
	e.t.Helper()
	var out struct {
		ConflictEvents struct {
			Edges []struct {
				Cursor string
				Node   feedEvent
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	vars := map[string]any{"first": first}
	if after != "" {
		vars["after"] = after
	}
	e.ok(`query($after: String, $first: Int) { conflictEvents(after: $after, first: $first) {
		edges { cursor node { cursor type reason conflict { id kind status } } } pageInfo { hasNextPage endCursor } } }`, vars, &out)
	evs := make([]feedEvent, len(out.ConflictEvents.Edges))
	for i, edge := range out.ConflictEvents.Edges {
		if edge.Cursor != edge.Node.Cursor {
			e.t.Fatalf("edge cursor %s differs from the event's %s", edge.Cursor, edge.Node.Cursor)
		}
		evs[i] = edge.Node
	}
	end := ""
	if out.ConflictEvents.PageInfo.EndCursor != nil {
		end = *out.ConflictEvents.PageInfo.EndCursor
	}
	return evs, end, out.ConflictEvents.PageInfo.HasNextPage
}

func cursors(evs []feedEvent) string {
	s := make([]string, len(evs))
	for i, e := range evs {
		s[i] = e.Type + ":" + e.Cursor
	}
	return strings.Join(s, " ")
}

func TestConflictFeedOverWebsocket(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{Poll: 100 * time.Millisecond})
	defer goleak.VerifyNone(t, leakOptions()...)
	defer fe.stop()
	w := newConflictWorldEnv(t, fe.env)

	// A live subscriber sees a conflict caused by a mutation.
	board := fe.connect(nil)
	board.subscribe("1", nil, nil)
	waitFor(t, "the subscription to register", func() bool { return fe.hub.Subscribers() == 1 })
	cust := w.customer("Tundzha Farm", "UNASSIGNED", "", "eu.bg.yambol")
	w.register(cust, w.distID, w.pumpsID, 5, 100_000)
	w.register(cust, w.roID, w.pumpsID, 5, 100_000)
	first := board.event("1")
	if first.Type != "OPENED" || first.Conflict.Kind != "DUPLICATE_REGISTRATION" || first.Conflict.Status != "OPEN" {
		t.Fatalf("first event %+v", first)
	}

	// It disconnects; events happen meanwhile.
	board.close()
	waitFor(t, "the subscription to end", func() bool { return fe.hub.Subscribers() == 0 })
	for i := range 3 {
		c := w.customer(fmt.Sprintf("Farm %d", i), "UNASSIGNED", "", "eu.bg.yambol")
		w.register(c, w.distID, w.pumpsID, 5, 100_000)
		w.register(c, w.roID, w.pumpsID, 5, 100_000)
	}
	missed, _, more := fe.eventPage(first.Cursor, 100)
	if more || len(missed) < 3 {
		t.Fatalf("the query lists %d events after the cursor (more: %v), want at least 3", len(missed), more)
	}

	// Paging the query one event at a time gives the same events.
	var paged []feedEvent
	for after := first.Cursor; ; {
		page, end, more := fe.eventPage(after, 1)
		paged = append(paged, page...)
		if !more {
			break
		}
		after = end
	}
	if cursors(paged) != cursors(missed) {
		t.Fatalf("paging one by one gave\n%s\nwant\n%s", cursors(paged), cursors(missed))
	}

	// It reconnects with its cursor and gets exactly the missed events, then
	// live ones.
	board = fe.connect(nil)
	board.subscribe("2", &first.Cursor, nil)
	got := make([]feedEvent, len(missed))
	for i := range missed {
		got[i] = board.event("2")
	}
	if cursors(got) != cursors(missed) {
		t.Fatalf("resumed with\n%s\nwant\n%s", cursors(got), cursors(missed))
	}
	resolveMutation := `mutation($input: ResolveConflictInput!) { resolveConflict(input: $input) { conflict { id status } } }`
	w.ok(resolveMutation, map[string]any{"input": map[string]any{"id": first.Conflict.ID, "resolution": "DISMISS", "note": "same farm"}}, nil)
	live := board.event("2")
	if live.Type != "RESOLVED" || live.Conflict.ID != first.Conflict.ID || live.Conflict.Status != "DISMISSED" {
		t.Fatalf("live event after resuming %+v", live)
	}
	for _, e := range append(missed, first) {
		if e.Cursor == live.Cursor {
			t.Fatal("the live event repeats one already delivered")
		}
	}

	// A filter: only this dealer's price conflicts; none come.
	board.subscribe("3", nil, map[string]any{"kinds": []string{"PRICE_BELOW_FLOOR"}})
	waitFor(t, "the filtered subscription to register", func() bool { return fe.hub.Subscribers() == 2 })
	c := w.customer("Cheap Farm", "UNASSIGNED", "", "eu.bg.yambol")
	w.register(c, w.distID, w.pumpsID, 5, 10_000) // under the 500.00 floor
	for {
		m := board.next()
		var p struct {
			Data struct{ ConflictEvents feedEvent }
		}
		_ = json.Unmarshal(m.Payload, &p)
		if m.ID == "3" {
			if m.Type != "next" || p.Data.ConflictEvents.Conflict.Kind != "PRICE_BELOW_FLOOR" {
				t.Fatalf("filtered subscription got %s %s", m.Type, m.Payload)
			}
			break
		}
		if m.Type != "next" || m.ID != "2" {
			t.Fatalf("unexpected %s %s", m.Type, m.Payload)
		}
	}

	// A bad cursor is refused as input.
	bad := "not-a-cursor"
	board.subscribe("4", &bad, nil)
	for {
		m := board.next()
		if m.ID == "4" {
			if !strings.Contains(string(m.Payload), "BAD_USER_INPUT") {
				t.Fatalf("bad cursor: %s %s", m.Type, m.Payload)
			}
			break
		}
	}

	// Shutdown ends each subscription with an error saying so.
	fe.hub.Close()
	seen := map[string]bool{}
	for len(seen) < 2 {
		m := board.next()
		if m.Type == "error" && strings.Contains(string(m.Payload), "SHUTTING_DOWN") {
			seen[m.ID] = true
		}
	}
	board.close()
	fe.stop()
}

func TestWebsocketOriginsAndProtocols(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{})
	defer goleak.VerifyNone(t, leakOptions()...)
	defer fe.stop()

	// Another site's page may not open a socket with the user's cookies.
	_, res, err := fe.dial(http.Header{"Origin": {"https://evil.example"}}, nil)
	if err == nil || res == nil || res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-origin dial: %v, %+v", err, res)
	}
	// The same origin may.
	c, _, err := fe.dial(http.Header{"Origin": {fe.srv.URL}}, nil)
	if err != nil {
		t.Fatalf("same-origin dial: %v", err)
	}
	c.Close()

	// graphql-transport-ws is preferred whatever the client's order; the
	// legacy protocol still works.
	for _, tc := range []struct {
		offer []string
		want  string
	}{
		{[]string{"graphql-ws", "graphql-transport-ws"}, "graphql-transport-ws"},
		{[]string{"graphql-ws"}, "graphql-ws"},
	} {
		c, _, err := fe.dial(nil, nil, tc.offer...)
		if err != nil {
			t.Fatal(err)
		}
		if c.Subprotocol() != tc.want {
			t.Fatalf("offered %v, got %q", tc.offer, c.Subprotocol())
		}
		if err := c.WriteJSON(wsMsg{Type: "connection_init"}); err != nil {
			t.Fatal(err)
		}
		var m wsMsg
		if err := c.ReadJSON(&m); err != nil || m.Type != "connection_ack" {
			t.Fatalf("%s: %v %+v", tc.want, err, m)
		}
		c.Close()
	}

	// A client that never sends connection_init is closed, not kept.
	// (The init timeout is 10 s; the test only checks that an unexpected
	// first message closes at once with a 44xx-free protocol error.)
	c, _, err = fe.dial(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.WriteJSON(wsMsg{Type: "subscribe", ID: "1"}); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		if _, _, err = c.ReadMessage(); err != nil {
			break
		}
	}
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code == websocket.CloseNormalClosure {
		t.Fatalf("a subscribe before init closed with %v, want a non-1000 close", err)
	}
	c.Close()
	fe.stop()
}

// smallReceiveBuffer makes a client's socket fill quickly when it stops
// reading, as a slow network would.
func smallReceiveBuffer() *websocket.Dialer {
	return &websocket.Dialer{NetDialContext: (&net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		var err error
		_ = rc.Control(func(fd uintptr) { err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 2048) })
		return err
	}}).DialContext, ReadBufferSize: 1024}
}

func TestSlowSubscriberIsCutOffWithoutBlockingOthers(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{Poll: 20 * time.Millisecond, Buffer: 8})
	defer goleak.VerifyNone(t, leakOptions()...)
	defer fe.stop()
	w := newConflictWorldEnv(t, fe.env)
	cust := w.customer("Tundzha Farm", "UNASSIGNED", "", "eu.bg.yambol")
	w.register(cust, w.distID, w.pumpsID, 5, 100_000)
	w.register(cust, w.roID, w.pumpsID, 5, 100_000)
	conflictID := dbID(t, w.kind(cust, "DUPLICATE_REGISTRATION").ID)

	start, _, _ := fe.eventPage("", 200)
	from := start[len(start)-1].Cursor
	fast := fe.connect(nil)
	fast.subscribe("f", &from, nil)
	slow := fe.connect(smallReceiveBuffer())
	slow.subscribe("s", &from, nil)
	waitFor(t, "both subscriptions", func() bool { return fe.hub.Subscribers() == 2 })

	// Events arrive in steps of 4, each read by the fast subscriber before
	// the next; the slow one reads nothing until the server has cut it off.
	db := fe.st.DB()
	reason := strings.Repeat("x", 4000) // fills the slow socket sooner
	var all []feedEvent
	for step := 0; fe.hub.Subscribers() == 2; step++ {
		if step == 5000 {
			t.Fatal("the slow subscriber was never cut off")
		}
		if _, err := db.NewRaw(`INSERT INTO conflict_events (type, conflict_id, reason) SELECT 'UPDATED', ?, ? FROM generate_series(1, 4)`, conflictID, reason).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
		fe.hub.Wake()
		for range 4 {
			all = append(all, fast.event("f"))
		}
	}

	// The slow one now reads what reached it, then the error that ended it.
	var got []feedEvent
	for {
		m := slow.next()
		if m.Type == "error" {
			if m.ID != "s" || !strings.Contains(string(m.Payload), "SLOW_CONSUMER") {
				t.Fatalf("ended with %s", m.Payload)
			}
			break
		}
		var p struct {
			Data struct{ ConflictEvents feedEvent }
		}
		_ = json.Unmarshal(m.Payload, &p)
		got = append(got, p.Data.ConflictEvents)
	}
	if len(got) >= len(all) || cursors(got) != cursors(all[:len(got)]) {
		t.Fatalf("the slow subscriber got %d events before its end, the fast %d", len(got), len(all))
	}
	// It resumes from the last cursor it received and gets the rest.
	after := from
	if len(got) > 0 {
		after = got[len(got)-1].Cursor
	}
	slow.subscribe("s2", &after, nil)
	rest := make([]feedEvent, len(all)-len(got))
	for i := range rest {
		rest[i] = slow.event("s2")
	}
	if cursors(append(got, rest...)) != cursors(all) {
		t.Fatal("after resuming, the slow subscriber's events differ from the fast one's")
	}
	t.Logf("cut off after %d of %d events", len(got), len(all))
	fast.close()
	slow.close()
	fe.stop()
}

// leakOptions ignores what was running before the test, and pgx's
// background reader, which a pooled connection may leave parked on its
// socket until its next use: the pool's, not the feed's.
func leakOptions() []goleak.Option {
	return []goleak.Option{goleak.IgnoreCurrent(),
		goleak.IgnoreAnyFunction("github.com/jackc/pgx/v5/pgconn/internal/bgreader.(*BGReader).bgRead")}
}

func TestWebsocketInitRefusedClosesWith4403(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{}, func(ws *graph.Websockets) {
		ws.Authenticate(func(ctx context.Context, p transport.InitPayload) (context.Context, error) {
			if p.Authorization() != "Bearer good" {
				return ctx, errors.New("bad token")
			}
			return ctx, nil
		})
	})
	defer goleak.VerifyNone(t, leakOptions()...)
	defer fe.stop()

	for _, tc := range []struct {
		token string
		ok    bool
	}{{"Bearer good", true}, {"Bearer bad", false}, {"", false}} {
		c, _, err := fe.dial(nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		init := wsMsg{Type: "connection_init"}
		if tc.token != "" {
			init.Payload = json.RawMessage(fmt.Sprintf(`{"Authorization": %q}`, tc.token))
		}
		if err := c.WriteJSON(init); err != nil {
			t.Fatal(err)
		}
		_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
		var m wsMsg
		err = c.ReadJSON(&m)
		if tc.ok {
			if err != nil || m.Type != "connection_ack" {
				t.Fatalf("token %q: %v %+v", tc.token, err, m)
			}
		} else {
			for err == nil {
				err = c.ReadJSON(&m)
			}
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != graph.WsCloseForbidden {
				t.Fatalf("token %q: closed with %v, want %d", tc.token, err, graph.WsCloseForbidden)
			}
		}
		c.Close()
	}
	fe.stop()
}

// recorder wraps the ResponseWriter as metrics middleware does, hiding
// http.Hijacker behind Unwrap.
type recorder struct{ http.ResponseWriter }

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func TestWebsocketUnderWrappingMiddleware(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{})
	defer goleak.VerifyNone(t, leakOptions()...)
	defer fe.stop()
	ws := graph.NewWebsockets(nil)
	h := signedIn(graph.NewHandler(fe.st, nil, graph.WithFeed(fe.hub), graph.WithWebsockets(ws)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&recorder{w}, r)
	}))
	defer srv.Close()
	defer ws.Shutdown()
	c, _, err := (&websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}}).Dial("ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		t.Fatalf("dial through a wrapping middleware: %v", err)
	}
	defer c.Close()
	if err := c.WriteJSON(wsMsg{Type: "connection_init"}); err != nil {
		t.Fatal(err)
	}
	var m wsMsg
	if err := c.ReadJSON(&m); err != nil || m.Type != "connection_ack" {
		t.Fatalf("%v %+v", err, m)
	}
	if ws.Open() != 1 {
		t.Fatalf("%d open connections, want 1", ws.Open())
	}
}
