//! The Leptos shell: loads the corpus, keeps the URL and the screen in step, and
//! lays out the views. Everything it shows is worked out by the pure core.

mod alone;
mod bits;
mod by_actor;
mod by_word;
mod charts;
mod check_copy;
mod choose_actor;
mod detail;
mod failure;
mod filters;
mod fold;
mod kind_choices;
mod lists;
mod loader;
mod nav;
mod offline;
mod open;
mod pages;
mod range;
mod takeaway;
mod timeline;
mod view_pages;
mod view_range;
mod zoomed;

use std::sync::Arc;
use std::time::Duration;

use dossier::corpus::document::Problem;
use dossier::corpus::load::Rejected;
use dossier::i18n::{fill, Lang};
use dossier::publish::parts::Manifest;
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::url_state::{corpus_path, View};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use bits::{lang, RejectedNotice};
use failure::LoadFailure;
use loader::{dropped_file, Progress};
use nav::Nav;

/// The corpus file, relative to the page, so the app works under any sub-path.
const CORPUS_URL: &str = "public/corpus.json";

/// The loaded corpus, shared read-only by every component.
pub struct Data {
    pub index: Index,
    pub rejected: Vec<Rejected>,
    /// Every problem the validator found, as the command-line validator lists them.
    pub report: Vec<Problem>,
    /// The manifest of the parts it was read from: the shipped corpus's.
    pub manifest: Option<Manifest>,
    /// Where only part of the corpus is read: one record and those it names,
    /// or none. `None` once the whole corpus is in.
    pub alone: Option<Alone>,
}

/// What is on screen before the whole corpus is: a record opened by its
/// address, from the few parts that hold it (`record`, the id asked for), or
/// nothing but the corpus's title; and what happens to the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct Alone {
    pub record: Option<String>,
    pub rest: Rest,
    /// Whether the records it names are in: false while only its own part is.
    pub complete: bool,
}

/// What happens to the rest of the corpus.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rest {
    /// It is being read.
    Reading,
    /// It is read when the reader asks: it is larger than a reader should
    /// download without choosing to (the manifest says how large).
    OnRequest,
}

/// How much of the text index is built, from 0 to 1; None once it is ready.
#[derive(Clone, Copy)]
pub struct SearchIndexing(pub RwSignal<Option<f64>>);

#[derive(Clone)]
enum Loading {
    Pending(Option<Progress>),
    Failed(LoadFailure),
    Ready(Arc<Data>),
}

impl Loading {
    /// Whether part of the corpus is on screen, alone.
    fn is_alone(&self) -> bool {
        matches!(self, Loading::Ready(d) if d.alone.is_some())
    }
}

/// How far the rest of the corpus has got, while part of it is on screen.
#[derive(Clone, Copy)]
pub struct RestProgress(pub RwSignal<Option<Progress>>);

/// Why the rest of the corpus could not be read, while part of it is on screen:
/// that part stays, and the notice above it names the failure.
#[derive(Clone, Copy)]
pub struct RestFailure(pub RwSignal<Option<LoadFailure>, LocalStorage>);

/// "12.3 MB".
fn megabytes(l: Lang, bytes: f64) -> String {
    let text = format!("{:.1}", bytes / 1_000_000.0);
    fill(l.strings().megabytes, &[&l.digits_in(&text)])
}

/// What the status line says while the corpus loads, and how far along it is.
fn progress_text(l: Lang, progress: Option<Progress>) -> (String, Option<(f64, f64)>) {
    let t = l.strings();
    let of = |template, done: usize, total: usize| {
        (
            fill(template, &[&l.number(done), &l.number(total)]),
            Some((done as f64, total as f64)),
        )
    };
    match progress {
        None => (t.loading.into(), None),
        Some(Progress::Downloading { bytes, total }) => match total {
            Some(total) if total > 0.0 => (
                fill(
                    t.downloading_of,
                    &[&megabytes(l, bytes), &megabytes(l, total)],
                ),
                Some((bytes, total)),
            ),
            _ => (fill(t.downloading, &[&megabytes(l, bytes)]), None),
        },
        Some(Progress::Reading { done, total }) => of(t.reading, done, total),
        Some(Progress::Checking { done, total }) => of(t.checking, done, total),
        Some(Progress::Indexing { done, total }) => of(t.indexing, done + 1, total),
    }
}

