"""Checking your copy of a source, on the source's page: the seed text itself, the
same with one quote's words changed, the same saved as a web page, pasted text and
a dropped file. Everything is read in the page; the seeds sit beside the project."""

import html
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import CORPUS, ROOT
from test_axe import axe_source, scheme_page  # noqa: F401 (fixtures)
from test_axe import check as axe_check

SEEDS = ROOT.parent / "shared/seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="no seed texts beside the project")


def source(source_id):
    return next(s for s in CORPUS["sources"] if s["id"] == source_id)


def quotes_from(source_id):
    """Every quote the corpus takes from a source, as the page lists them."""
    quotes = [x["quote"] for e in CORPUS["events"] for x in e["evidence"] if x["source"] == source_id]
    return quotes + [c["quote"] for c in CORPUS["claims"] if c["reported_in"] == source_id]


def seed_text(source_id):
    return (SEEDS / source(source_id)["text_file"]).read_text(encoding="utf-8")


def flat(text):
    return " ".join(text.split())


JURIST = "src-oiac-jurist-paris-conference-2024"
CENSURE = "src-international-censure-compilation"


def open_source(page, site, source_id, lang=None):
    page.open(site + "?id=" + source_id + (f"&lang={lang}" if lang else ""))
    box = page.one("#copy-file")
    page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    return box


def checked(page):
    """The summary once the check is done, and the quotes as listed."""
    summary = page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".copy-summary"))[0].text
    return summary, page.css(".copy-quotes > li")


def choose(page, site, source_id, path):
    open_source(page, site, source_id).send_keys(str(path))
    return checked(page)


@pytest.mark.every_engine
def test_the_seed_text_itself_is_identical_with_every_quote_found(site, page, tmp_path):
    copy = tmp_path / "jurist.txt"
    copy.write_bytes((SEEDS / source(JURIST)["text_file"]).read_bytes())
    quotes = quotes_from(JURIST)
    n = len(quotes)
    assert n > 5
    summary, items = choose(page, site, JURIST, copy)
    assert summary == f"{n} of {n} quotes found in your copy"
    assert page.text(".copy-fingerprint") == "Byte for byte the text this corpus was made from"
    assert "jurist.txt" in page.text("#copy-status")
    assert len(items) == n and not page.css(".copy-quotes li.not-found")
    # Each quote highlighted in its paragraph of the copy, linked to its record.
    marks = [flat(m.text) for m in page.css(".copy-quotes mark")]
    assert sorted(marks) == sorted(flat(q) for q in quotes)
    text = seed_text(JURIST)
    first = items[0].find_element(By.CSS_SELECTOR, ".copy-context").text
    assert first in text.splitlines(), "the whole paragraph, as the copy writes it"
    assert all(i.find_elements(By.CSS_SELECTOR, ".copy-record a") for i in items)


def one_quote_changed(source_id):
    """The seed text with a word of one quote changed, and that quote."""
    text = seed_text(source_id)
    quote = next(q for q in quotes_from(source_id) if text.count(q) == 1 and len(q.split()) > 4)
    word = max((w for w in quote.split() if w.isalpha()), key=len)
    return text.replace(quote, quote.replace(word, "elsewhere", 1)), quote


def test_a_quote_with_its_words_changed_is_not_found_and_the_copy_differs(site, page, tmp_path):
    edited, quote = one_quote_changed(JURIST)
    copy = tmp_path / "edited.txt"
    copy.write_text(edited, encoding="utf-8")
    quotes = quotes_from(JURIST)
    found = sum(flat(q) in flat(edited) for q in quotes)
    assert found < len(quotes)
    summary, items = choose(page, site, JURIST, copy)
    assert summary == f"{found} of {len(quotes)} quotes found in your copy"
    assert page.text(".copy-fingerprint") == (
        "Not the same bytes as the text this corpus was made from (its SHA-256 differs)")
    # What is missing comes first, the corpus's quote shown and said to be absent.
    missing = items[0]
    assert "not-found" in missing.get_attribute("class")
    assert missing.find_element(By.CSS_SELECTOR, "blockquote").text == quote
    assert "Not found in your copy" in missing.text
    assert not missing.find_elements(By.CSS_SELECTOR, "mark")
    assert len(page.css(".copy-quotes li.not-found")) == len(quotes) - found


