//! The claims' and the sources' lists over a date range, or for words,
//! kinds or actors, or any of these together, before the corpus is read: the
//! parts of the list's days the range needs (`publish::view_range`), fetched a
//! few at a time, the parts of the view's words' and kinds' tables that hold
//! the words and the kinds (`publish::by_kind`), and those of its table of lists by actor that list
//! the actors (`publish::view_by_actor`), give the list the app shows once the
//! corpus is in, with its exact count; then a page at a time, its rows from
//! the view's list in pages, or from the actors' own rows. Its count is shown
//! only once every part it needs is in.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::date::DateWindow;
use dossier::corpus::model::Kind;
use dossier::publish::by_kind::Sought;
use dossier::publish::by_word::both;
use dossier::publish::parts::{Manifest, PlaceTable, ReachRowsEntry, TableEntry, ViewActorTable};
use dossier::publish::view_by_actor::{table_parts, ChosenActors};
use dossier::publish::view_range::{
    rows_apart, view_in_range, view_range_parts, ListDays, ViewInRange, ViewRangeParts,
};
use dossier::publish::word_rows::WordsApart;
use dossier::query::filter::Filter;
use dossier::query::url_state::{Page, View, PAGE_SIZE};
use futures::future::FutureExt;
use futures::stream;
use leptos::prelude::*;

use super::bits::{data, keep_read, lang, last_read, FewRead, LastRead};
use super::by_actor::Involving;
use super::by_word::{
    directory_ahead, kept_or_read, knowing_directory, read_tables, Failed, FoundUndated,
};
use super::kind_choices::ListFound;
use super::lists::{heading_text, NothingMatches};
use super::loader;
use super::nav::Nav;
use super::range::{days_read, range_body, reach_read, read_in, RangePart, Ranged};

/// The view, the ends of its range as the address has them, whether undated
/// records are shown, the kinds chosen and the actors: what a view's list
/// with a filter depends on.
type ViewRangeKey = (View, String, String, bool, Sought, Vec<String>);

/// A view's list with a filter, read: its places, the actors chosen as the
/// view's lists by actor name them, where any are, and the rare words found
/// whose first rows are written apart, where any are.
type Listed = (
    Arc<ViewInRange>,
    Option<Arc<ChosenActors>>,
    Option<Arc<WordsApart>>,
);

thread_local! {
    /// The list over the range last read: back from a record opened from it,
    /// or on to another page of it, it is drawn at once.
    static LAST_VIEW_RANGE: LastRead<ViewRangeKey, Listed> = const { RefCell::new(None) };
    /// The parts of the views' tables of lists by actor read, by file name.
    static ACTOR_TABLES: FewRead<String, Arc<ViewActorTable>> = const { RefCell::new(Vec::new()) };
}

/// How many parts of the views' tables of lists by actor are kept read.
const ACTOR_TABLES_KEPT: usize = 8;

/// Where the rows of a view's list with a filter are read apart from the
/// view's list in pages: from a rare kind's parts of rows, from the chosen
/// actors' own rows, or, for some of a page's rows, from rare words' first rows.
#[derive(Clone)]
pub enum Apart {
    Kind(Vec<ReachRowsEntry>),
    Actors(Arc<ChosenActors>),
    Words(Arc<WordsApart>),
}

