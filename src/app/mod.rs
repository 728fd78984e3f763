//! The Leptos shell: loads the corpus, keeps the URL and the screen in step, and
//! lays out the views. Everything it shows is worked out by the pure core.

mod bits;
mod detail;
mod filters;
mod lists;
mod nav;

use std::sync::Arc;

use dossier::index::Index;
use dossier::load::{self, Rejected};
use leptos::prelude::*;
use leptos::task::spawn_local;

use bits::RejectedNotice;
use nav::Nav;

/// The corpus file, relative to the page, so the app works under any sub-path.
const CORPUS_URL: &str = "public/corpus.json";

/// The loaded corpus, shared read-only by every component.
pub struct Data {
    pub index: Index,
    pub rejected: Vec<Rejected>,
}

#[derive(Clone)]
enum Loading {
    Pending,
    Failed(String),
    Ready(Arc<Data>),
}

/// Fetches and reads the corpus. A retry revalidates with the server, so a file
/// fixed since the last try is not served stale from the browser's cache.
async fn fetch_corpus(retry: bool) -> Result<Data, String> {
    let mut request = gloo_net::http::Request::get(CORPUS_URL);
    if retry {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let response = request
        .send()
        .await
        .map_err(|e| format!("The corpus file ({CORPUS_URL}) could not be downloaded: {e}."))?;
    if !response.ok() {
        return Err(format!(
            "The corpus file ({CORPUS_URL}) could not be downloaded: the server answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("The corpus file ({CORPUS_URL}) could not be read: {e}."))?;
    let doc = load::parse(&text).map_err(|e| e.to_string())?;
    let accepted = load::accept(doc);
    Ok(Data {
        index: Index::new(accepted.corpus),
        rejected: accepted.rejected,
    })
}

#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::install();
    provide_context(nav);
    let loading = RwSignal::new(Loading::Pending);
    let load = move |retry: bool| {
        loading.set(Loading::Pending);
        spawn_local(async move {
            loading.set(match fetch_corpus(retry).await {
                Ok(data) => Loading::Ready(Arc::new(data)),
                Err(message) => Loading::Failed(message),
            });
        });
    };
    load(false);
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        {move || match loading.get() {
            Loading::Pending => view! {
                <main id="main" class="status" aria-busy="true">
                    <h1>"Dossier"</h1>
                    <p role="status">"Loading the corpus…"</p>
                </main>
            }.into_any(),
            Loading::Failed(message) => view! {
                <main id="main" class="status">
                    <h1>"Dossier"</h1>
                    <div role="alert" class="failure">
                        <h2>"The corpus could not be loaded"</h2>
                        <p class="why">{message}</p>
                        <p>"Check your connection, or ask whoever published this site to check the corpus file, then try again."</p>
                        <button type="button" on:click=move |_| load(true)>"Try again"</button>
                    </div>
                </main>
            }.into_any(),
            Loading::Ready(data) => view! { <Browser data/> }.into_any(),
        }}
    }
}

/// The loaded app: header, view tabs, filters and the current view.
#[component]
fn Browser(data: Arc<Data>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    provide_context(data.clone());
    let meta = data.index.corpus.meta.clone();
    let outcome = {
        let data = data.clone();
        Memo::new(move |_| {
            nav.state.with(|s| {
                dossier::filter::Outcome::new(&data.index, &s.filter, lists::counted_kind(s.view))
            })
        })
    };
    provide_context(outcome);
    let rejected = data.rejected.clone();
    view! {
        <header class="masthead">
            <p class="app-name">"Dossier"</p>
            <h1>{meta.title.clone()}</h1>
            <p class="lede">{meta.description.clone()}</p>
        </header>
        <lists::ViewTabs/>
        <div class="layout">
            <filters::FilterPanel/>
            <main id="main" tabindex="-1">
                <RejectedNotice rejected/>
                {move || match nav.state.with(|s| s.record.clone()) {
                    Some(id) => view! { <detail::Detail id/> }.into_any(),
                    None => view! { <lists::CurrentList/> }.into_any(),
                }}
            </main>
        </div>
        <footer>
            <p>
                {format!("Corpus version {}, last changed {}. {}", meta.version, meta.updated, meta.licence)}
            </p>
            <p>
                "Every record rests on a quoted source. Claims are attributed to who made them, never stated as fact. "
                <a href="public/corpus.json">"Download the corpus (JSON)"</a>
                " · "
                <a href="public/corpus.schema.json">"Its schema"</a>
            </p>
        </footer>
    }
}
