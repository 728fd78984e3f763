//! The chooser of institutions and people by name above a list in pages
//! (`publish::names`): for many things typed into it (beginnings of names and
//! of their words, whole names, acronyms, capitals, nothing at all, text held
//! only inside a word, text no name holds), the one part of the names table
//! the build wrote that the app reads for it suggests what the app's own box
//! suggests over the whole corpus for no filter, above the events, the claims
//! and the sources, in the same order with the same counts, but for the names
//! that hold what is typed only inside a word.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/worded.rs"]
#[allow(dead_code)]
mod worded;

#[path = "support/dice.rs"]
#[allow(dead_code)]
mod dice;

use dice::Dice;
use dossier::corpus::load;
use dossier::corpus::model::{Corpus, Kind};
use dossier::corpus::sha256::sha256_hex;
use dossier::corpus::text::fold;
use dossier::publish::names::{suggestions, NamesUnder, ALL_UNDER, LISTS};
use dossier::publish::parts::{inflate, table_part_of, Split, Table};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::names::{word_starts, A_WORD_BEGINS, SUGGESTIONS};
use worded::worded_split;

/// Record parts of 32 KiB of JSON: the names table in parts of 16 KiB.
const PART_BYTES: usize = 32 * 1024;

/// How the chooser answered: from a beginning's every actor, or from its best few.
#[derive(Default)]
struct Answered {
    all: usize,
    best: usize,
    none: usize,
    /// How many parts the names table is in.
    parts: usize,
}

/// What the chooser above the list of `kind` suggests for `typed`, as the app
/// reads it: the one part of the names table that holds the greatest key up
/// to it, read and checked; each actor's id and counts.
fn chooser(
    split: &Split,
    typed: &str,
    kind: Kind,
    answered: &mut Answered,
) -> Vec<(String, (u32, u32))> {
    let manifest = &split.manifest;
    let wanted = fold(typed.trim());
    let Some(at) = table_part_of(&manifest.names, &wanted) else {
        answered.none += 1;
        return Vec::new();
    };
    let entry = &manifest.names[at];
    let (_, stored) = split.files().find(|(f, _)| *f == entry.file).unwrap();
    let json = inflate(stored).unwrap();
    let table: Table<NamesUnder> = Table::read(entry, &json, &sha256_hex(&json)).unwrap();
    let found = suggestions(table.at_or_before(&wanted), &wanted, SUGGESTIONS, kind);
    match table.at_or_before(&wanted) {
        _ if found.is_empty() => answered.none += 1,
        Some((_, under)) if under.all() => answered.all += 1,
        _ => answered.best += 1,
    }
    (found.into_iter())
        .map(|(_, a)| (a.id().to_string(), a.counts(kind)))
        .collect()
}

/// What the app's box above the list of `kind` suggests for `typed` over the
/// whole corpus for no filter, but for names that hold it only inside a word.
fn apps(index: &Index, typed: &str, kind: Kind) -> Vec<(String, (u32, u32))> {
    let outcome = Outcome::new(index, &Filter::default(), kind);
    let totals = outcome.actor_totals(index);
    let wanted = fold(typed.trim());
    (index
        .actor_suggestions(typed, &totals, SUGGESTIONS)
        .into_iter())
    .filter(|&a| {
        index
            .actor_rank(a, &wanted)
            .is_some_and(|r| r <= A_WORD_BEGINS)
    })
    .map(|a| {
        let counts = (
            outcome.actor_count(index, a),
            outcome.actor_through(index, a),
        );
        (index.corpus.actors[a].id.clone(), counts)
    })
    .collect()
}

