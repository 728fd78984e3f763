//! The timeline above a list in pages zoomed into a span of time (`?tl=`),
//! before the corpus is read: counted again from the parts of the list's days
//! its periods meet (`publish::zoomed`), as the app counts it once the corpus
//! is in, once the reader opens it. A part that fails is named, with a retry.

use std::rc::Rc;
use std::sync::Arc;

use dossier::corpus::model::Kind;
use dossier::publish::pages::{DayRow, PlacedDays};
use dossier::publish::parts::{Manifest, PartsError};
use dossier::publish::zoomed::{zoom_parts, zoomed_timeline, ListOfDays};
use dossier::query::timeline::{Timeline, TimelineCounts, Window};
use futures::future::{FutureExt, LocalBoxFuture};
use futures::stream::{self, StreamExt, TryStreamExt};
use leptos::prelude::*;

use super::bits::{data, FewRead};
use super::by_word::{kept_day_rows, kept_or_read, Failed};
use super::failure::LoadFailure;
use super::loader::{self, PARTS_IN_FLIGHT};
use super::timeline::{CountTimeline, FoldedTimeline};

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
/// [`FoldedTimeline`]), else open on a wide screen (`wide`).
#[component]
pub fn ZoomedInPages(
    kind: Kind,
    counts: TimelineCounts,
    window: Window,
    fold: StoredValue<Option<bool>>,
    wide: bool,
) -> impl IntoView {
    let whole = counts.extent;
    let manifest = data().manifest.clone();
    let count: CountTimeline = Rc::new(move |retry, _| {
        let (manifest, counts) = (manifest.clone(), counts.clone());
        async move { Some(count_zoomed(&manifest?, kind, &counts, &window, retry).await) }
            .boxed_local()
    });
    let opened = fold.get_value().unwrap_or(wide);
    view! { <FoldedTimeline kind whole fold opened count/> }
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
