//! Keeps the screen state and the address bar in step, both ways.

use dossier::query::filter::Filter;
use dossier::query::url_state::UrlState;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How a change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new entry: back returns to what was on screen before.
    Push,
    /// Rewrite the current entry, for typing, so each key is not a history step.
    Replace,
}

#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<UrlState>,
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

impl Nav {
    /// Reads the state from the address, and follows back and forward.
    pub fn install() -> Nav {
        let state = RwSignal::new(UrlState::from_query(&current_query()));
        let handle = window_event_listener(ev::popstate, move |_| {
            let next = UrlState::from_query(&current_query());
            let place = state.with_untracked(|before| Place::after(before, &next));
            state.set(next);
            if let Some(place) = place {
                place.settle();
            }
        });
        on_cleanup(move || handle.remove());
        Nav { state }
    }

    /// Shows a new state and records it in the address.
    pub fn go(&self, next: UrlState, entry: Entry) {
        let next = self.state.with_untracked(|s| next.after_change_from(s));
        let moved = self.state.with_untracked(|s| {
            // A new filter starts the list again from its first page, but the
            // reader is still at the filter: the focus stays in the field typed in.
            let paged = s.page_number() != next.page_number() && s.filter == next.filter;
            s.record != next.record || s.view != next.view || paged
        });
        let new_view = self.state.with_untracked(|s| s.view != next.view);
        let place = self
            .state
            .with_untracked(|before| Place::after(before, &next));
        let query = next.to_query();
        self.state.set(next);
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let url = if query == "?" {
            path
        } else {
            format!("{path}{query}")
        };
        if let Ok(history) = window().history() {
            let _ = match entry {
                Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
                Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
            };
        }
        if let (Some(place), Entry::Push) = (&place, entry) {
            place.settle();
        } else if moved && entry == Entry::Push {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            // Move focus to the new content, so keyboard and screen-reader users
            // follow. A new view keeps the screen at the top: on a phone the
            // open filter panel stands between the tabs and the list, and
            // scrolling to the list would leave the tabs and the panel's toggle
            // a long way above (the panel's own button leads to the list).
            if let Some(main) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(new_view);
                    let _ = main.focus_with_options(&options);
                }
            }
        }
    }

    /// Searches for `text` as the reader types it: the first key starts a
    /// history entry, the rest refine it.
    pub fn type_search(&self, text: String) {
        let entry = if self.state.with_untracked(|s| s.filter.text.is_empty()) {
            Entry::Push
        } else {
            Entry::Replace
        };
        self.update(entry, |s| s.filter.text = text);
    }

    /// Clears every filter, keeping the view and the record on screen.
    pub fn clear_filters(&self) {
        self.update(Entry::Push, |s| s.filter = Filter::default());
    }

    /// Changes the current state with `change` and records it.
    pub fn update(&self, entry: Entry, change: impl FnOnce(&mut UrlState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.go(next, entry);
    }
}

/// Where the screen goes when a record is opened or left: to the record's
/// title, or back to the link that opened it, where it stood on the screen.
enum Place {
    Record,
    Link(String),
}

thread_local! {
    /// The record link last followed, and how far from the top of the
    /// window it stood, so coming back puts it there again.
    static LEFT_AT: std::cell::RefCell<Option<(String, f64)>> = const { std::cell::RefCell::new(None) };
}

impl Place {
    fn after(before: &UrlState, next: &UrlState) -> Option<Place> {
        match (&before.record, &next.record) {
            (_, Some(id)) if before.record.as_ref() != Some(id) => Some(Place::Record),
            (Some(id), None) if before.view == next.view => Some(Place::Link(id.clone())),
            _ => None,
        }
    }

    /// Once the new screen is drawn: a record opens at its title, which takes
    /// the focus (on a phone the open filter panel stands above it); the list
    /// comes back with the record's link where it stood, and focused.
    fn settle(&self) {
        let link = match self {
            Place::Record => None,
            Place::Link(id) => Some(id.clone()),
        };
        settle_at(link, SETTLE_TRIES, std::time::Duration::ZERO);
    }
}

