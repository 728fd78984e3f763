//! The timeline's counts: precision shown honestly (a year is spread over its
//! months, never put on 1 January), inferred dates apart, open ranges reaching the
//! window's edge, and the brush, zoom and URL forms of a window.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::time::Instant;

use dossier::corpus::date::PartialDate;
use dossier::corpus::model::{Corpus, Kind};
use dossier::query::bits::Bits;
use dossier::query::index::Index;
use dossier::query::timeline::{
    brush_range, covered, extent, timeline, unit_for, zoom_into, zoom_out, Timeline, Unit, Window,
};

fn event(id: &str, when: Option<&str>, basis: &str) -> serde_json::Value {
    let mut e = serde_json::json!({"id": id, "title": id, "summary": "s"});
    if let Some(when) = when {
        e["date"] = serde_json::json!({"when": when, "basis": basis, "inference": "how"});
    }
    e
}

/// Ten events of every precision, two of them inferred.
fn index() -> Index {
    let events = vec![
        event("ev-year", Some("1988"), "stated"),
        event("ev-summer", Some("1988-06/1988-09"), "stated"),
        event("ev-day-inferred", Some("1988-06-13"), "inferred"),
        event("ev-open-after", Some("2017-08/.."), "stated"),
        event("ev-undated", None, "stated"),
        event("ev-1975", Some("1975"), "stated"),
        event("ev-three-years", Some("1987/1989"), "stated"),
        event("ev-month-inferred", Some("1988-06"), "inferred"),
        event("ev-open-before", Some("../1986"), "stated"),
        event("ev-day", Some("1988-07-02"), "stated"),
    ];
    let corpus: Corpus = serde_json::from_value(serde_json::json!({
        "actors": [{"id": "act-a", "name": "A", "kind": "ngo"}],
        "events": events,
    }))
    .expect("test corpus reads");
    Index::new(corpus)
}

fn all(index: &Index) -> Bits {
    Bits::full(index.numbering.total())
}

fn window(text: &str) -> Window {
    Window::parse(text).unwrap_or_else(|| panic!("{text} is a window"))
}

/// (label, stated, inferred, spread) per bucket.
fn counts(tl: &Timeline) -> Vec<(&str, u32, u32, u32)> {
    tl.buckets
        .iter()
        .map(|b| (b.label.as_str(), b.stated, b.inferred, b.spread))
        .collect()
}

fn kept(tl: &Timeline) -> u32 {
    let inside: u32 = tl.buckets.iter().map(|b| b.stated + b.inferred).sum();
    inside + tl.across + tl.outside + tl.undated
}

#[test]
fn at_year_zoom_a_year_and_a_range_within_it_lie_wholly_in_it() {
    let ix = index();
    let tl = timeline(
        &ix,
        &all(&ix),
        Kind::Event,
        &window("1985/1990"),
        Unit::Year,
    );
    assert_eq!(tl.unit, Unit::Year);
    assert_eq!(
        counts(&tl),
        [
            ("1985", 0, 0, 1), // ../1986
            ("1986", 0, 0, 1), // ../1986
            ("1987", 0, 0, 1), // 1987/1989
            ("1988", 3, 2, 1), // 1988, June–September, 2 July; inferred 13 June, June
            ("1989", 0, 0, 1), // 1987/1989
            ("1990", 0, 0, 0),
        ]
    );
    assert_eq!(tl.buckets[3].first, 19880101);
    assert_eq!(tl.buckets[3].last, 19881231);
    assert_eq!((tl.across, tl.outside, tl.undated), (2, 2, 1));
    assert_eq!(kept(&tl), 10);
}

#[test]
fn at_month_zoom_a_year_is_spread_over_its_months_not_put_on_january() {
    let ix = index();
    let tl = timeline(
        &ix,
        &all(&ix),
        Kind::Event,
        &window("1988/1988"),
        Unit::Month,
    );
    let c = counts(&tl);
    assert_eq!(c.len(), 12);
    // "1988" and "1987/1989" overlap every month; June–September four of them.
    assert_eq!(c[0], ("January 1988", 0, 0, 2));
    assert_eq!(c[4], ("May 1988", 0, 0, 2));
    assert_eq!(c[5], ("June 1988", 0, 2, 3));
    assert_eq!(c[6], ("July 1988", 1, 0, 3));
    assert_eq!(c[8], ("September 1988", 0, 0, 3));
    assert_eq!(c[9], ("October 1988", 0, 0, 2));
    assert_eq!(c[11], ("December 1988", 0, 0, 2));
    assert_eq!(tl.buckets[1].last, 19880229, "1988 is a leap year");
    assert_eq!((tl.across, tl.outside, tl.undated), (3, 3, 1));
    assert_eq!(kept(&tl), 10);
}

