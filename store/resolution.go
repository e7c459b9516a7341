package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// This file closes conflicts by a person's decision (SPEC "Resolutions").
// Each resolution is one transaction: its effects on deals, ownership,
// compensations and splits, the conflict's new status, a RESOLVED event,
// an audit entry, and a re-evaluation of the customers involved, so that
// other conflicts the effects touched (a cancelled deal, a new owner)
// change in the same commit.

// CompensationInput is what AWARD_DIRECT owes the dealer it overrules.
type CompensationInput struct {
	Basis  channel.CompensationBasis // default AGENT_COMMISSION
	Amount *channel.Money            // default: the policy's defaultCompensationPct of the dealer's deal
}

// ConflictResolve is the input of ResolveConflict.
type ConflictResolve struct {
	IdempotencyKey *string
	ConflictID     int64
	Resolution     channel.Resolution
	// Note is why; DISMISS requires it.
	Note string
	// DealerID is the dealer awarded (AWARD_DEALER), routed to
	// (ROUTE_TO_DEALER; default the suggested dealer), made owner
	// (TRANSFER_CUSTOMER; 0 makes the customer DIRECT) or compensated
	// (AWARD_DIRECT; default the suggested dealer, else the overruled one).
	DealerID     int64
	Compensation *CompensationInput // AWARD_DIRECT only
	Splits       []channel.CreditSplit
	DecidedBy    string
}

// Resolved is what a resolution did.
type Resolved struct {
	Conflict Conflict
	// Cancelled are the deals the resolution cancelled.
	Cancelled []int64
	// RoutedDeal is the dealer's new deal of ROUTE_TO_DEALER.
	RoutedDeal *channel.Deal
	// Compensation is the row AWARD_DIRECT recorded, if a dealer was owed.
	Compensation *channel.Compensation
	// OwnershipChange is the history entry of TRANSFER_CUSTOMER.
	OwnershipChange *channel.OwnershipChange
	Splits          []channel.CreditSplit
	// Changed holds the ids of every conflict that got an event, this one
	// included, for the wake-up sent after commit.
	Changed []int64
}

// validate checks the input that needs no database; field names follow
// the GraphQL input.
func (in *ConflictResolve) validate() error {
	in.Note = strings.TrimSpace(in.Note)
	if in.Resolution == channel.ResolutionAuto {
		return invalid("input.resolution", "AUTO is how the rules close a conflict; a person chooses another resolution")
	}
	if !slices.Contains(channel.Resolutions, in.Resolution) {
		return invalid("input.resolution", "unknown resolution %q", in.Resolution)
	}
	if in.Compensation != nil && in.Resolution != channel.AwardDirect {
		return invalid("input.compensation", "only AWARD_DIRECT compensates a dealer")
	}
	if len(in.Splits) > 0 && in.Resolution != channel.Split {
		return invalid("input.splits", "only SPLIT shares the credit")
	}
	if in.DealerID != 0 && (in.Resolution == channel.Split || in.Resolution == channel.Dismiss) {
		return invalid("input.dealerId", "%s names no dealer", in.Resolution)
	}
	switch in.Resolution {
	case channel.Dismiss:
		if in.Note == "" {
			return invalid("input.note", "dismissing a conflict needs a reason")
		}
	case channel.AwardDealer:
		// The dealer may be implied by the conflict; checked in the transaction.
	case channel.AwardDirect:
		if c := in.Compensation; c != nil {
			if c.Basis == "" {
				c.Basis = channel.AgentCommission
			}
			if c.Basis != channel.AgentCommission && c.Basis != channel.DiscountOnGoods && c.Basis != channel.Cash {
				return invalid("input.compensation.basis", "unknown compensation basis %q", c.Basis)
			}
			if c.Amount != nil {
				if err := validMoney("input.compensation.amount", *c.Amount); err != nil {
					return err
				}
			}
		}
	case channel.Split:
		if len(in.Splits) < 2 {
			return invalid("input.splits", "a split shares the credit between at least two deals")
		}
		var total int64
		seen := map[int64]bool{}
		for i, sp := range in.Splits {
			field := "input.splits." + strconv.Itoa(i)
			if sp.DealID <= 0 {
				return invalid(field+".dealId", "the deal is required")
			}
			if seen[sp.DealID] {
				return invalid(field+".dealId", "the deal is listed twice")
			}
			seen[sp.DealID] = true
			// Shares are stored with three decimals; compare in thousandths
			// so that 33.333 + 33.333 + 33.334 is exactly 100.
			milli := int64(math.Round(sp.SharePct * 1000))
			if milli <= 0 || milli > 100000 {
				return invalid(field+".sharePct", "a share is more than 0 and at most 100 percent")
			}
			in.Splits[i].SharePct = float64(milli) / 1000
			total += milli
		}
		if total != 100000 {
			return invalid("input.splits", "the shares add up to %s%%, not 100%%", strconv.FormatFloat(float64(total)/1000, 'f', -1, 64))
		}
	}
	return nil
}

