//! Fetching and reading the corpus without freezing the page: the download is
//! read as a stream, so its progress shows; records are read in batches of a
//! few tens of milliseconds, with the page free to paint and answer in between.

use dossier::corpus::document::{Document, Problem};
use dossier::corpus::load::{self, Decoded, Reader};
use dossier::corpus::model::Corpus;
use dossier::corpus::sha256::{hex, Sha256};
use dossier::corpus::validate;
use dossier::publish::gather::Gathering;
use dossier::publish::names::NamesUnder;
use dossier::publish::pages::{DayRow, ListRow, PlacedDays, PlacedRow};
use dossier::publish::parts::{
    self, read_actor_rows, read_dates, read_list, read_reach, ActorTable, Assembly, FileEntry,
    ListEntry, Manifest, PartsError, PlaceTable, ReachEntry, ReachRowsEntry, RowsEntry, Table,
    TableEntry, ViewActorTable, ViewEntry, MANIFEST,
};
use dossier::publish::range::Days;
use dossier::publish::views::ClaimsCharts;
use dossier::publish::word_rows::WordRowsTable;
use dossier::query::index::{Index, IndexBuilding};
use futures::stream::{self, StreamExt};
use js_sys::{Promise, Reflect, Uint8Array};
use leptos::prelude::window;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::failure::{LoadFailure, Why};
use super::{Alone, Data, Rest};

/// How far loading has got, for the status line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    Downloading {
        bytes: f64,
        total: Option<f64>,
    },
    Reading {
        done: usize,
        total: usize,
    },
    Checking {
        done: usize,
        total: usize,
    },
    /// Phases of the index done, of how many.
    Indexing {
        done: usize,
        total: usize,
    },
}

/// Work done between two yields to the browser, in milliseconds: short enough
/// that the page keeps painting and answering.
const SLICE_MS: f64 = 25.0;

/// Lets the browser paint and handle input before the work goes on. A message
/// to ourselves comes back as a new task at once, where a zero timeout would be
/// held back 4 ms once nested, and loading 100,000 records yields ~50 times.
/// A zero timeout is set as well, and whichever comes first goes on: WebKit now
/// and then never delivers the message (seen in the end-to-end tests: a load
/// stalled for good at "Indexing for filtering: step 13 of 13"), and the page
/// would wait for ever.
pub async fn next_task() {
    // The channel is held until the wait is over, so that nothing collects it
    // with its message on the way.
    let channel = web_sys::MessageChannel::new().ok();
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(channel) = &channel {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        if window().set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
    drop(channel);
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Marks the end of a loading phase on the page's timeline (`dossier:read`,
/// `dossier:checked`, `dossier:indexed`, `dossier:text-indexed`), for the
/// benchmarks and DevTools.
fn mark(phase: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(&format!("dossier:{phase}"));
    }
}

/// The browser's own words for a failure, where it gives any.
pub fn js_error(e: JsValue) -> Option<String> {
    e.as_string().or_else(|| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
    })
}

/// Whether the page carries a whole corpus of its own (`dossierCorpus`), which is
/// then read in place of the site's parts.
pub fn carries_corpus() -> bool {
    Reflect::has(&window(), &JsValue::from_str("dossierCorpus")).unwrap_or(false)
}

/// A download that `index.html` starts with the page, before the app has loaded
/// (`dossierManifest`, or `dossierCorpus` where the page carries a whole corpus);
/// taken once, so a later load fetches anew.
fn early_download(name: &str) -> Option<js_sys::Promise> {
    take_promise(&window(), name)
}

/// The promise `owner` holds under `name`, taken: the property is emptied.
fn take_promise(owner: &JsValue, name: &str) -> Option<js_sys::Promise> {
    let key = JsValue::from_str(name);
    let promise = Reflect::get(owner, &key).ok()?.dyn_into().ok()?;
    let _ = Reflect::set(owner, &key, &JsValue::UNDEFINED);
    Some(promise)
}

/// The response a download the page started settles to; where it failed, the
/// browser's words, if it gives any.
async fn started_response(
    promise: js_sys::Promise,
) -> Result<gloo_net::http::Response, Option<String>> {
    let raw = JsFuture::from(promise).await.map_err(js_error)?;
    raw.dyn_into::<web_sys::Response>()
        .map(gloo_net::http::Response::from)
        .map_err(|_| None)
}

