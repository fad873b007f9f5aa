#!/usr/bin/env bash
# Runs the API without Docker: a throwaway PostgreSQL from this machine's binaries, migrations applied at start-up,
# the API on http://127.0.0.1:8000 (override with --urls or ASPNETCORE_URLS). Ctrl+C stops both; the data is discarded.
set -euo pipefail
cd "$(dirname "$0")/.."

export VIDEOTUBE_PG_PORT="${VIDEOTUBE_PG_PORT:-55432}"
server=$(scripts/local-postgres.sh start)
trap 'scripts/local-postgres.sh stop' EXIT
psql "$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/' <<<"$server")" \
  -qc "CREATE DATABASE videotube" 2>/dev/null || true

export ConnectionStrings__VideoTube="Host=127.0.0.1;Port=$VIDEOTUBE_PG_PORT;Database=videotube;Username=postgres;Password=postgres"
export Database__MigrateOnStartup=true
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
urls="${ASPNETCORE_URLS:-http://127.0.0.1:8000}"
dotnet run --project src/WebApi --urls "$urls" "$@"
