//! The plain HTML edition: every record has a page, every link leads somewhere,
//! nothing from the corpus is ever markup, and the same corpus gives the same bytes.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::Command;

use dossier::corpus::load;
use dossier::corpus::model::{Corpus, Kind};
use dossier::publish::plain;
use dossier::query::index::Index;

fn shipped() -> Index {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/corpus.json");
    let text = std::fs::read_to_string(path).expect("the shipped corpus reads");
    let accepted = load::accept(load::parse(&text).expect("the shipped corpus is a corpus"));
    assert!(accepted.rejected.is_empty(), "{:?}", accepted.rejected);
    Index::new(accepted.corpus)
}

/// The fixture corpus, read without validation so a test may plant what
/// validation would refuse.
fn fixture() -> Corpus {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.json");
    let text = std::fs::read_to_string(path).expect("the fixture reads");
    serde_json::from_str(&text).expect("the fixture is a corpus")
}

fn edition(index: &Index) -> BTreeMap<String, String> {
    plain::files(index).into_iter().collect()
}

/// Every `href="..."` in a page.
fn hrefs(page: &str) -> Vec<&str> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn every_record_of_the_shipped_corpus_has_a_page() {
    let index = shipped();
    let files = edition(&index);
    let c = &index.corpus;
    let ids = c.events.iter().map(|r| &r.id);
    let ids = ids.chain(c.claims.iter().map(|r| &r.id));
    let ids = ids.chain(c.sources.iter().map(|r| &r.id));
    let ids = ids.chain(c.actors.iter().map(|r| &r.id));
    for id in ids {
        assert!(
            files.contains_key(&format!("{id}.html")),
            "no page for {id}"
        );
    }
    for name in [
        "index.html",
        "plain.css",
        "events.html",
        "claims.html",
        "sources.html",
        "actors.html",
    ] {
        assert!(files.contains_key(name), "no {name}");
    }
    assert!(plain::left_out(&index).is_empty());
}

#[test]
fn every_link_leads_to_a_page_of_the_edition_or_the_app() {
    let index = shipped();
    let files = edition(&index);
    let mut checked = 0;
    for (name, page) in &files {
        for href in hrefs(page) {
            checked += 1;
            if href == "../" || href == "../public/corpus.json" || href == "plain.css" {
                continue;
            }
            assert!(
                !href.contains('/') && !href.contains(':'),
                "{name}: unexpected link {href}"
            );
            let file = href.split('#').next().unwrap_or(href);
            assert!(files.contains_key(file), "{name}: broken link {href}");
        }
    }
    assert!(checked > 1000, "only {checked} links");
    let app = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(app.join("index.html").exists() && app.join("public/corpus.json").exists());
}

#[test]
fn every_page_is_a_whole_document_without_scripts() {
    let index = shipped();
    for (name, page) in edition(&index) {
        if name == "plain.css" {
            continue;
        }
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{name}"
        );
        for needle in [
            "<meta charset=\"utf-8\">",
            "name=\"viewport\"",
            &format!("content=\"{}\"", plain::CSP),
            "<meta name=\"referrer\" content=\"no-referrer\">",
            "<title>",
            "<header>",
            "<nav ",
            "<main>",
            "<h1>",
        ] {
            assert!(page.contains(needle), "{name} lacks {needle}");
        }
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script"), "{name} has a script");
        for tag in lower.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            let attributes = tag.split_whitespace().skip(1);
            for name_part in attributes.map(|a| a.split('=').next().unwrap_or(a)) {
                assert!(!name_part.starts_with("on"), "{name}: <{tag}>");
            }
        }
        assert!(
            !lower.contains("http://") && !lower.contains("https://"),
            "{name}"
        );
        assert_eq!(lower.matches("<h1>").count(), 1, "{name}");
        // Headings go down one level at a time.
        let levels: Vec<u8> = lower
            .match_indices("<h")
            .filter_map(|(i, _)| lower.as_bytes().get(i + 2).copied())
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        for pair in levels.windows(2) {
            assert!(pair[1] <= pair[0] + 1, "{name}: heading levels {levels:?}");
        }
    }
}

