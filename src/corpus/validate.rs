//! Every check a corpus must pass, each problem named with its JSON path.

use std::collections::HashMap;
use std::path::Path;

use crate::corpus::archive::{names_the_same_page, parse_archive_url};
use crate::corpus::hash::FastMap;
use crate::corpus::sha256::{is_sha256_hex, sha256_hex};

use crate::corpus::date::{DateSpan, PartialDate};
use crate::corpus::document::{Document, Entry, Problem, Severity};
use crate::corpus::model::{Actor, Claim, DateSpec, Event, Kind, Source};
use crate::corpus::text::{collapse_whitespace, is_http_link};
use crate::corpus::vocab::{self, Vocab};

/// Quotes stay short: the seeds' texts are never copied into the corpus.
pub const MAX_QUOTE_CHARS: usize = 300;

/// The full texts of sources, by file name, for checking that quotes are verbatim.
#[derive(Clone, Debug, Default)]
pub struct Texts {
    /// Each text with its whitespace collapsed, and the SHA-256 of its bytes.
    by_file: HashMap<String, (String, String)>,
}

impl Texts {
    pub fn insert(&mut self, file: impl Into<String>, text: &str) {
        self.insert_bytes(file, text.as_bytes());
    }

    /// A text as its file holds it: fingerprinted byte for byte; read, for
    /// checking quotes, with any byte that is not UTF-8 replaced.
    pub fn insert_bytes(&mut self, file: impl Into<String>, bytes: &[u8]) {
        let text = collapse_whitespace(&String::from_utf8_lossy(bytes));
        self.by_file.insert(file.into(), (text, sha256_hex(bytes)));
    }

    /// Reads every file in a directory.
    pub fn from_dir(dir: &Path) -> std::io::Result<Texts> {
        let mut texts = Texts::default();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                let bytes = std::fs::read(entry.path())?;
                texts.insert_bytes(entry.file_name().to_string_lossy().into_owned(), &bytes);
            }
        }
        Ok(texts)
    }

    fn get(&self, file: &str) -> Option<&str> {
        self.by_file.get(file).map(|(text, _)| text.as_str())
    }

    /// The SHA-256 of a text's bytes.
    fn sha256(&self, file: &str) -> Option<&str> {
        self.by_file.get(file).map(|(_, hash)| hash.as_str())
    }
}

/// A JSON path, made only when a problem is reported: checking 100,000 sound
/// records must not format a path for every field of each.
type PathOf<'p> = &'p dyn Fn() -> String;

/// An id the corpus allows: lowercase letters and digits in hyphen-joined parts.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

struct Checker<'a> {
    /// Each id's kind and the position of the record that first has it.
    ids: FastMap<&'a str, (Kind, usize)>,
    text_files: FastMap<&'a str, Option<&'a str>>,
    texts: Option<&'a Texts>,
    out: Vec<Problem>,
    record: Option<(Kind, usize)>,
    id: &'a str,
}

impl<'a> Checker<'a> {
    fn push(&mut self, severity: Severity, path: PathOf, message: String) {
        self.out.push(Problem {
            path: path(),
            message,
            severity,
            record: self.record,
            id: (!self.id.is_empty()).then(|| self.id.to_string()),
        });
    }

    fn error(&mut self, path: PathOf, message: String) {
        self.push(Severity::Error, path, message);
    }

    fn start(&mut self, kind: Kind, index: usize, id: &'a str) {
        self.record = Some((kind, index));
        self.id = id;
    }

    fn required(&mut self, path: PathOf, value: &str) {
        if value.trim().is_empty() {
            self.error(path, "required text is empty".into());
        }
    }

    fn optional(&mut self, path: PathOf, value: Option<&String>) {
        if let Some(v) = value {
            self.required(path, v);
        }
    }

