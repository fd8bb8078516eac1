#!/usr/bin/env python3
"""Builds large Twitter inputs for bench/importer-twitter.sh by repeating the real samples with fresh ids.

  twitter_bench_input.py twarc   DATA OUT.jsonl  MB   # twarc2 JSONL: the v2-twarc response pages, repeated
  twitter_bench_input.py archive DATA OUT_DIR    MB   # archive folder: tweets.js repeated, other files as they are

Copy k rewrites every quoted run of 6-19 digits (tweet and user ids) to int(id) + k * 10**15, so each copy holds
new tweets and new accounts while keeping every reference inside the copy consistent. Output is streamed.
"""
import os
import re
import shutil
import sys

IDS = re.compile(rb'"(\d{6,19})"')
TWARC = ["brexit.jsonl", "kpop.jsonl", "entities_test.jsonl", "noflat.jsonl", "withheld.jsonl"]


def fresh(data: bytes, k: int) -> bytes:
    return data if k == 0 else IDS.sub(lambda m: b'"%d"' % (int(m.group(1)) + k * 10**15), data)


def twarc(data_dir: str, out: str, megabytes: int) -> None:
    pages = b"".join(open(os.path.join(data_dir, "twitter-api-samples/v2-twarc", f), "rb").read() for f in TWARC)
    with open(out, "wb") as o:
        k = 0
        while o.tell() < megabytes * 1_000_000:
            o.write(fresh(pages, k))
            k += 1


def archive(data_dir: str, out: str, megabytes: int) -> None:
    source = os.path.join(data_dir, "twitter-archive-sample/data")
    target = os.path.join(out, "data")
    os.makedirs(target, exist_ok=True)
    for name in ["account.js", "manifest.js", "like.js", "follower.js", "following.js"]:
        shutil.copy(os.path.join(source, name), target)
    text = open(os.path.join(source, "tweets.js"), "rb").read()
    start, end = text.index(b"[") + 1, text.rindex(b"]")
    body = text[start:end].strip()
    with open(os.path.join(target, "tweets.js"), "wb") as o:
        o.write(text[:start] + b"\n")
        k = 0
        while o.tell() < megabytes * 1_000_000:
            if k:
                o.write(b",\n")
            # The owner's own id must stay the owner's: only other ids get fresh values.
            o.write(fresh(body, k).replace(b'"%d"' % (112769581 + k * 10**15), b'"112769581"'))
            k += 1
        o.write(b"\n]")


if __name__ == "__main__":
    kind, data_dir, out, megabytes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    {"twarc": twarc, "archive": archive}[kind](data_dir, out, megabytes)
