//! A corpus cut as the build cuts it (`split-corpus`): its record parts, with
//! each record's first look, the default list's pages, the actors' lists and the words a search finds. Shared by the tests of
//! the first looks and of the pages, included by path.

use dossier::corpus::model::Corpus;
use dossier::publish::by_word::word_places;
use dossier::publish::glance::looks;
use dossier::publish::pages::{actor_places, rows};
use dossier::publish::parts::{split_worded, Split, Worded};
use dossier::query::index::Index;

/// `corpus` cut into parts of about `part_bytes`, and the index the build words them from.
pub fn worded_split(corpus: &Corpus, part_bytes: usize) -> (Split, Index) {
    let index = Index::without_text(corpus.clone());
    let looks = |kind, idx| looks(&index, kind, idx);
    let list = rows(&index);
    let by_actor = actor_places(&index);
    let words = word_places(&index);
    let worded = Worded {
        looks: &looks,
        list: &list,
        by_actor: &by_actor,
        words: &words,
    };
    let split = split_worded(&index.corpus, "0123", part_bytes, Some(worded));
    (split, index)
}
