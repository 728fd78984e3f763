//! The claims, the sources and the institutions and people before a large
//! corpus is read: for an address with no filter, their lists a page at a
//! time, each page from the one part of that list that holds it
//! (`publish::views`), as the events list's pages are; the claims and the
//! sources also over a date range, for words, kinds and actors
//! (`view_range`). The claims in another order wait for the corpus.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::thread::LocalKey;

use dossier::corpus::model::Kind;
use dossier::corpus::vocab;
use dossier::i18n::{fill, Lang};
use dossier::publish::by_kind::Sought;
use dossier::publish::parts::{
    part_holding, FileEntry, Manifest, ReachRowsEntry, RowsEntry, ViewEntry,
};
use dossier::publish::view_by_actor::ChosenActors;
use dossier::publish::view_range::{
    page_rows, parts_holding, placed_rows_at, rows_at, ViewInRange,
};
use dossier::publish::views::{
    heading_goes_on, ActorListRow, ClaimRow, ClaimsCharts, Named, SourceRow,
};
use dossier::publish::word_rows::{WordRowsTable, WordsApart};
use dossier::query::filter::{Facet, Filter};
use dossier::query::index::Speaker;
use dossier::query::order::ClaimOrder;
use dossier::query::url_state::{Page, UrlState, View, PAGE_SIZE};
use futures::future;
use futures::stream::{self, StreamExt};
use leptos::prelude::*;

use super::bits::{
    count, data, few_read, keep_few, keep_read, lang, last_read, thousands, DateText, FewRead,
    LastRead,
};
use super::by_word::{worded_rows, Failed, KeptWordRows};
use super::charts::{matrix_section, tolls_section, TollLine};
use super::failure::LoadFailure;
use super::fold::{FetchWhenOpen, FetchedFold};
use super::lists::{actors_group, page_note, runs, view_tabs, wide_screen};
use super::loader::{self, PARTS_IN_FLIGHT};
use super::nav::{follow_state_links, Entry, Nav, RecordLink};
use super::pages::{dates_alone, page_as_read, page_in_part, part_for_page, PartRead};
use super::view_range::{Apart, ViewRangeInPages};

thread_local! {
    /// The part of each list last read, by its file name: a page drawn again
    /// (back from a record) is on screen at once.
    static CLAIMS_READ: LastRead<String, Arc<Vec<ClaimRow>>> = const { RefCell::new(None) };
    static SOURCES_READ: LastRead<String, Arc<Vec<SourceRow>>> = const { RefCell::new(None) };
    static ACTORS_READ: LastRead<String, Arc<Vec<ActorListRow>>> = const { RefCell::new(None) };
    /// The parts of the lists' directories read, by file name: small, and
    /// needed again by every page they cover.
    static DIRECTORIES: FewRead<String, Arc<Vec<ViewEntry>>> = const { RefCell::new(Vec::new()) };
    static CHARTS_READ: LastRead<String, Arc<ClaimsCharts>> = const { RefCell::new(None) };
    /// The part of each list's rows that reach last read, by file name.
    static CLAIMS_REACHED: LastRead<String, Arc<Vec<(u32, ClaimRow)>>> = const { RefCell::new(None) };
    static SOURCES_REACHED: LastRead<String, Arc<Vec<(u32, SourceRow)>>> = const { RefCell::new(None) };
    /// The part of each list's rows by actor last read, by file name.
    static CLAIMS_BY_ACTOR: LastRead<String, Arc<Vec<(u32, ClaimRow)>>> = const { RefCell::new(None) };
    static SOURCES_BY_ACTOR: LastRead<String, Arc<Vec<(u32, SourceRow)>>> = const { RefCell::new(None) };
    /// The part of each list's rare words' first rows last read, by file name.
    static CLAIMS_WORDED: FewRead<String, Arc<WordRowsTable<ClaimRow>>> = const { RefCell::new(Vec::new()) };
    static SOURCES_WORDED: FewRead<String, Arc<WordRowsTable<SourceRow>>> = const { RefCell::new(Vec::new()) };
}

/// How many parts of the lists' directories are kept read.
const DIRECTORIES_KEPT: usize = 8;

