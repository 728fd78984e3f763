//! The corpus in parts: one small manifest, and record parts named by their
//! content, so that any static host can serve them and a browser can keep each part
//! for good. The writer (the build's `split-corpus`) and the reader (the app) are
//! both here, so that they cannot drift apart; README "The corpus in parts" is the
//! format's specification.
//!
//! A record part is itself a corpus file in the schema: the corpus's meta and a run
//! of each list, in the whole corpus's order. Laid end to end, the parts' lists are
//! the whole corpus's lists, record for record.
//!
//! Every part is stored gzipped, so that it travels small from a host that does
//! not compress (a plain file server, a copy on a stick) as from one that does;
//! its hash is that of its JSON, so it checks the same whether the host passed the
//! file on as stored or inflated it on the way.
//!
//! The reader does no network work: [`Assembly::missing`] says which parts it still
//! needs, and [`Assembly::take`] takes a part's bytes, checking them against the
//! manifest's hash, in whatever order they arrive.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corpus::document::{Document, Entry};
use crate::corpus::load::{self, LoadError};
use crate::corpus::model::{Corpus, Kind, Meta};
use crate::corpus::sha256::sha256_hex;
use crate::corpus::write::{Lean, Slices};
use crate::i18n::{fill, Lang};
use crate::publish::glance::FirstLook;
use crate::publish::names::NamesUnder;
use crate::publish::pages::{reaches, ActorList, DayRow, ListRow, PlacedDays, PlacedRow};
use crate::publish::views::{ActorListRow, ClaimRow, ClaimsCharts, ListTimelines, SourceRow};
use crate::query::index::KINDS;
use crate::query::search::TextIndex;
use crate::query::url_state::PAGE_SIZE;

/// The format this module writes and reads, named in every manifest.
pub const FORMAT: &str = "dossier-parts/18";

/// The element of the app's page that carries the record directory's parts
/// ([`Manifest::directory_in_page`]), up to its contents.
pub const DIRECTORY_ELEMENT: &str = r#"<script type="application/json" id="dossier-directory">"#;

/// The manifest's file name, in the parts' folder. It is the one file that is
/// fetched fresh; every part's name changes with its contents.
pub const MANIFEST: &str = "manifest.json";

/// About how many bytes of JSON a record part holds: 896 KiB gzips to about 225 KB
/// at the generated corpora's records (1 MiB gave 263 KB), within the 100 to 250 KB
/// that serves a slow link best (fewer, larger requests). A single record larger
/// than this gets a part of its own.
pub const PART_BYTES: usize = 896 * 1024;

/// Above how many bytes of parts, as stored, the app asks before it reads them
/// all: 32 MiB, about 220,000 of the generated corpora's records, whose indexes
/// take about 330 MB of a browser's memory; a phone may hold no more, and a
/// reader on a metered link should choose such a download.
pub const ASK_ABOVE: usize = 32 * 1024 * 1024;

/// Sources and actors are cut into parts of a quarter of the size: they are the
/// records that others name (a claim's source and claimant, an event's
/// participants), so a record opened alone fetches theirs for a name each; a
/// tenth of a generated corpus's bytes, they add a few requests to a whole read.
pub const NAMED_SHARE: usize = 4;

/// A directory part holds about a seventh of a record part's JSON (128 KiB, some
/// 16 KB stored): a reader looks one id up in it, so it should cost little more
/// than a round trip.
pub const DIRECTORY_SHARE: usize = 7;

/// Half a record part's JSON (448 KiB, some 130 KB stored, 25 pages of the
/// events list at the generated corpora's events): the share at which the
/// tables read a word or an actor at a time (the words' tables, the actors'
/// lists) and the rows written apart are cut, and the unit in which a page
/// spread over a list is counted ([`in_list_parts`]).
pub const LIST_SHARE: usize = 2;

/// A part of the default list holds a quarter of a record part's JSON (224
/// KiB, some 65 KB stored, 12 pages of the list at the generated corpora's
/// events): a search's page of a word found in a few dozen events takes its
/// rows from as many parts, one row each, so a part's size is what such a page
/// costs; the manifest lists them, which every visit reads, so they are cut no
/// smaller (about 480 of them at a million records, some 60 bytes each
/// gzipped).
pub const EVENTS_LIST_SHARE: usize = 4;

/// A part of the claims', the sources' and the institutions' and people's
/// lists holds an eighth of a record part's JSON (112 KiB, some 33 KB stored,
/// three or four pages of claims), for the same reason: their directories list
/// them, not the manifest, so only the file count grows (about 2,900 more at a
/// million records); paging on reads a part every few pages.
pub const VIEW_LIST_SHARE: usize = 8;

/// About how many parts a list of `json` bytes of JSON would have at
/// [`LIST_SHARE`] of `part_bytes`: which words and kinds are rare enough to
/// have their rows written apart is counted in parts of that size, so that
/// cutting a list smaller does not move those thresholds.
fn in_list_parts(json: impl Iterator<Item = usize>, part_bytes: usize) -> usize {
    json.sum::<usize>()
        .div_ceil((part_bytes / LIST_SHARE).max(1))
}

/// A part of the kinds' table holds about an eighth of a record part's JSON
/// (112 KiB): a kind chosen is one key looked up, whose list is some 60 KiB of
/// JSON at a million records, so a part of the words' size would fetch six
/// other kinds' lists with it (145 KB stored, 0.6 s more on a slow phone link);
/// the vocabularies are fixed, so the manifest gains a few dozen entries at most.
pub const KINDS_SHARE: usize = 8;

/// The names table's parts are cut at this share of a part's size: each thing
/// typed reads one.
pub const NAMES_SHARE: usize = 2;

/// Above how many bytes of parts, as stored, a record opened by its address is
/// shown alone first: see [`Manifest::shows_alone`].
pub const SHOW_ALONE_ABOVE: usize = 4 * 1024 * 1024;

/// Above how many bytes of parts, as stored, the list over a date range asks
/// the reader before it reads them: about 65,000 of the generated corpora's
/// events, some 90 MB of a browser's memory once read, and 40 s on a slow phone
/// link. A reader who types only the start of a range is not charged the whole
/// list for it, unasked.
pub const RANGE_ASK_ABOVE: usize = 8 * 1024 * 1024;

/// Above how many bytes of a view's kinds' table, as stored, the counts beside
/// the kinds under a filter wait for the reader to ask: some 1.3 s on a slow
/// phone link. Every part of the table is read to count them (1.4 MB of the
/// events' at a million records; 140 KB at 100,000), for a fold the reader
/// may only have seen drawn open.
pub const KINDS_ASK_ABOVE: usize = 256 * 1024;

/// So many records of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub sources: usize,
    pub actors: usize,
    pub events: usize,
    pub claims: usize,
}

impl Counts {
    pub fn of(&self, kind: Kind) -> usize {
        match kind {
            Kind::Source => self.sources,
            Kind::Actor => self.actors,
            Kind::Event => self.events,
            Kind::Claim => self.claims,
        }
    }

    /// The places in the whole corpus's list of a kind of `count` records from
    /// these: a part's run of that list.
    pub fn run(&self, count: &Counts, kind: Kind) -> std::ops::Range<usize> {
        self.of(kind)..self.of(kind) + count.of(kind)
    }

    fn slot(&mut self, kind: Kind) -> &mut usize {
        match kind {
            Kind::Source => &mut self.sources,
            Kind::Actor => &mut self.actors,
            Kind::Event => &mut self.events,
            Kind::Claim => &mut self.claims,
        }
    }

    pub fn total(&self) -> usize {
        self.sources + self.actors + self.events + self.claims
    }
}

/// One record part, as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartEntry {
    /// Its file name beside the manifest: `r-`, the first 16 hex digits of its
    /// SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON (the file inflated), in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
    /// Where its run of each list starts in the whole corpus's list.
    pub first: Counts,
    /// How many records of each kind it holds.
    pub count: Counts,
}

/// One part of a table by id, as the manifest lists it: a run of the corpus's
/// ids in byte order, each with what the table says of it. The record directory
/// (which record part holds the id) and the records' first looks are such tables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableEntry {
    /// Its file name beside the manifest: the table's letter (`d-`, `g-`), the
    /// first 16 hex digits of its SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON, in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
    /// Its first id: the part holds the ids from this one up to the next part's first.
    pub from: String,
    /// How many ids it holds.
    pub count: usize,
}

/// Where a year's events begin in the default list, as its parts say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearInList {
    /// At this place in the list.
    At(usize),
    /// Somewhere in this part of the list, or where the next one starts: read it.
    InPart(usize),
    /// No dated event is listed under that year or a later one.
    Nowhere,
}

/// One part of the default list (`publish::pages`), as the manifest lists it: a
/// run of the list's rows, in its order, cut where a page of the list ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListEntry {
    /// Its file name beside the manifest: `l-`, the first 16 hex digits of its
    /// SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON, in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
    /// The place in the list of its first row, from 0: a multiple of a page.
    pub first: usize,
    /// How many rows it holds.
    pub count: usize,
    /// The year its first row is listed under; absent for an undated one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The first and last day its dated rows that do not reach cover (as
    /// `ListRow::days`): a date range that misses them needs no row of this
    /// part but those that reach, which `Manifest::reach` holds. Absent where
    /// it has no such row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<(u32, u32)>,
    /// The earliest last day and the latest first day of its rows that reach:
    /// a date range from that last day or before, to that first day or after,
    /// meets each of them, and so reads their days among the rows that reach.
    /// With `days` within it too, it keeps each of the part's dated rows
    /// without reading their days (`publish::range`). Absent where it has no
    /// such row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach_meets: Option<(u32, u32)>,
    /// How many of its rows are undated.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub undated: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A part of the days of the default list's rows that reach
/// (`ListRow::reaches`), each with its place in the list ([`PlacedDays`]), in
/// an order that lets a range skip the parts that hold none of it
/// (`reach_parts`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReachEntry {
    /// Its file name beside the manifest: `s-`, the first 16 hex digits of its
    /// SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON, in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
    /// How many rows it holds.
    pub count: usize,
    /// The first and last day its rows cover.
    pub days: (u32, u32),
}

/// A part of a list of rows in a known order, by their positions in it: a run of
/// the actors' lists' rows, as a part of their table lists it ([`ActorTable`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowsEntry {
    /// Its file name beside the manifest: a letter, a dash, the first 16 hex
    /// digits of its SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON, in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
    /// The position of its first row.
    pub first: usize,
    /// How many rows it holds.
    pub count: usize,
}

/// A part of the days of another view's list in pages (the claims', the
/// sources': both in date order), by their places in it, with the days its
/// rows cover: a date range that misses them needs none of it, and one that
/// holds them keeps its rows without reading it (`publish::view_range`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaysEntry {
    /// The part, named `y-` + 16 hex digits: a list of [`DayRow`]s, `null`
    /// for an undated row, as the default list's days (`Manifest::dates`).
    #[serde(flatten)]
    pub rows: RowsEntry,
    /// The first and last day its dated rows that do not reach cover (as
    /// `ListEntry::days`); absent where it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<(u32, u32)>,
    /// The earliest last day and the latest first day of its rows that reach
    /// (as `ListEntry::reach_meets`), whose days the list's reach parts hold
    /// too; absent where it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach_meets: Option<(u32, u32)>,
    /// How many of its rows are undated.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub undated: usize,
}

/// The first rows of a list's rare words, written apart (`n-` parts): a
/// page of a word that few records hold would read a part of the list for
/// each few of its rows; the first page of every word found in fewer than
/// `below` of the list's records is written, each row with its place, as a
/// table by word, so that it reads one or two parts
/// (`publish::word_rows::WordsApart`).
///
/// The table's parts are listed in a directory of their own (`nd-` parts),
/// which the manifest lists: a real corpus's many rare words make thousands
/// of parts at a million records, whose entries would make the manifest,
/// which every visit reads, twice as large.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordRows {
    /// Below how many records a word has its first page written apart.
    pub below: usize,
    /// The parts of the directory of the table by word of those first pages,
    /// each a list of the table's parts ([`read_word_rows_directory`]), from
    /// the first word the first of them holds; each part of the table holds
    /// words with their first rows (at most a page), each as `[place, row]`.
    pub directory: Vec<TableEntry>,
}

impl WordRows {
    /// Whether a word found in `count` rows of the list has its first page
    /// written apart: fewer than `below`, and more than a page of them can
    /// spread over (fewer lie in no more parts than they are).
    pub fn holds(&self, count: usize) -> bool {
        count > SPREAD_PARTS && count < self.below
    }

    /// The parts of the directory that list every word the words `words`
    /// (folded and stemmed as a search reads them) begin, each once, in
    /// order: all that a search for them can need, which a reader may fetch
    /// beside the words' table before it knows which of them are rare.
    pub fn directory_parts_of(&self, words: &[String]) -> Vec<&TableEntry> {
        let at = (words.iter()).flat_map(|word| words_in(&self.directory, word));
        entries_at(&self.directory, at)
    }
}

/// The entries of `parts` at the places `at`, each once, in order.
pub fn entries_at(parts: &[TableEntry], at: impl Iterator<Item = usize>) -> Vec<&TableEntry> {
    let mut at: Vec<usize> = at.collect();
    at.sort_unstable();
    at.dedup();
    at.into_iter().filter_map(|at| parts.get(at)).collect()
}

/// A part of the rows that reach of another view's list in pages (the
/// claims', the sources'), each with its place in the list, in its order: a
/// date range lists those that meet it at their places, far from the rows
/// near them in days, and reads them from these parts, where they lie
/// together, rather than from the list's parts, a part for each few.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReachRowsEntry {
    /// Its file name beside the manifest: `x-`, the first 16 hex digits of its
    /// SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON, in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
    /// How many rows it holds.
    pub count: usize,
    /// The places in the list of its first and last row.
    pub places: (usize, usize),
}

