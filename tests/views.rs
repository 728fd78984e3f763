//! The claims' and the sources' lists in pages (`publish::views`), read back from
//! their parts as the app reads them: every page of each, found through the
//! manifest and checked against its hash, shows the records the app's own list
//! shows on that page of the whole corpus, in the same order, under the same
//! years, each claim with its quote, its source and who made it as the app says it.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/worded.rs"]
mod worded;

use dossier::corpus::model::Kind;
use dossier::corpus::sha256::sha256_hex;
use dossier::i18n::Lang;
use dossier::publish::parts::{
    inflate, part_holding, read_claims_charts, read_manifest, read_view_directory, read_view_rows,
    split, Manifest, PartsError, RowsEntry, Split, ViewEntry,
};
use dossier::publish::views::{heading_goes_on, ActorListRow, ChartMatrix, ClaimRow, SourceRow};
use dossier::query::charts::{death_tolls, who_said_what_in, CLAIMANTS_SHOWN, TOLLS_SHOWN};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::order::ClaimOrder;
use dossier::query::timeline::{extent, shown_over, TimelineCounts};
use dossier::query::url_state::{Page, PAGE_SIZE};
use worded::worded_split;

/// Record parts of 128 KiB of JSON: list parts of 64 KiB, a few pages each.
const PART_BYTES: usize = 128 * 1024;

/// The JSON of the part `file`, as the app has it once inflated.
fn json_of(split: &Split, file: &str) -> Vec<u8> {
    let (_, stored) = split.files().find(|(f, _)| *f == file).unwrap();
    inflate(stored).unwrap()
}

/// The entries of the list's parts in the part of its directory that holds the
/// row at `place`, read and checked, as the app finds them from the manifest.
fn directory_at(split: &Split, directory: &[RowsEntry], place: usize) -> Vec<ViewEntry> {
    let entry = &directory[part_holding(directory, place).unwrap()];
    let json = json_of(split, &entry.file);
    read_view_directory(entry, &json, &sha256_hex(&json)).unwrap()
}

/// Page `number` of a view's list in pages, as the app finds it: the part that
/// holds the page's first row, read and checked by `read`.
fn page_from_parts<T: Clone>(
    split: &Split,
    parts: &[RowsEntry],
    number: usize,
    read: impl Fn(&ViewEntry, &[u8], &str) -> Result<Vec<T>, PartsError>,
) -> Vec<T> {
    page_in_part(split, parts, number, read).0
}

/// Page `number`'s rows as `page_from_parts` gives them (the list's part named
/// by the part of its directory `directory` names), with the rows of the part
/// that holds it, where they begin in it, and its entry.
fn page_in_part<T: Clone>(
    split: &Split,
    directory: &[RowsEntry],
    number: usize,
    read: impl Fn(&ViewEntry, &[u8], &str) -> Result<Vec<T>, PartsError>,
) -> (Vec<T>, Vec<T>, usize, ViewEntry) {
    let first = (number - 1) * PAGE_SIZE;
    let parts = directory_at(split, directory, first);
    let entry = parts[part_holding(&parts, first).unwrap()].clone();
    let json = json_of(split, &entry.file);
    let rows = read(&entry, &json, &sha256_hex(&json)).unwrap();
    let from = first - entry.first;
    let page = rows[from..(from + PAGE_SIZE).min(rows.len())].to_vec();
    (page, rows, from, entry)
}

/// Every entry of a view's list's parts, from every part of its directory.
fn every_part(split: &Split, directory: &[RowsEntry]) -> Vec<ViewEntry> {
    (directory.iter())
        .flat_map(|d| directory_at(split, directory, d.first))
        .collect()
}

/// Page `number` of the list of `kind` an address with no filter shows, from
/// the whole corpus, as the app's list works it out.
fn page_of_whole(index: &Index, kind: Kind, number: usize) -> Vec<usize> {
    let outcome = Outcome::new(index, &Filter::default(), kind);
    let items = outcome.listing(index, kind, ClaimOrder::Date).items;
    let page = Page::of(items.len(), number, PAGE_SIZE);
    items[page.range].iter().map(|&i| i as usize).collect()
}

fn manifest_of(split: &Split) -> Manifest {
    read_manifest(split.manifest_json().as_bytes()).unwrap()
}