/// Whether the address asks for the claims (by date, their order for no
/// filter), the sources (with any filter) or the institutions and people with
/// no filter, and no record: the lists of other views than the events' that
/// the build writes in pages.
pub fn view_only(state: &UrlState) -> bool {
    let (in_order, filtered) = match state.view {
        View::Claims => (state.claim_order == ClaimOrder::Date, true),
        View::Sources => (true, true),
        View::Actors => (true, false),
        View::Events => (false, false),
    };
    let filter = &state.filter;
    let unfiltered = dates_alone(filter) && filter.window().0.is_open();
    state.record.is_none() && in_order && (unfiltered || filtered)
}

/// Whether the address asks for a view's list in pages with a filter: a date
/// range, kinds, actors, or these together.
fn filtered(state: &UrlState) -> bool {
    let filter = &state.filter;
    let unfiltered =
        filter.window().0.is_open() && Sought::of(filter).is_empty() && filter.actors.is_empty();
    view_only(state) && !unfiltered
}

/// The view tabs before the corpus is read: each view's count where the
/// address has no filter (the manifest's totals), none where it has one,
/// which only the corpus can count.
#[component]
pub fn TabsInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let totals = data().manifest.as_ref().map(|m| m.totals);
    let unfiltered = Memo::new(move |_| nav.state.with(|s| s.filter == Filter::default()));
    view_tabs(move |view| {
        let total = totals.map(|t| t.of(view.kind()));
        total.filter(|_| unfiltered.get())
    })
}

/// The view in the address other than the events': its list in pages where the
/// build wrote one and the address has no filter, else a word that it comes
/// with the whole corpus (the notice above offers to read it).
#[component]
pub fn ViewInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let listed = |kind| (d.manifest.as_ref()).is_some_and(|m| !m.view_list(kind).is_empty());
    let (claims, sources, actors) = (
        listed(Kind::Claim),
        listed(Kind::Source),
        listed(Kind::Actor),
    );
    // Where the build wrote the days and the kinds' table a filter reads.
    let filterable = |kind| {
        (d.manifest.as_ref())
            .is_some_and(|m| !m.view_days(kind).is_empty() && !m.view_kinds(kind).is_empty())
    };
    let (claims_filtered, sources_filtered) = (filterable(Kind::Claim), filterable(Kind::Source));
    let shown = Memo::new(move |_| {
        nav.state.with(|s| {
            let (paged, filterable) = match s.view {
                View::Claims => (claims, claims_filtered),
                View::Sources => (sources, sources_filtered),
                View::Actors => (actors, false),
                View::Events => (false, false),
            };
            let filtered = filtered(s);
            (paged && view_only(s) && (filterable || !filtered)).then_some((s.view, filtered))
        })
    });
    let d = d.clone();
    move || {
        let manifest = d.manifest.as_ref();
        let parts = |kind| manifest.map_or_else(Vec::new, |m| m.view_list(kind).to_vec());
        match shown.get() {
            Some((View::Claims, true)) => {
                let kept = KeptRows {
                    listed: &CLAIMS_READ,
                    reached: &CLAIMS_REACHED,
                    by_actor: &CLAIMS_BY_ACTOR,
                    worded: &CLAIMS_WORDED,
                };
                let read = RangeRowsRead::of(manifest, Kind::Claim, kept);
                filtered_in_pages(View::Claims, read, claims_over)
            }
            Some((View::Sources, true)) => {
                let kept = KeptRows {
                    listed: &SOURCES_READ,
                    reached: &SOURCES_REACHED,
                    by_actor: &SOURCES_BY_ACTOR,
                    worded: &SOURCES_WORDED,
                };
                let read = RangeRowsRead::of(manifest, Kind::Source, kept);
                filtered_in_pages(View::Sources, read, sources_over)
            }
            Some((View::Claims, _)) => {
                rows_in_pages(View::Claims, parts(Kind::Claim), &CLAIMS_READ, claims_page)
                    .into_any()
            }
            Some((View::Sources, _)) => rows_in_pages(
                View::Sources,
                parts(Kind::Source),
                &SOURCES_READ,
                sources_page,
            )
            .into_any(),
            Some((View::Actors, _)) => {
                rows_in_pages(View::Actors, parts(Kind::Actor), &ACTORS_READ, actors_page)
                    .into_any()
            }
            _ => {
                let view = nav.state.with_untracked(|s| s.view);
                let l = lang();
                view! {
                    <h2 class="list-title" id="list-title">{l.view_label(view)}</h2>
                    <p role="status" class="hint">{l.strings().view_waits}</p>
                }
                .into_any()
            }
        }
    }
}

