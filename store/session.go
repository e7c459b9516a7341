package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// Session lifetimes, held on the server (OWASP Session Management: an idle
// timeout and an absolute one). The cookie carries no expiry of its own
// that matters: the server refuses a session past either.
const (
	SessionIdleTimeout = 12 * time.Hour
	SessionMaxAge      = 7 * 24 * time.Hour
	// sessionTouchEvery bounds how often reading a session writes its
	// last_seen_at: once a minute is precise enough for a 12-hour idle
	// timeout and spares a write per request.
	sessionTouchEvery = time.Minute
)

// Sign-in throttling: failed attempts are counted per account (the e-mail
// as typed, whether or not it exists) and per client address. A few are
// free; after that each further attempt must wait a delay that doubles,
// capped, so guessing is slowed to a crawl without letting anyone lock a
// real user out for long. Failures older than loginFailureWindow are
// forgotten.
const (
	accountFreeFailures = 3
	addressFreeFailures = 10 // offices share one address behind NAT
	loginDelayCap       = 30 * time.Second
	loginFailureWindow  = time.Hour
)

// ErrWrongCredentials is the one message for every failed sign-in, so it
// tells nobody whether the account exists, is disabled or has a password.
var ErrWrongCredentials = &channel.Error{Code: channel.EUnauthenticated, Message: "email or password is wrong"}

// errSessionInvalid is what an unknown, expired or revoked session gets.
var errSessionInvalid = &channel.Error{Code: channel.EUnauthenticated, Message: "not signed in or session expired"}

// ThrottledError is a sign-in refused because of earlier failures. It
// unwraps to a RATE_LIMITED channel.Error.
type ThrottledError struct {
	RetryAfter time.Duration
}

func (e *ThrottledError) Error() string { return e.err().Error() }
func (e *ThrottledError) Unwrap() error { return e.err() }
func (e *ThrottledError) err() *channel.Error {
	secs := int((e.RetryAfter + time.Second - 1) / time.Second)
	return channel.Errorf(channel.ERateLimited, "too many failed sign-ins; try again in %d s", secs)
}

// LoginDelay is how long the next attempt must wait after failures
// consecutive failures, given how many are free: none, then 1 s, 2 s,
// 4 s … up to loginDelayCap.
func LoginDelay(failures, free int) time.Duration {
	n := failures - free
	if n <= 0 {
		return 0
	}
	if n > 6 { // 1<<5 s already exceeds the cap
		return loginDelayCap
	}
	return min(time.Duration(1<<(n-1))*time.Second, loginDelayCap)
}

// Login is a sign-in attempt.
type Login struct {
	Email     string
	Password  string
	Address   string // the client's IP address, for per-address throttling
	UserAgent string
}

// SessionToken is the secret a browser holds (in its cookie), and the
// session it opens.
type SessionToken struct {
	Token   string
	Session channel.Session
	User    channel.User
}

// dummyHash is verified against when the account does not exist, so an
// unknown e-mail costs as much time as a wrong password.
var dummyHash = sync.OnceValue(func() string {
	return newPasswordHash("not a password anyone has; only here to spend time")
})

