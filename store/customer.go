package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

type customerRow struct {
	bun.BaseModel `bun:"table:customers,alias:c"`

	ID               int64     `bun:"id,pk,autoincrement"`
	Name             string    `bun:"name"`
	NameNorm         string    `bun:"name_norm"`
	TaxID            *string   `bun:"tax_id"`
	TaxIDNorm        *string   `bun:"tax_id_norm"`
	RegionID         int64     `bun:"region_id"`
	Segment          string    `bun:"segment"`
	Size             string    `bun:"size"`
	KeyAccount       bool      `bun:"key_account"`
	KeyAccountReason string    `bun:"key_account_reason"`
	OwnerKind        string    `bun:"owner_kind"`
	OwnerDealerID    *int64    `bun:"owner_dealer_id"`
	OwnerSince       time.Time `bun:"owner_since"`
	CreatedAt        time.Time `bun:"created_at"`
	UpdatedAt        time.Time `bun:"updated_at"`
}

func (r customerRow) customer() channel.Customer {
	c := channel.Customer{
		ID: r.ID, Name: r.Name, NameNorm: r.NameNorm, RegionID: r.RegionID,
		Segment: channel.Segment(r.Segment), Size: channel.CustomerSize(r.Size),
		KeyAccount: r.KeyAccount, KeyAccountReason: r.KeyAccountReason,
		Owner:     channel.Owner{Kind: channel.OwnerKind(r.OwnerKind), Since: r.OwnerSince.UTC()},
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if r.TaxID != nil {
		c.TaxID = *r.TaxID
	}
	if r.TaxIDNorm != nil {
		c.TaxIDNorm = *r.TaxIDNorm
	}
	if r.OwnerDealerID != nil {
		c.Owner.DealerID = *r.OwnerDealerID
	}
	return c
}

type ownershipRow struct {
	bun.BaseModel `bun:"table:ownership_changes,alias:oc"`

	ID           int64     `bun:"id,pk,autoincrement"`
	CustomerID   int64     `bun:"customer_id"`
	FromKind     *string   `bun:"from_kind"`
	FromDealerID *int64    `bun:"from_dealer_id"`
	ToKind       string    `bun:"to_kind"`
	ToDealerID   *int64    `bun:"to_dealer_id"`
	How          string    `bun:"how"`
	Reason       string    `bun:"reason"`
	DecidedBy    string    `bun:"decided_by"`
	At           time.Time `bun:"at"`
}

func (r ownershipRow) change() channel.OwnershipChange {
	c := channel.OwnershipChange{
		ID: r.ID, CustomerID: r.CustomerID, ToKind: channel.OwnerKind(r.ToKind),
		How: channel.OwnershipHow(r.How), Reason: r.Reason, DecidedBy: r.DecidedBy, At: r.At.UTC(),
	}
	if r.FromKind != nil {
		c.FromKind = channel.OwnerKind(*r.FromKind)
	}
	if r.FromDealerID != nil {
		c.FromDealerID = *r.FromDealerID
	}
	if r.ToDealerID != nil {
		c.ToDealerID = *r.ToDealerID
	}
	return c
}

// CustomerCreate is the input of CreateCustomer.
type CustomerCreate struct {
	IdempotencyKey   *string
	Name             string
	TaxID            *string
	RegionID         int64
	Segment          channel.Segment
	Size             *channel.CustomerSize // default SMALL
	KeyAccount       bool
	KeyAccountReason string
	OwnerKind        channel.OwnerKind // default UNASSIGNED
	OwnerDealerID    int64
}

// CustomerUpdate changes the non-nil fields of a customer. An empty TaxID
// removes the tax id.
type CustomerUpdate struct {
	Name     *string
	TaxID    *string
	RegionID *int64
	Segment  *channel.Segment
	Size     *channel.CustomerSize
}

func validSegment(s channel.Segment) bool {
	for _, v := range channel.Segments {
		if v == s {
			return true
		}
	}
	return false
}

func validSize(s channel.CustomerSize) bool {
	return s == channel.Small || s == channel.Medium || s == channel.Large || s == channel.Enterprise
}

// validOwner checks an owner input; field is the input's path, e.g. "input.owner".
func validOwner(field string, kind channel.OwnerKind, dealerID int64) error {
	switch kind {
	case channel.OwnerDealer:
		if dealerID == 0 {
			return invalid(field+".dealerId", "a DEALER owner needs a dealerId")
		}
	case channel.OwnerDirect, channel.OwnerUnassigned:
		if dealerID != 0 {
			return invalid(field+".dealerId", "only a DEALER owner has a dealerId")
		}
	default:
		return invalid(field+".kind", "unknown owner kind %q", kind)
	}
	return nil
}

// requireDealer checks that an owner dealer exists and may take customers.
func requireDealer(ctx context.Context, db bun.IDB, field string, id int64) error {
	var status string
	err := db.NewSelect().Model((*dealerRow)(nil)).Column("status").Where("id = ?", id).Scan(ctx, &status)
	if isNoRows(err) {
		return invalid(field, "the dealer does not exist")
	} else if err != nil {
		return err
	}
	if status == string(channel.DealerTerminated) {
		return invalid(field, "the dealer's agreement is terminated")
	}
	return nil
}

// normTaxID returns the stored pair for a tax id: nil for none.
func normTaxID(taxID *string) (raw, norm *string, err error) {
	if taxID == nil || strings.TrimSpace(*taxID) == "" {
		return nil, nil, nil
	}
	t := strings.TrimSpace(*taxID)
	n := channel.NormalizeTaxID(t)
	if n == "" {
		return nil, nil, invalid("input.taxId", "a tax id needs letters or digits")
	}
	return &t, &n, nil
}

// CreateCustomer adds a customer and the INITIAL entry of its ownership
// history, in one transaction.
func (s *Store) CreateCustomer(ctx context.Context, in CustomerCreate) (channel.Customer, error) {
	in.Name = strings.TrimSpace(in.Name)
	if in.OwnerKind == "" {
		in.OwnerKind = channel.OwnerUnassigned
	}
	size := channel.Small
	if in.Size != nil {
		size = *in.Size
	}
	switch {
	case in.Name == "":
		return channel.Customer{}, invalid("input.name", "the name must not be blank")
	case in.RegionID == 0:
		return channel.Customer{}, invalid("input.regionId", "the region is required")
	case !validSegment(in.Segment):
		return channel.Customer{}, invalid("input.segment", "unknown segment %q", in.Segment)
	case !validSize(size):
		return channel.Customer{}, invalid("input.size", "unknown size %q", size)
	case in.KeyAccount && strings.TrimSpace(in.KeyAccountReason) == "":
		return channel.Customer{}, invalid("input.keyAccountReason", "a key account needs a reason")
	}
	if err := validOwner("input.owner", in.OwnerKind, in.OwnerDealerID); err != nil {
		return channel.Customer{}, err
	}
	taxID, taxNorm, err := normTaxID(in.TaxID)
	if err != nil {
		return channel.Customer{}, err
	}
	reason := ""
	if in.KeyAccount {
		reason = strings.TrimSpace(in.KeyAccountReason)
	}
	var out channel.Customer
	err = s.idempotentTx(ctx, in.IdempotencyKey, "createCustomer", in, &out, func(tx bun.Tx) error {
		id, err := func() (int64, error) {
			if in.OwnerKind == channel.OwnerDealer {
				if err := requireDealer(ctx, tx, "input.owner.dealerId", in.OwnerDealerID); err != nil {
					return 0, err
				}
			}
			now := s.now()
			row := customerRow{
				Name: in.Name, NameNorm: channel.NormalizeName(in.Name), TaxID: taxID, TaxIDNorm: taxNorm,
				RegionID: in.RegionID, Segment: string(in.Segment), Size: string(size),
				KeyAccount: in.KeyAccount, KeyAccountReason: reason,
				OwnerKind: string(in.OwnerKind), OwnerDealerID: nullID(in.OwnerDealerID),
				OwnerSince: now, CreatedAt: now, UpdatedAt: now,
			}
			if _, err := tx.NewInsert().Model(&row).ExcludeColumn("id").Returning("id").Exec(ctx); err != nil {
				return 0, err
			}
			change := ownershipRow{
				CustomerID: row.ID, ToKind: row.OwnerKind, ToDealerID: row.OwnerDealerID,
				How: string(channel.OwnershipInitial), At: now,
			}
			if _, err := tx.NewInsert().Model(&change).ExcludeColumn("id").Returning("id").Exec(ctx); err != nil {
				return 0, err
			}
			if err := audit(ctx, tx, "create", "customer", row.ID, nil, row.customer()); err != nil {
				return 0, err
			}
			// A new customer has no deals, but may look like one already
			// there (DUPLICATE_CUSTOMER).
			return row.ID, s.judge(ctx, tx, false, row.ID)
		}()
		if err != nil {
			return err
		}
		out, err = customerTx(ctx, tx, id, false)
		return err
	})
	if err != nil {
		return channel.Customer{}, dbError(fmt.Errorf("create customer: %w", err), "customer")
	}
	return out, nil
}

func customerTx(ctx context.Context, db bun.IDB, id int64, lock bool) (channel.Customer, error) {
	var row customerRow
	q := db.NewSelect().Model(&row).Where("c.id = ?", id)
	if lock {
		q = q.For("UPDATE")
	}
	if err := q.Scan(ctx); err != nil {
		return channel.Customer{}, err
	}
	return row.customer(), nil
}

// Customer loads one customer.
func (s *Store) Customer(ctx context.Context, id int64) (channel.Customer, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (channel.Customer, error) {
		c, err := customerTx(ctx, db, id, false)
		if err != nil {
			return channel.Customer{}, dbError(fmt.Errorf("customer %d: %w", id, err), "customer")
		}
		return c, nil
	})
}

