//! Times the core's work on a corpus, natively: `cargo run --release --example bench [CORPUS]`.
//! A benchmark, not a test: it prints figures and asserts nothing about speed.

use std::time::Instant;

use dossier::filter::{Filter, Outcome};
use dossier::index::Index;
use dossier::load;
use dossier::model::Kind;

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let start = Instant::now();
    let mut out = f();
    for _ in 1..runs {
        out = f();
    }
    let per = start.elapsed() / runs;
    println!("{label:<44} {:>10.1} µs", per.as_secs_f64() * 1e6);
    out
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/corpus.json".into());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    println!("{path}: {} bytes", text.len());
    let doc = time("parse (record by record)", 50, || {
        load::parse(&text).expect("corpus reads")
    });
    let accepted = time("validate and accept", 50, || load::accept(doc.clone()));
    let index = time("build the index", 50, || {
        Index::new(accepted.corpus.clone())
    });
    let none = Filter::default();
    time("outcome, no filter (claims view)", 200, || {
        Outcome::new(&index, &none, Kind::Claim)
    });
    let busy = Filter {
        from: "1988".into(),
        to: "2017".into(),
        claim_kinds: vec!["legal-characterisation".into(), "death-toll".into()],
        text: "crime humanity".into(),
        ..Filter::default()
    };
    time("outcome, date + kinds + text (claims view)", 200, || {
        Outcome::new(&index, &busy, Kind::Claim)
    });
}
