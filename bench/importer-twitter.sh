#!/usr/bin/env bash
# Twitter importer throughput (not a test): twarc2 JSONL (twitter-api-v2) and an archive (twitter-archive, folder and
# .zip) built by repeating the real samples with fresh ids, ~200 MB each. Times `resonance import --dry-run` (read and
# parse, whole process) and a real SQLite import, and prints input MB/s. Issue #7 asks for >= 50 MB/s on 2 cores.
#
#   bench/importer-twitter.sh                 # MB=200 RUNS=3; ARTIFACTS=/tmp/art builds there instead of bin/
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
MB=${MB:-200}
DATA=${DATA:-../shared/data}
WORK=$(mktemp -d /tmp/resonance-bench-twitter.XXXX)
trap 'rm -rf "$WORK"' EXIT

if [[ -n "${ARTIFACTS:-}" ]]; then
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo --artifacts-path "$ARTIFACTS" >/dev/null
  CLI=(dotnet "$ARTIFACTS/bin/Resonance.Cli/release/resonance.dll")
else
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
  CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
fi
. bench/lib.sh
seconds() { python3 -c 'import json,sys; print(json.load(sys.stdin)["elapsed_seconds"])'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version)"
python3 bench/twitter_bench_input.py twarc "$DATA" "$WORK/pages.jsonl" "$MB"
python3 bench/twitter_bench_input.py archive "$DATA" "$WORK/archive" "$MB"
(cd "$WORK/archive" && python3 -c 'import shutil; shutil.make_archive("../archive", "zip", ".")')
twarc_bytes=$(stat -c %s "$WORK/pages.jsonl")
archive_bytes=$(du -cb "$WORK"/archive/data/{account,manifest,tweets,like,follower,following}.js | tail -n 1 | cut -f1)

run() { # name bytes import-arguments...
  local name=$1 bytes=$2; shift 2
  local parse=() write=()
  for _ in $(seq "$RUNS"); do
    parse+=("$("${CLI[@]}" import "$@" --dry-run --json 2>/dev/null | seconds)")
    rm -f "$WORK"/t.db*
    write+=("$("${CLI[@]}" import "$@" --db "$WORK/t.db" --json 2>/dev/null | seconds)")
  done
  local p w; p=$(median "${parse[@]}"); w=$(median "${write[@]}")
  echo "$name ($((bytes / 1000000)) MB): parse $(rate "$bytes" "$p") MB/s (${p} s of ${parse[*]}), SQLite import $(rate "$bytes" "$w") MB/s (${w} s of ${write[*]})"
}
run "twitter-api-v2 twarc JSONL" "$twarc_bytes" "$WORK/pages.jsonl" --format twitter-api-v2
run "twitter-archive folder" "$archive_bytes" "$WORK/archive" --format twitter-archive
run "twitter-archive .zip" "$archive_bytes" "$WORK/archive.zip" --format twitter-archive
