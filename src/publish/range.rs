//! The default list over a date range, before the corpus is read: which parts
//! a range needs, and, from them, the list the app shows for that range once
//! the corpus is in (`query::filter`): the events whose dates meet the range,
//! those within it first, in the list's order, then those dated less precisely
//! than it; undated ones where the reader asks for them.
//!
//! A range is counted and placed from the days of the list's rows alone
//! (`Manifest::dates`), never from the rows: the parts of the list whose rows
//! that do not reach meet the range (`Manifest::list`'s days), and the rows
//! that reach which meet it (`Manifest::reach`). A part of the list that the
//! range holds whole needs no days of its rows ([`taken_whole`]): over many
//! years, only the parts at its ends are read. A page of it then reads the
//! list's parts that hold that page's rows, as a search's does.

use std::ops::Range;

use crate::corpus::date::DateWindow;
use crate::publish::pages::{ListRow, PlacedDays, REACH};
use crate::publish::parts::{ListEntry, Manifest, RowsEntry, RANGE_ASK_ABOVE};

/// A row's first and last day (`ListRow::days`); `None` for an undated one.
pub type Days = Option<(u32, u32)>;

/// The parts a date range needs, by their numbers in the manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RangeParts {
    /// Of the days of the default list's rows (`Manifest::dates`).
    pub dates: Vec<usize>,
    /// Of the days of its rows that reach (`Manifest::reach`).
    pub reach: Vec<usize>,
    /// Of the default list's parts it keeps whole ([`taken_whole`]), whose
    /// days it does not read: nothing to fetch for them.
    pub whole: Vec<usize>,
}

impl RangeParts {
    pub fn len(&self) -> usize {
        self.dates.len() + self.reach.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Their bytes as stored, together: what reading them downloads.
    pub fn stored_bytes(&self, manifest: &Manifest) -> usize {
        let dates = self.dates.iter().filter_map(|&at| manifest.dates.get(at));
        let reach = self.reach.iter().filter_map(|&at| manifest.reach.get(at));
        dates.map(|p| p.bytes).sum::<usize>() + reach.map(|p| p.bytes).sum::<usize>()
    }

    /// The places in the list of the rows of the parts it keeps whole.
    pub fn whole_places(&self, manifest: &Manifest) -> Vec<Range<usize>> {
        (self.whole.iter().filter_map(|&at| manifest.list.get(at)))
            .map(|p| p.first..p.first + p.count)
            .collect()
    }

    /// Whether they are too many to read before the reader asks
    /// (`Manifest::range_ask_above`, else [`RANGE_ASK_ABOVE`]).
    pub fn asks_first(&self, manifest: &Manifest) -> bool {
        self.stored_bytes(manifest) > manifest.range_ask_above.unwrap_or(RANGE_ASK_ABOVE)
    }
}

/// The default list's parts that hold an event of the range `window` among
/// their rows that do not reach (and, with `undated`, those that hold undated
/// ones), by their numbers.
pub fn list_parts_meeting(manifest: &Manifest, window: &DateWindow, undated: bool) -> Vec<usize> {
    let (lo, hi) = window.bounds();
    let meets = |(first, last): (u32, u32)| first <= hi && last >= lo;
    (manifest.list.iter().enumerate())
        .filter(|(_, p)| p.days.is_some_and(meets) || (undated && p.undated > 0))
        .map(|(at, _)| at)
        .collect()
}

/// Whether the range `bounds` keeps every row of the list's part `entry`
/// without reading their days: its rows that do not reach are all within the
/// range, its undated ones shown (or none), and its rows that reach all meet
/// it, so that the range reads their days among the rows that reach, which
/// say where each is placed and how.
pub fn taken_whole(entry: &ListEntry, bounds: (u32, u32), undated: bool) -> bool {
    held_whole(
        entry.days,
        entry.reach_meets,
        entry.undated,
        bounds,
        undated,
    )
}

/// [`taken_whole`] of a part that says its `days`, where its rows that reach
/// meet (`reach_meets`) and how many of its rows are undated, as `ListEntry`
/// says them.
pub fn held_whole(
    days: Option<(u32, u32)>,
    reach_meets: Option<(u32, u32)>,
    undated_rows: usize,
    (lo, hi): (u32, u32),
    undated: bool,
) -> bool {
    (undated || undated_rows == 0)
        && days.is_none_or(|(first, last)| lo <= first && last <= hi)
        && reach_meets.is_none_or(|(last, first)| lo <= last && first <= hi)
}

/// The parts the range `window` needs to count and place its events among
/// the rows of the list's parts `list` (those [`list_parts_meeting`] names, or
/// some of them): the days of those rows, but of the parts it keeps whole,
/// and of the rows that reach which meet the range.
pub fn range_parts_for(
    manifest: &Manifest,
    window: &DateWindow,
    undated: bool,
    list: &[usize],
) -> RangeParts {
    let (lo, hi) = window.bounds();
    let (whole, ends): (Vec<usize>, Vec<usize>) = list.iter().partition(|&&at| {
        (manifest.list.get(at)).is_some_and(|p| taken_whole(p, (lo, hi), undated))
    });
    let mut dates: Vec<usize> = (ends.iter().filter_map(|&at| manifest.list.get(at)))
        .flat_map(|p| dates_of(&manifest.dates, p.first..p.first + p.count))
        .collect();
    dates.dedup();
    RangeParts {
        whole,
        dates,
        reach: (manifest.reach.iter().enumerate())
            .filter(|(_, p)| p.days.0 <= hi && p.days.1 >= lo)
            .map(|(at, _)| at)
            .collect(),
    }
}

/// The parts a date range needs (and, with `undated`, the undated events).
pub fn range_parts(manifest: &Manifest, window: &DateWindow, undated: bool) -> RangeParts {
    range_parts_for(
        manifest,
        window,
        undated,
        &list_parts_meeting(manifest, window, undated),
    )
}

/// The parts of the list's days that hold the places `places`, in order.
fn dates_of(dates: &[RowsEntry], places: Range<usize>) -> Range<usize> {
    let from = dates.partition_point(|p| p.first + p.count <= places.start);
    let to = dates.partition_point(|p| p.first < places.end);
    from..to.max(from)
}

/// Whether no row that reaches fits within `window` (a range of at most a
/// year and a month): then its events within it are all among the list's
/// parts it meets, and the days of those give them in their final order
/// before the rows that reach are read ([`within_from_dates`]).
pub fn within_from_list_alone(window: &DateWindow) -> bool {
    let (lo, hi) = window.bounds();
    hi.saturating_sub(lo) <= REACH
}

/// For a range [`within_from_list_alone`] that keeps no part of the list
/// whole (`RangeParts::whole`: which of their rows reach is known only from
/// the rows that reach), its events within it (kept to `found`, a search's
/// places, where there are any), in their final order, from the days of every
/// part [`range_parts`] names of the list's (`dates`) and none of the rows
/// that reach: a page of them can be read while those are. `loose_from` is
/// their number.
pub fn within_from_dates<'a>(
    window: &DateWindow,
    undated: bool,
    found: Option<&[u32]>,
    dates: impl IntoIterator<Item = (&'a RowsEntry, &'a [Days])>,
) -> InRange {
    let mut within = kept_over(window, undated, found, dates, [], &[], 0);
    within.places.truncate(within.loose_from);
    within
}

