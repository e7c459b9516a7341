package main

import (
	"strings"
	"testing"

	"github.com/99designs/gqlgen/codegen"
	"github.com/vektah/gqlparser/v2/ast"
)

func field(o *codegen.Object, name string, resolver, inline bool) *codegen.Field {
	def := &ast.FieldDefinition{Name: name}
	if inline {
		def.Directives = ast.DirectiveList{{Name: inlineDirective}}
	}
	f := &codegen.Field{FieldDefinition: def, IsResolver: resolver, Object: o}
	o.Fields = append(o.Fields, f)
	return f
}

func TestInlineOnlyTheMarkedField(t *testing.T) {
	o := &codegen.Object{Definition: &ast.Definition{Name: "Customer"}}
	id := field(o, "id", true, true)
	region := field(o, "region", true, false)
	name := field(o, "name", false, false)
	if err := (inlinePlugin{}).GenerateCode(&codegen.Data{Objects: codegen.Objects{o}}); err != nil {
		t.Fatal(err)
	}
	if id.IsConcurrent() || !region.IsConcurrent() || name.IsConcurrent() {
		t.Errorf("concurrent: id %v region %v name %v, want false true false", id.IsConcurrent(), region.IsConcurrent(), name.IsConcurrent())
	}
	if o.DisableConcurrency || !o.IsConcurrent() || region.Object != o {
		t.Error("the object itself changed")
	}
	if id.Object.Name != "Customer" {
		t.Errorf("inline field's object is %q", id.Object.Name)
	}
}

func TestInlineRejected(t *testing.T) {
	for _, c := range []struct {
		name string
		data func() *codegen.Data
		want string
	}{
		{"root field", func() *codegen.Data {
			q := &codegen.Object{Definition: &ast.Definition{Name: "Query"}, Root: true}
			field(q, "customer", true, true)
			return &codegen.Data{Objects: codegen.Objects{q}}
		}, "@inline on Query.customer: a root field"},
		{"no resolver", func() *codegen.Data {
			o := &codegen.Object{Definition: &ast.Definition{Name: "Customer"}}
			field(o, "name", false, true)
			return &codegen.Data{Objects: codegen.Objects{o}}
		}, "@inline on Customer.name: the field has no resolver"},
		{"interface field", func() *codegen.Data {
			def := &ast.Definition{Name: "Node", Kind: ast.Interface, Fields: ast.FieldList{
				{Name: "id", Directives: ast.DirectiveList{{Name: inlineDirective}}}}}
			return &codegen.Data{Interfaces: map[string]*codegen.Interface{"Node": {Definition: def}}}
		}, "@inline on Node.id: an interface field"},
	} {
		err := (inlinePlugin{}).GenerateCode(c.data())
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q…", c.name, err, c.want)
		}
	}
}
