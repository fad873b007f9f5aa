#!/usr/bin/env bash
# Runs every test. Integration tests need PostgreSQL: VIDEOTUBE_TEST_CONNECTION when set, else Testcontainers when a
# Docker daemon answers, else a throwaway local server started (and stopped) by this script. Then the generated-client
# and README-walkthrough stage (scripts/client-tests.sh) runs against the built API, and the compose file is checked
# when Docker is there.
set -euo pipefail
cd "$(dirname "$0")/.."
# Not run-local.sh's 55432, so the suite can run beside a developer's local API.
export VIDEOTUBE_PG_PORT="${VIDEOTUBE_PG_PORT:-55433}"

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }

scripts/install-test-tools.sh

if [ -z "${VIDEOTUBE_TEST_CONNECTION:-}" ] && ! (command -v docker >/dev/null && docker info >/dev/null 2>&1); then
  VIDEOTUBE_TEST_CONNECTION=$(scripts/local-postgres.sh start)
  export VIDEOTUBE_TEST_CONNECTION
  trap 'scripts/local-postgres.sh stop' EXIT
fi

dotnet tool restore >/dev/null
dotnet build VideoTube.sln -c Release
dotnet test VideoTube.sln -c Release --no-build --logger "trx;LogFilePrefix=results" --results-directory TestResults "$@" && status=0 || status=$?

if [ -z "${VIDEOTUBE_TEST_CONNECTION:-}" ]; then
  # Testcontainers served the suites above; the client stage needs a server it can reach by address.
  VIDEOTUBE_TEST_CONNECTION=$(scripts/local-postgres.sh start)
  export VIDEOTUBE_TEST_CONNECTION
  trap 'scripts/local-postgres.sh stop' EXIT
fi
scripts/client-tests.sh --logger "trx;LogFilePrefix=client" --results-directory TestResults || status=1

if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  # The key only has to exist for the file to resolve; compose refuses to start without a real one.
  JWT_SIGNING_KEY=compose-config-check-only-0123456789abcdef docker compose config -q && echo "docker compose config: ok" \
    || { echo "docker compose config failed" >&2; status=1; }
else
  echo "docker compose config: skipped (no Docker daemon here)"
fi

# One plain closing line for tools that read it.
passed=0; failed=0; skipped=0
for f in TestResults/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f1=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f1:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf TestResults
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
