"""The app with no connection: after one visit, with the site's server stopped, a
reload shows the app, and its views, filters and records work; the "keep the whole
corpus" control keeps what the device lacks; a new version waits, is announced by
the corpus it brings, and takes over only when the reader chooses."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_host import StaticServer
from conftest import CORPUS, ROOT, ROOT_SITE, SUB_WWW, need_site

N = {kind: len(CORPUS[kind]) for kind in ("events", "claims", "sources", "actors")}

# Notes when the app's first list appears, in ms since navigation (a reload after
# the server stopped is timed by it).
FIRST_LIST_JS = """
new MutationObserver((_, observer) => {
  if (document.querySelector('.list-title')) {
    window.dossierFirstList = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture()
def served(page):
    """A server of one's own, so that a test can stop it: yields a function that
    serves a folder (a new origin each time, so no worker from another test is in
    it) and gives its URL and the server."""
    servers = []
    script = page.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_LIST_JS})

    def serve(folder):
        server = StaticServer(folder)
        servers.append(server)
        return server

    yield serve
    page.d.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    for server in servers:
        try:
            server.stop()
        except OSError:
            pass


def kept_status(page):
    return page.text(".offline-kept")


def visit_until_kept(page, url):
    """One visit, until the page says the app and the whole corpus are kept."""
    page.open(url)
    page.wait(lambda d: "keeps the whole corpus" in kept_status(page) and "The app is kept too" in kept_status(page), 60)


def precache_bytes(folder: Path):
    """What the worker keeps at install: the files sw.js lists, and the record parts."""
    worker = (folder / "sw.js").read_text(encoding="utf-8")
    build = json.loads(re.search(r"^const BUILD = (\{.*\});$", worker, re.M).group(1))
    shell = sum((folder / path).stat().st_size for path, _ in build["files"])
    manifest = json.loads((folder / "parts/manifest.json").read_text(encoding="utf-8"))
    return shell, sum(p["bytes"] for p in manifest["parts"])


def reload_offline(page, url):
    """Reloads with the server stopped; gives the ms to the first list. The
    browser's HTTP cache is emptied first: what works is what the app keeps."""
    page.d.execute_cdp_cmd("Network.clearBrowserCache", {})
    page.d.get(url)
    page.wait_ready()
    return page.d.execute_script("return window.dossierFirstList")


def the_network_is_gone(page):
    # A file the worker does not keep cannot be had: the server is really gone.
    return page.d.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('public/corpus.schema.json', {cache: 'no-store'}).then(() => done(false), () => done(true));
    """)


@pytest.mark.parametrize("where", ["root", "sub-path"])
def test_after_one_visit_the_app_works_with_the_server_stopped(page, served, where):
    if where == "root":
        need_site(ROOT_SITE)
        folder, server = ROOT_SITE, served(ROOT_SITE)
        url = server.url
    else:
        need_site(SUB_WWW / "dossier")
        folder, server = SUB_WWW / "dossier", served(SUB_WWW)
        url = server.url + "dossier/"
    visit_until_kept(page, url)
    server.stop()
    ms = reload_offline(page, url)
    assert page.title() == f"Events ({N['events']})"
    assert the_network_is_gone(page)
    assert page.path().endswith("/dossier/") == (where == "sub-path")
    shell, corpus = precache_bytes(folder)
    print(f"\n{where}: offline reload, first list after {ms:.0f} ms; precache: app {shell / 1000:.0f} kB, corpus {corpus / 1000:.0f} kB")
    # Filtering works: a date range, then a word.
    page.open_filters()
    page.set_input("f-from", "2016").set_input("f-to", "2016").until_query("to=2016")
    page.wait(lambda d: "of" in page.title())
    assert 0 < len(page.records("event")) < N["events"]
    # Every view, and a record of each kind, from a deep link typed with no connection.
    for label, kind in (("Claims", "claims"), ("Sources", "sources"), ("Institutions & people", "actors")):
        page.open(url + "?view=" + kind)
        assert page.title().startswith(label) and str(N[kind]) in page.title()
    for kind, field in (("events", "title"), ("claims", "paraphrase"), ("sources", "title"), ("actors", "name")):
        record = CORPUS[kind][len(CORPUS[kind]) // 3]
        page.open(url + "?id=" + record["id"])
        assert page.text(".detail h2") == record[field], kind
    # A record opened by following its link in the list.
    page.open(url + "?view=events&q=fatwa")
    page.wait(lambda d: "of" in page.title())
    first = page.one("li.record h4 a").text
    page.click_link(first)
    assert page.text(".detail h2") == first


def test_keep_the_whole_corpus_keeps_what_the_device_lacks(page, served):
    need_site(ROOT_SITE)
    server = served(ROOT_SITE)
    visit_until_kept(page, server.url)
    # The device loses the corpus's parts (a browser clearing space, say): with
    # the server stopped now, the app could not load. The reader asks for the
    # whole corpus.
    page.d.execute_async_script("""
        const done = arguments[arguments.length - 1];
        caches.keys().then(names => Promise.all(names.filter(n => n.endsWith(' parts')).map(n => caches.delete(n)))).then(done);
    """)
    page.one("#keep-corpus").click()
    page.wait(lambda d: "keeps the whole corpus" in kept_status(page))
    assert "The browser" in kept_status(page)  # says whether it promised to keep them
    server.stop()
    reload_offline(page, server.url)
    assert page.title() == f"Events ({N['events']})"
    for kind, field in (("events", "title"), ("claims", "paraphrase"), ("sources", "title"), ("actors", "name")):
        for record in CORPUS[kind][:: max(1, len(CORPUS[kind]) // 4)]:
            page.open(server.url + "?id=" + record["id"])
            assert page.text(".detail h2") == record[field], kind


def test_a_new_version_waits_and_is_announced_by_the_corpus_it_brings(page, served, tmp_path):
    need_site(ROOT_SITE)
    folder = tmp_path / "site"
    shutil.copytree(ROOT_SITE, folder)
    server = served(folder)
    visit_until_kept(page, server.url)
    # The site is rebuilt with version 2 of the corpus, 12 events more: the
    # build's steps that cut the parts and write the worker, run on the copy.
    corpus = json.loads((folder / "public/corpus.json").read_text(encoding="utf-8"))
    corpus["meta"]["version"] = "2"
    for i, event in enumerate(corpus["events"][:12]):
        corpus["events"].append({**event, "id": f"ev-offline-test-{i}"})
    (folder / "public/corpus.json").write_text(json.dumps(corpus, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "TRUNK_STAGING_DIR": str(folder)}
    subprocess.run(["bash", "scripts/parts-hook"], cwd=ROOT, env=env, check=True)
    subprocess.run(["perl", "scripts/offline-hook"], cwd=ROOT, env=env, check=True)
    # The next visit finds the new version; the page stays on the old one, whole,
    # and says what the new one brings.
    page.d.refresh()
    page.wait_ready()
    notice = page.wait(lambda d: page.css("aside.update [role=status]"), 60)[0]
    assert notice.text == "A new version is ready: version 2 of the corpus, 12 more records."
    assert page.title() == f"Events ({N['events']})"
    page.d.refresh()
    page.wait_ready()
    assert page.title() == f"Events ({N['events']})"
    # The reader chooses it: the page reloads into version 2.
    page.wait(lambda d: page.css("aside.update button"), 60)[0].click()
    page.wait(lambda d: page.css(".list-title") and page.title() == f"Events ({N['events'] + 12})", 30)
    assert not page.css("aside.update")
    assert "Corpus version 2," in page.text("footer")
