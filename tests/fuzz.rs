//! Fuzzing on stable Rust, in `cargo test`: thousands of corpora and query
//! strings mutated from seeds by a fixed-seed generator, through reading,
//! checking, accepting, indexing, filtering, the timeline, exports and
//! citations; and date strings and URL states on their own. None may panic,
//! none may take more than a second, and what Dossier writes must read back.
//!
//! `FUZZ_CASES=100000 cargo test --release --test fuzz -- --nocapture` runs
//! longer; `FUZZ_SEED` starts elsewhere. A failure prints the seed and the input.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::corpus::archive::parse_archive_url;
use dossier::corpus::date::{DateSpan, PartialDate};
use dossier::corpus::load::{self, Decoded};
use dossier::corpus::validate::{self, Texts};
use dossier::corpus::write::to_json;
use dossier::i18n::Lang;
use dossier::publish::{cite, export};
use dossier::query::filter::Outcome;
use dossier::query::index::{Index, RecordRef, KINDS};
use dossier::query::timeline::{self, Window};
use dossier::query::url_state::{corpus_path, Page, UrlState};
use serde_json::Value;

/// How long one case may take.
const LIMIT: Duration = Duration::from_secs(1);

/// xorshift64*: small, fast and the same everywhere, so a seed replays a case.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn cases(default: usize) -> usize {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn first_seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

const STRINGS: &[&str] = &[
    "",
    " ",
    "..",
    "../..",
    "/",
    "1988",
    "1988-02-29",
    "2000-02-29",
    "1900-02-29",
    "0000",
    "9999-12-31",
    "2016-13",
    "2016-09-31",
    "2016-00-10",
    "1988/..",
    "../1988",
    "1988-06/1988-05",
    "1988-06/1988-06-31",
    "-1",
    "+1988",
    "۱۳۶۷",
    "١٣٦٧-٠٦",
    "javascript:alert(1)",
    "https://",
    "https://example.org/report",
    "https://web.archive.org/web/20161001120000/https://example.org/report",
    "https://web.archive.org/web/99999999999999/https://example.org/report",
    "https://web.archive.org/web/2016/x",
    "https://archive.ph/€€€€€€€€/x",
    "http://a",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"x\")",
    "\u{fffd}",
    "\u{200c}",
    "يكي",
    "\u{0}",
    "e\u{301}",
    "\u{202e}abc",
    "a\r\nb",
    "death-toll",
    "legal-characterisation",
    "inferred",
    "stated",
    "more-than",
    "hundreds",
    "author",
    "attributed",
    "crime-against-humanity",
    "un-symbol",
    "ngo",
    "news-article",
    "91e8874112263a51cb3803fc1fb68ea75d8249c4d749ba9a12de5b6939bfdc8c",
    "report.txt",
    "../report.txt",
];

fn interesting_value(rng: &mut Rng, ids: &[String]) -> Value {
    match rng.below(14) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => Value::from(rng.next() as i64),
        3 => Value::from(u64::MAX),
        4 => serde_json::from_str("1e308").unwrap(),
        5 => serde_json::json!([]),
        6 => serde_json::json!({}),
        7 => serde_json::json!([""]),
        8 => Value::from("x".repeat(rng.below(400))),
        9 | 10 if !ids.is_empty() => Value::from(ids[rng.below(ids.len())].clone()),
        _ => Value::from(rng.pick(STRINGS)),
    }
}

/// Every id in a corpus, for references that point at the wrong record.
fn ids_of(corpus: &Value) -> Vec<String> {
    ["sources", "actors", "events", "claims"]
        .iter()
        .filter_map(|k| corpus[k].as_array())
        .flatten()
        .filter_map(|r| r["id"].as_str().map(str::to_string))
        .collect()
}

