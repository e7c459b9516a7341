package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"channelboard/channel"
)

// This file runs the conflict rules (channel.Evaluate) against the
// database: it loads the facts of a set of customers with a fixed handful
// of queries, whatever the number of customers, and turns the rules' answer
// into conflict rows and their events. The rules live only in package
// channel; nothing here decides whether a conflict exists.

// EvalResult is what an evaluation changed. The caller sends a wake-up for
// Changed after its transaction commits (never inside it: a listener woken
// before the commit would read nothing new).
type EvalResult struct {
	Customers int // customers evaluated
	Opened    int
	Updated   int
	Reopened  int
	Resolved  int
	// ExpiredProtections counts the deals whose ended protection this
	// evaluation took note of (deals.protection_expired_at).
	ExpiredProtections int
	// Changed holds the ids of the conflicts that got an event, sorted.
	Changed []int64
}

func (r *EvalResult) add(o EvalResult) {
	r.Customers += o.Customers
	r.Opened += o.Opened
	r.Updated += o.Updated
	r.Reopened += o.Reopened
	r.Resolved += o.Resolved
	r.ExpiredProtections += o.ExpiredProtections
	r.Changed = append(r.Changed, o.Changed...)
}

// openStages is the SQL list of channel.DealStage.Open stages.
const openStages = `('PENDING_APPROVAL', 'REGISTERED', 'QUOTED')`

// liveStatuses is the SQL list of channel.ConflictStatus.Live statuses.
const liveStatuses = `('OPEN', 'ACKNOWLEDGED')`

type evalCustomerRow struct {
	ID               int64     `bun:"id"`
	Name             string    `bun:"name"`
	NameNorm         string    `bun:"name_norm"`
	RegionID         int64     `bun:"region_id"`
	Segment          string    `bun:"segment"`
	Size             string    `bun:"size"`
	KeyAccount       bool      `bun:"key_account"`
	KeyAccountReason string    `bun:"key_account_reason"`
	OwnerKind        string    `bun:"owner_kind"`
	OwnerDealerID    *int64    `bun:"owner_dealer_id"`
	OwnerSince       time.Time `bun:"owner_since"`
	RegionPath       string    `bun:"region_path"`
	Country          *string   `bun:"country"`
}

type similarRow struct {
	ForID         int64   `bun:"for_id"`
	ID            int64   `bun:"id"`
	Name          string  `bun:"name"`
	OwnerKind     string  `bun:"owner_kind"`
	OwnerDealerID *int64  `bun:"owner_dealer_id"`
	Similarity    float64 `bun:"sim"`
	Country       *string `bun:"country"`
}

// conflictRow is a stored conflict as the diff needs it.
type conflictRow struct {
	ID                int64   `bun:"id"`
	IdentityKey       string  `bun:"identity_key"`
	Kind              string  `bun:"kind"`
	Status            string  `bun:"status"`
	Severity          string  `bun:"severity"`
	CustomerID        int64   `bun:"customer_id"`
	CustomerIDs       []int64 `bun:"customer_ids,array"`
	DealIDs           []int64 `bun:"deal_ids,array"`
	DealerIDs         []int64 `bun:"dealer_ids,array"`
	InvolvesDirect    bool    `bun:"involves_direct"`
	SuggestedDealerID *int64  `bun:"suggested_dealer_id"`
	AtStake           int64   `bun:"at_stake"`
	Currency          string  `bun:"currency"`
	Explanation       string  `bun:"explanation"`
	Resolution        *string `bun:"resolution"`
}

const conflictCols = `id, identity_key, kind, status, severity, customer_id, customer_ids, deal_ids,
	dealer_ids, involves_direct, suggested_dealer_id, at_stake, currency, explanation::text AS explanation, resolution`

