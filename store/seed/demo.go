package seed

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// Demo loads the demo world into an empty database in one transaction and
// prints what it loaded to progress (nil for silence). It returns an error
// wrapping ErrNotEmpty, and changes nothing, when the database already has
// dealers or customers. Regions, product lines and the 2025 and 2026
// policies are created unless they exist.
func Demo(ctx context.Context, db *bun.DB, progress io.Writer) error {
	if progress == nil {
		progress = io.Discard
	}
	started := time.Now()
	var w *demoWorld
	err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// Lock before looking: two Demo calls at once load the data once.
		if err := lockForSeed(ctx, tx); err != nil {
			return err
		}
		empty, err := IsEmpty(ctx, tx)
		if err != nil {
			return err
		}
		if !empty {
			return ErrNotEmpty
		}
		ref, err := ensureReference(ctx, tx)
		if err != nil {
			return err
		}
		fmt.Fprintf(progress, "regions %d / product lines %d / policies 2025, 2026\n", len(ref.regionID), len(ref.productID))
		w = generateDemo()
		return w.insert(ctx, tx, ref, progress)
	})
	if err != nil {
		return fmt.Errorf("load demo data: %w", err)
	}
	fmt.Fprintf(progress, "demo data loaded in %.1fs\n", time.Since(started).Seconds())
	return nil
}

// owner is who owns a customer; dealer indexes dealers and is -1 unless
// kind is DEALER.
type owner struct {
	kind   string
	dealer int
}

var (
	ownerDirect     = owner{kind: "DIRECT", dealer: -1}
	ownerUnassigned = owner{kind: "UNASSIGNED", dealer: -1}
)

func dealerOwner(i int) owner { return owner{kind: "DEALER", dealer: i} }

// ownerStep is one entry of a customer's ownership history.
type ownerStep struct {
	to     owner
	how    string
	reason string
	by     string
	at     time.Time
}

type demoCustomer struct {
	name      string
	taxID     string // "" for none
	region    regionSpec
	segment   string
	size      string
	keyReason string // "" unless a key account
	created   time.Time
	history   []ownerStep // history[0] is the INITIAL entry
}

func (c *demoCustomer) ownerAt(t time.Time) owner {
	o := c.history[0].to
	for _, s := range c.history[1:] {
		if !s.at.After(t) {
			o = s.to
		}
	}
	return o
}

func (c *demoCustomer) owner() owner { return c.history[len(c.history)-1].to }

type demoDeal struct {
	customer   int
	dealer     int // -1 for DIRECT
	product    int
	qty        int
	unit       int64
	stage      string
	prepaid    int64
	expected   time.Time
	registered time.Time
	protected  *time.Time
	closed     *time.Time
	reason     string
}

type demoWorld struct {
	customers []demoCustomer
	deals     []demoDeal
	plans     []planRow // DealerID holds the dealer's index until insert
}

// Customers per country; together about 2,000.
var demoCountries = []struct {
	country   string
	customers int
}{{"BG", 555}, {"RO", 495}, {"RU", 540}, {"CN", 398}}

// nearDuplicates is how many customers are entered a second time under a
// slightly different name; with the countries' customers they make 2,000.
const nearDuplicates = 12

var segmentWeights = []weighted[string]{
	{"INDUSTRIAL", 30}, {"CONSTRUCTION", 20}, {"AGRICULTURE", 18}, {"UTILITIES", 12}, {"RETAIL", 12}, {"PUBLIC", 8},
}

var sizeWeights = []weighted[string]{{"SMALL", 45}, {"MEDIUM", 33}, {"LARGE", 17}, {"ENTERPRISE", 5}}

type weighted[T any] struct {
	v T
	w int
}

func pickWeighted[T any](r *rand.Rand, xs []weighted[T]) T {
	total := 0
	for _, x := range xs {
		total += x.w
	}
	n := r.IntN(total)
	for _, x := range xs {
		if n < x.w {
			return x.v
		}
		n -= x.w
	}
	return xs[len(xs)-1].v
}

// keyReason says why a big customer is served directly (seed 000 §4: key
// customers are registered by name, "federal level — GAZPROM").
func keyReason(r *rand.Rand, country, segment string) string {
	switch {
	case country == "RU" && r.IntN(2) == 0:
		return "federal-level company"
	case segment == "UTILITIES" || segment == "PUBLIC":
		return "national utility"
	case country == "CN":
		return pick(r, []string{"state-owned enterprise", "group framework agreement signed at head office"})
	}
	return pick(r, []string{"group framework agreement signed at head office", "international key account", "national chain, central purchasing"})
}

