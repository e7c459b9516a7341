package channel

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Password hashing parameters: OWASP's minimum for Argon2id (Password
// Storage Cheat Sheet: 19 MiB of memory, 2 iterations, 1 degree of
// parallelism), a 16-byte salt and a 32-byte key. Raising them later is
// safe: each hash carries its own parameters, and verification reads them
// from the hash.
const (
	Argon2Memory  uint32 = 19 * 1024 // KiB
	Argon2Time    uint32 = 2
	Argon2Threads uint8  = 1
	Argon2SaltLen        = 16
	Argon2KeyLen  uint32 = 32
)

// Bounds on the parameters a stored hash may ask for: a hash written by a
// future version may be stronger, but a corrupt row must not make one
// verification allocate gigabytes.
const (
	maxArgon2Memory  uint32 = 256 * 1024
	maxArgon2Time    uint32 = 16
	maxArgon2Threads uint8  = 8
)

// Password length limits. The minimum is NIST SP 800-63B rev. 4's for a
// password that is the only factor; long passphrases are welcome, and the
// upper bound only keeps a hashing request from being a denial of service.
const (
	MinPasswordLen = 15
	MaxPasswordLen = 1024
)

// CheckNewPassword says why a new password is refused, or nil.
func CheckNewPassword(password string) error {
	switch n := len([]rune(password)); {
	case n < MinPasswordLen:
		return Invalid("password", "a password needs at least %d characters", MinPasswordLen)
	case len(password) > MaxPasswordLen:
		return Invalid("password", "a password may have at most %d bytes", MaxPasswordLen)
	}
	return nil
}

// HashPassword hashes password with Argon2id at the parameters above and
// returns it in the PHC string format,
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<key> (unpadded standard base64).
// The caller supplies a fresh random salt of Argon2SaltLen bytes (this
// package does no I/O).
func HashPassword(password string, salt []byte) string {
	key := argon2.IDKey([]byte(password), salt, Argon2Time, Argon2Memory, Argon2Threads, Argon2KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, Argon2Memory, Argon2Time, Argon2Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// PasswordHash is a parsed PHC string.
type PasswordHash struct {
	Version uint32
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
	Salt    []byte
	Key     []byte
}

var errBadHash = errors.New("not an argon2id PHC string")

// ParsePasswordHash parses a PHC string written by HashPassword.
func ParsePasswordHash(phc string) (PasswordHash, error) {
	var h PasswordHash
	parts := strings.Split(phc, "$")
	// "", "argon2id", "v=19", "m=…,t=…,p=…", salt, key
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return h, errBadHash
	}
	if _, err := fmt.Sscanf(parts[2], "v=%d", &h.Version); err != nil || h.Version != argon2.Version {
		return h, fmt.Errorf("%w: version %q", errBadHash, parts[2])
	}
	var threads uint32
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &h.Memory, &h.Time, &threads); err != nil {
		return h, fmt.Errorf("%w: parameters %q", errBadHash, parts[3])
	}
	if h.Memory == 0 || h.Memory > maxArgon2Memory || h.Time == 0 || h.Time > maxArgon2Time ||
		threads == 0 || threads > uint32(maxArgon2Threads) {
		return h, fmt.Errorf("%w: parameters out of range %q", errBadHash, parts[3])
	}
	h.Threads = uint8(threads)
	var err error
	if h.Salt, err = base64.RawStdEncoding.DecodeString(parts[4]); err != nil || len(h.Salt) < 8 {
		return h, fmt.Errorf("%w: salt", errBadHash)
	}
	if h.Key, err = base64.RawStdEncoding.DecodeString(parts[5]); err != nil || len(h.Key) < 16 || len(h.Key) > 64 {
		return h, fmt.Errorf("%w: key", errBadHash)
	}
	return h, nil
}

// VerifyPassword reports whether password matches the PHC string, with the
// parameters the string carries, comparing keys in constant time. A
// malformed hash is an error, never a match.
func VerifyPassword(phc, password string) (bool, error) {
	h, err := ParsePasswordHash(phc)
	if err != nil {
		return false, err
	}
	if len(password) > MaxPasswordLen {
		return false, nil
	}
	key := argon2.IDKey([]byte(password), h.Salt, h.Time, h.Memory, h.Threads, uint32(len(h.Key)))
	return subtle.ConstantTimeCompare(key, h.Key) == 1, nil
}

// NeedsRehash reports whether a stored hash is weaker than today's
// parameters, so a successful sign-in can upgrade it.
func NeedsRehash(phc string) bool {
	h, err := ParsePasswordHash(phc)
	return err != nil || h.Memory < Argon2Memory || h.Time < Argon2Time || len(h.Salt) < Argon2SaltLen || uint32(len(h.Key)) < Argon2KeyLen
}
