//! The events list for the actors chosen before the corpus is read: an address
//! that chooses actors and no other filter but a date range (`?actor=…`, as an
//! actor's page links it) lists what the events list keeps for them once the
//! corpus is in, from the parts of the actors' table that name them and the
//! parts of their rows (`publish::by_actor`). For one actor, a page at a time,
//! from the one part that holds it, its count from the table, exact before any
//! row is read; over a date range, or for several actors, from every part of
//! their rows, the count once they are in. Where the actors' rows weigh more
//! than [`BY_PLACES_ABOVE`], their events (among the results of the words or
//! kinds sought) are found from their places (`Manifest::actor_places`) and read
//! as a search's results are, a page at a time or over the range, from the
//! default list's parts, where those weigh less.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_actor::{
    every_part, page_by_places_may_weigh_less, page_parts, page_rows, place_parts, places_of,
    together, BY_PLACES_ABOVE,
};
use dossier::publish::by_kind::Sought;
use dossier::publish::by_word::{both, page_bytes};
use dossier::publish::pages::{ActorList, ListRow, PlacedRow};
use dossier::publish::parts::{
    ActorTable, Manifest, PlaceTable, RowsEntry, TableEntry, RANGE_ASK_ABOVE,
};
use dossier::publish::range::InRange;
use dossier::query::filter::Filter;
use dossier::query::url_state::{Page, UrlState, View, PAGE_SIZE};
use futures::stream::{self, StreamExt};
use leptos::prelude::*;

use super::bits::{data, keep_read, lang, last_read, thousands, LastRead};
use super::by_word::{self, find, read_tables};
use super::failure::{FailedWithRetry, LoadFailure};
use super::lists::{heading, heading_text, page_note, NothingMatches, Pager};
use super::loader::{self, PARTS_IN_FLIGHT};
use super::nav::{Nav, RecordLink};
use super::pages::{ListDates, PageRows};
use super::range::{asks_first, range_page, read_range, Range};

/// The actors' ids, the date range's ends as the address has them, whether
/// undated events are shown, and what is sought (words and kinds): what the
/// list depends on, but its page.
type ActorKey = (Vec<String>, String, String, bool, Sought);

/// What is read for the list on screen: the actors' list and the page asked
/// for; over a date range, page 0 (every page is read at once).
type Wanted = (ActorKey, usize);

/// The actors chosen that the corpus has, each with its id and its list.
type Chosen = Vec<(String, ActorList)>;

/// How far the actor's list asked for has come.
#[derive(Clone)]
enum ActorPage {
    Fetching,
    /// No actor of the corpus has this id.
    NoSuchActor,
    /// The actor's list, how many events it lists, the page and its rows.
    Read(Chosen, usize, Page, Arc<Vec<ListRow>>),
    /// The actors' lists together, over the date range if there is one.
    Together(Chosen, Arc<InRange>),
    /// Over a date range, too many parts to read unasked: how many, and their bytes.
    Asks(usize, usize),
    /// A part failed: which, and why.
    Failed(String, LoadFailure),
}

thread_local! {
    /// The part of the actors' table last read, and the part of their rows: the
    /// list is drawn at once back from a record opened from it, and its other
    /// pages, most often in the same part, come from memory.
    static LAST_TABLE: LastRead<String, Arc<ActorTable>> = const { RefCell::new(None) };
    static LAST_ROWS: LastRead<String, Arc<Vec<PlacedRow>>> = const { RefCell::new(None) };
    /// The actors' lists together last read, with each actor's list.
    static LAST_TOGETHER: LastRead<ActorKey, (Chosen, Arc<InRange>)> = const { RefCell::new(None) };
    /// The results last found among the actors' places, with each actor's list.
    static LAST_FOUND: LastRead<ActorKey, (Chosen, Arc<Vec<u32>>)> = const { RefCell::new(None) };
}

/// Whether the address asks for the events list with actors chosen (and any
/// other filter: a date range, a search, kinds): the list this module shows
/// before the corpus.
pub fn actors_only(state: &UrlState) -> bool {
    let f = &state.filter;
    state.record.is_none() && state.view == View::Events && !f.actors.is_empty()
}

