package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"channelboard/graph"
	"channelboard/store"
)

// EnvBenchURL names a database holding `seed --scale 10` data (1,000
// dealers, 500,000 customers, 2,000,000 deals). Loading it takes minutes,
// so no test creates it; BenchmarkScaleTimings runs only when it is given:
//
//	createdb analytics_scale
//	channelboard seed --scale 10 --database-url postgres://…/analytics_scale
//	CHANNELBOARD_BENCH_DATABASE_URL=postgres://…/analytics_scale \
//	  go test -run '^$' -bench ScaleTimings -benchtime 1x -v ./graph/
//
// It migrates that database (the analytics indexes are a migration), then
// times each analytics query and filtered, sorted customers pages through
// the HTTP handler: one warm-up, then 20 runs, reporting p50 and max.
const EnvBenchURL = "CHANNELBOARD_BENCH_DATABASE_URL"

func BenchmarkScaleTimings(b *testing.B) {
	url := os.Getenv(EnvBenchURL)
	if url == "" {
		b.Skip(EnvBenchURL + " is not set; see the comment above")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := store.Migrate(ctx, db); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(signedIn(graph.NewHandler(store.New(db), slog.New(slog.NewTextHandler(io.Discard, nil)))))
	defer srv.Close()

	post := func(query string) (time.Duration, map[string]any) {
		body, _ := json.Marshal(map[string]any{"query": query})
		start := time.Now()
		res, err := http.Post(srv.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		took := time.Since(start)
		var r struct {
			Data   map[string]any `json:"data"`
			Errors []any          `json:"errors"`
		}
		if err := json.Unmarshal(raw, &r); err != nil || len(r.Errors) > 0 || res.StatusCode != http.StatusOK {
			b.Fatalf("%s: status %d, %s", query, res.StatusCode, raw)
		}
		return took, r.Data
	}
	// A country and a province to filter by, and a dealer.
	_, data := post(`{ regions { id path depth } dealers(first: 1) { edges { node { id } } } }`)
	var country, province string
	for _, g := range data["regions"].([]any) {
		g := g.(map[string]any)
		if d := g["depth"].(float64); d == 2 && country == "" {
			country = g["id"].(string)
		} else if d == 3 && province == "" {
			province = g["id"].(string)
		}
	}
	dealer := data["dealers"].(map[string]any)["edges"].([]any)[0].(map[string]any)["node"].(map[string]any)["id"].(string)
	year := time.Now().UTC().Year()
	perf := `edges { node { dealer { name } planned { minor } actual { minor } attainmentPct bonusTier { bonusPct } bonus { minor }
		projectedBonus { minor } marketingBudget { minor } marketingDealerShare { minor } compensationOwed { minor }
		prepaid { minor } creditUsed { minor } creditLimit { minor } planDeviation } } totalCount pageInfo { endCursor }`
	cases := []struct{ name, query string }{
		{"dealerPerformance(year, first: 50)", fmt.Sprintf(`{ dealerPerformance(year: %d, first: 50) { %s } }`, year, perf)},
		{"dealerPerformance(country, first: 50)", fmt.Sprintf(`{ dealerPerformance(year: %d, first: 50, filter: {regionId: %q}) { %s } }`, year, country, perf)},
		{"pipeline (stage × channel × product line)", `{ pipeline { stage channel productLine { code } count amount { minor currency } } }`},
		{"pipeline(open only, province, by dealer)", fmt.Sprintf(`{ pipeline(groupBy: [DEALER], filter: {openOnly: true, regionId: %q}) { dealer { name } count amount { minor } } }`, province)},
		{"pipeline(dealer, by stage)", fmt.Sprintf(`{ pipeline(groupBy: [STAGE], filter: {dealerId: %q}) { stage count amount { minor } } }`, dealer)},
		{"ownershipShare (countries)", `{ ownershipShare { region { path } ownerKind customers customerSharePct wonDeals wonVolume { minor currency } } }`},
		{"ownershipShare(provinces, year)", fmt.Sprintf(`{ ownershipShare(filter: {level: 3, year: %d}) { region { path } ownerKind customers wonDeals wonVolume { minor } } }`, year)},
		{"territoryCoverage", `{ territoryCoverage { uncovered { region { path } customers } overlapCount overlaps(first: 50) { a { id } b { id } bothExclusive } } }`},
		{"customers(owner DEALER, country, by name)", fmt.Sprintf(`{ customers(first: 50, filter: {ownerKind: DEALER, regionId: %q}, orderBy: {field: NAME}) { totalCount edges { node { id name owner { kind dealer { name } } region { name } dealCount } } pageInfo { endCursor } } }`, country)},
		{"customers(segment, newest first)", `{ customers(first: 50, filter: {segment: RETAIL}, orderBy: {field: CREATED_AT, direction: DESC}) { totalCount edges { node { id name owner { kind } } } pageInfo { endCursor } } }`},
		{"customers(search)", `{ customers(first: 50, filter: {search: "agro"}) { totalCount edges { node { id name } } } }`},
		{"conflictStats(kind, status)", `{ conflictStats(groupBy: [KIND, STATUS]) { kind status count closedCount meanTimeToResolveSeconds atStake { minor currency } } }`},
		{"conflictStats(dealer)", `{ conflictStats(groupBy: [DEALER]) { dealer { name } count atStake { minor currency } } }`},
		{"conflictStats(region, month)", `{ conflictStats(groupBy: [REGION, MONTH]) { region { name } month count meanTimeToResolveSeconds } }`},
	}
	var report strings.Builder
	fmt.Fprintf(&report, "\n%-46s %8s %8s\n", "query", "p50 ms", "max ms")
	for _, c := range cases {
		post(c.query) // warm-up
		runs := make([]time.Duration, 20)
		for i := range runs {
			runs[i], _ = post(c.query)
		}
		slices.Sort(runs)
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Fprintf(&report, "%-46s %8.1f %8.1f\n", c.name, ms(runs[len(runs)/2]), ms(runs[len(runs)-1]))
	}
	b.Log(report.String())
}
