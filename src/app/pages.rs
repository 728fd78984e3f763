//! The default list before a large corpus is read, while it is read or while a
//! corpus read on request waits for the reader: its events a page at a time,
//! each page from the one part of the list that holds it (`publish::pages`), so
//! that a reader can page through a million records without downloading them
//! all. Its first page is the static one the build wrote into the page, where
//! that is on screen.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::date::{Calendar, DateError, TypedEnd};
use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_kind::Sought;
use dossier::publish::pages::ListRow;
use dossier::publish::parts::{ListEntry, Manifest, YearInList};
use dossier::query::filter::Filter;
use dossier::query::search::query_words;
use dossier::query::timeline::{TimelineCounts, Window};
use dossier::query::url_state::{Page, UrlState, View, PAGE_SIZE};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{
    data, details_opened, keep_read, lang, last_read, thousands, DateText, LastRead,
};
use super::by_actor::{actors_only, ActorInPages};
use super::by_word::{
    sought_only, ChosenKinds, FoundKey, FoundTimeline, FoundUndated, ListSearch, SearchInPages,
    TimelineOf,
};
use super::choose_actor::ActorChooser;
use super::failure::{FailedWithRetry, LoadFailure};
use super::filters::DateFilter;
use super::kind_choices::{KindChoices, ListFound};
use super::lists::{heading, page_note, runs, wide_screen, year_sections, Pager};
use super::loader;
use super::nav::{Entry, Nav, RecordLink};
use super::range::RangeInPages;
use super::timeline::TimelineInPages;
use super::view_pages::{view_only, ViewInPages};
use super::zoomed::ZoomedInPages;

/// One part of a list in pages, by its number, as far as it has come: its rows
/// once read.
#[derive(Clone)]
pub(super) enum PartRead<R> {
    Fetching(usize),
    Read(usize, R),
    Failed(usize, LoadFailure),
}

impl<R> PartRead<R> {
    fn number(&self) -> usize {
        match self {
            PartRead::Fetching(at) | PartRead::Read(at, _) | PartRead::Failed(at, _) => *at,
        }
    }
}

/// The part of a list in pages that `wanted` names (its number and entry), as
/// far as it has come: `fetch` reads it (afresh, past any cache, when asked
/// again after it failed: `tries`) unless it is in, and an answer for a part no
/// longer wanted (the reader paged on) is dropped. `read` is what is already in,
/// shown at once.
pub(super) fn part_for_page<E, R, Fut>(
    wanted: Memo<Option<(usize, E)>>,
    tries: RwSignal<u32>,
    read: Option<(usize, R)>,
    fetch: impl Fn(E, bool) -> Fut + Copy + 'static,
) -> RwSignal<Option<PartRead<R>>, LocalStorage>
where
    E: Clone + PartialEq + Send + Sync + 'static,
    R: Clone + 'static,
    Fut: std::future::Future<Output = Result<R, LoadFailure>> + 'static,
{
    let part = RwSignal::new_local(read.map(|(at, rows)| PartRead::Read(at, rows)));
    Effect::new(move |_| {
        tries.track();
        let Some((at, entry)) = wanted.get() else {
            return;
        };
        let (have, retry) = part.with_untracked(|p| match p {
            Some(PartRead::Failed(n, _)) => (false, *n == at),
            Some(p) => (p.number() == at, false),
            None => (false, false),
        });
        if have {
            return;
        }
        part.set(Some(PartRead::Fetching(at)));
        loader::fetch_while_current(async move {
            let fetched = fetch(entry, retry).await;
            if wanted.with_untracked(|w| w.as_ref().map(|(n, _)| *n)) != Some(at) {
                return;
            }
            part.set(Some(match fetched {
                Ok(rows) => PartRead::Read(at, rows),
                Err(failure) => PartRead::Failed(at, failure),
            }));
        });
    });
    part
}

