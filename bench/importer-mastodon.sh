#!/usr/bin/env bash
# Mastodon import throughput (not a test): ~200 MB of JSON Lines made by repeating the recorded API samples with
# fresh ids (bench/mastodon-input.py), timed parse-only (--dry-run) and into a fresh SQLite file. Prints MB/s of input
# from the elapsed_seconds the import reports (process start-up excluded); record them in bench/README.md.
#
#   bench/importer-mastodon.sh            # SIZE_MB=200 RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZE_MB=${SIZE_MB:-200}
DATA=${DATA:-../shared/data}
WORK=$(mktemp -d /tmp/resonance-bench-mastodon.XXXX)
trap 'rm -rf "$WORK"' EXIT

dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
. bench/lib.sh
rate() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / 1e6 / float(sys.argv[2]):.0f}")' "$1" "$2"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version)"
python3 bench/mastodon-input.py "$DATA/mastodon-api-samples" "$WORK/m.jsonl" "$SIZE_MB"
bytes=$(stat -c %s "$WORK/m.jsonl")

times=()
for _ in $(seq "$RUNS"); do
  times+=("$("${CLI[@]}" import "$WORK/m.jsonl" --format mastodon --dry-run --json 2>/dev/null | field elapsed_seconds)")
done
t=$(median "${times[@]}")
echo "mastodon parse only (--dry-run): median $t s of ${times[*]} = $(rate "$bytes" "$t") MB/s"

times=()
for _ in $(seq "$RUNS"); do
  rm -f "$WORK"/m.db*
  times+=("$("${CLI[@]}" import "$WORK/m.jsonl" --format mastodon --db "$WORK/m.db" --json 2>/dev/null | field elapsed_seconds)")
done
t=$(median "${times[@]}")
echo "mastodon -> SQLite (fresh file): median $t s of ${times[*]} = $(rate "$bytes" "$t") MB/s"
"${CLI[@]}" stats --db "$WORK/m.db" | head -n 12
