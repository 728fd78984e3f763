//! Opening another corpus (a file on this device, or the shipped one again) and
//! the validator's report on the corpus in view.

use std::sync::Arc;

use dossier::corpus::document::Severity;
use dossier::i18n::fill;
use leptos::prelude::*;

use super::bits::lang;
use super::loader::chosen_file;
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
        if let Some(file) = chosen_file(&e) {
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
    let t = lang().strings();
    view! {
        <section class="open-corpus" aria-labelledby="open-title">
            <h2 id="open-title">{t.open_title}</h2>
            <p>
                {t.open_before_link}
                <a href="public/corpus.schema.json">{t.schema_link}</a>
                {t.open_after_link}
                <strong>{t.nothing_leaves}</strong>
                {t.read_here}
            </p>
            <div class="field">
                <label for="open-file">{t.corpus_file}</label>
                <input id="open-file" type="file" accept=".json,application/json" on:change=chosen/>
            </div>
            <p>
                <button type="button" class="small" id="open-shipped" on:click=shipped>
                    {t.open_shipped}
                </button>
            </p>
        </section>
    }
}

/// Which corpus is on screen, and the way to open another.
#[component]
pub fn CorpusBar() -> impl IntoView {
    let loader = expect_context::<Loader>();
    let l = lang();
    let t = l.strings();
    // The corpus on screen is the one last asked for (a newer request replaces
    // this screen with its progress), named in the reader's language.
    // In the line's direction, with the path or file name isolated inside, so
    // the brackets around the words keep their order in either direction.
    let name = loader.0.with_untracked(|r| match &r.source {
        Source::Path(path) => format!("\u{2068}{path}\u{2069}"),
        source => source.name(l),
    });
    // Which exact corpus: its version, and the fingerprint of its file (shortened
    // here as version-control tools shorten theirs; whole inside, and in citations).
    let d = expect_context::<Arc<Data>>();
    let version = d.index.corpus.meta.version.trim().to_string();
    let fingerprint = d.index.fingerprint.clone().unwrap_or_default();
    let short: String = fingerprint.chars().take(12).collect();
    let version = (!version.is_empty()).then(|| {
        view! { " " <span class="corpus-version" dir="auto">{fill(t.corpus_version, &[&version])}</span> }
    });
    let short = (!short.is_empty()).then(|| {
        view! { " " <span class="corpus-fingerprint">{fill(t.corpus_fingerprint_short, &[&short])}</span> }
    });
    let whole = (!fingerprint.is_empty()).then(|| {
        view! {
            <section class="corpus-id" aria-labelledby="corpus-id-label">
                <p><span id="corpus-id-label">{t.corpus_fingerprint}</span> " " <code id="corpus-sha256">{fingerprint}</code></p>
            </section>
        }
    });
    view! {
        <details class="corpus-bar">
            <summary>{t.corpus_lead} <span class="corpus-name">{name}</span>{version}{short} {t.open_another}</summary>
            {whole}
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
        // A corpus the reader brought is confirmed clean; the shipped one
        // is checked when the site is built.
        let loader = expect_context::<Loader>();
        let brought = loader
            .0
            .with_untracked(|r| !matches!(r.source, Source::Shipped));
        return brought
            .then(|| view! { <p class="report clean" role="status">{lang().strings().checked_clean}</p> })
            .into_any();
    }
    let lines = data
        .report
        .iter()
        .map(|p| view! { <li><code>{p.to_string()}</code></li> })
        .collect_view();
    let l = lang();
    let t = l.strings();
    let summary = fill(
        t.report_summary,
        &[&l.count(&t.errors, errors), &l.count(&t.warnings, warnings)],
    );
    // The report's lines are the command-line validator's, in English.
    view! {
        <details class="report">
            <summary>{summary}</summary>
            <p class="hint">{t.report_hint}</p>
            <ul class="problems" lang="en" dir="ltr">{lines}</ul>
        </details>
    }
    .into_any()
}

/// On every view of a corpus that is not the one this site publishes (from
/// `?corpus=` or a file from this device): where it was read from and the
/// fingerprint of that file, so that it cannot pass for the site's own.
#[component]
pub fn ElsewhereNotice() -> impl IntoView {
    let loader = expect_context::<Loader>();
    let d = expect_context::<Arc<Data>>();
    if d.index.elsewhere.is_none() {
        return ().into_any();
    }
    let l = lang();
    let t = l.strings();
    let name = loader.0.with_untracked(|r| r.source.name(l));
    let fingerprint = d.index.fingerprint.clone().unwrap_or_default();
    view! {
        <section class="elsewhere" aria-labelledby="elsewhere-title">
            <h2 id="elsewhere-title">{t.elsewhere_title}</h2>
            <p>{fill(t.elsewhere_body, &[&name, &fingerprint])}</p>
        </section>
    }
    .into_any()
}
