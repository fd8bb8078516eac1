#!/usr/bin/env bash
# Topic and community step overhead on a generated set (issue #5): `resonance generate --people PEOPLE` (120,000 people
# give ~10M interactions) imported once into SQLite, then `resonance score` full, with `--no-topics`, and with
# `--no-topics --no-communities`, alternating, RUNS times each. Prints the median of each phase and of the in-process
# total, the user+system CPU seconds of each command, and the overhead of the steps as a share of the run without them.
# Every score runs on a fresh copy of the imported database (a run adds ~0.6 GB at 120,000 people, and on a database grown
# by earlier runs the later runs were slower: up to 10 points of the overhead). KEEP=1 scores the database itself, in place.
#
#   bench/topics-communities-generated.sh                      # PEOPLE=120000 RUNS=1
#   DB=/tmp/g.db ARTIFACTS=/tmp/art bench/topics-communities-generated.sh   # reuse an imported database
#   GENERATOR_VERSION=2 bench/topics-communities-generated.sh   # the generator model (default 3; the numbers before 2026-11-26 noon are /2)
#   SCORE_ARGS="--algorithm resonance@6" bench/topics-communities-generated.sh   # extra arguments for every score command
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1}
PEOPLE=${PEOPLE:-120000}
GENERATOR_VERSION=${GENERATOR_VERSION:-3}
read -ra SCORE_ARGS <<< "${SCORE_ARGS:-}"
WORK=$(mktemp -d /tmp/resonance-topics.XXXX)
trap 'rm -rf "$WORK"' EXIT
if [[ -n "${ARTIFACTS:-}" ]]; then
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo --artifacts-path "$ARTIFACTS" >/dev/null
  CLI=(dotnet "$ARTIFACTS/bin/Resonance.Cli/release/resonance.dll")
else
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
  CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -z "${DB:-}" ]]; then
  DB="$WORK/g.db"
  "${CLI[@]}" generate --people "$PEOPLE" --seed 1 --generator-version "$GENERATOR_VERSION" --out "$WORK/g.jsonl" >/dev/null
  "${CLI[@]}" import "$WORK/g.jsonl" --format jsonl --db "$DB" --json >/dev/null 2>&1
  rm -f "$WORK/g.jsonl"
else
  "${CLI[@]}" db migrate --db "$DB" >/dev/null   # a database imported by an older build may lack the latest schema
fi
cat > "$WORK/phases.py" <<'PY'
import json, sys
print(", ".join(f"{t['key']} {t['value']:.1f} s" for t in json.load(open(sys.argv[1]))["timings"]))
PY
run() { # NAME ARGS...: one timed score, its JSON and its CPU seconds
  local name=$1; shift
  local out="$WORK/$name.$RANDOM" db="$DB"
  if [[ "${KEEP:-0}" != 1 ]]; then
    db="$WORK/run.db"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$DB" "$db"
    if [[ -f "$DB-wal" ]]; then cp "$DB-wal" "$db-wal"; fi
  fi
  # Each run writes ~0.6 GB at 120,000 people; without a sync, the next run's save competes with its write-back.
  sync
  /usr/bin/time -f "%U %S" -o "$out.cpu" "${CLI[@]}" score --db "$db" --json "${SCORE_ARGS[@]}" "$@" 2>/dev/null > "$out.json"
  echo "$name: $(python3 "$WORK/phases.py" "$out.json"); cpu $(cat "$out.cpu"); load after $(cut -d' ' -f1-3 /proc/loadavg)"
}
# The order rotates from one round to the next, so no mode always runs first or last.
modes=(none notopics full)
for r in $(seq "$RUNS"); do
  for k in 0 1 2; do
    case ${modes[$(( (r - 1 + k) % 3 ))]} in
      none) run none --no-topics --no-communities ;;
      notopics) run notopics --no-topics ;;
      full) run full ;;
    esac
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK" <<'PY'
import glob, json, statistics, sys
def runs(kind):
    rows = []
    for f in glob.glob(f"{sys.argv[1]}/{kind}.*.json"):
        t = {x["key"]: x["value"] for x in json.load(open(f))["timings"]}
        t["total"] = sum(t.values())
        u, s = open(f[:-5] + ".cpu").read().split()
        t["cpu"] = float(u) + float(s)
        rows.append(t)
    return rows
rows = {k: runs(k) for k in ("full", "notopics", "none")}
med = lambda rs, k: statistics.median(r.get(k, 0.0) for r in rs)
for name, rs in rows.items():
    print(f"{name}: " + ", ".join(f"{k} {med(rs, k):.1f} s" for k in ["load", "graph", "score", "communities", "topics", "save", "total", "cpu"]))
base = rows["none"]
for name in ("notopics", "full"):
    for k in ("total", "cpu"):
        extra = med(rows[name], k) - med(base, k)
        print(f"{name} vs none, {k}: +{extra:.1f} s = {100 * extra / med(base, k):.0f}%")
PY
