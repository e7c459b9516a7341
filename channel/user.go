package channel

import (
	"strings"
	"time"
)

// User is a person or integration that signs in.
type User struct {
	ID         int64
	Email      string
	Role       Role
	DealerID   int64 // set iff Role is RoleDealer
	DealerCode string
	DealerName string
	Disabled   bool
	// HasPassword is false for a user who signs in only with API tokens.
	HasPassword bool
	CreatedAt   time.Time
}

// Viewer is the principal a user's session or token carries.
func (u User) Viewer() Viewer {
	return Viewer{UserID: u.ID, Email: u.Email, Role: u.Role, DealerID: u.DealerID, DealerName: u.DealerName}
}

// NormalizeEmail trims and lower-cases an e-mail address: addresses are
// compared case-insensitively everywhere.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CheckEmail says why an address is refused, or nil. It checks the shape
// only; whether mail arrives is not ours to know.
func CheckEmail(email string) error {
	at := strings.IndexByte(email, '@')
	if len(email) < 3 || len(email) > 254 || at <= 0 || at != strings.LastIndexByte(email, '@') || at == len(email)-1 ||
		strings.ContainsAny(email, " \t\r\n") {
		return Invalid("email", "not an e-mail address")
	}
	return nil
}

// APIToken describes an API token; the secret itself is shown once, at
// creation, and never stored.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	Prefix     string // "cb_" and the secret's first 8 characters
	CreatedAt  time.Time
	ExpiresAt  *time.Time
	RevokedAt  *time.Time
	LastUsedAt *time.Time
}

// Session is a signed-in browser's session, held on the server.
type Session struct {
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // absolute end
}