// ResolveConflict applies a person's resolution to a live conflict in one
// transaction. A closed conflict is refused with CONFLICT.
func (s *Store) ResolveConflict(ctx context.Context, in ConflictResolve) (Resolved, error) {
	if err := in.validate(); err != nil {
		return Resolved{}, err
	}
	var out Resolved
	err := s.idempotentTx(ctx, in.IdempotencyKey, "resolveConflict", in, &out, func(tx bun.Tx) error {
		var err error
		out, err = s.resolveTx(ctx, tx, in)
		return err
	})
	if err != nil {
		return Resolved{}, dbError(fmt.Errorf("resolve conflict %d: %w", in.ConflictID, err), "conflict")
	}
	// After the commit, never before. Feed readers also poll, so a lost
	// wake-up only delays the board; the resolution stands either way.
	_ = s.NotifyConflictEvents(ctx)
	return out, nil
}

// lockConflict takes the locks a change of a conflict needs, in the order
// every writer takes them (engine.go): the conflict's customers (by id),
// then, with deals, its deals, then the conflict row. A conflict's
// customers and deals are its identity and never change, so reading them
// before the locks is safe.
func lockConflict(ctx context.Context, tx bun.IDB, id int64, deals bool) (Conflict, []channel.Deal, error) {
	c, err := conflictTx(ctx, tx, id, false)
	if err != nil {
		return Conflict{}, nil, err
	}
	if err := lockCustomers(ctx, tx, c.CustomerIDs...); err != nil {
		return Conflict{}, nil, err
	}
	var locked []channel.Deal
	if deals {
		if locked, err = lockDeals(ctx, tx, c.DealIDs); err != nil {
			return Conflict{}, nil, err
		}
	}
	c, err = conflictTx(ctx, tx, id, true)
	return c, locked, err
}

func (s *Store) resolveTx(ctx context.Context, tx bun.Tx, in ConflictResolve) (Resolved, error) {
	before, deals, err := lockConflict(ctx, tx, in.ConflictID, true)
	if err != nil {
		return Resolved{}, err
	}
	if !before.Status.Live() {
		return Resolved{}, conflict("the conflict is already %s", before.Status)
	}
	now := s.now()
	r := resolution{ctx: ctx, tx: tx, c: before, in: in, now: now, deals: deals}
	switch in.Resolution {
	case channel.AwardDealer:
		err = r.awardDealer()
	case channel.AwardDirect:
		err = r.awardDirect()
	case channel.Split:
		err = r.split()
	case channel.RouteToDealer:
		err = r.routeToDealer()
	case channel.TransferCustomer:
		err = r.transferCustomer()
	case channel.Dismiss:
		// Nothing changes but the conflict.
	}
	if err != nil {
		return Resolved{}, err
	}
	status := channel.ConflictResolved
	if in.Resolution == channel.Dismiss {
		status = channel.ConflictDismissed
	}
	_, err = tx.NewRaw(`UPDATE conflicts SET status = ?, resolution = ?, resolution_note = ?, closed_at = ?,
		closed_by = ?, updated_at = ? WHERE id = ?`,
		string(status), string(in.Resolution), in.Note, now, in.DecidedBy, now, before.ID).Exec(ctx)
	if err != nil {
		return Resolved{}, err
	}
	reason := string(in.Resolution)
	if in.Note != "" {
		reason += ": " + in.Note
	}
	if err := insertConflictEvent(ctx, tx, before.ID, "RESOLVED", reason, now); err != nil {
		return Resolved{}, err
	}
	after, err := conflictTx(ctx, tx, before.ID, false)
	if err != nil {
		return Resolved{}, err
	}
	r.out.Conflict = after
	if err := audit(ctx, tx, "resolve", "conflict", before.ID, before, resolutionAudit{after, r.out}); err != nil {
		return Resolved{}, err
	}
	// Other conflicts of these customers may rest on what just changed.
	ev, err := s.Evaluate(ctx, tx, before.CustomerIDs, now)
	if err != nil {
		return Resolved{}, fmt.Errorf("re-evaluate after resolution: %w", err)
	}
	r.out.Changed = sortedUnique(append([]int64{before.ID}, ev.Changed...))
	// Evaluation never touches a conflict a person closed, but re-read it so
	// the caller sees the committed row.
	if r.out.Conflict, err = conflictTx(ctx, tx, before.ID, false); err != nil {
		return Resolved{}, err
	}
	return r.out, nil
}

