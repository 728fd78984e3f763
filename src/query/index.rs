//! Everything filtering and display need, worked out once when the corpus loads:
//! cross-references, and the indexes that make a filter change cost the same at
//! 100,000 records as at 300: postings per actor and per vocabulary value, the
//! dated records in date order, an inverted text index and the list orders.
//!
//! Records of every kind share one numbering (sources, then actors, events and
//! claims), so one set of bits can say which records of every kind a filter keeps.

use std::ops::Range;
use std::sync::OnceLock;

use crate::corpus::date::DateSpan;
use crate::corpus::hash::FastMap;
use crate::corpus::model::{Actor, Claim, Corpus, DateSpec, Event, Kind, Source};
use crate::corpus::text::fold;
use crate::corpus::vocab::{self, Vocab};
use crate::i18n::{fill, SpeakerWords};
use crate::query::bits::Bits;
use crate::query::flat::FlatLists;
use crate::query::names::{acronym, best, folded_names, name_rank, names_of, Rank};
use crate::query::order::ClaimOrder;
use crate::query::search::{TextIndex, TextIndexBuilder};

/// Who made a claim: see `Index::speaker`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Speaker<'c> {
    /// The claimant's id, to link to.
    Claimant(&'c str),
    /// Words for a claim in the reporting article's own voice.
    OwnVoice(String),
}

/// How a record counts under an institution it does not involve itself
/// (see `Index::reached_through`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reach {
    /// Through one of its parts, or their parts: the actor at this position.
    Part(usize),
    /// Through a person in one of its roles: the person and the role's
    /// position among their roles.
    Role { person: usize, role: usize },
}

/// A role held in another actor: (role position, that actor, the role's
/// first and last day, or None when undated).
type RoleTarget = (u32, u32, Option<(u32, u32)>);

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
    pub related: Related,
}

/// The kinds in numbering order.
pub const KINDS: [Kind; 4] = [Kind::Source, Kind::Actor, Kind::Event, Kind::Claim];

/// Where each kind's records start in the shared numbering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Numbering {
    starts: [usize; 5],
}

impl Numbering {
    fn new(corpus: &Corpus) -> Numbering {
        let lens = [
            corpus.sources.len(),
            corpus.actors.len(),
            corpus.events.len(),
            corpus.claims.len(),
        ];
        let mut starts = [0; 5];
        for (i, len) in lens.iter().enumerate() {
            starts[i + 1] = starts[i] + len;
        }
        Numbering { starts }
    }

    fn slot(kind: Kind) -> usize {
        match kind {
            Kind::Source => 0,
            Kind::Actor => 1,
            Kind::Event => 2,
            Kind::Claim => 3,
        }
    }

    /// How many records there are of every kind together.
    pub fn total(&self) -> usize {
        self.starts[4]
    }

    /// The numbers of one kind's records.
    pub fn range(&self, kind: Kind) -> Range<usize> {
        let s = Numbering::slot(kind);
        self.starts[s]..self.starts[s + 1]
    }

    pub fn number(&self, kind: Kind, idx: usize) -> usize {
        self.starts[Numbering::slot(kind)] + idx
    }

    pub fn record(&self, number: usize) -> RecordRef {
        let kind = KINDS
            .into_iter()
            .find(|&k| self.range(k).contains(&number))
            .unwrap_or(Kind::Claim);
        RecordRef {
            kind,
            idx: number - self.range(kind).start,
        }
    }
}

/// A dated record's first and last possible day, for range queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    pub first: u32,
    pub last: u32,
    pub number: u32,
}

/// An index under construction, a step at a time, so that a browser can let
/// the page paint and answer between steps of a large corpus.
pub struct IndexBuilding {
    index: Index,
    phase: usize,
    /// How far the phase under way has got, for a phase run in several steps.
    within: usize,
}

/// A phase of building the index: run whole, or in several steps, each taking up
/// where the last stopped and saying whether the phase is done.
enum Phase {
    Whole(fn(&mut Index)),
    InSteps(fn(&mut Index, &mut usize) -> bool),
}

impl IndexBuilding {
    /// The phases, in order; each is linear in the corpus.
    const PHASES: [Phase; 13] = [
        // The phases that grow longest with the corpus run in steps: whole, each
        // took seconds of a browser at a million records, with the page frozen.
        Phase::InSteps(Index::register_ids),
        Phase::Whole(Index::link_sources),
        Phase::InSteps(Index::link_events),
        // Some 300 ms at 100,000 records in a browser, when it was one task.
        Phase::InSteps(Index::link_claims),
        Phase::Whole(Index::tidy_links),
        Phase::Whole(Index::flatten_actor_links),
        Phase::InSteps(Index::build_postings),
        Phase::Whole(Index::link_institutions),
        Phase::Whole(Index::build_reach),
        Phase::Whole(Index::build_dates),
        Phase::InSteps(Index::build_orders),
        Phase::Whole(Index::name_actors),
        Phase::Whole(Index::group_speakers),
    ];

    pub fn new(corpus: Corpus) -> IndexBuilding {
        IndexBuilding {
            index: Index {
                corpus,
                ..Index::default()
            },
            phase: 0,
            within: 0,
        }
    }

