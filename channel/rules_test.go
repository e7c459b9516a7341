package channel

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// The rule cases live in testdata/rules/*.yml as data: a file has a base
// world (policy, customer, dealers, assignments, deals) and cases that
// override parts of it and list the findings they expect. A new case is a
// new entry, not new code.

type ruleFile struct {
	Kinds []ConflictKind `yaml:"kinds"` // compare only these kinds; empty = all
	Base  yaml.Node      `yaml:"base"`
	Cases []ruleCase     `yaml:"cases"`
}

type ruleCase struct {
	Name  string         `yaml:"name"`
	Kinds []ConflictKind `yaml:"kinds"`
	Facts yaml.Node      `yaml:"facts"`
	Want  []wantFinding  `yaml:"want"`
}

type wantFinding struct {
	Kind      ConflictKind `yaml:"kind"`
	Severity  Severity     `yaml:"severity"`
	Deals     []int64      `yaml:"deals"`
	Dealers   []int64      `yaml:"dealers"`
	Customers []int64      `yaml:"customers"`
	Suggested int64        `yaml:"suggested"`
	Direct    *bool        `yaml:"direct"`     // InvolvesDirect, checked when given
	ExplainEN []string     `yaml:"explain_en"` // substrings of Text("en")
	ExplainRU []string     `yaml:"explain_ru"` // substrings of Text("ru")
}

type yFacts struct {
	At           time.Time              `yaml:"at"`
	NoPolicy     bool                   `yaml:"no_policy"`
	Policy       yPolicy                `yaml:"policy"`
	Customer     yCustomer              `yaml:"customer"`
	ProductLines []ProductLineY         `yaml:"product_lines"`
	Dealers      []yDealer              `yaml:"dealers"`
	Assignments  []yAssignment          `yaml:"assignments"`
	Deals        []yDeal                `yaml:"deals"`
	Similar      []ySimilar             `yaml:"similar"`
	Extra        map[string]interface{} `yaml:",inline"` // unknown keys fail the test
}

type yPolicy struct {
	Year           int               `yaml:"year"`
	Currency       string            `yaml:"currency"`
	Threshold      string            `yaml:"threshold"`
	ProtectionDays int               `yaml:"protection_days"`
	TolerancePct   float64           `yaml:"tolerance_pct"`
	Floors         map[string]string `yaml:"floors"` // product code → min unit price
}

type yOwner struct {
	Kind   OwnerKind `yaml:"kind"`
	Dealer int64     `yaml:"dealer"`
}

type yCustomer struct {
	ID         int64   `yaml:"id"`
	Name       string  `yaml:"name"`
	Region     string  `yaml:"region"`
	Country    string  `yaml:"country"`
	Segment    Segment `yaml:"segment"`
	KeyAccount bool    `yaml:"key_account"`
	Owner      yOwner  `yaml:"owner"`
}

type ProductLineY struct {
	ID   int64  `yaml:"id"`
	Code string `yaml:"code"`
}

type yDealer struct {
	ID     int64        `yaml:"id"`
	Name   string       `yaml:"name"`
	Kind   DealerKind   `yaml:"kind"`
	Parent int64        `yaml:"parent"`
	Status DealerStatus `yaml:"status"`
	Tier   int          `yaml:"tier"`
}

type yAssignment struct {
	ID           int64      `yaml:"id"`
	Dealer       int64      `yaml:"dealer"`
	Region       string     `yaml:"region"`
	Segments     []Segment  `yaml:"segments"`
	ProductLines []string   `yaml:"product_lines"`
	Exclusive    bool       `yaml:"exclusive"`
	From         time.Time  `yaml:"from"`
	To           *time.Time `yaml:"to"`
}

type yDeal struct {
	ID             int64       `yaml:"id"`
	Customer       int64       `yaml:"customer"`
	Channel        ChannelKind `yaml:"channel"`
	Dealer         int64       `yaml:"dealer"`
	Product        string      `yaml:"product"`
	Quantity       int         `yaml:"quantity"`
	UnitPrice      string      `yaml:"unit_price"`
	Amount         string      `yaml:"amount"`
	Currency       string      `yaml:"currency"`
	Stage          DealStage   `yaml:"stage"`
	Prepaid        string      `yaml:"prepaid"`
	Registered     time.Time   `yaml:"registered"`
	ProtectedUntil *time.Time  `yaml:"protected_until"`
}

type ySimilar struct {
	ID         int64   `yaml:"id"`
	Name       string  `yaml:"name"`
	Owner      yOwner  `yaml:"owner"`
	Similarity float64 `yaml:"similarity"`
	Country    string  `yaml:"country"`
}

