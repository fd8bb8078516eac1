#!/usr/bin/env bash
# Scoring benchmark (not a test): Higgs activity imported once, then `resonance score` end to end (load from the
# database, engagement graph, PageRank, bootstrap intervals, save the run) N times on SQLite and PostgreSQL.
# Prints the median of each phase, of the whole command (wall clock, process start included), its CPU time (user +
# system, the number to compare when other work shares the cores) and the peak RSS.
#
#   bench/score-higgs.sh
#   RESONANCE_BENCH_POSTGRES=postgres://postgres:postgres@127.0.0.1:5432 bench/score-higgs.sh
#   SCORE_ARGS="--algorithm resonance@6" bench/score-higgs.sh   # extra options for every `resonance score`
#   CLI_DLL=/tmp/old/resonance.dll bench/score-higgs.sh           # another build of the CLI (no build here), e.g. before/after
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
DATA=${DATA:-../shared/data}
HIGGS="$DATA/higgs-twitter/higgs-activity_time.txt"
WORK=$(mktemp -d /tmp/resonance-bench.XXXX)
trap 'rm -rf "$WORK"' EXIT

if [[ -z "${CLI_DLL:-}" ]]; then
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
  CLI_DLL=src/Resonance.Cli/bin/Release/net10.0/resonance.dll
fi
CLI=(dotnet "$CLI_DLL")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version)"

bench() { # $1 = label, $2 = database
  "${CLI[@]}" import "$HIGGS" --format higgs-activity --db "$2" --json >/dev/null 2>&1
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "${CLI[@]}" score --db "$2" --json ${SCORE_ARGS:-} 2>/dev/null > "$WORK/run.json"
    python3 - "$WORK/run.json" "$WORK/time" >> "$WORK/$1.tsv" <<'PY'
import json, sys
run = json.load(open(sys.argv[1])); wall, rss, user, system = open(sys.argv[2]).read().split()
phases = {t["key"]: t["value"] for t in run["timings"]}
print("\t".join(str(x) for x in [phases["load"], phases["graph"], phases["score"], phases["save"], sum(phases.values()), wall, int(rss) / 1024, run["accounts_scored"], run["pairs"], float(user) + float(system)]))
PY
  done
  python3 - "$1" "$WORK/$1.tsv" <<'PY'
import statistics, sys
rows = [list(map(float, l.split("\t"))) for l in open(sys.argv[2])]
med = [statistics.median(c) for c in zip(*rows)]
print(f"{sys.argv[1]}: load {med[0]:.2f} s, graph {med[1]:.2f} s, score {med[2]:.2f} s, save {med[3]:.2f} s, "
      f"in-process total {med[4]:.2f} s, whole command {med[5]:.2f} s ({med[9]:.2f} s CPU), peak RSS {med[6]:.0f} MB "
      f"({int(med[7]):,} accounts scored, {int(med[8]):,} pairs; medians of {len(rows)}: totals {[round(r[4], 2) for r in rows]})")
PY
}

bench sqlite "$WORK/h.db"
if [[ -n "${RESONANCE_BENCH_POSTGRES:-}" ]]; then
  db="resonance_bench_$$"
  psql "$RESONANCE_BENCH_POSTGRES/postgres" -q -c "CREATE DATABASE $db" >/dev/null
  "${CLI[@]}" db migrate --db "$RESONANCE_BENCH_POSTGRES/$db" >/dev/null
  bench postgres "$RESONANCE_BENCH_POSTGRES/$db"
  psql "$RESONANCE_BENCH_POSTGRES/postgres" -q -c "DROP DATABASE $db" >/dev/null
else
  echo "PostgreSQL: skipped (set RESONANCE_BENCH_POSTGRES to a postgres://user:pass@host:port URI, no database)"
fi
