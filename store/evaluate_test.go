package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/store"
)

// t0 is the instant the engine tests judge at: inside the 2026 policy.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// engineFixture is newFixture with a clock, a 2026 policy that registers
// without approval (threshold 10,000.00 EUR, pumps floor 100.00 EUR), and
// the distributor's non-exclusive assignment over Bulgaria.
func engineFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t)
	f.st.SetClock(func() time.Time { return t0 })
	_ = must(f.st.SetPolicy(f.ctx, store.PolicySet{
		Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000,
		RegistrationRequiresApproval: ptr(false), RegistrationProtectionDays: ptr(90),
		PriceFloors: map[int64]int64{f.pumps.ID: 10_000},
	}))(t)
	_ = must(f.st.AssignTerritory(f.ctx, store.TerritoryAssign{DealerID: f.dist.ID, RegionID: f.bg.ID, ValidFrom: t0.AddDate(-1, 0, 0)}))(t)
	return f
}

// storedConflict is a conflict row as the tests look at it.
type storedConflict struct {
	ID          int64    `bun:"id"`
	Kind        string   `bun:"kind"`
	Key         string   `bun:"identity_key"`
	Status      string   `bun:"status"`
	Severity    string   `bun:"severity"`
	DealIDs     []int64  `bun:"deal_ids,array"`
	CustomerIDs []int64  `bun:"customer_ids,array"`
	Resolution  *string  `bun:"resolution"`
	Note        string   `bun:"resolution_note"`
	Events      []string `bun:"events,array"`
}

