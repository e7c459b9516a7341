package bench

import (
	"bytes"
	"encoding/base64"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"channelboard/channel"
)

func TestParseMix(t *testing.T) {
	m, err := ParseMix("dealerCustomers=3, board=1,pipeline=0")
	if err != nil {
		t.Fatal(err)
	}
	if m[OpDealerCustomers] != 3 || m[OpBoard] != 1 || m[OpPipeline] != 0 {
		t.Fatalf("mix = %v", m)
	}
	if got := m.names(); strings.Join(got, ",") != "dealerCustomers,board" {
		t.Fatalf("names = %v, want the weighted ones in the operations' order", got)
	}
	if got := m.String(); got != "dealerCustomers=3,board=1,pipeline=0" {
		t.Fatalf("String = %q", got)
	}
	for _, bad := range []string{"nosuchop=1", "board", "board=-1", "board=x", "board=0", ""} {
		if _, err := ParseMix(bad); err == nil {
			t.Errorf("ParseMix(%q) accepted", bad)
		}
	}
	if _, err := ParseMix(DefaultMix().String()); err != nil {
		t.Fatalf("the default mix does not parse back: %v", err)
	}
}

func TestPickWeighted(t *testing.T) {
	w := []int{3, 0, 1}
	want := []int{0, 0, 0, 2}
	for x, i := range want {
		if got := pickWeighted(w, x); got != i {
			t.Errorf("pickWeighted(%v, %d) = %d, want %d", w, x, got, i)
		}
	}
}

func testFixture() *fixture {
	return &fixture{
		year: 2026, currency: "EUR",
		productLines: []productLine{{id: 1, floor: 1000}, {id: 2, floor: 50}},
		dealers: []*vuser{
			{Role: channel.RoleDealer, DealerID: 7, Token: "cb_dealer7", customers: []int64{70, 71}},
			{Role: channel.RoleDealer, DealerID: 8, Token: "cb_dealer8", customers: []int64{80}},
		},
		directors: []*vuser{{Role: channel.RoleDirector, Token: "cb_director"}},
		analysts:  []*vuser{{Role: channel.RoleAnalyst, Token: "cb_analyst"}},
	}
}

// The mix sends each operation in proportion to its weight, as a user of
// the operation's role, and tags the URL so results can be told apart.
func TestMixTargeterFollowsWeightsAndRoles(t *testing.T) {
	fx := testFixture()
	tokenRole := map[string]channel.Role{}
	for _, u := range fx.all() {
		tokenRole["Bearer "+u.Token] = u.Role
	}
	mix := Mix{OpDealerCustomers: 6, OpBoard: 3, OpRegisterDeal: 1}
	tr := mixTargeter("http://x/graphql", fx, mix, newChooser(42))
	counts := map[string]int{}
	const n = 10000
	for range n {
		var tg vegeta.Target
		if err := tr(&tg); err != nil {
			t.Fatal(err)
		}
		name := opOf(tg.URL)
		counts[name]++
		if role := tokenRole[tg.Header.Get("Authorization")]; role != opByName(name).role {
			t.Fatalf("%s sent as %s", name, role)
		}
		if tg.Method != http.MethodPost || tg.Header.Get("Content-Type") != "application/json" || !bytes.Contains(tg.Body, []byte(`"query"`)) {
			t.Fatalf("target %+v", tg)
		}
	}
	for name, w := range mix {
		want := n * w / 10
		if got := counts[name]; got < want*9/10 || got > want*11/10 {
			t.Errorf("%s: %d of %d requests, want about %d", name, got, n, want)
		}
	}
}

