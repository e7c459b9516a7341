package graph

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"
)

// graphiqlIntrospection is the query the analyst console's GraphiQL sends
// (graphql-js getIntrospectionQuery({inputValueDeprecation: true,
// schemaDescription: true})), the largest document the app sends.
const graphiqlIntrospection = `
    query IntrospectionQuery {
      __schema {
        description
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description
          locations
          args(includeDeprecated: true) {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
`

type appOperation struct{ name, source string }

var (
	codegenDocument = regexp.MustCompile(`(?m)^\s*("(?:[^"\\]|\\.)*"): typeof types\.`)
	consoleExample  = regexp.MustCompile("(?s)query: `(.*?)`,")
	inlineQuery     = regexp.MustCompile(`query: '(\{[^']*\})'`)
)

// appOperations reads every GraphQL document the app sends: the codegen'd
// operations of the frontend, the console's saved queries, inline probes,
// and GraphiQL's introspection query. Each comes with the fragments it
// spreads.
func appOperations(t *testing.T) []appOperation {
	t.Helper()
	src := func(path string) string {
		b, err := os.ReadFile(filepath.Join("..", "frontend", "src", path))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var docs []string
	for _, m := range codegenDocument.FindAllStringSubmatch(src("gql/gql.ts"), -1) {
		s, err := strconv.Unquote(m[1])
		if err != nil {
			t.Fatalf("gql.ts document %s: %v", m[1], err)
		}
		docs = append(docs, s)
	}
	for _, m := range consoleExample.FindAllStringSubmatch(src("screens/console/examples.ts"), -1) {
		docs = append(docs, m[1])
	}
	for _, m := range inlineQuery.FindAllStringSubmatch(src("screens/board/useConflictFeed.ts"), -1) {
		docs = append(docs, m[1])
	}
	docs = append(docs, graphiqlIntrospection)
	if len(docs) < 20 {
		t.Fatalf("found only %d documents in the frontend", len(docs))
	}

	fragments := map[string]string{}
	var ops []string
	for _, d := range docs {
		doc, err := parser.ParseQuery(&ast.Source{Input: d})
		if err != nil {
			t.Fatalf("parse %q: %v", d, err)
		}
		if len(doc.Operations) == 0 {
			for _, f := range doc.Fragments {
				fragments[f.Name] = d
			}
			continue
		}
		ops = append(ops, d)
	}
	var out []appOperation
	seen := map[string]bool{}
	for _, op := range ops {
		if seen[op] {
			continue
		}
		seen[op] = true
		full := op
		for {
			doc, err := parser.ParseQuery(&ast.Source{Input: full})
			if err != nil {
				t.Fatal(err)
			}
			missing := ""
			for _, name := range spreads(doc) {
				if doc.Fragments.ForName(name) == nil {
					missing = name
				}
			}
			if missing == "" {
				out = append(out, appOperation{name: doc.Operations[0].Name, source: full})
				break
			}
			f, ok := fragments[missing]
			if !ok {
				t.Fatalf("fragment %s not found", missing)
			}
			full += "\n" + f
		}
	}
	return out
}

func spreads(doc *ast.QueryDocument) []string {
	var names []string
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				walk(sel.SelectionSet)
			case *ast.InlineFragment:
				walk(sel.SelectionSet)
			case *ast.FragmentSpread:
				names = append(names, sel.Name)
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		walk(f.SelectionSet)
	}
	return names
}

func tokens(t *testing.T, src string) int {
	t.Helper()
	lex := lexer.New(&ast.Source{Input: src})
	n := 0
	for {
		tok, err := lex.ReadToken()
		if err != nil {
			t.Fatal(err)
		}
		if tok.Kind == lexer.EOF {
			return n
		}
		n++
	}
}

// TestAppOperationsFitTheLimits measures every document the app sends and
// fails when one would be refused: the limits are chosen from these
// numbers (see the Default constants), and a new screen must not hit them.
func TestAppOperationsFitTheLimits(t *testing.T) {
	cfg := Config{}
	setComplexity(&cfg.Complexity)
	es := NewExecutableSchema(cfg)
	l := DefaultLimits()
	var most struct{ depth, aliases, directives, tokens, chars, complexity int }
	for _, op := range appOperations(t) {
		doc, errs := gqlparser.LoadQuery(es.Schema(), op.source)
		if len(errs) > 0 {
			t.Errorf("%s does not validate: %v", op.name, errs)
			continue
		}
		m := measurer{doc: doc, memo: map[string]shape{}, onPath: map[string]bool{}}
		s := m.selectionSet(doc.Operations[0].SelectionSet)
		// The app's lists ask for at most 200; price them at that.
		vars := map[string]any{"first": 200}
		c := complexity.Calculate(context.Background(), es, doc.Operations[0], vars)
		tok, chars := tokens(t, op.source), len([]rune(op.source))
		t.Logf("%-28s depth %2d aliases %2d directives %d tokens %4d chars %5d complexity %5d",
			op.name, s.depth, s.aliases, s.directives, tok, chars, c)
		most.depth, most.aliases, most.directives = max(most.depth, s.depth), max(most.aliases, s.aliases), max(most.directives, s.directives)
		most.tokens, most.chars, most.complexity = max(most.tokens, tok), max(most.chars, chars), max(most.complexity, c)
		if s.depth > l.MaxDepth || s.aliases > l.MaxAliases || s.directives > l.MaxDirectives ||
			tok > l.MaxTokens || chars > l.MaxQueryChars || c > l.MaxComplexity {
			t.Errorf("%s exceeds a limit", op.name)
		}
	}
	t.Logf("largest: %+v", most)
}

