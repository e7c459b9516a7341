package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"golang.org/x/time/rate"

	"channelboard/channel"
	"channelboard/store"
)

// Session cookie names. "__Host-" makes the browser refuse the cookie
// unless it is Secure, has Path=/ and no Domain, so no sub-domain or
// plain-http page can plant or overwrite it. Browsers accept Secure
// cookies from http://localhost and http://127.0.0.1 (both are
// "potentially trustworthy" origins; checked with Chromium 156), so the
// prefixed name is used there too; only plain http on any other host falls
// back to the unprefixed name without Secure, which the browser would drop.
const (
	SessionCookie         = "__Host-channelboard_session"
	InsecureSessionCookie = "channelboard_session"
)

// maxLoginBody bounds a sign-in request: an e-mail and a password.
const maxLoginBody = 8 << 10

// Auth serves sign-in, sign-out and "who am I", and authenticates every
// request from its session cookie or bearer token.
type Auth struct {
	st  *store.Store
	log *slog.Logger
}

// NewAuth returns the authentication endpoints and middleware over st.
func NewAuth(st *store.Store, logger *slog.Logger) *Auth {
	if logger == nil {
		logger = slog.Default()
	}
	return &Auth{st: st, log: logger}
}

// Handler serves POST /auth/login, POST /auth/logout and GET /auth/me.
// Mount it at "/auth/" behind Middleware.
func (a *Auth) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /auth/login", a.login)
	mux.HandleFunc("POST /auth/logout", a.logout)
	mux.HandleFunc("GET /auth/me", a.me)
	return mux
}

// Authenticate is Auth.Middleware for callers that hold only the store.
func Authenticate(st *store.Store) func(http.Handler) http.Handler {
	return NewAuth(st, nil).Middleware
}

// Middleware puts the request's channel.Viewer in its context: from an
// "Authorization: Bearer" API token, else from the session cookie. A
// request with neither passes on without a viewer, and the GraphQL layer
// decides what an anonymous request may do. A bearer token that is wrong,
// expired or revoked is refused with 401 at once: an integration must
// learn that its token is bad rather than quietly see nothing. A stale
// cookie is only ignored (and cleared), as a browser cannot help sending
// it.
func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, token, _ := strings.Cut(h, " ")
			if !strings.EqualFold(scheme, "Bearer") || token == "" {
				writeError(w, http.StatusUnauthorized, channel.EUnauthenticated, "the Authorization header must be: Bearer <token>")
				return
			}
			secret := strings.TrimSpace(token)
			v, err := a.st.TokenViewer(r.Context(), secret)
			if err != nil {
				a.fail(w, r, err)
				return
			}
			ctx := channel.WithViewer(r.Context(), v)
			ctx = channel.WithRecheck(ctx, func(ctx context.Context) error {
				_, err := a.st.TokenViewer(ctx, secret)
				return err
			})
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		if token := sessionToken(r); token != "" {
			v, err := a.st.SessionViewer(r.Context(), token)
			switch {
			case err == nil:
				ctx := channel.WithViewer(r.Context(), v)
				ctx = channel.WithRecheck(ctx, func(ctx context.Context) error {
					_, err := a.st.SessionViewer(ctx, token)
					return err
				})
				r = r.WithContext(ctx)
			case channel.ErrorCode(err) == channel.EUnauthenticated:
				clearSessionCookie(w, r)
			default:
				a.fail(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// sessionToken reads the session cookie under either name.
func sessionToken(r *http.Request) string {
	for _, name := range []string{SessionCookie, InsecureSessionCookie} {
		if c, err := r.Cookie(name); err == nil && c.Value != "" {
			return c.Value
		}
	}
	return ""
}

// secureRequest reports whether the browser reached us over TLS, directly
// or through a proxy that terminated it.
func secureRequest(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// loopbackHost reports whether the browser addressed us as localhost or a
// loopback IP, where browsers accept Secure cookies over plain http.
func loopbackHost(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sessionCookie builds the cookie for a session token; maxAge < 0 clears.
func sessionCookie(r *http.Request, value string, maxAge int) *http.Cookie {
	c := &http.Cookie{
		Name:     SessionCookie,
		Value:    value,
		Path:     "/",
		MaxAge:   maxAge,
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	}
	if !secureRequest(r) && !loopbackHost(r) {
		c.Name, c.Secure = InsecureSessionCookie, false
	}
	return c
}

func clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, sessionCookie(r, "", -1))
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// userJSON is what /auth/login and /auth/me say about the viewer.
type userJSON struct {
	ID     int64       `json:"id"`
	Email  string      `json:"email"`
	Role   string      `json:"role"`
	Dealer *dealerJSON `json:"dealer"`
}

type dealerJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

func viewerJSON(v channel.Viewer) userJSON {
	u := userJSON{ID: v.UserID, Email: v.Email, Role: string(v.Role)}
	if v.DealerID != 0 {
		u.Dealer = &dealerJSON{ID: v.DealerID, Name: v.DealerName}
	}
	return u
}

func (a *Auth) login(w http.ResponseWriter, r *http.Request) {
	// Only JSON: a cross-site HTML form cannot send it without a CORS
	// preflight, which we never grant.
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, channel.EInvalid, "send the credentials as application/json")
		return
	}
	var in loginRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxLoginBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, channel.EInvalid, "the body must be {\"email\": …, \"password\": …}")
		return
	}
	s, err := a.st.Login(r.Context(), store.Login{Email: in.Email, Password: in.Password, Address: clientAddress(r), UserAgent: r.UserAgent()})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.log.Info("signed in", "op", "auth.login", "user_id", s.User.ID, "role", s.User.Role)
	http.SetCookie(w, sessionCookie(r, s.Token, int(store.SessionMaxAge/time.Second)))
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{"user": viewerJSON(s.User.Viewer())})
}

