//! One record in full, with every cross-link: an event to its claims and sources,
//! a claim to its event, claimant and source, a source to everything resting on
//! it, an actor to everything involving it.

use dossier::corpus::model::{Actor, Claim, Event, Kind, Source};
use dossier::corpus::vocab;
use dossier::i18n::fill;
use dossier::publish::glance::kind_label;
use dossier::query::filter::Facet;
use dossier::query::index::RecordRef;
use dossier::query::url_state::UrlState;
use leptos::prelude::*;

use super::bits::{
    capped, count, data, id_links, lang, ActorName, Claimant, DateText, ExternalLink, IdLink, Quote,
};
use super::charts::{tolls_about, DeathTollChart};
use super::check_copy::CheckCopy;
use super::lists::ClaimItem;
use super::nav::{Entry, Nav, StateLink};
use super::takeaway::Cite;

#[component]
pub fn Detail(id: String) -> impl IntoView {
    let d = data();
    let t = lang().strings();
    let back = view! {
        <p class="back">
            <StateLink change=|s: &mut UrlState| s.record = None>{t.back}</StateLink>
        </p>
    };
    // A record other than the one gathered, while part of the corpus is alone
    // on screen, is being found.
    let finding = d
        .alone
        .as_ref()
        .is_some_and(|a| a.record.as_deref() != Some(id.as_str()));
    let body = match d.index.lookup(&id) {
        None if finding => view! { <p role="status">{t.finding_record}</p> }.into_any(),
        None => view! {
            <div role="alert" class="empty">
                <h2>{t.no_such_record}</h2>
                <p>{fill(t.no_such_record_text, &[&id])}</p>
            </div>
        }
        .into_any(),
        Some(r) => {
            let body = match r.kind {
                Kind::Event => view! { <EventDetail e=r.idx/> }.into_any(),
                Kind::Claim => view! { <ClaimDetail c=r.idx/> }.into_any(),
                Kind::Source => view! { <SourceDetail s=r.idx/> }.into_any(),
                Kind::Actor => view! { <ActorDetail a=r.idx/> }.into_any(),
            };
            view! { {body} <Cite r/> }.into_any()
        }
    };
    view! { {back} <article class="detail">{body}</article> }
}

/// What points to a record (`pointing`), where the whole corpus is read; in its
/// place, while only part of it is, a note that it waits: a list or count from
/// that part would be short, and look whole.
fn or_waits<V: IntoView + 'static>(whole: bool, pointing: impl FnOnce() -> V) -> AnyView {
    if whole {
        pointing().into_any()
    } else {
        view! { <p class="waits">{lang().strings().waits_for_corpus}</p> }.into_any()
    }
}

/// A titled list of claims, or nothing when there are none.
fn claims_section(title: String, claims: Vec<usize>) -> impl IntoView {
    (!claims.is_empty()).then(|| {
        let items = capped(claims, |c| view! { <ClaimItem c/> });
        view! { <section><h3 dir="auto">{title}</h3><ol class="records">{items}</ol></section> }
    })
}

fn events_section(title: String, events: Vec<String>) -> impl IntoView {
    (!events.is_empty()).then(|| {
        let items = capped(events, |id: String| {
            let d = data();
            // An event not yet arrived has no date to show, rather than "undated".
            let date = d.index.event(&id).map(|e| {
                let date = e.date.clone();
                view! { <DateText date/>" — " }
            });
            view! { <li>{date}<IdLink id kind=Kind::Event/></li> }
        });
        view! { <section><h3 dir="auto">{title}</h3><ul class="plain">{items}</ul></section> }
    })
}

fn link_row(label: &'static str, ids: Vec<String>, kind: Kind) -> impl IntoView {
    (!ids.is_empty()).then(|| view! { <dt>{label}</dt><dd>{id_links(ids, kind)}</dd> })
}

