// Package graph serves Channelboard's GraphQL API: the schema (*.graphqls),
// gqlgen's generated executor, thin resolvers that call the store, the
// per-request dataloaders and the error presenter. It holds no SQL; the
// store package does every query.
package graph

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"channelboard/channel"
)

// MarshalTime writes a timestamp as RFC 3339 in UTC, so clients compare
// strings from different servers without time zone surprises.
func MarshalTime(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.UTC().Format(time.RFC3339Nano)))
	})
}

// UnmarshalTime reads an RFC 3339 timestamp.
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, channel.Invalid("", "a time must be an RFC 3339 string")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, channel.Invalid("", "%q is not an RFC 3339 time", s)
	}
	return t.UTC(), nil
}

// MarshalDate writes a calendar date as YYYY-MM-DD. Dates are held as
// midnight UTC so that comparing two of them never crosses a zone.
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.UTC().Format(time.DateOnly)))
	})
}

// UnmarshalDate reads YYYY-MM-DD into midnight UTC.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, channel.Invalid("", "a date must be a YYYY-MM-DD string")
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, channel.Invalid("", "%q is not a YYYY-MM-DD date", s)
	}
	return t, nil
}

// MarshalInt64 writes a 64-bit integer as a JSON number (gqlgen's own).
func MarshalInt64(v int64) graphql.Marshaler { return graphql.MarshalInt64(v) }

// UnmarshalInt64 is gqlgen's, except that a bad value is the client's
// fault (BAD_USER_INPUT), not an internal error: gqlparser does not check
// custom scalars, so this is the only check.
func UnmarshalInt64(v any) (int64, error) {
	n, err := graphql.UnmarshalInt64(v)
	if err != nil {
		return 0, channel.Invalid("", "not a 64-bit integer")
	}
	return n, nil
}
