"""What the end-to-end tests and the browser benchmark share: a plain static file
server on 127.0.0.1, and the flags headless Chromium needs on these machines; and how
the tests start Firefox (geckodriver) and WebKit (WebKitGTK's MiniBrowser, on a
virtual X display of its own)."""

import functools
import http.server
import os
import shutil
import subprocess
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


# The ports this run has served on. A browser kept for the whole run keeps what
# a site's service worker stored for its origin; a later site that the system put
# on the same port was served by that worker: the shipped corpus, once, in place
# of the 20,000 records a test served there.
SERVED_PORTS = set()


class StaticServer:
    """A plain static file server on 127.0.0.1: no rewrites, no fallbacks; each
    on a port, and so an origin, no other server of this run had."""

    def __init__(self, directory: Path):
        handler = functools.partial(QuietHandler, directory=str(directory))
        refused = []
        while True:
            httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            if httpd.server_address[1] not in SERVED_PORTS:
                break
            refused.append(httpd)  # held open meanwhile, so that it is not given again
        for other in refused:
            other.server_close()
        self.httpd = httpd
        SERVED_PORTS.add(httpd.server_address[1])
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


# Firefox asks no other host for anything: no updates, telemetry, safe-browsing lists,
# captive-portal or connectivity probes, and no prefetching (geckodriver already turns
# off much of this; these make sure).
FIREFOX_PREFS = {
    "app.update.auto": False,
    "app.update.enabled": False,
    "app.normandy.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0,
}


def start_firefox(firefox, geckodriver, width=1280, height=900):
    """Headless Firefox through geckodriver (a fresh profile that geckodriver makes
    and removes). Returns the driver and a function that quits it."""
    from selenium import webdriver
    from selenium.webdriver.firefox.service import Service

    opts = webdriver.FirefoxOptions()
    opts.binary_location = firefox
    opts.add_argument("-headless")
    opts.add_argument(f"--width={width}")
    opts.add_argument(f"--height={height}")
    for name, value in FIREFOX_PREFS.items():
        opts.set_preference(name, value)
    drv = webdriver.Firefox(service=Service(executable_path=geckodriver), options=opts)
    drv.set_page_load_timeout(30)
    return drv, drv.quit


class VirtualDisplay:
    """An X server in memory (Xvfb) on the first free display, for a browser that has
    no working headless mode of its own."""

    def __init__(self, width=1280, height=1024):
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        # Xvfb writes the display's number once it accepts clients.
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            self.proc.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def start_webkit(minibrowser, webkitdriver, width=1280, height=900):
    """WebKitGTK's MiniBrowser in automation mode, on a virtual display of its own
    (its --headless mode hangs). Returns the driver and a function that quits it
    and the display."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.service import Service

    screen = VirtualDisplay()
    env = {**os.environ, "DISPLAY": screen.display}
    env.pop("WAYLAND_DISPLAY", None)
    opts = webdriver.WebKitGTKOptions()
    opts.binary_location = minibrowser
    opts.add_argument("--automation")
    try:
        drv = webdriver.WebKitGTK(service=Service(executable_path=webkitdriver, env=env), options=opts)
    except Exception:
        screen.stop()
        raise
    drv.set_page_load_timeout(30)
    drv.set_window_size(width, height)

    def stop():
        try:
            drv.quit()
        finally:
            screen.stop()

    return drv, stop
