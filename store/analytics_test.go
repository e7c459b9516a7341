package store_test

import (
	"fmt"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

// analyticsFixture: the 2026 policy, plans for the distributor and its
// sub-dealer, and deals whose numbers the tests below work out by hand.
type analyticsFixture struct {
	*fixture
	now            time.Time
	c1, c2, c3, c4 channel.Customer
}

func newAnalyticsFixture(t *testing.T) *analyticsFixture {
	t.Helper()
	f := &analyticsFixture{fixture: newFixture(t), now: time.Date(2026, 7, 2, 12, 0, 0, 0, time.UTC)}
	at := func(tm time.Time) { f.st.SetClock(func() time.Time { return tm }) }
	at(time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC))
	must(f.st.SetPolicy(f.ctx, store.PolicySet{
		Year: 2026, Currency: "EUR", DirectSaleThreshold: 0,
		RegistrationRequiresApproval: ptr(false), MarketingBudgetPct: ptr(1.5), ManufacturerSharePct: ptr(50.0),
		PlanDeviationMarginPct: ptr(10.0),
		BonusTiers:             []channel.BonusTier{{MinAttainmentPct: 90, BonusPct: 2}, {MinAttainmentPct: 100, BonusPct: 3}, {MinAttainmentPct: 110, BonusPct: 5}},
	}))(t)
	must(f.st.SetDealerPlan(f.ctx, store.PlanSet{DealerID: f.dist.ID, Year: 2026, PlannedVolume: eur(100_000_000), CreditLimit: ptr(eur(1_000_000))}))(t)
	must(f.st.SetDealerPlan(f.ctx, store.PlanSet{DealerID: f.sub.ID, Year: 2026, PlannedVolume: eur(10_000_000)}))(t)

	f.c1 = f.customer(t, "Agro One", channel.OwnerDealer, f.dist.ID) // Yambol
	f.c2 = f.customer(t, "Agro Two", channel.OwnerDealer, f.sub.ID)  // Yambol
	f.c3 = f.customer(t, "Agro Three", channel.OwnerDirect, 0)       // Yambol
	f.c4 = must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{     // Romania
		Name: "Carpati Farm", RegionID: f.ro.ID, Segment: channel.Retail, OwnerKind: channel.OwnerUnassigned}))(t)

	deal := func(c channel.Customer, ch channel.ChannelKind, dealer int64, line channel.ProductLine, qty int, unit, prepaid int64) channel.Deal {
		in := store.DealRegister{CustomerID: c.ID, Channel: ch, DealerID: dealer, ProductLineID: line.ID, Quantity: qty, UnitPrice: eur(unit)}
		if prepaid > 0 {
			in.Prepaid = ptr(eur(prepaid))
		}
		return must(f.st.RegisterDeal(f.ctx, in))(t)
	}
	// A 2025 win: outside the 2026 plan.
	old := deal(f.c1, channel.ChannelDealer, f.dist.ID, f.pumps, 1, 7_000_000, 0)
	must(f.st.CloseDeal(f.ctx, old.ID, channel.StageWon, ""))(t)

	at(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
	won := deal(f.c1, channel.ChannelDealer, f.dist.ID, f.pumps, 1, 95_000_000, 0)
	must(f.st.CloseDeal(f.ctx, won.ID, channel.StageWon, ""))(t)
	deal(f.c1, channel.ChannelDealer, f.dist.ID, f.valves, 2, 1_000_000, 500_000) // open
	lost := deal(f.c2, channel.ChannelDealer, f.sub.ID, f.valves, 1, 300_000, 0)
	must(f.st.CloseDeal(f.ctx, lost.ID, channel.StageLost, "price"))(t)
	direct := deal(f.c3, channel.ChannelDirect, 0, f.pumps, 4, 250_000, 0)
	must(f.st.CloseDeal(f.ctx, direct.ID, channel.StageWon, ""))(t)
	deal(f.c4, channel.ChannelDirect, 0, f.valves, 1, 40_000, 0) // open
	at(f.now)
	return f
}

