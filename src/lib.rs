//! Dossier's pure core: the corpus model, partial dates, validation, indexes,
//! filters and URL state. Nothing here knows about the browser, so all of it is
//! tested natively with `cargo test`.

pub mod bits;
pub mod charts;
pub mod cite;
pub mod date;
pub mod export;
pub mod filter;
pub mod hash;
pub mod i18n;
pub mod index;
pub mod load;
pub mod model;
pub mod plain;
pub mod search;
pub mod synth;
pub mod text;
pub mod timeline;
pub mod url_state;
pub mod validate;
pub mod vocab;
