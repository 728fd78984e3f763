"""Institutions as readers mean them, and a search that forgives, as a reader uses them."""

import re
from urllib.parse import parse_qs, urlparse

from conftest import CORPUS
from selenium.webdriver.common.by import By

N_CLAIMS = len(CORPUS["claims"])
ACTORS = {a["id"]: a for a in CORPUS["actors"]}


def said_by(actor_id, year):
    """The claims an actor made in a year, by id."""
    return {
        c["id"]
        for c in CORPUS["claims"]
        if c.get("claimant") == actor_id and c.get("date", {}).get("when", "").startswith(year)
    }


def within(actor_id):
    """The actors that are part of `actor_id`, however many steps down."""
    out, todo = set(), [actor_id]
    while todo:
        parent = todo.pop()
        for a in CORPUS["actors"]:
            if any(p["of"] == parent for p in a.get("part_of", [])) and a["id"] not in out:
                out.add(a["id"])
                todo.append(a["id"])
    return out


def shown_claims(page):
    """Each claim on screen, by id, with the words that say how it counts."""
    return page.d.execute_script(
        """return Object.fromEntries([...document.querySelectorAll('li.record.claim')].map(li => [
            new URLSearchParams(li.querySelector('h4 a').search).get('id'),
            [...li.querySelectorAll('.under')].map(p => p.textContent).join(' | ')]))"""
    )


def choose_actor(page, typed, actor_id):
    page.set_input("f-actor", typed).until_query("actor=" + actor_id)
    page.wait(lambda d: " of " in page.title())


def test_the_special_rapporteur_and_the_un_include_their_people_each_saying_in_what_role(site, page):
    jahangir = said_by("act-asma-jahangir", "2017")
    guterres = said_by("act-antonio-guterres", "2017")
    assert len(jahangir) >= 8 and len(guterres) >= 5
    rapporteur = ACTORS["act-un-special-rapporteur-iran"]
    page.open(site + "?view=claims").open_filters()
    choose_actor(page, rapporteur["name"], rapporteur["id"])
    shown = shown_claims(page)
    assert jahangir <= shown.keys(), jahangir - shown.keys()
    for c in jahangir:
        assert f"Counts under {rapporteur['name']}: Asma Jahangir, as United Nations Special Rapporteur" in shown[c]
    # Before, the filter kept none of them: the rapporteur made no claim itself.
    chip = page.one(".chips li").text
    assert re.search(r"0 own, \d+ through its bodies and officials", chip), chip

    page.open(site + "?view=claims").open_filters()
    choose_actor(page, "United Nations", "act-united-nations")
    total = int(re.search(r"Claims \((\d+) of", page.title()).group(1))
    assert total >= len(jahangir | guterres)
    shown = shown_claims(page)
    assert (jahangir | guterres) <= shown.keys()
    for c in guterres:
        assert "Counts under United Nations: António Guterres, as Secretary-General of the United Nations" in shown[c], shown[c]
    for c in jahangir:
        assert "Counts under United Nations: Asma Jahangir, as United Nations Special Rapporteur" in shown[c], shown[c]
    # Counts say which is which: none of its own, all through its bodies and officials.
    chip = page.one(".chips li").text
    assert f"0 own, {total} through its bodies and officials" in chip, chip
    # A claim made by one of its bodies says which.
    hrc = ACTORS["act-un-human-rights-council"]["name"]
    by_body = [c for c in CORPUS["claims"] if c.get("claimant") == "act-un-human-rights-council"]
    if by_body:
        assert f"through {hrc}" in shown.get(by_body[0]["id"], "through " + hrc)


def test_an_institution_page_lists_its_parts_and_its_people_in_role(site, page):
    page.open(site + "?id=act-united-nations")
    detail = page.text(".detail")
    assert "Its parts" in detail and "People in its roles" in detail
    parts = [a.text for a in page.d.find_elements(By.XPATH, "//section[h3='Its parts']//a")]
    assert ACTORS["act-un-general-assembly"]["name"] in parts
    assert ACTORS["act-un-secretary-general"]["name"] in parts
    people = page.d.find_element(By.XPATH, "//section[h3='People in its roles']").text
    assert "António Guterres, as Secretary-General of the United Nations" in people
    page.click_link("UN General Assembly")
    assert "Part of" in page.text(".detail")
    page.open(site + "?id=act-un-special-rapporteur-iran")
    part_of = page.d.find_element(By.XPATH, "//section[h3='Part of']").text
    assert "UN Human Rights Council" in part_of and "a matter of public record" in part_of
    people = page.d.find_element(By.XPATH, "//section[h3='People in its roles']").text
    assert "Asma Jahangir" in people


def test_typing_un_offers_the_united_nations_and_its_bodies_first_and_enter_takes_a_single_match(site, page):
    page.open(site + "?view=claims").open_filters()
    page.set_input("f-actor", "UN", commit=False)
    options = lambda: [o.get_attribute("value") for o in page.css("#f-actor-list option")]
    page.wait(lambda d: options() and options()[0] == "United Nations")
    first = options()[:5]
    bodies = {ACTORS[a]["name"] for a in within("act-united-nations")}
    assert len(bodies & set(first)) >= 3, first
    # An acronym no alias spells finds its institution.
    page.set_input("f-actor", "HRW", commit=False)
    page.wait(lambda d: options() and options()[0] == "Human Rights Watch")
    # Enter on the only match chooses it.
    page.set_input("f-actor", "Amnes").until_query("actor=act-amnesty-international")
    assert "Amnesty International" in page.text(".chips")


def test_a_plural_finds_what_its_singular_finds_and_the_search_offers_the_filter(site, page):
    def search(text):
        page.open(site + "?view=claims").open_filters()
        page.set_input("f-text", text, commit=False).until_query("q=")
        page.wait(lambda d: " of " in page.title() and page.records("claim"))
        return page.title(), set(shown_claims(page))

    plural = search("crimes against humanity")
    singular = search("crime against humanity")
    assert plural == singular
    assert int(re.search(r"\((\d+) of", singular[0]).group(1)) > 10
    # The words name a legal characterisation: the panel offers it as a filter.
    terms = [c for c in CORPUS["claims"] if "crime-against-humanity" in c.get("legal_terms", [])]
    offer = page.one(".offers button")
    assert offer.text == f"Crime against humanity is also a filter: {len(terms)} claims"
    offer.click()
    page.until_query("term=crime-against-humanity")
    page.until_title(f"Claims ({len(terms)} of {N_CLAIMS})")
    assert "q" not in parse_qs(urlparse(page.d.current_url).query)
