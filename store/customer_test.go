package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"channelboard/channel"
	"channelboard/store"
)

func TestCreateCustomerWritesInitialHistory(t *testing.T) {
	f := newFixture(t)
	c := must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{
		Name: `ООО "Ромашка"`, TaxID: ptr("BG 123 456 789"), RegionID: f.yambol.ID, Segment: channel.Agriculture,
		OwnerKind: channel.OwnerDealer, OwnerDealerID: f.sub.ID,
	}))(t)
	if c.Owner.Kind != channel.OwnerDealer || c.Owner.DealerID != f.sub.ID {
		t.Fatalf("owner = %+v", c.Owner)
	}
	if c.NameNorm != channel.NormalizeName(c.Name) || c.NameNorm == "" {
		t.Errorf("name_norm = %q", c.NameNorm)
	}
	if c.TaxIDNorm != "123456789" {
		t.Errorf("tax_id_norm = %q, want 123456789", c.TaxIDNorm)
	}
	if c.Size != channel.Small {
		t.Errorf("size defaults to %q", c.Size)
	}
	h := must(f.st.OwnershipHistories(f.ctx, []int64{c.ID}))(t)[c.ID]
	if len(h) != 1 || h[0].How != channel.OwnershipInitial || h[0].ToDealerID != f.sub.ID || h[0].FromKind != "" {
		t.Fatalf("history = %+v", h)
	}
	log := must(f.st.AuditLog(f.ctx, "customer", c.ID))(t)
	if len(log) != 1 || log[0].Action != "create" {
		t.Fatalf("audit = %+v", log)
	}
}

func TestCreateCustomerValidation(t *testing.T) {
	f := newFixture(t)
	base := store.CustomerCreate{Name: "Agro", RegionID: f.yambol.ID, Segment: channel.Agriculture}
	cases := []struct {
		name  string
		edit  func(*store.CustomerCreate)
		code  string
		field string
	}{
		{"blank name", func(c *store.CustomerCreate) { c.Name = "  " }, channel.EInvalid, "input.name"},
		{"dealer owner without dealer", func(c *store.CustomerCreate) { c.OwnerKind = channel.OwnerDealer }, channel.EInvalid, "input.owner.dealerId"},
		{"direct owner with dealer", func(c *store.CustomerCreate) {
			c.OwnerKind, c.OwnerDealerID = channel.OwnerDirect, f.dist.ID
		}, channel.EInvalid, "input.owner.dealerId"},
		{"unknown dealer", func(c *store.CustomerCreate) { c.OwnerKind, c.OwnerDealerID = channel.OwnerDealer, 99999 }, channel.EInvalid, "input.owner.dealerId"},
		{"unknown region", func(c *store.CustomerCreate) { c.RegionID = 99999 }, channel.EInvalid, "input.regionId"},
		{"key account without reason", func(c *store.CustomerCreate) { c.KeyAccount = true }, channel.EInvalid, "input.keyAccountReason"},
		{"bad segment", func(c *store.CustomerCreate) { c.Segment = "SPACE" }, channel.EInvalid, "input.segment"},
		{"punctuation tax id", func(c *store.CustomerCreate) { c.TaxID = ptr("--") }, channel.EInvalid, "input.taxId"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			tc.edit(&in)
			_, err := f.st.CreateCustomer(f.ctx, in)
			wantErr(t, err, tc.code, tc.field)
		})
	}
	n := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{}, store.Page{}))(t)
	if n.Total != 0 {
		t.Fatalf("invalid creates left %d customers", n.Total)
	}
}

func TestDuplicateTaxIDIsConflict(t *testing.T) {
	f := newFixture(t)
	_ = must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "A", TaxID: ptr("BG123456789"), RegionID: f.bg.ID, Segment: channel.Retail}))(t)
	_, err := f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "B", TaxID: ptr("123 456 789"), RegionID: f.bg.ID, Segment: channel.Retail})
	wantErr(t, err, channel.EConflict, "")
	if !strings.Contains(channel.ErrorMessage(err), "tax id") {
		t.Errorf("message %q does not say what is duplicated", channel.ErrorMessage(err))
	}
}

func TestCreateCustomerIdempotent(t *testing.T) {
	f := newFixture(t)
	in := store.CustomerCreate{IdempotencyKey: ptr("k-1"), Name: "Once", RegionID: f.bg.ID, Segment: channel.Retail}
	var wg sync.WaitGroup
	ids := make([]int64, 4)
	errs := make([]error, 4)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := f.st.CreateCustomer(context.Background(), in)
			ids[i], errs[i] = c.ID, err
		}()
	}
	wg.Wait()
	for i := range ids {
		if errs[i] != nil {
			t.Fatalf("attempt %d: %v", i, errs[i])
		}
		if ids[i] != ids[0] {
			t.Fatalf("ids differ: %v", ids)
		}
	}
	l := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{}, store.Page{}))(t)
	if l.Total != 1 {
		t.Fatalf("%d customers after retries, want 1", l.Total)
	}
	// The key belongs to createCustomer: reusing it elsewhere is a conflict.
	_, err := f.st.CreateDealer(f.ctx, store.DealerCreate{IdempotencyKey: ptr("k-1"), Code: "X-1", Name: "X", Kind: channel.DealerKindDealer, ContractStart: f.dist.ContractStart})
	wantErr(t, err, channel.EConflict, "")
}

