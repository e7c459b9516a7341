// Package channel holds Channelboard's domain: dealers, regions, territory
// assignments, customers and who owns them, deals, the yearly commercial
// policy, dealer plans, and the rules that judge them. It is pure Go: it
// does no I/O, reads no clock (times are fields of the facts), and imports
// nothing of ours. Every other package imports it.
package channel

import (
	"strings"
	"time"
)

// DealerKind says where a partner sits in the distribution chain.
type DealerKind string

const (
	Distributor      DealerKind = "DISTRIBUTOR"
	DealerKindDealer DealerKind = "DEALER"
	Subdealer        DealerKind = "SUBDEALER"
)

// DealerStatus is the state of a partner agreement.
type DealerStatus string

const (
	DealerActive     DealerStatus = "ACTIVE"
	DealerSuspended  DealerStatus = "SUSPENDED"
	DealerTerminated DealerStatus = "TERMINATED"
)

// Segment is a customer's market segment.
type Segment string

const (
	Industrial   Segment = "INDUSTRIAL"
	Construction Segment = "CONSTRUCTION"
	Agriculture  Segment = "AGRICULTURE"
	Utilities    Segment = "UTILITIES"
	Retail       Segment = "RETAIL"
	Public       Segment = "PUBLIC"
)

// Segments lists every segment in display order.
var Segments = []Segment{Industrial, Construction, Agriculture, Utilities, Retail, Public}

// CustomerSize is a rough size class of a customer.
type CustomerSize string

const (
	Small      CustomerSize = "SMALL"
	Medium     CustomerSize = "MEDIUM"
	Large      CustomerSize = "LARGE"
	Enterprise CustomerSize = "ENTERPRISE"
)

// OwnerKind says who owns a customer.
type OwnerKind string

const (
	OwnerDealer     OwnerKind = "DEALER"
	OwnerDirect     OwnerKind = "DIRECT"
	OwnerUnassigned OwnerKind = "UNASSIGNED"
)

// OwnershipHow says how an ownership change came about.
type OwnershipHow string

const (
	OwnershipInitial            OwnershipHow = "INITIAL"
	OwnershipTransfer           OwnershipHow = "TRANSFER"
	OwnershipConflictResolution OwnershipHow = "CONFLICT_RESOLUTION"
)

// ChannelKind is the route a deal takes: through a dealer or direct.
type ChannelKind string

const (
	ChannelDealer ChannelKind = "DEALER"
	ChannelDirect ChannelKind = "DIRECT"
)

// DealStage is where a deal stands.
type DealStage string

const (
	StagePendingApproval DealStage = "PENDING_APPROVAL"
	StageRegistered      DealStage = "REGISTERED"
	StageQuoted          DealStage = "QUOTED"
	StageWon             DealStage = "WON"
	StageLost            DealStage = "LOST"
	StageCancelled       DealStage = "CANCELLED"
)

// Open reports whether a deal in this stage is still in play.
func (s DealStage) Open() bool {
	return s == StagePendingApproval || s == StageRegistered || s == StageQuoted
}

// Money is an amount in integer minor units of an ISO 4217 currency.
type Money struct {
	Minor    int64
	Currency string
}

// Decimal renders the amount in major units with two decimals ("4200.00").
// Every currency the seeds use (EUR, BGN, RON, RUB, CNY, USD) has two.
func (m Money) Decimal() string {
	neg := m.Minor < 0
	v := m.Minor
	if neg {
		v = -v
	}
	major, minor := v/100, v%100
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(itoa(major))
	b.WriteByte('.')
	if minor < 10 {
		b.WriteByte('0')
	}
	b.WriteString(itoa(minor))
	return b.String()
}

func itoa(v int64) string {
	if v == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[i:])
}

// Region is a node of the region tree. Path is an ltree path
// ("eu.bg.yambol"); a region covers every region whose path starts with it.
type Region struct {
	ID      int64
	Path    string
	Name    string
	Country string // ISO 3166-1 alpha-2; empty above country level
}

// Covers reports whether region path a is b or an ancestor of b.
func Covers(a, b string) bool {
	return a == b || strings.HasPrefix(b, a+".")
}

// Depth is the number of labels in the path.
func (r Region) Depth() int { return strings.Count(r.Path, ".") + 1 }

// ParentPath is the path of the parent region, or "" for a root.
func (r Region) ParentPath() string {
	if i := strings.LastIndexByte(r.Path, '.'); i >= 0 {
		return r.Path[:i]
	}
	return ""
}

