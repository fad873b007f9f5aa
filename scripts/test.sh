#!/usr/bin/env bash
# Runs every test. Integration tests need PostgreSQL: VIDEOTUBE_TEST_CONNECTION when set, else Testcontainers when a
# Docker daemon answers, else a throwaway local server started (and stopped) by this script.
set -euo pipefail
cd "$(dirname "$0")/.."

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

# One plain closing line for tools that read it.
passed=0; failed=0; skipped=0
for f in TestResults/results*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f1=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f1:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf TestResults
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
