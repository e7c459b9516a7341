package graph_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/seed"
	"channelboard/store/storetest"
)

// BenchmarkCustomersPage measures the Customers screen's first page (50
// customers with owner, region, history and deal count) through the HTTP
// handler on demo + scale-1 data (about 52,000 customers):
//
//	go test -run '^$' -bench CustomersPage ./graph/
func BenchmarkCustomersPage(b *testing.B) {
	ctx := context.Background()
	db := storetest.NewDB(b)
	if err := seed.Demo(ctx, db, io.Discard); err != nil {
		b.Fatal(err)
	}
	if err := seed.Scale(ctx, db, 1, io.Discard); err != nil {
		b.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(signedIn(graph.NewHandler(store.New(db), slog.New(slog.NewTextHandler(io.Discard, nil)))))
	defer srv.Close()
	body := []byte(`{"query":"{ customers(first: 50) { totalCount edges { cursor node { id name taxId region { name path } segment size keyAccount owner { kind since dealer { id name code } } ownershipHistory { at how } dealCount } } pageInfo { hasNextPage endCursor } } }"}`)
	for b.Loop() {
		res, err := http.Post(srv.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || n < 1000 {
			b.Fatalf("status %d, %d bytes", res.StatusCode, n)
		}
	}
}
