package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/store"
	"channelboard/store/storetest"
)

// The bad-input suite: requests a careless or hostile client sends, each
// through the real server (routes, auth, limits, GraphQL handler, store,
// PostgreSQL), each answered with a clear error code, and each followed by
// a normal request that must still be answered. No case may end in an
// internal error: the server's log must hold no error line at the end.

// badEnv is a running server with a signed-in director and a small world.
type badEnv struct {
	t     *testing.T
	base  string // http://127.0.0.1:port
	token string // the director's API token
	st    *store.Store
	hub   *store.Hub
	ws    *graph.Websockets
	log   *lockedBuffer

	regionID, dealerID, customerID, productLineID string
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// badInitTimeout is the websocket init timeout of the suite's server, short
// so the case that sends no connection_init does not wait 10 s.
const badInitTimeout = 300 * time.Millisecond

func newBadEnv(t *testing.T) *badEnv {
	t.Helper()
	ctx := context.Background()
	db := storetest.NewDB(t)
	st := store.New(db)
	e := &badEnv{t: t, st: st, log: &lockedBuffer{}}
	logger := slog.New(slog.NewTextHandler(e.log, nil))
	e.hub = store.NewHub(st, store.HubConfig{Poll: 50 * time.Millisecond, Logger: logger})
	ran := make(chan error, 1)
	go func() { ran <- e.hub.Run(context.Background()) }()
	e.ws = graph.NewWebsockets(nil, graph.WithInitTimeout(badInitTimeout))
	srv := New(Config{Addr: "127.0.0.1:0", Version: "test"}, Deps{
		DB:        db,
		GraphQL:   graph.NewHandler(st, logger, graph.WithFeed(e.hub), graph.WithWebsockets(e.ws)),
		Auth:      NewAuth(st, logger),
		RateLimit: NewRateLimiter(1000, 1000),
		Logger:    logger,
	})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	e.base = "http://" + srv.Addr()
	t.Cleanup(func() {
		e.hub.Close()
		if err := <-ran; err != nil {
			t.Errorf("hub: %v", err)
		}
		e.ws.Shutdown()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		http.DefaultClient.CloseIdleConnections()
	})

	u, err := st.CreateUser(ctx, store.UserCreate{Email: "director@example.com", Role: channel.RoleDirector, Password: authPassword})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := st.CreateToken(ctx, store.TokenCreate{UserID: u.ID, Name: "bad input suite"})
	if err != nil {
		t.Fatal(err)
	}
	e.token = tok.Secret

	for _, r := range []channel.Region{{Path: "eu", Name: "Europe"}, {Path: "eu.bg", Name: "Bulgaria", Country: "BG"}} {
		if _, err := st.CreateRegion(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	pl, err := st.CreateProductLine(ctx, channel.ProductLine{Code: "pumps", Name: "Pumps"})
	if err != nil {
		t.Fatal(err)
	}
	e.productLineID = globalID("ProductLine", pl.ID)
	var regions struct{ Regions []struct{ ID, Path string } }
	e.ok(`{ regions { id path } }`, nil, &regions)
	for _, r := range regions.Regions {
		if r.Path == "eu.bg" {
			e.regionID = r.ID
		}
	}
	var d struct {
		CreateDealer struct{ Dealer struct{ ID string } }
	}
	e.ok(`mutation($input: CreateDealerInput!) { createDealer(input: $input) { dealer { id } } }`, map[string]any{"input": map[string]any{
		"code": "BG-01", "name": "Balkan Pumps", "kind": "DISTRIBUTOR", "homeRegionId": e.regionID, "contractStart": "2025-01-01",
	}}, &d)
	e.dealerID = d.CreateDealer.Dealer.ID
	var c struct {
		CreateCustomer struct{ Customer struct{ ID string } }
	}
	e.ok(createCustomerMutation, map[string]any{"input": map[string]any{
		"name": "Tundzha Farm", "regionId": e.regionID, "segment": "AGRICULTURE",
	}}, &c)
	e.customerID = c.CreateCustomer.Customer.ID
	return e
}

// globalID builds a global id as the API does (graph/id.go); a client
// never should, a test of bad ids must.
func globalID(typ string, id int64) string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "%s:%d", typ, id))
}

