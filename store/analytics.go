package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"channelboard/channel"
)

// The analysts' business questions (issue 7): dealer performance against
// the year's plan, the pipeline, who owns the market per region, and where
// the territory map has holes or double bookings. Each is one or two
// set-wise queries whatever the size of the answer; migrations/0005 holds
// the indexes they lean on.

// openStagesSQL is the SQL list of the stages still in play.
const openStagesSQL = `('PENDING_APPROVAL', 'REGISTERED', 'QUOTED')`

// regionUnder renders "col is in the region id or below it" for an id
// argument.
func regionUnder(col string) string {
	return col + " IN (SELECT id FROM regions WHERE path <@ (SELECT path FROM regions WHERE id = ?))"
}

// regionSubtree returns the ids of a region and everything under it, as an
// array argument that is never empty. With literal ids the planner sees
// how many rows match (a province: an index range; a continent: most of
// the table) instead of guessing from a subquery.
func regionSubtree(ctx context.Context, db bun.IDB, region int64) (any, error) {
	var ids []int64
	if err := db.NewRaw("SELECT id FROM regions WHERE path <@ (SELECT path FROM regions WHERE id = ?)", region).
		Scan(ctx, &ids); err != nil {
		return nil, fmt.Errorf("region %d and below: %w", region, err)
	}
	return pgdialect.Array(append(ids, 0)), nil
}

// PerformanceFilter narrows DealerPerformance; nil fields do not filter.
type PerformanceFilter struct {
	DealerID *int64
	Kind     *channel.DealerKind
	Status   *channel.DealerStatus
	RegionID *int64 // the dealer's home region is this one or below it
	Search   *string
}

// DealerPerformance is one dealer's year in numbers: the plan, what it won,
// and what the policy makes of that (channel.PlanMoney).
type DealerPerformance struct {
	DealerID   int64
	DealerName string
	Year       int
	AsOf       time.Time
	Currency   string // the plan's; every amount here is in it
	Planned    int64
	// Actual is the volume of WON deals closed in the year; ActualToDate
	// the part closed by the end of AsOf.
	Actual        int64
	ActualToDate  int64
	PrepaymentPct float64
	// CreditLimit is the plan's, or the dealer's when the plan sets none.
	CreditLimit int64
	// Prepaid is what the dealer prepaid on its open deals, CreditUsed the
	// rest of their amount: the exposure the credit limit caps.
	Prepaid    int64
	CreditUsed int64
	// Compensation is what conflict resolutions awarded the dealer in the
	// year (table compensations).
	Compensation int64
	// HasPolicy is false when the year has no policy: no tiers, budget or
	// margin apply, and Money holds only the pace.
	HasPolicy bool
	Money     channel.PlanMoneyResult
}

// OverCreditLimit reports whether the open exposure exceeds the limit.
func (p DealerPerformance) OverCreditLimit() bool { return p.CreditUsed > p.CreditLimit }

const perfOrder = "PERF_NAME:ASC"

