package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"

	"channelboard/channel"
)

// Subscriptions travel over websocket with gqlgen's transport, which since
// v0.17.92 takes any transport.WebsocketImplementation. This file is the
// adapter over gorilla/websocket the design names.

// Websocket limits.
const (
	// wsWriteWait bounds every write: without a deadline a client that
	// stops reading blocks its writer forever, and its close with it.
	wsWriteWait = 10 * time.Second
	// wsPingPongInterval: the server pings this often and closes a client
	// that has not answered within two intervals.
	wsPingPongInterval = 15 * time.Second
	// wsInitTimeout: a client that sends no connection_init in time is
	// closed with 4408 (graphql-transport-ws; gqlgen says 1002, which
	// WriteClose translates), or 1002 on the legacy protocol.
	wsInitTimeout = 10 * time.Second
	// wsReadLimit caps one message from a client; queries are small (the
	// query itself is capped at DefaultMaxQueryChars). A larger frame
	// closes the connection with 1009 "message too big".
	wsReadLimit = 64 << 10
	// wsMaxOperations caps the operations (subscriptions, and queries or
	// mutations sent over the socket) running at once on one connection.
	// The app opens one. A subscribe beyond the cap is answered with an
	// error message for its id, and the connection stays up.
	wsMaxOperations = 32
	// wsDrainLimit: how much of an oversized message is read and dropped
	// so that its 1009 close is delivered rather than lost to a reset.
	wsDrainLimit = 1 << 20
	// Small buffers keep an idle subscriber cheap; gorilla grows nothing,
	// a larger frame is just written in pieces.
	wsReadBuffer  = 1024
	wsWriteBuffer = 2048
)

// Subprotocols in order of preference: the reference client's
// graphql-transport-ws first, the legacy graphql-ws still accepted.
var wsSubprotocols = []string{"graphql-transport-ws", "graphql-ws"}

// Websockets accepts GraphQL websocket connections and remembers them, so
// server shutdown can close them cleanly.
type Websockets struct {
	upgrader      websocket.Upgrader
	auth          func(ctx context.Context, payload transport.InitPayload) (context.Context, error)
	initTimeout   time.Duration
	maxOperations int

	mu     sync.Mutex
	conns  map[*wsConn]struct{}
	closed bool

	batched atomic.Int64 // wsbatch.go
}

// WebsocketOption tunes NewWebsockets.
type WebsocketOption func(*Websockets)

// WithInitTimeout sets how long a client has to send connection_init.
func WithInitTimeout(d time.Duration) WebsocketOption {
	return func(w *Websockets) { w.initTimeout = d }
}

// WithMaxOperations sets how many operations may run at once on one
// connection.
func WithMaxOperations(n int) WebsocketOption {
	return func(w *Websockets) { w.maxOperations = n }
}

// NewWebsockets accepts connections from the host the request was sent to
// and from the given other origins ("https://board.example.com"), exactly.
// Requests without an Origin header come from non-browser clients, which
// cross-site websocket hijacking cannot involve. The handshake is a GET,
// which http.CrossOriginProtection lets through, so this check is the
// websocket's only guard against other sites.
func NewWebsockets(allowedOrigins []string, opts ...WebsocketOption) *Websockets {
	allowed := make([]string, 0, len(allowedOrigins))
	for _, o := range allowedOrigins {
		allowed = append(allowed, strings.ToLower(strings.TrimRight(o, "/")))
	}
	w := &Websockets{conns: map[*wsConn]struct{}{}, initTimeout: wsInitTimeout, maxOperations: wsMaxOperations}
	for _, opt := range opts {
		opt(w)
	}
	w.upgrader = websocket.Upgrader{
		HandshakeTimeout: 10 * time.Second,
		ReadBufferSize:   wsReadBuffer,
		WriteBufferSize:  wsWriteBuffer,
		WriteBufferPool:  &sync.Pool{},
		Subprotocols:     wsSubprotocols,
		CheckOrigin:      func(r *http.Request) bool { return originAllowed(r, allowed) },
	}
	return w
}

