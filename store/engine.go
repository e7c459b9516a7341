package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// Writers of a customer's facts serialize on the customer's row: every
// mutation of a deal or a customer locks the customer FOR UPDATE first,
// before it reads anything the rules read, and only then locks deals or
// conflicts. One order everywhere (customers by id, then deals, then
// conflicts) means no deadlocks between them, and each transaction's
// evaluation sees every change committed before it took the lock — so the
// last of many concurrent writers judges all of their deals together.

// lockCustomers takes the writer lock of each customer, in id order.
// Customers that do not exist are skipped; the mutation's own foreign keys
// report them.
func lockCustomers(ctx context.Context, tx bun.IDB, ids ...int64) error {
	ids = sortedUnique(ids)
	if len(ids) == 0 {
		return nil
	}
	var got []int64
	if err := tx.NewRaw(`SELECT id FROM customers WHERE id IN (?) ORDER BY id FOR UPDATE`, bun.In(ids)).Scan(ctx, &got); err != nil {
		return fmt.Errorf("lock customers: %w", err)
	}
	return nil
}

// lockDealCustomer takes the writer lock of a deal's customer (a deal
// never changes customer, so reading it unlocked first is safe) and
// returns the customer's id; 0 when the deal does not exist.
func lockDealCustomer(ctx context.Context, tx bun.IDB, dealID int64) (int64, error) {
	var ids []int64
	if err := tx.NewRaw(`SELECT customer_id FROM deals WHERE id = ?`, dealID).Scan(ctx, &ids); err != nil {
		return 0, fmt.Errorf("deal %d's customer: %w", dealID, err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return ids[0], lockCustomers(ctx, tx, ids[0])
}

// protectionHeldByOther reports whether another channel already holds a
// protected registration on the customer for the product line at at.
//
// First to register keeps protection: a later registration for a pair that
// another channel protects gets no protection of its own (it stays
// REGISTERED, and the rules report it as DUPLICATE_REGISTRATION or
// DIRECT_BYPASS against the holder). Giving it a window anyway would leave
// two "protected" registrations on one pair, and when the holder's window
// lapsed the challenger would inherit protection it was never granted.
// The same channel registering again is its own business. The caller holds
// the customer's lock, so no concurrent registration can slip in between
// this check and its insert.
func protectionHeldByOther(ctx context.Context, tx bun.IDB, customerID, productLineID int64, ch channel.ChannelKind, dealerID int64, at time.Time) (bool, error) {
	var rows []dealRow
	if err := tx.NewSelect().Model(&rows).Where("dl.customer_id = ?", customerID).
		Where("dl.product_line_id = ?", productLineID).Where("dl.closed_at IS NULL").
		Where("dl.protected_until > ?", at).Scan(ctx); err != nil {
		return false, fmt.Errorf("protected registrations: %w", err)
	}
	for _, r := range rows {
		d := r.deal()
		if !d.Protected(at) || (d.Channel == ch && d.DealerID == dealerID) {
			continue
		}
		if d.Channel == channel.ChannelDealer {
			// A terminated dealer holds no protection (channel rules).
			var status string
			if err := tx.NewRaw(`SELECT status FROM dealers WHERE id = ?`, d.DealerID).Scan(ctx, &status); err != nil {
				return false, fmt.Errorf("dealer %d: %w", d.DealerID, err)
			}
			if channel.DealerStatus(status) == channel.DealerTerminated {
				continue
			}
		}
		return true, nil
	}
	return false, nil
}

// judge evaluates customers at the store's clock inside a mutation's
// transaction, after the change and before the commit. dealsOnly is for
// changes that touch no customer's name, owner or region (see evalOpts).
// The changed conflicts' ids are not sent anywhere yet: the live feed
// wakes its listeners after commit from conflict_events.
func (s *Store) judge(ctx context.Context, tx bun.IDB, dealsOnly bool, customerIDs ...int64) error {
	_, err := s.evaluate(ctx, tx, customerIDs, s.now(), evalOpts{dealsOnly: dealsOnly})
	return err
}

// reevaluateAfter runs a re-evaluation a committed mutation asked for
// (a policy, an assignment, a dealer's status). It runs in the request,
// after the commit, batch by batch; if it fails the change stands and the
// error says so — repeating the mutation, or the next ReevaluateAll,
// finishes the job, as evaluation is idempotent.
func (s *Store) reevaluateAfter(ctx context.Context, what string, scope ReevalScope) error {
	if err := s.Reevaluate(ctx, scope, nil); err != nil {
		return fmt.Errorf("%s was saved, but re-evaluating the conflicts it affects failed: %w", what, err)
	}
	return nil
}