/// How the list over a range (its first and last day, `bounds`) keeps an
/// event dated `days`: not at all (`None`), within the range (`Some(false)`),
/// or as dated less precisely than it (`Some(true)`); an undated one, within,
/// where undated events are shown.
pub fn kept_as((lo, hi): (u32, u32), undated: bool, days: Days) -> Option<bool> {
    match days {
        None => undated.then_some(false),
        Some((first, last)) if first <= hi && last >= lo => Some(!(lo <= first && last <= hi)),
        Some(_) => None,
    }
}

/// The default list over a date range, in the order the list shows them: the
/// events within the range in the list's order, then those dated less
/// precisely than it (from `loose_from`); undated ones where they are shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InRange {
    /// The places in the default list of the events it keeps, in its order.
    pub places: Vec<u32>,
    /// Where the events dated less precisely than the range begin in `places`.
    pub loose_from: usize,
    /// How many undated events the range hides (none when they are shown).
    pub undated_hidden: usize,
    /// The rows of it already read, by place, ascending (an actor's list
    /// reads them all); the others are read a page at a time from the list.
    pub known: Vec<(u32, ListRow)>,
}

impl InRange {
    /// How many events it keeps.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    fn known_row(&self, place: u32) -> Option<&ListRow> {
        let at = self.known.binary_search_by_key(&place, |(p, _)| *p).ok()?;
        self.known.get(at).map(|(_, row)| row)
    }

    /// Its places at `positions`, clamped to them.
    fn on(&self, positions: &Range<usize>) -> &[u32] {
        let end = positions.end.min(self.places.len());
        &self.places[positions.start.min(end)..end]
    }

    /// The places of its rows at `positions` not already read.
    pub fn unread_on(&self, positions: &Range<usize>) -> Vec<u32> {
        (self.on(positions).iter())
            .copied()
            .filter(|&place| self.known_row(place).is_none())
            .collect()
    }

    /// The same list, with the rows `rows` (each with its place) read.
    pub fn knowing(mut self, rows: Vec<(u32, ListRow)>) -> InRange {
        self.known.extend(rows);
        self.known.sort_by_key(|(place, _)| *place);
        self.known.dedup_by_key(|(place, _)| *place);
        self
    }

    /// The default list's parts that hold its rows at `positions` not
    /// already read, each once, in order.
    pub fn parts_for(&self, manifest: &Manifest, positions: &Range<usize>) -> Vec<usize> {
        let mut parts: Vec<usize> = (self.on(positions).iter())
            .filter(|&&place| self.known_row(place).is_none())
            .filter_map(|&place| manifest.list_part_of(place as usize))
            .collect();
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// Its rows at `positions`, from those already read and the default
    /// list's parts `parts` ([`InRange::parts_for`], each with its entry); a
    /// row in neither is left out.
    pub fn rows_at<'a>(
        &self,
        positions: &Range<usize>,
        parts: impl IntoIterator<Item = (&'a ListEntry, &'a [ListRow])> + Clone,
    ) -> Vec<ListRow> {
        let in_parts = |place: usize| {
            let (entry, rows) = (parts.clone().into_iter())
                .find(|(e, _)| e.first <= place && place < e.first + e.count)?;
            rows.get(place - entry.first)
        };
        (self.on(positions).iter())
            .filter_map(|&place| self.known_row(place).or_else(|| in_parts(place as usize)))
            .cloned()
            .collect()
    }

    /// The list of the places `kept`, each with whether it is dated less
    /// precisely than the range, and the rows read of them (`known`); a
    /// place given twice is kept once.
    fn of(mut kept: Vec<(bool, usize)>, mut known: Vec<(u32, ListRow)>) -> InRange {
        kept.sort_unstable();
        kept.dedup_by_key(|(_, place)| *place);
        known.sort_by_key(|(place, _)| *place);
        known.dedup_by_key(|(place, _)| *place);
        InRange {
            loose_from: kept.partition_point(|(loose, _)| !loose),
            places: kept.into_iter().map(|(_, place)| place as u32).collect(),
            undated_hidden: 0,
            known,
        }
    }
}