func TestTransferCustomer(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Agro Yambol", channel.OwnerDealer, f.sub.ID)
	moved, change, err := f.st.TransferCustomer(f.ctx, store.Transfer{CustomerID: c.ID, ToKind: channel.OwnerDirect, Reason: "federal key account"})
	if err != nil {
		t.Fatal(err)
	}
	if moved.Owner.Kind != channel.OwnerDirect || moved.Owner.DealerID != 0 || !moved.Owner.Since.After(c.Owner.Since) && !moved.Owner.Since.Equal(change.At) {
		t.Fatalf("owner after transfer = %+v", moved.Owner)
	}
	if change.How != channel.OwnershipTransfer || change.FromKind != channel.OwnerDealer || change.FromDealerID != f.sub.ID || change.Reason != "federal key account" {
		t.Fatalf("change = %+v", change)
	}
	h := must(f.st.OwnershipHistories(f.ctx, []int64{c.ID}))(t)[c.ID]
	if len(h) != 2 || h[0].How != channel.OwnershipInitial || h[1].ID != change.ID {
		t.Fatalf("history = %+v", h)
	}
	_, _, err = f.st.TransferCustomer(f.ctx, store.Transfer{CustomerID: c.ID, ToKind: channel.OwnerDirect, Reason: "again"})
	wantErr(t, err, channel.EInvalid, "input.to")
	_, _, err = f.st.TransferCustomer(f.ctx, store.Transfer{CustomerID: c.ID, ToKind: channel.OwnerDealer, ToDealerID: f.other.ID})
	wantErr(t, err, channel.EInvalid, "input.reason")
	_, _, err = f.st.TransferCustomer(f.ctx, store.Transfer{CustomerID: 424242, ToKind: channel.OwnerDirect, Reason: "x"})
	wantErr(t, err, channel.ENotFound, "")
	// The database itself refuses to rewrite history.
	_, err = f.st.DB().NewRaw("UPDATE ownership_changes SET reason = 'forged' WHERE id = ?", change.ID).Exec(f.ctx)
	if err == nil {
		t.Fatal("ownership history was rewritten")
	}
}

func TestUpdateCustomerAndKeyAccount(t *testing.T) {
	f := newFixture(t)
	c := f.customer(t, "Old Name", channel.OwnerUnassigned, 0)
	u := must(f.st.UpdateCustomer(f.ctx, c.ID, store.CustomerUpdate{Name: ptr("Нов Агро ЕООД"), TaxID: ptr("BG 999"), RegionID: &f.ro.ID}))(t)
	if u.Name != "Нов Агро ЕООД" || u.NameNorm != channel.NormalizeName("Нов Агро ЕООД") || u.TaxIDNorm != "999" || u.RegionID != f.ro.ID {
		t.Fatalf("updated = %+v", u)
	}
	if u.Segment != c.Segment {
		t.Errorf("segment changed without being asked")
	}
	u = must(f.st.UpdateCustomer(f.ctx, c.ID, store.CustomerUpdate{TaxID: ptr("")}))(t)
	if u.TaxID != "" || u.TaxIDNorm != "" {
		t.Errorf("empty tax id kept %q", u.TaxID)
	}
	_, err := f.st.UpdateCustomer(f.ctx, c.ID, store.CustomerUpdate{Name: ptr("")})
	wantErr(t, err, channel.EInvalid, "input.name")
	_, err = f.st.UpdateCustomer(f.ctx, 999999, store.CustomerUpdate{Name: ptr("x")})
	wantErr(t, err, channel.ENotFound, "")

	_, err = f.st.SetKeyAccount(f.ctx, c.ID, true, " ")
	wantErr(t, err, channel.EInvalid, "input.reason")
	k := must(f.st.SetKeyAccount(f.ctx, c.ID, true, "federal"))(t)
	if !k.KeyAccount || k.KeyAccountReason != "federal" {
		t.Fatalf("key account = %+v", k)
	}
	k = must(f.st.SetKeyAccount(f.ctx, c.ID, false, "ignored"))(t)
	if k.KeyAccount || k.KeyAccountReason != "" {
		t.Fatalf("unset key account = %+v", k)
	}
}

