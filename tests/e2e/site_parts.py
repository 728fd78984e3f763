"""What the tests and the benches read of a site's parts directly, as the
build wrote them (src/publish/parts.rs): a view's list's entries, a words'
table, the part of a rare word's first rows, and the search whose first page is
spread the most over its list."""

import gzip
import itertools
import json


def view_parts(site, manifest, key):
    """The entries of every part of a view's list (`claims_list`, `sources_list`),
    from the parts of its directory the manifest lists."""
    parts = []
    for directory in manifest[key]:
        parts += json.loads(gzip.decompress((site / "parts" / directory["file"]).read_bytes()))
    return parts


def table_words(site, manifest, table="claims_words"):
    """Each word of a words' table (the claims', or the events' `words`) made of
    letters, with its places in its list."""
    words = {}
    for part in manifest[table]:
        for word, steps in json.loads(gzip.decompress((site / "parts" / part["file"]).read_bytes())):
            if word.isalpha():
                words[word] = list(itertools.accumulate(steps))
    return words


def word_rows_part(site, manifest, key, word):
    """The file of the part of a list's rare words' first rows (`key`: `word_rows`,
    `claims_word_rows`) that holds `word`, found as the app finds it, through the
    part of their directory the manifest lists (`WordRows`); and that part's file."""
    listing = [d for d in manifest[key]["directory"] if d["from"] <= word][-1]
    parts = json.loads(gzip.decompress((site / "parts" / listing["file"]).read_bytes()))
    return [p["file"] for p in parts if p["from"] <= word][-1], listing["file"]


def spread_search(site, manifest, apart, view="claims"):
    """The search (one word, two or three) whose first page of claims (or of
    the events list: `view` "events") is spread over the most parts of its
    list, and the files of those parts: where `apart`, of a word whose first
    rows the build wrote apart (src/publish/word_rows.rs); else of words none of
    whose rows it wrote apart, the words they begin included (a typed word finds
    every word it begins)."""
    events = view == "events"
    directory = manifest["list"] if events else view_parts(site, manifest, "claims_list")
    holding = lambda place: next(e["file"] for e in directory  # noqa: E731
                                 if e["first"] <= place < e["first"] + e["count"])
    words = table_words(site, manifest, "words" if events else "claims_words")
    below = (manifest.get("word_rows" if events else "claims_word_rows") or {}).get("below", 0)
    rare = lambda word: 4 < len(words[word]) < below  # noqa: E731 (WordRows::holds)
    begun = lambda typed: [w for w in words if w.startswith(typed)]  # noqa: E731
    if apart:
        searches = [(w,) for w in words if rare(w)]
    else:
        plain = sorted((w for w in words if not any(rare(b) for b in begun(w))),
                       key=lambda w: (-len(words[w]), w))[:30]
        searches = [(w,) for w in plain] + [
            c for n in (2, 3) for c in itertools.combinations(plain, n)]

    def first_page(search):
        found = None
        for typed in search:
            places = set().union(*(words[w] for w in begun(typed)))
            found = places if found is None else found & places
        return sorted(found)[:50]
    spread = {search: {holding(place) for place in first_page(search)} for search in searches}
    search = max(sorted(spread), key=lambda s: len(spread[s]))
    return " ".join(search), spread[search]
