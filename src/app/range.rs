//! The default list over a date range before the corpus is read: the days of
//! the rows of the list's parts the range meets, and of its rows that reach
//! (`publish::range`), fetched a few at a time, give the list the app shows for
//! that range once the corpus is in, with its exact count; then a page at a
//! time, its rows from the list's parts that hold them. Its count is shown only
//! once every part it needs is in, so it is never a partial number shown as
//! the whole.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::date::DateWindow;
use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_kind::Sought;
use dossier::publish::by_word::{over_range, page_parts, range_parts_of, undated_among};
use dossier::publish::pages::{ListRow, PlacedDays};
use dossier::publish::parts::{Manifest, RowsEntry};
use dossier::publish::range::{
    in_range, range_parts, within_from_dates, within_from_list_alone, Days, InRange, RangeParts,
};
use dossier::publish::word_rows::WordsApart;
use dossier::query::filter::Filter;
use dossier::query::url_state::{Page, View, PAGE_SIZE};
use futures::future::{self, FutureExt};
use futures::stream::{self, StreamExt};
use leptos::prelude::*;

use super::bits::{data, keep_read, lang, last_read, thousands, LastRead};
use super::by_word::{
    find, list_parts, list_parts_in_memory, worded_rows, words_apart, Failed, FoundUndated,
    ListPart, WORDED,
};
use super::failure::{FailedWithRetry, LoadFailure};
use super::lists::{heading_text, loose_section, NothingMatches};
use super::loader::{self, PARTS_IN_FLIGHT};
use super::megabytes;
use super::nav::Nav;
use super::pages::{page_as_read, PageRows};

/// The ends of a range as the address has them, whether undated events are
/// shown, and what is sought (words and kinds; nothing for the default list):
/// what the list over a range depends on.
pub(super) type RangeKey = (String, String, bool, Sought);

/// How far a list over a range (`L`, once read) has come.
#[derive(Clone)]
pub(super) enum Ranged<L> {
    /// This many of so many parts are in.
    Reading {
        done: usize,
        of: usize,
    },
    Read(Arc<L>),
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
    let state: RwSignal<Option<Ranged<InRange>>, LocalStorage> = RwSignal::new_local(None);
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
        let page = requested.get_untracked();
        loader::fetch_while_current(async move {
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
                        let key = (wanted.3.clone(), Vec::new());
                        said.set(Some((key, undated_among(&manifest, &places))));
                    }
                    let words = match words_apart(&manifest, &wanted.3, failed.as_deref()).await {
                        Ok(words) => words.map(Arc::new),
                        Err((file, failure)) => {
                            if current() {
                                state.set(Some(Ranged::Failed(file, failure)));
                            }
                            return;
                        }
                    };
                    let range = Range {
                        words,
                        ..Range::of(&manifest, &wanted, Some(places))
                    };
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
            let listed = read_range(&manifest, &range, failed, Some(page), |done, of| {
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
                    keep_read(&LAST_RANGE, wanted, listed.clone());
                    Ranged::Read(listed)
                }
                Err((file, failure)) => Ranged::Failed(file, failure),
            }));
        });
    });
    let l = lang();
    let title = move || match state.get() {
        Some(Ranged::Read(listed)) => heading_text(View::Events, listed.len(), total),
        _ => l.view_label(View::Events).to_string(),
    };
    let body = move || {
        range_body(
            Kind::Event,
            lang().strings().range_failed,
            state.get(),
            tries,
            move || asked.set(Some(key.get_untracked())),
            |listed| range_page(&listed, requested.get()),
        )
    };
    view! {
        <h2 class="list-title" id="list-title" aria-live="polite">{title}</h2>
        {body}
    }
    .into_any()
}

/// A list of `kind` over a date range as far as it has come (`state`): once read, as
/// `read` draws it; else how many of its parts are in, why one failed (`failed`,
/// its words, with a retry: `tries`), or how much it would read, with a button
/// that reads it (`ask`).
pub(super) fn range_body<L>(
    kind: Kind,
    failed: &'static str,
    state: Option<Ranged<L>>,
    tries: RwSignal<u32>,
    ask: impl Fn() + 'static,
    read: impl FnOnce(Arc<L>) -> AnyView,
) -> AnyView {
    let l = lang();
    let t = l.strings();
    match state {
        Some(Ranged::Read(listed)) => read(listed),
        Some(Ranged::Failed(_, failure)) => {
            let title = fill(failed, &[l.kind(kind).plural]);
            view! { <FailedWithRetry title failure retry=tries/> }.into_any()
        }
        Some(Ranged::Asks(parts, bytes)) => asks_first(parts, bytes, move |_| ask()).into_any(),
        Some(Ranged::Reading { done, of }) => view! {
            <p role="status" class="hint">
                {fill(t.range_reading, &[&thousands(done), &thousands(of)])}
            </p>
        }
        .into_any(),
        None => ().into_any(),
    }
}

