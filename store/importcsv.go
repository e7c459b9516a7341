package store

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"channelboard/channel"
)

// ImportOptions tune Import.
type ImportOptions struct {
	// SkipBad imports the good rows of a file with bad ones; without it a
	// single bad row imports nothing.
	SkipBad bool
	// DryRun validates every row and reports the bad ones, and imports
	// nothing: the result's Imported is 0 and no error is returned for bad
	// rows.
	DryRun bool
}

// RowError is a bad row: its line in the file (the header is line 1) and
// why.
type RowError struct {
	Line   int
	Reason string
}

func (e RowError) String() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// ImportResult is what an import did.
type ImportResult struct {
	Rows     int // data rows in the file
	Imported int
	Bad      []RowError
}

// ErrBadRows is returned (wrapped in a channel.Error of code BAD_USER_INPUT)
// when rows are bad and SkipBad is off; the result lists them.
var ErrBadRows = errors.New("the file has bad rows; nothing was imported")

// importBatch is the rows one INSERT … SELECT FROM unnest(…) carries.
const importBatch = 2000

// Import reads a CSV file of kind (CSVCustomers, CSVDeals, CSVDealers, as
// ExportCSV writes them; columns are matched by header name, the id column
// may be empty or absent), validates every row first, then inserts the
// good ones in one transaction, and finally runs the conflict rules on the
// customers it touched. progress, when not nil, is told (done, total) as
// rows are validated, inserted and judged.
func (s *Store) Import(ctx context.Context, kind string, r io.Reader, opts ImportOptions, progress func(done, total int)) (ImportResult, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	cols, ok := CSVColumns[kind]
	if !ok {
		return ImportResult{}, invalid("kind", "unknown import %q: customers, deals or dealers", kind)
	}
	recs, header, err := readCSV(r)
	if err != nil {
		return ImportResult{}, invalid("file", "%v", err)
	}
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.TrimSpace(strings.ToLower(h))] = i
	}
	for _, c := range cols {
		if _, ok := idx[c]; !ok && c != "id" && c != "amount" {
			return ImportResult{}, invalid("file", "the header lacks the column %q", c)
		}
	}
	res := ImportResult{Rows: len(recs)}
	get := func(rec []string, col string) string {
		if i, ok := idx[col]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	refs, err := s.loadRefs(ctx)
	if err != nil {
		return res, err
	}
	var imp importer
	switch kind {
	case CSVCustomers:
		imp = &customerImport{refs: refs}
	case CSVDeals:
		imp = &dealImport{refs: refs}
	case CSVDealers:
		imp = &dealerImport{refs: refs}
	}
	for i, rec := range recs {
		line := i + 2
		if err := imp.check(line, func(col string) string { return get(rec, col) }); err != nil {
			res.Bad = append(res.Bad, RowError{Line: line, Reason: err.Error()})
		}
		if (i+1)%importBatch == 0 {
			progress(i+1, 3*len(recs))
		}
	}
	// Checks that need the database in bulk: ids taken, customers that
	// exist, tax ids in use.
	bad, err := imp.checkDB(ctx, s.db)
	if err != nil {
		return res, fmt.Errorf("import %s: %w", kind, err)
	}
	res.Bad = mergeBad(res.Bad, bad)
	if opts.DryRun {
		progress(len(recs), 3*len(recs))
		return res, nil
	}
	if len(res.Bad) > 0 && !opts.SkipBad {
		return res, &channel.Error{Code: channel.EInvalid, Field: "file", Message: fmt.Sprintf("%d bad rows; nothing was imported", len(res.Bad))}
	}
	skip := map[int]bool{}
	for _, b := range res.Bad {
		skip[b.Line] = true
	}
	var touched []int64
	err = s.InTx(ctx, func(tx bun.Tx) error {
		n, ids, err := imp.insert(ctx, tx, skip, func(done int) { progress(len(recs)+done, 3*len(recs)) })
		res.Imported, touched = n, ids
		return err
	})
	if err != nil {
		return res, dbError(fmt.Errorf("import %s: %w", kind, err), kind)
	}
	progress(2*len(recs), 3*len(recs))
	// The conflict rules judge what was imported, in batches of their own
	// (Reevaluate), after the rows are committed.
	if len(touched) > 0 {
		scope := ReevalScope{CustomerIDs: touched, DealsOnly: kind == CSVDeals}
		err := s.Reevaluate(ctx, scope, func(done, total int) {
			progress(2*len(recs)+done*len(recs)/max(total, 1), 3*len(recs))
		})
		if err != nil {
			return res, fmt.Errorf("import %s: conflict rules: %w", kind, err)
		}
	}
	progress(3*len(recs), 3*len(recs))
	return res, nil
}

