//! Free-text search: an inverted index from folded words to the records that hold
//! them, built once. A query word matches every indexed word it begins ("hum"
//! finds "human" and "humanity"), so results follow the reader as they type.
//! English plurals are folded to the singular, the same way in the index and
//! in the query (see `stem`), so "crimes" and "crime" find the same records.

use std::borrow::Cow;

use crate::corpus::hash::FastMap;
use crate::corpus::text::fold_into;
use crate::query::bits::Bits;

/// The words of a folded text: runs of letters and digits, in any script.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A folded word as search indexes and looks it up: English plurals and
/// the third person "-s" folded to the singular, so that "crimes against
/// humanity" and "crime against humanity" find the same records. The rule,
/// applied alike to the text and to what is typed:
/// - only words of four letters or more, all of them a to z: Persian and
///   other scripts, digits, and short words ("was", "has", "its", "us") stay
///   as they are;
/// - "-ies" after at least two letters becomes "-y" ("atrocities" →
///   "atrocity", "bodies" → "body");
/// - "-sses", "-ches", "-shes" and "-xes" lose "-es" ("witnesses" →
///   "witness", "approaches" → "approach", "taxes" → "tax");
/// - words ending "-ss", "-us" or "-is" stay ("mass", "status", "basis");
/// - any other final "-s" goes ("crimes" → "crime", "rights" → "right").
///
/// Since a typed word matches every word it begins, a plural typed also finds
/// longer words that begin with its singular ("nations" finds "national").
pub fn stem(word: &str) -> Cow<'_, str> {
    let b = word.as_bytes();
    // Most words end in another letter: they cost one comparison.
    if b.len() < 4 || b.last() != Some(&b's') || !b.iter().all(u8::is_ascii_lowercase) {
        return Cow::Borrowed(word);
    }
    let ends = |suffix: &str| word.ends_with(suffix);
    if ends("ies") && b.len() >= 5 {
        return Cow::Owned(format!("{}y", &word[..word.len() - 3]));
    }
    if ends("sses") || ends("ches") || ends("shes") || ends("xes") {
        return Cow::Borrowed(&word[..word.len() - 2]);
    }
    if ends("ss") || ends("us") || ends("is") || !ends("s") {
        return Cow::Borrowed(word);
    }
    Cow::Borrowed(&word[..word.len() - 1])
}

/// The words of a query, folded and stemmed like the indexed text.
pub fn query_words(query: &str) -> Vec<String> {
    let mut folded = String::new();
    fold_into(query, &mut folded);
    let mut out: Vec<String> = words(&folded).map(|w| stem(w).into_owned()).collect();
    out.dedup();
    out
}

/// Collects words record by record; records must be added in ascending order.
#[derive(Default)]
pub struct TextIndexBuilder {
    postings: FastMap<Box<str>, Vec<u32>>,
    folded: String,
}

impl TextIndexBuilder {
    /// Indexes the words of `parts` under `record`.
    pub fn add(&mut self, record: u32, parts: &[&str]) {
        self.folded.clear();
        for part in parts {
            fold_into(part, &mut self.folded);
            self.folded.push(' ');
        }
        for word in words(&self.folded) {
            let word = stem(word);
            let word = word.as_ref();
            match self.postings.get_mut(word) {
                // Records arrive in order, so a repeat is always the last entry.
                Some(list) => {
                    if list.last() != Some(&record) {
                        list.push(record);
                    }
                }
                None => {
                    self.postings.insert(word.into(), vec![record]);
                }
            }
        }
    }

    pub fn finish(self) -> TextIndex {
        let mut entries: Vec<(Box<str>, Vec<u32>)> = self.postings.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut index = TextIndex {
            text: String::with_capacity(entries.iter().map(|e| e.0.len()).sum()),
            word_ends: Vec::with_capacity(entries.len()),
            list_ends: Vec::with_capacity(entries.len()),
            records: Vec::with_capacity(entries.iter().map(|e| e.1.len()).sum()),
        };
        for (word, list) in entries {
            index.text.push_str(&word);
            index.word_ends.push(index.text.len() as u32);
            index.records.extend_from_slice(&list);
            index.list_ends.push(index.records.len() as u32);
        }
        index
    }
}

/// Sorted distinct words, each with the ascending list of records holding it,
/// packed in a few flat arrays so that 100,000 records cost a few allocations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextIndex {
    text: String,
    word_ends: Vec<u32>,
    list_ends: Vec<u32>,
    records: Vec<u32>,
}

impl TextIndex {
    pub fn word_count(&self) -> usize {
        self.word_ends.len()
    }

