package channel

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NormalizeName turns a company name into the key DUPLICATE_CUSTOMER compares
// (with pg_trgm similarity in PostgreSQL). It is not for display: it folds
// case, drops punctuation and legal forms, writes Cyrillic in Latin letters
// and then folds common transliteration variants together, so that
// «Ромашка» ООО, OOO "Romashka" and S.C. Romashka S.R.L. all become
// "romashka". Chinese characters are kept as they are (no pinyin); their
// legal-form suffixes (有限公司 …) are stripped. The result is idempotent:
// NormalizeName(NormalizeName(x)) == NormalizeName(x).
func NormalizeName(s string) string {
	// Compatibility forms first (full-width letters, ligatures, the
	// full-width brackets Chinese names use), then case folding; folding can
	// produce sequences that are not NFKC, hence the second pass.
	s = norm.NFKC.String(s)
	s = fold(s)
	s = norm.NFKC.String(s)
	s = cleanPunct(s)
	s = transliterate(s)
	s = stripLatinMarks(s)
	s = foldVariants(s)
	return strings.Join(stripLegalForms(strings.Fields(s)), " ")
}

// fold is Unicode case folding. x/text's Fold flips Cherokee between its
// cases on every call, which would break idempotency; Unicode folds
// Cherokee to upper case, so the result is pinned there.
func fold(s string) string {
	s = cases.Fold().String(s)
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cherokee, r) {
			return unicode.ToUpper(r)
		}
		return r
	}, s)
}

// cleanPunct keeps letters, digits and the marks of non-Latin scripts;
// every other rune becomes a space. Dots and apostrophes inside a word are
// deleted instead, so "S.R.L." meets "SRL" and "O'Neil" meets "ONeil";
// anywhere else they separate words like any other punctuation.
func cleanPunct(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			// A mark needs a base; one left after a space would be
			// unstable under re-normalisation.
			if i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1]) || unicode.Is(unicode.M, rs[i-1])) {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case isJoiner(r) && i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]):
			// Dropped: "s.r.l" → "srl" (a trailing dot is dropped below).
		case isJoiner(r) && i > 0 && i+1 == len(rs):
			// Trailing "Ltd." : nothing to join, nothing to separate.
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// isJoiner reports runes deleted rather than turned into a space when they
// follow a letter: the dot of abbreviations and the apostrophe of names.
func isJoiner(r rune) bool {
	switch r {
	case '.', '\'', '’', 'ʼ', '`', '´':
		return true
	}
	return false
}

// cyrLatin writes Cyrillic in Latin letters, close to the Bulgarian
// Streamlined System and BGN/PCGN for Russian. Where the two languages
// differ the key picks one: ъ is a full vowel in Bulgarian ("Търговия" →
// "targoviya") and a rare hard sign in Russian, so it is "a"; щ is "sht" in
// Bulgarian and "shch" in Russian, so it is "sh" and foldVariants maps the
// Latin spellings "shch"/"sch" there too.
var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sh",
	'ъ': "a", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian, Serbian and Macedonian letters, for partners' names.
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ђ': "d", 'ј': "y",
	'љ': "ly", 'њ': "ny", 'ћ': "ch", 'џ': "dzh", 'ѓ': "g", 'ќ': "k", 'ѕ': "dz",
	'ў': "u",
}

func transliterate(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	// Marks on a transliterated letter (a stress accent) go with it; left
	// behind, a mark on ь (written as nothing) would land on another base.
	dropMarks := false
	for _, r := range s {
		// A Cyrillic letter with no mapping stays as it is: the key is
		// still stable, if less forgiving.
		if l, ok := cyrLatin[r]; ok {
			b.WriteString(l)
			dropMarks = true
		} else if dropMarks && unicode.Is(unicode.M, r) {
			continue
		} else {
			b.WriteRune(r)
			dropMarks = false
		}
	}
	return b.String()
}

// latinExtra are Latin letters with no canonical decomposition, which NFD
// cannot strip to their base.
var latinExtra = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ß': "ss",
	'þ': "th", 'ð': "d", 'ħ': "h", 'ŀ': "l",
}