    fn term(&mut self, path: PathOf, value: &str, vocab: &Vocab) {
        if !vocab.contains(value) {
            let msg = format!(
                "'{value}' is not a {}; use one of: {}",
                vocab.name,
                vocab.allowed()
            );
            self.error(path, msg);
        }
    }

    fn reference(&mut self, path: PathOf, target: &str, expected: Kind) {
        match self.ids.get(target) {
            None => {
                let msg = format!("refers to '{target}', which is not in the corpus");
                self.error(path, msg);
            }
            Some((kind, _)) if *kind != expected => {
                let msg = format!(
                    "refers to '{target}', which is {} {}, not {} {}",
                    article(kind.noun()),
                    kind.noun(),
                    article(expected.noun()),
                    expected.noun()
                );
                self.error(path, msg);
            }
            Some(_) => {}
        }
    }

    fn references(&mut self, path: PathOf, targets: &[String], expected: Kind) {
        for (i, t) in targets.iter().enumerate() {
            self.reference(&|| format!("{}[{i}]", path()), t, expected);
        }
    }

    fn date(&mut self, path: PathOf, date: Option<&DateSpec>) {
        let Some(date) = date else { return };
        if let Err(e) = DateSpan::parse(&date.when) {
            self.error(&|| format!("{}.when", path()), e.to_string());
        }
        self.optional(&|| format!("{}.label", path()), date.label.as_ref());
        self.optional(
            &|| format!("{}.as_written", path()),
            date.as_written.as_ref(),
        );
        self.term(
            &|| format!("{}.basis", path()),
            &date.basis,
            &vocab::DATE_BASES,
        );
        match (date.is_inferred(), &date.inference) {
            (true, None) => {
                let msg = "an inferred date must say how it was inferred ('inference')".into();
                self.error(&|| format!("{}.inference", path()), msg);
            }
            (false, Some(_)) => {
                let msg = "'inference' is given but the basis is not 'inferred'".into();
                self.error(&|| format!("{}.basis", path()), msg);
            }
            (true, Some(how)) => self.required(&|| format!("{}.inference", path()), how),
            (false, None) => {}
        }
    }

    fn quote(&mut self, path: PathOf, source: &str, quote: &str) {
        let quote_path = || format!("{}.quote", path());
        self.required(&quote_path, quote);
        let chars = quote.chars().count();
        if chars > MAX_QUOTE_CHARS {
            let msg = format!("the quote has {chars} characters; keep it to {MAX_QUOTE_CHARS}");
            self.error(&quote_path, msg);
        }
        let Some(texts) = self.texts else { return };
        let Some(file) = self.text_files.get(source).copied() else {
            return; // a missing source is reported by the reference check
        };
        let Some(file) = file else {
            let msg =
                format!("source '{source}' has no text_file, so this quote cannot be checked");
            self.push(Severity::Warning, &quote_path, msg);
            return;
        };
        match texts.get(file) {
            None => {} // reported once, on the source
            Some(text) if text.contains(&collapse_whitespace(quote)) => {}
            Some(_) => {
                let msg = format!("the quote is not verbatim in the text of '{source}' ({file})");
                self.error(&quote_path, msg);
            }
        }
    }
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Checks a corpus; with `texts`, also that every quote is verbatim in its source's text.
pub fn check(doc: &Document, texts: Option<&Texts>) -> Vec<Problem> {
    let mut check = Check::new(doc, texts);
    while !check.step(usize::MAX) {}
    check.finish()
}

/// A check under way, a batch of records at a time, so that a browser can show
/// progress and stay responsive while 100,000 records are checked.
pub struct Check<'a> {
    c: Checker<'a>,
    doc: &'a Document,
    /// The kind (in file order) and the record within it to check next.
    at: (usize, usize),
    done: usize,
}

