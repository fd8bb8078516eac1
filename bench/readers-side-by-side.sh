#!/usr/bin/env bash
# Side-by-side reader commands (not a test): each command run by each build in turn, ROUNDS times, printing its CPU
# seconds (user, system) and wall time under /usr/bin/time with the load average beside them, and whether its --json
# output matches the first build's (so a faster reader is also seen to read the same numbers). Compare CPU seconds when
# other work shares the cores.
#
#   bench/readers-side-by-side.sh DB "COMMAND ARGS" ["COMMAND ARGS" ...] -- LABEL=CLI_DLL [LABEL=CLI_DLL ...]
#   ROUNDS=2 bench/readers-side-by-side.sh /tmp/g30k.db "diff synthetic:@finkorendaja --from 2 --to 1" "compare-runs 2 1" \
#       -- before=/tmp/old/resonance.dll after=/tmp/art/bin/Resonance.Cli/release/resonance.dll
#
# Every command gets --db DB --json. Outputs are compared as JSON with the keys in IGNORE (default "version_change")
# dropped, since a newer build may add fields.
set -euo pipefail
db=$1
shift
commands=()
while [ "$1" != "--" ]; do
  commands+=("$1")
  shift
done
shift
work=$(mktemp -d /tmp/resonance-readers.XXXX)
trap 'rm -rf "$work"' EXIT
for round in $(seq "${ROUNDS:-2}"); do
  for i in "${!commands[@]}"; do
    for spec in "$@"; do
      label=${spec%%=*}
      cli=${spec#*=}
      load=$(sed 's/ [0-9]*\/.*//' /proc/loadavg)
      # shellcheck disable=SC2086
      /usr/bin/time -f "%U %S %e" -o "$work/time" dotnet "$cli" ${commands[$i]} --db "$db" --json > "$work/$label.$i.json" 2>/dev/null
      same=$(python3 - "$work/$label.$i.json" "$work/${1%%=*}.$i.json" "${IGNORE:-version_change}" <<'PY'
import json, sys
def strip(x, drop):
    if isinstance(x, dict):
        return {k: strip(v, drop) for k, v in x.items() if k not in drop}
    if isinstance(x, list):
        return [strip(v, drop) for v in x]
    return x
drop = set(sys.argv[3].split(","))
a, b = (strip(json.load(open(p)), drop) for p in sys.argv[1:3])
print("same" if a == b else "differs")
PY
)
      echo "$round [${commands[$i]}] $label cpu(user sys wall)=$(cat "$work/time") output=$same load=[$load]"
    done
  done
done
