#!/usr/bin/env bash
# Load-tests the API's read routes with wrk and the same SQL with pgbench, at the same concurrency, and prints
# route | API req/s | p50 | p99 | raw SQL tx/s | API/raw | API peak RSS. See bench/README.md.
#
#   bench/run.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
#
# Settings (environment):
#   DURATION=10       seconds per measured run (wrk and pgbench each)     CONNECTIONS=32  THREADS=2
#   WARMUP=2          seconds of unmeasured wrk load per route first (JIT, pools); 0 skips it
#   PORT=5080         API port on 127.0.0.1                              SKIP_BUILD=1 reuses the Release build
#   BENCH_USER=user000002  BENCH_PASSWORD=password123   seeded account used for the token and the login route
#   POPULAR=<user with most subscribers>  QUERY=guitar  DEEP_PAGE=500   ROUTES="login,channel-profile,..." (default all)
#   OUT=bench/out     where the table is also written as run-<timestamp>.md
# Everything runs on 127.0.0.1 and every run is bounded by DURATION; the API is stopped on exit.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,14p' "$@"

DURATION="${DURATION:-10}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"; WARMUP="${WARMUP:-2}"
PORT="${PORT:-5080}"; BENCH_USER="${BENCH_USER:-user000002}"; BENCH_PASSWORD="${BENCH_PASSWORD:-password123}"
QUERY="${QUERY:-guitar}"; DEEP_PAGE="${DEEP_PAGE:-500}"; ROUTES="${ROUTES:-all}"; OUT="${OUT:-$BENCH_DIR/out}"
[ "$THREADS" -le "$CONNECTIONS" ] || die "THREADS must not exceed CONNECTIONS"

ensure_apt_package wrk wrk
ensure_apt_package jq jq
PGBENCH=$(find_pg_tool pgbench) || { ensure_apt_package psql postgresql-contrib; PGBENCH=$(find_pg_tool pgbench); }
pg_env_from_connection "$CONNECTION"

read_bench_data
COUNTS=$(psql_value "SELECT format('%s users, %s videos, %s subscriptions, %s likes, %s watch-history rows, %s comments',
  (SELECT count(*) FROM users), (SELECT count(*) FROM videos), (SELECT count(*) FROM subscriptions),
  (SELECT count(*) FROM likes), (SELECT count(*) FROM watch_history), (SELECT count(*) FROM comments))")

# Reads are measured on a vacuumed database, as a long-running one would be between autovacuum runs: an earlier run's
# writes (logins, views, history) otherwise leave dead index entries that the reads would pay for.
log "VACUUM (ANALYZE)"
psql_value "VACUUM (ANALYZE)" >/dev/null

build_api
trap finish EXIT
trap 'exit 130' INT TERM
start_api "$PORT"
BASE="http://127.0.0.1:$PORT"
TOKEN=$(login_token "$BENCH_USER" "$BENCH_PASSWORD" "$PORT")
IDLE_RSS=$(proc_kb VmRSS)
LOGIN_BODY="{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\"}"

mkdir -p "$OUT"
REPORT="$OUT/run-$(date -u +%Y%m%d-%H%M%S).md"
ROWS=()
MAX_PEAK=0

selected() { [ "$ROUTES" = all ] || [[ ",$ROUTES," == *",$1,"* ]]; }

# The route exists unless the API answers with its unknown-route 404 (or 405: the path exists for another method).
probe() {
  local method="$1" url="$2" auth="$3" body code
  body=$(mktemp)
  local -a args=(-s -o "$body" -w '%{http_code}' --max-time 30 -X "$method")
  [ "$auth" = auth ] && args+=(-H "Authorization: Bearer $TOKEN")
  [ "$method" = POST ] && args+=(-H 'Content-Type: application/json' -d "$LOGIN_BODY")
  code=$(curl "${args[@]}" "$url") || code=000
  if [ "$code" = 405 ] || { [ "$code" = 404 ] && grep -q 'Route not found' "$body"; }; then
    echo missing
  elif [ "${code:0:1}" = 2 ]; then
    echo ok
  else
    echo "HTTP $code: $(head -c 200 "$body")"
  fi
  rm -f "$body"
}

