//! The claims' and the sources' lists over a date range, before the corpus is
//! read: which parts of a list's days a range needs, and, from them, the
//! places in that list (both are in date order) of the records the app lists
//! for that range once the corpus is in (`query::filter`): those whose dates
//! meet it, in the list's order; undated ones where the reader asks for them.
//!
//! As for the events list (`publish::range`), the rows that reach (open at an
//! end, or over more than a year and a month) are also written apart, so that
//! a part of the days is either missed by a range (but for its rows that
//! reach, read apart), held by it whole (its rows kept without reading it), or
//! read. Unlike the events list, these lists put no record apart for being
//! dated less precisely than the range. A page of the list over a range then
//! reads the list's parts that hold its places.

use std::ops::Range;

use crate::corpus::date::DateWindow;
use crate::publish::by_kind::Sought;
use crate::publish::by_word::both;
use crate::publish::pages::PlacedDays;
use crate::publish::parts::{
    part_holding, DaysEntry, InPages, Manifest, ReachEntry, ReachRowsEntry, RowsEntry,
    RANGE_ASK_ABOVE,
};
use crate::publish::range::{held_whole, kept_as, Days};

/// A list's days as the manifest has them (`Manifest::view_days`,
/// `Manifest::view_reach`): the parts of the days of its rows, and of its
/// rows that reach.
#[derive(Clone, Copy, Debug)]
pub struct ListDays<'m> {
    pub days: &'m [DaysEntry],
    pub reach: &'m [ReachEntry],
}

