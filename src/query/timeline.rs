//! The timeline: how many records fall in each period of a span of time, from
//! decades down to days, honest about precision. A record dated "1988" is never
//! counted as if it happened on 1 January: at Year zoom it lies wholly in 1988, at
//! Month zoom it is *spread* over every month of 1988 shown.
//!
//! Days are numbers YYYYMMDD, as `DateSpan::bounds` gives them. Counting is
//! O(records + buckets): each record finds its first and last bucket by arithmetic,
//! and spread counts are summed from a difference array.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corpus::date::PartialDate;
use crate::corpus::model::Kind;
use crate::i18n::{fill, Lang};
use crate::query::bits::Bits;
use crate::query::index::Index;

/// At most this many periods: bars stay wide enough to touch on a phone.
pub const MAX_PERIODS: usize = 60;

/// The length of the periods the timeline counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Decade,
    Year,
    Month,
    Day,
}

/// A span of time the timeline shows, as first and last day numbers (YYYYMMDD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub first: u32,
    pub last: u32,
}

/// One period and the records in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bucket {
    /// The days this period covers (YYYYMMDD), whole: "1980s" is 1980-01-01 to 1989-12-31.
    pub first: u32,
    pub last: u32,
    /// "1980s", "1988", "June 1988", "13 June 1988".
    pub label: String,
    /// Records whose date lies wholly in this period, the date stated in the text.
    pub stated: u32,
    /// The same, the date inferred.
    pub inferred: u32,
    /// Records whose date overlaps this period but is less precise than it
    /// ("1988" at Month zoom, a range, an open range): each counts in every
    /// period it overlaps.
    pub spread: u32,
}

/// The counts of a kind's records per period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub unit: Unit,
    /// Whole periods, from the one holding the window's first day to the one
    /// holding its last.
    pub buckets: Vec<Bucket>,
    /// Records without a date.
    pub undated: u32,
    /// Dated records entirely outside the buckets.
    pub outside: u32,
    /// Records spread over more than one bucket (each counted in every bucket's
    /// `spread` it overlaps), so that stated + inferred + across + outside +
    /// undated is the number of records counted.
    pub across: u32,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    crate::corpus::date::days_in_month(year, month as u8) as u32
}

/// (year, month, day) of a day number.
pub(crate) fn split(day: u32) -> (i32, u32, u32) {
    ((day / 10_000) as i32, day / 100 % 100, day % 100)
}

fn join(y: i32, m: u32, d: u32) -> u32 {
    y.max(0) as u32 * 10_000 + m * 100 + d
}

/// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
fn ordinal(day: u32) -> i64 {
    let (y, m, d) = split(day);
    let (m, d) = (m.clamp(1, 12) as i64, d.max(1) as i64);
    let y = y as i64 - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day number of an ordinal (the inverse of `ordinal`).
fn from_ordinal(z: i64) -> u32 {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    join(y, m, d)
}

/// The period holding `day`, as a number that grows by one per period.
fn key(day: u32, unit: Unit) -> i64 {
    let (y, m, _) = split(day);
    match unit {
        Unit::Decade => (y as i64).div_euclid(10),
        Unit::Year => y as i64,
        Unit::Month => y as i64 * 12 + m.clamp(1, 12) as i64 - 1,
        Unit::Day => ordinal(day),
    }
}

/// The first and last day of period `k`.
fn period(k: i64, unit: Unit) -> (u32, u32) {
    match unit {
        Unit::Decade => (join(k as i32 * 10, 1, 1), join(k as i32 * 10 + 9, 12, 31)),
        Unit::Year => (join(k as i32, 1, 1), join(k as i32, 12, 31)),
        Unit::Month => {
            let (y, m) = (k.div_euclid(12) as i32, k.rem_euclid(12) as u32 + 1);
            (join(y, m, 1), join(y, m, days_in_month(y, m)))
        }
        Unit::Day => {
            let d = from_ordinal(k);
            (d, d)
        }
    }
}

/// A period as readers write it: "1980s", or the partial date it is
/// ("1988", "June 1988", "13 June 1988"); `Lang::period`, in English.
fn label(first: u32, unit: Unit) -> String {
    crate::i18n::Lang::En.period(first, unit)
}

/// A day as a partial date at `unit` precision: "1988", "1988-06", "1988-06-13".
fn partial(day: u32, unit: Unit) -> String {
    let (y, m, d) = split(day);
    match unit {
        Unit::Decade | Unit::Year => format!("{y:04}"),
        Unit::Month => format!("{y:04}-{m:02}"),
        Unit::Day => format!("{y:04}-{m:02}-{d:02}"),
    }
}

impl Window {
    fn ordered(&self) -> (u32, u32) {
        (self.first.min(self.last), self.first.max(self.last))
    }

    /// Reads the URL form ("1980/2000", "1988-06/1988-09", "1988-06-13/1988-06-20").
    pub fn parse(text: &str) -> Option<Window> {
        let (a, b) = text.split_once('/')?;
        let first = PartialDate::parse(a).ok()?.first_day();
        let last = PartialDate::parse(b).ok()?.last_day();
        (first <= last).then_some(Window { first, last })
    }
}

impl fmt::Display for Window {
    /// The URL form: each end as coarse as says it exactly.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (_, m, d) = split(self.first);
        let from = match (m, d) {
            (1, 1) => Unit::Year,
            (_, 1) => Unit::Month,
            _ => Unit::Day,
        };
        let (y2, m2, d2) = split(self.last);
        let to = match (m2, d2) {
            (12, 31) => Unit::Year,
            _ if d2 == days_in_month(y2, m2) => Unit::Month,
            _ => Unit::Day,
        };
        write!(
            f,
            "{}/{}",
            partial(self.first, from),
            partial(self.last, to)
        )
    }
}

