//! Cross-references between records, worked out once when the corpus loads.

use std::collections::HashMap;

use crate::date::DateSpan;
use crate::model::{Actor, Claim, Corpus, DateSpec, Event, Kind, Source};
use crate::text::fold;

/// A record by kind and position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RecordRef {
    pub kind: Kind,
    pub idx: usize,
}

/// What a record is linked to, by position in the corpus arrays.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Related {
    pub events: Vec<usize>,
    pub claims: Vec<usize>,
    pub sources: Vec<usize>,
    /// Actors the record involves directly (participants, claimant, publisher...).
    pub actors: Vec<usize>,
}

/// What filtering and display need of each record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub span: Option<DateSpan>,
    /// Folded text for case- and accent-insensitive search.
    pub search: String,
    pub related: Related,
}

#[derive(Clone, Debug, Default)]
pub struct Index {
    pub corpus: Corpus,
    ids: HashMap<String, RecordRef>,
    pub events: Vec<Facts>,
    pub claims: Vec<Facts>,
    pub sources: Vec<Facts>,
    pub actors: Vec<Facts>,
    /// Sources that cite each source.
    pub cited_by: Vec<Vec<usize>>,
    /// Events in time order, undated last.
    pub event_order: Vec<usize>,
}

fn push_unique(list: &mut Vec<usize>, value: usize) {
    if !list.contains(&value) {
        list.push(value);
    }
}

fn span(date: Option<&DateSpec>) -> Option<DateSpan> {
    date.and_then(|d| DateSpan::parse(&d.when).ok())
}

