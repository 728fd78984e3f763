//! The claims' and the sources' lists over a date range, or for kinds, or
//! both, before the corpus is read: the parts of the list's days the range
//! needs (`publish::view_range`), fetched a few at a time, and the parts of the
//! view's kinds' table that hold the kinds (`publish::by_kind`), give the list
//! the app shows once the corpus is in, with its exact count; then a page at a
//! time, its rows from the view's list in pages. Its count is shown only once
//! every part it needs is in.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::date::DateWindow;
use dossier::corpus::model::Kind;
use dossier::publish::by_kind::Sought;
use dossier::publish::parts::{Manifest, PlaceTable, ReachRowsEntry, TableEntry};
use dossier::publish::view_range::{
    rows_apart, view_in_range, view_range_parts, ListDays, ViewInRange, ViewRangeParts,
};
use dossier::query::filter::Filter;
use dossier::query::url_state::{Page, View, PAGE_SIZE};
use futures::future::FutureExt;
use futures::stream;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, keep_read, lang, last_read, LastRead};
use super::by_word::{read_tables, Failed, FoundUndated};
use super::lists::{heading_text, NothingMatches};
use super::loader;
use super::nav::Nav;
use super::range::{days_read, range_body, reach_read, read_in, RangePart, Ranged};

/// The view, the ends of its range as the address has them, whether undated
/// records are shown, and the kinds chosen: what a view's list with a filter
/// depends on.
type ViewRangeKey = (View, String, String, bool, Sought);

thread_local! {
    /// The list over the range last read: back from a record opened from it,
    /// or on to another page of it, it is drawn at once.
    static LAST_VIEW_RANGE: LastRead<ViewRangeKey, Arc<ViewInRange>> = const { RefCell::new(None) };
}

/// The list of `view` (the claims', the sources') for the filter in the
/// address (a date range, kinds, or both), its pages drawn by `rows`.
#[component]
pub fn ViewRangeInPages<F>(view: View, rows: F) -> impl IntoView
where
    F: Fn(Arc<ViewInRange>, Page, Option<Vec<ReachRowsEntry>>) -> AnyView
        + Clone
        + Send
        + Sync
        + 'static,
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
            )
        })
    });
    let found_undated = use_context::<FoundUndated>();
    let state: RwSignal<Option<Ranged<ViewInRange>>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    // The range the reader asked to read, though it needs many parts.
    let asked: RwSignal<Option<ViewRangeKey>, LocalStorage> = RwSignal::new_local(None);
    let requested = Memo::new(move |_| nav.state.with(|s| s.page_number()));
    Effect::new(move |_| {
        tries.track();
        let wanted = key.get();
        if let Some(listed) = last_read(&LAST_VIEW_RANGE, &wanted) {
            state.set(Some(Ranged::Read(listed)));
            return;
        }
        let (_, from, to, undated, sought) = wanted.clone();
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
        let manifest = manifest.clone();
        spawn_local(async move {
            let this_range = wanted.clone();
            let current = move || key.with_untracked(|k| *k == this_range);
            let list = ListDays::of(&manifest, kind);
            // The kinds first: their places, from the parts of the view's kinds' table.
            let found = match sought.is_empty() {
                true => None,
                false => match find_in(&manifest, kind, &sought, failed.as_deref()).await {
                    Ok(found) => Some(found),
                    Err((file, failure)) => {
                        if current() {
                            state.set(Some(Ranged::Failed(file, failure)));
                        }
                        return;
                    }
                },
            };
            if let (Some(FoundUndated(said)), Some(found)) = (found_undated, &found) {
                said.set(Some((sought.clone(), list.undated_among(found))));
            }
            // A rare kind's rows are read from their own parts.
            let apart = rows_apart(manifest.view_kind_rows(kind), &sought).is_some();
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
                    keep_read(&LAST_VIEW_RANGE, wanted, listed.clone());
                    Ranged::Read(listed)
                }
                Err((file, failure)) => Ranged::Failed(file, failure),
            }));
        });
    });
    // The parts of the rare kind's rows a list reads its rows from, if any.
    let apart = Memo::new(move |_| {
        let d = data();
        let kind_rows = d
            .manifest
            .as_ref()
            .map_or(&[][..], |m| m.view_kind_rows(kind));
        key.with(|k| rows_apart(kind_rows, &k.4).map(<[ReachRowsEntry]>::to_vec))
    });
    let l = lang();
    let title = move || match state.get() {
        Some(Ranged::Read(listed)) => heading_text(view, listed.len(), total),
        _ => l.view_label(view).to_string(),
    };
    let body = move || {
        let rows = rows.clone();
        range_body(
            kind,
            state.get(),
            tries,
            move || asked.set(Some(key.get_untracked())),
            move |listed| {
                if listed.is_empty() {
                    return view! { <NothingMatches kind/> }.into_any();
                }
                let page = Page::of(listed.len(), requested.get(), PAGE_SIZE);
                rows(listed.clone(), page, apart.get_untracked())
            },
        )
    };
    view! {
        <h2 class="list-title" id="list-title" aria-live="polite">{title}</h2>
        {body}
    }
    .into_any()
}

/// The places in the list of `kind` of the records `sought` (its kinds) finds,
/// from the parts of that view's kinds' table that hold them, each kept read
/// where it is; the part `afresh` is fetched past any cache.
async fn find_in(
    manifest: &Manifest,
    kind: Kind,
    sought: &Sought,
    afresh: Option<&str>,
) -> Result<Vec<u32>, Failed> {
    let table = manifest.view_kinds(kind);
    let needs: Vec<&TableEntry> = (sought.kind_parts_in(table).into_iter())
        .filter_map(|at| table.get(at))
        .collect();
    let tables = read_tables(&needs, afresh).await?;
    let tables: Vec<&PlaceTable> = tables.iter().map(|t| t.as_ref()).collect();
    Ok(sought.found(&[], &tables))
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
