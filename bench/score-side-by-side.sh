#!/usr/bin/env bash
# Side-by-side scoring (not a test): builds or versions alternated on one database, ROUNDS times, printing each run's
# CPU seconds (user, system) and wall time of the whole `resonance score` command, its --json phase timings and the
# load average beside them. Compare CPU seconds when other work shares the cores.
#
#   bench/score-side-by-side.sh DB LABEL=CLI_DLL:ALGORITHM [LABEL=CLI_DLL:ALGORITHM ...]
#   ROUNDS=3 bench/score-side-by-side.sh /tmp/g30k.db before=/tmp/old/resonance.dll:resonance@7 \
#       after=/tmp/art/bin/Resonance.Cli/release/resonance.dll:resonance@7 at6=/tmp/art/bin/Resonance.Cli/release/resonance.dll:resonance@6
#
# SCORE_ARGS (default "--no-communities --no-topics") is passed to every run.
set -euo pipefail
db=$1
shift
work=$(mktemp -d /tmp/resonance-side.XXXX)
trap 'rm -rf "$work"' EXIT
for round in $(seq "${ROUNDS:-2}"); do
  for spec in "$@"; do
    label=${spec%%=*}
    rest=${spec#*=}
    cli=${rest%:*}
    algorithm=${rest##*:}
    load=$(sed 's/ [0-9]*\/.*//' /proc/loadavg)
    /usr/bin/time -f "%U %S %e" -o "$work/time" dotnet "$cli" score --db "$db" --algorithm "$algorithm" \
      ${SCORE_ARGS:---no-communities --no-topics} --json > "$work/run.json" 2>/dev/null
    phases=$(python3 -c "import json, sys; print(' '.join(f\"{t['key']}={t['value']:.2f}\" for t in json.load(open(sys.argv[1]))['timings']))" "$work/run.json")
    echo "$round $label cpu(user sys wall)=$(cat "$work/time") $phases load=[$load]"
  done
done
