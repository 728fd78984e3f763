//! The default view's first page as static HTML, written into the app's page at
//! build time: on a slow link the first records are on screen before the app has
//! downloaded, and the app replaces them with the same records once it has.
//!
//! It is the list the app shows for an address with no filter: events in date
//! order, the first page of them, with the same date wording. Links are the app's
//! own addresses (`?id=…`), so they open the record once the app is there. The
//! page's script shows it only for such an address (see `index.html`): a deep link
//! never shows these records, even for a moment.

use crate::corpus::model::Kind;
use crate::i18n::{fill, Lang};
use crate::publish::pages::default_list;
use crate::publish::plain::escape;
use crate::query::index::Index;
use crate::query::url_state::{Page, UrlState, PAGE_SIZE};

/// Where the app's page (`index.html`) takes the first page.
pub const PLACEHOLDER: &str = "<!-- first page -->";

/// The first page in every language of the interface; the page's script shows the
/// one the app would speak.
pub fn in_every_language(index: &Index) -> String {
    Lang::ALL.map(|l| first_page(index, l)).concat()
}

/// The first page of the default view, in the interface's language `lang`.
pub fn first_page(index: &Index, lang: Lang) -> String {
    let t = lang.strings();
    let listed = default_list(index);
    let page = Page::of(listed.len(), 1, PAGE_SIZE);
    let shown = &listed[page.range.clone()];
    let mut out = String::with_capacity(400 * shown.len() + 400);
    out.push_str(&format!(
        "<section id=\"first-page-{0}\" class=\"first-page\" lang=\"{0}\" dir=\"{1}\" aria-labelledby=\"first-page-title-{0}\">",
        lang.code(),
        lang.dir()
    ));
    out.push_str(&format!(
        "<h2 id=\"first-page-title-{}\">{}</h2><p class=\"hint\">{}</p>",
        lang.code(),
        escape(lang.kind(Kind::Event).title),
        escape(&fill(
            t.first_page_note,
            &[
                &lang.number(shown.len()),
                &lang.records(Kind::Event, index.len(Kind::Event))
            ]
        ))
    ));
    let mut year: Option<String> = None;
    for &e in shown {
        let event = &index.corpus.events[e as usize];
        let this_year = index.events[e as usize]
            .span
            .map_or(t.undated_heading.to_string(), |s| lang.year(s.year()));
        if year.as_ref() != Some(&this_year) {
            if year.is_some() {
                out.push_str("</ol>");
            }
            out.push_str(&format!("<h3>{}</h3><ol>", escape(&this_year)));
            year = Some(this_year);
        }
        let date = event
            .date
            .as_ref()
            .map(|d| lang.date_spec(d))
            .unwrap_or_default();
        // The app's own address for the record, in the language of this block.
        let link = UrlState {
            record: Some(event.id.clone()),
            lang: (lang != Lang::default()).then_some(lang),
            ..UrlState::default()
        }
        .to_query();
        out.push_str(&format!(
            "<li><p class=\"meta\">{}</p><h4><a href=\"{}\" dir=\"auto\">{}</a></h4><p dir=\"auto\">{}</p></li>",
            escape(&date),
            escape(&link),
            escape(&event.title),
            escape(&event.summary)
        ));
    }
    if year.is_some() {
        out.push_str("</ol>");
    }
    out.push_str("</section>");
    out
}