/// A part of another view's list in pages (`publish::views`), as that list's
/// directory lists it: a run of the list's rows, in its order, cut where a page ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewEntry {
    /// Its file name beside the manifest: `c-` (claims) or `o-` (sources), the
    /// first 16 hex digits of its SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON, in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
    /// The place in the list of its first row, from 0: a multiple of a page.
    pub first: usize,
    /// How many rows it holds.
    pub count: usize,
    /// Whether its first row is under the same heading (the claims' year) as
    /// the row before it, in the part before: a page that begins here says
    /// the heading goes on from the page before, as the app's list says it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub continues: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A part that stands alone, as the manifest lists it: the claims' charts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its file name beside the manifest: a letter, a dash, the first 16 hex
    /// digits of its SHA-256, and `.json.gz`.
    pub file: String,
    /// The SHA-256 of its JSON, in hex.
    pub sha256: String,
    /// The size of its file, as stored (gzipped).
    pub bytes: usize,
    /// The size of its JSON.
    pub json: usize,
}

/// The entry file: what the corpus is, how many records it has, and its parts.
/// It grows with the number of parts, never with the number of records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub meta: Meta,
    /// The SHA-256 of the corpus file the parts were cut from, in hex: the corpus's
    /// fingerprint, which citations and exports carry.
    pub sha256: String,
    pub totals: Counts,
    pub parts: Vec<PartEntry>,
    /// The record directory, in the order of its ids: where to find one record
    /// without reading them all.
    #[serde(default)]
    pub directory: Vec<TableEntry>,
    /// The default list's parts, in its order: its pages without the records.
    #[serde(default)]
    pub list: Vec<ListEntry>,
    /// The default list's rows that reach, apart: with the list's parts that a
    /// date range meets, all that the list over that range needs.
    #[serde(default)]
    pub reach: Vec<ReachEntry>,
    /// The days of the default list's rows, by place (`publish::range`): a
    /// date range counts and places its events from them, and reads a page's
    /// rows only.
    #[serde(default)]
    pub dates: Vec<RowsEntry>,
    /// What the events list keeps for each actor chosen alone, by actor id: a
    /// table of [`ActorList`]s, each part with the parts of the rows of its
    /// actors' lists ([`ActorTable`]), so that the manifest does not grow with them.
    #[serde(default)]
    pub by_actor: Vec<TableEntry>,
    /// The words a search finds in the events, in byte order, each with the
    /// places in the default list of the events that hold it: a table by word
    /// (`publish::by_word`), so that a typed word fetches one small part.
    #[serde(default)]
    pub words: Vec<TableEntry>,
    /// The kinds the events list filters by (event tags, claim kinds, source
    /// kinds, legal characterisations), each value by its key in the address
    /// (`tag:killings`), with the places in the default list of the events that
    /// value keeps: a table by key (`publish::by_kind`), read when a kind is chosen.
    #[serde(default)]
    pub kinds: Vec<TableEntry>,
    /// How many events each kind of that table keeps, by key, in its order: the
    /// counts the list in pages shows beside each kind for an address with no
    /// filter, before any part of the table is read. One pair per value of the
    /// vocabularies, whatever the corpus's size.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kind_counts: Vec<(String, usize)>,
    /// The kinds as the claims list filters by them, each value by its key,
    /// with the places in the claims list (by date) of the claims it keeps: a
    /// table by key, as the events' (`kinds`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_kinds: Vec<TableEntry>,
    /// How many claims each kind of that table keeps, as `kind_counts`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_kind_counts: Vec<(String, usize)>,
    /// The kinds as the sources list filters by them, as the claims'.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_kinds: Vec<TableEntry>,
    /// How many sources each kind of that table keeps, as `kind_counts`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_kind_counts: Vec<(String, usize)>,
    /// The rows of the claims each rare kind keeps (by key), with their
    /// places, in the claims list's order: a page of a kind that few claims
    /// have would read a part of the list for each few of its rows
    /// ([`rare_kind_rows`]); read from these, it reads one or two.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_kind_rows: Vec<(String, Vec<ReachRowsEntry>)>,
    /// The same for the sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_kind_rows: Vec<(String, Vec<ReachRowsEntry>)>,
    /// The places in the default list of the events each actor's list keeps
    /// (as [`ActorList`]s do), by actor id: a table of places, as the kinds' is,
    /// so that a busy actor's events over a range, with another's, or with
    /// words or kinds sought are found without reading every row of its list.
    #[serde(default)]
    pub actor_places: Vec<TableEntry>,
    /// What the claims list keeps for each actor chosen alone, by actor id: a
    /// table of [`ViewActorList`]s (its name, where its rows begin, and the
    /// places of its claims in the claims list), each part with the parts of
    /// its actors' rows ([`ViewActorTable`]), as `by_actor` is for the events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_by_actor: Vec<TableEntry>,
    /// The same for the sources list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_by_actor: Vec<TableEntry>,
    /// The words a search finds in the claims, each with the places in the
    /// claims list (by date) of the claims that hold it: a table by word, as
    /// the events' (`words`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_words: Vec<TableEntry>,
    /// The same for the sources list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_words: Vec<TableEntry>,
    /// The first page of the default list's rows of each word of the words'
    /// table that few events hold ([`WordRows`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_rows: Option<WordRows>,
    /// The first page of the claims list's rows of each word of the claims'
    /// words' table that few claims hold ([`WordRows`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims_word_rows: Option<WordRows>,
    /// The same for the sources list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources_word_rows: Option<WordRows>,
    /// Every actor's names by the beginnings of their words, for the chooser
    /// of institutions and people above a list in pages: a table by beginning
    /// (`publish::names`), so that what is typed reads one small part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<TableEntry>,
    /// The claims list for an address with no filter, in its order, in pages as
    /// rows of what the list shows of each claim (`publish::views`), so that the
    /// claims view is read a page at a time, as the events list is: the parts of
    /// its directory, each the [`ViewEntry`]s of the list's parts that hold its
    /// run of rows (`first`, `count`: places in the list), so that the manifest
    /// grows by one entry for some 600 of the list's parts.
    #[serde(default)]
    pub claims_list: Vec<RowsEntry>,
    /// The sources list for an address with no filter, in pages, as the claims'.
    #[serde(default)]
    pub sources_list: Vec<RowsEntry>,
    /// The list of institutions and people for an address with no filter, in
    /// pages, as the claims'.
    #[serde(default)]
    pub actors_list: Vec<RowsEntry>,
    /// The days of the claims list's rows, in its order (by date), in parts
    /// that each say what days they cover: the claims over a date range are
    /// counted and placed from them, and a page read from the list's parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_days: Vec<DaysEntry>,
    /// The days of the claims list's rows that reach, with their places, as
    /// the default list's (`reach`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_reach: Vec<ReachEntry>,
    /// The claims list's rows that reach, with their places, in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims_reach_rows: Vec<ReachRowsEntry>,
    /// The days of the sources list's rows, as the claims'.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_days: Vec<DaysEntry>,
    /// The days of the sources list's rows that reach, as the claims'.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_reach: Vec<ReachEntry>,
    /// The sources list's rows that reach, as the claims'.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources_reach_rows: Vec<ReachRowsEntry>,
    /// What the claims view charts for an address with no filter
    /// (`publish::views::ClaimsCharts`), worked out by the build.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims_charts: Option<FileEntry>,
    /// The timelines above the lists for an address with no filter (or a
    /// date range alone), worked out by the build
    /// (`publish::views::ListTimelines`): the first screen of a list in pages
    /// has its timeline before any record.
    #[serde(default, skip_serializing_if = "ListTimelines::is_empty")]
    pub timelines: ListTimelines,
    /// Above how many bytes of parts (as stored) the app asks the reader before
    /// it downloads them all; absent means [`ASK_ABOVE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_above: Option<usize>,
    /// Above how many bytes of parts a record opened by its address, or a page of
    /// the default list, is shown before the whole corpus is read; absent means
    /// [`SHOW_ALONE_ABOVE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_alone_above: Option<usize>,
    /// Above how many bytes of parts (as stored) the list over a date range asks
    /// the reader before it reads them; absent means [`RANGE_ASK_ABOVE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_ask_above: Option<usize>,
    /// Above how many bytes of the actors' rows (as stored) their events (over a
    /// range, together, or with words or kinds sought) are looked for by
    /// places; absent means
    /// `publish::by_actor::BY_PLACES_ABOVE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_places_above: Option<usize>,
    /// Above how many bytes of a view's kinds' table (as stored) the counts
    /// beside the kinds under a filter are read only when the reader asks;
    /// absent means [`KINDS_ASK_ABOVE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds_ask_above: Option<usize>,
    /// Whether the site also carries the whole corpus file (`public/corpus.json`):
    /// a build leaves it out above a size no static host takes as one file.
    #[serde(default = "carried")]
    pub whole: bool,
    /// Whether the site carries the plain edition (`plain/`): a build leaves it out
    /// above the number of files a static host takes.
    #[serde(default = "carried")]
    pub plain: bool,
    /// How many problems the build's check found in the corpus it split (it splits
    /// none with errors, so these are warnings); absent where the writer did not
    /// check. With none, a reader need not check the parts again: each is the one
    /// the manifest names, byte for byte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<usize>,
}

/// A manifest that does not say otherwise comes with the whole file and the plain edition.
fn carried() -> bool {
    true
}

/// A corpus cut into parts: the manifest, and each part's file name and bytes as
/// stored, record parts, directory parts, first looks and the default list's
/// parts each in the manifest's order.
pub struct Split {
    pub manifest: Manifest,
    pub parts: Vec<(String, Vec<u8>)>,
    pub directory: Vec<(String, Vec<u8>)>,
    pub glances: Vec<(String, Vec<u8>)>,
    pub list: Vec<(String, Vec<u8>)>,
    pub reach: Vec<(String, Vec<u8>)>,
    pub dates: Vec<(String, Vec<u8>)>,
    pub by_actor: Vec<(String, Vec<u8>)>,
    pub by_actor_rows: Vec<(String, Vec<u8>)>,
    pub words: Vec<(String, Vec<u8>)>,
    pub kinds: Vec<(String, Vec<u8>)>,
    pub actor_places: Vec<(String, Vec<u8>)>,
    pub claims_list: Vec<(String, Vec<u8>)>,
    pub sources_list: Vec<(String, Vec<u8>)>,
    pub actors_list: Vec<(String, Vec<u8>)>,
    /// The directories of the claims' and the sources' lists' parts.
    pub view_directories: Vec<(String, Vec<u8>)>,
    /// The claims' charts for no filter, where the build worked them out.
    pub charts: Vec<(String, Vec<u8>)>,
    /// The days of the claims' and the sources' lists' rows, and of their rows
    /// that reach, and those rows; and their kinds' tables.
    pub view_days: Vec<(String, Vec<u8>)>,
    /// The claims' and the sources' lists by actor: their tables and their rows.
    pub view_by_actor: Vec<(String, Vec<u8>)>,
    /// The actors' names by their beginnings.
    pub names: Vec<(String, Vec<u8>)>,
}

impl Split {
    /// The manifest as the file writes it.
    pub fn manifest_json(&self) -> String {
        serde_json::to_string(&self.manifest).unwrap_or_default()
    }

    /// Every file beside the manifest: record parts, directory parts, first
    /// looks, the default list's parts and the actors' lists.
    pub fn files(&self) -> impl Iterator<Item = &(String, Vec<u8>)> {
        self.parts
            .iter()
            .chain(&self.directory)
            .chain(&self.glances)
            .chain(&self.list)
            .chain(&self.reach)
            .chain(&self.dates)
            .chain(&self.by_actor)
            .chain(&self.by_actor_rows)
            .chain(&self.words)
            .chain(&self.kinds)
            .chain(&self.actor_places)
            .chain(&self.claims_list)
            .chain(&self.sources_list)
            .chain(&self.actors_list)
            .chain(&self.view_directories)
            .chain(&self.view_days)
            .chain(&self.view_by_actor)
            .chain(&self.charts)
            .chain(&self.names)
    }
}

/// Why parts could not be read: one case per failure, each naming the file.
#[derive(Clone, Debug, PartialEq)]
pub enum PartsError {
    /// The manifest is not JSON, or not a manifest.
    ManifestUnreadable(String),
    /// The manifest names a format this reader does not know.
    UnknownFormat(String),
    /// Bytes for a file the manifest does not list.
    NotListed(String),
    /// A part's bytes are not what the manifest's hash says: damaged or stale.
    HashMismatch { file: String },
    /// A part is not a corpus file.
    NotACorpus { file: String, error: LoadError },
    /// A part holds other records than the manifest says.
    WrongRecords { file: String },
    /// Parts are still missing.
    Incomplete { missing: usize },
}

impl fmt::Display for PartsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartsError::ManifestUnreadable(why) => {
                write!(f, "The corpus's manifest cannot be read: {why}.")
            }
            PartsError::UnknownFormat(format) => write!(
                f,
                "The corpus's manifest is in a format this version does not read ({format}; it reads {FORMAT})."
            ),
            PartsError::NotListed(file) => write!(f, "The part {file} is not in the manifest."),
            PartsError::HashMismatch { file } => write!(
                f,
                "The part {file} is not the one the manifest names (its contents differ): it was damaged or is out of date."
            ),
            PartsError::NotACorpus { file, error } => write!(f, "The part {file}: {error}"),
            PartsError::WrongRecords { file } => write!(
                f,
                "The part {file} holds other records than the manifest says."
            ),
            PartsError::Incomplete { missing } => {
                write!(f, "{missing} parts of the corpus have not arrived.")
            }
        }
    }
}

/// Whether a part's bytes are still gzipped (a host may have inflated them on
/// the way, as it does when it serves the file with `Content-Encoding: gzip`).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The JSON length of one record as the corpus file writes it.
fn json_len<T>(record: &T) -> usize
where
    for<'b> Lean<'b, T>: Serialize,
{
    serde_json::to_vec(&Lean(record)).map_or(0, |v| v.len() + 1)
}