// evalFacts is the facts of a batch of customers, loaded set-wise.
type evalFacts struct {
	at        time.Time
	customers []evalCustomerRow
	deals     map[int64][]channel.Deal // open deals by customer
	assigns   []channel.TerritoryAssignment
	dealers   map[int64]channel.Dealer
	lines     map[int64]channel.ProductLine
	policy    *channel.Policy
	similar   map[int64][]channel.SimilarCustomer
	dealsOnly bool // see evalOpts
}

// Evaluate re-judges customerIDs at the instant at inside the caller's
// transaction tx (it must be one: the customers are locked FOR UPDATE, in id
// order, so evaluations of one customer never interleave, and the duplicate
// search sets a transaction-local pg_trgm threshold). New findings open
// conflicts (or re-open ones the rules closed earlier — a conflict a person
// resolved or dismissed stays closed), findings under a live conflict's key
// update it when anything about it changed, and live conflicts of these
// customers the rules no longer find are RESOLVED with resolution AUTO and
// the reason in words. Every change writes its conflict_events row here.
// Deals of these customers whose protection ended by at are marked
// protection_expired_at, so the expiry job does not redo them.
func (s *Store) Evaluate(ctx context.Context, tx bun.IDB, customerIDs []int64, at time.Time) (EvalResult, error) {
	return s.evaluate(ctx, tx, customerIDs, at, evalOpts{})
}

// evalOpts narrows an evaluation to what a change can have touched.
type evalOpts struct {
	// dealsOnly: the change touched no customer's name, owner or region,
	// which is all DUPLICATE_CUSTOMER reads. The duplicate search (a
	// trigram index probe per customer, most of an evaluation's cost) is
	// skipped, and DUPLICATE_CUSTOMER conflicts are neither opened nor
	// closed.
	dealsOnly bool
}

func (s *Store) evaluate(ctx context.Context, tx bun.IDB, customerIDs []int64, at time.Time, o evalOpts) (EvalResult, error) {
	ids := sortedUnique(customerIDs)
	if len(ids) == 0 {
		return EvalResult{}, nil
	}
	at = at.UTC()
	facts, err := loadFacts(ctx, tx, ids, at, o)
	if err != nil {
		return EvalResult{}, fmt.Errorf("evaluate: load facts: %w", err)
	}
	res, err := applyFindings(ctx, tx, facts)
	if err != nil {
		return EvalResult{}, fmt.Errorf("evaluate: %w", err)
	}
	if res.ExpiredProtections, err = markExpired(ctx, tx, facts); err != nil {
		return EvalResult{}, fmt.Errorf("evaluate: mark expired protections: %w", err)
	}
	return res, nil
}

func sortedUnique(ids []int64) []int64 {
	out := slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id <= 0 })
	slices.Sort(out)
	return slices.Compact(out)
}

