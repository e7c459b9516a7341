package store_test

import (
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

func eur(minor int64) channel.Money { return channel.Money{Minor: minor, Currency: "EUR"} }

func TestRegisterDealWithoutPolicy(t *testing.T) {
	f := newFixture(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f.st.SetClock(func() time.Time { return now })
	c := f.customer(t, "Agro", channel.OwnerDealer, f.sub.ID)
	d := must(f.st.RegisterDeal(f.ctx, store.DealRegister{
		CustomerID: c.ID, Channel: channel.ChannelDealer, DealerID: f.sub.ID, ProductLineID: f.pumps.ID,
		Quantity: 3, UnitPrice: eur(150000), Prepaid: ptr(eur(100000)), ExpectedClose: ptr(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)),
	}))(t)
	if d.Amount != 450000 || d.Currency != "EUR" || d.Stage != channel.StageRegistered || d.Prepaid != 100000 {
		t.Fatalf("deal = %+v", d)
	}
	if d.ProtectedUntil == nil || !d.ProtectedUntil.Equal(now.AddDate(0, 0, 90)) {
		t.Fatalf("protected until %v, want 90 days after %v", d.ProtectedUntil, now)
	}
	if !d.Protected(now) || d.Protected(*d.ProtectedUntil) {
		t.Errorf("protection window wrong")
	}
	cases := []struct {
		name  string
		edit  func(*store.DealRegister)
		field string
	}{
		{"zero quantity", func(r *store.DealRegister) { r.Quantity = 0 }, "input.quantity"},
		{"negative quantity", func(r *store.DealRegister) { r.Quantity = -2 }, "input.quantity"},
		{"currency", func(r *store.DealRegister) { r.UnitPrice.Currency = "euro" }, "input.unitPrice.currency"},
		{"dealer channel without dealer", func(r *store.DealRegister) { r.DealerID = 0 }, "input.channel.dealerId"},
		{"direct with dealer", func(r *store.DealRegister) { r.Channel = channel.ChannelDirect }, "input.channel.dealerId"},
		{"prepaid over amount", func(r *store.DealRegister) { r.Prepaid = ptr(eur(10_000_000)) }, "input.prepaid"},
		{"prepaid currency", func(r *store.DealRegister) { r.Prepaid = ptr(channel.Money{Minor: 1, Currency: "RON"}) }, "input.prepaid.currency"},
		{"customer", func(r *store.DealRegister) { r.CustomerID = 9999 }, "input.customerId"},
		{"product line", func(r *store.DealRegister) { r.ProductLineID = 9999 }, "input.productLineId"},
		{"overflow", func(r *store.DealRegister) { r.Quantity, r.UnitPrice.Minor = 1<<30, 1<<40 }, "input.quantity"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDealer, DealerID: f.sub.ID, ProductLineID: f.pumps.ID, Quantity: 1, UnitPrice: eur(100)}
			tc.edit(&in)
			_, err := f.st.RegisterDeal(f.ctx, in)
			wantErr(t, err, channel.EInvalid, tc.field)
		})
	}
}

func TestDealLifecycleWithApproval(t *testing.T) {
	f := newFixture(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f.st.SetClock(func() time.Time { return now })
	_ = must(f.st.SetPolicy(f.ctx, store.PolicySet{Year: 2026, Currency: "EUR", DirectSaleThreshold: 1_000_000, RegistrationProtectionDays: ptr(60)}))(t)
	c := f.customer(t, "Agro", channel.OwnerDealer, f.sub.ID)
	reg := store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDealer, DealerID: f.sub.ID, ProductLineID: f.pumps.ID, Quantity: 2, UnitPrice: eur(1000)}
	_, err := f.st.RegisterDeal(f.ctx, store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDirect, ProductLineID: f.pumps.ID, Quantity: 1, UnitPrice: channel.Money{Minor: 5, Currency: "RON"}})
	wantErr(t, err, channel.EInvalid, "input.unitPrice.currency")

	d := must(f.st.RegisterDeal(f.ctx, reg))(t)
	if d.Stage != channel.StagePendingApproval || d.ProtectedUntil != nil {
		t.Fatalf("pending deal = %+v", d)
	}
	_, err = f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{Stage: ptr(channel.StageQuoted)})
	wantErr(t, err, channel.EConflict, "")
	later := now.Add(48 * time.Hour)
	f.st.SetClock(func() time.Time { return later })
	d = must(f.st.ApproveDeal(f.ctx, d.ID))(t)
	if d.Stage != channel.StageRegistered || d.ProtectedUntil == nil || !d.ProtectedUntil.Equal(later.AddDate(0, 0, 60)) {
		t.Fatalf("approved = %+v", d)
	}
	_, err = f.st.ApproveDeal(f.ctx, d.ID)
	wantErr(t, err, channel.EConflict, "")

	d = must(f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{Quantity: ptr(5), UnitPrice: ptr(eur(2000)), Stage: ptr(channel.StageQuoted)}))(t)
	if d.Amount != 10000 || d.Stage != channel.StageQuoted {
		t.Fatalf("updated = %+v", d)
	}
	_, err = f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{Quantity: ptr(0)})
	wantErr(t, err, channel.EInvalid, "input.quantity")
	_, err = f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{Stage: ptr(channel.StageWon)})
	wantErr(t, err, channel.EInvalid, "input.stage")
	_, err = f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{UnitPrice: ptr(channel.Money{Minor: 1, Currency: "USD"})})
	wantErr(t, err, channel.EInvalid, "input.unitPrice.currency")

	d = must(f.st.CloseDeal(f.ctx, d.ID, channel.StageWon, ""))(t)
	if d.Stage != channel.StageWon || d.ClosedAt == nil || !d.ClosedAt.Equal(later) {
		t.Fatalf("won = %+v", d)
	}
	_, err = f.st.UpdateDeal(f.ctx, d.ID, store.DealUpdate{Quantity: ptr(1)})
	wantErr(t, err, channel.EConflict, "")
	_, err = f.st.CloseDeal(f.ctx, d.ID, channel.StageLost, "")
	wantErr(t, err, channel.EConflict, "")
	_, err = f.st.CloseDeal(f.ctx, d.ID, channel.StageQuoted, "")
	wantErr(t, err, channel.EInvalid, "input.outcome")

	r := must(f.st.RegisterDeal(f.ctx, reg))(t)
	_, err = f.st.RejectDeal(f.ctx, r.ID, "")
	wantErr(t, err, channel.EInvalid, "input.reason")
	r = must(f.st.RejectDeal(f.ctx, r.ID, "duplicate registration"))(t)
	if r.Stage != channel.StageCancelled || r.CloseReason != "duplicate registration" || r.ClosedAt == nil {
		t.Fatalf("rejected = %+v", r)
	}
	_, err = f.st.ApproveDeal(f.ctx, 99999)
	wantErr(t, err, channel.ENotFound, "")

	counts := must(f.st.DealCountsByCustomers(f.ctx, []int64{c.ID}))(t)
	if counts[c.ID] != (store.DealCount{All: 2, Open: 0}) {
		t.Errorf("counts = %+v", counts[c.ID])
	}
	if n := len(must(f.st.AuditLog(f.ctx, "deal", d.ID))(t)); n != 4 {
		t.Errorf("audit entries of the won deal = %d, want 4 (register, approve, update, close)", n)
	}
}

