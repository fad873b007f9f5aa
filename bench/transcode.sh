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
#   JOB_TIMEOUT=1800     seconds to wait for the video to be ready      ROUNDS=4  pipeline/direct pairs, ABBA order
# The database gets migrated (the API applies migrations at start-up) and one user added to it; each uploaded video is
# deleted again. A 3 s warm-up job runs first, unmeasured. Media and temp files live in temporary directories deleted on exit.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,14p' "$@"
SECONDS_OF_VIDEO="${SECONDS_OF_VIDEO:-60}"; SIZE="${SIZE:-1280x720}"; THREADS="${THREADS:-0}"; PRESET="${PRESET:-veryfast}"
PORT="${PORT:-8131}"; JOB_TIMEOUT="${JOB_TIMEOUT:-1800}"; ROUNDS="${ROUNDS:-4}"
ensure_apt_package jq jq
ensure_apt_package ffmpeg ffmpeg
pg_env_from_connection "$CONNECTION"

with_work_dir transcode

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

SOURCE="$WORK/source.mp4"
log "generating a ${SECONDS_OF_VIDEO}s ${SIZE} source"
ffmpeg -v error -f lavfi -i "testsrc2=duration=$SECONDS_OF_VIDEO:size=$SIZE:rate=30" \
  -f lavfi -i "sine=frequency=440:duration=$SECONDS_OF_VIDEO" -c:v libx264 -preset veryfast -pix_fmt yuv420p \
  -c:a aac -shortest -movflags +faststart -y "$SOURCE"
# The warm-up job's clip: same size, so its ffmpeg command (which direct_run copies) has the same ladder.
WARMUP_SOURCE="$WORK/warmup.mp4"
ffmpeg -v error -f lavfi -i "testsrc2=duration=3:size=$SIZE:rate=30" -f lavfi -i "sine=frequency=440:duration=3" \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart -y "$WARMUP_SOURCE"
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

# pipeline_run N [clip]: uploads the clip (default: the measured one), waits until the row is ready and, for the
# measured clip, appends the seconds to PIPELINE_TIMES.
PIPELINE_TIMES=(); DIRECT_TIMES=()
pipeline_run() {
  local queued status video_id clip="${2:-$SOURCE}"
  log "round $1: uploading and waiting for the job"
  curl -sS --max-time 600 -o "$WORK/response.json" -H "Authorization: Bearer $TOKEN" \
    -F "videoFile=@$clip;type=video/mp4" -F "thumbnail=@$WORK/avatar.png;type=image/png" \
    -F "title=Transcode benchmark" -F "description=bench/transcode.sh" "$BASE/api/v1/videos"
  queued=$(now)
  video_id=$(jq -er '.data._id' "$WORK/response.json") || die "upload failed: $(head -c 300 "$WORK/response.json")"
  # One session polls inside the server: a psql started every 0.2 s cost ~80 ms of CPU each (process start and SCRAM),
  # about half a core taken from the ffmpeg being measured on a 2-core machine.
  psql_value "DO \$\$ BEGIN
      FOR i IN 1..$((JOB_TIMEOUT * 20)) LOOP
        EXIT WHEN (SELECT status FROM videos WHERE id = '$video_id') <> 'processing';
        PERFORM pg_sleep(0.05);
      END LOOP;
    END \$\$" >/dev/null
  [ "$clip" != "$SOURCE" ] || PIPELINE_TIMES+=("$(elapsed "$queued" "$(now)")")
  status=$(psql_value "SELECT status FROM videos WHERE id = '$video_id'")
  [ "$status" != processing ] || die "the video was not ready within ${JOB_TIMEOUT}s"
  [ "$status" = ready ] || die "the job ended $status: $(psql_value "SELECT failure_reason FROM videos WHERE id = '$video_id'")"
  RENDITIONS=$(psql_value "SELECT hls_key FROM videos WHERE id = '$video_id'")
  curl -s -o /dev/null --max-time 30 -X DELETE -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/videos/$video_id" || true
}