/// The response body, read chunk by chunk so that progress can be shown.
async fn read_body(
    response: &gloo_net::http::Response,
    progress: &impl Fn(Progress),
) -> Result<Vec<u8>, Why> {
    let total: Option<f64> = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse().ok());
    let Some(stream) = response.body() else {
        return response
            .binary()
            .await
            .map_err(|e| Why::Browser(Some(e.to_string())));
    };
    let reader: web_sys::ReadableStreamDefaultReader =
        stream.get_reader().dyn_into().map_err(|_| Why::NoStream)?;
    let mut bytes = Vec::with_capacity(total.map_or(0, |t| t as usize));
    let mut shown = now();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| Why::Browser(js_error(e)))?;
        let done = Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = Reflect::get(&chunk, &"value".into()) {
            let array: Uint8Array = value.unchecked_into();
            let start = bytes.len();
            bytes.resize(start + array.length() as usize, 0);
            array.copy_to(&mut bytes[start..]);
        }
        if now() - shown > 100.0 {
            shown = now();
            progress(Progress::Downloading {
                bytes: bytes.len() as f64,
                total,
            });
        }
    }
    Ok(bytes)
}

/// Fetches the corpus file at `url` (relative to the page). A retry
/// revalidates with the server, so a file fixed since the last try is not
/// served stale. With `early`, the download the page started is used if there
/// is one.
pub async fn fetch_corpus(
    url: &str,
    early: bool,
    retry: bool,
    progress: &impl Fn(Progress),
) -> Result<Vec<u8>, LoadFailure> {
    let unreachable = |why: Option<String>| LoadFailure::Unreachable {
        url: url.to_string(),
        why,
    };
    let started = early.then(|| early_download("dossierCorpus")).flatten();
    let response = match started {
        Some(promise) => started_response(promise).await.map_err(unreachable)?,
        None => send(url, retry).await?,
    };
    refused(url, &response)?;
    progress(Progress::Downloading {
        bytes: 0.0,
        total: None,
    });
    read_body(&response, progress)
        .await
        .map_err(|why| LoadFailure::Interrupted {
            url: url.to_string(),
            why,
        })
}

/// The file a reader chose in an `<input type="file">`, from its change event.
pub fn chosen_file(e: &leptos::ev::Event) -> Option<web_sys::File> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}

/// The file a reader dropped on the page, from its drop event.
pub fn dropped_file(e: &web_sys::DragEvent) -> Option<web_sys::File> {
    e.data_transfer()
        .and_then(|d| d.files())
        .and_then(|files| files.get(0))
}

/// Reads a file chosen on this device; it never leaves the browser.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, LoadFailure> {
    let buffer =
        JsFuture::from(file.array_buffer())
            .await
            .map_err(|e| LoadFailure::FileUnreadable {
                name: file.name(),
                why: js_error(e),
            })?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Reads, checks and indexes a corpus file's bytes; `elsewhere` names where
/// they were read from when they are not the corpus the site publishes.
pub async fn read_corpus(
    bytes: Vec<u8>,
    elsewhere: Option<String>,
    progress: impl Fn(Progress),
) -> Result<Data, LoadFailure> {
    // The file's fingerprint, so that what is cited traces to these exact bytes.
    let fingerprint = digest(&bytes).await;
    let doc = read_document(bytes, &progress).await?;
    check_and_index(doc, Some(fingerprint), elsewhere, false, progress).await
}

/// Reads a corpus file's bytes into records, in slices.
async fn read_document(
    bytes: Vec<u8>,
    progress: &impl Fn(Progress),
) -> Result<Document, LoadFailure> {
    // A byte that is not UTF-8 costs the record that holds it, named, not the file.
    let decoded = Decoded::new(bytes);
    next_task().await;
    let doc = {
        let mut reader = decoded.reader().map_err(LoadFailure::NotACorpus)?;
        let total = reader.total();
        in_slices(
            |r: &mut Reader| r.read(500),
            |r| {
                progress(Progress::Reading {
                    done: r.done(),
                    total,
                })
            },
            &mut reader,
        )
        .await;
        reader.finish()
    };
    drop(decoded);
    Ok(doc)
}