const createCustomerMutation = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name taxId } } }`

// reply is an answer to one request.
type reply struct {
	status int
	header http.Header
	raw    []byte
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r reply) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func (r reply) field() string {
	if len(r.Errors) == 0 {
		return ""
	}
	f, _ := r.Errors[0].Extensions["field"].(string)
	return f
}

func (r reply) message() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Message
}

func (r reply) String() string {
	s := string(r.raw)
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return fmt.Sprintf("%d %s", r.status, s)
}

// request sends req, with the director's token unless anonymous.
func (e *badEnv) request(req *http.Request, anonymous bool) reply {
	e.t.Helper()
	if !anonymous {
		req.Header.Set("Authorization", "Bearer "+e.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	r := reply{status: res.StatusCode, header: res.Header}
	r.raw, err = io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := json.Unmarshal(r.raw, &r); err != nil {
		e.t.Fatalf("%s %s: not JSON: %s", req.Method, req.URL, r)
	}
	return r
}

func (e *badEnv) newRequest(method, path string, body io.Reader) *http.Request {
	e.t.Helper()
	req, err := http.NewRequest(method, e.base+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	return req
}

// post sends body as a POST to /graphql with the content type.
func (e *badEnv) post(contentType string, body []byte) reply {
	e.t.Helper()
	req := e.newRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	return e.request(req, false)
}

// gql posts one GraphQL request as the director.
func (e *badEnv) gql(query string, vars map[string]any) reply {
	e.t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		e.t.Fatal(err)
	}
	return e.post("application/json", body)
}

// get sends a GET to /graphql with the given URL parameters.
func (e *badEnv) get(params string) reply {
	e.t.Helper()
	return e.request(e.newRequest(http.MethodGet, "/graphql?"+params, nil), false)
}

// ok runs a request that must succeed and decodes its data into out.
func (e *badEnv) ok(query string, vars map[string]any, out any) {
	e.t.Helper()
	r := e.gql(query, vars)
	if r.status != http.StatusOK || len(r.Errors) > 0 {
		e.t.Fatalf("%s\nfailed: %s", query, r)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			e.t.Fatal(err)
		}
	}
}

// healthy is the normal request that must be answered after every case.
func (e *badEnv) healthy(t *testing.T) {
	t.Helper()
	r := e.gql(`{ regions { id } customers(first: 5) { totalCount } }`, nil)
	var data struct {
		Regions   []struct{ ID string }
		Customers struct{ TotalCount int }
	}
	if r.status != http.StatusOK || len(r.Errors) > 0 || json.Unmarshal(r.Data, &data) != nil || len(data.Regions) != 2 || data.Customers.TotalCount < 1 {
		t.Fatalf("the server no longer answers a normal request: %s", r)
	}
}

// noise is n letters that do not compress, so PostgreSQL cannot shrink
// them into an index row.
func noise(n int) string {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[x%36]
	}
	return string(b)
}

// repeat returns n copies of s.
func repeat(s string, n int) string { return strings.Repeat(s, n) }

type badCase struct {
	name   string
	send   func(e *badEnv) reply
	status int    // 0: not checked (the code says it all)
	code   string // extensions.code of the first error
	field  string // extensions.field, when the input at fault is known
	// check looks further at the reply, when the code alone is not enough.
	check func(t *testing.T, e *badEnv, r reply)
}

func messageHas(sub string) func(*testing.T, *badEnv, reply) {
	return func(t *testing.T, _ *badEnv, r reply) {
		t.Helper()
		if !strings.Contains(r.message(), sub) {
			t.Errorf("message %q does not say %q", r.message(), sub)
		}
	}
}

const (
	updateCustomer = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id name } } }`
	updateDealer   = `mutation($input: UpdateDealerInput!) { updateDealer(input: $input) { dealer { id } } }`
	createDealer   = `mutation($input: CreateDealerInput!) { createDealer(input: $input) { dealer { id } } }`
	registerDeal   = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } } }`
	sqlInjection   = `Robert'); DROP TABLE customers; --`
)

func (e *badEnv) creditLimit(minor any, currency string) reply {
	return e.gql(updateDealer, map[string]any{"input": map[string]any{"id": e.dealerID, "creditLimit": map[string]any{"minor": minor, "currency": currency}}})
}

func (e *badEnv) deal(quantity any, unitMinor any, currency string) reply {
	return e.gql(registerDeal, map[string]any{"input": map[string]any{
		"customerId": e.customerID, "channel": map[string]any{"kind": "DEALER", "dealerId": e.dealerID},
		"productLineId": e.productLineID, "quantity": quantity, "unitPrice": map[string]any{"minor": unitMinor, "currency": currency},
	}})
}

func (e *badEnv) renameCustomer(name string) reply {
	return e.gql(updateCustomer, map[string]any{"input": map[string]any{"id": e.customerID, "name": name}})
}

func (e *badEnv) newDealer(contractStart string) reply {
	return e.gql(createDealer, map[string]any{"input": map[string]any{
		"code": "BG-02", "name": "Dates", "kind": "DEALER", "homeRegionId": e.regionID, "contractStart": contractStart,
	}})
}

// fragmentBomb spreads each fragment twice, n levels deep: written out it
// would hold 2^n aliased fields.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Query { a: __typename }", n)
	return b.String()
}

