//! The `validate` command on fixture corpora: one per kind of defect, each caught
//! and named with its JSON path; and the shipped corpus, which must pass.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the validator; returns (succeeded, everything it printed).
fn validate(corpus: &Path, texts: Option<&Path>) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_validate"));
    cmd.arg(corpus);
    if let Some(dir) = texts {
        cmd.arg("--texts").arg(dir);
    }
    let out = cmd.output().expect("the validate binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// Asserts that a defect fixture fails, naming `path` with a message containing `says`.
fn caught(name: &str, path: &str, says: &str) {
    let (ok, out) = validate(
        &fixture(&format!("defect-{name}.json")),
        Some(&fixture("texts")),
    );
    assert!(!ok, "{name} should fail validation:\n{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with(&format!("error: {path}: ")))
        .unwrap_or_else(|| panic!("{name}: no error at {path}:\n{out}"));
    assert!(line.contains(says), "{name}: expected '{says}' in: {line}");
}

#[test]
fn the_valid_fixture_passes_with_its_quotes_checked() {
    let (ok, out) = validate(&fixture("valid.json"), Some(&fixture("texts")));
    assert!(ok, "{out}");
    assert!(
        out.contains("0 error(s), 0 warning(s); quotes checked"),
        "{out}"
    );
}

#[test]
fn duplicate_ids_are_caught() {
    caught(
        "duplicate-id",
        "$.actors[2].id",
        "duplicate id 'act-ngo', first used at $.actors[0].id",
    );
}

#[test]
fn references_to_missing_records_are_caught() {
    caught(
        "dangling-reference",
        "$.claims[0].claimant",
        "'act-nobody', which is not in the corpus",
    );
}

#[test]
fn references_to_the_wrong_kind_of_record_are_caught() {
    caught(
        "wrong-kind-reference",
        "$.claims[0].reported_in",
        "which is an actor, not a source",
    );
}

#[test]
fn part_of_an_unknown_body_or_without_its_source_is_caught() {
    caught(
        "part-of-unknown",
        "$.actors[0].part_of[0].of",
        "'act-nowhere', which is not in the corpus",
    );
    caught(
        "part-of-unknown",
        "$.actors[0].part_of[1].source",
        "a 'stated' part_of names the source that states it",
    );
}

#[test]
fn part_of_in_a_circle_is_caught() {
    caught(
        "part-of-cycle",
        "$.actors[2].part_of[0].of",
        "part_of goes round in a circle: act-council → act-body → act-assembly → act-council",
    );
}

#[test]
fn impossible_dates_are_caught() {
    caught(
        "impossible-date",
        "$.events[0].date.when",
        "'2016-02-30' is an impossible date",
    );
}

#[test]
fn ranges_that_end_before_they_start_are_caught() {
    caught(
        "range-ends-before-start",
        "$.events[0].date.when",
        "ends before it starts",
    );
}

#[test]
fn values_outside_the_vocabularies_are_caught() {
    caught(
        "unknown-vocabulary",
        "$.claims[0].kind",
        "'rumour' is not a claim kind; use one of: death-toll",
    );
}

#[test]
fn empty_required_text_is_caught() {
    caught(
        "empty-required-text",
        "$.events[0].title",
        "required text is empty",
    );
}

#[test]
fn links_that_are_not_http_are_caught() {
    caught(
        "non-http-link",
        "$.sources[0].url",
        "'javascript:alert(1)' is not an http(s) link",
    );
}

#[test]
fn quotes_that_are_not_verbatim_are_caught() {
    caught(
        "quote-not-verbatim",
        "$.events[0].evidence[0].quote",
        "not verbatim in the text of 'src-report'",
    );
}

#[test]
fn quotes_longer_than_300_characters_are_caught() {
    caught("quote-too-long", "$.claims[0].quote", "301 characters");
}

#[test]
fn inferred_dates_must_say_how() {
    caught(
        "inferred-without-how",
        "$.sources[0].date.inference",
        "must say how",
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let dir = std::env::temp_dir().join(format!("dossier-validator-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let text = std::fs::read_to_string(fixture("valid.json")).expect("fixture");
    let broken = text
        .replace("\"kind\": \"call-for-inquiry\"", "\"kind\": \"rumour\"")
        .replace(
            "\"title\": \"Committee meeting in Geneva\"",
            "\"title\": \"\"",
        )
        .replace("\"https://example.org/report\"", "\"ftp://example.org\"");
    let file = dir.join("broken.json");
    std::fs::write(&file, broken).expect("write");
    let (ok, out) = validate(&file, None);
    assert!(!ok);
    assert!(out.contains("3 error(s)"), "{out}");
    assert!(out.contains("quotes not checked"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_file_that_is_not_json_fails_with_its_position() {
    let (ok, out) = validate(&fixture("texts/report.txt"), None);
    assert!(!ok);
    assert!(out.contains("not valid JSON (line 1, column"), "{out}");
}

#[test]
fn the_shipped_corpus_passes() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/corpus.json");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    // The seed texts sit beside the project in CI; elsewhere the quotes go unchecked.
    let texts = seeds.is_dir().then_some(seeds.as_path());
    let (ok, out) = validate(&corpus, texts);
    assert!(ok, "{out}");
    assert!(out.contains(" 0 error(s)"), "{out}");
}
