//! What counting the kinds beside a list in pages costs under a search: the
//! parts it reads (stored bytes) and the time to count from them, natively.
//!
//! cargo run --release --example kind_counts -- PARTS_DIR [events|claims|sources] WORDS...
//!
//! Each WORDS argument is a search, as typed; `tag=killings` chooses a kind.

use std::time::Instant;

use dossier::corpus::model::Kind;
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::by_kind::Sought;
use dossier::publish::parts::{inflate, read_manifest, PlaceTable, TableEntry};
use dossier::query::filter::{Facet, Filter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(view)) = (args.first(), args.get(1)) else {
        return Err("usage: kind_counts PARTS_DIR events|claims|sources SEARCH...".into());
    };
    let kind = match view.as_str() {
        "events" => Kind::Event,
        "claims" => Kind::Claim,
        "sources" => Kind::Source,
        other => return Err(format!("no view {other}").into()),
    };
    let dir = std::path::Path::new(dir);
    let manifest =
        read_manifest(&std::fs::read(dir.join("manifest.json"))?).map_err(|e| e.to_string())?;
    let read = |entries: &[TableEntry],
                needs: &[usize]|
     -> Result<(Vec<PlaceTable>, usize), Box<dyn std::error::Error>> {
        let mut tables = Vec::new();
        let mut bytes = 0;
        for &at in needs {
            let entry = &entries[at];
            let stored = std::fs::read(dir.join(&entry.file))?;
            bytes += stored.len();
            let json = inflate(&stored)?;
            let table = PlaceTable::read(entry, &json, &sha256_hex(&json));
            tables.push(table.map_err(|e| e.to_string())?);
        }
        Ok((tables, bytes))
    };
    let kinds_table = manifest.view_kinds(kind);
    let started = Instant::now();
    let every: Vec<usize> = (0..kinds_table.len()).collect();
    let (kinds, kind_bytes) = read(kinds_table, &every)?;
    println!(
        "{view}: every part of the kinds' table, {} parts, {kind_bytes} bytes stored, read and checked in {:.0} ms",
        kinds.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let kinds: Vec<&PlaceTable> = kinds.iter().collect();
    for typed in &args[2..] {
        let mut filter = Filter::default();
        match typed.split_once('=') {
            Some((facet, value)) => {
                let facet = Facet::TERMS
                    .iter()
                    .find(|f| f.key() == facet)
                    .ok_or("no such kind")?;
                filter.choose(*facet, value);
            }
            None => filter.text = typed.clone(),
        }
        let sought = Sought::of(&filter);
        let words_table = manifest.view_words(kind);
        let (words, word_bytes) = read(words_table, &sought.word_parts_in(words_table))?;
        let words: Vec<&PlaceTable> = words.iter().collect();
        let started = Instant::now();
        let runs = 5;
        let mut counts = Vec::new();
        for _ in 0..runs {
            counts = sought.kind_counts(&words, &kinds);
        }
        let each = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        let found = sought.found(&words, &kinds).len();
        println!(
            "{typed:?}: {found} found, words' parts {word_bytes} bytes; {} kinds counted in {each:.1} ms",
            counts.len()
        );
    }
    Ok(())
}
