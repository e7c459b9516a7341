package graph

import (
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recordingConn is a net.Conn that keeps each Write it is given.
type recordingConn struct {
	net.Conn // nil: only Write and Close are used
	mu       sync.Mutex
	writes   []string
	closed   bool
}

func (c *recordingConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, net.ErrClosed
	}
	c.writes = append(c.writes, string(p))
	return len(p), nil
}

func (c *recordingConn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	return nil
}

func (c *recordingConn) got() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.writes...)
}

func TestBatchConnHoldsFramesWhileMoreFollow(t *testing.T) {
	rec := &recordingConn{}
	var batched atomic.Int64
	c := &batchConn{Conn: rec, batched: &batched}

	// Not holding: each write goes straight through.
	mustWrite(t, c, "a")
	if got := rec.got(); len(got) != 1 || got[0] != "a" {
		t.Fatalf("writes %q", got)
	}
	// Holding: nothing reaches the socket until a write without hold.
	c.setHold(true)
	mustWrite(t, c, "b")
	mustWrite(t, c, "c")
	if got := rec.got(); len(got) != 1 {
		t.Fatalf("held frames were written: %q", got)
	}
	c.setHold(false)
	mustWrite(t, c, "d")
	if got := rec.got(); len(got) != 2 || got[1] != "bcd" {
		t.Fatalf("writes %q, want a then bcd", got)
	}
	if batched.Load() != 1 {
		t.Errorf("batched %d, want 1", batched.Load())
	}

	// A held frame with nothing after it is written by the timer.
	c.setHold(true)
	mustWrite(t, c, "e")
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.got()) < 3 {
		if time.Now().After(deadline) {
			t.Fatal("a held frame was never written")
		}
		time.Sleep(time.Millisecond)
	}
	if got := rec.got(); got[2] != "e" {
		t.Fatalf("writes %q", got)
	}

	// Beyond wsBatchMax held bytes go out at once.
	big := make([]byte, wsBatchMax)
	mustWrite(t, c, string(big))
	if got := rec.got(); len(got) != 4 || len(got[3]) != wsBatchMax {
		t.Fatalf("%d writes after a large frame", len(got))
	}

	// Close drops what is held and refuses later writes.
	mustWrite(t, c, "f")
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write([]byte("g")); err == nil {
		t.Error("a write after Close succeeded")
	}
	time.Sleep(3 * wsBatchDelay)
	for _, w := range rec.got() {
		if w == "f" || w == "g" {
			t.Errorf("%q reached a closed socket", w)
		}
	}
}

func mustWrite(t *testing.T, c *batchConn, s string) {
	t.Helper()
	if n, err := c.Write([]byte(s)); err != nil || n != len(s) {
		t.Fatalf("write %q: %d, %v", s, n, err)
	}
}
