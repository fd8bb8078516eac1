#!/usr/bin/env python3
"""Turns the recorded firehose #commit messages into JSON Lines, many copies with fresh repository DIDs.

Usage: bench/bluesky-firehose.py [--copies N] OUT.jsonl MESSAGE.json...

Each message (one pretty-printed JSON object per file, as in ../shared/data/bluesky-atproto-samples/firehose-commits)
is written compact on one line. Copy k > 0 gets a fresh repository DID (did:plc: + 24 base32 characters derived from
k) and a fresh seq, so its records become distinct interactions and posts (their at:// URIs carry the repository);
the CAR slice in "blocks" is kept byte for byte, so every block still matches its CID. Used by
bench/importer-firehose.sh.
"""
import json, sys

ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"

def did(k):
    s = ""
    for _ in range(24):
        s += ALPHABET[k % 32]; k //= 32
    return "did:plc:" + s[::-1]

def main(argv):
    copies = 1
    if argv[:1] == ["--copies"]:
        copies = int(argv[1]); argv = argv[2:]
    out, paths = argv[0], argv[1:]
    messages = [json.load(open(p)) for p in paths]
    seq = 1
    with open(out, "w") as f:
        for k in range(copies):
            for m in messages:
                m = dict(m)
                if k > 0:
                    m["repo"] = did(1_000_000 + k * len(messages) + seq)
                m["seq"] = seq; seq += 1
                f.write(json.dumps(m, separators=(",", ":")) + "\n")

main(sys.argv[1:])
