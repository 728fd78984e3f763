//! Plain-text citations of single records, with their stable link and the date
//! they were accessed: one paragraph, no HTML, ready to paste into a footnote.
//!
//! A claim is cited as what it is, an attributed statement ("X, as reported in
//! “Y”: X states that ..."), never restated as fact.

use crate::corpus::model::{Kind, Source};
use crate::corpus::vocab;
use crate::publish::export::long_date;
use crate::query::index::{Index, RecordRef};

/// Drops a final full stop, so that parts can be joined with ". ".
fn bare(text: &str) -> &str {
    text.trim().trim_end_matches('.').trim_end()
}

/// Ends a sentence with a full stop unless it already ends with punctuation.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// "“Title” (13 September 2016)", or without the date when it has none.
fn titled(source: &Source) -> String {
    match &source.date {
        Some(d) => format!("“{}” ({})", source.title, d.shown()),
        None => format!("“{}”", source.title),
    }
}

/// The corpus as the record's container: "<title>, version V, SHA-256 F",
/// where F is the fingerprint of the corpus file, so the citation traces to one
/// exact corpus.
fn corpus_name(index: &Index) -> String {
    let meta = &index.corpus.meta;
    let mut name = bare(&meta.title).to_string();
    if !meta.version.trim().is_empty() {
        name.push_str(&format!(", version {}", meta.version.trim()));
    }
    if let Some(f) = &index.fingerprint {
        name.push_str(&format!(", SHA-256 {f}"));
    }
    if let Some(place) = &index.elsewhere {
        name.push_str(&format!(
            " (not the corpus this site publishes: read from {place})"
        ));
    }
    name
}

/// "<link> (accessed 23 November 2026)."
fn link_part(link: &str, accessed: &str) -> String {
    let link = link.trim();
    let accessed = long_date(accessed);
    if link.is_empty() {
        format!("Accessed {accessed}.")
    } else {
        format!("{link} (accessed {accessed}).")
    }
}

fn actor_name(index: &Index, id: &str) -> String {
    index.actor(id).map_or(id.to_string(), |a| a.name.clone())
}

/// The source's own citation data: authors, publisher, title, date,
/// identifiers ("UN symbol A/HRC/34/65") and link, as sentences.
fn source_parts(index: &Index, s: &Source) -> Vec<String> {
    let mut parts = Vec::new();
    let authors: Vec<String> = s.authors.iter().map(|a| actor_name(index, a)).collect();
    if !authors.is_empty() {
        parts.push(authors.join(", "));
    }
    if let Some(p) = &s.publisher {
        let name = actor_name(index, p);
        if !authors.contains(&name) {
            parts.push(name);
        }
    }
    if s.untitled {
        parts.push(format!("[untitled] {}", bare(&s.title)));
    } else {
        parts.push(format!("“{}”", bare(&s.title)));
    }
    if let Some(d) = &s.date {
        parts.push(d.shown());
    }
    let identifiers: Vec<String> = s
        .identifiers
        .iter()
        .map(|x| format!("{} {}", vocab::IDENTIFIER_SCHEMES.label(&x.scheme), x.value))
        .collect();
    if !identifiers.is_empty() {
        parts.push(identifiers.join(", "));
    }
    if let Some(url) = &s.url {
        parts.push(url.clone());
    }
    parts
}

/// A plain-text citation of one record: what it is, the corpus it is in (title
/// and version), its stable `link` and the date it was `accessed` (YYYY-MM-DD,
/// written out: "23 November 2026"). One paragraph, no HTML.
///
/// - A source leads with its own citation data (authors, publisher, title or
///   "[untitled]" and its description, date, identifiers, url), then
///   "In: <corpus>, version V."
/// - An event: its title, date and place, then "Event record in <corpus>".
/// - A claim is attributed, never restated as fact: "<claimant>, as reported in
///   “<source>” (<date>): <paraphrase>", or "The author of “<source>” ..." when
///   the reporting source speaks in its own voice.
/// - An actor: its name and kind.
pub fn citation(index: &Index, r: RecordRef, link: &str, accessed: &str) -> String {
    let corpus = &index.corpus;
    let container = corpus_name(index);
    let body = match r.kind {
        Kind::Source => {
            let s = &corpus.sources[r.idx];
            let mut text: Vec<String> =
                source_parts(index, s).iter().map(|p| sentence(p)).collect();
            text.push(format!("In: {}.", bare(&container)));
            text.join(" ")
        }
        Kind::Event => {
            let e = &corpus.events[r.idx];
            let mut head = format!("“{}”", bare(&e.title));
            if let Some(d) = &e.date {
                head.push_str(&format!(", {}", d.shown()));
            }
            if let Some(place) = &e.place {
                head.push_str(&format!(", {}", bare(place)));
            }
            format!("{head}. Event record in {}.", bare(&container))
        }
        Kind::Claim => {
            let c = &corpus.claims[r.idx];
            let reported = index.source(&c.reported_in);
            let source = reported.map_or_else(|| format!("“{}”", c.reported_in), titled);
            let via = c.via.as_deref().and_then(|v| index.source(v));
            let who = match c.claimant.as_deref() {
                Some(id) if !c.in_author_voice() => {
                    let mut who = actor_name(index, id);
                    if let Some(relay) = &c.relayed_by {
                        who.push_str(&format!(", relayed by {}", actor_name(index, relay)));
                    }
                    if let Some(via) = via {
                        who.push_str(&format!(", first made in {}", titled(via)));
                    }
                    format!("{who}, as reported in {source}")
                }
                claimant => {
                    // The reporting article's own voice: the author of the document
                    // the words were first written in, as reported where we read them.
                    let mut who = match via {
                        Some(via) => format!("The author of {}", titled(via)),
                        None => format!("The author of {source}"),
                    };
                    if let Some(id) = claimant {
                        who.push_str(&format!(", for {}", actor_name(index, id)));
                    }
                    if via.is_some() {
                        who.push_str(&format!(", as reported in {source}"));
                    }
                    who
                }
            };
            format!(
                "{who}: {} Claim record ({}) in {}.",
                sentence(&c.paraphrase),
                vocab::CLAIM_KINDS.label(&c.kind).to_lowercase(),
                bare(&container)
            )
        }
        Kind::Actor => {
            let a = &corpus.actors[r.idx];
            let mut head = format!("{} ({}", bare(&a.name), vocab::ACTOR_KINDS.label(&a.kind));
            if let Some(country) = &a.country {
                head.push_str(&format!(", {country}"));
            }
            head.push(')');
            format!("{head}. Actor record in {}.", bare(&container))
        }
    };
    let one_line = format!("{body} {}", link_part(link, accessed));
    crate::corpus::text::collapse_whitespace(&one_line)
}
