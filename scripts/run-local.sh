#!/usr/bin/env bash
# Runs the API without Docker: a PostgreSQL from this machine's binaries, migrations applied at start-up, the API on
# http://127.0.0.1:8000 (override with --urls or ASPNETCORE_URLS). The database and the uploaded media live under
# .data/ in this checkout and survive restarts; delete that folder to start afresh. Ctrl+C stops the API and the
# PostgreSQL this script started, nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

export VIDEOTUBE_PG_PORT="${VIDEOTUBE_PG_PORT:-55432}"
export VIDEOTUBE_PG_DIR="${VIDEOTUBE_PG_DIR:-$PWD/.data/postgres}"
export VIDEOTUBE_PG_KEEP=1
media="${VIDEOTUBE_MEDIA_DIR:-$PWD/.data/media}"

urls="${ASPNETCORE_URLS:-http://127.0.0.1:8000}"
args=("$@")
for i in "${!args[@]}"; do
  if [ "${args[$i]}" = "--urls" ]; then urls="${args[$((i + 1))]:-$urls}"; fi
done
api_port=$(sed -E 's#.*:([0-9]+)/?$#\1#' <<<"${urls%%;*}")
if [[ "$api_port" =~ ^[0-9]+$ ]] && (exec 3<>"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null; then
  echo "[run-local] port $api_port is already in use by a process this script did not start." >&2
  echo "[run-local] Stop it, or choose another address: scripts/run-local.sh --urls http://127.0.0.1:8001" >&2
  exit 1
fi

mkdir -p "$(dirname "$VIDEOTUBE_PG_DIR")" "$media"
scripts/local-postgres.sh start >/dev/null   # refuses (and exits) if the port belongs to someone else
# Only reached when the server above is ours; the trap stops it and keeps its data.
trap 'scripts/local-postgres.sh pause' EXIT

# The API creates the database on first start (Database:MigrateOnStartup) and applies new migrations later.
export ConnectionStrings__VideoTube="Host=127.0.0.1;Port=$VIDEOTUBE_PG_PORT;Database=videotube;Username=postgres;Password=postgres"
export Database__MigrateOnStartup=true
export Storage__Local__RootPath="$media"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
echo "[run-local] data in $PWD/.data (database on port $VIDEOTUBE_PG_PORT, media in $media)" >&2
dotnet run --project src/WebApi --urls "$urls" "$@"
