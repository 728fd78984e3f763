//! The events list for one actor, from parts (`publish::by_actor`): for every
//! actor of a generated corpus, the actors' table and rows the build wrote give,
//! page by page, the app's own events list of the whole corpus with that actor
//! chosen (its events and those through its parts and people in role), the same
//! events in the same order, with the same count; each page from one part. Over
//! a date range, for several actors together, and with words searched, every
//! part of their rows gives the app's list with those actors, that range and
//! those words chosen.

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
use dossier::publish::by_actor::{
    every_part, page_by_places_may_weigh_less, page_parts, page_rows, place_parts, places_of,
    together,
};
use dossier::publish::by_kind::Sought;
use dossier::publish::by_word::{both, day_parts_for, found_timeline};
use dossier::publish::pages::{ActorList, DayRow, ListRow, PlacedRow};
use dossier::publish::parts::{
    inflate, read_actor_rows, read_day_rows, read_manifest, ActorTable, Manifest, RowsEntry, Split,
};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::timeline::{extent, shown_over, Window};
use dossier::query::url_state::{Page, PAGE_SIZE};
use worded::{apps_list, found, read_tables, worded_split};

/// Record parts of 128 KiB of JSON: actors' rows in parts of 64 KiB, a few pages each.
const PART_BYTES: usize = 128 * 1024;

/// The JSON of the file `name` of the split, as the app has it once fetched.
fn json_of(split: &Split, name: &str) -> Vec<u8> {
    let (_, stored) = split.files().find(|(f, _)| *f == name).unwrap();
    inflate(stored).unwrap()
}

/// The part of the actors' table the manifest names for `id`, read, and what
/// it says of `id`.
fn actor_list(split: &Split, manifest: &Manifest, id: &str) -> Option<(ActorTable, ActorList)> {
    let entry = &manifest.by_actor[manifest.by_actor_of(id)?];
    let json = json_of(split, &entry.file);
    let table = ActorTable::read(entry, &json, &sha256_hex(&json)).unwrap();
    let list = table.get(id).cloned()?;
    Some((table, list))
}

/// The page numbered `number` of the actor's list, as the app reads it before
/// the corpus: the parts the manifest names, fetched, checked and read; and how
/// many parts that took.
fn page_from_parts(
    split: &Split,
    table: &ActorTable,
    list: &ActorList,
    number: usize,
) -> (Vec<ListRow>, usize) {
    let page = Page::of(list.len(), number, PAGE_SIZE);
    let needs = page_parts(table, list, &page.range);
    let parts: Vec<(&RowsEntry, Vec<PlacedRow>)> = needs
        .iter()
        .map(|entry| {
            let json = json_of(split, &entry.file);
            (
                entry,
                read_actor_rows(entry, &json, &sha256_hex(&json)).unwrap(),
            )
        })
        .collect();
    let rows = page_rows(
        list,
        &page.range,
        parts.iter().map(|(entry, rows)| (*entry, rows.as_slice())),
    );
    (rows, needs.len())
}

/// The app's events list with the actor `id` chosen, from the whole corpus.
fn from_whole(index: &Index, id: &str) -> Vec<String> {
    let filter = Filter {
        actors: vec![id.to_string()],
        ..Filter::default()
    };
    apps_list(index, &filter).0
}

#[test]
fn every_actors_list_from_parts_is_the_apps_list_of_the_whole_corpus() {
    let corpus = synth::generate(4000, 7);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    assert!(
        manifest.by_actor.len() > 1,
        "{} table parts",
        manifest.by_actor.len()
    );
    let (mut long, mut through) = (0, 0);
    for actor in &index.corpus.actors {
        let (table, list) = actor_list(&split, &manifest, &actor.id).unwrap();
        assert_eq!(list.name(), actor.name);
        let whole = from_whole(&index, &actor.id);
        assert_eq!(list.len(), whole.len(), "{}", actor.id);
        let pages = Page::of(list.len(), 1, PAGE_SIZE).count.max(1);
        let mut got = Vec::new();
        for number in 1..=pages {
            let (rows, parts) = page_from_parts(&split, &table, &list, number);
            assert_eq!(
                parts,
                usize::from(!list.is_empty()),
                "{} page {number}",
                actor.id
            );
            got.extend(rows.iter().map(|r| r.id().to_string()));
        }
        assert_eq!(got, whole, "{}", actor.id);
        long += usize::from(pages > 2);
        let a = index.find(&actor.id, Kind::Actor).unwrap();
        through += usize::from(
            index.through[a]
                .iter()
                .any(|&n| index.numbering.range(Kind::Event).contains(&(n as usize))),
        );
    }
    // Some lists run to many pages, and some hold events only through parts or roles.
    assert!(long > 5 && through > 5, "{long} {through}");
}

