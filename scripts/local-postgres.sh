#!/usr/bin/env bash
# Starts or stops a PostgreSQL built from this machine's own binaries (no Docker needed).
#   scripts/local-postgres.sh start   -> starts a server on a new data directory and prints the connection string;
#                                        with VIDEOTUBE_PG_KEEP=1 an existing data directory is reused instead, and the
#                                        server runs with full durability (run-local.sh keeps its data this way)
#   scripts/local-postgres.sh stop    -> stops that server and deletes its data directory (throwaway test servers)
#   scripts/local-postgres.sh pause   -> stops that server but keeps its data (run-local.sh, outage drills)
#   scripts/local-postgres.sh resume  -> starts a paused server again
#   scripts/local-postgres.sh freeze  -> SIGSTOPs the postmaster and all its processes (a stalled, not a dead, server)
#   scripts/local-postgres.sh thaw    -> SIGCONTs them again
# Environment: VIDEOTUBE_PG_PORT (default 55432), VIDEOTUBE_PG_DIR (default /tmp/videotube-pg-$PORT).
# It never attaches to a server it did not start: start refuses a port that is already taken, and stop/pause only
# ever address the server of VIDEOTUBE_PG_DIR (pg_ctl -D), so another PostgreSQL on the machine is never touched.
# Installs Debian's postgresql package when initdb is missing (needs root, as on CI).
set -euo pipefail

PORT="${VIDEOTUBE_PG_PORT:-55432}"
DIR="${VIDEOTUBE_PG_DIR:-/tmp/videotube-pg-$PORT}"
DATA="$DIR/data"

log() { echo "[local-postgres] $*" >&2; }

find_bin() {
  local name="$1" candidate
  if candidate=$(command -v "$name" 2>/dev/null); then echo "$candidate"; return 0; fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/$name" ]; then echo "$candidate/$name"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if find_bin initdb >/dev/null && find_bin pg_ctl >/dev/null; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    log "initdb not found and not root: install PostgreSQL (apt-get install -y postgresql) and retry"; exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
}

# As root, PostgreSQL refuses to run; use the postgres system user (created by the package).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$DIR" --shell /bin/false postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  # Whatever answers there (another checkout's server, a system PostgreSQL, a server left running by an earlier
  # run) was not started by this call; attaching to it, and stopping it on exit, is what this refusal prevents.
  if port_in_use "$PORT"; then
    log "port $PORT is already in use by a server this script did not start in this run."
    log "Choose another port (VIDEOTUBE_PG_PORT=...), or stop that server yourself; if it is one this script left"
    log "running, 'VIDEOTUBE_PG_PORT=$PORT VIDEOTUBE_PG_DIR=$DIR $0 pause' stops it and keeps its data."
    exit 1
  fi
  ensure_installed
  local initdb
  initdb=$(find_bin initdb)
  if [ "${VIDEOTUBE_PG_KEEP:-0}" = 1 ] && [ -f "$DATA/PG_VERSION" ]; then
    run_server
    log "started on 127.0.0.1:$PORT with the existing data in $DATA"
  else
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
    as_owner "$initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    run_server
    log "started on 127.0.0.1:$PORT (new data in $DATA)"
  fi
  echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres;Database=postgres"
}

is_running() {
  local pg_ctl
  pg_ctl=$(find_bin pg_ctl) && [ -f "$DATA/postmaster.pid" ] && as_owner "$pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

run_server() {
  # Durability is irrelevant for a throwaway test server; turning it off makes the suite much faster. A kept data
  # directory (VIDEOTUBE_PG_KEEP=1) must survive a crash, so it keeps PostgreSQL's defaults.
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${VIDEOTUBE_PG_KEEP:-0}" = 1 ] && speed=""
  as_owner "$(find_bin pg_ctl)" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 $speed -c max_connections=300" \
    start >&2 || { cat "$DIR/server.log" >&2; exit 1; }
}

pause() {
  if is_running; then
    as_owner "$(find_bin pg_ctl)" -D "$DATA" -m fast -w stop >&2
    log "stopped (data kept in $DATA)"
  else
    log "not running (data in $DATA)"
  fi
}

resume() {
  run_server
  log "resumed on 127.0.0.1:$PORT"
}

# The postmaster first, so it forks nothing new while its children are stopped; thawed in the reverse order.
server_pids() {
  local postmaster
  postmaster=$(head -1 "$DATA/postmaster.pid" 2>/dev/null) || { log "no server running in $DATA"; exit 1; }
  echo "$postmaster" $(pgrep -P "$postmaster" || true)
}

freeze() {
  # shellcheck disable=SC2046
  kill -STOP $(server_pids)
  log "frozen (SIGSTOP)"
}

thaw() {
  # shellcheck disable=SC2046
  kill -CONT $(server_pids | tr ' ' '\n' | tac)
  log "thawed (SIGCONT)"
}

stop() {
  if is_running; then
    as_owner "$(find_bin pg_ctl)" -D "$DATA" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR"
  log "stopped (data deleted)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  pause) pause ;;
  resume) resume ;;
  freeze) freeze ;;
  thaw) thaw ;;
  *) echo "usage: $0 start|stop|pause|resume|freeze|thaw" >&2; exit 2 ;;
esac
