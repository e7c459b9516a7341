package graph

import (
	"log/slog"
	"time"

	"channelboard/store"
)

// Resolver holds what the resolvers need: the store, and a logger for the
// errors that must not reach clients.
type Resolver struct {
	store  *store.Store
	logger *slog.Logger
	feed   *store.Hub // the live feed's hub; nil without subscriptions
	// recheck is how often a subscription checks that its viewer's
	// session or token still holds.
	recheck time.Duration
}
