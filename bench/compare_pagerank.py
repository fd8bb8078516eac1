#!/usr/bin/python3
"""Compare Resonance's unweighted PageRank with a peer library's on the same edge list.

compare_pagerank.py EDGES [LIB ...]      (LIB: igraph, networkx, scipy, graphtool; default igraph networkx)

Runs `resonance bench pagerank --graph EDGES --iterations 300 --out ours.npy` and
../shared/bench/peer_pagerank.py LIB EDGES --out LIB.npy, then prints the L1 distance between the vectors
(both index nodes the same way: text ids compacted in ascending order). Exit status 1 if any L1 >= 1e-9.
"""
import os, subprocess, sys, tempfile
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
edges = sys.argv[1]
libs = sys.argv[2:] or ["igraph", "networkx"]
peer = os.path.join(root, "..", "shared", "bench", "peer_pagerank.py")
work = tempfile.mkdtemp(prefix="resonance-pr-")
ours = os.path.join(work, "ours.npy")
subprocess.run(["dotnet", "run", "--project", os.path.join(root, "src", "Resonance.Cli"), "-c", "Release", "--",
                "bench", "pagerank", "--graph", edges, "--iterations", "300", "--trials", "1", "--verify", "--out", ours],
               check=True)
a = np.load(ours)
worst = 0.0
for lib in libs:
    ref = os.path.join(work, f"{lib}.npy")
    subprocess.run(["/usr/bin/python3", peer, lib, edges, "--out", ref], check=True)
    b = np.load(ref)
    l1 = float(np.abs(a - b).sum()) if a.shape == b.shape else float("inf")
    worst = max(worst, l1)
    print(f"L1(resonance, {lib}) = {l1:.3e}  (n = {a.shape[0]}, sum {a.sum():.12f} vs {b.sum():.12f})")
sys.exit(0 if worst < 1e-9 else 1)
