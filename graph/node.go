package graph

import (
	"context"
	"errors"

	"github.com/vikstrous/dataloadgen"

	"channelboard/channel"
	"channelboard/store"
)

// Node is any object with a global id. It is an empty interface because the
// objects are the channel package's plain structs, which must not know about
// GraphQL; the executor tells them apart by their Go type.
type Node interface{}

// node fetches any object by global id: a malformed id is bad input, an
// unknown type or a missing object is null.
func (r *Resolver) node(ctx context.Context, gid, field string) (Node, error) {
	thunk, err := r.nodeThunk(ctx, gid, field)
	if err != nil {
		return nil, err
	}
	return thunk()
}

// nodes fetches several objects; every id is queued with its loader before
// any is awaited, so each type costs one query, not one per id.
func (r *Resolver) nodes(ctx context.Context, gids []string, field string) ([]Node, error) {
	if len(gids) > store.MaxPageSize {
		return nil, channel.Invalid(field, "at most %d ids at once", store.MaxPageSize)
	}
	thunks := make([]func() (Node, error), len(gids))
	for i, gid := range gids {
		t, err := r.nodeThunk(ctx, gid, field)
		if err != nil {
			return nil, err
		}
		thunks[i] = t
	}
	out := make([]Node, len(gids))
	for i, t := range thunks {
		n, err := t()
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func (r *Resolver) nodeThunk(ctx context.Context, gid, field string) (func() (Node, error), error) {
	typ, id, ok := parseID(gid)
	if !ok {
		return nil, channel.Invalid(field, "invalid id")
	}
	l := r.loaders(ctx)
	switch typ {
	case typeDealer:
		return nodeOf(ctx, l.dealer(), id), nil
	case typeRegion:
		return nodeOf(ctx, l.region(), id), nil
	case typeProductLine:
		return nodeOf(ctx, l.productLine(), id), nil
	case typeTerritory:
		return nodeOf(ctx, l.territory(), id), nil
	case typeCustomer:
		return nodeOf(ctx, l.customer(), id), nil
	case typeOwnershipChange:
		return nodeOf(ctx, l.ownershipChange(), id), nil
	case typeDeal:
		return nodeOf(ctx, l.deal(), id), nil
	case typePolicy:
		return nodeOf(ctx, l.policy(), int(id)), nil
	case typeConflict:
		return nodeOf(ctx, l.conflict(), id), nil
	}
	return func() (Node, error) { return nil, nil }, nil
}

// nodeOf queues a load and returns a thunk giving a pointer to the object,
// or an untyped nil when it does not exist (a typed nil pointer inside the
// interface would not marshal as GraphQL null).
func nodeOf[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], key K) func() (Node, error) {
	thunk := l.LoadThunk(ctx, key)
	return func() (Node, error) {
		v, err := thunk()
		if errors.Is(err, dataloadgen.ErrNotFound) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		return &v, nil
	}
}
