//! The indexes must keep exactly what a plain record-by-record reading of the
//! filter keeps. This test reads every filter the slow, obvious way on a
//! generated corpus and compares: kept records of every kind, the events that
//! only may fall in the range, the undated records hidden, and every count
//! beside every choice.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use dossier::corpus::date::DateSpan;
use dossier::corpus::model::Kind;
use dossier::corpus::text::fold;
use dossier::corpus::vocab;
use dossier::query::filter::{Facet, Filter, Outcome};
use dossier::query::index::{Index, KINDS};
use dossier::query::search::{query_words, words};

/// The corpus, and each record's words as a search reads them.
struct Reading {
    ix: Index,
    words: Vec<Vec<String>>,
}

/// Whether one facet keeps the record numbered `n`, read from the record itself.
fn facet_keeps(rd: &Reading, f: &Filter, facet: Facet, n: usize) -> bool {
    let ix = &rd.ix;
    let r = ix.numbering.record(n);
    let facts = &ix.facts(r.kind)[r.idx];
    let rel = &facts.related;
    let c = &ix.corpus;
    match facet {
        Facet::Text => query_words(&f.text)
            .iter()
            .all(|q| rd.words[n].iter().any(|w| w.starts_with(q.as_str()))),
        Facet::Actors => {
            f.actors.is_empty()
                || rel
                    .actors
                    .iter()
                    .any(|&a| f.actors.contains(&c.actors[a].id))
        }
        Facet::Tags => {
            f.tags.is_empty()
                || rel
                    .events
                    .iter()
                    .any(|&e| c.events[e].tags.iter().any(|t| f.tags.contains(t)))
        }
        Facet::ClaimKinds => {
            f.claim_kinds.is_empty()
                || rel
                    .claims
                    .iter()
                    .any(|&x| f.claim_kinds.contains(&c.claims[x].kind))
        }
        Facet::LegalTerms => {
            f.legal_terms.is_empty()
                || rel.claims.iter().any(|&x| {
                    c.claims[x]
                        .legal_terms
                        .iter()
                        .any(|t| f.legal_terms.contains(t))
                })
        }
        Facet::SourceKinds => {
            f.source_kinds.is_empty()
                || rel
                    .sources
                    .iter()
                    .any(|&s| f.source_kinds.contains(&c.sources[s].kind))
        }
        Facet::Date => {
            let (window, _) = f.window();
            if window.is_open() {
                return true;
            }
            let spans: Vec<Option<DateSpan>> = if r.kind == Kind::Actor {
                // An actor fits when something it is linked to does.
                let linked = rel
                    .events
                    .iter()
                    .map(|&e| ix.events[e].span)
                    .chain(rel.claims.iter().map(|&x| ix.claims[x].span))
                    .chain(rel.sources.iter().map(|&s| ix.sources[s].span));
                linked.filter(Option::is_some).collect()
            } else {
                facts.span.into_iter().map(Some).collect()
            };
            if spans.is_empty() {
                return f.include_undated;
            }
            spans.iter().flatten().any(|s| window.overlaps(s))
        }
    }
}

const FACETS: [Facet; 7] = [
    Facet::LegalTerms,
    Facet::Text,
    Facet::Actors,
    Facet::Tags,
    Facet::ClaimKinds,
    Facet::SourceKinds,
    Facet::Date,
];

fn keeps_but(rd: &Reading, f: &Filter, skip: Option<Facet>, n: usize) -> bool {
    FACETS
        .iter()
        .filter(|&&facet| Some(facet) != skip)
        .all(|&facet| facet_keeps(rd, f, facet, n))
}

