"""The app as a reader uses it: the release build, a static server, headless Chromium
(the tests marked every_engine in Firefox and WebKit too)."""

import copy
import gzip
import json
import os
import re
import time
from urllib.parse import urlparse

import pytest
from conftest import CORPUS
from selenium.webdriver.common.by import By

N = {kind: len(CORPUS[kind]) for kind in ("events", "claims", "sources", "actors")}


def by_id(kind, record_id):
    return next(r for r in CORPUS[kind] if r["id"] == record_id)


def actor_named(fragment):
    return next(a for a in CORPUS["actors"] if fragment in a["name"])


@pytest.mark.every_engine
def test_first_screen_shows_the_corpus_and_its_counts(site, page):
    page.open(site)
    assert page.text(".masthead h1") == CORPUS["meta"]["title"]
    assert page.title() == f"Events ({N['events']})"
    # The first page of the list: 50 records at most.
    assert len(page.records("event")) == min(N["events"], 50)
    tabs = page.text("nav[aria-label='Views']")
    for label, kind in (("Events", "events"), ("Claims", "claims"), ("Sources", "sources"), ("Institutions & people", "actors")):
        assert f"{label} ({N[kind]})" in tabs
    # Years run in order and each event shows a date, or says it has none.
    years = [int(y.text) for y in page.css(".year-title") if y.text.isdigit()]
    assert years == sorted(years) and years[0] == 1988
    assert all(r.find_elements(By.CSS_SELECTOR, ".date") for r in page.records("event"))


@pytest.mark.every_engine
def test_each_view_lists_its_own_records(site, page):
    page.open(site)
    # Each list shows its first page, 50 records at most; institutions and people are a table.
    rows = {"claims": "li.record.claim", "sources": "li.record.source",
            "actors": "table.actors tbody tr", "events": "li.record.event"}
    for label, kind in (("Claims", "claims"), ("Sources", "sources"),
                        ("Institutions & people", "actors"), ("Events", "events")):
        page.tab(label)
        assert page.title() == f"{label} ({N[kind]})"
        assert ("view=" + kind in page.query()) if kind != "events" else "view=" not in page.query()
        page.wait(lambda d: len(page.css(rows[kind])) == min(N[kind], 50))
        assert not [other for other in rows if other != kind and page.css(rows[other])], label


