//! Reading a corpus file: record by record, so that one bad record never hides the rest.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::corpus::document::{Document, Entry, Problem, Severity};
use crate::corpus::model::{Corpus, Kind, Meta};
use crate::corpus::validate::{self, Texts};

/// Why a file could not be read as a corpus at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    NotACorpus(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson {
                message,
                line,
                column,
            } => {
                write!(
                    f,
                    "The file is not valid JSON (line {line}, column {column}: {message})."
                )
            }
            LoadError::NotACorpus(why) => write!(f, "The file is JSON but not a corpus: {why}."),
        }
    }
}

/// The message of a serde_json error without its "at line 1 column 30": for a
/// record, that position is within the record, not the file, and misleads.
fn plain_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&position).unwrap_or(&text).to_string()
}

fn not_json(e: &serde_json::Error) -> LoadError {
    LoadError::NotJson {
        message: plain_message(e),
        line: e.line(),
        column: e.column(),
    }
}

/// Why a file that did not read as a corpus failed: broken JSON (with where),
/// else JSON of the wrong shape. Only run once reading has failed.
fn diagnose(text: &str, shape: impl FnOnce() -> String) -> LoadError {
    match serde_json::from_str::<IgnoredAny>(text) {
        Err(e) if !e.is_data() => not_json(&e),
        _ => LoadError::NotACorpus(shape()),
    }
}

/// A byte of the file that is not UTF-8 text, replaced in the text read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Damage {
    /// Where the replacement character stands in the text read.
    pub at: usize,
    /// The damaged byte's place in the file, counted from 1 as a reader would.
    pub byte: usize,
}

/// A file's bytes as text: every run of bytes that is not UTF-8 replaced by
/// U+FFFD and noted, so that the records around a damaged byte still read and
/// only the record holding it is left out. A sound file is taken as it is, not copied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// In the order they occur.
    pub damage: Vec<Damage>,
}

impl Decoded {
    pub fn new(bytes: Vec<u8>) -> Decoded {
        let bytes = match String::from_utf8(bytes) {
            Ok(text) => {
                return Decoded {
                    text,
                    damage: Vec::new(),
                }
            }
            Err(e) => e.into_bytes(),
        };
        let mut text = String::with_capacity(bytes.len() + 16);
        let mut damage = Vec::new();
        let mut byte = 0;
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            byte += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                damage.push(Damage {
                    at: text.len(),
                    byte: byte + 1,
                });
                text.push(char::REPLACEMENT_CHARACTER);
                byte += chunk.invalid().len();
            }
        }
        Decoded { text, damage }
    }

    /// Reads the text (as [`Reader::new`]), naming each damaged record.
    pub fn reader(&self) -> Result<Reader<'_>, LoadError> {
        Reader::with_damage(&self.text, &self.damage)
    }
}

/// Why a damaged byte is a problem, in the validator's words.
fn damage_message(d: &Damage) -> String {
    format!(
        "byte {} of the file is not UTF-8 text: the file is damaged here",
        d.byte
    )
}

/// One of the corpus lists, its records kept as unread JSON text.
enum RawList<'a> {
    Records(Vec<&'a RawValue>),
    NotAList,
}

impl<'de: 'a, 'a> Deserialize<'de> for RawList<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = RawList<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of records")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut records = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    records.push(raw);
                }
                Ok(RawList::Records(records))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(RawList::NotAList)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(RawList::NotAList)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(RawList::NotAList)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(RawList::NotAList)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(RawList::NotAList)
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(RawList::NotAList)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(RawList::NotAList)
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// The top level of a corpus file, each record still unread text.
#[derive(Deserialize)]
struct RawCorpus<'a> {
    #[serde(borrow, default)]
    meta: Option<&'a RawValue>,
    #[serde(borrow, default)]
    sources: Option<RawList<'a>>,
    #[serde(borrow, default)]
    actors: Option<RawList<'a>>,
    #[serde(borrow, default)]
    events: Option<RawList<'a>>,
    #[serde(borrow, default)]
    claims: Option<RawList<'a>>,
}

