//! A record's first look: what the page shows of a record opened by its address
//! (`?id=`) before the app has downloaded. On a slow link the app's wasm alone
//! takes seconds; these few lines of text, in a small part, take a fraction of
//! that. Its kind, its heading and its first facts, worded in each language of
//! the interface as the app's record page words them, and an event's summary or a
//! claim's verbatim quote, as plain text that the page's script puts in place as
//! text, never as markup (`index.html`). The build
//! writes them as a table by id, each part listed by the directory part of the
//! same ids (`publish::parts`); the app then draws the record in full in their
//! place.

use serde::{Deserialize, Serialize};

use crate::corpus::model::{Corpus, Kind};
use crate::corpus::vocab;
use crate::i18n::{fill, Lang};
use crate::publish::plain::escape;
use crate::query::index::{Index, RecordRef, Speaker};

/// A record's first look in one language, as its JSON writes it:
/// `[label, heading, [[term, value], …]]`: its kind as the record page names it
/// ("Claim · Death toll"), its heading, and its first facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glance(pub String, pub String, pub Vec<(String, String)>);

impl Glance {
    pub fn label(&self) -> &str {
        &self.0
    }

    pub fn heading(&self) -> &str {
        &self.1
    }

    pub fn facts(&self) -> &[(String, String)] {
        &self.2
    }
}

/// What kind of record `r` is, as its page says above its heading: "Event",
/// "Claim · Death toll", "Source · News report", an actor's kind ("Court").
pub fn kind_label(corpus: &Corpus, r: RecordRef, l: Lang) -> String {
    let t = l.strings();
    let with_kind =
        |kind: &str, vocab, value: &str| fill(t.kind_and_label, &[kind, l.term(vocab, value)]);
    match r.kind {
        Kind::Event => t.events.singular.into(),
        Kind::Claim => with_kind(
            t.claims.singular,
            &vocab::CLAIM_KINDS,
            &corpus.claims[r.idx].kind,
        ),
        Kind::Source => with_kind(
            t.sources.singular,
            &vocab::SOURCE_KINDS,
            &corpus.sources[r.idx].kind,
        ),
        Kind::Actor => l
            .term(&vocab::ACTOR_KINDS, &corpus.actors[r.idx].kind)
            .into(),
    }
}

/// The record `r`'s first look in the language `l`: the kind label and heading
/// of its page, and the facts that say where it comes from (a claim's claimant,
/// date and source; an event's or a source's date).
pub fn glance(index: &Index, r: RecordRef, l: Lang) -> Glance {
    let t = l.strings();
    let corpus = &index.corpus;
    let label = kind_label(corpus, r, l);
    let date = |term: &str, date| (term.to_string(), l.date_in_full(date));
    match r.kind {
        Kind::Event => {
            let event = &corpus.events[r.idx];
            let mut facts = vec![date(t.date, event.date.as_ref())];
            facts.extend(event.place.clone().map(|p| (t.place.to_string(), p)));
            Glance(label, event.title.clone(), facts)
        }
        Kind::Claim => {
            let claim = &corpus.claims[r.idx];
            let claimant = match index.speaker_in(claim, &t.speaker) {
                Speaker::Claimant(id) => index.actor(id).map_or(id.to_string(), |a| name(a, l)),
                Speaker::OwnVoice(words) => words,
            };
            let source = index
                .source(&claim.reported_in)
                .map_or(claim.reported_in.clone(), |s| s.title.clone());
            Glance(
                label,
                claim.paraphrase.clone(),
                vec![
                    (t.claimed_by.into(), claimant),
                    date(t.made, claim.date.as_ref()),
                    (t.reported_in.into(), source),
                ],
            )
        }
        Kind::Source => {
            let source = &corpus.sources[r.idx];
            Glance(
                label,
                source.title.clone(),
                vec![date(t.date, source.date.as_ref())],
            )
        }
        Kind::Actor => Glance(label, name(&corpus.actors[r.idx], l), Vec::new()),
    }
}

/// An actor's name as a record page heads it: its names in the language beside it.
fn name(actor: &crate::corpus::model::Actor, l: Lang) -> String {
    match l.other_names(actor) {
        Some(others) => format!("{} ({others})", actor.name),
        None => actor.name.clone(),
    }
}

/// A record's first look as a part of them holds it, as its JSON writes it:
/// `[[look, …], summary, quote]`: its look in each language of the interface, in
/// `Lang::ALL`'s order, then an event's summary and a claim's verbatim quote (or
/// `null`), corpus text that reads the same in every language, so written once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstLook(pub Vec<Glance>, pub Option<String>, pub Option<String>);

impl FirstLook {
    /// The look in each language of the interface, in `Lang::ALL`'s order.
    pub fn looks(&self) -> &[Glance] {
        &self.0
    }

    /// An event's summary, as its page shows it under its facts.
    pub fn summary(&self) -> Option<&str> {
        self.1.as_deref()
    }

    /// A claim's verbatim quote from the source that reports it.
    pub fn quote(&self) -> Option<&str> {
        self.2.as_deref()
    }
}

/// The record `kind` `idx`'s first look: what the build writes for it
/// (`parts::split_worded`).
pub fn looks(index: &Index, kind: Kind, idx: usize) -> FirstLook {
    let looks = Lang::ALL
        .map(|l| glance(index, RecordRef { kind, idx }, l))
        .to_vec();
    let corpus = &index.corpus;
    match kind {
        Kind::Event => FirstLook(looks, Some(corpus.events[idx].summary.clone()), None),
        Kind::Claim => FirstLook(looks, None, Some(corpus.claims[idx].quote.clone())),
        Kind::Source | Kind::Actor => FirstLook(looks, None, None),
    }
}

/// Where the app's page (`index.html`) takes the frames.
pub const PLACEHOLDER: &str = "<!-- record glance -->";

/// The empty frame of a record's first look in every language of the interface,
/// written into the app's page at build time: `glance-en`, `glance-fa`, each
/// hidden until the page's script fills it in for a record opened by its address.
pub fn frames() -> String {
    Lang::ALL
        .map(|l| {
            format!(
                "<section id=\"glance-{0}\" class=\"glance\" lang=\"{0}\" dir=\"{1}\" aria-labelledby=\"glance-title-{0}\"><p class=\"kind-label\"></p><h2 id=\"glance-title-{0}\" dir=\"auto\"></h2><figure class=\"quote\" hidden><blockquote dir=\"auto\"></blockquote></figure><dl class=\"facts\"></dl><p class=\"summary\" dir=\"auto\" hidden></p><p class=\"hint\">{2}</p></section>",
                l.code(),
                l.dir(),
                escape(l.strings().glance_note)
            )
        })
        .concat()
}
