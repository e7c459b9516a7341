package graph_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"channelboard/channel"
	"channelboard/store"
)

// Subscribers who may see the same of a conflict and ask the same
// document share one execution of each event; what each receives is what
// it would have received alone, and a dealer's frame never carries what
// another dealer's or staff's execution read.
func TestFeedExecutesEachEventOncePerViewerClass(t *testing.T) {
	fe := newFeedEnv(t, store.HubConfig{})
	w := newConflictWorldEnv(t, fe.env)
	mill := w.customer("Shared Mill", "UNASSIGNED", "", "eu.bg.yambol")
	start, _, _ := fe.eventPage("", 200)
	from := ""
	if len(start) > 0 {
		from = start[len(start)-1].Cursor
	}

	const doc = `subscription($after: String) {
		conflictEvents(after: $after) { cursor type conflict { id kind parties { direct dealers { id name } } explanation { text } } }
	}`
	dist := channel.Viewer{Role: channel.RoleDealer, DealerID: dbID(t, w.distID), DealerName: "Balkan Pumps"}
	ro := channel.Viewer{Role: channel.RoleDealer, DealerID: dbID(t, w.roID), DealerName: "Carpati SRL"}
	viewers := map[string]channel.Viewer{
		"director 1": {UserID: 1, Role: channel.RoleDirector},
		"director 2": {UserID: 2, Role: channel.RoleDirector},
		"dist 1":     withUser(dist, 11),
		"dist 2":     withUser(dist, 12),
		"ro 1":       withUser(ro, 21),
	}
	clients := map[string]*wsClient{}
	for name, v := range viewers {
		b, _ := json.Marshal(v)
		conn, _, err := fe.dial(http.Header{viewerHeader: []string{string(b)}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		c := &wsClient{t: t, c: conn}
		defer c.close()
		c.send(wsMsg{Type: "connection_init"})
		if m := c.next(); m.Type != "connection_ack" {
			t.Fatalf("%s: got %s", name, m.Type)
		}
		payload, _ := json.Marshal(map[string]any{"query": doc, "variables": map[string]any{"after": from}})
		c.send(wsMsg{ID: "s", Type: "subscribe", Payload: payload})
		clients[name] = c
	}
	waitFor(t, "five subscriptions", func() bool { return fe.hub.Subscribers() == len(viewers) })

	// Both dealers register the same customer: a conflict between them.
	w.register(mill, w.distID, w.pumpsID, 1, 60_000)
	w.register(mill, w.roID, w.pumpsID, 1, 61_000)
	events, _, _ := fe.eventPage(from, 200)
	if len(events) == 0 {
		t.Fatal("no conflict event")
	}

	frames := map[string][]string{}
	for name, c := range clients {
		for range events {
			m := c.next()
			if m.Type != "next" {
				t.Fatalf("%s: got %s %s", name, m.Type, m.Payload)
			}
			frames[name] = append(frames[name], string(m.Payload))
		}
	}
	same := func(a, b string) {
		t.Helper()
		if strings.Join(frames[a], "\n") != strings.Join(frames[b], "\n") {
			t.Errorf("%s and %s got different frames:\n%s\n%s", a, b, frames[a], frames[b])
		}
	}
	same("director 1", "director 2")
	same("dist 1", "dist 2")
	all := func(name string) string { return strings.Join(frames[name], "\n") }
	if !strings.Contains(all("director 1"), "Carpati SRL") || !strings.Contains(all("director 1"), "Balkan Pumps") {
		t.Errorf("staff should see both parties: %s", all("director 1"))
	}
	if strings.Contains(all("dist 1"), "Carpati SRL") {
		t.Errorf("the distributor saw the other dealer: %s", all("dist 1"))
	}
	if strings.Contains(all("ro 1"), "Balkan Pumps") {
		t.Errorf("the Romanian dealer saw the distributor: %s", all("ro 1"))
	}

	// Each event executed once per class (staff, each dealer), the rest shared.
	executed, shared := feedFrames(t, fe)
	n := float64(len(events))
	if executed != 3*n || shared != 2*n {
		t.Errorf("%d events: %v frames executed and %v shared, want %v and %v", len(events), executed, shared, 3*n, 2*n)
	}
}

func withUser(v channel.Viewer, id int64) channel.Viewer {
	v.UserID = id
	return v
}

// feedFrames reads channelboard_feed_frames_total.
func feedFrames(t *testing.T, fe *feedEnv) (executed, shared float64) {
	t.Helper()
	reg := prometheus.NewRegistry()
	reg.MustRegister(fe.ops)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "channelboard_feed_frames_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			switch m.GetLabel()[0].GetValue() {
			case "executed":
				executed = m.GetCounter().GetValue()
			case "shared":
				shared = m.GetCounter().GetValue()
			}
		}
	}
	return executed, shared
}