// Login checks an e-mail and password and, when they match an enabled
// user, opens a session. Every failure returns ErrWrongCredentials, or a
// *ThrottledError while earlier failures make the caller wait.
func (s *Store) Login(ctx context.Context, in Login) (SessionToken, error) {
	email := channel.NormalizeEmail(in.Email)
	if len(email) > 254 {
		email = email[:254]
	}
	accountKey, addressKey := "account:"+email, "address:"+in.Address
	var out SessionToken
	var failed bool
	err := s.InTx(ctx, func(tx bun.Tx) error {
		failed = false
		// Attempts on one account run one at a time, so parallel guesses
		// cannot all pass the throttle before any failure is counted.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, accountKey); err != nil {
			return fmt.Errorf("login: lock: %w", err)
		}
		now := s.now()
		for _, k := range []struct {
			key  string
			free int
		}{{accountKey, accountFreeFailures}, {addressKey, addressFreeFailures}} {
			if wait, err := throttled(ctx, tx, k.key, k.free, now); err != nil {
				return err
			} else if wait > 0 {
				return &ThrottledError{RetryAfter: wait}
			}
		}
		r, err := userRowBy(ctx, tx, "lower(u.email) = ?", email)
		if err != nil && channel.ErrorCode(err) != channel.ENotFound {
			return err
		}
		hash := r.PasswordHash
		if err != nil || hash == "" {
			hash = dummyHash()
		}
		ok, verr := channel.VerifyPassword(hash, in.Password)
		if verr != nil || !ok || err != nil || r.PasswordHash == "" || r.Disabled {
			failed = true
			for _, key := range []string{accountKey, addressKey} {
				if err := recordFailure(ctx, tx, key, now); err != nil {
					return err
				}
			}
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_attempts WHERE key = ?`, accountKey); err != nil {
			return fmt.Errorf("login: clear failures: %w", err)
		}
		if channel.NeedsRehash(r.PasswordHash) {
			// Parameters were raised since this hash was written.
			if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, newPasswordHash(in.Password), r.ID); err != nil {
				return fmt.Errorf("login: rehash: %w", err)
			}
		}
		if out, err = createSession(ctx, tx, r.user(), in, now); err != nil {
			return err
		}
		// The person signing in is the actor. Failures are not logged here:
		// login_attempts counts them, and a log of unknown e-mails would be
		// a list of guesses.
		return audit(channel.WithViewer(ctx, r.user().Viewer()), tx, "auth.login", "user", r.ID, nil,
			map[string]any{"address": in.Address, "sessionExpiresAt": out.Session.ExpiresAt})
	})
	if err != nil {
		return SessionToken{}, err
	}
	if failed {
		// The failure counts were committed above; the caller learns only
		// that it failed.
		return SessionToken{}, ErrWrongCredentials
	}
	return out, nil
}

// throttled returns how much longer key must wait before its next attempt.
func throttled(ctx context.Context, tx bun.IDB, key string, free int, now time.Time) (time.Duration, error) {
	var row struct {
		Failures int       `bun:"failures"`
		Last     time.Time `bun:"last_failure_at"`
	}
	err := tx.NewRaw(`SELECT failures, last_failure_at FROM login_attempts WHERE key = ?`, key).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("login: read failures: %w", err)
	}
	if now.Sub(row.Last) >= loginFailureWindow {
		return 0, nil
	}
	if wait := row.Last.Add(LoginDelay(row.Failures, free)).Sub(now); wait > 0 {
		return wait, nil
	}
	return 0, nil
}

func recordFailure(ctx context.Context, tx bun.IDB, key string, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO login_attempts AS a (key, failures, last_failure_at) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN a.last_failure_at <= ?::timestamptz - ?::interval THEN 1 ELSE a.failures + 1 END,
			last_failure_at = excluded.last_failure_at`,
		key, now, now, strconv.Itoa(int(loginFailureWindow/time.Second))+" seconds")
	if err != nil {
		return fmt.Errorf("login: count failure: %w", err)
	}
	return nil
}

// newSecret returns 32 random bytes, base64url-encoded without padding.
func newSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

func secretHash(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// CreateSession opens a session for a user without a password check, for
// tests and for flows that authenticated otherwise.
func (s *Store) CreateSession(ctx context.Context, userID int64) (SessionToken, error) {
	var out SessionToken
	err := s.InTx(ctx, func(tx bun.Tx) error {
		r, err := userRowBy(ctx, tx, "u.id = ?", userID)
		if err != nil {
			return err
		}
		out, err = createSession(ctx, tx, r.user(), Login{}, s.now())
		return err
	})
	return out, err
}

func createSession(ctx context.Context, tx bun.IDB, u channel.User, in Login, now time.Time) (SessionToken, error) {
	token := newSecret()
	sess := channel.Session{UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionMaxAge)}
	ua := in.UserAgent
	if len(ua) > 512 {
		ua = ua[:512]
	}
	addr := in.Address
	if len(addr) > 64 {
		addr = addr[:64]
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, address)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, secretHash(token), u.ID, now, now, sess.ExpiresAt, ua, addr)
	if err != nil {
		return SessionToken{}, fmt.Errorf("create session: %w", err)
	}
	return SessionToken{Token: token, Session: sess, User: u}, nil
}