// mergeBad adds more bad rows, one entry per line, in line order.
func mergeBad(a, b []RowError) []RowError {
	seen := map[int]bool{}
	for _, e := range a {
		seen[e.Line] = true
	}
	for _, e := range b {
		if !seen[e.Line] {
			a = append(a, e)
			seen[e.Line] = true
		}
	}
	sortRowErrors(a)
	return a
}

func sortRowErrors(a []RowError) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].Line < a[j-1].Line; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func readCSV(r io.Reader) (recs [][]string, header []string, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err = cr.Read()
	if err == io.EOF {
		return nil, nil, errors.New("the file is empty")
	} else if err != nil {
		return nil, nil, err
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], utf8BOM)
	}
	recs, err = cr.ReadAll()
	return recs, header, err
}

// importRefs resolves a file's natural keys.
type importRefs struct {
	regions    map[string]int64 // path → id
	lines      map[string]int64 // code → id
	dealers    map[string]int64 // code → id
	dealerKind map[string]string
}

func (s *Store) loadRefs(ctx context.Context) (*importRefs, error) {
	r := &importRefs{regions: map[string]int64{}, lines: map[string]int64{}, dealers: map[string]int64{}, dealerKind: map[string]string{}}
	var kv []struct {
		K    string `bun:"k"`
		ID   int64  `bun:"id"`
		Kind string `bun:"kind"`
	}
	if err := s.db.NewRaw("SELECT path::text AS k, id, '' AS kind FROM regions").Scan(ctx, &kv); err != nil {
		return nil, err
	}
	for _, x := range kv {
		r.regions[x.K] = x.ID
	}
	kv = kv[:0]
	if err := s.db.NewRaw("SELECT code AS k, id, '' AS kind FROM product_lines").Scan(ctx, &kv); err != nil {
		return nil, err
	}
	for _, x := range kv {
		r.lines[x.K] = x.ID
	}
	kv = kv[:0]
	if err := s.db.NewRaw("SELECT code AS k, id, kind FROM dealers").Scan(ctx, &kv); err != nil {
		return nil, err
	}
	for _, x := range kv {
		r.dealers[x.K], r.dealerKind[x.K] = x.ID, x.Kind
	}
	return r, nil
}

type importer interface {
	// check validates one row on its own and keeps it.
	check(line int, get func(col string) string) error
	// checkDB validates the kept rows against the database.
	checkDB(ctx context.Context, db bun.IDB) ([]RowError, error)
	// insert writes the rows not skipped; it returns how many and the
	// customers the rules must judge.
	insert(ctx context.Context, tx bun.Tx, skip map[int]bool, progress func(done int)) (int, []int64, error)
}

// Field parsers: each error says what is wrong in the row's words.

func parseID(col, v string) (*int64, error) {
	if v == "" {
		return nil, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return nil, fmt.Errorf("%s %q is not a positive whole number", col, v)
	}
	return &id, nil
}

