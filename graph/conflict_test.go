package graph_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/store"
)

// conflictWorld is the graph tests' world with a fixed clock, the 2026
// policy (direct sales from 10,000.00 EUR, pumps floor 500.00 EUR, 5 %
// tolerance and compensation, no approval), a Romanian dealer, and the
// distributor's exclusive assignment over Bulgaria — all set through the
// API.
type conflictWorld struct {
	*world
	roID, pumpsID, valvesID string
}

var storyNow = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

func newConflictWorld(t *testing.T) *conflictWorld { return newConflictWorldEnv(t, newEnv(t)) }

func newConflictWorldEnv(t *testing.T, e *env) *conflictWorld {
	t.Helper()
	e.st.SetClock(func() time.Time { return storyNow })
	w := &conflictWorld{world: newWorldEnv(t, e)}
	w.pumpsID, w.valvesID = w.productLineID("pumps"), w.productLineID("valves")
	w.roID = w.id(createDealer, map[string]any{"input": map[string]any{
		"code": "RO-01", "name": "Carpati SRL", "kind": "DEALER", "homeRegionId": w.regionID["eu.ro"], "contractStart": "2025-01-01",
	}}, "createDealer", "dealer", "id")
	w.ok(`mutation($input: SetPolicyInput!) { setPolicy(input: $input) { policy { year } } }`, map[string]any{"input": map[string]any{
		"year": 2026, "currency": "EUR", "directSaleThreshold": 1_000_000, "registrationRequiresApproval": false,
		"priceMismatchTolerancePct": 5, "defaultCompensationPct": 5,
		"priceFloors": []any{map[string]any{"productLineId": w.pumpsID, "minUnitPrice": 50_000}},
	}}, nil)
	w.ok(`mutation($input: AssignTerritoryInput!) { assignTerritory(input: $input) { assignment { id } } }`, map[string]any{"input": map[string]any{
		"dealerId": w.distID, "regionId": w.regionID["eu.bg"], "exclusive": true, "validFrom": "2025-01-01",
	}}, nil)
	return w
}

