//! The filter panel: date range, institutions and people, kinds and free text,
//! each choice with its live count.

use dossier::filter::{Facet, Outcome};
use dossier::model::Kind;
use dossier::url_state::UrlState;
use leptos::prelude::*;

use super::bits::{data, thousands};

/// How many names the type-ahead offers at once.
const SUGGESTIONS: usize = 20;
use super::lists::counted_kind;
use super::nav::{Entry, Nav};

pub fn counted_noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Event => "events",
        Kind::Claim => "claims",
        Kind::Source => "sources",
        Kind::Actor => "institutions and people",
    }
}

/// The filters, on every view.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let nav = expect_context::<Nav>();
    // Open beside the list on a wide screen; folded above it on a phone.
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 900.0);
    let active = move || {
        nav.state.with(|s| {
            let f = &s.filter;
            [!f.from.is_empty() || !f.to.is_empty(), !f.text.is_empty()]
                .into_iter()
                .filter(|b| *b)
                .count()
                + f.actors.len()
                + f.tags.len()
                + f.claim_kinds.len()
                + f.source_kinds.len()
                + f.legal_terms.len()
        })
    };
    let noun = move || counted_noun(nav.state.with(|s| counted_kind(s.view)));
    let clear = move |_| nav.clear_filters();
    view! {
        <aside class="filters" aria-labelledby="filters-title">
            <details open=wide>
                <summary>
                    <h2 id="filters-title">"Filters"</h2>
                    <span class="active-count">
                        {move || match active() { 0 => String::new(), n => format!("{n} active") }}
                    </span>
                </summary>
                <form role="search" on:submit=|e| e.prevent_default()>
                    <TextFilter/>
                    <DateFilter/>
                    <ActorFilter/>
                    <p class="hint">{move || format!("Numbers beside each choice count matching {}.", noun())}</p>
                    <TermFilter facet=Facet::ClaimKinds legend="Claim kinds"/>
                    <TermFilter facet=Facet::Tags legend="Event tags"/>
                    <TermFilter facet=Facet::LegalTerms legend="Legal characterisations"/>
                    <TermFilter facet=Facet::SourceKinds legend="Source kinds"/>
                    <button type="button" class="clear" on:click=clear
                        disabled=move || nav.state.with(|s| s.filter.is_empty())>
                        "Clear all filters"
                    </button>
                </form>
            </details>
        </aside>
    }
}

#[component]
fn TextFilter() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let on_input = move |e| {
        let text = event_target_value(&e);
        // The first key starts a history entry; the rest refine it.
        let entry = if nav.state.with_untracked(|s| s.filter.text.is_empty()) {
            Entry::Push
        } else {
            Entry::Replace
        };
        nav.update(entry, |s| s.filter.text = text);
    };
    view! {
        <div class="field">
            <label for="f-text">"Search titles, summaries, names and quotes"</label>
            <input id="f-text" type="search" autocomplete="off"
                prop:value=move || nav.state.with(|s| s.filter.text.clone())
                on:input=on_input/>
        </div>
    }
}

#[component]
fn DateFilter() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let set_from = move |e| {
        let v = event_target_value(&e).trim().to_string();
        nav.update(Entry::Push, |s| s.filter.from = v);
    };
    let set_to = move |e| {
        let v = event_target_value(&e).trim().to_string();
        nav.update(Entry::Push, |s| s.filter.to = v);
    };
    let set_undated = move |e| {
        let on = event_target_checked(&e);
        nav.update(Entry::Push, |s| s.filter.include_undated = on);
    };
    let ranged = move || {
        nav.state
            .with(|s| !s.filter.from.is_empty() || !s.filter.to.is_empty())
    };
    let undated_note = move || {
        let (include, view) = nav.state.with(|s| (s.filter.include_undated, s.view));
        let hidden = outcome.with(|o| o.undated_hidden);
        let noun = counted_noun(counted_kind(view));
        if include {
            "Records with no date are shown along with the range.".to_string()
        } else if hidden > 0 {
            let (noun, verb) = match (hidden, counted_kind(view)) {
                (1, Kind::Actor) => ("institution or person", "is"),
                (1, _) => (noun.trim_end_matches('s'), "is"),
                _ => (noun, "are"),
            };
            format!("{hidden} {noun} with no date {verb} hidden by the range.")
        } else {
            "Records with no date are hidden while a range is set.".to_string()
        }
    };
    view! {
        <fieldset class="dates">
            <legend>"Date"</legend>
            <div class="range">
                <div class="field">
                    <label for="f-from">"From"</label>
                    <input id="f-from" type="text" inputmode="numeric" placeholder="e.g. 1988" autocomplete="off"
                        aria-describedby="f-date-hint"
                        prop:value=move || nav.state.with(|s| s.filter.from.clone())
                        on:change=set_from/>
                </div>
                <div class="field">
                    <label for="f-to">"To"</label>
                    <input id="f-to" type="text" inputmode="numeric" placeholder="e.g. 2016-09" autocomplete="off"
                        aria-describedby="f-date-hint"
                        prop:value=move || nav.state.with(|s| s.filter.to.clone())
                        on:change=set_to/>
                </div>
            </div>
            <p class="hint" id="f-date-hint">
                "A year (1988), a month (2016-09) or a day (2016-09-13). A record matches when its dates overlap the range."
            </p>
            <ul class="errors" role="alert">
                {move || outcome.with(|o| o.date_errors.clone()).into_iter()
                    .map(|e| view! { <li>{e}" — this end of the range is ignored."</li> })
                    .collect_view()}
            </ul>
            <Show when=ranged>
                <p class="undated-note">{undated_note}</p>
                <label class="check">
                    <input type="checkbox" id="f-undated"
                        prop:checked=move || nav.state.with(|s| s.filter.include_undated)
                        on:change=set_undated/>
                    " Also show records with no date"
                </label>
            </Show>
        </fieldset>
    }
}