#[test]
fn an_open_range_is_spread_from_its_known_end_to_the_window_edge() {
    let ix = index();
    let tl = timeline(
        &ix,
        &all(&ix),
        Kind::Event,
        &window("2015/2020"),
        Unit::Year,
    );
    assert_eq!(
        counts(&tl),
        [
            ("2015", 0, 0, 0),
            ("2016", 0, 0, 0),
            ("2017", 0, 0, 1),
            ("2018", 0, 0, 1),
            ("2019", 0, 0, 1),
            ("2020", 0, 0, 1),
        ]
    );
    assert_eq!((tl.across, tl.outside, tl.undated), (1, 8, 1));
    // Cut by the window to a single bucket, a date reaching past it stays spread.
    let tl = timeline(
        &ix,
        &all(&ix),
        Kind::Event,
        &window("2017/2017"),
        Unit::Year,
    );
    assert_eq!(counts(&tl), [("2017", 0, 0, 1)]);
    let tl = timeline(
        &ix,
        &all(&ix),
        Kind::Event,
        &window("1986/1986"),
        Unit::Year,
    );
    assert_eq!(counts(&tl), [("1986", 0, 0, 1)]); // ../1986; 1987/1989 starts after
    assert_eq!(tl.across, 1);
}

#[test]
fn days_follow_the_calendar_and_only_the_given_records_count() {
    let ix = index();
    let tl = timeline(
        &ix,
        &all(&ix),
        Kind::Event,
        &window("1988-02-27/1988-03-01"),
        Unit::Day,
    );
    let labels: Vec<&str> = tl.buckets.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "27 February 1988",
            "28 February 1988",
            "29 February 1988",
            "1 March 1988"
        ]
    );
    let mut only = Bits::new(ix.numbering.total());
    only.insert(ix.numbering.number(Kind::Event, 2)); // 13 June 1988, inferred
    only.insert(ix.numbering.number(Kind::Event, 4)); // undated
    only.insert(ix.numbering.number(Kind::Actor, 0)); // not an event
    let tl = timeline(
        &ix,
        &only,
        Kind::Event,
        &window("1988-06/1988-06"),
        Unit::Day,
    );
    assert_eq!(tl.buckets.len(), 30);
    assert_eq!(counts(&tl)[12], ("13 June 1988", 0, 1, 0));
    assert_eq!(kept(&tl), 2);
    assert_eq!(tl.undated, 1);
}

#[test]
fn extent_spans_the_known_ends() {
    let ix = index();
    assert_eq!(
        extent(&ix, Kind::Event),
        Some(Window {
            first: 19750101,
            last: 20170831
        })
    );
    assert_eq!(extent(&ix, Kind::Claim), None);
    assert_eq!(extent(&ix, Kind::Actor), None);
}

#[test]
fn unit_for_picks_the_finest_that_fits() {
    let w = window("1979/2026");
    assert_eq!(unit_for(&w, 12), Unit::Decade);
    assert_eq!(unit_for(&w, 60), Unit::Year);
    assert_eq!(unit_for(&window("1988/1988"), 120), Unit::Month);
    assert_eq!(unit_for(&window("1988-02/1988-02"), 120), Unit::Day);
    assert_eq!(unit_for(&window("1988-02/1988-02"), 28), Unit::Month);
}

fn empty(ix: &Index, w: &str, unit: Unit) -> Timeline {
    timeline(ix, &all(ix), Kind::Claim, &window(w), unit)
}

#[test]
fn a_brush_gives_the_filter_ends_at_the_unit() {
    let ix = index();
    let decades = empty(&ix, "1979/2026", Unit::Decade);
    assert_eq!(decades.buckets.len(), 6);
    assert_eq!(decades.buckets[1].label, "1980s");
    assert_eq!(brush_range(&decades, 1, 1), ("1980".into(), "1989".into()));
    assert_eq!(brush_range(&decades, 2, 1), ("1980".into(), "1999".into()));
    let years = empty(&ix, "1985/1990", Unit::Year);
    assert_eq!(brush_range(&years, 5, 3), ("1988".into(), "1990".into()));
    let months = empty(&ix, "1988/1988", Unit::Month);
    assert_eq!(
        brush_range(&months, 5, 8),
        ("1988-06".into(), "1988-09".into())
    );
    let days = empty(&ix, "1988-06/1988-06", Unit::Day);
    assert_eq!(
        brush_range(&days, 19, 12),
        ("1988-06-13".into(), "1988-06-20".into())
    );
}

