//! What reading a corpus file gives: each record that read, with its place in its
//! array, and every problem found, named by its JSON path. The reader fills it in
//! and the validator checks it.

use std::fmt;

use crate::corpus::model::{Actor, Claim, Event, Kind, Meta, Source};

/// A record that read, with its position in its array.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<T> {
    pub index: usize,
    pub record: T,
}

/// A corpus file read record by record; `problems` names the records that did not read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub meta: Meta,
    pub sources: Vec<Entry<Source>>,
    pub actors: Vec<Entry<Actor>>,
    pub events: Vec<Entry<Event>>,
    pub claims: Vec<Entry<Claim>>,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    /// Worth knowing, but the record is sound (a quote with no text to check it against).
    Warning,
}

/// One thing wrong with a corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub severity: Severity,
    /// The record at fault: its kind and position in its array.
    pub record: Option<(Kind, usize)>,
    pub id: Option<String>,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            severity: Severity::Error,
            record: None,
            id: None,
        }
    }

    pub fn describe(&self) -> String {
        format!("{}: {}", self.path, self.message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}", self.describe())
    }
}
