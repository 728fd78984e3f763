//! Exports and citations: a filtered export is a corpus the app accepts whole,
//! holding exactly the kept records and what they need; CSVs are RFC 4180 with
//! the formula guard; citations attribute claims and cite sources properly.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::collections::{HashMap, HashSet};

use dossier::corpus::document::Severity;
use dossier::corpus::load;
use dossier::corpus::model::{Corpus, Kind};
use dossier::corpus::sha256::sha256_hex;
use dossier::corpus::validate;
use dossier::publish::cite::citation;
use dossier::publish::export::{self, csv_field, describe_filter, file_name, filtered_corpus};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::{Index, RecordRef};
use dossier::query::order::ClaimOrder;

const KINDS: [Kind; 4] = [Kind::Source, Kind::Actor, Kind::Event, Kind::Claim];
const DATE: &str = "2026-11-23";

fn shipped_corpus() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.json");
    let text = std::fs::read_to_string(path).expect("corpus file");
    let accepted = load::accept(load::parse(&text).expect("corpus reads"));
    assert!(accepted.rejected.is_empty(), "{:?}", accepted.rejected);
    accepted.corpus
}

/// The shipped corpus, fingerprinted as the app fingerprints the file it reads.
fn shipped() -> Index {
    let mut index = Index::new(shipped_corpus());
    index.fingerprint = Some(shipped_fingerprint());
    index
}

fn shipped_fingerprint() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.json");
    sha256_hex(&std::fs::read(path).expect("corpus file"))
}

fn generated() -> Index {
    Index::new(synth::generate(3000, 5))
}

/// The actor in the most records: a filter that keeps a good share.
fn busiest_actor(index: &Index) -> String {
    let a = (0..index.len(Kind::Actor))
        .max_by_key(|&a| index.involves[a].len())
        .expect("actors");
    index.corpus.actors[a].id.clone()
}

/// A word of the first claim's paraphrase, for a search.
fn some_word(index: &Index) -> String {
    index.corpus.claims[0]
        .paraphrase
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.chars().count() >= 5)
        .expect("a word")
        .to_lowercase()
}

fn filters(index: &Index, word: &str) -> Vec<(Filter, &'static str)> {
    vec![
        (Filter::default(), ""),
        (
            Filter {
                claim_kinds: vec!["death-toll".into()],
                ..Filter::default()
            },
            "?view=claims&claim=death-toll",
        ),
        (
            Filter {
                actors: vec![busiest_actor(index)],
                ..Filter::default()
            },
            "?actor=busiest",
        ),
        (
            Filter {
                from: "1988".into(),
                to: "2016-09".into(),
                ..Filter::default()
            },
            "?from=1988&to=2016-09",
        ),
        (
            Filter {
                text: word.to_string(),
                ..Filter::default()
            },
            "?q=word",
        ),
    ]
}

/// Each record's required links, by id, as the exported file has them.
fn required_links(corpus: &Corpus) -> HashMap<String, Vec<String>> {
    let mut links: HashMap<String, Vec<String>> = HashMap::new();
    for s in &corpus.sources {
        let to = s.publisher.iter().chain(&s.authors).cloned().collect();
        links.insert(s.id.clone(), to);
    }
    for a in &corpus.actors {
        let to = a
            .roles
            .iter()
            .flat_map(|r| std::iter::once(r.source.clone()).chain(r.of.clone()))
            .collect();
        links.insert(a.id.clone(), to);
    }
    for e in &corpus.events {
        let to = e
            .evidence
            .iter()
            .map(|x| x.source.clone())
            .chain(e.actors.iter().map(|p| p.actor.clone()))
            .collect();
        links.insert(e.id.clone(), to);
    }
    for c in &corpus.claims {
        let to = std::iter::once(c.reported_in.clone())
            .chain(c.via.clone())
            .chain(c.claimant.clone())
            .chain(c.relayed_by.clone())
            .chain(c.events.iter().cloned())
            .collect();
        links.insert(c.id.clone(), to);
    }
    links
}

