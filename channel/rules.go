package channel

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Facts is everything the rules read about one customer, loaded by the
// store in the transaction that changed any of it. The rules read no clock:
// At is the instant they judge.
type Facts struct {
	At     time.Time
	Policy *Policy // the policy of At's year; nil: policy-valued rules are silent

	Customer           Customer
	CustomerRegionPath string
	CustomerCountry    string // ISO 3166-1 alpha-2 of the customer's region

	// Dealers holds every dealer named anywhere in the facts: of the deals,
	// the assignments, the owner, and the owners of SimilarCustomers.
	Dealers map[int64]Dealer
	// Deals are the deals on the customer; only open ones are judged, so
	// the store may pass closed ones too.
	Deals []Deal
	// Assignments are those whose region covers the customer's region (a
	// superset is fine: coverage is checked again), of any validity.
	Assignments  []TerritoryAssignment
	ProductLines map[int64]ProductLine
	// SimilarCustomers are the pg_trgm candidates for DUPLICATE_CUSTOMER.
	SimilarCustomers []SimilarCustomer
}

// SimilarCustomer is another customer whose normalised name is close to
// this one's.
type SimilarCustomer struct {
	ID         int64
	Name       string
	Owner      Owner
	Similarity float64 // pg_trgm similarity of the normalised names, 0..1
	Country    string
}

// DuplicateNameSimilarity is the pg_trgm similarity of normalised names
// from which two customers count as possible duplicates. The store should
// look candidates up with this threshold so it finds no more than the rule
// wants; the rule checks it again.
const DuplicateNameSimilarity = 0.6

// Matches reports whether the assignment's region, segments and product
// lines (empty = all) cover a customer in regionPath and segment buying
// productLineID. Validity in time is a separate question (ActiveOn).
func (a TerritoryAssignment) Matches(regionPath string, segment Segment, productLineID int64) bool {
	return Covers(a.RegionPath, regionPath) &&
		(len(a.Segments) == 0 || slices.Contains(a.Segments, segment)) &&
		(len(a.ProductLineIDs) == 0 || slices.Contains(a.ProductLineIDs, productLineID))
}