/// The list over `window` from the parts [`range_parts`] named (`needs`):
/// `dates`, each part of the list's days with its entry and days; `reach`, the
/// days of the rows that reach.
pub fn in_range<'a>(
    manifest: &Manifest,
    window: &DateWindow,
    undated: bool,
    needs: &RangeParts,
    dates: impl IntoIterator<Item = (&'a RowsEntry, &'a [Days])>,
    reach: impl IntoIterator<Item = &'a [PlacedDays]>,
) -> InRange {
    let hidden = if undated {
        0
    } else {
        manifest.listed_undated()
    };
    let whole = needs.whole_places(manifest);
    kept_over(window, undated, None, dates, reach, &whole, hidden)
}

/// The list over `window`, as [`in_range`], kept to the places `found` where
/// there are any (a search's, ascending), saying it hides `hidden` undated;
/// `whole`, the places of the list's parts it keeps whole.
pub(crate) fn kept_over<'a>(
    window: &DateWindow,
    undated: bool,
    found: Option<&[u32]>,
    dates: impl IntoIterator<Item = (&'a RowsEntry, &'a [Days])>,
    reach: impl IntoIterator<Item = &'a [PlacedDays]>,
    whole: &[Range<usize>],
    hidden: usize,
) -> InRange {
    let bounds = window.bounds();
    let is_found = |place: usize| found.is_none_or(|f| f.binary_search(&(place as u32)).is_ok());
    let listed =
        (dates.into_iter()).flat_map(|(entry, days)| (entry.first..).zip(days.iter().copied()));
    let reaching: Vec<(usize, Days)> = (reach.into_iter())
        .flat_map(|rows| {
            rows.iter()
                .map(|&PlacedDays(place, first, last)| (place, Some((first, last))))
        })
        .collect();
    let mut kept: Vec<(bool, usize)> = listed
        .chain(reaching.iter().copied())
        .filter(|(place, _)| is_found(*place))
        .filter_map(|(place, days)| Some((kept_as(bounds, undated, days)?, place)))
        .collect();
    // A part kept whole: each of its rows within the range, but those that
    // reach, placed as their own days say.
    let mut reaching: Vec<usize> = reaching.into_iter().map(|(place, _)| place).collect();
    reaching.sort_unstable();
    let in_whole = (whole.iter().cloned().flatten())
        .filter(|place| reaching.binary_search(place).is_err() && is_found(*place));
    kept.extend(in_whole.map(|place| (false, place)));
    let mut listed = InRange::of(kept, Vec::new());
    listed.undated_hidden = hidden;
    listed
}

/// Of `rows`, each with its place in the default list, those the list over
/// `window` keeps, in the order it shows them, each read; undated ones with
/// `undated`. A row given twice is kept once. It hides no undated event: the
/// caller says how many.
pub fn over_window<'a>(
    window: &DateWindow,
    undated: bool,
    rows: impl IntoIterator<Item = (usize, &'a ListRow)>,
) -> InRange {
    let bounds = window.bounds();
    let mut kept = Vec::new();
    let mut known = Vec::new();
    for (place, row) in rows {
        if let Some(loose) = kept_as(bounds, undated, row.days()) {
            kept.push((loose, place));
            known.push((place as u32, row.clone()));
        }
    }
    InRange::of(kept, known)
}
