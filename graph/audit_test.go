package graph_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

// auditEnv serves the API to whichever viewer the test sets with as; nil
// is nobody signed in.
type auditEnv struct {
	*env
	viewer atomic.Pointer[channel.Viewer]
}

func newAuditEnv(t *testing.T) *auditEnv {
	t.Helper()
	st := store.New(storetest.NewDB(t))
	e := &auditEnv{}
	h := graph.NewHandler(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := e.viewer.Load(); v != nil {
			r = r.WithContext(channel.WithViewer(r.Context(), *v))
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.env = &env{t: t, url: srv.URL, st: st}
	return e
}

func (e *auditEnv) as(v *channel.Viewer) *auditEnv {
	e.viewer.Store(v)
	return e
}

type auditPage struct {
	AuditLog struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   string
		}
		Edges []struct {
			Cursor string
			Node   struct {
				ID, Actor, Action, Entity string
				At                        time.Time
				ActorRole, EntityID       *string
				EntityKey                 int64
				Before, After             *string
			}
		}
	}
}

const auditQuery = `query($first: Int, $after: String, $filter: AuditFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at actor actorRole action entity entityId entityKey before after } }
  }
}`

// The director reads who changed what through GraphQL, with the state
// before and after; the viewer of the request that made a change is its
// actor; everyone else is refused.
func TestAuditLogQuery(t *testing.T) {
	e := newAuditEnv(t)
	ctx := context.Background()
	eu, err := e.st.CreateRegion(ctx, channel.Region{Path: "eu", Name: "Europe"})
	if err != nil {
		t.Fatal(err)
	}
	dealer, err := e.st.CreateDealer(ctx, store.DealerCreate{Code: "BG-01", Name: "Balkan Pumps", Kind: channel.Distributor,
		HomeRegionID: eu.ID, ContractStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	director := &channel.Viewer{UserID: 1, Email: "director@example.com", Role: channel.RoleDirector}
	manager := &channel.Viewer{UserID: 2, Email: "manager@example.com", Role: channel.RoleManager}
	analyst := &channel.Viewer{UserID: 3, Email: "analyst@example.com", Role: channel.RoleAnalyst}
	dealerUser := &channel.Viewer{UserID: 4, Email: "dealer-bg-01@example.com", Role: channel.RoleDealer, DealerID: dealer.ID}

	// A manager renames the dealer through the API.
	var upd struct {
		UpdateDealer struct{ Dealer struct{ ID, Name string } }
	}
	e.as(manager).ok(`mutation($id: ID!) { updateDealer(input: {id: $id, name: "Balkan Pumps Ltd"}) { dealer { id name } } }`,
		map[string]any{"id": dealerGID(t, e, dealer.ID)}, &upd)
	gid := upd.UpdateDealer.Dealer.ID

	// The director reads the dealer's entries, newest first.
	var p auditPage
	e.as(director).ok(auditQuery, map[string]any{"filter": map[string]any{"entityId": gid}}, &p)
	l := p.AuditLog
	if l.TotalCount != 2 || len(l.Edges) != 2 {
		t.Fatalf("dealer's log %+v", l)
	}
	upd1, create := l.Edges[0].Node, l.Edges[1].Node
	if upd1.Action != "update" || upd1.Actor != "manager@example.com" || upd1.ActorRole == nil || *upd1.ActorRole != "MANAGER" ||
		upd1.Entity != "dealer" || upd1.EntityID == nil || *upd1.EntityID != gid || upd1.EntityKey != dealer.ID {
		t.Fatalf("update entry %+v", upd1)
	}
	var before, after channel.Dealer
	if upd1.Before == nil || upd1.After == nil {
		t.Fatalf("update entry without before or after: %+v", upd1)
	}
	if err := json.Unmarshal([]byte(*upd1.Before), &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(*upd1.After), &after); err != nil {
		t.Fatal(err)
	}
	if before.Name != "Balkan Pumps" || after.Name != "Balkan Pumps Ltd" {
		t.Fatalf("before %+v after %+v", before, after)
	}
	if create.Action != "create" || create.Actor != store.ActorSystem || create.ActorRole != nil || create.Before != nil || create.After == nil {
		t.Fatalf("create entry %+v", create)
	}

	// Pages follow the cursor, newest first, each entry once.
	var ids []string
	after1 := ""
	for range 10 {
		vars := map[string]any{"first": 2}
		if after1 != "" {
			vars["after"] = after1
		}
		e.as(director).ok(auditQuery, vars, &p)
		for _, ed := range p.AuditLog.Edges {
			ids = append(ids, ed.Node.ID)
		}
		if !p.AuditLog.PageInfo.HasNextPage {
			break
		}
		after1 = p.AuditLog.PageInfo.EndCursor
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("entry %s twice in %v", id, ids)
		}
		seen[id] = true
	}
	if len(ids) != p.AuditLog.TotalCount || len(ids) != 3 {
		t.Fatalf("paged %d entries of %d, want 3 (region, dealer, update)", len(ids), p.AuditLog.TotalCount)
	}

	// Filters by actor and action; a bad entity id is bad input.
	e.as(director).ok(auditQuery, map[string]any{"filter": map[string]any{"actor": "Manager@Example.com", "action": "update"}}, &p)
	if p.AuditLog.TotalCount != 1 {
		t.Fatalf("by actor: %d", p.AuditLog.TotalCount)
	}
	e.as(director).fail(auditQuery, map[string]any{"filter": map[string]any{"entityId": "not an id"}}, channel.EInvalid, "filter.entityId")
	e.as(director).fail(auditQuery, map[string]any{"filter": map[string]any{"entityKey": 1}}, channel.EInvalid, "filter.entity")

	// Nobody else reads the log.
	for _, v := range []*channel.Viewer{manager, analyst, dealerUser} {
		e.as(v).fail(auditQuery, nil, channel.EForbidden, "")
	}
	e.as(nil).fail(auditQuery, nil, channel.EUnauthenticated, "")
}

// dealerGID reads a dealer's global id through the API, as the director.
func dealerGID(t *testing.T, e *auditEnv, id int64) string {
	t.Helper()
	prev := e.viewer.Load()
	defer e.viewer.Store(prev)
	var out struct {
		Dealers struct {
			Edges []struct{ Node struct{ ID, Code string } }
		}
	}
	e.as(&channel.Viewer{UserID: 1, Email: "director@example.com", Role: channel.RoleDirector}).
		ok(`{ dealers(first: 50) { edges { node { id code } } } }`, nil, &out)
	for _, ed := range out.Dealers.Edges {
		if ed.Node.Code == "BG-01" {
			return ed.Node.ID
		}
	}
	t.Fatalf("dealer %d not listed: %+v", id, out)
	return ""
}
