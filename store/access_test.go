package store_test

import (
	"context"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

// The roles viewers read as can do nothing row security does not allow.
func TestViewerRolesHaveNoPowers(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	for _, role := range []string{store.StaffRole, store.DealerRole} {
		var super, bypass, login, createRole, createDB bool
		err := db.QueryRowContext(ctx, `SELECT rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb
			FROM pg_roles WHERE rolname = ?`, role).Scan(&super, &bypass, &login, &createRole, &createDB)
		if err != nil {
			t.Fatalf("role %s: %v", role, err)
		}
		if super || bypass || login || createRole || createDB {
			t.Errorf("%s: superuser %v, bypassrls %v, login %v, createrole %v, createdb %v; want none", role, super, bypass, login, createRole, createDB)
		}
		var owned int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
			WHERE r.rolname = ?`, role).Scan(&owned); err != nil {
			t.Fatal(err)
		}
		if owned != 0 {
			t.Errorf("%s owns %d relations, want none", role, owned)
		}
		var timeout string
		if err := db.QueryRowContext(ctx, `SELECT coalesce((SELECT s FROM pg_db_role_setting d, unnest(d.setconfig) s
			WHERE d.setrole = (SELECT oid FROM pg_roles WHERE rolname = ?) AND s LIKE 'statement_timeout=%'), '')`, role).Scan(&timeout); err != nil {
			t.Fatal(err)
		}
		if timeout == "" {
			t.Errorf("%s has no statement_timeout", role)
		}
	}
	// Every table of ours has row security, forced; bun's bookkeeping is
	// not readable by the viewers at all.
	rows, err := db.QueryContext(ctx, `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
			has_table_privilege(?, c.oid, 'SELECT') OR has_table_privilege(?, c.oid, 'SELECT')
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`, store.StaffRole, store.DealerRole)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	tables := 0
	for rows.Next() {
		var name string
		var rls, force, readable bool
		if err := rows.Scan(&name, &rls, &force, &readable); err != nil {
			t.Fatal(err)
		}
		tables++
		if name == "bun_migrations" || name == "bun_migration_locks" {
			if readable {
				t.Errorf("%s is readable by a viewer role", name)
			}
			continue
		}
		if !rls || !force {
			t.Errorf("table %s: row security %v, forced %v; want both", name, rls, force)
		}
	}
	if tables < 20 {
		t.Fatalf("found only %d tables", tables)
	}
	// Every view, should one appear, runs with its reader's rights.
	var views int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')
		AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)`).Scan(&views); err != nil {
		t.Fatal(err)
	}
	if views != 0 {
		t.Errorf("%d views without security_invoker", views)
	}
}

// With the application's own narrowing switched off, a dealer user's reads
// still return only its own rows: PostgreSQL refuses the rest.
func TestRowSecurityRefusesWithoutTheAppCheck(t *testing.T) {
	f := newFixture(t)
	mine := f.customer(t, "Yambol Farm", channel.OwnerDealer, f.sub.ID)
	theirs := f.customer(t, "Carpati Mill", channel.OwnerDealer, f.other.ID)
	direct := f.customer(t, "State Water", channel.OwnerDirect, 0)
	myDeal := must(f.st.RegisterDeal(f.ctx, store.DealRegister{CustomerID: mine.ID, Channel: channel.ChannelDealer,
		DealerID: f.sub.ID, ProductLineID: f.pumps.ID, Quantity: 1, UnitPrice: eur(1000)}))(t)
	theirDeal := must(f.st.RegisterDeal(f.ctx, store.DealRegister{CustomerID: theirs.ID, Channel: channel.ChannelDealer,
		DealerID: f.other.ID, ProductLineID: f.pumps.ID, Quantity: 1, UnitPrice: eur(2000)}))(t)
	// A deal of ours on a customer of theirs makes that customer ours to see.
	shared := f.customer(t, "Shared Agro", channel.OwnerDealer, f.other.ID)
	must(f.st.RegisterDeal(f.ctx, store.DealRegister{CustomerID: shared.ID, Channel: channel.ChannelDealer,
		DealerID: f.sub.ID, ProductLineID: f.valves.ID, Quantity: 1, UnitPrice: eur(3000)}))(t)

	dealer := channel.WithViewer(f.ctx, channel.Viewer{UserID: 7, Role: channel.RoleDealer, DealerID: f.sub.ID})
	for _, narrowing := range []bool{true, false} {
		restore := store.SetAppNarrowing(narrowing)
		list := must(f.st.ListCustomers(dealer, store.CustomerFilter{}, store.Order{}, store.Page{}))(t)
		got := map[int64]bool{}
		for _, c := range list.Items {
			got[c.ID] = true
		}
		if !got[mine.ID] || !got[shared.ID] || got[theirs.ID] || got[direct.ID] || list.Total != 2 {
			t.Errorf("narrowing %v: dealer sees customers %v (total %d), want only %d and %d", narrowing, got, list.Total, mine.ID, shared.ID)
		}
		byID := must(f.st.CustomersByIDs(dealer, []int64{mine.ID, theirs.ID, direct.ID}))(t)
		if _, ok := byID[theirs.ID]; ok || len(byID) != 1 {
			t.Errorf("narrowing %v: customers by id = %v, want only %d", narrowing, byID, mine.ID)
		}
		deals := must(f.st.DealsByIDs(dealer, []int64{myDeal.ID, theirDeal.ID}))(t)
		if _, ok := deals[theirDeal.ID]; ok || len(deals) != 1 {
			t.Errorf("narrowing %v: deals by id = %v, want only %d", narrowing, deals, myDeal.ID)
		}
		dealers := must(f.st.DealersByIDs(dealer, []int64{f.sub.ID, f.other.ID, f.dist.ID}))(t)
		if len(dealers) != 1 || dealers[f.sub.ID].ID != f.sub.ID {
			t.Errorf("narrowing %v: dealers = %v, want only its own", narrowing, dealers)
		}
		if _, err := f.st.Customer(dealer, theirs.ID); channel.ErrorCode(err) != channel.ENotFound {
			t.Errorf("narrowing %v: another dealer's customer: %v, want NOT_FOUND", narrowing, err)
		}
		restore()
	}
	// Staff see everything; trusted code too.
	staff := channel.WithViewer(f.ctx, channel.Viewer{UserID: 1, Role: channel.RoleAnalyst})
	if all := must(f.st.ListCustomers(staff, store.CustomerFilter{}, store.Order{}, store.Page{}))(t); all.Total != 4 {
		t.Errorf("analyst sees %d customers, want 4", all.Total)
	}
}

// With no viewer named in the transaction, the viewers' roles see nothing;
// and a viewer's settings do not outlive its transaction on a pooled
// connection.
func TestNoViewerSeesNothingAndNothingLeaks(t *testing.T) {
	f := newFixture(t)
	f.customer(t, "Yambol Farm", channel.OwnerDealer, f.sub.ID)
	db := f.st.DB()
	for _, role := range []string{store.StaffRole, store.DealerRole} {
		tx, err := db.BeginTx(f.ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if _, err := tx.ExecContext(f.ctx, "SET LOCAL ROLE "+role); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"customers", "dealers", "deals", "conflicts"} {
			if err := tx.QueryRowContext(f.ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%s with no viewer sees %d rows of %s", role, n, table)
			}
		}
		// And it may not write at all.
		if _, err := tx.ExecContext(f.ctx, "UPDATE customers SET name = 'x'"); err == nil {
			t.Errorf("%s could update customers", role)
		}
		_ = tx.Rollback()
	}

	one := store.New(must(store.Open(f.ctx, storetest.DSN(t), store.WithMaxOpenConns(1)))(t))
	defer one.DB().Close()
	dealer := channel.WithViewer(f.ctx, channel.Viewer{UserID: 7, Role: channel.RoleDealer, DealerID: f.sub.ID})
	if _, err := one.ListCustomers(dealer, store.CustomerFilter{}, store.Order{}, store.Page{}); err != nil {
		t.Fatal(err)
	}
	var user, role, dealerID string
	if err := one.DB().QueryRowContext(f.ctx, `SELECT current_user, current_setting('channelboard.role', true),
		current_setting('channelboard.dealer_id', true)`).Scan(&user, &role, &dealerID); err != nil {
		t.Fatal(err)
	}
	if user == store.DealerRole || role != "" || dealerID != "" {
		t.Errorf("after a dealer's read the pooled connection is user %q, role %q, dealer %q", user, role, dealerID)
	}
}

// A request's reads share one transaction, which a write ends first: a
// request never holds two connections, so a full pool cannot deadlock.
func TestRequestTransactionEndsBeforeAWrite(t *testing.T) {
	bg := context.Background()
	one := store.New(must(store.Open(bg, storetest.DSN(t), store.WithMaxOpenConns(1)))(t))
	defer one.DB().Close()
	region := must(one.CreateRegion(bg, channel.Region{Path: "eu", Name: "Europe"}))(t)
	staff := channel.WithViewer(bg, channel.Viewer{UserID: 1, Role: channel.RoleManager})
	ctx, done := one.WithRequestTx(staff)
	defer done()
	if _, err := one.ListDealers(ctx, store.DealerFilter{}, store.Order{}, store.Page{}); err != nil {
		t.Fatal(err)
	}
	// With one connection in the pool, held by the read transaction, this
	// write could only wait forever unless the read ends first.
	wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	c, err := one.CreateCustomer(wctx, store.CustomerCreate{Name: "After Read", RegionID: region.ID, Segment: channel.Retail})
	if err != nil {
		t.Fatalf("write after a read in the same request: %v", err)
	}
	// And a read after the write sees it, in a new transaction.
	got, err := one.Customer(ctx, c.ID)
	if err != nil || got.Name != "After Read" {
		t.Fatalf("read after write: %+v %v", got, err)
	}
}

// A dealer's own accounts by name go through customers_owned_page (0013):
// the same rows, order, cursors and total as the general query, both ways,
// page by page; the functions name nothing to anyone but a dealer.
func TestDealerOwnCustomersPage(t *testing.T) {
	f := newFixture(t)
	names := []string{"Ovech Farm", "Aheloy Agro", "Burgas Mill", "Aheloy Agro", "Zornitsa Co", "Kableshkovo Grain", "Elhovo Seeds"}
	for _, n := range names {
		f.customer(t, n, channel.OwnerDealer, f.sub.ID)
	}
	f.customer(t, "Carpati Mill", channel.OwnerDealer, f.other.ID)
	f.customer(t, "State Water", channel.OwnerDirect, 0)
	dealer := channel.WithViewer(f.ctx, channel.Viewer{UserID: 7, Role: channel.RoleDealer, DealerID: f.sub.ID})
	staff := channel.WithViewer(f.ctx, channel.Viewer{UserID: 1, Role: channel.RoleAnalyst})
	own := store.CustomerFilter{OwnerDealerID: &f.sub.ID}
	for _, desc := range []bool{false, true} {
		order := store.Order{Field: store.CustomerByName, Desc: desc}
		want := must(f.st.ListCustomers(staff, own, order, store.Page{First: ptr(store.MaxPageSize)}))(t)
		if len(want.Items) != len(names) {
			t.Fatalf("staff sees %d of the dealer's customers, want %d", len(want.Items), len(names))
		}
		var got []int64
		after := ""
		for range len(names) + 1 {
			page := must(f.st.ListCustomers(dealer, own, order, store.Page{First: ptr(2), After: after}))(t)
			if page.Total != len(names) {
				t.Errorf("desc %v: total %d, want %d", desc, page.Total, len(names))
			}
			for _, c := range page.Items {
				got = append(got, c.ID)
			}
			if !page.HasNextPage {
				break
			}
			after = page.Cursors[len(page.Cursors)-1]
		}
		for i := range want.Items {
			if i >= len(got) || got[i] != want.Items[i].ID {
				t.Fatalf("desc %v: dealer's pages %v, want the order of %v", desc, got, want.Items)
			}
		}
		if len(got) != len(want.Items) {
			t.Errorf("desc %v: %d rows over the pages, want %d", desc, len(got), len(want.Items))
		}
	}
	// Called by anyone but a dealer, the functions name nothing.
	var n int
	if err := f.st.DB().NewRaw("SELECT count(*) FROM customers_owned_page(NULL, NULL, false, 100)").Scan(f.ctx, &n); err != nil || n != 0 {
		t.Errorf("without a dealer viewer the page function named %d ids (err %v), want 0", n, err)
	}
	if err := f.st.DB().NewRaw("SELECT customers_owned_count()").Scan(f.ctx, &n); err != nil || n != 0 {
		t.Errorf("without a dealer viewer the count is %d (err %v), want 0", n, err)
	}
}