/// The list of `view` with the filter in the address, its pages' rows read
/// as `read` says and drawn by `draw`.
fn filtered_in_pages<R: Clone + serde::de::DeserializeOwned + 'static>(
    view: View,
    read: RangeRowsRead<R>,
    draw: fn(&[R], Option<&R>) -> AnyView,
) -> AnyView {
    let rows = move |listed, page, apart| range_rows(listed, page, read.clone().apart(apart), draw);
    view! { <ViewRangeInPages view rows/> }.into_any()
}

/// A view's list in pages: `directory` (the manifest's parts of its
/// directory), the page in the address read from the one part of the list that
/// holds it, found in the part of the directory that lists it (kept read), read
/// as rows `R` (kept in `cell` once read), drawn by `draw` from that part's rows,
/// the page's place in them and its entry.
fn rows_in_pages<R: Clone + serde::de::DeserializeOwned + 'static>(
    view: View,
    directory: Vec<RowsEntry>,
    cell: &'static LocalKey<LastRead<String, Arc<Vec<R>>>>,
    draw: fn(&[R], std::ops::Range<usize>, &ViewEntry) -> AnyView,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let total: usize = directory.iter().map(|p| p.count).sum();
    let page = Memo::new(move |_| Page::of(total, nav.state.with(|s| s.page_number()), PAGE_SIZE));
    let tries = RwSignal::new(0u32);
    // The part of the directory that lists the page's part of the list ...
    let listing = Memo::new(move |_| {
        let at = part_holding(&directory, page.get().range.start)?;
        Some((at, directory.get(at)?.clone()))
    });
    let listed = (listing.get_untracked())
        .and_then(|(at, entry)| few_read(&DIRECTORIES, &entry.file).map(|parts| (at, parts)));
    let parts = part_for_page(
        listing,
        tries,
        listed,
        |entry: RowsEntry, retry| async move {
            if let Some(parts) = few_read(&DIRECTORIES, &entry.file).filter(|_| !retry) {
                return Ok(parts);
            }
            let parts = Arc::new(loader::view_directory(&entry, retry).await?);
            keep_few(
                &DIRECTORIES,
                entry.file.clone(),
                parts.clone(),
                DIRECTORIES_KEPT,
            );
            Ok(parts)
        },
    );
    // ... then that part, once the directory's is read: known by the place of
    // its first row, which no other part of the list shares.
    let wanted = Memo::new(move |_| {
        let listed_at = listing.with(|l| l.as_ref().map(|(at, _)| *at))?;
        let start = page.get().range.start;
        parts.with(|p| match p {
            Some(PartRead::Read(at, parts)) if *at == listed_at => {
                let entry = parts.get(part_holding(parts, start)?)?;
                Some((entry.first, entry.clone()))
            }
            _ => None,
        })
    });
    let already = (wanted.get_untracked())
        .and_then(|(at, entry)| last_read(cell, &entry.file).map(|rows| (at, rows)));
    let part = part_for_page(
        wanted,
        tries,
        already,
        move |entry: ViewEntry, retry| async move {
            if let Some(rows) = last_read(cell, &entry.file).filter(|_| !retry) {
                return Ok(rows);
            }
            let rows = Arc::new(loader::view_part(&entry, retry).await?);
            keep_read(cell, entry.file.clone(), rows.clone());
            Ok(rows)
        },
    );
    move || {
        let page = page.get();
        let Some((at, entry)) = wanted.get() else {
            if listing.with(Option::is_none) {
                return super::lists::heading(view, 0, 0).into_any();
            }
            // The directory's part on its way, or failed: said as the page's.
            let listed = parts.get().map(|p| match p {
                PartRead::Failed(_, failure) => PartRead::Failed(0, failure),
                _ => PartRead::Fetching(0),
            });
            return page_in_part(view, total, page, 0, listed, tries, |_: Arc<Vec<R>>| {
                ().into_any()
            });
        };
        let from = page.range.start - entry.first;
        let to = (page.range.end - entry.first).min(entry.count);
        page_in_part(
            view,
            total,
            page,
            at,
            part.get(),
            tries,
            move |rows: Arc<Vec<R>>| draw(&rows, from..to.min(rows.len()), &entry),
        )
    }
}

/// The parts of a list's rows last read, kept (`R`: a row, or a row with its place).
type KeptParts<R> = &'static LocalKey<LastRead<String, Arc<Vec<R>>>>;