func TestDealIdempotencyAndList(t *testing.T) {
	f := newFixture(t)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tick := 0
	f.st.SetClock(func() time.Time { tick++; return base.Add(time.Duration(tick) * time.Minute) })
	a := f.customer(t, "A", channel.OwnerDealer, f.sub.ID)
	b := f.customer(t, "B", channel.OwnerDirect, 0)
	romanian := must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "R", RegionID: f.ro.ID, Segment: channel.Retail}))(t)
	key := store.DealRegister{IdempotencyKey: ptr("deal-1"), CustomerID: a.ID, Channel: channel.ChannelDealer, DealerID: f.sub.ID, ProductLineID: f.pumps.ID, Quantity: 1, UnitPrice: eur(100)}
	first := must(f.st.RegisterDeal(f.ctx, key))(t)
	again := must(f.st.RegisterDeal(f.ctx, key))(t)
	if first.ID != again.ID {
		t.Fatalf("retry created deal %d after %d", again.ID, first.ID)
	}
	for i := 0; i < 9; i++ {
		cust, ch, dealer := b.ID, channel.ChannelDirect, int64(0)
		if i%3 == 0 {
			cust = romanian.ID
		}
		_ = must(f.st.RegisterDeal(f.ctx, store.DealRegister{CustomerID: cust, Channel: ch, DealerID: dealer, ProductLineID: f.valves.ID,
			Quantity: i + 1, UnitPrice: eur(1000)}))(t)
	}
	all := must(f.st.ListDeals(f.ctx, store.DealFilter{}, store.Order{}, store.Page{}))(t)
	if all.Total != 10 || all.Items[0].RegisteredAt.Before(all.Items[9].RegisteredAt) {
		t.Fatalf("default order is newest first: %d deals", all.Total)
	}
	for _, tc := range []struct {
		f    store.DealFilter
		want int
	}{
		{store.DealFilter{DealerID: &f.sub.ID}, 1},
		{store.DealFilter{ChannelKind: ptr(channel.ChannelDirect)}, 9},
		{store.DealFilter{CustomerID: &romanian.ID}, 3},
		{store.DealFilter{RegionID: &f.ro.ID}, 3},
		{store.DealFilter{RegionID: &f.bg.ID}, 7},
		{store.DealFilter{ProductLineID: &f.pumps.ID}, 1},
		{store.DealFilter{Stages: []channel.DealStage{channel.StageWon}}, 0},
		{store.DealFilter{OpenOnly: ptr(true)}, 10},
	} {
		if n := must(f.st.ListDeals(f.ctx, tc.f, store.Order{}, store.Page{}))(t).Total; n != tc.want {
			t.Errorf("filter %+v: %d deals, want %d", tc.f, n, tc.want)
		}
	}
	for _, o := range []store.Order{{Field: store.DealByAmount}, {Field: store.DealByExpectedClose, Desc: true}, {Field: store.DealByRegisteredAt}} {
		seen := map[int64]bool{}
		after := ""
		var prev int64 = -1
		for {
			l := must(f.st.ListDeals(f.ctx, store.DealFilter{}, o, store.Page{First: ptr(3), After: after}))(t)
			for _, d := range l.Items {
				if seen[d.ID] {
					t.Fatalf("order %v: deal %d repeated", o, d.ID)
				}
				seen[d.ID] = true
				if o.Field == store.DealByAmount && d.Amount < prev {
					t.Fatalf("amount order broken")
				}
				prev = d.Amount
			}
			if !l.HasNextPage {
				break
			}
			after = l.Cursors[len(l.Cursors)-1]
		}
		if len(seen) != 10 {
			t.Fatalf("order %v paged %d deals, want 10", o, len(seen))
		}
	}
}
