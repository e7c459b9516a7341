package store_test

import (
	"context"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/store"
)

// resolveWorld is the fixture with a fixed clock, the 2026 policy (direct
// sales from 10,000.00 EUR, 5 % default compensation, no approval) and the
// distributor holding an exclusive assignment over Yambol.
type resolveWorld struct {
	*fixture
	now time.Time
}

func newResolveWorld(t *testing.T) *resolveWorld {
	t.Helper()
	f := newFixture(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	f.st.SetClock(func() time.Time { return now })
	must(f.st.SetPolicy(f.ctx, store.PolicySet{
		Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000,
		RegistrationRequiresApproval: ptr(false), DefaultCompensationPct: ptr(5.0),
		PriceMismatchTolerancePct: ptr(5.0),
	}))(t)
	must(f.st.AssignTerritory(f.ctx, store.TerritoryAssign{
		DealerID: f.dist.ID, RegionID: f.bg.ID, Exclusive: true, ValidFrom: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
	}))(t)
	return &resolveWorld{fixture: f, now: now}
}

func (w *resolveWorld) deal(t *testing.T, customer int64, dealer int64, qty int, unit int64, prepaid int64) channel.Deal {
	t.Helper()
	in := store.DealRegister{CustomerID: customer, Channel: channel.ChannelDirect, ProductLineID: w.pumps.ID,
		Quantity: qty, UnitPrice: channel.Money{Minor: unit, Currency: "EUR"}}
	if dealer != 0 {
		in.Channel, in.DealerID = channel.ChannelDealer, dealer
	}
	if prepaid > 0 {
		in.Prepaid = &channel.Money{Minor: prepaid, Currency: "EUR"}
	}
	return must(w.st.RegisterDeal(w.ctx, in))(t)
}

// evaluate runs the rules on customers the way the mutations' hooks do.
func (w *resolveWorld) evaluate(t *testing.T, customers ...int64) {
	t.Helper()
	err := w.st.InTx(w.ctx, func(tx bun.Tx) error {
		_, err := w.st.Evaluate(w.ctx, tx, customers, w.st.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// only returns the one conflict of kind on customer, failing otherwise.
func (w *resolveWorld) only(t *testing.T, customer int64, kind channel.ConflictKind) store.Conflict {
	t.Helper()
	l := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{CustomerID: &customer, Kinds: []channel.ConflictKind{kind}}, store.Order{}, store.Page{}))(t)
	if len(l.Items) != 1 {
		t.Fatalf("%d %s conflicts on customer %d, want 1", len(l.Items), kind, customer)
	}
	return l.Items[0]
}

func (w *resolveWorld) events(t *testing.T, conflict int64) []string {
	t.Helper()
	var out []string
	for _, e := range must(w.st.ConflictEvents(w.ctx, conflict))(t) {
		out = append(out, e.Type)
	}
	return out
}

func (w *resolveWorld) stage(t *testing.T, deal int64) channel.DealStage {
	t.Helper()
	return must(w.st.Deal(w.ctx, deal))(t).Stage
}

// The story of seed 000 at the store: a dealer's customer, a prepaid
// registration, a direct deal, a CRITICAL bypass, awarded to direct with the
// policy's compensation for the dealer.
func TestResolveAwardDirectCompensatesTheDealer(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Ромашка ООД", channel.OwnerDealer, w.dist.ID)
	dealer := w.deal(t, c.ID, w.dist.ID, 10, 120_000, 300_000) // 12,000.00 EUR, 3,000.00 prepaid
	direct := w.deal(t, c.ID, 0, 10, 110_000, 0)
	w.evaluate(t, c.ID)
	bypass := w.only(t, c.ID, channel.DirectBypass)
	if bypass.Severity != channel.SeverityCritical || bypass.Status != channel.ConflictOpen {
		t.Fatalf("bypass %s %s, want an OPEN CRITICAL one", bypass.Severity, bypass.Status)
	}

	res := must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{
		ConflictID: bypass.ID, Resolution: channel.AwardDirect, Note: "the customer insisted", DecidedBy: "director",
	}))(t)
	if res.Conflict.Status != channel.ConflictResolved || res.Conflict.Resolution != channel.AwardDirect ||
		res.Conflict.ClosedAt == nil || res.Conflict.ClosedBy != "director" || res.Conflict.ResolutionNote != "the customer insisted" {
		t.Fatalf("resolved conflict %+v", res.Conflict)
	}
	comp := res.Compensation
	if comp == nil || comp.DealerID != w.dist.ID || comp.DealID != dealer.ID || comp.Basis != channel.AgentCommission ||
		comp.Amount != (channel.Money{Minor: 60_000, Currency: "EUR"}) {
		t.Fatalf("compensation %+v, want 5 %% of 12,000.00 EUR as agent commission for the dealer", comp)
	}
	if w.stage(t, dealer.ID) != channel.StageCancelled || w.stage(t, direct.ID) != channel.StageRegistered {
		t.Fatalf("dealer deal %s, direct deal %s: want the dealer's cancelled, direct's kept", w.stage(t, dealer.ID), w.stage(t, direct.ID))
	}
	d := must(w.st.Deal(w.ctx, dealer.ID))(t)
	if !strings.Contains(d.CloseReason, "AWARD_DIRECT") {
		t.Fatalf("close reason %q does not say why", d.CloseReason)
	}
	if got := w.events(t, bypass.ID); strings.Join(got, ",") != "OPENED,RESOLVED" {
		t.Fatalf("events %v", got)
	}
	ch := res.OwnershipChange
	if ch == nil || ch.How != channel.OwnershipConflictResolution || ch.FromDealerID != w.dist.ID || ch.ToKind != channel.OwnerDirect ||
		!strings.Contains(ch.Reason, "the customer insisted") {
		t.Fatalf("ownership change %+v, want the customer handed to DIRECT by the resolution", ch)
	}
	if got := must(w.st.Customer(w.ctx, c.ID))(t); got.Owner.Kind != channel.OwnerDirect {
		t.Fatalf("owner %+v", got.Owner)
	}
	comps := must(w.st.CompensationsByDealers(w.ctx, []int64{w.dist.ID}))(t)[w.dist.ID]
	if len(comps) != 1 || comps[0].ID != comp.ID {
		t.Fatalf("dealer's compensations %+v", comps)
	}
	log := must(w.st.AuditLog(w.ctx, "conflict", bypass.ID))(t)
	if len(log) != 1 || log[0].Action != "resolve" || log[0].Actor != store.ActorSystem {
		t.Fatalf("audit %+v", log)
	}
	if l := must(w.st.AuditLog(w.ctx, "deal", dealer.ID))(t); l[len(l)-1].Action != "cancel" {
		t.Fatalf("deal audit %+v", l)
	}

	// A closed conflict cannot be resolved again, nor acknowledged.
	_, err := w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: bypass.ID, Resolution: channel.Dismiss, Note: "again"})
	wantErr(t, err, channel.EConflict, "")
	_, err = w.st.AcknowledgeConflict(w.ctx, bypass.ID, "x")
	wantErr(t, err, channel.EConflict, "")
}

