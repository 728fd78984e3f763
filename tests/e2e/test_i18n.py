"""The interface in Persian: right to left, Persian digits, chosen in the page or
by the browser, and a search that treats the variants Persian readers type alike."""

import re
from pathlib import Path

import pytest
from browser_host import start_chromium
from conftest import CHROMEDRIVER, CHROMIUM, CORPUS, ROOT, Page
from selenium.webdriver.common.by import By

FA_CORPUS = (ROOT / "tests/fixtures/fa-corpus.json").read_text(encoding="utf-8")
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def persian(n):
    """A count as the Persian interface writes it: Persian digits, Arabic thousands separator."""
    return f"{n:,}".replace(",", "٬").translate(str.maketrans("0123456789", PERSIAN_DIGITS))


def tab_texts(page):
    return [a.text for a in page.css("nav.tabs a")]


@pytest.mark.every_engine
def test_persian_interface_reads_right_to_left_with_persian_digits(site, page):
    page.open(site + "?lang=fa")
    lang, direction = page.d.execute_script(
        "return [document.documentElement.lang, document.documentElement.dir]")
    assert (lang, direction) == ("fa", "rtl")
    tabs = tab_texts(page)
    assert tabs[0] == f"رویدادها ({persian(len(CORPUS['events']))})", tabs
    assert tabs[1] == f"ادعاها ({persian(len(CORPUS['claims']))})", tabs
    # No Latin digit in the interface's own counts.
    assert not re.search(r"[0-9]", " ".join(tabs)), tabs
    # Mirrored: the filter panel sits to the right of the list on a wide screen.
    page.d.set_window_size(1200, 900)
    panel, main = page.d.execute_script(
        "return [document.querySelector('.filters').getBoundingClientRect().left,"
        " document.querySelector('main').getBoundingClientRect().left]")
    assert panel > main


def test_switching_language_keeps_the_view_and_filters(site, page):
    page.open(site + "?view=claims&claim=death-toll&lang=fa")
    assert page.title().startswith("ادعاها")
    page.one("nav.langs a").click()
    page.until_query("lang=en")
    page.wait(lambda d: page.title().startswith("Claims"))
    query = page.query()
    assert "view=claims" in query and "claim=death-toll" in query
    assert page.d.execute_script("return document.documentElement.dir") == "ltr"
    page.d.back()
    page.wait(lambda d: page.title().startswith("ادعاها"))


def test_the_browser_language_chooses_persian_on_a_first_visit(site):
    drv, stop = start_chromium("fa-browser", CHROMIUM, CHROMEDRIVER,
                               prefs={"intl.accept_languages": "fa,en"})
    try:
        page = Page(drv)
        page.open(site)
        assert drv.execute_script("return document.documentElement.lang") == "fa"
        assert page.title().startswith("رویدادها")
        # A link that names the language wins over the browser's preference.
        page.open(site + "?lang=en")
        assert page.title().startswith("Events")
    finally:
        stop()


def search(page, words):
    page.set_input("f-text", words, commit=False)
    page.wait(lambda d: page.d.execute_script(
        "return new URLSearchParams(location.search).get('q')") == words)
    page.d.execute_script("return new Promise(r => setTimeout(r, 100))")
    return sorted(a.get_attribute("data-id") for a in page.css("li.record > :is(h3, h4) > a"))


def test_search_treats_persian_variants_alike(site_copy, page):
    url, _ = site_copy(FA_CORPUS)
    page.open(url + "?lang=fa&view=sources")
    # The title is written with an Arabic kaf and Persian digits.
    assert search(page, "کتابخانه") == ["src-fa-bulletin"]   # Persian kaf
    assert search(page, "كتابخانه") == ["src-fa-bulletin"]   # Arabic kaf
    assert search(page, "1367") == ["src-fa-bulletin"]       # Latin digits
    assert search(page, "١٣٦٧") == ["src-fa-bulletin"]       # Arabic-Indic digits
    # Written with Arabic yehs and a zero-width non-joiner.
    assert search(page, "یادداشتهای") == ["src-fa-letter"]
    assert search(page, "يادداشت‌هاي") == ["src-fa-letter"]


def test_corpus_text_keeps_its_own_direction_in_either_interface(site_copy, page):
    url, _ = site_copy(FA_CORPUS)
    direction = "return getComputedStyle(arguments[0]).direction"
    page.open(url + "?lang=en&view=sources")
    heading = page.one(".masthead h1")
    assert page.d.execute_script(direction, heading) == "rtl", "a Persian title reads right to left"
    page.open(url + "?lang=fa&view=sources")
    english = page.d.find_element(By.CSS_SELECTOR, "a[data-id='src-fa-english-title'] span")
    assert page.d.execute_script(direction, english) == "ltr", "an English title reads left to right"


def test_a_date_typed_in_persian_digits_filters_as_in_latin_ones(site, page):
    page.open(site + "?lang=fa&from=1988&to=1988")
    latin = page.title()
    page.open(site + "?lang=fa")
    page.set_input("f-from", "۱۹۸۸").set_input("f-to", "۱۹۸۸")
    page.wait(lambda d: page.title() == latin)
    assert not page.css(".dates .errors li")


def test_a_refused_date_is_explained_in_persian(site, page):
    page.open(site + "?lang=fa")
    page.set_input("f-to", "۲۰۱۶-۱۳")
    page.wait(lambda d: "تاریخی ناممکن است" in page.text(".dates .errors"))
    assert "2016-13" in page.text(".dates .errors")


# Interface text in the Persian interface: every text node but corpus text,
# which stands in its own direction (an element with `dir`), isolated inside a
# Persian sentence (FSI…PDI), in code, or in the static masthead. File formats
# and the app's name are written as they are.
INTERFACE_LATIN = """
const corpus = el => el.closest('[dir]:not(html), [lang="en"], code, textarea, noscript, .masthead, .print-only');
const words = [];
const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n; (n = walk.nextNode());) {
  if (!n.parentElement || corpus(n.parentElement)) continue;
  let t = n.textContent, before;
  do { before = t; t = t.replace(/\\u2068[^\\u2068\\u2069]*\\u2069/g, ''); } while (t !== before);
  for (const w of t.match(/[A-Za-z]{2,}/g) || [])
    if (!['CSV', 'JSON', 'Dossier'].includes(w)) words.push(w + ' in “' + n.textContent.trim().slice(0, 60) + '”');
}
return words;
"""


def test_the_persian_interface_has_no_english_words_of_its_own(site, page):
    toll_event = max(CORPUS["events"], key=lambda e: sum(
        1 for c in CORPUS["claims"] if c["kind"] == "death-toll" and e["id"] in c.get("events", [])))
    for query in ["", "&view=claims", "&view=sources", "&view=actors", "&from=2016-13&to=1988",
                  "&q=zzzz", "&id=" + toll_event["id"], "&id=" + CORPUS["claims"][0]["id"],
                  "&id=" + CORPUS["sources"][0]["id"], "&id=" + CORPUS["actors"][0]["id"]]:
        page.open(site + "?lang=fa" + query)
        page.d.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.d.execute_script("return new Promise(r => setTimeout(r, 300))")
        assert page.d.execute_script(INTERFACE_LATIN) == [], query
