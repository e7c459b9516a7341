package store

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// CSV files of customers, deals and dealers: what ExportCSV writes and
// Import reads back. References are by natural key (a region's path, a
// dealer's code, a product line's code) so a file moves between databases;
// the id column keeps each row's id so a file imported into an empty
// database and exported again is the same file. Money is in major units
// with two decimals ("4200.00"), times RFC 3339 UTC, dates YYYY-MM-DD.

// Kinds of CSV file.
const (
	CSVCustomers = "customers"
	CSVDeals     = "deals"
	CSVDealers   = "dealers"
)

// CSVColumns is the header of each kind, in file order.
var CSVColumns = map[string][]string{
	CSVCustomers: {"id", "name", "tax_id", "region", "segment", "size", "key_account", "key_account_reason",
		"owner_kind", "owner_dealer", "owner_since", "created_at"},
	CSVDeals: {"id", "customer_id", "channel", "dealer", "product_line", "quantity", "unit_price", "amount",
		"currency", "stage", "prepaid", "expected_close", "registered_at", "protected_until", "closed_at", "close_reason"},
	CSVDealers: {"id", "code", "name", "kind", "parent", "status", "tier", "home_region", "contract_start",
		"contract_end", "credit_limit", "currency", "contact_name", "contact_email", "contact_phone", "created_at"},
}

// utf8BOM lets spreadsheet programs recognise UTF-8, so Cyrillic and
// Chinese names open correctly.
const utf8BOM = "\uFEFF"

// exportBatch is how many rows one keyset page of an export reads: the
// file streams, the table is never held in memory.
const exportBatch = 2000

// ExportFilter narrows an export, with the fields of the GraphQL lists'
// filters; the ones that do not apply to the kind are ignored.
type ExportFilter struct {
	Customers CustomerFilter
	Deals     DealFilter
	Dealers   DealerFilter
}

func fmtTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func fmtDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

func fmtMoney(minor int64) string { return channel.Money{Minor: minor}.Decimal() }

func fmtStr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ExportCSV writes every row of kind matching f to w as CSV, ordered by id,
// reading keyset pages of exportBatch rows.
func (s *Store) ExportCSV(ctx context.Context, kind string, f ExportFilter, w io.Writer) error {
	cols, ok := CSVColumns[kind]
	if !ok {
		return invalid("kind", "unknown export %q", kind)
	}
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return err
	}
	var after int64
	for {
		var recs [][]string
		var err error
		switch kind {
		case CSVCustomers:
			recs, after, err = s.exportCustomers(ctx, f.Customers, after)
		case CSVDeals:
			recs, after, err = s.exportDeals(ctx, f.Deals, after)
		case CSVDealers:
			recs, after, err = s.exportDealers(ctx, f.Dealers, after)
		}
		if err != nil {
			return fmt.Errorf("export %s: %w", kind, err)
		}
		if err := cw.WriteAll(recs); err != nil { // WriteAll flushes
			return err
		}
		if len(recs) < exportBatch {
			return nil
		}
	}
}

func (s *Store) exportCustomers(ctx context.Context, f CustomerFilter, after int64) ([][]string, int64, error) {
	var rows []struct {
		customerRow
		Region string  `bun:"region_path"`
		Dealer *string `bun:"dealer_code"`
	}
	if err := s.view(ctx, func(ctx context.Context, db bun.IDB) error {
		q := db.NewSelect().TableExpr("customers AS c").ColumnExpr(`c.id, c.name, c.tax_id, c.segment, c.size, c.key_account,
		c.key_account_reason, c.owner_kind, c.owner_since, c.created_at`).
			ColumnExpr("r.path::text AS region_path, d.code AS dealer_code").
			Join("JOIN regions AS r ON r.id = c.region_id").
			Join("LEFT JOIN dealers AS d ON d.id = c.owner_dealer_id").
			Where("c.id > ?", after).OrderExpr("c.id").Limit(exportBatch)
		var regions any
		if f.RegionID != nil {
			var err error
			if regions, err = regionSubtree(ctx, db, *f.RegionID); err != nil {
				return err
			}
		}
		return f.where(ctx, q, regions).Scan(ctx, &rows)
	}); err != nil {
		return nil, 0, err
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = []string{strconv.FormatInt(r.ID, 10), r.Name, fmtStr(r.TaxID), r.Region, r.Segment, r.Size,
			strconv.FormatBool(r.KeyAccount), r.KeyAccountReason, r.OwnerKind, fmtStr(r.Dealer),
			fmtTime(&r.OwnerSince), fmtTime(&r.CreatedAt)}
		after = r.ID
	}
	return out, after, nil
}

