"""A Persian reader's way in (names in Persian, Solar Hijri years, the corpus's
language said once), reading on a phone and coming back to one's place, and a
corpus of one's own described as itself."""

import copy
import json

import pytest

from conftest import CORPUS

UN_EVENT = "ev-2016-un-sg-concern-montazeri"


def data_ids(page, kind):
    return [a.get_attribute("data-id") for a in page.css(f"li.record.{kind} h3 a, li.record.{kind} h4 a")]


def test_in_persian_the_united_nations_is_found_by_its_persian_name(site, page):
    page.open(site + "?lang=fa")
    # Said once, where the list begins: the records are in English.
    notes = page.css(".corpus-language")
    assert len(notes) == 1 and "انگلیسی" in notes[0].text, [n.text for n in notes]
    page.open_filters().set_input("f-text", "سازمان ملل", commit=False)
    page.until_query("q=")
    page.wait(lambda d: UN_EVENT in data_ids(page, "event"))
    # Its names show beside the English ones.
    assert "سازمان ملل متحد" in page.text("main")
    # The type-ahead offers the United Nations for its Persian name, and takes it.
    page.set_input("f-actor", "سازمان ملل", commit=False)
    page.wait(lambda d: "United Nations" in [o.get_attribute("value") for o in page.css("#f-actor-list option")])
    page.set_input("f-actor", "سازمان ملل متحد")
    page.until_query("actor=act-united-nations")
    # In English, the corpus's language is the interface's: nothing to say.
    page.open(site + "?lang=en")
    assert not page.css(".corpus-language")


def test_a_solar_hijri_year_in_the_date_filter_is_read_as_such_and_says_so(site, page):
    page.open(site + "?lang=fa")
    page.open_filters()
    page.set_input("f-from", "۱۳۶۷")
    page.until_query("from=1367sh")
    page.set_input("f-to", "۱۳۶۷")
    page.until_query("to=1367sh")
    page.wait(lambda d: "ev-1988-killings" in data_ids(page, "event"))
    assert "2016" not in " ".join(data_ids(page, "event"))
    # Under the field: how the year was read, with the Gregorian days it covers.
    reading = page.text(".readings")
    assert "سال ۱۳۶۷ هجری شمسی" in reading and "۲۱ مارس ۱۹۸۸" in reading and "۲۰ مارس ۱۹۸۹" in reading, reading
    assert page.one("#f-from").get_attribute("value") == "۱۳۶۷ ه.ش"
    # The other reading is one click away: the year 1367 AD, long before 1988
    # (only records dated "1988 or earlier" may fall in it).
    page.one(".readings button").click()
    page.until_query("from=1367ad")
    assert "to=1367ad" in page.query()
    page.wait(lambda d: "ev-1988-killings" not in data_ids(page, "event"))
    assert "میلادی" in page.text(".readings")
    # In English a bare 1367 is the year 1367 AD, but never silently.
    page.open(site + "?lang=en&from=1367&to=1367")
    page.open_filters()
    reading = page.text(".readings")
    assert "read as the year 1367 AD" in reading, reading
    page.one(".readings button").click()
    page.until_query("from=1367sh")
    page.wait(lambda d: "ev-1988-killings" in data_ids(page, "event"))
    assert "21 March 1988 to 20 March 1989" in page.text(".readings")


def in_view(page, element):
    return page.d.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= innerHeight", element)


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_on_a_phone_a_record_opens_at_its_title_and_the_list_comes_back_to_its_link(site, page, lang):
    page.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 760, "deviceScaleFactor": 2, "mobile": True})
    try:
        page.open(site + "?view=claims&lang=" + lang)
        page.open_filters()
        for back in ("link", "browser"):
            link = page.css("li.record.claim h4 a")[20]
            record = link.get_attribute("data-id")
            page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
            page.d.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            stood = page.d.execute_script("return arguments[0].getBoundingClientRect().top", link)
            link.click()
            page.until_query("id=" + record)
            page.wait(lambda d: page.css("article.detail h2") and in_view(page, page.one("article.detail h2")))
            if back == "link":
                page.one("p.back a").click()
            else:
                page.d.back()
            page.wait(lambda d: "id=" not in page.query())
            page.wait(lambda d: page.d.execute_script(
                "return document.activeElement && document.activeElement.getAttribute('data-id')") == record)
            again = page.one(f'main a[data-id="{record}"]')
            assert in_view(page, again), back
            now = page.d.execute_script("return arguments[0].getBoundingClientRect().top", again)
            assert abs(now - stood) < 40, (back, stood, now)
    finally:
        page.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def own_corpus():
    other = copy.deepcopy(CORPUS)
    other["meta"].update({
        "title": "A record of our own",
        "description": "Our own records, to check the page describes them.",
        "version": "0.1.0",
        "licence": "CC0",
    })
    return other


def test_another_corpus_is_described_as_itself_and_a_clean_one_says_so(site_copy, page):
    url, corpus_file = site_copy()
    (corpus_file.parent.parent / "corpora").mkdir()
    (corpus_file.parent.parent / "corpora/own.json").write_text(json.dumps(own_corpus()), encoding="utf-8")
    page.open(url + "?corpus=corpora/own.json")
    assert page.text(".masthead h1") == "A record of our own"
    assert page.text(".report.clean") == "Validation report: checked, no errors and no warnings."
    links = page.d.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not [h for h in links if h.endswith("public/corpus.json") or "/plain/" in h], links
    assert any(h.endswith("corpora/own.json") for h in links), links
    words = page.d.execute_script("return document.body.innerText")
    shipped = CORPUS["meta"]
    for said in (shipped["title"], shipped["description"][:60], shipped["version"], shipped["licence"]):
        assert said not in words, said
    # The shipped corpus says nothing of a clean check: the build checked it.
    page.open(url)
    assert not page.css(".report")


def test_each_failure_is_met_with_advice_for_its_cause(site_copy, page):
    url, corpus_file = site_copy()
    (corpus_file.parent.parent / "corpora").mkdir()
    (corpus_file.parent.parent / "corpora/list.json").write_text('{"items": []}', encoding="utf-8")
    cases = {
        "?corpus=corpora/list.json": "not a corpus this page can read",
        "?corpus=https%3A%2F%2Fexample.org%2Fc.json": "Give a path on this site",
        "?corpus=corpora/missing.json": "The site answered, but not with the file",
    }
    for query, advice in cases.items():
        page.open(url + query)
        said = page.text(".failure")
        assert advice in said, (query, said)
        assert "Check your connection" not in said, (query, said)
