"""The timeline: brushing sets the date range (pointer and keyboard), the range
shows on it, zoom is kept in the address, and precision is drawn honestly."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import CORPUS

N_EVENTS = len(CORPUS["events"])


def years_on_axis(page):
    page.one(".tl-axis span")  # the timeline is drawn just after the list
    labels = [s.text for s in page.css(".tl-axis span")]
    return int(labels[0]), int(labels[-1])


def test_brushing_the_bars_sets_the_date_range_and_the_list_follows(site, page):
    page.open(site)
    first, last = years_on_axis(page)
    n = last - first + 1
    bars = page.one(".tl-bars")
    width = bars.size["width"]
    x_of = lambda year: int((year - first + 0.5) / n * width - width / 2)
    # Drag from the first year across three years.
    ActionChains(page.d).move_to_element_with_offset(bars, x_of(first), 0).click_and_hold() \
        .move_to_element_with_offset(bars, x_of(first + 1), 0) \
        .move_to_element_with_offset(bars, x_of(first + 2), 0).release().perform()
    page.until_query(f"from={first}").until_query(f"to={first + 2}")
    page.wait(lambda d: "of" in page.title())
    assert page.one("#f-from").get_attribute("value") == str(first)
    # The range shows on the timeline, behind the bars.
    assert page.css(".tl-bars rect.selected")
    assert f"{first}" in page.text("label[for='tl-from']")


def test_the_keyboard_brush_moves_the_range_by_one_period(site, page):
    page.open(site + "?from=2016&to=2017")
    start = page.one("#tl-from")
    assert start.get_attribute("aria-valuetext") == "2016"
    start.send_keys(Keys.ARROW_LEFT)
    page.until_query("from=2015")
    end = page.one("#tl-to")
    end.send_keys(Keys.ARROW_RIGHT)
    page.until_query("to=2018")
    page.wait(lambda d: page.one("#tl-to").get_attribute("aria-valuetext") == "2018")


def test_zooming_is_kept_in_the_address_and_precision_shows(site, page):
    page.open(site + "?from=1988&to=1988")
    page.one("#tl-zoom-in").click()
    page.until_query("tl=1988")
    page.wait(lambda d: "by month" in page.text(".timeline-chart figcaption"))
    # A record dated only "1988" is not drawn on 1 January: it may fall in any month.
    year_only = [e for e in CORPUS["events"] if e.get("date", {}).get("when") == "1988"]
    page.one(".tl-table summary").click()
    page.one(".tl-table tbody tr")
    rows = {r.find_element("css selector", "th").text: [int(td.text) for td in r.find_elements("css selector", "td")]
            for r in page.css(".tl-table tbody tr")}
    assert "January 1988" in rows or not year_only
    if year_only:
        assert rows["January 1988"][2] >= len(year_only)
    page.d.refresh()
    page.wait_ready().wait(lambda d: "by month" in page.text(".timeline-chart figcaption"))
    # Each step out widens the window, until the whole record shows and tl= is gone.
    for _ in range(12):
        if "tl=" not in page.query():
            break
        before = page.text(".timeline-chart figcaption")
        page.one("#tl-zoom-out").click()
        page.wait(lambda d: page.text(".timeline-chart figcaption") != before)
    assert "tl=" not in page.query()
    assert "by year" in page.text(".timeline-chart figcaption")
    assert not page.one("#tl-zoom-out").is_enabled()


def test_the_timeline_follows_the_other_filters(site, page):
    page.open(site + "?view=claims")
    page.one(".tl-table summary").click()
    page.one(".tl-table tbody tr")
    total = lambda: sum(sum(int(td.text) for td in r.find_elements("css selector", "td")[:2])
                        for r in page.css(".tl-table tbody tr"))
    everything = total()
    page.open(site + "?view=claims&claim=death-toll")
    page.one(".tl-table summary").click()
    page.one(".tl-table tbody tr")
    tolls = [c for c in CORPUS["claims"] if c["kind"] == "death-toll"]
    page.wait(lambda d: total() < everything)
    assert total() <= len(tolls)
