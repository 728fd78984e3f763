"""The single-file edition, dossier.html from the release build, opened from disk
as a reader opens a file passed on a USB stick: no server, and no request at all.

The checks are functions of a `Page`-like helper (conftest.Page), so the same
walk can run in any browser a driver starts; Chromium's tests below also read its
request log, which only Chromium keeps.
"""

import json
from urllib.parse import urlparse

import pytest
from browser_host import start_chromium
from conftest import CHROMEDRIVER, CHROMIUM, CORPUS, ROOT_SITE, Page
from selenium.webdriver.common.by import By

SINGLE_FILE = ROOT_SITE / "dossier.html"
N = {kind: len(CORPUS[kind]) for kind in ("events", "claims", "sources", "actors")}


@pytest.fixture(scope="module")
def single_file():
    if not SINGLE_FILE.exists():
        pytest.exit(f"{SINGLE_FILE} is missing: a release build (scripts/test builds one) writes it", 2)
    return SINGLE_FILE.resolve().as_uri()


def resources(page):
    """What the page has loaded besides itself, as the browser's resource timing
    lists it: fetches, scripts, styles, images, in any engine."""
    return page.d.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def walk_the_single_file(page, url):
    """The walk a reader takes in the single file, in any browser: the first list,
    a filter by date, by institution and by text, a record."""
    page.open(url)
    # The corpus this file carries, and its first list.
    assert page.text(".masthead h1") == CORPUS["meta"]["title"]
    assert page.title() == f"Events ({N['events']})"
    assert len(page.records("event")) == min(N["events"], 50)
    # By date: September 2016.
    page.open_filters()
    page.set_input("f-from", "2016-09").set_input("f-to", "2016-09").until_query("to=2016-09")
    page.wait(lambda d: "of" in page.title())
    edm = next(e for e in CORPUS["events"] if e["date"]["when"] == "2016-09-13")
    assert edm["title"] in page.text(".timeline")
    assert 0 < len(page.records("event")) < N["events"]
    # The address changed, and the file is still the one on disk.
    assert page.d.current_url.startswith(url)
    # By institution, among the claims.
    amnesty = next(a for a in CORPUS["actors"] if "Amnesty International" in a["name"])
    page.open(url + "?view=claims").open_filters()
    page.set_input("f-actor", amnesty["name"]).until_query("actor=" + amnesty["id"])
    expected = [c for c in CORPUS["claims"] if amnesty["id"] in (c.get("claimant"), c.get("relayed_by"))]
    page.until_title(f"Claims ({len(expected)} of {N['claims']})")
    # By text, accents and case aside.
    page.open(url + "?view=sources").open_filters()
    page.set_input("f-text", "TRIBUNE DE GENEVE", commit=False).until_query("q=")
    page.wait(lambda d: "of" in page.title())
    assert "Genève" in " ".join(r.text for r in page.records("source"))
    # A record, from its list.
    name = page.one("li.record.source h3 a").text
    source = next(s for s in CORPUS["sources"] if s["title"] == name)
    page.click_link(name)
    assert page.text(".detail h2") == name
    assert "id=" + source["id"] in page.query()
    # No link to a file that is not beside it.
    assert not page.css("footer a[href^='public/'], footer a[href^='plain/']")
    # Nothing was loaded from anywhere: not the corpus, not the app, not a style.
    assert resources(page) == []


def requests_made(page, document):
    """Every request Chromium logged from the file's pages (not the browser's
    own new-tab page) but the file itself and its in-page data."""
    asked = []
    for entry in page.d.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            if not msg["params"].get("documentURL", "").startswith(document):
                continue
            u = msg["params"]["request"]["url"]
            if urlparse(u).scheme != "data" and u.split("?")[0] != document:
                asked.append(u)
    return asked


# Notes when the first record is on screen, in ms from the start of navigation;
# run by the DevTools protocol, before the page's own scripts and outside its policy.
FIRST_RECORD = """
new MutationObserver((_, seen) => {
  if (document.querySelector('li.record')) {
    window.dossierFirstRecord = performance.now();
    seen.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_the_single_file_opens_from_disk_and_asks_for_nothing(single_file, page):
    watch = page.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_RECORD})
    try:
        walk_the_single_file(page, single_file)
    finally:
        page.d.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": watch["identifier"]})
    assert requests_made(page, single_file) == []
    # Its policy lets its own loader and the wasm run, and blocks nothing it needs.
    assert not [e for e in page.d.get_log("browser") if e["level"] == "SEVERE"]


def test_time_to_the_first_list_from_disk(single_file, page):
    watch = page.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_RECORD})
    try:
        times = []
        for _ in range(3):
            page.open(single_file)
            page.one("li.record")
            times.append(page.d.execute_script("return window.dossierFirstRecord"))
    finally:
        page.d.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": watch["identifier"]})
    print(f"\nsingle file ({SINGLE_FILE.stat().st_size / 1e6:.2f} MB): first record on screen "
          f"{sorted(times)[1]:.0f} ms from disk (median of {times})")
    assert sorted(times)[1] < 10_000


def test_the_single_file_states_its_corpus_and_its_sha256(single_file, page):
    text = SINGLE_FILE.read_text(encoding="utf-8")
    head = text[:2000]
    import hashlib
    sha = hashlib.sha256((ROOT_SITE / "public/corpus.json").read_bytes()).hexdigest()
    assert f"Corpus SHA-256: {sha}" in head
    assert CORPUS["meta"]["title"] in head and CORPUS["meta"]["version"] in head and CORPUS["meta"]["updated"] in head
    csp = page.open(single_file).d.find_element(
        By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'self'" not in csp
    # The corpus is carried gzipped, never as a data: URL.
    assert "data:application" not in text and '"meta"' not in text.split("<noscript>")[0]


def test_the_persian_interface_in_the_single_file(single_file, page):
    page.open(single_file + "?lang=fa")
    assert page.d.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert page.title().startswith("رویدادها")


@pytest.fixture(scope="module")
def nojs():
    """A second Chromium, with JavaScript disabled."""
    drv, stop = start_chromium("single-nojs", CHROMIUM, CHROMEDRIVER,
                               prefs={"profile.managed_default_content_settings.javascript": 2})
    yield Page(drv)
    stop()


def plain_content_without_javascript(page, url):
    """With scripts off, the file shows the plain edition's content, not a blank page."""
    page.d.get(url)
    body = page.d.find_element(By.TAG_NAME, "body").text
    assert "This is the single-file edition of Dossier" in body
    heads = [h.text for h in page.d.find_elements(By.CSS_SELECTOR, ".standalone h2")]
    assert f"Events ({N['events']})" in heads and f"Claims ({N['claims']})" in heads
    for e in CORPUS["events"][:5]:
        assert e["title"] in body
    assert page.d.find_elements(By.CSS_SELECTOR, ".list-title") == []


def test_without_javascript_the_single_file_shows_the_plain_edition(single_file, nojs):
    plain_content_without_javascript(nojs, single_file)


@pytest.mark.every_engine
def test_the_single_file_works_from_disk_in_every_engine(single_file, page):
    """The walk a reader takes, from file://, in Chromium, Firefox and WebKit alike:
    the first list, a date, an institution and a word, a record, and nothing loaded
    from anywhere (resource timing, which every engine keeps)."""
    walk_the_single_file(page, single_file)
