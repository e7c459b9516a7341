package store_test

import (
	"strings"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

func TestCreateDealer(t *testing.T) {
	f := newFixture(t)
	if f.sub.ParentID != f.dist.ID || f.sub.Kind != channel.Subdealer || f.sub.Tier != 3 || f.sub.Status != channel.DealerActive {
		t.Fatalf("sub-dealer = %+v", f.sub)
	}
	if f.dist.CreditLimit != (channel.Money{Minor: 0, Currency: "EUR"}) {
		t.Errorf("default credit limit = %+v", f.dist.CreditLimit)
	}
	if !f.dist.ContractStart.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("contract start = %v", f.dist.ContractStart)
	}
	start := f.dist.ContractStart
	cases := []struct {
		name  string
		in    store.DealerCreate
		code  string
		field string
	}{
		{"taken code", store.DealerCreate{Code: "BG-01", Name: "Dup", Kind: channel.DealerKindDealer, ContractStart: start}, channel.EConflict, "input.code"},
		{"bad code", store.DealerCreate{Code: "bg 01", Name: "X", Kind: channel.DealerKindDealer, ContractStart: start}, channel.EInvalid, "input.code"},
		{"blank name", store.DealerCreate{Code: "X-1", Name: " ", Kind: channel.DealerKindDealer, ContractStart: start}, channel.EInvalid, "input.name"},
		{"subdealer without parent", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.Subdealer, ContractStart: start}, channel.EInvalid, "input.parentId"},
		{"dealer with parent", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.DealerKindDealer, ParentID: f.dist.ID, ContractStart: start}, channel.EInvalid, "input.parentId"},
		{"parent not a distributor", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.Subdealer, ParentID: f.other.ID, ContractStart: start}, channel.EInvalid, "input.parentId"},
		{"missing parent", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.Subdealer, ParentID: 9999, ContractStart: start}, channel.EInvalid, "input.parentId"},
		{"tier", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.DealerKindDealer, Tier: ptr(9), ContractStart: start}, channel.EInvalid, "input.tier"},
		{"contract dates", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.DealerKindDealer, ContractStart: start, ContractEnd: ptr(start.AddDate(0, 0, -1))}, channel.EInvalid, "input.contractEnd"},
		{"currency", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.DealerKindDealer, ContractStart: start, CreditLimit: &channel.Money{Minor: 1, Currency: "eur"}}, channel.EInvalid, "input.creditLimit.currency"},
		{"negative credit", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.DealerKindDealer, ContractStart: start, CreditLimit: &channel.Money{Minor: -1, Currency: "EUR"}}, channel.EInvalid, "input.creditLimit.minor"},
		{"missing home region", store.DealerCreate{Code: "X-1", Name: "X", Kind: channel.DealerKindDealer, ContractStart: start, HomeRegionID: 9999}, channel.EInvalid, "input.homeRegionId"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.st.CreateDealer(f.ctx, tc.in)
			wantErr(t, err, tc.code, tc.field)
		})
	}
	_, err := f.st.CreateDealer(f.ctx, store.DealerCreate{Code: "BG-01", Name: "Dup", Kind: channel.DealerKindDealer, ContractStart: start})
	if msg := channel.ErrorMessage(err); !strings.Contains(msg, "BG-01") {
		t.Errorf("conflict message %q does not name the code", msg)
	}
}

func TestUpdateDealer(t *testing.T) {
	f := newFixture(t)
	end := time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)
	d := must(f.st.UpdateDealer(f.ctx, f.other.ID, store.DealerUpdate{
		Name: ptr("Carpati Grup"), Status: ptr(channel.DealerSuspended), Tier: ptr(1), ContractEnd: &end,
		CreditLimit: &channel.Money{Minor: 500000, Currency: "RON"}, ContactEmail: ptr("a@b.ro"),
	}))(t)
	if d.Name != "Carpati Grup" || d.Status != channel.DealerSuspended || d.Tier != 1 || !d.ContractEnd.Equal(end) ||
		d.CreditLimit.Currency != "RON" || d.ContactEmail != "a@b.ro" || d.Code != "RO-01" {
		t.Fatalf("updated = %+v", d)
	}
	_, err := f.st.UpdateDealer(f.ctx, f.other.ID, store.DealerUpdate{ContractEnd: ptr(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))})
	wantErr(t, err, channel.EInvalid, "input.contractEnd")
	_, err = f.st.UpdateDealer(f.ctx, 424242, store.DealerUpdate{Name: ptr("x")})
	wantErr(t, err, channel.ENotFound, "")
	if n := len(must(f.st.AuditLog(f.ctx, "dealer", f.other.ID))(t)); n != 2 {
		t.Errorf("audit entries = %d, want 2 (create, update)", n)
	}
}

