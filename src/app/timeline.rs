//! The timeline above a list: how many records fall in each period, drawn with
//! their precision, and a brush that sets the date range. Dragging across the
//! bars brushes with a pointer; two sliders under them do the same by keyboard
//! and screen reader. Zoom moves the window the timeline shows, kept in `?tl=`.

use std::rc::Rc;

use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::query::filter::Outcome;
use dossier::query::timeline::{
    brush_range, covered, extent, shown_over, zoom_out, Timeline, TimelineCounts, Window,
};
use leptos::prelude::*;

use super::bits::{data, details_opened, lang};
use super::fold::{FetchWhenOpen, FetchedFold};
use super::nav::{Entry, Nav};

/// The bars' height in pixels.
const HEIGHT: f64 = 80.0;

/// Each kind's whole span of dates, worked out once: the timeline shows it
/// unless zoomed, and scanning 50,000 dates on every change of view would show.
#[derive(Clone, Copy)]
pub struct Extents([Option<Window>; 3]);

impl Extents {
    pub fn new(index: &dossier::query::index::Index) -> Extents {
        Extents([Kind::Event, Kind::Claim, Kind::Source].map(|k| extent(index, k)))
    }

    fn of(&self, kind: Kind) -> Option<Window> {
        match kind {
            Kind::Event => self.0[0],
            Kind::Claim => self.0[1],
            Kind::Source => self.0[2],
            Kind::Actor => None,
        }
    }
}

/// What the parts of one timeline share: the counts per period, the brushed
/// periods, and the address to set a range or zoom in.
#[derive(Clone, Copy)]
struct Chart {
    nav: Nav,
    chart: Memo<Option<Timeline>>,
    range: Memo<Option<(usize, usize)>>,
}

impl Chart {
    /// The chart of the counts `chart`, marking the address's date range.
    fn new(nav: Nav, chart: Memo<Option<Timeline>>) -> Chart {
        let range = Memo::new(move |_| {
            let dates = nav.state.with(|s| s.filter.window().0);
            chart.with(|c| c.as_ref().and_then(|t| covered(t, dates.from, dates.to)))
        });
        Chart { nav, chart, range }
    }

    /// Sets the date range to periods `i` to `j`.
    fn brush(self, i: usize, j: usize) {
        let Some((from, to)) = self
            .chart
            .with_untracked(|c| c.as_ref().map(|t| brush_range(t, i, j)))
        else {
            return;
        };
        self.nav.update(Entry::Push, |s| {
            s.filter.from = from;
            s.filter.to = to;
        });
    }

    /// How many periods are drawn (at least one, for the viewBox).
    fn periods(self) -> usize {
        self.chart
            .with(|c| c.as_ref().map_or(1, |t| t.buckets.len().max(1)))
    }

    /// The last period's position.
    fn last(self) -> usize {
        self.chart
            .with(|c| c.as_ref().map_or(0, |t| t.buckets.len().saturating_sub(1)))
    }
}

/// The timeline for the records of `kind`, following every filter but the date.
#[component]
pub fn TimelineChart(kind: Kind) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let d = data();
    let whole = expect_context::<Extents>().of(kind);
    let window = Memo::new(move |_| {
        nav.state
            .with(|s| s.timeline.as_deref().and_then(Window::parse))
            .or(whole)
    });
    // What the timeline counts changes with every filter but the date: a new
    // date range only moves the highlight, without counting again.
    let base = Memo::new(move |_| outcome.with(|o| o.kept_but_date.clone()));
    let chart = Memo::new(move |_| {
        let w = window.get()?;
        Some(base.with(|records| shown_over(&d.index, records, kind, &w)))
    });
    if whole.is_none() {
        return ().into_any();
    }
    let parts = Chart::new(nav, chart);
    drawn(
        kind,
        parts,
        Some(view! { <Zoom chart=parts window whole/> }.into_any()),
    )
}

/// The timeline above a list in pages, for no filter or a date range alone:
/// the build's counts (`publish::views::ListTimelines`), the same as the
/// app's; its brush sets the date range, and its zoom the window (`?tl=`), as
/// the app's do: zoomed, the list's days count it again (`app::zoomed`).
#[component]
pub fn TimelineInPages(kind: Kind, counts: TimelineCounts) -> impl IntoView {
    view! { <TimelineCounted kind timeline=counts.timeline() whole=counts.extent/> }
}

