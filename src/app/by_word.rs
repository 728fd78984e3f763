//! The events list for a search or kinds chosen before the corpus is read: an
//! address that asks for the events list with words typed in its search, kinds
//! chosen, or both, and no other filter but a date range (`?q=…`, `?tag=…`)
//! lists what the events list keeps for them once the corpus is in, from the
//! parts of the words' and the kinds' tables that hold them, with its exact
//! count, then a page at a time from the default list's parts that hold the
//! page's rows (`publish::by_word`, `publish::by_kind`). Over a date range, the
//! list over the range (`super::range`) reads the parts of it that hold a result.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::thread::LocalKey;

use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_actor::{place_parts, places_of};
use dossier::publish::by_kind::Sought;
use dossier::publish::by_word::{day_parts_for, found_timeline, page_parts, page_rows};
use dossier::publish::pages::{DayRow, ListRow};
use dossier::publish::parts::{
    ListEntry, Manifest, PartsError, PlaceTable, RowsEntry, TableEntry, WordRows,
};
use dossier::publish::view_range::{self, rows_at};
use dossier::publish::word_rows::{WordRowsTable, WordsApart};
use dossier::query::filter::Facet;
use dossier::query::timeline::{Timeline, TimelineCounts, Window};
use dossier::query::url_state::{Page, UrlState, View, PAGE_SIZE};
use futures::future::FutureExt;
use futures::stream::{self, StreamExt, TryStreamExt};
use leptos::prelude::*;

use super::bits::{data, few_read, keep_few, lang, thousands, FewRead};
use super::failure::{FailedWithRetry, LoadFailure};
use super::kind_choices::ListFound;
use super::lists::{heading, page_note, NothingMatches, Pager};
use super::loader::{self, PARTS_IN_FLIGHT};
use super::nav::{Entry, Nav};
use super::pages::PageRows;
use super::timeline::{CountTimeline, FoldedTimeline};

/// What is sought (the words typed, folded and stemmed as the search reads
/// them, and the kinds chosen), and the page asked for.
type Wanted = (Sought, usize);

/// How far the search asked for has come.
#[derive(Clone)]
enum SearchPage {
    /// The parts of the words' and the kinds' tables are on their way.
    Looking,
    /// How many events hold the words; the page's rows are on their way.
    Fetching(usize),
    /// How many events hold the words, the page, and its first rows: those in
    /// the parts of the list in so far (a rarer word's page is spread over many).
    Partly(usize, Page, Arc<Vec<ListRow>>),
    /// How many events hold the words, the page, and its rows.
    Read(usize, Page, Arc<Vec<ListRow>>),
    /// A part failed: which, and why; and whether the words were found.
    Failed(String, LoadFailure, bool),
}

/// How many parts of the tables of places (words, kinds, actors' places), and of
/// the default list, are kept read: a reader typing or paging most often needs
/// one of them again. The list's parts are small (some 224 KiB of JSON), so
/// more of them are kept: a search spread over the list reads dozens.
const WORD_PARTS_KEPT: usize = 8;
const LIST_PARTS_KEPT: usize = 32;

/// How long a reader's typing rests before the words typed are looked up, in
/// milliseconds: each key would otherwise fetch parts for a word half typed.
const TYPING_RESTS_MS: i32 = 150;

thread_local! {
    static TABLES: FewRead<String, Arc<PlaceTable>> = const { RefCell::new(Vec::new()) };
    static LIST: FewRead<String, Arc<Vec<ListRow>>> = const { RefCell::new(Vec::new()) };
    /// The places of the events the last few searches found, by what they sought.
    static FOUND: FewRead<Sought, Arc<Vec<u32>>> = const { RefCell::new(Vec::new()) };
    /// The parts of the default list's rare words' first rows read, by file name.
    pub(super) static WORDED: FewRead<String, Arc<WordRowsTable<ListRow>>> = const { RefCell::new(Vec::new()) };
    /// The parts of the directories of the lists' rare words' rows read, by file name.
    static ROWS_DIRECTORY: FewRead<String, Arc<Vec<TableEntry>>> = const { RefCell::new(Vec::new()) };
    /// The parts of the lists' days a timeline read, by file name: the next
    /// words typed, or the next period zoomed into, mostly need the same ones.
    static DAYS: FewRead<String, Arc<Vec<Option<DayRow>>>> = const { RefCell::new(Vec::new()) };
}

