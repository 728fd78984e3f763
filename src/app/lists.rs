//! The four list views: events by year, claims, sources, institutions and people.

use dossier::corpus::model::Kind;
use dossier::corpus::vocab;
use dossier::i18n::fill;
use dossier::query::charts::{death_tolls, TOLLS_SHOWN};
use dossier::query::filter::{Filter, Listing, Outcome};
use dossier::query::order::ClaimOrder;
use dossier::query::url_state::{Page, UrlState, View, PAGE_SIZE};
use leptos::prelude::*;

use super::bits::{
    count, data, id_links, lang, thousands, ActorName, Claimant, DateText, IdLink, ReachNote,
};
use super::charts::{tolls_section, TollLine, WhoSaidWhat};
use super::nav::{Entry, Nav, RecordLink, StateLink};
use super::takeaway::ExportBar;
use super::timeline::TimelineChart;
use super::SearchIndexing;

/// Splits an ordered list into runs that share a heading, keeping the order.
pub(super) fn runs(items: &[u32], heading: impl Fn(u32) -> String) -> Vec<(String, Vec<u32>)> {
    let mut groups: Vec<(String, Vec<u32>)> = Vec::new();
    for &item in items {
        let h = heading(item);
        match groups.last_mut() {
            Some((current, list)) if *current == h => list.push(item),
            _ => groups.push((h, vec![item])),
        }
    }
    groups
}

/// The view tabs, each with how many records match the filters.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let outcome = expect_context::<Memo<Outcome>>();
    view_tabs(move |view| Some(outcome.with(|o| o.count(view.kind()))))
}

/// The view tabs, each with its count where `count` gives one.
pub(super) fn view_tabs(
    count: impl Fn(View) -> Option<usize> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let l = lang();
    let tabs = View::ALL
        .into_iter()
        .map(|view| {
            let n = move || {
                count(view).map(
                    |n| view! { " " <span class="count">{format!("({})", l.number(n))}</span> },
                )
            };
            let current = move || nav.state.with(|s| s.view == view && s.record.is_none());
            let change = move |s: &mut UrlState| {
                s.view = view;
                s.record = None;
            };
            view! {
                <li class:current=current>
                    <StateLink change>{l.view_label(view)}{n}</StateLink>
                </li>
            }
        })
        .collect_view();
    view! { <nav class="tabs" aria-label=l.strings().views><ul>{tabs}</ul></nav> }
}

/// The list for the view in the address.
#[component]
pub fn CurrentList() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let search = expect_context::<SearchIndexing>();
    // Only a change of view or of pending redraws the whole list from here.
    let pending = Memo::new(move |_| outcome.with(|o| o.search_pending));
    let view = Memo::new(move |_| nav.state.with(|s| s.view));
    let l = lang();
    let t = l.strings();
    let language = corpus_language();
    move || {
        let view = view.get();
        // The language in one line; what follows from it is folded on a phone,
        // so the first screen still shows records.
        let language = language.clone().map(|(lead, more)| {
            view! {
                <details class="corpus-language" open=wide_screen()>
                    <summary>{lead}</summary>
                    <p>{more}</p>
                </details>
            }
        });
        if pending.get() {
            // Rather than a list that ignores the search, say it is on its way.
            let done = search.0.get().unwrap_or(1.0);
            return view! {
                <h2 class="list-title" id="list-title">{l.view_label(view)}</h2>
                <p role="status" class="pending">
                    {fill(t.preparing_search, &[&l.percent(done)])}
                </p>
            }
            .into_any();
        }
        let list = match view {
            View::Events => view! { <EventsList/> }.into_any(),
            View::Claims => view! { <ClaimsList/> }.into_any(),
            View::Sources => view! { <SourcesList/> }.into_any(),
            View::Actors => view! { <ActorsList/> }.into_any(),
        };
        // On a phone the timeline folds behind its name, so the first screen
        // shows records; a wider screen has room for both, open.
        let chart = (view != View::Actors).then(|| {
            view! {
                <details class="tl-fold" open=wide_screen()>
                    <summary>{t.tl_show}</summary>
                    <TimelineChart kind=view.kind()/>
                </details>
            }
        });
        view! {
            {language}
            {chart}
            {list}
            <details class="takeaway">
                <summary>{t.export_summary}</summary>
                <ExportBar/>
            </details>
        }
        .into_any()
    }
}

