//! Dossier's pure core. Nothing here knows about the browser, so all of it is
//! tested natively with `cargo test`. Four layers, each importing only the ones
//! below it:
//!
//! - [`publish`]: what leaves the app: exports, citations, the plain edition;
//! - [`query`]: what is worked out from a corpus for readers: indexes, text
//!   search, filters, timeline and chart figures, the URL state;
//! - [`corpus`]: what a corpus is, and how it is read, checked and written;
//! - [`i18n`]: the interface's languages, which know nothing of the rest.
//!
//! The Leptos shell (`src/app/`) and the command-line tools (`src/bin/`) sit on top.

pub mod corpus;
pub mod i18n;
pub mod publish;
pub mod query;