/// Where a corpus comes from.
#[derive(Clone)]
pub enum Source {
    /// The corpus shipped with the site.
    Shipped,
    /// Another file on the same site, from `?corpus=`.
    Path(String),
    /// A file chosen on, or dropped from, this device.
    File(web_sys::File),
}

impl Source {
    fn of_address(corpus: Option<String>) -> Source {
        corpus.map_or(Source::Shipped, Source::Path)
    }

    /// How readers see where the corpus came from.
    fn name(&self, l: Lang) -> String {
        let t = l.strings();
        match self {
            Source::Shipped => fill(t.shipped_name, &[CORPUS_URL]),
            Source::Path(path) => path.clone(),
            Source::File(file) => fill(t.opened_file, &[&file.name()]),
        }
    }
}

/// A request to load a corpus; `seq` tells a newer request from an older one;
/// `everything` says the reader asked for the whole of a corpus that is read
/// only on request.
#[derive(Clone)]
pub struct LoadRequest {
    pub source: Source,
    pub retry: bool,
    pub everything: bool,
    seq: u32,
}

/// Asks for a corpus to be loaded; the newest request wins.
#[derive(Clone, Copy)]
pub struct Loader(RwSignal<LoadRequest, LocalStorage>);

impl Loader {
    pub fn open(&self, source: Source, retry: bool) {
        let everything = self.0.with_untracked(|r| r.everything);
        self.request(source, retry, everything);
    }

    /// Reads the whole of the shipped corpus, which the reader asked for.
    pub fn read_everything(&self) {
        self.request(Source::Shipped, false, true);
    }

    fn request(&self, source: Source, retry: bool, everything: bool) {
        let seq = self.0.with_untracked(|r| r.seq) + 1;
        self.0.set(LoadRequest {
            source,
            retry,
            everything,
            seq,
        });
    }
}

/// Loads the corpus `request` asks for. The shipped corpus is read from its
/// parts; where it is large, a record the address opens (`record`) is first
/// shown alone (`alone`), as are the default list's pages (`list`: the address
/// asks for it), and a corpus too large to read unasked waits for the reader's
/// word.
async fn load(
    request: &LoadRequest,
    record: Option<String>,
    list: bool,
    progress: impl Fn(Progress),
    alone: impl Fn(Data),
) -> Result<Data, LoadFailure> {
    let LoadRequest { source, retry, .. } = request;
    let retry = *retry;
    let bytes = match source {
        Source::Shipped if !loader::carries_corpus() => {
            if let Some(manifest) = loader::fetch_manifest(retry).await? {
                match loader::cannot_inflate(&manifest) {
                    // An older browser reads the whole file, where the site carries it.
                    Some(_) if manifest.whole => {}
                    Some(failure) => return Err(failure),
                    None => {
                        let asks = manifest.asks_first() && !request.everything;
                        if let Some(id) = record.filter(|_| asks || manifest.shows_alone()) {
                            let rest = if asks { Rest::OnRequest } else { Rest::Reading };
                            match loader::gather_record(&manifest, &id, rest, retry, &alone).await {
                                Ok(data) if asks => return Ok(data),
                                Ok(data) => alone(data),
                                // Nothing else will be read: the failure is named.
                                Err(failure) if asks => return Err(failure),
                                // Reading the whole says what fails, if anything does.
                                Err(_) => {}
                            }
                        }
                        if asks {
                            return Ok(loader::nothing_yet(&manifest, Rest::OnRequest));
                        }
                        // The default list's pages while the rest is read, where
                        // reading it takes a while.
                        if list && manifest.shows_alone() && !manifest.list.is_empty() {
                            alone(loader::nothing_yet(&manifest, Rest::Reading));
                        }
                        return loader::read_parts(manifest, retry, progress).await;
                    }
                }
            }
            loader::fetch_corpus(CORPUS_URL, false, retry, &progress).await?
        }
        Source::Shipped => loader::fetch_corpus(CORPUS_URL, true, retry, &progress).await?,
        Source::Path(path) => {
            let path = corpus_path(path).map_err(LoadFailure::NotASitePath)?;
            loader::fetch_corpus(path, false, retry, &progress).await?
        }
        Source::File(file) => loader::read_file(file).await?,
    };
    // Citations and exports say where a corpus that is not the site's own came from.
    let elsewhere = match source {
        Source::Shipped => None,
        // The site's own file, named in the address, is still the site's own.
        Source::Path(path) if path.trim().trim_start_matches("./") == CORPUS_URL => None,
        Source::Path(path) => Some(path.clone()),
        Source::File(file) => Some(format!(
            "{}, a file opened on the reader's device",
            file.name()
        )),
    };
    loader::read_corpus(bytes, elsewhere, progress).await
}