// A dealer asks only about its own accounts; registrations go through its
// own channel, in the year's currency.
func TestDealerRequestsStayWithinTheDealer(t *testing.T) {
	fx := testFixture()
	r := mrand.New(mrand.NewPCG(1, 2))
	u := fx.dealers[0]
	for range 100 {
		req := opByName(OpRegisterDeal).request(r, fx, u)
		in := req.Variables["input"].(map[string]any)
		if in["channel"].(map[string]any)["dealerId"] != gid("Dealer", 7) {
			t.Fatalf("channel %v", in["channel"])
		}
		if c := in["customerId"]; c != gid("Customer", 70) && c != gid("Customer", 71) {
			t.Fatalf("customer %v is not the dealer's", c)
		}
		price := in["unitPrice"].(map[string]any)
		if price["currency"] != "EUR" || price["minor"].(int64) < 1 {
			t.Fatalf("price %v", price)
		}
		detail := opByName(OpCustomerDetail).request(r, fx, u)
		if id := detail.Variables["id"]; id != gid("Customer", 70) && id != gid("Customer", 71) {
			t.Fatalf("detail of %v", id)
		}
	}
	page := opByName(OpDealerCustomers).request(r, fx, u)
	if page.Variables["filter"].(map[string]any)["ownerDealerId"] != gid("Dealer", 7) || page.Variables["first"] != 50 {
		t.Fatalf("page variables %v", page.Variables)
	}
}

// Every side is asked about the same rows in the same order.
func TestQuestionIDMatchesTheOperationsChoice(t *testing.T) {
	fx := testFixture()
	for _, q := range questions {
		a, b := newChooser(9), newChooser(9)
		tr := opTargeter("http://x/graphql", fx, q, a)
		for range 50 {
			var tg vegeta.Target
			if err := tr(&tg); err != nil {
				t.Fatal(err)
			}
			var id int64
			b.do(func(r *mrand.Rand) { id = questionID(r, fx, q) })
			typ := "Dealer"
			if q == OpCustomerDetail {
				typ = "Customer"
			}
			if !bytes.Contains(tg.Body, []byte(gid(typ, id))) {
				t.Fatalf("%s: the server was asked %s, the other sides %s %d", q, tg.Body, typ, id)
			}
		}
	}
}

func TestGlobalIDIsBase64OfTypeAndID(t *testing.T) {
	raw, err := base64.RawURLEncoding.DecodeString(gid("Customer", 42))
	if err != nil || string(raw) != "Customer:42" {
		t.Fatalf("gid decodes to %q, %v", raw, err)
	}
}

func TestOpOf(t *testing.T) {
	for url, want := range map[string]string{
		opURL("http://h/graphql", OpBoard):            OpBoard,
		opURL(rawSQLBase, OpCustomerDetail) + "&id=5": OpCustomerDetail,
		"http://h/graphql":                            "",
	} {
		if got := opOf(url); got != want {
			t.Errorf("opOf(%q) = %q, want %q", url, got, want)
		}
	}
}

func result(code uint16, latency time.Duration, body string) *vegeta.Result {
	r := &vegeta.Result{Code: code, Latency: latency, Timestamp: time.Unix(1000, 0), Body: []byte(body), URL: opURL("http://h/graphql", OpBoard)}
	if code < 200 || code >= 400 {
		r.Error = http.StatusText(int(code))
	}
	return r
}

// GraphQL errors come with status 200: they count as errors all the same.
func TestFailureClassification(t *testing.T) {
	cases := []struct {
		r    *vegeta.Result
		want string
	}{
		{result(200, 0, `{"data":{"x":1}}`), ""},
		{result(200, 0, `{"data":{"errorsSeen":"errors"}}`), ""},
		{result(200, 0, `{"errors":[{"message":"nope","extensions":{"code":"FORBIDDEN"}}],"data":null}`), "FORBIDDEN: nope"},
		{result(200, 0, `{"errors":[{"message":"plain"}]}`), "plain"},
		{result(429, 0, `slow down`), "Too Many Requests: slow down"},
		{&vegeta.Result{Error: "dial tcp: refused"}, "dial tcp: refused: "},
	}
	for _, c := range cases {
		if got := failure(c.r); got != c.want {
			t.Errorf("failure(%d %s) = %q, want %q", c.r.Code, c.r.Body, got, c.want)
		}
	}
}

