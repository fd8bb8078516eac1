#!/usr/bin/env python3
"""igraph's Infomap on the graph `resonance bench communities` sees, and the table rows, for bench/infomap-peers.sh.

Usage: infomap-peers.py igraph EDGES [--labels FILE] [--runs R] [--trials T]   runs igraph, prints one row
       infomap-peers.py resonance LABEL < REPORT.json                        prints a row for `bench communities --json`
       infomap-peers.py header

EDGES is a text edge list (src dst per line, '#' comments, .gz allowed), loaded as in leiden-peers.py (ids compacted in
ascending order). The directed graph becomes the weighted undirected graph Resonance builds: as_undirected(mode="collapse")
of unit edges with weights summed, so {u, v} weighs w(u→v) + w(v→u) and a self-loop keeps its count. igraph's
community_infomap gets those weights. Its own codelength uses teleportation (the original Infomap code), so the rows
give every partition's codelength under one definition, Resonance's: the two-level map equation of the undirected walk
with visit rates proportional to strength (a self-loop counts twice in a strength and never in an exit), computed here
independently. Run r seeds Python's random module (igraph's RNG) with r. Rows: mean communities, codelength (mean),
modularity (mean), NMI against the labels (mean and worst), median seconds of the community detection call.
"""
import importlib.util
import json
import math
import os
import random
import statistics
import sys
import time

import igraph as ig

_spec = importlib.util.spec_from_file_location("leiden_peers", os.path.join(os.path.dirname(__file__), "leiden-peers.py"))
_peers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_peers)

ROW = "{:44s} {:>8s} {:>10s} {:>8s} {:>8s} {:>8s} {:>10s}"


def plogp(x):
    return x * math.log2(x) if x > 0 else 0.0


def codelength(g, membership, weights):
    """L = plogp(Σq) − 2 Σ plogp(q_i) − Σ plogp(p_α) + Σ plogp(q_i + p_i), flow ∝ strength (docs/communities.md)."""
    k = [0.0] * g.vcount()
    cut, total = {}, {}
    for e, w in zip(g.es, weights):
        a, b = e.source, e.target
        k[a] += w
        k[b] += w
        if membership[a] != membership[b]:
            cut[membership[a]] = cut.get(membership[a], 0.0) + w
            cut[membership[b]] = cut.get(membership[b], 0.0) + w
    two_m = sum(k)
    for v, c in enumerate(membership):
        total[c] = total.get(c, 0.0) + k[v]
    q = [cut.get(c, 0.0) / two_m for c in total]
    p = [total[c] / two_m for c in total]
    return (plogp(sum(q)) - 2 * sum(map(plogp, q)) - sum(plogp(x / two_m) for x in k)
            + sum(plogp(a + b) for a, b in zip(q, p)))


def row(method, communities, lengths, qs, nmis, seconds):
    f4 = lambda v: f"{v:.4f}"
    return ROW.format(method, f"{communities:.1f}", f4(statistics.mean(lengths)), f4(statistics.mean(qs)),
                      f4(statistics.mean(nmis)) if nmis else "-", f4(min(nmis)) if nmis else "-", f"{seconds:.3f}")


def resonance(argv):
    report = json.load(sys.stdin)
    runs = report["runs"]
    nmis = [r["nmi"] for r in runs if r["nmi"] is not None]
    print(row(argv[2], statistics.mean(r["communities"] for r in runs), [r["codelength"] for r in runs],
              [r["modularity"] for r in runs], nmis, report["median_seconds"]))


def igraph_infomap(argv):
    path = argv[2]
    labels_path = argv[argv.index("--labels") + 1] if "--labels" in argv else None
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    trials = int(argv[argv.index("--trials") + 1]) if "--trials" in argv else 10
    ids, edges = _peers.load(path)
    g = ig.Graph(n=len(ids), edges=edges, directed=True)
    g.es["weight"] = [1.0] * g.ecount()
    u = g.as_undirected(mode="collapse", combine_edges="sum")
    weights = u.es["weight"]
    truth = None
    if labels_path:
        labels = {}
        with open(labels_path) as f:
            for line in f:
                if line.strip():
                    a, b = line.split()[:2]
                    labels[int(a)] = int(b)
        truth = [labels.get(v, -1 - i) for i, v in enumerate(ids)]
    lengths, qs, nmis, times, ks = [], [], [], [], []
    for r in range(runs):
        random.seed(r)
        start = time.perf_counter()
        clustering = u.community_infomap(edge_weights="weight", trials=trials)
        times.append(time.perf_counter() - start)
        lengths.append(codelength(u, clustering.membership, weights))
        qs.append(u.modularity(clustering.membership, weights="weight"))
        ks.append(len(clustering))
        if truth is not None:
            nmis.append(ig.compare_communities(clustering.membership, truth, method="nmi"))
    print(row(f"igraph community_infomap (trials={trials})", statistics.mean(ks), lengths, qs, nmis, statistics.median(times)), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "igraph":
        igraph_infomap(sys.argv)
    elif sys.argv[1] == "resonance":
        resonance(sys.argv)
    else:
        print(ROW.format("method", "k", "L (bits)", "Q", "NMI-mean", "NMI-min", "median-s"))
