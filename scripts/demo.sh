#!/usr/bin/env bash
# Run Channelboard with demo data on an embedded PostgreSQL cluster kept in
# ./data (reused on later runs, so data persists). Extra arguments go to
# `channelboard serve`, e.g. --addr 127.0.0.1:9090.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_postgres
ensure_go
echo "-- building bin/channelboard" >&2
go build -o bin/channelboard ./cmd/channelboard
exec bin/channelboard serve --demo "$@"