/// A page of a list in pages, `view`'s of `total` records, as far as its part
/// (`at`) has come: its rows drawn by `draw` (given the part's rows and where
/// the page's begin in them), or that it is being fetched, or why it failed,
/// with a retry; its heading and pager above and below.
pub(super) fn page_in_part<R: 'static>(
    view: View,
    total: usize,
    page: Page,
    at: usize,
    part: Option<PartRead<R>>,
    tries: RwSignal<u32>,
    draw: impl FnOnce(R) -> AnyView,
) -> AnyView {
    let t = lang().strings();
    let shown = match part {
        Some(PartRead::Read(n, rows)) if n == at => view! {
            {page_note(&page, total)}
            {draw(rows)}
        }
        .into_any(),
        Some(PartRead::Failed(n, failure)) if n == at => view! {
            <FailedWithRetry title=fill(t.page_failed, &[&thousands(page.number)]) failure retry=tries/>
        }
        .into_any(),
        _ => view! {
            <p role="status" class="hint">{fill(t.page_fetching, &[&thousands(page.number)])}</p>
        }
        .into_any(),
    };
    view! {
        {heading(view, total, total)}
        {shown}
        <Pager page items=total/>
    }
    .into_any()
}

/// A page of a list of `shown` records whose rows are read for it, as far as
/// they have come (`rows`): drawn by `draw`, under the page's note and above
/// its pager; or why they failed, with a retry (`tries`); or that the page is
/// on its way.
pub(super) fn page_as_read<T>(
    page: &Page,
    shown: usize,
    rows: Option<Result<T, (String, LoadFailure)>>,
    tries: RwSignal<u32>,
    draw: impl FnOnce(T) -> AnyView,
) -> AnyView {
    let t = lang().strings();
    match rows {
        Some(Ok(rows)) => view! {
            {page_note(page, shown)}
            {draw(rows)}
            <Pager page=page.clone() items=shown/>
        }
        .into_any(),
        Some(Err((_, failure))) => {
            let title = fill(t.page_failed, &[&thousands(page.number)]);
            view! { <FailedWithRetry title failure retry=tries/> }.into_any()
        }
        None => view! {
            {page_note(page, shown)}
            <p role="status" class="hint">{fill(t.page_fetching, &[&thousands(page.number)])}</p>
        }
        .into_any(),
    }
}

thread_local! {
    /// The part of the list last read, by its file name (which changes with its
    /// contents): the list is drawn anew when a record opened from it is left.
    static LAST_READ: LastRead<String, Arc<Vec<ListRow>>> = const { RefCell::new(None) };
}