// TestEveryPaginatedFieldIsPriced fails when a list field with a first
// argument is added to the schema without a complexity function.
func TestEveryPaginatedFieldIsPriced(t *testing.T) {
	cfg := Config{}
	setComplexity(&cfg.Complexity)
	root := reflect.ValueOf(cfg.Complexity)
	n := 0
	for _, typ := range NewExecutableSchema(cfg).Schema().Types {
		if typ.Kind != ast.Object || strings.HasPrefix(typ.Name, "__") {
			continue
		}
		for _, f := range typ.Fields {
			if f.Arguments.ForName("first") == nil {
				continue
			}
			n++
			fn := root.FieldByName(typ.Name)
			if fn.IsValid() {
				fn = fn.FieldByName(string(unicode.ToUpper(rune(f.Name[0]))) + f.Name[1:])
			}
			if !fn.IsValid() || fn.IsNil() {
				t.Errorf("%s.%s takes first but has no complexity function: add it to setComplexity", typ.Name, f.Name)
			}
		}
	}
	if n < 10 {
		t.Fatalf("found only %d paginated fields", n)
	}
}

func TestMeasureThroughFragments(t *testing.T) {
	es := NewExecutableSchema(Config{})
	cases := []struct {
		name, query                string
		depth, aliases, directives int
		introspection              bool
	}{
		{"plain", `{ customers { edges { node { name owner { dealer { name } } } } } }`, 6, 0, 0, false},
		{"fragment adds its depth where spread",
			`{ customers { edges { node { ...C } } } } fragment C on Customer { owner { dealer { name } } }`, 6, 0, 0, false},
		{"aliases in a fragment count once per spread",
			`{ a: dealer(id: "x") { ...D } b: dealer(id: "y") { ...D } } fragment D on Dealer { n1: name n2: name n3: code }`, 2, 8, 0, false},
		{"directives everywhere",
			`query Q($s: Boolean!) { dealer(id: "x") @include(if: $s) { ...D @skip(if: $s) } } fragment D on Dealer { name @include(if: true) }`, 2, 0, 3, false},
		{"introspection is not counted for depth",
			`{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }`, 1, 0, 0, true},
		{"introspection inside a fragment", `{ ...I } fragment I on Query { __type(name: "Dealer") { name } }`, 1, 0, 0, true},
	}
	for _, c := range cases {
		doc, errs := gqlparser.LoadQuery(es.Schema(), c.query)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", c.name, errs)
		}
		m := measurer{doc: doc, memo: map[string]shape{}, onPath: map[string]bool{}}
		s := m.selectionSet(doc.Operations[0].SelectionSet)
		s.directives += len(doc.Operations[0].Directives)
		want := shape{depth: c.depth, aliases: c.aliases, directives: c.directives, introspection: c.introspection}
		if s != want {
			t.Errorf("%s: got %+v, want %+v", c.name, s, want)
		}
	}
}

// A document whose expansion doubles with each fragment is measured in
// linear time, and its count saturates instead of overflowing.
func TestMeasureFragmentBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{ ...F0 } fragment F70 on Query { a: productLines { id } }`)
	for i := 69; i >= 0; i-- {
		b.WriteString(" fragment F" + strconv.Itoa(i) + " on Query { ...F" + strconv.Itoa(i+1) + " ...F" + strconv.Itoa(i+1) + " }")
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{doc: doc, memo: map[string]shape{}, onPath: map[string]bool{}}
	s := m.selectionSet(doc.Operations[0].SelectionSet)
	if s.aliases != satCap || s.depth != 2 {
		t.Fatalf("got %+v, want aliases saturated at %d and depth 2", s, satCap)
	}
}

// Validation refuses fragment cycles; the measurer notices one anyway.
func TestMeasureFragmentCycle(t *testing.T) {
	doc, err := parser.ParseQuery(&ast.Source{Input: `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`})
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{doc: doc, memo: map[string]shape{}, onPath: map[string]bool{}}
	m.selectionSet(doc.Operations[0].SelectionSet)
	if m.cycle == "" {
		t.Fatal("the cycle went unnoticed")
	}
}

func TestCheckBody(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{`{"query": "{ regions { id } }"}`, ""},
		{` {"query": "{ x }", "variables": {"a": 1}, "operationName": null} `, ""},
		{``, "empty"},
		{"  \n", "empty"},
		{`[{"query": "{ x }"}]`, "batched"},
		{`"{ x }"`, "must be a JSON object"},
		{`{"query": "{ x }"`, "ends too early"},
		{`{"query": 5}`, `"query" in the request body must not be a number`},
		{`{"variables": [1]}`, `"variables" in the request body must not be a array`},
		{`{"query": "{ x }"} {"query": "{ y }"}`, "nothing after it"},
		{`{"query": "x",}`, "not valid JSON"},
	} {
		got := checkBody([]byte(c.body))
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("checkBody(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

func TestInputCheck(t *testing.T) {
	for s, bad := range map[string]bool{"ok": false, "Ünïcode ✓": false, "a\x00b": true, "\xff\xfe": true, "": false,
		strings.Repeat("я", 10): false, strings.Repeat("я", 11): true} {
		tc := inputCheck{maxChars: 10}
		if tc.text(s, "f") != bad {
			t.Errorf("text(%q) = %v", s, !bad)
		}
	}
	tc := inputCheck{maxChars: 10, maxItems: 2}
	if !tc.value(map[string]any{"ids": []any{"a", "b", "c"}}, "v") || tc.err.Extensions["field"] != "v.ids" {
		t.Errorf("list: %+v", tc.err)
	}
	tc = inputCheck{maxChars: 10}
	if !tc.value(map[string]any{"input": map[string]any{"names": []any{"x", "y\x00"}}}, "v") || tc.err.Extensions["field"] != "v.input.names.1" {
		t.Errorf("value: %+v", tc.err)
	}
}
