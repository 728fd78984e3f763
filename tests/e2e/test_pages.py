"""A large corpus can be paged through before it is read: each page of the default
list comes from the one part of the list that holds it (src/publish/pages.rs), and
shows the records the app's own list shows on that page once the whole corpus is
read, whether the corpus is read only on request or is being read meanwhile.

The site is the root build with the generated corpus of 20,000 records cut into
parts (`split-corpus`), read only on request, or shown in part while it is read. Its static first page is still the
shipped corpus's (the build wrote it for that one), so these tests open other
pages than the first by their address."""

import json
import os
import subprocess
import time
from urllib.parse import quote

import pytest
from conftest import ROOT
from site_parts import spread_search, table_words, view_parts, word_rows_part
from selenium.webdriver.common.keys import Keys

LIST_ROWS = "return [...document.querySelectorAll('li.record.event h4 a')].map(a => a.dataset.id)"
# Read in the page in one step: the screen is drawn anew when the corpus is in.
NO_NOTICE = "return !document.querySelector('.alone')"
YEARS = "return [...document.querySelectorAll('main .year-title')].map(h => h.textContent)"


def large_site(site_copy, large_corpus, *options):
    """The root build carrying the large corpus in parts, cut with `options`."""
    url, corpus_file = site_copy()
    site = corpus_file.parent.parent
    subprocess.run(
        ["cargo", "run", "--release", "--offline", "--quiet", "--bin", "split-corpus", "--",
         "--part-bytes", "262144", *options, "--page", str(site / "index.html"),
         str(large_corpus), str(site / "parts")],
        cwd=ROOT, check=True)
    manifest = json.loads((site / "parts/manifest.json").read_text())
    return url, site, manifest


@pytest.fixture()
def large_on_request(site_copy, large_corpus):
    """The large corpus in parts, read only on request."""
    return large_site(site_copy, large_corpus, "--ask-above", "1")


@pytest.fixture()
def large_shown_while_read(site_copy, large_corpus):
    """The large corpus in parts, read unasked, its list shown in pages meanwhile."""
    return large_site(site_copy, large_corpus, "--show-alone-above", "1")


@pytest.fixture()
def slow_link(driver):
    """A link of 400 KB/s, so that reading the whole corpus takes seconds."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 20, "downloadThroughput": 400_000, "uploadThroughput": 400_000})
    yield driver
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


# Sets the address's query, as the address bar's back and forward do.
QUERY = """
history.pushState(null, '', '?' + arguments[0]);
dispatchEvent(new PopStateEvent('popstate'));
"""


def part_requests(page, letter):
    """The files of parts/ named `letter-…` the page asked for."""
    return page.d.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/parts/" + letter + "-'))"
        ".map(n => n.split('/parts/')[1])")


def table_part(manifest, table, key):
    """The file of the part of the manifest's table `table` (`kinds`, `claims_by_actor`,
    `sources_words`…) that holds `key`: the last part listed from a key at or before it."""
    return [p["file"] for p in manifest[table] if p["from"] <= key][-1]


def damage(part):
    """Cuts the end off a part's file; returns what mends it: written back, dated
    later, so that the browser's cached copy is not taken as current."""
    good = part.read_bytes()
    part.write_bytes(good[:-40])

    def mend():
        part.write_bytes(good)
        later = time.time() + 5
        os.utime(part, (later, later))
    return mend


def named_then_retried(page, address, part, says):
    """Opens `address` with the file `part` damaged: an alert says `says` and
    names the file, and no record is shown; then, the file mended, Try again."""
    mend = damage(part)
    page.open(address)
    alert = page.text("main .failure[role=alert]")
    assert says in alert, alert
    assert part.name in alert, alert
    assert not page.css("li.record.event")
    mend()
    page.one("main .failure[role=alert] button").click()


def follow(page, selector):
    """Follows a link as a reader does: brought on screen, drawn, then clicked
    (WebKit's driver may miss a click on a link it has not laid out)."""
    link = page.one(selector)
    page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    page.d.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.one(selector).click()


def until_returned(page, script):
    """What `script` returns, once it returns something."""
    page.wait(lambda d: d.execute_script(script))
    return page.d.execute_script(script)


# Whether the page on screen is still partly on its way: its first rows shown,
# the rest said to be coming ("Fetching page 3 of the list…").
FETCHING_PAGE = ("return [...document.querySelectorAll('main p.hint[role=status]')]"
                 ".some(p => /^(Fetching page |در حال دریافت صفحهٔ )/.test(p.textContent))")


def whole_page_of(page, rows):
    """The ids the script `rows` reads, once the page on screen is whole."""
    page.wait(lambda d: d.execute_script(rows) and not d.execute_script(FETCHING_PAGE))
    return page.d.execute_script(rows)


def rows_shown(page):
    return whole_page_of(page, LIST_ROWS)


@pytest.mark.every_engine
def test_a_far_page_comes_from_one_part_and_is_the_whole_lists_page(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    number = events // 50 - 3
    page.open(f"{url}?page={number}")
    ids = rows_shown(page)
    years = page.d.execute_script(YEARS)
    assert len(ids) == 50, ids
    assert f"Events ({events:,})" == page.title()
    assert f"page {number} of" in page.text("nav.pager")
    # One part of the list, and no record part: the corpus is not read.
    assert len(part_requests(page, "l")) == 1
    assert not part_requests(page, "r")
    # The notice says the list can be paged while the rest waits.
    assert "a page at a time" in page.text(".alone")
    # Read whole, the app's own list shows the same records on the same page.
    read_whole_until(page, f"Events ({events:,})")
    assert page.query().endswith(f"page={number}")
    assert rows_shown(page) == ids
    assert page.d.execute_script(YEARS) == years


def test_paging_fetches_a_part_only_when_the_page_is_in_a_new_one(large_on_request, page):
    url, _, manifest = large_on_request
    first_part = manifest["list"][0]
    assert first_part["count"] >= 150, first_part
    page.open(f"{url}?page=2")
    second = rows_shown(page)
    page.one("nav.pager a[aria-label='Next page, 3']").click()
    page.wait(lambda d: d.execute_script(LIST_ROWS) != second)
    assert page.query().endswith("page=3")
    assert len(part_requests(page, "l")) == 1, "pages 2 and 3 share a part"
    # The first page, after another, comes from the list's first part too: the
    # same part, already read.
    page.one("nav.pager a[aria-label='Page 1']").click()
    page.wait(lambda d: "page=" not in page.query())
    first = rows_shown(page)
    assert len(first) == 50 and first != second
    assert len(part_requests(page, "l")) == 1
    # The last page is in the last part.
    last = -(-manifest["totals"]["events"] // 50)
    page.one(f"nav.pager a[aria-label='Page {last:,}']").click()
    page.wait(lambda d: d.execute_script(LIST_ROWS) and d.execute_script(LIST_ROWS) != first)
    assert len(rows_shown(page)) == manifest["totals"]["events"] - (last - 1) * 50
    assert part_requests(page, "l")[-1] == manifest["list"][-1]["file"]


def test_a_damaged_part_of_the_list_is_named_and_retry_recovers(large_on_request, page):
    url, site, manifest = large_on_request
    named_then_retried(page, f"{url}?page=2", site / "parts" / manifest["list"][0]["file"],
                       "Page 2 of the list could not be fetched")
    assert len(rows_shown(page)) == 50


def test_a_page_in_persian(large_on_request, page):
    url, _, manifest = large_on_request
    page.open(f"{url}?lang=fa&page=2")
    assert len(rows_shown(page)) == 50
    title = page.title()
    assert title.startswith("رویدادها"), title
    assert "صفحه به صفحه" in page.text(".alone")
    assert "رفتن به سال" in page.text("form.year-jump")


def test_another_view_in_the_address_shows_no_page_of_the_events_list(large_on_request, page):
    url, _, _ = large_on_request
    page.open(f"{url}?view=claims&page=2&tag=crackdown")
    assert page.one(".alone button")
    # The claims the tag keeps, from the claims' kinds' table, not the events'.
    page.wait(lambda d: d.execute_script(CLAIM_ROWS))
    assert not page.css("li.record.event")
    assert not part_requests(page, "l") and not part_requests(page, "k")


CLAIM_ROWS = "return [...document.querySelectorAll('li.record.claim h4 a')].map(a => a.dataset.id)"
SOURCE_ROWS = "return [...document.querySelectorAll('li.record.source h3 a')].map(a => a.dataset.id)"
GROUPS = "return [...document.querySelectorAll('main section.group > h3')].map(h => h.textContent)"
# Each claim's quote, who made it and the source that reports it, as the list shows them.
CLAIM_TEXTS = ("return [...document.querySelectorAll('li.record.claim')].map(li => "
               "[li.querySelector('blockquote').textContent, li.querySelector('.claimant').textContent, "
               "li.querySelector('.reported').textContent, li.querySelector('.meta').textContent])")
SOURCE_TEXTS = ("return [...document.querySelectorAll('li.record.source')].map(li => "
                "[li.querySelector('.meta').textContent, li.querySelector('.counts').textContent])")


def view_page(page, rows, texts):
    """The ids of the rows on screen (by the script `rows`), once there, their group
    headings and what `texts` reads of them."""
    ids = whole_page_of(page, rows)
    return ids, page.d.execute_script(GROUPS), page.d.execute_script(texts)


@pytest.mark.every_engine
def test_a_claims_page_before_the_corpus_is_the_whole_lists_page(large_on_request, page):
    url, site, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    # A page that begins a part of the claims' list under a year that goes on from
    # the part before, then the next page: inside that part, or where the part
    # holds one page (they are cut small), the next part.
    parts = view_parts(site, manifest, "claims_list")
    at = next(i for i in range(1, len(parts) - 1) if parts[i].get("continues"))
    part = parts[at]
    read = [part["file"]] if part["count"] > 50 else [part["file"], parts[at + 1]["file"]]
    starts = part["first"] // 50 + 1
    page.open(f"{url}?view=claims&page={starts}")
    page.until_title(f"Claims ({claims:,})")
    begins = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert len(begins[0]) == 50, begins[0]
    assert f"page {starts:,} of" in page.text("nav.pager")
    # Its first year goes on from the page before, as the part says.
    assert "(continued)" in begins[1][0], begins[1]
    follow(page, f"nav.pager a[aria-label='Next page, {starts + 1:,}']")
    page.wait(lambda d: d.execute_script(CLAIM_ROWS) != begins[0])
    inner = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    # The parts of the claims' list that hold those pages, one of its directory,
    # and no record part: the corpus is not read.
    assert part_requests(page, "c") == read
    assert len(part_requests(page, "v")) == 1
    assert not part_requests(page, "r") and not part_requests(page, "l")
    # Read whole, the app's own list shows the same claims on the same pages, under
    # the same years, with the same quotes, claimants, sources and kinds.
    read_whole_until(page, f"Claims ({claims:,})")
    assert page.query().endswith(f"page={starts + 1}")
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), inner)
    follow(page, f"nav.pager a[aria-label='Previous page, {starts:,}']")
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), begins)


