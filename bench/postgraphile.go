package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The peer: PostGraphile v4 (bench/postgraphile, installed with `npm ci`)
// over the same database, asked the same two questions in the names it
// generates from the tables. It has no computed "open" counts without
// plugins, so the open-conflict and open-deal counts are asked as one
// totalCount per status, as a PostGraphile user without plugins would; it
// counts the conflicts judging the customer (customer_id), where
// Channelboard counts every conflict involving it (customer_ids).

const pgDealerCustomersQuery = `query DealerCustomers($dealer: BigInt!) {
  allCustomers(first: 50, condition: {ownerDealerId: $dealer}, orderBy: [NAME_ASC, ID_ASC]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name taxId segment size keyAccount keyAccountReason createdAt ownerKind ownerSince
      regionByRegionId { id name path country }
      dealerByOwnerDealerId { id name code }
      dealsByCustomerId { totalCount }
      openConflicts: conflictsByCustomerId(condition: {status: "OPEN"}) { totalCount }
      ackConflicts: conflictsByCustomerId(condition: {status: "ACKNOWLEDGED"}) { totalCount }
    }
  }
}`

const pgCustomerDetailQuery = `query CustomerDetail($id: BigInt!) {
  customerById(id: $id) {
    id name taxId segment size keyAccount keyAccountReason ownerKind ownerSince
    regionByRegionId { id name path country }
    dealerByOwnerDealerId { id name code }
    pending: dealsByCustomerId(condition: {stage: "PENDING_APPROVAL"}) { totalCount }
    registered: dealsByCustomerId(condition: {stage: "REGISTERED"}) { totalCount }
    quoted: dealsByCustomerId(condition: {stage: "QUOTED"}) { totalCount }
    ownershipChangesByCustomerId(orderBy: [AT_ASC, ID_ASC]) {
      nodes { id fromKind dealerByFromDealerId { id name } toKind dealerByToDealerId { id name } how reason decidedBy at }
    }
    dealsByCustomerId(first: 20, orderBy: [REGISTERED_AT_DESC, ID_DESC]) {
      totalCount
      nodes {
        id stage registeredAt amount currency channelKind
        productLineByProductLineId { id name }
        dealerByDealerId { id name }
      }
    }
  }
}`

// postgraphile is a PostGraphile process the harness started.
type postgraphile struct {
	cmd  *exec.Cmd
	url  string
	log  *bytes.Buffer
	done chan struct{}
}

// startPostGraphile runs dir's PostGraphile over dsn's database on a
// loopback port with pool connections, and waits until it answers.
func startPostGraphile(ctx context.Context, dir, dsn string, port, pool int) (*postgraphile, error) {
	bin := filepath.Join(dir, "node_modules", ".bin", "postgraphile")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("PostGraphile is not installed in %s: run `npm ci` there (or pass --no-postgraphile): %w", dir, err)
	}
	if port == 0 {
		var err error
		if port, err = freePort(); err != nil {
			return nil, err
		}
	}
	args := []string{
		"--connection", dsn, "--schema", "public",
		"--host", "127.0.0.1", "--port", strconv.Itoa(port),
		"--disable-graphiql", "--disable-query-log", "--disable-default-mutations",
		"--max-pool-size", strconv.Itoa(pool),
	}
	// Not CommandContext: it is stopped by Stop, after the run.
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "NODE_ENV=production")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	p := &postgraphile{cmd: cmd, url: fmt.Sprintf("http://127.0.0.1:%d/graphql", port), log: &bytes.Buffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.log, p.log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start PostGraphile: %w", err)
	}
	go func() {
		_ = cmd.Wait()
		close(p.done)
	}()
	deadline := time.Now().Add(90 * time.Second)
	for {
		err := ping(ctx, p.url)
		if err == nil {
			return p, nil
		}
		select {
		case <-p.done:
			return nil, fmt.Errorf("PostGraphile exited: %s", lastLines(p.log.String(), 5))
		case <-ctx.Done():
			p.Stop()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			p.Stop()
			return nil, fmt.Errorf("PostGraphile did not answer within 90 s (last: %v): %s", err, lastLines(p.log.String(), 5))
		}
	}
}

// Stop ends the process group (node and anything it started).
func (p *postgraphile) Stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	}
}

// ping asks a GraphQL endpoint for __typename.
func ping(ctx context.Context, url string) error { return pingAs(ctx, http.DefaultClient, url, "") }

// pingAs asks for __typename with a bearer token, when given.
func pingAs(ctx context.Context, client *http.Client, url, token string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(`{"query":"{ __typename }"}`))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("__typename")) {
		return fmt.Errorf("status %d: %.200s", res.StatusCode, body)
	}
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
