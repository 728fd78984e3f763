//! Partial dates ("1988", "2016-09", "2016-09-13") and ranges of them, never more
//! precise than the text they come from.

use std::fmt;

use crate::i18n::{fill, Lang, Strings};

/// A calendar date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    Format(String),
    /// Well formed, but no such day exists (month 13, 30 February).
    Impossible(String),
    /// A range whose end lies before its start.
    EndsBeforeStart(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => write!(
                f,
                "'{s}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, or a range START/END (one end may be '..')"
            ),
            DateError::Impossible(s) => write!(f, "'{s}' is an impossible date"),
            DateError::EndsBeforeStart(s) => write!(f, "the range '{s}' ends before it starts"),
        }
    }
}

/// How many days the month has (month 1 to 12), in the Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap_year(year) => 29,
        _ => 28,
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn digits(part: &str, len: usize) -> Option<u32> {
    if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let s = text.trim();
        let format = || DateError::Format(text.to_string());
        let mut parts = s.split('-');
        let year = parts.next().and_then(|p| digits(p, 4)).ok_or_else(format)? as i32;
        let month = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(format)? as u8),
        };
        let day = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(format)? as u8),
        };
        if parts.next().is_some() {
            return Err(format());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Impossible(text.to_string()));
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError::Impossible(text.to_string()));
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    /// First day this date may denote, as a sortable number YYYYMMDD.
    pub fn first_day(&self) -> u32 {
        let m = self.month.unwrap_or(1) as u32;
        let d = self.day.unwrap_or(1) as u32;
        self.year as u32 * 10_000 + m * 100 + d
    }

    /// Last day this date may denote, as a sortable number YYYYMMDD.
    pub fn last_day(&self) -> u32 {
        let m = self.month.unwrap_or(12);
        let d = self.day.unwrap_or_else(|| days_in_month(self.year, m));
        self.year as u32 * 10_000 + m as u32 * 100 + d as u32
    }
}

impl fmt::Display for PartialDate {
    /// "1988", "September 2016", "13 September 2016": as precise as known, no
    /// more. `Lang::date` writes it, in English here.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.date(self))
    }
}

/// A single partial date, or a range START/END of them. Either end of a range may
/// be open (`2017-08/..`: "August 2017 or later"), for a date the text bounds on
/// one side only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateSpan {
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

/// Marks the open end of a range.
const OPEN: &str = "..";

impl DateSpan {
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let end_of = |part: &str| match part.trim() {
            OPEN => Ok(None),
            p => PartialDate::parse(p).map(Some),
        };
        let span = match text.split_once('/') {
            None => {
                let d = PartialDate::parse(text)?;
                DateSpan {
                    start: Some(d),
                    end: Some(d),
                }
            }
            Some((a, b)) => DateSpan {
                start: end_of(a)?,
                end: end_of(b)?,
            },
        };
        match (span.start, span.end) {
            (None, None) => Err(DateError::Format(text.to_string())),
            (Some(s), Some(e)) if e.last_day() < s.first_day() => {
                Err(DateError::EndsBeforeStart(text.to_string()))
            }
            _ => Ok(span),
        }
    }

    /// The year readers find the record under: where it starts, else where it ends.
    pub fn year(&self) -> i32 {
        self.start.or(self.end).map_or(0, |d| d.year)
    }

    /// Where the span sorts in time: by its known start, else by its end, so that
    /// "2020 or earlier" files under 2020, beside the year it names.
    pub fn sort_key(&self) -> (u32, u32) {
        let anchor = self.start.or(self.end).map_or(0, |d| d.first_day());
        (anchor, self.bounds().1)
    }

    /// The days covered, as sortable numbers (first, last); open ends are unbounded.
    pub fn bounds(&self) -> (u32, u32) {
        (
            self.start.map_or(0, |d| d.first_day()),
            self.end.map_or(u32::MAX, |d| d.last_day()),
        )
    }

    /// True when the two spans share at least one possible day.
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 <= b1 && b0 <= a1
    }
}

impl fmt::Display for DateSpan {
    /// "June – September 1988", "August 2017 or later": `Lang::span`, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.span(self))
    }
}

/// The span a from/to filter covers; either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateWindow {
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl DateWindow {
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// The days the window covers, as sortable numbers; open sides are unbounded.
    pub fn bounds(&self) -> (u32, u32) {
        (
            self.from.map_or(0, |d| d.first_day()),
            self.to.map_or(u32::MAX, |d| d.last_day()),
        )
    }

    /// True when the span shares at least one possible day with the window.
    pub fn overlaps(&self, span: &DateSpan) -> bool {
        let (s0, s1) = span.bounds();
        let (lo, hi) = self.bounds();
        s0 <= hi && lo <= s1
    }

    /// True when every day the span may denote lies inside the window: the record
    /// certainly falls in it, rather than only possibly.
    pub fn contains(&self, span: &DateSpan) -> bool {
        let (s0, s1) = span.bounds();
        let (lo, hi) = self.bounds();
        lo <= s0 && s1 <= hi
    }
}

// How each language of the interface words these.
impl Lang {
    /// A partial date as precisely as known: "1988", "September 2016",
    /// "13 September 2016", or the same in Persian.
    pub fn date(self, date: &PartialDate) -> String {
        let t = self.strings();
        let year = self.year(date.year);
        match (date.month, date.day) {
            (Some(m), Some(d)) => fill(
                t.day_month_year,
                &[&self.number(d as usize), month_name(t, m), &year],
            ),
            (Some(m), None) => fill(t.month_year, &[month_name(t, m), &year]),
            _ => year,
        }
    }

