//! The claims' and the sources' lists over a date range before the corpus is
//! read: the parts of the list's days the range needs (`publish::view_range`),
//! fetched a few at a time, give the list the app shows for that range once
//! the corpus is in, with its exact count; then a page at a time, its rows
//! from the view's list in pages. Its count is shown only once every part it
//! needs is in.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::date::DateWindow;
use dossier::publish::parts::Manifest;
use dossier::publish::view_range::{
    view_in_range, view_range_parts, ListDays, ViewInRange, ViewRangeParts,
};
use dossier::query::filter::Filter;
use dossier::query::url_state::{Page, View, PAGE_SIZE};
use futures::future::FutureExt;
use futures::stream;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, keep_read, lang, last_read, LastRead};
use super::by_word::Failed;
use super::lists::{heading_text, NothingMatches};
use super::loader;
use super::nav::Nav;
use super::range::{days_read, range_body, reach_read, read_in, RangePart, Ranged};

/// The view, the ends of its range as the address has them, and whether
/// undated records are shown: what a view's list over a range depends on.
type ViewRangeKey = (View, String, String, bool);

thread_local! {
    /// The list over the range last read: back from a record opened from it,
    /// or on to another page of it, it is drawn at once.
    static LAST_VIEW_RANGE: LastRead<ViewRangeKey, Arc<ViewInRange>> = const { RefCell::new(None) };
}

/// The list of `view` (the claims', the sources') over the date range in the
/// address, its pages drawn by `rows`.
#[component]
pub fn ViewRangeInPages<F>(view: View, rows: F) -> impl IntoView
where
    F: Fn(Arc<ViewInRange>, Page) -> AnyView + Clone + Send + Sync + 'static,
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
            (s.view, f.from.clone(), f.to.clone(), f.include_undated)
        })
    });
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
        let (_, from, to, undated) = wanted.clone();
        let window = Filter {
            from,
            to,
            ..Filter::default()
        }
        .window()
        .0;
        let list = ListDays::of(&manifest, kind);
        let needs = view_range_parts(list, &window, undated);
        let asked = asked.with(|a| a.as_ref() == Some(&wanted));
        if needs.asks_first(&manifest, list) && !asked {
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
            let range = (&window, undated, &needs);
            let listed = read_view_range(&manifest, kind, range, failed, |done, of| {
                let wanted = current();
                if wanted {
                    state.set(Some(Ranged::Reading { done, of }));
                }
                wanted
            })
            .await;
            if !current() {
                return;
            }
            state.set(Some(match listed {
                Ok(None) => return,
                Ok(Some(listed)) => {
                    let listed = Arc::new(listed);
                    keep_read(&LAST_VIEW_RANGE, wanted, listed.clone());
                    Ranged::Read(listed)
                }
                Err((file, failure)) => Ranged::Failed(file, failure),
            }));
        });
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
                rows(
                    listed.clone(),
                    Page::of(listed.len(), requested.get(), PAGE_SIZE),
                )
            },
        )
    };
    view! {
        <h2 class="list-title" id="list-title" aria-live="polite">{title}</h2>
        {body}
    }
    .into_any()
}

/// Reads the parts of the days of the list of `kind` a range (its window,
/// whether undated records are shown, and the parts it needs) names, a few at
/// a time, saying how many are in (`progress`, which answers whether the
/// range is still wanted); then works out the list over it. A part that fails
/// stops it, named; the part `afresh` is fetched past any cache.
async fn read_view_range(
    manifest: &Manifest,
    kind: dossier::corpus::model::Kind,
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