// storyCustomer is seed 000 told as data. Ямбол Трейд worked with the farm
// for a year: visits, calculations, advice on irrigation pumps. The farm
// signed a preliminary contract with the dealer; the dealer prepaid the
// manufacturer, and production started. The farm then had technical
// questions, the dealer passed on the number of the manufacturer's
// engineering department — and a few days later the farm's owner stood in
// the manufacturer's office asking to "work directly, without the dealer",
// for less than the dealer's price, threatening to go to a competitor.
// In the data: a QUOTED dealer deal with a prepayment and protection that
// still runs, and a DIRECT deal for the same customer and product line at a
// lower unit price. The conflict rules must flag it (DIRECT_BYPASS,
// PRICE_MISMATCH).
const storyCustomer = "Агро Инвест Ямбол ЕООД"

// generateDemo builds the demo world in memory, from a fixed seed.
func generateDemo() *demoWorld {
	r := rand.New(rand.NewPCG(2026, 1124))
	w := &demoWorld{}
	// Names are unique after normalisation: different companies that
	// normalise alike would swamp DUPLICATE_CUSTOMER with false alarms.
	// Only addNearDuplicates makes such pairs, on purpose.
	seenName := map[string]bool{}
	seenTax := map[string]bool{}
	for _, d := range dealers {
		seenName[channel.NormalizeName(d.name)] = true
	}
	newTax := func(country, taxCode string) string {
		for {
			id := taxID(r, country, taxCode)
			n := channel.NormalizeTaxID(id)
			if !seenTax[n] {
				seenTax[n] = true
				return id
			}
		}
	}

	// The story customer comes first, so that it is customer 1 on a fresh
	// database.
	yambol := regionByPath("eu.bg.yambol")
	ytrade := dealerIndex("BG-001")
	w.customers = append(w.customers, demoCustomer{
		name: storyCustomer, taxID: newTax("BG", ""), region: yambol, segment: "AGRICULTURE", size: "MEDIUM",
		created: time.Date(2024, time.October, 8, 9, 30, 0, 0, time.UTC),
		history: []ownerStep{{to: dealerOwner(ytrade), how: "INITIAL",
			reason: "Registered by Ямбол Трейд with the irrigation project it had worked on for a year",
			by:     decidedByManager, at: time.Date(2024, time.October, 8, 9, 30, 0, 0, time.UTC)}},
	})
	seenName[channel.NormalizeName(storyCustomer)] = true

	for _, cc := range demoCountries {
		leaves := leafRegions(cc.country)
		var rw []weighted[regionSpec]
		for _, l := range leaves {
			rw = append(rw, weighted[regionSpec]{l, l.weight})
		}
		n := cc.customers
		if cc.country == "BG" {
			n-- // the story customer
		}
		for range n {
			c := demoCustomer{region: pickWeighted(r, rw), segment: pickWeighted(r, segmentWeights), size: pickWeighted(r, sizeWeights)}
			large := c.size == "LARGE" || c.size == "ENTERPRISE"
			town := c.region.name
			if cc.country == "CN" {
				town = cnTown(c.region.path, c.region.name)
			}
			english := r.IntN(100) < 6
			for {
				c.name = companyName(r, cc.country, c.segment, town, large, english)
				if !seenName[channel.NormalizeName(c.name)] {
					break
				}
			}
			seenName[channel.NormalizeName(c.name)] = true
			if r.IntN(100) >= 3 { // a few customers never gave a tax id
				c.taxID = newTax(cc.country, c.region.taxCode)
			}
			if c.size == "ENTERPRISE" && r.IntN(100) < 60 || c.size == "LARGE" && c.segment == "UTILITIES" && r.IntN(100) < 30 {
				c.keyReason = keyReason(r, cc.country, c.segment)
			}
			// Customers arrived over four years; the CRM went live in 2022.
			c.created = day(2022, 1, 10).Add(time.Duration(r.Int64N(int64(day(2026, 10, 31).Sub(day(2022, 1, 10))))))
			c.created = c.created.Truncate(time.Minute)
			c.history = []ownerStep{initialOwner(r, &c)}
			w.customers = append(w.customers, c)
		}
	}
	addNearDuplicates(r, w, newTax)
	handOverTerminated(w)
	addLaterChanges(r, w)
	generateDeals(r, w)
	w.plans = generatePlans(r, w)
	return w
}

func regionByPath(path string) regionSpec {
	for _, r := range regions {
		if r.path == path {
			return r
		}
	}
	panic("seed: no region " + path)
}

