//! The events list for a search before the corpus is read: the events whose
//! text holds every word typed, as the events list keeps them once the corpus
//! is in (a word typed finds every word it begins), in the list's order, with
//! their exact count. The build writes every word the search finds in the
//! events, with the places in the default list of the events that hold it
//! ([`word_places`]), as a table by word (`Manifest::words`): a typed word
//! needs the part that holds the words it begins, most often one; a page of the
//! results needs the default list's parts that hold its rows; the results over
//! a date range, the days of the list's parts the range meets that hold any of them;
//! the timeline above them, the days of the list's parts that hold any
//! ([`found_timeline`]).

use std::ops::Range;

use crate::corpus::date::DateWindow;
use crate::corpus::model::Kind;
use crate::publish::pages::{default_list, DayRow, ListRow, PlacedDays};
use crate::publish::parts::{
    part_holding, words_in, ListEntry, Manifest, PlaceTable, RowsEntry, TableEntry,
};
use crate::publish::range::{
    kept_over, list_parts_meeting, range_parts_for, Days, InRange, RangeParts,
};
use crate::query::index::Index;
use crate::query::search::{TextIndex, TextIndexBuilder};
use crate::query::timeline::{count_days, shown_unit, Timeline, Window};

/// Every word a search finds in the events (folded and stemmed as the search
/// reads them, from the texts it looks in: `Index::searchable`), each with the
/// places in the default list of the events that hold it.
pub fn word_places(index: &Index) -> TextIndex {
    word_places_in(index, Kind::Event, &default_list(index))
}

/// Every word a search finds in the records of `kind` of `list` (their
/// numbers among that kind, in a list's order: the claims' by date, the
/// sources'), each with the places in that list of the records that hold it.
pub fn word_places_in(index: &Index, kind: Kind, list: &[u32]) -> TextIndex {
    let first = index.numbering.range(kind).start;
    let mut words = TextIndexBuilder::default();
    for (place, r) in list.iter().enumerate() {
        words.add(place as u32, &index.searchable(first + *r as usize));
    }
    words.finish()
}

/// The parts of the words' table a search for `query` (its words, as
/// `query::search::query_words` gives them) needs, each once, in order.
pub fn word_parts(manifest: &Manifest, query: &[String]) -> Vec<usize> {
    word_parts_in(&manifest.words, query)
}

/// The parts of a words' table, `table` (the events', or another view's:
/// `Manifest::view_words`), a search for `query` needs, each once, in order.
pub fn word_parts_in(table: &[TableEntry], query: &[String]) -> Vec<usize> {
    let mut parts: Vec<usize> = query.iter().flat_map(|w| words_in(table, w)).collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// The places in the default list, ascending, of the events that hold every
/// word of `query`, each as the beginning of a word, from the parts of the
/// words' table [`word_parts`] named.
pub fn matching(query: &[String], tables: &[&PlaceTable]) -> Vec<u32> {
    let each = query.iter().map(|word| {
        let mut places: Vec<u32> = tables
            .iter()
            .flat_map(|t| t.starting_with(word))
            .flat_map(|(_, places)| places.iter().copied())
            .collect();
        places.sort_unstable();
        places.dedup();
        places
    });
    kept_by(None, each).unwrap_or_default()
}

/// The places, ascending, that `kept` (`None`: every one) and each of `sets` hold.
pub fn kept_by(
    kept: Option<Vec<u32>>,
    sets: impl IntoIterator<Item = Vec<u32>>,
) -> Option<Vec<u32>> {
    sets.into_iter().fold(kept, |kept, places| {
        Some(match kept {
            None => places,
            Some(kept) => both(&kept, &places),
        })
    })
}

/// The places in both ascending lists.
pub fn both(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The default list's parts that hold the rows of the page `page` (positions
/// among the results, from 0) of the results `places`, each once, in order.
pub fn page_parts(manifest: &Manifest, places: &[u32], page: &Range<usize>) -> Vec<usize> {
    let mut parts: Vec<usize> = on_page(places, page)
        .iter()
        .filter_map(|&p| manifest.list_part_of(p as usize))
        .collect();
    parts.dedup();
    parts
}

/// The bytes (as stored) of the default list's parts [`page_parts`] names.
pub fn page_bytes(manifest: &Manifest, places: &[u32], page: &Range<usize>) -> usize {
    (page_parts(manifest, places, page).into_iter())
        .filter_map(|at| manifest.list.get(at))
        .map(|p| p.bytes)
        .sum()
}

/// The page `page` of the results `places`, from the rows of the default
/// list's parts [`page_parts`] named (each with its entry); a place no part
/// given holds is left out.
pub fn page_rows<'a>(
    places: &[u32],
    page: &Range<usize>,
    parts: impl IntoIterator<Item = (&'a ListEntry, &'a [ListRow])> + Clone,
) -> Vec<ListRow> {
    on_page(places, page)
        .iter()
        .filter_map(|&p| {
            let p = p as usize;
            let (entry, rows) = parts
                .clone()
                .into_iter()
                .find(|(e, _)| e.first <= p && p < e.first + e.count)?;
            rows.get(p - entry.first).cloned()
        })
        .collect()
}

/// The parts a search over the date range `window` needs, beside its words':
/// those the range needs (`publish::range::range_parts`) for the list's parts
/// that hold one of the results `places`.
pub fn range_parts_of(
    manifest: &Manifest,
    window: &DateWindow,
    undated: bool,
    places: &[u32],
) -> RangeParts {
    let mut list = list_parts_meeting(manifest, window, undated);
    list.retain(|&at| {
        manifest.list.get(at).is_some_and(|p| {
            let from = places.partition_point(|&place| (place as usize) < p.first);
            places
                .get(from)
                .is_some_and(|&place| (place as usize) < p.first + p.count)
        })
    });
    range_parts_for(manifest, window, undated, &list)
}

/// The results `places` over the date range `window`, as the app's list shows
/// them (`publish::range::in_range`), from the parts [`range_parts_of`] named
/// (`needs`):
/// `dates`, each part of the list's days with its entry and days; `reach`, the
/// days of the rows that reach.
pub fn over_range<'a>(
    manifest: &Manifest,
    window: &DateWindow,
    undated: bool,
    places: &[u32],
    needs: &RangeParts,
    dates: impl IntoIterator<Item = (&'a RowsEntry, &'a [Days])>,
    reach: impl IntoIterator<Item = &'a [PlacedDays]>,
) -> InRange {
    let hidden = if undated {
        0
    } else {
        undated_among(manifest, places)
    };
    let whole = needs.whole_places(manifest);
    kept_over(window, undated, Some(places), dates, reach, &whole, hidden)
}

