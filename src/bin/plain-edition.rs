//! `plain-edition CORPUS.json OUT_DIR [PAGE.html]`: writes the plain HTML edition
//! of a corpus (every record as a page that needs no JavaScript) into OUT_DIR.
//! Records that fail validation are left out, as the app leaves them out, and
//! named on stderr. Given the app's page, it also fills in its static masthead
//! and the default view's first page, shown while the app loads.
//!
//! `plain-edition --standalone CORPUS.json OUT.html` writes instead the content
//! the single-file edition shows without JavaScript (`plain::standalone`).

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use dossier::corpus::load;
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::{first_page, glance, plain};
use dossier::query::index::Index;

const USAGE: &str = "usage: plain-edition [--no-edition] [--max-records N] [--no-whole] CORPUS.json OUT_DIR [PAGE.html]\n\
  Writes the plain HTML edition of a Dossier corpus into OUT_DIR (created if missing):\n\
  index.html, one list page per kind and one page per record, readable without JavaScript.\n\
  Given the app's PAGE.html, also puts the corpus's title and description in its masthead,\n\
  and the first page of its events, shown while the app loads.\n\
  --no-edition fills in PAGE.html and writes no edition (for benchmarks).\n\
  --max-records N writes no edition for a corpus of more than N records (a page each).\n\
  --no-whole: the site will not carry the whole corpus file; PAGE.html says so.\n\
       plain-edition --standalone CORPUS.json OUT.html\n\
  Writes only the HTML fragment the single-file edition shows without JavaScript:\n\
  the corpus's title and the first records of each list.";

/// How many records of each list the single-file edition shows without JavaScript.
const STANDALONE_PER_LIST: usize = 500;

fn main() -> ExitCode {
    let mut args: Vec<_> = std::env::args_os().skip(1).collect();
    let flag = |args: &mut Vec<std::ffi::OsString>, name: &str| {
        let before = args.len();
        args.retain(|a| a != name);
        args.len() != before
    };
    let edition = !flag(&mut args, "--no-edition");
    let whole = !flag(&mut args, "--no-whole");
    let mut max_records = usize::MAX;
    if let Some(at) = args.iter().position(|a| a == "--max-records") {
        match args.get(at + 1).and_then(|n| n.to_str()?.parse().ok()) {
            Some(n) => max_records = n,
            None => {
                eprintln!("error: --max-records needs a number\n{USAGE}");
                return ExitCode::from(2);
            }
        }
        args.drain(at..at + 2);
    }
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.first().is_some_and(|a| a == "--standalone") {
        let [_, corpus, out] = &args[..] else {
            eprintln!("error: name the corpus file and the output file\n{USAGE}");
            return ExitCode::from(2);
        };
        return match standalone(Path::new(corpus), Path::new(out)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(why) => {
                eprintln!("plain-edition: {why}");
                ExitCode::FAILURE
            }
        };
    }
    if !(2..=3).contains(&args.len()) {
        eprintln!("error: name the corpus file and the output folder\n{USAGE}");
        return ExitCode::from(2);
    }
    let mut args = args.into_iter().map(PathBuf::from);
    let (Some(corpus), Some(out)) = (args.next(), args.next()) else {
        return ExitCode::from(2);
    };
    let page = args.next();
    let site = Site {
        edition,
        max_records,
        whole,
    };
    match run(&corpus, &out, page.as_deref(), site) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("plain-edition: {why}");
            ExitCode::FAILURE
        }
    }
}

/// Reads and checks a corpus, as the app does, with the fingerprint of its file:
/// the edition names the exact file it was made from.
fn accepted(corpus: &Path) -> Result<(load::Accepted, String), String> {
    let bytes =
        std::fs::read(corpus).map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
    let fingerprint = sha256_hex(&bytes);
    let doc = load::parse_bytes(bytes).map_err(|e| format!("{}: {e}", corpus.display()))?;
    Ok((load::accept(doc), fingerprint))
}

fn standalone(corpus: &Path, out: &Path) -> Result<(), String> {
    let (accepted, fingerprint) = accepted(corpus)?;
    let mut index = Index::without_text(accepted.corpus);
    index.fingerprint = Some(fingerprint);
    let html = plain::standalone(&index, STANDALONE_PER_LIST);
    std::fs::write(out, html).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// What the site carries besides the app.
#[derive(Clone, Copy)]
struct Site {
    /// Whether the plain edition was asked for.
    edition: bool,
    /// Above this many records, no plain edition: a page per record would pass the
    /// files a static host takes.
    max_records: usize,
    /// Whether the site carries the whole corpus file.
    whole: bool,
}

fn run(corpus: &Path, out: &Path, page: Option<&Path>, site: Site) -> Result<(), String> {
    let (accepted, fingerprint) = accepted(corpus)?;
    for r in &accepted.rejected {
        eprintln!(
            "plain-edition: left out {} {}: {}",
            r.kind.noun(),
            r.name(),
            r.reasons.join("; ")
        );
    }
    let mut index = Index::without_text(accepted.corpus);
    index.fingerprint = Some(fingerprint);
    let records = index.numbering.total();
    let edition = site.edition && records <= site.max_records;
    if site.edition && !edition {
        println!(
            "plain-edition: no plain edition: {records} records, over its cap of {} (a page each would pass the 20,000 files a static host such as Cloudflare Pages takes)",
            site.max_records
        );
    }
    if let Some(page) = page {
        fill_page(page, &index, edition, site.whole)?;
    }
    if !edition {
        return Ok(());
    }
    for id in plain::left_out(&index) {
        eprintln!("plain-edition: no page for the record {id:?}: its id is not a plain slug or names a page of the edition");
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let (mut files, mut bytes) = (0usize, 0usize);
    let mut failed: Option<String> = None;
    plain::each_file(&index, |name, contents| {
        if failed.is_some() {
            return;
        }
        // The writer names only plain file names; refuse anything else all the same.
        let mut parts = Path::new(&name).components();
        if !matches!(
            (parts.next(), parts.next()),
            (Some(Component::Normal(_)), None)
        ) {
            failed = Some(format!(
                "refusing to write {name:?} outside {}",
                out.display()
            ));
            return;
        }
        let path = out.join(&name);
        match std::fs::write(&path, contents.as_bytes()) {
            Ok(()) => {
                files += 1;
                bytes += contents.len();
            }
            Err(e) => failed = Some(format!("cannot write {}: {e}", path.display())),
        }
    });
    if let Some(why) = failed {
        return Err(why);
    }
    println!(
        "plain-edition: {files} files, {bytes} bytes in {}",
        out.display()
    );
    Ok(())
}

/// Puts the corpus's masthead, the default view's first page and the frames of
/// a record's first look in the app's page, where it has placeholders for them.
fn fill_page(page: &Path, index: &Index, edition: bool, whole: bool) -> Result<(), String> {
    let mut html = std::fs::read_to_string(page)
        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let fills = [
        (
            plain::MASTHEAD_PLACEHOLDER,
            plain::masthead(&index.corpus.meta),
        ),
        (
            first_page::PLACEHOLDER,
            first_page::in_every_language(index),
        ),
        (glance::PLACEHOLDER, glance::frames()),
        (plain::NOSCRIPT_PLACEHOLDER, plain::noscript(edition, whole)),
    ];
    for (placeholder, contents) in fills {
        if !html.contains(placeholder) {
            return Err(format!(
                "{} has no {placeholder} placeholder",
                page.display()
            ));
        }
        html = html.replacen(placeholder, &contents, 1);
    }
    std::fs::write(page, html).map_err(|e| format!("cannot write {}: {e}", page.display()))
}