/// The whole extent of the dated records of a kind: the earliest known first day
/// and the latest known last day (an open end counts by its known one), or None.
pub fn extent(index: &Index, kind: Kind) -> Option<Window> {
    let mut out: Option<Window> = None;
    for span in index.facts(kind).iter().filter_map(|f| f.span.as_ref()) {
        let (Some(a), Some(b)) = (span.start.or(span.end), span.end.or(span.start)) else {
            continue;
        };
        let (first, last) = (a.first_day(), b.last_day());
        out = Some(match out {
            None => Window { first, last },
            Some(w) => Window {
                first: w.first.min(first),
                last: w.last.max(last),
            },
        });
    }
    out
}

/// How many buckets `window` takes at `unit`.
pub fn bucket_count(window: &Window, unit: Unit) -> usize {
    let (a, b) = window.ordered();
    (key(b, unit) - key(a, unit) + 1) as usize
}

/// The finest unit that shows `window` in at most `max_buckets` buckets (Decade
/// when none does).
pub fn unit_for(window: &Window, max_buckets: usize) -> Unit {
    [Unit::Day, Unit::Month, Unit::Year]
        .into_iter()
        .find(|&u| bucket_count(window, u) <= max_buckets)
        .unwrap_or(Unit::Decade)
}

/// Counts the records of `kind` in `records` (a set over the index's numbering,
/// e.g. what every filter but the date keeps) per period of `window` at `unit`.
/// The buckets are whole periods, so they may reach a little beyond the window.
pub fn timeline(
    index: &Index,
    records: &Bits,
    kind: Kind,
    window: &Window,
    unit: Unit,
) -> Timeline {
    // Actors have no dates of their own (the index counts them as dated
    // through their links), so they are all undated here.
    let own_dates = kind != Kind::Actor;
    let days = records.ones_in(index.numbering.range(kind)).map(|number| {
        (own_dates && index.dated.contains(number)).then(|| {
            let (first, last) = index.day_bounds[number];
            (first, last, index.inferred_dates.contains(number))
        })
    });
    count_days(days, window, unit)
}

