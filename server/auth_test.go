package server

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

// The server's tests that need a database share the storetest cluster,
// stopped when they end.
func TestMain(m *testing.M) { storetest.Main(m) }

const authPassword = "a long enough password"

type authEnv struct {
	st      *store.Store
	handler http.Handler
	now     time.Time
}

// newAuthEnv serves /auth/ and a probe at /whoami behind the middleware,
// as the lead's routes will.
func newAuthEnv(t *testing.T) *authEnv {
	t.Helper()
	env := &authEnv{st: store.New(storetest.NewDB(t)), now: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
	env.st.SetClock(func() time.Time { return env.now })
	ctx := context.Background()
	if _, err := env.st.CreateUser(ctx, store.UserCreate{Email: "analyst@example.com", Role: channel.RoleAnalyst, Password: authPassword}); err != nil {
		t.Fatal(err)
	}
	a := NewAuth(env.st, nil)
	mux := http.NewServeMux()
	mux.Handle("/auth/", a.Handler())
	mux.HandleFunc("/whoami", func(w http.ResponseWriter, r *http.Request) {
		v, ok := channel.ViewerFrom(r.Context())
		if !ok {
			_, _ = io.WriteString(w, "anonymous")
			return
		}
		_, _ = io.WriteString(w, v.Email+" "+string(v.Role))
	})
	env.handler = a.Middleware(mux)
	return env
}

func (e *authEnv) do(r *http.Request) *http.Response {
	w := httptest.NewRecorder()
	e.handler.ServeHTTP(w, r)
	return w.Result()
}

func loginPost(target, email, password string) *http.Request {
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(string(body)))
	r.Header.Set("Content-Type", "application/json")
	return r
}