impl<'a> Check<'a> {
    /// Checks the metadata and registers every id, so that references can be
    /// checked in any batch.
    pub fn new(doc: &'a Document, texts: Option<&'a Texts>) -> Check<'a> {
        let mut c = Checker {
            ids: FastMap::default(),
            text_files: FastMap::default(),
            texts,
            out: Vec::new(),
            record: None,
            id: "",
        };
        check_meta(&mut c, doc);
        register_ids(&mut c, doc);
        check_part_of_cycles(&mut c, doc);
        Check {
            c,
            doc,
            at: (0, 0),
            done: 0,
        }
    }

    /// How many records are checked so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Checks up to `batch` more records; true once every record is checked.
    pub fn step(&mut self, batch: usize) -> bool {
        let doc = self.doc;
        for _ in 0..batch {
            let (kind, i) = self.at;
            let more = match kind {
                0 => doc.sources.get(i).map(|e| check_source(&mut self.c, e)),
                1 => doc.actors.get(i).map(|e| check_actor(&mut self.c, e)),
                2 => doc.events.get(i).map(|e| check_event(&mut self.c, e)),
                3 => doc.claims.get(i).map(|e| check_claim(&mut self.c, e)),
                _ => return true,
            };
            match more {
                Some(()) => {
                    self.at = (kind, i + 1);
                    self.done += 1;
                }
                None => self.at = (kind + 1, 0),
            }
        }
        self.at.0 > 3
    }

    /// Every problem found.
    pub fn finish(self) -> Vec<Problem> {
        self.c.out
    }
}

fn check_source<'a>(c: &mut Checker<'a>, e: &'a Entry<Source>) {
    let (s, at) = (&e.record, format!("$.sources[{}]", e.index));
    c.start(Kind::Source, e.index, &s.id);
    c.term(&|| format!("{at}.kind"), &s.kind, &vocab::SOURCE_KINDS);
    c.required(&|| format!("{at}.title"), &s.title);
    if let Some(p) = &s.publisher {
        c.reference(&|| format!("{at}.publisher"), p, Kind::Actor);
    }
    c.references(&|| format!("{at}.authors"), &s.authors, Kind::Actor);
    c.date(&|| format!("{at}.date"), s.date.as_ref());
    for (i, ident) in s.identifiers.iter().enumerate() {
        let ip = || format!("{at}.identifiers[{i}]");
        c.term(
            &|| format!("{}.scheme", ip()),
            &ident.scheme,
            &vocab::IDENTIFIER_SCHEMES,
        );
        c.required(&|| format!("{}.value", ip()), &ident.value);
    }
    if let Some(url) = &s.url {
        if !is_http_link(url) {
            let msg = format!("'{url}' is not an http(s) link");
            c.error(&|| format!("{at}.url"), msg);
        }
    }
    c.references(&|| format!("{at}.cites"), &s.cites, Kind::Source);
    if let Some(file) = &s.text_file {
        if file.is_empty() || file.contains(['/', '\\']) {
            let msg = "text_file must be a plain file name".into();
            c.error(&|| format!("{at}.text_file"), msg);
        } else if c.texts.is_some_and(|t| t.get(file).is_none()) {
            let msg = format!("'{file}' is not in the texts directory");
            c.error(&|| format!("{at}.text_file"), msg);
        }
    }
    check_fingerprint(c, s, &at);
    c.optional(&|| format!("{at}.stance"), s.stance.as_ref());
    c.optional(&|| format!("{at}.note"), s.note.as_ref());
}