# direct_run N: the exact ffmpeg command the job logged, pointed at this script's copy of the clip and a fresh folder.
direct_run() {
  local out="$WORK/direct-$1" start args_json job_input job_output
  args_json=$(grep -o 'transcoding with [^ ]* \[.*\]$' "$API_LOG" | tail -1 | sed 's/^transcoding with [^ ]* //')
  [ -n "$args_json" ] || die "the API log holds no ffmpeg command (log: $API_LOG)"
  job_input=$(jq -r 'index("-i") as $i | .[$i + 1]' <<<"$args_json")
  job_output=$(dirname "$(dirname "$(jq -r '.[-1]' <<<"$args_json")")")
  mkdir -p "$out"
  mapfile -t ARGS < <(jq -r --arg in "$job_input" --arg src "$SOURCE" --arg jo "$job_output" --arg out "$out" \
    '.[] | if . == $in then $src else sub("^" + ($jo | gsub("[.]"; "[.]")); $out) end' <<<"$args_json")
  log "round $1: the same ffmpeg command, directly"
  start=$(now)
  ffmpeg "${ARGS[@]}" >/dev/null
  DIRECT_TIMES+=("$(elapsed "$start" "$(now)")")
  rm -rf "$out"
}

# One short job first, unmeasured: a worker runs job after job, and the first one in a fresh process also pays for
# JIT-compiling the upload and job code (about half a core for a few seconds) while its ffmpeg runs.
pipeline_run warm-up "$WARMUP_SOURCE"
RSS_WARM=$(proc_kb VmRSS)
# Rounds in ABBA order, so load that comes and goes on a shared machine, and any drift, hits both sides alike.
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then pipeline_run "$round"; direct_run "$round"
  else direct_run "$round"; pipeline_run "$round"; fi
done
HWM_AFTER=$(proc_kb VmHWM)
SAMPLED=$(cat "$WORK/sampled_peak" 2>/dev/null || echo 0)
PEAK=$((HWM_AFTER > SAMPLED ? HWM_AFTER : SAMPLED))
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.2f", s / NR }'; }
PIPELINE_S=$(mean "${PIPELINE_TIMES[@]}")
DIRECT_S=$(mean "${DIRECT_TIMES[@]}")

ratio() { awk -v d="$DIRECT_S" -v p="$PIPELINE_S" 'BEGIN { printf "%.3f", d / p }'; }
# The median of each round's own direct/pipeline ratio: one disturbed round cannot move it much.
median_ratio() {
  local i
  for i in "${!PIPELINE_TIMES[@]}"; do
    awk -v d="${DIRECT_TIMES[$i]}" -v p="${PIPELINE_TIMES[$i]}" 'BEGIN { printf "%.3f\n", d / p }'
  done | sort -n | awk '{ r[NR] = $1 } END { printf "%.3f (rounds: %s)", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2, NR }'
}
speed() { awk -v v="$SECONDS_OF_VIDEO" -v t="$1" 'BEGIN { printf "%.2f", v / t }'; }
cat <<REPORT
## VideoTube transcode benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

| measure | value |
|---|---|
| source | ${SECONDS_OF_VIDEO} s ${SIZE} H.264 + AAC, Ffmpeg:Preset=$PRESET, Ffmpeg:Threads=$THREADS |
| master playlist | $RENDITIONS |
| pipeline (upload answered -> ready), mean of ${PIPELINE_TIMES[*]} s | ${PIPELINE_S} s = $(speed "$PIPELINE_S") s of video per s |
| same ffmpeg command run directly, mean of ${DIRECT_TIMES[*]} s | ${DIRECT_S} s = $(speed "$DIRECT_S") s of video per s |
| pipeline / direct throughput, from the means | $(ratio) (target >= 0.95) |
| pipeline / direct throughput, median of the rounds' ratios | $(median_ratio) |
| the job's own stage times (from its log; the first is the warm-up) | $(grep -o 'processed [0-9.]* s of video in .*' "$API_LOG" | sed 's/^processed [0-9.]* s of video in //' | paste -sd';' | sed 's/;/; /g') |
| API RSS before the first job | $(mib "$RSS_BEFORE") MiB |
| API RSS after the warm-up job (its code JIT-compiled, pools filled) | $(mib "$RSS_WARM") MiB |
| API peak RSS during the jobs | $(mib "$PEAK") MiB (growth $(mib $((PEAK - RSS_BEFORE))) MiB from before the first job, $(mib $((PEAK - RSS_WARM))) MiB from after the warm-up) |
REPORT
