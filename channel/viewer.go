package channel

import (
	"context"
	"slices"
)

// Role is what a signed-in person or token may do (SPEC "Who uses it").
type Role string

const (
	// RoleDirector sees and does everything, users and policy included.
	RoleDirector Role = "DIRECTOR"
	// RoleManager approves deals, resolves conflicts and manages dealers,
	// territories and customers: everything but users and policy.
	RoleManager Role = "MANAGER"
	// RoleDealer is a user of one dealer: it sees only that dealer's own
	// accounts, deals, conflicts and plan, and registers its deals.
	RoleDealer Role = "DEALER"
	// RoleAnalyst reads everything and changes nothing.
	RoleAnalyst Role = "ANALYST"
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleDirector, RoleManager, RoleDealer, RoleAnalyst}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Viewer is the principal of a request: who is asking, in which role, and
// for a dealer user which dealer. It always comes from the session or the
// API token, never from a request's arguments. The zero Viewer is nobody
// and may do and see nothing.
type Viewer struct {
	UserID   int64
	Email    string
	Role     Role
	DealerID int64 // set iff Role is RoleDealer
	// DealerName is the name of the viewer's dealer, for redacting
	// explanations, whose parameters name parties by name.
	DealerName string
}

// Anonymous reports whether nobody is signed in.
func (v Viewer) Anonymous() bool { return v.UserID == 0 || !v.Role.Valid() }

// dealerBound is a dealer user properly bound to a dealer; a dealer user
// without one (which the schema forbids) sees nothing rather than all.
func (v Viewer) dealerBound() bool { return v.Role == RoleDealer && v.DealerID != 0 }

// SeesAll reports whether the viewer reads every dealer's data.
func (v Viewer) SeesAll() bool {
	if v.Anonymous() {
		return false
	}
	return v.Role == RoleDirector || v.Role == RoleManager || v.Role == RoleAnalyst
}

// CanWrite reports whether the viewer may change anything at all; each
// change still has its own check below.
func (v Viewer) CanWrite() bool {
	if v.Anonymous() {
		return false
	}
	return v.Role == RoleDirector || v.Role == RoleManager || v.dealerBound()
}

// CanManageUsers: users and API tokens of others are the director's.
func (v Viewer) CanManageUsers() bool { return !v.Anonymous() && v.Role == RoleDirector }

// CanSetPolicy: the yearly commercial policy is the director's.
func (v Viewer) CanSetPolicy() bool { return !v.Anonymous() && v.Role == RoleDirector }

// CanReadAudit: the audit log names every actor, so only the director.
func (v Viewer) CanReadAudit() bool { return !v.Anonymous() && v.Role == RoleDirector }

// CanImport: loading customers, deals or dealers from a file in bulk
// (server/importcsv.go) is the director's.
func (v Viewer) CanImport() bool { return !v.Anonymous() && v.Role == RoleDirector }

// CanApproveDeals: approving registrations is the channel team's.
func (v Viewer) CanApproveDeals() bool { return v.staff() }

// CanResolveConflicts: deciding conflicts is the channel team's.
func (v Viewer) CanResolveConflicts() bool { return v.staff() }

// CanManageChannel: dealers, territory assignments, regions, product lines
// and customers' master data (and owners) are the channel team's.
func (v Viewer) CanManageChannel() bool { return v.staff() }

// CanCreateToken: a person may create API tokens for themselves; the
// director for anyone.
func (v Viewer) CanCreateToken(forUserID int64) bool {
	if v.Anonymous() {
		return false
	}
	return v.Role == RoleDirector || forUserID == v.UserID
}

func (v Viewer) staff() bool {
	return !v.Anonymous() && (v.Role == RoleDirector || v.Role == RoleManager)
}

// CanRegisterDeal reports whether the viewer may create or change a deal
// through this channel: the channel team any deal, a dealer user only deals
// of its own dealer (never a direct deal, never another dealer's).
func (v Viewer) CanRegisterDeal(kind ChannelKind, dealerID int64) bool {
	if v.staff() {
		return true
	}
	return v.dealerBound() && kind == ChannelDealer && dealerID == v.DealerID
}

