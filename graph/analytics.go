package graph

import (
	"channelboard/channel"
	"channelboard/graph/model"
	"channelboard/store"
)

// performance maps a store.DealerPerformance to its GraphQL model; every
// amount is in the plan's currency.
func performance(p store.DealerPerformance, d *channel.Dealer) *model.DealerPerformance {
	m := func(minor int64) *channel.Money { return money(minor, p.Currency) }
	return &model.DealerPerformance{
		Dealer: d, Year: p.Year, AsOf: p.AsOf,
		Planned: m(p.Planned), Actual: m(p.Actual), ActualToDate: m(p.ActualToDate),
		AttainmentPct: p.Money.AttainmentPct, BonusTier: p.Money.Tier, Bonus: m(p.Money.Bonus),
		ProjectedActual: m(p.Money.ProjectedActual), ProjectedBonusTier: p.Money.ProjectedTier,
		ProjectedBonus:  m(p.Money.ProjectedBonus),
		MarketingBudget: m(p.Money.MarketingBudget), MarketingManufacturerShare: m(p.Money.ManufacturerShare),
		MarketingDealerShare: m(p.Money.DealerShare), CompensationOwed: m(p.Compensation),
		PrepaymentPct: p.PrepaymentPct, Prepaid: m(p.Prepaid), CreditUsed: m(p.CreditUsed),
		CreditLimit: m(p.CreditLimit), OverCreditLimit: p.OverCreditLimit(),
		ExpectedToDate: m(p.Money.ExpectedToDate), Shortfall: m(p.Money.Shortfall),
		PlanDeviation: p.Money.Deviation, HasPolicy: p.HasPolicy,
	}
}

// maxOverlaps caps TerritoryCoverage.overlaps(first:).
const maxOverlaps = 1000
