# Shared by scripts/demo.sh and scripts/test.sh: install what a fresh Debian
# machine lacks, and nothing else. Sourced, not run.

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
apt_install() {
	if [ -z "$apt_updated" ]; then
		echo "-- apt-get update" >&2
		as_root apt-get update -qq >&2
		apt_updated=1
	fi
	echo "-- installing $*" >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# PostgreSQL server binaries: the embedded cluster and the tests start them.
ensure_postgres() {
	if command -v pg_ctl >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
		return
	fi
	apt_install postgresql
}

# Go: the toolchain named in go.mod is fetched by the go command itself
# (GOTOOLCHAIN=auto) when the installed one is older.
ensure_go() {
	if command -v go >/dev/null 2>&1; then return; fi
	if [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; return; fi
	apt_install golang-go ca-certificates
}

ensure_node() {
	if command -v npm >/dev/null 2>&1; then return; fi
	apt_install nodejs npm
}

# Chromium for the browser tests, and a CJK font so Chinese names render
# as characters, not boxes.
ensure_chromium() {
	local want=""
	[ -x /usr/bin/chromium ] || want="chromium"
	[ -d /usr/share/fonts/opentype/noto ] || want="$want fonts-noto-cjk"
	if [ -n "$want" ]; then apt_install $want; fi
}

# Hash of every file under the given paths, to see whether a rebuild
# changed what is committed.
tree_hash() {
	find "$@" -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
}
