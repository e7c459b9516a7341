package main

import (
	"fmt"

	"github.com/99designs/gqlgen/codegen"
)

// inlineDirective marks a field whose resolver is resolved on its parent's
// goroutine (see its declaration in graph/schema.graphqls).
const inlineDirective = "inline"

// inlinePlugin turns off gqlgen's goroutine per resolver field for the
// fields marked @inline. gqlgen has no per-field switch: Field.IsConcurrent
// is false when its Object has DisableConcurrency, so each marked field gets
// a copy of its object with that flag set. Nothing in the exec templates
// compares object pointers; the object's function is still rendered from
// the original in data.Objects, which counts Invalids atomically only while
// some field of it stays concurrent.
type inlinePlugin struct{}

func (inlinePlugin) Name() string { return "inline" }

func (inlinePlugin) GenerateCode(data *codegen.Data) error {
	for _, it := range data.Interfaces {
		for _, f := range it.Fields {
			if f.Directives.ForName(inlineDirective) != nil {
				return fmt.Errorf("@inline on %s.%s: an interface field is resolved by its object types; mark the field there", it.Name, f.Name)
			}
		}
	}
	for _, o := range data.Objects {
		var seq *codegen.Object
		for _, f := range o.Fields {
			if f.FieldDefinition.Directives.ForName(inlineDirective) == nil {
				continue
			}
			if o.Root {
				// Root fields have no parent goroutine to share, and
				// gqlgen runs them through the root middleware.
				return fmt.Errorf("@inline on %s.%s: a root field cannot be inline", o.Name, f.Name)
			}
			if !f.IsConcurrent() {
				return fmt.Errorf("@inline on %s.%s: the field has no resolver, it is inline already", o.Name, f.Name)
			}
			if seq == nil {
				c := *o
				c.DisableConcurrency = true
				seq = &c
			}
			f.Object = seq
		}
	}
	return nil
}