func (s *Store) exportDeals(ctx context.Context, f DealFilter, after int64) ([][]string, int64, error) {
	var rows []struct {
		dealRow
		Dealer *string `bun:"dealer_code"`
		Line   string  `bun:"line_code"`
	}
	if err := s.view(ctx, func(ctx context.Context, db bun.IDB) error {
		q := db.NewSelect().TableExpr("deals AS dl").ColumnExpr(`dl.id, dl.customer_id, dl.channel_kind, dl.quantity, dl.unit_price,
		dl.amount, dl.currency, dl.stage, dl.prepaid_amount, dl.expected_close, dl.registered_at, dl.protected_until,
		dl.closed_at, dl.close_reason`).
			ColumnExpr("d.code AS dealer_code, pl.code AS line_code").
			Join("LEFT JOIN dealers AS d ON d.id = dl.dealer_id").
			Join("JOIN product_lines AS pl ON pl.id = dl.product_line_id").
			Where("dl.id > ?", after).OrderExpr("dl.id").Limit(exportBatch)
		q = narrow(ctx, q, dealOfDealer)
		q = f.apply(q)
		return q.Scan(ctx, &rows)
	}); err != nil {
		return nil, 0, err
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = []string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.CustomerID, 10), r.ChannelKind,
			fmtStr(r.Dealer), r.Line, strconv.Itoa(r.Quantity), fmtMoney(r.UnitPrice), fmtMoney(r.Amount),
			strings.TrimSpace(r.Currency), r.Stage, fmtMoney(r.PrepaidAmount), fmtDate(r.ExpectedClose),
			fmtTime(&r.RegisteredAt), fmtTime(r.ProtectedUntil), fmtTime(r.ClosedAt), r.CloseReason}
		after = r.ID
	}
	return out, after, nil
}

func (s *Store) exportDealers(ctx context.Context, f DealerFilter, after int64) ([][]string, int64, error) {
	var rows []struct {
		dealerRow
		Parent *string `bun:"parent_code"`
		Region *string `bun:"region_path"`
	}
	if err := s.view(ctx, func(ctx context.Context, db bun.IDB) error {
		q := db.NewSelect().TableExpr("dealers AS d").ColumnExpr(`d.id, d.code, d.name, d.kind, d.status, d.tier, d.contract_start,
		d.contract_end, d.credit_limit, d.currency, d.contact_name, d.contact_email, d.contact_phone, d.created_at`).
			ColumnExpr("p.code AS parent_code, r.path::text AS region_path").
			Join("LEFT JOIN dealers AS p ON p.id = d.parent_id").
			Join("LEFT JOIN regions AS r ON r.id = d.home_region_id").
			Where("d.id > ?", after).OrderExpr("d.id").Limit(exportBatch)
		q = narrow(ctx, q, dealerItself)
		if f.Kind != nil {
			q = q.Where("d.kind = ?", string(*f.Kind))
		}
		if f.Status != nil {
			q = q.Where("d.status = ?", string(*f.Status))
		}
		if f.RegionID != nil {
			q = q.Where(regionUnder("d.home_region_id"), *f.RegionID)
		}
		if f.ParentID != nil {
			q = q.Where("d.parent_id = ?", *f.ParentID)
		}
		if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
			pat := likePattern(*f.Search)
			q = q.Where("(d.name ILIKE ? OR d.code ILIKE ?)", pat, pat)
		}
		return q.Scan(ctx, &rows)
	}); err != nil {
		return nil, 0, err
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = []string{strconv.FormatInt(r.ID, 10), r.Code, r.Name, r.Kind, fmtStr(r.Parent), r.Status,
			strconv.Itoa(r.Tier), fmtStr(r.Region), fmtDate(&r.ContractStart), fmtDate(r.ContractEnd),
			fmtMoney(r.CreditLimit), strings.TrimSpace(r.Currency), r.ContactName, r.ContactEmail, r.ContactPhone,
			fmtTime(&r.CreatedAt)}
		after = r.ID
	}
	return out, after, nil
}