// DealerPerformance lists the dealers with a plan for year, by name, with
// their performance as of the end of the day asOf (zero: the store's
// clock).
func (s *Store) DealerPerformance(ctx context.Context, year int, f PerformanceFilter, asOf time.Time, p Page) (List[DealerPerformance], error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (List[DealerPerformance], error) {
		if err := validYear(year); err != nil {
			return List[DealerPerformance]{}, invalid("year", "the year must be between 2000 and 2100")
		}
		n, err := p.size()
		if err != nil {
			return List[DealerPerformance]{}, err
		}
		after, err := decodeCursor(p.After, perfOrder)
		if err != nil {
			return List[DealerPerformance]{}, err
		}
		if asOf.IsZero() {
			asOf = s.now()
		}
		asOf = asOf.UTC()
		pol, err := s.Policy(ctx, year)
		hasPolicy := err == nil
		if err != nil && channel.ErrorCode(err) != channel.ENotFound {
			return List[DealerPerformance]{}, err
		}

		var conds []string
		args := []any{year}
		if d, ok := dealerScope(ctx); ok {
			conds, args = append(conds, dealerItself), append(args, d)
		}
		if f.DealerID != nil {
			conds, args = append(conds, "d.id = ?"), append(args, *f.DealerID)
		}
		if f.Kind != nil {
			conds, args = append(conds, "d.kind = ?"), append(args, string(*f.Kind))
		}
		if f.Status != nil {
			conds, args = append(conds, "d.status = ?"), append(args, string(*f.Status))
		}
		if f.RegionID != nil {
			conds, args = append(conds, regionUnder("d.home_region_id")), append(args, *f.RegionID)
		}
		if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
			pat := likePattern(*f.Search)
			conds, args = append(conds, "(d.name ILIKE ? OR d.code ILIKE ?)"), append(args, pat, pat)
		}
		where := "dp.year = ?"
		if len(conds) > 0 {
			where += " AND " + strings.Join(conds, " AND ")
		}
		var total int
		if err := db.NewRaw("SELECT count(*) FROM dealer_plans dp JOIN dealers d ON d.id = dp.dealer_id WHERE "+where, args...).
			Scan(ctx, &total); err != nil {
			return List[DealerPerformance]{}, fmt.Errorf("dealer performance: %w", err)
		}
		out := List[DealerPerformance]{Total: total}
		if n == 0 {
			return out, nil
		}
		pageWhere, pageArgs := where, slices.Clone(args)
		if after != nil {
			pageWhere += " AND (d.name, d.id) > (?, ?)"
			pageArgs = append(pageArgs, after.Key, after.ID)
		}
		y0 := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		y1 := y0.AddDate(1, 0, 0)
		asOfEnd := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
		var rows []struct {
			ID            int64   `bun:"id"`
			Name          string  `bun:"name"`
			Planned       int64   `bun:"planned_volume"`
			Currency      string  `bun:"currency"`
			PrepaymentPct float64 `bun:"prepayment_pct"`
			CreditLimit   int64   `bun:"credit_limit"`
			Actual        int64   `bun:"actual"`
			ActualToDate  int64   `bun:"actual_to_date"`
			Prepaid       int64   `bun:"prepaid"`
			CreditUsed    int64   `bun:"credit_used"`
			Compensation  int64   `bun:"compensation"`
		}
		// The page of dealers first, then per dealer one index range of its
		// deals (deals_dealer_perf_idx: dealer, stage, closed_at, covering the
		// amounts) and of its compensations.
		query := `WITH page AS (
				SELECT d.id, d.name, dp.planned_volume, dp.currency, dp.prepayment_pct,
					CASE WHEN dp.credit_limit = 0 AND d.currency = dp.currency THEN d.credit_limit ELSE dp.credit_limit END AS credit_limit
				FROM dealer_plans dp JOIN dealers d ON d.id = dp.dealer_id
				WHERE ` + pageWhere + `
				ORDER BY d.name, d.id LIMIT ?)
			SELECT page.*, a.actual, a.actual_to_date, a.prepaid, a.credit_used, coalesce(cp.total, 0)::bigint AS compensation
			FROM page
			CROSS JOIN LATERAL (
				SELECT coalesce(sum(x.amount) FILTER (WHERE x.stage = 'WON'), 0)::bigint AS actual,
					coalesce(sum(x.amount) FILTER (WHERE x.stage = 'WON' AND x.closed_at < ?), 0)::bigint AS actual_to_date,
					coalesce(sum(x.prepaid_amount) FILTER (WHERE x.stage IN ` + openStagesSQL + `), 0)::bigint AS prepaid,
					coalesce(sum(x.amount - x.prepaid_amount) FILTER (WHERE x.stage IN ` + openStagesSQL + `), 0)::bigint AS credit_used
				FROM deals x
				WHERE x.dealer_id = page.id AND x.currency = page.currency
					AND (x.stage IN ` + openStagesSQL + ` OR (x.stage = 'WON' AND x.closed_at >= ? AND x.closed_at < ?))) a
			LEFT JOIN LATERAL (
				SELECT sum(c.amount) AS total FROM compensations c
				WHERE c.dealer_id = page.id AND c.currency = page.currency AND c.created_at >= ? AND c.created_at < ?) cp ON true
			ORDER BY page.name, page.id`
		pageArgs = append(pageArgs, n+1, asOfEnd, y0, y1, y0, y1)
		if err := db.NewRaw(query, pageArgs...).Scan(ctx, &rows); err != nil {
			return List[DealerPerformance]{}, fmt.Errorf("dealer performance: %w", err)
		}
		if len(rows) > n {
			rows, out.HasNextPage = rows[:n], true
		}
		for _, r := range rows {
			in := channel.PlanMoneyInput{Year: year, Planned: r.Planned, Actual: r.Actual, ActualToDate: r.ActualToDate, AsOf: asOf}
			if hasPolicy {
				in.BonusTiers = pol.BonusTiers
				in.MarketingBudgetPct = pol.MarketingBudgetPct
				in.ManufacturerSharePct = pol.ManufacturerSharePct
				in.PlanDeviationMarginPct = pol.PlanDeviationMarginPct
			}
			out.Items = append(out.Items, DealerPerformance{
				DealerID: r.ID, DealerName: r.Name, Year: year, AsOf: asOf, Currency: strings.TrimSpace(r.Currency),
				Planned: r.Planned, Actual: r.Actual, ActualToDate: r.ActualToDate, PrepaymentPct: r.PrepaymentPct,
				CreditLimit: r.CreditLimit, Prepaid: r.Prepaid, CreditUsed: r.CreditUsed, Compensation: r.Compensation,
				HasPolicy: hasPolicy, Money: channel.PlanMoney(in),
			})
			out.Cursors = append(out.Cursors, encodeCursor(cursor{Order: perfOrder, Key: r.Name, ID: r.ID}))
		}
		return out, nil
	})
}

