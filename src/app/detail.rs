//! One record in full, with every cross-link: an event to its claims and sources,
//! a claim to its event, claimant and source, a source to everything resting on
//! it, an actor to everything involving it.

use dossier::filter::Facet;
use dossier::model::{Actor, Claim, Event, Kind, Source};
use dossier::url_state::UrlState;
use dossier::vocab;
use leptos::prelude::*;

use super::bits::{capped, count, data, id_links, Claimant, DateText, ExternalLink, IdLink, Quote};
use super::charts::{tolls_about, DeathTollChart};
use super::lists::ClaimItem;
use super::nav::{Entry, Nav, StateLink};
use super::takeaway::Cite;

#[component]
pub fn Detail(id: String) -> impl IntoView {
    let d = data();
    let back = view! {
        <p class="back">
            <StateLink change=|s: &mut UrlState| s.record = None>"← Back to the list"</StateLink>
        </p>
    };
    let body = match d.index.lookup(&id) {
        None => view! {
            <div role="alert" class="empty">
                <h2>"No such record"</h2>
                <p>{format!("This corpus has no record with the id “{id}”. It may have been renamed, or left out because it failed validation.")}</p>
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

/// A titled list of claims, or nothing when there are none.
fn claims_section(title: String, claims: Vec<usize>) -> impl IntoView {
    (!claims.is_empty()).then(|| {
        let items = capped(claims, |c| view! { <ClaimItem c/> });
        view! { <section><h3>{title}</h3><ol class="records">{items}</ol></section> }
    })
}

fn events_section(title: String, events: Vec<String>) -> impl IntoView {
    (!events.is_empty()).then(|| {
        let items = capped(events, |id: String| {
            let d = data();
            let date = d.index.event(&id).and_then(|e| e.date.clone());
            view! { <li><DateText date/>" — "<IdLink id kind=Kind::Event/></li> }
        });
        view! { <section><h3>{title}</h3><ul class="plain">{items}</ul></section> }
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
            view! { <li><IdLink id=p.actor.clone() kind=Kind::Actor/>{p.role.clone().map(|r| format!(" — {r}"))}</li> }
        })
        .collect_view();
    let tags: Vec<&str> = event
        .tags
        .iter()
        .map(|t| vocab::EVENT_TAGS.label(t))
        .collect();
    let sources = d.index.ids(Kind::Source, &facts.related.sources);
    view! {
        <p class="kind-label">"Event"</p>
        <h2>{event.title.clone()}</h2>
        <dl class="facts">
            <dt>"Date"</dt><dd><DateText date=event.date.clone() long=true/></dd>
            {event.place.clone().map(|p| view! { <dt>"Place"</dt><dd>{p}</dd> })}
            {(!tags.is_empty()).then(|| view! { <dt>"Tags"</dt><dd>{tags.join(", ")}</dd> })}
            {link_row("Sources", sources, Kind::Source)}
        </dl>
        <p class="summary">{event.summary.clone()}</p>
        {(!event.actors.is_empty()).then(|| view! { <section><h3>"Involved"</h3><ul class="plain">{actors}</ul></section> })}
        <section><h3>"What the sources say"</h3>{evidence}</section>
        <DeathTollChart claims=tolls_about(e)/>
        {claims_section(format!("Claims about this event ({})", facts.related.claims.len()), facts.related.claims.clone())}
        {events_section("Related events".into(), event.related.clone())}
    }
}

#[component]
fn ClaimDetail(c: usize) -> impl IntoView {
    let d = data();
    let claim: Claim = d.index.corpus.claims[c].clone();
    let terms: Vec<&str> = claim
        .legal_terms
        .iter()
        .map(|t| vocab::LEGAL_TERMS.label(t))
        .collect();
    view! {
        <p class="kind-label">{format!("Claim · {}", vocab::CLAIM_KINDS.label(&claim.kind))}</p>
        <h2>{claim.paraphrase.clone()}</h2>
        <Quote quote=claim.quote.clone() source=claim.reported_in.clone()/>
        <dl class="facts">
            <dt>"Claimed by"</dt><dd><Claimant claim=claim.clone()/></dd>
            {claim.relayed_by.clone().map(|r| view! { <dt>"Relayed by"</dt><dd><IdLink id=r kind=Kind::Actor/></dd> })}
            <dt>"Made"</dt><dd><DateText date=claim.date.clone() long=true/></dd>
            <dt>"Reported in"</dt><dd><IdLink id=claim.reported_in.clone() kind=Kind::Source/></dd>
            {claim.via.clone().map(|v| view! { <dt>"First made in"</dt><dd><IdLink id=v kind=Kind::Source/></dd> })}
            {claim.death_toll.clone().map(|t| view! { <dt>"Figure"</dt><dd>{t.as_written}</dd> })}
            {(!terms.is_empty()).then(|| view! { <dt>"Legal terms"</dt><dd>{terms.join(", ")}</dd> })}
            {link_row("About", claim.events.clone(), Kind::Event)}
            {claim.note.clone().map(|n| view! { <dt>"Note"</dt><dd>{n}</dd> })}
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
    let idents = source
        .identifiers
        .iter()
        .map(|i| view! { <li>{format!("{}: {}", vocab::IDENTIFIER_SCHEMES.label(&i.scheme), i.value)}</li> })
        .collect_view();
    view! {
        <p class="kind-label">{format!("Source · {}", vocab::SOURCE_KINDS.label(&source.kind))}</p>
        <h2>{source.title.clone()}</h2>
        {source.untitled.then(|| view! { <p class="hint">"The document gives no title; this is a description."</p> })}
        <dl class="facts">
            <dt>"Date"</dt><dd><DateText date=source.date.clone() long=true/></dd>
            {link_row("Publisher", source.publisher.clone().into_iter().collect(), Kind::Actor)}
            {link_row("Authors", source.authors.clone(), Kind::Actor)}
            {(!source.identifiers.is_empty()).then(|| view! { <dt>"Identifiers"</dt><dd><ul class="plain">{idents}</ul></dd> })}
            {source.url.clone().map(|u| view! { <dt>"Link"</dt><dd><ExternalLink url=u/></dd> })}
            {source.stance.clone().map(|t| view! { <dt>"Affiliation and stance"</dt><dd>{t}</dd> })}
            {source.note.clone().map(|n| view! { <dt>"Note"</dt><dd>{n}</dd> })}
            {link_row("Cites", source.cites.clone(), Kind::Source)}
            {link_row("Cited by", cited_by, Kind::Source)}
        </dl>
        <p class="counts">{format!("{} and {} rest on this source.", count(facts.related.events.len(), "event"), count(facts.related.claims.len(), "claim"))}</p>
        {events_section("Events it reports".into(), events)}
        {claims_section(format!("Claims reported in it ({})", reported.len()), reported)}
        {claims_section("Claims first made in it".into(), first_made)}
    }
}

#[component]
fn ActorDetail(a: usize) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let actor: Actor = d.index.corpus.actors[a].clone();
    let facts = d.index.actors[a].clone();
    let roles = actor
        .roles
        .iter()
        .map(|r| {
            view! {
                <li>
                    {r.title.clone()}
                    {r.of.clone().map(|o| view! { ", " <IdLink id=o kind=Kind::Actor/> })}
                    {r.date.clone().map(|date| view! { " (" <DateText date=Some(date)/> ")" })}
                    " — " <span class="hint">"according to " <IdLink id=r.source.clone() kind=Kind::Source/></span>
                </li>
            }
        })
        .collect_view();
    let events = d.index.ids(Kind::Event, &facts.related.events);
    let sources = d.index.ids(Kind::Source, &facts.related.sources);
    let id = actor.id.clone();
    let filter_by = move |_| {
        let id = id.clone();
        nav.update(Entry::Push, move |s| {
            s.filter.choose(Facet::Actors, &id);
            s.record = None;
        });
    };
    view! {
        <p class="kind-label">{vocab::ACTOR_KINDS.label(&actor.kind).to_string()}</p>
        <h2>{actor.name.clone()}</h2>
        <dl class="facts">
            {(!actor.aliases.is_empty()).then(|| view! { <dt>"Also written"</dt><dd>{actor.aliases.join(" · ")}</dd> })}
            {actor.country.clone().map(|c| view! { <dt>"Country or scope"</dt><dd>{c}</dd> })}
            {actor.description.clone().map(|t| view! { <dt>"Description"</dt><dd>{t}</dd> })}
            {link_row("Sources published or first made in", sources, Kind::Source)}
        </dl>
        <button type="button" on:click=filter_by>{format!("Filter every view by {}", actor.name)}</button>
        {(!actor.roles.is_empty()).then(|| view! { <section><h3>"Roles, as the sources give them"</h3><ul class="plain">{roles}</ul></section> })}
        {events_section(format!("Events involving {} ({})", actor.name, events.len()), events)}
        {claims_section(format!("Claims made or relayed ({})", facts.related.claims.len()), facts.related.claims.clone())}
    }
}