/// Where the parts of a view's list's rows read are kept, by how they are
/// read: the list's own, its rows that reach, its actors', its rare words'.
struct KeptRows<R: 'static> {
    listed: KeptParts<R>,
    reached: KeptParts<(u32, R)>,
    by_actor: KeptParts<(u32, R)>,
    worded: KeptWordRows<R>,
}

// Copied whatever its rows: what it holds are references.
impl<R> Clone for KeptRows<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for KeptRows<R> {}

/// Where the rows of a view's list over a range are read from: its directory
/// (the manifest's parts of it) and its parts of the rows that reach, or the
/// chosen actors' rows, or rare words' first rows for some, and the parts of
/// each kept read.
struct RangeRowsRead<R: 'static> {
    directory: Vec<RowsEntry>,
    reach_rows: Vec<ReachRowsEntry>,
    /// The actors chosen, whose own rows hold the rows read apart.
    actors: Option<Arc<ChosenActors>>,
    /// The rare words found, whose first rows hold some of a page's rows.
    words: Option<Arc<WordsApart>>,
    kept: KeptRows<R>,
}

// Cloned whatever its rows: what it holds are entries and references.
impl<R> Clone for RangeRowsRead<R> {
    fn clone(&self) -> Self {
        RangeRowsRead {
            directory: self.directory.clone(),
            reach_rows: self.reach_rows.clone(),
            actors: self.actors.clone(),
            words: self.words.clone(),
            kept: self.kept,
        }
    }
}

impl<R> RangeRowsRead<R> {
    /// The list of `kind` in pages as `manifest` lists it, the parts of its
    /// rows read kept in `kept`.
    fn of(manifest: Option<&Manifest>, kind: Kind, kept: KeptRows<R>) -> Self {
        RangeRowsRead {
            directory: manifest.map_or_else(Vec::new, |m| m.view_list(kind).to_vec()),
            reach_rows: manifest.map_or_else(Vec::new, |m| m.view_reach_rows(kind).to_vec()),
            actors: None,
            words: None,
            kept,
        }
    }

    /// Reading the rows apart from `apart` (a rare kind's parts of rows, or
    /// the actors' rows) where there are any, rather than the rows that
    /// reach's; or some of them from rare words' first rows.
    fn apart(self, apart: Option<Apart>) -> Self {
        match apart {
            Some(Apart::Kind(reach_rows)) => RangeRowsRead { reach_rows, ..self },
            Some(Apart::Actors(actors)) => RangeRowsRead {
                actors: Some(actors),
                ..self
            },
            Some(Apart::Words(words)) => RangeRowsRead {
                words: Some(words),
                ..self
            },
            None => self,
        }
    }
}

/// The rows at the places `places` of a view's list in pages (`directory`,
/// the manifest's parts of its directory), each with its place, read from the
/// parts of its directory and of the list that hold them, kept read (the
/// list's in `cell`); the part `afresh` fetched past any cache. The list's
/// parts arrive a few at a time in its order: while more are to come, `partly`
/// is given the rows in hand, the first of `places`.
async fn rows_at_places<R: Clone + serde::de::DeserializeOwned + 'static>(
    directory: &[RowsEntry],
    places: &[u32],
    cell: &'static LocalKey<LastRead<String, Arc<Vec<R>>>>,
    afresh: Option<&str>,
    partly: impl Fn(Vec<(u32, R)>),
) -> Result<Vec<(u32, R)>, Failed> {
    let again = |file: &str| afresh == Some(file);
    let mut listed: Vec<ViewEntry> = Vec::new();
    for entry in (parts_holding(directory, places).into_iter()).filter_map(|at| directory.get(at)) {
        let parts = match few_read(&DIRECTORIES, &entry.file).filter(|_| !again(&entry.file)) {
            Some(parts) => parts,
            None => {
                let parts = (loader::view_directory(entry, again(&entry.file)).await)
                    .map_err(|failure| (entry.file.clone(), failure))?;
                let parts = Arc::new(parts);
                keep_few(
                    &DIRECTORIES,
                    entry.file.clone(),
                    parts.clone(),
                    DIRECTORIES_KEPT,
                );
                parts
            }
        };
        // The directory's parts list runs of the list in its order, end to end.
        listed.extend(parts.iter().cloned());
    }
    let needed: Vec<&ViewEntry> = (parts_holding(&listed, places).into_iter())
        .filter_map(|at| listed.get(at))
        .collect();
    let of = needed.len();
    let mut arriving = stream::iter(needed)
        .map(|entry| async move {
            let again = again(&entry.file);
            let fetch = || loader::view_part::<R>(entry, again);
            Ok::<_, Failed>((
                entry,
                kept_or_fetched(cell, &entry.file, again, fetch).await?,
            ))
        })
        .buffered(PARTS_IN_FLIGHT);
    let mut read: Vec<(&ViewEntry, Arc<Vec<R>>)> = Vec::new();
    let in_hand = |read: &[(&ViewEntry, Arc<Vec<R>>)]| {
        rows_at(places, read.iter().map(|(e, r)| (*e, r.as_slice())))
    };
    while let Some(part) = arriving.next().await {
        read.push(part?);
        if read.len() < of {
            partly(in_hand(&read));
        }
    }
    Ok(in_hand(&read))
}

