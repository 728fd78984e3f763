"""Every view fits a 360 px phone without sideways scrolling, in either language."""

import re
from contextlib import contextmanager

import pytest
from conftest import CORPUS

PAGES = [
    "",
    "?view=claims&claim=legal-characterisation",
    "?view=sources",
    "?view=actors",
    "?id=" + max(CORPUS["events"], key=lambda e: sum(
        1 for c in CORPUS["claims"] if c["kind"] == "death-toll" and e["id"] in c.get("events", [])))["id"],
    "?id=" + CORPUS["sources"][0]["id"],
    "?id=" + CORPUS["claims"][0]["id"],
]


def test_every_view_fits_a_360_px_phone(site, page):
    page.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        for query in PAGES + [p + ("&" if p else "?") + "lang=fa" for p in PAGES]:
            page.open(site + query)
            # Let the charts that follow the list arrive too.
            page.d.execute_script("return new Promise(r => setTimeout(r, 300))")
            width = page.d.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], f"{query or 'events'} is {width[0]} px wide at {width[1]}"
    finally:
        page.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


LIST_VIEWS = ["", "?view=claims", "?view=sources", "?view=actors"]
# A record in a list: an item, or a row of the institutions' table.
FIRST_RECORD = "li.record, table.actors tbody tr"


def test_every_view_shows_a_record_on_the_first_screen_of_a_phone(site, page):
    """On a 360 by 760 phone the first screen shows a record, not only the
    masthead, the tabs, the filters and the charts."""
    page.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 760, "deviceScaleFactor": 2, "mobile": True})
    try:
        for query in LIST_VIEWS + [p + ("&" if p else "?") + "lang=fa" for p in LIST_VIEWS]:
            page.open(site + query)
            page.one(FIRST_RECORD)
            # Let the charts that follow the list arrive too: they must not push it down.
            page.d.execute_script("return new Promise(r => setTimeout(r, 300))")
            top, height = page.d.execute_script(
                "return [document.querySelector(arguments[0]).getBoundingClientRect().top, innerHeight]", FIRST_RECORD)
            assert height == 760
            # At least the record's first lines: its date or kind and its name.
            assert top + 48 <= 760, f"{query or 'events'}: the first record starts at {top:.0f} px"
    finally:
        page.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@contextmanager
def phone(page, engine, height=760):
    """A phone's screen: 360 px wide in Chromium; elsewhere the narrowest window
    the browser allows (about 450 px in Firefox and WebKit), which still takes
    the phone's layout."""
    if engine == "chromium":
        page.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 360, "height": height, "deviceScaleFactor": 2, "mobile": True})
    else:
        size = page.d.get_window_size()
        page.d.set_window_size(360, height)
    try:
        yield
    finally:
        if engine == "chromium":
            page.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        else:
            page.d.set_window_size(size["width"], size["height"])


def settle(page):
    page.d.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def across(page, element):
    """The element's left and right edges, and the width of the screen."""
    return page.d.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.left, r.right, document.documentElement.clientWidth]", element)


def on_screen(page, element):
    """Whether the element is wholly within the screen, and a tap on it (on its
    first line, for a link that wraps) reaches it."""
    return page.d.execute_script(
        "const e = arguments[0], r = e.getBoundingClientRect(), f = e.getClientRects()[0];"
        "const hit = document.elementFromPoint((f.left + f.right) / 2, (f.top + f.bottom) / 2);"
        "return r.left >= 0 && r.right <= document.documentElement.clientWidth"
        " && r.top >= 0 && r.bottom <= innerHeight && !!hit && (hit === e || e.contains(hit))", element)


# Each table, and in each of its rows what a reader must reach.
WIDE_TABLES = [
    ("?view=actors", "table.actors tbody tr", "td button"),
    ("?view=claims", ".tolls tbody tr", "td.reported-in a"),
]