/// Whether the screen is wider than a phone's.
pub(super) fn wide_screen() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 600.0)
}

/// Where the list begins, once: the language of the records, when it is not
/// the interface's ("The records of this corpus are in English." in Persian),
/// then that they are shown as written, and whether names are given in the
/// interface's language too.
fn corpus_language() -> Option<(String, String)> {
    let d = data();
    let l = lang();
    let t = l.strings();
    let code = d.index.corpus.meta.language();
    if code == l.code() {
        return None;
    }
    let lead = fill(t.corpus_language, &[&l.language_name(&code)]);
    let mut text = t.corpus_language_more.to_string();
    if d.index
        .corpus
        .actors
        .iter()
        .any(|a| a.names_in(l.code()).next().is_some())
    {
        text.push(' ');
        text.push_str(t.corpus_language_names);
    }
    Some((lead, text))
}

/// Shows its children one task after it is drawn: what the reader came for
/// (the list) is on screen first, and the pictures beside it follow.
#[component]
fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    view! { <Show when=move || ready.get()>{children()}</Show> }
}

/// Says that nothing matches, and offers to clear the filters.
#[component]
pub(super) fn NothingMatches(kind: Kind) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let l = lang();
    view! {
        <div class="empty" role="status">
            <p>{l.kind(kind).none_match}</p>
            <button type="button" on:click=move |_| nav.clear_filters()>
                {l.strings().clear_all}
            </button>
        </div>
    }
}

pub(super) fn heading(view: View, shown: usize, total: usize) -> impl IntoView {
    let text = heading_text(view, shown, total);
    view! { <h2 class="list-title" id="list-title" aria-live="polite">{text}</h2> }
}

/// A list's heading: its name, and how many of its records are shown.
pub(super) fn heading_text(view: View, shown: usize, total: usize) -> String {
    let l = lang();
    if shown == total {
        format!("{} ({})", l.view_label(view), l.number(total))
    } else {
        fill(
            l.strings().heading_some,
            &[l.view_label(view), &l.number(shown), &l.number(total)],
        )
    }
}

/// The kept records of a kind in display order, and the page of them in the
/// address. It changes with every applied filter, even one that keeps the same
/// records, since the links drawn from it carry the filters in their address.
fn paged(kind: Kind) -> Memo<(Listing, Page, Filter)> {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let applied = expect_context::<RwSignal<(Filter, View)>>();
    let d = data();
    let order = Memo::new(move |_| nav.state.with(|s| s.claim_order));
    let listing = Memo::new(move |_| {
        let order = order.get();
        outcome.with(|o| o.listing(&d.index, kind, order))
    });
    let requested = Memo::new(move |_| nav.state.with(|s| s.page_number()));
    Memo::new(move |_| {
        let requested = requested.get();
        let filter = applied.with(|(f, _)| f.clone());
        listing.with(|l| {
            (
                l.clone(),
                Page::of(l.items.len(), requested, PAGE_SIZE),
                filter,
            )
        })
    })
}

/// Which records the page shows, then links to the other pages: real links,
/// so every page, and every record on it, is reachable by keyboard and
/// screen reader, and each page has its own address.
#[component]
pub(super) fn Pager(page: Page, items: usize) -> impl IntoView {
    if page.count <= 1 {
        return ().into_any();
    }
    let t = lang().strings();
    let link = move |n: usize, label: String, aria: String| {
        let change = move |s: &mut UrlState| s.page = n;
        if n == page.number {
            view! { <li><StateLink change aria_label=aria aria_current="page" fixed=true>{label}</StateLink></li> }.into_any()
        } else {
            view! { <li><StateLink change aria_label=aria fixed=true>{label}</StateLink></li> }
                .into_any()
        }
    };
    let mut numbers: Vec<usize> = vec![
        1,
        page.number.saturating_sub(1),
        page.number,
        page.number + 1,
        page.count,
    ];
    numbers.retain(|&n| n >= 1 && n <= page.count);
    numbers.dedup();
    let mut links = Vec::new();
    if page.number > 1 {
        links.push(link(
            page.number - 1,
            t.previous.into(),
            fill(t.previous_aria, &[&thousands(page.number - 1)]),
        ));
    }
    let mut last = 0;
    for n in numbers {
        if n > last + 1 {
            links.push(view! { <li aria-hidden="true">"…"</li> }.into_any());
        }
        links.push(link(n, thousands(n), fill(t.page_aria, &[&thousands(n)])));
        last = n;
    }
    if page.number < page.count {
        links.push(link(
            page.number + 1,
            t.next.into(),
            fill(t.next_aria, &[&thousands(page.number + 1)]),
        ));
    }
    let shown = fill(
        t.showing_page,
        &[
            &thousands(page.range.start + 1),
            &thousands(page.range.end),
            &thousands(items),
            &thousands(page.number),
            &thousands(page.count),
        ],
    );
    view! {
        <nav class="pager" aria-label=t.pages_label>
            <p>{shown}</p>
            <ul>{links}</ul>
        </nav>
    }
    .into_any()
}