/// The part `file`, kept read in `cell` where it is the last read there (and
/// is not to be fetched `again`), else fetched by `fetch` and kept there; a
/// failure names the part.
async fn kept_or_fetched<T, F>(
    cell: &'static LocalKey<LastRead<String, Arc<T>>>,
    file: &str,
    again: bool,
    fetch: impl FnOnce() -> F,
) -> Result<Arc<T>, Failed>
where
    F: std::future::Future<Output = Result<T, LoadFailure>>,
{
    let file = file.to_string();
    if let Some(kept) = last_read(cell, &file).filter(|_| !again) {
        return Ok(kept);
    }
    let read = Arc::new(fetch().await.map_err(|failure| (file.clone(), failure))?);
    keep_read(cell, file, read.clone());
    Ok(read)
}

/// The rows that reach at the places `places` of a view's list, each with its
/// place, read from the parts of those rows (`parts`) that hold them, kept
/// read (in `cell`); the part `afresh` fetched past any cache.
async fn reached_at_places<R: Clone + serde::de::DeserializeOwned + 'static>(
    parts: &[ReachRowsEntry],
    places: &[u32],
    cell: KeptParts<(u32, R)>,
    afresh: Option<&str>,
) -> Result<Vec<(u32, R)>, Failed> {
    let again = |file: &str| afresh == Some(file);
    let reads = (parts_holding(parts, places).into_iter())
        .filter_map(|at| parts.get(at))
        .map(|entry| {
            let again = again(&entry.file);
            let fetch = move || loader::reach_rows_part::<R>(entry, again);
            kept_or_fetched(cell, &entry.file, again, fetch)
        });
    let read: Vec<Arc<Vec<(u32, R)>>> = future::try_join_all(reads).await?;
    Ok(placed_rows_at(places, read.iter().map(|r| r.as_slice())))
}

/// A part of rows read, with its entry: each row with its place.
type PartRows<'e, R> = (&'e RowsEntry, Arc<Vec<(u32, R)>>);

/// The rows at the places `places` of a view's list, each with its place,
/// read from the parts of the actors' rows (`actors`) that hold them, kept
/// read (in `cell`); the part `afresh` fetched past any cache.
async fn actors_rows_at<R: Clone + serde::de::DeserializeOwned + 'static>(
    actors: &ChosenActors,
    places: &[u32],
    cell: KeptParts<(u32, R)>,
    afresh: Option<&str>,
) -> Result<Vec<(u32, R)>, Failed> {
    let again = |file: &str| afresh == Some(file);
    let parts = actors.parts_for(places);
    let reads = parts.iter().map(|entry| async move {
        let again = again(&entry.file);
        let fetch = || loader::view_actor_rows::<R>(entry, again);
        Ok::<_, Failed>((
            entry,
            kept_or_fetched(cell, &entry.file, again, fetch).await?,
        ))
    });
    let read: Vec<PartRows<R>> = future::try_join_all(reads).await?;
    Ok(actors.rows_at(places, read.iter().map(|(e, r)| (*e, r.as_slice()))))
}