// ProductLine is a family of products the manufacturer sells.
type ProductLine struct {
	ID   int64
	Code string
	Name string
}

// Dealer is a partner company.
type Dealer struct {
	ID            int64
	Code          string
	Name          string
	Kind          DealerKind
	ParentID      int64 // 0 unless Kind is Subdealer
	Status        DealerStatus
	Tier          int
	HomeRegionID  int64
	ContractStart time.Time
	ContractEnd   *time.Time
	CreditLimit   Money
	ContactName   string
	ContactEmail  string
	ContactPhone  string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// TerritoryAssignment gives a dealer responsibility for a region and every
// region below it, for some segments and product lines (empty = all).
type TerritoryAssignment struct {
	ID             int64
	DealerID       int64
	RegionID       int64
	RegionPath     string
	Segments       []Segment
	ProductLineIDs []int64
	Exclusive      bool
	ValidFrom      time.Time
	ValidTo        *time.Time // inclusive last day; nil = open-ended
}

// ActiveOn reports whether the assignment is valid on the day of t.
func (a TerritoryAssignment) ActiveOn(t time.Time) bool {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if day.Before(a.ValidFrom) {
		return false
	}
	return a.ValidTo == nil || !day.After(*a.ValidTo)
}

// Customer is a company that buys the manufacturer's products.
type Customer struct {
	ID               int64
	Name             string
	NameNorm         string
	TaxID            string
	TaxIDNorm        string
	RegionID         int64
	Segment          Segment
	Size             CustomerSize
	KeyAccount       bool
	KeyAccountReason string
	Owner            Owner
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Owner is who owns a customer, and since when.
type Owner struct {
	Kind     OwnerKind
	DealerID int64 // set when Kind is OwnerDealer
	Since    time.Time
}

// OwnershipChange is one append-only entry of a customer's history.
type OwnershipChange struct {
	ID           int64
	CustomerID   int64
	FromKind     OwnerKind // empty for the initial entry
	FromDealerID int64
	ToKind       OwnerKind
	ToDealerID   int64
	How          OwnershipHow
	Reason       string
	DecidedBy    string
	At           time.Time
}

// Deal is a registered opportunity or order through one channel.
type Deal struct {
	ID             int64
	CustomerID     int64
	Channel        ChannelKind
	DealerID       int64 // set when Channel is ChannelDealer
	ProductLineID  int64
	Quantity       int
	UnitPrice      int64 // minor units of Currency
	Amount         int64 // minor units of Currency
	Currency       string
	Stage          DealStage
	Prepaid        int64
	ExpectedClose  *time.Time
	RegisteredAt   time.Time
	ProtectedUntil *time.Time
	ClosedAt       *time.Time
	CloseReason    string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Protected reports whether the registration protects its channel at t.
// Protection ends at the exact instant ProtectedUntil.
func (d Deal) Protected(at time.Time) bool {
	return d.Stage.Open() && d.Stage != StagePendingApproval && d.ProtectedUntil != nil && at.Before(*d.ProtectedUntil)
}

// Policy is one calendar year's commercial policy (seed 004).
type Policy struct {
	Year                         int
	Currency                     string
	DirectSaleThreshold          int64 // minor units
	RegistrationProtectionDays   int
	RegistrationRequiresApproval bool
	PriceMismatchTolerancePct    float64
	MarketingBudgetPct           float64
	ManufacturerSharePct         float64
	DefaultCompensationPct       float64
	PlanDeviationMarginPct       float64
	PriceFloors                  map[int64]int64 // product line id → min unit price, minor units
	BonusTiers                   []BonusTier     // ascending by MinAttainmentPct
	UpdatedAt                    time.Time
}

// BonusTier: reaching MinAttainmentPct of plan earns BonusPct of actual.
type BonusTier struct {
	MinAttainmentPct float64
	BonusPct         float64
}

// DealerPlan is a dealer's planned volume and payment terms for a year.
type DealerPlan struct {
	DealerID      int64
	Year          int
	PlannedVolume int64
	Currency      string
	PrepaymentPct float64
	CreditLimit   int64
	Actual        int64 // won volume in the year, computed
}

// AttainmentPct is actual over plan, in percent; 0 when there is no plan.
func (p DealerPlan) AttainmentPct() float64 {
	if p.PlannedVolume <= 0 {
		return 0
	}
	return float64(p.Actual) * 100 / float64(p.PlannedVolume)
}
