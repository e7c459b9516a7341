package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

type productLineRow struct {
	bun.BaseModel `bun:"table:product_lines,alias:pl"`

	ID   int64  `bun:"id,pk,autoincrement"`
	Code string `bun:"code"`
	Name string `bun:"name"`
}

func (r productLineRow) productLine() channel.ProductLine {
	return channel.ProductLine{ID: r.ID, Code: r.Code, Name: r.Name}
}

var productLineCode = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// CreateProductLine adds a product line.
func (s *Store) CreateProductLine(ctx context.Context, p channel.ProductLine) (channel.ProductLine, error) {
	if !productLineCode.MatchString(p.Code) {
		return channel.ProductLine{}, invalid("input.code", "a product line code is lower-case letters, digits, _ and -")
	}
	if strings.TrimSpace(p.Name) == "" {
		return channel.ProductLine{}, invalid("input.name", "the name must not be blank")
	}
	row := productLineRow{Code: p.Code, Name: strings.TrimSpace(p.Name)}
	err := s.InTx(ctx, func(tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(&row).Returning("id").Exec(ctx); err != nil {
			return err
		}
		return audit(ctx, tx, "create", "product_line", row.ID, nil, row.productLine())
	})
	if err != nil {
		return channel.ProductLine{}, withValue(dbError(fmt.Errorf("create product line %s: %w", p.Code, err), "product line"), "input.code", p.Code)
	}
	return row.productLine(), nil
}

// ListProductLines returns every product line by name.
func (s *Store) ListProductLines(ctx context.Context) ([]channel.ProductLine, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) ([]channel.ProductLine, error) {
		var rows []productLineRow
		if err := db.NewSelect().Model(&rows).OrderExpr("pl.name, pl.id").Scan(ctx); err != nil {
			return nil, fmt.Errorf("list product lines: %w", err)
		}
		out := make([]channel.ProductLine, len(rows))
		for i, r := range rows {
			out[i] = r.productLine()
		}
		return out, nil
	})
}

// ProductLinesByIDs loads product lines in one query; missing ids are absent.
func (s *Store) ProductLinesByIDs(ctx context.Context, ids []int64) (map[int64]channel.ProductLine, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]channel.ProductLine, error) {
		var rows []productLineRow
		if err := db.NewSelect().Model(&rows).Where("pl.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("product lines by id: %w", err)
		}
		out := make(map[int64]channel.ProductLine, len(rows))
		for _, r := range rows {
			out[r.ID] = r.productLine()
		}
		return out, nil
	})
}
