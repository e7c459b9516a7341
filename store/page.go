package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"
)

// Page sizes: a list without a cap is a denial of service waiting to happen.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// Page asks for up to First items after the cursor After ("" = from the
// start). A nil First means DefaultPageSize.
type Page struct {
	First *int
	After string
	// SkipCount says the caller does not need the total; the list's Total
	// is then 0 and the count query is not run.
	SkipCount bool
	// count, when set, answers the total in place of counting the rows
	// (a summary table that holds the same number).
	count func(ctx context.Context) (int, error)
	// idsFirst finds the page's ids first, with only the id, sort and
	// filter columns (an index-only scan when an index covers them), and
	// then reads those rows whole.
	idsFirst bool
	// ids, when set with idsFirst, names the page's ids itself: an SQL
	// array expression of at most limit ids after the cursor (nil: from the
	// start) in the list's order, with its arguments.
	ids func(after *cursor, desc bool, limit int) (string, []any)
}

func (p Page) size() (int, error) {
	if p.First == nil {
		return DefaultPageSize, nil
	}
	if *p.First < 0 || *p.First > MaxPageSize {
		return 0, invalid("first", "first must be between 0 and %d", MaxPageSize)
	}
	return *p.First, nil
}

// List is one page of a keyset-paginated list: the items, one opaque cursor
// per item, the number of items matching the filter, and whether more
// follow the last one.
type List[T any] struct {
	Items       []T
	Cursors     []string
	Total       int
	HasNextPage bool
}

// cursor points just past one row: its sort key rendered as text, and its
// id to break ties. The order is part of it, so a cursor from one ordering
// is refused by another instead of silently skipping rows.
type cursor struct {
	Order string `json:"o"`
	Key   string `json:"k"`
	ID    int64  `json:"i"`
}

func encodeCursor(c cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s, order string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	var c cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.Order != order || c.ID <= 0 {
		return nil, invalid("after", "invalid cursor")
	}
	return &c, nil
}

// sortSpec describes one ordering: the SQL expression sorted on, the SQL
// type its cursor text is cast back to, and the direction.
type sortSpec struct {
	name string // e.g. "NAME"; part of the cursor
	expr string
	cast string
	desc bool
}

func (o sortSpec) order() string {
	if o.desc {
		return o.name + ":DESC"
	}
	return o.name + ":ASC"
}

// keyText renders a sort key value the way cursors hold it.
func keyText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	case *time.Time:
		if v == nil {
			return ""
		}
		return v.UTC().Format(time.RFC3339Nano)
	}
	panic(fmt.Sprintf("store: no cursor text for %T", v))
}

// listQuery runs a filtered, keyset-paginated list: one count query and one
// page query. newQuery builds the filtered query over dst's model, fresh on
// each call; key renders a row's sort key and id returns its id.
func listQuery[R any](ctx context.Context, p Page, o sortSpec, idCol string, dst *[]R,
	newQuery func() *bun.SelectQuery, key func(R) any, id func(R) int64,
) (cursors []string, total int, hasNext bool, err error) {
	n, err := p.size()
	if err != nil {
		return nil, 0, false, err
	}
	after, err := decodeCursor(p.After, o.order())
	if err != nil {
		return nil, 0, false, err
	}
	switch {
	case p.SkipCount:
	case p.count != nil:
		if total, err = p.count(ctx); err != nil {
			return nil, 0, false, err
		}
	default:
		count, err := newQuery().Count(ctx)
		if err != nil {
			return nil, 0, false, err
		}
		total = int(count)
	}
	if n == 0 {
		return nil, total, false, nil
	}
	dir, op := "ASC", ">"
	if o.desc {
		dir, op = "DESC", "<"
	}
	q := newQuery()
	if after != nil {
		q = q.Where(fmt.Sprintf("(%s, %s) %s (?::%s, ?)", o.expr, idCol, op, o.cast), after.Key, after.ID)
	}
	order := fmt.Sprintf("%s %s, %s %s", o.expr, dir, idCol, dir)
	q = q.OrderExpr(order).Limit(int64(n + 1))
	switch {
	case p.idsFirst && p.ids != nil:
		expr, args := p.ids(after, o.desc, n+1)
		q = newQuery().Where(idCol+" = ANY ("+expr+")", args...).OrderExpr(order)
	case p.idsFirst:
		q = newQuery().Where(idCol+" IN (?)", q.ColumnExpr(idCol)).OrderExpr(order)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, 0, false, err
	}
	if len(*dst) > n {
		*dst = (*dst)[:n]
		hasNext = true
	}
	cursors = make([]string, len(*dst))
	for i, r := range *dst {
		cursors[i] = encodeCursor(cursor{Order: o.order(), Key: keyText(key(r)), ID: id(r)})
	}
	return cursors, total, hasNext, nil
}
