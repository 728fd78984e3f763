"""Choosing an institution or person by name above the list in pages, before a
large corpus is read (the names table, src/publish/names.rs): loads a page of
the default list, then, as a reader does, focuses the chooser (the busiest
names for nothing typed), types the beginning of the busiest actor's name (its
first word and three letters of the next), then that of an actor of about 120
events, and chooses the busiest by its whole name with Enter; then, above the
claims, types the beginning of the name of the actor in most claims and
chooses it. Prints, for each
step, the time from the input to the suggestions on screen (typing's rest of
150 ms included) or to the actor's list with its count, and the bytes it
transferred. Each run is a fresh load with the cache disabled. The site is
served with gzip as a static host serves it; the link is not throttled unless
--slow (the slow phone profile of slow_link.py).

    python tests/bench/choose_name.py [--slow] [--runs 3] SITE_DIR
"""

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slow_link import serve, slow_phone, start_chromium  # noqa: E402
from visit import TRANSFERRED, print_steps, wait  # noqa: E402

ROWS = "return [...document.querySelectorAll('li.record.event h4 a')].map(a => a.dataset.id).join(' ')"
CLAIMS = "return [...document.querySelectorAll('li.record.claim h4 a')].map(a => a.dataset.id).join(' ')"
# Sets the address's query, as the address bar's back and forward do.
QUERY = """
history.pushState(null, '', '?' + arguments[0]);
dispatchEvent(new PopStateEvent('popstate'));
"""
TITLE = "return (document.querySelector('.list-title') || {}).textContent || ''"
OPTIONS = "return [...document.querySelectorAll('#list-actor-options option')].map(o => o.value)"
FOCUS = "document.getElementById('list-actor').focus()"
# Types into the chooser as the browser does before any of our code runs.
TYPE = """
const box = document.getElementById('list-actor');
box.value = arguments[0];
box.dispatchEvent(new Event('input', { bubbles: true }));
"""
ENTER = """
const box = document.getElementById('list-actor');
box.value = arguments[0];
box.dispatchEvent(new Event('input', { bubbles: true }));
box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
"""


def named_actors(site, list_at=0):
    """Every actor the names table lists: id -> (name, records it keeps alone in
    the list at `list_at`: the events 0, the claims 1, the sources 2)."""
    manifest = json.loads((site / "parts/manifest.json").read_text(encoding="utf-8"))
    actors = {}
    for entry in manifest.get("names", []):
        rows = json.loads(gzip.decompress((site / "parts" / entry["file"]).read_bytes()))
        for _, (_, named) in rows:
            for actor_id, name, _aliases, _others, counts in named:
                actors[actor_id] = (name, counts[list_at][0])
    return actors


def half_remembered(name):
    words = name.split()
    return f"{words[0]} {words[1][:3]}" if len(words) > 1 else name[:4]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--slow", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("site")
    args = ap.parse_args()
    site = Path(args.site)
    actors = named_actors(site)
    if not actors:
        print("no names table: nothing to choose from")
        return
    busiest = max(actors.values(), key=lambda a: a[1])[0]
    few = min(actors.values(), key=lambda a: (abs(a[1] - 120), a[0]))[0]
    steps = [("nothing typed", None, None), (f"typed '{half_remembered(busiest)}'", half_remembered(busiest), busiest),
             (f"typed '{half_remembered(few)}'", half_remembered(few), few)]
    times = {name: [] for name, _, _ in steps}
    sizes = {name: [] for name, _, _ in steps}
    chosen = f"chose '{busiest}'"
    claimant = max(named_actors(site, 1).values(), key=lambda a: a[1])[0]
    above_claims = f"claims: typed '{half_remembered(claimant)}'"
    chosen_claims = f"claims: chose '{claimant}'"
    for step in (chosen, above_claims, chosen_claims):
        times[step], sizes[step] = [], []
    drv, stop = start_chromium("choose-name", os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                               os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    httpd, url = serve(site)

    def timed(step, act, until):
        """Times `act` until `until()` holds, and the bytes it transferred."""
        sent = drv.execute_script(TRANSFERRED)
        start = time.perf_counter()
        act()
        wait(drv, until, timeout=120)
        times[step].append((time.perf_counter() - start) * 1000)
        sizes[step].append(drv.execute_script(TRANSFERRED) - sent)

    def typed(step, text, wanted, before):
        """Types `text` until the suggestions are new and offer `wanted`."""
        timed(step, lambda: drv.execute_script(TYPE, text),
              lambda: (o := drv.execute_script(OPTIONS)) != before and wanted in o)

    def chose(step, name, rows):
        """Chooses `name` with Enter until its list, counted, replaces the rows `rows` reads."""
        before = drv.execute_script(rows)
        timed(step, lambda: drv.execute_script(ENTER, name),
              lambda: " of " in drv.execute_script(TITLE) and drv.execute_script(rows) != before)

    try:
        slow_phone(drv, throttle=args.slow)
        for _ in range(args.runs):
            drv.get("about:blank")
            drv.get(url + "?page=2")
            wait(drv, lambda: drv.execute_script(ROWS) and drv.execute_script(
                "return !!document.getElementById('list-actor')"), timeout=120)
            for name, text, wanted in steps:
                # The suggestions for what was typed before, which these replace.
                before = drv.execute_script(OPTIONS)
                if text is None:
                    timed(name, lambda: drv.execute_script(FOCUS), lambda: drv.execute_script(OPTIONS))
                else:
                    typed(name, text, wanted, before)
            chose(chosen, busiest, ROWS)
            # Above the claims: their first page, then the box.
            drv.execute_script(QUERY, "view=claims")
            wait(drv, lambda: drv.execute_script(CLAIMS) and drv.execute_script(
                "return !!document.getElementById('list-actor')"), timeout=120)
            typed(above_claims, half_remembered(claimant), claimant, drv.execute_script(OPTIONS))
            chose(chosen_claims, claimant, CLAIMS)
    finally:
        httpd.shutdown()
        stop()
    print(f"{len(actors):,} actors named; {'slow phone profile' if args.slow else 'fast link'}; {args.runs} runs")
    print_steps(times, sizes)


if __name__ == "__main__":
    main()
