package graph_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"channelboard/channel"
	"channelboard/store"
	"channelboard/store/storetest"
)

// The feed benchmarks measure the server alone: the subscribers' websocket
// clients run in a child process (this test binary again, running
// TestFeedBenchClient), so the server's heap, RSS, goroutines and CPU
// profile hold no client. Both processes share the machine's cores.

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// feedBenchQuery is what each benchmark subscriber asks for: the board's
// fields plus the reason, which a dealer user reads redacted.
const feedBenchQuery = `subscription { conflictEvents { cursor type reason conflict { id kind status } } }`

// feedClientSpec is what the benchmark tells its client process.
type feedClientSpec struct {
	Query string
	// Connect only, then wait for "subscribe" on stdin before subscribing
	// (to measure a connection and a subscription apart).
	HoldSubscribe bool
	Conns         []feedClientConn
}

type feedClientConn struct {
	URL    string
	Viewer string // the X-Test-Viewer header; "" is the director
	Frames int    // how many events this subscriber must receive
}

// feedClientResult is the client's report of a burst.
type feedClientResult struct {
	Frames   int     // frames received
	Errors   int     // subscriptions that ended with an error message
	Short    int     // subscribers that got fewer frames than expected
	P50, P99 float64 // ms, commit sent to frame read
	Max      float64
	LastNS   int64 // when the last frame arrived (unix ns)
}

