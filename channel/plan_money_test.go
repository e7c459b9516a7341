package channel

import (
	"math"
	"testing"
	"time"
)

func TestPercentOfRoundsHalfAwayFromZero(t *testing.T) {
	for _, c := range []struct {
		minor int64
		pct   float64
		want  int64
	}{
		{5, 50, 3},   // 2.5 → 3
		{-5, 50, -3}, // −2.5 → −3
		{3, 50, 2},   // 1.5 → 2
		{7, 10, 1},   // 0.7 → 1
		{4, 10, 0},   // 0.4 → 0
		{1, 33.333, 0},
		{100_000_000, 1.5, 1_500_000},
		{100_000_00, 0.125, 12_500},
		// The intermediate product overflows int64; the result does not.
		{math.MaxInt64 / 10, 10, (math.MaxInt64/10 + 5) / 10},
	} {
		if got := PercentOf(c.minor, c.pct); got != c.want {
			t.Errorf("PercentOf(%d, %v) = %d, want %d", c.minor, c.pct, got, c.want)
		}
	}
	if got := MulDiv(100_000_000, 183, 365); got != 50_136_986 { // 50 136 986.30
		t.Errorf("MulDiv = %d", got)
	}
	if got := MulDiv(1, 1, 2); got != 1 {
		t.Errorf("MulDiv(1,1,2) = %d, want 1 (half rounds up)", got)
	}
}

func TestTierReachedIsExact(t *testing.T) {
	tiers := []BonusTier{{110, 5}, {90, 2}, {100, 3}} // any order
	for _, c := range []struct {
		actual int64
		want   float64 // min attainment of the tier, 0 for none
	}{
		{89_999_999, 0},
		{90_000_000, 90},
		{99_999_999, 90},
		{100_000_000, 100},
		{110_000_000, 110},
		{500_000_000, 110},
	} {
		tier, ok := TierReached(tiers, c.actual, 100_000_000)
		if c.want == 0 && ok || c.want != 0 && (!ok || tier.MinAttainmentPct != c.want) {
			t.Errorf("actual %d: tier %+v ok=%v, want %v", c.actual, tier, ok, c.want)
		}
	}
	if _, ok := TierReached(tiers, 5, 0); ok {
		t.Error("a zero plan reached a tier")
	}
}

func TestYearPace(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 15, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		year          int
		asOf          time.Time
		elapsed, days int
	}{
		{2026, day(2025, 12, 31), 0, 365},
		{2026, day(2026, 1, 1), 1, 365},
		{2026, day(2026, 7, 2), 183, 365},
		{2026, day(2026, 12, 31), 365, 365},
		{2026, day(2027, 3, 1), 365, 365},
		{2028, day(2028, 12, 31), 366, 366},
	} {
		e, d := YearPace(c.year, c.asOf)
		if e != c.elapsed || d != c.days {
			t.Errorf("YearPace(%d, %s) = %d/%d, want %d/%d", c.year, c.asOf.Format(time.DateOnly), e, d, c.elapsed, c.days)
		}
	}
}

// The fixture is computed by hand: a 1,000,000.00 plan, 95 % attained,
// checked on 2 July 2026 (day 183 of 365).
func TestPlanMoney(t *testing.T) {
	in := PlanMoneyInput{
		Year: 2026, Planned: 100_000_000, Actual: 95_000_000, ActualToDate: 40_000_000,
		AsOf:                   time.Date(2026, 7, 2, 9, 0, 0, 0, time.UTC),
		BonusTiers:             []BonusTier{{90, 2}, {100, 3}, {110, 5}},
		MarketingBudgetPct:     1.5,
		ManufacturerSharePct:   50,
		PlanDeviationMarginPct: 10,
	}
	got := PlanMoney(in)
	if got.AttainmentPct != 95 {
		t.Errorf("attainment %v", got.AttainmentPct)
	}
	if got.Tier == nil || got.Tier.MinAttainmentPct != 90 || got.Bonus != 1_900_000 {
		t.Errorf("tier %+v bonus %d, want 90%% tier and 1 900 000", got.Tier, got.Bonus)
	}
	// 40 000 000 × 365 / 183 = 79 781 420.77 → 79 781 421: 79.8 %, no tier.
	if got.ProjectedActual != 79_781_421 || got.ProjectedTier != nil || got.ProjectedBonus != 0 {
		t.Errorf("projected %d tier %+v bonus %d", got.ProjectedActual, got.ProjectedTier, got.ProjectedBonus)
	}
	if got.MarketingBudget != 1_500_000 || got.ManufacturerShare != 750_000 || got.DealerShare != 750_000 {
		t.Errorf("budget %d = %d + %d", got.MarketingBudget, got.ManufacturerShare, got.DealerShare)
	}
	// 100 000 000 × 183 / 365 = 50 136 986.30; 10 % of it is 5 013 698.6,
	// and the dealer is 10 136 986 behind.
	if got.ExpectedToDate != 50_136_986 || got.Shortfall != 10_136_986 || !got.Deviation {
		t.Errorf("expected %d shortfall %d deviation %v", got.ExpectedToDate, got.Shortfall, got.Deviation)
	}

	// Behind, but within the margin: 46 000 000 is 8.25 % short.
	in.ActualToDate = 46_000_000
	if got := PlanMoney(in); got.Deviation {
		t.Errorf("8.25%% behind is within a 10%% margin: %+v", got)
	}
	// An odd budget splits without losing a unit: 3 → 2 + 1.
	in.Planned, in.MarketingBudgetPct = 200, 1.5
	if got := PlanMoney(in); got.MarketingBudget != 3 || got.ManufacturerShare != 2 || got.DealerShare != 1 {
		t.Errorf("odd split %d = %d + %d", got.MarketingBudget, got.ManufacturerShare, got.DealerShare)
	}
	// A finished year projects its actual.
	in = PlanMoneyInput{Year: 2025, Planned: 100, Actual: 120, ActualToDate: 120, AsOf: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		BonusTiers: []BonusTier{{110, 5}}}
	if got := PlanMoney(in); got.ProjectedActual != 120 || got.ProjectedTier == nil || got.ProjectedBonus != 6 || got.Deviation {
		t.Errorf("finished year: %+v", got)
	}
}
