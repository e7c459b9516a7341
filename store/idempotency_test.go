package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"channelboard/channel"
	"channelboard/store"
)

func count(t *testing.T, f *fixture, query string, args ...any) int {
	t.Helper()
	var n int
	if err := f.st.DB().NewRaw(query, args...).Scan(f.ctx, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantReused(t *testing.T, err error) {
	t.Helper()
	wantErr(t, err, channel.EConflict, "")
	if !strings.Contains(channel.ErrorMessage(err), "idempotency key reused with a different request") {
		t.Fatalf("message %q", channel.ErrorMessage(err))
	}
}

// The same key with the same request returns the first response, even
// after the deal changed, and writes nothing; with another request it is
// refused.
func TestRegisterDealReplaysTheFirstResponse(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Keyed Farm", channel.OwnerUnassigned, 0)
	in := store.DealRegister{IdempotencyKey: ptr("reg-42"), CustomerID: c.ID, Channel: channel.ChannelDealer, DealerID: f.sub.ID,
		ProductLineID: f.pumps.ID, Quantity: 3, UnitPrice: channel.Money{Minor: 10_000, Currency: "EUR"}}
	first := must(f.st.RegisterDeal(f.ctx, in))(t)
	must(f.st.UpdateDeal(f.ctx, first.ID, store.DealUpdate{Quantity: ptr(7)}))(t)
	audits := count(t, f, `SELECT count(*) FROM audit_entries`)

	again := must(f.st.RegisterDeal(f.ctx, in))(t)
	if again.ID != first.ID || again.Quantity != 3 || !again.RegisteredAt.Equal(first.RegisteredAt) {
		t.Fatalf("replay %+v, want the first response (deal %d, quantity 3)", again, first.ID)
	}
	if n := count(t, f, `SELECT count(*) FROM deals`); n != 1 {
		t.Fatalf("%d deals", n)
	}
	if n := count(t, f, `SELECT count(*) FROM audit_entries`); n != audits {
		t.Fatalf("a replay wrote %d audit entries", n-audits)
	}
	other := in
	other.Quantity = 4
	_, err := f.st.RegisterDeal(f.ctx, other)
	wantReused(t, err)
	// Another operation under the key is another request too.
	_, err = f.st.CreateCustomer(f.ctx, store.CustomerCreate{IdempotencyKey: ptr("reg-42"), Name: "X", RegionID: f.bg.ID, Segment: channel.Retail})
	wantReused(t, err)
}

// Concurrent first uses of one key: one customer, one history entry, one
// audit entry, and every caller gets that customer.
func TestCreateCustomerConcurrentKey(t *testing.T) {
	f := newFixture(t)
	in := store.CustomerCreate{IdempotencyKey: ptr("cust-1"), Name: "Racing Ltd", RegionID: f.bg.ID, Segment: channel.Retail}
	const n = 10
	got := make([]channel.Customer, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = f.st.CreateCustomer(context.Background(), in)
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || got[i].ID != got[0].ID {
			t.Fatalf("caller %d: %+v, %v", i, got[i], errs[i])
		}
	}
	if c := count(t, f, `SELECT count(*) FROM customers WHERE name = 'Racing Ltd'`); c != 1 {
		t.Fatalf("%d customers", c)
	}
	if c := count(t, f, `SELECT count(*) FROM ownership_changes WHERE customer_id = ?`, got[0].ID); c != 1 {
		t.Fatalf("%d history rows", c)
	}
	if c := count(t, f, `SELECT count(*) FROM audit_entries WHERE entity = 'customer' AND entity_id = ?`, got[0].ID); c != 1 {
		t.Fatalf("%d audit entries", c)
	}
}

// A transfer retried with its key is not a second hand-over (which would
// otherwise fail: the customer already has that owner).
func TestTransferCustomerIdempotent(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Handed Over", channel.OwnerDealer, f.dist.ID)
	in := store.Transfer{IdempotencyKey: ptr("tr-1"), CustomerID: c.ID, ToKind: channel.OwnerDealer, ToDealerID: f.other.ID, Reason: "written procedure, seed 004"}
	cust, change := mustPair(f.st.TransferCustomer(f.ctx, in))(t)
	cust2, change2 := mustPair(f.st.TransferCustomer(f.ctx, in))(t)
	if change2.ID != change.ID || cust2.Owner.DealerID != f.other.ID || !cust2.UpdatedAt.Equal(cust.UpdatedAt) {
		t.Fatalf("replay %+v %+v, want %+v %+v", cust2, change2, cust, change)
	}
	if n := count(t, f, `SELECT count(*) FROM ownership_changes WHERE customer_id = ?`, c.ID); n != 2 {
		t.Fatalf("%d history rows, want the initial one and one transfer", n)
	}
	back := in
	back.ToDealerID = f.dist.ID
	_, _, err := f.st.TransferCustomer(f.ctx, back)
	wantReused(t, err)
	// Without a key the same request is a new hand-over, refused as a no-op.
	in.IdempotencyKey = nil
	_, _, err = f.st.TransferCustomer(f.ctx, in)
	wantErr(t, err, channel.EInvalid, "input.to")
}

func mustPair[A, B any](a A, b B, err error) func(t *testing.T) (A, B) {
	return func(t *testing.T) (A, B) {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return a, b
	}
}

// Idempotency keys are per viewer: another user sending the same key gets
// an effect of its own, not the first user's object; the same user gets
// its first response back.
func TestIdempotencyKeysArePerViewer(t *testing.T) {
	f := newFixture(t)
	in := func(name string) store.CustomerCreate {
		return store.CustomerCreate{IdempotencyKey: ptr("same-key"), Name: name, RegionID: f.bg.ID, Segment: channel.Retail}
	}
	alice := channel.WithViewer(f.ctx, channel.Viewer{UserID: 1, Role: channel.RoleManager})
	bob := channel.WithViewer(f.ctx, channel.Viewer{UserID: 2, Role: channel.RoleManager})
	a := must(f.st.CreateCustomer(alice, in("Alice Farm")))(t)
	b := must(f.st.CreateCustomer(bob, in("Alice Farm")))(t)
	if a.ID == b.ID {
		t.Fatalf("a second user with the same key got the first user's customer %d", a.ID)
	}
	if again := must(f.st.CreateCustomer(alice, in("Alice Farm")))(t); again.ID != a.ID {
		t.Errorf("the same user retrying got customer %d, want its first, %d", again.ID, a.ID)
	}
	// The 200-character limit is the client's key, not the stored one.
	long := strings.Repeat("k", 200)
	c := in("Long Key Farm")
	c.IdempotencyKey = &long
	must(f.st.CreateCustomer(alice, c))(t)
}
