"""The plain edition, read in Chromium with JavaScript turned off, as Tor Browser at
its safest setting reads it: from the app's <noscript> link to a claim page and
on to the source the claim is reported in."""

import json
from urllib.parse import urljoin

import pytest
from browser_host import start_chromium
from conftest import CHROMEDRIVER, CHROMIUM, CORPUS
from selenium.webdriver.common.by import By


@pytest.fixture(scope="module")
def nojs():
    """A second Chromium, with JavaScript disabled."""
    drv, stop = start_chromium("nojs", CHROMIUM, CHROMEDRIVER,
                               prefs={"profile.managed_default_content_settings.javascript": 2})
    yield drv
    stop()


def link(drv, text):
    """The link whose visible text contains `text`."""
    found = drv.find_elements(By.PARTIAL_LINK_TEXT, text)
    assert found, f"no link {text!r} on {drv.current_url}"
    return found[0]


def no_scripts(drv):
    assert drv.find_elements(By.TAG_NAME, "script") == []
    assert "<script" not in drv.page_source.lower()


def test_the_app_without_javascript_offers_the_plain_edition(nojs, site):
    nojs.get(site)
    # A <noscript> paragraph shows only when scripts are off: this proves they are.
    offer = link(nojs, "Read the plain edition, which needs no JavaScript")
    assert offer.is_displayed()
    assert nojs.find_elements(By.CSS_SELECTOR, ".list-title") == []
    assert link(nojs, "public/corpus.json").is_displayed()


def test_from_the_app_to_a_claim_and_its_source_without_javascript(nojs, site):
    nojs.get(site)
    plain = link(nojs, "Read the plain edition")
    assert plain.get_attribute("href") == urljoin(site, "plain/index.html")
    plain.click()
    assert nojs.current_url == site + "plain/index.html"
    assert nojs.find_element(By.TAG_NAME, "h1").text == CORPUS["meta"]["title"]
    no_scripts(nojs)
    for landmark in ("header", "nav", "main"):
        assert nojs.find_elements(By.TAG_NAME, landmark), landmark
    json_link = link(nojs, "corpus.json")
    assert json_link.get_attribute("href") == site + "public/corpus.json"
    assert link(nojs, "Open the interactive app").get_attribute("href") == site

    nojs.find_element(By.CSS_SELECTOR, "main a[href='claims.html']").click()
    assert nojs.current_url == site + "plain/claims.html"
    assert nojs.find_element(By.TAG_NAME, "h1").text.startswith(f"Claims ({len(CORPUS['claims'])})")
    no_scripts(nojs)

    claim = next(c for c in CORPUS["claims"] if c.get("voice") != "author")
    nojs.find_element(By.CSS_SELECTOR, f"a[href='{claim['id']}.html']").click()
    assert nojs.current_url == site + f"plain/{claim['id']}.html"
    main = nojs.find_element(By.TAG_NAME, "main")
    assert nojs.find_element(By.TAG_NAME, "h1").text == claim["paraphrase"]
    quote = nojs.find_element(By.CSS_SELECTOR, "figure.quote blockquote").text
    assert " ".join(quote.split()) == " ".join(claim["quote"].split())
    claimant = next(a for a in CORPUS["actors"] if a["id"] == claim["claimant"])
    assert "Claimed by" in main.text and claimant["name"] in main.text
    no_scripts(nojs)

    source = next(s for s in CORPUS["sources"] if s["id"] == claim["reported_in"])
    to_source = nojs.find_element(By.CSS_SELECTOR, "figure.quote figcaption a")
    assert to_source.text == source["title"]
    to_source.click()
    assert nojs.current_url == site + f"plain/{source['id']}.html"
    assert nojs.find_element(By.TAG_NAME, "h1").text == source["title"]
    # The source page links back to the claim it reports.
    assert nojs.find_elements(By.CSS_SELECTOR, f"main a[href='{claim['id']}.html']")
    no_scripts(nojs)


def test_the_plain_pages_ask_no_other_host_and_break_no_policy(nojs, site):
    nojs.get_log("performance")
    nojs.get_log("browser")
    for path in ("plain/index.html", "plain/events.html", "plain/actors.html",
                 f"plain/{CORPUS['events'][0]['id']}.html"):
        nojs.get(site + path)
        assert nojs.find_element(By.TAG_NAME, "h1").text
        # The stylesheet applies (its CSP allows 'self' styles only).
        width = nojs.find_element(By.TAG_NAME, "body").value_of_css_property("max-width")
        assert width not in ("none", ""), path
    urls = []
    for entry in nojs.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    assert urls and all(u.startswith(site) for u in urls), [u for u in urls if not u.startswith(site)]
    errors = [e for e in nojs.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_the_plain_edition_works_under_a_sub_path(nojs, sub_site):
    nojs.get(sub_site)
    link(nojs, "Read the plain edition").click()
    assert nojs.current_url == sub_site + "plain/index.html"
    assert link(nojs, "corpus.json").get_attribute("href") == sub_site + "public/corpus.json"
    link(nojs, "Sources").click()
    assert nojs.current_url == sub_site + "plain/sources.html"
    first = nojs.find_element(By.CSS_SELECTOR, "main ol.records a")
    first.click()
    assert nojs.current_url.startswith(sub_site + "plain/src-")
    link(nojs, "Open the interactive app").click()
    assert nojs.current_url == sub_site


def footer_links(page, url):
    page.open(url)
    page.wait_ready()
    return [a.get_attribute("href") for a in page.one("footer").find_elements(By.TAG_NAME, "a")]


def test_the_footer_links_only_the_files_the_site_carries(page, site, site_copy):
    """A large corpus's site carries it in parts alone, without the plain edition
    (scripts/post-build); its manifest says so, and the footer offers neither."""
    hrefs = footer_links(page, site)
    assert site + "public/corpus.json" in hrefs and site + "plain/index.html" in hrefs, hrefs
    url, corpus = site_copy()
    manifest_path = corpus.parent.parent / "parts/manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.update(whole=False, plain=False)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    hrefs = footer_links(page, url)
    assert url + "public/corpus.schema.json" in hrefs, hrefs
    assert url + "public/corpus.json" not in hrefs and url + "plain/index.html" not in hrefs, hrefs
