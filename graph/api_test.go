package graph_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"
)

func TestDealersTerritoriesAndRegions(t *testing.T) {
	w := newWorld(t)
	var upd struct {
		UpdateDealer struct {
			Dealer struct {
				Name, Status, ContractEnd string
				Tier                      int
				CreditLimit               struct {
					Minor             int64
					Currency, Decimal string
				}
				Contact struct{ Name, Email, Phone string }
			}
		}
	}
	w.ok(`mutation($id: ID!) { updateDealer(input: {id: $id, name: "Balkan Pumps AD", status: SUSPENDED, tier: 1, contractEnd: "2027-12-31",
		creditLimit: {minor: 420000, currency: "BGN"}, contactName: "Ivan", contactEmail: "ivan@bp.bg", contactPhone: "+359"}) {
		dealer { name status tier contractEnd creditLimit { minor currency decimal } contact { name email phone } } } }`,
		map[string]any{"id": w.distID}, &upd)
	d := upd.UpdateDealer.Dealer
	if d.Name != "Balkan Pumps AD" || d.Status != "SUSPENDED" || d.Tier != 1 || d.ContractEnd != "2027-12-31" ||
		d.CreditLimit.Decimal != "4200.00" || d.CreditLimit.Currency != "BGN" || d.Contact.Email != "ivan@bp.bg" {
		t.Fatalf("updated dealer = %+v", d)
	}

	var assign struct {
		AssignTerritory struct {
			Assignment struct {
				ID, ValidFrom string
				ValidTo       *string
				Active        bool
				Exclusive     bool
				Segments      []string
				Dealer        struct{ Code string }
				Region        struct{ Path string }
				ProductLines  []struct{ Code string }
			}
		}
	}
	w.ok(`mutation($d: ID!, $r: ID!, $p: ID!) { assignTerritory(input: {dealerId: $d, regionId: $r, segments: [AGRICULTURE], productLineIds: [$p],
		exclusive: true, validFrom: "2020-01-01"}) { assignment { id validFrom validTo active exclusive segments dealer { code } region { path } productLines { code } } } }`,
		map[string]any{"d": w.distID, "r": w.regionID["eu.bg"], "p": w.productLineID("pumps")}, &assign)
	a := assign.AssignTerritory.Assignment
	if !a.Active || !a.Exclusive || a.Dealer.Code != "BG-01" || a.Region.Path != "eu.bg" || len(a.ProductLines) != 1 || a.ProductLines[0].Code != "pumps" || a.Segments[0] != "AGRICULTURE" || a.ValidTo != nil {
		t.Fatalf("assignment = %+v", a)
	}
	var list struct {
		TerritoryAssignments struct {
			TotalCount int
			Edges      []struct{ Node struct{ ID string } }
		}
	}
	w.ok(`query($r: ID!) { territoryAssignments(first: 10, filter: {coveringRegionId: $r, activeOnly: true, exclusive: true}) { totalCount edges { node { id } } } }`,
		map[string]any{"r": w.regionID["eu.bg.yambol"]}, &list)
	if list.TerritoryAssignments.TotalCount != 1 || list.TerritoryAssignments.Edges[0].Node.ID != a.ID {
		t.Fatalf("covering = %+v", list)
	}
	var un struct {
		UnassignTerritory struct{ Assignment struct{ ValidTo string } }
	}
	w.ok(`mutation($id: ID!) { unassignTerritory(input: {id: $id, validTo: "2021-06-30"}) { assignment { validTo } } }`, map[string]any{"id": a.ID}, &un)
	if un.UnassignTerritory.Assignment.ValidTo != "2021-06-30" {
		t.Fatalf("unassigned = %+v", un)
	}
	w.ok(`query($d: ID!) { territoryAssignments(filter: {dealerId: $d, activeOnly: true}) { totalCount } }`, map[string]any{"d": w.distID}, &list)
	if list.TerritoryAssignments.TotalCount != 0 {
		t.Fatalf("ended assignment still active")
	}

	w.customer("Agro", "DEALER", w.subID, "eu.bg.yambol")
	w.ok(`mutation($d: ID!) { setDealerPlan(input: {dealerId: $d, year: 2026, plannedVolume: {minor: 100000, currency: "EUR"}, prepaymentPct: 25, creditLimit: {minor: 5000, currency: "EUR"}}) { plan { year } } }`,
		map[string]any{"d": w.subID}, nil)
	var one struct {
		Dealer struct {
			Code, Kind    string
			Parent        struct{ Code string }
			HomeRegion    struct{ Path string }
			SubDealers    []struct{ Code string }
			Territories   []struct{ ID string }
			CustomerCount int
			Customers     struct{ TotalCount int }
			Deals         struct{ TotalCount int }
			Plan          struct {
				Year          int
				PlannedVolume struct{ Minor int64 }
				Actual        struct{ Minor int64 }
				AttainmentPct float64
				PrepaymentPct float64
				CreditLimit   struct{ Minor int64 }
				Dealer        struct{ Code string }
			}
			NoPlan    *struct{ Year int }
			CreatedAt string
			UpdatedAt string
		}
	}
	w.ok(`query($id: ID!) { dealer(id: $id) { code kind parent { code } homeRegion { path } subDealers { code } territories { id }
		customerCount customers(first: 5) { totalCount } deals(first: 5) { totalCount }
		plan(year: 2026) { year plannedVolume { minor } actual { minor } attainmentPct prepaymentPct creditLimit { minor } dealer { code } }
		noPlan: plan(year: 2030) { year } createdAt updatedAt } }`, map[string]any{"id": w.subID}, &one)
	if one.Dealer.Parent.Code != "BG-01" || one.Dealer.HomeRegion.Path != "eu.bg.yambol" || one.Dealer.CustomerCount != 1 ||
		one.Dealer.Customers.TotalCount != 1 || one.Dealer.Plan.PlannedVolume.Minor != 100000 || one.Dealer.Plan.PrepaymentPct != 25 ||
		one.Dealer.Plan.CreditLimit.Minor != 5000 || one.Dealer.Plan.Dealer.Code != "BG-01-Y" || one.Dealer.NoPlan != nil {
		t.Fatalf("dealer = %+v", one.Dealer)
	}
	var dist struct {
		Dealer struct {
			SubDealers  []struct{ Code string }
			Territories []struct{ ID string }
		}
	}
	w.ok(`query($id: ID!) { dealer(id: $id) { subDealers { code } territories { id } } }`, map[string]any{"id": w.distID}, &dist)
	if len(dist.Dealer.SubDealers) != 1 || dist.Dealer.SubDealers[0].Code != "BG-01-Y" || len(dist.Dealer.Territories) != 1 {
		t.Fatalf("distributor = %+v", dist)
	}

	var dealers struct {
		Dealers struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ Code string }
			}
			PageInfo struct{ HasNextPage bool }
		}
	}
	w.ok(`{ dealers(first: 1, orderBy: {field: CODE, direction: DESC}) { totalCount edges { cursor node { code } } pageInfo { hasNextPage } } }`, nil, &dealers)
	if dealers.Dealers.TotalCount != 2 || dealers.Dealers.Edges[0].Node.Code != "BG-01-Y" || !dealers.Dealers.PageInfo.HasNextPage {
		t.Fatalf("dealers = %+v", dealers)
	}
	w.ok(`query($after: String) { dealers(first: 1, after: $after, orderBy: {field: CODE, direction: DESC}) { totalCount edges { cursor node { code } } pageInfo { hasNextPage } } }`,
		map[string]any{"after": dealers.Dealers.Edges[0].Cursor}, &dealers)
	if dealers.Dealers.Edges[0].Node.Code != "BG-01" || dealers.Dealers.PageInfo.HasNextPage {
		t.Fatalf("second page = %+v", dealers)
	}
	w.ok(`query($r: ID!) { dealers(filter: {kind: SUBDEALER, status: ACTIVE, regionId: $r, search: "yambol"}) { totalCount } }`,
		map[string]any{"r": w.regionID["eu.bg"]}, &dealers)
	if dealers.Dealers.TotalCount != 1 {
		t.Fatalf("filtered dealers = %d", dealers.Dealers.TotalCount)
	}

	var regions struct {
		Regions []struct {
			Path, Name string
			Country    *string
			Depth      int
		}
		Region struct {
			Path     string
			Parent   struct{ Path string }
			Children []struct{ Path string }
		}
		ProductLines []struct{ ID, Code, Name string }
	}
	w.ok(`query($id: ID!) { regions(filter: {under: "eu.bg"}) { path name country depth } region(id: $id) { path parent { path } children { path } }
		productLines { id code name } }`, map[string]any{"id": w.regionID["eu.bg"]}, &regions)
	if len(regions.Regions) != 2 || regions.Regions[1].Depth != 3 || *regions.Regions[0].Country != "BG" || regions.Region.Parent.Path != "eu" ||
		len(regions.Region.Children) != 1 || regions.Region.Children[0].Path != "eu.bg.yambol" || len(regions.ProductLines) != 2 {
		t.Fatalf("regions = %+v", regions)
	}
	var top struct {
		Regions []struct {
			Country *string
			Parent  *struct{ Path string }
		}
	}
	w.ok(`{ regions(filter: {under: "eu"}) { country parent { path } } }`, nil, &top)
	if top.Regions[0].Country != nil || top.Regions[0].Parent != nil {
		t.Fatalf("root region = %+v", top.Regions[0])
	}
}