/// How hard the build compresses parts. Measured on a 1,000,000-record split
/// (2 cores): the best level (9) took 213 s for 648.9 MB, 7 took 188 s for
/// 649.9 MB, 6 took 167 s for 658.4 MB. The build must stay within 3 minutes;
/// 1.5% more bytes costs a slow phone link about 10 ms a part.
const GZIP_LEVEL: u32 = 6;

/// How hard the build compresses a part named `prefix-`: the small tables of
/// numbers and short keys (the record directory, the actors' names and
/// places, the actors' list, the lists' days and rows that reach) are 5–9%
/// smaller at the best level, for some 5 s of one core in all at a million
/// records; the rest gains 1–2% for a third more time.
fn gzip_level(prefix: &str) -> u32 {
    match prefix {
        "d" | "m" | "a" | "i" | "t" | "s" | "y" | "z" => 9,
        _ => GZIP_LEVEL,
    }
}

/// A part's JSON gzipped as the build stores it: at `level`, no name and no
/// time in the header, so that the same JSON always gives the same bytes.
fn gzip(json: &[u8], level: u32) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::GzBuilder::new().mtime(0).write(
        Vec::with_capacity(json.len() / 4),
        flate2::Compression::new(level),
    );
    encoder
        .write_all(json)
        .and_then(|()| encoder.finish())
        .unwrap_or_default()
}

/// A part's JSON from its bytes as they arrived, stored or inflated, natively
/// (the app has the browser inflate them).
pub fn inflate(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if !is_gzip(bytes) {
        return Ok(bytes.to_vec());
    }
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut json)?;
    Ok(json)
}

/// Cuts a corpus into parts of about `part_bytes` of JSON each; `sha256` is the
/// fingerprint of the file it was read from. The same corpus always gives the
/// same bytes.
pub fn split(corpus: &Corpus, sha256: &str, part_bytes: usize) -> Split {
    split_worded(corpus, sha256, part_bytes, None)
}

/// What the build words for a site beside its record parts: each record's first
/// look, the default list's rows in its order, each actor's places in it
/// (`publish::pages::actor_places`), the words a search finds in the
/// events, each with their places (`publish::by_word::word_places`), and the
/// kinds' values, each with theirs (`publish::by_kind::kind_places`).
#[derive(Clone, Copy)]
pub struct Worded<'a> {
    pub looks: Looks<'a>,
    pub list: &'a [ListRow],
    pub by_actor: &'a [Vec<u32>],
    pub words: &'a TextIndex,
    pub kinds: &'a [(String, Vec<u32>)],
    pub claims: &'a [ClaimRow],
    pub sources: &'a [SourceRow],
    pub actors: &'a [ActorListRow],
    pub charts: &'a ClaimsCharts,
    pub timelines: &'a ListTimelines,
    /// The kinds' values, each with its places in the claims' list
    /// (`publish::by_kind::kind_places_in`), and in the sources'.
    pub claims_kinds: &'a [(String, Vec<u32>)],
    pub sources_kinds: &'a [(String, Vec<u32>)],
    /// For each actor, by its place in the corpus, the places in the claims
    /// list of the claims it keeps alone (`publish::pages::actor_places_in`),
    /// and in the sources list of the sources.
    pub claims_by_actor: &'a [Vec<u32>],
    pub sources_by_actor: &'a [Vec<u32>],
    /// The words a search finds in the claims, each with their places in the
    /// claims list (`publish::by_word::word_places_in`), and in the sources'.
    pub claims_words: &'a TextIndex,
    pub sources_words: &'a TextIndex,
    /// Every actor's names by their beginnings (`publish::names::names_table`).
    pub names: &'a [(String, NamesUnder)],
}

/// Cuts a corpus into parts as [`split`] does, with each record's first look and
/// the default list's parts where `worded` gives them.
pub fn split_worded(
    corpus: &Corpus,
    sha256: &str,
    part_bytes: usize,
    worded: Option<Worded>,
) -> Split {
    let lists = ActorsLists {
        events: worded.map_or((&[][..], &[][..]), |w| (w.list, w.by_actor)),
        claims: worded.map_or((&[][..], &[][..]), |w| (w.claims, w.claims_by_actor)),
        sources: worded.map_or((&[][..], &[][..]), |w| (w.sources, w.sources_by_actor)),
    };
    std::thread::scope(|scope| {
        // The actors' lists, a fifth of the work at a million records and
        // much of it one core's (their rows' JSON), beside the rest.
        let actors = scope.spawn(move || actors_parts(corpus, lists, part_bytes));
        let joined =
            || (actors.join()).unwrap_or_else(|panicked| std::panic::resume_unwind(panicked));
        split_beside(corpus, sha256, part_bytes, worded, joined)
    })
}

/// Every list's rows in pages and each actor's places in it: the events'
/// list's, the claims' and the sources'.
#[derive(Clone, Copy)]
struct ActorsLists<'a> {
    events: (&'a [ListRow], &'a [Vec<u32>]),
    claims: (&'a [ClaimRow], &'a [Vec<u32>]),
    sources: (&'a [SourceRow], &'a [Vec<u32>]),
}

/// The actors' lists of every list in pages, as parts: the events list's
/// table (`a-`) and rows (`b-`), and the claims' and the sources' tables'
/// entries with their files and their rows' (`e-`, `f-`).
struct ActorsParts {
    events: (Vec<TableEntry>, Vec<(String, Vec<u8>)>),
    events_rows: Vec<(String, Vec<u8>)>,
    claims: (Vec<TableEntry>, Vec<(String, Vec<u8>)>),
    sources: (Vec<TableEntry>, Vec<(String, Vec<u8>)>),
}

fn actors_parts(corpus: &Corpus, lists: ActorsLists, part_bytes: usize) -> ActorsParts {
    let table_bytes = (part_bytes / DIRECTORY_SHARE).max(1);
    let (events_table, events_rows) = actor_parts(
        corpus,
        lists.events,
        ("a", "b"),
        (part_bytes, table_bytes),
        // Every actor: the list says "no such actor" of no other.
        |name, first, places| Some(ActorList(name.to_string(), first, places.len())),
    );
    ActorsParts {
        events: listed(events_table),
        events_rows,
        claims: view_actor_parts(corpus, lists.claims, part_bytes),
        sources: view_actor_parts(corpus, lists.sources, part_bytes),
    }
}

/// [`split_worded`]'s work but the actors' lists, which `actors` gives once
/// the rest is done.
fn split_beside(
    corpus: &Corpus,
    sha256: &str,
    part_bytes: usize,
    worded: Option<Worded>,
    actors: impl FnOnce() -> ActorsParts,
) -> Split {
    let sizes: [Vec<usize>; 4] = [
        corpus.sources.iter().map(json_len).collect(),
        corpus.actors.iter().map(json_len).collect(),
        corpus.events.iter().map(json_len).collect(),
        corpus.claims.iter().map(json_len).collect(),
    ];
    let overhead = serde_json::to_vec(&corpus.meta).map_or(0, |v| v.len()) + 100;
    // Runs of records, in the whole corpus's order, cut where a part is full.
    let mut runs: Vec<(Counts, Counts)> = Vec::new();
    let (mut first, mut count, mut size) = (Counts::default(), Counts::default(), overhead);
    for (kind, sizes) in KINDS.iter().zip(&sizes) {
        let limit = match kind {
            Kind::Source | Kind::Actor => (part_bytes / NAMED_SHARE).max(1),
            Kind::Event | Kind::Claim => part_bytes,
        };
        for &len in sizes {
            if count.total() > 0 && size + len > limit {
                let next = Counts {
                    sources: first.sources + count.sources,
                    actors: first.actors + count.actors,
                    events: first.events + count.events,
                    claims: first.claims + count.claims,
                };
                runs.push((first, count));
                (first, count, size) = (next, Counts::default(), overhead);
            }
            *count.slot(*kind) += 1;
            size += len;
        }
    }
    if count.total() > 0 || runs.is_empty() {
        runs.push((first, count));
    }
    let mut parts = Vec::with_capacity(runs.len());
    let mut entries = Vec::with_capacity(runs.len());
    // A few parts' JSON at a time, named together on every core.
    for batch in runs.chunks(NAMED_AT_ONCE) {
        let jsons: Vec<Vec<u8>> = batch
            .iter()
            .map(|(first, count)| {
                let run = |kind: Kind| first.run(count, kind);
                let slices = Slices {
                    meta: &corpus.meta,
                    sources: &corpus.sources[run(Kind::Source)],
                    actors: &corpus.actors[run(Kind::Actor)],
                    events: &corpus.events[run(Kind::Event)],
                    claims: &corpus.claims[run(Kind::Claim)],
                };
                serde_json::to_vec(&Lean(&slices)).unwrap_or_default()
            })
            .collect();
        for ((&(first, count), json), (file, sha256, stored)) in
            batch.iter().zip(&jsons).zip(named_all("r", &jsons))
        {
            entries.push(PartEntry {
                file: file.clone(),
                sha256,
                bytes: stored.len(),
                json: json.len(),
                first,
                count,
            });
            parts.push((file, stored));
        }
    }
    let directory_bytes = (part_bytes / DIRECTORY_SHARE).max(1);
    let looks = worded.map(|w| w.looks);
    let (directory, glances) = directory(corpus, &entries, directory_bytes, looks);
    let (directory_entries, directory) = listed(directory);
    let rows = worded.map_or(&[][..], |w| w.list);
    let events_list_bytes = (part_bytes / EVENTS_LIST_SHARE).max(1);
    let (list_entries, list) = listed(list_parts(rows, events_list_bytes));
    let days_bytes = (part_bytes / KINDS_SHARE).max(1);
    let list_days: Vec<Option<DayRow>> = rows.iter().map(DayRow::of).collect();
    let (reach_entries, reach) = listed(reach_parts("s", &list_days, days_bytes));
    let (date_entries, dates): (Vec<RowsEntry>, _) = listed(
        (days_parts("t", &list_days, days_bytes).into_iter())
            .map(|(entry, stored)| (entry.rows, stored))
            .collect(),
    );
    let words_table = |words: Option<&TextIndex>| {
        listed(words.map_or_else(Vec::new, |w| {
            word_parts(w, (part_bytes / LIST_SHARE).max(1))
        }))
    };
    let (word_entries, words) = words_table(worded.map(|w| w.words));
    let (claims_words, claims_word_files) = words_table(worded.map(|w| w.claims_words));
    let (sources_words, sources_word_files) = words_table(worded.map(|w| w.sources_words));
    let kinds_table = |letter: &str, kinds: &[(String, Vec<u32>)]| {
        let rows = (kinds.iter()).map(|(key, places)| (key.as_str(), steps(places)));
        listed(table_by_id(letter, rows, (part_bytes / KINDS_SHARE).max(1)))
    };
    let counts = |kinds: &[(String, Vec<u32>)]| -> Vec<(String, usize)> {
        (kinds.iter())
            .map(|(key, places)| (key.clone(), places.len()))
            .collect()
    };
    let (kind_entries, kinds) = kinds_table("k", worded.map_or(&[][..], |w| w.kinds));
    let claims_kinds_of = worded.map_or(&[][..], |w| w.claims_kinds);
    let sources_kinds_of = worded.map_or(&[][..], |w| w.sources_kinds);
    let (claims_kinds, claims_kind_files) = kinds_table("q", claims_kinds_of);
    let (sources_kinds, sources_kind_files) = kinds_table("u", sources_kinds_of);
    let (actor_places_entries, actor_places) = listed(actor_place_parts(
        corpus,
        worded.map_or(&[][..], |w| w.by_actor),
        (part_bytes / KINDS_SHARE).max(1),
    ));
    let list_bytes = (part_bytes / LIST_SHARE).max(1);
    let view_list_bytes = (part_bytes / VIEW_LIST_SHARE).max(1);
    let directory_bytes = (part_bytes / KINDS_SHARE).max(1);
    let (claims_entries, claims_list) = listed(worded.map_or_else(Vec::new, |w| {
        rows_in_pages("c", w.claims, view_list_bytes, Some(ClaimRow::same_year))
    }));
    let (claims_directory, mut view_directories) =
        listed(view_directory(&claims_entries, directory_bytes));
    let (sources_entries, sources_list) = listed(worded.map_or_else(Vec::new, |w| {
        rows_in_pages("o", w.sources, view_list_bytes, None)
    }));
    let (sources_directory, sources_directories) =
        listed(view_directory(&sources_entries, directory_bytes));
    view_directories.extend(sources_directories);
    let (actors_entries, actors_list) = listed(worded.map_or_else(Vec::new, |w| {
        rows_in_pages("i", w.actors, view_list_bytes, None)
    }));
    let (actors_directory, actors_directories) =
        listed(view_directory(&actors_entries, directory_bytes));
    view_directories.extend(actors_directories);
    let view_days_of = |days: &[Option<DayRow>]| {
        let (reach, reach_files) = listed(reach_parts("z", days, days_bytes));
        let (days, days_files) = listed(days_parts("y", days, days_bytes));
        (days, reach, days_files.into_iter().chain(reach_files))
    };
    let claims_days_read: Vec<Option<DayRow>> = (worded.iter().flat_map(|w| w.claims))
        .map(|c| DayRow::of_date(c.date.as_ref()))
        .collect();
    let (claims_days, claims_reach, claims_day_files) = view_days_of(&claims_days_read);
    let sources_days_read: Vec<Option<DayRow>> = (worded.iter().flat_map(|w| w.sources))
        .map(|s| DayRow::of_date(s.date.as_ref()))
        .collect();
    let (sources_days, sources_reach, sources_day_files) = view_days_of(&sources_days_read);
    let (claims_reach_rows, claims_reach_files) = listed(worded.map_or_else(Vec::new, |w| {
        reach_rows_parts("x", w.claims, &claims_days_read, list_bytes)
    }));
    let (sources_reach_rows, sources_reach_files) = listed(worded.map_or_else(Vec::new, |w| {
        reach_rows_parts("x", w.sources, &sources_days_read, list_bytes)
    }));
    let (claims_kind_rows, claims_kind_row_files) = worded.map_or_else(Default::default, |w| {
        let parts = in_list_parts(claims_entries.iter().map(|e| e.json), part_bytes);
        rare_kind_rows("j", w.claims, parts, w.claims_kinds, list_bytes)
    });
    let (sources_kind_rows, sources_kind_row_files) = worded.map_or_else(Default::default, |w| {
        let parts = in_list_parts(sources_entries.iter().map(|e| e.json), part_bytes);
        rare_kind_rows("j", w.sources, parts, w.sources_kinds, list_bytes)
    });
    // A few rare words' first pages a part.
    let word_rows_bytes = (part_bytes / WORD_ROWS_SHARE).max(1);
    let (word_rows_entry, event_word_row_files) = worded.map_or_else(Default::default, |w| {
        let parts = in_list_parts(list_entries.iter().map(|e| e.json), part_bytes);
        word_rows("n", w.list, w.words, parts, word_rows_bytes)
    });
    let (claims_word_rows, claims_word_row_files) = worded.map_or_else(Default::default, |w| {
        let parts = in_list_parts(claims_entries.iter().map(|e| e.json), part_bytes);
        word_rows("n", w.claims, w.claims_words, parts, word_rows_bytes)
    });
    let (sources_word_rows, sources_word_row_files) = worded.map_or_else(Default::default, |w| {
        let parts = in_list_parts(sources_entries.iter().map(|e| e.json), part_bytes);
        word_rows("n", w.sources, w.sources_words, parts, word_rows_bytes)
    });
    let ActorsParts {
        events: (by_actor_entries, by_actor),
        events_rows: by_actor_rows,
        claims: (claims_by_actor, claims_actor_files),
        sources: (sources_by_actor, sources_actor_files),
    } = actors();
    let view_by_actor: Vec<(String, Vec<u8>)> = claims_actor_files
        .into_iter()
        .chain(sources_actor_files)
        .collect();
    let view_days: Vec<(String, Vec<u8>)> = (claims_day_files.chain(sources_day_files))
        .chain(claims_kind_row_files)
        .chain(sources_kind_row_files)
        .chain(claims_reach_files)
        .chain(sources_reach_files)
        .chain(claims_kind_files)
        .chain(sources_kind_files)
        .chain(claims_word_files)
        .chain(sources_word_files)
        .chain(event_word_row_files)
        .chain(claims_word_row_files)
        .chain(sources_word_row_files)
        .collect();
    let (names_entries, names) = listed(worded.map_or_else(Vec::new, |w| {
        let rows = (w.names.iter()).map(|(key, under)| (key.as_str(), under));
        table_by_id("m", rows, (part_bytes / NAMES_SHARE).max(1))
    }));
    let (charts_entry, charts) = worded.map_or((None, Vec::new()), |w| {
        let json = serde_json::to_vec(w.charts).unwrap_or_default();
        let jsons = [json];
        let named = named_all("h", &jsons).into_iter().next();
        let charts = named.map(|(file, sha256, stored)| {
            let entry = FileEntry {
                file: file.clone(),
                sha256,
                bytes: stored.len(),
                json: jsons[0].len(),
            };
            (entry, (file, stored))
        });
        let (entry, file) = charts.unzip();
        (entry, file.into_iter().collect())
    });
    Split {
        manifest: Manifest {
            format: FORMAT.into(),
            meta: corpus.meta.clone(),
            sha256: sha256.into(),
            totals: Counts {
                sources: corpus.sources.len(),
                actors: corpus.actors.len(),
                events: corpus.events.len(),
                claims: corpus.claims.len(),
            },
            parts: entries,
            directory: directory_entries,
            list: list_entries,
            reach: reach_entries,
            dates: date_entries,
            by_actor: by_actor_entries,
            words: word_entries,
            kinds: kind_entries,
            kind_counts: counts(worded.map_or(&[][..], |w| w.kinds)),
            claims_kinds,
            claims_kind_counts: counts(claims_kinds_of),
            sources_kinds,
            sources_kind_counts: counts(sources_kinds_of),
            claims_kind_rows,
            sources_kind_rows,
            actor_places: actor_places_entries,
            claims_by_actor,
            sources_by_actor,
            claims_words,
            sources_words,
            word_rows: word_rows_entry,
            claims_word_rows,
            sources_word_rows,
            names: names_entries,
            claims_list: claims_directory,
            sources_list: sources_directory,
            actors_list: actors_directory,
            claims_days,
            claims_reach,
            claims_reach_rows,
            sources_days,
            sources_reach,
            sources_reach_rows,
            claims_charts: charts_entry,
            timelines: worded.map(|w| w.timelines.clone()).unwrap_or_default(),
            // Written out, so that the service worker reads the same figure.
            ask_above: Some(ASK_ABOVE),
            show_alone_above: None,
            range_ask_above: None,
            by_places_above: None,
            kinds_ask_above: None,
            whole: true,
            plain: true,
            problems: None,
        },
        parts,
        directory,
        glances,
        list,
        reach,
        dates,
        by_actor,
        by_actor_rows,
        words,
        kinds,
        actor_places,
        claims_list,
        sources_list,
        actors_list,
        view_directories,
        charts,
        view_days,
        view_by_actor,
        names,
    }
}

