#!/usr/bin/env bash
# Community step overhead (issue #5): Higgs activity imported once into SQLite, then `resonance score` with and without
# communities (`--no-communities`), alternating, RUNS times each. Prints the median of each phase and of the in-process
# total for both, and the overhead of the community step (the `communities` phase plus the extra save time) as a share
# of the run without it. Side by side in one session, so that the ratio holds under the same load.
#
#   bench/communities-higgs.sh                 # RUNS=3
#   ARTIFACTS=/tmp/art bench/communities-higgs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
DATA=${DATA:-../shared/data}
HIGGS="$DATA/higgs-twitter/higgs-activity_time.txt"
WORK=$(mktemp -d /tmp/resonance-communities.XXXX)
trap 'rm -rf "$WORK"' EXIT
if [[ -n "${ARTIFACTS:-}" ]]; then
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo --artifacts-path "$ARTIFACTS" >/dev/null
  CLI=(dotnet "$ARTIFACTS/bin/Resonance.Cli/release/resonance.dll")
else
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
  CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${CLI[@]}" import "$HIGGS" --format higgs-activity --db "$WORK/h.db" --json >/dev/null 2>&1
for _ in $(seq "$RUNS"); do
  "${CLI[@]}" score --db "$WORK/h.db" --json 2>/dev/null > "$WORK/with.$RANDOM.json"
  "${CLI[@]}" score --db "$WORK/h.db" --no-communities --json 2>/dev/null > "$WORK/without.$RANDOM.json"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK" <<'PY'
import glob, json, statistics, sys
def runs(kind):
    rows = []
    for f in glob.glob(f"{sys.argv[1]}/{kind}.*.json"):
        t = {x["key"]: x["value"] for x in json.load(open(f))["timings"]}
        t["total"] = sum(t.values())
        rows.append(t)
    return rows
w, wo = runs("with"), runs("without")
med = lambda rows, k: statistics.median(r.get(k, 0.0) for r in rows)
for name, rows in (("with communities", w), ("without", wo)):
    print(f"{name}: " + ", ".join(f"{k} {med(rows, k):.2f} s" for k in ["load", "graph", "score", "communities", "save", "total"])
          + f" (totals {[round(r['total'], 2) for r in rows]})")
extra = med(w, "total") - med(wo, "total")
print(f"community step: {med(w, 'communities'):.2f} s detection + {med(w, 'save') - med(wo, 'save'):.2f} s more save; "
      f"total +{extra:.2f} s = {100 * extra / med(wo, 'total'):.1f}% of the run without it")
PY