const registerDealMutation = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id stage } } }`

// register registers a deal through the API; dealer "" is DIRECT.
func (w *conflictWorld) register(customer, dealer, productLine string, qty int, unitMinor int64) string {
	w.t.Helper()
	ch := map[string]any{"kind": "DIRECT"}
	if dealer != "" {
		ch = map[string]any{"kind": "DEALER", "dealerId": dealer}
	}
	return w.id(registerDealMutation, map[string]any{"input": map[string]any{
		"customerId": customer, "channel": ch, "productLineId": productLine, "quantity": qty,
		"unitPrice": map[string]any{"minor": unitMinor, "currency": "EUR"},
	}}, "registerDeal", "deal", "id")
}

type conflictOut struct {
	ID, Kind, Status, Severity string
	Resolution                 *string
	ResolutionNote             string
	Customer                   struct{ ID, Name string }
	Customers                  []struct{ ID string }
	Deals                      []struct{ ID, Stage string }
	Parties                    struct {
		Dealers []struct{ ID string }
		Direct  bool
	}
	SuggestedDealer *struct{ ID string }
	AtStake         struct {
		Minor    int64
		Currency string
	}
	Explanation struct {
		Rule, Text, Ru string
		PolicyYear     *int
		PolicyValue    *struct{ Minor int64 }
		Params         []struct{ Key, Value string }
	}
	Events []struct{ Type, Reason, Cursor string }
}

const conflictFields = `id kind status severity resolution resolutionNote customer { id name } customers { id } deals { id stage }
	parties { dealers { id } direct } suggestedDealer { id } atStake { minor currency }
	explanation { rule text ru: text(lang: "ru") policyYear policyValue { minor } params { key value } }
	events { type reason cursor }`

// conflictsOf lists the conflicts involving a customer.
func (w *conflictWorld) conflictsOf(customer string) []conflictOut {
	w.t.Helper()
	var out struct {
		Conflicts struct {
			TotalCount int
			Edges      []struct{ Node conflictOut }
		}
	}
	w.ok(`query($f: ConflictFilter) { conflicts(first: 100, filter: $f) { totalCount edges { node { `+conflictFields+` } } } }`,
		map[string]any{"f": map[string]any{"customerId": customer}}, &out)
	cs := make([]conflictOut, len(out.Conflicts.Edges))
	for i, e := range out.Conflicts.Edges {
		cs[i] = e.Node
	}
	return cs
}

// kind returns the one conflict of a kind on customer, failing otherwise.
func (w *conflictWorld) kind(customer, kind string) conflictOut {
	w.t.Helper()
	var found []conflictOut
	var kinds []string
	for _, c := range w.conflictsOf(customer) {
		kinds = append(kinds, c.Kind+"/"+c.Status)
		if c.Kind == kind {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		w.t.Fatalf("%d %s conflicts, want 1 (the customer has %v)", len(found), kind, kinds)
	}
	return found[0]
}

func hasParty(c conflictOut, dealer string) bool {
	for _, d := range c.Parties.Dealers {
		if d.ID == dealer {
			return true
		}
	}
	return false
}

// Each of the eight kinds, produced by mutations through the API.
func TestEveryConflictKindThroughTheAPI(t *testing.T) {
	w := newConflictWorld(t)

	{ // DUPLICATE_REGISTRATION
		cust := w.customer("Tundzha Farm", "UNASSIGNED", "", "eu.bg.yambol")
		first := w.register(cust, w.distID, w.pumpsID, 5, 100_000)
		w.register(cust, w.roID, w.pumpsID, 5, 100_000)
		c := w.kind(cust, "DUPLICATE_REGISTRATION")
		if !hasParty(c, w.distID) || !hasParty(c, w.roID) || c.SuggestedDealer == nil || c.SuggestedDealer.ID != w.distID ||
			len(c.Deals) != 2 || c.Deals[0].ID != first && c.Deals[1].ID != first {
			t.Fatalf("%+v", c)
		}
		if !contains(c.Explanation.Text, "earlier registration keeps its protection") || !contains(c.Explanation.Text, "90 days under the 2026 policy") {
			t.Fatalf("explanation %q", c.Explanation.Text)
		}
	}
	{ // DIRECT_BYPASS
		cust := w.customer("Owned Farm", "DEALER", w.distID, "eu.bg.yambol")
		w.register(cust, "", w.pumpsID, 10, 200_000) // 20,000.00 EUR, over the threshold
		c := w.kind(cust, "DIRECT_BYPASS")
		if c.Severity != "HIGH" || !c.Parties.Direct || !hasParty(c, w.distID) || !contains(c.Explanation.Text, "not a key account") {
			t.Fatalf("%+v", c)
		}
	}
	{ // SMALL_DIRECT_ORDER
		cust := w.customer("Малко ЕООД", "UNASSIGNED", "", "eu.bg.yambol")
		w.register(cust, "", w.pumpsID, 3, 140_000) // 4,200.00 EUR
		c := w.kind(cust, "SMALL_DIRECT_ORDER")
		want := "direct order of 4,200.00 EUR is under the 2026 direct-sale threshold of 10,000.00 EUR; customer is not a key account; suggested dealer: Balkan Pumps, whose exclusive assignment covers eu.bg"
		if c.Severity != "MEDIUM" || c.SuggestedDealer == nil || c.SuggestedDealer.ID != w.distID || !strings.HasPrefix(c.Explanation.Text, want) {
			t.Fatalf("%+v\nwant text %q", c, want)
		}
		if c.Explanation.PolicyValue == nil || c.Explanation.PolicyValue.Minor != 1_000_000 || !contains(c.Explanation.Ru, "меньше порога прямых продаж") {
			t.Fatalf("explanation %+v", c.Explanation)
		}
	}
	{ // OWNERSHIP_CLAIM
		cust := w.customer("Claimed Ltd", "DEALER", w.roID, "eu.bg.yambol")
		w.register(cust, w.distID, w.pumpsID, 1, 100_000)
		c := w.kind(cust, "OWNERSHIP_CLAIM")
		if !hasParty(c, w.distID) || !hasParty(c, w.roID) || !contains(c.Explanation.Text, "transfer procedure") {
			t.Fatalf("%+v", c)
		}
	}
	{ // OUT_OF_TERRITORY
		cust := w.customer("Far Away Farm", "UNASSIGNED", "", "eu.bg.yambol")
		w.register(cust, w.roID, w.valvesID, 1, 100_000)
		c := w.kind(cust, "OUT_OF_TERRITORY")
		if c.Severity != "HIGH" || !hasParty(c, w.roID) || !hasParty(c, w.distID) || !contains(c.Explanation.Text, "exclusive assignment held by Balkan Pumps") {
			t.Fatalf("%+v", c)
		}
	}
	{ // PRICE_BELOW_FLOOR
		cust := w.customer("Bargain Farm", "UNASSIGNED", "", "eu.bg.yambol")
		w.register(cust, w.distID, w.pumpsID, 1, 40_000)
		c := w.kind(cust, "PRICE_BELOW_FLOOR")
		if c.Severity != "HIGH" || !contains(c.Explanation.Text, "20% under the 2026 price floor of 500.00 EUR") {
			t.Fatalf("%+v", c)
		}
	}
	{ // PRICE_MISMATCH
		cust := w.customer("Shopper Farm", "UNASSIGNED", "", "eu.bg.yambol")
		w.register(cust, w.distID, w.valvesID, 1, 100_000)
		w.register(cust, w.roID, w.valvesID, 1, 90_000)
		c := w.kind(cust, "PRICE_MISMATCH")
		if !hasParty(c, w.distID) || !hasParty(c, w.roID) || !contains(c.Explanation.Text, "over the 2026 tolerance of 5%") {
			t.Fatalf("%+v", c)
		}
	}
	{ // DUPLICATE_CUSTOMER
		a := w.customer("Ромашка ООД", "DEALER", w.distID, "eu.bg.yambol")
		b := w.customer("Romashka OOD", "DEALER", w.roID, "eu.bg")
		c := w.kind(b, "DUPLICATE_CUSTOMER")
		if len(c.Customers) != 2 || !hasParty(c, w.distID) || !hasParty(c, w.roID) {
			t.Fatalf("%+v", c)
		}
		if got := w.kind(a, "DUPLICATE_CUSTOMER"); got.ID != c.ID {
			t.Fatal("the pair is not one conflict from both sides")
		}
	}

	// Every kind is on the board, and conflictStats counts them.
	var stats struct {
		ConflictStats []struct {
			Kind    string
			Count   int
			AtStake []struct {
				Minor    int64
				Currency string
			}
		}
	}
	w.ok(`{ conflictStats(groupBy: [KIND], filter: {statuses: [OPEN]}) { kind count atStake { minor currency } } }`, nil, &stats)
	seen := map[string]int{}
	for _, r := range stats.ConflictStats {
		seen[r.Kind] = r.Count
	}
	for _, k := range channel.ConflictKinds {
		if seen[string(k)] == 0 {
			t.Errorf("conflictStats has no open %s: %+v", k, stats.ConflictStats)
		}
	}
}

// dbID reads the database id out of a global id (base64 of "Type:id"),
// for checks through the store.
func dbID(t *testing.T, gid string) int64 {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil {
		t.Fatal(err)
	}
	_, num, _ := strings.Cut(string(b), ":")
	id, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestResolveConflictValidation(t *testing.T) {
	w := newConflictWorld(t)
	cust := w.customer("Tundzha Farm", "UNASSIGNED", "", "eu.bg.yambol")
	a := w.register(cust, w.distID, w.pumpsID, 5, 100_000)
	b := w.register(cust, w.roID, w.pumpsID, 5, 100_000)
	dup := w.kind(cust, "DUPLICATE_REGISTRATION")
	const resolve = `mutation($input: ResolveConflictInput!) { resolveConflict(input: $input) { conflict { status } splits { deal { id } sharePct } } }`
	in := func(kv ...any) map[string]any {
		m := map[string]any{"id": dup.ID}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return map[string]any{"input": m}
	}
	w.fail(resolve, in("resolution", "DISMISS"), "BAD_USER_INPUT", "input.note")
	w.fail(resolve, in("resolution", "AUTO"), "BAD_USER_INPUT", "input.resolution")
	w.fail(resolve, in("resolution", "SPLIT", "splits", []any{map[string]any{"dealId": a, "sharePct": 70}, map[string]any{"dealId": b, "sharePct": 20}}), "BAD_USER_INPUT", "input.splits")
	w.fail(resolve, in("resolution", "SPLIT", "splits", []any{map[string]any{"dealId": a, "sharePct": 50}, map[string]any{"dealId": w.distID, "sharePct": 50}}), "BAD_USER_INPUT", "input.splits.1.dealId")
	w.fail(resolve, in("resolution", "AWARD_DIRECT"), "BAD_USER_INPUT", "input.resolution")
	w.fail(resolve, in("resolution", "AWARD_DEALER", "compensation", map[string]any{"basis": "CASH"}), "BAD_USER_INPUT", "input.compensation")
	w.fail(resolve, in("resolution", "ROUTE_TO_DEALER"), "BAD_USER_INPUT", "input.resolution")
	w.fail(resolve, map[string]any{"input": map[string]any{"id": w.distID, "resolution": "DISMISS", "note": "x"}}, "BAD_USER_INPUT", "input.id")

	var out struct {
		ResolveConflict struct {
			Conflict struct{ Status string }
			Splits   []struct {
				Deal     struct{ ID string }
				SharePct float64
			}
		}
	}
	w.ok(resolve, in("resolution", "SPLIT", "splits", []any{map[string]any{"dealId": a, "sharePct": 60}, map[string]any{"dealId": b, "sharePct": 40}}), &out)
	if out.ResolveConflict.Conflict.Status != "RESOLVED" || len(out.ResolveConflict.Splits) != 2 || out.ResolveConflict.Splits[0].SharePct+out.ResolveConflict.Splits[1].SharePct != 100 {
		t.Fatalf("split %+v", out)
	}
	w.fail(`mutation($id: ID!) { acknowledgeConflict(input: {id: $id}) { conflict { status } } }`, map[string]any{"id": dup.ID}, "CONFLICT", "")

	// The customer's and the dealers' counts of live conflicts.
	var counts struct {
		Customer struct {
			OpenConflictCount int
			Open              []struct{ Kind string }
			Closed            []struct{ Kind string }
		}
		Dealer struct{ OpenConflictCount int }
	}
	w.ok(`query($c: ID!, $d: ID!) { customer(id: $c) { openConflictCount open: conflicts(statuses: [OPEN, ACKNOWLEDGED]) { kind }
		closed: conflicts(statuses: [RESOLVED]) { kind } } dealer(id: $d) { openConflictCount } }`,
		map[string]any{"c": cust, "d": w.roID}, &counts)
	if counts.Customer.OpenConflictCount != len(counts.Customer.Open) || len(counts.Customer.Closed) != 1 || counts.Dealer.OpenConflictCount < 1 {
		t.Fatalf("counts %+v", counts)
	}

	// node(id) fetches a conflict.
	var node struct {
		Node struct{ ID, Kind string }
	}
	w.ok(`query($id: ID!) { node(id: $id) { id ... on Conflict { kind } } }`, map[string]any{"id": dup.ID}, &node)
	if node.Node.ID != dup.ID || node.Node.Kind != "DUPLICATE_REGISTRATION" {
		t.Fatalf("node %+v", node)
	}
}

// The board's query costs the same number of SQL statements for 5 and for
// 50 conflicts: every edge goes through a dataloader.
func TestConflictBoardQueryCountIsFixed(t *testing.T) {
	// A generous loader wait, as in TestCustomerListQueryCountIsFixed: a
	// page's resolver goroutines can start tens of milliseconds apart on a
	// loaded machine.
	w := newConflictWorldEnv(t, newEnvWait(t, 300*time.Millisecond))
	ctx := context.Background()
	var ids []int64
	for i := range 60 {
		c, err := w.st.CreateCustomer(ctx, store.CustomerCreate{Name: fmt.Sprintf("Board customer %03d", i), RegionID: w.yambol.ID,
			Segment: channel.Retail, OwnerKind: channel.OwnerDealer, OwnerDealerID: dbID(t, w.distID)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.st.RegisterDeal(ctx, store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDirect, ProductLineID: w.pumps.ID,
			Quantity: 1, UnitPrice: channel.Money{Minor: 2_000_000, Currency: "EUR"}}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	// The deals went in through the store; judge them as the hooks would.
	if err := w.st.InTx(ctx, func(tx bun.Tx) error {
		_, err := w.st.Evaluate(ctx, tx, ids, w.st.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	const q = `query($first: Int) { conflicts(first: $first, filter: {kinds: [DIRECT_BYPASS]}) { totalCount edges { node {
		id kind severity customer { name owner { kind dealer { name } } openConflictCount } deals { id channel { kind } }
		parties { dealers { name openConflictCount } direct } suggestedDealer { code }
		explanation { text } events { type } compensations { amount { minor } } splits { sharePct }
	} } } }`
	measure := func(first int) int64 {
		t.Helper()
		var p struct {
			Conflicts struct {
				Edges []struct {
					Node struct {
						Events []struct{ Type string }
					}
				}
			}
		}
		before := w.queries.n.Load()
		w.ok(q, map[string]any{"first": first}, &p)
		n := w.queries.n.Load() - before
		if len(p.Conflicts.Edges) != first {
			t.Fatalf("got %d conflicts, want %d", len(p.Conflicts.Edges), first)
		}
		for _, e := range p.Conflicts.Edges {
			if len(e.Node.Events) == 0 {
				t.Fatal("a conflict without its OPENED event")
			}
		}
		return n
	}
	five, fifty := measure(5), measure(50)
	t.Logf("SQL queries: %d for 5 conflicts, %d for 50", five, fifty)
	// One edge loaded per conflict would cost 45 more statements for 50
	// than for 5. Equal is the norm; a loader batch split by a badly
	// starved scheduler (race detector, busy machine) may add a couple,
	// which is not what this test is about.
	if fifty-five >= 10 {
		for _, q := range w.queries.since(int(w.queries.n.Load() - fifty)) {
			t.Log(q)
		}
		t.Fatalf("5 conflicts took %d queries, 50 took %d: some edge is not batched", five, fifty)
	}
}
