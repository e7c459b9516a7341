package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"channelboard/channel"
)

type territoryRow struct {
	bun.BaseModel `bun:"table:territory_assignments,alias:ta"`

	ID             int64      `bun:"id,pk,autoincrement"`
	DealerID       int64      `bun:"dealer_id"`
	RegionID       int64      `bun:"region_id"`
	RegionPath     string     `bun:"region_path,scanonly"`
	Segments       []string   `bun:"segments,array"`
	ProductLineIDs []int64    `bun:"product_line_ids,array"`
	Exclusive      bool       `bun:"exclusive"`
	ValidFrom      time.Time  `bun:"valid_from"`
	ValidTo        *time.Time `bun:"valid_to"`
	CreatedAt      time.Time  `bun:"created_at"`
}

func (r territoryRow) assignment() channel.TerritoryAssignment {
	a := channel.TerritoryAssignment{
		ID: r.ID, DealerID: r.DealerID, RegionID: r.RegionID, RegionPath: r.RegionPath,
		Segments: make([]channel.Segment, len(r.Segments)), ProductLineIDs: r.ProductLineIDs,
		Exclusive: r.Exclusive, ValidFrom: toDate(r.ValidFrom), ValidTo: toDatePtr(r.ValidTo),
	}
	if a.ProductLineIDs == nil {
		a.ProductLineIDs = []int64{}
	}
	for i, s := range r.Segments {
		a.Segments[i] = channel.Segment(s)
	}
	return a
}

// territorySelect selects assignments with their region's path, which the
// rules need to decide coverage without another query.
func territorySelect(db bun.IDB, dst *[]territoryRow) *bun.SelectQuery {
	return db.NewSelect().Model(dst).ColumnExpr("ta.*").ColumnExpr("r.path::text AS region_path").
		Join("JOIN regions AS r ON r.id = ta.region_id")
}

// TerritoryAssign is the input of AssignTerritory.
type TerritoryAssign struct {
	DealerID       int64
	RegionID       int64
	Segments       []channel.Segment // empty = every segment
	ProductLineIDs []int64           // empty = every product line
	Exclusive      bool
	ValidFrom      time.Time
	ValidTo        *time.Time
}

// AssignTerritory gives a dealer responsibility for a region.
func (s *Store) AssignTerritory(ctx context.Context, in TerritoryAssign) (channel.TerritoryAssignment, error) {
	if in.ValidFrom.IsZero() {
		return channel.TerritoryAssignment{}, invalid("input.validFrom", "validFrom is required")
	}
	if in.ValidTo != nil && toDate(*in.ValidTo).Before(toDate(in.ValidFrom)) {
		return channel.TerritoryAssignment{}, invalid("input.validTo", "validTo must not be before validFrom")
	}
	segs := make([]string, 0, len(in.Segments))
	seen := map[channel.Segment]bool{}
	for _, sg := range in.Segments {
		if !validSegment(sg) {
			return channel.TerritoryAssignment{}, invalid("input.segments", "unknown segment %q", sg)
		}
		if !seen[sg] {
			seen[sg] = true
			segs = append(segs, string(sg))
		}
	}
	lines := in.ProductLineIDs
	if lines == nil {
		lines = []int64{}
	}
	var id int64
	err := s.InTx(ctx, func(tx bun.Tx) error {
		if len(lines) > 0 {
			n, err := tx.NewSelect().Model((*productLineRow)(nil)).Where("id IN (?)", bun.In(lines)).Count(ctx)
			if err != nil {
				return err
			}
			if int(n) != len(distinct(lines)) {
				return invalid("input.productLineIds", "a product line does not exist")
			}
		}
		err := tx.NewRaw(`INSERT INTO territory_assignments (dealer_id, region_id, segments, product_line_ids, exclusive, valid_from, valid_to)
			VALUES (?, ?, ?, ?, ?, ?::date, ?::date) RETURNING id`,
			in.DealerID, in.RegionID, pgdialect.Array(segs), pgdialect.Array(distinct(lines)), in.Exclusive,
			dateArg(in.ValidFrom), dateArgPtr(in.ValidTo)).Scan(ctx, &id)
		if err != nil {
			return err
		}
		a, err := territoryTx(ctx, tx, id)
		if err != nil {
			return err
		}
		return audit(ctx, tx, "assign", "territory_assignment", id, nil, a)
	})
	if err != nil {
		return channel.TerritoryAssignment{}, dbError(fmt.Errorf("assign territory: %w", err), "territory assignment")
	}
	// Every customer in the region's subtree with an open deal or a live
	// conflict may gain coverage, a suggested dealer or an exclusive rival.
	if err := s.reevaluateAfter(ctx, "the assignment", ReevalScope{RegionID: in.RegionID, Active: true, DealsOnly: true}); err != nil {
		return channel.TerritoryAssignment{}, err
	}
	return s.Territory(ctx, id)
}

