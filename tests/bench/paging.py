"""Paging through the default list of a large corpus before it is read (the
default list in pages, src/publish/pages.rs): opens the first page (the static
one), waits for the app, then follows the pager's links, as a reader does: the
next page (a new part of the list), the one after (the same part), and pages far
on, then to a year through the year box (a year in a part not yet read), then
over date ranges of a year each (a sparse year and a dense one, as the list's
parts are spread), page 2 of the last, and a range over every year; then the
events list for one actor (the actor with the most events, its page 2 and its
last page, and an actor with a few pages), and the lists of both over a date
range (the first over 1980-2000, the busiest over the densest year), and two
actors together (the next two busiest; two of about 120 events); then searches
(a common word, a word of about 50 events, whose page is spread over the list,
a word of about 700 events and its pages 2 and 4, the beginnings of two words, a word typed into the search field above the list,
as a reader types it, a word of a tenth of the events within the busiest actor's
events and the first word within those of the actor of about 120, then the first word over the
densest year and the second over 1980-2000); then kinds (the commonest event
tag, the rarest value of any kind, the tag with the commonest claim kind, with
the common word, within the busiest actor's events, over the densest year); then
the claims' list (its first page and its charts, the next page, a page far on)
the sources' and the institutions' and people's (their lists in pages,
src/publish/views.rs); then the claims over the densest year, over every year
and page 2 of 2001-2003, and the sources over 1980-2000 (src/publish/view_range.rs);
then kinds of the claims (the commonest claim kind, the rarest value of any kind, the
commonest over the densest year) and of the sources (the commonest source kind);
then the claims for actors (the actor in most claims, its page 2, one in about
120, the first over the densest year and with the commonest claim kind, the next
two together) and the sources of the actor in most (src/publish/view_by_actor.rs);
then searches of the claims (a word of a third of them, one of about 50, one of
about 700 and its pages 2 and 4, the first over the densest year) and of the sources. Prints, for each step, the time from
the click to the page's records on screen (for a range, to its first page and to
its count and whole page; for a search or a kind, also from opening its
timeline's fold to the timeline, counted from the days of what it finds, and,
with nothing else sought, from opening the kinds' fold to their counts) and
the bytes it transferred; and the JS heap
and wasm memory after each run. The site is served with gzip as a static
host serves it; the link is not throttled unless --slow (the slow phone profile
of slow_link.py).

    python tests/bench/paging.py [--slow] [--runs 3] SITE_DIR
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slow_link import serve, slow_phone, start_chromium  # noqa: E402
from browser import MEMORY_JS  # noqa: E402
from visit import TRANSFERRED, wait  # noqa: E402

ROWS = "return [...document.querySelectorAll('li.record.event h4 a')].map(a => a.dataset.id).join(' ')"
PAGER = "return !!document.querySelector('nav.pager')"
# Follows the pager's link to page `n` where it has one, else goes there as the
# address bar's back and forward do (the app follows popstate); both draw in place.
GO = """
const n = arguments[0];
const label = 'Page ' + n.toLocaleString('en');
for (const a of document.querySelectorAll('nav.pager a')) {
  if (a.getAttribute('aria-label') === label) { a.click(); return 'link'; }
}
history.pushState(null, '', '?page=' + n);
dispatchEvent(new PopStateEvent('popstate'));
return 'address';
"""


# Types a year into the year box and submits it, as a reader does.
YEAR = """
const box = document.getElementById('year-jump');
box.value = arguments[0];
box.dispatchEvent(new Event('input', { bubbles: true }));
box.form.requestSubmit();
"""


# Sets the date range as the address bar's back and forward do (both ends at once).
RANGE = """
history.pushState(null, '', '?from=' + arguments[0] + '&to=' + arguments[1]);
dispatchEvent(new PopStateEvent('popstate'));
"""
TITLE = "return (document.querySelector('.list-title') || {}).textContent || ''"
FETCHING = ("return [...document.querySelectorAll('main p[role=status]')]"
            ".some(p => p.textContent.startsWith('Fetching page'))")
NEXT = "document.querySelector(\"nav.pager a[aria-label='Page 2']\").click()"
# A range in many parts asks first: the bench reads it, as a reader who asks does.
READ_ANYWAY = "const b = document.querySelector('.range-asks button'); if (b) b.click();"
# The claims', the sources' or the institutions' and people's rows on screen.
VIEW_ROWS = ("return [...document.querySelectorAll("
             "'li.record.claim h4 a, li.record.source h3 a, table.actors tbody th a')]"
             ".map(a => a.dataset.id).join(' ')")
# The timeline above the list drawn (a search's or a kind's is counted from
# the days of what it finds, once the list has found it).
TIMELINE = "return !!document.querySelector('main details.tl-fold figure.timeline-chart')"
OPEN_TIMELINE = "document.querySelector('main details.tl-fold').open = true"
# The kinds above a list in pages: their fold opened, as a reader opens it
# (src/app/kind_choices.rs); asked to count where they ask first; counted.
OPEN_KINDS = ("document.querySelectorAll('main details.list-terms, main details.list-terms details.terms')"
              ".forEach(d => { d.open = true; })")
ASK_KINDS = """
const ask = document.querySelector('main details.list-terms .range-asks button');
if (ask) { ask.click(); }
return !!ask"""
KINDS_COUNTED = ("return [...document.querySelectorAll('main details.list-terms .count')]"
                 ".some(c => c.textContent.trim() !== '')")
# The claims' charts drawn: the death tolls' table and who said what.
CHARTS = "return document.querySelectorAll('main .charts-fold table').length"
# Sets the address's query, as the address bar's back and forward do.
QUERY = """
history.pushState(null, '', '?' + arguments[0]);
dispatchEvent(new PopStateEvent('popstate'));
"""


def actor_lists(site, manifest):
    """Every actor's id and the length of its events list, from the actors' table."""
    lists = []
    for part in manifest.get("by_actor", []):
        table = json.loads(gzip.decompress((site / "parts" / part["file"]).read_bytes()))
        lists.extend((actor, count) for actor, (_, _, count) in table["actors"])
    return lists


def view_actor_lists(site, manifest, view):
    """Every actor's id and how many records it keeps in a view's list (`claims`,
    `sources`), from the view's table of lists by actor."""
    lists = []
    for part in manifest.get(f"{view}_by_actor", []):
        table = json.loads(gzip.decompress((site / "parts" / part["file"]).read_bytes()))
        lists.extend((actor, len(places)) for actor, (_, _, places) in table["actors"])
    return lists