// SessionViewer returns the viewer of a session token, and refreshes the
// session's idle timer. An unknown, revoked or expired session, or one of
// a disabled user, is UNAUTHENTICATED.
func (s *Store) SessionViewer(ctx context.Context, token string) (channel.Viewer, error) {
	if token == "" || len(token) > 128 {
		return channel.Viewer{}, errSessionInvalid
	}
	var row struct {
		userRow
		LastSeenAt time.Time  `bun:"last_seen_at"`
		ExpiresAt  time.Time  `bun:"expires_at"`
		RevokedAt  *time.Time `bun:"revoked_at"`
	}
	id := secretHash(token)
	err := s.db.NewRaw(`SELECT `+userColumns+`, s.last_seen_at, s.expires_at, s.revoked_at
		FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN dealers d ON d.id = u.dealer_id
		WHERE s.id = ?`, id).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return channel.Viewer{}, errSessionInvalid
	} else if err != nil {
		return channel.Viewer{}, fmt.Errorf("read session: %w", err)
	}
	now := s.now()
	if row.RevokedAt != nil || !now.Before(row.ExpiresAt) || !now.Before(row.LastSeenAt.Add(SessionIdleTimeout)) || row.Disabled {
		return channel.Viewer{}, errSessionInvalid
	}
	if now.Sub(row.LastSeenAt) >= sessionTouchEvery {
		if _, err := s.db.ExecContext(ctx, `UPDATE sessions SET last_seen_at = greatest(last_seen_at, ?) WHERE id = ?`, now, id); err != nil {
			return channel.Viewer{}, fmt.Errorf("touch session: %w", err)
		}
	}
	return row.user().Viewer(), nil
}

// Logout revokes the session of a token. Revoking an unknown or already
// revoked session is not an error: the outcome is the same.
func (s *Store) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return s.InTx(ctx, func(tx bun.Tx) error {
		var users []int64
		err := tx.NewRaw(`UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING user_id`,
			s.now(), secretHash(token)).Scan(ctx, &users)
		if err != nil {
			return fmt.Errorf("logout: %w", err)
		}
		if len(users) == 0 {
			return nil
		}
		u, err := userBy(ctx, tx, "u.id = ?", users[0])
		if err != nil {
			return fmt.Errorf("logout: %w", err)
		}
		// The session's owner signs out, whoever else the request names.
		return audit(channel.WithViewer(ctx, u.Viewer()), tx, "auth.logout", "user", u.ID, nil, nil)
	})
}

func revokeUserSessions(ctx context.Context, tx bun.IDB, userID int64, now time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`, now, userID)
	if err != nil {
		return fmt.Errorf("revoke sessions of user %d: %w", userID, err)
	}
	return nil
}

// DeleteStaleSessions removes sessions that can no longer be used and
// forgets old sign-in failures; run it now and then. It returns how many
// sessions it removed.
func (s *Store) DeleteStaleSessions(ctx context.Context) (int64, error) {
	now := s.now()
	res, err := s.db.ExecContext(ctx, `DELETE FROM sessions
		WHERE expires_at <= ? OR last_seen_at <= ? OR revoked_at IS NOT NULL`, now, now.Add(-SessionIdleTimeout))
	if err != nil {
		return 0, fmt.Errorf("delete stale sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	if _, err := s.db.ExecContext(ctx, `DELETE FROM login_attempts WHERE last_failure_at <= ?`, now.Add(-loginFailureWindow)); err != nil {
		return n, fmt.Errorf("forget old sign-in failures: %w", err)
	}
	return n, nil
}
