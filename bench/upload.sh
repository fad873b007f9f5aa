#!/usr/bin/env bash
# Streams one large video upload through each upload route (multipart POST /api/v1/videos, then tus
# /api/v1/uploads) and reports the time and how much the API's resident memory grew during each: a streaming upload
# path should stay flat however big the file is. See bench/README.md.
#
#   bench/upload.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
#
# Settings (environment):
#   SIZE_MIB=1024      size of the generated video file                  FILL=sparse (zeros, instant) or random
#   PORT=5081          API port on 127.0.0.1                             SKIP_BUILD=1 reuses the Release build
#   BENCH_USER=user000002  BENCH_PASSWORD=password123                    UPLOAD_TIMEOUT=900 seconds
#   ROUTES=multipart,tus   which uploads to run, in this order           CHUNK_MIB=0: tus in one PATCH, else PATCHes of N MiB
# The uploaded media lands in a temporary directory that is deleted on exit, and the video row is deleted again.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,14p' "$@"
SIZE_MIB="${SIZE_MIB:-1024}"; FILL="${FILL:-sparse}"; PORT="${PORT:-5081}"; UPLOAD_TIMEOUT="${UPLOAD_TIMEOUT:-900}"
BENCH_USER="${BENCH_USER:-user000002}"; BENCH_PASSWORD="${BENCH_PASSWORD:-password123}"
ROUTES="${ROUTES:-multipart,tus}"; CHUNK_MIB="${CHUNK_MIB:-0}"
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