func TestListDealers(t *testing.T) {
	f := newFixture(t)
	l := must(f.st.ListDealers(f.ctx, store.DealerFilter{}, store.Order{Field: store.DealerByCode}, store.Page{}))(t)
	if l.Total != 3 || l.Items[0].Code != "BG-01" || l.Items[2].Code != "RO-01" {
		t.Fatalf("by code = %+v", l.Items)
	}
	if n := must(f.st.ListDealers(f.ctx, store.DealerFilter{RegionID: &f.bg.ID}, store.Order{}, store.Page{}))(t).Total; n != 2 {
		t.Errorf("dealers in Bulgaria = %d, want 2", n)
	}
	if n := must(f.st.ListDealers(f.ctx, store.DealerFilter{Kind: ptr(channel.Subdealer)}, store.Order{}, store.Page{}))(t).Total; n != 1 {
		t.Errorf("sub-dealers = %d, want 1", n)
	}
	if n := must(f.st.ListDealers(f.ctx, store.DealerFilter{Search: ptr("carpati")}, store.Order{}, store.Page{}))(t).Total; n != 1 {
		t.Errorf("search = %d, want 1", n)
	}
	if n := must(f.st.ListDealers(f.ctx, store.DealerFilter{Search: ptr("%")}, store.Order{}, store.Page{}))(t).Total; n != 0 {
		t.Errorf("a %% search matched %d dealers: wildcards must be literal", n)
	}
	// Tier ordering pages without repeats.
	seen := map[int64]bool{}
	after := ""
	for {
		l := must(f.st.ListDealers(f.ctx, store.DealerFilter{}, store.Order{Field: store.DealerByTier, Desc: true}, store.Page{First: ptr(1), After: after}))(t)
		for _, d := range l.Items {
			if seen[d.ID] {
				t.Fatalf("dealer %d repeated", d.ID)
			}
			seen[d.ID] = true
		}
		if !l.HasNextPage {
			break
		}
		after = l.Cursors[0]
	}
	if len(seen) != 3 {
		t.Fatalf("paged %d dealers, want 3", len(seen))
	}
	subs := must(f.st.SubDealersByParents(f.ctx, []int64{f.dist.ID, f.other.ID}))(t)
	if len(subs[f.dist.ID]) != 1 || subs[f.dist.ID][0].ID != f.sub.ID || len(subs[f.other.ID]) != 0 {
		t.Errorf("sub-dealers = %+v", subs)
	}
	_ = f.customer(t, "A", channel.OwnerDealer, f.sub.ID)
	_ = f.customer(t, "B", channel.OwnerDealer, f.sub.ID)
	counts := must(f.st.CustomerCountsByDealers(f.ctx, []int64{f.sub.ID, f.dist.ID}))(t)
	if counts[f.sub.ID] != 2 || counts[f.dist.ID] != 0 {
		t.Errorf("customer counts = %v", counts)
	}
}

func TestRegionsAndProductLines(t *testing.T) {
	f := newFixture(t)
	all := must(f.st.ListRegions(f.ctx, store.RegionFilter{}))(t)
	if len(all) != 4 || all[0].Path != "eu" || all[1].Path != "eu.bg" {
		t.Fatalf("regions = %+v", all)
	}
	under := must(f.st.ListRegions(f.ctx, store.RegionFilter{Under: ptr("eu.bg")}))(t)
	if len(under) != 2 {
		t.Errorf("under eu.bg = %+v", under)
	}
	if n := len(must(f.st.ListRegions(f.ctx, store.RegionFilter{Country: ptr("ro")}))(t)); n != 1 {
		t.Errorf("in RO = %d", n)
	}
	_, err := f.st.ListRegions(f.ctx, store.RegionFilter{Under: ptr("eu bg")})
	wantErr(t, err, channel.EInvalid, "filter.under")
	_, err = f.st.CreateRegion(f.ctx, channel.Region{Path: "as.cn", Name: "China"})
	wantErr(t, err, channel.EInvalid, "input.path")
	_, err = f.st.CreateRegion(f.ctx, channel.Region{Path: "eu.bg", Name: "Again"})
	wantErr(t, err, channel.EConflict, "input.path")
	kids := must(f.st.RegionChildren(f.ctx, []string{"eu", "eu.bg.yambol"}))(t)
	if len(kids["eu"]) != 2 || len(kids["eu.bg.yambol"]) != 0 {
		t.Errorf("children = %+v", kids)
	}
	lines := must(f.st.ListProductLines(f.ctx))(t)
	if len(lines) != 2 || lines[0].Code != "pumps" {
		t.Errorf("product lines = %+v", lines)
	}
	_, err = f.st.CreateProductLine(f.ctx, channel.ProductLine{Code: "pumps", Name: "Again"})
	wantErr(t, err, channel.EConflict, "input.code")
}