/// The list of a corpus not read yet: for an address with no filter but a date
/// range, the page it asks for, from the list's parts, under the date range's
/// fields; for any other, the static first page (which the page's script
/// showed only for an address with no filter at all: none).
#[component]
pub fn ListInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let listed = d.manifest.as_ref().is_some_and(|m| !m.list.is_empty());
    // The list for words searched or kinds chosen, where the build wrote the
    // tables they need.
    let (worded, kinded) = (d.manifest.as_ref()).map_or((false, false), |m| {
        (!m.words.is_empty(), !m.kinds.is_empty())
    });
    let sought = move |s: &UrlState| {
        let sought = Sought::of(&s.filter);
        sought_only(s) && (sought.words.is_empty() || worded) && (sought.kinds.is_empty() || kinded)
    };
    let dated = move |s: &UrlState| dates_only(s) || sought(s);
    // The claims' and the sources' lists with a range or kinds, where the
    // build wrote their days and kinds' tables: how many of each are undated.
    let view_undated = |kind| {
        (d.manifest.as_ref())
            .filter(|m| !m.view_kinds(kind).is_empty())
            .map(|m| m.view_days(kind))
            .filter(|days| !days.is_empty())
            .map(|days| days.iter().map(|p| p.undated).sum::<usize>())
    };
    let (claims_undated, sources_undated) = (view_undated(Kind::Claim), view_undated(Kind::Source));
    let view_dated = move |s: &UrlState| {
        let undated = match s.view {
            View::Claims => claims_undated,
            View::Sources => sources_undated,
            View::Events | View::Actors => None,
        };
        undated.filter(|_| view_only(s))
    };
    // An actor's list has the date range's fields of its own (`ActorInPages`).
    let shown = Memo::new(move |_| {
        nav.state
            .with(|s| listed && dated(s) || view_dated(s).is_some())
    });
    let ranged = Memo::new(move |_| {
        listed
            && nav
                .state
                .with(|s| dated(s) && !s.filter.window().0.is_open())
    });
    // The figures beside the date range, from the manifest: how many events
    // are undated, and the ends that are not dates.
    let undated = d.manifest.as_ref().map_or(0, Manifest::listed_undated);
    // A search's: how many of its results are undated, once they are found.
    let found_undated = RwSignal::new(None::<(FoundKey, usize)>);
    provide_context(FoundUndated(found_undated));
    provide_context(ListFound(RwSignal::new(None)));
    let hidden = Signal::derive(move || {
        let (shows_undated, sought, actors) = nav.state.with(|s| {
            let f = &s.filter;
            (f.include_undated, Sought::of(f), f.actors.clone())
        });
        let of_view = nav.state.with(view_dated);
        if shows_undated {
            0
        } else if sought.is_empty() && actors.is_empty() {
            of_view.unwrap_or(undated)
        } else {
            let wanted = (sought, actors);
            found_undated.with(|found| {
                (found.as_ref())
                    .filter(|(w, _)| *w == wanted)
                    .map_or(0, |(_, n)| *n)
            })
        }
    });
    let errors = Signal::derive(move || nav.state.with(|s| s.filter.window().1));
    let dates = move || shown.get().then(|| view! { <ListDates hidden errors/> });
    let actor = Memo::new(move |_| listed && nav.state.with(actors_only));
    // The search's field stays while the reader types, the list changing below it:
    // above the events, and above the claims and the sources where the build
    // wrote their words' tables.
    let view_worded = |kind| (d.manifest.as_ref()).is_some_and(|m| !m.view_words(kind).is_empty());
    let (claims_worded, sources_worded) = (view_worded(Kind::Claim), view_worded(Kind::Source));
    let searchable = Memo::new(move |_| {
        nav.state.with(|s| {
            let of_view = match s.view {
                View::Claims => claims_worded,
                View::Sources => sources_worded,
                View::Events | View::Actors => false,
            };
            listed && worded && (dated(s) || actors_only(s)) || of_view && view_dated(s).is_some()
        })
    });
    // The chooser of institutions and people by name, where the build wrote
    // the names table: above the events list, and above the claims' and the
    // sources' where it wrote their lists by actor.
    let named = (d.manifest.as_ref()).is_some_and(|m| !m.names.is_empty());
    let by_actor = |kind| (d.manifest.as_ref()).is_some_and(|m| !m.view_by_actor(kind).is_empty());
    let (claims_by_actor, sources_by_actor) = (by_actor(Kind::Claim), by_actor(Kind::Source));
    let by_name = Memo::new(move |_| {
        nav.state.with(|s| {
            let list = match s.view {
                View::Events => listed && (dated(s) || actors_only(s)),
                View::Claims => claims_by_actor && view_only(s),
                View::Sources => sources_by_actor && view_only(s),
                View::Actors => false,
            };
            named && list
        })
    });
    let searched = Memo::new(move |_| {
        listed
            && nav
                .state
                .with(|s| sought(s) && s.filter.window().0.is_open())
    });
    let other_view = Memo::new(move |_| {
        nav.state
            .with(|s| s.record.is_none() && s.view != View::Events)
    });
    // The kinds to choose from, where the build wrote the table they need:
    // the events', or the claims' or the sources' with their days.
    let choosable = Memo::new(move |_| {
        nav.state
            .with(|s| listed && kinded && (dated(s) || actors_only(s)) || view_dated(s).is_some())
    });
    let kinds = Memo::new(move |_| {
        nav.state.with(|s| {
            let chosen = !Sought::of(&s.filter).kinds.is_empty();
            chosen && (listed && (sought(s) || actors_only(s)) || view_dated(s).is_some())
        })
    });
    // The actors' places, where the build wrote them: an actor's timeline.
    let placed =
        (d.manifest.as_ref()).is_some_and(|m| !m.actor_places.is_empty() && !m.dates.is_empty());
    // The timeline above the list, zoomed (`?tl=`) or not.
    let timeline = Memo::new(move |_| {
        let manifest = d.manifest.as_ref()?;
        nav.state.with(|s| {
            if s.record.is_some() {
                return None;
            }
            let zoomed = s.timeline.as_deref().and_then(Window::parse);
            if dates_alone(&s.filter) {
                let (kind, counts) = (s.view.kind(), manifest.timelines.of(s.view.kind())?.clone());
                return Some(match zoomed {
                    Some(window) => TimelineShown::Zoomed(kind, counts, window),
                    None => TimelineShown::Counted(kind, counts),
                });
            }
            // A search or kinds, alone or over a range: what it finds, counted;
            // actors chosen alone, over a range or not: their events.
            let counts = manifest.timelines.of(Kind::Event)?.clone();
            let of = if sought(s) {
                TimelineOf::Found(Sought::of(&s.filter))
            } else if placed && actors_only(s) && Sought::of(&s.filter).is_empty() {
                TimelineOf::Actors(s.filter.actors.clone())
            } else {
                return None;
            };
            Some(TimelineShown::Found(of, counts, zoomed))
        })
    });
    // Opened or closed by the reader, the timeline stays so when zoomed.
    let fold = StoredValue::new(None::<bool>);
    let toggled = move |e: leptos::ev::Event| fold.set_value(Some(details_opened(&e)));
    let chart = move || {
        timeline.get().map(|shown| match shown {
            TimelineShown::Counted(kind, counts) => view! {
                <details class="tl-fold" open=fold.get_value().unwrap_or_else(wide_screen)
                    on:toggle=toggled>
                    <summary>{lang().strings().tl_show}</summary>
                    <TimelineInPages kind counts/>
                </details>
            }
            .into_any(),
            TimelineShown::Zoomed(kind, counts, window) => {
                view! { <ZoomedInPages kind counts window fold wide=wide_screen()/> }.into_any()
            }
            TimelineShown::Found(of, counts, zoomed) => {
                view! { <FoundTimeline of counts zoomed fold/> }.into_any()
            }
        })
    };
    view! {
        {move || searchable.get().then(|| view! { <ListSearch/> })}
        {move || by_name.get().then(|| view! { <ActorChooser/> })}
        {move || kinds.get().then(|| view! { <ChosenKinds/> })}
        {move || choosable.get().then(|| view! { <KindChoices/> })}
        {dates}
        {chart}
        {move || if other_view.get() {
            // The static first page is not this list.
            remove_stand_in();
            view! { <ViewInPages/> }.into_any()
        } else if actor.get() {
            // The static first page is not this list.
            remove_stand_in();
            view! { <ActorInPages/> }.into_any()
        } else if searched.get() {
            // The static first page is not this list.
            remove_stand_in();
            view! { <SearchInPages/> }.into_any()
        } else if ranged.get() {
            // The static first page is not this list.
            remove_stand_in();
            view! { <RangeInPages/> }.into_any()
        } else {
            view! { <DefaultInPages/> }.into_any()
        }}
    }
}