func dealerIndex(code string) int {
	for i, d := range dealers {
		if d.code == code {
			return i
		}
	}
	panic("seed: no dealer " + code)
}

func productIndex(code string) int {
	for i, p := range productLines {
		if p.code == code {
			return i
		}
	}
	panic("seed: no product line " + code)
}

// inContract reports whether dealer i could take business at t.
func inContract(i int, t time.Time) bool {
	d := dealers[i]
	return !t.Before(d.start) && (d.end == nil || !t.After(d.end.Add(24*time.Hour)))
}

// coveringDealers returns the dealers whose assignments valid at t cover
// the region and segment for every product line, the most specific ones
// only: a Yambol customer belongs to the Yambol dealer, not to the
// distributor that covers all of Bulgaria.
func coveringDealers(path, segment string, t time.Time) []int {
	best, bestDepth := []int(nil), 0
	for i, d := range dealers {
		if !inContract(i, t) {
			continue
		}
		for _, a := range d.territories {
			from := a.from
			if from.IsZero() {
				from = d.start
			}
			if len(a.products) > 0 || t.Before(from) || a.to != nil && t.After(a.to.Add(24*time.Hour)) {
				continue
			}
			if !channel.Covers(a.region, path) || len(a.segments) > 0 && !slices.Contains(a.segments, segment) {
				continue
			}
			depth := strings.Count(a.region, ".") + 1
			if len(a.segments) > 0 {
				depth++ // a segment-specific assignment is more specific
			}
			switch {
			case depth > bestDepth:
				best, bestDepth = []int{i}, depth
			case depth == bestDepth && !slices.Contains(best, i):
				best = append(best, i)
			}
		}
	}
	return best
}

var initialReasons = map[string][]string{
	"DEALER":     {"Assigned under the dealer agreement: the customer is in the dealer's territory", "Imported from the 2022 CRM export", "Registered by the dealer with its first order"},
	"DIRECT":     {"Served by the manufacturer's own sales team", "Imported from the 2022 CRM export", "Came to the head office directly"},
	"UNASSIGNED": {"New lead from the trade fair; no partner chosen yet", "Imported from the 2022 CRM export", "Web enquiry, not yet qualified"},
}

func initialOwner(r *rand.Rand, c *demoCustomer) ownerStep {
	o := ownerUnassigned
	cands := coveringDealers(c.region.path, c.segment, c.created)
	roll := r.IntN(100)
	switch {
	case c.keyReason != "" && roll < 75:
		o = ownerDirect
	case roll < 15:
		o = ownerDirect
	case roll < 25:
		o = ownerUnassigned
	case len(cands) > 0:
		o = dealerOwner(pick(r, cands))
	case roll < 60:
		o = ownerDirect
	}
	reason := pick(r, initialReasons[o.kind])
	if c.keyReason != "" && o == ownerDirect {
		reason = "Key account (" + c.keyReason + "): served directly"
	}
	return ownerStep{to: o, how: "INITIAL", reason: reason, by: decidedByManager, at: c.created}
}

// addNearDuplicates writes a few customers twice, the way a second dealer
// or a sales rep would type them: other case, a hyphen, another legal form,
// no tax id. They are the cases DUPLICATE_CUSTOMER exists for (seed 004:
// clear criteria for "ours" and "theirs").
func addNearDuplicates(r *rand.Rand, w *demoWorld, newTax func(string, string) string) {
	variants := [][2]string{ // a legal form and how the second record writes it
		{" ЕООД", " ООД"}, {" ООД", " ЕООД"}, {" SRL", " S.R.L."}, {" SA", " S.A."},
		{" ООО", " OOO"}, {" АО", " ЗАО"}, {"有限公司", "有限责任公司"},
	}
	made, first := 0, len(w.customers)
	for i := 1; made < nearDuplicates; i = (i+1+r.IntN(300))%(first-1) + 1 {
		c := w.customers[i]
		name := ""
		for _, v := range variants {
			if stem, ok := strings.CutSuffix(c.name, v[0]); ok {
				if c.region.country != "CN" {
					stem = strings.ToUpper(strings.ReplaceAll(stem, " ", "-"))
				}
				name = stem + v[1]
				break
			}
		}
		if name == "" || slices.ContainsFunc(w.customers[first:], func(d demoCustomer) bool { return d.name == name }) {
			continue
		}
		d := demoCustomer{name: name, region: c.region, segment: c.segment, size: "SMALL",
			created: c.created.Add(time.Duration(30+r.IntN(400)) * 24 * time.Hour)}
		if d.created.After(demoNow) {
			d.created = demoNow.Add(-72 * time.Hour)
		}
		if r.IntN(2) == 0 {
			d.taxID = newTax(c.region.country, c.region.taxCode)
		}
		// Someone else than the first record's owner typed it in.
		o := ownerDirect
		if cands := coveringDealers(c.region.path, c.segment, d.created); len(cands) > 0 && c.history[0].to.kind != "DEALER" {
			o = dealerOwner(cands[0])
		}
		d.history = []ownerStep{{to: o, how: "INITIAL", reason: "Entered by hand with the first enquiry", by: decidedByManager, at: d.created}}
		w.customers = append(w.customers, d)
		made++
	}
}

