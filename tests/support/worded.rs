//! A corpus cut as the build cuts it (`split-corpus`): its record parts, with
//! each record's first look, the default list's pages, the actors' lists and the words a search finds and the kinds' values. Shared by the tests of
//! the first looks and of the pages, included by path.

use dossier::corpus::model::Corpus;
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::by_kind::Sought;
use dossier::publish::glance::looks;
use dossier::publish::lists::Lists;
use dossier::publish::parts::{inflate, split_worded, Manifest, PlaceTable, Split};
use dossier::query::index::Index;

/// `corpus` cut into parts of about `part_bytes`, and the index the build words them from.
pub fn worded_split(corpus: &Corpus, part_bytes: usize) -> (Split, Index) {
    let index = Index::without_text(corpus.clone());
    let looks = |kind, idx| looks(&index, kind, idx);
    let lists = Lists::of(&index);
    let worded = lists.worded(&looks);
    let split = split_worded(&index.corpus, "0123", part_bytes, Some(worded));
    (split, index)
}

/// The places in the default list of the events `filter` finds (its words and
/// kinds), as the app finds them before the corpus, from the parts of the
/// words' and the kinds' tables they need, read and checked; and how many
/// parts of each table that took.
#[allow(dead_code)]
pub fn found(
    split: &Split,
    manifest: &Manifest,
    filter: &dossier::query::filter::Filter,
) -> (Vec<u32>, usize, usize) {
    let sought = Sought::of(filter);
    let read = |entries: &[dossier::publish::parts::TableEntry], needs: &[usize]| {
        read_tables(split, entries, needs)
    };
    let (word_needs, kind_needs) = (sought.word_parts(manifest), sought.kind_parts(manifest));
    let words = read(&manifest.words, &word_needs);
    let kinds = read(&manifest.kinds, &kind_needs);
    let places = sought.found(
        &words.iter().collect::<Vec<_>>(),
        &kinds.iter().collect::<Vec<_>>(),
    );
    (places, word_needs.len(), kind_needs.len())
}

/// The parts `needs` of a table of places (`entries`, the manifest's), read and checked.
#[allow(dead_code)]
pub fn read_tables(
    split: &Split,
    entries: &[dossier::publish::parts::TableEntry],
    needs: &[usize],
) -> Vec<PlaceTable> {
    (needs.iter())
        .map(|&at| {
            let entry = &entries[at];
            let (_, stored) = split.files().find(|(f, _)| *f == entry.file).unwrap();
            let json = inflate(stored).unwrap();
            PlaceTable::read(entry, &json, &sha256_hex(&json)).unwrap()
        })
        .collect()
}

/// The places of the events the search `text` finds, as [`found`] does.
#[allow(dead_code)]
pub fn found_words(split: &Split, manifest: &Manifest, text: &str) -> (Vec<u32>, usize) {
    let filter = dossier::query::filter::Filter {
        text: text.to_string(),
        ..Default::default()
    };
    let (places, words, _) = found(split, manifest, &filter);
    (places, words)
}

/// The app's events list for `filter`, from the whole corpus: the ids in its
/// order, where the less precisely dated begin, and the undated it hides.
#[allow(dead_code)]
pub fn apps_list(
    index: &Index,
    filter: &dossier::query::filter::Filter,
) -> (Vec<String>, usize, usize) {
    use dossier::corpus::model::Kind;
    let outcome = dossier::query::filter::Outcome::new(index, filter, Kind::Event);
    let listing = outcome.listing(index, Kind::Event, dossier::query::order::ClaimOrder::Date);
    let ids = (listing.items.iter())
        .map(|&e| index.corpus.events[e as usize].id.clone())
        .collect();
    (ids, listing.loose_from, outcome.undated_hidden)
}

/// The parts of the days of the default list's rows and of its rows that
/// reach which `needs` names, read and checked: each part of the days with its
/// entry, then the days of the rows that reach.
#[allow(dead_code, clippy::type_complexity)]
pub fn read_range_parts<'m>(
    split: &Split,
    manifest: &'m Manifest,
    needs: &dossier::publish::range::RangeParts,
) -> (
    Vec<(
        &'m dossier::publish::parts::RowsEntry,
        Vec<dossier::publish::range::Days>,
    )>,
    Vec<Vec<dossier::publish::pages::PlacedDays>>,
) {
    use dossier::publish::parts::{read_dates, read_reach};
    let json_of = |file: &str| {
        let (_, stored) = split.files().find(|(f, _)| *f == file).unwrap();
        inflate(stored).unwrap()
    };
    let dates = (needs.dates.iter())
        .map(|&at| {
            let entry = &manifest.dates[at];
            let json = json_of(&entry.file);
            (entry, read_dates(entry, &json, &sha256_hex(&json)).unwrap())
        })
        .collect();
    let reach = (needs.reach.iter())
        .map(|&at| {
            let entry = &manifest.reach[at];
            let json = json_of(&entry.file);
            read_reach(entry, &json, &sha256_hex(&json)).unwrap()
        })
        .collect();
    (dates, reach)
}

/// The ids of every event `listed` keeps, in its order, read a page at a time
/// as the app reads them: the rows it read, and the default list's parts that
/// hold the others (`InRange::parts_for`), each checked against its hash.
#[allow(dead_code)]
pub fn listed_ids(
    split: &Split,
    manifest: &Manifest,
    listed: &dossier::publish::range::InRange,
) -> Vec<String> {
    use dossier::publish::parts::read_list;
    use dossier::query::url_state::PAGE_SIZE;
    let mut ids = Vec::new();
    for start in (0..listed.len()).step_by(PAGE_SIZE) {
        let page = start..start + PAGE_SIZE;
        let parts: Vec<_> = (listed.parts_for(manifest, &page).into_iter())
            .map(|at| {
                let entry = &manifest.list[at];
                let (_, stored) = split.files().find(|(f, _)| *f == entry.file).unwrap();
                let json = inflate(stored).unwrap();
                (entry, read_list(entry, &json, &sha256_hex(&json)).unwrap())
            })
            .collect();
        let rows = listed.rows_at(&page, parts.iter().map(|(e, r)| (*e, r.as_slice())));
        assert_eq!(
            rows.len(),
            page.end.min(listed.len()) - start,
            "a row missing"
        );
        ids.extend(rows.iter().map(|r| r.id().to_string()));
    }
    ids
}

/// `apart` knowing every part of its rows' directory it names, read from
/// `split` and checked, as the app reads them before any row apart.
#[allow(dead_code)]
pub fn knowing_directory(
    split: &Split,
    apart: dossier::publish::word_rows::WordsApart,
) -> dossier::publish::word_rows::WordsApart {
    let read: Vec<_> = (apart.directory_parts().into_iter())
        .map(|entry| {
            let (_, stored) = split.files().find(|(f, _)| *f == entry.file).unwrap();
            let json = inflate(stored).unwrap();
            let parts =
                dossier::publish::parts::read_word_rows_directory(entry, &json, &sha256_hex(&json));
            (entry.clone(), parts.unwrap())
        })
        .collect();
    apart.knowing(read.iter().map(|(entry, parts)| (entry, parts.clone())))
}