impl<'m> ListDays<'m> {
    /// The days of the list of the view of `kind`: none for the events' and
    /// the actors'.
    pub fn of(manifest: &'m Manifest, kind: crate::corpus::model::Kind) -> ListDays<'m> {
        ListDays {
            days: manifest.view_days(kind),
            reach: manifest.view_reach(kind),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// How many of the places `found` (ascending) are of undated rows: the
    /// last of the list (in date order, undated last).
    pub fn undated_among(&self, found: &[u32]) -> usize {
        let total: usize = self.days.iter().map(|p| p.rows.count).sum();
        let undated: usize = self.days.iter().map(|p| p.undated).sum();
        let first_undated = total.saturating_sub(undated) as u32;
        found.len() - found.partition_point(|&p| p < first_undated)
    }
}

/// The parts of a list's days a date range needs, by their numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewRangeParts {
    /// Of the days of its rows it meets but does not hold: read, to know
    /// which rows it keeps.
    pub read: Vec<usize>,
    /// Of the days of its rows it keeps, every one: nothing to fetch for them.
    pub whole: Vec<usize>,
    /// Of the days of its rows that reach, which it meets.
    pub reach: Vec<usize>,
}

impl ViewRangeParts {
    /// How many parts it reads.
    pub fn len(&self) -> usize {
        self.read.len() + self.reach.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Their bytes as stored, together: what reading them downloads.
    pub fn stored_bytes(&self, list: ListDays) -> usize {
        let days = self.read.iter().filter_map(|&at| list.days.get(at));
        let reach = self.reach.iter().filter_map(|&at| list.reach.get(at));
        days.map(|p| p.rows.bytes).sum::<usize>() + reach.map(|p| p.bytes).sum::<usize>()
    }

    /// Whether they are too many to read before the reader asks, as for the
    /// events list (`Manifest::range_ask_above`).
    pub fn asks_first(&self, manifest: &Manifest, list: ListDays) -> bool {
        self.stored_bytes(list) > manifest.range_ask_above.unwrap_or(RANGE_ASK_ABOVE)
    }
}

/// The parts of the days of `list` the range `window` needs (and, with
/// `undated`, the undated records): those of its rows that do not reach whose
/// days it meets (or that hold undated ones), and of its rows that reach.
pub fn view_range_parts(list: ListDays, window: &DateWindow, undated: bool) -> ViewRangeParts {
    let (lo, hi) = window.bounds();
    let mut needs = ViewRangeParts::default();
    for (at, part) in list.days.iter().enumerate() {
        let meets = part
            .days
            .is_some_and(|(first, last)| first <= hi && last >= lo);
        if !(meets || undated && part.undated > 0) {
            continue;
        }
        if held_whole(part.days, part.reach_meets, part.undated, (lo, hi), undated) {
            needs.whole.push(at);
        } else {
            needs.read.push(at);
        }
    }
    needs.reach = (list.reach.iter().enumerate())
        .filter(|(_, p)| p.days.0 <= hi && p.days.1 >= lo)
        .map(|(at, _)| at)
        .collect();
    needs
}

/// A list over a date range: the places in it of the records kept, in its
/// order, and how many undated ones the range hides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewInRange {
    pub places: Vec<u32>,
    /// Those of its places whose rows reach, ascending: read from the list's
    /// parts of those rows (`Manifest::view_reach_rows`).
    pub reach: Vec<u32>,
    pub undated_hidden: usize,
}

impl ViewInRange {
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Its places at `positions`, clamped to them.
    pub fn on(&self, positions: &Range<usize>) -> &[u32] {
        let end = positions.end.min(self.places.len());
        &self.places[positions.start.min(end)..end]
    }

    /// The list of the records found (their places, ascending) with no range.
    pub fn of_found(found: Vec<u32>) -> ViewInRange {
        ViewInRange {
            places: found,
            ..ViewInRange::default()
        }
    }

    /// Of this list over a range, the records also found (`found`, places
    /// ascending: kinds chosen), saying how many undated ones found the range
    /// hides where it hides them (`undated` false): the last of `list`'s rows.
    pub fn kept_to(&self, found: &[u32], list: ListDays, undated: bool) -> ViewInRange {
        ViewInRange {
            places: both(&self.places, found),
            reach: both(&self.reach, found),
            undated_hidden: if undated {
                0
            } else {
                list.undated_among(found)
            },
        }
    }

    /// The same list, each of its rows to be read from parts of rows apart
    /// (a rare kind's, [`rows_apart`]), as the rows that reach are.
    pub fn all_apart(self) -> ViewInRange {
        ViewInRange {
            reach: self.places.clone(),
            ..self
        }
    }

    /// Of the places `places` (some of its own, ascending), those whose rows
    /// reach, and the others.
    pub fn parted(&self, places: &[u32]) -> (Vec<u32>, Vec<u32>) {
        places
            .iter()
            .partition(|place| self.reach.binary_search(place).is_ok())
    }
}

/// The list over `window` from the parts [`view_range_parts`] named
/// (`needs`): `read`, each part of the days it reads, with its entry; `reach`,
/// the days of the rows that reach. A part held whole keeps each of its rows,
/// those that reach among them, which all meet the range (`held_whole`).
pub fn view_in_range<'a>(
    list: ListDays,
    window: &DateWindow,
    undated: bool,
    needs: &ViewRangeParts,
    read: impl IntoIterator<Item = (&'a RowsEntry, &'a [Days])>,
    reach: impl IntoIterator<Item = &'a [PlacedDays]>,
) -> ViewInRange {
    let bounds = window.bounds();
    let whole = (needs.whole.iter().filter_map(|&at| list.days.get(at))).flat_map(|p| p.rows.run());
    let meets = |&(_, days): &(usize, Days)| kept_as(bounds, undated, days).is_some();
    let mut reaching: Vec<u32> = (reach.into_iter().flatten())
        .map(|&PlacedDays(place, first, last)| (place, Some((first, last))))
        .filter(meets)
        .map(|(place, _)| place as u32)
        .collect();
    reaching.sort_unstable();
    let met = (read.into_iter())
        .flat_map(|(entry, days)| (entry.first..).zip(days.iter().copied()))
        .filter(meets)
        .map(|(place, _)| place as u32);
    let mut places: Vec<u32> = (whole.map(|p| p as u32))
        .chain(met)
        .chain(reaching.iter().copied())
        .collect();
    places.sort_unstable();
    places.dedup();
    let undated_hidden = if undated {
        0
    } else {
        list.days.iter().map(|p| p.undated).sum()
    };
    ViewInRange {
        places,
        reach: reaching,
        undated_hidden,
    }
}

/// The numbers of the parts `parts` (a list's, or its directory's) that hold
/// the places `places`, each once, in order.
pub fn parts_holding<E: InPages>(parts: &[E], places: &[u32]) -> Vec<usize> {
    let mut held: Vec<usize> = (places.iter())
        .filter_map(|&place| part_holding(parts, place as usize))
        .collect();
    held.dedup();
    held
}

/// The rows at the places `places` (ascending), from the parts of the rows
/// that reach read, each with its place; a place in none is left out.
pub fn placed_rows_at<'a, R: Clone + 'a>(
    places: &[u32],
    read: impl IntoIterator<Item = &'a [(u32, R)]> + Clone,
) -> Vec<(u32, R)> {
    (places.iter())
        .filter_map(|place| {
            (read.clone().into_iter()).find_map(|rows| {
                let at = rows.binary_search_by_key(place, |(p, _)| *p).ok()?;
                rows.get(at).cloned()
            })
        })
        .collect()
}

/// The rows of a page from those read, each with its place: `reached`, of
/// the rows that reach, and `listed`, of the others; in the list's order.
pub fn page_rows<R>(reached: Vec<(u32, R)>, listed: Vec<(u32, R)>) -> Vec<R> {
    let mut rows: Vec<(u32, R)> = reached.into_iter().chain(listed).collect();
    rows.sort_by_key(|(place, _)| *place);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The rows at the places `places`, from the list's parts read (`read`, each
/// with its entry), each with its place; a place in none of them is left out.
pub fn rows_at<'a, E: InPages + 'a, R: Clone + 'a>(
    places: &[u32],
    read: impl IntoIterator<Item = (&'a E, &'a [R])> + Clone,
) -> Vec<(u32, R)> {
    (places.iter())
        .filter_map(|&place| {
            let at = place as usize;
            let (entry, rows) = (read.clone().into_iter()).find(|(e, _)| e.run().contains(&at))?;
            Some((place, rows.get(at - entry.run().start)?.clone()))
        })
        .collect()
}

/// The parts of the rows of a rare kind that hold every row `sought` finds,
/// where it chooses one (alone of its facet: every record found has it), from
/// a view's rare kinds' rows (`Manifest::view_kind_rows`).
pub fn rows_apart<'m>(
    kind_rows: &'m [(String, Vec<ReachRowsEntry>)],
    sought: &Sought,
) -> Option<&'m [ReachRowsEntry]> {
    (sought.kinds.iter())
        .filter_map(|keys| match keys.as_slice() {
            [key] => kind_rows.iter().find(|(k, _)| k == key),
            _ => None,
        })
        .map(|(_, parts)| parts.as_slice())
        .next()
}