/// The page `page` of a view's list over a date range, `listed`: its rows
/// read as `read` says (those that reach from their own parts, rare words'
/// first rows from theirs, the others from the view's list in pages), with
/// the row before it (whose heading the page's first may go on from), drawn
/// by `draw`; until they are in, the page says it is on its way.
fn range_rows<R: Clone + serde::de::DeserializeOwned + 'static>(
    listed: Arc<ViewInRange>,
    page: Page,
    read: RangeRowsRead<R>,
    draw: fn(&[R], Option<&R>) -> AnyView,
) -> AnyView {
    let before = page.range.start > 0;
    let from = page.range.start - usize::from(before);
    let (reaching, others) = listed.parted(listed.on(&(from..page.range.end)));
    let (worded, others) = WordsApart::parted_by(read.words.as_deref(), &others);
    let (reaching, worded, others) = (Arc::new(reaching), Arc::new(worded), Arc::new(others));
    let rows: RwSignal<Option<Result<Vec<R>, Failed>>, LocalStorage> = RwSignal::new_local(None);
    // The page's first rows, while the parts of the rest are on their way.
    let first: RwSignal<Vec<R>, LocalStorage> = RwSignal::new_local(Vec::new());
    let tries = RwSignal::new(0u32);
    Effect::new(move |_| {
        tries.track();
        let afresh = match rows.get_untracked() {
            Some(Ok(_)) => return,
            Some(Err((file, _))) => Some(file),
            None => None,
        };
        let (read, reaching, others) = (read.clone(), reaching.clone(), others.clone());
        let worded = worded.clone();
        // Only where every row of the page is read from the list: a row read
        // apart may come before those in hand.
        let all_listed = reaching.is_empty() && worded.is_empty();
        let partly = move |in_hand: Vec<(u32, R)>| {
            if all_listed {
                first.try_set(in_hand.into_iter().map(|(_, row)| row).collect());
            }
        };
        loader::fetch_while_current(async move {
            let afresh = afresh.as_deref();
            let kept = read.kept;
            let apart = async {
                match &read.actors {
                    Some(actors) => actors_rows_at(actors, &reaching, kept.by_actor, afresh).await,
                    None => {
                        reached_at_places(&read.reach_rows, &reaching, kept.reached, afresh).await
                    }
                }
            };
            let words = worded_rows(read.words.as_deref(), &worded, kept.worded, afresh);
            let (reached, worded, listed) = future::join3(
                apart,
                words,
                rows_at_places(&read.directory, &others, kept.listed, afresh, partly),
            )
            .await;
            let page = reached.and_then(|mut reached| {
                reached.extend(worded?);
                Ok(page_rows(reached, listed?))
            });
            rows.try_set(Some(page));
        });
    });
    let shown = listed.len();
    let drawn = move |rows: Vec<R>| {
        let (before, on_page) = match before {
            true => (rows.first(), rows.get(1..).unwrap_or_default()),
            false => (None, rows.as_slice()),
        };
        draw(on_page, before)
    };
    let body = move || match rows.get() {
        // Its first rows in hand, the rest said to be on the way.
        None if first.with(|f| f.len() > usize::from(before)) => {
            let t = lang().strings();
            view! {
                {page_note(&page, shown)}
                {drawn(first.get())}
                <p role="status" class="hint">{fill(t.page_fetching, &[&thousands(page.number)])}</p>
            }
            .into_any()
        }
        rows => page_as_read(&page, shown, rows, tries, drawn),
    };
    body.into_any()
}

/// A link to a record a row names, by its name; its id alone, not linked,
/// where the corpus lacks it.
fn named_link(named: Named) -> AnyView {
    match named {
        Named(id, Some(name)) => {
            view! { <RecordLink id><span dir="auto">{name}</span></RecordLink> }.into_any()
        }
        Named(id, None) => view! { <span class="missing">{id}</span> }.into_any(),
    }
}

/// A page of the claims list (`at` in its part's `rows`), under the year of
/// each claim as the claims list by date groups them.
fn claims_page(rows: &[ClaimRow], at: std::ops::Range<usize>, entry: &ViewEntry) -> AnyView {
    let goes_on = heading_goes_on(rows, at.start, entry.continues);
    // The charts above every page, who said what on the first alone, as the app's.
    let first_page = entry.first + at.start == 0;
    let charts = (data().manifest.as_ref())
        .and_then(|m| m.claims_charts.clone())
        .map(|entry| view! { <ChartsInPages entry first_page/> });
    let sections = claims_under_years(&rows[at], goes_on);
    view! { {charts} {sections} }.into_any()
}

/// A page of the claims list over a date range, `rows`, with the claim listed
/// before it (`before`, on the page before): its charts, for that range, come
/// with the corpus.
fn claims_over(rows: &[ClaimRow], before: Option<&ClaimRow>) -> AnyView {
    let goes_on = before
        .zip(rows.first())
        .is_some_and(|(b, r)| b.same_year(r));
    claims_under_years(rows, goes_on)
}

