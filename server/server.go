// Package server is Channelboard's HTTP edge: routing, timeouts, request
// limits and logs, health and readiness probes, Prometheus metrics, the
// GraphQL endpoint and the embedded single-page app. It holds no business
// rules and no SQL; it imports the graph, store and frontend packages and is
// imported only by cmd/channelboard.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/uptrace/bun"
)

// Config is what the HTTP server needs to know; cmd/channelboard fills it.
type Config struct {
	Addr string
	// MaxBodyBytes caps a request body; a GraphQL request is small.
	MaxBodyBytes int64
	// Version is reported by /healthz.
	Version string
	// TrustedOrigins are other origins ("https://board.example.com") whose
	// pages may send state-changing requests (POST) here; the server's own
	// origin always may. The websocket has its own list (graph.NewWebsockets).
	TrustedOrigins []string
	// MaxInFlight bounds the API requests served at once (default
	// DefaultMaxInFlight); QueueWait is how long one beyond it waits for a
	// turn before it is answered 503 OVERLOADED (default DefaultQueueWait).
	MaxInFlight int
	QueueWait   time.Duration
}

// Deps are the parts the server routes to.
type Deps struct {
	DB      *bun.DB
	GraphQL http.Handler
	// App serves the single-page app; unknown paths fall back to index.html.
	App http.Handler
	// Ready reports whether the service can take traffic (database reachable,
	// migrations applied). Nil means always ready.
	Ready func(ctx context.Context) error
	// Auth serves /auth/ and puts the signed-in viewer in each request's
	// context; nil serves no sign-in.
	Auth *Auth
	// RateLimit limits requests per viewer or address; nil is unlimited.
	RateLimit *RateLimiter
	// Export serves /export/*.csv; nil serves none.
	Export http.Handler
	// Import serves POST /import/{kind} (ImportHandler); nil serves none.
	Import http.Handler
	Logger *slog.Logger
	// Collectors are more metrics for /metrics (the GraphQL operations'
	// latency, graph.OperationMetrics).
	Collectors []prometheus.Collector
}

// Server is a configured HTTP server; Start it, then Shutdown it.
type Server struct {
	cfg      Config
	deps     Deps
	http     *http.Server
	listener net.Listener
	registry *prometheus.Registry
	metrics  *httpMetrics
	admit    *admission
}

// New builds the server and its routes. It does not listen yet.
func New(cfg Config, deps Deps) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	s := &Server{cfg: cfg, deps: deps, registry: prometheus.NewRegistry()}
	s.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if deps.DB != nil {
		s.registry.MustRegister(collectors.NewDBStatsCollector(deps.DB.DB, "channelboard"))
	}
	s.registry.MustRegister(deps.Collectors...)
	s.metrics = newHTTPMetrics(s.registry)
	s.admit = newAdmission(s.registry, cfg.MaxInFlight, cfg.QueueWait)

	s.http = &http.Server{
		Handler: s.routes(),
		// Every phase of a connection has a deadline, so a slow or stuck
		// client cannot hold a goroutine and a socket forever.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(deps.Logger.Handler(), slog.LevelWarn),
	}
	return s
}

// Handler is the full routing tree, for tests with httptest.
func (s *Server) Handler() http.Handler { return s.http.Handler }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	limited := func(h http.Handler) http.Handler {
		if s.deps.RateLimit != nil {
			return s.deps.RateLimit.Middleware(h)
		}
		return h
	}
	mux.Handle("/graphql", s.instrument("graphql", apiHeaders(limited(s.admit.Middleware(s.limitBody(s.deps.GraphQL))))))
	if s.deps.Auth != nil {
		mux.Handle("/auth/", s.instrument("auth", apiHeaders(limited(s.limitBody(s.deps.Auth.Handler())))))
	}
	if s.deps.Export != nil {
		mux.Handle("GET /export/{file}", s.instrument("export", apiHeaders(limited(s.deps.Export))))
	}
	if s.deps.Import != nil {
		// Its own body cap (MaxImportBytes): a file is no GraphQL request.
		mux.Handle("POST /import/{kind}", s.instrument("import", apiHeaders(limited(s.deps.Import))))
	}
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /readyz", s.handleReady)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{Registry: s.registry}))
	mux.Handle("GET /debug/pprof/", debugHandler())
	if s.deps.App != nil {
		mux.Handle("/", s.instrument("app", s.deps.App))
	}
	var h http.Handler = mux
	if s.deps.Auth != nil {
		h = s.deps.Auth.Middleware(h)
	}
	return s.logRequests(securityHeaders(s.crossOrigin().Handler(h)))
}

// crossOrigin refuses a state-changing request (anything but GET, HEAD,
// OPTIONS) that a browser sent from another site (Sec-Fetch-Site, else
// Origin against Host): a cross-site form or fetch riding on the session
// cookie. Requests without those headers come from non-browser clients
// and pass. A websocket handshake is a GET and passes too, so the
// websocket checks its Origin itself (graph.NewWebsockets).
func (s *Server) crossOrigin() *http.CrossOriginProtection {
	c := http.NewCrossOriginProtection()
	for _, o := range s.cfg.TrustedOrigins {
		if err := c.AddTrustedOrigin(o); err != nil {
			s.deps.Logger.Warn("ignoring a malformed trusted origin", "origin", o, "err", err)
		}
	}
	c.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"errors":[{"message":"cross-origin request refused","extensions":{"code":"FORBIDDEN"}}]}`))
	}))
	return c
}

// securityHeaders go on every response: no MIME sniffing (a JSON or CSV
// answer is never run as a script or page), no referrer beyond our own
// origin, and no framing by any site (clickjacking). The app's page adds
// its Content-Security-Policy (app.go).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// apiHeaders go on API answers (GraphQL, sign-in, exports), which are
// data, never a page: a policy that lets nothing load or frame, and no
// caching of what one signed-in user was shown. A handler may override
// Cache-Control (exports set their own).
func apiHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// Start listens on cfg.Addr (":0" picks a free port) and serves in the
// background. Addr reports the bound address.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	s.listener = ln
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.deps.Logger.Error("http server stopped", "err", err)
		}
	}()
	return nil
}

// Addr is the address the server listens on, once started.
func (s *Server) Addr() string {
	if s.listener == nil {
		return s.cfg.Addr
	}
	return s.listener.Addr().String()
}

// Shutdown stops taking new connections and waits for requests in flight.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.http.Shutdown(ctx)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"status":"ok","version":"` + s.cfg.Version + `"}`))
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if s.deps.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.deps.Ready(ctx); err != nil {
			s.deps.Logger.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(`{"status":"unavailable"}`))
			return
		}
	}
	_, _ = w.Write([]byte(`{"status":"ready"}`))
}

// limitBody caps the request body so a huge POST cannot exhaust memory.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.cfg.MaxBodyBytes {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			_, _ = w.Write([]byte(`{"errors":[{"message":"request body too large","extensions":{"code":"BAD_USER_INPUT"}}]}`))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		next.ServeHTTP(w, r)
	})
}
