#!/usr/bin/python3
"""Compare Resonance's unweighted PageRank with a peer library's on the same edge list.

compare_pagerank.py EDGES [LIB ...]      (LIB: igraph, networkx, networkx-converged, scipy, graphtool; default igraph networkx-converged)

Runs `resonance bench pagerank --graph EDGES --iterations 300 --out ours.npy` and
../shared/bench/peer_pagerank.py LIB EDGES --out LIB.npy, then prints the L1 distance between the vectors
(both index nodes the same way: text ids compacted in ascending order). Exit status 1 if any L1 >= 1e-9.

networkx-converged runs NetworkX here with tol=1e-17 (max_iter 2000), on the ids compacted as peer_pagerank.py does:
NetworkX stops when the L1 change is below n*tol, so at peer_pagerank.py's tol=1e-10 its own vector is only about
2.6e-5 accurate on Higgs (n = 256,491), far from the 1e-9 bar; converged, it is a fair reference.
"""
import os, subprocess, sys, tempfile
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
edges = sys.argv[1]
libs = sys.argv[2:] or ["igraph", "networkx-converged"]
peer = os.path.join(root, "..", "shared", "bench", "peer_pagerank.py")
work = tempfile.mkdtemp(prefix="resonance-pr-")
ours = os.path.join(work, "ours.npy")
subprocess.run(["dotnet", "run", "--project", os.path.join(root, "src", "Resonance.Cli"), "-c", "Release", "--",
                "bench", "pagerank", "--graph", edges, "--iterations", "300", "--trials", "1", "--verify", "--out", ours],
               check=True)
a = np.load(ours)


def networkx_converged(path):
    import time
    import networkx as nx
    e = np.loadtxt(path, dtype=np.int64, comments="#")[:, :2]
    _, e = np.unique(e, return_inverse=True)
    e = e.reshape(-1, 2)
    n = int(e.max()) + 1
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(map(tuple, e))
    t = time.perf_counter()
    d = nx.pagerank(g, alpha=0.85, tol=1e-17, max_iter=2000)
    print(f"networkx-converged: n={n} m={len(e)} pagerank={time.perf_counter() - t:.2f}s (tol 1e-17)")
    return np.array([d[i] for i in range(n)])


worst = 0.0
for lib in libs:
    ref = os.path.join(work, f"{lib}.npy")
    if lib == "networkx-converged":
        b = networkx_converged(edges)
    else:
        subprocess.run(["/usr/bin/python3", peer, lib, edges, "--out", ref], check=True)
        b = np.load(ref)
    l1 = float(np.abs(a - b).sum()) if a.shape == b.shape else float("inf")
    worst = max(worst, l1)
    print(f"L1(resonance, {lib}) = {l1:.3e}  (n = {a.shape[0]}, sum {a.sum():.12f} vs {b.sum():.12f})")
sys.exit(0 if worst < 1e-9 else 1)
