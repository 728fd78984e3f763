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

/// The calendar a year typed in the date filter is read in. The corpus's own
/// dates are all Gregorian; a Solar Hijri year is turned into the Gregorian
/// days it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    SolarHijri,
}

/// How the calendar of a typed date was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadHow {
    /// Only one reading makes sense: "1988", "2016-09".
    Plain,
    /// The text names its calendar: "1367 SH", "۱۳۶۷ ه.ش", "1367 AD".
    Marked,
    /// A bare year that could be either (1300 to 1500), read as the reader's
    /// language suggests; the reader is told, and offered the other reading.
    Assumed,
}

/// Bare years that may be Solar Hijri as well as Gregorian: 1300 SH is 1921,
/// 1500 SH is 2121, and few corpora reach back to 1300 AD.
pub const EITHER_CALENDAR: std::ops::RangeInclusive<i32> = 1300..=1500;

/// One end of the date filter as the reader typed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypedEnd {
    /// In `calendar`: a Solar Hijri date is a year only.
    pub date: PartialDate,
    pub calendar: Calendar,
    pub how: ReadHow,
}

/// What follows a year to say it is Solar Hijri, compared without spaces,
/// dots, joiners or tatweel: "1367 SH", "1367 AP", "1367 ه.ش", "1367 هـ ش", "1367 شمسی".
const SOLAR_HIJRI_MARKS: [&str; 6] = ["sh", "ap", "هش", "ش", "هجریشمسی", "شمسی"];
/// And Gregorian: "1367 AD", "1367 CE", "1367 م", "1367 میلادی".
const GREGORIAN_MARKS: [&str; 4] = ["ad", "ce", "م", "میلادی"];

impl TypedEnd {
    /// Reads an end of the date filter: a Gregorian partial date, or a year
    /// marked as Solar Hijri or Gregorian, in any of the digits a reader types.
    /// A bare year in `EITHER_CALENDAR` is read in `either` and marked `Assumed`.
    pub fn read(text: &str, either: Calendar) -> Result<TypedEnd, DateError> {
        // Errors quote the text in Latin digits, as the corpus writes dates.
        let latin = crate::corpus::text::latin_digits(text.trim());
        let digits_end = latin
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(latin.len());
        let (number, mark) = latin.split_at(digits_end);
        let mark: String = mark
            .chars()
            .filter(|c| {
                !(c.is_whitespace() || matches!(c, '.' | '\u{200c}' | '\u{200d}' | '\u{640}'))
            })
            .flat_map(char::to_lowercase)
            // Arabic yeh and kaf are typed for Persian ones.
            .map(|c| match c {
                '\u{64a}' | '\u{649}' => '\u{6cc}',
                c => c,
            })
            .collect();
        let marked = if mark.is_empty() {
            None
        } else if SOLAR_HIJRI_MARKS.contains(&mark.as_str()) {
            Some(Calendar::SolarHijri)
        } else if GREGORIAN_MARKS.contains(&mark.as_str()) {
            Some(Calendar::Gregorian)
        } else {
            return Err(DateError::Format(latin.clone()));
        };
        let date = PartialDate::parse(number).map_err(|e| match e {
            DateError::Format(_) => DateError::Format(latin.clone()),
            DateError::Impossible(_) => DateError::Impossible(latin.clone()),
            other => other,
        })?;
        let bare_year = date.month.is_none();
        let (calendar, how) = match marked {
            // Only a year is read as Solar Hijri: its months are not the corpus's.
            Some(_) if !bare_year => return Err(DateError::Format(latin.clone())),
            Some(calendar) => (calendar, ReadHow::Marked),
            None if bare_year && EITHER_CALENDAR.contains(&date.year) => (either, ReadHow::Assumed),
            None => (Calendar::Gregorian, ReadHow::Plain),
        };
        let end = TypedEnd {
            date,
            calendar,
            how,
        };
        if calendar == Calendar::SolarHijri && crate::corpus::hijri::year_span(date.year).is_none()
        {
            return Err(DateError::Impossible(latin.clone()));
        }
        Ok(end)
    }

