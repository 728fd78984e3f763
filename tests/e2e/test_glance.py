"""A record's first look before the app: for a record opened by its address, the page's
own script shows its kind, heading and first facts from a small part
(src/publish/glance.rs), as the app's record page words them, in the language the app
will speak; the app then draws the record in their place. Nothing shows for an id the
corpus lacks or for an address that opens no record."""

import json
import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
CORPUS = json.loads((ROOT / "public/corpus.json").read_text(encoding="utf-8"))

INFERRED_CLAIM = next(c for c in CORPUS["claims"] if (c.get("date") or {}).get("inference"))
ACTOR_WITH_NAMES = next(a for a in CORPUS["actors"] if any(n["lang"].startswith("fa") for n in a.get("names", [])))
RECORDS = [
    CORPUS["events"][0]["id"],
    INFERRED_CLAIM["id"],
    CORPUS["sources"][0]["id"],
    ACTOR_WITH_NAMES["id"],
]

# What a record page shows at its head, as text: its kind, its heading, each term
# of its facts with its value, an event's summary and the quote under a claim's heading.
READ_HEAD = """
const root = document.querySelector(arguments[0]);
if (!root || !root.querySelector('h2').textContent) return null;
const facts = {};
for (const dt of root.querySelectorAll('dl.facts > dt')) facts[dt.textContent] = dt.nextElementSibling.textContent;
const shown = (selector) => {
  const e = root.querySelector(selector);
  return e && e.getClientRects().length ? e.textContent : null;
};
return {kind: root.querySelector('.kind-label').textContent, heading: root.querySelector('h2').textContent, facts,
        summary: shown('p.summary'), quote: shown('h2 + figure.quote blockquote')};
"""


def shown_glances(d):
    return [el.get_attribute("id") for el in d.find_elements(By.CSS_SELECTOR, ".glance") if el.is_displayed()]


def first_look(d, url, lang="en"):
    d.get(url)
    look = WebDriverWait(d, 20).until(lambda d: d.execute_script(READ_HEAD, f"#glance-{lang}"))
    assert shown_glances(d) == [f"glance-{lang}"]
    return look


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_record_opened_by_its_address_shows_its_first_look_as_the_app_words_it(site, no_app, lang):
    driver = no_app
    suffix = "" if lang == "en" else "&lang=fa"
    looks = {}
    for record in RECORDS:
        looks[record] = first_look(driver, f"{site}?id={record}{suffix}", lang)
        # The app never arrived: the first look is all there is.
        assert not driver.find_elements(By.CSS_SELECTOR, ".detail")
    # Now the app comes, and draws each record.
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    for record, look in looks.items():
        driver.get(f"{site}?id={record}{suffix}")
        app = WebDriverWait(driver, 20).until(lambda d: d.execute_script(READ_HEAD, "article.detail"))
        assert look["kind"] == app["kind"], record
        assert look["heading"] == app["heading"], record
        assert (look["summary"], look["quote"]) == (app["summary"], app["quote"]), record
        if record != ACTOR_WITH_NAMES["id"]:
            assert look["facts"], record
        for term, value in look["facts"].items():
            assert app["facts"].get(term) == value, (record, term, app["facts"])
        # The app has drawn the record in the first look's place.
        assert driver.find_elements(By.CSS_SELECTOR, ".glance") == []
    claim = looks[INFERRED_CLAIM["id"]]
    assert any(INFERRED_CLAIM["date"]["inference"] in v for v in claim["facts"].values()), claim
    assert claim["quote"] == INFERRED_CLAIM["quote"]
    assert looks[RECORDS[0]]["summary"] == CORPUS["events"][0]["summary"]


def test_a_first_look_is_text_never_markup(site, no_app):
    look = first_look(no_app, f"{site}?id={INFERRED_CLAIM['id']}")
    frame = no_app.find_element(By.ID, "glance-en")
    # Only the frame's own elements, with the facts' terms and values: no element
    # from the corpus's text.
    tags = no_app.execute_script("return [...arguments[0].querySelectorAll('*')].map(e => e.tagName)", frame)
    assert set(tags) <= {"P", "H2", "FIGURE", "BLOCKQUOTE", "DL", "DT", "DD"}, tags
    assert look["heading"] == INFERRED_CLAIM["paraphrase"]


@pytest.mark.parametrize("query", ["?id=no-such-record", "?view=claims", "?corpus=public/corpus.json&id=" + RECORDS[0]])
def test_no_first_look_without_a_record_of_the_corpus(site, no_app, query):
    no_app.get(site + query)
    # Give the page's script time to read the manifest and the parts it would.
    no_app.execute_script("return new Promise(r => setTimeout(r, 1500))")
    assert shown_glances(no_app) == []


def test_a_first_look_needs_no_manifest_and_a_stale_list_costs_it_nothing_but_itself(site_on_request, no_app):
    """On the corpus cut small (many directory parts), the page finds the record's
    directory part from the list the build wrote into it, not from the manifest:
    the first look shows with the manifest blocked. A list that no longer matches
    the parts (a page kept longer than its parts) shows no first look, and the app
    still opens the record."""
    url, site = site_on_request
    assert len(list((site / "parts").glob("d-*.json.gz"))) > 3
    event = CORPUS["events"][len(CORPUS["events"]) // 2]
    no_app.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.wasm", "*manifest.json"]})
    look = first_look(no_app, f"{url}?id={event['id']}")
    assert look["heading"] == event["title"]
    # The page's list now names directory parts the site no longer has.
    for part in (site / "parts").glob("d-*.json.gz"):
        part.rename(part.with_name("d-0000" + part.name[6:]))
    manifest = (site / "parts/manifest.json")
    manifest.write_text(re.sub(r'"d-[0-9a-f]{4}', '"d-0000', manifest.read_text(encoding="utf-8")), encoding="utf-8")
    no_app.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.wasm"]})
    no_app.get(f"{url}?id={event['id']}")
    no_app.execute_script("return new Promise(r => setTimeout(r, 1500))")
    assert shown_glances(no_app) == []
    no_app.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    no_app.get(f"{url}?id={event['id']}")
    heading = WebDriverWait(no_app, 20).until(
        lambda d: d.execute_script("const h = document.querySelector('.detail h2'); return h && h.textContent"))
    assert heading == event["title"]
