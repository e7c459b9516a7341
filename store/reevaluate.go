package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"
)

// ReevalBatch is how many customers one re-evaluation transaction judges.
// Facts are loaded set-wise per batch, so a batch costs a fixed handful of
// queries; 500 keeps each transaction (and the customer locks it holds)
// short while amortising the round trips.
const ReevalBatch = 500

// ReevalScope says which customers a re-evaluation walks. The non-zero
// filters combine with AND; the zero scope is every customer.
type ReevalScope struct {
	CustomerIDs []int64
	// RegionID: customers in this region or below it.
	RegionID int64
	// DealerID: customers whose facts name the dealer — it owns them, has
	// an open deal on them, or holds an assignment over their region.
	DealerID int64
	// Active: only customers with an open deal or a live conflict; the
	// others have nothing the rules of deals can find or close.
	Active bool
	// DealsOnly: the change touched no customer's name, owner or region
	// (a policy, an assignment, a dealer's status, the passing of time),
	// so the duplicate-customer search is skipped and DUPLICATE_CUSTOMER
	// conflicts are left as they are. It makes a batch several times
	// cheaper: that search is one trigram index probe per customer.
	DealsOnly bool
	// At is the instant judged; zero means the store's clock.
	At time.Time
}

// where renders the scope as a predicate on customers c.
func (sc ReevalScope) where() (string, []any) {
	var conds []string
	var args []any
	if len(sc.CustomerIDs) > 0 {
		conds = append(conds, "c.id IN (?)")
		args = append(args, bun.In(sortedUnique(sc.CustomerIDs)))
	}
	if sc.RegionID != 0 {
		conds = append(conds, "c.region_id IN (SELECT id FROM regions WHERE path <@ (SELECT path FROM regions WHERE id = ?))")
		args = append(args, sc.RegionID)
	}
	if sc.DealerID != 0 {
		conds = append(conds, `(c.owner_dealer_id = ?
			OR EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id AND d.dealer_id = ? AND d.closed_at IS NULL)
			OR c.region_id IN (SELECT cr.id FROM territory_assignments ta JOIN regions ar ON ar.id = ta.region_id
				JOIN regions cr ON cr.path <@ ar.path WHERE ta.dealer_id = ?))`)
		args = append(args, sc.DealerID, sc.DealerID, sc.DealerID)
	}
	if sc.Active {
		conds = append(conds, `(c.id IN (SELECT customer_id FROM deals WHERE closed_at IS NULL)
			OR c.id IN (SELECT customer_id FROM conflicts WHERE status IN `+liveStatuses+`))`)
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return strings.Join(conds, " AND "), args
}

// Reevaluate judges every customer in scope again, in batches of
// ReevalBatch by id, each batch its own transaction (so it runs after, not
// inside, the mutation that asked for it, and a failure leaves earlier
// batches committed: running it again finishes the job, as evaluation is
// idempotent). progress, when not nil, is told after each batch.
func (s *Store) Reevaluate(ctx context.Context, scope ReevalScope, progress func(done, total int)) error {
	_, err := s.reevaluate(ctx, scope, progress)
	return err
}

func (s *Store) reevaluate(ctx context.Context, scope ReevalScope, progress func(done, total int)) (EvalResult, error) {
	at := scope.At
	if at.IsZero() {
		at = s.now()
	}
	// The customers in scope, listed once (ids only: 50,000 are 400 kB);
	// one customer created meanwhile was judged by its own mutation.
	pred, args := scope.where()
	var all []int64
	if err := s.db.NewRaw(`SELECT c.id FROM customers c WHERE `+pred+` ORDER BY c.id`, args...).Scan(ctx, &all); err != nil {
		return EvalResult{}, fmt.Errorf("re-evaluate: list customers: %w", err)
	}
	if progress != nil {
		progress(0, len(all))
	}
	var res EvalResult
	for start := 0; start < len(all); start += ReevalBatch {
		ids := all[start:min(start+ReevalBatch, len(all))]
		var batch EvalResult
		err := s.InTx(ctx, func(tx bun.Tx) error {
			var err error
			batch, err = s.evaluate(ctx, tx, ids, at, evalOpts{dealsOnly: scope.DealsOnly})
			return err
		})
		if err != nil {
			return res, fmt.Errorf("re-evaluate customers %d…%d: %w", ids[0], ids[len(ids)-1], err)
		}
		res.add(batch)
		if progress != nil {
			progress(start+len(ids), len(all))
		}
	}
	return res, nil
}

// ReevaluateAll judges every customer again. The demo and scale seeds load
// deals without the rules; this turns them into the conflicts the engine
// would have opened, and is the benchmark of re-evaluation at scale.
func (s *Store) ReevaluateAll(ctx context.Context, progress func(done, total int)) error {
	return s.Reevaluate(ctx, ReevalScope{}, progress)
}

// ReevaluateDeals judges again every customer with an open deal or a live
// conflict, with the deal rules only (DUPLICATE_CUSTOMER conflicts are left
// as they are). It is what a policy change runs, and the cheaper choice
// after bulk-loading deals whose customers' names were already judged:
// scale-1's 200,000 deals take about half a minute from an empty board,
// where ReevaluateAll's duplicate search adds a trigram probe for each of
// the 50,000 customers.
func (s *Store) ReevaluateDeals(ctx context.Context, progress func(done, total int)) error {
	return s.Reevaluate(ctx, ReevalScope{Active: true, DealsOnly: true}, progress)
}
