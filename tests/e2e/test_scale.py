"""Long lists and large corpora: pages with their place in the address, loading
progress, and exact counts from the indexes at 20,000 records."""

import json
from collections import Counter

from conftest import CORPUS, LARGE_RECORDS

N_CLAIMS = len(CORPUS["claims"])
PAGE = 50
PAGES = -(-N_CLAIMS // PAGE)
ON_PAGE_2 = min(PAGE, N_CLAIMS - PAGE)
ON_LAST = N_CLAIMS - PAGE * (PAGES - 1)
TOLLS_SHOWN = 20


def pager_links(page):
    return {a.text: a for a in page.css("nav.pager a")}


def test_a_long_list_comes_in_pages_whose_place_is_in_the_address(site, page):
    assert N_CLAIMS > PAGE, "the shipped corpus has more claims than one page"
    page.open(site + "?view=claims")
    assert page.title() == f"Claims ({N_CLAIMS})"
    assert len(page.records("claim")) == PAGE
    assert f"Showing 1–{PAGE} of {N_CLAIMS}, page 1 of {PAGES}" in page.text("nav.pager")
    # Every page is a real link, reachable by keyboard, with its own address.
    nxt = pager_links(page)["Next →"]
    assert "page=2" in nxt.get_attribute("href")
    nxt.click()
    page.until_query("page=2")
    page.wait(lambda d: len(page.records("claim")) == ON_PAGE_2)
    # Focus follows to the new page, for keyboard and screen-reader users.
    assert page.d.execute_script("return document.activeElement.id") == "main"
    current = page.one("nav.pager a[aria-current='page']")
    assert current.text == "2"
    # Reload keeps the page; back returns to the first.
    page.d.refresh()
    page.wait_ready().wait(lambda d: len(page.records("claim")) == ON_PAGE_2)
    page.d.back()
    page.wait(lambda d: "page=" not in page.query())
    page.wait(lambda d: len(page.records("claim")) == PAGE)


def test_a_new_filter_starts_from_the_first_page_and_a_stale_page_is_brought_within(site, page):
    page.open(site + "?view=claims&page=2").open_filters()
    assert len(page.records("claim")) == ON_PAGE_2
    page.check("f-claim-allegation").until_query("claim=allegation")
    page.wait(lambda d: "page=" not in page.query())
    assert page.records("claim")
    # A shared link to a page past the end shows the last page there is.
    page.open(site + "?view=claims&page=99")
    assert len(page.records("claim")) == ON_LAST
    assert page.one("nav.pager a[aria-current='page']").text == str(PAGES)


def test_opening_a_record_and_coming_back_keeps_the_page(site, page):
    page.open(site + "?view=claims&page=2")
    first = page.one("li.record h4 a")
    title = first.text
    first.click()
    page.wait_ready().one(".detail h2")
    page.one(".back a").click()
    page.wait_ready().until_query("page=2")
    assert page.one("li.record h4 a").text == title


def watch_status(drv):
    """Records every loading status the page shows, from its very first paint."""
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.__statuses = [];
        new MutationObserver(() => {
            for (const el of document.querySelectorAll('[role=status]')) {
                const t = el.textContent.trim();
                if (t && window.__statuses[window.__statuses.length - 1] !== t) window.__statuses.push(t);
            }
        }).observe(document, {subtree: true, childList: true, characterData: true});
    """})


def test_a_large_corpus_shows_progress_then_filters_with_exact_counts(site_copy, page, large_corpus):
    text = large_corpus.read_text(encoding="utf-8")
    corpus = json.loads(text)
    n = {k: len(corpus[k]) for k in ("events", "claims", "sources", "actors")}
    assert sum(n.values()) == LARGE_RECORDS
    url, _ = site_copy(text)
    watch_status(page.d)
    page.open(url)
    page.wait(lambda d: page.title() == f"Events ({n['events']:,})", timeout=60)
    statuses = page.d.execute_script("return window.__statuses")
    reading = [s for s in statuses if s.startswith("Reading records:")]
    assert reading and all(s.endswith(f"of {LARGE_RECORDS:,}") for s in reading), statuses
    # Only one page of records is on screen, whatever the size.
    assert len(page.records("event")) == PAGE
    assert f"page 1 of {-(-n['events'] // PAGE):,}" in page.text("nav.pager")

    # The institution in most claims: the count comes from the indexes and must be exact.
    speakers = Counter()
    for c in corpus["claims"]:
        for who in {c.get("claimant"), c.get("relayed_by")} - {None}:
            speakers[who] += 1
    busiest, expected = speakers.most_common(1)[0]
    page.open(url + f"?view=claims&actor={busiest}")
    page.wait(lambda d: page.title() == f"Claims ({expected:,} of {n['claims']:,})", timeout=60)
    tolls = sum(1 for c in corpus["claims"] if c["kind"] == "death-toll")
    page.open(url + "?view=claims&claim=death-toll")
    page.wait(lambda d: page.title() == f"Claims ({tolls:,} of {n['claims']:,})", timeout=60)
    # Death tolls stand side by side, but a table of thousands is cut to the largest.
    rows = page.css(".tolls tbody tr")
    assert len(rows) == min(tolls, TOLLS_SHOWN)
    if tolls > TOLLS_SHOWN:
        assert f"The {TOLLS_SHOWN} largest of {tolls:,} figures are shown" in page.text(".tolls")
