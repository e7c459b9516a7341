package seed

import (
	"context"
	"testing"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

func TestDemoUsers(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	// Two dealers, one of the demo's and one not: users are made only for
	// demo dealers that exist.
	if _, err := db.ExecContext(ctx, `INSERT INTO dealers (code, name, kind, contract_start)
		VALUES ('BG-D01', 'Demo Dealer', 'DISTRIBUTOR', '2025-01-01'), ('ZZ-99', 'Not Demo', 'DEALER', '2025-01-01')`); err != nil {
		t.Fatal(err)
	}
	if err := DemoUsers(ctx, db, DemoPassword); err != nil {
		t.Fatal(err)
	}
	if err := DemoUsers(ctx, db, DemoPassword); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM users`); n != 4 {
		t.Fatalf("%d users, want director, manager, analyst and dealer-bg-d01", n)
	}
	if len(DemoUserList()) != 3+len(dealers) {
		t.Fatalf("DemoUserList has %d entries", len(DemoUserList()))
	}

	st := store.New(db)
	for email, want := range map[string]channel.Role{
		"director@example.com":      channel.RoleDirector,
		"manager@example.com":       channel.RoleManager,
		"analyst@example.com":       channel.RoleAnalyst,
		"dealer-bg-d01@example.com": channel.RoleDealer,
	} {
		s, err := st.Login(ctx, store.Login{Email: email, Password: DemoPassword, Address: "127.0.0.1"})
		if err != nil {
			t.Fatalf("%s: %v", email, err)
		}
		v, err := st.SessionViewer(ctx, s.Token)
		if err != nil || v.Role != want || (want == channel.RoleDealer) != (v.DealerName == "Demo Dealer") {
			t.Fatalf("%s: viewer %+v %v", email, v, err)
		}
	}
	if err := DemoUsers(ctx, db, "short"); err == nil {
		t.Fatal("a weak password was accepted")
	}
}
