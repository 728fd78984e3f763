//! A rare word's first page read apart: a word that few records of a list
//! hold has its rows spread over the list's parts, a part for each few of
//! them; the build writes the first page of each such word apart
//! (`parts::WordRows`), so that a search's first page reads one or two parts
//! of those rows rather than a part of the list for each few rows.
//!
//! A typed word finds every word it begins, and a search holds every word
//! typed: a place on a page is read apart where it is among the first places
//! of a rare word the search found ([`WordsApart::parted`]); the rest of the
//! page is read from the list's parts as before. So a word's first page, a
//! beginning of several rare words, or rare and common words together read
//! what they can apart, and nothing is read apart that another page needs.

use crate::publish::parts::{entries_at, table_part_of, PlaceTable, Table, TableEntry, WordRows};
use crate::query::url_state::PAGE_SIZE;

/// A table part of rare words' first rows, read: each word with its first
/// rows, each with its place in the list.
pub type WordRowsTable<R> = Table<Vec<(u32, R)>>;

/// The rare words a search found, each with its first places (at most a
/// page), whose rows are written apart; and where, once the parts of the
/// directory that list their rows' parts are read ([`WordsApart::knowing`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordsApart {
    /// The rare words found, in byte order, each with its first places, ascending.
    firsts: Vec<(String, Vec<u32>)>,
    /// The parts of the directory of the table of their rows (`WordRows::directory`).
    directory: Vec<TableEntry>,
    /// The parts of that table the directory's parts read list, each with
    /// the place in the directory of the part that lists it.
    listed: Vec<(usize, Vec<TableEntry>)>,
}

impl WordsApart {
    /// The rare words (of `rows`, the list's rare words' rows) that begin with
    /// a word of `words` (folded and stemmed as the search reads them), from
    /// the parts of the list's words' table that hold them (`tables`).
    pub fn of(words: &[String], tables: &[&PlaceTable], rows: &WordRows) -> WordsApart {
        let mut firsts: Vec<(String, Vec<u32>)> = (words.iter())
            .flat_map(|word| tables.iter().flat_map(move |t| t.starting_with(word)))
            .filter(|(_, places)| rows.holds(places.len()))
            .map(|(word, places)| {
                (
                    word.to_string(),
                    places[..places.len().min(PAGE_SIZE)].to_vec(),
                )
            })
            .collect();
        firsts.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        firsts.dedup_by(|a, b| a.0 == b.0);
        WordsApart {
            firsts,
            directory: rows.directory.clone(),
            listed: Vec::new(),
        }
    }

    /// Whether no rare word was found: every row is read from the list.
    pub fn is_empty(&self) -> bool {
        self.firsts.is_empty()
    }

    /// The parts of the directory that list where the rare words found have
    /// their rows, each once, in order: to read, and give to
    /// [`WordsApart::knowing`], before any row is read apart.
    pub fn directory_parts(&self) -> Vec<&TableEntry> {
        let at = (self.firsts.iter()).filter_map(|(word, _)| table_part_of(&self.directory, word));
        entries_at(&self.directory, at)
    }

    /// The same, knowing the parts of the directory `read` (each with the
    /// parts of the rows' table it lists): the rows of the words they list
    /// are read apart; those of a word whose part of the directory is not
    /// among them, from the list's parts.
    pub fn knowing<'a>(
        mut self,
        read: impl IntoIterator<Item = (&'a TableEntry, Vec<TableEntry>)>,
    ) -> WordsApart {
        for (entry, parts) in read {
            let at = self.directory.iter().position(|d| d.file == entry.file);
            if let Some(at) = at.filter(|at| !self.listed.iter().any(|(l, _)| l == at)) {
                self.listed.push((at, parts));
            }
        }
        self
    }

    /// The part of the rows' table that holds the rows of `word`, where the
    /// part of the directory that lists it is read.
    fn part_of(&self, word: &str) -> Option<&TableEntry> {
        let at = table_part_of(&self.directory, word)?;
        let (_, parts) = self.listed.iter().find(|(listed, _)| *listed == at)?;
        parts.get(table_part_of(parts, word)?)
    }