func errorCode(t *testing.T, res *http.Response) string {
	t.Helper()
	var body struct {
		Errors []struct {
			Message    string            `json:"message"`
			Extensions map[string]string `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || len(body.Errors) != 1 {
		t.Fatalf("not a GraphQL-shaped error: %v %+v", err, body)
	}
	return body.Errors[0].Extensions["code"]
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLoginCookie(t *testing.T) {
	env := newAuthEnv(t)
	cases := []struct {
		name       string
		target     string
		tls, proxy bool
		wantName   string
		wantSecure bool
	}{
		{"plain http on loopback", "http://127.0.0.1:8080/auth/login", false, false, SessionCookie, true},
		{"plain http on localhost", "http://localhost:8080/auth/login", false, false, SessionCookie, true},
		{"TLS", "https://board.example.com/auth/login", true, false, SessionCookie, true},
		{"behind a TLS proxy", "http://board.example.com/auth/login", false, true, SessionCookie, true},
		{"plain http elsewhere", "http://board.example.com/auth/login", false, false, InsecureSessionCookie, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := loginPost(c.target, "Analyst@Example.com", authPassword)
			if c.tls {
				r.TLS = &tls.ConnectionState{}
			}
			if c.proxy {
				r.Header.Set("X-Forwarded-Proto", "https")
			}
			res := env.do(r)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", res.StatusCode, body(t, res))
			}
			cookies := res.Cookies()
			if len(cookies) != 1 {
				t.Fatalf("cookies %v", cookies)
			}
			ck := cookies[0]
			if ck.Name != c.wantName || ck.Secure != c.wantSecure || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode ||
				ck.Path != "/" || ck.Domain != "" || ck.MaxAge != 7*24*3600 || len(ck.Value) != 43 {
				t.Fatalf("cookie %+v", ck)
			}
			if res.Header.Get("Cache-Control") != "no-store" {
				t.Fatal("sign-in answer may be cached")
			}
			var got struct {
				User struct {
					Email, Role string
				}
			}
			if err := json.NewDecoder(res.Body).Decode(&got); err != nil || got.User.Email != "analyst@example.com" || got.User.Role != "ANALYST" {
				t.Fatalf("body %+v %v", got, err)
			}

			// The cookie authenticates the next request, then logout ends it.
			me := httptest.NewRequest(http.MethodGet, "/whoami", nil)
			me.AddCookie(ck)
			if got := body(t, env.do(me)); got != "analyst@example.com ANALYST" {
				t.Fatalf("whoami: %q", got)
			}
			out := httptest.NewRequest(http.MethodPost, "/auth/logout", nil)
			out.AddCookie(ck)
			res = env.do(out)
			if res.StatusCode != http.StatusNoContent || len(res.Cookies()) != 1 || res.Cookies()[0].MaxAge >= 0 {
				t.Fatalf("logout: %d %v", res.StatusCode, res.Cookies())
			}
			me = httptest.NewRequest(http.MethodGet, "/auth/me", nil)
			me.AddCookie(ck)
			if res := env.do(me); res.StatusCode != http.StatusUnauthorized || errorCode(t, res) != channel.EUnauthenticated {
				t.Fatalf("me after logout: %d", res.StatusCode)
			}
		})
	}
}

func TestLoginFailures(t *testing.T) {
	env := newAuthEnv(t)
	// Wrong password and unknown account read the same.
	for _, email := range []string{"analyst@example.com", "nobody@example.com"} {
		res := env.do(loginPost("/auth/login", email, "wrong password, long enough"))
		if res.StatusCode != http.StatusUnauthorized || len(res.Cookies()) != 0 {
			t.Fatalf("%s: %d %v", email, res.StatusCode, res.Cookies())
		}
		var b struct {
			Errors []struct{ Message string } `json:"errors"`
		}
		if err := json.NewDecoder(res.Body).Decode(&b); err != nil || b.Errors[0].Message != "email or password is wrong" {
			t.Fatalf("%s: %+v %v", email, b, err)
		}
	}
	// A form post is refused: only JSON is accepted.
	r := httptest.NewRequest(http.MethodPost, "/auth/login", strings.NewReader("email=a&password=b"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res := env.do(r); res.StatusCode != http.StatusUnsupportedMediaType || errorCode(t, res) != channel.EInvalid {
		t.Fatalf("form login: %d", res.StatusCode)
	}
	for _, raw := range []string{"{", `{"email":"a","password":"b","role":"DIRECTOR"}`, strings.Repeat("x", maxLoginBody+1)} {
		r := httptest.NewRequest(http.MethodPost, "/auth/login", strings.NewReader(raw))
		r.Header.Set("Content-Type", "application/json")
		if res := env.do(r); res.StatusCode != http.StatusBadRequest || errorCode(t, res) != channel.EInvalid {
			t.Fatalf("body %.20q: %d", raw, res.StatusCode)
		}
	}
	// GET is not a sign-in.
	if res := env.do(httptest.NewRequest(http.MethodGet, "/auth/login", nil)); res.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET login: %d", res.StatusCode)
	}

	// After the free failures the account is throttled: 429, Retry-After.
	var res *http.Response
	for range 3 {
		res = env.do(loginPost("/auth/login", "analyst@example.com", "wrong password, long enough"))
	}
	res = env.do(loginPost("/auth/login", "analyst@example.com", authPassword))
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "1" || errorCode(t, res) != channel.ERateLimited {
		t.Fatalf("throttled login: %d %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	env.now = env.now.Add(time.Second)
	if res := env.do(loginPost("/auth/login", "analyst@example.com", authPassword)); res.StatusCode != http.StatusOK {
		t.Fatalf("after the wait: %d", res.StatusCode)
	}
}

func TestBearerToken(t *testing.T) {
	env := newAuthEnv(t)
	ctx := context.Background()
	u, err := env.st.UserByEmail(ctx, "analyst@example.com")
	if err != nil {
		t.Fatal(err)
	}
	tok, err := env.st.CreateToken(ctx, store.TokenCreate{UserID: u.ID, Name: "ci"})
	if err != nil {
		t.Fatal(err)
	}
	whoami := func(auth string) *http.Response {
		r := httptest.NewRequest(http.MethodGet, "/whoami", nil)
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		return env.do(r)
	}
	if got := body(t, whoami("Bearer "+tok.Secret)); got != "analyst@example.com ANALYST" {
		t.Fatalf("bearer: %q", got)
	}
	if got := body(t, whoami("bearer "+tok.Secret)); got != "analyst@example.com ANALYST" {
		t.Fatalf("lower-case scheme: %q", got)
	}
	if got := body(t, whoami("")); got != "anonymous" {
		t.Fatalf("no credentials: %q", got)
	}
	// A bad token is refused outright rather than treated as anonymous.
	for _, h := range []string{"Bearer cb_nope", "Basic YTpi", "Bearer", "Bearer " + tok.Secret[:20]} {
		if res := whoami(h); res.StatusCode != http.StatusUnauthorized || errorCode(t, res) != channel.EUnauthenticated {
			t.Errorf("%q: %d", h, res.StatusCode)
		}
	}
	if _, err := env.st.RevokeToken(ctx, tok.Token.Prefix); err != nil {
		t.Fatal(err)
	}
	if res := whoami("Bearer " + tok.Secret); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("revoked token: %d", res.StatusCode)
	}
	// A stale cookie is ignored and cleared, not an error.
	r := httptest.NewRequest(http.MethodGet, "/whoami", nil)
	r.AddCookie(&http.Cookie{Name: SessionCookie, Value: "stale"})
	res := env.do(r)
	if got := body(t, res); got != "anonymous" || len(res.Cookies()) != 1 || res.Cookies()[0].MaxAge >= 0 {
		t.Fatalf("stale cookie: %q %v", got, res.Cookies())
	}
}

func TestRateLimiter(t *testing.T) {
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	l := NewRateLimiter(2, 3)
	l.SetClock(func() time.Time { return now })
	h := l.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }))
	call := func(addr string, v *channel.Viewer) *http.Response {
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		r.RemoteAddr = addr
		if v != nil {
			r = r.WithContext(channel.WithViewer(r.Context(), *v))
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
	for i := range 3 {
		if res := call("192.0.2.1:5000", nil); res.StatusCode != http.StatusOK {
			t.Fatalf("burst request %d: %d", i+1, res.StatusCode)
		}
	}
	res := call("192.0.2.1:5001", nil)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "1" || errorCode(t, res) != channel.ERateLimited {
		t.Fatalf("over the limit: %d %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	// Another address and a signed-in user (even from the same address)
	// have buckets of their own.
	if res := call("192.0.2.2:5000", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("other address: %d", res.StatusCode)
	}
	v := channel.Viewer{UserID: 9, Role: channel.RoleAnalyst}
	if res := call("192.0.2.1:5000", &v); res.StatusCode != http.StatusOK {
		t.Fatalf("signed-in user: %d", res.StatusCode)
	}
	// Half a second refills one request at 2 per second.
	now = now.Add(500 * time.Millisecond)
	if res := call("192.0.2.1:5000", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("after refill: %d", res.StatusCode)
	}
	if res := call("192.0.2.1:5000", nil); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("refill gave more than one: %d", res.StatusCode)
	}
	// Idle buckets are dropped.
	now = now.Add(time.Hour)
	call("192.0.2.3:1", nil)
	if n := len(l.buckets); n != 1 {
		t.Fatalf("%d buckets kept after an idle hour, want 1", n)
	}
}