def table_counts(site, manifest, table):
    """Every key of a table of places (`words`, `kinds`) and how many events it finds."""
    counts = {}
    for part in manifest.get(table, []):
        table = json.loads(gzip.decompress((site / "parts" / part["file"]).read_bytes()))
        counts.update((word, len(places)) for word, places in table)
    return counts


# Types into the search field above the list, as a reader does (the whole word at once).
TYPE = """
const f = document.getElementById('list-search');
f.focus();
f.value = arguments[0];
f.dispatchEvent(new Event('input', { bubbles: true }));
"""


def count_kinds(drv):
    """Opens the kinds above the list, asks for their counts where they ask
    first, and returns the time (ms) and the bytes until they are counted."""
    sent = drv.execute_script(TRANSFERRED)
    opened = time.perf_counter()
    drv.execute_script(OPEN_KINDS)
    wait(drv, lambda: drv.execute_script(ASK_KINDS) or drv.execute_script(KINDS_COUNTED), timeout=300)
    wait(drv, lambda: drv.execute_script(KINDS_COUNTED), timeout=300)
    return (time.perf_counter() - opened) * 1000, drv.execute_script(TRANSFERRED) - sent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--slow", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="time only the steps whose names begin so (e.g. 'search', 'typed')",
                    action="append")
    ap.add_argument("site")
    args = ap.parse_args()
    site = Path(args.site)
    manifest = json.loads((site / "parts/manifest.json").read_text(encoding="utf-8"))
    pages = -(-manifest["totals"]["events"] // 50)
    if pages < 3 or not manifest.get("list"):
        print(f"{pages} page(s) of events: nothing to page through")
        return
    per_part = manifest["list"][0]["count"] // 50
    # The next page (in the list's first part, not yet fetched: page 1 is the
    # static one), the one after, a page in the middle, the page after it, the last.
    steps = [2, 3, pages // 2, pages // 2 + 1, pages]
    # A year whose first events are in a part of the list the steps did not read.
    years = [p["year"] for p in manifest["list"] if p.get("year")]
    year = years[len(years) // 4] + 1
    drv, stop = start_chromium("paging", os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                               os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    httpd, url = serve(site)
    # Date ranges of a year: one where the list is sparse, one where it is dense.
    counts = {}
    for p in manifest["list"]:
        if p.get("year"):
            counts[p["year"]] = counts.get(p["year"], 0) + 1
    ranges = [f"range {min(counts, key=counts.get)}", f"range {max(counts, key=counts.get)}", "range page 2",
              f"range {min(counts)}-{max(counts)}"]
    dense = max(counts, key=counts.get)
    # The actor with the most events, and one with a few pages.
    lists = actor_lists(site, manifest)
    actors = []
    if lists:
        busiest, most = max(lists, key=lambda a: a[1])
        few = min(lists, key=lambda a: abs(a[1] - 120))[0]
        # Two more actors: the next two busiest, and two of about 120 events.
        ranked = sorted(lists, key=lambda a: -a[1])
        near = sorted(lists, key=lambda a: abs(a[1] - 120))
        actors = [(f"actor {busiest}", f"actor={busiest}"), ("actor page 2", f"actor={busiest}&page=2"),
                  ("actor last page", f"actor={busiest}&page={-(-most // 50)}"),
                  (f"actor {few}", f"actor={few}"),
                  (f"actor {few} in 1980-2000", f"actor={few}&from=1980&to=2000"),
                  (f"actor {busiest} in {dense}", f"actor={busiest}&from={dense}&to={dense}"),
                  (f"actors {ranked[1][0]} {ranked[2][0]}", f"actor={ranked[1][0]}&actor={ranked[2][0]}"),
                  (f"actors {near[1][0]} {near[2][0]}", f"actor={near[1][0]}&actor={near[2][0]}")]
    # Searches: a word about a third of the events hold, one about 50 hold (its
    # page spread over the list), the beginnings of two words, and a word typed.
    words = table_counts(site, manifest, "words")
    events = manifest["totals"]["events"]
    typed = None
    if words:
        alpha = {w: n for w, n in words.items() if w.isalpha() and len(w) > 4}
        common = min(alpha, key=lambda w: abs(alpha[w] - events // 3))
        rare = min(alpha, key=lambda w: (abs(alpha[w] - 50), w))
        other = min((w for w in alpha if w not in (common, rare)), key=lambda w: abs(alpha[w] - events // 10))
        typed = min((w for w in alpha if w not in (common, rare, other)), key=lambda w: abs(alpha[w] - events // 20))
        # A word of about 700 events, its pages spread over the list: its first
        # page, then its pages 2 and 4 opened by their address.
        spread = min((w for w in alpha if w not in (common, rare, other, typed)), key=lambda w: (abs(alpha[w] - 700), w))
        actors += [(f"search {common}", f"q={common}"), (f"search {rare}", f"q={rare}"),
                   (f"search {spread}", f"q={spread}"), (f"search {spread} p2", f"q={spread}&page=2"),
                   (f"search {spread} p4", f"q={spread}&page=4"),
                   (f"search {common[:4]} {other[:5]}", f"q={common[:4]}%20{other[:5]}"),
                   (f"typed {typed}", None)]
        if lists:
            actors += [(f"search {other} by {busiest}", f"actor={busiest}&q={other}"),
                       (f"search {common} by {few}", f"actor={few}&q={common}")]
        actors += [(f"search {common} in {dense}", f"q={common}&from={dense}&to={dense}"),
                   (f"search {rare} in 1980-2000", f"q={rare}&from=1980&to=2000")]
    # Kinds: the commonest tag, the rarest value of any kind (its page spread
    # over the list), a tag with a claim kind, with a word, within an actor's
    # events, and over the densest year.
    kinds = table_counts(site, manifest, "kinds")
    if kinds:
        param = lambda key: key.replace(":", "=", 1)  # noqa: E731
        tag = max((k for k in kinds if k.startswith("tag:")), key=kinds.get)
        rarest = min(kinds, key=kinds.get)
        claim = max((k for k in kinds if k.startswith("claim:")), key=kinds.get)
        actors += [(f"kind {tag}", param(tag)), (f"kind {rarest}", param(rarest)),
                   (f"kinds {tag} {claim}", f"{param(tag)}&{param(claim)}")]
        if words:
            actors += [(f"kind {tag} with {common}", f"{param(tag)}&q={common}")]
        if lists:
            actors += [(f"kind {tag} by {busiest}", f"actor={busiest}&{param(tag)}")]
        actors += [(f"kind {tag} in {dense}", f"{param(tag)}&from={dense}&to={dense}")]
    ranges += [name for name, _ in actors]
    # The claims' and the sources' lists in pages: their first pages, and a
    # claims page far on (a part not yet read).
    views = []
    if manifest.get("claims_list"):
        far = -(-manifest["totals"]["claims"] // 50) * 2 // 3
        views += [("view claims", "view=claims"), ("view claims page 2", "view=claims&page=2"),
                  (f"view claims page {far}", f"view=claims&page={far}")]
    if manifest.get("sources_list"):
        views += [("view sources", "view=sources")]
    if manifest.get("actors_list"):
        views += [("view actors", "view=actors")]
    # The claims and the sources over date ranges, from the days of their lists' rows.
    if manifest.get("claims_days"):
        views += [(f"view claims in {dense}", f"view=claims&from={dense}&to={dense}"),
                  (f"view claims in {min(counts)}-{max(counts)}",
                   f"view=claims&from={min(counts)}&to={max(counts)}"),
                  ("view claims in 2001-2003 page 2", "view=claims&from=2001&to=2003&page=2")]
    if manifest.get("sources_days"):
        views += [("view sources in 1980-2000", "view=sources&from=1980&to=2000")]
    # The claims and the sources for kinds: the commonest claim kind, the
    # rarest value of any kind, the commonest over the densest year, and the
    # commonest source kind.
    for kind, key in [("claims", "claims_kind_counts"), ("sources", "sources_kind_counts")]:
        counted = dict(manifest.get(key) or [])
        if not counted:
            continue
        param = lambda k: k.replace(":", "=", 1)  # noqa: E731
        own = "claim:" if kind == "claims" else "source:"
        common = max((k for k in counted if k.startswith(own)), key=counted.get)
        views += [(f"view {kind} kind {common}", f"view={kind}&{param(common)}")]
        if kind == "claims":
            rarest = min(counted, key=counted.get)
            views += [(f"view claims kind {rarest}", f"view=claims&{param(rarest)}"),
                      (f"view claims kind {common} in {dense}",
                       f"view=claims&{param(common)}&from={dense}&to={dense}")]
    # The claims and the sources for actors: the actor in most claims, its
    # page 2, one in about 120, the busiest over the densest year and with
    # the commonest claim kind, two together; the actor in most sources.
    by_actor = view_actor_lists(site, manifest, "claims")
    if by_actor:
        ranked = sorted(by_actor, key=lambda a: (-a[1], a[0]))
        busiest = ranked[0][0]
        few = min(by_actor, key=lambda a: (abs(a[1] - 120), a[0]))[0]
        claim = max((k for k, _ in manifest.get("claims_kind_counts", []) if k.startswith("claim:")),
                    key=dict(manifest.get("claims_kind_counts", [])).get, default=None)
        views += [(f"view claims by {busiest}", f"view=claims&actor={busiest}"),
                  (f"view claims by {busiest} page 2", f"view=claims&actor={busiest}&page=2"),
                  (f"view claims by {few}", f"view=claims&actor={few}"),
                  (f"view claims by {busiest} in {dense}",
                   f"view=claims&actor={busiest}&from={dense}&to={dense}"),
                  (f"view claims by {ranked[1][0]} {ranked[2][0]}",
                   f"view=claims&actor={ranked[1][0]}&actor={ranked[2][0]}")]
        if claim:
            views += [(f"view claims by {busiest} kind {claim}",
                       f"view=claims&actor={busiest}&{claim.replace(':', '=', 1)}")]
    # The claims and the sources for words: a word of about a third of the
    # claims, one of about 50 (its page spread over the list), the first over
    # the densest year; the first word of the sources.
    claim_words = table_counts(site, manifest, "claims_words")
    if claim_words:
        alpha = {w: n for w, n in claim_words.items() if w.isalpha() and len(w) > 4}
        third = manifest["totals"]["claims"] // 3
        common = min(alpha, key=lambda w: (abs(alpha[w] - third), w))
        rare = min(alpha, key=lambda w: (abs(alpha[w] - 50), w))
        spread = min((w for w in alpha if w not in (common, rare)), key=lambda w: (abs(alpha[w] - 700), w))
        views += [(f"view claims search {common}", f"view=claims&q={common}"),
                  (f"view claims search {rare}", f"view=claims&q={rare}"),
                  (f"view claims search {spread}", f"view=claims&q={spread}"),
                  (f"view claims search {spread} p2", f"view=claims&q={spread}&page=2"),
                  (f"view claims search {spread} p4", f"view=claims&q={spread}&page=4"),
                  (f"view claims search {common} in {dense}",
                   f"view=claims&q={common}&from={dense}&to={dense}")]
        if manifest.get("sources_words"):
            views += [(f"view sources search {common}", f"view=sources&q={common}")]
    by_actor = view_actor_lists(site, manifest, "sources")
    if by_actor:
        busiest = max(by_actor, key=lambda a: (a[1], a[0]))[0]
        views += [(f"view sources by {busiest}", f"view=sources&actor={busiest}")]
    if args.only:
        steps, ranges = [], [r for r in ranges if any(r.startswith(o) for o in args.only)]
        views = [v for v in views if any(v[0].startswith(o) for o in args.only)]
    jumps = [] if args.only else [year]
    viewed = [name for name, _ in views]
    if "view claims" in viewed and manifest.get("claims_charts"):
        viewed.insert(viewed.index("view claims") + 1, "view claims charts")
    times = {n: [] for n in steps + jumps + ranges + viewed}
    first = {n: [] for n in ranges + [name for name, _ in views]}
    # The timeline of a search or a kind, not within an actor's events.
    counted = {name for name, query in actors
               if name.startswith(("search", "typed", "kind")) and "actor=" not in (query or "")
               and manifest.get("timelines")}
    drawn = {n: [] for n in ranges if n in counted}
    # The kinds counted under a search or a kind alone, over the events or another view.
    kinds = {n: [] for n in ranges + [name for name, _ in views]
             if n.startswith(("search", "kind", "view claims search", "view claims kind",
                              "view sources search", "view sources kind"))
             and not any(w in q for w in ("actor=", "from=", "page=")
                         for q in [dict(actors + views).get(n) or ""])}
    memory = []
    sizes = {n: [] for n in steps + jumps + ranges + viewed}
    try:
        slow_phone(drv, throttle=args.slow)
        for _ in range(args.runs):
            drv.get("about:blank")
            drv.get(url)
            # Every part counted: the browser keeps 250 entries unless told otherwise.
            drv.execute_script("performance.setResourceTimingBufferSize(100000)")
            wait(drv, lambda: drv.execute_script(PAGER), timeout=120)
            for n in steps:
                before = drv.execute_script(ROWS)
                sent = drv.execute_script(TRANSFERRED)
                start = time.perf_counter()
                drv.execute_script(GO, n)
                wait(drv, lambda: (r := drv.execute_script(ROWS)) and r != before)
                times[n].append((time.perf_counter() - start) * 1000)
                sizes[n].append(drv.execute_script(TRANSFERRED) - sent)
            for year in jumps:
                before = drv.execute_script(ROWS)
                sent = drv.execute_script(TRANSFERRED)
                start = time.perf_counter()
                drv.execute_script(YEAR, str(year))
                wait(drv, lambda: (r := drv.execute_script(ROWS)) and r != before)
                times[year].append((time.perf_counter() - start) * 1000)
                sizes[year].append(drv.execute_script(TRANSFERRED) - sent)
            for step in ranges:
                before = drv.execute_script(ROWS)
                query = next((q for name, q in actors if name == step), None)
                if step.startswith("typed "):
                    act = lambda: drv.execute_script(TYPE, step.split()[1])  # noqa: E731
                elif query:
                    act = lambda: drv.execute_script(QUERY, query)  # noqa: E731
                elif step.endswith("page 2"):
                    act = lambda: drv.execute_script(NEXT)  # noqa: E731
                else:
                    ends = step.split()[1].split("-")
                    act = lambda: drv.execute_script(RANGE, ends[0], ends[-1])  # noqa: E731
                # Its first page on screen ...
                sent = drv.execute_script(TRANSFERRED)
                start = time.perf_counter()
                act()
                wait(drv, lambda: drv.execute_script(READ_ANYWAY) or (r := drv.execute_script(ROWS)) and r != before,
                     timeout=300)
                first[step].append((time.perf_counter() - start) * 1000)
                # ... and its count, with the whole page (a search's rows spread
                # over the list come part by part, under its count).
                wait(drv, lambda: " of " in drv.execute_script(TITLE) and not drv.execute_script(FETCHING),
                     timeout=300)
                times[step].append((time.perf_counter() - start) * 1000)
                sizes[step].append(drv.execute_script(TRANSFERRED) - sent)
                if step in drawn:
                    # Its fold opened, as a reader opens it.
                    sent = drv.execute_script(TRANSFERRED)
                    opened = time.perf_counter()
                    drv.execute_script(OPEN_TIMELINE)
                    wait(drv, lambda: drv.execute_script(TIMELINE), timeout=300)
                    drawn[step].append(((time.perf_counter() - opened) * 1000,
                                        drv.execute_script(TRANSFERRED) - sent))
                if step in kinds:
                    kinds[step].append(count_kinds(drv))
            for name, query in views:
                before = drv.execute_script(VIEW_ROWS)
                sent = drv.execute_script(TRANSFERRED)
                start = time.perf_counter()
                drv.execute_script(QUERY, query)
                wait(drv, lambda: drv.execute_script(READ_ANYWAY) or (r := drv.execute_script(VIEW_ROWS))
                     and r != before, timeout=300)
                first[name].append((time.perf_counter() - start) * 1000)
                # ... and its whole page (a page spread over the list comes part by part).
                wait(drv, lambda: not drv.execute_script(FETCHING), timeout=300)
                times[name].append((time.perf_counter() - start) * 1000)
                sizes[name].append(drv.execute_script(TRANSFERRED) - sent)
                if name in kinds:
                    kinds[name].append(count_kinds(drv))
                if name == "view claims" and manifest.get("claims_charts"):
                    # And its charts, fetched once their fold is open (wide screens open it).
                    wait(drv, lambda: drv.execute_script(CHARTS) == 2, timeout=300)
                    times["view claims charts"].append((time.perf_counter() - start) * 1000)
                    sizes["view claims charts"].append(drv.execute_script(TRANSFERRED) - sent)
            memory.append(drv.execute_async_script(MEMORY_JS))
    finally:
        httpd.shutdown()
        stop()
    print(f"{pages:,} pages, {per_part} a part; {'slow phone profile' if args.slow else 'fast link'}; {args.runs} runs")
    for n in steps + jumps + ranges + viewed:
        what = f"page {n:>6,}" if n in steps else n if n in ranges + viewed else f"year {n:>6}"
        shown = (f"first page {statistics.median(first[n]):.0f} ms "
                 f"(runs {' '.join(f'{t:.0f}' for t in first[n])}), count ") if n in first else ""
        timeline = (f", timeline {statistics.median(t for t, _ in drawn[n]):.0f} ms "
                    f"(runs {' '.join(f'{t:.0f}' for t, _ in drawn[n])}), "
                    f"{statistics.median(b for _, b in drawn[n]) / 1000:.0f} KB") if drawn.get(n) else ""
        counts = (f", kinds counted {statistics.median(t for t, _ in kinds[n]):.0f} ms "
                  f"(runs {' '.join(f'{t:.0f}' for t, _ in kinds[n])}), "
                  f"{statistics.median(b for _, b in kinds[n]) / 1000:.0f} KB") if kinds.get(n) else ""
        print(f"  {what}: {shown}{statistics.median(times[n]):>7.0f} ms median "
              f"(runs {' '.join(f'{t:.0f}' for t in times[n])}), "
              f"{statistics.median(sizes[n]) / 1000:>6.0f} KB{timeline}{counts}")
    print("  memory after the visit: " + ", ".join(
        f"JS heap {(m.get('js') or 0) / 1e6:.0f} MB + wasm {(m.get('wasm') or 0) / 1e6:.0f} MB" for m in memory))


if __name__ == "__main__":
    main()

