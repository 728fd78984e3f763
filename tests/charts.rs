//! The who-said-what matrix counts exactly the kept claims each claimant made
//! with each legal term, and each death-toll figure is drawn as its words say.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use dossier::corpus::model::{Claim, Kind};
use dossier::corpus::{load, vocab};
use dossier::query::charts::{death_tolls, figure, who_said_what};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::{Index, Speaker};

fn shipped() -> Index {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.json"))
        .expect("the shipped corpus");
    Index::new(load::accept(load::parse(&text).expect("reads")).corpus)
}

/// A row's name, as the rest of the app says who made a claim.
fn name(ix: &Index, who: Speaker) -> String {
    match who {
        Speaker::Claimant(id) => ix.actor(id).map_or(id.to_string(), |a| a.name.clone()),
        Speaker::OwnVoice(words) => words,
    }
}

/// A row of the matrix: its name, claims, and count per column.
type Row = (String, u32, Vec<u32>);

/// The matrix worked out claim by claim, the plain way: per claimant (who
/// `Index::speaker` says made the claim, in the order they first appear), the
/// kept claims using any known legal term, and per term those using it.
fn reference(ix: &Index, out: &Outcome) -> (Vec<&'static str>, Vec<Row>) {
    let known = |t: &str| vocab::LEGAL_TERMS.values().any(|v| v == t);
    let mut rows: Vec<(Speaker, u32, Vec<&'static str>)> = Vec::new();
    for (c, claim) in ix.corpus.claims.iter().enumerate() {
        let terms: Vec<&'static str> = vocab::LEGAL_TERMS
            .values()
            .filter(|v| claim.legal_terms.iter().any(|t| t == v))
            .collect();
        if !out.keeps(Kind::Claim, c) || !claim.legal_terms.iter().any(|t| known(t)) {
            continue;
        }
        let who = ix.speaker(claim);
        match rows.iter_mut().find(|r| r.0 == who) {
            Some(row) => {
                row.1 += 1;
                row.2.extend(terms);
            }
            None => rows.push((who, 1, terms)),
        }
    }
    let used: Vec<&'static str> = vocab::LEGAL_TERMS
        .values()
        .filter(|t| rows.iter().any(|r| r.2.contains(t)))
        .collect();
    let mut rows: Vec<Row> = rows
        .into_iter()
        .map(|(who, claims, terms)| {
            let counts = used
                .iter()
                .map(|t| terms.iter().filter(|x| *x == t).count() as u32)
                .collect();
            (name(ix, who), claims, counts)
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    (used, rows)
}

/// The matrix agrees exactly with the claim-by-claim reference: the same
/// columns, rows, counts and order, and the cut after `limit` rows.
fn agrees(ix: &Index, out: &Outcome) {
    let (terms, rows) = reference(ix, out);
    let m = who_said_what(ix, out, usize::MAX);
    assert_eq!(m.terms, terms);
    let got: Vec<Row> = m
        .rows
        .iter()
        .map(|r| (r.name.clone(), r.claims, r.counts.clone()))
        .collect();
    assert_eq!(got, rows);
    assert_eq!(m.more, 0);
    for row in &m.rows {
        // A row links to its claimant exactly when the claimant speaks in its own words.
        let linked = row.actor.map(|a| ix.corpus.actors[a].name.clone());
        assert!(
            linked.is_none() || linked.as_ref() == Some(&row.name),
            "{}",
            row.name
        );
    }
    let cut = who_said_what(ix, out, 3);
    assert_eq!(cut.rows, m.rows[..m.rows.len().min(3)]);
    assert_eq!(cut.more, m.rows.len().saturating_sub(3));
}

#[test]
fn each_cell_counts_the_kept_claims_of_its_claimant_and_term() {
    let ix = shipped();
    for filter in [
        Filter::default(),
        Filter {
            from: "2016".into(),
            ..Filter::default()
        },
    ] {
        let out = Outcome::new(&ix, &filter, Kind::Claim);
        agrees(&ix, &out);
        let m = who_said_what(&ix, &out, 1000);
        assert!(!m.rows.is_empty() && m.more == 0);
        // Most prolific first.
        assert!(m.rows.windows(2).all(|w| w[0].claims >= w[1].claims));
    }
    let cut = who_said_what(&ix, &Outcome::new(&ix, &Filter::default(), Kind::Claim), 3);
    assert_eq!(cut.rows.len(), 3);
    assert!(cut.more > 0);
}

#[test]
fn the_matrix_agrees_claim_by_claim_on_a_generated_corpus() {
    let ix = Index::new(synth::generate(6000, 3));
    let busiest = (0..ix.len(Kind::Actor))
        .max_by_key(|&a| ix.involves[a].len())
        .map(|a| ix.corpus.actors[a].id.clone())
        .expect("actors");
    for filter in [
        Filter::default(),
        Filter {
            from: "1988".into(),
            to: "2016".into(),
            ..Filter::default()
        },
        Filter {
            actors: vec![busiest],
            ..Filter::default()
        },
        Filter {
            legal_terms: vec!["genocide".into()],
            ..Filter::default()
        },
    ] {
        agrees(&ix, &Outcome::new(&ix, &filter, Kind::Claim));
    }
}

/// A claim in the reporting article's own voice is named as its own page
/// names it, whoever its claimant is.
#[test]
fn the_own_voice_is_named_as_on_the_claims_page() {
    let ix = shipped();
    let m = who_said_what(
        &ix,
        &Outcome::new(&ix, &Filter::default(), Kind::Claim),
        usize::MAX,
    );
    let own: Vec<&Claim> = ix
        .corpus
        .claims
        .iter()
        .filter(|c| c.in_author_voice() && !c.legal_terms.is_empty())
        .collect();
    assert!(
        !own.is_empty(),
        "the shipped corpus has own-voice characterisations"
    );
    for c in own {
        let Speaker::OwnVoice(words) = ix.speaker(c) else {
            panic!("{} is in the article's own voice", c.id);
        };
        let row = m.rows.iter().find(|r| r.name == words);
        assert!(row.is_some_and(|r| r.actor.is_none()), "no row {words}");
    }
}

#[test]
fn every_shipped_death_toll_has_a_figure_to_draw() {
    let ix = shipped();
    let tolls: Vec<_> = ix
        .corpus
        .claims
        .iter()
        .filter_map(|c| c.death_toll.as_ref())
        .collect();
    assert!(!tolls.is_empty());
    for t in tolls {
        let f = figure(t).unwrap_or_else(|| panic!("no figure for {t:?}"));
        assert!(f.low.is_some() || f.high.is_some());
    }
}

#[test]
fn death_tolls_are_every_kept_figure_largest_first_those_in_words_last() {
    let ix = Index::without_text(synth::generate(3000, 4));
    let filter = Filter {
        from: "1988".into(),
        ..Filter::default()
    };
    let out = Outcome::new(&ix, &filter, Kind::Claim);
    // The plain way: every kept claim of the death-toll kind that gives one.
    let start = ix.numbering.range(Kind::Claim).start;
    let kept: Vec<usize> = (0..ix.corpus.claims.len())
        .filter(|&c| out.kept.contains(start + c))
        .filter(|&c| ix.corpus.claims[c].kind == "death-toll")
        .filter(|&c| ix.corpus.claims[c].death_toll.is_some())
        .collect();
    let (shown, total) = death_tolls(&ix, &out, 20);
    assert_eq!(total, kept.len());
    assert!(total > 20, "more than the table shows: {total}");
    assert_eq!(shown.len(), 20);
    assert!(shown.iter().all(|c| kept.contains(c)));
    let value = |c: usize| {
        ix.corpus.claims[c]
            .death_toll
            .as_ref()
            .and_then(|t| t.value)
    };
    assert!(
        shown.windows(2).all(|w| value(w[0]) >= value(w[1])),
        "largest first"
    );
    // None larger left out.
    let least = shown.iter().map(|&c| value(c)).min().unwrap();
    assert!(kept
        .iter()
        .filter(|c| !shown.contains(c))
        .all(|&c| value(c) <= least));
    let (all, _) = death_tolls(&ix, &out, usize::MAX);
    let words = all.iter().position(|&c| value(c).is_none());
    assert!(
        words.is_none_or(|at| all[at..].iter().all(|&c| value(c).is_none())),
        "words last"
    );
}
