package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"

	"channelboard/channel"
)

// UserCreate is a new user. A dealer user names its dealer by id or code.
type UserCreate struct {
	Email      string
	Role       channel.Role
	DealerID   int64
	DealerCode string
	// Password may be empty for a user who signs in only with API tokens.
	Password string
}

// userRow is a user joined with its dealer's code and name.
type userRow struct {
	ID           int64     `bun:"id"`
	Email        string    `bun:"email"`
	Role         string    `bun:"role"`
	DealerID     *int64    `bun:"dealer_id"`
	DealerCode   *string   `bun:"dealer_code"`
	DealerName   *string   `bun:"dealer_name"`
	PasswordHash string    `bun:"password_hash"`
	Disabled     bool      `bun:"disabled"`
	CreatedAt    time.Time `bun:"created_at"`
}

const userColumns = `u.id, u.email, u.role, u.dealer_id, d.code AS dealer_code, d.name AS dealer_name,
	u.password_hash, u.disabled, u.created_at`

func (r userRow) user() channel.User {
	u := channel.User{ID: r.ID, Email: r.Email, Role: channel.Role(r.Role), Disabled: r.Disabled,
		HasPassword: r.PasswordHash != "", CreatedAt: r.CreatedAt}
	if r.DealerID != nil {
		u.DealerID = *r.DealerID
	}
	if r.DealerCode != nil {
		u.DealerCode = *r.DealerCode
	}
	if r.DealerName != nil {
		u.DealerName = *r.DealerName
	}
	return u
}

// newPasswordHash hashes a password with a fresh random salt.
func newPasswordHash(password string) string {
	salt := make([]byte, channel.Argon2SaltLen)
	_, _ = rand.Read(salt) // crypto/rand.Read never fails (Go 1.24+)
	return channel.HashPassword(password, salt)
}