    /// Runs the next step; true once every phase has run.
    pub fn step(&mut self) -> bool {
        let done = match Self::PHASES.get(self.phase) {
            Some(Phase::Whole(phase)) => {
                phase(&mut self.index);
                true
            }
            Some(Phase::InSteps(phase)) => phase(&mut self.index, &mut self.within),
            None => false,
        };
        if done {
            self.phase += 1;
            self.within = 0;
        }
        self.phase >= Self::PHASES.len()
    }

    /// How many phases have run, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.phase, Self::PHASES.len())
    }

    /// The index, every phase run (see `step`); all but its text index.
    pub fn finish(mut self) -> Index {
        while !self.step() {}
        self.index
    }
}

/// Each record's places in the vocabularies, worked out once for the postings
/// phase, which runs in steps: an event's tags, a claim's kind and legal terms, a
/// source's kind.
#[derive(Clone, Debug, Default)]
struct Positions {
    tags: Vec<Vec<usize>>,
    claim_kind: Vec<Option<usize>>,
    legal_terms: Vec<Vec<usize>>,
    source_kind: Vec<Option<usize>>,
}

impl Positions {
    fn of(corpus: &Corpus) -> Positions {
        let all = |terms: &[String], v: &Vocab| -> Vec<usize> {
            terms.iter().filter_map(|t| position(v, t)).collect()
        };
        Positions {
            tags: corpus
                .events
                .iter()
                .map(|e| all(&e.tags, &vocab::EVENT_TAGS))
                .collect(),
            claim_kind: corpus
                .claims
                .iter()
                .map(|c| position(&vocab::CLAIM_KINDS, &c.kind))
                .collect(),
            legal_terms: corpus
                .claims
                .iter()
                .map(|c| all(&c.legal_terms, &vocab::LEGAL_TERMS))
                .collect(),
            source_kind: corpus
                .sources
                .iter()
                .map(|s| position(&vocab::SOURCE_KINDS, &s.kind))
                .collect(),
        }
    }
}

/// The text index under construction, a batch of records at a time.
#[derive(Default)]
pub struct TextIndexing {
    builder: TextIndexBuilder,
    next: usize,
}

/// The orders lists are shown in, as positions within each kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Orders {
    /// Events, claims and sources in time order, undated last.
    pub events: Vec<u32>,
    pub claims_by_date: Vec<u32>,
    pub claims_by_kind: Vec<u32>,
    pub claims_by_claimant: Vec<u32>,
    pub sources: Vec<u32>,
    /// Actors by kind, in the vocabulary's order, then by name.
    pub actors: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
pub struct Index {
    pub corpus: Corpus,
    ids: FastMap<String, RecordRef>,
    pub events: Vec<Facts>,
    pub claims: Vec<Facts>,
    pub sources: Vec<Facts>,
    pub actors: Vec<Facts>,
    /// Sources that cite each source.
    pub cited_by: Vec<Vec<usize>>,
    pub numbering: Numbering,
    /// Per actor, the numbers of every record involving it (itself included).
    pub involves: Vec<Vec<u32>>,
    /// Per record number, the actors it involves directly (`Related::actors`),
    /// in one array for the filters' walks over many records.
    pub actors_of: FlatLists,
    /// The vocabulary positions the postings phase works from, while it runs.
    positions: Option<Box<Positions>>,
    /// Per value of each vocabulary facet (in the vocabulary's order), the
    /// records that carry it through their links: an event's tags reach the
    /// claims and sources about it, a claim's kind reaches its event and sources.
    pub tag_sets: Vec<Bits>,
    pub claim_kind_sets: Vec<Bits>,
    pub source_kind_sets: Vec<Bits>,
    /// The legal characterisations claims make, reaching their events,
    /// sources and claimants like claim kinds do.
    pub legal_term_sets: Vec<Bits>,
    /// Dated records by first possible day.
    pub by_first_day: Vec<Dated>,
    /// Records with a date; an actor counts as dated when something it is
    /// linked to is.
    pub dated: Bits,
    /// Per record number, the first and last day its date may denote ((0, 0)
    /// when undated), and which dates are inferred: compact, so that the
    /// timeline reads 50,000 dates without touching the records.
    pub day_bounds: Vec<(u32, u32)>,
    pub inferred_dates: Bits,
    /// Built last, and in the browser after the first list is on screen
    /// (see `TextIndexing`): until then a search says it is being prepared.
    pub text: OnceLock<TextIndex>,
    pub orders: Orders,
    /// Per claim, its claimant (unless it speaks in the author's voice) and the
    /// source it is reported in, by position: the matrix of who said what
    /// reads these for thousands of claims at a time.
    pub claimant_of: Vec<Option<u32>>,
    pub reported_in_of: Vec<Option<u32>>,
    /// Per claim, who made it as a number: two claims share one exactly when
    /// `speaker` says the same of both. The matrix of who said what has a row
    /// per number, so it names rows as the rest of the app names claimants.
    pub speaker_of: Vec<u32>,
    /// Per speaker number, the first claim with it, to name it by.
    pub speaker_claims: Vec<u32>,
    /// Per actor, its folded name, aliases and names in other languages, for type-ahead.
    pub actor_names: Vec<Vec<String>>,
    /// The SHA-256 of the corpus file's bytes, where the index was built from a
    /// file: citations and exports carry it, so a record traces to one exact corpus.
    pub fingerprint: Option<String>,
    /// Where the corpus was read from when it is not the one the site
    /// publishes (a path on the site, a file from the reader's device), as
    /// citations and exports name it; None for the site's own corpus.
    pub elsewhere: Option<String>,
    /// Per actor, the acronyms of its name ("hrw" for Human Rights Watch,
    /// "unhrc" for UN Human Rights Council), folded, for type-ahead.
    pub actor_acronyms: Vec<String>,
    /// Per actor, the bodies it is part of (`part_of`), directly or through
    /// their parents, nearest first, never itself (a circle is cut).
    pub ancestors: Vec<Vec<u32>>,
    /// Per actor, its direct parts, in corpus order.
    pub parts: Vec<Vec<u32>>,
    /// Per actor, the people with a role `of` it: (person, role position).
    pub role_holders: Vec<Vec<(u32, u32)>>,
    /// Per actor, the records that count under it only through its parts
    /// (and theirs) and the people in its roles and its parts' roles, in
    /// numbering order; never one of `involves`. See `reached_through`.
    pub through: Vec<Vec<u32>>,
    /// Per actor, its roles `of` another actor.
    role_targets: Vec<Vec<RoleTarget>>,
}