/// The list of `view` (the claims', the sources') for the filter in the
/// address (a date range, kinds, actors, or these together), its pages drawn
/// by `rows`.
#[component]
pub fn ViewRangeInPages<F>(view: View, rows: F) -> impl IntoView
where
    F: Fn(Arc<ViewInRange>, Page, Option<Apart>) -> AnyView + Clone + Send + Sync + 'static,
{
    let nav = expect_context::<Nav>();
    let d = data();
    let Some(manifest) = d.manifest.clone() else {
        return ().into_any();
    };
    let kind = view.kind();
    let total = manifest.totals.of(kind);
    let key = Memo::new(move |_| {
        nav.state.with(|s| {
            let f = &s.filter;
            (
                s.view,
                f.from.clone(),
                f.to.clone(),
                f.include_undated,
                Sought::of(f),
                f.actors.clone(),
            )
        })
    });
    let found_undated = use_context::<FoundUndated>();
    let list_found = use_context::<ListFound>();
    let state: RwSignal<Option<Ranged<ViewInRange>>, LocalStorage> = RwSignal::new_local(None);
    // The actors chosen, as the list read names them.
    let chosen: RwSignal<Option<Arc<ChosenActors>>, LocalStorage> = RwSignal::new_local(None);
    // The rare words found, whose first rows are read apart.
    let worded: RwSignal<Option<Arc<WordsApart>>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    // The range the reader asked to read, though it needs many parts.
    let asked: RwSignal<Option<ViewRangeKey>, LocalStorage> = RwSignal::new_local(None);
    let requested = Memo::new(move |_| nav.state.with(|s| s.page_number()));
    Effect::new(move |_| {
        tries.track();
        let wanted = key.get();
        if let Some((listed, actors, words)) = last_read(&LAST_VIEW_RANGE, &wanted) {
            ListFound::say(list_found, kind, &wanted.4);
            chosen.set(actors);
            worded.set(words);
            state.set(Some(Ranged::Read(listed)));
            return;
        }
        let (_, from, to, undated, sought, actors) = wanted.clone();
        let window = Filter {
            from,
            to,
            ..Filter::default()
        }
        .window()
        .0;
        let list = ListDays::of(&manifest, kind);
        // No range: the kinds' places alone.
        let needs = (!window.is_open()).then(|| view_range_parts(list, &window, undated));
        let asked = asked.with(|a| a.as_ref() == Some(&wanted));
        if let Some(needs) = needs
            .as_ref()
            .filter(|n| n.asks_first(&manifest, list) && !asked)
        {
            state.set(Some(Ranged::Asks(needs.len(), needs.stored_bytes(list))));
            return;
        }
        // Asked for again after a part failed: that part is fetched afresh.
        let failed = state.with_untracked(|s| match s {
            Some(Ranged::Failed(file, _)) => Some(file.clone()),
            _ => None,
        });
        // Nothing of another range stays on screen while this one is read.
        state.set(None);
        chosen.set(None);
        worded.set(None);
        let manifest = manifest.clone();
        loader::fetch_while_current(async move {
            let this_range = wanted.clone();
            let current = move || key.with_untracked(|k| *k == this_range);
            let list = ListDays::of(&manifest, kind);
            // The kinds first: their places, from the parts of the view's kinds' table.
            let (found, words) = match sought.is_empty() {
                true => (None, None),
                false => match find_in(&manifest, kind, &sought, failed.as_deref()).await {
                    Ok((found, words)) => (Some(found), words.map(Arc::new)),
                    Err((file, failure)) => {
                        if current() {
                            state.set(Some(Ranged::Failed(file, failure)));
                        }
                        return;
                    }
                },
            };
            // The actors' next: their places and where their rows are, from
            // the parts of the view's table of lists by actor.
            let actors = match actors.is_empty() {
                true => None,
                false => match find_actors(&manifest, kind, &actors, failed.as_deref()).await {
                    Ok(actors) => Some(Arc::new(actors)),
                    Err((file, failure)) => {
                        if current() {
                            state.set(Some(Ranged::Failed(file, failure)));
                        }
                        return;
                    }
                },
            };
            let found = match (found, &actors) {
                (Some(found), Some(actors)) => Some(both(&found, &actors.found())),
                (None, Some(actors)) => Some(actors.found()),
                (found, None) => found,
            };
            if current() {
                ListFound::say(list_found, kind, &sought);
            }
            if let (Some(FoundUndated(said)), Some(found)) = (found_undated, &found) {
                let key = (sought.clone(), wanted.5.clone());
                said.set(Some((key, list.undated_among(found))));
            }
            // A rare kind's rows, or the actors', are read from their own parts.
            let apart =
                actors.is_some() || rows_apart(manifest.view_kind_rows(kind), &sought).is_some();
            let listed = match needs {
                None => Ok(Some(ViewInRange::of_found(found.unwrap_or_default()))),
                Some(needs) => {
                    let range = (&window, undated, &needs);
                    let progress = |done, of| {
                        let wanted = current();
                        if wanted {
                            state.set(Some(Ranged::Reading { done, of }));
                        }
                        wanted
                    };
                    let listed = read_view_range(&manifest, kind, range, failed, progress).await;
                    listed.map(|listed| {
                        listed.map(|l| match &found {
                            Some(found) => l.kept_to(found, list, undated),
                            None => l,
                        })
                    })
                }
            };
            if !current() {
                return;
            }
            state.set(Some(match listed {
                Ok(None) => return,
                Ok(Some(listed)) => {
                    let listed = Arc::new(if apart { listed.all_apart() } else { listed });
                    let read = (listed.clone(), actors.clone(), words.clone());
                    keep_read(&LAST_VIEW_RANGE, wanted, read);
                    chosen.set(actors);
                    worded.set(words);
                    Ranged::Read(listed)
                }
                Err((file, failure)) => Ranged::Failed(file, failure),
            }));
        });
    });
    // The parts of the rare kind's rows a list reads its rows from, if any.
    let kind_apart = Memo::new(move |_| {
        let d = data();
        let kind_rows = d
            .manifest
            .as_ref()
            .map_or(&[][..], |m| m.view_kind_rows(kind));
        key.with(|k| rows_apart(kind_rows, &k.4).map(<[ReachRowsEntry]>::to_vec))
    });
    // The actors' rows first: they hold every row a list for them keeps;
    // then a rare kind's, which hold every row too; then rare words', some.
    let apart = move || {
        let actors = chosen.get_untracked().map(Apart::Actors);
        let kind = || kind_apart.get_untracked().map(Apart::Kind);
        let words = || worded.get_untracked().map(Apart::Words);
        actors.or_else(kind).or_else(words)
    };
    let l = lang();
    let title = move || match state.get() {
        Some(Ranged::Read(listed)) => heading_text(view, listed.len(), total),
        _ => l.view_label(view).to_string(),
    };
    let body = move || {
        let rows = rows.clone();
        // A failure says "of these dates" where the address has dates.
        let t = l.strings();
        let dated = key.with(|k| !(k.1.trim().is_empty() && k.2.trim().is_empty()));
        let failed = if dated {
            t.range_failed
        } else {
            t.filter_failed
        };
        range_body(
            kind,
            failed,
            state.get(),
            tries,
            move || asked.set(Some(key.get_untracked())),
            move |listed| {
                if listed.is_empty() {
                    return view! { <NothingMatches kind/> }.into_any();
                }
                let page = Page::of(listed.len(), requested.get(), PAGE_SIZE);
                rows(listed.clone(), page, apart())
            },
        )
    };
    // Who the list is for, once the actors' table names them.
    let involving = move || {
        let names: Vec<(String, String)> = chosen.with(|c| {
            (c.iter().flat_map(|c| c.names()))
                .map(|(id, name)| (id.to_string(), name.to_string()))
                .collect()
        });
        (!names.is_empty()).then(|| view! { <Involving names/> })
    };
    view! {
        {involving}
        <h2 class="list-title" id="list-title" aria-live="polite">{title}</h2>
        {body}
    }
    .into_any()
}