func TestResolveAwardDirectWithStatedCompensation(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Agro Vita", channel.OwnerDealer, w.dist.ID)
	w.deal(t, c.ID, 0, 2, 800_000, 0) // direct 16,000.00 EUR, owner only (no dealer deal)
	w.evaluate(t, c.ID)
	bypass := w.only(t, c.ID, channel.DirectBypass)
	_, err := w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: bypass.ID, Resolution: channel.AwardDirect,
		Compensation: &store.CompensationInput{Basis: "BONUS"}})
	wantErr(t, err, channel.EInvalid, "input.compensation.basis")
	res := must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: bypass.ID, Resolution: channel.AwardDirect,
		Compensation: &store.CompensationInput{Basis: channel.DiscountOnGoods, Amount: &channel.Money{Minor: 50_000, Currency: "EUR"}}}))(t)
	if c := res.Compensation; c == nil || c.Basis != channel.DiscountOnGoods || c.Amount.Minor != 50_000 || c.DealID != 0 || c.DealerID != w.dist.ID {
		t.Fatalf("compensation %+v", c)
	}
}

func TestResolveAwardDealerCancelsTheCompetitors(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Tundzha Farm", channel.OwnerUnassigned, 0)
	first := w.deal(t, c.ID, w.dist.ID, 5, 100_000, 0)
	second := w.deal(t, c.ID, w.other.ID, 5, 100_000, 0)
	w.evaluate(t, c.ID)
	dup := w.only(t, c.ID, channel.DuplicateRegistration)

	_, err := w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: dup.ID, Resolution: channel.AwardDealer, DealerID: w.sub.ID})
	wantErr(t, err, channel.EInvalid, "input.dealerId")
	// Without a dealer named, the holder of the earlier registration wins.
	res := must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: dup.ID, Resolution: channel.AwardDealer}))(t)
	if len(res.Cancelled) != 1 || res.Cancelled[0] != second.ID {
		t.Fatalf("cancelled %v, want the later registration %d", res.Cancelled, second.ID)
	}
	if w.stage(t, first.ID) != channel.StageRegistered || w.stage(t, second.ID) != channel.StageCancelled {
		t.Fatal("the award did not keep the first and cancel the second")
	}
	// The challenger's other conflicts (out of territory) closed with it, in
	// the same transaction.
	ot := w.only(t, c.ID, channel.OutOfTerritory)
	if ot.Status != channel.ConflictResolved || ot.Resolution != channel.ResolutionAuto {
		t.Fatalf("out-of-territory conflict of the cancelled deal is %s/%s, want RESOLVED/AUTO", ot.Status, ot.Resolution)
	}
	if !containsID(res.Changed, ot.ID) || !containsID(res.Changed, dup.ID) {
		t.Fatalf("changed %v does not name %d and %d", res.Changed, dup.ID, ot.ID)
	}
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func TestResolveSplitValidatesShares(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Sliven Water", channel.OwnerUnassigned, 0)
	a := w.deal(t, c.ID, w.dist.ID, 5, 100_000, 0)
	b := w.deal(t, c.ID, w.other.ID, 5, 100_000, 0)
	stray := w.deal(t, w.customer(t, "Elsewhere", channel.OwnerUnassigned, 0).ID, w.dist.ID, 1, 100_000, 0)
	w.evaluate(t, c.ID)
	dup := w.only(t, c.ID, channel.DuplicateRegistration)
	split := func(shares ...channel.CreditSplit) error {
		_, err := w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: dup.ID, Resolution: channel.Split, Splits: shares})
		return err
	}
	wantErr(t, split(channel.CreditSplit{DealID: a.ID, SharePct: 100}), channel.EInvalid, "input.splits")
	wantErr(t, split(channel.CreditSplit{DealID: a.ID, SharePct: 60}, channel.CreditSplit{DealID: b.ID, SharePct: 30}), channel.EInvalid, "input.splits")
	wantErr(t, split(channel.CreditSplit{DealID: a.ID, SharePct: 0}, channel.CreditSplit{DealID: b.ID, SharePct: 100}), channel.EInvalid, "input.splits.0.sharePct")
	wantErr(t, split(channel.CreditSplit{DealID: a.ID, SharePct: 50}, channel.CreditSplit{DealID: a.ID, SharePct: 50}), channel.EInvalid, "input.splits.1.dealId")
	wantErr(t, split(channel.CreditSplit{DealID: a.ID, SharePct: 50}, channel.CreditSplit{DealID: stray.ID, SharePct: 50}), channel.EInvalid, "input.splits.1.dealId")
	_, err := w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: dup.ID, Resolution: channel.Split, DealerID: w.dist.ID,
		Splits: []channel.CreditSplit{{DealID: a.ID, SharePct: 50}, {DealID: b.ID, SharePct: 50}}})
	wantErr(t, err, channel.EInvalid, "input.dealerId")
	if got := must(w.st.Conflict(w.ctx, dup.ID))(t); got.Status != channel.ConflictOpen {
		t.Fatalf("a refused resolution changed the conflict to %s", got.Status)
	}

	must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: dup.ID, Resolution: channel.Split,
		Splits: []channel.CreditSplit{{DealID: a.ID, SharePct: 66.667}, {DealID: b.ID, SharePct: 33.333}}}))(t)
	splits := must(w.st.SplitsByConflicts(w.ctx, []int64{dup.ID}))(t)[dup.ID]
	if len(splits) != 2 || splits[0].SharePct+splits[1].SharePct != 100 {
		t.Fatalf("splits %+v", splits)
	}
	if w.stage(t, a.ID) != channel.StageRegistered || w.stage(t, b.ID) != channel.StageRegistered {
		t.Fatal("a split must leave the deals as they are")
	}
	// The deals still duplicate each other, but a person decided: the
	// rules do not reopen it.
	w.evaluate(t, c.ID)
	if got := must(w.st.Conflict(w.ctx, dup.ID))(t); got.Status != channel.ConflictResolved || got.Resolution != channel.Split {
		t.Fatalf("after re-evaluation the split conflict is %s/%s", got.Status, got.Resolution)
	}
}