#[test]
fn an_actor_not_in_the_corpus_has_no_list() {
    let corpus = synth::generate(1000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    for id in ["", "act-", "act-none", "zzz"] {
        assert!(actor_list(&split, &manifest, id).is_none(), "{id}");
    }
}

#[test]
fn a_damaged_part_of_the_actors_rows_is_named() {
    let corpus = synth::generate(2000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let (table, list) = actor_list(&split, &manifest, &corpus.actors[0].id).unwrap();
    let entry = &page_parts(&table, &list, &(0..1))[0];
    let mut json = json_of(&split, &entry.file);
    let err = read_actor_rows(entry, &json, "00").unwrap_err();
    assert!(err.to_string().contains(&entry.file), "{err}");
    json.truncate(json.len() / 2);
    json.extend_from_slice(b"]");
    assert!(read_actor_rows(entry, &json, &sha256_hex(&json)).is_err());
}

#[test]
fn actors_lists_together_and_over_a_range_from_parts_are_the_apps_list_of_the_whole_corpus() {
    let corpus = synth::generate(4000, 7);
    // Parts of rows of a few pages, so that the busier actors' lists span several.
    let (split, index) = worded_split(&corpus, 32 * 1024);
    // With its text index: some of the choices search as well.
    let index = Index::new(index.corpus);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let mut dice = Dice(23);
    let (mut some, mut loose, mut hidden, mut parts, mut shared) = (0, 0, 0, 0, 0);
    let (mut searched, mut kinds, mut by_place) = (0, 0, 0);
    for round in 0..400 {
        // One to three actors, the busiest often; a date range, or none with several actors; a third of them with the
        // beginning of a word of some event's heading searched.
        let actors = some_actors(&mut dice, &corpus, round % 2 == 0);
        let filter = Filter {
            actors: actors.clone(),
            from: dice.end(),
            to: dice.end(),
            include_undated: dice.below(3) == 0,
            text: match dice.below(3) {
                0 => {
                    let event = &corpus.events[dice.below(corpus.events.len() as u64) as usize];
                    let word = event.title.split_whitespace().next().unwrap_or_default();
                    word.chars().take(2 + dice.below(5) as usize).collect()
                }
                _ => String::new(),
            },
            ..Filter::default()
        };
        // A fifth of them with kinds chosen too.
        let mut filter = filter;
        if dice.below(5) == 0 {
            dice.kinds(&mut filter);
        }
        let (window, _) = filter.window();
        // One actor with no range and no search is its list in pages (above).
        if window.is_open() && filter.actors.len() == 1 && Sought::of(&filter).is_empty() {
            continue;
        }
        let lists: Vec<(ActorTable, ActorList)> = (filter.actors.iter())
            .map(|id| actor_list(&split, &manifest, id).unwrap())
            .collect();
        // Each part once, as the app reads them.
        let mut needs: Vec<&RowsEntry> = lists
            .iter()
            .flat_map(|(table, list)| every_part(table, list))
            .collect();
        needs.sort_by_key(|e| e.first);
        needs.dedup_by_key(|e| e.first);
        let read: Vec<(&RowsEntry, Vec<PlacedRow>)> = (needs.iter())
            .map(|entry| {
                let json = json_of(&split, &entry.file);
                (
                    *entry,
                    read_actor_rows(entry, &json, &sha256_hex(&json)).unwrap(),
                )
            })
            .collect();
        let only: Vec<ActorList> = lists.iter().map(|(_, list)| list.clone()).collect();
        let places = (!Sought::of(&filter).is_empty()).then(|| found(&split, &manifest, &filter).0);
        let listed = together(
            &only,
            &window,
            filter.include_undated,
            places.as_deref(),
            read.iter().map(|(entry, rows)| (*entry, rows.as_slice())),
        );
        let (ids, loose_from, undated_hidden) = apps_list(&index, &filter);
        // Every row of it read: the actors' own.
        assert_eq!(listed.known.len(), listed.len());
        let got: Vec<String> = (listed.rows_at(&(0..listed.len()), []).iter())
            .map(|r| r.id().to_string())
            .collect();
        assert_eq!(got, ids, "{filter:?}");
        // With words or kinds sought, their results among the actors' places
        // are the events the app keeps for the filter but its date range.
        if let Some(found) = &places {
            let tables = read_tables(
                &split,
                &manifest.actor_places,
                &place_parts(&manifest, &filter.actors),
            );
            let by_places = both(
                found,
                &places_of(&filter.actors, &tables.iter().collect::<Vec<_>>()),
            );
            let no_range = Filter {
                from: String::new(),
                to: String::new(),
                ..filter.clone()
            };
            assert_eq!(
                by_places,
                in_list(&index, &apps_list(&index, &no_range).0),
                "{filter:?}"
            );
            by_place += usize::from(!by_places.is_empty());
        }
        assert_eq!(listed.loose_from, loose_from, "{filter:?}");
        assert_eq!(listed.undated_hidden, undated_hidden, "{filter:?}");
        some += usize::from(!ids.is_empty());
        searched += usize::from(!filter.text.is_empty() && !ids.is_empty());
        kinds += usize::from(!Sought::of(&filter).kinds.is_empty() && !ids.is_empty());
        loose += usize::from(loose_from < ids.len());
        hidden += usize::from(undated_hidden > 0);
        parts += usize::from(read.len() > 1);
        let apart: usize = only.iter().map(ActorList::len).sum();
        shared += usize::from(window.is_open() && apart > ids.len());
    }
    // The filters tried are not all empty, nor all the same; some actors chosen
    // together share events, listed once; some searches find events.
    assert!(
        some > 100
            && loose > 20
            && hidden > 20
            && parts > 20
            && shared > 5
            && searched > 20
            && kinds > 8
            && by_place > 20,
        "{some} {loose} {hidden} {parts} {shared} {searched} {kinds} {by_place}"
    );
}

#[test]
fn only_a_busy_actors_page_is_worth_reading_by_places() {
    let corpus = synth::generate(4000, 7);
    let (split, _) = worded_split(&corpus, 32 * 1024);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    // Each actor with its list and the bytes of every part of its rows.
    let mut lists: Vec<(String, usize, usize)> = (corpus.actors.iter())
        .filter_map(|a| {
            let (table, list) = actor_list(&split, &manifest, &a.id)?;
            let bytes = every_part(&table, &list).iter().map(|p| p.bytes).sum();
            Some((a.id.clone(), list.len(), bytes))
        })
        .collect();
    lists.sort_by_key(|(_, len, _)| *len);
    let worth = |(id, len, bytes): &(String, usize, usize), found| {
        page_by_places_may_weigh_less(&manifest, std::slice::from_ref(id), *len, found, *bytes)
    };
    let busiest = lists.last().unwrap();
    let few = lists.iter().find(|(_, len, _)| *len >= 20).unwrap();
    assert!(worth(busiest, None), "{busiest:?}");
    // Its events among half the list are still many; among a few, spread.
    assert!(worth(busiest, Some(manifest.listed() / 2)), "{busiest:?}");
    assert!(!worth(busiest, Some(3)), "{busiest:?}");
    assert!(!worth(few, None), "{few:?}");
}

#[test]
fn the_timeline_of_actors_chosen_from_their_places_is_the_apps_zoomed_or_not() {
    let corpus = synth::generate(4000, 7);
    let (split, index) = worded_split(&corpus, 32 * 1024);
    let index = Index::new(index.corpus);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let unzoomed = manifest.timelines.of(Kind::Event).unwrap();
    let whole = extent(&index, Kind::Event).unwrap();
    let mut dice = Dice(83);
    let (mut some, mut zoomed, mut fewer) = (0, 0, 0);
    for round in 0..90 {
        let actors = some_actors(&mut dice, &corpus, round % 2 == 0);
        // A date range changes none of it: the timeline counts what every
        // filter but the date keeps, and marks the range.
        let filter = Filter {
            actors,
            from: dice.end(),
            to: dice.end(),
            ..Filter::default()
        };
        let tables = read_tables(
            &split,
            &manifest.actor_places,
            &place_parts(&manifest, &filter.actors),
        );
        let places = places_of(&filter.actors, &tables.iter().collect::<Vec<_>>());
        let needs = day_parts_for(&manifest, &places);
        let days: Vec<(&RowsEntry, Vec<Option<DayRow>>)> = (needs.iter())
            .map(|&at| {
                let entry = &manifest.dates[at];
                let json = json_of(&split, &entry.file);
                (
                    entry,
                    read_day_rows(entry, &json, &sha256_hex(&json)).unwrap(),
                )
            })
            .collect();
        let (counted, shown) = match dice.below(3) {
            0 => {
                let first = 1980 + dice.below(30);
                let zoom = Window::parse(&format!("{first}/{}", first + dice.below(8))).unwrap();
                (zoom, zoom)
            }
            _ => (unzoomed.window(), whole),
        };
        let read = days.iter().map(|(entry, rows)| (*entry, rows.as_slice()));
        let timeline = found_timeline(&counted, &places, read).unwrap();
        let kept = Outcome::new(&index, &filter, Kind::Event).kept_but_date;
        assert_eq!(
            timeline,
            shown_over(&index, &kept, Kind::Event, &shown),
            "{filter:?}"
        );
        some += usize::from(!places.is_empty());
        zoomed += usize::from(counted != unzoomed.window());
        fewer += usize::from(needs.len() < manifest.dates.len());
    }
    assert!(
        some > 60 && zoomed > 20 && fewer > 20,
        "{some} {zoomed} {fewer}"
    );
}

/// One to three actors of `corpus`, among the first twenty (the busiest, as
/// the generator makes them) where `busy`, as readers choose institutions.
fn some_actors(
    dice: &mut Dice,
    corpus: &dossier::corpus::model::Corpus,
    busy: bool,
) -> Vec<String> {
    let chosen = 1 + dice.below(3) as usize;
    (0..chosen)
        .map(|_| {
            let a = if busy {
                dice.below(20)
            } else {
                dice.below(corpus.actors.len() as u64)
            };
            corpus.actors[a as usize].id.clone()
        })
        .collect()
}

/// The places in the default list of the events `ids`, ascending.
fn in_list(index: &Index, ids: &[String]) -> Vec<u32> {
    let list = dossier::publish::pages::default_list(index);
    let mut places: Vec<u32> = (list.iter().enumerate())
        .filter(|(_, &e)| ids.contains(&index.corpus.events[e as usize].id))
        .map(|(place, _)| place as u32)
        .collect();
    places.sort_unstable();
    places
}