/// The page `requested` of a list over a date range: the events within it,
/// then, under their own heading, those dated less precisely than it.
pub(super) fn range_page(listed: &Arc<InRange>, requested: usize) -> AnyView {
    if listed.is_empty() {
        return view! { <NothingMatches kind=Kind::Event/> }.into_any();
    }
    let page = Page::of(listed.len(), requested, PAGE_SIZE);
    view! { <RangeRows listed=listed.clone() page/> }.into_any()
}

/// The rows of the page `page` of the list over a range `listed`: those it
/// read, and the others from the default list's parts that hold them, kept
/// read; until they are in, the page says it is on its way.
#[component]
fn RangeRows(listed: Arc<InRange>, page: Page) -> impl IntoView {
    let t = lang().strings();
    let d = data();
    let Some(manifest) = d.manifest.clone() else {
        return ().into_any();
    };
    let needs = listed.parts_for(&manifest, &page.range);
    let rows_of = {
        let (listed, range) = (listed.clone(), page.range.clone());
        move |parts: &[ListPart]| {
            listed.rows_at(&range, parts.iter().map(|(e, r)| (*e, r.as_slice())))
        }
    };
    let kept = list_parts_in_memory(&manifest, &needs).map(|parts| Ok(rows_of(&parts)));
    let rows: RwSignal<Option<Result<Vec<ListRow>, Failed>>, LocalStorage> =
        RwSignal::new_local(kept);
    let tries = RwSignal::new(0u32);
    Effect::new(move |_| {
        tries.track();
        let afresh = match rows.get_untracked() {
            Some(Ok(_)) => return,
            Some(Err((file, _))) => Some(file),
            None => None,
        };
        let (manifest, needs, rows_of) = (manifest.clone(), needs.clone(), rows_of.clone());
        loader::fetch_while_current(async move {
            let read = list_parts(&manifest, needs, afresh.as_deref(), |_| ()).await;
            rows.try_set(Some(read.map(|parts| rows_of(&parts))));
        });
    });
    let shown = listed.len();
    let loose_from = listed.loose_from;
    let body = move || {
        page_as_read(&page, shown, rows.get(), tries, |rows: Vec<ListRow>| {
            let split = loose_from.clamp(page.range.start, page.range.end) - page.range.start;
            let split = split.min(rows.len());
            let certain = rows[..split].to_vec();
            let maybe: Vec<ListRow> = rows[split..].to_vec();
            let loose = (!maybe.is_empty()).then(|| {
                let years = view! { <PageRows rows=maybe label=t.loose_year/> };
                loose_section(shown - loose_from, years)
            });
            view! {
                <div class="timeline"><PageRows rows=certain/></div>
                {loose}
            }
            .into_any()
        })
    };
    body.into_any()
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
    /// The rare words the search found, whose first rows are read apart.
    words: Option<Arc<WordsApart>>,
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
            words: None,
            needs,
        }
    }

    /// Whether it needs too many parts to read before the reader has `asked`.
    pub(super) fn asks(&self, manifest: &Manifest, asked: bool) -> bool {
        self.needs.asks_first(manifest) && !asked
    }

    /// What the list says while it waits for the reader to ask.
    fn asked_for(&self, manifest: &Manifest) -> Ranged<InRange> {
        Ranged::Asks(self.needs.len(), self.needs.stored_bytes(manifest))
    }

    /// The list over it from the parts read: the default list's, or the search's.
    fn listed<'a>(
        &self,
        manifest: &Manifest,
        dates: impl IntoIterator<Item = (&'a RowsEntry, &'a [Days])>,
        reach: impl IntoIterator<Item = &'a [PlacedDays]>,
    ) -> InRange {
        let (window, undated) = (&self.window, self.undated);
        match &self.found {
            Some(places) => {
                over_range(manifest, window, undated, places, &self.needs, dates, reach)
            }
            None => in_range(manifest, window, undated, &self.needs, dates, reach),
        }
    }
}

/// A part a range reads: days of the list's rows, or of its rows that reach.
pub(super) enum RangePart<'m> {
    Days(&'m RowsEntry, Vec<Days>),
    Reach(Vec<PlacedDays>),
}