/// How many parts of the lists' days are kept read: every one of the
/// events', the claims' and the sources' at a million records (51, 85 and 17
/// parts, some 16 MB of JSON).
const DAY_PARTS_KEPT: usize = 160;

/// How many of a search's results are undated, with what it sought and the
/// actors chosen, once they are found: the date fields above the list say how
/// many of them a range hides.
#[derive(Clone, Copy)]
pub struct FoundUndated(pub RwSignal<Option<(FoundKey, usize)>>);

/// What a list's results depend on, for the count of their undated: what is
/// sought, and the actors chosen.
pub type FoundKey = (Sought, Vec<String>);

/// Whether the address asks for the events list with words typed in its
/// search or kinds chosen, and no actor (a date range or not): the list this
/// module (or, over a range, `super::range`) shows before the corpus, where the
/// manifest has the tables it needs (`super::pages` asks).
pub fn sought_only(state: &UrlState) -> bool {
    let f = &state.filter;
    state.record.is_none()
        && state.view == View::Events
        && f.actors.is_empty()
        && !Sought::of(f).is_empty()
}

/// The search's field above a list in pages: what is typed filters the events
/// list as the app's own search does.
#[component]
pub fn ListSearch() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let on_input = move |e| nav.type_search(event_target_value(&e));
    let t = lang().strings();
    // Named, as the date range's form beside it is: two search landmarks.
    view! {
        <form role="search" class="list-search" aria-label=t.search_label
            on:submit=|e| e.prevent_default()>
            <label for="list-search">{t.search_label}</label>
            <input id="list-search" type="search" autocomplete="off" dir="auto"
                prop:value=move || nav.state.with(|s| s.filter.text.clone())
                on:input=on_input/>
        </form>
    }
}

/// The kinds chosen, above a list in pages (which has no filter panel to show
/// them): each a button that removes it.
#[component]
pub fn ChosenKinds() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let l = lang();
    let t = l.strings();
    let chips = move || {
        let chosen: Vec<(Facet, String)> = nav.state.with(|s| {
            (Facet::TERMS.iter())
                .flat_map(|&f| s.filter.chosen(f).iter().map(move |v| (f, v.clone())))
                .collect()
        });
        (chosen.into_iter())
            .filter_map(|(facet, value)| {
                let name = l.term(facet.vocab()?, &value).to_string();
                let label = fill(t.remove, &[&name]);
                let remove = move |_| {
                    let value = value.clone();
                    nav.update(Entry::Push, move |s| s.filter.toggle(facet, &value));
                };
                Some(view! {
                    <li><button type="button" class="chip" aria-label=label on:click=remove>
                        <span dir="auto">{name}</span><span aria-hidden="true">" ×"</span>
                    </button></li>
                })
            })
            .collect_view()
    };
    view! {
        <div class="list-kinds">
            <span aria-hidden="true">{t.chosen_kinds}</span>
            <ul class="chips" aria-label=t.chosen_kinds>{chips}</ul>
        </div>
    }
}

