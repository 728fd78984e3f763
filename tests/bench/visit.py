"""A reader's visit to a large corpus read on request: a record opened by its
address, then link after link to the records it names (its source, its
claimant, its events, their participants...), never asking for the whole corpus.
Prints, for each step, the time from the click to the next record's heading and
to its links' names on screen, and at the end the bytes transferred by the whole
visit and the JS heap plus wasm memory. The site is served as a static host
serves it, with gzip; the link is not throttled unless --slow.

    python tests/bench/visit.py [--steps 20] [--slow] SITE_DIR
"""

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import MEMORY_JS, start_chromium  # noqa: E402
from slow_link import middle_record, serve, slow_phone  # noqa: E402

HEADING = "const h = document.querySelector('.detail h2'); return h && h.textContent"
# The ids the record on screen links to.
LINKED = """
return Array.from(document.querySelectorAll('.detail a[href*="id="]'),
  a => new URL(a.href).searchParams.get('id')).filter(Boolean);
"""
# Follows the link to `id` if the record on screen has one, else goes there as
# the address bar's back and forward do (the app follows popstate).
GO = """
const id = arguments[0];
for (const a of document.querySelectorAll('.detail a[href*="id="]')) {
  if (new URL(a.href).searchParams.get('id') === id) { a.click(); return 'link'; }
}
history.pushState(null, '', '?id=' + encodeURIComponent(id));
dispatchEvent(new PopStateEvent('popstate'));
return 'address';
"""
TRANSFERRED = """
const nav = performance.getEntriesByType('navigation')[0];
return (nav ? nav.transferSize : 0) + performance.getEntriesByType('resource')
  .reduce((n, r) => n + (r.transferSize || 0), 0);
"""


def print_steps(times, sizes):
    """Prints each step's time (median, then each run) and bytes transferred (median)."""
    for step in times:
        print(f"  {step}: {statistics.median(times[step]):.0f} ms median "
              f"(runs {' '.join(f'{t:.0f}' for t in times[step])}), "
              f"{statistics.median(sizes[step]) / 1000:.0f} KB")


def wait(drv, condition, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        if condition():
            return
        time.sleep(0.01)
    raise TimeoutError("the page did not get there")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--slow", action="store_true")
    ap.add_argument("site")
    args = ap.parse_args()
    site = Path(args.site)
    profile = Path(tempfile.mkdtemp(prefix="dossier-visit-"))
    drv = start_chromium(profile)
    httpd, url = serve(site)
    try:
        drv.execute_cdp_cmd("Network.enable", {})
        drv.execute_cdp_cmd("Network.setBypassServiceWorker", {"bypass": True})
        if args.slow:
            slow_phone(drv)
        record = middle_record(site)
        start = time.time()
        drv.get(f"{url}?id={record}")
        drv.execute_script("performance.setResourceTimingBufferSize(100000)")
        settled = lambda: drv.execute_script(HEADING) and not drv.find_elements("css selector", ".detail .arriving")
        wait(drv, settled)
        print(f"opened {record}: {time.time() - start:.2f} s (from the address)")
        seen, headings, named = [record], [], []
        frontier = []
        while len(seen) < args.steps:
            for linked in drv.execute_script(LINKED):
                if linked not in seen and linked not in frontier:
                    frontier.append(linked)
            if not frontier:
                break
            went = frontier.pop(0)
            before = drv.execute_script(HEADING)
            t0 = time.time()
            how = drv.execute_script(GO, went)
            seen.append(went)
            wait(drv, lambda: drv.execute_script(HEADING) not in (None, before))
            t1 = time.time()
            wait(drv, settled)
            t2 = time.time()
            headings.append((t1 - t0) * 1000)
            named.append((t2 - t0) * 1000)
            print(f"  -> {went} ({how}): heading {headings[-1]:.0f} ms, names {named[-1]:.0f} ms")
        mem = drv.execute_async_script(MEMORY_JS)
        sent = drv.execute_script(TRANSFERRED)
        print(f"{len(seen)} records visited; link to heading: median {statistics.median(headings):.0f} ms, "
              f"max {max(headings):.0f} ms; to names: median {statistics.median(named):.0f} ms, max {max(named):.0f} ms")
        print(f"transferred by the visit: {sent / 1e6:.2f} MB; memory: JS heap {mem['js'] / 1e6:.1f} MB"
              f" + wasm {(mem['wasm'] or 0) / 1e6:.1f} MB")
        print(json.dumps({"records": len(seen), "transferred": sent, "memory": mem}))
    finally:
        httpd.shutdown()
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
