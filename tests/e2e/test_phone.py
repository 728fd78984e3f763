"""Every view fits a 360 px phone without sideways scrolling, in either language."""

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
