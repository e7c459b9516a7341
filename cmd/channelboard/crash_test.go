package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

// childServer is the real binary running `serve` as a child process.
type childServer struct {
	cmd  *exec.Cmd
	base string
	done chan struct{}
}

var runningAt = regexp.MustCompile(`running at (http://\S+)`)

// startServer runs bin serve on dsn and waits for it to print its address.
func startServer(t *testing.T, bin, dsn string) *childServer {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--database-url", dsn, "--addr", "127.0.0.1:0", "--log-level", "error")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &childServer{cmd: cmd, done: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := runningAt.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	go func() {
		_ = cmd.Wait()
		close(s.done)
	}()
	select {
	case s.base = <-addr:
	case <-s.done:
		t.Fatal("the server exited before it was running")
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("the server did not say where it runs")
	}
	return s
}

// kill ends the server with SIGKILL: no shutdown, no flush, no goodbye.
func (s *childServer) kill(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-s.done
}

// stop ends the server as Ctrl+C does and waits for it.
func (s *childServer) stop(t *testing.T) {
	t.Helper()
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(time.Minute):
		_ = s.cmd.Process.Kill()
		<-s.done
		t.Error("the server did not stop on interrupt")
	}
}

// gql posts one request; a transport error (the server is dead) is
// returned, GraphQL errors are in the response.
func gql(client *http.Client, base, query string, vars map[string]any) (gqlResponse, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := client.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return gqlResponse{}, err
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return gqlResponse{}, err
	}
	return out, nil
}

// buildBinary compiles this command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "channelboard")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("go build: %v", err)
	}
	return bin
}

// waitIdle waits until no other session is connected to the test
// database, so it can be dropped: a killed server's backends end when
// they notice their client is gone.
func waitIdle(t *testing.T, db *bun.DB) {
	deadline := time.Now().Add(time.Minute)
	for {
		var n int
		err := db.NewRaw(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(context.Background(), &n)
		if err == nil && n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("%d sessions still connected (err %v)", n, err)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

const crashRegister = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id quantity } } }`

// The server is killed with SIGKILL in the middle of a stream of
// registrations, restarted, and every request is retried with its key:
// each deal exists exactly once, and a request answered before the crash
// gets the same deal back.
func TestKillNineMidStreamKeepsEachDealOnce(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t)
	// One connection, so that waitIdle's "no other session" means the
	// servers' sessions are gone.
	db, err := store.Open(ctx, dsn, store.WithMaxOpenConns(1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		waitIdle(t, db)
		_ = db.Close()
	})
	st := store.New(db)
	bg, err := st.CreateRegion(ctx, channel.Region{Path: "eu", Name: "Europe"})
	if err == nil {
		bg, err = st.CreateRegion(ctx, channel.Region{Path: "eu.bg", Name: "Bulgaria", Country: "BG"})
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateProductLine(ctx, channel.ProductLine{Code: "pumps", Name: "Pumps"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateDealer(ctx, store.DealerCreate{Code: "BG-01", Name: "Balkan Pumps", Kind: channel.DealerKindDealer,
		HomeRegionID: bg.ID, ContractStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateCustomer(ctx, store.CustomerCreate{Name: "Stream Farm", RegionID: bg.ID, Segment: channel.Agriculture}); err != nil {
		t.Fatal(err)
	}

	bin := buildBinary(t)
	srv := startServer(t, bin, dsn)
	client := &http.Client{Timeout: time.Minute, Transport: bearer{directorToken(t, db)}}

	// The API's ids for what was created through the store.
	var ids struct {
		ProductLines []struct{ ID string }
		Dealers      struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Customers struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	res, err := gql(client, srv.base, `{ productLines { id } dealers(first: 1) { edges { node { id } } } customers(first: 1) { edges { node { id } } } }`, nil)
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("ids: %v %+v", err, res.Errors)
	}
	if err := json.Unmarshal(res.Data, &ids); err != nil || len(ids.ProductLines) != 1 || len(ids.Dealers.Edges) != 1 || len(ids.Customers.Edges) != 1 {
		t.Fatalf("ids %s: %v", res.Data, err)
	}
	input := func(i int) map[string]any {
		// The quantity marks the request: request i registers quantity i+1.
		return map[string]any{"input": map[string]any{
			"idempotencyKey": fmt.Sprintf("crash-stream-%d", i),
			"customerId":     ids.Customers.Edges[0].Node.ID,
			"channel":        map[string]any{"kind": "DEALER", "dealerId": ids.Dealers.Edges[0].Node.ID},
			"productLineId":  ids.ProductLines[0].ID,
			"quantity":       i + 1,
			"unitPrice":      map[string]any{"minor": 10_000, "currency": "EUR"},
		}}
	}
	type answer struct {
		Deal struct {
			ID       string
			Quantity int
		}
	}
	decode := func(r gqlResponse) (string, int, error) {
		if len(r.Errors) > 0 {
			return "", 0, fmt.Errorf("%+v", r.Errors)
		}
		var a struct{ RegisterDeal answer }
		if err := json.Unmarshal(r.Data, &a); err != nil {
			return "", 0, err
		}
		return a.RegisterDeal.Deal.ID, a.RegisterDeal.Deal.Quantity, nil
	}

	// Four streams send requests until the server dies under them.
	const total, streams, killAfter = 240, 4, 40
	var mu sync.Mutex
	answered := map[int]string{}
	enough := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for g := range streams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < total; i += streams {
				r, err := gql(client, srv.base, crashRegister, input(i))
				if err != nil {
					return // the server is gone; the rest are retried below
				}
				id, qty, err := decode(r)
				if err != nil || qty != i+1 {
					t.Errorf("request %d before the crash: qty %d, %v", i, qty, err)
					return
				}
				mu.Lock()
				answered[i] = id
				if len(answered) >= killAfter {
					once.Do(func() { close(enough) })
				}
				mu.Unlock()
			}
		}()
	}
	select {
	case <-enough:
	case <-time.After(3 * time.Minute):
		t.Fatal("the stream did not get going")
	}
	srv.kill(t)
	wg.Wait()
	mu.Lock()
	before := len(answered)
	mu.Unlock()
	if before >= total {
		t.Fatalf("all %d requests were answered before the kill; the test proves nothing", total)
	}

	srv = startServer(t, bin, dsn)
	defer srv.stop(t)
	// Retry every request, answered or not, with its key.
	work := make(chan int)
	wg = sync.WaitGroup{}
	for range streams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				r, err := gql(client, srv.base, crashRegister, input(i))
				if err != nil {
					t.Errorf("retry %d: %v", i, err)
					continue
				}
				id, qty, err := decode(r)
				if err != nil || qty != i+1 {
					t.Errorf("retry %d: qty %d, %v", i, qty, err)
					continue
				}
				mu.Lock()
				if first, ok := answered[i]; ok && first != id {
					t.Errorf("retry %d returned deal %s, the first answer was %s", i, id, first)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range total {
		work <- i
	}
	close(work)
	wg.Wait()

	var rows []struct {
		Quantity int `bun:"quantity"`
		N        int `bun:"n"`
	}
	if err := db.NewRaw(`SELECT quantity, count(*) AS n FROM deals GROUP BY quantity ORDER BY quantity`).Scan(ctx, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != total {
		t.Fatalf("%d distinct registrations, want %d", len(rows), total)
	}
	for _, r := range rows {
		if r.N != 1 {
			t.Errorf("request %d registered %d deals", r.Quantity-1, r.N)
		}
	}
	t.Logf("%d of %d requests answered before SIGKILL; after the restart every one exists exactly once", before, total)
}
