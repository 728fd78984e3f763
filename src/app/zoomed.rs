//! The timeline above a list in pages zoomed into a span of time (`?tl=`),
//! before the corpus is read: counted again from the parts of the list's days
//! its periods meet (`publish::zoomed`), as the app counts it once the corpus
//! is in, once the reader opens it. A part that fails is named, with a retry.

use std::sync::Arc;

use dossier::corpus::model::Kind;
use dossier::publish::pages::{DayRow, PlacedDays};
use dossier::publish::parts::{Manifest, PartsError};
use dossier::publish::zoomed::{zoom_parts, zoomed_timeline, ListOfDays};
use dossier::query::timeline::{Timeline, TimelineCounts, Window};
use futures::future::{FutureExt, LocalBoxFuture};
use futures::stream::{self, StreamExt, TryStreamExt};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, details_opened, lang, FewRead};
use super::by_word::{kept_day_rows, kept_or_read, Failed};
use super::failure::{FailedWithRetry, LoadFailure};
use super::loader::{self, PARTS_IN_FLIGHT};
use super::timeline::TimelineCounted;

thread_local! {
    /// The parts of the days of the lists' rows that reach a zoomed timeline
    /// read, by file name: every zoom of a list needs some of the same few.
    static REACH: FewRead<String, Arc<Vec<PlacedDays>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many parts of the days of the rows that reach are kept read: every
/// one of the three lists' at a million records (6, 9 and 3 parts).
const REACH_PARTS_KEPT: usize = 24;

/// The timeline of the list of `kind` in pages zoomed into `window`, its
/// unzoomed figures `counts` (the manifest's); folded as `fold` says (see
/// `by_word::FoundTimeline`), else open on a wide screen (`wide`).
#[component]
pub fn ZoomedInPages(
    kind: Kind,
    counts: TimelineCounts,
    window: Window,
    fold: StoredValue<Option<bool>>,
    wide: bool,
) -> impl IntoView {
    let t = lang().strings();
    let opened = fold.get_value().unwrap_or(wide);
    let open = RwSignal::new(opened);
    let tries = RwSignal::new(0u32);
    let read: RwSignal<Option<Result<Timeline, LoadFailure>>, LocalStorage> =
        RwSignal::new_local(None);
    let whole = counts.extent;
    // One count at a time: opening and closing the fold asks no more.
    let counting = StoredValue::new(false);
    let manifest = data().manifest.clone();
    Effect::new(move |_| {
        let asked = tries.get();
        let counted = read.with_untracked(|r| matches!(r, Some(Ok(_))));
        let Some(manifest) =
            (manifest.clone()).filter(|_| open.get() && !counted && !counting.get_value())
        else {
            return;
        };
        counting.set_value(true);
        read.set(None);
        let counts = counts.clone();
        spawn_local(async move {
            let counted = count_zoomed(&manifest, kind, &counts, &window, asked > 0).await;
            // Gone where the reader zoomed elsewhere meanwhile: nothing is set.
            counting.try_set_value(false);
            read.try_set(Some(counted));
        });
    });
    let body = move || match read.get() {
        None => view! { <p role="status" class="hint">{t.tl_counting}</p> }.into_any(),
        Some(Err(failure)) => {
            view! { <FailedWithRetry title=t.tl_failed.to_string() failure retry=tries/> }
                .into_any()
        }
        Some(Ok(timeline)) => view! { <TimelineCounted kind timeline whole/> }.into_any(),
    };
    let toggled = move |e: leptos::ev::Event| {
        let opened = details_opened(&e);
        fold.set_value(Some(opened));
        // A fold drawn open says so too: that asks for nothing more.
        if open.get_untracked() != opened {
            open.set(opened);
        }
    };
    view! {
        <details class="tl-fold" open=opened on:toggle=toggled>
            <summary>{t.tl_show}</summary>
            {body}
        </details>
    }
}

/// A part a zoomed timeline reads, read.
enum ZoomPart {
    Days(Arc<Vec<Option<DayRow>>>),
    Reach(Arc<Vec<PlacedDays>>),
}

/// The timeline of the list of `kind` zoomed into `window`, from the parts of
/// its days it needs, four at a time (`retry`: past any cache).
async fn count_zoomed(
    manifest: &Manifest,
    kind: Kind,
    counts: &TimelineCounts,
    window: &Window,
    retry: bool,
) -> Result<Timeline, LoadFailure> {
    let incomplete = LoadFailure::Parts(PartsError::Incomplete { missing: 1 });
    let Some(list) = ListOfDays::of(manifest, kind) else {
        return Err(incomplete);
    };
    let needs = zoom_parts(&list, window);
    let days = (needs
        .days
        .iter()
        .filter_map(|&at| list.days.get(at).copied()))
    .map(|entry| {
        async move { kept_day_rows(entry, retry).await.map(ZoomPart::Days) }.boxed_local()
    });
    let reach = (needs.reach.iter().filter_map(|&at| list.reach.get(at))).map(|entry| {
        async move {
            let read = async { loader::reach_part(entry, retry).await.map(Arc::new) };
            (kept_or_read(&REACH, &entry.file, REACH_PARTS_KEPT, read).await).map(ZoomPart::Reach)
        }
        .boxed_local()
    });
    let parts: Vec<LocalBoxFuture<Result<ZoomPart, Failed>>> = days.chain(reach).collect();
    let read: Vec<ZoomPart> = (stream::iter(parts).buffered(PARTS_IN_FLIGHT))
        .try_collect()
        .await
        .map_err(|(_, failure)| failure)?;
    let days = read.iter().filter_map(|part| match part {
        ZoomPart::Days(rows) => Some(rows.as_slice()),
        ZoomPart::Reach(_) => None,
    });
    let reach = read.iter().filter_map(|part| match part {
        ZoomPart::Reach(rows) => Some(rows.as_slice()),
        ZoomPart::Days(_) => None,
    });
    zoomed_timeline(counts, window, &needs, days, reach).ok_or(incomplete)
}