CHARTS = ("return [...document.querySelectorAll('main .charts-fold table')].map(t => t.innerText)")


def test_the_claims_charts_before_the_corpus_are_the_whole_apps(large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims")
    page.until_title(f"Claims ({claims:,})")
    # Death tolls side by side and who said what, from the one part the build
    # worked them out in: two tables, each with its rows.
    page.wait(lambda d: len(d.execute_script(CHARTS)) == 2)
    charts = page.d.execute_script(CHARTS)
    assert all(t.count("\n") > 3 for t in charts), charts
    assert len(part_requests(page, "h")) == 1
    assert not part_requests(page, "r")
    read_whole_until(page, f"Claims ({claims:,})")
    page.wait(lambda d: d.execute_script(CHARTS) == charts)


def test_damaged_claims_charts_are_named_beside_their_list_and_retry_recovers(large_on_request, page):
    url, site, manifest = large_on_request
    mend = damage(site / "parts" / manifest["claims_charts"]["file"])
    page.open(f"{url}?view=claims")
    alert = page.text("main .charts-fold .failure[role=alert]")
    assert "The charts could not be fetched" in alert, alert
    assert manifest["claims_charts"]["file"] in alert, alert
    # The list beside them is there all the same.
    assert len(view_page(page, CLAIM_ROWS, CLAIM_TEXTS)[0]) == 50
    mend()
    page.one("main .charts-fold .failure[role=alert] button").click()
    page.wait(lambda d: len(d.execute_script(CHARTS)) == 2)


def test_the_sources_tab_before_the_corpus_lists_the_whole_lists_sources(large_on_request, page):
    url, _, manifest = large_on_request
    totals = manifest["totals"]
    page.open(f"{url}?page=2")
    rows_shown(page)
    # The tabs count each view from the manifest, before any record is read.
    tabs = page.text("nav.tabs")
    for label, kind in [("Events", "events"), ("Claims", "claims"), ("Sources", "sources")]:
        assert f"{label} ({totals[kind]:,})" in tabs, tabs
    page.one("nav.tabs a[href*='view=sources']").click()
    page.until_title(f"Sources ({totals['sources']:,})")
    first = view_page(page, SOURCE_ROWS, SOURCE_TEXTS)
    assert len(first[0]) == 50
    follow(page, "nav.pager a[aria-label='Next page, 2']")
    page.wait(lambda d: d.execute_script(SOURCE_ROWS) != first[0])
    second = view_page(page, SOURCE_ROWS, SOURCE_TEXTS)
    assert len(part_requests(page, "o")) == 1, "the first pages share a part"
    assert len(part_requests(page, "v")) == 1
    assert not part_requests(page, "r")
    read_whole_until(page, f"Sources ({totals['sources']:,})")
    page.until_equal(lambda: view_page(page, SOURCE_ROWS, SOURCE_TEXTS), second)


@pytest.mark.parametrize("which", ["list", "directory"])
def test_a_damaged_part_of_the_claims_list_is_named_and_retry_recovers(large_on_request, page, which):
    url, site, manifest = large_on_request
    part = view_parts(site, manifest, "claims_list")[0] if which == "list" else manifest["claims_list"][0]
    mend = damage(site / "parts" / part["file"])
    page.open(f"{url}?view=claims")
    alert = page.text("main .failure[role=alert]")
    assert "Page 1 of the list could not be fetched" in alert, alert
    assert part["file"] in alert, alert
    assert not page.css("li.record.claim")
    mend()
    page.one("main .failure[role=alert] button").click()
    assert len(view_page(page, CLAIM_ROWS, CLAIM_TEXTS)[0]) == 50


ACTOR_ROWS = "return [...document.querySelectorAll('table.actors tbody tr')].map(r => r.innerText)"


def test_institutions_and_people_before_the_corpus_are_the_whole_lists_and_filter_in_pages(
        large_on_request, page):
    url, _, manifest = large_on_request
    actors = manifest["totals"]["actors"]
    page.open(f"{url}?view=actors&page=2")
    page.until_title(f"Institutions & people ({actors:,})")
    page.wait(lambda d: d.execute_script(ACTOR_ROWS))
    shown = page.d.execute_script(ACTOR_ROWS), page.d.execute_script(GROUPS)
    assert len(shown[0]) == 50, shown[0]
    assert len(part_requests(page, "i")) == 1 and not part_requests(page, "r")
    # Its button filters the events by that actor, whose list is read in pages too.
    name = page.one("table.actors tbody tr th a").text
    page.one("table.actors tbody tr button").click()
    page.wait(lambda d: "actor=" in page.query())
    page.until_title(" of ")
    assert page.title().startswith("Events ("), page.title()
    assert not part_requests(page, "r")
    page.d.back()
    page.wait(lambda d: d.execute_script(ACTOR_ROWS) == shown[0])
    # Read whole, the app's own list shows the same on the same page.
    read_whole_until(page, f"Institutions & people ({actors:,})")
    page.wait(lambda d: (d.execute_script(ACTOR_ROWS), d.execute_script(GROUPS)) == shown)
    assert name


def view_count(page):
    """The count in the heading of the list on screen, once it is counted."""
    page.wait(lambda d: " of " in page.title())
    return int(page.title().split("(")[1].split(" ")[0].replace(",", ""))


@pytest.mark.every_engine
def test_the_claims_over_a_date_range_before_the_corpus_are_the_whole_lists(large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims&from=2001&to=2004")
    shown = view_count(page)
    assert 100 < shown < claims / 3, page.title()
    first = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    # Those dated over many years that meet the range come under their first
    # year, before it, as the app lists them.
    assert len(first[0]) == 50 and all(y <= "2004" for y in first[1]), first[1]
    # Counted from the parts of the claims' days, and no record part; the
    # page's rows that reach, spread over the list, from the part of those
    # rows that holds them, where they lie together.
    assert 0 < len(part_requests(page, "y")) < len(manifest["claims_days"])
    assert 0 < len(part_requests(page, "x")) <= 2
    assert len(part_requests(page, "c")) <= 2
    assert not part_requests(page, "r") and not part_requests(page, "l")
    # On the second page, its first year goes on from the first page's.
    follow(page, "nav.pager a[aria-label='Page 2']")
    page.wait(lambda d: d.execute_script(CLAIM_ROWS) != first[0])
    second = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert second[1][0] == f"{first[1][-1]} (continued)", (first[1], second[1])
    # Read whole, the app's own list shows the same claims on the same pages,
    # under the same years, with the same count.
    title = page.title()
    read_whole_until(page, title)
    assert page.query().endswith("page=2")
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), second)
    follow(page, "nav.pager a[aria-label='Previous page, 1']")
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), first)


def test_the_sources_over_a_date_range_with_the_undated_before_the_corpus_are_the_whole_lists(
        large_on_request, page):
    url, _, manifest = large_on_request
    sources = manifest["totals"]["sources"]
    undated = sum(p.get("undated", 0) for p in manifest["sources_days"])
    assert undated > 0
    page.open(f"{url}?view=sources&from=1990-06&to=1996")
    ranged = view_count(page)
    # The undated sources the range hides are counted from the manifest, and
    # shown on asking, after the dated ones.
    assert f"{undated:,} sources with no date" in page.text("fieldset.dates")
    page.check("f-undated")
    page.until_title(f"({ranged + undated:,} of {sources:,})")
    last = -(-(ranged + undated) // 50)
    follow(page, f"nav.pager a[aria-label='Page {last:,}']")
    page.wait(lambda d: page.query().endswith(f"page={last}"))
    shown = view_page(page, SOURCE_ROWS, SOURCE_TEXTS)
    assert "undated" in shown[2][-1][0], shown[2][-1]
    assert not part_requests(page, "r")
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, SOURCE_ROWS, SOURCE_TEXTS), shown)