/// Each actor's places in the default list (`places`, by the actor's place in
/// the corpus), as a table of places by actor id cut into parts of about
/// `part_bytes` of JSON (named `p-`); an actor whose list is empty is left out.
fn actor_place_parts(
    corpus: &Corpus,
    places: &[Vec<u32>],
    part_bytes: usize,
) -> Vec<(TableEntry, Vec<u8>)> {
    let mut actors: Vec<(&str, &[u32])> = (corpus.actors.iter().zip(places))
        .filter(|(_, places)| !places.is_empty())
        .map(|(actor, places)| (actor.id.as_str(), places.as_slice()))
        .collect();
    actors.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let rows = actors.into_iter().map(|(id, places)| (id, steps(places)));
    table_by_id("p", rows, part_bytes)
}

/// The words a search finds, as a table by word cut into parts of about
/// `part_bytes` of JSON (named `w-`): each word with the places that hold it,
/// the first as it is and each other as its distance from the one before, so
/// that a common word's long list is mostly ones and twos.
fn word_parts(words: &TextIndex, part_bytes: usize) -> Vec<(TableEntry, Vec<u8>)> {
    let rows = words.entries().map(|(word, places)| (word, steps(places)));
    table_by_id("w", rows, part_bytes)
}

/// Ascending places as a table of places writes them ([`PlaceTable`]): the
/// first as it is, each other as its step from the one before (at least one).
fn steps(places: &[u32]) -> Vec<u32> {
    (places.first().copied().into_iter())
        .chain(places.windows(2).map(|w| w[1].saturating_sub(w[0])))
        .collect()
}

/// A view's lists by actor (the claims', the sources'): for each actor with
/// any, in id order, its rows of the view's list `rows` at its places, with
/// those places, cut as the events' (`actor_parts`, named `f-`); and a table
/// by id of its name, where its rows begin and its places ([`ViewActorList`],
/// named `e-`, cut as the kinds' tables), each part with the entries of the
/// parts of its actors' rows ([`ViewActorTable`]). Returns the table's entries
/// and every file.
#[allow(clippy::type_complexity)]
fn view_actor_parts<T: Serialize>(
    corpus: &Corpus,
    rows_and_places: (&[T], &[Vec<u32>]),
    part_bytes: usize,
) -> (Vec<TableEntry>, Vec<(String, Vec<u8>)>) {
    let places_bytes = (part_bytes / KINDS_SHARE).max(1);
    let (table, rows) = actor_parts(
        corpus,
        rows_and_places,
        ("e", "f"),
        (part_bytes, places_bytes),
        // Only the actors it keeps anything for.
        |name, first, places| {
            let list = ViewActorList(name.to_string(), first, steps(places));
            (!places.is_empty()).then_some(list)
        },
    );
    let (entries, table_files) = listed(table);
    (entries, table_files.into_iter().chain(rows).collect())
}

/// The actors' lists of a list in pages (`rows`, the default list's or a
/// view's): for each actor in id order, the rows of the list at its `places`
/// (by the actor's place in the corpus), with those places; and a table by id
/// of what `said` says of each actor's list (its name, where its rows begin
/// and its places: [`ActorList`] for the events list; none, to leave it
/// out), named `letters.0`, in
/// parts of about `bytes.1` of JSON, each with the entries of the parts of its
/// actors' rows (an [`ActorTable`]). The rows are cut into parts of about half
/// `bytes.0` of JSON (named `letters.1`): an actor's rows in one part where they
/// fit in one, else in runs of whole pages of its list, so that any page of an
/// actor's list is in one part. Returns the table's parts and the rows' files.
#[allow(clippy::type_complexity)]
fn actor_parts<T: Serialize, S: Serialize>(
    corpus: &Corpus,
    (rows, places): (&[T], &[Vec<u32>]),
    (table_letter, rows_letter): (&str, &str),
    (part_bytes, table_bytes): (usize, usize),
    said: impl Fn(&str, usize, &[u32]) -> Option<S>,
) -> (Vec<(TableEntry, Vec<u8>)>, Vec<(String, Vec<u8>)>) {
    if rows.is_empty() || places.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut actors: Vec<usize> = (0..corpus.actors.len().min(places.len())).collect();
    actors.sort_unstable_by(|&a, &b| corpus.actors[a].id.cmp(&corpus.actors[b].id));
    // Every actor's rows laid end to end, as (place, row).
    let mut placed: Vec<(usize, &T)> = Vec::new();
    let mut table: Vec<(&str, S)> = Vec::with_capacity(actors.len());
    let mut spans: Vec<std::ops::Range<usize>> = Vec::with_capacity(actors.len());
    for &a in &actors {
        let first = placed.len();
        placed
            .extend((places[a].iter()).filter_map(|&p| Some((p as usize, rows.get(p as usize)?))));
        let actor = &corpus.actors[a];
        if let Some(said) = said(&actor.name, first, &places[a]) {
            table.push((&actor.id, said));
            spans.push(first..placed.len());
        }
    }
    // Each row's JSON once, by its place: many actors share a row.
    let row_lens: Vec<usize> = rows
        .iter()
        .map(|r| json_lens(std::slice::from_ref(r)))
        .collect();
    let len = |&(place, _): &(usize, &T)| {
        // `[place,row],`: the row's own comma stands for the one inside.
        row_lens[place] + place.max(1).ilog10() as usize + 4
    };
    let limit = (part_bytes / LIST_SHARE).max(1);
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut start, mut size) = (0, 2);
    for span in spans.iter().filter(|s| !s.is_empty()) {
        let bytes: usize = placed[span.clone()].iter().map(len).sum();
        if bytes + 2 <= limit {
            if span.start > start && size + bytes > limit {
                runs.push(start..span.start);
                (start, size) = (span.start, 2);
            }
            size += bytes;
            continue;
        }
        // Too many for one part: whole pages of this actor's list, apart.
        if span.start > start {
            runs.push(start..span.start);
        }
        let pages = placed[span.clone()]
            .chunks(PAGE_SIZE)
            .map(|page| (page.iter().map(len).sum(), false));
        runs.extend(cut(pages, limit).into_iter().map(|run| {
            span.start + run.start * PAGE_SIZE..(span.start + run.end * PAGE_SIZE).min(span.end)
        }));
        (start, size) = (span.end, 2);
    }
    if start < placed.len() {
        runs.push(start..placed.len());
    }
    let (entries, files): (Vec<RowsEntry>, Vec<(String, Vec<u8>)>) =
        write_runs(rows_letter, &placed, runs)
            .into_iter()
            .map(|(run, json, (file, sha256, stored))| {
                let entry = RowsEntry {
                    file: file.clone(),
                    sha256,
                    bytes: stored.len(),
                    json,
                    first: run.start,
                    count: run.len(),
                };
                (entry, (file, stored))
            })
            .unzip();
    let mut at = 0;
    let written = runs_by_id(table.iter().map(|(id, said)| (*id, said)), table_bytes)
        .into_iter()
        .map(|run| {
            let held_spans = &spans[at..at + run.count];
            at += run.count;
            // The rows of this part's actors, from the first one's to the last one's.
            let held =
                held_spans.first().map_or(0, |s| s.start)..held_spans.last().map_or(0, |s| s.end);
            let parts = &entries[rows_parts_of(&entries, held)];
            let mut json = br#"{"rows":"#.to_vec();
            json.extend(serde_json::to_vec(parts).unwrap_or_default());
            json.extend_from_slice(br#","actors":"#);
            json.extend_from_slice(&run.json);
            json.push(b'}');
            run.written(table_letter, &json)
        })
        .collect();
    (written, files)
}

/// The number of the part of a list in pages `parts` (the default list's or
/// another view's) that holds the row at `place` (from 0), if the list has one there.
pub fn part_holding<E: InPages>(parts: &[E], place: usize) -> Option<usize> {
    let at = parts
        .partition_point(|p| p.run().start <= place)
        .checked_sub(1)?;
    parts.get(at)?.run().contains(&place).then_some(at)
}

/// An entry of the manifest for a part of a list in pages: a run of its rows.
pub trait InPages {
    /// The places in the list of its rows.
    fn run(&self) -> std::ops::Range<usize>;
}

/// Each entry whose run is its `first` row and `count` of them.
macro_rules! in_pages {
    ($($entry:ty),*) => {
        $(impl InPages for $entry {
            fn run(&self) -> std::ops::Range<usize> {
                self.first..self.first + self.count
            }
        })*
    };
}

in_pages!(ListEntry, ViewEntry, RowsEntry);

/// The run of places from its first row's to its last's: the list's other
/// rows among them are in the list's parts.
impl InPages for ReachRowsEntry {
    fn run(&self) -> std::ops::Range<usize> {
        self.places.0..self.places.1 + 1
    }
}