func badHTTPCases() []badCase {
	const unprocessable = http.StatusUnprocessableEntity
	return []badCase{
		// The request itself.
		{name: "malformed JSON: cut short", status: 400, code: "BAD_USER_INPUT", check: messageHas("not valid JSON"),
			send: func(e *badEnv) reply { return e.post("application/json", []byte(`{"query": "{ regions { id } }"`)) }},
		{name: "malformed JSON: not JSON at all", status: 400, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.post("application/json", []byte(`{query: {regions}}`)) }},
		{name: "malformed JSON: the body is not echoed back", status: 400, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.post("application/json", []byte(`{"query": "secret-ish", "x": }`)) },
			check: func(t *testing.T, _ *badEnv, r reply) {
				if strings.Contains(string(r.raw), "secret-ish") {
					t.Errorf("the error echoes the body: %s", r)
				}
			}},
		{name: "empty body", status: 400, code: "BAD_USER_INPUT", check: messageHas("empty"),
			send: func(e *badEnv) reply { return e.post("application/json", nil) }},
		{name: "empty JSON object", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply { return e.post("application/json", []byte(`{}`)) }},
		{name: "query is not a string", status: 400, code: "BAD_USER_INPUT", check: messageHas(`"query"`),
			send: func(e *badEnv) reply { return e.post("application/json", []byte(`{"query": 42}`)) }},
		{name: "two JSON objects in one body", status: 400, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply {
				return e.post("application/json", []byte(`{"query": "{ regions { id } }"} {"query": "{ regions { id } }"}`))
			}},
		{name: "JSON array batch", status: 400, code: "BAD_USER_INPUT", check: messageHas("batched"),
			send: func(e *badEnv) reply {
				return e.post("application/json", []byte(`[{"query": "{ regions { id } }"}, {"query": "{ regions { id } }"}]`))
			}},
		{name: "wrong content type: text/plain", status: http.StatusUnsupportedMediaType, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.post("text/plain", []byte(`{"query": "{ regions { id } }"}`)) }},
		{name: "form-encoded POST", status: http.StatusUnsupportedMediaType, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply {
				return e.post("application/x-www-form-urlencoded", []byte(url.Values{"query": {"{ regions { id } }"}}.Encode()))
			}},
		{name: "multipart POST", status: http.StatusUnsupportedMediaType, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply {
				var b bytes.Buffer
				mw := multipart.NewWriter(&b)
				_ = mw.WriteField("operations", `{"query": "mutation { createCustomer(input: {name: \"x\", regionId: \"y\", segment: RETAIL}) { customer { id } } }"}`)
				_ = mw.WriteField("map", `{}`)
				_ = mw.Close()
				return e.post(mw.FormDataContentType(), b.Bytes())
			}},
		{name: "PUT", status: http.StatusMethodNotAllowed, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply {
				req := e.newRequest(http.MethodPut, "/graphql", strings.NewReader(`{"query": "{ regions { id } }"}`))
				req.Header.Set("Content-Type", "application/json")
				return e.request(req, false)
			}},
		{name: "GET with a mutation", status: http.StatusMethodNotAllowed, code: "BAD_USER_INPUT", check: messageHas("POST"),
			send: func(e *badEnv) reply {
				return e.get(url.Values{"query": {`mutation { updateCustomer(input: {id: "x", name: "y"}) { customer { id } } }`}}.Encode())
			}},
		{name: "GET with a query is still served", status: 200, code: "",
			send: func(e *badEnv) reply {
				return e.get(url.Values{"query": {`query($n: Int) { customers(first: $n) { totalCount } }`}, "variables": {`{"n": 1}`}}.Encode())
			}},
		{name: "GET with malformed variables", status: 400, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply {
				return e.get(url.Values{"query": {`query($n: Int) { customers(first: $n) { totalCount } }`}, "variables": {`{"n": 1`}}.Encode())
			}},
		{name: "cross-site POST from a browser", status: http.StatusForbidden, code: "FORBIDDEN",
			send: func(e *badEnv) reply {
				req := e.newRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query": "{ regions { id } }"}`))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Origin", "https://evil.example")
				req.Header.Set("Sec-Fetch-Site", "cross-site")
				return e.request(req, false)
			}},
		{name: "huge string beyond the body limit", status: http.StatusRequestEntityTooLarge, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.renameCustomer(repeat("x", 2<<20)) }},
		{name: "huge body without a Content-Length", status: http.StatusRequestEntityTooLarge, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply {
				body, _ := json.Marshal(map[string]any{"query": updateCustomer, "variables": map[string]any{"input": map[string]any{"id": e.customerID, "name": repeat("x", 2<<20)}}})
				// A reader of unknown length makes the client send it chunked.
				req := e.newRequest(http.MethodPost, "/graphql", io.MultiReader(bytes.NewReader(body)))
				req.Header.Set("Content-Type", "application/json")
				return e.request(req, false)
			}},

		{name: "huge string within the body limit: a 500 KB tax id", status: unprocessable, code: "BAD_USER_INPUT", field: "input.taxId",
			send: func(e *badEnv) reply {
				return e.gql(createCustomerMutation, map[string]any{"input": map[string]any{
					"name": "Big", "taxId": repeat("1", 500<<10), "regionId": e.regionID, "segment": "RETAIL",
				}})
			}},
		{name: "huge string within the body limit: a 500 KB name", status: unprocessable, code: "BAD_USER_INPUT", field: "input.name",
			check: messageHas("at most 10000 characters"),
			send:  func(e *badEnv) reply { return e.renameCustomer(repeat("y", 500<<10)) }},
		{name: "a name too long for its index (9,000 random characters)", status: 200, code: "BAD_USER_INPUT", check: messageHas("too long"),
			send: func(e *badEnv) reply { return e.renameCustomer(noise(9000)) }},
		{name: "a tax id too long for its index (9,000 random characters)", status: 200, code: "BAD_USER_INPUT", check: messageHas("too long"),
			send: func(e *badEnv) reply {
				return e.gql(createCustomerMutation, map[string]any{"input": map[string]any{
					"name": "Long Tax", "taxId": noise(9000), "regionId": e.regionID, "segment": "RETAIL",
				}})
			}},
		{name: "huge list within the body limit: 100,000 stages", status: unprocessable, code: "BAD_USER_INPUT", field: "s",
			check: messageHas("at most 1000 items"),
			send: func(e *badEnv) reply {
				stages := make([]string, 100_000)
				for i := range stages {
					stages[i] = "WON"
				}
				return e.gql(`query($s: [DealStage!]) { deals(filter: {stages: $s}) { totalCount } }`, map[string]any{"s": stages})
			}},

		// The document.
		{name: "invalid GraphQL syntax", status: unprocessable, code: "GRAPHQL_PARSE_FAILED",
			send: func(e *badEnv) reply { return e.gql(`{ regions { id }`, nil) }},
		{name: "unknown field, without a suggestion", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply { return e.gql(`{ regions { nam } }`, nil) },
			check: func(t *testing.T, _ *badEnv, r reply) {
				if strings.Contains(r.message(), "Did you mean") {
					t.Errorf("the error suggests fields: %q", r.message())
				}
			}},
		{name: "unknown argument", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply { return e.gql(`{ customers(limit: 5) { totalCount } }`, nil) }},
		{name: "unknown operation name", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply {
				body, _ := json.Marshal(map[string]any{"query": `query A { regions { id } }`, "operationName": "B"})
				return e.post("application/json", body)
			}},
		{name: "variable of the wrong type", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply {
				return e.gql(`query($n: Int) { customers(first: $n) { totalCount } }`, map[string]any{"n": "ten"})
			}},
		{name: "deep nesting", status: unprocessable, code: "BAD_USER_INPUT", check: messageHas("query depth 12 exceeds the limit of 10"),
			send: func(e *badEnv) reply {
				return e.gql(`{ customers(first: 1) { edges { node { owner { dealer { customers(first: 1) { edges { node {
					owner { dealer { customers(first: 1) { totalCount } } } } } } } } } } } }`, nil)
			}},
		{name: "deep nesting through fragments", status: unprocessable, code: "BAD_USER_INPUT", check: messageHas("query depth 11"),
			send: func(e *badEnv) reply {
				return e.gql(`{ customers(first: 1) { edges { node { ...A } } } }
					fragment A on Customer { owner { dealer { customers(first: 1) { edges { node { ...B } } } } } }
					fragment B on Customer { owner { dealer { name } } }`, nil)
			}},
		{name: "alias bomb", status: unprocessable, code: "BAD_USER_INPUT", check: messageHas("100 aliases"),
			send: func(e *badEnv) reply {
				var b strings.Builder
				for i := range 100 {
					fmt.Fprintf(&b, "a%d: regions { id } ", i)
				}
				return e.gql("{ "+b.String()+"}", nil)
			}},
		{name: "alias bomb through a fragment", status: unprocessable, code: "BAD_USER_INPUT", check: messageHas("18 aliases"),
			send: func(e *badEnv) reply {
				return e.gql(`{ a: dealers(first: 1) { edges { node { ...D } } } b: dealers(first: 1) { edges { node { ...D } } } }
					fragment D on Dealer { n1: name n2: name n3: name n4: name n5: name n6: name n7: name n8: name }`, nil)
			}},
		{name: "directive bomb", status: unprocessable, code: "BAD_USER_INPUT", check: messageHas("60 directives"),
			send: func(e *badEnv) reply { return e.gql("{ "+repeat("__typename @include(if: true) ", 60)+"}", nil) }},
		{name: "fragment cycle", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply {
				return e.gql(`{ ...A } fragment A on Query { regions { id } ...B } fragment B on Query { ...A }`, nil)
			}},
		{name: "fragment bomb (2^30 fields written out)", status: unprocessable, code: "BAD_USER_INPUT", check: messageHas("aliases"),
			send: func(e *badEnv) reply { return e.gql(fragmentBomb(30), nil) }},
		{name: "query over the character limit", status: unprocessable, code: "BAD_USER_INPUT", check: messageHas("limit of 15000"),
			send: func(e *badEnv) reply { return e.gql("{ regions { id } }\n#"+repeat("x", 15000), nil) }},
		{name: "query over the token limit", status: unprocessable, code: "GRAPHQL_PARSE_FAILED", check: messageHas("token limit"),
			send: func(e *badEnv) reply { return e.gql("{ regions { "+repeat("id ", 1100)+"} }", nil) }},
		{name: "too complex: nested lists of 200", status: unprocessable, code: "COMPLEXITY_LIMIT_EXCEEDED",
			send: func(e *badEnv) reply {
				return e.gql(`{ customers(first: 200) { edges { node { deals(first: 200) { edges { node { id } } } } } } }`, nil)
			}},
		{name: "huge list argument", status: unprocessable, code: "BAD_USER_INPUT", field: "ids",
			send: func(e *badEnv) reply {
				ids := make([]string, 20000)
				for i := range ids {
					ids[i] = globalID("Customer", int64(i+1))
				}
				return e.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
			}},
		{name: "first: -1", status: 200, code: "BAD_USER_INPUT", field: "first",
			send: func(e *badEnv) reply { return e.gql(`{ customers(first: -1) { totalCount } }`, nil) }},
		{name: "first: 100000", status: 200, code: "BAD_USER_INPUT", field: "first", check: messageHas("200"),
			send: func(e *badEnv) reply { return e.gql(`{ customers(first: 100000) { totalCount } }`, nil) }},
		{name: "invalid enum, literal", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply { return e.gql(`{ customers(filter: {segment: SHIPPING}) { totalCount } }`, nil) }},
		{name: "invalid enum, variable", status: unprocessable, code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply {
				return e.gql(`query($s: Segment) { customers(filter: {segment: $s}) { totalCount } }`, map[string]any{"s": "SHIPPING"})
			}},

		// Authentication.
		{name: "anonymous request", code: "UNAUTHENTICATED",
			send: func(e *badEnv) reply {
				req := e.newRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query": "{ customers(first: 5) { totalCount } }"}`))
				req.Header.Set("Content-Type", "application/json")
				return e.request(req, true)
			}},
		{name: "anonymous introspection", code: "UNAUTHENTICATED",
			send: func(e *badEnv) reply {
				req := e.newRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query": "{ __schema { types { name } } }"}`))
				req.Header.Set("Content-Type", "application/json")
				return e.request(req, true)
			}},
		{name: "introspection when signed in is served", status: 200, code: "",
			send: func(e *badEnv) reply { return e.gql(`{ __schema { subscriptionType { fields { name } } } }`, nil) },
			check: func(t *testing.T, _ *badEnv, r reply) {
				if !strings.Contains(string(r.Data), "conflictEvents") {
					t.Errorf("got %s", r)
				}
			}},
		{name: "a wrong bearer token", status: http.StatusUnauthorized, code: "UNAUTHENTICATED",
			send: func(e *badEnv) reply {
				req := e.newRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query": "{ regions { id } }"}`))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer cb_not-a-real-token")
				return e.request(req, true)
			}},
		{name: "unknown persisted query", code: "PERSISTED_QUERY_NOT_FOUND",
			send: func(e *badEnv) reply {
				return e.post("application/json", []byte(`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "`+repeat("ab", 32)+`"}}}`))
			}},

		// Values.
		{name: "negative amount", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.creditLimit(-5, "EUR") }},
		{name: "amount overflowing Int64", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.creditLimit(json.Number("9223372036854775808"), "EUR") }},
		{name: "amount that is not an integer", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.creditLimit(12.5, "EUR") }},
		{name: "quantity overflowing a 32-bit Int", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.deal(json.Number("3000000000"), 100_000, "EUR") }},
		{name: "quantity overflowing 64 bits", code: "GRAPHQL_VALIDATION_FAILED",
			send: func(e *badEnv) reply { return e.deal(json.Number("1e30"), 100_000, "EUR") }},
		{name: "negative quantity", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.deal(-3, 100_000, "EUR") }},
		{name: `currency "EURO"`, status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.creditLimit(100, "EURO") }},
		{name: `currency "eu1"`, status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.deal(1, 100_000, "eu1") }},
		{name: "unknown id", status: 200, code: "NOT_FOUND",
			send: func(e *badEnv) reply {
				return e.gql(updateCustomer, map[string]any{"input": map[string]any{"id": globalID("Customer", 999_999), "name": "x"}})
			}},
		{name: "wrong-type id: a dealer's where a customer's is expected", status: 200, code: "BAD_USER_INPUT", field: "input.id",
			send: func(e *badEnv) reply {
				return e.gql(updateCustomer, map[string]any{"input": map[string]any{"id": e.dealerID, "name": "x"}})
			}},
		{name: "garbage id", status: 200, code: "BAD_USER_INPUT", field: "input.id",
			send: func(e *badEnv) reply {
				return e.gql(updateCustomer, map[string]any{"input": map[string]any{"id": "!!not an id!!", "name": "x"}})
			}},
		{name: "garbage id in node()", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.gql(`{ node(id: "%%%") { id } }`, nil) }},
		{name: "bad date: February 30", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.newDealer("2026-02-30") }},
		{name: "bad date: not a date", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.newDealer("yesterday") }},
		{name: "bad date: a timestamp", status: 200, code: "BAD_USER_INPUT",
			send: func(e *badEnv) reply { return e.newDealer("2026-01-01T00:00:00Z") }},

		// Text.
		{name: "SQL metacharacters in a name are saved verbatim", status: 200, code: "",
			send: func(e *badEnv) reply { return e.renameCustomer(sqlInjection) },
			check: func(t *testing.T, e *badEnv, r reply) {
				var out struct {
					UpdateCustomer struct{ Customer struct{ Name string } }
				}
				if err := json.Unmarshal(r.Data, &out); err != nil || out.UpdateCustomer.Customer.Name != sqlInjection {
					t.Errorf("saved %+v, want the name verbatim", out)
				}
				var found struct{ Customers struct{ TotalCount int } }
				e.ok(`query($s: String) { customers(filter: {search: $s}) { totalCount } }`, map[string]any{"s": "DROP TABLE"}, &found)
				if found.Customers.TotalCount != 1 {
					t.Errorf("searching for it found %d customers", found.Customers.TotalCount)
				}
			}},
		{name: "SQL metacharacters in a search", status: 200, code: "",
			send: func(e *badEnv) reply {
				return e.gql(`query($s: String) { customers(filter: {search: $s}) { totalCount } }`, map[string]any{"s": `'; DROP TABLE customers; --`})
			}},
		{name: "SQL metacharacters in a dealer code", status: 200, code: "BAD_USER_INPUT", field: "input.code",
			send: func(e *badEnv) reply {
				return e.gql(createDealer, map[string]any{"input": map[string]any{
					"code": `X'); DROP TABLE dealers; --`, "name": "x", "kind": "DEALER", "contractStart": "2025-01-01",
				}})
			}},
		{name: "invalid UTF-8 in a JSON string", status: 200,
			send: func(e *badEnv) reply {
				body := []byte(`{"query": "mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { name } } }",
					"variables": {"input": {"id": "` + e.customerID + `", "name": "Farm ` + "\xff\xfe" + ` end"}}}`)
				return e.post("application/json", body)
			},
			check: func(t *testing.T, _ *badEnv, r reply) {
				// The JSON decoder replaces each bad byte with U+FFFD; that is
				// what is stored, and what comes back.
				if !strings.Contains(string(r.Data), "Farm \ufffd\ufffd end") {
					t.Errorf("got %s, want the name with replacement characters", r)
				}
			}},
		{name: "invalid UTF-8 in a GET query string", status: unprocessable, code: "BAD_USER_INPUT", field: "filter.search",
			send: func(e *badEnv) reply {
				return e.get("query=" + url.QueryEscape(`{ customers(filter: {search: "`) + "%FF%FE" + url.QueryEscape(`"}) { totalCount } }`))
			}},
		{name: "NUL in a text variable", status: unprocessable, code: "BAD_USER_INPUT", field: "input.name",
			send: func(e *badEnv) reply { return e.renameCustomer("Farm\x00") }},
		{name: "NUL in a text literal", status: unprocessable, code: "BAD_USER_INPUT", field: "filter.search",
			send: func(e *badEnv) reply { return e.gql(`{ customers(filter: {search: "a\u0000b"}) { totalCount } }`, nil) }},
	}
}