fn ids_of(corpus: &Corpus) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(corpus.sources.iter().map(|r| r.id.clone()));
    ids.extend(corpus.actors.iter().map(|r| r.id.clone()));
    ids.extend(corpus.events.iter().map(|r| r.id.clone()));
    ids.extend(corpus.claims.iter().map(|r| r.id.clone()));
    ids
}

fn kept_ids(index: &Index, outcome: &Outcome) -> HashSet<String> {
    let mut kept = HashSet::new();
    for kind in KINDS {
        for idx in 0..index.len(kind) {
            if outcome.keeps(kind, idx) {
                kept.insert(index.id(RecordRef { kind, idx }).to_string());
            }
        }
    }
    kept
}

fn check_exports(index: &Index, name: &str) {
    let word = some_word(index);
    let mut smaller = false;
    for (filter, query) in filters(index, &word) {
        let outcome = Outcome::new(index, &filter, Kind::Event);
        let kept = kept_ids(index, &outcome);
        assert!(
            !kept.is_empty(),
            "{name} {filter:?}: the filter keeps nothing"
        );
        let exported = filtered_corpus(index, &outcome, &filter, query, DATE);

        // Written in the schema's layout and read back, it is accepted whole.
        let json = export::to_json(&exported, false);
        assert!(!json.contains("null"), "{name}: empty fields are left out");
        let doc = load::parse(&json).expect("the export reads");
        let errors: Vec<String> = validate::check(&doc, None)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.describe())
            .collect();
        assert!(errors.is_empty(), "{name} {filter:?}: {errors:?}");
        let accepted = load::accept(doc);
        assert!(
            accepted.rejected.is_empty(),
            "{name} {filter:?}: {:?}",
            accepted.rejected
        );
        assert_eq!(accepted.corpus, exported, "{name}: reads back as written");

        // It holds every kept record...
        let ids = ids_of(&exported);
        let held: HashSet<&String> = ids.iter().collect();
        assert_eq!(held.len(), ids.len(), "{name}: no id twice");
        for id in &kept {
            assert!(held.contains(id), "{name} {filter:?}: kept {id} missing");
        }
        // ...and nothing else but what the kept records need, followed transitively.
        let links = required_links(&exported);
        let mut reached: HashSet<String> = kept.clone();
        let mut todo: Vec<String> = kept.iter().cloned().collect();
        while let Some(id) = todo.pop() {
            for to in links.get(&id).into_iter().flatten() {
                if reached.insert(to.clone()) {
                    todo.push(to.clone());
                }
            }
        }
        let extras: Vec<&&String> = held.iter().filter(|id| !reached.contains(**id)).collect();
        assert!(extras.is_empty(), "{name} {filter:?}: extras {extras:?}");

        // Corpus order is kept.
        let all = ids_of(&index.corpus);
        let original: HashMap<&str, usize> = all
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let places: Vec<usize> = ids.iter().map(|id| original[id.as_str()]).collect();
        assert!(
            places.windows(2).all(|w| w[0] < w[1]),
            "{name}: corpus order"
        );

        // The metadata says what it is and records the filter.
        let meta = &exported.meta;
        assert_eq!(meta.filter.as_deref(), Some(query));
        assert_eq!(meta.updated, DATE);
        assert!(meta.title.starts_with(&index.corpus.meta.title));
        assert!(meta.title.contains("export"));
        assert!(meta.description.contains("23 November 2026"));
        for line in describe_filter(index, &filter) {
            assert!(meta.description.contains(&line), "{name}: {line}");
        }
        if filter.is_empty() {
            assert!(meta.description.contains("no filter"));
            assert_eq!(ids.len(), ids_of(&index.corpus).len(), "{name}: all of it");
        } else {
            assert!(meta.title.contains("filtered export"));
            smaller |= ids.len() < ids_of(&index.corpus).len();
        }
    }
    assert!(
        smaller,
        "{name}: some filtered export is smaller than the corpus"
    );
}