// handOverTerminated moves the customers of terminated dealers to their
// successors the day after the contract ended.
func handOverTerminated(w *demoWorld) {
	for i := range w.customers {
		c := &w.customers[i]
		o := c.owner()
		if o.kind != "DEALER" || dealers[o.dealer].end == nil {
			continue
		}
		d := dealers[o.dealer]
		c.history = append(c.history, ownerStep{
			to: dealerOwner(dealerIndex(d.successor)), how: "TRANSFER",
			reason: fmt.Sprintf("Dealer agreement with %s ended on %s; its accounts were handed to %s", d.name, d.end.Format("2 January 2006"), dealers[dealerIndex(d.successor)].name),
			by:     decidedByDirector, at: d.end.Add(24*time.Hour + 9*time.Hour),
		})
	}
}

// addLaterChanges gives about 200 customers, in all, a later ownership
// change: transfers agreed in the open and resolutions of conflicts.
func addLaterChanges(r *rand.Rand, w *demoWorld) {
	changed := 0
	for i := range w.customers {
		if len(w.customers[i].history) > 1 {
			changed++
		}
	}
	order := r.Perm(len(w.customers))
	for _, i := range order {
		if changed >= 205 {
			break
		}
		c := &w.customers[i]
		if i == 0 || len(c.history) > 1 {
			continue // the story customer keeps its dealer; handed-over ones have their change
		}
		steps := 1
		if r.IntN(100) < 15 {
			steps = 2
		}
		for range steps {
			last := c.history[len(c.history)-1]
			at := last.at.Add(time.Duration(20+r.IntN(400))*24*time.Hour + time.Duration(r.IntN(8*60))*time.Minute)
			if !at.Before(demoNow) {
				break
			}
			if s, ok := laterChange(r, c, last.to, at); ok {
				c.history = append(c.history, s)
			}
		}
		if len(c.history) > 1 {
			changed++
		}
	}
}

func laterChange(r *rand.Rand, c *demoCustomer, from owner, at time.Time) (ownerStep, bool) {
	var others []int
	for _, d := range coveringDealers(c.region.path, c.segment, at) {
		if from.kind != "DEALER" || d != from.dealer {
			others = append(others, d)
		}
	}
	s := ownerStep{at: at, by: pick(r, []string{decidedByDirector, decidedByManager})}
	switch from.kind {
	case "DEALER":
		name := dealers[from.dealer].name
		switch n := r.IntN(4); {
		case n == 0 && len(others) > 0:
			s.to, s.how = dealerOwner(pick(r, others)), "TRANSFER"
			s.reason = fmt.Sprintf("%s asked to hand the account over: no service engineers in the customer's area", name)
		case n == 1 && len(others) > 0:
			s.to, s.how = dealerOwner(pick(r, others)), "CONFLICT_RESOLUTION"
			s.reason = "Ownership claim upheld: the customer confirmed in writing that it buys through " + dealers[s.to.dealer].name
		case n == 2:
			s.to, s.how = ownerDirect, "CONFLICT_RESOLUTION"
			s.reason = fmt.Sprintf("Awarded direct: the customer signed a framework agreement with head office; %s compensated 5 %% of the first order", name)
		default:
			s.to, s.how = ownerDirect, "TRANSFER"
			s.reason = "Customer grew into a key account and asked for direct supply; agreed with " + name
		}
	case "DIRECT":
		if len(others) == 0 {
			return s, false
		}
		s.to = dealerOwner(pick(r, others))
		if r.IntN(2) == 0 {
			s.how, s.reason = "TRANSFER", "Orders below the direct-sale threshold: routed to the dealer covering the region"
		} else {
			s.how, s.reason = "CONFLICT_RESOLUTION", "Direct bypass: the dealer had registered the project first, its registration was upheld"
		}
	default:
		s.how = "TRANSFER"
		if len(others) > 0 && r.IntN(3) > 0 {
			s.to, s.reason = dealerOwner(pick(r, others)), "Lead qualified and handed to the dealer covering the region"
		} else {
			s.to, s.reason = ownerDirect, "Lead qualified by the manufacturer's sales team, kept direct"
		}
	}
	return s, true
}

