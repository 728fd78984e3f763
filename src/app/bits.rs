//! Small pieces the views share. Corpus text is only ever rendered as text.

use std::cell::RefCell;
use std::sync::Arc;
use std::thread::LocalKey;

use dossier::corpus::load::Rejected;
use dossier::corpus::model::{Actor, Claim, DateSpec, Kind};
use dossier::corpus::text::is_http_link;
use dossier::i18n::{fill, Lang};
use dossier::query::index::{Reach, Speaker};
use leptos::prelude::*;

use super::nav::{Nav, RecordLink};
use super::Data;

pub fn data() -> Arc<Data> {
    expect_context::<Arc<Data>>()
}

/// The interface language, which the app provides to everything it draws.
pub fn lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// A number as the interface language writes it: "12,400", "۱۲٬۴۰۰".
pub fn thousands(n: usize) -> String {
    lang().number(n)
}

/// "1 claim", "3 claims", "12,400 claims", in the interface language.
pub fn count(n: usize, kind: Kind) -> String {
    lang().records(kind, n)
}

/// How many items a capped list shows at first, and adds each time.
pub const SHOWN_AT_ONCE: usize = 50;

/// Shows the first items of a long list, and a button that shows more: a
/// record can be linked to tens of thousands of others.
pub fn capped<T, V>(
    items: Vec<T>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let shown = RwSignal::new(SHOWN_AT_ONCE);
    let total = items.len();
    let items = StoredValue::new(items);
    let list = {
        let render = render.clone();
        move || {
            let n = shown.get().min(total);
            items
                .with_value(|all| all[..n].to_vec())
                .into_iter()
                .map(render.clone())
                .collect_view()
        }
    };
    let t = lang().strings();
    let more = move || {
        let left = total.saturating_sub(shown.get());
        (left > 0).then(|| {
            let next = left.min(SHOWN_AT_ONCE);
            view! {
                <li class="more">
                    <button type="button" class="small" on:click=move |_| shown.update(|n| *n += SHOWN_AT_ONCE)>
                        {fill(t.show_more, &[&thousands(next), &thousands(left)])}
                    </button>
                </li>
            }
        })
    };
    view! { {list} {more} }
}

/// A date as precisely as known; an inferred one is marked, with how.
#[component]
pub fn DateText(date: Option<DateSpec>, #[prop(optional)] long: bool) -> impl IntoView {
    let l = lang();
    let t = l.strings();
    let Some(date) = date else {
        return view! { <span class="date undated">{t.undated}</span> }.into_any();
    };
    let shown = l.date_spec(&date);
    let inference = date.inference.clone().unwrap_or_default();
    // The text's own words and the reasoning are corpus text, in its own direction.
    let written =
        date.as_written.clone().filter(|_| long).map(
            |w| view! { <span class="as-written" dir="auto">{fill(t.text_says, &[&w])}</span> },
        );
    let marker = date.is_inferred().then(|| {
        if long {
            view! { <span class="inferred" dir="auto">{fill(t.inferred_long, &[&inference])}</span> }.into_any()
        } else {
            view! { " " <abbr class="inferred" title=inference>{t.inferred}</abbr> }.into_any()
        }
    });
    view! { <span class="date" dir="auto">{shown}</span>{marker}{written} }.into_any()
}

/// An actor's names in the interface's language, where the corpus gives them
/// ("سازمان ملل متحد" for the United Nations, in Persian), joined.
pub fn names_here(actor: &Actor) -> Option<String> {
    lang().other_names(actor)
}

/// A suggestion of the actor box: the actor's name, in the interface's
/// language too (`other`), the acronym that matched where the names do not
/// show why, and how many records it involves alone and through its parts and
/// people in role.
pub fn suggestion_label(
    name: &str,
    other: Option<String>,
    acronym: Option<String>,
    (own, through): (u32, u32),
) -> String {
    let t = lang().strings();
    let n = if through > 0 {
        fill(
            t.own_and_through,
            &[&thousands(own as usize), &thousands(through as usize)],
        )
    } else {
        thousands(own as usize)
    };
    let name = match other {
        Some(other) => format!("{name} — {other}"),
        None => name.to_string(),
    };
    match acronym {
        Some(acronym) => format!("{name} · {} ({n})", acronym.to_uppercase()),
        None => format!("{name} ({n})"),
    }
}

/// An actor's name, and beside it its names in the interface's language:
/// each in its own direction, so neither reorders the other.
#[component]
pub fn ActorName<'a>(actor: &'a Actor) -> impl IntoView {
    let other = names_here(actor).map(|names| {
        view! { " " <span class="other-name" lang=lang().code() dir="auto">"("{names}")"</span> }
    });
    view! { <span dir="auto">{actor.name.clone()}</span>{other} }
}