// TestFeedBenchClient is the benchmarks' client process; run alone it
// does nothing. It dials every connection of the spec, subscribes, says
// "subscribed", reads frames (answering pings), and when every subscriber
// got its frames says "received"; given "stamps FILE" (conflict id and
// commit time per line) it answers "result {json}"; "close" or the end of
// stdin closes every connection.
func TestFeedBenchClient(t *testing.T) {
	path := os.Getenv("FEED_BENCH_CLIENT")
	if path == "" {
		t.Skip("the feed benchmarks' client process; the benchmarks start it")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var spec feedClientSpec
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	say := func(format string, args ...any) { fmt.Printf("feedclient: "+format+"\n", args...) }
	fail := func(format string, args ...any) {
		say("error "+format, args...)
		t.Fatalf(format, args...)
	}
	payload, _ := json.Marshal(map[string]any{"query": spec.Query})
	conns := make([]*websocket.Conn, len(spec.Conns))
	var dialErr atomic.Value
	dial := func(i int) {
		cs := spec.Conns[i]
		d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, ReadBufferSize: 1024, WriteBufferSize: 1024, HandshakeTimeout: time.Minute}
		h := map[string][]string{}
		if cs.Viewer != "" {
			h[viewerHeader] = []string{cs.Viewer}
		}
		c, _, err := d.Dial("ws"+strings.TrimPrefix(cs.URL, "http"), h)
		if err != nil {
			dialErr.Store(fmt.Errorf("dial %d: %w", i, err))
			return
		}
		conns[i] = c
		_ = c.WriteJSON(wsMsg{Type: "connection_init"})
		var ack wsMsg
		if err := c.ReadJSON(&ack); err != nil || ack.Type != "connection_ack" {
			dialErr.Store(fmt.Errorf("init %d: %v %s", i, err, ack.Type))
		}
	}
	parallel(len(conns), 8, dial)
	if err, _ := dialErr.Load().(error); err != nil {
		fail("%v", err)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<16), 1<<20)
	if spec.HoldSubscribe {
		say("connected")
		if !in.Scan() || in.Text() != "subscribe" {
			fail("want subscribe, got %q", in.Text())
		}
	}
	for _, c := range conns {
		if err := c.WriteJSON(wsMsg{ID: "1", Type: "subscribe", Payload: payload}); err != nil {
			fail("subscribe: %v", err)
		}
	}
	say("subscribed")

	type frame struct{ id, ns int64 }
	got := make([][]frame, len(conns))
	var errs, short atomic.Int64
	var readers, all sync.WaitGroup
	for i, c := range conns {
		want := spec.Conns[i].Frames
		if want > 0 {
			got[i] = make([]frame, 0, want)
		}
		all.Add(1)
		if want > 0 {
			readers.Add(1)
		}
		go func() {
			defer all.Done()
			counted := want > 0
			finish := func() {
				if counted {
					counted = false
					if len(got[i]) < want {
						short.Add(1)
					}
					readers.Done()
				}
			}
			defer finish()
			for {
				// Scanned, not decoded: in the worst case this process
				// reads 5,000,000 frames on the server's cores, and a client
				// that falls 10 s behind is cut off by the server.
				_, msg, err := c.ReadMessage()
				if err != nil {
					return
				}
				switch frameType(msg) {
				case "ping":
					_ = c.WriteJSON(wsMsg{Type: "pong"})
				case "error", "complete":
					errs.Add(1)
					finish()
				case "next":
					now := time.Now().UnixNano()
					if counted {
						got[i] = append(got[i], frame{conflictDBID(frameConflictID(msg)), now})
						if len(got[i]) == want {
							finish()
						}
					}
				}
			}
		}()
	}
	received := make(chan struct{})
	go func() { readers.Wait(); close(received) }()
	done := received
	if !slices.ContainsFunc(spec.Conns, func(c feedClientConn) bool { return c.Frames > 0 }) {
		done = nil // idle subscribers: nothing to announce
	}
	commands := make(chan string)
	go func() {
		defer close(commands)
		for in.Scan() {
			commands <- in.Text()
		}
	}()
	closeAll := func() {
		for _, c := range conns {
			_ = c.Close()
		}
		all.Wait()
	}
	for {
		select {
		case <-done:
			n, last := 0, int64(0)
			for _, g := range got {
				n += len(g)
				for _, f := range g {
					last = max(last, f.ns)
				}
			}
			say("received %d %d", n, last)
			done = nil
		case cmd, ok := <-commands:
			if !ok || cmd == "close" {
				closeAll()
				say("closed")
				return
			}
			file, ok := strings.CutPrefix(cmd, "stamps ")
			if !ok {
				fail("unknown command %q", cmd)
			}
			stamps, err := readStamps(file)
			if err != nil {
				fail("%v", err)
			}
			var lat []int64
			res := feedClientResult{Errors: int(errs.Load()), Short: int(short.Load())}
			for _, g := range got {
				for _, f := range g {
					at, ok := stamps[f.id]
					if !ok {
						fail("a frame of conflict %d, which the burst did not commit", f.id)
					}
					lat = append(lat, max(f.ns-at, 0))
					res.LastNS = max(res.LastNS, f.ns)
				}
			}
			res.Frames = len(lat)
			if len(lat) > 0 {
				slices.Sort(lat)
				pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
				res.P50, res.P99, res.Max = pct(0.50), pct(0.99), float64(lat[len(lat)-1])/1e6
			}
			out, _ := json.Marshal(res)
			say("result %s", out)
		}
	}
}

// frameType is a graphql-transport-ws message's type: gqlgen writes it
// last, after a payload that may have "type" fields of its own.
func frameType(msg []byte) string {
	i := bytes.LastIndex(msg, []byte(`"type":"`))
	if i < 0 {
		return ""
	}
	return stringAfter(msg[i:], `"type":"`)
}

// frameConflictID is the conflict id of a next message of feedBenchQuery.
func frameConflictID(msg []byte) string {
	return stringAfter(msg, `"conflict":{"id":"`)
}

// stringAfter returns the JSON string that starts right after key in msg.
func stringAfter(msg []byte, key string) string {
	_, rest, ok := bytes.Cut(msg, []byte(key))
	if !ok {
		return ""
	}
	v, _, _ := bytes.Cut(rest, []byte(`"`))
	return string(v)
}