#[test]
fn filtered_exports_of_the_shipped_corpus_are_accepted_whole() {
    check_exports(&shipped(), "shipped");
}

#[test]
fn filtered_exports_of_a_generated_corpus_are_accepted_whole() {
    check_exports(&generated(), "generated");
}

#[test]
fn optional_links_out_of_the_export_are_dropped() {
    let index = shipped();
    // One claim: its source is held, but the sources that source cites are not,
    // unless something else needs them.
    let filter = Filter::default();
    let mut outcome = Outcome::new(&index, &Filter::default(), Kind::Claim);
    outcome.kept = dossier::query::bits::Bits::new(index.numbering.total());
    outcome.kept.insert(index.numbering.number(Kind::Claim, 0));
    let exported = filtered_corpus(&index, &outcome, &filter, "?id=x", DATE);
    assert_eq!(exported.claims.len(), 1);
    let held: HashSet<String> = ids_of(&exported).into_iter().collect();
    for s in &exported.sources {
        assert!(s.cites.iter().all(|c| held.contains(c)), "{}", s.id);
    }
    for e in &exported.events {
        assert!(e.related.iter().all(|r| held.contains(r)), "{}", e.id);
    }
    assert!(exported.events.len() < index.corpus.events.len());
}

// ---------------------------------------------------------------------------
// CSV

/// A plain RFC 4180 reader: CRLF between records, fields quoted with doubled
/// quotes inside. Panics on a bare LF or CR outside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted field"),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("a bare LF outside quotes"),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "an unclosed quote");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row ends in CRLF"
    );
    rows
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    parse_csv(body)
}

#[test]
fn each_csv_has_a_header_then_the_kept_records_in_list_order() {
    let index = shipped();
    let cases = [
        Filter::default(),
        Filter {
            claim_kinds: vec!["death-toll".into()],
            ..Filter::default()
        },
        Filter {
            from: "1988".into(),
            to: "2016".into(),
            ..Filter::default()
        },
    ];
    for filter in cases {
        for order in [ClaimOrder::Date, ClaimOrder::Claimant] {
            let outcome = Outcome::new(&index, &filter, Kind::Claim);
            for kind in KINDS {
                let rows = read_csv(&export::csv(&index, &outcome, kind, order));
                let items = outcome.listing(&index, kind, order).items;
                assert_eq!(rows.len(), items.len() + 1, "{kind:?} {filter:?}");
                assert_eq!(rows[0][0], "id");
                let width = rows[0].len();
                for (row, &idx) in rows[1..].iter().zip(&items) {
                    assert_eq!(
                        row.len(),
                        width,
                        "{kind:?}: every row as wide as the header"
                    );
                    let id = index.id(RecordRef {
                        kind,
                        idx: idx as usize,
                    });
                    assert_eq!(row[0], id);
                }
            }
        }
    }
    // The filter shows: fewer death-toll claims than claims.
    let all = Outcome::new(&index, &Filter::default(), Kind::Claim);
    let tolls = Outcome::new(
        &index,
        &Filter {
            claim_kinds: vec!["death-toll".into()],
            ..Filter::default()
        },
        Kind::Claim,
    );
    let count =
        |o: &Outcome| read_csv(&export::csv(&index, o, Kind::Claim, ClaimOrder::Date)).len();
    assert!(count(&tolls) < count(&all));
}