/// A source's text fingerprint, capture date and archived copy: each well
/// formed; with the texts, the fingerprint that of the text's bytes; the
/// archived copy of the source's own address, taken no later than the text.
fn check_fingerprint(c: &mut Checker, s: &Source, at: &str) {
    let hash_path = || format!("{at}.text_sha256");
    match (&s.text_sha256, &s.text_file) {
        (Some(hash), _) if !is_sha256_hex(hash) => {
            let msg = format!("'{hash}' is not a SHA-256: write 64 lowercase hexadecimal digits");
            c.error(&hash_path, msg);
        }
        (Some(_), None) => {
            let msg = "a text_sha256 needs the text_file it is the fingerprint of".into();
            c.error(&hash_path, msg);
        }
        (Some(hash), Some(file)) => {
            if let Some(actual) = c.texts.and_then(|t| t.sha256(file)) {
                if actual != hash {
                    let msg = format!(
                        "the text of '{}' ({file}) is not the one fingerprinted: its SHA-256 is {actual}",
                        s.id
                    );
                    c.error(&hash_path, msg);
                }
            }
        }
        (None, Some(file)) => {
            if let Some(actual) = c.texts.and_then(|t| t.sha256(file)) {
                let msg = format!(
                    "the text's fingerprint is not recorded; the SHA-256 of {file} is {actual}"
                );
                c.push(Severity::Warning, &hash_path, msg);
            }
        }
        (None, None) => {}
    }
    let captured = s.captured.as_deref().and_then(|day| {
        let date = PartialDate::parse(day).ok().filter(|d| d.day.is_some());
        if date.is_none() {
            let msg = format!("captured '{day}' is not a full date YYYY-MM-DD");
            c.error(&|| format!("{at}.captured"), msg);
        }
        date.map(|d| (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)))
    });
    let Some(archive) = &s.archive_url else {
        return;
    };
    let archive_path = || format!("{at}.archive_url");
    if !is_http_link(archive) {
        let msg = format!("'{archive}' is not an http(s) link");
        c.error(&archive_path, msg);
        return;
    }
    let Some(copy) = parse_archive_url(archive) else {
        let msg = format!(
            "'{archive}' does not name the archived address and the day of capture, \
             as https://web.archive.org/web/YYYYMMDDhhmmss/URL does"
        );
        c.error(&archive_path, msg);
        return;
    };
    match &s.url {
        None => {
            let msg = "an archived copy needs the source's own url to be a copy of".into();
            c.error(&archive_path, msg);
        }
        // A url that is not a link is reported on its own.
        Some(url) if is_http_link(url) && !names_the_same_page(copy.original, url) => {
            let msg = format!(
                "archives '{}', which is not the source's url '{url}'",
                copy.original
            );
            c.error(&archive_path, msg);
        }
        Some(_) => {}
    }
    if let Some(day) = captured {
        if copy.day > day {
            let msg = format!(
                "the archived copy was taken on {}, later than the text was captured ({})",
                copy.day_text(),
                s.captured.as_deref().unwrap_or_default()
            );
            c.error(&archive_path, msg);
        }
    }
}

fn check_actor<'a>(c: &mut Checker<'a>, e: &'a Entry<Actor>) {
    let (a, at) = (&e.record, format!("$.actors[{}]", e.index));
    c.start(Kind::Actor, e.index, &a.id);
    c.required(&|| format!("{at}.name"), &a.name);
    c.term(&|| format!("{at}.kind"), &a.kind, &vocab::ACTOR_KINDS);
    for (i, alias) in a.aliases.iter().enumerate() {
        c.required(&|| format!("{at}.aliases[{i}]"), alias);
    }
    check_other_names(c, a, &at);
    c.optional(&|| format!("{at}.country"), a.country.as_ref());
    c.optional(&|| format!("{at}.description"), a.description.as_ref());
    for (i, role) in a.roles.iter().enumerate() {
        let rp = || format!("{at}.roles[{i}]");
        c.required(&|| format!("{}.title", rp()), &role.title);
        if let Some(of) = &role.of {
            c.reference(&|| format!("{}.of", rp()), of, Kind::Actor);
        }
        c.date(&|| format!("{}.date", rp()), role.date.as_ref());
        c.reference(&|| format!("{}.source", rp()), &role.source, Kind::Source);
    }
    for (i, part) in a.part_of.iter().enumerate() {
        let pp = || format!("{at}.part_of[{i}]");
        c.reference(&|| format!("{}.of", pp()), &part.of, Kind::Actor);
        c.term(
            &|| format!("{}.basis", pp()),
            &part.basis,
            &vocab::PART_OF_BASES,
        );
        match &part.source {
            Some(source) => c.reference(&|| format!("{}.source", pp()), source, Kind::Source),
            None if part.basis == "stated" => {
                let msg = "a 'stated' part_of names the source that states it".into();
                c.error(&|| format!("{}.source", pp()), msg);
            }
            None => {}
        }
    }
}