    /// Of the places `places` (ascending), those read apart, and the others.
    pub fn parted(&self, places: &[u32]) -> (Vec<u32>, Vec<u32>) {
        places
            .iter()
            .partition(|&&place| self.word_of(place).and_then(|w| self.part_of(w)).is_some())
    }

    /// [`WordsApart::parted`] where a search found rare words (`words`);
    /// else none of `places` is read apart.
    pub fn parted_by(words: Option<&WordsApart>, places: &[u32]) -> (Vec<u32>, Vec<u32>) {
        words.map_or_else(|| (Vec::new(), places.to_vec()), |w| w.parted(places))
    }

    /// The first rare word whose first places hold `place`.
    fn word_of(&self, place: u32) -> Option<&str> {
        (self.firsts.iter())
            .find(|(_, places)| places.binary_search(&place).is_ok())
            .map(|(word, _)| word.as_str())
    }

    /// The parts of the rare words' rows that hold the rows at `places`
    /// (those [`WordsApart::parted`] reads apart), each once, in order.
    pub fn parts_for(&self, places: &[u32]) -> Vec<&TableEntry> {
        let mut parts: Vec<&TableEntry> = (places.iter())
            .filter_map(|&place| self.part_of(self.word_of(place)?))
            .collect();
        parts.sort_unstable_by(|a, b| a.from.cmp(&b.from));
        parts.dedup_by(|a, b| a.file == b.file);
        parts
    }

    /// The rows at `places` (ascending), each with its place, from the parts
    /// of the rare words' rows read (`read`); a place in none is left out.
    pub fn rows_at<R: Clone>(&self, places: &[u32], read: &[&WordRowsTable<R>]) -> Vec<(u32, R)> {
        (places.iter())
            .filter_map(|&place| {
                let word = self.word_of(place)?;
                let rows = read.iter().find_map(|table| table.get(word))?;
                let at = rows.binary_search_by_key(&place, |(p, _)| *p).ok()?;
                rows.get(at).cloned()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &str, from: &str) -> TableEntry {
        TableEntry {
            file: file.to_string(),
            sha256: String::new(),
            bytes: 0,
            json: 0,
            from: from.to_string(),
            count: 0,
        }
    }

    /// The rare words `firsts`, whose rows' parts are listed from "a" by the
    /// directory's part `nd-a` and from "m" by `nd-m`.
    fn apart(firsts: &[(&str, &[u32])]) -> WordsApart {
        WordsApart {
            firsts: (firsts.iter())
                .map(|(w, p)| (w.to_string(), p.to_vec()))
                .collect(),
            directory: vec![entry("nd-a", "a"), entry("nd-m", "m")],
            listed: Vec::new(),
        }
    }

    #[test]
    fn a_place_among_a_rare_words_first_is_read_apart_and_no_other() {
        let words = apart(&[("eight", &[3, 90, 400]), ("eighty", &[5, 90])]);
        let listed = vec![entry("n-a", "a"), entry("n-f", "f")];
        let words = words.knowing([(&entry("nd-a", "a"), listed)]);
        assert_eq!(
            words.parted(&[3, 4, 5, 90, 500]),
            (vec![3, 5, 90], vec![4, 500])
        );
        assert_eq!(words.word_of(90), Some("eight"));
        assert_eq!(words.parts_for(&[3, 5]), vec![&entry("n-a", "a")]);
        assert!(apart(&[]).parted(&[1, 2]).0.is_empty());
    }

    #[test]
    fn the_rows_of_a_word_whose_part_of_the_directory_is_unread_come_from_the_list() {
        let words = apart(&[("eight", &[3]), ("nine", &[7])]);
        assert_eq!(
            words.directory_parts(),
            vec![&entry("nd-a", "a"), &entry("nd-m", "m")]
        );
        // Nothing known yet: every row from the list.
        assert_eq!(words.parted(&[3, 7]), (vec![], vec![3, 7]));
        // The part listing "nine" read: its row apart, "eight"'s from the list.
        let words = words.knowing([(&entry("nd-m", "m"), vec![entry("n-m", "m")])]);
        assert_eq!(words.parted(&[3, 7]), (vec![7], vec![3]));
        assert_eq!(words.parts_for(&[7]), vec![&entry("n-m", "m")]);
    }
}