/// The events list for the actors the address chooses.
#[component]
pub fn ActorInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let Some(manifest) = d.manifest.clone() else {
        return ().into_any();
    };
    let total = manifest.listed();
    let requested = Memo::new(move |_| nav.state.with(|s| s.page_number()));
    let wanted = Memo::new(move |_| {
        nav.state.with(|s| {
            let f = &s.filter;
            let sought = Sought::of(f);
            // With no range, a page at a time: one actor's list, or the
            // actors' events found by places.
            let paged = f.window().0.is_open();
            let key = (
                f.actors.clone(),
                f.from.clone(),
                f.to.clone(),
                f.include_undated,
                sought,
            );
            (key, if paged { s.page_number() } else { 0 })
        })
    });
    let state: RwSignal<Option<(Wanted, ActorPage)>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    // The list over a range the reader asked to read, though it needs many parts.
    let asked: RwSignal<Option<ActorKey>, LocalStorage> = RwSignal::new_local(None);
    Effect::new(move |_| {
        tries.track();
        let wanted = wanted.get();
        let asked = asked.with(|a| a.as_ref() == Some(&wanted.0));
        // Asked for again after a part failed: that part is fetched afresh.
        let afresh = state.with_untracked(|s| match s {
            Some((_, ActorPage::Failed(file, _))) => Some(file.clone()),
            _ => None,
        });
        // What is in memory is drawn at once; the rest says it is on its way.
        if let Some(page) = in_memory(&manifest, &wanted) {
            state.set(Some((wanted, page)));
            return;
        }
        state.set(Some((wanted.clone(), ActorPage::Fetching)));
        let manifest = manifest.clone();
        loader::fetch_while_current(async move {
            let page = read(&manifest, &wanted, afresh, asked).await;
            if state.with_untracked(|s| s.as_ref().is_some_and(|(w, _)| *w == wanted)) {
                state.set(Some((wanted, page)));
            }
        });
    });
    let l = lang();
    let t = l.strings();
    let shown = move || {
        let now = wanted.get();
        state.get().filter(|(w, _)| *w == now).map(|(_, p)| p)
    };
    // Who the list is for, with the way back to every event.
    let chosen = move |chosen: &Chosen| {
        let names = (chosen.iter())
            .map(|(id, list)| (id.clone(), list.name().to_string()))
            .collect();
        view! { <Involving names/> }
    };
    let fetching = move |page: usize| fill(t.page_fetching, &[&thousands(page)]);
    let title = move |text: String| {
        view! { <h2 class="list-title" id="list-title" aria-live="polite">{text}</h2> }
    };
    let body = move || match shown() {
        Some(ActorPage::Read(list, n, page, rows)) => {
            let rows = (n > 0).then(|| {
                view! {
                    {page_note(&page, n)}
                    <div class="timeline"><PageRows rows=(*rows).clone()/></div>
                    <Pager page items=n/>
                }
            });
            view! {
                {chosen(&list)}
                {heading(View::Events, n, total)}
                {(n == 0).then(|| view! { <NothingMatches kind=Kind::Event/> })}
                {rows}
            }
            .into_any()
        }
        Some(ActorPage::Together(list, listed)) => view! {
            {chosen(&list)}
            {title(heading_text(View::Events, listed.len(), total))}
            {range_page(&listed, requested.get())}
        }
        .into_any(),
        Some(ActorPage::NoSuchActor) => view! {
            {heading(View::Events, 0, total)}
            <NothingMatches kind=Kind::Event/>
        }
        .into_any(),
        Some(ActorPage::Asks(parts, bytes)) => {
            let read = move |_| asked.set(Some(wanted.get_untracked().0));
            view! {
                {title(l.view_label(View::Events).to_string())}
                {asks_first(parts, bytes, read)}
            }
            .into_any()
        }
        Some(ActorPage::Failed(_, failure)) => {
            let failed = fill(t.page_failed, &[&thousands(requested.get())]);
            view! {
                {title(l.view_label(View::Events).to_string())}
                <FailedWithRetry title=failed failure retry=tries/>
            }
            .into_any()
        }
        _ => view! {
            {title(l.view_label(View::Events).to_string())}
            <p role="status" class="hint">{fetching(requested.get())}</p>
        }
        .into_any(),
    };
    // The date range's fields, with how many undated events of the actors' the
    // range hides, once their list over the range is read.
    let hidden = Signal::derive(move || match shown() {
        Some(ActorPage::Together(_, listed)) => listed.undated_hidden,
        _ => 0,
    });
    let errors = Signal::derive(move || nav.state.with(|s| s.filter.window().1));
    view! {
        <ListDates hidden errors/>
        {body}
    }
    .into_any()
}

