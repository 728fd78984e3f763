//! The default list in pages (`publish::pages`), read back from its parts as the
//! app reads them: every page of it, found through the manifest and checked
//! against its hash, shows the records the app's own list shows on that page of a
//! whole corpus, in the same order, with their dates, headings and summaries.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/worded.rs"]
mod worded;

use dossier::corpus::model::{Corpus, Kind};
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::pages::ListRow;
use dossier::publish::parts::{
    inflate, read_list, read_manifest, split, PartsError, Split, YearInList, EVENTS_LIST_SHARE,
};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::order::ClaimOrder;
use dossier::query::url_state::{Page, PAGE_SIZE};
use worded::worded_split;

/// Record parts of 256 KiB of JSON: events list parts of 64 KiB, a few pages each.
const PART_BYTES: usize = 256 * 1024;

fn generated(records: usize) -> Corpus {
    synth::generate(records, 7)
}

/// The rows of page `number` of the default list, as the app finds them: the
/// manifest names the part that holds the page's first row, read and checked.
fn page_from_parts(split: &Split, number: usize) -> Result<Vec<ListRow>, PartsError> {
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let first = (number - 1) * PAGE_SIZE;
    let at = manifest.list_part_of(first).unwrap();
    let entry = &manifest.list[at];
    let (_, stored) = split.files().find(|(f, _)| *f == entry.file).unwrap();
    let json = inflate(stored).unwrap();
    let rows = read_list(entry, &json, &sha256_hex(&json))?;
    let from = first - entry.first;
    Ok(rows[from..(from + PAGE_SIZE).min(rows.len())].to_vec())
}

/// Page `number` of the events list an address with no filter shows, from the
/// whole corpus, as the app's list works it out.
fn page_of_whole(index: &Index, number: usize) -> Vec<usize> {
    let outcome = Outcome::new(index, &Filter::default(), Kind::Event);
    let items = outcome.listing(index, Kind::Event, ClaimOrder::Date).items;
    let page = Page::of(items.len(), number, PAGE_SIZE);
    items[page.range].iter().map(|&e| e as usize).collect()
}

#[test]
fn every_page_from_parts_is_the_apps_page_of_the_whole_corpus() {
    let corpus = generated(4000);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let events = index.corpus.events.len();
    let pages = events.div_ceil(PAGE_SIZE);
    assert!(split.list.len() > 2, "a few parts: {}", split.list.len());
    assert!(split.list.len() < pages, "parts of several pages");
    for number in 1..=pages {
        let from_parts = page_from_parts(&split, number).unwrap();
        let whole = page_of_whole(&index, number);
        assert_eq!(from_parts.len(), whole.len(), "page {number}");
        for (row, &e) in from_parts.iter().zip(&whole) {
            let event = &index.corpus.events[e];
            assert_eq!(row.id(), event.id, "page {number}");
            assert_eq!(row.title(), event.title);
            assert_eq!(row.summary(), event.summary);
            assert_eq!(row.date(), event.date.as_ref());
            // The year the app's list puts it under.
            assert_eq!(row.year(), index.events[e].span.map(|s| s.year()));
        }
    }
}

#[test]
fn parts_hold_whole_pages_in_order_and_nothing_past_the_list() {
    let corpus = generated(4000);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = &split.manifest;
    let events = index.corpus.events.len();
    let mut next = 0;
    for part in &manifest.list {
        assert_eq!(
            part.first, next,
            "{} starts where the last ended",
            part.file
        );
        assert_eq!(part.first % PAGE_SIZE, 0, "{} starts a page", part.file);
        assert!(part.json <= PART_BYTES / EVENTS_LIST_SHARE + PAGE_SIZE * 2048);
        next += part.count;
    }
    assert_eq!(next, events, "every event once");
    assert_eq!(manifest.list_part_of(0), Some(0));
    assert_eq!(
        manifest.list_part_of(events - 1),
        Some(manifest.list.len() - 1)
    );
    assert_eq!(manifest.list_part_of(events), None);
}

#[test]
fn a_page_larger_than_a_part_gets_a_part_of_its_own() {
    let corpus = generated(600);
    let (split, index) = worded_split(&corpus, 64);
    let events = index.corpus.events.len();
    assert_eq!(split.list.len(), events.div_ceil(PAGE_SIZE));
    let last = events.div_ceil(PAGE_SIZE);
    assert_eq!(
        page_from_parts(&split, last).unwrap().len(),
        events - (last - 1) * PAGE_SIZE
    );
}

#[test]
fn a_damaged_or_wrong_part_is_named() {
    let corpus = generated(1000);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let entry = &split.manifest.list[0];
    let (_, stored) = split.files().find(|(f, _)| *f == entry.file).unwrap();
    let json = inflate(stored).unwrap();
    let mut damaged = json.clone();
    damaged[10] ^= 1;
    assert_eq!(
        read_list(entry, &damaged, &sha256_hex(&damaged)),
        Err(PartsError::HashMismatch {
            file: entry.file.clone()
        })
    );
    // Its hash, but not the rows the manifest says it holds.
    let mut short = entry.clone();
    short.count -= 1;
    assert_eq!(
        read_list(&short, &json, &entry.sha256),
        Err(PartsError::WrongRecords {
            file: entry.file.clone()
        })
    );
}

#[test]
fn the_same_corpus_gives_the_same_list_and_a_plain_split_has_none() {
    let corpus = generated(1000);
    let (a, _) = worded_split(&corpus, PART_BYTES);
    let (b, _) = worded_split(&corpus, PART_BYTES);
    assert_eq!(a.list, b.list);
    assert_eq!(a.manifest.list, b.manifest.list);
    assert!(a.list.iter().all(|(f, _)| f.starts_with("l-")));
    let plain = split(&corpus, "0123", PART_BYTES);
    assert!(plain.list.is_empty() && plain.manifest.list.is_empty());
}

/// Where the events listed under `year` or later begin, as the app finds it:
/// the manifest alone, or the one part it names, read.
fn year_from_parts(split: &Split, year: i32) -> Option<usize> {
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    match manifest.list_year(year) {
        YearInList::At(place) => Some(place),
        YearInList::Nowhere => None,
        YearInList::InPart(at) => {
            let entry = &manifest.list[at];
            let (_, stored) = split.files().find(|(f, _)| *f == entry.file).unwrap();
            let json = inflate(stored).unwrap();
            let rows = read_list(entry, &json, &sha256_hex(&json)).unwrap();
            manifest.list_year_in(at, &rows, year)
        }
    }
}

#[test]
fn a_year_is_found_where_the_whole_list_first_lists_an_event_under_it_or_later() {
    let corpus = generated(4000);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Event);
    let items = outcome.listing(&index, Kind::Event, ClaimOrder::Date).items;
    let years: Vec<Option<i32>> = items
        .iter()
        .map(|&e| index.events[e as usize].span.map(|s| s.year()))
        .collect();
    let dated: Vec<i32> = years.iter().flatten().copied().collect();
    let (first, last) = (dated[0], dated[dated.len() - 1]);
    assert!(last - first > 10, "{first}..{last}");
    for year in first - 2..=last + 2 {
        let whole = years.iter().position(|y| y.is_some_and(|y| y >= year));
        assert_eq!(year_from_parts(&split, year), whole, "{year}");
    }
}