// Percentiles, throughput and errors of a known set of latencies.
func TestCollectorPercentilesAndThroughput(t *testing.T) {
	c := newCollector()
	start := time.Unix(1000, 0)
	for i := 1; i <= 1000; i++ {
		r := result(200, time.Duration(i)*time.Millisecond, `{"data":{}}`)
		r.Timestamp = start.Add(time.Duration(i) * 10 * time.Millisecond)
		if i%100 == 0 {
			r.Body = []byte(`{"errors":[{"message":"boom"}]}`)
		}
		c.add(r)
	}
	res := c.results([]string{OpBoard})
	if len(res) != 1 {
		t.Fatalf("results = %+v, want one operation and no total for a single one", res)
	}
	o := res[0]
	if o.Requests != 1000 || o.OK != 990 || o.Errors != 10 || o.ErrorSamples["boom"] != 10 {
		t.Fatalf("counts %+v", o)
	}
	near := func(name string, got, want float64) {
		t.Helper()
		if got < want*0.97 || got > want*1.03 {
			t.Errorf("%s = %.1f, want ≈ %.1f", name, got, want)
		}
	}
	near("p50", o.P50MS, 500)
	near("p95", o.P95MS, 950)
	near("p99", o.P99MS, 990)
	near("max", o.MaxMS, 1000)
	// 990 good answers from t=10ms to t=10s plus the last one's 1 s.
	near("throughput", o.Throughput, 990/(9.99+1))
}

func TestParseMetrics(t *testing.T) {
	text := `# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 5.24288e+07
# TYPE go_memstats_mallocs_total counter
go_memstats_mallocs_total 123456
# TYPE process_cpu_seconds_total counter
process_cpu_seconds_total 12.5
# TYPE channelboard_sql_statements_total counter
channelboard_sql_statements_total{op="query"} 40
channelboard_sql_statements_total{op="exec"} 2
`
	s, err := parseMetrics(strings.NewReader(text), "")
	if err != nil {
		t.Fatal(err)
	}
	if s.rssBytes != 52428800 || s.mallocs != 123456 || s.cpuSeconds != 12.5 {
		t.Fatalf("sample %+v", s)
	}
	if s.sqlMetric != "channelboard_sql_statements_total" || s.sqlStatements != 42 {
		t.Fatalf("statement counter %q = %v, want the known name summed over labels", s.sqlMetric, s.sqlStatements)
	}
	s, _ = parseMetrics(strings.NewReader(text), "no_such_total")
	if s.sqlMetric != "" || s.sqlStatements != -1 {
		t.Fatalf("a missing named counter was found: %+v", s)
	}
}

func TestStatementsPerRequestLessBackground(t *testing.T) {
	c := &stmtCounter{background: 10}
	a := stmtSnapshot{at: time.Unix(0, 0), total: 1000}
	b := stmtSnapshot{at: time.Unix(2, 0), total: 1620}
	if got := c.perRequest(a, b, 100); got != 6 {
		t.Fatalf("perRequest = %v, want (620 − 2 s × 10/s) / 100 = 6", got)
	}
	if got := c.perRequest(a, a, 0); got != 0 {
		t.Fatalf("no requests: %v", got)
	}
}

func TestTopStatements(t *testing.T) {
	a := stmtSnapshot{byQuery: map[string]stmtStat{"1": {calls: 10, totalMS: 5, query: "SELECT 1"}}}
	b := stmtSnapshot{byQuery: map[string]stmtStat{
		"1": {calls: 110, totalMS: 105, query: "SELECT 1"},
		"2": {calls: 50, totalMS: 400, query: "SELECT   slow\n FROM t"},
		"3": {calls: 5, totalMS: 1, query: "SELECT idle"},
	}}
	top := topStatements(a, b, 50, 2)
	if len(top) != 2 || top[0].Query != "SELECT slow FROM t" || top[0].MeanMS != 8 || top[0].CallsPerRequest != 1 ||
		top[1].Calls != 100 || top[1].TotalMS != 100 {
		t.Fatalf("top = %+v", top)
	}
}