// conflictsOf lists the conflicts involving a customer with their event
// types in order.
func conflictsOf(t *testing.T, f *fixture, customer int64) []storedConflict {
	t.Helper()
	var out []storedConflict
	err := f.st.DB().NewRaw(`SELECT k.id, k.kind, k.identity_key, k.status, k.severity, k.deal_ids, k.customer_ids,
			k.resolution, k.resolution_note,
			ARRAY(SELECT e.type FROM conflict_events e WHERE e.conflict_id = k.id ORDER BY e.seq) AS events
		FROM conflicts k WHERE ? = ANY (k.customer_ids) ORDER BY k.kind, k.id`, customer).Scan(f.ctx, &out)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func byKind(cs []storedConflict, kind channel.ConflictKind) []storedConflict {
	var out []storedConflict
	for _, c := range cs {
		if c.Kind == string(kind) {
			out = append(out, c)
		}
	}
	return out
}

// evaluate runs Evaluate for customers in a transaction of its own, as a
// mutation would.
func evaluate(t *testing.T, f *fixture, customers ...int64) store.EvalResult {
	t.Helper()
	var res store.EvalResult
	err := f.st.InTx(f.ctx, func(tx bun.Tx) error {
		var err error
		res, err = f.st.Evaluate(f.ctx, tx, customers, f.st.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func (f *fixture) deal(t *testing.T, customer int64, dealer int64, line int64, qty int, unit int64) channel.Deal {
	t.Helper()
	in := store.DealRegister{CustomerID: customer, Channel: channel.ChannelDirect, ProductLineID: line,
		Quantity: qty, UnitPrice: channel.Money{Minor: unit, Currency: "EUR"}}
	if dealer != 0 {
		in.Channel, in.DealerID = channel.ChannelDealer, dealer
	}
	return must(f.st.RegisterDeal(f.ctx, in))(t)
}

// TestEvaluateLifecycle follows one situation through the engine: a small
// direct order for a dealer's customer opens SMALL_DIRECT_ORDER and
// DIRECT_BYPASS; judging again changes nothing; the key-account exemption
// closes both automatically with the reason; lifting it re-opens the same
// conflicts; a dismissed conflict stays dismissed; losing the deal closes
// the rest, saying so.
func TestEvaluateLifecycle(t *testing.T) {
	f := engineFixture(t)
	c := f.customer(t, "Агро Инвест Ямбол ЕООД", channel.OwnerDealer, f.dist.ID)
	direct := f.deal(t, c.ID, 0, f.pumps.ID, 1, 420_000)
	evaluate(t, f, c.ID)

	cs := conflictsOf(t, f, c.ID)
	if len(cs) != 2 || len(byKind(cs, channel.DirectBypass)) != 1 || len(byKind(cs, channel.SmallDirectOrder)) != 1 {
		t.Fatalf("want one DIRECT_BYPASS and one SMALL_DIRECT_ORDER, got %+v", cs)
	}
	for _, k := range cs {
		if k.Status != "OPEN" || !slices.Equal(k.Events, []string{"OPENED"}) || !slices.Equal(k.DealIDs, []int64{direct.ID}) {
			t.Fatalf("conflict %+v: want OPEN with one OPENED event on deal %d", k, direct.ID)
		}
	}
	if res := evaluate(t, f, c.ID); len(res.Changed) != 0 || res.Opened+res.Updated+res.Resolved+res.Reopened != 0 {
		t.Fatalf("judging the same facts again changed %+v", res)
	}

	_ = must(f.st.SetKeyAccount(f.ctx, c.ID, true, "group framework contract"))(t)
	evaluate(t, f, c.ID)
	for _, k := range conflictsOf(t, f, c.ID) {
		if k.Status != "RESOLVED" || k.Resolution == nil || *k.Resolution != "AUTO" || !strings.Contains(k.Note, "key account") {
			t.Fatalf("after the key-account flag: %+v, want RESOLVED AUTO citing the key account", k)
		}
		if k.Events[len(k.Events)-1] != "RESOLVED" {
			t.Fatalf("events %v: want a RESOLVED event last", k.Events)
		}
	}

	_ = must(f.st.SetKeyAccount(f.ctx, c.ID, false, ""))(t)
	evaluate(t, f, c.ID)
	again := conflictsOf(t, f, c.ID)
	for i, k := range again {
		if k.ID != cs[i].ID || k.Status != "OPEN" || k.Resolution != nil || k.Events[len(k.Events)-1] != "REOPENED" {
			t.Fatalf("after lifting the flag: %+v, want conflict %d re-opened", k, cs[i].ID)
		}
	}

	// A person's decision is not the rules' to undo.
	small := byKind(again, channel.SmallDirectOrder)[0]
	if _, err := f.st.DB().NewRaw(`UPDATE conflicts SET status = 'DISMISSED', resolution = 'DISMISS',
		closed_at = now(), resolution_note = 'known' WHERE id = ?`, small.ID).Exec(f.ctx); err != nil {
		t.Fatal(err)
	}
	evaluate(t, f, c.ID)
	if k := byKind(conflictsOf(t, f, c.ID), channel.SmallDirectOrder); len(k) != 1 || k[0].Status != "DISMISSED" || len(k[0].Events) != len(small.Events) {
		t.Fatalf("dismissed conflict: %+v, want it untouched", k)
	}

	_ = must(f.st.CloseDeal(f.ctx, direct.ID, channel.StageLost, "customer went elsewhere"))(t)
	evaluate(t, f, c.ID)
	bypass := byKind(conflictsOf(t, f, c.ID), channel.DirectBypass)[0]
	want := fmt.Sprintf("deal %d was lost", direct.ID)
	if bypass.Status != "RESOLVED" || !strings.Contains(bypass.Note, want) {
		t.Fatalf("after the loss: %+v, want RESOLVED with a note saying %q", bypass, want)
	}
}

// TestEvaluateUpdatesInPlace: a conflict whose severity changes keeps its
// id and gets an UPDATED event.
func TestEvaluateUpdatesInPlace(t *testing.T) {
	f := engineFixture(t)
	c := f.customer(t, "Tundzha Agro", channel.OwnerDealer, f.dist.ID)
	d := f.deal(t, c.ID, f.dist.ID, f.pumps.ID, 10, 9_500) // 5 % under the floor
	evaluate(t, f, c.ID)
	before := byKind(conflictsOf(t, f, c.ID), channel.PriceBelowFloor)
	if len(before) != 1 || before[0].Severity != "MEDIUM" {
		t.Fatalf("want one MEDIUM PRICE_BELOW_FLOOR, got %+v", before)
	}
	_ = must(f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{UnitPrice: &channel.Money{Minor: 8_000, Currency: "EUR"}}))(t)
	evaluate(t, f, c.ID)
	after := byKind(conflictsOf(t, f, c.ID), channel.PriceBelowFloor)
	if len(after) != 1 || after[0].ID != before[0].ID || after[0].Severity != "HIGH" || after[0].Events[len(after[0].Events)-1] != "UPDATED" {
		t.Fatalf("after the price cut: %+v, want conflict %d HIGH with an UPDATED event", after, before[0].ID)
	}
}

// TestEvaluateDuplicateCustomerOnce: two customers that look alike are one
// conflict, whichever side is judged, and judging both in one batch or one
// after the other never opens a second.
func TestEvaluateDuplicateCustomerOnce(t *testing.T) {
	f := engineFixture(t)
	a := f.customer(t, "Ромашка ООО", channel.OwnerDealer, f.dist.ID)
	b := f.customer(t, "Romashka LLC", channel.OwnerDealer, f.other.ID)
	evaluate(t, f, a.ID)
	evaluate(t, f, b.ID)
	evaluate(t, f, a.ID, b.ID)
	cs := byKind(conflictsOf(t, f, a.ID), channel.DuplicateCustomer)
	if len(cs) != 1 || !slices.Equal(cs[0].CustomerIDs, []int64{a.ID, b.ID}) || !slices.Equal(cs[0].Events, []string{"OPENED"}) {
		t.Fatalf("want one DUPLICATE_CUSTOMER for %d and %d with one event, got %+v", a.ID, b.ID, cs)
	}
	// The same owner on both sides is housekeeping, not a conflict.
	_, _ = must2(f.st.TransferCustomer(f.ctx, store.Transfer{CustomerID: b.ID, ToKind: channel.OwnerDealer, ToDealerID: f.dist.ID, Reason: "merged"}))(t)
	evaluate(t, f, b.ID)
	cs = byKind(conflictsOf(t, f, a.ID), channel.DuplicateCustomer)
	if len(cs) != 1 || cs[0].Status != "RESOLVED" {
		t.Fatalf("after the transfer: %+v, want the pair resolved", cs)
	}
}

func must2[A, B any](a A, b B, err error) func(t *testing.T) (A, B) {
	return func(t *testing.T) (A, B) {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return a, b
	}
}

// TestReevaluateRegion: an assignment that starts covering a dealer's deal
// closes its OUT_OF_TERRITORY conflict when the region is re-evaluated.
func TestReevaluateRegion(t *testing.T) {
	f := engineFixture(t)
	c := f.customer(t, "Elhovo Farms", channel.OwnerUnassigned, 0)
	f.deal(t, c.ID, f.other.ID, f.valves.ID, 1, 50_000)
	evaluate(t, f, c.ID)
	if k := byKind(conflictsOf(t, f, c.ID), channel.OutOfTerritory); len(k) != 1 || k[0].Status != "OPEN" {
		t.Fatalf("want an open OUT_OF_TERRITORY, got %+v", k)
	}
	_ = must(f.st.AssignTerritory(f.ctx, store.TerritoryAssign{DealerID: f.other.ID, RegionID: f.yambol.ID, ValidFrom: t0.AddDate(0, -1, 0)}))(t)
	var seen []int
	if err := f.st.Reevaluate(f.ctx, store.ReevalScope{RegionID: f.bg.ID, Active: true, DealsOnly: true},
		func(done, total int) { seen = append(seen, done, total) }); err != nil {
		t.Fatal(err)
	}
	if k := byKind(conflictsOf(t, f, c.ID), channel.OutOfTerritory); len(k) != 1 || k[0].Status != "RESOLVED" {
		t.Fatalf("after the assignment: %+v, want it resolved", k)
	}
	if len(seen) < 2 || seen[len(seen)-2] != seen[len(seen)-1] || seen[len(seen)-1] < 1 {
		t.Fatalf("progress %v: want it to end at done == total ≥ 1", seen)
	}
}

// TestExpireProtectionsTwoReplicas: two replicas run the expiry job at the
// same moment; every due deal is processed exactly once, and the
// DUPLICATE_REGISTRATION conflicts that rested on the lapsed protection
// close with the reason.
func TestExpireProtectionsTwoReplicas(t *testing.T) {
	f := engineFixture(t)
	const customers = 30
	var ids []int64
	for i := range customers {
		c := f.customer(t, fmt.Sprintf("Kunde %c%c Yambol", 'A'+i%26, 'a'+i/26), channel.OwnerUnassigned, 0)
		ids = append(ids, c.ID)
		f.deal(t, c.ID, f.dist.ID, f.pumps.ID, 1, 20_000)
		f.deal(t, c.ID, f.sub.ID, f.pumps.ID, 1, 20_000)
	}
	evaluate(t, f, ids...)
	var open int
	if err := f.st.DB().NewRaw(`SELECT count(*) FROM conflicts WHERE kind = 'DUPLICATE_REGISTRATION' AND status = 'OPEN'`).Scan(f.ctx, &open); err != nil {
		t.Fatal(err)
	}
	if open != customers {
		t.Fatalf("%d open DUPLICATE_REGISTRATION conflicts, want %d", open, customers)
	}
	at := t0.AddDate(0, 0, 91)
	var due int
	if err := f.st.DB().NewRaw(`SELECT count(*) FROM deals WHERE protected_until <= ? AND protection_expired_at IS NULL`, at).Scan(f.ctx, &due); err != nil {
		t.Fatal(err)
	}
	if due < customers {
		t.Fatalf("%d deals due, want at least %d", due, customers)
	}

	var wg sync.WaitGroup
	counts := make([]int, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Go(func() { counts[i], errs[i] = f.st.ExpireProtections(context.Background(), at) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if counts[0]+counts[1] != due {
		t.Fatalf("replicas processed %v deals, want %d in total", counts, due)
	}
	if n := must(f.st.ExpireProtections(f.ctx, at))(t); n != 0 {
		t.Fatalf("a third run processed %d deals, want 0", n)
	}
	for _, id := range ids {
		k := byKind(conflictsOf(t, f, id), channel.DuplicateRegistration)
		if len(k) != 1 || k[0].Status != "RESOLVED" || !strings.Contains(k[0].Note, "protection of deal") ||
			!slices.Equal(k[0].Events, []string{"OPENED", "RESOLVED"}) {
			t.Fatalf("customer %d: %+v, want its DUPLICATE_REGISTRATION resolved once for the lapsed protection", id, k)
		}
	}
}

// TestMutationsJudge: every mutation that changes what the rules read
// updates the board by itself, in its own transaction or right after it —
// no explicit evaluation here.
func TestMutationsJudge(t *testing.T) {
	f := engineFixture(t)
	c := f.customer(t, "Straldzha Grain", channel.OwnerUnassigned, 0)

	// registerDeal: a deal of the Romanian dealer in Yambol is out of its
	// territory; the distributor's assignment is suggested instead.
	rd := f.deal(t, c.ID, f.other.ID, f.valves.ID, 2, 30_000)
	if k := byKind(conflictsOf(t, f, c.ID), channel.OutOfTerritory); len(k) != 1 || k[0].Status != "OPEN" {
		t.Fatalf("after registerDeal: %+v, want an open OUT_OF_TERRITORY", k)
	}
	// assignTerritory covers it; unassignTerritory uncovers it again.
	a := must(f.st.AssignTerritory(f.ctx, store.TerritoryAssign{DealerID: f.other.ID, RegionID: f.bg.ID, ValidFrom: t0.AddDate(0, -1, 0)}))(t)
	if k := byKind(conflictsOf(t, f, c.ID), channel.OutOfTerritory); len(k) != 1 || k[0].Status != "RESOLVED" {
		t.Fatalf("after assignTerritory: %+v, want it resolved", k)
	}
	_ = must(f.st.UnassignTerritory(f.ctx, a.ID, ptr(t0.AddDate(0, 0, -1))))(t)
	if k := byKind(conflictsOf(t, f, c.ID), channel.OutOfTerritory); len(k) != 1 || k[0].Status != "OPEN" || k[0].Events[len(k[0].Events)-1] != "REOPENED" {
		t.Fatalf("after unassignTerritory: %+v, want it re-opened", k)
	}

	// setPolicy: a floor above the deal's price opens PRICE_BELOW_FLOOR.
	_ = must(f.st.SetPolicy(f.ctx, store.PolicySet{Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000,
		PriceFloors: map[int64]int64{f.pumps.ID: 10_000, f.valves.ID: 40_000}}))(t)
	if k := byKind(conflictsOf(t, f, c.ID), channel.PriceBelowFloor); len(k) != 1 || k[0].Severity != "HIGH" {
		t.Fatalf("after setPolicy: %+v, want a HIGH PRICE_BELOW_FLOOR (25 %% under)", k)
	}
	// updateDeal lifts the price to the floor: not under it any more.
	_ = must(f.st.UpdateDeal(f.ctx, rd.ID, store.DealUpdate{UnitPrice: &channel.Money{Minor: 40_000, Currency: "EUR"}}))(t)
	if k := byKind(conflictsOf(t, f, c.ID), channel.PriceBelowFloor); len(k) != 1 || k[0].Status != "RESOLVED" {
		t.Fatalf("after updateDeal: %+v, want it resolved", k)
	}

	// transferCustomer to the distributor: the Romanian dealer's deal is
	// now a claim on the distributor's customer.
	_, _ = must2(f.st.TransferCustomer(f.ctx, store.Transfer{CustomerID: c.ID, ToKind: channel.OwnerDealer, ToDealerID: f.dist.ID, Reason: "contract signed"}))(t)
	if k := byKind(conflictsOf(t, f, c.ID), channel.OwnershipClaim); len(k) != 1 || k[0].Status != "OPEN" || k[0].Severity != "MEDIUM" {
		t.Fatalf("after transferCustomer: %+v, want an open MEDIUM OWNERSHIP_CLAIM", k)
	}
	// updateDealer: the owner terminated makes the claim a formality.
	_ = must(f.st.UpdateDealer(f.ctx, f.dist.ID, store.DealerUpdate{Status: ptr(channel.DealerTerminated)}))(t)
	if k := byKind(conflictsOf(t, f, c.ID), channel.OwnershipClaim); len(k) != 1 || k[0].Severity != "LOW" {
		t.Fatalf("after terminating the owner: %+v, want the claim LOW", k)
	}
	// closeDeal ends it all.
	_ = must(f.st.CloseDeal(f.ctx, rd.ID, channel.StageWon, ""))(t)
	for _, k := range conflictsOf(t, f, c.ID) {
		if channel.ConflictStatus(k.Status).Live() {
			t.Fatalf("after closeDeal: %+v is still live", k)
		}
	}

	// createCustomer / updateCustomer: a look-alike appears, then is renamed.
	d := f.customer(t, "Straldzha Grain LLC", channel.OwnerDirect, 0)
	if k := byKind(conflictsOf(t, f, d.ID), channel.DuplicateCustomer); len(k) != 1 || k[0].Status != "OPEN" {
		t.Fatalf("after createCustomer: %+v, want an open DUPLICATE_CUSTOMER", k)
	}
	_ = must(f.st.UpdateCustomer(f.ctx, d.ID, store.CustomerUpdate{Name: ptr("Burgas Port Authority")}))(t)
	if k := byKind(conflictsOf(t, f, d.ID), channel.DuplicateCustomer); len(k) != 1 || k[0].Status != "RESOLVED" {
		t.Fatalf("after updateCustomer: %+v, want it resolved", k)
	}
}

// TestFirstToRegisterKeepsProtection: a later registration of another
// channel for a protected pair gets no window of its own, through
// registerDeal and through approveDeal alike; the same channel may
// register again.
func TestFirstToRegisterKeepsProtection(t *testing.T) {
	f := engineFixture(t)
	c := f.customer(t, "Tundzha Pumps Users", channel.OwnerUnassigned, 0)
	first := f.deal(t, c.ID, f.dist.ID, f.pumps.ID, 1, 20_000)
	second := f.deal(t, c.ID, f.other.ID, f.pumps.ID, 1, 20_000)
	again := f.deal(t, c.ID, f.dist.ID, f.pumps.ID, 1, 20_000)
	other := f.deal(t, c.ID, f.other.ID, f.valves.ID, 1, 20_000)
	if first.ProtectedUntil == nil || second.ProtectedUntil != nil || again.ProtectedUntil == nil || other.ProtectedUntil == nil {
		t.Fatalf("protected: first %v, second %v, same channel again %v, other line %v; want all but the second",
			first.ProtectedUntil, second.ProtectedUntil, again.ProtectedUntil, other.ProtectedUntil)
	}

	_ = must(f.st.SetPolicy(f.ctx, store.PolicySet{Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000, RegistrationRequiresApproval: ptr(true)}))(t)
	c2 := f.customer(t, "Sliven Water Works", channel.OwnerUnassigned, 0)
	p1 := f.deal(t, c2.ID, f.other.ID, f.pumps.ID, 1, 20_000)
	p2 := f.deal(t, c2.ID, f.dist.ID, f.pumps.ID, 1, 20_000)
	a2 := must(f.st.ApproveDeal(f.ctx, p2.ID))(t)
	a1 := must(f.st.ApproveDeal(f.ctx, p1.ID))(t)
	if a2.ProtectedUntil == nil || a1.ProtectedUntil != nil || a1.Stage != channel.StageRegistered {
		t.Fatalf("approved first %+v, second %+v: want only the first approved protected", a2, a1)
	}
	k := byKind(conflictsOf(t, f, c2.ID), channel.DuplicateRegistration)
	if len(k) != 1 || !slices.Equal(k[0].DealIDs, []int64{p1.ID, p2.ID}) {
		t.Fatalf("want one DUPLICATE_REGISTRATION between %d and %d, got %+v", p1.ID, p2.ID, k)
	}
}

// A conflict keeps its customer's region (0014): conflictStats groups and
// filters by it, and a customer that moves takes its conflicts along.
func TestConflictRegionFollowsTheCustomer(t *testing.T) {
	f := engineFixture(t)
	c := f.customer(t, "Straldzha Grain", channel.OwnerUnassigned, 0)
	f.deal(t, c.ID, f.other.ID, f.valves.ID, 2, 30_000) // out of territory
	regions := func() map[int64]int {
		out := map[int64]int{}
		for _, r := range must(f.st.ConflictStats(f.ctx, []string{store.StatsByRegion}, store.ConflictFilter{CustomerID: &c.ID}))(t) {
			out[r.RegionID] += r.Count
		}
		return out
	}
	before := regions()
	if len(before) != 1 || before[f.yambol.ID] == 0 {
		t.Fatalf("by region %v, want all in Yambol (%d)", before, f.yambol.ID)
	}
	must(f.st.UpdateCustomer(f.ctx, c.ID, store.CustomerUpdate{RegionID: &f.ro.ID}))(t)
	after := regions()
	if after[f.ro.ID] != before[f.yambol.ID] || after[f.yambol.ID] != 0 {
		t.Errorf("after the move to Romania: by region %v, want %d in %d", after, before[f.yambol.ID], f.ro.ID)
	}
	inRO := must(f.st.ListConflicts(f.ctx, store.ConflictFilter{RegionID: &f.ro.ID, CustomerID: &c.ID}, store.Order{}, store.Page{}))(t)
	inBG := must(f.st.ListConflicts(f.ctx, store.ConflictFilter{RegionID: &f.bg.ID, CustomerID: &c.ID}, store.Order{}, store.Page{}))(t)
	if inRO.Total != after[f.ro.ID] || inBG.Total != 0 {
		t.Errorf("region filter: %d in Romania, %d in Bulgaria; want %d and 0", inRO.Total, inBG.Total, after[f.ro.ID])
	}
}