// stripLatinMarks removes the diacritics of Latin letters (Romanian ș ş ț ţ
// ă â î, German umlauts, …) and leaves the marks of other scripts alone,
// because there they are vowels, not accents.
func stripLatinMarks(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	// A mark is kept only on a base of another script; with no base at all
	// (at the start, after a space) it is dropped like cleanPunct would.
	otherBase := false
	for _, r := range d {
		if unicode.Is(unicode.M, r) {
			if otherBase {
				b.WriteRune(r)
			}
			continue
		}
		otherBase = r >= utf8.RuneSelf && !unicode.Is(unicode.Latin, r) && !unicode.IsSpace(r)
		if l, ok := latinExtra[r]; ok {
			b.WriteString(l)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// variantRules fold the Latin spellings of one Cyrillic sound together, so a
// name transliterated by hand in any common scheme meets our table:
// Khrushchev/Hrushev, Yambol/Jambol, Yuri/Juri.
var variantRules = []struct{ from, to string }{
	{"shch", "sh"},
	{"sch", "sh"},
	{"kh", "h"},
	{"ja", "ya"},
	{"ju", "yu"},
	{"jo", "yo"},
}

// foldVariants applies variantRules until nothing changes. Every rule
// shortens the string or swaps j for y and none produces a left-hand side
// out of nothing new, so the loop ends; a fixed point is what makes
// NormalizeName idempotent.
func foldVariants(s string) string {
	for {
		t := s
		for _, r := range variantRules {
			t = strings.ReplaceAll(t, r.from, r.to)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// legalForms are the legal-form words of every language of the seeds,
// spelled as they are after the steps above (Cyrillic transliterated, dots
// gone, variants folded): Bulgarian ЕООД ООД АД ЕАД ЕТ СД КД, Romanian SRL
// SA SC PFA II, Russian ООО ОАО ЗАО ПАО АО ИП НКО, English and German.
// legalKey spells them through the same pipeline so the table and the names
// can never drift apart.
var legalForms = func() map[string]bool {
	words := []string{
		"ЕООД", "ООД", "АД", "ЕАД", "ЕТ", "СД", "КД", "ДЗЗД",
		"SRL", "SA", "SC", "PFA", "II",
		"ООО", "ОАО", "ЗАО", "ПАО", "АО", "ИП", "НКО", "ТОО", "ЧП",
		"LLC", "LLP", "LP", "Ltd", "Limited", "Inc", "Incorporated", "Corp",
		"Corporation", "Co", "Company", "GmbH", "AG", "KG", "PLC", "BV", "NV",
		"有限公司", "股份有限公司", "有限责任公司", "集团", "集团有限公司", "公司",
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[legalKey(w)] = true
	}
	return m
}()

func legalKey(w string) string {
	w = norm.NFKC.String(w)
	w = fold(w)
	return foldVariants(stripLatinMarks(transliterate(w)))
}

// chineseSuffixes are legal forms written without a space after the name,
// longest first so 股份有限公司 goes whole rather than leaving 股份.
var chineseSuffixes = []string{"股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司"}

// stripLegalForms drops legal-form words at either end of the name (where
// every language of the seeds puts them: ООО «Ромашка», Ромашка ЕООД,
// S.C. Romashka S.R.L.) and Chinese legal-form suffixes glued to the last
// word. Words in the middle stay: "Trade and Co Invest" is a name. A name
// that is nothing but legal forms is kept whole rather than emptied, so two
// such names still compare.
func stripLegalForms(ws []string) []string {
	for {
		n := len(ws)
		if n > 1 && legalForms[ws[0]] {
			ws = ws[1:]
			continue
		}
		if n > 1 && legalForms[ws[n-1]] {
			ws = ws[:n-1]
			continue
		}
		if n > 0 && !legalForms[ws[n-1]] {
			if t, ok := trimChineseSuffix(ws[n-1]); ok {
				ws[n-1] = t
				continue
			}
		}
		return ws
	}
}

func trimChineseSuffix(w string) (string, bool) {
	for _, suf := range chineseSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf), true
		}
	}
	return w, false
}

// vatPrefixes are the country prefixes of the seeds' countries that people
// write in front of a tax id ("BG 123456789", "RO12345678").
var vatPrefixes = []string{"BG", "RO", "RU", "CN"}

// NormalizeTaxID returns the comparison form of a tax id: upper case, only
// letters and digits (spaces, dots, dashes and slashes dropped), without a
// VAT country prefix of the seeds' countries, so "BG 123 456 789" and
// "123456789" are equal. It returns "" for a blank id. The prefix goes only
// when a digit follows it: Chinese unified credit codes contain letters and
// must keep them.
func NormalizeTaxID(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	id := b.String()
	for _, p := range vatPrefixes {
		if len(id) > len(p) && strings.HasPrefix(id, p) && id[len(p)] >= '0' && id[len(p)] <= '9' {
			return id[len(p):]
		}
	}
	return id
}
