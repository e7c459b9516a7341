package seed

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The validators below are written from the published algorithms, apart
// from the generators, and are checked against real, public tax ids first.

func validINN10(s string) bool {
	if len(s) != 10 {
		return false
	}
	sum := 0
	for i, w := range []int{2, 4, 10, 3, 5, 9, 4, 6, 8} {
		sum += int(s[i]-'0') * w
	}
	return sum%11%10 == int(s[9]-'0')
}

func validUSCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccChars, s[i])
		if v < 0 {
			return false
		}
		w := 1
		for range i {
			w = w * 3 % 31
		}
		sum += v * w
	}
	return usccChars[(31-sum%31)%31] == s[17]
}

func validEIK(s string) bool {
	if len(s) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(s[i]-'0') * (i + 1)
	}
	c := sum % 11
	if c == 10 {
		sum = 0
		for i := 0; i < 8; i++ {
			sum += int(s[i]-'0') * (i + 3)
		}
		c = sum % 11 % 10
	}
	return c == int(s[8]-'0')
}

func validCUI(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	key := "753217532"
	body := s[:len(s)-1]
	sum := 0
	for i := range body {
		sum += int(body[len(body)-1-i]-'0') * int(key[len(key)-1-i]-'0')
	}
	return sum*10%11%10 == int(s[len(s)-1]-'0')
}

func TestTaxIDsHaveValidCheckDigits(t *testing.T) {
	// Ids of real companies, as published.
	for _, c := range []struct {
		valid func(string) bool
		id    string
	}{{validINN10, "7707083893"}, {validUSCC, "91350100M000100Y43"}, {validCUI, "160796"}, {validEIK, "831641791"}} {
		if !c.valid(c.id) {
			t.Fatalf("validator rejects the real id %s", c.id)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		if id := ruINN(r, "77"); !validINN10(id) || !strings.HasPrefix(id, "77") {
			t.Fatalf("bad INN %s", id)
		}
		if id := cnUSCC(r, "310115"); !validUSCC(id) || !strings.HasPrefix(id, "91310115") {
			t.Fatalf("bad USCC %s", id)
		}
		if id := bgEIK(r); !validEIK(id) {
			t.Fatalf("bad EIK %s", id)
		}
		if id := roCUI(r); !validCUI(id) {
			t.Fatalf("bad CUI %s", id)
		}
	}
}
