package channel

import "time"

// Resolution is how a person closed a conflict (SPEC "Resolutions"), or
// AUTO when the rules found its condition gone.
type Resolution string

const (
	// AwardDealer: the dealer's deal keeps the business; the competing
	// open deals of the conflict are cancelled.
	AwardDealer Resolution = "AWARD_DEALER"
	// AwardDirect: the direct deal keeps it; the dealer's competing deals
	// are cancelled and the dealer is compensated (seed 000 §8).
	AwardDirect Resolution = "AWARD_DIRECT"
	// Split: the credit is shared between the deals in stated percentages.
	Split Resolution = "SPLIT"
	// RouteToDealer: a small direct order is handed to a dealer (seed 000
	// §2–3): the direct deal is cancelled and the dealer gets a new one.
	RouteToDealer Resolution = "ROUTE_TO_DEALER"
	// TransferCustomer: the customer changes owner, kept in its history.
	TransferCustomer Resolution = "TRANSFER_CUSTOMER"
	// Dismiss: no action; a reason is required.
	Dismiss Resolution = "DISMISS"
	// ResolutionAuto: the rules closed the conflict when its condition was
	// gone; no person decided it.
	ResolutionAuto Resolution = "AUTO"
)

// Resolutions lists what a person may choose, in the SPEC's order.
var Resolutions = []Resolution{AwardDealer, AwardDirect, Split, RouteToDealer, TransferCustomer, Dismiss}

// CompensationBasis is what a dealer is compensated with when a direct sale
// wins over its claim (seed 000 §8: an agent commission, a discount on its
// next goods, or cash).
type CompensationBasis string

const (
	AgentCommission CompensationBasis = "AGENT_COMMISSION"
	DiscountOnGoods CompensationBasis = "DISCOUNT_ON_GOODS"
	Cash            CompensationBasis = "CASH"
)

// Compensation is money owed to a dealer by a conflict's resolution.
type Compensation struct {
	ID         int64
	ConflictID int64
	DealerID   int64
	DealID     int64 // the dealer's deal it makes up for; 0 for none
	Basis      CompensationBasis
	Amount     Money
	Note       string
	CreatedAt  time.Time
}

// CreditSplit is one deal's share of the credit after a SPLIT resolution.
type CreditSplit struct {
	ConflictID int64
	DealID     int64
	SharePct   float64
}
