package channel

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFindingKey(t *testing.T) {
	a := Finding{Kind: PriceMismatch, CustomerID: 1, DealIDs: []int64{9, 2}}
	b := Finding{Kind: PriceMismatch, CustomerID: 1, DealIDs: []int64{2, 9}, Severity: SeverityHigh, DealerIDs: []int64{4}}
	if got, want := a.Key(), "PRICE_MISMATCH/c:1/d:2,9"; got != want {
		t.Errorf("Key() = %q, want %q", got, want)
	}
	// Severity, parties and explanation are not identity.
	if a.Key() != b.Key() {
		t.Errorf("keys differ by deal order or severity: %q vs %q", a.Key(), b.Key())
	}
	if a.Key() == (Finding{Kind: DuplicateRegistration, CustomerID: 1, DealIDs: []int64{2, 9}}).Key() {
		t.Error("kind is not part of the key")
	}
	if a.Key() == (Finding{Kind: PriceMismatch, CustomerID: 2, DealIDs: []int64{2, 9}}).Key() {
		t.Error("customer is not part of the key")
	}
	if a.Key() == (Finding{Kind: PriceMismatch, CustomerID: 1, DealIDs: []int64{2, 19}}).Key() {
		t.Error("ids run together in the key")
	}
	if got, want := (Finding{Kind: DuplicateCustomer, CustomerID: 7, CustomerIDs: []int64{7, 3}}).Key(), "DUPLICATE_CUSTOMER/c:3,7/d"; got != want {
		t.Errorf("Key() = %q, want %q", got, want)
	}
	if a.Key() != (Finding{Kind: PriceMismatch, CustomerID: 1, DealIDs: []int64{9, 2, 9}}).Key() {
		t.Error("a repeated deal id changes the key")
	}
	// Key must not reorder the finding's own slice.
	if a.DealIDs[0] != 9 {
		t.Errorf("Key() sorted the caller's slice: %v", a.DealIDs)
	}
}