// resolutionAudit is the "after" of a resolution's audit entry: the closed
// conflict and every effect.
type resolutionAudit struct {
	Conflict Conflict
	Effects  Resolved
}

// insertConflictEvent appends one event to the conflicts' log.
func insertConflictEvent(ctx context.Context, tx bun.IDB, conflictID int64, typ, reason string, at time.Time) error {
	_, err := tx.NewRaw(`INSERT INTO conflict_events (type, conflict_id, at, reason) VALUES (?, ?, ?, ?)`,
		typ, conflictID, at, reason).Exec(ctx)
	if err != nil {
		return fmt.Errorf("conflict event: %w", err)
	}
	return nil
}

func lockDeals(ctx context.Context, tx bun.IDB, ids []int64) ([]channel.Deal, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rows []dealRow
	if err := tx.NewSelect().Model(&rows).Where("dl.id IN (?)", bun.In(ids)).OrderExpr("dl.id").For("UPDATE").Scan(ctx); err != nil {
		return nil, fmt.Errorf("lock deals: %w", err)
	}
	out := make([]channel.Deal, len(rows))
	for i, r := range rows {
		out[i] = r.deal()
	}
	return out, nil
}

// resolution carries one resolution's transaction.
type resolution struct {
	ctx   context.Context
	tx    bun.Tx
	c     Conflict
	in    ConflictResolve
	now   time.Time
	deals []channel.Deal // the conflict's deals, locked
	out   Resolved
}

func (r *resolution) openDeals(keep func(channel.Deal) bool) []channel.Deal {
	var out []channel.Deal
	for _, d := range r.deals {
		if d.Stage.Open() && keep(d) {
			out = append(out, d)
		}
	}
	return out
}

func (r *resolution) label() string {
	return fmt.Sprintf("conflict #%d (%s) resolved %s", r.c.ID, r.c.Kind, r.in.Resolution)
}

// reason is the resolution in words, for history entries: the note
// first, then which conflict decided it.
func (r *resolution) reason() string {
	if r.in.Note != "" {
		return r.in.Note + " (" + r.label() + ")"
	}
	return r.label()
}

// cancel closes deals as CANCELLED with the resolution as the reason.
func (r *resolution) cancel(deals []channel.Deal) error {
	reason := r.label()
	if r.in.Note != "" {
		reason += ": " + r.in.Note
	}
	for _, d := range deals {
		_, err := r.tx.NewUpdate().Model((*dealRow)(nil)).Where("id = ?", d.ID).
			Set("stage = ?", string(channel.StageCancelled)).Set("close_reason = ?", reason).
			Set("closed_at = ?", r.now).Set("updated_at = ?", r.now).Exec(r.ctx)
		if err != nil {
			return fmt.Errorf("cancel deal %d: %w", d.ID, err)
		}
		after, err := dealTx(r.ctx, r.tx, d.ID, false)
		if err != nil {
			return err
		}
		if err := audit(r.ctx, r.tx, "cancel", "deal", d.ID, d, after); err != nil {
			return err
		}
		r.out.Cancelled = append(r.out.Cancelled, d.ID)
	}
	return nil
}

