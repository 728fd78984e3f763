"""No accessibility violations that axe-core can find: every view, every kind of
record page, filtered, empty and zoomed states, light and dark, in each interface
language.

axe-core comes from the local npm install (.tools/, made by scripts/setup) and is
injected through WebDriver, which evaluates it over the DevTools protocol: the
page's Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval') does not
apply to that, so nothing about the page is loosened for the test.
"""

import json
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT
from selenium.webdriver.common.by import By

AXE = Path(ROOT / ".tools/node_modules/axe-core/axe.min.js")
AXE_VERSION = "4.14.1"
# WCAG 2.0 and 2.1, levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
LANGS = ["en", "fa"]
SCHEMES = ["light", "dark"]


def _death_tolls(event):
    return sum(1 for c in CORPUS["claims"] if c["kind"] == "death-toll" and event["id"] in c.get("events", []))


def _richest(kind, weight):
    return max(CORPUS[kind], key=weight)["id"]


TOLL_EVENT = max(CORPUS["events"], key=_death_tolls)
# An event with no death toll, so the plain event page is covered as well as the charted one.
PLAIN_EVENT = next(e for e in CORPUS["events"] if _death_tolls(e) == 0 and e.get("summary"))
# A claim with as much on its page as possible: a quote, a claimant, a relaying source, legal terms.
CLAIM = _richest("claims", lambda c: (bool(c.get("quote")) + bool(c.get("claimant")) + bool(c.get("via"))
                                      + bool(c.get("legal_terms")) + bool(c.get("note"))))
SOURCE = _richest("sources", lambda s: sum(1 for c in CORPUS["claims"] if s["id"] in (c.get("reported_in"), c.get("via"))))
ACTOR = _richest("actors", lambda a: sum(1 for c in CORPUS["claims"] if a["id"] in (c.get("claimant"), c.get("relayed_by"))))

# (name, query string, what must be on screen once it has loaded)
PAGES = [
    ("events", "view=events", ".list-title"),
    ("claims", "view=claims", ".list-title"),
    ("sources", "view=sources", ".list-title"),
    ("actors", "view=actors", ".list-title"),
    ("event-with-death-tolls", "id=" + TOLL_EVENT["id"], "figure.toll-chart .toll-rows a"),
    ("event", "id=" + PLAIN_EVENT["id"], ".detail h2"),
    ("claim", "id=" + CLAIM, ".detail h2"),
    ("source", "id=" + SOURCE, ".detail h2"),
    ("actor", "id=" + ACTOR, ".detail h2"),
    ("no-such-record", "id=no-such-record", ".detail"),
    # Date range, an institution, a search word and a legal term, all at once.
    ("claims-filtered", "view=claims&from=2000&to=2015&actor=act-parliament-of-canada&q=motion"
                        "&term=crime-against-humanity", ".list-title"),
    ("events-filtered", "view=events&from=2016&to=2019&actor=act-iran-government&q=crackdown", ".list-title"),
    # An institution through its people in role, and a search word that names a filter.
    ("claims-by-institution", "view=claims&actor=act-united-nations&q=detention", ".offers button"),
    ("claims-death-tolls", "view=claims&claim=death-toll&order=claimant", ".tolls table"),
    ("claims-legal-matrix", "view=claims&claim=legal-characterisation&order=kind", "#matrix-title"),
    # Dates the filter cannot use, so its error messages show.
    ("impossible-dates", "view=events&from=2016-13&to=1988-02-30", ".dates .errors li"),
    # A year read as Solar Hijri and one that could be, each said with the other reading.
    ("calendar-readings", "view=events&from=1367sh&to=1400", ".readings li"),
    ("nothing-matches", "view=claims&claim=legal-characterisation&q=zzzz-nothing", ".empty"),
    ("timeline-by-month", "view=events&tl=1988/1988", ".timeline-chart"),
    ("timeline-by-day", "view=events&from=1988-07&to=1988-09&tl=1988-07/1988-09", ".timeline-chart"),
    # Events dated less precisely than the range: the same years again, under a heading of their own.
    ("events-dated-less-precisely", "view=events&from=2016&to=2017", ".maybe .year"),
]

