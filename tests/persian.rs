//! Search in Persian: the spellings a Persian reader types for one word find the
//! same records. The fixture `tests/fixtures/fa-corpus.json` is an invented test
//! corpus that writes its words in different forms from record to record (Arabic
//! or Persian yeh and kaf, with or without the zero-width non-joiner, with or
//! without vowel marks, numbers in Persian, Arabic-Indic or Latin digits); each
//! test types every form and expects the same records, named by id.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dossier::corpus::document::Severity;
use dossier::corpus::load;
use dossier::corpus::model::Kind;
use dossier::corpus::validate;
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::{Index, KINDS};

fn fixture_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fa-corpus.json");
    std::fs::read_to_string(path).expect("fixture file")
}

fn fixture() -> Index {
    let accepted = load::accept(load::parse(&fixture_text()).expect("fixture reads"));
    assert!(accepted.rejected.is_empty(), "{:?}", accepted.rejected);
    Index::new(accepted.corpus)
}

fn id(index: &Index, kind: Kind, idx: usize) -> &str {
    let c = &index.corpus;
    match kind {
        Kind::Source => &c.sources[idx].id,
        Kind::Actor => &c.actors[idx].id,
        Kind::Event => &c.events[idx].id,
        Kind::Claim => &c.claims[idx].id,
    }
}

/// The ids of every record, of any kind, that a search for `query` keeps.
fn found(index: &Index, query: &str) -> Vec<String> {
    let filter = Filter {
        text: query.to_string(),
        ..Filter::default()
    };
    let out = Outcome::new(index, &filter, Kind::Event);
    assert!(!out.search_pending, "the text index is built");
    let mut ids = Vec::new();
    for kind in KINDS {
        for idx in 0..index.len(kind) {
            if out.keeps(kind, idx) {
                ids.push(id(index, kind, idx).to_string());
            }
        }
    }
    ids.sort();
    ids
}

/// Every query in `typed` finds exactly the records `expected`.
fn all_find(index: &Index, typed: &[&str], expected: &[&str]) {
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    for query in typed {
        let escaped = query.escape_unicode().to_string();
        assert_eq!(found(index, query), expected, "query {query} ({escaped})");
    }
}

#[test]
fn the_fixture_is_a_valid_persian_corpus() {
    let doc = load::parse(&fixture_text()).expect("fixture reads");
    let problems = validate::check(&doc, None);
    assert!(
        problems.iter().all(|p| p.severity != Severity::Error),
        "{problems:?}"
    );
    let index = fixture();
    assert_eq!(
        KINDS.map(|k| index.len(k)),
        [3, 2, 2, 2],
        "sources, actors, events, claims"
    );
    let sources = &index.corpus.sources;
    assert!(sources.iter().all(|s| s.language.as_deref() == Some("fa")));
    assert!(
        sources.iter().any(|s| s.title.is_ascii()),
        "one English title"
    );
}

#[test]
fn arabic_and_persian_kaf_find_the_same_records() {
    let index = fixture();
    // The report's title has Arabic kaf, the event's Persian kaf.
    all_find(
        &index,
        &[
            "کتابخانه",
            "\u{643}تابخانه",
            "کتابخانه\u{654}",
            "کتابخان\u{6c0}",
            "کت\u{640}ابخانه",
            "کِتابخانه",
        ],
        &["cl-fa-society-open", "ev-fa-opening", "src-fa-bulletin"],
    );
}

#[test]
fn arabic_and_persian_yeh_find_the_same_records() {
    let index = fixture();
    // The letter's title has Arabic yeh; the event and the claim Persian yeh.
    all_find(
        &index,
        &[
            "یادداشت",
            "\u{64a}ادداشت",
            "یادداشت\u{200c}ها",
            "یادداشتها",
            "\u{64a}ادداشت\u{200c}ها",
        ],
        &["cl-fa-maryam-notes", "ev-fa-opening", "src-fa-letter"],
    );
    // A name typed with Arabic yeh (and alef maksura) finds the actor.
    assert_eq!(
        index
            .actor_named("مر\u{64a}م آزمون\u{649}")
            .map(|a| a.id.as_str()),
        Some("act-fa-maryam")
    );
}

#[test]
fn with_or_without_the_zero_width_non_joiner_is_one_word() {
    let index = fixture();
    // One claim's quote has "می‌خواهیم", the other's "میخواهیم".
    all_find(
        &index,
        &[
            "می\u{200c}خواهیم",
            "میخواهیم",
            "م\u{64a}\u{200c}خواه\u{64a}م",
            "م\u{64a}خواه\u{64a}م",
            "می\u{200d}خواهیم",
        ],
        &["cl-fa-maryam-notes", "cl-fa-society-open"],
    );
    // The non-joiner never splits a word: its second half alone finds nothing.
    assert!(found(&index, "خواهیم").is_empty());
}