// Dimensions of Pipeline.
const (
	PipelineByStage       = "STAGE"
	PipelineByChannel     = "CHANNEL"
	PipelineByProductLine = "PRODUCT_LINE"
	PipelineByDealer      = "DEALER"
)

var pipelineDims = map[string]string{
	PipelineByStage:       "dl.stage",
	PipelineByChannel:     "dl.channel_kind",
	PipelineByProductLine: "dl.product_line_id",
	PipelineByDealer:      "dl.dealer_id",
}

// PipelineFilter narrows Pipeline; nil fields do not filter.
type PipelineFilter struct {
	Stages        []channel.DealStage
	OpenOnly      *bool
	ChannelKind   *channel.ChannelKind
	DealerID      *int64
	ProductLineID *int64
	RegionID      *int64 // customers in this region or below it
	// RegisteredFrom and RegisteredTo bound registered_at, [from, to).
	RegisteredFrom *time.Time
	RegisteredTo   *time.Time
}

// PipelineRow is one group of Pipeline. Only the dimensions grouped by are
// set; each currency is its own row (there are no exchange rates).
type PipelineRow struct {
	Stage         channel.DealStage
	Channel       channel.ChannelKind
	ProductLineID int64
	DealerID      int64
	Count         int
	Amount        channel.Money
}