var productWeights = []weighted[int]{{0, 30}, {1, 25}, {2, 10}, {3, 20}, {4, 15}}

var closeReasons = map[string][]string{
	"WON":       {"Order signed and shipped", "Contract signed", "Won the tender", "Delivered and invoiced"},
	"LOST":      {"Lost to a competitor on price", "Customer postponed the project", "Lost the tender", "Customer chose a local brand"},
	"CANCELLED": {"Duplicate registration", "Customer cancelled the tender", "Project frozen by the customer's head office", "Registration withdrawn by the dealer"},
}

// dealsFor is how many deals a customer of this size has over the two years.
func dealsFor(r *rand.Rand, size string) int {
	switch size {
	case "SMALL":
		return 1 + r.IntN(2)
	case "MEDIUM":
		return 2 + r.IntN(2)
	case "LARGE":
		return 3 + r.IntN(3)
	}
	return 4 + r.IntN(5)
}

var (
	dealsFrom = day(2025, 1, 6)
	// suspendedSince is when the suspended dealers were suspended.
	suspendedSince = day(2026, 9, 1)
	agoDays        = func(t time.Time) int { return int(demoNow.Sub(t).Hours() / 24) }
)

func generateDeals(r *rand.Rand, w *demoWorld) {
	// Seed 000's deals first, so they are easy to find: a year of work won
	// the dealer a valves order, then the irrigation pumps.
	ytrade, pumps, valves := dealerIndex("BG-001"), productIndex("pumps"), productIndex("valves")
	w.deals = append(w.deals,
		closedDeal(0, ytrade, valves, 60, 372_00, time.Date(2025, time.March, 12, 10, 0, 0, 0, time.UTC), "WON", "Order signed and shipped", 21),
		demoDeal{customer: 0, dealer: ytrade, product: pumps, qty: 6, unit: 4_150_00, stage: "QUOTED",
			// The dealer prepaid 30 % after the customer signed its
			// preliminary contract; production has started.
			prepaid:    7_470_00,
			registered: time.Date(2026, time.September, 15, 11, 20, 0, 0, time.UTC),
			expected:   day(2026, 12, 20)},
		// Nine weeks later the farm walks into the manufacturer's office.
		demoDeal{customer: 0, dealer: -1, product: pumps, qty: 6, unit: 3_890_00, stage: "REGISTERED",
			registered: time.Date(2026, time.November, 19, 15, 5, 0, 0, time.UTC),
			expected:   day(2026, 12, 15)},
	)
	for i := 1; i < 3; i++ {
		p := w.deals[i].registered.AddDate(0, 0, 90)
		w.deals[i].protected = &p
	}

	for ci := 1; ci < len(w.customers); ci++ {
		c := &w.customers[ci]
		n := dealsFor(r, c.size)
		for range n {
			from := dealsFrom
			if c.created.After(from) {
				from = c.created
			}
			if !from.Before(demoNow) {
				break
			}
			reg := from.Add(time.Duration(r.Int64N(int64(demoNow.Sub(from))))).Truncate(time.Minute)
			w.deals = append(w.deals, generateDeal(r, ci, c, reg))
		}
	}
}

// closedDeal is a hand-written deal that ended days after registration.
func closedDeal(cust, dealer, product, qty int, unit int64, reg time.Time, stage, reason string, days int) demoDeal {
	closed := reg.AddDate(0, 0, days)
	prot := reg.AddDate(0, 0, 60)
	return demoDeal{customer: cust, dealer: dealer, product: product, qty: qty, unit: unit, stage: stage,
		registered: reg, expected: day(reg.Year(), reg.Month(), reg.Day()).AddDate(0, 0, days), closed: &closed, protected: &prot, reason: reason}
}

