package store_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

const testPassword = "a long enough password"

// clock is the fake clock the auth tests move by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

type authFixture struct {
	st    *store.Store
	clk   *clock
	ctx   context.Context
	admin channel.User
}

func newAuthFixture(t *testing.T) *authFixture {
	t.Helper()
	f := &authFixture{st: store.New(storetest.NewDB(t)), clk: &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}, ctx: context.Background()}
	f.st.SetClock(f.clk.now)
	f.admin = must(f.st.CreateUser(f.ctx, store.UserCreate{Email: " Director@Example.com ", Role: channel.RoleDirector, Password: testPassword}))(t)
	return f
}

func TestCreateUser(t *testing.T) {
	f := newAuthFixture(t)
	if f.admin.Email != "director@example.com" || f.admin.Role != channel.RoleDirector || !f.admin.HasPassword || f.admin.DealerID != 0 {
		t.Fatalf("created %+v", f.admin)
	}
	var phc string
	if err := f.st.DB().NewRaw(`SELECT password_hash FROM users WHERE id = ?`, f.admin.ID).Scan(f.ctx, &phc); err != nil {
		t.Fatal(err)
	}
	h, err := channel.ParsePasswordHash(phc)
	if err != nil || h.Memory != 19456 || h.Time != 2 || h.Threads != 1 || len(h.Salt) != 16 {
		t.Fatalf("stored hash %q: %+v %v", phc, h, err)
	}
	if strings.Contains(phc, testPassword) {
		t.Fatal("password stored in the clear")
	}

	// E-mail is unique case-insensitively.
	_, err = f.st.CreateUser(f.ctx, store.UserCreate{Email: "DIRECTOR@example.com", Role: channel.RoleManager})
	wantErr(t, err, channel.EConflict, "")

	// A dealer user needs a dealer; others may not have one.
	_, err = f.st.CreateUser(f.ctx, store.UserCreate{Email: "d@example.com", Role: channel.RoleDealer})
	wantErr(t, err, channel.EInvalid, "dealer")
	_, err = f.st.CreateUser(f.ctx, store.UserCreate{Email: "d@example.com", Role: channel.RoleDealer, DealerCode: "NOPE"})
	wantErr(t, err, channel.EInvalid, "dealer")

	fx := newFixture(t)
	du := must(fx.st.CreateUser(fx.ctx, store.UserCreate{Email: "dealer-bg-01@example.com", Role: channel.RoleDealer, DealerCode: "bg-01", Password: testPassword}))(t)
	if du.DealerID != fx.dist.ID || du.DealerCode != "BG-01" || du.DealerName != "Balkan Pumps" {
		t.Fatalf("dealer user %+v", du)
	}
	_, err = fx.st.CreateUser(fx.ctx, store.UserCreate{Email: "m@example.com", Role: channel.RoleManager, DealerID: fx.dist.ID})
	wantErr(t, err, channel.EInvalid, "dealer")

	// Bad input.
	for _, in := range []store.UserCreate{
		{Email: "not-an-email", Role: channel.RoleAnalyst},
		{Email: "a@b@example.com", Role: channel.RoleAnalyst},
		{Email: "x@example.com", Role: "ROOT"},
		{Email: "x@example.com", Role: channel.RoleAnalyst, Password: "short"},
	} {
		if _, err := f.st.CreateUser(f.ctx, in); channel.ErrorCode(err) != channel.EInvalid {
			t.Errorf("%+v: got %v, want BAD_USER_INPUT", in, err)
		}
	}
	// A token-only user has no password.
	tok := must(f.st.CreateUser(f.ctx, store.UserCreate{Email: "etl@example.com", Role: channel.RoleAnalyst}))(t)
	if tok.HasPassword {
		t.Fatal("token-only user has a password")
	}
}