@pytest.mark.every_engine
def test_on_a_phone_every_row_of_a_wide_table_shows_its_filter_button_and_its_source(site, page, engine):
    """The institutions' "Filter by" buttons and the death tolls' "Reported in"
    sources are on screen in every row, with no sideways scrolling, and work."""
    with phone(page, engine):
        for query, rows, cell in WIDE_TABLES:
            for lang in ("en", "fa"):
                page.open(site + query + "&lang=" + lang)
                # The claims' charts fold on a phone.
                page.d.execute_script("document.querySelectorAll('.charts-fold').forEach(d => d.open = true)")
                page.one(rows)
                found = page.css(f"{rows} {cell}")
                assert len(found) == len(page.css(rows)) > 1, query
                for element in found:
                    left, right, width = across(page, element)
                    assert width <= (360 if engine == "chromium" else 599) and left >= 0 and right <= width, f"{query} {lang}: {element.text} at {left:.0f}–{right:.0f} of {width}"
                width = page.d.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                assert width[0] <= width[1], query
                # The column's name stands beside the value.
                label = page.d.execute_script(
                    "return getComputedStyle(arguments[0].closest('tr').querySelector('td[data-label]'), '::before').content",
                    found[0])
                assert label not in ("none", "normal", ""), label
                for element in (found[0], found[-1]):
                    page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
                    settle(page)
                    assert on_screen(page, element), f"{query} {lang}: {element.text}"
        # And they do what they say, as a tap.
        page.open(site + "?view=actors")
        button = page.css("table.actors tbody tr td button")[0]
        page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        page.until_query("actor=")
        page.open(site + "?view=claims")
        page.d.execute_script("document.querySelector('.charts-fold').open = true")
        link = page.one(".tolls tbody tr td.reported-in a")
        source = link.get_attribute("data-id")
        page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        settle(page)
        link.click()
        page.until_query("id=" + source)


DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def first_number(text):
    return int(re.search(r"\d[\d,٬]*", text.translate(DIGITS)).group().replace(",", "").replace("٬", ""))


@pytest.mark.every_engine
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_on_a_phone_the_open_filters_say_how_many_they_keep_and_lead_to_them(site, page, engine, lang):
    """With the filter panel open on a phone, a button on screen says how many
    records the filters keep, as the list's heading does, and goes to them; a
    new tab keeps the tabs and the panel's toggle on screen."""
    with phone(page, engine):
        page.open(site + "?view=claims&lang=" + lang)
        page.one("li.record")
        page.open_filters()
        box = page.one("#f-claim-death-toll")
        page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        settle(page)
        box.click()
        page.until_query("claim=death-toll")
        kept = sum(1 for c in CORPUS["claims"] if c["kind"] == "death-toll")
        page.wait(lambda d: first_number(page.title()) == kept)
        show = page.one(".show-results button")
        page.wait(lambda d: first_number(show.text) == kept)
        assert on_screen(page, show), show.text
        assert show.text == (f"Show {kept} claims" if lang == "en" else f"نمایش {kept} ادعا".translate(
            str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))
        # Anywhere in the panel it stays at hand.
        page.d.execute_script("document.querySelector('#f-source-news-article, .filters form .clear').scrollIntoView({block: 'center'})")
        settle(page)
        assert on_screen(page, show)
        show.click()
        page.wait(lambda d: page.d.execute_script("return document.activeElement.id") == "list-title")
        settle(page)
        assert on_screen(page, page.one("li.record h4 a")), "the first result is off screen"
        # A tab chosen with the panel open: the tabs and the panel's toggle stay in sight.
        page.open_filters()
        page.d.execute_script("scrollTo(0, document.querySelector('.filters form .clear').getBoundingClientRect().top + scrollY - 200)")
        page.one("nav.tabs li:nth-child(3) a").click()
        page.wait(lambda d: "view=sources" in page.query() and page.css(".record.source"))
        settle(page)
        assert on_screen(page, page.one("nav.tabs li.current a"))
        assert on_screen(page, page.one(".filters summary h2"))
        # And the button counts the new view's records.
        kept = first_number(page.title())
        page.wait(lambda d: first_number(page.one(".show-results button").text) == kept)


@pytest.mark.every_engine
def test_on_a_phone_the_corpus_description_can_be_read_whole(site, page, engine):
    """The masthead keeps the corpus's description (its caveat) to two lines on
    a phone, and a tap shows the whole of it."""
    whole = CORPUS["meta"]["description"]
    cut = "const l = document.querySelector('.lede'); return l.scrollHeight > l.clientHeight + 1"
    with phone(page, engine):
        for lang in ("en", "fa"):
            page.open(site + "?lang=" + lang)
            page.one("li.record")
            assert page.d.execute_script(cut), "the description is not cut on a phone"
            more = page.one(".lede-more")
            assert more.get_attribute("aria-expanded") == "false"
            more.click()
            page.wait(lambda d: not page.d.execute_script(cut))
            assert more.get_attribute("aria-expanded") == "true"
            assert page.one(".lede").text == whole
            assert page.d.execute_script("return getComputedStyle(document.querySelector('.lede')).overflow") == "visible"
            # Folded again, then a tap on the text itself opens it.
            more.click()
            page.wait(lambda d: page.d.execute_script(cut))
            page.one(".lede").click()
            page.wait(lambda d: not page.d.execute_script(cut))
    # A wide screen shows it whole, with no button.
    page.open(site)
    page.one("li.record")
    assert not page.d.execute_script(cut) and not page.css(".lede-more")
