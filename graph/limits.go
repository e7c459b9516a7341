package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"channelboard/channel"
	"channelboard/graph/model"
	"channelboard/store"
)

// This file holds what one request may ask of the GraphQL endpoint: which
// transports carry it, how big and how deep it may be, who may introspect,
// and how much a list costs. gqlgen enforces none of it by default.

// Limits of one GraphQL operation. They start from graphql-armor's defaults
// (depth 6, aliases 15, directives 50, tokens 1,000, 15,000 characters,
// cost 5,000) and are raised only where the app's own operations need it:
// TestAppOperationsFitTheLimits measures every operation of the frontend
// and every saved console query against them.
const (
	// DefaultMaxDepth: connections cost two levels (edges { node }), so the
	// lists of customers, deals and dealers are 6 deep and the customer
	// detail 7 — already past armor's 6. 10 leaves room for a field or a
	// connection more. Introspection (__schema, __type) is not counted:
	// GraphiQL's query nests ofType nine deep, and gqlparser's
	// MaxIntrospectionDepth rule bounds it instead.
	DefaultMaxDepth = 10
	// DefaultMaxAliases: the board's query uses 4 (open, ack, closed,
	// byKind), the most of any; armor's 15 is kept.
	DefaultMaxAliases = 15
	// DefaultMaxDirectives: the app sends none; armor's 50 is kept.
	DefaultMaxDirectives = 50
	// DefaultMaxTokens bounds the parser's work (SetParserTokenLimit). The
	// largest real documents are the conflict detail (189 tokens) and
	// GraphiQL's introspection query (181); armor's 1,000 is kept, five
	// times that, for the analysts' own console queries.
	DefaultMaxTokens = 1000
	// DefaultMaxQueryChars: the largest real documents are GraphiQL's
	// introspection query and the conflict detail, about 2,000 characters
	// each; armor's 15,000 is kept. A longer query is refused before it is
	// parsed.
	DefaultMaxQueryChars = 15000
	// DefaultMaxComplexity: every field costs 1 plus its children, and a
	// paginated list multiplies its children by first (50 when not given,
	// at most 200). armor's 5,000 would refuse the app itself: the board's
	// query, three conflict lists of 100, 100 and 20 cards, costs 5,066,
	// and the deals list at the largest page (200) 6,401. So 10,000.
	DefaultMaxComplexity = 10000
	// DefaultMaxStringChars caps every string input, in variables and
	// literals alike: names, tax ids and notes are short, and the request
	// body limit (1 MiB) alone would let one name fill a page of the
	// database. A shorter text can still be too long for its index, which
	// the store reports as BAD_USER_INPUT too.
	DefaultMaxStringChars = 10000
	// DefaultMaxListItems caps every list input: the longest real ones
	// (a policy's price floors, the kinds in a filter) hold tens. A list of
	// 100,000 filter values fits in the body limit and took 3 s to answer;
	// nodes(ids) is priced by complexity as well.
	DefaultMaxListItems = 1000
)

// Limits bounds one GraphQL operation; see the Default constants.
type Limits struct {
	MaxDepth       int // nesting of fields, counted through fragments
	MaxAliases     int // aliased fields, counted through fragments
	MaxDirectives  int // directives anywhere in the operation, counted through fragments
	MaxTokens      int // lexical tokens of the whole document
	MaxQueryChars  int // characters of the whole document
	MaxComplexity  int // gqlgen's complexity, lists multiplied by first
	MaxStringChars int // characters of one string input
	MaxListItems   int // items of one list input
}

// DefaultLimits are the limits the server runs with.
func DefaultLimits() Limits {
	return Limits{
		MaxDepth:       DefaultMaxDepth,
		MaxAliases:     DefaultMaxAliases,
		MaxDirectives:  DefaultMaxDirectives,
		MaxTokens:      DefaultMaxTokens,
		MaxQueryChars:  DefaultMaxQueryChars,
		MaxComplexity:  DefaultMaxComplexity,
		MaxStringChars: DefaultMaxStringChars,
		MaxListItems:   DefaultMaxListItems,
	}
}

