#!/usr/bin/env bash
# Checks that two runs stored the same topic numbers, bit for bit: every topic_scores row (account, topic, rank, score,
# interval, raw and its parts, evidence counts) of run A is in run B and the other way round. Exit 1 on any difference.
# Used to show a change to the topic step keeps topic-share@1 and @2 runs as they were (issue #5):
#   bench/topic-scores-identical.sh /tmp/g.db 1 2
set -euo pipefail
db=${1:?usage: $0 DB.sqlite RUN_A RUN_B}
a=${2:?run A}
b=${3:?run B}
cols="account_id, topic, rank, score, low, high, raw, base, reach, amplification, impact, engagements, engagers, posts"
# SQLite compares REAL values exactly (no tolerance), so any change in any bit of a number shows.
q() { echo "SELECT $cols FROM topic_scores WHERE run_id = $1"; }
rows_a=$(sqlite3 "$db" "SELECT count(*) FROM topic_scores WHERE run_id = $a")
rows_b=$(sqlite3 "$db" "SELECT count(*) FROM topic_scores WHERE run_id = $b")
only_a=$(sqlite3 "$db" "SELECT count(*) FROM ($(q "$a") EXCEPT $(q "$b"))")
only_b=$(sqlite3 "$db" "SELECT count(*) FROM ($(q "$b") EXCEPT $(q "$a"))")
echo "run $a: $rows_a topic rows, run $b: $rows_b; only in $a: $only_a, only in $b: $only_b"
[ "$rows_a" -gt 0 ] && [ "$only_a" -eq 0 ] && [ "$only_b" -eq 0 ]
