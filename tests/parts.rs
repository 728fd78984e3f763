//! The corpus in parts: read back in any order, the parts give exactly what the
//! whole file gives, and every filter keeps the same records; the same corpus
//! always gives the same parts; damaged, stale or missing parts are named.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

use dossier::corpus::load;
use dossier::corpus::model::{Corpus, Kind};
use dossier::corpus::sha256::sha256_hex;
use dossier::corpus::write::to_json;
use dossier::publish::parts::{
    inflate, is_gzip, read_manifest, split, Assembly, PartsError, Split, FORMAT, PART_BYTES,
};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;

fn assemble(split: &Split, order: impl Iterator<Item = usize>) -> Assembly {
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let mut assembly = Assembly::new(manifest);
    for i in order {
        let (file, stored) = &split.parts[i];
        assembly.take(file, &inflate(stored).unwrap()).unwrap();
    }
    assembly
}

#[test]
fn the_parts_read_back_in_any_order_are_the_whole_file() {
    let corpus = synth::generate(3_000, 5);
    let whole = load::parse(&to_json(&corpus, false)).unwrap();
    let parts = split(&corpus, "0123", 64 * 1024);
    let n = parts.parts.len();
    assert!(n > 5, "{n} parts");
    let assembly = assemble(&parts, (0..n).rev());
    assert_eq!(assembly.missing().count(), 0);
    assert_eq!(
        assembly.manifest().sha256,
        "0123",
        "the fingerprint travels in the manifest"
    );
    assert_eq!(assembly.progress(), (n, n));
    assert_eq!(assembly.finish().unwrap(), whole);
}

#[test]
fn every_filter_keeps_the_same_records_from_parts_as_from_the_whole_file() {
    let corpus: Corpus = synth::generate(4_000, 9);
    let parts = split(&corpus, "0123", 48 * 1024);
    let doc = assemble(&parts, 0..parts.parts.len()).finish().unwrap();
    let from_parts = Index::new(load::accept(doc).corpus);
    let from_whole =
        Index::new(load::accept(load::parse(&to_json(&corpus, false)).unwrap()).corpus);
    // Filters drawn from the corpus itself: actors, words, dates and their mixes.
    let mut filters = vec![Filter::default()];
    for (i, actor) in corpus.actors.iter().step_by(20).enumerate() {
        let word = corpus.events[i * 13 % corpus.events.len()]
            .title
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string();
        filters.push(Filter {
            actors: vec![actor.id.clone()],
            ..Filter::default()
        });
        filters.push(Filter {
            text: word.clone(),
            ..Filter::default()
        });
        filters.push(Filter {
            from: format!("{}", 1980 + i % 40),
            to: format!("{}", 1985 + i % 40),
            text: if i % 2 == 0 { word } else { String::new() },
            ..Filter::default()
        });
    }
    for f in &filters {
        for kind in [Kind::Event, Kind::Claim, Kind::Source, Kind::Actor] {
            let (a, b) = (
                Outcome::new(&from_parts, f, kind),
                Outcome::new(&from_whole, f, kind),
            );
            assert_eq!(a.kept, b.kept, "{f:?} {kind:?}");
            assert_eq!(a.kept_but_date, b.kept_but_date, "{f:?} {kind:?}");
        }
    }
    assert!(filters.len() > 40);
}

#[test]
fn the_same_corpus_always_gives_the_same_parts() {
    let corpus = synth::generate(2_000, 3);
    let (a, b) = (
        split(&corpus, "0123", 32 * 1024),
        split(&corpus, "0123", 32 * 1024),
    );
    assert_eq!(a.parts, b.parts);
    assert_eq!(a.manifest_json(), b.manifest_json());
    // Named by content: a changed record renames its part, and only its part.
    let mut changed = corpus.clone();
    changed.claims[0].paraphrase.push('!');
    let c = split(&changed, "0123", 32 * 1024);
    let names = |s: &Split| s.parts.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
    let (before, after) = (names(&a), names(&c));
    assert_eq!(before.len(), after.len());
    assert_eq!(before.iter().zip(&after).filter(|(x, y)| x != y).count(), 1);
}

#[test]
fn parts_are_about_the_size_asked_and_the_manifest_grows_with_parts_not_records() {
    let corpus = synth::generate(6_000, 1);
    let parts = split(&corpus, "0123", 100 * 1024);
    // Parts of sources and actors alone, the records others name, are a quarter
    // of the size (NAMED_SHARE), so that a record opened alone fetches less for a name.
    let named = |e: &dossier::publish::parts::PartEntry| e.count.events + e.count.claims == 0;
    for (entry, (_, stored)) in parts.manifest.parts.iter().zip(&parts.parts) {
        assert_eq!(entry.bytes, stored.len());
        assert_eq!(entry.json, inflate(stored).unwrap().len());
        let limit = if named(entry) { 25 * 1024 } else { 100 * 1024 };
        assert!(
            entry.json <= limit || entry.count.total() == 1,
            "{}",
            entry.json
        );
    }
    let json = |named_only: bool| -> usize {
        let entries = parts.manifest.parts.iter();
        entries
            .filter(|e| named(e) == named_only)
            .map(|p| p.json)
            .sum()
    };
    assert!(json(true) > 0 && json(false) > 0);
    // Fewer, larger requests: every part but the last of a run is nearly full.
    assert!(
        parts.parts.len() <= json(true) / (20 * 1024) + json(false) / (80 * 1024) + 2,
        "{} parts",
        parts.parts.len()
    );
    let per_part = parts.manifest_json().len() / parts.parts.len();
    assert!(per_part < 600, "{per_part} bytes of manifest per part");
    // The shipped-size default makes one part of a small corpus.
    assert_eq!(
        split(&synth::generate(300, 1), "0123", PART_BYTES)
            .parts
            .len(),
        1
    );
}