/// Who a list for actors is for (`names`: each actor's id and name), each
/// linked to its page, with the way back to the list with no filter.
#[component]
pub fn Involving(names: Vec<(String, String)>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let t = lang().strings();
    let names = (names.into_iter().enumerate())
        .map(|(at, (id, name))| {
            view! {
                {(at > 0).then_some(", ")}
                <RecordLink id><span dir="auto">{name}</span></RecordLink>
            }
        })
        .collect_view();
    view! {
        <p class="list-actor">
            {t.involved_lead}
            <span>{names}</span>
            " "
            <button type="button" on:click=move |_| nav.clear_filters()>{t.clear_all}</button>
        </p>
    }
}

/// What `wanted` asks for, where everything it needs was the last read.
fn in_memory(manifest: &Manifest, wanted: &Wanted) -> Option<ActorPage> {
    let (key, number) = wanted;
    if let Some((chosen, listed)) = last_read(&LAST_TOGETHER, key) {
        return Some(ActorPage::Together(chosen, listed));
    }
    if *number == 0 {
        return None;
    }
    if let Some((chosen, found)) = last_read(&LAST_FOUND, key) {
        let page = Page::of(found.len(), *number, PAGE_SIZE);
        let rows = by_word::page_in_memory(manifest, &found, &page)?;
        return Some(ActorPage::Read(chosen, found.len(), page, Arc::new(rows)));
    }
    if key.0.len() != 1 || !key.4.is_empty() {
        return None;
    }
    let id = key.0.first()?;
    let entry = manifest.by_actor.get(manifest.by_actor_of(id)?)?;
    let table = last_read(&LAST_TABLE, &entry.file)?;
    let Some(list) = table.get(id) else {
        return Some(ActorPage::NoSuchActor);
    };
    let page = Page::of(list.len(), *number, PAGE_SIZE);
    let mut parts = Vec::new();
    for entry in page_parts(&table, list, &page.range) {
        parts.push((entry.clone(), last_read(&LAST_ROWS, &entry.file)?));
    }
    Some(page_of(id, list, page, &parts))
}

/// The page `page` of the actor `id`'s list, from the parts of its rows that hold it.
fn page_of(id: &str, list: &ActorList, page: Page, parts: &[Part]) -> ActorPage {
    let rows = page_rows(
        list,
        &page.range,
        parts.iter().map(|(e, r)| (e, r.as_slice())),
    );
    let chosen = vec![(id.to_string(), list.clone())];
    ActorPage::Read(chosen, list.len(), page, Arc::new(rows))
}