// parseMinor reads "4200", "4200.5" or "4200.00" as minor units.
func parseMinor(t *testing.T, s string) int64 {
	t.Helper()
	if s == "" {
		return 0
	}
	major, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	v, err := strconv.ParseInt(major+frac, 10, 64)
	if err != nil {
		t.Fatalf("bad money %q: %v", s, err)
	}
	return v
}

func (y yFacts) facts(t *testing.T) Facts {
	t.Helper()
	if len(y.Extra) > 0 {
		t.Fatalf("unknown fact keys: %v", y.Extra)
	}
	f := Facts{
		At:                 y.At,
		CustomerRegionPath: y.Customer.Region,
		CustomerCountry:    y.Customer.Country,
		Dealers:            map[int64]Dealer{},
		ProductLines:       map[int64]ProductLine{},
	}
	pl := map[string]int64{}
	for _, p := range y.ProductLines {
		pl[p.Code] = p.ID
		f.ProductLines[p.ID] = ProductLine{ID: p.ID, Code: p.Code, Name: p.Code}
	}
	plID := func(code string) int64 {
		id, ok := pl[code]
		if !ok {
			t.Fatalf("unknown product line %q", code)
		}
		return id
	}
	currency := cmpOr(y.Policy.Currency, "EUR")
	if !y.NoPolicy {
		p := &Policy{
			Year:                       cmpOr(y.Policy.Year, y.At.Year()),
			Currency:                   currency,
			DirectSaleThreshold:        parseMinor(t, y.Policy.Threshold),
			RegistrationProtectionDays: y.Policy.ProtectionDays,
			PriceMismatchTolerancePct:  y.Policy.TolerancePct,
			PriceFloors:                map[int64]int64{},
		}
		for code, v := range y.Policy.Floors {
			p.PriceFloors[plID(code)] = parseMinor(t, v)
		}
		f.Policy = p
	}
	c := y.Customer
	f.Customer = Customer{
		ID: cmpOr(c.ID, 1), Name: c.Name, Segment: cmpOr(c.Segment, Industrial),
		KeyAccount: c.KeyAccount, Owner: Owner{Kind: cmpOr(c.Owner.Kind, OwnerUnassigned), DealerID: c.Owner.Dealer},
	}
	for _, d := range y.Dealers {
		f.Dealers[d.ID] = Dealer{
			ID: d.ID, Name: d.Name, Kind: cmpOr(d.Kind, DealerKindDealer), ParentID: d.Parent,
			Status: cmpOr(d.Status, DealerActive), Tier: cmpOr(d.Tier, 3),
		}
	}
	for _, a := range y.Assignments {
		ta := TerritoryAssignment{
			ID: a.ID, DealerID: a.Dealer, RegionPath: a.Region, Segments: a.Segments,
			Exclusive: a.Exclusive, ValidFrom: a.From, ValidTo: a.To,
		}
		if ta.ValidFrom.IsZero() {
			ta.ValidFrom = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		for _, code := range a.ProductLines {
			ta.ProductLineIDs = append(ta.ProductLineIDs, plID(code))
		}
		f.Assignments = append(f.Assignments, ta)
	}
	for _, d := range y.Deals {
		deal := Deal{
			ID: d.ID, CustomerID: cmpOr(d.Customer, f.Customer.ID), Channel: d.Channel, DealerID: d.Dealer,
			ProductLineID: plID(d.Product), Quantity: cmpOr(d.Quantity, 1), UnitPrice: parseMinor(t, d.UnitPrice),
			Currency: cmpOr(d.Currency, currency), Stage: cmpOr(d.Stage, StageRegistered),
			Prepaid: parseMinor(t, d.Prepaid), RegisteredAt: d.Registered, ProtectedUntil: d.ProtectedUntil,
		}
		if deal.Channel == "" {
			deal.Channel = ChannelDirect
			if d.Dealer != 0 {
				deal.Channel = ChannelDealer
			}
		}
		deal.Amount = parseMinor(t, d.Amount)
		if d.Amount == "" {
			deal.Amount = deal.UnitPrice * int64(deal.Quantity)
		}
		if deal.RegisteredAt.IsZero() {
			// Registration order follows the ids unless a case says otherwise.
			deal.RegisteredAt = f.At.Add(-24*time.Hour + time.Duration(d.ID)*time.Second)
		}
		f.Deals = append(f.Deals, deal)
	}
	for _, s := range y.Similar {
		f.SimilarCustomers = append(f.SimilarCustomers, SimilarCustomer{
			ID: s.ID, Name: s.Name, Owner: Owner{Kind: cmpOr(s.Owner.Kind, OwnerUnassigned), DealerID: s.Owner.Dealer},
			Similarity: s.Similarity, Country: s.Country,
		})
	}
	return f
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func TestEvaluateCases(t *testing.T) {
	files, err := filepath.Glob("testdata/rules/*.yml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule cases found: %v", err)
	}
	seenKinds := map[ConflictKind]bool{}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var rf ruleFile
		if err := yaml.Unmarshal(raw, &rf); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(rf.Cases) == 0 {
			t.Fatalf("%s: no cases", file)
		}
		for _, tc := range rf.Cases {
			t.Run(filepath.Base(file)+"/"+tc.Name, func(t *testing.T) {
				// Decode the base afresh for every case so overrides never
				// leak from one case into the next.
				var yf yFacts
				if err := rf.Base.Decode(&yf); err != nil {
					t.Fatalf("base: %v", err)
				}
				if !tc.Facts.IsZero() {
					if err := tc.Facts.Decode(&yf); err != nil {
						t.Fatalf("facts: %v", err)
					}
				}
				facts := yf.facts(t)
				kinds := cmpOrSlice(tc.Kinds, rf.Kinds)
				var got []Finding
				for _, f := range Evaluate(facts) {
					if len(kinds) == 0 || slices.Contains(kinds, f.Kind) {
						got = append(got, f)
					}
				}
				checkFindings(t, got, tc.Want)
				for _, f := range got {
					seenKinds[f.Kind] = true
				}
				// Evaluation is a function of the facts, not of their order.
				slices.Reverse(facts.Deals)
				slices.Reverse(facts.Assignments)
				if a, b := keys(Evaluate(facts)), keys(Evaluate(yf.facts(t))); !slices.Equal(a, b) {
					t.Errorf("input order changed the result:\n%v\n%v", a, b)
				}
			})
		}
	}
	for _, k := range ConflictKinds {
		if !seenKinds[k] {
			t.Errorf("no case produces %s", k)
		}
	}
}

