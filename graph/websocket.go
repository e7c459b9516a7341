package graph

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
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
	// wsInitTimeout: a client that sends no connection_init in time is closed.
	wsInitTimeout = 10 * time.Second
	// wsReadLimit caps one message from a client; queries are small.
	wsReadLimit = 64 << 10
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
	upgrader websocket.Upgrader
	auth     func(ctx context.Context, payload transport.InitPayload) (context.Context, error)

	mu     sync.Mutex
	conns  map[*wsConn]struct{}
	closed bool
}

// NewWebsockets accepts connections from the given origins
// ("https://board.example.com"); with none, only from the host the request
// was sent to. Requests without an Origin header come from non-browser
// clients, which cross-site websocket hijacking cannot involve.
func NewWebsockets(allowedOrigins []string) *Websockets {
	allowed := make([]string, 0, len(allowedOrigins))
	for _, o := range allowedOrigins {
		allowed = append(allowed, strings.ToLower(strings.TrimRight(o, "/")))
	}
	w := &Websockets{conns: map[*wsConn]struct{}{}}
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
	if len(allowed) > 0 {
		return slices.Contains(allowed, strings.ToLower(origin))
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
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
func (w *Websockets) Transport() transport.Websocket {
	return transport.Websocket{
		InitFunc:         w.init,
		Implementation:   w,
		InitTimeout:      wsInitTimeout,
		PingPongInterval: wsPingPongInterval,
		// The legacy protocol's keep-alive, for graphql-ws clients.
		KeepAlivePingInterval: wsPingPongInterval,
		PayloadReadLimit:      ptrTo(int64(wsReadLimit)),
	}
}

func ptrTo[T any](v T) *T { return &v }

// Accept implements transport.WebsocketImplementation.
func (w *Websockets) Accept(rw http.ResponseWriter, r *http.Request, opts transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return nil, errors.New("server shutting down")
	}
	c, err := w.upgrader.Upgrade(hijacker(rw), r, opts.ResponseHeader)
	if err != nil {
		return nil, err
	}
	// The HTTP server's read and write timeouts stay on a hijacked
	// connection; from here the transport sets its own deadlines (init
	// timeout, ping/pong, a deadline before every write).
	_ = c.NetConn().SetDeadline(time.Time{})
	conn := &wsConn{c: c, owner: w}
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
type wsConn struct {
	c     *websocket.Conn
	owner *Websockets
	mu    sync.Mutex
	once  sync.Once
}

var (
	_ transport.WebsocketConn          = (*wsConn)(nil)
	_ transport.WebsocketReadLimiter   = (*wsConn)(nil)
	_ transport.WebsocketReadDeadliner = (*wsConn)(nil)
)

func (c *wsConn) NextReader() (int, io.Reader, error) {
	t, r, err := c.c.NextReader()
	if websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseNoStatusReceived, websocket.CloseGoingAway) {
		return t, nil, transport.ErrWebsocketClosed
	}
	return t, r, err
}

func (c *wsConn) WriteJSON(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.c.SetWriteDeadline(time.Now().Add(wsWriteWait)); err != nil {
		return err
	}
	return c.c.WriteJSON(v)
}

func (c *wsConn) WriteClose(code int, reason string) error {
	// A close reason is at most 123 bytes.
	if len(reason) > 123 {
		reason = reason[:123]
	}
	// gorilla allows WriteControl beside a running write, so a close is
	// not held up behind a write to a stalled client.
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

func (c *wsConn) SetReadLimit(limit int64) { c.c.SetReadLimit(limit) }

func (c *wsConn) SetReadDeadline(t time.Time) error { return c.c.SetReadDeadline(t) }
