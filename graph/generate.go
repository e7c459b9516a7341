package graph

// The config lives at the repository root so its paths read from there.
//go:generate sh -c "cd .. && go run github.com/99designs/gqlgen generate --config gqlgen.yml"
