package server

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// appCSP is the page's Content-Security-Policy: scripts only from our own
// files (no inline script, no eval; the theme is set by theme-init.js, not
// an inline snippet), styles inline too (React's style attributes), images
// also as data: URLs, fetch and websocket only to us, no plugins, no
// <base> or form target elsewhere, and no framing by any site.
const appCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// AppHandler serves the single-page app from files (the embedded
// frontend/dist). A path that names no file gets index.html, so deep links
// like /customers/42 load the app, which then routes on the client. Hashed
// assets under /assets/ are cached for a year; index.html never is, so a new
// release is picked up on the next load.
func AppHandler(files fs.FS) http.Handler {
	index, indexErr := fs.ReadFile(files, "index.html")
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "same-origin")
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(files, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				fileServer.ServeHTTP(w, r)
				return
			}
			// A missing asset is a real 404, not the app: a stale page asking
			// for an old chunk must fail loudly instead of parsing HTML as JS.
			if path.Ext(name) != "" {
				http.NotFound(w, r)
				return
			}
		}
		if indexErr != nil {
			http.Error(w, "the app is not built: run npm run build in frontend/", http.StatusNotFound)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", appCSP)
		w.Header().Set("X-Frame-Options", "DENY")
		http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(index))
	})
}
