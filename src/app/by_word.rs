//! The events list for a search before the corpus is read: an address that
//! asks for the events list with words typed in its search and no other filter
//! but a date range (`?q=…`) lists what the events list keeps for them once the
//! corpus is in, from the parts of the words' table that hold the words typed,
//! with its exact count, then a page at a time from the default list's parts
//! that hold the page's rows (`publish::by_word`). Over a date range, the list
//! over the range (`super::range`) reads the parts of it that hold a result.

use std::cell::RefCell;
use std::future::Future;
use std::sync::Arc;
use std::thread::LocalKey;

use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_word::{matching, page_parts, page_rows, word_parts};
use dossier::publish::pages::ListRow;
use dossier::publish::parts::{ListEntry, Manifest, PlaceTable};
use dossier::query::filter::Filter;
use dossier::query::search::query_words;
use dossier::query::url_state::{Page, UrlState, View, PAGE_SIZE};
use futures::stream::{self, StreamExt};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, few_read, keep_few, lang, thousands, FewRead};
use super::failure::{FailedWithRetry, LoadFailure};
use super::lists::{heading, page_note, NothingMatches, Pager};
use super::loader::{self, PARTS_IN_FLIGHT};
use super::nav::Nav;
use super::pages::PageRows;

/// The words typed, folded and stemmed as the search reads them, and the page asked for.
type Wanted = (Vec<String>, usize);

