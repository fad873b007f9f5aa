#!/usr/bin/env bash
# Proves the OpenAPI document with a third-party generator, and the README's walkthrough with curl, against the built
# API running as in production (Production environment, JSON logs) on real PostgreSQL:
#   1. starts src/WebApi's Release build on 127.0.0.1:$VIDEOTUBE_API_PORT over a fresh database on the server named
#      by VIDEOTUBE_TEST_CONNECTION (scripts/test.sh provides one);
#   2. fails if that clean first start logged an error;
#   3. exports /openapi/v1.json and generates a C# client with Kiota (pinned in .config/dotnet-tools.json) into
#      tests/ClientTests/Generated (not in git: always generated from the current document);
#   4. runs tests/ClientTests: the generated client's journey and the README walkthrough.
# Extra arguments go to dotnet test. Expects `dotnet build VideoTube.sln -c Release` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${VIDEOTUBE_TEST_CONNECTION:?needs a PostgreSQL server connection string (scripts/test.sh sets one)}"
port="${VIDEOTUBE_API_PORT:-55480}"
api="http://127.0.0.1:$port"
work=$(mktemp -d)
database="videotube_client_$(date +%s)_$$"
log="$work/api.log"

log() { echo "[client-tests] $*" >&2; }

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  log "port $port is already in use; set VIDEOTUBE_API_PORT to a free port"; exit 1
fi

api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  if command -v psql >/dev/null; then
    psql "$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=[^ ]*//' <<<"$VIDEOTUBE_TEST_CONNECTION") dbname=postgres" \
      -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

connection="$(sed -E 's/(^|;)Database=[^;]*//' <<<"$VIDEOTUBE_TEST_CONNECTION");Database=$database"
(
  cd src/WebApi/bin/Release/net10.0
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__VideoTube="$connection" \
  Database__MigrateOnStartup=true \
  Jwt__SigningKey="client-tests-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  Storage__Local__RootPath="$work/media" \
  AuthCookies__Secure=false \
  OpenApi__Enabled=true \
  Logs__Format=Json \
  exec dotnet VideoTube.WebApi.dll --urls "$api"
) >"$log" 2>&1 &
api_pid=$!

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$api/health/ready" 2>/dev/null; then break; fi
  if ! kill -0 "$api_pid" 2>/dev/null; then log "the API exited during start-up:"; cat "$log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS -o /dev/null "$api/health/ready" || { log "the API did not become ready:"; tail -50 "$log" >&2; exit 1; }

# A clean first start (new database, migrations applied) must not log an error.
if grep -q '"@l":"\(Error\|Fatal\)"' "$log"; then
  log "the first start logged an error:"; grep '"@l":"\(Error\|Fatal\)"' "$log" >&2; exit 1
fi

curl -fsS "$api/openapi/v1.json" -o "$work/openapi.json"
dotnet tool restore >/dev/null
rm -rf tests/ClientTests/Generated
dotnet kiota generate --language CSharp --openapi "$work/openapi.json" --output tests/ClientTests/Generated \
  --namespace-name VideoTube.ClientTests.Client --class-name VideoTubeClient --exclude-backward-compatible \
  --clean-output --log-level Error >&2  # Error: its update check (it cannot reach GitHub here) only warns
dotnet build tests/ClientTests -c Release
VIDEOTUBE_API_URL="$api" dotnet test tests/ClientTests -c Release --no-build "$@" && status=0 || status=$?

# Every request's log line carries its trace id ("@tr" in the compact JSON format).
if grep '"RequestPath"' "$log" | grep -qv '"@tr"'; then
  log "a request was logged without its trace id:"; grep '"RequestPath"' "$log" | grep -v '"@tr"' | head -3 >&2; status=1
fi
exit "$status"
