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
use dossier::query::search::{query_words, stem, words};

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
                    .any(|&a| counts_under(ix, n, a).iter().any(|b| f.actors.contains(b)))
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

/// The ids of the bodies `id` is part of, read from the records step by step.
fn slow_ancestors(ix: &Index, id: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut todo = vec![id.to_string()];
    while let Some(x) = todo.pop() {
        for p in ix.actor(&x).map(|a| a.part_of.as_slice()).unwrap_or(&[]) {
            if p.of != id && !out.contains(&p.of) && ix.actor(&p.of).is_some() {
                out.push(p.of.clone());
                todo.push(p.of.clone());
            }
        }
    }
    out
}

/// The ids a record counts under by involving the actor at `a`: the actor,
/// the bodies it is part of, and the bodies of the roles it held at the
/// record's time (an undated role always; an actor's own record always;
/// another undated record never), with theirs.
fn counts_under(ix: &Index, n: usize, a: usize) -> Vec<String> {
    let actor = &ix.corpus.actors[a];
    let mut out = vec![actor.id.clone()];
    out.extend(slow_ancestors(ix, &actor.id));
    let r = ix.numbering.record(n);
    let record_span = ix.facts(r.kind)[r.idx].span;
    for role in &actor.roles {
        let Some(of) = role.of.as_deref().filter(|o| ix.actor(o).is_some()) else {
            continue;
        };
        let role_span = role
            .date
            .as_ref()
            .and_then(|d| DateSpan::parse(&d.when).ok());
        let held = match (role_span, record_span) {
            (None, _) => true,
            _ if r.kind == Kind::Actor => true,
            (Some(role), Some(rec)) => role.overlaps(&rec),
            (Some(_), None) => false,
        };
        if held {
            out.push(of.to_string());
            out.extend(slow_ancestors(ix, of));
        }
    }
    out
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

/// A count asked of each actor in turn, as the app asks it of those on screen.
fn every_actor(ix: &Index, count: impl Fn(usize) -> u32) -> Vec<u32> {
    (0..ix.len(Kind::Actor)).map(count).collect()
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
        assert_eq!(out.actor_counts(ix), actor_counts, "actor counts, {f:?}");
        // One actor's count, as the chips ask for it, is the same figure.
        assert_eq!(
            every_actor(ix, |a| out.actor_count(ix, a)),
            actor_counts,
            "one actor's count, {f:?}"
        );
        // Through its parts and people in role: what choosing each actor
        // keeps beyond what involves it itself.
        let mut through_counts = vec![0u32; ix.len(Kind::Actor)];
        for n in range
            .clone()
            .filter(|&n| keeps_but(rd, f, Some(Facet::Actors), n))
        {
            let r = ix.numbering.record(n);
            let rel = &ix.facts(r.kind)[r.idx].related;
            for (b, count) in through_counts.iter_mut().enumerate() {
                let id = &ix.corpus.actors[b].id;
                let own = rel.actors.contains(&b);
                if !own
                    && rel
                        .actors
                        .iter()
                        .any(|&a| counts_under(ix, n, a).contains(id))
                {
                    *count += 1;
                }
            }
        }
        assert_eq!(
            every_actor(ix, |a| out.actor_through(ix, a)),
            through_counts,
            "through counts, {f:?}"
        );
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
            // Each word as search reads it: plurals folded to the singular.
            words(&text).map(|w| stem(w).into_owned()).collect()
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
    // The institution with the most records through its parts and people.
    let institution = (0..ix.len(Kind::Actor))
        .max_by_key(|&a| ix.through[a].len())
        .map(|a| ix.corpus.actors[a].id.clone())
        .expect("actors");
    assert!(
        ix.through.iter().filter(|t| !t.is_empty()).count() > 10,
        "the generated corpus has institutions with parts and people in role"
    );
    let parent = ix
        .corpus
        .actors
        .iter()
        .find_map(|a| a.part_of.first().map(|p| p.of.clone()))
        .expect("a part");
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
            actors: vec![institution.clone()],
            ..Filter::default()
        },
        Filter {
            actors: vec![parent, rare.clone()],
            from: "2016".into(),
            to: "2020".into(),
            ..Filter::default()
        },
        Filter {
            actors: vec![institution],
            claim_kinds: vec!["death-toll".into()],
            include_undated: true,
            from: "1988".into(),
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

/// The lists in date order are what a stable sort by `chronological` gives:
/// earliest first, undated last, ties in corpus order.
#[test]
fn date_orders_are_chronological_undated_last_ties_in_corpus_order() {
    use dossier::query::index::chronological;
    use dossier::query::order::ClaimOrder;
    let index = Index::new(synth::generate(4_000, 11));
    for kind in [Kind::Event, Kind::Claim, Kind::Source] {
        let facts = index.facts(kind);
        let mut expected: Vec<u32> = (0..facts.len() as u32).collect();
        expected.sort_by(|&a, &b| {
            chronological(
                facts[a as usize].span.as_ref(),
                facts[b as usize].span.as_ref(),
            )
        });
        assert_eq!(
            index.order(kind, ClaimOrder::Date),
            expected.as_slice(),
            "{kind:?}"
        );
        assert!(
            facts.iter().any(|f| f.span.is_none()),
            "{kind:?} has undated records to order"
        );
    }
}

/// Ids are registered, and events and claims linked, in steps of tens of
/// thousands (so that a browser can paint between them): past the first step,
/// every claim is linked as in it, to the source it is reported in, the events it
/// is about and who made it, every event to its participants and sources, and
/// every id found.
#[test]
fn records_past_the_first_step_of_linking_are_linked_like_the_first() {
    let corpus = synth::generate(120_000, 5);
    assert!(
        corpus.claims.len() > 50_000,
        "{} claims",
        corpus.claims.len()
    );
    let index = Index::new(corpus);
    let claims = index.facts(Kind::Claim);
    for (c, claim) in index.corpus.claims.iter().enumerate() {
        let related = &claims[c].related;
        let source = index.lookup(&claim.reported_in).unwrap();
        assert!(related.sources.contains(&source.idx), "claim {c}");
        for event in &claim.events {
            let e = index.lookup(event).unwrap().idx;
            assert!(related.events.contains(&e), "claim {c}");
            assert!(
                index.facts(Kind::Event)[e].related.claims.contains(&c),
                "claim {c}"
            );
        }
        if let Some(claimant) = &claim.claimant {
            let a = index.lookup(claimant).unwrap().idx;
            assert!(related.actors.contains(&a), "claim {c}");
        }
    }
    // Events and ids are registered and linked in steps too.
    assert!(index.corpus.events.len() > 25_000);
    for (e, event) in index.corpus.events.iter().enumerate() {
        assert_eq!(index.lookup(&event.id).map(|r| r.idx), Some(e), "event {e}");
        let related = &index.facts(Kind::Event)[e].related;
        for p in &event.actors {
            let a = index.lookup(&p.actor).unwrap().idx;
            assert!(related.actors.contains(&a), "event {e}");
            assert!(
                index.facts(Kind::Actor)[a].related.events.contains(&e),
                "event {e}"
            );
        }
        for x in &event.evidence {
            let s = index.lookup(&x.source).unwrap().idx;
            assert!(related.sources.contains(&s), "event {e}");
        }
    }
    for (c, claim) in index.corpus.claims.iter().enumerate() {
        assert_eq!(index.lookup(&claim.id).map(|r| r.idx), Some(c), "claim {c}");
    }
    // Postings are built in steps of 100,000 records: every event is posted
    // under its participants and tags, every claim (past the first step) under
    // its kind and claimant, the last steps as the first.
    let kinds = &dossier::corpus::vocab::CLAIM_KINDS;
    assert!(index.numbering.total() > 100_000);
    for (c, claim) in index.corpus.claims.iter().enumerate() {
        let n = index.numbering.number(Kind::Claim, c);
        let k = kinds
            .terms
            .iter()
            .position(|(key, _)| *key == claim.kind)
            .unwrap();
        assert!(index.claim_kind_sets[k].contains(n), "claim {c}");
        if let Some(claimant) = &claim.claimant {
            let a = index.lookup(claimant).unwrap().idx;
            assert!(index.involves[a].contains(&(n as u32)), "claim {c}");
        }
    }
    let tags = &dossier::corpus::vocab::EVENT_TAGS;
    for (e, event) in index.corpus.events.iter().enumerate() {
        let n = index.numbering.number(Kind::Event, e);
        for p in &event.actors {
            let a = index.lookup(&p.actor).unwrap().idx;
            assert!(index.involves[a].contains(&(n as u32)), "event {e}");
        }
        for tag in &event.tags {
            let t = tags.terms.iter().position(|(key, _)| key == tag).unwrap();
            assert!(index.tag_sets[t].contains(n), "event {e}");
        }
    }
}