#[test]
fn with_or_without_vowel_marks_is_one_word() {
    let index = fixture();
    // The actor's name carries vowel marks; the claim's paraphrase does not.
    all_find(
        &index,
        &["مریم", "مَرْیَم", "مَریَم", "مر\u{64a}م"],
        &[
            "act-fa-maryam",
            "cl-fa-maryam-notes",
            "ev-fa-opening",
            "src-fa-letter",
        ],
    );
    // The actor's description has "کِتابدارِ", the event's summary "کتابدار".
    all_find(
        &index,
        &["کتابدار", "کِتابدار", "\u{643}ِتابدار"],
        &["act-fa-maryam", "ev-fa-opening"],
    );
    // Tanwin on the quote's "حتماً".
    all_find(&index, &["حتما", "حتماً"], &["cl-fa-society-open"]);
    // No mark splits a word: what follows the kasra alone finds nothing.
    assert!(found(&index, "تابدار").is_empty());
}

#[test]
fn hamza_forms_and_alef_madda_fold_to_plain_letters() {
    let index = fixture();
    // "مؤسسهٔ" in the claim, "موسسه" in the event.
    all_find(
        &index,
        &["موسسه", "مؤسسه", "مؤسسهٔ"],
        &["cl-fa-maryam-notes", "ev-fa-opening"],
    );
    // "آرشیو" in the event's place and the claim's quote.
    all_find(
        &index,
        &["آرشیو", "ارشیو", "ارش\u{64a}و"],
        &["cl-fa-maryam-notes", "ev-fa-opening"],
    );
}

#[test]
fn persian_arabic_indic_and_latin_digits_are_the_same_number() {
    let index = fixture();
    // ١٩٨٨ in the letter's title, ۱۹۸۸ in the event's, 1988 in the English one.
    all_find(
        &index,
        &["1988", "۱۹۸۸", "١٩٨٨", "۱۹88", "۱۹"],
        &["ev-fa-opening", "src-fa-english-title", "src-fa-letter"],
    );
    // ۱۳۶۷ in the report's title.
    all_find(&index, &["1367", "۱۳۶۷", "١٣٦٧"], &["src-fa-bulletin"]);
}

#[test]
fn every_query_word_must_match_whatever_its_form() {
    let index = fixture();
    all_find(
        &index,
        &[
            "کتابخانه ۱۹۸۸",
            "\u{643}تابخانه 1988",
            "1988 \u{643}تابخانه",
        ],
        &["ev-fa-opening"],
    );
    all_find(
        &index,
        &["library ١٩٨٨", "LIBRARY"],
        &["src-fa-english-title"],
    );
    assert!(found(&index, "کتابخانه 1367 یادداشت").is_empty());
    // The control event holds none of the words searched above.
    assert_eq!(found(&index, "نشست"), ["ev-fa-other"]);
}

fn shipped() -> Index {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.json");
    let text = std::fs::read_to_string(path).expect("shipped corpus");
    let accepted = load::accept(load::parse(&text).expect("shipped corpus reads"));
    Index::new(accepted.corpus)
}

/// The shipped corpus is in English, but gives established Persian names of
/// institutions and people: a Persian reader finds their records by them, in
/// any of the spellings a Persian keyboard types.
#[test]
fn persian_names_find_the_records_of_the_institutions_and_people_they_name() {
    let index = shipped();
    assert_eq!(index.corpus.meta.language(), "en");
    let un = index.find("act-united-nations", Kind::Actor).unwrap();
    assert_eq!(
        index.corpus.actors[un].names_in("fa").collect::<Vec<_>>(),
        ["سازمان ملل متحد"]
    );
    // Every record that involves the United Nations or a body whose Persian
    // name holds its name, found by that name.
    let un_bodies: Vec<usize> = (0..index.len(Kind::Actor))
        .filter(|&a| {
            index.corpus.actors[a]
                .names_in("fa")
                .any(|n| n.contains("سازمان ملل"))
        })
        .collect();
    assert!(
        un_bodies.contains(&un) && un_bodies.len() > 3,
        "{un_bodies:?}"
    );
    let involving: Vec<usize> = un_bodies
        .iter()
        .flat_map(|&a| index.involves[a].iter().map(|&n| n as usize))
        .collect();
    assert!(involving.len() > 10, "{}", involving.len());
    for query in ["سازمان ملل", "سازمان ملل متحد", "سازمان\u{200c} ملل"]
    {
        let filter = Filter {
            text: query.to_string(),
            ..Filter::default()
        };
        let out = Outcome::new(&index, &filter, Kind::Claim);
        for &n in &involving {
            assert!(out.kept.contains(n), "{query} keeps record {n}");
        }
    }
    let events = found(&index, "سازمان ملل");
    assert!(events.contains(&"ev-2016-un-sg-concern-montazeri".to_string()));
    // Arabic yeh and kaf, or no hamza seat, find Raisi as the Persian spelling does.
    for query in ["ابراهيم رئيسي", "ابراهیم رییسی"] {
        let raisi = found(&index, query);
        assert!(raisi.contains(&"act-ebrahim-raisi".to_string()), "{query}");
    }
    // The type-ahead offers and accepts the Persian name.
    let counts = vec![0; index.len(Kind::Actor)];
    let offered = index.actor_suggestions("سازمان ملل", &counts, 20);
    assert!(offered.contains(&un));
    assert_eq!(
        index.actor_named("سازمان ملل متحد").map(|a| a.id.as_str()),
        Some("act-united-nations")
    );
    assert_eq!(
        index.actor_named("دیده‌بان حقوق بشر").map(|a| a.id.as_str()),
        Some("act-human-rights-watch")
    );
}