/// The numbers of the parts of rows `parts` (in order, each by its rows'
/// positions) that hold the rows at `positions`.
fn rows_parts_of(parts: &[RowsEntry], positions: std::ops::Range<usize>) -> std::ops::Range<usize> {
    if positions.is_empty() {
        return 0..0;
    }
    let from = parts.partition_point(|p| p.first + p.count <= positions.start);
    let to = parts.partition_point(|p| p.first < positions.end);
    from..to.max(from)
}

/// The default list's `rows`, in its order, cut into parts of about
/// `part_bytes` of JSON, each ending where a page of the list does (at least a
/// page each), so that a page is in one part; named `l-…`.
fn list_parts(rows: &[ListRow], part_bytes: usize) -> Vec<(ListEntry, Vec<u8>)> {
    write_runs("l", rows, page_runs(rows, part_bytes))
        .into_iter()
        .map(|(run, json, (file, sha256, stored))| {
            let entry = ListEntry {
                file,
                sha256,
                bytes: stored.len(),
                json,
                first: run.start,
                count: run.len(),
                year: rows.get(run.start).and_then(ListRow::year),
                days: near_days(rows[run.clone()].iter().filter_map(ListRow::days)),
                reach_meets: reach_meets(rows[run.clone()].iter().filter_map(ListRow::days)),
                undated: rows[run.clone()]
                    .iter()
                    .filter(|r| r.days().is_none())
                    .count(),
            };
            (entry, stored)
        })
        .collect()
}

/// `rows` of a list, in its order, cut into runs of whole pages of about
/// `part_bytes` of JSON (at least a page each), so that a page is in one run.
fn page_runs<T: Serialize>(rows: &[T], part_bytes: usize) -> Vec<std::ops::Range<usize>> {
    let pages = rows.chunks(PAGE_SIZE).map(|page| (json_lens(page), false));
    cut(pages, part_bytes)
        .into_iter()
        .map(|run| run.start * PAGE_SIZE..(run.end * PAGE_SIZE).min(rows.len()))
        .collect()
}

/// Another view's list (`publish::views`), `rows` in its order, cut as the
/// default list is (`page_runs`), where its rows are grouped under headings
/// where `same_heading` says so; named `prefix-…`.
fn rows_in_pages<T: Serialize>(
    prefix: &str,
    rows: &[T],
    part_bytes: usize,
    same_heading: Option<fn(&T, &T) -> bool>,
) -> Vec<(ViewEntry, Vec<u8>)> {
    write_runs(prefix, rows, page_runs(rows, part_bytes))
        .into_iter()
        .map(|(run, json, (file, sha256, stored))| {
            let before = run.start.checked_sub(1).and_then(|at| rows.get(at));
            let continues = match (same_heading, before, rows.get(run.start)) {
                (Some(same), Some(before), Some(first)) => same(before, first),
                _ => false,
            };
            let entry = ViewEntry {
                file,
                sha256,
                bytes: stored.len(),
                json,
                first: run.start,
                count: run.len(),
                continues,
            };
            (entry, stored)
        })
        .collect()
}

/// The rows of a view's list `rows` whose days (`days`, by place) reach, each
/// as `[place, row]`, in the list's order, cut into parts of about
/// `part_bytes` of JSON named `letter-`.
fn reach_rows_parts<T: Serialize>(
    letter: &str,
    rows: &[T],
    days: &[Option<DayRow>],
    part_bytes: usize,
) -> Vec<(ReachRowsEntry, Vec<u8>)> {
    let reaching: Vec<(usize, &T)> = (rows.iter().enumerate())
        .filter(|&(place, _)| {
            days.get(place)
                .copied()
                .flatten()
                .is_some_and(|d| reaches(d.days()))
        })
        .collect();
    let items = (reaching.iter()).map(|r| (json_lens(std::slice::from_ref(r)), false));
    write_runs(letter, &reaching, cut(items, part_bytes))
        .into_iter()
        .map(|(run, json, (file, sha256, stored))| {
            let held = &reaching[run.clone()];
            let places = (
                held.first().map_or(0, |(place, _)| *place),
                held.last().map_or(0, |(place, _)| *place),
            );
            let entry = ReachRowsEntry {
                file,
                sha256,
                bytes: stored.len(),
                json,
                count: run.len(),
                places,
            };
            (entry, stored)
        })
        .collect()
}

/// What share of a record part's JSON a part of rare words' first rows holds
/// (224 KiB, some 50 KB stored, a few words' pages each): each is listed in the
/// manifest, which every visit fetches, so they are not cut as small as the
/// kinds' table (112 KiB: at a million records the manifest 28 KB larger,
/// 11 KB gzipped, against 14 and 5).
const WORD_ROWS_SHARE: usize = 4;

/// How many of a list's parts a page of a kind may spread over before its
/// rows are written apart ([`rare_kind_rows`]).
const SPREAD_PARTS: usize = 4;

/// The rows of a view's list `rows` (cut into `list_parts` parts) that each
/// rare kind of `kinds` keeps, each as `[place, row]`, in the list's order,
/// cut into parts of about `part_bytes` of JSON named `letter-`, by key. A
/// kind is rare where a page of its rows (50), as they lie among the list's
/// (`rows / parts` a part), would spread over more than [`SPREAD_PARTS`] of
/// the list's parts: fewer than `50 × parts / SPREAD_PARTS` of them.
#[allow(clippy::type_complexity)]
fn rare_kind_rows<T: Serialize>(
    letter: &str,
    rows: &[T],
    list_parts: usize,
    kinds: &[(String, Vec<u32>)],
    part_bytes: usize,
) -> (Vec<(String, Vec<ReachRowsEntry>)>, Vec<(String, Vec<u8>)>) {
    let rare_below = PAGE_SIZE * list_parts / SPREAD_PARTS;
    let mut table = Vec::new();
    let mut files = Vec::new();
    for (key, places) in kinds.iter().filter(|(_, p)| p.len() < rare_below) {
        let placed: Vec<(u32, &T)> = (places.iter())
            .filter_map(|&p| Some((p, rows.get(p as usize)?)))
            .collect();
        let items = (placed.iter()).map(|r| (json_lens(std::slice::from_ref(r)), false));
        let (entries, written): (Vec<ReachRowsEntry>, Vec<(String, Vec<u8>)>) =
            write_runs(letter, &placed, cut(items, part_bytes))
                .into_iter()
                .map(|(run, json, (file, sha256, stored))| {
                    let held = &placed[run.clone()];
                    let place = |row: Option<&(u32, &T)>| row.map_or(0, |(p, _)| *p as usize);
                    let entry = ReachRowsEntry {
                        file: file.clone(),
                        sha256,
                        bytes: stored.len(),
                        json,
                        count: run.len(),
                        places: (place(held.first()), place(held.last())),
                    };
                    (entry, (file, stored))
                })
                .unzip();
        table.push((key.clone(), entries));
        files.extend(written);
    }
    (table, files)
}

/// The first rows of the rare words of a list (`rows`, cut into `list_parts`
/// parts), as [`WordRows`] says: the words of `words` found in fewer than
/// `below` rows ([`WordRows::holds`]), each with its first page of rows, as a
/// table by word cut into parts of about `part_bytes` of JSON named
/// `letter-`; `None` where no page of the list can spread (a list of
/// [`SPREAD_PARTS`] parts or fewer). A word is rare where a page of
/// its rows, as they lie among the list's, would spread over more than
/// [`SPREAD_PARTS`] of its parts (as a rare kind is), and it is in more rows
/// than that, or its page could not spread; and, so that the rows written
/// apart are never more than the list's own however large its vocabulary,
/// the rarest first: `below` is lowered until they fit.
fn word_rows<T: Serialize>(
    letter: &str,
    rows: &[T],
    words: &TextIndex,
    list_parts: usize,
    part_bytes: usize,
) -> (Option<WordRows>, Vec<(String, Vec<u8>)>) {
    let below = rare_words_below(words, rows.len(), list_parts);
    if below == 0 {
        return (None, Vec::new());
    }
    let rows_of = WordRows {
        below,
        directory: Vec::new(),
    };
    let rare = |places: &&[u32]| rows_of.holds(places.len());
    let firsts = (words.entries().filter(|(_, places)| rare(places))).map(|(word, places)| {
        let first: Vec<(u32, &T)> = (places.iter().take(PAGE_SIZE))
            .filter_map(|&p| Some((p, rows.get(p as usize)?)))
            .collect();
        (word, first)
    });
    let (parts, mut files) = listed(table_by_id(letter, firsts, part_bytes));
    let (directory, directory_files) = listed(table_directory(
        &format!("{letter}d"),
        &parts,
        (part_bytes / WORD_ROWS_DIRECTORY_SHARE).max(1),
    ));
    files.extend(directory_files);
    (Some(WordRows { below, directory }), files)
}

/// A part of the rare words' rows' directory holds the entries of about this
/// share of one of its parts' JSON (16 KiB, some 100 entries, 6 KB stored): a
/// search looks a word or two up in it, so it should cost little more than a
/// round trip.
const WORD_ROWS_DIRECTORY_SHARE: usize = 14;

/// A table's parts (`entries`, in key order) listed in parts of about
/// `part_bytes` of JSON named `prefix-`, each listed by its first entry's key
/// and holding as many keys as they do.
fn table_directory(
    prefix: &str,
    entries: &[TableEntry],
    part_bytes: usize,
) -> Vec<(TableEntry, Vec<u8>)> {
    let items = (entries.iter()).map(|e| (json_lens(std::slice::from_ref(e)), false));
    write_runs(prefix, entries, cut(items, part_bytes))
        .into_iter()
        .filter_map(|(run, json, (file, sha256, stored))| {
            let held = &entries[run];
            let entry = TableEntry {
                file,
                sha256,
                bytes: stored.len(),
                json,
                from: held.first()?.from.clone(),
                count: held.iter().map(|e| e.count).sum(),
            };
            Some((entry, stored))
        })
        .collect()
}

/// Below how many rows of a list of `list_rows` rows in `list_parts` parts a
/// word of `words` has its first page written apart ([`word_rows`]): 0 where a
/// page cannot spread over more than [`SPREAD_PARTS`] parts.
fn rare_words_below(words: &TextIndex, list_rows: usize, list_parts: usize) -> usize {
    if list_parts <= SPREAD_PARTS {
        return 0;
    }
    let rare_below = PAGE_SIZE * list_parts / SPREAD_PARTS;
    let mut counts: Vec<usize> = (words.entries().map(|(_, places)| places.len()))
        .filter(|&n| n > SPREAD_PARTS && n < rare_below)
        .collect();
    counts.sort_unstable();
    let mut held = 0;
    for n in counts {
        held += n.min(PAGE_SIZE);
        if held > list_rows {
            // The words found in fewer rows than this one fit.
            return n;
        }
    }
    rare_below
}

/// The directory of another view's list's parts `entries`, cut into parts of
/// about `part_bytes` of JSON (named `v-`), each listed by the run of the list's
/// rows its entries hold.
fn view_directory(entries: &[ViewEntry], part_bytes: usize) -> Vec<(RowsEntry, Vec<u8>)> {
    let items = (entries.iter()).map(|e| (json_lens(std::slice::from_ref(e)), false));
    write_runs("v", entries, cut(items, part_bytes))
        .into_iter()
        .map(|(run, json, (file, sha256, stored))| {
            let held = &entries[run];
            let first = held.first().map_or(0, |e| e.first);
            let entry = RowsEntry {
                file,
                sha256,
                bytes: stored.len(),
                json,
                first,
                count: held.iter().map(|e| e.count).sum(),
            };
            (entry, stored)
        })
        .collect()
}