def as_web_page(text):
    """The text as a browser saves a page: each paragraph in <p>, marks as entities."""
    def escape(line):
        line = html.escape(line, quote=False)
        return line.replace("\u2019", "&rsquo;").replace("\u201c", "&ldquo;").replace("\u201d", "&#8221;")
    body = "\n".join(f'<p class="para">\n  {escape(line)}\n</p>' for line in text.splitlines() if line.strip())
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Saved page</title>'
            "<style>p { margin: 0 }</style><script>var quote = '<p>';</script></head>\n"
            f"<body><nav><a href='/'>Home</a></nav><article>\n{body}\n</article></body></html>\n")


def test_a_saved_web_page_of_the_text_finds_every_quote(site, page, tmp_path):
    copy = tmp_path / "saved page.html"
    copy.write_text(as_web_page(seed_text(CENSURE)), encoding="utf-8")
    n = len(quotes_from(CENSURE))
    summary, items = choose(page, site, CENSURE, copy)
    assert summary == f"{n} of {n} quotes found in your copy"
    assert "Read as a web page" in page.text("#copy-status")
    assert page.css(".copy-fingerprint.different")
    # The highlight is the page's text, its entities read, never its markup.
    marks = " ".join(m.text for m in page.css(".copy-quotes mark"))
    assert "\u201c" in marks or "\u2019" in marks
    assert not re.search(r"&[a-z#0-9]+;|<p", marks)


def test_pasted_text_is_checked_and_said_so_in_persian_too(site, page):
    text = seed_text(JURIST)
    open_source(page, site, JURIST)
    page.one("#copy-check").click()
    assert page.text("#copy-status") == "Paste the text of your copy first."
    # The whole text, pasted: the same bytes as the file.
    page.d.execute_script("arguments[0].value = arguments[1]", page.one("#copy-text"), text)
    page.one("#copy-check").click()
    n = len(quotes_from(JURIST))
    summary, _ = checked(page)
    assert summary == f"{n} of {n} quotes found in your copy"
    assert page.css(".copy-fingerprint.identical")
    assert "the pasted text" in page.text("#copy-status")
    # One paragraph of it, in Persian.
    paragraph = text.splitlines()[2]
    inside = sum(flat(q) in flat(paragraph) for q in quotes_from(JURIST))
    assert 0 < inside < n
    open_source(page, site, JURIST, lang="fa")
    page.one("#copy-text").send_keys(paragraph)
    page.one("#copy-check").click()
    summary, _ = checked(page)
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    assert summary == f"{inside} از {n} نقل‌قول در نسخهٔ شما پیدا شد".translate(digits)
    assert "فرق دارد" in page.text(".copy-fingerprint")


def test_a_copy_dropped_on_the_box_is_checked_not_opened_as_a_corpus(site, page):
    open_source(page, site, JURIST)
    page.d.execute_script("""
        const box = document.querySelector('.check-copy');
        const data = new DataTransfer();
        data.items.add(new File([arguments[0]], 'dropped.txt', {type: 'text/plain'}));
        box.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
    """, seed_text(JURIST))
    n = len(quotes_from(JURIST))
    summary, _ = checked(page)
    assert summary == f"{n} of {n} quotes found in your copy"
    assert "dropped.txt" in page.text("#copy-status")
    # Still the source's page of the same corpus.
    assert page.text(".detail h2") == source(JURIST)["title"]
    assert not page.css(".failure")


def test_the_check_fits_a_360_px_phone_in_either_direction(site, page, tmp_path):
    edited, _ = one_quote_changed(JURIST)
    copy = tmp_path / "edited.txt"
    copy.write_text(edited, encoding="utf-8")
    page.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        for lang in ("en", "fa"):
            open_source(page, site, JURIST, lang=lang).send_keys(str(copy))
            checked(page)
            page.d.execute_script("return new Promise(r => setTimeout(r, 100))")
            width = page.d.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], f"{lang}: {width[0]} px wide at {width[1]}"
            box = page.one(".check-copy").rect
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    finally:
        page.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("scheme_page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_checked_copy_has_no_axe_violations(site, scheme_page, axe_source, lang, tmp_path):
    edited, _ = one_quote_changed(JURIST)
    copy = tmp_path / "edited.txt"
    copy.write_text(edited, encoding="utf-8")
    open_source(scheme_page, site, JURIST, lang=lang).send_keys(str(copy))
    _, items = checked(scheme_page)
    assert scheme_page.css(".copy-quotes mark") and scheme_page.css(".copy-quotes li.not-found")
    axe_check(scheme_page, axe_source, f"{JURIST} checked, {lang}")