/// Says where the page stands in the list, under the heading.
pub(super) fn page_note(page: &Page, items: usize) -> impl IntoView {
    (page.count > 1).then(|| {
        let text = fill(
            lang().strings().page_note,
            &[
                &thousands(page.range.start + 1),
                &thousands(page.range.end),
                &thousands(items),
            ],
        );
        view! { <p class="hint page-note">{text}</p> }
    })
}

#[component]
fn EventsList() -> impl IntoView {
    let paged = paged(Kind::Event);
    let d = data();
    let l = lang();
    let t = l.strings();
    move || {
        let (listing, page, _) = paged.get();
        let total = d.index.events.len();
        let shown = listing.items.len();
        if shown == 0 {
            return view! { {heading(View::Events, 0, total)} <NothingMatches kind=Kind::Event/> }
                .into_any();
        }
        // Group by the year each event starts in, keeping time order; undated last.
        // Events dated less precisely than the range follow, under their own heading.
        let split = listing.loose_from.clamp(page.range.start, page.range.end);
        let certain = &listing.items[page.range.start..split];
        let maybe = &listing.items[split..page.range.end];
        let index = &d.index;
        let year = |e: u32| {
            index.events[e as usize]
                .span
                .map_or(t.undated_heading.to_string(), |s| l.year(s.year()))
        };
        let item = |e: u32| view! { <EventItem e=e as usize/> }.into_any();
        let body = year_sections(runs(certain, year), "{0}", item);
        let loose = (!maybe.is_empty()).then(|| {
            let years = year_sections(runs(maybe, year), t.loose_year, item);
            loose_section(shown - listing.loose_from, years)
        });
        view! {
            {heading(View::Events, shown, total)}
            {page_note(&page, shown)}
            <div class="timeline">{body}</div>
            {loose}
            <Pager page items=shown/>
        }
        .into_any()
    }
}

/// The events dated less precisely than the date range (`n` of them), under
/// their own heading, each year's drawn by `years`.
pub(super) fn loose_section(n: usize, years: impl IntoView) -> impl IntoView {
    let t = lang().strings();
    view! {
        <section class="maybe" aria-labelledby="maybe-title">
            <h3 id="maybe-title">{fill(t.loose_title, &[&count(n, Kind::Event)])}</h3>
            <p class="hint">{t.loose_hint}</p>
            {years}
        </section>
    }
}

/// The events of each year, each drawn by `item`, each year in a region named
/// by `label` (a template for the year): the less precisely dated events' years
/// take names of their own, so no two regions on the page share one.
pub(super) fn year_sections(
    groups: Vec<(String, Vec<u32>)>,
    label: &'static str,
    item: impl Fn(u32) -> AnyView,
) -> impl IntoView {
    groups
        .into_iter()
        .map(|(year, list)| {
            let items = list.into_iter().map(&item).collect_view();
            let label = fill(label, &[&year]);
            view! {
                <section class="year" aria-label=label>
                    <h3 class="year-title">{year}</h3>
                    <ol class="records">{items}</ol>
                </section>
            }
        })
        .collect_view()
}

#[component]
fn EventItem(e: usize) -> impl IntoView {
    let d = data();
    let t = lang().strings();
    let event = d.index.corpus.events[e].clone();
    let facts = &d.index.events[e];
    let (claims, sources) = (facts.related.claims.len(), facts.related.sources.len());
    let actors: Vec<String> = event.actors.iter().map(|p| p.actor.clone()).collect();
    view! {
        <li class="record event">
            <p class="meta"><DateText date=event.date.clone()/></p>
            <h4 dir="auto"><RecordLink id=event.id.clone()><span dir="auto">{event.title.clone()}</span></RecordLink></h4>
            <p dir="auto">{event.summary.clone()}</p>
            {(!actors.is_empty()).then(|| view! { <div class="involved">{t.involved_lead} {id_links(actors, Kind::Actor)}</div> })}
            <ReachNote kind=Kind::Event idx=e/>
            <p class="counts">{format!("{} · {}", count(claims, Kind::Claim), count(sources, Kind::Source))}</p>
        </li>
    }
}