/// A corpus file split into its records, read a batch at a time so that a large
/// file can be read without freezing the page, with progress in between.
pub struct Reader<'a> {
    lists: Vec<(Kind, Vec<&'a RawValue>)>,
    /// The text read, to place a record in it, and its damaged bytes.
    text: &'a str,
    damage: &'a [Damage],
    /// The list and the record within it to read next.
    at: (usize, usize),
    done: usize,
    total: usize,
    doc: Document,
}

impl<'a> Reader<'a> {
    /// Splits the file into records: one quick pass over the text. Fails only
    /// when it is not JSON or not shaped like a corpus. A byte-order mark, as
    /// many editors write, is skipped.
    pub fn new(text: &'a str) -> Result<Reader<'a>, LoadError> {
        Reader::with_damage(text, &[])
    }

    /// [`Reader::new`] for a text with damaged bytes (see [`Decoded`]): each
    /// record that holds one is named and left out.
    pub fn with_damage(whole: &'a str, damage: &'a [Damage]) -> Result<Reader<'a>, LoadError> {
        let text = whole.strip_prefix('\u{feff}').unwrap_or(whole);
        if !text.trim_start().starts_with('{') {
            return Err(diagnose(text, || "its top level is not an object".into()));
        }
        let raw: RawCorpus<'a> = serde_json::from_str(text).map_err(|e| {
            if e.is_data() {
                diagnose(text, || plain_message(&e))
            } else {
                not_json(&e)
            }
        })?;
        let mut problems = Vec::new();
        let meta = match raw.meta {
            None => {
                problems.push(Problem::error("$.meta", "the corpus has no metadata"));
                Meta::default()
            }
            Some(value) => {
                let mut de = serde_json::Deserializer::from_str(value.get());
                serde_path_to_error::deserialize(&mut de).unwrap_or_else(|err| {
                    problems.push(Problem::error(
                        "$.meta",
                        format!("does not read: {}", plain_message(err.inner())),
                    ));
                    Meta::default()
                })
            }
        };
        if let Some(meta) = raw.meta {
            for d in damage_within(whole, damage, meta.get()) {
                problems.push(Problem::error("$.meta", damage_message(d)));
            }
        }
        let mut lists = Vec::with_capacity(4);
        for (kind, list) in [
            (Kind::Source, raw.sources),
            (Kind::Actor, raw.actors),
            (Kind::Event, raw.events),
            (Kind::Claim, raw.claims),
        ] {
            let name = kind.array();
            match list {
                None => return Err(LoadError::NotACorpus(format!("it has no \"{name}\" list"))),
                Some(RawList::NotAList) => {
                    return Err(LoadError::NotACorpus(format!("\"{name}\" is not a list")))
                }
                Some(RawList::Records(records)) => lists.push((kind, records)),
            }
        }
        let total = lists.iter().map(|(_, l)| l.len()).sum();
        // Damage outside the metadata and every record (in "$schema", say) is named too.
        for d in damage {
            let inside = |raw: &str| !damage_within(whole, std::slice::from_ref(d), raw).is_empty();
            let placed = raw.meta.is_some_and(|m| inside(m.get()))
                || lists.iter().any(|(_, records)| {
                    records
                        .binary_search_by(|r| span_of(whole, r.get()).0.cmp(&d.at))
                        .map_or_else(|i| i > 0 && inside(records[i - 1].get()), |_| true)
                });
            if !placed {
                problems.push(Problem::error("$", damage_message(d)));
            }
        }
        Ok(Reader {
            lists,
            text: whole,
            damage,
            at: (0, 0),
            done: 0,
            total,
            doc: Document {
                meta,
                problems,
                ..Document::default()
            },
        })
    }

    /// How many records the file holds.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many have been read so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Reads up to `batch` more records; true once every record is read.
    pub fn read(&mut self, batch: usize) -> bool {
        let mut left = batch;
        while left > 0 {
            let (list, i) = self.at;
            let Some((kind, records)) = self.lists.get(list) else {
                return true;
            };
            let Some(raw) = records.get(i) else {
                self.at = (list + 1, 0);
                continue;
            };
            let (kind, doc) = (*kind, &mut self.doc);
            let damaged = damage_within(self.text, self.damage, raw.get());
            if !damaged.is_empty() {
                let id = id_of(raw);
                for d in damaged {
                    doc.problems.push(Problem {
                        path: format!("$.{}[{i}]", kind.array()),
                        message: damage_message(d),
                        severity: Severity::Error,
                        record: Some((kind, i)),
                        id: id.clone(),
                    });
                }
            }
            match kind {
                Kind::Source => read_record(raw, kind, i, &mut doc.sources, &mut doc.problems),
                Kind::Actor => read_record(raw, kind, i, &mut doc.actors, &mut doc.problems),
                Kind::Event => read_record(raw, kind, i, &mut doc.events, &mut doc.problems),
                Kind::Claim => read_record(raw, kind, i, &mut doc.claims, &mut doc.problems),
            }
            self.at = (list, i + 1);
            self.done += 1;
            left -= 1;
        }
        self.at.0 >= self.lists.len()
    }

    /// The records read, once `read` has returned true.
    pub fn finish(self) -> Document {
        self.doc
    }
}