/// A timeline counted before the corpus is in, drawn as the app's; zoomed in
/// and out as the app's is, where `whole`, the span of its kind's dates, is
/// known.
#[component]
pub fn TimelineCounted(kind: Kind, timeline: Timeline, whole: Option<Window>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let chart = Memo::new(move |_| Some(timeline.clone()));
    let parts = Chart::new(nav, chart);
    let zoom = whole.map(|whole| {
        let window = Memo::new(move |_| {
            (nav.state
                .with(|s| s.timeline.as_deref().and_then(Window::parse)))
            .or(Some(whole))
        });
        view! { <Zoom chart=parts window whole=Some(whole)/> }.into_any()
    });
    drawn(kind, parts, zoom)
}

/// What counts a timeline in a fold ([`FoldedTimeline`]).
pub type CountTimeline = FetchWhenOpen<Timeline>;

/// A timeline above a list in pages that is counted once its fold is open
/// (`count`, one count at a time), drawn as the app's, zooming where `whole`
/// is known; a failure is named with a retry. It is drawn open as `opened`
/// says; once the reader opens or closes it, `fold` keeps which, so that the
/// next (zoomed in or out) is drawn so.
#[component]
pub fn FoldedTimeline(
    kind: Kind,
    whole: Option<Window>,
    fold: StoredValue<Option<bool>>,
    opened: bool,
    count: CountTimeline,
) -> impl IntoView {
    let t = lang().strings();
    let show: Rc<dyn Fn(Timeline) -> AnyView> =
        Rc::new(move |timeline| view! { <TimelineCounted kind timeline whole/> }.into_any());
    let toggled: Rc<dyn Fn(bool)> = Rc::new(move |opened| fold.set_value(Some(opened)));
    view! {
        <FetchedFold class="tl-fold" summary=t.tl_show fetching=t.tl_counting failed=t.tl_failed
            opened had=None fetch=count show toggled/>
    }
}

/// The timeline of `kind`'s records drawn from `parts`: caption, bars, axis,
/// legend, sliders, the zoom where there is one, and the table of its counts.
fn drawn(kind: Kind, parts: Chart, zoom: Option<AnyView>) -> AnyView {
    let chart = parts.chart;
    let l = lang();
    let s = l.strings();
    let labels = move || {
        chart.with(|c| {
            c.as_ref().map(|t| {
                let first = t
                    .buckets
                    .first()
                    .map(|b| l.period(b.first, t.unit))
                    .unwrap_or_default();
                let last = t
                    .buckets
                    .last()
                    .map(|b| l.period(b.first, t.unit))
                    .unwrap_or_default();
                view! { <p class="tl-axis"><span>{first}</span><span>{last}</span></p> }
            })
        })
    };
    let aside = move || {
        chart.with(|c| {
            c.as_ref().map(|t| {
                let mut parts = vec![fill(s.tl_undated, &[&l.number(t.undated as usize)])];
                if t.outside > 0 {
                    parts.push(fill(s.tl_outside, &[&l.number(t.outside as usize)]));
                }
                parts.join(" · ")
            })
        })
    };
    let caption = move || {
        chart.with(|c| {
            c.as_ref().map_or(String::new(), |t: &Timeline| {
                let period = |b: Option<&dossier::query::timeline::Bucket>| {
                    b.map_or(String::new(), |b| l.period(b.first, t.unit))
                };
                fill(
                    s.tl_caption,
                    &[
                        l.kind(kind).title,
                        l.unit(t.unit),
                        &period(t.buckets.first()),
                        &period(t.buckets.last()),
                    ],
                )
            })
        })
    };
    view! {
        <figure class="timeline-chart" aria-labelledby="tl-caption">
            <figcaption id="tl-caption">{caption}</figcaption>
            <Bars chart=parts/>
            {labels}
            <p class="hint tl-legend">
                <span class="key stated"></span>{s.tl_key_stated}
                <span class="key inferred"></span>{s.tl_key_inferred}
                <span class="key spread"></span>{s.tl_key_spread}
                {aside}
            </p>
            <div class="tl-controls">
                <RangeSlider chart=parts end=false/>
                <RangeSlider chart=parts end=true/>
                {zoom}
            </div>
            <p class="hint">{s.tl_hint}</p>
            <PeriodTable chart=parts/>
        </figure>
    }
    .into_any()
}

