#!/usr/bin/env bash
# Bluesky firehose importer throughput (not a test): input MB/s of `resonance import --format bluesky-firehose`,
# parse only (--dry-run) and into SQLite. Input: bench/bluesky-firehose.py repeats the four recorded #commit messages
# of ../shared/data/bluesky-atproto-samples/firehose-commits COPIES times as JSON Lines, each copy from a fresh
# repository DID (~200 MB by default; every CAR slice is kept byte for byte, so every block is still CID-checked).
# MB/s = input bytes / the import's own elapsed_seconds (process start-up excluded). Median of RUNS runs.
#
#   bench/importer-firehose.sh                     # COPIES=5700 RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
COPIES=${COPIES:-5700}
DATA=${DATA:-../shared/data}/bluesky-atproto-samples/firehose-commits
WORK=$(mktemp -d /tmp/resonance-bench-firehose.XXXX)
trap 'rm -rf "$WORK"' EXIT

dotnet build src/Resonance.Cli -c Release -v quiet -nologo -o "$WORK/cli" >/dev/null
CLI=(dotnet "$WORK/cli/resonance.dll")
. bench/lib.sh

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/bluesky-firehose.py --copies "$COPIES" "$WORK/commits.jsonl" "$DATA"/*.json
bytes=$(stat -c %s "$WORK/commits.jsonl")
echo "firehose input: $(wc -l < "$WORK/commits.jsonl") messages, $bytes bytes"
for mode in dry sqlite; do
  times=()
  for _ in $(seq "$RUNS"); do
    rm -f "$WORK"/f.db*
    args=(--db "$WORK/f.db"); [[ $mode == dry ]] && args=(--dry-run)
    times+=("$("${CLI[@]}" import "$WORK/commits.jsonl" --format bluesky-firehose "${args[@]}" --json 2>/dev/null | field elapsed_seconds)")
  done
  m=$(median "${times[@]}")
  echo "bluesky-firehose $mode: median $m s of ${times[*]} = $(rate "$bytes" "$m") MB/s"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
