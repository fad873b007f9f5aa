#!/usr/bin/env bash
# Captures the SQL that EF Core sends for each benchmarked route: starts the API with EF Core's command log at
# Information, calls every route once and writes each route's statements to $OUT/captured-sql/<route>.sql.
# Turning them into bench/sql/*.sql is described in bench/README.md.
#
#   bench/capture-sql.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
# Settings: PORT=5082, BENCH_USER, BENCH_PASSWORD, POPULAR, QUERY, DEEP_PAGE, OUT as for bench/run.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,7p' "$@"
PORT="${PORT:-5082}"; BENCH_USER="${BENCH_USER:-user000002}"; BENCH_PASSWORD="${BENCH_PASSWORD:-password123}"
QUERY="${QUERY:-guitar}"; DEEP_PAGE="${DEEP_PAGE:-500}"; OUT="${OUT:-$BENCH_DIR/out}/captured-sql"
ensure_apt_package jq jq
pg_env_from_connection "$CONNECTION"
read_bench_data

build_api
trap finish EXIT
trap 'exit 130' INT TERM
start_api "$PORT" "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information"
BASE="http://127.0.0.1:$PORT"
TOKEN=$(login_token "$BENCH_USER" "$BENCH_PASSWORD" "$PORT")
mkdir -p "$OUT"

# Keeps the "Executed DbCommand" entries of a Serilog console log: the header line becomes a comment, the SQL follows
# until the next log line.
extract_commands() {
  awk '
    function close_sql() { if (in_sql) print (last ~ /;[[:space:]]*$/ ? "" : ";\n"); in_sql = 0 }
    /^\[[0-9][0-9]:[0-9][0-9]:[0-9][0-9] [A-Z][A-Z][A-Z]\]/ {
      close_sql()
      if ($0 ~ /Executed DbCommand/) { sub(/^.*Executed DbCommand/, "-- Executed DbCommand"); print; in_sql = 1 }
      next
    }
    in_sql { print; if ($0 ~ /[^[:space:]]/) last = $0 }
    END { close_sql() }'
}

capture_route() {
  local name="$1" method="$2" path="$3" auth="$4" sql="$5" before code
  before=$(wc -l <"$API_LOG")
  local -a args=(-s -o /dev/null -w '%{http_code}' --max-time 30 -X "$method")
  [ "$auth" = auth ] && args+=(-H "Authorization: Bearer $TOKEN")
  [ "$method" = POST ] && args+=(-H 'Content-Type: application/json'
    -d "{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\"}")
  code=$(curl "${args[@]}" "$BASE$path") || code=000
  sleep 0.5
  {
    echo "-- $method $path -> HTTP $code (compare with bench/sql/$sql)"
    tail -n +"$((before + 1))" "$API_LOG" | extract_commands
  } >"$OUT/$name.sql"
  log "$name: HTTP $code, $(grep -c '^-- Executed DbCommand' "$OUT/$name.sql") statement(s) -> $OUT/$name.sql"
}

for_each_route capture_route
