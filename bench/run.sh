#!/usr/bin/env bash
# Issue 11's benchmark in one command: per route, wrk against the API and pgbench -M prepared on (a) the SQL the API
# really sent for that route (captured from the server log) and (b) bench/sql/best/<route>.sql, the best hand-written
# SQL for the same answer; prints route | target | API req/s | p99 | EF SQL tx/s | best SQL tx/s | API peak RSS | pass.
# Reads run first on a freshly vacuumed database, writes (get-video, login) after them. See bench/README.md.
#
#   bench/run.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
#
# Settings (environment):
#   DURATION=10       seconds per measured run (wrk and each pgbench)      CONNECTIONS=32  THREADS=2
#   WARMUP=20         seconds of unmeasured wrk load per route first (tiered JIT, pools); 0 skips it
#   PORT=5080         API port on 127.0.0.1                              SKIP_BUILD=1 reuses the Release build
#   BENCH_USER=user000002  BENCH_PASSWORD=password123   token user (also the subscription feed's 1,000-channel user)
#   POPULAR=<user with most subscribers>  QUERY=guitar  DEEP_PAGE=500  COUNT_CAP=10000  ROUTES="a,b" (default all)
#   CAPTURE=1         capture the API's SQL from the server log (PG_LOG=<file> when not found); 0: no EF SQL column
#   OUT=bench/out     where the table is written as run-<timestamp>.md (and .tsv for bench/scale.sh)
# Everything runs on 127.0.0.1 and every run is bounded by DURATION; the API is stopped on exit.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,17p' "$@"

DURATION="${DURATION:-10}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"; WARMUP="${WARMUP:-20}"
PORT="${PORT:-5080}"; BENCH_USER="${BENCH_USER:-}"; BENCH_PASSWORD="${BENCH_PASSWORD:-password123}"
QUERY="${QUERY:-guitar}"; DEEP_PAGE="${DEEP_PAGE:-500}"; ROUTES="${ROUTES:-all}"; OUT="${OUT:-$BENCH_DIR/out}"
COUNT_CAP="${COUNT_CAP:-10000}"; CAPTURE="${CAPTURE:-1}"
# Issue 11's limits for every route with a req/s target.
P99_LIMIT_MS=100; RSS_LIMIT_MB=250
[ "$THREADS" -le "$CONNECTIONS" ] || die "THREADS must not exceed CONNECTIONS"
[ "$DEEP_PAGE" -ge 2 ] || die "DEEP_PAGE must be at least 2"

ensure_apt_package wrk wrk
ensure_apt_package jq jq
PGBENCH=$(find_pg_tool pgbench) || { ensure_apt_package psql postgresql-contrib; PGBENCH=$(find_pg_tool pgbench); }
pg_env_from_connection "$CONNECTION"

read_bench_data
COUNTS=$(psql_value "SELECT format('%s users, %s videos, %s subscriptions, %s likes, %s watch-history rows, %s comments',
  (SELECT count(*) FROM users), (SELECT count(*) FROM videos), (SELECT count(*) FROM subscriptions),
  (SELECT count(*) FROM likes), (SELECT count(*) FROM watch_history), (SELECT count(*) FROM comments))")
LOGIN_BODY="{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\"}"
WORK=$(mktemp -d /tmp/videotube-bench-run.XXXXXX)
# One signing key for both API processes, so the tokens of the capture phase stay valid for the measured one.
SIGNING_KEY="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
# The per-client rate limits would answer 429 to a load generator on one IP: they are off, the login throttle (which
# counts failed password checks only) stays.
API_SETTINGS=(Jwt__SigningKey="$SIGNING_KEY" RateLimiting__Enabled=false)

build_api
cleanup() {
  local status=$?
  [ "$CAPTURE" = 1 ] && capture_logging off
  rm -rf "$WORK"
  finish "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

selected() { [ "$ROUTES" = all ] || [[ ",$ROUTES," == *",$1,"* ]]; }
token_for() { case "$1" in me) echo "$TOKEN" ;; popular) echo "$POPULAR_TOKEN" ;; *) echo "" ;; esac; }

# Phase 1 (unmeasured): tokens, the deep cursor, and the SQL the API sends per route. Its writes (two logins, the
# capture's get-video and login calls) happen before the VACUUM below, so the reads never see them as dead rows.
EF_DIR="$WORK/ef"; mkdir -p "$EF_DIR"
SERVER_LOG=""
if [ "$CAPTURE" = 1 ]; then
  SERVER_LOG=$(find_server_log)
  if [ -z "$SERVER_LOG" ]; then
    log "no readable server log (set PG_LOG=<file>): the EF SQL column will be empty"; CAPTURE=0
  elif [[ "$(psql_value "SHOW log_line_prefix")" != %[mtn]* ]]; then
    log "log_line_prefix does not start with a timestamp (%m, %t or %n): the EF SQL column will be empty"; CAPTURE=0
  elif ! capture_logging on 2>/dev/null; then
    log "cannot ALTER DATABASE (not a superuser?): the EF SQL column will be empty"; CAPTURE=0
  fi
