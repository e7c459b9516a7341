package seed

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func count(t *testing.T, db bun.IDB, query string) int {
	t.Helper()
	var n int
	if err := db.NewRaw(query).Scan(context.Background(), &n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func between(t *testing.T, what string, n, lo, hi int) {
	t.Helper()
	if n < lo || n > hi {
		t.Errorf("%s = %d, want between %d and %d", what, n, lo, hi)
	}
}

// fingerprint hashes what a person sees of the demo: customers with their
// owners and tax ids, deals with their money and stages, the history.
const fingerprint = `SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
	SELECT c.id::text || c.name || coalesce(c.tax_id, '') || c.owner_kind || coalesce(d.code, '') || c.owner_since::text AS x
	FROM customers c LEFT JOIN dealers d ON d.id = c.owner_dealer_id
	UNION ALL
	SELECT concat_ws(',', id, customer_id, channel_kind, dealer_id, product_line_id, quantity, unit_price, amount, stage, prepaid_amount, registered_at, protected_until, closed_at) FROM deals
	UNION ALL
	SELECT concat_ws(',', id, customer_id, from_kind, from_dealer_id, to_kind, to_dealer_id, how, reason, decided_by, at) FROM ownership_changes) t`

func TestDemo(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)

	empty, err := IsEmpty(ctx, db)
	if err != nil || !empty {
		t.Fatalf("IsEmpty on a fresh database = %v, %v; want true", empty, err)
	}
	var out bytes.Buffer
	if err := Demo(ctx, db, &out); err != nil {
		t.Fatalf("Demo: %v", err)
	}
	if !strings.Contains(out.String(), "customers 2000 /") || !strings.Contains(out.String(), "loaded in") {
		t.Errorf("progress output lacks the counts:\n%s", out.String())
	}
	empty, err = IsEmpty(ctx, db)
	if err != nil || empty {
		t.Fatalf("IsEmpty after Demo = %v, %v; want false", empty, err)
	}

	t.Run("counts", func(t *testing.T) {
		between(t, "regions", count(t, db, "SELECT count(*) FROM regions"), 40, 60)
		between(t, "product lines", count(t, db, "SELECT count(*) FROM product_lines"), 5, 5)
		between(t, "dealers", count(t, db, "SELECT count(*) FROM dealers"), 38, 45)
		between(t, "customers", count(t, db, "SELECT count(*) FROM customers"), 1950, 2050)
		between(t, "deals", count(t, db, "SELECT count(*) FROM deals"), 4500, 5500)
		between(t, "later ownership changes", count(t, db, "SELECT count(DISTINCT customer_id) FROM ownership_changes WHERE how <> 'INITIAL'"), 180, 260)
		between(t, "conflict resolutions", count(t, db, "SELECT count(*) FROM ownership_changes WHERE how = 'CONFLICT_RESOLUTION'"), 20, 200)
		between(t, "dealer plans 2025", count(t, db, "SELECT count(*) FROM dealer_plans WHERE year = 2025"), 38, 45)
		between(t, "dealer plans 2026", count(t, db, "SELECT count(*) FROM dealer_plans WHERE year = 2026"), 36, 45)
		between(t, "key accounts", count(t, db, "SELECT count(*) FROM customers WHERE key_account"), 20, 150)
		between(t, "customers without tax id", count(t, db, "SELECT count(*) FROM customers WHERE tax_id IS NULL"), 20, 150)
		for _, kind := range []string{"DISTRIBUTOR", "DEALER", "SUBDEALER"} {
			between(t, kind, count(t, db, "SELECT count(*) FROM dealers WHERE kind = '"+kind+"'"), 5, 30)
		}
		for _, status := range []string{"SUSPENDED", "TERMINATED"} {
			between(t, status, count(t, db, "SELECT count(*) FROM dealers WHERE status = '"+status+"'"), 1, 4)
		}
		for _, stage := range []string{"PENDING_APPROVAL", "REGISTERED", "QUOTED", "WON", "LOST", "CANCELLED"} {
			between(t, "deals "+stage, count(t, db, "SELECT count(*) FROM deals WHERE stage = '"+stage+"'"), 20, 4000)
		}
	})

	t.Run("owners mixed", func(t *testing.T) {
		total := count(t, db, "SELECT count(*) FROM customers")
		direct := count(t, db, "SELECT count(*) FROM customers WHERE owner_kind = 'DIRECT'")
		unassigned := count(t, db, "SELECT count(*) FROM customers WHERE owner_kind = 'UNASSIGNED'")
		between(t, "direct %", direct*100/total, 10, 25)
		between(t, "unassigned %", unassigned*100/total, 5, 15)
		// Dealers own most customers, each inside its dealer's territory
		// (region and segment).
		covered := count(t, db, `SELECT count(*) FROM customers c JOIN regions r ON r.id = c.region_id
			WHERE c.owner_kind = 'DEALER' AND EXISTS (SELECT 1 FROM territory_assignments a JOIN regions ar ON ar.id = a.region_id
				WHERE a.dealer_id = c.owner_dealer_id AND ar.path @> r.path AND (a.segments = '{}' OR c.segment = ANY (a.segments)))`)
		owned := total - direct - unassigned
		between(t, "dealer-owned %", owned*100/total, 55, 85)
		if covered != owned {
			t.Errorf("%d of %d dealer-owned customers lie outside their dealer's territory", owned-covered, owned)
		}
	})

	t.Run("every customer's history starts with INITIAL and ends at its owner", func(t *testing.T) {
		bad := count(t, db, `SELECT count(*) FROM customers c WHERE NOT EXISTS (
			SELECT 1 FROM ownership_changes h WHERE h.customer_id = c.id AND h.how = 'INITIAL' AND h.from_kind IS NULL
			AND h.id = (SELECT min(id) FROM ownership_changes WHERE customer_id = c.id))`)
		if bad != 0 {
			t.Errorf("%d customers whose first history entry is not INITIAL", bad)
		}
		if n := count(t, db, "SELECT count(*) FROM ownership_changes WHERE how = 'INITIAL'"); n != count(t, db, "SELECT count(*) FROM customers") {
			t.Errorf("%d INITIAL entries, want one per customer", n)
		}
		bad = count(t, db, `SELECT count(*) FROM customers c JOIN LATERAL (
			SELECT * FROM ownership_changes h WHERE h.customer_id = c.id ORDER BY h.at DESC, h.id DESC LIMIT 1) last ON true
			WHERE last.to_kind <> c.owner_kind OR last.to_dealer_id IS DISTINCT FROM c.owner_dealer_id OR last.at <> c.owner_since`)
		if bad != 0 {
			t.Errorf("%d customers whose owner differs from their last history entry", bad)
		}
		// Each later entry starts where the previous one ended.
		bad = count(t, db, `SELECT count(*) FROM (SELECT from_kind, from_dealer_id,
				lag(to_kind) OVER w AS prev_kind, lag(to_dealer_id) OVER w AS prev_dealer, how
			FROM ownership_changes WINDOW w AS (PARTITION BY customer_id ORDER BY at, id)) h
			WHERE how <> 'INITIAL' AND (from_kind IS DISTINCT FROM prev_kind OR from_dealer_id IS DISTINCT FROM prev_dealer)`)
		if bad != 0 {
			t.Errorf("%d history entries whose from is not the previous to", bad)
		}
		bad = count(t, db, "SELECT count(*) FROM ownership_changes WHERE how <> 'INITIAL' AND (reason = '' OR decided_by NOT IN ('director@example.com', 'manager@example.com'))")
		if bad != 0 {
			t.Errorf("%d later changes without a reason or a known decider", bad)
		}
	})

	t.Run("deals are consistent", func(t *testing.T) {
		checks := map[string]string{
			"amount is quantity times unit price":      "SELECT count(*) FROM deals WHERE amount <> quantity * unit_price",
			"currency is the policy's":                 "SELECT count(*) FROM deals WHERE currency <> 'EUR'",
			"open registrations protected for 90 days": "SELECT count(*) FROM deals WHERE stage IN ('REGISTERED','QUOTED') AND protected_until IS DISTINCT FROM registered_at + interval '90 days'",
			"pending ones not protected yet":           "SELECT count(*) FROM deals WHERE stage = 'PENDING_APPROVAL' AND protected_until IS NOT NULL",
			"closed after registered, not in future":   "SELECT count(*) FROM deals WHERE closed_at < registered_at OR closed_at > '2026-11-24 12:00Z'",
			"registered after the customer appeared":   "SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id WHERE d.registered_at < c.created_at",
			"dealer deals by dealers under contract":   "SELECT count(*) FROM deals d JOIN dealers x ON x.id = d.dealer_id WHERE d.registered_at::date < x.contract_start OR d.registered_at::date > x.contract_end",
			"no open deal of a terminated dealer":      "SELECT count(*) FROM deals d JOIN dealers x ON x.id = d.dealer_id WHERE x.status = 'TERMINATED' AND d.stage IN ('PENDING_APPROVAL','REGISTERED','QUOTED')",
		}
		for what, q := range checks {
			if n := count(t, db, q); n != 0 {
				t.Errorf("%s: %d deals break it", what, n)
			}
		}
		between(t, "prepaid deals", count(t, db, "SELECT count(*) FROM deals WHERE prepaid_amount > 0"), 200, 2500)
		between(t, "deals under the 2026 floor", count(t, db, `SELECT count(*) FROM deals d JOIN policy_price_floors f
			ON f.year = 2026 AND f.product_line_id = d.product_line_id WHERE d.unit_price < f.min_unit_price`), 20, 400)
		between(t, "small direct deals", count(t, db, "SELECT count(*) FROM deals WHERE channel_kind = 'DIRECT' AND amount < 1000000"), 20, 1500)
	})

	t.Run("policy", func(t *testing.T) {
		var p struct {
			Currency  string  `bun:"currency"`
			Threshold int64   `bun:"direct_sale_threshold"`
			Days      int     `bun:"registration_protection_days"`
			Approval  bool    `bun:"registration_requires_approval"`
			Tolerance float64 `bun:"price_mismatch_tolerance_pct"`
			Marketing float64 `bun:"marketing_budget_pct"`
			Share     float64 `bun:"manufacturer_share_pct"`
			Comp      float64 `bun:"default_compensation_pct"`
			Deviation float64 `bun:"plan_deviation_margin_pct"`
		}
		if err := db.NewRaw(`SELECT currency, direct_sale_threshold, registration_protection_days, registration_requires_approval,
			price_mismatch_tolerance_pct, marketing_budget_pct, manufacturer_share_pct, default_compensation_pct,
			plan_deviation_margin_pct FROM policies WHERE year = 2026`).Scan(ctx, &p); err != nil {
			t.Fatal(err)
		}
		want := p
		want.Currency, want.Threshold, want.Days, want.Approval = "EUR", 1000000, 90, true
		want.Tolerance, want.Marketing, want.Share, want.Comp, want.Deviation = 5, 1.5, 50, 5, 10
		if p != want {
			t.Errorf("2026 policy = %+v, want %+v", p, want)
		}
		var tiers []string
		if err := db.NewRaw("SELECT min_attainment_pct || '→' || bonus_pct FROM policy_bonus_tiers WHERE year = 2026 ORDER BY 1").Scan(ctx, &tiers); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(tiers, " "); got != "100.00→2.500 120.00→4.000 90.00→1.000" {
			t.Errorf("2026 bonus tiers = %s", got)
		}
		if n := count(t, db, "SELECT count(*) FROM policy_price_floors WHERE year = 2026"); n != 5 {
			t.Errorf("%d price floors for 2026, want one per product line", n)
		}
		if n := count(t, db, "SELECT count(*) FROM policies WHERE year = 2025"); n != 1 {
			t.Errorf("no 2025 policy")
		}
	})

	t.Run("seed 000 story", func(t *testing.T) {
		var c struct {
			ID        int64  `bun:"id"`
			OwnerKind string `bun:"owner_kind"`
			Dealer    string `bun:"dealer"`
			Key       bool   `bun:"key_account"`
		}
		err := db.NewRaw(`SELECT c.id, c.owner_kind, d.name AS dealer, c.key_account FROM customers c
			JOIN dealers d ON d.id = c.owner_dealer_id WHERE c.name = ?`, storyCustomer).Scan(ctx, &c)
		if err != nil {
			t.Fatalf("story customer %q: %v", storyCustomer, err)
		}
		if c.OwnerKind != "DEALER" || c.Dealer != "Ямбол Трейд ЕООД" || c.Key {
			t.Errorf("story customer owned by %s %q (key account %v), want dealer Ямбол Трейд ЕООД, not a key account", c.OwnerKind, c.Dealer, c.Key)
		}
		// The open dealer deal with the prepayment, still protected, and a
		// direct deal for the same product line, cheaper.
		n := count(t, db, `SELECT count(*) FROM deals dd JOIN deals direct
			ON direct.customer_id = dd.customer_id AND direct.product_line_id = dd.product_line_id
			WHERE dd.customer_id = `+strconv.FormatInt(c.ID, 10)+` AND dd.channel_kind = 'DEALER' AND dd.prepaid_amount > 0
			AND dd.stage IN ('REGISTERED','QUOTED') AND dd.protected_until > '2026-11-24'
			AND direct.channel_kind = 'DIRECT' AND direct.stage IN ('PENDING_APPROVAL','REGISTERED','QUOTED')
			AND direct.registered_at > dd.registered_at AND direct.unit_price < dd.unit_price`)
		if n != 1 {
			t.Errorf("story customer has %d (prepaid dealer deal, later direct deal) pairs, want 1", n)
		}
	})

	t.Run("names normalised, tax ids unique", func(t *testing.T) {
		var rows []struct {
			Name      string  `bun:"name"`
			NameNorm  string  `bun:"name_norm"`
			TaxID     *string `bun:"tax_id"`
			TaxIDNorm *string `bun:"tax_id_norm"`
		}
		if err := db.NewRaw("SELECT name, name_norm, tax_id, tax_id_norm FROM customers").Scan(ctx, &rows); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.NameNorm != channel.NormalizeName(r.Name) || r.NameNorm == "" {
				t.Fatalf("%q: name_norm %q, want %q", r.Name, r.NameNorm, channel.NormalizeName(r.Name))
			}
			if (r.TaxID == nil) != (r.TaxIDNorm == nil) || r.TaxID != nil && *r.TaxIDNorm != channel.NormalizeTaxID(*r.TaxID) {
				t.Fatalf("%q: tax id %v normalised to %v", r.Name, r.TaxID, r.TaxIDNorm)
			}
		}
		// Every language of the seeds is there.
		for _, form := range []string{"% ЕООД", "% SRL", "ООО «%", "%有限公司", "% LLC", "% Ltd%", "% АД", "% SA", "ПАО %", "АО %"} {
			if count(t, db, "SELECT count(*) FROM customers WHERE name LIKE '"+form+"'") == 0 {
				t.Errorf("no customer named like %q", form)
			}
		}
		between(t, "near-duplicate names", count(t, db, `SELECT count(*) FROM customers a JOIN customers b
			ON a.id < b.id AND a.name_norm = b.name_norm`), 5, 40)
	})

	t.Run("second Demo refused, nothing changed", func(t *testing.T) {
		var before, after string
		if err := db.NewRaw(fingerprint).Scan(ctx, &before); err != nil {
			t.Fatal(err)
		}
		err := Demo(ctx, db, nil)
		if !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("second Demo = %v, want ErrNotEmpty", err)
		}
		if err := db.NewRaw(fingerprint).Scan(ctx, &after); err != nil {
			t.Fatal(err)
		}
		if before != after || count(t, db, "SELECT count(*) FROM dealers") != 40 {
			t.Error("second Demo changed the data")
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		other := storetest.NewDB(t)
		if err := Demo(ctx, other, nil); err != nil {
			t.Fatal(err)
		}
		var a, b string
		if err := db.NewRaw(fingerprint).Scan(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if err := other.NewRaw(fingerprint).Scan(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if a != b {
			t.Errorf("two demo loads differ: %s vs %s", a, b)
		}
	})
}

var small = sizes{dealers: 10, customers: 500, deals: 2000}

func TestScaleOnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	var out bytes.Buffer
	if err := scale(ctx, db, small, &out); err != nil {
		t.Fatalf("scale: %v", err)
	}
	// Not a terminal: plain percentage lines, ending at 100 %.
	if !strings.Contains(out.String(), "scale: 100% (") || !strings.Contains(out.String(), "done in") {
		t.Errorf("progress output:\n%s", out.String())
	}
	checkScale(t, db, small, 1, 0)
	between(t, "regions", count(t, db, "SELECT count(*) FROM regions"), 40, 60)
	if n := count(t, db, "SELECT count(*) FROM policies"); n != 2 {
		t.Errorf("%d policies, want 2025 and 2026", n)
	}

	// The sequences moved past the seeded ids: an ordinary insert works.
	if _, err := db.ExecContext(ctx, `INSERT INTO dealers (code, name, kind, contract_start) VALUES ('NEW-1', 'New', 'DEALER', '2026-01-01')`); err != nil {
		t.Errorf("insert after scale: %v", err)
	}

	// Deterministic: the same sizes on another empty database give the
	// same rows.
	other := storetest.NewDB(t)
	if err := scale(ctx, other, small, nil); err != nil {
		t.Fatal(err)
	}
	var a, b string
	if err := db.NewRaw(fingerprint).Scan(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := other.NewRaw(fingerprint).Scan(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("two scale runs on empty databases differ")
	}
}

func TestScaleOnTopOfDemo(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	if err := Demo(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	base := struct{ dealers, customers, deals int }{
		count(t, db, "SELECT count(*) FROM dealers"), count(t, db, "SELECT count(*) FROM customers"), count(t, db, "SELECT count(*) FROM deals"),
	}
	before := count(t, db, "SELECT max(id) FROM customers")
	// Twice: the second run must find fresh codes and tax ids too.
	for run := 1; run <= 2; run++ {
		if err := scale(ctx, db, small, nil); err != nil {
			t.Fatalf("scale run %d: %v", run, err)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM dealers"); n != base.dealers+2*small.dealers {
		t.Errorf("%d dealers, want %d", n, base.dealers+2*small.dealers)
	}
	if n := count(t, db, "SELECT count(*) FROM customers"); n != base.customers+2*small.customers {
		t.Errorf("%d customers, want %d", n, base.customers+2*small.customers)
	}
	if n := count(t, db, "SELECT count(*) FROM deals"); n != base.deals+2*small.deals {
		t.Errorf("%d deals, want %d", n, base.deals+2*small.deals)
	}
	checkScale(t, db, small, 2, before)
	// The demo is untouched: its story is still there, owned as before.
	if n := count(t, db, "SELECT count(*) FROM customers c JOIN dealers d ON d.id = c.owner_dealer_id WHERE c.name = '"+storyCustomer+"' AND d.code = 'BG-001'"); n != 1 {
		t.Errorf("story customer lost its dealer after scale")
	}
}

// checkScale checks the integrity of what scale wrote: runs scale runs of
// sz, onto a database whose customer ids were all up to before.
func checkScale(t *testing.T, db *bun.DB, sz sizes, runs int, before int) {
	t.Helper()
	if n := count(t, db, "SELECT count(*) FROM dealers WHERE code LIKE 'SC%'"); n != runs*sz.dealers {
		t.Errorf("%d scale dealers, want %d", n, runs*sz.dealers)
	}
	if n := count(t, db, "SELECT count(*) FROM customers WHERE id > "+strconv.Itoa(before)); n != runs*sz.customers {
		t.Errorf("%d scale customers, want %d", n, runs*sz.customers)
	}
	checks := map[string]string{
		"subdealers under a distributor of the same run": `SELECT count(*) FROM dealers s JOIN dealers p ON p.id = s.parent_id
			WHERE s.code LIKE 'SC%' AND (p.kind <> 'DISTRIBUTOR' OR p.code NOT LIKE 'SC%')`,
		"every scale dealer has a territory": `SELECT count(*) FROM dealers d WHERE code LIKE 'SC%'
			AND NOT EXISTS (SELECT 1 FROM territory_assignments a WHERE a.dealer_id = d.id)`,
		"customers without an INITIAL first entry": `SELECT count(*) FROM customers c WHERE NOT EXISTS (
			SELECT 1 FROM ownership_changes h WHERE h.customer_id = c.id AND h.how = 'INITIAL' AND h.from_kind IS NULL
			AND h.id = (SELECT min(id) FROM ownership_changes WHERE customer_id = c.id))`,
		"customers whose owner is not their last entry": `SELECT count(*) FROM customers c JOIN LATERAL (
			SELECT * FROM ownership_changes h WHERE h.customer_id = c.id ORDER BY h.at DESC, h.id DESC LIMIT 1) last ON true
			WHERE last.to_kind <> c.owner_kind OR last.to_dealer_id IS DISTINCT FROM c.owner_dealer_id OR last.at <> c.owner_since`,
		"scale customers owned outside the dealer's territory": `SELECT count(*) FROM customers c JOIN dealers d ON d.id = c.owner_dealer_id
			JOIN regions r ON r.id = c.region_id WHERE d.code LIKE 'SC%' AND NOT EXISTS (SELECT 1 FROM territory_assignments a
			JOIN regions ar ON ar.id = a.region_id WHERE a.dealer_id = d.id AND ar.path @> r.path
			AND (a.segments = '{}' OR c.segment = ANY (a.segments)))`,
		"scale customers owned by demo dealers": `SELECT count(*) FROM customers c JOIN dealers d ON d.id = c.owner_dealer_id
			WHERE c.id > ` + strconv.Itoa(before) + ` AND d.code NOT LIKE 'SC%'`,
		"amount is quantity times unit price": "SELECT count(*) FROM deals WHERE amount <> quantity * unit_price",
		"open registrations protected 90 days": `SELECT count(*) FROM deals WHERE stage IN ('REGISTERED','QUOTED')
			AND protected_until IS DISTINCT FROM registered_at + interval '90 days'`,
		"deals of dealers out of contract": `SELECT count(*) FROM deals d JOIN dealers x ON x.id = d.dealer_id
			WHERE d.registered_at::date < x.contract_start OR d.registered_at::date > x.contract_end`,
		"deals before their customer existed": `SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id
			WHERE d.registered_at < c.created_at`,
		"names not normalised": "SELECT count(*) FROM customers WHERE name_norm = '' OR (tax_id IS NULL) <> (tax_id_norm IS NULL)",
		"plans of scale dealers missing": `SELECT count(*) FROM dealers d WHERE code LIKE 'SC%' AND status <> 'TERMINATED'
			AND NOT EXISTS (SELECT 1 FROM dealer_plans p WHERE p.dealer_id = d.id AND p.year = 2026)`,
	}
	for what, q := range checks {
		if n := count(t, db, q); n != 0 {
			t.Errorf("%s: %d", what, n)
		}
	}
	w := scaleWorld{sz: sz, transferEvery: 20, transferOffset: 7}
	if n := count(t, db, "SELECT count(*) FROM ownership_changes WHERE how <> 'INITIAL' AND customer_id > "+strconv.Itoa(before)); n != runs*w.transfers() {
		t.Errorf("%d later ownership changes of scale customers, want %d", n, runs*w.transfers())
	}
	// Every scale customer has deals, the big ones more.
	between(t, "scale customers without deals", count(t, db, `SELECT count(*) FROM customers c WHERE c.id > `+strconv.Itoa(before)+`
		AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id)`), 0, runs*sz.customers/20)
}