func TestBadInputHTTP(t *testing.T) {
	e := newBadEnv(t)
	e.healthy(t)
	cases := badHTTPCases()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.send(e)
			if c.status != 0 && r.status != c.status {
				t.Errorf("status %d, want %d: %s", r.status, c.status, r)
			}
			if r.code() != c.code {
				t.Errorf("code %q, want %q: %s", r.code(), c.code, r)
			}
			if c.field != "" && r.field() != c.field {
				t.Errorf("field %q, want %q: %s", r.field(), c.field, r)
			}
			if c.check != nil {
				c.check(t, e, r)
			}
			if r.status >= 500 {
				t.Errorf("a server error: %s", r)
			}
			e.healthy(t)
		})
	}
	// The table survived its injection attempts.
	var n int
	if err := e.st.DB().NewRaw(`SELECT count(*) FROM customers`).Scan(context.Background(), &n); err != nil || n < 1 {
		t.Errorf("customers table: %d rows, %v", n, err)
	}
	e.noInternalErrors(t)
	t.Logf("%d HTTP cases", len(cases))
}

func (e *badEnv) noInternalErrors(t *testing.T) {
	t.Helper()
	for line := range strings.SplitSeq(e.log.String(), "\n") {
		if strings.Contains(line, "level=ERROR") {
			t.Errorf("the server logged an error: %s", line)
		}
	}
}