/// The actors `ids` as the view of `kind`'s table of lists by actor names
/// them, from the parts of it that list them, each kept read where it is;
/// the part `afresh` is fetched past any cache.
async fn find_actors(
    manifest: &Manifest,
    kind: Kind,
    ids: &[String],
    afresh: Option<&str>,
) -> Result<ChosenActors, Failed> {
    let table = manifest.view_by_actor(kind);
    let mut read: Vec<Arc<ViewActorTable>> = Vec::new();
    for entry in (table_parts(manifest, kind, ids).into_iter()).filter_map(|at| table.get(at)) {
        // A part that failed is not kept: asked for again, it is fetched afresh.
        let again = afresh == Some(entry.file.as_str());
        let fetch = async { loader::view_actor_table(entry, again).await.map(Arc::new) };
        read.push(kept_or_read(&ACTOR_TABLES, &entry.file, ACTOR_TABLES_KEPT, fetch).await?);
    }
    let tables: Vec<&ViewActorTable> = read.iter().map(|t| t.as_ref()).collect();
    Ok(ChosenActors::of(ids, &tables))
}

/// The places in the list of `kind` of the records `sought` (its words and
/// kinds) finds, from the parts of that view's words' and kinds' tables that
/// hold them, each kept read where it is; the part `afresh` is fetched past
/// any cache. With them, the rare words found whose first rows the build
/// wrote apart, where it wrote any and no rare kind's rows hold every row.
async fn find_in(
    manifest: &Manifest,
    kind: Kind,
    sought: &Sought,
    afresh: Option<&str>,
) -> Result<(Vec<u32>, Option<WordsApart>), Failed> {
    let (words, kinds) = (manifest.view_words(kind), manifest.view_kinds(kind));
    let needs = |table: &'_ [TableEntry], parts: Vec<usize>| -> Vec<TableEntry> {
        parts
            .into_iter()
            .filter_map(|at| table.get(at).cloned())
            .collect()
    };
    let words = needs(words, sought.word_parts_in(words));
    let kinds = needs(kinds, sought.kind_parts_in(kinds));
    let rare_kind = rows_apart(manifest.view_kind_rows(kind), sought).is_some();
    let rows = manifest.view_word_rows(kind).filter(|_| !rare_kind);
    let entries: Vec<&TableEntry> = words.iter().chain(&kinds).collect();
    let tables = read_tables(&entries, afresh);
    let (read, ()) = futures::future::join(tables, directory_ahead(rows, sought)).await;
    let read = read?;
    let tables: Vec<&PlaceTable> = read.iter().map(|t| t.as_ref()).collect();
    let (words, kinds) = tables.split_at(words.len());
    let apart = rows
        .map(|rows| WordsApart::of(&sought.words, words, rows))
        .filter(|apart| !apart.is_empty());
    let found = sought.found(words, kinds);
    let apart = match apart {
        Some(apart) => Some(knowing_directory(apart, afresh).await?),
        None => None,
    };
    Ok((found, apart))
}

