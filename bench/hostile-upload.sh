#!/usr/bin/env bash
# Sends PARALLEL hostile multipart uploads at once (each FIELDS distinct text fields of FIELD_KIB KiB, no file) to
# POST /api/v1/videos on a Release build in Production mode, and reports how much the API's resident memory grew.
# Issue 10, item 5: before the form caps, 8 such requests took the API from 1.8 to 4.3 GiB; the target is < 50 MB.
#
#   bench/hostile-upload.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
#
# Settings (environment):
#   PARALLEL=8  FIELDS=4000  FIELD_KIB=64     the attack                    PORT=5082 API port on 127.0.0.1
#   SKIP_BUILD=1 reuses the Release build     ROUNDS=3 repeats of the burst (the peak over all rounds is reported)
#   MIGRATE=1 lets the API migrate an empty database at start-up
# A throwaway user is registered for the run.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,12p' "$@"
PARALLEL="${PARALLEL:-8}"; FIELDS="${FIELDS:-4000}"; FIELD_KIB="${FIELD_KIB:-64}"; PORT="${PORT:-5082}"; ROUNDS="${ROUNDS:-3}"
ensure_apt_package jq jq
command -v python3 >/dev/null || ensure_apt_package python3 python3

with_work_dir hostile

BOUNDARY="hostile$(date +%s)"
log "building a body of $FIELDS fields x $FIELD_KIB KiB"
python3 - "$WORK/body" "$BOUNDARY" "$FIELDS" "$FIELD_KIB" <<'PY'
import sys
path, boundary, fields, kib = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
value = b"a" * (kib * 1024)
with open(path, "wb") as body:
    for i in range(fields):
        body.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"field{i}\"\r\n\r\n".encode())
        body.write(value)
        body.write(b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
PY
base64 -d >"$WORK/avatar.png" <<<'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

build_api
start_api "$PORT" Database__MigrateOnStartup="$([ "${MIGRATE:-0}" = 1 ] && echo true || echo false)"
BASE="http://127.0.0.1:$PORT"
USERNAME="hostile$(date +%s)"
PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
curl -sS --max-time 60 -o /dev/null -F fullName=Bench -F "email=$USERNAME@example.com" -F "username=$USERNAME" \
  -F "password=$PASSWORD" -F "avatar=@$WORK/avatar.png;type=image/png" "$BASE/api/v1/users/register" \
  || die "register failed"
TOKEN=$(login_token "$USERNAME" "$PASSWORD" "$PORT")
# Warm up the upload path once, so JIT and first-use allocations are not counted as growth.
curl -sS --max-time 120 -o /dev/null -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: multipart/form-data; boundary=$BOUNDARY" --data-binary "@$WORK/body" "$BASE/api/v1/videos" || true
sleep 2

RSS_BEFORE=$(proc_kb VmRSS)
reset_peak_rss || log "cannot reset VmHWM; relying on sampling"
(
  max=0
  while kill -0 "$API_PID" 2>/dev/null; do
    rss=$(proc_kb VmRSS); [ "${rss:-0}" -gt "$max" ] && { max=$rss; echo "$max" >"$WORK/sampled_peak"; }
    sleep 0.1
  done
) &
SAMPLER_PID=$!

CODES=""
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: $PARALLEL hostile uploads at once"
  PIDS=()
  for i in $(seq 1 "$PARALLEL"); do
    curl -sS --max-time 300 -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" \
      -H "Content-Type: multipart/form-data; boundary=$BOUNDARY" --data-binary "@$WORK/body" \
      "$BASE/api/v1/videos" >"$WORK/code.$round.$i" 2>/dev/null &
    PIDS+=("$!")
  done
  wait "${PIDS[@]}" || true
  CODES="$CODES $(cat "$WORK"/code."$round".* | sort | uniq -c | awk '{ printf "%sx%s ", $1, $2 }')"
done
sleep 1
RSS_AFTER=$(proc_kb VmRSS)
HWM_AFTER=$(proc_kb VmHWM)
SAMPLED=$(cat "$WORK/sampled_peak" 2>/dev/null || echo 0)
PEAK=$((HWM_AFTER > SAMPLED ? HWM_AFTER : SAMPLED))

cat <<REPORT
## VideoTube hostile-upload benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

| measure | value |
|---|---|
| attack | $ROUNDS rounds of $PARALLEL parallel POST /api/v1/videos, each $FIELDS fields x $FIELD_KIB KiB ($(mib $(( $(stat -c %s "$WORK/body") / 1024 ))) MiB) |
| responses | $CODES|
| API RSS before | $(mib "$RSS_BEFORE") MiB |
| API peak RSS | $(mib "$PEAK") MiB (VmHWM $(mib "$HWM_AFTER") MiB, sampled $(mib "$SAMPLED") MiB) |
| peak RSS growth | $(mib $((PEAK - RSS_BEFORE))) MiB |
| RSS after | $(mib "$RSS_AFTER") MiB |
REPORT
