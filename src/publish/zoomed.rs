//! The timeline above a list in pages zoomed into a span of time (`?tl=`),
//! before the corpus is read. Once the corpus is in, the app counts every
//! record of the list again over the window's periods; the days of the list's
//! rows say the same without a row:
//! - a row that does not reach (`pages::reaches`) meets the periods only where
//!   its part of the list does (its `days`), so the parts of the days that hold
//!   those parts' rows give every such row;
//! - a row that reaches is read from the days of the rows that reach, whose
//!   parts say the days they cover;
//! - how many records there are, and how many are undated, the unzoomed
//!   timeline already says: every other record lies outside the periods.
//!
//! A row that reaches spans more than a year, so it lies within one period
//! only at decades, where the timeline tells its date stated or inferred: a
//! window shown in decades reads every part of the days instead.

use std::ops::Range;

use crate::corpus::model::Kind;
use crate::publish::pages::{reaches, DayRow, PlacedDays};
use crate::publish::parts::{Manifest, ReachEntry, RowsEntry};
use crate::query::timeline::{
    count_days, periods_bounds, shown_unit, Timeline, TimelineCounts, Unit, Window,
};

/// A part of a list in pages: the places of its rows, and the first and last
/// day of those of them that are dated and do not reach (`None`: none).
type Run = (Range<usize>, Option<(u32, u32)>);

/// A list's days as the manifest has them: the events list's, or the claims'
/// or the sources' list's.
#[derive(Clone, Debug)]
pub struct ListOfDays<'m> {
    /// Each part of the list.
    runs: Vec<Run>,
    /// The parts of the days of its rows, in order.
    pub days: Vec<&'m RowsEntry>,
    /// The parts of the days of its rows that reach.
    pub reach: &'m [ReachEntry],
}

impl<'m> ListOfDays<'m> {
    /// The days of the list of `kind`'s records in pages; `None` where the
    /// build wrote none.
    pub fn of(manifest: &'m Manifest, kind: Kind) -> Option<ListOfDays<'m>> {
        let list = if kind == Kind::Event {
            ListOfDays {
                runs: (manifest.list.iter())
                    .map(|p| (p.first..p.first + p.count, p.days))
                    .collect(),
                days: manifest.dates.iter().collect(),
                reach: &manifest.reach,
            }
        } else {
            let days = manifest.view_days(kind);
            ListOfDays {
                runs: (days.iter())
                    .map(|p| (p.rows.first..p.rows.first + p.rows.count, p.days))
                    .collect(),
                days: days.iter().map(|p| &p.rows).collect(),
                reach: manifest.view_reach(kind),
            }
        };
        (!list.days.is_empty()).then_some(list)
    }
}

/// The parts a zoomed timeline reads, by their numbers in its list's days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoomParts {
    /// The unit the window is shown in.
    pub unit: Unit,
    /// Of the days of the list's rows.
    pub days: Vec<usize>,
    /// Of the days of its rows that reach.
    pub reach: Vec<usize>,
    /// Whether `days` is every part of them, and no part of the rows that
    /// reach is read.
    every: bool,
}

impl ZoomParts {
    /// Their bytes as stored, together: what reading them downloads.
    pub fn stored_bytes(&self, list: &ListOfDays) -> usize {
        let days = self.days.iter().filter_map(|&at| list.days.get(at));
        let reach = self.reach.iter().filter_map(|&at| list.reach.get(at));
        days.map(|p| p.bytes).sum::<usize>() + reach.map(|p| p.bytes).sum::<usize>()
    }
}

/// The parts of `list`'s days the timeline zoomed into `window` reads.
pub fn zoom_parts(list: &ListOfDays, window: &Window) -> ZoomParts {
    let unit = shown_unit(window);
    if unit == Unit::Decade {
        return ZoomParts {
            unit,
            days: (0..list.days.len()).collect(),
            reach: Vec::new(),
            every: true,
        };
    }
    let (lo, hi) = periods_bounds(window, unit);
    let meets = |(first, last): (u32, u32)| first <= hi && last >= lo;
    let mut days: Vec<usize> = (list.runs.iter())
        .filter(|(_, days)| days.is_some_and(meets))
        .flat_map(|(places, _)| holding(&list.days, places))
        .collect();
    days.dedup();
    ZoomParts {
        unit,
        days,
        reach: (list.reach.iter().enumerate())
            .filter(|(_, p)| meets(p.days))
            .map(|(at, _)| at)
            .collect(),
        every: false,
    }
}

/// The parts of the days `days` that hold the places `places`, in order.
fn holding(days: &[&RowsEntry], places: &Range<usize>) -> Range<usize> {
    let from = days.partition_point(|p| p.first + p.count <= places.start);
    let to = days.partition_point(|p| p.first < places.end);
    from..to.max(from)
}

