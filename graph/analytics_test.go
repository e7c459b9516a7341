package graph_test

import (
	"context"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

// The analytics fields through the API, on a fixture whose numbers are
// worked out by hand: a 1,000,000.00 plan with 950,000.00 won by 2 July.
func TestAnalyticsFields(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	st := e.st
	now := time.Date(2026, 7, 2, 12, 0, 0, 0, time.UTC)
	st.SetClock(func() time.Time { return now })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	eu, err := st.CreateRegion(ctx, channel.Region{Path: "eu", Name: "Europe"})
	must(err)
	bg, err := st.CreateRegion(ctx, channel.Region{Path: "eu.bg", Name: "Bulgaria", Country: "BG"})
	must(err)
	_, err = st.CreateRegion(ctx, channel.Region{Path: "eu.ro", Name: "Romania", Country: "RO"})
	must(err)
	pumps, err := st.CreateProductLine(ctx, channel.ProductLine{Code: "pumps", Name: "Pumps"})
	must(err)
	d, err := st.CreateDealer(ctx, store.DealerCreate{Code: "BG-01", Name: "Balkan Pumps", Kind: channel.Distributor,
		HomeRegionID: bg.ID, ContractStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	must(err)
	no := false
	budget, margin := 1.5, 10.0
	_, err = st.SetPolicy(ctx, store.PolicySet{Year: 2026, Currency: "EUR", RegistrationRequiresApproval: &no,
		MarketingBudgetPct: &budget, PlanDeviationMarginPct: &margin,
		BonusTiers: []channel.BonusTier{{MinAttainmentPct: 90, BonusPct: 2}}})
	must(err)
	_, err = st.SetDealerPlan(ctx, store.PlanSet{DealerID: d.ID, Year: 2026, PlannedVolume: channel.Money{Minor: 100_000_000, Currency: "EUR"}})
	must(err)
	c, err := st.CreateCustomer(ctx, store.CustomerCreate{Name: "Agro", RegionID: bg.ID, Segment: channel.Agriculture,
		OwnerKind: channel.OwnerDealer, OwnerDealerID: d.ID})
	must(err)
	deal, err := st.RegisterDeal(ctx, store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDealer, DealerID: d.ID,
		ProductLineID: pumps.ID, Quantity: 1, UnitPrice: channel.Money{Minor: 95_000_000, Currency: "EUR"}})
	must(err)
	_, err = st.CloseDeal(ctx, deal.ID, channel.StageWon, "")
	must(err)
	_ = eu

	var out struct {
		DealerPerformance struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Dealer          struct{ Code string }
					AsOf            string
					Actual          struct{ Minor int64 }
					AttainmentPct   float64
					BonusTier       *struct{ MinAttainmentPct float64 }
					Bonus           struct{ Minor int64 }
					MarketingBudget struct {
						Minor    int64
						Currency string
					}
					MarketingDealerShare struct{ Minor int64 }
					ExpectedToDate       struct{ Minor int64 }
					PlanDeviation        bool
				}
			}
		}
		Pipeline []struct {
			Stage       string
			Channel     string
			ProductLine struct{ Code string }
			Count       int
			Amount      struct{ Minor int64 }
		}
		OwnershipShare []struct {
			Region    struct{ Path string }
			OwnerKind string
			Customers int
			WonVolume []struct{ Minor int64 }
		}
		TerritoryCoverage struct {
			Uncovered []struct {
				Region    struct{ Path string }
				Customers int
			}
			Overlaps []struct{ BothExclusive bool }
		}
	}
	e.ok(`query($year: Int!) {
		dealerPerformance(year: $year, filter: {search: "balkan"}) { totalCount edges { node {
			dealer { code } asOf actual { minor } attainmentPct bonusTier { minAttainmentPct } bonus { minor }
			marketingBudget { minor currency } marketingDealerShare { minor } expectedToDate { minor } planDeviation } } }
		pipeline { stage channel productLine { code } count amount { minor } }
		ownershipShare(filter: {level: 2}) { region { path } ownerKind customers wonVolume { minor } }
		territoryCoverage { uncovered { region { path } customers } overlaps { bothExclusive } }
	}`, map[string]any{"year": 2026}, &out)

	p := out.DealerPerformance
	if p.TotalCount != 1 || len(p.Edges) != 1 {
		t.Fatalf("dealerPerformance %+v", p)
	}
	n := p.Edges[0].Node
	if n.Dealer.Code != "BG-01" || n.AsOf != "2026-07-02" || n.Actual.Minor != 95_000_000 || n.AttainmentPct != 95 ||
		n.BonusTier == nil || n.Bonus.Minor != 1_900_000 || n.MarketingBudget.Minor != 1_500_000 ||
		n.MarketingBudget.Currency != "EUR" || n.MarketingDealerShare.Minor != 750_000 ||
		n.ExpectedToDate.Minor != 50_136_986 || n.PlanDeviation {
		t.Errorf("performance %+v", n)
	}
	if len(out.Pipeline) != 1 || out.Pipeline[0].Stage != "WON" || out.Pipeline[0].ProductLine.Code != "pumps" ||
		out.Pipeline[0].Count != 1 || out.Pipeline[0].Amount.Minor != 95_000_000 {
		t.Errorf("pipeline %+v", out.Pipeline)
	}
	if len(out.OwnershipShare) != 1 || out.OwnershipShare[0].Region.Path != "eu.bg" || out.OwnershipShare[0].Customers != 1 ||
		out.OwnershipShare[0].WonVolume[0].Minor != 95_000_000 {
		t.Errorf("ownershipShare %+v", out.OwnershipShare)
	}
	// No assignments: both leaves are uncovered, Bulgaria with its customer.
	tc := out.TerritoryCoverage
	if len(tc.Uncovered) != 2 || tc.Uncovered[0].Region.Path != "eu.bg" || tc.Uncovered[0].Customers != 1 || len(tc.Overlaps) != 0 {
		t.Errorf("territoryCoverage %+v", tc)
	}
	e.fail(`{ pipeline(filter: {dealerId: "nope"}) { count } }`, nil, channel.EInvalid, "filter.dealerId")
	e.fail(`{ ownershipShare(filter: {level: 0}) { customers } }`, nil, channel.EInvalid, "filter.level")
}