/// The timeline above a list in pages: the build's counts, for no filter but
/// a date range (which does not change them); zoomed, counted from the days
/// of the list's rows; or, for a search or kinds, or actors chosen alone,
/// counted from the days of the events found, zoomed or not.
#[derive(Clone, PartialEq)]
enum TimelineShown {
    Counted(Kind, TimelineCounts),
    Zoomed(Kind, TimelineCounts, Window),
    Found(TimelineOf, TimelineCounts, Option<Window>),
}

/// The date range's fields above a list in pages: closed until a range is set,
/// so that the list's first records are on a phone's first screen.
#[component]
pub(super) fn ListDates(hidden: Signal<usize>, errors: Signal<Vec<DateError>>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let open = nav
        .state
        .with_untracked(|s| !s.filter.from.is_empty() || !s.filter.to.is_empty());
    let t = lang().strings();
    view! {
        <details class="list-dates" open=open>
            <summary>{t.date}</summary>
            <form role="search" aria-label=t.date on:submit=|e| e.prevent_default()>
                <DateFilter hidden errors/>
            </form>
        </details>
    }
}

/// The default list in pages, or the static first page where the address asks
/// for another list.
#[component]
fn DefaultInPages() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let total = d.manifest.as_ref().map_or(0, Manifest::listed);
    let default = Memo::new(move |_| nav.state.with(dates_only));
    let page = Memo::new(move |_| Page::of(total, nav.state.with(|s| s.page_number()), PAGE_SIZE));
    // The static first page stands for page 1 while the page's script shows it.
    let static_shown = StoredValue::new(static_first_page_shown());
    let tries = RwSignal::new(0u32);
    let wanted = Memo::new(move |_| {
        let manifest = d.manifest.as_ref().filter(|m| !m.list.is_empty())?;
        if !default.get() {
            return None;
        }
        let page = page.get();
        if page.number == 1 && static_shown.get_value() {
            return None;
        }
        // The static first page goes once another page is drawn in its place.
        static_shown.set_value(false);
        let at = manifest.list_part_of(page.range.start)?;
        Some((at, manifest.list.get(at)?.clone()))
    });
    // The part last read, where this page is in it: back from a record, the list
    // is drawn at once, and the record's link found and focused where it stood.
    let read = wanted.get_untracked().and_then(|(at, entry)| {
        // A page other than the static one: the stand-ins go, static first page and all.
        remove_stand_in();
        last_read(&LAST_READ, &entry.file).map(|rows| (at, rows))
    });
    let part = part_for_page(wanted, tries, read, |entry: ListEntry, retry| async move {
        cached_list_part(&entry, retry).await
    });
    let list = move || {
        let Some((at, entry)) = wanted.get() else {
            let page = page.get();
            let pager = (default.get() && total > 0).then(|| view! { <Pager page items=total/> });
            return view! { <StaticFirstPage/> {pager} }.into_any();
        };
        let page = page.get();
        let range = page.range.clone();
        page_in_part(View::Events, total, page, at, part.get(), tries, |rows| {
            let from = range.start - entry.first;
            let to = (range.end - entry.first).min(rows.len());
            let shown = rows[from.min(to)..to].to_vec();
            view! { <div class="timeline"><PageRows rows=shown/></div> }.into_any()
        })
    };
    // The year box, where the list is in pages: it stays while pages change.
    view! {
        {move || (default.get() && total > 0).then(|| view! { <YearJump/> })}
        {list}
    }
}