#[component]
fn EventDetail(e: usize) -> impl IntoView {
    let d = data();
    let event: Event = d.index.corpus.events[e].clone();
    let facts = d.index.events[e].clone();
    let evidence = event
        .evidence
        .iter()
        .map(|x| view! { <Quote quote=x.quote.clone() source=x.source.clone()/> })
        .collect_view();
    let actors = event
        .actors
        .iter()
        .map(|p| {
            view! { <li><IdLink id=p.actor.clone() kind=Kind::Actor/>{p.role.clone().map(|r| view! { " — " <span dir="auto">{r}</span> })}</li> }
        })
        .collect_view();
    let l = lang();
    let t = l.strings();
    let tags: Vec<&str> = event
        .tags
        .iter()
        .map(|tag| l.term(&vocab::EVENT_TAGS, tag))
        .collect();
    let sources = d.index.ids(Kind::Source, &facts.related.sources);
    let whole = d.alone.is_none();
    view! {
        <p class="kind-label">{kind_label(&d.index.corpus, RecordRef { kind: Kind::Event, idx: e }, l)}</p>
        <h2 dir="auto">{event.title.clone()}</h2>
        <dl class="facts">
            <dt>{t.date}</dt><dd><DateText date=event.date.clone() long=true/></dd>
            {event.place.clone().map(|p| view! { <dt>{t.place}</dt><dd dir="auto">{p}</dd> })}
            {(!tags.is_empty()).then(|| view! { <dt>{t.tags}</dt><dd>{tags.join(t.comma)}</dd> })}
            {whole.then(|| link_row(t.sources.title, sources, Kind::Source))}
        </dl>
        <p class="summary" dir="auto">{event.summary.clone()}</p>
        {(!event.actors.is_empty()).then(|| view! { <section><h3>{t.involved}</h3><ul class="plain">{actors}</ul></section> })}
        <section><h3>{t.what_sources_say}</h3>{evidence}</section>
        {or_waits(whole, || view! {
            <DeathTollChart claims=tolls_about(e)/>
            {claims_section(fill(t.claims_about, &[&l.number(facts.related.claims.len())]), facts.related.claims.clone())}
        })}
        {events_section(t.related_events.into(), event.related.clone())}
    }
}

#[component]
fn ClaimDetail(c: usize) -> impl IntoView {
    let d = data();
    let claim: Claim = d.index.corpus.claims[c].clone();
    let l = lang();
    let t = l.strings();
    let terms: Vec<&str> = claim
        .legal_terms
        .iter()
        .map(|term| l.term(&vocab::LEGAL_TERMS, term))
        .collect();
    view! {
        <p class="kind-label">{kind_label(&d.index.corpus, RecordRef { kind: Kind::Claim, idx: c }, l)}</p>
        <h2 dir="auto">{claim.paraphrase.clone()}</h2>
        <Quote quote=claim.quote.clone() source=claim.reported_in.clone()/>
        <dl class="facts">
            <dt>{t.claimed_by}</dt><dd><Claimant claim=claim.clone()/></dd>
            {claim.relayed_by.clone().map(|r| view! { <dt>{t.relayed_by}</dt><dd><IdLink id=r kind=Kind::Actor/></dd> })}
            <dt>{t.made}</dt><dd><DateText date=claim.date.clone() long=true/></dd>
            <dt>{t.reported_in}</dt><dd><IdLink id=claim.reported_in.clone() kind=Kind::Source/></dd>
            {claim.via.clone().map(|v| view! { <dt>{t.first_made_in}</dt><dd><IdLink id=v kind=Kind::Source/></dd> })}
            {claim.death_toll.clone().map(|toll| view! { <dt>{t.figure}</dt><dd dir="auto">{toll.as_written}</dd> })}
            {(!terms.is_empty()).then(|| view! { <dt>{t.legal_terms}</dt><dd>{terms.join(t.comma)}</dd> })}
            {link_row(t.about, claim.events.clone(), Kind::Event)}
            {claim.note.clone().map(|n| view! { <dt>{t.note}</dt><dd dir="auto">{n}</dd> })}
        </dl>
    }
}

