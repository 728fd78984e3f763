//! Addresses of archived copies, as web archives write them: the archive's host,
//! the capture time, then the original address
//! (`https://web.archive.org/web/20240713093000/https://example.org/page`,
//! `https://archive.ph/20240713093000/https://example.org/page`). Such an address
//! says by itself what was archived and when, so both can be checked.

use crate::corpus::date::days_in_month;

/// What an archive address says of itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchivedCopy<'a> {
    /// The capture day: year, month, day.
    pub day: (i32, u8, u8),
    /// The archived address, as the archive writes it (its scheme may be missing).
    pub original: &'a str,
}

impl ArchivedCopy<'_> {
    /// The capture day as YYYY-MM-DD.
    pub fn day_text(&self) -> String {
        let (y, m, d) = self.day;
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Reads an archive address of the form `http(s)://HOST[/web]/TIMESTAMP[flags]/ORIGINAL`,
/// where TIMESTAMP is 8 to 14 digits (YYYYMMDD[hhmmss]) and flags are letters or
/// `_` (the Wayback Machine's `id_`, `if_`). None when it has no such shape, or
/// names no real day.
pub fn parse_archive_url(url: &str) -> Option<ArchivedCopy<'_>> {
    let rest = strip_scheme(url)?;
    let (_host, path) = rest.split_once('/')?;
    let path = path.strip_prefix("web/").unwrap_or(path);
    let (stamp, original) = path.split_once('/')?;
    let digits = stamp.bytes().take_while(u8::is_ascii_digit).count();
    let flags = &stamp[digits..];
    if !(8..=14).contains(&digits)
        || !flags.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
        || original.is_empty()
    {
        return None;
    }
    let year: i32 = stamp[0..4].parse().ok()?;
    let month: u8 = stamp[4..6].parse().ok()?;
    let day: u8 = stamp[6..8].parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(ArchivedCopy {
        day: (year, month, day),
        original,
    })
}

fn strip_scheme(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("https://") {
        url.get(8..)
    } else if lower.starts_with("http://") {
        url.get(7..)
    } else {
        None
    }
}

/// An address reduced to what makes it the same page: no scheme (archives
/// often store `http:` for `https:`, or drop it), no `www.`, host in lower
/// case, no trailing slash.
fn same_page_key(url: &str) -> String {
    let mut rest = strip_scheme(url).unwrap_or(url);
    // An archive may squash "https://" to "https:/".
    for squashed in ["https:/", "http:/"] {
        if let (Some(head), Some(tail)) = (rest.get(..squashed.len()), rest.get(squashed.len()..)) {
            if head.eq_ignore_ascii_case(squashed) {
                rest = tail;
            }
        }
    }
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = path.strip_suffix('/').unwrap_or(path);
    format!("{host}{path}")
}

/// Whether an archived copy's original address is the source's own.
pub fn names_the_same_page(original: &str, url: &str) -> bool {
    same_page_key(original) == same_page_key(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wayback_and_archive_today_addresses_read() {
        let a = parse_archive_url(
            "https://web.archive.org/web/20240713093000/https://www.example.org/page",
        )
        .expect("reads");
        assert_eq!(a.day_text(), "2024-07-13");
        assert_eq!(a.original, "https://www.example.org/page");
        let a = parse_archive_url("http://web.archive.org/web/20200102id_/example.org/p?q=1")
            .expect("reads");
        assert_eq!(a.day, (2020, 1, 2));
        assert_eq!(a.original, "example.org/p?q=1");
        let a = parse_archive_url("https://archive.ph/20240101000000/https://example.org/")
            .expect("reads");
        assert_eq!(a.day_text(), "2024-01-01");
    }

    #[test]
    fn addresses_that_do_not_say_what_or_when_are_refused() {
        for url in [
            "https://archive.ph/AbCd1",
            "https://web.archive.org/web/2024/https://example.org/",
            "https://web.archive.org/web/20241332000000/https://example.org/",
            "https://web.archive.org/web/20240713000000/",
            "ftp://web.archive.org/web/20240713000000/https://example.org/",
            "https://example.org",
        ] {
            assert_eq!(parse_archive_url(url), None, "{url}");
        }
    }

    #[test]
    fn the_same_page_is_recognised_across_scheme_www_and_trailing_slash() {
        let url = "https://www.Example.org/news/item";
        assert!(names_the_same_page("http://example.org/news/item/", url));
        assert!(names_the_same_page("example.org/news/item", url));
        assert!(names_the_same_page("https:/example.org/news/item", url));
        assert!(!names_the_same_page("https://example.org/news/other", url));
        assert!(!names_the_same_page("https://example.org/News/item", url));
    }
}
