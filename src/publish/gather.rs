//! One record, and the records it names, from the few parts that hold them: a
//! record opened by its address (`?id=`) is shown without reading the whole
//! corpus. The record directory says which record part holds an id; the
//! record, once read, names the others (its sources, actors, events), which are
//! found the same way.
//!
//! Like [`Assembly`](crate::publish::parts::Assembly) it does no network work: [`Gathering::needs`]
//! names the files it still wants and [`Gathering::take`] takes their bytes, in
//! any order.

use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::document::{Document, Entry};
use crate::corpus::model::Record;

use crate::publish::parts::{read_part, Directory, Manifest, PartsError};

/// Where an id wanted is, as far as is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// In the directory part with this number, not read yet.
    Listed(usize),
    /// In the record part with this number.
    Held(usize),
    /// In no part: the corpus has no such record.
    Absent,
}

/// The gathering of one record and the records it names.
pub struct Gathering {
    manifest: Manifest,
    record: String,
    wanted: BTreeMap<String, Place>,
    directories: BTreeMap<usize, Directory>,
    parts: BTreeMap<usize, Document>,
    /// Whether the record's own links have been added to what is wanted.
    followed: bool,
}

impl Gathering {
    /// Starts gathering the record `id`.
    pub fn new(manifest: Manifest, id: &str) -> Gathering {
        let mut gathering = Gathering {
            manifest,
            record: id.to_string(),
            wanted: BTreeMap::new(),
            directories: BTreeMap::new(),
            parts: BTreeMap::new(),
            followed: false,
        };
        gathering.want(id);
        gathering
    }

    fn want(&mut self, id: &str) {
        if self.wanted.contains_key(id) {
            return;
        }
        let place = match self.manifest.directory_of(id) {
            None => Place::Absent,
            Some(d) => match self.directories.get(&d) {
                None => Place::Listed(d),
                Some(directory) => directory.part_of(id).map_or(Place::Absent, Place::Held),
            },
        };
        self.wanted.insert(id.to_string(), place);
    }

    /// The files still wanted, directory parts first, each once.
    pub fn needs(&self) -> Vec<String> {
        let mut directories = BTreeSet::new();
        let mut parts = BTreeSet::new();
        for place in self.wanted.values() {
            match *place {
                Place::Listed(d) => {
                    directories.insert(d);
                }
                Place::Held(p) if !self.parts.contains_key(&p) => {
                    parts.insert(p);
                }
                Place::Held(_) | Place::Absent => {}
            }
        }
        let directories = directories
            .into_iter()
            .filter_map(|d| self.manifest.directory.get(d).map(|e| e.file.clone()));
        let parts = parts
            .into_iter()
            .filter_map(|p| self.manifest.parts.get(p).map(|e| e.file.clone()));
        directories.chain(parts).collect()
    }

    /// Whether nothing more is wanted.
    pub fn is_done(&self) -> bool {
        self.needs().is_empty()
    }

    /// Takes the JSON (inflated) of the file `file`, with its SHA-256 in hex,
    /// checked against the manifest.
    pub fn take(&mut self, file: &str, bytes: &[u8], sha256: &str) -> Result<(), PartsError> {
        if let Some(d) = self.manifest.directory.iter().position(|e| e.file == file) {
            let directory = Directory::read(&self.manifest.directory[d], bytes, sha256)?;
            for place in self.wanted.iter_mut() {
                if *place.1 == Place::Listed(d) {
                    *place.1 = directory
                        .part_of(place.0)
                        .map_or(Place::Absent, Place::Held);
                }
            }
            self.directories.insert(d, directory);
        } else if let Some(p) = self.manifest.parts.iter().position(|e| e.file == file) {
            let doc = read_part(&self.manifest.parts[p], bytes, sha256)?;
            self.parts.insert(p, doc);
        } else {
            return Err(PartsError::NotListed(file.into()));
        }
        self.follow();
        Ok(())
    }

    /// Once the record is read, wants every record it names.
    fn follow(&mut self) {
        if self.followed {
            return;
        }
        let Some(Place::Held(p)) = self.wanted.get(&self.record).copied() else {
            return;
        };
        let Some(doc) = self.parts.get(&p) else {
            return;
        };
        let record = &self.record;
        let names: Vec<String> = None
            .or_else(|| names_of(&doc.sources, record))
            .or_else(|| names_of(&doc.actors, record))
            .or_else(|| names_of(&doc.events, record))
            .or_else(|| names_of(&doc.claims, record))
            .unwrap_or_default();
        self.followed = true;
        for id in names {
            self.want(&id);
        }
    }

    /// Whether the corpus has the record: false once its directory says it has not.
    pub fn found(&self) -> Option<bool> {
        match self.wanted.get(&self.record) {
            Some(Place::Absent) | None => Some(false),
            Some(Place::Held(p)) if self.parts.contains_key(p) => Some(true),
            Some(_) => None,
        }
    }

    /// The records gathered so far: the record and those it names that the
    /// corpus has, each list in the whole corpus's order, as a corpus file of
    /// their own. The record may be shown before those it names have all arrived.
    pub fn document(&self) -> Document {
        let wanted = &self.wanted;
        let mut doc = Document {
            meta: self.manifest.meta.clone(),
            ..Document::default()
        };
        for part in self.parts.values() {
            keep(&mut doc.sources, &part.sources, wanted);
            keep(&mut doc.actors, &part.actors, wanted);
            keep(&mut doc.events, &part.events, wanted);
            keep(&mut doc.claims, &part.claims, wanted);
        }
        doc
    }
}

/// The ids the record `id` names, if `records` holds it.
fn names_of<T: Record>(records: &[Entry<T>], id: &str) -> Option<Vec<String>> {
    let record = records.iter().find(|e| e.record.id() == id)?;
    Some(
        record
            .record
            .names()
            .into_iter()
            .map(String::from)
            .collect(),
    )
}

/// Appends the records of `run` that are wanted, numbered in the order they come.
fn keep<T: Record + Clone>(
    list: &mut Vec<Entry<T>>,
    run: &[Entry<T>],
    wanted: &BTreeMap<String, Place>,
) {
    for entry in run {
        if wanted.contains_key(entry.record.id()) {
            let index = list.len();
            list.push(Entry {
                index,
                record: entry.record.clone(),
            });
        }
    }
}