#[test]
fn every_page_of_claims_from_parts_is_the_apps_page_of_the_whole_corpus() {
    let corpus = synth::generate(4000, 7);
    // Parts of a page or two, so that the directory of the list's parts is in a few.
    let (split, index) = worded_split(&corpus, PART_BYTES / 4);
    let manifest = manifest_of(&split);
    let claims = index.claims.len();
    let parts = manifest.view_list(Kind::Claim);
    assert!(
        parts.len() > 1,
        "a directory of a few parts: {}",
        parts.len()
    );
    assert!(every_part(&split, parts).len() > 2 * parts.len());
    assert_eq!(manifest.view_total(Kind::Claim), claims);
    let pages = claims.div_ceil(PAGE_SIZE);
    let year_of = |c: usize| index.claims[c].span.map(|s| s.year());
    let mut went_on = 0;
    for number in 1..=pages {
        let (rows, part, from, entry) =
            page_in_part(&split, parts, number, read_view_rows::<ClaimRow>);
        let whole = page_of_whole(&index, Kind::Claim, number);
        assert_eq!(rows.len(), whole.len(), "page {number}");
        // Its first heading goes on from the page before where the app's does.
        let before = page_of_whole(&index, Kind::Claim, number.max(2) - 1);
        let app_goes_on =
            number > 1 && before.last().map(|&c| year_of(c)) == Some(year_of(whole[0]));
        let goes_on = heading_goes_on(&part, from, entry.continues);
        assert_eq!(goes_on, app_goes_on, "page {number}");
        went_on += usize::from(goes_on && from == 0);
        for (row, &c) in rows.iter().zip(&whole) {
            let claim = &index.corpus.claims[c];
            assert_eq!(row.id, claim.id, "page {number}");
            // Under the year the app's list puts it.
            assert_eq!(row.year(), index.claims[c].span.map(|s| s.year()));
            assert_eq!(
                (&row.quote, &row.paraphrase),
                (&claim.quote, &claim.paraphrase)
            );
            assert_eq!(row.reported_in.id(), claim.reported_in);
            assert_eq!(
                row.reported_in.name(),
                index.source(&claim.reported_in).map(|s| s.title.as_str())
            );
            assert_eq!(
                row.toll.as_deref(),
                claim.death_toll.as_ref().map(|t| t.as_written.as_str())
            );
            // Who made it, said as the app says it in each language.
            for lang in Lang::ALL {
                let words = &lang.strings().speaker;
                assert_eq!(
                    row.speaker(words),
                    index.speaker_in(claim, words),
                    "{}",
                    claim.id
                );
            }
        }
    }
    assert!(went_on > 0, "a year that goes on across parts");
}

#[test]
fn every_page_of_sources_from_parts_is_the_apps_page_of_the_whole_corpus() {
    let corpus = synth::generate(4000, 8);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = manifest_of(&split);
    let parts = manifest.view_list(Kind::Source);
    let sources = index.sources.len();
    assert!(every_part(&split, parts).len() > 1, "parts of a few pages");
    assert_eq!(manifest.view_total(Kind::Source), sources);
    for number in 1..=sources.div_ceil(PAGE_SIZE) {
        let rows: Vec<SourceRow> =
            page_from_parts(&split, parts, number, read_view_rows::<SourceRow>);
        let whole = page_of_whole(&index, Kind::Source, number);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let expected: Vec<&str> = (whole.iter())
            .map(|&s| index.corpus.sources[s].id.as_str())
            .collect();
        assert_eq!(ids, expected, "page {number}");
        for (row, &s) in rows.iter().zip(&whole) {
            let related = &index.sources[s].related;
            assert_eq!(
                (row.events, row.claims),
                (related.events.len(), related.claims.len())
            );
            let publisher = index.corpus.sources[s].publisher.as_deref();
            assert_eq!(row.publisher.as_ref().map(|p| p.id()), publisher);
        }
    }
}

#[test]
fn a_claimant_or_source_the_corpus_lacks_is_named_by_its_id_alone() {
    let mut corpus = synth::generate(600, 3);
    let claim = &mut corpus.claims[0];
    claim.claimant = Some("act-nobody".into());
    claim.voice = "attributed".into();
    let id = claim.id.clone();
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = manifest_of(&split);
    let parts = manifest.view_list(Kind::Claim);
    let rows: Vec<ClaimRow> = (1..=index.claims.len().div_ceil(PAGE_SIZE))
        .flat_map(|n| page_from_parts(&split, parts, n, read_view_rows::<ClaimRow>))
        .collect();
    let row = rows.iter().find(|r| r.id == id).unwrap();
    let claimant = row.claimant.as_ref().unwrap();
    assert_eq!((claimant.id(), claimant.name()), ("act-nobody", None));
}