    /// The Gregorian days covered, first and last: a Solar Hijri year from
    /// its Nowruz to the day before the next.
    pub fn gregorian(&self) -> (PartialDate, PartialDate) {
        let day = |(year, m, d): (i32, u8, u8)| PartialDate {
            year,
            month: Some(m),
            day: Some(d),
        };
        match self.calendar {
            Calendar::Gregorian => (self.date, self.date),
            Calendar::SolarHijri => match crate::corpus::hijri::year_span(self.date.year) {
                Some((first, last)) => (day(first), day(last)),
                None => (self.date, self.date),
            },
        }
    }

    /// The other reading of a year that could be either, marked as such.
    pub fn other(&self) -> Option<TypedEnd> {
        if self.how == ReadHow::Plain {
            return None;
        }
        let calendar = match self.calendar {
            Calendar::Gregorian => Calendar::SolarHijri,
            Calendar::SolarHijri => Calendar::Gregorian,
        };
        let end = TypedEnd {
            calendar,
            how: ReadHow::Marked,
            ..*self
        };
        (calendar == Calendar::Gregorian
            || crate::corpus::hijri::year_span(self.date.year).is_some())
        .then_some(end)
    }

    /// How the end is kept in the address, saying its calendar where a year
    /// could be either: "1367sh", "1367ad", "2016-09".
    pub fn key(&self) -> String {
        let year = self.date.year;
        match (self.how, self.calendar) {
            (ReadHow::Plain, _) => {
                let mut key = format!("{year:04}");
                if let Some(m) = self.date.month {
                    key.push_str(&format!("-{m:02}"));
                }
                if let Some(d) = self.date.day {
                    key.push_str(&format!("-{d:02}"));
                }
                key
            }
            (_, Calendar::SolarHijri) => format!("{year}sh"),
            (_, Calendar::Gregorian) => format!("{year}ad"),
        }
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

    /// An end of the date filter as the field shows it: a year marked with
    /// its calendar in this language's words ("1367sh" is "1367 SH" or
    /// "۱۳۶۷ ه.ش"), anything else as typed.
    pub fn shown_end(self, text: &str) -> String {
        match TypedEnd::read(text, Calendar::Gregorian) {
            Ok(end) if end.how == ReadHow::Marked => self.marked_year(&end),
            _ => text.to_string(),
        }
    }

    /// "1367 SH", "۱۳۶۷ م".
    fn marked_year(self, end: &TypedEnd) -> String {
        let t = self.strings();
        let template = match end.calendar {
            Calendar::SolarHijri => t.solar_hijri_year,
            Calendar::Gregorian => t.gregorian_year,
        };
        fill(template, &[&self.year(end.date.year)])
    }

    /// How a typed end was read, where it could be read otherwise: "“1367” is
    /// read as the Solar Hijri year 1367: 21 March 1988 to 20 March 1989".
    pub fn reading(self, text: &str, end: &TypedEnd) -> Option<String> {
        if end.how == ReadHow::Plain {
            return None;
        }
        let t = self.strings();
        let typed = self.shown_end(text);
        let year = self.year(end.date.year);
        Some(match end.calendar {
            Calendar::SolarHijri => {
                let (first, last) = end.gregorian();
                fill(
                    t.read_as_solar_hijri,
                    &[&typed, &year, &self.date(&first), &self.date(&last)],
                )
            }
            Calendar::Gregorian => fill(t.read_as_gregorian, &[&typed, &year]),
        })
    }

    /// The button that reads the year the other way: "Read it as the Solar
    /// Hijri year 1367 (21 March 1988 to 20 March 1989)".
    pub fn other_reading(self, other: &TypedEnd) -> String {
        let t = self.strings();
        let year = self.year(other.date.year);
        match other.calendar {
            Calendar::SolarHijri => {
                let (first, last) = other.gregorian();
                fill(
                    t.read_instead_solar_hijri,
                    &[&year, &self.date(&first), &self.date(&last)],
                )
            }
            Calendar::Gregorian => fill(t.read_instead_gregorian, &[&year]),
        }
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

    fn read(text: &str, either: Calendar) -> TypedEnd {
        TypedEnd::read(text, either).expect("reads")
    }

    fn day(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn a_solar_hijri_year_covers_nowruz_to_the_eve_of_the_next() {
        for text in [
            "1367 SH",
            "1367sh",
            "۱۳۶۷ ه.ش",
            "١٣٦٧ هـ.ش",
            "1367 ه‌ش",
            "۱۳۶۷ شمسی",
            "1367 AP",
        ] {
            let end = read(text, Calendar::Gregorian);
            assert_eq!(end.calendar, Calendar::SolarHijri, "{text}");
            assert_eq!(end.how, ReadHow::Marked, "{text}");
            assert_eq!(
                end.gregorian(),
                (day("1988-03-21"), day("1989-03-20")),
                "{text}"
            );
            assert_eq!(end.key(), "1367sh");
        }
    }

    #[test]
    fn a_bare_year_that_could_be_either_is_read_as_the_language_suggests_and_says_so() {
        let fa = read("۱۳۶۷", Calendar::SolarHijri);
        assert_eq!(
            (fa.calendar, fa.how),
            (Calendar::SolarHijri, ReadHow::Assumed)
        );
        assert_eq!(fa.key(), "1367sh");
        let en = read("1367", Calendar::Gregorian);
        assert_eq!(
            (en.calendar, en.how),
            (Calendar::Gregorian, ReadHow::Assumed)
        );
        assert_eq!(en.gregorian(), (day("1367"), day("1367")));
        assert_eq!(en.key(), "1367ad");
        // Each is told, with the other reading one step away.
        let other = en.other().unwrap();
        assert_eq!(
            (other.calendar, other.how),
            (Calendar::SolarHijri, ReadHow::Marked)
        );
        assert_eq!(fa.other().unwrap().key(), "1367ad");
        assert!(Lang::En.reading("1367", &en).unwrap().contains("1367"));
        assert_eq!(
            Lang::Fa.reading("۱۳۶۷", &fa).unwrap(),
            "«۱۳۶۷» سال ۱۳۶۷ هجری شمسی خوانده شد: از ۲۱ مارس ۱۹۸۸ تا ۲۰ مارس ۱۹۸۹."
        );
        assert_eq!(
            Lang::En.other_reading(&other),
            "Read it as the Solar Hijri year 1367 (21 March 1988 to 20 March 1989)"
        );
        // A year no one would mean as Solar Hijri is plain Gregorian, without a note.
        let plain = read("1988", Calendar::SolarHijri);
        assert_eq!(
            (plain.calendar, plain.how),
            (Calendar::Gregorian, ReadHow::Plain)
        );
        assert_eq!(plain.other(), None);
        assert_eq!(Lang::Fa.reading("1988", &plain), None);
        let month = read("1367-05", Calendar::SolarHijri);
        assert_eq!(
            (month.calendar, month.how),
            (Calendar::Gregorian, ReadHow::Plain)
        );
    }

    #[test]
    fn marked_years_show_in_the_reader_s_words_and_bad_marks_are_refused() {
        assert_eq!(Lang::Fa.shown_end("1367sh"), "۱۳۶۷ ه.ش");
        assert_eq!(Lang::En.shown_end("1367sh"), "1367 SH");
        assert_eq!(Lang::Fa.shown_end("1367ad"), "۱۳۶۷ م");
        assert_eq!(Lang::En.shown_end("1367 م"), "1367 AD");
        assert_eq!(Lang::En.shown_end("2016-09"), "2016-09");
        let g = read("1367 AD", Calendar::SolarHijri);
        assert_eq!((g.calendar, g.how), (Calendar::Gregorian, ReadHow::Marked));
        assert!(matches!(
            TypedEnd::read("1367 xyz", Calendar::Gregorian),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            TypedEnd::read("1367-05 SH", Calendar::Gregorian),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            TypedEnd::read("3500 SH", Calendar::Gregorian),
            Err(DateError::Impossible(_))
        ));
    }
}
