//! `validate CORPUS.json [--texts DIR]`: reports every problem in a corpus file,
//! each with its JSON path, and exits non-zero when there is any error.

use std::path::PathBuf;
use std::process::ExitCode;

use dossier::corpus::document::Severity;
use dossier::corpus::load;
use dossier::corpus::validate::{self, Texts};

const USAGE: &str = "usage: validate CORPUS.json [--texts DIR]\n\
  Checks a Dossier corpus file. With --texts, DIR holds the full texts named by the\n\
  sources' text_file fields: every quote must appear in its source's text verbatim,\n\
  and every text_sha256 must be the SHA-256 of its text file's bytes.";

fn main() -> ExitCode {
    let mut corpus: Option<PathBuf> = None;
    let mut texts_dir: Option<PathBuf> = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--texts") => match args.next() {
                Some(dir) => texts_dir = Some(dir.into()),
                None => return usage_error("--texts needs a directory"),
            },
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if corpus.is_none() => corpus = Some(arg.into()),
            _ => return usage_error("only one corpus file at a time"),
        }
    }
    let Some(corpus) = corpus else {
        return usage_error("name the corpus file");
    };
    // A byte that is not UTF-8 is named with the record holding it, not fatal.
    let bytes = match std::fs::read(&corpus) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", corpus.display());
            return ExitCode::from(2);
        }
    };
    let texts = match &texts_dir {
        None => None,
        Some(dir) => match Texts::from_dir(dir) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!(
                    "error: cannot read the texts directory {}: {e}",
                    dir.display()
                );
                return ExitCode::from(2);
            }
        },
    };
    let doc = match load::parse_bytes(bytes) {
        Ok(doc) => doc,
        Err(e) => {
            println!("error: $: {e}");
            println!("{}: 1 error", corpus.display());
            return ExitCode::FAILURE;
        }
    };
    let mut problems = doc.problems.clone();
    problems.extend(validate::check(&doc, texts.as_ref()));
    for p in &problems {
        println!("{p}");
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let fingerprints = doc
        .sources
        .iter()
        .filter(|e| e.record.text_sha256.is_some() && e.record.text_file.is_some())
        .count();
    println!(
        "{}: {} sources, {} actors, {} events, {} claims; {errors} error(s), {warnings} warning(s){}",
        corpus.display(),
        doc.sources.len(),
        doc.actors.len(),
        doc.events.len(),
        doc.claims.len(),
        if texts.is_some() {
            format!("; quotes checked against the texts, and {fingerprints} text fingerprint(s)")
        } else {
            "; quotes and text fingerprints not checked (no --texts)".to_string()
        }
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(why: &str) -> ExitCode {
    eprintln!("error: {why}\n{USAGE}");
    ExitCode::from(2)
}