// dealerParty picks the dealer a resolution acts for: the one named, else
// the suggested dealer if pick accepts it, else the first that pick
// accepts among the parties.
func (r *resolution) dealerParty(pick func(int64) bool) int64 {
	if r.in.DealerID != 0 {
		return r.in.DealerID
	}
	if r.c.SuggestedDealerID != 0 && pick(r.c.SuggestedDealerID) {
		return r.c.SuggestedDealerID
	}
	for _, id := range r.c.DealerIDs {
		if pick(id) {
			return id
		}
	}
	return 0
}

// awardDealer: the dealer's deals keep the business, every other open deal
// of the conflict is cancelled.
func (r *resolution) awardDealer() error {
	hasDeal := func(id int64) bool {
		return len(r.openDeals(func(d channel.Deal) bool { return d.DealerID == id })) > 0
	}
	dealer := r.dealerParty(hasDeal)
	if dealer == 0 {
		return invalid("input.dealerId", "name the dealer to award: the conflict has no open dealer deal to keep")
	}
	if !hasDeal(dealer) {
		return invalid("input.dealerId", "the dealer has no open deal in this conflict")
	}
	return r.cancel(r.openDeals(func(d channel.Deal) bool { return d.DealerID != dealer }))
}

// awardDirect: the direct deals keep the business, the dealers' open deals
// of the conflict are cancelled, and the overruled dealer is compensated
// (seed 000 §8).
func (r *resolution) awardDirect() error {
	direct := r.openDeals(func(d channel.Deal) bool { return d.Channel == channel.ChannelDirect })
	if len(direct) == 0 {
		return invalid("input.resolution", "the conflict has no open direct deal to award")
	}
	losers := r.openDeals(func(d channel.Deal) bool { return d.Channel == channel.ChannelDealer })
	isParty := func(id int64) bool { return slices.Contains(r.c.DealerIDs, id) }
	dealer := r.dealerParty(isParty)
	if dealer == 0 && len(losers) > 0 {
		dealer = losers[0].DealerID
	}
	if r.in.DealerID != 0 && !isParty(r.in.DealerID) && !slices.ContainsFunc(losers, func(d channel.Deal) bool { return d.DealerID == r.in.DealerID }) {
		return invalid("input.dealerId", "the dealer is not a party of this conflict")
	}
	if err := r.cancel(losers); err != nil {
		return err
	}
	// Direct keeps the customer, not only the order (seed 000: the
	// customer went to the manufacturer): the owner becomes DIRECT, and
	// the history says a resolution decided it.
	cust, err := customerTx(r.ctx, r.tx, r.c.CustomerID, false)
	if err != nil {
		return err
	}
	if cust.Owner.Kind != channel.OwnerDirect {
		change, err := changeOwnerTx(r.ctx, r.tx, r.c.CustomerID, channel.OwnerDirect, 0,
			channel.OwnershipConflictResolution, r.reason(), r.in.DecidedBy, r.now)
		if err != nil {
			return err
		}
		r.out.OwnershipChange = &change
	}
	if dealer == 0 {
		if r.in.Compensation != nil {
			return invalid("input.compensation", "no dealer is a party of this conflict: there is nobody to compensate")
		}
		return nil
	}
	// The basis of the default amount: the dealer's own deal that lost,
	// else the direct deal that won (the business the dealer was owed).
	basis := direct[0]
	for _, d := range losers {
		if d.DealerID == dealer {
			basis = d
			break
		}
	}
	comp := channel.Compensation{
		ConflictID: r.c.ID, DealerID: dealer, Basis: channel.AgentCommission,
		Note: r.in.Note,
	}
	if basis.Channel == channel.ChannelDealer {
		comp.DealID = basis.ID
	}
	if c := r.in.Compensation; c != nil {
		comp.Basis = c.Basis
	}
	if c := r.in.Compensation; c != nil && c.Amount != nil {
		comp.Amount = *c.Amount
	} else {
		pct := defaultCompensationPct
		pol, ok, err := policyTx(r.ctx, r.tx, r.now.Year())
		if err != nil {
			return err
		} else if ok {
			pct = pol.DefaultCompensationPct
		}
		comp.Amount = channel.Money{Minor: int64(math.Round(float64(basis.Amount) * pct / 100)), Currency: basis.Currency}
	}
	err = r.tx.NewRaw(`INSERT INTO compensations (conflict_id, dealer_id, deal_id, basis, amount, currency, note, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		comp.ConflictID, comp.DealerID, nullID(comp.DealID), string(comp.Basis), comp.Amount.Minor, comp.Amount.Currency,
		comp.Note, r.now).Scan(r.ctx, &comp.ID)
	if err != nil {
		return fmt.Errorf("compensation: %w", err)
	}
	comp.CreatedAt = r.now
	r.out.Compensation = &comp
	return nil
}

// defaultCompensationPct applies when the year has no policy; it is the
// policies table's default.
const defaultCompensationPct = 5.0

// split records the shares; the deals stay as they are.
func (r *resolution) split() error {
	for i, sp := range r.in.Splits {
		if !slices.Contains(r.c.DealIDs, sp.DealID) {
			return invalid("input.splits."+strconv.Itoa(i)+".dealId", "the deal is not part of this conflict")
		}
		_, err := r.tx.NewRaw(`INSERT INTO credit_splits (conflict_id, deal_id, share_pct) VALUES (?, ?, ?)`,
			r.c.ID, sp.DealID, sp.SharePct).Exec(r.ctx)
		if err != nil {
			return fmt.Errorf("credit split: %w", err)
		}
		r.out.Splits = append(r.out.Splits, channel.CreditSplit{ConflictID: r.c.ID, DealID: sp.DealID, SharePct: sp.SharePct})
	}
	return nil
}

// routeToDealer hands a small direct order to a dealer (seed 000 §2–3):
// the direct deal is cancelled and the dealer gets the same order as a
// registered, protected deal of its own.
func (r *resolution) routeToDealer() error {
	direct := r.openDeals(func(d channel.Deal) bool { return d.Channel == channel.ChannelDirect })
	if len(direct) == 0 {
		return invalid("input.resolution", "the conflict has no open direct deal to route")
	}
	dealer := r.in.DealerID
	if dealer == 0 {
		dealer = r.c.SuggestedDealerID
	}
	if dealer == 0 {
		return invalid("input.dealerId", "no dealer is suggested for this order: name one")
	}
	if err := requireDealer(r.ctx, r.tx, "input.dealerId", dealer); err != nil {
		return err
	}
	if err := r.cancel(direct); err != nil {
		return err
	}
	days := defaultProtectionDays
	pol, ok, err := policyTx(r.ctx, r.tx, r.now.Year())
	if err != nil {
		return err
	} else if ok {
		days = pol.RegistrationProtectionDays
	}
	// The order is one direct deal; should a conflict hold several, each
	// is routed.
	for _, d := range direct {
		until := r.now.AddDate(0, 0, days)
		var id int64
		err := r.tx.NewRaw(`INSERT INTO deals (customer_id, channel_kind, dealer_id, product_line_id, quantity,
			unit_price, amount, currency, stage, prepaid_amount, expected_close, registered_at, protected_until,
			created_at, updated_at)
			VALUES (?, 'DEALER', ?, ?, ?, ?, ?, ?, 'REGISTERED', 0, ?::date, ?, ?, ?, ?) RETURNING id`,
			d.CustomerID, dealer, d.ProductLineID, d.Quantity, d.UnitPrice, d.Amount, d.Currency,
			dateArgPtr(d.ExpectedClose), r.now, until, r.now, r.now).Scan(r.ctx, &id)
		if err != nil {
			return fmt.Errorf("routed deal: %w", err)
		}
		nd, err := dealTx(r.ctx, r.tx, id, false)
		if err != nil {
			return err
		}
		if err := audit(r.ctx, r.tx, "route", "deal", id, d, nd); err != nil {
			return err
		}
		if r.out.RoutedDeal == nil {
			r.out.RoutedDeal = &nd
		}
	}
	return nil
}

// transferCustomer gives the judged customer a new owner: the dealer named,
// or DIRECT when none is, with the history entry.
func (r *resolution) transferCustomer() error {
	kind, dealer := channel.OwnerDirect, r.in.DealerID
	if dealer != 0 {
		kind = channel.OwnerDealer
		if err := requireDealer(r.ctx, r.tx, "input.dealerId", dealer); err != nil {
			return err
		}
	}
	change, err := changeOwnerTx(r.ctx, r.tx, r.c.CustomerID, kind, dealer, channel.OwnershipConflictResolution, r.reason(), r.in.DecidedBy, r.now)
	if err != nil {
		return err
	}
	r.out.OwnershipChange = &change
	return nil
}

// changeOwnerTx moves a customer locked by the caller to a new owner,
// appends the history entry and audits the change.
func changeOwnerTx(ctx context.Context, tx bun.IDB, customerID int64, kind channel.OwnerKind, dealer int64,
	how channel.OwnershipHow, reason, decidedBy string, now time.Time,
) (channel.OwnershipChange, error) {
	before, err := customerTx(ctx, tx, customerID, false)
	if err != nil {
		return channel.OwnershipChange{}, err
	}
	if before.Owner.Kind == kind && before.Owner.DealerID == dealer {
		return channel.OwnershipChange{}, invalid("input.dealerId", "the customer already has this owner")
	}
	from := string(before.Owner.Kind)
	row := ownershipRow{
		CustomerID: customerID, FromKind: &from, FromDealerID: nullID(before.Owner.DealerID),
		ToKind: string(kind), ToDealerID: nullID(dealer), How: string(how), Reason: reason, DecidedBy: decidedBy, At: now,
	}
	if _, err := tx.NewInsert().Model(&row).ExcludeColumn("id").Returning("id").Exec(ctx); err != nil {
		return channel.OwnershipChange{}, err
	}
	_, err = tx.NewUpdate().Model((*customerRow)(nil)).Where("id = ?", customerID).
		Set("owner_kind = ?", row.ToKind).Set("owner_dealer_id = ?", row.ToDealerID).
		Set("owner_since = ?", now).Set("updated_at = ?", now).Exec(ctx)
	if err != nil {
		return channel.OwnershipChange{}, err
	}
	change := row.change()
	return change, audit(ctx, tx, "transfer", "customer", customerID, before, change)
}

// AcknowledgeConflict marks an open conflict as seen by a person: it stays
// live and the rules keep it up to date. Acknowledging an acknowledged
// conflict changes nothing; a closed one is refused.
func (s *Store) AcknowledgeConflict(ctx context.Context, id int64, by string) (Conflict, error) {
	var out Conflict
	err := s.InTx(ctx, func(tx bun.Tx) error {
		before, _, err := lockConflict(ctx, tx, id, false)
		if err != nil {
			return err
		}
		switch before.Status {
		case channel.ConflictAcknowledged:
			out = before
			return nil
		case channel.ConflictOpen:
		default:
			return conflict("the conflict is already %s", before.Status)
		}
		now := s.now()
		_, err = tx.NewRaw(`UPDATE conflicts SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,
			updated_at = ? WHERE id = ?`, now, by, now, id).Exec(ctx)
		if err != nil {
			return err
		}
		if err := insertConflictEvent(ctx, tx, id, "UPDATED", "acknowledged", now); err != nil {
			return err
		}
		if out, err = conflictTx(ctx, tx, id, false); err != nil {
			return err
		}
		return audit(ctx, tx, "acknowledge", "conflict", id, before, out)
	})
	if err != nil {
		return Conflict{}, dbError(fmt.Errorf("acknowledge conflict %d: %w", id, err), "conflict")
	}
	_ = s.NotifyConflictEvents(ctx) // after the commit; see ResolveConflict
	return out, nil
}