/// Orders optional spans chronologically, undated last.
pub fn chronological(a: Option<&DateSpan>, b: Option<&DateSpan>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.sort_key().cmp(&b.sort_key()),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

impl Index {
    /// Builds the index of a corpus that passed validation; a dangling reference
    /// (which validation would have refused) is skipped, never a panic.
    pub fn new(corpus: Corpus) -> Index {
        let mut ids = HashMap::new();
        for (idx, s) in corpus.sources.iter().enumerate() {
            ids.insert(
                s.id.clone(),
                RecordRef {
                    kind: Kind::Source,
                    idx,
                },
            );
        }
        for (idx, a) in corpus.actors.iter().enumerate() {
            ids.insert(
                a.id.clone(),
                RecordRef {
                    kind: Kind::Actor,
                    idx,
                },
            );
        }
        for (idx, e) in corpus.events.iter().enumerate() {
            ids.insert(
                e.id.clone(),
                RecordRef {
                    kind: Kind::Event,
                    idx,
                },
            );
        }
        for (idx, c) in corpus.claims.iter().enumerate() {
            ids.insert(
                c.id.clone(),
                RecordRef {
                    kind: Kind::Claim,
                    idx,
                },
            );
        }
        let find = |id: &str, kind: Kind| ids.get(id).filter(|r| r.kind == kind).map(|r| r.idx);
        let mut events = vec![Facts::default(); corpus.events.len()];
        let mut claims = vec![Facts::default(); corpus.claims.len()];
        let mut sources = vec![Facts::default(); corpus.sources.len()];
        let mut actors = vec![Facts::default(); corpus.actors.len()];
        let mut cited_by = vec![Vec::new(); corpus.sources.len()];

        for (s, source) in corpus.sources.iter().enumerate() {
            sources[s].related.sources.push(s);
            for cited in source.cites.iter().filter_map(|id| find(id, Kind::Source)) {
                push_unique(&mut cited_by[cited], s);
            }
            let people = source.publisher.iter().chain(&source.authors);
            for a in people.filter_map(|id| find(id, Kind::Actor)) {
                push_unique(&mut sources[s].related.actors, a);
                push_unique(&mut actors[a].related.sources, s);
            }
        }
        for (e, event) in corpus.events.iter().enumerate() {
            events[e].related.events.push(e);
            for s in event
                .evidence
                .iter()
                .filter_map(|x| find(&x.source, Kind::Source))
            {
                push_unique(&mut events[e].related.sources, s);
                push_unique(&mut sources[s].related.events, e);
            }
            for a in event
                .actors
                .iter()
                .filter_map(|p| find(&p.actor, Kind::Actor))
            {
                push_unique(&mut events[e].related.actors, a);
                push_unique(&mut actors[a].related.events, e);
            }
        }
        for (c, claim) in corpus.claims.iter().enumerate() {
            claims[c].related.claims.push(c);
            let about: Vec<usize> = claim
                .events
                .iter()
                .filter_map(|id| find(id, Kind::Event))
                .collect();
            let reported = find(&claim.reported_in, Kind::Source);
            let via = claim.via.as_deref().and_then(|id| find(id, Kind::Source));
            let speakers: Vec<usize> = claim
                .claimant
                .iter()
                .chain(&claim.relayed_by)
                .filter_map(|id| find(id, Kind::Actor))
                .collect();
            for &e in &about {
                push_unique(&mut claims[c].related.events, e);
                push_unique(&mut events[e].related.claims, c);
            }
            for s in reported.into_iter().chain(via) {
                push_unique(&mut claims[c].related.sources, s);
                push_unique(&mut sources[s].related.claims, c);
                for &e in &about {
                    push_unique(&mut sources[s].related.events, e);
                    push_unique(&mut events[e].related.sources, s);
                }
            }
            for &a in &speakers {
                push_unique(&mut claims[c].related.actors, a);
                push_unique(&mut actors[a].related.claims, c);
                // The document a claim was first made in involves who made it.
                if let Some(s) = via {
                    push_unique(&mut sources[s].related.actors, a);
                    push_unique(&mut actors[a].related.sources, s);
                }
            }
        }
        for (a, actor) in corpus.actors.iter().enumerate() {
            actors[a].related.actors.push(a);
            actors[a].search = actor_search(actor);
        }
        let actor_names = |facts: &Facts| -> String {
            let names: Vec<&str> = facts
                .related
                .actors
                .iter()
                .map(|&a| corpus.actors[a].name.as_str())
                .collect();
            names.join(" ")
        };
        for (e, event) in corpus.events.iter().enumerate() {
            events[e].span = span(event.date.as_ref());
            events[e].search = event_search(event, &actor_names(&events[e]));
        }
        for (c, claim) in corpus.claims.iter().enumerate() {
            claims[c].span = span(claim.date.as_ref());
            claims[c].search = claim_search(claim, &actor_names(&claims[c]));
        }
        for (s, source) in corpus.sources.iter().enumerate() {
            sources[s].span = span(source.date.as_ref());
            sources[s].search = source_search(source, &actor_names(&sources[s]));
        }
        let mut event_order: Vec<usize> = (0..corpus.events.len()).collect();
        event_order
            .sort_by(|&a, &b| chronological(events[a].span.as_ref(), events[b].span.as_ref()));
        Index {
            corpus,
            ids,
            events,
            claims,
            sources,
            actors,
            cited_by,
            event_order,
        }
    }

    pub fn lookup(&self, id: &str) -> Option<RecordRef> {
        self.ids.get(id).copied()
    }

    pub fn facts(&self, kind: Kind) -> &[Facts] {
        match kind {
            Kind::Event => &self.events,
            Kind::Claim => &self.claims,
            Kind::Source => &self.sources,
            Kind::Actor => &self.actors,
        }
    }

    pub fn len(&self, kind: Kind) -> usize {
        self.facts(kind).len()
    }

    pub fn id(&self, r: RecordRef) -> &str {
        let c = &self.corpus;
        match r.kind {
            Kind::Event => &c.events[r.idx].id,
            Kind::Claim => &c.claims[r.idx].id,
            Kind::Source => &c.sources[r.idx].id,
            Kind::Actor => &c.actors[r.idx].id,
        }
    }

    /// The ids of records of one kind, by position.
    pub fn ids(&self, kind: Kind, positions: &[usize]) -> Vec<String> {
        positions
            .iter()
            .map(|&idx| self.id(RecordRef { kind, idx }).to_string())
            .collect()
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.find(id, Kind::Actor).map(|i| &self.corpus.actors[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.find(id, Kind::Source).map(|i| &self.corpus.sources[i])
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.find(id, Kind::Event).map(|i| &self.corpus.events[i])
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.find(id, Kind::Claim).map(|i| &self.corpus.claims[i])
    }

    /// The actor whose name or one of whose aliases is `name`, ignoring case and accents.
    pub fn actor_named(&self, name: &str) -> Option<&Actor> {
        let wanted = fold(name.trim());
        self.corpus.actors.iter().find(|a| {
            fold(&a.name) == wanted || a.aliases.iter().any(|alias| fold(alias) == wanted)
        })
    }

    pub fn find(&self, id: &str, kind: Kind) -> Option<usize> {
        self.ids.get(id).filter(|r| r.kind == kind).map(|r| r.idx)
    }

    /// Who made a claim, as readers see it: the claimant, or the reporting
    /// source's own voice.
    pub fn claimant_name(&self, claim: &Claim) -> String {
        match claim.claimant.as_deref().and_then(|id| self.actor(id)) {
            Some(actor) => actor.name.clone(),
            None => match self.source(&claim.reported_in) {
                Some(s) => format!("Author of “{}”", s.title),
                None => "Unattributed".to_string(),
            },
        }
    }
}

fn join_folded(parts: &[&str]) -> String {
    fold(&parts.join(" \u{1f} "))
}

fn actor_search(a: &Actor) -> String {
    let mut parts = vec![a.name.as_str(), a.country.as_deref().unwrap_or("")];
    parts.extend(a.aliases.iter().map(String::as_str));
    parts.push(a.description.as_deref().unwrap_or(""));
    parts.extend(a.roles.iter().map(|r| r.title.as_str()));
    join_folded(&parts)
}

fn event_search(e: &Event, actor_names: &str) -> String {
    let mut parts = vec![
        e.title.as_str(),
        e.summary.as_str(),
        e.place.as_deref().unwrap_or(""),
    ];
    parts.push(actor_names);
    parts.extend(e.evidence.iter().map(|x| x.quote.as_str()));
    join_folded(&parts)
}

fn claim_search(c: &Claim, actor_names: &str) -> String {
    let toll = c.death_toll.as_ref().map_or("", |t| t.as_written.as_str());
    join_folded(&[
        &c.paraphrase,
        &c.quote,
        actor_names,
        toll,
        c.note.as_deref().unwrap_or(""),
    ])
}

fn source_search(s: &Source, actor_names: &str) -> String {
    let mut parts = vec![
        s.title.as_str(),
        actor_names,
        s.note.as_deref().unwrap_or(""),
    ];
    parts.push(s.stance.as_deref().unwrap_or(""));
    parts.extend(s.identifiers.iter().map(|i| i.value.as_str()));
    join_folded(&parts)
}