def test_the_page_policy_blocks_nothing_it_needs(site, page):
    # Read from Chromium's console, which the other engines do not hand to WebDriver.
    page.open(site)
    # The page's Content-Security-Policy lets its own loader run and blocks nothing it needs.
    assert not [e for e in page.d.get_log("browser") if e["level"] == "SEVERE"]
    csp = page.d.find_element(By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "'unsafe-inline'" not in csp and "connect-src 'self'" in csp


@pytest.mark.every_engine
def test_date_range_keeps_what_overlaps_and_says_how_undated_are_treated(site, page):
    page.open(site).open_filters()
    page.set_input("f-from", "2016-09").set_input("f-to", "2016-09").until_query("to=2016-09")
    page.wait(lambda d: "of" in page.title())
    shown = [r.text for r in page.records("event")]
    assert 0 < len(shown) < N["events"]
    edm = next(e for e in CORPUS["events"] if e["date"]["when"] == "2016-09-13")
    assert any(edm["title"] in s for s in shown)
    # Events known only to the year stand apart: they may, or may not, fall in September.
    assert edm["title"] in page.text(".timeline")
    year_only = [e for e in CORPUS["events"] if e.get("date", {}).get("when") == "2016"]
    if year_only:
        assert year_only[0]["title"] in page.text(".maybe") and year_only[0]["title"] not in page.text(".timeline")
    assert not any("2024" in r.find_element(By.CSS_SELECTOR, ".meta").text for r in page.records("event"))
    assert "with no date" in page.text(".dates")
    # A bad end is named, not silently applied.
    page.set_input("f-to", "2016-13")
    page.wait(lambda d: "impossible date" in page.text(".dates .errors"))


@pytest.mark.every_engine
def test_actor_filter_with_type_ahead_shows_what_involves_them(site, page):
    amnesty = actor_named("Amnesty International")
    page.open(site + "?view=claims").open_filters()
    # The suggestions are offered once the box is in use.
    options = lambda: [o.get_attribute("value") for o in page.css("#f-actor-list option")]
    page.one("#f-actor").click()
    page.wait(lambda d: amnesty["name"] in options())
    page.set_input("f-actor", amnesty["name"]).until_query("actor=" + amnesty["id"])
    page.wait(lambda d: "of" in page.title())
    expected = [c for c in CORPUS["claims"] if amnesty["id"] in (c.get("claimant"), c.get("relayed_by"))]
    assert page.title() == f"Claims ({len(expected)} of {N['claims']})"
    chip = page.one(".chips .chip")
    assert amnesty["name"] in chip.text
    chip.click()
    page.until_title(f"Claims ({N['claims']})")


@pytest.mark.every_engine
def test_filter_by_an_institution_or_person_from_their_row(site, page):
    page.open(site + "?view=actors")
    # The first row on the first page whose Claims column is not zero.
    row = next(r for r in page.css("table.actors tbody tr")
               if int(r.find_elements(By.CSS_SELECTOR, "td")[1].text) > 0)
    actor = by_id("actors", row.find_element(By.CSS_SELECTOR, "a[data-id]").get_attribute("data-id"))
    claims = [c for c in CORPUS["claims"] if actor["id"] in (c.get("claimant"), c.get("relayed_by"))]
    assert row.find_elements(By.CSS_SELECTOR, "td")[1].text == str(len(claims))
    button = row.find_element(By.CSS_SELECTOR, "button")
    assert button.get_attribute("aria-label") == f"Filter by {actor['name']}"
    button.click()
    page.until_query("actor=" + actor["id"]).until_title(f"Institutions & people (1 of {N['actors']})")
    assert page.one("table.actors button").get_attribute("aria-pressed") == "true"
    assert actor["name"] in page.text(".chips .chip")
    # The filter goes with the reader to the other views.
    page.tab("Claims")
    assert page.title() == f"Claims ({len(claims)} of {N['claims']})"
    shown = {a.get_attribute("data-id") for a in page.css("li.record.claim > :is(h3, h4) > a")}
    assert len(shown) == min(len(claims), 50) and shown <= {c["id"] for c in claims}


@pytest.mark.every_engine
def test_kind_filter_and_death_tolls_side_by_side(site, page):
    tolls = [c for c in CORPUS["claims"] if c["kind"] == "death-toll"]
    page.open(site + "?view=claims").open_filters()
    page.check("f-claim-death-toll").until_query("claim=death-toll")
    page.until_title(f"Claims ({len(tolls)} of {N['claims']})")
    kinds = {r.find_element(By.CSS_SELECTOR, ".kind").text for r in page.records("claim")}
    assert kinds == {"Death toll"}
    table = page.text(".tolls table")
    for c in tolls:
        assert c["death_toll"]["as_written"] in table
    # Differing figures stand side by side, each with its claimant: never merged.
    assert len(page.css(".tolls tbody tr")) == len(tolls)


@pytest.mark.every_engine
def test_free_text_ignores_case_and_accents(site, page):
    page.open(site + "?view=sources").open_filters()
    page.set_input("f-text", "TRIBUNE DE GENEVE", commit=False).until_query("q=")
    page.wait(lambda d: "of" in page.title())
    titles = " ".join(r.text for r in page.records("source"))
    assert "Genève" in titles


def test_filters_combine_and_an_empty_result_offers_to_clear(site, page):
    page.open(site + "?view=claims&claim=legal-characterisation&q=humanity")
    page.wait(lambda d: "of" in page.title())
    # Read the kinds in one go: the list may be redrawn as the search index arrives.
    kinds = lambda: page.d.execute_script(
        "return [...document.querySelectorAll('li.record.claim .kind')].map(e => e.textContent)")
    page.wait(lambda d: kinds() and all("Legal characterisation" in k for k in kinds()))
    page.open(site + "?view=claims&claim=legal-characterisation&q=zzzz-nothing")
    assert "No claims match these filters." in page.text(".empty")
    page.one(".empty button").click()
    page.until_title(f"Claims ({N['claims']})")
    assert page.query() == "?view=claims"  # the view stays; only the filters go


def test_url_round_trip_with_reload_back_and_forward(site, page):
    page.open(site)
    page.tab("Claims")
    first = page.query()
    page.open_filters().check("f-claim-death-toll").until_query("claim=death-toll")
    filtered_title = page.title()
    page.d.refresh()
    page.wait_ready().until_title(filtered_title)
    assert page.one("#f-claim-death-toll").is_selected()
    page.d.back()
    page.wait(lambda d: page.query() == first)
    page.until_title(f"Claims ({N['claims']})")
    page.d.forward()
    page.until_query("claim=death-toll").until_title(filtered_title)


@pytest.mark.every_engine
def test_every_record_kind_opens_from_a_deep_link(site, page):
    for kind, field in (("events", "title"), ("claims", "paraphrase"), ("sources", "title"), ("actors", "name")):
        record = CORPUS[kind][len(CORPUS[kind]) // 2]
        page.open(site + "?id=" + record["id"])
        assert page.text(".detail h2") == record[field], kind
    page.open(site + "?id=no-such-record")
    assert "No such record" in page.text(".detail")


@pytest.mark.every_engine
def test_cross_links_lead_from_claim_to_source_to_actor(site, page):
    claim = next(c for c in CORPUS["claims"] if c.get("claimant") and c["voice"] == "attributed")
    source = by_id("sources", claim["reported_in"])
    actor = by_id("actors", claim["claimant"])
    page.open(site + "?id=" + claim["id"])
    assert claim["quote"][:40] in page.text(".detail blockquote")
    page.click_link(source["title"])
    assert page.text(".detail h2") == source["title"]
    assert claim["paraphrase"] in page.text(".detail")
    page.open(site + "?id=" + claim["id"]).click_link(actor["name"])
    assert page.text(".detail h2") == actor["name"]
    page.one(".detail > button").click()
    page.until_query("actor=" + actor["id"])


def test_works_under_a_sub_path(sub_site, page):
    page.open(sub_site)
    assert page.path() == "/dossier/"
    page.tab("Sources")
    assert page.path() == "/dossier/" and "view=sources" in page.query()
    page.click_link(CORPUS["sources"][0]["title"])
    assert page.path() == "/dossier/"
    page.d.refresh()
    assert page.wait_ready().text(".detail h2") == CORPUS["sources"][0]["title"]
    page.open(sub_site + "?view=claims&claim=death-toll")
    assert page.title().startswith("Claims (")


def test_missing_corpus_says_so_and_retry_recovers(site_copy, page):
    url, corpus_file = site_copy(remove=True)
    page.open(url)
    message = page.text(".failure")
    assert "could not be loaded" in message and "404" in message
    corpus_file.write_text(json.dumps(CORPUS), encoding="utf-8")
    page.one(".failure button").click()
    page.wait_ready().until_title(f"Events ({N['events']})")


@pytest.mark.parametrize("damage", ["changed", "truncated"])
def test_a_damaged_part_is_named_and_retry_recovers(site_copy, page, damage):
    """A part that is not the one the manifest names (a changed byte in its JSON,
    or a file cut short) stops the load with its name, and a retry once the site
    is mended reads it."""
    url, corpus_file = site_copy()
    parts = corpus_file.parent.parent / "parts"
    manifest = json.loads((parts / "manifest.json").read_text(encoding="utf-8"))
    part = parts / manifest["parts"][0]["file"]
    stored = part.read_bytes()
    if damage == "changed":
        text = gzip.decompress(stored).replace(b'"title":"', b'"title":"X', 1)
        part.write_bytes(gzip.compress(text))
    else:
        part.write_bytes(stored[: len(stored) // 2])
    page.open(url)
    message = page.text(".failure")
    assert manifest["parts"][0]["file"] in message and "damaged" in message, message
    part.write_bytes(stored)
    later = time.time() + 5
    os.utime(part, (later, later))
    page.one(".failure button").click()
    page.wait_ready().until_title(f"Events ({N['events']})")


def test_malformed_corpus_names_the_problem(site_copy, page):
    url, corpus_file = site_copy('{"meta": {"title": "x"},\n  "sources": [1, 2,,]')
    page.open(url)
    assert "not valid JSON" in page.text(".failure") and "line 2" in page.text(".failure")
    corpus_file.write_text('{"hello": "world"}', encoding="utf-8")
    # The server's Last-Modified has one-second steps: date the fix later, as a real one would be.
    later = time.time() + 5
    os.utime(corpus_file, (later, later))
    page.one(".failure button").click()
    page.wait(lambda d: "not a corpus" in page.text(".failure"))


def test_bad_records_are_named_and_the_rest_still_work_and_nothing_is_html(site_copy, page):
    bad = copy.deepcopy(CORPUS)
    bad["events"][0]["title"] = ""  # an empty required text
    bad["claims"][0]["claimant"] = "act-nobody"  # a reference to nothing
    bad["claims"][0]["voice"] = "attributed"
    # Corpus text that looks like HTML stays text.
    bad["sources"][1]["title"] = '<img src="x" onerror="document.title=\'pwned\'">Injected'
    bad["sources"][1]["url"] = "https://example.org/report"
    url, _ = site_copy(json.dumps(bad))
    page.open(url)
    notice = page.text(".notice")
    assert "2 records left out" in notice
    page.one(".notice summary").click()
    names = page.text(".rejected")
    assert CORPUS["events"][0]["id"] in names and CORPUS["claims"][0]["id"] in names
    assert "act-nobody" in names
    assert page.title() == f"Events ({N['events'] - 1})"
    page.tab("Claims").until_title(f"Claims ({N['claims'] - 1})")
    page.open(url + "?id=" + bad["sources"][1]["id"])
    assert page.text(".detail h2").startswith("<img")
    assert not page.css("img") and page.d.title != "pwned"
    link = page.one(".detail a[href^='https://example.org']")
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_a_link_that_is_not_http_leaves_only_its_source_out(site_copy, page):
    bad = copy.deepcopy(CORPUS)
    cited = next(s for s in bad["sources"] if not s.get("text_file"))
    cited["url"] = "javascript:alert(1)"
    url, _ = site_copy(json.dumps(bad))
    page.open(url)
    assert "1 record left out" in page.text(".notice")
    page.one(".notice summary").click()
    assert "is not an http(s) link" in page.text(".rejected")
    assert not page.css("a[href^='javascript:']")
    # The records that cited it or were first made in it stay, without that link.
    page.tab("Claims").until_title(f"Claims ({N['claims']})")


def test_no_request_leaves_this_machine(site, page):
    page.open(site)
    page.tab("Claims")
    page.one("li.record h4 a").click()
    page.wait_ready().one(".detail h2")
    page.open(site + "?view=actors")
    hosts = set()
    for entry in page.d.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            u = urlparse(msg["params"]["request"]["url"])
            if u.scheme in ("http", "https", "ws", "wss"):
                hosts.add(u.hostname)
    assert hosts == {"127.0.0.1"}, hosts


def test_keyboard_and_screen_reader_basics(site, page):
    page.open(site)
    assert page.css("header") and page.css("main#main") and page.css("nav[aria-label='Views']")
    assert page.css("aside .filters, aside.filters")
    # Every input has a label a screen reader can announce.
    for box in page.css("input, select"):
        box_id = box.get_attribute("id")
        assert box_id and page.css(f"label[for='{box_id}']") or box.find_elements(By.XPATH, "ancestor::label"), box_id
    assert re.match(r"^Events \(\d+\)$", page.title())


def test_the_corpus_downloads_beside_the_app_not_after_it(site, page):
    page.open(site)
    timing = page.d.execute_script(r"""
        const all = performance.getEntriesByType('resource');
        const of = test => all.filter(e => test(new URL(e.name).pathname));
        return {manifest: of(p => p.endsWith('parts/manifest.json')).map(e => e.startTime),
                parts: of(p => /parts\/r-[0-9a-f]{16}\.json\.gz$/.test(p)).map(e => e.startTime),
                whole: of(p => p.endsWith('public/corpus.json')).length,
                wasm: of(p => p.endsWith('_bg.wasm')).map(e => e.startTime)};
    """)
    # The manifest downloads once, beside the app: the app takes over the download
    # the page started. Then the corpus's one part (the shipped corpus is small),
    # and never the whole file as well.
    assert len(timing["manifest"]) == 1 and len(timing["wasm"]) == 1, timing
    assert timing["manifest"][0] <= timing["wasm"][0], timing
    assert len(timing["parts"]) == 1 and timing["whole"] == 0, timing