/// Adds a link; duplicates are removed once at the end (`tidy`), since
/// checking each push would cost quadratic time for an actor in 50,000 records.
/// The position of the record of `kind` with this id, if there is one.
fn find_in(ids: &FastMap<String, RecordRef>, id: &str, kind: Kind) -> Option<usize> {
    ids.get(id).filter(|r| r.kind == kind).map(|r| r.idx)
}

fn push_unique(list: &mut Vec<usize>, value: usize) {
    if list.last() != Some(&value) {
        list.push(value);
    }
}

/// Sorts each list of links into corpus order and drops repeats.
fn tidy(facts: &mut [Facts]) {
    for f in facts {
        let r = &mut f.related;
        for list in [&mut r.events, &mut r.claims, &mut r.sources, &mut r.actors] {
            list.sort_unstable();
            list.dedup();
            list.shrink_to_fit();
        }
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

fn position(vocab: &Vocab, value: &str) -> Option<usize> {
    vocab.values().position(|v| v == value)
}

/// Positions 0..len sorted by `key`, ties in corpus order.
fn sorted_by<K: Ord>(len: usize, key: impl Fn(usize) -> K) -> Vec<u32> {
    let mut keyed: Vec<(K, u32)> = (0..len).map(|i| (key(i), i as u32)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

impl Index {
    /// Builds every index of a corpus that passed validation; a dangling
    /// reference (which validation would have refused) is skipped, never a panic.
    pub fn new(corpus: Corpus) -> Index {
        let index = Index::without_text(corpus);
        let mut job = index.text_indexing();
        while !index.index_text(&mut job, usize::MAX) {}
        index
    }

    /// Builds everything but the text index, which `index_text` then builds a
    /// batch at a time.
    pub fn without_text(corpus: Corpus) -> Index {
        let mut building = IndexBuilding::new(corpus);
        while !building.step() {}
        building.finish()
    }

    /// Registers the ids of the records numbered from `at` on, so many at a step
    /// (the first step also makes room for everything); true once every id is in.
    fn register_ids(&mut self, at: &mut usize) -> bool {
        const PER_STEP: usize = 100_000;
        let c = &self.corpus;
        if *at == 0 {
            self.numbering = Numbering::new(c);
            self.ids =
                FastMap::with_capacity_and_hasher(self.numbering.total(), Default::default());
            self.sources = vec![Facts::default(); c.sources.len()];
            self.actors = vec![Facts::default(); c.actors.len()];
            self.events = vec![Facts::default(); c.events.len()];
            self.claims = vec![Facts::default(); c.claims.len()];
            self.cited_by = vec![Vec::new(); c.sources.len()];
        }
        let end = (*at + PER_STEP).min(self.numbering.total());
        for kind in KINDS {
            let range = self.numbering.range(kind);
            let (from, to) = (range.start.max(*at), range.end.min(end));
            for n in from..to {
                let idx = n - range.start;
                self.ids
                    .insert(c.id_of(kind, idx).to_string(), RecordRef { kind, idx });
            }
        }
        *at = end;
        end == self.numbering.total()
    }

    fn link_sources(&mut self) {
        let Index {
            corpus,
            ids,
            sources,
            actors,
            cited_by,
            ..
        } = self;
        let find = |id: &str, kind: Kind| find_in(ids, id, kind);
        for (s, source) in corpus.sources.iter().enumerate() {
            sources[s].related.sources.push(s);
            sources[s].span = span(source.date.as_ref());
            for cited in source.cites.iter().filter_map(|id| find(id, Kind::Source)) {
                push_unique(&mut cited_by[cited], s);
            }
            let people = source.publisher.iter().chain(&source.authors);
            for a in people.filter_map(|id| find(id, Kind::Actor)) {
                push_unique(&mut sources[s].related.actors, a);
                push_unique(&mut actors[a].related.sources, s);
            }
        }
    }

    /// Links the events from the `at`-th on, so many at a step; true once the
    /// last is linked.
    fn link_events(&mut self, at: &mut usize) -> bool {
        const PER_STEP: usize = 25_000;
        let Index {
            corpus,
            ids,
            sources,
            actors,
            events,
            ..
        } = self;
        let find = |id: &str, kind: Kind| find_in(ids, id, kind);
        let end = (*at + PER_STEP).min(corpus.events.len());
        for (e, event) in corpus.events.iter().enumerate().take(end).skip(*at) {
            events[e].related.events.push(e);
            events[e].span = span(event.date.as_ref());
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
        *at = end;
        end == corpus.events.len()
    }

    /// Links the claims from the `at`-th on, so many at a step; true once the
    /// last is linked.
    fn link_claims(&mut self, at: &mut usize) -> bool {
        const PER_STEP: usize = 25_000;
        let Index {
            corpus,
            ids,
            sources,
            actors,
            events,
            claims,
            claimant_of,
            reported_in_of,
            ..
        } = self;
        if *at == 0 {
            *claimant_of = Vec::with_capacity(corpus.claims.len());
            *reported_in_of = Vec::with_capacity(corpus.claims.len());
        }
        let find = |id: &str, kind: Kind| find_in(ids, id, kind);
        let end = (*at + PER_STEP).min(corpus.claims.len());
        for (c, claim) in corpus.claims.iter().enumerate().take(end).skip(*at) {
            claims[c].related.claims.push(c);
            claims[c].span = span(claim.date.as_ref());
            let about: Vec<usize> = claim
                .events
                .iter()
                .filter_map(|id| find(id, Kind::Event))
                .collect();
            let reported = find(&claim.reported_in, Kind::Source);
            let via = claim.via.as_deref().and_then(|id| find(id, Kind::Source));
            reported_in_of.push(reported.map(|s| s as u32));
            claimant_of.push(
                claim
                    .claimant
                    .as_deref()
                    .and_then(|id| find(id, Kind::Actor))
                    .filter(|_| !claim.in_author_voice())
                    .map(|a| a as u32),
            );
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
        *at = end;
        end == corpus.claims.len()
    }

    /// Puts every list of links in corpus order, without repeats.
    fn tidy_links(&mut self) {
        for (a, facts) in self.actors.iter_mut().enumerate() {
            facts.related.actors.push(a);
        }
        for list in &mut self.cited_by {
            list.sort_unstable();
            list.dedup();
        }
        for facts in [
            &mut self.events,
            &mut self.claims,
            &mut self.sources,
            &mut self.actors,
        ] {
            tidy(facts);
        }
    }

    fn flatten_actor_links(&mut self) {
        let actors_of = FlatLists::new(self.numbered().map(|(_, f)| f.related.actors.as_slice()));
        self.actors_of = actors_of;
    }

    fn name_actors(&mut self) {
        self.actor_acronyms = self
            .corpus
            .actors
            .iter()
            .map(|a| acronym(&a.name))
            .collect();
        self.actor_names = self
            .corpus
            .actors
            .iter()
            .map(|a| folded_names(names_of(a)))
            .collect();
    }

    /// Numbers who made each claim (see `speaker_of`). Claims with a claimant
    /// in their own words are numbered by actor, without building any text;
    /// the rest (the reporting article's own voice) by the words `speaker`
    /// gives, so that one name is one row.
    fn group_speakers(&mut self) {
        let claims = &self.corpus.claims;
        let mut speaker_of = Vec::with_capacity(claims.len());
        let mut speaker_claims = Vec::new();
        let mut of_actor = vec![u32::MAX; self.corpus.actors.len()];
        let mut of_words: FastMap<Speaker<'_>, u32> = FastMap::default();
        for (c, claim) in claims.iter().enumerate() {
            let mut new = || {
                speaker_claims.push(c as u32);
                speaker_claims.len() as u32 - 1
            };
            // A claimant in its own words is exactly `Speaker::Claimant` of an
            // actor there is; keyed by position, it is the same row as by id.
            let number = match self.claimant_of.get(c).copied().flatten() {
                Some(a) => match of_actor.get_mut(a as usize) {
                    Some(n) if *n != u32::MAX => *n,
                    Some(n) => {
                        *n = new();
                        *n
                    }
                    None => *of_words.entry(self.speaker(claim)).or_insert_with(new),
                },
                None => *of_words.entry(self.speaker(claim)).or_insert_with(new),
            };
            speaker_of.push(number);
        }
        self.speaker_of = speaker_of;
        self.speaker_claims = speaker_claims;
    }

    /// Each record's facts with its number, in numbering order.
    fn numbered(&self) -> impl Iterator<Item = (usize, &Facts)> {
        KINDS
            .into_iter()
            .flat_map(move |k| self.facts(k).iter())
            .enumerate()
    }

    /// Builds the postings for the records numbered from `at` on, so many at a
    /// step (the first step works out each record's vocabulary positions and
    /// makes room for the sets); true once every record is posted.
    fn build_postings(&mut self, at: &mut usize) -> bool {
        const PER_STEP: usize = 100_000;
        let total = self.numbering.total();
        if *at == 0 {
            self.positions = Some(Box::new(Positions::of(&self.corpus)));
            let sets = |v: &Vocab| vec![Bits::new(total); v.terms.len()];
            self.tag_sets = sets(&vocab::EVENT_TAGS);
            self.legal_term_sets = sets(&vocab::LEGAL_TERMS);
            self.claim_kind_sets = sets(&vocab::CLAIM_KINDS);
            self.source_kind_sets = sets(&vocab::SOURCE_KINDS);
            self.involves = vec![Vec::new(); self.corpus.actors.len()];
        }
        let Some(positions) = self.positions.take() else {
            return true;
        };
        let end = (*at + PER_STEP).min(total);
        let mut involves = std::mem::take(&mut self.involves);
        let mut tags = std::mem::take(&mut self.tag_sets);
        let mut legal_terms = std::mem::take(&mut self.legal_term_sets);
        let mut claim_kinds = std::mem::take(&mut self.claim_kind_sets);
        let mut source_kinds = std::mem::take(&mut self.source_kind_sets);
        for (n, facts) in self.numbered().skip(*at).take(end - *at) {
            let r = &facts.related;
            for &a in &r.actors {
                involves[a].push(n as u32);
            }
            for &e in &r.events {
                for &t in &positions.tags[e] {
                    tags[t].insert(n);
                }
            }
            for p in r.claims.iter().filter_map(|&c| positions.claim_kind[c]) {
                claim_kinds[p].insert(n);
            }
            for &c in &r.claims {
                for &t in &positions.legal_terms[c] {
                    legal_terms[t].insert(n);
                }
            }
            for p in r.sources.iter().filter_map(|&s| positions.source_kind[s]) {
                source_kinds[p].insert(n);
            }
        }
        self.involves = involves;
        self.tag_sets = tags;
        self.claim_kind_sets = claim_kinds;
        self.source_kind_sets = source_kinds;
        self.legal_term_sets = legal_terms;
        *at = end;
        if end < total {
            self.positions = Some(positions);
        }
        end == total
    }

    /// Which institution is part of which, and who holds roles in each.
    fn link_institutions(&mut self) {
        let Index { corpus, ids, .. } = self;
        let find = |id: &str| find_in(ids, id, Kind::Actor);
        let n = corpus.actors.len();
        let parents: Vec<Vec<u32>> = corpus
            .actors
            .iter()
            .map(|a| {
                a.part_of
                    .iter()
                    .filter_map(|p| find(&p.of))
                    .map(|p| p as u32)
                    .collect()
            })
            .collect();
        let mut parts = vec![Vec::new(); n];
        for (a, list) in parents.iter().enumerate() {
            for &p in list {
                if p as usize != a {
                    parts[p as usize].push(a as u32);
                }
            }
        }
        // Breadth first, nearest first; `seen` cuts any circle.
        let mut seen = vec![u32::MAX; n];
        let ancestors = (0..n)
            .map(|a| {
                let mut out: Vec<u32> = Vec::new();
                seen[a] = a as u32;
                let mut next = 0;
                let mut frontier = vec![a as u32];
                while let Some(&x) = frontier.get(next) {
                    next += 1;
                    for &p in &parents[x as usize] {
                        if seen[p as usize] != a as u32 {
                            seen[p as usize] = a as u32;
                            out.push(p);
                            frontier.push(p);
                        }
                    }
                }
                out
            })
            .collect();
        let mut role_holders = vec![Vec::new(); n];
        let role_targets = corpus
            .actors
            .iter()
            .enumerate()
            .map(|(a, actor)| {
                actor
                    .roles
                    .iter()
                    .enumerate()
                    .filter_map(|(r, role)| {
                        let of = find(role.of.as_deref()?)?;
                        if of == a {
                            return None;
                        }
                        role_holders[of].push((a as u32, r as u32));
                        let bounds = span(role.date.as_ref()).map(|s| s.bounds());
                        Some((r as u32, of as u32, bounds))
                    })
                    .collect()
            })
            .collect();
        self.ancestors = ancestors;
        self.parts = parts;
        self.role_holders = role_holders;
        self.role_targets = role_targets;
    }

    /// Whether a role with these bounds was held at the time of the record
    /// numbered `n`: an undated role always; a dated one when the record's
    /// dates overlap it. An actor's own record (a person's page) counts under
    /// every body they held a role in; other undated records under none.
    fn role_applies(&self, n: usize, role: Option<(u32, u32)>) -> bool {
        let Some((first, last)) = role else {
            return true;
        };
        if self.numbering.range(Kind::Actor).contains(&n) {
            return true;
        }
        let r = self.numbering.record(n);
        match self.facts(r.kind)[r.idx].span {
            Some(span) => {
                let (a, b) = span.bounds();
                a <= last && first <= b
            }
            None => false,
        }
    }

    /// The institutions a record counts under through the actors it
    /// involves: their parents, and the bodies of their roles (and those
    /// bodies' parents) where the role applies. May repeat, may include
    /// what the record involves itself.
    fn reached_by(&self, n: usize, facts: &Facts, out: &mut Vec<u32>) {
        for &a in &facts.related.actors {
            out.extend_from_slice(&self.ancestors[a]);
            for &(_, of, bounds) in &self.role_targets[a] {
                if self.role_applies(n, bounds) {
                    out.push(of);
                    out.extend_from_slice(&self.ancestors[of as usize]);
                }
            }
        }
    }

    /// Per institution, the records that count under it through its parts
    /// and its people in role: postings, like `involves`, so that choosing
    /// the United Nations costs the same at 100,000 records as at 300.
    fn build_reach(&mut self) {
        let mut through: Vec<Vec<u32>> = vec![Vec::new(); self.corpus.actors.len()];
        let mut heads = Vec::new();
        let any = self.ancestors.iter().any(|a| !a.is_empty())
            || self.role_targets.iter().any(|r| !r.is_empty());
        if any {
            for (n, facts) in self.numbered() {
                heads.clear();
                self.reached_by(n, facts, &mut heads);
                for &b in &heads {
                    let list = &mut through[b as usize];
                    if list.last() != Some(&(n as u32)) {
                        list.push(n as u32);
                    }
                }
            }
        }
        for (b, list) in through.iter_mut().enumerate() {
            // Records arrive in order; a record may reach `b` by two paths
            // that interleave with others, so sort before dropping repeats.
            list.sort_unstable();
            list.dedup();
            let own = &self.involves[b];
            let mut i = 0;
            list.retain(|&n| {
                while i < own.len() && own[i] < n {
                    i += 1;
                }
                own.get(i) != Some(&n)
            });
            list.shrink_to_fit();
        }
        self.through = through;
    }

    /// How the record numbered `n` counts under the institution `b` when it
    /// does not involve it itself: through which of its parts, and which of
    /// its people in which role. Empty when it involves `b` directly or not at all.
    pub fn reached_through(&self, n: usize, b: usize) -> Vec<Reach> {
        let mut out = Vec::new();
        if self
            .through
            .get(b)
            .is_none_or(|l| l.binary_search(&(n as u32)).is_err())
        {
            return out;
        }
        let r = self.numbering.record(n);
        let b32 = b as u32;
        for &a in &self.facts(r.kind)[r.idx].related.actors {
            if self.ancestors[a].contains(&b32) {
                out.push(Reach::Part(a));
            }
            for &(role, of, bounds) in &self.role_targets[a] {
                let under = of == b32 || self.ancestors[of as usize].contains(&b32);
                if under && self.role_applies(n, bounds) {
                    out.push(Reach::Role {
                        person: a,
                        role: role as usize,
                    });
                }
            }
        }
        out
    }

    /// Every record that counts under an actor, its own and those through its
    /// parts and people in role, as a set.
    pub fn under(&self, a: usize, out: &mut Bits) {
        for list in [&self.involves[a], &self.through[a]] {
            for &n in list {
                out.insert(n as usize);
            }
        }
    }

    fn build_dates(&mut self) {
        let total = self.numbering.total();
        let mut dated = Bits::new(total);
        let mut by_first_day = Vec::new();
        let mut day_bounds = vec![(0, 0); total];
        let mut inferred_dates = Bits::new(total);
        let c = &self.corpus;
        let dates = c
            .sources
            .iter()
            .map(|r| r.date.as_ref())
            .chain(c.actors.iter().map(|_| None))
            .chain(c.events.iter().map(|r| r.date.as_ref()))
            .chain(c.claims.iter().map(|r| r.date.as_ref()));
        for (n, date) in dates.enumerate() {
            if date.is_some_and(|d| d.is_inferred()) {
                inferred_dates.insert(n);
            }
        }
        for (n, facts) in self.numbered() {
            if let Some(span) = facts.span {
                let (first, last) = span.bounds();
                day_bounds[n] = (first, last);
                by_first_day.push(Dated {
                    first,
                    last,
                    number: n as u32,
                });
                dated.insert(n);
            }
        }
        for (a, facts) in self.actors.iter().enumerate() {
            let r = &facts.related;
            let any = r.events.iter().any(|&e| self.events[e].span.is_some())
                || r.claims.iter().any(|&c| self.claims[c].span.is_some())
                || r.sources.iter().any(|&s| self.sources[s].span.is_some());
            if any {
                dated.insert(self.numbering.number(Kind::Actor, a));
            }
        }
        by_first_day.sort_unstable_by_key(|d| (d.first, d.number));
        self.by_first_day = by_first_day;
        self.dated = dated;
        self.day_bounds = day_bounds;
        self.inferred_dates = inferred_dates;
    }

    /// Starts building the text index.
    pub fn text_indexing(&self) -> TextIndexing {
        TextIndexing::default()
    }

    /// Indexes the words of up to `batch` more records (see `searchable`);
    /// true once the text index is built and in place.
    pub fn index_text(&self, job: &mut TextIndexing, batch: usize) -> bool {
        if self.text.get().is_some() {
            return true;
        }
        let total = self.numbering.total();
        let end = job.next.saturating_add(batch).min(total);
        for n in job.next..end {
            let parts = self.searchable(n);
            job.builder.add(n as u32, &parts);
        }
        job.next = end;
        if end < total {
            return false;
        }
        let _ = self.text.set(std::mem::take(&mut job.builder).finish());
        true
    }

    /// The texts a search looks in for the record numbered `n`: titles,
    /// summaries, quotes, notes, and the names of the actors it involves.
    pub fn searchable(&self, n: usize) -> Vec<&str> {
        let corpus = &self.corpus;
        let RecordRef { kind, idx } = self.numbering.record(n);
        let mut parts = Vec::new();
        match kind {
            Kind::Source => source_text(&corpus.sources[idx], &mut parts),
            Kind::Actor => actor_text(&corpus.actors[idx], &mut parts),
            Kind::Event => event_text(&corpus.events[idx], &mut parts),
            Kind::Claim => claim_text(&corpus.claims[idx], &mut parts),
        }
        if kind != Kind::Actor {
            let names = self.facts(kind)[idx].related.actors.iter();
            for &a in names {
                let actor = &corpus.actors[a];
                parts.push(actor.name.as_str());
                // Its names in other languages too: "سازمان ملل" finds what
                // involves the United Nations.
                parts.extend(actor.names.iter().map(|n| n.name.as_str()));
            }
        }
        parts
    }

    /// How many records the text index covers so far, for progress.
    pub fn text_progress(&self, job: &TextIndexing) -> (usize, usize) {
        (job.next, self.numbering.total())
    }

    /// Builds one of the lists' orders a step (`at` counts them); true once all are
    /// built. Each sort of a million claims is a good part of a second natively.
    fn build_orders(&mut self, at: &mut usize) -> bool {
        // As `chronological` orders them, undated last, ties in corpus order; each
        // key computed once, as a date's day numbers take calendar arithmetic.
        let by_date = |facts: &[Facts]| {
            sorted_by(facts.len(), |i| {
                facts[i]
                    .span
                    .as_ref()
                    .map_or((true, (0, 0)), |s| (false, s.sort_key()))
            })
        };
        // Claims of one kind, or of one claimant, are in date order.
        let rank = |by_date: &[u32]| {
            let mut rank = vec![0u32; by_date.len()];
            for (r, &c) in by_date.iter().enumerate() {
                rank[c as usize] = r as u32;
            }
            rank
        };
        let claims = &self.corpus.claims;
        match *at {
            0 => self.orders.claims_by_date = by_date(&self.claims),
            1 => {
                let rank = rank(&self.orders.claims_by_date);
                self.orders.claims_by_kind =
                    sorted_by(claims.len(), |c| (claims[c].kind.as_str(), rank[c]));
            }
            2 => {
                let rank = rank(&self.orders.claims_by_date);
                let claimants: Vec<std::borrow::Cow<str>> =
                    claims.iter().map(|c| self.claimant_label(c)).collect();
                self.orders.claims_by_claimant =
                    sorted_by(claims.len(), |c| (&*claimants[c], rank[c]));
            }
            _ => {
                let actors = &self.corpus.actors;
                let kind_rank =
                    |a: usize| position(&vocab::ACTOR_KINDS, &actors[a].kind).unwrap_or(usize::MAX);
                self.orders.events = by_date(&self.events);
                self.orders.sources = by_date(&self.sources);
                self.orders.actors =
                    sorted_by(actors.len(), |a| (kind_rank(a), actors[a].name.as_str()));
                return true;
            }
        }
        *at += 1;
        false
    }

    /// The order a list of one kind is shown in.
    pub fn order(&self, kind: Kind, claims: ClaimOrder) -> &[u32] {
        match (kind, claims) {
            (Kind::Event, _) => &self.orders.events,
            (Kind::Claim, ClaimOrder::Date) => &self.orders.claims_by_date,
            (Kind::Claim, ClaimOrder::Kind) => &self.orders.claims_by_kind,
            (Kind::Claim, ClaimOrder::Claimant) => &self.orders.claims_by_claimant,
            (Kind::Source, _) => &self.orders.sources,
            (Kind::Actor, _) => &self.orders.actors,
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

    /// The actor whose name, one of whose aliases or one of whose names in
    /// other languages is `name`, ignoring case and accents.
    pub fn actor_named(&self, name: &str) -> Option<&Actor> {
        let wanted = fold(name.trim());
        self.actor_names
            .iter()
            .position(|names| names.contains(&wanted))
            .map(|a| &self.corpus.actors[a])
    }

    /// Actors whose name, an alias or the acronym of the name contains
    /// `typed` (ignoring case and accents), at most `limit` of them: first
    /// those whose name, alias or acronym is what is typed ("UN", "HRW"),
    /// then those with one that begins with it, then a word that begins with
    /// it, then a match inside a word; within each, the most involved first
    /// by `counts`, then by name.
    pub fn actor_suggestions(&self, typed: &str, counts: &[u32], limit: usize) -> Vec<usize> {
        let wanted = fold(typed.trim());
        let hits: Vec<(Rank, usize)> = (0..self.actor_names.len())
            .filter_map(|a| self.actor_rank(a, &wanted).map(|r| (r, a)))
            .collect();
        let count = |&a: &usize| counts.get(a).copied().unwrap_or(0);
        best(hits, count, |&a, &b| self.by_name(a, b), limit)
    }

    /// How the box orders the actors at `a` and `b` where they match as well
    /// and are as involved: by name, names alike by id (as
    /// `publish::names::NamedActor`s are ordered too).
    pub fn by_name(&self, a: usize, b: usize) -> std::cmp::Ordering {
        let (a, b) = (&self.corpus.actors[a], &self.corpus.actors[b]);
        (&a.name, &a.id).cmp(&(&b.name, &b.id))
    }

    /// How well the actor at `a` matches `wanted` (folded), as the box ranks it.
    pub fn actor_rank(&self, a: usize, wanted: &str) -> Option<Rank> {
        let acronym = self.actor_acronyms.get(a).map_or("", String::as_str);
        let names = self.actor_names.get(a)?.iter().map(String::as_str);
        name_rank(names, acronym, wanted)
    }

    pub fn find(&self, id: &str, kind: Kind) -> Option<usize> {
        find_in(&self.ids, id, kind)
    }

    /// Who made a claim, as readers are told: the claimant to link to, or,
    /// where the reporting article speaks in its own voice (or names no
    /// claimant), words that say so. The app and the plain edition both say it
    /// this way; `speaker_in` says it in another language.
    pub fn speaker<'c>(&self, claim: &'c Claim) -> Speaker<'c> {
        self.speaker_in(claim, &SpeakerWords::ENGLISH)
    }

    pub fn speaker_in<'c>(&self, claim: &'c Claim, words: &SpeakerWords) -> Speaker<'c> {
        let name = claim.claimant.as_deref().and_then(|id| self.actor(id));
        let title = self.source(&claim.reported_in).map(|s| s.title.as_str());
        speaker_of(
            claim.claimant.as_deref(),
            name.map(|a| a.name.as_str()),
            claim.in_author_voice(),
            title,
            words,
        )
    }

    /// Who made a claim, as readers see it: the claimant, or the reporting
    /// source's own voice.
    pub fn claimant_name(&self, claim: &Claim) -> String {
        self.claimant_label(claim).into_owned()
    }

    fn claimant_label(&self, claim: &Claim) -> std::borrow::Cow<'_, str> {
        self.claimant_label_in(claim, &SpeakerWords::ENGLISH)
    }

    /// `claimant_name` in the words of another language.
    pub fn claimant_label_in(
        &self,
        claim: &Claim,
        words: &SpeakerWords,
    ) -> std::borrow::Cow<'_, str> {
        let name = claim.claimant.as_deref().and_then(|id| self.actor(id));
        let title = self.source(&claim.reported_in).map(|s| s.title.as_str());
        claimant_label_of(name.map(|a| a.name.as_str()), title, words)
    }
}

/// Who made a claim (`Index::speaker_in`), from what is known of it: its
/// claimant's id, that claimant's name where the corpus has it, whether it is
/// in the reporting source's own voice, and that source's title where the
/// corpus has it. A list in pages says it from its rows as the app does from
/// the corpus.
pub fn speaker_of<'c>(
    claimant: Option<&'c str>,
    name: Option<&str>,
    own_voice: bool,
    source_title: Option<&str>,
    words: &SpeakerWords,
) -> Speaker<'c> {
    match (claimant, own_voice) {
        (Some(id), false) => Speaker::Claimant(id),
        (Some(_), true) => Speaker::OwnVoice(fill(
            words.own_voice,
            &[&claimant_label_of(name, source_title, words)],
        )),
        (None, _) => Speaker::OwnVoice(claimant_label_of(name, source_title, words).into_owned()),
    }
}