#[component]
fn ClaimsList() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let paged = paged(Kind::Claim);
    let d = data();
    let l = lang();
    let t = l.strings();
    let set_order = move |e| {
        let key = event_target_value(&e);
        let order = ClaimOrder::from_key(&key).unwrap_or_default();
        nav.update(Entry::Push, |s| s.claim_order = order);
    };
    let order_select = view! {
        <div class="order field">
            <label for="claim-order">{t.group_by}</label>
            <select id="claim-order" on:change=set_order>
                {ClaimOrder::ALL.into_iter().map(|o| view! {
                    <option value=o.key() selected=move || nav.state.with(|s| s.claim_order == o)>{l.order_label(o)}</option>
                }).collect_view()}
            </select>
        </div>
    };
    let total = d.index.claims.len();
    // The heading and where the page stands.
    let head = move || {
        paged.with(|(listing, page, _)| {
            let shown = listing.items.len();
            if shown == 0 {
                return view! { {heading(View::Claims, 0, total)} <NothingMatches kind=Kind::Claim/> }
                    .into_any();
            }
            view! { {heading(View::Claims, shown, total)} {page_note(page, shown)} }.into_any()
        })
    };
    // Death tolls side by side and who said what, on the first page. They
    // update in place; only their first appearance waits for the list. The
    // matrix stays mounted while the first page shows, and follows the filters
    // itself: drawn again with the tolls, it would be built twice per change.
    let first_page = Memo::new(move |_| {
        paged.with(|(listing, page, _)| !listing.items.is_empty() && page.number == 1)
    });
    let extras = {
        let d = d.clone();
        move || {
            // Drawn again whenever the list is.
            paged.track();
            let (tolls, total) = outcome.with_untracked(|o| death_tolls(&d.index, o, TOLLS_SHOWN));
            (total > 0).then(move || view! { <DeathTolls claims=tolls total/> })
        }
    };
    // The body follows the order through a memo: any other change of state
    // reaches it through `paged`, once the filter is applied.
    let order = Memo::new(move |_| nav.state.with(|s| s.claim_order));
    let body = move || {
        let order = order.get();
        paged.with(|(listing, page, _)| {
            let shown = listing.items.len();
            if shown == 0 {
                return ().into_any();
            }
            let index = &d.index;
            let claims = &index.corpus.claims;
            let group_of = |c: u32| -> String {
                let c = c as usize;
                match order {
                    ClaimOrder::Kind => l.term(&vocab::CLAIM_KINDS, &claims[c].kind).to_string(),
                    ClaimOrder::Claimant => {
                        index.claimant_label_in(&claims[c], &t.speaker).into_owned()
                    }
                    ClaimOrder::Date => index.claims[c]
                        .span
                        .map_or(t.undated_heading.into(), |s| l.year(s.year())),
                }
            };
            // A group the previous page began goes on here: say so.
            let continued = page
                .range
                .start
                .checked_sub(1)
                .map(|i| group_of(listing.items[i]));
            let groups = runs(&listing.items[page.range.clone()], group_of);
            let sections = groups
                .into_iter()
                .map(|(name, list)| {
                    let title = if continued.as_ref() == Some(&name) {
                        fill(t.continued, &[&name])
                    } else {
                        name
                    };
                    let items = list
                        .into_iter()
                        .map(|c| view! { <ClaimItem c=c as usize/> })
                        .collect_view();
                    view! {
                        <section class="group">
                            <h3 dir="auto">{title}</h3>
                            <ol class="records">{items}</ol>
                        </section>
                    }
                })
                .collect_view();
            let page = page.clone();
            view! { {sections} <Pager page items=shown/> }.into_any()
        })
    };
    view! {
        {order_select}
        {head}
        // Folded on a phone, as the timeline is, so the first screen shows claims.
        <details class="charts-fold" open=wide_screen()>
            <summary>{t.claims_charts_show}</summary>
            <Later>{extras.clone()}<Show when=move || first_page.get()><WhoSaidWhat/></Show></Later>
        </details>
        {body}
    }
}

