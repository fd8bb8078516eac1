#!/usr/bin/env python3
"""Turns Bluesky repository CAR exports into Jetstream JSON Lines, optionally many copies with fresh ids.

Usage: bench/bluesky-jetstream.py [--copies N] [--extras] OUT.jsonl REPO.car...

For every record the current tree of each CAR reaches (the MST walked from the root commit), writes one Jetstream
commit event {"did", "time_us", "kind": "commit", "commit": {"rev", "operation": "create", "collection", "rkey",
"record", "cid"}} with the record in the data model's JSON form ($link, $bytes). Copy k > 0 gives the repository a
fresh DID (did:plc:bench…) and every record a fresh rkey, rewriting the record's own at:// URIs to match, so copies
never collide. --extras appends one identity, one account and one delete event per repository.

Used for tests/Resonance.Ingest.Tests/Formats/Bluesky/Fixtures/bnewbold.jetstream.jsonl (--extras, one copy) and by
bench/importer-bluesky.sh (many copies). A self-contained CAR v1 / DAG-CBOR / MST reader, independent of the C# one.
"""
import base64, hashlib, json, sys

def varint(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def cbor(b, i):
    ib = b[i]; i += 1; mt, ai = ib >> 5, ib & 31
    if ai < 24: v = ai
    else:
        n = {24: 1, 25: 2, 26: 4, 27: 8}[ai]; v = int.from_bytes(b[i:i + n], 'big'); i += n
    if mt == 0: return v, i
    if mt == 1: return -1 - v, i
    if mt == 2: return bytes(b[i:i + v]), i + v
    if mt == 3: return b[i:i + v].decode(), i + v
    if mt == 4:
        out = []
        for _ in range(v): x, i = cbor(b, i); out.append(x)
        return out, i
    if mt == 5:
        out = {}
        for _ in range(v): k, i = cbor(b, i); x, i = cbor(b, i); out[k] = x
        return out, i
    if mt == 6:
        x, i = cbor(b, i); assert v == 42; return Link(x[1:]), i
    return {20: False, 21: True, 22: None}[v], i

class Link(bytes):
    def text(self): return 'b' + base64.b32encode(self).decode().lower().rstrip('=')

def read_car(path):
    b = open(path, 'rb').read()
    n, i = varint(b, 0); header, _ = cbor(b, i); i += n
    blocks = {}
    while i < len(b):
        n, i = varint(b, i); cid, data = b[i:i + 36], b[i + 36:i + n]; i += n
        assert hashlib.sha256(data).digest() == cid[4:], 'block does not hash to its CID'
        blocks.setdefault(bytes(cid), data)
    return header['roots'][0], blocks

def walk(blocks, cid, out):
    node, _ = cbor(blocks[bytes(cid)], 0)
    if node.get('l'): walk(blocks, node['l'], out)
    key = b''
    for e in node['e']:
        key = key[:e['p']] + e['k']; out.append((key.decode(), e['v']))
        if e.get('t'): walk(blocks, e['t'], out)

def to_json(v):
    if isinstance(v, Link): return {'$link': v.text()}
    if isinstance(v, bytes): return {'$bytes': base64.b64encode(v).decode().rstrip('=')}
    if isinstance(v, list): return [to_json(x) for x in v]
    if isinstance(v, dict): return {k: to_json(x) for k, x in v.items()}
    return v

TID = '234567abcdefghijklmnopqrstuvwxyz'
def tid(n): return ''.join(TID[(n >> (5 * (12 - k))) & 31] for k in range(13))

def main(argv):
    copies, extras = 1, False
    while argv[0].startswith('--'):
        if argv[0] == '--copies': copies = int(argv[1]); argv = argv[2:]
        elif argv[0] == '--extras': extras = True; argv = argv[1:]
    out_path, cars = argv[0], argv[1:]
    repos = []
    for path in cars:
        root, blocks = read_car(path)
        commit, _ = cbor(blocks[bytes(root)], 0)
        entries = []; walk(blocks, commit['data'], entries)
        lines = []
        for key, cid in entries:
            collection, rkey = key.split('/', 1)
            record, _ = cbor(blocks[bytes(cid)], 0)
            lines.append((collection, rkey, json.dumps(to_json(record), separators=(',', ':'), ensure_ascii=False), cid.text()))
        repos.append((commit['did'], lines))
    time_us, serial = 1_700_000_000_000_000, 1 << 40
    with open(out_path, 'w', encoding='utf-8') as out:
        for k in range(copies):
            for did, lines in repos:
                new_did = did if k == 0 else f'did:plc:bench{k:08d}{int(hashlib.sha256(did.encode()).hexdigest()[:8], 16) % 10**8:08d}'
                for collection, rkey, record, cid in lines:
                    new_rkey = rkey
                    if k > 0:
                        serial += 1; new_rkey = tid(serial)
                        record = record.replace(f'at://{did}/', f'at://{new_did}/')
                    time_us += 1
                    out.write(f'{{"did":"{new_did}","time_us":{time_us},"kind":"commit","commit":{{"rev":"{tid(time_us)}","operation":"create",'
                              f'"collection":"{collection}","rkey":"{new_rkey}","record":{record},"cid":"{cid}"}}}}\n')
                if extras:
                    time_us += 1
                    out.write(json.dumps({'did': new_did, 'time_us': time_us, 'kind': 'identity', 'identity': {'did': new_did, 'handle': 'bnewbold.robocracy.org', 'seq': 1, 'time': '2025-03-10T00:54:05.000Z'}}) + '\n')
                    out.write(json.dumps({'did': new_did, 'time_us': time_us + 1, 'kind': 'account', 'account': {'active': True, 'did': new_did, 'seq': 2, 'time': '2025-03-10T00:54:05.000Z'}}) + '\n')
                    out.write(json.dumps({'did': new_did, 'time_us': time_us + 2, 'kind': 'commit', 'commit': {'rev': tid(time_us + 2), 'operation': 'delete', 'collection': 'app.bsky.feed.like', 'rkey': '3l5dlnelztk23'}}) + '\n')
                    time_us += 2

if __name__ == '__main__':
    main(sys.argv[1:])
