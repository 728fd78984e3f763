//! `gen-corpus --records N [--seed S] [--pretty] [--out FILE]`: writes a synthetic
//! corpus for benchmarks (see `synth.rs` beside this file), the same bytes for the same N and S.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dossier::corpus::write;

mod synth;

const USAGE: &str = "usage: gen-corpus --records N [--seed S] [--pretty] [--out FILE]\n\
  Writes a synthetic Dossier corpus of N records in all (about 10% sources, 10% actors,\n\
  30% events, 50% claims) as JSON to FILE, or to standard output. N may be written\n\
  10000, 10_000, 10k or 1M. The same N and seed S (a number, default 1) give the same\n\
  bytes on every platform. The JSON is compact unless --pretty. The counts per kind and\n\
  the size in bytes go to standard error.";

struct Args {
    records: usize,
    seed: u64,
    pretty: bool,
    out: Option<PathBuf>,
}

/// "10000", "10_000", "10,000", "10k", "1M".
fn parse_count(text: &str) -> Option<usize> {
    let plain: String = text.chars().filter(|c| !matches!(c, '_' | ',')).collect();
    let (digits, scale) = match plain.strip_suffix(['k', 'K']) {
        Some(d) => (d, 1_000),
        None => match plain.strip_suffix(['m', 'M']) {
            Some(d) => (d, 1_000_000),
            None => (plain.as_str(), 1),
        },
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<usize>().ok()?.checked_mul(scale)
}

/// A decimal number, or hexadecimal after 0x.
fn parse_seed(text: &str) -> Option<u64> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut records = None;
    let mut seed = None;
    let mut pretty = false;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str().map(str::to_string) else {
            return Err(format!("unknown argument {}", arg.to_string_lossy()));
        };
        // Both "--records N" and "--records=N".
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<std::ffi::OsString, String> {
            match &inline {
                Some(v) => Ok(v.into()),
                None => args.next().ok_or_else(|| format!("{flag} needs {what}")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--records" | "-n" => {
                let v = value("a number of records")?;
                let text = v.to_string_lossy();
                let n = parse_count(&text)
                    .ok_or_else(|| format!("--records: '{text}' is not a number of records"))?;
                if n == 0 {
                    return Err("--records must be at least 1".into());
                }
                if records.replace(n).is_some() {
                    return Err("--records is given twice".into());
                }
            }
            "--seed" | "-s" => {
                let v = value("a number")?;
                let text = v.to_string_lossy();
                let s = parse_seed(&text).ok_or_else(|| {
                    format!("--seed: '{text}' is not a number from 0 to {}", u64::MAX)
                })?;
                if seed.replace(s).is_some() {
                    return Err("--seed is given twice".into());
                }
            }
            "--pretty" if inline.is_none() => pretty = true,
            "--out" | "-o" => {
                let v = value("a file name")?;
                if v.is_empty() {
                    return Err("--out needs a file name".into());
                }
                if out.replace(v.into()).is_some() {
                    return Err("--out is given twice".into());
                }
            }
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    let records = records.ok_or("say how many records: --records N")?;
    Ok(Some(Args {
        records,
        seed: seed.unwrap_or(1),
        pretty,
        out,
    }))
}

/// Counts the bytes written through it.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn write_corpus(
    corpus: &dossier::corpus::model::Corpus,
    pretty: bool,
    out: impl Write,
) -> io::Result<u64> {
    let mut out = Counting {
        inner: BufWriter::with_capacity(1 << 20, out),
        bytes: 0,
    };
    write::write_json(corpus, pretty, &mut out).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(out.bytes)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("error: {why}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let corpus = synth::generate(args.records, args.seed);
    let generated = start.elapsed();
    let start = Instant::now();
    let (written, target) = match &args.out {
        Some(path) => {
            let file = match File::create(path) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("error: cannot create {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            };
            (
                write_corpus(&corpus, args.pretty, file),
                path.display().to_string(),
            )
        }
        None => (
            write_corpus(&corpus, args.pretty, io::stdout().lock()),
            "standard output".to_string(),
        ),
    };
    let bytes = match written {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: cannot write to {target}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let serialised = start.elapsed();
    let total =
        corpus.sources.len() + corpus.actors.len() + corpus.events.len() + corpus.claims.len();
    eprintln!(
        "gen-corpus: {total} records (seed {}): {} sources, {} actors, {} events, {} claims; \
         {bytes} bytes of {} JSON to {target}; generated in {} ms, written in {} ms",
        args.seed,
        corpus.sources.len(),
        corpus.actors.len(),
        corpus.events.len(),
        corpus.claims.len(),
        if args.pretty { "pretty" } else { "compact" },
        generated.as_millis(),
        serialised.as_millis(),
    );
    ExitCode::SUCCESS
}
