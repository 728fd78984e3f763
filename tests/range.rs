//! The default list over a date range, from parts (`publish::range`): for many
//! ranges over a generated corpus, the parts the manifest names hold every event
//! the app's own list shows for that range once the corpus is in, and the list
//! read from them is that list (the same events, in the same order, the less
//! precisely dated ones from the same place) with the same count of undated
//! events hidden; a range skips the parts that hold none of it.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/worded.rs"]
mod worded;

#[path = "support/dice.rs"]
mod dice;

use dice::Dice;
use dossier::corpus::model::DateSpec;
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::parts::{inflate, read_dates, read_manifest, read_reach, Manifest, Split};
use dossier::publish::range::{
    in_range, list_parts_meeting, range_parts, within_from_dates, within_from_list_alone, InRange,
    RangeParts,
};
use dossier::query::filter::Filter;
use worded::{apps_list, listed_ids, read_range_parts, worded_split};

/// Record parts of 128 KiB of JSON: list parts of 64 KiB, a few pages each.
const PART_BYTES: usize = 128 * 1024;

/// The JSON of the file `name` of the split, as the app has it once fetched.
fn json_of(split: &Split, name: &str) -> Vec<u8> {
    let (_, stored) = split.files().find(|(f, _)| *f == name).unwrap();
    inflate(stored).unwrap()
}

/// The list over the filter's range as the app reads it before the corpus: the
/// parts the manifest names, fetched, checked against their hashes and read;
/// and which parts that took.
fn from_parts(split: &Split, manifest: &Manifest, filter: &Filter) -> (InRange, RangeParts) {
    let (window, _) = filter.window();
    let needs = range_parts(manifest, &window, filter.include_undated);
    let (dates, reach) = read_range_parts(split, manifest, &needs);
    let listed = in_range(
        manifest,
        &window,
        filter.include_undated,
        &needs,
        dates.iter().map(|(entry, days)| (*entry, days.as_slice())),
        reach.iter().map(Vec::as_slice),
    );
    (listed, needs)
}

#[test]
fn every_range_from_parts_is_the_apps_list_of_the_whole_corpus() {
    let corpus = synth::generate(4000, 7);
    // Parts as the build cuts them for this corpus, and small ones, so that
    // the rows that reach are in many parts, of fewer days each.
    for part_bytes in [PART_BYTES, PART_BYTES / 8] {
        every_range_from_parts_of(&corpus, part_bytes);
    }
}

fn every_range_from_parts_of(corpus: &dossier::corpus::model::Corpus, part_bytes: usize) {
    let (split, index) = worded_split(corpus, part_bytes);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    assert!(
        manifest.list.len() > 4,
        "{} list parts",
        manifest.list.len()
    );
    assert!(
        !manifest.reach.is_empty(),
        "the generated corpus has events that reach"
    );
    let mut dice = Dice(15);
    let (mut some, mut loose, mut skipped, mut whole) = (0, 0, 0, 0);
    for round in 0..400 {
        let mut filter = Filter {
            from: dice.end(),
            to: dice.end(),
            include_undated: dice.below(3) == 0,
            ..Filter::default()
        };
        // A range of one year, as a reader often asks.
        if round % 4 == 0 {
            filter.to = filter.from.clone();
        }
        if filter.window().0.is_open() {
            continue;
        }
        let (listed, needs) = from_parts(&split, &manifest, &filter);
        let (ids, loose_from, hidden) = apps_list(&index, &filter);
        // Its count, before any page is read, then its rows page by page.
        assert_eq!(listed.len(), ids.len(), "{filter:?}");
        assert_eq!(listed_ids(&split, &manifest, &listed), ids, "{filter:?}");
        assert_eq!(listed.loose_from, loose_from, "{filter:?}");
        assert_eq!(listed.undated_hidden, hidden, "{filter:?}");
        some += usize::from(!ids.is_empty());
        loose += usize::from(loose_from < ids.len());
        skipped += usize::from(needs.dates.len() < manifest.dates.len());
        whole += usize::from(!needs.whole.is_empty());
    }
    // The ranges tried are not all empty, nor all the same; many keep parts
    // of the list whole, unread.
    assert!(
        some > 200 && loose > 50 && skipped > 100 && whole > 100,
        "{some} {loose} {skipped} {whole}"
    );
}