/// One change somewhere in the tree: a value replaced, a field or item
/// removed, an item duplicated, or a field added.
fn mutate_value(rng: &mut Rng, root: &mut Value, ids: &[String]) {
    // Walk down a random path, stopping at random; then change what is there.
    let mut pointer = String::new();
    let mut at = &*root;
    for _ in 0..6 {
        let step = match at {
            Value::Object(map) if !map.is_empty() && rng.chance(75) => {
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap();
                Some(key)
            }
            Value::Array(items) if !items.is_empty() && rng.chance(75) => {
                Some(rng.below(items.len()).to_string())
            }
            _ => None,
        };
        let Some(step) = step else { break };
        pointer = format!("{pointer}/{}", step.replace('~', "~0").replace('/', "~1"));
        at = root.pointer(&pointer).unwrap();
    }
    let node = root.pointer_mut(&pointer).unwrap();
    match node {
        Value::Object(map) if !map.is_empty() && rng.chance(40) => {
            let key = map.keys().nth(rng.below(map.len())).cloned().unwrap();
            map.remove(&key);
        }
        Value::Object(map) if rng.chance(50) => {
            let key = rng.pick(&[
                "id",
                "when",
                "basis",
                "inference",
                "label",
                "text_sha256",
                "captured",
                "archive_url",
                "url",
                "death_toll",
                "value",
                "quote",
                "extra",
            ]);
            map.insert(key.to_string(), interesting_value(rng, ids));
        }
        Value::Array(items) if !items.is_empty() && rng.chance(50) => {
            let i = rng.below(items.len());
            if rng.chance(50) {
                let copy = items[i].clone();
                items.push(copy);
            } else {
                items.remove(i);
            }
        }
        other => *other = interesting_value(rng, ids),
    }
}

const BYTES: &[&[u8]] = &[
    b"\xff",
    b"\xc0",
    b"\xe2\x80",
    b"\xef\xbb\xbf",
    b"\"",
    b"{",
    b"}",
    b"[",
    b",",
    b"\\",
    b"\\u",
    b"\\ud800",
    b"0",
    b"-",
    b"\n",
    b"\x00",
];

/// A change to the bytes: damage, a JSON token out of place, a span cut or
/// repeated, the file cut short.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>) {
    if bytes.is_empty() {
        bytes.extend_from_slice(rng.pick(BYTES));
        return;
    }
    let at = rng.below(bytes.len());
    match rng.below(6) {
        0 => bytes[at] ^= 1 << rng.below(8),
        1 => {
            let insert = rng.pick(BYTES);
            bytes.splice(at..at, insert.iter().copied());
        }
        2 => {
            let end = (at + rng.below(64)).min(bytes.len());
            bytes.drain(at..end);
        }
        3 => {
            let end = (at + rng.below(64)).min(bytes.len());
            let span = bytes[at..end].to_vec();
            bytes.splice(at..at, span);
        }
        4 => bytes.truncate(at),
        _ => bytes[at] = rng.next() as u8,
    }
}

/// A small slice of the shipped corpus: enough of every kind for cross-links,
/// small enough that thousands of cases stay quick in a debug build.
fn shipped_slice() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/corpus.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for (kind, keep) in [
        ("sources", 8),
        ("actors", 12),
        ("events", 8),
        ("claims", 16),
    ] {
        if let Some(list) = v[kind].as_array_mut() {
            list.truncate(keep);
        }
    }
    v
}

fn seeds() -> Vec<Value> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(fixtures.join(name)).unwrap()).unwrap()
    };
    vec![read("valid.json"), read("fa-corpus.json"), shipped_slice()]
}

fn texts() -> Texts {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
    Texts::from_dir(&dir).unwrap()
}

const QUERIES: &[&str] = &[
    "?view=claims&claim=death-toll&from=1988&to=2016-09&q=hum&page=3",
    "?lang=fa&view=sources&source=news-article&order=claimant&undated=1",
    "?id=cl-hrw-2005-crime-against-humanity&tl=1988/1988",
    "?view=actors&actor=act-human-rights-watch&actor=act-nobody&term=crime-against-humanity",
    "?corpus=corpora%2Fother.json&view=events&tag=execution&from=..&to=1988-06/1988-09",
    "?q=%D8%A7%D8%B9%D8%AF%D8%A7%D9%85&from=%DB%B1%DB%B3%DB%B6%DB%B7",
    "",
];

const QUERY_BITS: &[&str] = &[
    "&",
    "=",
    "%",
    "%zz",
    "%ff",
    "%c3%28",
    "%00",
    "+",
    "page=99999999999999999999",
    "page=-1",
    "view=",
    "id=",
    "tl=0000/9999",
    "tl=9999/0000",
    "tl=1988-02-30/1988",
    "from=2016-13",
    "to=..",
    "corpus=https://example.org/c.json",
    "corpus=../../etc",
    "corpus=//host/x",
    "lang=xx",
    "q=\u{200c}",
    "q=a%20b%20c",
    "actor=",
    "#",
    "?",
    "€",
];