#[test]
fn claim_rows_name_references_by_name_and_id() {
    let index = shipped();
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Claim);
    let rows = read_csv(&export::csv(
        &index,
        &outcome,
        Kind::Claim,
        ClaimOrder::Date,
    ));
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let row = rows
        .iter()
        .find(|r| r[0] == "cl-jurist-2024-thousands-executed")
        .expect("the claim");
    assert_eq!(row[col("kind")], "Death toll");
    assert_eq!(row[col("claimant")], "Jurist");
    assert_eq!(row[col("claimant id")], "act-jurist");
    assert_eq!(
        row[col("reported in id")],
        "src-oiac-jurist-paris-conference-2024"
    );
    assert_eq!(row[col("date")], "2024-09-03");
    assert_eq!(row[col("date (shown)")], "3 September 2024");
    assert_eq!(row[col("date as written")], "September 3, 2024");
    assert_eq!(row[col("death toll")], "thousands");
    assert_eq!(row[col("event ids")], "ev-1988-killings");
}

#[test]
fn awkward_fields_round_trip_and_formulas_are_guarded() {
    let mut corpus = shipped_corpus();
    let tricky = "Says, \"quoted\"\r\nand on a new line\nhere";
    corpus.claims[0].paraphrase = tricky.to_string();
    corpus.claims[0].note = Some("=HYPERLINK(\"http://x\")".to_string());
    corpus.events[0].place = Some("@SUM(A1)".to_string());
    corpus.sources[0].note = Some("-1+2".to_string());
    corpus.actors[0].description = Some("+cmd".to_string());
    let id = corpus.claims[0].id.clone();
    let index = Index::new(corpus);
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Claim);
    let text = export::csv(&index, &outcome, Kind::Claim, ClaimOrder::Date);
    assert!(text.starts_with('\u{feff}'), "the BOM is there");
    let rows = read_csv(&text);
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let row = rows.iter().find(|r| r[0] == id).expect("the claim");
    assert_eq!(row[col("paraphrase")], tricky);
    assert_eq!(row[col("note")], "'=HYPERLINK(\"http://x\")");

    let field_of = |kind: Kind, id: &str, column: &str| {
        let rows = read_csv(&export::csv(&index, &outcome, kind, ClaimOrder::Date));
        let c = rows[0].iter().position(|h| h == column).unwrap();
        rows.iter().find(|r| r[0] == id).unwrap()[c].clone()
    };
    let c = &index.corpus;
    assert_eq!(field_of(Kind::Event, &c.events[0].id, "place"), "'@SUM(A1)");
    assert_eq!(field_of(Kind::Source, &c.sources[0].id, "note"), "'-1+2");
    assert_eq!(
        field_of(Kind::Actor, &c.actors[0].id, "description"),
        "'+cmd"
    );

    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    assert_eq!(csv_field("\tx"), "'\tx");
    assert_eq!(csv_field("\rx"), "\"'\rx\"");
    assert_eq!(csv_field("=1,2"), "\"'=1,2\"");
    assert_eq!(csv_field("Tehran – تهران"), "Tehran – تهران");
}

#[test]
fn file_names_say_what_and_when() {
    assert_eq!(
        file_name("claims", true, DATE),
        "dossier-claims-filtered-2026-11-23.csv"
    );
    assert_eq!(
        file_name("json", true, DATE),
        "dossier-corpus-filtered-2026-11-23.json"
    );
    assert_eq!(
        file_name("events", false, DATE),
        "dossier-events-2026-11-23.csv"
    );
    assert_eq!(
        file_name("json", false, DATE),
        "dossier-corpus-2026-11-23.json"
    );
}

// ---------------------------------------------------------------------------
// The filter in words