/// The bars, three series stacked per period, and the brush a pointer drags
/// across them.
#[component]
fn Bars(chart: Chart) -> impl IntoView {
    let rtl = lang().dir() == "rtl";
    // A drag in progress: the period it started on and the one it is over.
    let drag = RwSignal::new(None::<(usize, usize)>);
    let period_at = move |e: &web_sys::PointerEvent| -> Option<usize> {
        use wasm_bindgen::JsCast;
        let svg: web_sys::Element = e.current_target()?.dyn_into().ok()?;
        let rect = svg.get_bounding_client_rect();
        let n = chart
            .chart
            .with_untracked(|c| c.as_ref().map_or(0, |t| t.buckets.len()));
        if n == 0 || rect.width() <= 0.0 {
            return None;
        }
        // Right to left, time runs from the right edge (the bars are mirrored in CSS).
        let from_start = if rtl {
            rect.right() - e.client_x() as f64
        } else {
            e.client_x() as f64 - rect.left()
        };
        let x = from_start / rect.width();
        Some(((x * n as f64).floor().max(0.0) as usize).min(n - 1))
    };
    let down = move |e: web_sys::PointerEvent| {
        if let Some(i) = period_at(&e) {
            use wasm_bindgen::JsCast;
            if let Some(el) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            drag.set(Some((i, i)));
        }
    };
    let moved = move |e: web_sys::PointerEvent| {
        if let (Some((start, _)), Some(i)) = (drag.get_untracked(), period_at(&e)) {
            drag.set(Some((start, i)));
        }
    };
    let up = move |e: web_sys::PointerEvent| {
        if let Some((start, end)) = drag.get_untracked() {
            let end = period_at(&e).unwrap_or(end);
            drag.set(None);
            chart.brush(start, end);
        }
    };
    let cancel = move |_| drag.set(None);

    // Three paths, one per series, in a viewBox one unit wide per period: a
    // redraw replaces three elements, not three per period.
    let bars = move || {
        chart.chart.with(|c| {
            let Some(t) = c else { return ().into_any() };
            let top = t
                .buckets
                .iter()
                .map(|b| b.stated + b.inferred + b.spread)
                .max()
                .unwrap_or(0)
                .max(1) as f64;
            let h = |v: u32| v as f64 / top * HEIGHT;
            let (mut stated, mut inferred, mut spread) =
                (String::new(), String::new(), String::new());
            for (i, b) in t.buckets.iter().enumerate() {
                let x = i as f64 + 0.1;
                let (hs, hi, hp) = (h(b.stated), h(b.inferred), h(b.spread));
                let base = HEIGHT + 4.0;
                let bar = |out: &mut String, bottom: f64, height: f64| {
                    if height > 0.0 {
                        out.push_str(&format!(
                            "M{x:.2} {bottom:.2}v{:.2}h0.8v{height:.2}z",
                            -height
                        ));
                    }
                };
                bar(&mut stated, base, hs);
                bar(&mut inferred, base - hs, hi);
                bar(&mut spread, base - hs - hi, hp);
            }
            view! {
                <path class="stated" d=stated/>
                <path class="inferred" d=inferred/>
                <path class="spread" d=spread/>
            }
            .into_any()
        })
    };
    // The brushed range on its own: a new date range, or a drag, moves one
    // rectangle without drawing the bars again.
    let selection = move || {
        let shown = drag
            .get()
            .map(|(a, b)| (a.min(b), a.max(b)))
            .or(chart.range.get());
        shown.map(|(a, b)| {
            view! { <rect class="selected" x=a as f64 y="0" width=(b + 1 - a) as f64 height=HEIGHT + 4.0/> }
        })
    };
    view! {
        <svg class="tl-bars" width="100%" height=HEIGHT + 4.0 aria-hidden="true"
            viewBox=move || format!("0 0 {} {}", chart.periods(), HEIGHT + 4.0) preserveAspectRatio="none"
            on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=cancel>
            {selection}
            {bars}
        </svg>
    }
}