func TestDealerPerformance(t *testing.T) {
	f := newAnalyticsFixture(t)
	// A compensation the distributor was awarded in 2026.
	db := f.st.DB()
	var conflictID int64
	if err := db.NewRaw(`INSERT INTO conflicts (kind, identity_key, severity, customer_id, customer_ids, explanation)
		VALUES ('DIRECT_BYPASS', 'analytics-test', 'LOW', ?, ARRAY[?]::bigint[], '{}') RETURNING id`, f.c1.ID, f.c1.ID).Scan(f.ctx, &conflictID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.NewRaw(`INSERT INTO compensations (conflict_id, dealer_id, basis, amount, currency, created_at)
		VALUES (?, ?, 'CASH', 12345, 'EUR', '2026-05-01'), (?, ?, 'CASH', 999, 'EUR', '2025-05-01')`,
		conflictID, f.dist.ID, conflictID, f.dist.ID).Exec(f.ctx); err != nil {
		t.Fatal(err)
	}

	l := must(f.st.DealerPerformance(f.ctx, 2026, store.PerformanceFilter{}, time.Time{}, store.Page{}))(t)
	if l.Total != 2 || len(l.Items) != 2 || l.HasNextPage {
		t.Fatalf("total %d items %d more %v, want the 2 dealers with a plan", l.Total, len(l.Items), l.HasNextPage)
	}
	dist, sub := l.Items[0], l.Items[1] // by name: Balkan Pumps, Yambol Agro
	if dist.DealerID != f.dist.ID || sub.DealerID != f.sub.ID {
		t.Fatalf("order %d, %d", dist.DealerID, sub.DealerID)
	}
	// Planned 100 000 000; won in 2026: 95 000 000 (the 2025 win does not
	// count). 2 July is day 183 of 365.
	m := dist.Money
	if dist.Planned != 100_000_000 || dist.Actual != 95_000_000 || dist.ActualToDate != 95_000_000 || m.AttainmentPct != 95 {
		t.Errorf("dist plan %+v", dist)
	}
	if m.Tier == nil || m.Tier.MinAttainmentPct != 90 || m.Bonus != 1_900_000 {
		t.Errorf("dist tier %+v bonus %d", m.Tier, m.Bonus)
	}
	// 95 000 000 × 365 / 183 = 189 480 874.3; 189 % reaches 110 → 5 %.
	if m.ProjectedActual != 189_480_874 || m.ProjectedTier == nil || m.ProjectedTier.MinAttainmentPct != 110 || m.ProjectedBonus != 9_474_044 {
		t.Errorf("dist projection %d %+v %d", m.ProjectedActual, m.ProjectedTier, m.ProjectedBonus)
	}
	if m.MarketingBudget != 1_500_000 || m.ManufacturerShare != 750_000 || m.DealerShare != 750_000 {
		t.Errorf("dist budget %+v", m)
	}
	if m.ExpectedToDate != 50_136_986 || m.Deviation {
		t.Errorf("dist pace %d deviation %v", m.ExpectedToDate, m.Deviation)
	}
	// The open valves deal: 2 000 000, of which 500 000 prepaid.
	if dist.Prepaid != 500_000 || dist.CreditUsed != 1_500_000 || dist.CreditLimit != 1_000_000 || !dist.OverCreditLimit() {
		t.Errorf("dist credit %+v", dist)
	}
	if dist.Compensation != 12_345 {
		t.Errorf("dist compensation %d, want only 2026's 12 345", dist.Compensation)
	}
	// The sub-dealer lost its only deal: nothing won, far behind the pace
	// (10 000 000 × 183 / 365 = 5 013 698.6).
	if sub.Actual != 0 || sub.Money.Tier != nil || sub.Money.ExpectedToDate != 5_013_699 || !sub.Money.Deviation ||
		sub.Money.MarketingBudget != 150_000 || sub.Money.DealerShare != 75_000 {
		t.Errorf("sub %+v", sub)
	}

	// As of 1 March no win had happened yet: the distributor is behind.
	early := must(f.st.DealerPerformance(f.ctx, 2026, store.PerformanceFilter{DealerID: &f.dist.ID}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), store.Page{}))(t)
	if len(early.Items) != 1 || early.Items[0].ActualToDate != 0 || !early.Items[0].Money.Deviation {
		t.Errorf("as of 1 March: %+v", early.Items)
	}
	// Paging: one per page, the cursor continues by name.
	p1 := must(f.st.DealerPerformance(f.ctx, 2026, store.PerformanceFilter{}, time.Time{}, store.Page{First: ptr(1)}))(t)
	p2 := must(f.st.DealerPerformance(f.ctx, 2026, store.PerformanceFilter{}, time.Time{}, store.Page{First: ptr(1), After: p1.Cursors[0]}))(t)
	if !p1.HasNextPage || p2.HasNextPage || p1.Items[0].DealerID != f.dist.ID || p2.Items[0].DealerID != f.sub.ID {
		t.Errorf("pages %+v / %+v", p1, p2)
	}
	// Filters: by home region (Yambol holds only the sub-dealer).
	byRegion := must(f.st.DealerPerformance(f.ctx, 2026, store.PerformanceFilter{RegionID: &f.yambol.ID}, time.Time{}, store.Page{}))(t)
	if byRegion.Total != 1 || byRegion.Items[0].DealerID != f.sub.ID {
		t.Errorf("by region %+v", byRegion.Items)
	}
	_, err := f.st.DealerPerformance(f.ctx, 1999, store.PerformanceFilter{}, time.Time{}, store.Page{})
	wantErr(t, err, channel.EInvalid, "year")
}