func TestResolveRouteToDealer(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Малко ЕООД", channel.OwnerUnassigned, 0)
	direct := w.deal(t, c.ID, 0, 3, 140_000, 0) // 4,200.00 EUR, under the threshold
	w.evaluate(t, c.ID)
	small := w.only(t, c.ID, channel.SmallDirectOrder)
	if small.SuggestedDealerID != w.dist.ID {
		t.Fatalf("suggested dealer %d, want the exclusive holder %d", small.SuggestedDealerID, w.dist.ID)
	}
	res := must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: small.ID, Resolution: channel.RouteToDealer}))(t)
	nd := res.RoutedDeal
	if nd == nil || nd.Channel != channel.ChannelDealer || nd.DealerID != w.dist.ID || nd.CustomerID != c.ID ||
		nd.ProductLineID != direct.ProductLineID || nd.Quantity != 3 || nd.UnitPrice != 140_000 || nd.Amount != 420_000 ||
		nd.Stage != channel.StageRegistered || nd.ProtectedUntil == nil {
		t.Fatalf("routed deal %+v", nd)
	}
	if w.stage(t, direct.ID) != channel.StageCancelled {
		t.Fatal("the direct deal was not cancelled")
	}
	// The routed deal is the dealer's own, in its territory: nothing new.
	l := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{CustomerID: &c.ID, Statuses: []channel.ConflictStatus{channel.ConflictOpen}}, store.Order{}, store.Page{}))(t)
	if l.Total != 0 {
		t.Fatalf("%d open conflicts after routing: %+v", l.Total, l.Items)
	}
}