func TestLogin(t *testing.T) {
	f := newAuthFixture(t)
	got, err := f.st.Login(f.ctx, store.Login{Email: "DIRECTOR@example.com", Password: testPassword, Address: "10.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	if got.User.ID != f.admin.ID || len(got.Token) != 43 || got.Session.ExpiresAt != f.clk.t.Add(7*24*time.Hour) {
		t.Fatalf("login gave %+v", got)
	}
	v, err := f.st.SessionViewer(f.ctx, got.Token)
	if err != nil || v.UserID != f.admin.ID || v.Role != channel.RoleDirector {
		t.Fatalf("viewer %+v %v", v, err)
	}
	// The database keeps only the hash of the token.
	var n int
	if err := f.st.DB().NewRaw(`SELECT count(*) FROM sessions WHERE encode(id, 'escape') LIKE ?`, "%"+got.Token+"%").Scan(f.ctx, &n); err != nil || n != 0 {
		t.Fatalf("token found in the clear: %d %v", n, err)
	}

	// Every failure reads the same, whatever its cause.
	disabled := must(f.st.CreateUser(f.ctx, store.UserCreate{Email: "gone@example.com", Role: channel.RoleManager, Password: testPassword}))(t)
	if err := f.st.SetUserDisabled(f.ctx, disabled.ID, true); err != nil {
		t.Fatal(err)
	}
	must(f.st.CreateUser(f.ctx, store.UserCreate{Email: "etl@example.com", Role: channel.RoleAnalyst}))(t)
	for _, in := range []store.Login{
		{Email: "director@example.com", Password: "wrong password, long enough"},
		{Email: "nobody@example.com", Password: testPassword},
		{Email: "gone@example.com", Password: testPassword},
		{Email: "etl@example.com", Password: ""},
		{Email: "", Password: ""},
	} {
		in.Address = "10.0.0.2"
		_, err := f.st.Login(f.ctx, in)
		if !errors.Is(err, store.ErrWrongCredentials) || channel.ErrorMessage(err) != "email or password is wrong" {
			t.Errorf("%s: got %v", in.Email, err)
		}
	}
}

func TestLoginThrottle(t *testing.T) {
	f := newAuthFixture(t)
	wrong := store.Login{Email: "director@example.com", Password: "wrong password, long enough", Address: "10.0.0.1"}
	right := wrong
	right.Password = testPassword

	// Three failures are free.
	for i := range 3 {
		if _, err := f.st.Login(f.ctx, wrong); !errors.Is(err, store.ErrWrongCredentials) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
	}
	// Then each failure makes the next attempt wait twice as long:
	// 1 s, 2 s, 4 s … capped at 30 s. A throttled attempt is refused
	// without checking the password, even the right one.
	var waits []time.Duration
	for range 7 {
		if _, err := f.st.Login(f.ctx, wrong); !errors.Is(err, store.ErrWrongCredentials) {
			t.Fatalf("after waiting: %v", err)
		}
		_, err := f.st.Login(f.ctx, right)
		var th *store.ThrottledError
		if !errors.As(err, &th) || channel.ErrorCode(err) != channel.ERateLimited {
			t.Fatalf("not throttled: %v", err)
		}
		waits = append(waits, th.RetryAfter)
		f.clk.advance(th.RetryAfter)
	}
	want := []time.Duration{1, 2, 4, 8, 16, 30, 30}
	for i := range want {
		if waits[i] != want[i]*time.Second {
			t.Fatalf("waits %v, want %v seconds", waits, want)
		}
	}
	// The right password after the wait signs in and clears the account.
	if _, err := f.st.Login(f.ctx, right); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Login(f.ctx, wrong); !errors.Is(err, store.ErrWrongCredentials) {
		t.Fatalf("counter not cleared: %v", err)
	}
}

func TestLoginThrottlePerAddress(t *testing.T) {
	f := newAuthFixture(t)
	// One address guessing across many accounts: ten failures are free,
	// then it waits, whatever account it tries next.
	for i := range 10 {
		in := store.Login{Email: "user" + string(rune('a'+i)) + "@example.com", Password: "x", Address: "192.0.2.7"}
		if _, err := f.st.Login(f.ctx, in); !errors.Is(err, store.ErrWrongCredentials) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
	}
	if _, err := f.st.Login(f.ctx, store.Login{Email: "someone@example.com", Password: "x", Address: "192.0.2.7"}); !errors.Is(err, store.ErrWrongCredentials) {
		t.Fatalf("11th: %v", err)
	}
	_, err := f.st.Login(f.ctx, store.Login{Email: "director@example.com", Password: testPassword, Address: "192.0.2.7"})
	var th *store.ThrottledError
	if !errors.As(err, &th) || th.RetryAfter != time.Second {
		t.Fatalf("address not throttled: %v", err)
	}
	// Another address is not affected.
	if _, err := f.st.Login(f.ctx, store.Login{Email: "director@example.com", Password: testPassword, Address: "198.51.100.1"}); err != nil {
		t.Fatal(err)
	}
	// Failures an hour old are forgotten.
	f.clk.advance(time.Hour)
	if _, err := f.st.Login(f.ctx, store.Login{Email: "director@example.com", Password: testPassword, Address: "192.0.2.7"}); err != nil {
		t.Fatalf("after an hour: %v", err)
	}
}

func TestLoginDelay(t *testing.T) {
	for failures, want := range map[int]time.Duration{0: 0, 3: 0, 4: time.Second, 5: 2 * time.Second, 8: 16 * time.Second, 9: 30 * time.Second, 1000: 30 * time.Second} {
		if got := store.LoginDelay(failures, 3); got != want {
			t.Errorf("LoginDelay(%d) = %v, want %v", failures, got, want)
		}
	}
}

func TestSessionExpiry(t *testing.T) {
	f := newAuthFixture(t)
	login := func() string {
		t.Helper()
		return must(f.st.Login(f.ctx, store.Login{Email: "director@example.com", Password: testPassword}))(t).Token
	}
	valid := func(token string) bool {
		t.Helper()
		_, err := f.st.SessionViewer(f.ctx, token)
		if err != nil && channel.ErrorCode(err) != channel.EUnauthenticated {
			t.Fatal(err)
		}
		return err == nil
	}

	// Idle: 12 hours without a request ends the session.
	idle := login()
	f.clk.advance(12*time.Hour - time.Second)
	if !valid(idle) {
		t.Fatal("ended before the idle timeout")
	}
	f.clk.advance(12*time.Hour - time.Second)
	if !valid(idle) {
		t.Fatal("activity did not extend the session")
	}
	f.clk.advance(12 * time.Hour)
	if valid(idle) {
		t.Fatal("idle session still valid")
	}

	// Absolute: 7 days after sign-in, however active.
	active := login()
	for range 7 * 24 / 6 {
		if !valid(active) {
			t.Fatalf("active session ended early at %v", f.clk.t)
		}
		f.clk.advance(6 * time.Hour)
	}
	if valid(active) {
		t.Fatal("session outlived its absolute expiry")
	}

	// Logout revokes; a disabled user's sessions end.
	out := login()
	if err := f.st.Logout(f.ctx, out); err != nil || valid(out) {
		t.Fatalf("logout: %v", err)
	}
	if err := f.st.Logout(f.ctx, out); err != nil {
		t.Fatalf("second logout: %v", err)
	}
	again := login()
	if err := f.st.SetPassword(f.ctx, f.admin.ID, "another long password"); err != nil || valid(again) {
		t.Fatalf("password change kept the session: %v", err)
	}
	if valid("") || valid("garbage") {
		t.Fatal("made-up token accepted")
	}
	removed, err := f.st.DeleteStaleSessions(f.ctx)
	if err != nil || removed != 4 {
		t.Fatalf("removed %d stale sessions, want 4: %v", removed, err)
	}
}

func TestAPIToken(t *testing.T) {
	f := newAuthFixture(t)
	analyst := must(f.st.CreateUser(f.ctx, store.UserCreate{Email: "analyst@example.com", Role: channel.RoleAnalyst}))(t)
	exp := f.clk.t.Add(90 * 24 * time.Hour)
	nt := must(f.st.CreateToken(f.ctx, store.TokenCreate{UserID: analyst.ID, Name: "reports", ExpiresAt: &exp}))(t)
	if !strings.HasPrefix(nt.Secret, "cb_") || len(nt.Secret) != 3+43 || nt.Token.Prefix != nt.Secret[:11] || nt.Token.Name != "reports" {
		t.Fatalf("token %+v", nt)
	}
	var n int
	if err := f.st.DB().NewRaw(`SELECT count(*) FROM api_tokens WHERE hash = sha256(?::bytea)`, nt.Secret).Scan(f.ctx, &n); err != nil || n != 1 {
		t.Fatalf("stored hash is not SHA-256 of the secret: %d %v", n, err)
	}

	v, err := f.st.TokenViewer(f.ctx, nt.Secret)
	if err != nil || v.UserID != analyst.ID || v.Role != channel.RoleAnalyst {
		t.Fatalf("viewer %+v %v", v, err)
	}
	list := must(f.st.Tokens(f.ctx, analyst.ID))(t)
	if len(list) != 1 || list[0].LastUsedAt == nil || !list[0].LastUsedAt.Equal(f.clk.t) {
		t.Fatalf("last use not noted: %+v", list)
	}
	for _, bad := range []string{"", "cb_", nt.Secret + "x", strings.Replace(nt.Secret, "cb_", "xx_", 1)} {
		if _, err := f.st.TokenViewer(f.ctx, bad); channel.ErrorCode(err) != channel.EUnauthenticated {
			t.Errorf("%q: %v", bad, err)
		}
	}

	// Expiry is exact.
	f.clk.t = exp.Add(-time.Second)
	if _, err := f.st.TokenViewer(f.ctx, nt.Secret); err != nil {
		t.Fatal(err)
	}
	f.clk.t = exp
	if _, err := f.st.TokenViewer(f.ctx, nt.Secret); channel.ErrorCode(err) != channel.EUnauthenticated {
		t.Fatalf("expired token: %v", err)
	}
	past := f.clk.t.Add(-time.Hour)
	_, err = f.st.CreateToken(f.ctx, store.TokenCreate{UserID: analyst.ID, ExpiresAt: &past})
	wantErr(t, err, channel.EInvalid, "expires")

	// Revocation, by prefix or id.
	forever := must(f.st.CreateToken(f.ctx, store.TokenCreate{UserID: analyst.ID}))(t)
	if _, err := f.st.TokenViewer(f.ctx, forever.Secret); err != nil {
		t.Fatal(err)
	}
	rev := must(f.st.RevokeToken(f.ctx, forever.Token.Prefix))(t)
	if rev.ID != forever.Token.ID || rev.RevokedAt == nil {
		t.Fatalf("revoked %+v", rev)
	}
	if _, err := f.st.TokenViewer(f.ctx, forever.Secret); channel.ErrorCode(err) != channel.EUnauthenticated {
		t.Fatalf("revoked token works: %v", err)
	}
	third := must(f.st.CreateToken(f.ctx, store.TokenCreate{UserID: analyst.ID}))(t)
	must(f.st.RevokeToken(f.ctx, strconv.FormatInt(third.Token.ID, 10)))(t)
	if _, err := f.st.TokenViewer(f.ctx, third.Secret); err == nil {
		t.Fatal("token revoked by id works")
	}
	_, err = f.st.RevokeToken(f.ctx, "cb_zzzzzzzz")
	wantErr(t, err, channel.ENotFound, "")
	_, err = f.st.RevokeToken(f.ctx, "whatever")
	wantErr(t, err, channel.EInvalid, "token")

	// A disabled user's tokens stop working.
	live := must(f.st.CreateToken(f.ctx, store.TokenCreate{UserID: analyst.ID}))(t)
	if err := f.st.SetUserDisabled(f.ctx, analyst.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.TokenViewer(f.ctx, live.Secret); channel.ErrorCode(err) != channel.EUnauthenticated {
		t.Fatalf("disabled user's token works: %v", err)
	}
}

func TestDealerViewerFromSession(t *testing.T) {
	fx := newFixture(t)
	must(fx.st.CreateUser(fx.ctx, store.UserCreate{Email: "dealer-ro-01@example.com", Role: channel.RoleDealer, DealerCode: "RO-01", Password: testPassword}))(t)
	s := must(fx.st.Login(fx.ctx, store.Login{Email: "dealer-ro-01@example.com", Password: testPassword}))(t)
	v := must(fx.st.SessionViewer(fx.ctx, s.Token))(t)
	if v.Role != channel.RoleDealer || v.DealerID != fx.other.ID || v.DealerName != "Carpati SRL" || v.SeesDealer(fx.dist.ID) || !v.SeesDealer(fx.other.ID) {
		t.Fatalf("dealer viewer %+v", v)
	}
}