fi
# The capture API flushes views at most every 5 minutes and runs no job worker, so neither a view flush nor a
# scheduler poll lands in a route's capture window (get-video's script once held the flush's UPDATE).
start_api "$PORT" "${API_SETTINGS[@]}" Views__FlushInterval=00:05:00 Jobs__WorkerEnabled=false
TOKEN=$(login_token "$BENCH_USER" "$BENCH_PASSWORD" "$PORT")
POPULAR_TOKEN=$(login_token "$POPULAR" "$BENCH_PASSWORD" "$PORT")
DEEP_CURSOR=""; DEEP_REASON="not selected"
selected feed-keyset-deep && walk_deep_cursor "$PORT" "$TOKEN"
capture_one() {
  local name="$1" method="$2" path="$3" auth="$4"
  selected "$name" || return 0
  [ "$name" = feed-keyset-deep ] && [ -z "$DEEP_CURSOR" ] && return 0
  capture_route_sql "$name" "$method" "http://127.0.0.1:$PORT$path" "$(token_for "$auth")" "$EF_DIR"
}
if [ "$CAPTURE" = 1 ]; then
  log "capturing the SQL of each route from $SERVER_LOG"
  for_each_route capture_one
  capture_logging off
  mkdir -p "$OUT/captured-sql"
  cp "$EF_DIR"/* "$OUT/captured-sql/" 2>/dev/null || true
fi
stop_api

# Reads are measured on a vacuumed database, as a long-running one would be between autovacuum runs: earlier writes
# (logins, views, history) otherwise leave dead index entries that the reads would pay for.
log "VACUUM (ANALYZE)"
psql_value "VACUUM (ANALYZE)" >/dev/null

# Phase 2: the measured API, with the same signing key (the phase-1 tokens and their sessions stay valid).
start_api "$PORT" "${API_SETTINGS[@]}"
BASE="http://127.0.0.1:$PORT"
IDLE_RSS=$(proc_kb VmRSS)

mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%d-%H%M%S)
REPORT="$OUT/run-$STAMP.md"; TSV="$OUT/run-$STAMP.tsv"
printf 'route\trps\tp99_ms\tef_tps\tbest_tps\tpeak_mb\n' >"$TSV"
ROWS=()
MAX_PEAK=0

# The route exists unless the API answers with its unknown-route 404 (or 405: the path exists for another method).
probe() {
  local method="$1" url="$2" token="$3" body code
  body=$(mktemp)
  local -a args=(-s -o "$body" -w '%{http_code}' --max-time 60 -X "$method")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ "$method" = POST ] && args+=(-H 'Content-Type: application/json' -d "$LOGIN_BODY")
  code=$(curl "${args[@]}" "$url") || code=000
  if [ "$code" = 405 ] || [ "$code" = 404 ]; then
    echo "missing: HTTP $code $(jq -r '.message // empty' "$body" 2>/dev/null | head -c 100)"
  elif [ "${code:0:1}" = 2 ]; then
    echo ok
  else
    echo "HTTP $code: $(head -c 200 "$body")"
  fi
  rm -f "$body"
}

run_wrk() {
  local seconds="$1" method="$2" url="$3" token="$4"
  local body=""; [ "$method" = POST ] && body="$LOGIN_BODY"
  BENCH_TOKEN="$token" BENCH_METHOD="$method" BENCH_BODY="$body" \
    timeout $((seconds + 30)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s \
    -s "$BENCH_DIR/wrk/request.lua" "$url"
}

field() { sed -n "s/.*[[:space:]]$1=\([0-9]*\).*/\1/p" <<<"$2"; }

