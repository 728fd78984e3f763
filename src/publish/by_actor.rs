//! The events list for one actor before the corpus is read: what the events
//! list keeps when that actor alone is chosen (its events, and those that count
//! under it through its parts and its people in role), a page at a time. The
//! build writes every actor's list as rows of the default list, end to end in
//! id order, and a table by id of where each begins and how long it is
//! ([`ActorList`], `Manifest::by_actor`), each of its parts with the parts of
//! its actors' rows ([`ActorTable`]): a page needs the actor's table part and
//! the one part of rows that holds the page. Over a date range, or with several
//! actors chosen, the list needs every part of their rows ([`every_part`],
//! [`together`]). For busy actors, their events (among the results of words or
//! kinds sought) are found by places instead (`Manifest::actor_places`,
//! [`places_of`]): read as a search's results are, from the default list's parts
//! that hold them, where those weigh less than every part of the actors' rows.

use std::ops::Range;

use crate::corpus::date::DateWindow;
use crate::publish::pages::{ActorList, ListRow, PlacedRow};
use crate::publish::parts::{ActorTable, Manifest, PlaceTable, RowsEntry};
use crate::publish::range::{over_window, InRange};
use crate::query::url_state::PAGE_SIZE;

/// The parts of rows that hold the page `page` (positions in the actor's list,
/// from 0) of the actor's list `list`, as its table part lists them. One part,
/// for a page of a list the build wrote.
pub fn page_parts<'t>(
    table: &'t ActorTable,
    list: &ActorList,
    page: &Range<usize>,
) -> &'t [RowsEntry] {
    table.rows_parts(positions(list, page))
}

/// The page `page` of the actor's list `list`, from the rows of the parts
/// [`page_parts`] named (each with its entry).
pub fn page_rows<'a>(
    list: &ActorList,
    page: &Range<usize>,
    parts: impl IntoIterator<Item = (&'a RowsEntry, &'a [PlacedRow])>,
) -> Vec<ListRow> {
    let wanted = positions(list, page);
    let mut found: Vec<(usize, &ListRow)> = Vec::new();
    for (entry, rows) in parts {
        found.extend(rows_at(entry, rows, &wanted).map(|(at, PlacedRow(_, row))| (at, row)));
    }
    found.sort_by_key(|(position, _)| *position);
    found.dedup_by_key(|(position, _)| *position);
    found.into_iter().map(|(_, row)| row.clone()).collect()
}

/// Every part of rows that holds a row of the actor's list `list`.
pub fn every_part<'t>(table: &'t ActorTable, list: &ActorList) -> &'t [RowsEntry] {
    table.rows_parts(list.rows())
}

/// The lists of the actors chosen (`lists`) together, over the date range
/// `window` (with undated events where `undated`), as the app's events list
/// shows them with those actors and that range chosen: each event any of them
/// keeps, once; with no range (`window` open), every one, undated ones
/// included; with words searched, only those whose places in the default list
/// are among `found`, the search's (`publish::by_word::matching`). From the
/// rows of the parts [`every_part`] named for each list (each part once, with
/// its entry).
pub fn together<'a>(
    lists: &[ActorList],
    window: &DateWindow,
    undated: bool,
    found: Option<&[u32]>,
    parts: impl IntoIterator<Item = (&'a RowsEntry, &'a [PlacedRow])>,
) -> InRange {
    // With no range, the date filter is not in use: it hides nothing.
    let undated = undated || window.is_open();
    let mut rows: Vec<(usize, &ListRow)> = Vec::new();
    for (entry, held) in parts {
        for list in lists {
            let of_list = rows_at(entry, held, &list.rows());
            rows.extend(of_list.map(|(_, PlacedRow(place, row))| (*place, row)));
        }
    }
    // An event that two of the actors keep is listed once.
    rows.sort_by_key(|(place, _)| *place);
    rows.dedup_by_key(|(place, _)| *place);
    if let Some(found) = found {
        rows.retain(|(place, _)| found.binary_search(&(*place as u32)).is_ok());
    }
    let hidden = if undated {
        0
    } else {
        rows.iter().filter(|(_, row)| row.days().is_none()).count()
    };
    let mut listed = over_window(window, undated, rows);
    listed.undated_hidden = hidden;
    listed
}

/// Above how many bytes of their rows' parts (as stored) the actors' events
/// (over a range, together, or with words or kinds sought) are looked for by
/// places, beside their rows: below it, one or two parts of rows are less than
/// the table of places and the parts of the default list a page of them needs.
pub const BY_PLACES_ABOVE: usize = 256 * 1024;