// Pipeline counts the deals matching f and sums their amounts, grouped by
// the dimensions given (none: one row per currency).
func (s *Store) Pipeline(ctx context.Context, groupBy []string, f PipelineFilter) ([]PipelineRow, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) ([]PipelineRow, error) {
		var dims []string
		for _, g := range groupBy {
			if _, ok := pipelineDims[g]; !ok {
				return nil, invalid("groupBy", "unknown dimension %q", g)
			}
			if !slices.Contains(dims, g) {
				dims = append(dims, g)
			}
		}
		// Without a registration window the filter is on the columns of
		// deal_pipeline_totals (migrations 0005 and 0010: per customer
		// region too), rows kept current by triggers; otherwise the deals
		// themselves are read.
		summary := f.RegisteredFrom == nil && f.RegisteredTo == nil
		table, dealerCol, countExpr, amountExpr := "deals dl", "dl.dealer_id", "count(*)", "coalesce(sum(dl.amount), 0)::bigint"
		if summary {
			table, dealerCol, countExpr, amountExpr = "deal_pipeline_totals dl", "nullif(dl.dealer_id, 0)", "coalesce(sum(dl.n), 0)::bigint", "coalesce(sum(dl.amount), 0)::bigint"
		}
		var conds []string
		var args []any
		if summary {
			conds = append(conds, "dl.n <> 0")
		}
		if d, ok := dealerScope(ctx); ok {
			conds, args = append(conds, dealOfDealer), append(args, d)
		}
		if len(f.Stages) > 0 {
			st := make([]string, len(f.Stages))
			for i, v := range f.Stages {
				st[i] = string(v)
			}
			conds, args = append(conds, "dl.stage IN (?)"), append(args, bun.In(st))
		}
		if f.OpenOnly != nil && *f.OpenOnly {
			conds = append(conds, "dl.stage IN "+openStagesSQL)
		}
		if f.ChannelKind != nil {
			conds, args = append(conds, "dl.channel_kind = ?"), append(args, string(*f.ChannelKind))
		}
		if f.DealerID != nil {
			conds, args = append(conds, "dl.dealer_id = ?"), append(args, *f.DealerID)
		}
		if f.ProductLineID != nil {
			conds, args = append(conds, "dl.product_line_id = ?"), append(args, *f.ProductLineID)
		}
		if f.RegionID != nil {
			regions, err := regionSubtree(ctx, db, *f.RegionID)
			if err != nil {
				return nil, fmt.Errorf("pipeline: %w", err)
			}
			if summary {
				conds, args = append(conds, "dl.region_id = ANY(?::bigint[])"), append(args, regions)
			} else {
				conds, args = append(conds, "dl.customer_id IN (SELECT id FROM customers WHERE region_id = ANY(?::bigint[]))"),
					append(args, regions)
			}
		}
		if f.RegisteredFrom != nil {
			conds, args = append(conds, "dl.registered_at >= ?"), append(args, *f.RegisteredFrom)
		}
		if f.RegisteredTo != nil {
			conds, args = append(conds, "dl.registered_at < ?"), append(args, *f.RegisteredTo)
		}
		cols := make([]string, 0, len(dims)+3)
		group := make([]string, 0, len(dims)+1)
		for i, d := range dims {
			expr := pipelineDims[d]
			if d == PipelineByDealer {
				expr = dealerCol
			}
			cols = append(cols, fmt.Sprintf("%s AS d%d", expr, i))
			group = append(group, fmt.Sprintf("d%d", i))
		}
		cols = append(cols, "dl.currency AS currency", countExpr+" AS n", amountExpr+" AS amount")
		group = append(group, "currency")
		query := "SELECT " + strings.Join(cols, ", ") + " FROM " + table
		if len(conds) > 0 {
			query += " WHERE " + strings.Join(conds, " AND ")
		}
		query += " GROUP BY " + strings.Join(group, ", ") + " HAVING " + countExpr + " > 0 ORDER BY " + strings.Join(group, ", ")
		rows, err := db.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
		defer rows.Close()
		var out []PipelineRow
		for rows.Next() {
			vals := make([]any, len(dims))
			dst := make([]any, 0, len(dims)+3)
			for i, d := range dims {
				if d == PipelineByProductLine || d == PipelineByDealer {
					vals[i] = new(*int64)
				} else {
					vals[i] = new(string)
				}
				dst = append(dst, vals[i])
			}
			var r PipelineRow
			dst = append(dst, &r.Amount.Currency, &r.Count, &r.Amount.Minor)
			if err := rows.Scan(dst...); err != nil {
				return nil, fmt.Errorf("pipeline: %w", err)
			}
			r.Amount.Currency = strings.TrimSpace(r.Amount.Currency)
			for i, d := range dims {
				switch d {
				case PipelineByStage:
					r.Stage = channel.DealStage(*vals[i].(*string))
				case PipelineByChannel:
					r.Channel = channel.ChannelKind(*vals[i].(*string))
				case PipelineByProductLine:
					if v := *vals[i].(**int64); v != nil {
						r.ProductLineID = *v
					}
				case PipelineByDealer:
					if v := *vals[i].(**int64); v != nil {
						r.DealerID = *v
					}
				}
			}
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
		return out, nil
	})
}

// OwnershipFilter narrows OwnershipShare.
type OwnershipFilter struct {
	// Level is the depth of the regions grouped by: 1 continents, 2
	// countries (the default), 3 provinces. Customers in a region above
	// the level count for their own region.
	Level    int
	RegionID *int64 // customers in this region or below it
	Segment  *channel.Segment
	// Year bounds the won volume to deals closed in it; nil counts every
	// won deal.
	Year *int
}

// OwnershipShareRow is one region's customers and won volume held by one
// kind of owner.
type OwnershipShareRow struct {
	RegionPath string
	OwnerKind  channel.OwnerKind
	Customers  int
	// CustomerSharePct is Customers over all the region's customers.
	CustomerSharePct float64
	WonDeals         int
	// WonVolume sums the won deals of these customers, one amount per
	// currency, sorted by currency.
	WonVolume []channel.Money
}

