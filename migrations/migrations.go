// Package migrations holds Channelboard's SQL schema as numbered, append-only
// files embedded in the binary. A released migration is never edited; a change
// is a new file. It imports nothing of ours.
package migrations

import "embed"

// FS holds every *.sql migration, named NNNN_name.up.sql (and .down.sql when
// one exists), in the layout bun/migrate's Discover expects.
//
//go:embed *.sql
var FS embed.FS
