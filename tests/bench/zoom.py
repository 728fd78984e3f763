"""Zooming the timeline above a list in pages, before a large corpus is read
(src/publish/zoomed.rs): loads the events list over a year (`?from=YEAR&to=YEAR`),
opens the timeline's fold (the build's counts, nothing fetched) and waits for
the list's page to have come (no request for 1.5 s), then, as a
reader does, zooms into the range (the year by month), out (twice as wide), and
into the range again (its parts kept read); then the same over the claims;
then, over the events of the actor in most events, opens the timeline's fold
(counted from their places and the days of the list) and zooms into the year.
Prints, for each step, the time from the click to the timeline counted again on
screen, and the bytes it transferred. Each run is a fresh load with the cache
disabled. The site is served with gzip as a static host serves it; the link is
not throttled unless --slow (the slow phone profile of slow_link.py).

    python tests/bench/zoom.py [--slow] [--runs 3] [--year 1988] SITE_DIR
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slow_link import serve, slow_phone, start_chromium  # noqa: E402
from choose_name import named_actors  # noqa: E402
from visit import TRANSFERRED, print_steps, wait  # noqa: E402

# The caption of the timeline drawn above the list, its fold opened ('' while none).
CAPTION = """
const fold = document.querySelector('main details.tl-fold');
if (!fold) return '';
if (!fold.open) fold.open = true;
const caption = fold.querySelector('figure.timeline-chart figcaption');
return caption ? caption.textContent : '';
"""
TITLE = "return (document.querySelector('.list-title') || {}).textContent || ''"
# How many requests the page has made: still growing while the list's page comes.
REQUESTS = "return performance.getEntriesByType('resource').length"
CLICK = "document.getElementById(arguments[0]).click()"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--slow", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--year", type=int, default=1988)
    ap.add_argument("site")
    args = ap.parse_args()
    steps = ["events: into the year", "events: out", "events: into the year again",
             "claims: into the year", "the busiest actor: the timeline opened",
             "the busiest actor: into the year"]
    actors = named_actors(Path(args.site))
    busiest = max(actors, key=lambda a: actors[a][1]) if actors else None
    times = {step: [] for step in steps}
    sizes = {step: [] for step in steps}
    drv, stop = start_chromium("zoom", os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                               os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    httpd, url = serve(Path(args.site))

    def zoomed(step, button):
        """Clicks `button` (else opens the timeline's fold) until its caption is a new one."""
        before = drv.execute_script(CAPTION) if button else ""
        sent = drv.execute_script(TRANSFERRED)
        start = time.perf_counter()
        if button:
            drv.execute_script(CLICK, button)
        wait(drv, lambda: drv.execute_script(CAPTION) not in ("", before), timeout=120)
        times[step].append((time.perf_counter() - start) * 1000)
        sizes[step].append(drv.execute_script(TRANSFERRED) - sent)

    def opened(query, drawn=True):
        """A fresh load of the list at `query`, its timeline drawn (or its fold closed)."""
        drv.get("about:blank")
        drv.get(f"{url}?{query}")
        wait(drv, lambda: " of " in drv.execute_script(TITLE)
             and (not drawn or drv.execute_script(CAPTION)), timeout=120)
        # The list's page may still be coming: the zoom is timed on a quiet link.
        made = -1
        while made != drv.execute_script(REQUESTS):
            made = drv.execute_script(REQUESTS)
            time.sleep(1.5)

    try:
        slow_phone(drv, throttle=args.slow)
        for _ in range(args.runs):
            opened(f"from={args.year}&to={args.year}")
            zoomed(steps[0], "tl-zoom-in")
            zoomed(steps[1], "tl-zoom-out")
            zoomed(steps[2], "tl-zoom-in")
            opened(f"view=claims&from={args.year}&to={args.year}")
            zoomed(steps[3], "tl-zoom-in")
            if busiest:
                opened(f"actor={busiest}&from={args.year}&to={args.year}", drawn=False)
                zoomed(steps[4], None)
                zoomed(steps[5], "tl-zoom-in")
    finally:
        httpd.shutdown()
        stop()
    print(f"{'slow phone profile' if args.slow else 'fast link'}; {args.runs} runs; {args.year}")
    print_steps({s: t for s, t in times.items() if t}, sizes)


if __name__ == "__main__":
    main()
