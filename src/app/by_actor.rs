//! The events list for one actor before the corpus is read: an address that
//! chooses one actor and nothing else (`?actor=…`, as the actor's page links
//! it) lists what the events list keeps for that actor once the corpus is in,
//! a page at a time, from the part of the actors' table that names it and the
//! one part of its rows that holds the page (`publish::by_actor`). Its count
//! comes from the table, exact before any row is read.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_actor::{page_parts, page_rows};
use dossier::publish::pages::{ActorList, ListRow, PlacedRow};
use dossier::publish::parts::{ActorTable, Manifest};
use dossier::query::url_state::{Page, View, PAGE_SIZE};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, keep_read, lang, last_read, thousands, LastRead};
use super::failure::{FailedWithRetry, LoadFailure};
use super::lists::{heading, page_note, NothingMatches, Pager};
use super::loader;
use super::nav::{Nav, RecordLink};
use super::pages::PageRows;

/// The actor's id and the page asked for: what the list shows depends on.
type PageKey = (String, usize);

/// How far a page of an actor's list has come.
#[derive(Clone)]
enum ActorPage {
    Fetching,
    /// No actor of the corpus has this id.
    NoSuchActor,
    /// The actor's list, the page and its rows.
    Read(ActorList, Page, Arc<Vec<ListRow>>),
    /// A part failed: which, and why.
    Failed(String, LoadFailure),
}

thread_local! {
    /// The part of the actors' table last read, and the part of their rows: the
    /// list is drawn at once back from a record opened from it, and its other
    /// pages, most often in the same part, come from memory.
    static LAST_TABLE: LastRead<String, Arc<ActorTable>> = const { RefCell::new(None) };
    static LAST_ROWS: LastRead<String, Arc<Vec<PlacedRow>>> = const { RefCell::new(None) };
}

/// Whether the address asks for the events list with one actor chosen and
/// nothing else: the list this module shows before the corpus is read.
pub fn one_actor(state: &dossier::query::url_state::UrlState) -> bool {
    let f = &state.filter;
    let only = dossier::query::filter::Filter {
        actors: f.actors.clone(),
        ..Default::default()
    };
    state.record.is_none() && state.view == View::Events && f.actors.len() == 1 && *f == only
}

/// The events list for the actor the address chooses, a page at a time.
#[component]
pub fn ActorInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let Some(manifest) = d.manifest.clone() else {
        return ().into_any();
    };
    let total: usize = manifest.list.iter().map(|p| p.count).sum();
    let key = Memo::new(move |_| {
        nav.state.with(|s| {
            let id = s.filter.actors.first().cloned().unwrap_or_default();
            (id, s.page_number())
        })
    });
    let state: RwSignal<Option<(PageKey, ActorPage)>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    Effect::new(move |_| {
        tries.track();
        let wanted = key.get();
        // Asked for again after a part failed: that part is fetched afresh.
        let afresh = state.with_untracked(|s| match s {
            Some((_, ActorPage::Failed(file, _))) => Some(file.clone()),
            _ => None,
        });
        // What is in memory is drawn at once; the rest says it is on its way.
        if let Some(page) = page_in_memory(&manifest, &wanted) {
            state.set(Some((wanted, page)));
            return;
        }
        state.set(Some((wanted.clone(), ActorPage::Fetching)));
        let manifest = manifest.clone();
        spawn_local(async move {
            let page = read_page(&manifest, &wanted, afresh).await;
            if key.with_untracked(|k| *k == wanted) {
                state.set(Some((wanted, page)));
            }
        });
    });
    let l = lang();
    let t = l.strings();
    let shown = move || {
        state
            .get()
            .filter(|(k, _)| key.with(|w| w == k))
            .map(|(_, p)| p)
    };
    let body = move || match shown() {
        Some(ActorPage::Read(list, page, rows)) => {
            let n = list.len();
            let id = key.with(|(id, _)| id.clone());
            let name = list.name().to_string();
            let list = (n > 0).then(|| {
                view! {
                    {page_note(&page, n)}
                    <div class="timeline"><PageRows rows=(*rows).clone()/></div>
                    <Pager page items=n/>
                }
            });
            view! {
                <p class="list-actor">
                    {t.involved_lead}
                    <RecordLink id><span dir="auto">{name}</span></RecordLink>
                    " "
                    <button type="button" on:click=move |_| nav.clear_filters()>{t.clear_all}</button>
                </p>
                {heading(View::Events, n, total)}
                {(n == 0).then(|| view! { <NothingMatches kind=Kind::Event/> })}
                {list}
            }
            .into_any()
        }
        Some(ActorPage::NoSuchActor) => view! {
            {heading(View::Events, 0, total)}
            <NothingMatches kind=Kind::Event/>
        }
        .into_any(),
        Some(ActorPage::Failed(_, failure)) => {
            let number = key.with(|(_, n)| *n);
            let title = fill(t.page_failed, &[&thousands(number)]);
            view! {
                <h2 class="list-title" id="list-title" aria-live="polite">{l.view_label(View::Events)}</h2>
                <FailedWithRetry title failure retry=tries/>
            }
            .into_any()
        }
        _ => {
            let number = key.with(|(_, n)| *n);
            view! {
                <h2 class="list-title" id="list-title" aria-live="polite">{l.view_label(View::Events)}</h2>
                <p role="status" class="hint">{fill(t.page_fetching, &[&thousands(number)])}</p>
            }
            .into_any()
        }
    };
    body.into_any()
}