fn mutate_query(rng: &mut Rng, query: &str) -> String {
    let mut q = query.to_string();
    for _ in 0..1 + rng.below(4) {
        let mut at = rng.below(q.len() + 1);
        while !q.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(3) {
            0 => q.insert_str(at, rng.pick(QUERY_BITS)),
            1 => {
                let mut end = (at + rng.below(12)).min(q.len());
                while !q.is_char_boundary(end) {
                    end -= 1;
                }
                q.replace_range(at..end, "");
            }
            _ => {
                let bit = format!("&{}", rng.pick(QUERY_BITS));
                q.push_str(&bit);
            }
        }
    }
    q
}

/// Runs one query on an index, the way the app does, end to end.
fn run_query(ix: &Index, query: &str) {
    let state = UrlState::from_query(query);
    // What the address says, the address gives back.
    // (Pages 0 and 1 both mean the first.)
    let again = UrlState::from_query(&state.to_query());
    let same_page = |s: &UrlState| UrlState {
        page: s.page_number(),
        ..s.clone()
    };
    assert_eq!(
        same_page(&again),
        same_page(&state),
        "query {query:?} does not survive a round trip"
    );
    let _ = state.clone().after_change_from(&UrlState::default());
    if let Some(path) = &state.corpus {
        let _ = corpus_path(path);
    }
    let kind = state.view.kind();
    let outcome = Outcome::new(ix, &state.filter, kind);
    let listing = outcome.listing(ix, kind, state.claim_order);
    let page = Page::of(listing.items.len(), state.page_number(), 50);
    for &i in &listing.items[page.range.clone()] {
        let r = RecordRef {
            kind,
            idx: i as usize,
        };
        let _ = cite::citation(ix, r, "https://example.org/?id=x", "2026-11-28");
    }
    if let Some(id) = &state.record {
        let _ = ix.lookup(id);
    }
    let window = state
        .timeline
        .as_deref()
        .and_then(Window::parse)
        .or_else(|| timeline::extent(ix, kind));
    if let Some(window) = window {
        let unit = timeline::unit_for(&window, 60);
        let _ = timeline::timeline(ix, &outcome.kept_but_date, kind, &window, unit);
    }
    let _ = export::describe_filter(ix, &state.filter);
    let _ = export::csv(ix, &outcome, kind, state.claim_order);
    // An export is a corpus the validator accepts whole.
    let exported = export::filtered_corpus(ix, &outcome, &state.filter, query, "2026-11-28");
    let back = load::accept(load::parse(&to_json(&exported, false)).unwrap());
    assert!(
        back.rejected.is_empty(),
        "the export of {query:?} does not pass validation: {:?}",
        back.rejected
    );
}

/// One mutated corpus, end to end; how many records it lost, if it read at all.
fn run_corpus(bytes: Vec<u8>, texts: &Texts, query: &str) -> Option<usize> {
    let decoded = Decoded::new(bytes);
    let Ok(mut reader) = decoded.reader() else {
        return None; // not JSON, or not a corpus: a clear message, nothing else
    };
    while !reader.read(7) {}
    let doc = reader.finish();
    let _ = validate::check(&doc, Some(texts));
    let accepted = load::accept(doc);
    // What was accepted, written out and read again, is accepted whole.
    let written = to_json(&accepted.corpus, true);
    let again = load::accept(load::parse(&written).unwrap());
    assert!(
        again.rejected.is_empty(),
        "accepted records fail when read again: {:?}",
        again.rejected
    );
    let lost = accepted.rejected.len();
    let ix = Index::new(accepted.corpus);
    for kind in KINDS {
        let _ = ix.len(kind);
    }
    run_query(&ix, query);
    Some(lost)
}

/// Runs `case` for each seed, timing each; panics name the seed.
fn each_case(name: &str, n: usize, mut case: impl FnMut(u64)) {
    let start = Instant::now();
    let mut slowest = Duration::ZERO;
    let first = first_seed();
    for seed in first..first + n as u64 {
        let t = Instant::now();
        case(seed);
        let took = t.elapsed();
        assert!(took < LIMIT, "{name}: seed {seed} took {took:?}");
        slowest = slowest.max(took);
    }
    eprintln!(
        "fuzz {name}: {n} cases in {:?}, slowest {slowest:?}",
        start.elapsed()
    );
}

