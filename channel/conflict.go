package channel

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// ConflictKind names a rule of the SPEC's conflict table.
type ConflictKind string

const (
	DuplicateRegistration ConflictKind = "DUPLICATE_REGISTRATION"
	DirectBypass          ConflictKind = "DIRECT_BYPASS"
	SmallDirectOrder      ConflictKind = "SMALL_DIRECT_ORDER"
	OwnershipClaim        ConflictKind = "OWNERSHIP_CLAIM"
	OutOfTerritory        ConflictKind = "OUT_OF_TERRITORY"
	PriceBelowFloor       ConflictKind = "PRICE_BELOW_FLOOR"
	PriceMismatch         ConflictKind = "PRICE_MISMATCH"
	DuplicateCustomer     ConflictKind = "DUPLICATE_CUSTOMER"
)

// ConflictKinds lists every kind in the SPEC's order.
var ConflictKinds = []ConflictKind{
	DuplicateRegistration, DirectBypass, SmallDirectOrder, OwnershipClaim,
	OutOfTerritory, PriceBelowFloor, PriceMismatch, DuplicateCustomer,
}

// Severity ranks how urgently a conflict needs a decision.
type Severity string

const (
	SeverityLow      Severity = "LOW"
	SeverityMedium   Severity = "MEDIUM"
	SeverityHigh     Severity = "HIGH"
	SeverityCritical Severity = "CRITICAL"
)

// Rank orders severities for sorting: LOW 1 … CRITICAL 4, unknown 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityLow:
		return 1
	case SeverityMedium:
		return 2
	case SeverityHigh:
		return 3
	case SeverityCritical:
		return 4
	}
	return 0
}

// ConflictStatus is where a conflict stands on the board.
type ConflictStatus string

const (
	ConflictOpen         ConflictStatus = "OPEN"
	ConflictAcknowledged ConflictStatus = "ACKNOWLEDGED"
	ConflictResolved     ConflictStatus = "RESOLVED"
	ConflictDismissed    ConflictStatus = "DISMISSED"
)

// Live reports whether a conflict in this status still needs a decision:
// the rules keep it up to date and close it when its condition is gone.
func (s ConflictStatus) Live() bool { return s == ConflictOpen || s == ConflictAcknowledged }

// Finding is a conflict that should be open, as the rules see the facts.
// The store matches findings to stored conflicts by Key: a finding with no
// live conflict opens one, a live conflict with no finding closes.
type Finding struct {
	Kind     ConflictKind
	Severity Severity
	// CustomerID is the customer judged; CustomerIDs is every customer
	// involved, sorted (two for DUPLICATE_CUSTOMER, else just CustomerID).
	CustomerID  int64
	CustomerIDs []int64
	DealIDs     []int64 // sorted
	DealerIDs   []int64 // the dealers who are parties, sorted
	// SuggestedDealerID is the dealer the rule thinks should have the
	// business (0 for none): the one to route a small order to, the holder
	// of the earlier registration, the exclusive holder of the territory.
	SuggestedDealerID int64
	// InvolvesDirect: the manufacturer's direct channel is a party — a
	// direct deal is among DealIDs, or a customer involved is owned DIRECT.
	InvolvesDirect bool
	// AtStake is the money the conflict is about (the amount of the deal
	// judged), for conflictStats; zero for DUPLICATE_CUSTOMER.
	AtStake     Money
	Explanation Explanation
}

// Key is the conflict's identity: its kind and the sorted customers and
// deals it involves. Re-evaluating the same facts gives the same keys, so
// the store never opens a conflict twice; parties, severity and the
// explanation may change under one key.
func (f Finding) Key() string {
	var b strings.Builder
	b.WriteString(string(f.Kind))
	b.WriteString("/c")
	custs := f.CustomerIDs
	if len(custs) == 0 {
		custs = []int64{f.CustomerID}
	}
	writeIDs(&b, custs)
	b.WriteString("/d")
	writeIDs(&b, f.DealIDs)
	return b.String()
}

