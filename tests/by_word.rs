//! The events list for a search and for kinds chosen, from parts
//! (`publish::by_word`, `publish::by_kind`): for many searches over a generated
//! corpus (whole words, the beginnings of words, several words, words no event
//! holds, plurals and capitals), and many choices of kinds with words or not,
//! the words' and the kinds' tables the build wrote and the default list's
//! parts give, page by page or over a date range, the app's own events list of
//! the whole corpus with that filter: the same events in the same order, with
//! the same count.

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
use dossier::corpus::model::Kind;
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::by_kind::{kind_key, Sought};
use dossier::publish::by_word::{
    day_parts_for, found_timeline, over_range, page_parts, range_parts_of,
};
use dossier::publish::pages::{DayRow, ListRow};
use dossier::publish::parts::{
    inflate, read_day_rows, read_list, read_manifest, read_word_rows_directory, ListEntry,
    Manifest, PartsError, PlaceTable, RowsEntry, Split, TableEntry,
};
use dossier::publish::view_range::{self, rows_at};
use dossier::publish::word_rows::{WordRowsTable, WordsApart};
use dossier::query::filter::{Facet, Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::search::query_words;
use dossier::query::timeline::{extent, shown_over, Window};
use dossier::query::url_state::{Page, PAGE_SIZE};
use worded::{apps_list, found, listed_ids, read_range_parts, worded_split};

/// Record parts of 32 KiB of JSON: the words' table in parts of 16 KiB, so that
/// the beginning of a word often spans two.
const PART_BYTES: usize = 32 * 1024;

/// A generated corpus of `records` (seed `seed`) in parts of [`PART_BYTES`],
/// indexed for search as the app indexes it once read whole, and its manifest.
fn searchable_split(records: usize, seed: u64) -> (Split, Index, Manifest) {
    let corpus = synth::generate(records, seed);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let index = Index::new(index.corpus);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    (split, index, manifest)
}

/// The JSON of the file `name` of the split, as the app has it once fetched.
fn json_of(split: &Split, name: &str) -> Vec<u8> {
    let (_, stored) = split.files().find(|(f, _)| *f == name).unwrap();
    inflate(stored).unwrap()
}

/// The search `text` as the app reads it before the corpus, as [`from_parts`] does.
fn searched(split: &Split, manifest: &Manifest, text: &str) -> (Vec<String>, usize) {
    let filter = Filter {
        text: text.to_string(),
        ..Filter::default()
    };
    let (ids, words, _) = from_parts(split, manifest, &filter);
    (ids, words)
}

/// The words and kinds of `filter` as the app reads them before the corpus:
/// their results' places ([`found`]), then every page of them from the default
/// list's parts; the results' ids, and how many parts of the words' and of the
/// kinds' tables that took.
fn from_parts(split: &Split, manifest: &Manifest, filter: &Filter) -> (Vec<String>, usize, usize) {
    let (ids, words, kinds, _) = from_parts_apart(split, manifest, filter);
    (ids, words, kinds)
}

/// [`from_parts`], with how many rows of its pages were read apart, from
/// the parts of the rare words' first rows, as the app reads them
/// (`publish::word_rows`).
fn from_parts_apart(
    split: &Split,
    manifest: &Manifest,
    filter: &Filter,
) -> (Vec<String>, usize, usize, usize) {
    let (places, words, kinds) = found(split, manifest, filter);
    let apart = words_apart(split, manifest, filter);
    let (mut ids, mut read_apart) = (Vec::new(), 0);
    let pages = Page::of(places.len(), 1, PAGE_SIZE).count.max(1);
    for number in 1..=pages {
        let page = Page::of(places.len(), number, PAGE_SIZE).range;
        let on_page = &places[page.start.min(places.len())..page.end.min(places.len())];
        let (worded, others) = apart.parted(on_page);
        let parts: Vec<(&ListEntry, Vec<ListRow>)> =
            page_parts(manifest, &others, &(0..others.len()))
                .into_iter()
                .map(|at| {
                    let entry = &manifest.list[at];
                    let json = json_of(split, &entry.file);
                    (entry, read_list(entry, &json, &sha256_hex(&json)).unwrap())
                })
                .collect();
        let listed = rows_at(
            &others,
            parts.iter().map(|(entry, rows)| (*entry, rows.as_slice())),
        );
        let worded_rows = word_rows_at(split, &apart, &worded);
        read_apart += worded_rows.len();
        let rows = view_range::page_rows(worded_rows, listed);
        assert_eq!(rows.len(), page.len().min(places.len() - page.start));
        ids.extend(rows.iter().map(|r| r.id().to_string()));
    }
    (ids, words, kinds, read_apart)
}

/// The rare words `filter` seeks whose first rows the build wrote apart, as
/// the app reads them from the parts of the words' table.
fn words_apart(split: &Split, manifest: &Manifest, filter: &Filter) -> WordsApart {
    let sought = Sought::of(filter);
    let tables = worded::read_tables(split, &manifest.words, &sought.word_parts(manifest));
    let tables: Vec<&PlaceTable> = tables.iter().collect();
    (manifest.view_word_rows(Kind::Event))
        .map(|rows| worded::knowing_directory(split, WordsApart::of(&sought.words, &tables, rows)))
        .unwrap_or_default()
}

/// The rows at `places` of the rare words `apart`, from the parts of their
/// first rows that hold them, each checked against its hash.
fn word_rows_at(split: &Split, apart: &WordsApart, places: &[u32]) -> Vec<(u32, ListRow)> {
    let tables: Vec<WordRowsTable<ListRow>> = (apart.parts_for(places).into_iter())
        .map(|entry| {
            let json = json_of(split, &entry.file);
            WordRowsTable::read(entry, &json, &sha256_hex(&json)).unwrap()
        })
        .collect();
    apart.rows_at(places, &tables.iter().collect::<Vec<_>>())
}

/// The app's events list with `text` typed in its search, from the whole corpus.
fn from_whole(index: &Index, text: &str) -> Vec<String> {
    let filter = Filter {
        text: text.to_string(),
        ..Filter::default()
    };
    apps_list(index, &filter).0
}

/// A word of some event's heading or summary, as written, from the dice.
fn some_word(index: &Index, dice: &mut Dice) -> String {
    let events = &index.corpus.events;
    let event = &events[dice.below(events.len() as u64) as usize];
    let text = if dice.below(2) == 0 {
        &event.title
    } else {
        &event.summary
    };
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words[dice.below(words.len() as u64) as usize].to_string()
}

#[test]
fn searches_from_parts_are_the_apps_list_of_the_whole_corpus() {
    let (split, index, manifest) = searchable_split(4000, 7);
    assert!(
        manifest.words.len() > 3,
        "{} parts of words",
        manifest.words.len()
    );
    let mut dice = Dice(31);
    let (mut some, mut none, mut pages, mut two_parts) = (0, 0, 0, 0);
    let (mut apart, mut ahead_all, mut ahead_short) = (0, 0, 0);
    assert!(manifest.word_rows.as_ref().unwrap().directory.len() > 2);
    for round in 0..300 {
        // One to three words, each whole, its beginning, a plural, in capitals, or none held.
        let words: Vec<String> = (0..1 + dice.below(3))
            .map(|_| {
                let word = some_word(&index, &mut dice);
                let chars: Vec<char> = word.chars().collect();
                match dice.below(6) {
                    0 | 1 => word,
                    2 => chars[..1 + dice.below(chars.len() as u64) as usize]
                        .iter()
                        .collect(),
                    3 => format!("{word}s"),
                    4 => word.to_uppercase(),
                    _ => format!("{word}zq"),
                }
            })
            .collect();
        let text = words.join(if round % 2 == 0 { " " } else { ", " });
        let whole = from_whole(&index, &text);
        let filter = Filter {
            text: text.to_string(),
            ..Filter::default()
        };
        let (got, parts, _, read_apart) = from_parts_apart(&split, &manifest, &filter);
        assert_eq!(got, whole, "{text:?}");
        apart += usize::from(read_apart > 0);
        // The parts of the rare words' directory the app reads ahead, beside
        // the words' table, are all that the search needs.
        let needed = words_apart(&split, &manifest, &filter);
        let needed: Vec<&str> = (needed.directory_parts().into_iter())
            .map(|entry| entry.file.as_str())
            .collect();
        let rows = manifest.view_word_rows(Kind::Event).unwrap();
        let sought = Sought::of(&filter);
        let ahead: Vec<&str> = (rows.directory_parts_of(&sought.words).into_iter())
            .map(|entry| entry.file.as_str())
            .collect();
        if !needed.is_empty() {
            let all = needed.iter().all(|file| ahead.contains(file));
            (ahead_all, ahead_short) = (
                ahead_all + usize::from(all),
                ahead_short + usize::from(!all),
            );
        }
        some += usize::from(!whole.is_empty());
        none += usize::from(whole.is_empty());
        pages += usize::from(whole.len() > 2 * PAGE_SIZE);
        two_parts += usize::from(parts > 1);
    }
    // The searches tried are not all empty, nor all alike; some read rows of
    // rare words apart.
    assert!(
        some > 100 && none > 20 && pages > 20 && two_parts > 20 && apart > 10,
        "{some} {none} {pages} {two_parts} {apart}"
    );
    assert!(
        ahead_all > 10 && ahead_short == 0,
        "{ahead_all} searches read ahead all they needed, {ahead_short} not"
    );
}

#[test]
fn a_word_the_events_lack_and_a_word_in_no_part_find_nothing() {
    let corpus = synth::generate(1000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    for text in ["zzzzqx", "0000000000", "\u{2603}"] {
        assert_eq!(searched(&split, &manifest, text).0, Vec::<String>::new());
    }
}

#[test]
fn a_damaged_part_of_the_words_is_named() {
    let corpus = synth::generate(2000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let entry = &manifest.words[0];
    let json = json_of(&split, &entry.file);
    let err = PlaceTable::read(entry, &json, "00").err().unwrap();
    assert!(err.to_string().contains(&entry.file), "{err}");
    // A place written twice in a word's list is no part the build writes.
    let text = String::from_utf8(json).unwrap();
    let twice = text.replacen(",1,", ",0,", 1);
    assert_ne!(twice, text);
    assert!(PlaceTable::read(entry, twice.as_bytes(), &sha256_hex(twice.as_bytes())).is_err());
}

#[test]
fn searches_over_a_date_range_from_parts_are_the_apps_list_of_the_whole_corpus() {
    let (split, index, manifest) = searchable_split(4000, 7);
    let mut dice = Dice(41);
    let (mut some, mut loose, mut hidden, mut fewer) = (0, 0, 0, 0);
    let mut read_apart = 0;
    for _ in 0..300 {
        let word = some_word(&index, &mut dice);
        let filter = Filter {
            text: word.chars().take(2 + dice.below(6) as usize).collect(),
            from: dice.end(),
            to: dice.end(),
            include_undated: dice.below(3) == 0,
            ..Filter::default()
        };
        let (window, _) = filter.window();
        if window.is_open() {
            continue;
        }
        let places = found(&split, &manifest, &filter).0;
        let (ids, loose_from, undated_hidden) = apps_list(&index, &filter);
        let listed = over_range_from_parts(&split, &manifest, &filter, &places);
        // The first page's rows of rare words read apart, as the app reads them.
        let apart = words_apart(&split, &manifest, &filter);
        let (worded, _) = apart.parted(&listed.unread_on(&(0..PAGE_SIZE)));
        read_apart += usize::from(!worded.is_empty());
        let listed = listed.knowing(word_rows_at(&split, &apart, &worded));
        assert_eq!(listed.len(), ids.len(), "{filter:?}");
        assert_eq!(listed_ids(&split, &manifest, &listed), ids, "{filter:?}");
        assert_eq!(listed.loose_from, loose_from, "{filter:?}");
        assert_eq!(listed.undated_hidden, undated_hidden, "{filter:?}");
        some += usize::from(!ids.is_empty());
        loose += usize::from(loose_from < ids.len());
        hidden += usize::from(undated_hidden > 0);
        let needs = range_parts_of(&manifest, &window, filter.include_undated, &places);
        let range_alone =
            dossier::publish::range::range_parts(&manifest, &window, filter.include_undated);
        fewer += usize::from(needs.dates.len() < range_alone.dates.len());
    }
    // The searches tried are not all empty, nor all alike; some need fewer of
    // the parts of the list's days than their range alone; some read rows of
    // rare words apart.
    assert!(
        some > 80 && loose > 20 && hidden > 20 && fewer > 2 && read_apart > 10,
        "{some} {loose} {hidden} {fewer} {read_apart}"
    );
}

/// The results `places` of `filter` over its date range, as the app lists them
/// before the corpus, from the default list's parts the range needs that hold
/// any of them.
fn over_range_from_parts(
    split: &Split,
    manifest: &Manifest,
    filter: &Filter,
    places: &[u32],
) -> dossier::publish::range::InRange {
    let (window, _) = filter.window();
    let needs = range_parts_of(manifest, &window, filter.include_undated, places);
    let (dates, reach) = read_range_parts(split, manifest, &needs);
    over_range(
        manifest,
        &window,
        filter.include_undated,
        places,
        &needs,
        dates.iter().map(|(entry, days)| (*entry, days.as_slice())),
        reach.iter().map(Vec::as_slice),
    )
}

#[test]
fn kinds_chosen_from_parts_are_the_apps_list_of_the_whole_corpus() {
    let (split, index, manifest) = searchable_split(4000, 7);
    assert!(
        manifest.kinds.len() > 1,
        "{} parts of kinds",
        manifest.kinds.len()
    );
    let mut dice = Dice(53);
    let (mut some, mut none, mut pages, mut worded, mut ranged, mut two_parts) = (0, 0, 0, 0, 0, 0);
    for _ in 0..300 {
        // Kinds; with a word's beginning a third of the time, a date range another third.
        let mut filter = Filter::default();
        dice.kinds(&mut filter);
        match dice.below(3) {
            0 => {
                let word = some_word(&index, &mut dice);
                filter.text = word.chars().take(2 + dice.below(6) as usize).collect();
            }
            1 => {
                filter.from = dice.end();
                filter.to = dice.end();
                filter.include_undated = dice.below(3) == 0;
            }
            _ => {}
        }
        let (ids, loose_from, undated_hidden) = apps_list(&index, &filter);
        let (window, _) = filter.window();
        if window.is_open() {
            let (got, _, kinds) = from_parts(&split, &manifest, &filter);
            assert_eq!(got, ids, "{filter:?}");
            two_parts += usize::from(kinds > 1);
        } else {
            let places = found(&split, &manifest, &filter).0;
            let listed = over_range_from_parts(&split, &manifest, &filter, &places);
            assert_eq!(listed_ids(&split, &manifest, &listed), ids, "{filter:?}");
            assert_eq!(listed.loose_from, loose_from, "{filter:?}");
            assert_eq!(listed.undated_hidden, undated_hidden, "{filter:?}");
            ranged += usize::from(!ids.is_empty());
        }
        some += usize::from(!ids.is_empty());
        none += usize::from(ids.is_empty());
        pages += usize::from(ids.len() > 2 * PAGE_SIZE);
        worded += usize::from(!filter.text.is_empty() && !ids.is_empty());
    }
    // The choices tried are not all empty, nor all alike; some need two parts
    // of the kinds' table, some find events with words, some over a range.
    assert!(
        some > 100 && none > 20 && pages > 20 && worded > 20 && ranged > 20 && two_parts > 10,
        "{some} {none} {pages} {worded} {ranged} {two_parts}"
    );
}

#[test]
fn a_damaged_part_of_the_kinds_is_named() {
    let corpus = synth::generate(2000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let entry = &manifest.kinds[0];
    let json = json_of(&split, &entry.file);
    let err = PlaceTable::read(entry, &json, "00").err().unwrap();
    assert!(err.to_string().contains(&entry.file), "{err}");
}

#[test]
fn the_counts_beside_the_kinds_in_pages_are_the_apps_for_no_filter() {
    let corpus = synth::generate(4000, 7);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    // As the filter panel counts them on the events view, with no filter.
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Event);
    let mut counted = 0;
    for facet in Facet::TERMS {
        for value in facet.vocab().unwrap().values() {
            let key = kind_key(facet, value);
            let apps = outcome.term_count(facet, value);
            assert_eq!(manifest.kind_count(&key).unwrap_or(0), apps, "{key}");
            // And each is the number of events the list of that kind shows.
            let mut filter = Filter::default();
            filter.choose(facet, value);
            assert_eq!(apps_list(&index, &filter).0.len(), apps, "{key}");
            counted += usize::from(apps > 0);
        }
    }
    assert!(counted > 20, "{counted} counted");
    assert!(
        manifest.kind_counts.len() < 100,
        "one per value of the vocabularies"
    );
}

#[test]
fn the_counts_beside_the_kinds_under_words_and_kinds_are_the_apps() {
    let (split, index, manifest) = searchable_split(4000, 7);
    let mut dice = Dice(59);
    let (mut differ, mut nothing, mut counted) = (0, 0, 0);
    for round in 0..240 {
        // Each view's list in pages, with kinds chosen, words typed, or both.
        let kind = [Kind::Event, Kind::Claim, Kind::Source][round % 3];
        let mut filter = Filter::default();
        if dice.below(3) > 0 {
            dice.kinds(&mut filter);
        }
        if filter.is_empty() || dice.below(2) == 0 {
            let word = some_word(&index, &mut dice);
            filter.text = word.chars().take(2 + dice.below(6) as usize).collect();
        }
        let sought = Sought::of(&filter);
        let (words, kinds) = (manifest.view_words(kind), manifest.view_kinds(kind));
        let words = worded::read_tables(&split, words, &sought.word_parts_in(words));
        let every_part: Vec<usize> = (0..kinds.len()).collect();
        let kinds = worded::read_tables(&split, kinds, &every_part);
        let counts = sought.kind_counts(
            &words.iter().collect::<Vec<_>>(),
            &kinds.iter().collect::<Vec<_>>(),
        );
        // As the filter panel counts them over the whole corpus, on that view.
        let outcome = Outcome::new(&index, &filter, kind);
        for facet in Facet::TERMS {
            for value in facet.vocab().unwrap().values() {
                let key = kind_key(facet, value);
                let from_parts = (counts.iter()).find_map(|(k, n)| (*k == key).then_some(*n));
                let apps = outcome.term_count(facet, value);
                assert_eq!(from_parts.unwrap_or(0), apps, "{kind:?} {filter:?} {key}");
                counted += usize::from(apps > 0);
                nothing += usize::from(apps == 0);
                let unfiltered = manifest.kind_count_of(kind, &key).unwrap_or(0);
                differ += usize::from(apps != unfiltered);
            }
        }
    }
    // The counts tried are not all alike, nor all nothing, nor all the unfiltered.
    assert!(
        counted > 2000 && nothing > 1000 && differ > 2000,
        "{counted} {nothing} {differ}"
    );
}

/// The parts of the list's days that hold the events at `places`, read and checked.
fn day_parts<'m>(
    split: &Split,
    manifest: &'m Manifest,
    places: &[u32],
) -> Vec<(&'m RowsEntry, Vec<Option<DayRow>>)> {
    (day_parts_for(manifest, places).into_iter())
        .map(|at| {
            let entry = &manifest.dates[at];
            let json = json_of(split, &entry.file);
            (
                entry,
                read_day_rows(entry, &json, &sha256_hex(&json)).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_timeline_of_a_search_or_kinds_from_the_days_of_its_events_is_the_apps_zoomed_or_not() {
    let (split, index, manifest) = searchable_split(4000, 7);
    let unzoomed = manifest.timelines.of(Kind::Event).unwrap();
    // As the app draws it once the corpus is in, unzoomed: what every filter
    // but the date keeps.
    let whole = extent(&index, Kind::Event).unwrap();
    let mut dice = Dice(71);
    let (mut some, mut inferred, mut undated, mut fewer, mut zoomed) = (0, 0, 0, 0, 0);
    for _ in 0..120 {
        let mut filter = Filter::default();
        dice.kinds(&mut filter);
        if dice.below(2) == 0 {
            let word = some_word(&index, &mut dice);
            filter.text = word.chars().take(2 + dice.below(6) as usize).collect();
        }
        // A date range changes none of it.
        if dice.below(3) == 0 {
            filter.from = dice.end();
            filter.to = dice.end();
        }
        let places = found(&split, &manifest, &filter).0;
        let days = day_parts(&split, &manifest, &places);
        let read = days.iter().map(|(entry, rows)| (*entry, rows.as_slice()));
        // Unzoomed, or zoomed into a few years (`?tl=`).
        let (counted, shown) = match dice.below(3) {
            0 => {
                let first = 1980 + dice.below(30);
                let zoom = format!("{first}/{}", first + dice.below(8));
                let zoom = Window::parse(&zoom).unwrap();
                (zoom, zoom)
            }
            _ => (unzoomed.window(), whole),
        };
        zoomed += usize::from(counted != unzoomed.window());
        let timeline = found_timeline(&counted, &places, read).unwrap();
        let outcome = Outcome::new(&index, &filter, Kind::Event);
        let apps = shown_over(&index, &outcome.kept_but_date, Kind::Event, &shown);
        assert_eq!(timeline, apps, "{filter:?} {shown}");
        some += usize::from(!places.is_empty());
        inferred += usize::from(timeline.buckets.iter().any(|b| b.inferred > 0));
        undated += usize::from(timeline.undated > 0);
        fewer += usize::from(!places.is_empty() && days.len() < manifest.dates.len());
    }
    assert!(
        some > 60 && inferred > 20 && undated > 20 && fewer > 10 && zoomed > 20,
        "{some} {inferred} {undated} {fewer} {zoomed}"
    );
    // A part of the days left out: no timeline, rather than one short of records.
    let mut filter = Filter::default();
    filter.choose(Facet::Tags, "killings");
    let places = found(&split, &manifest, &filter).0;
    let days = day_parts(&split, &manifest, &places);
    assert!(days.len() > 1);
    let read = days
        .iter()
        .skip(1)
        .map(|(entry, rows)| (*entry, rows.as_slice()));
    assert_eq!(found_timeline(&unzoomed.window(), &places, read), None);
}

/// The directory of the rare words' rows lists every part of them once, in
/// word order, and refuses a part that is not the one the manifest names.
#[test]
fn the_rare_words_directory_lists_every_part_of_their_rows_once() {
    let corpus = synth::generate(4000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let mut named = Vec::new();
    for kind in [Kind::Event, Kind::Claim, Kind::Source] {
        let Some(rows) = manifest.view_word_rows(kind) else {
            continue;
        };
        assert!(!rows.directory.is_empty(), "{kind:?}");
        let mut listed = Vec::new();
        for entry in &rows.directory {
            assert!(entry.file.starts_with("nd-"), "{}", entry.file);
            let json = json_of(&split, &entry.file);
            let parts = read_word_rows_directory(entry, &json, &sha256_hex(&json)).unwrap();
            // Listed by the words its parts hold, as a part of a table is.
            assert_eq!(parts.iter().map(|p| p.count).sum::<usize>(), entry.count);
            listed.extend(parts.into_iter().map(|p| (p.from, p.file)));
        }
        assert!(
            listed.windows(2).all(|w| w[0].0 < w[1].0),
            "{kind:?} in word order"
        );
        named.extend(listed.into_iter().map(|(_, file)| file));
    }
    let mut written: Vec<&str> = (split.files().map(|(file, _)| file.as_str()))
        .filter(|file| file.starts_with("n-"))
        .collect();
    written.sort_unstable();
    named.sort_unstable();
    assert_eq!(named, written);
    let rows = manifest.view_word_rows(Kind::Event).unwrap();
    // A part other than the one named, or listed from another word, is refused.
    let first = &rows.directory[0];
    let json = json_of(&split, &first.file);
    let damaged = read_word_rows_directory(first, &json[1..], &sha256_hex(&json[1..]));
    assert!(
        matches!(damaged, Err(PartsError::HashMismatch { .. })),
        "{damaged:?}"
    );
    let elsewhere = TableEntry {
        from: format!("{}zz", first.from),
        ..first.clone()
    };
    let moved = read_word_rows_directory(&elsewhere, &json, &sha256_hex(&json));
    assert!(
        matches!(moved, Err(PartsError::WrongRecords { .. })),
        "{moved:?}"
    );
}

/// The words of a search as the page's own script reads them (`index.html`:
/// `dossierQueryWords`, which starts the words' parts of an address with `?q=`
/// before the app) are held to this fixture in every browser by
/// `tests/e2e/test_pages.py`; here the core's are, so the two agree.
#[test]
fn the_words_of_a_search_are_those_the_pages_script_is_held_to() {
    let fixture = std::fs::read_to_string("tests/fixtures/query-words.json").unwrap();
    let cases: Vec<(String, Vec<String>)> = serde_json::from_str(&fixture).unwrap();
    assert!(cases.len() > 100, "{}", cases.len());
    for (text, words) in &cases {
        assert_eq!(&query_words(text), words, "{text:?}");
    }
}
