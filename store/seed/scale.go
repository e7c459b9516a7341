package seed

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/schollz/progressbar/v3"
	"github.com/uptrace/bun"
	"golang.org/x/term"

	"channelboard/channel"
)

// sizes is how much scale data one run adds.
type sizes struct {
	dealers, customers, deals int
}

// perScale is what one unit of Scale adds.
var perScale = sizes{dealers: 100, customers: 50_000, deals: 200_000}

// Scale adds n × (100 dealers, 50,000 customers, 200,000 deals) with their
// territory assignments, ownership history and 2026 plans, for load tests.
// It works on an empty database (creating the regions, product lines and
// policies it needs) and on top of the demo or an earlier Scale (its dealer
// codes come from the id sequence and its tax ids avoid every existing one).
// Rows stream into PostgreSQL with COPY inside one transaction, never all in
// memory; progress gets a bar on a terminal, percentage lines otherwise.
func Scale(ctx context.Context, db *bun.DB, n int, progress io.Writer) error {
	if n < 1 {
		return fmt.Errorf("scale: n must be at least 1, got %d", n)
	}
	return scale(ctx, db, sizes{perScale.dealers * n, perScale.customers * n, perScale.deals * n}, progress)
}

// scaleDealer is what the customer and deal generators need of a dealer.
type scaleDealer struct {
	id       int64
	tier     int
	region   int      // index into leaves
	segments []string // its assignment's; empty for all
	start    time.Time
	end      *time.Time
}

// scaleWorld holds the few small things every generated row depends on.
type scaleWorld struct {
	sz             sizes
	seed           uint64
	leaves         []regionSpec
	leafWeights    []weighted[int]
	ref            reference
	dealers        []scaleDealer
	byRegion       map[int][]int // leaf index → indexes of dealers at home there
	firstCustomer  int64
	firstChange    int64
	firstDeal      int64
	takenTaxIDs    map[string]struct{}
	transferEvery  int
	transferOffset int
}

