package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"channelboard/channel"
)

// rootRules says, for every root field a dealer user can call, how it is
// kept to the dealer's own data. A root field added to the schema without a
// rule here fails TestDealerIsolationFromTheSchema.
var rootRules = map[string]string{
	"node":                 "loaders narrowed to the viewer, and row security",
	"nodes":                "loaders narrowed to the viewer, and row security",
	"dealers":              "only its own dealer",
	"dealer":               "only its own dealer",
	"regions":              "shared reference data",
	"region":               "shared reference data",
	"productLines":         "shared reference data",
	"territoryAssignments": "only its own assignments",
	"customers":            "its accounts and customers it registered deals for",
	"customer":             "its accounts and customers it registered deals for",
	"deals":                "only its own deals",
	"deal":                 "only its own deals",
	"policy":               "shared: the contract terms every dealer signs",
	"policies":             "shared: the contract terms every dealer signs",
	"conflicts":            "conflicts it is a party to, other parties redacted",
	"conflict":             "conflicts it is a party to, other parties redacted",
	"conflictStats":        "its conflicts only, grouped by its own dealer only",
	"conflictEvents":       "events of its conflicts only",
	"dealerPerformance":    "its own plan only",
	"pipeline":             "its own deals only",
	"ownershipShare":       "forbidden: channel-wide totals",
	"territoryCoverage":    "forbidden: every dealer's territories",
	"auditLog":             "forbidden: director only",
}

type introField struct {
	Name string
	Args []struct {
		Name string
		Type introType
	}
	Type introType
}

type introType struct {
	Kind   string
	Name   *string
	OfType *introType
}

func (t introType) named() (string, string) {
	for t.OfType != nil {
		t = *t.OfType
	}
	return *t.Name, t.Kind
}

func (t introType) required() bool { return t.Kind == "NON_NULL" }

type introFullType struct {
	Name          string
	Kind          string
	Fields        []introField
	PossibleTypes []struct{ Name string }
	EnumValues    []struct{ Name string }
}

const introspection = `{ __schema { queryType { name } types { name kind
  fields { name args { name type { ...T } } type { ...T } }
  possibleTypes { name } enumValues { name } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`

// selection builds a selection set reaching every field of typ down to
// depth levels of objects, with arguments a dealer might try: another
// dealer's ids in every id argument and filter.
type walker struct {
	types   map[string]introFullType
	idArgs  map[string]string // argument name -> value to try
	secrets []string
}

func (w *walker) selection(typ string, depth int) string {
	t := w.types[typ]
	switch t.Kind {
	case "INTERFACE", "UNION":
		parts := []string{"__typename"}
		for _, p := range t.PossibleTypes {
			parts = append(parts, "... on "+p.Name+" "+w.selection(p.Name, depth))
		}
		return "{ " + strings.Join(parts, " ") + " }"
	}
	var parts []string
	for _, f := range t.Fields {
		args, ok := w.args(f)
		if !ok {
			continue
		}
		name, kind := f.Type.named()
		switch kind {
		case "SCALAR", "ENUM":
			parts = append(parts, f.Name+args)
		default:
			if depth == 0 {
				continue
			}
			parts = append(parts, f.Name+args+" "+w.selection(name, depth-1))
		}
	}
	if len(parts) == 0 {
		return "{ __typename }"
	}
	return "{ " + strings.Join(parts, " ") + " }"
}

// args fills the arguments of f; ok is false when a required one cannot
// be filled.
func (w *walker) args(f introField) (string, bool) {
	var out []string
	for _, a := range f.Args {
		name, kind := a.Type.named()
		switch {
		case a.Name == "first":
			out = append(out, "first: 50")
		case a.Name == "year":
			out = append(out, "year: 2026")
		case a.Name == "lang":
		case kind == "INPUT_OBJECT" && strings.HasSuffix(name, "Filter"):
			if v := w.filter(name); v != "" {
				out = append(out, a.Name+": "+v)
			}
		case kind == "ENUM" && a.Type.OfType != nil && a.Type.OfType.Kind == "LIST":
			// Every value of a list of enums (groupBy: every dimension).
			var vs []string
			for _, v := range w.types[name].EnumValues {
				vs = append(vs, v.Name)
			}
			out = append(out, a.Name+": ["+strings.Join(vs, ", ")+"]")
		case a.Type.required():
			return "", false
		}
	}
	if len(out) == 0 {
		return "", true
	}
	return "(" + strings.Join(out, ", ") + ")", true
}

