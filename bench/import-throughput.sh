#!/usr/bin/env bash
# Import throughput benchmark (not a test): Higgs activity into SQLite and PostgreSQL, parse-only rate, memory
# flatness, and a large synthetic file. Prints medians of N runs; record them in bench/README.md with the machine.
#
#   bench/import-throughput.sh                    # Higgs: SQLite, parse-only, memory check (PostgreSQL if configured)
#   RESONANCE_BENCH_POSTGRES=postgres://postgres:postgres@127.0.0.1:5432 bench/import-throughput.sh
#   SYNTHETIC_PEOPLE=550000 bench/import-throughput.sh synthetic   # ~50M interactions; needs ~10 GB of disk
#   R2R=1 bench/import-throughput.sh               # the same, on a ReadyToRun publish of the CLI instead of a build
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
DATA=${DATA:-../shared/data}
HIGGS="$DATA/higgs-twitter/higgs-activity_time.txt"
WORK=$(mktemp -d /tmp/resonance-bench.XXXX)
trap 'rm -rf "$WORK"' EXIT

if [[ "${R2R:-0}" == 1 ]]; then
  # ReadyToRun publish (precompiled, except the parsers in Resonance.Ingest: see the CLI's csproj); needs the crossgen
  # package from NuGet on first use.
  dotnet publish src/Resonance.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -v quiet -nologo -o "$WORK/cli" >/dev/null
  CLI=(dotnet "$WORK/cli/resonance.dll")
else
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
  CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
fi
. bench/lib.sh
peak_rss_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version)"

if [[ "${1:-higgs}" == "higgs" ]]; then
  lines=$(wc -l < "$HIGGS")
  times=()
  for _ in $(seq "$RUNS"); do
    rm -f "$WORK"/h.db*
    times+=("$("${CLI[@]}" import "$HIGGS" --format higgs-activity --db "$WORK/h.db" --json 2>/dev/null | field elapsed_seconds)")
  done
  echo "higgs-activity -> SQLite (fresh file, $lines lines): median $(median "${times[@]}") s of ${times[*]}"

  times=()
  for _ in $(seq "$RUNS"); do
    times+=("$("${CLI[@]}" import "$HIGGS" --format higgs-activity --db "$WORK/h.db" --json 2>/dev/null | field elapsed_seconds)")
  done
  echo "higgs-activity -> SQLite re-import (all duplicates): median $(median "${times[@]}") s"

  if [[ -n "${RESONANCE_BENCH_POSTGRES:-}" ]]; then
    times=()
    for i in $(seq "$RUNS"); do
      db="resonance_bench_$$_$i"
      psql "$RESONANCE_BENCH_POSTGRES/postgres" -q -c "CREATE DATABASE $db" >/dev/null
      cs="$RESONANCE_BENCH_POSTGRES/$db"
      "${CLI[@]}" db migrate --db "$cs" >/dev/null
      times+=("$("${CLI[@]}" import "$HIGGS" --format higgs-activity --db "$cs" --json 2>/dev/null | field elapsed_seconds)")
      psql "$RESONANCE_BENCH_POSTGRES/postgres" -q -c "DROP DATABASE $db" >/dev/null
    done
    echo "higgs-activity -> PostgreSQL (fresh database): median $(median "${times[@]}") s of ${times[*]}"
  else
    echo "PostgreSQL: skipped (set RESONANCE_BENCH_POSTGRES to a postgres://user:pass@host:port URI, no database)"
  fi

  rates=()
  for _ in $(seq "$RUNS"); do
    rates+=("$("${CLI[@]}" import "$HIGGS" --format higgs-activity --dry-run --json 2>/dev/null | field records_per_second)")
  done
  echo "higgs-activity parse only (--dry-run, whole process incl. JIT warm-up): median $(median "${rates[@]}") lines/s"

  for _ in 1 2 3 4 5 6 7 8; do cat "$HIGGS"; done > "$WORK/higgs-x8.txt"
  one=$(peak_rss_mb "${CLI[@]}" import "$HIGGS" --format higgs-activity --dry-run)
  eight=$(peak_rss_mb "${CLI[@]}" import "$WORK/higgs-x8.txt" --format higgs-activity --dry-run)
  echo "peak RSS, parse only: 1x file $one MB, 8x file $eight MB (streaming: should be about equal)"
  rm -f "$WORK"/h.db*
  one=$(peak_rss_mb "${CLI[@]}" import "$HIGGS" --format higgs-activity --db "$WORK/h.db")
  eight=$(peak_rss_mb "${CLI[@]}" import "$WORK/higgs-x8.txt" --format higgs-activity --db "$WORK/h.db")
  echo "peak RSS, import into SQLite: 1x file $one MB, then 8x file (all duplicates) $eight MB"
fi

if [[ "${1:-}" == "synthetic" ]]; then
  people=${SYNTHETIC_PEOPLE:-550000}
  "${CLI[@]}" generate --people "$people" --seed 1 --generator-version "${GENERATOR_VERSION:-3}" --out "$WORK/synthetic.jsonl" 2>/dev/null
  interactions=$(grep -c '"type":"interaction"' "$WORK/synthetic.jsonl")
  records=$(wc -l < "$WORK/synthetic.jsonl")
  echo "synthetic: $people people, $records records, $interactions interactions, $(du -h "$WORK/synthetic.jsonl" | cut -f1)"
  /usr/bin/time -o "$WORK/rss" -f '%M' "${CLI[@]}" import "$WORK/synthetic.jsonl" --format jsonl --db "$WORK/s.db" --json > "$WORK/s.json" 2>/dev/null
  echo "synthetic -> SQLite: $(field elapsed_seconds < "$WORK/s.json") s, $(field records_per_second < "$WORK/s.json") records/s, peak RSS $(( $(tail -n 1 "$WORK/rss") / 1024 )) MB, database $(du -ch "$WORK"/s.db* | tail -n 1 | cut -f1)"
fi
