//! On a source's page: the reader's own copy of its text (a file dropped or
//! chosen, or text pasted), checked in this page against the fingerprint the
//! corpus records and the quotes it takes from the source (`corpus::copy`).
//! Nothing is sent anywhere, and the copy's text is only ever shown as text.

use std::sync::Arc;

use dossier::corpus::copy::{check_copy, quotes_from, Cited, CopyReport, Fingerprint, QuoteCheck};
use dossier::i18n::fill;
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bits::{data, lang, IdLink};
use super::loader::{chosen_file, dropped_file, read_file};

#[derive(Clone)]
enum State {
    Waiting,
    Reading,
    Unreadable,
    Empty,
    Checked {
        name: String,
        report: Arc<CopyReport>,
    },
}

#[component]
pub fn CheckCopy(s: usize) -> impl IntoView {
    let d = data();
    let source = &d.index.corpus.sources[s];
    let related = &d.index.sources[s].related;
    let quotes: Vec<Cited> = quotes_from(
        &d.index.corpus,
        &source.id,
        &related.events,
        &related.claims,
    );
    // Nothing to check a copy against.
    if quotes.is_empty() && source.text_sha256.is_none() {
        return ().into_any();
    }
    let against = StoredValue::new((source.text_sha256.clone(), quotes));
    let state = RwSignal::new(State::Waiting);
    // Each check replaces the last; a file still being read when another is
    // chosen or text pasted is not shown over the newer one.
    let turn = StoredValue::new(0u32);
    let check = move |name: String, bytes: Vec<u8>| {
        let report = against.with_value(|(recorded, quotes)| {
            check_copy(&bytes, recorded.as_deref(), quotes.clone())
        });
        state.set(State::Checked {
            name,
            report: Arc::new(report),
        });
    };
    let read = move |file: web_sys::File| {
        turn.update_value(|t| *t += 1);
        let mine = turn.get_value();
        state.set(State::Reading);
        spawn_local(async move {
            let read = read_file(&file).await;
            if turn.get_value() != mine {
                return;
            }
            match read {
                Ok(bytes) => check(file.name(), bytes),
                Err(_) => state.set(State::Unreadable),
            }
        });
    };
    let chosen = move |e: leptos::ev::Event| {
        if let Some(file) = chosen_file(&e) {
            read(file);
        }
    };
    let over = RwSignal::new(false);
    // A copy dropped here is checked, not opened as a corpus (as a file
    // dropped anywhere else on the page would be).
    let dragover = move |e: web_sys::DragEvent| {
        e.prevent_default();
        e.stop_propagation();
        over.set(true);
    };
    let dropped = move |e: web_sys::DragEvent| {
        e.prevent_default();
        e.stop_propagation();
        over.set(false);
        if let Some(file) = dropped_file(&e) {
            read(file);
        }
    };
    let pasted = NodeRef::<Textarea>::new();
    let l = lang();
    let t = l.strings();
    let check_pasted = move |_| {
        let text = pasted.get().map(|area| area.value()).unwrap_or_default();
        turn.update_value(|t| *t += 1);
        if text.trim().is_empty() {
            state.set(State::Empty);
        } else {
            check(t.copy_pasted.to_string(), text.into_bytes());
        }
    };
    let status = move || match state.get() {
        State::Waiting => ().into_any(),
        State::Reading => view! { <p>{t.copy_reading}</p> }.into_any(),
        State::Unreadable => view! { <p class="missing">{t.copy_unreadable}</p> }.into_any(),
        State::Empty => view! { <p class="missing">{t.copy_empty}</p> }.into_any(),
        State::Checked { name, report } => {
            let verdict = match report.fingerprint {
                Fingerprint::Identical => "identical",
                Fingerprint::Different => "different",
                Fingerprint::NotRecorded => "unrecorded",
            };
            view! {
                <p class="copy-summary"><strong>{l.copy_summary(&report)}</strong></p>
                <p class=format!("copy-fingerprint {verdict}")>{l.copy_fingerprint(report.fingerprint)}</p>
                <p class="hint">
                    {fill(t.copy_checked, &[&name])}
                    {report.html.then(|| view! { " " {t.copy_as_html} })}
                </p>
                <p class="hint">{t.copy_sha256} " " <code class="sha256">{report.sha256.clone()}</code></p>
            }
            .into_any()
        }
    };
    let list = move || match state.get() {
        State::Checked { report, .. } => {
            // What is missing first: that is what a reader checking needs to see.
            let mut quotes: Vec<&QuoteCheck> = report.quotes.iter().collect();
            quotes.sort_by_key(|q| q.found.is_some());
            let items = quotes.into_iter().map(quote_item).collect_view();
            view! { <ol class="copy-quotes">{items}</ol> }.into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <section
            class="check-copy"
            class:dragging=move || over.get()
            aria-labelledby="check-copy-title"
            on:dragover=dragover
            on:dragleave=move |_| over.set(false)
            on:drop=dropped
        >
            <h3 id="check-copy-title">{t.copy_title}</h3>
            <p class="hint">{t.copy_intro}</p>
            <div class="field">
                <label for="copy-file">{t.copy_file}</label>
                <input id="copy-file" type="file" accept=".txt,.html,.htm,text/*" on:change=chosen/>
                <span class="hint">{t.copy_drop}</span>
            </div>
            <div class="field">
                <label for="copy-text">{t.copy_paste}</label>
                <textarea id="copy-text" rows="4" dir="auto" node_ref=pasted></textarea>
            </div>
            <p><button type="button" id="copy-check" on:click=check_pasted>{t.copy_check}</button></p>
            <div id="copy-status" role="status" aria-live="polite">{status}</div>
            {list}
        </section>
    }
    .into_any()
}

/// A quote with the record that takes it: in its paragraph of the copy,
/// highlighted, or said not to be there.
fn quote_item(q: &QuoteCheck) -> impl IntoView {
    let l = lang();
    let t = l.strings();
    let kind = q.cited.kind;
    let record = view! { <p class="copy-record">{l.kind(kind).singular}": " <IdLink id=q.cited.record.clone() kind/></p> };
    match &q.found {
        Some(f) => view! {
            <li class="found">
                {record}
                <p class="copy-context" dir="auto">{f.before.clone()}<mark>{f.matched.clone()}</mark>{f.after.clone()}</p>
            </li>
        }
        .into_any(),
        None => view! {
            <li class="not-found">
                {record}
                <blockquote dir="auto">{q.cited.quote.clone()}</blockquote>
                <p class="missing">{t.copy_not_found}</p>
            </li>
        }
        .into_any(),
    }
}
