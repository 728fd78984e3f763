//! The events list for kinds chosen before the corpus is read (`?tag=killings`,
//! `?claim=death-toll`, with words typed or not): the events the events list
//! keeps for them once the corpus is in, in the list's order, with their exact
//! count. The build writes each value of each kind the list filters by, with
//! the places in the default list of the events it keeps ([`kind_places`]), as
//! a table by key (`Manifest::kinds`): a kind chosen needs the one part that
//! holds its value. What a list in pages is asked to find, words and kinds
//! together, is a [`Sought`]; its places then serve every list a search serves
//! (`publish::by_word`: its pages; `publish::range`, `publish::by_actor`).

use crate::corpus::model::Kind;
use crate::publish::by_word::{kept_by, matching, word_parts, word_parts_in};
use crate::publish::pages::default_list;
use crate::publish::parts::{table_part_of, Manifest, PlaceTable, TableEntry};
use crate::query::bits::Bits;
use crate::query::filter::{term_sets, Facet, Filter};
use crate::query::index::Index;
use crate::query::search::query_words;

/// A value's key in the kinds' table: the facet's name in the address and the
/// value (`tag:killings`).
pub fn kind_key(facet: Facet, value: &str) -> String {
    format!("{}:{value}", facet.key())
}

/// Every value of the kinds the events list filters by, by its key in byte
/// order, each with the places in the default list of the events it keeps (as
/// `query::filter` keeps them: an event's own tags, and the kinds of the claims
/// and sources it is linked to). A value that keeps no event is left out.
pub fn kind_places(index: &Index) -> Vec<(String, Vec<u32>)> {
    kind_places_in(index, Kind::Event, &default_list(index))
}

/// Every value of the kinds, as [`kind_places`], with the places in `list`
/// (the records of `kind` a view lists for no filter, in its order:
/// `pages::listed_by_default`) of the records of that kind it keeps.
pub fn kind_places_in(index: &Index, kind: Kind, list: &[u32]) -> Vec<(String, Vec<u32>)> {
    let first = index.numbering.range(kind).start;
    let mut keys = Vec::new();
    for facet in Facet::TERMS {
        let Some(vocab) = facet.vocab() else { continue };
        for (value, set) in vocab.values().zip(term_sets(index, facet)) {
            let places: Vec<u32> = (list.iter().enumerate())
                .filter(|(_, &r)| set.contains(first + r as usize))
                .map(|(place, _)| place as u32)
                .collect();
            if !places.is_empty() {
                keys.push((kind_key(facet, value), places));
            }
        }
    }
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keys
}

/// What a list in pages is asked to find: the words typed, folded and stemmed
/// as the search reads them, and for each kind chosen, its values' keys; an
/// event is found when it holds every word and, of each kind, any value chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sought {
    pub words: Vec<String>,
    pub kinds: Vec<Vec<String>>,
}