/// Reads one record, or names it in `problems` with the path of what failed.
fn read_record<T: DeserializeOwned>(
    raw: &RawValue,
    kind: Kind,
    index: usize,
    entries: &mut Vec<Entry<T>>,
    problems: &mut Vec<Problem>,
) {
    let mut de = serde_json::Deserializer::from_str(raw.get());
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(record) => entries.push(Entry { index, record }),
        Err(err) => {
            let name = kind.array();
            let inner = err.path().to_string();
            let path = if inner == "." {
                format!("$.{name}[{index}]")
            } else {
                format!("$.{name}[{index}].{inner}")
            };
            let id = id_of(raw);
            problems.push(Problem {
                path,
                message: format!("does not read: {}", plain_message(err.inner())),
                severity: Severity::Error,
                record: Some((kind, index)),
                id,
            });
        }
    }
}

/// A record's id, if it has one that reads.
fn id_of(raw: &RawValue) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: Option<Value>,
    }
    serde_json::from_str::<IdOnly>(raw.get())
        .ok()
        .and_then(|r| r.id)
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Where `part`, a slice of `whole`, lies in it: (start, end).
fn span_of(whole: &str, part: &str) -> (usize, usize) {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    (start, start + part.len())
}

/// The damaged bytes within `part`, a slice of `whole`.
fn damage_within<'d>(whole: &str, damage: &'d [Damage], part: &str) -> &'d [Damage] {
    if damage.is_empty() {
        return damage;
    }
    let (start, end) = span_of(whole, part);
    let first = damage.partition_point(|d| d.at < start);
    let last = damage.partition_point(|d| d.at < end);
    damage.get(first..last).unwrap_or_default()
}

/// Reads a corpus file at once. Fails only when the file is not JSON or not
/// shaped like a corpus; records that do not read are named in `problems` and
/// left out.
pub fn parse(text: &str) -> Result<Document, LoadError> {
    let mut reader = Reader::new(text)?;
    while !reader.read(usize::MAX) {}
    Ok(reader.finish())
}

/// Reads a corpus file's bytes at once: as [`parse`], with any byte that is not
/// UTF-8 replaced and the record holding it named (see [`Decoded`]).
pub fn parse_bytes(bytes: Vec<u8>) -> Result<Document, LoadError> {
    let decoded = Decoded::new(bytes);
    let mut reader = decoded.reader()?;
    while !reader.read(usize::MAX) {}
    Ok(reader.finish())
}

/// A record left out of the corpus, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub kind: Kind,
    pub index: usize,
    pub id: Option<String>,
    pub reasons: Vec<String>,
}

impl Rejected {
    /// How readers see the record named: its id, or its place in the file.
    pub fn name(&self) -> String {
        match &self.id {
            Some(id) if !id.is_empty() => id.clone(),
            _ => format!("{}[{}]", self.kind.array(), self.index),
        }
    }
}

/// The records that passed validation, and the ones left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accepted {
    pub corpus: Corpus,
    pub rejected: Vec<Rejected>,
}

fn keep<T>(entries: &mut Vec<Entry<T>>, kind: Kind, bad: &HashSet<(Kind, usize)>) {
    entries.retain(|e| !bad.contains(&(kind, e.index)));
}