/// The page `key` asks for, where the parts it needs were the last read.
fn page_in_memory(manifest: &Manifest, key: &PageKey) -> Option<ActorPage> {
    let (id, number) = key;
    let entry = manifest.by_actor.get(manifest.by_actor_of(id)?)?;
    let table = last_read(&LAST_TABLE, &entry.file)?;
    let Some(list) = table.get(id) else {
        return Some(ActorPage::NoSuchActor);
    };
    let page = Page::of(list.len(), *number, PAGE_SIZE);
    let mut parts = Vec::new();
    for entry in page_parts(&table, list, &page.range) {
        parts.push((entry, last_read(&LAST_ROWS, &entry.file)?));
    }
    let rows = page_rows(
        list,
        &page.range,
        parts.iter().map(|(e, r)| (*e, r.as_slice())),
    );
    Some(ActorPage::Read(list.clone(), page, Arc::new(rows)))
}

/// Reads the page `key` asks for: the actor's table part, then the part of its
/// rows that holds the page, each the one last read where it is. The part
/// `afresh` is fetched past any cache.
async fn read_page(manifest: &Manifest, key: &PageKey, afresh: Option<String>) -> ActorPage {
    let (id, number) = key;
    let again = |file: &str| afresh.as_deref() == Some(file);
    let Some(entry) = manifest
        .by_actor_of(id)
        .and_then(|at| manifest.by_actor.get(at))
    else {
        return ActorPage::NoSuchActor;
    };
    let table = match last_read(&LAST_TABLE, &entry.file) {
        Some(table) => table,
        None => match loader::actor_table(entry, again(&entry.file)).await {
            Ok(table) => {
                let table = Arc::new(table);
                keep_read(&LAST_TABLE, entry.file.clone(), table.clone());
                table
            }
            Err(failure) => return ActorPage::Failed(entry.file.clone(), failure),
        },
    };
    let Some(list) = table.get(id) else {
        return ActorPage::NoSuchActor;
    };
    let page = Page::of(list.len(), *number, PAGE_SIZE);
    let mut parts = Vec::new();
    for entry in page_parts(&table, list, &page.range) {
        let rows = match last_read(&LAST_ROWS, &entry.file) {
            Some(rows) => rows,
            None => match loader::actor_rows(entry, again(&entry.file)).await {
                Ok(rows) => {
                    let rows = Arc::new(rows);
                    keep_read(&LAST_ROWS, entry.file.clone(), rows.clone());
                    rows
                }
                Err(failure) => return ActorPage::Failed(entry.file.clone(), failure),
            },
        };
        parts.push((entry, rows));
    }
    let rows = page_rows(
        list,
        &page.range,
        parts.iter().map(|(e, r)| (*e, r.as_slice())),
    );
    ActorPage::Read(list.clone(), page, Arc::new(rows))
}
