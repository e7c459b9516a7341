package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

// importEnv is a running server (real routes, sign-in, limits, the import
// handler, PostgreSQL) with a user of every role and a small world.
type importEnv struct {
	t      *testing.T
	base   string
	st     *store.Store
	log    *lockedBuffer
	tokens map[channel.Role]string
}

const importDirector = "director@example.com"

func newImportEnv(t *testing.T) *importEnv {
	t.Helper()
	ctx := context.Background()
	db := storetest.NewDB(t)
	st := store.New(db)
	e := &importEnv{t: t, st: st, log: &lockedBuffer{}, tokens: map[channel.Role]string{}}
	logger := slog.New(slog.NewTextHandler(e.log, nil))
	srv := New(Config{Addr: "127.0.0.1:0", Version: "test"}, Deps{
		DB:        db,
		Auth:      NewAuth(st, logger),
		Import:    ImportHandler(st, logger),
		RateLimit: NewRateLimiter(1000, 1000),
		Logger:    logger,
	})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	e.base = "http://" + srv.Addr()
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		http.DefaultClient.CloseIdleConnections()
	})
	for _, r := range []channel.Region{{Path: "eu", Name: "Europe"}, {Path: "eu.bg", Name: "Bulgaria", Country: "BG"}} {
		if _, err := st.CreateRegion(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	bg, err := st.CreateRegion(ctx, channel.Region{Path: "eu.bg.yambol", Name: "Yambol", Country: "BG"})
	if err != nil {
		t.Fatal(err)
	}
	dealer, err := st.CreateDealer(ctx, store.DealerCreate{Code: "BG-01", Name: "Balkan Pumps", Kind: channel.Distributor,
		HomeRegionID: bg.ID, ContractStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []store.UserCreate{
		{Email: importDirector, Role: channel.RoleDirector},
		{Email: "manager@example.com", Role: channel.RoleManager},
		{Email: "analyst@example.com", Role: channel.RoleAnalyst},
		{Email: "dealer-bg-01@example.com", Role: channel.RoleDealer, DealerID: dealer.ID},
	} {
		u.Password = authPassword
		user, err := st.CreateUser(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := st.CreateToken(ctx, store.TokenCreate{UserID: user.ID, Name: "import test"})
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[u.Role] = tok.Secret
	}
	return e
}

// importAnswer is the server's answer to one import request: either the
// API's error body (errors) or NDJSON lines.
type importAnswer struct {
	status      int
	contentType string
	raw         string
	errors      []struct {
		Message    string            `json:"message"`
		Extensions map[string]string `json:"extensions"`
	}
	progress []ImportProgress
	result   *ImportResult
	err      *ImportError
}

func (a importAnswer) String() string {
	s := a.raw
	if len(s) > 600 {
		s = s[:600] + "…"
	}
	return fmt.Sprintf("%d %s %s", a.status, a.contentType, s)
}

// code is the error code of the answer, from either form.
func (a importAnswer) code() string {
	if len(a.errors) > 0 {
		return a.errors[0].Extensions["code"]
	}
	if a.err != nil {
		return a.err.Code
	}
	return ""
}

func (a importAnswer) message() string {
	if len(a.errors) > 0 {
		return a.errors[0].Message
	}
	if a.err != nil {
		return a.err.Message
	}
	return ""
}

// send posts body to path as role ("" for nobody) with the content type.
func (e *importEnv) send(role channel.Role, path, contentType string, body io.Reader) importAnswer {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.base+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[role])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("POST %s: %v", path, err)
	}
	defer res.Body.Close()
	return readImportAnswer(e.t, res.StatusCode, res.Header, res.Body)
}

func readImportAnswer(t *testing.T, status int, h http.Header, body io.Reader) importAnswer {
	t.Helper()
	raw, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	a := importAnswer{status: status, contentType: h.Get("Content-Type"), raw: string(raw)}
	if !strings.HasPrefix(a.contentType, "application/x-ndjson") {
		var b struct {
			Errors any `json:"errors"`
		}
		if err := json.Unmarshal(raw, &b); err != nil || b.Errors == nil {
			t.Fatalf("neither NDJSON nor an API error: %s", a)
		}
		if err := json.Unmarshal(mustJSON(t, b.Errors), &a.errors); err != nil {
			t.Fatalf("errors: %v in %s", err, a)
		}
		return a
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		var line struct {
			ImportProgress
			Result *ImportResult `json:"result"`
			Error  *ImportError  `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %q is not JSON: %v", sc.Text(), err)
		}
		if a.result != nil || a.err != nil {
			t.Fatalf("a line after the last one: %s", a)
		}
		switch {
		case line.Result != nil:
			a.result = line.Result
		case line.Error != nil:
			a.err = line.Error
		case line.Phase != "":
			a.progress = append(a.progress, line.ImportProgress)
		default:
			t.Fatalf("an unknown line %q", sc.Text())
		}
	}
	if a.result == nil && a.err == nil {
		t.Fatalf("no last line (result or error): %s", a)
	}
	return a
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// importFile posts a CSV file as the director.
func (e *importEnv) importFile(kind, params, file string) importAnswer {
	e.t.Helper()
	return e.send(channel.RoleDirector, "/import/"+kind+params, "text/csv", strings.NewReader(file))
}

// counts is what an import writes: customers, dealers, audit entries.
func (e *importEnv) counts() [3]int {
	e.t.Helper()
	ctx := context.Background()
	c, err := e.st.ListCustomers(ctx, store.CustomerFilter{}, store.Order{}, store.Page{})
	if err != nil {
		e.t.Fatal(err)
	}
	d, err := e.st.ListDealers(ctx, store.DealerFilter{}, store.Order{}, store.Page{})
	if err != nil {
		e.t.Fatal(err)
	}
	a, err := e.st.ListAudit(ctx, store.AuditFilter{}, store.Page{})
	if err != nil {
		e.t.Fatal(err)
	}
	return [3]int{c.Total, d.Total, a.Total}
}

var customerHeader = strings.Join(store.CSVColumns[store.CSVCustomers], ",")

// customerLine is one row of a customers file.
func customerLine(name, taxID, region string) string {
	return fmt.Sprintf(",%s,%s,%s,AGRICULTURE,SMALL,false,,UNASSIGNED,,,\n", name, taxID, region)
}

func TestImportEndpoint(t *testing.T) {
	e := newImportEnv(t)
	file := customerHeader + "\n" +
		customerLine("Tundzha Farm", "BG111", "eu.bg") +
		customerLine("Yambol Grain", "", "eu.bg.yambol") +
		customerLine("Nowhere Ltd", "", "eu.xx") + // line 4: bad
		customerLine("Elhovo Seeds", "BG222", "eu.bg")
	wantBad := []ImportRowError{{Line: 4, Reason: `region "eu.xx" does not exist`}}
	before := e.counts()

	// A dry run reports the bad line and writes nothing.
	a := e.importFile("customers", "?dryRun=true", file)
	if a.status != http.StatusOK || a.result == nil || !a.result.DryRun || a.result.Rows != 4 || a.result.Imported != 0 ||
		fmt.Sprint(a.result.Bad) != fmt.Sprint(wantBad) {
		t.Fatalf("dry run: %s", a)
	}
	if got := e.counts(); got != before {
		t.Fatalf("a dry run wrote: %v → %v", before, got)
	}

	// Without skipBad a bad row imports nothing, and the answer says which.
	a = e.importFile("customers", "", file)
	if a.status != http.StatusBadRequest || a.code() != channel.EInvalid || a.err.Field != "file" ||
		fmt.Sprint(a.err.Bad) != fmt.Sprint(wantBad) || !strings.Contains(a.message(), "nothing was imported") {
		t.Fatalf("import with a bad row: %s", a)
	}
	if got := e.counts(); got != before {
		t.Fatalf("a refused import wrote: %v → %v", before, got)
	}

	// With skipBad the three good rows arrive, audited as the director's.
	a = e.importFile("customers", "?skipBad=true", file)
	if a.status != http.StatusOK || a.result == nil || a.result.DryRun || a.result.Rows != 4 || a.result.Imported != 3 ||
		fmt.Sprint(a.result.Bad) != fmt.Sprint(wantBad) {
		t.Fatalf("skip bad: %s", a)
	}
	ctx := context.Background()
	found, err := e.st.ListCustomers(ctx, store.CustomerFilter{Search: ptrTo("Yambol Grain")}, store.Order{}, store.Page{})
	if err != nil || found.Total != 1 {
		t.Fatalf("the imported customer: %+v %v", found, err)
	}
	audit, err := e.st.ListAudit(ctx, store.AuditFilter{Action: ptrTo("import"), Entity: ptrTo("customer")}, store.Page{})
	if err != nil || audit.Total != 3 {
		t.Fatalf("audit entries of the import: %d %v, want 3", audit.Total, err)
	}
	for _, en := range audit.Items {
		if en.Actor != importDirector || en.ActorRole != channel.RoleDirector || en.ActorUserID == 0 {
			t.Errorf("audit entry %d names %q (%s, user %d), want the director", en.ID, en.Actor, en.ActorRole, en.ActorUserID)
		}
	}
	if !strings.Contains(e.log.String(), "msg=\"import done\"") || !strings.Contains(e.log.String(), "actor="+importDirector) {
		t.Errorf("the import is not in the server log:\n%s", e.log.String())
	}
	// The same file again: now its tax ids are taken, which a dry run
	// finds too.
	a = e.importFile("customers", "?dryRun=true", file)
	if a.result == nil || len(a.result.Bad) != 3 || a.result.Bad[0].Reason != "a customer with this tax_id already exists" {
		t.Fatalf("second dry run: %s", a)
	}
	if strings.Contains(e.log.String(), "level=ERROR") {
		t.Errorf("the server logged an error:\n%s", e.log.String())
	}
}

func ptrTo[T any](v T) *T { return &v }

// A large import streams its progress, phase by phase, before the result.
func TestImportStreamsProgress(t *testing.T) {
	e := newImportEnv(t)
	const n = 4500 // three validation and insert batches of the store's 2,000
	var file strings.Builder
	file.WriteString(customerHeader + "\n")
	for i := range n {
		fmt.Fprintf(&file, ",Ферма %d,,eu.bg,AGRICULTURE,SMALL,false,,DEALER,BG-01,,\n", i)
	}
	a := e.importFile("customers", "", file.String())
	if a.status != http.StatusOK || a.result == nil || a.result.Imported != n || len(a.result.Bad) != 0 {
		t.Fatalf("import: %s", a)
	}
	order := map[string]int{"validate": 0, "import": 1, "rules": 2}
	seen := map[string]bool{}
	prev := ImportProgress{Phase: "validate"}
	for _, p := range a.progress {
		if _, ok := order[p.Phase]; !ok {
			t.Fatalf("unknown phase %q", p.Phase)
		}
		if order[p.Phase] < order[prev.Phase] || p.Done < prev.Done || p.Total != 3*n || p.Done > p.Total || p == prev {
			t.Fatalf("progress went back or out of bounds: %+v after %+v", p, prev)
		}
		seen[p.Phase] = true
		prev = p
	}
	if !seen["validate"] || !seen["import"] || !seen["rules"] || prev.Done != prev.Total {
		t.Fatalf("progress lines %+v: want every phase, ending at the total", a.progress)
	}
	if len(a.progress) > 3*101 {
		t.Errorf("%d progress lines: more than one per percent and phase", len(a.progress))
	}

	// Each line is flushed as it is written.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/import/customers?dryRun=true", strings.NewReader(file.String()))
	req.Header.Set("Content-Type", "text/csv; charset=utf-8")
	req = req.WithContext(channel.WithViewer(req.Context(), channel.Viewer{UserID: 1, Email: importDirector, Role: channel.RoleDirector}))
	req.SetPathValue("kind", "customers")
	ImportHandler(e.st, slog.New(slog.NewTextHandler(io.Discard, nil))).ServeHTTP(rec, req)
	d := readImportAnswer(t, rec.Code, rec.Header(), rec.Body)
	if !rec.Flushed || len(d.progress) == 0 || d.result == nil || !d.result.DryRun || len(d.result.Bad) != 0 {
		t.Fatalf("dry run: flushed %v, %s", rec.Flushed, d)
	}
	for _, p := range d.progress {
		if p.Phase != "validate" || p.Total != n {
			t.Fatalf("a dry run's progress is validation only: %+v", p)
		}
	}
}

// Only the director imports: nobody signed in gets 401, every other role
// 403, and nothing is written.
func TestImportRoles(t *testing.T) {
	e := newImportEnv(t)
	file := customerHeader + "\n" + customerLine("Roles Farm", "", "eu.bg")
	before := e.counts()
	cases := []struct {
		role   channel.Role
		status int
		code   string
	}{
		{"", http.StatusUnauthorized, channel.EUnauthenticated},
		{channel.RoleManager, http.StatusForbidden, channel.EForbidden},
		{channel.RoleAnalyst, http.StatusForbidden, channel.EForbidden},
		{channel.RoleDealer, http.StatusForbidden, channel.EForbidden},
	}
	for _, c := range cases {
		for _, params := range []string{"", "?dryRun=true", "?skipBad=true"} {
			a := e.send(c.role, "/import/customers"+params, "text/csv", strings.NewReader(file))
			if a.status != c.status || a.code() != c.code || len(a.errors) != 1 {
				t.Errorf("%q %s: %s, want %d %s", c.role, params, a, c.status, c.code)
			}
		}
	}
	if got := e.counts(); got != before {
		t.Fatalf("refused imports wrote: %v → %v", before, got)
	}
	if a := e.importFile("customers", "", file); a.result == nil || a.result.Imported != 1 {
		t.Fatalf("the director's import: %s", a)
	}
}

// Bad input, in the bad-input suite's manner: each request gets a clear
// error code, writes nothing, and the server answers the next import.
func TestImportBadInput(t *testing.T) {
	e := newImportEnv(t)
	good := customerHeader + "\n" + customerLine("Good Farm", "", "eu.bg")
	// 2,100 rows, the 2,050th with a tax id too long for its index: the
	// first batch of 2,000 is inserted before PostgreSQL refuses the
	// second, and the transaction takes both back.
	var long strings.Builder
	long.WriteString(customerHeader + "\n")
	for i := range 2100 {
		tax := ""
		if i == 2049 {
			tax = noise(9000)
		}
		long.WriteString(customerLine(fmt.Sprintf("Batch Farm %d", i), tax, "eu.bg"))
	}
	cases := []struct {
		name        string
		path, ctype string
		body        string
		status      int
		code        string
		has         string // in the message
	}{
		{"no content type", "/import/customers", "", good, http.StatusUnsupportedMediaType, channel.EInvalid, "text/csv"},
		{"JSON instead of CSV", "/import/customers", "application/json", `{"name":"x"}`, http.StatusUnsupportedMediaType, channel.EInvalid, "text/csv"},
		{"a form upload", "/import/customers", "multipart/form-data; boundary=x", good, http.StatusUnsupportedMediaType, channel.EInvalid, "text/csv"},
		{"another charset", "/import/customers", "text/csv; charset=windows-1251", good, http.StatusUnsupportedMediaType, channel.EInvalid, "UTF-8"},
		{"unknown kind", "/import/orders", "text/csv", good, http.StatusNotFound, channel.ENotFound, "customers"},
		{"bad skipBad", "/import/customers?skipBad=maybe", "text/csv", good, http.StatusBadRequest, channel.EInvalid, "skipBad"},
		{"bad dryRun", "/import/customers?dryRun=2", "text/csv", good, http.StatusBadRequest, channel.EInvalid, "dryRun"},
		{"empty file", "/import/customers", "text/csv", "", http.StatusBadRequest, channel.EInvalid, "empty"},
		{"empty file, dry run", "/import/customers?dryRun=true", "text/csv", "", http.StatusBadRequest, channel.EInvalid, "empty"},
		{"header without columns", "/import/customers", "text/csv", "name,region\nX,eu.bg\n", http.StatusBadRequest, channel.EInvalid, `lacks the column "tax_id"`},
		{"a deals file as customers", "/import/customers", "text/csv", strings.Join(store.CSVColumns[store.CSVDeals], ",") + "\n", http.StatusBadRequest, channel.EInvalid, "lacks the column"},
		{"not UTF-8 (Windows-1251)", "/import/customers", "text/csv", customerHeader + "\n" + customerLine("\xd4\xe5\xf0\xec\xe0", "", "eu.bg"), http.StatusBadRequest, channel.EInvalid, "not UTF-8 text (line 2)"},
		{"broken quoting", "/import/customers", "text/csv", customerHeader + "\n,\"Open quote,,eu.bg\n", http.StatusBadRequest, channel.EInvalid, "quote"},
		{"binary", "/import/customers", "text/csv", "\x00\x01\x02PK\x03\x04", http.StatusBadRequest, channel.EInvalid, "lacks the column"},
		// Progress went out before PostgreSQL refused: the status is sent,
		// the last line says what went wrong.
		{"a row too long for its index", "/import/customers", "text/csv", long.String(), http.StatusOK, channel.EInvalid, "too long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			a := e.send(channel.RoleDirector, c.path, c.ctype, strings.NewReader(c.body))
			if a.status != c.status || a.code() != c.code || !strings.Contains(a.message(), c.has) {
				t.Fatalf("got %s\nwant %d %s with %q", a, c.status, c.code, c.has)
			}
			if got := e.counts(); got != before {
				t.Fatalf("a refused import wrote: %v → %v", before, got)
			}
			if ok := e.importFile("customers", "?dryRun=true", good); ok.result == nil || ok.result.Rows != 1 || len(ok.result.Bad) != 0 {
				t.Fatalf("the server no longer imports: %s", ok)
			}
		})
	}
	if strings.Contains(e.log.String(), "level=ERROR") {
		t.Errorf("an internal error in the server log:\n%s", e.log.String())
	}
}

// The file size is capped apart from the GraphQL body cap: a declared
// length over it is refused before reading, a streamed body once it
// passes the cap.
func TestImportTooLarge(t *testing.T) {
	e := newImportEnv(t)
	h := ImportHandler(e.st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	director := channel.Viewer{UserID: 1, Email: importDirector, Role: channel.RoleDirector}
	for _, declared := range []bool{true, false} {
		body := io.MultiReader(strings.NewReader(customerHeader+"\n"), io.LimitReader(repeatReader('x'), MaxImportBytes))
		req := httptest.NewRequest(http.MethodPost, "/import/customers", body)
		req.ContentLength = -1
		if declared {
			req.ContentLength = MaxImportBytes + 1
		}
		req.Header.Set("Content-Type", "text/csv")
		req.SetPathValue("kind", "customers")
		req = req.WithContext(channel.WithViewer(req.Context(), director))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		a := readImportAnswer(t, rec.Code, rec.Header(), rec.Body)
		if a.status != http.StatusRequestEntityTooLarge || a.code() != channel.EInvalid || !strings.Contains(a.message(), "64 MB") {
			t.Errorf("declared %v: %s", declared, a)
		}
	}
	// The GraphQL cap (1 MB by default) does not apply to a file.
	var file strings.Builder
	file.WriteString(customerHeader + "\n")
	for i := 0; file.Len() < 2<<20; i++ {
		file.WriteString(customerLine(fmt.Sprintf("Big File Farm %d", i), "", "eu.bg"))
	}
	if a := e.importFile("customers", "?dryRun=true", file.String()); a.result == nil || len(a.result.Bad) != 0 || a.result.Rows < 20000 {
		t.Fatalf("a 2 MB file: %s", a)
	}
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}