#[test]
fn parts_hold_whole_pages_and_a_damaged_one_is_named() {
    let corpus = synth::generate(2000, 5);
    let (split, _) = worded_split(&corpus, PART_BYTES);
    let manifest = manifest_of(&split);
    for kind in [Kind::Claim, Kind::Source] {
        let parts = every_part(&split, manifest.view_list(kind));
        let mut next = 0;
        for part in &parts {
            assert_eq!(part.first, next, "in order, end to end");
            assert_eq!(part.first % PAGE_SIZE, 0, "a page is in one part");
            next += part.count;
        }
        assert_eq!(part_holding(&parts, next), None, "nothing past the list");
        assert_eq!(part_holding(manifest.view_list(kind), next), None);
    }
    let entry = &every_part(&split, &manifest.claims_list)[0];
    let json = json_of(&split, &entry.file);
    let mut damaged = json.clone();
    damaged[10] ^= 1;
    assert_eq!(
        read_view_rows::<ClaimRow>(entry, &damaged, &sha256_hex(&damaged)),
        Err(PartsError::HashMismatch {
            file: entry.file.clone()
        })
    );
    let mut short = entry.clone();
    short.count -= 1;
    assert_eq!(
        read_view_rows::<ClaimRow>(&short, &json, &entry.sha256),
        Err(PartsError::WrongRecords {
            file: entry.file.clone()
        })
    );
    // A sources' part is not read as claims.
    let sources = &every_part(&split, &manifest.sources_list)[0];
    let json = json_of(&split, &sources.file);
    assert!(read_view_rows::<ClaimRow>(sources, &json, &sha256_hex(&json)).is_err());
    // A part of the directory damaged, or holding other parts than it says, is named.
    let directory = &manifest.claims_list[0];
    let json = json_of(&split, &directory.file);
    let mut damaged = json.clone();
    damaged[5] ^= 1;
    assert_eq!(
        read_view_directory(directory, &damaged, &sha256_hex(&damaged)),
        Err(PartsError::HashMismatch {
            file: directory.file.clone()
        })
    );
    let mut longer = directory.clone();
    longer.count += 1;
    assert_eq!(
        read_view_directory(&longer, &json, &directory.sha256),
        Err(PartsError::WrongRecords {
            file: directory.file.clone()
        })
    );
}

#[test]
fn the_same_corpus_gives_the_same_lists_and_a_plain_split_has_none() {
    let corpus = synth::generate(1000, 2);
    let (a, _) = worded_split(&corpus, PART_BYTES);
    let (b, _) = worded_split(&corpus, PART_BYTES);
    assert_eq!(a.claims_list, b.claims_list);
    assert_eq!(a.sources_list, b.sources_list);
    assert!(a.claims_list.iter().all(|(f, _)| f.starts_with("c-")));
    assert!(a.sources_list.iter().all(|(f, _)| f.starts_with("o-")));
    assert_eq!(a.view_directories, b.view_directories);
    assert!(a.view_directories.iter().all(|(f, _)| f.starts_with("v-")));
    let plain = split(&corpus, "0123", PART_BYTES);
    assert!(plain.manifest.claims_list.is_empty() && plain.sources_list.is_empty());
}

#[test]
fn the_claims_charts_read_from_their_part_are_the_apps_for_no_filter() {
    let corpus = synth::generate(4000, 9);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let manifest = manifest_of(&split);
    let entry = manifest.claims_charts.as_ref().unwrap();
    let json = json_of(&split, &entry.file);
    let charts = read_claims_charts(entry, &json, &sha256_hex(&json)).unwrap();
    let outcome = Outcome::new(&index, &Filter::default(), Kind::Claim);
    let (tolls, total) = death_tolls(&index, &outcome, TOLLS_SHOWN);
    assert!(
        total > TOLLS_SHOWN,
        "more tolls than the table shows: {total}"
    );
    assert_eq!(charts.tolls_total, total);
    let ids: Vec<&str> = charts.tolls.iter().map(|r| r.id.as_str()).collect();
    let expected: Vec<&str> = (tolls.iter())
        .map(|&c| index.corpus.claims[c].id.as_str())
        .collect();
    assert_eq!(ids, expected);
    for (lang, matrix) in Lang::ALL.iter().zip(&charts.matrices) {
        let words = &lang.strings().speaker;
        let whole = who_said_what_in(&index, &outcome, CLAIMANTS_SHOWN, words);
        assert!(!whole.rows.is_empty());
        assert_eq!(*matrix, ChartMatrix::of(&index, &whole));
    }
    assert_eq!(charts.matrices.len(), Lang::ALL.len());
    // Damaged, they are named.
    let mut damaged = json.clone();
    damaged[3] ^= 1;
    assert_eq!(
        read_claims_charts(entry, &damaged, &sha256_hex(&damaged)),
        Err(PartsError::HashMismatch {
            file: entry.file.clone()
        })
    );
}