/// Counts records given by their days, each its first and last day and
/// whether its date is inferred (`None`: undated), as [`timeline`] counts a
/// kind's: a list read in pages gives them from the days of its rows.
pub fn count_days(
    days: impl IntoIterator<Item = Option<(u32, u32, bool)>>,
    window: &Window,
    unit: Unit,
) -> Timeline {
    let (a, b) = window.ordered();
    let k0 = key(a, unit);
    let n = (key(b, unit) - k0 + 1) as usize;
    let mut buckets: Vec<Bucket> = (0..n)
        .map(|i| {
            let (first, last) = period(k0 + i as i64, unit);
            Bucket {
                first,
                last,
                label: label(first, unit),
                stated: 0,
                inferred: 0,
                spread: 0,
            }
        })
        .collect();
    let (lo, hi) = (buckets[0].first, buckets[n - 1].last);
    let mut diff = vec![0i32; n + 1];
    let (mut undated, mut outside, mut across) = (0, 0, 0);
    for dated in days {
        let Some((f, l, inferred)) = dated else {
            undated += 1;
            continue;
        };
        if l < lo || f > hi {
            outside += 1;
            continue;
        }
        let i = (key(f.max(lo), unit) - k0) as usize;
        let j = (key(l.min(hi), unit) - k0) as usize;
        if i == j && f >= lo && l <= hi {
            if inferred {
                buckets[i].inferred += 1;
            } else {
                buckets[i].stated += 1;
            }
        } else {
            across += 1;
            diff[i] += 1;
            diff[j + 1] -= 1;
        }
    }
    let mut run = 0;
    for (bucket, d) in buckets.iter_mut().zip(&diff) {
        run += d;
        bucket.spread = run as u32;
    }
    Timeline {
        unit,
        buckets,
        undated,
        outside,
        across,
    }
}

/// The timeline of `records` of `kind` over `window` as a list shows it: in
/// the finest unit that takes at most [`MAX_PERIODS`] periods.
pub fn shown_over(index: &Index, records: &Bits, kind: Kind, window: &Window) -> Timeline {
    timeline(index, records, kind, window, shown_unit(window))
}

/// The unit a list's timeline shows `window` in ([`shown_over`]).
pub fn shown_unit(window: &Window) -> Unit {
    unit_for(window, MAX_PERIODS)
}

/// The first and last day of the periods at `unit` that show `window`,
/// whole: a record is in the timeline's periods when its days meet these.
pub fn periods_bounds(window: &Window, unit: Unit) -> (u32, u32) {
    let (a, b) = window.ordered();
    (period(key(a, unit), unit).0, period(key(b, unit), unit).1)
}

/// A timeline's figures alone, as the build writes them
/// (`publish::parts::Manifest::timelines`): its unit, the first day of its
/// first period, each period's counts (stated, inferred, spread) in order, and
/// its undated, outside and across; and, for a list's whole timeline, the
/// span of its kind's dates ([`extent`]), which zooming out stops at. Written
/// as a JSON object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineCounts {
    pub unit: Unit,
    pub first: u32,
    pub counts: Vec<(u32, u32, u32)>,
    pub undated: u32,
    pub outside: u32,
    pub across: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extent: Option<Window>,
}

impl TimelineCounts {
    pub fn of(timeline: &Timeline) -> TimelineCounts {
        TimelineCounts {
            extent: None,
            unit: timeline.unit,
            first: timeline.buckets.first().map_or(0, |b| b.first),
            counts: (timeline.buckets.iter())
                .map(|b| (b.stated, b.inferred, b.spread))
                .collect(),
            undated: timeline.undated,
            outside: timeline.outside,
            across: timeline.across,
        }
    }

    /// The timeline they are the figures of: its periods follow one another
    /// from the one holding `first`.
    /// The span of time its periods cover, whole: as the timeline it is the
    /// figures of was counted over, its periods are the same.
    pub fn window(&self) -> Window {
        let k0 = key(self.first, self.unit);
        let last = k0 + self.counts.len().saturating_sub(1) as i64;
        Window {
            first: self.first,
            last: period(last, self.unit).1,
        }
    }

    /// How many records it counts, dated or not, in its periods or not.
    pub fn records(&self) -> u32 {
        let within: u32 = self.counts.iter().map(|(s, i, _)| s + i).sum();
        within + self.across + self.outside + self.undated
    }

    pub fn timeline(&self) -> Timeline {
        let k0 = key(self.first, self.unit);
        let buckets = (self.counts.iter().enumerate())
            .map(|(i, &(stated, inferred, spread))| {
                let (first, last) = period(k0 + i as i64, self.unit);
                Bucket {
                    first,
                    last,
                    label: label(first, self.unit),
                    stated,
                    inferred,
                    spread,
                }
            })
            .collect();
        Timeline {
            unit: self.unit,
            buckets,
            undated: self.undated,
            outside: self.outside,
            across: self.across,
        }
    }
}

