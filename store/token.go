package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// TokenPrefix starts every API token, so a leaked one is recognisable (and
// secret scanners can be taught the pattern).
const TokenPrefix = "cb_"

// tokenDisplayLen is how many characters of a token are kept in the clear
// to recognise it: "cb_" and 8 of the secret, 48 bits, not enough to help
// a guess at the remaining 208.
const tokenDisplayLen = len(TokenPrefix) + 8

// tokenTouchEvery bounds how often using a token writes last_used_at.
const tokenTouchEvery = time.Minute

var errTokenInvalid = &channel.Error{Code: channel.EUnauthenticated, Message: "invalid, expired or revoked API token"}

// TokenCreate is a new API token for a user.
type TokenCreate struct {
	UserID    int64
	Name      string
	ExpiresAt *time.Time // nil: never expires
}

// NewToken is a freshly created token: Secret is shown once and never
// stored.
type NewToken struct {
	Secret string
	Token  channel.APIToken
}

type tokenRow struct {
	ID         int64      `bun:"id"`
	UserID     int64      `bun:"user_id"`
	Name       string     `bun:"name"`
	Prefix     string     `bun:"prefix"`
	CreatedAt  time.Time  `bun:"created_at"`
	ExpiresAt  *time.Time `bun:"expires_at"`
	RevokedAt  *time.Time `bun:"revoked_at"`
	LastUsedAt *time.Time `bun:"last_used_at"`
}

func (r tokenRow) token() channel.APIToken {
	return channel.APIToken{ID: r.ID, UserID: r.UserID, Name: r.Name, Prefix: r.Prefix, CreatedAt: r.CreatedAt,
		ExpiresAt: r.ExpiresAt, RevokedAt: r.RevokedAt, LastUsedAt: r.LastUsedAt}
}

const tokenColumns = `t.id, t.user_id, t.name, t.prefix, t.created_at, t.expires_at, t.revoked_at, t.last_used_at`

// CreateToken creates an API token: "cb_" and 32 random bytes in base64url.
// Only its SHA-256 and its first characters are stored.
func (s *Store) CreateToken(ctx context.Context, in TokenCreate) (NewToken, error) {
	name := strings.TrimSpace(in.Name)
	if len(name) > 200 {
		return NewToken{}, invalid("name", "a token name may have at most 200 bytes")
	}
	now := s.now()
	if in.ExpiresAt != nil && !in.ExpiresAt.After(now) {
		return NewToken{}, invalid("expires", "the expiry must be in the future")
	}
	secret := TokenPrefix + newSecret()
	var out NewToken
	err := s.InTx(ctx, func(tx bun.Tx) error {
		var disabled bool
		if err := tx.NewRaw(`SELECT disabled FROM users WHERE id = ?`, in.UserID).Scan(ctx, &disabled); errors.Is(err, sql.ErrNoRows) {
			return channel.NotFound("user")
		} else if err != nil {
			return fmt.Errorf("create token: %w", err)
		} else if disabled {
			return invalid("user", "the user is disabled")
		}
		var r tokenRow
		err := tx.NewRaw(`INSERT INTO api_tokens AS t (user_id, name, prefix, hash, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING `+tokenColumns,
			in.UserID, name, secret[:tokenDisplayLen], secretHash(secret), now, in.ExpiresAt).Scan(ctx, &r)
		if err != nil {
			return fmt.Errorf("create token: %w", err)
		}
		out = NewToken{Secret: secret, Token: r.token()}
		// channel.APIToken holds the display prefix, never the secret or its hash.
		return audit(ctx, tx, "token.create", "api_token", r.ID, nil, out.Token)
	})
	return out, err
}

