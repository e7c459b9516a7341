package graph

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// A board that receives every conflict gets hundreds of frames a second in
// a burst, and each frame was one write(2) on its socket: that system call
// was the largest single cost of the feed (docs/benchmarks.md). gorilla
// writes every message straight to the connection, so the adapter hands
// gorilla a connection of its own that can hold a frame back while the
// subscription already has the next event queued, and writes the frames
// together: one system call for a run of events instead of one for each.
//
// Nothing waits for the hold: the frame that finds no further event
// queued writes everything held, and a held frame is written after
// wsBatchDelay at the latest even when no further frame comes (the next
// event's execution failed, the subscription ended). A subscriber with a
// single event gets it exactly as before.

const (
	// wsBatchDelay bounds how long a held frame waits for company.
	wsBatchDelay = 2 * time.Millisecond
	// wsBatchMax: held bytes beyond this are written at once.
	wsBatchMax = 32 << 10
)

// batchConn is the hijacked connection under gorilla's websocket.Conn.
type batchConn struct {
	net.Conn

	mu    sync.Mutex
	hold  bool   // the adapter expects another frame at once
	buf   []byte // held bytes; nil when none (an idle socket holds nothing)
	timer *time.Timer
	err   error // a failed write of held bytes, returned by the next Write

	held int // writes in buf
	// batched counts, for all connections, the writes that carried more
	// than one of gorilla's (Websockets' metrics).
	batched *atomic.Int64
}

var batchBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// setHold says whether the next frames may be held; turning it off writes
// anything held before the next frame.
func (c *batchConn) setHold(hold bool) {
	c.mu.Lock()
	c.hold = hold
	c.mu.Unlock()
}

func (c *batchConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return 0, c.err
	}
	if c.buf == nil && !c.hold {
		return c.Conn.Write(p)
	}
	if c.buf == nil {
		c.buf = (*batchBufs.Get().(*[]byte))[:0]
	}
	c.buf = append(c.buf, p...)
	c.held++
	if c.hold && len(c.buf) < wsBatchMax {
		if c.timer == nil {
			c.timer = time.AfterFunc(wsBatchDelay, c.Flush)
		} else {
			c.timer.Reset(wsBatchDelay)
		}
		return len(p), nil
	}
	return len(p), c.flushLocked()
}

// Flush writes whatever is held.
func (c *batchConn) Flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.flushLocked()
}

func (c *batchConn) flushLocked() error {
	if c.timer != nil {
		c.timer.Stop()
	}
	if c.buf == nil {
		return c.err
	}
	buf := c.buf
	if c.held > 1 && c.batched != nil {
		c.batched.Add(1)
	}
	c.buf, c.held = nil, 0
	_, err := c.Conn.Write(buf)
	buf = buf[:0]
	if cap(buf) <= 4*wsBatchMax {
		batchBufs.Put(&buf)
	}
	if err != nil && c.err == nil {
		c.err = err
	}
	return err
}

// Close drops what is held: a close that should reach the client is
// written first (wsConn.WriteClose stops holding), and this one must not
// wait on a client that stopped reading. The connection is closed before
// taking the lock, which ends a held write to such a client at once.
func (c *batchConn) Close() error {
	err := c.Conn.Close()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timer != nil {
		c.timer.Stop()
	}
	c.buf = nil
	if c.err == nil {
		c.err = net.ErrClosed
	}
	return err
}

// batchHijacker hands gorilla the hijacked connection wrapped in a
// batchConn.
type batchHijacker struct {
	http.ResponseWriter
	batched *atomic.Int64
	conn    *batchConn
}

func (h *batchHijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := hijacker(h.ResponseWriter).(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("websocket: response does not implement http.Hijacker")
	}
	c, brw, err := hj.Hijack()
	if err != nil {
		return nil, nil, err
	}
	h.conn = &batchConn{Conn: c, batched: h.batched}
	return h.conn, brw, nil
}

var (
	wsOpenDesc = prometheus.NewDesc("channelboard_websocket_connections",
		"Open GraphQL websocket connections.", nil, nil)
	wsBatchedDesc = prometheus.NewDesc("channelboard_websocket_batched_writes_total",
		"Socket writes that carried several frames of a subscriber that had more events queued.", nil, nil)
)

// Describe and Collect make Websockets a prometheus.Collector.
func (w *Websockets) Describe(ch chan<- *prometheus.Desc) {
	ch <- wsOpenDesc
	ch <- wsBatchedDesc
}

func (w *Websockets) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(wsOpenDesc, prometheus.GaugeValue, float64(w.Open()))
	ch <- prometheus.MustNewConstMetric(wsBatchedDesc, prometheus.CounterValue, float64(w.batched.Load()))
}