#[component]
fn SourceDetail(s: usize) -> impl IntoView {
    let d = data();
    let source: Source = d.index.corpus.sources[s].clone();
    let facts = d.index.sources[s].clone();
    let cited_by = d.index.ids(Kind::Source, &d.index.cited_by[s]);
    let events = d.index.ids(Kind::Event, &facts.related.events);
    let reported: Vec<usize> = facts
        .related
        .claims
        .iter()
        .copied()
        .filter(|&c| d.index.corpus.claims[c].reported_in == source.id)
        .collect();
    let first_made: Vec<usize> = facts
        .related
        .claims
        .iter()
        .copied()
        .filter(|&c| d.index.corpus.claims[c].reported_in != source.id)
        .collect();
    let l = lang();
    let t = l.strings();
    let idents = source
        .identifiers
        .iter()
        .map(|i| view! { <li>{l.term(&vocab::IDENTIFIER_SCHEMES, &i.scheme).to_string()}": "<span dir="ltr">{i.value.clone()}</span></li> })
        .collect_view();
    let whole = d.alone.is_none();
    let resting = or_waits(whole, || {
        view! {
            <p class="counts">{fill(t.rest_on_source, &[&count(facts.related.events.len(), Kind::Event), &count(facts.related.claims.len(), Kind::Claim)])}</p>
            {events_section(t.events_it_reports.into(), events)}
            {claims_section(fill(t.claims_reported, &[&l.number(reported.len())]), reported)}
            {claims_section(t.claims_first_made.into(), first_made)}
            <CheckCopy s/>
        }
    });
    view! {
        <p class="kind-label">{kind_label(&d.index.corpus, RecordRef { kind: Kind::Source, idx: s }, l)}</p>
        <h2 dir="auto">{source.title.clone()}</h2>
        {source.untitled.then(|| view! { <p class="hint">{t.untitled}</p> })}
        <dl class="facts">
            <dt>{t.date}</dt><dd><DateText date=source.date.clone() long=true/></dd>
            {link_row(t.publisher, source.publisher.clone().into_iter().collect(), Kind::Actor)}
            {link_row(t.authors, source.authors.clone(), Kind::Actor)}
            {(!source.identifiers.is_empty()).then(|| view! { <dt>{t.identifiers}</dt><dd><ul class="plain">{idents}</ul></dd> })}
            {source.url.clone().map(|u| view! { <dt>{t.link}</dt><dd><ExternalLink url=u/></dd> })}
            {source.archive_url.clone().map(|u| view! { <dt>{t.archived_copy}</dt><dd><ExternalLink url=u/></dd> })}
            {source.text_sha256.clone().map(|h| view! { <dt>{t.text_sha256}</dt><dd><code class="sha256">{h}</code></dd> })}
            {source.captured.clone().map(|d| view! { <dt>{t.text_captured}</dt><dd dir="auto">{day_text(&d)}</dd> })}
            {source.stance.clone().map(|stance| view! { <dt>{t.stance}</dt><dd dir="auto">{stance}</dd> })}
            {source.note.clone().map(|n| view! { <dt>{t.note}</dt><dd dir="auto">{n}</dd> })}
            {link_row(t.cites, source.cites.clone(), Kind::Source)}
            {whole.then(|| link_row(t.cited_by, cited_by, Kind::Source))}
        </dl>
        {resting}
    }
}

