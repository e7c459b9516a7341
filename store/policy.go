package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

type policyRow struct {
	bun.BaseModel `bun:"table:policies,alias:p"`

	Year                         int       `bun:"year,pk"`
	Currency                     string    `bun:"currency"`
	DirectSaleThreshold          int64     `bun:"direct_sale_threshold"`
	RegistrationProtectionDays   int       `bun:"registration_protection_days"`
	RegistrationRequiresApproval bool      `bun:"registration_requires_approval"`
	PriceMismatchTolerancePct    float64   `bun:"price_mismatch_tolerance_pct"`
	MarketingBudgetPct           float64   `bun:"marketing_budget_pct"`
	ManufacturerSharePct         float64   `bun:"manufacturer_share_pct"`
	DefaultCompensationPct       float64   `bun:"default_compensation_pct"`
	PlanDeviationMarginPct       float64   `bun:"plan_deviation_margin_pct"`
	UpdatedAt                    time.Time `bun:"updated_at"`
}

func (r policyRow) policy() channel.Policy {
	return channel.Policy{
		Year: r.Year, Currency: strings.TrimSpace(r.Currency), DirectSaleThreshold: r.DirectSaleThreshold,
		RegistrationProtectionDays:   r.RegistrationProtectionDays,
		RegistrationRequiresApproval: r.RegistrationRequiresApproval,
		PriceMismatchTolerancePct:    r.PriceMismatchTolerancePct,
		MarketingBudgetPct:           r.MarketingBudgetPct,
		ManufacturerSharePct:         r.ManufacturerSharePct,
		DefaultCompensationPct:       r.DefaultCompensationPct,
		PlanDeviationMarginPct:       r.PlanDeviationMarginPct,
		PriceFloors:                  map[int64]int64{},
		BonusTiers:                   []channel.BonusTier{},
		UpdatedAt:                    r.UpdatedAt.UTC(),
	}
}

// PolicySet is the input of SetPolicy. Nil fields keep their current value
// (or the table's default for a new year); nil PriceFloors or BonusTiers
// keep the year's floors or tiers, a non-nil list replaces them.
type PolicySet struct {
	Year                         int
	Currency                     string
	DirectSaleThreshold          int64
	RegistrationProtectionDays   *int
	RegistrationRequiresApproval *bool
	PriceMismatchTolerancePct    *float64
	MarketingBudgetPct           *float64
	ManufacturerSharePct         *float64
	DefaultCompensationPct       *float64
	PlanDeviationMarginPct       *float64
	PriceFloors                  map[int64]int64
	BonusTiers                   []channel.BonusTier
}

func validPct(field string, v *float64) error {
	if v != nil && (*v < 0 || *v > 100) {
		return invalid(field, "a percentage is between 0 and 100")
	}
	return nil
}

func validYear(y int) error {
	if y < 2000 || y > 2100 {
		return invalid("input.year", "the year must be between 2000 and 2100")
	}
	return nil
}