/// An institution cannot be part of itself, however many steps away: each
/// circle of `part_of` links is named once, at the link that leaves its first
/// member in file order, so that leaving that one actor out breaks it.
fn check_part_of_cycles<'a>(c: &mut Checker<'a>, doc: &'a Document) {
    let actors = &doc.actors;
    let position: FastMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, e)| (e.record.id.as_str(), i))
        .collect();
    // Per actor, the actors it is part of, with the entry that says so.
    let edges: Vec<Vec<(usize, usize)>> = actors
        .iter()
        .map(|e| {
            e.record
                .part_of
                .iter()
                .enumerate()
                .filter_map(|(j, p)| position.get(p.of.as_str()).map(|&t| (j, t)))
                .collect()
        })
        .collect();
    // 0: not seen; 1: on the current path; 2: done.
    let mut state = vec![0u8; actors.len()];
    for root in 0..actors.len() {
        if state[root] != 0 {
            continue;
        }
        // The path from the root, each actor with the next edge to follow.
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(last) = path.last_mut() {
            let (a, next) = *last;
            last.1 += 1;
            let Some(&(_, target)) = edges[a].get(next) else {
                state[a] = 2;
                path.pop();
                continue;
            };
            match state[target] {
                0 => {
                    state[target] = 1;
                    path.push((target, 0));
                }
                1 => {
                    let from = path.iter().position(|&(x, _)| x == target).unwrap_or(0);
                    let circle: Vec<usize> = path[from..].iter().map(|&(x, _)| x).collect();
                    let first = circle.iter().copied().min().unwrap_or(target);
                    let at = circle.iter().position(|&x| x == first).unwrap_or(0);
                    // The entry of `first` that leads to the next member of the circle.
                    let next_member = circle[(at + 1) % circle.len()];
                    let entry = edges[first]
                        .iter()
                        .find(|&&(_, t)| t == next_member)
                        .map_or(0, |&(j, _)| j);
                    let mut names: Vec<&str> = circle[at..]
                        .iter()
                        .chain(&circle[..at])
                        .map(|&x| actors[x].record.id.as_str())
                        .collect();
                    names.push(actors[first].record.id.as_str());
                    let e = &actors[first];
                    c.start(Kind::Actor, e.index, &e.record.id);
                    let msg = format!(
                        "part_of goes round in a circle: {}; an institution cannot be part of itself",
                        names.join(" → ")
                    );
                    c.error(
                        &|| format!("$.actors[{}].part_of[{entry}].of", e.index),
                        msg,
                    );
                }
                _ => {}
            }
        }
    }
}

/// A BCP 47 language code as names and corpora carry them: a primary
/// language of 2 or 3 letters, then optional subtags ("fa", "en-GB", "zh-Hant").
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// An actor's names in other languages: each with its language and some text,
/// none given twice.
fn check_other_names(c: &mut Checker, a: &Actor, at: &str) {
    for (i, other) in a.names.iter().enumerate() {
        let np = || format!("{at}.names[{i}]");
        c.required(&|| format!("{}.name", np()), &other.name);
        if !is_language_code(&other.lang) {
            let msg = format!(
                "'{}' is not a language code such as 'fa' or 'en-GB'",
                other.lang
            );
            c.error(&|| format!("{}.lang", np()), msg);
        }
        let repeated = a.names[..i]
            .iter()
            .any(|o| o.lang == other.lang && o.name.trim() == other.name.trim());
        if repeated {
            let msg = format!("the {} name '{}' is given twice", other.lang, other.name);
            c.push(Severity::Warning, &np, msg);
        }
    }
}

