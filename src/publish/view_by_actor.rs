//! The claims' and the sources' lists for the actors chosen, before the corpus
//! is read (`?view=claims&actor=…`): what each list keeps once the corpus is
//! in (`query::filter`: the records that involve an actor, and those that
//! count under it through its parts and its people in role). The build writes,
//! for each actor, its rows of the view's list end to end with every other
//! actor's, and a table by id of where they begin and of their places in the
//! view's list (`Manifest::view_by_actor`, [`ViewActorTable`]). One part of the
//! table then says how many records an actor keeps and which: they meet a date
//! range and kinds by their places (`publish::view_range`), and a page's rows
//! come from the parts of the actor's own rows that hold them, most often one,
//! not from the view's list, where an actor's few records lie far apart.

use crate::corpus::model::Kind;
use crate::publish::parts::{
    part_holding, table_part_of, Manifest, RowsEntry, ViewActorList, ViewActorTable,
};

/// The parts of the table of the lists by actor of the view of `kind` that
/// list the actors `ids`, each once, in order.
pub fn table_parts(manifest: &Manifest, kind: Kind, ids: &[String]) -> Vec<usize> {
    let table = manifest.view_by_actor(kind);
    let mut parts: Vec<usize> = ids
        .iter()
        .filter_map(|id| table_part_of(table, id))
        .collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// The actors chosen that a view's lists by actor name, in the order chosen,
/// each with its list and the parts of its rows: an actor none names keeps
/// nothing in that view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChosenActors(Vec<(String, ViewActorList, Vec<RowsEntry>)>);

impl ChosenActors {
    /// The actors `ids` as the parts of the table read (`tables`) list them.
    pub fn of(ids: &[String], tables: &[&ViewActorTable]) -> ChosenActors {
        let found = ids.iter().filter_map(|id| {
            let (table, list) = tables.iter().find_map(|t| Some((t, t.get(id)?)))?;
            let parts = table.rows_parts(list.rows()).to_vec();
            Some((id.clone(), list.clone(), parts))
        });
        ChosenActors(found.collect())
    }

    /// Each actor found, by id, with its name.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(id, list, _)| (id.as_str(), list.name()))
    }

    /// The places in the view's list, ascending, each once, of the records
    /// any of them keeps.
    pub fn found(&self) -> Vec<u32> {
        let mut places: Vec<u32> = (self.0.iter())
            .flat_map(|(_, list, _)| list.places().iter().copied())
            .collect();
        places.sort_unstable();
        places.dedup();
        places
    }

    /// For each of the places `places` that one of them keeps, the position
    /// among every actor's rows of its row in the first actor's list that
    /// has it, with the place.
    fn positions(&self, places: &[u32]) -> Vec<(usize, u32)> {
        (places.iter())
            .filter_map(|&place| {
                self.0.iter().find_map(|(_, list, _)| {
                    let at = list.places().binary_search(&place).ok()?;
                    Some((list.rows().start + at, place))
                })
            })
            .collect()
    }

    /// The parts of their rows that hold the rows at `places`, each once, in
    /// order of their rows.
    pub fn parts_for(&self, places: &[u32]) -> Vec<RowsEntry> {
        let mut parts: Vec<RowsEntry> = (self.0.iter())
            .flat_map(|(_, _, parts)| parts.iter().cloned())
            .collect();
        parts.sort_by_key(|p| p.first);
        parts.dedup_by_key(|p| p.first);
        let mut needed: Vec<RowsEntry> = (self.positions(places).into_iter())
            .filter_map(|(position, _)| parts.get(part_holding(&parts, position)?))
            .cloned()
            .collect();
        needed.sort_by_key(|p| p.first);
        needed.dedup_by_key(|p| p.first);
        needed
    }

    /// The rows at the places `places`, each with its place, from the parts
    /// of their rows read (`read`, each with its entry: those [`parts_for`]
    /// names); a place in none is left out.
    ///
    /// [`parts_for`]: ChosenActors::parts_for
    pub fn rows_at<'a, R: Clone + 'a>(
        &self,
        places: &[u32],
        read: impl IntoIterator<Item = (&'a RowsEntry, &'a [(u32, R)])> + Clone,
    ) -> Vec<(u32, R)> {
        (self.positions(places).into_iter())
            .filter_map(|(position, place)| {
                let (entry, rows) = (read.clone().into_iter())
                    .find(|(e, _)| (e.first..e.first + e.count).contains(&position))?;
                let (at, row) = rows.get(position - entry.first)?;
                // A row at another place than its list says is not this one.
                (*at == place).then(|| (place, row.clone()))
            })
            .collect()
    }
}