func (w *world) productLineID(code string) string {
	w.t.Helper()
	var out struct{ ProductLines []struct{ ID, Code string } }
	w.ok(`{ productLines { id code } }`, nil, &out)
	for _, p := range out.ProductLines {
		if p.Code == code {
			return p.ID
		}
	}
	w.t.Fatalf("no product line %s", code)
	return ""
}

type dealOut struct {
	ID, Stage, RegisteredAt, CloseReason string
	ProtectedUntil, ClosedAt             *string
	ExpectedClose                        *string
	Quantity                             int
	UnitPrice, Amount, Prepaid           struct {
		Minor    int64
		Currency string
	}
	Customer struct{ Name string }
	Channel  struct {
		Kind   string
		Dealer *struct{ Code string }
	}
	ProductLine struct{ Code string }
}

const dealFields = `id stage registeredAt closeReason protectedUntil closedAt expectedClose quantity
	unitPrice { minor currency } amount { minor currency } prepaid { minor currency }
	customer { name } channel { kind dealer { code } } productLine { code }`

func TestDealsAndPolicy(t *testing.T) {
	w := newWorld(t)
	cust := w.customer("Agro", "DEALER", w.subID, "eu.bg.yambol")
	pumps := w.productLineID("pumps")
	var pol struct {
		SetPolicy struct {
			Policy struct {
				ID                           string
				Year                         int
				Currency                     string
				RegistrationRequiresApproval bool
				RegistrationProtectionDays   int
				DirectSaleThreshold          struct{ Minor int64 }
				MarketingBudgetPct           float64
				PriceFloors                  []struct {
					ProductLine  struct{ Code string }
					MinUnitPrice struct{ Minor int64 }
				}
				BonusTiers []struct{ MinAttainmentPct, BonusPct float64 }
				UpdatedAt  string
			}
		}
	}
	year := 2026
	w.ok(`mutation($p: ID!) { setPolicy(input: {year: 2026, currency: "EUR", directSaleThreshold: 5000000, registrationProtectionDays: 30,
		registrationRequiresApproval: true, priceMismatchTolerancePct: 4, marketingBudgetPct: 2, manufacturerSharePct: 40,
		defaultCompensationPct: 6, planDeviationMarginPct: 12, priceFloors: [{productLineId: $p, minUnitPrice: 90000}],
		bonusTiers: [{minAttainmentPct: 100, bonusPct: 2}]}) { policy { id year currency registrationRequiresApproval registrationProtectionDays
		directSaleThreshold { minor } marketingBudgetPct priceFloors { productLine { code } minUnitPrice { minor } } bonusTiers { minAttainmentPct bonusPct } updatedAt } } }`,
		map[string]any{"p": pumps}, &pol)
	p := pol.SetPolicy.Policy
	if p.Year != year || !p.RegistrationRequiresApproval || p.DirectSaleThreshold.Minor != 5000000 || p.MarketingBudgetPct != 2 ||
		len(p.PriceFloors) != 1 || p.PriceFloors[0].MinUnitPrice.Minor != 90000 || len(p.BonusTiers) != 1 {
		t.Fatalf("policy = %+v", p)
	}
	var pols struct {
		Policy   struct{ Year int }
		Policies []struct{ Year int }
		None     *struct{ Year int }
	}
	w.ok(`{ policy(year: 2026) { year } policies { year } none: policy(year: 2001) { year } }`, nil, &pols)
	if pols.Policy.Year != 2026 || len(pols.Policies) != 1 || pols.None != nil {
		t.Fatalf("policies = %+v", pols)
	}

	register := `mutation($in: RegisterDealInput!) { registerDeal(input: $in) { deal { ` + dealFields + ` } } }`
	in := map[string]any{"customerId": cust, "channel": map[string]any{"kind": "DEALER", "dealerId": w.subID}, "productLineId": pumps,
		"quantity": 3, "unitPrice": map[string]any{"minor": 100000, "currency": "EUR"}, "prepaid": map[string]any{"minor": 50000, "currency": "EUR"},
		"expectedClose": "2026-09-30", "idempotencyKey": "reg-1"}
	var reg struct{ RegisterDeal struct{ Deal dealOut } }
	w.ok(register, map[string]any{"in": in}, &reg)
	d := reg.RegisterDeal.Deal
	// The stage depends on the policy of the current year; the test year's
	// policy exists only if the clock says 2026.
	if d.Amount.Minor != 300000 || d.Prepaid.Minor != 50000 || d.Customer.Name != "Agro" || d.Channel.Kind != "DEALER" ||
		d.Channel.Dealer.Code != "BG-01-Y" || d.ProductLine.Code != "pumps" || *d.ExpectedClose != "2026-09-30" {
		t.Fatalf("deal = %+v", d)
	}
	var again struct{ RegisterDeal struct{ Deal dealOut } }
	w.ok(register, map[string]any{"in": in}, &again)
	if again.RegisterDeal.Deal.ID != d.ID {
		t.Fatalf("idempotent retry made deal %s after %s", again.RegisterDeal.Deal.ID, d.ID)
	}
	if d.Stage == "PENDING_APPROVAL" {
		var ap struct{ ApproveDeal struct{ Deal dealOut } }
		w.ok(`mutation($id: ID!) { approveDeal(input: {id: $id}) { deal { `+dealFields+` } } }`, map[string]any{"id": d.ID}, &ap)
		if ap.ApproveDeal.Deal.Stage != "REGISTERED" || ap.ApproveDeal.Deal.ProtectedUntil == nil {
			t.Fatalf("approved = %+v", ap.ApproveDeal.Deal)
		}
	}
	var up struct{ UpdateDeal struct{ Deal dealOut } }
	w.ok(`mutation($id: ID!) { updateDeal(input: {id: $id, quantity: 4, unitPrice: {minor: 110000, currency: "EUR"}, stage: QUOTED, expectedClose: "2026-10-01"}) { deal { `+dealFields+` } } }`,
		map[string]any{"id": d.ID}, &up)
	if up.UpdateDeal.Deal.Amount.Minor != 440000 || up.UpdateDeal.Deal.Stage != "QUOTED" || *up.UpdateDeal.Deal.ExpectedClose != "2026-10-01" {
		t.Fatalf("updated = %+v", up.UpdateDeal.Deal)
	}
	var cl struct{ CloseDeal struct{ Deal dealOut } }
	w.ok(`mutation($id: ID!) { closeDeal(input: {id: $id, outcome: WON, reason: "signed"}) { deal { `+dealFields+` } } }`, map[string]any{"id": d.ID}, &cl)
	if cl.CloseDeal.Deal.Stage != "WON" || cl.CloseDeal.Deal.ClosedAt == nil || cl.CloseDeal.Deal.CloseReason != "signed" {
		t.Fatalf("closed = %+v", cl.CloseDeal.Deal)
	}
	w.fail(`mutation($id: ID!) { closeDeal(input: {id: $id, outcome: LOST}) { deal { id } } }`, map[string]any{"id": d.ID}, "CONFLICT", "")

	// Reject: a second deal, pending when the policy of this year asks
	// for approval; otherwise rejecting it is a conflict.
	delete(in, "idempotencyKey")
	in["channel"] = map[string]any{"kind": "DIRECT"}
	delete(in, "prepaid")
	var second struct{ RegisterDeal struct{ Deal dealOut } }
	w.ok(register, map[string]any{"in": in}, &second)
	if second.RegisterDeal.Deal.Channel.Dealer != nil {
		t.Fatalf("direct deal has a dealer")
	}
	rejectQ := `mutation($id: ID!) { rejectDeal(input: {id: $id, reason: "duplicate"}) { deal { ` + dealFields + ` } } }`
	if second.RegisterDeal.Deal.Stage == "PENDING_APPROVAL" {
		var rj struct{ RejectDeal struct{ Deal dealOut } }
		w.ok(rejectQ, map[string]any{"id": second.RegisterDeal.Deal.ID}, &rj)
		if rj.RejectDeal.Deal.Stage != "CANCELLED" || rj.RejectDeal.Deal.CloseReason != "duplicate" {
			t.Fatalf("rejected = %+v", rj.RejectDeal.Deal)
		}
	} else {
		w.fail(rejectQ, map[string]any{"id": second.RegisterDeal.Deal.ID}, "CONFLICT", "")
	}

	var deals struct {
		Deals struct {
			TotalCount int
			Edges      []struct{ Node dealOut }
		}
		Deal     dealOut
		Customer struct {
			DealCount, OpenDealCount int
			Deals                    struct{ TotalCount int }
		}
	}
	w.ok(`query($id: ID!, $c: ID!) { deals(first: 10, filter: {stages: [WON], dealerId: "`+w.subID+`"}, orderBy: {field: AMOUNT, direction: ASC}) { totalCount edges { node { `+dealFields+` } } }
		deal(id: $id) { `+dealFields+` } customer(id: $c) { dealCount openDealCount deals(filter: {openOnly: true}) { totalCount } } }`,
		map[string]any{"id": d.ID, "c": cust}, &deals)
	if deals.Deals.TotalCount != 1 || deals.Deal.Stage != "WON" || deals.Customer.DealCount != 2 {
		t.Fatalf("deals = %+v", deals)
	}
	var plan struct {
		SetDealerPlan struct {
			Plan struct {
				Actual        struct{ Minor int64 }
				AttainmentPct float64
			}
		}
	}
	// The won deal counts toward the plan of the year it closed in.
	var closedYear int
	fmt.Sscanf((*cl.CloseDeal.Deal.ClosedAt)[:4], "%d", &closedYear)
	w.ok(`mutation($d: ID!, $y: Int!) { setDealerPlan(input: {dealerId: $d, year: $y, plannedVolume: {minor: 880000, currency: "EUR"}}) { plan { actual { minor } attainmentPct } } }`,
		map[string]any{"d": w.subID, "y": closedYear}, &plan)
	if plan.SetDealerPlan.Plan.Actual.Minor != 440000 || plan.SetDealerPlan.Plan.AttainmentPct != 50 {
		t.Fatalf("plan = %+v", plan)
	}
}

