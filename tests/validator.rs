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
        out.contains(
            "0 error(s), 0 warning(s); quotes checked against the texts, and 1 text fingerprint(s)"
        ),
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
fn names_in_other_languages_need_a_language_code_and_text() {
    caught(
        "bad-other-name",
        "$.actors[0].names[0].lang",
        "'Persian' is not a language code such as 'fa' or 'en-GB'",
    );
    caught(
        "bad-other-name",
        "$.actors[0].names[1].name",
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
    assert!(
        out.contains("quotes and text fingerprints not checked"),
        "{out}"
    );
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
    if texts.is_some() {
        // Every seed source carries its text's fingerprint, and each matched.
        assert!(out.contains("and 5 text fingerprint(s)"), "{out}");
    }
}

/// A scratch directory for one test, removed when it ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dossier-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("texts")).expect("temp dir");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The valid fixture with `edit` applied, validated against its texts with
/// `retext` applied to report.txt.
fn validate_edited(
    name: &str,
    edit: impl Fn(String) -> String,
    retext: impl Fn(&mut Vec<u8>),
) -> (bool, String) {
    let dir = Scratch::new(name);
    let corpus = std::fs::read_to_string(fixture("valid.json")).expect("fixture");
    let edited = edit(corpus.clone());
    let file = dir.0.join("corpus.json");
    std::fs::write(&file, edited).expect("write");
    let mut text = std::fs::read(fixture("texts/report.txt")).expect("text");
    retext(&mut text);
    std::fs::write(dir.0.join("texts/report.txt"), text).expect("write");
    validate(&file, Some(&dir.0.join("texts")))
}

#[test]
fn one_changed_byte_in_a_text_is_reported_with_the_source_and_its_path() {
    let (ok, out) = validate_edited("changed-byte", |c| c, |_| {});
    assert!(ok, "the untouched copy passes:\n{out}");
    let (ok, out) = validate_edited(
        "changed-byte",
        |c| c,
        |text| {
            // "chair" becomes "chain": one byte, no quote touched.
            let at = text
                .windows(5)
                .position(|w| w == b"chair")
                .expect("in the text");
            text[at + 4] = b'n';
        },
    );
    assert!(!ok, "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("error: $.sources[0].text_sha256: "))
        .unwrap_or_else(|| panic!("no error at the fingerprint:\n{out}"));
    assert!(
        line.contains("the text of 'src-report' (report.txt) is not the one fingerprinted"),
        "{line}"
    );
    assert!(
        out.contains("1 error(s)"),
        "only the fingerprint fails:\n{out}"
    );
}

#[test]
fn a_text_without_a_fingerprint_is_named_with_the_one_to_record() {
    let (ok, out) = validate_edited(
        "no-fingerprint",
        |c| {
            c.replace("\"text_sha256\": \"91e8874112263a51cb3803fc1fb68ea75d8249c4d749ba9a12de5b6939bfdc8c\",", "")
        },
        |_| {},
    );
    assert!(ok, "a missing fingerprint is a warning:\n{out}");
    assert!(
        out.contains("warning: $.sources[0].text_sha256: the text's fingerprint is not recorded; the SHA-256 of report.txt is 91e8874112263a51cb3803fc1fb68ea75d8249c4d749ba9a12de5b6939bfdc8c"),
        "{out}"
    );
}

#[test]
fn malformed_fingerprints_and_capture_dates_are_caught() {
    let (ok, out) = validate_edited(
        "malformed-fingerprint",
        |c| {
            c.replace("91e8874112263a51", "91E8874112263A51")
                .replace("\"captured\": \"2016-10-02\"", "\"captured\": \"2016-10\"")
        },
        |_| {},
    );
    assert!(!ok);
    assert!(
        out.contains("error: $.sources[0].text_sha256: '91E8874112263A51"),
        "{out}"
    );
    assert!(
        out.contains("is not a SHA-256: write 64 lowercase hexadecimal digits"),
        "{out}"
    );
    assert!(
        out.contains(
            "error: $.sources[0].captured: captured '2016-10' is not a full date YYYY-MM-DD"
        ),
        "{out}"
    );
}

#[test]
fn an_archived_copy_must_be_of_the_sources_own_url() {
    let (ok, out) = validate_edited(
        "archive-other-page",
        |c| {
            c.replace(
                "/https://example.org/report\"",
                "/https://example.org/other\"",
            )
        },
        |_| {},
    );
    assert!(!ok);
    assert!(
        out.contains("error: $.sources[0].archive_url: archives 'https://example.org/other', which is not the source's url 'https://example.org/report'"),
        "{out}"
    );
    let (ok, out) = validate_edited(
        "archive-no-original",
        |c| {
            c.replace(
                "https://web.archive.org/web/20161001120000/https://example.org/report",
                "https://archive.ph/AbCd1",
            )
        },
        |_| {},
    );
    assert!(!ok);
    assert!(
        out.contains("error: $.sources[0].archive_url: 'https://archive.ph/AbCd1' does not name the archived address"),
        "{out}"
    );
}

#[test]
fn an_archived_copy_may_not_be_later_than_the_capture() {
    let (ok, out) = validate_edited(
        "archive-later",
        |c| c.replace("/web/20161001120000/", "/web/20161003000000/"),
        |_| {},
    );
    assert!(!ok);
    assert!(
        out.contains("error: $.sources[0].archive_url: the archived copy was taken on 2016-10-03, later than the text was captured (2016-10-02)"),
        "{out}"
    );
    // The same day is not later.
    let (ok, out) = validate_edited(
        "archive-same-day",
        |c| c.replace("/web/20161001120000/", "/web/20161002235959/"),
        |_| {},
    );
    assert!(ok, "{out}");
}

#[test]
fn a_damaged_byte_is_named_with_its_record_and_the_rest_is_checked() {
    let dir = Scratch::new("damaged-byte");
    let text = std::fs::read_to_string(fixture("valid.json")).expect("fixture");
    let mut bytes = text.into_bytes();
    // A byte that is not UTF-8 in the claim's paraphrase.
    let at = bytes
        .windows(12)
        .position(|w| w == b"\"paraphrase\"")
        .expect("a claim")
        + 16;
    bytes[at] = 0xff;
    let file = dir.0.join("damaged.json");
    std::fs::write(&file, &bytes).expect("write");
    let (ok, out) = validate(&file, None);
    assert!(!ok, "{out}");
    assert!(
        out.contains(&format!(
            "error: $.claims[0]: byte {} of the file is not UTF-8 text",
            at + 1
        )),
        "{out}"
    );
    assert!(out.contains("1 claims; 1 error(s)"), "{out}");
}