func scale(ctx context.Context, db *bun.DB, sz sizes, progress io.Writer) (err error) {
	if progress == nil {
		progress = io.Discard
	}
	started := time.Now()
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("scale: begin: %w", err)
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreDone(tx.Rollback()))
		}
	}()
	if err := lockForSeed(ctx, tx); err != nil {
		return err
	}
	w := &scaleWorld{sz: sz, leaves: leafRegions(""), transferEvery: 20, transferOffset: 7}
	for i, l := range w.leaves {
		w.leafWeights = append(w.leafWeights, weighted[int]{i, l.weight})
	}
	if w.ref, err = ensureReference(ctx, tx); err != nil {
		return err
	}
	if w.takenTaxIDs, err = loadTaxIDs(ctx, tx); err != nil {
		return err
	}

	nChanges := sz.customers + w.transfers()
	firstDealer, err := reserveIDs(ctx, tx, "dealers", sz.dealers)
	if err != nil {
		return err
	}
	firstTerr, err := reserveIDs(ctx, tx, "territory_assignments", sz.dealers)
	if err != nil {
		return err
	}
	if w.firstCustomer, err = reserveIDs(ctx, tx, "customers", sz.customers); err != nil {
		return err
	}
	if w.firstChange, err = reserveIDs(ctx, tx, "ownership_changes", nChanges); err != nil {
		return err
	}
	if w.firstDeal, err = reserveIDs(ctx, tx, "deals", sz.deals); err != nil {
		return err
	}
	// The same database state gives the same data; a second run on top of
	// the first gives different data, since its ids differ.
	w.seed = uint64(firstDealer)

	total := int64(sz.dealers*2 + sz.customers + nChanges + sz.deals)
	bar := newMeter(progress, total, "scale")
	var timings []string
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		steps := []struct {
			table string
			cols  []string
			rows  func(m *meter) pgx.CopyFromSource
		}{
			{"dealers", dealerCols, func(m *meter) pgx.CopyFromSource { return w.dealerRows(firstDealer, m) }},
			{"territory_assignments", territoryCols, func(m *meter) pgx.CopyFromSource { return w.territoryRows(firstTerr, m) }},
			{"customers", customerCols, w.customerRows},
			{"ownership_changes", changeCols, w.changeRows},
			{"deals", dealCols, w.dealRows},
		}
		// PostgreSQL refuses COPY FROM into a table whose row security
		// applies to the writer, and migration 0008 forces it even on the
		// owner. Inside this transaction (and its exclusive locks) the
		// owner is exempted, and the force comes back before the commit.
		for _, s := range steps {
			if _, err := pc.Exec(ctx, "ALTER TABLE "+s.table+" NO FORCE ROW LEVEL SECURITY"); err != nil {
				return fmt.Errorf("copy %s: %w", s.table, err)
			}
		}
		for _, s := range steps {
			t := time.Now()
			if _, err := pc.CopyFrom(ctx, pgx.Identifier{s.table}, s.cols, s.rows(bar)); err != nil {
				return fmt.Errorf("copy %s: %w", s.table, err)
			}
			timings = append(timings, fmt.Sprintf("%s %.1fs", s.table, time.Since(t).Seconds()))
		}
		for _, s := range steps {
			if _, err := pc.Exec(ctx, "ALTER TABLE "+s.table+" FORCE ROW LEVEL SECURITY"); err != nil {
				return fmt.Errorf("copy %s: %w", s.table, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	if err := w.insertPlans(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("scale: commit: %w", err)
	}
	bar.finish()
	fmt.Fprintf(progress, "scale: %d dealers / %d customers / %d ownership changes / %d deals in %.1fs (%s); analyzing\n",
		sz.dealers, sz.customers, nChanges, sz.deals, time.Since(started).Seconds(), strings.Join(timings, ", "))
	// Fresh statistics, or the planner keeps its empty-table estimates.
	if _, err := db.ExecContext(ctx, "ANALYZE "+seededTables); err != nil {
		return fmt.Errorf("scale: analyze: %w", err)
	}
	fmt.Fprintf(progress, "scale: done in %.1fs\n", time.Since(started).Seconds())
	return nil
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// loadTaxIDs returns every normalised tax id in the database: the generator
// skips them, since the unique index would refuse the whole COPY.
func loadTaxIDs(ctx context.Context, tx bun.Tx) (map[string]struct{}, error) {
	rows, err := tx.QueryContext(ctx, "SELECT tax_id_norm FROM customers WHERE tax_id_norm IS NOT NULL")
	if err != nil {
		return nil, fmt.Errorf("load tax ids: %w", err)
	}
	defer rows.Close()
	taken := map[string]struct{}{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("load tax ids: %w", err)
		}
		taken[s] = struct{}{}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load tax ids: %w", err)
	}
	return taken, nil
}

// transfers is how many customers get a second ownership entry: one in
// transferEvery, so that the count is known before the rows are made.
func (w *scaleWorld) transfers() int {
	if w.sz.customers <= w.transferOffset {
		return 0
	}
	return (w.sz.customers-w.transferOffset-1)/w.transferEvery + 1
}

func (w *scaleWorld) rng(stream, i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(w.seed, stream<<48|i))
}

// Row sources. Each is a pgx.CopyFromFunc that makes one row per call.

var dealerCols = []string{"id", "code", "name", "kind", "parent_id", "status", "tier", "home_region_id",
	"contract_start", "contract_end", "credit_limit", "currency", "contact_name", "contact_email", "contact_phone", "created_at", "updated_at"}

// dealerRows makes the dealers in groups of ten: a distributor, six
// dealers and three sub-dealers under it, all in one country.
func (w *scaleWorld) dealerRows(first int64, m *meter) pgx.CopyFromSource {
	r := w.rng(1, 0)
	w.byRegion = map[int][]int{}
	i := 0
	return pgx.CopyFromFunc(func() ([]any, error) {
		if i == w.sz.dealers {
			return nil, nil
		}
		id := first + int64(i)
		leaf := w.leaves[(i*7)%len(w.leaves)]
		if i%10 != 0 {
			// The rest of the group stays in the distributor's country.
			same := leafRegions(w.leaves[((i-i%10)*7)%len(w.leaves)].country)
			leaf = same[r.IntN(len(same))]
		}
		li := indexOfLeaf(w.leaves, leaf.path)
		d := scaleDealer{id: id, tier: 2, region: li, start: day(2018+r.IntN(7), time.Month(1+r.IntN(12)), 1)}
		kind, status := dealerKind, active
		var parent any
		switch {
		case i%10 == 0:
			kind, d.tier = distributor, 1
		case i%10 >= 7:
			kind, d.tier, parent = subdealer, 3, first+int64(i-i%10)
		}
		if i%10 == 8 {
			d.segments = []string{"AGRICULTURE", "CONSTRUCTION"}
		}
		switch {
		case i%50 == 49:
			status = terminated
			end := day(2025, time.Month(1+r.IntN(12)), 28)
			d.end = &end
		case i%33 == 32:
			status = suspended
		}
		w.dealers = append(w.dealers, d)
		if d.end == nil {
			w.byRegion[li] = append(w.byRegion[li], i)
		}
		town := leaf.name
		if leaf.country == "CN" {
			town = cnTown(leaf.path, leaf.name)
		}
		name := brand(r, leaf.country) + " " + companyName(r, leaf.country, "INDUSTRIAL", town, d.tier == 1, false)
		code := fmt.Sprintf("SC%07d", id)
		var end any
		if d.end != nil {
			end = *d.end
		}
		i++
		m.add(1)
		return []any{id, code, name, kind, parent, status, d.tier, w.ref.regionID[leaf.path],
			d.start, end, tierCredit[d.tier], "EUR", personName(r, leaf.country), strings.ToLower(code) + "@dealers.example",
			phone(r, leaf.country), d.start.Add(9 * time.Hour), d.start.Add(9 * time.Hour)}, nil
	})
}

func indexOfLeaf(leaves []regionSpec, path string) int {
	for i, l := range leaves {
		if l.path == path {
			return i
		}
	}
	panic("seed: no leaf " + path)
}

var territoryCols = []string{"id", "dealer_id", "region_id", "segments", "product_line_ids", "exclusive", "valid_from", "valid_to", "created_at"}

// territoryRows gives each dealer its home region; one in four exclusive.
func (w *scaleWorld) territoryRows(first int64, m *meter) pgx.CopyFromSource {
	i := 0
	return pgx.CopyFromFunc(func() ([]any, error) {
		if i == len(w.dealers) {
			return nil, nil
		}
		d := w.dealers[i]
		segments := d.segments
		if segments == nil {
			segments = []string{}
		}
		var to any
		if d.end != nil {
			to = *d.end
		}
		i++
		m.add(1)
		return []any{first + int64(i-1), d.id, w.ref.regionID[w.leaves[d.region].path], segments, []int64{},
			i%4 == 1, d.start, to, d.start.Add(9 * time.Hour)}, nil
	})
}

// scaleCustomer is a customer's attributes, derived from its index alone so
// that the customer, history and deal passes agree without keeping them.
type scaleCustomer struct {
	region   int
	segment  string
	size     string
	key      string
	created  time.Time
	initial  owner // dealer indexes w.dealers
	transfer *ownerStep
}

func (w *scaleWorld) customer(i int) scaleCustomer {
	r := w.rng(2, uint64(i))
	c := scaleCustomer{region: pickWeighted(r, w.leafWeights), segment: pickWeighted(r, segmentWeights), size: pickWeighted(r, sizeWeights)}
	c.created = day(2022, 1, 10).Add(time.Duration(r.Int64N(int64(day(2026, 10, 31).Sub(day(2022, 1, 10)))))).Truncate(time.Minute)
	if c.size == "ENTERPRISE" && r.IntN(100) < 50 {
		c.key = keyReason(r, w.leaves[c.region].country, c.segment)
	}
	local := w.localDealers(c.region, c.segment)
	switch roll := r.IntN(100); {
	case c.key != "" || roll < 15:
		c.initial = ownerDirect
	case roll < 25:
		c.initial = ownerUnassigned
	case len(local) > 0:
		c.initial = dealerOwner(local[r.IntN(len(local))])
	default:
		c.initial = ownerDirect
	}
	if i%w.transferEvery == w.transferOffset {
		s := ownerStep{how: "TRANSFER", by: decidedByManager, at: c.created.Add(time.Duration(1+r.IntN(20)) * 24 * time.Hour)}
		switch {
		case c.initial.kind == "DEALER":
			s.to, s.how, s.by = ownerDirect, "CONFLICT_RESOLUTION", decidedByDirector
			s.reason = "Awarded direct: framework agreement with head office; dealer compensated 5 %"
		case len(local) > 0:
			s.to, s.reason = dealerOwner(local[r.IntN(len(local))]), "Handed to the dealer covering the region"
		case c.initial == ownerDirect:
			s.to, s.reason = ownerUnassigned, "Released: no longer served by the sales team"
		default:
			s.to, s.reason = ownerDirect, "Lead qualified by the manufacturer's sales team, kept direct"
		}
		c.transfer = &s
	}
	return c
}

// localDealers returns the dealers at home in the region whose assignment
// takes the segment.
func (w *scaleWorld) localDealers(region int, segment string) []int {
	all := w.byRegion[region]
	for k, i := range all {
		if segs := w.dealers[i].segments; len(segs) > 0 && !slices.Contains(segs, segment) {
			// Rare: copy without the dealers limited to other segments.
			out := slices.Clone(all[:k])
			for _, j := range all[k+1:] {
				if segs := w.dealers[j].segments; len(segs) == 0 || slices.Contains(segs, segment) {
					out = append(out, j)
				}
			}
			return out
		}
	}
	return all
}

func (c scaleCustomer) owner() (owner, time.Time) {
	if c.transfer != nil {
		return c.transfer.to, c.transfer.at
	}
	return c.initial, c.created
}

func (c scaleCustomer) ownerAt(t time.Time) owner {
	if c.transfer != nil && !t.Before(c.transfer.at) {
		return c.transfer.to
	}
	return c.initial
}

func (w *scaleWorld) ownerCols(o owner) (string, any) {
	if o.kind == "DEALER" {
		return o.kind, w.dealers[o.dealer].id
	}
	return o.kind, nil
}

var customerCols = []string{"id", "name", "name_norm", "tax_id", "tax_id_norm", "region_id", "segment", "size",
	"key_account", "key_account_reason", "owner_kind", "owner_dealer_id", "owner_since", "created_at", "updated_at"}

func (w *scaleWorld) customerRows(m *meter) pgx.CopyFromSource {
	r := w.rng(3, 0)
	i := 0
	return pgx.CopyFromFunc(func() ([]any, error) {
		if i == w.sz.customers {
			return nil, nil
		}
		c := w.customer(i)
		leaf := w.leaves[c.region]
		town := leaf.name
		if leaf.country == "CN" {
			town = cnTown(leaf.path, leaf.name)
		}
		name := brand(r, leaf.country) + " " + companyName(r, leaf.country, c.segment, town, c.size == "LARGE" || c.size == "ENTERPRISE", r.IntN(100) < 5)
		var tax, taxNorm any
		if r.IntN(100) >= 3 {
			for {
				id := taxID(r, leaf.country, leaf.taxCode)
				n := channel.NormalizeTaxID(id)
				if _, taken := w.takenTaxIDs[n]; !taken {
					w.takenTaxIDs[n] = struct{}{}
					tax, taxNorm = id, n
					break
				}
			}
		}
		o, since := c.owner()
		kind, did := w.ownerCols(o)
		i++
		m.add(1)
		return []any{w.firstCustomer + int64(i-1), name, channel.NormalizeName(name), tax, taxNorm, w.ref.regionID[leaf.path],
			c.segment, c.size, c.key != "", c.key, kind, did, since, c.created, since}, nil
	})
}

var changeCols = []string{"id", "customer_id", "from_kind", "from_dealer_id", "to_kind", "to_dealer_id", "how", "reason", "decided_by", "at"}

func (w *scaleWorld) changeRows(m *meter) pgx.CopyFromSource {
	i, id := 0, w.firstChange
	var pending []any // the transfer row after a customer's initial one
	return pgx.CopyFromFunc(func() ([]any, error) {
		if pending != nil {
			row := pending
			pending = nil
			m.add(1)
			return row, nil
		}
		if i == w.sz.customers {
			return nil, nil
		}
		c := w.customer(i)
		cid := w.firstCustomer + int64(i)
		kind, did := w.ownerCols(c.initial)
		reason := "Imported from the 2022 CRM export"
		if c.key != "" && c.initial == ownerDirect {
			reason = "Key account (" + c.key + "): served directly"
		}
		row := []any{id, cid, nil, nil, kind, did, "INITIAL", reason, decidedByManager, c.created}
		id++
		if t := c.transfer; t != nil {
			tk, td := w.ownerCols(t.to)
			pending = []any{id, cid, kind, did, tk, td, t.how, t.reason, t.by, t.at}
			id++
		}
		i++
		m.add(1)
		return row, nil
	})
}

var dealCols = []string{"id", "customer_id", "channel_kind", "dealer_id", "product_line_id", "quantity", "unit_price", "amount",
	"currency", "stage", "prepaid_amount", "expected_close", "registered_at", "protected_until", "closed_at", "close_reason", "created_at", "updated_at"}

// dealRows spreads the deals over the customers, more to the big ones, and
// routes each like the demo's: mostly through the customer's owner,
// sometimes around it. Deals come customer by customer: the index on
// (customer_id, product_line_id) and the foreign key checks then touch the
// same pages row after row, which makes the COPY markedly faster.
func (w *scaleWorld) dealRows(m *meter) pgx.CopyFromSource {
	sizeWeight := map[string]int64{"SMALL": 3, "MEDIUM": 5, "LARGE": 8, "ENTERPRISE": 12}
	var total int64
	for ci := range w.sz.customers {
		total += sizeWeight[w.customer(ci).size]
	}
	r := w.rng(4, 0)
	i, ci := 0, -1
	var c scaleCustomer
	var cum int64 // weight of the customers before ci
	left := 0     // deals still to make for customer ci
	return pgx.CopyFromFunc(func() ([]any, error) {
		for left == 0 {
			if ci+1 == w.sz.customers {
				return nil, nil
			}
			ci++
			c = w.customer(ci)
			before := int(int64(w.sz.deals) * cum / total)
			cum += sizeWeight[c.size]
			left = int(int64(w.sz.deals)*cum/total) - before
		}
		left--
		from := dealsFrom
		if c.created.After(from) {
			from = c.created
		}
		reg := from.Add(time.Duration(r.Int64N(int64(demoNow.Sub(from))))).Truncate(time.Minute)
		d := demoDeal{customer: ci, registered: reg, dealer: -1, product: pickWeighted(r, productWeights)}
		o := c.ownerAt(reg)
		local := w.localDealers(c.region, c.segment)
		switch roll := r.IntN(100); {
		case o.kind == "DEALER" && roll < 90:
			d.dealer = o.dealer
		case o.kind != "DIRECT" && len(local) > 0 && roll < 60:
			d.dealer = local[r.IntN(len(local))]
		}
		tier, end := 0, (*time.Time)(nil)
		if d.dealer >= 0 {
			sd := w.dealers[d.dealer]
			if reg.Before(sd.start) || sd.end != nil && reg.After(*sd.end) {
				d.dealer = -1
			} else {
				tier, end = sd.tier, sd.end
			}
		}
		quote(r, &d, c.size)
		finishDeal(r, &d, tier, end)
		channelKind, dealerID := "DIRECT", any(nil)
		if d.dealer >= 0 {
			channelKind, dealerID = "DEALER", w.dealers[d.dealer].id
		}
		var expected, protected, closed any = d.expected, nil, nil
		updated := d.registered
		if d.protected != nil {
			protected = *d.protected
		}
		if d.closed != nil {
			closed, updated = *d.closed, *d.closed
		}
		i++
		m.add(1)
		return []any{w.firstDeal + int64(i-1), w.firstCustomer + int64(ci), channelKind, dealerID,
			w.ref.productID[productLines[d.product].code], d.qty, d.unit, int64(d.qty) * d.unit, "EUR", d.stage, d.prepaid,
			expected, d.registered, protected, closed, d.reason, d.registered, updated}, nil
	})
}

// insertPlans sets each scale dealer's 2026 plan by tier.
func (w *scaleWorld) insertPlans(ctx context.Context, tx bun.Tx) error {
	r := w.rng(5, 0)
	var plans []planRow
	for _, d := range w.dealers {
		if d.end != nil {
			continue
		}
		base := map[int]int64{1: 2_000_000_00, 2: 600_000_00, 3: 150_000_00}[d.tier]
		plans = append(plans, planRow{DealerID: d.id, Year: 2026, PlannedVolume: base * int64(70+r.IntN(61)) / 100 / 1000_00 * 1000_00,
			Currency: "EUR", PrepaymentPct: tierPrepayment[d.tier], CreditLimit: tierCredit[d.tier], UpdatedAt: policyDate(2026).AddDate(0, 0, 10)})
	}
	if err := insertChunks(ctx, tx, "dealer plans", plans, 1000); err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	return nil
}

// Syllables for made-up brand names, so that tens of thousands of
// companies do not share a handful of names.
var brandSyllables = map[string][2][]string{
	"BG": {{"Ра", "Ве", "Ко", "Ли", "Ма", "Де", "Си", "То", "Бо", "Ни", "Ге", "Ва"}, {"лтек", "нор", "викс", "стар", "рон", "мекс", "тим", "лукс", "дар", "вел"}},
	"RO": {{"Vi", "Ro", "Ma", "Lu", "Ce", "Da", "Te", "Pa", "Bo", "Si", "Flo", "Mi"}, {"tar", "nex", "vis", "mar", "ron", "lux", "dor", "com", "tim", "vel"}},
	"RU": {{"Ра", "Ве", "Ко", "Ли", "Ма", "Де", "Си", "То", "Бо", "Ни", "Ге", "Ва"}, {"лтех", "нор", "викс", "стар", "рон", "мекс", "тим", "люкс", "дар", "вел"}},
}

var cnBrandChars = []rune("恒达华通金泰鑫源宏远永盛中力天成瑞丰博宇嘉诚新科国东方长江海川联创世宝利万隆兴旺昌明星光")

func brand(r *rand.Rand, country string) string {
	if country == "CN" {
		return string([]rune{cnBrandChars[r.IntN(len(cnBrandChars))], cnBrandChars[r.IntN(len(cnBrandChars))]})
	}
	s := brandSyllables[country]
	return s[0][r.IntN(len(s[0]))] + s[1][r.IntN(len(s[1]))]
}

// meter reports progress: a bar on a terminal, a line per tenth otherwise
// (logs and CI output do not render carriage returns).
type meter struct {
	bar     *progressbar.ProgressBar
	out     io.Writer
	label   string
	total   int64
	done    int64
	pending int64
	printed int64 // tenths printed
}

func newMeter(out io.Writer, total int64, label string) *meter {
	m := &meter{out: out, label: label, total: total}
	if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		m.bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(out), progressbar.OptionSetDescription(label),
			progressbar.OptionShowCount(), progressbar.OptionSetItsString("rows"), progressbar.OptionShowIts(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionOnCompletion(func() { fmt.Fprintln(out) }))
	}
	return m
}

// add counts n rows; the bar is told in batches, it locks on every call.
func (m *meter) add(n int64) {
	m.done += n
	m.pending += n
	if m.pending < 5000 && m.done < m.total {
		return
	}
	if m.bar != nil {
		_ = m.bar.Add64(m.pending)
	} else if tenth := m.done * 10 / max(m.total, 1); tenth > m.printed {
		m.printed = tenth
		fmt.Fprintf(m.out, "%s: %d%% (%d / %d rows)\n", m.label, tenth*10, m.done, m.total)
	}
	m.pending = 0
}

func (m *meter) finish() {
	if m.bar != nil {
		_ = m.bar.Finish()
	}
}