func TestResolveTransferCustomer(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Claimed Ltd", channel.OwnerDealer, w.other.ID)
	d := w.deal(t, c.ID, w.dist.ID, 1, 200_000, 0)
	w.evaluate(t, c.ID)
	claim := w.only(t, c.ID, channel.OwnershipClaim)
	_, err := w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: claim.ID, Resolution: channel.TransferCustomer, DealerID: w.other.ID})
	wantErr(t, err, channel.EInvalid, "input.dealerId")
	res := must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: claim.ID, Resolution: channel.TransferCustomer,
		DealerID: w.dist.ID, Note: "the exclusive holder serves it", DecidedBy: "manager"}))(t)
	ch := res.OwnershipChange
	if ch == nil || ch.How != channel.OwnershipConflictResolution || ch.ToDealerID != w.dist.ID || ch.FromDealerID != w.other.ID || ch.DecidedBy != "manager" {
		t.Fatalf("ownership change %+v", ch)
	}
	got := must(w.st.Customer(w.ctx, c.ID))(t)
	hist := must(w.st.OwnershipHistories(w.ctx, []int64{c.ID}))(t)[c.ID]
	if got.Owner.DealerID != w.dist.ID || len(hist) != 2 || hist[1].ID != ch.ID {
		t.Fatalf("owner %+v, history %+v", got.Owner, hist)
	}
	if w.stage(t, d.ID) != channel.StageRegistered {
		t.Fatal("a transfer leaves the deals alone")
	}
}

func TestDismissAndAcknowledge(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Price Hunter", channel.OwnerUnassigned, 0)
	must(w.st.SetPolicy(w.ctx, store.PolicySet{Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000,
		RegistrationRequiresApproval: ptr(false), PriceFloors: map[int64]int64{w.pumps.ID: 100_000}}))(t)
	w.deal(t, c.ID, w.dist.ID, 1, 80_000, 0)
	w.evaluate(t, c.ID)
	floor := w.only(t, c.ID, channel.PriceBelowFloor)

	ack := must(w.st.AcknowledgeConflict(w.ctx, floor.ID, "manager"))(t)
	if ack.Status != channel.ConflictAcknowledged || ack.AcknowledgedAt == nil || ack.AcknowledgedBy != "manager" {
		t.Fatalf("acknowledged %+v", ack)
	}
	must(w.st.AcknowledgeConflict(w.ctx, floor.ID, "manager"))(t) // again: nothing new
	if got := w.events(t, floor.ID); strings.Join(got, ",") != "OPENED,UPDATED" {
		t.Fatalf("events %v", got)
	}
	_, err := w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: floor.ID, Resolution: channel.Dismiss, Note: "  "})
	wantErr(t, err, channel.EInvalid, "input.note")
	_, err = w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: floor.ID, Resolution: "IGNORE"})
	wantErr(t, err, channel.EInvalid, "input.resolution")
	_, err = w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: 999_999, Resolution: channel.Dismiss, Note: "x"})
	wantErr(t, err, channel.ENotFound, "")

	res := must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: floor.ID, Resolution: channel.Dismiss, Note: "clearance sale agreed"}))(t)
	if res.Conflict.Status != channel.ConflictDismissed {
		t.Fatalf("status %s", res.Conflict.Status)
	}
	w.evaluate(t, c.ID)
	if got := must(w.st.Conflict(w.ctx, floor.ID))(t); got.Status != channel.ConflictDismissed {
		t.Fatalf("re-evaluation reopened a dismissed conflict: %s", got.Status)
	}
}

