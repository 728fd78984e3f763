//! The synthetic corpus generator: every corpus it makes loads and passes
//! validation whole, the same seed gives the same bytes, sizes are exact, and the
//! corpus has the shapes and features the app must cope with.

// The generator checks its own invariants (ids it made, lists it filled): a
// failure is a bug in it, never bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use dossier::corpus::load;
use dossier::corpus::model::{Corpus, DateSpec, Meta};
use dossier::corpus::validate;

fn total(c: &Corpus) -> usize {
    c.sources.len() + c.actors.len() + c.events.len() + c.claims.len()
}

/// Generates, writes, reads back and accepts a corpus; nothing may be lost.
fn loads_whole(records: usize, seed: u64, pretty: bool) {
    let corpus = synth::generate(records, seed);
    let text = dossier::corpus::write::to_json(&corpus, pretty);
    let doc = load::parse(&text)
        .unwrap_or_else(|e| panic!("{records} records: the file does not read: {e}"));
    let first = |ps: &[dossier::corpus::document::Problem]| -> Vec<String> {
        ps.iter().take(5).map(|p| p.to_string()).collect()
    };
    assert!(
        doc.problems.is_empty(),
        "{records} records: {} records do not read, first: {:#?}",
        doc.problems.len(),
        first(&doc.problems)
    );
    let problems = validate::check(&doc, None);
    assert!(
        problems.is_empty(),
        "{records} records: {} problems, first: {:#?}",
        problems.len(),
        first(&problems)
    );
    let accepted = load::accept(doc);
    let rejected: Vec<String> = accepted
        .rejected
        .iter()
        .take(5)
        .map(|r| format!("{}: {}", r.name(), r.reasons.join("; ")))
        .collect();
    assert!(
        accepted.rejected.is_empty(),
        "{records} records: {} rejected, first: {rejected:#?}",
        accepted.rejected.len()
    );
    // Nothing dropped or altered between generating, writing and reading.
    assert!(
        accepted.corpus == corpus,
        "{records} records: the corpus read back differs from the one generated"
    );
}

#[test]
fn generated_corpora_load_and_pass_validation_whole() {
    for records in [50, 1_000, 20_000] {
        loads_whole(records, 7, false);
    }
    loads_whole(300, 11, true);
}

#[test]
fn the_plain_serde_form_reads_too() {
    // Serialising the model directly writes null, [] and false for empty fields.
    let corpus = synth::generate(200, 5);
    let text = serde_json::to_string(&corpus).expect("serialises");
    assert!(text.contains(":null"));
    let accepted = load::accept(load::parse(&text).expect("reads"));
    assert!(accepted.rejected.is_empty(), "{:?}", accepted.rejected);
    assert!(accepted.corpus == corpus);
}

