package bench

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"channelboard/channel"
)

// The operations of the mix. The documents are the app's own
// (frontend/src/screens/*/operations.ts) where the app has one, so the load
// is what the screens send.
const (
	OpDealerCustomers   = "dealerCustomers"
	OpCustomerDetail    = "customerDetail"
	OpRegisterDeal      = "registerDeal"
	OpBoard             = "board"
	OpConflictStats     = "conflictStats"
	OpDealerPerformance = "dealerPerformance"
	OpPipeline          = "pipeline"
)

// gqlRequest is one GraphQL request body.
type gqlRequest struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName,omitempty"`
	Variables     map[string]any `json:"variables,omitempty"`
}

// op is one kind of request of the mix, sent by users of one role.
type op struct {
	name  string
	role  channel.Role
	write bool
	// request builds the next request of user u; r is not shared.
	request func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest
}

var ops = []op{
	{name: OpDealerCustomers, role: channel.RoleDealer, request: func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest {
		return gqlRequest{Query: dealerCustomersQuery, OperationName: "DealerCustomers", Variables: map[string]any{
			"first":   50,
			"filter":  map[string]any{"ownerDealerId": gid("Dealer", u.DealerID)},
			"orderBy": map[string]any{"field": "NAME", "direction": "ASC"},
		}}
	}},
	{name: OpCustomerDetail, role: channel.RoleDealer, request: func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest {
		return gqlRequest{Query: customerDetailQuery, OperationName: "CustomerDetail", Variables: map[string]any{
			"id": gid("Customer", u.customer(r)),
		}}
	}},
	{name: OpRegisterDeal, role: channel.RoleDealer, write: true, request: func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest {
		pl := fx.productLines[r.IntN(len(fx.productLines))]
		// Between 10 % under the price floor and 60 % over it: about one
		// registration in six fires PRICE_BELOW_FLOOR besides the other
		// rules.
		price := pl.floor * int64(90+r.IntN(71)) / 100
		if price < 1 {
			price = 1
		}
		return gqlRequest{Query: registerDealMutation, OperationName: "RegisterDeal", Variables: map[string]any{
			"input": map[string]any{
				"idempotencyKey": "bench-" + randomHex(12),
				"customerId":     gid("Customer", u.customer(r)),
				"channel":        map[string]any{"kind": "DEALER", "dealerId": gid("Dealer", u.DealerID)},
				"productLineId":  gid("ProductLine", pl.id),
				"quantity":       1 + r.IntN(20),
				"unitPrice":      map[string]any{"minor": price, "currency": fx.currency},
			},
		}}
	}},
	{name: OpBoard, role: channel.RoleDirector, request: func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest {
		return gqlRequest{Query: boardQuery, OperationName: "Board", Variables: map[string]any{
			"open":   map[string]any{"statuses": []string{"OPEN"}},
			"ack":    map[string]any{"statuses": []string{"ACKNOWLEDGED"}},
			"closed": map[string]any{"statuses": []string{"RESOLVED", "DISMISSED"}},
			"live":   map[string]any{"statuses": []string{"OPEN", "ACKNOWLEDGED"}},
		}}
	}},
	{name: OpConflictStats, role: channel.RoleAnalyst, request: func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest {
		groupings := [][]string{{"KIND"}, {"STATUS", "SEVERITY"}, {"REGION"}, {"DEALER"}, {"MONTH", "KIND"}}
		return gqlRequest{Query: conflictStatsQuery, OperationName: "ConflictStats", Variables: map[string]any{
			"groupBy": groupings[r.IntN(len(groupings))],
		}}
	}},
	{name: OpDealerPerformance, role: channel.RoleAnalyst, request: func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest {
		return gqlRequest{Query: dealerPerformanceQuery, OperationName: "DealerPerformance", Variables: map[string]any{
			"year": fx.year,
		}}
	}},
	{name: OpPipeline, role: channel.RoleAnalyst, request: func(r *mrand.Rand, fx *fixture, u *vuser) gqlRequest {
		if r.IntN(2) == 0 {
			return gqlRequest{Query: pipelineQuery, OperationName: "Pipeline"}
		}
		d := fx.dealers[r.IntN(len(fx.dealers))]
		return gqlRequest{Query: dealerPipelineQuery, OperationName: "DealerPipeline", Variables: map[string]any{
			"dealerId": gid("Dealer", d.DealerID),
		}}
	}},
}

// OpNames lists the operations in their order.
func OpNames() []string {
	out := make([]string, len(ops))
	for i, o := range ops {
		out[i] = o.name
	}
	return out
}

func opByName(name string) *op {
	for i := range ops {
		if ops[i].name == name {
			return &ops[i]
		}
	}
	return nil
}