/// The events list for what the address seeks: words typed, kinds chosen.
#[component]
pub fn SearchInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let Some(manifest) = d.manifest.clone() else {
        return ().into_any();
    };
    let total = manifest.listed();
    let kinds_files: Vec<String> = manifest.kinds.iter().map(|k| k.file.clone()).collect();
    let wanted = Memo::new(move |_| nav.state.with(|s| (Sought::of(&s.filter), s.page_number())));
    let state: RwSignal<Option<(Wanted, SearchPage)>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    let list_found = use_context::<ListFound>();
    Effect::new(move |before: Option<Vec<String>>| {
        // Only the words typed wait for the typing to rest; a kind is chosen at once.
        tries.track();
        let wanted = wanted.get();
        // Asked for again after a part failed: that part is fetched afresh.
        let afresh = state.with_untracked(|s| match s {
            Some((_, SearchPage::Failed(file, _, _))) => Some(file.clone()),
            _ => None,
        });
        let typing = before.is_some_and(|words| words != wanted.0.words);
        let words = wanted.0.words.clone();
        if let Some(page) = in_memory(&manifest, &wanted) {
            ListFound::say(list_found, Kind::Event, &wanted.0);
            state.set(Some((wanted, page)));
            return words;
        }
        let found = few_read(&FOUND, &wanted.0);
        let shown = found.as_ref().map_or(SearchPage::Looking, |places| {
            SearchPage::Fetching(places.len())
        });
        state.set(Some((wanted.clone(), shown)));
        let manifest = manifest.clone();
        loader::fetch_while_current(async move {
            let current = |wanted: &Wanted| {
                state.with_untracked(|s| s.as_ref().is_some_and(|(w, _)| w == wanted))
            };
            if typing {
                loader::pause(TYPING_RESTS_MS).await;
                if !current(&wanted) {
                    return;
                }
            }
            let afresh = afresh.as_deref();
            let places = match found {
                Some(places) => places,
                None => match find(&manifest, &wanted.0, afresh).await {
                    Ok(places) => places,
                    Err((file, failure)) => {
                        if current(&wanted) {
                            state.set(Some((wanted, SearchPage::Failed(file, failure, false))));
                        }
                        return;
                    }
                },
            };
            if !current(&wanted) {
                return;
            }
            ListFound::say(list_found, Kind::Event, &wanted.0);
            state.set(Some((wanted.clone(), SearchPage::Fetching(places.len()))));
            // The rare words found, whose first rows are read apart.
            let words = match words_apart(&manifest, &wanted.0, afresh).await {
                Ok(words) => words,
                Err((file, failure)) => {
                    if current(&wanted) {
                        state.set(Some((wanted, SearchPage::Failed(file, failure, false))));
                    }
                    return;
                }
            };
            let page = Page::of(places.len(), wanted.1, PAGE_SIZE);
            let partly = |rows: Vec<ListRow>| {
                if current(&wanted) {
                    let shown = SearchPage::Partly(places.len(), page.clone(), Arc::new(rows));
                    state.set(Some((wanted.clone(), shown)));
                }
            };
            let read = rows(&manifest, &places, &page, (words.as_ref(), afresh), partly);
            let shown = match read.await {
                Ok(rows) => SearchPage::Read(places.len(), page, Arc::new(rows)),
                Err((file, failure)) => SearchPage::Failed(file, failure, true),
            };
            if current(&wanted) {
                state.set(Some((wanted, shown)));
            }
        });
        words
    });
    let l = lang();
    let t = l.strings();
    let requested = Memo::new(move |_| nav.state.with(|s| s.page_number()));
    let shown = move || {
        let now = wanted.get();
        state.get().filter(|(w, _)| *w == now).map(|(_, p)| p)
    };
    let title = move |text: String| {
        view! { <h2 class="list-title" id="list-title" aria-live="polite">{text}</h2> }
    };
    let body = move || match shown() {
        Some(SearchPage::Read(n, page, rows)) => {
            let rows = (n > 0).then(|| {
                view! {
                    {page_note(&page, n)}
                    <div class="timeline"><PageRows rows=(*rows).clone()/></div>
                    <Pager page items=n/>
                }
            });
            view! {
                {heading(View::Events, n, total)}
                {(n == 0).then(|| view! { <NothingMatches kind=Kind::Event/> })}
                {rows}
            }
            .into_any()
        }
        Some(SearchPage::Partly(n, page, rows)) => view! {
            {heading(View::Events, n, total)}
            {page_note(&page, n)}
            <div class="timeline"><PageRows rows=(*rows).clone()/></div>
            <p role="status" class="hint">{fill(t.page_fetching, &[&thousands(page.number)])}</p>
        }
        .into_any(),
        Some(SearchPage::Fetching(n)) => {
            let page = Page::of(n, requested.get(), PAGE_SIZE);
            view! {
                {heading(View::Events, n, total)}
                <p role="status" class="hint">{fill(t.page_fetching, &[&thousands(page.number)])}</p>
            }
            .into_any()
        }
        Some(SearchPage::Failed(file, failure, found)) => {
            let failed = if found {
                fill(t.page_failed, &[&thousands(requested.get())])
            } else if kinds_files.contains(&file) {
                t.kinds_failed.to_string()
            } else {
                t.search_failed.to_string()
            };
            view! {
                {title(l.view_label(View::Events).to_string())}
                <FailedWithRetry title=failed failure retry=tries/>
            }
            .into_any()
        }
        _ => view! {
            {title(l.view_label(View::Events).to_string())}
            <p role="status" class="hint">{t.searching}</p>
        }
        .into_any(),
    };
    body.into_any()
}