#[test]
fn describe_filter_names_labels_and_actors() {
    let index = shipped();
    assert!(describe_filter(&index, &Filter::default()).is_empty());
    let filter = Filter {
        from: "1988".into(),
        to: "2016-09".into(),
        include_undated: true,
        actors: vec![
            "act-amnesty-international".into(),
            "act-united-nations".into(),
            "act-nobody".into(),
        ],
        tags: vec!["conference".into()],
        claim_kinds: vec!["death-toll".into(), "legal-characterisation".into()],
        source_kinds: vec!["un-report".into()],
        legal_terms: vec!["crime-against-humanity".into()],
        text: "  crime   humanity ".into(),
    };
    assert_eq!(
        describe_filter(&index, &filter),
        vec![
            "Date: from 1988 to September 2016",
            "Records with no date: included",
            "Institutions and people: Amnesty International, United Nations, act-nobody",
            "Event tags: Conference",
            "Claim kinds: Death toll, Legal characterisation",
            "Legal characterisations: Crime against humanity",
            "Source kinds: UN report",
            "Search: “crime humanity”",
        ]
    );
    let one_end = |from: &str, to: &str| {
        describe_filter(
            &index,
            &Filter {
                from: from.into(),
                to: to.into(),
                include_undated: true,
                ..Filter::default()
            },
        )
    };
    assert_eq!(
        one_end("1988", ""),
        ["Date: from 1988", "Records with no date: included"]
    );
    assert_eq!(
        one_end("19x8", "2016-09-13"),
        [
            "Date: until 13 September 2016",
            "Records with no date: included"
        ]
    );
    // No range, so including undated records says nothing.
    assert!(one_end("not a date", "").is_empty());
}

// ---------------------------------------------------------------------------
// Citations

const LINK: &str = "https://example.org/dossier/?id=";

fn cite(index: &Index, id: &str) -> String {
    let r = index.lookup(id).expect("the record");
    let text = citation(index, r, &format!("{LINK}{id}"), DATE);
    assert!(
        !text.contains('\n') && !text.contains('<'),
        "one plain paragraph: {text}"
    );
    assert!(text.contains(&format!("{LINK}{id}")), "{text}");
    assert!(text.contains("(accessed 23 November 2026)"), "{text}");
    let meta = &index.corpus.meta;
    assert!(text.contains(&meta.title), "{text}");
    assert!(
        text.contains(&format!("version {}", meta.version)),
        "{text}"
    );
    // The citation traces to one exact corpus file.
    let fingerprint = index.fingerprint.as_deref().expect("fingerprinted");
    assert!(
        text.contains(&format!("version {}, SHA-256 {fingerprint}", meta.version)),
        "{text}"
    );
    text
}

#[test]
fn every_csv_row_and_the_json_export_name_the_corpus_file_they_come_from() {
    let index = shipped();
    let fingerprint = shipped_fingerprint();
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Claim);
    for kind in KINDS {
        let rows = read_csv(&export::csv(&index, &outcome, kind, ClaimOrder::Date));
        let width = rows[0].len();
        assert_eq!(
            rows[0][width - 3..],
            ["corpus version", "corpus sha256", "corpus read from"]
        );
        for row in &rows[1..] {
            assert_eq!(
                row[width - 3..],
                [
                    index.corpus.meta.version.clone(),
                    fingerprint.clone(),
                    "the corpus this site publishes".to_string()
                ]
            );
        }
    }
    let exported = filtered_corpus(&index, &outcome, &Filter::default(), "?", DATE);
    assert_eq!(
        exported.meta.exported_from.as_deref(),
        Some(fingerprint.as_str())
    );
    assert!(exported
        .meta
        .description
        .contains(&format!("SHA-256 {fingerprint}")));
    // It is written to the file, and the file is a corpus the validator accepts.
    let text = export::to_json(&exported, true);
    assert!(
        text.contains(&format!("\"exported_from\": \"{fingerprint}\"")),
        "{text:.600}"
    );
    let back = load::accept(load::parse(&text).expect("reads"));
    assert!(back.rejected.is_empty());
    assert_eq!(back.corpus.meta.exported_from, Some(fingerprint));
}

#[test]
fn a_source_csv_carries_the_texts_fingerprint() {
    let index = shipped();
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Source);
    let rows = read_csv(&export::csv(
        &index,
        &outcome,
        Kind::Source,
        ClaimOrder::Date,
    ));
    let col = rows[0]
        .iter()
        .position(|h| h == "text sha256")
        .expect("a column");
    let id = rows[0].iter().position(|h| h == "id").expect("ids");
    let row = rows
        .iter()
        .find(|r| r[id] == "src-survivors-renew-call-2020")
        .expect("the seed source");
    let source = index.source("src-survivors-renew-call-2020").unwrap();
    assert_eq!(Some(&row[col]), source.text_sha256.as_ref());
}

