package graph

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
)

type fieldSpy struct{}

func (fieldSpy) ExtensionName() string                   { return "fieldSpy" }
func (fieldSpy) Validate(graphql.ExecutableSchema) error { return nil }
func (fieldSpy) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	return next(ctx)
}

// Plain fields skip gqlgen's field middleware, so the handler refuses an
// extension that would rely on it.
func TestPlainFieldsSkipNoFieldMiddleware(t *testing.T) {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{}}))
	defer func() {
		if recover() == nil {
			t.Error("a field interceptor was accepted")
		}
	}()
	use(srv, requireViewer{}) // not a field interceptor: accepted
	use(srv, fieldSpy{})
}
