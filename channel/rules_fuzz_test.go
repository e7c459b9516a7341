package channel

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// factsFromBytes builds a small but arbitrary world from fuzz input: a
// customer somewhere in a region tree, four dealers of any status, up to
// eight deals and six assignments, and duplicate candidates.
func factsFromBytes(data []byte) Facts {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		v := int(data[0])
		data = data[1:]
		return v
	}
	regions := []string{"eu", "eu.bg", "eu.bg.yambol", "eu.bg.yambol.elhovo", "eu.bg.sliven", "eu.ro"}
	statuses := []DealerStatus{DealerActive, DealerActive, DealerSuspended, DealerTerminated}
	stages := []DealStage{StageRegistered, StageQuoted, StagePendingApproval, StageWon, StageLost, StageCancelled}
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f := Facts{
		At:                 at,
		Policy:             &Policy{Year: 2026, Currency: "EUR", DirectSaleThreshold: int64(next()) * 100, PriceMismatchTolerancePct: float64(next()%20) / 2, PriceFloors: map[int64]int64{1: int64(next())}},
		Customer:           Customer{ID: 1, Name: "Ромашка", Segment: Segments[next()%len(Segments)], KeyAccount: next()%4 == 0},
		CustomerRegionPath: regions[next()%len(regions)],
		CustomerCountry:    "BG",
		Dealers:            map[int64]Dealer{},
		ProductLines:       map[int64]ProductLine{1: {ID: 1, Code: "pumps"}, 2: {ID: 2, Code: "valves"}},
	}
	if next()%5 == 0 {
		f.Policy = nil
	}
	for id := int64(1); id <= 4; id++ {
		d := Dealer{ID: id, Name: "D" + string(rune('0'+id)), Status: statuses[next()%len(statuses)], Tier: 1 + next()%3, Kind: DealerKindDealer}
		if id == 4 && next()%2 == 0 {
			d.Kind, d.ParentID = Subdealer, 1
		}
		f.Dealers[id] = d
	}
	switch next() % 3 {
	case 0:
		f.Customer.Owner = Owner{Kind: OwnerDealer, DealerID: int64(1 + next()%4)}
	case 1:
		f.Customer.Owner = Owner{Kind: OwnerDirect}
	default:
		f.Customer.Owner = Owner{Kind: OwnerUnassigned}
	}
	for i := range next() % 7 {
		a := TerritoryAssignment{ID: int64(100 + i), DealerID: int64(1 + next()%4), RegionPath: regions[next()%len(regions)],
			Exclusive: next()%2 == 0, ValidFrom: at.AddDate(0, 0, next()%5-3)}
		if next()%3 == 0 {
			to := at.AddDate(0, 0, next()%5-3)
			a.ValidTo = &to
		}
		if next()%3 == 0 {
			a.Segments = []Segment{Segments[next()%len(Segments)]}
		}
		if next()%3 == 0 {
			a.ProductLineIDs = []int64{int64(1 + next()%2)}
		}
		f.Assignments = append(f.Assignments, a)
	}
	for i := range next() % 9 {
		price := int64(next()) * 10
		d := Deal{ID: int64(i + 1), CustomerID: 1, Channel: ChannelDealer, DealerID: int64(1 + next()%4),
			ProductLineID: int64(1 + next()%2), Quantity: 1 + next()%3, UnitPrice: price, Currency: "EUR",
			Stage: stages[next()%len(stages)], RegisteredAt: at.Add(-time.Duration(next()) * time.Hour)}
		d.Amount = price * int64(d.Quantity)
		if next()%3 == 0 {
			d.Channel, d.DealerID = ChannelDirect, 0
		}
		if next()%2 == 0 {
			until := at.Add(time.Duration(next()-128) * time.Hour)
			d.ProtectedUntil = &until
		}
		if next()%4 == 0 {
			d.Prepaid = d.Amount / 2
		}
		if next()%8 == 0 {
			d.CustomerID = 2 // another customer's deal must be ignored
		}
		f.Deals = append(f.Deals, d)
	}
	for i := range next() % 3 {
		f.SimilarCustomers = append(f.SimilarCustomers, SimilarCustomer{ID: int64(2 + i%2), Name: "Romashka",
			Owner: Owner{Kind: OwnerDealer, DealerID: int64(1 + next()%4)}, Similarity: float64(next()) / 255, Country: "BG"})
	}
	return f
}

func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("seed 000: a dealer prepaid, the customer walked in"))
	f.Add([]byte{200, 10, 50, 0, 2, 1, 0, 0, 2, 0, 1, 0, 0, 0, 1, 3, 2, 0, 0, 1, 0, 1, 0, 6, 90, 0, 0, 1, 0, 0, 0, 0, 200, 0, 0, 80, 1, 0, 1, 0, 0, 0, 0, 255, 0, 0})
	for i := range 64 {
		b := make([]byte, 96)
		for j := range b {
			b[j] = byte(i*131 + j*29 + j*j*7)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		facts := factsFromBytes(data)
		got := Evaluate(facts)
		open := map[int64]bool{}
		for _, d := range facts.Deals {
			if d.Stage.Open() && d.CustomerID == facts.Customer.ID {
				open[d.ID] = true
			}
		}
		ks := keys(got)
		if !slices.IsSorted(ks) {
			t.Fatalf("keys not sorted: %v", ks)
		}
		for i := 1; i < len(ks); i++ {
			if ks[i] == ks[i-1] {
				t.Fatalf("key %s twice", ks[i])
			}
		}
		for _, fd := range got {
			for _, id := range fd.DealIDs {
				if !open[id] {
					t.Fatalf("%s names deal %d, not an open deal of the customer", fd.Key(), id)
				}
			}
			if !slices.IsSorted(fd.DealerIDs) || slices.Contains(fd.DealerIDs, 0) || len(slices.Compact(slices.Clone(fd.DealerIDs))) != len(fd.DealerIDs) {
				t.Fatalf("%s parties %v not sorted, unique and non-zero", fd.Key(), fd.DealerIDs)
			}
			if s := fd.SuggestedDealerID; s != 0 && facts.Dealers[s].Status == DealerTerminated {
				t.Fatalf("%s suggests terminated dealer %d", fd.Key(), s)
			}
			if facts.Customer.KeyAccount && (fd.Kind == DirectBypass || fd.Kind == SmallDirectOrder) {
				t.Fatalf("%s fired for a key account", fd.Key())
			}
			if fd.Severity.Rank() == 0 || fd.CustomerID != facts.Customer.ID {
				t.Fatalf("%s: severity %q, customer %d", fd.Key(), fd.Severity, fd.CustomerID)
			}
			for _, lang := range []string{"en", "ru", "bg"} {
				if txt := fd.Explanation.Text(lang); txt == "" || strings.Contains(txt, "?") {
					t.Fatalf("%s: incomplete %s text %q", fd.Key(), lang, txt)
				}
			}
		}
		// Same facts in another order, same conflicts.
		slices.Reverse(facts.Deals)
		slices.Reverse(facts.Assignments)
		slices.Reverse(facts.SimilarCustomers)
		if again := keys(Evaluate(facts)); !slices.Equal(ks, again) {
			t.Fatalf("order changed the result:\n%v\n%v", ks, again)
		}
	})
}