#[test]
fn a_damaged_stale_or_unknown_part_is_named_and_nothing_half_read_passes() {
    let corpus = synth::generate(1_000, 2);
    let parts = split(&corpus, "0123", 32 * 1024);
    let manifest = read_manifest(parts.manifest_json().as_bytes()).unwrap();
    let mut assembly = Assembly::new(manifest);
    let (file, stored) = &parts.parts[1];
    let bytes = &inflate(stored).unwrap();
    let mut damaged = bytes.clone();
    damaged[bytes.len() / 2] ^= 0x20;
    assert_eq!(
        assembly.take(file, &damaged),
        Err(PartsError::HashMismatch { file: file.clone() })
    );
    assert!(assembly
        .take(file, &damaged)
        .unwrap_err()
        .to_string()
        .contains(file.as_str()));
    let (other, other_stored) = &parts.parts[2];
    let other_bytes = &inflate(other_stored).unwrap();
    assert_eq!(
        assembly.take(file, other_bytes),
        Err(PartsError::HashMismatch { file: file.clone() })
    );
    assert_eq!(
        assembly.take("r-0000000000000000.json", bytes),
        Err(PartsError::NotListed("r-0000000000000000.json".into()))
    );
    assembly.take(other, other_bytes).unwrap();
    let missing = parts.parts.len() - 1;
    assert_eq!(assembly.missing().count(), missing);
    assert_eq!(
        assembly.finish().unwrap_err(),
        PartsError::Incomplete { missing }
    );
}

#[test]
fn a_manifest_of_another_format_or_none_at_all_is_refused() {
    let parts = split(&synth::generate(100, 1), "0123", PART_BYTES);
    let other = parts.manifest_json().replace(FORMAT, "dossier-parts/99");
    assert_eq!(
        read_manifest(other.as_bytes()),
        Err(PartsError::UnknownFormat("dossier-parts/99".into()))
    );
    assert!(matches!(
        read_manifest(b"<html>Not found</html>"),
        Err(PartsError::ManifestUnreadable(_))
    ));
}

#[test]
fn a_new_version_is_announced_by_its_corpus_version_and_how_many_records_it_adds() {
    use dossier::i18n::Lang;
    let corpus = synth::generate(600, 3);
    let old = split(&corpus, "0123", PART_BYTES).manifest;
    let mut grown = corpus.clone();
    grown.meta.version = "2".into();
    let extra = grown.events[..12].to_vec();
    for (i, mut event) in extra.into_iter().enumerate() {
        event.id = format!("ev-new-{i}");
        grown.events.push(event);
    }
    let new = split(&grown, "0123", PART_BYTES).manifest;
    assert_eq!(
        Lang::En.new_version(Some(&old), &new),
        "A new version is ready: version 2 of the corpus, 12 more records."
    );
    assert_eq!(
        Lang::En.new_version(Some(&new), &old),
        format!(
            "A new version is ready: version {} of the corpus, 12 fewer records.",
            corpus.meta.version
        )
    );
    // Another corpus on screen: the new version's size alone.
    assert_eq!(
        Lang::En.new_version(None, &new),
        format!(
            "A new version is ready: version 2 of the corpus, {} records.",
            new.totals.total()
        )
    );
    // The same corpus: the app alone is new.
    assert_eq!(
        Lang::En.new_version(Some(&old), &split(&corpus, "0123", PART_BYTES).manifest),
        "A new version of the app is ready; the corpus is the same."
    );
    assert_eq!(
        Lang::Fa.new_version(Some(&old), &new),
        "نسخهٔ تازه‌ای آماده است: نسخهٔ \u{2068}۲\u{2069} مجموعه، ۱۲ مورد بیشتر."
    );
}

/// The manifest says whether the site carries the whole file and the plain
/// edition; one that does not say (written before it could) carries both.
#[test]
fn the_manifest_says_what_the_site_carries_beside_the_parts() {
    let corpus = synth::generate(200, 3);
    let mut parts = split(&corpus, "0123", PART_BYTES);
    let both = read_manifest(parts.manifest_json().as_bytes()).unwrap();
    assert!(both.whole && both.plain);
    parts.manifest.whole = false;
    let neither = read_manifest(parts.manifest_json().as_bytes()).unwrap();
    assert!(!neither.whole && neither.plain);
    let mut json: serde_json::Value = serde_json::from_str(&parts.manifest_json()).unwrap();
    let fields = json.as_object_mut().unwrap();
    fields.remove("whole");
    fields.remove("plain");
    let older = read_manifest(json.to_string().as_bytes()).unwrap();
    assert!(older.whole && older.plain);
}

