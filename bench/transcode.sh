#!/usr/bin/env bash
# Transcode throughput of the processing pipeline (upload answered -> video ready: download from storage, ffprobe,
# ffmpeg HLS ladder, renditions stored, row updated) in seconds of video per wall-clock second, against the very same
# ffmpeg command run directly on the same file; plus the API's RSS growth while its worker runs the job.
#
#   bench/transcode.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
#
# Settings (environment):
#   SECONDS_OF_VIDEO=60  SIZE=1280x720   source clip (testsrc2 + a tone, H.264 + AAC)
#   THREADS=0            Ffmpeg:Threads (0 = ffmpeg's default)          PRESET=veryfast  Ffmpeg:Preset
#   PORT=8131            API port on 127.0.0.1                            SKIP_BUILD=1 reuses the Release build
#   JOB_TIMEOUT=1800     seconds to wait for the video to be ready
# The database gets migrated (the API applies migrations at start-up) and one user and video are added to it; the
# video is deleted again. Media and temp files live in temporary directories deleted on exit.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,14p' "$@"
SECONDS_OF_VIDEO="${SECONDS_OF_VIDEO:-60}"; SIZE="${SIZE:-1280x720}"; THREADS="${THREADS:-0}"; PRESET="${PRESET:-veryfast}"
PORT="${PORT:-8131}"; JOB_TIMEOUT="${JOB_TIMEOUT:-1800}"
ensure_apt_package jq jq
ensure_apt_package ffmpeg ffmpeg
pg_env_from_connection "$CONNECTION"

WORK=$(mktemp -d /tmp/videotube-transcode.XXXXXX)
SAMPLER_PID=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local status=$?
  if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  finish "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

SOURCE="$WORK/source.mp4"
log "generating a ${SECONDS_OF_VIDEO}s ${SIZE} source"
ffmpeg -v error -f lavfi -i "testsrc2=duration=$SECONDS_OF_VIDEO:size=$SIZE:rate=30" \
  -f lavfi -i "sine=frequency=440:duration=$SECONDS_OF_VIDEO" -c:v libx264 -preset veryfast -pix_fmt yuv420p \
  -c:a aac -shortest -movflags +faststart -y "$SOURCE"
base64 -d >"$WORK/avatar.png" <<<'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

build_api
start_api "$PORT" Database__MigrateOnStartup=true Jobs__WorkerEnabled=true Jobs__MaxConcurrentTranscodes=1 \
  Jobs__PollInterval=00:00:01 Jobs__TempPath="$WORK/jobs" Ffmpeg__Threads="$THREADS" Ffmpeg__Preset="$PRESET" \
  Serilog__MinimumLevel__Override__VideoTube.Infrastructure.Processing=Information
BASE="http://127.0.0.1:$PORT"
BENCH_USER="transcode$(date +%s)"
curl -sS -o /dev/null --max-time 60 -F fullName=Bench -F "email=$BENCH_USER@example.com" -F "username=$BENCH_USER" \
  -F password=password123 -F "avatar=@$WORK/avatar.png;type=image/png" "$BASE/api/v1/users/register"
TOKEN=$(login_token "$BENCH_USER" password123 "$PORT")

wait_api_idle
RSS_BEFORE=$(proc_kb VmRSS)
reset_peak_rss || log "cannot reset VmHWM; relying on sampling"
( max=0
  while kill -0 "$API_PID" 2>/dev/null; do
    rss=$(proc_kb VmRSS); [ "${rss:-0}" -gt "$max" ] && { max=$rss; echo "$max" >"$WORK/sampled_peak"; }
    sleep 0.2
  done ) &
SAMPLER_PID=$!

log "uploading and waiting for the job"
curl -sS --max-time 600 -o "$WORK/response.json" -H "Authorization: Bearer $TOKEN" \
  -F "videoFile=@$SOURCE;type=video/mp4" -F "thumbnail=@$WORK/avatar.png;type=image/png" \
  -F "title=Transcode benchmark" -F "description=bench/transcode.sh" "$BASE/api/v1/videos"