func (a *Auth) logout(w http.ResponseWriter, r *http.Request) {
	if err := a.st.Logout(r.Context(), sessionToken(r)); err != nil {
		a.fail(w, r, err)
		return
	}
	clearSessionCookie(w, r)
	w.WriteHeader(http.StatusNoContent)
}

func (a *Auth) me(w http.ResponseWriter, r *http.Request) {
	v, ok := channel.ViewerFrom(r.Context())
	if !ok {
		writeError(w, http.StatusUnauthorized, channel.EUnauthenticated, "not signed in")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{"user": viewerJSON(v)})
}

// fail answers with the error's code; internal errors are logged and
// answered generically.
func (a *Auth) fail(w http.ResponseWriter, r *http.Request, err error) {
	var th *store.ThrottledError
	switch code := channel.ErrorCode(err); {
	case errors.As(err, &th):
		w.Header().Set("Retry-After", strconv.Itoa(int((th.RetryAfter+time.Second-1)/time.Second)))
		writeError(w, http.StatusTooManyRequests, channel.ERateLimited, channel.ErrorMessage(err))
	case code == channel.EUnauthenticated:
		writeError(w, http.StatusUnauthorized, code, channel.ErrorMessage(err))
	case code == channel.EInternal:
		a.log.Error("auth", "op", "auth", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, code, channel.ErrorMessage(err))
	default:
		writeError(w, http.StatusBadRequest, code, channel.ErrorMessage(err))
	}
}

// writeError answers in GraphQL's error shape, so clients read one format
// from every endpoint.
func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"errors": []map[string]any{{"message": message, "extensions": map[string]string{"code": code}}}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// clientAddress is the peer's IP. X-Forwarded-For is not trusted: anyone
// can send it, and it would let a guesser pick a fresh address per try.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// RateLimiter limits requests per principal: per user when the request
// is authenticated (session or token), else per client address. Each key
// has a token bucket refilled at PerSecond up to Burst.
type RateLimiter struct {
	perSecond rate.Limit
	burst     int
	now       func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// bucketIdle is how long an unused bucket is kept; by then it is full
// again, so dropping it changes nothing.
const bucketIdle = 10 * time.Minute

// NewRateLimiter returns a limiter of perSecond requests per key with
// bursts of burst.
func NewRateLimiter(perSecond float64, burst int) *RateLimiter {
	return &RateLimiter{perSecond: rate.Limit(perSecond), burst: burst, now: time.Now, buckets: map[string]*bucket{}}
}

// SetClock replaces the limiter's clock, for tests.
func (l *RateLimiter) SetClock(now func() time.Time) { l.now = now }

// Allow takes one request from key's bucket, or says how long to wait.
func (l *RateLimiter) Allow(key string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > bucketIdle {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > bucketIdle {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(l.perSecond, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	res := b.lim.ReserveN(now, 1)
	if !res.OK() {
		return false, time.Second
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d
	}
	return true, 0
}

// Middleware answers 429 RATE_LIMITED, with Retry-After, to a principal
// over its rate. Put it after the authentication middleware, so signed-in
// users are limited per user, not per shared office address.
func (l *RateLimiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := "address:" + clientAddress(r)
		if v, ok := channel.ViewerFrom(r.Context()); ok {
			key = "user:" + strconv.FormatInt(v.UserID, 10)
		}
		if ok, wait := l.Allow(key); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
			writeError(w, http.StatusTooManyRequests, channel.ERateLimited, "too many requests; slow down")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// WebsocketInit checks a websocket's connection_init (graph.Websockets'
// Authenticate): a connection whose handshake already carried a session
// cookie or bearer token keeps that viewer; otherwise the payload's
// "Authorization": "Bearer <token>" names it, as browsers cannot set
// headers on a websocket. Without either the connection is refused (4403),
// as every operation would be.
func (a *Auth) WebsocketInit(ctx context.Context, payload transport.InitPayload) (context.Context, error) {
	if _, ok := channel.ViewerFrom(ctx); ok {
		return ctx, nil
	}
	scheme, secret, _ := strings.Cut(payload.Authorization(), " ")
	secret = strings.TrimSpace(secret)
	if !strings.EqualFold(scheme, "Bearer") || secret == "" {
		return ctx, channel.Errorf(channel.EUnauthenticated, "sign in first: a session cookie, or Authorization: Bearer <token> in connection_init")
	}
	v, err := a.st.TokenViewer(ctx, secret)
	if err != nil {
		return ctx, err
	}
	ctx = channel.WithViewer(ctx, v)
	return channel.WithRecheck(ctx, func(ctx context.Context) error {
		_, err := a.st.TokenViewer(ctx, secret)
		return err
	}), nil
}