# Each upload_<route> function sends $VIDEO and prints "<http code> <bytes sent> <seconds>" and the created video's id
# on a second line.
upload_multipart() {
  local out
  out=$(curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$WORK/response.json" -w '%{http_code} %{size_upload} %{time_total}' \
    -H "Authorization: Bearer $TOKEN" \
    -F "videoFile=@$VIDEO;type=video/mp4;filename=benchmark.mp4" \
    -F "thumbnail=@$THUMB;type=image/png;filename=thumbnail.png" \
    -F "title=Upload benchmark" -F "description=A ${SIZE_MIB} MiB upload from bench/upload.sh" \
    "$BASE/api/v1/videos") || out="000 0 0"
  echo "$out"
  jq -r '.data._id // empty' "$WORK/response.json" 2>/dev/null || true
}

# tus_patch LOCATION OFFSET FILE|-: one PATCH; prints the HTTP status, leaves the headers in $WORK/tus-headers.
tus_patch() {
  curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$WORK/response.json" -D "$WORK/tus-headers" -w '%{http_code}' -X PATCH \
    -T "$3" -H "Authorization: Bearer $TOKEN" -H "Tus-Resumable: 1.0.0" -H "Upload-Offset: $2" \
    -H "Content-Type: application/offset+octet-stream" -H "Expect:" "$BASE$1"
}

# tus: create, then PATCH the file (curl -T streams it from disk) in one request or in CHUNK_MIB pieces.
upload_tus() {
  local size start code location offset=0 chunk sent=0 headers="$WORK/tus-headers"
  size=$(stat -c %s "$VIDEO")
  b64() { printf '%s' "$1" | base64 -w0; }
  start=$(date +%s.%N)
  code=$(curl -sS --max-time 60 -o "$WORK/response.json" -D "$headers" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $TOKEN" -H "Tus-Resumable: 1.0.0" -H "Upload-Length: $size" \
    -H "Upload-Metadata: filename $(b64 benchmark.mp4),filetype $(b64 video/mp4),title $(b64 'Upload benchmark'),description $(b64 "A ${SIZE_MIB} MiB tus upload from bench/upload.sh")" \
    "$BASE/api/v1/uploads") || code=000
  location=$(tr -d '\r' <"$headers" | awk -F': ' 'tolower($1) == "location" { print $2 }')
  if [ "$code" != 201 ] || [ -z "$location" ]; then echo "$code 0 0"; echo; return; fi
  chunk=$((CHUNK_MIB > 0 ? CHUNK_MIB * 1024 * 1024 : size))
  while [ "$offset" -lt "$size" ]; do
    local length=$((size - offset < chunk ? size - offset : chunk))
    # The whole file goes from disk with its Content-Length; a piece is piped (chunked transfer encoding).
    if [ "$length" -eq "$size" ]; then
      code=$(tus_patch "$location" "$offset" "$VIDEO") || code=000
    else
      # Offsets stay whole MiB while every PATCH succeeds, so dd can seek by blocks.
      code=$(dd if="$VIDEO" bs=1048576 skip=$((offset / 1048576)) count="$CHUNK_MIB" iflag=fullblock status=none \
        | tus_patch "$location" "$offset" -) || code=000
    fi
    [ "$code" = 204 ] || break
    offset=$(tr -d '\r' <"$headers" | awk -F': ' 'tolower($1) == "upload-offset" { print $2 }')
    sent=$offset
  done
  echo "$code $sent $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')"
  tr -d '\r' <"$headers" | awk -F': ' 'tolower($1) == "x-video-id" { print $2 }'
}

REPORT_ROWS=""
FAILED=""
IFS=',' read -r -a ROUTE_LIST <<<"$ROUTES"
for route in "${ROUTE_LIST[@]}"; do
  wait_api_idle 2>/dev/null || sleep 2
  RSS_BEFORE=$(proc_kb VmRSS)
  # Peak since here only; the sampler is a fallback for kernels that refuse the reset.
  reset_peak_rss || log "cannot reset VmHWM; relying on sampling"
  rm -f "$WORK/sampled_peak"
  (
    max=0
    while kill -0 "$API_PID" 2>/dev/null; do
      rss=$(proc_kb VmRSS); [ "${rss:-0}" -gt "$max" ] && { max=$rss; echo "$max" >"$WORK/sampled_peak"; }
      sleep 0.2
    done
  ) &
  SAMPLER_PID=$!

  log "uploading ${SIZE_MIB} MiB through $route"
  { read -r CODE SENT ELAPSED; read -r VIDEO_ID || true; } < <("upload_$route")
  sleep 0.5
  kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
  HWM_AFTER=$(proc_kb VmHWM)
  SAMPLED=$(cat "$WORK/sampled_peak" 2>/dev/null || echo 0)
  PEAK=$((HWM_AFTER > SAMPLED ? HWM_AFTER : SAMPLED))
  STORED=$(du -sk "$API_MEDIA_DIR" | awk '{ print $1 }')
  SPEED=$(awk -v b="$SENT" -v s="$ELAPSED" 'BEGIN { if (s > 0) printf "%.0f", b / 1048576 / s; else print 0 }')
  MESSAGE=$(jq -r '.message // empty' "$WORK/response.json" 2>/dev/null || true)
  REPORT_ROWS+="| $route | HTTP $CODE${MESSAGE:+ ($MESSAGE)} | $(mib $((SENT / 1024))) MiB in ${ELAPSED}s ($SPEED MiB/s) | $(mib "$RSS_BEFORE") MiB | $(mib "$PEAK") MiB (VmHWM $(mib "$HWM_AFTER"), sampled $(mib "$SAMPLED")) | **$(mib $((PEAK - RSS_BEFORE))) MiB** | $(mib "$STORED") MiB |"$'\n'
  [ "${CODE:0:1}" = 2 ] || FAILED+=" $route($CODE)"
  if [ -n "$VIDEO_ID" ]; then
    curl -s -o /dev/null --max-time 30 -X DELETE -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/videos/$VIDEO_ID" || true
  fi
done

cat <<REPORT
## VideoTube upload benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

${SIZE_MIB} MiB MP4 ($FILL)$([ "$CHUNK_MIB" -gt 0 ] && echo ", tus in ${CHUNK_MIB} MiB PATCHes" || echo ", tus in one PATCH").

| route | response | sent | API RSS before | API peak RSS | peak growth | media stored after |
|---|---|---|---|---|---|---|
${REPORT_ROWS}
REPORT

[ -z "$FAILED" ] || die "upload failed:$FAILED"