// WithLimits replaces DefaultLimits.
func WithLimits(l Limits) Option { return func(o *options) { o.limits = l } }

// limitError is a refused request: BAD_USER_INPUT, and (see
// registerLimitKind) refused before execution like a validation error.
func limitError(format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": channel.EInvalid}}
}

var limitKindOnce sync.Once

// complexityLimitCode is the code of gqlgen's complexity extension.
const complexityLimitCode = "COMPLEXITY_LIMIT_EXCEEDED"

// registerLimitKind makes gqlgen treat a refusal before execution — a
// BAD_USER_INPUT from the extension below (nothing else raises one there)
// or the complexity limit — as a request error, as it treats parse and
// validation failures: HTTP 422 (400 for
// application/graphql-response+json) rather than 200, and over the
// websocket an "error" message for the operation. gqlgen keeps this table
// in a package variable; it is written once, before any handler serves.
func registerLimitKind() {
	limitKindOnce.Do(func() {
		errcode.RegisterErrorType(channel.EInvalid, errcode.KindProtocol)
		errcode.RegisterErrorType(complexityLimitCode, errcode.KindProtocol)
	})
}

// operationLimits enforces Limits on every operation of every transport,
// websocket subscriptions included, before it runs. It also decides
// introspection (signed-in viewers only), refuses anything but a query
// over GET, and refuses text that PostgreSQL cannot store.
type operationLimits struct{ limits Limits }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = operationLimits{}

func (operationLimits) ExtensionName() string { return "OperationLimits" }

func (operationLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses an overlong document before it is
// parsed. It runs after automatic persisted queries have filled the query
// in from its hash.
func (l operationLimits) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if max := l.limits.MaxQueryChars; max > 0 && len(p.Query) > max {
		if n := utf8.RuneCountInString(p.Query); n > max {
			return limitError("the query has %d characters, more than the limit of %d", n, max)
		}
	}
	return nil
}

func (l operationLimits) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if g, ok := ctx.Value(getRequestKey{}).(*getRequest); ok && op.Operation != ast.Query {
		g.refused = true
		return limitError("a %s cannot be sent with GET: use POST", op.Operation)
	}
	m := measurer{doc: opCtx.Doc, memo: map[string]shape{}, onPath: map[string]bool{}}
	s := m.selectionSet(op.SelectionSet)
	s.directives = satAdd(s.directives, len(op.Directives))
	if m.cycle != "" {
		return limitError("fragment %s spreads itself", m.cycle)
	}
	signedIn := false
	if v, ok := channel.ViewerFrom(ctx); ok && !v.Anonymous() {
		signedIn = true
	}
	opCtx.DisableIntrospection = !signedIn
	if s.introspection && !signedIn {
		return &gqlerror.Error{Message: "sign in to use introspection (__schema, __type)",
			Extensions: map[string]any{"code": channel.EUnauthenticated}}
	}
	if max := l.limits.MaxDepth; max > 0 && s.depth > max {
		return limitError("query depth %d exceeds the limit of %d", s.depth, max)
	}
	if max := l.limits.MaxAliases; max > 0 && s.aliases > max {
		return limitError("the query has %d aliases, more than the limit of %d", s.aliases, max)
	}
	if max := l.limits.MaxDirectives; max > 0 && s.directives > max {
		return limitError("the query has %d directives, more than the limit of %d", s.directives, max)
	}
	return checkInputs(opCtx, &m, inputCheck{maxChars: l.limits.MaxStringChars, maxItems: l.limits.MaxListItems})
}

// shape is what the limits measure of a selection set.
type shape struct {
	depth, aliases, directives int
	introspection              bool
}

func (s *shape) add(o shape, depth int) {
	s.depth = max(s.depth, depth)
	s.aliases = satAdd(s.aliases, o.aliases)
	s.directives = satAdd(s.directives, o.directives)
	s.introspection = s.introspection || o.introspection
}

// satCap keeps counts of a fragment bomb (each fragment spreading the next
// twice) from overflowing: its expansion doubles per level.
const satCap = 1 << 40

func satAdd(a, b int) int { return min(a+b, satCap) }

