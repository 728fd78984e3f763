//! The chooser of institutions and people by name above a list in pages (the
//! events', the claims', the sources'), before the corpus is read: what is
//! typed reads the one part of the names table that answers it
//! (`publish::names`), its suggestions are the app's own box's above that list
//! for no filter, and choosing one lists its records, as the filter panel's box
//! does once the corpus is in.

use std::rc::Rc;

use dossier::corpus::model::Kind;
use dossier::corpus::text::fold;
use dossier::i18n::fill;
use dossier::publish::names::{suggestions, NamedActor, NamesUnder};
use dossier::publish::parts::{table_part_of, Manifest, Table};
use dossier::query::filter::Facet;
use dossier::query::names::{IS, SUGGESTIONS};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, lang, suggestion_label};
use super::failure::{FailedWithRetry, LoadFailure};
use super::loader;
use super::nav::{Entry, Nav};

/// How many parts of the names table are kept once read: a name refined, or
/// typed again, most often reads nothing.
const KEEP: usize = 8;

/// How long typing rests before what is typed is looked up.
const REST_MS: i32 = 150;

/// Parts of the names table read, by number, the last read last.
type Kept = Vec<(usize, Rc<Table<NamesUnder>>)>;

/// The chooser, where the build wrote the names table.
#[component]
pub fn ActorChooser() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let manifest = StoredValue::new(data().manifest.clone());
    let t = lang().strings();
    // The list it stands above, whose records the suggestions count.
    let kind = Memo::new(move |_| nav.state.with(|s| s.view.kind()));
    let typed = RwSignal::new(String::new());
    let focused = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let tries = RwSignal::new(0u32);
    let failed = RwSignal::new_local(None::<LoadFailure>);
    let kept = StoredValue::new_local(Kept::new());
    // What is typed, folded, and the part that answers it, once read.
    let answer = RwSignal::new_local(None::<(String, Rc<Table<NamesUnder>>)>);
    // The part for `wanted`, read or kept, handed to `then` if it is still wanted.
    let look_up = move |wanted: String, rest: bool, then: Rc<dyn Fn(Rc<Table<NamesUnder>>)>| {
        let Some((at, entry)) = manifest.with_value(|m| part_for(m.as_ref()?, &wanted)) else {
            return;
        };
        if let Some(table) = kept.with_value(|k| k.iter().find(|(n, _)| *n == at).cloned()) {
            then(table.1);
            return;
        }
        let retry = failed.with_untracked(Option::is_some);
        spawn_local(async move {
            if rest {
                loader::pause(REST_MS).await;
                if fold(typed.get_untracked().trim()) != wanted {
                    return;
                }
            }
            match loader::names_part(&entry, retry).await {
                Ok(table) => {
                    let table = Rc::new(table);
                    kept.update_value(|k| {
                        k.retain(|(n, _)| *n != at);
                        k.push((at, table.clone()));
                        if k.len() > KEEP {
                            k.remove(0);
                        }
                    });
                    failed.set(None);
                    then(table);
                }
                Err(failure) => failed.set(Some(failure)),
            }
        });
    };
    Effect::new(move |_| {
        tries.track();
        let text = typed.get();
        if !focused.get() && text.is_empty() {
            return;
        }
        let wanted = fold(text.trim());
        let shown = wanted.clone();
        // Nothing typed yet (the box just focused) is looked up at once. An
        // answer that comes once the reader has typed on is dropped: what is
        // typed now has its own.
        let current = move |table| {
            if fold(typed.get_untracked().trim()) == shown {
                answer.set(Some((shown.clone(), table)));
            }
        };
        look_up(wanted, !text.is_empty(), Rc::new(current));
    });
    // A name as it is, or the only one that begins so: its records.
    let add = move |name: String| {
        let wanted = fold(name.trim());
        if wanted.is_empty() {
            return;
        }
        let chosen = wanted.clone();
        let choose = move |table: Rc<Table<NamesUnder>>| {
            let found = suggestions(
                table.at_or_before(&chosen),
                &chosen,
                2,
                kind.get_untracked(),
            );
            let id = match found.as_slice() {
                [(IS, a), ..] | [(_, a)] => Some(a.id().to_string()),
                _ => None,
            };
            match id {
                Some(id) => {
                    message.set(String::new());
                    typed.set(String::new());
                    nav.update(Entry::Push, |s| s.filter.choose(Facet::Actors, &id));
                }
                None => message.set(fill(lang().strings().no_actor_named, &[&name])),
            }
        };
        look_up(wanted, false, Rc::new(choose));
    };
    let options = move || {
        answer.with(|answer| {
            let (wanted, table) = answer.as_ref()?;
            let kind = kind.get();
            let found = suggestions(table.at_or_before(wanted), wanted, SUGGESTIONS, kind);
            let options = (found.into_iter())
                .map(|(_, a)| {
                    view! { <option value=a.name().to_string() label=label(a, wanted, kind)/> }
                })
                .collect_view();
            Some(options)
        })
    };
    let failure = move || {
        failed.get().map(|failure| {
            view! { <FailedWithRetry title=t.names_failed.to_string() failure retry=tries/> }
        })
    };
    view! {
        <form role="search" class="list-search list-actors" aria-label=t.actors_legend
            on:submit=|e| e.prevent_default()>
            <label for="list-actor">{t.add_actor}</label>
            <input id="list-actor" type="text" list="list-actor-options" autocomplete="off"
                dir="auto"
                prop:value=move || typed.get()
                on:input=move |e| typed.set(event_target_value(&e))
                on:focus=move |_| focused.set(true)
                on:blur=move |_| focused.set(false)
                on:change=move |e| add(event_target_value(&e))
                on:keydown=move |e: leptos::ev::KeyboardEvent| {
                    // WebKit closes its suggestions on the first Enter and fires no
                    // change: Enter chooses in every engine, as in the filter panel.
                    if e.key() == "Enter" {
                        add(event_target_value(&e));
                    }
                }/>
            <datalist id="list-actor-options">{options}</datalist>
            <p class="errors" role="alert">{move || message.get()}</p>
            <p class="hint">{t.names_hint}</p>
            {failure}
        </form>
    }
}

/// The part of the names table that answers `wanted`, by number, with its entry.
fn part_for(
    manifest: &Manifest,
    wanted: &str,
) -> Option<(usize, dossier::publish::parts::TableEntry)> {
    let at = table_part_of(&manifest.names, wanted)?;
    Some((at, manifest.names.get(at)?.clone()))
}

/// A suggestion as the filter panel's box above the list of `kind` words it.
fn label(actor: &NamedActor, wanted: &str, kind: Kind) -> String {
    let other = lang().other_names(&actor.actor());
    let acronym = actor.by_acronym(wanted);
    suggestion_label(actor.name(), other, acronym, actor.counts(kind))
}
