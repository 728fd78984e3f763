//! What the charts draw, worked out without the browser: who characterised what
//! how (claimants against legal terms), and each death-toll figure as the
//! interval its words state. Figures are never merged or averaged: each claim
//! is its own mark.

use crate::corpus::model::{DeathToll, Kind};
use crate::corpus::vocab;
use crate::i18n::SpeakerWords;
use crate::query::bits::Bits;
use crate::query::filter::Outcome;
use crate::query::index::{Index, Speaker};

/// How many claimants the matrix of who said what shows at most.
pub const CLAIMANTS_SHOWN: usize = 15;

/// How many death-toll figures the claims' table of them shows at most.
pub const TOLLS_SHOWN: usize = 20;

/// The kept claims that give a death toll, as the claims view shows them side
/// by side: those stating a figure first, largest first, then those in words
/// alone ("thousands"), each in the claims' order otherwise; at most `limit`,
/// with how many there are in all. Found from the postings of their kind, not
/// by reading every claim.
pub fn death_tolls(index: &Index, outcome: &Outcome, limit: usize) -> (Vec<usize>, usize) {
    let range = index.numbering.range(Kind::Claim);
    let claims = &index.corpus.claims;
    let mut tolls: Vec<usize> = vocab::CLAIM_KINDS
        .values()
        .position(|k| k == "death-toll")
        .and_then(|p| index.claim_kind_sets.get(p))
        .map(|set| {
            let mut kept = set.clone();
            kept.and_with(&outcome.kept);
            kept.ones_in(range.clone())
                .map(|n| n - range.start)
                .filter(|&c| claims[c].death_toll.is_some())
                .collect()
        })
        .unwrap_or_default();
    let total = tolls.len();
    let value = |c: usize| claims[c].death_toll.as_ref().and_then(|t| t.value);
    tolls.sort_by_key(|&c| std::cmp::Reverse(value(c)));
    tolls.truncate(limit);
    (tolls, total)
}

/// One claimant's row: how many kept claims use each legal term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    /// The claimant, by position among actors; None where the reporting
    /// article speaks in its own voice.
    pub actor: Option<usize>,
    /// Who made the claims, as `Index::speaker` says it everywhere else.
    pub name: String,
    /// Per column of the matrix.
    pub counts: Vec<u32>,
    /// Claims in the row (a claim with two terms counts once here).
    pub claims: u32,
}

/// Claimants against legal characterisations, over the claims the filters keep.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matrix {
    /// The legal terms used by at least one kept claim, in the vocabulary's order.
    pub terms: Vec<&'static str>,
    /// The claimants with most claims first, at most `limit`.
    pub rows: Vec<MatrixRow>,
    /// Claimants left out by `limit`.
    pub more: usize,
}

/// Who said what: for the kept claims that characterise events in law, a row per
/// claimant (who made a claim as `Index::speaker` says it) and a column per
/// legal term, most prolific claimants first, ties in the order claimants first
/// appear among the claims.
///
/// Worked out from the postings, never from the claims themselves: the kept
/// claims using each term are the kept set and that term's postings ANDed a
/// word at a time, a column is used when that has any bit, and each such claim
/// adds one to its claimant's row (`Index::speaker_of`). Only the rows shown
/// are named, since a large corpus has thousands of claimants.
pub fn who_said_what(index: &Index, outcome: &Outcome, limit: usize) -> Matrix {
    who_said_what_in(index, outcome, limit, &SpeakerWords::ENGLISH)
}

/// `who_said_what`, its rows named in another language's words.
pub fn who_said_what_in(
    index: &Index,
    outcome: &Outcome,
    limit: usize,
    words: &SpeakerWords,
) -> Matrix {
    let range = index.numbering.range(Kind::Claim);
    let per_term: Vec<Bits> = index
        .legal_term_sets
        .iter()
        .map(|set| {
            let mut kept = set.clone();
            kept.and_with(&outcome.kept);
            kept
        })
        .collect();
    let used: Vec<bool> = per_term
        .iter()
        .map(|set| set.count_in(range.clone()) > 0)
        .collect();
    let mut characterising = Bits::new(index.numbering.total());
    for set in &per_term {
        characterising.or_with(set);
    }
    // Claims per claimant, and the claimants in the order they first appear.
    let speaker = |n: usize| index.speaker_of.get(n - range.start).map(|&s| s as usize);
    let mut claims = vec![0u32; index.speaker_claims.len()];
    let mut seen: Vec<usize> = Vec::new();
    for s in characterising.ones_in(range.clone()).filter_map(speaker) {
        if claims[s] == 0 {
            seen.push(s);
        }
        claims[s] += 1;
    }
    seen.sort_by_key(|&s| std::cmp::Reverse(claims[s]));
    let more = seen.len().saturating_sub(limit);
    seen.truncate(limit);
    // The shown rows' cells, a column at a time.
    let mut slot = vec![usize::MAX; claims.len()];
    for (i, &s) in seen.iter().enumerate() {
        slot[s] = i;
    }
    let columns: Vec<usize> = (0..per_term.len()).filter(|&t| used[t]).collect();
    let mut counts = vec![vec![0u32; columns.len()]; seen.len()];
    for (col, &t) in columns.iter().enumerate() {
        for s in per_term[t].ones_in(range.clone()).filter_map(speaker) {
            if let Some(row) = counts.get_mut(slot[s]) {
                row[col] += 1;
            }
        }
    }
    let rows = seen
        .iter()
        .zip(counts)
        .map(|(&s, counts)| {
            let claim = index
                .speaker_claims
                .get(s)
                .and_then(|&c| index.corpus.claims.get(c as usize));
            let (actor, name) = match claim.map(|c| index.speaker_in(c, words)) {
                Some(Speaker::Claimant(id)) => match index.find(id, Kind::Actor) {
                    Some(a) => (Some(a), index.corpus.actors[a].name.clone()),
                    None => (None, id.to_string()),
                },
                Some(Speaker::OwnVoice(words)) => (None, words),
                None => (None, String::new()),
            };
            MatrixRow {
                actor,
                name,
                counts,
                claims: claims[s],
            }
        })
        .collect();
    let terms = vocab::LEGAL_TERMS.values();
    Matrix {
        terms: terms
            .zip(&used)
            .filter(|(_, u)| **u)
            .map(|(t, _)| t)
            .collect(),
        rows,
        more,
    }
}