/// The keyboard brush: one slider for the first period of the range, one for
/// the last.
#[component]
fn RangeSlider(chart: Chart, end: bool) -> impl IntoView {
    let l = lang();
    let s = l.strings();
    let value = move || {
        chart
            .range
            .get()
            .map(|(a, b)| if end { b } else { a })
            .unwrap_or_else(|| if end { chart.last() } else { 0 })
    };
    let text = move || {
        chart.chart.with(|c| {
            c.as_ref()
                .and_then(|t| t.buckets.get(value()).map(|b| l.period(b.first, t.unit)))
                .unwrap_or_default()
        })
    };
    let set = move |e: leptos::ev::Event| {
        let Ok(i) = event_target_value(&e).parse::<usize>() else {
            return;
        };
        let (a, b) = chart.range.get_untracked().unwrap_or((0, chart.last()));
        if end {
            chart.brush(a.min(i), i.max(a));
        } else {
            chart.brush(i.min(b), b.max(i));
        }
    };
    let id = if end { "tl-to" } else { "tl-from" };
    let label = if end {
        s.tl_range_ends
    } else {
        s.tl_range_starts
    };
    view! {
        <div class="field tl-slider">
            <label for=id>{label}" "<strong>{text}</strong></label>
            <input type="range" id=id min="0" max=move || chart.last() prop:value=move || value().to_string()
                aria-valuetext=text on:change=set/>
        </div>
    }
}

/// Zoom in on the brushed range, or out towards the whole span of dates.
#[component]
fn Zoom(chart: Chart, window: Memo<Option<Window>>, whole: Option<Window>) -> impl IntoView {
    let s = lang().strings();
    let nav = chart.nav;
    let zoom_in = move |_| {
        let target = chart.chart.with_untracked(|c| {
            let t = c.as_ref()?;
            let (a, b) = chart.range.get_untracked()?;
            Some(Window {
                first: t.buckets.get(a)?.first,
                last: t.buckets.get(b)?.last,
            })
        });
        if let Some(w) = target {
            nav.update(Entry::Push, |s| s.timeline = Some(w.to_string()));
        }
    };
    let zoom_out_click = move |_| {
        if let (Some(w), Some(all)) = (window.get_untracked(), whole) {
            let out = zoom_out(&w, &all);
            nav.update(Entry::Push, |s| {
                s.timeline = (out != all).then(|| out.to_string())
            });
        }
    };
    view! {
        <p class="tl-zoom">
            <button type="button" class="small" id="tl-zoom-in" on:click=zoom_in
                disabled=move || chart.range.get().is_none()>{s.tl_zoom_in}</button>
            <button type="button" class="small" id="tl-zoom-out" on:click=zoom_out_click
                disabled=move || nav.state.with(|st| st.timeline.is_none())>{s.tl_zoom_out}</button>
        </p>
    }
}

/// The same counts as a table, for screen readers and for reading figures off.
#[component]
fn PeriodTable(chart: Chart) -> impl IntoView {
    let l = lang();
    let s = l.strings();
    // The table is drawn only while open: closed, it would cost every redraw.
    let table_open = RwSignal::new(false);
    let rows = move || {
        if !table_open.get() {
            return None;
        }
        chart.chart.with(|c| {
            c.as_ref().map(|t| {
                t.buckets
                    .iter()
                    .filter(|b| b.stated + b.inferred + b.spread > 0)
                    .map(|b| {
                        view! {
                            <tr>
                                <th scope="row">{l.period(b.first, t.unit)}</th>
                                <td>{l.number(b.stated as usize)}</td>
                                <td>{l.number(b.inferred as usize)}</td>
                                <td>{l.number(b.spread as usize)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <details class="tl-table" on:toggle=move |e| table_open.set(details_opened(&e))>
            <summary>{s.tl_same_counts}</summary>
            <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col">{s.tl_period}</th><th scope="col">{s.tl_dated_in}</th><th scope="col">{s.tl_inferred}</th><th scope="col">{s.tl_may_fall}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
