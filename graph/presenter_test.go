package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"channelboard/channel"
)

func TestErrorPresenter(t *testing.T) {
	var logs bytes.Buffer
	present := errorPresenter(slog.New(slog.NewTextHandler(&logs, nil)))
	ctx := context.Background()

	internal := present(ctx, fmt.Errorf("list customers: %w", errors.New(`ERROR: relation "secret_table" does not exist`)))
	if internal.Message != "Internal error." || internal.Extensions["code"] != channel.EInternal {
		t.Fatalf("internal = %+v", internal)
	}
	if !strings.Contains(logs.String(), "secret_table") {
		t.Errorf("the cause was not logged: %s", logs.String())
	}

	panicked := present(ctx, gqlerror.WrapPath(ast.Path{ast.PathName("customers")}, errPanic))
	if panicked.Message != "Internal error." || panicked.Extensions["code"] != channel.EInternal {
		t.Fatalf("panic = %+v", panicked)
	}

	// A scalar's error cannot know its field; the path supplies it.
	scalar := present(ctx, gqlerror.WrapPath(ast.Path{ast.PathName("registerDeal"), ast.PathName("input"), ast.PathName("expectedClose")},
		channel.Invalid("", "not a date")))
	if scalar.Extensions["code"] != channel.EInvalid || scalar.Extensions["field"] != "input.expectedClose" {
		t.Fatalf("scalar = %+v", scalar)
	}

	wrapped := present(ctx, fmt.Errorf("create: %w", channel.Errorf(channel.EConflict, "dealer code BG-01 is taken")))
	if wrapped.Message != "dealer code BG-01 is taken" || wrapped.Extensions["code"] != channel.EConflict || wrapped.Extensions["field"] != nil {
		t.Fatalf("conflict = %+v", wrapped)
	}

	validation := present(ctx, &gqlerror.Error{Message: "Cannot query field", Extensions: map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}})
	if validation.Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
		t.Fatalf("validation = %+v", validation)
	}
}