func generateDeal(r *rand.Rand, ci int, c *demoCustomer, reg time.Time) demoDeal {
	d := demoDeal{customer: ci, registered: reg, dealer: -1}
	o := c.ownerAt(reg)
	roll := r.IntN(100)
	cands := coveringDealers(c.region.path, c.segment, reg)
	switch o.kind {
	case "DEALER":
		switch {
		case roll < 88:
			d.dealer = o.dealer
		case roll < 93:
			// The customer went round its dealer (seed 000).
		default:
			// Another partner chases the account: from the same country,
			// inside its territory or not.
			d.dealer = anyDealerIn(r, c.region.country)
		}
	case "DIRECT":
		if roll >= 85 && len(cands) > 0 {
			d.dealer = pick(r, cands)
		}
	default:
		if roll < 60 && len(cands) > 0 {
			d.dealer = pick(r, cands)
		}
	}
	if d.dealer >= 0 && (!inContract(d.dealer, reg) || dealers[d.dealer].status == suspended && reg.After(suspendedSince)) {
		d.dealer = -1 // the manufacturer serves the customer meanwhile
	}

	// Product line: a partner limited to some lines sells those.
	d.product = pickWeighted(r, productWeights)
	if d.dealer >= 0 {
		if lines := dealerProducts(d.dealer); len(lines) > 0 {
			d.product = pick(r, lines)
		}
	} else if !productLines[d.product].directable && r.IntN(3) > 0 {
		d.product = r.IntN(3)
	}
	quote(r, &d, c.size)
	if d.dealer >= 0 {
		finishDeal(r, &d, dealers[d.dealer].tier, dealers[d.dealer].end)
	} else {
		finishDeal(r, &d, 0, nil)
	}
	return d
}

// finishDeal sets a deal's stage and dates from its age on the demo's
// "today", and its prepayment. Old deals are closed; the last 90 days hold
// the open registrations the board works on. tier is the dealer's (0 for a
// direct deal); dealerEnd the end of a terminated dealer's contract.
func finishDeal(r *rand.Rand, d *demoDeal, tier int, dealerEnd *time.Time) {
	reg := d.registered
	age := agoDays(reg)
	switch {
	case age > 150:
		d.stage = pickWeighted(r, []weighted[string]{{"WON", 55}, {"LOST", 30}, {"CANCELLED", 15}})
	case age > 90:
		d.stage = pickWeighted(r, []weighted[string]{{"WON", 35}, {"LOST", 20}, {"CANCELLED", 10}, {"QUOTED", 35}})
	default:
		d.stage = pickWeighted(r, []weighted[string]{{"PENDING_APPROVAL", 20}, {"REGISTERED", 35}, {"QUOTED", 30}, {"WON", 10}, {"LOST", 5}})
		if d.stage == "PENDING_APPROVAL" && (age > 14 || tier == 0) {
			d.stage = "REGISTERED" // approvals take days, not weeks; direct deals need none
		}
	}
	if dealerEnd != nil && channel.DealStage(d.stage).Open() {
		// An open deal of a terminated dealer was cancelled with the contract.
		end := dealerEnd.Add(18 * time.Hour)
		d.stage, d.closed, d.reason = "CANCELLED", &end, "Dealer agreement terminated"
	}
	if d.stage != "PENDING_APPROVAL" {
		days := 90
		if reg.Year() == 2025 {
			days = 60
		}
		p := reg.AddDate(0, 0, days)
		d.protected = &p
	}
	if !channel.DealStage(d.stage).Open() && d.closed == nil {
		closed := reg.Add(time.Duration(7+r.IntN(130))*24*time.Hour + time.Duration(r.IntN(600))*time.Minute)
		if !closed.Before(demoNow) {
			closed = reg.Add(time.Duration(r.Int64N(int64(demoNow.Sub(reg)))))
		}
		closed = closed.Truncate(time.Minute)
		d.closed = &closed
		d.reason = pick(r, closeReasons[d.stage])
	}
	d.expected = day(reg.Year(), reg.Month(), reg.Day()).AddDate(0, 0, 30+r.IntN(150))

	amount := int64(d.qty) * d.unit
	switch {
	case d.stage == "WON" && tier > 0 && r.IntN(100) < 60:
		d.prepaid = amount * int64(tierPrepayment[tier]) / 100
	case d.stage == "WON" && tier == 0 && r.IntN(100) < 30:
		d.prepaid = amount * 30 / 100
	case d.stage == "QUOTED" && r.IntN(100) < 8:
		d.prepaid = amount * int64(20+r.IntN(21)) / 100
	}
}

// quote sets a deal's quantity and unit price for the customer's size:
// whole euros around the product line's level, now and then under the floor.
func quote(r *rand.Rand, d *demoDeal, size string) {
	p := productLines[d.product]
	u := r.Float64()
	scale := map[string]float64{"SMALL": 0.5, "MEDIUM": 1, "LARGE": 1.6, "ENTERPRISE": 2.4}[size]
	d.qty = max(p.minQty, int(float64(p.minQty)+float64(p.maxQty-p.minQty)*u*u*scale))
	d.unit = p.price * int64(88+r.IntN(25)) / 100 / 100 * 100
	if r.IntN(100) < 3 {
		// Discounted under the floor to close the quarter.
		d.unit = p.floor2026 * int64(85+r.IntN(13)) / 100 / 100 * 100
	}
}

