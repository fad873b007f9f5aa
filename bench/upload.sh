#!/usr/bin/env bash
# Streams one large video upload (multipart POST /api/v1/videos) and reports how much the API's resident memory grew:
# a streaming upload path should stay flat however big the file is. See bench/README.md.
#
#   bench/upload.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
#
# Settings (environment):
#   SIZE_MIB=1024      size of the generated video file                  FILL=sparse (zeros, instant) or random
#   PORT=5081          API port on 127.0.0.1                             SKIP_BUILD=1 reuses the Release build
#   BENCH_USER=user000002  BENCH_PASSWORD=password123                    UPLOAD_TIMEOUT=900 seconds
# The uploaded media lands in a temporary directory that is deleted on exit, and the video row is deleted again.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,12p' "$@"
SIZE_MIB="${SIZE_MIB:-1024}"; FILL="${FILL:-sparse}"; PORT="${PORT:-5081}"; UPLOAD_TIMEOUT="${UPLOAD_TIMEOUT:-900}"
BENCH_USER="${BENCH_USER:-user000002}"; BENCH_PASSWORD="${BENCH_PASSWORD:-password123}"
ensure_apt_package jq jq
pg_env_from_connection "$CONNECTION"

with_work_dir upload

# Room for the source file (unless sparse), the stored copy and a possible temporary copy of the form.
needed_kb=$((SIZE_MIB * 1024 * 3))
free_kb=$(df -Pk /tmp | awk 'NR == 2 { print $4 }')
[ "$free_kb" -gt "$needed_kb" ] || die "need $((needed_kb / 1024)) MiB free in /tmp, have $((free_kb / 1024)) MiB"

# bytes HEX: writes the bytes spelled by a hex string.
bytes() {
  local hex="$1" escaped=""
  while [ -n "$hex" ]; do escaped+="\\x${hex:0:2}"; hex="${hex:2}"; done
  printf '%b' "$escaped"
}

# A structurally valid MP4 skeleton: ftyp, a moov holding an mvhd (timescale 1000, duration 600 s), then one mdat box
# spanning the rest, so both magic-byte checks and box walkers that read the duration accept it.
make_video() {
  local file="$1" size=$(($2 * 1024 * 1024)) header=156
  {
    bytes "00000020""66747970""69736f6d""00000200""69736f6d""69736f32""61766331""6d703431"  # ftyp isom; isom iso2 avc1 mp41
    bytes "00000074""6d6f6f76"                          # moov, 116 bytes
    bytes "0000006c""6d766864""00000000"                # mvhd, 108 bytes, version 0
    bytes "00000000""00000000""000003e8""000927c0"      # created, modified, timescale 1000, duration 600000
    bytes "00010000""0100""00000000000000000000"        # rate 1.0, volume 1.0, reserved
    bytes "00010000""00000000""00000000""00000000""00010000""00000000""00000000""00000000""40000000"  # matrix
    bytes "000000000000000000000000000000000000000000000000""00000002"  # pre_defined, next_track_ID
    bytes "$(printf '%08x' $((size - 32 - 116)))""6d646174"  # mdat: the rest of the file
  } >"$file"
  [ "$(stat -c %s "$file")" -eq "$header" ] || die "MP4 header is $(stat -c %s "$file") bytes, expected $header"
  if [ "$FILL" = random ]; then
    head -c $((size - header)) /dev/urandom >>"$file"
  else
    truncate -s "$size" "$file"
  fi
}

VIDEO="$WORK/upload.mp4"
THUMB="$WORK/thumbnail.png"
log "generating a ${SIZE_MIB} MiB MP4 ($FILL)"
make_video "$VIDEO" "$SIZE_MIB"
base64 -d >"$THUMB" <<<'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

build_api
start_api "$PORT"
BASE="http://127.0.0.1:$PORT"
TOKEN=$(login_token "$BENCH_USER" "$BENCH_PASSWORD" "$PORT")

RSS_BEFORE=$(proc_kb VmRSS)
HWM_BEFORE=$(proc_kb VmHWM)
# Peak since here only; the sampler is a fallback for kernels that refuse the reset.
reset_peak_rss || log "cannot reset VmHWM; relying on sampling"
(
  max=0
  while kill -0 "$API_PID" 2>/dev/null; do
    rss=$(proc_kb VmRSS); [ "${rss:-0}" -gt "$max" ] && { max=$rss; echo "$max" >"$WORK/sampled_peak"; }
    sleep 0.2
  done
) &
SAMPLER_PID=$!

log "uploading to POST /api/v1/videos"
STATUS=$(curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$WORK/response.json" \
  -w '%{http_code} %{size_upload} %{time_total} %{speed_upload}' \
  -H "Authorization: Bearer $TOKEN" \
  -F "videoFile=@$VIDEO;type=video/mp4;filename=benchmark.mp4" \
  -F "thumbnail=@$THUMB;type=image/png;filename=thumbnail.png" \
  -F "title=Upload benchmark" -F "description=A ${SIZE_MIB} MiB upload from bench/upload.sh" \
  "$BASE/api/v1/videos") || STATUS="000 0 0 0"
read -r CODE SENT ELAPSED SPEED <<<"$STATUS"
sleep 0.5
HWM_AFTER=$(proc_kb VmHWM)
SAMPLED=$(cat "$WORK/sampled_peak" 2>/dev/null || echo 0)
PEAK=$((HWM_AFTER > SAMPLED ? HWM_AFTER : SAMPLED))
STORED=$(du -sk "$API_MEDIA_DIR" | awk '{ print $1 }')

MESSAGE=$(jq -r '.message // empty' "$WORK/response.json" 2>/dev/null || head -c 200 "$WORK/response.json")
VIDEO_ID=$(jq -r '.data._id // empty' "$WORK/response.json" 2>/dev/null || true)
if [ -n "$VIDEO_ID" ]; then
  curl -s -o /dev/null --max-time 30 -X DELETE -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/videos/$VIDEO_ID" || true
fi

cat <<REPORT
## VideoTube upload benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

| measure | value |
|---|---|
| file | ${SIZE_MIB} MiB MP4 ($FILL), sent $(mib $((SENT / 1024))) MiB in ${ELAPSED}s ($(mib $((${SPEED%.*} / 1024))) MiB/s) |
| response | HTTP $CODE ${MESSAGE:+"$MESSAGE"} |
| API RSS before upload | $(mib "$RSS_BEFORE") MiB (VmHWM so far $(mib "$HWM_BEFORE") MiB) |
| API peak RSS during upload | $(mib "$PEAK") MiB (VmHWM $(mib "$HWM_AFTER") MiB, sampled $(mib "$SAMPLED") MiB) |
| peak RSS growth | $(mib $((PEAK - RSS_BEFORE))) MiB |
| media stored | $(mib "$STORED") MiB |
REPORT

if [ "${CODE:0:1}" = 2 ]; then exit 0; fi
if [ "$CODE" = 404 ] && [ "$MESSAGE" = "Route not found" ]; then
  log "POST /api/v1/videos is not implemented on this build; the figures above only show the request being refused"
  exit 0
fi
die "upload failed with HTTP $CODE"
