// Package store holds all of Channelboard's SQL: opening the PostgreSQL
// connection pool, applying the embedded migrations, and one file per entity
// with the queries, transactions and LISTEN/NOTIFY plumbing the services use.
//
// It imports the domain package channel (for the types it loads and saves) and
// migrations (for the schema), and nothing above it: no graph, server or cmd.
// Its subpackages are pgcluster (a private PostgreSQL server for development
// and tests), storetest (the per-test database helper) and seed (demo data).
package store
