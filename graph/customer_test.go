package graph_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

// world is a small channel built through the store (regions and product
// lines have no mutations) and the API.
type world struct {
	*env
	eu, bg, yambol, ro channel.Region
	pumps, valves      channel.ProductLine
	distID, subID      string
	regionID           map[string]string
}

func newWorld(t *testing.T) *world { return newWorldEnv(t, newEnv(t)) }

func newWorldEnv(t *testing.T, e *env) *world {
	t.Helper()
	w := &world{env: e, regionID: map[string]string{}}
	ctx := context.Background()
	mk := func(path, name, country string) channel.Region {
		r, err := w.st.CreateRegion(ctx, channel.Region{Path: path, Name: name, Country: country})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	w.eu, w.bg, w.yambol, w.ro = mk("eu", "Europe", ""), mk("eu.bg", "Bulgaria", "BG"), mk("eu.bg.yambol", "Yambol", "BG"), mk("eu.ro", "Romania", "RO")
	var err error
	if w.pumps, err = w.st.CreateProductLine(ctx, channel.ProductLine{Code: "pumps", Name: "Pumps"}); err != nil {
		t.Fatal(err)
	}
	if w.valves, err = w.st.CreateProductLine(ctx, channel.ProductLine{Code: "valves", Name: "Valves"}); err != nil {
		t.Fatal(err)
	}
	var regions struct {
		Regions []struct{ ID, Path string }
	}
	w.ok(`{ regions { id path } }`, nil, &regions)
	for _, r := range regions.Regions {
		w.regionID[r.Path] = r.ID
	}
	w.distID = w.id(createDealer, map[string]any{"input": map[string]any{
		"code": "BG-01", "name": "Balkan Pumps", "kind": "DISTRIBUTOR", "homeRegionId": w.regionID["eu.bg"], "contractStart": "2025-01-01",
	}}, "createDealer", "dealer", "id")
	w.subID = w.id(createDealer, map[string]any{"input": map[string]any{
		"code": "BG-01-Y", "name": "Yambol Agro", "kind": "SUBDEALER", "parentId": w.distID, "homeRegionId": w.regionID["eu.bg.yambol"], "contractStart": "2025-01-01",
	}}, "createDealer", "dealer", "id")
	return w
}

const createDealer = `mutation($input: CreateDealerInput!) { createDealer(input: $input) { dealer { id code name kind parent { id } } } }`

const createCustomer = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer {
	id name taxId segment size keyAccount owner { kind since dealer { id name code } } ownershipHistory { how toKind toDealer { code } }
} } }`

func (w *world) customer(name, owner, dealerID, region string) string {
	w.t.Helper()
	in := map[string]any{"name": name, "regionId": w.regionID[region], "segment": "AGRICULTURE", "owner": map[string]any{"kind": owner}}
	if dealerID != "" {
		in["owner"].(map[string]any)["dealerId"] = dealerID
	}
	return w.id(createCustomer, map[string]any{"input": in}, "createCustomer", "customer", "id")
}

// customersScreen is the query the Customers screen sends.
const customersScreen = `query($first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
	customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
		totalCount
		edges { cursor node {
			id name taxId country region { name path } segment size keyAccount dealCount openDealCount
			owner { kind since dealer { id name code } }
			ownershipHistory { id at how reason fromKind fromDealer { name } toKind toDealer { name } }
		} }
		pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	}
}`

type customersPage struct {
	Customers struct {
		TotalCount int
		Edges      []struct {
			Cursor string
			Node   struct {
				ID, Name, Segment, Size string
				TaxID                   *string
				Country                 *string
				KeyAccount              bool
				DealCount               int
				OpenDealCount           int
				Region                  struct{ Name, Path string }
				Owner                   struct {
					Kind, Since string
					Dealer      *struct{ ID, Name, Code string }
				}
				OwnershipHistory []struct {
					ID, At, How, Reason, ToKind string
					FromKind                    *string
					ToDealer                    *struct{ Name string }
				}
			}
		}
		PageInfo struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
	}
}

func TestCustomersScreen(t *testing.T) {
	w := newWorld(t)
	w.customer("Agro Yambol", "DEALER", w.subID, "eu.bg.yambol")
	direct := w.customer("Bucharest Water", "DIRECT", "", "eu.ro")
	w.customer("Nobody's Farm", "UNASSIGNED", "", "eu.bg")
	w.ok(`mutation($id: ID!) { transferCustomer(input: {customerId: $id, to: {kind: DEALER, dealerId: "`+w.distID+`"}, reason: "moved"}) { change { how } } }`,
		map[string]any{"id": direct}, nil)

	var p customersPage
	w.ok(customersScreen, map[string]any{"first": 50}, &p)
	c := p.Customers
	if c.TotalCount != 3 || len(c.Edges) != 3 || c.PageInfo.HasNextPage {
		t.Fatalf("page = %+v", c)
	}
	byName := map[string]int{}
	for i, e := range c.Edges {
		byName[e.Node.Name] = i
	}
	agro := c.Edges[byName["Agro Yambol"]].Node
	if agro.Owner.Kind != "DEALER" || agro.Owner.Dealer == nil || agro.Owner.Dealer.Name != "Yambol Agro" || agro.Owner.Dealer.Code != "BG-01-Y" {
		t.Errorf("agro owner = %+v", agro.Owner)
	}
	if agro.Region.Path != "eu.bg.yambol" || agro.Country == nil || *agro.Country != "BG" || agro.TaxID != nil {
		t.Errorf("agro region = %+v country %v tax %v", agro.Region, agro.Country, agro.TaxID)
	}
	if len(agro.OwnershipHistory) != 1 || agro.OwnershipHistory[0].How != "INITIAL" || agro.OwnershipHistory[0].FromKind != nil {
		t.Errorf("agro history = %+v", agro.OwnershipHistory)
	}
	moved := c.Edges[byName["Bucharest Water"]].Node
	if moved.Owner.Kind != "DEALER" || moved.Owner.Dealer.Name != "Balkan Pumps" {
		t.Errorf("moved owner = %+v", moved.Owner)
	}
	h := moved.OwnershipHistory
	if len(h) != 2 || h[1].How != "TRANSFER" || *h[1].FromKind != "DIRECT" || h[1].ToDealer.Name != "Balkan Pumps" || h[1].Reason != "moved" {
		t.Errorf("moved history = %+v", h)
	}
	if _, err := time.Parse(time.RFC3339Nano, moved.Owner.Since); err != nil {
		t.Errorf("since %q is not RFC 3339", moved.Owner.Since)
	}
	nobody := c.Edges[byName["Nobody's Farm"]].Node
	if nobody.Owner.Kind != "UNASSIGNED" || nobody.Owner.Dealer != nil {
		t.Errorf("unassigned owner = %+v", nobody.Owner)
	}

	// Filters the screen offers: owner kind, owner dealer, region subtree, text.
	count := func(filter map[string]any) int {
		t.Helper()
		var p customersPage
		w.ok(customersScreen, map[string]any{"filter": filter}, &p)
		return p.Customers.TotalCount
	}
	for _, tc := range []struct {
		filter map[string]any
		want   int
	}{
		{map[string]any{"ownerKind": "DEALER"}, 2},
		{map[string]any{"ownerDealerId": w.subID}, 1},
		{map[string]any{"regionId": w.regionID["eu.bg"]}, 2},
		{map[string]any{"regionId": w.regionID["eu"]}, 3},
		{map[string]any{"search": "bucharest"}, 1},
		{map[string]any{"search": "AGRO", "ownerKind": "DEALER"}, 1},
		{map[string]any{"keyAccount": true}, 0},
	} {
		if n := count(tc.filter); n != tc.want {
			t.Errorf("filter %v: %d customers, want %d", tc.filter, n, tc.want)
		}
	}
}

func TestCustomerListQueryCountIsFixed(t *testing.T) {
	// A generous loader wait: with the race detector on a loaded two-core
	// machine, starting a page's resolver goroutines can take tens of
	// milliseconds, and the count must not depend on the machine.
	w := newWorldEnv(t, newEnvWait(t, 300*time.Millisecond))
	ctx := context.Background()
	dealers := make([]int64, 5)
	for i := range dealers {
		d, err := w.st.CreateDealer(ctx, store.DealerCreate{Code: fmt.Sprintf("D-%d", i), Name: fmt.Sprintf("Dealer %d", i),
			Kind: channel.DealerKindDealer, ContractStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		dealers[i] = d.ID
	}
	regions := []int64{w.bg.ID, w.yambol.ID, w.ro.ID}
	for i := 0; i < 100; i++ {
		c, err := w.st.CreateCustomer(ctx, store.CustomerCreate{Name: fmt.Sprintf("Customer %03d", i), RegionID: regions[i%3],
			Segment: channel.Retail, OwnerKind: channel.OwnerDealer, OwnerDealerID: dealers[i%5]})
		if err != nil {
			t.Fatal(err)
		}
		if i%4 == 0 {
			if _, err := w.st.RegisterDeal(ctx, store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDirect, ProductLineID: w.pumps.ID,
				Quantity: 1, UnitPrice: channel.Money{Minor: 100, Currency: "EUR"}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	const q = `query($first: Int) { customers(first: $first) { totalCount edges { node {
		name country owner { kind dealer { name } } region { name } dealCount openConflictCount ownershipHistory { at }
	} } } }`
	measure := func(first int) int64 {
		t.Helper()
		var p customersPage
		before, begins := w.queries.n.Load(), w.queries.begins.Load()
		w.ok(q, map[string]any{"first": first}, &p)
		n := w.queries.n.Load() - before
		// Every read of the request shares one transaction as the viewer
		// (store.WithRequestTx), not one per dataloader.
		if b := w.queries.begins.Load() - begins; b != 1 {
			t.Errorf("the request opened %d transactions, want 1", b)
		}
		if len(p.Customers.Edges) != first {
			t.Fatalf("got %d customers, want %d", len(p.Customers.Edges), first)
		}
		for _, e := range p.Customers.Edges {
			if e.Node.Owner.Dealer == nil || e.Node.Region.Name == "" || len(e.Node.OwnershipHistory) != 1 {
				t.Fatalf("incomplete customer %+v", e.Node)
			}
		}
		return n
	}
	ten, hundred := measure(10), measure(100)
	t.Logf("SQL queries: %d for 10 customers, %d for 100", ten, hundred)
	if ten != hundred {
		for _, q := range w.queries.since(int(w.queries.n.Load() - hundred)) {
			t.Log(q)
		}
		t.Fatalf("10 customers took %d queries, 100 took %d: some edge is not batched", ten, hundred)
	}
	// count + page + dealer + region (and country) + deal counts + open
	// conflict counts + history: the list resolver's prefetch and the
	// fields share each batch.
	if hundred != 7 {
		t.Fatalf("100 customers took %d queries, want 7", hundred)
	}
}
