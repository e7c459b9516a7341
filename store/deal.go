package store

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

type dealRow struct {
	bun.BaseModel `bun:"table:deals,alias:dl"`

	ID             int64      `bun:"id,pk,autoincrement"`
	CustomerID     int64      `bun:"customer_id"`
	ChannelKind    string     `bun:"channel_kind"`
	DealerID       *int64     `bun:"dealer_id"`
	ProductLineID  int64      `bun:"product_line_id"`
	Quantity       int        `bun:"quantity"`
	UnitPrice      int64      `bun:"unit_price"`
	Amount         int64      `bun:"amount"`
	Currency       string     `bun:"currency"`
	Stage          string     `bun:"stage"`
	PrepaidAmount  int64      `bun:"prepaid_amount"`
	ExpectedClose  *time.Time `bun:"expected_close"`
	RegisteredAt   time.Time  `bun:"registered_at"`
	ProtectedUntil *time.Time `bun:"protected_until"`
	ClosedAt       *time.Time `bun:"closed_at"`
	CloseReason    string     `bun:"close_reason"`
	CreatedAt      time.Time  `bun:"created_at"`
	UpdatedAt      time.Time  `bun:"updated_at"`
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func (r dealRow) deal() channel.Deal {
	d := channel.Deal{
		ID: r.ID, CustomerID: r.CustomerID, Channel: channel.ChannelKind(r.ChannelKind),
		ProductLineID: r.ProductLineID, Quantity: r.Quantity, UnitPrice: r.UnitPrice, Amount: r.Amount,
		Currency: strings.TrimSpace(r.Currency), Stage: channel.DealStage(r.Stage), Prepaid: r.PrepaidAmount,
		ExpectedClose: toDatePtr(r.ExpectedClose), RegisteredAt: r.RegisteredAt.UTC(),
		ProtectedUntil: utcPtr(r.ProtectedUntil), ClosedAt: utcPtr(r.ClosedAt), CloseReason: r.CloseReason,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if r.DealerID != nil {
		d.DealerID = *r.DealerID
	}
	return d
}

// defaultProtectionDays applies when a year has no policy; it is the
// policies table's default.
const defaultProtectionDays = 90

// DealRegister is the input of RegisterDeal.
type DealRegister struct {
	IdempotencyKey *string
	CustomerID     int64
	Channel        channel.ChannelKind
	DealerID       int64 // required for, and only for, the DEALER channel
	ProductLineID  int64
	Quantity       int
	UnitPrice      channel.Money
	Prepaid        *channel.Money
	ExpectedClose  *time.Time
}

// DealUpdate changes the non-nil fields of an open deal.
type DealUpdate struct {
	Quantity      *int
	UnitPrice     *channel.Money
	Prepaid       *channel.Money
	ExpectedClose *time.Time
	Stage         *channel.DealStage // only QUOTED
}

// dealAmount is quantity × unit price, refusing overflow rather than
// storing a wrapped-around number.
func dealAmount(qty int, unit int64) (int64, error) {
	if unit != 0 && int64(qty) > math.MaxInt64/unit {
		return 0, invalid("input.quantity", "quantity × unit price is too large")
	}
	return int64(qty) * unit, nil
}

// policyTx loads a year's policy without floors and tiers; ok is false when
// the year has none.
func policyTx(ctx context.Context, db bun.IDB, year int) (p policyRow, ok bool, err error) {
	err = db.NewSelect().Model(&p).Where("year = ?", year).Scan(ctx)
	if isNoRows(err) {
		return p, false, nil
	}
	return p, err == nil, err
}

// RegisterDeal records a deal. With the year's policy requiring approval it
// waits in PENDING_APPROVAL; otherwise it is REGISTERED and protected for
// the policy's days — unless another channel already holds a protected
// registration for the customer and product line: first to register keeps
// protection. The conflict rules judge the customer in the same
// transaction, after taking the customer's writer lock.
func (s *Store) RegisterDeal(ctx context.Context, in DealRegister) (channel.Deal, error) {
	switch {
	case in.Channel != channel.ChannelDealer && in.Channel != channel.ChannelDirect:
		return channel.Deal{}, invalid("input.channel.kind", "unknown channel %q", in.Channel)
	case in.Channel == channel.ChannelDealer && in.DealerID == 0:
		return channel.Deal{}, invalid("input.channel.dealerId", "a DEALER channel needs a dealerId")
	case in.Channel == channel.ChannelDirect && in.DealerID != 0:
		return channel.Deal{}, invalid("input.channel.dealerId", "a DIRECT deal has no dealer")
	case in.Quantity <= 0:
		return channel.Deal{}, invalid("input.quantity", "the quantity must be positive")
	}
	if err := validMoney("input.unitPrice", in.UnitPrice); err != nil {
		return channel.Deal{}, err
	}
	amount, err := dealAmount(in.Quantity, in.UnitPrice.Minor)
	if err != nil {
		return channel.Deal{}, err
	}
	var prepaid int64
	if in.Prepaid != nil {
		if err := validMoney("input.prepaid", *in.Prepaid); err != nil {
			return channel.Deal{}, err
		}
		if in.Prepaid.Currency != in.UnitPrice.Currency {
			return channel.Deal{}, invalid("input.prepaid.currency", "the prepayment must be in the deal's currency %s", in.UnitPrice.Currency)
		}
		if in.Prepaid.Minor > amount {
			return channel.Deal{}, invalid("input.prepaid", "the prepaid amount cannot exceed the deal's amount")
		}
		prepaid = in.Prepaid.Minor
	}
	var out channel.Deal
	err = s.idempotentTx(ctx, in.IdempotencyKey, "registerDeal", in, &out, func(tx bun.Tx) error {
		id, err := func() (int64, error) {
			// The customer's writer lock comes first, and the clock is read
			// after it: registration order is the order the locks were
			// granted, so "first to register" is well defined under load.
			if err := lockCustomers(ctx, tx, in.CustomerID); err != nil {
				return 0, err
			}
			now := s.now()
			pol, ok, err := policyTx(ctx, tx, now.Year())
			if err != nil {
				return 0, err
			}
			days, approval := defaultProtectionDays, false
			if ok {
				if strings.TrimSpace(pol.Currency) != in.UnitPrice.Currency {
					return 0, invalid("input.unitPrice.currency", "the %d policy prices deals in %s", pol.Year, strings.TrimSpace(pol.Currency))
				}
				days, approval = pol.RegistrationProtectionDays, pol.RegistrationRequiresApproval
			}
			if in.DealerID != 0 {
				if err := requireDealer(ctx, tx, "input.channel.dealerId", in.DealerID); err != nil {
					return 0, err
				}
			}
			row := dealRow{
				CustomerID: in.CustomerID, ChannelKind: string(in.Channel), DealerID: nullID(in.DealerID),
				ProductLineID: in.ProductLineID, Quantity: in.Quantity, UnitPrice: in.UnitPrice.Minor,
				Amount: amount, Currency: in.UnitPrice.Currency, PrepaidAmount: prepaid,
				RegisteredAt: now, CreatedAt: now, UpdatedAt: now, Stage: string(channel.StageRegistered),
			}
			if approval {
				row.Stage = string(channel.StagePendingApproval)
			} else if held, err := protectionHeldByOther(ctx, tx, in.CustomerID, in.ProductLineID, in.Channel, in.DealerID, now); err != nil {
				return 0, err
			} else if !held {
				until := now.AddDate(0, 0, days)
				row.ProtectedUntil = &until
			}
			err = tx.NewRaw(`INSERT INTO deals (customer_id, channel_kind, dealer_id, product_line_id, quantity,
				unit_price, amount, currency, stage, prepaid_amount, expected_close, registered_at, protected_until,
				created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?, ?, ?, ?) RETURNING id`,
				row.CustomerID, row.ChannelKind, row.DealerID, row.ProductLineID, row.Quantity,
				row.UnitPrice, row.Amount, row.Currency, row.Stage, row.PrepaidAmount, dateArgPtr(in.ExpectedClose),
				row.RegisteredAt, row.ProtectedUntil, row.CreatedAt, row.UpdatedAt).Scan(ctx, &row.ID)
			if err != nil {
				return 0, err
			}
			if err := audit(ctx, tx, "register", "deal", row.ID, nil, row.deal()); err != nil {
				return 0, err
			}
			return row.ID, s.judge(ctx, tx, true, row.CustomerID)
		}()
		if err != nil {
			return err
		}
		out, err = dealTx(ctx, tx, id, false)
		return err
	})
	if err != nil {
		return channel.Deal{}, dbError(fmt.Errorf("register deal: %w", err), "deal")
	}
	return out, nil
}

func dealTx(ctx context.Context, db bun.IDB, id int64, lock bool) (channel.Deal, error) {
	var row dealRow
	q := db.NewSelect().Model(&row).Where("dl.id = ?", id)
	if lock {
		q = q.For("UPDATE")
	}
	if err := q.Scan(ctx); err != nil {
		return channel.Deal{}, err
	}
	return row.deal(), nil
}

// Deal loads one deal.
func (s *Store) Deal(ctx context.Context, id int64) (channel.Deal, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (channel.Deal, error) {
		d, err := dealTx(ctx, db, id, false)
		if err != nil {
			return channel.Deal{}, dbError(fmt.Errorf("deal %d: %w", id, err), "deal")
		}
		return d, nil
	})
}

// changeDeal locks a deal, lets change update it, and audits the change.
func (s *Store) changeDeal(ctx context.Context, id int64, action string, change func(tx bun.Tx, d channel.Deal) error) (channel.Deal, error) {
	var out channel.Deal
	err := s.InTx(ctx, func(tx bun.Tx) error {
		// Customer first, then the deal: the lock order of every writer.
		if _, err := lockDealCustomer(ctx, tx, id); err != nil {
			return err
		}
		before, err := dealTx(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if err := change(tx, before); err != nil {
			return err
		}
		if out, err = dealTx(ctx, tx, id, false); err != nil {
			return err
		}
		if err := audit(ctx, tx, action, "deal", id, before, out); err != nil {
			return err
		}
		return s.judge(ctx, tx, true, out.CustomerID)
	})
	if err != nil {
		return channel.Deal{}, dbError(fmt.Errorf("%s deal %d: %w", action, id, err), "deal")
	}
	return out, nil
}

// ApproveDeal registers a deal that waited for approval and starts its
// protection window, unless another channel already protects the pair.
func (s *Store) ApproveDeal(ctx context.Context, id int64) (channel.Deal, error) {
	return s.changeDeal(ctx, id, "approve", func(tx bun.Tx, d channel.Deal) error {
		if d.Stage != channel.StagePendingApproval {
			return conflict("only a deal pending approval can be approved; this one is %s", d.Stage)
		}
		now := s.now()
		days := defaultProtectionDays
		pol, ok, err := policyTx(ctx, tx, d.RegisteredAt.Year())
		if err != nil {
			return err
		} else if ok {
			days = pol.RegistrationProtectionDays
		}
		// As at registration, protection goes to the first: approving a
		// deal for a pair another channel already protects registers it
		// without a window of its own (see protectionHeldByOther).
		held, err := protectionHeldByOther(ctx, tx, d.CustomerID, d.ProductLineID, d.Channel, d.DealerID, now)
		if err != nil {
			return err
		}
		var until *time.Time
		if !held {
			u := now.AddDate(0, 0, days)
			until = &u
		}
		_, err = tx.NewUpdate().Model((*dealRow)(nil)).Where("id = ?", id).
			Set("stage = ?", string(channel.StageRegistered)).
			Set("protected_until = ?", until).Set("updated_at = ?", now).Exec(ctx)
		return err
	})
}

// RejectDeal refuses a registration waiting for approval: the deal is
// CANCELLED with the reason.
func (s *Store) RejectDeal(ctx context.Context, id int64, reason string) (channel.Deal, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return channel.Deal{}, invalid("input.reason", "a rejection needs a reason")
	}
	return s.changeDeal(ctx, id, "reject", func(tx bun.Tx, d channel.Deal) error {
		if d.Stage != channel.StagePendingApproval {
			return conflict("only a deal pending approval can be rejected; this one is %s", d.Stage)
		}
		now := s.now()
		_, err := tx.NewUpdate().Model((*dealRow)(nil)).Where("id = ?", id).
			Set("stage = ?", string(channel.StageCancelled)).Set("close_reason = ?", reason).
			Set("closed_at = ?", now).Set("updated_at = ?", now).Exec(ctx)
		return err
	})
}

// UpdateDeal changes an open deal; the amount follows quantity and price.
func (s *Store) UpdateDeal(ctx context.Context, id int64, in DealUpdate) (channel.Deal, error) {
	if in.Quantity != nil && *in.Quantity <= 0 {
		return channel.Deal{}, invalid("input.quantity", "the quantity must be positive")
	}
	if in.UnitPrice != nil {
		if err := validMoney("input.unitPrice", *in.UnitPrice); err != nil {
			return channel.Deal{}, err
		}
	}
	if in.Prepaid != nil {
		if err := validMoney("input.prepaid", *in.Prepaid); err != nil {
			return channel.Deal{}, err
		}
	}
	if in.Stage != nil && *in.Stage != channel.StageQuoted {
		return channel.Deal{}, invalid("input.stage", "an update can only move a deal to QUOTED; use closeDeal, approveDeal or rejectDeal")
	}
	return s.changeDeal(ctx, id, "update", func(tx bun.Tx, d channel.Deal) error {
		if !d.Stage.Open() {
			return conflict("closed deals cannot be updated; this one is %s", d.Stage)
		}
		if in.Stage != nil && d.Stage == channel.StagePendingApproval {
			return conflict("a deal pending approval cannot be quoted before it is approved")
		}
		qty, unit, prepaid := d.Quantity, d.UnitPrice, d.Prepaid
		if in.Quantity != nil {
			qty = *in.Quantity
		}
		if in.UnitPrice != nil {
			if in.UnitPrice.Currency != d.Currency {
				return invalid("input.unitPrice.currency", "the deal is in %s", d.Currency)
			}
			unit = in.UnitPrice.Minor
		}
		if in.Prepaid != nil {
			if in.Prepaid.Currency != d.Currency {
				return invalid("input.prepaid.currency", "the deal is in %s", d.Currency)
			}
			prepaid = in.Prepaid.Minor
		}
		amount, err := dealAmount(qty, unit)
		if err != nil {
			return err
		}
		if prepaid > amount {
			return invalid("input.prepaid", "the prepaid amount cannot exceed the deal's amount")
		}
		q := tx.NewUpdate().Model((*dealRow)(nil)).Where("id = ?", id).
			Set("quantity = ?", qty).Set("unit_price = ?", unit).Set("amount = ?", amount).
			Set("prepaid_amount = ?", prepaid).Set("updated_at = ?", s.now())
		if in.ExpectedClose != nil {
			q = q.Set("expected_close = ?::date", dateArg(*in.ExpectedClose))
		}
		if in.Stage != nil {
			q = q.Set("stage = ?", string(*in.Stage))
		}
		_, err = q.Exec(ctx)
		return err
	})
}

// CloseDeal ends an open deal as WON, LOST or CANCELLED.
func (s *Store) CloseDeal(ctx context.Context, id int64, outcome channel.DealStage, reason string) (channel.Deal, error) {
	if outcome != channel.StageWon && outcome != channel.StageLost && outcome != channel.StageCancelled {
		return channel.Deal{}, invalid("input.outcome", "a deal closes as WON, LOST or CANCELLED")
	}
	reason = strings.TrimSpace(reason)
	return s.changeDeal(ctx, id, "close", func(tx bun.Tx, d channel.Deal) error {
		if !d.Stage.Open() {
			return conflict("the deal is already closed as %s", d.Stage)
		}
		now := s.now()
		_, err := tx.NewUpdate().Model((*dealRow)(nil)).Where("id = ?", id).
			Set("stage = ?", string(outcome)).Set("close_reason = ?", reason).
			Set("closed_at = ?", now).Set("updated_at = ?", now).Exec(ctx)
		return err
	})
}

// DealFilter narrows ListDeals; nil fields do not filter.
type DealFilter struct {
	Stages        []channel.DealStage
	ChannelKind   *channel.ChannelKind
	DealerID      *int64
	CustomerID    *int64
	ProductLineID *int64
	RegionID      *int64 // customers in this region or below it
	OpenOnly      *bool
}

// Orderings of ListDeals.
const (
	DealByRegisteredAt  = "REGISTERED_AT"
	DealByAmount        = "AMOUNT"
	DealByExpectedClose = "EXPECTED_CLOSE"
)

var dealSorts = map[string]sortSpec{
	DealByRegisteredAt:  {name: DealByRegisteredAt, expr: "dl.registered_at", cast: "timestamptz"},
	DealByAmount:        {name: DealByAmount, expr: "dl.amount", cast: "bigint"},
	DealByExpectedClose: {name: DealByExpectedClose, expr: "coalesce(dl.expected_close, 'infinity'::date)", cast: "date"},
}

// apply adds the filter's conditions to q, whose deals alias is dl. The
// deal list and the CSV export share it, so an export holds exactly the
// rows the list shows.
func (f DealFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if len(f.Stages) > 0 {
		stages := make([]string, len(f.Stages))
		for i, st := range f.Stages {
			stages[i] = string(st)
		}
		q = q.Where("dl.stage IN (?)", bun.In(stages))
	}
	if f.ChannelKind != nil {
		q = q.Where("dl.channel_kind = ?", string(*f.ChannelKind))
	}
	if f.DealerID != nil {
		q = q.Where("dl.dealer_id = ?", *f.DealerID)
	}
	if f.CustomerID != nil {
		q = q.Where("dl.customer_id = ?", *f.CustomerID)
	}
	if f.ProductLineID != nil {
		q = q.Where("dl.product_line_id = ?", *f.ProductLineID)
	}
	if f.RegionID != nil {
		q = q.Where("dl.customer_id IN (SELECT id FROM customers WHERE "+regionUnder("region_id")+")", *f.RegionID)
	}
	if f.OpenOnly != nil && *f.OpenOnly {
		q = q.Where("dl.stage IN " + openStagesSQL)
	}
	return q
}

// ListDeals returns one page of deals matching f; by default the newest
// registrations first.
func (s *Store) ListDeals(ctx context.Context, f DealFilter, o Order, p Page) (List[channel.Deal], error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (List[channel.Deal], error) {
		if o.Field == "" {
			o = Order{Field: DealByRegisteredAt, Desc: true}
		}
		spec, ok := dealSorts[o.Field]
		if !ok {
			return List[channel.Deal]{}, invalid("orderBy.field", "unknown order %q", o.Field)
		}
		spec.desc = o.Desc
		var rows []dealRow
		newQuery := func() *bun.SelectQuery {
			rows = rows[:0]
			return f.apply(narrow(ctx, db.NewSelect().Model(&rows), dealOfDealer))
		}
		cursors, total, more, err := listQuery(ctx, p, spec, "dl.id", &rows, newQuery,
			func(r dealRow) any {
				switch o.Field {
				case DealByAmount:
					return r.Amount
				case DealByExpectedClose:
					if r.ExpectedClose == nil {
						return "infinity"
					}
					return r.ExpectedClose.Format(time.DateOnly)
				}
				return r.RegisteredAt
			},
			func(r dealRow) int64 { return r.ID })
		if err != nil {
			return List[channel.Deal]{}, dbError(fmt.Errorf("list deals: %w", err), "deal")
		}
		out := List[channel.Deal]{Items: make([]channel.Deal, len(rows)), Cursors: cursors, Total: total, HasNextPage: more}
		for i, r := range rows {
			out.Items[i] = r.deal()
		}
		return out, nil
	})
}

// DealsByIDs loads deals in one query; missing ids are absent.
func (s *Store) DealsByIDs(ctx context.Context, ids []int64) (map[int64]channel.Deal, error) {
	return viewed(s, ctx, func(ctx context.Context, db bun.IDB) (map[int64]channel.Deal, error) {
		var rows []dealRow
		if err := narrow(ctx, db.NewSelect().Model(&rows), dealOfDealer).Where("dl.id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("deals by id: %w", err)
		}
		out := make(map[int64]channel.Deal, len(rows))
		for _, r := range rows {
			out[r.ID] = r.deal()
		}
		return out, nil
	})
}