/// The first and last day that the days `days` which do not reach cover.
fn near_days(days: impl Iterator<Item = (u32, u32)>) -> Option<(u32, u32)> {
    days.filter(|&d| !reaches(d))
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// The earliest last day and the latest first day of the days `days` that reach.
fn reach_meets(days: impl Iterator<Item = (u32, u32)>) -> Option<(u32, u32)> {
    days.filter(|&d| reaches(d))
        .map(|(first, last)| (last, first))
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// The days of a list's rows that reach (of `days`, by place), with their
/// places, cut into parts of about `part_bytes` of JSON (the kinds' table's
/// share: at the list's, every range read all three parts at a million
/// records, 98 KB, where a dense year needs half); named `letter-` (`s-`: the
/// default list's). Those open at the end come first, earliest first day
/// first; then those open at the start, then the others, each latest last day
/// first; no part holds two of these groups. A range then reads, of those open
/// at an end, only the ones that meet it (give or take a part), and of the
/// others those that end after it starts and start before it ends.
fn reach_parts(
    letter: &str,
    days: &[Option<DayRow>],
    part_bytes: usize,
) -> Vec<(ReachEntry, Vec<u8>)> {
    let mut reaching: Vec<((u8, u32, usize), PlacedDays)> = (days.iter().enumerate())
        .filter_map(|(place, d)| Some((place, d.as_ref()?.days())))
        .filter(|&(_, d)| reaches(d))
        .map(|(place, (first, last))| {
            let key = match (first, last) {
                (_, u32::MAX) => (0, first, place),
                (0, _) => (1, u32::MAX - last, place),
                _ => (2, u32::MAX - last, place),
            };
            (key, PlacedDays(place, first, last))
        })
        .collect();
    reaching.sort_by_key(|(key, _)| *key);
    let groups: Vec<u8> = reaching.iter().map(|((group, _, _), _)| *group).collect();
    let reaching: Vec<PlacedDays> = reaching.into_iter().map(|(_, row)| row).collect();
    let items = (reaching.iter().enumerate()).map(|(at, row)| {
        (
            json_lens(std::slice::from_ref(row)),
            at > 0 && groups[at] != groups[at - 1],
        )
    });
    write_runs(letter, &reaching, cut(items, part_bytes))
        .into_iter()
        .map(|(run, json, (file, sha256, stored))| {
            let held = &reaching[run.clone()];
            let days = held
                .iter()
                .map(|PlacedDays(_, first, last)| (*first, *last))
                .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
                .unwrap_or_default();
            let entry = ReachEntry {
                file,
                sha256,
                bytes: stored.len(),
                json,
                count: run.len(),
                days,
            };
            (entry, stored)
        })
        .collect()
}

/// The days of a list's rows, `days` (`null` for an undated one), in its
/// order, cut into parts of about `part_bytes` of JSON named `letter-` (`t-`:
/// the default list's), each with the days its rows that do not reach cover
/// and where its rows that reach meet (as `ListEntry` says them).
fn days_parts(
    letter: &str,
    days: &[Option<DayRow>],
    part_bytes: usize,
) -> Vec<(DaysEntry, Vec<u8>)> {
    let items = days
        .iter()
        .map(|d| (json_lens(std::slice::from_ref(d)), false));
    write_runs(letter, days, cut(items, part_bytes))
        .into_iter()
        .map(|(run, json, (file, sha256, stored))| {
            let held = &days[run.clone()];
            let dated = || held.iter().flatten().map(|d| d.days());
            let entry = DaysEntry {
                rows: RowsEntry {
                    file,
                    sha256,
                    bytes: stored.len(),
                    json,
                    first: run.start,
                    count: run.len(),
                },
                days: near_days(dated()),
                reach_meets: reach_meets(dated()),
                undated: held.iter().filter(|d| d.is_none()).count(),
            };
            (entry, stored)
        })
        .collect()
}

/// The bytes of JSON `items` take in a list, each with its comma.
fn json_lens<T: Serialize>(items: &[T]) -> usize {
    (items.iter())
        .map(|item| serde_json::to_vec(item).map_or(0, |json| json.len() + 1))
        .sum()
}

/// Cuts items, of so many bytes of JSON each, into runs of about `part_bytes`
/// (a list's brackets included): a run ends before the item that would pass it,
/// or that begins another group (the `bool`); each holds one item at least.
fn cut(
    items: impl IntoIterator<Item = (usize, bool)>,
    part_bytes: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut size, mut at) = (0, 2, 0);
    for (len, new_group) in items {
        if at > start && (size + len > part_bytes || new_group) {
            runs.push(start..at);
            (start, size) = (at, 2);
        }
        size += len;
        at += 1;
    }
    if start < at {
        runs.push(start..at);
    }
    runs
}

/// A part's file name, the SHA-256 of its JSON in hex, and its bytes as stored
/// (as [`named`] gives them).
type Named = (String, String, Vec<u8>);

/// Each run of `items` written as a JSON list and named (`prefix`, as
/// [`named`]): the run, the size of its JSON, and its name.
fn write_runs<T: Serialize>(
    prefix: &str,
    items: &[T],
    runs: impl IntoIterator<Item = std::ops::Range<usize>>,
) -> Vec<(std::ops::Range<usize>, usize, Named)> {
    let runs: Vec<std::ops::Range<usize>> = runs.into_iter().collect();
    let jsons: Vec<Vec<u8>> = (runs.iter())
        .map(|run| serde_json::to_vec(&items[run.clone()]).unwrap_or_default())
        .collect();
    let named = named_all(prefix, &jsons);
    (runs.into_iter().zip(&jsons).zip(named))
        .map(|((run, json), named)| (run, json.len(), named))
        .collect()
}

/// Parts as the manifest lists them, and their files.
fn listed<E: Filed>(table: Vec<(E, Vec<u8>)>) -> (Vec<E>, Vec<(String, Vec<u8>)>) {
    table
        .into_iter()
        .map(|(entry, stored)| {
            let file = entry.file().to_string();
            (entry, (file, stored))
        })
        .unzip()
}

/// An entry of the manifest that names a part's file.
trait Filed {
    fn file(&self) -> &str;
}

/// Each entry that names its part's file in a field of that name.
macro_rules! filed {
    ($($entry:ty),*) => {
        $(impl Filed for $entry {
            fn file(&self) -> &str {
                &self.file
            }
        })*
    };
}

filed!(
    TableEntry,
    ViewEntry,
    ListEntry,
    ReachEntry,
    RowsEntry,
    ReachRowsEntry
);

impl Filed for DaysEntry {
    fn file(&self) -> &str {
        &self.rows.file
    }
}

/// A part's file name (`prefix`, a dash, the first 16 hex digits of the SHA-256
/// of its JSON, `.json.gz`), that SHA-256 in hex, and its bytes as stored.
fn named(prefix: &str, json: &[u8]) -> (String, String, Vec<u8>) {
    let sha256 = sha256_hex(json);
    let file = format!("{prefix}-{}.json.gz", &sha256[..16]);
    (file, sha256, gzip(json, gzip_level(prefix)))
}

/// How many parts the build names at once, spread over the machine's cores.
const NAMED_AT_ONCE: usize = 32;

/// Names parts as [`named`] does, in order, on as many threads as the machine
/// has cores: compressing is most of a large build's time.
fn named_all<J: AsRef<[u8]> + Sync>(prefix: &str, jsons: &[J]) -> Vec<(String, String, Vec<u8>)> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = jsons.len().div_ceil(cores.max(1)).max(1);
    if cores <= 1 || jsons.len() <= 1 {
        return jsons
            .iter()
            .map(|json| named(prefix, json.as_ref()))
            .collect();
    }
    std::thread::scope(|scope| {
        let started: Vec<_> = jsons
            .chunks(share)
            .map(|chunk| {
                let thread = scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|json| named(prefix, json.as_ref()))
                        .collect::<Vec<_>>()
                });
                (chunk, thread)
            })
            .collect();
        // A thread that failed leaves its share to this one.
        started
            .into_iter()
            .flat_map(|(chunk, thread)| {
                thread.join().unwrap_or_else(|_| {
                    chunk
                        .iter()
                        .map(|json| named(prefix, json.as_ref()))
                        .collect()
                })
            })
            .collect()
    })
}

/// How the build words each record's first look (`publish::glance`), by its
/// kind and place in the corpus's list.
pub type Looks<'a> = &'a dyn Fn(Kind, usize) -> FirstLook;

/// The record directory: every id in byte order with the number of the record
/// part that holds it, cut into parts of about `part_bytes` of JSON; and, with
/// `looks`, the first looks of each directory part's records, cut into parts of
/// the same size that the directory part lists. Returns the directory's parts
/// and the first looks' files.
#[allow(clippy::type_complexity)]
fn directory(
    corpus: &Corpus,
    parts: &[PartEntry],
    part_bytes: usize,
    looks: Option<Looks>,
) -> (Vec<(TableEntry, Vec<u8>)>, Vec<(String, Vec<u8>)>) {
    let mut ids: Vec<(&str, usize, (Kind, usize))> = Vec::with_capacity(
        corpus.sources.len() + corpus.actors.len() + corpus.events.len() + corpus.claims.len(),
    );
    for (at, part) in parts.iter().enumerate() {
        for kind in KINDS {
            let held = part.first.run(&part.count, kind);
            ids.extend(held.map(|idx| (corpus.id_of(kind, idx), at, (kind, idx))));
        }
    }
    ids.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let runs = runs_by_id(ids.iter().map(|(id, part, _)| (*id, *part)), part_bytes);
    let (mut written, mut glances, mut at) = (Vec::new(), Vec::new(), 0);
    for run in runs {
        let held = &ids[at..at + run.count];
        at += run.count;
        let table = looks.map_or_else(Vec::new, |looks| {
            let rows = held
                .iter()
                .map(|(id, _, (kind, idx))| (*id, looks(*kind, *idx)));
            table_by_id("g", rows, part_bytes)
        });
        let (listed, files) = listed(table);
        glances.extend(files);
        let mut json = br#"{"looks":"#.to_vec();
        json.extend(serde_json::to_vec(&listed).unwrap_or_default());
        json.extend_from_slice(br#","ids":"#);
        json.extend_from_slice(&run.json);
        json.push(b'}');
        written.push(run.written("d", &json));
    }
    (written, glances)
}

/// A run of a table by id: its first id, how many rows it holds, and their JSON list.
struct Run {
    from: String,
    count: usize,
    json: Vec<u8>,
}

impl Run {
    /// The run's part, holding `json` (the run's list, or more around it), as the
    /// manifest lists it, with its bytes as stored; named `letter-…`.
    fn written(&self, letter: &str, json: &[u8]) -> (TableEntry, Vec<u8>) {
        self.entry(json, named(letter, json))
    }

    /// The run's part holding `json`, named already (`named`'s name, hash and bytes).
    fn entry(&self, json: &[u8], named: (String, String, Vec<u8>)) -> (TableEntry, Vec<u8>) {
        let (file, sha256, stored) = named;
        let entry = TableEntry {
            file,
            sha256,
            bytes: stored.len(),
            json: json.len(),
            from: self.from.clone(),
            count: self.count,
        };
        (entry, stored)
    }
}

/// Rows of a table by id (an id and what the table says of it, sorted by id),
/// cut into runs of about `part_bytes` of JSON, at least one row each, each a
/// JSON list of `[id, …]` rows.
fn runs_by_id<'a, T: Serialize>(
    rows: impl IntoIterator<Item = (&'a str, T)>,
    part_bytes: usize,
) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run = Run {
        from: String::new(),
        count: 0,
        json: Vec::new(),
    };
    for (id, said) in rows {
        let row = serde_json::to_vec(&(id, said)).unwrap_or_default();
        if run.count > 0 && run.json.len() + row.len() + 2 > part_bytes {
            run.json.push(b']');
            runs.push(std::mem::replace(
                &mut run,
                Run {
                    from: String::new(),
                    count: 0,
                    json: Vec::new(),
                },
            ));
        }
        run.json.push(if run.count == 0 { b'[' } else { b',' });
        run.json.extend_from_slice(&row);
        if run.count == 0 {
            run.from = id.to_string();
        }
        run.count += 1;
    }
    if run.count > 0 {
        run.json.push(b']');
        runs.push(run);
    }
    runs
}

/// A table by id as parts: `rows` (an id and what the table says of it), sorted
/// by id, cut into parts of about `part_bytes` of JSON (at least one row each),
/// each a JSON list of `[id, …]` rows, named `letter-…`.
fn table_by_id<'a, T: Serialize>(
    letter: &str,
    rows: impl IntoIterator<Item = (&'a str, T)>,
    part_bytes: usize,
) -> Vec<(TableEntry, Vec<u8>)> {
    let runs = runs_by_id(rows, part_bytes);
    let jsons: Vec<&[u8]> = runs.iter().map(|run| run.json.as_slice()).collect();
    runs.iter()
        .zip(named_all(letter, &jsons))
        .map(|(run, named)| run.entry(&run.json, named))
        .collect()
}

/// Reads a manifest, refusing one of a format this reader does not know.
pub fn read_manifest(bytes: &[u8]) -> Result<Manifest, PartsError> {
    let manifest: Manifest =
        serde_json::from_slice(bytes).map_err(|e| PartsError::ManifestUnreadable(e.to_string()))?;
    if manifest.format != FORMAT {
        return Err(PartsError::UnknownFormat(manifest.format));
    }
    Ok(manifest)
}

impl Manifest {
    /// Whether two manifests list the same parts: the same corpus, byte for byte.
    pub fn same_corpus(&self, other: &Manifest) -> bool {
        self.parts.len() == other.parts.len()
            && self
                .parts
                .iter()
                .zip(&other.parts)
                .all(|(a, b)| a.sha256 == b.sha256)
    }
}

impl Lang {
    /// A new version of the site, as the page announces it, by the corpus it
    /// brings (`new`, its manifest) against the corpus on screen (`on_screen`, the
    /// manifest of the shipped corpus; `None` where another corpus is on screen):
    /// "A new version is ready: version 2 of the corpus, 12 more records."
    pub fn new_version(self, on_screen: Option<&Manifest>, new: &Manifest) -> String {
        let t = self.strings();
        let total = new.totals.total();
        let change = match on_screen {
            Some(old) if old.same_corpus(new) => return t.update_app_only.to_string(),
            Some(old) => {
                let before = old.totals.total();
                match total.cmp(&before) {
                    Ordering::Greater => self.count(&t.update_more, total - before),
                    Ordering::Less => self.count(&t.update_fewer, before - total),
                    Ordering::Equal => self.count(&t.update_records, total),
                }
            }
            None => self.count(&t.update_records, total),
        };
        fill(
            t.update_ready,
            &[&self.digits_in(&new.meta.version), &change],
        )
    }
}

/// The parts of one corpus as they arrive, put back together into what reading
/// the whole file gives.
pub struct Assembly {
    manifest: Manifest,
    read: Vec<Option<Document>>,
}

impl Assembly {
    pub fn new(manifest: Manifest) -> Assembly {
        let read = manifest.parts.iter().map(|_| None).collect();
        Assembly { manifest, read }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The parts still needed, in the manifest's order.
    pub fn missing(&self) -> impl Iterator<Item = &PartEntry> {
        self.manifest
            .parts
            .iter()
            .zip(&self.read)
            .filter(|(_, read)| read.is_none())
            .map(|(entry, _)| entry)
    }

    /// Takes the JSON of the part `file` (inflated), checked against the manifest.
    pub fn take(&mut self, file: &str, bytes: &[u8]) -> Result<(), PartsError> {
        self.take_digested(file, bytes, &sha256_hex(bytes))
    }

    /// Takes the JSON of the part `file` whose SHA-256 (in hex) the caller has
    /// computed: a browser's own digest is many times faster than ours in wasm.
    pub fn take_digested(
        &mut self,
        file: &str,
        bytes: &[u8],
        sha256: &str,
    ) -> Result<(), PartsError> {
        let at = self
            .manifest
            .parts
            .iter()
            .position(|p| p.file == file)
            .ok_or_else(|| PartsError::NotListed(file.into()))?;
        self.read[at] = Some(read_part(&self.manifest.parts[at], bytes, sha256)?);
        Ok(())
    }

    /// How many parts have arrived, of how many.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.read.iter().filter(|r| r.is_some()).count();
        (done, self.read.len())
    }