func loadFacts(ctx context.Context, tx bun.IDB, ids []int64, at time.Time, o evalOpts) (*evalFacts, error) {
	f := &evalFacts{at: at, dealsOnly: o.dealsOnly, deals: map[int64][]channel.Deal{}, similar: map[int64][]channel.SimilarCustomer{},
		dealers: map[int64]channel.Dealer{}, lines: map[int64]channel.ProductLine{}}

	// 1. The customers with their region's path and country, locked: every
	// writer of a customer's facts takes this lock first, so what is read
	// below stays true until commit.
	err := tx.NewRaw(`SELECT c.id, c.name, c.name_norm, c.region_id, c.segment, c.size, c.key_account,
			c.key_account_reason, c.owner_kind, c.owner_dealer_id, c.owner_since, r.path::text AS region_path, r.country
		FROM customers c JOIN regions r ON r.id = c.region_id
		WHERE c.id IN (?) ORDER BY c.id FOR UPDATE OF c`, bun.In(ids)).Scan(ctx, &f.customers)
	if err != nil {
		return nil, fmt.Errorf("customers: %w", err)
	}
	if len(f.customers) == 0 {
		return f, nil
	}
	dealerIDs := map[int64]bool{}
	regionIDs := make([]int64, 0, len(f.customers))
	for _, c := range f.customers {
		regionIDs = append(regionIDs, c.RegionID)
		if c.OwnerDealerID != nil {
			dealerIDs[*c.OwnerDealerID] = true
		}
	}

	// 2. Their open deals.
	var deals []dealRow
	// closed_at IS NULL is "open" (deals_closed_stage), and unlike stage
	// it tempts the planner into no bitmap-AND with the stage index.
	if err := tx.NewSelect().Model(&deals).Where("dl.customer_id IN (?)", bun.In(ids)).
		Where("dl.closed_at IS NULL").Scan(ctx); err != nil {
		return nil, fmt.Errorf("deals: %w", err)
	}
	lineIDs := map[int64]bool{}
	for _, r := range deals {
		d := r.deal()
		f.deals[d.CustomerID] = append(f.deals[d.CustomerID], d)
		lineIDs[d.ProductLineID] = true
		if d.DealerID != 0 {
			dealerIDs[d.DealerID] = true
		}
	}

	// 3. Assignments valid at at whose region is the customer's or an
	// ancestor of it (the GiST index on regions.path serves @>). Expired
	// ones are left out: the rules would ignore them anyway.
	var assigns []territoryRow
	day := dateArg(at)
	if err := territorySelect(tx, &assigns).
		Where(`r.id IN (SELECT ar.id FROM regions ar JOIN regions cr ON ar.path @> cr.path WHERE cr.id IN (?))`, bun.In(sortedUnique(regionIDs))).
		Where("ta.valid_from <= ?::date", day).
		Where("(ta.valid_to IS NULL OR ta.valid_to >= ?::date)", day).Scan(ctx); err != nil {
		return nil, fmt.Errorf("assignments: %w", err)
	}
	for _, r := range assigns {
		f.assigns = append(f.assigns, r.assignment())
		dealerIDs[r.DealerID] = true
	}

	// 4. Duplicate candidates: for each customer, the others whose
	// normalised name is within the rule's similarity, found with the
	// trigram index (one index probe per customer, in one statement).
	if err := loadSimilar(ctx, tx, f, ids, dealerIDs); err != nil {
		return nil, err
	}

	// 5. Every dealer named above.
	if len(dealerIDs) > 0 {
		var rows []dealerRow
		if err := tx.NewSelect().Model(&rows).Where("d.id IN (?)", bun.In(keys(dealerIDs))).Scan(ctx); err != nil {
			return nil, fmt.Errorf("dealers: %w", err)
		}
		for _, r := range rows {
			f.dealers[r.ID] = r.dealer()
		}
	}

	// 6. Product lines of the deals.
	if len(lineIDs) > 0 {
		var rows []productLineRow
		if err := tx.NewSelect().Model(&rows).Where("pl.id IN (?)", bun.In(keys(lineIDs))).Scan(ctx); err != nil {
			return nil, fmt.Errorf("product lines: %w", err)
		}
		for _, r := range rows {
			f.lines[r.ID] = r.productLine()
		}
	}

	// 7. The policy of at's year with its price floors. Without one the
	// policy-valued rules are silent (channel.Facts.Policy).
	p, ok, err := policyTx(ctx, tx, at.Year())
	if err != nil {
		return nil, fmt.Errorf("policy: %w", err)
	}
	if ok {
		pol := p.policy()
		var floors []struct {
			ProductLineID int64 `bun:"product_line_id"`
			MinUnitPrice  int64 `bun:"min_unit_price"`
		}
		if err := tx.NewRaw(`SELECT product_line_id, min_unit_price FROM policy_price_floors WHERE year = ?`,
			at.Year()).Scan(ctx, &floors); err != nil {
			return nil, fmt.Errorf("price floors: %w", err)
		}
		for _, fl := range floors {
			pol.PriceFloors[fl.ProductLineID] = fl.MinUnitPrice
		}
		f.policy = &pol
	}
	return f, nil
}

