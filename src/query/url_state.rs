//! Everything on screen, as a query string: `?view=claims&actor=act-x&from=2016`.
//!
//! One page holds every view, so a static host with no rewrite rules serves every
//! link, and reload, back/forward and shared links restore what was on screen.

use crate::corpus::model::Kind;
use crate::i18n::Lang;
use crate::query::filter::Filter;
use crate::query::order::ClaimOrder;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Events,
    Claims,
    Sources,
    Actors,
}

impl View {
    pub const ALL: [View; 4] = [View::Events, View::Claims, View::Sources, View::Actors];

    pub fn key(self) -> &'static str {
        match self {
            View::Events => "events",
            View::Claims => "claims",
            View::Sources => "sources",
            View::Actors => "actors",
        }
    }

    /// The kind of record the view lists.
    pub fn kind(self) -> Kind {
        match self {
            View::Events => Kind::Event,
            View::Claims => Kind::Claim,
            View::Sources => Kind::Source,
            View::Actors => Kind::Actor,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Events => "Events",
            View::Claims => "Claims",
            View::Sources => "Sources",
            View::Actors => "Institutions & people",
        }
    }

    fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub view: View,
    /// The record shown in detail, by id.
    pub record: Option<String>,
    pub claim_order: ClaimOrder,
    pub filter: Filter,
    /// The page of the list, counted from 1; 0 and 1 both mean the first.
    pub page: usize,
    /// Another corpus on the same site, by relative path; None for the shipped one.
    pub corpus: Option<String>,
    /// The span the timeline shows ("1980/2000"); None for the whole record.
    pub timeline: Option<String>,
    /// The interface language chosen in the page; None follows the browser.
    pub lang: Option<Lang>,
}

/// Checks a `?corpus=` path: it must name a file on the same site, relative to
/// the page, so that the page still connects to no other host (its
/// Content-Security-Policy allows `connect-src 'self'` only, and this says why
/// a path is refused before the browser does, less clearly).
pub fn corpus_path(path: &str) -> Result<&str, NotASitePath> {
    let path = path.trim();
    let refuse = |why: &'static str| {
        Err(NotASitePath {
            path: path.to_string(),
            why,
        })
    };
    if path.is_empty() {
        return refuse("it is empty");
    }
    if path.contains(':') {
        return refuse("it names a scheme or another host");
    }
    if path.starts_with('/') || path.starts_with('\\') || path.contains('\\') {
        return refuse("only paths relative to this page are opened");
    }
    if path.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return refuse("it holds spaces or control characters");
    }
    Ok(path)
}

/// A `?corpus=` value that is not a relative path on this site, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotASitePath {
    pub path: String,
    pub why: &'static str,
}

impl std::fmt::Display for NotASitePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "“{}” is not a path on this site ({}). Give a relative path such as corpora/other.json.",
            self.path, self.why
        )
    }
}

/// How many records a page of a list shows.
pub const PAGE_SIZE: usize = 50;

/// One page of a list of `items` records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Counted from 1, and never past the last page.
    pub number: usize,
    /// How many pages the list has; at least 1, even when it is empty.
    pub count: usize,
    /// The positions in the list this page shows.
    pub range: std::ops::Range<usize>,
}

impl Page {
    /// The page `requested` of a list, brought within the list: a link to page 9
    /// of a list that has shrunk to 3 pages shows page 3.
    pub fn of(items: usize, requested: usize, size: usize) -> Page {
        let size = size.max(1);
        let count = items.div_ceil(size).max(1);
        let number = requested.clamp(1, count);
        let start = (number - 1) * size;
        Page {
            number,
            count,
            range: start..items.min(start + size),
        }
    }
}