// SeesDealer reports whether the viewer may see the dealer with this id.
func (v Viewer) SeesDealer(id int64) bool {
	return v.SeesAll() || (v.dealerBound() && id == v.DealerID)
}

// SeesCustomer reports whether the viewer may see a customer, given the
// dealer that owns it (0 for direct or unassigned) and the dealers that
// have deals with it. A dealer user sees its own accounts and the customers
// it registered deals for, nobody else's.
func (v Viewer) SeesCustomer(ownerDealerID int64, dealerIDsWithDeals []int64) bool {
	if v.SeesAll() {
		return true
	}
	if !v.dealerBound() {
		return false
	}
	return ownerDealerID == v.DealerID || slices.Contains(dealerIDsWithDeals, v.DealerID)
}

// SeesDeal reports whether the viewer may see a deal of this channel.
func (v Viewer) SeesDeal(kind ChannelKind, dealerID int64) bool {
	if v.SeesAll() {
		return true
	}
	return v.dealerBound() && kind == ChannelDealer && dealerID == v.DealerID
}

// SeesConflict reports whether the viewer may see a conflict with these
// dealer parties: a dealer user only conflicts it is a party to.
func (v Viewer) SeesConflict(partyDealerIDs []int64) bool {
	if v.SeesAll() {
		return true
	}
	return v.dealerBound() && slices.Contains(partyDealerIDs, v.DealerID)
}

// SeesPlan reports whether the viewer may see a dealer's plan and bonus.
func (v Viewer) SeesPlan(dealerID int64) bool { return v.SeesDealer(dealerID) }

// PartyKind is how a party of a conflict is shown to a viewer.
type PartyKind string

const (
	// PartySelf: the viewer's own dealer, shown in full.
	PartySelf PartyKind = "SELF"
	// PartyDealer: a dealer the viewer may see in full.
	PartyDealer PartyKind = "DEALER"
	// PartyDirect: the manufacturer's direct team.
	PartyDirect PartyKind = "DIRECT"
	// PartyOtherPartner: a dealer hidden from the viewer.
	PartyOtherPartner PartyKind = "OTHER_PARTNER"
)

// Party is one side of a conflict as a viewer may see it. DealerID is 0
// when hidden; Label is what to show.
type Party struct {
	Kind     PartyKind
	DealerID int64
	Label    string
}

// Labels a dealer user reads in place of another party.
const (
	LabelOtherPartner = "another partner"
	LabelDirectSales  = "direct sales"
)

var partyLabels = map[string][2]string{
	"en": {LabelOtherPartner, LabelDirectSales},
	"ru": {"другой партнёр", "прямые продажи"},
	"bg": {"друг партньор", "директни продажби"},
}

// PartyLabels returns the "another partner" and "direct sales" labels in
// lang ("ru" or "ru-…" for Russian, "bg" or "bg-…" for Bulgarian, anything
// else English).
func PartyLabels(lang string) (otherPartner, directSales string) {
	l := partyLabels["en"]
	switch {
	case isLang(lang, "ru"):
		l = partyLabels["ru"]
	case isLang(lang, "bg"):
		l = partyLabels["bg"]
	}
	return l[0], l[1]
}

// Party returns how a party of a conflict is shown to the viewer: dealerID
// is the party's dealer, 0 for the direct channel; name is its name, shown
// only when the viewer may see that dealer.
func (v Viewer) Party(dealerID int64, name, lang string) Party {
	other, direct := PartyLabels(lang)
	switch {
	case dealerID == 0:
		return Party{Kind: PartyDirect, Label: direct}
	case v.dealerBound() && dealerID == v.DealerID:
		return Party{Kind: PartySelf, DealerID: dealerID, Label: name}
	case v.SeesDealer(dealerID):
		return Party{Kind: PartyDealer, DealerID: dealerID, Label: name}
	}
	return Party{Kind: PartyOtherPartner, Label: other}
}