/// How many times, [`SETTLE_EVERY`] apart, the list is looked at for the
/// record's link before the window is left at the top: a list drawn from parts
/// may come a task or two after the address changed.
const SETTLE_TRIES: u32 = 20;
const SETTLE_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// After `after`, the record's title focused (`link` none), or the link to the
/// record `link` in the list, where it stood; looked for again `tries` times
/// while the list has not drawn it.
fn settle_at(link: Option<String>, tries: u32, after: std::time::Duration) {
    set_timeout(
        move || {
            use wasm_bindgen::JsCast;
            let found = match &link {
                None => document()
                    .query_selector("article.detail h2")
                    .ok()
                    .flatten(),
                // Ids that reach a list are slugs: safe in a selector.
                Some(id) if id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => {
                    document()
                        .query_selector(&format!("main a[data-id=\"{id}\"]"))
                        .ok()
                        .flatten()
                }
                Some(_) => None,
            };
            let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
                match tries {
                    0 => window().scroll_to_with_x_and_y(0.0, 0.0),
                    _ => settle_at(link, tries - 1, SETTLE_EVERY),
                }
                return;
            };
            if link.is_none() {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
            let stood = match &link {
                Some(id) => LEFT_AT.with(|l| {
                    l.borrow()
                        .as_ref()
                        .filter(|(at, _)| at == id)
                        .map(|(_, top)| *top)
                }),
                None => None,
            };
            let height = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            // Where it stood, else a little below the top of the window.
            let top = stood.filter(|t| *t >= 0.0 && *t < height).unwrap_or(8.0);
            let scrolled = window().scroll_y().unwrap_or(0.0);
            let y = scrolled + el.get_bounding_client_rect().top() - top;
            window().scroll_to_with_x_and_y(0.0, y.max(0.0));
        },
        after,
    );
}

/// Notes where a record link stood as it is followed.
fn note_left_at(e: &ev::MouseEvent, record: &str) {
    use wasm_bindgen::JsCast;
    let top = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.get_bounding_client_rect().top());
    if let Some(top) = top {
        LEFT_AT.with(|l| *l.borrow_mut() = Some((record.to_string(), top)));
    }
}

/// A plain left click, which a link follows in this page; with a modifier key
/// or another button the reader asks the browser to open it elsewhere.
fn follows_in_place(e: &ev::MouseEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0)
}

/// A link to another screen state: a real link (it opens in a new tab, and is
/// copied and bookmarked as one) that changes the screen in place when clicked.
/// `change` turns the current state into the target, so the link keeps the
/// filters in force when it is followed. Its address follows the state as it
/// changes, unless `fixed`: links inside a list take it once, since the list is
/// drawn anew whenever the filters change, and hundreds of links each rewriting
/// their address first would double the work of every change.
#[component]
pub fn StateLink<F>(
    change: F,
    children: Children,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] aria_label: Option<String>,
    #[prop(optional)] aria_current: Option<&'static str>,
    #[prop(optional)] fixed: bool,
    /// The id of the record the link opens, printed after it on paper.
    #[prop(optional, into)]
    record: Option<String>,
) -> impl IntoView
where
    F: Fn(&mut UrlState) + Clone + Send + Sync + 'static,
{
    let nav = expect_context::<Nav>();
    let target = change.clone();
    let address = move || {
        let mut to = nav.state.get();
        target(&mut to);
        to.to_query()
    };
    let href = if fixed {
        Signal::stored(untrack(address))
    } else {
        Signal::derive(address)
    };
    let followed = record.clone();
    let on_click = move |e: ev::MouseEvent| {
        if !follows_in_place(&e) {
            return; // let the browser open it elsewhere
        }
        e.prevent_default();
        if let Some(id) = &followed {
            note_left_at(&e, id);
        }
        nav.update(Entry::Push, |s| change(s));
    };
    view! {
        <a href=href class=class aria-label=aria_label aria-current=aria_current data-id=record on:click=on_click>
            {children()}
        </a>
    }
}

/// One click handler for many plain links (`<a href="?…" data-state>`) inside
/// an element: each is followed in place as a `StateLink` is, without a
/// component and a handler of its own. For tables of hundreds of links that
/// are drawn anew on every change of filter.
pub fn follow_state_links(nav: Nav) -> impl Fn(ev::MouseEvent) + Clone + 'static {
    move |e: ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        if !follows_in_place(&e) {
            return; // let the browser open it elsewhere
        }
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[data-state]").ok().flatten());
        if let Some(query) = link.and_then(|a| a.get_attribute("href")) {
            e.prevent_default();
            nav.go(UrlState::from_query(&query), Entry::Push);
        }
    }
}

/// A link that opens one record in detail, keeping the filters. Record links
/// stand in lists and details, which are drawn anew as the state changes, so
/// each takes its address once.
#[component]
pub fn RecordLink(#[prop(into)] id: String, children: Children) -> impl IntoView {
    let record = id.clone();
    let change = move |s: &mut UrlState| s.record = Some(id.clone());
    view! { <StateLink change fixed=true record>{children()}</StateLink> }
}