// measurer measures an operation as if every fragment spread were written
// out in place, without writing it out: each fragment is measured once and
// its shape reused, so a document whose expansion is exponential costs
// linear time. Validation refuses fragment cycles; onPath guards anyway.
type measurer struct {
	doc    *ast.QueryDocument
	memo   map[string]shape
	onPath map[string]bool
	cycle  string
}

func (m *measurer) selectionSet(set ast.SelectionSet) shape {
	var s shape
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if sel.Alias != "" && sel.Alias != sel.Name {
				s.aliases = satAdd(s.aliases, 1)
			}
			s.directives = satAdd(s.directives, len(sel.Directives))
			child := m.selectionSet(sel.SelectionSet)
			depth := 1 + child.depth
			if sel.Name == "__schema" || sel.Name == "__type" {
				child.introspection, depth = true, 1
			}
			s.add(child, depth)
		case *ast.InlineFragment:
			s.directives = satAdd(s.directives, len(sel.Directives))
			child := m.selectionSet(sel.SelectionSet)
			s.add(child, child.depth)
		case *ast.FragmentSpread:
			s.directives = satAdd(s.directives, len(sel.Directives))
			child := m.fragment(sel.Name)
			s.add(child, child.depth)
		}
	}
	return s
}

func (m *measurer) fragment(name string) shape {
	if s, ok := m.memo[name]; ok {
		return s
	}
	def := m.doc.Fragments.ForName(name)
	if def == nil {
		return shape{}
	}
	if m.onPath[name] {
		m.cycle = name
		return shape{}
	}
	m.onPath[name] = true
	s := m.selectionSet(def.SelectionSet)
	s.directives = satAdd(s.directives, len(def.Directives))
	delete(m.onPath, name)
	m.memo[name] = s
	return s
}

// checkInputs refuses, in variables and in literal arguments alike,
// strings that PostgreSQL's text cannot hold — a NUL character, or bytes
// that are not UTF-8 (JSON bodies cannot carry them, a GET query string
// can) — strings longer than maxChars and lists longer than maxItems, so
// that each gets BAD_USER_INPUT naming the input rather than an internal
// error or seconds of work in the database.
func checkInputs(opCtx *graphql.OperationContext, m *measurer, tc inputCheck) *gqlerror.Error {
	for name, v := range opCtx.Variables {
		if tc.value(v, name) {
			return tc.err
		}
	}
	seen := map[string]bool{}
	var walk func(set ast.SelectionSet) bool
	walk = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				for _, a := range sel.Arguments {
					if tc.literal(a.Value, a.Name) {
						return true
					}
				}
				if walk(sel.SelectionSet) {
					return true
				}
			case *ast.InlineFragment:
				if walk(sel.SelectionSet) {
					return true
				}
			case *ast.FragmentSpread:
				if seen[sel.Name] {
					continue
				}
				seen[sel.Name] = true
				if def := m.doc.Fragments.ForName(sel.Name); def != nil && walk(def.SelectionSet) {
					return true
				}
			}
		}
		return false
	}
	if walk(opCtx.Operation.SelectionSet) {
		return tc.err
	}
	return nil
}

// inputCheck finds the first input over its limits; err says what and
// where.
type inputCheck struct {
	maxChars, maxItems int
	err                *gqlerror.Error
}

func (tc *inputCheck) list(n int, path string) bool {
	if tc.maxItems <= 0 || n <= tc.maxItems {
		return false
	}
	tc.err = limitError("a list may have at most %d items", tc.maxItems)
	tc.err.Extensions["field"] = path
	return true
}

func (tc *inputCheck) text(s, path string) bool {
	switch {
	case strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s):
		tc.err = limitError("text must be UTF-8 without NUL characters (\\u0000)")
	case tc.maxChars > 0 && len(s) > tc.maxChars && utf8.RuneCountInString(s) > tc.maxChars:
		tc.err = limitError("a text may have at most %d characters", tc.maxChars)
	default:
		return false
	}
	tc.err.Extensions["field"] = path
	return true
}

