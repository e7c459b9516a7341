package channel

import (
	"bytes"
	"strings"
	"testing"
)

func TestHashPasswordParameters(t *testing.T) {
	salt := bytes.Repeat([]byte{7}, Argon2SaltLen)
	phc := HashPassword("correct horse battery staple", salt)
	if !strings.HasPrefix(phc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("PHC string %q does not carry OWASP's minimum parameters", phc)
	}
	h, err := ParsePasswordHash(phc)
	if err != nil {
		t.Fatal(err)
	}
	if h.Memory != 19*1024 || h.Time != 2 || h.Threads != 1 || len(h.Salt) != 16 || len(h.Key) != 32 || !bytes.Equal(h.Salt, salt) {
		t.Fatalf("parsed %+v", h)
	}
	if NeedsRehash(phc) {
		t.Fatal("a fresh hash needs rehashing")
	}
	ok, err := VerifyPassword(phc, "correct horse battery staple")
	if err != nil || !ok {
		t.Fatalf("right password: %v %v", ok, err)
	}
	ok, err = VerifyPassword(phc, "correct horse battery stapler")
	if err != nil || ok {
		t.Fatalf("wrong password: %v %v", ok, err)
	}
	// Another salt gives another hash of the same password.
	if HashPassword("correct horse battery staple", bytes.Repeat([]byte{8}, Argon2SaltLen)) == phc {
		t.Fatal("salt ignored")
	}
}

func TestParsePasswordHashRefuses(t *testing.T) {
	good := HashPassword("correct horse battery staple", bytes.Repeat([]byte{1}, Argon2SaltLen))
	parts := strings.Split(good, "$")
	bad := []string{
		"",
		"plain",
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, "m=19456", "m=4194304", 1), // 4 GiB: a corrupt row must not allocate it
		strings.Replace(good, "t=2", "t=0", 1),
		strings.Replace(good, "p=1", "p=0", 1),
		"$" + strings.Join(parts[1:5], "$") + "$!!!",
		good + "$extra",
	}
	for _, phc := range bad {
		if _, err := VerifyPassword(phc, "correct horse battery staple"); err == nil {
			t.Errorf("accepted %q", phc)
		}
	}
	if !NeedsRehash(strings.Replace(good, "t=2", "t=1", 1)) {
		t.Error("weaker hash not flagged for rehashing")
	}
}

func TestCheckNewPassword(t *testing.T) {
	for pw, ok := range map[string]bool{
		"short":                   false,
		"fourteen chars":          false,
		"fifteen chars!!":         true,
		"channelboard-demo":       true,
		strings.Repeat("x", 1024): true,
		strings.Repeat("x", 1025): false,
		"пароль-на-русском":       true,
	} {
		if err := CheckNewPassword(pw); (err == nil) != ok {
			t.Errorf("%.20q: got %v, want ok=%v", pw, err, ok)
		}
	}
}