func distinct(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// UnassignTerritory ends an assignment: validTo becomes the given day, or
// today. The row stays, so past decisions can still be explained.
func (s *Store) UnassignTerritory(ctx context.Context, id int64, validTo *time.Time) (channel.TerritoryAssignment, error) {
	end := toDate(s.now())
	if validTo != nil {
		end = toDate(*validTo)
	}
	var region int64
	err := s.InTx(ctx, func(tx bun.Tx) error {
		before, err := territoryTx(ctx, tx, id)
		region = before.RegionID
		if err != nil {
			return err
		}
		if end.Before(before.ValidFrom) {
			return invalid("input.validTo", "validTo must not be before the assignment's validFrom (%s)", before.ValidFrom.Format(time.DateOnly))
		}
		if _, err := tx.NewRaw(`UPDATE territory_assignments SET valid_to = ?::date WHERE id = ?`, dateArg(end), id).Exec(ctx); err != nil {
			return err
		}
		after, err := territoryTx(ctx, tx, id)
		if err != nil {
			return err
		}
		return audit(ctx, tx, "unassign", "territory_assignment", id, before, after)
	})
	if err != nil {
		return channel.TerritoryAssignment{}, dbError(fmt.Errorf("unassign territory %d: %w", id, err), "territory assignment")
	}
	if err := s.reevaluateAfter(ctx, "the end of the assignment", ReevalScope{RegionID: region, Active: true, DealsOnly: true}); err != nil {
		return channel.TerritoryAssignment{}, err
	}
	return s.Territory(ctx, id)
}

func territoryTx(ctx context.Context, db bun.IDB, id int64) (channel.TerritoryAssignment, error) {
	var rows []territoryRow
	if err := territorySelect(db, &rows).Where("ta.id = ?", id).Scan(ctx); err != nil {
		return channel.TerritoryAssignment{}, err
	}
	if len(rows) == 0 {
		return channel.TerritoryAssignment{}, channel.NotFound("territory assignment")
	}
	return rows[0].assignment(), nil
}

// Territory loads one assignment.
func (s *Store) Territory(ctx context.Context, id int64) (channel.TerritoryAssignment, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (channel.TerritoryAssignment, error) {
		a, err := territoryTx(ctx, db, id)
		if err != nil {
			return channel.TerritoryAssignment{}, dbError(fmt.Errorf("territory %d: %w", id, err), "territory assignment")
		}
		return a, nil
	})
}

// TerritoryFilter narrows ListTerritories; nil fields do not filter.
type TerritoryFilter struct {
	DealerID         *int64
	CoveringRegionID *int64 // assignments whose region is this one or an ancestor
	Exclusive        *bool
	ActiveOnly       *bool // valid today
}

// ListTerritories returns one page of assignments, oldest first.
func (s *Store) ListTerritories(ctx context.Context, f TerritoryFilter, p Page) (List[channel.TerritoryAssignment], error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (List[channel.TerritoryAssignment], error) {
		var rows []territoryRow
		today := dateArg(s.now())
		newQuery := func() *bun.SelectQuery {
			rows = rows[:0]
			q := narrow(ctx, territorySelect(db, &rows), territoryOfDealer)
			if f.DealerID != nil {
				q = q.Where("ta.dealer_id = ?", *f.DealerID)
			}
			if f.CoveringRegionID != nil {
				q = q.Where("r.path @> (SELECT path FROM regions WHERE id = ?)", *f.CoveringRegionID)
			}
			if f.Exclusive != nil {
				q = q.Where("ta.exclusive = ?", *f.Exclusive)
			}
			if f.ActiveOnly != nil && *f.ActiveOnly {
				q = q.Where("ta.valid_from <= ?::date AND (ta.valid_to IS NULL OR ta.valid_to >= ?::date)", today, today)
			}
			return q
		}
		spec := sortSpec{name: "ID", expr: "ta.id", cast: "bigint"}
		cursors, total, more, err := listQuery(ctx, p, spec, "ta.id", &rows, newQuery,
			func(r territoryRow) any { return r.ID }, func(r territoryRow) int64 { return r.ID })
		if err != nil {
			return List[channel.TerritoryAssignment]{}, dbError(fmt.Errorf("list territories: %w", err), "territory assignment")
		}
		out := List[channel.TerritoryAssignment]{Items: make([]channel.TerritoryAssignment, len(rows)), Cursors: cursors, Total: total, HasNextPage: more}
		for i, r := range rows {
			out.Items[i] = r.assignment()
		}
		return out, nil
	})
}

// TerritoriesByIDs loads assignments in one query; missing ids are absent.
func (s *Store) TerritoriesByIDs(ctx context.Context, ids []int64) (map[int64]channel.TerritoryAssignment, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]channel.TerritoryAssignment, error) {
		var rows []territoryRow
		if err := narrow(ctx, territorySelect(db, &rows), territoryOfDealer).Where("ta.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("territories by id: %w", err)
		}
		out := make(map[int64]channel.TerritoryAssignment, len(rows))
		for _, r := range rows {
			out[r.ID] = r.assignment()
		}
		return out, nil
	})
}

// TerritoriesByDealers loads every assignment of several dealers in one
// query, each list by region path.
func (s *Store) TerritoriesByDealers(ctx context.Context, dealers []int64) (map[int64][]channel.TerritoryAssignment, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64][]channel.TerritoryAssignment, error) {
		var rows []territoryRow
		err := narrow(ctx, territorySelect(db, &rows), territoryOfDealer).Where("ta.dealer_id IN (?)", bun.In(dealers)).OrderExpr("r.path, ta.id").Scan(ctx)
		if err != nil {
			return nil, fmt.Errorf("territories by dealer: %w", err)
		}
		out := make(map[int64][]channel.TerritoryAssignment, len(dealers))
		for _, r := range rows {
			out[r.DealerID] = append(out[r.DealerID], r.assignment())
		}
		return out, nil
	})
}