func anyDealerIn(r *rand.Rand, country string) int {
	var in []int
	for i, d := range dealers {
		if d.country == country {
			in = append(in, i)
		}
	}
	return pick(r, in)
}

// dealerProducts returns the product lines a dealer is limited to, or nil
// when one of its assignments allows every line.
func dealerProducts(i int) []int {
	var out []int
	for _, a := range dealers[i].territories {
		if len(a.products) == 0 {
			return nil
		}
		for _, code := range a.products {
			for pi, p := range productLines {
				if p.code == code && !slices.Contains(out, pi) {
					out = append(out, pi)
				}
			}
		}
	}
	return out
}

// generatePlans sets each dealer's 2025 and 2026 plan around what it
// actually won (2026 annualised from the eleven months so far), so that
// attainment on the Dealers screen spreads from well under plan to above
// the top bonus tier.
func generatePlans(r *rand.Rand, w *demoWorld) []planRow {
	won := map[[2]int]int64{}
	for _, d := range w.deals {
		if d.stage == "WON" && d.dealer >= 0 {
			won[[2]int{d.dealer, d.closed.Year()}] += int64(d.qty) * d.unit
		}
	}
	var plans []planRow
	for i, d := range dealers {
		for _, year := range []int{2025, 2026} {
			if d.end != nil && d.end.Year() < year {
				continue
			}
			actual := won[[2]int{i, year}]
			if year == 2026 {
				actual = actual * 365 / int64(demoNow.YearDay())
			}
			planned := actual * int64(75+r.IntN(60)) / 100 / 1000_00 * 1000_00 // round to 1,000 EUR
			if planned < 50_000_00 {
				planned = 50_000_00
			}
			plans = append(plans, planRow{DealerID: int64(i), Year: year, PlannedVolume: planned, Currency: "EUR",
				PrepaymentPct: tierPrepayment[d.tier], CreditLimit: tierCredit[d.tier], UpdatedAt: policyDate(year).AddDate(0, 0, 10)})
		}
	}
	return plans
}