/// The part of the list `entry`: the one last read, else fetched (afresh on a
/// `retry`), and then the one last read.
async fn cached_list_part(
    entry: &ListEntry,
    retry: bool,
) -> Result<Arc<Vec<ListRow>>, LoadFailure> {
    if let Some(rows) = last_read(&LAST_READ, &entry.file).filter(|_| !retry) {
        return Ok(rows);
    }
    let rows = Arc::new(loader::list_part(entry, retry).await?);
    keep_read(&LAST_READ, entry.file.clone(), rows.clone());
    Ok(rows)
}

/// A box that goes to the page where the events of a year begin: the list is in
/// date order, so a reader can reach a year without reading the whole corpus.
/// It names the page, not how many events the year has: that takes the corpus.
#[component]
fn YearJump() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let l = lang();
    let t = l.strings();
    let typed = RwSignal::new(String::new());
    let said = RwSignal::new(None::<String>);
    let go = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let text = typed.get_untracked();
        // Typed as a date filter takes it: either calendar, either script of digits.
        let Ok(end) = TypedEnd::read(text.trim(), Calendar::Gregorian) else {
            said.set(Some(fill(t.year_unread, &[text.trim()])));
            return;
        };
        let year = end.gregorian().0.year;
        let Some(manifest) = d.manifest.clone() else {
            return;
        };
        said.set(Some(t.loading.into()));
        spawn_local(async move {
            let place = match manifest.list_year(year) {
                YearInList::At(place) => Some(place),
                YearInList::Nowhere => None,
                YearInList::InPart(at) => {
                    let Some(entry) = manifest.list.get(at) else {
                        return;
                    };
                    match cached_list_part(entry, false).await {
                        Ok(rows) => manifest.list_year_in(at, &rows, year),
                        Err(failure) => {
                            said.set(Some(failure.message(l)));
                            return;
                        }
                    }
                }
            };
            match place {
                Some(place) => {
                    said.set(None);
                    nav.update(Entry::Push, |s| s.page = place / PAGE_SIZE + 1);
                }
                None => said.set(Some(fill(t.year_none, &[&l.year(year)]))),
            }
        });
    };
    view! {
        <form class="year-jump" on:submit=go>
            <label for="year-jump">{t.year_jump}</label>
            <input id="year-jump" type="text" inputmode="numeric" size="6" autocomplete="off"
                prop:value=typed on:input=move |e| typed.set(event_target_value(&e))/>
            <button type="submit">{t.year_go}</button>
            <p role="status" class="hint">{move || said.get()}</p>
        </form>
    }
}

