package graph

// The config lives at the repository root so its paths read from there.
// gqlgenrun is gqlgen generate plus the @inline plugin.
//go:generate sh -c "cd .. && go run ./graph/internal/gqlgenrun"
