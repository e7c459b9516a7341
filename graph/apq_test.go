package graph_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
)

// postAPQ sends an automatic persisted query: the hash, and the query text
// only when given.
func (e *env) postAPQ(query, hash string) response {
	e.t.Helper()
	req := map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}
	if query != "" {
		req["query"] = query
	}
	body, _ := json.Marshal(req)
	res, err := http.Post(e.url, "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var r response
	if err := json.Unmarshal(raw, &r); err != nil {
		e.t.Fatalf("%s: %v", raw, err)
	}
	return r
}

func sha(q string) string {
	h := sha256.Sum256([]byte(q))
	return hex.EncodeToString(h[:])
}

// A query registered once is then sent by its hash alone; the cache keeps
// at most 1,000 of them, so the oldest is forgotten and must be sent again.
func TestPersistedQueries(t *testing.T) {
	e := newEnv(t)
	q := `{ productLines { code } }`
	if r := e.postAPQ("", sha(q)); len(r.Errors) != 1 || r.Errors[0].Message != "PersistedQueryNotFound" {
		t.Fatalf("unknown hash: %+v", r)
	}
	if r := e.postAPQ(q, sha(q)); len(r.Errors) != 0 || string(r.Data) != `{"productLines":[]}` {
		t.Fatalf("register: %+v %s", r.Errors, r.Data)
	}
	if r := e.postAPQ("", sha(q)); len(r.Errors) != 0 || string(r.Data) != `{"productLines":[]}` {
		t.Fatalf("by hash alone: %+v %s", r.Errors, r.Data)
	}
	if r := e.postAPQ(`{ dealers(first: 1) { totalCount } }`, sha(q)); len(r.Errors) == 0 {
		t.Fatal("a query that does not match its hash was accepted")
	}
	// 1,000 other queries push the first one out of the bounded cache.
	for i := range 1000 {
		other := fmt.Sprintf(`{ q%d: productLines { id } }`, i)
		if r := e.postAPQ(other, sha(other)); len(r.Errors) != 0 {
			t.Fatalf("query %d: %+v", i, r.Errors)
		}
	}
	if r := e.postAPQ("", sha(q)); len(r.Errors) != 1 || r.Errors[0].Message != "PersistedQueryNotFound" {
		t.Fatalf("after 1,000 more: %+v %s", r.Errors, r.Data)
	}
	last := `{ q999: productLines { id } }`
	if r := e.postAPQ("", sha(last)); len(r.Errors) != 0 {
		t.Fatalf("the newest by hash: %+v", r.Errors)
	}
}