// Security headers come with every API answer.
func TestBadInputSecurityHeaders(t *testing.T) {
	e := newBadEnv(t)
	for _, r := range []reply{
		e.gql(`{ regions { id } }`, nil),
		e.post("text/plain", []byte("x")),
		e.request(e.newRequest(http.MethodGet, "/auth/me", nil), false),
	} {
		for name, want := range map[string]string{
			"X-Content-Type-Options":  "nosniff",
			"X-Frame-Options":         "DENY",
			"Referrer-Policy":         "same-origin",
			"Cache-Control":           "no-store",
			"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
		} {
			if got := r.header.Get(name); got != want {
				t.Errorf("%s = %q, want %q (%s)", name, got, want, r)
			}
		}
	}
	// The sign-in endpoint takes no body beyond the limit either.
	req := e.newRequest(http.MethodPost, "/auth/login", strings.NewReader(repeat("x", 2<<20)))
	req.Header.Set("Content-Type", "application/json")
	if r := e.request(req, true); r.status != http.StatusRequestEntityTooLarge || r.code() != "BAD_USER_INPUT" {
		t.Errorf("a 2 MiB sign-in: %s", r)
	}
}

// Websocket protocol violations. Each ends as graphql-transport-ws says,
// and the server goes on answering.

// wsMessage is one graphql-transport-ws message.
type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func (e *badEnv) dial(t *testing.T, header http.Header) (*websocket.Conn, *http.Response, error) {
	t.Helper()
	if header == nil {
		header = http.Header{}
	}
	if header.Get("Authorization") == "" {
		header.Set("Authorization", "Bearer "+e.token)
	}
	d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
	c, res, err := d.Dial("ws"+strings.TrimPrefix(e.base, "http")+"/graphql", header)
	if c != nil {
		t.Cleanup(func() { _ = c.Close() })
	}
	return c, res, err
}

