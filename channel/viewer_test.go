package channel

import (
	"context"
	"strings"
	"testing"
)

var (
	director = Viewer{UserID: 1, Email: "director@example.com", Role: RoleDirector}
	manager  = Viewer{UserID: 2, Email: "manager@example.com", Role: RoleManager}
	analyst  = Viewer{UserID: 3, Email: "analyst@example.com", Role: RoleAnalyst}
	dealer7  = Viewer{UserID: 4, Email: "dealer-bg-01@example.com", Role: RoleDealer, DealerID: 7, DealerName: "Balkan Pumps"}
	// unbound is a dealer user without a dealer, which the schema forbids:
	// it must see nothing rather than everything.
	unbound = Viewer{UserID: 5, Role: RoleDealer}
	nobody  = Viewer{}
	bogus   = Viewer{UserID: 6, Role: "ROOT"}
)

func TestViewerPermissions(t *testing.T) {
	type perms struct{ write, users, policy, audit, approve, resolve, channel, all, imports bool }
	cases := []struct {
		name string
		v    Viewer
		want perms
	}{
		{"director", director, perms{true, true, true, true, true, true, true, true, true}},
		{"manager", manager, perms{true, false, false, false, true, true, true, true, false}},
		{"analyst", analyst, perms{false, false, false, false, false, false, false, true, false}},
		{"dealer", dealer7, perms{true, false, false, false, false, false, false, false, false}},
		{"dealer without dealer", unbound, perms{}},
		{"anonymous", nobody, perms{}},
		{"unknown role", bogus, perms{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := perms{c.v.CanWrite(), c.v.CanManageUsers(), c.v.CanSetPolicy(), c.v.CanReadAudit(),
				c.v.CanApproveDeals(), c.v.CanResolveConflicts(), c.v.CanManageChannel(), c.v.SeesAll(), c.v.CanImport()}
			if got != c.want {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestViewerSees(t *testing.T) {
	cases := []struct {
		name string
		v    Viewer
		// dealer 7, dealer 8; customer owned by 7; owned by 8 with a deal
		// of 7; owned by 8; direct; own deal; other's deal; direct deal;
		// conflict with 7; conflict without 7
		want [11]bool
	}{
		{"director", director, [11]bool{true, true, true, true, true, true, true, true, true, true, true}},
		{"analyst", analyst, [11]bool{true, true, true, true, true, true, true, true, true, true, true}},
		{"dealer", dealer7, [11]bool{true, false, true, true, false, false, true, false, false, true, false}},
		{"unbound", unbound, [11]bool{}},
		{"anonymous", nobody, [11]bool{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := c.v
			got := [11]bool{
				v.SeesDealer(7), v.SeesDealer(8),
				v.SeesCustomer(7, nil), v.SeesCustomer(8, []int64{8, 7}), v.SeesCustomer(8, []int64{8}), v.SeesCustomer(0, nil),
				v.SeesDeal(ChannelDealer, 7), v.SeesDeal(ChannelDealer, 8), v.SeesDeal(ChannelDirect, 0),
				v.SeesConflict([]int64{3, 7}), v.SeesConflict([]int64{8}),
			}
			if got != c.want {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestCanRegisterDeal(t *testing.T) {
	cases := []struct {
		v      Viewer
		kind   ChannelKind
		dealer int64
		want   bool
	}{
		{manager, ChannelDirect, 0, true},
		{manager, ChannelDealer, 8, true},
		{dealer7, ChannelDealer, 7, true},
		{dealer7, ChannelDealer, 8, false},
		{dealer7, ChannelDirect, 0, false},
		// A direct deal must not slip through because 0 == 0.
		{unbound, ChannelDirect, 0, false},
		{analyst, ChannelDealer, 7, false},
	}
	for _, c := range cases {
		if got := c.v.CanRegisterDeal(c.kind, c.dealer); got != c.want {
			t.Errorf("%s registers %s/%d: got %v, want %v", c.v.Role, c.kind, c.dealer, got, c.want)
		}
	}
	if !dealer7.CanCreateToken(dealer7.UserID) || dealer7.CanCreateToken(1) || !director.CanCreateToken(4) || nobody.CanCreateToken(0) {
		t.Fatal("token creation: own only, or the director for anyone")
	}
}

func TestParty(t *testing.T) {
	cases := []struct {
		v      Viewer
		dealer int64
		name   string
		lang   string
		want   Party
	}{
		{dealer7, 7, "Balkan Pumps", "en", Party{PartySelf, 7, "Balkan Pumps"}},
		{dealer7, 8, "Carpati SRL", "en", Party{PartyOtherPartner, 0, "another partner"}},
		{dealer7, 0, "", "en", Party{PartyDirect, 0, "direct sales"}},
		{dealer7, 8, "Carpati SRL", "ru", Party{PartyOtherPartner, 0, "другой партнёр"}},
		{dealer7, 0, "", "ru-RU", Party{PartyDirect, 0, "прямые продажи"}},
		{dealer7, 8, "Carpati SRL", "bg", Party{PartyOtherPartner, 0, "друг партньор"}},
		{dealer7, 0, "", "bg-BG", Party{PartyDirect, 0, "директни продажби"}},
		{manager, 8, "Carpati SRL", "en", Party{PartyDealer, 8, "Carpati SRL"}},
		{nobody, 8, "Carpati SRL", "en", Party{PartyOtherPartner, 0, "another partner"}},
	}
	for _, c := range cases {
		if got := c.v.Party(c.dealer, c.name, c.lang); got != c.want {
			t.Errorf("%s sees party %d: got %+v, want %+v", c.v.Role, c.dealer, got, c.want)
		}
	}
}

func TestRedactExplanation(t *testing.T) {
	eur := func(v int64) *Money { return &Money{Minor: v, Currency: "EUR"} }
	cases := []struct {
		name        string
		e           Explanation
		mustShow    []string
		mustNotShow []string
	}{
		{
			name: "price mismatch against another dealer",
			e: Explanation{Rule: PriceMismatch, PolicyYear: 2026, PolicyPct: 5, Measured: eur(100_00), Other: eur(123_45), MeasuredPct: 19,
				Params: map[string]string{ParamCustomer: "Agro Yambol", ParamProduct: "pumps", ParamChannelA: "Balkan Pumps", ParamChannelB: "Carpati SRL"}},
			mustShow:    []string{"Balkan Pumps", "another partner", "100.00"},
			mustNotShow: []string{"Carpati", "123.45", "19"},
		},
		{
			name: "direct bypass of the viewer's customer",
			e: Explanation{Rule: DirectBypass, Measured: eur(5_000_00), Prepaid: eur(1_000_00),
				Params: map[string]string{ParamCustomer: "Agro Yambol", ParamOwner: "Balkan Pumps", ParamOwnerKind: "DEALER", ParamHolder: "Balkan Pumps"}},
			mustShow:    []string{"Balkan Pumps", "1,000.00"},
			mustNotShow: []string{"5,000.00"},
		},
		{
			name: "duplicate registration held by another dealer",
			e: Explanation{Rule: DuplicateRegistration, PolicyYear: 2026,
				Params: map[string]string{ParamDealer: "Balkan Pumps", ParamCustomer: "Agro Yambol", ParamProduct: "pumps", ParamHolder: "Carpati SRL"}},
			mustShow:    []string{"Balkan Pumps", "another partner"},
			mustNotShow: []string{"Carpati"},
		},
		{
			name: "duplicate customer of another dealer",
			e: Explanation{Rule: DuplicateCustomer,
				Params: map[string]string{ParamCustomer: "Agro Yambol", ParamOtherCustomer: "Agro-Yambol Ltd", ParamOtherOwner: "Carpati SRL", ParamOtherOwnerKind: "DEALER", ParamSimilarity: "0.91"}},
			mustShow:    []string{"Agro Yambol", "another partner"},
			mustNotShow: []string{"Carpati", "Agro-Yambol Ltd"},
		},
		{
			name: "out of territory, exclusive holder",
			e: Explanation{Rule: OutOfTerritory,
				Params: map[string]string{ParamDealer: "Balkan Pumps", ParamCoverage: "eu.bg.yambol", ParamExclusive: "Carpati SRL, Danube Flow"}},
			mustShow:    []string{"Balkan Pumps", "another partner"},
			mustNotShow: []string{"Carpati", "Danube"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := c.e.Text("en")
			got := dealer7.RedactExplanation(c.e, "en").Text("en")
			for _, s := range c.mustShow {
				if !strings.Contains(got, s) {
					t.Errorf("redacted %q lacks %q", got, s)
				}
			}
			for _, s := range c.mustNotShow {
				if strings.Contains(got, s) {
					t.Errorf("redacted %q still shows %q", got, s)
				}
			}
			// Staff read it whole, and the original is not modified.
			if whole := manager.RedactExplanation(c.e, "en").Text("en"); whole != before {
				t.Errorf("manager reads %q, want %q", whole, before)
			}
			if c.e.Text("en") != before {
				t.Error("RedactExplanation modified its input")
			}
		})
	}
}

func TestViewerContext(t *testing.T) {
	ctx := context.Background()
	if _, ok := ViewerFrom(ctx); ok {
		t.Fatal("empty context has a viewer")
	}
	got, ok := ViewerFrom(WithViewer(ctx, dealer7))
	if !ok || got != dealer7 {
		t.Fatalf("got %+v %v", got, ok)
	}
	// A zero viewer put in a context is still nobody.
	if _, ok := ViewerFrom(WithViewer(ctx, Viewer{})); ok {
		t.Fatal("zero viewer counted as signed in")
	}
}