/// Checks and indexes what was read, in slices. `fingerprint` is the SHA-256 of
/// the corpus file; `elsewhere` names where it was read from when it is not the
/// corpus the site publishes; `clean` says that the build checked these very
/// bytes and found nothing, so that checking them again would find nothing too.
async fn check_and_index(
    doc: Document,
    fingerprint: Option<String>,
    elsewhere: Option<String>,
    clean: bool,
    progress: impl Fn(Progress),
) -> Result<Data, LoadFailure> {
    mark("read");
    let records = doc.sources.len() + doc.actors.len() + doc.events.len() + doc.claims.len();
    let problems = if clean {
        Vec::new()
    } else {
        let mut check = validate::Check::new(&doc, None);
        in_slices(
            |c: &mut validate::Check| c.step(500),
            |c| {
                progress(Progress::Checking {
                    done: c.done(),
                    total: records,
                })
            },
            &mut check,
        )
        .await;
        check.finish()
    };
    // The whole report, as the command-line validator gives it.
    mark("checked");
    let report: Vec<Problem> = doc.problems.iter().chain(&problems).cloned().collect();
    let accepted = load::accept_checked(doc, problems);
    let mut building = IndexBuilding::new(accepted.corpus);
    loop {
        let (done, total) = building.progress();
        progress(Progress::Indexing { done, total });
        next_task().await;
        let finished = building.step();
        // Each phase's end on the page's timeline too (`dossier:phase-N`).
        if building.progress().0 > done {
            mark(&format!("phase-{}", done + 1));
        }
        if finished {
            break;
        }
    }
    let mut index = building.finish();
    mark("indexed");
    index.fingerprint = fingerprint;
    index.elsewhere = elsewhere;
    Ok(Data {
        index,
        rejected: accepted.rejected,
        report,
        manifest: None,
        alone: None,
    })
}

/// Runs `batch` on `job` until it says it is finished, in slices of about
/// SLICE_MS, reporting progress and yielding to the browser between slices.
async fn in_slices<J>(batch: impl Fn(&mut J) -> bool, report: impl Fn(&J), job: &mut J) {
    loop {
        report(job);
        next_task().await;
        let start = now();
        while now() - start < SLICE_MS {
            if batch(job) {
                return;
            }
        }
    }
}

/// Builds the text index a slice at a time, after the first list is on
/// screen, reporting the share done; it is in place when this returns.
pub async fn index_text(data: &Data, progress: impl Fn(usize, usize)) {
    let index = &data.index;
    let mut job = index.text_indexing();
    in_slices(
        |job| index.index_text(job, 1000),
        |job| {
            let (done, total) = index.text_progress(job);
            progress(done, total);
        },
        &mut job,
    )
    .await;
    mark("text-indexed");
}

/// The folder of the shipped corpus's parts (see `publish::parts`), beside the page.
const PARTS: &str = "parts/";

/// Asks for `url`; `fresh` revalidates with the server, so a file fixed since
/// the last try is not served stale.
async fn send(url: &str, fresh: bool) -> Result<gloo_net::http::Response, LoadFailure> {
    send_until(url, fresh, None).await
}