func TestPipeline(t *testing.T) {
	f := newAnalyticsFixture(t)
	rows := must(f.st.Pipeline(f.ctx, []string{store.PipelineByStage, store.PipelineByChannel}, store.PipelineFilter{}))(t)
	type key struct {
		stage channel.DealStage
		ch    channel.ChannelKind
	}
	got := map[key][2]int64{}
	for _, r := range rows {
		got[key{r.Stage, r.Channel}] = [2]int64{int64(r.Count), r.Amount.Minor}
	}
	want := map[key][2]int64{
		{channel.StageWon, channel.ChannelDealer}:        {2, 102_000_000}, // 7 000 000 (2025) + 95 000 000
		{channel.StageWon, channel.ChannelDirect}:        {1, 1_000_000},
		{channel.StageRegistered, channel.ChannelDealer}: {1, 2_000_000},
		{channel.StageRegistered, channel.ChannelDirect}: {1, 40_000},
		{channel.StageLost, channel.ChannelDealer}:       {1, 300_000},
	}
	if len(got) != len(want) {
		t.Fatalf("rows %+v", rows)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%v = %v, want %v", k, got[k], v)
		}
	}
	// Open deals of valves, in Romania or below: the Carpati order only.
	open := must(f.st.Pipeline(f.ctx, []string{store.PipelineByProductLine}, store.PipelineFilter{
		OpenOnly: ptr(true), RegionID: &f.ro.ID}))(t)
	if len(open) != 1 || open[0].ProductLineID != f.valves.ID || open[0].Count != 1 || open[0].Amount != eur(40_000) {
		t.Errorf("open in RO: %+v", open)
	}
	// Registered in 2026, by dealer: the distributor's two and the sub's one.
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	byDealer := must(f.st.Pipeline(f.ctx, []string{store.PipelineByDealer}, store.PipelineFilter{
		RegisteredFrom: &from, ChannelKind: ptr(channel.ChannelDealer)}))(t)
	if len(byDealer) != 2 || byDealer[0].DealerID != f.dist.ID || byDealer[0].Count != 2 || byDealer[0].Amount.Minor != 97_000_000 ||
		byDealer[1].DealerID != f.sub.ID || byDealer[1].Count != 1 {
		t.Errorf("by dealer %+v", byDealer)
	}
	// The summary (no region, no window) and the deals themselves agree,
	// for every grouping, after deals were registered, closed and updated.
	d := must(f.st.ListDeals(f.ctx, store.DealFilter{OpenOnly: ptr(true), ChannelKind: ptr(channel.ChannelDealer)}, store.Order{}, store.Page{}))(t).Items[0]
	must(f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{Quantity: ptr(5)}))(t)
	must(f.st.CloseDeal(f.ctx, d.ID, channel.StageCancelled, "test"))(t)
	longAgo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	all := []string{store.PipelineByStage, store.PipelineByChannel, store.PipelineByProductLine, store.PipelineByDealer}
	for _, dims := range [][]string{nil, all, {store.PipelineByDealer}, {store.PipelineByStage}} {
		fromSummary := must(f.st.Pipeline(f.ctx, dims, store.PipelineFilter{}))(t)
		fromDeals := must(f.st.Pipeline(f.ctx, dims, store.PipelineFilter{RegisteredFrom: &longAgo}))(t)
		if fmt.Sprint(fromSummary) != fmt.Sprint(fromDeals) {
			t.Errorf("%v: summary %+v, deals %+v", dims, fromSummary, fromDeals)
		}
	}
	// By region too, also after a customer moved to another region: the
	// summary follows the customer.
	regionAgree := func(when string) {
		t.Helper()
		for _, r := range []int64{f.eu.ID, f.bg.ID, f.yambol.ID, f.ro.ID} {
			fromSummary := must(f.st.Pipeline(f.ctx, all, store.PipelineFilter{RegionID: &r}))(t)
			fromDeals := must(f.st.Pipeline(f.ctx, all, store.PipelineFilter{RegionID: &r, RegisteredFrom: &longAgo}))(t)
			if fmt.Sprint(fromSummary) != fmt.Sprint(fromDeals) {
				t.Errorf("%s, region %d: summary %+v, deals %+v", when, r, fromSummary, fromDeals)
			}
		}
	}
	regionAgree("before the move")
	moved := must(f.st.Deal(f.ctx, d.ID))(t).CustomerID
	before := must(f.st.Pipeline(f.ctx, nil, store.PipelineFilter{RegionID: &f.ro.ID}))(t)
	must(f.st.UpdateCustomer(f.ctx, moved, store.CustomerUpdate{RegionID: &f.ro.ID}))(t)
	regionAgree("after the move")
	if after := must(f.st.Pipeline(f.ctx, nil, store.PipelineFilter{RegionID: &f.ro.ID}))(t); fmt.Sprint(after) == fmt.Sprint(before) {
		t.Errorf("moving a customer with deals into Romania left Romania's pipeline at %+v", after)
	}
	cancelled := must(f.st.Pipeline(f.ctx, nil, store.PipelineFilter{Stages: []channel.DealStage{channel.StageCancelled}}))(t)
	if len(cancelled) != 1 || cancelled[0].Count != 1 || cancelled[0].Amount.Minor != 5_000_000 {
		t.Errorf("cancelled %+v, want the 5 × 1 000 000 valves deal", cancelled)
	}

	_, err := f.st.Pipeline(f.ctx, []string{"COLOUR"}, store.PipelineFilter{})
	wantErr(t, err, channel.EInvalid, "groupBy")
}

