package graph_test

import (
	"context"
	"strings"
	"testing"
)

// The story of seed 000, end to end through the GraphQL handler.
func TestSeed000Story(t *testing.T) {
	w := newConflictWorld(t)
	// A dealer has worked the customer for a year: it is the dealer's.
	cust := w.customer("Агро Ямбол ЕООД", "DEALER", w.distID, "eu.bg.yambol")
	// The dealer registers the deal and records the prepayment it made.
	dealerDeal := w.register(cust, w.distID, w.pumpsID, 10, 120_000) // 12,000.00 EUR
	w.ok(`mutation($input: UpdateDealInput!) { updateDeal(input: $input) { deal { prepaid { minor } } } }`, map[string]any{"input": map[string]any{
		"id": dealerDeal, "prepaid": map[string]any{"minor": 300_000, "currency": "EUR"},
	}}, nil)
	// The customer goes to the manufacturer, which opens a direct deal.
	directDeal := w.register(cust, "", w.pumpsID, 10, 120_000)

	c := w.kind(cust, "DIRECT_BYPASS")
	if c.Severity != "CRITICAL" || c.Status != "OPEN" || !hasParty(c, w.distID) || !c.Parties.Direct {
		t.Fatalf("bypass %+v", c)
	}
	wantText := "direct deal of 12,000.00 EUR for Агро Ямбол ЕООД, which is not a key account, while the customer is owned by Balkan Pumps"
	if !strings.HasPrefix(c.Explanation.Text, wantText) || !contains(c.Explanation.Text, "Balkan Pumps has prepaid 3,000.00 EUR") ||
		c.Explanation.Rule != "DIRECT_BYPASS" || c.Explanation.PolicyYear == nil || *c.Explanation.PolicyYear != 2026 {
		t.Fatalf("explanation %+v", c.Explanation)
	}

	// Acknowledged on the board, then resolved for direct sales with an
	// agent commission for the dealer (the policy's 5 % of its deal).
	var ack struct {
		AcknowledgeConflict struct{ Conflict struct{ Status string } }
	}
	w.ok(`mutation($id: ID!) { acknowledgeConflict(input: {id: $id}) { conflict { status } } }`, map[string]any{"id": c.ID}, &ack)
	if ack.AcknowledgeConflict.Conflict.Status != "ACKNOWLEDGED" {
		t.Fatalf("acknowledged: %+v", ack)
	}
	const resolve = `mutation($input: ResolveConflictInput!) { resolveConflict(input: $input) {
		conflict { status resolution resolutionNote closedAt }
		cancelledDeals { id stage closeReason }
		compensation { basis amount { minor currency } dealer { id code } deal { id } conflict { id } }
		ownershipChange { how toKind fromDealer { id } reason }
	} }`
	var res struct {
		ResolveConflict struct {
			Conflict struct {
				Status, Resolution, ResolutionNote string
				ClosedAt                           *string
			}
			CancelledDeals []struct{ ID, Stage, CloseReason string }
			Compensation   *struct {
				Basis  string
				Amount struct {
					Minor    int64
					Currency string
				}
				Dealer   struct{ ID, Code string }
				Deal     *struct{ ID string }
				Conflict struct{ ID string }
			}
			OwnershipChange *struct {
				How, ToKind, Reason string
				FromDealer          *struct{ ID string }
			}
		}
	}
	w.ok(resolve, map[string]any{"input": map[string]any{
		"idempotencyKey": "story-000", "id": c.ID, "resolution": "AWARD_DIRECT",
		"note":         "the customer insisted on buying directly",
		"compensation": map[string]any{"basis": "AGENT_COMMISSION"},
	}}, &res)
	r := res.ResolveConflict
	if r.Conflict.Status != "RESOLVED" || r.Conflict.Resolution != "AWARD_DIRECT" || r.Conflict.ClosedAt == nil {
		t.Fatalf("conflict %+v", r.Conflict)
	}
	if len(r.CancelledDeals) != 1 || r.CancelledDeals[0].ID != dealerDeal || r.CancelledDeals[0].Stage != "CANCELLED" {
		t.Fatalf("cancelled %+v", r.CancelledDeals)
	}
	comp := r.Compensation
	if comp == nil || comp.Basis != "AGENT_COMMISSION" || comp.Amount.Minor != 60_000 || comp.Amount.Currency != "EUR" ||
		comp.Dealer.ID != w.distID || comp.Deal == nil || comp.Deal.ID != dealerDeal || comp.Conflict.ID != c.ID {
		t.Fatalf("compensation %+v", comp)
	}
	if oc := r.OwnershipChange; oc == nil || oc.How != "CONFLICT_RESOLUTION" || oc.ToKind != "DIRECT" || oc.FromDealer == nil || oc.FromDealer.ID != w.distID {
		t.Fatalf("ownership change %+v", r.OwnershipChange)
	}

	// The dealer's compensation, the customer's ownership history, the
	// conflict's events and the deals all show it.
	var after struct {
		Dealer struct {
			Compensations []struct {
				Basis  string
				Amount struct{ Minor int64 }
			}
		}
		Customer struct {
			Owner            struct{ Kind string }
			OwnershipHistory []struct{ How, ToKind, Reason string }
			Conflicts        []struct{ ID, Status string }
		}
		Conflict struct {
			Status string
			Events []struct{ Type string }
		}
		Deal struct {
			Stage     string
			Conflicts []struct{ ID string }
		}
	}
	w.ok(`query($dealer: ID!, $customer: ID!, $conflict: ID!, $deal: ID!) {
		dealer(id: $dealer) { compensations { basis amount { minor } } }
		customer(id: $customer) { owner { kind } ownershipHistory { how toKind reason } conflicts { id status } }
		conflict(id: $conflict) { status events { type } }
		deal(id: $deal) { stage conflicts { id } }
	}`, map[string]any{"dealer": w.distID, "customer": cust, "conflict": c.ID, "deal": directDeal}, &after)
	if cs := after.Dealer.Compensations; len(cs) != 1 || cs[0].Amount.Minor != 60_000 || cs[0].Basis != "AGENT_COMMISSION" {
		t.Fatalf("dealer compensations %+v", cs)
	}
	h := after.Customer.OwnershipHistory
	if after.Customer.Owner.Kind != "DIRECT" || len(h) != 2 || h[0].How != "INITIAL" || h[1].How != "CONFLICT_RESOLUTION" ||
		!contains(h[1].Reason, "the customer insisted") {
		t.Fatalf("ownership %+v %+v", after.Customer.Owner, h)
	}
	var types []string
	for _, e := range after.Conflict.Events {
		types = append(types, e.Type)
	}
	if strings.Join(types, ",") != "OPENED,UPDATED,RESOLVED" {
		t.Fatalf("events %v", types)
	}
	if after.Deal.Stage != "REGISTERED" || len(after.Deal.Conflicts) == 0 {
		t.Fatalf("direct deal %+v", after.Deal)
	}
	// The audit trail has the resolution with before and after.
	log, err := w.st.AuditLog(context.Background(), "conflict", dbID(t, c.ID))
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	if strings.Join(actions, ",") != "acknowledge,resolve" {
		t.Fatalf("conflict audit %v", actions)
	}

	// A retry with the key replays; the same key with another input, and
	// another resolution of the closed conflict, are refused.
	var again struct {
		ResolveConflict struct {
			Compensation *struct{ Amount struct{ Minor int64 } }
		}
	}
	w.ok(resolve, map[string]any{"input": map[string]any{
		"idempotencyKey": "story-000", "id": c.ID, "resolution": "AWARD_DIRECT",
		"note": "the customer insisted on buying directly", "compensation": map[string]any{"basis": "AGENT_COMMISSION"},
	}}, &again)
	if again.ResolveConflict.Compensation == nil || again.ResolveConflict.Compensation.Amount.Minor != 60_000 {
		t.Fatalf("replay %+v", again)
	}
	g := w.fail(resolve, map[string]any{"input": map[string]any{"idempotencyKey": "story-000", "id": c.ID, "resolution": "DISMISS", "note": "x"}}, "CONFLICT", "")
	if !contains(g.Message, "idempotency key reused with a different request") {
		t.Fatalf("message %q", g.Message)
	}
	w.fail(resolve, map[string]any{"input": map[string]any{"id": c.ID, "resolution": "DISMISS", "note": "x"}}, "CONFLICT", "")
}