// CreateUser adds a user. The password, when given, must meet
// channel.CheckNewPassword; it is stored as an Argon2id hash.
func (s *Store) CreateUser(ctx context.Context, in UserCreate) (channel.User, error) {
	email := channel.NormalizeEmail(in.Email)
	if err := channel.CheckEmail(email); err != nil {
		return channel.User{}, err
	}
	if !in.Role.Valid() {
		return channel.User{}, invalid("role", "role must be one of DIRECTOR, MANAGER, DEALER, ANALYST")
	}
	hash := ""
	if in.Password != "" {
		if err := channel.CheckNewPassword(in.Password); err != nil {
			return channel.User{}, err
		}
		hash = newPasswordHash(in.Password)
	}
	var out channel.User
	err := s.InTx(ctx, func(tx bun.Tx) error {
		var dealerID *int64
		if in.Role == channel.RoleDealer {
			id, err := resolveDealer(ctx, tx, in.DealerID, in.DealerCode)
			if err != nil {
				return err
			}
			dealerID = &id
		} else if in.DealerID != 0 || in.DealerCode != "" {
			return invalid("dealer", "only a dealer user is bound to a dealer")
		}
		now := s.now()
		var id int64
		err := tx.NewRaw(`INSERT INTO users (email, role, dealer_id, password_hash, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, email, string(in.Role), dealerID, hash, now, now).Scan(ctx, &id)
		if err != nil {
			var pgErr *pgconn.PgError
			if errors.As(err, &pgErr) && pgErr.Code == "23505" {
				return conflict("a user with e-mail %s already exists", email)
			}
			return fmt.Errorf("create user %s: %w", email, err)
		}
		if out, err = userBy(ctx, tx, "u.id = ?", id); err != nil {
			return err
		}
		// channel.User holds whether a password is set, never its hash.
		return audit(ctx, tx, "user.create", "user", id, nil, out)
	})
	return out, err
}

// resolveDealer finds a dealer user's dealer by id or code.
func resolveDealer(ctx context.Context, tx bun.IDB, id int64, code string) (int64, error) {
	if id == 0 && code == "" {
		return 0, invalid("dealer", "a dealer user needs a dealer")
	}
	var found int64
	q := tx.NewRaw(`SELECT id FROM dealers WHERE id = ?`, id)
	if id == 0 {
		q = tx.NewRaw(`SELECT id FROM dealers WHERE code = ?`, strings.ToUpper(strings.TrimSpace(code)))
	}
	if err := q.Scan(ctx, &found); errors.Is(err, sql.ErrNoRows) {
		return 0, invalid("dealer", "no such dealer")
	} else if err != nil {
		return 0, fmt.Errorf("find dealer: %w", err)
	}
	return found, nil
}

func userBy(ctx context.Context, db bun.IDB, where string, arg any) (channel.User, error) {
	r, err := userRowBy(ctx, db, where, arg)
	return r.user(), err
}

func userRowBy(ctx context.Context, db bun.IDB, where string, arg any) (userRow, error) {
	var r userRow
	err := db.NewRaw(`SELECT `+userColumns+` FROM users u LEFT JOIN dealers d ON d.id = u.dealer_id WHERE `+where, arg).Scan(ctx, &r)
	if errors.Is(err, sql.ErrNoRows) {
		return r, channel.NotFound("user")
	} else if err != nil {
		return r, fmt.Errorf("find user: %w", err)
	}
	return r, nil
}

// UserByID returns a user.
func (s *Store) UserByID(ctx context.Context, id int64) (channel.User, error) {
	return userBy(ctx, s.db, "u.id = ?", id)
}

// UserByEmail returns a user by e-mail, case-insensitively.
func (s *Store) UserByEmail(ctx context.Context, email string) (channel.User, error) {
	return userBy(ctx, s.db, "lower(u.email) = ?", channel.NormalizeEmail(email))
}

// Users lists every user by e-mail.
func (s *Store) Users(ctx context.Context) ([]channel.User, error) {
	var rows []userRow
	err := s.db.NewRaw(`SELECT `+userColumns+` FROM users u LEFT JOIN dealers d ON d.id = u.dealer_id ORDER BY u.email`).Scan(ctx, &rows)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	out := make([]channel.User, len(rows))
	for i, r := range rows {
		out[i] = r.user()
	}
	return out, nil
}

// SetPassword replaces a user's password and ends every session of the
// user: whoever knew the old one is signed out.
func (s *Store) SetPassword(ctx context.Context, userID int64, password string) error {
	if err := channel.CheckNewPassword(password); err != nil {
		return err
	}
	hash := newPasswordHash(password)
	return s.InTx(ctx, func(tx bun.Tx) error {
		before, err := userBy(ctx, tx, "u.id = ? FOR UPDATE OF u", userID)
		if err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.NewRaw(`UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?`, hash, now, userID).Exec(ctx); err != nil {
			return fmt.Errorf("set password of user %d: %w", userID, err)
		}
		if err := revokeUserSessions(ctx, tx, userID, now); err != nil {
			return err
		}
		after, err := userBy(ctx, tx, "u.id = ?", userID)
		if err != nil {
			return err
		}
		// The user record says whether a password is set; the hash itself
		// never enters the log.
		return audit(ctx, tx, "user.set_password", "user", userID, before, after)
	})
}

// SetUserDisabled disables or re-enables a user. A disabled user's
// sessions are revoked and its tokens stop working (they are checked
// against the flag on every request).
func (s *Store) SetUserDisabled(ctx context.Context, userID int64, disabled bool) error {
	return s.InTx(ctx, func(tx bun.Tx) error {
		before, err := userBy(ctx, tx, "u.id = ? FOR UPDATE OF u", userID)
		if err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.NewRaw(`UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?`, disabled, now, userID).Exec(ctx); err != nil {
			return fmt.Errorf("disable user %d: %w", userID, err)
		}
		if disabled {
			if err := revokeUserSessions(ctx, tx, userID, now); err != nil {
				return err
			}
		}
		after, err := userBy(ctx, tx, "u.id = ?", userID)
		if err != nil {
			return err
		}
		return audit(ctx, tx, "user.set_disabled", "user", userID, before, after)
	})
}
