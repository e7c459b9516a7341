package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"channelboard/channel"
	"channelboard/store"
)

// MaxImportBytes caps the CSV file POST /import/{kind} takes: far above
// the GraphQL body cap (Config.MaxBodyBytes), which a file would not fit.
const MaxImportBytes = 64 << 20

// An import may take longer than the server's read and write timeouts,
// which are sized for API requests: a large file uploads slowly and the
// conflict rules then judge every customer it touched.
const (
	importReadTimeout  = 10 * time.Minute
	importWriteTimeout = 30 * time.Minute
	// importMaxDuration bounds the import itself, which goes on when the
	// client goes away (see ImportHandler).
	importMaxDuration = 30 * time.Minute
)

// ImportProgress is one progress line of an import's answer: the phase
// ("validate", "import", "rules") and how far the whole job is.
type ImportProgress struct {
	Phase string `json:"phase"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// ImportRowError is a bad row of the file: its line (the header is line 1)
// and why.
type ImportRowError struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// ImportResult is the last line of a successful import's answer.
type ImportResult struct {
	Rows     int              `json:"rows"`
	Imported int              `json:"imported"`
	Bad      []ImportRowError `json:"bad"`
	DryRun   bool             `json:"dryRun"`
}

// ImportError is the last line of a failed import's answer. Bad lists the
// bad rows when they are why nothing was imported.
type ImportError struct {
	Code    string           `json:"code"`
	Message string           `json:"message"`
	Field   string           `json:"field,omitempty"`
	Bad     []ImportRowError `json:"bad,omitempty"`
}

// ImportHandler serves POST /import/{customers|deals|dealers}: the body is
// the CSV file itself (Content-Type: text/csv, UTF-8, the columns of the
// matching /export/*.csv), imported by store.Import. Only the director may
// import.
//
//	POST /import/customers?dryRun=true   validate only: report the bad rows, import nothing
//	POST /import/customers?skipBad=true  import the good rows, skip the bad ones
//	POST /import/customers               import all rows, or nothing if any is bad
//
// Requests refused before the file is read (not signed in, not the
// director, unknown kind, wrong content type, too large, not UTF-8, bad
// parameters) are answered like the rest of the API, with a status and
// {"errors":[{"message":…,"extensions":{"code":…}}]}.
//
// Otherwise the answer is newline-delimited JSON (application/x-ndjson),
// each line flushed as it is written: progress lines
// {"phase":"validate","done":N,"total":M}, then one last line, either
// {"result":{"rows":…,"imported":…,"bad":[{"line":…,"reason":…}],"dryRun":…}}
// or {"error":{"code":"BAD_USER_INPUT","message":…,"field":"file","bad":[…]}}.
// The status is 200 once a progress line went out; an error found before
// any (a small file's bad rows, a header without a required column) has
// its own status: 400 for bad input.
//
// Once the file has arrived the import runs to its end even if the client
// goes away: its rows commit in one transaction and the conflict rules then
// judge them, so a closed browser tab leaves no rows the rules never saw.
// Each imported row is recorded in the audit log as action "import" with
// the director as the actor.
//
// Mount it with mux.Handle("POST /import/{kind}", ImportHandler(st, logger)).
func ImportHandler(st *store.Store, logger *slog.Logger) http.Handler {
	if logger == nil {
		logger = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, ok := channel.ViewerFrom(r.Context())
		if !ok {
			writeError(w, http.StatusUnauthorized, channel.EUnauthenticated, "sign in first")
			return
		}
		if !v.CanImport() {
			writeError(w, http.StatusForbidden, channel.EForbidden, "importing files is the channel director's")
			return
		}
		kind := r.PathValue("kind")
		if _, known := store.CSVColumns[kind]; !known {
			writeError(w, http.StatusNotFound, channel.ENotFound, "unknown import; try /import/customers, /import/deals or /import/dealers")
			return
		}
		if err := csvContentType(r.Header.Get("Content-Type")); err != nil {
			writeError(w, http.StatusUnsupportedMediaType, channel.EInvalid, err.Error())
			return
		}
		q := r.URL.Query()
		skipBad, err := queryBool(q.Get("skipBad"), "skipBad")
		if err != nil {
			writeError(w, http.StatusBadRequest, channel.EInvalid, err.Error())
			return
		}
		dryRun, err := queryBool(q.Get("dryRun"), "dryRun")
		if err != nil {
			writeError(w, http.StatusBadRequest, channel.EInvalid, err.Error())
			return
		}
		rc := http.NewResponseController(w)
		// Not supported by every writer (tests' recorders): then the
		// server's own timeouts hold.
		_ = rc.SetReadDeadline(time.Now().Add(importReadTimeout))
		_ = rc.SetWriteDeadline(time.Now().Add(importWriteTimeout))

		if r.ContentLength > MaxImportBytes {
			writeError(w, http.StatusRequestEntityTooLarge, channel.EInvalid, tooLarge())
			return
		}
		file, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxImportBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeError(w, http.StatusRequestEntityTooLarge, channel.EInvalid, tooLarge())
				return
			}
			writeError(w, http.StatusBadRequest, channel.EInvalid, "the file did not arrive whole; send it again")
			return
		}
		if line, bad := firstInvalidUTF8(file); bad {
			writeError(w, http.StatusBadRequest, channel.EInvalid,
				fmt.Sprintf("the file is not UTF-8 text (line %d); save it as \"CSV UTF-8\" and try again", line))
			return
		}

		out := &ndjsonWriter{w: w, rc: rc}
		progress := progressLines(out, dryRun)
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), importMaxDuration)
		defer cancel()
		start := time.Now()
		res, err := st.Import(ctx, kind, bytes.NewReader(file), store.ImportOptions{SkipBad: skipBad, DryRun: dryRun}, progress)
		bad := make([]ImportRowError, len(res.Bad))
		for i, b := range res.Bad {
			bad[i] = ImportRowError{Line: b.Line, Reason: b.Reason}
		}
		log := logger.With("op", "import", "kind", kind, "actor", v.Email, "rows", res.Rows, "imported", res.Imported,
			"bad", len(res.Bad), "dry_run", dryRun, "skip_bad", skipBad, "duration_ms", time.Since(start).Milliseconds())
		if err != nil {
			code := channel.ErrorCode(err)
			if code == channel.EInternal {
				log.ErrorContext(r.Context(), "import failed", "err", err)
			} else {
				log.InfoContext(r.Context(), "import refused", "err", err)
			}
			e := ImportError{Code: code, Message: channel.ErrorMessage(err), Bad: bad}
			var ce *channel.Error
			if errors.As(err, &ce) {
				e.Field = ce.Field
			}
			out.line(errorStatus(code), map[string]any{"error": e})
			return
		}
		log.InfoContext(r.Context(), "import done")
		out.line(http.StatusOK, map[string]any{"result": ImportResult{Rows: res.Rows, Imported: res.Imported, Bad: bad, DryRun: dryRun}})
	})
}

// ndjsonWriter writes one JSON value per line and flushes it at once. The
// status goes out with the first line.
type ndjsonWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	started bool
	broken  bool // the client went away: stop writing
}

func (o *ndjsonWriter) line(status int, v any) {
	if o.broken {
		return
	}
	if !o.started {
		o.w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		o.w.WriteHeader(status)
		o.started = true
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	if _, err := o.w.Write(append(b, '\n')); err != nil {
		o.broken = true
		return
	}
	if err := o.rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		o.broken = true
	}
}

// progressLines turns store.Import's (done, total) into progress lines,
// one per whole percent at most. Import counts three equal parts: the rows
// validated, inserted, then judged by the conflict rules; a dry run does
// only the first, so its total is that part.
func progressLines(out *ndjsonWriter, dryRun bool) func(done, total int) {
	var last ImportProgress
	lastPct := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		third := total / 3
		p := ImportProgress{Phase: "validate", Done: done, Total: total}
		switch {
		case dryRun:
			p.Done, p.Total = min(done, third), third
		case done > 2*third:
			p.Phase = "rules"
		case done > third:
			p.Phase = "import"
		}
		if p.Total <= 0 {
			return
		}
		pct := p.Done * 100 / p.Total
		if p == last || (p.Phase == last.Phase && pct == lastPct && p.Done != p.Total) {
			return
		}
		last, lastPct = p, pct
		out.line(http.StatusOK, p)
	}
}

func errorStatus(code string) int {
	switch code {
	case channel.EInvalid:
		return http.StatusBadRequest
	case channel.EConflict:
		return http.StatusConflict
	case channel.ENotFound:
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

// csvContentType accepts text/csv, with no charset or UTF-8.
func csvContentType(h string) error {
	if h == "" {
		return errors.New("send the file as the body with Content-Type: text/csv")
	}
	mt, params, err := mime.ParseMediaType(h)
	if err != nil || mt != "text/csv" {
		return fmt.Errorf("the body must be a CSV file (Content-Type: text/csv), not %q", h)
	}
	if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return fmt.Errorf("the file must be UTF-8, not %s", cs)
	}
	return nil
}

func queryBool(v, name string) (bool, error) {
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s must be true or false, not %q", name, v)
	}
	return b, nil
}

func tooLarge() string {
	return fmt.Sprintf("the file is larger than %d MB; split it", MaxImportBytes>>20)
}

// firstInvalidUTF8 reports whether b holds bytes that are not UTF-8, and
// the line of the first.
func firstInvalidUTF8(b []byte) (line int, bad bool) {
	if utf8.Valid(b) {
		return 0, false
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return bytes.Count(b[:i], []byte("\n")) + 1, true
		}
		i += n
	}
	return 0, false
}