// TokenViewer returns the viewer an API token stands for, and notes its
// use. An unknown, expired or revoked token, or one of a disabled user, is
// UNAUTHENTICATED.
func (s *Store) TokenViewer(ctx context.Context, secret string) (channel.Viewer, error) {
	if !strings.HasPrefix(secret, TokenPrefix) || len(secret) > 128 {
		return channel.Viewer{}, errTokenInvalid
	}
	var row struct {
		userRow
		TokenID    int64      `bun:"token_id"`
		ExpiresAt  *time.Time `bun:"expires_at"`
		RevokedAt  *time.Time `bun:"revoked_at"`
		LastUsedAt *time.Time `bun:"last_used_at"`
	}
	err := s.db.NewRaw(`SELECT `+userColumns+`, t.id AS token_id, t.expires_at, t.revoked_at, t.last_used_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN dealers d ON d.id = u.dealer_id
		WHERE t.hash = ?`, secretHash(secret)).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return channel.Viewer{}, errTokenInvalid
	} else if err != nil {
		return channel.Viewer{}, fmt.Errorf("read token: %w", err)
	}
	now := s.now()
	if row.RevokedAt != nil || (row.ExpiresAt != nil && !now.Before(*row.ExpiresAt)) || row.Disabled {
		return channel.Viewer{}, errTokenInvalid
	}
	if row.LastUsedAt == nil || now.Sub(*row.LastUsedAt) >= tokenTouchEvery {
		if _, err := s.db.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, now, row.TokenID); err != nil {
			return channel.Viewer{}, fmt.Errorf("note token use: %w", err)
		}
	}
	return row.user().Viewer(), nil
}

// Tokens lists a user's tokens, newest first (userID 0: everyone's).
func (s *Store) Tokens(ctx context.Context, userID int64) ([]channel.APIToken, error) {
	var rows []tokenRow
	err := s.db.NewRaw(`SELECT `+tokenColumns+` FROM api_tokens t WHERE ? = 0 OR t.user_id = ? ORDER BY t.created_at DESC, t.id DESC`,
		userID, userID).Scan(ctx, &rows)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	out := make([]channel.APIToken, len(rows))
	for i, r := range rows {
		out[i] = r.token()
	}
	return out, nil
}

// RevokeToken revokes a token named by its id or its display prefix
// ("cb_" and 8 characters; the whole token works too). A prefix shared by
// two live tokens is refused as ambiguous. Revoking a revoked token is not
// an error.
func (s *Store) RevokeToken(ctx context.Context, idOrPrefix string) (channel.APIToken, error) {
	idOrPrefix = strings.TrimSpace(idOrPrefix)
	var out channel.APIToken
	err := s.InTx(ctx, func(tx bun.Tx) error {
		var rows []tokenRow
		var err error
		switch id, perr := strconv.ParseInt(idOrPrefix, 10, 64); {
		case perr == nil:
			err = tx.NewRaw(`SELECT `+tokenColumns+` FROM api_tokens t WHERE t.id = ? FOR UPDATE`, id).Scan(ctx, &rows)
		case strings.HasPrefix(idOrPrefix, TokenPrefix) && len(idOrPrefix) >= tokenDisplayLen:
			err = tx.NewRaw(`SELECT `+tokenColumns+` FROM api_tokens t WHERE t.prefix = ? FOR UPDATE`,
				idOrPrefix[:tokenDisplayLen]).Scan(ctx, &rows)
		default:
			return invalid("token", "name a token by its id or its prefix (cb_ and 8 characters)")
		}
		if err != nil {
			return fmt.Errorf("find token: %w", err)
		}
		if len(rows) == 0 {
			return channel.NotFound("token")
		}
		if len(rows) > 1 {
			return invalid("token", "%d tokens share this prefix; revoke by id", len(rows))
		}
		r := rows[0]
		before := r.token()
		if r.RevokedAt == nil {
			now := s.now()
			if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ?`, now, r.ID); err != nil {
				return fmt.Errorf("revoke token %d: %w", r.ID, err)
			}
			r.RevokedAt = &now
			if err := audit(ctx, tx, "token.revoke", "api_token", r.ID, before, r.token()); err != nil {
				return err
			}
		}
		out = r.token()
		return nil
	})
	return out, err
}