/// The claims `rows` under the year of each, as the claims list by date groups
/// them; the first year's heading says it goes on from the page before where
/// `goes_on`.
fn claims_under_years(rows: &[ClaimRow], goes_on: bool) -> AnyView {
    let l = lang();
    let t = l.strings();
    let year = |row: &ClaimRow| {
        row.year()
            .map_or(t.undated_heading.to_string(), |y| l.year(y))
    };
    let places: Vec<u32> = (0..rows.len() as u32).collect();
    runs(&places, |i| year(&rows[i as usize]))
        .into_iter()
        .enumerate()
        .map(|(n, (name, list))| {
            let title = if n == 0 && goes_on {
                fill(t.continued, &[&name])
            } else {
                name
            };
            let items = (list.into_iter())
                .map(|i| claim_item(rows[i as usize].clone()))
                .collect_view();
            view! {
                <section class="group">
                    <h3 dir="auto">{title}</h3>
                    <ol class="records">{items}</ol>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// The claims view's charts for no filter (`publish::views::ClaimsCharts`),
/// folded as the app's are, fetched once they are open: the death tolls side
/// by side, and who said what on the first page.
#[component]
fn ChartsInPages(entry: FileEntry, first_page: bool) -> impl IntoView {
    let l = lang();
    let t = l.strings();
    let had = last_read(&CHARTS_READ, &entry.file);
    let fetch: FetchWhenOpen<Arc<ClaimsCharts>> = Rc::new(move |fresh, _here| {
        let entry = entry.clone();
        Box::pin(async move {
            let fetched = loader::claims_charts(&entry, fresh).await.map(Arc::new);
            if let Ok(charts) = &fetched {
                keep_read(&CHARTS_READ, entry.file.clone(), charts.clone());
            }
            Some(fetched)
        })
    });
    let follow = follow_state_links(expect_context::<Nav>());
    let here = expect_context::<Nav>().state;
    let show: Rc<dyn Fn(Arc<ClaimsCharts>) -> AnyView> = Rc::new(move |charts| {
        let lines = (charts.tolls.iter())
            .map(|row| TollLine {
                id: row.id.clone(),
                figure: row.toll.clone().unwrap_or_default(),
                who: speaker_view(row),
                date: row.date.clone(),
                source: named_link(row.reported_in.clone()),
            })
            .collect();
        let tolls = (charts.tolls_total > 0).then(|| tolls_section(lines, charts.tolls_total));
        let at = Lang::ALL.iter().position(|x| *x == l).unwrap_or(0);
        let matrix = (charts.matrices.get(at).cloned())
            .filter(|_| first_page)
            .map(|m| matrix_section(m, here.get_untracked(), follow.clone()));
        view! { {tolls} {matrix} }.into_any()
    });
    view! {
        <FetchedFold class="charts-fold" summary=t.claims_charts_show fetching=t.charts_fetching
            failed=t.charts_failed opened=wide_screen() had fetch show/>
    }
}

/// Who made a claim, from its row: a link to the claimant, or the words for a
/// source's own voice.
fn speaker_view(row: &ClaimRow) -> AnyView {
    match row.speaker(&lang().strings().speaker) {
        Speaker::Claimant(_) => row
            .claimant
            .clone()
            .map_or_else(|| ().into_any(), named_link),
        Speaker::OwnVoice(words) => {
            view! { <span class="author-voice" dir="auto">{words}</span> }.into_any()
        }
    }
}

/// A claim as the claims list shows it (`lists::ClaimItem`), from its row.
fn claim_item(row: ClaimRow) -> AnyView {
    let l = lang();
    let t = l.strings();
    let terms: Vec<&str> = (row.terms.iter())
        .map(|term| l.term(&vocab::LEGAL_TERMS, term))
        .collect();
    let speaker = speaker_view(&row);
    let ClaimRow {
        id,
        kind,
        toll,
        date,
        relayed_by,
        paraphrase,
        quote,
        reported_in,
        via,
        ..
    } = row;
    view! {
        <li class="record claim">
            <p class="meta">
                <span class="kind">{l.term(&vocab::CLAIM_KINDS, &kind).to_string()}</span>
                {(!terms.is_empty()).then(|| format!(" · {}", terms.join(t.comma)))}
                {toll.map(|toll| view! { " · " <strong class="figure" dir="auto">{toll}</strong> })}
                " · " <DateText date/>
            </p>
            <p class="claimant">{speaker}{relayed_by.map(|r| view! { {t.relayed_by_lead} {named_link(r)} })}</p>
            <h4 dir="auto"><RecordLink id><span dir="auto">{paraphrase}</span></RecordLink></h4>
            <blockquote dir="auto">{quote}</blockquote>
            <p class="reported">
                {t.reported_in_lead} {named_link(reported_in)}
                {via.map(|v| view! { {t.first_made_in_lead} {named_link(v)} })}
            </p>
        </li>
    }
    .into_any()
}

/// A page of the sources list (`at` in its part's `rows`).
fn sources_page(rows: &[SourceRow], at: std::ops::Range<usize>, _: &ViewEntry) -> AnyView {
    sources_over(&rows[at], None)
}

/// Sources as their list shows them, `rows`: the source before a page of them
/// changes nothing.
fn sources_over(rows: &[SourceRow], _: Option<&SourceRow>) -> AnyView {
    let items = (rows.iter())
        .map(|row| source_item(row.clone()))
        .collect_view();
    view! { <ol class="records">{items}</ol> }.into_any()
}

/// A source as the sources list shows it (`lists::SourceItem`), from its row:
/// what it cites and what cites it are on its own page.
fn source_item(row: SourceRow) -> AnyView {
    let l = lang();
    let t = l.strings();
    let idents = row.identifiers.join(", ");
    let counts = fill(
        t.rest_on_it,
        &[
            &count(row.events, Kind::Event),
            &count(row.claims, Kind::Claim),
        ],
    );
    view! {
        <li class="record source">
            <p class="meta">
                <span class="kind">{l.term(&vocab::SOURCE_KINDS, &row.kind).to_string()}</span>
                " · " <DateText date=row.date/>
                {(!idents.is_empty()).then(|| view! { " · " <span dir="ltr">{idents}</span> })}
            </p>
            <h3 dir="auto"><RecordLink id=row.id><span dir="auto">{row.title}</span></RecordLink></h3>
            {row.publisher.map(|p| view! { <p>{t.published_by_lead} {named_link(p)}</p> })}
            <p class="counts">{counts}</p>
        </li>
    }
    .into_any()
}

/// A page of the list of institutions and people (`at` in its part's `rows`),
/// under their kinds as the app's list groups them, each a row of a table with
/// how many events, claims and sources involve it, and a button that filters
/// the events by it (that list is read in pages too; the app's own button
/// filters the view on screen, which takes the corpus).
fn actors_page(rows: &[ActorListRow], at: std::ops::Range<usize>, _: &ViewEntry) -> AnyView {
    let l = lang();
    let t = l.strings();
    let kind = |row: &ActorListRow| l.term(&vocab::ACTOR_KINDS, &row.kind).to_string();
    let places: Vec<u32> = at.map(|i| i as u32).collect();
    let sections = runs(&places, |i| kind(&rows[i as usize]))
        .into_iter()
        .map(|(title, list)| {
            let items = (list.into_iter())
                .map(|i| actor_item(rows[i as usize].clone()))
                .collect_view();
            actors_group(title, items)
        })
        .collect_view();
    view! { <p class="hint">{t.actors_hint_all}</p> {sections} }.into_any()
}

/// An institution or person as their list shows it (`lists::ActorRow`), from its row.
fn actor_item(row: ActorListRow) -> AnyView {
    let nav = expect_context::<Nav>();
    let t = lang().strings();
    let label = fill(t.filter_by_name, &[&row.name]);
    let id = row.id.clone();
    let choose = move |_| {
        let id = id.clone();
        // To its events: the one view with a filter read in pages.
        nav.update(Entry::Push, move |s| {
            s.view = View::Events;
            s.filter.toggle(Facet::Actors, &id);
        });
    };
    view! {
        <tr role="row">
            <th scope="row" role="rowheader"><RecordLink id=row.id><span dir="auto">{row.name}</span></RecordLink></th>
            <td role="cell" data-label=t.events.title>{thousands(row.events)}</td>
            <td role="cell" data-label=t.claims.title>{thousands(row.claims)}</td>
            <td role="cell" data-label=t.sources.title>{thousands(row.sources)}</td>
            <td role="cell" class="filter-cell"><button type="button" class="small" aria-label=label aria-pressed="false" on:click=choose>
                {t.filter_by}
            </button></td>
        </tr>
    }
    .into_any()
}