// gid is the server's global id of a row. Clients are not meant to build
// them; the harness does, to ask the same rows of all three sides, and
// checks the encoding against the server before it starts (checkIDs).
func gid(typ string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + strconv.FormatInt(id, 10)))
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// pickWeighted returns the index whose cumulative weight range holds x,
// 0 ≤ x < sum(weights).
func pickWeighted(weights []int, x int) int {
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// chooser is the run's one random source; targeters run on many workers.
type chooser struct {
	mu sync.Mutex
	r  *mrand.Rand
}

func newChooser(seed uint64) *chooser {
	return &chooser{r: mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (c *chooser) do(fn func(r *mrand.Rand)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fn(c.r)
}

// opURL tags a request with its operation, so each vegeta result can be
// counted against it (servers ignore the query string of a POST).
func opURL(endpoint, name string) string { return endpoint + "?op=" + name }

// opOf reads the operation back from a result's URL.
func opOf(url string) string {
	_, name, _ := strings.Cut(url, "?op=")
	name, _, _ = strings.Cut(name, "&")
	return name
}

func jsonTarget(t *vegeta.Target, url, token string, body any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("encode request: %w", err)
	}
	t.Method = http.MethodPost
	t.URL = url
	t.Body = b
	t.Header = http.Header{"Content-Type": []string{"application/json"}}
	if token != "" {
		t.Header.Set("Authorization", "Bearer "+token)
	}
	return nil
}

// mixTargeter sends the mix's operations in proportion to their weights,
// each as a random user of the operation's role.
func mixTargeter(endpoint string, fx *fixture, mix Mix, ch *chooser) vegeta.Targeter {
	names := mix.names()
	weights := make([]int, len(names))
	total := 0
	for i, n := range names {
		weights[i] = mix[n]
		total += mix[n]
	}
	byOp := make([]vegeta.Targeter, len(names))
	for i, n := range names {
		byOp[i] = opTargeter(endpoint, fx, n, ch)
	}
	return func(t *vegeta.Target) error {
		var i int
		ch.do(func(r *mrand.Rand) { i = pickWeighted(weights, r.IntN(total)) })
		return byOp[i](t)
	}
}

// opTargeter sends only operation name, each request as a random user of
// its role.
func opTargeter(endpoint string, fx *fixture, name string, ch *chooser) vegeta.Targeter {
	o := opByName(name)
	url := opURL(endpoint, name)
	return func(t *vegeta.Target) error {
		var (
			u   *vuser
			req gqlRequest
		)
		ch.do(func(r *mrand.Rand) {
			u = fx.user(r, o.role)
			req = o.request(r, fx, u)
		})
		return jsonTarget(t, url, u.Token, req)
	}
}

// The customers page of the app (CustomersQuery) for a dealer's own
// accounts, with the open-conflict count the dealer's screen shows.
const dealerCustomersQuery = `query DealerCustomers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id name taxId country segment size keyAccount keyAccountReason dealCount createdAt openConflictCount
        region { id name path }
        owner { kind since dealer { id name code } }
      }
    }
  }
}`

// The app's CustomerDetailQuery.
const customerDetailQuery = `query CustomerDetail($id: ID!) {
  customer(id: $id) {
    id name taxId country segment size keyAccount keyAccountReason dealCount openDealCount
    region { id name path }
    owner { kind since dealer { id name code } }
    ownershipHistory {
      id fromKind fromDealer { id name } toKind toDealer { id name } how reason decidedBy at
    }
    deals(first: 20) {
      totalCount
      edges {
        node {
          id stage registeredAt
          productLine { id name }
          amount { minor currency }
          channel { kind dealer { id name } }
        }
      }
    }
  }
}`

// The app's RegisterDealMutation.
const registerDealMutation = `mutation RegisterDeal($input: RegisterDealInput!) {
  registerDeal(input: $input) { deal { id stage amount { minor currency } } }
}`

// The app's BoardQuery with its ConflictCard fragment.
const boardQuery = `query Board($open: ConflictFilter!, $ack: ConflictFilter!, $closed: ConflictFilter!, $live: ConflictFilter!) {
  open: conflicts(first: 100, filter: $open, orderBy: { field: DETECTED_AT, direction: DESC }) { totalCount edges { node { ...ConflictCard } } }
  ack: conflicts(first: 100, filter: $ack, orderBy: { field: DETECTED_AT, direction: DESC }) { totalCount edges { node { ...ConflictCard } } }
  closed: conflicts(first: 20, filter: $closed, orderBy: { field: UPDATED_AT, direction: DESC }) { totalCount edges { node { ...ConflictCard } } }
  byKind: conflictStats(groupBy: [KIND], filter: $live) { kind count }
}
fragment ConflictCard on Conflict {
  id kind status severity detectedAt updatedAt resolution
  atStake { minor currency }
  customer { id name country }
  parties { direct dealers { id name code } }
}`

// The analyst console's "money at stake" example, over several groupings.
const conflictStatsQuery = `query ConflictStats($groupBy: [ConflictStatsDimension!]!) {
  conflictStats(groupBy: $groupBy) {
    kind status severity month count closedCount meanTimeToResolveSeconds
    region { id name }
    dealer { id name }
    atStake { minor currency }
  }
}`

// The year's plan figures of every dealer (graph/analytics_bench_test.go).
const dealerPerformanceQuery = `query DealerPerformance($year: Int!) {
  dealerPerformance(year: $year, first: 50) {
    totalCount
    pageInfo { endCursor }
    edges {
      node {
        dealer { id name } planned { minor currency } actual { minor } attainmentPct bonusTier { bonusPct } bonus { minor }
        projectedBonus { minor } marketingBudget { minor } marketingDealerShare { minor } compensationOwed { minor }
        prepaid { minor } creditUsed { minor } creditLimit { minor } planDeviation
      }
    }
  }
}`

const pipelineQuery = `query Pipeline {
  pipeline { stage channel productLine { id code } count amount { minor currency } }
}`

const dealerPipelineQuery = `query DealerPipeline($dealerId: ID!) {
  pipeline(groupBy: [STAGE], filter: { dealerId: $dealerId }) { stage count amount { minor currency } }
}`
