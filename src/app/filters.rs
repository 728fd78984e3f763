//! The filter panel: date range, institutions and people, kinds and free text,
//! each choice with its live count.

use dossier::corpus::date::{Calendar, DateError, ReadHow, TypedEnd};
use dossier::corpus::text::fold;
use dossier::i18n::{fill, Lang};
use dossier::query::filter::{offers, Facet, Offer, Outcome};
use dossier::query::names::{by_acronym_alone, SUGGESTIONS};
use dossier::query::url_state::UrlState;
use leptos::prelude::*;

use super::bits::{data, details_opened, lang, names_here, suggestion_label, thousands};

use super::nav::{Entry, Nav};

/// The filters, on every view.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
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
    let l = lang();
    let t = l.strings();
    let noun = move || l.kind(nav.state.with(|s| s.view.kind())).plural;
    let clear = move |_| nav.clear_filters();
    view! {
        <aside class="filters" aria-labelledby="filters-title">
            <details open=wide>
                <summary>
                    <h2 id="filters-title">{t.filters}</h2>
                    <span class="active-count">
                        {move || match active() { 0 => String::new(), n => fill(t.active, &[&l.number(n)]) }}
                    </span>
                </summary>
                <form role="search" on:submit=|e| e.prevent_default()>
                    <TextFilter/>
                    <DateFilter
                        hidden=Signal::derive(move || outcome.with(|o| o.undated_hidden))
                        errors=Signal::derive(move || outcome.with(|o| o.date_errors.clone()))/>
                    <ActorFilter/>
                    <p class="hint">{move || fill(t.counts_hint, &[noun()])}</p>
                    <TermFilter facet=Facet::ClaimKinds legend=t.claim_kinds/>
                    <TermFilter facet=Facet::Tags legend=t.event_tags/>
                    <TermFilter facet=Facet::LegalTerms legend=t.legal_characterisations/>
                    <TermFilter facet=Facet::SourceKinds legend=t.source_kinds/>
                    <button type="button" class="clear" on:click=clear
                        disabled=move || nav.state.with(|s| s.filter.is_empty())>
                        {t.clear_all}
                    </button>
                </form>
                <ShowResults/>
            </details>
        </aside>
    }
}

/// On a phone the open panel stands above the list, often screens long: a
/// button held at the foot of the screen says how many records the filters
/// keep in this view and, pressed, folds the panel and takes the reader to
/// the list. A wider screen has the panel beside the list, and no button.
#[component]
fn ShowResults() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let l = lang();
    let t = l.strings();
    // The count the list's heading gives: both come from the applied outcome.
    let label = move || {
        let kind = nav.state.with(|s| s.view.kind());
        outcome.with(|o| {
            if o.search_pending {
                t.show_list.to_string()
            } else {
                fill(t.show_results, &[&l.records(kind, o.count(kind))])
            }
        })
    };
    let show = move |e: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let panel = e
            .current_target()
            .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
            .and_then(|b| b.closest("details").ok().flatten())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok());
        if let Some(panel) = panel {
            panel.set_open(false);
        }
        let title = document()
            .get_element_by_id("list-title")
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(title) = title {
            let _ = title.set_attribute("tabindex", "-1");
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            title.scroll_into_view_with_scroll_into_view_options(&options);
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = title.focus_with_options(&focus);
        }
    };
    view! {
        <Show when=move || nav.state.with(|s| s.record.is_none())>
            <div class="show-results">
                <button type="button" on:click=show>{label}</button>
            </div>
        </Show>
    }
}