// SetPolicy creates or changes a year's commercial policy.
func (s *Store) SetPolicy(ctx context.Context, in PolicySet) (channel.Policy, error) {
	if err := validYear(in.Year); err != nil {
		return channel.Policy{}, err
	}
	if !currencyCode.MatchString(in.Currency) {
		return channel.Policy{}, invalid("input.currency", "a currency is three capital letters (ISO 4217)")
	}
	if in.DirectSaleThreshold < 0 {
		return channel.Policy{}, invalid("input.directSaleThreshold", "the threshold cannot be negative")
	}
	if d := in.RegistrationProtectionDays; d != nil && (*d < 1 || *d > 730) {
		return channel.Policy{}, invalid("input.registrationProtectionDays", "protection lasts 1 to 730 days")
	}
	for field, v := range map[string]*float64{
		"input.priceMismatchTolerancePct": in.PriceMismatchTolerancePct,
		"input.manufacturerSharePct":      in.ManufacturerSharePct,
		"input.defaultCompensationPct":    in.DefaultCompensationPct,
		"input.planDeviationMarginPct":    in.PlanDeviationMarginPct,
	} {
		if err := validPct(field, v); err != nil {
			return channel.Policy{}, err
		}
	}
	if m := in.MarketingBudgetPct; m != nil && (*m < 0.5 || *m > 3) {
		return channel.Policy{}, invalid("input.marketingBudgetPct", "the marketing budget is 0.5 to 3 percent")
	}
	for _, min := range in.PriceFloors {
		if min < 0 {
			return channel.Policy{}, invalid("input.priceFloors", "a price floor cannot be negative")
		}
	}
	for _, t := range in.BonusTiers {
		if t.MinAttainmentPct < 0 || t.MinAttainmentPct > 1000 {
			return channel.Policy{}, invalid("input.bonusTiers", "attainment is 0 to 1000 percent")
		}
		if t.BonusPct < 0 || t.BonusPct > 100 {
			return channel.Policy{}, invalid("input.bonusTiers", "a bonus is 0 to 100 percent")
		}
	}
	err := s.InTx(ctx, func(tx bun.Tx) error {
		before, existed, err := policyTx(ctx, tx, in.Year)
		if err != nil {
			return err
		}
		// The audit entry holds the whole policy, floors and tiers too.
		var was any
		if existed {
			m, err := policiesTx(ctx, tx, []int{in.Year})
			if err != nil {
				return err
			}
			was = m[in.Year]
		}
		row := before
		if !existed {
			row = policyRow{RegistrationProtectionDays: 90, RegistrationRequiresApproval: true,
				PriceMismatchTolerancePct: 5, MarketingBudgetPct: 1, ManufacturerSharePct: 50,
				DefaultCompensationPct: 5, PlanDeviationMarginPct: 10}
		}
		row.Year, row.Currency, row.DirectSaleThreshold = in.Year, in.Currency, in.DirectSaleThreshold
		row.UpdatedAt = s.now()
		set := func(dst *float64, v *float64) {
			if v != nil {
				*dst = *v
			}
		}
		if in.RegistrationProtectionDays != nil {
			row.RegistrationProtectionDays = *in.RegistrationProtectionDays
		}
		if in.RegistrationRequiresApproval != nil {
			row.RegistrationRequiresApproval = *in.RegistrationRequiresApproval
		}
		set(&row.PriceMismatchTolerancePct, in.PriceMismatchTolerancePct)
		set(&row.MarketingBudgetPct, in.MarketingBudgetPct)
		set(&row.ManufacturerSharePct, in.ManufacturerSharePct)
		set(&row.DefaultCompensationPct, in.DefaultCompensationPct)
		set(&row.PlanDeviationMarginPct, in.PlanDeviationMarginPct)
		_, err = tx.NewInsert().Model(&row).On("CONFLICT (year) DO UPDATE").
			Set("currency = EXCLUDED.currency").
			Set("direct_sale_threshold = EXCLUDED.direct_sale_threshold").
			Set("registration_protection_days = EXCLUDED.registration_protection_days").
			Set("registration_requires_approval = EXCLUDED.registration_requires_approval").
			Set("price_mismatch_tolerance_pct = EXCLUDED.price_mismatch_tolerance_pct").
			Set("marketing_budget_pct = EXCLUDED.marketing_budget_pct").
			Set("manufacturer_share_pct = EXCLUDED.manufacturer_share_pct").
			Set("default_compensation_pct = EXCLUDED.default_compensation_pct").
			Set("plan_deviation_margin_pct = EXCLUDED.plan_deviation_margin_pct").
			Set("updated_at = EXCLUDED.updated_at").Exec(ctx)
		if err != nil {
			return err
		}
		if in.PriceFloors != nil {
			if _, err := tx.NewRaw(`DELETE FROM policy_price_floors WHERE year = ?`, in.Year).Exec(ctx); err != nil {
				return err
			}
			for line, min := range in.PriceFloors {
				_, err := tx.NewRaw(`INSERT INTO policy_price_floors (year, product_line_id, min_unit_price) VALUES (?, ?, ?)`,
					in.Year, line, min).Exec(ctx)
				if err != nil {
					return err
				}
			}
		}
		if in.BonusTiers != nil {
			if _, err := tx.NewRaw(`DELETE FROM policy_bonus_tiers WHERE year = ?`, in.Year).Exec(ctx); err != nil {
				return err
			}
			for _, t := range in.BonusTiers {
				_, err := tx.NewRaw(`INSERT INTO policy_bonus_tiers (year, min_attainment_pct, bonus_pct) VALUES (?, ?, ?)`,
					in.Year, t.MinAttainmentPct, t.BonusPct).Exec(ctx)
				if err != nil {
					return err
				}
			}
		}
		is, err := policiesTx(ctx, tx, []int{in.Year})
		if err != nil {
			return err
		}
		return audit(ctx, tx, "set", "policy", int64(in.Year), was, is[in.Year])
	})
	if err != nil {
		return channel.Policy{}, dbError(fmt.Errorf("set policy %d: %w", in.Year, err), "policy")
	}
	// The rules judge with the policy of the current year, so only a change
	// to it moves conflicts: every customer with an open deal or a live
	// conflict is judged again, in batches after the commit, within this
	// request (≈8 s for scale-1's 200,000 deals when little changes).
	if in.Year == s.now().Year() {
		if err := s.reevaluateAfter(ctx, "the policy", ReevalScope{Active: true, DealsOnly: true}); err != nil {
			return channel.Policy{}, err
		}
	}
	return s.Policy(ctx, in.Year)
}

