//! A reader's copy of each seed source, checked against the shipped corpus: the
//! seed text itself, the same with one quote's words changed, and the same as a
//! saved web page. The seeds sit beside the project (`../shared/seeds`); where
//! they are absent these tests have nothing to check and say so.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use dossier::corpus::copy::{check_copy, quotes_from, Cited, CopyReport, Fingerprint};
use dossier::corpus::model::{Corpus, Source};
use dossier::corpus::text::collapse_whitespace;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn corpus() -> Corpus {
    let text = std::fs::read_to_string(root().join("public/corpus.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Each source with a seed text: the source, its text's bytes, its quotes.
fn seeded() -> Vec<(Source, Vec<u8>, Vec<Cited>)> {
    let seeds = root().join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("no seed texts beside the project: nothing to check");
        return Vec::new();
    }
    let c = corpus();
    let all_events: Vec<usize> = (0..c.events.len()).collect();
    let all_claims: Vec<usize> = (0..c.claims.len()).collect();
    c.sources
        .iter()
        .filter_map(|s| {
            let bytes = std::fs::read(seeds.join(s.text_file.as_ref()?)).ok()?;
            let quotes = quotes_from(&c, &s.id, &all_events, &all_claims);
            Some((s.clone(), bytes, quotes))
        })
        .collect()
}

fn check(source: &Source, bytes: &[u8], quotes: &[Cited]) -> CopyReport {
    check_copy(bytes, source.text_sha256.as_deref(), quotes.to_vec())
}

#[test]
fn each_seed_text_is_identical_with_every_quote_found() {
    let seeded = seeded();
    for (source, bytes, quotes) in &seeded {
        assert!(!quotes.is_empty(), "{} gives quotes", source.id);
        let r = check(source, bytes, quotes);
        assert_eq!(r.fingerprint, Fingerprint::Identical, "{}", source.id);
        assert!(!r.html);
        let missing: Vec<&str> = r
            .quotes
            .iter()
            .filter(|q| q.found.is_none())
            .map(|q| q.cited.quote.as_str())
            .collect();
        assert!(missing.is_empty(), "{}: {missing:?}", source.id);
        // Each highlight is a stretch of the text itself.
        let text = String::from_utf8_lossy(bytes);
        for q in &r.quotes {
            let f = q.found.as_ref().unwrap();
            assert!(text.contains(&f.matched), "{:?}", f.matched);
            assert_eq!(
                collapse_whitespace(&f.matched),
                collapse_whitespace(&q.cited.quote)
            );
        }
    }
    if !seeded.is_empty() {
        assert_eq!(seeded.len(), 5, "the five seed sources");
    }
}

/// A word of the quote (its longest), changed in the text where the quote stands.
fn with_one_quote_changed(text: &str, quote: &str) -> Option<String> {
    let at = text.find(quote)?;
    let word = quote
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .max_by_key(|w| w.len())?;
    let changed = quote.replacen(word, "elsewhere", 1);
    Some(format!(
        "{}{changed}{}",
        &text[..at],
        &text[at + quote.len()..]
    ))
}

#[test]
fn a_quote_with_its_words_changed_is_not_found_and_the_copy_differs() {
    for (source, bytes, quotes) in seeded() {
        let text = String::from_utf8(bytes).unwrap();
        // A quote that stands in the text once, as the corpus writes it.
        let (i, edited) = quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| text.matches(q.quote.as_str()).count() == 1)
            .find_map(|(i, q)| Some((i, with_one_quote_changed(&text, &q.quote)?)))
            .unwrap();
        let r = check(&source, edited.as_bytes(), &quotes);
        assert_eq!(r.fingerprint, Fingerprint::Different, "{}", source.id);
        assert!(r.quotes[i].found.is_none(), "{}", quotes[i].quote);
        // Every other quote is found unless it shares the changed words.
        let flat = collapse_whitespace(&edited);
        for (_, q) in r.quotes.iter().enumerate().filter(|&(j, _)| j != i) {
            let there = flat.contains(&collapse_whitespace(&q.cited.quote));
            assert_eq!(q.found.is_some(), there, "{}", q.cited.quote);
        }
        assert!(r.found() < quotes.len());
    }
}

/// The text as a browser saves it: a page with each paragraph set in <p>,
/// its marks written as entities, and a script and styles around it.
fn as_web_page(text: &str) -> String {
    let mut page = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Saved</title>\n\
         <style>p { margin: 0 }</style><script>var s = '<p>';</script></head>\n<body>\n",
    );
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\u{2019}', "&rsquo;")
            .replace('\u{201c}', "&ldquo;")
            .replace('\u{201d}', "&#8221;")
            .replace('\u{2014}', "&#x2014;");
        page.push_str(&format!("<p class=\"para\">\n  {escaped}\n</p>\n"));
    }
    page.push_str("</body></html>\n");
    page
}

#[test]
fn a_saved_web_page_of_each_seed_text_finds_every_quote() {
    for (source, bytes, quotes) in seeded() {
        let page = as_web_page(&String::from_utf8(bytes).unwrap());
        let r = check(&source, page.as_bytes(), &quotes);
        assert!(r.html, "{}", source.id);
        assert_eq!(r.fingerprint, Fingerprint::Different);
        assert_eq!(r.found(), quotes.len(), "{}", source.id);
        // The highlight is the page's text, its entities decoded.
        for q in &r.quotes {
            let matched = &q.found.as_ref().unwrap().matched;
            assert!(
                !matched.contains('&') || q.cited.quote.contains('&'),
                "{matched}"
            );
        }
    }
}

#[test]
fn a_seed_text_with_a_letter_changed_in_case_does_not_match() {
    for (source, bytes, quotes) in seeded() {
        let text = String::from_utf8(bytes).unwrap();
        let q = quotes
            .iter()
            .find(|q| {
                text.matches(q.quote.as_str()).count() == 1 && q.quote.contains(char::is_lowercase)
            })
            .unwrap();
        let at = text.find(&q.quote).unwrap();
        let (off, c) = q
            .quote
            .char_indices()
            .find(|(_, c)| c.is_lowercase())
            .unwrap();
        let upper: String = c.to_uppercase().collect();
        let edited = format!(
            "{}{upper}{}",
            &text[..at + off],
            &text[at + off + c.len_utf8()..]
        );
        let r = check(&source, edited.as_bytes(), std::slice::from_ref(q));
        assert!(r.quotes[0].found.is_none(), "{}", q.quote);
    }
}
