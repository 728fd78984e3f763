//! A record's first look, read back as the page's script reads it: for every record
//! of a generated corpus and of the shipped one, the manifest leads to the part that
//! lists its id, and the look there is the record's own kind, heading and source, in
//! each language; the same corpus always gives the same files.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/worded.rs"]
mod worded;

use dossier::corpus::load;
use dossier::corpus::model::{Corpus, Kind};
use dossier::corpus::sha256::sha256_hex;
use dossier::i18n::Lang;
use dossier::publish::glance::{frames, glance, FirstLook};
use dossier::publish::parts::{
    inflate, read_manifest, Directory, PartsError, Split, Table, TableEntry, DIRECTORY_SHARE,
};
use dossier::query::index::{Index, KINDS};
use worded::worded_split;

const PART_BYTES: usize = 64 * 1024;

/// A corpus cut into parts, with its records' first looks.
fn split_with_glances(corpus: &Corpus) -> (Split, Index) {
    worded_split(corpus, PART_BYTES)
}

/// A file of the split, inflated.
fn file(split: &Split, name: &str) -> Vec<u8> {
    let (_, stored) = split.files().find(|(f, _)| f == name).unwrap();
    inflate(stored).unwrap()
}

/// The first looks' parts that the directory lists, as the page's script finds them.
fn glance_parts(split: &Split) -> Vec<TableEntry> {
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let mut all = Vec::new();
    for entry in &manifest.directory {
        let json = file(split, &entry.file);
        let directory: serde_json::Value = serde_json::from_slice(&json).unwrap();
        all.extend(serde_json::from_value::<Vec<TableEntry>>(directory["looks"].clone()).unwrap());
    }
    all
}

/// The looks of `id` in every language, found as the page's script finds them:
/// the manifest names the directory part, which names the part of the first
/// looks; each is checked against its hash.
fn look_up(split: &Split, id: &str) -> Option<FirstLook> {
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let entry = &manifest.directory[manifest.directory_of(id)?];
    let json = file(split, &entry.file);
    let directory = Directory::read(entry, &json, &sha256_hex(&json)).unwrap();
    let entry = directory.look_of(id)?;
    let json = file(split, &entry.file);
    let table: Table<FirstLook> = Table::read(entry, &json, &sha256_hex(&json)).unwrap();
    table.get(id).cloned()
}

/// Every record of a corpus: its id, kind and place.
fn records(index: &Index) -> Vec<(String, Kind, usize)> {
    KINDS
        .iter()
        .flat_map(|&kind| (0..index.len(kind)).map(move |idx| (kind, idx)))
        .map(|(kind, idx)| (index.corpus.id_of(kind, idx).to_string(), kind, idx))
        .collect()
}

#[test]
fn every_record_has_its_own_first_look_in_every_language() {
    let corpus = synth::generate(1_500, 5);
    let (split, index) = split_with_glances(&corpus);
    assert!(split.glances.len() > 3, "{} parts", split.glances.len());
    for (id, kind, idx) in records(&index) {
        let first = look_up(&split, &id).unwrap_or_else(|| panic!("{id} has no first look"));
        let looks = first.looks();
        assert_eq!(looks.len(), Lang::ALL.len(), "{id}");
        // An event's summary and a claim's verbatim quote, once, as the corpus has them.
        let (summary, quote) = match kind {
            Kind::Event => (Some(corpus.events[idx].summary.as_str()), None),
            Kind::Claim => (None, Some(corpus.claims[idx].quote.as_str())),
            Kind::Source | Kind::Actor => (None, None),
        };
        assert_eq!((first.summary(), first.quote()), (summary, quote), "{id}");
        let heading = match kind {
            Kind::Event => &corpus.events[idx].title,
            Kind::Claim => &corpus.claims[idx].paraphrase,
            Kind::Source => &corpus.sources[idx].title,
            Kind::Actor => &corpus.actors[idx].name,
        };
        for (l, look) in Lang::ALL.iter().zip(looks) {
            assert!(
                look.heading().starts_with(heading.as_str()),
                "{id}: {look:?}"
            );
            assert!(
                look.label().contains(l.kind(kind).singular) || kind == Kind::Actor,
                "{id} in {l:?} says what it is: {look:?}"
            );
        }
    }
    // An id the corpus lacks has no look, whether before every id, among them or after.
    for id in ["", "0", "m-no-such-record", "zzzz"] {
        assert_eq!(look_up(&split, id), None, "{id}");
    }
}