func originAllowed(r *http.Request, allowed []string) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	if slices.Contains(allowed, strings.ToLower(origin)) {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// WsCloseForbidden is the close code of a refused connection_init
// (graphql-transport-ws: 4403 Forbidden). Never 1000: the reference client
// reconnects after a normal close while it has subscriptions.
const WsCloseForbidden = 4403

// Authenticate sets how connection_init is checked: browsers cannot set
// headers on a websocket, so credentials come in its payload. fn returns
// the context the connection's operations run with (carrying the viewer),
// or an error, which closes the connection with WsCloseForbidden and the
// error's message. Call it before serving.
func (w *Websockets) Authenticate(fn func(ctx context.Context, payload transport.InitPayload) (context.Context, error)) {
	w.auth = fn
}

func (w *Websockets) init(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
	if w.auth == nil {
		return ctx, nil, nil
	}
	authed, err := w.auth(ctx, payload)
	if err != nil {
		return transport.AppendCloseReason(transport.WithWebsocketCloseCode(ctx, WsCloseForbidden), "Forbidden"), nil, err
	}
	return authed, nil, nil
}

// Transport is gqlgen's websocket transport over these connections.
func (w *Websockets) Transport() graphql.Transport {
	return wsTransport{owner: w, Websocket: transport.Websocket{
		InitFunc:         w.init,
		Implementation:   w,
		InitTimeout:      w.initTimeout,
		PingPongInterval: wsPingPongInterval,
		// The legacy protocol's keep-alive, for graphql-ws clients.
		KeepAlivePingInterval: wsPingPongInterval,
		PayloadReadLimit:      ptrTo(int64(wsReadLimit)),
	}}
}

// wsTransport is gqlgen's transport, except that it upgrades the
// connection in the HTTP handler and then serves it on a goroutine of its
// own, letting the handler return. gqlgen serves a connection inside the
// handler for as long as it is open, which keeps net/http's whole
// per-request state alive beside gorilla's: its connection goroutine and
// stack, its 4 KB read and 4 KB write buffers and the response (measured:
// about a third of an idle subscriber's memory). The connection's context
// keeps the request's values (the viewer) but not its cancellation, which
// net/http fires when the handler returns; the connection ends when its
// socket closes, as before.
type wsTransport struct {
	transport.Websocket
	owner *Websockets
}

type upgradedKey struct{}

func (t wsTransport) Do(rw http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	conn, err := t.owner.accept(rw, r, http.Header{})
	if err != nil {
		// As gqlgen answers a failed upgrade.
		transport.SendErrorf(rw, http.StatusBadRequest, "unable to upgrade")
		return
	}
	// The request's loaders would live as long as the connection and
	// serve all its operations from one cache: every operation over the
	// socket, and every subscription event, gets loaders of its own
	// (feed.go), so these are emptied.
	if l, ok := r.Context().Value(loadersKey{}).(*loaders); ok && l != nil {
		*l = loaders{}
	}
	ctx := context.WithValue(context.WithoutCancel(r.Context()), upgradedKey{}, conn)
	go t.Websocket.Do(noResponse{}, r.WithContext(ctx), exec)
}

// noResponse stands for the response writer of a request whose
// connection has already been upgraded: nothing is written to it.
type noResponse struct{}

func (noResponse) Header() http.Header         { return http.Header{} }
func (noResponse) Write(b []byte) (int, error) { return len(b), nil }
func (noResponse) WriteHeader(int)             {}

func ptrTo[T any](v T) *T { return &v }

// Accept implements transport.WebsocketImplementation: it hands gqlgen the
// connection wsTransport upgraded, or upgrades one itself.
func (w *Websockets) Accept(rw http.ResponseWriter, r *http.Request, opts transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	if c, ok := r.Context().Value(upgradedKey{}).(*wsConn); ok {
		return c, nil
	}
	c, err := w.accept(rw, r, opts.ResponseHeader)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (w *Websockets) accept(rw http.ResponseWriter, r *http.Request, header http.Header) (*wsConn, error) {
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return nil, errors.New("server shutting down")
	}
	hj := &batchHijacker{ResponseWriter: rw, batched: &w.batched}
	c, err := w.upgrader.Upgrade(hj, r, header)
	if err != nil {
		return nil, err
	}
	// The HTTP server's read and write timeouts stay on a hijacked
	// connection; from here the transport sets its own deadlines (init
	// timeout, ping/pong, a deadline before every write).
	_ = c.NetConn().SetDeadline(time.Time{})
	conn := &wsConn{c: c, bc: hj.conn, owner: w, maxOps: w.maxOperations, active: map[string]struct{}{},
		modern: c.Subprotocol() == "graphql-transport-ws"}
	conn.SetReadLimit(wsReadLimit) // gqlgen sets it again from PayloadReadLimit
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		_ = conn.WriteClose(websocket.CloseGoingAway, "server shutting down")
		_ = c.Close()
		return nil, errors.New("server shutting down")
	}
	w.conns[conn] = struct{}{}
	w.mu.Unlock()
	return conn, nil
}