#[test]
fn hostile_text_comes_out_escaped() {
    let mut corpus = fixture();
    corpus.sources[0].title = "<img src=x onerror=alert(1)>".into();
    corpus.sources[0].note = Some("\" onmouseover=\"alert(1)".into());
    corpus.actors[0].name = "<script>alert('x')</script>".into();
    let files = edition(&Index::new(corpus));
    let all: String = files.values().cloned().collect();
    assert!(!all.contains("<img"));
    assert!(!all.to_lowercase().contains("<script"));
    assert!(!all.contains("\" onmouseover"));
    let source = &files["src-report.html"];
    assert!(source.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(source.contains("&quot; onmouseover=&quot;alert(1)"));
    assert!(all.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
}

#[test]
fn only_http_urls_are_links() {
    let mut corpus = fixture();
    corpus.sources[0].url = Some("javascript:alert(1)".into());
    corpus.sources[1].url = Some("https://example.org/a?b=1&c=2".into());
    let files = edition(&Index::new(corpus));
    let report = &files["src-report.html"];
    assert!(report.contains("<dd>javascript:alert(1)</dd>"));
    assert!(!report.contains("href=\"javascript"));
    let minutes = &files["src-minutes.html"];
    assert!(minutes
        .contains("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">"));
    assert!(minutes.contains("The document gives no title; this is a description."));
}

#[test]
fn an_id_that_is_not_a_slug_gets_no_page_and_no_link() {
    let mut corpus = fixture();
    corpus.actors[0].id = "../../evil".into();
    corpus.sources[0].publisher = Some("../../evil".into());
    corpus.actors[1].id = "claims-2".into();
    let index = Index::new(corpus);
    let files = edition(&index);
    assert!(files.keys().all(|k| !k.contains('/')));
    assert!(!files.values().any(|p| p.contains("evil.html")));
    assert_eq!(plain::left_out(&index), ["../../evil", "claims-2"]);
    assert!(!files.contains_key("claims-2.html"));
    assert!(!files.values().any(|p| p.contains("href=\"claims-2.html\"")));
}

#[test]
fn a_claim_page_names_its_claimant_and_the_reporting_source() {
    let index = shipped();
    let files = edition(&index);
    let claim = index
        .corpus
        .claims
        .iter()
        .find(|c| !c.in_author_voice() && c.claimant.is_some())
        .expect("an attributed claim");
    let page = &files[&format!("{}.html", claim.id)];
    let claimant = claim.claimant.as_deref().and_then(|id| index.actor(id));
    let claimant = claimant.expect("the claimant is an actor");
    let source = index.source(&claim.reported_in).expect("its source");
    assert!(page.contains(&format!(
        "<dt>Claimed by</dt><dd><a href=\"{}.html\">{}</a></dd>",
        claimant.id,
        plain::escape(&claimant.name)
    )));
    assert!(page.contains(&format!(
        "<dt>Reported in</dt><dd><a href=\"{}.html\">{}</a></dd>",
        source.id,
        plain::escape(&source.title)
    )));
    assert!(page.contains(&plain::escape(&claim.quote)));
    // A claim in the reporting article's own voice says so.
    let own = index.corpus.claims.iter().find(|c| c.in_author_voice());
    if let Some(own) = own {
        let page = &files[&format!("{}.html", own.id)];
        assert!(page.contains("(the reporting article’s own voice)</dd>"));
    }
}

#[test]
fn lists_follow_the_app_order() {
    let index = shipped();
    let files = edition(&index);
    for (kind, file) in [
        (Kind::Event, "events.html"),
        (Kind::Claim, "claims.html"),
        (Kind::Source, "sources.html"),
        (Kind::Actor, "actors.html"),
    ] {
        let page = &files[file];
        let order: Vec<&str> = hrefs(page)
            .into_iter()
            .filter(|h| {
                index
                    .lookup(h.trim_end_matches(".html"))
                    .is_some_and(|r| r.kind == kind)
            })
            .collect();
        let order: Vec<String> = order.iter().map(|h| h.replace(".html", "")).collect();
        let order: Vec<&String> = {
            let mut seen = HashSet::new();
            order.iter().filter(|h| seen.insert(*h)).collect()
        };
        let expected = match kind {
            Kind::Event => &index.orders.events,
            Kind::Claim => &index.orders.claims_by_date,
            Kind::Source => &index.orders.sources,
            Kind::Actor => &index.orders.actors,
        };
        let expected: Vec<usize> = expected.iter().map(|&i| i as usize).collect();
        let expected = index.ids(kind, &expected);
        let expected: Vec<&String> = expected.iter().collect();
        assert_eq!(order, expected, "{file}");
    }
}

#[test]
fn long_lists_are_split_over_linked_pages() {
    let index = Index::new(synth::generate(6000, 7));
    let claims = index.corpus.claims.len();
    assert!(claims > plain::LIST_PAGE_SIZE * 2, "{claims} claims");
    let files = edition(&index);
    let pages = claims.div_ceil(plain::LIST_PAGE_SIZE);
    let last = format!("claims-{pages}.html");
    assert!(files.contains_key(&last), "no {last}");
    assert!(!files.contains_key(&format!("claims-{}.html", pages + 1)));
    assert!(files["claims.html"].contains("<a rel=\"next\" href=\"claims-2.html\">"));
    assert!(files["claims-2.html"].contains("<a rel=\"prev\" href=\"claims.html\">"));
    assert!(!files[&last].contains("rel=\"next\""));
    let listed: usize = (1..=pages)
        .map(|p| {
            let name = if p == 1 {
                "claims.html".into()
            } else {
                format!("claims-{p}.html")
            };
            files[&name].matches("<li><p class=\"meta\">").count()
        })
        .sum();
    assert_eq!(listed, claims);
}

#[test]
fn the_same_corpus_gives_the_same_bytes() {
    let a = plain::files(&shipped());
    let b = plain::files(&shipped());
    assert_eq!(a, b);
}

/// Runs the `plain-edition` command with `args`, which must succeed; what it printed.
fn plain_edition(args: &[&std::ffi::OsStr]) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_plain-edition"))
        .args(args)
        .output()
        .expect("runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).to_string()
}

#[test]
fn the_command_writes_the_edition_and_refuses_bad_arguments() {
    let exe = env!("CARGO_BIN_EXE_plain-edition");
    let out = std::env::temp_dir().join(format!("plain-edition-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.json");
    let said = plain_edition(&[corpus.as_os_str(), out.as_os_str()]);
    assert!(said.contains(" files, "), "{said}");
    assert!(out.join("index.html").exists() && out.join("src-report.html").exists());
    // Every page names the exact corpus file it was made from, and a source
    // page its text's fingerprint and archived copy.
    let fingerprint = dossier::corpus::sha256::sha256_hex(&std::fs::read(&corpus).unwrap());
    for name in ["index.html", "claims.html", "src-report.html"] {
        let page = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(
            page.contains(&format!(
                "SHA-256 of corpus.json: <code>{fingerprint}</code>"
            )),
            "{name}"
        );
    }
    let source = std::fs::read_to_string(out.join("src-report.html")).unwrap();
    assert!(
        source.contains("<dt>Text SHA-256</dt><dd><code>91e8874112263a51"),
        "{source}"
    );
    assert!(
        source.contains("<dt>Archived copy</dt><dd><a href=\"https://web.archive.org/web/20161001120000/https://example.org/report\""),
        "{source}"
    );
    let _ = std::fs::remove_dir_all(&out);

    let none = Command::new(exe).output().expect("runs");
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("usage: plain-edition"));
    let missing = Command::new(exe)
        .args(["/nonexistent/corpus.json", "/tmp/x"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

/// The single file's content for readers without JavaScript: every list with its
/// records, as text, and no link to a page that is not beside the file.
#[test]
fn the_standalone_content_lists_records_and_links_nowhere() {
    let index = shipped();
    let c = &index.corpus;
    let html = plain::standalone(&index, 1000);
    assert!(html.contains(&plain::escape(&c.meta.title)));
    for e in &c.events {
        assert!(html.contains(&plain::escape(&e.summary)), "{}", e.id);
    }
    for s in &c.sources {
        assert!(html.contains(&plain::escape(&s.title)), "{}", s.id);
    }
    // External links (http) may stay; no link to an edition page.
    for href in hrefs(&html) {
        assert!(href.starts_with("http"), "a link to {href}");
    }
    assert!(!html.contains("<script"));
    // A long list shows its first records and says how many there are.
    let short = plain::standalone(&index, 2);
    assert!(short.contains(&format!("The first 2 of {}", c.claims.len())));
    assert_eq!(short.matches("<li>").count(), 8);
}

/// Above its cap of records the command writes no pages, says why, and the app's
/// page then offers no link to an edition or a whole file the site does not carry.
#[test]
fn over_its_cap_the_command_writes_no_edition_and_the_page_links_only_what_is_there() {
    let dir = std::env::temp_dir().join(format!("plain-edition-cap-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.json");
    let template =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    let run = |flags: &[&str]| {
        let (out, page) = (dir.join("plain"), dir.join("index.html"));
        let _ = std::fs::remove_dir_all(&out);
        std::fs::write(&page, &template).unwrap();
        let mut args: Vec<&std::ffi::OsStr> = flags.iter().map(std::ffi::OsStr::new).collect();
        args.extend([corpus.as_os_str(), out.as_os_str(), page.as_os_str()]);
        let said = plain_edition(&args);
        let noscript = std::fs::read_to_string(&page).unwrap();
        let noscript = noscript
            .split("<noscript>")
            .nth(1)
            .unwrap()
            .split("</noscript>")
            .next()
            .unwrap()
            .to_string();
        (out.join("index.html").exists(), noscript, said)
    };
    let (written, noscript, _) = run(&[]);
    assert!(written);
    assert!(
        noscript.contains("href=\"plain/index.html\"")
            && noscript.contains("href=\"public/corpus.json\""),
        "{noscript}"
    );
    let (written, noscript, said) = run(&["--max-records", "3", "--no-whole"]);
    assert!(!written, "an edition over its cap");
    assert!(said.contains("no plain edition"), "{said}");
    assert!(
        !noscript.contains("plain/index.html") && !noscript.contains("public/corpus.json"),
        "{noscript}"
    );
    assert!(noscript.contains("parts/manifest.json"), "{noscript}");
    let (written, _, _) = run(&["--max-records", "100000"]);
    assert!(written, "under its cap");
    let _ = std::fs::remove_dir_all(&dir);
}
