# Shared helpers for the benchmark scripts (source it: `. bench/lib.sh` from the repository root).
#   median X...      the median of the numbers given
#   field NAME       one top-level field of the JSON object on standard input
#   rate BYTES SECS  megabytes per second, one decimal
median() { python3 -c 'import sys,statistics; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
rate() { python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1e6 / float(sys.argv[2]):.1f}")' "$1" "$2"; }