/// How many of the results `places` are undated: a date range hides them
/// unless undated events are shown. The list's undated events are its last.
pub fn undated_among(manifest: &Manifest, places: &[u32]) -> usize {
    let undated_from = manifest.listed().saturating_sub(manifest.listed_undated());
    places.len() - places.partition_point(|&p| (p as usize) < undated_from)
}

/// The results on the page `page`, clamped to them.
fn on_page<'p>(places: &'p [u32], page: &Range<usize>) -> &'p [u32] {
    let end = page.end.min(places.len());
    &places[page.start.min(end)..end]
}

/// The parts of the list's days (`Manifest::dates`) that hold the rows at
/// `places` (ascending), each once, in order.
pub fn day_parts_for(manifest: &Manifest, places: &[u32]) -> Vec<usize> {
    let mut parts: Vec<usize> = (places.iter())
        .filter_map(|&place| part_holding(&manifest.dates, place as usize))
        .collect();
    parts.dedup();
    parts
}

/// The timeline above the events list for a search or kinds chosen: the
/// events at `places` (ascending: those found, whatever the date, as the app
/// counts what every filter but the date keeps), counted over the periods
/// that show `window` (zoomed, or the unzoomed timeline's: the manifest's for
/// no filter), from the parts of the list's days [`day_parts_for`] names, each
/// with its entry. `None` where a place is in none of them: a count that
/// leaves a record out is not shown.
pub fn found_timeline<'a>(
    window: &Window,
    places: &[u32],
    days: impl IntoIterator<Item = (&'a RowsEntry, &'a [Option<DayRow>])>,
) -> Option<Timeline> {
    let mut parts = days.into_iter().peekable();
    let mut rows = Vec::with_capacity(places.len());
    for &place in places {
        let place = place as usize;
        // Both in the list's order: a part passed is not needed again.
        while parts
            .peek()
            .is_some_and(|(e, _)| e.first + e.count <= place)
        {
            parts.next();
        }
        let (entry, days) = parts.peek()?;
        let row = days.get(place.checked_sub(entry.first)?)?;
        rows.push(row.map(|DayRow(first, last, inferred)| (first, last, inferred)));
    }
    Some(count_days(rows, window, shown_unit(window)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_keeps_the_places_in_each_list() {
        assert_eq!(both(&[1, 3, 5, 9], &[2, 3, 9, 10]), [3, 9]);
        assert!(both(&[], &[1]).is_empty());
    }

    #[test]
    fn a_page_beyond_the_results_is_empty() {
        assert_eq!(on_page(&[4, 8, 15], &(2..52)), [15]);
        assert!(on_page(&[4, 8, 15], &(50..100)).is_empty());
    }
}