// OwnershipShare answers "how much goes direct and how much through
// dealers": per region at the level, per owner kind, the customers and the
// volume of their won deals.
func (s *Store) OwnershipShare(ctx context.Context, f OwnershipFilter) ([]OwnershipShareRow, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) ([]OwnershipShareRow, error) {
		if f.Level == 0 {
			f.Level = 2
		}
		if f.Level < 1 || f.Level > 10 {
			return nil, invalid("filter.level", "the level is between 1 and 10")
		}
		// From the summaries of migration 0005 (customer_owner_totals and
		// won_owner_totals, kept current by triggers on customers and deals):
		// a few hundred rows, whatever the number of customers and deals.
		var conds []string
		var args []any
		if f.RegionID != nil {
			conds, args = append(conds, regionUnder("t.region_id")), append(args, *f.RegionID)
		}
		if f.Segment != nil {
			conds, args = append(conds, "t.segment = ?"), append(args, string(*f.Segment))
		}
		where := ""
		if len(conds) > 0 {
			where = " AND " + strings.Join(conds, " AND ")
		}
		wonWhere := where
		wonArgs := slices.Clone(args)
		if f.Year != nil {
			wonWhere += " AND t.year = ?"
			wonArgs = append(wonArgs, *f.Year)
		}
		query := `WITH rg AS (
				SELECT id, subpath(path, 0, least(?, nlevel(path)))::text AS at FROM regions),
			counts AS (
				SELECT rg.at, t.owner_kind, sum(t.n)::bigint AS customers
				FROM customer_owner_totals t JOIN rg ON rg.id = t.region_id
				WHERE t.n <> 0` + where + `
				GROUP BY rg.at, t.owner_kind HAVING sum(t.n) > 0),
			volumes AS (
				SELECT rg.at, t.owner_kind, t.currency, sum(t.n)::bigint AS n, sum(t.amount)::bigint AS amount
				FROM won_owner_totals t JOIN rg ON rg.id = t.region_id
				WHERE t.n <> 0` + wonWhere + `
				GROUP BY rg.at, t.owner_kind, t.currency)
			SELECT counts.at, counts.owner_kind, counts.customers,
				sum(counts.customers) OVER (PARTITION BY counts.at) AS region_customers,
				volumes.currency, coalesce(volumes.n, 0) AS n, coalesce(volumes.amount, 0) AS amount
			FROM counts LEFT JOIN volumes ON volumes.at = counts.at AND volumes.owner_kind = counts.owner_kind
			ORDER BY counts.at, counts.owner_kind, volumes.currency`
		all := append(append([]any{f.Level}, args...), wonArgs...)
		var rows []struct {
			At              string  `bun:"at"`
			OwnerKind       string  `bun:"owner_kind"`
			Customers       int     `bun:"customers"`
			RegionCustomers int     `bun:"region_customers"`
			Currency        *string `bun:"currency"`
			N               int     `bun:"n"`
			Amount          int64   `bun:"amount"`
		}
		if err := db.NewRaw(query, all...).Scan(ctx, &rows); err != nil {
			return nil, fmt.Errorf("ownership share: %w", err)
		}
		out := []OwnershipShareRow{}
		for _, r := range rows {
			if len(out) == 0 || out[len(out)-1].RegionPath != r.At || string(out[len(out)-1].OwnerKind) != r.OwnerKind {
				pct := 0.0
				if r.RegionCustomers > 0 {
					pct = float64(r.Customers) * 100 / float64(r.RegionCustomers)
				}
				out = append(out, OwnershipShareRow{RegionPath: r.At, OwnerKind: channel.OwnerKind(r.OwnerKind),
					Customers: r.Customers, CustomerSharePct: pct, WonVolume: []channel.Money{}})
			}
			if r.Currency != nil {
				last := &out[len(out)-1]
				last.WonDeals += r.N
				last.WonVolume = append(last.WonVolume, channel.Money{Minor: r.Amount, Currency: strings.TrimSpace(*r.Currency)})
			}
		}
		return out, nil
	})
}

// CoverageFilter narrows TerritoryCoverage.
type CoverageFilter struct {
	RegionID *int64 // only this region and below it
	// AsOf is the day judged (zero: the store's clock): an assignment
	// covers when valid on it; overlaps count assignments still valid on
	// or after it.
	AsOf time.Time
}

// UncoveredRegion is a leaf region no active assignment covers, with the
// customers in it (the business at risk of going unserved).
type UncoveredRegion struct {
	RegionID  int64
	Path      string
	Customers int
}