/// What `wanted` asks for, where everything it needs is kept read.
fn in_memory(manifest: &Manifest, wanted: &Wanted) -> Option<SearchPage> {
    let places = few_read(&FOUND, &wanted.0)?;
    let page = Page::of(places.len(), wanted.1, PAGE_SIZE);
    let rows = page_in_memory(manifest, &places, &page)?;
    Some(SearchPage::Read(places.len(), page, Arc::new(rows)))
}

/// The rows of the page `page` of the results `places`, where every part of
/// the default list that holds them is kept read.
pub(super) fn page_in_memory(
    manifest: &Manifest,
    places: &[u32],
    page: &Page,
) -> Option<Vec<ListRow>> {
    let parts = list_parts_in_memory(manifest, &page_parts(manifest, places, &page.range))?;
    Some(page_rows(
        places,
        &page.range,
        parts.iter().map(|(e, r)| (*e, r.as_slice())),
    ))
}

/// A part of the default list, read, with its entry.
pub(super) type ListPart<'m> = (&'m ListEntry, Arc<Vec<ListRow>>);

/// The default list's parts `needs`, where every one is kept read.
pub(super) fn list_parts_in_memory<'m>(
    manifest: &'m Manifest,
    needs: &[usize],
) -> Option<Vec<ListPart<'m>>> {
    (needs.iter())
        .map(|&at| {
            let entry = manifest.list.get(at)?;
            Some((entry, few_read(&LIST, &entry.file)?))
        })
        .collect()
}

/// What failed, and why: the part, named.
pub(super) type Failed = (String, LoadFailure);

/// The places of the events `sought` finds, from the parts of the words' and
/// the kinds' tables that hold what it seeks, each kept read where it is; the
/// part `afresh` is fetched past any cache.
pub(super) async fn find(
    manifest: &Manifest,
    sought: &Sought,
    afresh: Option<&str>,
) -> Result<Arc<Vec<u32>>, Failed> {
    let words: Vec<&TableEntry> = (sought.word_parts(manifest).into_iter())
        .filter_map(|at| manifest.words.get(at))
        .collect();
    let kinds = (sought.kind_parts(manifest).into_iter()).filter_map(|at| manifest.kinds.get(at));
    let needs: Vec<&TableEntry> = words.iter().copied().chain(kinds).collect();
    let rows = manifest.view_word_rows(Kind::Event);
    let (tables, ()) =
        futures::future::join(read_tables(&needs, afresh), directory_ahead(rows, sought)).await;
    let tables = tables?;
    // The words' parts came first, in the order asked for.
    let (word_tables, kind_tables) = tables.split_at(words.len().min(tables.len()));
    let word_tables: Vec<&PlaceTable> = word_tables.iter().map(|t| t.as_ref()).collect();
    let kind_tables: Vec<&PlaceTable> = kind_tables.iter().map(|t| t.as_ref()).collect();
    let places = Arc::new(sought.found(&word_tables, &kind_tables));
    keep_few(&FOUND, sought.clone(), places.clone(), WORD_PARTS_KEPT);
    Ok(places)
}

/// The rare words `sought` finds whose first rows the build wrote apart, from
/// the parts of the words' table that hold them (kept read, as [`find`] read
/// them); `None` where it wrote none or none is found. The part `afresh` is
/// fetched past any cache.
pub(super) async fn words_apart(
    manifest: &Manifest,
    sought: &Sought,
    afresh: Option<&str>,
) -> Result<Option<WordsApart>, Failed> {
    let Some(rows) = manifest.view_word_rows(Kind::Event) else {
        return Ok(None);
    };
    let words: Vec<&TableEntry> = (sought.word_parts(manifest).into_iter())
        .filter_map(|at| manifest.words.get(at))
        .collect();
    let tables = read_tables(&words, afresh).await?;
    let tables: Vec<&PlaceTable> = tables.iter().map(|t| t.as_ref()).collect();
    let apart = WordsApart::of(&sought.words, &tables, rows);
    if apart.is_empty() {
        return Ok(None);
    }
    knowing_directory(apart, afresh).await.map(Some)
}