#[test]
fn a_claims_first_look_says_who_made_it_where_and_how_its_date_was_inferred() {
    let text = std::fs::read_to_string("public/corpus.json").unwrap();
    let accepted = load::accept_checked(load::parse(&text).unwrap(), Vec::new());
    let corpus = accepted.corpus;
    let (split, index) = split_with_glances(&corpus);
    let mut inferred = 0;
    for (at, claim) in corpus.claims.iter().enumerate() {
        let first = look_up(&split, &claim.id).unwrap();
        assert_eq!(first.quote(), Some(claim.quote.as_str()));
        for (l, look) in Lang::ALL.iter().zip(first.looks()) {
            let t = l.strings();
            let facts = look.facts();
            assert_eq!(facts[0].0, t.claimed_by, "{}", claim.id);
            assert!(
                facts[0]
                    .1
                    .contains(index.claimant_label_in(claim, &t.speaker).as_ref()),
                "{}: {facts:?}",
                claim.id
            );
            let source = index.source(&claim.reported_in).unwrap();
            assert_eq!(facts[2], (t.reported_in.to_string(), source.title.clone()));
            if let Some(how) = claim.date.as_ref().and_then(|d| d.inference.as_ref()) {
                assert!(facts[1].1.contains(how.as_str()), "{}: {facts:?}", claim.id);
                inferred += 1;
            }
            let r = index.lookup(&claim.id).unwrap();
            assert_eq!(r.idx, at);
            assert_eq!(look, &glance(&index, r, *l));
        }
    }
    assert!(
        inferred > 0,
        "the shipped corpus has claims with inferred dates"
    );
}

#[test]
fn the_same_corpus_gives_the_same_first_looks_in_parts_of_the_size_asked() {
    let corpus = synth::generate(800, 9);
    let (a, _) = split_with_glances(&corpus);
    let (b, _) = split_with_glances(&corpus);
    assert_eq!(a.glances, b.glances);
    assert_eq!(a.directory, b.directory);
    let parts = glance_parts(&a);
    assert_eq!(parts.len(), a.glances.len(), "each part listed once");
    let limit = PART_BYTES / DIRECTORY_SHARE;
    for entry in &parts {
        assert!(
            entry.json <= limit || entry.count == 1,
            "{entry:?} over {limit}"
        );
    }
    // Every id once, in order, across the parts.
    let total: usize = parts.iter().map(|e| e.count).sum();
    assert_eq!(total, a.manifest.totals.total());
    assert!(parts.windows(2).all(|w| w[0].from < w[1].from));
}

#[test]
fn a_damaged_first_look_part_is_named() {
    let corpus = synth::generate(300, 1);
    let (split, _) = split_with_glances(&corpus);
    let entry = &glance_parts(&split)[0];
    let mut json = file(&split, &entry.file);
    json[10] ^= 1;
    let read = Table::<FirstLook>::read(entry, &json, &sha256_hex(&json));
    assert!(matches!(read, Err(PartsError::HashMismatch { ref file }) if *file == entry.file));
}

#[test]
fn the_pages_frames_hold_no_corpus_text_and_one_frame_per_language() {
    let frames = frames();
    for l in Lang::ALL {
        assert_eq!(
            frames
                .matches(&format!("id=\"glance-{}\"", l.code()))
                .count(),
            1
        );
    }
    // Empty until the page's script fills them in, as text.
    assert_eq!(frames.matches("<h2 id=").count(), Lang::ALL.len());
    assert!(frames.contains("></h2><figure class=\"quote\" hidden><blockquote dir=\"auto\"></blockquote></figure><dl class=\"facts\"></dl><p class=\"summary\" dir=\"auto\" hidden></p>"));
}

#[test]
fn the_pages_list_of_directory_parts_reads_back_and_cannot_end_its_element() {
    let corpus = synth::generate(1_000, 2);
    let (mut split, _) = split_with_glances(&corpus);
    assert!(split.manifest.directory.len() > 1);
    split.manifest.directory[1].from = "a</script><!--b".into();
    let listed = split.manifest.directory_in_page();
    assert!(!listed.contains('<'), "{listed}");
    let read: Vec<(String, String)> = serde_json::from_str(&listed).unwrap();
    let expected: Vec<(String, String)> = split
        .manifest
        .directory
        .iter()
        .map(|d| (d.from.clone(), d.file.clone()))
        .collect();
    assert_eq!(read, expected);
}

#[test]
fn the_page_takes_the_directory_list_in_its_element_again_and_again() {
    let corpus = synth::generate(1_000, 2);
    let (split, _) = split_with_glances(&corpus);
    let page = format!(
        "<head>{}<!-- record directory --></script><script>x</script></head>",
        dossier::publish::parts::DIRECTORY_ELEMENT
    );
    let once = split.manifest.into_page(&page).unwrap();
    assert!(once.contains(&split.manifest.directory_in_page()));
    assert!(!once.contains("<!-- record directory -->"));
    assert!(once.ends_with("</script><script>x</script></head>"));
    // A site whose parts are cut anew (a hook run again) gets the new list.
    let (other, _) = split_with_glances(&synth::generate(600, 3));
    let twice = other.manifest.into_page(&once).unwrap();
    assert_eq!(twice, other.manifest.into_page(&page).unwrap());
    assert_eq!(split.manifest.into_page("<head></head>"), None);
}
