//! Taking the record away: the filtered view as CSV or as a corpus, a citation
//! for any record, and what a printed page says about the filters. Files are
//! made here, in the browser, and downloaded; nothing is sent anywhere.

use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::cite::citation;
use dossier::publish::export::{self, describe_filter};
use dossier::query::filter::Outcome;
use dossier::query::index::RecordRef;
use dossier::query::url_state::{UrlState, View};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::bits::{data, lang};
use super::nav::Nav;

/// Today as YYYY-MM-DD, in the reader's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The address of the page without its query, for stable links. A file opened
/// from disk (the single-file edition) has no origin but "null": its address
/// is `file://` and its path.
fn page_address() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let origin = if origin == "null" {
        format!("{}//", location.protocol().unwrap_or_default())
    } else {
        origin
    };
    format!("{origin}{}", location.pathname().unwrap_or_default())
}

/// Offers `text` as a downloaded file called `name`.
fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has the file once the click is handled; free it after.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Buttons that download what the filters keep: one CSV per kind of record,
/// and the whole as a corpus the validator accepts.
#[component]
pub fn ExportBar() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let outcome = expect_context::<Memo<Outcome>>();
    let failed = RwSignal::new(String::new());
    let d = data();
    let l = lang();
    let t = l.strings();
    let for_csv = d.clone();
    let csv_button = move |kind: Kind| {
        let label = l.kind(kind).csv;
        let d = for_csv.clone();
        let save = move |_| {
            let (order, filtered) = nav
                .state
                .with_untracked(|s| (s.claim_order, !s.filter.is_empty()));
            let text = outcome.with_untracked(|o| export::csv(&d.index, o, kind, order));
            let name = export::file_name(kind.array(), filtered, &today());
            if download(&name, "text/csv;charset=utf-8", &text).is_err() {
                failed.set(t.download_refused_by_browser.into());
            }
        };
        view! { <li><button type="button" class="small" on:click=save>{label}</button></li> }
    };
    let json = {
        let d = d.clone();
        move |_| {
            let (filter, query) = nav.state.with_untracked(|s| {
                let listed = UrlState {
                    record: None,
                    page: 0,
                    ..s.clone()
                };
                (s.filter.clone(), listed.to_query())
            });
            let date = today();
            let corpus = outcome
                .with_untracked(|o| export::filtered_corpus(&d.index, o, &filter, &query, &date));
            let name = export::file_name("corpus", !filter.is_empty(), &date);
            if download(&name, "application/json", &export::to_json(&corpus, true)).is_err() {
                failed.set(t.download_refused_by_browser.into());
            }
        }
    };
    view! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title" class="small-title">{t.take_away}</h2>
            <p class="hint">{t.files_hint}</p>
            <ul class="buttons">
                {csv_button(Kind::Event)}
                {csv_button(Kind::Claim)}
                {csv_button(Kind::Source)}
                {csv_button(Kind::Actor)}
                <li><button type="button" class="small" id="export-json" on:click=json>{t.json_export}</button></li>
                <li><button type="button" class="small" on:click=|_| { let _ = window().print(); }>{t.print}</button></li>
            </ul>
            <p class="errors" role="alert">{move || failed.get()}</p>
        </section>
    }
}

/// "Cite": a plain-text citation of the record with its stable link and the
/// date accessed, shown to read and copied with one click.
#[component]
pub fn Cite(r: RecordRef) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let shown = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let t = lang().strings();
    let text = Memo::new(move |_| {
        // The stable link: the record alone, in the corpus it comes from.
        let stable = nav.state.with(|s| UrlState {
            record: Some(d.index.id(r).to_string()),
            corpus: s.corpus.clone(),
            ..UrlState::default()
        });
        let link = format!("{}{}", page_address(), stable.to_query());
        citation(&d.index, r, &link, &today())
    });
    let copy = move |_| {
        let text = text.get_untracked();
        let clipboard = window().navigator().clipboard();
        status.set(String::new());
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            status.set(match copied {
                Ok(_) => t.copied.into(),
                Err(_) => t.copy_refused.into(),
            });
        });
    };
    view! {
        <div class="cite">
            <button type="button" class="small" id="cite-toggle" aria-expanded=move || shown.get().to_string()
                on:click=move |_| shown.update(|s| *s = !*s)>{t.cite}</button>
            <Show when=move || shown.get()>
                <label for="cite-text" class="visually-hidden">{t.citation}</label>
                <textarea id="cite-text" readonly rows="5" dir="auto">{move || text.get()}</textarea>
                <button type="button" class="small" id="cite-copy" on:click=copy>{t.copy_citation}</button>
                <p role="status" class="hint">{move || status.get()}</p>
            </Show>
        </div>
    }
}

/// Shown only on paper: where the page comes from and which filters made it.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = data();
    let l = lang();
    let t = l.strings();
    let lines = move || {
        nav.state.with(|s| {
            let today = dossier::corpus::date::PartialDate::parse(&today()).ok();
            let mut lines = vec![fill(
                t.printed_on,
                &[
                    &today.map(|d| l.date(&d)).unwrap_or_default(),
                    &format!("{}{}", page_address(), s.to_query()),
                ],
            )];
            if s.record.is_none() {
                lines.push(fill(t.print_view, &[l.view_label(s.view)]));
                if s.view == View::Claims {
                    lines.push(fill(t.print_grouped, &[l.order_label(s.claim_order)]));
                }
            }
            // The filters as the exported files describe them, in English.
            let filters = describe_filter(&d.index, &s.filter);
            if filters.is_empty() {
                lines.push(t.print_no_filters.into());
            } else {
                lines.push(t.print_filters.into());
                lines.extend(filters.into_iter().map(|f| format!("  {f}")));
            }
            lines.push(fill(t.print_links, &[&page_address()]));
            lines
        })
    };
    view! {
        <div class="print-only print-header">
            {move || lines().into_iter().map(|line| view! { <p dir="auto">{line}</p> }).collect_view()}
        </div>
    }
}
