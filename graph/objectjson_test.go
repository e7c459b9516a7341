package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// objectJSON writes exactly what gqlgen's FieldSet writes for the same
// fields and values, a repeated alias included.
func TestObjectJSONWritesWhatTheFieldSetWrites(t *testing.T) {
	field := func(alias string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Alias: alias, Name: alias}}
	}
	cases := [][]graphql.CollectedField{
		nil,
		{field("name")},
		{field("id"), field("name"), field("__typename")},
		{field("a"), field("b"), field("a")},
	}
	for _, fields := range cases {
		values := make([]graphql.Marshaler, len(fields))
		for i := range values {
			switch i % 3 {
			case 0:
				values[i] = graphql.MarshalString(`say "hi" ` + fields[i].Alias)
			case 1:
				values[i] = graphql.MarshalInt(i)
			default:
				values[i] = graphql.Null
			}
		}
		fs := graphql.NewFieldSet(fields)
		copy(fs.Values, values)
		var want, got bytes.Buffer
		fs.MarshalGQL(&want)
		objectJSON{fields: fields, values: values}.MarshalGQL(&got)
		if got.String() != want.String() {
			t.Errorf("got %s, want %s", got.String(), want.String())
		}
	}
}