// UpdateCustomer changes the given fields of a customer. Ownership changes
// only through TransferCustomer, so that each lands in the history.
func (s *Store) UpdateCustomer(ctx context.Context, id int64, in CustomerUpdate) (channel.Customer, error) {
	if in.Name != nil && strings.TrimSpace(*in.Name) == "" {
		return channel.Customer{}, invalid("input.name", "the name must not be blank")
	}
	if in.Segment != nil && !validSegment(*in.Segment) {
		return channel.Customer{}, invalid("input.segment", "unknown segment %q", *in.Segment)
	}
	if in.Size != nil && !validSize(*in.Size) {
		return channel.Customer{}, invalid("input.size", "unknown size %q", *in.Size)
	}
	var taxID, taxNorm *string
	if in.TaxID != nil {
		var err error
		if taxID, taxNorm, err = normTaxID(in.TaxID); err != nil {
			return channel.Customer{}, err
		}
	}
	var out channel.Customer
	err := s.InTx(ctx, func(tx bun.Tx) error {
		before, err := customerTx(ctx, tx, id, true)
		if err != nil {
			return err
		}
		q := tx.NewUpdate().Model((*customerRow)(nil)).Where("id = ?", id).Set("updated_at = ?", s.now())
		if in.Name != nil {
			name := strings.TrimSpace(*in.Name)
			q = q.Set("name = ?", name).Set("name_norm = ?", channel.NormalizeName(name))
		}
		if in.TaxID != nil {
			q = q.Set("tax_id = ?", taxID).Set("tax_id_norm = ?", taxNorm)
		}
		if in.RegionID != nil {
			q = q.Set("region_id = ?", *in.RegionID)
		}
		if in.Segment != nil {
			q = q.Set("segment = ?", string(*in.Segment))
		}
		if in.Size != nil {
			q = q.Set("size = ?", string(*in.Size))
		}
		if _, err := q.Exec(ctx); err != nil {
			return err
		}
		if out, err = customerTx(ctx, tx, id, false); err != nil {
			return err
		}
		if err := audit(ctx, tx, "update", "customer", id, before, out); err != nil {
			return err
		}
		// Name, region and segment are facts of every rule.
		return s.judge(ctx, tx, false, id)
	})
	if err != nil {
		return channel.Customer{}, dbError(fmt.Errorf("update customer %d: %w", id, err), "customer")
	}
	return out, nil
}