// filter fills a filter's id fields with another dealer's ids.
func (w *walker) filter(typ string) string {
	var parts []string
	for _, f := range w.types[typ].Fields {
		if v, ok := w.idArgs[f.Name]; ok {
			parts = append(parts, fmt.Sprintf("%s: %q", f.Name, v))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// leaks lists the secrets found in a response.
func (w *walker) leaks(body string) []string {
	var out []string
	for _, s := range w.secrets {
		if strings.Contains(body, s) {
			out = append(out, s)
		}
	}
	return out
}

// TestDealerIsolationFromTheSchema walks the schema by introspection and,
// signed in as one dealer, tries every root field with another dealer's
// ids (directly, in filters and through node), selecting every field it can
// reach three objects deep. No answer may hold anything of the other
// dealer's: its name, code, customers, tax ids, prices or ids.
func TestDealerIsolationFromTheSchema(t *testing.T) {
	w := newConflictWorld(t)
	// Romania's dealer is the viewer; the Bulgarian distributor and its
	// sub-dealer are the others.
	roCustomer := w.id(createCustomer, map[string]any{"input": map[string]any{
		"name": "Carpati Farm", "regionId": w.regionID["eu.ro"], "segment": "AGRICULTURE",
		"owner": map[string]any{"kind": "DEALER", "dealerId": w.roID}}}, "createCustomer", "customer", "id")
	secretCustomer := w.id(createCustomer, map[string]any{"input": map[string]any{
		"name": "Hidden Balkan Client", "taxId": "BG999999999", "regionId": w.regionID["eu.bg"], "segment": "INDUSTRIAL",
		"owner": map[string]any{"kind": "DEALER", "dealerId": w.distID}}}, "createCustomer", "customer", "id")
	shared := w.id(createCustomer, map[string]any{"input": map[string]any{
		"name": "Shared Mill", "regionId": w.regionID["eu.bg.yambol"], "segment": "AGRICULTURE",
		"owner": map[string]any{"kind": "DEALER", "dealerId": w.distID}}}, "createCustomer", "customer", "id")
	secretDeal := w.register(secretCustomer, w.distID, w.pumpsID, 1, 765_432)
	depot := w.id(createCustomer, map[string]any{"input": map[string]any{
		"name": "Balkan Depot", "regionId": w.regionID["eu.bg"], "segment": "RETAIL",
		"owner": map[string]any{"kind": "DEALER", "dealerId": w.distID}}}, "createCustomer", "customer", "id")
	belowFloor := w.register(depot, w.distID, w.pumpsID, 1, 43_210) // PRICE_BELOW_FLOOR, the distributor's alone
	distShared := w.register(shared, w.distID, w.pumpsID, 1, 654_321)
	w.register(shared, w.roID, w.pumpsID, 1, 611_111) // a conflict with the distributor
	directDeal := w.register(roCustomer, "", w.valvesID, 1, 2_345_678)
	w.register(roCustomer, w.roID, w.valvesID, 1, 99_000)

	// The conflicts the viewer is not a party to.
	var all struct {
		Conflicts struct {
			Edges []struct {
				Node struct {
					ID      string
					Parties struct{ Dealers []struct{ ID string } }
				}
			}
		}
	}
	w.ok(`{ conflicts(first: 100) { edges { node { id parties { dealers { id } } } } } }`, nil, &all)
	var hiddenConflicts []string
	mineSeen := 0
	for _, e := range all.Conflicts.Edges {
		ro := slices.ContainsFunc(e.Node.Parties.Dealers, func(d struct{ ID string }) bool { return d.ID == w.roID })
		if ro {
			mineSeen++
		} else {
			hiddenConflicts = append(hiddenConflicts, e.Node.ID)
		}
	}
	if mineSeen < 2 || len(hiddenConflicts) == 0 {
		t.Fatalf("the world needs conflicts of both kinds: %d of the viewer's, %d others", mineSeen, len(hiddenConflicts))
	}

	roDealer := channel.Viewer{UserID: 42, Email: "dealer-ro-01@example.com", Role: channel.RoleDealer, DealerID: dbID(t, w.roID), DealerName: "Carpati SRL"}
	dealer := w.as(roDealer)

	// The viewer does see its own: the walk below would pass vacuously
	// if it saw nothing at all.
	var own struct {
		Customers struct{ TotalCount int }
		Conflicts struct{ TotalCount int }
	}
	dealer.ok(`{ customers { totalCount } conflicts { totalCount } }`, nil, &own)
	if own.Customers.TotalCount != 2 || own.Conflicts.TotalCount != mineSeen {
		t.Fatalf("dealer sees %d customers and %d conflicts, want 2 and %d", own.Customers.TotalCount, own.Conflicts.TotalCount, mineSeen)
	}

	var schema struct {
		Schema struct {
			Types []introFullType
		} `json:"__schema"`
	}
	dealer.ok(introspection, nil, &schema)
	wk := &walker{types: map[string]introFullType{}, idArgs: map[string]string{
		"dealerId": w.distID, "customerId": secretCustomer, "ownerDealerId": w.distID,
	}}
	for _, typ := range schema.Schema.Types {
		wk.types[typ.Name] = typ
	}
	others := []string{w.distID, w.subID, secretCustomer, secretDeal, distShared, directDeal, depot, belowFloor}
	others = append(others, hiddenConflicts...)
	wk.secrets = append([]string{"Balkan Pumps", "Yambol Agro", "\"BG-01\"", "BG-01-Y", "Hidden Balkan Client", "BG999999999",
		"765432", "7654.32", "43210", "432.10", "Balkan Depot", "654321", "6543.21", "2345678", "23456.78"}, others...)

	var missing []string
	tried := 0
	for _, f := range wk.types["Query"].Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		if _, ok := rootRules[f.Name]; !ok {
			missing = append(missing, f.Name)
			continue
		}
		name, _ := f.Type.named()
		sel := ""
		if k := wk.types[name].Kind; k != "SCALAR" && k != "ENUM" {
			sel = " " + wk.selection(name, 3)
		}
		// Every id argument gets each of the other dealer's ids in turn.
		var calls []string
		idArg := ""
		for _, a := range f.Args {
			if an, _ := a.Type.named(); an == "ID" && a.Type.required() {
				idArg = a.Name
			}
		}
		args, ok := wk.args(f)
		switch {
		case f.Name == "nodes":
			ids, _ := json.Marshal(others)
			calls = append(calls, fmt.Sprintf("nodes(ids: %s)", ids))
		case idArg != "":
			for _, id := range others {
				calls = append(calls, fmt.Sprintf("%s(%s: %q)", f.Name, idArg, id))
			}
		case ok:
			calls = append(calls, f.Name+args)
			calls = append(calls, f.Name) // and without the filter
		default:
			t.Errorf("cannot call Query.%s: fill its arguments in the walker", f.Name)
		}
		for _, c := range calls {
			tried++
			q := "{ " + c + sel + " }"
			body := dealer.raw(q)
			if l := wk.leaks(body); len(l) > 0 {
				t.Errorf("Query.%s leaks %v to another dealer:\n%s\n%s", f.Name, l, q, body)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("root fields without an isolation rule (add them to rootRules): %v", missing)
	}
	if tried < 40 {
		t.Errorf("only %d requests tried", tried)
	}
}