// hijacker finds, under middleware that wraps the ResponseWriter (status
// recorders expose it through Unwrap, as http.ResponseController expects),
// the writer that can hand over the connection: gorilla asks the writer it
// is given directly.
func hijacker(w http.ResponseWriter) http.ResponseWriter {
	for cur := w; ; {
		if _, ok := cur.(http.Hijacker); ok {
			return cur
		}
		u, ok := cur.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return w
		}
		cur = u.Unwrap()
	}
}

// Shutdown closes every connection with 1001 "going away", which clients
// treat as a reason to reconnect (to another replica), and refuses new ones.
func (w *Websockets) Shutdown() {
	w.mu.Lock()
	w.closed = true
	conns := make([]*wsConn, 0, len(w.conns))
	for c := range w.conns {
		conns = append(conns, c)
	}
	w.mu.Unlock()
	for _, c := range conns {
		_ = c.WriteClose(websocket.CloseGoingAway, "server shutting down")
		_ = c.Close()
	}
}

// Open is how many connections are open now.
func (w *Websockets) Open() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.conns)
}

// wsConn adapts one gorilla connection. gorilla allows one writer at a
// time; gqlgen serializes its own writes, and mu makes that a property
// of the adapter rather than of its caller.
//
// It also keeps the per-connection rules gqlgen's transport does not: an
// operation id may not be reused while it runs (graphql-transport-ws:
// close 4409), and at most maxOps run at once. It learns which ids run
// from the messages themselves: a client's subscribe (start) adds one,
// its complete (stop) or the server's complete or error ends it.
type wsConn struct {
	c     *websocket.Conn
	bc    *batchConn // under c
	owner *Websockets
	mu    sync.Mutex
	once  sync.Once
	// more: the feed has the next event of a subscription queued behind
	// the one whose frame is written next (feedshare.go), so that frame
	// may wait briefly for the next one's (wsbatch.go).
	more atomic.Bool

	readLimit int64 // SetReadLimit
	modern    bool  // graphql-transport-ws, else the legacy graphql-ws
	initSeen  bool  // read only by the one reading goroutine
	maxOps    int
	opsMu     sync.Mutex
	active    map[string]struct{}
}

// WsCloseDuplicateID is graphql-transport-ws's close code for a subscribe
// whose id is already running (4409 "Subscriber for <id> already exists").
const WsCloseDuplicateID = 4409

var (
	_ transport.WebsocketConn          = (*wsConn)(nil)
	_ transport.WebsocketReadLimiter   = (*wsConn)(nil)
	_ transport.WebsocketReadDeadliner = (*wsConn)(nil)
)

func (c *wsConn) NextReader() (int, io.Reader, error) {
	for {
		t, r, err := c.c.NextReader()
		if websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseNoStatusReceived, websocket.CloseGoingAway) {
			return t, nil, transport.ErrWebsocketClosed
		}
		if err != nil {
			return t, r, err
		}
		// gqlgen reads the message whole too.
		body := r
		if c.readLimit > 0 {
			body = io.LimitReader(r, c.readLimit+1)
		}
		msg, err := io.ReadAll(body)
		if err != nil {
			return t, nil, err
		}
		if c.readLimit > 0 && int64(len(msg)) > c.readLimit {
			_ = c.WriteClose(websocket.CloseMessageTooBig, "message too big")
			_, _ = io.Copy(io.Discard, r)
			return t, nil, errProtocol
		}
		pass, err := c.admit(msg)
		if err != nil {
			return t, nil, err
		}
		if pass {
			return t, bytes.NewReader(msg), nil
		}
	}
}

