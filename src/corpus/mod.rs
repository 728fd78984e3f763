//! What a corpus is, and how it is read, checked and written: the record model and
//! its vocabularies, partial dates, the text rules records are checked and searched
//! by, the reader (whole file or in batches), the validator, and the writer.
//! Imports only `i18n` (to word dates and kinds); nothing here knows of indexes,
//! filters or the browser.

pub mod archive;
pub mod copy;
pub mod date;
pub mod document;
pub mod hash;
pub mod hijri;
pub mod load;
pub mod model;
pub mod sha256;
pub mod text;
pub mod validate;
pub mod vocab;
pub mod write;