#[component]
fn TextFilter() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let on_input = move |e| nav.type_search(event_target_value(&e));
    let d = data();
    let l = lang();
    let t = l.strings();
    // The filters what is typed names, each with what applying it keeps.
    let index = d.clone();
    let offered = Memo::new(move |_| {
        let (filter, kind) = nav.state.with(|s| (s.filter.clone(), s.view.kind()));
        offers(&index.index, &filter, l)
            .into_iter()
            .map(|o| (o, o.count(&index.index, &filter, kind), kind))
            .collect::<Vec<_>>()
    });
    let offer_buttons = move || {
        let d = d.clone();
        offered
            .get()
            .into_iter()
            .map(|(offer, n, kind)| {
                let name = match offer {
                    Offer::Term(facet, value) => facet
                        .vocab()
                        .map_or(value.to_string(), |v| l.term(v, value).to_string()),
                    Offer::Actor(a) => d.index.corpus.actors[a].name.clone(),
                };
                let label = fill(t.also_a_filter, &[&name, &l.records(kind, n)]);
                let index = d.clone();
                let apply = move |_| {
                    nav.update(Entry::Push, |s| s.filter = offer.applied(&index.index, &s.filter));
                };
                view! { <li><button type="button" class="offer" on:click=apply>{label}</button></li> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="f-text">{t.search_label}</label>
            <input id="f-text" type="search" autocomplete="off" dir="auto"
                prop:value=move || nav.state.with(|s| s.filter.text.clone())
                on:input=on_input/>
            <ul class="offers plain" aria-live="polite">{offer_buttons}</ul>
        </div>
    }
}

/// The date range: two ends as a reader types them, how a year was read, the
/// ends that are not dates (`errors`), and how many undated records of the
/// view the range hides (`hidden`), with the choice to show them. Also above
/// the list in pages (`pages::EventsInPages`), where the figures come from parts.
#[component]
pub(super) fn DateFilter(hidden: Signal<usize>, errors: Signal<Vec<DateError>>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let l = lang();
    // A bare year that could be either calendar is read as the interface's
    // language suggests, and kept marked ("1367sh"), so the address keeps the
    // reading whoever opens it.
    let either = match l {
        Lang::Fa => Calendar::SolarHijri,
        _ => Calendar::Gregorian,
    };
    let marked = move |text: &str| match TypedEnd::read(text, either) {
        Ok(end) if end.how == ReadHow::Assumed && end.calendar == Calendar::SolarHijri => end.key(),
        _ => text.to_string(),
    };
    let set_from = move |e| {
        let v = marked(event_target_value(&e).trim());
        nav.update(Entry::Push, |s| s.filter.from = v);
    };
    let set_to = move |e| {
        let v = marked(event_target_value(&e).trim());
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
    let t = l.strings();
    let undated_note = move || {
        let (include, view) = nav.state.with(|s| (s.filter.include_undated, s.view));
        let hidden = hidden.get();
        if include {
            t.undated_shown.to_string()
        } else if hidden > 0 {
            l.count(&l.kind(view.kind()).undated_hidden, hidden)
        } else {
            t.undated_hidden_none.to_string()
        }
    };
    view! {
        <fieldset class="dates">
            <legend>{t.date}</legend>
            <div class="range">
                <div class="field">
                    <label for="f-from">{t.from}</label>
                    <input id="f-from" type="text" inputmode="numeric" placeholder=t.from_placeholder autocomplete="off" dir="auto"
                        aria-describedby="f-date-hint"
                        prop:value=move || nav.state.with(|s| l.shown_end(&s.filter.from))
                        on:change=set_from/>
                </div>
                <div class="field">
                    <label for="f-to">{t.to}</label>
                    <input id="f-to" type="text" inputmode="numeric" placeholder=t.to_placeholder autocomplete="off" dir="auto"
                        aria-describedby="f-date-hint"
                        prop:value=move || nav.state.with(|s| l.shown_end(&s.filter.to))
                        on:change=set_to/>
                </div>
            </div>
            <Readings/>
            <p class="hint" id="f-date-hint">{t.date_hint}" "{t.solar_hijri_hint}</p>
            // An alert holds the list: the role would take the list's own away.
            <div role="alert">
                <ul class="errors">
                    {move || errors.get().into_iter()
                        .map(|e| view! { <li>{fill(t.end_ignored, &[&l.date_error(&e)])}</li> })
                        .collect_view()}
                </ul>
            </div>
            <Show when=ranged>
                <p class="undated-note">{undated_note}</p>
                <label class="check">
                    <input type="checkbox" id="f-undated"
                        prop:checked=move || nav.state.with(|s| s.filter.include_undated)
                        on:change=set_undated/>
                    " "{t.also_undated}
                </label>
            </Show>
        </fieldset>
    }
}

/// How each end of the date range was read, where a year could be read in
/// either calendar, with the other reading one click away.
#[component]
fn Readings() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let l = lang();
    let t = l.strings();
    let notes = move || {
        let (from, to) = nav
            .state
            .with(|s| (s.filter.from.clone(), s.filter.to.clone()));
        let same = !from.is_empty() && from == to;
        [(true, from), (false, to)]
            .into_iter()
            .filter(|(is_from, _)| *is_from || !same)
            .filter_map(|(is_from, text)| {
                let end = TypedEnd::read(&text, Calendar::Gregorian).ok()?;
                let note = l.reading(&text, &end)?;
                let other = end.other().map(|other| {
                    let key = other.key();
                    // A range of one year is read again at both ends.
                    let read_other = move |_| {
                        let key = key.clone();
                        nav.update(Entry::Push, move |s| {
                            if same || is_from {
                                s.filter.from = key.clone();
                            }
                            if same || !is_from {
                                s.filter.to = key;
                            }
                        });
                    };
                    view! {
                        " "<button type="button" class="small other-reading" on:click=read_other>
                            {l.other_reading(&other)}
                        </button>
                    }
                });
                let label = if same { t.date } else if is_from { t.from } else { t.to };
                Some(view! { <li><span class="visually-hidden">{label}": "</span>{note}{other}</li> })
            })
            .collect_view()
    };
    view! { <ul class="readings" aria-live="polite">{notes}</ul> }
}

#[component]
fn ActorFilter() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let d = data();
    let message = RwSignal::new(String::new());
    let t = lang().strings();
    let typed = RwSignal::new(String::new());
    let index = d.clone();
    let add = UnsyncCallback::new(move |name: String| {
        if name.trim().is_empty() {
            return;
        }
        // A name or alias as it is; else the only match for what is typed.
        let only = || {
            let totals = outcome.with_untracked(|o| o.actor_totals(&index.index));
            match index.index.actor_suggestions(&name, &totals, 2).as_slice() {
                &[a] => index.index.corpus.actors.get(a).map(|a| a.id.clone()),
                _ => None,
            }
        };
        let found = index
            .index
            .actor_named(&name)
            .map(|a| a.id.clone())
            .or_else(only);
        match found {
            Some(id) => {
                message.set(String::new());
                typed.set(String::new());
                nav.update(Entry::Push, |s| s.filter.choose(Facet::Actors, &id));
            }
            None => message.set(fill(t.no_actor_named, &[&name])),
        }
    });
    let chips_data = d.clone();
    let chips = move || {
        let chosen = nav.state.with(|s| s.filter.actors.clone());
        chosen
            .into_iter()
            .map(|id| {
                let actor = chips_data.index.actor(&id);
                let name = actor.map_or(id.clone(), |a| a.name.clone());
                let shown = match actor.and_then(names_here) {
                    Some(other) => format!("{name} ({other})"),
                    None => name.clone(),
                };
                let label = fill(t.remove, &[&name]);
                let counts = chips_data
                    .index
                    .find(&id, dossier::corpus::model::Kind::Actor)
                    .and_then(|a| {
                        outcome.with(|o| {
                            let through = o.actor_through(&chips_data.index, a);
                            let own = o.actor_count(&chips_data.index, a);
                            (through > 0).then(|| {
                                fill(
                                    t.own_and_through,
                                    &[&thousands(own as usize), &thousands(through as usize)],
                                )
                            })
                        })
                    });
                let remove = move |_| {
                    let id = id.clone();
                    nav.update(Entry::Push, move |s: &mut UrlState| {
                        s.filter.actors.retain(|a| *a != id)
                    });
                };
                view! {
                    <li><button type="button" class="chip" aria-label=label on:click=remove>
                        <span dir="auto">{shown}</span><span aria-hidden="true">" ×"</span>
                    </button>{counts.map(|c| view! { " " <span class="count">{c}</span> })}</li>
                }
            })
            .collect_view()
    };
    // Only the best few suggestions for what is typed: a corpus may name
    // tens of thousands of institutions and people. They are worked out while
    // the box is in use, not at every change of filter: ranking every actor
    // took some 40 ms of each change at a million records.
    let focused = RwSignal::new(false);
    let options = move || {
        if !focused.get() && typed.with(String::is_empty) {
            return None;
        }
        let typed = typed.get();
        let totals = outcome.with(|o| o.actor_totals(&d.index));
        let picks = d.index.actor_suggestions(&typed, &totals, SUGGESTIONS);
        let counts = outcome.with(|o| {
            picks
                .iter()
                .map(|&a| (o.actor_count(&d.index, a), o.actor_through(&d.index, a)))
                .collect::<Vec<_>>()
        });
        let wanted = fold(typed.trim());
        let options = picks
            .into_iter()
            .zip(counts)
            .map(|(a, counts)| {
                let actor = &d.index.corpus.actors[a];
                // An acronym that matched, where the name alone would not show why.
                let acronym = &d.index.actor_acronyms[a];
                let names = &d.index.actor_names[a];
                let acronym = by_acronym_alone(names, acronym, &wanted).then(|| acronym.clone());
                let label = suggestion_label(&actor.name, names_here(actor), acronym, counts);
                view! { <option value=actor.name.clone() label=label/> }
            })
            .collect_view();
        Some(options)
    };
    view! {
        <fieldset class="actors">
            <legend>{t.actors_legend}</legend>
            <ul class="chips" aria-label=t.chosen_actors>{chips}</ul>
            <div class="field">
                <label for="f-actor">{t.add_actor}</label>
                <input id="f-actor" type="text" list="f-actor-list" autocomplete="off" dir="auto"
                    prop:value=move || typed.get()
                    on:input=move |e| typed.set(event_target_value(&e))
                    on:focus=move |_| focused.set(true)
                    on:blur=move |_| focused.set(false)
                    on:change=move |e| add.run(event_target_value(&e))
                    on:keydown=move |e: leptos::ev::KeyboardEvent| {
                        // WebKit closes its suggestions on the first Enter and fires no
                        // change: Enter chooses in every engine. (The change that may
                        // follow finds the box emptied, or the name already chosen.)
                        if e.key() == "Enter" {
                            add.run(event_target_value(&e));
                        }
                    }/>
                <datalist id="f-actor-list">{options}</datalist>
            </div>
            <p class="errors" role="alert">{move || message.get()}</p>
            <p class="hint">{t.actor_hint}</p>
        </fieldset>
    }
}

#[component]
fn TermFilter(facet: Facet, legend: &'static str) -> impl IntoView {
    let outcome = expect_context::<Memo<Outcome>>();
    term_choices(facet, legend, move |value| {
        Some(outcome.with(|o| o.term_count(facet, value)))
    })
}

/// A facet's values under its name, each a box that chooses it, counted by
/// `count` where it says a number (the filter panel's for the filter; a list
/// in pages' for no filter, and none under one: its counts take the corpus).
/// A value counted none is faded, unless chosen.
pub(super) fn term_choices(
    facet: Facet,
    legend: &'static str,
    count: impl Fn(&'static str) -> Option<usize> + Copy + Send + Sync + 'static,
) -> AnyView {
    let nav = expect_context::<Nav>();
    let Some(vocab) = facet.vocab() else {
        return ().into_any();
    };
    let key = facet.key();
    let l = lang();
    let boxes = move || {
        vocab
            .terms
            .iter()
            .map(|&(value, _)| {
                let label = l.term(vocab, value);
                let id = format!("f-{key}-{value}");
                let checked = move || {
                    nav.state
                        .with(|s| s.filter.chosen(facet).iter().any(|v| v == value))
                };
                let toggle = move |_| nav.update(Entry::Push, |s| s.filter.toggle(facet, value));
                let n = move || count(value).map(|n| format!("({})", l.number(n)));
                view! {
                    <li class:none=move || count(value) == Some(0) && !checked()>
                        <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle/>
                        <label for=id>{label}" "<span class="count">{n}</span></label>
                    </li>
                }
            })
            .collect_view()
    };
    let any_chosen = nav
        .state
        .with_untracked(|s| !s.filter.chosen(facet).is_empty());
    // The choices are drawn when first opened: closed, they would cost the
    // first screen and every change of filter.
    let opened = RwSignal::new(any_chosen);
    let toggled = move |e: leptos::ev::Event| {
        if details_opened(&e) {
            opened.set(true);
        }
    };
    view! {
        <details class="terms" open=any_chosen on:toggle=toggled>
            <summary>{legend}</summary>
            <fieldset>
                <legend class="visually-hidden">{legend}</legend>
                <ul><Show when=move || opened.get()>{boxes}</Show></ul>
            </fieldset>
        </details>
    }
    .into_any()
}