func loadSimilar(ctx context.Context, tx bun.IDB, f *evalFacts, ids []int64, dealerIDs map[int64]bool) error {
	if f.dealsOnly {
		return nil
	}
	if _, err := tx.NewRaw(`SELECT set_config('pg_trgm.similarity_threshold', ?, true)`,
		strconv.FormatFloat(channel.DuplicateNameSimilarity, 'f', -1, 64)).Exec(ctx); err != nil {
		return fmt.Errorf("similarity threshold: %w", err)
	}
	var sims []similarRow
	if err := tx.NewRaw(`SELECT c.id AS for_id, o.id, o.name, o.owner_kind, o.owner_dealer_id,
			similarity(o.name_norm, c.name_norm) AS sim, r.country
		FROM customers c
		JOIN LATERAL (SELECT o.id, o.name, o.name_norm, o.owner_kind, o.owner_dealer_id, o.region_id
			FROM customers o WHERE o.name_norm % c.name_norm AND o.id <> c.id) o ON true
		JOIN regions r ON r.id = o.region_id
		WHERE c.id IN (?) AND c.name_norm <> ''`, bun.In(ids)).Scan(ctx, &sims); err != nil {
		return fmt.Errorf("similar customers: %w", err)
	}
	for _, r := range sims {
		sc := channel.SimilarCustomer{ID: r.ID, Name: r.Name, Similarity: r.Similarity,
			Owner: channel.Owner{Kind: channel.OwnerKind(r.OwnerKind)}}
		if r.OwnerDealerID != nil {
			sc.Owner.DealerID = *r.OwnerDealerID
			dealerIDs[*r.OwnerDealerID] = true
		}
		if r.Country != nil {
			sc.Country = *r.Country
		}
		f.similar[r.ForID] = append(f.similar[r.ForID], sc)
	}

	return nil
}

func keys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// factsOf assembles one customer's channel.Facts from the batch.
func (f *evalFacts) factsOf(c evalCustomerRow) channel.Facts {
	cust := channel.Customer{
		ID: c.ID, Name: c.Name, NameNorm: c.NameNorm, RegionID: c.RegionID,
		Segment: channel.Segment(c.Segment), Size: channel.CustomerSize(c.Size),
		KeyAccount: c.KeyAccount, KeyAccountReason: c.KeyAccountReason,
		Owner: channel.Owner{Kind: channel.OwnerKind(c.OwnerKind), Since: c.OwnerSince.UTC()},
	}
	if c.OwnerDealerID != nil {
		cust.Owner.DealerID = *c.OwnerDealerID
	}
	country := ""
	if c.Country != nil {
		country = *c.Country
	}
	var as []channel.TerritoryAssignment
	for _, a := range f.assigns {
		if channel.Covers(a.RegionPath, c.RegionPath) {
			as = append(as, a)
		}
	}
	return channel.Facts{
		At: f.at, Policy: f.policy, Customer: cust, CustomerRegionPath: c.RegionPath, CustomerCountry: country,
		Dealers: f.dealers, Deals: f.deals[c.ID], Assignments: as, ProductLines: f.lines,
		SimilarCustomers: f.similar[c.ID],
	}
}

// newConflict is a finding about to be written.
type newConflict struct {
	finding channel.Finding
	expl    string // explanation JSON
}

func explanationJSON(e channel.Explanation) (string, error) {
	b, err := json.Marshal(e)
	return string(b), err
}

// eventRow is one conflict_events row to write.
type eventRow struct {
	conflictID int64
	typ        string
	reason     string
}

