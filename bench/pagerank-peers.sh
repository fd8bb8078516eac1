#!/usr/bin/env bash
# PageRank side by side with graph-tool (and igraph/NetworkX where they finish) on one R-MAT file, one session.
# Needs: apt-get install -y python3-graph-tool python3-igraph python3-networkx python3-scipy
#
#   bench/pagerank-peers.sh                 # R-MAT scale 22, edge factor 16, seed 7 (67M edges; ~3 GB RAM for graph-tool)
#   SCALE=20 bench/pagerank-peers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-22}; EF=${EF:-16}; SEED=${SEED:-7}; THREADS=${THREADS:-2}
PEERS=../shared/bench
GRAPH=${GRAPH:-/tmp/rmat-$SCALE-$EF-$SEED.bin}
[[ -f "$GRAPH" ]] || /usr/bin/python3 "$PEERS/rmat.py" "$SCALE" "$EF" "$SEED" "$GRAPH"
dotnet build src/Resonance.Cli -c Release -v quiet -nologo >/dev/null
CLI=(dotnet src/Resonance.Cli/bin/Release/net10.0/resonance.dll)
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/Model name: *//p'), .NET $(dotnet --version); graph $GRAPH; $THREADS threads"

echo "== Resonance, 20 iterations (GAPBS style), default / --relabel / --single --relabel"
"${CLI[@]}" bench pagerank --graph "$GRAPH" --iterations 20 --trials 3 --threads "$THREADS" --verify | grep -E 'Graph:|Load|Median|Memory|Verification'
"${CLI[@]}" bench pagerank --graph "$GRAPH" --iterations 20 --trials 3 --threads "$THREADS" --relabel | grep -E 'Relabel|Median|Memory'
"${CLI[@]}" bench pagerank --graph "$GRAPH" --iterations 20 --trials 3 --threads "$THREADS" --single --relabel | grep -E 'Relabel|Median|Memory'
echo "== Resonance, to L1 change < 1e-10"
"${CLI[@]}" bench pagerank --graph "$GRAPH" --iterations 1000 --tolerance 1e-10 --trials 1 --threads "$THREADS" | grep -E 'Median'

echo "== graph-tool (OpenMP, $THREADS threads): 20 iterations, and to 1e-10"
OMP_NUM_THREADS=$THREADS /usr/bin/python3 - "$GRAPH" <<'PY'
import sys, time, numpy as np, graph_tool.all as gt
e = np.fromfile(sys.argv[1], dtype=np.int32).reshape(-1, 2); n = int(e.max()) + 1
t = time.perf_counter(); g = gt.Graph(directed=True); g.add_vertex(n); g.add_edge_list(e); build = time.perf_counter() - t
times = []
for _ in range(3):
    t = time.perf_counter(); pr, it = gt.pagerank(g, damping=0.85, epsilon=0, max_iter=20, ret_iter=True); times.append(time.perf_counter() - t)
print(f"graph-tool: n={n} m={len(e)} build={build:.1f}s; 20 iterations: median {sorted(times)[1]:.3f} s of {[round(x, 3) for x in times]} "
      f"({len(e) * 20 / sorted(times)[1] / 1e9:.3f} G edge-visits/s)")
t = time.perf_counter(); pr, it = gt.pagerank(g, damping=0.85, epsilon=1e-10, ret_iter=True); conv = time.perf_counter() - t
print(f"graph-tool: to 1e-10: {conv:.3f} s ({it} iterations)")
PY
