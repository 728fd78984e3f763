//! The plain edition: the whole corpus as static HTML pages that need no
//! JavaScript, for readers with scripts off (Tor Browser at its safest) and for
//! archive crawlers. It is written from the same index the app uses, and shows
//! each record's facts with the app's wording; every cross-link is an ordinary link.
//!
//! Pure: `files` takes an index and returns (relative path, contents) pairs;
//! `src/bin/plain-edition.rs` writes them. All corpus text goes through `escape`.

use std::fmt::Write;

use crate::corpus::model::{Actor, Claim, DateSpec, Event, Kind, Meta, Source};
use crate::corpus::text::{is_http_link, thousands};
use crate::corpus::vocab;
use crate::i18n::Lang;
use crate::query::index::{Index, Speaker};

/// Every page's Content-Security-Policy: no scripts, nothing from another host.
pub const CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/// How many records a list page holds; longer lists go on over numbered pages.
pub const LIST_PAGE_SIZE: usize = 1000;

/// The one stylesheet: system fonts, readable on a phone, printable.
pub const CSS: &str = "\
:root { color-scheme: light dark; }
body { font: 1rem/1.5 system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; max-width: 46rem; margin: 0 auto; padding: 0 1rem 2rem; overflow-wrap: break-word; }
header { border-bottom: 1px solid #8886; padding: .5rem 0; }
header p { margin: .25rem 0; }
.site { font-weight: bold; }
nav ul, ul.plain { list-style: none; padding: 0; }
nav li { display: inline-block; margin: 0 1rem .25rem 0; }
h1 { font-size: 1.5rem; line-height: 1.25; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
.kind, .meta, .hint { color: #666; font-size: .9rem; margin: 0; }
ol.records > li { margin-bottom: 1rem; }
ol.records p { margin: .1rem 0; }
dl { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .25rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
dd ul { margin: 0; padding-left: 1.1rem; }
blockquote { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid #8888; font-style: italic; }
figure { margin: 1rem 0; }
.missing { color: #a00; }
code { overflow-wrap: anywhere; }
@media (max-width: 30rem) { dl { display: block; } dd { margin-bottom: .5rem; } }
@media print { header, nav, .pager { display: none; } body { max-width: none; } a { color: inherit; } }
";

/// Makes text safe anywhere in a page, in element content and in quoted attributes.
/// Where the app's page (`index.html`) takes the corpus's masthead.
pub const MASTHEAD_PLACEHOLDER: &str = "<!-- masthead -->";

/// Where the app's page says what to read without JavaScript.
pub const NOSCRIPT_PLACEHOLDER: &str = "<!-- noscript -->";

/// What the app's page says to a browser without JavaScript: where the plain
/// edition and the whole corpus file are, or that this site does not carry them.
pub fn noscript(edition: bool, whole: bool) -> String {
    let plain = if edition {
        "<a href=\"plain/index.html\">Read the plain edition, which needs no JavaScript</a>: every record as a page of its own."
    } else {
        "This site carries no plain edition."
    };
    let file = if whole {
        "The corpus itself is plain JSON: <a href=\"public/corpus.json\">public/corpus.json</a>."
    } else {
        "The corpus itself is plain JSON, in parts of a few hundred kilobytes each: <a href=\"parts/manifest.json\">parts/manifest.json</a> lists them."
    };
    format!(
        "<p>Dossier runs in your browser and needs JavaScript and WebAssembly. {plain} {file}</p>"
    )
}

/// The masthead the app draws (its name, the corpus title and description), as
/// static HTML for the app's page: a reader on a slow link sees what the corpus
/// is while the app loads, and the app replaces it with the same words.
pub fn masthead(meta: &crate::corpus::model::Meta) -> String {
    format!(
        "<header id=\"shell\" class=\"masthead\"><p class=\"app-name\">Dossier</p>\
         <h1 dir=\"auto\">{}</h1><p class=\"lede\" dir=\"auto\">{}</p></header>",
        escape(&meta.title),
        escape(&meta.description)
    )
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An id the corpus allows (the rule `validate` applies), so its page name
/// stays inside the edition.
pub use crate::corpus::validate::is_slug;

/// The list pages, by kind: file stem and heading.
const LISTS: [(Kind, &str, &str); 4] = [
    (Kind::Event, "events", "Events"),
    (Kind::Claim, "claims", "Claims"),
    (Kind::Source, "sources", "Sources"),
    (Kind::Actor, "actors", "Institutions & people"),
];

/// True for an id whose page would take the name of one of the edition's own
/// pages (`index`, `claims`, `claims-2`...).
fn is_reserved(id: &str) -> bool {
    if id == "index" {
        return true;
    }
    LISTS.iter().any(|(_, stem, _)| {
        id == *stem
            || id
                .strip_prefix(stem)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The file a record's page is written to, if it gets one.
pub fn page_name(id: &str) -> Option<String> {
    (is_slug(id) && !is_reserved(id)).then(|| format!("{id}.html"))
}

/// The ids of records that get no page (an id that is not a slug, or that
/// names one of the edition's own pages); links to them show as text.
pub fn left_out(index: &Index) -> Vec<String> {
    let c = &index.corpus;
    let ids = c.events.iter().map(|r| &r.id);
    let ids = ids.chain(c.claims.iter().map(|r| &r.id));
    let ids = ids.chain(c.sources.iter().map(|r| &r.id));
    let ids = ids.chain(c.actors.iter().map(|r| &r.id));
    ids.filter(|id| page_name(id).is_none()).cloned().collect()
}

/// Every file of the edition, as (path relative to the edition's folder, contents).
pub fn files(index: &Index) -> Vec<(String, String)> {
    let mut out = Vec::new();
    each_file(index, |path, text| out.push((path, text)));
    out
}

/// Hands each file of the edition to `emit` as it is written, so a large corpus
/// need not be held in memory whole. Same files, same order as `files`.
pub fn each_file(index: &Index, mut emit: impl FnMut(String, String)) {
    let w = Writer {
        index,
        linked: true,
    };
    emit("plain.css".into(), CSS.into());
    emit("index.html".into(), w.home());
    for (kind, stem, title) in LISTS {
        w.list_pages(kind, stem, title, &mut emit);
    }
    let c = &index.corpus;
    let records = (0..c.events.len()).map(|i| (Kind::Event, i));
    let records = records.chain((0..c.claims.len()).map(|i| (Kind::Claim, i)));
    let records = records.chain((0..c.sources.len()).map(|i| (Kind::Source, i)));
    let records = records.chain((0..c.actors.len()).map(|i| (Kind::Actor, i)));
    for (kind, i) in records {
        let (id, page) = match kind {
            Kind::Event => (&c.events[i].id, w.event_page(i)),
            Kind::Claim => (&c.claims[i].id, w.claim_page(i)),
            Kind::Source => (&c.sources[i].id, w.source_page(i)),
            Kind::Actor => (&c.actors[i].id, w.actor_page(i)),
        };
        if let Some(name) = page_name(id) {
            emit(name, page);
        }
    }
}

/// The corpus's title, description and particulars (version, date, licence and,
/// where given, the fingerprint of its file), as the edition's first lines.
fn about(m: &Meta, fingerprint: Option<&str>) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "<h1>{}</h1>", escape(&m.title));
    let _ = writeln!(b, "<p>{}</p>", escape(&m.description));
    b.push_str("<dl>\n");
    for (label, value) in [
        ("Version", m.version.as_str()),
        ("Updated", &m.updated),
        ("Licence", &m.licence),
        ("SHA-256 of corpus.json", fingerprint.unwrap_or_default()),
    ] {
        if !value.is_empty() {
            let _ = writeln!(b, "<dt>{label}</dt><dd>{}</dd>", escape(value));
        }
    }
    b.push_str("</dl>\n");
    b
}

/// The plain edition's contents in one piece, for a page that stands alone with
/// no other file beside it (the single-file edition's `<noscript>`): the
/// corpus's title, description and version, then each list in the app's order,
/// the first `per_list` records of each, with their names as text, not links.
/// An HTML fragment for a page's `<body>`, its headings from h1 down.
pub fn standalone(index: &Index, per_list: usize) -> String {
    let w = Writer {
        index,
        linked: false,
    };
    // The single file names its corpus's fingerprint once, in its own words.
    let mut b = about(&index.corpus.meta, None);
    for (kind, _, title) in LISTS {
        let order = w.order(kind);
        let total = order.len();
        let _ = writeln!(b, "<h2>{} ({})</h2>", escape(title), thousands(total));
        if total == 0 {
            b.push_str("<p>None in this corpus.</p>\n");
            continue;
        }
        if total > per_list {
            let _ = writeln!(
                b,
                "<p class=\"hint\">The first {} of {}: with JavaScript on, this file shows them all, with filters and search.</p>",
                thousands(per_list),
                thousands(total)
            );
        }
        b.push_str("<ol class=\"records\">\n");
        for &i in order.iter().take(per_list) {
            b.push_str(&w.list_item(kind, i as usize));
        }
        b.push_str("</ol>\n");
    }
    b
}

/// "1 claim", "3 claims", "12,400 claims": the edition is in English.
fn count(n: usize, kind: Kind) -> String {
    Lang::En.records(kind, n)
}

/// A list page's file name: `claims.html`, then `claims-2.html`...
fn list_file(stem: &str, page: usize) -> String {
    if page == 1 {
        format!("{stem}.html")
    } else {
        format!("{stem}-{page}.html")
    }
}

/// Splits an ordered list into runs that share a heading, keeping the order.
fn runs(items: &[u32], heading: impl Fn(usize) -> String) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for &item in items {
        let item = item as usize;
        let h = heading(item);
        match groups.last_mut() {
            Some((current, list)) if *current == h => list.push(item),
            _ => groups.push((h, vec![item])),
        }
    }
    groups
}

struct Writer<'a> {
    index: &'a Index,
    /// Whether records link to their pages: not in a page that stands alone.
    linked: bool,
}

impl Writer<'_> {
    /// A whole page around `body`, which holds the page's one h1.
    fn page(&self, title: &str, body: &str) -> String {
        let corpus = escape(&self.index.corpus.meta.title);
        let fingerprint = self.corpus_line();
        let mut nav = String::new();
        for (_, stem, label) in LISTS {
            let _ = write!(
                nav,
                "<li><a href=\"{stem}.html\">{}</a></li>",
                escape(label)
            );
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<title>{} · {corpus} · plain edition</title>\n\
<link rel=\"stylesheet\" href=\"plain.css\">\n</head>\n<body>\n\
<header>\n<p class=\"site\"><a href=\"index.html\">{corpus}</a></p>\n\
<p class=\"hint\">Plain edition: every record as a page that needs no JavaScript. \
<a href=\"../\">Open the interactive app</a> for filters and search.</p>\n{fingerprint}</header>\n\
<nav aria-label=\"Lists\"><ul><li><a href=\"index.html\">Contents</a></li>{nav}</ul></nav>\n\
<main>\n{body}</main>\n</body>\n</html>\n",
            escape(title)
        )
    }

    /// Which exact corpus the page shows: its version and the SHA-256 of its file.
    fn corpus_line(&self) -> String {
        let m = &self.index.corpus.meta;
        let mut parts = Vec::new();
        if !m.version.trim().is_empty() {
            parts.push(format!("Version {}", escape(m.version.trim())));
        }
        if let Some(f) = &self.index.fingerprint {
            parts.push(format!(
                "SHA-256 of corpus.json: <code>{}</code>",
                escape(f)
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("<p class=\"hint corpus-id\">{}</p>\n", parts.join(" · "))
        }
    }

    fn home(&self) -> String {
        let c = &self.index.corpus;
        let mut b = about(&c.meta, self.index.fingerprint.as_deref());
        b.push_str("<h2>The records</h2>\n<ul>\n");
        for (kind, stem, label) in LISTS {
            let n = self.index.len(kind);
            let _ = writeln!(
                b,
                "<li><a href=\"{stem}.html\">{}</a> ({})</li>",
                escape(label),
                thousands(n)
            );
        }
        b.push_str("</ul>\n<h2>About this edition</h2>\n");
        b.push_str(
            "<p>This is the plain edition of the corpus: every event, claim, source, institution \
and person has its own page, with all its cross-links as ordinary links. It needs no \
JavaScript. Claims are attributed statements, not facts: each names who makes it and \
where it is reported.</p>\n\
<p><a href=\"../\">Open the interactive app</a>, with filters, search and grouping, \
or download the whole corpus as JSON: <a href=\"../public/corpus.json\">corpus.json</a>.</p>\n",
        );
        self.page("Contents", &b)
    }

    /// The list of one kind, in the app's order, over as many pages as it takes.
    fn list_pages(
        &self,
        kind: Kind,
        stem: &str,
        title: &str,
        emit: &mut impl FnMut(String, String),
    ) {
        let index = self.index;
        let order = self.order(kind);
        let total = order.len();
        let pages = total.div_ceil(LIST_PAGE_SIZE).max(1);
        let group = |i: usize| -> String {
            match kind {
                Kind::Event | Kind::Claim => index.facts(kind)[i]
                    .span
                    .map_or("Undated".into(), |s| s.year().to_string()),
                Kind::Actor => vocab::ACTOR_KINDS
                    .label(&index.corpus.actors[i].kind)
                    .to_string(),
                Kind::Source => String::new(),
            }
        };
        for p in 1..=pages {
            let range = (p - 1) * LIST_PAGE_SIZE..(p * LIST_PAGE_SIZE).min(total);
            let mut b = String::new();
            let _ = writeln!(b, "<h1>{} ({})</h1>", escape(title), thousands(total));
            if total == 0 {
                b.push_str("<p>None in this corpus.</p>\n");
            }
            let pager = pager(stem, p, pages, range.clone(), total);
            b.push_str(&pager);
            let continued = range.start.checked_sub(1).map(|i| group(order[i] as usize));
            for (heading, items) in runs(&order[range.clone()], group) {
                if !heading.is_empty() {
                    let more = if continued.as_ref() == Some(&heading) {
                        " (continued)"
                    } else {
                        ""
                    };
                    let _ = writeln!(b, "<h2>{}{more}</h2>", escape(&heading));
                }
                b.push_str("<ol class=\"records\">\n");
                for i in items {
                    b.push_str(&self.list_item(kind, i));
                }
                b.push_str("</ol>\n");
            }
            b.push_str(&pager);
            let heading = if pages > 1 {
                format!("{title}, page {p} of {pages}")
            } else {
                title.to_string()
            };
            emit(list_file(stem, p), self.page(&heading, &b));
        }
    }

    /// The records of `kind` in the app's order.
    fn order(&self, kind: Kind) -> &[u32] {
        let orders = &self.index.orders;
        match kind {
            Kind::Event => &orders.events,
            Kind::Claim => &orders.claims_by_date,
            Kind::Source => &orders.sources,
            Kind::Actor => &orders.actors,
        }
    }

    /// One record in a list: its date or kind, a link to its page, one line more.
    fn list_item(&self, kind: Kind, i: usize) -> String {
        let c = &self.index.corpus;
        let facts = &self.index.facts(kind)[i].related;
        match kind {
            Kind::Event => {
                let e = &c.events[i];
                format!(
                    "<li><p class=\"meta\">{}</p><p>{}</p><p>{}</p></li>\n",
                    date_short(e.date.as_ref()),
                    self.link(Kind::Event, &e.id),
                    escape(&e.summary)
                )
            }
            Kind::Claim => {
                let cl = &c.claims[i];
                format!(
                    "<li><p class=\"meta\">{}</p><p>{}</p><p>Claimed by {}; reported in {}</p></li>\n",
                    claim_meta(cl),
                    self.link(Kind::Claim, &cl.id),
                    self.claimant(cl),
                    self.link(Kind::Source, &cl.reported_in)
                )
            }
            Kind::Source => {
                let s = &c.sources[i];
                let idents: Vec<&str> = s.identifiers.iter().map(|x| x.value.as_str()).collect();
                let mut meta = format!(
                    "{} · {}",
                    escape(vocab::SOURCE_KINDS.label(&s.kind)),
                    date_short(s.date.as_ref())
                );
                if !idents.is_empty() {
                    let _ = write!(meta, " · {}", escape(&idents.join(", ")));
                }
                let publisher = s.publisher.as_ref().map_or(String::new(), |p| {
                    format!("<p>Published by {}</p>", self.link(Kind::Actor, p))
                });
                format!(
                    "<li><p class=\"meta\">{meta}</p><p>{}</p>{publisher}<p class=\"meta\">{} · {} rest on it</p></li>\n",
                    self.link(Kind::Source, &s.id),
                    count(facts.events.len(), Kind::Event),
                    count(facts.claims.len(), Kind::Claim)
                )
            }
            Kind::Actor => {
                let a = &c.actors[i];
                format!(
                    "<li><p>{}</p><p class=\"meta\">{} · {} · {}</p></li>\n",
                    self.link(Kind::Actor, &a.id),
                    count(facts.events.len(), Kind::Event),
                    count(facts.claims.len(), Kind::Claim),
                    count(facts.sources.len(), Kind::Source)
                )
            }
        }
    }

    /// The name a record is shown by.
    fn label(&self, kind: Kind, id: &str) -> Option<&str> {
        let index = self.index;
        match kind {
            Kind::Actor => index.actor(id).map(|a| a.name.as_str()),
            Kind::Source => index.source(id).map(|s| s.title.as_str()),
            Kind::Event => index.event(id).map(|e| e.title.as_str()),
            Kind::Claim => index.claim(id).map(|c| c.paraphrase.as_str()),
        }
    }

    /// A link to a record's page, named as the app names it; a record without a
    /// page shows as text.
    fn link(&self, kind: Kind, id: &str) -> String {
        match (self.label(kind, id), page_name(id).filter(|_| self.linked)) {
            (Some(label), Some(file)) => format!("<a href=\"{file}\">{}</a>", escape(label)),
            (Some(label), None) => escape(label),
            (None, _) => format!("<span class=\"missing\">{}</span>", escape(id)),
        }
    }

    /// A list of links, or an empty string when there are none.
    fn links(&self, kind: Kind, ids: &[String]) -> String {
        let mut out = String::from("<ul>");
        for id in ids {
            let _ = write!(out, "<li>{}</li>", self.link(kind, id));
        }
        out.push_str("</ul>");
        out
    }

    fn link_row(&self, label: &str, kind: Kind, ids: &[String]) -> String {
        if ids.is_empty() {
            return String::new();
        }
        format!("<dt>{label}</dt><dd>{}</dd>\n", self.links(kind, ids))
    }

    /// Who made a claim, as the app says it: a link to the claimant, or, where the
    /// reporting article speaks in its own voice, a name that says so.
    fn claimant(&self, claim: &Claim) -> String {
        match self.index.speaker(claim) {
            Speaker::Claimant(id) => self.link(Kind::Actor, id),
            Speaker::OwnVoice(words) => escape(&words),
        }
    }

    /// A verbatim quote and a link to the source it is taken from.
    fn quote(&self, quote: &str, source: &str) -> String {
        format!(
            "<figure class=\"quote\"><blockquote>{}</blockquote><figcaption>— {}</figcaption></figure>\n",
            escape(quote),
            self.link(Kind::Source, source)
        )
    }

    /// A titled list of claims, each with its claimant and date.
    fn claims_section(&self, title: &str, claims: &[usize]) -> String {
        if claims.is_empty() {
            return String::new();
        }
        let mut b = format!("<section>\n<h2>{}</h2>\n<ul>\n", escape(title));
        for &c in claims {
            let claim = &self.index.corpus.claims[c];
            let _ = writeln!(
                b,
                "<li>{} <span class=\"meta\">— claimed by {}, {}</span></li>",
                self.link(Kind::Claim, &claim.id),
                self.claimant(claim),
                date_short(claim.date.as_ref())
            );
        }
        b.push_str("</ul>\n</section>\n");
        b
    }

    /// A titled list of events, each with its date.
    fn events_section(&self, title: &str, ids: &[String]) -> String {
        if ids.is_empty() {
            return String::new();
        }
        let mut b = format!(
            "<section>\n<h2>{}</h2>\n<ul class=\"plain\">\n",
            escape(title)
        );
        for id in ids {
            let date = self.index.event(id).and_then(|e| e.date.as_ref());
            let _ = writeln!(
                b,
                "<li>{} — {}</li>",
                date_short(date),
                self.link(Kind::Event, id)
            );
        }
        b.push_str("</ul>\n</section>\n");
        b
    }

    fn record_page(&self, kind_label: &str, title: &str, body: &str) -> String {
        let b = format!(
            "<article>\n<p class=\"kind\">{}</p>\n<h1>{}</h1>\n{body}</article>\n",
            escape(kind_label),
            escape(title)
        );
        self.page(title, &b)
    }

    fn event_page(&self, e: usize) -> String {
        let index = self.index;
        let event: &Event = &index.corpus.events[e];
        let facts = &index.events[e].related;
        let mut b = String::from("<dl>\n");
        let _ = writeln!(
            b,
            "<dt>Date</dt><dd>{}</dd>",
            date_long(event.date.as_ref())
        );
        if let Some(place) = &event.place {
            let _ = writeln!(b, "<dt>Place</dt><dd>{}</dd>", escape(place));
        }
        if !event.tags.is_empty() {
            let tags: Vec<&str> = event
                .tags
                .iter()
                .map(|t| vocab::EVENT_TAGS.label(t))
                .collect();
            let _ = writeln!(b, "<dt>Tags</dt><dd>{}</dd>", escape(&tags.join(", ")));
        }
        b.push_str(&self.link_row(
            "Sources",
            Kind::Source,
            &index.ids(Kind::Source, &facts.sources),
        ));
        b.push_str("</dl>\n");
        let _ = writeln!(b, "<p class=\"summary\">{}</p>", escape(&event.summary));
        if !event.actors.is_empty() {
            b.push_str("<section>\n<h2>Involved</h2>\n<ul class=\"plain\">\n");
            for p in &event.actors {
                let role = p
                    .role
                    .as_ref()
                    .map_or(String::new(), |r| format!(" — {}", escape(r)));
                let _ = writeln!(b, "<li>{}{role}</li>", self.link(Kind::Actor, &p.actor));
            }
            b.push_str("</ul>\n</section>\n");
        }
        b.push_str("<section>\n<h2>What the sources say</h2>\n");
        for x in &event.evidence {
            b.push_str(&self.quote(&x.quote, &x.source));
        }
        b.push_str("</section>\n");
        b.push_str(&self.claims_section(
            &format!("Claims about this event ({})", facts.claims.len()),
            &facts.claims,
        ));
        b.push_str(&self.events_section("Related events", &event.related));
        self.record_page("Event", &event.title, &b)
    }

    fn claim_page(&self, c: usize) -> String {
        let claim: &Claim = &self.index.corpus.claims[c];
        let mut b = self.quote(&claim.quote, &claim.reported_in);
        b.push_str("<dl>\n");
        let _ = writeln!(b, "<dt>Claimed by</dt><dd>{}</dd>", self.claimant(claim));
        if let Some(r) = &claim.relayed_by {
            let _ = writeln!(
                b,
                "<dt>Relayed by</dt><dd>{}</dd>",
                self.link(Kind::Actor, r)
            );
        }
        let _ = writeln!(
            b,
            "<dt>Made</dt><dd>{}</dd>",
            date_long(claim.date.as_ref())
        );
        let _ = writeln!(
            b,
            "<dt>Reported in</dt><dd>{}</dd>",
            self.link(Kind::Source, &claim.reported_in)
        );
        if let Some(v) = &claim.via {
            let _ = writeln!(
                b,
                "<dt>First made in</dt><dd>{}</dd>",
                self.link(Kind::Source, v)
            );
        }
        if let Some(t) = &claim.death_toll {
            let _ = writeln!(b, "<dt>Figure</dt><dd>{}</dd>", escape(&t.as_written));
        }
        if !claim.legal_terms.is_empty() {
            let terms: Vec<&str> = claim
                .legal_terms
                .iter()
                .map(|t| vocab::LEGAL_TERMS.label(t))
                .collect();
            let _ = writeln!(
                b,
                "<dt>Legal terms</dt><dd>{}</dd>",
                escape(&terms.join(", "))
            );
        }
        b.push_str(&self.link_row("About", Kind::Event, &claim.events));
        if let Some(n) = &claim.note {
            let _ = writeln!(b, "<dt>Note</dt><dd>{}</dd>", escape(n));
        }
        b.push_str("</dl>\n");
        let kind = format!("Claim · {}", vocab::CLAIM_KINDS.label(&claim.kind));
        self.record_page(&kind, &claim.paraphrase, &b)
    }

    fn source_page(&self, s: usize) -> String {
        let index = self.index;
        let source: &Source = &index.corpus.sources[s];
        let facts = &index.sources[s].related;
        let claims = &index.corpus.claims;
        let (reported, first_made): (Vec<usize>, Vec<usize>) = facts
            .claims
            .iter()
            .partition(|&&c| claims[c].reported_in == source.id);
        let mut b = String::new();
        if source.untitled {
            b.push_str(
                "<p class=\"hint\">The document gives no title; this is a description.</p>\n",
            );
        }
        b.push_str("<dl>\n");
        let _ = writeln!(
            b,
            "<dt>Date</dt><dd>{}</dd>",
            date_long(source.date.as_ref())
        );
        let publisher: Vec<String> = source.publisher.iter().cloned().collect();
        b.push_str(&self.link_row("Publisher", Kind::Actor, &publisher));
        b.push_str(&self.link_row("Authors", Kind::Actor, &source.authors));
        if !source.identifiers.is_empty() {
            b.push_str("<dt>Identifiers</dt><dd><ul>");
            for i in &source.identifiers {
                let _ = write!(
                    b,
                    "<li>{}: {}</li>",
                    escape(vocab::IDENTIFIER_SCHEMES.label(&i.scheme)),
                    escape(&i.value)
                );
            }
            b.push_str("</ul></dd>\n");
        }
        if let Some(url) = &source.url {
            let _ = writeln!(b, "<dt>Link</dt><dd>{}</dd>", external_link(url));
        }
        if let Some(url) = &source.archive_url {
            let _ = writeln!(b, "<dt>Archived copy</dt><dd>{}</dd>", external_link(url));
        }
        if let Some(hash) = &source.text_sha256 {
            let _ = writeln!(
                b,
                "<dt>Text SHA-256</dt><dd><code>{}</code></dd>",
                escape(hash)
            );
        }
        if let Some(day) = &source.captured {
            let _ = writeln!(b, "<dt>Text captured</dt><dd>{}</dd>", escape(day));
        }
        if let Some(t) = &source.stance {
            let _ = writeln!(b, "<dt>Affiliation and stance</dt><dd>{}</dd>", escape(t));
        }
        if let Some(n) = &source.note {
            let _ = writeln!(b, "<dt>Note</dt><dd>{}</dd>", escape(n));
        }
        b.push_str(&self.link_row("Cites", Kind::Source, &source.cites));
        b.push_str(&self.link_row(
            "Cited by",
            Kind::Source,
            &index.ids(Kind::Source, &index.cited_by[s]),
        ));
        b.push_str("</dl>\n");
        let _ = writeln!(
            b,
            "<p>{} and {} rest on this source.</p>",
            count(facts.events.len(), Kind::Event),
            count(facts.claims.len(), Kind::Claim)
        );
        b.push_str(
            &self.events_section("Events it reports", &index.ids(Kind::Event, &facts.events)),
        );
        b.push_str(&self.claims_section(
            &format!("Claims reported in it ({})", reported.len()),
            &reported,
        ));
        b.push_str(&self.claims_section("Claims first made in it", &first_made));
        let kind = format!("Source · {}", vocab::SOURCE_KINDS.label(&source.kind));
        self.record_page(&kind, &source.title, &b)
    }

    fn actor_page(&self, a: usize) -> String {
        let index = self.index;
        let actor: &Actor = &index.corpus.actors[a];
        let facts = &index.actors[a].related;
        let mut b = String::from("<dl>\n");
        if !actor.aliases.is_empty() {
            let _ = writeln!(
                b,
                "<dt>Also written</dt><dd>{}</dd>",
                escape(&actor.aliases.join(" · "))
            );
        }
        if !actor.names.is_empty() {
            let names: Vec<String> = actor
                .names
                .iter()
                .map(|n| {
                    format!(
                        "<span lang=\"{}\" dir=\"auto\">{}</span>",
                        escape(&n.lang),
                        escape(&n.name)
                    )
                })
                .collect();
            let _ = writeln!(
                b,
                "<dt>Names in other languages</dt><dd>{}</dd>",
                names.join(" · ")
            );
        }
        if let Some(c) = &actor.country {
            let _ = writeln!(b, "<dt>Country or scope</dt><dd>{}</dd>", escape(c));
        }
        if let Some(d) = &actor.description {
            let _ = writeln!(b, "<dt>Description</dt><dd>{}</dd>", escape(d));
        }
        b.push_str(&self.link_row(
            "Sources published or first made in",
            Kind::Source,
            &index.ids(Kind::Source, &facts.sources),
        ));
        b.push_str("</dl>\n");
        if !actor.roles.is_empty() {
            b.push_str(
                "<section>\n<h2>Roles, as the sources give them</h2>\n<ul class=\"plain\">\n",
            );
            for r in &actor.roles {
                let of = r.of.as_ref().map_or(String::new(), |o| {
                    format!(", {}", self.link(Kind::Actor, o))
                });
                let date = r
                    .date
                    .as_ref()
                    .map_or(String::new(), |d| format!(" ({})", date_short(Some(d))));
                let _ = writeln!(
                    b,
                    "<li>{}{of}{date} — <span class=\"hint\">according to {}</span></li>",
                    escape(&r.title),
                    self.link(Kind::Source, &r.source)
                );
            }
            b.push_str("</ul>\n</section>\n");
        }
        // Where it stands among institutions: what it is part of, its parts,
        // and the people who held its roles.
        if !actor.part_of.is_empty() {
            b.push_str("<section>\n<h2>Part of</h2>\n<ul class=\"plain\">\n");
            for p in &actor.part_of {
                let _ = writeln!(
                    b,
                    "<li>{} ({})</li>",
                    self.link(Kind::Actor, &p.of),
                    escape(vocab::PART_OF_BASES.label(&p.basis))
                );
            }
            b.push_str("</ul>\n</section>\n");
        }
        let actors = &index.corpus.actors;
        let parts: Vec<String> = index.parts[a]
            .iter()
            .map(|&p| actors[p as usize].id.clone())
            .collect();
        if !parts.is_empty() {
            b.push_str("<section>\n<h2>Its parts</h2>\n");
            b.push_str(&self.links(Kind::Actor, &parts));
            b.push_str("</section>\n");
        }
        if !index.role_holders[a].is_empty() {
            b.push_str("<section>\n<h2>People in its roles</h2>\n<ul class=\"plain\">\n");
            for &(person, role) in &index.role_holders[a] {
                let person = &actors[person as usize];
                let Some(r) = person.roles.get(role as usize) else {
                    continue;
                };
                let date = r
                    .date
                    .as_ref()
                    .map_or(String::new(), |d| format!(" ({})", date_short(Some(d))));
                let _ = writeln!(
                    b,
                    "<li>{}, as {}{date}</li>",
                    self.link(Kind::Actor, &person.id),
                    escape(&r.title)
                );
            }
            b.push_str("</ul>\n</section>\n");
        }
        let events = index.ids(Kind::Event, &facts.events);
        b.push_str(&self.events_section(
            &format!("Events involving {} ({})", actor.name, events.len()),
            &events,
        ));
        b.push_str(&self.claims_section(
            &format!("Claims made or relayed ({})", facts.claims.len()),
            &facts.claims,
        ));
        self.record_page(vocab::ACTOR_KINDS.label(&actor.kind), &actor.name, &b)
    }
}

/// Previous and next links, and every page of the list; nothing for one page.
fn pager(
    stem: &str,
    page: usize,
    pages: usize,
    range: std::ops::Range<usize>,
    total: usize,
) -> String {
    if pages <= 1 {
        return String::new();
    }
    let mut b = format!(
        "<nav class=\"pager\" aria-label=\"Pages of the list\"><p>Showing {}–{} of {}, page {} of {}.</p><ul>",
        thousands(range.start + 1),
        thousands(range.end),
        thousands(total),
        thousands(page),
        thousands(pages)
    );
    if page > 1 {
        let _ = write!(
            b,
            "<li><a rel=\"prev\" href=\"{}\">← Previous</a></li>",
            list_file(stem, page - 1)
        );
    }
    for n in 1..=pages {
        if n == page {
            let _ = write!(
                b,
                "<li><a aria-current=\"page\" href=\"{}\">{}</a></li>",
                list_file(stem, n),
                thousands(n)
            );
        } else {
            let _ = write!(
                b,
                "<li><a href=\"{}\">{}</a></li>",
                list_file(stem, n),
                thousands(n)
            );
        }
    }
    if page < pages {
        let _ = write!(
            b,
            "<li><a rel=\"next\" href=\"{}\">Next →</a></li>",
            list_file(stem, page + 1)
        );
    }
    b.push_str("</ul></nav>\n");
    b
}

/// A claim's kind, legal terms, figure and date, as the app's list shows them.
fn claim_meta(claim: &Claim) -> String {
    let mut meta = escape(vocab::CLAIM_KINDS.label(&claim.kind));
    if !claim.legal_terms.is_empty() {
        let terms: Vec<&str> = claim
            .legal_terms
            .iter()
            .map(|t| vocab::LEGAL_TERMS.label(t))
            .collect();
        let _ = write!(meta, " · {}", escape(&terms.join(", ")));
    }
    if let Some(t) = &claim.death_toll {
        let _ = write!(meta, " · <strong>{}</strong>", escape(&t.as_written));
    }
    let _ = write!(meta, " · {}", date_short(claim.date.as_ref()));
    meta
}

/// A date as lists show it: as precise as known, marked when inferred.
fn date_short(date: Option<&DateSpec>) -> String {
    match date {
        None => "undated".into(),
        Some(d) if d.is_inferred() => format!("{} (inferred)", escape(&d.shown())),
        Some(d) => escape(&d.shown()),
    }
}

/// A date as a record's page shows it: how an inferred date was worked out, and
/// the text's own wording.
fn date_long(date: Option<&DateSpec>) -> String {
    let Some(d) = date else {
        return "undated".into();
    };
    let mut out = escape(&d.shown());
    if d.is_inferred() {
        let how = d.inference.as_deref().unwrap_or_default();
        let _ = write!(out, " (inferred: {})", escape(how));
    }
    if let Some(w) = &d.as_written {
        let _ = write!(out, " — the text says “{}”", escape(w));
    }
    out
}

/// A link out of the edition: clickable only when it is http(s), and it never
/// tells the other site where the reader came from.
fn external_link(url: &str) -> String {
    if is_http_link(url) {
        let u = escape(url);
        format!("<a href=\"{u}\" rel=\"noopener noreferrer\">{u}</a>")
    } else {
        escape(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masthead_is_escaped_text() {
        let meta = crate::corpus::model::Meta {
            title: "<script>x</script> & co".into(),
            description: "a \"quote\"".into(),
            ..Default::default()
        };
        let html = masthead(&meta);
        assert!(
            html.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"),
            "{html}"
        );
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\" onmouseover='x'"),
            "&quot; onmouseover=&#39;x&#39;"
        );
        assert_eq!(escape("a & b"), "a &amp; b");
        assert_eq!(escape("Genève “x”"), "Genève “x”");
    }

    #[test]
    fn only_http_links_are_links() {
        assert_eq!(external_link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(
            external_link("https://example.org/?a=1&b=\"2\""),
            "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\">https://example.org/?a=1&amp;b=&quot;2&quot;</a>"
        );
    }

    #[test]
    fn page_names_stay_inside_the_edition() {
        assert_eq!(
            page_name("ev-1988-killings").as_deref(),
            Some("ev-1988-killings.html")
        );
        for bad in [
            "../x", "a/b", "", "A", "x-", "-x", "a--b", "index", "claims", "claims-2", "x.y",
        ] {
            assert_eq!(page_name(bad), None, "{bad}");
        }
        assert!(page_name("claims-x").is_some());
    }
}