/// Sends a request for `url`, which `abort` (where given) can call off.
async fn send_until(
    url: &str,
    fresh: bool,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<gloo_net::http::Response, LoadFailure> {
    let mut request = gloo_net::http::Request::get(url).abort_signal(abort);
    if fresh {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    request.send().await.map_err(|e| LoadFailure::Unreachable {
        url: url.to_string(),
        why: Some(e.to_string()),
    })
}

/// The server's refusal of `url`, where it answered with an error status.
fn refused(url: &str, response: &gloo_net::http::Response) -> Result<(), LoadFailure> {
    if response.ok() {
        return Ok(());
    }
    let status = format!("{} {}", response.status(), response.status_text());
    Err(LoadFailure::Refused {
        url: url.to_string(),
        status: status.trim().to_string(),
    })
}

/// Downloads `url` whole, as bytes; `fresh` revalidates with the server. A
/// download dropped before it is done is called off: a page or filter the
/// reader has left cancels its task, and its parts stop taking the link.
async fn download(url: &str, fresh: bool) -> Result<Vec<u8>, LoadFailure> {
    let abort = AbortOnDrop(web_sys::AbortController::new().ok());
    let signal = abort.0.as_ref().map(web_sys::AbortController::signal);
    answer_bytes(url, send_until(url, fresh, signal.as_ref()).await?).await
}

/// Runs `task`, which reads the parts of what is on screen, for as long as the
/// effect that starts it stays as it was: once the reader has left that page,
/// filter or search, its task ends and its downloads under way are called off
/// (`download`), where a task merely let run would go on fetching parts whose
/// answers are then dropped. Only for an effect that starts its task afresh
/// whenever it runs again.
pub fn fetch_while_current(task: impl std::future::Future<Output = ()> + 'static) {
    leptos::task::spawn_local_scoped_with_cancellation(task);
}

/// Calls off a request when dropped; once its answer is read whole, calling
/// it off does nothing.
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

async fn answer_bytes(
    url: &str,
    response: gloo_net::http::Response,
) -> Result<Vec<u8>, LoadFailure> {
    refused(url, &response)?;
    response
        .binary()
        .await
        .map_err(|e| LoadFailure::Interrupted {
            url: url.to_string(),
            why: Why::Browser(Some(e.to_string())),
        })
}

#[wasm_bindgen]
extern "C" {
    /// The browser's gzip reader (web-sys has it only behind its unstable flag).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Inflater;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Inflater, JsValue>;
}

/// Whether this browser can inflate the stored parts.
fn can_inflate() -> bool {
    Reflect::has(&window(), &JsValue::from_str("DecompressionStream")).unwrap_or(false)
}

/// A part's JSON from its bytes as they arrived: still gzipped as stored, or
/// already inflated by a host that served the file with `Content-Encoding: gzip`.
/// `None` where the bytes do not inflate (a damaged file).
async fn inflate(mut bytes: Vec<u8>) -> Option<Vec<u8>> {
    if !parts::is_gzip(&bytes) {
        return Some(bytes);
    }
    let inflater = Inflater::new("gzip").ok()?;
    let stored = web_sys::Response::new_with_opt_u8_array(Some(&mut bytes)).ok()?;
    let inflated = stored.body()?.pipe_through(inflater.unchecked_ref());
    let json = web_sys::Response::new_with_opt_readable_stream(Some(&inflated)).ok()?;
    let buffer = JsFuture::from(json.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// How many parts are asked for at once: enough that the link never idles while a
/// part is checked and read, few enough that the first ones are not slowed.
pub(super) const PARTS_IN_FLIGHT: usize = 4;

/// The SHA-256 of `bytes` in hex, by the browser's own digest where the page may
/// use it (a secure context: https, or 127.0.0.1), many times faster than ours in
/// wasm; else by ours, in slices, so that a large file does not freeze the page.
async fn digest(bytes: &[u8]) -> String {
    let subtle = window()
        .crypto()
        .ok()
        .and_then(|c| Reflect::get(&c, &"subtle".into()).ok())
        .filter(|s| !s.is_undefined() && !s.is_null())
        .map(|s| s.unchecked_into::<web_sys::SubtleCrypto>());
    if let Some(promise) =
        subtle.and_then(|s| s.digest_with_str_and_u8_array("SHA-256", bytes).ok())
    {
        if let Ok(buffer) = JsFuture::from(promise).await {
            return hex(&Uint8Array::new(&buffer).to_vec());
        }
    }
    let mut job = (Sha256::new(), 0usize);
    in_slices(
        |(hash, at): &mut (Sha256, usize)| {
            let end = (*at + (1 << 18)).min(bytes.len());
            hash.update(bytes.get(*at..end).unwrap_or_default());
            *at = end;
            end == bytes.len()
        },
        |_| {},
        &mut job,
    )
    .await;
    hex(&job.0.finish())
}

/// The shipped corpus's manifest, always fresh (the page may have started it);
/// `None` where the site has no parts (a host that dropped the folder, or a site
/// put together by hand): the whole file is read then.
pub async fn fetch_manifest(retry: bool) -> Result<Option<Manifest>, LoadFailure> {
    let url = format!("{PARTS}{MANIFEST}");
    let response = match early_download("dossierManifest").filter(|_| !retry) {
        Some(promise) => started_response(promise).await.ok(),
        None => None,
    };
    let response = match response {
        Some(r) => r,
        None => send(&url, true).await?,
    };
    if response.status() == 404 {
        return Ok(None);
    }
    let bytes = answer_bytes(&url, response).await?;
    parts::read_manifest(&bytes)
        .map(Some)
        .map_err(LoadFailure::Parts)
}

/// Why the parts cannot be read in this browser, where they cannot: it has no
/// gzip reader (before 2023). `None` where it can.
pub fn cannot_inflate(manifest: &Manifest) -> Option<LoadFailure> {
    if can_inflate() {
        return None;
    }
    let url = manifest.parts.first().map_or_else(
        || format!("{PARTS}{MANIFEST}"),
        |p| format!("{PARTS}{}", p.file),
    );
    Some(LoadFailure::Interrupted {
        url,
        why: Why::NoInflate,
    })
}

/// One file of the parts' folder, fetched.
struct Fetched {
    file: String,
    /// Its JSON, inflated.
    json: Vec<u8>,
    /// The SHA-256 of that JSON, in hex.
    sha256: String,
    /// How many bytes came over the link.
    arrived: usize,
}

/// A part `index.html` started fetching for a record opened by its address
/// (`dossierEarlyParts`), once the page has named every part it will
/// (`dossierEarlyDone`); taken once. `None` where the page started none for this
/// file, or its download failed: the part is fetched anew then.
async fn early_part(file: &str) -> Option<gloo_net::http::Response> {
    let window = window();
    if let Some(done) = Reflect::get(&window, &"dossierEarlyDone".into())
        .ok()
        .and_then(|d| d.dyn_into::<js_sys::Promise>().ok())
    {
        let _ = JsFuture::from(done).await;
    }
    let started = Reflect::get(&window, &"dossierEarlyParts".into())
        .ok()
        .filter(JsValue::is_object)?;
    started_response(take_promise(&started, file)?).await.ok()
}

thread_local! {
    /// How many parts are being fetched: what a reader asked for is on its
    /// way while any is.
    static IN_FLIGHT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts a part's fetch as in flight while it lives.
struct InFlight;

impl InFlight {
    fn start() -> InFlight {
        IN_FLIGHT.with(|n| n.set(n.get() + 1));
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// Waits until no part is being fetched, or `most_ms` have passed: what can
/// wait (a timeline behind its list) then does not share the link with what
/// a reader is waiting for.
pub async fn quiet(most_ms: i32) {
    let mut waited = 0;
    while IN_FLIGHT.with(std::cell::Cell::get) > 0 && waited < most_ms {
        pause(QUIET_STEP_MS).await;
        waited += QUIET_STEP_MS;
    }
}

const QUIET_STEP_MS: i32 = 50;

/// Fetches, inflates and digests one file of the parts' folder.
async fn fetch_part(file: String, retry: bool) -> Result<Fetched, LoadFailure> {
    let _counted = InFlight::start();
    let url = format!("{PARTS}{file}");
    let early = if retry { None } else { early_part(&file).await };
    let bytes = match early {
        Some(response) => answer_bytes(&url, response).await?,
        None => download(&url, retry).await?,
    };
    let arrived = bytes.len();
    let damaged = || LoadFailure::Parts(PartsError::HashMismatch { file: file.clone() });
    let json = inflate(bytes).await.ok_or_else(damaged)?;
    let sha256 = digest(&json).await;
    Ok(Fetched {
        file,
        json,
        sha256,
        arrived,
    })
}

/// The default list's part `entry`, fetched, checked against its hash and
/// read: its rows, in the list's order.
pub async fn list_part(entry: &ListEntry, retry: bool) -> Result<Vec<ListRow>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    read_list(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part of the days of the default list's rows that reach `entry`,
/// fetched, checked against its hash and read.
pub async fn reach_part(entry: &ReachEntry, retry: bool) -> Result<Vec<PlacedDays>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    read_reach(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part of the days of the default list's rows `entry`, fetched, checked
/// against its hash and read.
pub async fn dates_part(entry: &RowsEntry, retry: bool) -> Result<Vec<Days>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    read_dates(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part of the days of the default list's rows `entry`, fetched, checked
/// and read with whether each row's date is inferred (for a timeline).
pub async fn day_rows_part(
    entry: &RowsEntry,
    retry: bool,
) -> Result<Vec<Option<DayRow>>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    parts::read_day_rows(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The claims view's charts for no filter, `entry`, fetched, checked against
/// their hash and read.
pub async fn claims_charts(entry: &FileEntry, retry: bool) -> Result<ClaimsCharts, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    parts::read_claims_charts(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part `entry` of the directory of another view's list in pages,
/// fetched, checked against its hash and read: the entries of the list's parts.
pub async fn view_directory(entry: &RowsEntry, retry: bool) -> Result<Vec<ViewEntry>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    parts::read_view_directory(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part `entry` of another view's list in pages (the claims', the
/// sources', the institutions' and people's: `R` is its row), fetched,
/// checked against its hash and read.
pub async fn view_part<R: serde::de::DeserializeOwned>(
    entry: &ViewEntry,
    retry: bool,
) -> Result<Vec<R>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    parts::read_view_rows(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part `entry` of the rows that reach of another view's list in pages
/// (`R` is its row), fetched, checked against its hash and read: its rows,
/// each with its place.
pub async fn reach_rows_part<R: serde::de::DeserializeOwned>(
    entry: &ReachRowsEntry,
    retry: bool,
) -> Result<Vec<(u32, R)>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    parts::read_reach_rows(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part `entry` of a view's rare words' first rows (`R` is its row),
/// fetched, checked against its hash and read: each word with its rows, each
/// with its place.
pub async fn word_rows_part<R: serde::de::DeserializeOwned>(
    entry: &TableEntry,
    retry: bool,
) -> Result<WordRowsTable<R>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    WordRowsTable::read(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part `entry` of the directory of a view's rare words' first rows,
/// fetched, checked against its hash and read: the parts of the rows' table
/// it lists.
pub async fn word_rows_directory(
    entry: &TableEntry,
    retry: bool,
) -> Result<Vec<TableEntry>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    parts::read_word_rows_directory(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part of the actors' lists' table `entry`, fetched, checked against its
/// hash and read.
pub async fn actor_table(entry: &TableEntry, retry: bool) -> Result<ActorTable, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    ActorTable::read(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part of the actors' lists' rows `entry`, fetched, checked against its
/// hash and read: its rows, with their places in the default list.
pub async fn actor_rows(entry: &RowsEntry, retry: bool) -> Result<Vec<PlacedRow>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    read_actor_rows(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part `entry` of a view's table of the lists by actor, fetched, checked
/// against its hash and read.
pub async fn view_actor_table(
    entry: &TableEntry,
    retry: bool,
) -> Result<ViewActorTable, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    ViewActorTable::read(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part `entry` of a view's lists by actor (`R` is its row), fetched,
/// checked against its hash and read: its rows, each with its place.
pub async fn view_actor_rows<R: serde::de::DeserializeOwned>(
    entry: &RowsEntry,
    retry: bool,
) -> Result<Vec<(u32, R)>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    parts::read_view_actor_rows(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part of the names table `entry`, fetched, checked against its hash and
/// read: beginnings of names, each with the actors it answers for.
pub async fn names_part(entry: &TableEntry, retry: bool) -> Result<Table<NamesUnder>, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    Table::read(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The part of a table of places `entry` (the words' or the kinds'), fetched,
/// checked against its hash and read: its keys, each with the places of the
/// events it finds.
pub async fn place_table(entry: &TableEntry, retry: bool) -> Result<PlaceTable, LoadFailure> {
    let part = fetch_part(entry.file.clone(), retry).await?;
    PlaceTable::read(entry, &part.json, &part.sha256).map_err(LoadFailure::Parts)
}

/// The record `id` and the records it names, from the few parts that hold them
/// (`publish::gather`): shown alone while the rest of the corpus is read, or
/// until the reader asks for it.
///
/// The record is handed to `early` as soon as its own part is in, so that a slow
/// link shows its text while the names of what it links to are still on the way.
pub async fn gather_record(
    manifest: &Manifest,
    id: &str,
    rest: Rest,
    retry: bool,
    early: impl Fn(Data),
) -> Result<Data, LoadFailure> {
    let mut gathering = Gathering::new(manifest.clone(), id);
    let mut shown = false;
    loop {
        let needs = gathering.needs();
        if needs.is_empty() {
            break;
        }
        if !shown && gathering.found() == Some(true) {
            shown = true;
            mark("record");
            early(gathered(manifest, id, &gathering, rest, false));
        }
        let mut arriving = stream::iter(needs)
            .map(|file| fetch_part(file, retry))
            .buffer_unordered(PARTS_IN_FLIGHT);
        while let Some(part) = arriving.next().await {
            let part = part?;
            gathering
                .take(&part.file, &part.json, &part.sha256)
                .map_err(LoadFailure::Parts)?;
        }
    }
    mark("gathered");
    Ok(gathered(manifest, id, &gathering, rest, true))
}

/// What has been gathered of the record `id`, indexed; `complete` once the
/// records it names are in too.
fn gathered(
    manifest: &Manifest,
    id: &str,
    gathering: &Gathering,
    rest: Rest,
    complete: bool,
) -> Data {
    let accepted = load::accept_checked(gathering.document(), Vec::new());
    let alone = Alone {
        record: Some(id.to_string()),
        rest,
        complete,
    };
    part_alone(manifest, accepted.corpus, alone)
}

/// The corpus's title and description alone, from its manifest: what the page
/// shows, beside the default list's pages, while it waits for the reader to ask
/// for the corpus, or reads it (`rest`).
pub fn nothing_yet(manifest: &Manifest, rest: Rest) -> Data {
    let corpus = Corpus {
        meta: manifest.meta.clone(),
        ..Corpus::default()
    };
    let alone = Alone {
        record: None,
        rest,
        complete: true,
    };
    part_alone(manifest, corpus, alone)
}

/// Part of the shipped corpus (`corpus`, cut from the parts `manifest` lists),
/// indexed to be shown alone, with the whole corpus's fingerprint.
fn part_alone(manifest: &Manifest, corpus: Corpus, alone: Alone) -> Data {
    let mut index = Index::new(corpus);
    index.fingerprint = Some(manifest.sha256.clone());
    Data {
        index,
        rejected: Vec::new(),
        report: Vec::new(),
        manifest: Some(manifest.clone()),
        alone: Some(alone),
    }
}

/// The shipped corpus from every one of its parts, a few requests at a time,
/// each checked against the manifest's hash and read as it arrives, while the
/// next ones download.
pub async fn read_parts(
    manifest: Manifest,
    retry: bool,
    progress: impl Fn(Progress),
) -> Result<Data, LoadFailure> {
    let total = manifest.stored_bytes();
    let read_from = manifest.clone();
    let mut assembly = Assembly::new(manifest);
    let wanted: Vec<String> = assembly.missing().map(|p| p.file.clone()).collect();
    let mut arriving = stream::iter(wanted)
        .map(|file| fetch_part(file, retry))
        .buffered(PARTS_IN_FLIGHT);
    let mut done = 0;
    progress(Progress::Downloading {
        bytes: 0.0,
        total: Some(total as f64),
    });
    while let Some(part) = arriving.next().await {
        let part = part?;
        done += part.arrived;
        assembly
            .take_digested(&part.file, &part.json, &part.sha256)
            .map_err(LoadFailure::Parts)?;
        progress(Progress::Downloading {
            bytes: done as f64,
            total: Some(total as f64),
        });
        next_task().await;
    }
    let doc = assembly.finish().map_err(LoadFailure::Parts)?;
    // The parts carry the whole file's fingerprint in their manifest, and what the
    // build's check found: every part read is the one it checked.
    let fingerprint = Some(read_from.sha256.clone());
    let clean = read_from.problems == Some(0);
    let mut data = check_and_index(doc, fingerprint, None, clean, progress).await?;
    data.manifest = Some(read_from);
    Ok(data)
}

/// Waits `ms` milliseconds, letting the browser go on meanwhile.
pub async fn pause(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .is_err()
        {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
