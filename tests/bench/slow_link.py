"""Time to the first records on a slow phone link: Lighthouse's mobile profile
(150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4x slower) applied to a real
load with the DevTools protocol, the site served with gzip as static hosts serve
it. Measured in the page, from navigation to the first record link on screen,
whether the static first page's or the app's (or, for an address `?id=`, the
record's heading, whether its first look's or the app's); also the bytes
transferred by then, and when the app's own records were on screen. `--fast`
leaves the link and the CPU as they are; `--down` and `--up` set the link's
speeds in Mbps and kbps (the round trip and the CPU stay), such as a 4G
phone's `--down 9 --up 1500`.

    python tests/bench/slow_link.py --runs 5 [--query '?id=ID' | --record] [--fast | --down MBPS --up KBPS] [--anywhere] NAME=SITE_DIR ...

`--record` opens, in each site, the record in the middle of its record directory
(parts/d-*.json.gz, src/publish/parts.rs): a record opened by its address.
"""

import argparse
import functools
import gzip
import http.server
import io
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from browser_host import QuietHandler, start_chromium  # noqa: E402

COMPRESSIBLE = (".html", ".js", ".css", ".json", ".wasm", ".svg", ".txt")

# Records the moment a record link is first on screen, and what had crossed the
# network by then (the document and every resource, as transferred); and the
# moment the app's own are.
WATCH_JS = """
(function () {
  var FIRST = '.first-page li h4 a, .glance h2, li.record h4 a, .detail h2', APP = 'li.record h4 a, .detail h2';
  function onScreen(selector) {
    // A list's record links, or the heading of a record opened by its address.
    var links = document.querySelectorAll(selector);
    for (var i = 0; i < links.length; i++) {
      var r = links[i].getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (ANYWHERE || r.top < innerHeight)) return true;
    }
    return false;
  }
  function bytes() {
    var n = 0;
    performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .forEach(function (e) { n += e.transferSize || 0; });
    return n;
  }
  function check() {
    if (!window.__firstRecord && document.body && onScreen(FIRST)) {
      window.__firstRecord = { ms: performance.now(), bytes: bytes() };
    }
    if (document.body && onScreen(APP)) {
      window.__firstRecord.app = performance.now();
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
"""


class GzipHandler(QuietHandler):
    """Compresses what a static host compresses, when the browser asks for it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path):
    handler = functools.partial(GzipHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def slow_phone(drv, throttle=True, anywhere=False, down=1.6, up=750):
    drv.execute_cdp_cmd("Network.enable", {})
    drv.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    # Every load a first visit: no service worker answers from what an earlier run kept.
    drv.execute_cdp_cmd("Network.setBypassServiceWorker", {"bypass": True})
    if throttle:
        drv.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 150,
            "downloadThroughput": down * 1024 * 1024 / 8, "uploadThroughput": up * 1024 / 8,
        })
        drv.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4})
    watch = WATCH_JS.replace("ANYWHERE", "true" if anywhere else "false")
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": watch})


def first_record(drv, url, until_app, timeout=120):
    drv.get("about:blank")
    drv.get(url)
    end = time.time() + timeout
    while time.time() < end:
        got = drv.execute_script("return window.__firstRecord || null")
        # A list the app draws only when asked (a large corpus) never comes:
        # only a record opened by its address waits for the app's own.
        if got and ("app" in got or not until_app):
            return got
        time.sleep(0.05)
    raise TimeoutError(f"no record on screen within {timeout} s at {url}")


def middle_record(site: Path) -> str:
    """The id in the middle of the site's record directory."""
    import json
    manifest = json.loads((site / "parts/manifest.json").read_text(encoding="utf-8"))
    entry = manifest["directory"][len(manifest["directory"]) // 2]
    ids = json.loads(gzip.decompress((site / "parts" / entry["file"]).read_bytes()))
    # A directory part of dossier-parts/4 holds its ids under "ids"; one of /3 was the list.
    ids = ids["ids"] if isinstance(ids, dict) else ids
    return ids[len(ids) // 2][0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--query", default="", help="an address to open, such as ?view=claims")
    ap.add_argument("--fast", action="store_true", help="no throttling of the link or the CPU")
    ap.add_argument("--record", action="store_true", help="open the record in the middle of each site's directory")
    ap.add_argument("--anywhere", action="store_true",
                    help="a record drawn below the first screen counts too (a view whose list starts lower, "
                         "such as ?view=claims&actor=… under the notice of a large corpus)")
    ap.add_argument("--down", type=float, default=1.6,
                    help="the link's download speed in Mbps (default 1.6, the slow phone's; 9 is a 4G phone's)")
    ap.add_argument("--up", type=float, default=750, help="its upload speed in kbps (default 750)")
    ap.add_argument("sites", nargs="+")
    args = ap.parse_args()
    import os
    drv, stop = start_chromium("slow-link", os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                               os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    try:
        slow_phone(drv, throttle=not args.fast, anywhere=args.anywhere, down=args.down, up=args.up)
        print(f"{'corpus':>10}  {'first record (median)':>22}  {'runs':>24}  {'transferred':>12}  {'app (median)':>18}")
        for spec in args.sites:
            name, _, directory = spec.partition("=")
            httpd, url = serve(Path(directory))
            query = f"?id={middle_record(Path(directory))}" if args.record else args.query
            try:
                runs = [first_record(drv, url + query, args.record) for _ in range(args.runs)]
            finally:
                httpd.shutdown()
                httpd.server_close()
            times = sorted(r["ms"] / 1000 for r in runs)
            kb = statistics.median(r["bytes"] for r in runs) / 1000
            apps = [r["app"] / 1000 for r in runs if "app" in r]
            app = f"{statistics.median(apps):>16.2f} s" if len(apps) == len(runs) else f"{'-':>18}"
            print(f"{name:>10}  {statistics.median(times):>20.2f} s  "
                  f"{' '.join(f'{t:.2f}' for t in times):>24}  {kb:>9.0f} KB  {app}", flush=True)
    finally:
        stop()


if __name__ == "__main__":
    main()
