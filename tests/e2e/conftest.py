"""End-to-end fixtures: the release build on real static servers, driven in headless Chromium.

`scripts/test` builds the two sites first (site root and the /dossier/ sub-path) and
points E2E_ROOT_SITE and E2E_SUB_WWW at them.

Every browser engine: a test marked `@pytest.mark.every_engine` runs in Chromium,
Firefox and WebKit (the engine of Safari), once in each, as `test_name[firefox]` and
so on; every other test runs in Chromium alone. The `page` and `driver` fixtures give
the engine the test runs in, so a test needs nothing else to join the core set. A bug
of the app's that shows in one engine only is named where the test is marked:
`@pytest.mark.every_engine(xfail={"webkit": "what fails, and where"})`.
"""

import difflib
import json
import os
import pprint
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_host import StaticServer, start_chromium, start_firefox, start_webkit
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
ROOT_SITE = Path(os.environ.get("E2E_ROOT_SITE", ROOT / "target/e2e/root"))
SUB_WWW = Path(os.environ.get("E2E_SUB_WWW", ROOT / "target/e2e/www"))
CORPUS = json.loads((ROOT / "public/corpus.json").read_text(encoding="utf-8"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LARGE_RECORDS = 20_000
LARGE_CORPUS = Path(os.environ.get("E2E_LARGE_CORPUS", ROOT / f"target/e2e/corpus-{LARGE_RECORDS}.json"))
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
# scripts/test installs geckodriver with cargo.
GECKODRIVER = os.environ.get("GECKODRIVER") or shutil.which("geckodriver") or str(
    Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo")) / "bin/geckodriver")
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
WEBKITDRIVER = os.environ.get("WEBKITDRIVER", "/usr/bin/WebKitWebDriver")

ENGINES = ("chromium", "firefox", "webkit")
# What each engine needs on this machine (scripts/test installs them all).
ENGINE_NEEDS = {
    "chromium": (CHROMIUM, CHROMEDRIVER),
    "firefox": (FIREFOX, GECKODRIVER),
    "webkit": (MINIBROWSER, WEBKITDRIVER),
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "every_engine(xfail={engine: reason}): a core test, run in Chromium, Firefox and WebKit "
        "(others run in Chromium alone); xfail names a known app bug in one engine")
    # Selenium's own WebKitGTK driver still uses an address setting it deprecates.
    config.addinivalue_line("filterwarnings", "ignore:setting remote_server_addr:DeprecationWarning")


def pytest_generate_tests(metafunc):
    marker = metafunc.definition.get_closest_marker("every_engine")
    if marker:
        # A known bug in one engine is expected to fail there, strictly: once it is
        # fixed the test passes, the run fails, and the entry must go.
        known = marker.kwargs.get("xfail", {})
        assert set(known) <= set(ENGINES), known
        metafunc.parametrize("engine", [
            pytest.param(e, marks=pytest.mark.xfail(reason=known[e], strict=True)) if e in known else e
            for e in ENGINES], indirect=True)


# What the page showed when a test failed: its address, headings, notices and, in
# Chromium, the console's errors. A timeout says nothing of why on its own, and a
# failure seen once in CI must be readable from CI's log. The loader's marks on
# the page's timeline (ms since the page began) and the time now tell a load that
# stalled from one that was slow; whether the page was hidden tells throttled
# timers from neither.
PAGE_STATE = """
const text = s => [...document.querySelectorAll(s)].map(e => e.innerText.trim().slice(0, 400)).filter(Boolean);
return {address: location.href, title: text('.list-title, main h1, main h2'),
        notices: text('.alone, [role=alert], [role=status]'),
        rows: document.querySelectorAll('main li.record, main tr[data-id], main li[data-id]').length,
        marks: performance.getEntriesByType('mark').filter(m => m.name.startsWith('dossier:'))
          .map(m => `${m.name} ${Math.round(m.startTime)}`),
        now: Math.round(performance.now()), visibility: document.visibilityState};
"""

# Whether the page still runs its timers: a load waiting on one that never fires
# stalls while the page still answers scripts.
TIMER_FIRES = """
const done = arguments[arguments.length - 1], start = performance.now();
setTimeout(() => done(Math.round(performance.now() - start)), 0);
"""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or "page" not in item.funcargs:
        return
    page = item.funcargs["page"]
    lines = []
    try:
        lines.append(json.dumps(page.d.execute_script(PAGE_STATE), ensure_ascii=False, indent=1))
    except Exception as e:  # the browser itself may be what failed
        lines.append(f"the page could not be read: {e!r}")
    before = None
    try:
        before = page.d.timeouts.script
        page.d.set_script_timeout(5)
        lines.append(f"a zero timeout fired after {page.d.execute_async_script(TIMER_FIRES)} ms")
    except Exception as e:  # the browser itself may be what failed
        lines.append(f"a zero timeout did not fire within 5 s ({type(e).__name__})")
    finally:
        try:
            if before is not None:
                page.d.set_script_timeout(before)
        except Exception:
            pass
    if item.funcargs.get("engine") == "chromium":
        try:
            lines += [f"{e['level']}: {e['message'][:600]}" for e in page.d.get_log("browser")
                      if e["level"] in ("SEVERE", "WARNING")]
        except Exception as e:
            lines.append(f"the console could not be read: {e!r}")
    report.sections.append(("the page when the test failed", "\n".join(lines)))


def need_site(path: Path):
    if not (path / "index.html").exists() and not any(path.glob("*/index.html")):
        pytest.exit(f"{path} holds no build of the app: run scripts/test, which builds it first", 2)


@pytest.fixture(scope="session")
def site():
    """The release build served from the site root."""
    need_site(ROOT_SITE)
    server = StaticServer(ROOT_SITE)
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def sub_site():
    """The build for /dossier/, served by a host whose root is the parent folder."""
    need_site(SUB_WWW / "dossier")
    server = StaticServer(SUB_WWW)
    yield server.url + "dossier/"
    server.stop()


@pytest.fixture()
def site_copy(tmp_path):
    """A copy of the root build whose corpus a test may replace or remove."""
    need_site(ROOT_SITE)
    copy = tmp_path / "site"
    shutil.copytree(ROOT_SITE, copy)
    servers = []

    def serve(corpus_text=None, remove=False):
        target = copy / "public/corpus.json"
        if corpus_text is not None or remove:
            # The app reads the corpus this test writes, whole, as it reads a site
            # that has no parts.
            shutil.rmtree(copy / "parts", ignore_errors=True)
        if remove:
            target.unlink()
        elif corpus_text is not None:
            target.write_text(corpus_text, encoding="utf-8")
        if not servers:
            servers.append(StaticServer(copy))
        return servers[0].url, target

    yield serve
    for s in servers:
        s.stop()


@pytest.fixture()
def site_on_request(site_copy):
    """The root build whose shipped corpus is in parts of 16 KiB, read only on request."""
    url, corpus_file = site_copy()
    site = corpus_file.parent.parent
    # The page lists the record directory's parts anew, as the build does.
    page = site / "index.html"
    subprocess.run(
        ["cargo", "run", "--release", "--offline", "--quiet", "--bin", "split-corpus", "--",
         "--part-bytes", "16384", "--ask-above", "1", "--page", str(page),
         str(corpus_file), str(site / "parts")],
        cwd=ROOT, check=True)
    return url, site


@pytest.fixture(scope="session")
def large_corpus():
    """A generated corpus of 20,000 records (scripts/test makes it; made here if missing)."""
    if not LARGE_CORPUS.exists():
        LARGE_CORPUS.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["cargo", "run", "--release", "--quiet", "--bin", "gen-corpus", "--",
             "--records", str(LARGE_RECORDS), "--seed", "7", "--out", str(LARGE_CORPUS)],
            cwd=ROOT, check=True)
    return LARGE_CORPUS


@pytest.fixture()
def engine(request):
    """The browser engine this test runs in: Chromium unless the test is marked every_engine."""
    return getattr(request, "param", "chromium")


def alive(driver):
    """Whether the browser still answers in its session."""
    try:
        driver.execute_script("return 1")
        return True
    except Exception:  # a dead session, or a driver that has gone
        return False


class Browsers:
    """One browser of each engine for the whole run, started when a test first needs it."""

    def __init__(self):
        self.started = {}

    def get(self, engine):
        # A browser whose page crashed ends its session: every later test in that
        # engine would fail for it. The test it crashed in has failed already;
        # the next one gets a new browser.
        if engine in self.started and not alive(self.started[engine][0]):
            self.end(engine)
        if engine not in self.started:
            for path in ENGINE_NEEDS[engine]:
                if not Path(path).exists():
                    pytest.fail(f"{engine}: {path} is missing; scripts/test installs it", pytrace=False)
            if engine == "chromium":
                self.started[engine] = start_chromium("profile", CHROMIUM, CHROMEDRIVER)
            elif engine == "firefox":
                self.started[engine] = start_firefox(FIREFOX, GECKODRIVER)
            else:
                self.started[engine] = start_webkit(MINIBROWSER, WEBKITDRIVER)
        return self.started[engine][0]

    def end(self, engine):
        """Quits the engine's browser, if it runs; the next test starts another."""
        if engine in self.started:
            _, stop = self.started.pop(engine)
            try:
                stop()
            except Exception:  # a browser that has gone already
                pass

    def stop(self):
        for engine in list(self.started):
            self.end(engine)


@pytest.fixture(scope="session")
def browsers():
    pool = Browsers()
    yield pool
    pool.stop()


# WebKit starts afresh for each test. Kept for the whole run, its MiniBrowser
# holds a process for every site the run opened (each test serves its own), and
# late in a full run a page reading the 20,000-record corpus whole ended its
# session ("page crash or hang") though the test passes on its own every time.
FRESH_EACH_TEST = {"webkit"}


@pytest.fixture()
def driver(engine, browsers):
    yield browsers.get(engine)
    if engine in FRESH_EACH_TEST:
        browsers.end(engine)


@pytest.fixture()
def no_app(driver):
    """The page as a reader sees it before the app has arrived: its wasm never comes."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.wasm"]})
    yield driver
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


class Page:
    """What a person sees and does, in the terms the tests speak."""

    def __init__(self, drv):
        self.d = drv

    def open(self, url):
        self.d.get(url)
        return self.wait_ready()

    def wait(self, condition, timeout=20):
        # An element read as the app draws anew may be gone by the next step: asked again.
        return WebDriverWait(self.d, timeout, ignored_exceptions=[StaleElementReferenceException]).until(condition)

    def until_equal(self, read, expected, timeout=20):
        """Waits until `read()` gives `expected`; if it never does, fails showing
        how the last reading differs."""
        try:
            self.wait(lambda d: read() == expected, timeout)
        except TimeoutException:
            got = read()
            if got != expected:
                lines = difflib.unified_diff(pprint.pformat(expected, width=120).splitlines(),
                                             pprint.pformat(got, width=120).splitlines(),
                                             "expected", "on screen", lineterm="", n=2)
                pytest.fail("after %ss the page still shows otherwise:\n%s" % (timeout, "\n".join(lines)),
                            pytrace=False)

    def wait_ready(self):
        """Waits until the corpus has loaded (or failed, or waits for the reader to ask for it) and something is shown."""
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".list-title, .detail h2, .failure, .empty, .alone button"))
        return self

    def css(self, selector):
        return self.d.find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector):
        return self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))

    def text(self, selector):
        return self.one(selector).text

    def title(self):
        return self.text(".list-title")

    def query(self):
        return self.d.execute_script("return location.search")

    def path(self):
        return self.d.execute_script("return location.pathname")

    def click_link(self, text):
        link = self.wait(EC.element_to_be_clickable((By.LINK_TEXT, text)))
        # As a reader does: bring it on screen, let it render (records off screen
        # are laid out only when scrolled to), then click.
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        self.d.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        self.wait(EC.element_to_be_clickable((By.LINK_TEXT, text))).click()
        return self.wait_ready()

    def tab(self, label):
        link = self.wait(EC.element_to_be_clickable((By.XPATH, f"//nav[@aria-label='Views']//a[starts-with(normalize-space(.), '{label}')]")))
        link.click()
        self.wait(lambda d: label in self.title())
        return self

    def set_input(self, element_id, value, commit=True):
        box = self.one(f"#{element_id}")
        box.clear()
        box.send_keys(value)
        if commit:
            box.send_keys(Keys.ENTER)  # "\n" is Enter to chromedriver only
        return self

    def check(self, element_id):
        box = self.one(f"#{element_id}")
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        self.d.execute_script("arguments[0].click()", box)
        return self

    def open_filters(self):
        self.d.execute_script("document.querySelectorAll('.filters details').forEach(d => d.open = true)")
        return self

    def until_title(self, needle):
        self.wait(lambda d: needle in self.title())
        return self

    def until_query(self, needle):
        self.wait(lambda d: needle in self.query())
        return self

    def records(self, kind):
        return self.css(f"li.record.{kind}")


@pytest.fixture()
def page(driver, engine):
    p = Page(driver)
    if engine == "chromium":
        driver.get_log("performance")  # start each test with empty logs
        driver.get_log("browser")
    return p
