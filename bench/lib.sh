#!/usr/bin/env bash
# Shared helpers of the benchmark scripts (sourced, not run). Everything here talks to 127.0.0.1 only.
# shellcheck disable=SC2034  # variables set here are read by the sourcing scripts

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
API_DLL="$REPO_DIR/src/WebApi/bin/Release/net10.0/VideoTube.WebApi.dll"
API_PID=""
API_LOG=""
API_MEDIA_DIR=""

log() { echo "[bench] $*" >&2; }
die() { echo "[bench] error: $*" >&2; exit 1; }

# Sets CONNECTION from --connection or env ConnectionStrings__VideoTube; $1 is the sed range of the caller's usage text.
parse_connection_args() {
  local usage_lines="$1"; shift
  CONNECTION="${ConnectionStrings__VideoTube:-}"
  while [ $# -gt 0 ]; do
    case "$1" in
      --connection) CONNECTION="$2"; shift 2 ;;
      -h|--help) sed -n "$usage_lines" "$0"; exit 0 ;;
      *) die "unknown argument $1" ;;
    esac
  done
  [ -n "$CONNECTION" ] || die "set ConnectionStrings__VideoTube or pass --connection"
}

# Exports PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE from an Npgsql connection string, for psql and pgbench.
pg_env_from_connection() {
  local part key value
  local -a parts
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    [ -n "$part" ] || continue
    key=$(tr '[:upper:]' '[:lower:]' <<<"${part%%=*}" | tr -d ' ')
    value="${part#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|user|userid|"user id") export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
      database|db) export PGDATABASE="$value" ;;
    esac
  done
  case "${PGHOST:-}" in
    127.*|localhost|::1|"") ;;
    *) die "the database must be on loopback (Host=$PGHOST)" ;;
  esac
}

psql_value() { psql -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }

# The server's own binaries first: Debian's /usr/bin/pgbench is a wrapper that wants a configured cluster.
find_pg_tool() {
  local name="$1" candidate
  for candidate in $(find /usr/lib/postgresql -maxdepth 3 -name "$name" -type f 2>/dev/null | sort -V -r); do
    [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  command -v "$name" 2>/dev/null
}

ensure_apt_package() {
  local binary="$1" package="$2"
  command -v "$binary" >/dev/null && return 0
  [ "$(id -u)" -eq 0 ] || die "$binary is missing: apt-get install -y $package"
  log "installing $package"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
}

build_api() {
  if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$API_DLL" ]; then return 0; fi
  log "building the API (Release)"
  dotnet build "$REPO_DIR/src/WebApi" -c Release -v quiet -nologo >&2 || die "build failed"
}

# Starts the built API on 127.0.0.1:$1 in the background. `dotnet <dll>` hosts the app in-process, so API_PID is the
# API itself (dotnet run would put a launcher in between and apply launchSettings.json's Development profile).
# Extra NAME=VALUE arguments are added to the environment (env accepts names with dots, which export cannot).
# The API runs as the production image runs it (src/WebApi/Dockerfile's ENV): W^X off, a 16 MiB gen0 budget, no
# ReadyToRun code, two malloc arenas.
start_api() {
  local port="$1"; shift
  curl -s -o /dev/null "http://127.0.0.1:$port/" && die "port $port is already in use"
  API_LOG=$(mktemp /tmp/videotube-bench-api.XXXXXX.log)
  API_MEDIA_DIR=$(mktemp -d /tmp/videotube-bench-media.XXXXXX)
  (
    cd "$(dirname "$API_DLL")" || exit 1
    exec env \
      DOTNET_EnableWriteXorExecute=0 DOTNET_GCgen0size=0x1000000 DOTNET_ReadyToRun=0 \
      MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=65536 MALLOC_TRIM_THRESHOLD_=65536 \
      ConnectionStrings__VideoTube="$CONNECTION" \
      Jwt__SigningKey="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" \
      ASPNETCORE_ENVIRONMENT=Production \
      Database__MigrateOnStartup=false \
      Serilog__MinimumLevel__Default=Warning \
      Storage__Local__RootPath="$API_MEDIA_DIR" \
      "$@" \
      dotnet "$API_DLL" --urls "http://127.0.0.1:$port"
  ) >"$API_LOG" 2>&1 &
  API_PID=$!
  local i
  for i in $(seq 1 120); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; then
      log "API up (pid $API_PID, port $port, log $API_LOG)"
      return 0
    fi
    kill -0 "$API_PID" 2>/dev/null || { cat "$API_LOG" >&2; die "the API exited during start-up"; }
    sleep 0.5
  done
  die "the API did not answer within 60s (log: $API_LOG)"
}

stop_api() {
  if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then
    kill "$API_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 20); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$API_PID" 2>/dev/null || true
    wait "$API_PID" 2>/dev/null || true
  fi
  API_PID=""
  [ -n "$API_MEDIA_DIR" ] && rm -rf "$API_MEDIA_DIR"
  API_MEDIA_DIR=""
}

# EXIT trap body: stops the API; its log is kept only when the script failed ($1: exit status, default $?).
finish() {
  local status="${1:-$?}"
  stop_api
  if [ -n "$API_LOG" ]; then
    if [ "$status" -eq 0 ]; then rm -f "$API_LOG"; else log "API log kept: $API_LOG"; fi
  fi
  return "$status"
}

# Memory of the API from /proc: VmHWM is the peak resident set, VmRSS the current one (both in kB).
# Sets WORK to a fresh temporary folder and, on exit, stops the RSS sampler (SAMPLER_PID, when the script started one),
# removes WORK and stops the API (finish). One EXIT trap for the scripts that upload through a temporary folder.
with_work_dir() {
  WORK=$(mktemp -d "/tmp/videotube-$1.XXXXXX")
  SAMPLER_PID=""
  trap cleanup_work_dir EXIT
  trap 'exit 130' INT TERM
}
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup_work_dir() {
  local status=$?
  if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  finish "$status"
}

proc_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$API_PID/status" 2>/dev/null || echo 0; }

# Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0), so each route gets its own peak.
reset_peak_rss() { echo 5 2>/dev/null >"/proc/$API_PID/clear_refs"; }

# Waits (at most 15s) until the API stops burning CPU: requests that wrk abandoned at its deadline (a login's password
# hashing, say) would otherwise still run while pgbench measures.
wait_api_idle() {
  local before after i
  for i in $(seq 1 30); do
    before=$(awk '{ print $14 + $15 }' "/proc/$API_PID/stat" 2>/dev/null || echo 0)
    sleep 0.5
    after=$(awk '{ print $14 + $15 }' "/proc/$API_PID/stat" 2>/dev/null || echo 0)
    [ $((after - before)) -le 5 ] && return 0
  done
  log "the API is still busy; measuring anyway"
}

mib() { awk -v kb="${1:-0}" 'BEGIN { printf "%.0f", kb / 1024 }'; }

# Logs in and prints the access token. $1 = username, $2 = password, $3 = port.
login_token() {
  local body
  body=$(curl -sS --max-time 30 -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:$3/api/v1/users/login") \
    || die "login request failed"
  jq -er '.data.accessToken' <<<"$body" 2>/dev/null || die "login as $1 failed: $body"
}

# The benchmarked routes, reads first and writes last: a write route run before a read leaves dead rows and fresh
# statistics behind it (get-video bloats the history index the watch-history read scans; new rows flip the search
# plan). Calls "$1 NAME METHOD PATH TOKEN KIND TARGET" for each:
#   TOKEN   public (none), me (BENCH_USER's token) or popular (the most followed channel's token, for its dashboard)
#   KIND    read or write
#   TARGET  issue 11's req/s target on the 2-core machine at full scale, or - when it sets none
# Reads POPULAR, QUERY and VIDEO_ID; DEEP_CURSOR (empty when the feed gives no nextCursor).
# bench/sql/best/NAME.sql, when it exists, is the hand-written best SQL for the route's answer.
for_each_route() {
  local fn="$1"
  "$fn" healthcheck GET "/api/v1/healthcheck" public read -
  "$fn" channel-profile GET "/api/v1/users/c/$POPULAR" me read 5000
  "$fn" dashboard-stats GET "/api/v1/dashboard/stats" popular read 5000
  "$fn" feed-page1 GET "/api/v1/videos?page=1&limit=10" me read 2000
  "$fn" feed-keyset-deep GET "/api/v1/videos?limit=10&cursor=${DEEP_CURSOR:-}" me read 2000
  "$fn" search-page1 GET "/api/v1/videos?page=1&limit=10&query=$QUERY" me read 1000
  "$fn" subscription-feed GET "/api/v1/feed/subscriptions?limit=10" me read 1500
  "$fn" watch-history GET "/api/v1/users/history" me read 3000
  "$fn" get-video GET "/api/v1/videos/$VIDEO_ID" me write 2000
  "$fn" login POST "/api/v1/users/login" public write -
}

# Values the routes need from the seeded database. Sets BENCH_USER (default: the seeder's user000002), ME, POPULAR, POPULAR_ID, VIDEO_ID,
# FOLLOWS (how many channels BENCH_USER follows), SEARCH_COLUMN (the videos table's stored tsvector column, or "") and
# KNOWN_VERSION/KNOWN_MATCHES (what the API remembers of QUERY's total).
read_bench_data() {
  # user000002 up to 999,999 users, user0000002 from a million on (the seeder widens the numbers to sort right).
  [ -n "${BENCH_USER:-}" ] || BENCH_USER=$(psql_value "SELECT user_name FROM users WHERE user_name ~ '^user0*2$' LIMIT 1")
  [ -n "$BENCH_USER" ] || die "no seeded user000002: set BENCH_USER"
  ME=$(psql_value "SELECT id FROM users WHERE normalized_user_name = upper('$BENCH_USER')") \
    || die "cannot query the database"
  [ -n "$ME" ] || die "user $BENCH_USER not found: seed the database first (bench/README.md)"
  POPULAR="${POPULAR:-$(psql_value "SELECT u.user_name FROM users u JOIN (SELECT channel_id, count(*) AS n
    FROM subscriptions GROUP BY channel_id ORDER BY n DESC LIMIT 1) top ON top.channel_id = u.id")}"
  POPULAR="${POPULAR:-$BENCH_USER}"
  POPULAR_ID=$(psql_value "SELECT id FROM users WHERE normalized_user_name = upper('$POPULAR')")
  VIDEO_ID=$(psql_value "SELECT id FROM videos WHERE is_published ORDER BY views DESC LIMIT 1")
  VIDEO_ID="${VIDEO_ID:-00000000-0000-0000-0000-000000000000}"
  FOLLOWS=$(psql_value "SELECT count(*) FROM subscriptions WHERE subscriber_id = '$ME'")
  SEARCH_COLUMN=$(psql_value "SELECT attname FROM pg_attribute WHERE attrelid = 'videos'::regclass
    AND atttypid = 'tsvector'::regtype AND NOT attisdropped ORDER BY attnum LIMIT 1")
  # What an API instance remembers of QUERY's total after its first page (SearchTotals): the published matches, up to
  # the cap and one, at the catalogue's search version (-1, matching none, on a schema without one).
  KNOWN_VERSION=$(psql_value "SELECT search_version FROM catalogue_counters" 2>/dev/null || echo -1)
  KNOWN_MATCHES=0
  if [ -n "$SEARCH_COLUMN" ]; then
    KNOWN_MATCHES=$(psql_value "SELECT count(*) FROM (SELECT 1 FROM videos WHERE is_published
      AND $SEARCH_COLUMN @@ websearch_to_tsquery('english', \$q\$$QUERY\$q\$) LIMIT ${COUNT_CAP:-10000} + 1) m")
  fi
}

# Walks the video feed from page 1 by nextCursor, DEEP_PAGE - 1 times, and sets DEEP_CURSOR to the cursor of page
# DEEP_PAGE (empty, with DEEP_REASON, when the API gives no nextCursor). Also sets AFTER_AT/AFTER_ID: the (created_at,
# id) of the last row before that page in the feed's order, read with SQL for the best-SQL script, and checks that the
# API's page starts right after it. $1 = port, $2 = token.
walk_deep_cursor() {
  local port="$1" token="$2" url cursor="" page=1 body next
  DEEP_CURSOR=""; DEEP_REASON=""; AFTER_AT=""; AFTER_ID=""
  while [ "$page" -lt "$DEEP_PAGE" ]; do
    url="http://127.0.0.1:$port/api/v1/videos?limit=10"
    [ -n "$cursor" ] && url="$url&cursor=$cursor"
    body=$(curl -sS --max-time 60 -H "Authorization: Bearer $token" "$url") || { DEEP_REASON="feed request failed"; return 0; }
    next=$(jq -r '.data.nextCursor // empty' <<<"$body" 2>/dev/null || true)
    if [ -z "$next" ]; then
      if jq -e '.data | has("nextCursor")' <<<"$body" >/dev/null 2>&1; then
        DEEP_REASON="the feed ended before page $DEEP_PAGE"
      else
        DEEP_REASON="no nextCursor in the feed's answer (keyset paging not on this build)"
      fi
      return 0
    fi
    cursor=$(jq -rn --arg c "$next" '$c | @uri')
    page=$((page + 1))
  done
  DEEP_CURSOR="$cursor"
  local row
  row=$(psql_value "SELECT created_at || '|' || id FROM videos WHERE is_published OR owner_id = '$ME'
    ORDER BY created_at DESC, id DESC OFFSET $(( (DEEP_PAGE - 1) * 10 - 1 )) LIMIT 1")
  AFTER_AT="${row%%|*}"; AFTER_ID="${row##*|}"
  local first expected
  first=$(curl -sS --max-time 60 -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/videos?limit=10&cursor=$DEEP_CURSOR" | jq -r '.data.docs[0]._id // empty')
  expected=$(psql_value "SELECT id FROM videos WHERE is_published OR owner_id = '$ME'
    ORDER BY created_at DESC, id DESC OFFSET $(( (DEEP_PAGE - 1) * 10 )) LIMIT 1")
  [ "$first" = "$expected" ] || log "warning: the API's page $DEEP_PAGE starts with $first, SQL's with $expected"
  log "feed page $DEEP_PAGE reached by nextCursor (after $AFTER_AT, $AFTER_ID)"
}

# The server log that `log_statement = 'all'` writes to: PG_LOG, else the collector's current file, else the file
# scripts/local-postgres.sh starts the server with. Prints nothing when none is readable.
find_server_log() {
  local file
  if [ -n "${PG_LOG:-}" ]; then file="$PG_LOG"
  elif [ "$(psql_value "SHOW logging_collector")" = on ]; then
    file=$(psql_value "SELECT pg_current_logfile('stderr')")
    [ -n "$file" ] && [ "${file:0:1}" != / ] && file="$(psql_value "SHOW data_directory")/$file"
  else
    file="/tmp/videotube-pg-${PGPORT:-5432}/server.log"
  fi
  [ -n "$file" ] && [ -r "$file" ] && echo "$file"
  return 0
}

# Statement logging for the API's new connections only (ALTER DATABASE ... SET applies at connection start); needs a
# superuser. capture_logging off undoes it, also from the EXIT trap.
capture_logging() {
  if [ "$1" = on ]; then
    psql_value "ALTER DATABASE \"$PGDATABASE\" SET log_statement = 'all'" >/dev/null
  else
    psql_value "ALTER DATABASE \"$PGDATABASE\" RESET log_statement" >/dev/null 2>&1 || true
  fi
}

# Calls a route twice and turns the statements the server logged for the second call (steady state: caches warm)
# into a pgbench script. $1 = route, $2 = method, $3 = URL, $4 = token or "", $5 = output folder; writes
# $5/NAME.sql and $5/NAME.vars (pgbench -D lines) and logs how many statements it kept.
capture_route_sql() {
  local name="$1" method="$2" url="$3" token="$4" dir="$5" before after code kept
  local -a args=(-s -o /dev/null -w '%{http_code}' --max-time 60 -X "$method")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ "$method" = POST ] && args+=(-H 'Content-Type: application/json' -d "$LOGIN_BODY")
  curl "${args[@]}" "$url" >/dev/null || true
  sleep 0.3
  before=$(stat -c %s "$SERVER_LOG")
  code=$(curl "${args[@]}" "$url") || code=000
  sleep 0.5
  after=$(stat -c %s "$SERVER_LOG")
  kept=$(python3 "$BENCH_DIR/sql-from-log.py" "$SERVER_LOG" "$before" "$after" "$dir/$name.sql" "$dir/$name.vars" \
    "$ME,${POPULAR_ID:-},$VIDEO_ID")
  sed -i "1a -- $method ${url#http://127.0.0.1:*/} -> HTTP $code, $kept statement(s)" "$dir/$name.sql"
  log "$name: HTTP $code, captured $kept statement(s) -> $dir/$name.sql"
  [ "${code:0:1}" = 2 ] && [ "$kept" -gt 0 ] || rm -f "$dir/$name.sql" "$dir/$name.vars"
}