/// A link to any record by id, named by `label`; a missing record shows as text.
#[component]
pub fn IdLink(#[prop(into)] id: String, kind: Kind) -> impl IntoView {
    let d = data();
    let index = &d.index;
    if kind == Kind::Actor {
        if let Some(actor) = index.actor(&id) {
            let name = view! { <ActorName actor/> };
            return view! { <RecordLink id>{name}</RecordLink> }.into_any();
        }
    }
    let label = match kind {
        Kind::Actor => index.actor(&id).map(|a| a.name.clone()),
        Kind::Source => index.source(&id).map(|s| s.title.clone()),
        Kind::Event => index.event(&id).map(|e| e.title.clone()),
        Kind::Claim => index.claim(&id).map(|c| c.paraphrase.clone()),
    };
    // A record shown alone before the records it names have arrived: their ids
    // stand in for their names, still links, until they come.
    let arriving = d.alone.as_ref().is_some_and(|a| !a.complete);
    match label {
        Some(label) => {
            view! { <RecordLink id><span dir="auto">{label}</span></RecordLink> }.into_any()
        }
        None if arriving => {
            view! { <RecordLink id=id.clone()><span class="arriving">{id}</span></RecordLink> }
                .into_any()
        }
        None => view! { <span class="missing">{id}</span> }.into_any(),
    }
}

/// A list of links to records, the first few shown and the rest on request.
pub fn id_links(ids: Vec<String>, kind: Kind) -> impl IntoView {
    if kind == Kind::Source {
        return source_links(ids).into_any();
    }
    let items = capped(ids, move |id| view! { <li><IdLink id kind/></li> });
    view! { <ul class="inline">{items}</ul> }.into_any()
}

/// Sources one to a line, each title in its own direction, so that titles
/// in two scripts never run into each other; where two share a title, each
/// says who published it and when, so two sources never look like one.
fn source_links(ids: Vec<String>) -> impl IntoView {
    let d = data();
    let mut titles: std::collections::HashMap<&str, usize> = Default::default();
    for id in &ids {
        if let Some(s) = d.index.source(id) {
            *titles.entry(s.title.as_str()).or_default() += 1;
        }
    }
    let shared: std::collections::HashSet<String> = titles
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(title, _)| title.to_string())
        .collect();
    let items = capped(ids, move |id| {
        let d = data();
        let l = lang();
        let told = d
            .index
            .source(&id)
            .filter(|s| shared.contains(&s.title))
            .map(|s| {
                let publisher = s
                    .publisher
                    .as_deref()
                    .and_then(|p| d.index.actor(p))
                    .map(|a| a.name.clone());
                let date = s.date.as_ref().map(|date| l.date_spec(date));
                let parts: Vec<String> = publisher.into_iter().chain(date).collect();
                parts.join(l.strings().comma)
            })
            .filter(|told| !told.is_empty())
            .map(|told| view! { " — " <span class="publisher" dir="auto">{told}</span> });
        view! { <li dir="auto"><IdLink id kind=Kind::Source/>{told}</li> }
    });
    view! { <ul class="sources-list">{items}</ul> }
}

/// A link out of the app: clickable only when it is http(s), and it never tells
/// the other site where the reader came from.
#[component]
pub fn ExternalLink(url: String) -> impl IntoView {
    if is_http_link(&url) {
        let href = url.clone();
        view! { <a href=href rel="noopener noreferrer" target="_blank" dir="ltr">{url}</a> }
            .into_any()
    } else {
        view! { <span>{url}</span> }.into_any()
    }
}

/// Who made a claim: a link to the claimant, or, where the reporting article
/// speaks in its own voice, a plain name that says so.
#[component]
pub fn Claimant(claim: Claim) -> impl IntoView {
    match data().index.speaker_in(&claim, &lang().strings().speaker) {
        Speaker::Claimant(id) => view! { <IdLink id=id.to_string() kind=Kind::Actor/> }.into_any(),
        Speaker::OwnVoice(words) => {
            view! { <span class="author-voice" dir="auto">{words}</span> }.into_any()
        }
    }
}

