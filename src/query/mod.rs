//! What is worked out from a corpus for readers, once, when it loads: one numbering
//! of every record and bit sets over it, the indexes (postings per actor and per
//! vocabulary value, dates in order, the text index), filters and their outcomes,
//! the timeline's and the charts' figures, and the URL state that names a view.
//! Imports `corpus` and `i18n` only.

pub mod bits;
pub mod charts;
pub mod filter;
pub mod flat;
pub mod index;
pub mod names;
pub mod order;
pub mod search;
pub mod timeline;
pub mod url_state;