// SetKeyAccount marks or unmarks a key account; marking needs a reason.
func (s *Store) SetKeyAccount(ctx context.Context, id int64, key bool, reason string) (channel.Customer, error) {
	reason = strings.TrimSpace(reason)
	if key && reason == "" {
		return channel.Customer{}, invalid("input.reason", "a key account needs a reason")
	}
	if !key {
		reason = ""
	}
	var out channel.Customer
	err := s.InTx(ctx, func(tx bun.Tx) error {
		before, err := customerTx(ctx, tx, id, true)
		if err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model((*customerRow)(nil)).Where("id = ?", id).
			Set("key_account = ?", key).Set("key_account_reason = ?", reason).Set("updated_at = ?", s.now()).Exec(ctx)
		if err != nil {
			return err
		}
		if out, err = customerTx(ctx, tx, id, false); err != nil {
			return err
		}
		if err := audit(ctx, tx, "set_key_account", "customer", id, before, out); err != nil {
			return err
		}
		return s.judge(ctx, tx, true, id)
	})
	if err != nil {
		return channel.Customer{}, dbError(fmt.Errorf("set key account %d: %w", id, err), "customer")
	}
	return out, nil
}

// Transfer is the input of TransferCustomer.
type Transfer struct {
	IdempotencyKey *string
	CustomerID     int64
	ToKind         channel.OwnerKind
	ToDealerID     int64
	Reason         string
	How            channel.OwnershipHow // default TRANSFER
	DecidedBy      string
	OwnerField     string // input path of the new owner, for errors; default "input.to"
	ReasonField    string // default "input.reason"
}

