package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The physical limit: the two shared questions as hand-written SQL through
// pgx (extended protocol, cached prepared statements), answered as JSON.
// sqlTransport plugs them into vegeta's attacker in place of the network, so
// the raw side is paced, timed and counted exactly like the HTTP sides.

// rawSQLBase is the pretend host of the raw-SQL side's targets.
const rawSQLBase = "http://rawsql.invalid/"

type sqlTransport struct{ pool *pgxpool.Pool }

func (t sqlTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
	q := req.URL.Query()
	id, err := strconv.ParseInt(q.Get("id"), 10, 64)
	var v any
	if err == nil {
		switch q.Get("op") {
		case OpDealerCustomers:
			v, err = sqlDealerCustomers(req.Context(), t.pool, id)
		case OpCustomerDetail:
			v, err = sqlCustomerDetail(req.Context(), t.pool, id)
		default:
			err = fmt.Errorf("raw SQL has no question %q", q.Get("op"))
		}
	}
	code, body := http.StatusOK, []byte(nil)
	if err == nil {
		body, err = json.Marshal(map[string]any{"data": v})
	}
	if err != nil {
		code, body = http.StatusInternalServerError, []byte(err.Error())
	}
	return &http.Response{
		Status: strconv.Itoa(code) + " " + http.StatusText(code), StatusCode: code,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": []string{"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}, nil
}

type sqlDealerRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Code string `json:"code,omitempty"`
}

type sqlRegion struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Path string `json:"path"`
}

type sqlOwner struct {
	Kind   string        `json:"kind"`
	Since  time.Time     `json:"since"`
	Dealer *sqlDealerRef `json:"dealer"`
}

type sqlCustomer struct {
	ID                int64     `json:"id"`
	Name              string    `json:"name"`
	TaxID             *string   `json:"taxId"`
	Country           *string   `json:"country"`
	Segment           string    `json:"segment"`
	Size              string    `json:"size"`
	KeyAccount        bool      `json:"keyAccount"`
	KeyAccountReason  string    `json:"keyAccountReason"`
	DealCount         int       `json:"dealCount"`
	OpenDealCount     *int      `json:"openDealCount,omitempty"`
	OpenConflictCount *int      `json:"openConflictCount,omitempty"`
	CreatedAt         time.Time `json:"createdAt"`
	Region            sqlRegion `json:"region"`
	Owner             sqlOwner  `json:"owner"`
}

// scanCustomer reads the columns customerColumns lists, then extra.
func scanCustomer(row pgx.Row, extra ...any) (sqlCustomer, error) {
	var c sqlCustomer
	var dealerID *int64
	var dealerName, dealerCode *string
	err := row.Scan(append([]any{&c.ID, &c.Name, &c.TaxID, &c.Country, &c.Segment, &c.Size, &c.KeyAccount,
		&c.KeyAccountReason, &c.CreatedAt, &c.Region.ID, &c.Region.Name, &c.Region.Path,
		&c.Owner.Kind, &c.Owner.Since, &dealerID, &dealerName, &dealerCode, &c.DealCount}, extra...)...)
	if dealerID != nil {
		c.Owner.Dealer = &sqlDealerRef{ID: *dealerID, Name: *dealerName, Code: *dealerCode}
	}
	return c, err
}

const customerColumns = `c.id, c.name, c.tax_id, r.country, c.segment, c.size, c.key_account, c.key_account_reason,
	c.created_at, r.id, r.name, r.path::text, c.owner_kind, c.owner_since, d.id, d.name, d.code,
	(SELECT count(*) FROM deals x WHERE x.customer_id = c.id)`