#[test]
fn written_json_leaves_out_empty_fields_like_the_shipped_corpus() {
    let text = dossier::corpus::write::to_json(&synth::generate(2_000, 3), false);
    assert!(text.starts_with(r#"{"$schema":"corpus.schema.json","meta":{"#));
    for empty in [":null", ":[]", ":false", ":\"\""] {
        assert!(!text.contains(empty), "the JSON contains {empty}");
    }
    assert!(!text.contains('\n'), "compact JSON is one line");
    let pretty = dossier::corpus::write::to_json(&synth::generate(2_000, 3), true);
    assert!(pretty.lines().count() > 1000);
    let a: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let b: serde_json::Value = serde_json::from_str(&pretty).expect("JSON");
    assert_eq!(a, b, "pretty and compact hold the same data");
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_others() {
    let json =
        |records, seed| dossier::corpus::write::to_json(&synth::generate(records, seed), false);
    let a = json(3_000, 42);
    assert_eq!(a, json(3_000, 42));
    assert!(a.contains("Synthetic corpus of 3000 records (seed 42)"));
    // The records themselves differ, not only the meta that names the seed.
    let records = |seed| {
        let mut c = synth::generate(3_000, seed);
        c.meta = Meta::default();
        dossier::corpus::write::to_json(&c, false)
    };
    let a = records(42);
    assert_ne!(a, records(43));
    assert_ne!(records(0), records(u64::MAX));
    // And not by a few bytes: most claims' quotes differ.
    let (c42, c43) = (synth::generate(3_000, 42), synth::generate(3_000, 43));
    let same = c42
        .claims
        .iter()
        .zip(&c43.claims)
        .filter(|(x, y)| x.quote == y.quote)
        .count();
    assert!(same * 10 < c42.claims.len(), "{same} claims quote alike");
}

/// FNV-1a, to pin the output without storing it.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn the_output_is_pinned_across_platforms_and_releases() {
    // If you change the generator on purpose, bump synth::GENERATOR_VERSION and
    // update these figures; if they change by themselves, determinism is broken.
    let text = dossier::corpus::write::to_json(&synth::generate(400, 2026), false);
    assert_eq!(
        (text.len(), fnv1a(text.as_bytes())),
        (PINNED_LEN, PINNED_HASH),
        "the bytes for 400 records, seed 2026, changed"
    );
}

const PINNED_LEN: usize = 226_003;
const PINNED_HASH: u64 = 15_143_312_952_271_963_319;

#[test]
fn the_total_is_exact_and_every_kind_is_present() {
    for records in (20..=64).chain([99, 100, 101, 1_000, 1_001, 12_345, 50_000]) {
        let c = synth::generate(records, 9);
        assert_eq!(total(&c), records, "{records} records asked for");
        assert!(
            !c.sources.is_empty()
                && !c.actors.is_empty()
                && !c.events.is_empty()
                && !c.claims.is_empty(),
            "{records}: a kind is missing"
        );
    }
    for records in 0..20 {
        let c = synth::generate(records, 9);
        // Exact from 4 up; below, one of each kind.
        assert_eq!(total(&c), records.max(4), "{records} records asked for");
        assert!(
            !c.sources.is_empty()
                && !c.actors.is_empty()
                && !c.events.is_empty()
                && !c.claims.is_empty(),
            "{records}: a kind is missing"
        );
        loads_whole(records, 9, false);
    }
    let c = synth::generate(10_000, 1);
    let counts = [
        c.sources.len(),
        c.actors.len(),
        c.events.len(),
        c.claims.len(),
    ];
    assert_eq!(counts, [1_000, 1_000, 3_000, 5_000]);
}

#[test]
fn ids_are_padded_slugs_unique_across_the_corpus() {
    let c = synth::generate(100_000, 4);
    assert_eq!(c.sources[0].id, "src-00001");
    assert_eq!(c.claims.last().map(|x| x.id.as_str()), Some("cl-50000"));
    let mut ids: Vec<&str> = c
        .sources
        .iter()
        .map(|x| x.id.as_str())
        .chain(c.actors.iter().map(|x| x.id.as_str()))
        .chain(c.events.iter().map(|x| x.id.as_str()))
        .chain(c.claims.iter().map(|x| x.id.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 100_000);
}

fn dates(c: &Corpus) -> impl Iterator<Item = Option<&DateSpec>> {
    c.sources
        .iter()
        .map(|s| s.date.as_ref())
        .chain(c.events.iter().map(|e| e.date.as_ref()))
        .chain(c.claims.iter().map(|x| x.date.as_ref()))
}

#[test]
fn a_5000_record_corpus_has_every_feature() {
    let c = synth::generate(5_000, 1);
    let dated: Vec<&DateSpec> = dates(&c).flatten().collect();
    let undated = dates(&c).filter(Option::is_none).count();
    let count = |f: &dyn Fn(&DateSpec) -> bool| dated.iter().filter(|d| f(d)).count();
    let open = count(&|d| d.when.contains(".."));
    let ranges = count(&|d| d.when.contains('/') && !d.when.contains(".."));
    let open_after = count(&|d| d.when.ends_with("/.."));
    let open_before = count(&|d| d.when.starts_with("../"));
    let inferred = count(&|d| d.is_inferred() && d.inference.is_some());
    let labels = count(&|d| d.label.is_some());
    let as_written = count(&|d| d.as_written.is_some());
    let year_only = count(&|d| d.when.len() == 4);
    let months = count(&|d| d.when.len() == 7);
    let days = count(&|d| d.when.len() == 10);
    let records = dated.len() + undated;
    // Proportions, per mille of the dated (or of all, for undated) records.
    let pm = |n: usize, of: usize| n * 1000 / of;
    assert!(
        (30..=80).contains(&pm(undated, records)),
        "undated {undated}"
    );
    assert!(
        (70..=130).contains(&pm(inferred, dated.len())),
        "inferred {inferred}"
    );
    assert!(
        (70..=130).contains(&pm(ranges, dated.len())),
        "ranges {ranges}"
    );
    assert!((10..=35).contains(&pm(open, dated.len())), "open {open}");
    assert!(open_after > 0 && open_before > 0);
    assert!(labels > 0 && as_written > labels * 5, "labels {labels}");
    assert!(year_only > 0 && months > 0 && days > 0);

    let tolls: Vec<_> = c
        .claims
        .iter()
        .filter_map(|x| x.death_toll.as_ref())
        .collect();
    assert!(
        tolls.iter().any(|t| t.value.is_some()),
        "no toll with a value"
    );
    for word in ["hundreds", "thousands", "several-thousand"] {
        assert!(
            tolls
                .iter()
                .any(|t| t.qualifier == word && t.value.is_none()),
            "no word-only toll '{word}'"
        );
    }
    assert!(tolls
        .iter()
        .filter(|t| t.value.is_some())
        .all(|t| (2_800..=33_700).contains(&t.value.unwrap_or(0))));
    let legal = c
        .claims
        .iter()
        .filter(|x| !x.legal_terms.is_empty())
        .count();
    assert!(legal > 0, "no legal terms");
    assert!(c.sources.iter().any(|s| !s.cites.is_empty()), "no cites");
    assert!(c.sources.iter().any(|s| s.untitled), "no untitled source");
    assert!(c.sources.iter().any(|s| !s.identifiers.is_empty()));
    assert!(c.sources.iter().any(|s| !s.authors.is_empty()));
    assert!(c.sources.iter().any(|s| s.stance.is_some()));
    assert!(c
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .all(|u| u.starts_with("https://")));
    assert!(c.sources.iter().any(|s| s.url.is_some()));
    assert!(c.sources.iter().all(|s| s.text_file.is_none()));
    assert!(
        c.claims.iter().any(|x| x.relayed_by.is_some()),
        "no relayed_by"
    );
    assert!(c.claims.iter().any(|x| x.via.is_some()), "no via");
    assert!(c
        .claims
        .iter()
        .any(|x| x.in_author_voice() && x.claimant.is_none()));
    assert!(c
        .claims
        .iter()
        .any(|x| x.in_author_voice() && x.claimant.is_some()));
    assert!(c.actors.iter().any(|a| !a.aliases.is_empty()), "no aliases");
    assert!(c.actors.iter().any(|a| !a.roles.is_empty()), "no roles");
    assert!(c
        .actors
        .iter()
        .any(|a| a.roles.iter().any(|r| r.of.is_some())));
    assert!(c.events.iter().any(|e| !e.related.is_empty()), "no related");
    assert!(c.events.iter().any(|e| e.place.is_some()), "no place");
    assert!(c
        .events
        .iter()
        .any(|e| e.actors.iter().any(|p| p.role.is_some())));

    // Accented and Persian text, in a small share of records.
    let texts: Vec<String> = c
        .events
        .iter()
        .map(|e| format!("{} {}", e.title, e.summary))
        .chain(
            c.claims
                .iter()
                .map(|x| format!("{} {}", x.paraphrase, x.quote)),
        )
        .collect();
    let persian = texts
        .iter()
        .filter(|t| t.chars().any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch)))
        .count();
    let accented = texts
        .iter()
        .filter(|t| t.chars().any(|ch| "éèçüöåøñ".contains(ch)))
        .count();
    assert!(
        persian > 0 && pm(persian, texts.len()) < 100,
        "persian {persian}"
    );
    assert!(
        accented > 0 && pm(accented, texts.len()) < 300,
        "accented {accented}"
    );
}

/// The mean of some values, in thousandths.
fn mean_milli(values: impl Iterator<Item = usize>) -> usize {
    let (sum, n) = values.fold((0, 0), |(s, n), v| (s + v, n + 1));
    sum * 1000 / n.max(1)
}

#[test]
fn records_are_shaped_like_the_shipped_corpus() {
    let c = synth::generate(20_000, 8);
    let chars = |s: &str| s.chars().count();
    let within = |name: &str, milli: usize, lo: usize, hi: usize| {
        assert!(
            (lo * 1000..=hi * 1000).contains(&milli),
            "{name}: mean {}.{:03} outside {lo}..={hi}",
            milli / 1000,
            milli % 1000
        );
    };
    within(
        "event title",
        mean_milli(c.events.iter().map(|e| chars(&e.title))),
        48,
        60,
    );
    within(
        "event summary",
        mean_milli(c.events.iter().map(|e| chars(&e.summary))),
        215,
        255,
    );
    within(
        "source title",
        mean_milli(c.sources.iter().map(|s| chars(&s.title))),
        60,
        90,
    );
    within(
        "claim paraphrase",
        mean_milli(c.claims.iter().map(|x| chars(&x.paraphrase))),
        140,
        170,
    );
    within(
        "claim quote",
        mean_milli(c.claims.iter().map(|x| chars(&x.quote))),
        105,
        135,
    );
    let quotes = || c.events.iter().flat_map(|e| &e.evidence);
    within(
        "evidence quote",
        mean_milli(quotes().map(|x| chars(&x.quote))),
        100,
        130,
    );
    let ev_milli =
        |f: &dyn Fn(&dossier::corpus::model::Event) -> usize| mean_milli(c.events.iter().map(f));
    assert!((1_700..=2_100).contains(&ev_milli(&|e| e.evidence.len())));
    assert!((2_000..=2_600).contains(&ev_milli(&|e| e.actors.len())));
    assert!((1_400..=1_800).contains(&ev_milli(&|e| e.tags.len())));
    let per_claim = mean_milli(c.claims.iter().map(|x| x.events.len()));
    assert!((1_400..=1_800).contains(&per_claim), "{per_claim}");
    assert!(c.events.iter().all(|e| (1..=4).contains(&e.evidence.len())
        && e.actors.len() <= 5
        && (1..=3).contains(&e.tags.len())));
    assert!(c.claims.iter().all(|x| (1..=3).contains(&x.events.len())));
    let longest = quotes()
        .map(|x| chars(&x.quote))
        .chain(c.claims.iter().map(|x| chars(&x.quote)))
        .max();
    assert!(longest.is_some_and(|n| n <= validate::MAX_QUOTE_CHARS));
    assert!(c.events.iter().all(|e| chars(&e.title) <= 86));

    // Claim kinds in about the shipped proportions: allegations first, then
    // "other", then legal characterisations; recognitions and denials rare.
    let kind = |k: &str| c.claims.iter().filter(|x| x.kind == k).count();
    assert!(kind("allegation") > kind("other"));
    assert!(kind("other") > kind("legal-characterisation"));
    assert!(kind("legal-characterisation") > kind("death-toll"));
    assert!(kind("denial") * 20 < kind("allegation"));
    assert!(kind("recognition") > 0 && kind("denial") > 0);
}

#[test]
fn a_few_actors_are_in_thousands_of_records_and_most_in_few() {
    let c = synth::generate(20_000, 6);
    let mut records = vec![0usize; c.actors.len()];
    let index = |id: &str| -> usize {
        id.trim_start_matches("act-")
            .parse::<usize>()
            .expect("act-N")
            - 1
    };
    let mut mark = |ids: &mut Vec<usize>| {
        ids.sort_unstable();
        ids.dedup();
        for &i in ids.iter() {
            records[i] += 1;
        }
    };
    for e in &c.events {
        mark(&mut e.actors.iter().map(|p| index(&p.actor)).collect());
    }
    for x in &c.claims {
        mark(
            &mut x
                .claimant
                .iter()
                .chain(&x.relayed_by)
                .map(|a| index(a))
                .collect(),
        );
    }
    for s in &c.sources {
        mark(
            &mut s
                .publisher
                .iter()
                .chain(&s.authors)
                .map(|a| index(a))
                .collect(),
        );
    }
    records.sort_unstable();
    let top = records[records.len() - 1];
    let tenth = records[records.len() - 10];
    let median = records[records.len() / 2];
    assert!(top >= 2_000, "the most cited actor is in {top} records");
    assert!(tenth >= 200, "the tenth is in {tenth}");
    assert!(median <= 10, "the median actor is in {median} records");
}

#[test]
fn reading_and_checking_in_batches_gives_what_doing_it_at_once_does() {
    let text = dossier::corpus::write::to_json(&synth::generate(300, 3), false);
    let whole = load::parse(&text).expect("reads");
    let mut reader = load::Reader::new(&text).expect("splits");
    assert_eq!(reader.total(), 300);
    let mut batches = 1;
    while !reader.read(7) {
        batches += 1;
        assert_eq!(reader.done(), 7 * (batches - 1));
    }
    assert_eq!(batches, 43);
    let doc = reader.finish();
    assert_eq!(doc, whole);
    let mut check = validate::Check::new(&doc, None);
    while !check.step(11) {}
    assert_eq!(check.done(), 300);
    assert_eq!(check.finish(), validate::check(&doc, None));
    // A byte-order mark, as many editors write, is skipped.
    assert_eq!(
        load::parse(&format!("\u{feff}{text}")).expect("reads"),
        whole
    );
}