/// The actors' events (among the results `found`, where something is sought),
/// read by places, as a search's results are (`super::by_word`,
/// `super::range`), where the default list's parts that needs weigh less than
/// `bytes`, the actors' rows'; else `None`.
async fn by_places(
    manifest: &Manifest,
    wanted: &Wanted,
    chosen: Chosen,
    found: Option<&[u32]>,
    bytes: usize,
    afresh: Option<&str>,
    asked: bool,
) -> Result<Option<ActorPage>, Failed> {
    let ((ids, from, to, undated, sought), number) = wanted;
    let entries: Vec<&TableEntry> = (place_parts(manifest, ids).into_iter())
        .filter_map(|at| manifest.actor_places.get(at))
        .collect();
    let tables = read_tables(&entries, afresh).await?;
    let tables: Vec<&PlaceTable> = tables.iter().map(|t| t.as_ref()).collect();
    let places = places_of(ids, &tables);
    let results = Arc::new(match found {
        Some(found) => both(found, &places),
        None => places,
    });
    if *number > 0 {
        // A page of the results, from the default list's parts that hold it.
        let page = Page::of(results.len(), *number, PAGE_SIZE);
        let needs = page_bytes(manifest, &results, &page.range);
        if needs >= bytes {
            return Ok(None);
        }
        let rows = by_word::rows(manifest, &results, &page, (None, afresh), |_| ()).await?;
        keep_read(
            &LAST_FOUND,
            wanted.0.clone(),
            (chosen.clone(), results.clone()),
        );
        return Ok(Some(ActorPage::Read(
            chosen,
            results.len(),
            page,
            Arc::new(rows),
        )));
    }
    // Over the range, from its parts that hold a result.
    let key = (from.clone(), to.clone(), *undated, sought.clone());
    let range = Range::of(manifest, &key, Some(results.clone()));
    // The days of the range's rows, then a page of rows from the list (as
    // many parts as the first page of its events alone would span).
    let a_page = page_bytes(manifest, &results, &(0..PAGE_SIZE));
    if range.needs.stored_bytes(manifest) + a_page >= bytes {
        return Ok(None);
    }
    if range.asks(manifest, asked) {
        let needs = &range.needs;
        return Ok(Some(ActorPage::Asks(
            needs.len(),
            needs.stored_bytes(manifest),
        )));
    }
    let listed = read_range(
        manifest,
        &range,
        afresh.map(str::to_string),
        None,
        |_, _| true,
    )
    .await?;
    let Some(listed) = listed else {
        return Ok(None);
    };
    let listed = Arc::new(listed);
    keep_read(
        &LAST_TOGETHER,
        wanted.0.clone(),
        (chosen.clone(), listed.clone()),
    );
    Ok(Some(ActorPage::Together(chosen, listed)))
}

/// A part of the actors' rows, read.
type Part = (RowsEntry, Arc<Vec<PlacedRow>>);

/// What failed, and why: the part, named.
type Failed = (String, LoadFailure);

/// Reads what `wanted` asks for: the actors' table parts, then, for one actor
/// with no range, the part of its rows that holds the page, else every part of
/// the actors' rows (a few at a time, and, above the manifest's
/// `range_ask_above`, only where the reader has `asked`); each the one last
/// read where it is. The part `afresh` is fetched past any cache.
async fn read(
    manifest: &Manifest,
    wanted: &Wanted,
    afresh: Option<String>,
    asked: bool,
) -> ActorPage {
    match read_or_fail(manifest, wanted, afresh, asked).await {
        Ok(page) => page,
        Err((file, failure)) => ActorPage::Failed(file, failure),
    }
}

