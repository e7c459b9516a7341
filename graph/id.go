package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"channelboard/channel"
)

// Global ids are opaque to clients: base64 of "Type:id". Clients must not
// build them, so the encoding can change without breaking anyone who only
// echoes ids back.

// Type names of the global ids; they are the GraphQL type names.
const (
	typeDealer          = "Dealer"
	typeRegion          = "Region"
	typeProductLine     = "ProductLine"
	typeTerritory       = "TerritoryAssignment"
	typeCustomer        = "Customer"
	typeOwnershipChange = "OwnershipChange"
	typeDeal            = "Deal"
	typePolicy          = "Policy"
	typeConflict        = "Conflict"
)

func encodeID(typ string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + strconv.FormatInt(id, 10)))
}

// parseID splits a global id into its type and database id.
func parseID(gid string) (typ string, id int64, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(gid, "="))
	if err != nil {
		return "", 0, false
	}
	typ, num, found := strings.Cut(string(b), ":")
	if !found || typ == "" {
		return "", 0, false
	}
	id, err = strconv.ParseInt(num, 10, 64)
	if err != nil || id <= 0 {
		return "", 0, false
	}
	return typ, id, true
}

// decodeID reads a global id that must be of type typ; field names the
// input at fault when it is not.
func decodeID(gid, typ, field string) (int64, error) {
	t, id, ok := parseID(gid)
	if !ok {
		return 0, channel.Invalid(field, "invalid id")
	}
	if t != typ {
		return 0, channel.Invalid(field, "the id is of a %s, not a %s", t, typ)
	}
	return id, nil
}

// decodeOptID decodes an optional id; nil gives nil.
func decodeOptID(gid *string, typ, field string) (*int64, error) {
	if gid == nil {
		return nil, nil
	}
	id, err := decodeID(*gid, typ, field)
	if err != nil {
		return nil, err
	}
	return &id, nil
}

// policyID: a policy is keyed by its year.
func policyID(year int) string { return encodeID(typePolicy, int64(year)) }