func TestCustomerMutations(t *testing.T) {
	w := newWorld(t)
	in := map[string]any{"name": "Ромашка ООО", "taxId": "RU 7701234567", "regionId": w.regionID["eu.bg"], "segment": "RETAIL",
		"size": "LARGE", "keyAccount": true, "keyAccountReason": "federal", "idempotencyKey": "c-1",
		"owner": map[string]any{"kind": "DEALER", "dealerId": w.distID}}
	var created struct {
		CreateCustomer struct {
			Customer struct {
				ID, Name, Size string
				TaxID          *string
				KeyAccount     bool
				Owner          struct {
					Kind   string
					Dealer struct{ Code string }
				}
				OwnershipHistory []struct{ How, ToKind string }
			}
		}
	}
	w.ok(createCustomer, map[string]any{"input": in}, &created)
	c := created.CreateCustomer.Customer
	if *c.TaxID != "RU 7701234567" || c.Size != "LARGE" || !c.KeyAccount || c.Owner.Dealer.Code != "BG-01" || len(c.OwnershipHistory) != 1 {
		t.Fatalf("created = %+v", c)
	}
	var again struct {
		CreateCustomer struct{ Customer struct{ ID string } }
	}
	w.ok(createCustomer, map[string]any{"input": in}, &again)
	if again.CreateCustomer.Customer.ID != c.ID {
		t.Fatalf("retry created %s after %s", again.CreateCustomer.Customer.ID, c.ID)
	}
	var upd struct {
		UpdateCustomer struct {
			Customer struct {
				Name, Segment, Size string
				TaxID               *string
				Region              struct{ Path string }
			}
		}
	}
	w.ok(`mutation($id: ID!, $r: ID!) { updateCustomer(input: {id: $id, name: "Romashka LLC", taxId: "", regionId: $r, segment: PUBLIC, size: MEDIUM}) {
		customer { name segment size taxId region { path } } } }`, map[string]any{"id": c.ID, "r": w.regionID["eu.ro"]}, &upd)
	u := upd.UpdateCustomer.Customer
	if u.Name != "Romashka LLC" || u.TaxID != nil || u.Region.Path != "eu.ro" || u.Segment != "PUBLIC" || u.Size != "MEDIUM" {
		t.Fatalf("updated = %+v", u)
	}
	var key struct {
		SetKeyAccount struct {
			Customer struct {
				KeyAccount       bool
				KeyAccountReason string
			}
		}
	}
	w.ok(`mutation($id: ID!) { setKeyAccount(input: {customerId: $id, keyAccount: false}) { customer { keyAccount keyAccountReason } } }`, map[string]any{"id": c.ID}, &key)
	if key.SetKeyAccount.Customer.KeyAccount || key.SetKeyAccount.Customer.KeyAccountReason != "" {
		t.Fatalf("key account = %+v", key)
	}
	var tr struct {
		TransferCustomer struct {
			Customer struct{ Owner struct{ Kind string } }
			Change   struct {
				ID, How, Reason, DecidedBy, At string
				FromKind                       string
				FromDealer                     struct{ Code string }
				ToKind                         string
				ToDealer                       *struct{ Code string }
			}
		}
	}
	w.ok(`mutation($id: ID!) { transferCustomer(input: {customerId: $id, to: {kind: UNASSIGNED}, reason: "contract ended"}) {
		customer { owner { kind } } change { id how reason decidedBy at fromKind fromDealer { code } toKind toDealer { code } } } }`, map[string]any{"id": c.ID}, &tr)
	ch := tr.TransferCustomer.Change
	if tr.TransferCustomer.Customer.Owner.Kind != "UNASSIGNED" || ch.How != "TRANSFER" || ch.FromKind != "DEALER" || ch.FromDealer.Code != "BG-01" || ch.ToDealer != nil {
		t.Fatalf("transfer = %+v", tr)
	}
	var node struct {
		Node struct {
			Typename string `json:"__typename"`
			Reason   string
		}
	}
	w.ok(`query($id: ID!) { node(id: $id) { __typename ... on OwnershipChange { reason } } }`, map[string]any{"id": ch.ID}, &node)
	if node.Node.Typename != "OwnershipChange" || node.Node.Reason != "contract ended" {
		t.Fatalf("node = %+v", node)
	}
}