impl UrlState {
    /// Reads a query string, with or without its leading '?'. Unknown keys and
    /// values are ignored, so an old or hand-edited link still opens.
    pub fn from_query(query: &str) -> UrlState {
        let mut state = UrlState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            let f = &mut state.filter;
            match decode(key).as_str() {
                "view" => state.view = View::from_key(&value).unwrap_or_default(),
                "id" if !value.is_empty() => state.record = Some(value),
                "order" => state.claim_order = ClaimOrder::from_key(&value).unwrap_or_default(),
                "from" => f.from = value,
                "to" => f.to = value,
                "undated" => f.include_undated = value == "1",
                "actor" => push_new(&mut f.actors, value),
                "tag" => push_new(&mut f.tags, value),
                "claim" => push_new(&mut f.claim_kinds, value),
                "source" => push_new(&mut f.source_kinds, value),
                "term" => push_new(&mut f.legal_terms, value),
                "q" => f.text = value,
                "page" => state.page = value.parse().unwrap_or(0),
                "corpus" if !value.is_empty() => state.corpus = Some(value),
                "tl" if !value.is_empty() => state.timeline = Some(value),
                "lang" => state.lang = Lang::from_code(&value),
                _ => {}
            }
        }
        state
    }

    /// The query string for this state, starting with '?'; defaults are left out.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(lang) = self.lang {
            pairs.push(("lang", lang.code()));
        }
        if let Some(corpus) = &self.corpus {
            pairs.push(("corpus", corpus));
        }
        if self.view != View::Events {
            pairs.push(("view", self.view.key()));
        }
        if let Some(id) = &self.record {
            pairs.push(("id", id));
        }
        if let Some(span) = &self.timeline {
            pairs.push(("tl", span));
        }
        if self.claim_order != ClaimOrder::Date {
            pairs.push(("order", self.claim_order.key()));
        }
        let f = &self.filter;
        for (key, value) in [("from", &f.from), ("to", &f.to), ("q", &f.text)] {
            if !value.is_empty() {
                pairs.push((key, value));
            }
        }
        if f.include_undated {
            pairs.push(("undated", "1"));
        }
        let page = self.page.to_string();
        if self.page > 1 {
            pairs.push(("page", &page));
        }
        for (key, values) in [
            ("actor", &f.actors),
            ("tag", &f.tags),
            ("claim", &f.claim_kinds),
            ("source", &f.source_kinds),
            ("term", &f.legal_terms),
        ] {
            pairs.extend(values.iter().map(|v| (key, v.as_str())));
        }
        let body: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("?{}", body.join("&"))
    }
}

impl UrlState {
    /// The state to show after a change from `before`: a new filter, view or
    /// order starts the list again from its first page; opening a record and
    /// coming back keeps the page.
    pub fn after_change_from(mut self, before: &UrlState) -> UrlState {
        let relisted = self.filter != before.filter
            || self.view != before.view
            || self.claim_order != before.claim_order;
        if relisted && self.page == before.page {
            self.page = 0;
        }
        self
    }

    /// The page asked for, counted from 1.
    pub fn page_number(&self) -> usize {
        self.page.max(1)
    }
}

fn push_new(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
    }
}

/// Percent-encodes all but unreserved characters (RFC 3986).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes and '+' as a space; a broken escape is kept as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

// How each language of the interface words these.
impl Lang {
    pub fn view_label(self, view: View) -> &'static str {
        self.kind(view.kind()).title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_read_and_written_under_its_facets_key() {
        use crate::query::filter::Facet;
        // The kinds' table of a corpus in parts is keyed by these names.
        for facet in Facet::TERMS {
            let state = UrlState::from_query(&format!("?{}=x-y", facet.key()));
            assert_eq!(state.filter.chosen(facet), ["x-y"], "{facet:?}");
            assert_eq!(state.to_query(), format!("?{}=x-y", facet.key()));
        }
    }

    fn full_state() -> UrlState {
        UrlState {
            view: View::Claims,
            record: Some("cl-hrw-2005".into()),
            claim_order: ClaimOrder::Claimant,
            filter: Filter {
                from: "1988".into(),
                to: "2016-09".into(),
                include_undated: true,
                actors: vec!["act-amnesty".into(), "act-un-hrc".into()],
                tags: vec!["conference".into()],
                claim_kinds: vec!["death-toll".into()],
                source_kinds: vec!["un-report".into()],
                legal_terms: vec!["genocide".into()],
                text: "Genève & “crime”/100%".into(),
            },
            page: 3,
            corpus: Some("corpora/other one.json".into()),
            timeline: Some("1980/2000".into()),
            lang: Some(Lang::Fa),
        }
    }

