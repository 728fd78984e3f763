"""Charts a reader can use: every death-toll figure for an event, each opening its
claim; who characterised the killings how, each count opening those claims."""

from urllib.parse import parse_qs

from conftest import CORPUS


def tolls_about(event_id):
    return [c for c in CORPUS["claims"] if c["kind"] == "death-toll" and event_id in c.get("events", [])]


def test_each_death_toll_figure_is_a_mark_that_opens_its_claim(site, page):
    event = max(CORPUS["events"], key=lambda e: len(tolls_about(e["id"])))
    tolls = tolls_about(event["id"])
    assert len(tolls) >= 2, "the shipped corpus has differing figures for one event"
    page.open(site + "?id=" + event["id"])
    chart = page.one("figure.toll-chart")
    assert f"{len(tolls)} figures" in chart.find_element("css selector", "figcaption").text
    marks = page.css(".toll-rows a")
    # One mark per claim: figures are never merged.
    assert len(marks) == len(tolls)
    for c in tolls:
        assert any(c["death_toll"]["as_written"] in m.text for m in marks)
    # Each mark has a name that says the figure, who and when.
    names = [m.find_element("css selector", "svg").get_attribute("aria-label") for m in marks]
    assert all("Open the claim" in n for n in names)
    # The same figures as a table, for those who would rather read.
    page.one(".toll-table summary").click()
    assert len(page.css(".toll-table tbody tr")) == len(tolls)
    target = next(c for c in tolls if c["death_toll"]["qualifier"] == "more-than") if any(
        c["death_toll"]["qualifier"] == "more-than" for c in tolls) else tolls[0]
    mark = next(m for m in marks if target["death_toll"]["as_written"] in m.text
                and (target.get("claimant") is None or True))
    page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    page.d.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    mark.click()
    page.wait_ready().until_query("id=cl-")
    opened = parse_qs(page.query().lstrip("?"))["id"][0]
    claim = next(c for c in CORPUS["claims"] if c["id"] == opened)
    assert claim["death_toll"]["as_written"] == target["death_toll"]["as_written"]
    assert page.text(".detail h2") == claim["paraphrase"]


def test_who_said_what_counts_open_the_claims_they_count(site, page):
    page.open(site + "?view=claims&claim=legal-characterisation")
    rows = page.css(".matrix tbody tr")
    assert rows
    head = [th.text for th in page.css(".matrix thead th")]
    assert "Crime against humanity" in head
    column = head.index("Crime against humanity")
    # The claimant with a link in that column; its count is what the corpus says.
    row = next(r for r in rows if r.find_elements("css selector", f"td:nth-child({column + 1}) a")
               and r.find_elements("css selector", "th a"))
    name = row.find_element("css selector", "th").text
    actor = next(a for a in CORPUS["actors"] if a["name"] == name)
    made = [c for c in CORPUS["claims"]
            if c["kind"] == "legal-characterisation" and c.get("claimant") == actor["id"]
            and c["voice"] == "attributed" and "crime-against-humanity" in c.get("legal_terms", [])]
    cell = row.find_element("css selector", f"td:nth-child({column + 1}) a")
    assert int(cell.text) == len(made)
    assert name in cell.get_attribute("aria-label")
    cell.click()
    page.until_query("term=crime-against-humanity").until_query("actor=" + actor["id"])
    involved = [c for c in CORPUS["claims"]
                if c["kind"] == "legal-characterisation" and actor["id"] in (c.get("claimant"), c.get("relayed_by"))
                and "crime-against-humanity" in c.get("legal_terms", [])]
    page.until_title(f"Claims ({len(involved)} of {len(CORPUS['claims'])})")


def test_the_legal_term_filter_keeps_claims_that_use_the_term(site, page):
    genocide = [c for c in CORPUS["claims"] if "genocide" in c.get("legal_terms", [])]
    page.open(site + "?view=claims&term=genocide")
    page.until_title(f"Claims ({len(genocide)} of {len(CORPUS['claims'])})")
    page.open_filters()
    assert page.one("#f-term-genocide").is_selected()