/// Who made a claim, named: its claimant's name, else the author of the source
/// that reports it, else unattributed.
fn claimant_label_of<'n>(
    name: Option<&'n str>,
    source_title: Option<&str>,
    words: &SpeakerWords,
) -> std::borrow::Cow<'n, str> {
    match (name, source_title) {
        (Some(name), _) => name.into(),
        (None, Some(title)) => fill(words.author_of, &[title]).into(),
        (None, None) => words.unattributed.into(),
    }
}

fn actor_text<'a>(a: &'a Actor, parts: &mut Vec<&'a str>) {
    parts.push(&a.name);
    parts.extend(a.country.as_deref());
    parts.extend(a.aliases.iter().map(String::as_str));
    parts.extend(a.description.as_deref());
    parts.extend(a.roles.iter().map(|r| r.title.as_str()));
    parts.extend(a.names.iter().map(|n| n.name.as_str()));
}

fn event_text<'a>(e: &'a Event, parts: &mut Vec<&'a str>) {
    parts.extend([e.title.as_str(), e.summary.as_str()]);
    parts.extend(e.place.as_deref());
    parts.extend(e.evidence.iter().map(|x| x.quote.as_str()));
}

fn claim_text<'a>(c: &'a Claim, parts: &mut Vec<&'a str>) {
    parts.extend([c.paraphrase.as_str(), c.quote.as_str()]);
    parts.extend(c.death_toll.as_ref().map(|t| t.as_written.as_str()));
    parts.extend(c.note.as_deref());
}

fn source_text<'a>(s: &'a Source, parts: &mut Vec<&'a str>) {
    parts.push(&s.title);
    parts.extend(s.note.as_deref());
    parts.extend(s.stance.as_deref());
    parts.extend(s.identifiers.iter().map(|i| i.value.as_str()));
}