func applyFindings(ctx context.Context, tx bun.IDB, f *evalFacts) (EvalResult, error) {
	res := EvalResult{Customers: len(f.customers)}
	if len(f.customers) == 0 {
		return res, nil
	}
	// Run the rules. A DUPLICATE_CUSTOMER pair found from both sides in
	// one batch is one finding: the lower customer id's view is kept.
	found := map[string]newConflict{}
	var order []string
	for _, c := range f.customers {
		for _, fd := range channel.Evaluate(f.factsOf(c)) {
			k := fd.Key()
			if prev, ok := found[k]; ok && prev.finding.CustomerID <= fd.CustomerID {
				continue
			} else if !ok {
				order = append(order, k)
			}
			ex, err := explanationJSON(fd.Explanation)
			if err != nil {
				return res, fmt.Errorf("explanation: %w", err)
			}
			found[k] = newConflict{finding: fd, expl: ex}
		}
	}
	slices.Sort(order)

	// The stored conflicts: the live ones of these customers, and any
	// (closed) conflict under a key found now.
	ids := make([]int64, len(f.customers))
	for i, c := range f.customers {
		ids[i] = c.ID
	}
	var live []conflictRow
	// One GIN probe per customer: written as "customer_ids && batch" the
	// planner scans the whole table instead.
	if err := tx.NewRaw(`SELECT DISTINCT ON (id) `+conflictCols+`
		FROM unnest(?::bigint[]) AS u(cid) JOIN conflicts ON customer_ids @> ARRAY[u.cid]
		WHERE status IN `+liveStatuses+` ORDER BY id`,
		pgdialect.Array(ids)).Scan(ctx, &live); err != nil {
		return res, fmt.Errorf("live conflicts: %w", err)
	}
	stored := make(map[string]conflictRow, len(live))
	for _, c := range live {
		stored[c.IdentityKey] = c
	}
	var unknown []string
	for _, k := range order {
		if _, ok := stored[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		var closed []conflictRow
		if err := tx.NewRaw(`SELECT `+conflictCols+` FROM conflicts WHERE identity_key IN (?)`,
			bun.In(unknown)).Scan(ctx, &closed); err != nil {
			return res, fmt.Errorf("closed conflicts: %w", err)
		}
		for _, c := range closed {
			stored[c.IdentityKey] = c
		}
	}

	var inserts []newConflict
	var events []eventRow
	now := f.at
	for _, k := range order {
		nc := found[k]
		old, ok := stored[k]
		switch {
		case !ok:
			inserts = append(inserts, nc)
		case channel.ConflictStatus(old.Status).Live():
			if same(old, nc) {
				continue
			}
			if err := updateConflict(ctx, tx, old.ID, nc, false, now); err != nil {
				return res, err
			}
			res.Updated++
			events = append(events, eventRow{old.ID, "UPDATED", nc.finding.Explanation.Text("en")})
		case old.Resolution != nil && *old.Resolution == "AUTO":
			// The rules closed it, the rules open it again: the same
			// situation keeps its history under one id.
			if err := updateConflict(ctx, tx, old.ID, nc, true, now); err != nil {
				return res, err
			}
			res.Reopened++
			events = append(events, eventRow{old.ID, "REOPENED", nc.finding.Explanation.Text("en")})
		default:
			// A person resolved or dismissed it: their decision stands.
		}
	}

	newIDs, err := insertConflicts(ctx, tx, inserts, now)
	if err != nil {
		return res, err
	}
	for i, nc := range inserts {
		if newIDs[i] == 0 {
			// A concurrent evaluation of the pair's other customer inserted
			// it first; it is theirs to report.
			continue
		}
		res.Opened++
		events = append(events, eventRow{newIDs[i], "OPENED", nc.finding.Explanation.Text("en")})
	}

	// Live conflicts whose key the rules no longer find close, with why.
	var gone []conflictRow
	for _, c := range live {
		if f.dealsOnly && c.Kind == string(channel.DuplicateCustomer) {
			continue // not searched, so not known to be gone
		}
		if _, ok := found[c.IdentityKey]; !ok {
			gone = append(gone, c)
		}
	}
	if len(gone) > 0 {
		notes, err := resolutionNotes(ctx, tx, f, gone, found)
		if err != nil {
			return res, err
		}
		if err := autoResolve(ctx, tx, gone, notes, now); err != nil {
			return res, err
		}
		for i, c := range gone {
			res.Resolved++
			events = append(events, eventRow{c.ID, "RESOLVED", notes[i]})
		}
	}
	if err := insertEvents(ctx, tx, events, now); err != nil {
		return res, err
	}
	for _, e := range events {
		res.Changed = append(res.Changed, e.conflictID)
	}
	slices.Sort(res.Changed)
	res.Changed = slices.Compact(res.Changed)
	return res, nil
}

// same reports whether a stored conflict already says what the finding
// says. A DUPLICATE_CUSTOMER pair stored from the other customer's side
// has the mirror-image explanation; that is not a change.
func same(old conflictRow, nc newConflict) bool {
	fd := nc.finding
	if old.Severity != string(fd.Severity) || !slices.Equal(old.CustomerIDs, fd.CustomerIDs) ||
		!slices.Equal(old.DealIDs, fd.DealIDs) || !slices.Equal(old.DealerIDs, fd.DealerIDs) ||
		old.InvolvesDirect != fd.InvolvesDirect || deref(old.SuggestedDealerID) != fd.SuggestedDealerID ||
		old.AtStake != fd.AtStake.Minor || strings.TrimSpace(old.Currency) != currencyOf(fd) {
		return false
	}
	if fd.Kind == channel.DuplicateCustomer && old.CustomerID != fd.CustomerID {
		return true
	}
	var e channel.Explanation
	if err := json.Unmarshal([]byte(old.Explanation), &e); err != nil {
		return false
	}
	b, err := explanationJSON(e)
	return err == nil && b == nc.expl
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// currencyOf is the currency stored with a finding's money; a conflict
// about no money (DUPLICATE_CUSTOMER) keeps the column's default.
func currencyOf(fd channel.Finding) string {
	if fd.AtStake.Currency == "" {
		return "EUR"
	}
	return fd.AtStake.Currency
}

func updateConflict(ctx context.Context, tx bun.IDB, id int64, nc newConflict, reopen bool, now time.Time) error {
	fd := nc.finding
	q := `UPDATE conflicts SET severity = ?, customer_ids = ?, deal_ids = ?, dealer_ids = ?, involves_direct = ?,
		suggested_dealer_id = ?, at_stake = ?, currency = ?, explanation = ?::jsonb, updated_at = ?`
	if reopen {
		q += `, status = 'OPEN', closed_at = NULL, closed_by = '', resolution = NULL, resolution_note = '',
			acknowledged_at = NULL, acknowledged_by = ''`
	}
	_, err := tx.NewRaw(q+` WHERE id = ?`, string(fd.Severity), pgdialect.Array(fd.CustomerIDs),
		pgdialect.Array(nonNil(fd.DealIDs)), pgdialect.Array(nonNil(fd.DealerIDs)), fd.InvolvesDirect,
		nullID(fd.SuggestedDealerID), fd.AtStake.Minor, currencyOf(fd), nc.expl, now, id).Exec(ctx)
	if err != nil {
		return fmt.Errorf("update conflict %d: %w", id, err)
	}
	return nil
}

func nonNil(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// insertConflicts writes new conflicts in one statement and returns their
// ids in order; 0 where a concurrent transaction inserted the key first.
func insertConflicts(ctx context.Context, tx bun.IDB, ncs []newConflict, now time.Time) ([]int64, error) {
	ids := make([]int64, len(ncs))
	for start := 0; start < len(ncs); start += 1000 {
		part := ncs[start:min(start+1000, len(ncs))]
		var b strings.Builder
		b.WriteString(`INSERT INTO conflicts (kind, identity_key, status, severity, customer_id, customer_ids, deal_ids,
			dealer_ids, involves_direct, suggested_dealer_id, at_stake, currency, explanation, detected_at, updated_at) VALUES `)
		args := make([]any, 0, len(part)*14)
		for i, nc := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`(?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`)
			fd := nc.finding
			args = append(args, string(fd.Kind), fd.Key(), string(fd.Severity), fd.CustomerID,
				pgdialect.Array(fd.CustomerIDs), pgdialect.Array(nonNil(fd.DealIDs)), pgdialect.Array(nonNil(fd.DealerIDs)),
				fd.InvolvesDirect, nullID(fd.SuggestedDealerID), fd.AtStake.Minor, currencyOf(fd), nc.expl, now, now)
		}
		b.WriteString(` ON CONFLICT (identity_key) DO NOTHING RETURNING id, identity_key`)
		var rows []struct {
			ID  int64  `bun:"id"`
			Key string `bun:"identity_key"`
		}
		if err := tx.NewRaw(b.String(), args...).Scan(ctx, &rows); err != nil {
			return nil, fmt.Errorf("insert conflicts: %w", err)
		}
		byKey := make(map[string]int64, len(rows))
		for _, r := range rows {
			byKey[r.Key] = r.ID
		}
		for i, nc := range part {
			ids[start+i] = byKey[nc.finding.Key()]
		}
	}
	return ids, nil
}

func autoResolve(ctx context.Context, tx bun.IDB, gone []conflictRow, notes []string, now time.Time) error {
	var b strings.Builder
	b.WriteString(`UPDATE conflicts c SET status = 'RESOLVED', resolution = 'AUTO', closed_at = ?, closed_by = '',
		resolution_note = v.note, updated_at = ? FROM (VALUES `)
	args := []any{now, now}
	for i, c := range gone {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?::bigint, ?::text)")
		args = append(args, c.ID, notes[i])
	}
	b.WriteString(`) AS v(id, note) WHERE c.id = v.id`)
	if _, err := tx.NewRaw(b.String(), args...).Exec(ctx); err != nil {
		return fmt.Errorf("auto-resolve conflicts: %w", err)
	}
	return nil
}

