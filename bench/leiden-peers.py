#!/usr/bin/env python3
"""igraph's Leiden and Louvain on the graph `resonance bench leiden` sees, and the table rows, for bench/leiden-peers.sh.

Usage: leiden-peers.py igraph EDGES [--labels FILE] [--trials T] [--simple]   runs igraph, prints one row per method
       leiden-peers.py resonance LABEL < REPORT.json                         prints a row for `bench leiden --json`
       leiden-peers.py header

EDGES is a text edge list (src dst per line, '#' comments, .gz allowed). Ids are compacted in ascending order, as
Resonance's EdgeListLoader does. The directed graph is symmetrised with as_undirected(mode="each") (one undirected
edge per line, self-loops kept: a reciprocated pair counts twice), or with --simple as
as_undirected(mode="collapse").simplify() (one unit edge per connected pair, no self-loops), matching
`resonance bench leiden --simple`. Each trial seeds Python's random module (igraph's RNG) with the trial number.
Rows give the mean number of communities, modularity (mean and best), NMI against the labels (mean and worst) and the
median seconds of the community detection call.
"""
import gzip
import json
import random
import statistics
import sys
import time

import igraph as ig


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    src, dst = [], []
    with opener(path, "rt") as f:
        for line in f:
            line = line.strip()
            if not line or line[0] in "#%":
                continue
            a, b = line.split()[:2]
            src.append(int(a))
            dst.append(int(b))
    ids = sorted(set(src) | set(dst))
    index = {v: i for i, v in enumerate(ids)}
    return ids, [(index[a], index[b]) for a, b in zip(src, dst)]


ROW = "{:44s} {:>8s} {:>8s} {:>8s} {:>8s} {:>8s} {:>10s}"


def row(method, communities, qs, nmis, seconds):
    f4 = lambda v: f"{v:.4f}"
    return ROW.format(method, f"{communities:.1f}", f4(statistics.mean(qs)), f4(max(qs)),
                      f4(statistics.mean(nmis)) if nmis else "-", f4(min(nmis)) if nmis else "-", f"{seconds:.3f}")


def resonance(argv):
    report = json.load(sys.stdin)
    trials = report["trials"]
    nmis = [t["nmi"] for t in trials if t["nmi"] is not None]
    print(row(argv[2], statistics.mean(t["communities"] for t in trials), [t["modularity"] for t in trials], nmis,
              report["median_seconds"]))


def igraph_methods(argv):
    path = argv[2]
    labels_path = argv[argv.index("--labels") + 1] if "--labels" in argv else None
    trials = int(argv[argv.index("--trials") + 1]) if "--trials" in argv else 5
    simple = "--simple" in argv
    ids, edges = load(path)
    g = ig.Graph(n=len(ids), edges=edges, directed=True)
    if simple:
        u = g.as_undirected(mode="collapse")
        u.simplify()
    else:
        u = g.as_undirected(mode="each")
    truth = None
    if labels_path:
        labels = {}
        with open(labels_path) as f:
            for line in f:
                if line.strip():
                    a, b = line.split()[:2]
                    labels[int(a)] = int(b)
        truth = [labels.get(v, -1 - i) for i, v in enumerate(ids)]
    methods = [
        ("igraph Leiden (n_iterations=2, default)", lambda: u.community_leiden(objective_function="modularity", n_iterations=2)),
        ("igraph Leiden (n_iterations=-1)", lambda: u.community_leiden(objective_function="modularity", n_iterations=-1)),
        ("igraph Louvain (community_multilevel)", lambda: u.community_multilevel()),
    ]
    for name, run in methods:
        qs, nmis, times, ks = [], [], [], []
        for t in range(trials):
            random.seed(t)
            start = time.perf_counter()
            clustering = run()
            times.append(time.perf_counter() - start)
            qs.append(u.modularity(clustering.membership))
            ks.append(len(clustering))
            if truth is not None:
                nmis.append(ig.compare_communities(clustering.membership, truth, method="nmi"))
        print(row(name, statistics.mean(ks), qs, nmis, statistics.median(times)), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "igraph":
        igraph_methods(sys.argv)
    elif sys.argv[1] == "resonance":
        resonance(sys.argv)
    else:
        print(ROW.format("method", "k", "Q-mean", "Q-best", "NMI-mean", "NMI-min", "median-s"))