impl Sought {
    /// What `filter` asks to find; its other facets are not read.
    pub fn of(filter: &Filter) -> Sought {
        let kinds = Facet::TERMS
            .iter()
            .map(|&facet| {
                let mut keys: Vec<String> = (filter.chosen(facet).iter())
                    .map(|value| kind_key(facet, value))
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .filter(|keys| !keys.is_empty())
            .collect();
        Sought {
            words: query_words(&filter.text),
            kinds,
        }
    }

    /// Whether nothing is asked for: the default list.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.kinds.is_empty()
    }

    /// The parts of the words' table it needs, each once, in order.
    pub fn word_parts(&self, manifest: &Manifest) -> Vec<usize> {
        word_parts(manifest, &self.words)
    }

    /// The parts of a words' table, `table` (the events', or another view's:
    /// `Manifest::view_words`), it needs, each once, in order.
    pub fn word_parts_in(&self, table: &[TableEntry]) -> Vec<usize> {
        word_parts_in(table, &self.words)
    }

    /// The parts of the kinds' table it needs, each once, in order.
    pub fn kind_parts(&self, manifest: &Manifest) -> Vec<usize> {
        self.kind_parts_in(&manifest.kinds)
    }

    /// The parts of a kinds' table, `table` (the events', or another view's:
    /// `Manifest::view_kinds`), it needs, each once, in order.
    pub fn kind_parts_in(&self, table: &[TableEntry]) -> Vec<usize> {
        let mut parts: Vec<usize> = (self.kinds.iter().flatten())
            .filter_map(|key| table_part_of(table, key))
            .collect();
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// The places in the default list, ascending, of the events found, from
    /// the parts of the words' and the kinds' tables it needs. Nothing asked
    /// for finds nothing: the default list is no search.
    pub fn found(&self, words: &[&PlaceTable], kinds: &[&PlaceTable]) -> Vec<u32> {
        let chosen = self
            .kinds
            .iter()
            .map(|keys| PlaceTable::places_of_any(kinds, keys));
        kept_by(self.words_found(words), chosen).unwrap_or_default()
    }

    /// The places of the records that hold every word, from the parts of the
    /// words' table it needs; `None` where no word is typed (every record).
    fn words_found(&self, words: &[&PlaceTable]) -> Option<Vec<u32>> {
        (!self.words.is_empty()).then(|| matching(&self.words, words))
    }

    /// How many records each value of the kinds keeps beside what is sought,
    /// as the filter panel counts them (`Outcome::term_count`): those that hold
    /// every word and, of each kind chosen but the value's own, any value
    /// chosen. From the parts of the words' table it needs (`words`) and
    /// every part of the kinds' table (`kinds`); by key, in the table's
    /// order. A value the table lacks keeps none.
    pub fn kind_counts(
        &self,
        words: &[&PlaceTable],
        kinds: &[&PlaceTable],
    ) -> Vec<(String, usize)> {
        let words = self.words_found(words);
        let chosen: Vec<(&str, Vec<u32>)> = (self.kinds.iter())
            .map(|keys| {
                let facet = keys.first().map_or("", |key| facet_of(key));
                (facet, PlaceTable::places_of_any(kinds, keys))
            })
            .collect();
        // What every kind chosen but one keeps, with the words: the base of
        // that kind's counts, as a set, so that a value's places are each
        // looked up once (a million records' kinds hold some 1.2 million).
        let mut bases: Vec<(&str, Option<Bits>)> = Vec::new();
        let mut counts = Vec::new();
        for (key, places) in kinds.iter().flat_map(|table| table.starting_with("")) {
            let facet = facet_of(key);
            if !bases.iter().any(|(f, _)| *f == facet) {
                let others = (chosen.iter()).filter(|(f, _)| *f != facet);
                let base = kept_by(words.clone(), others.map(|(_, places)| places.clone()));
                bases.push((facet, base.map(|base| set_of(&base))));
            }
            let base = bases.iter().find(|(f, _)| *f == facet).map(|(_, b)| b);
            let count = match base {
                Some(Some(base)) => (places.iter())
                    .filter(|&&p| base.contains(p as usize))
                    .count(),
                _ => places.len(),
            };
            counts.push((key.to_string(), count));
        }
        counts
    }
}

/// The places `places` (ascending) as a set.
fn set_of(places: &[u32]) -> Bits {
    let mut set = Bits::new(places.last().map_or(0, |&last| last as usize + 1));
    for &place in places {
        set.insert(place as usize);
    }
    set
}

/// The facet's name in the address of a kinds' table key (`tag` of `tag:killings`).
fn facet_of(key: &str) -> &str {
    key.split_once(':').map_or(key, |(facet, _)| facet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_kinds_chosen_in_another_order_are_sought_alike() {
        let filter = |tags: &[&str]| Filter {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            claim_kinds: vec!["death-toll".into()],
            ..Filter::default()
        };
        let sought = Sought::of(&filter(&["killings", "commemoration"]));
        assert_eq!(sought, Sought::of(&filter(&["commemoration", "killings"])));
        let keys = |k: &[&str]| k.iter().map(|k| k.to_string()).collect::<Vec<_>>();
        assert_eq!(
            sought.kinds,
            [
                keys(&["tag:commemoration", "tag:killings"]),
                keys(&["claim:death-toll"])
            ]
        );
        assert!(Sought::of(&Filter::default()).is_empty());
    }
}
