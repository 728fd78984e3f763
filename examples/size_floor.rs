//! The smallest app that still does what Dossier's first screen cannot do
//! without: Leptos, the download, reading and checking the corpus, the indexes,
//! the URL state, one filter outcome and both languages' strings, drawn as one
//! line of text. `scripts/size` builds it beside the app: its wasm is the floor
//! under any view of ours, so it says how much of the app's wasm a smaller
//! interface could ever save.

// A benchmark of our own generated data: a failure is a bug to see at once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use dossier::query::filter::Outcome;
    use dossier::query::index::Index;
    use dossier::query::url_state::UrlState;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        let (line, set_line) = signal(String::new());
        leptos::task::spawn_local(async move {
            let query = web_sys::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default();
            let state = UrlState::from_query(&query);
            let lang = state.lang.unwrap_or_default();
            let text = match gloo_net::http::Request::get("corpus.json").send().await {
                Ok(response) => response.text().await.unwrap_or_default(),
                Err(err) => err.to_string(),
            };
            let shown = match dossier::corpus::load::parse(&text) {
                Ok(doc) => {
                    let problems = dossier::corpus::validate::check(&doc, None);
                    let accepted = dossier::corpus::load::accept_checked(doc, problems);
                    let index = Index::new(accepted.corpus);
                    let kind = state.view.kind();
                    let outcome = Outcome::new(&index, &state.filter, kind);
                    let listing = outcome.listing(&index, kind, state.claim_order);
                    format!(
                        "{}: {}",
                        lang.strings().app_name,
                        lang.number(listing.items.len())
                    )
                }
                Err(err) => err.to_string(),
            };
            set_line.set(shown);
        });
        view! { <p>{line}</p> }
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("size_floor is a wasm32 app: scripts/size builds and measures it.");
}
