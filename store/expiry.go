package store

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/uptrace/bun"
)

// expiryLockKey is the advisory lock the protection-expiry job holds while
// it works ("chanexp1" in ASCII); several replicas may run the job, one
// does the work at a time.
const expiryLockKey int64 = 0x6368616e65787031

// ExpireProtections re-evaluates the customers of open deals whose
// protection ended by at and that no evaluation has taken note of yet
// (deals.protection_expired_at is NULL). The deals stay REGISTERED; what
// changes is the rules' view of them: DUPLICATE_REGISTRATION and
// DIRECT_BYPASS conflicts that rested on the protection close with a
// reason, and conflicts may open under new keys. Evaluate marks the deals,
// so each is handled once.
//
// It is safe with several replicas: each batch's transaction first tries
// the advisory lock and gives up at once when another replica holds it,
// and the customers are taken FOR UPDATE SKIP LOCKED, so a customer that a
// mutation is changing right now is left to that mutation's own
// evaluation. It returns how many deals it processed.
func (s *Store) ExpireProtections(ctx context.Context, at time.Time) (int, error) {
	at = at.UTC()
	total := 0
	for {
		n, more, err := s.expireBatch(ctx, at)
		total += n
		if err != nil {
			return total, err
		}
		if !more {
			return total, nil
		}
	}
}

// expireBatch handles up to ReevalBatch due deals' customers; more reports
// whether another batch may be due.
func (s *Store) expireBatch(ctx context.Context, at time.Time) (n int, more bool, err error) {
	err = s.InTx(ctx, func(tx bun.Tx) error {
		n, more = 0, false
		var locked bool
		if err := tx.NewRaw(`SELECT pg_try_advisory_xact_lock(?)`, expiryLockKey).Scan(ctx, &locked); err != nil {
			return err
		}
		if !locked {
			return nil // another replica is on it
		}
		var ids []int64
		err := tx.NewRaw(`SELECT c.id FROM customers c
			WHERE c.id IN (SELECT customer_id FROM deals
				WHERE protection_expired_at IS NULL AND protected_until <= ? AND stage IN `+openStages+`
				ORDER BY protected_until LIMIT ?)
			ORDER BY c.id FOR UPDATE SKIP LOCKED`, at, ReevalBatch).Scan(ctx, &ids)
		if err != nil || len(ids) == 0 {
			return err
		}
		res, err := s.evaluate(ctx, tx, ids, at, evalOpts{dealsOnly: true})
		if err != nil {
			return err
		}
		n, more = res.ExpiredProtections, res.ExpiredProtections > 0
		return nil
	})
	if err != nil {
		return 0, false, fmt.Errorf("expire protections: %w", err)
	}
	return n, more, nil
}

// RunExpiryLoop runs ExpireProtections every interval until ctx ends,
// logging what it did. The server starts it once per replica.
func (s *Store) RunExpiryLoop(ctx context.Context, every time.Duration, logger *slog.Logger) {
	if logger == nil {
		logger = slog.Default()
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := s.ExpireProtections(ctx, s.now())
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Error("protection expiry failed", slog.Any("err", err))
		case n > 0:
			logger.Info("protection expiry", slog.Int("deals", n))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