/// Every death-toll figure in view (`claims`, the first of `total`), side by
/// side with who states it. Never merged.
#[component]
fn DeathTolls(claims: Vec<usize>, total: usize) -> impl IntoView {
    let d = data();
    let all = &d.index.corpus.claims;
    let lines = (claims.iter())
        .map(|&c| {
            let c = &all[c];
            TollLine {
                id: c.id.clone(),
                figure: (c.death_toll.as_ref())
                    .map(|t| t.as_written.clone())
                    .unwrap_or_default(),
                who: view! { <Claimant claim=c.clone()/> }.into_any(),
                date: c.date.clone(),
                source: view! { <IdLink id=c.reported_in.clone() kind=Kind::Source/> }.into_any(),
            }
        })
        .collect();
    tolls_section(lines, total)
}

#[component]
pub fn ClaimItem(c: usize) -> impl IntoView {
    let d = data();
    let claim = d.index.corpus.claims[c].clone();
    let l = lang();
    let t = l.strings();
    let terms: Vec<&str> = claim
        .legal_terms
        .iter()
        .map(|term| l.term(&vocab::LEGAL_TERMS, term))
        .collect();
    let toll = claim.death_toll.as_ref().map(|t| t.as_written.clone());
    view! {
        <li class="record claim">
            <p class="meta">
                <span class="kind">{l.term(&vocab::CLAIM_KINDS, &claim.kind).to_string()}</span>
                {(!terms.is_empty()).then(|| format!(" · {}", terms.join(t.comma)))}
                {toll.map(|toll| view! { " · " <strong class="figure" dir="auto">{toll}</strong> })}
                " · " <DateText date=claim.date.clone()/>
            </p>
            <p class="claimant"><Claimant claim=claim.clone()/>{claim.relayed_by.clone().map(|r| view! { {t.relayed_by_lead} <IdLink id=r kind=Kind::Actor/> })}</p>
            <ReachNote kind=Kind::Claim idx=c/>
            <h4 dir="auto"><RecordLink id=claim.id.clone()><span dir="auto">{claim.paraphrase.clone()}</span></RecordLink></h4>
            <blockquote dir="auto">{claim.quote.clone()}</blockquote>
            <p class="reported">
                {t.reported_in_lead} <IdLink id=claim.reported_in.clone() kind=Kind::Source/>
                {claim.via.clone().map(|v| view! { {t.first_made_in_lead} <IdLink id=v kind=Kind::Source/> })}
            </p>
        </li>
    }
}

#[component]
fn SourcesList() -> impl IntoView {
    let paged = paged(Kind::Source);
    let d = data();
    move || {
        let (listing, page, _) = paged.get();
        let total = d.index.sources.len();
        let shown = listing.items.len();
        if shown == 0 {
            return view! { {heading(View::Sources, 0, total)} <NothingMatches kind=Kind::Source/> }
                .into_any();
        }
        let items = listing.items[page.range.clone()]
            .iter()
            .map(|&s| view! { <SourceItem s=s as usize/> })
            .collect_view();
        view! {
            {heading(View::Sources, shown, total)}
            {page_note(&page, shown)}
            <ol class="records">{items}</ol>
            <Pager page items=shown/>
        }
        .into_any()
    }
}