// conflictDBID reads the database id out of a Conflict's global id.
func conflictDBID(gid string) int64 {
	b, _ := base64.RawURLEncoding.DecodeString(gid)
	_, num, _ := strings.Cut(string(b), ":")
	id, _ := strconv.ParseInt(num, 10, 64)
	return id
}

func readStamps(path string) (map[int64]int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[int64]int64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var id, ns int64
		if _, err := fmt.Sscan(sc.Text(), &id, &ns); err != nil {
			return nil, fmt.Errorf("stamps: %q: %w", sc.Text(), err)
		}
		out[id] = ns
	}
	return out, sc.Err()
}

// parallel runs f(0..n-1) on workers goroutines.
func parallel(n, workers int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// feedClientProc is the benchmark's side of its client process.
type feedClientProc struct {
	tb    testing.TB
	cmd   *exec.Cmd
	in    io.WriteCloser
	lines chan string
}

func startFeedClient(tb testing.TB, spec feedClientSpec) *feedClientProc {
	tb.Helper()
	b, _ := json.Marshal(spec)
	path := tb.TempDir() + "/spec.json"
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestFeedBenchClient$", "-test.bench=^$", "-test.timeout=0", "-test.count=1")
	cmd.Env = append(os.Environ(), "FEED_BENCH_CLIENT="+path)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	p := &feedClientProc{tb: tb, cmd: cmd, in: in, lines: make(chan string, 16)}
	go func() {
		defer close(p.lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "feedclient: "); ok {
				p.lines <- line
			}
		}
	}()
	tb.Cleanup(p.stop)
	return p
}

// expect waits for the client's next line, which must start with word.
func (p *feedClientProc) expect(word string, timeout time.Duration) string {
	p.tb.Helper()
	select {
	case line, ok := <-p.lines:
		if !ok {
			p.tb.Fatalf("the client process ended before %q", word)
		}
		rest, found := strings.CutPrefix(line, word)
		if !found {
			p.tb.Fatalf("the client said %q, want %q", line, word)
		}
		return strings.TrimSpace(rest)
	case <-time.After(timeout):
		p.tb.Fatalf("no %q from the client process within %s", word, timeout)
	}
	return ""
}

func (p *feedClientProc) send(cmd string) {
	p.tb.Helper()
	if _, err := fmt.Fprintln(p.in, cmd); err != nil {
		p.tb.Fatalf("to the client process: %v", err)
	}
}

// stop closes the client's connections and waits for it to exit.
func (p *feedClientProc) stop() {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.in.Close()
	exited := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(time.Minute):
		_ = p.cmd.Process.Kill()
		<-exited
	}
}

// serverMem is the server process's memory: this process, once the
// clients live in their own.
type serverMem struct {
	heapStack  float64 // runtime HeapInuse + StackInuse, bytes
	stack      float64 // StackInuse alone
	rss        float64 // VmRSS, bytes
	goroutines int
}

func sampleServerMem() serverMem {
	runtime.GC()
	runtime.GC()
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return serverMem{heapStack: float64(m.HeapInuse + m.StackInuse), stack: float64(m.StackInuse), rss: float64(vmRSS()), goroutines: runtime.NumGoroutine()}
}

// writeProfile writes the named runtime/pprof profile to path.
func writeProfile(tb testing.TB, name, path string) {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup(name).WriteTo(f, 0); err != nil {
		tb.Fatal(err)
	}
}

func vmRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func waitSubscribers(tb testing.TB, want int, hubs ...*store.Hub) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for {
		n := 0
		for _, h := range hubs {
			n += h.Subscribers()
		}
		if n == want {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%d subscribers, want %d", n, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// BenchmarkFeedIdleMemory reports the server's memory for N idle websocket
// subscribers (FEED_BENCH_IDLE, default "1000,5000"), the clients in a
// process of their own: per connection after connection_init, per
// subscription, and together; from the Go runtime (heap and stacks in use)
// and from the kernel (VmRSS), and goroutines per subscriber.
//
//	go test ./graph -run '^$' -bench BenchmarkFeedIdleMemory -benchtime 1x
func BenchmarkFeedIdleMemory(b *testing.B) {
	sizes := []int{1000, 5000}
	if v := os.Getenv("FEED_BENCH_IDLE"); v != "" {
		sizes = nil
		for f := range strings.SplitSeq(v, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				sizes = append(sizes, n)
			}
		}
	}
	r := startReplica(b, storetest.DSN(b), store.HubConfig{})
	defer r.stop()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("subscribers=%d", n), func(b *testing.B) {
			for range b.N {
				spec := feedClientSpec{Query: feedBenchQuery, HoldSubscribe: true}
				for range n {
					spec.Conns = append(spec.Conns, feedClientConn{URL: r.srv.URL})
				}
				base := sampleServerMem()
				p := startFeedClient(b, spec)
				p.expect("connected", 5*time.Minute)
				time.Sleep(200 * time.Millisecond) // init goroutines end
				connected := sampleServerMem()
				p.send("subscribe")
				p.expect("subscribed", 5*time.Minute)
				waitSubscribers(b, n, r.hub)
				time.Sleep(200 * time.Millisecond)
				subscribed := sampleServerMem()
				if path := os.Getenv("FEED_BENCH_HEAP_PROFILE"); path != "" {
					writeProfile(b, "heap", fmt.Sprintf("%s.%d", path, n))
					writeProfile(b, "goroutine", fmt.Sprintf("%s.%d.goroutines", path, n))
				}
				p.send("close")
				p.expect("closed", 5*time.Minute)
				p.stop()
				waitSubscribers(b, 0, r.hub)
				fn := float64(n)
				b.ReportMetric((connected.heapStack-base.heapStack)/fn/1024, "KB/connection")
				b.ReportMetric((subscribed.heapStack-connected.heapStack)/fn/1024, "KB/subscription")
				b.ReportMetric((subscribed.heapStack-base.heapStack)/fn/1024, "KB/idle-sub")
				b.ReportMetric((subscribed.rss-base.rss)/fn/1024, "RSS-KB/idle-sub")
				b.ReportMetric(float64(subscribed.goroutines-base.goroutines)/fn, "goroutines/idle-sub")
				b.ReportMetric((subscribed.stack-base.stack)/fn/1024, "stack-KB/idle-sub")
				b.Logf("%d idle subscribers: server heap+stacks %.1f → %.1f → %.1f MB (stacks %.1f → %.1f → %.1f MB), RSS %.1f → %.1f MB, goroutines %d → %d → %d",
					n, base.heapStack/1e6, connected.heapStack/1e6, subscribed.heapStack/1e6, base.stack/1e6, connected.stack/1e6, subscribed.stack/1e6, base.rss/1e6, subscribed.rss/1e6,
					base.goroutines, connected.goroutines, subscribed.goroutines)
			}
		})
	}
}