func TestReportTables(t *testing.T) {
	rep := &Report{
		Started: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC),
		Config:  ReportConfig{ServerURL: "http://127.0.0.1:8080", Rate: 200, DurationSeconds: 60, Mix: "board=1", Dealers: 2, Directors: 1, Analysts: 1, Concurrency: 16, CompareDurationSeconds: 10, ProbeRequests: 20},
		Machine: Machine{CPUs: 2, LoadStart: "1.00 1.00 1.00", LoadEnd: "2.00 2.00 2.00"},
		Probes:  []OpResult{{Op: OpBoard, SQLPerRequest: ptr(7), AllocsPerRequest: ptr(12345), CPUMSPerRequest: ptr(1.5)}},
		Mix: []OpResult{
			{Op: OpBoard, Requests: 100, OK: 99, Errors: 1, Throughput: 99, P50MS: 5, P95MS: 8, P99MS: 9.25, MaxMS: 12, ErrorSamples: map[string]int{"INTERNAL: x|y": 1}},
			{Op: "all", Requests: 100, OK: 99, SQLPerRequest: ptr(6.5)},
		},
		RSS:     RSSSummary{StartMB: 40, MaxMB: 60, EndMB: 55, Points: []RSSPoint{{0, 40}, {5, 60}, {10, 55}}},
		Compare: []OpResult{{Op: OpDealerCustomers, Side: SideSQL, Mode: modeClosed, Requests: 10, Throughput: 1000}},
		Ratios:  []Ratio{{Question: OpDealerCustomers, Other: SideSQL, Ratio: 0.25}},
		Targets: []Target{{What: "w", Measured: "m", Met: "no"}},
	}
	var b strings.Builder
	if err := rep.WriteTables(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"| board | 100 | 1 | 99.0 | 5.0 | 8.0 | 9.2 | 12.0 | 7.0 | 12345 | 1.50 |",
		"| **all** | 100 | 0 |",
		"6.5 | – | – |",
		"0: 40, 5: 60, 10: 55",
		"| dealerCustomers | raw SQL | closed | 10 | 0 | 1000.0 |",
		"| dealerCustomers | raw SQL | 0.25 |",
		"| w | m | no |",
		"board error ×1: INTERNAL: x|y",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tables lack %q:\n%s", want, out)
		}
	}
	file := filepath.Join(t.TempDir(), "r.json")
	if err := rep.WriteJSON(file); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(file)
	if !bytes.Contains(raw, []byte(`"p99_ms": 9.25`)) || !bytes.Contains(raw, []byte(`"sql_per_request": 6.5`)) {
		t.Fatalf("json:\n%s", raw)
	}
}

func TestRSSCurveAndDrift(t *testing.T) {
	var ps []RSSPoint
	for i := range 100 {
		ps = append(ps, RSSPoint{T: float64(i), MB: 50 + float64(i)/10})
	}
	if got := strings.Count(rssCurve(ps, 10), ":"); got < 10 || got > 12 {
		t.Fatalf("curve of %d points: %s", got, rssCurve(ps, 10))
	}
	if !strings.HasSuffix(rssCurve(ps, 10), "99: 60") {
		t.Fatalf("the curve must end with the last point: %s", rssCurve(ps, 10))
	}
	if d := rssDrift(ps); d < 4.9 || d > 5.1 {
		t.Fatalf("drift = %v, want 5 MB (means of quarters 2 and 4)", d)
	}
}

func TestPostmasterPort(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "postmaster.pid")
	_ = os.WriteFile(file, []byte("22606\n/data/postgres\n1795695798\n45691\n/data/postgres\n127.0.0.1\n"), 0o600)
	if port, err := PostmasterPort(file); err != nil || port != 45691 {
		t.Fatalf("port %d, %v", port, err)
	}
	_ = os.WriteFile(file, []byte("22606\n"), 0o600)
	if _, err := PostmasterPort(file); err == nil {
		t.Fatal("a short file gave a port")
	}
	if _, err := PostmasterPort(filepath.Join(dir, "missing")); err == nil {
		t.Fatal("a missing file gave a port")
	}
}

func TestTruncateKeepsRunes(t *testing.T) {
	if got := truncate("ab北京", 4); got != "ab…" {
		t.Fatalf("truncate = %q", got)
	}
	if got := truncate("abc", 5); got != "abc" {
		t.Fatalf("truncate = %q", got)
	}
}

// Errors that differ only in URL or connection ports are one kind.
func TestErrorKind(t *testing.T) {
	a := errorKind(`Post "http://127.0.0.1:40797/graphql?op=board": read tcp 127.0.0.1:38891->127.0.0.1:40797: read: connection reset by peer: `)
	b := errorKind(`Post "http://127.0.0.1:40797/graphql?op=board": read tcp 127.0.0.1:52461->127.0.0.1:40797: read: connection reset by peer: `)
	if a != b || a != "read tcp: read: connection reset by peer" {
		t.Fatalf("kinds %q and %q", a, b)
	}
	if got := errorKind("FORBIDDEN: nope"); got != "FORBIDDEN: nope" {
		t.Fatalf("a GraphQL error changed: %q", got)
	}
}