/// Reads the parts of the rare words' rows' directory (`rows`) where the
/// words `sought` seeks would be listed, and keeps them, beside the parts of
/// the words' table: so the parts its rare words need are most often in hand
/// once that table says which words are rare ([`knowing_directory`], which
/// names a part that fails).
pub(super) async fn directory_ahead(rows: Option<&WordRows>, sought: &Sought) {
    let Some(rows) = rows else {
        return;
    };
    let reads = (rows.directory_parts_of(&sought.words).into_iter())
        .map(|entry| directory_part(entry, false));
    // A part that fails here is fetched again, and named, where it is needed.
    let _ = futures::future::join_all(reads).await;
}

/// The part `entry` of a rare words' rows' directory, kept read; fetched
/// past any cache where `retry`.
async fn directory_part(entry: &TableEntry, retry: bool) -> Result<Arc<Vec<TableEntry>>, Failed> {
    let read = async {
        loader::word_rows_directory(entry, retry)
            .await
            .map(Arc::new)
    };
    kept_or_read(&ROWS_DIRECTORY, &entry.file, WORD_PARTS_KEPT, read).await
}

/// `apart` knowing the parts of its rows' directory that list the rare words
/// it found, each kept read; the part `afresh` is fetched past any cache.
pub(super) async fn knowing_directory(
    apart: WordsApart,
    afresh: Option<&str>,
) -> Result<WordsApart, Failed> {
    let entries: Vec<TableEntry> = apart.directory_parts().into_iter().cloned().collect();
    let reads =
        (entries.iter()).map(|entry| directory_part(entry, afresh == Some(entry.file.as_str())));
    let read: Vec<Arc<Vec<TableEntry>>> = futures::future::try_join_all(reads).await?;
    Ok(apart.knowing(entries.iter().zip(read.iter().map(|parts| parts.to_vec()))))
}

/// The parts `entries` of a table of places, each kept read where it is, in
/// their order; the part `afresh` is fetched past any cache.
pub(super) async fn read_tables(
    entries: &[&TableEntry],
    afresh: Option<&str>,
) -> Result<Vec<Arc<PlaceTable>>, Failed> {
    let fetch = |entry: &TableEntry| {
        let retry = afresh == Some(entry.file.as_str());
        let file = entry.file.clone();
        let entry = entry.clone();
        async move {
            let read = async { loader::place_table(&entry, retry).await.map(Arc::new) };
            kept_or_read(&TABLES, &file, WORD_PARTS_KEPT, read).await
        }
    };
    let mut arriving = stream::iter(entries.iter().copied())
        .map(fetch)
        .buffered(PARTS_IN_FLIGHT);
    let mut tables: Vec<Arc<PlaceTable>> = Vec::new();
    while let Some(table) = arriving.next().await {
        tables.push(table?);
    }
    Ok(tables)
}

/// The part `file` of a table of places (the words', the kinds'), where a
/// search keeps it read.
pub(super) fn kept_table(file: &String) -> Option<Arc<PlaceTable>> {
    few_read(&TABLES, file)
}

/// The part `file`, kept read in `cell`, else read (`read`) and kept there,
/// the oldest of more than `most` forgotten; a failure names the part.
pub(super) async fn kept_or_read<V: Clone>(
    cell: &'static LocalKey<FewRead<String, V>>,
    file: &String,
    most: usize,
    read: impl Future<Output = Result<V, LoadFailure>>,
) -> Result<V, Failed> {
    if let Some(kept) = few_read(cell, file) {
        return Ok(kept);
    }
    let read = read.await.map_err(|failure| (file.clone(), failure))?;
    keep_few(cell, file.clone(), read.clone(), most);
    Ok(read)
}

/// The rows of the page `page` of the results `places`: those of the rare
/// words found (`words`, where any) from the parts of their first rows, the
/// others from the default list's parts that hold them ([`list_parts`]).
/// While more of those are to come, and no row is read apart, `partly` is
/// given the page's first rows: the parts arrive in the list's order, so
/// those in hand are the page's first. The part `afresh` is fetched past any
/// cache.
pub(super) async fn rows(
    manifest: &Manifest,
    places: &[u32],
    page: &Page,
    (words, afresh): (Option<&WordsApart>, Option<&str>),
    partly: impl Fn(Vec<ListRow>),
) -> Result<Vec<ListRow>, Failed> {
    let on_page = &places[page.range.start.min(places.len())..page.range.end.min(places.len())];
    let (worded, others) = WordsApart::parted_by(words, on_page);
    let page_of = |parts: &[ListPart]| {
        let read = parts.iter().map(|(e, r)| (*e, r.as_slice()));
        rows_at(&others, read).into_iter()
    };
    let needs = page_parts(manifest, &others, &(0..others.len()));
    let needed = needs.len();
    let listed = list_parts(manifest, needs, afresh, |parts| {
        if parts.len() < needed && worded.is_empty() {
            partly(page_of(parts).map(|(_, row)| row).collect());
        }
    });
    let apart = worded_rows(words, &worded, &WORDED, afresh);
    let (parts, apart) = futures::future::join(listed, apart).await;
    Ok(view_range::page_rows(apart?, page_of(&parts?).collect()))
}