// parseMoney reads a decimal amount in major units with at most two
// decimals ("4200", "4200.5", "4200.50") into minor units, exactly.
func parseMoney(col, v string) (int64, error) {
	if v == "" {
		return 0, fmt.Errorf("%s is empty", col)
	}
	whole, frac, _ := strings.Cut(v, ".")
	if len(frac) > 2 || whole == "" || strings.HasPrefix(whole, "-") || strings.HasPrefix(whole, "+") {
		return 0, fmt.Errorf("%s %q is not an amount with at most two decimals", col, v)
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w > (math.MaxInt64-99)/100 {
		return 0, fmt.Errorf("%s %q is not an amount with at most two decimals", col, v)
	}
	return w*100 + f, nil
}

func parseTime(col, v string, required bool) (*time.Time, error) {
	if v == "" {
		if required {
			return nil, fmt.Errorf("%s is empty", col)
		}
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return nil, fmt.Errorf("%s %q is not an RFC 3339 time", col, v)
	}
	t = t.UTC()
	return &t, nil
}

func parseDate(col, v string, required bool) (*time.Time, error) {
	if v == "" {
		if required {
			return nil, fmt.Errorf("%s is empty", col)
		}
		return nil, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return nil, fmt.Errorf("%s %q is not a YYYY-MM-DD date", col, v)
	}
	return &t, nil
}

func oneOf(col, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("%s %q is not one of %s", col, v, strings.Join(allowed, ", "))
}

// idClash finds the rows whose explicit id is already in table.
func idClash(ctx context.Context, db bun.IDB, table string, lines []int, ids []*int64) ([]RowError, error) {
	var want []int64
	for _, id := range ids {
		if id != nil {
			want = append(want, *id)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	var taken []int64
	if err := db.NewRaw("SELECT id FROM "+table+" WHERE id = ANY(?::bigint[])", pgdialect.Array(want)).Scan(ctx, &taken); err != nil {
		return nil, err
	}
	set := map[int64]bool{}
	for _, id := range taken {
		set[id] = true
	}
	var out []RowError
	for i, id := range ids {
		if id != nil && set[*id] {
			out = append(out, RowError{Line: lines[i], Reason: fmt.Sprintf("id %d already exists", *id)})
		}
	}
	return out, nil
}

// fixSequence moves a table's id sequence past ids inserted explicitly.
func fixSequence(ctx context.Context, tx bun.IDB, table string) error {
	_, err := tx.NewRaw(fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'),
		greatest((SELECT coalesce(max(id), 0) FROM %s), 1))`, table, table)).Exec(ctx)
	return err
}

// dupIDs reports ids given twice in the file.
func dupIDs(lines []int, ids []*int64) []RowError {
	seen := map[int64]int{}
	var out []RowError
	for i, id := range ids {
		if id == nil {
			continue
		}
		if first, ok := seen[*id]; ok {
			out = append(out, RowError{Line: lines[i], Reason: fmt.Sprintf("id %d is also on line %d", *id, first)})
			continue
		}
		seen[*id] = lines[i]
	}
	return out
}

// ----- customers -----

type customerIn struct {
	line                  int
	id                    *int64
	name, nameNorm        string
	taxID, taxNorm        *string
	region                int64
	segment, size         string
	keyAccount            bool
	keyReason, ownerKind  string
	ownerDealer           *int64
	ownerSince, createdAt time.Time
}

type customerImport struct {
	refs *importRefs
	rows []customerIn
}

func (c *customerImport) check(line int, get func(string) string) error {
	var in customerIn
	in.line = line
	var err error
	if in.id, err = parseID("id", get("id")); err != nil {
		return err
	}
	if in.name = get("name"); in.name == "" {
		return errors.New("name is empty")
	}
	in.nameNorm = channel.NormalizeName(in.name)
	if t := get("tax_id"); t != "" {
		n := channel.NormalizeTaxID(t)
		if n == "" {
			return fmt.Errorf("tax_id %q has no letters or digits", t)
		}
		in.taxID, in.taxNorm = &t, &n
	}
	var ok bool
	if in.region, ok = c.refs.regions[get("region")]; !ok {
		return fmt.Errorf("region %q does not exist", get("region"))
	}
	in.segment = get("segment")
	if !validSegment(channel.Segment(in.segment)) {
		return fmt.Errorf("segment %q is unknown", in.segment)
	}
	if in.size = get("size"); in.size == "" {
		in.size = string(channel.Small)
	}
	if !validSize(channel.CustomerSize(in.size)) {
		return fmt.Errorf("size %q is unknown", in.size)
	}
	switch v := strings.ToLower(get("key_account")); v {
	case "", "false", "no", "0":
	case "true", "yes", "1":
		in.keyAccount = true
	default:
		return fmt.Errorf("key_account %q is not true or false", v)
	}
	in.keyReason = get("key_account_reason")
	if in.keyAccount && in.keyReason == "" {
		return errors.New("a key account needs a key_account_reason")
	}
	if !in.keyAccount {
		in.keyReason = ""
	}
	if in.ownerKind = get("owner_kind"); in.ownerKind == "" {
		in.ownerKind = string(channel.OwnerUnassigned)
	}
	if err := oneOf("owner_kind", in.ownerKind, "DEALER", "DIRECT", "UNASSIGNED"); err != nil {
		return err
	}
	code := get("owner_dealer")
	switch {
	case in.ownerKind == "DEALER" && code == "":
		return errors.New("a DEALER owner needs owner_dealer")
	case in.ownerKind != "DEALER" && code != "":
		return errors.New("only a DEALER owner has an owner_dealer")
	case code != "":
		id, ok := c.refs.dealers[code]
		if !ok {
			return fmt.Errorf("owner_dealer %q does not exist", code)
		}
		in.ownerDealer = &id
	}
	now := time.Now().UTC()
	in.ownerSince, in.createdAt = now, now
	for col, dst := range map[string]*time.Time{"owner_since": &in.ownerSince, "created_at": &in.createdAt} {
		t, err := parseTime(col, get(col), false)
		if err != nil {
			return err
		}
		if t != nil {
			*dst = *t
		}
	}
	c.rows = append(c.rows, in)
	return nil
}

func (c *customerImport) checkDB(ctx context.Context, db bun.IDB) ([]RowError, error) {
	lines := make([]int, len(c.rows))
	ids := make([]*int64, len(c.rows))
	var taxes []string
	taxLine := map[string]int{}
	var bad []RowError
	for i, r := range c.rows {
		lines[i], ids[i] = r.line, r.id
		if r.taxNorm != nil {
			if first, ok := taxLine[*r.taxNorm]; ok {
				bad = append(bad, RowError{Line: r.line, Reason: fmt.Sprintf("tax_id %s is also on line %d", *r.taxID, first)})
				continue
			}
			taxLine[*r.taxNorm] = r.line
			taxes = append(taxes, *r.taxNorm)
		}
	}
	bad = append(bad, dupIDs(lines, ids)...)
	clash, err := idClash(ctx, db, "customers", lines, ids)
	if err != nil {
		return nil, err
	}
	bad = append(bad, clash...)
	if len(taxes) > 0 {
		var used []string
		if err := db.NewRaw("SELECT tax_id_norm FROM customers WHERE tax_id_norm = ANY(?::text[])", pgdialect.Array(taxes)).Scan(ctx, &used); err != nil {
			return nil, err
		}
		for _, t := range used {
			bad = append(bad, RowError{Line: taxLine[t], Reason: "a customer with this tax_id already exists"})
		}
	}
	return bad, nil
}

func (c *customerImport) insert(ctx context.Context, tx bun.Tx, skip map[int]bool, progress func(int)) (int, []int64, error) {
	var all []int64
	n := 0
	for start := 0; start < len(c.rows); start += importBatch {
		batch := c.rows[start:min(start+importBatch, len(c.rows))]
		var ids []*int64
		var names, norms, segs, sizes, reasons, kinds []string
		var taxes, taxNorms []*string
		var regions []int64
		var keys []bool
		var owners []*int64
		var since, created []time.Time
		for _, r := range batch {
			if skip[r.line] {
				continue
			}
			ids, names, norms = append(ids, r.id), append(names, r.name), append(norms, r.nameNorm)
			taxes, taxNorms, regions = append(taxes, r.taxID), append(taxNorms, r.taxNorm), append(regions, r.region)
			segs, sizes, keys, reasons = append(segs, r.segment), append(sizes, r.size), append(keys, r.keyAccount), append(reasons, r.keyReason)
			kinds, owners, since, created = append(kinds, r.ownerKind), append(owners, r.ownerDealer), append(since, r.ownerSince), append(created, r.createdAt)
		}
		if len(names) == 0 {
			continue
		}
		var got []int64
		// One statement per batch: the rows as arrays, unnested; an id
		// the file leaves empty comes from the sequence.
		err := tx.NewRaw(`WITH ins AS (
				INSERT INTO customers (id, name, name_norm, tax_id, tax_id_norm, region_id, segment, size, key_account,
					key_account_reason, owner_kind, owner_dealer_id, owner_since, created_at, updated_at)
				SELECT coalesce(u.id, nextval(pg_get_serial_sequence('customers', 'id'))), u.name, u.norm, u.tax, u.tax_norm,
					u.region, u.seg, u.size, u.key, u.reason, u.kind, u.owner, u.since, u.created, u.created
				FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[],
					?::boolean[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::timestamptz[])
					WITH ORDINALITY AS u(id, name, norm, tax, tax_norm, region, seg, size, key, reason, kind, owner, since, created, ord)
				ORDER BY u.ord
				RETURNING id, owner_kind, owner_dealer_id, owner_since)
			INSERT INTO ownership_changes (customer_id, to_kind, to_dealer_id, how, at)
			SELECT id, owner_kind, owner_dealer_id, 'INITIAL', owner_since FROM ins RETURNING customer_id`,
			pgdialect.Array(ids), pgdialect.Array(names), pgdialect.Array(norms), pgdialect.Array(taxes),
			pgdialect.Array(taxNorms), pgdialect.Array(regions), pgdialect.Array(segs), pgdialect.Array(sizes),
			pgdialect.Array(keys), pgdialect.Array(reasons), pgdialect.Array(kinds), pgdialect.Array(owners),
			pgdialect.Array(since), pgdialect.Array(created)).Scan(ctx, &got)
		if err != nil {
			return n, nil, err
		}
		if err := auditImported(ctx, tx, "customer", got); err != nil {
			return n, nil, err
		}
		n += len(got)
		all = append(all, got...)
		progress(start + len(batch))
	}
	if err := fixSequence(ctx, tx, "customers"); err != nil {
		return n, nil, err
	}
	return n, all, nil
}

// ----- deals -----

type dealIn struct {
	line                    int
	id                      *int64
	customer                int64
	channel                 string
	dealer                  *int64
	line_                   int64
	qty                     int
	unit, amount, prepaid   int64
	currency, stage, reason string
	expected                *time.Time
	registered              time.Time
	protected, closed       *time.Time
}

type dealImport struct {
	refs *importRefs
	rows []dealIn
}

func (d *dealImport) check(line int, get func(string) string) error {
	in := dealIn{line: line}
	var err error
	if in.id, err = parseID("id", get("id")); err != nil {
		return err
	}
	cid, err := parseID("customer_id", get("customer_id"))
	if err != nil {
		return err
	}
	if cid == nil {
		return errors.New("customer_id is empty")
	}
	in.customer = *cid
	in.channel = get("channel")
	if err := oneOf("channel", in.channel, "DEALER", "DIRECT"); err != nil {
		return err
	}
	code := get("dealer")
	switch {
	case in.channel == "DEALER" && code == "":
		return errors.New("a DEALER deal needs a dealer")
	case in.channel == "DIRECT" && code != "":
		return errors.New("a DIRECT deal has no dealer")
	case code != "":
		id, ok := d.refs.dealers[code]
		if !ok {
			return fmt.Errorf("dealer %q does not exist", code)
		}
		in.dealer = &id
	}
	var ok bool
	if in.line_, ok = d.refs.lines[get("product_line")]; !ok {
		return fmt.Errorf("product_line %q does not exist", get("product_line"))
	}
	q, err := strconv.Atoi(get("quantity"))
	if err != nil || q <= 0 {
		return fmt.Errorf("quantity %q is not a positive whole number", get("quantity"))
	}
	in.qty = q
	if in.unit, err = parseMoney("unit_price", get("unit_price")); err != nil {
		return err
	}
	if in.amount, err = dealAmount(q, in.unit); err != nil {
		return errors.New("quantity × unit_price is too large")
	}
	if a := get("amount"); a != "" {
		given, err := parseMoney("amount", a)
		if err != nil {
			return err
		}
		if given != in.amount {
			return fmt.Errorf("amount %s is not quantity × unit_price (%s)", a, fmtMoney(in.amount))
		}
	}
	if in.currency = get("currency"); !currencyCode.MatchString(in.currency) {
		return fmt.Errorf("currency %q is not three capital letters", in.currency)
	}
	if in.stage = get("stage"); in.stage == "" {
		in.stage = string(channel.StageRegistered)
	}
	if err := oneOf("stage", in.stage, "PENDING_APPROVAL", "REGISTERED", "QUOTED", "WON", "LOST", "CANCELLED"); err != nil {
		return err
	}
	if p := get("prepaid"); p != "" {
		if in.prepaid, err = parseMoney("prepaid", p); err != nil {
			return err
		}
		if in.prepaid > in.amount {
			return errors.New("prepaid exceeds the amount")
		}
	}
	if in.expected, err = parseDate("expected_close", get("expected_close"), false); err != nil {
		return err
	}
	reg, err := parseTime("registered_at", get("registered_at"), false)
	if err != nil {
		return err
	}
	in.registered = time.Now().UTC()
	if reg != nil {
		in.registered = *reg
	}
	if in.protected, err = parseTime("protected_until", get("protected_until"), false); err != nil {
		return err
	}
	if in.closed, err = parseTime("closed_at", get("closed_at"), false); err != nil {
		return err
	}
	closedStage := !channel.DealStage(in.stage).Open()
	if closedStage != (in.closed != nil) {
		return errors.New("closed_at is set exactly when the stage is WON, LOST or CANCELLED")
	}
	in.reason = get("close_reason")
	d.rows = append(d.rows, in)
	return nil
}

func (d *dealImport) checkDB(ctx context.Context, db bun.IDB) ([]RowError, error) {
	lines := make([]int, len(d.rows))
	ids := make([]*int64, len(d.rows))
	var custs []int64
	for i, r := range d.rows {
		lines[i], ids[i] = r.line, r.id
		custs = append(custs, r.customer)
	}
	bad := dupIDs(lines, ids)
	clash, err := idClash(ctx, db, "deals", lines, ids)
	if err != nil {
		return nil, err
	}
	bad = append(bad, clash...)
	if len(custs) > 0 {
		var found []int64
		if err := db.NewRaw("SELECT id FROM customers WHERE id = ANY(?::bigint[])", pgdialect.Array(distinct(custs))).Scan(ctx, &found); err != nil {
			return nil, err
		}
		set := map[int64]bool{}
		for _, id := range found {
			set[id] = true
		}
		for _, r := range d.rows {
			if !set[r.customer] {
				bad = append(bad, RowError{Line: r.line, Reason: fmt.Sprintf("customer %d does not exist", r.customer)})
			}
		}
	}
	return bad, nil
}

func (d *dealImport) insert(ctx context.Context, tx bun.Tx, skip map[int]bool, progress func(int)) (int, []int64, error) {
	touched := map[int64]bool{}
	n := 0
	for start := 0; start < len(d.rows); start += importBatch {
		batch := d.rows[start:min(start+importBatch, len(d.rows))]
		var ids, dealers []*int64
		var custs, lines, units, amounts, prepaids []int64
		var qtys []int
		var chans, curs, stages, reasons []string
		var expected []*string
		var reg []time.Time
		var prot, closed []*time.Time
		for _, r := range batch {
			if skip[r.line] {
				continue
			}
			ids, custs, chans, dealers = append(ids, r.id), append(custs, r.customer), append(chans, r.channel), append(dealers, r.dealer)
			lines, qtys, units, amounts = append(lines, r.line_), append(qtys, r.qty), append(units, r.unit), append(amounts, r.amount)
			curs, stages, prepaids = append(curs, r.currency), append(stages, r.stage), append(prepaids, r.prepaid)
			expected, reg = append(expected, dateArgPtr(r.expected)), append(reg, r.registered)
			prot, closed, reasons = append(prot, r.protected), append(closed, r.closed), append(reasons, r.reason)
			touched[r.customer] = true
		}
		if len(custs) == 0 {
			continue
		}
		var got []int64
		err := tx.NewRaw(`INSERT INTO deals (id, customer_id, channel_kind, dealer_id, product_line_id, quantity,
				unit_price, amount, currency, stage, prepaid_amount, expected_close, registered_at, protected_until,
				closed_at, close_reason, created_at, updated_at)
			SELECT coalesce(u.id, nextval(pg_get_serial_sequence('deals', 'id'))), u.customer, u.ch, u.dealer, u.line, u.qty,
				u.unit, u.amount, u.cur, u.stage, u.prepaid, u.expected::date, u.reg, u.prot, u.closed, u.reason, u.reg,
				coalesce(u.closed, u.reg)
			FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::bigint[],
				?::text[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[])
				WITH ORDINALITY AS u(id, customer, ch, dealer, line, qty, unit, amount, cur, stage, prepaid, expected, reg, prot, closed, reason, ord)
			ORDER BY u.ord
			RETURNING id`,
			pgdialect.Array(ids), pgdialect.Array(custs), pgdialect.Array(chans), pgdialect.Array(dealers),
			pgdialect.Array(lines), pgdialect.Array(qtys), pgdialect.Array(units), pgdialect.Array(amounts),
			pgdialect.Array(curs), pgdialect.Array(stages), pgdialect.Array(prepaids), pgdialect.Array(expected),
			pgdialect.Array(reg), pgdialect.Array(prot), pgdialect.Array(closed), pgdialect.Array(reasons)).Scan(ctx, &got)
		if err != nil {
			return n, nil, err
		}
		if err := auditImported(ctx, tx, "deal", got); err != nil {
			return n, nil, err
		}
		n += len(got)
		progress(start + len(batch))
	}
	if err := fixSequence(ctx, tx, "deals"); err != nil {
		return n, nil, err
	}
	return n, keys(touched), nil
}

// ----- dealers -----

type dealerIn struct {
	line                             int
	id                               *int64
	code, name, kind, parent, status string
	tier                             int
	region                           *int64
	start                            time.Time
	end                              *time.Time
	credit                           int64
	currency, contact, email, phone  string
	created                          time.Time
}

type dealerImport struct {
	refs  *importRefs
	rows  []dealerIn
	codes map[string]int // code → line, in the file
}

// dealerCodeRe is the dealers table's CHECK on codes.
var dealerCodeRe = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]*$`)

func (d *dealerImport) check(line int, get func(string) string) error {
	if d.codes == nil {
		d.codes = map[string]int{}
	}
	in := dealerIn{line: line}
	var err error
	if in.id, err = parseID("id", get("id")); err != nil {
		return err
	}
	in.code = get("code")
	if !dealerCodeRe.MatchString(in.code) {
		return fmt.Errorf("code %q is not capital letters, digits and dashes", in.code)
	}
	if _, ok := d.refs.dealers[in.code]; ok {
		return fmt.Errorf("a dealer with code %s already exists", in.code)
	}
	if first, ok := d.codes[in.code]; ok {
		return fmt.Errorf("code %s is also on line %d", in.code, first)
	}
	if in.name = get("name"); in.name == "" {
		return errors.New("name is empty")
	}
	in.kind = get("kind")
	if err := oneOf("kind", in.kind, "DISTRIBUTOR", "DEALER", "SUBDEALER"); err != nil {
		return err
	}
	in.parent = get("parent")
	if (in.kind == "SUBDEALER") != (in.parent != "") {
		return errors.New("a SUBDEALER, and only one, has a parent")
	}
	if in.parent != "" {
		_, inDB := d.refs.dealers[in.parent]
		_, earlier := d.codes[in.parent]
		if !inDB && !earlier {
			return fmt.Errorf("parent %q is neither a dealer nor on an earlier line", in.parent)
		}
	}
	if in.status = get("status"); in.status == "" {
		in.status = "ACTIVE"
	}
	if err := oneOf("status", in.status, "ACTIVE", "SUSPENDED", "TERMINATED"); err != nil {
		return err
	}
	in.tier = 3
	if t := get("tier"); t != "" {
		if in.tier, err = strconv.Atoi(t); err != nil || in.tier < 1 || in.tier > 5 {
			return fmt.Errorf("tier %q is not 1 to 5", t)
		}
	}
	if p := get("home_region"); p != "" {
		id, ok := d.refs.regions[p]
		if !ok {
			return fmt.Errorf("home_region %q does not exist", p)
		}
		in.region = &id
	}
	start, err := parseDate("contract_start", get("contract_start"), true)
	if err != nil {
		return err
	}
	in.start = *start
	if in.end, err = parseDate("contract_end", get("contract_end"), false); err != nil {
		return err
	}
	if in.end != nil && in.end.Before(in.start) {
		return errors.New("contract_end is before contract_start")
	}
	if c := get("credit_limit"); c != "" {
		if in.credit, err = parseMoney("credit_limit", c); err != nil {
			return err
		}
	}
	if in.currency = get("currency"); in.currency == "" {
		in.currency = "EUR"
	}
	if !currencyCode.MatchString(in.currency) {
		return fmt.Errorf("currency %q is not three capital letters", in.currency)
	}
	in.contact, in.email, in.phone = get("contact_name"), get("contact_email"), get("contact_phone")
	in.created = time.Now().UTC()
	if t, err := parseTime("created_at", get("created_at"), false); err != nil {
		return err
	} else if t != nil {
		in.created = *t
	}
	d.codes[in.code] = line
	d.rows = append(d.rows, in)
	return nil
}

func (d *dealerImport) checkDB(ctx context.Context, db bun.IDB) ([]RowError, error) {
	lines := make([]int, len(d.rows))
	ids := make([]*int64, len(d.rows))
	for i, r := range d.rows {
		lines[i], ids[i] = r.line, r.id
	}
	bad := dupIDs(lines, ids)
	clash, err := idClash(ctx, db, "dealers", lines, ids)
	return append(bad, clash...), err
}

// insert writes dealers one by one, in file order, so that a sub-dealer's
// parent on an earlier line exists when it is written. Dealers are few.
func (d *dealerImport) insert(ctx context.Context, tx bun.Tx, skip map[int]bool, progress func(int)) (int, []int64, error) {
	n := 0
	var written []int64
	for i, r := range d.rows {
		if skip[r.line] {
			continue
		}
		var parent *int64
		if r.parent != "" {
			id, ok := d.refs.dealers[r.parent]
			if !ok {
				// The parent's line was bad and skipped.
				continue
			}
			parent = &id
		}
		var id int64
		err := tx.NewRaw(`INSERT INTO dealers (id, code, name, kind, parent_id, status, tier, home_region_id,
				contract_start, contract_end, credit_limit, currency, contact_name, contact_email, contact_phone,
				created_at, updated_at)
			VALUES (coalesce(?::bigint, nextval(pg_get_serial_sequence('dealers', 'id'))), ?, ?, ?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?, ?)
			RETURNING id`,
			r.id, r.code, r.name, r.kind, parent, r.status, r.tier, r.region, dateArg(r.start), dateArgPtr(r.end),
			r.credit, r.currency, r.contact, r.email, r.phone, r.created, r.created).Scan(ctx, &id)
		if err != nil {
			return n, nil, fmt.Errorf("line %d: %w", r.line, err)
		}
		d.refs.dealers[r.code] = id
		written = append(written, id)
		n++
		if (i+1)%100 == 0 {
			progress(i + 1)
		}
	}
	if err := fixSequence(ctx, tx, "dealers"); err != nil {
		return n, nil, err
	}
	if err := auditImported(ctx, tx, "dealer", written); err != nil {
		return n, nil, err
	}
	// A dealer alone changes no customer's facts: no rules to run.
	return n, nil, nil
}

// RunImport is `channelboard import KIND FILE.csv [--skip-bad]`: it imports
// the file through db, shows progress on out, and lists every bad row there
// with its line number and reason.
func RunImport(ctx context.Context, db *bun.DB, kind, path string, skipBad bool, out io.Writer) error {
	ctx = WithActor(ctx, ActorCLI)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bar := progressbar.NewOptions(1, progressbar.OptionSetWriter(out), progressbar.OptionSetDescription("import "+kind),
		progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionShowCount())
	res, err := New(db).Import(ctx, kind, f, ImportOptions{SkipBad: skipBad}, func(done, total int) {
		bar.ChangeMax(total)
		_ = bar.Set(done)
	})
	_ = bar.Finish()
	fmt.Fprintln(out)
	for _, b := range res.Bad {
		fmt.Fprintf(out, "%s: %s\n", path, b)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "imported %d of %d %s (%d bad rows skipped)\n", res.Imported, res.Rows, kind, len(res.Bad))
	return nil
}