#[test]
fn covered_shows_a_date_filter_on_the_buckets() {
    let ix = index();
    let years = empty(&ix, "1985/1990", Unit::Year);
    let d = |s: &str| Some(PartialDate::parse(s).unwrap());
    assert_eq!(covered(&years, d("1988-06"), d("1989")), Some((3, 4)));
    assert_eq!(covered(&years, None, d("1986")), Some((0, 1)));
    assert_eq!(covered(&years, d("1980"), d("2000")), Some((0, 5)));
    assert_eq!(covered(&years, None, None), Some((0, 5)));
    assert_eq!(covered(&years, d("2000"), None), None);
    assert_eq!(covered(&years, d("1970"), d("1984-12-31")), None);
}

#[test]
fn windows_round_trip_through_url_text() {
    for text in [
        "1980/2000",
        "1988-06/1988-09",
        "1988-06-13/1988-06-20",
        "1988-02/1988-02",
        "1988/1988-06-13",
    ] {
        assert_eq!(window(text).to_string(), text);
    }
    assert_eq!(
        window("1988-02/1988-02"),
        Window {
            first: 19880201,
            last: 19880229
        }
    );
    assert_eq!(Window::parse("1988-09/1988-06"), None);
    assert_eq!(Window::parse("1988"), None);
    assert_eq!(Window::parse("1988-13/1990"), None);
}

#[test]
fn zooming_in_takes_a_bucket_and_out_doubles_within_the_extent() {
    let ix = index();
    let months = empty(&ix, "1988/1988", Unit::Month);
    let june = zoom_into(&months, 5);
    assert_eq!(june, window("1988-06/1988-06"));
    let ext = extent(&ix, Kind::Event).unwrap();
    let out = zoom_out(&window("1988/1988"), &ext);
    assert!(out.first < 19880101 && out.last > 19881231, "{out:?}");
    assert!(out.first >= 19870601 && out.last <= 19890801, "{out:?}");
    // At the extent's edge it widens the other way.
    let edge = zoom_out(&window("1975/1975"), &ext);
    assert_eq!(edge.first, 19750101);
    assert!(edge.last >= 19761230, "{edge:?}");
    // Enough steps out reach the whole extent, and no further.
    let mut w = june;
    for _ in 0..20 {
        w = zoom_out(&w, &ext);
    }
    assert_eq!(w, ext);
}

#[test]
fn a_hundred_thousand_records_all_counted_once() {
    let ix = Index::new(synth::generate(100_000, 1));
    let records = all(&ix);
    for kind in [Kind::Event, Kind::Claim, Kind::Source] {
        let ext = extent(&ix, kind).expect("the generated corpus has dates");
        let unit = unit_for(&ext, 120);
        let start = Instant::now();
        let tl = timeline(&ix, &records, kind, &ext, unit);
        let whole = start.elapsed();
        let expected = records.count_in(ix.numbering.range(kind)) as u32;
        assert_eq!(kept(&tl), expected, "{kind:?}");
        assert_eq!(
            tl.outside, 0,
            "{kind:?}: the extent holds every dated record"
        );
        let inferred: u32 = tl.buckets.iter().map(|b| b.inferred).sum();
        let stated: u32 = tl.buckets.iter().map(|b| b.stated).sum();
        println!(
            "{kind:?}: {stated} stated, {inferred} inferred, {} across, {} undated",
            tl.across, tl.undated
        );
        assert!(inferred > 0 && tl.across > 0 && tl.undated > 0, "{kind:?}");
        // A narrower window, at a finer unit.
        let mid = zoom_into(&tl, tl.buckets.len() / 2);
        let fine = unit_for(&mid, 120);
        let start = Instant::now();
        let zoomed = timeline(&ix, &records, kind, &mid, fine);
        let part = start.elapsed();
        assert_eq!(kept(&zoomed), expected, "{kind:?}");
        println!(
            "{kind:?}: {expected} records, {} {unit:?} buckets in {:.2} ms; {} {fine:?} buckets in {:.2} ms",
            tl.buckets.len(),
            whole.as_secs_f64() * 1e3,
            zoomed.buckets.len(),
            part.as_secs_f64() * 1e3
        );
    }
}