// connect dials and completes connection_init.
func (e *badEnv) connect(t *testing.T) *websocket.Conn {
	t.Helper()
	c, _, err := e.dial(t, nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	send(t, c, wsMessage{Type: "connection_init"})
	if m := next(t, c); m.Type != "connection_ack" {
		t.Fatalf("got %+v, want connection_ack", m)
	}
	return c
}

func send(t *testing.T, c *websocket.Conn, m wsMessage) {
	t.Helper()
	if err := c.WriteJSON(m); err != nil {
		t.Fatalf("send %s: %v", m.Type, err)
	}
}

// next reads the next message other than ping (answered) and pong.
func next(t *testing.T, c *websocket.Conn) wsMessage {
	t.Helper()
	for {
		_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
		var m wsMessage
		if err := c.ReadJSON(&m); err != nil {
			t.Fatalf("read: %v", err)
		}
		switch m.Type {
		case "ping":
			send(t, c, wsMessage{Type: "pong"})
		case "pong":
		default:
			return m
		}
	}
}

// closedWith reads until the server closes and returns the close code.
func closedWith(t *testing.T, c *websocket.Conn) int {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := c.ReadMessage()
		if err == nil {
			continue
		}
		var ce *websocket.CloseError
		if !errors.As(err, &ce) {
			t.Fatalf("the connection ended without a close frame: %v", err)
		}
		return ce.Code
	}
}

