//! `split-corpus CORPUS.json OUT_DIR [--part-bytes N]`: cuts a corpus into the parts
//! the app reads (`publish::parts`): OUT_DIR/manifest.json, record parts named by
//! their content, the record directory, the records' first looks
//! (`publish::glance`) and the default list in pages (`publish::pages`). A corpus with errors gets the validator's report, not parts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dossier::corpus::document::Severity;
use dossier::corpus::sha256::sha256_hex;
use dossier::corpus::{load, validate};
use dossier::publish::glance;
use dossier::publish::lists::Lists;
use dossier::publish::parts::{self, DIRECTORY_ELEMENT, MANIFEST, PART_BYTES};
use dossier::query::index::Index;

const USAGE: &str =
    "usage: split-corpus CORPUS.json OUT_DIR [--part-bytes N] [--no-whole] [--no-plain] [--ask-above BYTES] [--show-alone-above BYTES] [--page INDEX.html]\n\
  Writes OUT_DIR/manifest.json and the corpus's record parts (about N bytes of JSON\n\
  each; default 896 KiB), its directory, its records' first looks and its default\n\
  list in pages, replacing\n\
  what OUT_DIR held. A corpus with errors is refused\n\
  with the validator's report. --no-whole and --no-plain record in the manifest that\n\
  the site carries no whole corpus file, or no plain edition. --ask-above sets above how\n\
  many bytes of parts the app asks its reader before reading them all (default 32 MiB),\n\
  --show-alone-above above how many it shows a record opened by its address, or a page\n\
  of the default list, before it has read them all (default 4 MiB).\n\
  --page writes the record directory's parts into the app's page, in its element\n\
  <script type=\"application/json\" id=\"dossier-directory\">.";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (mut paths, mut part_bytes) = (Vec::<PathBuf>::new(), PART_BYTES);
    let mut site = Carries {
        whole: true,
        plain: true,
        ask_above: None,
        show_alone_above: None,
        page: None,
    };
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some("--part-bytes") => match args.next().and_then(|n| n.to_str()?.parse().ok()) {
                Some(n) if n > 0 => part_bytes = n,
                _ => return usage_error("--part-bytes needs a number of bytes"),
            },
            Some("--ask-above") => match args.next().and_then(|n| n.to_str()?.parse().ok()) {
                Some(n) => site.ask_above = Some(n),
                None => return usage_error("--ask-above needs a number of bytes"),
            },
            Some("--show-alone-above") => {
                match args.next().and_then(|n| n.to_str()?.parse().ok()) {
                    Some(n) => site.show_alone_above = Some(n),
                    None => return usage_error("--show-alone-above needs a number of bytes"),
                }
            }
            Some("--page") => match args.next() {
                Some(page) => site.page = Some(page.into()),
                None => return usage_error("--page needs the app's page"),
            },
            Some("--no-whole") => site.whole = false,
            Some("--no-plain") => site.plain = false,
            _ => paths.push(arg.into()),
        }
    }
    let [corpus, out] = paths.as_slice() else {
        return usage_error("name the corpus file and the output folder");
    };
    match run(corpus, out, part_bytes, site) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("split-corpus: {why}");
            ExitCode::FAILURE
        }
    }
}

/// What the site carries beside the parts, as the manifest records it, and the
/// app's page to write the directory's parts into.
struct Carries {
    whole: bool,
    plain: bool,
    ask_above: Option<usize>,
    show_alone_above: Option<usize>,
    page: Option<PathBuf>,
}

fn run(corpus: &Path, out: &Path, part_bytes: usize, site: Carries) -> Result<(), String> {
    let started = Instant::now();
    let bytes =
        std::fs::read(corpus).map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
    // The corpus's fingerprint, for citations and exports: that of the file itself.
    let fingerprint = sha256_hex(&bytes);
    let doc = load::parse_bytes(bytes).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut problems = doc.problems.clone();
    problems.extend(validate::check(&doc, None));
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        for p in &errors {
            eprintln!("{p}");
        }
        return Err(format!(
            "{}: {} error(s); fix them (see `validate`) before the corpus is split",
            corpus.display(),
            errors.len()
        ));
    }
    let found = problems.len();
    let accepted = load::accept_checked(doc, problems);
    // Each record's first look, for a record opened by its address, is worded as
    // the app words its page, which takes the indexes (names, claimants).
    let index = Index::without_text(accepted.corpus);
    let looks = |kind, idx| glance::looks(&index, kind, idx);
    // Every list in pages, so that a corpus read only on request can be paged
    // through and filtered (the default list, the claims', the sources', the
    // actors'), with what each actor, word and kind keeps of each.
    let lists = Lists::of(&index);
    let worded = lists.worded(&looks);
    let mut split = parts::split_worded(&index.corpus, &fingerprint, part_bytes, Some(worded));
    split.manifest.whole = site.whole;
    split.manifest.plain = site.plain;
    if site.ask_above.is_some() {
        split.manifest.ask_above = site.ask_above;
    }
    split.manifest.show_alone_above = site.show_alone_above;
    split.manifest.problems = Some(found);
    drop(index);
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot empty {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let manifest = split.manifest_json();
    let mut bytes = 0;
    for (name, contents) in split.files() {
        let path = out.join(name);
        std::fs::write(&path, contents)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += contents.len();
    }
    let path = out.join(MANIFEST);
    std::fs::write(&path, &manifest)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if let Some(page) = &site.page {
        let html = std::fs::read_to_string(page)
            .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
        let html = split
            .manifest
            .into_page(&html)
            .ok_or_else(|| format!("{} has no {DIRECTORY_ELEMENT} element", page.display()))?;
        std::fs::write(page, html).map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    }
    // What it made, said once every file is written: a reader that stops
    // listening (`| head`) loses the line, not the parts.
    let _ = writeln!(
        std::io::stdout(),
        "split-corpus: {} records in {} parts, a directory of {}, first looks in {}, the default list in {}, its days in {} and those of its rows that reach in {}, the actors' lists in {} and their rows in {}, the words in {}, the kinds in {}, the actors' places in {}, the claims' list in {}, the sources' in {} and the actors' in {}, the claims' and the sources' days in {} ({bytes} bytes), manifest {} bytes, in {:.1} s",
        split.manifest.totals.total(),
        split.parts.len(),
        split.directory.len(),
        split.glances.len(),
        split.list.len(),
        split.dates.len(),
        split.reach.len(),
        split.by_actor.len(),
        split.by_actor_rows.len(),
        split.words.len(),
        split.kinds.len(),
        split.actor_places.len(),
        split.claims_list.len(),
        split.sources_list.len(),
        split.actors_list.len(),
        split.view_days.len(),
        manifest.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn usage_error(why: &str) -> ExitCode {
    eprintln!("error: {why}\n{USAGE}");
    ExitCode::from(2)
}
