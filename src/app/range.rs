//! The default list over a date range before the corpus is read: the parts of
//! the list that the range meets, and its rows that reach (`publish::range`),
//! fetched a few at a time, then the list the app shows for that range once the
//! corpus is in, a page at a time. Its count is shown only once every part it
//! needs is in, so it is never a partial number shown as the whole.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::date::DateWindow;
use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_kind::Sought;
use dossier::publish::by_word::{over_range, range_parts_of, undated_among};
use dossier::publish::pages::{ListRow, PlacedRow};
use dossier::publish::parts::{ListEntry, Manifest};
use dossier::publish::range::{
    in_range, range_parts, reading_order, within_from_list_alone, InRange, RangeParts,
};
use dossier::query::filter::Filter;
use dossier::query::url_state::{Page, View, PAGE_SIZE};
use futures::stream::{self, StreamExt};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, keep_read, lang, last_read, thousands, LastRead};
use super::by_word::{find, FoundUndated};
use super::failure::{FailedWithRetry, LoadFailure};
use super::lists::{heading_text, loose_section, page_note, NothingMatches, Pager};
use super::loader::{self, PARTS_IN_FLIGHT};
use super::megabytes;
use super::nav::Nav;
use super::pages::PageRows;

/// The ends of a range as the address has them, whether undated events are
/// shown, and what is sought (words and kinds; nothing for the default list):
/// what the list over a range depends on.
pub(super) type RangeKey = (String, String, bool, Sought);

/// How far the list over a range has come.
#[derive(Clone)]
enum Ranged {
    /// This many of so many parts are in; and, for a range short enough, the
    /// events within it read so far, in their final order (`so_far`).
    Reading {
        done: usize,
        of: usize,
        so_far: Option<Arc<InRange>>,
    },
    Read(Arc<InRange>),
    /// A part failed: which, and why.
    Failed(String, LoadFailure),
    /// Too many parts to read unasked: how many, and their bytes.
    Asks(usize, usize),
}

thread_local! {
    /// The list over the range last read: back from a record opened from it,
    /// or on to another page of it, it is drawn at once.
    static LAST_RANGE: LastRead<RangeKey, Arc<InRange>> = const { RefCell::new(None) };
}

/// The events list over the date range in the address, from the parts that
/// hold it.
#[component]
pub fn RangeInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let Some(manifest) = d.manifest.clone() else {
        return ().into_any();
    };
    let total = manifest.listed();
    let key = Memo::new(move |_| {
        nav.state.with(|s| {
            let f = &s.filter;
            let sought = Sought::of(f);
            (f.from.clone(), f.to.clone(), f.include_undated, sought)
        })
    });
    let found_undated = use_context::<FoundUndated>();
    let state: RwSignal<Option<Ranged>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    // The range the reader asked to read, though it needs many parts.
    let asked: RwSignal<Option<RangeKey>, LocalStorage> = RwSignal::new_local(None);
    let requested = Memo::new(move |_| nav.state.with(|s| s.page_number()));
    Effect::new(move |_| {
        tries.track();
        let wanted = key.get();
        if let Some(listed) = last_read(&LAST_RANGE, &wanted) {
            state.set(Some(Ranged::Read(listed)));
            return;
        }
        let asked = asked.with(|a| a.as_ref() == Some(&wanted));
        // The default list's range is known at once, and asks at once where it asks.
        let known = wanted
            .3
            .is_empty()
            .then(|| Range::of(&manifest, &wanted, None));
        if let Some(range) = known.as_ref().filter(|r| r.asks(&manifest, asked)) {
            state.set(Some(range.asked_for(&manifest)));
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
        let page_end = requested.get_untracked() * PAGE_SIZE;
        spawn_local(async move {
            let this_range = wanted.clone();
            let current = move || key.with_untracked(|k| *k == this_range);
            // A search's range first finds its results, then reads the parts
            // of the range that hold any.
            let range = match known {
                Some(range) => range,
                None => {
                    let places = match find(&manifest, &wanted.3, failed.as_deref()).await {
                        Ok(places) => places,
                        Err((file, failure)) => {
                            if current() {
                                state.set(Some(Ranged::Failed(file, failure)));
                            }
                            return;
                        }
                    };
                    if let Some(FoundUndated(said)) = found_undated {
                        said.set(Some((wanted.3.clone(), undated_among(&manifest, &places))));
                    }
                    let range = Range::of(&manifest, &wanted, Some(places));
                    if !current() {
                        return;
                    }
                    if range.asks(&manifest, asked) {
                        state.set(Some(range.asked_for(&manifest)));
                        return;
                    }
                    range
                }
            };
            let listed = read_range(&manifest, &range, failed, page_end, |done, of, read| {
                let wanted = current();
                if wanted {
                    // The events read so far stay on screen until more come.
                    let kept = state.with_untracked(|s| match s {
                        Some(Ranged::Reading { so_far, .. }) => so_far.clone(),
                        _ => None,
                    });
                    let so_far = read.map(Arc::new).or(kept);
                    state.set(Some(Ranged::Reading { done, of, so_far }));
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
                    keep_read(&LAST_RANGE, wanted, listed.clone());
                    Ranged::Read(listed)
                }
                Err((file, failure)) => Ranged::Failed(file, failure),
            }));
        });
    });
    let l = lang();
    let t = l.strings();
    // The page asked for, where the events within the range read so far fill it.
    let early = move || match state.get() {
        Some(Ranged::Reading {
            so_far: Some(read), ..
        }) => {
            let start = (requested.get() - 1) * PAGE_SIZE;
            let rows = read.rows.get(start..start + PAGE_SIZE)?;
            (start + PAGE_SIZE <= read.loose_from).then(|| (read.loose_from, rows.to_vec()))
        }
        _ => None,
    };
    // One heading throughout, its words changing as the parts come.
    let title = move || match state.get() {
        Some(Ranged::Read(listed)) => heading_text(View::Events, listed.rows.len(), total),
        _ => match early() {
            Some((known, _)) => fill(
                t.range_so_far,
                &[l.view_label(View::Events), &l.number(known)],
            ),
            None => l.view_label(View::Events).to_string(),
        },
    };
    let body = move || match state.get() {
        Some(Ranged::Read(listed)) => range_page(&listed, requested.get()),
        Some(Ranged::Failed(_, failure)) => {
            let title = t.range_failed.to_string();
            view! { <FailedWithRetry title failure retry=tries/> }.into_any()
        }
        Some(Ranged::Asks(parts, bytes)) => {
            asks_first(parts, bytes, move |_| asked.set(Some(key.get_untracked()))).into_any()
        }
        Some(Ranged::Reading { done, of, .. }) => view! {
            <p role="status" class="hint">
                {fill(t.range_reading, &[&thousands(done), &thousands(of)])}
            </p>
            {early().map(|(_, rows)| view! { <div class="timeline"><PageRows rows/></div> })}
        }
        .into_any(),
        None => ().into_any(),
    };
    view! {
        <h2 class="list-title" id="list-title" aria-live="polite">{title}</h2>
        {body}
    }
    .into_any()
}

