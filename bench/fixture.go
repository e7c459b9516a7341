package bench

import (
	"context"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"channelboard/channel"
	"channelboard/store"
)

// vuser is one virtual user: a real user of the server with its own token.
type vuser struct {
	Email    string
	Role     channel.Role
	DealerID int64
	Token    string
	tokenID  int64
	// customers are ids of a dealer's own accounts.
	customers []int64
}

func (u *vuser) customer(r *mrand.Rand) int64 { return u.customers[r.IntN(len(u.customers))] }

type productLine struct {
	id    int64
	floor int64 // the year's price floor, or the usual unit price without one
}

// fixture is what the load is made of: the data the requests name and the
// users sending them.
type fixture struct {
	year         int
	currency     string
	productLines []productLine
	dealers      []*vuser
	directors    []*vuser
	analysts     []*vuser
}

func (fx *fixture) user(r *mrand.Rand, role channel.Role) *vuser {
	var us []*vuser
	switch role {
	case channel.RoleDealer:
		us = fx.dealers
	case channel.RoleDirector:
		us = fx.directors
	default:
		us = fx.analysts
	}
	return us[r.IntN(len(us))]
}

func (fx *fixture) all() []*vuser {
	return append(append(append([]*vuser(nil), fx.dealers...), fx.directors...), fx.analysts...)
}

// accountsPerDealer is how many of its own customers each dealer user
// opens and registers deals for.
const accountsPerDealer = 200

// loadFixture reads the year, currency, product lines and the dealers
// with the most accounts (active ones with at least 20) from the database.
func loadFixture(ctx context.Context, pool *pgxpool.Pool, dealers int) (*fixture, error) {
	fx := &fixture{year: time.Now().UTC().Year()}
	err := pool.QueryRow(ctx, `SELECT currency FROM policies WHERE year = $1`, fx.year).Scan(&fx.currency)
	if err != nil {
		// No policy this year: the deals' usual currency.
		err = pool.QueryRow(ctx, `SELECT coalesce((SELECT currency FROM deals GROUP BY currency ORDER BY count(*) DESC LIMIT 1), 'EUR')`).Scan(&fx.currency)
	}
	if err != nil {
		return nil, fmt.Errorf("read the currency: %w", err)
	}
	fx.currency = strings.TrimSpace(fx.currency)

	rows, err := pool.Query(ctx, `SELECT pl.id, coalesce(f.min_unit_price,
			(SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY unit_price) FROM deals d WHERE d.product_line_id = pl.id), 100000)
		FROM product_lines pl LEFT JOIN policy_price_floors f ON f.product_line_id = pl.id AND f.year = $1
		ORDER BY pl.id`, fx.year)
	if err != nil {
		return nil, fmt.Errorf("read product lines: %w", err)
	}
	for rows.Next() {
		var p productLine
		if err := rows.Scan(&p.id, &p.floor); err != nil {
			return nil, fmt.Errorf("read product lines: %w", err)
		}
		fx.productLines = append(fx.productLines, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read product lines: %w", err)
	}
	if len(fx.productLines) == 0 {
		return nil, errors.New("the database has no product lines: load data first (channelboard seed --demo, then --scale N)")
	}

	rows, err = pool.Query(ctx, `SELECT c.owner_dealer_id, (array_agg(c.id ORDER BY md5(c.id::text)))[1:$2]
		FROM customers c JOIN dealers d ON d.id = c.owner_dealer_id
		WHERE d.status = 'ACTIVE'
		GROUP BY c.owner_dealer_id HAVING count(*) >= 20
		ORDER BY count(*) DESC, c.owner_dealer_id LIMIT $1`, dealers, accountsPerDealer)
	if err != nil {
		return nil, fmt.Errorf("read dealers and their accounts: %w", err)
	}
	for rows.Next() {
		u := &vuser{Role: channel.RoleDealer}
		if err := rows.Scan(&u.DealerID, &u.customers); err != nil {
			return nil, fmt.Errorf("read dealers and their accounts: %w", err)
		}
		fx.dealers = append(fx.dealers, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read dealers and their accounts: %w", err)
	}
	if len(fx.dealers) == 0 {
		return nil, errors.New("no active dealer owns 20 customers: load data first (channelboard seed --demo, then --scale N)")
	}
	return fx, nil
}

// benchEmail is the address of the harness's i-th user of a kind.
func benchEmail(kind string, i int) string { return fmt.Sprintf("bench-%s-%d@example.com", kind, i) }

// signIn gives every virtual user a user of the server (created once,
// reused by later runs) and a fresh API token, valid for a day and revoked
// by revokeTokens at the end of the run.
func signIn(ctx context.Context, st *store.Store, fx *fixture, directors, analysts int) error {
	for i := range directors {
		fx.directors = append(fx.directors, &vuser{Role: channel.RoleDirector, Email: benchEmail("director", i+1)})
	}
	for i := range analysts {
		fx.analysts = append(fx.analysts, &vuser{Role: channel.RoleAnalyst, Email: benchEmail("analyst", i+1)})
	}
	for _, u := range fx.dealers {
		u.Email = benchEmail(fmt.Sprintf("dealer%d", u.DealerID), 1)
	}
	expires := time.Now().Add(24 * time.Hour)
	for _, u := range fx.all() {
		user, err := st.UserByEmail(ctx, u.Email)
		if channel.ErrorCode(err) == channel.ENotFound {
			user, err = st.CreateUser(ctx, store.UserCreate{Email: u.Email, Role: u.Role, DealerID: u.DealerID})
		}
		if err != nil {
			return fmt.Errorf("user %s: %w", u.Email, err)
		}
		if user.Role != u.Role || user.DealerID != u.DealerID || user.Disabled {
			return fmt.Errorf("user %s exists with another role or dealer, or disabled: remove it or use another database", u.Email)
		}
		tok, err := st.CreateToken(ctx, store.TokenCreate{UserID: user.ID, Name: "channelboard bench", ExpiresAt: &expires})
		if err != nil {
			return fmt.Errorf("token for %s: %w", u.Email, err)
		}
		u.Token, u.tokenID = tok.Secret, tok.Token.ID
	}
	return nil
}

// revokeTokens revokes the tokens signIn created.
func revokeTokens(ctx context.Context, st *store.Store, fx *fixture) error {
	var errs []error
	for _, u := range fx.all() {
		if u.tokenID == 0 {
			continue
		}
		if _, err := st.RevokeToken(ctx, fmt.Sprint(u.tokenID)); err != nil {
			errs = append(errs, fmt.Errorf("revoke token of %s: %w", u.Email, err))
		}
	}
	return errors.Join(errs...)
}
