//! The app with no connection. Registers the service worker the build writes
//! (`sw.js`: `offline/sw.js`, filled in by `scripts/offline-hook`), which keeps
//! the app and the corpus after one visit; announces a new version that waits
//! to take over, by the corpus it brings, and applies it when the reader
//! chooses; and the control that keeps the whole corpus on this device.

use dossier::i18n::fill;
use dossier::publish::parts::{self, Manifest};
use js_sys::{Array, Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Cache, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use super::bits::lang;
use super::{loader, megabytes};

/// The worker, beside the page: relative, so that any sub-path works, and its
/// scope is the page's folder.
const WORKER: &str = "sw.js";

/// The browser's service workers, where this page may have one: served over
/// http(s) (a page opened from disk cannot), in a secure context (the browser
/// offers none otherwise), and not the single-file edition, which carries its
/// corpus and must work with no worker at all.
fn workers() -> Option<ServiceWorkerContainer> {
    let window = window();
    let protocol = window.location().protocol().ok()?;
    let served = protocol == "https:" || protocol == "http:";
    let navigator = window.navigator();
    let offered = Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    (served && offered && !loader::carries_corpus()).then(|| navigator.service_worker())
}

/// A version installed and waiting to take over, and the corpus's manifest it
/// carries (`None` if it could not say).
#[derive(Clone)]
pub struct Waiting {
    pub worker: ServiceWorker,
    pub manifest: Option<Manifest>,
}

/// The version waiting to take over, if any: set once the worker is registered.
pub type Update = RwSignal<Option<Waiting>, LocalStorage>;

/// Registers the worker, once the first corpus is on screen (so that keeping the
/// app does not slow its first load), and watches for a new version.
pub fn register(update: Update) {
    let Some(workers) = workers() else {
        return;
    };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(workers.register(WORKER)).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        // A version that finished installing while another tab kept the old one,
        // or one the browser started installing before this page got here.
        if let Some(worker) = registration.waiting() {
            announce(worker, update);
        } else if let Some(worker) = registration.installing() {
            announce_once_installed(worker, update);
        }
        // A version that starts installing now (the browser checks sw.js on each visit).
        let found = {
            let registration = registration.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(worker) = registration.installing() {
                    announce_once_installed(worker, update);
                }
            })
        };
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

fn announce_once_installed(worker: ServiceWorker, update: Update) {
    let watched = worker.clone();
    let changed = Closure::<dyn FnMut()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed {
            announce(watched.clone(), update);
        }
    });
    worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
}

/// Says a new version waits, with the corpus it brings. The first version a
/// browser installs replaces nothing, and takes over from the next visit unsaid.
fn announce(worker: ServiceWorker, update: Update) {
    if workers().and_then(|w| w.controller()).is_none() {
        return;
    }
    spawn_local(async move {
        let manifest = carried_manifest(&worker).await;
        update.set(Some(Waiting { worker, manifest }));
    });
}

/// `{type: kind}`, a message to the worker.
fn message(kind: &str) -> Object {
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    message
}

/// The corpus's manifest a waiting worker carries: it answers on a channel of
/// its own.
async fn carried_manifest(worker: &ServiceWorker) -> Option<Manifest> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let answer = Promise::new(&mut |resolve, _| channel.port1().set_onmessage(Some(&resolve)));
    worker
        .post_message_with_transferable(&message("manifest"), &Array::of1(&channel.port2()))
        .ok()?;
    let event = JsFuture::from(answer).await.ok()?;
    let text = Reflect::get(&event, &"data".into()).ok()?.as_string()?;
    parts::read_manifest(text.as_bytes()).ok()
}

/// The reader's choice: the waiting version takes over, and the page reloads
/// into it once it has.
pub fn apply(waiting: &Waiting) {
    if let Some(workers) = workers() {
        let reload = Closure::once_into_js(|| {
            let _ = window().location().reload();
        });
        workers.set_oncontrollerchange(Some(reload.unchecked_ref()));
    }
    let _ = waiting.worker.post_message(&message("skip-waiting"));
}

/// The notice of a new version, by the corpus it brings against the one on
/// screen, with the button that applies it.
#[component]
pub fn UpdateNotice(waiting: Waiting, on_screen: Option<Manifest>) -> impl IntoView {
    let l = lang();
    let t = l.strings();
    let text = match &waiting.manifest {
        Some(new) => l.new_version(on_screen.as_ref(), new),
        None => t.update_app_only.to_string(),
    };
    view! {
        <aside class="update" aria-label=t.update_label>
            <p role="status">{text}</p>
            <button type="button" class="small" on:click=move |_| apply(&waiting)>
                {t.update_reload}
            </button>
        </aside>
    }
}

/// The folder the worker serves (its scope): the page's base, as the worker
/// names its caches.
fn scope() -> Option<String> {
    let base = document().base_uri().ok()??;
    web_sys::Url::new_with_base(".", &base)
        .ok()
        .map(|u| u.href())
}

