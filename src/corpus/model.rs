//! The corpus records, mirroring `public/corpus.schema.json`.
//!
//! Every field has a default so that a record with a missing or empty field still
//! reads: validation then names each problem, instead of the reader stopping at the first.

use serde::{Deserialize, Serialize};

use crate::corpus::date::DateSpan;
use crate::i18n::{fill, KindText, Lang};

/// A date as the corpus writes it: `when` is a partial date or a START/END range.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct DateSpec {
    pub when: String,
    /// A phrasing for readers where the partial date cannot say it ("summer 1988").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The text's own wording of the date ("Date tabled: 13.09.2016", "on Friday").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
    pub basis: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inference: Option<String>,
}

impl DateSpec {
    pub fn is_inferred(&self) -> bool {
        self.basis == "inferred"
    }

    /// The date as readers see it: the text's own phrasing where given
    /// ("summer 1988"), else as precise as known ("September 2016").
    pub fn shown(&self) -> String {
        crate::i18n::Lang::En.date_spec(self)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Meta {
    pub title: String,
    pub description: String,
    pub version: String,
    pub schema_version: String,
    pub licence: String,
    pub updated: String,
    /// For an export: the filter it was made with, as the app's query string
    /// (`?view=claims&claim=death-toll`). Absent from a corpus that is not an export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// For an export: the SHA-256 of the corpus file it was made from, so that
    /// it traces to one exact corpus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exported_from: Option<String>,
    /// The language the records are written in, as a BCP 47 code ("en").
    /// Absent, `Meta::language` reads it from the script of the title and description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Meta {
    /// The language of the records, by its primary code ("en", "fa"): as the
    /// corpus states it, or else read from the script of its title and
    /// description: mostly Arabic script is taken as Persian, anything else as
    /// English, the two languages the interface speaks.
    pub fn language(&self) -> String {
        if let Some(code) = self
            .language
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            let primary = code.split(['-', '_']).next().unwrap_or(code);
            return primary.to_ascii_lowercase();
        }
        let (mut arabic, mut other) = (0usize, 0usize);
        for c in self.title.chars().chain(self.description.chars()) {
            if ('\u{0600}'..='\u{06ff}').contains(&c) {
                arabic += 1;
            } else if c.is_alphabetic() {
                other += 1;
            }
        }
        if arabic > other { "fa" } else { "en" }.to_string()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Identifier {
    pub scheme: String,
    pub value: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Source {
    pub id: String,
    pub kind: String,
    pub title: String,
    /// The text gives no title: `title` is a plain description.
    pub untitled: bool,
    pub publisher: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<DateSpec>,
    pub identifiers: Vec<Identifier>,
    pub url: Option<String>,
    pub cites: Vec<String>,
    pub text_file: Option<String>,
    /// The SHA-256 of the text file's bytes (64 lowercase hex digits), so anyone
    /// can check that a copy is the very text the records were taken from.
    pub text_sha256: Option<String>,
    /// The day the text was captured (saved from its address), YYYY-MM-DD.
    pub captured: Option<String>,
    /// An archived copy of the source's own address, such as a Wayback Machine
    /// address, which names its capture time and the original address.
    pub archive_url: Option<String>,
    pub stance: Option<String>,
    pub language: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Role {
    pub title: String,
    pub of: Option<String>,
    pub date: Option<DateSpec>,
    pub source: String,
}

/// That an institution is a part of a larger one (the Human Rights Council of
/// the United Nations), so that filtering by the larger one includes it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PartOf {
    /// Actor id of the larger body.
    pub of: String,
    /// "reference": a matter of public record (a UN body's place in the UN),
    /// reference data that needs no quote; "stated": given by `source`.
    pub basis: String,
    /// Source id that gives it, for a `stated` basis.
    pub source: Option<String>,
}

impl PartOf {
    pub fn is_reference(&self) -> bool {
        self.basis == "reference"
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub description: Option<String>,
    pub roles: Vec<Role>,
    /// The larger bodies this one is part of.
    pub part_of: Vec<PartOf>,
    /// The actor's names in other languages, where an established form exists.
    pub names: Vec<OtherName>,
}

/// A name in another language: `{"lang": "fa", "name": "سازمان ملل متحد"}`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct OtherName {
    /// A BCP 47 language code: "fa", "ar", "fr".
    pub lang: String,
    pub name: String,
}

impl Actor {
    /// The actor's names in the language `code` ("fa").
    pub fn names_in<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.names
            .iter()
            .filter(move |n| n.lang.split(['-', '_']).next() == Some(code))
            .map(|n| n.name.as_str())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Participant {
    pub actor: String,
    pub role: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Evidence {
    pub source: String,
    pub quote: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub date: Option<DateSpec>,
    pub place: Option<String>,
    pub actors: Vec<Participant>,
    pub tags: Vec<String>,
    pub related: Vec<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct DeathToll {
    pub value: Option<u64>,
    pub qualifier: String,
    pub as_written: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Claim {
    pub id: String,
    pub claimant: Option<String>,
    /// "attributed" (the claimant's words) or "author" (the reporting article's own voice).
    pub voice: String,
    pub relayed_by: Option<String>,
    pub paraphrase: String,
    pub kind: String,
    pub events: Vec<String>,
    pub reported_in: String,
    pub via: Option<String>,
    pub quote: String,
    pub date: Option<DateSpec>,
    pub death_toll: Option<DeathToll>,
    pub legal_terms: Vec<String>,
    pub note: Option<String>,
}

impl Claim {
    pub fn in_author_voice(&self) -> bool {
        self.voice == "author"
    }
}

/// What every kind of record has: its id, and the ids it names.
pub trait Record {
    fn id(&self) -> &str;

    /// Every id the record names, in the order its fields give them, repeats and
    /// all: what a reader needs beside the record to show it with its links' names.
    fn names(&self) -> Vec<&str>;
}

impl Record for Source {
    fn id(&self) -> &str {
        &self.id
    }

    fn names(&self) -> Vec<&str> {
        let publisher = self.publisher.iter();
        publisher
            .chain(&self.authors)
            .chain(&self.cites)
            .map(String::as_str)
            .collect()
    }
}

impl Record for Actor {
    fn id(&self) -> &str {
        &self.id
    }

    fn names(&self) -> Vec<&str> {
        let roles = self
            .roles
            .iter()
            .flat_map(|r| r.of.iter().chain(std::iter::once(&r.source)));
        let part_of = self
            .part_of
            .iter()
            .flat_map(|p| std::iter::once(&p.of).chain(&p.source));
        roles.chain(part_of).map(String::as_str).collect()
    }
}

impl Record for Event {
    fn id(&self) -> &str {
        &self.id
    }

    fn names(&self) -> Vec<&str> {
        let actors = self.actors.iter().map(|p| &p.actor);
        let sources = self.evidence.iter().map(|e| &e.source);
        actors
            .chain(sources)
            .chain(&self.related)
            .map(String::as_str)
            .collect()
    }
}

impl Record for Claim {
    fn id(&self) -> &str {
        &self.id
    }

    fn names(&self) -> Vec<&str> {
        let claimant = self.claimant.iter().chain(&self.relayed_by);
        claimant
            .chain(std::iter::once(&self.reported_in))
            .chain(&self.via)
            .chain(&self.events)
            .map(String::as_str)
            .collect()
    }
}

/// A whole corpus whose records all read.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Corpus {
    pub meta: Meta,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
}

impl Corpus {
    /// The id of the `idx`-th record of a kind.
    pub fn id_of(&self, kind: Kind, idx: usize) -> &str {
        match kind {
            Kind::Source => &self.sources[idx].id,
            Kind::Actor => &self.actors[idx].id,
            Kind::Event => &self.events[idx].id,
            Kind::Claim => &self.claims[idx].id,
        }
    }
}

/// The four kinds of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Source,
    Actor,
    Event,
    Claim,
}

impl Kind {
    /// The corpus array that holds records of this kind.
    pub fn array(self) -> &'static str {
        match self {
            Kind::Source => "sources",
            Kind::Actor => "actors",
            Kind::Event => "events",
            Kind::Claim => "claims",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Actor => "actor",
            Kind::Event => "event",
            Kind::Claim => "claim",
        }
    }
}

// How each language of the interface words these.
impl Lang {
    /// A record's date as readers see it: the text's own phrasing where the
    /// corpus gives one (corpus text, not translated), else the span.
    pub fn date_spec(self, date: &DateSpec) -> String {
        if let Some(label) = &date.label {
            return label.clone();
        }
        match DateSpan::parse(&date.when) {
            Ok(span) => self.span(&span),
            Err(_) => date.when.clone(),
        }
    }

    /// A record's date in full, as its own page gives it, as plain text: the
    /// date, how it was inferred where it was, and the text's own words; "undated"
    /// where there is none.
    pub fn date_in_full(self, date: Option<&DateSpec>) -> String {
        let t = self.strings();
        let Some(date) = date else {
            return t.undated.to_string();
        };
        let mut out = self.date_spec(date);
        if date.is_inferred() {
            let how = date.inference.as_deref().unwrap_or_default();
            out.push_str(&fill(t.inferred_long, &[how]));
        }
        if let Some(written) = &date.as_written {
            out.push_str(&fill(t.text_says, &[written]));
        }
        out
    }

    /// An actor's names in this language other than its main name, joined:
    /// what readers see beside the name.
    pub fn other_names(self, actor: &Actor) -> Option<String> {
        let names: Vec<&str> = actor
            .names_in(self.code())
            .filter(|n| *n != actor.name)
            .collect();
        (!names.is_empty()).then(|| names.join(self.strings().comma))
    }

    /// The words for one kind of record.
    pub fn kind(self, kind: Kind) -> &'static KindText {
        let t = self.strings();
        match kind {
            Kind::Event => &t.events,
            Kind::Claim => &t.claims,
            Kind::Source => &t.sources,
            Kind::Actor => &t.actors,
        }
    }

    /// A language named in this language: "Persian", "انگلیسی"; an
    /// unknown code as it is.
    pub fn language_name(self, code: &str) -> String {
        self.strings()
            .language_names
            .iter()
            .find(|(c, _)| *c == code)
            .map_or_else(|| code.to_string(), |(_, name)| name.to_string())
    }

    /// So many records of a kind: "1 claim", "12,400 claims".
    pub fn records(self, kind: Kind, n: usize) -> String {
        self.count(&self.kind(kind).count, n)
    }
}