    /// A span of partial dates, as `DateSpan`'s English display but in this language.
    pub fn span(self, span: &DateSpan) -> String {
        let t = self.strings();
        let (s, e) = match (span.start, span.end) {
            (Some(s), Some(e)) => (s, e),
            (Some(s), None) => return fill(t.or_later, &[&self.date(&s)]),
            (None, Some(e)) => return fill(t.or_earlier, &[&self.date(&e)]),
            (None, None) => return String::new(),
        };
        if s == e {
            return self.date(&s);
        }
        // "June – September 1988" rather than "June 1988 – September 1988".
        if s.year == e.year && s.day.is_none() && e.day.is_none() {
            if let (Some(sm), Some(_)) = (s.month, e.month) {
                return format!("{} – {}", month_name(t, sm), self.date(&e));
            }
        }
        format!("{} – {}", self.date(&s), self.date(&e))
    }

    /// Why a typed date was refused.
    pub fn date_error(self, error: &DateError) -> String {
        let t = self.strings();
        match error {
            DateError::Format(text) => fill(t.not_a_date, &[text]),
            DateError::Impossible(text) => fill(t.impossible_date, &[text]),
            DateError::EndsBeforeStart(text) => fill(t.ends_before_start, &[text]),
        }
    }
}

fn month_name(t: &Strings, m: u8) -> &'static str {
    t.months
        .get(usize::from(m).saturating_sub(1))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str) -> DateSpan {
        DateSpan::parse(s).expect("valid span")
    }

    #[test]
    fn shows_dates_as_precisely_as_known_and_no_more() {
        assert_eq!(span("1988").to_string(), "1988");
        assert_eq!(span("2016-09").to_string(), "September 2016");
        assert_eq!(span("2016-09-13").to_string(), "13 September 2016");
        assert_eq!(span("1988-06/1988-09").to_string(), "June – September 1988");
        assert_eq!(
            span("2017-03-09/2017-03-30").to_string(),
            "9 March 2017 – 30 March 2017"
        );
        assert_eq!(span("2019/2021").to_string(), "2019 – 2021");
        assert_eq!(span("2017-08/..").to_string(), "August 2017 or later");
        assert_eq!(span("../2016").to_string(), "2016 or earlier");
    }

    #[test]
    fn an_open_end_reaches_as_far_as_the_window() {
        assert!(span("2017-08/..").overlaps(&span("2024")));
        assert!(!span("2017-08/..").overlaps(&span("2017-07")));
        assert!(span("../2016").overlaps(&span("1988")));
        assert!(matches!(
            DateSpan::parse("../.."),
            Err(DateError::Format(_))
        ));
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        assert!(matches!(
            PartialDate::parse("2016-13"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            PartialDate::parse("2017-02-29"),
            Err(DateError::Impossible(_))
        ));
        assert!(PartialDate::parse("2016-02-29").is_ok());
        assert!(matches!(
            PartialDate::parse("13.09.2016"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            PartialDate::parse("88"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            PartialDate::parse("2016-9"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            DateSpan::parse("1988-09/1988-06"),
            Err(DateError::EndsBeforeStart(_))
        ));
    }

    #[test]
    fn a_year_overlaps_every_day_in_it() {
        assert!(span("1988").overlaps(&span("1988-12-31")));
        assert!(span("1988-06/1988-09").overlaps(&span("1988-09-30")));
        assert!(!span("1988-06/1988-09").overlaps(&span("1988-10-01")));
    }

    #[test]
    fn windows_accept_partial_ends_and_open_sides() {
        let sept_2016 = DateWindow {
            from: Some(PartialDate::parse("2016-09").unwrap()),
            to: Some(PartialDate::parse("2016-09").unwrap()),
        };
        assert!(sept_2016.overlaps(&span("2016-09-13")));
        assert!(sept_2016.overlaps(&span("2016")));
        assert!(!sept_2016.overlaps(&span("2016-08")));
        let since_2017 = DateWindow {
            from: Some(PartialDate::parse("2017").unwrap()),
            to: None,
        };
        assert!(since_2017.overlaps(&span("2024-08-24")));
        assert!(!since_2017.overlaps(&span("1988-06/1988-09")));
        assert!(DateWindow::default().is_open());
        // A date known only to the year may fall in September 2016, or not.
        assert!(sept_2016.contains(&span("2016-09-13")));
        assert!(!sept_2016.contains(&span("2016")));
    }

    #[test]
    fn dates_are_worded_the_way_each_language_writes_them() {
        let d = PartialDate::parse("2016-09-13").unwrap();
        assert_eq!(Lang::En.date(&d), "13 September 2016");
        assert_eq!(Lang::Fa.date(&d), "۱۳ سپتامبر ۲۰۱۶");
        let span = DateSpan::parse("1988-06/1988-09").unwrap();
        assert_eq!(Lang::En.span(&span), "June – September 1988");
        assert_eq!(Lang::Fa.span(&span), "ژوئن – سپتامبر ۱۹۸۸");
        let bad = PartialDate::parse("2016-13").unwrap_err();
        assert_eq!(Lang::En.date_error(&bad), bad.to_string());
        assert!(Lang::Fa.date_error(&bad).contains("2016-13"));
        let open = DateSpan::parse("2017-08/..").unwrap();
        assert_eq!(Lang::En.span(&open), "August 2017 or later");
    }
}