// Policy loads a year's policy with its floors and tiers.
func (s *Store) Policy(ctx context.Context, year int) (channel.Policy, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (channel.Policy, error) {
		m, err := s.PoliciesByYears(ctx, []int{year})
		if err != nil {
			return channel.Policy{}, err
		}
		p, ok := m[year]
		if !ok {
			return channel.Policy{}, channel.NotFound("policy")
		}
		return p, nil
	})
}

// ListPolicies returns every year's policy, newest first.
func (s *Store) ListPolicies(ctx context.Context) ([]channel.Policy, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) ([]channel.Policy, error) {
		var years []int
		if err := db.NewSelect().Model((*policyRow)(nil)).Column("year").Scan(ctx, &years); err != nil {
			return nil, fmt.Errorf("list policies: %w", err)
		}
		m, err := s.PoliciesByYears(ctx, years)
		if err != nil {
			return nil, err
		}
		out := make([]channel.Policy, 0, len(m))
		for _, p := range m {
			out = append(out, p)
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Year > out[j].Year })
		return out, nil
	})
}

// PoliciesByYears loads policies with floors and tiers in three queries.
func (s *Store) PoliciesByYears(ctx context.Context, years []int) (map[int]channel.Policy, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int]channel.Policy, error) {
		return policiesTx(ctx, db, years)
	})
}

func policiesTx(ctx context.Context, db bun.IDB, years []int) (map[int]channel.Policy, error) {
	out := make(map[int]channel.Policy, len(years))
	if len(years) == 0 {
		return out, nil
	}
	var rows []policyRow
	if err := db.NewSelect().Model(&rows).Where("p.year IN (?)", bun.In(years)).Scan(ctx); err != nil {
		return nil, fmt.Errorf("policies: %w", err)
	}
	for _, r := range rows {
		out[r.Year] = r.policy()
	}
	var floors []struct {
		Year          int   `bun:"year"`
		ProductLineID int64 `bun:"product_line_id"`
		MinUnitPrice  int64 `bun:"min_unit_price"`
	}
	err := db.NewRaw(`SELECT year, product_line_id, min_unit_price FROM policy_price_floors WHERE year IN (?)`,
		bun.In(years)).Scan(ctx, &floors)
	if err != nil {
		return nil, fmt.Errorf("price floors: %w", err)
	}
	for _, f := range floors {
		out[f.Year].PriceFloors[f.ProductLineID] = f.MinUnitPrice
	}
	var tiers []struct {
		Year int     `bun:"year"`
		Min  float64 `bun:"min_attainment_pct"`
		Pct  float64 `bun:"bonus_pct"`
	}
	err = db.NewRaw(`SELECT year, min_attainment_pct, bonus_pct FROM policy_bonus_tiers WHERE year IN (?)
		ORDER BY year, min_attainment_pct`, bun.In(years)).Scan(ctx, &tiers)
	if err != nil {
		return nil, fmt.Errorf("bonus tiers: %w", err)
	}
	for _, t := range tiers {
		p := out[t.Year]
		p.BonusTiers = append(p.BonusTiers, channel.BonusTier{MinAttainmentPct: t.Min, BonusPct: t.Pct})
		out[t.Year] = p
	}
	return out, nil
}
