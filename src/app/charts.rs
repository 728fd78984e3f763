//! Pictures of the record, each also a way in: the death tolls claimed for an
//! event, every figure as its claimant states it; and who characterised what
//! how. Drawn by our own code; each has a table of the same figures.

use dossier::corpus::model::{Claim, DateSpec};
use dossier::corpus::vocab;
use dossier::i18n::{fill, Lang};
use dossier::publish::views::{ChartMatrix, ChartRow};
use dossier::query::charts::{
    figure, log_axis, log_position, who_said_what_in, Bound, Figure, CLAIMANTS_SHOWN, TOLLS_SHOWN,
    WORD_RANGES,
};
use dossier::query::filter::{Facet, Filter, Outcome};
use dossier::query::url_state::UrlState;
use dossier::query::url_state::View;
use leptos::prelude::*;

use super::bits::{data, lang, thousands, DateText};
use super::nav::{follow_state_links, Nav, RecordLink};

/// A row of the table of death tolls: the claim, its figure as written, who
/// states it, when, and the source that reports it.
pub struct TollLine {
    pub id: String,
    pub figure: String,
    pub who: AnyView,
    pub date: Option<DateSpec>,
    pub source: AnyView,
}

/// Every death-toll figure in view, side by side with who states it: `lines`,
/// the first of `total` (`query::charts::death_tolls`). Never merged.
pub fn tolls_section(lines: Vec<TollLine>, total: usize) -> impl IntoView {
    let t = lang().strings();
    let body = lines
        .into_iter()
        .map(|line| {
            let TollLine { id, figure, who, date, source } = line;
            view! {
                <tr role="row">
                    <td role="cell" class="figure" data-label=t.figure><RecordLink id><span dir="auto">{figure}</span></RecordLink></td>
                    <td role="cell" data-label=t.claimed_by>{who}</td>
                    <td role="cell" data-label=t.made><DateText date/></td>
                    <td role="cell" class="reported-in" data-label=t.reported_in>{source}</td>
                </tr>
            }
        })
        .collect_view();
    let cut = (total > TOLLS_SHOWN).then(|| {
        view! {
            <p class="hint">{fill(t.tolls_cut, &[&thousands(TOLLS_SHOWN), &thousands(total)])}</p>
        }
    });
    view! {
        <section class="tolls" aria-labelledby="tolls-title">
            <h3 id="tolls-title">{t.tolls_title}</h3>
            <p class="hint">{t.tolls_hint}</p>
            {cut}
            // A card per row on a phone (style/main.css): the roles keep it a
            // table to assistive technology when its parts are no longer laid
            // out as one.
            <div class="table-wrap">
                <table class="toll-table cards" role="table">
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">{t.figure}</th><th scope="col" role="columnheader">{t.claimed_by}</th>
                        <th scope="col" role="columnheader">{t.made}</th><th scope="col" role="columnheader">{t.reported_in}</th>
                    </tr></thead>
                    <tbody role="rowgroup">{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The words a figure's mark is read out as: "more than 30,000".
fn figure_words(claim: &Claim) -> String {
    claim
        .death_toll
        .as_ref()
        .map(|t| t.as_written.clone())
        .unwrap_or_default()
}

/// One claim's mark on the axis: a dot for a number, a dot with an arrow for
/// a bound, a bar for a range of words.
fn mark(f: &Figure, min: u64, max: u64) -> impl IntoView {
    let at = |v: u64| format!("{:.2}%", 2.0 + 96.0 * log_position(v, min, max));
    let (low, high) = (f.low.map(at), f.high.map(at));
    match (f.bound, low, high) {
        (Bound::Words, Some(l), Some(h)) => view! {
            <line class="range" x1=l.clone() x2=h.clone() y1="12" y2="12"/>
            <line class="range-end" x1=l.clone() x2=l y1="6" y2="18"/>
            <line class="range-end" x1=h.clone() x2=h y1="6" y2="18"/>
        }
        .into_any(),
        (Bound::AtLeast | Bound::MoreThan, Some(l), _) => view! {
            <line class="bound" x1=l.clone() x2="99%" y1="12" y2="12"/>
            <circle class="point" class:open=f.bound == Bound::MoreThan cx=l cy="12" r="5"/>
        }
        .into_any(),
        (Bound::UpTo | Bound::Nearly, _, Some(h)) => view! {
            <line class="bound" x1="1%" x2=h.clone() y1="12" y2="12"/>
            <circle class="point" class:open=f.bound == Bound::Nearly cx=h cy="12" r="5"/>
        }
        .into_any(),
        (_, Some(l), _) => view! {
            <circle class="point" class:about=f.bound == Bound::About cx=l cy="12" r="5"/>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// Every death-toll figure claimed for an event, side by side on one
/// logarithmic axis, each naming its claimant and date and opening its claim.
#[component]
pub fn DeathTollChart(claims: Vec<usize>) -> impl IntoView {
    let d = data();
    let all = &d.index.corpus.claims;
    let mut rows: Vec<(&Claim, Figure)> = claims
        .iter()
        .filter_map(|&c| {
            let claim = &all[c];
            claim
                .death_toll
                .as_ref()
                .and_then(figure)
                .map(|f| (claim, f))
        })
        .collect();
    if rows.is_empty() {
        return ().into_any();
    }
    rows.sort_by_key(|(_, f)| (f.low.or(f.high), f.high));
    let l = lang();
    let t = l.strings();
    let when_of = |claim: &Claim| {
        claim
            .date
            .as_ref()
            .map_or(t.undated.into(), |date| l.date_spec(date))
    };
    let figures: Vec<Figure> = rows.iter().map(|(_, f)| *f).collect();
    let table = rows
        .iter()
        .map(|(claim, f)| {
            let range = match (f.low, f.high) {
                (Some(l), Some(h)) if l == h => thousands(l as usize),
                (Some(l), Some(h)) => {
                    format!("{} – {}", thousands(l as usize), thousands(h as usize))
                }
                (Some(l), None) => fill(t.or_more, &[&thousands(l as usize)]),
                (None, Some(h)) => fill(t.up_to, &[&thousands(h as usize)]),
                (None, None) => String::new(),
            };
            let (words, who) = (figure_words(claim), d.index.claimant_label_in(claim, &t.speaker).into_owned());
            let when = when_of(claim);
            view! {
                <tr>
                    <td><RecordLink id=claim.id.clone()><span dir="auto">{words}</span></RecordLink></td>
                    <td>{range}</td>
                    <td dir="auto">{who}</td>
                    <td>{when}</td>
                </tr>
            }
        })
        .collect_view();
    let (min, max, ticks) = log_axis(&figures);
    let n = rows.len();
    let body = rows
        .into_iter()
        .map(|(claim, f)| {
            let who = d.index.claimant_label_in(claim, &t.speaker).into_owned();
            let when = when_of(claim);
            let words = figure_words(claim);
            let name = fill(t.toll_mark, &[&words, &who, &when]);
            let shown = words.clone();
            view! {
                <li>
                    <RecordLink id=claim.id.clone()>
                        <span class="toll-label"><strong dir="auto">{shown}</strong>" · " <span dir="auto">{who.clone()}</span> " · " {when.clone()}</span>
                        <svg class="toll-track" width="100%" height="24"
                            role="img" aria-label=name>
                            <title>{fill(t.toll_mark_title, &[&words, &who, &when])}</title>
                            <line class="track" x1="1%" x2="99%" y1="12" y2="12"/>
                            {mark(&f, min, max)}
                        </svg>
                    </RecordLink>
                </li>
            }
        })
        .collect_view();
    let axis = ticks
        .into_iter()
        .map(|t| {
            let x = format!("{:.2}%", 2.0 + 96.0 * log_position(t, min, max));
            view! { <text x=x y="14" text-anchor="middle">{thousands(t as usize)}</text> }
        })
        .collect_view();
    let words = WORD_RANGES
        .iter()
        .map(|(w, lo, hi)| {
            fill(
                t.word_range,
                &[
                    l.term(&vocab::TOLL_QUALIFIERS, w),
                    &thousands(*lo as usize),
                    &thousands(*hi as usize),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(t.comma);
    view! {
        <figure class="toll-chart" aria-labelledby="toll-chart-title">
            <figcaption id="toll-chart-title">
                {fill(t.tolls_chart_title, &[&l.number(n)])}
            </figcaption>
            <ol class="toll-rows">{body}</ol>
            <svg class="toll-axis" width="100%" height="18" aria-hidden="true">{axis}</svg>
            <p class="hint">{fill(t.tolls_legend, &[&words])}</p>
            <details class="toll-table">
                <summary>{t.same_figures}</summary>
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{t.figure_as_written}</th><th scope="col">{t.as_drawn}</th>
                            <th scope="col">{t.claimed_by}</th><th scope="col">{t.made}</th>
                        </tr></thead>
                        <tbody>{table}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
    .into_any()
}

/// Who characterised the events how: claimants against legal terms, over the
/// claims the filters keep. Each count opens those claims. A table, so it is
/// its own text alternative; shading shows the counts at a glance.
#[component]
pub fn WhoSaidWhat() -> impl IntoView {
    let outcome = expect_context::<Memo<Outcome>>();
    let applied = expect_context::<RwSignal<(Filter, dossier::query::url_state::View)>>();
    let d = data();
    let l = lang();
    let t = l.strings();
    let nav = expect_context::<Nav>();
    let follow = follow_state_links(nav);
    let matrix = {
        let d = d.clone();
        Memo::new(move |_| {
            outcome.with(|o| who_said_what_in(&d.index, o, CLAIMANTS_SHOWN, &t.speaker))
        })
    };
    move || {
        // Redrawn with every applied filter: the links carry it in their address.
        applied.track();
        let matrix = ChartMatrix::of(&d.index, &matrix.get());
        matrix_section(matrix, nav.state.get_untracked(), follow.clone())
    }
}

/// Who said what (`matrix`), as a table whose every count links to its claims:
/// `here`, the state on screen, with the claimant and the term chosen.
pub fn matrix_section(
    matrix: ChartMatrix,
    here: UrlState,
    follow: impl Fn(leptos::ev::MouseEvent) + Clone + 'static,
) -> AnyView {
    let l = lang();
    let t = l.strings();
    if matrix.rows.is_empty() {
        return ().into_any();
    }
    let most = (matrix.rows.iter())
        .flat_map(|r| r.2.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let head = (matrix.terms.iter())
        .map(|term| view! { <th scope="col">{l.term(&vocab::LEGAL_TERMS, term)}</th> })
        .collect_view();
    let terms = matrix.terms.clone();
    // Every count is a plain link from the state on screen, followed by one
    // handler on the table: 135 links cost no components.
    let rows = (matrix.rows.into_iter())
        .map(|ChartRow(actor_id, label, counts)| {
            let shown = label.clone();
            let name = match &actor_id {
                Some(id) => view! { <RecordLink id=id.clone()><span dir="auto">{shown}</span></RecordLink> }.into_any(),
                None => view! { <span class="author-voice" dir="auto">{shown}</span> }.into_any(),
            };
            let cells = (counts.iter().zip(&terms))
                .map(|(&count, term)| {
                    let level = (count as usize * 4).div_ceil(most as usize);
                    if count == 0 {
                        return view! { <td class="level-0"><span class="visually-hidden">"0"</span></td> }.into_any();
                    }
                    let aria = cell_label(l, count as usize, &label, term);
                    // The claims of this cell: its claimant and term added to the filters.
                    let mut to = here.clone();
                    to.view = View::Claims;
                    to.record = None;
                    to.filter.actors = actor_id.clone().into_iter().collect();
                    to.filter.choose(Facet::LegalTerms, term);
                    let href = to.to_query();
                    view! {
                        <td class=format!("level-{level}")>
                            <a href=href data-state="" aria-label=aria>{l.number(count as usize)}</a>
                        </td>
                    }
                    .into_any()
                })
                .collect_view();
            view! { <tr><th scope="row">{name}</th>{cells}</tr> }
        })
        .collect_view();
    let more = (matrix.more > 0).then(|| {
        view! { <p class="hint">{fill(t.matrix_more, &[&l.number(matrix.more)])}</p> }
    });
    view! {
        <section class="matrix" aria-labelledby="matrix-title">
            <h3 id="matrix-title">{t.matrix_title}</h3>
            <p class="hint">{t.matrix_hint}</p>
            <div class="table-wrap">
                <table on:click=follow>
                    <thead><tr><th scope="col">{t.claimant}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {more}
        </section>
    }
    .into_any()
}

/// What a matrix count says to a screen reader: "3 claims by X as genocide".
fn cell_label(l: Lang, count: usize, who: &str, term: &str) -> String {
    fill(
        l.strings().matrix_cell.pick(count),
        &[&l.number(count), who, l.term(&vocab::LEGAL_TERMS, term)],
    )
}

/// The claims about an event that give a death toll.
pub fn tolls_about(event: usize) -> Vec<usize> {
    let d = data();
    d.index.events[event]
        .related
        .claims
        .iter()
        .copied()
        .filter(|&c| d.index.corpus.claims[c].death_toll.is_some())
        .collect()
}