// BenchmarkFeedBurst measures the live feed end to end: two replicas on
// one database, FEED_BENCH_SUBSCRIBERS websocket subscribers on each
// (default 2,500), and a burst of FEED_BENCH_EVENTS new conflicts (default
// 1,000) committed by 4 writers through the second replica's store. It
// reports the latency from sending COMMIT to frame received (p50, p99,
// max over every frame of every subscriber), the server's memory per idle
// subscription, and the delivered frame and event rates.
//
//	FEED_BENCH_MIX=realistic go test ./graph -run '^$' -bench BenchmarkFeedBurst -benchtime 1x
//
// FEED_BENCH_MIX picks who subscribes:
//
//   - all (the default, the worst case): every subscriber is a director
//     and receives every event.
//   - realistic: on each replica FEED_BENCH_STAFF staff boards (default
//     25, directors and analysts) receive every event, and the rest are
//     dealer users spread over FEED_BENCH_DEALERS dealers (default 250),
//     each receiving only its own dealer's conflicts. Each conflict has
//     one dealer party, every other one a second.
func BenchmarkFeedBurst(b *testing.B) {
	subsPer := envInt("FEED_BENCH_SUBSCRIBERS", 2500)
	events := envInt("FEED_BENCH_EVENTS", 1000)
	nDealers := envInt("FEED_BENCH_DEALERS", 250)
	staffPer := envInt("FEED_BENCH_STAFF", 25)
	mix := os.Getenv("FEED_BENCH_MIX")
	if mix == "" {
		mix = "all"
	}
	if mix != "all" && mix != "realistic" {
		b.Fatalf("FEED_BENCH_MIX=%q: want all or realistic", mix)
	}
	ctx := context.Background()
	dsn := storetest.DSN(b)
	cfg := store.HubConfig{Buffer: events + 16}
	ra, rb := startReplica(b, dsn, cfg), startReplica(b, dsn, cfg)
	defer ra.stop()
	defer rb.stop()
	region, err := rb.st.CreateRegion(ctx, channel.Region{Path: "eu", Name: "Europe"})
	if err != nil {
		b.Fatal(err)
	}
	cust, err := rb.st.CreateCustomer(ctx, store.CustomerCreate{Name: "Bench Farm", RegionID: region.ID, Segment: channel.Agriculture})
	if err != nil {
		b.Fatal(err)
	}
	var dealers []int64
	if err := rb.st.DB().NewRaw(`INSERT INTO dealers (code, name, kind, contract_start)
		SELECT 'BENCH-' || g, 'Bench Dealer ' || g, 'DEALER', DATE '2026-01-01' FROM generate_series(1, ?) AS g
		RETURNING id`, nDealers).Scan(ctx, &dealers); err != nil {
		b.Fatal(err)
	}
	// The parties of conflict i, as indexes into dealers.
	parties := func(i int) []int {
		a := i % nDealers
		if i%2 == 0 && nDealers > 1 {
			return []int{a, (a + nDealers/2) % nDealers}
		}
		return []int{a}
	}
	perDealer := make([]int, nDealers)
	for i := range events {
		for _, d := range parties(i) {
			perDealer[d]++
		}
	}

	spec := feedClientSpec{Query: feedBenchQuery}
	staff := 0
	for _, r := range []*replica{ra, rb} {
		for j := range subsPer {
			c := feedClientConn{URL: r.srv.URL, Frames: events}
			if mix == "realistic" {
				if j < staffPer {
					v := director
					if j%2 == 1 {
						v = channel.Viewer{UserID: 2, Email: "analyst@example.com", Role: channel.RoleAnalyst}
					}
					vb, _ := json.Marshal(v)
					c.Viewer = string(vb)
					staff++
				} else {
					d := (j - staffPer) % nDealers
					vb, _ := json.Marshal(channel.Viewer{UserID: int64(1000 + j), Role: channel.RoleDealer,
						DealerID: dealers[d], DealerName: fmt.Sprint("Bench Dealer ", d+1)})
					c.Viewer = string(vb)
					c.Frames = perDealer[d]
				}
			} else {
				staff++
			}
			spec.Conns = append(spec.Conns, c)
		}
	}
	wantFrames := 0
	for _, c := range spec.Conns {
		wantFrames += c.Frames
	}
	total := len(spec.Conns)

	base := sampleServerMem()
	p := startFeedClient(b, spec)
	p.expect("subscribed", 10*time.Minute)
	waitSubscribers(b, total, ra.hub, rb.hub)
	time.Sleep(200 * time.Millisecond)
	idle := sampleServerMem()

	b.ResetTimer()
	start := time.Now()
	ids := make([]int64, events)
	commitAt := make([]int64, events)
	db := rb.st.DB()
	var failed atomic.Bool
	parallel(events, 4, func(i int) {
		if failed.Load() {
			return
		}
		fail := func(err error) {
			failed.Store(true)
			b.Error(err)
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			fail(err)
			return
		}
		dealerIDs := []int64{}
		for _, d := range parties(i) {
			dealerIDs = append(dealerIDs, dealers[d])
		}
		if err := tx.NewRaw(`INSERT INTO conflicts (kind, identity_key, severity, customer_id, customer_ids, dealer_ids, explanation)
			VALUES ('DUPLICATE_REGISTRATION', ?, 'LOW', ?, ARRAY[?]::bigint[], ?::bigint[], '{"rule":"DUPLICATE_REGISTRATION"}'::jsonb) RETURNING id`,
			fmt.Sprint("bench-", i), cust.ID, cust.ID, pgIntArray(dealerIDs)).Scan(ctx, &ids[i]); err != nil {
			_ = tx.Rollback()
			fail(err)
			return
		}
		if _, err := tx.NewRaw(`INSERT INTO conflict_events (type, conflict_id, reason) VALUES ('OPENED', ?, ?)`, ids[i], strconv.Itoa(i)).Exec(ctx); err != nil {
			_ = tx.Rollback()
			fail(err)
			return
		}
		// Stamped as the commit is sent: a frame can arrive before a
		// stamp taken after Commit returns, on a busy machine.
		commitAt[i] = time.Now().UnixNano()
		if err := tx.Commit(); err != nil {
			fail(err)
			return
		}
		rb.hub.Wake() // what the mutation path does after commit
	})
	if failed.Load() {
		b.FailNow()
	}
	committed := time.Since(start)
	got := p.expect("received", 15*time.Minute)
	b.StopTimer()

	var stamps strings.Builder
	for i := range events {
		fmt.Fprintf(&stamps, "%d %d\n", ids[i], commitAt[i])
	}
	stampsPath := b.TempDir() + "/stamps"
	if err := os.WriteFile(stampsPath, []byte(stamps.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	p.send("stamps " + stampsPath)
	var res feedClientResult
	if err := json.Unmarshal([]byte(p.expect("result", 5*time.Minute)), &res); err != nil {
		b.Fatal(err)
	}
	switch {
	case res.Frames > wantFrames || res.Frames < wantFrames && res.Short == 0:
		b.Fatalf("%d frames arrived, want %d (%s)", res.Frames, wantFrames, got)
	case res.Short > 0 || res.Errors > 0:
		// The server cuts off a client that falls too far behind (a
		// write blocked 10 s, or a pong 30 s late): in the worst case
		// the client process, on the same two cores, is one. Reported,
		// with the latency of the frames that did arrive.
		b.Logf("%d subscribers were cut off (%d with an error message): %d of %d frames arrived", res.Short, res.Errors, res.Frames, wantFrames)
	}
	b.ReportMetric(float64(res.Short), "cut-off-subs")
	elapsed := time.Duration(res.LastNS - start.UnixNano())
	b.ReportMetric(res.P50, "p50-ms")
	b.ReportMetric(res.P99, "p99-ms")
	b.ReportMetric(res.Max, "max-ms")
	b.ReportMetric(float64(res.Frames)/elapsed.Seconds(), "frames/s")
	b.ReportMetric(float64(events)/elapsed.Seconds(), "events/s")
	b.ReportMetric(float64(events)/committed.Seconds(), "commits/s")
	b.ReportMetric((idle.heapStack-base.heapStack)/float64(total)/1024, "KB/idle-sub")
	b.ReportMetric((idle.rss-base.rss)/float64(total)/1024, "RSS-KB/idle-sub")
	b.Logf("mix %s: %d subscribers on 2 replicas (%d staff), %d events: %d frames in %s (commits took %s)",
		mix, total, staff, events, res.Frames, elapsed.Round(time.Millisecond), committed.Round(time.Millisecond))
	p.send("close")
	p.expect("closed", 5*time.Minute)
}

// pgIntArray renders ids as a PostgreSQL array literal.
func pgIntArray(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return "{" + strings.Join(s, ",") + "}"
}