func TestResolveIdempotency(t *testing.T) {
	w := newResolveWorld(t)
	c := w.customer(t, "Twice Ltd", channel.OwnerDealer, w.dist.ID)
	w.deal(t, c.ID, w.dist.ID, 10, 120_000, 100_000)
	w.deal(t, c.ID, 0, 10, 110_000, 0)
	w.evaluate(t, c.ID)
	bypass := w.only(t, c.ID, channel.DirectBypass)
	key := "resolve-bypass-1"
	in := store.ConflictResolve{IdempotencyKey: &key, ConflictID: bypass.ID, Resolution: channel.AwardDirect, Note: "agreed"}

	// Concurrent first uses: one effect, the same answer for all.
	const n = 8
	results := make([]store.Resolved, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = w.st.ResolveConflict(context.Background(), in)
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("request %d: %v", i, errs[i])
		}
		if results[i].Compensation == nil || results[i].Compensation.ID != results[0].Compensation.ID ||
			!results[i].Conflict.UpdatedAt.Equal(results[0].Conflict.UpdatedAt) {
			t.Fatalf("request %d got another response: %+v", i, results[i].Compensation)
		}
	}
	var comps, resolvedEvents int
	must(0, w.st.DB().NewRaw(`SELECT count(*) FROM compensations WHERE conflict_id = ?`, bypass.ID).Scan(w.ctx, &comps))(t)
	must(0, w.st.DB().NewRaw(`SELECT count(*) FROM conflict_events WHERE conflict_id = ? AND type = 'RESOLVED'`, bypass.ID).Scan(w.ctx, &resolvedEvents))(t)
	if comps != 1 || resolvedEvents != 1 {
		t.Fatalf("%d compensations and %d RESOLVED events, want one effect", comps, resolvedEvents)
	}

	// A later retry replays; another request under the key is refused.
	again := must(w.st.ResolveConflict(w.ctx, in))(t)
	if again.Compensation.ID != results[0].Compensation.ID {
		t.Fatal("a retry did not replay the first response")
	}
	other := in
	other.Note = "something else"
	_, err := w.st.ResolveConflict(w.ctx, other)
	wantErr(t, err, channel.EConflict, "")
	if !strings.Contains(channel.ErrorMessage(err), "idempotency key reused with a different request") {
		t.Fatalf("message %q", channel.ErrorMessage(err))
	}
}