/// The timeline zoomed into `window`, as the app counts it once the corpus is
/// in, from the parts [`zoom_parts`] named (`needs`), read: `days`, the days
/// of the list's rows, and `reach`, of its rows that reach, each in the order
/// named; and the list's unzoomed timeline (`Manifest::timelines`), for how
/// many records it has and how many are undated. `None` where the parts read
/// are not those named: a count that leaves records out is not shown.
pub fn zoomed_timeline<'a>(
    unzoomed: &TimelineCounts,
    window: &Window,
    needs: &ZoomParts,
    days: impl IntoIterator<Item = &'a [Option<DayRow>]>,
    reach: impl IntoIterator<Item = &'a [PlacedDays]>,
) -> Option<Timeline> {
    let days: Vec<&[Option<DayRow>]> = days.into_iter().collect();
    let reach: Vec<&[PlacedDays]> = reach.into_iter().collect();
    if days.len() != needs.days.len() || reach.len() != needs.reach.len() {
        return None;
    }
    let every = needs.every;
    let listed = (days.iter().flat_map(|rows| rows.iter()))
        .filter_map(|row| *row)
        .filter(|&DayRow(first, last, _)| every || !reaches((first, last)))
        .map(|DayRow(first, last, inferred)| (first, last, inferred));
    let reaching = (reach.iter().flat_map(|rows| rows.iter()))
        .map(|&PlacedDays(_, first, last)| (first, last, false));
    let counted = count_days(listed.chain(reaching).map(Some), window, needs.unit);
    let within: u32 = (counted.buckets.iter())
        .map(|b| b.stated + b.inferred)
        .sum::<u32>()
        + counted.across;
    let outside = (unzoomed.records())
        .checked_sub(unzoomed.undated)?
        .checked_sub(within)?;
    Some(Timeline {
        undated: unzoomed.undated,
        outside,
        ..counted
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(first: usize, count: usize) -> RowsEntry {
        RowsEntry {
            file: String::new(),
            sha256: String::new(),
            bytes: 10,
            json: 10,
            first,
            count,
        }
    }

    #[test]
    fn a_zoom_reads_the_days_of_the_parts_that_meet_its_periods_and_no_other() {
        let days = [rows(0, 4), rows(4, 4), rows(8, 4)];
        let reach = [ReachEntry {
            file: String::new(),
            sha256: String::new(),
            bytes: 5,
            json: 5,
            count: 1,
            days: (19_500_101, 20_201_231),
        }];
        let list = ListOfDays {
            // Parts of the list of 3, 3 and 6 rows, in date order.
            runs: vec![
                (0..3, Some((19_800_101, 19_851_231))),
                (3..6, Some((19_880_101, 19_881_231))),
                (6..12, Some((19_900_101, 19_951_231))),
            ],
            days: days.iter().collect(),
            reach: &reach,
        };
        // 1988 in months: the second part of the list, in the first two parts of days.
        let window = Window::parse("1988/1988").unwrap();
        let needs = zoom_parts(&list, &window);
        assert_eq!(
            (needs.unit, &needs.days[..], &needs.reach[..]),
            (Unit::Month, &[0, 1][..], &[0][..])
        );
        assert_eq!(needs.stored_bytes(&list), 25);
        // A century is shown in decades: every part of the days, none of the rows that reach.
        let needs = zoom_parts(&list, &Window::parse("1900/2020").unwrap());
        assert_eq!((needs.days.len(), needs.reach.len()), (3, 0));
    }

    #[test]
    fn the_records_not_in_the_periods_are_outside_and_a_part_missing_counts_nothing() {
        let unzoomed = TimelineCounts {
            unit: Unit::Year,
            first: 19_880_101,
            counts: vec![(3, 1, 0), (0, 0, 1)],
            undated: 2,
            outside: 0,
            across: 1,
            extent: None,
        };
        let window = Window::parse("1988-01/1988-03").unwrap();
        let needs = ZoomParts {
            unit: Unit::Month,
            days: vec![0],
            reach: vec![0],
            every: false,
        };
        let days = [
            Some(DayRow(19_880_105, 19_880_105, false)),
            Some(DayRow(19_880_201, 19_880_229, true)),
            Some(DayRow(19_881_001, 19_881_001, false)),
            // Reaches: read from the rows that reach, not here.
            Some(DayRow(19_870_101, 19_891_231, false)),
            None,
        ];
        let reach = [PlacedDays(3, 19_870_101, 19_891_231)];
        let zoomed =
            zoomed_timeline(&unzoomed, &window, &needs, [&days[..]], [&reach[..]]).unwrap();
        let counts: Vec<(u32, u32, u32)> = (zoomed.buckets.iter())
            .map(|b| (b.stated, b.inferred, b.spread))
            .collect();
        assert_eq!(counts, [(1, 0, 1), (0, 1, 1), (0, 0, 1)]);
        // 7 records: 2 undated, 3 in the periods, 2 outside.
        assert_eq!((zoomed.undated, zoomed.across, zoomed.outside), (2, 1, 2));
        assert_eq!(
            zoomed_timeline(&unzoomed, &window, &needs, [&days[..]], []),
            None
        );
    }
}