#[test]
fn a_range_of_one_year_reads_few_of_the_lists_parts() {
    let corpus = synth::generate(4000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let filter = Filter {
        from: "2001".into(),
        to: "2001".into(),
        ..Filter::default()
    };
    let (listed, needs) = from_parts(&split, &manifest, &filter);
    assert!(!listed.is_empty());
    assert!(
        needs.dates.len() <= 2,
        "{} of {} parts of days",
        needs.dates.len(),
        manifest.dates.len()
    );
    assert!(needs.reach.len() <= manifest.reach.len());
}

#[test]
fn a_range_of_many_years_reads_the_days_at_its_ends_alone() {
    let corpus = synth::generate(20000, 7);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let filter = Filter {
        from: "1985".into(),
        to: "2020".into(),
        ..Filter::default()
    };
    let meeting = list_parts_meeting(&manifest, &filter.window().0, false);
    let (listed, needs) = from_parts(&split, &manifest, &filter);
    // Most of the list's parts it meets are kept whole, their days unread:
    // those of its two ends are read, a part of days holding a few of the list's.
    assert!(
        needs.whole.len() * 4 > meeting.len() * 3,
        "{} of {} kept whole",
        needs.whole.len(),
        meeting.len()
    );
    assert!(
        needs.dates.len() <= 4,
        "{} of {} parts of days",
        needs.dates.len(),
        manifest.dates.len()
    );
    let (ids, loose_from, _) = apps_list(&index, &filter);
    assert_eq!(listed_ids(&split, &manifest, &listed), ids);
    assert_eq!(listed.loose_from, loose_from);
}

#[test]
fn a_damaged_part_of_the_rows_that_reach_is_named() {
    let corpus = synth::generate(2000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let entry = &manifest.reach[0];
    let mut json = json_of(&split, &entry.file);
    let err = read_reach(entry, &json, "00").unwrap_err();
    assert!(err.to_string().contains(&entry.file), "{err}");
    // Rows other than the manifest lists, under a matching hash.
    json.truncate(json.len() / 2);
    json.extend_from_slice(b"]");
    assert!(read_reach(entry, &json, &sha256_hex(&json)).is_err());
}

#[test]
fn a_range_reads_the_days_of_its_rows_a_fraction_of_their_weight() {
    let corpus = synth::generate(4000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    for (from, to) in [("1988", "1988"), ("2001", "2003"), ("1900", "")] {
        let filter = Filter {
            from: from.into(),
            to: to.into(),
            ..Filter::default()
        };
        let (window, _) = filter.window();
        let needs = range_parts(&manifest, &window, false);
        let rows: usize = (list_parts_meeting(&manifest, &window, false).iter())
            .map(|&at| manifest.list[at].bytes)
            .sum();
        let dates: usize = needs.dates.iter().map(|&at| manifest.dates[at].bytes).sum();
        assert!(
            0 < dates && dates * 4 < rows,
            "{from}-{to}: {dates} of {rows}"
        );
    }
}

#[test]
fn a_short_ranges_events_within_it_come_from_the_days_before_the_rows_that_reach() {
    let corpus = synth::generate(4000, 7);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let mut checked = 0;
    for (from, to, undated) in [
        ("2001", "2001", false),
        ("1988", "1988", false),
        ("2016-03", "2017-02", false),
        ("1990-05-01", "1990-05-31", false),
        ("2020", "2020", true),
    ] {
        let filter = Filter {
            from: from.into(),
            to: to.into(),
            include_undated: undated,
            ..Filter::default()
        };
        let (window, _) = filter.window();
        assert!(within_from_list_alone(&window), "{from}/{to}");
        let needs = range_parts(&manifest, &window, undated);
        // As the app asks it: of a range that keeps no part of the list whole.
        if !needs.whole.is_empty() {
            continue;
        }
        let (ids, loose_from, _) = apps_list(&index, &filter);
        checked += loose_from;
        let (dates, _) = read_range_parts(&split, &manifest, &needs);
        let within = within_from_dates(
            &window,
            undated,
            None,
            dates.iter().map(|(entry, days)| (*entry, days.as_slice())),
        );
        assert_eq!(within.loose_from, within.len());
        assert_eq!(
            listed_ids(&split, &manifest, &within),
            ids[..loose_from],
            "{from}/{to}"
        );
    }
    assert!(checked > 100, "{checked}");
    // A range longer than a year and a month may hold a row that reaches.
    let long = Filter {
        from: "2001".into(),
        to: "2002".into(),
        ..Filter::default()
    };
    assert!(!within_from_list_alone(&long.window().0));
}

#[test]
fn a_damaged_part_of_the_days_is_named() {
    let corpus = synth::generate(2000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let entry = &manifest.dates[0];
    let json = json_of(&split, &entry.file);
    let err = read_dates(entry, &json, "00").unwrap_err();
    assert!(err.to_string().contains(&entry.file), "{err}");
    // Fewer days than the manifest lists, under a matching hash.
    let mut days: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    days.pop();
    let json = serde_json::to_vec(&days).unwrap();
    let err = read_dates(entry, &json, &sha256_hex(&json)).unwrap_err();
    assert!(err.to_string().contains(&entry.file), "{err}");
}

#[test]
fn a_range_asks_first_above_the_manifests_figure() {
    let corpus = synth::generate(4000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let mut manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let filter = |from: &str, to: &str| Filter {
        from: from.into(),
        to: to.into(),
        ..Filter::default()
    };
    let year = range_parts(&manifest, &filter("2001", "2001").window().0, false);
    let all = range_parts(&manifest, &filter("1900", "").window().0, true);
    // A range over every date, with the undated events, keeps every part of
    // the list whole: it reads the days of the rows that reach alone.
    assert_eq!(all.whole.len(), manifest.list.len());
    assert!(all.dates.is_empty(), "{:?}", all.dates);
    assert_eq!(all.reach.len(), manifest.reach.len());
    let reach: usize = manifest.reach.iter().map(|p| p.bytes).sum();
    assert_eq!(all.stored_bytes(&manifest), reach);
    // The default (8 MiB) is far above this corpus's list.
    assert!(!all.asks_first(&manifest));
    manifest.range_ask_above = Some(year.stored_bytes(&manifest) - 1);
    assert!(year.asks_first(&manifest));
    manifest.range_ask_above = Some(year.stored_bytes(&manifest));
    assert!(!year.asks_first(&manifest));
}

#[test]
fn a_part_whose_row_that_reaches_misses_the_range_has_its_days_read() {
    // A part of the list whose rows lie within July 2015 but its first, which
    // ends in June ("June 2015 or earlier", listed under June): a range over
    // July holds the part's other rows, but not that one, whose days are in a
    // part of the rows that reach that the range does not read.
    let mut corpus = synth::generate(600, 7);
    let when = |at: usize| match at {
        0..50 => format!("2010-01-{:02}", at % 28 + 1),
        50 => "../2015-06".to_string(),
        51..100 => format!("2015-07-{:02}", at % 28 + 1),
        _ => format!("2020-03-{:02}", at % 28 + 1),
    };
    for (at, event) in corpus.events.iter_mut().enumerate() {
        let date = event.date.get_or_insert_with(|| DateSpec {
            when: String::new(),
            label: None,
            as_written: None,
            basis: "stated".into(),
            inference: None,
        });
        date.when = when(at);
    }
    assert!(corpus.events.len() > 150, "{}", corpus.events.len());
    let (split, index) = worded_split(&corpus, 1024);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let part = &manifest.list[1];
    assert_eq!((part.first, part.count), (50, 50), "a page a part");
    let filter = Filter {
        from: "2015-07".into(),
        to: "2015-07".into(),
        ..Filter::default()
    };
    let (listed, needs) = from_parts(&split, &manifest, &filter);
    let (ids, _, _) = apps_list(&index, &filter);
    assert_eq!(ids.len(), 49);
    assert_eq!(listed_ids(&split, &manifest, &listed), ids);
    assert!(!needs.whole.contains(&1), "{needs:?}");
}
