package bench

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Report is everything one run measured; WriteJSON and WriteTables render
// it.
type Report struct {
	Started time.Time    `json:"started"`
	Config  ReportConfig `json:"config"`
	Machine Machine      `json:"machine"`
	// SQLMethod says how statements were counted.
	SQLMethod string `json:"sql_method"`
	// Probes are each operation alone, sequentially: SQL statements,
	// allocations and CPU per request.
	Probes []OpResult `json:"probes,omitempty"`
	// Mix is the mixed load per operation, then "all".
	Mix []OpResult `json:"mix"`
	// RSS is the server's resident memory during the mix.
	RSS RSSSummary `json:"rss"`
	// TopStatements are the statements that took the most time in the mix.
	TopStatements []TopStatement `json:"top_statements,omitempty"`
	// Compare are the shared questions asked of each side.
	Compare []OpResult `json:"compare,omitempty"`
	Ratios  []Ratio    `json:"ratios,omitempty"`
	Targets []Target   `json:"targets"`
	Notes   []string   `json:"notes,omitempty"`
}

// ReportConfig is the part of Config a reader needs to repeat the run.
type ReportConfig struct {
	ServerURL              string  `json:"server_url"`
	Rate                   int     `json:"rate"`
	DurationSeconds        float64 `json:"duration_s"`
	WarmupSeconds          float64 `json:"warmup_s"`
	Mix                    string  `json:"mix"`
	Dealers                int     `json:"dealers"`
	Directors              int     `json:"directors"`
	Analysts               int     `json:"analysts"`
	Concurrency            int     `json:"concurrency"`
	CompareDurationSeconds float64 `json:"compare_duration_s"`
	ProbeRequests          int     `json:"probe_requests"`
	RSSEverySeconds        float64 `json:"rss_every_s"`
	Seed                   uint64  `json:"seed"`
}

// Machine is where the load generator ran (the server too, on loopback).
type Machine struct {
	CPUs      int    `json:"cpus"`
	LoadStart string `json:"loadavg_start"`
	LoadEnd   string `json:"loadavg_end"`
	GoVersion string `json:"go_version"`
}

// RSSPoint is the server's resident memory at T seconds into the mix.
type RSSPoint struct {
	T  float64 `json:"t_s"`
	MB float64 `json:"mb"`
}

// RSSSummary is the curve and its landmarks.
type RSSSummary struct {
	StartMB float64    `json:"start_mb"`
	MaxMB   float64    `json:"max_mb"`
	EndMB   float64    `json:"end_mb"`
	Points  []RSSPoint `json:"points,omitempty"`
}

// Ratio compares Channelboard's throughput on a question with another
// side's, in the closed loop.
type Ratio struct {
	Question string  `json:"question"`
	Other    string  `json:"other"`
	Ratio    float64 `json:"ratio"`
}

// Target is one of the targets and whether this run met it.
type Target struct {
	What     string `json:"what"`
	Measured string `json:"measured"`
	// Met is "yes", "no" or "n/a" (not measured by this run).
	Met string `json:"met"`
}

// WriteJSON writes the report to file.
func (r *Report) WriteJSON(file string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(b, '\n'), 0o644)
}

func f1(v float64) string { return fmt.Sprintf("%.1f", v) }

func optF(v *float64, format string) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf(format, *v)
}

