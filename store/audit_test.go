package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
)

// A change made by a signed-in user names the user, their id and role,
// and holds the entity before and after; a change with no viewer is the
// system's, and a named non-person is recorded by name.
func TestAuditRecordsActorBeforeAndAfter(t *testing.T) {
	f := newFixture(t)
	mgr := must(f.st.CreateUser(f.ctx, store.UserCreate{Email: "Manager@Example.com", Role: channel.RoleManager}))(t)
	asManager := channel.WithViewer(f.ctx, mgr.Viewer())

	c := f.customer(t, "Agro Yambol", channel.OwnerUnassigned, 0)
	must(f.st.UpdateCustomer(asManager, c.ID, store.CustomerUpdate{Name: ptr("Agro Yambol Ltd")}))(t)
	must(f.st.SetKeyAccount(store.WithActor(f.ctx, store.ActorCLI), c.ID, true, "national account"))(t)

	log := must(f.st.AuditLog(f.ctx, "customer", c.ID))(t)
	if len(log) != 3 {
		t.Fatalf("audit %+v, want create, update, set_key_account", log)
	}
	create, update, key := log[0], log[1], log[2]
	if create.Action != "create" || create.Actor != store.ActorSystem || create.ActorUserID != 0 || create.ActorRole != "" ||
		create.Before != nil || !strings.Contains(string(create.After), `"Agro Yambol"`) {
		t.Fatalf("create %+v", create)
	}
	if update.Action != "update" || update.Actor != "manager@example.com" || update.ActorUserID != mgr.ID ||
		update.ActorRole != channel.RoleManager {
		t.Fatalf("update %+v", update)
	}
	var before, after channel.Customer
	if err := json.Unmarshal(update.Before, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(update.After, &after); err != nil {
		t.Fatal(err)
	}
	if before.Name != "Agro Yambol" || after.Name != "Agro Yambol Ltd" || before.ID != c.ID || after.ID != c.ID {
		t.Fatalf("before %+v after %+v", before, after)
	}
	if key.Actor != store.ActorCLI || key.ActorUserID != 0 || !strings.Contains(string(key.After), "national account") {
		t.Fatalf("set_key_account %+v", key)
	}
	// The viewer wins over a name the context also carries.
	both := store.WithActor(asManager, store.ActorCLI)
	must(f.st.SetKeyAccount(both, c.ID, false, ""))(t)
	if l := must(f.st.AuditLog(f.ctx, "customer", c.ID))(t); l[3].Actor != "manager@example.com" {
		t.Fatalf("actor %q with a viewer and a name", l[3].Actor)
	}

	// The log is append-only.
	if _, err := f.st.DB().NewRaw(`UPDATE audit_entries SET actor = 'someone else'`).Exec(f.ctx); err == nil {
		t.Fatal("an audit entry was rewritten")
	}
	if _, err := f.st.DB().NewRaw(`DELETE FROM audit_entries`).Exec(f.ctx); err == nil {
		t.Fatal("audit entries were deleted")
	}
}

// Every mutation of the store writes an entry with the state it changed.
func TestAuditEveryMutation(t *testing.T) {
	f := newFixture(t)
	dir := must(f.st.CreateUser(f.ctx, store.UserCreate{Email: "director@example.com", Role: channel.RoleDirector}))(t)
	ctx := channel.WithViewer(f.ctx, dir.Viewer())
	now := f.st.Now()

	must(f.st.SetPolicy(ctx, store.PolicySet{Year: now.Year(), Currency: "EUR", DirectSaleThreshold: 1_000_000,
		RegistrationRequiresApproval: ptr(false), PriceFloors: map[int64]int64{f.pumps.ID: 100}}))(t)
	must(f.st.SetPolicy(ctx, store.PolicySet{Year: now.Year(), Currency: "EUR", DirectSaleThreshold: 2_000_000,
		RegistrationRequiresApproval: ptr(false), PriceFloors: map[int64]int64{f.pumps.ID: 200}}))(t)
	must(f.st.UpdateDealer(ctx, f.other.ID, store.DealerUpdate{Tier: ptr(2)}))(t)
	must(f.st.SetDealerPlan(ctx, store.PlanSet{DealerID: f.other.ID, Year: now.Year(), PlannedVolume: channel.Money{Minor: 100, Currency: "EUR"}}))(t)
	must(f.st.SetDealerPlan(ctx, store.PlanSet{DealerID: f.other.ID, Year: now.Year(), PlannedVolume: channel.Money{Minor: 300, Currency: "EUR"}}))(t)
	ta := must(f.st.AssignTerritory(ctx, store.TerritoryAssign{DealerID: f.dist.ID, RegionID: f.bg.ID, ValidFrom: now.AddDate(0, -1, 0)}))(t)
	must(f.st.UnassignTerritory(ctx, ta.ID, nil))(t)
	c := must(f.st.CreateCustomer(ctx, store.CustomerCreate{Name: "Stara Zagora Mills", RegionID: f.yambol.ID, Segment: channel.Agriculture}))(t)
	must2(f.st.TransferCustomer(ctx, store.Transfer{CustomerID: c.ID, ToKind: channel.OwnerDealer, ToDealerID: f.dist.ID, Reason: "signed"}))(t)
	d := must(f.st.RegisterDeal(ctx, store.DealRegister{CustomerID: c.ID, Channel: channel.ChannelDealer, DealerID: f.dist.ID,
		ProductLineID: f.pumps.ID, Quantity: 2, UnitPrice: channel.Money{Minor: 50_000, Currency: "EUR"}}))(t)
	must(f.st.UpdateDeal(ctx, d.ID, store.DealUpdate{Quantity: ptr(3)}))(t)
	must(f.st.CloseDeal(ctx, d.ID, channel.StageWon, "signed"))(t)

	var rows []struct {
		Action   string  `bun:"action"`
		Entity   string  `bun:"entity"`
		EntityID int64   `bun:"entity_id"`
		Actor    string  `bun:"actor"`
		Before   *string `bun:"before"`
		After    *string `bun:"after"`
	}
	must(0, f.st.DB().NewRaw(`SELECT action, entity, entity_id, actor, before::text AS before, after::text AS after
		FROM audit_entries WHERE actor = ? ORDER BY id`, "director@example.com").Scan(f.ctx, &rows))(t)
	got := map[string]int{}
	for _, r := range rows {
		got[r.Entity+" "+r.Action]++
		if r.After == nil {
			t.Errorf("%s %s %d has no after", r.Entity, r.Action, r.EntityID)
		}
	}
	for want, n := range map[string]int{
		"policy set": 2, "dealer update": 1, "dealer set_plan": 2, "territory_assignment assign": 1,
		"territory_assignment unassign": 1, "customer create": 1, "customer transfer": 1, "deal register": 1,
		"deal update": 1, "deal close": 1,
	} {
		if got[want] != n {
			t.Errorf("%d entries %q, want %d (all: %v)", got[want], want, n, got)
		}
	}
	// The first setting of the policy and of the plan creates it; the
	// second holds what it replaced, price floors included.
	withBefore := 0
	for _, r := range rows {
		switch {
		case r.Entity == "policy" && r.Before != nil:
			withBefore++
			var b, a channel.Policy
			must(0, json.Unmarshal([]byte(*r.Before), &b))(t)
			must(0, json.Unmarshal([]byte(*r.After), &a))(t)
			if b.DirectSaleThreshold != 1_000_000 || a.DirectSaleThreshold != 2_000_000 || b.PriceFloors[f.pumps.ID] != 100 || a.PriceFloors[f.pumps.ID] != 200 {
				t.Errorf("policy before %+v after %+v", b, a)
			}
		case r.Entity == "dealer" && r.Action == "set_plan" && r.Before != nil:
			withBefore++
			var b, a channel.DealerPlan
			must(0, json.Unmarshal([]byte(*r.Before), &b))(t)
			must(0, json.Unmarshal([]byte(*r.After), &a))(t)
			if b.PlannedVolume != 100 || a.PlannedVolume != 300 {
				t.Errorf("plan before %+v after %+v", b, a)
			}
		case r.Action == "update" || r.Action == "unassign" || r.Action == "transfer" || r.Action == "close":
			if r.Before == nil {
				t.Errorf("%s %s %d has no before", r.Entity, r.Action, r.EntityID)
			}
		}
	}
	if withBefore != 2 {
		t.Errorf("%d policy and plan entries hold a before, want 2", withBefore)
	}
}

// Users, tokens and sign-in are audited without a secret: no password,
// password hash, token or token hash reaches the log.
func TestAuditHoldsNoSecrets(t *testing.T) {
	f := newAuthFixture(t)
	ctx := channel.WithViewer(f.ctx, f.admin.Viewer())
	an := must(f.st.CreateUser(ctx, store.UserCreate{Email: "analyst@example.com", Role: channel.RoleAnalyst, Password: testPassword}))(t)
	must(0, f.st.SetPassword(ctx, an.ID, "another long enough password"))(t)
	must(0, f.st.SetUserDisabled(ctx, an.ID, true))(t)
	must(0, f.st.SetUserDisabled(ctx, an.ID, false))(t)
	tok := must(f.st.CreateToken(ctx, store.TokenCreate{UserID: an.ID, Name: "etl"}))(t)
	must(f.st.RevokeToken(ctx, tok.Token.Prefix))(t)
	sess := must(f.st.Login(f.ctx, store.Login{Email: "analyst@example.com", Password: "another long enough password", Address: "10.1.2.3"}))(t)
	must(0, f.st.Logout(f.ctx, sess.Token))(t)

	var rows []struct {
		Action string  `bun:"action"`
		Actor  string  `bun:"actor"`
		Before *string `bun:"before"`
		After  *string `bun:"after"`
	}
	must(0, f.st.DB().NewRaw(`SELECT action, actor, before::text AS before, after::text AS after FROM audit_entries ORDER BY id`).Scan(f.ctx, &rows))(t)
	var hashes []string
	must(0, f.st.DB().NewRaw(`SELECT password_hash FROM users WHERE password_hash <> ''`).Scan(f.ctx, &hashes))(t)
	tokenHash := sha256.Sum256([]byte(tok.Secret))
	sessHash := sha256.Sum256([]byte(sess.Token))
	secrets := append(hashes, testPassword, "another long enough password", tok.Secret, sess.Token,
		hex.EncodeToString(tokenHash[:]), hex.EncodeToString(sessHash[:]), "$argon2id$")
	actions := map[string]string{}
	for _, r := range rows {
		actions[r.Action] = r.Actor
		for _, doc := range []*string{r.Before, r.After} {
			if doc == nil {
				continue
			}
			for _, s := range secrets {
				if strings.Contains(*doc, s) || strings.Contains(strings.ToLower(*doc), "hash") {
					t.Fatalf("%s holds a secret: %s", r.Action, *doc)
				}
			}
		}
	}
	want := map[string]string{
		"user.create": "director@example.com", "user.set_password": "director@example.com",
		"user.set_disabled": "director@example.com", "token.create": "director@example.com",
		"token.revoke": "director@example.com",
		// The person signing in and out is the actor.
		"auth.login": "analyst@example.com", "auth.logout": "analyst@example.com",
	}
	for a, who := range want {
		if actions[a] != who {
			t.Errorf("action %s by %q, want %q (all: %v)", a, actions[a], who, actions)
		}
	}
	// A revocation shows what changed.
	l := must(f.st.AuditLog(f.ctx, "api_token", tok.Token.ID))(t)
	if len(l) != 2 || l[1].Action != "token.revoke" || !strings.Contains(string(l[1].Before), `"RevokedAt": null`) ||
		strings.Contains(string(l[1].After), `"RevokedAt": null`) {
		t.Fatalf("token log %+v", l)
	}
}

// An import records one entry per row, named after the operator's tool.
func TestAuditImport(t *testing.T) {
	f := newFixture(t)
	file := "name,tax_id,region,segment,size,key_account,key_account_reason,owner_kind,owner_dealer,owner_since,created_at\n" +
		fmt.Sprintf("Import One,,%s,RETAIL,SMALL,false,,UNASSIGNED,,,\n", f.yambol.Path) +
		fmt.Sprintf("Import Two,,%s,RETAIL,SMALL,false,,DEALER,%s,,\n", f.yambol.Path, f.dist.Code)
	res, err := f.st.Import(store.WithActor(f.ctx, store.ActorCLI), store.CSVCustomers, strings.NewReader(file), store.ImportOptions{}, nil)
	if err != nil || res.Imported != 2 {
		t.Fatalf("import %+v %v", res, err)
	}
	action := "import"
	l := must(f.st.ListAudit(f.ctx, store.AuditFilter{Action: &action}, store.Page{}))(t)
	if l.Total != 2 || l.Items[0].Actor != store.ActorCLI || l.Items[0].Entity != "customer" ||
		!strings.Contains(string(l.Items[0].After), `"Import Two"`) || !strings.Contains(string(l.Items[1].After), `"Import One"`) {
		t.Fatalf("import audit %+v", l)
	}
}

// The log pages newest first on (at, id): every entry once, none skipped,
// even while new entries arrive between pages; filters narrow it.
func TestListAuditPages(t *testing.T) {
	f := newFixture(t)
	for i := range 25 {
		must(f.st.CreateProductLine(f.ctx, channel.ProductLine{Code: fmt.Sprintf("line-%02d", i), Name: fmt.Sprintf("Line %d", i)}))(t)
	}
	var all []int64
	must(0, f.st.DB().NewRaw(`SELECT id FROM audit_entries ORDER BY at DESC, id DESC`).Scan(f.ctx, &all))(t)
	if len(all) < 30 {
		t.Fatalf("only %d entries", len(all))
	}

	first := 7
	var seen []int64
	var prev *store.AuditEntry
	after := ""
	for pages := 0; ; pages++ {
		l := must(f.st.ListAudit(f.ctx, store.AuditFilter{}, store.Page{First: &first, After: after}))(t)
		for i, e := range l.Items {
			if prev != nil && (e.At.After(prev.At) || e.At.Equal(prev.At) && e.ID >= prev.ID) {
				t.Fatalf("entry %d (%s) follows %d (%s): not newest first", e.ID, e.At, prev.ID, prev.At)
			}
			seen = append(seen, e.ID)
			prev = &l.Items[i]
		}
		if pages == 0 {
			// Newer entries land before the cursor and shift nothing.
			for i := range 3 {
				must(f.st.CreateProductLine(f.ctx, channel.ProductLine{Code: fmt.Sprintf("late-%d", i), Name: "Late"}))(t)
			}
		}
		if !l.HasNextPage {
			break
		}
		after = l.Cursors[len(l.Cursors)-1]
		if pages > 20 {
			t.Fatal("paging does not end")
		}
	}
	if fmt.Sprint(seen) != fmt.Sprint(all) {
		t.Fatalf("paged %v\nwant   %v", seen, all)
	}

	// Filters.
	entity, action := "product_line", "create"
	pl := must(f.st.ListAudit(f.ctx, store.AuditFilter{Entity: &entity, Action: &action}, store.Page{}))(t)
	if pl.Total != 27+3 || len(pl.Items) != pl.Total {
		t.Fatalf("product line creations: %d of %d", len(pl.Items), pl.Total)
	}
	id := f.pumps.ID
	one := must(f.st.ListAudit(f.ctx, store.AuditFilter{Entity: &entity, EntityID: &id}, store.Page{}))(t)
	if one.Total != 1 || one.Items[0].EntityID != f.pumps.ID {
		t.Fatalf("one entity: %+v", one)
	}
	system := "SYSTEM"
	if l := must(f.st.ListAudit(f.ctx, store.AuditFilter{Actor: &system}, store.Page{}))(t); l.Total != len(all)+3 {
		t.Fatalf("by actor: %d, want %d", l.Total, len(all)+3)
	}
	nobody := "nobody@example.com"
	if l := must(f.st.ListAudit(f.ctx, store.AuditFilter{Actor: &nobody}, store.Page{}))(t); l.Total != 0 {
		t.Fatalf("by an actor who did nothing: %d", l.Total)
	}
	future := time.Now().Add(time.Hour)
	if l := must(f.st.ListAudit(f.ctx, store.AuditFilter{From: &future}, store.Page{}))(t); l.Total != 0 {
		t.Fatalf("from the future: %d", l.Total)
	}
	if l := must(f.st.ListAudit(f.ctx, store.AuditFilter{To: &future}, store.Page{}))(t); l.Total != len(all)+3 {
		t.Fatalf("until the future: %d", l.Total)
	}

	// Bad input.
	_, err := f.st.ListAudit(f.ctx, store.AuditFilter{EntityID: &id}, store.Page{})
	wantErr(t, err, channel.EInvalid, "filter.entity")
	past := future.Add(-2 * time.Hour)
	_, err = f.st.ListAudit(f.ctx, store.AuditFilter{From: &future, To: &past}, store.Page{})
	wantErr(t, err, channel.EInvalid, "filter.to")
	_, err = f.st.ListAudit(f.ctx, store.AuditFilter{}, store.Page{After: "garbage"})
	wantErr(t, err, channel.EInvalid, "after")
}

// Read as a viewer, the log goes through row security as well as the
// resolver's check: the director reads it, nobody else sees a line.
func TestAuditReadableByTheDirectorOnly(t *testing.T) {
	f := newFixture(t)
	total := must(f.st.ListAudit(f.ctx, store.AuditFilter{}, store.Page{}))(t).Total
	if total == 0 {
		t.Fatal("no entries")
	}
	for _, v := range []channel.Viewer{
		{UserID: 1, Email: "director@example.com", Role: channel.RoleDirector},
		{UserID: 2, Email: "manager@example.com", Role: channel.RoleManager},
		{UserID: 3, Email: "analyst@example.com", Role: channel.RoleAnalyst},
		{UserID: 4, Email: "dealer@example.com", Role: channel.RoleDealer, DealerID: f.dist.ID},
	} {
		ctx := channel.WithViewer(f.ctx, v)
		want := 0
		if v.CanReadAudit() {
			want = total
		}
		l := must(f.st.ListAudit(ctx, store.AuditFilter{}, store.Page{}))(t)
		if l.Total != want || len(l.Items) != min(want, store.DefaultPageSize) {
			t.Errorf("%s reads %d entries (%d on the page), want %d", v.Role, l.Total, len(l.Items), want)
		}
		if got := must(f.st.AuditLog(ctx, "dealer", f.dist.ID))(t); (len(got) > 0) != v.CanReadAudit() {
			t.Errorf("%s reads the dealer's log: %d entries", v.Role, len(got))
		}
	}
}
