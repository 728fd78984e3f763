"""A generated corpus given a real vocabulary's long tail: the generated corpora
draw their words from some 700 (src/bin/gen-corpus/synth.rs), where real text
has many names, places and terms, most of them rare. Each event's summary gains
8 words and each claim's paraphrase 5, drawn from 300,000 made-up words with the
weight 1/(rank + 10), as word frequencies fall in real text. Deterministic.

    python tests/bench/real_vocabulary.py CORPUS.json OUT.json
    cargo run --release --bin split-corpus -- --no-whole --no-plain OUT.json PARTS_DIR
"""

import bisect
import json
import random
import sys

WORDS = 300_000
CONSONANTS, VOWELS = "bcdfghjklmnprtvz", "aeiou"


def made_up(rank):
    """A word of at least eight letters, one for each rank."""
    word, n = "", rank + 20_000
    while n:
        n, at = divmod(n, len(CONSONANTS) * len(VOWELS))
        word += CONSONANTS[at // len(VOWELS)] + VOWELS[at % len(VOWELS)]
    return word


def main():
    source, out = sys.argv[1], sys.argv[2]
    rng = random.Random(5)
    cumulative, total = [], 0.0
    for rank in range(WORDS):
        total += 1.0 / (rank + 10)
        cumulative.append(total)
    used = {}

    def draw():
        rank = bisect.bisect(cumulative, rng.random() * total)
        return used.setdefault(rank, made_up(rank))

    with open(source, encoding="utf-8") as f:
        corpus = json.load(f)
    for event in corpus["events"]:
        event["summary"] += " " + " ".join(draw() for _ in range(8))
    for claim in corpus["claims"]:
        claim["paraphrase"] += " " + " ".join(draw() for _ in range(5))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(corpus, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(used):,} made-up words used")


if __name__ == "__main__":
    main()
