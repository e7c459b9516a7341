package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

type regionRow struct {
	bun.BaseModel `bun:"table:regions,alias:r"`

	ID      int64   `bun:"id,pk,autoincrement"`
	Path    string  `bun:"path"`
	Name    string  `bun:"name"`
	Country *string `bun:"country"`
}

func (r regionRow) region() channel.Region {
	g := channel.Region{ID: r.ID, Path: r.Path, Name: r.Name}
	if r.Country != nil {
		g.Country = *r.Country
	}
	return g
}

var (
	ltreePath   = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)*$`)
	countryCode = regexp.MustCompile(`^[A-Z]{2}$`)
)

// CreateRegion adds a node to the region tree. Its parent (the path minus
// the last label) must exist unless it is a root.
func (s *Store) CreateRegion(ctx context.Context, g channel.Region) (channel.Region, error) {
	if !ltreePath.MatchString(g.Path) {
		return channel.Region{}, invalid("input.path", "a region path is dot-separated labels of a-z, 0-9 and _")
	}
	if strings.TrimSpace(g.Name) == "" {
		return channel.Region{}, invalid("input.name", "the name must not be blank")
	}
	if g.Country != "" && !countryCode.MatchString(g.Country) {
		return channel.Region{}, invalid("input.country", "a country is an ISO 3166-1 alpha-2 code")
	}
	var out channel.Region
	err := s.InTx(ctx, func(tx bun.Tx) error {
		if parent := g.ParentPath(); parent != "" {
			n, err := tx.NewSelect().Model((*regionRow)(nil)).Where("path = ?::ltree", parent).Count(ctx)
			if err != nil {
				return err
			}
			if n == 0 {
				return invalid("input.path", "the parent region %s does not exist", parent)
			}
		}
		row := regionRow{Path: g.Path, Name: strings.TrimSpace(g.Name)}
		if g.Country != "" {
			row.Country = &g.Country
		}
		if _, err := tx.NewInsert().Model(&row).Value("path", "?::ltree", g.Path).Returning("id").Exec(ctx); err != nil {
			return err
		}
		out = row.region()
		return audit(ctx, tx, "create", "region", row.ID, nil, out)
	})
	if err != nil {
		return channel.Region{}, dbError(fmt.Errorf("create region %s: %w", g.Path, err), "region")
	}
	return out, nil
}

// RegionFilter narrows ListRegions; nil fields do not filter.
type RegionFilter struct {
	Under   *string // an ltree path: this region and every region below it
	Country *string
}

// ListRegions returns the region tree in path order, parents before
// children. The tree is small (hundreds of rows), so it is not paginated.
func (s *Store) ListRegions(ctx context.Context, f RegionFilter) ([]channel.Region, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) ([]channel.Region, error) {
		var rows []regionRow
		q := db.NewSelect().Model(&rows).OrderExpr("r.path")
		if f.Under != nil {
			if !ltreePath.MatchString(*f.Under) {
				return nil, invalid("filter.under", "a region path is dot-separated labels of a-z, 0-9 and _")
			}
			q = q.Where("r.path <@ ?::ltree", *f.Under)
		}
		if f.Country != nil {
			q = q.Where("r.country = ?", strings.ToUpper(*f.Country))
		}
		if err := q.Scan(ctx); err != nil {
			return nil, fmt.Errorf("list regions: %w", err)
		}
		out := make([]channel.Region, len(rows))
		for i, r := range rows {
			out[i] = r.region()
		}
		return out, nil
	})
}

// Region loads one region.
func (s *Store) Region(ctx context.Context, id int64) (channel.Region, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (channel.Region, error) {
		m, err := s.RegionsByIDs(ctx, []int64{id})
		if err != nil {
			return channel.Region{}, err
		}
		r, ok := m[id]
		if !ok {
			return channel.Region{}, channel.NotFound("region")
		}
		return r, nil
	})
}

// RegionsByIDs loads regions by id in one query; missing ids are absent.
func (s *Store) RegionsByIDs(ctx context.Context, ids []int64) (map[int64]channel.Region, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]channel.Region, error) {
		var rows []regionRow
		if err := db.NewSelect().Model(&rows).Where("r.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("regions by id: %w", err)
		}
		out := make(map[int64]channel.Region, len(rows))
		for _, r := range rows {
			out[r.ID] = r.region()
		}
		return out, nil
	})
}

// RegionsByPaths loads regions by path in one query; missing paths are absent.
func (s *Store) RegionsByPaths(ctx context.Context, paths []string) (map[string]channel.Region, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[string]channel.Region, error) {
		var rows []regionRow
		if err := db.NewSelect().Model(&rows).Where("r.path::text IN (?)", bun.In(paths)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("regions by path: %w", err)
		}
		out := make(map[string]channel.Region, len(rows))
		for _, r := range rows {
			out[r.Path] = r.region()
		}
		return out, nil
	})
}

// RegionChildren loads the direct children of regions, by parent path, in
// one query, each list in path order.
func (s *Store) RegionChildren(ctx context.Context, parents []string) (map[string][]channel.Region, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[string][]channel.Region, error) {
		var rows []regionRow
		err := db.NewSelect().Model(&rows).
			Where("subpath(r.path, 0, nlevel(r.path) - 1)::text IN (?)", bun.In(parents)).
			Where("nlevel(r.path) > 1").OrderExpr("r.path").Scan(ctx)
		if err != nil {
			return nil, fmt.Errorf("region children: %w", err)
		}
		out := make(map[string][]channel.Region, len(parents))
		for _, r := range rows {
			g := r.region()
			out[g.ParentPath()] = append(out[g.ParentPath()], g)
		}
		return out, nil
	})
}
