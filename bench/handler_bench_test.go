package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"channelboard/channel"
	"channelboard/graph"
	"channelboard/server"
	"channelboard/store"
)

// BenchmarkSharedQuestions runs the two shared questions through the whole
// server stack in-process (token authentication, GraphQL, dataloaders,
// PostgreSQL), no network, on an existing database with data, as the
// dealer with the most accounts. With -cpuprofile it shows where a
// request's server time goes, pprof or not on the running server:
//
//	CHANNELBOARD_BENCH_DATABASE_URL=postgres://… go test -run '^$' -bench SharedQuestions -benchmem -cpuprofile cpu.out ./bench/
func BenchmarkSharedQuestions(b *testing.B) {
	dsn := os.Getenv("CHANNELBOARD_BENCH_DATABASE_URL")
	if dsn == "" {
		b.Skip("set CHANNELBOARD_BENCH_DATABASE_URL to a database with data (seed --demo, then --scale 1)")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	st := store.New(db)
	var dealerID, customerID int64
	err = db.QueryRowContext(ctx, `SELECT owner_dealer_id, min(id) FROM customers WHERE owner_dealer_id IS NOT NULL
		GROUP BY owner_dealer_id ORDER BY count(*) DESC LIMIT 1`).Scan(&dealerID, &customerID)
	if err != nil {
		b.Fatal(err)
	}
	tok := benchToken(b, st, benchEmail(fmt.Sprintf("dealer%d", dealerID), 1), channel.RoleDealer, dealerID)
	director := benchToken(b, st, benchEmail("director", 1), channel.RoleDirector, 0)

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h := server.New(server.Config{}, server.Deps{DB: db, GraphQL: graph.NewHandler(st, logger), Auth: server.NewAuth(st, logger), Logger: logger}).Handler()
	fx := &fixture{dealers: []*vuser{{Role: channel.RoleDealer, DealerID: dealerID, customers: []int64{customerID}}}}
	fx.directors = []*vuser{{Role: channel.RoleDirector}}
	fx.year = time.Now().Year()
	type run struct {
		op     string
		viewer *vuser
		secret string
	}
	runs := []run{}
	for _, q := range questions {
		runs = append(runs, run{q, fx.dealers[0], tok})
	}
	// The director's board and the analysts' aggregates, the mix's
	// heaviest reads.
	for _, q := range []string{OpBoard, OpConflictStats, OpDealerPerformance, OpPipeline} {
		runs = append(runs, run{q, fx.directors[0], director})
	}
	for _, r := range runs {
		body, _ := json.Marshal(opByName(r.op).request(mrand.New(mrand.NewPCG(1, 1)), fx, r.viewer))
		tok := r.secret
		b.Run(r.op, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+tok)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("status %d: %.300s", rec.Code, rec.Body.String())
				}
				_, _ = io.Copy(io.Discard, rec.Body)
			}
		})
	}
}

// benchToken makes (or finds) the user email and gives it a token for the
// benchmark, revoked when it ends.
func benchToken(b *testing.B, st *store.Store, email string, role channel.Role, dealerID int64) string {
	b.Helper()
	ctx := context.Background()
	u, err := st.UserByEmail(ctx, email)
	if channel.ErrorCode(err) == channel.ENotFound {
		u, err = st.CreateUser(ctx, store.UserCreate{Email: email, Role: role, DealerID: dealerID})
	}
	if err != nil {
		b.Fatal(err)
	}
	tok, err := st.CreateToken(ctx, store.TokenCreate{UserID: u.ID, Name: "channelboard bench (go test)"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _, _ = st.RevokeToken(ctx, fmt.Sprint(tok.Token.ID)) })
	return tok.Secret
}
