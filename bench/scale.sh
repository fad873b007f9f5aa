#!/usr/bin/env bash
# Cost flat with data (issue 11): seeds scale 0.1, 1 and 10 into separate databases of one server (reusing a database
# already seeded with the same scale and seed), runs bench/run.sh on the feed, search, channel-profile and
# dashboard routes of each, and prints per route the API's req/s at each scale and the ratio max/min (target ≤ 1.5×).
#
#   bench/scale.sh [--connection "<Npgsql connection string>"]    (default: env ConnectionStrings__VideoTube)
#
# The connection names the server; its Database is replaced by videotube_scale_<scale> (0_1, 1, 10).
# The scales are measured in ROUNDS rounds, in opposite order each round (0.1 1 10, then 10 1 0.1, ...), and each
# scale's figure is its best round: this machine's speed drifts by a quarter over minutes, and measuring each scale
# once, in one order, put that drift into the ratio (bench/RESULTS.md).
# Settings (environment): SCALES="0.1 1 10"  SEED=42  ROUNDS=2  ROUTES=feed-page1,search-page1,channel-profile,dashboard-stats
#   RESEED=1 seeds again even when a matching database exists; everything else (DURATION, CONNECTIONS, PORT, ...)
#   goes to bench/run.sh, which runs with CAPTURE=0 unless set (the SQL columns are run.sh's job).
# Scale 10 takes up to 15 minutes to seed on an idle machine and needs about 7 GB of disk.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

parse_connection_args '2,15p' "$@"
SCALES="${SCALES:-0.1 1 10}"; SEED="${SEED:-42}"; ROUNDS="${ROUNDS:-2}"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number"
export ROUTES="${ROUTES:-feed-page1,search-page1,channel-profile,dashboard-stats}"
export CAPTURE="${CAPTURE:-0}"
OUT="${OUT:-$BENCH_DIR/out}"; export OUT
pg_env_from_connection "$CONNECTION"

# The connection string with another database.
with_database() {
  local part out=""
  local -a parts
  IFS=';' read -ra parts <<<"$CONNECTION"
  for part in "${parts[@]}"; do
    case "$(tr '[:upper:]' '[:lower:]' <<<"${part%%=*}" | tr -d ' ')" in
      database|db|"") ;;
      *) out="$out$part;" ;;
    esac
  done
  echo "${out}Database=$1"
}

log "building the seeder and the API (Release)"
dotnet build "$REPO_DIR/tools/VideoTube.Seeder" -c Release -v quiet -nologo >&2 || die "seeder build failed"
build_api
export SKIP_BUILD=1

declare -A RPS
STAMP="seed $SEED, commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
for scale in $SCALES; do
  db="videotube_scale_${scale//./_}"
  marker="videotube-seed scale=$scale seed=$SEED"
  export PGDATABASE=postgres
  exists=$(psql_value "SELECT 1 FROM pg_database WHERE datname = '$db'")
  comment=""
  [ -n "$exists" ] && comment=$(psql_value "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$db'")
  if [ "${RESEED:-0}" = 1 ] || [ "$comment" != "$marker" ]; then
    [ -n "$exists" ] && psql_value "DROP DATABASE \"$db\" WITH (FORCE)" >/dev/null
    psql_value "CREATE DATABASE \"$db\"" >/dev/null
    log "seeding scale $scale into $db"
    started=$(date +%s)
    dotnet run -c Release --no-build --project "$REPO_DIR/tools/VideoTube.Seeder" -- \
      --connection "$(with_database "$db")" --scale "$scale" --seed "$SEED" >&2 || die "seeding scale $scale failed"
    # Marks the database as complete: an interrupted seed has no marker and is seeded again next time.
    psql_value "COMMENT ON DATABASE \"$db\" IS '$marker'" >/dev/null
    log "scale $scale seeded in $(( $(date +%s) - started ))s"
  else
    log "reusing $db ($marker)"
  fi
done

read -ra FORWARD <<<"$SCALES"
for round in $(seq 1 "$ROUNDS"); do
  order=("${FORWARD[@]}")
  if [ $((round % 2)) = 0 ]; then
    order=(); for ((i = ${#FORWARD[@]} - 1; i >= 0; i--)); do order+=("${FORWARD[i]}"); done
  fi
  for scale in "${order[@]}"; do
    log "round $round/$ROUNDS: scale $scale"
    bash "$BENCH_DIR/run.sh" --connection "$(with_database "videotube_scale_${scale//./_}")" >&2 \
      || die "bench/run.sh failed at scale $scale"
    tsv=$(ls -t "$OUT"/run-*.tsv | head -1)
    while IFS=$'\t' read -r route rps _; do
      [ "$route" = route ] && continue
      RPS["$route|$scale|$round"]="$rps"
    done <"$tsv"
  done
done

# A scale's figure: its best round (n/a if any round had none).
best_of_rounds() {
  local route="$1" scale="$2" round value best=""
  for round in $(seq 1 "$ROUNDS"); do
    value="${RPS["$route|$scale|$round"]:-n/a}"
    [[ "$value" =~ ^[0-9.]+$ ]] || { echo n/a; return; }
    if [ -z "$best" ] || awk -v a="$value" -v b="$best" 'BEGIN { exit !(a > b) }'; then best="$value"; fi
  done
  echo "$best"
}

{
  echo "## Cost flat with data, $(date -u '+%Y-%m-%d %H:%M UTC') ($STAMP, best of $ROUNDS rounds in alternating order)"
  echo
  header="| route |"; rule="|---|"
  for scale in $SCALES; do header="$header scale $scale req/s |"; rule="$rule---:|"; done
  echo "$header max/min | pass (≤ 1.5×) | every round (scale: req/s per round) |"
  echo "$rule---:|---|---|"
  IFS=',' read -ra routes <<<"$ROUTES"
  for route in "${routes[@]}"; do
    line="| $route |"; values=""; rounds=""
    for scale in $SCALES; do
      value=$(best_of_rounds "$route" "$scale")
      line="$line $value |"; values="$values $value"
      rounds="$rounds $scale:"
      for round in $(seq 1 "$ROUNDS"); do rounds="$rounds ${RPS["$route|$scale|$round"]:-n/a}"; done
      rounds="$rounds;"
    done
    verdict=$(awk -v v="$values" 'BEGIN {
      n = split(v, a, " "); min = -1; max = 0
      for (i = 1; i <= n; i++) { if (a[i] !~ /^[0-9.]+$/ || a[i] == 0) { print "n/a\tn/a"; exit }
        if (min < 0 || a[i] < min) min = a[i]; if (a[i] > max) max = a[i] }
      r = max / min; printf "%.2f×\t%s\n", r, (r <= 1.5 ? "**pass**" : "fail") }')
    echo "$line ${verdict%%$'\t'*} | ${verdict##*$'\t'} |${rounds%;} |"
  done
} | tee "$OUT/scale-$(date -u +%Y%m%d-%H%M%S).md"
