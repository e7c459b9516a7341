package graph

import (
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// objectJSON is what the generated code returns for an object instead of
// its *graphql.FieldSet (graph/internal/gqlgenrun/plainfields.go): the
// same JSON, {"alias":value,...} in the selection's order with a repeated
// alias written once, without the per-field copies and the map gqlgen's
// FieldSet.MarshalGQL allocates.
type objectJSON struct {
	fields []graphql.CollectedField
	values []graphql.Marshaler
}

func (o objectJSON) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, "{")
	first := true
	for i := range o.fields {
		alias := o.fields[i].Alias
		if repeated(o.fields[:i], alias) {
			continue
		}
		if !first {
			_, _ = io.WriteString(w, ",")
		}
		first = false
		// An alias is a GraphQL name, [_A-Za-z][_0-9A-Za-z]*, which the
		// parser checked: nothing in it needs escaping.
		_, _ = io.WriteString(w, `"`)
		_, _ = io.WriteString(w, alias)
		_, _ = io.WriteString(w, `":`)
		o.values[i].MarshalGQL(w)
	}
	_, _ = io.WriteString(w, "}")
}

func repeated(before []graphql.CollectedField, alias string) bool {
	for i := range before {
		if before[i].Alias == alias {
			return true
		}
	}
	return false
}