/// How a record in a list filtered by an institution counts under it when it
/// does not involve it itself: "Counts under United Nations: António
/// Guterres, as Secretary-General of the United Nations". Nothing otherwise.
#[component]
pub fn ReachNote(kind: Kind, idx: usize) -> impl IntoView {
    let d = data();
    let index = &d.index;
    let t = lang().strings();
    let chosen = expect_context::<Nav>()
        .state
        .with_untracked(|s| s.filter.actors.clone());
    let n = index.numbering.number(kind, idx);
    chosen
        .iter()
        .filter_map(|id| index.find(id, Kind::Actor))
        .map(|b| (b, index.reached_through(n, b)))
        .filter(|(_, how)| !how.is_empty())
        .map(|(b, how)| {
            let actors = &index.corpus.actors;
            let reasons = how
                .into_iter()
                .enumerate()
                .map(|(i, reach)| {
                    let sep = (i > 0).then_some(t.comma);
                    match reach {
                        Reach::Part(a) => view! {
                            {sep}{t.through_part}<IdLink id=actors[a].id.clone() kind=Kind::Actor/>
                        }
                        .into_any(),
                        Reach::Role { person, role } => {
                            let title = actors[person]
                                .roles
                                .get(role)
                                .map(|r| r.title.clone())
                                .unwrap_or_default();
                            view! {
                                {sep}<IdLink id=actors[person].id.clone() kind=Kind::Actor/>
                                {t.as_role}<span dir="auto">{title}</span>
                            }
                            .into_any()
                        }
                    }
                })
                .collect_view();
            view! {
                <p class="under">{t.counted_under}" "<IdLink id=actors[b].id.clone() kind=Kind::Actor/>": "{reasons}</p>
            }
        })
        .collect_view()
}

/// A verbatim quote and the source it is taken from.
#[component]
pub fn Quote(quote: String, source: String) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote dir="auto">{quote}</blockquote>
            <figcaption>"— " <IdLink id=source kind=Kind::Source/></figcaption>
        </figure>
    }
}

/// Names the records that failed validation and were left out.
#[component]
pub fn RejectedNotice(rejected: Vec<Rejected>) -> impl IntoView {
    if rejected.is_empty() {
        return ().into_any();
    }
    let n = rejected.len();
    let l = lang();
    let t = l.strings();
    let items = rejected
        .into_iter()
        .map(|r| {
            let name = format!("{} {}", l.kind(r.kind).singular, r.name());
            let reasons = r
                .reasons
                .into_iter()
                .map(|why| view! { <li lang="en" dir="ltr">{why}</li> })
                .collect_view();
            view! { <li><strong>{name}</strong><ul>{reasons}</ul></li> }
        })
        .collect_view();
    view! {
        <section class="notice" role="status" aria-labelledby="rejected-title">
            <h2 id="rejected-title">
                {l.count(&t.rejected_title, n)}
            </h2>
            <p>{t.rejected_intro}</p>
            <details>
                <summary>{t.rejected_show}</summary>
                <ul class="rejected">{items}</ul>
            </details>
        </section>
    }
    .into_any()
}

/// Whether the `<details>` a toggle event comes from is now open.
pub fn details_opened(e: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// The last thing read, with what it was read for, in a thread-local cell: a
/// list drawn again at once when the reader comes back to it from a record.
pub type LastRead<K, V> = RefCell<Option<(K, V)>>;

/// What `cell` keeps, if it was read for `key`.
pub fn last_read<K: PartialEq, V: Clone>(
    cell: &'static LocalKey<LastRead<K, V>>,
    key: &K,
) -> Option<V> {
    cell.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(read, _)| read == key)
            .map(|(_, value)| value.clone())
    })
}

/// Keeps `value`, read for `key`, in `cell`, in place of what it kept.
pub fn keep_read<K, V>(cell: &'static LocalKey<LastRead<K, V>>, key: K, value: V) {
    cell.with(|last| *last.borrow_mut() = Some((key, value)));
}

/// The last few things read, newest last, each with what it was read for: the
/// parts a search needs, which the reader's next key most often needs again.
pub type FewRead<K, V> = RefCell<Vec<(K, V)>>;

/// What `cell` keeps read for `key`, if it still keeps it.
pub fn few_read<K: PartialEq, V: Clone>(
    cell: &'static LocalKey<FewRead<K, V>>,
    key: &K,
) -> Option<V> {
    cell.with(|kept| {
        (kept.borrow().iter())
            .find(|(read, _)| read == key)
            .map(|(_, value)| value.clone())
    })
}

/// Keeps `value`, read for `key`, in `cell`, which forgets the oldest beyond `most`.
pub fn keep_few<K: PartialEq, V>(
    cell: &'static LocalKey<FewRead<K, V>>,
    key: K,
    value: V,
    most: usize,
) {
    cell.with(|kept| {
        let mut kept = kept.borrow_mut();
        kept.retain(|(read, _)| *read != key);
        kept.push((key, value));
        let over = kept.len().saturating_sub(most);
        kept.drain(..over);
    });
}