/// Reads the parts of the days of the list of `kind` a range (its window,
/// whether undated records are shown, and the parts it needs) names, a few at
/// a time, saying how many are in (`progress`, which answers whether the
/// range is still wanted); then works out the list over it. A part that fails
/// stops it, named; the part `afresh` is fetched past any cache.
async fn read_view_range(
    manifest: &Manifest,
    kind: Kind,
    (window, undated, needs): (&DateWindow, bool, &ViewRangeParts),
    afresh: Option<String>,
    progress: impl Fn(usize, usize) -> bool,
) -> Result<Option<ViewInRange>, Failed> {
    let list = ListDays::of(manifest, kind);
    let of = needs.len();
    if !progress(0, of) {
        return Ok(None);
    }
    let again = |file: &str| afresh.as_deref() == Some(file);
    let days = (needs.read.iter().filter_map(|&at| list.days.get(at))).map(|entry| {
        let entry = &entry.rows;
        async move {
            (loader::dates_part(entry, again(&entry.file)).await)
                .map(|days| RangePart::Days(entry, days))
                .map_err(|failure| (entry.file.clone(), failure))
        }
        .boxed_local()
    });
    let reach = (needs.reach.iter().filter_map(|&at| list.reach.get(at))).map(|entry| {
        async move {
            (loader::reach_part(entry, again(&entry.file)).await)
                .map(RangePart::Reach)
                .map_err(|failure| (entry.file.clone(), failure))
        }
        .boxed_local()
    });
    let mut read = Vec::new();
    if !read_in(stream::iter(days.chain(reach)), &mut read, &progress, of).await? {
        return Ok(None);
    }
    let (days, reach) = (days_read(&read), reach_read(&read));
    Ok(Some(view_in_range(
        list, window, undated, needs, days, reach,
    )))
}
