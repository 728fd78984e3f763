"""The first records before the app: the page carries the default view's first page
as static markup, shown for an address with no filter or record alone, in the
language the app will speak, and replaced by the app once it has loaded."""

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parents[2]
CORPUS = json.loads((ROOT / "public/corpus.json").read_text(encoding="utf-8"))


def shown_blocks(d):
    return [el.get_attribute("id") for el in d.find_elements(By.CSS_SELECTOR, ".first-page") if el.is_displayed()]


def test_the_first_records_show_before_the_app(site, no_app):
    d = no_app
    d.get(site)
    assert shown_blocks(d) == ["first-page-en"]
    items = d.find_elements(By.CSS_SELECTOR, "#first-page-en li")
    assert len(items) == min(50, len(CORPUS["events"]))
    titles = {e["title"] for e in CORPUS["events"]}
    first = d.find_element(By.CSS_SELECTOR, "#first-page-en li h4 a")
    assert first.text in titles
    assert "?id=" in first.get_attribute("href")
    # The app never arrived: nothing else claims to be the list.
    assert not d.find_elements(By.CSS_SELECTOR, ".list-title")


@pytest.mark.parametrize("query", ["?view=claims", "?id=ev-1988-killings", "?q=fatwa", "?from=2016", "?corpus=public/corpus.json"])
def test_a_deep_link_never_shows_the_first_page(site, no_app, query):
    no_app.get(site + query)
    assert shown_blocks(no_app) == []


def test_persian_readers_get_the_persian_block(site, no_app):
    no_app.get(site + "?lang=fa")
    assert shown_blocks(no_app) == ["first-page-fa"]
    block = no_app.find_element(By.ID, "first-page-fa")
    assert block.get_attribute("dir") == "rtl"
    assert "lang=fa" in block.find_element(By.CSS_SELECTOR, "li h4 a").get_attribute("href")


def test_the_app_replaces_the_first_page(site, page):
    page.open(site)
    assert page.title()
    assert page.css(".first-page") == []
