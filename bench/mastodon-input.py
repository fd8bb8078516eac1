#!/usr/bin/env python3
"""Writes a Mastodon JSON Lines input of about SIZE_MB megabytes for bench/importer-mastodon.sh.

Each line is one recorded API response body from ../shared/data/mastodon-api-samples (compacted). Copy k of a
response gets fresh ids: every run of 15+ digits (status and account ids, also inside URIs) is prefixed with k, and
every acct with "bk_", so each copy adds new posts, accounts and interactions instead of duplicates.
"""
import json, pathlib, re, sys

samples, out, size_mb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), float(sys.argv[3])
bodies = [json.dumps(json.loads(p.read_text())["body"], ensure_ascii=False, separators=(",", ":"))
          for p in sorted(samples.rglob("*.json"))]
digits, acct = re.compile(r"(\d{15,})"), re.compile(r'"acct":"')
target, written, k = size_mb * 1e6, 0, 0
with out.open("w", encoding="utf-8") as f:
    while written < target:
        k += 1
        for body in bodies:
            line = acct.sub(f'"acct":"b{k}_', digits.sub(lambda m: f"{k}{m.group(1)}", body)) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
print(f"{out}: {written / 1e6:.0f} MB, {k} copies of {len(bodies)} responses")
