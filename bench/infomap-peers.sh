#!/usr/bin/env bash
# Infomap side by side with igraph's community_infomap, and with our Leiden, on the same weighted undirected graphs, one
# session. Needs: apt-get install -y python3-igraph  (measured with python3-igraph 0.10.2)
#
#   bench/infomap-peers.sh                     # email-Eu-core (with department labels) and soc-Slashdot0902
#   RUNS=3 IGRAPH_TRIALS=1 bench/infomap-peers.sh
#   SLASHDOT_RUNS=3 SLASHDOT_IGRAPH_TRIALS=10 bench/infomap-peers.sh   # igraph's Infomap needs minutes per trial there
#   ARTIFACTS=/tmp/art bench/infomap-peers.sh  # build into a private artifacts folder
#
# Graph: each directed line is one undirected edge of weight 1, summed per pair (a reciprocated pair weighs 2; self-loops
# kept), i.e. Resonance's UndirectedGraph.FromEdges and igraph's as_undirected("collapse") with summed weights. Times
# cover the community detection call only. Run r of Resonance uses seed DEFAULT+r; igraph's run r seeds Python's random
# with r. Every row's codelength is Resonance's map equation (bench/infomap-peers.py computes it for igraph's partitions).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
IGRAPH_TRIALS=${IGRAPH_TRIALS:-10}
SLASHDOT_RUNS=${SLASHDOT_RUNS:-1}
SLASHDOT_IGRAPH_TRIALS=${SLASHDOT_IGRAPH_TRIALS:-1}
DATA=${DATA:-../shared/data}
if [[ -n "${ARTIFACTS:-}" ]]; then
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo --artifacts-path "$ARTIFACTS" >/dev/null
  CLI=(dotnet "$ARTIFACTS/bin/Resonance.Cli/release/resonance.dll")
else
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
  CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version), python3-igraph $(/usr/bin/python3 -c 'import igraph; print(igraph.__version__)'); load $(cut -d' ' -f1-3 /proc/loadavg)"

PEERS=(/usr/bin/python3 bench/infomap-peers.py)
run_graph() {
  local name=$1 RUNS=$2 IGRAPH_TRIALS=$3 edges=$4 labels=${5:-}
  local label_args=(); [[ -n "$labels" ]] && label_args=(--labels "$labels")
  echo
  echo "== $name; runs: $RUNS"
  "${PEERS[@]}" header
  for trials in 1 10; do
    "${CLI[@]}" bench communities --method infomap --infomap-trials "$trials" --graph "$edges" "${label_args[@]}" --runs "$RUNS" --json 2>/dev/null \
      | "${PEERS[@]}" resonance "Resonance Infomap (trials=$trials)"
  done
  "${CLI[@]}" bench communities --method leiden --graph "$edges" "${label_args[@]}" --runs "$RUNS" --json 2>/dev/null \
    | "${PEERS[@]}" resonance "Resonance Leiden (default)"
  "${PEERS[@]}" igraph "$edges" "${label_args[@]}" --runs "$RUNS" --trials "$IGRAPH_TRIALS"
}

run_graph "email-Eu-core (1,005 nodes, 25,571 directed edges; NMI against the 42 departments)" "$RUNS" "$IGRAPH_TRIALS" \
  "$DATA/email-Eu-core/email-Eu-core.txt" "$DATA/email-Eu-core/email-Eu-core-department-labels.txt"
run_graph "soc-Slashdot0902 (82,168 nodes, 948,464 directed edges)" "$SLASHDOT_RUNS" "$SLASHDOT_IGRAPH_TRIALS" "$DATA/soc-Slashdot0902/soc-Slashdot0902.txt.gz"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
