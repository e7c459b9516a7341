package graph_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"channelboard/channel"
	"channelboard/store"
)

// A dealer's subscription, with or without another dealer's id in its
// filter, never carries an event of a conflict the dealer is not party to.
func TestDealerSubscriptionIsolation(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{})
	w := newConflictWorldEnv(t, fe.env)
	mk := func(name, region, dealer string) string {
		return w.id(createCustomer, map[string]any{"input": map[string]any{
			"name": name, "regionId": w.regionID[region], "segment": "RETAIL",
			"owner": map[string]any{"kind": "DEALER", "dealerId": dealer}}}, "createCustomer", "customer", "id")
	}
	depot := mk("Balkan Depot", "eu.bg", w.distID)
	roShop := mk("Carpati Shop", "eu.ro", w.roID)
	shared := mk("Shared Mill", "eu.bg.yambol", w.distID)

	ro := channel.Viewer{UserID: 42, Role: channel.RoleDealer, DealerID: dbID(t, w.roID), DealerName: "Carpati SRL"}
	b, _ := json.Marshal(ro)
	conn, _, err := fe.dial(http.Header{viewerHeader: []string{string(b)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &wsClient{t: t, c: conn}
	defer c.close()
	c.send(wsMsg{Type: "connection_init"})
	if m := c.next(); m.Type != "connection_ack" {
		t.Fatalf("got %s", m.Type)
	}
	c.subscribe("all", nil, nil)
	c.subscribe("other", nil, map[string]any{"dealerId": w.distID})

	// Each subscription's first event, whatever order they interleave in.
	first := map[string]feedEvent{}
	read := func(want string) feedEvent {
		t.Helper()
		for {
			if ev, ok := first[want]; ok {
				return ev
			}
			m := c.next()
			if m.Type != "next" {
				t.Fatalf("got %s %s", m.Type, m.Payload)
			}
			var p struct {
				Data   struct{ ConflictEvents feedEvent }
				Errors []gqlError
			}
			if err := json.Unmarshal(m.Payload, &p); err != nil || len(p.Errors) > 0 {
				t.Fatalf("payload %s: %v", m.Payload, err)
			}
			if _, seen := first[m.ID]; !seen {
				first[m.ID] = p.Data.ConflictEvents
			}
		}
	}

	// The distributor's own conflict (a price below the floor) comes
	// first in the log; the dealer must never see it.
	w.register(depot, w.distID, w.pumpsID, 1, 43_210)
	// Then one of the dealer's own, and one it shares with the distributor.
	w.register(roShop, w.roID, w.pumpsID, 1, 41_000)
	w.register(shared, w.distID, w.pumpsID, 1, 60_000)
	w.register(shared, w.roID, w.pumpsID, 1, 61_000)

	kindOf := func(ev feedEvent) string {
		var out struct {
			Node struct {
				Customer *struct{ Name string }
				Parties  struct{ Dealers []struct{ ID string } }
			}
		}
		w.as(ro).ok(`query($id: ID!) { node(id: $id) { ... on Conflict { customer { name } parties { dealers { id } } } } }`, map[string]any{"id": ev.Conflict.ID}, &out)
		if out.Node.Customer == nil {
			return ""
		}
		return out.Node.Customer.Name
	}
	all := read("all")
	if name := kindOf(all); name != "Carpati Shop" {
		t.Errorf("the dealer's first event is about %q (%s), want its own Carpati Shop conflict", name, all.Conflict.Kind)
	}
	other := read("other")
	if name := kindOf(other); name != "Shared Mill" {
		t.Errorf("filtered by the distributor, the dealer's first event is about %q (%s), want the shared Shared Mill conflict", name, other.Conflict.Kind)
	}
}
