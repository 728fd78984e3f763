"""The record taken away: exports made in the browser, citations, print."""

import csv
import hashlib
import io
import json
import subprocess
import time

from conftest import CORPUS, ROOT
from selenium.webdriver.common.by import By

TOLLS = [c for c in CORPUS["claims"] if c["kind"] == "death-toll"]
FINGERPRINT = hashlib.sha256((ROOT / "public/corpus.json").read_bytes()).hexdigest()


def downloads_to(page, folder):
    page.d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})


def downloaded(folder, pattern, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        done = [p for p in folder.glob(pattern) if not p.name.endswith(".crdownload")]
        if done:
            time.sleep(0.2)  # let the browser finish writing it
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no download matching {pattern} in {folder}: {list(folder.iterdir())}")


def export(page, button_text):
    page.d.execute_script("document.querySelector('details.takeaway').open = true")
    button = next(b for b in page.css(".export button") if b.text == button_text)
    page.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()


def test_the_filtered_view_exports_as_a_corpus_the_validator_accepts(site, page, tmp_path):
    downloads_to(page, tmp_path)
    page.open(site + "?view=claims&claim=death-toll")
    page.until_title(f"Claims ({len(TOLLS)} of")
    export(page, "All of it as a corpus (JSON)")
    path = downloaded(tmp_path, "dossier-corpus-filtered-*.json")
    cli = subprocess.run(["cargo", "run", "--quiet", "--bin", "validate", "--", str(path)],
                         cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert "0 error(s)" in cli.stdout
    exported = json.loads(path.read_text(encoding="utf-8"))
    # The kept claims exactly, with everything they rest on, and the filter recorded.
    assert sorted(c["id"] for c in exported["claims"]) == sorted(c["id"] for c in TOLLS)
    ids = {r["id"] for k in ("sources", "actors", "events") for r in exported[k]}
    for c in TOLLS:
        assert c["reported_in"] in ids and all(e in ids for e in c.get("events", []))
    assert "claim=death-toll" in exported["meta"]["filter"]
    assert "Death toll" in exported["meta"]["description"]


def test_each_kind_exports_as_csv_with_a_header_row(site, page, tmp_path):
    downloads_to(page, tmp_path)
    page.open(site + "?view=claims&claim=death-toll")
    page.until_title(f"Claims ({len(TOLLS)} of")
    export(page, "Claims (CSV)")
    path = downloaded(tmp_path, "dossier-claims-filtered-*.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert "id" in header and "paraphrase" in header
    assert sorted(r[header.index("id")] for r in body) == sorted(c["id"] for c in TOLLS)
    figures = {r[header.index("id")]: r for r in body}
    first = TOLLS[0]
    assert first["death_toll"]["as_written"] in figures[first["id"]]
    # Unfiltered, the name says so.
    page.open(site + "?view=sources")
    export(page, "Sources (CSV)")
    path = downloaded(tmp_path, "dossier-sources-2*.csv")
    assert len(list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))) == len(CORPUS["sources"]) + 1


def test_every_record_can_be_cited_with_its_stable_link_and_copied(site, page):
    claim = next(c for c in CORPUS["claims"] if c.get("claimant") and c["voice"] == "attributed")
    claimant = next(a for a in CORPUS["actors"] if a["id"] == claim["claimant"])
    source = next(s for s in CORPUS["sources"] if s["id"] == claim["reported_in"])
    page.d.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    page.open(site + "?view=claims&claim=death-toll&id=" + claim["id"])
    page.one("#cite-toggle").click()
    text = page.one("#cite-text").get_attribute("value")
    assert claimant["name"] in text and source["title"] in text
    # The stable link names the record alone, not the filters in force.
    assert f"?id={claim['id']}" in text and "claim=death-toll" not in text
    assert "accessed" in text and CORPUS["meta"]["title"] in text
    page.one("#cite-copy").click()
    page.wait(lambda d: page.text(".cite [role=status]") == "Copied.")
    copied = page.d.execute_async_script("navigator.clipboard.readText().then(arguments[0])")
    assert copied == text
    # A source's citation carries its own citation data: here, its UN symbol.
    un = next(s for s in CORPUS["sources"] if any(i["scheme"] == "un-symbol" for i in s.get("identifiers", [])))
    symbol = next(i["value"] for i in un["identifiers"] if i["scheme"] == "un-symbol")
    page.open(site + "?id=" + un["id"])
    page.one("#cite-toggle").click()
    assert symbol in page.one("#cite-text").get_attribute("value")


def test_a_filtered_view_prints_as_a_clean_dossier(site, site_copy, page):
    page.open(site + "?view=claims&claim=death-toll")
    page.until_title(f"Claims ({len(TOLLS)} of")
    page.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not page.one("aside.filters").is_displayed()
        assert not page.one("nav[aria-label='Views']").is_displayed()
        header = page.one(".print-header")
        assert header.is_displayed()
        assert "Filters applied:" in header.text and "Claim kinds: Death toll" in header.text
        # Each link's address is written after it: a record's id, an outside link's URL.
        link = page.one("li.record h4 a")
        after = page.d.execute_script("return getComputedStyle(arguments[0], '::after').content", link)
        assert link.get_attribute("data-id") in after
        linked = json.loads(json.dumps(CORPUS))
        linked["sources"][0]["url"] = "https://example.org/report"
        url, _ = site_copy(json.dumps(linked))
        page.open(url + "?id=" + linked["sources"][0]["id"])
        out = page.one(".detail a[href^='http']")
        after = page.d.execute_script("return getComputedStyle(arguments[0], '::after').content", out)
        assert out.get_attribute("href").rstrip("/") in after
    finally:
        page.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert page.one("aside.filters").is_displayed()
    assert not page.css(".print-header") or not page.one(".print-header").is_displayed()
    assert page.css("li.record") or page.css(".detail")
    assert page.d.find_elements(By.CSS_SELECTOR, "main#main")


def test_the_corpus_fingerprint_is_shown_and_carried_in_everything_taken_away(site, page, tmp_path):
    downloads_to(page, tmp_path)
    page.open(site + "?view=claims&claim=death-toll")
    page.until_title(f"Claims ({len(TOLLS)} of")
    # The bar names the version and the file's SHA-256 (shortened; whole inside).
    bar = page.text(".corpus-bar summary")
    assert f"version {CORPUS['meta']['version']}" in bar and f"SHA-256 {FINGERPRINT[:12]}" in bar, bar
    page.d.execute_script("document.querySelector('details.corpus-bar').open = true")
    assert page.text("#corpus-sha256") == FINGERPRINT
    export(page, "All of it as a corpus (JSON)")
    exported = json.loads(downloaded(tmp_path, "dossier-corpus-filtered-*.json").read_text(encoding="utf-8"))
    assert exported["meta"]["exported_from"] == FINGERPRINT
    export(page, "Claims (CSV)")
    path = downloaded(tmp_path, "dossier-claims-filtered-*.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    column = rows[0].index("corpus sha256")
    assert len(rows) == len(TOLLS) + 1 and all(r[column] == FINGERPRINT for r in rows[1:])
    page.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert FINGERPRINT in page.one(".print-header").text
    finally:
        page.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    page.open(site + "?id=" + TOLLS[0]["id"])
    page.one("#cite-toggle").click()
    text = page.one("#cite-text").get_attribute("value")
    assert f"version {CORPUS['meta']['version']}, SHA-256 {FINGERPRINT}" in text, text
