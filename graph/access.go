package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"channelboard/channel"
	"channelboard/store"
)

// This file holds the resolvers' side of who may see and do what (the
// database's side is row security, migrations/0008_access.up.sql): every
// operation needs a signed-in viewer, every mutation names the permission
// it needs, and what a dealer user reads of a conflict's other parties is
// redacted here. Reads are narrowed by the store, which takes the viewer
// from the context.

// requireViewer refuses any operation, query, mutation or subscription,
// from a request without a signed-in viewer (server/auth.go puts the
// viewer of a session cookie or bearer token in the context).
type requireViewer struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = requireViewer{}

func (requireViewer) ExtensionName() string { return "RequireViewer" }

func (requireViewer) Validate(graphql.ExecutableSchema) error { return nil }

func (requireViewer) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if _, ok := channel.ViewerFrom(ctx); ok {
		return next(ctx)
	}
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
		Message:    "Sign in first: send the session cookie or an Authorization: Bearer token.",
		Extensions: map[string]any{"code": channel.EUnauthenticated},
	}}})
}

// allow returns the viewer when it passes check, else UNAUTHENTICATED (no
// viewer) or FORBIDDEN with what was refused.
func allow(ctx context.Context, what string, check func(channel.Viewer) bool) (channel.Viewer, error) {
	v, ok := channel.ViewerFrom(ctx)
	if !ok {
		return v, channel.Errorf(channel.EUnauthenticated, "sign in first")
	}
	if !check(v) {
		return v, channel.Errorf(channel.EForbidden, "your role (%s) may not %s", v.Role, what)
	}
	return v, nil
}

func staff(v channel.Viewer) bool { return v.CanManageChannel() }

func seesAll(v channel.Viewer) bool { return v.SeesAll() }

func canWrite(v channel.Viewer) bool { return v.CanWrite() }

// ownDeal lets staff change any deal and a dealer user only its own: a deal
// it may not see is NOT_FOUND, as if it did not exist.
func (r *Resolver) ownDeal(ctx context.Context, v channel.Viewer, id int64) error {
	if v.CanApproveDeals() {
		return nil
	}
	d, err := r.store.Deal(ctx, id)
	if err != nil {
		return err
	}
	if !v.CanRegisterDeal(d.Channel, d.DealerID) {
		return channel.NotFound("deal")
	}
	return nil
}

// atStake is the money a conflict is about as the viewer may see it: all
// of it for staff; for a dealer user only the amounts of its own deals in
// the conflict, since the total would reveal the other side's.
func (r *Resolver) atStake(ctx context.Context, c *store.Conflict) (*channel.Money, error) {
	v, _ := channel.ViewerFrom(ctx)
	if v.SeesAll() {
		return &c.AtStake, nil
	}
	deals, err := loadAll(ctx, r.loaders(ctx).deal(), c.DealIDs)
	if err != nil {
		return nil, err
	}
	own := channel.Money{Currency: c.AtStake.Currency}
	for _, d := range deals {
		if d.Currency == own.Currency {
			own.Minor += d.Amount
		}
	}
	if own.Minor > c.AtStake.Minor {
		own.Minor = c.AtStake.Minor
	}
	return &own, nil
}

// redactedText renders an explanation in lang. The explanation resolver
// redacted it in English; "another partner" is put in lang here.
func redactedText(ctx context.Context, e *channel.Explanation, lang string) string {
	v, _ := channel.ViewerFrom(ctx)
	if v.SeesAll() {
		return e.Text(lang)
	}
	other, _ := channel.PartyLabels(lang)
	c := *e
	c.Params = make(map[string]string, len(e.Params))
	for k, val := range e.Params {
		if val == channel.LabelOtherPartner {
			val = other
		}
		c.Params[k] = val
	}
	return c.Text(lang)
}

// eventReason is why an event happened as the viewer may read it. The log
// keeps the words the rule said then, with every party named; a dealer
// user reads instead the conflict's explanation redacted for it, or for a
// resolution just the resolution.
func (r *Resolver) eventReason(ctx context.Context, e *store.ConflictEvent) (string, error) {
	v, _ := channel.ViewerFrom(ctx)
	if v.SeesAll() {
		return e.Reason, nil
	}
	c, err := load(ctx, r.loaders(ctx).conflict(), e.ConflictID, "conflict")
	if err != nil {
		return "", err
	}
	if e.Type == "RESOLVED" && c.Resolution != "" {
		return "resolved: " + string(c.Resolution), nil
	}
	ex := v.RedactExplanation(c.Explanation, "en")
	return redactedText(ctx, &ex, "en"), nil
}

// WithRecheckEvery sets how often a live subscription checks that its
// viewer's session or token still holds (default 30 s).
func WithRecheckEvery(d time.Duration) Option { return func(o *options) { o.recheck = d } }
