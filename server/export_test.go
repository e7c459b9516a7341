package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

func TestExportCSV(t *testing.T) {
	ctx := context.Background()
	st := store.New(storetest.NewDB(t))
	bg, err := st.CreateRegion(ctx, channel.Region{Path: "bg", Name: "Bulgaria", Country: "BG"})
	if err != nil {
		t.Fatal(err)
	}
	dealer, err := st.CreateDealer(ctx, store.DealerCreate{Code: "BG-01", Name: "Балкан Помпи", Kind: channel.Distributor,
		HomeRegionID: bg.ID, ContractStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	// 2,500 customers, every fifth owned by the dealer: more than one
	// keyset page of the export.
	var file strings.Builder
	file.WriteString(strings.Join(store.CSVColumns[store.CSVCustomers], ",") + "\n")
	for i := range 2500 {
		owner, code := "UNASSIGNED", ""
		if i%5 == 0 {
			owner, code = "DEALER", "BG-01"
		}
		fmt.Fprintf(&file, ",Ферма %d,,bg,AGRICULTURE,SMALL,false,,%s,%s,,\n", i, owner, code)
	}
	if res, err := st.Import(ctx, store.CSVCustomers, strings.NewReader(file.String()), store.ImportOptions{}, nil); err != nil || res.Imported != 2500 {
		t.Fatalf("import: %+v %v", res, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /export/{file}", ExportHandler(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
	// The viewer a test request carries: the director, a dealer user, or
	// nobody.
	var as *channel.Viewer = &channel.Viewer{UserID: 1, Role: channel.RoleDirector}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if as != nil {
			r = r.WithContext(channel.WithViewer(r.Context(), *as))
		}
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()
	get := func(path string) (*http.Response, string) {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}

	res, body := get("/export/customers.csv")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		res.Header.Get("Content-Disposition") != `attachment; filename="customers.csv"` {
		t.Fatalf("status %d headers %v", res.StatusCode, res.Header)
	}
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	if !strings.HasPrefix(body, "\uFEFFid,name,") || len(lines) != 2501 || !strings.Contains(lines[2500], "Ферма 2499") {
		t.Fatalf("%d lines, first %q last %q", len(lines), lines[0], lines[len(lines)-1])
	}
	// The GraphQL filters, with a global id.
	gid := "RGVhbGVyOjE" // base64("Dealer:1")
	if dealer.ID != 1 {
		gid = fmt.Sprint(dealer.ID)
	}
	_, body = get("/export/customers.csv?ownerKind=DEALER&ownerDealerId=" + gid)
	if n := strings.Count(body, "\n"); n != 501 || strings.Contains(body, "UNASSIGNED") {
		t.Errorf("dealer's customers: %d lines", n)
	}
	_, body = get("/export/dealers.csv")
	if !strings.Contains(body, "BG-01,Балкан Помпи,DISTRIBUTOR,,ACTIVE,3,bg,2025-01-01,,0.00,EUR") {
		t.Errorf("dealers:\n%s", body)
	}
	if res, _ := get("/export/orders.csv"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown export: %d", res.StatusCode)
	}
	if res, body := get("/export/deals.csv?stages=WON,SOLD"); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "SOLD") {
		t.Errorf("bad stage: %d %s", res.StatusCode, body)
	}
	if res, _ := get("/export/customers.csv?regionId=RGVhbGVyOjE"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a dealer id as region: %d", res.StatusCode)
	}
	// A dealer user downloads its own accounts only, whatever it asks for.
	as = &channel.Viewer{UserID: 2, Role: channel.RoleDealer, DealerID: dealer.ID}
	_, body = get("/export/customers.csv")
	if n := strings.Count(body, "\n"); n != 501 || strings.Contains(body, "UNASSIGNED") {
		t.Errorf("dealer's own export: %d lines", n)
	}
	_, body = get("/export/customers.csv?ownerKind=UNASSIGNED")
	if n := strings.Count(body, "\n"); n != 1 {
		t.Errorf("dealer asking for unassigned customers got %d lines", n)
	}
	// Nobody signed in: nothing.
	as = nil
	if res, body := get("/export/customers.csv"); res.StatusCode != http.StatusUnauthorized || strings.Contains(body, "Ферма") {
		t.Errorf("anonymous export: %d %.80s", res.StatusCode, body)
	}
}