#[component]
fn ActorDetail(a: usize) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let actor: Actor = d.index.corpus.actors[a].clone();
    let facts = d.index.actors[a].clone();
    let l = lang();
    let t = l.strings();
    let roles = actor
        .roles
        .iter()
        .map(|r| {
            view! {
                <li>
                    <span dir="auto">{r.title.clone()}</span>
                    {r.of.clone().map(|o| view! { {t.comma} <IdLink id=o kind=Kind::Actor/> })}
                    {r.date.clone().map(|date| view! { " (" <DateText date=Some(date)/> ")" })}
                    " — " <span class="hint">{t.according_to} <IdLink id=r.source.clone() kind=Kind::Source/></span>
                </li>
            }
        })
        .collect_view();
    let events = d.index.ids(Kind::Event, &facts.related.events);
    let sources = d.index.ids(Kind::Source, &facts.related.sources);
    // Where it stands among institutions: what it is part of, its parts, and
    // the people who held its roles, each a link.
    let part_of = actor
        .part_of
        .iter()
        .map(|p| {
            view! {
                <li><IdLink id=p.of.clone() kind=Kind::Actor/>
                    " (" {l.term(&vocab::PART_OF_BASES, &p.basis).to_string()}
                    {p.source.clone().map(|s| view! { {t.comma}{t.according_to}<IdLink id=s kind=Kind::Source/> })}
                    ")"</li>
            }
        })
        .collect_view();
    let actors = &d.index.corpus.actors;
    let parts: Vec<String> = d.index.parts[a]
        .iter()
        .map(|&p| actors[p as usize].id.clone())
        .collect();
    let holders = d.index.role_holders[a]
        .iter()
        .map(|&(person, role)| {
            let person = &actors[person as usize];
            let role = person.roles.get(role as usize).cloned().unwrap_or_default();
            view! {
                <li><IdLink id=person.id.clone() kind=Kind::Actor/>{t.as_role}<span dir="auto">{role.title}</span>
                    {role.date.map(|date| view! { " (" <DateText date=Some(date)/> ")" })}</li>
            }
        })
        .collect_view();
    let has_holders = !d.index.role_holders[a].is_empty();
    // Claims: its own, and those through its parts and people in role.
    let claims = d.index.numbering.range(Kind::Claim);
    let through = &d.index.through[a];
    let through_claims = through.partition_point(|&n| (n as usize) < claims.end)
        - through.partition_point(|&n| (n as usize) < claims.start);
    let counts = (through_claims > 0).then(|| {
        fill(
            t.own_and_through,
            &[
                &l.number(facts.related.claims.len()),
                &l.number(through_claims),
            ],
        )
    });
    let id = actor.id.clone();
    let filter_by = move |_| {
        let id = id.clone();
        nav.update(Entry::Push, move |s| {
            s.filter.choose(Facet::Actors, &id);
            s.record = None;
        });
    };
    let whole = d.alone.is_none();
    let button = fill(t.filter_every_view, &[&actor.name]);
    // Before the corpus is read, the events list for one actor comes from its
    // own parts, where the build wrote them (`by_actor`).
    let listed = d.manifest.as_ref().is_some_and(|m| !m.by_actor.is_empty());
    let counts = if whole {
        view! {
            {counts.map(|c| view! { <p class="counts">{t.claims.title}": "{c}</p> })}
            <button type="button" on:click=filter_by>{button}</button>
        }
        .into_any()
    } else {
        view! {
            {or_waits(whole, || ())}
            {listed.then(|| view! { <button type="button" on:click=filter_by>{button}</button> })}
        }
        .into_any()
    };
    // Its parts and people in role point to it: not known from part of the corpus.
    let below = whole.then(|| {
        view! {
            {(!parts.is_empty()).then(|| view! { <section><h3>{t.its_parts}</h3>{id_links(parts, Kind::Actor)}</section> })}
            {has_holders.then(|| view! { <section><h3>{t.people_in_role}</h3><ul class="plain">{holders}</ul></section> })}
        }
    });
    view! {
        <p class="kind-label">{kind_label(&d.index.corpus, RecordRef { kind: Kind::Actor, idx: a }, l)}</p>
        <h2><ActorName actor=&actor/></h2>
        <dl class="facts">
            {(!actor.aliases.is_empty()).then(|| view! { <dt>{t.also_written}</dt><dd dir="auto">{actor.aliases.join(" · ")}</dd> })}
            {other_names(&actor)}
            {actor.country.clone().map(|c| view! { <dt>{t.country}</dt><dd dir="auto">{c}</dd> })}
            {actor.description.clone().map(|text| view! { <dt>{t.description}</dt><dd dir="auto">{text}</dd> })}
            {whole.then(|| link_row(t.sources_of_actor, sources, Kind::Source))}
        </dl>
        {counts}
        {(!actor.part_of.is_empty()).then(|| view! { <section><h3>{t.part_of}</h3><ul class="plain">{part_of}</ul></section> })}
        {below}
        {(!actor.roles.is_empty()).then(|| view! { <section><h3>{t.roles}</h3><ul class="plain">{roles}</ul></section> })}
        {whole.then(|| view! {
            {events_section(fill(t.events_involving, &[&actor.name, &l.number(events.len())]), events)}
            {claims_section(fill(t.claims_made, &[&l.number(facts.related.claims.len())]), facts.related.claims.clone())}
        })}
    }
}

/// A day as the reader's language writes it ("13 July 2024"), or as written
/// when it is not a date.
fn day_text(day: &str) -> String {
    match dossier::corpus::date::PartialDate::parse(day) {
        Ok(d) => lang().date(&d),
        Err(_) => day.to_string(),
    }
}

/// An actor's names in other languages, each with its language named and
/// marked, so a screen reader speaks it in its own voice.
fn other_names(actor: &Actor) -> impl IntoView {
    let l = lang();
    let items = actor
        .names
        .iter()
        .map(|n| {
            let language = l.language_name(n.lang.split(['-', '_']).next().unwrap_or(&n.lang));
            view! {
                <li>{language}": "<span lang=n.lang.clone() dir="auto">{n.name.clone()}</span></li>
            }
        })
        .collect_view();
    (!actor.names.is_empty()).then(|| {
        view! { <dt>{l.strings().other_names}</dt><dd><ul class="plain">{items}</ul></dd> }
    })
}