/// Drops the links that point at records left out, where the record stands
/// without them (a cited source, a related event, one of several quotes). Links a
/// record cannot do without (the source a claim is reported in, an attributed
/// claim's claimant, an event's only quote) stay, so validation leaves it out too.
fn prune_links(doc: &mut Document) {
    let ids: HashSet<String> = doc
        .sources
        .iter()
        .map(|e| e.record.id.clone())
        .chain(doc.actors.iter().map(|e| e.record.id.clone()))
        .chain(doc.events.iter().map(|e| e.record.id.clone()))
        .chain(doc.claims.iter().map(|e| e.record.id.clone()))
        .collect();
    let known = |id: &String| ids.contains(id);
    let known_opt = |id: &mut Option<String>| {
        if id.as_ref().is_some_and(|i| !ids.contains(i)) {
            *id = None;
        }
    };
    for Entry { record: s, .. } in &mut doc.sources {
        known_opt(&mut s.publisher);
        s.authors.retain(known);
        s.cites.retain(known);
    }
    for Entry { record: a, .. } in &mut doc.actors {
        a.roles.retain(|r| known(&r.source));
        for r in &mut a.roles {
            known_opt(&mut r.of);
        }
        a.part_of
            .retain(|p| known(&p.of) && p.source.as_ref().is_none_or(known));
    }
    for Entry { record: e, .. } in &mut doc.events {
        e.actors.retain(|p| known(&p.actor));
        e.related.retain(known);
        if e.evidence.iter().any(|x| known(&x.source)) {
            e.evidence.retain(|x| known(&x.source));
        }
    }
    for Entry { record: c, .. } in &mut doc.claims {
        c.events.retain(known);
        known_opt(&mut c.relayed_by);
        known_opt(&mut c.via);
    }
}

/// Leaves out every record with an error; then drops the links to them that
/// other records can do without, and leaves out the records that cannot.
pub fn accept(doc: Document) -> Accepted {
    let problems = validate::check(&doc, None::<&Texts>);
    accept_checked(doc, problems)
}

