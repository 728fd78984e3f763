"""Opening another corpus: from the address (?corpus=), from a file on this device,
and the validator's whole report in the page."""

import copy
import hashlib
import json
import subprocess

from conftest import CORPUS, ROOT

N_EVENTS = len(CORPUS["events"])


def other_corpus(title, drop_events=0):
    other = copy.deepcopy(CORPUS)
    other["meta"]["title"] = title
    if drop_events:
        # Events nothing else points at can go without breaking references.
        cited = {e for c in other["claims"] for e in c.get("events", [])}
        cited |= {r for e in other["events"] for r in e.get("related", [])}
        loose = [e for e in other["events"] if e["id"] not in cited][:drop_events]
        other["events"] = [e for e in other["events"] if e not in loose]
    return other


def choose_file(page, path):
    page.d.execute_script("document.querySelectorAll('details.corpus-bar').forEach(d => d.open = true)")
    page.one("#open-file").send_keys(str(path))


def test_a_corpus_elsewhere_on_the_site_opens_from_the_address(site_copy, page):
    url, corpus_file = site_copy()
    other = other_corpus("Another record", drop_events=2)
    (corpus_file.parent.parent / "corpora").mkdir()
    (corpus_file.parent.parent / "corpora/other.json").write_text(json.dumps(other), encoding="utf-8")
    page.open(url + "?corpus=corpora/other.json")
    assert page.text(".masthead h1") == "Another record"
    assert page.title() == f"Events ({len(other['events'])})"
    assert "corpora/other.json" in page.text(".corpus-bar summary")
    # The choice stays in the address as the reader moves, so shared links open it.
    page.tab("Claims")
    assert "corpus=corpora%2Fother.json" in page.query()
    page.d.refresh()
    assert page.wait_ready().text(".masthead h1") == "Another record"
    # The shipped corpus is one click away.
    page.d.execute_script("document.querySelector('details.corpus-bar').open = true")
    page.one("#open-shipped").click()
    page.wait(lambda d: page.text(".masthead h1") == CORPUS["meta"]["title"])
    assert "corpus=" not in page.query()


def test_only_a_path_on_this_site_is_opened(site, page):
    page.open(site + "?corpus=https%3A%2F%2Fexample.org%2Fc.json")
    message = page.text(".failure")
    assert "not a path on this site" in message
    # From there, the shipped corpus is one click away.
    page.one("#open-shipped").click()
    page.wait_ready().until_title(f"Events ({N_EVENTS})")


def test_a_file_from_this_device_opens_in_the_browser(site, page, tmp_path):
    page.open(site)
    assert "Nothing leaves your browser" in page.d.execute_script(
        "return document.querySelector('.open-corpus').textContent")
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps(other_corpus("My own record", drop_events=1)), encoding="utf-8")
    choose_file(page, mine)
    page.wait(lambda d: page.text(".masthead h1") == "My own record")
    page.until_title(f"Events ({N_EVENTS - 1})")
    assert "mine.json, opened from this device" in page.text(".corpus-bar summary")
    # A byte-order mark, as many editors and spreadsheet exports write, is fine.
    bom = tmp_path / "bom.json"
    bom.write_text("\ufeff" + json.dumps(other_corpus("With a byte-order mark")), encoding="utf-8")
    choose_file(page, bom)
    page.wait(lambda d: page.text(".masthead h1") == "With a byte-order mark")


def test_a_file_that_is_not_a_corpus_says_why_and_another_can_be_chosen(site, page, tmp_path):
    page.open(site)
    broken = tmp_path / "broken.json"
    broken.write_text('{"meta": {"title": "x"},\n  "sources": [1, 2,,]', encoding="utf-8")
    choose_file(page, broken)
    page.wait(lambda d: page.css(".failure"))
    assert "not valid JSON" in page.text(".failure") and "line 2" in page.text(".failure")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(other_corpus("Fixed")), encoding="utf-8")
    page.one("#open-file").send_keys(str(good))
    page.wait(lambda d: page.css(".masthead h1") and page.text(".masthead h1") == "Fixed")