// WriteTables writes the report as Markdown tables (readable in a
// terminal, pasted as is into docs/benchmarks.md).
func (r *Report) WriteTables(w io.Writer) error {
	var b strings.Builder
	c := r.Config
	fmt.Fprintf(&b, "Run of %s against %s: %d CPUs, load average %s at the start, %s at the end.\n\n",
		r.Started.UTC().Format("2006-01-02 15:04 MST"), c.ServerURL, r.Machine.CPUs, r.Machine.LoadStart, r.Machine.LoadEnd)
	fmt.Fprintf(&b, "SQL statements counted with %s.\n\n", r.SQLMethod)

	if len(r.Mix) > 0 {
		fmt.Fprintf(&b, "**Mix**: %d requests/s for %s (after %s warm-up), %d dealer, %d director and %d analyst users, each with its own token; mix %s.\n\n",
			c.Rate, seconds(c.DurationSeconds), seconds(c.WarmupSeconds), c.Dealers, c.Directors, c.Analysts, c.Mix)
		probes := map[string]OpResult{}
		for _, p := range r.Probes {
			probes[p.Op] = p
		}
		b.WriteString("| operation | requests | errors | throughput/s | p50 ms | p95 ms | p99 ms | max ms | SQL/request | allocs/request | server CPU ms/request |\n")
		b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, o := range r.Mix {
			sql, allocs, cpu := o.SQLPerRequest, o.AllocsPerRequest, o.CPUMSPerRequest
			if p, ok := probes[o.Op]; ok {
				sql, allocs, cpu = p.SQLPerRequest, p.AllocsPerRequest, p.CPUMSPerRequest
			}
			name := o.Op
			if o.Op == "all" {
				name = "**all**"
			}
			fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, o.Requests, o.Errors,
				f1(o.Throughput), f1(o.P50MS), f1(o.P95MS), f1(o.P99MS), f1(o.MaxMS),
				optF(sql, "%.1f"), optF(allocs, "%.0f"), optF(cpu, "%.2f"))
		}
		if len(r.Probes) > 0 {
			fmt.Fprintf(&b, "\nSQL, allocations and CPU per request of each operation come from %d sequential requests of it alone; the **all** line's from the whole mix.\n", c.ProbeRequests)
		}
		b.WriteString("\n")
		for _, o := range r.Mix {
			if o.Op != "all" {
				writeErrors(&b, o.Op, o.ErrorSamples)
			}
		}
		b.WriteString("\n")
	}

	if hasTop(r.Probes) {
		b.WriteString("**Where each operation's database time goes** (its probe; the three statements that took the most time):\n\n")
		b.WriteString("| operation | calls/request | mean ms | statement |\n|---|--:|--:|---|\n")
		for _, p := range r.Probes {
			for _, t := range p.Top {
				fmt.Fprintf(&b, "| %s | %.2f | %.2f | `%s` |\n", p.Op, t.CallsPerRequest, t.MeanMS, mdCode(t.Query))
			}
		}
		b.WriteString("\n")
	}

	if len(r.RSS.Points) > 0 {
		fmt.Fprintf(&b, "**Server RSS** during the mix: %s MB at the start, %s MB at most, %s MB at the end. Curve (s: MB): %s\n\n",
			f1(r.RSS.StartMB), f1(r.RSS.MaxMB), f1(r.RSS.EndMB), rssCurve(r.RSS.Points, 40))
	}

	if len(r.TopStatements) > 0 {
		b.WriteString("**Statements that took the most database time in the mix** (pg_stat_statements):\n\n")
		b.WriteString("| calls/request | mean ms | total ms | statement |\n|--:|--:|--:|---|\n")
		for _, t := range r.TopStatements {
			fmt.Fprintf(&b, "| %.2f | %.2f | %.0f | `%s` |\n", t.CallsPerRequest, t.MeanMS, t.TotalMS, mdCode(t.Query))
		}
		b.WriteString("\n")
	}

	if len(r.Compare) > 0 {
		fmt.Fprintf(&b, "**The shared questions, three ways**: each side at %d requests/s (rate) and with %d workers back to back (closed), %s each.\n\n",
			c.Rate, c.Concurrency, seconds(c.CompareDurationSeconds))
		b.WriteString("| question | side | mode | requests | errors | throughput/s | p50 ms | p95 ms | p99 ms | max ms | SQL/request |\n")
		b.WriteString("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, o := range r.Compare {
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %d | %s | %s | %s | %s | %s | %s |\n", o.Op, o.Side, o.Mode, o.Requests, o.Errors,
				f1(o.Throughput), f1(o.P50MS), f1(o.P95MS), f1(o.P99MS), f1(o.MaxMS), optF(o.SQLPerRequest, "%.1f"))
		}
		b.WriteString("\n")
		for _, o := range r.Compare {
			writeErrors(&b, fmt.Sprintf("%s on %s (%s)", o.Op, o.Side, o.Mode), o.ErrorSamples)
		}
		b.WriteString("\n")
	}
	if len(r.Ratios) > 0 {
		b.WriteString("| question | Channelboard's closed-loop throughput ÷ |  |\n|---|---|--:|\n")
		for _, x := range r.Ratios {
			fmt.Fprintf(&b, "| %s | %s | %.2f |\n", x.Question, x.Other, x.Ratio)
		}
		b.WriteString("\n")
	}

	if len(r.Targets) > 0 {
		b.WriteString("| target | measured | met |\n|---|---|---|\n")
		for _, t := range r.Targets {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", t.What, t.Measured, t.Met)
		}
		b.WriteString("\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func hasTop(rs []OpResult) bool {
	for _, o := range rs {
		if len(o.Top) > 0 {
			return true
		}
	}
	return false
}

// mdCode makes a statement safe inside a Markdown table's code span.
func mdCode(q string) string { return strings.ReplaceAll(strings.ReplaceAll(q, "|", `\|`), "`", "'") }

// writeErrors lists the three most frequent kinds of error of a line.
func writeErrors(b *strings.Builder, what string, errs map[string]int) {
	kinds := slices.Collect(maps.Keys(errs))
	slices.SortFunc(kinds, func(x, y string) int {
		if c := cmp.Compare(errs[y], errs[x]); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	for i, k := range kinds {
		if i == 3 {
			fmt.Fprintf(b, "- %s: %d more kinds of error\n", what, len(kinds)-3)
			break
		}
		fmt.Fprintf(b, "- %s error ×%d: %s\n", what, errs[k], k)
	}
}

func seconds(s float64) string {
	return (time.Duration(s * float64(time.Second))).Round(time.Millisecond).String()
}

// rssCurve renders at most n points of the curve, evenly spaced.
func rssCurve(ps []RSSPoint, n int) string {
	step := 1
	if len(ps) > n {
		step = (len(ps) + n - 1) / n
	}
	var parts []string
	for i := 0; i < len(ps); i += step {
		parts = append(parts, rssPoint(ps[i]))
	}
	if (len(ps)-1)%step != 0 {
		parts = append(parts, rssPoint(ps[len(ps)-1]))
	}
	return strings.Join(parts, ", ")
}

func rssPoint(p RSSPoint) string {
	return strconv.FormatFloat(math.Round(p.T*10)/10, 'f', -1, 64) + ": " + strconv.FormatFloat(math.Round(p.MB), 'f', -1, 64)
}

// rssDrift compares the mean of the curve's last quarter with that of its
// second quarter (the first is start-up), in MB.
func rssDrift(ps []RSSPoint) float64 {
	if len(ps) < 8 {
		return 0
	}
	q := len(ps) / 4
	mean := func(xs []RSSPoint) float64 {
		var s float64
		for _, x := range xs {
			s += x.MB
		}
		return s / float64(len(xs))
	}
	return mean(ps[len(ps)-q:]) - mean(ps[q:2*q])
}
