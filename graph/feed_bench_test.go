package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
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

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkFeedBurst measures the live feed end to end: two replicas on
// one database, FEED_BENCH_SUBSCRIBERS websocket subscribers on each
// (default 2,500), and a burst of FEED_BENCH_EVENTS new conflicts (default
// 1,000) committed by 4 writers through the second replica's store. It
// reports the latency from sending COMMIT to frame received (p50, p99, max over
// every frame of every subscriber), the memory of an idle subscription
// (client and server side together, both live in this process), and the
// delivered frame rate.
//
//	go test ./graph -run '^$' -bench BenchmarkFeedBurst -benchtime 1x
func BenchmarkFeedBurst(b *testing.B) {
	subsPer := envInt("FEED_BENCH_SUBSCRIBERS", 2500)
	events := envInt("FEED_BENCH_EVENTS", 1000)
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

	commitAt := make([]atomic.Int64, events)
	var lat []int64
	var latMu sync.Mutex
	var received atomic.Int64

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	var clients []*websocket.Conn
	var readers sync.WaitGroup
	total := 2 * subsPer
	for i := range total {
		r := ra
		if i%2 == 1 {
			r = rb
		}
		d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, ReadBufferSize: 1024, WriteBufferSize: 1024}
		c, _, err := d.Dial("ws"+strings.TrimPrefix(r.srv.URL, "http"), nil)
		if err != nil {
			b.Fatalf("dial %d: %v", i, err)
		}
		clients = append(clients, c)
		_ = c.WriteJSON(wsMsg{Type: "connection_init"})
		var ack wsMsg
		if err := c.ReadJSON(&ack); err != nil || ack.Type != "connection_ack" {
			b.Fatalf("init %d: %v %v", i, err, ack.Type)
		}
		payload, _ := json.Marshal(map[string]any{"query": `subscription { conflictEvents { cursor type reason conflict { id kind status } } }`})
		_ = c.WriteJSON(wsMsg{ID: "1", Type: "subscribe", Payload: payload})
	}
	for ra.hub.Subscribers()+rb.hub.Subscribers() < total {
		time.Sleep(10 * time.Millisecond)
	}
	runtime.GC()
	var idle runtime.MemStats
	runtime.ReadMemStats(&idle)
	perSub := float64((idle.HeapInuse+idle.StackInuse)-(before.HeapInuse+before.StackInuse)) / float64(total)

	for _, c := range clients {
		readers.Go(func() {
			mine := make([]int64, 0, events)
			defer func() {
				latMu.Lock()
				lat = append(lat, mine...)
				latMu.Unlock()
			}()
			for len(mine) < events {
				var m struct {
					Type    string
					Payload struct {
						Data struct{ ConflictEvents struct{ Reason string } }
					}
				}
				if err := c.ReadJSON(&m); err != nil {
					return
				}
				if m.Type == "ping" {
					_ = c.WriteJSON(wsMsg{Type: "pong"})
				}
				if m.Type != "next" {
					continue
				}
				now := time.Now().UnixNano()
				i, _ := strconv.Atoi(m.Payload.Data.ConflictEvents.Reason)
				d := now - commitAt[i].Load()
				mine = append(mine, max(d, 0))
				received.Add(1)
			}
		})
	}

	b.ResetTimer()
	start := time.Now()
	var writers sync.WaitGroup
	next := atomic.Int64{}
	db := rb.st.DB()
	for range 4 {
		writers.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= events {
					return
				}
				tx, err := db.BeginTx(ctx, nil)
				if err != nil {
					b.Error(err)
					return
				}
				var id int64
				if err := tx.NewRaw(`INSERT INTO conflicts (kind, identity_key, severity, customer_id, customer_ids, explanation)
					VALUES ('DUPLICATE_CUSTOMER', ?, 'LOW', ?, ARRAY[?]::bigint[], '{}'::jsonb) RETURNING id`, fmt.Sprint("bench-", i), cust.ID, cust.ID).Scan(ctx, &id); err != nil {
					b.Error(err)
					return
				}
				if _, err := tx.NewRaw(`INSERT INTO conflict_events (type, conflict_id, reason) VALUES ('OPENED', ?, ?)`, id, strconv.Itoa(i)).Exec(ctx); err != nil {
					b.Error(err)
					return
				}
				// Stamped as the commit is sent: a frame can arrive before a
				// stamp taken after Commit returns, on a busy machine.
				commitAt[i].Store(time.Now().UnixNano())
				if err := tx.Commit(); err != nil {
					b.Error(err)
					return
				}
				rb.hub.Wake() // what the mutation path does after commit
			}
		})
	}
	writers.Wait()
	committed := time.Since(start)
	done := make(chan struct{})
	go func() { readers.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Minute):
		b.Fatalf("only %d of %d frames arrived", received.Load(), total*events)
	}
	elapsed := time.Since(start)
	b.StopTimer()

	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1])/1e6, "max-ms")
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "frames/s")
	b.ReportMetric(float64(events)/committed.Seconds(), "commits/s")
	b.ReportMetric(perSub/1024, "KB/idle-sub")
	b.Logf("%d subscribers on 2 replicas, %d events: %d frames in %s (commits took %s)", total, events, len(lat), elapsed, committed)
	for _, c := range clients {
		_ = c.Close()
	}
}

// BenchmarkFeedIdleMemory reports the memory of 1,000 idle websocket
// connections (client and server side, both in this process), first with
// connection_init only, then with one conflictEvents subscription each: the
// difference is what a subscription itself costs on the server.
//
//	go test ./graph -run '^$' -bench BenchmarkFeedIdleMemory -benchtime 1x
func BenchmarkFeedIdleMemory(b *testing.B) {
	const n = 1000
	r := startReplica(b, storetest.DSN(b), store.HubConfig{})
	defer r.stop()
	inUse := func() float64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapInuse + m.StackInuse)
	}
	base := inUse()
	conns := make([]*websocket.Conn, n)
	for i := range conns {
		d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, ReadBufferSize: 1024, WriteBufferSize: 1024}
		c, _, err := d.Dial("ws"+strings.TrimPrefix(r.srv.URL, "http"), nil)
		if err != nil {
			b.Fatal(err)
		}
		conns[i] = c
		_ = c.WriteJSON(wsMsg{Type: "connection_init"})
		var ack wsMsg
		if err := c.ReadJSON(&ack); err != nil {
			b.Fatal(err)
		}
	}
	connected := inUse()
	payload, _ := json.Marshal(map[string]any{"query": `subscription { conflictEvents { cursor type conflict { id kind status } } }`})
	for _, c := range conns {
		_ = c.WriteJSON(wsMsg{ID: "1", Type: "subscribe", Payload: payload})
	}
	for r.hub.Subscribers() < n {
		time.Sleep(10 * time.Millisecond)
	}
	subscribed := inUse()
	b.ReportMetric((connected-base)/n/1024, "KB/connection")
	b.ReportMetric((subscribed-connected)/n/1024, "KB/subscription")
	b.ReportMetric((subscribed-base)/n/1024, "KB/idle-subscriber")
	for _, c := range conns {
		_ = c.Close()
	}
}
