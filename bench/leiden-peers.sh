#!/usr/bin/env bash
# Leiden community detection side by side with igraph's Leiden and Louvain, on the same symmetrised graphs, one session.
# Needs: apt-get install -y python3-igraph  (measured with python3-igraph 0.10.2)
#
#   bench/leiden-peers.sh                 # email-Eu-core (with department labels) and soc-Slashdot0902, 5 trials each
#   TRIALS=10 bench/leiden-peers.sh
#   SIMPLE=1 bench/leiden-peers.sh        # both sides on the simple graph (no self-loops, one unit edge per pair)
#   ARTIFACTS=/tmp/art bench/leiden-peers.sh   # build into a private artifacts folder
#
# Symmetrisation: each directed line becomes one undirected edge (igraph's as_undirected(mode="each"); Resonance's
# UndirectedGraph.FromEdges), so a reciprocated pair weighs 2 and self-loops are kept. Times cover the community detection
# call only (igraph: community_leiden/community_multilevel; Resonance: Leiden.Run), not loading or symmetrising.
# Resonance trial t uses seed DEFAULT+t, igraph trial t seeds Python's random with t.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${TRIALS:-5}
DATA=${DATA:-../shared/data}
SIMPLE_FLAG=(); [[ "${SIMPLE:-0}" == 1 ]] && SIMPLE_FLAG=(--simple)
if [[ -n "${ARTIFACTS:-}" ]]; then  # a private build folder, e.g. ARTIFACTS=/tmp/art
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo --artifacts-path "$ARTIFACTS" >/dev/null
  CLI=(dotnet "$ARTIFACTS/bin/Resonance.Cli/release/resonance.dll")
else
  dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
  CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version), python3-igraph $(/usr/bin/python3 -c 'import igraph; print(igraph.__version__)')"
echo "trials: $TRIALS; graph: $([[ ${#SIMPLE_FLAG[@]} -gt 0 ]] && echo 'simple (collapse + no self-loops)' || echo 'each directed edge = one undirected edge (as_undirected(mode="each"))')"

PEERS=(/usr/bin/python3 bench/leiden-peers.py)
run_graph() {
  local name=$1 edges=$2 labels=${3:-}
  local label_args=(); [[ -n "$labels" ]] && label_args=(--labels "$labels")
  echo
  echo "== $name"
  "${PEERS[@]}" header
  "${CLI[@]}" bench leiden --graph "$edges" "${label_args[@]}" "${SIMPLE_FLAG[@]}" --trials "$TRIALS" --json 2>/dev/null \
    | "${PEERS[@]}" resonance "Resonance Leiden (default options)"
  "${CLI[@]}" bench leiden --graph "$edges" "${label_args[@]}" "${SIMPLE_FLAG[@]}" --trials "$TRIALS" --max-iterations 2 --tolerance 0 --json 2>/dev/null \
    | "${PEERS[@]}" resonance "Resonance Leiden (2 iterations, as igraph)"
  "${PEERS[@]}" igraph "$edges" "${label_args[@]}" "${SIMPLE_FLAG[@]}" --trials "$TRIALS"
}

run_graph "email-Eu-core (1,005 nodes, 25,571 directed edges; NMI against the 42 departments)" \
  "$DATA/email-Eu-core/email-Eu-core.txt" "$DATA/email-Eu-core/email-Eu-core-department-labels.txt"
run_graph "soc-Slashdot0902 (82,168 nodes, 948,464 directed edges)" "$DATA/soc-Slashdot0902/soc-Slashdot0902.txt.gz"