func insertEvents(ctx context.Context, tx bun.IDB, events []eventRow, now time.Time) error {
	for start := 0; start < len(events); start += 2000 {
		part := events[start:min(start+2000, len(events))]
		var b strings.Builder
		b.WriteString(`INSERT INTO conflict_events (type, conflict_id, reason, at) VALUES `)
		args := make([]any, 0, len(part)*4)
		for i, e := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?)")
			args = append(args, e.typ, e.conflictID, e.reason, now)
		}
		if _, err := tx.NewRaw(b.String(), args...).Exec(ctx); err != nil {
			return fmt.Errorf("insert conflict events: %w", err)
		}
	}
	return nil
}

// resolutionNotes says in words why each gone conflict's condition no
// longer holds, from the facts just loaded and the stages of its deals
// that are no longer open (one query for all of them).
func resolutionNotes(ctx context.Context, tx bun.IDB, f *evalFacts, gone []conflictRow, found map[string]newConflict) ([]string, error) {
	open := map[int64]channel.Deal{}
	for _, ds := range f.deals {
		for _, d := range ds {
			open[d.ID] = d
		}
	}
	var missing []int64
	for _, c := range gone {
		for _, id := range c.DealIDs {
			if _, ok := open[id]; !ok {
				missing = append(missing, id)
			}
		}
	}
	stages := map[int64]string{}
	if len(missing) > 0 {
		var rows []struct {
			ID    int64  `bun:"id"`
			Stage string `bun:"stage"`
		}
		if err := tx.NewRaw(`SELECT id, stage FROM deals WHERE id IN (?)`, bun.In(sortedUnique(missing))).Scan(ctx, &rows); err != nil {
			return nil, fmt.Errorf("closed deals: %w", err)
		}
		for _, r := range rows {
			stages[r.ID] = r.Stage
		}
	}
	customers := map[int64]evalCustomerRow{}
	for _, c := range f.customers {
		customers[c.ID] = c
	}
	notes := make([]string, len(gone))
	for i, c := range gone {
		notes[i] = "condition no longer holds: " + whyGone(f, c, open, stages, customers, found)
	}
	return notes, nil
}