// TransferCustomer hands a customer to a new owner: it appends the change to
// the ownership history and moves owner and owner_since in one transaction.
func (s *Store) TransferCustomer(ctx context.Context, in Transfer) (channel.Customer, channel.OwnershipChange, error) {
	if in.OwnerField == "" {
		in.OwnerField = "input.to"
	}
	if in.ReasonField == "" {
		in.ReasonField = "input.reason"
	}
	if in.How == "" {
		in.How = channel.OwnershipTransfer
	}
	in.Reason = strings.TrimSpace(in.Reason)
	if err := validOwner(in.OwnerField, in.ToKind, in.ToDealerID); err != nil {
		return channel.Customer{}, channel.OwnershipChange{}, err
	}
	if in.Reason == "" {
		return channel.Customer{}, channel.OwnershipChange{}, invalid(in.ReasonField, "a transfer needs a reason")
	}
	// The response a retry with the same key gets back.
	var res struct {
		Customer channel.Customer
		Change   channel.OwnershipChange
	}
	out, change := &res.Customer, &res.Change
	err := s.idempotentTx(ctx, in.IdempotencyKey, "transferCustomer", in, &res, func(tx bun.Tx) error {
		before, err := customerTx(ctx, tx, in.CustomerID, true)
		if err != nil {
			return err
		}
		if before.Owner.Kind == in.ToKind && before.Owner.DealerID == in.ToDealerID {
			return invalid(in.OwnerField, "the customer already has this owner")
		}
		if in.ToKind == channel.OwnerDealer {
			if err := requireDealer(ctx, tx, in.OwnerField+".dealerId", in.ToDealerID); err != nil {
				return err
			}
		}
		now := s.now()
		from := string(before.Owner.Kind)
		row := ownershipRow{
			CustomerID: in.CustomerID, FromKind: &from, FromDealerID: nullID(before.Owner.DealerID),
			ToKind: string(in.ToKind), ToDealerID: nullID(in.ToDealerID),
			How: string(in.How), Reason: in.Reason, DecidedBy: in.DecidedBy, At: now,
		}
		if _, err := tx.NewInsert().Model(&row).ExcludeColumn("id").Returning("id").Exec(ctx); err != nil {
			return err
		}
		*change = row.change()
		_, err = tx.NewUpdate().Model((*customerRow)(nil)).Where("id = ?", in.CustomerID).
			Set("owner_kind = ?", row.ToKind).Set("owner_dealer_id = ?", row.ToDealerID).
			Set("owner_since = ?", now).Set("updated_at = ?", now).Exec(ctx)
		if err != nil {
			return err
		}
		if *out, err = customerTx(ctx, tx, in.CustomerID, false); err != nil {
			return err
		}
		if err := audit(ctx, tx, "transfer", "customer", in.CustomerID, before, *change); err != nil {
			return err
		}
		// The owner is a fact of OWNERSHIP_CLAIM, DIRECT_BYPASS and
		// DUPLICATE_CUSTOMER.
		return s.judge(ctx, tx, false, in.CustomerID)
	})
	if err != nil {
		return channel.Customer{}, channel.OwnershipChange{}, dbError(fmt.Errorf("transfer customer %d: %w", in.CustomerID, err), "customer")
	}
	return res.Customer, res.Change, nil
}

// CustomerFilter narrows ListCustomers; nil fields do not filter.
type CustomerFilter struct {
	OwnerKind     *channel.OwnerKind
	OwnerDealerID *int64
	RegionID      *int64 // this region and every region below it
	Segment       *channel.Segment
	KeyAccount    *bool
	Search        *string // name (any script) or tax id
}

// Orderings of ListCustomers.
const (
	CustomerByName       = "NAME"
	CustomerByCreatedAt  = "CREATED_AT"
	CustomerByOwnerSince = "OWNER_SINCE"
)