// admit applies the per-connection rules to one client message: it
// passes the message on to gqlgen, swallows it (answering it here), or
// ends the connection. On graphql-transport-ws it also closes with the
// protocol's own codes where gqlgen would close with 1000 or 1002, which
// the reference client cannot tell from a network blip: 4400 for a
// message that is not JSON or of an unknown type, 4401 for a subscribe
// before connection_init, 4429 for a second connection_init.
func (c *wsConn) admit(msg []byte) (bool, error) {
	var env struct {
		ID      string          `json:"id"`
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(msg, &env); err != nil || env.Type == "" {
		if c.modern {
			return false, c.protocolError(wsCloseBadMessage, "Invalid message received")
		}
		return true, nil // gqlgen answers it
	}
	start, stop := "subscribe", "complete"
	if c.modern {
		switch env.Type {
		case "connection_init":
			if c.initSeen {
				return false, c.protocolError(wsCloseTooManyInits, "Too many initialisation requests")
			}
			c.initSeen = true
			return true, nil
		case "ping", "pong":
			return true, nil
		case start, stop:
			if !c.initSeen {
				return false, c.protocolError(wsCloseUnauthorized, "Unauthorized")
			}
			if env.ID == "" {
				return false, c.protocolError(wsCloseBadMessage, "Invalid message received")
			}
		default:
			return false, c.protocolError(wsCloseBadMessage, "Invalid message received")
		}
	} else {
		start, stop = "start", "stop"
	}
	switch env.Type {
	case stop:
		c.end(env.ID)
	case start:
		var p struct {
			Query         string         `json:"query"`
			OperationName string         `json:"operationName"`
			Variables     map[string]any `json:"variables"`
			Extensions    map[string]any `json:"extensions"`
		}
		if json.Unmarshal(env.Payload, &p) != nil {
			return false, c.refuse(env.ID, `the payload of a subscribe must be {"query": ..., "variables": {...}}`)
		}
		c.opsMu.Lock()
		_, running := c.active[env.ID]
		full := len(c.active) >= c.maxOps
		if !running && !full {
			c.active[env.ID] = struct{}{}
		}
		c.opsMu.Unlock()
		switch {
		case running:
			return false, c.protocolError(WsCloseDuplicateID, "Subscriber for "+env.ID+" already exists")
		case full:
			return false, c.refuse(env.ID, fmt.Sprintf("at most %d operations may run at once on one connection", c.maxOps))
		}
	}
	return true, nil
}

// graphql-transport-ws close codes.
const (
	wsCloseBadMessage   = 4400
	wsCloseUnauthorized = 4401
	wsCloseInitTimeout  = 4408
	wsCloseTooManyInits = 4429
)

var errProtocol = errors.New("websocket: protocol violation")

// protocolError closes the connection with code; the error returned ends
// gqlgen's reading, and its own close that follows is not sent (gorilla
// sends one close frame).
func (c *wsConn) protocolError(code int, reason string) error {
	_ = c.WriteClose(code, reason)
	return errProtocol
}

// refuse answers one operation with an error and keeps the connection.
func (c *wsConn) refuse(id, message string) error {
	return c.WriteJSON(wsError{ID: id, Type: "error", Payload: []wsErrorPayload{{
		Message: message, Extensions: map[string]string{"code": channel.EInvalid},
	}}})
}

type wsError struct {
	ID      string           `json:"id"`
	Type    string           `json:"type"`
	Payload []wsErrorPayload `json:"payload"`
}

type wsErrorPayload struct {
	Message    string            `json:"message"`
	Extensions map[string]string `json:"extensions"`
}

func (c *wsConn) end(id string) {
	c.opsMu.Lock()
	delete(c.active, id)
	c.opsMu.Unlock()
}

func (c *wsConn) WriteJSON(v any) error {
	// gqlgen's messages (of both protocols) are structs with ID and Type;
	// the server's complete or error ends that operation.
	if m := reflect.Indirect(reflect.ValueOf(v)); m.Kind() == reflect.Struct {
		id, typ := m.FieldByName("ID"), m.FieldByName("Type")
		if id.Kind() == reflect.String && typ.Kind() == reflect.String && (typ.String() == "complete" || typ.String() == "error") {
			c.end(id.String())
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bc.setHold(c.more.Swap(false))
	if err := c.c.SetWriteDeadline(time.Now().Add(wsWriteWait)); err != nil {
		return err
	}
	return c.c.WriteJSON(v)
}

func (c *wsConn) WriteClose(code int, reason string) error {
	if c.modern && code == transport.WebsocketCloseProtocolError && reason == "connection initialisation timeout" {
		code = wsCloseInitTimeout // what graphql-transport-ws names it
	}
	// A close reason is at most 123 bytes.
	if len(reason) > 123 {
		reason = reason[:123]
	}
	// gorilla allows WriteControl beside a running write, so a close is
	// not held up behind a write to a stalled client; nor behind frames
	// held for batching.
	c.bc.setHold(false)
	return c.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(wsWriteWait))
}

func (c *wsConn) Close() error {
	var err error
	c.once.Do(func() {
		c.owner.mu.Lock()
		delete(c.owner.conns, c)
		c.owner.mu.Unlock()
		err = c.c.Close()
	})
	return err
}

func (c *wsConn) Subprotocol() string { return c.c.Subprotocol() }

// SetReadLimit caps a client message at limit bytes. A larger one is
// read to its end (up to wsDrainLimit more) before the connection closes
// with 1009, so the close frame reaches the client: closing a socket with
// unread data makes the kernel send a reset, which discards it. Beyond
// that gorilla's own limit ends the read at once.
func (c *wsConn) SetReadLimit(limit int64) {
	c.readLimit = limit
	c.c.SetReadLimit(limit + wsDrainLimit)
}

func (c *wsConn) SetReadDeadline(t time.Time) error { return c.c.SetReadDeadline(t) }