func (tc *inputCheck) value(v any, path string) bool {
	switch v := v.(type) {
	case string:
		return tc.text(v, path)
	case map[string]any:
		for k, e := range v {
			if tc.value(e, path+"."+k) {
				return true
			}
		}
	case []any:
		if tc.list(len(v), path) {
			return true
		}
		for i, e := range v {
			if tc.value(e, path+"."+strconv.Itoa(i)) {
				return true
			}
		}
	}
	return false
}

func (tc *inputCheck) literal(v *ast.Value, path string) bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case ast.StringValue, ast.BlockValue:
		return tc.text(v.Raw, path)
	case ast.ListValue, ast.ObjectValue:
		if v.Kind == ast.ListValue && tc.list(len(v.Children), path) {
			return true
		}
		for i, c := range v.Children {
			p := path + "." + c.Name
			if v.Kind == ast.ListValue {
				p = path + "." + strconv.Itoa(i)
			}
			if tc.literal(c.Value, p) {
				return true
			}
		}
	}
	return false
}

// pageComplexity is the cost of a paginated list: its children once per
// item it may return. first is clamped to the store's cap, so a first
// above it is refused by the store with a message naming the cap rather
// than here as too complex.
func pageComplexity(child int, first *int) int {
	n := store.DefaultPageSize
	if first != nil {
		n = min(max(*first, 0), store.MaxPageSize)
	}
	return 1 + n*child
}

// setComplexity prices every paginated list field (every field with a
// first argument; TestEveryPaginatedFieldIsPriced checks none is missed)
// and nodes(ids), which returns one object per id.
func setComplexity(c *ComplexityRoot) {
	c.Customer.Deals = func(child int, first *int, _ *string, _ *model.DealFilter, _ *model.DealOrder) int {
		return pageComplexity(child, first)
	}
	c.Dealer.Customers = func(child int, first *int, _ *string, _ *model.CustomerOrder) int {
		return pageComplexity(child, first)
	}
	c.Dealer.Deals = func(child int, first *int, _ *string, _ *model.DealFilter, _ *model.DealOrder) int {
		return pageComplexity(child, first)
	}
	c.Query.AuditLog = func(child int, first *int, _ *string, _ *model.AuditFilter) int {
		return pageComplexity(child, first)
	}
	c.Query.ConflictEvents = func(child int, _ *string, first *int, _ *model.ConflictFilter) int {
		return pageComplexity(child, first)
	}
	c.Query.Conflicts = func(child int, first *int, _ *string, _ *model.ConflictFilter, _ *model.ConflictOrder) int {
		return pageComplexity(child, first)
	}
	c.Query.Customers = func(child int, first *int, _ *string, _ *model.CustomerFilter, _ *model.CustomerOrder) int {
		return pageComplexity(child, first)
	}
	c.Query.DealerPerformance = func(child int, _ int, _ *time.Time, _ *model.DealerPerformanceFilter, first *int, _ *string) int {
		return pageComplexity(child, first)
	}
	c.Query.Dealers = func(child int, first *int, _ *string, _ *model.DealerFilter, _ *model.DealerOrder) int {
		return pageComplexity(child, first)
	}
	c.Query.Deals = func(child int, first *int, _ *string, _ *model.DealFilter, _ *model.DealOrder) int {
		return pageComplexity(child, first)
	}
	c.Query.TerritoryAssignments = func(child int, first *int, _ *string, _ *model.TerritoryFilter) int {
		return pageComplexity(child, first)
	}
	c.Query.Nodes = func(child int, ids []string) int { return 1 + len(ids)*child }
	// Without first, overlaps returns them all: priced as the most a page
	// may ask for.
	c.TerritoryCoverage.Overlaps = func(child int, first *int, _ *string) int {
		n := maxOverlaps
		if first != nil {
			n = min(max(*first, 0), maxOverlaps)
		}
		return 1 + n*child
	}
}

// Transports. Only these three carry requests: a JSON POST, a GET for
// queries, and (when configured) the websocket. gqlgen's form-encoded and
// multipart transports are deliberately absent: a cross-site HTML form can
// send those content types without a CORS preflight.