def test_the_date_fields_above_the_claims_in_pages_filter_them(large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims")
    page.until_title(f"Claims ({claims:,})")
    view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    page.one("details.list-dates summary").click()
    page.set_input("f-from", "2020").until_query("from=2020")
    shown = view_count(page)
    assert 0 < shown < claims
    # Those dated over many years come first, under their first year, before
    # 2020; the last page's are of 2020 or later (or undated).
    years = page.d.execute_script(GROUPS)
    assert years == sorted(years), years
    last = -(-shown // 50)
    follow(page, f"nav.pager a[aria-label='Page {last:,}']")
    page.wait(lambda d: page.query().endswith(f"page={last}"))
    view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    page.wait(lambda d: d.execute_script(GROUPS) and d.execute_script(GROUPS)[0] >= "2020")


def test_a_part_of_the_claims_days_that_fails_is_named_and_retry_recovers(large_on_request, page):
    url, site, manifest = large_on_request
    # The part of the days that the range begins in: read, not held whole.
    part = next(p for p in manifest["claims_days"] if p["days"][0] < 20100101 <= p["days"][1])
    named_then_retried(page, f"{url}?view=claims&from=2010&to=2011", site / "parts" / part["file"],
                       "The claims of these dates could not all be read")
    view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert " of " in page.title()


@pytest.mark.every_engine
def test_a_claim_kind_chosen_above_the_claims_in_pages_lists_them_as_the_whole_app_does(
        large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    counted = dict(manifest["claims_kind_counts"])["claim:death-toll"]
    page.open(f"{url}?view=claims")
    page.until_title(f"Claims ({claims:,})")
    view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    # Counted from the manifest for no filter, as the claims the kind keeps.
    assert kind_label(page, "claim", "death-toll") == f"Death toll ({counted:,})"
    page.one("#f-claim-death-toll").click()
    page.until_query("claim=death-toll")
    page.until_title(f"Claims ({counted:,} of {claims:,})")
    shown = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert all("Death toll" in texts[3] for texts in shown[2]), shown[2]
    # One part of the claims' kinds' table, no record part; the kinds, open, are
    # then counted from the rest of that table.
    kinds = part_requests(page, "q")
    assert kinds[0] == table_part(manifest, "claims_kinds", "claim:death-toll")
    assert set(kinds) <= {e["file"] for e in manifest["claims_kinds"]} and len(set(kinds)) == len(kinds)
    assert not part_requests(page, "r")
    # Read whole, the app's own list shows the same claims on the same page.
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), shown)


def test_a_rare_claim_kind_reads_its_own_rows_before_the_corpus(large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    # A kind few claims have: its rows are written apart, as spread over the list.
    key, parts = manifest["claims_kind_rows"][0]
    counted = dict(manifest["claims_kind_counts"])[key]
    facet, value = key.split(":")
    page.open(f"{url}?view=claims&{facet}={value}")
    page.until_title(f"Claims ({counted:,} of {claims:,})")
    shown = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert len(shown[0]) == min(50, counted)
    # Its page from its own rows' parts alone: none of the list's.
    assert 0 < len(part_requests(page, "j")) <= 2
    assert not part_requests(page, "c") and not part_requests(page, "r")
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), shown)


def test_a_source_kind_over_a_range_before_the_corpus_is_the_whole_lists(large_on_request, page):
    url, site, manifest = large_on_request
    sources = manifest["totals"]["sources"]
    key = max((k for k, _ in manifest["sources_kind_counts"] if k.startswith("source:")),
              key=dict(manifest["sources_kind_counts"]).get)
    value = key.split(":")[1]
    part = table_part(manifest, "sources_kinds", key)
    # Its part of the sources' kinds' table failing is named, and a retry recovers.
    named_then_retried(page, f"{url}?view=sources&source={value}&from=1990&to=2005",
                       site / "parts" / part, "The sources of these dates could not all be read")
    ranged = view_count(page)
    assert 0 < ranged < sources
    shown = view_page(page, SOURCE_ROWS, SOURCE_TEXTS)
    hides = page.text("fieldset.dates")
    assert "sources with no date" in hides, hides
    assert not part_requests(page, "r")
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, SOURCE_ROWS, SOURCE_TEXTS), shown)
    assert page.text("fieldset.dates") == hides


def busiest_claimants(large_corpus, n):
    """The `n` actors who make the most claims of the corpus, each with its name."""
    corpus = json.loads(large_corpus.read_text())
    counts = {}
    for claim in corpus["claims"]:
        if "claimant" in claim:
            counts[claim["claimant"]] = counts.get(claim["claimant"], 0) + 1
    busiest = sorted(sorted(counts), key=counts.get, reverse=True)[:n]
    names = {a["id"]: a["name"] for a in corpus["actors"]}
    return [(actor, names[actor]) for actor in busiest]


def early_parts(page):
    """The parts the page began to fetch before the app came (index.html)."""
    return page.d.execute_script("return Object.keys(window.dossierEarlyParts || {})")


@pytest.mark.every_engine
def test_an_actors_claims_before_the_corpus_are_the_whole_lists(large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    (actor, name), = busiest_claimants(large_corpus, 1)
    page.open(f"{url}?view=claims&actor={actor}&page=2")
    shown = view_count(page)
    assert 50 < shown < claims, page.title()
    assert name in page.text(".list-actor")
    second = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert len(second[0]) == min(50, shown - 50)
    assert name in "".join(t[1] for t in second[2])
    # The actor's part of the claims' table of lists by actor and one part of
    # its rows: no part of the claims' list, no record part.
    assert part_requests(page, "e") == [table_part(manifest, "claims_by_actor", actor)]
    assert len(part_requests(page, "f")) == 1
    assert not part_requests(page, "c") and not part_requests(page, "r")
    # The page began that part before the app had come, and the app took it over;
    # nothing of the events' table of actors was read for it.
    assert early_parts(page) == [table_part(manifest, "claims_by_actor", actor)]
    assert not part_requests(page, "a")
    # Read whole, the app's own list shows the same claims on the same page.
    title = page.title()
    read_whole_until(page, title)
    assert page.query().endswith("page=2") or "page=2&" in page.query()
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), second)


def test_two_actors_sources_with_a_kind_over_a_range_before_the_corpus_are_the_whole_lists(
        large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    sources = manifest["totals"]["sources"]
    (a, _), (b, _) = busiest_actors(large_corpus, 2)
    address = f"{url}?view=sources&actor={a}&actor={b}&from=1985&to=2015"
    # A part of the sources' table of lists by actor failing is named, and a retry recovers.
    part = table_part(manifest, "sources_by_actor", a)
    named_then_retried(page, address, site / "parts" / part,
                       "The sources of these dates could not all be read")
    ranged = view_count(page)
    assert 0 < ranged < sources, page.title()
    shown = view_page(page, SOURCE_ROWS, SOURCE_TEXTS)
    hides = page.text("fieldset.dates")
    assert "sources with no date" in hides, hides
    assert not part_requests(page, "r") and not part_requests(page, "o")
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, SOURCE_ROWS, SOURCE_TEXTS), shown)
    assert page.text("fieldset.dates") == hides


def test_a_claim_kind_for_an_actor_before_the_corpus_is_the_whole_lists(large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    (actor, _), = busiest_claimants(large_corpus, 1)
    page.open(f"{url}?view=claims&actor={actor}&claim=allegation")
    shown = view_count(page)
    assert 0 < shown < claims, page.title()
    first = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert not part_requests(page, "c") and not part_requests(page, "r")
    # The claims' own tables of actors and kinds, begun by the page before the app
    # came; none of the events' tables.
    assert sorted(early_parts(page)) == sorted(
        [table_part(manifest, "claims_by_actor", actor), table_part(manifest, "claims_kinds", "claim:allegation")])
    assert part_requests(page, "q") == [table_part(manifest, "claims_kinds", "claim:allegation")]
    assert not part_requests(page, "a") and not part_requests(page, "k")
    title = page.title()
    # Removing the kind gives the actor's claims, more of them; back, the kind's again.
    page.one("button[aria-label*='allegation' i]").click()
    page.wait(lambda d: "claim=" not in page.query())
    page.wait(lambda d: " of " in page.title() and view_count(page) > shown)
    page.d.back()
    page.until_title(title)
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), first)
    # Read whole, the app's own list shows the same claims.
    read_whole_until(page, title)
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), first)


def test_an_actor_the_corpus_does_not_have_keeps_no_claims(large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims&actor=act-nobody")
    page.until_title(f"(0 of {claims:,})")
    assert not part_requests(page, "f") and not part_requests(page, "r")


@pytest.mark.every_engine
def test_a_search_of_the_claims_before_the_corpus_is_the_whole_lists(large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims&q=fatwa&page=2")
    shown = view_count(page)
    assert 50 < shown < claims, page.title()
    second = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert len(second[0]) == 50
    assert page.one("#list-search").get_attribute("value") == "fatwa"
    # The part of the claims' words' table, then the claims' list's: no record part.
    # The page began the words' part before the app had come, and the app took it over.
    assert part_requests(page, "w") == [table_part(manifest, "claims_words", "fatwa")]
    assert early_parts(page) == part_requests(page, "w")
    assert part_requests(page, "c") and not part_requests(page, "r")
    read_whole_until(page, page.title())
    assert page.query().endswith("page=2") or "page=2&" in page.query()
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), second)


def requests_started(page):
    """The files of parts/ the browser began to fetch, and those it called off,
    from Chromium's log of the network since the test began."""
    started, called_off, urls = [], [], {}
    for entry in page.d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent" and "/parts/" in params["request"]["url"]:
            urls[params["requestId"]] = params["request"]["url"].split("/parts/")[1]
            started.append(urls[params["requestId"]])
        elif message["method"] == "Network.loadingFailed" and params.get("canceled"):
            called_off.append(urls.get(params["requestId"]))
    return started, called_off


def test_a_search_left_before_its_page_has_come_stops_fetching_it(large_on_request, slow_link, page):
    url, site, manifest = large_on_request
    word, needed = spread_search(site, manifest, apart=False)
    page.open(f"{url}?view=claims")
    view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    needed -= set(part_requests(page, "c"))
    assert len(needed) >= 10, (word, needed)
    # The reader searches for a word whose page needs many parts, slowly; once
    # its first part is in, goes to the sources instead.
    slow_link.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 20, "downloadThroughput": 60_000, "uploadThroughput": 60_000})
    page.d.execute_script(QUERY, f"view=claims&q={quote(word)}")
    page.wait(lambda d: needed & set(part_requests(page, "c")), timeout=60)
    page.d.execute_script(QUERY, "view=sources")
    # The link is fast again: what is still asked for of the claims would come at once.
    slow_link.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    page.until_title("Sources (")
    view_page(page, SOURCE_ROWS, SOURCE_TEXTS)
    time.sleep(2)
    started, called_off = requests_started(page)
    # The parts of the word's page not begun before the reader left are never
    # asked for, and those on their way then are called off.
    asked = needed & set(started)
    assert len(asked) <= 8 and asked < needed, (len(asked), len(needed))
    assert set(called_off) & needed, called_off
    assert not page.css("main .failure[role=alert]")


