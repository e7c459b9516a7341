package channel

import (
	"math"
	"math/big"
	"time"
)

// Money math of the yearly commercial policy (seeds 002–004): bonus tiers,
// the marketing budget and its split, the plan's pace. Amounts are integer
// minor units; percentages are the policy's numeric(6,3) values, taken to
// thousandths of a percent (pctMilli) so that every product is an exact
// integer. A result that is not a whole minor unit is rounded half away from
// zero (2.5 → 3, −2.5 → −3), the rounding of commercial invoices; big.Int
// carries the intermediate products so that no amount overflows int64 on
// the way.

// pctMilli is a percentage in thousandths of a percent: 12.345 → 12345.
func pctMilli(pct float64) int64 { return int64(math.Round(pct * 1000)) }

// RoundDiv returns a/b rounded half away from zero; b must not be zero.
func RoundDiv(a, b *big.Int) *big.Int {
	q, r := new(big.Int).QuoRem(a, b, new(big.Int))
	// |2r| >= |b| means the fraction is at least one half.
	r2 := new(big.Int).Abs(r)
	r2.Lsh(r2, 1)
	if r2.Cmp(new(big.Int).Abs(b)) >= 0 {
		if (a.Sign() < 0) != (b.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// clampInt64 keeps a result in int64; amounts this large are not money.
func clampInt64(v *big.Int) int64 {
	if v.IsInt64() {
		return v.Int64()
	}
	if v.Sign() < 0 {
		return math.MinInt64
	}
	return math.MaxInt64
}

// PercentOf is pct percent of minor, rounded half away from zero.
func PercentOf(minor int64, pct float64) int64 {
	p := new(big.Int).Mul(big.NewInt(minor), big.NewInt(pctMilli(pct)))
	return clampInt64(RoundDiv(p, big.NewInt(100_000)))
}

// MulDiv is minor × num / den, rounded half away from zero; den must be > 0.
func MulDiv(minor, num, den int64) int64 {
	p := new(big.Int).Mul(big.NewInt(minor), big.NewInt(num))
	return clampInt64(RoundDiv(p, big.NewInt(den)))
}

// reaches reports whether actual is at least pct percent of planned, exactly:
// actual × 100 000 >= pctMilli × planned.
func reaches(actual, planned int64, pct float64) bool {
	l := new(big.Int).Mul(big.NewInt(actual), big.NewInt(100_000))
	r := new(big.Int).Mul(big.NewInt(pctMilli(pct)), big.NewInt(planned))
	return l.Cmp(r) >= 0
}

// TierReached is the highest bonus tier whose minimum attainment actual
// reaches against planned; ok is false when none is reached or there is no
// plan. The tiers may come in any order.
func TierReached(tiers []BonusTier, actual, planned int64) (tier BonusTier, ok bool) {
	if planned <= 0 {
		return BonusTier{}, false
	}
	for _, t := range tiers {
		if reaches(actual, planned, t.MinAttainmentPct) && (!ok || t.MinAttainmentPct > tier.MinAttainmentPct) {
			tier, ok = t, true
		}
	}
	return tier, ok
}

// YearPace is how much of year has passed at the end of the day asOf:
// elapsed of days (365 or 366). A day before the year gives 0, a day after
// it gives all of it. The pace is linear: each day is worth the same share
// of the plan.
func YearPace(year int, asOf time.Time) (elapsed, days int) {
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	days = int(end.Sub(start).Hours() / 24)
	d := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case d.Before(start):
		return 0, days
	case !d.Before(end):
		return days, days
	}
	return int(d.Sub(start).Hours()/24) + 1, days
}

// PlanMoneyInput is what PlanMoney needs: the plan, the won volume, and the
// year's policy values.
type PlanMoneyInput struct {
	Year    int
	Planned int64 // minor units
	// Actual is the won volume of the whole year; ActualToDate the part
	// closed by the end of the day AsOf (the same when AsOf is today).
	Actual       int64
	ActualToDate int64
	AsOf         time.Time

	BonusTiers             []BonusTier
	MarketingBudgetPct     float64
	ManufacturerSharePct   float64
	PlanDeviationMarginPct float64
}

// PlanMoneyResult is a dealer's year in numbers.
type PlanMoneyResult struct {
	// AttainmentPct is Actual / Planned × 100, for display; the tier test
	// is exact integer arithmetic.
	AttainmentPct float64
	Tier          *BonusTier // the tier reached by Actual; nil for none
	// Bonus is the reached tier's percentage of Actual.
	Bonus int64
	// ProjectedActual extends the year-to-date actual over the whole year
	// at its pace so far; ProjectedTier and ProjectedBonus are the tier and
	// bonus that volume would earn. A finished year projects its actual.
	ProjectedActual int64
	ProjectedTier   *BonusTier
	ProjectedBonus  int64
	// MarketingBudget is MarketingBudgetPct of Planned, split into the
	// manufacturer's share (ManufacturerSharePct of it) and the dealer's
	// (the rest, so the two always add up to the budget).
	MarketingBudget   int64
	ManufacturerShare int64
	DealerShare       int64
	// ExpectedToDate is the plan at a linear pace by the end of AsOf.
	ExpectedToDate int64
	// Shortfall is ExpectedToDate − ActualToDate (negative when ahead).
	Shortfall int64
	// Deviation: the dealer is behind the pace by more than
	// PlanDeviationMarginPct of ExpectedToDate (seed 002: "track the
	// slightest deviations in sales plans").
	Deviation bool
}

// PlanMoney computes a dealer's plan attainment, bonus, marketing budget
// and plan deviation.
func PlanMoney(in PlanMoneyInput) PlanMoneyResult {
	var out PlanMoneyResult
	if in.Planned > 0 {
		out.AttainmentPct = math.Round(float64(in.Actual)*100/float64(in.Planned)*100) / 100
	}
	if t, ok := TierReached(in.BonusTiers, in.Actual, in.Planned); ok {
		out.Tier = &t
		out.Bonus = PercentOf(in.Actual, t.BonusPct)
	}
	elapsed, days := YearPace(in.Year, in.AsOf)
	switch {
	case elapsed >= days:
		out.ProjectedActual = in.Actual
	case elapsed > 0:
		out.ProjectedActual = MulDiv(in.ActualToDate, int64(days), int64(elapsed))
	}
	if t, ok := TierReached(in.BonusTiers, out.ProjectedActual, in.Planned); ok {
		out.ProjectedTier = &t
		out.ProjectedBonus = PercentOf(out.ProjectedActual, t.BonusPct)
	}
	out.MarketingBudget = PercentOf(in.Planned, in.MarketingBudgetPct)
	out.ManufacturerShare = PercentOf(out.MarketingBudget, in.ManufacturerSharePct)
	out.DealerShare = out.MarketingBudget - out.ManufacturerShare
	out.ExpectedToDate = MulDiv(in.Planned, int64(elapsed), int64(days))
	out.Shortfall = out.ExpectedToDate - in.ActualToDate
	// Behind by more than the margin: shortfall × 100 000 > marginMilli ×
	// expected, exact.
	if out.ExpectedToDate > 0 && out.Shortfall > 0 {
		l := new(big.Int).Mul(big.NewInt(out.Shortfall), big.NewInt(100_000))
		r := new(big.Int).Mul(big.NewInt(pctMilli(in.PlanDeviationMarginPct)), big.NewInt(out.ExpectedToDate))
		out.Deviation = l.Cmp(r) > 0
	}
	return out
}
