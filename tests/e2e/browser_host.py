"""What the end-to-end tests and the browser benchmark share: a plain static file
server on 127.0.0.1, and the flags headless Chromium needs on these machines."""

import functools
import http.server
import threading
from pathlib import Path

# Without the networking flags Chromium tries hosts this machine cannot reach.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
    }

    def log_message(self, *args):
        pass


class StaticServer:
    """A plain static file server on 127.0.0.1: no rewrites, no fallbacks."""

    def __init__(self, directory: Path):
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def start_chromium(name, chromium, chromedriver, prefs=None):
    """Headless Chromium with a fresh profile of its own, every request logged
    (so tests can prove none leaves this machine). Returns the driver and a
    function that quits it and removes the profile."""
    import os
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    profile = Path(os.environ.get("TMPDIR", "/tmp")) / f"dossier-e2e-{name}-{os.getpid()}"
    shutil.rmtree(profile, ignore_errors=True)
    opts.add_argument(f"--user-data-dir={profile}")
    if prefs:
        opts.add_experimental_option("prefs", prefs)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=opts)
    drv.set_page_load_timeout(30)

    def stop():
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)

    return drv, stop