def test_a_rare_words_first_page_of_claims_reads_its_rows_apart(large_on_request, page):
    url, site, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    # A word whose first page lies in many parts of the claims' list.
    word, spread = spread_search(site, manifest, apart=True)
    assert len(spread) > 4, (word, spread)
    page.open(f"{url}?view=claims&q={word}")
    found = len(table_words(site, manifest)[word])
    page.until_title(f"Claims ({found:,} of {claims:,})")
    shown = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert len(shown[0]) == min(50, found)
    # Its page from the part of the rare words' rows that holds it, found
    # through the part of their directory that lists it, and the part of the
    # words' table: none of the list's.
    part, listing = word_rows_part(site, manifest, "claims_word_rows", word)
    assert part_requests(page, "n") == [part]
    assert part_requests(page, "nd") == [listing]
    assert part_requests(page, "w") == [table_part(manifest, "claims_words", word)]
    assert not part_requests(page, "c") and not part_requests(page, "r")
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), shown)


def test_typing_above_the_sources_in_pages_searches_them_with_an_actor_and_a_range(
        large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    sources = manifest["totals"]["sources"]
    (actor, _), = busiest_actors(large_corpus, 1)
    page.open(f"{url}?view=sources&actor={actor}&from=1980&to=2020")
    every = view_count(page)
    field = page.one("#list-search")
    field.send_keys("report")
    page.until_query("q=report")
    page.wait(lambda d: " of " in page.title() and view_count(page) < every)
    shown = view_page(page, SOURCE_ROWS, SOURCE_TEXTS)
    assert shown[0], page.title()
    # The field is the one typed in, still: the list changed below it.
    assert page.d.execute_script("return document.activeElement.id") == "list-search"
    assert not part_requests(page, "r") and not part_requests(page, "o")
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, SOURCE_ROWS, SOURCE_TEXTS), shown)


def test_a_part_of_the_claims_words_that_fails_is_named_and_retry_recovers(large_on_request, page):
    url, site, manifest = large_on_request
    # With no dates in the address, the failure says the filter's claims.
    named_then_retried(page, f"{url}?view=claims&q=fatwa",
                       site / "parts" / table_part(manifest, "claims_words", "fatwa"),
                       "The claims for this filter could not all be read")
    assert view_count(page) >= 0
    assert not page.css("main .failure[role=alert]")


def test_a_view_with_a_filter_before_the_corpus_says_it_comes_with_the_corpus(large_on_request, page):
    url, _, _ = large_on_request
    page.open(f"{url}?view=claims&order=claimant")
    assert "once the whole corpus is read" in page.text("main p.hint[role=status]")
    assert page.one(".alone button")
    assert not page.css("li.record, nav.pager")


def test_the_page_starts_the_part_of_a_claims_page_opened_by_its_address_before_the_app(
        large_on_request, no_app, page):
    url, _, manifest = large_on_request
    directory = manifest["claims_list"][-1]
    page.d.get(f"{url}?view=claims&page={directory['first'] // 50 + 2}")
    page.wait(lambda d: part_requests(page, "v"))
    assert part_requests(page, "v") == [directory["file"]]


def test_pages_are_read_while_the_rest_of_a_large_corpus_is(large_shown_while_read, slow_link, page):
    url, _, manifest = large_shown_while_read
    events = manifest["totals"]["events"]
    page.d.get(f"{url}?page=7")
    ids = rows_shown(page)
    assert len(ids) == 50
    # Shown while the rest is read, which the notice says, with its progress.
    notice = page.text(".alone")
    assert "being read" in notice, notice
    assert page.css(".alone progress")
    assert not page.css("aside.filters")
    # Then the whole corpus, and the app's own list on the same page.
    page.wait(lambda d: d.execute_script(NO_NOTICE), timeout=120)
    page.until_title(f"Events ({events:,})")
    assert page.css("aside.filters")
    assert rows_shown(page) == ids


def test_the_rest_failing_leaves_the_list_on_screen_and_says_so(large_shown_while_read, driver, page):
    url, _, manifest = large_shown_while_read
    events = manifest["totals"]["events"]
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/parts/r-*"]})
    try:
        page.d.get(f"{url}?page=7")
        ids = rows_shown(page)
        alert = page.text(".alone[role=alert]")
        assert "The rest of the corpus could not be read" in alert, alert
        assert "parts/r-" in alert, alert
        # The list stays, and pages on.
        assert rows_shown(page) == ids
        page.one("nav.pager a[aria-label='Next page, 8']").click()
        page.wait(lambda d: d.execute_script(LIST_ROWS) != ids)
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    page.one(".alone[role=alert] button").click()
    page.wait(lambda d: d.execute_script(NO_NOTICE), timeout=60)
    page.until_title(f"Events ({events:,})")
    assert page.query().endswith("page=8")


def test_back_from_a_record_the_page_is_there_at_once_with_its_link_focused(large_on_request, page):
    url, _, _ = large_on_request
    page.open(f"{url}?page=2")
    ids = rows_shown(page)
    target = ids[10]
    link = page.one(f"main a[data-id='{target}']")
    page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    page.wait(lambda d: d.execute_script("const h = document.querySelector('.detail h2'); return h && h.textContent"))
    page.d.back()
    page.wait(lambda d: d.execute_script(LIST_ROWS) == ids)
    focused = "return document.activeElement && document.activeElement.dataset.id"
    page.wait(lambda d: d.execute_script(focused) == target)
    assert len(part_requests(page, "l")) == 1, "the part is not fetched again"


def test_the_page_starts_the_part_of_a_page_opened_by_its_address_before_the_app(large_on_request, no_app, page):
    url, _, manifest = large_on_request
    number = manifest["totals"]["events"] // 50 - 3
    page.d.get(f"{url}?page={number}")
    place = (number - 1) * 50
    holds = next(p["file"] for p in manifest["list"] if p["first"] <= place < p["first"] + p["count"])
    page.wait(lambda d: part_requests(page, "l"))
    assert part_requests(page, "l") == [holds]


def test_the_page_starts_no_part_of_the_list_where_the_app_reads_the_whole_corpus(site, no_app, page):
    url = site
    page.d.get(f"{url}?page=2")
    page.wait(lambda d: d.execute_script("return performance.getEntriesByName(new URL('parts/manifest.json', location).href).length"))
    time.sleep(1)
    assert not part_requests(page, "l")


YEAR_TITLES = "return [...document.querySelectorAll('main .year-title')].map(h => h.textContent)"