/// Whether the address asks for a list of which pages can be read before the
/// corpus: no record, the events view (any page of it), and no filter but a
/// date range, or but actors, kinds and words searched for, and a date range;
/// or the claims or the sources view with no filter but a date range.
pub fn shows_list(state: &UrlState) -> bool {
    dates_only(state) || actors_only(state) || sought_only(state) || view_only(state)
}

/// Whether the address asks for the default list, or that list over a date
/// range: no record, the events view, no filter but a date range (a search
/// with no word in it, "–" or "?", keeps every event, as the app's does).
fn dates_only(state: &UrlState) -> bool {
    state.record.is_none() && state.view == View::Events && dates_alone(&state.filter)
}

/// Whether a filter is a date range at most (its words none a search finds).
pub(super) fn dates_alone(f: &Filter) -> bool {
    let no_words = query_words(&f.text).is_empty();
    let dates_only = Filter {
        from: f.from.clone(),
        to: f.to.clone(),
        include_undated: f.include_undated,
        text: if no_words {
            f.text.clone()
        } else {
            String::new()
        },
        ..Filter::default()
    };
    *f == dates_only
}

/// A page's rows, grouped by the year each event starts in, as the events list
/// groups them, each year in a region named by `label` (a template for the
/// year); undated last.
#[component]
pub(super) fn PageRows(
    rows: Vec<ListRow>,
    #[prop(default = "{0}")] label: &'static str,
) -> impl IntoView {
    let l = lang();
    let t = l.strings();
    let year = |at: u32| {
        rows[at as usize]
            .year()
            .map_or(t.undated_heading.to_string(), |y| l.year(y))
    };
    let places: Vec<u32> = (0..rows.len() as u32).collect();
    let groups = runs(&places, year);
    let rows = Arc::new(rows);
    let item = move |at: u32| {
        let ListRow(id, date, title, summary) = rows[at as usize].clone();
        view! {
            <li class="record event">
                <p class="meta"><DateText date/></p>
                <h4 dir="auto"><RecordLink id><span dir="auto">{title}</span></RecordLink></h4>
                <p dir="auto">{summary}</p>
            </li>
        }
        .into_any()
    };
    year_sections(groups, label, item)
}

/// Whether the page's script shows the static first page, in the language the
/// app speaks: it does only for an address with no filter, record or view.
fn static_first_page_shown() -> bool {
    let code = lang().code();
    let shown = document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(&format!("first-page-{code}")));
    shown
        && document()
            .get_element_by_id(&format!("first-page-{code}"))
            .is_some()
}

/// Removes the page's stand-ins (`index.html`): the app's main landmark is now
/// the page's one.
fn remove_stand_in() {
    if let Some(stand_in) = document().get_element_by_id("stand-in") {
        stand_in.remove();
    }
}

/// The static first page the build wrote into the page (`first-page-en`,
/// `first-page-fa`), moved under the notice: the list's first page, while a
/// corpus read only on request waits for the reader.
#[component]
fn StaticFirstPage() -> impl IntoView {
    let slot = NodeRef::<leptos::html::Div>::new();
    slot.on_load(|slot| {
        for l in dossier::i18n::Lang::ALL {
            if let Some(page) = document().get_element_by_id(&format!("first-page-{}", l.code())) {
                let _ = slot.append_child(&page);
            }
        }
        remove_stand_in();
    });
    view! { <div node_ref=slot></div> }
}
