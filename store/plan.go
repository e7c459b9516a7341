package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"channelboard/channel"
)

type planRow struct {
	bun.BaseModel `bun:"table:dealer_plans,alias:dp"`

	DealerID      int64     `bun:"dealer_id,pk"`
	Year          int       `bun:"year,pk"`
	PlannedVolume int64     `bun:"planned_volume"`
	Currency      string    `bun:"currency"`
	PrepaymentPct float64   `bun:"prepayment_pct"`
	CreditLimit   int64     `bun:"credit_limit"`
	UpdatedAt     time.Time `bun:"updated_at"`
	Actual        int64     `bun:"actual,scanonly"`
}

func (r planRow) plan() channel.DealerPlan {
	return channel.DealerPlan{
		DealerID: r.DealerID, Year: r.Year, PlannedVolume: r.PlannedVolume, Currency: strings.TrimSpace(r.Currency),
		PrepaymentPct: r.PrepaymentPct, CreditLimit: r.CreditLimit, Actual: r.Actual,
	}
}

// PlanKey names a dealer's plan for a year.
type PlanKey struct {
	DealerID int64
	Year     int
}

// PlanSet is the input of SetDealerPlan.
type PlanSet struct {
	DealerID      int64
	Year          int
	PlannedVolume channel.Money
	PrepaymentPct *float64
	CreditLimit   *channel.Money
}

// SetDealerPlan creates or replaces a dealer's plan for a year.
func (s *Store) SetDealerPlan(ctx context.Context, in PlanSet) (channel.DealerPlan, error) {
	if err := validYear(in.Year); err != nil {
		return channel.DealerPlan{}, err
	}
	if err := validMoney("input.plannedVolume", in.PlannedVolume); err != nil {
		return channel.DealerPlan{}, err
	}
	if err := validPct("input.prepaymentPct", in.PrepaymentPct); err != nil {
		return channel.DealerPlan{}, err
	}
	row := planRow{DealerID: in.DealerID, Year: in.Year, PlannedVolume: in.PlannedVolume.Minor,
		Currency: in.PlannedVolume.Currency, UpdatedAt: s.now()}
	if in.PrepaymentPct != nil {
		row.PrepaymentPct = *in.PrepaymentPct
	}
	if in.CreditLimit != nil {
		if err := validMoney("input.creditLimit", *in.CreditLimit); err != nil {
			return channel.DealerPlan{}, err
		}
		if in.CreditLimit.Currency != in.PlannedVolume.Currency {
			return channel.DealerPlan{}, invalid("input.creditLimit.currency", "the credit limit must be in the plan's currency %s", in.PlannedVolume.Currency)
		}
		row.CreditLimit = in.CreditLimit.Minor
	}
	err := s.InTx(ctx, func(tx bun.Tx) error {
		if err := requireDealer(ctx, tx, "input.dealerId", in.DealerID); err != nil {
			return err
		}
		var before any
		var prev []planRow
		err := tx.NewRaw(`SELECT dealer_id, year, planned_volume, currency, prepayment_pct, credit_limit, updated_at
			FROM dealer_plans WHERE dealer_id = ? AND year = ? FOR UPDATE`, in.DealerID, in.Year).Scan(ctx, &prev)
		if err != nil {
			return err
		}
		if len(prev) > 0 {
			before = prev[0].plan()
		}
		_, err = tx.NewInsert().Model(&row).On("CONFLICT (dealer_id, year) DO UPDATE").
			Set("planned_volume = EXCLUDED.planned_volume").Set("currency = EXCLUDED.currency").
			Set("prepayment_pct = EXCLUDED.prepayment_pct").Set("credit_limit = EXCLUDED.credit_limit").
			Set("updated_at = EXCLUDED.updated_at").Exec(ctx)
		if err != nil {
			return err
		}
		return audit(ctx, tx, "set_plan", "dealer", in.DealerID, before, row.plan())
	})
	if err != nil {
		return channel.DealerPlan{}, dbError(fmt.Errorf("set plan %d/%d: %w", in.DealerID, in.Year, err), "dealer plan")
	}
	return s.DealerPlan(ctx, in.DealerID, in.Year)
}

// DealerPlan loads one plan with its actual volume.
func (s *Store) DealerPlan(ctx context.Context, dealer int64, year int) (channel.DealerPlan, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (channel.DealerPlan, error) {
		m, err := s.PlansByKeys(ctx, []PlanKey{{dealer, year}})
		if err != nil {
			return channel.DealerPlan{}, err
		}
		p, ok := m[PlanKey{dealer, year}]
		if !ok {
			return channel.DealerPlan{}, channel.NotFound("dealer plan")
		}
		return p, nil
	})
}

// PlansByKeys loads plans in one query. Actual is the volume of the dealer's
// WON deals closed in the plan's year, in the plan's currency.
func (s *Store) PlansByKeys(ctx context.Context, keys []PlanKey) (map[PlanKey]channel.DealerPlan, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[PlanKey]channel.DealerPlan, error) {
		out := make(map[PlanKey]channel.DealerPlan, len(keys))
		if len(keys) == 0 {
			return out, nil
		}
		dealers := make([]int64, len(keys))
		years := make([]int, len(keys))
		for i, k := range keys {
			dealers[i], years[i] = k.DealerID, k.Year
		}
		var rows []planRow
		scope, scopeArgs := narrowSQL(ctx, "dp.dealer_id = ?")
		err := db.NewRaw(`SELECT dp.dealer_id, dp.year, dp.planned_volume, dp.currency, dp.prepayment_pct,
				dp.credit_limit, dp.updated_at,
				coalesce((SELECT sum(d.amount) FROM deals d
					WHERE d.dealer_id = dp.dealer_id AND d.stage = 'WON' AND d.currency = dp.currency
					AND d.closed_at >= make_timestamptz(dp.year, 1, 1, 0, 0, 0, 'UTC')
					AND d.closed_at < make_timestamptz(dp.year + 1, 1, 1, 0, 0, 0, 'UTC')), 0)::bigint AS actual
			FROM dealer_plans dp
			JOIN unnest(?::bigint[], ?::int[]) AS k(dealer_id, year) ON k.dealer_id = dp.dealer_id AND k.year = dp.year
			WHERE true`+scope,
			append([]any{pgdialect.Array(dealers), pgdialect.Array(years)}, scopeArgs...)...).Scan(ctx, &rows)
		if err != nil {
			return nil, fmt.Errorf("dealer plans: %w", err)
		}
		for _, r := range rows {
			out[PlanKey{r.DealerID, r.Year}] = r.plan()
		}
		return out, nil
	})
}
