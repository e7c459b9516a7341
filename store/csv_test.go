package store_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

func exportCSV(t *testing.T, st *store.Store, kind string) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.ExportCSV(context.Background(), kind, store.ExportFilter{}, &b); err != nil {
		t.Fatalf("export %s: %v", kind, err)
	}
	return b.String()
}

// Export → import into a fresh database → export again gives the same
// files, byte for byte.
func TestCSVRoundTrip(t *testing.T) {
	f := newAnalyticsFixture(t)
	// Names in Cyrillic and Chinese, a comma and a quote: CSV must keep them.
	must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: `ООО "Агро, Юг"`, TaxID: ptr("BG123456789"),
		RegionID: f.yambol.ID, Segment: channel.Agriculture, KeyAccount: true, KeyAccountReason: "federal"}))(t)
	must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "河北农机有限公司", RegionID: f.ro.ID, Segment: channel.Industrial}))(t)
	files := map[string]string{}
	for _, k := range []string{store.CSVDealers, store.CSVCustomers, store.CSVDeals} {
		files[k] = exportCSV(t, f.st, k)
		if !strings.HasPrefix(files[k], "\uFEFF") {
			t.Fatalf("%s has no BOM", k)
		}
	}
	if !strings.Contains(files[store.CSVCustomers], `"ООО ""Агро, Юг"""`) || strings.Count(files[store.CSVDeals], "\n") != 7 {
		t.Fatalf("customers:\n%s\ndeals:\n%s", files[store.CSVCustomers], files[store.CSVDeals])
	}

	// The fresh database has the same regions and product lines.
	to := store.New(storetest.NewDB(t))
	for _, g := range []channel.Region{f.eu, f.bg, f.yambol, f.ro} {
		must(to.CreateRegion(f.ctx, channel.Region{Path: g.Path, Name: g.Name, Country: g.Country}))(t)
	}
	for _, p := range []channel.ProductLine{f.pumps, f.valves} {
		must(to.CreateProductLine(f.ctx, channel.ProductLine{Code: p.Code, Name: p.Name}))(t)
	}
	for _, k := range []string{store.CSVDealers, store.CSVCustomers, store.CSVDeals} {
		res, err := to.Import(f.ctx, k, strings.NewReader(files[k]), store.ImportOptions{}, nil)
		if err != nil || len(res.Bad) != 0 || res.Imported != res.Rows {
			t.Fatalf("import %s: %+v %v", k, res, err)
		}
		if again := exportCSV(t, to, k); again != files[k] {
			t.Errorf("%s differs after the round trip:\n%s\n---\n%s", k, files[k], again)
		}
	}
	// Ids continue after the imported ones.
	c := must(to.CreateCustomer(f.ctx, store.CustomerCreate{Name: "After", RegionID: f.ro.ID, Segment: channel.Retail}))(t)
	if c.ID <= f.c4.ID {
		t.Errorf("new id %d, want past the imported ones", c.ID)
	}
}

func TestImportValidatesEveryRowFirst(t *testing.T) {
	f := newAnalyticsFixture(t)
	before := must(f.st.ListDeals(f.ctx, store.DealFilter{}, store.Order{}, store.Page{}))(t).Total
	header := strings.Join(store.CSVColumns[store.CSVDeals], ",")
	// Line 2 is good: a direct order for a customer the distributor owns,
	// which the rules must flag (DIRECT_BYPASS). Lines 3–5 are bad.
	file := header + "\n" +
		fmt.Sprintf(",%d,DIRECT,,pumps,2,1500.50,,EUR,REGISTERED,,,2026-07-01T10:00:00Z,,,\n", f.c1.ID) +
		fmt.Sprintf(",%d,DEALER,NOPE,pumps,1,10,,EUR,REGISTERED,,,,,,\n", f.c1.ID) +
		fmt.Sprintf(",%d,DEALER,BG-01,pumps,0,10,,EUR,REGISTERED,,,,,,\n", f.c1.ID) +
		",999999,DIRECT,,pumps,1,10.999,,EUR,REGISTERED,,,,,,\n"

	res, err := f.st.Import(f.ctx, store.CSVDeals, strings.NewReader(file), store.ImportOptions{}, nil)
	wantErr(t, err, channel.EInvalid, "file")
	want := []store.RowError{
		{Line: 3, Reason: `dealer "NOPE" does not exist`},
		{Line: 4, Reason: `quantity "0" is not a positive whole number`},
		{Line: 5, Reason: `unit_price "10.999" is not an amount with at most two decimals`},
	}
	if fmt.Sprint(res.Bad) != fmt.Sprint(want) || res.Imported != 0 {
		t.Fatalf("bad rows %v imported %d, want %v", res.Bad, res.Imported, want)
	}
	if n := must(f.st.ListDeals(f.ctx, store.DealFilter{}, store.Order{}, store.Page{}))(t).Total; n != before {
		t.Fatalf("%d deals after a refused import, want %d", n, before)
	}

	var calls int
	res, err = f.st.Import(f.ctx, store.CSVDeals, strings.NewReader(file), store.ImportOptions{SkipBad: true},
		func(done, total int) { calls++ })
	if err != nil || res.Imported != 1 || len(res.Bad) != 3 || calls == 0 {
		t.Fatalf("skip bad: %+v %v, %d progress calls", res, err, calls)
	}
	deals := must(f.st.ListDeals(f.ctx, store.DealFilter{CustomerID: &f.c1.ID, ChannelKind: ptr(channel.ChannelDirect)}, store.Order{}, store.Page{}))(t)
	if len(deals.Items) != 1 || deals.Items[0].Amount != 300_100 {
		t.Fatalf("imported deals %+v", deals.Items)
	}
	conflicts := must(f.st.ListConflicts(f.ctx, store.ConflictFilter{CustomerID: &f.c1.ID, Kinds: []channel.ConflictKind{channel.DirectBypass}}, store.Order{}, store.Page{}))(t)
	if conflicts.Total != 1 {
		t.Errorf("DIRECT_BYPASS conflicts of the imported deal: %d, want 1", conflicts.Total)
	}
}