/// The cache of the corpus's record parts, as `offline/sw.js` names it; `None`
/// if the browser has none, or it does not exist yet and `create` is false.
async fn parts_cache(create: bool) -> Option<Cache> {
    let name = format!("dossier {} parts", scope()?);
    let caches = window().caches().ok()?;
    if !create {
        let exists = JsFuture::from(caches.has(&name)).await.ok()?;
        if !exists.as_bool().unwrap_or(false) {
            return None;
        }
    }
    JsFuture::from(caches.open(&name))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// A part's address, as the worker keeps it.
fn part_url(file: &str) -> Option<String> {
    let base = scope()?;
    web_sys::Url::new_with_base(&format!("parts/{file}"), &base)
        .ok()
        .map(|u| u.href())
}

/// Bytes of the corpus this device keeps: the listed parts its cache holds.
async fn kept_bytes(manifest: &Manifest) -> usize {
    let Some(cache) = parts_cache(false).await else {
        return 0;
    };
    let mut kept = 0;
    for part in &manifest.parts {
        let Some(url) = part_url(&part.file) else {
            continue;
        };
        if let Ok(found) = JsFuture::from(cache.match_with_str(&url)).await {
            if !found.is_undefined() {
                kept += part.bytes;
            }
        }
    }
    kept
}

/// Fetches and keeps each part the cache lacks, reporting the bytes kept.
async fn keep_all(manifest: &Manifest, progress: impl Fn(usize)) -> Result<(), Option<String>> {
    let cache = parts_cache(true).await.ok_or(None)?;
    let mut kept = 0;
    for part in &manifest.parts {
        let url = part_url(&part.file).ok_or(None)?;
        let found = JsFuture::from(cache.match_with_str(&url))
            .await
            .map_err(loader::js_error)?;
        if found.is_undefined() {
            JsFuture::from(cache.add_with_str(&url))
                .await
                .map_err(loader::js_error)?;
        }
        kept += part.bytes;
        progress(kept);
    }
    Ok(())
}

/// Whether the browser has promised to keep this site's storage; with `ask`,
/// asks it to (a browser may ask the reader, or decide by itself).
async fn persisted(ask: bool) -> bool {
    let navigator = window().navigator();
    if !Reflect::has(&navigator, &JsValue::from_str("storage")).unwrap_or(false) {
        return false;
    }
    let storage = navigator.storage();
    let promise = if ask {
        storage.persist()
    } else {
        storage.persisted()
    };
    match promise {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Whether a worker is in use for this site: the app then opens with no connection.
async fn app_kept(workers: &ServiceWorkerContainer) -> bool {
    match JsFuture::from(workers.get_registration()).await {
        Ok(found) => found
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.active())
            .is_some(),
        Err(_) => false,
    }
}

/// What this device keeps of the site, as last looked at.
#[derive(Clone, Copy, PartialEq)]
struct Kept {
    corpus: usize,
    app: bool,
    persisted: bool,
}

/// "Keep the whole corpus on this device": says how much space the corpus takes,
/// how much of it this device keeps, whether the app itself is kept, and whether
/// the browser has promised to keep them; the button fetches any part not kept
/// yet and asks the browser for persistent storage. Shown for the shipped corpus
/// read from its parts (`manifest`), where the browser has service workers.
#[component]
pub fn KeepCorpus(manifest: Manifest) -> impl IntoView {
    let Some(workers) = workers() else {
        return ().into_any();
    };
    let manifest = StoredValue::new(manifest);
    let total: usize = manifest.with_value(|m| m.parts.iter().map(|p| p.bytes).sum());
    let kept = RwSignal::new(None::<Kept>);
    let keeping = RwSignal::new(None::<usize>);
    let failed = RwSignal::new(None::<String>);
    let look = {
        let workers = workers.clone();
        move || {
            let workers = workers.clone();
            spawn_local(async move {
                let corpus = kept_bytes(&manifest.get_value()).await;
                let app = app_kept(&workers).await;
                let persisted = persisted(false).await;
                kept.set(Some(Kept {
                    corpus,
                    app,
                    persisted,
                }));
            });
        }
    };
    look();
    // On a first visit the worker installs (and keeps the corpus) after this is
    // drawn: look again once it is in use.
    if let Ok(ready) = workers.ready() {
        let look = look.clone();
        spawn_local(async move {
            if JsFuture::from(ready).await.is_ok() {
                look();
            }
        });
    }
    let l = lang();
    let t = l.strings();
    let keep = move |_| {
        let look = look.clone();
        failed.set(None);
        keeping.set(Some(0));
        spawn_local(async move {
            let result = keep_all(&manifest.get_value(), |bytes| keeping.set(Some(bytes))).await;
            if let Err(why) = result {
                let why = why.unwrap_or_default();
                failed.set(Some(fill(t.offline_failed, &[&why])));
            }
            persisted(true).await;
            keeping.set(None);
            look();
        });
    };
    let said = move || {
        kept.get().map(|k| {
            let corpus = if k.corpus >= total {
                fill(t.offline_kept_all, &[&megabytes(l, total as f64)])
            } else {
                fill(
                    t.offline_kept_some,
                    &[&megabytes(l, k.corpus as f64), &megabytes(l, total as f64)],
                )
            };
            let app = if k.app {
                t.offline_app_kept
            } else {
                t.offline_app_not_yet
            };
            let promise = if k.persisted {
                t.offline_persisted
            } else {
                t.offline_not_persisted
            };
            format!("{corpus} {app} {promise}")
        })
    };
    let progress = move || {
        keeping.get().map(|bytes| {
            fill(
                t.offline_keeping,
                &[&megabytes(l, bytes as f64), &megabytes(l, total as f64)],
            )
        })
    };
    view! {
        <section class="offline" aria-labelledby="offline-title">
            <h2 id="offline-title">{t.offline_title}</h2>
            <p class="offline-kept">{said}</p>
            <button type="button" class="small" id="keep-corpus" on:click=keep
                disabled=move || keeping.with(Option::is_some)>
                {t.offline_keep}
            </button>
            <p role="status" class="offline-progress">{progress} {move || failed.get()}</p>
        </section>
    }
    .into_any()
}