func whyGone(f *evalFacts, c conflictRow, open map[int64]channel.Deal, stages map[int64]string,
	customers map[int64]evalCustomerRow, found map[string]newConflict) string {
	var why []string
	for _, id := range c.DealIDs {
		if _, ok := open[id]; ok {
			continue
		}
		if st, ok := stages[id]; ok {
			why = append(why, fmt.Sprintf("deal %d was %s", id, strings.ToLower(st)))
		} else {
			why = append(why, fmt.Sprintf("deal %d no longer exists", id))
		}
	}
	if len(why) > 0 {
		return strings.Join(why, "; ")
	}
	cust := customers[c.CustomerID]
	kind := channel.ConflictKind(c.Kind)
	if cust.KeyAccount && (kind == channel.DirectBypass || kind == channel.SmallDirectOrder) {
		return "the customer is now a key account"
	}
	if kind == channel.DuplicateRegistration || kind == channel.DirectBypass {
		for _, id := range c.DealIDs {
			if d := open[id]; d.ProtectedUntil != nil && !f.at.Before(*d.ProtectedUntil) && d.Prepaid == 0 {
				return fmt.Sprintf("the protection of deal %d ended at %s", id, d.ProtectedUntil.UTC().Format("2006-01-02 15:04 UTC"))
			}
		}
	}
	// The same kind found again for this customer under another key: the
	// parties of the situation changed.
	ks := make([]string, 0, len(found))
	for k := range found {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	for _, k := range ks {
		nc := found[k]
		if nc.finding.Kind == kind && slices.Contains(nc.finding.CustomerIDs, c.CustomerID) &&
			strings.HasPrefix(k, c.Kind+"/") && overlaps(nc.finding.DealIDs, c.DealIDs) {
			return fmt.Sprintf("the deals involved changed; the situation continues as %s", k)
		}
	}
	switch kind {
	case channel.OwnershipClaim:
		return "the customer's owner changed, or the dealer is in the owner's chain"
	case channel.OutOfTerritory:
		return "the dealer now has an assignment covering the customer"
	case channel.SmallDirectOrder:
		return "the order is no longer under the direct-sale threshold"
	case channel.PriceBelowFloor:
		return "the unit price is no longer under the price floor"
	case channel.PriceMismatch:
		return "the unit prices are now within the tolerance"
	case channel.DuplicateCustomer:
		return "the customers' names, owners or countries no longer make them look like duplicates"
	case channel.DirectBypass:
		return "no dealer owns the customer or holds a protected registration or prepayment on it any more"
	case channel.DuplicateRegistration:
		return "the earlier registration no longer holds protection"
	}
	return "the rules no longer find it"
}

func overlaps(a, b []int64) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// markExpired records that this evaluation took note of every protection
// of these customers that ended by f.at.
func markExpired(ctx context.Context, tx bun.IDB, f *evalFacts) (int, error) {
	var due bool
	for _, ds := range f.deals {
		for _, d := range ds {
			if d.ProtectedUntil != nil && !f.at.Before(*d.ProtectedUntil) {
				due = true
			}
		}
	}
	if !due {
		return 0, nil
	}
	ids := make([]int64, len(f.customers))
	for i, c := range f.customers {
		ids[i] = c.ID
	}
	r, err := tx.NewRaw(`UPDATE deals SET protection_expired_at = ?
		WHERE customer_id IN (?) AND protection_expired_at IS NULL AND protected_until <= ?
		  AND stage IN `+openStages, f.at, bun.In(ids), f.at).Exec(ctx)
	if err != nil {
		return 0, err
	}
	n, err := r.RowsAffected()
	return int(n), err
}