/// Something a reader might type to find an actor of `index`.
fn typed(index: &Index, dice: &mut Dice) -> String {
    let actors = &index.corpus.actors;
    let a = dice.below(actors.len() as u64) as usize;
    let actor = &actors[a];
    let mut names: Vec<&str> = std::iter::once(actor.name.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .chain(actor.names.iter().map(|n| n.name.as_str()))
        .collect();
    let acronym = index.actor_acronyms[a].to_uppercase();
    if !acronym.is_empty() {
        names.push(&acronym);
    }
    let name = names[dice.below(names.len() as u64) as usize];
    let starts: Vec<usize> = word_starts(name).collect();
    let from = starts[dice.below(starts.len() as u64) as usize];
    let rest: Vec<char> = name[from..].chars().collect();
    let upto = 1 + dice.below(rest.len().max(1) as u64) as usize;
    let begun: String = rest.iter().take(upto).collect();
    match dice.below(20) {
        0 => String::new(),
        1 => name.to_string(),
        2 => name.to_uppercase(),
        3 => format!("  {begun} "),
        4 => {
            // Inside a word: a name holds it, but not at a word's beginning.
            let inner: String = rest.iter().skip(1).take(3).collect();
            inner
        }
        5 => ["zqx", "ö", "تهران", "-", "9"][dice.below(5) as usize].to_string(),
        6 => {
            let short: String = rest.iter().take(1 + dice.below(2) as usize).collect();
            short
        }
        _ => begun,
    }
}

/// The chooser's suggestions against the app's for `cases` things typed.
fn holds_to_the_app(corpus: Corpus, cases: usize, seed: u64) -> Answered {
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let mut dice = Dice(seed);
    let mut answered = Answered::default();
    for case in 0..cases {
        let typed = typed(&index, &mut dice);
        let kind = LISTS[case % LISTS.len()];
        let from_parts = chooser(&split, &typed, kind, &mut answered);
        assert_eq!(
            from_parts,
            apps(&index, &typed, kind),
            "typed {typed:?} above the {kind:?}s"
        );
    }
    answered.parts = split.manifest.names.len();
    answered
}

#[test]
fn a_generated_corpus_s_names_are_suggested_as_the_app_suggests_them() {
    let answered = holds_to_the_app(synth::generate(20_000, 7), 1500, 11);
    assert!(
        answered.parts > 3,
        "the names table is in parts: {}",
        answered.parts
    );
    // Both ways of answering, and things no name begins, were met.
    assert!(
        answered.all > 300,
        "from every actor of a beginning: {}",
        answered.all
    );
    assert!(
        answered.best > 30,
        "from a beginning's best: {}",
        answered.best
    );
    assert!(answered.none > 30, "nothing: {}", answered.none);
}

#[test]
fn the_shipped_corpus_s_names_in_both_languages_are_suggested_as_the_app_suggests_them() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.json"))
        .unwrap();
    let accepted = load::accept(load::parse(&text).unwrap());
    let corpus = accepted.corpus;
    assert!(
        corpus.actors.iter().any(|a| !a.names.is_empty()),
        "some actors have names in Persian"
    );
    let mut answered = holds_to_the_app(corpus.clone(), 600, 5);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    // Each actor found by its Persian name, typed whole.
    for actor in corpus.actors.iter().filter(|a| !a.names.is_empty()) {
        let typed = &actor.names[0].name;
        let found = chooser(&split, typed, Kind::Event, &mut answered);
        assert_eq!(found, apps(&index, typed, Kind::Event), "typed {typed:?}");
        assert!(
            found.iter().any(|(id, _)| *id == actor.id),
            "{typed} finds {}",
            actor.id
        );
    }
}

#[test]
fn the_table_is_in_order_and_a_beginning_s_every_actor_is_few() {
    let corpus = synth::generate(20_000, 7);
    let index = Index::without_text(corpus);
    let table = dossier::publish::names::names_table(&index);
    assert!(
        table.windows(2).all(|w| w[0].0 < w[1].0),
        "keys ascending, each once"
    );
    for (key, under) in &table {
        if under.all() {
            assert!(under.actors().len() <= ALL_UNDER, "{key:?}");
        } else {
            // The best for each list, together.
            let best = under.actors().len();
            assert!(
                (SUGGESTIONS..=3 * SUGGESTIONS).contains(&best),
                "{key:?}: {best}"
            );
        }
    }
    // Every actor is under a key, reached from its name.
    assert_eq!(
        table[0].0, "",
        "the table begins with what nothing typed finds"
    );
}
