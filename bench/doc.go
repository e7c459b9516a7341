// Package bench is Channelboard's load harness (`channelboard bench`).
//
// Against a running server and the database it uses, it drives the mix of
// operations the product exists for — dealers listing and opening their own
// accounts, the director's board, the analysts' aggregates and deal
// registrations that fire the conflict rules — with one API token per
// virtual user, and reports per operation throughput, latency percentiles
// and errors, with the SQL statements and allocations each request costs and
// the server's resident memory over time.
//
// The two questions every GraphQL-over-PostgreSQL server can answer — a
// dealer's accounts, a customer with its deals and ownership history — are
// then asked three ways at the same rate and the same concurrency in the
// same run: of Channelboard, of hand-written SQL through pgx (the physical
// limit) and of PostGraphile pointed at the same database (the peer).
//
// Load is generated with vegeta's attacker and pacer; vegeta's metrics hold
// the latencies. The raw-SQL side runs through the same attacker, with an
// http.RoundTripper that answers from pgx instead of the network.
//
// The package reaches the server only over HTTP and the database only
// through the store package (users, tokens) and pgx; it imports nothing of
// graph or server, so it measures what a client sees.
package bench