// Evaluate returns every conflict the facts call for, sorted by Key. It is
// the whole set, not a difference: the store opens what is new and closes
// live conflicts of this customer that are no longer in it.
//
// Severities, each argued at its rule below:
//
//	DUPLICATE_REGISTRATION  MEDIUM; HIGH when the holder has prepaid
//	DIRECT_BYPASS           HIGH; CRITICAL when a dealer has prepaid (seed 000)
//	SMALL_DIRECT_ORDER      MEDIUM; LOW when no dealer can take it
//	OWNERSHIP_CLAIM         MEDIUM; LOW when the owner is terminated
//	OUT_OF_TERRITORY        MEDIUM; HIGH against another's exclusive assignment
//	PRICE_BELOW_FLOOR       MEDIUM; HIGH more than 10 % under the floor
//	PRICE_MISMATCH          MEDIUM; HIGH beyond twice the tolerance
//	DUPLICATE_CUSTOMER      LOW; MEDIUM when the normalised names are equal
//
// The deals of a finding are those its condition rests on: for
// DIRECT_BYPASS the direct deal and the dealer registrations it bypasses,
// for the pair rules both deals. When that set changes (a registration's
// protection lapses) the old conflict's condition is gone and a new one is
// found under a new key.
func Evaluate(f Facts) []Finding {
	e := evaluator{f: f}
	for _, d := range f.Deals {
		if d.Stage.Open() && d.CustomerID == f.Customer.ID {
			e.deals = append(e.deals, d)
		}
	}
	// First come, first served: registration order decides who holds
	// protection, and it makes the output independent of the input order.
	slices.SortFunc(e.deals, func(a, b Deal) int {
		if c := a.RegisteredAt.Compare(b.RegisteredAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	e.duplicateRegistration()
	e.directBypass()
	e.smallDirectOrder()
	e.ownershipClaim()
	e.outOfTerritory()
	e.priceBelowFloor()
	e.priceMismatch()
	e.duplicateCustomer()
	direct := map[int64]bool{}
	for _, d := range e.deals {
		direct[d.ID] = d.Channel == ChannelDirect
	}
	for i := range e.out {
		f := &e.out[i]
		f.InvolvesDirect = slices.ContainsFunc(f.DealIDs, func(id int64) bool { return direct[id] }) ||
			f.Kind == OwnershipClaim && e.f.Customer.Owner.Kind == OwnerDirect ||
			f.Kind == DuplicateCustomer && (e.f.Customer.Owner.Kind == OwnerDirect || f.Explanation.Params[ParamOtherOwnerKind] == string(OwnerDirect))
	}
	type keyed struct {
		key string
		i   int
	}
	ks := make([]keyed, len(e.out))
	for i := range e.out {
		e.out[i].DealIDs = sortedIDs(e.out[i].DealIDs)
		e.out[i].DealerIDs = sortedIDs(e.out[i].DealerIDs)
		e.out[i].CustomerIDs = sortedIDs(e.out[i].CustomerIDs)
		ks[i] = keyed{e.out[i].Key(), i}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	// A key is an identity: should the facts name one pair twice (a
	// candidate listed twice), the more severe finding stands for both.
	out := make([]Finding, 0, len(ks))
	for j, k := range ks {
		f := e.out[k.i]
		if j > 0 && k.key == ks[j-1].key {
			if f.Severity.Rank() > out[len(out)-1].Severity.Rank() {
				out[len(out)-1] = f
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

type evaluator struct {
	f     Facts
	deals []Deal // open deals of the customer in registration order
	out   []Finding
}

func (e *evaluator) add(f Finding) {
	f.CustomerID = e.f.Customer.ID
	if len(f.CustomerIDs) == 0 {
		f.CustomerIDs = []int64{e.f.Customer.ID}
	}
	e.out = append(e.out, f)
}

// sortedIDs sorts, removes duplicates and zeros (0 stands for "no dealer").
func sortedIDs(ids []int64) []int64 {
	ids = slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id == 0 })
	slices.Sort(ids)
	return slices.Compact(ids)
}

func (e *evaluator) terminated(dealerID int64) bool {
	d, ok := e.f.Dealers[dealerID]
	return ok && d.Status == DealerTerminated
}

func (e *evaluator) dealerName(id int64) string {
	if d, ok := e.f.Dealers[id]; ok && d.Name != "" {
		return d.Name
	}
	return "dealer #" + strconv.FormatInt(id, 10)
}

func (e *evaluator) product(id int64) string {
	if p, ok := e.f.ProductLines[id]; ok {
		if p.Code != "" {
			return p.Code
		}
		return p.Name
	}
	return "product line #" + strconv.FormatInt(id, 10)
}

func (e *evaluator) coverage(regionPath string, productLineID int64) string {
	return regionPath + " / " + strings.ToLower(string(e.f.Customer.Segment)) + " / " + e.product(productLineID)
}

func (e *evaluator) year() int {
	if e.f.Policy != nil {
		return e.f.Policy.Year
	}
	return e.f.At.Year()
}

// channelOf tells channels apart: direct is one channel, each dealer another.
func channelOf(d Deal) int64 {
	if d.Channel == ChannelDirect {
		return 0
	}
	return d.DealerID
}

// holdsProtection: a registration protects its channel while Deal.Protected
// says so (protection ends at the exact instant ProtectedUntil) — unless
// the dealer is terminated: a partner that has left cannot be bypassed or
// duplicated; its deals are still judged on their own (OUT_OF_TERRITORY,
// prices).
func (e *evaluator) holdsProtection(d Deal) bool {
	return d.Protected(e.f.At) && (d.Channel == ChannelDirect || !e.terminated(d.DealerID))
}

// counts reports whether an assignment gives coverage at f.At for the
// customer and product line: valid on that day and not of a terminated
// dealer. A suspended dealer still holds its territory.
func (e *evaluator) counts(a TerritoryAssignment, productLineID int64) bool {
	return a.ActiveOn(e.f.At) && !e.terminated(a.DealerID) &&
		a.Matches(e.f.CustomerRegionPath, e.f.Customer.Segment, productLineID)
}

// ranked returns the assignments that count for productLineID and satisfy
// keep, best first, one per dealer: exclusive first, then the deepest
// region (the most specific assignment), then the lowest tier number, then
// the lowest dealer id so that the choice is deterministic.
func (e *evaluator) ranked(productLineID int64, keep func(TerritoryAssignment) bool) []TerritoryAssignment {
	var as []TerritoryAssignment
	for _, a := range e.f.Assignments {
		if e.counts(a, productLineID) && keep(a) {
			as = append(as, a)
		}
	}
	tier := func(id int64) int {
		if t := e.f.Dealers[id].Tier; t > 0 {
			return t
		}
		return math.MaxInt // unknown tier ranks last
	}
	slices.SortFunc(as, func(a, b TerritoryAssignment) int {
		if a.Exclusive != b.Exclusive {
			if a.Exclusive {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(strings.Count(b.RegionPath, "."), strings.Count(a.RegionPath, ".")); c != 0 {
			return c
		}
		if c := cmp.Compare(tier(a.DealerID), tier(b.DealerID)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.DealerID, b.DealerID); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	seen := map[int64]bool{}
	return slices.DeleteFunc(as, func(a TerritoryAssignment) bool {
		dup := seen[a.DealerID]
		seen[a.DealerID] = true
		return dup
	})
}

// suggest is the dealer that should take business in product line pl: an
// ACTIVE dealer (not suspended, not terminated) whose assignment covers the
// customer's region, segment and pl, ranked as in ranked.
func (e *evaluator) suggest(pl int64, except ...int64) (TerritoryAssignment, bool) {
	as := e.ranked(pl, func(a TerritoryAssignment) bool {
		d, ok := e.f.Dealers[a.DealerID]
		return ok && d.Status == DealerActive && !slices.Contains(except, a.DealerID)
	})
	if len(as) == 0 {
		return TerritoryAssignment{}, false
	}
	return as[0], true
}

func money(minor int64, currency string) *Money { return &Money{Minor: minor, Currency: currency} }

// duplicateRegistration (seed 000 §5, seed 004): per product line the
// earliest protected registration holds the pair; every later dealer deal
// of another channel duplicates it. A DIRECT deal against a dealer's
// registration is not reported here but as DIRECT_BYPASS, which carries the
// key-account exemption the SPEC gives direct sales; reporting both would
// put one situation on the board twice. One conflict per (holder,
// challenger) pair, so a new challenger never re-keys an existing conflict.
// Severity MEDIUM; HIGH when the holder has prepaid (seed 000 §3, §8: money
// has already changed hands).
func (e *evaluator) duplicateRegistration() {
	for _, holder := range e.deals {
		if !e.holdsProtection(holder) || !e.firstHolder(holder) {
			continue
		}
		for _, d := range e.deals {
			if d.ID == holder.ID || d.ProductLineID != holder.ProductLineID ||
				d.Channel != ChannelDealer || channelOf(d) == channelOf(holder) {
				continue
			}
			sev := SeverityMedium
			if holder.Prepaid > 0 {
				sev = SeverityHigh
			}
			holderName := ""
			if holder.Channel == ChannelDealer {
				holderName = e.dealerName(holder.DealerID)
			}
			params := map[string]string{
				ParamDealer:   e.dealerName(d.DealerID),
				ParamCustomer: e.f.Customer.Name,
				ParamProduct:  e.product(d.ProductLineID),
				ParamHolder:   holderName,
			}
			if e.f.Policy != nil {
				params[ParamProtectionDays] = strconv.Itoa(e.f.Policy.RegistrationProtectionDays)
			}
			e.add(Finding{
				Kind:              DuplicateRegistration,
				Severity:          sev,
				DealIDs:           []int64{holder.ID, d.ID},
				DealerIDs:         []int64{holder.DealerID, d.DealerID},
				SuggestedDealerID: holder.DealerID,
				AtStake:           Money{Minor: d.Amount, Currency: d.Currency},
				Explanation: Explanation{
					Rule:       DuplicateRegistration,
					PolicyYear: e.year(),
					Until:      holder.ProtectedUntil,
					Params:     params,
				},
			})
		}
	}
}

// firstHolder reports whether h is the earliest protected deal of its
// product line (e.deals is in registration order).
func (e *evaluator) firstHolder(h Deal) bool {
	for _, d := range e.deals {
		if d.ProductLineID == h.ProductLineID && e.holdsProtection(d) {
			return d.ID == h.ID
		}
	}
	return false
}

// directBypass (seed 000, the whole story): a DIRECT deal for a customer
// that is not a key account (§4, §6: key accounts may always be served
// directly) while a dealer owns the customer or holds a protected
// registration on it. A dealer's open deal with a prepayment counts even
// after its protection lapsed: the manufacturer holds the dealer's money
// (§3, §8). Terminated dealers neither own against nor hold protection.
// Severity HIGH; CRITICAL when a dealer has prepaid — the story's case,
// where returning the money may lose the dealer for good.
func (e *evaluator) directBypass() {
	if e.f.Customer.KeyAccount {
		return
	}
	var owner int64
	if o := e.f.Customer.Owner; o.Kind == OwnerDealer && !e.terminated(o.DealerID) {
		owner = o.DealerID
	}
	var basis []Deal
	for _, d := range e.deals {
		if d.Channel == ChannelDealer && !e.terminated(d.DealerID) && (e.holdsProtection(d) || d.Prepaid > 0) {
			basis = append(basis, d)
		}
	}
	if owner == 0 && len(basis) == 0 {
		return
	}
	// The dealer named in the sentence: the first who prepaid, else the
	// first protected registration, else the owner.
	var lead *Deal
	for i := range basis {
		if basis[i].Prepaid > 0 {
			lead = &basis[i]
			break
		}
	}
	if lead == nil && len(basis) > 0 {
		lead = &basis[0]
	}
	for _, d := range e.deals {
		if d.Channel != ChannelDirect {
			continue
		}
		f := Finding{
			Kind:              DirectBypass,
			Severity:          SeverityHigh,
			DealIDs:           []int64{d.ID},
			DealerIDs:         []int64{owner},
			SuggestedDealerID: owner,
			AtStake:           Money{Minor: d.Amount, Currency: d.Currency},
			Explanation: Explanation{
				Rule:       DirectBypass,
				PolicyYear: e.year(),
				Measured:   money(d.Amount, d.Currency),
				Params: map[string]string{
					ParamCustomer:   e.f.Customer.Name,
					ParamKeyAccount: "false",
				},
			},
		}
		if owner != 0 {
			f.Explanation.Params[ParamOwner] = e.dealerName(owner)
			f.Explanation.Params[ParamOwnerKind] = string(OwnerDealer)
		}
		for _, b := range basis {
			f.DealIDs = append(f.DealIDs, b.ID)
			f.DealerIDs = append(f.DealerIDs, b.DealerID)
			if b.Prepaid > 0 {
				f.Severity = SeverityCritical
			}
		}
		if lead != nil {
			f.SuggestedDealerID = lead.DealerID
			f.Explanation.Params[ParamHolder] = e.dealerName(lead.DealerID)
			if e.holdsProtection(*lead) {
				f.Explanation.Until = lead.ProtectedUntil
			}
			if lead.Prepaid > 0 {
				f.Explanation.Prepaid = money(lead.Prepaid, lead.Currency)
			}
		}
		e.add(f)
	}
}

// smallDirectOrder (seed 000 §2–3): a DIRECT deal strictly under the
// direct-sale threshold for a customer that is not a key account. An
// amount exactly at the threshold is not under it. Amounts in a currency
// other than the policy's are not compared: the model has no exchange
// rates, and a guess would fire on noise. Severity MEDIUM when a dealer
// should take the order; LOW when no active dealer covers it (there is no
// one to hand it to, the manufacturer may have to serve it after all).
func (e *evaluator) smallDirectOrder() {
	p := e.f.Policy
	if p == nil || e.f.Customer.KeyAccount {
		return
	}
	for _, d := range e.deals {
		if d.Channel != ChannelDirect || d.Currency != p.Currency || d.Amount >= p.DirectSaleThreshold {
			continue
		}
		f := Finding{
			Kind:     SmallDirectOrder,
			Severity: SeverityLow,
			DealIDs:  []int64{d.ID},
			AtStake:  Money{Minor: d.Amount, Currency: d.Currency},
			Explanation: Explanation{
				Rule:        SmallDirectOrder,
				PolicyYear:  p.Year,
				PolicyValue: money(p.DirectSaleThreshold, p.Currency),
				Measured:    money(d.Amount, d.Currency),
				Params: map[string]string{
					ParamCustomer:   e.f.Customer.Name,
					ParamKeyAccount: "false",
					ParamCoverage:   e.coverage(e.f.CustomerRegionPath, d.ProductLineID),
				},
			},
		}
		if a, ok := e.suggest(d.ProductLineID); ok {
			f.Severity = SeverityMedium
			f.SuggestedDealerID = a.DealerID
			f.DealerIDs = []int64{a.DealerID}
			f.Explanation.Params[ParamSuggested] = e.dealerName(a.DealerID)
			f.Explanation.Params[ParamSuggestedExcl] = strconv.FormatBool(a.Exclusive)
			f.Explanation.Params[ParamCoverage] = e.coverage(a.RegionPath, d.ProductLineID)
		}
		e.add(f)
	}
}

// ownershipClaim (seed 004, the transfer procedure): a dealer's deal for a
// customer owned by another dealer or by DIRECT; ownership changes only by
// transfer. A distributor and its own subdealer are one chain, not rivals.
// Severity MEDIUM; LOW when the owning dealer is terminated (the customer
// is orphaned, the transfer is a formality).
func (e *evaluator) ownershipClaim() {
	o := e.f.Customer.Owner
	if o.Kind != OwnerDealer && o.Kind != OwnerDirect {
		return
	}
	for _, d := range e.deals {
		if d.Channel != ChannelDealer {
			continue
		}
		if o.Kind == OwnerDealer && (o.DealerID == d.DealerID || e.sameChain(o.DealerID, d.DealerID)) {
			continue
		}
		f := Finding{
			Kind:      OwnershipClaim,
			Severity:  SeverityMedium,
			DealIDs:   []int64{d.ID},
			DealerIDs: []int64{d.DealerID},
			AtStake:   Money{Minor: d.Amount, Currency: d.Currency},
			Explanation: Explanation{
				Rule:       OwnershipClaim,
				PolicyYear: e.year(),
				Params: map[string]string{
					ParamDealer:    e.dealerName(d.DealerID),
					ParamCustomer:  e.f.Customer.Name,
					ParamOwnerKind: string(o.Kind),
				},
			},
		}
		if o.Kind == OwnerDealer {
			f.DealerIDs = append(f.DealerIDs, o.DealerID)
			f.Explanation.Params[ParamOwner] = e.dealerName(o.DealerID)
			if e.terminated(o.DealerID) {
				f.Severity = SeverityLow
			} else {
				f.SuggestedDealerID = o.DealerID
			}
		}
		e.add(f)
	}
}

// sameChain reports whether one dealer is the other's parent.
func (e *evaluator) sameChain(a, b int64) bool {
	return (e.f.Dealers[a].ParentID == b && b != 0) || (e.f.Dealers[b].ParentID == a && a != 0)
}

// outOfTerritory (seeds 001, 002): a dealer's deal for a customer that no
// active assignment of that dealer covers (region or an ancestor, segment,
// product line). A subdealer works under its parent's territory. A
// terminated dealer's assignments do not count, so its open deals are out
// of territory. Severity MEDIUM; HIGH when another dealer holds an
// exclusive assignment covering it — every such dealer becomes a party
// (overlapping exclusives: all of them), the best ranked is suggested.
func (e *evaluator) outOfTerritory() {
	for _, d := range e.deals {
		if d.Channel != ChannelDealer {
			continue
		}
		own := []int64{d.DealerID}
		if p := e.f.Dealers[d.DealerID]; p.Kind == Subdealer && p.ParentID != 0 {
			own = append(own, p.ParentID)
		}
		covered := slices.ContainsFunc(e.f.Assignments, func(a TerritoryAssignment) bool {
			return slices.Contains(own, a.DealerID) && e.counts(a, d.ProductLineID)
		})
		if covered {
			continue
		}
		excl := e.ranked(d.ProductLineID, func(a TerritoryAssignment) bool {
			return a.Exclusive && !slices.Contains(own, a.DealerID)
		})
		f := Finding{
			Kind:      OutOfTerritory,
			Severity:  SeverityMedium,
			DealIDs:   []int64{d.ID},
			DealerIDs: []int64{d.DealerID},
			AtStake:   Money{Minor: d.Amount, Currency: d.Currency},
			Explanation: Explanation{
				Rule:       OutOfTerritory,
				PolicyYear: e.year(),
				Params: map[string]string{
					ParamDealer:   e.dealerName(d.DealerID),
					ParamCustomer: e.f.Customer.Name,
					ParamCoverage: e.coverage(e.f.CustomerRegionPath, d.ProductLineID),
				},
			},
		}
		if len(excl) > 0 {
			f.Severity = SeverityHigh
			names := make([]string, len(excl))
			for i, a := range excl {
				f.DealerIDs = append(f.DealerIDs, a.DealerID)
				names[i] = e.dealerName(a.DealerID)
			}
			f.SuggestedDealerID = excl[0].DealerID
			f.Explanation.Params[ParamExclusive] = strings.Join(names, ", ")
		} else if a, ok := e.suggest(d.ProductLineID, own...); ok {
			f.SuggestedDealerID = a.DealerID
		}
		e.add(f)
	}
}

// priceBelowFloor (seed 004: minimum selling prices fixed in the yearly
// policy): any open deal, direct ones included — the manufacturer must not
// undercut its own dealers either. Severity MEDIUM; HIGH when the price is
// more than 10 % under the floor (exactly 10 % is MEDIUM).
func (e *evaluator) priceBelowFloor() {
	p := e.f.Policy
	if p == nil {
		return
	}
	for _, d := range e.deals {
		floor, ok := p.PriceFloors[d.ProductLineID]
		if !ok || d.Currency != p.Currency || d.UnitPrice >= floor {
			continue
		}
		under := floor - d.UnitPrice
		sev := SeverityMedium
		if under*10 > floor {
			sev = SeverityHigh
		}
		e.add(Finding{
			Kind:      PriceBelowFloor,
			Severity:  sev,
			DealIDs:   []int64{d.ID},
			DealerIDs: []int64{d.DealerID},
			AtStake:   Money{Minor: d.Amount, Currency: d.Currency},
			Explanation: Explanation{
				Rule:        PriceBelowFloor,
				PolicyYear:  p.Year,
				PolicyValue: money(floor, p.Currency),
				Measured:    money(d.UnitPrice, d.Currency),
				MeasuredPct: float64(under) * 100 / float64(floor),
				Params: map[string]string{
					ParamCustomer: e.f.Customer.Name,
					ParamProduct:  e.product(d.ProductLineID),
				},
			},
		})
	}
}

// priceMismatch (seed 000 §5, seed 004: no price discrimination of
// customers on one territory): two open deals of different channels (direct,
// or two different dealers) for the same product line whose unit prices
// differ by more than the tolerance, measured against the higher price (the
// discount the customer gets by switching channel). A difference exactly at
// the tolerance does not fire. The comparison is in integers (tolerance in
// thousandths of a percent, as the schema stores it) so the edge is exact.
// Severity MEDIUM; HIGH beyond twice the tolerance.
func (e *evaluator) priceMismatch() {
	p := e.f.Policy
	if p == nil {
		return
	}
	tol := uint64(math.Round(p.PriceMismatchTolerancePct * 1000))
	for i, a := range e.deals {
		for _, b := range e.deals[i+1:] {
			if a.ProductLineID != b.ProductLineID || a.Currency != b.Currency || channelOf(a) == channelOf(b) {
				continue
			}
			hi, lo := max(a.UnitPrice, b.UnitPrice), min(a.UnitPrice, b.UnitPrice)
			if hi <= 0 || lo < 0 {
				continue
			}
			diff := uint64(hi - lo)
			// diff/hi*100 > tol/1000  ⇔  diff*100000 > tol*hi
			if !mulGreater(diff, 100000, tol, uint64(hi)) {
				continue
			}
			sev := SeverityMedium
			if mulGreater(diff, 100000, 2*tol, uint64(hi)) {
				sev = SeverityHigh
			}
			name := func(d Deal) string {
				if d.Channel == ChannelDirect {
					return ""
				}
				return e.dealerName(d.DealerID)
			}
			e.add(Finding{
				Kind:      PriceMismatch,
				Severity:  sev,
				DealIDs:   []int64{a.ID, b.ID},
				DealerIDs: []int64{a.DealerID, b.DealerID},
				AtStake:   Money{Minor: max(a.Amount, b.Amount), Currency: a.Currency},
				Explanation: Explanation{
					Rule:        PriceMismatch,
					PolicyYear:  p.Year,
					PolicyPct:   p.PriceMismatchTolerancePct,
					Measured:    money(a.UnitPrice, a.Currency),
					Other:       money(b.UnitPrice, b.Currency),
					MeasuredPct: float64(diff) * 100 / float64(hi),
					Params: map[string]string{
						ParamCustomer: e.f.Customer.Name,
						ParamProduct:  e.product(a.ProductLineID),
						ParamChannelA: name(a),
						ParamChannelB: name(b),
					},
				},
			})
		}
	}
}

// mulGreater reports a*b > c*d without overflow.
func mulGreater(a, b, c, d uint64) bool {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(c, d)
	return h1 > h2 || (h1 == h2 && l1 > l2)
}

// duplicateCustomer (seed 004: clear criteria of whose customer is whose):
// a customer whose normalised name is close to another customer's of a
// different owner in the same country. Two customers of the same owner are
// that owner's housekeeping, not a channel conflict. One conflict per pair,
// keyed on both customers, so evaluating either side finds the same one.
// Severity MEDIUM when the normalised names are identical, LOW when only
// similar.
func (e *evaluator) duplicateCustomer() {
	c := e.f.Customer
	for _, s := range e.f.SimilarCustomers {
		if s.ID == c.ID || s.Similarity < DuplicateNameSimilarity || s.Owner.Kind == c.Owner.Kind && s.Owner.DealerID == c.Owner.DealerID {
			continue
		}
		if e.f.CustomerCountry != "" && s.Country != "" && s.Country != e.f.CustomerCountry {
			continue
		}
		sev := SeverityLow
		if s.Similarity >= 1 {
			sev = SeverityMedium
		}
		var parties []int64
		if c.Owner.Kind == OwnerDealer {
			parties = append(parties, c.Owner.DealerID)
		}
		otherOwner := ""
		if s.Owner.Kind == OwnerDealer {
			parties = append(parties, s.Owner.DealerID)
			otherOwner = e.dealerName(s.Owner.DealerID)
		}
		e.add(Finding{
			Kind:        DuplicateCustomer,
			Severity:    sev,
			CustomerIDs: []int64{c.ID, s.ID},
			DealerIDs:   parties,
			Explanation: Explanation{
				Rule:       DuplicateCustomer,
				PolicyYear: e.year(),
				Params: map[string]string{
					ParamCustomer:       c.Name,
					ParamOtherCustomer:  s.Name,
					ParamOtherOwner:     otherOwner,
					ParamOtherOwnerKind: string(s.Owner.Kind),
					ParamSimilarity:     strconv.FormatFloat(s.Similarity, 'f', 2, 64),
				},
			},
		})
	}
}
