// Package frontend holds the built single-page app (Vite + React, sources in
// this directory) embedded into the binary, so `go build` needs no Node: the
// built dist/ is committed and CI fails when it is stale. It imports nothing
// from the rest of Channelboard; the server mounts Files() at / with an SPA
// fallback to index.html.
package frontend

import (
	"embed"
	"io/fs"
)

// Dist is the build output, including files whose names start with . or _.
//
//go:embed all:dist
var Dist embed.FS

// Files returns the app rooted at dist/, so index.html is at "index.html".
func Files() fs.FS {
	sub, err := fs.Sub(Dist, "dist")
	if err != nil {
		// fs.Sub fails only for an invalid path; "dist" is a constant.
		panic(err)
	}
	return sub
}