/// Reads the parts `range` needs, a few at a time, saying how many are in as
/// they come (`progress`, which answers whether the range is still wanted: a
/// reader who typed one end and then the other has moved on, and no more parts
/// are fetched for it); then works out the list over it. A part that fails
/// stops it, named. The part `afresh` is fetched past any cache. For a range
/// no row that reaches fits within, and that keeps no part of the list whole,
/// the days give its events within it before the rows that reach are read:
/// where they hold the page `page` asked for, the list's parts that hold its
/// rows are read meanwhile, kept read for the list to draw at once: on a slow
/// link, the page comes with the count. Other ranges read both kinds of
/// days together.
pub(super) async fn read_range(
    manifest: &Manifest,
    range: &Range,
    afresh: Option<String>,
    page: Option<usize>,
    progress: impl Fn(usize, usize) -> bool,
) -> Result<Option<InRange>, Failed> {
    let needs: &RangeParts = &range.needs;
    let of = needs.len();
    if !progress(0, of) {
        return Ok(None);
    }
    let again = |file: &str| afresh.as_deref() == Some(file);
    let dates = (needs.dates.iter().filter_map(|&at| manifest.dates.get(at))).map(|entry| {
        async move {
            (loader::dates_part(entry, again(&entry.file)).await)
                .map(|days| RangePart::Days(entry, days))
                .map_err(|failure| (entry.file.clone(), failure))
        }
        .boxed_local()
    });
    let reach = (needs.reach.iter().filter_map(|&at| manifest.reach.get(at))).map(|entry| {
        async move {
            (loader::reach_part(entry, again(&entry.file)).await)
                .map(RangePart::Reach)
                .map_err(|failure| (entry.file.clone(), failure))
        }
        .boxed_local()
    });
    let early_at = page.filter(|_| needs.whole.is_empty() && within_from_list_alone(&range.window));
    let mut read: Vec<RangePart> = Vec::new();
    let Some(number) = early_at else {
        if !read_in(stream::iter(dates.chain(reach)), &mut read, &progress, of).await? {
            return Ok(None);
        }
        let listed = listed_from(manifest, range, &read);
        return with_words(listed, range, page, afresh.as_deref())
            .await
            .map(Some);
    };
    if !read_in(stream::iter(dates), &mut read, &progress, of).await? {
        return Ok(None);
    }
    let found = range.found.as_deref().map(Vec::as_slice);
    let within = within_from_dates(&range.window, range.undated, found, days_read(&read));
    let positions = number.saturating_sub(1) * PAGE_SIZE..number * PAGE_SIZE;
    // A part that fails is left for the page to name, under the range's count.
    let reading_page = async {
        if positions.end <= within.len() {
            let words = range.words.as_deref();
            let (worded, others) = WordsApart::parted_by(words, &within.unread_on(&positions));
            let needs = page_parts(manifest, &others, &(0..others.len()));
            let listed = list_parts(manifest, needs, None, |_| ());
            let _ = future::join(listed, worded_rows(words, &worded, &WORDED, None)).await;
        }
    };
    let mut reached = Vec::new();
    let reading_reach = read_in(
        stream::iter(reach),
        &mut reached,
        |n, of| progress(read.len() + n, of),
        of,
    );
    let (wanted, ()) = future::join(reading_reach, reading_page).await;
    if !wanted? {
        return Ok(None);
    }
    read.extend(reached);
    let listed = listed_from(manifest, range, &read);
    with_words(listed, range, page, afresh.as_deref())
        .await
        .map(Some)
}

/// Reads the parts `parts` into `read`, four at a time, in order, saying how
/// many of `of` are in; whether the range is still wanted once they are.
pub(super) async fn read_in<'m, T>(
    parts: impl futures::Stream<Item = future::LocalBoxFuture<'m, Result<T, Failed>>> + Unpin,
    read: &mut Vec<T>,
    progress: impl Fn(usize, usize) -> bool,
    of: usize,
) -> Result<bool, Failed> {
    let mut arriving = parts.buffered(PARTS_IN_FLIGHT);
    while let Some(part) = arriving.next().await {
        read.push(part?);
        if !progress(read.len(), of) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The days of the list's rows among the parts read, each with its entry.
pub(super) fn days_read<'a>(
    read: &'a [RangePart],
) -> impl Iterator<Item = (&'a RowsEntry, &'a [Days])> {
    read.iter().filter_map(|part| match part {
        RangePart::Days(entry, days) => Some((*entry, days.as_slice())),
        RangePart::Reach(_) => None,
    })
}

/// The list `listed` over `range`, with the rows of the page `page` (from 1)
/// of the rare words the search found read from their first rows; the part
/// `afresh` fetched past any cache.
async fn with_words(
    listed: InRange,
    range: &Range,
    page: Option<usize>,
    afresh: Option<&str>,
) -> Result<InRange, Failed> {
    let (Some(words), Some(number)) = (range.words.as_deref(), page) else {
        return Ok(listed);
    };
    let positions = number.saturating_sub(1) * PAGE_SIZE..number * PAGE_SIZE;
    let (worded, _) = words.parted(&listed.unread_on(&positions));
    let rows = worded_rows(Some(words), &worded, &WORDED, afresh).await?;
    Ok(listed.knowing(rows))
}

/// The list over `range` from the parts read of it.
fn listed_from(manifest: &Manifest, range: &Range, read: &[RangePart]) -> InRange {
    range.listed(manifest, days_read(read), reach_read(read))
}

/// The days of the list's rows that reach among the parts read.
pub(super) fn reach_read<'a>(read: &'a [RangePart]) -> impl Iterator<Item = &'a [PlacedDays]> {
    read.iter().filter_map(|part| match part {
        RangePart::Reach(rows) => Some(rows.as_slice()),
        RangePart::Days(..) => None,
    })
}