run_wrk() {
  local seconds="$1" method="$2" url="$3" auth="$4"
  local token=""; [ "$auth" = auth ] && token="$TOKEN"
  local body=""; [ "$method" = POST ] && body="$LOGIN_BODY"
  BENCH_TOKEN="$token" BENCH_METHOD="$method" BENCH_BODY="$body" \
    timeout $((seconds + 30)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s \
    -s "$BENCH_DIR/wrk/request.lua" "$url"
}

field() { sed -n "s/.*[[:space:]]$1=\([0-9]*\).*/\1/p" <<<"$2"; }

# Called by for_each_route (lib.sh) with NAME METHOD PATH public|auth SQL_FILE|- PAGE.
bench_route() {
  local name="$1" method="$2" path="$3" auth="$4" sql="$5" page="${6:-1}"
  selected "$name" || return 0
  local url="$BASE$path" state
  state=$(probe "$method" "$url" "$auth")
  if [ "$state" = missing ]; then
    log "$name: route not implemented on this build"
    ROWS+=("| $name | n/a | n/a | n/a | n/a | n/a | n/a | route not found (404) |"); return 0
  elif [ "$state" != ok ]; then
    log "$name: $state"
    ROWS+=("| $name | n/a | n/a | n/a | n/a | n/a | n/a | ${state%%:*} |"); return 0
  fi

  if [ "$WARMUP" -gt 0 ]; then
    run_wrk "$WARMUP" "$method" "$url" "$auth" >/dev/null
    wait_api_idle
  fi
  reset_peak_rss || true
  log "$name: wrk ${DURATION}s, $CONNECTIONS connections"
  local output result
  output=$(run_wrk "$DURATION" "$method" "$url" "$auth")
  result=$(grep BENCH_RESULT <<<"$output") || die "$name: wrk printed no result: $output"
  local peak; peak=$(proc_kb VmHWM)
  [ "$peak" -gt "$MAX_PEAK" ] && MAX_PEAK=$peak
  local requests duration p50 p99 non2xx errors rps notes=""
  requests=$(field requests "$result"); duration=$(field duration_us "$result")
  p50=$(field p50_us "$result"); p99=$(field p99_us "$result")
  non2xx=$(field non2xx "$result"); errors=$(field socket_errors "$result")
  rps=$(awk -v n="$requests" -v us="$duration" 'BEGIN { printf "%.0f", (us > 0 ? n / (us / 1e6) : 0) }')
  [ "$requests" -eq 0 ] && notes="no request finished within ${DURATION}s; "
  [ "$non2xx" -gt 0 ] && notes="${notes}$non2xx non-2xx responses; "
  [ "$errors" -gt 0 ] && notes="${notes}$errors socket errors; "

  local tps="n/a" ratio="n/a"
  if [ "$sql" != - ]; then
    wait_api_idle
    log "$name: pgbench ${DURATION}s, $CONNECTIONS connections ($sql)"
    local pg
    pg=$(timeout $((DURATION + 30)) "$PGBENCH" -n -M extended -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" \
      -f "$BENCH_DIR/sql/$sql" -D me="$ME" -D username="${POPULAR^^}" -D page="$page" -D query="$QUERY" \
      -D video_id="$VIDEO_ID" -D login_name="${BENCH_USER^^}" -D login_id="$ME" 2>&1) || notes="${notes}pgbench failed; "
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' <<<"$pg" | head -1)
    if [ -n "$tps" ]; then
      ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
      tps=$(awk -v t="$tps" 'BEGIN { printf "%.0f", t }')
      grep -q 'number of failed transactions: [1-9]' <<<"$pg" && notes="${notes}pgbench had failed transactions; "
    else
      log "$name: pgbench output: $pg"; tps="n/a"
    fi
  fi
  ROWS+=("| $name | $rps | $(awk -v u="$p50" 'BEGIN { printf "%.1f", u / 1000 }') | $(awk -v u="$p99" 'BEGIN { printf "%.1f", u / 1000 }') | $tps | $ratio | $(mib "$peak") MiB | ${notes%; } |")
}

for_each_route bench_route

{
  echo "## VideoTube benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown); $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- data: $COUNTS"
  echo "- wrk and pgbench: ${DURATION}s each, $CONNECTIONS connections, $THREADS threads, ${WARMUP}s wrk warm-up; pgbench -M extended"
  echo "- token user $BENCH_USER, channel $POPULAR, query '$QUERY', deep page $DEEP_PAGE, video $VIDEO_ID"
  echo "- API RSS after start-up and one login: $(mib "$IDLE_RSS") MiB; highest per-route peak: $(mib "$MAX_PEAK") MiB"
  echo
  echo "| route | API req/s | p50 ms | p99 ms | raw SQL tx/s | API/raw | API peak RSS | notes |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$REPORT"
log "report written to $REPORT"
