package store_test

import (
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

func TestPolicy(t *testing.T) {
	f := newFixture(t)
	p := must(f.st.SetPolicy(f.ctx, store.PolicySet{
		Year: 2026, Currency: "EUR", DirectSaleThreshold: 5_000_000, RegistrationRequiresApproval: ptr(false),
		MarketingBudgetPct: ptr(1.5), PriceFloors: map[int64]int64{f.pumps.ID: 90000},
		BonusTiers: []channel.BonusTier{{MinAttainmentPct: 110, BonusPct: 3}, {MinAttainmentPct: 100, BonusPct: 2}},
	}))(t)
	if p.RegistrationProtectionDays != 90 || p.RegistrationRequiresApproval || p.MarketingBudgetPct != 1.5 || p.ManufacturerSharePct != 50 {
		t.Fatalf("policy = %+v", p)
	}
	if p.PriceFloors[f.pumps.ID] != 90000 || len(p.BonusTiers) != 2 || p.BonusTiers[0].MinAttainmentPct != 100 {
		t.Fatalf("floors %v tiers %v", p.PriceFloors, p.BonusTiers)
	}
	// A second set keeps what it does not mention and replaces given lists.
	p = must(f.st.SetPolicy(f.ctx, store.PolicySet{Year: 2026, Currency: "EUR", DirectSaleThreshold: 6_000_000, BonusTiers: []channel.BonusTier{}}))(t)
	if p.DirectSaleThreshold != 6_000_000 || p.MarketingBudgetPct != 1.5 || len(p.PriceFloors) != 1 || len(p.BonusTiers) != 0 {
		t.Fatalf("second set = %+v", p)
	}
	_ = must(f.st.SetPolicy(f.ctx, store.PolicySet{Year: 2025, Currency: "BGN", DirectSaleThreshold: 1}))(t)
	all := must(f.st.ListPolicies(f.ctx))(t)
	if len(all) != 2 || all[0].Year != 2026 {
		t.Fatalf("policies = %+v", all)
	}
	_, err := f.st.Policy(f.ctx, 2030)
	wantErr(t, err, channel.ENotFound, "")
	for _, tc := range []struct {
		in    store.PolicySet
		field string
	}{
		{store.PolicySet{Year: 1999, Currency: "EUR"}, "input.year"},
		{store.PolicySet{Year: 2026, Currency: "EU"}, "input.currency"},
		{store.PolicySet{Year: 2026, Currency: "EUR", DirectSaleThreshold: -1}, "input.directSaleThreshold"},
		{store.PolicySet{Year: 2026, Currency: "EUR", RegistrationProtectionDays: ptr(0)}, "input.registrationProtectionDays"},
		{store.PolicySet{Year: 2026, Currency: "EUR", MarketingBudgetPct: ptr(4.0)}, "input.marketingBudgetPct"},
		{store.PolicySet{Year: 2026, Currency: "EUR", DefaultCompensationPct: ptr(101.0)}, "input.defaultCompensationPct"},
		{store.PolicySet{Year: 2026, Currency: "EUR", PriceFloors: map[int64]int64{9999: 1}}, "input.priceFloors"},
		{store.PolicySet{Year: 2026, Currency: "EUR", BonusTiers: []channel.BonusTier{{MinAttainmentPct: 100, BonusPct: 1}, {MinAttainmentPct: 100, BonusPct: 2}}}, "input.bonusTiers"},
	} {
		_, err := f.st.SetPolicy(f.ctx, tc.in)
		wantErr(t, err, channel.EInvalid, tc.field)
	}
}

func TestDealerPlanActual(t *testing.T) {
	f := newFixture(t)
	now := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	f.st.SetClock(func() time.Time { return now })
	p := must(f.st.SetDealerPlan(f.ctx, store.PlanSet{DealerID: f.sub.ID, Year: 2026, PlannedVolume: eur(1_000_000), PrepaymentPct: ptr(30.0)}))(t)
	if p.Actual != 0 || p.PlannedVolume != 1_000_000 || p.PrepaymentPct != 30 {
		t.Fatalf("plan = %+v", p)
	}
	c := f.customer(t, "Agro", channel.OwnerDealer, f.sub.ID)
	reg := func(qty int) channel.Deal {
		return must(f.st.RegisterDeal(f.ctx, store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDealer, DealerID: f.sub.ID,
			ProductLineID: f.pumps.ID, Quantity: qty, UnitPrice: eur(100_000)}))(t)
	}
	won, lost, open := reg(2), reg(3), reg(1)
	_ = must(f.st.CloseDeal(f.ctx, won.ID, channel.StageWon, ""))(t)
	_ = must(f.st.CloseDeal(f.ctx, lost.ID, channel.StageLost, "price"))(t)
	_ = open
	// A deal won next year does not count toward this year.
	f.st.SetClock(func() time.Time { return time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC) })
	_ = must(f.st.CloseDeal(f.ctx, reg(4).ID, channel.StageWon, ""))(t)
	p = must(f.st.DealerPlan(f.ctx, f.sub.ID, 2026))(t)
	if p.Actual != 200_000 || p.AttainmentPct() != 20 {
		t.Fatalf("actual = %d (%.1f%%), want 200000 (20%%)", p.Actual, p.AttainmentPct())
	}
	plans := must(f.st.PlansByKeys(f.ctx, []store.PlanKey{{DealerID: f.sub.ID, Year: 2026}, {DealerID: f.dist.ID, Year: 2026}}))(t)
	if len(plans) != 1 {
		t.Errorf("plans = %+v", plans)
	}
	_, err := f.st.SetDealerPlan(f.ctx, store.PlanSet{DealerID: 9999, Year: 2026, PlannedVolume: eur(1)})
	wantErr(t, err, channel.EInvalid, "input.dealerId")
	_, err = f.st.SetDealerPlan(f.ctx, store.PlanSet{DealerID: f.sub.ID, Year: 2026, PlannedVolume: eur(1), PrepaymentPct: ptr(120.0)})
	wantErr(t, err, channel.EInvalid, "input.prepaymentPct")
	_, err = f.st.SetDealerPlan(f.ctx, store.PlanSet{DealerID: f.sub.ID, Year: 2026, PlannedVolume: eur(1), CreditLimit: &channel.Money{Minor: 1, Currency: "BGN"}})
	wantErr(t, err, channel.EInvalid, "input.creditLimit.currency")
}
