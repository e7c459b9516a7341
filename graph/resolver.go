package graph

import (
	"log/slog"

	"channelboard/store"
)

// Resolver holds what the resolvers need: the store, and a logger for the
// errors that must not reach clients.
type Resolver struct {
	store  *store.Store
	logger *slog.Logger
	feed   *store.Hub // the live feed's hub; nil without subscriptions
}
