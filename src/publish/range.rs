//! The default list over a date range, before the corpus is read: which of its
//! parts a range needs (`Manifest::list`'s days and the rows that reach,
//! `Manifest::reach`), and, from their rows, the list the app shows for that
//! range once the corpus is in (`query::filter`): the events whose dates meet
//! the range, those within it first, in the list's order, then those dated less
//! precisely than it; undated ones where the reader asks for them.

use crate::corpus::date::DateWindow;
use crate::publish::pages::{ListRow, PlacedRow, REACH};
use crate::publish::parts::{Manifest, RANGE_ASK_ABOVE};

/// The parts a date range needs, by their numbers in the manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RangeParts {
    /// Of the default list (`Manifest::list`).
    pub list: Vec<usize>,
    /// Of the rows that reach (`Manifest::reach`).
    pub reach: Vec<usize>,
}

impl RangeParts {
    pub fn len(&self) -> usize {
        self.list.len() + self.reach.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Their bytes as stored, together: what reading them downloads.
    pub fn stored_bytes(&self, manifest: &Manifest) -> usize {
        let list = self.list.iter().filter_map(|&at| manifest.list.get(at));
        let reach = self.reach.iter().filter_map(|&at| manifest.reach.get(at));
        list.map(|p| p.bytes).sum::<usize>() + reach.map(|p| p.bytes).sum::<usize>()
    }

    /// Whether they are too many to read before the reader asks
    /// (`Manifest::range_ask_above`, else [`RANGE_ASK_ABOVE`]).
    pub fn asks_first(&self, manifest: &Manifest) -> bool {
        self.stored_bytes(manifest) > manifest.range_ask_above.unwrap_or(RANGE_ASK_ABOVE)
    }
}

/// The parts of the default list, and of its rows that reach, that hold an
/// event of the range `window` (and, with `undated`, those that hold undated ones).
pub fn range_parts(manifest: &Manifest, window: &DateWindow, undated: bool) -> RangeParts {
    let (lo, hi) = window.bounds();
    let meets = |(first, last): (u32, u32)| first <= hi && last >= lo;
    RangeParts {
        list: (manifest.list.iter().enumerate())
            .filter(|(_, p)| p.days.is_some_and(meets) || (undated && p.undated > 0))
            .map(|(at, _)| at)
            .collect(),
        reach: (manifest.reach.iter().enumerate())
            .filter(|(_, p)| meets(p.days))
            .map(|(at, _)| at)
            .collect(),
    }
}

/// Whether every event within `window` is among the list's parts' own rows: no
/// row that reaches fits within a range this short. Then the list's parts, read
/// in their order, give the events within the range in their final order as they
/// come (`in_range` over the parts read so far and no row that reaches: its rows
/// up to `loose_from`), so a page of them can be shown before the rest is read.
pub fn within_from_list_alone(window: &DateWindow) -> bool {
    let (lo, hi) = window.bounds();
    hi.saturating_sub(lo) <= REACH
}

/// The list's parts of `needs` in the order a range short enough to be
/// [`within_from_list_alone`] reads them: first those that may hold events
/// within it, in the list's order (their rows, read so far, give the events
/// within the range in their final order); then those whose rows all start
/// before it, which hold only events dated less precisely than it.
pub fn reading_order(
    manifest: &Manifest,
    window: &DateWindow,
    undated: bool,
    needs: &RangeParts,
) -> (Vec<usize>, Vec<usize>) {
    let (lo, _) = window.bounds();
    needs.list.iter().partition(|&&at| {
        manifest.list.get(at).is_some_and(|p| {
            let before = p.latest_start.is_some_and(|start| start < lo);
            !before || (undated && p.undated > 0)
        })
    })
}

/// The default list over a date range: its rows in the order the list shows them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InRange {
    pub rows: Vec<ListRow>,
    /// Where the events dated less precisely than the range begin in `rows`.
    pub loose_from: usize,
    /// How many undated events the range hides (none when they are shown).
    pub undated_hidden: usize,
}

/// The list over `window` from the rows of the parts [`range_parts`] named:
/// `list`, each list part's number with its rows; `reach`, the rows of the
/// parts of those that reach. A row that reaches is taken from `reach` only.
pub fn in_range<'a>(
    manifest: &'a Manifest,
    window: &DateWindow,
    undated: bool,
    list: impl IntoIterator<Item = (usize, &'a [ListRow])>,
    reach: impl IntoIterator<Item = &'a [PlacedRow]>,
) -> InRange {
    let (rows, loose_from) = over_window(window, undated, placed_rows(manifest, list, reach));
    InRange {
        rows,
        loose_from,
        undated_hidden: if undated {
            0
        } else {
            manifest.listed_undated()
        },
    }
}

/// The rows of the parts a range reads, each once, with its place in the
/// default list: of the list's parts (`list`, each part's number with its
/// rows), those that do not reach; and the rows that reach (`reach`).
pub fn placed_rows<'a>(
    manifest: &'a Manifest,
    list: impl IntoIterator<Item = (usize, &'a [ListRow])>,
    reach: impl IntoIterator<Item = &'a [PlacedRow]>,
) -> impl Iterator<Item = (usize, &'a ListRow)> {
    let own = list.into_iter().flat_map(|(at, rows)| {
        let first = manifest.list.get(at).map(|p| p.first);
        (rows.iter().enumerate())
            .filter(|(_, r)| !r.reaches())
            .filter_map(move |(i, row)| Some((first? + i, row)))
    });
    let reaching = (reach.into_iter()).flat_map(|rows| rows.iter().map(|PlacedRow(p, r)| (*p, r)));
    own.chain(reaching)
}

/// Of `rows`, each with its place in the default list, those the list over
/// `window` keeps, in the order it shows them: those within the range in the
/// list's order, then those dated less precisely than it (from the place
/// returned); undated ones with `undated`. A row given twice is kept once.
pub fn over_window<'a>(
    window: &DateWindow,
    undated: bool,
    rows: impl IntoIterator<Item = (usize, &'a ListRow)>,
) -> (Vec<ListRow>, usize) {
    let (lo, hi) = window.bounds();
    // Each kept row with its place, and whether it is dated less precisely than the range.
    let mut kept: Vec<(bool, usize, &ListRow)> = Vec::new();
    for (place, row) in rows {
        match row.days() {
            None if undated => kept.push((false, place, row)),
            Some((first, last)) if first <= hi && last >= lo => {
                kept.push((!(lo <= first && last <= hi), place, row));
            }
            _ => {}
        }
    }
    kept.sort_by_key(|(loose, place, _)| (*loose, *place));
    kept.dedup_by_key(|(_, place, _)| *place);
    let loose_from = kept.partition_point(|(loose, _, _)| !loose);
    let rows = kept.into_iter().map(|(_, _, row)| row.clone()).collect();
    (rows, loose_from)
}
