"""What the first page of a word's search reads, by how many records hold the
word: for the events', the claims' and the sources' lists of a site's parts,
words are grouped by how many of the list's records hold them, and for a
sample of each group this counts the parts the page's rows come from (the rare
words' rows apart, or the list's parts that hold them, with the parts of the
list's directory that name those) and their bytes as stored. Only the parts of
rows are counted: the words' table's part, which every search reads, is left
out. A word typed is read as that word alone, not as the beginning of others.

    python tests/bench/word_pages.py PARTS_DIR [--per-group N]

PARTS_DIR is a site's `parts/` (or `split-corpus`'s output). Deterministic.
"""

import argparse
import bisect
import gzip
import json
import os
import random
import statistics

PAGE = 50
GROUPS = [(1, 4), (5, 13), (14, 50), (51, 200), (201, 1000), (1001, 5000), (5001, 10**9)]


def read(parts, file):
    with open(os.path.join(parts, file), "rb") as f:
        data = f.read()
    return json.loads(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)


def words_of(parts, entries):
    """Every word of a words' table, with its places."""
    for entry in entries:
        for word, steps in read(parts, entry["file"]):
            places, at = [], 0
            for i, step in enumerate(steps):
                at = step if i == 0 else at + step
                places.append(at)
            yield word, places


def holding(entries, key, start="first"):
    """The entry whose run (from `start`) holds `key`."""
    at = bisect.bisect_right([e[start] for e in entries], key) - 1
    return entries[max(at, 0)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parts")
    ap.add_argument("--per-group", type=int, default=200)
    args = ap.parse_args()
    manifest = read(args.parts, "manifest.json")
    lists = [
        ("events", "words", "word_rows", None, "list"),
        ("claims", "claims_words", "claims_word_rows", "claims_list", None),
        ("sources", "sources_words", "sources_word_rows", "sources_list", None),
    ]
    print(f"{'list':8} {'records':>12} {'words':>7} {'parts':>6} {'KB':>8} {'KB p95':>8}")
    for name, words_key, rows_key, directory_key, list_key in lists:
        if not manifest.get(words_key):
            continue
        if list_key:
            listed = [(None, e) for e in manifest[list_key]]
        else:
            listed = []
            for d in manifest[directory_key]:
                listed += [(d, e) for e in read(args.parts, d["file"])]
        firsts = [e["first"] for _, e in listed]
        rows = manifest.get(rows_key) or {"below": 0, "directory": []}
        below, rows_directory = rows["below"], rows["directory"]
        groups = {g: [] for g in GROUPS}
        for word, places in words_of(args.parts, manifest[words_key]):
            for g in GROUPS:
                if g[0] <= len(places) <= g[1]:
                    groups[g].append((word, places))
        rng = random.Random(3)
        for g in GROUPS:
            found = groups[g]
            if not found:
                continue
            sample = rng.sample(found, min(args.per_group, len(found)))
            costs = []
            for word, places in sample:
                files = {}
                if 4 < len(places) < below:  # WordRows::holds
                    d = holding(rows_directory, word, "from")
                    files[d["file"]] = d["bytes"]
                    e = holding(read(args.parts, d["file"]), word, "from")
                    files[e["file"]] = e["bytes"]
                else:
                    for place in places[:PAGE]:
                        d, e = listed[bisect.bisect_right(firsts, place) - 1]
                        files[e["file"]] = e["bytes"]
                        if d:
                            files[d["file"]] = d["bytes"]
                costs.append((len(files), sum(files.values())))
            n = [c[0] for c in costs]
            kb = sorted(c[1] / 1000 for c in costs)
            p95 = kb[min(len(kb) - 1, int(len(kb) * 0.95))]
            label = f"{g[0]}-{g[1]}" if g[1] < 10**9 else f"{g[0]}+"
            print(
                f"{name:8} {label:>12} {len(found):>7} {statistics.median(n):>6.0f} "
                f"{statistics.median(kb):>8.0f} {p95:>8.0f}"
            )


if __name__ == "__main__":
    main()
