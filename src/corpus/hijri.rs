//! The Solar Hijri (Persian, Jalali) calendar, as far as the date filter needs it:
//! on which Gregorian day each Solar Hijri year begins.
//!
//! A Solar Hijri year begins at Nowruz, the day of the March equinox as seen in
//! Tehran, so year Y begins on 20, 21 or 22 March of the Gregorian year Y + 621.
//! Which of the three follows the arithmetic of Borkowski's 2,820-year scheme
//! corrected by "break" years, as Iran's calendar authorities and the common
//! Jalali converters compute it (jalaali-js, the Jalaali libraries for Go,
//! Python, PHP…): leap years recur in cycles of 33 years (8 leap years in each),
//! and the breaks move the cycle where the equinox drifts. It agrees with the
//! astronomical calendar for Solar Hijri years −61 to 3177 (562 to 3798 AD).

/// The years where the 33-year cycle restarts; the table ends at 3178.
const BREAKS: [i32; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

/// The first and last Solar Hijri years the arithmetic is right for.
pub const FIRST_YEAR: i32 = -61;
pub const LAST_YEAR: i32 = 3177;

/// The Gregorian (year, day of March) on which Solar Hijri year `year` begins,
/// or None outside the years the arithmetic is right for.
pub fn nowruz(year: i32) -> Option<(i32, u8)> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    let gregorian = year + 621;
    // Leap years of the Solar Hijri calendar from 621 AD to the start of `year`.
    let mut leap_solar = -14;
    let mut previous = BREAKS[0];
    let mut jump = 0;
    for &next in &BREAKS[1..] {
        jump = next - previous;
        if year < next {
            break;
        }
        leap_solar += jump / 33 * 8 + (jump % 33) / 4;
        previous = next;
    }
    let n = year - previous;
    leap_solar += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_solar += 1;
    }
    // And leap years of the Gregorian calendar up to `gregorian`.
    let leap_gregorian = gregorian / 4 - (gregorian / 100 + 1) * 3 / 4 - 150;
    let day = 20 + leap_solar - leap_gregorian;
    u8::try_from(day).ok().map(|d| (gregorian, d))
}

/// A Gregorian day as (year, month, day).
pub type Day = (i32, u8, u8);

/// The Gregorian days a Solar Hijri year covers, first and last: 1367 is
/// 21 March 1988 to 20 March 1989.
pub fn year_span(year: i32) -> Option<(Day, Day)> {
    let (g0, d0) = nowruz(year)?;
    let (g1, d1) = nowruz(year + 1)?;
    Some(((g0, 3, d0), (g1, 3, d1 - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nowruz_falls_on_the_days_iran_kept_it() {
        // Farvardin 1 of each year, as Iran's official calendars give it.
        let known = [
            (1300, (1921, 21)),
            (1354, (1975, 21)),
            (1357, (1978, 21)),
            (1367, (1988, 21)),
            (1368, (1989, 21)),
            (1375, (1996, 20)),
            (1395, (2016, 20)),
            (1396, (2017, 21)),
            (1399, (2020, 20)),
            (1400, (2021, 21)),
            (1403, (2024, 20)),
            (1404, (2025, 21)),
        ];
        for (year, day) in known {
            assert_eq!(nowruz(year), Some(day), "Nowruz {year}");
        }
    }

    #[test]
    fn a_year_runs_from_nowruz_to_the_day_before_the_next() {
        assert_eq!(year_span(1367), Some(((1988, 3, 21), (1989, 3, 20))));
        // 1399 is a leap year: its last month has 30 days, to 20 March 2021.
        assert_eq!(year_span(1399), Some(((2020, 3, 20), (2021, 3, 20))));
        assert_eq!(year_span(1403), Some(((2024, 3, 20), (2025, 3, 20))));
    }

    /// The Gregorian day `days` after 1 March of `year`'s `day` of March.
    fn after(year: i32, march_day: u8, days: u32) -> (i32, u8, u8) {
        let (mut y, mut m, mut d) = (year, 3u8, u32::from(march_day) + days);
        loop {
            let len = u32::from(crate::corpus::date::days_in_month(y, m));
            if d <= len {
                return (y, m, d as u8);
            }
            d -= len;
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    }

    #[test]
    fn agrees_with_the_days_jalali_converters_are_tested_on() {
        // (year, month, day) in the Solar Hijri calendar and the same day in the
        // Gregorian one, from jalaali-js's tests. Months 1 to 6 have 31 days,
        // 7 to 11 have 30.
        let known = [
            ((1360, 5, 26), (1981, 8, 17)),
            ((1391, 10, 21), (2013, 1, 10)),
            ((1393, 5, 13), (2014, 8, 4)),
            ((1400, 4, 30), (2021, 7, 21)),
            ((1399, 12, 20), (2021, 3, 10)),
        ];
        for ((y, m, d), gregorian) in known {
            let before: u32 = (1..m).map(|m| if m <= 6 { 31 } else { 30 }).sum();
            let (g, march) = nowruz(y).unwrap();
            assert_eq!(after(g, march, before + d - 1), gregorian, "{y}-{m}-{d}");
        }
        // Outside the table, nothing is made up.
        assert_eq!(nowruz(3178), None);
        assert_eq!(nowruz(-62), None);
    }
}