#[component]
fn SourceItem(s: usize) -> impl IntoView {
    let d = data();
    let source = d.index.corpus.sources[s].clone();
    let facts = &d.index.sources[s];
    let cited_by = d.index.ids(Kind::Source, &d.index.cited_by[s]);
    let idents = source
        .identifiers
        .iter()
        .map(|i| i.value.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let l = lang();
    let t = l.strings();
    let counts = fill(
        t.rest_on_it,
        &[
            &count(facts.related.events.len(), Kind::Event),
            &count(facts.related.claims.len(), Kind::Claim),
        ],
    );
    view! {
        <li class="record source">
            <p class="meta">
                <span class="kind">{l.term(&vocab::SOURCE_KINDS, &source.kind).to_string()}</span>
                " · " <DateText date=source.date.clone()/>
                {(!idents.is_empty()).then(|| view! { " · " <span dir="ltr">{idents}</span> })}
            </p>
            // The list has no group headings: its records' titles come next after it.
            <h3 dir="auto"><RecordLink id=source.id.clone()><span dir="auto">{source.title.clone()}</span></RecordLink></h3>
            {source.publisher.clone().map(|p| view! { <p>{t.published_by_lead} <IdLink id=p kind=Kind::Actor/></p> })}
            <ReachNote kind=Kind::Source idx=s/>
            {(!source.cites.is_empty()).then(|| view! { <div class="links">{t.cites_lead} {id_links(source.cites.clone(), Kind::Source)}</div> })}
            {(!cited_by.is_empty()).then(|| view! { <div class="links">{t.cited_by_lead} {id_links(cited_by, Kind::Source)}</div> })}
            <p class="counts">{counts}</p>
        </li>
    }
}

#[component]
fn ActorsList() -> impl IntoView {
    let paged = paged(Kind::Actor);
    let d = data();
    let l = lang();
    let t = l.strings();
    move || {
        let (listing, page, filter) = paged.get();
        let total = d.index.actors.len();
        let shown = listing.items.len();
        if shown == 0 {
            return view! { {heading(View::Actors, 0, total)} <NothingMatches kind=Kind::Actor/> }
                .into_any();
        }
        // Grouped by kind, in the vocabulary's order; names alphabetical within.
        let actors = &d.index.corpus.actors;
        let kind_of = |a: u32| {
            l.term(&vocab::ACTOR_KINDS, &actors[a as usize].kind)
                .to_string()
        };
        let filter_noun = filter.is_empty();
        let body = runs(&listing.items[page.range.clone()], kind_of)
            .into_iter()
            .map(|(kind, list)| {
                let rows = list
                    .into_iter()
                    .map(|a| view! { <ActorRow a=a as usize/> })
                    .collect_view();
                actors_group(kind, rows)
            })
            .collect_view();
        view! {
            {heading(View::Actors, shown, total)}
            <p class="hint">{if filter_noun {
                t.actors_hint_all
            } else {
                t.actors_hint_filtered
            }}</p>
            {page_note(&page, shown)}
            {body}
            <Pager page items=shown/>
        }
        .into_any()
    }
}

/// The institutions and people of one kind (`title`), their `rows` in a table.
pub(super) fn actors_group(title: String, rows: impl IntoView) -> impl IntoView {
    let t = lang().strings();
    view! {
        <section class="group">
            <h3>{title}</h3>
            // A card per row on a phone, as the death tolls are.
            <div class="table-wrap">
                <table class="actors cards" role="table">
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">{t.name_column}</th><th scope="col" role="columnheader">{t.events.title}</th>
                        <th scope="col" role="columnheader">{t.claims.title}</th><th scope="col" role="columnheader">{t.sources.title}</th>
                        <th scope="col" role="columnheader"><span class="visually-hidden">{t.filter_column}</span></th>
                    </tr></thead>
                    <tbody role="rowgroup">{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ActorRow(a: usize) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let d = data();
    let actor = d.index.corpus.actors[a].clone();
    let r = d.index.actors[a].related.clone();
    // Count what involves the actor among the records that match the filters.
    let n = move |kind: Kind, list: &[usize]| thousands(outcome.with(|o| o.count_of(kind, list)));
    let (events, claims, sources) = (
        n(Kind::Event, &r.events),
        n(Kind::Claim, &r.claims),
        n(Kind::Source, &r.sources),
    );
    let id = actor.id.clone();
    let chosen = nav.state.with_untracked(|s| s.filter.actors.contains(&id));
    let toggle = move |_| {
        let id = id.clone();
        nav.update(Entry::Push, move |s| {
            s.filter.toggle(dossier::query::filter::Facet::Actors, &id)
        });
    };
    let t = lang().strings();
    let label = fill(
        if chosen {
            t.stop_filtering_by
        } else {
            t.filter_by_name
        },
        &[&actor.name],
    );
    view! {
        <tr role="row">
            <th scope="row" role="rowheader"><RecordLink id=actor.id.clone()><ActorName actor=&actor/></RecordLink><ReachNote kind=Kind::Actor idx=a/></th>
            <td role="cell" data-label=t.events.title>{events}</td><td role="cell" data-label=t.claims.title>{claims}</td>
            <td role="cell" data-label=t.sources.title>{sources}</td>
            <td role="cell" class="filter-cell"><button type="button" class="small" aria-label=label aria-pressed=chosen.to_string() on:click=toggle>
                {if chosen { t.filtering } else { t.filter_by }}
            </button></td>
        </tr>
    }
}