SETTLE = """
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));
"""

RUN_AXE = """
const [tags, done] = arguments;
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary})),
  }))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


class AxeSource(str):
    """axe.min.js, which a failing test's traceback names rather than prints."""

    def __repr__(self):
        return f"<axe.min.js, {len(self)} characters>"


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.skip(f"no axe-core at {AXE}: run `. scripts/setup` (it installs axe-core@{AXE_VERSION} into .tools/)")
    return AxeSource(AXE.read_text(encoding="utf-8"))


@pytest.fixture()
def scheme_page(page, request):
    """The page, in the colour scheme the test names (light unless told)."""
    scheme = getattr(request, "param", "light")
    page.d.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    page.d.set_script_timeout(120)
    page.scheme = scheme
    yield page
    page.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def settle(page, ready):
    page.wait_ready()
    page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ready))
    # Nothing left loading: no busy region, no search still being indexed.
    page.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, "[aria-busy='true'], .pending"))
    # Open every disclosure (filters, tables behind charts) so their content is checked too.
    page.d.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.d.execute_async_script(SETTLE)


def run_axe(page, axe_source):
    scheme = getattr(page, "scheme", None)
    if scheme:
        dark = page.d.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
        assert dark == (scheme == "dark"), f"the page is not in the {scheme} colour scheme"
    page.d.execute_script(axe_source)
    version = page.d.execute_script("return window.axe && window.axe.version")
    assert version == AXE_VERSION, f"axe-core did not load into the page (got {version!r})"
    out = page.d.execute_async_script(RUN_AXE, AXE_TAGS)
    assert "error" not in out, f"axe.run failed: {out['error']}"
    return out["violations"]


def check(page, axe_source, url):
    violations = run_axe(page, axe_source)
    assert not violations, f"axe-core found {len(violations)} violation(s) on {url}:" + describe(violations)


def describe(violations, nodes_each=4):
    lines = []
    for v in violations:
        lines.append(f"\n[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element(s))")
        lines.append(f"    {v['helpUrl']}")
        for n in v["nodes"][:nodes_each]:
            html = " ".join(n["html"].split())
            lines.append(f"  - at {' > '.join(map(str, n['target']))}")
            lines.append(f"    {html[:240]}{'…' if len(html) > 240 else ''}")
            for s in (n["summary"] or "").splitlines()[:4]:
                lines.append(f"    | {s.strip()}")
        if len(v["nodes"]) > nodes_each:
            lines.append(f"  … and {len(v['nodes']) - nodes_each} more")
    return "\n".join(lines)