/// The date-range filter's ends for a brush from bucket `i` to bucket `j`
/// (inclusive, either order), as partial dates: ("1988", "1990") at Year,
/// ("1980", "1989") at Decade, ("1988-06", "1988-09") at Month,
/// ("1988-06-13", "1988-06-20") at Day.
pub fn brush_range(tl: &Timeline, i: usize, j: usize) -> (String, String) {
    let Some(end) = tl.buckets.len().checked_sub(1) else {
        return (String::new(), String::new());
    };
    let (i, j) = (i.min(j).min(end), i.max(j).min(end));
    (
        partial(tl.buckets[i].first, tl.unit),
        partial(tl.buckets[j].last, tl.unit),
    )
}

/// The buckets (first, last index) a date filter from `from` to `to` covers
/// (either end may be open), or None when it lies outside them all.
pub fn covered(
    tl: &Timeline,
    from: Option<PartialDate>,
    to: Option<PartialDate>,
) -> Option<(usize, usize)> {
    let lo = from.map_or(0, |d| d.first_day());
    let hi = to.map_or(u32::MAX, |d| d.last_day());
    let (first, last) = (tl.buckets.first()?, tl.buckets.last()?);
    if lo > hi || hi < first.first || lo > last.last {
        return None;
    }
    let i = tl.buckets.partition_point(|b| b.last < lo);
    let j = tl.buckets.partition_point(|b| b.first <= hi) - 1;
    Some((i, j))
}

/// The window one step out: twice as wide around its middle, kept within `extent`.
pub fn zoom_out(window: &Window, extent: &Window) -> Window {
    let (a, b) = window.ordered();
    let (ea, eb) = extent.ordered();
    let (a, b, ea, eb) = (ordinal(a), ordinal(b), ordinal(ea), ordinal(eb));
    let half = (b - a + 2) / 2;
    let (mut na, mut nb) = (a - half, b + half);
    if na < ea {
        nb += ea - na;
        na = ea;
    }
    if nb > eb {
        na -= nb - eb;
        nb = eb;
    }
    Window {
        first: from_ordinal(na.max(ea)),
        last: from_ordinal(nb),
    }
}

/// The window of bucket `i`: zooming into that period.
pub fn zoom_into(tl: &Timeline, i: usize) -> Window {
    let b = &tl.buckets[i.min(tl.buckets.len().saturating_sub(1))];
    Window {
        first: b.first,
        last: b.last,
    }
}

// How each language of the interface words these.
impl Lang {
    /// A timeline period, from its first day (YYYYMMDD) at `unit` precision:
    /// "1980s", "1988", "June 1988", "13 June 1988", or the same in Persian.
    pub fn period(self, first_day: u32, unit: Unit) -> String {
        let (year, month, day) = split(first_day);
        let (month, day) = (month as u8, day as u8);
        let (month, day) = match unit {
            Unit::Decade => return fill(self.strings().decade, &[&self.year(year)]),
            Unit::Year => (None, None),
            Unit::Month => (Some(month), None),
            Unit::Day => (Some(month), Some(day)),
        };
        self.date(&PartialDate { year, month, day })
    }

    /// "decade", "year", "month", "day".
    pub fn unit(self, unit: Unit) -> &'static str {
        let units = &self.strings().units;
        match unit {
            Unit::Decade => units[0],
            Unit::Year => units[1],
            Unit::Month => units[2],
            Unit::Day => units[3],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip_across_leap_days() {
        for day in [19700101, 19880229, 20000229, 19000228, 20241231, 15821015] {
            assert_eq!(from_ordinal(ordinal(day)), day);
        }
        assert_eq!(ordinal(19880301) - ordinal(19880228), 2);
        assert_eq!(ordinal(19000301) - ordinal(19000228), 1);
        assert_eq!(from_ordinal(ordinal(19881231) + 1), 19890101);
    }

    #[test]
    fn periods_are_worded_the_way_each_language_writes_them() {
        assert_eq!(Lang::En.period(19_800_101, Unit::Decade), "1980s");
        assert_eq!(Lang::Fa.period(19_800_101, Unit::Decade), "دههٔ ۱۹۸۰");
        assert_eq!(Lang::En.period(19_880_601, Unit::Month), "June 1988");
    }
}