// insert writes the world with ids reserved from the sequences.
func (w *demoWorld) insert(ctx context.Context, tx bun.Tx, ref reference, progress io.Writer) error {
	nTerr := 0
	for _, d := range dealers {
		nTerr += len(d.territories)
	}
	nChanges := 0
	for _, c := range w.customers {
		nChanges += len(c.history)
	}
	firstDealer, err := reserveIDs(ctx, tx, "dealers", len(dealers))
	if err != nil {
		return err
	}
	firstTerr, err := reserveIDs(ctx, tx, "territory_assignments", nTerr)
	if err != nil {
		return err
	}
	firstCust, err := reserveIDs(ctx, tx, "customers", len(w.customers))
	if err != nil {
		return err
	}
	firstChange, err := reserveIDs(ctx, tx, "ownership_changes", nChanges)
	if err != nil {
		return err
	}
	firstDeal, err := reserveIDs(ctx, tx, "deals", len(w.deals))
	if err != nil {
		return err
	}
	dealerID := func(i int) int64 { return firstDealer + int64(i) }
	ownerCols := func(o owner) (string, *int64) {
		if o.kind == "DEALER" {
			return o.kind, ptr(dealerID(o.dealer))
		}
		return o.kind, nil
	}
	codeIndex := map[string]int{}
	for i, d := range dealers {
		codeIndex[d.code] = i
	}

	dr := make([]dealerRow, len(dealers))
	var tr []territoryRow
	for i, d := range dealers {
		rng := rand.New(rand.NewPCG(uint64(i), 77))
		dr[i] = dealerRow{ID: dealerID(i), Code: d.code, Name: d.name, Kind: d.kind, Status: d.status, Tier: d.tier,
			HomeRegionID: ref.regionID[d.home], ContractStart: d.start, ContractEnd: d.end, CreditLimit: tierCredit[d.tier], Currency: "EUR",
			ContactName: personName(rng, d.country), ContactEmail: "sales@" + d.slug + ".example", ContactPhone: phone(rng, d.country),
			CreatedAt: d.start.Add(9 * time.Hour), UpdatedAt: d.start.Add(9 * time.Hour)}
		if d.parent != "" {
			dr[i].ParentID = ptr(dealerID(codeIndex[d.parent]))
		}
		if d.end != nil {
			dr[i].UpdatedAt = d.end.Add(17 * time.Hour)
		} else if d.status == suspended {
			dr[i].UpdatedAt = suspendedSince.Add(10 * time.Hour)
		}
		for _, a := range d.territories {
			from := a.from
			if from.IsZero() {
				from = d.start
			}
			t := territoryRow{ID: firstTerr + int64(len(tr)), DealerID: dealerID(i), RegionID: ref.regionID[a.region],
				Segments: a.segments, ProductLineIDs: []int64{}, Exclusive: a.exclusive, ValidFrom: from, ValidTo: a.to, CreatedAt: from.Add(9 * time.Hour)}
			if t.Segments == nil {
				t.Segments = []string{}
			}
			for _, code := range a.products {
				t.ProductLineIDs = append(t.ProductLineIDs, ref.productID[code])
			}
			tr = append(tr, t)
		}
	}
	if _, err := tx.NewInsert().Model(&dr).Exec(ctx); err != nil {
		return fmt.Errorf("insert dealers: %w", err)
	}
	if _, err := tx.NewInsert().Model(&tr).Exec(ctx); err != nil {
		return fmt.Errorf("insert territory assignments: %w", err)
	}
	fmt.Fprintf(progress, "dealers %d / territory assignments %d\n", len(dr), len(tr))

	cr := make([]customerRow, len(w.customers))
	hr := make([]ownershipRow, 0, nChanges)
	for i, c := range w.customers {
		kind, did := ownerCols(c.owner())
		last := c.history[len(c.history)-1]
		cr[i] = customerRow{ID: firstCust + int64(i), Name: c.name, NameNorm: channel.NormalizeName(c.name),
			RegionID: ref.regionID[c.region.path], Segment: c.segment, Size: c.size,
			KeyAccount: c.keyReason != "", KeyAccountReason: c.keyReason, OwnerKind: kind, OwnerDealerID: did,
			OwnerSince: last.at, CreatedAt: c.created, UpdatedAt: last.at}
		if c.taxID != "" {
			cr[i].TaxID, cr[i].TaxIDNorm = ptr(c.taxID), ptr(channel.NormalizeTaxID(c.taxID))
		}
		var prev *owner
		for _, s := range c.history {
			h := ownershipRow{ID: firstChange + int64(len(hr)), CustomerID: cr[i].ID, How: s.how, Reason: s.reason, DecidedBy: s.by, At: s.at}
			h.ToKind, h.ToDealerID = ownerCols(s.to)
			if prev != nil {
				k, fd := ownerCols(*prev)
				h.FromKind, h.FromDealerID = &k, fd
			}
			hr = append(hr, h)
			prev = &s.to
		}
	}
	if err := insertChunks(ctx, tx, "customers", cr, 1000); err != nil {
		return err
	}
	if err := insertChunks(ctx, tx, "ownership changes", hr, 2000); err != nil {
		return err
	}
	fmt.Fprintf(progress, "customers %d / ownership changes %d\n", len(cr), len(hr))

	dl := make([]dealRow, len(w.deals))
	for i, d := range w.deals {
		amount := int64(d.qty) * d.unit
		dl[i] = dealRow{ID: firstDeal + int64(i), CustomerID: firstCust + int64(d.customer), ChannelKind: "DIRECT",
			ProductLineID: ref.productID[productLines[d.product].code], Quantity: d.qty, UnitPrice: d.unit, Amount: amount,
			Currency: "EUR", Stage: d.stage, PrepaidAmount: d.prepaid, ExpectedClose: ptr(d.expected), RegisteredAt: d.registered,
			ProtectedUntil: d.protected, ClosedAt: d.closed, CloseReason: d.reason, CreatedAt: d.registered, UpdatedAt: d.registered}
		if d.dealer >= 0 {
			dl[i].ChannelKind, dl[i].DealerID = "DEALER", ptr(dealerID(d.dealer))
		}
		if d.closed != nil {
			dl[i].UpdatedAt = *d.closed
		}
	}
	if err := insertChunks(ctx, tx, "deals", dl, 1000); err != nil {
		return err
	}
	fmt.Fprintf(progress, "deals %d\n", len(dl))

	plans := slices.Clone(w.plans)
	for i := range plans {
		plans[i].DealerID = dealerID(int(plans[i].DealerID))
	}
	if _, err := tx.NewInsert().Model(&plans).Exec(ctx); err != nil {
		return fmt.Errorf("insert dealer plans: %w", err)
	}
	fmt.Fprintf(progress, "dealer plans %d\n", len(plans))
	return nil
}