// sqlDealerCustomers is the dealer's first page of 50 accounts by name, with
// owner, region, deal count, open-conflict count and the total: one
// statement.
func sqlDealerCustomers(ctx context.Context, pool *pgxpool.Pool, dealerID int64) (any, error) {
	rows, err := pool.Query(ctx, `SELECT `+customerColumns+`,
			(SELECT count(*) FROM conflicts cf WHERE cf.customer_ids @> ARRAY[c.id] AND cf.status IN ('OPEN', 'ACKNOWLEDGED')),
			count(*) OVER ()
		FROM customers c JOIN regions r ON r.id = c.region_id LEFT JOIN dealers d ON d.id = c.owner_dealer_id
		WHERE c.owner_dealer_id = $1
		ORDER BY c.name, c.id LIMIT 51`, dealerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out struct {
		TotalCount  int           `json:"totalCount"`
		HasNextPage bool          `json:"hasNextPage"`
		Nodes       []sqlCustomer `json:"nodes"`
	}
	for rows.Next() {
		var open int
		c, err := scanCustomer(rows, &open, &out.TotalCount)
		if err != nil {
			return nil, err
		}
		c.OpenConflictCount = &open
		out.Nodes = append(out.Nodes, c)
	}
	if len(out.Nodes) > 50 {
		out.Nodes, out.HasNextPage = out.Nodes[:50], true
	}
	return out, rows.Err()
}

type sqlOwnershipChange struct {
	ID         int64         `json:"id"`
	FromKind   *string       `json:"fromKind"`
	FromDealer *sqlDealerRef `json:"fromDealer"`
	ToKind     string        `json:"toKind"`
	ToDealer   *sqlDealerRef `json:"toDealer"`
	How        string        `json:"how"`
	Reason     string        `json:"reason"`
	DecidedBy  string        `json:"decidedBy"`
	At         time.Time     `json:"at"`
}

type sqlDeal struct {
	ID           int64         `json:"id"`
	Stage        string        `json:"stage"`
	RegisteredAt time.Time     `json:"registeredAt"`
	ProductLine  sqlDealerRef  `json:"productLine"`
	Amount       int64         `json:"amount"`
	Currency     string        `json:"currency"`
	ChannelKind  string        `json:"channelKind"`
	Dealer       *sqlDealerRef `json:"dealer"`
}

func dealerRef(id *int64, name *string) *sqlDealerRef {
	if id == nil {
		return nil
	}
	return &sqlDealerRef{ID: *id, Name: *name}
}

// sqlCustomerDetail is a customer with owner and region, its ownership
// history and its 20 newest deals with the total: three statements in one
// round trip (a pgx batch).
func sqlCustomerDetail(ctx context.Context, pool *pgxpool.Pool, id int64) (any, error) {
	b := &pgx.Batch{}
	var out struct {
		sqlCustomer
		History []sqlOwnershipChange `json:"ownershipHistory"`
		Deals   []sqlDeal            `json:"deals"`
	}
	var open int
	b.Queue(`SELECT `+customerColumns+`,
			(SELECT count(*) FROM deals x WHERE x.customer_id = c.id AND x.stage NOT IN ('WON', 'LOST', 'CANCELLED'))
		FROM customers c JOIN regions r ON r.id = c.region_id LEFT JOIN dealers d ON d.id = c.owner_dealer_id
		WHERE c.id = $1`, id).QueryRow(func(row pgx.Row) error {
		c, err := scanCustomer(row, &open)
		out.sqlCustomer, out.OpenDealCount = c, &open
		return err
	})
	b.Queue(`SELECT oc.id, oc.from_kind, fd.id, fd.name, oc.to_kind, td.id, td.name, oc.how, oc.reason, oc.decided_by, oc.at
		FROM ownership_changes oc LEFT JOIN dealers fd ON fd.id = oc.from_dealer_id LEFT JOIN dealers td ON td.id = oc.to_dealer_id
		WHERE oc.customer_id = $1 ORDER BY oc.at, oc.id`, id).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var h sqlOwnershipChange
			var fromID, toID *int64
			var fromName, toName *string
			if err := rows.Scan(&h.ID, &h.FromKind, &fromID, &fromName, &h.ToKind, &toID, &toName, &h.How, &h.Reason, &h.DecidedBy, &h.At); err != nil {
				return err
			}
			h.FromDealer, h.ToDealer = dealerRef(fromID, fromName), dealerRef(toID, toName)
			out.History = append(out.History, h)
		}
		return rows.Err()
	})
	b.Queue(`SELECT x.id, x.stage, x.registered_at, pl.id, pl.name, x.amount, x.currency, x.channel_kind, d.id, d.name
		FROM deals x JOIN product_lines pl ON pl.id = x.product_line_id LEFT JOIN dealers d ON d.id = x.dealer_id
		WHERE x.customer_id = $1 ORDER BY x.registered_at DESC, x.id DESC LIMIT 20`, id).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var x sqlDeal
			var dID *int64
			var dName *string
			if err := rows.Scan(&x.ID, &x.Stage, &x.RegisteredAt, &x.ProductLine.ID, &x.ProductLine.Name, &x.Amount, &x.Currency, &x.ChannelKind, &dID, &dName); err != nil {
				return err
			}
			x.Dealer = dealerRef(dID, dName)
			out.Deals = append(out.Deals, x)
		}
		return rows.Err()
	})
	if err := pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, err
	}
	return out, nil
}