func writeIDs(b *strings.Builder, ids []int64) {
	// Findings from Evaluate arrive sorted; only others pay for a copy.
	if !slices.IsSorted(ids) {
		ids = slices.Clone(ids)
		slices.Sort(ids)
	}
	for i, id := range ids {
		if i == 0 {
			b.WriteByte(':')
		} else if id == ids[i-1] {
			continue
		} else {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
}

// Explanation is why a rule fired, as data: the policy value that fired,
// the value measured, and the names involved. The sentence people read is
// rendered from it by Text, in their language; the store keeps the data
// (it marshals to JSON as is).
type Explanation struct {
	Rule        ConflictKind `json:"rule"`
	PolicyYear  int          `json:"policyYear,omitempty"`
	PolicyValue *Money       `json:"policyValue,omitempty"` // threshold or price floor
	PolicyPct   float64      `json:"policyPct,omitempty"`   // price-mismatch tolerance
	Measured    *Money       `json:"measured,omitempty"`    // deal amount or unit price
	Other       *Money       `json:"other,omitempty"`       // the other side's unit price
	Prepaid     *Money       `json:"prepaid,omitempty"`     // a dealer's prepayment
	MeasuredPct float64      `json:"measuredPct,omitempty"` // measured difference, percent
	Until       *time.Time   `json:"until,omitempty"`       // end of a registration's protection
	// Params holds the names (keys are the Param* constants).
	Params map[string]string `json:"params,omitempty"`
}

// Keys of Explanation.Params.
const (
	ParamCustomer       = "customer"         // the customer's name
	ParamDealer         = "dealer"           // the dealer whose deal is judged
	ParamProduct        = "product"          // product line code
	ParamHolder         = "holder"           // dealer holding protection, or prepaying
	ParamOwner          = "owner"            // owning dealer's name; "" with OwnerKind DIRECT
	ParamOwnerKind      = "owner_kind"       // DEALER or DIRECT
	ParamSuggested      = "suggested"        // suggested dealer's name
	ParamSuggestedExcl  = "suggested_excl"   // "true" when its assignment is exclusive
	ParamCoverage       = "coverage"         // region path / segment / product line
	ParamExclusive      = "exclusive"        // names of exclusive holders, ", "-joined
	ParamKeyAccount     = "key_account"      // "false": the exemption did not apply
	ParamChannelA       = "channel_a"        // dealer name, "" for direct
	ParamChannelB       = "channel_b"        // dealer name, "" for direct
	ParamOtherCustomer  = "other_customer"   // the similar customer's name
	ParamOtherOwner     = "other_owner"      // its owner's name ("" direct/unassigned)
	ParamOtherOwnerKind = "other_owner_kind" // its OwnerKind
	ParamSimilarity     = "similarity"       // of normalised names, 0..1
	ParamProtectionDays = "protection_days"  // the policy's protection period
)

// Text renders the explanation as a sentence in lang: "ru" (or "ru-RU")
// for Russian, "bg" (or "bg-BG") for Bulgarian, anything else for English.
func (e Explanation) Text(lang string) string {
	t := textEN
	switch {
	case isLang(lang, "ru"):
		t = textRU
	case isLang(lang, "bg"):
		t = textBG
	}
	p := func(k string) string { return e.Params[k] }
	m := func(v *Money) string {
		if v == nil {
			return "?"
		}
		return t.money(*v)
	}
	switch e.Rule {
	case DuplicateRegistration:
		return t.dupReg(p(ParamDealer), p(ParamCustomer), p(ParamProduct), t.channel(p(ParamHolder)), day(e.Until), p(ParamProtectionDays), e.PolicyYear)
	case DirectBypass:
		var why []string
		if p(ParamOwner) != "" {
			why = append(why, t.ownedBy(p(ParamOwner)))
		}
		if p(ParamHolder) != "" && e.Until != nil {
			why = append(why, t.holds(p(ParamHolder), day(e.Until)))
		}
		if p(ParamHolder) != "" && e.Prepaid != nil {
			why = append(why, t.prepaid(p(ParamHolder), m(e.Prepaid)))
		}
		return t.bypass(m(e.Measured), p(ParamCustomer), strings.Join(why, "; "))
	case SmallDirectOrder:
		s := t.small(m(e.Measured), e.PolicyYear, m(e.PolicyValue))
		if p(ParamSuggested) != "" {
			return s + "; " + t.suggest(p(ParamSuggested), p(ParamSuggestedExcl) == "true", p(ParamCoverage))
		}
		return s + "; " + t.noDealer(p(ParamCoverage))
	case OwnershipClaim:
		return t.claim(p(ParamDealer), p(ParamCustomer), t.owned(OwnerKind(p(ParamOwnerKind)), p(ParamOwner)))
	case OutOfTerritory:
		s := t.outside(p(ParamDealer), p(ParamCoverage))
		if p(ParamExclusive) != "" {
			s += "; " + t.exclusive(p(ParamExclusive))
		}
		return s
	case PriceBelowFloor:
		return t.floor(m(e.Measured), p(ParamProduct), e.PolicyYear, m(e.PolicyValue), t.pct(e.MeasuredPct))
	case PriceMismatch:
		return t.mismatch(t.channel(p(ParamChannelA)), m(e.Measured), t.channel(p(ParamChannelB)), m(e.Other), p(ParamProduct), t.pct(e.MeasuredPct), e.PolicyYear, t.pct(e.PolicyPct))
	case DuplicateCustomer:
		sim, _ := strconv.ParseFloat(p(ParamSimilarity), 64)
		return t.dupCustomer(p(ParamCustomer), p(ParamOtherCustomer), t.num(sim), t.owned(OwnerKind(p(ParamOtherOwnerKind)), p(ParamOtherOwner)))
	}
	return string(e.Rule)
}

func day(t *time.Time) string {
	if t == nil {
		return "?"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// phrases is one language's sentences. Names are quoted as they are
// written: they are in the customer's language, not the reader's.
type phrases struct {
	thousands, decimal string
	dupReg             func(dealer, customer, product, holder, until, days string, year int) string
	bypass             func(amount, customer, why string) string
	ownedBy            func(owner string) string
	holds              func(holder, until string) string
	prepaid            func(holder, amount string) string
	small              func(amount string, year int, threshold string) string
	suggest            func(dealer string, exclusive bool, coverage string) string
	noDealer           func(coverage string) string
	claim              func(dealer, customer, owned string) string
	owned              func(kind OwnerKind, name string) string
	outside            func(dealer, coverage string) string
	exclusive          func(holders string) string
	floor              func(price, product string, year int, floor, pct string) string
	channel            func(dealer string) string
	mismatch           func(a, pa, b, pb, product, pct string, year int, tol string) string
	dupCustomer        func(customer, other, sim, owned string) string
}

var textEN = phrases{
	thousands: ",", decimal: ".",
	dupReg: func(dealer, customer, product, holder, until, days string, year int) string {
		s := "deal of " + dealer + " for " + customer + " / " + product + " duplicates the registration of " + holder + ", protected until " + until
		if days != "" {
			s += " (" + days + " days under the " + strconv.Itoa(year) + " policy)"
		}
		return s + "; the earlier registration keeps its protection"
	},
	bypass: func(amount, customer, why string) string {
		return "direct deal of " + amount + " for " + customer + ", which is not a key account, while " + why
	},
	ownedBy: func(owner string) string { return "the customer is owned by " + owner },
	holds:   func(holder, until string) string { return holder + " holds a protected registration until " + until },
	prepaid: func(holder, amount string) string { return holder + " has prepaid " + amount },
	small: func(amount string, year int, threshold string) string {
		return "direct order of " + amount + " is under the " + strconv.Itoa(year) + " direct-sale threshold of " + threshold + "; customer is not a key account"
	},
	suggest: func(dealer string, exclusive bool, coverage string) string {
		kind := ""
		if exclusive {
			kind = "exclusive "
		}
		return "suggested dealer: " + dealer + ", whose " + kind + "assignment covers " + coverage
	},
	noDealer: func(coverage string) string { return "no active dealer's assignment covers " + coverage },
	claim: func(dealer, customer, owned string) string {
		return dealer + " opened a deal for " + customer + ", which is " + owned + "; a change of owner goes through the transfer procedure"
	},
	owned: func(kind OwnerKind, name string) string {
		switch kind {
		case OwnerDirect:
			return "owned by the manufacturer (direct)"
		case OwnerDealer:
			return "owned by " + name
		}
		return "owned by nobody"
	},
	outside: func(dealer, coverage string) string {
		return dealer + " has no active assignment covering " + coverage
	},
	exclusive: func(holders string) string { return "exclusive assignment held by " + holders },
	floor: func(price, product string, year int, floor, pct string) string {
		return "unit price of " + price + " for " + product + " is " + pct + "% under the " + strconv.Itoa(year) + " price floor of " + floor
	},
	channel: func(dealer string) string {
		if dealer == "" {
			return "the direct channel"
		}
		return dealer
	},
	mismatch: func(a, pa, b, pb, product, pct string, year int, tol string) string {
		return a + " quotes " + product + " at " + pa + " and " + b + " at " + pb + ": a difference of " + pct +
			"%, over the " + strconv.Itoa(year) + " tolerance of " + tol + "%"
	},
	dupCustomer: func(customer, other, sim, owned string) string {
		return customer + " looks like " + other + " (similarity " + sim + " of the normalised names), " + owned
	},
}

var textRU = phrases{
	thousands: " ", decimal: ",",
	dupReg: func(dealer, customer, product, holder, until, days string, year int) string {
		s := "сделка " + dealer + " по клиенту " + customer + " / " + product + " дублирует регистрацию: " + holder + ", защита до " + until
		if days != "" {
			s += " (" + days + " дн. по политике " + strconv.Itoa(year) + " года)"
		}
		return s + "; защиту сохраняет более ранняя регистрация"
	},
	bypass: func(amount, customer, why string) string {
		return "прямая сделка на " + amount + " с клиентом " + customer + ", который не является ключевым, тогда как " + why
	},
	ownedBy: func(owner string) string { return "клиент закреплён за " + owner },
	holds: func(holder, until string) string {
		return holder + " держит защищённую регистрацию до " + until
	},
	prepaid: func(holder, amount string) string { return holder + " внёс предоплату " + amount },
	small: func(amount string, year int, threshold string) string {
		return "прямой заказ на " + amount + " меньше порога прямых продаж " + strconv.Itoa(year) + " года " + threshold + "; клиент не ключевой"
	},
	suggest: func(dealer string, exclusive bool, coverage string) string {
		kind := ""
		if exclusive {
			kind = "эксклюзивное "
		}
		return "предлагаемый дилер: " + dealer + ", чьё " + kind + "назначение покрывает " + coverage
	},
	noDealer: func(coverage string) string {
		return "ни одно действующее назначение дилера не покрывает " + coverage
	},
	claim: func(dealer, customer, owned string) string {
		return dealer + " открыл сделку с клиентом " + customer + ", который " + owned + "; смена владельца — только через процедуру передачи"
	},
	owned: func(kind OwnerKind, name string) string {
		switch kind {
		case OwnerDirect:
			return "закреплён за производителем (прямые продажи)"
		case OwnerDealer:
			return "закреплён за " + name
		}
		return "ни за кем не закреплён"
	},
	outside: func(dealer, coverage string) string {
		return "у " + dealer + " нет действующего назначения, покрывающего " + coverage
	},
	exclusive: func(holders string) string {
		return "эксклюзивное назначение там у " + holders
	},
	floor: func(price, product string, year int, floor, pct string) string {
		return "цена за единицу " + price + " для " + product + " на " + pct + "% ниже минимальной цены " + strconv.Itoa(year) + " года " + floor
	},
	channel: func(dealer string) string {
		if dealer == "" {
			return "прямой канал"
		}
		return dealer
	},
	mismatch: func(a, pa, b, pb, product, pct string, year int, tol string) string {
		return a + " предлагает " + product + " по " + pa + ", а " + b + " — по " + pb + ": разница " + pct +
			"%, больше допуска " + strconv.Itoa(year) + " года " + tol + "%"
	},
	dupCustomer: func(customer, other, sim, owned string) string {
		return customer + " похож на " + other + " (сходство нормализованных названий " + sim + "), который " + owned
	},
}

var textBG = phrases{
	thousands: " ", decimal: ",",
	dupReg: func(dealer, customer, product, holder, until, days string, year int) string {
		s := "сделката на " + dealer + " за клиента " + customer + " / " + product + " дублира регистрацията на " + holder + ", защитена до " + until
		if days != "" {
			s += " (" + days + " дни по политиката за " + strconv.Itoa(year) + " г.)"
		}
		return s + "; защитата остава за по-ранната регистрация"
	},
	bypass: func(amount, customer, why string) string {
		return "директна сделка за " + amount + " с клиента " + customer + ", който не е ключов клиент, въпреки че " + why
	},
	ownedBy: func(owner string) string { return "собственик на клиента е " + owner },
	holds: func(holder, until string) string {
		return holder + " има защитена регистрация до " + until
	},
	prepaid: func(holder, amount string) string { return holder + " е платил авансово " + amount },
	small: func(amount string, year int, threshold string) string {
		return "директната поръчка за " + amount + " е под прага за директни продажби за " + strconv.Itoa(year) + " г. от " + threshold + "; клиентът не е ключов"
	},
	suggest: func(dealer string, exclusive bool, coverage string) string {
		kind := ""
		if exclusive {
			kind = "изключително "
		}
		return "предложен дилър: " + dealer + ", чието " + kind + "назначение покрива " + coverage
	},
	noDealer: func(coverage string) string {
		return "нито едно действащо назначение на дилър не покрива " + coverage
	},
	claim: func(dealer, customer, owned string) string {
		return dealer + " откри сделка с клиента " + customer + ", който " + owned + "; смяната на собственика става само чрез процедурата по прехвърляне"
	},
	owned: func(kind OwnerKind, name string) string {
		switch kind {
		case OwnerDirect:
			return "е клиент на производителя (директни продажби)"
		case OwnerDealer:
			return "е клиент на " + name
		}
		return "няма собственик"
	},
	outside: func(dealer, coverage string) string {
		return dealer + " няма действащо назначение, което покрива " + coverage
	},
	exclusive: func(holders string) string {
		return "изключителното назначение там е на " + holders
	},
	floor: func(price, product string, year int, floor, pct string) string {
		return "единичната цена " + price + " за " + product + " е с " + pct + "% под ценовия праг за " + strconv.Itoa(year) + " г. от " + floor
	},
	channel: func(dealer string) string {
		if dealer == "" {
			return "директният канал"
		}
		return dealer
	},
	mismatch: func(a, pa, b, pb, product, pct string, year int, tol string) string {
		return a + " предлага " + product + " на " + pa + ", а " + b + " — на " + pb + ": разлика " + pct +
			"%, над допустимото разминаване за " + strconv.Itoa(year) + " г. от " + tol + "%"
	},
	dupCustomer: func(customer, other, sim, owned string) string {
		return customer + " прилича на " + other + " (сходство на нормализираните наименования " + sim + "), който " + owned
	},
}

// isLang says whether the language tag lang is base ("bg") or a regional
// form of it ("bg-BG").
func isLang(lang, base string) bool {
	return lang == base || strings.HasPrefix(lang, base+"-")
}

// money renders "4,200.00 EUR" (en) or "4 200,00 EUR" (ru, bg).
func (t phrases) money(m Money) string {
	s := m.Decimal()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	dot := strings.IndexByte(s, '.')
	intPart, frac := s[:dot], s[dot+1:]
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(t.thousands)
		}
		b.WriteRune(c)
	}
	b.WriteString(t.decimal)
	b.WriteString(frac)
	if m.Currency != "" {
		b.WriteByte(' ')
		b.WriteString(m.Currency)
	}
	return b.String()
}

// pct renders a percentage with at most two decimals ("12.5", ru "12,5").
func (t phrases) pct(v float64) string { return t.num(v) }

func (t phrases) num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return strings.Replace(s, ".", t.decimal, 1)
}