func TestNodeRoundTrips(t *testing.T) {
	w := newWorld(t)
	cust := w.customer("Agro", "DEALER", w.subID, "eu.bg.yambol")
	pumps := w.productLineID("pumps")
	var reg struct {
		RegisterDeal struct{ Deal struct{ ID string } }
	}
	w.ok(`mutation($c: ID!, $p: ID!) { registerDeal(input: {customerId: $c, channel: {kind: DIRECT}, productLineId: $p, quantity: 1, unitPrice: {minor: 1, currency: "EUR"}}) { deal { id } } }`,
		map[string]any{"c": cust, "p": pumps}, &reg)
	terr := w.id(`mutation($d: ID!, $r: ID!) { assignTerritory(input: {dealerId: $d, regionId: $r, exclusive: false, validFrom: "2026-01-01"}) { assignment { id } } }`,
		map[string]any{"d": w.distID, "r": w.regionID["eu.bg"]}, "assignTerritory", "assignment", "id")
	pol := w.id(`mutation { setPolicy(input: {year: 2031, currency: "EUR", directSaleThreshold: 1}) { policy { id } } }`, nil, "setPolicy", "policy", "id")
	ids := map[string]string{
		w.distID: "Dealer", w.regionID["eu"]: "Region", pumps: "ProductLine", terr: "TerritoryAssignment",
		cust: "Customer", reg.RegisterDeal.Deal.ID: "Deal", pol: "Policy",
	}
	for id, typ := range ids {
		var out struct {
			Node *struct {
				Typename string `json:"__typename"`
				ID       string
			}
		}
		w.ok(`query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": id}, &out)
		if out.Node == nil || out.Node.ID != id || out.Node.Typename != typ {
			t.Errorf("node(%s) = %+v, want a %s", id, out.Node, typ)
		}
	}
	var many struct {
		Nodes []*struct {
			ID string
		}
	}
	// An id of a deleted or never-created object is null in its place.
	missing := "Q3VzdG9tZXI6OTk5OTk" // Customer:99999
	w.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []string{cust, missing, w.subID}}, &many)
	if len(many.Nodes) != 3 || many.Nodes[0].ID != cust || many.Nodes[1] != nil || many.Nodes[2].ID != w.subID {
		t.Fatalf("nodes = %+v", many.Nodes)
	}
	w.fail(`{ node(id: "not-an-id!") { id } }`, nil, "BAD_USER_INPUT", "id")
	tooMany := make([]string, 201)
	for i := range tooMany {
		tooMany[i] = cust
	}
	w.fail(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": tooMany}, "BAD_USER_INPUT", "ids")
	// An id of the wrong type for a field is bad input, not a silent miss.
	w.fail(`query($id: ID!) { customer(id: $id) { id } }`, map[string]any{"id": w.distID}, "BAD_USER_INPUT", "id")
	var none struct{ Customer *struct{ ID string } }
	w.ok(`query($id: ID!) { customer(id: $id) { id } }`, map[string]any{"id": missing}, &none)
	if none.Customer != nil {
		t.Fatalf("missing customer = %+v", none.Customer)
	}
}

func TestErrors(t *testing.T) {
	w := newWorld(t)
	cust := w.customer("Agro", "DEALER", w.subID, "eu.bg.yambol")
	pumps := w.productLineID("pumps")
	register := `mutation($in: RegisterDealInput!) { registerDeal(input: $in) { deal { id } } }`
	deal := func(edit func(map[string]any)) map[string]any {
		in := map[string]any{"customerId": cust, "channel": map[string]any{"kind": "DIRECT"}, "productLineId": pumps,
			"quantity": 1, "unitPrice": map[string]any{"minor": 100, "currency": "EUR"}}
		edit(in)
		return map[string]any{"in": in}
	}
	w.fail(register, deal(func(in map[string]any) { in["quantity"] = 0 }), "BAD_USER_INPUT", "input.quantity")
	w.fail(register, deal(func(in map[string]any) { in["unitPrice"] = map[string]any{"minor": 1, "currency": "eur"} }), "BAD_USER_INPUT", "input.unitPrice.currency")
	w.fail(register, deal(func(in map[string]any) { in["channel"] = map[string]any{"kind": "DEALER"} }), "BAD_USER_INPUT", "input.channel.dealerId")
	w.fail(register, deal(func(in map[string]any) { in["customerId"] = w.distID }), "BAD_USER_INPUT", "input.customerId")
	w.fail(register, deal(func(in map[string]any) { in["customerId"] = "garbage" }), "BAD_USER_INPUT", "input.customerId")
	w.fail(register, deal(func(in map[string]any) { in["expectedClose"] = "next tuesday" }), "BAD_USER_INPUT", "")
	w.fail(register, deal(func(in map[string]any) { in["unitPrice"] = map[string]any{"minor": "lots", "currency": "EUR"} }), "BAD_USER_INPUT", "")
	w.fail(createCustomer, map[string]any{"input": map[string]any{"name": " ", "regionId": w.regionID["eu"], "segment": "RETAIL"}}, "BAD_USER_INPUT", "input.name")
	w.fail(createCustomer, map[string]any{"input": map[string]any{"name": "X", "regionId": w.regionID["eu"], "segment": "RETAIL", "owner": map[string]any{"kind": "DEALER"}}},
		"BAD_USER_INPUT", "input.owner.dealerId")
	w.fail(createDealer, map[string]any{"input": map[string]any{"code": "S-1", "name": "S", "kind": "SUBDEALER", "contractStart": "2025-01-01"}}, "BAD_USER_INPUT", "input.parentId")
	w.fail(createDealer, map[string]any{"input": map[string]any{"code": "BG-01", "name": "Again", "kind": "DEALER", "contractStart": "2025-01-01"}}, "CONFLICT", "")
	w.fail(`mutation($d: ID!) { assignTerritory(input: {dealerId: $d, regionId: $d, exclusive: false, validFrom: "2026-01-01"}) { assignment { id } } }`,
		map[string]any{"d": w.distID}, "BAD_USER_INPUT", "input.regionId")
	w.fail(`mutation { setPolicy(input: {year: 2026, currency: "EUR", directSaleThreshold: 1, marketingBudgetPct: 9}) { policy { id } } }`, nil, "BAD_USER_INPUT", "input.marketingBudgetPct")

	// A duplicate tax id is a conflict with a message a person understands.
	mk := map[string]any{"input": map[string]any{"name": "First", "taxId": "BG 111222333", "regionId": w.regionID["eu"], "segment": "RETAIL"}}
	w.ok(createCustomer, mk, nil)
	mk["input"].(map[string]any)["name"] = "Second"
	mk["input"].(map[string]any)["taxId"] = "111-222-333"
	e := w.fail(createCustomer, mk, "CONFLICT", "")
	if !contains(e.Message, "tax id") || contains(e.Message, "customers_tax_id_norm_key") {
		t.Errorf("conflict message = %q", e.Message)
	}

	// Page size over the cap.
	w.fail(`{ customers(first: 201) { totalCount } }`, nil, "BAD_USER_INPUT", "first")
	w.fail(`{ customers(first: 5, after: "bogus") { totalCount } }`, nil, "BAD_USER_INPUT", "after")
	// Schema validation errors keep gqlparser's code.
	e = w.fail(`{ customers { nope } }`, nil, "GRAPHQL_VALIDATION_FAILED", "")
	if !contains(e.Message, "nope") {
		t.Errorf("validation message = %q", e.Message)
	}

	// An internal error: the client sees a generic message, the log the cause.
	if _, err := w.st.DB().ExecContext(t.Context(), `ALTER TABLE ownership_changes RENAME TO ownership_changes_gone`); err != nil {
		t.Fatal(err)
	}
	r := w.do(`{ customers(first: 5) { edges { node { name ownershipHistory { at } } } } }`, nil)
	if len(r.Errors) == 0 {
		t.Fatal("no error from a missing table")
	}
	for _, e := range r.Errors {
		if e.Message != "Internal error." || e.Extensions["code"] != "INTERNAL" || contains(e.Message, "ownership_changes") {
			t.Fatalf("internal error leaked: %+v", e)
		}
	}
	if !contains(w.log.String(), "ownership_changes") {
		t.Errorf("the real error was not logged: %s", w.log.String())
	}
}

func TestCursorsPageThroughEverything(t *testing.T) {
	w := newWorld(t)
	for i := 0; i < 23; i++ {
		w.customer(fmt.Sprintf("Customer %02d", i%7), "UNASSIGNED", "", "eu.bg")
	}
	for _, order := range []map[string]any{nil, {"field": "NAME", "direction": "DESC"}, {"field": "CREATED_AT"}, {"field": "OWNER_SINCE", "direction": "DESC"}} {
		seen := map[string]bool{}
		var after any
		pages := 0
		for {
			var p customersPage
			w.ok(customersScreen, map[string]any{"first": 5, "after": after, "orderBy": order}, &p)
			pages++
			for _, e := range p.Customers.Edges {
				if seen[e.Node.ID] {
					t.Fatalf("order %v: %s repeated", order, e.Node.ID)
				}
				seen[e.Node.ID] = true
			}
			if p.Customers.TotalCount != 23 || (after != nil) != p.Customers.PageInfo.HasPreviousPage {
				t.Fatalf("page info = %+v", p.Customers.PageInfo)
			}
			if !p.Customers.PageInfo.HasNextPage {
				break
			}
			after = *p.Customers.PageInfo.EndCursor
		}
		if len(seen) != 23 || pages != 5 {
			t.Fatalf("order %v: %d customers in %d pages", order, len(seen), pages)
		}
	}
}

func TestGETServesQueriesOnly(t *testing.T) {
	w := newWorld(t)
	get := func(q string) (int, response) {
		t.Helper()
		res, err := http.Get(w.url + "?query=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		var r response
		_ = json.Unmarshal(raw, &r)
		return res.StatusCode, r
	}
	code, r := get(`{ regions { path } }`)
	if code != http.StatusOK || len(r.Errors) != 0 || !contains(string(r.Data), "eu.bg") {
		t.Fatalf("GET query: %d %+v", code, r)
	}
	_, r = get(`mutation { setPolicy(input: {year: 2026, currency: "EUR", directSaleThreshold: 1}) { policy { id } } }`)
	if len(r.Errors) == 0 {
		t.Fatal("GET ran a mutation")
	}
	var pols struct{ Policies []struct{ Year int } }
	w.ok(`{ policies { year } }`, nil, &pols)
	if len(pols.Policies) != 0 {
		t.Fatal("the GET mutation changed data")
	}
}