def test_a_year_box_goes_to_the_page_where_the_years_events_begin(large_on_request, page):
    url, _, manifest = large_on_request
    years = [p["year"] for p in manifest["list"] if p.get("year")]
    year = years[len(years) // 2] + 1
    page.open(f"{url}?page=2")
    rows_shown(page)
    page.set_input("year-jump", str(year))
    page.wait(lambda d: "page=2" not in page.query() and "page=" in page.query())
    number = int(page.query().split("page=")[1].split("&")[0])
    page.wait(lambda d: d.execute_script(LIST_ROWS) and d.execute_script("return !document.querySelector('main [role=status]:not(.hint)')"))
    page.wait(lambda d: any(t.isdigit() and int(t) >= year for t in d.execute_script(YEAR_TITLES)))
    # The page before holds no event of that year or later.
    page.one(f"nav.pager a[aria-label='Previous page, {number - 1:,}']").click()
    page.until_query(f"page={number - 1}")
    page.wait(lambda d: d.execute_script(YEAR_TITLES) and all(
        t.isdigit() and int(t) < year for t in d.execute_script(YEAR_TITLES)))
    # A year after every event says so; text that is no year says so.
    page.set_input("year-jump", "2999")
    page.wait(lambda d: "2999 or later" in page.text(".year-jump"))
    page.set_input("year-jump", "soon")
    page.wait(lambda d: "“soon” is not a year" in page.text(".year-jump"))


LOOSE = "return (document.querySelector('#maybe-title') || {}).textContent || ''"


def range_shown(page):
    """The heading, ids, years and less precise heading of the list on screen."""
    ids = rows_shown(page)
    return page.title(), ids, page.d.execute_script(YEARS), page.d.execute_script(LOOSE)


def read_whole_until(page, title):
    """Reads the whole corpus, as the reader asks, until the app's own list is on
    screen under the heading `title`. Read whole, 20,000 records take 4 to 12 s
    in WebKit here; once in CI, under a full run, more than 60."""
    page.one(".alone button").click()
    page.wait(lambda d: d.execute_script(NO_NOTICE), timeout=120)
    page.until_title(title)


def read_whole(page, shown):
    """Reads the whole corpus, as the reader asks, and returns its list once its
    heading is the one `shown` had."""
    read_whole_until(page, shown[0])
    return range_shown(page)


@pytest.mark.every_engine
def test_a_date_range_before_the_corpus_is_the_whole_lists_range(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    # A range of three years: some events within it, some dated less precisely.
    page.open(f"{url}?from=2001&to=2003")
    page.until_title(f"of {events:,})")
    first = range_shown(page)
    shown = int(first[0].split("(")[1].split(" ")[0].replace(",", ""))
    assert 100 < shown < events / 4, first[0]
    assert all(y in ("2001", "2002", "2003") for y in first[2]), first[2]
    # Counted from the days of the list's rows, the page's rows from the list's
    # parts that hold them, and no record part.
    assert 0 < len(part_requests(page, "t")) <= len(manifest["dates"])
    assert 0 < len(part_requests(page, "l")) <= 2
    assert not part_requests(page, "r")
    # The last page holds those dated less precisely than the range, under their heading.
    last = -(-shown // 50)
    follow(page, f"nav.pager a[aria-label='Page {last:,}']")
    page.wait(lambda d: d.execute_script(LOOSE))
    tail = range_shown(page)
    assert "dated less precisely" in tail[3], tail
    # Read whole, the app's own list shows the same on the same pages.
    read_whole_until(page, first[0])
    assert page.query().endswith(f"page={last}")
    assert range_shown(page) == tail
    follow(page, "nav.pager a[aria-label='Page 1']")
    page.wait(lambda d: d.execute_script(LIST_ROWS) != tail[1])
    assert range_shown(page) == first


def test_the_date_fields_above_the_list_in_pages_filter_it(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    undated = sum(p.get("undated", 0) for p in manifest["list"])
    assert undated > 0
    page.open(f"{url}?page=2")
    rows_shown(page)
    # Closed until a range is set, so that the first records are on a phone's first screen.
    assert not page.one("#f-from").is_displayed()
    page.one("details.list-dates summary").click()
    page.set_input("f-from", "2010").until_query("from=2010")
    page.until_title(f"of {events:,})")
    # The count comes before the page's rows, which their parts bring.
    years = page.wait(lambda d: d.execute_script(YEARS))
    assert years and all(y >= "2010" for y in years), years
    ranged = int(page.title().split("(")[1].split(" ")[0].replace(",", ""))
    # The undated events the range hides are counted from the manifest, and shown on asking.
    assert f"{undated:,} events with no date" in page.text("fieldset.dates")
    page.check("f-undated")
    page.until_title(f"({ranged + undated:,} of {events:,})")
    # An end that is not a date is named, and the list is the default one.
    page.open(f"{url}?from=soon")
    assert "this end of the range is ignored" in page.text("fieldset.dates")
    page.until_title(f"Events ({events:,})")


def test_a_part_a_date_range_needs_that_fails_is_named_and_retry_recovers(large_on_request, page):
    url, site, manifest = large_on_request
    named_then_retried(page, f"{url}?from=2015&to=2016", site / "parts" / manifest["reach"][0]["file"],
                       "The events of these dates could not all be read")
    assert rows_shown(page)
    assert "of" in page.title()


def test_a_date_range_in_persian(large_on_request, page):
    url, _, _ = large_on_request
    page.open(f"{url}?lang=fa&from=2001&to=2003")
    assert rows_shown(page)
    assert " از " in page.title(), page.title()


def test_a_ranges_count_comes_from_the_days_of_its_rows_before_any_row(large_on_request, page):
    url, site, manifest = large_on_request
    events = manifest["totals"]["events"]
    # With every part of the list's rows unreadable, the count still comes,
    # exact, from the days alone; the page's rows are named as failing.
    mends = [damage(site / "parts" / p["file"]) for p in manifest["list"]]
    page.open(f"{url}?from=2018&to=2018")
    page.until_title(f"of {events:,})")
    counted = page.title()
    alert = page.text("main .failure[role=alert]")
    assert "Page 1 of the list could not be fetched" in alert, alert
    assert not page.css("li.record.event")
    assert part_requests(page, "t") and not part_requests(page, "r")
    # Mended, Try again reads the page's rows under the same count.
    for mend in mends:
        mend()
    page.one("main .failure[role=alert] button").click()
    assert rows_shown(page)
    assert page.title() == counted
    assert part_requests(page, "l")


def test_a_range_in_many_parts_asks_before_it_reads_them(large_on_request, page):
    url, site, manifest = large_on_request
    # Any range is "many parts" for this manifest.
    manifest["range_ask_above"] = 1
    (site / "parts/manifest.json").write_text(json.dumps(manifest))
    page.open(f"{url}?from=2001&to=2003")
    asks = page.text(".range-asks")
    assert "parts of the list" in asks and "MB" in asks, asks
    assert not part_requests(page, "l") and not part_requests(page, "s")
    assert not part_requests(page, "t")
    assert not page.css("li.record.event")
    page.one(".range-asks button").click()
    assert rows_shown(page)
    assert part_requests(page, "l")
    page.until_title(f"of {manifest['totals']['events']:,})")


# The timeline above the list, opened with the table of its counts: its
# caption, axis, legend and rows as text (null where there is none).
TIMELINE = """
const fold = document.querySelector('main details.tl-fold');
if (!fold) return null;
fold.open = true;
const table = fold.querySelector('details.tl-table');
if (!table) return null;
if (!table.open) table.open = true;
const rows = [...table.querySelectorAll('tbody tr')].map(r => r.textContent);
if (!rows.length) return null;
return [fold.querySelector('figcaption').textContent, fold.querySelector('.tl-axis').textContent,
        fold.querySelector('.tl-legend').textContent, rows];
"""


def timeline_shown(page):
    return until_returned(page, TIMELINE)


@pytest.mark.every_engine
def test_the_timeline_above_the_list_before_the_corpus_is_the_whole_apps(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?from=2001&to=2003")
    page.until_title(f"of {events:,})")
    # The build's counts: no record part, the range marked on the bars.
    shown = timeline_shown(page)
    assert "Events over time" in shown[0] and len(shown[3]) > 10, shown
    assert page.css(".tl-bars rect.selected")
    assert page.one("#tl-from").get_attribute("aria-valuetext") == "2001"
    assert not part_requests(page, "r")
    # Its brush sets the range, and the list in pages follows; the counts stay.
    counted = page.title()
    page.one("#tl-from").send_keys(Keys.ARROW_LEFT)
    page.until_query("from=2000")
    page.wait(lambda d: page.title() != counted and "of" in page.title())
    assert timeline_shown(page) == shown
    # Read whole, the app's own timeline is the same, for the events and the claims.
    page.open(f"{url}?from=2000&to=2003")
    page.until_title(f"of {events:,})")
    read_whole_until(page, page.title())
    assert timeline_shown(page) == shown
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims")
    page.until_title(f"Claims ({claims:,})")
    in_pages = timeline_shown(page)
    assert "Claims over time" in in_pages[0], in_pages
    read_whole_until(page, f"Claims ({claims:,})")
    assert timeline_shown(page) == in_pages


ZOOMED = "return new URLSearchParams(location.search).get('tl')"


def zoomed_by(page, button, window):
    """Zooms the timeline on screen in or out (`button`), as a reader does, to
    `window` (`tl=`); the timeline once counted again."""
    counted = timeline_shown(page)
    page.one(button).click()
    page.wait(lambda d: d.execute_script(ZOOMED) == window)
    page.wait(lambda d: d.execute_script(TIMELINE) not in (None, counted))
    return timeline_shown(page)


@pytest.mark.every_engine
def test_the_timeline_zoomed_before_the_corpus_is_the_whole_apps(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?from=2001&to=2003")
    page.until_title(f"of {events:,})")
    # Zoomed into the range: by month, counted from the days of the list's
    # rows its months meet, and of its rows that reach; no record part.
    zoomed = zoomed_by(page, "#tl-zoom-in", "2001/2003")
    assert "by month: January 2001 to December 2003" in zoomed[0], zoomed
    assert len(zoomed[3]) > 30, zoomed
    days, reach = part_requests(page, "t"), part_requests(page, "s")
    assert days and reach and not part_requests(page, "r")
    assert len(days) < len(manifest["dates"]), days
    # Zoomed out, as the app zooms out: twice as wide, in years.
    out = zoomed_by(page, "#tl-zoom-out", "1999-07-03/2005-07-01")
    assert "by year: 1999 to 2005" in out[0], out
    # Read whole, the app's own timeline over that window is the same.
    read_whole_until(page, page.title())
    assert timeline_shown(page) == out
    assert zoomed_by(page, "#tl-zoom-in", "2001/2003") == zoomed
    # The claims', from the days of their list.
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims&tl=1988/1990")
    page.until_title(f"Claims ({claims:,})")
    in_pages = timeline_shown(page)
    assert "Claims over time, by month: January 1988 to December 1990" in in_pages[0], in_pages
    assert part_requests(page, "y") and not part_requests(page, "x")
    read_whole_until(page, f"Claims ({claims:,})")
    assert timeline_shown(page) == in_pages


def test_a_part_of_the_days_a_zoomed_timeline_needs_that_fails_is_named_and_retry_recovers(
        large_on_request, page):
    url, site, manifest = large_on_request
    events = manifest["totals"]["events"]
    # Every part of the list's days damaged: the one 1988 reads first is named.
    parts = [site / "parts" / p["file"] for p in manifest["dates"]]
    mends = [damage(part) for part in parts]
    page.open(f"{url}?tl=1988/1988")
    page.until_title(f"Events ({events:,})")
    first = rows_shown(page)
    page.d.execute_script("document.querySelector('main details.tl-fold').open = true")
    alert = page.text("main details.tl-fold .failure[role=alert]")
    assert "The timeline could not be counted" in alert, alert
    assert any(part.name in alert for part in parts), alert
    # The list stays.
    assert rows_shown(page) == first
    for mend in mends:
        mend()
    page.one("main details.tl-fold .failure[role=alert] button").click()
    shown = timeline_shown(page)
    assert "by month: January 1988 to December 1988" in shown[0], shown


@pytest.mark.every_engine
def test_the_timeline_of_kinds_and_words_before_the_corpus_is_the_whole_apps(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?page=2")
    rows_shown(page)
    unfiltered = timeline_shown(page)
    # Counted from the days of the events found, over any range, from no record part.
    page.open(f"{url}?tag=crackdown&q=massacre&from=2001&to=2010")
    page.until_title(f"of {events:,})")
    shown = timeline_shown(page)
    assert "Events over time" in shown[0] and shown[3] != unfiltered[3], shown
    assert part_requests(page, "t") and not part_requests(page, "r")
    read_whole_until(page, page.title())
    assert timeline_shown(page) == shown


def busiest_actors(large_corpus, n):
    """The `n` actors that the most events of the corpus name, each with its name."""
    corpus = json.loads(large_corpus.read_text())
    counts = {}
    for event in corpus["events"]:
        for link in event.get("actors", []):
            counts[link["actor"]] = counts.get(link["actor"], 0) + 1
    busiest = sorted(sorted(counts), key=counts.get, reverse=True)[:n]
    names = {a["id"]: a["name"] for a in corpus["actors"]}
    return [(actor, names[actor]) for actor in busiest]


def busiest_actor(large_corpus):
    """The actor that the most events of the corpus name, and its name."""
    return busiest_actors(large_corpus, 1)[0]


@pytest.mark.every_engine
def test_an_actors_list_before_the_corpus_is_the_whole_lists(large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    actor, name = busiest_actor(large_corpus)
    page.open(f"{url}?actor={actor}&page=2")
    page.until_title(f"of {events:,})")
    title = page.title()
    ids = rows_shown(page)
    years = page.d.execute_script(YEARS)
    assert len(ids) == 50, ids
    assert name in page.text(".list-actor")
    assert "page 2 of" in page.text("nav.pager")
    # The actor's table part and one part of rows: no record part, none of the list.
    assert part_requests(page, "a") == [table_part(manifest, "by_actor", actor)]
    assert len(part_requests(page, "b")) == 1
    assert not part_requests(page, "r") and not part_requests(page, "l")
    # Read whole, the app's own list shows the same records on the same page.
    read_whole_until(page, title)
    assert page.query().endswith("page=2")
    assert rows_shown(page) == ids
    assert page.d.execute_script(YEARS) == years


def test_an_actors_timeline_before_the_corpus_is_the_whole_apps(large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    actor, _ = busiest_actor(large_corpus)
    page.open(f"{url}?actor={actor}&from=2001&to=2010")
    page.until_title(f"of {events:,})")
    # Its events, whatever the date, from the parts of their places and of
    # the list's days that hold them; no record part.
    shown = timeline_shown(page)
    assert "Events over time" in shown[0] and len(shown[3]) > 10, shown
    assert part_requests(page, "t") and not part_requests(page, "r")
    zoomed = zoomed_by(page, "#tl-zoom-in", "2001/2010")
    assert "by year: 2001 to 2010" in zoomed[0], zoomed
    read_whole_until(page, page.title())
    assert timeline_shown(page) == zoomed
    page.one("#tl-zoom-out").click()
    page.wait(lambda d: d.execute_script(ZOOMED) != "2001/2010")
    out = timeline_shown(page)
    # The same window in pages, opened by its address.
    page.open(f"{url}?actor={actor}&from=2001&to=2010&tl={page.d.execute_script(ZOOMED) or ''}")
    page.until_title(f"of {events:,})")
    assert timeline_shown(page) == out


def test_an_actors_page_lists_its_events_before_the_corpus(large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    actor, name = busiest_actor(large_corpus)
    page.open(f"{url}?id={actor}")
    page.wait(lambda d: d.execute_script("return document.querySelector('main h2')?.textContent"))
    page.wait(lambda d: d.execute_script(
        "return [...document.querySelectorAll('main button')].find(b => b.textContent.includes('Filter every view'))"))
    page.d.execute_script(
        "[...document.querySelectorAll('main button')].find(b => b.textContent.includes('Filter every view')).click()")
    page.until_query(f"actor={actor}")
    page.until_title(f"of {events:,})")
    assert len(rows_shown(page)) == 50
    # Clearing the filter goes back to the default list.
    page.one(".list-actor button").click()
    page.until_title(f"Events ({events:,})")


def test_a_part_an_actors_list_needs_that_fails_is_named_and_retry_recovers(large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    actor, _ = busiest_actor(large_corpus)
    named_then_retried(page, f"{url}?actor={actor}", site / "parts" / table_part(manifest, "by_actor", actor),
                       "Page 1 of the list could not be fetched")
    assert len(rows_shown(page)) == 50
    assert "of" in page.title()


def test_an_actor_the_corpus_does_not_have_lists_nothing(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?actor=act-nobody")
    page.until_title(f"(0 of {events:,})")
    assert "Clear all filters" in page.text("main .empty")
    assert not part_requests(page, "b")


def test_an_actors_list_over_a_date_range_before_the_corpus_is_the_whole_lists(
        large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    actor, _ = busiest_actor(large_corpus)
    page.open(f"{url}?actor={actor}&from=1990&to=2010")
    page.until_title(f"of {events:,})")
    first = range_shown(page)
    hides = page.text("fieldset.dates")
    assert "events with no date" in hides, hides
    assert all("1990" <= y <= "2010" for y in first[2]), first[2]
    # Every part of the actor's rows, and no record part or part of the list.
    assert part_requests(page, "b") and not part_requests(page, "r") and not part_requests(page, "l")
    shown = int(first[0].split("(")[1].split(" ")[0].replace(",", ""))
    last = -(-shown // 50)
    follow(page, f"nav.pager a[aria-label='Page {last:,}']")
    page.wait(lambda d: d.execute_script(LIST_ROWS) != first[1])
    tail = range_shown(page)
    # Read whole, the app's own list shows the same, and hides as many undated events.
    read_whole_until(page, first[0])
    assert f"page={last}&" in page.query() + "&"
    assert range_shown(page) == tail
    assert page.text("fieldset.dates") == hides
    follow(page, "nav.pager a[aria-label='Page 1']")
    page.wait(lambda d: d.execute_script(LIST_ROWS) != tail[1])
    assert range_shown(page) == first


def test_two_actors_before_the_corpus_are_the_whole_lists(large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    # Their rows are read, however much they weigh.
    manifest["by_places_above"] = 2**31
    (site / "parts/manifest.json").write_text(json.dumps(manifest))
    events = manifest["totals"]["events"]
    (first_actor, first_name), (second_actor, second_name) = busiest_actors(large_corpus, 2)
    page.open(f"{url}?actor={first_actor}&actor={second_actor}&page=2")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    names = page.text(".list-actor")
    assert first_name in names and second_name in names, names
    # Every part of their rows, and no record part or part of the list.
    assert part_requests(page, "b") and not part_requests(page, "r") and not part_requests(page, "l")
    # Read whole, the app's own list shows the same on the same page.
    assert read_whole(page, shown) == shown


@pytest.mark.every_engine
def test_a_search_before_the_corpus_is_the_whole_lists(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?q=fatwa&page=2")
    page.until_title(f"of {events:,})")
    title = page.title()
    ids = rows_shown(page)
    years = page.d.execute_script(YEARS)
    assert len(ids) == 50, ids
    assert "page 2 of" in page.text("nav.pager")
    assert page.one("#list-search").get_attribute("value") == "fatwa"
    # The part of the words' table and the list's parts that hold the page: no record part.
    assert part_requests(page, "w") == [table_part(manifest, "words", "fatwa")]
    assert part_requests(page, "l") and not part_requests(page, "r")
    # The page began the words' part before the app had come, and the app took it over.
    assert early_parts(page) == part_requests(page, "w")
    # Read whole, the app's own list shows the same records on the same page.
    read_whole_until(page, title)
    assert page.query().endswith("page=2")
    assert rows_shown(page) == ids
    assert page.d.execute_script(YEARS) == years


QUERY_WORDS = json.loads((ROOT / "tests/fixtures/query-words.json").read_text(encoding="utf-8"))


@pytest.mark.every_engine
def test_the_pages_script_reads_a_searchs_words_as_the_app_does(site, page):
    """The words the page's script reads in `?q=` to start their parts before the
    app (index.html) are those the app searches for: `tests/by_word.rs` holds the
    core to the same fixture. Plurals, accents, Persian spellings, marks, digits."""
    page.open(site)
    read = page.d.execute_script(
        "return arguments[0].map(function (c) { return window.dossierQueryWords(c[0]); })", QUERY_WORDS)
    wrong = [(text, words, got) for (text, words), got in zip(QUERY_WORDS, read) if got != words]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("view,damaged", [("events", "rows"), ("claims", "rows"), ("claims", "directory")])
def test_a_damaged_part_of_a_rare_words_rows_is_named_and_retry_recovers(large_on_request, page, view, damaged):
    url, site, manifest = large_on_request
    word, _ = spread_search(site, manifest, apart=True, view=view)
    rows, listing = word_rows_part(site, manifest, "word_rows" if view == "events" else "claims_word_rows", word)
    part = rows if damaged == "rows" else listing
    mend = damage(site / "parts" / part)
    page.open(f"{url}?q={word}" if view == "events" else f"{url}?view=claims&q={word}")
    alert = page.text("main .failure[role=alert]")
    # The rows' part fails the page; the directory's, finding what the search keeps.
    said = "Page 1 of the list could not be fetched" if damaged == "rows" else "could not all be read"
    assert said in alert, alert
    assert part in alert, alert
    mend()
    page.one("main .failure[role=alert] button").click()
    shown = rows_shown(page) if view == "events" else view_page(page, CLAIM_ROWS, CLAIM_TEXTS)[0]
    assert shown and not page.css("main .failure[role=alert]")


def test_a_rare_words_first_page_of_events_reads_its_rows_apart(large_on_request, page):
    url, site, manifest = large_on_request
    events = manifest["totals"]["events"]
    word, spread = spread_search(site, manifest, apart=True, view="events")
    assert len(spread) > 4, (word, spread)
    page.open(f"{url}?q={word}")
    found = len(table_words(site, manifest, "words")[word])
    page.until_title(f"Events ({found:,} of {events:,})")
    ids = rows_shown(page)
    assert len(ids) == min(50, found)
    # Its page from the part of the rare words' rows that holds it, found through
    # the part of their directory that lists it: none of the list's.
    part, listing = word_rows_part(site, manifest, "word_rows", word)
    assert part_requests(page, "n") == [part]
    assert part_requests(page, "nd") == [listing]
    assert not part_requests(page, "l") and not part_requests(page, "r")
    read_whole_until(page, page.title())
    assert rows_shown(page) == ids


def test_the_beginnings_of_two_words_before_the_corpus_are_the_whole_lists(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?q=FATW%20tribun")
    page.until_title(f"of {events:,})")
    title = page.title()
    ids = rows_shown(page)
    assert 0 < len(ids) <= 50, ids
    # The page's script found the parts of the words' table the app needed, each
    # fetched once.
    assert sorted(early_parts(page)) == sorted(part_requests(page, "w")), part_requests(page, "w")
    read_whole_until(page, title)
    assert rows_shown(page) == ids


def test_typing_in_the_search_above_the_list_in_pages_filters_it(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?page=3")
    rows_shown(page)
    field = page.one("#list-search")
    field.send_keys("fatwa")
    page.until_query("q=fatwa")
    page.until_title(f"of {events:,})")
    assert len(rows_shown(page)) == 50
    # The field is the one typed in, still: the list changed below it.
    assert page.d.execute_script("return document.activeElement.id") == "list-search"
    assert "page=" not in page.query()
    # A word no event holds lists nothing; an empty field, the default list again.
    field.send_keys("zzq")
    page.until_title(f"(0 of {events:,})")
    assert page.css("main .empty")
    page.d.execute_script(
        "const f = document.getElementById('list-search'); f.value = '';"
        "f.dispatchEvent(new Event('input', {bubbles: true}))")
    page.until_title(f"Events ({events:,})")


def test_a_part_a_search_needs_that_fails_is_named_and_retry_recovers(large_on_request, page):
    url, site, manifest = large_on_request
    named_then_retried(page, f"{url}?q=fatwa", site / "parts" / table_part(manifest, "words", "fatwa"),
                       "The words typed could not be looked up")
    assert len(rows_shown(page)) == 50
    assert "of" in page.title()


def test_a_search_over_a_date_range_before_the_corpus_is_the_whole_lists(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?q=massacre&from=1990&to=2010")
    page.until_title(f"of {events:,})")
    first = range_shown(page)
    hides = page.text("fieldset.dates")
    assert "events with no date" in hides, hides
    assert all("1990" <= y <= "2010" for y in first[2]), first[2]
    assert page.one("#list-search").get_attribute("value") == "massacre"
    # The words' part, then the list's parts and the rows that reach: no record part.
    assert part_requests(page, "w") and part_requests(page, "l") and not part_requests(page, "r")
    # Read whole, the app's own list shows the same, and hides as many undated events.
    read_whole_until(page, first[0])
    assert range_shown(page) == first
    assert page.text("fieldset.dates") == hides


def test_an_actors_list_with_a_search_before_the_corpus_is_the_whole_lists(large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    actor, name = busiest_actor(large_corpus)
    page.open(f"{url}?actor={actor}&q=massacre")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    assert name in page.text(".list-actor")
    assert page.one("#list-search").get_attribute("value") == "massacre"
    # The words' part and the actor's rows: no record part, none of the list.
    assert part_requests(page, "w") and part_requests(page, "b")
    assert not part_requests(page, "r") and not part_requests(page, "l")
    # Read whole, the app's own list shows the same.
    assert read_whole(page, shown) == shown


@pytest.mark.every_engine
def test_a_kind_before_the_corpus_is_the_whole_lists(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?tag=crackdown&page=2")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    assert len(shown[1]) == 50, shown
    assert "page 2 of" in page.text("nav.pager")
    assert "Crackdown" in page.text(".list-kinds")
    # The part of the kinds' table and the list's parts that hold the page: no record part.
    # (Drawn open, as a kind is chosen, the kinds are then counted from the rest of the table.)
    kinds = part_requests(page, "k")
    assert kinds[0] == table_part(manifest, "kinds", "tag:crackdown")
    assert set(kinds) <= {e["file"] for e in manifest["kinds"]} and len(set(kinds)) == len(kinds)
    assert part_requests(page, "l") and not part_requests(page, "r") and not part_requests(page, "w")
    # Read whole, the app's own list shows the same records on the same page.
    assert read_whole(page, shown) == shown
    assert page.query().endswith("page=2")


# Opens the kinds to choose from, above a list in pages or in the filter panel.
OPEN_KINDS = ("document.querySelectorAll('details.list-terms, aside.filters > details, details.terms')"
              ".forEach(d => { d.open = true; })")


def kind_label(page, facet, value):
    """The text beside the box that chooses a kind, once the kinds are open."""
    page.d.execute_script(OPEN_KINDS)
    return page.text(f"label[for='f-{facet}-{value}']")


@pytest.mark.every_engine
def test_kinds_chosen_above_the_list_in_pages_are_counted_as_the_whole_app_counts_them(
        large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    counted = dict(manifest["kind_counts"])["tag:crackdown"]
    page.open(f"{url}?page=2")
    rows_shown(page)
    # Counted from the manifest for no filter, before any part of the kinds' table.
    assert kind_label(page, "tag", "crackdown") == f"Crackdown ({counted:,})"
    assert not part_requests(page, "k")
    page.one("#f-tag-crackdown").click()
    page.until_query("tag=crackdown")
    page.until_title(f"Events ({counted:,} of {events:,})")
    assert page.one("#f-tag-crackdown").is_selected()
    # Under a filter, counted from every part of the kinds' table: no record part.
    under = counted_kinds(page)
    assert under["tag-crackdown"] == f"Crackdown ({counted:,})"
    assert under != unfiltered_kinds(manifest, "kind_counts", under)
    assert sorted(part_requests(page, "k")) == sorted(e["file"] for e in manifest["kinds"])
    assert not part_requests(page, "r")
    # Read whole, the filter panel counts the same.
    read_whole_until(page, page.title())
    same_counts_once_read_whole(page, under)
    page.one("#f-tag-crackdown").click()
    page.until_title(f"Events ({events:,})")


# Kinds whose counts the tests compare, as `facet-value`.
SOME_KINDS = ["tag-crackdown", "tag-killings", "claim-death-toll", "claim-denial",
              "term-torture", "source-ngo-report", "source-news-article"]


def counted_kinds(page):
    """The labels of `SOME_KINDS` beside their boxes, once every one is counted."""
    page.d.execute_script(OPEN_KINDS)
    # Read whether shown or not: a kind none of the records hold is hidden, as in the app.
    label = lambda kind: page.d.execute_script(
        "const l = document.querySelector(arguments[0]); return l ? l.textContent.trim() : ''",
        f"label[for='f-{kind}']")
    page.wait(lambda d: all(label(k).endswith(")") for k in SOME_KINDS), timeout=60)
    return {kind: label(kind) for kind in SOME_KINDS}


def same_counts_once_read_whole(page, labels):
    """Waits for the filter panel of the corpus read whole to count the kinds as
    `labels` has them (its search is counted once its text index is built)."""
    try:
        page.wait(lambda d: counted_kinds(page) == labels, timeout=60)
    except Exception:
        assert counted_kinds(page) == labels


def unfiltered_kinds(manifest, counts, labels):
    """`labels` with each kind's count for no filter, from the manifest's `counts`."""
    by_key = dict(manifest[counts])
    return {kind: f"{text.rsplit(' (', 1)[0]} ({by_key.get(kind.replace('-', ':', 1), 0):,})"
            for kind, text in labels.items()}


@pytest.mark.every_engine
def test_the_kinds_under_a_search_in_another_view_are_counted_as_the_whole_app_counts_them(
        large_on_request, page):
    url, _, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    page.open(f"{url}?view=claims&q=fatwa")
    found = view_count(page)
    assert 0 < found < claims, page.title()
    # The claims' words' part the search read, and every part of the claims' kinds' table.
    under = counted_kinds(page)
    assert under != unfiltered_kinds(manifest, "claims_kind_counts", under)
    assert sorted(part_requests(page, "q")) == sorted(e["file"] for e in manifest["claims_kinds"])
    assert not part_requests(page, "r")
    read_whole_until(page, page.title())
    same_counts_once_read_whole(page, under)


def test_kinds_of_two_facets_with_a_search_over_a_range_before_the_corpus_are_the_whole_lists(
        large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    # Either claim kind, and the tag, and the words, within the range.
    page.open(f"{url}?claim=death-toll&claim=denial&source=news-article&q=massacre&from=1985&to=2015")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    assert shown[1], shown
    assert all("1985" <= y <= "2015" for y in shown[2]), shown[2]
    chips = page.text(".list-kinds")
    assert all(label in chips for label in ["Death toll", "Denial", "News article"]), chips
    assert part_requests(page, "k") and part_requests(page, "w") and not part_requests(page, "r")
    assert read_whole(page, shown) == shown


def test_kinds_counts_that_weigh_much_are_read_when_the_reader_asks(large_on_request, page):
    url, site, manifest = large_on_request
    claims = manifest["totals"]["claims"]
    manifest["kinds_ask_above"] = 1
    (site / "parts/manifest.json").write_text(json.dumps(manifest))
    page.open(f"{url}?view=claims&claim=denial")
    found = view_count(page)
    assert 0 < found < claims, page.title()
    # Drawn open (a kind is chosen), the fold says what counting costs, and waits.
    asks = page.text("details.list-terms .range-asks")
    weighs = sum(e["bytes"] for e in manifest["claims_kinds"])
    assert "Count them (" in asks and "MB" in asks, asks
    time.sleep(1)
    assert len(part_requests(page, "q")) == 1
    assert kind_label(page, "tag", "killings") == "Killings"
    page.one("details.list-terms .range-asks button").click()
    under = counted_kinds(page)
    assert under["claim-denial"] == f"Denial ({found:,})"
    assert sorted(part_requests(page, "q")) == sorted(e["file"] for e in manifest["claims_kinds"])
    assert weighs > 1
    # Asked once, the next filter is counted unasked.
    page.one("#f-claim-recognition").click()
    page.until_query("claim=recognition")
    page.wait(lambda d: counted_kinds(page) != under)
    assert not page.css("details.list-terms .range-asks")


def test_a_part_the_kinds_counts_need_that_fails_is_named_and_retry_counts_them(
        large_on_request, page):
    url, site, manifest = large_on_request
    events = manifest["totals"]["events"]
    part = site / "parts" / manifest["kinds"][-1]["file"]
    mend = damage(part)
    page.open(f"{url}?q=fatwa")
    page.until_title(f"of {events:,})")
    page.d.execute_script(OPEN_KINDS)
    alert = page.text("details.list-terms .failure[role=alert]")
    assert "The kinds could not be counted for these filters" in alert, alert
    assert part.name in alert, alert
    # The list above which they are counted stays, and so do the boxes, uncounted.
    assert len(rows_shown(page)) == 50
    assert page.text("label[for='f-tag-killings']") == "Killings"
    mend()
    page.one("details.list-terms .failure[role=alert] button").click()
    assert counted_kinds(page)["tag-killings"].startswith("Killings (")


def test_a_kind_removed_above_the_list_in_pages_gives_the_search_without_it(large_on_request, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    page.open(f"{url}?q=fatwa&term=torture")
    page.until_title(f"of {events:,})")
    with_kind = page.title()
    page.one(".list-kinds button.chip").click()
    page.until_query("q=fatwa")
    assert "term=" not in page.query()
    page.wait(lambda d: page.title() != with_kind and f"of {events:,})" in page.title())
    assert not page.css(".list-kinds")
    assert len(rows_shown(page)) == 50


def test_a_part_a_kind_needs_that_fails_is_named_and_retry_recovers(large_on_request, page):
    url, site, manifest = large_on_request
    named_then_retried(page, f"{url}?tag=killings",
                       site / "parts" / table_part(manifest, "kinds", "tag:killings"),
                       "The kinds chosen could not be looked up")
    assert len(rows_shown(page)) == 50
    assert "of" in page.title()
    # Named once, by the list: the kinds above it are counted once it has found them.
    assert counted_kinds(page)["tag-killings"] == f"Killings ({view_count(page):,})"
    assert not page.css("main .failure[role=alert]")


def test_an_actors_list_with_a_kind_before_the_corpus_is_the_whole_lists(large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    actor, name = busiest_actor(large_corpus)
    page.open(f"{url}?actor={actor}&source=ngo-report")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    assert shown[1], shown
    assert name in page.text(".list-actor")
    assert "NGO report" in page.text(".list-kinds")
    # The kinds' part and the actor's rows: no record part, none of the list.
    assert part_requests(page, "k") and part_requests(page, "b")
    assert not part_requests(page, "r") and not part_requests(page, "l")
    assert read_whole(page, shown) == shown



def every_actors_rows_weigh_much(site, manifest):
    """Writes into the site's manifest that any actor's rows weigh enough to look
    for its events with words or kinds sought by places."""
    manifest["by_places_above"] = 1
    (site / "parts/manifest.json").write_text(json.dumps(manifest))


def test_an_actors_events_with_a_kind_are_found_by_places_where_that_weighs_less(
        large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    every_actors_rows_weigh_much(site, manifest)
    events = manifest["totals"]["events"]
    actor, name = busiest_actor(large_corpus)
    page.open(f"{url}?actor={actor}&source=news-article&page=2")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    assert len(shown[1]) == 50, shown
    assert "page 2 of" in page.text("nav.pager")
    assert name in page.text(".list-actor") and "News article" in page.text(".list-kinds")
    # The actor's places, the kind's, and the list's parts that hold the page:
    # none of the actor's rows, no record part.
    assert part_requests(page, "p") and part_requests(page, "k") and part_requests(page, "l")
    assert not part_requests(page, "b") and not part_requests(page, "r")
    assert read_whole(page, shown) == shown
    assert page.query().endswith("page=2")


def test_an_actors_events_with_a_search_over_a_range_found_by_places_are_the_whole_lists(
        large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    every_actors_rows_weigh_much(site, manifest)
    events = manifest["totals"]["events"]
    actor, _ = busiest_actor(large_corpus)
    page.open(f"{url}?actor={actor}&q=massacre&from=1980&to=1984")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    assert shown[1], shown
    assert part_requests(page, "p") and part_requests(page, "w")
    assert not part_requests(page, "b") and not part_requests(page, "r")
    assert read_whole(page, shown) == shown


def test_two_busy_actors_are_found_by_places_a_page_at_a_time(large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    every_actors_rows_weigh_much(site, manifest)
    events = manifest["totals"]["events"]
    (first_actor, first_name), (second_actor, second_name) = busiest_actors(large_corpus, 2)
    page.open(f"{url}?actor={first_actor}&actor={second_actor}&page=2")
    page.until_title(f"of {events:,})")
    shown = range_shown(page)
    assert len(shown[1]) == 50, shown
    names = page.text(".list-actor")
    assert first_name in names and second_name in names, names
    # Their places and the list's part that holds the page: none of their rows.
    assert part_requests(page, "p") and part_requests(page, "l")
    assert not part_requests(page, "b") and not part_requests(page, "r")
    assert read_whole(page, shown) == shown



def test_the_page_starts_the_kinds_and_actors_parts_of_a_list_opened_by_its_address_before_the_app(
        large_on_request, large_corpus, no_app, page):
    url, _, manifest = large_on_request
    (first, _), (second, _) = busiest_actors(large_corpus, 2)
    page.d.get(f"{url}?actor={first}&actor={second}&tag=crackdown&claim=denial&q=fatwa&page=2")
    wanted = {table_part(manifest, "kinds", "tag:crackdown"), table_part(manifest, "kinds", "claim:denial")}
    page.wait(lambda d: set(part_requests(page, "k")) == wanted)
    page.wait(lambda d: set(part_requests(page, "a")) == {table_part(manifest, "by_actor", a) for a in (first, second)})
    # Each part once; nothing of the list, which waits on the places they give.
    assert len(part_requests(page, "k")) == len(wanted)
    assert not part_requests(page, "l") and not part_requests(page, "r")


NAME_OPTIONS = "return [...document.querySelectorAll('#list-actor-options option')].map(o => [o.value, o.label])"


def half_remembered(name):
    """The beginning of a name as a reader half remembers it: its first word and
    the beginning of the next."""
    words = name.split()
    return f"{words[0]} {words[1][:3]}" if len(words) > 1 else name[:4]


def names_offered(page, name):
    """The chooser's suggestions once `name` is among them: each its name and label."""
    page.wait(lambda d: any(n == name for n, _ in d.execute_script(NAME_OPTIONS)))
    return page.d.execute_script(NAME_OPTIONS)


@pytest.mark.every_engine
def test_an_institution_chosen_by_name_above_the_list_in_pages_lists_its_events(
        large_on_request, large_corpus, page):
    url, _, manifest = large_on_request
    events = manifest["totals"]["events"]
    actor, name = busiest_actor(large_corpus)
    page.open(f"{url}?page=2&from=1970")
    rows_shown(page)
    field = page.one("#list-actor")
    begun = half_remembered(name)
    field.send_keys(begun)
    offered = names_offered(page, name)
    assert 0 < len(offered) <= 20, offered
    label = dict(offered)[name]
    assert label.startswith(name) and label.endswith(")"), label
    # Only the names table's part was read for it: no record part.
    assert part_requests(page, "m") and not part_requests(page, "r")
    # Its whole name, then Enter: its events, the date range kept.
    field.clear()
    field.send_keys(name + Keys.ENTER)
    page.until_query(f"actor={actor}")
    assert "from=1970" in page.query()
    page.until_title(f"of {events:,})")
    assert name in page.text(".list-actor")
    shown = range_shown(page)
    assert shown[1], shown
    assert page.one("#list-actor").get_attribute("value") == ""
    # Read whole, the app's own list shows the same.
    assert read_whole(page, shown) == shown


def test_a_name_no_institution_has_is_said_so_and_chooses_nothing(large_on_request, page):
    url, _, _ = large_on_request
    page.open(f"{url}?page=2")
    rows_shown(page)
    page.one("#list-actor").send_keys("zzqx" + Keys.ENTER)
    page.wait(lambda d: "zzqx" in page.text(".list-actors .errors"))
    assert "actor=" not in page.query()
    # Once typing rests, nothing is suggested for it.
    page.wait(lambda d: not d.execute_script(NAME_OPTIONS))
    assert "actor=" not in page.query()


def test_a_part_of_the_names_that_fails_is_named_and_retry_recovers(large_on_request, large_corpus, page):
    url, site, manifest = large_on_request
    _, name = busiest_actor(large_corpus)
    begun = half_remembered(name)
    mend = damage(site / "parts" / table_part(manifest, "names", begun.lower()))
    page.open(f"{url}?page=2")
    rows_shown(page)
    page.one("#list-actor").send_keys(begun)
    alert = page.text(".list-actors .failure[role=alert]")
    assert "The names typed could not be looked up" in alert, alert
    assert table_part(manifest, "names", begun.lower()) in alert, alert
    # The list stays as it was.
    assert len(rows_shown(page)) == 50
    mend()
    page.one(".list-actors .failure[role=alert] button").click()
    names_offered(page, name)
    assert not page.css(".list-actors .failure[role=alert]")


def counted(label):
    """The records a suggestion's label counts: its own and those through its parts."""
    figures = label.rsplit("(", 1)[1].rstrip(")").replace(",", "").split()
    return sum(int(f) for f in figures if f.isdigit())


@pytest.mark.every_engine
def test_an_institution_chosen_by_name_above_the_claims_in_pages_lists_as_many_as_it_said(
        large_on_request, large_corpus, page):
    url, _, _ = large_on_request
    (actor, name), = busiest_claimants(large_corpus, 1)
    page.open(f"{url}?view=claims")
    view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    field = page.one("#list-actor")
    field.send_keys(half_remembered(name))
    said = counted(dict(names_offered(page, name))[name])
    field.clear()
    field.send_keys(name + Keys.ENTER)
    page.until_query(f"actor={actor}")
    assert "view=claims" in page.query()
    # The number beside its name is how many claims choosing it lists.
    assert view_count(page) == said, (page.title(), said)
    assert name in page.text(".list-actor")
    shown = view_page(page, CLAIM_ROWS, CLAIM_TEXTS)
    assert shown[0]
    assert not part_requests(page, "r")
    read_whole_until(page, page.title())
    page.until_equal(lambda: view_page(page, CLAIM_ROWS, CLAIM_TEXTS), shown)