func TestConflictQueries(t *testing.T) {
	w := newResolveWorld(t)
	a := w.customer(t, "Alpha Orchards", channel.OwnerDealer, w.dist.ID)
	b := w.customer(t, "Zeta Vineyard", channel.OwnerUnassigned, 0)
	w.deal(t, a.ID, w.dist.ID, 10, 120_000, 100_000)
	w.deal(t, a.ID, 0, 10, 110_000, 0)
	w.deal(t, b.ID, w.other.ID, 1, 100_000, 0) // out of territory, against an exclusive holder
	w.evaluate(t, a.ID, b.ID)

	all := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{}, store.Order{Field: store.ConflictBySeverity, Desc: true}, store.Page{First: ptr(1)}))(t)
	if all.Total < 3 || len(all.Items) != 1 || !all.HasNextPage || all.Items[0].Severity != channel.SeverityCritical {
		t.Fatalf("first page %+v", all)
	}
	var seen []int64
	for p := (store.Page{First: ptr(1)}); ; {
		l := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{}, store.Order{Field: store.ConflictBySeverity, Desc: true}, p))(t)
		for _, c := range l.Items {
			seen = append(seen, c.ID)
		}
		if !l.HasNextPage {
			break
		}
		p.After = l.Cursors[len(l.Cursors)-1]
	}
	if len(seen) != all.Total {
		t.Fatalf("paging saw %d of %d", len(seen), all.Total)
	}
	byDealer := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{DealerID: &w.other.ID}, store.Order{}, store.Page{}))(t)
	for _, c := range byDealer.Items {
		if !containsID(c.DealerIDs, w.other.ID) {
			t.Fatalf("dealer filter let through %+v", c)
		}
	}
	if byDealer.Total == 0 {
		t.Fatal("the dealer's conflict is missing")
	}
	after := w.now.Add(time.Second)
	if l := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{DetectedAfter: &after}, store.Order{}, store.Page{}))(t); l.Total != 0 {
		t.Fatalf("%d conflicts detected after now", l.Total)
	}
	if l := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{RegionID: &w.ro.ID}, store.Order{}, store.Page{}))(t); l.Total != 0 {
		t.Fatalf("%d conflicts in Romania", l.Total)
	}
	counts := must(w.st.OpenConflictCountsByCustomers(w.ctx, []int64{a.ID, b.ID}))(t)
	if counts[a.ID] == 0 || counts[b.ID] == 0 {
		t.Fatalf("open counts %v", counts)
	}

	// Resolve the bypass an hour later, then check the statistics.
	bypass := w.only(t, a.ID, channel.DirectBypass)
	later := w.now.Add(time.Hour)
	w.st.SetClock(func() time.Time { return later })
	must(w.st.ResolveConflict(w.ctx, store.ConflictResolve{ConflictID: bypass.ID, Resolution: channel.Dismiss, Note: "known"}))(t)

	rows := must(w.st.ConflictStats(w.ctx, []string{store.StatsByKind, store.StatsByStatus}, store.ConflictFilter{}))(t)
	var found bool
	total := 0
	for _, r := range rows {
		total += r.Count
		if r.Kind == channel.DirectBypass && r.Status == channel.ConflictDismissed {
			found = true
			if r.Count != 1 || r.Closed != 1 || r.MeanSecondsToResolve == nil || *r.MeanSecondsToResolve != 3600 ||
				len(r.AtStake) != 1 || r.AtStake[0] != (channel.Money{Minor: 1_100_000, Currency: "EUR"}) {
				t.Fatalf("bypass row %+v", r)
			}
		}
	}
	if !found || total != all.Total {
		t.Fatalf("stats rows %+v (total %d, want %d)", rows, total, all.Total)
	}
	one := must(w.st.ConflictStats(w.ctx, nil, store.ConflictFilter{}))(t)
	if len(one) != 1 || one[0].Count != all.Total {
		t.Fatalf("ungrouped stats %+v", one)
	}
	month := must(w.st.ConflictStats(w.ctx, []string{store.StatsByMonth, store.StatsByRegion, store.StatsByDealer, store.StatsBySeverity}, store.ConflictFilter{}))(t)
	for _, r := range month {
		if r.Month == nil || !r.Month.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) || r.RegionID != w.yambol.ID {
			t.Fatalf("month/region row %+v", r)
		}
	}
	// By dealer: each conflict counts once for each party dealer, and a
	// conflict without dealers once under no dealer (0).
	every := must(w.st.ListConflicts(w.ctx, store.ConflictFilter{}, store.Order{Field: store.ConflictBySeverity, Desc: true}, store.Page{First: ptr(store.MaxPageSize)}))(t)
	wantByDealer := map[int64]int{}
	for _, c := range every.Items {
		if len(c.DealerIDs) == 0 {
			wantByDealer[0]++
		}
		for _, d := range c.DealerIDs {
			wantByDealer[d]++
		}
	}
	gotByDealer := map[int64]int{}
	for _, r := range must(w.st.ConflictStats(w.ctx, []string{store.StatsByDealer}, store.ConflictFilter{}))(t) {
		gotByDealer[r.DealerID] += r.Count
	}
	if len(wantByDealer) < 2 || !maps.Equal(gotByDealer, wantByDealer) {
		t.Errorf("by dealer %v, want %v", gotByDealer, wantByDealer)
	}
	_, err := w.st.ConflictStats(w.ctx, []string{"COLOUR"}, store.ConflictFilter{})
	wantErr(t, err, channel.EInvalid, "groupBy")
}