#[test]
fn mutated_corpora_never_panic_or_hang() {
    let seeds = seeds();
    let texts = texts();
    let ids: Vec<Vec<String>> = seeds.iter().map(ids_of).collect();
    let (mut read, mut losing) = (0, 0);
    each_case("corpora", cases(3000), |seed| {
        let mut rng = Rng::new(seed);
        let which = rng.below(seeds.len());
        let mut corpus = seeds[which].clone();
        for _ in 0..1 + rng.below(4) {
            mutate_value(&mut rng, &mut corpus, &ids[which]);
        }
        let mut bytes = if rng.chance(50) {
            serde_json::to_vec_pretty(&corpus).unwrap()
        } else {
            serde_json::to_vec(&corpus).unwrap()
        };
        if rng.chance(40) {
            for _ in 0..1 + rng.below(3) {
                mutate_bytes(&mut rng, &mut bytes);
            }
        }
        let base = rng_pick_query(&mut rng);
        let query = mutate_query(&mut rng, base);
        let shown = String::from_utf8_lossy(&bytes).into_owned();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_corpus(bytes, &texts, &query)
        }));
        match outcome {
            Err(e) => panic!("seed {seed}, query {query:?}, corpus:\n{shown}\n{e:?}"),
            Ok(Some(lost)) => {
                read += 1;
                losing += usize::from(lost > 0);
            }
            Ok(None) => {}
        }
    });
    eprintln!("fuzz corpora: {read} read as corpora, {losing} of them with records left out");
    // The mutations reach past the JSON reader, and the checks.
    assert!(
        read > cases(3000) / 3 && losing > read / 4,
        "{read} {losing}"
    );
}

fn rng_pick_query(rng: &mut Rng) -> &'static str {
    rng.pick(QUERIES)
}

#[test]
fn mutated_query_strings_never_panic_or_hang() {
    let ix = Index::new(load::accept(load::parse(&to_json_of(shipped_slice())).unwrap()).corpus);
    each_case("queries", cases(3000), |seed| {
        let mut rng = Rng::new(seed);
        let base = rng_pick_query(&mut rng);
        let query = mutate_query(&mut rng, base);
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_query(&ix, &query)));
        if let Err(e) = outcome {
            panic!("seed {seed}, query {query:?}: {e:?}");
        }
    });
}

fn to_json_of(v: Value) -> String {
    serde_json::to_string(&v).unwrap()
}

#[test]
fn mutated_dates_and_archive_addresses_never_panic() {
    let dates: Vec<&str> = STRINGS.iter().copied().filter(|s| s.len() < 24).collect();
    each_case("dates", cases(20000), |seed| {
        let mut rng = Rng::new(seed);
        let mut text = rng.pick(&dates).to_string();
        for _ in 0..rng.below(4) {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let bit = rng.pick(&["/", "..", "-", "0", "9", "13", "31", "۱", "\u{fffd}", " "]);
            if rng.chance(70) {
                text.insert_str(at, bit);
            } else if at < text.len() {
                let mut end = at + 1;
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, "");
            }
        }
        if let Ok(d) = PartialDate::parse(&text) {
            assert!(d.first_day() <= d.last_day(), "{text:?}");
            for l in Lang::ALL {
                let _ = l.date(&d);
            }
        }
        match DateSpan::parse(&text) {
            Ok(span) => {
                let (a, b) = span.bounds();
                assert!(a <= b, "{text:?} has bounds {a} > {b}");
                let _ = span.overlaps(&span);
                for l in Lang::ALL {
                    let _ = l.span(&span);
                }
            }
            Err(e) => {
                for l in Lang::ALL {
                    let _ = l.date_error(&e);
                }
            }
        }
        if let Some(w) = Window::parse(&text) {
            let _ = timeline::unit_for(&w, 60);
            assert_eq!(Window::parse(&w.to_string()), Some(w), "{text:?}");
        }
        let archive = format!("https://web.archive.org/web/{text}/https://example.org/");
        let _ = parse_archive_url(&archive);
        let _ = parse_archive_url(&text);
    });
}

#[test]
fn the_fuzzer_would_see_a_panic() {
    // The harness reports a case that panics, with its seed.
    let caught = std::panic::catch_unwind(|| {
        each_case("self-test", 3, |seed| assert_ne!(seed, first_seed() + 1))
    });
    assert!(caught.is_err());
}