/// Whether this is the single-file edition (`dossier.html`, scripts/single-file.py),
/// which says so in `window.dossierSingleFile`.
fn single_file() -> bool {
    js_sys::Reflect::get(
        &window(),
        &wasm_bindgen::JsValue::from_str("dossierSingleFile"),
    )
    .is_ok_and(|v| v.is_truthy())
}

/// The reader's preferred languages, as the browser lists them.
fn browser_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect()
}

/// Sets the page's language and direction, for the browser, screen readers and CSS.
fn mark_document(l: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", l.code());
        let _ = root.set_attribute("dir", l.dir());
    }
    document().set_title(l.strings().app_name);
}

/// Links to the interface in the other languages, each named in its own.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let l = lang();
    let links = Lang::ALL
        .into_iter()
        .map(|other| {
            let change = move |s: &mut dossier::query::url_state::UrlState| s.lang = Some(other);
            let name = other.strings().name;
            if other == l {
                view! { <li aria-current="true" lang=other.code() dir=other.dir()>{name}</li> }
                    .into_any()
            } else {
                view! {
                    <li lang=other.code() dir=other.dir()>
                        <nav::StateLink change>{name}</nav::StateLink>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <nav class="langs" aria-label=l.strings().language><ul>{links}</ul></nav> }
}

#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::install();
    provide_context(nav);
    let browser = Lang::preferred(browser_languages().iter().map(String::as_str));
    let language = Memo::new(move |_| nav.state.with(|s| s.lang).unwrap_or(browser));
    Effect::new(move |_| mark_document(language.get()));
    let loading = RwSignal::new(Loading::Pending(None));
    let corpus_in_address = Memo::new(move |_| nav.state.with(|s| s.corpus.clone()));
    let request = RwSignal::new_local(LoadRequest {
        source: Source::of_address(corpus_in_address.get_untracked()),
        retry: false,
        everything: false,
        seq: 0,
    });
    // How far the rest of the corpus has got, while part of it is on screen.
    let rest = RwSignal::new(None::<Progress>);
    provide_context(RestProgress(rest));
    let rest_failed = RwSignal::new_local(None::<LoadFailure>);
    provide_context(RestFailure(rest_failed));
    let loader = Loader(request);
    provide_context(loader);
    // A new ?corpus= (typed, followed or reached by back and forward) loads it.
    Effect::new(move |first: Option<()>| {
        let corpus = corpus_in_address.get();
        if first.is_some() {
            loader.open(Source::of_address(corpus), false);
        }
    });
    Effect::new(move |_| {
        let asked = request.get();
        let seq = asked.seq;
        // Part of the shipped corpus on screen stays there while another record
        // is found, or the rest is read: the notice says how far it has got.
        let shipped = matches!(asked.source, Source::Shipped);
        if !(shipped && loading.with_untracked(Loading::is_alone)) {
            loading.set(Loading::Pending(None));
        }
        rest.set(None);
        rest_failed.set(None);
        let record = nav.state.with_untracked(|s| s.record.clone());
        let list = nav.state.with_untracked(pages::shows_list);
        spawn_local(async move {
            let current = move || request.with_untracked(|r| r.seq) == seq;
            let progress = move |p| {
                if !current() {
                    return;
                }
                if loading.with_untracked(Loading::is_alone) {
                    rest.set(Some(p));
                } else {
                    loading.set(Loading::Pending(Some(p)));
                }
            };
            let alone = move |data| {
                if current() {
                    loading.set(Loading::Ready(Arc::new(data)));
                }
            };
            let result = load(&asked, record, list, progress, alone).await;
            if current() {
                match result {
                    Ok(data) => loading.set(Loading::Ready(Arc::new(data))),
                    // What is on screen of the corpus stays there.
                    Err(failure) if loading.with_untracked(Loading::is_alone) => {
                        rest.set(None);
                        rest_failed.set(Some(failure));
                    }
                    Err(failure) => loading.set(Loading::Failed(failure)),
                }
            }
        });
    });
    // Once a corpus is on screen, the service worker keeps the app for use with
    // no connection, and says when a new version waits.
    let update: offline::Update = RwSignal::new_local(None);
    Effect::new(move |registered: Option<bool>| {
        let ready = loading.with(|l| matches!(l, Loading::Ready(d) if d.alone.is_none()));
        if ready && registered != Some(true) {
            offline::register(update);
        }
        ready || registered == Some(true)
    });
    // The page's static masthead, first page and a record's first look stand in
    // until the corpus is on screen. While the app waits for the reader to ask for
    // a large corpus, the static first page is the list.
    Effect::new(move |_| {
        let (pending, list_waits) = loading.with(|l| match l {
            Loading::Pending(_) => (true, false),
            Loading::Ready(d) => (false, d.alone.as_ref().is_some_and(|a| a.record.is_none())),
            Loading::Failed(_) => (false, false),
        });
        if !pending {
            let first_pages = Lang::ALL.map(|l| format!("first-page-{}", l.code()));
            let glances = Lang::ALL.map(|l| format!("glance-{}", l.code()));
            // The stand-ins' main landmark goes with them; a first page kept as
            // the list is moved out of it first (`pages::ListInPages`).
            let stand_in = ["stand-in".to_string()];
            let static_parts = ["shell"]
                .into_iter()
                .map(String::from)
                .chain(glances)
                .chain(
                    first_pages
                        .into_iter()
                        .chain(stand_in)
                        .filter(|_| !list_waits),
                );
            for id in static_parts {
                if let Some(part) = document().get_element_by_id(&id) {
                    part.remove();
                }
            }
        }
    });
    // A corpus file dropped anywhere on the page opens.
    let over = window_event_listener(ev::dragover, |e| e.prevent_default());
    let dropped = window_event_listener(ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        if let Some(file) = dropped_file(&e) {
            loader.open(Source::File(file), false);
        }
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
    // A change of language draws everything anew, in the new language; the
    // corpus stays loaded.
    move || {
        let l = language.get();
        provide_context(l);
        let t = l.strings();
        view! {
            <a class="skip" href="#main">{t.skip}</a>
            <LanguageSwitch/>
            {move || update.get().map(|waiting| {
                let on_screen = loading.with(|l| match l {
                    Loading::Ready(data) => data.manifest.clone(),
                    _ => None,
                });
                view! { <offline::UpdateNotice waiting on_screen/> }
            })}
            {move || match loading.get() {
                Loading::Pending(progress) => {
                    let (text, fraction) = progress_text(l, progress);
                    // Not a main landmark: the page's stand-ins (index.html) hold
                    // that until the corpus is on screen.
                    view! {
                        <div id="main" class="status" aria-busy="true">
                            <h1>{t.app_name}</h1>
                            <p role="status">{text}</p>
                            {fraction.map(|(value, max)| view! {
                                <progress value=value max=max aria-label=t.loading_progress></progress>
                            })}
                        </div>
                    }.into_any()
                }
                Loading::Failed(failure) => view! {
                    <main id="main" class="status">
                        <h1>{t.app_name}</h1>
                        <div role="alert" class="failure">
                            <h2>{t.load_failed}</h2>
                            <p class="why">{failure.message(l)}</p>
                            <p class="advice">{failure.advice(l)}</p>
                            <button type="button" on:click=move |_| {
                                let source = request.with_untracked(|r| r.source.clone());
                                loader.open(source, true);
                            }>{t.try_again}</button>
                        </div>
                        <open::OpenCorpus/>
                    </main>
                }.into_any(),
                Loading::Ready(data) => view! { <Browser data/> }.into_any(),
            }}
        }
    }
}

/// The filter and view the lists show. Changes are applied once per browser
/// task: a burst of keystrokes costs one recomputation, and the box itself
/// never waits, since the browser edits it before any of this runs.
fn applied_filter(nav: Nav) -> RwSignal<(Filter, View)> {
    let wanted = Memo::new(move |_| nav.state.with(|s| (s.filter.clone(), s.view)));
    let applied = RwSignal::new(wanted.get_untracked());
    let scheduled = StoredValue::new(false);
    Effect::new(move |_| {
        wanted.track();
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        set_timeout(
            move || {
                scheduled.set_value(false);
                let latest = wanted.get_untracked();
                if applied.with_untracked(|a| *a != latest) {
                    applied.set(latest);
                }
            },
            Duration::ZERO,
        );
    });
    applied
}

/// The footer's links, to the corpus on screen: its file and plain edition
/// for the shipped corpus, where the site carries them (its parts' manifest
/// says); its file for another on this site (the plain edition is written at
/// build time, for the shipped corpus only); for a file from this device, that
/// it stayed here.
fn footer_links(source: &Source, manifest: Option<&Manifest>, l: Lang) -> impl IntoView {
    let t = l.strings();
    let schema = view! { <a href="public/corpus.schema.json">{t.its_schema}</a> };
    match source {
        Source::Shipped => {
            let whole = manifest.is_none_or(|m| m.whole);
            let plain = manifest.is_none_or(|m| m.plain);
            view! {
                {whole.then(|| view! { <a href=CORPUS_URL>{t.download_corpus}</a> " · " })}
                {schema}
                {plain.then(|| view! { " · " <a href="plain/index.html">{t.plain_edition}</a> })}
            }
            .into_any()
        }
        Source::Path(path) => view! {
            <a href=path.clone()>{t.download_corpus}</a>
            " · " {schema}
        }
        .into_any(),
        Source::File(file) => view! {
            <span>{fill(t.opened_here, &[&file.name()])}</span>
            " " {schema}
        }
        .into_any(),
    }
}

/// The corpus's description, under its title: often its caveat on what it
/// is. A phone shows its first two lines (style/main.css), so the first screen
/// reaches the list; a button beside them, there only when the text is cut,
/// shows the whole, as does a tap on the text.
#[component]
fn Lede(text: String) -> impl IntoView {
    let t = lang().strings();
    let whole = RwSignal::new(false);
    let cut = RwSignal::new(false);
    let lede = NodeRef::<leptos::html::P>::new();
    let measure = move || {
        if let (Some(p), false) = (lede.get_untracked(), whole.get_untracked()) {
            cut.set(p.scroll_height() > p.client_height() + 1);
        }
    };
    // Once drawn, and again when the width changes (a phone turned).
    request_animation_frame(measure);
    let resized = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resized.remove());
    let tapped = move |_| {
        if cut.get_untracked() {
            whole.set(true);
        }
    };
    view! {
        <div class="lede-wrap" class:whole=whole>
            <p class="lede" id="lede" dir="auto" node_ref=lede on:click=tapped>{text}</p>
            <Show when=move || cut.get() || whole.get()>
                <button type="button" class="small lede-more" aria-controls="lede"
                    aria-expanded=move || whole.get().to_string()
                    on:click=move |_| whole.update(|w| *w = !*w)>
                    {move || if whole.get() { t.lede_less } else { t.lede_more }}
                </button>
            </Show>
        </div>
    }
}

/// The loaded app: header, view tabs, filters and the current view.
#[component]
fn Browser(data: Arc<Data>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    provide_context(data.clone());
    let meta = data.index.corpus.meta.clone();
    let applied = applied_filter(nav);
    provide_context(applied);
    provide_context(timeline::Extents::new(&data.index));
    // The text index is built after the first list is on screen; searches
    // wait for it, and the share built so far is shown meanwhile.
    let ready = data.index.text.get().is_some() || data.alone.is_some();
    let search = SearchIndexing(RwSignal::new((!ready).then_some(0.0)));
    provide_context(search);
    if !ready {
        let data = data.clone();
        spawn_local(async move {
            loader::index_text(&data, |done, total| {
                search
                    .0
                    .set((done < total).then(|| done as f64 / total.max(1) as f64));
            })
            .await;
            search.0.set(None);
        });
    }
    // The outcome is worked out again when the text index is complete, not at
    // each share of it reported: at a million records that would be hundreds
    // of milliseconds a share, taken from the indexing and from the reader.
    let text_ready = Memo::new(move |_| search.0.with(Option::is_none));
    let outcome = {
        let data = data.clone();
        Memo::new(move |_| {
            // Read, not only tracked: a memo never read is never worked out,
            // so it would never change.
            let _ready = text_ready.get();
            applied.with(|(filter, view)| Outcome::new(&data.index, filter, view.kind()))
        })
    };
    provide_context(outcome);
    let rejected = data.rejected.clone();
    let manifest = data.manifest.clone();
    let l = lang();
    let t = l.strings();
    // The corpus on screen is the one last asked for: a newer request
    // replaces this screen with its progress.
    let source = expect_context::<Loader>()
        .0
        .with_untracked(|r| r.source.clone());
    // Only opening or leaving a record swaps the main part: any other change
    // of state is the list's own to follow.
    let record = Memo::new(move |_| nav.state.with(|s| s.record.clone()));
    // Part of the corpus alone on screen: another record opened is found anew.
    let alone = data.alone.clone();
    if let Some(shown) = alone.as_ref().map(|a| a.record.clone()) {
        let loader = expect_context::<Loader>();
        Effect::new(move |_| {
            if let Some(id) = record.get() {
                if Some(&id) != shown.as_ref() {
                    loader.open(Source::Shipped, false);
                }
            }
        });
    }
    let whole = alone.is_none();
    let version = format!(
        "{} {}",
        fill(t.footer_version, &[&meta.version, &meta.updated]),
        meta.licence
    );
    view! {
        <header class="masthead">
            <p class="app-name">{t.app_name}</p>
            <h1 dir="auto">{meta.title.clone()}</h1>
            <Lede text=meta.description.clone()/>
        </header>
        <open::CorpusBar/>
        <open::ElsewhereNotice/>
        {if whole {
            view! { <lists::ViewTabs/> }.into_any()
        } else {
            view! { <view_pages::TabsInPages/> }.into_any()
        }}
        <div class="layout">
            {whole.then(|| view! { <filters::FilterPanel/> })}
            <main id="main" tabindex="-1">
                <takeaway::PrintHeader/>
                <RejectedNotice rejected/>
                <open::ValidationReport/>
                <alone::AloneNotice/>
                {move || match record.get() {
                    Some(id) => view! { <detail::Detail id/> }.into_any(),
                    None if whole => view! { <lists::CurrentList/> }.into_any(),
                    None => view! { <pages::ListInPages/> }.into_any(),
                }}
            </main>
        </div>
        <footer>
            <p dir="auto">{version}</p>
            <p>
                {t.footer_principle}
                // The single file has no files beside it to link to; its corpus
                // leaves it through the export under every list.
                {(!single_file())
                    .then(|| view! { " " {footer_links(&source, manifest.as_ref(), l)} })}
            </p>
            {manifest.filter(|_| whole).map(|manifest| view! { <offline::KeepCorpus manifest/> })}
        </footer>
    }
}