def test_the_whole_validation_report_shows_as_the_command_line_gives_it(site, page, tmp_path):
    bad = copy.deepcopy(CORPUS)
    bad["meta"]["schema_version"] = "2"
    bad["events"][0]["title"] = ""
    bad["claims"][0]["claimant"] = "act-nobody"
    bad["claims"][0]["voice"] = "attributed"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    cli = subprocess.run(["cargo", "run", "--quiet", "--bin", "validate", "--", str(path)],
                         cwd=ROOT, capture_output=True, text=True)
    expected = [line for line in cli.stdout.splitlines() if line.startswith(("error:", "warning:"))]
    assert len(expected) >= 3, cli.stdout
    page.open(site)
    choose_file(page, path)
    page.wait(lambda d: page.css(".report summary"))
    assert page.text(".report summary") == f"Validation report: {len(expected)} errors, 0 warnings"
    page.one(".report summary").click()
    shown = [li.text for li in page.css(".report .problems li")]
    assert shown == expected
    # The good records still work.
    page.until_title(f"Events ({N_EVENTS - 1})")


def test_a_file_dropped_on_the_page_opens(site, page):
    page.open(site)
    text = json.dumps(other_corpus("Dropped in"))
    page.d.execute_script("""
        const data = new DataTransfer();
        data.items.add(new File([arguments[0]], 'dropped.json', {type: 'application/json'}));
        document.body.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
        document.body.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
    """, text)
    page.wait(lambda d: page.css(".masthead h1") and page.text(".masthead h1") == "Dropped in")
    assert "dropped.json, opened from this device" in page.text(".corpus-bar summary")


def test_a_damaged_byte_costs_only_the_claim_that_holds_it(site, page, tmp_path):
    damaged = copy.deepcopy(CORPUS)
    victim = damaged["claims"][3]
    victim["quote"] += " BROKEN"
    data = json.dumps(damaged, ensure_ascii=False).encode("utf-8")
    assert data.count(b"BROKEN") == 1
    # One byte that is not UTF-8, inside the claim's quote.
    data = data.replace(b"BROKEN", b"BRO\xffKEN")
    path = tmp_path / "damaged.json"
    path.write_bytes(data)
    page.open(site)
    choose_file(page, path)
    page.wait(lambda d: page.css("#rejected-title"))
    assert page.text("#rejected-title").startswith("1 record left out")
    page.d.execute_script("document.querySelector('.notice details').open = true")
    named = [li.text for li in page.css(".rejected > li")]
    assert len(named) == 1 and victim["id"] in named[0], named
    assert "is not UTF-8 text" in named[0], named
    # Every other record is there.
    page.until_title(f"Events ({N_EVENTS})")
    page.tab("Claims")
    page.until_title(f"Claims ({len(CORPUS['claims']) - 1})")
    page.tab("Sources")
    page.until_title(f"Sources ({len(CORPUS['sources'])})")


def test_a_corpus_that_is_not_this_sites_says_so_on_every_view(site_copy, page, tmp_path):
    url, corpus_file = site_copy()
    # The shipped corpus shows no notice.
    page.open(url)
    assert not page.css(".elsewhere")
    other = json.dumps(other_corpus("Another record", drop_events=2)).encode("utf-8")
    fingerprint = hashlib.sha256(other).hexdigest()
    (corpus_file.parent.parent / "corpora").mkdir()
    (corpus_file.parent.parent / "corpora/other.json").write_bytes(other)
    page.open(url + "?corpus=corpora/other.json")
    event = next(e for e in CORPUS["events"] if e["id"] in {x for c in CORPUS["claims"] for x in c.get("events", [])})

    def notice():
        text = page.text(".elsewhere")
        assert "not the corpus this site publishes" in text, text
        assert "corpora/other.json" in text and fingerprint in text, text

    notice()
    for tab in ["Claims", "Sources", "Institutions"]:
        page.tab(tab)
        notice()
    page.open(url + "?corpus=corpora/other.json&id=" + event["id"])
    notice()
    # Its citations name that file and its fingerprint.
    page.one("#cite-toggle").click()
    cited = page.one("#cite-text").get_attribute("value")
    assert f"SHA-256 {fingerprint} (not the corpus this site publishes: read from corpora/other.json)" in cited, cited
    # A file from this device says so too, by its name.
    mine = tmp_path / "mine.json"
    mine.write_bytes(other)
    choose_file(page, mine)
    page.wait(lambda d: "mine.json" in page.text(".elsewhere"))
    assert fingerprint in page.text(".elsewhere")
    # Back to the site's own: no notice.
    page.d.execute_script("document.querySelector('details.corpus-bar').open = true")
    page.one("#open-shipped").click()
    page.wait(lambda d: page.text(".masthead h1") == CORPUS["meta"]["title"])
    assert not page.css(".elsewhere")