/// Where the parts of a list's rare words' first rows read are kept (`R`: its row).
pub(super) type KeptWordRows<R> = &'static LocalKey<FewRead<String, Arc<WordRowsTable<R>>>>;

/// The rows of a list (`R`: its row) at `places` (read apart:
/// [`WordsApart::parted`]), each with its place, from the parts of the rare
/// words' first rows that hold them, each kept read in `cell`; the part
/// `afresh` is fetched past any cache.
pub(super) async fn worded_rows<R: Clone + serde::de::DeserializeOwned + 'static>(
    words: Option<&WordsApart>,
    places: &[u32],
    cell: KeptWordRows<R>,
    afresh: Option<&str>,
) -> Result<Vec<(u32, R)>, Failed> {
    let Some(words) = words.filter(|_| !places.is_empty()) else {
        return Ok(Vec::new());
    };
    let reads = words.parts_for(places).into_iter().map(|entry| {
        let retry = afresh == Some(entry.file.as_str());
        let part = async move { loader::word_rows_part(entry, retry).await.map(Arc::new) };
        kept_or_read(cell, &entry.file, WORD_PARTS_KEPT, part)
    });
    let read: Vec<Arc<WordRowsTable<R>>> = futures::future::try_join_all(reads).await?;
    let read: Vec<&WordRowsTable<R>> = read.iter().map(|t| t.as_ref()).collect();
    Ok(words.rows_at(places, &read))
}

/// The default list's parts `needs`, a few at a time, in their order, each
/// kept read; `each` is given those in so far as each comes. The part
/// `afresh` is fetched past any cache.
pub(super) async fn list_parts<'m>(
    manifest: &'m Manifest,
    needs: Vec<usize>,
    afresh: Option<&str>,
    each: impl Fn(&[ListPart<'m>]),
) -> Result<Vec<ListPart<'m>>, Failed> {
    let fetch = |at: usize| async move {
        let entry: &ListEntry = manifest.list.get(at)?;
        let retry = afresh == Some(entry.file.as_str());
        let read = async { loader::list_part(entry, retry).await.map(Arc::new) };
        let rows = kept_or_read(&LIST, &entry.file, LIST_PARTS_KEPT, read).await;
        Some(rows.map(|rows| (entry, rows)))
    };
    let mut arriving = stream::iter(needs).map(fetch).buffered(PARTS_IN_FLIGHT);
    let mut parts: Vec<ListPart> = Vec::new();
    while let Some(part) = arriving.next().await {
        if let Some(part) = part {
            parts.push(part?);
            each(&parts);
        }
    }
    Ok(parts)
}

/// The timeline above the events list for what the address seeks, or for the
/// actors it chooses alone (`of`), before the corpus is read: the events
/// found (whatever the date), counted from the
/// parts of the list's days that hold them, as the app counts them once the
/// corpus is in, over the periods of the unzoomed timeline `counts`, or
/// zoomed into `zoomed` (`?tl=`), zooming as the app's does. Folded, and
/// counted once the reader opens it, even on a wide screen: a common word's
/// events are spread over every part of the days (237 KB at a million
/// records), whose reading would slow the list's first page. Once the reader
/// has opened or closed a timeline above the list, `fold` says which, and the
/// next (zoomed in or out) is drawn so.
#[component]
pub fn FoundTimeline(
    of: TimelineOf,
    counts: TimelineCounts,
    zoomed: Option<Window>,
    fold: StoredValue<Option<bool>>,
) -> impl IntoView {
    let window = zoomed.unwrap_or_else(|| counts.window());
    let manifest = data().manifest.clone();
    let count: CountTimeline = Rc::new(move |retry, here| {
        let (manifest, of) = (manifest.clone(), of.clone());
        async move { count_found(&manifest?, &of, &window, retry, move || here()).await }
            .boxed_local()
    });
    let opened = fold.get_value().unwrap_or(false);
    view! { <FoldedTimeline kind=Kind::Event whole=counts.extent fold opened count/> }
}

