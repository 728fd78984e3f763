//! A fold whose contents are fetched once the reader opens it: on a phone,
//! what the reader never opens is never downloaded. The timelines counted in
//! pages and the claims' charts in pages are such folds.

use std::rc::Rc;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::details_opened;
use super::failure::{FailedWithRetry, LoadFailure};

/// What fills a fold ([`FetchedFold`]): given whether to ask the server afresh
/// (a retry) and whether the fold is still on screen, the contents or why they
/// could not be had; None where the fold has gone meanwhile.
pub type FetchWhenOpen<T> = Rc<
    dyn Fn(bool, Rc<dyn Fn() -> bool>) -> LocalBoxFuture<'static, Option<Result<T, LoadFailure>>>,
>;

/// A fold (`<details class=class>`, headed `summary`) drawn open as `opened`
/// says, whose contents `fetch` gives once it is open, one fetch at a time; it
/// says `fetching` meanwhile, and a failure under `failed`, with a retry. What
/// was had already (`had`) is shown at once. `toggled` hears each time the
/// reader opens or closes it.
#[component]
pub fn FetchedFold<T: Clone + 'static>(
    class: &'static str,
    summary: &'static str,
    fetching: &'static str,
    failed: &'static str,
    opened: bool,
    had: Option<T>,
    fetch: FetchWhenOpen<T>,
    show: Rc<dyn Fn(T) -> AnyView>,
    #[prop(optional)] toggled: Option<Rc<dyn Fn(bool)>>,
) -> impl IntoView {
    let open = RwSignal::new(opened);
    let tries = RwSignal::new(0u32);
    // One fetch at a time: opening and closing the fold asks no more.
    let under_way = StoredValue::new(false);
    let read: RwSignal<Option<Result<T, LoadFailure>>, LocalStorage> =
        RwSignal::new_local(had.map(Ok));
    Effect::new(move |_| {
        let asked = tries.get();
        let have = read.with_untracked(|r| matches!(r, Some(Ok(_))));
        if !open.get() || have || under_way.get_value() {
            return;
        }
        under_way.set_value(true);
        read.set(None);
        let fetch = fetch.clone();
        spawn_local(async move {
            // Gone where the reader zoomed, paged or sought elsewhere meanwhile.
            let here: Rc<dyn Fn() -> bool> =
                Rc::new(move || read.try_with_untracked(|_| ()).is_some());
            let fetched = fetch(asked > 0, here).await;
            under_way.try_set_value(false);
            if let Some(fetched) = fetched {
                read.try_set(Some(fetched));
            }
        });
    });
    // The view asks for closures it could send between threads: these are held
    // in the arena, and the view names them there.
    let show = StoredValue::new_local(show);
    let toggled = StoredValue::new_local(toggled);
    let body = move || match read.get() {
        None => view! { <p role="status" class="hint">{fetching}</p> }.into_any(),
        Some(Err(failure)) => {
            view! { <FailedWithRetry title=failed.to_string() failure retry=tries/> }.into_any()
        }
        Some(Ok(contents)) => show.with_value(|show| show(contents)),
    };
    let on_toggle = move |e: leptos::ev::Event| {
        let now = details_opened(&e);
        toggled.with_value(|toggled| {
            if let Some(toggled) = toggled {
                toggled(now);
            }
        });
        // Also fired for a fold drawn open: only a change asks for anything.
        if open.get_untracked() != now {
            open.set(now);
        }
    };
    view! {
        <details class=class open=opened on:toggle=on_toggle>
            <summary>{summary}</summary>
            {body}
        </details>
    }
}
