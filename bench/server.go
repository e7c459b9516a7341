package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// serverSample is what the server's /metrics said at one moment.
type serverSample struct {
	at         time.Time
	rssBytes   float64
	mallocs    float64
	cpuSeconds float64
	goroutines float64
	// sqlStatements is the server's own statement counter, when it has
	// one (Config.SQLMetric or a known name); -1 otherwise.
	sqlStatements float64
	sqlMetric     string
}

// knownSQLMetrics are the names a counter of SQL statements on /metrics
// may have; the first present is used.
var knownSQLMetrics = []string{
	"channelboard_sql_statements_total",
	"channelboard_sql_queries_total",
	"channelboard_db_statements_total",
	"channelboard_db_queries_total",
}

// scrapeMetrics reads the server's Prometheus text exposition.
func scrapeMetrics(ctx context.Context, client *http.Client, base, sqlMetric string) (serverSample, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/metrics", nil)
	if err != nil {
		return serverSample{}, err
	}
	req.Header.Set("Accept", "text/plain;version=0.0.4")
	res, err := client.Do(req)
	if err != nil {
		return serverSample{}, fmt.Errorf("read %s/metrics: %w", base, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return serverSample{}, fmt.Errorf("read %s/metrics: status %d", base, res.StatusCode)
	}
	return parseMetrics(res.Body, sqlMetric)
}

func parseMetrics(r io.Reader, sqlMetric string) (serverSample, error) {
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(r)
	if err != nil {
		return serverSample{}, fmt.Errorf("parse /metrics: %w", err)
	}
	s := serverSample{
		at:            time.Now(),
		rssBytes:      sumMetric(fams["process_resident_memory_bytes"]),
		mallocs:       sumMetric(fams["go_memstats_mallocs_total"]),
		cpuSeconds:    sumMetric(fams["process_cpu_seconds_total"]),
		goroutines:    sumMetric(fams["go_goroutines"]),
		sqlStatements: -1,
	}
	names := knownSQLMetrics
	if sqlMetric != "" {
		names = []string{sqlMetric}
	}
	for _, n := range names {
		if f, ok := fams[n]; ok {
			s.sqlStatements, s.sqlMetric = sumMetric(f), n
			break
		}
	}
	return s, nil
}

// sumMetric adds up a family's samples over all label sets.
func sumMetric(f *dto.MetricFamily) float64 {
	if f == nil {
		return 0
	}
	var sum float64
	for _, m := range f.Metric {
		switch {
		case m.Counter != nil:
			sum += m.Counter.GetValue()
		case m.Gauge != nil:
			sum += m.Gauge.GetValue()
		case m.Untyped != nil:
			sum += m.Untyped.GetValue()
		}
	}
	return sum
}

// checkServer makes sure the server answers and reads our ids as we
// write them: a dealer user asks for its own dealer by global id.
func checkServer(ctx context.Context, client *http.Client, base string, u *vuser) error {
	body, _ := json.Marshal(gqlRequest{
		Query:     `query BenchCheck($id: ID!) { dealer(id: $id) { id } }`,
		Variables: map[string]any{"id": gid("Dealer", u.DealerID)},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+u.Token)
	res, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("reach the server at %s: %w", base, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out struct {
		Data struct {
			Dealer *struct {
				ID string `json:"id"`
			} `json:"dealer"`
		} `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return fmt.Errorf("the server at %s did not answer GraphQL (status %d): %.200s", base, res.StatusCode, raw)
	}
	if len(out.Errors) > 0 {
		return fmt.Errorf("the server refused the check query (is it on the database given?): %s", out.Errors[0].Message)
	}
	if out.Data.Dealer == nil || out.Data.Dealer.ID != gid("Dealer", u.DealerID) {
		return fmt.Errorf("the server does not know dealer %d by id %s: is it serving the database given, and are ids still base64 of Type:id?", u.DealerID, gid("Dealer", u.DealerID))
	}
	return nil
}

// cpuProfile saves a CPU profile of the server taken over d, when it
// serves /debug/pprof; the note says what happened.
func cpuProfile(ctx context.Context, base, token, file string, d time.Duration) string {
	secs := max(1, int(d.Seconds()))
	ctx, cancel := context.WithTimeout(ctx, d+30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/debug/pprof/profile?seconds="+strconv.Itoa(secs), nil)
	if err != nil {
		return err.Error()
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "CPU profile: " + err.Error()
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	ct := res.Header.Get("Content-Type")
	if res.StatusCode != http.StatusOK || strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "application/json") {
		return fmt.Sprintf("no CPU profile: the server does not serve /debug/pprof/profile (status %d, %s)", res.StatusCode, ct)
	}
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		return "CPU profile: " + err.Error()
	}
	return fmt.Sprintf("CPU profile of %d s of the mix in %s (go tool pprof -top %s)", secs, file, file)
}

// PostmasterPort reads the port from a PostgreSQL data directory's
// postmaster.pid (its fourth line), to reach the embedded cluster of a
// running `channelboard serve`.
func PostmasterPort(pidFile string) (int, error) {
	raw, err := os.ReadFile(pidFile)
	if err != nil {
		return 0, fmt.Errorf("is the server running? %w", err)
	}
	lines := strings.Split(string(raw), "\n")
	if len(lines) < 4 {
		return 0, fmt.Errorf("%s: too short to name a port", pidFile)
	}
	port, err := strconv.Atoi(strings.TrimSpace(lines[3]))
	if err != nil || port <= 0 || port > 65535 {
		return 0, fmt.Errorf("%s: line 4 is not a port: %q", pidFile, lines[3])
	}
	return port, nil
}
