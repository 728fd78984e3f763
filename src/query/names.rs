//! How the names of institutions and people are matched to what a reader
//! types into the actor box: one rule for the app's chooser over the whole
//! corpus (`Index::actor_suggestions`) and for the chooser of a list in pages,
//! which reads the names from a table the build cut by their beginnings
//! (`publish::names`).

use std::cmp::Ordering;

use crate::corpus::model::Actor;
use crate::corpus::text::fold;

/// How many suggestions the actor box offers.
pub const SUGGESTIONS: usize = 20;

/// How well a name matches what is typed, best first: the name is what is
/// typed ("UN", "HRW"), it begins with it, one of its words begins with it, or
/// it holds it inside a word.
pub type Rank = u8;
pub const IS: Rank = 0;
pub const BEGINS: Rank = 1;
pub const A_WORD_BEGINS: Rank = 2;
pub const INSIDE_A_WORD: Rank = 3;

/// An actor's names as the box matches them: its name, aliases and names in
/// other languages.
pub fn names_of(actor: &Actor) -> impl Iterator<Item = &str> {
    std::iter::once(actor.name.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .chain(actor.names.iter().map(|n| n.name.as_str()))
}

/// Names as the box matches them, each folded (case and accents ignored).
pub fn folded_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    names.into_iter().map(|n| fold(n.trim())).collect()
}

/// Where the words of a (folded) name begin: its start, and every place after
/// a character that is not a letter or a digit.
pub fn word_starts(name: &str) -> impl Iterator<Item = usize> + '_ {
    let after = name
        .char_indices()
        .filter(|(_, c)| !c.is_alphanumeric())
        .map(|(at, c)| at + c.len_utf8());
    std::iter::once(0).chain(after.filter(move |&at| at < name.len()))
}

/// How well the best of `names` (folded) or the name's acronym matches
/// `wanted` (folded), if any does.
pub fn name_rank<'a>(
    names: impl IntoIterator<Item = &'a str>,
    acronym: &'a str,
    wanted: &str,
) -> Option<Rank> {
    let acronym = (!acronym.is_empty()).then_some(acronym);
    let mut best: Option<Rank> = None;
    for n in names.into_iter().chain(acronym) {
        let r = if n == wanted {
            IS
        } else if n.starts_with(wanted) {
            BEGINS
        } else if word_starts(n).any(|at| n[at..].starts_with(wanted)) {
            A_WORD_BEGINS
        } else if n.contains(wanted) {
            INSIDE_A_WORD
        } else {
            continue;
        };
        best = Some(best.map_or(r, |b| b.min(r)));
    }
    best
}

/// Whether `wanted` (folded) matches a name by its acronym alone, where the
/// names (folded) would not show why it is suggested: the box then shows it.
pub fn by_acronym_alone(names: &[String], acronym: &str, wanted: &str) -> bool {
    !wanted.is_empty() && acronym.starts_with(wanted) && !names.iter().any(|n| n.contains(wanted))
}

/// The best `limit` of `hits` (each with its rank): by rank, then the most
/// involved first (`count`), then by name (`by_name`: names alike by id, so
/// that every reader of names gives the same order).
pub fn best<A>(
    mut hits: Vec<(Rank, A)>,
    count: impl Fn(&A) -> u32,
    by_name: impl Fn(&A, &A) -> Ordering,
    limit: usize,
) -> Vec<A> {
    let by_rank = |(ra, a): &(Rank, A), (rb, b): &(Rank, A)| -> Ordering {
        ra.cmp(rb)
            .then_with(|| count(b).cmp(&count(a)))
            .then_with(|| by_name(a, b))
    };
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit, by_rank);
        hits.truncate(limit);
    }
    hits.sort_by(by_rank);
    hits.into_iter().map(|(_, a)| a).collect()
}

/// The acronym of a name, folded: the initials of its words, skipping the
/// small words acronyms skip ("of", "the", "for"…), a word in capitals kept
/// whole ("UN Human Rights Council" is "unhrc"). Empty for a one-word name.
pub fn acronym(name: &str) -> String {
    const SMALL: [&str; 16] = [
        "of", "the", "for", "and", "on", "in", "to", "a", "an", "de", "la", "le", "les", "du",
        "des", "et",
    ];
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty() && !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    if words.len() < 2 {
        return String::new();
    }
    let mut out = String::new();
    for w in words {
        let upper =
            w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        if upper {
            out.push_str(w);
        } else if let Some(c) = w.chars().next() {
            out.push(c);
        }
    }
    fold(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_begin_after_what_is_not_a_letter() {
        let starts: Vec<usize> = word_starts("un human-rights (council)").collect();
        assert_eq!(starts, vec![0, 3, 9, 16, 17]);
        assert_eq!(word_starts("").collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn a_name_is_ranked_by_how_it_matches() {
        let names = ["united nations".to_string(), "the un".to_string()];
        let names = || names.iter().map(String::as_str);
        assert_eq!(name_rank(names(), "un", "un"), Some(IS));
        assert_eq!(name_rank(names(), "", "unit"), Some(BEGINS));
        assert_eq!(name_rank(names(), "", "nat"), Some(A_WORD_BEGINS));
        assert_eq!(name_rank(names(), "", "ation"), Some(INSIDE_A_WORD));
        assert_eq!(name_rank(names(), "", "council"), None);
        // A word that begins within another match of the same text, inside a word.
        let overlapping = ["ba a a".to_string()];
        let overlapping = || overlapping.iter().map(String::as_str);
        assert_eq!(name_rank(overlapping(), "", "a a"), Some(A_WORD_BEGINS));
    }

    #[test]
    fn the_best_come_by_rank_then_count_then_name() {
        let hits = vec![(2, ("b", 9)), (1, ("c", 1)), (1, ("a", 1)), (1, ("d", 5))];
        let best = best(hits, |(_, n)| *n, |(a, _), (b, _)| a.cmp(b), 3);
        assert_eq!(best, vec![("d", 5), ("a", 1), ("c", 1)]);
    }
}
