//! The static first page the app's page carries: the same records, in the same
//! order, as the app's first page for an address with no filter; nothing from the
//! corpus is markup; and it stays one page however large the corpus.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::path::Path;

use dossier::corpus::load;
use dossier::corpus::model::Kind;
use dossier::i18n::Lang;
use dossier::publish::first_page::{first_page, in_every_language};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::order::ClaimOrder;
use dossier::query::url_state::PAGE_SIZE;

fn shipped() -> Index {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/corpus.json");
    let text = std::fs::read_to_string(path).unwrap();
    Index::new(load::accept(load::parse(&text).unwrap()).corpus)
}

/// The record ids the page links to, in order.
fn linked_ids(html: &str) -> Vec<String> {
    html.split("<a href=\"?")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .filter_map(|query| query.split("&amp;").find_map(|p| p.strip_prefix("id=")))
        .map(String::from)
        .collect()
}

/// What the app lists first for an address with no filter.
fn app_first_page(index: &Index) -> Vec<String> {
    let outcome = Outcome::new(index, &Filter::default(), Kind::Event);
    let listing = outcome.listing(index, Kind::Event, ClaimOrder::Date);
    listing
        .items
        .iter()
        .take(PAGE_SIZE)
        .map(|&e| index.corpus.events[e as usize].id.clone())
        .collect()
}

#[test]
fn it_shows_the_records_the_app_shows_first_in_the_same_order() {
    let index = shipped();
    let html = first_page(&index, Lang::En);
    let ids = linked_ids(&html);
    assert!(!ids.is_empty());
    assert_eq!(ids, app_first_page(&index));
    // Dated as the app dates them, under year headings.
    let first = index.event(&ids[0]).unwrap();
    let date = Lang::En.date_spec(first.date.as_ref().unwrap());
    assert!(
        html.contains(&format!("<p class=\"meta\">{date}</p>")),
        "{date}"
    );
    assert!(
        html.contains("<h3>1988</h3>") || html.contains("<h3>19"),
        "year headings"
    );
}

#[test]
fn each_language_has_its_own_block_with_its_own_words() {
    let index = shipped();
    let both = in_every_language(&index);
    assert!(both.contains("id=\"first-page-en\"") && both.contains("id=\"first-page-fa\""));
    let fa = first_page(&index, Lang::Fa);
    assert!(
        fa.contains("dir=\"rtl\"") && fa.contains("رویدادها"),
        "{}",
        &fa[..300]
    );
    assert_eq!(linked_ids(&fa), linked_ids(&first_page(&index, Lang::En)));
}

#[test]
fn corpus_text_is_never_markup() {
    let mut corpus = synth::generate(40, 3);
    corpus.events[0].title = "<script>alert(1)</script> & \"more\"".into();
    corpus.events[0].summary = "<img src=x onerror=alert(1)>".into();
    let index = Index::new(corpus);
    let html = first_page(&index, Lang::En);
    assert!(!html.contains("<script>") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"));
}

#[test]
fn it_stays_one_page_however_large_the_corpus() {
    let index = Index::new(synth::generate(20_000, 7));
    let html = first_page(&index, Lang::En);
    assert_eq!(linked_ids(&html).len(), PAGE_SIZE);
    assert_eq!(linked_ids(&html), app_first_page(&index));
    assert!(html.len() < 60_000, "{} bytes", html.len());
}