// TerritoryOverlap is two assignments of different dealers, at least one
// exclusive, over nested regions, with segments, product lines and validity
// periods that intersect.
type TerritoryOverlap struct {
	A, B          channel.TerritoryAssignment
	BothExclusive bool
}

// TerritoryCoverage is the holes and double bookings of the territory map.
type TerritoryCoverage struct {
	Uncovered []UncoveredRegion
	Overlaps  []TerritoryOverlap
}

// TerritoryCoverage finds the leaf regions no active assignment covers, and
// the overlapping assignments where one of them is exclusive.
func (s *Store) TerritoryCoverage(ctx context.Context, f CoverageFilter) (TerritoryCoverage, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (TerritoryCoverage, error) {
		if f.AsOf.IsZero() {
			f.AsOf = s.now()
		}
		day := dateArg(f.AsOf)
		scope, scopeArgs := "true", []any(nil)
		if f.RegionID != nil {
			scope, scopeArgs = "r.path <@ (SELECT path FROM regions WHERE id = ?)", []any{*f.RegionID}
		}
		var out TerritoryCoverage
		// A leaf is covered when an assignment valid on the day sits on it or
		// an ancestor (regions_path_gist answers @> per assignment).
		err := db.NewRaw(`SELECT r.id AS region_id, r.path::text AS path,
				(SELECT count(*) FROM customers c WHERE c.region_id = r.id) AS customers
			FROM regions r
			WHERE `+scope+`
				AND NOT EXISTS (SELECT 1 FROM regions ch WHERE ch.path <@ r.path AND ch.id <> r.id)
				AND NOT EXISTS (SELECT 1 FROM territory_assignments ta JOIN regions ar ON ar.id = ta.region_id
					WHERE ar.path @> r.path AND ta.valid_from <= ?::date AND (ta.valid_to IS NULL OR ta.valid_to >= ?::date))
			ORDER BY r.path`, append(scopeArgs, day, day)...).Scan(ctx, &out.Uncovered)
		if err != nil {
			return TerritoryCoverage{}, fmt.Errorf("territory coverage: %w", err)
		}
		if out.Uncovered == nil {
			out.Uncovered = []UncoveredRegion{}
		}
		oscope := "true"
		if f.RegionID != nil {
			oscope = "(ra.path <@ (SELECT path FROM regions WHERE id = ?) OR rb.path <@ (SELECT path FROM regions WHERE id = ?))"
			scopeArgs = []any{*f.RegionID, *f.RegionID}
		}
		var pairs []struct {
			A int64 `bun:"a"`
			B int64 `bun:"b"`
		}
		err = db.NewRaw(`SELECT a.id AS a, b.id AS b
			FROM territory_assignments a
			JOIN regions ra ON ra.id = a.region_id
			JOIN territory_assignments b ON b.id > a.id AND b.dealer_id <> a.dealer_id AND (a.exclusive OR b.exclusive)
			JOIN regions rb ON rb.id = b.region_id
			WHERE (ra.path @> rb.path OR rb.path @> ra.path)
				AND daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')
				AND (a.valid_to IS NULL OR a.valid_to >= ?::date) AND (b.valid_to IS NULL OR b.valid_to >= ?::date)
				AND (cardinality(a.segments) = 0 OR cardinality(b.segments) = 0 OR a.segments && b.segments)
				AND (cardinality(a.product_line_ids) = 0 OR cardinality(b.product_line_ids) = 0 OR a.product_line_ids && b.product_line_ids)
				AND `+oscope+`
			ORDER BY a.id, b.id`, append([]any{day, day}, scopeArgs...)...).Scan(ctx, &pairs)
		if err != nil {
			return TerritoryCoverage{}, fmt.Errorf("territory overlaps: %w", err)
		}
		out.Overlaps = []TerritoryOverlap{}
		if len(pairs) == 0 {
			return out, nil
		}
		ids := make([]int64, 0, 2*len(pairs))
		for _, p := range pairs {
			ids = append(ids, p.A, p.B)
		}
		as, err := s.TerritoriesByIDs(ctx, distinct(ids))
		if err != nil {
			return TerritoryCoverage{}, err
		}
		for _, p := range pairs {
			a, b := as[p.A], as[p.B]
			out.Overlaps = append(out.Overlaps, TerritoryOverlap{A: a, B: b, BothExclusive: a.Exclusive && b.Exclusive})
		}
		return out, nil
	})
}
