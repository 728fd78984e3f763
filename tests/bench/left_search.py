"""What a search the reader leaves still costs the link: on the slow phone profile
(tests/bench/slow_link.py), the claims' list is opened, a search is made whose
page is spread over many parts of the list, and a few seconds later, its first
rows on screen, the reader goes to the sources. Reports what the browser
fetched of the search's page after that moment, and in all, until the link is
quiet. The search is, unless --words gives one, the one, two or three common
words whose first page of claims is spread over the most parts of the first
site's list, none of whose rows the build wrote apart (as the end-to-end test
of a search left takes it: tests/e2e/site_parts.py). Finding it takes some
3 minutes at a million records; it is printed, to be given with --words.

    python tests/bench/left_search.py [--words "a b"] [--after 4] NAME=SITE_DIR ...
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_host import start_chromium  # noqa: E402
from paging import QUERY  # noqa: E402
from site_parts import spread_search  # noqa: E402
from slow_link import serve, slow_phone  # noqa: E402

# Every part of the claims' list fetched (or begun), with its bytes and its end.
CLAIMS_PARTS = """
return performance.getEntriesByType('resource').filter(e => /\\/parts\\/c-/.test(e.name))
  .map(e => [e.name, e.transferSize, e.startTime, e.responseEnd]);
"""


def until(drv, script, timeout=120):
    end = time.time() + timeout
    while time.time() < end:
        if drv.execute_script(script):
            return
        time.sleep(0.1)
    raise TimeoutError(script)


def left(drv, url, words, after):
    drv.get("about:blank")
    drv.get(url + "?view=claims")
    until(drv, "return document.querySelector('li.record.claim h4 a')")
    before = {name for name, *_ in drv.execute_script(CLAIMS_PARTS)}
    drv.execute_script(QUERY, f"view=claims&q={quote(words)}")
    time.sleep(after)
    leaving = drv.execute_script("return performance.now()")
    drv.execute_script(QUERY, "view=sources")
    until(drv, "return document.querySelector('li.record.source h3 a')")
    # Quiet: no new part of the claims' list for 10 s.
    seen, quiet = None, time.time()
    while time.time() - quiet < 10:
        now = len(drv.execute_script(CLAIMS_PARTS))
        if now != seen:
            seen, quiet = now, time.time()
        time.sleep(0.5)
    parts = [p for p in drv.execute_script(CLAIMS_PARTS) if p[0] not in before]
    later = [p for p in parts if p[2] >= leaving]
    return len(parts), sum(p[1] for p in parts), len(later), sum(p[1] for p in later)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", help="the search (default: the first site's most spread)")
    ap.add_argument("--after", type=float, default=4.0, help="seconds from the search to leaving it")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("sites", nargs="+")
    args = ap.parse_args()
    drv, stop = start_chromium("left-search", os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                               os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    words = args.words
    if words is None:
        site = Path(args.sites[0].partition("=")[2])
        manifest = json.loads((site / "parts/manifest.json").read_text(encoding="utf-8"))
        words, spread = spread_search(site, manifest, apart=False)
        print(f"the search '{words}': its first page of claims in {len(spread)} parts of the list")
    try:
        slow_phone(drv)
        print(f"{'site':>8}  {'parts of the word (bytes)':>26}  {'begun after leaving (bytes)':>28}")
        for spec in args.sites:
            name, _, directory = spec.partition("=")
            httpd, url = serve(Path(directory))
            try:
                for _ in range(args.runs):
                    n, b, n_later, b_later = left(drv, url, words, args.after)
                    print(f"{name:>8}  {n:>12} ({b / 1e6:6.2f} MB)  {n_later:>15} ({b_later / 1e6:6.2f} MB)",
                          flush=True)
            finally:
                httpd.shutdown()
                httpd.server_close()
    finally:
        stop()


if __name__ == "__main__":
    main()