#[component]
fn ActorFilter() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let d = data();
    let message = RwSignal::new(String::new());
    let typed = RwSignal::new(String::new());
    let index = d.clone();
    let add = move |e: leptos::ev::Event| {
        let name = event_target_value(&e);
        if name.trim().is_empty() {
            return;
        }
        match index.index.actor_named(&name) {
            Some(actor) => {
                let id = actor.id.clone();
                message.set(String::new());
                typed.set(String::new());
                nav.update(Entry::Push, |s| s.filter.choose(Facet::Actors, &id));
            }
            None => message.set(format!("No institution or person is called “{name}”.")),
        }
    };
    let chips_data = d.clone();
    let chips = move || {
        let chosen = nav.state.with(|s| s.filter.actors.clone());
        chosen
            .into_iter()
            .map(|id| {
                let name = chips_data
                    .index
                    .actor(&id)
                    .map_or(id.clone(), |a| a.name.clone());
                let label = format!("Remove {name}");
                let remove = move |_| {
                    let id = id.clone();
                    nav.update(Entry::Push, move |s: &mut UrlState| {
                        s.filter.actors.retain(|a| *a != id)
                    });
                };
                view! {
                    <li><button type="button" class="chip" aria-label=label on:click=remove>
                        {name}<span aria-hidden="true">" ×"</span>
                    </button></li>
                }
            })
            .collect_view()
    };
    // Only the best few suggestions for what is typed: a corpus may name
    // tens of thousands of institutions and people.
    let options = move || {
        let typed = typed.get();
        let picks = outcome.with(|o| {
            d.index
                .actor_suggestions(&typed, &o.actor_counts, SUGGESTIONS)
        });
        let counts = outcome.with(|o| picks.iter().map(|&a| o.actor_counts[a]).collect::<Vec<_>>());
        picks
            .into_iter()
            .zip(counts)
            .map(|(a, n)| {
                let actor = &d.index.corpus.actors[a];
                let label = format!("{} ({})", actor.name, thousands(n as usize));
                view! { <option value=actor.name.clone() label=label/> }
            })
            .collect_view()
    };
    view! {
        <fieldset class="actors">
            <legend>"Institutions and people"</legend>
            <ul class="chips" aria-label="Chosen institutions and people">{chips}</ul>
            <div class="field">
                <label for="f-actor">"Add by name (type to see suggestions)"</label>
                <input id="f-actor" type="text" list="f-actor-list" autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |e| typed.set(event_target_value(&e))
                    on:change=add/>
                <datalist id="f-actor-list">{options}</datalist>
            </div>
            <p class="errors" role="alert">{move || message.get()}</p>
            <p class="hint">"Shows records that involve any of the chosen. Numbers count matching records."</p>
        </fieldset>
    }
}

#[component]
fn TermFilter(facet: Facet, legend: &'static str) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let Some(vocab) = facet.vocab() else {
        return ().into_any();
    };
    let key = match facet {
        Facet::Tags => "tag",
        Facet::ClaimKinds => "claim",
        Facet::LegalTerms => "term",
        _ => "source",
    };
    let boxes = vocab
        .terms
        .iter()
        .map(|&(value, label)| {
            let id = format!("f-{key}-{value}");
            let checked = move || nav.state.with(|s| s.filter.chosen(facet).iter().any(|v| v == value));
            let n = move || outcome.with(|o| o.term_count(facet, value));
            let toggle = move |_| nav.update(Entry::Push, |s| s.filter.toggle(facet, value));
            view! {
                <li class:none=move || n() == 0 && !checked()>
                    <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle/>
                    <label for=id>{label}" "<span class="count">{move || format!("({})", n())}</span></label>
                </li>
            }
        })
        .collect_view();
    let any_chosen = nav
        .state
        .with_untracked(|s| !s.filter.chosen(facet).is_empty());
    view! {
        <details class="terms" open=any_chosen>
            <summary>{legend}</summary>
            <fieldset>
                <legend class="visually-hidden">{legend}</legend>
                <ul>{boxes}</ul>
            </fieldset>
        </details>
    }
    .into_any()
}