    /// The whole corpus as reading its file gives it, once every part is in.
    pub fn finish(self) -> Result<Document, PartsError> {
        let missing = self.read.iter().filter(|r| r.is_none()).count();
        if missing > 0 {
            return Err(PartsError::Incomplete { missing });
        }
        let mut whole = Document {
            meta: self.manifest.meta,
            ..Document::default()
        };
        for (entry, doc) in self.manifest.parts.iter().zip(self.read) {
            let Some(doc) = doc else { continue };
            append(&mut whole.sources, doc.sources, entry.first.sources);
            append(&mut whole.actors, doc.actors, entry.first.actors);
            append(&mut whole.events, doc.events, entry.first.events);
            append(&mut whole.claims, doc.claims, entry.first.claims);
        }
        Ok(whole)
    }
}

/// The records of the part `entry`, from its JSON (inflated) and the SHA-256 of
/// that JSON, checked against the manifest.
pub fn read_part(entry: &PartEntry, bytes: &[u8], sha256: &str) -> Result<Document, PartsError> {
    let file = || entry.file.clone();
    check_hash(&entry.file, &entry.sha256, sha256)?;
    let text = std::str::from_utf8(bytes).map_err(|_| PartsError::HashMismatch { file: file() })?;
    let doc = load::parse(text).map_err(|error| PartsError::NotACorpus {
        file: file(),
        error,
    })?;
    let held = Counts {
        sources: doc.sources.len(),
        actors: doc.actors.len(),
        events: doc.events.len(),
        claims: doc.claims.len(),
    };
    // Parts are written from a corpus that read whole: every record reads.
    if held != entry.count || !doc.problems.is_empty() {
        return Err(wrong_records(&entry.file));
    }
    Ok(doc)
}

/// One part of a table by id, read: its ids in byte order, each with what the
/// table says of it (`T`); a part of the records' first looks is a
/// `Table<FirstLook>`, each id's look in every language of the interface.
pub struct Table<T>(Vec<(String, T)>);

impl<T: serde::de::DeserializeOwned> Table<T> {
    /// Reads the table part `entry` from its JSON and the SHA-256 of that JSON,
    /// checked against the entry that lists it.
    pub fn read(entry: &TableEntry, bytes: &[u8], sha256: &str) -> Result<Table<T>, PartsError> {
        let rows = read_json(&entry.file, &entry.sha256, bytes, sha256)?;
        Table::checked(entry, rows)
    }

    /// The rows of the part `entry`, if they are the ones it says.
    fn checked(entry: &TableEntry, rows: Vec<(String, T)>) -> Result<Table<T>, PartsError> {
        if rows.len() != entry.count || rows.first().is_some_and(|(id, _)| *id != entry.from) {
            return Err(wrong_records(&entry.file));
        }
        Ok(Table(rows))
    }
}

impl<T> Table<T> {
    /// Its greatest key up to `key`, with what it says of it: the key of the
    /// names table that answers what is typed (`publish::names::suggestions`).
    pub fn at_or_before(&self, key: &str) -> Option<(&str, &T)> {
        let at = (self.0)
            .partition_point(|(listed, _)| listed.as_str() <= key)
            .checked_sub(1)?;
        self.0.get(at).map(|(listed, said)| (listed.as_str(), said))
    }

    /// What this part says of `id`, if it lists it.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0
            .binary_search_by(|(listed, _)| listed.as_str().cmp(id))
            .ok()
            .and_then(|at| self.0.get(at))
            .map(|(_, said)| said)
    }
}

/// One part of a table of places, read: the words' table (its words in byte
/// order, each with the ascending places in the default list of the events that
/// hold it) or the kinds' table (each value by its key, with the places of the
/// events it keeps).
pub struct PlaceTable(Table<Vec<u32>>);

impl PlaceTable {
    /// Reads the part of a table of places `entry` from its JSON and the SHA-256
    /// of that JSON, checked against the manifest.
    pub fn read(entry: &TableEntry, bytes: &[u8], sha256: &str) -> Result<PlaceTable, PartsError> {
        let mut table: Table<Vec<u32>> = Table::read(entry, bytes, sha256)?;
        for (_, steps) in &mut table.0 {
            // Each place but the first is written as its step from the one before.
            if !places_from_steps(steps) {
                return Err(wrong_records(&entry.file));
            }
        }
        Ok(PlaceTable(table))
    }

    /// The places of the key `key`, if this part lists it.
    pub fn places_of(&self, key: &str) -> Option<&[u32]> {
        self.0.get(key).map(Vec::as_slice)
    }

    /// The places, ascending, each once, of any of the keys `keys` in any of
    /// the parts `tables`; a key none lists has none.
    pub fn places_of_any<'k>(
        tables: &[&PlaceTable],
        keys: impl IntoIterator<Item = &'k String>,
    ) -> Vec<u32> {
        let mut places: Vec<u32> = (keys.into_iter())
            .flat_map(|key| tables.iter().filter_map(|t| t.places_of(key)).flatten())
            .copied()
            .collect();
        places.sort_unstable();
        places.dedup();
        places
    }

    /// Its words that begin with `prefix`, each with its places.
    pub fn starting_with<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a [u32])> + 'a {
        let rows = &self.0 .0;
        let from = rows.partition_point(|(word, _)| word.as_str() < prefix);
        rows[from..]
            .iter()
            .take_while(move |(word, _)| word.starts_with(prefix))
            .map(|(word, places)| (word.as_str(), places.as_slice()))
    }
}

/// The JSON of the part `file`, read, once it hashes to `sha256`, the hash its
/// listing says (`expected`): JSON of another shape holds other records than
/// the listing says.
fn read_json<J: serde::de::DeserializeOwned>(
    file: &str,
    expected: &str,
    bytes: &[u8],
    sha256: &str,
) -> Result<J, PartsError> {
    check_hash(file, expected, sha256)?;
    serde_json::from_slice(bytes).map_err(|_| wrong_records(file))
}

/// Whether a part's JSON hashes to `sha256`, the hash its listing says (`expected`).
fn check_hash(file: &str, expected: &str, sha256: &str) -> Result<(), PartsError> {
    if sha256.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(PartsError::HashMismatch { file: file.into() })
    }
}

fn wrong_records(file: &str) -> PartsError {
    PartsError::WrongRecords { file: file.into() }
}