// A dry run validates the whole file and reports every bad row, like a
// real import, but writes nothing: no rows, no audit entries, no
// conflicts, with or without SkipBad.
func TestImportDryRun(t *testing.T) {
	f := newAnalyticsFixture(t)
	count := func() (deals, audit, conflicts int) {
		t.Helper()
		deals = must(f.st.ListDeals(f.ctx, store.DealFilter{}, store.Order{}, store.Page{}))(t).Total
		audit = must(f.st.ListAudit(f.ctx, store.AuditFilter{}, store.Page{}))(t).Total
		conflicts = must(f.st.ListConflicts(f.ctx, store.ConflictFilter{}, store.Order{}, store.Page{}))(t).Total
		return
	}
	d0, a0, c0 := count()
	header := strings.Join(store.CSVColumns[store.CSVDeals], ",")
	file := header + "\n" +
		fmt.Sprintf(",%d,DIRECT,,pumps,2,1500.50,,EUR,REGISTERED,,,2026-07-01T10:00:00Z,,,\n", f.c1.ID) +
		fmt.Sprintf(",%d,DEALER,NOPE,pumps,1,10,,EUR,REGISTERED,,,,,,\n", f.c1.ID) +
		",999999,DIRECT,,pumps,1,10,,EUR,REGISTERED,,,,,,\n"
	want := []store.RowError{
		{Line: 3, Reason: `dealer "NOPE" does not exist`},
		{Line: 4, Reason: "customer 999999 does not exist"},
	}
	for _, skip := range []bool{false, true} {
		var last, total int
		res, err := f.st.Import(f.ctx, store.CSVDeals, strings.NewReader(file), store.ImportOptions{DryRun: true, SkipBad: skip},
			func(done, tot int) { last, total = done, tot })
		if err != nil {
			t.Fatalf("dry run (skip %v): %v", skip, err)
		}
		if res.Rows != 3 || res.Imported != 0 || fmt.Sprint(res.Bad) != fmt.Sprint(want) {
			t.Fatalf("dry run (skip %v): %+v, want 3 rows, none imported, bad %v", skip, res, want)
		}
		if total == 0 || last*3 != total {
			t.Errorf("dry run (skip %v): last progress %d of %d, want the end of validation (a third)", skip, last, total)
		}
		if d, a, c := count(); d != d0 || a != a0 || c != c0 {
			t.Fatalf("dry run (skip %v) wrote: deals %d→%d, audit %d→%d, conflicts %d→%d", skip, d0, d, a0, a, c0, c)
		}
	}
	// A clean file in a dry run: every row ready, still nothing written.
	res, err := f.st.Import(f.ctx, store.CSVDeals, strings.NewReader(header+"\n"+strings.SplitAfter(file, "\n")[1]), store.ImportOptions{DryRun: true}, nil)
	if err != nil || res.Rows != 1 || len(res.Bad) != 0 || res.Imported != 0 {
		t.Fatalf("clean dry run: %+v %v", res, err)
	}
	if d, _, _ := count(); d != d0 {
		t.Fatalf("clean dry run wrote %d deals", d-d0)
	}
	// A file the dry run cannot read is refused as a real import would be.
	_, err = f.st.Import(f.ctx, store.CSVDeals, strings.NewReader("id,customer_id\n1,2\n"), store.ImportOptions{DryRun: true}, nil)
	wantErr(t, err, channel.EInvalid, "file")
}

