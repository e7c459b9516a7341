package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"channelboard/channel"
	"channelboard/store"
)

// Caches of the GraphQL endpoint; its limits are in limits.go.
const (
	queryCacheSize = 1000 // parsed and validated documents
	apqCacheSize   = 1000 // automatic persisted queries
)

type options struct {
	loaderWait time.Duration
	feed       *store.Hub  // Subscription.conflictEvents (feed.go)
	ws         *Websockets // the websocket transport (websocket.go)
	limits     Limits      // limits.go
	recheck    time.Duration
	opMetrics  *OperationMetrics // opmetrics.go
}

// Option tunes NewHandler.
type Option func(*options)

// WithLoaderWait sets how long dataloaders gather keys before querying.
func WithLoaderWait(d time.Duration) Option { return func(o *options) { o.loaderWait = d } }

// NewHandler serves the GraphQL API over st: POST and GET (queries only),
// a bounded query cache, automatic persisted queries, the limits of
// limits.go (size, depth, aliases, directives, complexity), introspection
// for signed-in viewers, per-request dataloaders, and errors that carry our
// codes and never internal details.
func NewHandler(st *store.Store, logger *slog.Logger, opts ...Option) http.Handler {
	o := options{loaderWait: defaultLoaderWait, limits: DefaultLimits()}
	for _, opt := range opts {
		opt(&o)
	}
	if logger == nil {
		logger = slog.Default()
	}
	if o.recheck <= 0 {
		o.recheck = defaultRecheck
	}
	cfg := Config{Resolvers: &Resolver{store: st, logger: logger, feed: o.feed, recheck: o.recheck}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(NewExecutableSchema(cfg))
	if o.ws != nil {
		srv.AddTransport(o.ws.Transport())
	}
	// Only JSON POST, GET for queries and the websocket (limits.go says
	// why); anything else gets a GraphQL-shaped 405 or 415.
	srv.AddTransport(getQueries{})
	srv.AddTransport(postJSON{})
	srv.AddTransport(refuseOthers{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.SetParserTokenLimit(o.limits.MaxTokens)
	srv.SetDisableSuggestion(true)
	registerLimitKind()
	// In this order: a persisted query is filled in from its hash, then
	// measured (and introspection decided), then priced.
	use(srv, extension.AutomaticPersistedQuery{Cache: lru.New[string](apqCacheSize)})
	use(srv, operationLimits{limits: o.limits})
	if o.limits.MaxComplexity > 0 {
		use(srv, extension.FixedComplexityLimit(o.limits.MaxComplexity))
	}
	use(srv, requireViewer{})
	if o.opMetrics != nil {
		use(srv, o.opMetrics)
	}
	use(srv, feedLoaders{st: st, hub: o.feed, wait: o.loaderWait, share: newFeedShare(o.opMetrics.feedFrame)})
	srv.SetErrorPresenter(errorPresenter(logger))
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		logger.ErrorContext(ctx, "graphql panic", "op", "graphql", "path", pathOf(ctx), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		return errPanic
	})
	return middleware(st, o.loaderWait, srv)
}

var errPanic = errors.New("panic in resolver")

// use adds a handler extension. One that intercepts fields is refused:
// the generated code marshals plain fields (a customer's name) without
// gqlgen's field machinery (graph/internal/gqlgenrun/plainfields.go), so
// such an interceptor would silently miss them.
func use(srv *handler.Server, ext graphql.HandlerExtension) {
	if _, ok := ext.(graphql.FieldInterceptor); ok {
		panic(fmt.Sprintf("graph: extension %s intercepts fields, which plain fields bypass", ext.ExtensionName()))
	}
	srv.Use(ext)
}

func pathOf(ctx context.Context) string {
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		return fc.Path().String()
	}
	return ""
}

// errorPresenter is the one place where errors become what clients see:
// our application errors keep their code, message and field; gqlgen's and
// gqlparser's own errors (parsing, validation) keep theirs; anything else is
// logged with its path and shown as "Internal error."
func errorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var appErr *channel.Error
		if errors.As(err, &appErr) {
			out := &gqlerror.Error{
				Message: appErr.Message, Path: gqlErr.Path, Locations: gqlErr.Locations,
				Extensions: map[string]any{"code": appErr.Code},
			}
			if appErr.Code == channel.EInvalid {
				field := appErr.Field
				if field == "" {
					field = argPath(gqlErr.Path)
				}
				if field != "" {
					out.Extensions["field"] = field
				}
			}
			return out
		}
		if gqlErr.Err == nil {
			// The executor's and gqlparser's own errors (syntax, validation,
			// variables, complexity, persisted queries) wrap no Go error:
			// they describe the request, never our internals.
			if gqlErr.Extensions == nil {
				gqlErr.Extensions = map[string]any{}
			}
			if _, ok := gqlErr.Extensions["code"]; !ok {
				gqlErr.Extensions["code"] = channel.EInvalid
			}
			return gqlErr
		}
		// A client that went away (closed tab, dropped socket) cancels the
		// request: expected, not an internal fault worth an error line.
		level := slog.LevelError
		if errors.Is(err, context.Canceled) {
			level = slog.LevelDebug
		}
		logger.Log(ctx, level, "graphql internal error", "op", "graphql", "path", gqlErr.Path.String(), "err", err.Error())
		return &gqlerror.Error{
			Message: "Internal error.", Path: gqlErr.Path, Locations: gqlErr.Locations,
			Extensions: map[string]any{"code": channel.EInternal},
		}
	}
}

// argPath renders the input part of an error path ("input.validTo") for
// scalar errors that cannot know their field: the path after the root field.
func argPath(p ast.Path) string {
	if len(p) < 2 {
		return ""
	}
	parts := make([]string, 0, len(p)-1)
	for _, e := range p[1:] {
		switch e := e.(type) {
		case ast.PathName:
			parts = append(parts, string(e))
		case ast.PathIndex:
			parts = append(parts, fmt.Sprint(int(e)))
		}
	}
	return strings.Join(parts, ".")
}