def test_axe_runs_inside_the_pages_csp(site, page, axe_source):
    """The page keeps its strict policy, and axe still runs: injection is not blocked."""
    page.open(site)
    csp = page.d.find_element(By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    violations = run_axe(page, axe_source)
    assert isinstance(violations, list)
    assert not [e for e in page.d.get_log("browser") if e["level"] == "SEVERE"]


@pytest.mark.parametrize("scheme_page", SCHEMES, indirect=True)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name,query,ready", PAGES, ids=[p[0] for p in PAGES])
def test_no_axe_violations(site, scheme_page, axe_source, lang, name, query, ready):
    page = scheme_page
    url = f"{site}?{query}&lang={lang}"
    page.d.get(url)
    settle(page, ready)
    check(page, axe_source, url)


@pytest.mark.parametrize("scheme_page", SCHEMES, indirect=True)
@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violations_when_the_corpus_cannot_load(site_copy, scheme_page, axe_source, lang):
    url, _ = site_copy(remove=True)
    url = f"{url}?lang={lang}"
    scheme_page.d.get(url)
    settle(scheme_page, ".failure")
    check(scheme_page, axe_source, url)


@pytest.mark.parametrize("scheme_page", SCHEMES, indirect=True)
@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violations_on_a_corpus_that_is_not_this_sites(site_copy, scheme_page, axe_source, lang):
    url, corpus_file = site_copy()
    (corpus_file.parent.parent / "corpora").mkdir()
    (corpus_file.parent.parent / "corpora/other.json").write_text(json.dumps(CORPUS), encoding="utf-8")
    url = f"{url}?corpus=corpora/other.json&lang={lang}"
    scheme_page.d.get(url)
    settle(scheme_page, ".elsewhere")
    check(scheme_page, axe_source, url)


@pytest.mark.parametrize("scheme_page", SCHEMES, indirect=True)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query,ready", [("view=actors", "table.actors"), ("view=claims", ".tolls")])
def test_no_axe_violations_on_a_phone(site, scheme_page, axe_source, lang, query, ready):
    """At 360 px: the tables as cards, the filter panel's button to the list,
    and the corpus's description opened whole."""
    page = scheme_page
    page.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 760, "deviceScaleFactor": 2, "mobile": True})
    try:
        url = f"{site}?{query}&lang={lang}"
        page.d.get(url)
        settle(page, ready)
        page.one(".lede-more").click()
        page.wait(lambda d: page.one(".lede-more").get_attribute("aria-expanded") == "true")
        assert page.one(".show-results button").is_displayed()
        check(page, axe_source, url)
    finally:
        page.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("scheme_page", SCHEMES, indirect=True)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query,ready", [("", ".alone button"), (f"id={TOLL_EVENT['id']}", ".detail .waits")])
def test_no_axe_violations_on_a_corpus_read_on_request(site_on_request, scheme_page, axe_source, lang, query, ready):
    url, _ = site_on_request
    url = f"{url}?{query}&lang={lang}"
    scheme_page.d.get(url)
    settle(scheme_page, ready)
    check(scheme_page, axe_source, url)


@pytest.mark.parametrize("scheme_page", SCHEMES, indirect=True)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query,shown", [
    ("", ".first-page li"),
    (f"id={CORPUS['claims'][0]['id']}&", ".glance dd"),
], ids=["first-page", "first-look"])
def test_no_axe_violations_before_the_app(site, no_app, scheme_page, axe_source, lang, query, shown):
    """What the page shows before the app is there: the static first page, and a
    record's first look."""
    page = scheme_page
    url = f"{site}?{query}lang={lang}"
    page.d.get(url)
    page.wait(lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, shown) if e.is_displayed()])
    check(page, axe_source, url)


@pytest.mark.parametrize("scheme_page", SCHEMES, indirect=True)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query,ready", [
    ("", "form.year-jump"),
    ("page=2&", "form.year-jump"),
    ("from=1988&to=1988&", "fieldset.dates"),
    ("actor=act-iran-government&", ".list-actor"),
    ("q=execution&", "#list-search"),
    ("tag=killings&claim=death-toll&", ".list-kinds"),
], ids=["first-page", "page-2", "date-range", "one-actor", "search", "kinds"])
def test_no_axe_violations_on_the_list_in_pages(site_on_request, scheme_page, axe_source, lang, query, ready):
    """A corpus read on request: its list in pages, the static first one and one
    fetched from its part, with the box that goes to a year and the date range;
    the list over a date range; the list for one actor; a search, with its
    field; and kinds chosen, each a chip that removes it."""
    url, _ = site_on_request
    url = f"{url}?{query}lang={lang}"
    scheme_page.d.get(url)
    settle(scheme_page, ready)
    if not any(f in query for f in ("from=", "actor=", "q=", "tag=")):
        scheme_page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.pager"))
    if query:
        scheme_page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "li.record.event"))
    check(scheme_page, axe_source, url)
