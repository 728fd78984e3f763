//! Opening another corpus (a file on this device, or the shipped one again) and
//! the validator's report on the corpus in view.

use std::sync::Arc;

use dossier::validate::Severity;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::nav::Nav;
use super::{Data, Loader, Source};

/// A file picker (dropping a file anywhere on the page works too) and a way
/// back to the shipped corpus. Nothing is sent anywhere: the file is read and
/// checked in the browser.
#[component]
pub fn OpenCorpus() -> impl IntoView {
    let loader = expect_context::<Loader>();
    let nav = expect_context::<Nav>();
    let chosen = move |e: leptos::ev::Event| {
        let file = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            loader.open(Source::File(file), false);
        }
    };
    let shipped = move |_| {
        // Leave any ?corpus= behind, so the address names what is on screen.
        if nav.state.with_untracked(|s| s.corpus.is_some()) {
            nav.update(super::nav::Entry::Push, |s| s.corpus = None);
        } else {
            loader.open(Source::Shipped, false);
        }
    };
    view! {
        <section class="open-corpus" aria-labelledby="open-title">
            <h2 id="open-title">"Open a corpus"</h2>
            <p>
                "Choose a corpus file (JSON that follows "
                <a href="public/corpus.schema.json">"the schema"</a>
                "), or drop it anywhere on this page. "
                <strong>"Nothing leaves your browser:"</strong>
                " the file is read and checked here and sent nowhere."
            </p>
            <div class="field">
                <label for="open-file">"Corpus file"</label>
                <input id="open-file" type="file" accept=".json,application/json" on:change=chosen/>
            </div>
            <p>
                <button type="button" class="small" id="open-shipped" on:click=shipped>
                    "Open the corpus this site ships"
                </button>
            </p>
        </section>
    }
}

/// Which corpus is on screen, and the way to open another.
#[component]
pub fn CorpusBar() -> impl IntoView {
    let data = expect_context::<Arc<Data>>();
    view! {
        <details class="corpus-bar">
            <summary>"Corpus: " <span class="corpus-name">{data.name.clone()}</span> " · open another"</summary>
            <OpenCorpus/>
        </details>
    }
}

/// Every problem the validator found, with the same messages and JSON paths as
/// the command-line validator (`cargo run --bin validate`).
#[component]
pub fn ValidationReport() -> impl IntoView {
    let data = expect_context::<Arc<Data>>();
    let errors = data
        .report
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = data.report.len() - errors;
    if data.report.is_empty() {
        return ().into_any();
    }
    let lines = data
        .report
        .iter()
        .map(|p| view! { <li><code>{p.to_string()}</code></li> })
        .collect_view();
    let summary = format!(
        "Validation report: {} error{}, {} warning{}",
        errors,
        if errors == 1 { "" } else { "s" },
        warnings,
        if warnings == 1 { "" } else { "s" }
    );
    view! {
        <details class="report">
            <summary>{summary}</summary>
            <p class="hint">"As the command-line validator reports them. Records with an error are left out; everything else is shown."</p>
            <ul class="problems">{lines}</ul>
        </details>
    }
    .into_any()
}
