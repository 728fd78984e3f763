//! The chooser of institutions and people by name above a list in pages,
//! before the corpus is read: the build writes every actor's names as a table
//! cut by what a reader may type ([`names_table`], `Manifest::names`), so that
//! each thing typed reads one small part and is answered as the app's own box
//! answers it ([`suggestions`]).
//!
//! The table's keys are the beginnings of the actors' names and of their words
//! (`query::names::word_starts`), as a tree: under a beginning that few actors
//! share, every actor one of whose words begins so ([`NamesUnder::all`]), which
//! answers anything typed that begins with it; under one that many share, only
//! the best [`SUGGESTIONS`] for it as typed above each list, and a key for each longer
//! beginning. So the greatest key up to what is typed is the one that answers
//! it, and the table grows with the actors' names, never with a list.

use serde::{Deserialize, Serialize};

use crate::corpus::model::{Actor, Kind, OtherName};
use crate::query::filter::{Filter, Outcome};
use crate::query::index::Index;
use crate::query::names::{
    acronym, best, by_acronym_alone, folded_names, name_rank, word_starts, Rank, A_WORD_BEGINS,
    SUGGESTIONS,
};

/// How many actors a beginning may have before it is split by the letter
/// after it: the most a typed word's part holds for it.
pub const ALL_UNDER: usize = 100;

/// The lists a chooser stands above, in the order of [`NamedActor`]'s counts.
pub const LISTS: [Kind; 3] = [Kind::Event, Kind::Claim, Kind::Source];

/// An actor as the chooser shows and ranks it: its id, name, aliases and names
/// in other languages, and how many records each list ([`LISTS`]) keeps for it
/// alone and through its parts and people in role, for no filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedActor(
    pub String,
    pub String,
    pub Vec<String>,
    pub Vec<OtherName>,
    pub [(u32, u32); 3],
);

impl NamedActor {
    pub fn id(&self) -> &str {
        &self.0
    }

    pub fn name(&self) -> &str {
        &self.1
    }

    /// The records of the list of `kind` it keeps alone, and through its
    /// parts and people in role (none for a list no chooser stands above).
    pub fn counts(&self, kind: Kind) -> (u32, u32) {
        let at = LISTS.iter().position(|&k| k == kind);
        at.and_then(|at| self.4.get(at)).copied().unwrap_or((0, 0))
    }

    /// Those counts together: what the box ranks it by.
    fn total(&self, kind: Kind) -> u32 {
        let (own, through) = self.counts(kind);
        own + through
    }

    /// The actor's record as far as the chooser knows it: its names.
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.0.clone(),
            name: self.1.clone(),
            aliases: self.2.clone(),
            names: self.3.clone(),
            ..Actor::default()
        }
    }

    /// Whether it matches `wanted` (typed, folded) by its name's acronym
    /// alone, where its names would not show why it was suggested.
    pub fn by_acronym(&self, wanted: &str) -> Option<String> {
        let acronym = acronym(&self.1);
        by_acronym_alone(&self.folded(), &acronym, wanted).then_some(acronym)
    }

    /// How well it matches `wanted` (typed, folded), as the app's box ranks it.
    pub fn rank(&self, wanted: &str) -> Option<Rank> {
        let names = self.folded();
        name_rank(names.iter().map(String::as_str), &acronym(&self.1), wanted)
    }

    /// Its names, aliases and names in other languages, folded.
    fn folded(&self) -> Vec<String> {
        let names = (std::iter::once(&self.1).chain(&self.2))
            .chain(self.3.iter().map(|n| &n.name))
            .map(String::as_str);
        folded_names(names)
    }
}

/// What the table says under one beginning: `all` the actors one of whose
/// names' words begins with it, or (where many do) the best few for it in each
/// list, together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamesUnder(pub bool, pub Vec<NamedActor>);

impl NamesUnder {
    pub fn all(&self) -> bool {
        self.0
    }

    pub fn actors(&self) -> &[NamedActor] {
        &self.1
    }
}