/// `accept`, given the problems of a check of `doc` already made (the browser
/// checks a batch of records at a time).
pub fn accept_checked(mut doc: Document, checked: Vec<Problem>) -> Accepted {
    let mut rejected: Vec<Rejected> = Vec::new();
    // Where each rejected record is in `rejected`, so thousands stay cheap.
    let mut place: HashMap<(Kind, usize), usize> = HashMap::new();
    let mut problems = std::mem::take(&mut doc.problems);
    problems.extend(checked);
    loop {
        let mut bad: HashSet<(Kind, usize)> = HashSet::new();
        for p in problems.drain(..).filter(|p| p.severity == Severity::Error) {
            let Some(key) = p.record else { continue };
            match place.get(&key) {
                Some(&i) => rejected[i].reasons.push(p.describe()),
                None => {
                    place.insert(key, rejected.len());
                    rejected.push(Rejected {
                        kind: key.0,
                        index: key.1,
                        id: p.id.clone(),
                        reasons: vec![p.describe()],
                    });
                }
            }
            bad.insert(key);
        }
        if bad.is_empty() {
            break;
        }
        keep(&mut doc.sources, Kind::Source, &bad);
        keep(&mut doc.actors, Kind::Actor, &bad);
        keep(&mut doc.events, Kind::Event, &bad);
        keep(&mut doc.claims, Kind::Claim, &bad);
        prune_links(&mut doc);
        problems.extend(validate::check(&doc, None::<&Texts>));
    }
    rejected.sort_by_key(|r| (r.kind, r.index));
    fn records<T>(entries: Vec<Entry<T>>) -> Vec<T> {
        entries.into_iter().map(|e| e.record).collect()
    }
    Accepted {
        corpus: Corpus {
            meta: doc.meta,
            sources: records(doc.sources),
            actors: records(doc.actors),
            events: records(doc.events),
            claims: records(doc.claims),
        },
        rejected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD_META: &str = r#""meta": {"title": "T", "description": "D", "version": "1", "schema_version": "1", "licence": "L", "updated": "2026-11-23"}"#;

    fn corpus(body: &str) -> String {
        format!("{{{GOOD_META}, {body}}}")
    }

    #[test]
    fn a_file_that_is_not_json_names_the_line() {
        let err = parse("{\n  \"meta\": ,\n}").unwrap_err();
        assert!(matches!(err, LoadError::NotJson { line: 2, .. }), "{err:?}");
        assert!(err.to_string().contains("not valid JSON"));
    }

    #[test]
    fn json_without_the_lists_is_not_a_corpus() {
        let err = parse("[1, 2]").unwrap_err();
        assert_eq!(
            err,
            LoadError::NotACorpus("its top level is not an object".into())
        );
        let err = parse(&corpus(r#""sources": [], "actors": [], "events": []"#)).unwrap_err();
        assert!(err.to_string().contains("no \"claims\" list"), "{err}");
    }

    #[test]
    fn bad_records_are_left_out_and_named_and_the_rest_kept() {
        let text = corpus(
            r#""sources": [{"id": "src-a", "kind": "news-article", "title": "A"}],
            "actors": [{"id": "act-a", "name": "A", "kind": "ngo"},
                       {"id": "act-b", "name": 5, "kind": "ngo"}],
            "events": [{"id": "ev-a", "title": "E", "summary": "S",
                        "evidence": [{"source": "src-a", "quote": "q"}]},
                       {"id": "ev-b", "title": "", "summary": "S",
                        "evidence": [{"source": "src-a", "quote": "q"}]}],
            "claims": [{"id": "cl-a", "voice": "attributed", "claimant": "act-b",
                        "paraphrase": "P", "kind": "other", "reported_in": "src-a", "quote": "q"}]"#,
        );
        let accepted = accept(parse(&text).expect("reads"));
        let names: Vec<String> = accepted.rejected.iter().map(Rejected::name).collect();
        // act-b does not read; ev-b has an empty title; cl-a points at the rejected act-b.
        assert_eq!(names, ["act-b", "ev-b", "cl-a"]);
        assert_eq!(accepted.corpus.actors.len(), 1);
        assert_eq!(accepted.corpus.events.len(), 1);
        assert!(accepted.corpus.claims.is_empty());
        assert!(accepted.rejected[0].reasons[0].contains("$.actors[1].name"));
    }

    /// A small corpus of three claims, as bytes, with `bad` put in place of the
    /// "X" in the second claim's quote.
    fn with_damaged_claim(bad: &[u8]) -> Vec<u8> {
        let text = corpus(
            r#""sources": [{"id": "src-a", "kind": "news-article", "title": "A"}],
            "actors": [{"id": "act-a", "name": "A", "kind": "ngo"}],
            "events": [],
            "claims": [{"id": "cl-a", "voice": "attributed", "claimant": "act-a",
                        "paraphrase": "P", "kind": "other", "reported_in": "src-a", "quote": "q"},
                       {"id": "cl-b", "voice": "attributed", "claimant": "act-a",
                        "paraphrase": "P", "kind": "other", "reported_in": "src-a", "quote": "a X b"},
                       {"id": "cl-c", "voice": "attributed", "claimant": "act-a",
                        "paraphrase": "Pé", "kind": "other", "reported_in": "src-a", "quote": "q"}]"#,
        );
        let at = text.find(" X ").expect("marker") + 1;
        let mut bytes = text.into_bytes();
        bytes.splice(at..at + 1, bad.iter().copied());
        bytes
    }

    #[test]
    fn a_damaged_byte_costs_only_the_record_that_holds_it() {
        let bytes = with_damaged_claim(&[0xff]);
        let at = bytes.iter().position(|&b| b == 0xff).expect("damaged") + 1;
        let accepted = accept(parse_bytes(bytes).expect("still reads"));
        let names: Vec<String> = accepted.rejected.iter().map(Rejected::name).collect();
        assert_eq!(names, ["cl-b"]);
        assert_eq!(
            accepted.rejected[0].reasons,
            [format!(
                "$.claims[1]: byte {at} of the file is not UTF-8 text: the file is damaged here"
            )]
        );
        let kept: Vec<&str> = accepted
            .corpus
            .claims
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(kept, ["cl-a", "cl-c"]);
        // The sound text after the damage reads as it should.
        assert_eq!(accepted.corpus.claims[1].paraphrase, "Pé");
        assert_eq!(accepted.corpus.sources.len(), 1);
        assert_eq!(accepted.corpus.actors.len(), 1);
    }

    #[test]
    fn a_run_of_damaged_bytes_and_a_broken_character_are_named_once() {
        // Two bytes of a three-byte character, then a stray continuation byte.
        let accepted =
            accept(parse_bytes(with_damaged_claim(&[0xe2, 0x80, b'!', 0x80])).expect("reads"));
        assert_eq!(accepted.rejected.len(), 1);
        assert_eq!(
            accepted.rejected[0].reasons.len(),
            2,
            "{:?}",
            accepted.rejected
        );
        // A replacement character written in the file on purpose is no damage.
        let accepted =
            accept(parse_bytes(with_damaged_claim("\u{fffd}".as_bytes())).expect("reads"));
        assert!(accepted.rejected.is_empty());
    }

    #[test]
    fn damage_in_the_metadata_or_between_records_is_named() {
        let mut bytes = with_damaged_claim(b"X");
        let title = bytes
            .windows(4)
            .position(|w| w == b"\"T\",")
            .expect("title")
            + 1;
        bytes[title] = 0xc0;
        let doc = parse_bytes(bytes).expect("reads");
        assert_eq!(doc.problems.len(), 1);
        assert!(
            doc.problems[0].describe().starts_with("$.meta: byte "),
            "{:?}",
            doc.problems
        );
        let mut bytes = with_damaged_claim(b"X");
        bytes.splice(1..1, *b"\"$schema\": \"c\xff.json\", ");
        let doc = parse_bytes(bytes).expect("reads");
        assert_eq!(doc.problems.len(), 1);
        assert!(
            doc.problems[0].describe().starts_with("$: byte "),
            "{:?}",
            doc.problems
        );
        assert_eq!(doc.claims.len(), 3);
    }

    #[test]
    fn damage_that_breaks_the_json_is_a_json_error_with_its_line() {
        let mut bytes = with_damaged_claim(b"X");
        let comma = bytes.iter().position(|&b| b == b',').expect("comma");
        bytes[comma] = 0xff;
        assert!(matches!(parse_bytes(bytes), Err(LoadError::NotJson { .. })));
    }

    #[test]
    fn links_to_a_record_left_out_are_dropped_where_the_record_stands_without_them() {
        let text = corpus(
            r#""sources": [{"id": "src-a", "kind": "news-article", "title": "A", "cites": ["src-b"]},
                        {"id": "src-b", "kind": "news-article", "title": "B", "url": "javascript:x"}],
            "actors": [{"id": "act-a", "name": "A", "kind": "ngo"}],
            "events": [{"id": "ev-a", "title": "E", "summary": "S",
                        "evidence": [{"source": "src-a", "quote": "q"}, {"source": "src-b", "quote": "q"}]},
                       {"id": "ev-b", "title": "E", "summary": "S",
                        "evidence": [{"source": "src-b", "quote": "q"}]}],
            "claims": [{"id": "cl-a", "voice": "attributed", "claimant": "act-a", "via": "src-b",
                        "paraphrase": "P", "kind": "other", "reported_in": "src-a", "quote": "q"},
                       {"id": "cl-b", "voice": "attributed", "claimant": "act-a",
                        "paraphrase": "P", "kind": "other", "reported_in": "src-b", "quote": "q"}]"#,
        );
        let accepted = accept(parse(&text).expect("reads"));
        let names: Vec<String> = accepted.rejected.iter().map(Rejected::name).collect();
        // src-b has a bad link; ev-b rests on it alone and cl-b is reported only in it.
        assert_eq!(names, ["src-b", "ev-b", "cl-b"]);
        let c = &accepted.corpus;
        assert!(c.sources[0].cites.is_empty());
        assert_eq!(c.events.len(), 1);
        assert_eq!(c.events[0].evidence.len(), 1);
        assert_eq!(c.claims[0].via, None);
        assert!(accepted.rejected[1].reasons[0].contains("'src-b', which is not in the corpus"));
    }
}
