//! The claims' and the sources' lists over a date range, from parts
//! (`publish::view_range`): for many ranges over a generated corpus, the list
//! read from the parts the manifest names (the days of the list's rows, then
//! a page at a time its rows) is the app's list of the whole corpus for that
//! range, in the same order, with the same count of undated records hidden;
//! and a range reads only the parts of the days at its ends.

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
use dossier::corpus::model::{DateSpec, Kind};
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::by_kind::{kind_key, Sought};
use dossier::publish::by_word::both;
use dossier::publish::pages::REACH;
use dossier::publish::parts::{
    inflate, read_dates, read_manifest, read_reach, read_reach_rows, read_view_actor_rows,
    read_view_directory, read_view_rows, Manifest, ReachRowsEntry, RowsEntry, Split,
    ViewActorTable,
};
use dossier::publish::view_by_actor::{self, ChosenActors};
use dossier::publish::view_range::{
    page_rows, parts_holding, placed_rows_at, rows_apart, rows_at, view_in_range, view_range_parts,
    ListDays, ViewInRange, ViewRangeParts,
};
use dossier::publish::views::{ClaimRow, SourceRow};
use dossier::publish::word_rows::{WordRowsTable, WordsApart};
use dossier::query::filter::{Facet, Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::order::ClaimOrder;
use dossier::query::url_state::PAGE_SIZE;
use worded::worded_split;

/// Record parts of 16 KiB of JSON: parts of the days of some hundred rows each.
const PART_BYTES: usize = 16 * 1024;

fn json_of(split: &Split, name: &str) -> Vec<u8> {
    let (_, stored) = split.files().find(|(f, _)| *f == name).unwrap();
    inflate(stored).unwrap()
}

/// The list of `kind` over the filter's range as the app reads it before the
/// corpus, from the parts of its days the manifest names; and those parts.
fn from_parts(
    split: &Split,
    manifest: &Manifest,
    kind: Kind,
    filter: &Filter,
) -> (ViewInRange, ViewRangeParts) {
    let list = ListDays::of(manifest, kind);
    let (window, _) = filter.window();
    let needs = view_range_parts(list, &window, filter.include_undated);
    let read: Vec<_> = (needs.read.iter())
        .map(|&at| {
            let entry = &list.days[at].rows;
            let json = json_of(split, &entry.file);
            (entry, read_dates(entry, &json, &sha256_hex(&json)).unwrap())
        })
        .collect();
    let reach: Vec<_> = (needs.reach.iter())
        .map(|&at| {
            let entry = &list.reach[at];
            let json = json_of(split, &entry.file);
            read_reach(entry, &json, &sha256_hex(&json)).unwrap()
        })
        .collect();
    let listed = view_in_range(
        list,
        &window,
        filter.include_undated,
        &needs,
        read.iter().map(|(e, d)| (*e, d.as_slice())),
        reach.iter().map(Vec::as_slice),
    );
    (listed, needs)
}

/// The ids of the rows of `listed`, a page at a time, as the app reads them:
/// those that reach from the parts of those rows that hold them; the others
/// from the parts of the list's directory that hold a page's places, then the
/// list's parts they name; each part checked against its hash.
fn listed_ids<R: Clone + serde::de::DeserializeOwned>(
    split: &Split,
    manifest: &Manifest,
    kind: Kind,
    listed: &ViewInRange,
    id: fn(&R) -> String,
) -> Vec<String> {
    let reach_rows = manifest.view_reach_rows(kind);
    listed_ids_apart(split, manifest, kind, listed, (reach_rows, None), id)
}

/// [`listed_ids`], the rows `listed` says are apart read from `reach_rows`
/// (the rows that reach, or a rare kind's), and those of rare words found
/// (`words`) from their own rows.
fn listed_ids_apart<R: Clone + serde::de::DeserializeOwned>(
    split: &Split,
    manifest: &Manifest,
    kind: Kind,
    listed: &ViewInRange,
    (reach_rows, words): (&[ReachRowsEntry], Option<&WordsApart>),
    id: fn(&R) -> String,
) -> Vec<String> {
    let directory = manifest.view_list(kind);
    let mut ids = Vec::new();
    for start in (0..listed.len()).step_by(PAGE_SIZE) {
        let places = listed.on(&(start..start + PAGE_SIZE));
        let (reaching, others) = listed.parted(places);
        let (worded, others) = WordsApart::parted_by(words, &others);
        let tables: Vec<WordRowsTable<R>> = (words.iter())
            .flat_map(|w| w.parts_for(&worded))
            .map(|entry| {
                let json = json_of(split, &entry.file);
                WordRowsTable::read(entry, &json, &sha256_hex(&json)).unwrap()
            })
            .collect();
        let tables: Vec<&WordRowsTable<R>> = tables.iter().collect();
        let worded = words.map_or(Vec::new(), |w| w.rows_at(&worded, &tables));
        let reached: Vec<Vec<(u32, R)>> = (parts_holding(reach_rows, &reaching).into_iter())
            .map(|at| {
                let entry = &reach_rows[at];
                let json = json_of(split, &entry.file);
                read_reach_rows(entry, &json, &sha256_hex(&json)).unwrap()
            })
            .collect();
        let reached = placed_rows_at(&reaching, reached.iter().map(Vec::as_slice));
        let mut parts = Vec::new();
        for at in parts_holding(directory, &others) {
            let entry = &directory[at];
            let json = json_of(split, &entry.file);
            parts.extend(read_view_directory(entry, &json, &sha256_hex(&json)).unwrap());
        }
        let read: Vec<_> = (parts_holding(&parts, &others).into_iter())
            .map(|at| {
                let entry = &parts[at];
                let json = json_of(split, &entry.file);
                let rows: Vec<R> = read_view_rows(entry, &json, &sha256_hex(&json)).unwrap();
                (entry, rows)
            })
            .collect();
        let listed_rows = rows_at(&others, read.iter().map(|(e, r)| (*e, r.as_slice())));
        let rows = page_rows(reached.into_iter().chain(worded).collect(), listed_rows);
        assert_eq!(rows.len(), places.len(), "a row missing");
        ids.extend(rows.iter().map(id));
    }
    ids
}

/// The app's list of `kind` for `filter`, from the whole corpus: the ids in
/// its order (the claims by date), and the undated it hides.
fn apps_list(index: &Index, kind: Kind, filter: &Filter) -> (Vec<String>, usize) {
    let outcome = Outcome::new(index, filter, kind);
    let listing = outcome.listing(index, kind, ClaimOrder::Date);
    let ids = (listing.items.iter())
        .map(|&i| match kind {
            Kind::Claim => index.corpus.claims[i as usize].id.clone(),
            _ => index.corpus.sources[i as usize].id.clone(),
        })
        .collect();
    (ids, outcome.undated_hidden)
}

#[test]
fn every_range_of_the_claims_and_the_sources_from_parts_is_the_apps_list() {
    let corpus = synth::generate(4000, 7);
    // The sources, fewer, in smaller parts, so that their days are in several.
    for (kind, part_bytes) in [(Kind::Claim, PART_BYTES), (Kind::Source, PART_BYTES / 4)] {
        let (split, index) = worded_split(&corpus, part_bytes);
        let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
        let days = manifest.view_days(kind);
        assert!(days.len() > 4, "{kind:?}: {} parts of days", days.len());
        let mut dice = Dice(21);
        let (mut some, mut skipped, mut whole, mut hidden, mut reaching) = (0, 0, 0, 0, 0);
        for round in 0..300 {
            let mut filter = Filter {
                from: dice.end(),
                to: dice.end(),
                include_undated: dice.below(3) == 0,
                ..Filter::default()
            };
            if round % 4 == 0 {
                filter.to = filter.from.clone();
            }
            if filter.window().0.is_open() {
                continue;
            }
            let (listed, needs) = from_parts(&split, &manifest, kind, &filter);
            let (ids, undated_hidden) = apps_list(&index, kind, &filter);
            assert_eq!(listed.len(), ids.len(), "{kind:?} {filter:?}");
            assert_eq!(listed.undated_hidden, undated_hidden, "{kind:?} {filter:?}");
            let read = match kind {
                Kind::Claim => listed_ids(&split, &manifest, kind, &listed, |r: &ClaimRow| {
                    r.id.clone()
                }),
                _ => listed_ids(&split, &manifest, kind, &listed, |r: &SourceRow| {
                    r.id.clone()
                }),
            };
            assert_eq!(read, ids, "{kind:?} {filter:?}");
            some += usize::from(!ids.is_empty());
            skipped += usize::from(needs.read.len() + needs.whole.len() < days.len());
            whole += usize::from(!needs.whole.is_empty());
            hidden += usize::from(undated_hidden > 0);
            reaching += usize::from(!listed.reach.is_empty());
        }
        // The ranges tried are not all empty, nor all alike: most skip parts,
        // many keep parts whole, unread, many list rows that reach (read
        // from their own parts).
        assert!(
            some > 150 && skipped > 100 && whole > 50 && hidden > 50 && reaching > 100,
            "{kind:?}: {some} {skipped} {whole} {hidden} {reaching}"
        );
    }
}

#[test]
fn a_range_over_many_years_reads_the_days_at_its_ends_alone() {
    let corpus = synth::generate(4000, 7);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let days = manifest.view_days(Kind::Claim);
    let filter = Filter {
        from: "1980".into(),
        to: "2020".into(),
        ..Filter::default()
    };
    let (listed, needs) = from_parts(&split, &manifest, Kind::Claim, &filter);
    assert!(listed.len() > 1000, "{}", listed.len());
    assert!(needs.read.len() <= 3, "{needs:?}");
    // The rest of the parts it meets, it holds: their rows kept unread.
    let met = needs.whole.len() + needs.read.len();
    assert!(
        needs.whole.len() * 4 > met * 3 && met * 2 > days.len(),
        "{needs:?} of {}",
        days.len()
    );
}

#[test]
fn the_days_parts_say_the_days_and_the_undated_they_hold() {
    let corpus = synth::generate(1500, 3);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    for kind in [Kind::Claim, Kind::Source] {
        let days = manifest.view_days(kind);
        // Laid end to end, the parts cover the list, row for row.
        let mut next = 0;
        let mut undated = 0;
        for part in days {
            assert_eq!(part.rows.first, next);
            next += part.rows.count;
            let json = json_of(&split, &part.rows.file);
            let read = read_dates(&part.rows, &json, &sha256_hex(&json)).unwrap();
            assert_eq!(read.iter().filter(|d| d.is_none()).count(), part.undated);
            let near = (read.iter().flatten().copied())
                .filter(|&(first, last)| last.saturating_sub(first) <= REACH)
                .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
            assert_eq!(near, part.days);
            undated += part.undated;
        }
        assert_eq!(next, manifest.totals.of(kind));
        let outcome = Outcome::new(
            &index,
            &Filter {
                from: "1988".into(),
                ..Filter::default()
            },
            kind,
        );
        assert_eq!(undated, outcome.undated_hidden, "{kind:?}");
    }
}

#[test]
fn a_part_whose_row_that_reaches_misses_the_range_is_read() {
    // The claims list begins with one dated "June 2015 or earlier" (listed
    // under June), then claims of July 2015: a range over July holds the
    // first part's other rows, but not that one, whose days are in a part of
    // the rows that reach that the range does not read.
    let mut corpus = synth::generate(600, 7);
    let when = |at: usize| match at {
        0 => "../2015-06".to_string(),
        1..=60 => format!("2015-07-{:02}", at % 28 + 1),
        _ => format!("2020-03-{:02}", at % 28 + 1),
    };
    for (at, claim) in corpus.claims.iter_mut().enumerate() {
        let date = claim.date.get_or_insert_with(|| DateSpec {
            when: String::new(),
            label: None,
            as_written: None,
            basis: "stated".into(),
            inference: None,
        });
        date.when = when(at);
    }
    assert!(corpus.claims.len() > 100, "{}", corpus.claims.len());
    let (split, index) = worded_split(&corpus, 2048);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let first = &manifest.claims_days[0];
    assert!(first.rows.count > 1 && first.rows.count < 60, "{first:?}");
    let filter = Filter {
        from: "2015-07".into(),
        to: "2015-07".into(),
        ..Filter::default()
    };
    let (listed, needs) = from_parts(&split, &manifest, Kind::Claim, &filter);
    let (ids, _) = apps_list(&index, Kind::Claim, &filter);
    assert_eq!(ids.len(), 60);
    assert_eq!(listed.len(), 60);
    let read = listed_ids(&split, &manifest, Kind::Claim, &listed, |r: &ClaimRow| {
        r.id.clone()
    });
    assert_eq!(read, ids);
    assert!(needs.read.contains(&0), "{needs:?}");
}

/// The places in the list of `kind` of the records its kinds' table keeps for
/// the kinds `filter` chooses, as the app finds them before the corpus.
fn found_in(split: &Split, manifest: &Manifest, kind: Kind, filter: &Filter) -> Vec<u32> {
    let sought = Sought::of(filter);
    let table = manifest.view_kinds(kind);
    let tables = worded::read_tables(split, table, &sought.kind_parts_in(table));
    sought.found(&[], &tables.iter().collect::<Vec<_>>())
}

#[test]
fn kinds_of_the_claims_and_the_sources_over_any_range_from_parts_are_the_apps_lists() {
    let corpus = synth::generate(4000, 7);
    for (kind, part_bytes) in [(Kind::Claim, PART_BYTES), (Kind::Source, PART_BYTES / 4)] {
        let (split, index) = worded_split(&corpus, part_bytes);
        let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
        assert!(manifest.view_kinds(kind).len() > 1, "{kind:?}");
        let mut dice = Dice(33);
        let (mut some, mut ranged, mut hidden, mut apart) = (0, 0, 0, 0);
        for round in 0..200 {
            let mut filter = Filter::default();
            dice.kinds(&mut filter);
            if round % 2 == 0 {
                filter.from = dice.end();
                filter.to = dice.end();
                filter.include_undated = dice.below(3) == 0;
            }
            let found = found_in(&split, &manifest, kind, &filter);
            let listed = match filter.window().0.is_open() {
                true => ViewInRange::of_found(found),
                false => {
                    ranged += 1;
                    let (in_range, _) = from_parts(&split, &manifest, kind, &filter);
                    let list = ListDays::of(&manifest, kind);
                    in_range.kept_to(&found, list, filter.include_undated)
                }
            };
            // A rare kind's rows are read apart, each from its own parts.
            let (listed, reach_rows) =
                match rows_apart(manifest.view_kind_rows(kind), &Sought::of(&filter)) {
                    Some(parts) => {
                        apart += 1;
                        (listed.all_apart(), parts)
                    }
                    None => (listed, manifest.view_reach_rows(kind)),
                };
            let (ids, undated_hidden) = apps_list(&index, kind, &filter);
            assert_eq!(listed.len(), ids.len(), "{kind:?} {filter:?}");
            assert_eq!(listed.undated_hidden, undated_hidden, "{kind:?} {filter:?}");
            let read = match kind {
                Kind::Claim => listed_ids_apart(
                    &split,
                    &manifest,
                    kind,
                    &listed,
                    (reach_rows, None),
                    |r: &ClaimRow| r.id.clone(),
                ),
                _ => listed_ids_apart(
                    &split,
                    &manifest,
                    kind,
                    &listed,
                    (reach_rows, None),
                    |r: &SourceRow| r.id.clone(),
                ),
            };
            assert_eq!(read, ids, "{kind:?} {filter:?}");
            some += usize::from(ids.len() > 50);
            hidden += usize::from(undated_hidden > 0);
        }
        // Many read a rare kind's rows apart.
        assert!(
            some > 40 && ranged > 60 && hidden > 10 && apart > 10,
            "{kind:?}: {some} {ranged} {hidden} {apart}"
        );
        // Each kind's count for no filter, from the manifest, is the filter panel's.
        let outcome = Outcome::new(&index, &Filter::default(), kind);
        for facet in Facet::TERMS {
            for value in facet.vocab().unwrap().values() {
                let count = manifest.kind_count_of(kind, &kind_key(facet, value));
                assert_eq!(
                    count.unwrap_or(0),
                    outcome.term_count(facet, value),
                    "{value}"
                );
            }
        }
    }
}

/// The actors `filter` chooses as the view of `kind`'s table of lists by
/// actor lists them, from the parts of it they need, read and checked; and
/// how many parts those were.
fn chosen_in(
    split: &Split,
    manifest: &Manifest,
    kind: Kind,
    filter: &Filter,
) -> (ChosenActors, usize) {
    let table = manifest.view_by_actor(kind);
    let needs = view_by_actor::table_parts(manifest, kind, &filter.actors);
    let read: Vec<ViewActorTable> = (needs.iter())
        .map(|&at| {
            let json = json_of(split, &table[at].file);
            ViewActorTable::read(&table[at], &json, &sha256_hex(&json)).unwrap()
        })
        .collect();
    let tables: Vec<&ViewActorTable> = read.iter().collect();
    (ChosenActors::of(&filter.actors, &tables), needs.len())
}

/// The ids of the rows of `listed`, a page at a time, read from the parts of
/// the chosen actors' rows that hold them, each checked against its hash;
/// and the most parts a page read.
fn actor_rows_ids<R: Clone + serde::de::DeserializeOwned>(
    split: &Split,
    chosen: &ChosenActors,
    listed: &ViewInRange,
    id: fn(&R) -> String,
) -> (Vec<String>, usize) {
    let (mut ids, mut most) = (Vec::new(), 0);
    for start in (0..listed.len()).step_by(PAGE_SIZE) {
        let places = listed.on(&(start..start + PAGE_SIZE));
        let parts = chosen.parts_for(places);
        most = most.max(parts.len());
        let read: Vec<(&RowsEntry, Vec<(u32, R)>)> = (parts.iter())
            .map(|entry| {
                let json = json_of(split, &entry.file);
                (
                    entry,
                    read_view_actor_rows(entry, &json, &sha256_hex(&json)).unwrap(),
                )
            })
            .collect();
        let rows = chosen.rows_at(places, read.iter().map(|(e, r)| (*e, r.as_slice())));
        assert_eq!(rows.len(), places.len(), "a row missing");
        ids.extend(rows.iter().map(|(_, r)| id(r)));
    }
    (ids, most)
}

#[test]
fn actors_on_the_claims_and_the_sources_with_any_range_and_kinds_from_parts_are_the_apps_lists() {
    let corpus = synth::generate(4000, 7);
    for (kind, part_bytes) in [(Kind::Claim, PART_BYTES), (Kind::Source, PART_BYTES / 4)] {
        let (split, index) = worded_split(&corpus, part_bytes);
        let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
        assert!(manifest.view_by_actor(kind).len() > 2, "{kind:?}");
        // Actors chosen among those that keep something, busiest first (half
        // the rounds choose among the ten busiest), and now and then none.
        let mut kept: Vec<(usize, String)> = (index.corpus.actors.iter())
            .map(|a| {
                let filter = Filter {
                    actors: vec![a.id.clone()],
                    ..Filter::default()
                };
                (apps_list(&index, kind, &filter).0.len(), a.id.clone())
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        kept.sort_by_key(|k| std::cmp::Reverse(k.0));
        assert!(
            kept.len() > 20 && kept[0].0 > PAGE_SIZE,
            "{kind:?}: {:?}",
            &kept[..3]
        );
        let mut dice = Dice(57);
        let (mut some, mut pages, mut ranged, mut kinded, mut together) = (0, 0, 0, 0, 0);
        for round in 0..200 {
            let mut filter = Filter::default();
            for _ in 0..1 + usize::from(round % 3 == 0) {
                let among = if round % 2 == 0 { 10 } else { kept.len() };
                filter
                    .actors
                    .push(kept[dice.below(among as u64) as usize].1.clone());
            }
            if round % 17 == 0 {
                filter.actors.push("act-nobody".into());
            }
            if round % 4 == 1 {
                dice.kinds(&mut filter);
                kinded += 1;
            }
            if round % 3 == 2 {
                filter.from = dice.end();
                filter.to = dice.end();
                filter.include_undated = dice.below(3) == 0;
            }
            let (chosen, table_parts) = chosen_in(&split, &manifest, kind, &filter);
            assert!(table_parts <= filter.actors.len(), "{filter:?}");
            let mut found = chosen.found();
            if !Sought::of(&filter).kinds.is_empty() {
                found = both(&found, &found_in(&split, &manifest, kind, &filter));
            }
            let list = ListDays::of(&manifest, kind);
            let listed = match filter.window().0.is_open() {
                true => ViewInRange::of_found(found),
                false => {
                    ranged += 1;
                    let (in_range, _) = from_parts(&split, &manifest, kind, &filter);
                    in_range.kept_to(&found, list, filter.include_undated)
                }
            };
            let (ids, undated_hidden) = apps_list(&index, kind, &filter);
            assert_eq!(listed.len(), ids.len(), "{kind:?} {filter:?}");
            assert_eq!(listed.undated_hidden, undated_hidden, "{kind:?} {filter:?}");
            let (read, most) = match kind {
                Kind::Claim => {
                    actor_rows_ids(&split, &chosen, &listed, |r: &ClaimRow| r.id.clone())
                }
                _ => actor_rows_ids(&split, &chosen, &listed, |r: &SourceRow| r.id.clone()),
            };
            assert_eq!(read, ids, "{kind:?} {filter:?}");
            // A page of one actor's list alone is in one part of its rows.
            let alone = Sought::of(&filter).is_empty() && filter.window().0.is_open();
            if filter.actors.len() == 1 && alone {
                assert!(most <= 1, "{filter:?}: {most} parts");
            }
            some += usize::from(ids.len() > 5);
            pages += usize::from(ids.len() > PAGE_SIZE);
            together += usize::from(chosen.names().count() > 1);
        }
        assert!(
            some > 60 && pages > 5 && ranged > 40 && kinded > 40 && together > 30,
            "{kind:?}: {some} {pages} {ranged} {kinded} {together}"
        );
    }
}

#[test]
fn words_on_the_claims_and_the_sources_with_kinds_actors_and_ranges_from_parts_are_the_apps_lists()
{
    let corpus = synth::generate(4000, 7);
    for (kind, part_bytes) in [(Kind::Claim, PART_BYTES), (Kind::Source, PART_BYTES / 4)] {
        let (split, index) = worded_split(&corpus, part_bytes);
        // The app's search needs its text index.
        let index = Index::new(index.corpus);
        let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
        let table = manifest.view_words(kind);
        assert!(table.len() > 2, "{kind:?}: {} parts of words", table.len());
        let texts: Vec<&str> = match kind {
            Kind::Claim => index
                .corpus
                .claims
                .iter()
                .map(|c| c.quote.as_str())
                .collect(),
            _ => index
                .corpus
                .sources
                .iter()
                .map(|s| s.title.as_str())
                .collect(),
        };
        let mut dice = Dice(71);
        let (mut some, mut pages, mut none, mut with) = (0, 0, 0, 0);
        let mut worded_apart = 0;
        for round in 0..200 {
            // The beginning of a word of a record's text, as a reader types it;
            // now and then two, or a word no record has.
            let mut word = || {
                let text = texts[dice.below(texts.len() as u64) as usize];
                let words: Vec<&str> = (text.split(|c: char| !c.is_alphabetic()))
                    .filter(|w| w.chars().count() > 3)
                    .collect();
                let word = words.get(dice.below(words.len() as u64) as usize).copied();
                let keep = 2 + dice.below(6) as usize;
                word.unwrap_or("zzzq")
                    .chars()
                    .take(keep)
                    .collect::<String>()
            };
            let mut filter = Filter {
                text: word(),
                ..Filter::default()
            };
            if round % 4 == 0 {
                filter.text = format!("{} {}", filter.text, word());
            }
            if round % 23 == 0 {
                filter.text = "zzzqx".into();
            }
            if round % 5 == 1 {
                dice.kinds(&mut filter);
            }
            if round % 5 == 2 {
                let actor = &index.corpus.actors[dice.below(40) as usize];
                filter.actors.push(actor.id.clone());
            }
            if round % 3 == 2 {
                filter.from = dice.end();
                filter.to = dice.end();
                filter.include_undated = dice.below(3) == 0;
            }
            let sought = Sought::of(&filter);
            let words = worded::read_tables(&split, table, &sought.word_parts_in(table));
            let kinds_table = manifest.view_kinds(kind);
            let kinds =
                worded::read_tables(&split, kinds_table, &sought.kind_parts_in(kinds_table));
            let mut found = sought.found(
                &words.iter().collect::<Vec<_>>(),
                &kinds.iter().collect::<Vec<_>>(),
            );
            let (chosen, _) = chosen_in(&split, &manifest, kind, &filter);
            if !filter.actors.is_empty() {
                found = both(&found, &chosen.found());
            }
            let list = ListDays::of(&manifest, kind);
            let listed = match filter.window().0.is_open() {
                true => ViewInRange::of_found(found),
                false => {
                    let (in_range, _) = from_parts(&split, &manifest, kind, &filter);
                    in_range.kept_to(&found, list, filter.include_undated)
                }
            };
            let (ids, undated_hidden) = apps_list(&index, kind, &filter);
            assert_eq!(listed.len(), ids.len(), "{kind:?} {filter:?}");
            assert_eq!(listed.undated_hidden, undated_hidden, "{kind:?} {filter:?}");
            let rare = rows_apart(manifest.view_kind_rows(kind), &sought);
            // Rare words' first rows are read apart where no rare kind's are.
            let words_apart = (manifest.view_word_rows(kind))
                .filter(|_| rare.is_none())
                .map(|rows| WordsApart::of(&sought.words, &words.iter().collect::<Vec<_>>(), rows))
                .map(|apart| worded::knowing_directory(&split, apart));
            let first_page = listed.on(&(0..PAGE_SIZE));
            let apart_on_first = (words_apart.iter())
                .map(|w| w.parted(&listed.parted(first_page).1).0.len())
                .sum::<usize>();
            worded_apart += usize::from(filter.actors.is_empty() && apart_on_first > 0);
            let read = match (kind, filter.actors.is_empty(), rare) {
                (Kind::Claim, false, _) => {
                    actor_rows_ids(&split, &chosen, &listed, |r: &ClaimRow| r.id.clone()).0
                }
                (_, false, _) => {
                    actor_rows_ids(&split, &chosen, &listed, |r: &SourceRow| r.id.clone()).0
                }
                (Kind::Claim, true, rare) => listed_ids_apart(
                    &split,
                    &manifest,
                    kind,
                    &rare.map_or(listed.clone(), |_| listed.clone().all_apart()),
                    (
                        rare.unwrap_or(manifest.view_reach_rows(kind)),
                        words_apart.as_ref(),
                    ),
                    |r: &ClaimRow| r.id.clone(),
                ),
                (_, true, rare) => listed_ids_apart(
                    &split,
                    &manifest,
                    kind,
                    &rare.map_or(listed.clone(), |_| listed.clone().all_apart()),
                    (
                        rare.unwrap_or(manifest.view_reach_rows(kind)),
                        words_apart.as_ref(),
                    ),
                    |r: &SourceRow| r.id.clone(),
                ),
            };
            assert_eq!(read, ids, "{kind:?} {filter:?}");
            some += usize::from(ids.len() > 5);
            pages += usize::from(ids.len() > PAGE_SIZE);
            none += usize::from(ids.is_empty());
            with += usize::from(!ids.is_empty() && !Sought::of(&filter).kinds.is_empty());
        }
        // Some first pages read rare words' rows apart.
        assert!(
            some > 60 && pages > 20 && none > 10 && with > 5 && worded_apart > 5,
            "{kind:?}: {some} {pages} {none} {with} {worded_apart}"
        );
    }
}