// TestEvaluateKeysStable: re-evaluating the same facts gives the same keys,
// a new challenger leaves the existing pair's key alone, and a duplicate
// pair has one key whichever customer is evaluated.
func TestEvaluateKeysStable(t *testing.T) {
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	until := at.Add(90 * 24 * time.Hour)
	f := Facts{
		At:      at,
		Policy:  &Policy{Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000, PriceMismatchTolerancePct: 5},
		Dealers: map[int64]Dealer{10: {ID: 10, Name: "A", Status: DealerActive}, 11: {ID: 11, Name: "B", Status: DealerActive}, 12: {ID: 12, Name: "C", Status: DealerActive}},
		Customer: Customer{ID: 1, Name: "Ромашка ЕООД", Segment: Industrial,
			Owner: Owner{Kind: OwnerDealer, DealerID: 10}},
		CustomerRegionPath: "eu.bg.yambol",
		Deals: []Deal{
			{ID: 1, CustomerID: 1, Channel: ChannelDealer, DealerID: 10, ProductLineID: 1, UnitPrice: 100, Amount: 100, Currency: "EUR", Stage: StageRegistered, RegisteredAt: at.Add(-time.Hour), ProtectedUntil: &until},
			{ID: 2, CustomerID: 1, Channel: ChannelDealer, DealerID: 11, ProductLineID: 1, UnitPrice: 100, Amount: 100, Currency: "EUR", Stage: StageRegistered, RegisteredAt: at},
		},
	}
	first := keys(Evaluate(f))
	if again := keys(Evaluate(f)); !reflect.DeepEqual(first, again) {
		t.Fatalf("re-evaluation changed keys: %v then %v", first, again)
	}
	pair := Finding{Kind: DuplicateRegistration, CustomerID: 1, DealIDs: []int64{1, 2}}.Key()
	if !contains(first, pair) {
		t.Fatalf("%s not among %v", pair, first)
	}
	f.Deals = append(f.Deals, Deal{ID: 3, CustomerID: 1, Channel: ChannelDealer, DealerID: 12, ProductLineID: 1, UnitPrice: 100, Amount: 100, Currency: "EUR", Stage: StageRegistered, RegisteredAt: at})
	if after := keys(Evaluate(f)); !contains(after, pair) {
		t.Errorf("a third dealer re-keyed the first duplicate: %v", after)
	}

	side := func(id, other int64, owner int64) string {
		fs := Evaluate(Facts{
			At:               at,
			Customer:         Customer{ID: id, Name: "x", Owner: Owner{Kind: OwnerDealer, DealerID: owner}},
			SimilarCustomers: []SimilarCustomer{{ID: other, Name: "y", Owner: Owner{Kind: OwnerDealer, DealerID: 21 - owner}, Similarity: 0.9}},
		})
		if len(fs) != 1 {
			t.Fatalf("want one duplicate finding, got %v", keys(fs))
		}
		return fs[0].Key()
	}
	if a, b := side(7, 3, 10), side(3, 7, 11); a != b {
		t.Errorf("a duplicate pair has two keys: %q and %q", a, b)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestExplanationText(t *testing.T) {
	until := time.Date(2026, 6, 8, 12, 0, 0, 0, time.UTC)
	eur := func(minor int64) *Money { return &Money{Minor: minor, Currency: "EUR"} }
	tests := []struct {
		e          Explanation
		en, ru, bg string
	}{
		{
			Explanation{Rule: SmallDirectOrder, PolicyYear: 2026, PolicyValue: eur(1_000_000), Measured: eur(420_000),
				Params: map[string]string{ParamSuggested: "Ямбол Трейд ЕООД", ParamSuggestedExcl: "true", ParamCoverage: "bg.yambol / industrial / pumps"}},
			"direct order of 4,200.00 EUR is under the 2026 direct-sale threshold of 10,000.00 EUR; customer is not a key account; suggested dealer: Ямбол Трейд ЕООД, whose exclusive assignment covers bg.yambol / industrial / pumps",
			"прямой заказ на 4 200,00 EUR меньше порога прямых продаж 2026 года 10 000,00 EUR; клиент не ключевой; предлагаемый дилер: Ямбол Трейд ЕООД, чьё эксклюзивное назначение покрывает bg.yambol / industrial / pumps",
			"директната поръчка за 4 200,00 EUR е под прага за директни продажби за 2026 г. от 10 000,00 EUR; клиентът не е ключов; предложен дилър: Ямбол Трейд ЕООД, чието изключително назначение покрива bg.yambol / industrial / pumps",
		},
		{
			Explanation{Rule: DirectBypass, Measured: eur(2_200_000), Until: &until, Prepaid: eur(1_200_000),
				Params: map[string]string{ParamCustomer: "Ромашка", ParamOwner: "A", ParamHolder: "A"}},
			"direct deal of 22,000.00 EUR for Ромашка, which is not a key account, while the customer is owned by A; A holds a protected registration until 2026-06-08 12:00 UTC; A has prepaid 12,000.00 EUR",
			"прямая сделка на 22 000,00 EUR с клиентом Ромашка, который не является ключевым, тогда как клиент закреплён за A; A держит защищённую регистрацию до 2026-06-08 12:00 UTC; A внёс предоплату 12 000,00 EUR",
			"директна сделка за 22 000,00 EUR с клиента Ромашка, който не е ключов клиент, въпреки че собственик на клиента е A; A има защитена регистрация до 2026-06-08 12:00 UTC; A е платил авансово 12 000,00 EUR",
		},
		{
			Explanation{Rule: DuplicateRegistration, PolicyYear: 2026, Until: &until,
				Params: map[string]string{ParamDealer: "B", ParamCustomer: "Ромашка", ParamProduct: "pumps", ParamHolder: "A", ParamProtectionDays: "90"}},
			"deal of B for Ромашка / pumps duplicates the registration of A, protected until 2026-06-08 12:00 UTC (90 days under the 2026 policy); the earlier registration keeps its protection",
			"сделка B по клиенту Ромашка / pumps дублирует регистрацию: A, защита до 2026-06-08 12:00 UTC (90 дн. по политике 2026 года); защиту сохраняет более ранняя регистрация",
			"сделката на B за клиента Ромашка / pumps дублира регистрацията на A, защитена до 2026-06-08 12:00 UTC (90 дни по политиката за 2026 г.); защитата остава за по-ранната регистрация",
		},
		{
			Explanation{Rule: OwnershipClaim, Params: map[string]string{ParamDealer: "B", ParamCustomer: "Ромашка", ParamOwnerKind: "DIRECT"}},
			"B opened a deal for Ромашка, which is owned by the manufacturer (direct); a change of owner goes through the transfer procedure",
			"B открыл сделку с клиентом Ромашка, который закреплён за производителем (прямые продажи); смена владельца — только через процедуру передачи",
			"B откри сделка с клиента Ромашка, който е клиент на производителя (директни продажби); смяната на собственика става само чрез процедурата по прехвърляне",
		},
		{
			Explanation{Rule: OutOfTerritory, Params: map[string]string{ParamDealer: "B", ParamCoverage: "eu.bg.yambol / industrial / pumps", ParamExclusive: "A"}},
			"B has no active assignment covering eu.bg.yambol / industrial / pumps; exclusive assignment held by A",
			"у B нет действующего назначения, покрывающего eu.bg.yambol / industrial / pumps; эксклюзивное назначение там у A",
			"B няма действащо назначение, което покрива eu.bg.yambol / industrial / pumps; изключителното назначение там е на A",
		},
		{
			Explanation{Rule: PriceBelowFloor, PolicyYear: 2026, PolicyValue: eur(10_000), Measured: eur(8_750), MeasuredPct: 12.5,
				Params: map[string]string{ParamProduct: "pumps"}},
			"unit price of 87.50 EUR for pumps is 12.5% under the 2026 price floor of 100.00 EUR",
			"цена за единицу 87,50 EUR для pumps на 12,5% ниже минимальной цены 2026 года 100,00 EUR",
			"единичната цена 87,50 EUR за pumps е с 12,5% под ценовия праг за 2026 г. от 100,00 EUR",
		},
		{
			Explanation{Rule: PriceMismatch, PolicyYear: 2026, PolicyPct: 5, Measured: eur(10_000), Other: eur(9_000), MeasuredPct: 10,
				Params: map[string]string{ParamProduct: "pumps", ParamChannelA: "A"}},
			"A quotes pumps at 100.00 EUR and the direct channel at 90.00 EUR: a difference of 10%, over the 2026 tolerance of 5%",
			"A предлагает pumps по 100,00 EUR, а прямой канал — по 90,00 EUR: разница 10%, больше допуска 2026 года 5%",
			"A предлага pumps на 100,00 EUR, а директният канал — на 90,00 EUR: разлика 10%, над допустимото разминаване за 2026 г. от 5%",
		},
		{
			Explanation{Rule: DuplicateCustomer, Params: map[string]string{ParamCustomer: "Ромашка", ParamOtherCustomer: "Romashka", ParamSimilarity: "0.85", ParamOtherOwnerKind: "UNASSIGNED"}},
			"Ромашка looks like Romashka (similarity 0.85 of the normalised names), owned by nobody",
			"Ромашка похож на Romashka (сходство нормализованных названий 0,85), который ни за кем не закреплён",
			"Ромашка прилича на Romashka (сходство на нормализираните наименования 0,85), който няма собственик",
		},
	}
	for _, tt := range tests {
		if got := tt.e.Text("en"); got != tt.en {
			t.Errorf("%s en:\n got %q\nwant %q", tt.e.Rule, got, tt.en)
		}
		if got := tt.e.Text("ru"); got != tt.ru {
			t.Errorf("%s ru:\n got %q\nwant %q", tt.e.Rule, got, tt.ru)
		}
		if got := tt.e.Text("ru-RU"); got != tt.ru {
			t.Errorf("%s ru-RU: got %q, want the Russian text", tt.e.Rule, got)
		}
		if got := tt.e.Text("bg"); got != tt.bg {
			t.Errorf("%s bg:\n got %q\nwant %q", tt.e.Rule, got, tt.bg)
		}
		if got := tt.e.Text("bg-BG"); got != tt.bg {
			t.Errorf("%s bg-BG: got %q, want the Bulgarian text", tt.e.Rule, got)
		}
		// Every name the English sentence quotes is quoted in the others too
		// (the similarity is a number, written with the language's decimal mark).
		for k, v := range tt.e.Params {
			if k != ParamSimilarity && v != "" && strings.Contains(tt.en, v) && (!strings.Contains(tt.ru, v) || !strings.Contains(tt.bg, v)) {
				t.Errorf("%s: %q is in the English text but not in the Russian or Bulgarian one", tt.e.Rule, v)
			}
		}
		// Any language we lack falls back to English.
		if got := tt.e.Text("de"); got != tt.en {
			t.Errorf("%s de: got %q, want the English text", tt.e.Rule, got)
		}
	}
}

// TestExplanationJSON: the store keeps explanations as JSON; a round trip
// must render the same sentence.
func TestExplanationJSON(t *testing.T) {
	until := time.Date(2026, 6, 8, 12, 0, 0, 0, time.UTC)
	e := Explanation{Rule: DirectBypass, PolicyYear: 2026, Measured: &Money{Minor: 2_200_000, Currency: "EUR"},
		Until: &until, Prepaid: &Money{Minor: 100, Currency: "EUR"}, Params: map[string]string{ParamCustomer: "Ромашка", ParamHolder: "A"}}
	raw, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back Explanation
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(e, back) {
		t.Errorf("round trip changed the explanation:\n%+v\n%+v", e, back)
	}
	if e.Text("ru") != back.Text("ru") || e.Text("bg") != back.Text("bg") || !strings.Contains(back.Text("en"), "has prepaid 1.00 EUR") {
		t.Errorf("round trip changed the text: %q", back.Text("en"))
	}
}

func TestMoneyText(t *testing.T) {
	tests := []struct {
		m      Money
		en, ru string // Bulgarian writes money as Russian does
	}{
		{Money{0, "EUR"}, "0.00 EUR", "0,00 EUR"},
		{Money{5, "BGN"}, "0.05 BGN", "0,05 BGN"},
		{Money{99_999, "RON"}, "999.99 RON", "999,99 RON"},
		{Money{100_000, "RUB"}, "1,000.00 RUB", "1 000,00 RUB"},
		{Money{123_456_789_01, "CNY"}, "123,456,789.01 CNY", "123 456 789,01 CNY"},
		{Money{-420_000, "EUR"}, "-4,200.00 EUR", "-4 200,00 EUR"},
	}
	for _, tt := range tests {
		if got := textEN.money(tt.m); got != tt.en {
			t.Errorf("en %v = %q, want %q", tt.m, got, tt.en)
		}
		if got := textRU.money(tt.m); got != tt.ru {
			t.Errorf("ru %v = %q, want %q", tt.m, got, tt.ru)
		}
		if got := textBG.money(tt.m); got != tt.ru {
			t.Errorf("bg %v = %q, want %q", tt.m, got, tt.ru)
		}
	}
}

func TestSeverityRank(t *testing.T) {
	order := []Severity{"", SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical}
	for i := 1; i < len(order); i++ {
		if order[i-1].Rank() >= order[i].Rank() {
			t.Errorf("%q ranks not below %q", order[i-1], order[i])
		}
	}
	if !ConflictOpen.Live() || !ConflictAcknowledged.Live() || ConflictResolved.Live() || ConflictDismissed.Live() {
		t.Error("Live() wrong")
	}
}

// BenchmarkEvaluate judges a busy customer: ten open deals across three
// channels, four covering assignments, a policy with floors. Re-evaluating
// 200,000 deals in batches costs about this per customer on top of loading.
func BenchmarkEvaluate(b *testing.B) {
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	until := at.Add(30 * 24 * time.Hour)
	f := Facts{
		At:                 at,
		Policy:             &Policy{Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000, PriceMismatchTolerancePct: 5, PriceFloors: map[int64]int64{1: 9_000, 2: 4_000}},
		Customer:           Customer{ID: 1, Name: "Ромашка ЕООД", Segment: Industrial, Owner: Owner{Kind: OwnerDealer, DealerID: 10}},
		CustomerRegionPath: "eu.bg.yambol.elhovo",
		Dealers: map[int64]Dealer{
			10: {ID: 10, Name: "A", Status: DealerActive, Tier: 2}, 11: {ID: 11, Name: "B", Status: DealerActive, Tier: 1},
			12: {ID: 12, Name: "C", Status: DealerTerminated, Tier: 1},
		},
		Assignments: []TerritoryAssignment{
			{ID: 1, DealerID: 10, RegionPath: "eu.bg.yambol", Exclusive: true, ValidFrom: at.AddDate(-1, 0, 0)},
			{ID: 2, DealerID: 11, RegionPath: "eu.bg", ValidFrom: at.AddDate(-1, 0, 0)},
			{ID: 3, DealerID: 12, RegionPath: "eu.bg.yambol", Segments: []Segment{Industrial}, ValidFrom: at.AddDate(-1, 0, 0)},
			{ID: 4, DealerID: 11, RegionPath: "eu", ProductLineIDs: []int64{2}, ValidFrom: at.AddDate(-1, 0, 0)},
		},
		ProductLines: map[int64]ProductLine{1: {ID: 1, Code: "pumps"}, 2: {ID: 2, Code: "valves"}},
	}
	for i := range int64(10) {
		d := Deal{ID: i + 1, CustomerID: 1, Channel: ChannelDealer, DealerID: 10 + i%3, ProductLineID: 1 + i%2,
			UnitPrice: 8_000 + 300*i, Quantity: 2, Amount: 2 * (8_000 + 300*i), Currency: "EUR", Stage: StageRegistered,
			RegisteredAt: at.Add(-time.Duration(i) * time.Hour), ProtectedUntil: &until}
		if i%4 == 3 {
			d.Channel, d.DealerID = ChannelDirect, 0
		}
		f.Deals = append(f.Deals, d)
	}
	n := len(Evaluate(f))
	if n == 0 {
		b.Fatal("the benchmark facts produce no findings")
	}
	b.ReportMetric(float64(n), "findings/op")
	for b.Loop() {
		Evaluate(f)
	}
}