/// Every actor's names, as the table by beginnings the build cuts into parts:
/// keys in byte order.
pub fn names_table(index: &Index) -> Vec<(String, NamesUnder)> {
    let actors = &index.corpus.actors;
    let counts: Vec<Vec<(u32, u32)>> = (LISTS.iter())
        .map(|&kind| {
            let outcome = Outcome::new(index, &Filter::default(), kind);
            let own = outcome.actor_counts(index);
            (own.into_iter().enumerate())
                .map(|(a, own)| (own, outcome.actor_through(index, a)))
                .collect()
        })
        .collect();
    let named: Vec<NamedActor> = (actors.iter().enumerate())
        .map(|(a, actor)| {
            let of = |list: usize| counts.get(list).and_then(|c| c.get(a)).copied();
            NamedActor(
                actor.id.clone(),
                actor.name.clone(),
                actor.aliases.clone(),
                actor.names.clone(),
                [0, 1, 2].map(|list| of(list).unwrap_or((0, 0))),
            )
        })
        .collect();
    // Every beginning of a word of every name (and acronym), with its actor.
    let mut names: Vec<Vec<&str>> = Vec::with_capacity(actors.len());
    for (a, folded) in index.actor_names.iter().enumerate() {
        let acronym = index.actor_acronyms.get(a).map(String::as_str);
        let all = folded.iter().map(String::as_str).chain(acronym);
        names.push(all.filter(|n| !n.is_empty()).collect());
    }
    let mut starts: Vec<(&str, u32)> = Vec::new();
    for (a, names) in names.iter().enumerate() {
        for n in names {
            // What is typed is trimmed: a beginning at a space answers nothing.
            for at in word_starts(n).filter(|&at| !n[at..].starts_with(char::is_whitespace)) {
                starts.push((&n[at..], a as u32));
            }
        }
    }
    starts.sort_unstable();
    let mut table = Vec::new();
    let mut under = |key: &str, run: &[(&str, u32)]| -> bool {
        let mut of: Vec<usize> = run.iter().map(|&(_, a)| a as usize).collect();
        of.sort_unstable();
        of.dedup();
        let all = of.len() <= ALL_UNDER;
        let shown = if all {
            of
        } else {
            // The best for each list, each once.
            let hits: Vec<(Rank, usize)> = (of.into_iter())
                .filter_map(|a| index.actor_rank(a, key).map(|r| (r, a)))
                .collect();
            let by_name = |&a: &usize, &b: &usize| index.by_name(a, b);
            let mut shown: Vec<usize> = Vec::new();
            for kind in LISTS {
                let total = |&a: &usize| named.get(a).map_or(0, |n| n.total(kind));
                for a in best(hits.clone(), total, by_name, SUGGESTIONS) {
                    if !shown.contains(&a) {
                        shown.push(a);
                    }
                }
            }
            shown
        };
        let shown = shown.into_iter().filter_map(|a| named.get(a).cloned());
        table.push((key.to_string(), NamesUnder(all, shown.collect())));
        !all
    };
    // The tree, from the empty beginning down, each run of `starts` that
    // begins with a key split by the character after it where it is large.
    let mut stack: Vec<(usize, std::ops::Range<usize>)> = vec![(0, 0..starts.len())];
    while let Some((depth, run)) = stack.pop() {
        let slice = &starts[run.clone()];
        let Some(&(first, _)) = slice.first() else {
            continue;
        };
        if !under(&first[..depth], slice) {
            continue;
        }
        // Longer beginnings, each a run, pushed last first so they come out in order.
        let mut children = Vec::new();
        let mut at = run.start + slice.partition_point(|(s, _)| s.len() == depth);
        while at < run.end {
            let Some(c) = starts[at].0[depth..].chars().next() else {
                break;
            };
            let key = &starts[at].0[..depth + c.len_utf8()];
            let end = at + starts[at..run.end].partition_point(|(s, _)| s.starts_with(key));
            children.push((depth + c.len_utf8(), at..end));
            at = end;
        }
        stack.extend(children.into_iter().rev());
    }
    table
}

/// What the chooser above the list of `kind` suggests for `wanted` (typed,
/// folded and trimmed), best first, each with its rank, at most `limit`, from the names table's
/// greatest key up to it (`at_or_before`, from the part that would hold
/// it: `Table::at_or_before`): every actor one of whose names or words
/// begins with what is typed, as the app's box above that list ranks them for
/// no filter. (The
/// app's box goes on to names that hold it inside a word, which this table
/// does not index.)
pub fn suggestions<'t>(
    at_or_before: Option<(&str, &'t NamesUnder)>,
    wanted: &str,
    limit: usize,
    kind: Kind,
) -> Vec<(Rank, &'t NamedActor)> {
    let Some((key, under)) = at_or_before else {
        return Vec::new();
    };
    let answers = if under.all() {
        wanted.starts_with(key)
    } else {
        key == wanted
    };
    if !answers {
        return Vec::new();
    }
    let hits: Vec<(Rank, (Rank, &NamedActor))> = (under.actors().iter())
        .filter_map(|a| a.rank(wanted).map(|r| (r, (r, a))))
        .filter(|&(r, _)| r <= A_WORD_BEGINS)
        .collect();
    let count = |(_, a): &(Rank, &NamedActor)| a.total(kind);
    // By name, names alike by id, as `Index::by_name` orders them.
    let by_name = |(_, a): &(Rank, &NamedActor), (_, b): &(Rank, &NamedActor)| {
        (a.name(), a.id()).cmp(&(b.name(), b.id()))
    };
    best(hits, count, by_name, limit)
}
