//! The events list for one actor before the corpus is read: what the events
//! list keeps when that actor alone is chosen (its events, and those that count
//! under it through its parts and its people in role), a page at a time. The
//! build writes every actor's list as rows of the default list, end to end in
//! id order, and a table by id of where each begins and how long it is
//! ([`ActorList`], `Manifest::by_actor`), each of its parts with the parts of
//! its actors' rows ([`ActorTable`]): a page needs the actor's table part and
//! the one part of rows that holds the page. Over a date range, an actor's list
//! needs every part of its rows ([`every_part`], [`in_range`]).

use std::ops::Range;

use crate::corpus::date::DateWindow;
use crate::publish::pages::{ActorList, ListRow, PlacedRow};
use crate::publish::parts::{ActorTable, RowsEntry};
use crate::publish::range::{over_window, InRange};

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
        let held = entry.first..entry.first + rows.len();
        let from = wanted.start.max(held.start);
        let to = wanted.end.min(held.end);
        for position in from..to.max(from) {
            found.push((position, &rows[position - entry.first].1));
        }
    }
    found.sort_by_key(|(position, _)| *position);
    found.dedup_by_key(|(position, _)| *position);
    found.into_iter().map(|(_, row)| row.clone()).collect()
}

/// Every part of rows that holds a row of the actor's list `list`.
pub fn every_part<'t>(table: &'t ActorTable, list: &ActorList) -> &'t [RowsEntry] {
    table.rows_parts(list.rows())
}

/// The actor's list `list` over the date range `window` (with undated events
/// where `undated`), as the app's events list shows it with that actor and
/// range chosen, from the rows of the parts [`every_part`] named (each with
/// its entry).
pub fn in_range<'a>(
    list: &ActorList,
    window: &DateWindow,
    undated: bool,
    parts: impl IntoIterator<Item = (&'a RowsEntry, &'a [PlacedRow])>,
) -> InRange {
    let wanted = list.rows();
    let mut hidden = 0;
    let rows = parts.into_iter().flat_map(|(entry, rows)| {
        let held = entry.first..entry.first + rows.len();
        let from = wanted.start.max(held.start);
        let to = wanted.end.min(held.end).max(from);
        rows[from - held.start..to - held.start].iter()
    });
    let rows = rows
        .inspect(|PlacedRow(_, row)| hidden += usize::from(!undated && row.days().is_none()))
        .map(|PlacedRow(place, row)| (*place, row));
    let (rows, loose_from) = over_window(window, undated, rows);
    InRange {
        rows,
        loose_from,
        undated_hidden: hidden,
    }
}

/// The page's positions among every actor's rows.
fn positions(list: &ActorList, page: &Range<usize>) -> Range<usize> {
    let rows = list.rows();
    let start = (rows.start + page.start).min(rows.end);
    let end = (rows.start + page.end).min(rows.end);
    start..end.max(start)
}