func subscribe(t *testing.T, c *websocket.Conn, id, query string) {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{"query": query})
	send(t, c, wsMessage{ID: id, Type: "subscribe", Payload: payload})
}

// errorCodeOf is the first extensions.code in an error message's payload.
func errorCodeOf(t *testing.T, m wsMessage) string {
	t.Helper()
	var errs []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	}
	if m.Type != "error" || json.Unmarshal(m.Payload, &errs) != nil || len(errs) == 0 {
		t.Fatalf("got %s %s, want an error message", m.Type, m.Payload)
	}
	c, _ := errs[0].Extensions["code"].(string)
	return c
}

const feedSubscription = `subscription { conflictEvents { cursor type } }`

func TestBadInputWebsocket(t *testing.T) {
	e := newBadEnv(t)
	cases := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"a handshake from another site's page", func(t *testing.T) {
			_, res, err := e.dial(t, http.Header{"Origin": {"https://evil.example"}})
			if err == nil || res == nil || res.StatusCode != http.StatusForbidden {
				t.Fatalf("cross-origin dial: %v, %+v", err, res)
			}
		}},
		{"subscribe before connection_init: 4401", func(t *testing.T) {
			c, _, err := e.dial(t, nil)
			if err != nil {
				t.Fatal(err)
			}
			subscribe(t, c, "1", feedSubscription)
			if code := closedWith(t, c); code != 4401 {
				t.Fatalf("closed with %d, want 4401", code)
			}
		}},
		{"unknown message type: 4400", func(t *testing.T) {
			c := e.connect(t)
			send(t, c, wsMessage{Type: "gimme", ID: "1"})
			if code := closedWith(t, c); code != 4400 {
				t.Fatalf("closed with %d, want 4400", code)
			}
		}},
		{"a message that is not JSON: 4400", func(t *testing.T) {
			c := e.connect(t)
			if err := c.WriteMessage(websocket.TextMessage, []byte(`{"type": "subscribe", `)); err != nil {
				t.Fatal(err)
			}
			if code := closedWith(t, c); code != 4400 {
				t.Fatalf("closed with %d, want 4400", code)
			}
		}},
		{"a second connection_init: 4429", func(t *testing.T) {
			c := e.connect(t)
			send(t, c, wsMessage{Type: "connection_init"})
			if code := closedWith(t, c); code != 4429 {
				t.Fatalf("closed with %d, want 4429", code)
			}
		}},
		{"oversized frame: 1009", func(t *testing.T) {
			c := e.connect(t)
			payload, _ := json.Marshal(map[string]any{"query": "{ regions { id } }", "variables": map[string]any{"pad": repeat("x", 100<<10)}})
			send(t, c, wsMessage{ID: "1", Type: "subscribe", Payload: payload})
			if code := closedWith(t, c); code != websocket.CloseMessageTooBig {
				t.Fatalf("closed with %d, want 1009", code)
			}
		}},
		{"duplicate subscription id: 4409", func(t *testing.T) {
			c := e.connect(t)
			subscribe(t, c, "feed", feedSubscription)
			subscribe(t, c, "feed", feedSubscription)
			if code := closedWith(t, c); code != 4409 {
				t.Fatalf("closed with %d, want 4409", code)
			}
		}},
		{"no connection_init within the timeout: 4408", func(t *testing.T) {
			c, _, err := e.dial(t, nil)
			if err != nil {
				t.Fatal(err)
			}
			// The close code is the server's own verdict that the init
			// timeout ran out (no timing asserted: a loaded machine varies).
			if code := closedWith(t, c); code != 4408 {
				t.Fatalf("closed with %d, want 4408", code)
			}
		}},
		{"a subscribe whose payload is not an object: an error, the connection stays", func(t *testing.T) {
			c := e.connect(t)
			send(t, c, wsMessage{ID: "1", Type: "subscribe", Payload: json.RawMessage(`"{ regions { id } }"`)})
			if m := next(t, c); m.ID != "1" || errorCodeOf(t, m) != "BAD_USER_INPUT" {
				t.Fatalf("got %+v", m)
			}
			subscribe(t, c, "2", `{ regions { id } }`)
			if m := next(t, c); m.ID != "2" || m.Type != "next" || !strings.Contains(string(m.Payload), `"regions"`) {
				t.Fatalf("a query after the error: %+v %s", m, m.Payload)
			}
		}},
		{"too deep a subscription: limits apply to websocket operations", func(t *testing.T) {
			c := e.connect(t)
			subscribe(t, c, "deep", `subscription { conflictEvents { conflict { customer { owner { dealer {
				customers(first: 1) { edges { node { deals(first: 1) { edges { node { id } } } } } } } } } } } }`)
			m := next(t, c)
			if m.ID != "deep" || errorCodeOf(t, m) != "BAD_USER_INPUT" || !strings.Contains(string(m.Payload), "query depth 12 exceeds the limit of 10") {
				t.Fatalf("got %+v %s", m, m.Payload)
			}
		}},
		{"anonymous introspection over the socket", func(t *testing.T) {
			// A non-browser client without credentials; the server either
			// refuses the socket or the operation.
			d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
			c, res, err := d.Dial("ws"+strings.TrimPrefix(e.base, "http")+"/graphql", nil)
			if err != nil {
				if res == nil || res.StatusCode != http.StatusUnauthorized {
					t.Fatalf("dial: %v %+v", err, res)
				}
				return
			}
			defer c.Close()
			send(t, c, wsMessage{Type: "connection_init"})
			if m := next(t, c); m.Type != "connection_ack" {
				return // refused at init
			}
			subscribe(t, c, "i", `{ __schema { types { name } } }`)
			m := next(t, c)
			if m.ID != "i" || !strings.Contains(string(m.Payload), `"code":"UNAUTHENTICATED"`) || strings.Contains(string(m.Payload), `"types"`) {
				t.Fatalf("got %+v %s", m, m.Payload)
			}
		}},
		{"more than 32 operations on one connection: an error, the connection stays", func(t *testing.T) {
			c := e.connect(t)
			before := e.hub.Subscribers()
			for i := range 32 {
				subscribe(t, c, fmt.Sprint("s", i), feedSubscription)
			}
			deadline := time.Now().Add(10 * time.Second)
			for e.hub.Subscribers() < before+32 {
				if time.Now().After(deadline) {
					t.Fatalf("%d subscriptions registered, want 32", e.hub.Subscribers()-before)
				}
				time.Sleep(5 * time.Millisecond)
			}
			subscribe(t, c, "s32", feedSubscription)
			m := next(t, c)
			if m.ID != "s32" || errorCodeOf(t, m) != "BAD_USER_INPUT" || !strings.Contains(string(m.Payload), "at most 32") {
				t.Fatalf("the 33rd: %+v %s", m, m.Payload)
			}
			// Ending one frees its place.
			send(t, c, wsMessage{ID: "s0", Type: "complete"})
			for {
				subscribe(t, c, "q", `{ regions { id } }`)
				m := next(t, c)
				for m.ID == "s0" {
					m = next(t, c)
				}
				if m.ID == "q" && m.Type == "next" {
					break
				}
				if m.ID != "q" || m.Type != "error" {
					t.Fatalf("after completing one: %+v %s", m, m.Payload)
				}
				// The server had not yet ended s0; try again.
				time.Sleep(10 * time.Millisecond)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.run(t)
			e.healthy(t)
			// And the socket still works for a well-behaved client.
			conn := e.connect(t)
			subscribe(t, conn, "ok", `{ regions { id } }`)
			if m := next(t, conn); m.ID != "ok" || m.Type != "next" {
				t.Fatalf("a normal websocket query: %+v %s", m, m.Payload)
			}
			_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "bye"))
		})
	}
	e.noInternalErrors(t)
	t.Logf("%d websocket cases", len(cases))
}