// writeRequestError answers a request refused before it reached gqlgen,
// in the shape of a GraphQL response.
func writeRequestError(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	b, _ := json.Marshal(graphql.Response{Errors: gqlerror.List{
		{Message: message, Extensions: map[string]any{"code": channel.EInvalid}},
	}})
	_, _ = w.Write(b)
}

// postJSON is gqlgen's POST transport behind a stricter reading of the
// body: gqlgen answers a malformed body by echoing all of it back, and
// says nothing useful about a JSON array (a batch, which it does not run).
type postJSON struct{ transport.POST }

func (t postJSON) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeRequestError(w, http.StatusRequestEntityTooLarge, "request body too large")
			return
		}
		writeRequestError(w, http.StatusBadRequest, "the request body could not be read")
		return
	}
	if msg := checkBody(body); msg != "" {
		writeRequestError(w, http.StatusBadRequest, msg)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	t.POST.Do(w, r, exec)
}

// checkBody says what is wrong with a POST body, or "" when it is one
// JSON object of the shape GraphQL-over-HTTP expects.
func checkBody(body []byte) string {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return `the request body is empty: send a JSON object {"query": ...}`
	case trimmed[0] == '[':
		return "batched requests (a JSON array of operations) are not supported: send one operation per request"
	case trimmed[0] != '{':
		return `the request body must be a JSON object {"query": ...}`
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	var p graphql.RawParams
	if err := dec.Decode(&p); err != nil {
		var typeErr *json.UnmarshalTypeError
		var syntaxErr *json.SyntaxError
		switch {
		case errors.As(err, &typeErr) && typeErr.Field != "":
			return fmt.Sprintf("%q in the request body must not be a %s", typeErr.Field, typeErr.Value)
		case errors.As(err, &typeErr):
			return "the request body must be a JSON object"
		case errors.As(err, &syntaxErr):
			return fmt.Sprintf("the request body is not valid JSON: %s (at byte %d)", syntaxErr, syntaxErr.Offset)
		}
		return "the request body is not valid JSON: it ends too early"
	}
	if len(bytes.TrimSpace(trimmed[dec.InputOffset():])) > 0 {
		return "the request body must hold one JSON object and nothing after it"
	}
	return ""
}

// getRequest marks an operation that came by GET; the limits extension
// refuses any but a query, and sets refused so the response is a 405.
type (
	getRequestKey struct{}
	getRequest    struct{ refused bool }
)

// getQueries is gqlgen's GET transport, with its malformed-parameter
// answers given our error code, and a mutation or subscription refused
// with 405 (GraphQL over HTTP) before anything runs.
type getQueries struct{ transport.GET }

func (t getQueries) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeRequestError(w, http.StatusBadRequest, "the URL's query string is malformed")
		return
	}
	for _, name := range []string{"variables", "extensions"} {
		if s := q.Get(name); s != "" {
			var m map[string]any
			if json.Unmarshal([]byte(s), &m) != nil {
				writeRequestError(w, http.StatusBadRequest, name+" must be a JSON object")
				return
			}
		}
	}
	g := &getRequest{}
	t.GET.Do(&getWriter{ResponseWriter: w, get: g}, r.WithContext(context.WithValue(r.Context(), getRequestKey{}, g)), exec)
}

type getWriter struct {
	http.ResponseWriter
	get *getRequest
}

func (w *getWriter) WriteHeader(code int) {
	if w.get.refused {
		w.Header().Set("Allow", "POST")
		code = http.StatusMethodNotAllowed
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *getWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// refuseOthers is the last transport: whatever the others did not take.
type refuseOthers struct{}

func (refuseOthers) Supports(*http.Request) bool { return true }

func (refuseOthers) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	switch {
	case r.Header.Get("Upgrade") != "":
		writeRequestError(w, http.StatusBadRequest, "this endpoint does not take websocket connections")
	case r.Method == http.MethodPost:
		writeRequestError(w, http.StatusUnsupportedMediaType, "a POST must have Content-Type: application/json")
	default:
		w.Header().Set("Allow", "GET, POST")
		writeRequestError(w, http.StatusMethodNotAllowed, "use POST, or GET for queries")
	}
}