fn check_event<'a>(c: &mut Checker<'a>, e: &'a Entry<Event>) {
    let (ev, at) = (&e.record, format!("$.events[{}]", e.index));
    c.start(Kind::Event, e.index, &ev.id);
    c.required(&|| format!("{at}.title"), &ev.title);
    c.required(&|| format!("{at}.summary"), &ev.summary);
    c.date(&|| format!("{at}.date"), ev.date.as_ref());
    c.optional(&|| format!("{at}.place"), ev.place.as_ref());
    for (i, p) in ev.actors.iter().enumerate() {
        c.reference(&|| format!("{at}.actors[{i}].actor"), &p.actor, Kind::Actor);
        c.optional(&|| format!("{at}.actors[{i}].role"), p.role.as_ref());
    }
    for (i, tag) in ev.tags.iter().enumerate() {
        c.term(&|| format!("{at}.tags[{i}]"), tag, &vocab::EVENT_TAGS);
    }
    c.references(&|| format!("{at}.related"), &ev.related, Kind::Event);
    if ev.evidence.is_empty() {
        let msg = "an event needs at least one source with a quote ('evidence')".into();
        c.error(&|| format!("{at}.evidence"), msg);
    }
    for (i, ex) in ev.evidence.iter().enumerate() {
        let xp = || format!("{at}.evidence[{i}]");
        c.reference(&|| format!("{}.source", xp()), &ex.source, Kind::Source);
        c.quote(&xp, &ex.source, &ex.quote);
    }
}

fn check_claim<'a>(c: &mut Checker<'a>, e: &'a Entry<Claim>) {
    let (cl, at) = (&e.record, format!("$.claims[{}]", e.index));
    c.start(Kind::Claim, e.index, &cl.id);
    c.term(&|| format!("{at}.voice"), &cl.voice, &vocab::VOICES);
    match &cl.claimant {
        Some(who) => c.reference(&|| format!("{at}.claimant"), who, Kind::Actor),
        None if cl.voice == "attributed" => {
            let msg = "an attributed claim needs a claimant".into();
            c.error(&|| format!("{at}.claimant"), msg);
        }
        None => {}
    }
    if let Some(who) = &cl.relayed_by {
        c.reference(&|| format!("{at}.relayed_by"), who, Kind::Actor);
    }
    c.required(&|| format!("{at}.paraphrase"), &cl.paraphrase);
    c.term(&|| format!("{at}.kind"), &cl.kind, &vocab::CLAIM_KINDS);
    c.references(&|| format!("{at}.events"), &cl.events, Kind::Event);
    c.reference(
        &|| format!("{at}.reported_in"),
        &cl.reported_in,
        Kind::Source,
    );
    if let Some(via) = &cl.via {
        c.reference(&|| format!("{at}.via"), via, Kind::Source);
    }
    c.quote(&|| at.clone(), &cl.reported_in, &cl.quote);
    c.date(&|| format!("{at}.date"), cl.date.as_ref());
    match (&cl.death_toll, cl.kind == "death-toll") {
        (None, true) => {
            let msg = "a death-toll claim needs its figure ('death_toll')".into();
            c.error(&|| format!("{at}.death_toll"), msg);
        }
        (Some(_), false) => {
            let msg = "only a claim of kind 'death-toll' carries a death_toll".into();
            c.error(&|| format!("{at}.death_toll"), msg);
        }
        (Some(toll), true) => {
            let tp = || format!("{at}.death_toll");
            c.term(
                &|| format!("{}.qualifier", tp()),
                &toll.qualifier,
                &vocab::TOLL_QUALIFIERS,
            );
            c.required(&|| format!("{}.as_written", tp()), &toll.as_written);
            let word_only = vocab::WORD_ONLY_QUALIFIERS.contains(&toll.qualifier.as_str());
            match (toll.value, word_only) {
                (Some(_), true) => {
                    let msg = format!("'{}' takes no number", toll.qualifier);
                    c.error(&|| format!("{}.value", tp()), msg);
                }
                (None, false) if vocab::TOLL_QUALIFIERS.contains(&toll.qualifier) => {
                    let msg = format!("'{}' needs the number ('value')", toll.qualifier);
                    c.error(&|| format!("{}.value", tp()), msg);
                }
                _ => {}
            }
        }
        (None, false) => {}
    }
    for (i, term) in cl.legal_terms.iter().enumerate() {
        c.term(
            &|| format!("{at}.legal_terms[{i}]"),
            term,
            &vocab::LEGAL_TERMS,
        );
    }
    if cl.kind == "legal-characterisation" && cl.legal_terms.is_empty() {
        let msg = "a legal characterisation names its terms ('legal_terms')".into();
        c.error(&|| format!("{at}.legal_terms"), msg);
    }
    c.optional(&|| format!("{at}.note"), cl.note.as_ref());
}