#[test]
fn every_page_of_institutions_and_people_from_parts_is_the_apps_page() {
    let corpus = synth::generate(4000, 6);
    // Parts of a page or two, so that a kind goes on across parts.
    let (split, index) = worded_split(&corpus, PART_BYTES / 4);
    let manifest = manifest_of(&split);
    let parts = manifest.view_list(Kind::Actor);
    let actors = index.actors.len();
    assert!(every_part(&split, parts).len() > 2, "parts of a few pages");
    assert_eq!(manifest.view_total(Kind::Actor), actors);
    for number in 1..=actors.div_ceil(PAGE_SIZE) {
        let rows: Vec<ActorListRow> =
            page_from_parts(&split, parts, number, read_view_rows::<ActorListRow>);
        let whole = page_of_whole(&index, Kind::Actor, number);
        assert_eq!(rows.len(), whole.len(), "page {number}");
        for (row, &a) in rows.iter().zip(&whole) {
            let (actor, related) = (&index.corpus.actors[a], &index.actors[a].related);
            assert_eq!(
                (&row.id, &row.kind, &row.name),
                (&actor.id, &actor.kind, &actor.name)
            );
            let counts = (
                related.events.len(),
                related.claims.len(),
                related.sources.len(),
            );
            assert_eq!(
                (row.events, row.claims, row.sources),
                counts,
                "{}",
                actor.id
            );
        }
    }
}

#[test]
fn the_timelines_in_the_manifest_are_the_apps_for_no_filter_and_a_date_range() {
    let corpus = synth::generate(4000, 9);
    let (parts, index) = worded_split(&corpus, PART_BYTES);
    let manifest = manifest_of(&parts);
    // As the app counts them once the corpus is in: what every filter but the
    // date keeps, over the kind's whole span, unzoomed.
    let apps = |kind: Kind, filter: &Filter| {
        let outcome = Outcome::new(&index, filter, kind);
        let window = extent(&index, kind).unwrap();
        shown_over(&index, &outcome.kept_but_date, kind, &window)
    };
    let range = Filter {
        from: "1990".into(),
        to: "2001-06".into(),
        ..Filter::default()
    };
    for kind in [Kind::Event, Kind::Claim, Kind::Source] {
        let counts = manifest.timelines.of(kind).unwrap();
        let timeline = counts.timeline();
        assert!(timeline.buckets.len() > 10, "{kind:?}: {timeline:?}");
        assert!(
            (timeline.buckets.iter()).any(|b| b.spread > 0) && timeline.undated > 0,
            "{kind:?}: some records spread, some undated"
        );
        assert_eq!(timeline, apps(kind, &Filter::default()), "{kind:?}");
        assert_eq!(timeline, apps(kind, &range), "{kind:?} over a range");
        // Written whole, with the span zooming out stops at, as the app's.
        let extent = extent(&index, kind);
        assert_eq!(
            TimelineCounts {
                extent,
                ..TimelineCounts::of(&timeline)
            },
            *counts
        );
    }
    // Other filters count other records: the timeline in pages is not shown for them.
    let tagged = Filter {
        tags: vec![corpus.events[0].tags[0].clone()],
        ..Filter::default()
    };
    assert_ne!(
        manifest.timelines.of(Kind::Event).unwrap().timeline(),
        apps(Kind::Event, &tagged)
    );
    assert!(manifest.timelines.of(Kind::Actor).is_none());
    // Written in the manifest, whatever the corpus's size: at most 60 periods each.
    let json = serde_json::to_string(&manifest.timelines).unwrap();
    assert!(json.len() < 3 * 60 * 40, "{} bytes", json.len());
    // A corpus cut without the lists has none.
    assert!(split(&corpus, "0123", PART_BYTES)
        .manifest
        .timelines
        .is_empty());
}
