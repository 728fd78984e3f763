//! Exports of what a filter keeps: the filter in words, a corpus file of the kept
//! records that the app and the validator read as they read the shipped one, and
//! one CSV per kind of record for spreadsheets.
//!
//! Everything here is linear in the corpus (index lookups, no nested scans), so an
//! export of 100,000 records costs about what reading them did.

use crate::corpus::date::PartialDate;
use crate::corpus::model::{Corpus, DateSpec, Kind, Meta};
use crate::corpus::text::collapse_whitespace;
use crate::corpus::vocab::{self, Vocab};
use crate::query::bits::Bits;
use crate::query::filter::{Filter, Outcome};
use crate::query::index::{Index, RecordRef};
use crate::query::order::ClaimOrder;

/// The corpus file is written the way the shipped one is: `$schema` first, absent
/// and empty optional fields left out, so that the JSON Schema accepts it too.
pub use crate::corpus::write::{to_json, write_json};

// ---------------------------------------------------------------------------
// The filter in words.

fn labels(vocab: &Vocab, values: &[String]) -> String {
    values
        .iter()
        .map(|v| vocab.label(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The filter in words, one line per facet in use ("Date: from 1988 to September
/// 2016", "Claim kinds: Death toll"), for the top of a printed page and for an
/// export's metadata. Actors are named, vocabulary values shown by their labels;
/// date-range ends that are not dates are left out. Empty when no filter is set.
pub fn describe_filter(index: &Index, filter: &Filter) -> Vec<String> {
    let mut lines = Vec::new();
    // The range the filter applies: its ends read as the filter reads them.
    let (window, _) = filter.window();
    let range = match (window.from, window.to) {
        (Some(f), Some(t)) => Some(format!("from {f} to {t}")),
        (Some(f), None) => Some(format!("from {f}")),
        (None, Some(t)) => Some(format!("until {t}")),
        (None, None) => None,
    };
    if let Some(range) = range {
        lines.push(format!("Date: {range}"));
        if filter.include_undated {
            lines.push("Records with no date: included".to_string());
        }
    }
    if !filter.actors.is_empty() {
        let names: Vec<&str> = filter
            .actors
            .iter()
            .map(|id| index.actor(id).map_or(id.as_str(), |a| a.name.as_str()))
            .collect();
        lines.push(format!("Institutions and people: {}", names.join(", ")));
    }
    let facets = [
        ("Event tags", &vocab::EVENT_TAGS, &filter.tags),
        ("Claim kinds", &vocab::CLAIM_KINDS, &filter.claim_kinds),
        (
            "Legal characterisations",
            &vocab::LEGAL_TERMS,
            &filter.legal_terms,
        ),
        ("Source kinds", &vocab::SOURCE_KINDS, &filter.source_kinds),
    ];
    for (name, vocab, values) in facets {
        if !values.is_empty() {
            lines.push(format!("{name}: {}", labels(vocab, values)));
        }
    }
    let text = collapse_whitespace(filter.text.trim());
    if !text.is_empty() {
        lines.push(format!("Search: “{text}”"));
    }
    lines
}

/// "2026-11-23" as readers write it: "23 November 2026"; anything that is not a
/// date is given back as it is.
pub fn long_date(ymd: &str) -> String {
    match PartialDate::parse(ymd.trim()) {
        Ok(d) => d.to_string(),
        Err(_) => ymd.to_string(),
    }
}

// ---------------------------------------------------------------------------
// The filtered corpus.

/// The records an export holds: the kept ones and, transitively, every record
/// they cannot do without.
struct Closure<'a> {
    index: &'a Index,
    held: Bits,
    todo: Vec<usize>,
}

impl Closure<'_> {
    fn hold(&mut self, kind: Kind, id: &str) {
        if let Some(idx) = self.index.find(id, kind) {
            let n = self.index.numbering.number(kind, idx);
            if !self.held.contains(n) {
                self.held.insert(n);
                self.todo.push(n);
            }
        }
    }

    /// Follows every required link of the record numbered `n`; optional links
    /// (a source's `cites`, an event's `related`) are not followed.
    fn follow(&mut self, n: usize) {
        let c = &self.index.corpus;
        let RecordRef { kind, idx } = self.index.numbering.record(n);
        match kind {
            Kind::Source => {
                let s = &c.sources[idx];
                for a in s.publisher.iter().chain(&s.authors) {
                    self.hold(Kind::Actor, a);
                }
            }
            Kind::Actor => {
                for role in &c.actors[idx].roles {
                    self.hold(Kind::Source, &role.source);
                    if let Some(of) = &role.of {
                        self.hold(Kind::Actor, of);
                    }
                }
            }
            Kind::Event => {
                let e = &c.events[idx];
                for x in &e.evidence {
                    self.hold(Kind::Source, &x.source);
                }
                for p in &e.actors {
                    self.hold(Kind::Actor, &p.actor);
                }
            }
            Kind::Claim => {
                let cl = &c.claims[idx];
                self.hold(Kind::Source, &cl.reported_in);
                if let Some(via) = &cl.via {
                    self.hold(Kind::Source, via);
                }
                for a in cl.claimant.iter().chain(&cl.relayed_by) {
                    self.hold(Kind::Actor, a);
                }
                for e in &cl.events {
                    self.hold(Kind::Event, e);
                }
            }
        }
    }
}

/// Which records an export of `kept` holds, by number: the kept records and
/// everything they need, followed transitively.
pub fn closure(index: &Index, kept: &Bits) -> Bits {
    let total = index.numbering.total();
    let mut held = Bits::new(total);
    let mut todo = Vec::new();
    for n in kept.ones_in(0..total.min(kept.len())) {
        held.insert(n);
        todo.push(n);
    }
    let mut c = Closure { index, held, todo };
    while let Some(n) = c.todo.pop() {
        c.follow(n);
    }
    c.held
}

/// A corpus of the records the filter keeps (`outcome.kept`, every kind) and
/// everything they need: a claim's source, claimant, relayer, original document
/// and events; an event's sources and participants; a source's publisher and
/// authors; an actor's role sources and the bodies its roles are of, followed
/// transitively. Optional links whose target is not in the export (a source's
/// `cites`, an event's `related`, an actor's `part_of`) are dropped, so the
/// export stays small.
/// Records keep their ids and corpus order. `query` is the filter as the app's
/// query string, kept in `meta.filter`; `exported` (YYYY-MM-DD) becomes
/// `meta.updated`.
pub fn filtered_corpus(
    index: &Index,
    outcome: &Outcome,
    filter: &Filter,
    query: &str,
    exported: &str,
) -> Corpus {
    let held = closure(index, &outcome.kept);
    let c = &index.corpus;
    let numbering = &index.numbering;
    let has = |kind: Kind, idx: usize| held.contains(numbering.number(kind, idx));
    let holds = |kind: Kind, id: &str| index.find(id, kind).is_some_and(|i| has(kind, i));
    let pick = |kind: Kind| -> Vec<usize> {
        let range = numbering.range(kind);
        let start = range.start;
        held.ones_in(range).map(|n| n - start).collect()
    };
    let sources = pick(Kind::Source)
        .into_iter()
        .map(|i| {
            let mut s = c.sources[i].clone();
            s.cites.retain(|id| holds(Kind::Source, id));
            s
        })
        .collect();
    let actors = pick(Kind::Actor)
        .into_iter()
        .map(|i| {
            let mut a = c.actors[i].clone();
            a.part_of.retain(|p| {
                holds(Kind::Actor, &p.of)
                    && p.source.as_ref().is_none_or(|s| holds(Kind::Source, s))
            });
            a
        })
        .collect();
    let events = pick(Kind::Event)
        .into_iter()
        .map(|i| {
            let mut e = c.events[i].clone();
            e.related.retain(|id| holds(Kind::Event, id));
            e
        })
        .collect();
    let claims = pick(Kind::Claim)
        .into_iter()
        .map(|i| c.claims[i].clone())
        .collect();
    Corpus {
        meta: export_meta(index, filter, query, exported),
        sources,
        actors,
        events,
        claims,
    }
}

fn export_meta(index: &Index, filter: &Filter, query: &str, exported: &str) -> Meta {
    let original = &index.corpus.meta;
    let lines = describe_filter(index, filter);
    let (title, how) = if lines.is_empty() {
        (
            format!("{} — export", original.title),
            "with no filter.".to_string(),
        )
    } else {
        let mut words = lines.join("; ");
        if !words.ends_with('.') {
            words.push('.');
        }
        (
            format!("{} — filtered export", original.title),
            format!("with this filter: {words}"),
        )
    };
    let fingerprint = index
        .fingerprint
        .as_ref()
        .map(|f| format!(", SHA-256 {f}"))
        .unwrap_or_default();
    let elsewhere = index
        .elsewhere
        .as_ref()
        .map(|place| {
            format!(
                " It was made from a corpus that is not the one the site publishes, read from {place}."
            )
        })
        .unwrap_or_default();
    let description = format!(
        "An export of “{}” (version {}{fingerprint}), made on {} {how}{elsewhere} It holds the \
         records the filter keeps and every record they refer to. About the corpus: {}",
        original.title,
        original.version,
        long_date(exported),
        original.description,
    );
    Meta {
        title,
        description,
        updated: exported.to_string(),
        filter: Some(query.to_string()),
        exported_from: index.fingerprint.clone(),
        ..original.clone()
    }
}

/// Where the corpus was read from, in words: a corpus that is not the one the
/// site publishes says so.
pub fn read_from(index: &Index) -> String {
    match &index.elsewhere {
        Some(place) => format!("{place} (not the corpus this site publishes)"),
        None => "the corpus this site publishes".into(),
    }
}

// ---------------------------------------------------------------------------
// CSV.

/// Makes one CSV field safe for spreadsheets and RFC 4180.
///
/// Formula-injection guard (OWASP, "CSV Injection"): a field that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by
/// Excel, LibreOffice or Google Sheets, so it gets a leading apostrophe `'`,
/// which spreadsheets show as text and do not evaluate. Then a field holding a
/// comma, a double quote, CR or LF is quoted, its quotes doubled.
pub fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A CSV file being written: UTF-8 with a byte-order mark (so Excel reads
/// accents and Persian script correctly), CRLF line ends.
struct CsvOut {
    text: String,
    /// The corpus every row comes from: its version, fingerprint and where it
    /// was read from, ending each row.
    corpus: [String; 3],
}

impl CsvOut {
    fn new(header: &[&str], index: &Index) -> CsvOut {
        let mut out = CsvOut {
            text: String::from("\u{feff}"),
            corpus: [
                "corpus version".into(),
                "corpus sha256".into(),
                "corpus read from".into(),
            ],
        };
        out.row(header.iter().map(|h| h.to_string()).collect());
        out.corpus = [
            index.corpus.meta.version.clone(),
            index.fingerprint.clone().unwrap_or_default(),
            read_from(index),
        ];
        out
    }

    fn row(&mut self, fields: Vec<String>) {
        for (i, f) in fields.iter().chain(&self.corpus).enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            self.text.push_str(&csv_field(f));
        }
        self.text.push_str("\r\n");
    }
}

const LIST: &str = "; ";

fn join<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> String {
    let items: Vec<S> = items.into_iter().collect();
    items
        .iter()
        .map(|s| s.as_ref())
        .collect::<Vec<_>>()
        .join(LIST)
}

/// The date columns' headers, each prefixed by `what` ("date").
fn date_headers(what: &str) -> [String; 5] {
    [
        what.to_string(),
        format!("{what} (shown)"),
        format!("{what} basis"),
        format!("{what} inference"),
        format!("{what} as written"),
    ]
}

/// `when`, the readable form, basis, inference and as written.
fn date_fields(date: Option<&DateSpec>) -> [String; 5] {
    match date {
        None => Default::default(),
        Some(d) => [
            d.when.clone(),
            d.shown(),
            d.basis.clone(),
            d.inference.clone().unwrap_or_default(),
            d.as_written.clone().unwrap_or_default(),
        ],
    }
}

fn opt(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

/// One CSV of the kept records of `kind`, in the list's order (the claims in
/// `order`): a header row, then a row per record. Lists are joined with "; ",
/// references given by name and by id, dates by `when` and as shown. The file
/// begins with a UTF-8 byte-order mark; see [`csv_field`] for quoting and the
/// formula-injection guard.
pub fn csv(index: &Index, outcome: &Outcome, kind: Kind, order: ClaimOrder) -> String {
    let items = outcome.listing(index, kind, order).items;
    let positions = items.iter().map(|&i| i as usize);
    match kind {
        Kind::Claim => claims_csv(index, positions),
        Kind::Event => events_csv(index, positions),
        Kind::Source => sources_csv(index, positions),
        Kind::Actor => actors_csv(index, positions),
    }
}

fn header(before: &[&str], date: &str, after: &[&str]) -> Vec<String> {
    before
        .iter()
        .map(|s| s.to_string())
        .chain(date_headers(date))
        .chain(after.iter().map(|s| s.to_string()))
        .collect()
}

fn csv_with(header: Vec<String>, index: &Index) -> CsvOut {
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    CsvOut::new(&refs, index)
}

fn actor_name(index: &Index, id: &str) -> String {
    index.actor(id).map_or(id.to_string(), |a| a.name.clone())
}

fn source_title(index: &Index, id: &str) -> String {
    index.source(id).map_or(id.to_string(), |s| s.title.clone())
}

fn event_title(index: &Index, id: &str) -> String {
    index.event(id).map_or(id.to_string(), |e| e.title.clone())
}

fn claims_csv(index: &Index, positions: impl Iterator<Item = usize>) -> String {
    let mut out = csv_with(
        header(
            &[
                "id",
                "kind",
                "paraphrase",
                "claimant",
                "claimant id",
                "voice",
                "relayed by",
                "relayed by id",
                "via",
                "via id",
                "reported in",
                "reported in id",
                "quote",
            ],
            "date",
            &[
                "death toll",
                "death toll value",
                "death toll qualifier",
                "legal terms",
                "events",
                "event ids",
                "note",
            ],
        ),
        index,
    );
    for i in positions {
        let c = &index.corpus.claims[i];
        let toll = c.death_toll.as_ref();
        let mut row = vec![
            c.id.clone(),
            vocab::CLAIM_KINDS.label(&c.kind).to_string(),
            c.paraphrase.clone(),
            index.claimant_name(c),
            opt(&c.claimant),
            vocab::VOICES.label(&c.voice).to_string(),
            c.relayed_by
                .as_deref()
                .map(|a| actor_name(index, a))
                .unwrap_or_default(),
            opt(&c.relayed_by),
            c.via
                .as_deref()
                .map(|s| source_title(index, s))
                .unwrap_or_default(),
            opt(&c.via),
            source_title(index, &c.reported_in),
            c.reported_in.clone(),
            c.quote.clone(),
        ];
        row.extend(date_fields(c.date.as_ref()));
        row.extend([
            toll.map(|t| t.as_written.clone()).unwrap_or_default(),
            toll.and_then(|t| t.value)
                .map(|v| v.to_string())
                .unwrap_or_default(),
            toll.map(|t| qualifier(&t.qualifier)).unwrap_or_default(),
            join(c.legal_terms.iter().map(|t| vocab::LEGAL_TERMS.label(t))),
            join(c.events.iter().map(|e| event_title(index, e))),
            join(&c.events),
            opt(&c.note),
        ]);
        out.row(row);
    }
    out.text
}

/// A death toll's qualifier as readers say it ("more than"); "unqualified" for none.
fn qualifier(value: &str) -> String {
    match vocab::TOLL_QUALIFIERS.label(value) {
        "" => value.to_string(),
        label => label.to_string(),
    }
}

fn events_csv(index: &Index, positions: impl Iterator<Item = usize>) -> String {
    let mut out = csv_with(
        header(
            &["id", "title", "summary"],
            "date",
            &[
                "place",
                "participants",
                "actor ids",
                "tags",
                "sources",
                "source ids",
                "quotes",
                "related event ids",
            ],
        ),
        index,
    );
    for i in positions {
        let e = &index.corpus.events[i];
        let mut row = vec![e.id.clone(), e.title.clone(), e.summary.clone()];
        row.extend(date_fields(e.date.as_ref()));
        let participants = e.actors.iter().map(|p| {
            let name = actor_name(index, &p.actor);
            match &p.role {
                Some(role) => format!("{name} ({role})"),
                None => name,
            }
        });
        let mut source_ids: Vec<&str> = Vec::new();
        for x in &e.evidence {
            if !source_ids.contains(&x.source.as_str()) {
                source_ids.push(&x.source);
            }
        }
        let quotes: Vec<String> = e
            .evidence
            .iter()
            .map(|x| format!("{} — {}", x.quote, source_title(index, &x.source)))
            .collect();
        row.extend([
            opt(&e.place),
            join(participants),
            join(e.actors.iter().map(|p| p.actor.as_str())),
            join(e.tags.iter().map(|t| vocab::EVENT_TAGS.label(t))),
            join(source_ids.iter().map(|s| source_title(index, s))),
            join(&source_ids),
            quotes.join(" | "),
            join(&e.related),
        ]);
        out.row(row);
    }
    out.text
}

fn sources_csv(index: &Index, positions: impl Iterator<Item = usize>) -> String {
    let corpus = &index.corpus;
    // Events whose evidence quotes each source, counted in one pass.
    let mut evidence_of = vec![0usize; corpus.sources.len()];
    for e in &corpus.events {
        let mut seen: Vec<usize> = e
            .evidence
            .iter()
            .filter_map(|x| index.find(&x.source, Kind::Source))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for s in seen {
            evidence_of[s] += 1;
        }
    }
    let mut out = csv_with(
        header(
            &[
                "id",
                "kind",
                "title",
                "untitled",
                "publisher",
                "publisher id",
                "authors",
                "author ids",
            ],
            "date",
            &[
                "identifiers",
                "url",
                "archive url",
                "text sha256",
                "captured",
                "cites ids",
                "cited by ids",
                "stance",
                "language",
                "note",
                "events resting on it",
                "claims resting on it",
            ],
        ),
        index,
    );
    for i in positions {
        let s = &corpus.sources[i];
        let mut row = vec![
            s.id.clone(),
            vocab::SOURCE_KINDS.label(&s.kind).to_string(),
            s.title.clone(),
            if s.untitled { "yes" } else { "" }.to_string(),
            s.publisher
                .as_deref()
                .map(|a| actor_name(index, a))
                .unwrap_or_default(),
            opt(&s.publisher),
            join(s.authors.iter().map(|a| actor_name(index, a))),
            join(&s.authors),
        ];
        row.extend(date_fields(s.date.as_ref()));
        row.extend([
            join(s.identifiers.iter().map(|x| {
                format!(
                    "{}: {}",
                    vocab::IDENTIFIER_SCHEMES.label(&x.scheme),
                    x.value
                )
            })),
            opt(&s.url),
            opt(&s.archive_url),
            opt(&s.text_sha256),
            opt(&s.captured),
            join(&s.cites),
            join(index.ids(Kind::Source, &index.cited_by[i])),
            opt(&s.stance),
            opt(&s.language),
            opt(&s.note),
            evidence_of[i].to_string(),
            index.sources[i].related.claims.len().to_string(),
        ]);
        out.row(row);
    }
    out.text
}

fn actors_csv(index: &Index, positions: impl Iterator<Item = usize>) -> String {
    let mut out = CsvOut::new(
        &[
            "id",
            "name",
            "kind",
            "aliases",
            "country",
            "description",
            "roles",
            "role source ids",
            "names in other languages",
            "part of",
            "part of ids",
        ],
        index,
    );
    for i in positions {
        let a = &index.corpus.actors[i];
        let roles = a.roles.iter().map(|r| {
            let mut text = r.title.clone();
            if let Some(of) = &r.of {
                text.push_str(&format!(", {}", actor_name(index, of)));
            }
            if let Some(d) = &r.date {
                text.push_str(&format!(", {}", d.shown()));
            }
            text.push_str(&format!(" (source: {})", source_title(index, &r.source)));
            text
        });
        out.row(vec![
            a.id.clone(),
            a.name.clone(),
            vocab::ACTOR_KINDS.label(&a.kind).to_string(),
            join(&a.aliases),
            opt(&a.country),
            opt(&a.description),
            join(roles),
            join(a.roles.iter().map(|r| r.source.as_str())),
            join(a.names.iter().map(|n| format!("{}: {}", n.lang, n.name))),
            join(a.part_of.iter().map(|p| {
                format!(
                    "{} ({})",
                    actor_name(index, &p.of),
                    vocab::PART_OF_BASES.label(&p.basis)
                )
            })),
            join(a.part_of.iter().map(|p| p.of.as_str())),
        ]);
    }
    out.text
}

/// The name of an export file: `kind_or_json` is a list's name ("claims",
/// "events", "sources", "actors") for a CSV, or "json" (or "corpus") for the
/// corpus file; `filtered` when a filter is set; `date` is YYYY-MM-DD.
/// `dossier-claims-filtered-2026-11-23.csv`, `dossier-corpus-2026-11-23.json`.
pub fn file_name(kind_or_json: &str, filtered: bool, date: &str) -> String {
    let (what, ext) = match kind_or_json {
        "json" | "corpus" => ("corpus", "json"),
        other => (other, "csv"),
    };
    let filtered = if filtered { "-filtered" } else { "" };
    format!("dossier-{what}{filtered}-{date}.{ext}")
}