# Runs one pgbench script for DURATION and sets PGBENCH_TPS (rounded), or "n/a" with the reason in PGBENCH_NOTE.
# A script's line "-- pgbench-options: <settings>" becomes PGOPTIONS for its sessions (e.g. a plan cache mode).
run_pgbench() {
  local script="$1"; shift
  local out="$WORK/pgbench.out" tps options
  options=$(sed -n 's/^-- pgbench-options: //p' "$script" | head -1)
  PGOPTIONS="${options:-${PGOPTIONS:-}}" \
  timeout $((DURATION + 60)) "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" \
    -f "$script" "$@" >"$out" 2>&1 || true
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$out" | head -1)
  PGBENCH_NOTE=""
  if [ -z "$tps" ] || grep -q 'number of failed transactions: [1-9]\|aborted' "$out"; then
    PGBENCH_NOTE=$(grep -m1 -o 'ERROR: .*' "$out" | head -c 160 || true)
    PGBENCH_NOTE="${PGBENCH_NOTE:-$(grep -m1 -i 'error\|abort' "$out" | head -c 160 || true)}"
    PGBENCH_NOTE="${PGBENCH_NOTE:-$(tail -1 "$out" | head -c 160)}"
    mkdir -p "$OUT" && cp "$out" "$OUT/pgbench-failed-$(basename "$script" .sql).log"
    log "pgbench $(basename "$script"): ${PGBENCH_NOTE:-no tps} (output in $OUT/pgbench-failed-$(basename "$script" .sql).log)"
    PGBENCH_TPS="n/a"
  else
    PGBENCH_TPS=$(awk -v t="$tps" 'BEGIN { printf "%.0f", t }')
  fi
}

# The best-SQL script with the placeholders only the schema can tell filled in; empty (with a note) if unusable.
best_script() {
  local name="$1" src="$BENCH_DIR/sql/best/$1.sql" dst="$WORK/best-$1.sql"
  [ -f "$src" ] || return 0
  grep -q '{{search_column}}' "$src" && [ -z "$SEARCH_COLUMN" ] && return 0
  sed -e "s/{{search_column}}/$SEARCH_COLUMN/g" -e "s/{{count_cap}}/$COUNT_CAP/g" "$src" >"$dst"
  echo "$dst"
}

row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 | $9 |"); }

# Called by for_each_route with NAME METHOD PATH TOKEN KIND TARGET.
bench_route() {
  local name="$1" method="$2" path="$3" auth="$4" kind="$5" target="$6"
  selected "$name" || return 0
  local url="$BASE$path" token state target_text="$target"
  [ "$target" = - ] || target_text="≥ $target req/s"
  token=$(token_for "$auth")
  if [ "$name" = feed-keyset-deep ] && [ -z "$DEEP_CURSOR" ]; then
    log "$name: skipped: $DEEP_REASON"
    row "$name" "$target_text" n/a n/a n/a n/a n/a "n/a" "skipped: $DEEP_REASON"; return 0
  fi
  state=$(probe "$method" "$url" "$token")
  if [ "$state" != ok ]; then
    log "$name: skipped: $state"
    row "$name" "$target_text" n/a n/a n/a n/a n/a "n/a" "skipped: ${state//|/\\|}"; return 0
  fi

  if [ "$WARMUP" -gt 0 ]; then
    run_wrk "$WARMUP" "$method" "$url" "$token" >/dev/null
    wait_api_idle
  fi
  reset_peak_rss || true
  log "$name: wrk ${DURATION}s, $CONNECTIONS connections"
  local output result
  output=$(run_wrk "$DURATION" "$method" "$url" "$token")
  result=$(grep BENCH_RESULT <<<"$output") || die "$name: wrk printed no result: $output"
  local peak; peak=$(proc_kb VmHWM)
  [ "$peak" -gt "$MAX_PEAK" ] && MAX_PEAK=$peak
  local requests duration p99 non2xx errors rps notes=""
  requests=$(field requests "$result"); duration=$(field duration_us "$result")
  p99=$(field p99_us "$result"); non2xx=$(field non2xx "$result"); errors=$(field socket_errors "$result")
  rps=$(awk -v n="$requests" -v us="$duration" 'BEGIN { printf "%.0f", (us > 0 ? n / (us / 1e6) : 0) }')
  p99=$(awk -v u="$p99" 'BEGIN { printf "%.1f", u / 1000 }')
  [ "$requests" -eq 0 ] && notes="no request finished within ${DURATION}s; "
  [ "$non2xx" -gt 0 ] && notes="${notes}$non2xx non-2xx responses; "
  [ "$errors" -gt 0 ] && notes="${notes}$errors socket errors; "
  wait_api_idle

  local vars=(-D me="$ME" -D username="${POPULAR^^}" -D popular_id="$POPULAR_ID" -D query="$QUERY"
    -D video_id="$VIDEO_ID" -D login_name="${BENCH_USER^^}" -D login_id="$ME"
    -D known_version="$KNOWN_VERSION" -D known_matches="$KNOWN_MATCHES"
    -D after_at="${AFTER_AT:-infinity}" -D after_id="${AFTER_ID:-00000000-0000-0000-0000-000000000000}")
  local ef="n/a" best="n/a" script line
  if [ -f "$EF_DIR/$name.sql" ]; then
    local -a ef_vars=()
    while IFS= read -r line; do ef_vars+=(-D "$line"); done <"$EF_DIR/$name.vars"
    log "$name: pgbench ${DURATION}s, EF's SQL ($(grep -c ';$' "$EF_DIR/$name.sql") statements)"
    run_pgbench "$EF_DIR/$name.sql" "${ef_vars[@]}"; ef="$PGBENCH_TPS"
    [ "$ef" = n/a ] && notes="${notes}EF SQL failed: $PGBENCH_NOTE; "
  elif [ "$name" != healthcheck ] && [ "$CAPTURE" = 1 ]; then
    notes="${notes}no SQL captured; "
  fi
  BEST_NOTE=""
  [ -f "$BENCH_DIR/sql/best/$name.sql" ] && grep -q '{{search_column}}' "$BENCH_DIR/sql/best/$name.sql" \
    && [ -z "$SEARCH_COLUMN" ] && BEST_NOTE="best SQL needs the stored tsvector column of videos (not on this schema)"
  script=$(best_script "$name")
  if [ -n "$script" ]; then
    wait_api_idle
    log "$name: pgbench ${DURATION}s, best SQL"
    run_pgbench "$script" "${vars[@]}"; best="$PGBENCH_TPS"
    [ "$best" = n/a ] && notes="${notes}best SQL failed: $PGBENCH_NOTE; "
  fi
  [ -n "$BEST_NOTE" ] && notes="${notes}$BEST_NOTE; "

  local peak_mb verdict="—"
  peak_mb=$(awk -v kb="$peak" 'BEGIN { printf "%.0f", kb * 1024 / 1e6 }')
  if [ "$target" != - ]; then
    verdict=$(awk -v r="$rps" -v t="$target" -v p="$p99" -v pl="$P99_LIMIT_MS" -v m="$peak_mb" -v ml="$RSS_LIMIT_MB" \
      -v bad="$non2xx$errors" 'BEGIN {
        why = ""
        if (r < t) why = why "req/s "
        if (p >= pl) why = why "p99 "
        if (m >= ml) why = why "RSS "
        if (bad != "00") why = why "errors "
        print (why == "" ? "**pass**" : "fail (" substr(why, 1, length(why) - 1) ")") }')
  fi
  notes="${notes%; }"
  row "$name" "$target_text" "$rps" "$p99" "$ef" "$best" "$peak_mb" "$verdict" "${notes//|/\\|}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p99" "$ef" "$best" "$peak_mb" >>"$TSV"
}

