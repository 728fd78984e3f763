//! One record from the parts that hold it: for records of every kind of a generated corpus,
//! the record directory leads to its part, and the record comes with every record
//! it names, each as the whole corpus has it; an id the corpus lacks is known to be
//! absent after one small file; damaged directory parts are named.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::collections::BTreeMap;

use dossier::corpus::load;
use dossier::corpus::model::{Corpus, Record};
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::gather::Gathering;
use dossier::publish::parts::{inflate, read_manifest, split, Directory, PartsError, Split};
use dossier::query::index::Index;

/// Every file of a split by name, inflated.
fn files(split: &Split) -> BTreeMap<String, Vec<u8>> {
    split
        .files()
        .map(|(name, stored)| (name.clone(), inflate(stored).unwrap()))
        .collect()
}

/// Gathers `id`, fetching what it names each round as the app does; returns the
/// gathering and how many files it read.
fn gather(split: &Split, files: &BTreeMap<String, Vec<u8>>, id: &str) -> (Gathering, usize) {
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let mut gathering = Gathering::new(manifest, id);
    let mut fetched = 0;
    for _round in 0..6 {
        let needs = gathering.needs();
        if needs.is_empty() {
            break;
        }
        for file in needs {
            let json = &files[&file];
            gathering.take(&file, json, &sha256_hex(json)).unwrap();
            fetched += 1;
        }
    }
    assert!(
        gathering.is_done(),
        "{id}: still wants {:?}",
        gathering.needs()
    );
    (gathering, fetched)
}

/// Every record's id with what it names, from the whole corpus.
fn names(corpus: &Corpus) -> Vec<(String, Vec<String>)> {
    let of = |id: &str, names: Vec<&str>| {
        (
            id.to_string(),
            names.into_iter().map(String::from).collect(),
        )
    };
    let mut all = Vec::new();
    all.extend(corpus.sources.iter().map(|r| of(&r.id, r.names())));
    all.extend(corpus.actors.iter().map(|r| of(&r.id, r.names())));
    all.extend(corpus.events.iter().map(|r| of(&r.id, r.names())));
    all.extend(corpus.claims.iter().map(|r| of(&r.id, r.names())));
    all
}

/// A gathered corpus's records by id, as JSON, to compare with the whole corpus's.
fn by_id(corpus: &Corpus) -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    let json = |v: &dyn AsJson| v.json();
    for r in &corpus.sources {
        all.insert(r.id.clone(), json(r));
    }
    for r in &corpus.actors {
        all.insert(r.id.clone(), json(r));
    }
    for r in &corpus.events {
        all.insert(r.id.clone(), json(r));
    }
    for r in &corpus.claims {
        all.insert(r.id.clone(), json(r));
    }
    all
}

trait AsJson {
    fn json(&self) -> String;
}

impl<T: serde::Serialize> AsJson for T {
    fn json(&self) -> String {
        serde_json::to_string(self).unwrap()
    }
}

#[test]
fn a_record_comes_with_every_record_it_names_from_a_few_parts() {
    let corpus = synth::generate(2_000, 3);
    let split = split(&corpus, "0123", 16 * 1024);
    assert!(
        split.parts.len() > 8 && split.directory.len() > 1,
        "{} parts, {} directory parts",
        split.parts.len(),
        split.directory.len()
    );
    let files = files(&split);
    let whole = by_id(&corpus);
    let mut most = 0;
    // Every fifth record, of every kind (the test runs unoptimised).
    for (id, named) in names(&corpus).into_iter().step_by(5) {
        let (gathering, fetched) = gather(&split, &files, &id);
        assert_eq!(gathering.found(), Some(true), "{id}");
        let doc = gathering.document();
        let accepted = load::accept_checked(doc, Vec::new());
        assert!(accepted.rejected.is_empty(), "{id}");
        let got = by_id(&accepted.corpus);
        assert_eq!(
            got.get(&id),
            whole.get(&id),
            "{id} as the whole corpus has it"
        );
        for name in &named {
            assert_eq!(got.get(name), whole.get(name), "{id} names {name}");
        }
        assert!(got.len() <= named.len() + 1, "{id}: only what it names");
        // The app indexes what was gathered: it must not fall over on links
        // to records left behind.
        let index = Index::new(accepted.corpus);
        assert!(index.lookup(&id).is_some(), "{id} in the gathered index");
        most = most.max(fetched);
    }
    // The directory part and the record's part, then those of what it names:
    // a handful of files, never the corpus.
    assert!(
        most < split.parts.len() / 2,
        "at most {most} files of {}",
        split.parts.len()
    );
}

#[test]
fn an_id_the_corpus_lacks_is_known_absent_from_at_most_one_directory_part() {
    let corpus = synth::generate(500, 2);
    let split = split(&corpus, "0123", 16 * 1024);
    let files = files(&split);
    for id in ["", "zzzz-no-such", "ev-no-such", "0"] {
        let (gathering, fetched) = gather(&split, &files, id);
        assert!(fetched <= 1, "{id}: {fetched} files");
        assert_eq!(gathering.found(), Some(false), "{id}");
        assert_eq!(gathering.document().events.len(), 0);
    }
}

#[test]
fn the_directory_names_the_part_that_holds_each_record_and_grows_with_parts() {
    let corpus = synth::generate(3_000, 4);
    let split = split(&corpus, "0123", 64 * 1024);
    let files = files(&split);
    let manifest = &split.manifest;
    let mut listed = 0;
    for entry in &manifest.directory {
        let json = &files[&entry.file];
        let directory = Directory::read(entry, json, &entry.sha256).unwrap();
        // The directory part's JSON: {"looks": [...], "ids": [[id, part], ...]}.
        let read: serde_json::Value = serde_json::from_slice(json).unwrap();
        let ids: Vec<(String, usize)> = serde_json::from_value(read["ids"].clone()).unwrap();
        for (id, part) in &ids {
            assert_eq!(directory.part_of(id), Some(*part));
            assert_eq!(
                manifest.directory[manifest.directory_of(id).unwrap()].file,
                entry.file
            );
            let text = String::from_utf8(files[&manifest.parts[*part].file].clone()).unwrap();
            assert!(
                text.contains(&format!("\"id\":{}", serde_json::to_string(id).unwrap())),
                "{id} in part {part}"
            );
        }
        listed += ids.len();
    }
    assert_eq!(listed, manifest.totals.total(), "every record listed once");
    // About 250 bytes of manifest per directory part, like a record part.
    let per = serde_json::to_string(&manifest.directory).unwrap().len() / manifest.directory.len();
    assert!(per < 300, "{per} bytes per directory part");
}

#[test]
fn a_damaged_directory_part_is_named() {
    let corpus = synth::generate(300, 1);
    let split = split(&corpus, "0123", 16 * 1024);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let id = corpus.events[0].id.clone();
    let mut gathering = Gathering::new(manifest, &id);
    let file = gathering.needs()[0].clone();
    assert!(file.starts_with("d-"), "{file}");
    let mut json = files(&split)[&file].clone();
    json[5] ^= 1;
    assert_eq!(
        gathering.take(&file, &json, &sha256_hex(&json)),
        Err(PartsError::HashMismatch { file: file.clone() })
    );
    assert_eq!(gathering.found(), None, "still unknown, not absent");
    assert_eq!(gathering.needs()[0], file, "and asked for again");
}