func TestOwnershipShare(t *testing.T) {
	f := newAnalyticsFixture(t)
	rows := must(f.st.OwnershipShare(f.ctx, store.OwnershipFilter{}))(t)
	// Countries: Bulgaria has 2 dealer-owned and 1 direct customer,
	// Romania 1 unassigned.
	type key struct {
		at   string
		kind channel.OwnerKind
	}
	got := map[key]store.OwnershipShareRow{}
	for _, r := range rows {
		got[key{r.RegionPath, r.OwnerKind}] = r
	}
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	bgDealer := got[key{"eu.bg", channel.OwnerDealer}]
	if bgDealer.Customers != 2 || bgDealer.WonDeals != 2 || len(bgDealer.WonVolume) != 1 || bgDealer.WonVolume[0] != eur(102_000_000) {
		t.Errorf("BG dealer %+v", bgDealer)
	}
	if int(bgDealer.CustomerSharePct*1000) != 66666 {
		t.Errorf("BG dealer share %v, want 66.67", bgDealer.CustomerSharePct)
	}
	bgDirect := got[key{"eu.bg", channel.OwnerDirect}]
	if bgDirect.Customers != 1 || bgDirect.WonDeals != 1 || bgDirect.WonVolume[0] != eur(1_000_000) {
		t.Errorf("BG direct %+v", bgDirect)
	}
	ro := got[key{"eu.ro", channel.OwnerUnassigned}]
	if ro.Customers != 1 || ro.WonDeals != 0 || len(ro.WonVolume) != 0 || ro.CustomerSharePct != 100 {
		t.Errorf("RO %+v", ro)
	}
	// 2026 only, provinces of Bulgaria: the 2025 win drops out.
	y := 2026
	prov := must(f.st.OwnershipShare(f.ctx, store.OwnershipFilter{Level: 3, RegionID: &f.bg.ID, Year: &y}))(t)
	if len(prov) != 2 || prov[0].RegionPath != "eu.bg.yambol" || prov[0].OwnerKind != channel.OwnerDealer ||
		prov[0].WonVolume[0] != eur(95_000_000) || prov[1].OwnerKind != channel.OwnerDirect {
		t.Errorf("Yambol 2026 %+v", prov)
	}
	// Handing Agro One to direct sales moves it and its won volume.
	must1 := func(_ channel.Customer, _ channel.OwnershipChange, err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must1(f.st.TransferCustomer(f.ctx, store.Transfer{CustomerID: f.c1.ID, ToKind: channel.OwnerDirect, Reason: "key account"}))
	moved := must(f.st.OwnershipShare(f.ctx, store.OwnershipFilter{RegionID: &f.bg.ID, Segment: ptr(channel.Agriculture)}))(t)
	if len(moved) != 2 || moved[0].OwnerKind != channel.OwnerDealer || moved[0].Customers != 1 || moved[0].WonDeals != 0 ||
		moved[1].OwnerKind != channel.OwnerDirect || moved[1].Customers != 2 || moved[1].WonDeals != 3 ||
		moved[1].WonVolume[0] != eur(103_000_000) {
		t.Errorf("after the transfer %+v", moved)
	}
	if none := must(f.st.OwnershipShare(f.ctx, store.OwnershipFilter{Segment: ptr(channel.Public)}))(t); len(none) != 0 {
		t.Errorf("no PUBLIC customers, got %+v", none)
	}

	_, err := f.st.OwnershipShare(f.ctx, store.OwnershipFilter{Level: 11})
	wantErr(t, err, channel.EInvalid, "filter.level")
}

func TestTerritoryCoverage(t *testing.T) {
	f := newAnalyticsFixture(t)
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	ended := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	assign := func(in store.TerritoryAssign) channel.TerritoryAssignment {
		return must(f.st.AssignTerritory(f.ctx, in))(t)
	}
	bg := assign(store.TerritoryAssign{DealerID: f.dist.ID, RegionID: f.bg.ID, Exclusive: true, ValidFrom: from})
	yam := assign(store.TerritoryAssign{DealerID: f.other.ID, RegionID: f.yambol.ID, ProductLineIDs: []int64{f.pumps.ID}, Exclusive: true, ValidFrom: from})
	// A sub-dealer is another dealer: its assignment under its parent's
	// exclusive one is an overlap.
	assign(store.TerritoryAssign{DealerID: f.sub.ID, RegionID: f.yambol.ID, Segments: []channel.Segment{channel.Retail}, ValidFrom: from})
	// Expired: covers nothing and overlaps nothing any more.
	assign(store.TerritoryAssign{DealerID: f.other.ID, RegionID: f.ro.ID, Exclusive: true, ValidFrom: from, ValidTo: &ended})
	// Disjoint product lines do not overlap.
	assign(store.TerritoryAssign{DealerID: f.sub.ID, RegionID: f.yambol.ID, ProductLineIDs: []int64{f.valves.ID}, Exclusive: true, ValidFrom: from})

	cov := must(f.st.TerritoryCoverage(f.ctx, store.CoverageFilter{}))(t)
	// Leaves: Yambol (covered) and Romania (its assignment ended).
	if len(cov.Uncovered) != 1 || cov.Uncovered[0].RegionID != f.ro.ID || cov.Uncovered[0].Customers != 1 {
		t.Errorf("uncovered %+v", cov.Uncovered)
	}
	pairs := map[[2]int64]bool{}
	for _, o := range cov.Overlaps {
		pairs[[2]int64{o.A.ID, o.B.ID}] = o.BothExclusive
	}
	// dist's exclusive Bulgaria overlaps: other's pumps in Yambol (both
	// exclusive), the sub's retail Yambol, the sub's valves Yambol (both
	// exclusive). other's pumps and the sub's retail overlap too (retail ⊂
	// every segment, pumps ⊂ every line); other's pumps and the sub's
	// valves do not.
	if len(pairs) != 4 {
		t.Fatalf("overlaps %+v", pairs)
	}
	if both, ok := pairs[[2]int64{bg.ID, yam.ID}]; !ok || !both {
		t.Errorf("bg × yambol: %v %v", both, ok)
	}
	// Back in 2025 Romania was covered.
	past := must(f.st.TerritoryCoverage(f.ctx, store.CoverageFilter{AsOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), RegionID: &f.ro.ID}))(t)
	if len(past.Uncovered) != 0 || len(past.Overlaps) != 0 {
		t.Errorf("2025 RO: %+v", past)
	}
}
