#!/usr/bin/env bash
# Bluesky importer throughput (not a test): input MB/s of `resonance import --format jetstream|bluesky`, parse only
# (--dry-run) and into SQLite. Inputs are made from the real samples in ../shared/data/bluesky-atproto-samples:
#   jetstream: bench/bluesky-jetstream.py turns the three repository CARs into Jetstream JSON Lines, COPIES times with
#              fresh DIDs and rkeys (~200 MB by default);
#   bluesky:   the largest CAR (paul_staging, 134 KiB) given CAR_COPIES times on one command line (~200 MB read);
#              a repository can't be concatenated, so every copy after the first is all duplicates in SQLite.
# MB/s = input bytes / the import's own elapsed_seconds (process start-up excluded). Median of RUNS runs.
#
#   bench/importer-bluesky.sh                      # COPIES=1650 CAR_COPIES=1500 RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
COPIES=${COPIES:-1650}
CAR_COPIES=${CAR_COPIES:-1500}
DATA=${DATA:-../shared/data}/bluesky-atproto-samples/repo-car
WORK=$(mktemp -d /tmp/resonance-bench-bluesky.XXXX)
trap 'rm -rf "$WORK"' EXIT

dotnet build src/Resonance.Cli -c Release -v quiet -nologo -o "$WORK/cli" >/dev/null
CLI=(dotnet "$WORK/cli/resonance.dll")
. bench/lib.sh

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version)"

python3 bench/bluesky-jetstream.py --copies "$COPIES" "$WORK/events.jsonl" "$DATA"/*.car
bytes=$(stat -c %s "$WORK/events.jsonl")
echo "jetstream input: $(wc -l < "$WORK/events.jsonl") events, $bytes bytes"
for mode in dry sqlite; do
  times=()
  for _ in $(seq "$RUNS"); do
    rm -f "$WORK"/j.db*
    args=(--db "$WORK/j.db"); [[ $mode == dry ]] && args=(--dry-run)
    times+=("$("${CLI[@]}" import "$WORK/events.jsonl" --format jetstream "${args[@]}" --json 2>/dev/null | field elapsed_seconds)")
  done
  m=$(median "${times[@]}")
  echo "jetstream $mode: median $m s of ${times[*]} = $(rate "$bytes" "$m") MB/s"
done

car="$DATA/paul_staging.repo.car"
paths=(); for _ in $(seq "$CAR_COPIES"); do paths+=("$car"); done
bytes=$(( $(stat -c %s "$car") * CAR_COPIES ))
echo "bluesky input: $CAR_COPIES x $(basename "$car") = $bytes bytes"
for mode in dry sqlite; do
  times=()
  for _ in $(seq "$RUNS"); do
    rm -f "$WORK"/c.db*
    args=(--db "$WORK/c.db"); [[ $mode == dry ]] && args=(--dry-run)
    times+=("$("${CLI[@]}" import "${paths[@]}" --format bluesky "${args[@]}" --json 2>/dev/null | field elapsed_seconds)")
  done
  m=$(median "${times[@]}")
  echo "bluesky $mode: median $m s of ${times[*]} = $(rate "$bytes" "$m") MB/s"
done