async fn read_or_fail(
    manifest: &Manifest,
    wanted: &Wanted,
    afresh: Option<String>,
    asked: bool,
) -> Result<ActorPage, Failed> {
    let ((ids, from, to, undated, sought), number) = wanted;
    let again = |file: &str| afresh.as_deref() == Some(file);
    // Each actor the corpus has, with its table part: an id it does not have
    // keeps nothing, as the app's filter does.
    let mut chosen: Vec<(String, Arc<ActorTable>, ActorList)> = Vec::new();
    for id in ids {
        let Some(entry) = (manifest.by_actor_of(id)).and_then(|at| manifest.by_actor.get(at))
        else {
            continue;
        };
        let table = match last_read(&LAST_TABLE, &entry.file) {
            Some(table) => table,
            None => {
                let table = loader::actor_table(entry, again(&entry.file))
                    .await
                    .map_err(|failure| (entry.file.clone(), failure))?;
                let table = Arc::new(table);
                keep_read(&LAST_TABLE, entry.file.clone(), table.clone());
                table
            }
        };
        if let Some(list) = table.get(id).cloned() {
            chosen.push((id.clone(), table, list));
        }
    }
    let fetch = |entry: RowsEntry| {
        let retry = again(&entry.file);
        async move {
            if let Some(rows) = last_read(&LAST_ROWS, &entry.file) {
                return Ok((entry, rows));
            }
            match loader::actor_rows(&entry, retry).await {
                Ok(rows) => {
                    let rows = Arc::new(rows);
                    keep_read(&LAST_ROWS, entry.file.clone(), rows.clone());
                    Ok((entry, rows))
                }
                Err(failure) => Err((entry.file, failure)),
            }
        }
    };
    // One actor, nothing sought and no range: the page from the part of its rows that holds it.
    if *number > 0 && ids.len() == 1 && sought.is_empty() {
        let Some((id, table, list)) = chosen.first() else {
            return Ok(ActorPage::NoSuchActor);
        };
        let page = Page::of(list.len(), *number, PAGE_SIZE);
        let mut parts = Vec::new();
        for entry in page_parts(table, list, &page.range) {
            parts.push(fetch(entry.clone()).await?);
        }
        return Ok(page_of(id, list, page, &parts));
    }
    // Over a date range, for several actors, or with words or kinds: every
    // part of their rows, each once.
    let mut needs: Vec<RowsEntry> = (chosen.iter())
        .flat_map(|(_, table, list)| every_part(table, list).iter().cloned())
        .collect();
    needs.sort_by_key(|p| p.first);
    needs.dedup_by_key(|p| p.first);
    let bytes: usize = needs.iter().map(|p| p.bytes).sum();
    // With words searched or kinds chosen, their results, from their tables;
    // and where the actors' rows weigh much, their events (among the results)
    // from their places, read from the default list where that weighs less.
    let found = if sought.is_empty() {
        None
    } else {
        Some(find(manifest, sought, afresh.as_deref()).await?)
    };
    let counted: usize = chosen.iter().map(|(_, _, list)| list.len()).sum();
    let may_weigh_less = *number == 0
        || page_by_places_may_weigh_less(
            manifest,
            ids,
            counted,
            found.as_ref().map(|f| f.len()),
            bytes,
        );
    if bytes > manifest.by_places_above.unwrap_or(BY_PLACES_ABOVE) && may_weigh_less {
        let chosen: Chosen = (chosen.iter())
            .map(|(id, _, list)| (id.clone(), list.clone()))
            .collect();
        let by_places = by_places(
            manifest,
            wanted,
            chosen,
            found.as_ref().map(|f| f.as_slice()),
            bytes,
            afresh.as_deref(),
            asked,
        );
        if let Some(page) = by_places.await? {
            return Ok(page);
        }
    }
    if bytes > manifest.range_ask_above.unwrap_or(RANGE_ASK_ABOVE) && !asked {
        return Ok(ActorPage::Asks(needs.len(), bytes));
    }
    let mut arriving = stream::iter(needs).map(fetch).buffered(PARTS_IN_FLIGHT);
    let mut parts: Vec<Part> = Vec::new();
    while let Some(part) = arriving.next().await {
        parts.push(part?);
    }
    let filter = Filter {
        from: from.clone(),
        to: to.clone(),
        ..Filter::default()
    };
    let window = filter.window().0;
    let lists: Vec<ActorList> = chosen.iter().map(|(_, _, list)| list.clone()).collect();
    let listed = together(
        &lists,
        &window,
        *undated,
        found.as_ref().map(|places| places.as_slice()),
        parts.iter().map(|(e, r)| (e, r.as_slice())),
    );
    let chosen: Chosen = chosen.into_iter().map(|(id, _, list)| (id, list)).collect();
    let listed = Arc::new(listed);
    keep_read(
        &LAST_TOGETHER,
        wanted.0.clone(),
        (chosen.clone(), listed.clone()),
    );
    Ok(ActorPage::Together(chosen, listed))
}