/// What a timeline above the events list in pages counts, whatever the date:
/// the events a search or kinds find, or those of the actors chosen (their
/// places in the list, `Manifest::actor_places`).
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineOf {
    Found(Sought),
    Actors(Vec<String>),
}

/// The timeline of the events `of` names: a search's places once the list
/// has found them (it fetches and names a part that fails; the timeline asks
/// for none twice), or the actors' from the parts of their places; once the
/// list has, for a few seconds at most, fetched its page's parts, the parts of
/// the list's days that hold them, a few at a time (`retry`: past any cache).
/// `None` once the timeline is gone (`here`).
async fn count_found(
    manifest: &Manifest,
    of: &TimelineOf,
    window: &Window,
    retry: bool,
    here: impl Fn() -> bool,
) -> Option<Result<Timeline, LoadFailure>> {
    let found = match of {
        TimelineOf::Found(sought) => loop {
            if let Some(places) = few_read(&FOUND, sought) {
                break Some(places);
            }
            if !here() {
                return None;
            }
            loader::pause(50).await;
        },
        TimelineOf::Actors(_) => None,
    };
    // The list's page first: its parts start once the places are found.
    loader::pause(50).await;
    loader::quiet(3000).await;
    if !here() {
        return None;
    }
    let places = match (found, of) {
        (Some(places), _) => places,
        (None, TimelineOf::Actors(ids)) => match actors_places(manifest, ids, retry).await {
            Ok(places) => Arc::new(places),
            Err(failure) => return Some(Err(failure)),
        },
        (None, TimelineOf::Found(_)) => return None,
    };
    Some(count_days_of(manifest, &places, window, retry).await)
}

/// The places in the list of the events of the actors `ids`, from the parts
/// of their places (`retry`: past any cache).
async fn actors_places(
    manifest: &Manifest,
    ids: &[String],
    retry: bool,
) -> Result<Vec<u32>, LoadFailure> {
    let entries: Vec<&TableEntry> = (place_parts(manifest, ids).into_iter())
        .filter_map(|at| manifest.actor_places.get(at))
        .collect();
    let read: Vec<Vec<Arc<PlaceTable>>> =
        stream::iter(entries)
            .map(|entry| async move {
                read_tables(&[entry], retry.then_some(entry.file.as_str())).await
            })
            .buffered(PARTS_IN_FLIGHT)
            .try_collect()
            .await
            .map_err(|(_, failure)| failure)?;
    let tables: Vec<&PlaceTable> = read.iter().flatten().map(Arc::as_ref).collect();
    Ok(places_of(ids, &tables))
}

/// The timeline of the events at `places` over `window`, from the parts of
/// the list's days.
async fn count_days_of(
    manifest: &Manifest,
    places: &[u32],
    window: &Window,
    retry: bool,
) -> Result<Timeline, LoadFailure> {
    let needs =
        (day_parts_for(manifest, places).into_iter()).filter_map(|at| manifest.dates.get(at));
    let days: Vec<(&RowsEntry, Arc<Vec<Option<DayRow>>>)> = stream::iter(needs)
        .map(|entry| async move {
            (kept_day_rows(entry, retry).await)
                .map(|rows| (entry, rows))
                .map_err(|(_, failure)| failure)
        })
        .buffered(PARTS_IN_FLIGHT)
        .try_collect()
        .await?;
    let read = days.iter().map(|(entry, rows)| (*entry, rows.as_slice()));
    found_timeline(window, places, read)
        .ok_or(LoadFailure::Parts(PartsError::Incomplete { missing: 1 }))
}

/// A part of a list's days (`entry`, the events' or another view's), kept
/// read: the next timeline (other words, a period zoomed into) mostly needs
/// the same ones. Fetched past any cache with `retry`.
pub(super) async fn kept_day_rows(
    entry: &RowsEntry,
    retry: bool,
) -> Result<Arc<Vec<Option<DayRow>>>, Failed> {
    let read = async { loader::day_rows_part(entry, retry).await.map(Arc::new) };
    kept_or_read(&DAYS, &entry.file, DAY_PARTS_KEPT, read).await
}