# One unmeasured pass over every read route first, so the route measured first does not pay for the JIT that the
# others then share: a fresh API reaches its steady state only after tens of seconds of load (bench/README.md).
warm_route() {
  local name="$1" method="$2" path="$3" auth="$4" kind="$5"
  selected "$name" && [ "$kind" = read ] && [ "$WARMUP" -gt 0 ] || return 0
  [ "$name" = feed-keyset-deep ] && [ -z "$DEEP_CURSOR" ] && return 0
  log "$name: warm-up ${WARMUP}s (unmeasured pass)"
  run_wrk "$WARMUP" "$method" "$BASE$path" "$(token_for "$auth")" >/dev/null || true
}
for_each_route warm_route
wait_api_idle
for_each_route bench_route

{
  echo "## VideoTube benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown); $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); database $PGDATABASE"
  echo "- data: $COUNTS"
  echo "- wrk and pgbench: ${DURATION}s each, $CONNECTIONS connections, $THREADS threads, ${WARMUP}s wrk warm-up; pgbench -M prepared"
  echo "- token user $BENCH_USER (follows $FOLLOWS channels), channel $POPULAR, query '$QUERY', video $VIDEO_ID"
  echo "- deep keyset page: ${DEEP_CURSOR:+page $DEEP_PAGE by nextCursor}${DEEP_CURSOR:-$DEEP_REASON}; search column: ${SEARCH_COLUMN:-none}; count cap $COUNT_CAP"
  echo "- EF SQL: $([ "$CAPTURE" = 1 ] && echo "captured from $SERVER_LOG (copies in $OUT/captured-sql)" || echo "not captured")"
  echo "- reads on a vacuumed database, then the write routes; API RSS after start-up: $(mib "$IDLE_RSS") MiB; highest per-route peak: $(mib "$MAX_PEAK") MiB"
  echo "- pass: req/s ≥ target, p99 < $P99_LIMIT_MS ms, peak RSS < $RSS_LIMIT_MB MB, no errors (issue 11)"
  echo
  echo "| route | target | API req/s | p99 ms | EF SQL tx/s | best SQL tx/s | API peak RSS MB | pass | notes |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$REPORT"
log "report written to $REPORT"
