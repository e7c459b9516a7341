package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"channelboard/channel"
	"channelboard/store"
)

// Many hand-overs of one customer at once: they serialise on the customer,
// so the history is one unbroken chain (each entry starts where the one
// before ended), there is one history row and one audit entry per change
// that succeeded, and the owner is where the last entry ends.
func TestConcurrentTransfersKeepOneChain(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Contested Farm", channel.OwnerUnassigned, 0)
	targets := []struct {
		kind   channel.OwnerKind
		dealer int64
	}{
		{channel.OwnerDealer, f.dist.ID}, {channel.OwnerDealer, f.other.ID}, {channel.OwnerDirect, 0},
		{channel.OwnerDealer, f.sub.ID}, {channel.OwnerUnassigned, 0},
	}
	const n = 40
	var wg sync.WaitGroup
	var mu sync.Mutex
	succeeded := 0
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			to := targets[i%len(targets)]
			_, _, err := f.st.TransferCustomer(context.Background(), store.Transfer{
				CustomerID: c.ID, ToKind: to.kind, ToDealerID: to.dealer, Reason: fmt.Sprintf("hand-over %d", i),
			})
			switch {
			case err == nil:
				mu.Lock()
				succeeded++
				mu.Unlock()
			case channel.ErrorCode(err) == channel.EInvalid:
				// The customer already had this owner when its turn came.
			default:
				t.Errorf("transfer %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	if succeeded == 0 {
		t.Fatal("no transfer succeeded")
	}

	hist := must(f.st.OwnershipHistories(f.ctx, []int64{c.ID}))(t)[c.ID]
	if len(hist) != succeeded+1 {
		t.Fatalf("%d history rows for %d changes (+1 initial)", len(hist), succeeded)
	}
	for i := 1; i < len(hist); i++ {
		prev, cur := hist[i-1], hist[i]
		if cur.FromKind != prev.ToKind || cur.FromDealerID != prev.ToDealerID {
			t.Fatalf("history entry %d starts at %s/%d, the one before ended at %s/%d", i, cur.FromKind, cur.FromDealerID, prev.ToKind, prev.ToDealerID)
		}
		if cur.ToKind == cur.FromKind && cur.ToDealerID == cur.FromDealerID {
			t.Fatalf("history entry %d changes nothing", i)
		}
	}
	var audits int
	must(0, f.st.DB().NewRaw(`SELECT count(*) FROM audit_entries WHERE entity = 'customer' AND entity_id = ? AND action = 'transfer'`, c.ID).Scan(f.ctx, &audits))(t)
	if audits != succeeded {
		t.Fatalf("%d transfer audit entries for %d changes", audits, succeeded)
	}
	got := must(f.st.Customer(f.ctx, c.ID))(t)
	last := hist[len(hist)-1]
	if got.Owner.Kind != last.ToKind || got.Owner.DealerID != last.ToDealerID || !got.Owner.Since.Equal(last.At) {
		t.Fatalf("owner %+v, last history entry %+v", got.Owner, last)
	}
}