// SeesDealAmounts reports whether the viewer may see a deal's prices and
// amounts: exactly when it may see the deal.
func (v Viewer) SeesDealAmounts(kind ChannelKind, dealerID int64) bool {
	return v.SeesDeal(kind, dealerID)
}

// explanationDealerParams name a dealer (or, empty, the direct channel).
var explanationDealerParams = []string{ParamDealer, ParamHolder, ParamOwner, ParamSuggested, ParamChannelA, ParamChannelB, ParamOtherOwner}

// RedactExplanation returns the explanation as the viewer may read it, in
// lang. Staff and analysts read it whole. A dealer user reads its own
// dealer's name; every other dealer becomes "another partner", and money
// that belongs to the other side (its price, its prepayment, its deal's
// amount) is removed, as are the names of customers it may not know about
// and the holders of exclusive assignments. The input is not modified.
func (v Viewer) RedactExplanation(e Explanation, lang string) Explanation {
	if v.SeesAll() {
		return e
	}
	other, _ := PartyLabels(lang)
	own := v.DealerName
	mine := func(name string) bool { return v.dealerBound() && own != "" && name == own }
	p := make(map[string]string, len(e.Params))
	for k, val := range e.Params {
		p[k] = val
	}
	for _, k := range explanationDealerParams {
		if val, ok := p[k]; ok && val != "" && !mine(val) {
			p[k] = other
		}
	}
	// An empty holder, channel or owner renders as the direct channel
	// already, in the reader's language.
	if p[ParamExclusive] != "" && !mine(e.Params[ParamExclusive]) {
		p[ParamExclusive] = other
	}
	switch e.Rule {
	case DirectBypass, SmallDirectOrder:
		// The measured amount is the direct deal's.
		e.Measured = nil
	case PriceMismatch:
		// Both sides are priced; keep only the viewer's own, and drop the
		// difference, from which the other price would follow.
		if !mine(e.Params[ParamChannelA]) {
			e.Measured = nil
		}
		if !mine(e.Params[ParamChannelB]) {
			e.Other = nil
		}
		e.MeasuredPct = 0
	case PriceBelowFloor:
		// One party: the dealer of the deal judged, so the price is the
		// viewer's own whenever the viewer sees the conflict at all.
	case DuplicateCustomer:
		// Of the two customers, show the name of the one the viewer is
		// known to own; the other may be another dealer's account.
		if mine(e.Params[ParamOtherOwner]) {
			p[ParamCustomer] = other
		} else {
			p[ParamOtherCustomer] = other
		}
	default:
		if !mine(e.Params[ParamDealer]) {
			e.Measured = nil
		}
	}
	if !mine(e.Params[ParamHolder]) {
		e.Prepaid = nil
	}
	e.Params = p
	return e
}

type viewerKey struct{}

// WithViewer returns a context carrying the viewer of a request.
func WithViewer(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// ViewerFrom returns the request's viewer; ok is false when nobody signed
// in (the zero Viewer, which may see nothing, is returned then).
func ViewerFrom(ctx context.Context) (Viewer, bool) {
	v, ok := ctx.Value(viewerKey{}).(Viewer)
	if !ok || v.Anonymous() {
		return Viewer{}, false
	}
	return v, true
}

type recheckKey struct{}

// WithRecheck returns a context that carries how to check again that the
// credentials the viewer came from (a session, an API token) still hold: a
// long-lived subscription calls it now and then, so a revoked token or an
// ended session stops its stream.
func WithRecheck(ctx context.Context, check func(context.Context) error) context.Context {
	return context.WithValue(ctx, recheckKey{}, check)
}

// Recheck returns the context's credential check, or nil.
func Recheck(ctx context.Context) func(context.Context) error {
	f, _ := ctx.Value(recheckKey{}).(func(context.Context) error)
	return f
}