    #[test]
    fn every_piece_of_state_survives_a_round_trip() {
        let state = full_state();
        assert_eq!(UrlState::from_query(&state.to_query()), state);
        assert_eq!(
            UrlState::from_query(&UrlState::default().to_query()),
            UrlState::default()
        );
    }

    #[test]
    fn the_default_state_is_the_bare_page() {
        assert_eq!(UrlState::default().to_query(), "?");
        assert_eq!(UrlState::from_query(""), UrlState::default());
    }

    #[test]
    fn hand_written_links_read_as_expected() {
        let s =
            UrlState::from_query("?view=sources&q=human+rights&actor=act-a&actor=act-a&bogus=1");
        assert_eq!(s.view, View::Sources);
        assert_eq!(s.filter.text, "human rights");
        assert_eq!(s.filter.actors, ["act-a"]);
        // Unknown views and broken escapes fall back instead of failing.
        let s = UrlState::from_query("view=nope&q=100%&to=%zz");
        assert_eq!(s.view, View::Events);
        assert_eq!(s.filter.text, "100%");
        assert_eq!(s.filter.to, "%zz");
    }

    #[test]
    fn only_paths_on_this_site_open_as_a_corpus() {
        assert_eq!(corpus_path("corpora/other.json"), Ok("corpora/other.json"));
        assert_eq!(corpus_path("../shared/c.json"), Ok("../shared/c.json"));
        for bad in [
            "https://example.org/c.json",
            "//example.org/c.json",
            "/abs/c.json",
            "\\\\host\\c.json",
            "data:application/json,{}",
            "javascript:alert(1)",
            "a b.json",
            "",
        ] {
            assert!(corpus_path(bad).is_err(), "{bad}");
        }
        assert!(corpus_path("https://x.org/c.json")
            .unwrap_err()
            .to_string()
            .contains("relative path"));
    }

    #[test]
    fn pages_stay_within_the_list() {
        assert_eq!(
            Page::of(250, 0, 100),
            Page {
                number: 1,
                count: 3,
                range: 0..100
            }
        );
        assert_eq!(Page::of(250, 3, 100).range, 200..250);
        assert_eq!(Page::of(250, 9, 100).number, 3);
        assert_eq!(
            Page::of(0, 2, 100),
            Page {
                number: 1,
                count: 1,
                range: 0..0
            }
        );
        assert_eq!(UrlState::from_query("page=x").page, 0);
        assert_eq!(UrlState::from_query("page=1").to_query(), "?");
    }

    #[test]
    fn a_new_filter_or_view_starts_from_the_first_page_but_a_record_does_not() {
        let on_page_3 = UrlState {
            page: 3,
            ..UrlState::default()
        };
        let mut searched = on_page_3.clone();
        searched.filter.text = "amnesty".into();
        assert_eq!(searched.after_change_from(&on_page_3).page_number(), 1);
        let mut opened = on_page_3.clone();
        opened.record = Some("ev-a".into());
        assert_eq!(opened.clone().after_change_from(&on_page_3).page, 3);
        let mut next_page = on_page_3.clone();
        next_page.page = 4;
        assert_eq!(next_page.clone().after_change_from(&on_page_3).page, 4);
        let mut claims = on_page_3.clone();
        claims.view = View::Claims;
        assert_eq!(claims.after_change_from(&on_page_3).page_number(), 1);
    }

    #[test]
    fn ids_and_text_are_escaped() {
        let q = full_state().to_query();
        assert!(
            q.contains("q=Gen%C3%A8ve%20%26%20%E2%80%9Ccrime%E2%80%9D%2F100%25"),
            "{q}"
        );
        assert!(!q.contains(' '));
    }
}
