//! What leaves the app: a filter's records as a corpus file or CSV, citations, and
//! the plain edition (static HTML pages that need no script). Imports `query`,
//! `corpus` and `i18n`.

pub mod by_actor;
pub mod by_kind;
pub mod by_word;
pub mod cite;
pub mod export;
pub mod first_page;
pub mod gather;
pub mod glance;
pub mod lists;
pub mod names;
pub mod pages;
pub mod parts;
pub mod plain;
pub mod range;
pub mod view_by_actor;
pub mod view_range;
pub mod views;
pub mod word_rows;
pub mod zoomed;