func cmpOrSlice[T any](a, b []T) []T {
	if len(a) > 0 {
		return a
	}
	return b
}

func keys(fs []Finding) []string {
	var ks []string
	for _, f := range fs {
		ks = append(ks, f.Key())
	}
	return ks
}

func describe(f Finding) string {
	return fmt.Sprintf("%s %s deals=%v dealers=%v customers=%v suggested=%d: %s",
		f.Kind, f.Severity, f.DealIDs, f.DealerIDs, f.CustomerIDs, f.SuggestedDealerID, f.Explanation.Text("en"))
}

func checkFindings(t *testing.T, got []Finding, want []wantFinding) {
	t.Helper()
	dump := func() string {
		var b strings.Builder
		for _, f := range got {
			b.WriteString("\n  " + describe(f))
		}
		return b.String()
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:%s", len(got), len(want), dump())
	}
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, f := range got {
			if used[i] || f.Kind != w.Kind || !slices.Equal(f.DealIDs, sortedIDs(w.Deals)) {
				continue
			}
			if w.Customers != nil && !slices.Equal(f.CustomerIDs, sortedIDs(w.Customers)) {
				continue
			}
			used[i], found = true, true
			if f.Severity != w.Severity {
				t.Errorf("%s %v: severity %s, want %s", w.Kind, w.Deals, f.Severity, w.Severity)
			}
			if !slices.Equal(f.DealerIDs, sortedIDs(w.Dealers)) {
				t.Errorf("%s %v: dealers %v, want %v", w.Kind, w.Deals, f.DealerIDs, w.Dealers)
			}
			if w.Direct != nil && f.InvolvesDirect != *w.Direct {
				t.Errorf("%s %v: involves direct %v, want %v", w.Kind, w.Deals, f.InvolvesDirect, *w.Direct)
			}
			if f.SuggestedDealerID != w.Suggested {
				t.Errorf("%s %v: suggested %d, want %d", w.Kind, w.Deals, f.SuggestedDealerID, w.Suggested)
			}
			for _, s := range w.ExplainEN {
				if txt := f.Explanation.Text("en"); !strings.Contains(txt, s) {
					t.Errorf("%s %v: en text %q lacks %q", w.Kind, w.Deals, txt, s)
				}
			}
			for _, s := range w.ExplainRU {
				if txt := f.Explanation.Text("ru"); !strings.Contains(txt, s) {
					t.Errorf("%s %v: ru text %q lacks %q", w.Kind, w.Deals, txt, s)
				}
			}
			break
		}
		if !found {
			t.Errorf("missing %s deals=%v customers=%v; got:%s", w.Kind, w.Deals, w.Customers, dump())
		}
	}
}