func TestListCustomersFiltersAndPages(t *testing.T) {
	f := newFixture(t)
	sofia := mustRegion(t, f.st, "eu.bg.sofia", "Sofia", "BG")
	var all []channel.Customer
	for i := 0; i < 25; i++ {
		owner, dealer, region := channel.OwnerUnassigned, int64(0), f.ro.ID
		switch i % 3 {
		case 0:
			owner, dealer, region = channel.OwnerDealer, f.sub.ID, f.yambol.ID
		case 1:
			owner, region = channel.OwnerDirect, sofia.ID
		}
		c := must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{
			Name: "Customer " + string(rune('A'+i)), RegionID: region, Segment: channel.Segments[i%len(channel.Segments)],
			OwnerKind: owner, OwnerDealerID: dealer, TaxID: ptr("TX" + string(rune('A'+i)) + "1"),
		}))(t)
		all = append(all, c)
	}
	count := func(fl store.CustomerFilter) int {
		t.Helper()
		return must(f.st.ListCustomers(f.ctx, fl, store.Order{}, store.Page{}))(t).Total
	}
	if n := count(store.CustomerFilter{OwnerKind: ptr(channel.OwnerDealer)}); n != 9 {
		t.Errorf("dealer-owned = %d, want 9", n)
	}
	if n := count(store.CustomerFilter{OwnerDealerID: &f.sub.ID}); n != 9 {
		t.Errorf("owned by sub = %d, want 9", n)
	}
	if n := count(store.CustomerFilter{RegionID: &f.bg.ID}); n != 17 {
		t.Errorf("in Bulgaria and below = %d, want 17", n)
	}
	if n := count(store.CustomerFilter{RegionID: &f.yambol.ID}); n != 9 {
		t.Errorf("in Yambol = %d, want 9", n)
	}
	if n := count(store.CustomerFilter{Segment: ptr(channel.Industrial)}); n != 5 {
		t.Errorf("industrial = %d, want 5", n)
	}
	if n := count(store.CustomerFilter{Search: ptr("customer c")}); n != 1 {
		t.Errorf("search by name = %d, want 1", n)
	}
	if n := count(store.CustomerFilter{Search: ptr("txd1")}); n != 1 {
		t.Errorf("search by tax id = %d, want 1", n)
	}
	if n := count(store.CustomerFilter{KeyAccount: ptr(true)}); n != 0 {
		t.Errorf("key accounts = %d, want 0", n)
	}

	// Pages of 7 by name descending walk every customer once, even with
	// rows inserted mid-way that sort before the cursor.
	seen := map[int64]bool{}
	after := ""
	for pages := 0; ; pages++ {
		l := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{Field: store.CustomerByName, Desc: true}, store.Page{First: ptr(7), After: after}))(t)
		for i, c := range l.Items {
			if seen[c.ID] {
				t.Fatalf("customer %d repeated", c.ID)
			}
			seen[c.ID] = true
			if i > 0 && l.Items[i-1].Name < c.Name {
				t.Fatalf("not descending: %q before %q", l.Items[i-1].Name, c.Name)
			}
		}
		if pages == 0 {
			_ = f.customer(t, "ZZZ inserted later", channel.OwnerUnassigned, 0)
		}
		if !l.HasNextPage {
			break
		}
		after = l.Cursors[len(l.Cursors)-1]
	}
	if len(seen) != len(all) {
		t.Fatalf("paged through %d customers, want %d", len(seen), len(all))
	}
	_, err := f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{}, store.Page{First: ptr(201)})
	wantErr(t, err, channel.EInvalid, "first")
	_, err = f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{}, store.Page{After: "garbage"})
	wantErr(t, err, channel.EInvalid, "after")
	// A cursor from another ordering is refused, not misread.
	l := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{Field: store.CustomerByCreatedAt}, store.Page{First: ptr(1)}))(t)
	_, err = f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{}, store.Page{After: l.Cursors[0]})
	wantErr(t, err, channel.EInvalid, "after")
	// Pages by creation time also walk everything.
	seen = map[int64]bool{}
	after = ""
	for {
		l := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{}, store.Order{Field: store.CustomerByCreatedAt}, store.Page{First: ptr(4), After: after}))(t)
		for _, c := range l.Items {
			seen[c.ID] = true
		}
		if !l.HasNextPage {
			break
		}
		after = l.Cursors[len(l.Cursors)-1]
	}
	if len(seen) != len(all)+1 {
		t.Fatalf("paged by created_at through %d, want %d", len(seen), len(all)+1)
	}
}

func TestSearchCustomersAnyScript(t *testing.T) {
	f := newFixture(t)
	c := must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: `ООО "Ромашка"`, TaxID: ptr("RU 7701234567"), RegionID: f.bg.ID, Segment: channel.Retail}))(t)
	_ = must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "北京水泵有限公司", RegionID: f.bg.ID, Segment: channel.Industrial}))(t)
	_ = f.customer(t, "Other", channel.OwnerUnassigned, 0)
	for _, q := range []string{"РОМАШКА", "ромаш", "Romashka", "7701234567", "RU7701234567"} {
		l := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{Search: ptr(q)}, store.Order{}, store.Page{}))(t)
		if l.Total != 1 || l.Items[0].ID != c.ID {
			t.Errorf("search %q found %d customers", q, l.Total)
		}
	}
	if n := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{Search: ptr("水泵")}, store.Order{}, store.Page{}))(t).Total; n != 1 {
		t.Errorf("Chinese search found %d", n)
	}
}
