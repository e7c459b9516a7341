package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

type dealerRow struct {
	bun.BaseModel `bun:"table:dealers,alias:d"`

	ID            int64      `bun:"id,pk,autoincrement"`
	Code          string     `bun:"code"`
	Name          string     `bun:"name"`
	Kind          string     `bun:"kind"`
	ParentID      *int64     `bun:"parent_id"`
	Status        string     `bun:"status"`
	Tier          int        `bun:"tier"`
	HomeRegionID  *int64     `bun:"home_region_id"`
	ContractStart time.Time  `bun:"contract_start"`
	ContractEnd   *time.Time `bun:"contract_end"`
	CreditLimit   int64      `bun:"credit_limit"`
	Currency      string     `bun:"currency"`
	ContactName   string     `bun:"contact_name"`
	ContactEmail  string     `bun:"contact_email"`
	ContactPhone  string     `bun:"contact_phone"`
	CreatedAt     time.Time  `bun:"created_at"`
	UpdatedAt     time.Time  `bun:"updated_at"`
}

func (r dealerRow) dealer() channel.Dealer {
	d := channel.Dealer{
		ID: r.ID, Code: r.Code, Name: r.Name, Kind: channel.DealerKind(r.Kind),
		Status: channel.DealerStatus(r.Status), Tier: r.Tier,
		ContractStart: toDate(r.ContractStart), ContractEnd: toDatePtr(r.ContractEnd),
		CreditLimit: channel.Money{Minor: r.CreditLimit, Currency: strings.TrimSpace(r.Currency)},
		ContactName: r.ContactName, ContactEmail: r.ContactEmail, ContactPhone: r.ContactPhone,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if r.ParentID != nil {
		d.ParentID = *r.ParentID
	}
	if r.HomeRegionID != nil {
		d.HomeRegionID = *r.HomeRegionID
	}
	return d
}

var (
	dealerCode   = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]*$`)
	currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)
)

// DealerCreate is the input of CreateDealer.
type DealerCreate struct {
	IdempotencyKey *string
	Code           string
	Name           string
	Kind           channel.DealerKind
	ParentID       int64 // required for, and only for, a SUBDEALER
	Tier           *int  // default 3
	HomeRegionID   int64 // 0 = none
	ContractStart  time.Time
	ContractEnd    *time.Time
	CreditLimit    *channel.Money // default 0 EUR
	ContactName    string
	ContactEmail   string
	ContactPhone   string
}

// DealerUpdate changes the non-nil fields of a dealer.
type DealerUpdate struct {
	Name         *string
	Status       *channel.DealerStatus
	Tier         *int
	HomeRegionID *int64
	ContractEnd  *time.Time
	CreditLimit  *channel.Money
	ContactName  *string
	ContactEmail *string
	ContactPhone *string
}

func validMoney(field string, m channel.Money) error {
	if m.Minor < 0 {
		return invalid(field+".minor", "an amount of money cannot be negative")
	}
	if !currencyCode.MatchString(m.Currency) {
		return invalid(field+".currency", "a currency is three capital letters (ISO 4217)")
	}
	return nil
}

func validTier(t *int) error {
	if t != nil && (*t < 1 || *t > 5) {
		return invalid("input.tier", "the tier must be between 1 and 5")
	}
	return nil
}

func validDealerKind(k channel.DealerKind) bool {
	return k == channel.Distributor || k == channel.DealerKindDealer || k == channel.Subdealer
}

func validDealerStatus(k channel.DealerStatus) bool {
	return k == channel.DealerActive || k == channel.DealerSuspended || k == channel.DealerTerminated
}

// CreateDealer adds a partner.
func (s *Store) CreateDealer(ctx context.Context, in DealerCreate) (channel.Dealer, error) {
	in.Name = strings.TrimSpace(in.Name)
	switch {
	case !dealerCode.MatchString(in.Code):
		return channel.Dealer{}, invalid("input.code", "a dealer code is capital letters, digits and dashes, e.g. BG-01")
	case in.Name == "":
		return channel.Dealer{}, invalid("input.name", "the name must not be blank")
	case !validDealerKind(in.Kind):
		return channel.Dealer{}, invalid("input.kind", "unknown dealer kind %q", in.Kind)
	case in.Kind == channel.Subdealer && in.ParentID == 0:
		return channel.Dealer{}, invalid("input.parentId", "a sub-dealer needs the distributor it buys through")
	case in.Kind != channel.Subdealer && in.ParentID != 0:
		return channel.Dealer{}, invalid("input.parentId", "only a sub-dealer has a parent")
	case in.ContractStart.IsZero():
		return channel.Dealer{}, invalid("input.contractStart", "the contract start is required")
	case in.ContractEnd != nil && toDate(*in.ContractEnd).Before(toDate(in.ContractStart)):
		return channel.Dealer{}, invalid("input.contractEnd", "the contract cannot end before it starts")
	}
	if err := validTier(in.Tier); err != nil {
		return channel.Dealer{}, err
	}
	credit := channel.Money{Currency: "EUR"}
	if in.CreditLimit != nil {
		if err := validMoney("input.creditLimit", *in.CreditLimit); err != nil {
			return channel.Dealer{}, err
		}
		credit = *in.CreditLimit
	}
	tier := 3
	if in.Tier != nil {
		tier = *in.Tier
	}
	var out channel.Dealer
	err := s.idempotentTx(ctx, in.IdempotencyKey, "createDealer", in, &out, func(tx bun.Tx) error {
		id, err := func() (int64, error) {
			if in.ParentID != 0 {
				var kind string
				err := tx.NewSelect().Model((*dealerRow)(nil)).Column("kind").Where("id = ?", in.ParentID).Scan(ctx, &kind)
				if err != nil {
					return 0, dbErrorField(err, "input.parentId", "the parent dealer does not exist")
				}
				if kind != string(channel.Distributor) {
					return 0, invalid("input.parentId", "a sub-dealer's parent must be a distributor")
				}
			}
			row := dealerRow{
				Code: in.Code, Name: in.Name, Kind: string(in.Kind), ParentID: nullID(in.ParentID),
				Status: string(channel.DealerActive), Tier: tier, HomeRegionID: nullID(in.HomeRegionID),
				CreditLimit: credit.Minor, Currency: credit.Currency,
				ContactName: in.ContactName, ContactEmail: in.ContactEmail, ContactPhone: in.ContactPhone,
			}
			err := tx.NewRaw(`INSERT INTO dealers (code, name, kind, parent_id, status, tier, home_region_id,
				contract_start, contract_end, credit_limit, currency, contact_name, contact_email, contact_phone)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?) RETURNING id`,
				row.Code, row.Name, row.Kind, row.ParentID, row.Status, row.Tier, row.HomeRegionID,
				dateArg(in.ContractStart), dateArgPtr(in.ContractEnd), row.CreditLimit, row.Currency,
				row.ContactName, row.ContactEmail, row.ContactPhone).Scan(ctx, &row.ID)
			if err != nil {
				return 0, err
			}
			after, err := dealerTx(ctx, tx, row.ID)
			if err != nil {
				return 0, err
			}
			return row.ID, audit(ctx, tx, "create", "dealer", row.ID, nil, after)
		}()
		if err != nil {
			return err
		}
		out, err = dealerTx(ctx, tx, id)
		return err
	})
	if err != nil {
		return channel.Dealer{}, withValue(dbError(fmt.Errorf("create dealer %s: %w", in.Code, err), "dealer"), "input.code", in.Code)
	}
	return out, nil
}

// dbErrorField reports sql.ErrNoRows as bad input in field, for references
// the input names; other errors pass through.
func dbErrorField(err error, field, msg string) error {
	if err != nil && isNoRows(err) {
		return invalid(field, "%s", msg)
	}
	return err
}

func dealerTx(ctx context.Context, db bun.IDB, id int64) (channel.Dealer, error) {
	var row dealerRow
	if err := db.NewSelect().Model(&row).Where("d.id = ?", id).Scan(ctx); err != nil {
		return channel.Dealer{}, err
	}
	return row.dealer(), nil
}

// Dealer loads one dealer.
func (s *Store) Dealer(ctx context.Context, id int64) (channel.Dealer, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (channel.Dealer, error) {
		d, err := dealerTx(ctx, db, id)
		if err != nil {
			return channel.Dealer{}, dbError(fmt.Errorf("dealer %d: %w", id, err), "dealer")
		}
		return d, nil
	})
}

// UpdateDealer changes the given fields of a dealer.
func (s *Store) UpdateDealer(ctx context.Context, id int64, in DealerUpdate) (channel.Dealer, error) {
	if in.Name != nil && strings.TrimSpace(*in.Name) == "" {
		return channel.Dealer{}, invalid("input.name", "the name must not be blank")
	}
	if in.Status != nil && !validDealerStatus(*in.Status) {
		return channel.Dealer{}, invalid("input.status", "unknown status %q", *in.Status)
	}
	if err := validTier(in.Tier); err != nil {
		return channel.Dealer{}, err
	}
	if in.CreditLimit != nil {
		if err := validMoney("input.creditLimit", *in.CreditLimit); err != nil {
			return channel.Dealer{}, err
		}
	}
	var out, prev channel.Dealer
	err := s.InTx(ctx, func(tx bun.Tx) error {
		before, err := lockDealer(ctx, tx, id)
		if err != nil {
			return err
		}
		prev = before
		q := tx.NewUpdate().Model((*dealerRow)(nil)).Where("id = ?", id).Set("updated_at = now()")
		if in.Name != nil {
			q = q.Set("name = ?", strings.TrimSpace(*in.Name))
		}
		if in.Status != nil {
			q = q.Set("status = ?", string(*in.Status))
		}
		if in.Tier != nil {
			q = q.Set("tier = ?", *in.Tier)
		}
		if in.HomeRegionID != nil {
			q = q.Set("home_region_id = ?", nullID(*in.HomeRegionID))
		}
		if in.ContractEnd != nil {
			if toDate(*in.ContractEnd).Before(before.ContractStart) {
				return invalid("input.contractEnd", "the contract cannot end before it starts")
			}
			q = q.Set("contract_end = ?::date", dateArg(*in.ContractEnd))
		}
		if in.CreditLimit != nil {
			q = q.Set("credit_limit = ?", in.CreditLimit.Minor).Set("currency = ?", in.CreditLimit.Currency)
		}
		if in.ContactName != nil {
			q = q.Set("contact_name = ?", *in.ContactName)
		}
		if in.ContactEmail != nil {
			q = q.Set("contact_email = ?", *in.ContactEmail)
		}
		if in.ContactPhone != nil {
			q = q.Set("contact_phone = ?", *in.ContactPhone)
		}
		if _, err := q.Exec(ctx); err != nil {
			return err
		}
		if out, err = dealerTx(ctx, tx, id); err != nil {
			return err
		}
		return audit(ctx, tx, "update", "dealer", id, before, out)
	})
	if err != nil {
		return channel.Dealer{}, dbError(fmt.Errorf("update dealer %d: %w", id, err), "dealer")
	}
	// Status (a terminated dealer holds no protection or territory), tier
	// (it ranks suggestions) and name (explanations quote it) are facts of
	// the rules for every customer the dealer is named for.
	if out.Status != prev.Status || out.Tier != prev.Tier || out.Name != prev.Name {
		if err := s.reevaluateAfter(ctx, "the dealer", ReevalScope{DealerID: id, Active: true, DealsOnly: true}); err != nil {
			return channel.Dealer{}, err
		}
	}
	return out, nil
}

func lockDealer(ctx context.Context, tx bun.Tx, id int64) (channel.Dealer, error) {
	var row dealerRow
	if err := tx.NewSelect().Model(&row).Where("d.id = ?", id).For("UPDATE").Scan(ctx); err != nil {
		return channel.Dealer{}, err
	}
	return row.dealer(), nil
}

// DealerFilter narrows ListDealers; nil fields do not filter.
type DealerFilter struct {
	Kind     *channel.DealerKind
	Status   *channel.DealerStatus
	RegionID *int64 // home region in this region or below it
	Search   *string
	ParentID *int64
}

// Orderings of ListDealers.
const (
	DealerByName      = "NAME"
	DealerByCode      = "CODE"
	DealerByTier      = "TIER"
	DealerByCreatedAt = "CREATED_AT"
)

// Order is a field of a list's ordering and its direction.
type Order struct {
	Field string
	Desc  bool
}

var dealerSorts = map[string]sortSpec{
	DealerByName:      {name: DealerByName, expr: "d.name", cast: "text"},
	DealerByCode:      {name: DealerByCode, expr: "d.code", cast: "text"},
	DealerByTier:      {name: DealerByTier, expr: "d.tier", cast: "int"},
	DealerByCreatedAt: {name: DealerByCreatedAt, expr: "d.created_at", cast: "timestamptz"},
}

// likePattern escapes LIKE's wildcards so a search for "50%" finds "50%".
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.TrimSpace(s)) + "%"
}

// ListDealers returns one page of dealers matching f.
func (s *Store) ListDealers(ctx context.Context, f DealerFilter, o Order, p Page) (List[channel.Dealer], error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (List[channel.Dealer], error) {
		if o.Field == "" {
			o.Field = DealerByName
		}
		spec, ok := dealerSorts[o.Field]
		if !ok {
			return List[channel.Dealer]{}, invalid("orderBy.field", "unknown order %q", o.Field)
		}
		spec.desc = o.Desc
		var rows []dealerRow
		newQuery := func() *bun.SelectQuery {
			rows = rows[:0]
			q := narrow(ctx, db.NewSelect().Model(&rows), dealerItself)
			if f.Kind != nil {
				q = q.Where("d.kind = ?", string(*f.Kind))
			}
			if f.Status != nil {
				q = q.Where("d.status = ?", string(*f.Status))
			}
			if f.RegionID != nil {
				q = q.Where("d.home_region_id IN (SELECT id FROM regions WHERE path <@ (SELECT path FROM regions WHERE id = ?))", *f.RegionID)
			}
			if f.ParentID != nil {
				q = q.Where("d.parent_id = ?", *f.ParentID)
			}
			if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
				pat := likePattern(*f.Search)
				q = q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
					return q.Where("d.name ILIKE ?", pat).WhereOr("d.code ILIKE ?", pat)
				})
			}
			return q
		}
		cursors, total, more, err := listQuery(ctx, p, spec, "d.id", &rows, newQuery,
			func(r dealerRow) any {
				switch o.Field {
				case DealerByCode:
					return r.Code
				case DealerByTier:
					return r.Tier
				case DealerByCreatedAt:
					return r.CreatedAt
				}
				return r.Name
			},
			func(r dealerRow) int64 { return r.ID })
		if err != nil {
			return List[channel.Dealer]{}, dbError(fmt.Errorf("list dealers: %w", err), "dealer")
		}
		out := List[channel.Dealer]{Items: make([]channel.Dealer, len(rows)), Cursors: cursors, Total: total, HasNextPage: more}
		for i, r := range rows {
			out.Items[i] = r.dealer()
		}
		return out, nil
	})
}

// DealersByIDs loads dealers in one query; missing ids are absent.
func (s *Store) DealersByIDs(ctx context.Context, ids []int64) (map[int64]channel.Dealer, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]channel.Dealer, error) {
		var rows []dealerRow
		if err := narrow(ctx, db.NewSelect().Model(&rows), dealerItself).Where("d.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("dealers by id: %w", err)
		}
		out := make(map[int64]channel.Dealer, len(rows))
		for _, r := range rows {
			out[r.ID] = r.dealer()
		}
		return out, nil
	})
}

// SubDealersByParents loads the sub-dealers of several distributors in one
// query, each list by name.
func (s *Store) SubDealersByParents(ctx context.Context, parents []int64) (map[int64][]channel.Dealer, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64][]channel.Dealer, error) {
		var rows []dealerRow
		err := narrow(ctx, db.NewSelect().Model(&rows), dealerItself).Where("d.parent_id IN (?)", bun.In(parents)).OrderExpr("d.name, d.id").Scan(ctx)
		if err != nil {
			return nil, fmt.Errorf("sub-dealers: %w", err)
		}
		out := make(map[int64][]channel.Dealer, len(parents))
		for _, r := range rows {
			out[*r.ParentID] = append(out[*r.ParentID], r.dealer())
		}
		return out, nil
	})
}

// CustomerCountsByDealers counts the customers each dealer owns, in one query.
func (s *Store) CustomerCountsByDealers(ctx context.Context, dealers []int64) (map[int64]int, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]int, error) {
		var rows []struct {
			DealerID int64 `bun:"owner_dealer_id"`
			N        int   `bun:"n"`
		}
		scope, scopeArgs := narrowSQL(ctx, "owner_dealer_id = ?")
		err := db.NewRaw(`SELECT owner_dealer_id, count(*) AS n FROM customers
			WHERE owner_dealer_id IN (?)`+scope+` GROUP BY owner_dealer_id`, append([]any{bun.In(dealers)}, scopeArgs...)...).Scan(ctx, &rows)
		if err != nil {
			return nil, fmt.Errorf("customer counts: %w", err)
		}
		out := make(map[int64]int, len(dealers))
		for _, r := range rows {
			out[r.DealerID] = r.N
		}
		return out, nil
	})
}
