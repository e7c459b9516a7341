#!/usr/bin/env bash
# Every check and test of Channelboard, as CI runs it: formatting, vet,
# generated code and the committed app build are fresh, Go tests with the
# race detector against real PostgreSQL, the app's unit tests, and a real
# browser against the real binary serving the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_postgres
ensure_go
ensure_node
ensure_chromium

step() { printf '\n== %s\n' "$*"; }

step "gofmt"
unformatted="$(gofmt -l $(git ls-files '*.go' | grep -v '^frontend/node_modules/'))"
if [ -n "$unformatted" ]; then
	echo "not gofmt'ed:"; echo "$unformatted"; exit 1
fi

step "go vet"
go vet ./...

step "generated GraphQL code is fresh (go generate ./...)"
before="$(tree_hash graph)"
go generate ./...
after="$(tree_hash graph)"
if [ "$before" != "$after" ]; then
	echo "go generate changed graph/: the committed generated code was stale"; git status --short graph; exit 1
fi

step "frontend: install, build, and check the committed dist is fresh"
(cd frontend && npm ci --no-audit --no-fund --loglevel=error)
before="$(tree_hash frontend/dist frontend/src/gql)"
(cd frontend && npm run --silent codegen && npm run --silent build)
after="$(tree_hash frontend/dist frontend/src/gql)"
if [ "$before" != "$after" ]; then
	echo "rebuilding the app changed frontend/dist or src/gql: commit the rebuilt files"; git status --short frontend; exit 1
fi

step "frontend unit tests"
(cd frontend && npm test --silent)

step "go test -race ./..."
go test -race -count=1 ./...

step "browser test against the real binary with demo data"
go build -o bin/channelboard ./cmd/channelboard
work="$(mktemp -d)"
chmod 755 "$work"
log="$work/serve.log"
bin/channelboard serve --demo --data-dir "$work/data" --addr 127.0.0.1:0 >"$log" 2>&1 &
server_pid=$!
cleanup() {
	kill -INT "$server_pid" 2>/dev/null || true
	wait "$server_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s%N)
url=""
for _ in $(seq 1 600); do
	url="$(grep -o 'http://[0-9.:]*' "$log" | head -1 || true)"
	[ -n "$url" ] && break
	if ! kill -0 "$server_pid" 2>/dev/null; then cat "$log"; echo "the server died"; exit 1; fi
	sleep 0.2
done
if [ -z "$url" ]; then cat "$log"; echo "the server did not start in 120 s"; exit 1; fi
echo "server up at $url after $(( ($(date +%s%N) - start) / 1000000 )) ms (cold start: initdb, migrations, demo data)"
(cd frontend && CHANNELBOARD_URL="$url" npm run --silent e2e)

echo
echo "all checks passed"
