package seed

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/uptrace/bun"

	"channelboard/channel"
)

// DemoPassword is every demo user's password. It is public (printed by the
// run command and written in the README): the demo users are for looking
// around, never for a database with real data.
const DemoPassword = "channelboard-demo"

// DemoUser is one of the demo's sign-ins.
type DemoUser struct {
	Email      string
	Role       channel.Role
	DealerCode string // for a dealer user
}

// DemoUserList lists the demo's users: a director, a channel manager, an
// analyst, and for each demo dealer dealer-<code, lower-cased>@example.com.
func DemoUserList() []DemoUser {
	out := []DemoUser{
		{Email: "director@example.com", Role: channel.RoleDirector},
		{Email: "manager@example.com", Role: channel.RoleManager},
		{Email: "analyst@example.com", Role: channel.RoleAnalyst},
	}
	for _, d := range dealers {
		out = append(out, DemoUser{Email: "dealer-" + strings.ToLower(d.code) + "@example.com", Role: channel.RoleDealer, DealerCode: d.code})
	}
	return out
}

// DemoUsers creates the demo users with password (DemoPassword for the
// demo) unless they exist; running it again changes nothing, and a demo
// user whose password was changed keeps it. A dealer user is created only
// when its demo dealer is in the database.
//
// The users share one Argon2id hash, salt included: they share the
// password anyway, and hashing it forty times at OWASP's cost would add
// seconds to every demo start for nothing.
func DemoUsers(ctx context.Context, db bun.IDB, password string) error {
	if err := channel.CheckNewPassword(password); err != nil {
		return fmt.Errorf("demo users: %w", err)
	}
	salt := make([]byte, channel.Argon2SaltLen)
	_, _ = rand.Read(salt) // crypto/rand.Read never fails (Go 1.24+)
	hash := channel.HashPassword(password, salt)
	for _, u := range DemoUserList() {
		// The dealer join makes a dealer user's row vanish when its dealer
		// is missing; staff rows have no dealer to join.
		_, err := db.ExecContext(ctx, `INSERT INTO users (email, role, dealer_id, password_hash)
			SELECT ?, ?, d.id, ?
			FROM (SELECT 1) one LEFT JOIN dealers d ON d.code = ?
			WHERE (? = '') = (d.id IS NULL)
			ON CONFLICT ((lower(email))) DO NOTHING`,
			u.Email, string(u.Role), hash, u.DealerCode, u.DealerCode)
		if err != nil {
			return fmt.Errorf("demo user %s: %w", u.Email, err)
		}
	}
	return nil
}