var customerSorts = map[string]sortSpec{
	CustomerByName:       {name: CustomerByName, expr: "c.name", cast: "text"},
	CustomerByCreatedAt:  {name: CustomerByCreatedAt, expr: "c.created_at", cast: "timestamptz"},
	CustomerByOwnerSince: {name: CustomerByOwnerSince, expr: "c.owner_since", cast: "timestamptz"},
}

// ListCustomers returns one page of customers matching f.
func (s *Store) ListCustomers(ctx context.Context, f CustomerFilter, o Order, p Page) (List[channel.Customer], error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (List[channel.Customer], error) {
		if o.Field == "" {
			o.Field = CustomerByName
		}
		spec, ok := customerSorts[o.Field]
		if !ok {
			return List[channel.Customer]{}, invalid("orderBy.field", "unknown order %q", o.Field)
		}
		if v, ok := channel.ViewerFrom(ctx); (!ok || v.SeesAll()) && f.Search == nil && f.KeyAccount == nil && f.OwnerDealerID == nil {
			// What remains of the filter is the key of customer_owner_totals
			// (migration 0005, kept current by triggers): count there, not
			// over every customer.
			p.count = func(ctx context.Context) (int, error) {
				q := db.NewSelect().TableExpr("customer_owner_totals AS t").ColumnExpr("coalesce(sum(t.n), 0)")
				if f.OwnerKind != nil {
					q = q.Where("t.owner_kind = ?", string(*f.OwnerKind))
				}
				if f.Segment != nil {
					q = q.Where("t.segment = ?", string(*f.Segment))
				}
				if f.RegionID != nil {
					q = q.Where(regionUnder("t.region_id"), *f.RegionID)
				}
				var n int
				err := q.Scan(ctx, &n)
				return n, err
			}
		}
		ownPage := false
		if d, ok := dealerScope(ctx); ok && o.Field == CustomerByName && f.OwnerDealerID != nil && *f.OwnerDealerID == d &&
			(f.OwnerKind == nil || *f.OwnerKind == channel.OwnerDealer) &&
			f.RegionID == nil && f.Segment == nil && f.KeyAccount == nil && f.Search == nil {
			// A dealer's own accounts, the page it opens most: walk the
			// owner index (migration 0013 says why a function).
			p.count = func(ctx context.Context) (int, error) {
				var n int
				err := db.NewRaw("SELECT customers_owned_count()").Scan(ctx, &n)
				return n, err
			}
			p.ids = func(after *cursor, desc bool, limit int) (string, []any) {
				if after == nil {
					return "ARRAY(SELECT customers_owned_page(NULL, NULL, ?, ?))", []any{desc, limit}
				}
				return "ARRAY(SELECT customers_owned_page(?, ?, ?, ?))", []any{after.Key, after.ID, desc, limit}
			}
			// The page's rows are then read by id alone: with the owner
			// filter beside the ids the planner went back to the bitmap.
			// Row security still checks each of them.
			ownPage = true
		}
		spec.desc = o.Desc
		// The region's subtree as literal ids, which the planner can check
		// inside an index-only scan in name order (migration 0009).
		var regions any
		if f.RegionID != nil {
			var err error
			if regions, err = regionSubtree(ctx, db, *f.RegionID); err != nil {
				return List[channel.Customer]{}, fmt.Errorf("list customers: %w", err)
			}
		}
		p.idsFirst = true
		var rows []customerRow
		newQuery := func() *bun.SelectQuery {
			rows = rows[:0]
			if ownPage {
				return db.NewSelect().Model(&rows)
			}
			return f.where(ctx, db.NewSelect().Model(&rows), regions)
		}
		cursors, total, more, err := listQuery(ctx, p, spec, "c.id", &rows, newQuery,
			func(r customerRow) any {
				switch o.Field {
				case CustomerByCreatedAt:
					return r.CreatedAt
				case CustomerByOwnerSince:
					return r.OwnerSince
				}
				return r.Name
			},
			func(r customerRow) int64 { return r.ID })
		if err != nil {
			return List[channel.Customer]{}, dbError(fmt.Errorf("list customers: %w", err), "customer")
		}
		out := List[channel.Customer]{Items: make([]channel.Customer, len(rows)), Cursors: cursors, Total: total, HasNextPage: more}
		for i, r := range rows {
			out.Items[i] = r.customer()
		}
		return out, nil
	})
}