/// The parts of the actors' places table the actors `ids` need, each once, in order.
pub fn place_parts(manifest: &Manifest, ids: &[String]) -> Vec<usize> {
    let mut parts: Vec<usize> = ids
        .iter()
        .filter_map(|id| manifest.actor_places_of(id))
        .collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// Whether a page of the actors' events read by places may weigh less than
/// their rows (`bytes`, as stored): the parts of their places, and the default
/// list's parts a page of them spans, were their `counted` events (among
/// `found` results, where something is sought) spread evenly over the list. A
/// few hundred events are a part of the list for each row of a page, many
/// times their rows; tens of thousands, one part. Worked out before any place
/// is read, so that a reading that cannot win costs nothing.
pub fn page_by_places_may_weigh_less(
    manifest: &Manifest,
    ids: &[String],
    counted: usize,
    found: Option<usize>,
    bytes: usize,
) -> bool {
    let listed = manifest.listed().max(1);
    let results = match found {
        Some(found) => counted.saturating_mul(found) / listed,
        None => counted,
    };
    let parts = manifest.list.len().max(1);
    let spanned = (parts * PAGE_SIZE).div_ceil(results.max(1)).clamp(1, parts);
    let part_bytes = manifest.list.iter().map(|p| p.bytes).sum::<usize>() / parts;
    let places: usize = (place_parts(manifest, ids).into_iter())
        .filter_map(|at| manifest.actor_places.get(at))
        .map(|p| p.bytes)
        .sum();
    places + spanned * part_bytes < bytes
}

/// The places in the default list, ascending, of the events any of the actors
/// `ids` keeps, from the parts of the actors' places table [`place_parts`]
/// named; an id none lists keeps nothing.
pub fn places_of(ids: &[String], tables: &[&PlaceTable]) -> Vec<u32> {
    PlaceTable::places_of_any(tables, ids)
}

/// The rows of the part `entry` (read: `rows`) at the positions `wanted`, each
/// with its position.
fn rows_at<'a>(
    entry: &RowsEntry,
    rows: &'a [PlacedRow],
    wanted: &Range<usize>,
) -> impl Iterator<Item = (usize, &'a PlacedRow)> {
    let held = entry.first..entry.first + rows.len();
    let from = wanted.start.clamp(held.start, held.end);
    let to = wanted.end.clamp(from, held.end);
    (from..to).zip(&rows[from - held.start..to - held.start])
}

/// The page's positions among every actor's rows.
fn positions(list: &ActorList, page: &Range<usize>) -> Range<usize> {
    let rows = list.rows();
    let start = (rows.start + page.start).min(rows.end);
    let end = (rows.start + page.end).min(rows.end);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str) -> ListRow {
        ListRow(id.into(), None, id.into(), String::new())
    }

    #[test]
    fn a_page_takes_from_a_part_only_the_rows_of_its_list() {
        // A part holding the rows at positions 10 and 11 of every actor's rows.
        let entry = RowsEntry {
            file: "b-0".into(),
            sha256: String::new(),
            bytes: 0,
            json: 0,
            first: 10,
            count: 2,
        };
        let rows = [PlacedRow(3, row("ev-a")), PlacedRow(7, row("ev-b"))];
        let page = |list: &ActorList| {
            let got = page_rows(list, &(0..50), [(&entry, &rows[..])]);
            got.iter().map(|r| r.id().to_string()).collect::<Vec<_>>()
        };
        // Over a range, with the undated events shown (these rows are undated).
        let window = crate::query::filter::Filter {
            from: "1990".into(),
            ..Default::default()
        }
        .window()
        .0;
        let over = |list: &ActorList| {
            let got = together(
                std::slice::from_ref(list),
                &window,
                true,
                None,
                [(&entry, &rows[..])],
            );
            (got.rows_at(&(0..got.len()), []).iter())
                .map(|r| r.id().to_string())
                .collect::<Vec<_>>()
        };
        // A list before the part, one that ends in it, one after it.
        for (list, held) in [
            (ActorList("a".into(), 0, 5), vec![]),
            (ActorList("b".into(), 8, 3), vec!["ev-a"]),
            (ActorList("c".into(), 40, 5), vec![]),
        ] {
            assert_eq!(page(&list), held, "{list:?}");
            assert_eq!(over(&list), held, "{list:?}");
        }
    }
}