    /// Every word, in byte order, with the ascending list of records holding it.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &[u32])> {
        (0..self.word_count()).map(|i| (self.word(i), self.list(i)))
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.word_ends[i - 1] } as usize;
        &self.text[start..self.word_ends[i] as usize]
    }

    fn list(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.list_ends[i - 1] } as usize;
        &self.records[start..self.list_ends[i] as usize]
    }

    /// The records holding a word that begins with `prefix` (already folded), as
    /// a set over `universe` record numbers.
    pub fn matching(&self, prefix: &str, universe: usize) -> Bits {
        let mut out = Bits::new(universe);
        let first = partition(self.word_count(), |i| self.word(i) < prefix);
        for i in first..self.word_count() {
            if !self.word(i).starts_with(prefix) {
                break;
            }
            for &r in self.list(i) {
                out.insert(r as usize);
            }
        }
        out
    }
}

/// The first position in 0..len for which `before` is false (it must be true,
/// then false, along the range).
fn partition(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TextIndex {
        let mut b = TextIndexBuilder::default();
        b.add(0, &["Crime against humanity", "Genève"]);
        b.add(2, &["Human Rights Watch", "HUMAN rights"]);
        b.add(3, &["A/HRC/37/24", "people’s tribunal"]);
        b.finish()
    }

    fn hits(ix: &TextIndex, prefix: &str) -> Vec<usize> {
        ix.matching(prefix, 4).ones_in(0..4).collect()
    }

    #[test]
    fn a_query_word_finds_every_word_it_begins() {
        let ix = index();
        assert_eq!(hits(&ix, "hum"), [0, 2]);
        assert_eq!(hits(&ix, "humanity"), [0]);
        assert_eq!(hits(&ix, &stem("rights")), [2]);
        assert!(hits(&ix, "manity").is_empty(), "only word starts match");
        assert!(hits(&ix, "zzz").is_empty());
    }

    #[test]
    fn folding_and_punctuation_are_the_same_for_text_and_query() {
        let ix = index();
        assert_eq!(query_words("GENEVE"), ["geneve"]);
        assert_eq!(hits(&ix, &query_words("GENEVE")[0]), [0]);
        assert_eq!(query_words("a/hrc/37"), ["a", "hrc", "37"]);
        for w in query_words("A/HRC/37") {
            assert!(hits(&ix, &w).contains(&3), "{w}");
        }
        assert_eq!(query_words("  — "), Vec::<String>::new());
    }

    #[test]
    fn persian_joiners_and_marks_never_split_a_word() {
        assert_eq!(query_words("می\u{200c}خواهم"), ["میخواهم"]);
        assert_eq!(query_words("کِتاب\u{640}ها"), ["کتابها"]);
        assert_eq!(query_words("\u{643}تاب ۱۹۸۸"), ["کتاب", "1988"]);
        let mut b = TextIndexBuilder::default();
        b.add(1, &["مي\u{200c}خواهم"]);
        let ix = b.finish();
        assert_eq!(ix.word_count(), 1);
        assert_eq!(hits(&ix, &query_words("میخواهم")[0]), [1]);
    }

    #[test]
    fn plurals_find_what_their_singular_finds() {
        let mut b = TextIndexBuilder::default();
        b.add(0, &["a crime against humanity"]);
        b.add(1, &["crimes against humanity"]);
        b.add(2, &["atrocities and witnesses"]);
        b.add(3, &["one atrocity, one witness, the approaches"]);
        b.add(4, &["the mass of the status"]);
        let ix = b.finish();
        let find = |q: &str| {
            let words = query_words(q);
            let mut kept = ix.matching(&words[0], 5);
            for w in &words[1..] {
                kept.and_with(&ix.matching(w, 5));
            }
            kept.ones_in(0..5).collect::<Vec<_>>()
        };
        assert_eq!(find("crimes against humanity"), [0, 1]);
        assert_eq!(find("crime against humanity"), [0, 1]);
        assert_eq!(find("Crimes"), find("crime"));
        assert_eq!(find("atrocities"), [2, 3]);
        assert_eq!(find("atrocity"), [2, 3]);
        assert_eq!(find("witness"), [2, 3]);
        assert_eq!(find("witnesses"), [2, 3]);
        assert_eq!(find("approach"), [3]);
        // Words ending -ss, -us and -is are not plurals.
        assert_eq!(stem("mass"), "mass");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("basis"), "basis");
        assert_eq!(find("mass"), [4]);
    }

    #[test]
    fn short_words_and_other_scripts_are_never_stemmed() {
        for w in ["was", "has", "its", "us", "is", "un"] {
            assert_eq!(stem(w), w);
        }
        // Persian, digits and mixed words stay as typed.
        for w in ["کتابها", "حقوق", "1980s", "a1bs"] {
            assert_eq!(stem(w), w);
        }
        assert_eq!(query_words("سازمان ملل"), ["سازمان", "ملل"]);
        assert_eq!(query_words("bodies rights"), ["body", "right"]);
    }

    #[test]
    fn each_record_is_listed_once_per_word() {
        let ix = index();
        assert_eq!(
            ix.list(partition(ix.word_count(), |i| ix.word(i) < "human")),
            [2]
        );
    }
}
