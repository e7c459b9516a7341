package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// Idempotent writes follow Stripe and the IETF Idempotency-Key draft:
//
//   - the key is claimed, and later given its response, inside the
//     mutation's own transaction, so a crash leaves either the effect and
//     its key, or neither (a retry then simply runs again);
//   - the same key with the same request returns the first response and
//     changes nothing;
//   - the same key with a different request is refused with CONFLICT;
//   - two concurrent requests with one key produce one effect: the second
//     one's claim waits on the first one's uncommitted row, then finds it
//     committed and replays its response (or, if the first rolled back,
//     claims the key itself).

// errKeyReused is what a key reused for another request gets.
func errKeyReused() error {
	return conflict("idempotency key reused with a different request")
}

// requestHash fingerprints an operation's input: its JSON (Go marshals
// struct fields in declaration order and map keys sorted, so equal inputs
// give equal bytes).
func requestHash(op string, req any) (string, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return "", fmt.Errorf("hash %s request: %w", op, err)
	}
	h := sha256.New()
	h.Write([]byte(op))
	h.Write([]byte{0})
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// idempotentTx runs fn in one transaction (retried as InTx retries) and
// stores *resp, fn's result, as the response of key. With a key seen
// before it runs nothing and decodes the stored response into resp. An
// empty key always runs fn.
func (s *Store) idempotentTx(ctx context.Context, key *string, op string, req, resp any, fn func(tx bun.Tx) error) error {
	if key == nil || *key == "" {
		return s.InTx(ctx, fn)
	}
	if len(*key) > 200 {
		return invalid("input.idempotencyKey", "an idempotency key is at most 200 characters")
	}
	hash, err := requestHash(op, req)
	if err != nil {
		return err
	}
	stored := viewerKey(ctx, *key)
	return s.InTx(ctx, func(tx bun.Tx) error {
		var claimed []string
		err := tx.NewRaw(`INSERT INTO idempotency_keys (key, operation, result_id, request_hash)
			VALUES (?, ?, 0, ?) ON CONFLICT (key) DO NOTHING RETURNING key`, stored, op, hash).Scan(ctx, &claimed)
		if err != nil && !isNoRows(err) {
			return fmt.Errorf("claim idempotency key: %w", err)
		}
		if len(claimed) == 0 {
			return replay(ctx, tx, stored, op, hash, resp)
		}
		if err := fn(tx); err != nil {
			return err
		}
		b, err := json.Marshal(resp)
		if err != nil {
			return fmt.Errorf("encode %s response: %w", op, err)
		}
		_, err = tx.NewRaw(`UPDATE idempotency_keys SET response = ?::jsonb WHERE key = ?`, string(b), stored).Exec(ctx)
		if err != nil {
			return fmt.Errorf("save idempotency response: %w", err)
		}
		return nil
	})
}

// viewerKey keeps one viewer's idempotency keys apart from another's: a
// retried create returns the first result only to the one who made it, so
// a guessed key cannot fetch someone else's object. Trusted callers (no
// viewer: the CLI, imports, tests) share one space.
func viewerKey(ctx context.Context, key string) string {
	if v, ok := channel.ViewerFrom(ctx); ok {
		return fmt.Sprintf("u%d:%s", v.UserID, key)
	}
	return key
}

// replay answers a key used before: the stored response when the request
// is the same, CONFLICT when it is not.
func replay(ctx context.Context, tx bun.IDB, key, op, hash string, resp any) error {
	var row struct {
		Operation   string  `bun:"operation"`
		RequestHash *string `bun:"request_hash"`
		Response    *string `bun:"response"`
	}
	err := tx.NewRaw(`SELECT operation, request_hash, response::text AS response FROM idempotency_keys WHERE key = ?`, key).Scan(ctx, &row)
	if err != nil {
		return fmt.Errorf("read idempotency key: %w", err)
	}
	if row.Operation != op || row.RequestHash == nil || *row.RequestHash != hash {
		return errKeyReused()
	}
	if row.Response == nil {
		return fmt.Errorf("idempotency key %q has no stored response", key)
	}
	if err := json.Unmarshal([]byte(*row.Response), resp); err != nil {
		return fmt.Errorf("decode stored %s response: %w", op, err)
	}
	return nil
}
