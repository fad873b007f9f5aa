#!/usr/bin/env bash
# Captures the SQL the API sends for each benchmarked route, as bench/run.sh does before measuring: starts the API
# with statement logging on for the database's new sessions (ALTER DATABASE ... SET log_statement = 'all', undone on
# exit), calls every route twice and turns what the server logged for the second call into a pgbench script,
# $OUT/captured-sql/<route>.sql (+ .vars, the pgbench -D values). See bench/README.md.
#
#   bench/capture-sql.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
# Settings: PORT=5082, PG_LOG (the server log, when not found), BENCH_USER, BENCH_PASSWORD, POPULAR, QUERY,
# DEEP_PAGE, OUT as for bench/run.sh. Needs a superuser (ALTER DATABASE) and a readable server log.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,9p' "$@"
PORT="${PORT:-5082}"; BENCH_PASSWORD="${BENCH_PASSWORD:-password123}"
QUERY="${QUERY:-guitar}"; DEEP_PAGE="${DEEP_PAGE:-500}"; OUT="${OUT:-$BENCH_DIR/out}/captured-sql"
ensure_apt_package jq jq
pg_env_from_connection "$CONNECTION"
read_bench_data
LOGIN_BODY="{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\"}"
SERVER_LOG=$(find_server_log)
[ -n "$SERVER_LOG" ] || die "no readable server log: set PG_LOG=<file>"

build_api
cleanup() { local status=$?; capture_logging off; finish "$status"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
capture_logging on
start_api "$PORT" RateLimiting__Enabled=false
TOKEN=$(login_token "$BENCH_USER" "$BENCH_PASSWORD" "$PORT")
POPULAR_TOKEN=$(login_token "$POPULAR" "$BENCH_PASSWORD" "$PORT")
walk_deep_cursor "$PORT" "$TOKEN"
mkdir -p "$OUT"

capture_one() {
  local name="$1" method="$2" path="$3" auth="$4" token=""
  [ "$name" = feed-keyset-deep ] && [ -z "$DEEP_CURSOR" ] && { log "$name: skipped: $DEEP_REASON"; return 0; }
  case "$auth" in me) token="$TOKEN" ;; popular) token="$POPULAR_TOKEN" ;; esac
  capture_route_sql "$name" "$method" "http://127.0.0.1:$PORT$path" "$token" "$OUT"
}
for_each_route capture_one
