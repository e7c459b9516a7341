package graph_test

import (
	"bytes"
	"testing"
)

// Objects build their @defer group only when their selection defers a
// field (graph/deferred.go): with and without a deferred fragment, and
// with one in a list, a customer's answer is the same complete object.
func TestDeferredFragmentsAnswerTheSame(t *testing.T) {
	w := newWorldEnv(t, newEnv(t))
	id := w.customer("Tundzha Seeds", "DEALER", w.distID, "eu.bg.yambol")
	vars := map[string]any{"id": id}
	plain := w.do(`query($id: ID!) { customer(id: $id) { id name region { name path } owner { kind dealer { name } } } }`, vars)
	deferred := w.do(`query($id: ID!) { customer(id: $id) { id ... @defer(label: "more") { name region { name path } } owner { kind dealer { name } } } }`, vars)
	if len(plain.Errors) > 0 || len(deferred.Errors) > 0 {
		t.Fatalf("errors: %+v %+v", plain.Errors, deferred.Errors)
	}
	if !bytes.Contains(plain.Data, []byte("Tundzha Seeds")) || !bytes.Contains(plain.Data, []byte("Balkan Pumps")) {
		t.Fatalf("answer without @defer: %s", plain.Data)
	}
	if !bytes.Equal(plain.Data, deferred.Data) {
		t.Errorf("with @defer:\n%s\nwithout:\n%s", deferred.Data, plain.Data)
	}
	list := w.do(`{ customers(first: 5) { edges { node { id ... @defer { name } } } } }`, nil)
	if len(list.Errors) > 0 || !bytes.Contains(list.Data, []byte(`"name":"Tundzha Seeds"`)) {
		t.Errorf("a list with @defer: %s %+v", list.Data, list.Errors)
	}
}