// CustomersByIDs loads customers in one query; missing ids are absent.
func (s *Store) CustomersByIDs(ctx context.Context, ids []int64) (map[int64]channel.Customer, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]channel.Customer, error) {
		var rows []customerRow
		if err := narrow(ctx, db.NewSelect().Model(&rows), customerOfDealer).Where("c.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("customers by id: %w", err)
		}
		out := make(map[int64]channel.Customer, len(rows))
		for _, r := range rows {
			out[r.ID] = r.customer()
		}
		return out, nil
	})
}

// OwnershipHistories loads the ownership history of several customers in
// one query, each oldest first.
func (s *Store) OwnershipHistories(ctx context.Context, customers []int64) (map[int64][]channel.OwnershipChange, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64][]channel.OwnershipChange, error) {
		var rows []ownershipRow
		err := db.NewSelect().Model(&rows).Where("oc.customer_id IN (?)", bun.In(customers)).
			OrderExpr("oc.customer_id, oc.at, oc.id").Scan(ctx)
		if err != nil {
			return nil, fmt.Errorf("ownership histories: %w", err)
		}
		out := make(map[int64][]channel.OwnershipChange, len(customers))
		for _, r := range rows {
			out[r.CustomerID] = append(out[r.CustomerID], r.change())
		}
		return out, nil
	})
}

// OwnershipChangesByIDs loads history entries by id, for node(id).
func (s *Store) OwnershipChangesByIDs(ctx context.Context, ids []int64) (map[int64]channel.OwnershipChange, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]channel.OwnershipChange, error) {
		var rows []ownershipRow
		if err := db.NewSelect().Model(&rows).Where("oc.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("ownership changes by id: %w", err)
		}
		out := make(map[int64]channel.OwnershipChange, len(rows))
		for _, r := range rows {
			out[r.ID] = r.change()
		}
		return out, nil
	})
}

// DealCount is how many deals a customer has, and how many are still open.
type DealCount struct {
	All  int
	Open int
}

// DealCountsByCustomers counts deals of several customers in one query.
func (s *Store) DealCountsByCustomers(ctx context.Context, customers []int64) (map[int64]DealCount, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]DealCount, error) {
		var rows []struct {
			CustomerID int64 `bun:"customer_id"`
			All        int   `bun:"n_all"`
			Open       int   `bun:"n_open"`
		}
		scope, scopeArgs := narrowSQL(ctx, dealOfDealer)
		err := db.NewRaw(`SELECT customer_id, count(*) AS n_all,
				count(*) FILTER (WHERE stage IN ('PENDING_APPROVAL', 'REGISTERED', 'QUOTED')) AS n_open
			FROM deals dl WHERE customer_id IN (?)`+scope+` GROUP BY customer_id`, append([]any{bun.In(customers)}, scopeArgs...)...).Scan(ctx, &rows)
		if err != nil {
			return nil, fmt.Errorf("deal counts: %w", err)
		}
		out := make(map[int64]DealCount, len(customers))
		for _, r := range rows {
			out[r.CustomerID] = DealCount{All: r.All, Open: r.Open}
		}
		return out, nil
	})
}

// where narrows q (over customers AS c) to the viewer's customers that
// match f; the list and the CSV export filter alike. regions is the subtree
// of f.RegionID (regionSubtree): literal ids the planner can check inside
// an index-only scan (migration 0009).
func (f CustomerFilter) where(ctx context.Context, q *bun.SelectQuery, regions any) *bun.SelectQuery {
	q = narrow(ctx, q, customerOfDealer)
	if f.OwnerKind != nil {
		q = q.Where("c.owner_kind = ?", string(*f.OwnerKind))
	}
	if f.OwnerDealerID != nil {
		q = q.Where("c.owner_dealer_id = ?", *f.OwnerDealerID)
	}
	if f.RegionID != nil {
		q = q.Where("c.region_id = ANY (?::bigint[])", regions)
	}
	if f.Segment != nil {
		q = q.Where("c.segment = ?", string(*f.Segment))
	}
	if f.KeyAccount != nil {
		q = q.Where("c.key_account = ?", *f.KeyAccount)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		search := strings.TrimSpace(*f.Search)
		// By name, normalised name or tax id, each through its index
		// (customers_matching, migration 0009, says why a function).
		normPattern := ""
		if norm := channel.NormalizeName(search); norm != "" {
			normPattern = likePattern(norm)
		}
		q = q.Where("c.id IN (SELECT customers_matching(?, ?, ?))", likePattern(search), normPattern, channel.NormalizeTaxID(search))
	}
	return q
}
