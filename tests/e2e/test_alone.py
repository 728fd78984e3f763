"""A large corpus, read in part: a record opened by its address comes from the few
parts that hold it (the record directory, src/publish/gather.rs), with what points
to it marked as waiting; a corpus above the manifest's `ask_above` is read whole only
when the reader asks, and the static first page stands in for the list until then.

The site is the root build with the shipped corpus cut anew into small parts
(`split-corpus --part-bytes`), so that one record needs few of many, and with a
manifest that asks above one byte."""

import gzip
import json
import os
import time

import pytest
from conftest import CORPUS

N = {kind: len(CORPUS[kind]) for kind in ("events", "claims", "sources", "actors")}
# An event with participants and claims about it: both ways of linking show.
EVENT = next(e for e in CORPUS["events"]
             if e.get("actors") and any(e["id"] in c.get("events", []) for c in CORPUS["claims"]))
ACTOR = EVENT["actors"][0]["actor"]
ACTOR_NAME = next(a["name"] for a in CORPUS["actors"] if a["id"] == ACTOR)


def heading(page):
    """The record's heading, read in one step: the page is redrawn as parts arrive."""
    return page.d.execute_script("const h = document.querySelector('.detail h2'); return h && h.textContent")


def settled(page):
    """Waits until the names of what the record links to have arrived."""
    page.wait(lambda d: heading(page) and not page.css(".detail .arriving"))


def part_requests(page):
    """The files of parts/ the page asked for, by name."""
    return page.d.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/parts/') && !n.endsWith('manifest.json'))"
        ".map(n => n.split('/parts/')[1])")


@pytest.mark.every_engine
def test_a_record_opened_by_its_address_comes_from_a_few_parts(site_on_request, page):
    url, site = site_on_request
    records = len(list((site / "parts").glob("r-*.json.gz")))
    assert records > 10, records
    page.open(f"{url}?id={EVENT['id']}")
    settled(page)
    assert heading(page) == EVENT["title"]
    fetched = part_requests(page)
    assert any(f.startswith("d-") for f in fetched), fetched
    assert len([f for f in fetched if f.startswith("r-")]) < records / 2, fetched
    # The page starts the record's first two parts beside the app, which takes
    # them: none is downloaded twice.
    assert len(fetched) == len(set(fetched)), fetched
    # Its participants are named, from their own parts: their ids stand in for
    # their names only until those arrive.
    assert ACTOR_NAME in page.text(".detail")
    # What points to it (claims about it) waits for the whole corpus: no short
    # list shown as if whole.
    assert page.css(".detail .waits")
    assert not page.css(".detail .toll-chart, .detail ol.records")
    # No list or filter that would need every record; the views' tabs lead to the
    # lists read a page at a time, and count from the manifest.
    assert not page.css(".list-title, aside.filters")
    assert "Claims (" in page.text("nav[aria-label='Views']")
    notice = page.text(".alone")
    assert "A large corpus" in notice and "only when you ask" in notice, notice


def test_a_link_from_a_record_alone_finds_the_next_record(site_on_request, page):
    url, _ = site_on_request
    page.open(f"{url}?id={EVENT['id']}")
    settled(page)
    page.one(f".detail a[href*='id={ACTOR}']").click()
    page.wait(lambda d: heading(page) == ACTOR_NAME)
    settled(page)
    assert page.css(".detail .waits")
    assert page.query().endswith(f"id={ACTOR}") or f"id={ACTOR}" in page.query()


@pytest.mark.every_engine
def test_a_corpus_read_on_request_is_read_when_the_reader_asks(site_on_request, page):
    url, _ = site_on_request
    page.d.get(url)
    button = page.one(".alone button")
    assert "Read the whole corpus" in button.text and "MB" in button.text, button.text
    # Until then the static first page is the list.
    assert page.one("#first-page-en").is_displayed()
    assert not part_requests(page), "no part before the reader asks"
    button.click()
    page.until_title(f"Events ({N['events']})")
    assert not page.css("#first-page-en, .alone")
    # Filters work on the whole corpus now.
    assert page.css("aside.filters")


def test_the_request_is_in_persian_too(site_on_request, page):
    url, _ = site_on_request
    page.open(f"{url}?lang=fa&id={EVENT['id']}")
    settled(page)
    assert heading(page) == EVENT["title"]
    notice = page.text(".alone")
    assert "مجموعه‌ای بزرگ" in notice and "خواندن همهٔ مجموعه" in notice, notice
    assert page.one(".detail .waits").text.startswith("سابقه‌هایی")


def test_asking_for_the_corpus_beside_a_record_keeps_the_record_and_completes_it(site_on_request, page):
    url, _ = site_on_request
    page.open(f"{url}?id={EVENT['id']}")
    settled(page)
    page.one(".alone button").click()
    # The rest arrives under the same record: what points to it replaces the
    # note that it waits, and the filters come back.
    page.wait(lambda d: not page.css(".alone, .detail .waits"))
    assert heading(page) == EVENT["title"]
    assert page.css(".detail ol.records"), "the claims about the event, listed"
    assert page.css("aside.filters")


def test_a_damaged_directory_part_is_named_and_retry_recovers(site_on_request, page):
    """A corpus read on request reads nothing but the record's few parts: one
    that is damaged stops the page with its name, not a search without end."""
    url, site = site_on_request
    parts = site / "parts"
    manifest = json.loads((parts / "manifest.json").read_text(encoding="utf-8"))
    listed = [d for d in manifest["directory"] if d["from"] <= EVENT["id"]][-1]
    part = parts / listed["file"]
    stored = part.read_bytes()
    part.write_bytes(gzip.compress(gzip.decompress(stored).replace(b'"', b"'", 1)))
    page.open(f"{url}?id={EVENT['id']}")
    message = page.text(".failure")
    assert listed["file"] in message and "damaged" in message, message
    part.write_bytes(stored)
    later = time.time() + 5
    os.utime(part, (later, later))
    page.one(".failure button").click()
    settled(page)
    assert heading(page) == EVENT["title"]