/// The page `requested` of a list over a date range: the events within it,
/// then, under their own heading, those dated less precisely than it.
pub(super) fn range_page(listed: &InRange, requested: usize) -> AnyView {
    let t = lang().strings();
    let shown = listed.rows.len();
    if shown == 0 {
        return view! { <NothingMatches kind=Kind::Event/> }.into_any();
    }
    let page = Page::of(shown, requested, PAGE_SIZE);
    let split = listed.loose_from.clamp(page.range.start, page.range.end);
    let certain = listed.rows[page.range.start..split].to_vec();
    let maybe: Vec<ListRow> = listed.rows[split..page.range.end].to_vec();
    let loose = (!maybe.is_empty()).then(|| {
        let years = view! { <PageRows rows=maybe label=t.loose_year/> };
        loose_section(shown - listed.loose_from, years)
    });
    view! {
        {page_note(&page, shown)}
        <div class="timeline"><PageRows rows=certain/></div>
        {loose}
        <Pager page items=shown/>
    }
    .into_any()
}

/// Says that a list over a date range needs `parts` parts, `bytes` to
/// download, with a button that reads them (`read`).
pub(super) fn asks_first(
    parts: usize,
    bytes: usize,
    read: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let l = lang();
    let t = l.strings();
    let size = megabytes(l, bytes as f64);
    view! {
        <div class="range-asks" role="status">
            <p>{fill(t.range_asks, &[&thousands(parts), &size])}</p>
            <button type="button" on:click=read>{fill(t.range_read, &[&size])}</button>
        </div>
    }
}

/// A range as the address asks for it: the dates it covers, as the filter reads
/// its ends, whether undated events are shown, the results of the words
/// searched (none: the default list), and the parts it needs.
pub(super) struct Range {
    window: DateWindow,
    undated: bool,
    found: Option<Arc<Vec<u32>>>,
    pub(super) needs: RangeParts,
}

impl Range {
    pub(super) fn of(manifest: &Manifest, key: &RangeKey, found: Option<Arc<Vec<u32>>>) -> Range {
        let (from, to, undated, _) = key.clone();
        let filter = Filter {
            from,
            to,
            ..Filter::default()
        };
        let window = filter.window().0;
        let needs = match &found {
            Some(places) => range_parts_of(manifest, &window, undated, places),
            None => range_parts(manifest, &window, undated),
        };
        Range {
            window,
            undated,
            found,
            needs,
        }
    }