/// How a figure bounds the number it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// "4,482": the number itself.
    Exact,
    /// "about 5,000": near it, either side.
    About,
    /// "nearly 30,000": a little under it.
    Nearly,
    /// "at least 30,000": it or more.
    AtLeast,
    /// "more than 30,000": above it.
    MoreThan,
    /// "up to 30,000": it or fewer.
    UpTo,
    /// "thousands": a range the word means.
    Words,
}

/// A death-toll figure as an interval: `low` to `high`, either open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub bound: Bound,
}

/// The range a word-only figure means, as drawn: "hundreds" 200 to 999,
/// "thousands" 2,000 to 9,999, "several thousand" 3,000 to 9,999. Our reading,
/// stated in the chart's legend; the words themselves are always shown too.
pub const WORD_RANGES: [(&str, u64, u64); 3] = [
    ("hundreds", 200, 999),
    ("thousands", 2_000, 9_999),
    ("several-thousand", 3_000, 9_999),
];

/// The interval a death-toll figure states; None when it states none (a
/// qualifier that needs a number but has none, which validation refuses).
pub fn figure(toll: &DeathToll) -> Option<Figure> {
    if let Some(&(_, low, high)) = WORD_RANGES.iter().find(|(w, _, _)| *w == toll.qualifier) {
        return Some(Figure {
            low: Some(low),
            high: Some(high),
            bound: Bound::Words,
        });
    }
    let v = toll.value?;
    let (low, high, bound) = match toll.qualifier.as_str() {
        "about" => (Some(v), Some(v), Bound::About),
        "nearly" => (None, Some(v), Bound::Nearly),
        "at-least" => (Some(v), None, Bound::AtLeast),
        "more-than" => (Some(v), None, Bound::MoreThan),
        "up-to" => (None, Some(v), Bound::UpTo),
        _ => (Some(v), Some(v), Bound::Exact),
    };
    Some(Figure { low, high, bound })
}

/// Where a number sits on a logarithmic axis from `min` to `max`, from 0 to 1.
pub fn log_position(value: u64, min: u64, max: u64) -> f64 {
    let (lo, hi) = ((min.max(1) as f64).log10(), (max.max(2) as f64).log10());
    if hi <= lo {
        return 0.5;
    }
    (((value.max(1) as f64).log10() - lo) / (hi - lo)).clamp(0.0, 1.0)
}

/// The axis for a set of figures: from a power of ten at or below the least
/// number to one at or above the greatest, and the ticks between.
pub fn log_axis(figures: &[Figure]) -> (u64, u64, Vec<u64>) {
    let numbers = figures.iter().flat_map(|f| f.low.into_iter().chain(f.high));
    let (least, most) = numbers.fold((u64::MAX, 0), |(a, b), n| (a.min(n), b.max(n)));
    if most == 0 {
        return (1, 10, vec![1, 10]);
    }
    let mut min = 1u64;
    while min.saturating_mul(10) <= least {
        min *= 10;
    }
    let mut max = min.saturating_mul(10);
    while max < most {
        max = max.saturating_mul(10);
    }
    let mut ticks = Vec::new();
    let mut t = min;
    while t <= max {
        ticks.push(t);
        t = t.saturating_mul(10);
        if t == u64::MAX {
            break;
        }
    }
    (min, max, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toll(value: Option<u64>, qualifier: &str) -> DeathToll {
        DeathToll {
            value,
            qualifier: qualifier.into(),
            as_written: String::new(),
        }
    }

    #[test]
    fn each_figure_is_the_interval_its_words_state() {
        let f = |v, q| figure(&toll(v, q)).expect("a figure");
        assert_eq!(f(Some(30_000), "more-than").low, Some(30_000));
        assert_eq!(f(Some(30_000), "more-than").high, None);
        assert_eq!(f(Some(30_000), "at-least").bound, Bound::AtLeast);
        assert_eq!(f(Some(5_000), "up-to").low, None);
        assert_eq!(f(Some(5_000), "up-to").high, Some(5_000));
        assert_eq!(f(Some(4_482), "unqualified").bound, Bound::Exact);
        let thousands = f(None, "thousands");
        assert_eq!((thousands.low, thousands.high), (Some(2_000), Some(9_999)));
        assert!(figure(&toll(None, "more-than")).is_none());
    }

    #[test]
    fn the_axis_spans_powers_of_ten_around_every_figure() {
        let figures = [
            figure(&toll(None, "thousands")).expect("words"),
            figure(&toll(Some(33_700), "more-than")).expect("number"),
        ];
        let (min, max, ticks) = log_axis(&figures);
        assert_eq!((min, max), (1_000, 100_000));
        assert_eq!(ticks, [1_000, 10_000, 100_000]);
        assert_eq!(log_position(10_000, min, max), 0.5);
        assert_eq!(log_position(1, min, max), 0.0);
    }
}