// TestImportManyDeals imports 10,000 deals for 2,000 customers (100,000
// with CHANNELBOARD_IMPORT_DEALS=100000, the size: it asks for
// under a minute) and logs how long it took; timing is not asserted, the
// counts are. The default keeps the race-detector run in CI short.
func TestImportManyDeals(t *testing.T) {
	nDeals := 10_000
	if v, err := strconv.Atoi(os.Getenv("CHANNELBOARD_IMPORT_DEALS")); err == nil && v > 0 {
		nDeals = v
	}
	f := newAnalyticsFixture(t)
	var cust strings.Builder
	cust.WriteString(strings.Join(store.CSVColumns[store.CSVCustomers], ",") + "\n")
	for i := range 2000 {
		fmt.Fprintf(&cust, ",Farm %d,,eu.bg.yambol,AGRICULTURE,SMALL,false,,DEALER,BG-01,,\n", i)
	}
	cres, err := f.st.Import(f.ctx, store.CSVCustomers, strings.NewReader(cust.String()), store.ImportOptions{}, nil)
	if err != nil || cres.Imported != 2000 {
		t.Fatalf("customers: %+v %v", cres, err)
	}
	first := f.c4.ID + 1 // the imported customers follow the fixture's
	var deals strings.Builder
	deals.WriteString(strings.Join(store.CSVColumns[store.CSVDeals], ",") + "\n")
	stages := []string{"WON", "LOST", "REGISTERED", "WON", "CANCELLED"}
	for i := range nDeals {
		st := stages[i%len(stages)]
		closed := ""
		if st != "REGISTERED" {
			closed = "2026-05-01T10:00:00Z"
		}
		fmt.Fprintf(&deals, ",%d,DEALER,BG-01,pumps,%d,100.00,,EUR,%s,,,2026-04-01T10:00:00Z,,%s,\n",
			first+int64(i%2000), 1+i%7, st, closed)
	}
	start := time.Now()
	var inserted time.Duration
	res, err := f.st.Import(f.ctx, store.CSVDeals, strings.NewReader(deals.String()), store.ImportOptions{}, func(done, total int) {
		if inserted == 0 && done >= total*2/3 {
			inserted = time.Since(start)
		}
	})
	took := time.Since(start)
	if err != nil || res.Imported != nDeals || len(res.Bad) != 0 {
		t.Fatalf("deals: imported %d bad %v: %v", res.Imported, res.Bad[:min(3, len(res.Bad))], err)
	}
	t.Logf("imported 100,000 deals in %s: validated and inserted in %s, then 2,000 customers judged by the rules",
		took.Round(time.Millisecond), inserted.Round(time.Millisecond))
	n := must(f.st.ListDeals(f.ctx, store.DealFilter{DealerID: &f.dist.ID}, store.Order{}, store.Page{First: ptr(0)}))(t).Total
	if n != nDeals+3 {
		t.Errorf("the distributor has %d deals, want 100,003", n)
	}
}

// The customers file of a search holds exactly the customers the list
// finds for it: by name, by normalised name (legal form and punctuation
// aside) and by tax id.
func TestExportSearchMatchesTheList(t *testing.T) {
	f := newAnalyticsFixture(t)
	must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: `ООО "Агро-Инвест"`, TaxID: ptr("BG204556677"), RegionID: f.yambol.ID, Segment: channel.Agriculture}))(t)
	must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "Агро Инвест ЕООД", RegionID: f.yambol.ID, Segment: channel.Agriculture}))(t)
	must(f.st.CreateCustomer(f.ctx, store.CustomerCreate{Name: "Инвест Строй", RegionID: f.ro.ID, Segment: channel.Industrial}))(t)
	for _, search := range []string{"агро-инвест", "Агро Инвест", "BG 204556677", "строй"} {
		list := must(f.st.ListCustomers(f.ctx, store.CustomerFilter{Search: ptr(search)}, store.Order{}, store.Page{First: ptr(store.MaxPageSize)}))(t)
		var b bytes.Buffer
		if err := f.st.ExportCSV(f.ctx, store.CSVCustomers, store.ExportFilter{Customers: store.CustomerFilter{Search: ptr(search)}}, &b); err != nil {
			t.Fatal(err)
		}
		file := b.String()
		if rows := strings.Count(file, "\n") - 1; rows != len(list.Items) || len(list.Items) == 0 {
			t.Errorf("search %q: %d rows in the file, %d in the list (want equal, not 0)", search, rows, len(list.Items))
		}
		for _, c := range list.Items {
			if !strings.Contains(file, "\n"+strconv.FormatInt(c.ID, 10)+",") {
				t.Errorf("search %q: the file lacks customer %d %q", search, c.ID, c.Name)
			}
		}
	}
}
