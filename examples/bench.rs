//! Times the core's work natively, on generated corpora or a corpus file:
//!   cargo run --release --example bench                 (1k, 10k and 100k records)
//!   cargo run --release --example bench -- 250000       (any sizes)
//!   cargo run --release --example bench -- public/corpus.json
//! A benchmark, not a test: it prints figures and asserts nothing about speed.

// A benchmark of our own generated data: a failure is a bug to see at once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::time::{Duration, Instant};

use dossier::corpus::load::{self, Reader};
use dossier::corpus::model::Kind;
use dossier::query::charts;
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::order::ClaimOrder;
use dossier::query::timeline;

/// Runs `f` `runs` times and returns the median time and the last result.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        out = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    (times[times.len() / 2], out.expect("at least one run"))
}

/// Like `median`, but each run's input is made by `setup`, untimed: reading
/// and indexing consume what they are given.
fn median_of<I, T>(runs: usize, setup: impl Fn() -> I, mut f: impl FnMut(I) -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut out = None;
    for _ in 0..runs {
        let input = setup();
        let start = Instant::now();
        out = Some(f(input));
        times.push(start.elapsed());
    }
    times.sort();
    (times[times.len() / 2], out.expect("at least one run"))
}

fn show(label: &str, d: Duration) {
    println!("  {label:<46} {:>9.2} ms", d.as_secs_f64() * 1e3);
}

fn bench(name: &str, text: &str) {
    let runs = if text.len() > 20_000_000 { 3 } else { 9 };
    println!("{name}: {} bytes", text.len());
    let (t, doc) = median(runs, || load::parse(text).expect("the corpus reads"));
    show("parse (split, then record by record)", t);
    let (t, _) = median(runs, || Reader::new(text).map(|r| r.total()));
    show("  of which: split into records", t);
    let (t, accepted) = median_of(runs, || doc.clone(), load::accept);
    show("validate and accept", t);
    let (t, index) = median_of(runs, || accepted.corpus.clone(), Index::without_text);
    show("index all but text (the first list waits for it)", t);
    let (t, index) = median_of(
        runs,
        || index.clone(),
        |index| {
            let mut job = index.text_indexing();
            while !index.index_text(&mut job, 2000) {}
            index
        },
    );
    show("then the text index, in batches of 2,000", t);
    let records = index.numbering.total();
    println!(
        "  {records} records, {} distinct words indexed",
        index.text.get().map_or(0, |t| t.word_count())
    );

    let busiest = (0..index.len(Kind::Actor))
        .max_by_key(|&a| index.involves[a].len())
        .map(|a| index.corpus.actors[a].id.clone())
        .unwrap_or_default();
    // The institution with the most records through its parts and people in role.
    let institution = (0..index.len(Kind::Actor))
        .max_by_key(|&a| index.through[a].len())
        .map(|a| index.corpus.actors[a].id.clone())
        .unwrap_or_default();
    let word = index
        .corpus
        .events
        .first()
        .and_then(|e| e.title.split_whitespace().find(|w| w.len() >= 5))
        .unwrap_or("human")
        .to_lowercase();
    let filters = [
        ("no filter", Filter::default()),
        (
            "typing, first letter",
            Filter {
                text: word[..1].to_string(),
                ..Filter::default()
            },
        ),
        (
            "typing, whole word",
            Filter {
                text: word.clone(),
                ..Filter::default()
            },
        ),
        (
            "date range 1988 to 2016",
            Filter {
                from: "1988".into(),
                to: "2016".into(),
                ..Filter::default()
            },
        ),
        (
            "the most involved actor",
            Filter {
                actors: vec![busiest],
                ..Filter::default()
            },
        ),
        (
            "an institution, its parts and people in role",
            Filter {
                actors: vec![institution],
                ..Filter::default()
            },
        ),
        (
            "claim kind death toll",
            Filter {
                claim_kinds: vec!["death-toll".into()],
                ..Filter::default()
            },
        ),
        (
            "date + kinds + text",
            Filter {
                from: "1988".into(),
                to: "2017".into(),
                claim_kinds: vec!["legal-characterisation".into(), "death-toll".into()],
                text: "crime humanity".into(),
                ..Filter::default()
            },
        ),
    ];
    // The charts as the app draws them: the timeline over the whole extent at
    // most 60 periods wide, the matrix's first 15 claimants.
    let extents = [Kind::Event, Kind::Claim].map(|k| (k, timeline::extent(&index, k)));
    for (label, filter) in &filters {
        let (t, outcome) = median(runs * 3, || Outcome::new(&index, filter, Kind::Event));
        let (l, listing) = median(runs * 3, || {
            outcome.listing(&index, Kind::Claim, ClaimOrder::Date)
        });
        show(&format!("outcome: {label}"), t);
        show(
            &format!("  claims list in order ({} kept)", listing.items.len()),
            l,
        );
        for (kind, extent) in &extents {
            let Some(extent) = extent else { continue };
            let unit = timeline::unit_for(extent, 60);
            let (t, tl) = median(runs * 3, || {
                timeline::timeline(&index, &outcome.kept_but_date, *kind, extent, unit)
            });
            show(
                &format!(
                    "  timeline of {}s ({} {unit:?} buckets)",
                    kind.noun(),
                    tl.buckets.len()
                ),
                t,
            );
        }
        let (t, m) = median(runs * 3, || charts::who_said_what(&index, &outcome, 15));
        show(
            &format!(
                "  who said what ({} rows, {} terms, {} more)",
                m.rows.len(),
                m.terms.len(),
                m.more
            ),
            t,
        );
    }
    println!();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let targets = if args.is_empty() {
        vec!["1000".to_string(), "10000".into(), "100000".into()]
    } else {
        args
    };
    for target in targets {
        match target.parse::<usize>() {
            Ok(n) => {
                // The same bytes `gen-corpus --records N --seed 1` writes.
                let text = dossier::corpus::write::to_json(&synth::generate(n, 1), false);
                bench(&format!("generated, {n} records"), &text);
            }
            Err(_) => match std::fs::read_to_string(&target) {
                Ok(text) => bench(&target, &text),
                Err(e) => {
                    eprintln!("cannot read {target}: {e}");
                    std::process::exit(2);
                }
            },
        }
    }
}