fn check_meta(c: &mut Checker, doc: &Document) {
    let m = &doc.meta;
    c.required(&|| "$.meta.title".into(), &m.title);
    c.required(&|| "$.meta.description".into(), &m.description);
    c.required(&|| "$.meta.version".into(), &m.version);
    c.required(&|| "$.meta.licence".into(), &m.licence);
    if m.schema_version != "1" {
        let msg = format!(
            "schema_version '{}' is not one this app reads ('1')",
            m.schema_version
        );
        c.error(&|| "$.meta.schema_version".into(), msg);
    }
    if let Some(from) = m.exported_from.as_deref().filter(|f| !is_sha256_hex(f)) {
        let msg = format!("'{from}' is not a SHA-256: write 64 lowercase hexadecimal digits");
        c.error(&|| "$.meta.exported_from".into(), msg);
    }
    if let Some(code) = &m.language {
        if !is_language_code(code) {
            let msg = format!("'{code}' is not a language code such as 'en' or 'fa'");
            c.error(&|| "$.meta.language".into(), msg);
        }
    }
    let full_date = PartialDate::parse(&m.updated).map(|d| d.day.is_some());
    if full_date != Ok(true) {
        let msg = format!("updated '{}' is not a full date YYYY-MM-DD", m.updated);
        c.error(&|| "$.meta.updated".into(), msg);
    }
}

/// Ids are unique across the whole corpus, so that one link names one record.
fn register_ids<'a>(c: &mut Checker<'a>, doc: &'a Document) {
    let all = doc
        .sources
        .iter()
        .map(|e| (Kind::Source, e.index, e.record.id.as_str()))
        .chain(
            doc.actors
                .iter()
                .map(|e| (Kind::Actor, e.index, e.record.id.as_str())),
        )
        .chain(
            doc.events
                .iter()
                .map(|e| (Kind::Event, e.index, e.record.id.as_str())),
        )
        .chain(
            doc.claims
                .iter()
                .map(|e| (Kind::Claim, e.index, e.record.id.as_str())),
        );
    for (kind, index, id) in all {
        c.start(kind, index, id);
        let path = || format!("$.{}[{index}].id", kind.array());
        if !is_slug(id) {
            let msg = format!("'{id}' is not an id: use lowercase letters, digits and hyphens");
            c.error(&path, msg);
            continue;
        }
        if let Some(&(first_kind, first)) = c.ids.get(id) {
            let msg = format!(
                "duplicate id '{id}', first used at $.{}[{first}].id",
                first_kind.array()
            );
            c.error(&path, msg);
            continue;
        }
        c.ids.insert(id, (kind, index));
    }
    for e in &doc.sources {
        c.text_files
            .insert(e.record.id.as_str(), e.record.text_file.as_deref());
    }
}