#[test]
fn a_un_report_is_cited_with_its_symbol_and_publisher() {
    let index = shipped();
    let text = cite(&index, "src-a-hrc-34-65");
    let source = index.source("src-a-hrc-34-65").unwrap();
    assert_eq!(source.kind, "un-report");
    let publisher = index.actor(source.publisher.as_deref().unwrap()).unwrap();
    assert!(text.contains("UN symbol A/HRC/34/65"), "{text}");
    assert!(text.contains(&publisher.name), "{text}");
    // This one has no title of its own.
    assert!(text.contains("[untitled]"), "{text}");
    assert!(text.contains("In: "), "{text}");
}

#[test]
fn a_claim_is_cited_as_attributed_to_its_claimant() {
    let index = shipped();
    let claim = index
        .corpus
        .claims
        .iter()
        .find(|c| c.voice == "attributed" && c.via.is_none() && c.relayed_by.is_none())
        .expect("an attributed claim");
    let text = cite(&index, &claim.id);
    let claimant = index.actor(claim.claimant.as_deref().unwrap()).unwrap();
    let source = index.source(&claim.reported_in).unwrap();
    assert!(
        text.starts_with(&format!(
            "{}, as reported in “{}”",
            claimant.name, source.title
        )),
        "{text}"
    );
    assert!(text.contains(&claim.paraphrase), "{text}");
}

#[test]
fn an_author_voice_claim_says_so() {
    let index = shipped();
    let text = cite(&index, "cl-jurist-2024-thousands-executed");
    let via = index.source("src-jurist-paris-conference-2024").unwrap();
    let reported = index
        .source("src-oiac-jurist-paris-conference-2024")
        .unwrap();
    assert!(
        text.starts_with(&format!("The author of “{}”", via.title)),
        "{text}"
    );
    assert!(
        text.contains(&format!("as reported in “{}”", reported.title)),
        "{text}"
    );
}

#[test]
fn events_and_actors_are_cited_too() {
    let index = shipped();
    let text = cite(&index, "ev-1988-killings");
    let event = index.event("ev-1988-killings").unwrap();
    assert!(text.contains(&event.title), "{text}");
    assert!(text.contains("Event record in"), "{text}");
    let text = cite(&index, "act-amnesty-international");
    assert!(text.starts_with("Amnesty International (NGO"), "{text}");
}

#[test]
fn a_corpus_that_is_not_the_sites_own_says_so_in_citations_and_exports() {
    let mut index = shipped();
    let text = cite(&index, "ev-1988-killings");
    assert!(
        !text.contains("not the corpus this site publishes"),
        "{text}"
    );
    index.elsewhere = Some("corpora/other.json".into());
    let fingerprint = shipped_fingerprint();
    let text = cite(&index, "ev-1988-killings");
    assert!(
        text.contains(&format!(
            "SHA-256 {fingerprint} (not the corpus this site publishes: read from corpora/other.json)"
        )),
        "{text}"
    );
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Event);
    let rows = read_csv(&export::csv(
        &index,
        &outcome,
        Kind::Event,
        ClaimOrder::Date,
    ));
    let last = rows[0].len() - 1;
    assert!(rows[1..]
        .iter()
        .all(|r| r[last] == "corpora/other.json (not the corpus this site publishes)"));
    let exported = filtered_corpus(&index, &outcome, &Filter::default(), "?", DATE);
    assert!(
        exported.meta.description.contains(
            "It was made from a corpus that is not the one the site publishes, read from corpora/other.json."
        ),
        "{}",
        exported.meta.description
    );
}
