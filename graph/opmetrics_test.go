package graph_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

// Each query and mutation is timed under its operation name, type and
// outcome; names that are not plain GraphQL names count as "other".
func TestOperationMetricsByName(t *testing.T) {
	st := store.New(storetest.NewDB(t))
	ops := graph.NewOperationMetrics()
	reg := prometheus.NewRegistry()
	reg.MustRegister(ops)
	srv := httptest.NewServer(signedIn(graph.NewHandler(st, slog.New(slog.NewTextHandler(io.Discard, nil)), graph.WithOperationMetrics(ops))))
	t.Cleanup(srv.Close)
	e := &env{t: t, url: srv.URL, st: st}

	e.ok(`query Regions { regions { id } }`, nil, nil)
	e.ok(`query Regions { regions { id } }`, nil, nil)
	e.ok(`{ regions { id } }`, nil, nil)
	if r := e.do(`mutation Bad { closeDeal(input: {id: "not-an-id", outcome: WON}) { deal { id } } }`, nil); len(r.Errors) == 0 {
		t.Fatal("the bad mutation succeeded")
	}
	e.ok(`query `+strings.Repeat("x", 70)+` { regions { id } }`, nil, nil)
	n, err := testutil.GatherAndCount(reg, "channelboard_graphql_operation_duration_seconds")
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("%d series, want 4 (Regions ok, anonymous ok, Bad error, other ok)", n)
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]uint64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			var key []string
			for _, l := range m.GetLabel() {
				key = append(key, l.GetName()+"="+l.GetValue())
			}
			counts[strings.Join(key, ",")] = m.GetHistogram().GetSampleCount()
		}
	}
	for key, want := range map[string]uint64{
		"operation=Regions,outcome=ok,type=query":   2,
		"operation=anonymous,outcome=ok,type=query": 1,
		"operation=Bad,outcome=error,type=mutation": 1,
	} {
		if counts[key] != want {
			t.Errorf("%s: %d samples, want %d (all: %v)", key, counts[key], want, counts)
		}
	}
}
