//! Every list the build writes in pages beside the record parts, worked out
//! from the index once (`split-corpus`, and the tests that cut a corpus as it
//! does): the default list's rows, the claims', the sources' and the actors',
//! and for each list the places of what each actor, word and kind keeps in it.

use crate::corpus::model::Kind;
use crate::publish::by_kind::{kind_places, kind_places_in};
use crate::publish::by_word::{word_places, word_places_in};
use crate::publish::names::{names_table, NamesUnder};
use crate::publish::pages::{actor_places, actor_places_in, listed_by_default, rows, ListRow};
use crate::publish::parts::{Looks, Worded};
use crate::publish::views::{
    actor_list_rows, claim_rows, claims_charts, list_timelines, source_rows, ActorListRow,
    ClaimRow, ClaimsCharts, ListTimelines, SourceRow,
};
use crate::query::index::Index;
use crate::query::search::TextIndex;

/// The lists of a corpus in pages, and what each actor, word and kind keeps
/// of them: what [`Worded`] lends the writer of parts.
pub struct Lists {
    list: Vec<ListRow>,
    by_actor: Vec<Vec<u32>>,
    words: TextIndex,
    kinds: Vec<(String, Vec<u32>)>,
    claims: Vec<ClaimRow>,
    sources: Vec<SourceRow>,
    actors: Vec<ActorListRow>,
    charts: ClaimsCharts,
    timelines: ListTimelines,
    claims_kinds: Vec<(String, Vec<u32>)>,
    sources_kinds: Vec<(String, Vec<u32>)>,
    claims_by_actor: Vec<Vec<u32>>,
    sources_by_actor: Vec<Vec<u32>>,
    claims_words: TextIndex,
    sources_words: TextIndex,
    names: Vec<(String, NamesUnder)>,
}

impl Lists {
    /// Every list of the corpus `index` holds.
    pub fn of(index: &Index) -> Lists {
        let claims_listed = listed_by_default(index, Kind::Claim);
        let sources_listed = listed_by_default(index, Kind::Source);
        Lists {
            list: rows(index),
            by_actor: actor_places(index),
            words: word_places(index),
            kinds: kind_places(index),
            claims: claim_rows(index),
            sources: source_rows(index),
            actors: actor_list_rows(index),
            charts: claims_charts(index),
            timelines: list_timelines(index),
            claims_kinds: kind_places_in(index, Kind::Claim, &claims_listed),
            sources_kinds: kind_places_in(index, Kind::Source, &sources_listed),
            claims_by_actor: actor_places_in(index, Kind::Claim, &claims_listed),
            sources_by_actor: actor_places_in(index, Kind::Source, &sources_listed),
            claims_words: word_places_in(index, Kind::Claim, &claims_listed),
            sources_words: word_places_in(index, Kind::Source, &sources_listed),
            names: names_table(index),
        }
    }

    /// The lists lent to the writer of parts, with each record's first look (`looks`).
    pub fn worded<'a>(&'a self, looks: Looks<'a>) -> Worded<'a> {
        Worded {
            looks,
            list: &self.list,
            by_actor: &self.by_actor,
            words: &self.words,
            kinds: &self.kinds,
            claims: &self.claims,
            sources: &self.sources,
            actors: &self.actors,
            charts: &self.charts,
            timelines: &self.timelines,
            claims_kinds: &self.claims_kinds,
            sources_kinds: &self.sources_kinds,
            claims_by_actor: &self.claims_by_actor,
            sources_by_actor: &self.sources_by_actor,
            claims_words: &self.claims_words,
            sources_words: &self.sources_words,
            names: &self.names,
        }
    }
}
