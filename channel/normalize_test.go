package channel

import (
	"testing"
	"unicode/utf8"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// Bulgarian legal forms, quotes of every kind, and transliteration.
		{"Ямбол Трейд ЕООД", "yambol treyd"},
		{"„Ямбол Трейд“ ЕООД", "yambol treyd"},
		{"ЕТ „Иван Петров“", "ivan petrov"},
		{"Търговия АД", "targoviya"},
		{"Щастие ООД", "shastie"},
		{"Агро Север ЕАД", "agro sever"},
		// Russian: «Ромашка» in Cyrillic and Latin meet.
		{"ООО «Ромашка»", "romashka"},
		{"OOO \"Romashka\"", "romashka"},
		{"ЗАО Ромашка", "romashka"},
		{"Ромашка, ПАО", "romashka"},
		{"ИП Хрущёв", "hrushev"},
		{"IP Khrushchev", "hrushev"},
		{"Jambol", "yambol"},
		{"Юрий", "yuriy"},
		{"Juriy", "yuriy"},
		// Romanian: dotted forms and comma/cedilla diacritics.
		{"S.C. Construcții Târgu Mureș S.R.L.", "constructii targu mures"},
		{"SC Constructii Targu Mures SRL", "constructii targu mures"},
		{"Ţară Nouă S.A.", "tara noua"},
		{"Popescu Ion PFA", "popescu ion"},
		// Chinese: suffixes without spaces go, characters stay.
		{"北京华通机电设备有限公司", "北京华通机电设备"},
		{"上海电气集团股份有限公司", "上海电气"},
		{"深圳泵业有限责任公司", "深圳泵业"},
		{"华为技术（深圳）有限公司", "华为技术 深圳"},
		// English and German, dotted variants, full-width letters.
		{"Acme Pumps Co., Ltd.", "acme pumps"},
		{"ACME PUMPS LIMITED", "acme pumps"},
		{"Müller Pumpen GmbH", "muller pumpen"},
		{"Ａｃｍｅ　Ｉｎｃ．", "acme"},
		{"O'Neil & Sons, Inc.", "oneil sons"},
		// Middle words are the name, and a name of legal forms only stays.
		{"Trade Co Invest", "trade co invest"},
		{"ООО", "ooo"},
		{"有限公司", "有限公司"},
		{"  \t ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.in); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNormalizeNameMeets checks the pairs DUPLICATE_CUSTOMER must find: the
// same company written in two scripts or two transliteration schemes.
func TestNormalizeNameMeets(t *testing.T) {
	pairs := [][2]string{
		{"Ромашка", "Romashka"},
		{"ООО «Ромашка»", "Romashka LLC"},
		{"Щука ООД", "Shchuka Ltd"},
		{"Хлебозавод", "Khlebozavod"},
		{"Ямбол Трейд ЕООД", "Yambol Treyd EOOD"},
		{"Ямбол Трейд ЕООД", "YAMBOL TREYD Е.О.О.Д."},
		{"S.C. Țara SRL", "SC Tara S.R.L."},
	}
	for _, p := range pairs {
		a, b := NormalizeName(p[0]), NormalizeName(p[1])
		if a != b {
			t.Errorf("%q → %q and %q → %q differ", p[0], a, p[1], b)
		}
	}
}

func TestNormalizeTaxID(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"BG 123456789", "123456789"},
		{"bg123456789", "123456789"},
		{"123 456 789", "123456789"},
		{"RO 1234-5678", "12345678"},
		{"RU 7707/083893", "7707083893"},
		{"7707.083.893", "7707083893"},
		{"CN91310000MA1FL4XX2B", "91310000MA1FL4XX2B"},
		{"91310000ma1fl4xx2b", "91310000MA1FL4XX2B"},
		{"ＢＧ１２３", "123"},
		{"DE123456789", "DE123456789"}, // not a prefix of the seeds' countries
		{"BGBG1", "BGBG1"},             // only a prefix followed by a digit goes
		{"BG", "BG"},
		{"  - / . ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := NormalizeTaxID(tt.in)
		if got != tt.want {
			t.Errorf("NormalizeTaxID(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := NormalizeTaxID(got); again != got {
			t.Errorf("NormalizeTaxID not idempotent on %q: %q then %q", tt.in, got, again)
		}
	}
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{
		"ООО «Ромашка»", "S.C. Construcții Târgu Mureș S.R.L.", "北京华通机电设备有限公司",
		"Acme Pumps Co., Ltd.", "Ямбол Трейд ЕООД", "İstanbul", "ﬀ ß ǅ", "a\u0301", "\xff\xfe",
		"ООО", "集团有限公司", "kkhh jja",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if !utf8.ValidString(n) {
			t.Fatalf("NormalizeName(%q) = %q is not valid UTF-8", s, n)
		}
		if again := NormalizeName(n); again != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, again)
		}
	})
}

// TestNormalizeNameIdempotentSample complements the fuzz target in plain
// `go test`: strings drawn (with a fixed seed) from runes that stress each
// step — case folding that changes length, compatibility forms, combining
// marks, transliteration digraphs, legal forms, Chinese suffixes.
func TestNormalizeNameIdempotentSample(t *testing.T) {
	alphabet := []rune("aschkjyoio shchJAKİıßςΣﬁǅŉKÅǰ\u0301\u0308\u0326\u0306" +
		"йёЙЁшщъьхяюШЩ. '’«»„“-,&()（）．有限公司集团股份责任\u200d\u00a0가\u1100Ꭰꭰ𝐣0１")
	legal := []string{" ООО ", " SRL", "S.R.L.", " GmbH", "有限公司", " Ltd.", " ЕООД", "Co.,"}
	seed := uint64(42)
	next := func(n int) int { // xorshift: deterministic, no global state
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	for i := 0; i < 20000; i++ {
		var b []rune
		for j := next(14); j >= 0; j-- {
			if next(6) == 0 {
				b = append(b, []rune(legal[next(len(legal))])...)
			} else {
				b = append(b, alphabet[next(len(alphabet))])
			}
		}
		s := string(b)
		n := NormalizeName(s)
		if !utf8.ValidString(n) {
			t.Fatalf("NormalizeName(%q) = %q is not valid UTF-8", s, n)
		}
		if again := NormalizeName(n); again != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, again)
		}
	}
}

func BenchmarkNormalizeName(b *testing.B) {
	names := []string{"ООО «Ромашка»", "S.C. Construcții Târgu Mureș S.R.L.", "北京华通机电设备有限公司", "Acme Pumps Co., Ltd.", "Ямбол Трейд ЕООД"}
	for i := 0; b.Loop(); i++ {
		NormalizeName(names[i%len(names)])
	}
}