    /// Whether it needs too many parts to read before the reader has `asked`.
    pub(super) fn asks(&self, manifest: &Manifest, asked: bool) -> bool {
        self.needs.asks_first(manifest) && !asked
    }

    /// What the list says while it waits for the reader to ask.
    fn asked_for(&self, manifest: &Manifest) -> Ranged {
        Ranged::Asks(self.needs.len(), self.needs.stored_bytes(manifest))
    }

    /// The list over it from the parts read: the default list's, or the search's.
    fn listed<'a>(
        &self,
        manifest: &'a Manifest,
        list: impl IntoIterator<Item = (usize, &'a [ListRow])>,
        reach: impl IntoIterator<Item = &'a [PlacedRow]>,
    ) -> InRange {
        let (window, undated) = (&self.window, self.undated);
        match &self.found {
            Some(places) => over_range(manifest, window, undated, places, list, reach),
            None => in_range(manifest, window, undated, list, reach),
        }
    }
}

/// Reads the parts `range` needs, a few at a time, the list's first, in
/// its order, saying how many are in as they come (`progress`, which answers
/// whether the range is still wanted: a reader who typed one end and then the
/// other has moved on, and no more parts are fetched for it), with, for a range
/// short enough, the events within it so far, until they fill the place
/// `page_end`; then works out the list over it. A part that fails stops it,
/// named. The part `afresh` is fetched past any cache.
pub(super) async fn read_range(
    manifest: &Manifest,
    range: &Range,
    afresh: Option<String>,
    page_end: usize,
    progress: impl Fn(usize, usize, Option<InRange>) -> bool,
) -> Result<Option<InRange>, (String, LoadFailure)> {
    let Range {
        window,
        undated,
        needs,
        ..
    } = range;
    let (window, undated) = (*window, *undated);
    let of = needs.len();
    if !progress(0, of, None) {
        return Ok(None);
    }
    let again = |file: &str| afresh.as_deref() == Some(file);
    // A short range reads first the parts that may hold events within it, in
    // the list's order, so that those read so far fill the page asked for.
    let (order, within) = if within_from_list_alone(&window) {
        let (within, before) = reading_order(manifest, &window, undated, needs);
        let n = within.len();
        (within.into_iter().chain(before).collect(), n)
    } else {
        (needs.list.clone(), 0)
    };
    let mut shown_from_list = within == 0;
    let order: Vec<(usize, ListEntry)> = (order.into_iter())
        .filter_map(|at| Some((at, manifest.list.get(at)?.clone())))
        .collect();
    let fetch = |(at, entry): (usize, ListEntry)| {
        let retry = again(&entry.file);
        async move {
            (loader::list_part(&entry, retry).await)
                .map(|rows| (at, rows))
                .map_err(|failure| (entry.file, failure))
        }
    };
    // The first part that may hold events within a short range comes alone, on
    // a link it would otherwise share with three others: on a slow phone it is
    // most often the first page.
    let alone = usize::from(within > 0).min(order.len());
    let arriving = stream::iter(order[..alone].iter().cloned())
        .then(fetch)
        .chain(
            stream::iter(order[alone..].iter().cloned())
                .map(fetch)
                .buffered(PARTS_IN_FLIGHT),
        );
    let mut arriving = std::pin::pin!(arriving);
    let mut list: Vec<(usize, Vec<ListRow>)> = Vec::new();
    while let Some(part) = arriving.next().await {
        list.push(part?);
        let so_far = (!shown_from_list && list.len() <= within).then(|| {
            let rows = list.iter().map(|(at, rows)| (*at, rows.as_slice()));
            range.listed(manifest, rows, [])
        });
        shown_from_list |= so_far
            .as_ref()
            .is_some_and(|read| read.loose_from >= page_end);
        if !progress(list.len(), of, so_far) {
            return Ok(None);
        }
    }
    let mut reach: Vec<Vec<PlacedRow>> = Vec::new();
    let mut arriving = stream::iter(needs.reach.iter().filter_map(|&at| manifest.reach.get(at)))
        .map(|entry| async move {
            (loader::reach_part(entry, again(&entry.file)).await)
                .map_err(|failure| (entry.file.clone(), failure))
        })
        .buffered(PARTS_IN_FLIGHT);
    while let Some(rows) = arriving.next().await {
        reach.push(rows?);
        if !progress(list.len() + reach.len(), of, None) {
            return Ok(None);
        }
    }
    Ok(Some(range.listed(
        manifest,
        list.iter().map(|(at, rows)| (*at, rows.as_slice())),
        reach.iter().map(Vec::as_slice),
    )))
}