/// Parts travel gzipped from any host: the stored file is a fraction of its JSON,
/// and it checks the same whether it arrives as stored or inflated on the way.
#[test]
fn a_part_is_stored_gzipped_and_checks_the_same_stored_or_inflated() {
    let corpus = synth::generate(3_000, 4);
    let parts = split(&corpus, "0123", PART_BYTES);
    let manifest = read_manifest(parts.manifest_json().as_bytes()).unwrap();
    for (entry, (file, stored)) in manifest.parts.iter().zip(&parts.parts) {
        assert!(file.ends_with(".json.gz") && file == &entry.file, "{file}");
        assert!(is_gzip(stored));
        let json = inflate(stored).unwrap();
        assert!(!is_gzip(&json));
        assert_eq!(sha256_hex(&json), entry.sha256);
        assert!(
            stored.len() * 3 < json.len(),
            "{} bytes stored for {} of JSON",
            stored.len(),
            json.len()
        );
        // A host that inflated the file on the way passes on the JSON itself.
        assert_eq!(inflate(&json).unwrap(), json);
    }
    let mut stored_order = Assembly::new(manifest);
    for (file, stored) in &parts.parts {
        stored_order.take(file, &inflate(stored).unwrap()).unwrap();
    }
    assert!(stored_order.finish().is_ok());
}

/// The build's manifest says what its check found, so that the app need not check
/// again the parts of a clean corpus; a corpus with warnings says how many.
#[test]
fn the_build_records_what_its_check_found() {
    let exe = env!("CARGO_BIN_EXE_split-corpus");
    let dir = std::env::temp_dir().join(format!("split-corpus-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.json");
    let mut corpus: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let split_and_read = |corpus: &serde_json::Value| {
        let file = dir.join("corpus.json");
        std::fs::write(&file, corpus.to_string()).unwrap();
        let run = std::process::Command::new(exe)
            .arg(&file)
            .arg(dir.join("parts"))
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        read_manifest(&std::fs::read(dir.join("parts/manifest.json")).unwrap()).unwrap()
    };
    assert_eq!(split_and_read(&corpus).problems, Some(0));
    // A name given twice is worth a warning, not a refusal.
    corpus["actors"][0]["names"] = serde_json::json!([
        {"lang": "fa", "name": "نام"},
        {"lang": "fa", "name": "نام"}
    ]);
    assert_eq!(split_and_read(&corpus).problems, Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_manifest_says_above_what_size_the_reader_is_asked_and_the_app_asks_there() {
    use dossier::publish::parts::ASK_ABOVE;
    let corpus = synth::generate(2_000, 1);
    let mut parts = split(&corpus, "0123", 32 * 1024);
    // Written out, for the service worker, which reads the manifest's JSON.
    let json: serde_json::Value = serde_json::from_str(&parts.manifest_json()).unwrap();
    assert_eq!(json["ask_above"], serde_json::json!(ASK_ABOVE));
    let manifest = &mut parts.manifest;
    let stored = manifest.stored_bytes();
    assert_eq!(
        stored,
        manifest.parts.iter().map(|p| p.bytes).sum::<usize>()
    );
    assert!(
        !manifest.asks_first() && !manifest.shows_alone(),
        "{stored} bytes"
    );
    manifest.ask_above = Some(stored);
    assert!(!manifest.asks_first(), "at the figure, read without asking");
    manifest.ask_above = Some(stored - 1);
    assert!(
        manifest.asks_first() && manifest.shows_alone(),
        "above it, asked"
    );
    // A manifest of an earlier build, without the figure, asks above 32 MiB.
    manifest.ask_above = None;
    assert!(!manifest.asks_first());
}

#[test]
fn the_manifest_may_say_above_what_size_part_of_the_corpus_is_shown_first() {
    let corpus = synth::generate(2_000, 1);
    let mut parts = split(&corpus, "0123", 32 * 1024);
    let manifest = &mut parts.manifest;
    let stored = manifest.stored_bytes();
    assert!(!manifest.shows_alone(), "below 4 MiB, read whole first");
    manifest.show_alone_above = Some(stored);
    assert!(!manifest.shows_alone(), "at the figure, read whole first");
    manifest.show_alone_above = Some(stored - 1);
    assert!(
        manifest.shows_alone() && !manifest.asks_first(),
        "above it, shown in part while read"
    );
    // Absent unless the build sets it, and read back as written.
    let json = parts.manifest_json();
    assert!(json.contains(&format!("\"show_alone_above\":{}", stored - 1)));
    parts.manifest.show_alone_above = None;
    assert!(!parts.manifest_json().contains("show_alone_above"));
}