/// How far the search asked for has come.
#[derive(Clone)]
enum SearchPage {
    /// The parts of the words' table are on their way.
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

/// How many parts of the words' table, and of the default list, are kept read:
/// a reader typing or paging most often needs one of them again.
const WORD_PARTS_KEPT: usize = 8;
const LIST_PARTS_KEPT: usize = 16;

/// How long a reader's typing rests before the words typed are looked up, in
/// milliseconds: each key would otherwise fetch parts for a word half typed.
const TYPING_RESTS_MS: i32 = 150;

thread_local! {
    static WORDS: FewRead<String, Arc<PlaceTable>> = const { RefCell::new(Vec::new()) };
    static LIST: FewRead<String, Arc<Vec<ListRow>>> = const { RefCell::new(Vec::new()) };
    /// The places of the events the last few searches found, by their words.
    static FOUND: FewRead<Vec<String>, Arc<Vec<u32>>> = const { RefCell::new(Vec::new()) };
}

/// How many of a search's results are undated, with its words, once they are
/// found: the date fields above the list say how many of them a range hides.
#[derive(Clone, Copy)]
pub struct FoundUndated(pub RwSignal<Option<(Vec<String>, usize)>>);

/// Whether the address asks for the events list with words typed in its
/// search and no other filter but a date range: the list this module (or,
/// over a range, `super::range`) shows before the corpus.
pub fn text_only(state: &UrlState) -> bool {
    let f = &state.filter;
    let only = Filter {
        text: f.text.clone(),
        from: f.from.clone(),
        to: f.to.clone(),
        include_undated: f.include_undated,
        ..Filter::default()
    };
    state.record.is_none()
        && state.view == View::Events
        && *f == only
        && !query_words(&f.text).is_empty()
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

/// The events list for the words the address has typed.
#[component]
pub fn SearchInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let Some(manifest) = d.manifest.clone() else {
        return ().into_any();
    };
    let total = manifest.listed();
    let wanted = Memo::new(move |_| {
        nav.state
            .with(|s| (query_words(&s.filter.text), s.page_number()))
    });
    let state: RwSignal<Option<(Wanted, SearchPage)>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    Effect::new(move |before: Option<Vec<String>>| {
        tries.track();
        let wanted = wanted.get();
        // Asked for again after a part failed: that part is fetched afresh.
        let afresh = state.with_untracked(|s| match s {
            Some((_, SearchPage::Failed(file, _, _))) => Some(file.clone()),
            _ => None,
        });
        let typing = before.is_some_and(|words| words != wanted.0);
        let words = wanted.0.clone();
        if let Some(page) = in_memory(&manifest, &wanted) {
            state.set(Some((wanted, page)));
            return words;
        }
        let found = few_read(&FOUND, &wanted.0);
        let shown = found.as_ref().map_or(SearchPage::Looking, |places| {
            SearchPage::Fetching(places.len())
        });
        state.set(Some((wanted.clone(), shown)));
        let manifest = manifest.clone();
        spawn_local(async move {
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
            state.set(Some((wanted.clone(), SearchPage::Fetching(places.len()))));
            let page = Page::of(places.len(), wanted.1, PAGE_SIZE);
            let partly = |rows: Vec<ListRow>| {
                if current(&wanted) {
                    let shown = SearchPage::Partly(places.len(), page.clone(), Arc::new(rows));
                    state.set(Some((wanted.clone(), shown)));
                }
            };
            let shown = match rows(&manifest, &places, &page, afresh, partly).await {
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
        Some(SearchPage::Failed(_, failure, found)) => {
            let failed = if found {
                fill(t.page_failed, &[&thousands(requested.get())])
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
    let mut parts = Vec::new();
    for at in page_parts(manifest, &places, &page.range) {
        let entry = manifest.list.get(at)?;
        parts.push((entry, few_read(&LIST, &entry.file)?));
    }
    let rows = page_rows(
        &places,
        &page.range,
        parts.iter().map(|(e, r)| (*e, r.as_slice())),
    );
    Some(SearchPage::Read(places.len(), page, Arc::new(rows)))
}

/// What failed, and why: the part, named.
pub(super) type Failed = (String, LoadFailure);

/// The places of the events that hold every word of `words`, from the parts of
/// the words' table that hold them, each kept read where it is; the part
/// `afresh` is fetched past any cache.
pub(super) async fn find(
    manifest: &Manifest,
    words: &[String],
    afresh: Option<&str>,
) -> Result<Arc<Vec<u32>>, Failed> {
    let needs: Vec<usize> = word_parts(manifest, words);
    let fetch = |at: usize| async move {
        let entry = manifest.words.get(at)?;
        let retry = afresh == Some(entry.file.as_str());
        let read = async { loader::word_table(entry, retry).await.map(Arc::new) };
        Some(kept_or_read(&WORDS, &entry.file, WORD_PARTS_KEPT, read).await)
    };
    let mut arriving = stream::iter(needs).map(fetch).buffered(PARTS_IN_FLIGHT);
    let mut tables: Vec<Arc<PlaceTable>> = Vec::new();
    while let Some(table) = arriving.next().await {
        if let Some(table) = table {
            tables.push(table?);
        }
    }
    let read: Vec<&PlaceTable> = tables.iter().map(|t| t.as_ref()).collect();
    let places = Arc::new(matching(words, &read));
    keep_few(&FOUND, words.to_vec(), places.clone(), WORD_PARTS_KEPT);
    Ok(places)
}

/// The part `file`, kept read in `cell`, else read (`read`) and kept there,
/// the oldest of more than `most` forgotten; a failure names the part.
async fn kept_or_read<V: Clone>(
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

/// The rows of the page `page` of the results `places`, from the default
/// list's parts that hold them, a few at a time, each kept read. While more
/// are to come, `partly` is given the page's first rows: the parts arrive in
/// the list's order, so those in hand are the page's first.
async fn rows(
    manifest: &Manifest,
    places: &[u32],
    page: &Page,
    afresh: Option<&str>,
    partly: impl Fn(Vec<ListRow>),
) -> Result<Vec<ListRow>, Failed> {
    let needs = page_parts(manifest, places, &page.range);
    let needed = needs.len();
    let fetch = |at: usize| async move {
        let entry: &ListEntry = manifest.list.get(at)?;
        let retry = afresh == Some(entry.file.as_str());
        let read = async { loader::list_part(entry, retry).await.map(Arc::new) };
        let rows = kept_or_read(&LIST, &entry.file, LIST_PARTS_KEPT, read).await;
        Some(rows.map(|rows| (entry, rows)))
    };
    let mut arriving = stream::iter(needs).map(fetch).buffered(PARTS_IN_FLIGHT);
    let mut parts: Vec<(&ListEntry, Arc<Vec<ListRow>>)> = Vec::new();
    while let Some(part) = arriving.next().await {
        if let Some(part) = part {
            parts.push(part?);
            if parts.len() < needed {
                partly(page_rows(
                    places,
                    &page.range,
                    parts.iter().map(|(e, r)| (*e, r.as_slice())),
                ));
            }
        }
    }
    Ok(page_rows(
        places,
        &page.range,
        parts.iter().map(|(e, r)| (*e, r.as_slice())),
    ))
}