QUEUED=$(now)
VIDEO_ID=$(jq -er '.data._id' "$WORK/response.json") || die "upload failed: $(head -c 300 "$WORK/response.json")"
STATUS=processing
while [ "$STATUS" = processing ]; do
  sleep 0.2
  STATUS=$(psql_value "SELECT status FROM videos WHERE id = '$VIDEO_ID'")
  [ "$(elapsed "$QUEUED" "$(now)" | cut -d. -f1)" -lt "$JOB_TIMEOUT" ] || die "the video was not ready within ${JOB_TIMEOUT}s"
done
READY=$(now)
[ "$STATUS" = ready ] || die "the job ended $STATUS: $(psql_value "SELECT failure_reason FROM videos WHERE id = '$VIDEO_ID'")"
HWM_AFTER=$(proc_kb VmHWM)
SAMPLED=$(cat "$WORK/sampled_peak" 2>/dev/null || echo 0)
PEAK=$((HWM_AFTER > SAMPLED ? HWM_AFTER : SAMPLED))
PIPELINE_S=$(elapsed "$QUEUED" "$READY")
RENDITIONS=$(psql_value "SELECT hls_key FROM videos WHERE id = '$VIDEO_ID'")

# The job logged the exact ffmpeg arguments; point them at this script's copy of the file and a fresh folder.
ARGS_JSON=$(grep -o 'transcoding with [^ ]* \[.*\]$' "$API_LOG" | tail -1 | sed 's/^transcoding with [^ ]* //')
[ -n "$ARGS_JSON" ] || die "the API log holds no ffmpeg command (log: $API_LOG)"
JOB_INPUT=$(jq -r 'index("-i") as $i | .[$i + 1]' <<<"$ARGS_JSON")
JOB_OUTPUT=$(dirname "$(dirname "$(jq -r '.[-1]' <<<"$ARGS_JSON")")")
direct_run() {
  local out="$WORK/direct-$1" start
  mkdir -p "$out"
  mapfile -t ARGS < <(jq -r --arg in "$JOB_INPUT" --arg src "$SOURCE" --arg jo "$JOB_OUTPUT" --arg out "$out" \
    '.[] | if . == $in then $src else sub("^" + ($jo | gsub("[.]"; "[.]")); $out) end' <<<"$ARGS_JSON")
  start=$(now)
  ffmpeg "${ARGS[@]}" >/dev/null
  elapsed "$start" "$(now)"
  rm -rf "$out"
}
log "running the same ffmpeg command directly, twice"
DIRECT1=$(direct_run 1)
DIRECT2=$(direct_run 2)
DIRECT_S=$(awk -v a="$DIRECT1" -v b="$DIRECT2" 'BEGIN { printf "%.2f", (a + b) / 2 }')

curl -s -o /dev/null --max-time 30 -X DELETE -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/videos/$VIDEO_ID" || true

ratio() { awk -v d="$DIRECT_S" -v p="$PIPELINE_S" 'BEGIN { printf "%.3f", d / p }'; }
speed() { awk -v v="$SECONDS_OF_VIDEO" -v t="$1" 'BEGIN { printf "%.2f", v / t }'; }
cat <<REPORT
## VideoTube transcode benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

| measure | value |
|---|---|
| source | ${SECONDS_OF_VIDEO} s ${SIZE} H.264 + AAC, Ffmpeg:Preset=$PRESET, Ffmpeg:Threads=$THREADS |
| renditions | $RENDITIONS |
| pipeline (upload answered -> ready) | ${PIPELINE_S} s = $(speed "$PIPELINE_S") s of video per s |
| same ffmpeg command, direct (mean of ${DIRECT1} s and ${DIRECT2} s) | ${DIRECT_S} s = $(speed "$DIRECT_S") s of video per s |
| pipeline / direct throughput | $(ratio) (target >= 0.95) |
| API RSS before the job | $(mib "$RSS_BEFORE") MiB |
| API peak RSS during the job | $(mib "$PEAK") MiB (growth $(mib $((PEAK - RSS_BEFORE))) MiB) |
REPORT