fn check(rd: &Reading, f: &Filter) {
    let ix = &rd.ix;
    for counted in KINDS {
        let out = Outcome::new(ix, f, counted);
        for n in 0..ix.numbering.total() {
            assert_eq!(
                out.kept.contains(n),
                keeps_but(rd, f, None, n),
                "record {n}, {f:?}"
            );
        }
        let range = ix.numbering.range(counted);
        let (window, _) = f.window();
        let undated = range
            .clone()
            .filter(|&n| {
                !window.is_open()
                    && !f.include_undated
                    && !facet_keeps(rd, f, Facet::Date, n)
                    && keeps_but(rd, f, Some(Facet::Date), n)
                    && {
                        let undated_only = Filter {
                            include_undated: true,
                            ..f.clone()
                        };
                        facet_keeps(rd, &undated_only, Facet::Date, n)
                    }
            })
            .count();
        assert_eq!(out.undated_hidden, undated, "undated hidden, {f:?}");
        for facet in Facet::TERMS {
            let Some(vocab) = facet.vocab() else { continue };
            for value in vocab.values() {
                let mut chosen = Filter { ..f.clone() };
                if let Some(list) = chosen.chosen_mut(facet) {
                    *list = vec![value.to_string()];
                }
                let n = range
                    .clone()
                    .filter(|&n| keeps_but(rd, f, Some(facet), n))
                    .filter(|&n| facet_keeps(rd, &chosen, facet, n))
                    .count();
                assert_eq!(out.term_count(facet, value), n, "{value} count, {f:?}");
            }
        }
        let mut actor_counts = vec![0u32; ix.len(Kind::Actor)];
        for n in range
            .clone()
            .filter(|&n| keeps_but(rd, f, Some(Facet::Actors), n))
        {
            let r = ix.numbering.record(n);
            for &a in &ix.facts(r.kind)[r.idx].related.actors {
                actor_counts[a] += 1;
            }
        }
        assert_eq!(out.actor_counts, actor_counts, "actor counts, {f:?}");
        // Events only possibly in the range are kept events whose dates reach past it.
        let events = ix.numbering.range(Kind::Event);
        for n in events.clone() {
            let span = ix.events[n - events.start].span;
            let loose = out.kept.contains(n) && span.is_some_and(|s| !window.contains(&s));
            assert_eq!(
                out.loose_events.contains(n),
                loose,
                "event {n} loose, {f:?}"
            );
        }
    }
}

#[test]
fn the_indexes_keep_and_count_exactly_what_reading_each_record_does() {
    let ix = Index::new(synth::generate(1_200, 11));
    let words = (0..ix.numbering.total())
        .map(|n| {
            let text = fold(&ix.searchable(n).join(" "));
            words(&text).map(str::to_string).collect()
        })
        .collect();
    let word = |i: usize| -> String {
        let title = &ix.corpus.events[i].title;
        fold(title.split_whitespace().next().unwrap_or("the"))
    };
    let busiest = (0..ix.len(Kind::Actor))
        .max_by_key(|&a| ix.involves[a].len())
        .map(|a| ix.corpus.actors[a].id.clone())
        .expect("actors");
    let rare = ix.corpus.actors[ix.len(Kind::Actor) - 1].id.clone();
    let filters = vec![
        Filter::default(),
        Filter {
            text: word(0)[..1].to_string(),
            ..Filter::default()
        },
        Filter {
            text: format!("{} {}", word(3), word(5)),
            ..Filter::default()
        },
        Filter {
            text: "Genève".into(),
            ..Filter::default()
        },
        Filter {
            text: "zzzzqx".into(),
            ..Filter::default()
        },
        Filter {
            from: "1988".into(),
            to: "1988".into(),
            ..Filter::default()
        },
        Filter {
            from: "2016-09".into(),
            ..Filter::default()
        },
        Filter {
            to: "1990-06-30".into(),
            include_undated: true,
            ..Filter::default()
        },
        Filter {
            from: "2019".into(),
            to: "2013-13".into(),
            ..Filter::default()
        },
        Filter {
            actors: vec![busiest.clone()],
            ..Filter::default()
        },
        Filter {
            actors: vec![busiest.clone(), rare.clone(), "act-nobody".into()],
            ..Filter::default()
        },
        Filter {
            tags: vec!["killings".into(), "conference".into()],
            ..Filter::default()
        },
        Filter {
            claim_kinds: vec!["death-toll".into()],
            ..Filter::default()
        },
        Filter {
            legal_terms: vec!["genocide".into(), "torture".into()],
            ..Filter::default()
        },
        Filter {
            source_kinds: vec!["un-report".into(), "bogus".into()],
            ..Filter::default()
        },
        Filter {
            from: "1988".into(),
            to: "2017".into(),
            actors: vec![busiest],
            claim_kinds: vec!["legal-characterisation".into(), "allegation".into()],
            text: word(7)[..2].to_string(),
            ..Filter::default()
        },
    ];
    assert!(vocab::EVENT_TAGS.contains("killings"));
    let reading = Reading { ix, words };
    for f in &filters {
        check(&reading, f);
    }
}