// overlapCount counts every overlap; overlaps(first, dealerId) pages and
// narrows them, and refuses a page larger than the cap.
func TestTerritoryOverlapsPage(t *testing.T) {
	w := newWorld(t)
	third := w.id(createDealer, map[string]any{"input": map[string]any{
		"code": "BG-02", "name": "Thracia Agro", "kind": "DISTRIBUTOR", "homeRegionId": w.regionID["eu.bg"], "contractStart": "2025-01-01",
	}}, "createDealer", "dealer", "id")
	assign := func(d, region string) {
		w.id(`mutation($d: ID!, $r: ID!) { assignTerritory(input: {dealerId: $d, regionId: $r, exclusive: true, validFrom: "2025-01-01"}) { assignment { id } } }`,
			map[string]any{"d": d, "r": w.regionID[region]}, "assignTerritory", "assignment", "id")
	}
	// Three dealers with exclusive, nested or equal territories: three
	// overlapping pairs, two of them with the sub-dealer.
	assign(w.distID, "eu.bg")
	assign(w.subID, "eu.bg.yambol")
	assign(third, "eu.bg")
	type overlap struct {
		A, B          struct{ Dealer struct{ ID string } }
		BothExclusive bool
	}
	var out struct {
		TerritoryCoverage struct {
			OverlapCount    int
			All, One, OfSub []overlap
		}
	}
	w.ok(`query($sub: ID!) { territoryCoverage {
		overlapCount
		all: overlaps(first: 100) { a { dealer { id } } b { dealer { id } } bothExclusive }
		one: overlaps(first: 1) { bothExclusive }
		ofSub: overlaps(dealerId: $sub) { a { dealer { id } } b { dealer { id } } }
	} }`, map[string]any{"sub": w.subID}, &out)
	tc := out.TerritoryCoverage
	if tc.OverlapCount != 3 || len(tc.All) != 3 {
		t.Fatalf("overlapCount %d, overlaps %d: want 3 and 3", tc.OverlapCount, len(tc.All))
	}
	if len(tc.One) != 1 {
		t.Errorf("first: 1 gave %d overlaps", len(tc.One))
	}
	if len(tc.OfSub) != 2 {
		t.Errorf("dealerId: the sub-dealer gave %d overlaps, want 2", len(tc.OfSub))
	}
	for _, o := range tc.OfSub {
		if o.A.Dealer.ID != w.subID && o.B.Dealer.ID != w.subID {
			t.Errorf("an overlap without the sub-dealer: %+v", o)
		}
	}
	w.fail(`{ territoryCoverage { overlaps(first: 5000) { bothExclusive } } }`, nil, channel.EInvalid, "first")
	w.fail(`{ territoryCoverage { overlaps(dealerId: "nope") { bothExclusive } } }`, nil, channel.EInvalid, "dealerId")
}
