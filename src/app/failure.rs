//! Why a corpus could not be opened, by cause: the failure screen words each
//! cause in the reader's language; and the alert for a part a list needs.

use dossier::corpus::load::LoadError;
use dossier::i18n::{fill, Lang};
use dossier::publish::parts::PartsError;
use dossier::query::url_state::NotASitePath;
use leptos::prelude::*;

use super::bits::lang;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// `?corpus=` names no relative path on this site.
    NotASitePath(NotASitePath),
    /// The request for `url` did not complete: `why` is the browser's word, if any.
    Unreachable { url: String, why: Option<String> },
    /// The server answered `url` with an error status.
    Refused { url: String, status: String },
    /// The download of `url` broke off, or could not be read as it came.
    Interrupted { url: String, why: Why },
    /// A file chosen on this device could not be read.
    FileUnreadable { name: String, why: Option<String> },
    /// JSON that is not a corpus, or not JSON at all.
    NotACorpus(LoadError),
    /// The corpus's parts: a manifest or a part that cannot be read, or a part that
    /// is not the one the manifest names.
    Parts(PartsError),
}

/// A reason given by the browser, or one the app words itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    Browser(Option<String>),
    NoStream,
    /// The browser has no gzip reader (`DecompressionStream`) for the stored parts.
    NoInflate,
}

impl LoadFailure {
    /// What the reader can do about it, by cause: only a failure of the
    /// connection is met with "check your connection".
    pub fn advice(&self, l: Lang) -> &'static str {
        let t = l.strings();
        match self {
            LoadFailure::NotASitePath(_) => t.advice_site_path,
            LoadFailure::Unreachable { .. } | LoadFailure::Interrupted { .. } => {
                t.load_failed_advice
            }
            LoadFailure::Refused { .. } => t.advice_refused,
            LoadFailure::FileUnreadable { .. } => t.advice_file_unreadable,
            LoadFailure::NotACorpus(_) => t.advice_not_a_corpus,
            // A part that does not match its manifest is the site's to mend,
            // or a publication still on its way: as for a broken download.
            LoadFailure::Parts(_) => t.load_failed_advice,
        }
    }

    /// The failure in the reader's words.
    pub fn message(&self, l: Lang) -> String {
        let t = l.strings();
        let browser = |why: &Option<String>| why.clone().unwrap_or(t.connection_failed.into());
        match self {
            LoadFailure::NotASitePath(e) => e.to_string(),
            LoadFailure::Unreachable { url, why } => fill(t.download_failed, &[url, &browser(why)]),
            LoadFailure::Refused { url, status } => fill(t.download_refused, &[url, status]),
            LoadFailure::Interrupted { url, why } => {
                let why = match why {
                    Why::Browser(why) => browser(why),
                    Why::NoStream => t.no_stream.into(),
                    Why::NoInflate => t.no_inflate.into(),
                };
                fill(t.read_failed, &[url, &why])
            }
            LoadFailure::FileUnreadable { name, why } => {
                fill(t.file_read_failed, &[name, &browser(why)])
            }
            LoadFailure::NotACorpus(e) => e.to_string(),
            LoadFailure::Parts(e) => e.to_string(),
        }
    }
}

/// An alert that something the list needs could not be read (`title`), why and
/// what to do, with a button that asks for it again (`retry` counts the asks).
#[component]
pub fn FailedWithRetry(title: String, failure: LoadFailure, retry: RwSignal<u32>) -> impl IntoView {
    let l = lang();
    view! {
        <div role="alert" class="failure">
            <h3>{title}</h3>
            <p class="why">{failure.message(l)}</p>
            <p class="advice">{failure.advice(l)}</p>
            <button type="button" on:click=move |_| retry.update(|n| *n += 1)>
                {l.strings().try_again}
            </button>
        </div>
    }
}