/// Reads a part of the directory of a list's rare words' rows (`WordRows`),
/// `entry`, from its JSON and the SHA-256 of that JSON, checked against the
/// manifest: the parts of the rows' table it lists, in word order, the first
/// from the word the manifest says.
pub fn read_word_rows_directory(
    entry: &TableEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<TableEntry>, PartsError> {
    let parts: Vec<TableEntry> = read_json(&entry.file, &entry.sha256, bytes, sha256)?;
    let in_order = parts.windows(2).all(|w| w[0].from < w[1].from);
    match parts.first() {
        Some(first) if first.from == entry.from && in_order => Ok(parts),
        _ => Err(wrong_records(&entry.file)),
    }
}

/// Reads the part of the default list `entry` from its JSON and the SHA-256 of
/// that JSON, checked against the manifest: its rows, in the list's order.
pub fn read_list(
    entry: &ListEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<ListRow>, PartsError> {
    read_rows(&entry.file, &entry.sha256, entry.count, bytes, sha256)
}

/// Reads a part of the default list's rows that reach, `entry`, from its JSON
/// and the SHA-256 of that JSON, checked against the manifest.
pub fn read_reach(
    entry: &ReachEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<PlacedDays>, PartsError> {
    read_rows(&entry.file, &entry.sha256, entry.count, bytes, sha256)
}

/// Reads a part of the days of the default list's rows, `entry`, from its
/// JSON and the SHA-256 of that JSON, checked against the manifest: each
/// row's first and last day, in the list's order (`None`: undated).
pub fn read_dates(
    entry: &RowsEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<Option<(u32, u32)>>, PartsError> {
    let rows = read_day_rows(entry, bytes, sha256)?;
    Ok(rows.into_iter().map(|row| row.map(DayRow::days)).collect())
}

/// Reads a part of the days of the default list's rows as [`read_dates`]
/// does, with whether each row's date is inferred.
pub fn read_day_rows(
    entry: &RowsEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<Option<DayRow>>, PartsError> {
    read_rows(&entry.file, &entry.sha256, entry.count, bytes, sha256)
}

/// Reads a part of the rows that reach of another view's list, `entry` (`R`
/// is its row), from its JSON and the SHA-256 of that JSON, checked against
/// the manifest: its rows, each with its place.
pub fn read_reach_rows<R: serde::de::DeserializeOwned>(
    entry: &ReachRowsEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<(u32, R)>, PartsError> {
    read_rows(&entry.file, &entry.sha256, entry.count, bytes, sha256)
}

/// Reads a part of the actors' lists, `entry`, from its JSON and the SHA-256 of
/// that JSON, checked against the manifest: its rows, with their places.
pub fn read_actor_rows(
    entry: &RowsEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<PlacedRow>, PartsError> {
    read_rows(&entry.file, &entry.sha256, entry.count, bytes, sha256)
}

/// Reads a part of a view's lists by actor, `entry` (`R` is its row), from
/// its JSON and the SHA-256 of that JSON, checked against the manifest: its
/// rows, each with its place in the view's list.
pub fn read_view_actor_rows<R: serde::de::DeserializeOwned>(
    entry: &RowsEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<(u32, R)>, PartsError> {
    read_rows(&entry.file, &entry.sha256, entry.count, bytes, sha256)
}

/// Reads a part of the directory of another view's list, `entry`, from its JSON
/// and the SHA-256 of that JSON, checked against the manifest: the entries of
/// the list's parts that hold its rows, end to end from its first.
pub fn read_view_directory(
    entry: &RowsEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<ViewEntry>, PartsError> {
    let entries: Vec<ViewEntry> = read_json(&entry.file, &entry.sha256, bytes, sha256)?;
    let mut next = entry.first;
    for part in &entries {
        if part.first != next || part.count == 0 {
            return Err(wrong_records(&entry.file));
        }
        next += part.count;
    }
    if next != entry.first + entry.count {
        return Err(wrong_records(&entry.file));
    }
    Ok(entries)
}

/// Reads the claims' charts, `entry`, from their JSON and the SHA-256 of that
/// JSON, checked against the manifest.
pub fn read_claims_charts(
    entry: &FileEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<ClaimsCharts, PartsError> {
    read_json(&entry.file, &entry.sha256, bytes, sha256)
}

/// Reads a part of another view's list in pages (the claims', the sources',
/// the institutions' and people's: `R` is its row), `entry`, from its JSON and
/// the SHA-256 of that JSON, checked against the manifest.
pub fn read_view_rows<R: serde::de::DeserializeOwned>(
    entry: &ViewEntry,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<R>, PartsError> {
    read_rows(&entry.file, &entry.sha256, entry.count, bytes, sha256)
}

/// Reads the part `file`, a JSON list of `count` rows, from its JSON and the
/// SHA-256 of that JSON, checked against the manifest's (`expected`).
fn read_rows<T: serde::de::DeserializeOwned>(
    file: &str,
    expected: &str,
    count: usize,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<T>, PartsError> {
    let rows: Vec<T> = read_json(file, expected, bytes, sha256)?;
    if rows.len() != count {
        return Err(wrong_records(file));
    }
    Ok(rows)
}

/// One part of the record directory, read: which record part holds each of its
/// ids, and the parts of the first looks of its records.
pub struct Directory {
    ids: Table<usize>,
    looks: Vec<TableEntry>,
}

/// One part of the actors' lists' table, read: what it says of each of its
/// actors (`L`: the events list's [`ActorList`]; a view's [`ViewActorList`],
/// read as [`ViewActorTable`]), and the parts of their rows.
pub struct ActorTable<L = ActorList> {
    actors: Table<L>,
    rows: Vec<RowsEntry>,
}

/// A part of the actors' table as its JSON writes it:
/// `{"rows": [...], "actors": [[id, [name, first, count]], ...]}`.
#[derive(Deserialize)]
struct ActorTableJson<L> {
    rows: Vec<RowsEntry>,
    actors: Vec<(String, L)>,
}

impl ActorTable {
    /// Reads the actors' table part `entry` from its JSON and the SHA-256 of
    /// that JSON, checked against the manifest.
    pub fn read(entry: &TableEntry, bytes: &[u8], sha256: &str) -> Result<ActorTable, PartsError> {
        ActorTable::read_as(entry, bytes, sha256)
    }
}

impl<L: serde::de::DeserializeOwned> ActorTable<L> {
    fn read_as(entry: &TableEntry, bytes: &[u8], sha256: &str) -> Result<Self, PartsError> {
        let read: ActorTableJson<L> = read_json(&entry.file, &entry.sha256, bytes, sha256)?;
        Ok(ActorTable {
            actors: Table::checked(entry, read.actors)?,
            rows: read.rows,
        })
    }
}

impl<L> ActorTable<L> {
    /// What this part says of the actor `id`, if it lists it.
    pub fn get(&self, id: &str) -> Option<&L> {
        self.actors.get(id)
    }

    /// The parts of rows that hold the rows at `positions` (among every
    /// actor's rows), in order.
    pub fn rows_parts(&self, positions: std::ops::Range<usize>) -> &[RowsEntry] {
        &self.rows[rows_parts_of(&self.rows, positions)]
    }
}

/// What a view's lists by actor (the claims', the sources') say of one actor,
/// found by its id: its name, where its rows begin among every actor's rows,
/// and the places in the view's list (ascending) of the records it keeps,
/// its rows' places. Written as a JSON list of the three, each place but the
/// first as its step from the one before, as a table of places writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewActorList(pub String, pub usize, pub Vec<u32>);

impl ViewActorList {
    pub fn name(&self) -> &str {
        &self.0
    }

    /// The places of its records, ascending.
    pub fn places(&self) -> &[u32] {
        &self.2
    }

    /// Its rows' positions among every actor's rows.
    pub fn rows(&self) -> std::ops::Range<usize> {
        self.1..self.1 + self.2.len()
    }
}

/// One part of a view's table of the actors' lists, read: each actor's
/// [`ViewActorList`], its places ascending, and the parts of their rows.
pub struct ViewActorTable(ActorTable<ViewActorList>);

impl ViewActorTable {
    /// Reads the part `entry` of a view's actors' table from its JSON and the
    /// SHA-256 of that JSON, checked against the manifest.
    pub fn read(
        entry: &TableEntry,
        bytes: &[u8],
        sha256: &str,
    ) -> Result<ViewActorTable, PartsError> {
        let mut table: ActorTable<ViewActorList> = ActorTable::read_as(entry, bytes, sha256)?;
        for (_, list) in &mut table.actors.0 {
            if !places_from_steps(&mut list.2) {
                return Err(wrong_records(&entry.file));
            }
        }
        Ok(ViewActorTable(table))
    }

    /// What this part says of the actor `id`, if it lists it.
    pub fn get(&self, id: &str) -> Option<&ViewActorList> {
        self.0.get(id)
    }

    /// The parts of rows that hold the rows at `positions`, in order.
    pub fn rows_parts(&self, positions: std::ops::Range<usize>) -> &[RowsEntry] {
        self.0.rows_parts(positions)
    }
}

/// Places written as steps (the first as it is, each other as its step from
/// the one before, at least one) turned back into places, in place; false
/// where a step is none or runs past the last place a list can have.
fn places_from_steps(steps: &mut [u32]) -> bool {
    let mut place: Option<u32> = None;
    for step in steps.iter_mut() {
        let next = match place {
            None => Some(*step),
            Some(p) => p.checked_add(*step).filter(|_| *step > 0),
        };
        let Some(next) = next else {
            return false;
        };
        *step = next;
        place = Some(next);
    }
    true
}

/// A directory part as its JSON writes it: `{"looks": [...], "ids": [[id, part], ...]}`.
#[derive(Deserialize)]
struct DirectoryJson {
    #[serde(default)]
    looks: Vec<TableEntry>,
    ids: Vec<(String, usize)>,
}

impl Directory {
    /// Reads the directory part `entry` from its JSON and the SHA-256 of that
    /// JSON, checked against the manifest.
    pub fn read(entry: &TableEntry, bytes: &[u8], sha256: &str) -> Result<Directory, PartsError> {
        let read: DirectoryJson = read_json(&entry.file, &entry.sha256, bytes, sha256)?;
        Ok(Directory {
            ids: Table::checked(entry, read.ids)?,
            looks: read.looks,
        })
    }

    /// The number of the record part that holds `id`, if this part lists it.
    pub fn part_of(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The part of the first looks that would list `id`, if any would.
    pub fn look_of(&self, id: &str) -> Option<&TableEntry> {
        table_part_of(&self.looks, id).and_then(|at| self.looks.get(at))
    }
}

impl Manifest {
    /// The number of the directory part that would list `id`, if any would.
    pub fn directory_of(&self, id: &str) -> Option<usize> {
        table_part_of(&self.directory, id)
    }

    /// The record directory's parts as the app's page carries them, in a script
    /// element of its own ([`DIRECTORY_ELEMENT`]): a JSON list of `[from, file]`,
    /// every `<` escaped so that nothing in it ends the element.
    /// A record opened by its address then starts its directory part beside the
    /// manifest rather than after it; the file name's 16 hex digits check the part.
    pub fn directory_in_page(&self) -> String {
        let listed: Vec<(&str, &str)> = self
            .directory
            .iter()
            .map(|d| (d.from.as_str(), d.file.as_str()))
            .collect();
        serde_json::to_string(&listed)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }

    /// The app's page `html` with the record directory's parts in its element, in
    /// place of what the element held (a placeholder, or an earlier build's list);
    /// `None` where the page has no such element.
    pub fn into_page(&self, html: &str) -> Option<String> {
        let start = html.find(DIRECTORY_ELEMENT)? + DIRECTORY_ELEMENT.len();
        let end = start + html[start..].find("</script>")?;
        Some(format!(
            "{}{}{}",
            &html[..start],
            self.directory_in_page(),
            &html[end..]
        ))
    }

    /// How many rows the default list has: its events.
    pub fn listed(&self) -> usize {
        self.list.iter().map(|p| p.count).sum()
    }

    /// How many of them are undated (listed last).
    pub fn listed_undated(&self) -> usize {
        self.list.iter().map(|p| p.undated).sum()
    }

    /// How many events the kind `key` (`tag:killings`) keeps for an address
    /// with no other filter, where the build counted them.
    pub fn kind_count(&self, key: &str) -> Option<usize> {
        self.kind_count_of(Kind::Event, key)
    }

    /// How many records of `kind` the kind `key` keeps in that kind's view for
    /// an address with no other filter, where the build counted them.
    pub fn kind_count_of(&self, kind: Kind, key: &str) -> Option<usize> {
        let counts = match kind {
            Kind::Event => &self.kind_counts,
            Kind::Claim => &self.claims_kind_counts,
            Kind::Source => &self.sources_kind_counts,
            Kind::Actor => return None,
        };
        (counts.iter()).find_map(|(k, n)| (k == key).then_some(*n))
    }

    /// Whether counting the kinds under a filter on the view of `kind` reads
    /// more of its kinds' table than the reader is charged unasked
    /// ([`KINDS_ASK_ABOVE`]); and how many bytes, as stored, that is.
    pub fn kind_counts_ask(&self, kind: Kind) -> (bool, usize) {
        let bytes = self.view_kinds(kind).iter().map(|e| e.bytes).sum();
        (
            bytes > self.kinds_ask_above.unwrap_or(KINDS_ASK_ABOVE),
            bytes,
        )
    }

    /// The rare kinds' rows of the view of `kind` (the claims', the sources'), by key.
    pub fn view_kind_rows(&self, kind: Kind) -> &[(String, Vec<ReachRowsEntry>)] {
        match kind {
            Kind::Claim => &self.claims_kind_rows,
            Kind::Source => &self.sources_kind_rows,
            Kind::Event | Kind::Actor => &[],
        }
    }

    /// The first rows of the rare words of the view of `kind` (the events',
    /// the claims', the sources'), where the build wrote any.
    pub fn view_word_rows(&self, kind: Kind) -> Option<&WordRows> {
        match kind {
            Kind::Event => self.word_rows.as_ref(),
            Kind::Claim => self.claims_word_rows.as_ref(),
            Kind::Source => self.sources_word_rows.as_ref(),
            Kind::Actor => None,
        }
    }

    /// The parts of the kinds' table of the view of `kind`: the events', the
    /// claims', the sources' (none for the actors').
    pub fn view_kinds(&self, kind: Kind) -> &[TableEntry] {
        match kind {
            Kind::Event => &self.kinds,
            Kind::Claim => &self.claims_kinds,
            Kind::Source => &self.sources_kinds,
            Kind::Actor => &[],
        }
    }

    /// The parts of the words' table that hold the words beginning with
    /// `prefix` (a folded, stemmed word): most often one.
    pub fn words_of(&self, prefix: &str) -> std::ops::Range<usize> {
        words_in(&self.words, prefix)
    }

    /// The parts of the words' table of the view of `kind` (the events', the
    /// claims', the sources'), where the build wrote one.
    pub fn view_words(&self, kind: Kind) -> &[TableEntry] {
        match kind {
            Kind::Event => &self.words,
            Kind::Claim => &self.claims_words,
            Kind::Source => &self.sources_words,
            Kind::Actor => &[],
        }
    }

    /// The number of the part of the kinds' table that would list the key `key`.
    pub fn kinds_of(&self, key: &str) -> Option<usize> {
        table_part_of(&self.kinds, key)
    }

    /// The number of the part of the actors' places table that would list the actor `id`.
    pub fn actor_places_of(&self, id: &str) -> Option<usize> {
        table_part_of(&self.actor_places, id)
    }

    /// The parts of the table of the lists by actor of the view of `kind`
    /// (the claims', the sources'), where the build wrote them.
    pub fn view_by_actor(&self, kind: Kind) -> &[TableEntry] {
        match kind {
            Kind::Claim => &self.claims_by_actor,
            Kind::Source => &self.sources_by_actor,
            Kind::Event | Kind::Actor => &[],
        }
    }

    /// The number of the part of the actors' lists table that would list the actor `id`.
    pub fn by_actor_of(&self, id: &str) -> Option<usize> {
        table_part_of(&self.by_actor, id)
    }

    /// The parts of the days of the list in pages of the view of `kind`,
    /// where the build wrote them (the claims', the sources').
    pub fn view_days(&self, kind: Kind) -> &[DaysEntry] {
        match kind {
            Kind::Claim => &self.claims_days,
            Kind::Source => &self.sources_days,
            Kind::Actor | Kind::Event => &[],
        }
    }

    /// The parts of the days of the rows that reach of the list in pages of
    /// the view of `kind`, where the build wrote them (the claims', the sources').
    pub fn view_reach(&self, kind: Kind) -> &[ReachEntry] {
        match kind {
            Kind::Claim => &self.claims_reach,
            Kind::Source => &self.sources_reach,
            Kind::Actor | Kind::Event => &[],
        }
    }

    /// The parts of the rows that reach of the list in pages of the view of
    /// `kind`, where the build wrote them (the claims', the sources').
    pub fn view_reach_rows(&self, kind: Kind) -> &[ReachRowsEntry] {
        match kind {
            Kind::Claim => &self.claims_reach_rows,
            Kind::Source => &self.sources_reach_rows,
            Kind::Actor | Kind::Event => &[],
        }
    }

    /// The parts of the directory of the list in pages of the view of `kind`
    /// records, where it is not the events' (`claims_list`, `sources_list`):
    /// empty where the build wrote none.
    pub fn view_list(&self, kind: Kind) -> &[RowsEntry] {
        match kind {
            Kind::Claim => &self.claims_list,
            Kind::Source => &self.sources_list,
            Kind::Actor => &self.actors_list,
            Kind::Event => &[],
        }
    }

    /// How many rows the list in pages of the view of `kind` records has,
    /// where it is not the events' (`view_list`).
    pub fn view_total(&self, kind: Kind) -> usize {
        self.view_list(kind).iter().map(|p| p.count).sum()
    }

    /// The number of the default list's part that holds the row at `place` (from
    /// 0), if the list has one there.
    pub fn list_part_of(&self, place: usize) -> Option<usize> {
        part_holding(&self.list, place)
    }

    /// Where the events listed under `year` or a later one begin in the default
    /// list (which is in date order, undated last), as far as the list's parts
    /// say it without being read.
    pub fn list_year(&self, year: i32) -> YearInList {
        // The parts that start before the year: the place is in the last of them,
        // or it is the next part's first row.
        let before = self
            .list
            .partition_point(|p| p.year.is_some_and(|y| y < year));
        match before.checked_sub(1) {
            Some(at) => YearInList::InPart(at),
            None if self.list.first().is_some_and(|p| p.year.is_some()) => YearInList::At(0),
            None => YearInList::Nowhere,
        }
    }

    /// Where the events listed under `year` or a later one begin, from the rows
    /// of the list's part `at` (which [`Manifest::list_year`] named).
    pub fn list_year_in(&self, at: usize, rows: &[ListRow], year: i32) -> Option<usize> {
        let part = self.list.get(at)?;
        match rows
            .iter()
            .position(|r| r.year().is_some_and(|y| y >= year))
        {
            Some(i) => Some(part.first + i),
            // Not in this part: the next one starts with it, if it starts dated.
            None => self
                .list
                .get(at + 1)
                .filter(|next| next.year.is_some())
                .map(|next| next.first),
        }
    }

    /// Every part's bytes as stored, together: what reading the whole corpus downloads.
    pub fn stored_bytes(&self) -> usize {
        self.parts.iter().map(|p| p.bytes).sum()
    }

    /// Whether a record opened by its address, or a page of the default list, is
    /// worth showing alone, from the few parts that hold it, before the whole
    /// corpus is read: above 4 MiB of parts (about 28,000 of the generated
    /// corpora's records; the manifest may say otherwise), a second or more on a
    /// fast link and far more on a slow one.
    pub fn shows_alone(&self) -> bool {
        self.stored_bytes() > self.show_alone_above.unwrap_or(SHOW_ALONE_ABOVE) || self.asks_first()
    }

    /// Whether the app should ask the reader before it downloads every part.
    pub fn asks_first(&self) -> bool {
        self.stored_bytes() > self.ask_above.unwrap_or(ASK_ABOVE)
    }
}

/// The parts of a words' table, `words` (parts by their first word), that
/// hold the words beginning with `prefix` (a folded, stemmed word): most often one.
pub fn words_in(words: &[TableEntry], prefix: &str) -> std::ops::Range<usize> {
    // The part where `prefix` would stand, up to the last that starts with
    // a word before it or beginning with it.
    let first = words
        .partition_point(|p| p.from.as_str() <= prefix)
        .saturating_sub(1);
    let end = words.partition_point(|p| p.from.as_str() < prefix || p.from.starts_with(prefix));
    first..end.max(first)
}

/// The number of the part of a table by id (`parts`, in id order) that would list `id`.
pub fn table_part_of(parts: &[TableEntry], id: &str) -> Option<usize> {
    parts
        .partition_point(|d| d.from.as_str() <= id)
        .checked_sub(1)
}

/// Appends a part's run of a list, numbered by their places in the whole list.
fn append<T>(whole: &mut Vec<Entry<T>>, run: Vec<Entry<T>>, first: usize) {
    whole.extend(run.into_iter().map(|e| Entry {
        index: e.index + first,
        record: e.record,
    }));
}
