//! What the charts draw, worked out without the browser: who characterised what
//! how (claimants against legal terms), and each death-toll figure as the
//! interval its words state. Figures are never merged or averaged: each claim
//! is its own mark.

use crate::filter::Outcome;
use crate::hash::FastMap;
use crate::index::Index;
use crate::model::{DeathToll, Kind};
use crate::vocab;

/// Who made a claim, for the matrix's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Speaker {
    Actor(usize),
    /// The reporting source speaking in its own voice.
    Source(usize),
}

/// One claimant's row: how many kept claims use each legal term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    /// The claimant, by position among actors; None where the reporting
    /// article speaks in its own voice.
    pub actor: Option<usize>,
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
/// claimant and a column per legal term, most prolific claimants first.
pub fn who_said_what(index: &Index, outcome: &Outcome, limit: usize) -> Matrix {
    let claims = &index.corpus.claims;
    let terms = &vocab::LEGAL_TERMS;
    // Only claims that use a legal term, from the postings: at 100,000 records
    // most claims use none, and touching each would cost the most.
    let mut characterising = outcome.kept.clone();
    let mut any_term = crate::bits::Bits::new(index.numbering.total());
    for set in &index.legal_term_sets {
        any_term.or_with(set);
    }
    characterising.and_with(&any_term);
    // Rows by who made the claim: an actor, or a reporting source's own voice.
    let mut rows: Vec<(Speaker, Vec<u32>, u32)> = Vec::new();
    let mut row_of: FastMap<Speaker, usize> = FastMap::default();
    let mut used = vec![false; terms.terms.len()];
    let start = index.numbering.range(Kind::Claim).start;
    for n in characterising.ones_in(index.numbering.range(Kind::Claim)) {
        let c = n - start;
        let claim = &claims[c];
        // The author voice is one row per reporting source, as readers name it.
        let speaker = match index.claimant_of.get(c).copied().flatten() {
            Some(a) => Speaker::Actor(a as usize),
            None => Speaker::Source(
                index
                    .reported_in_of
                    .get(c)
                    .copied()
                    .flatten()
                    .map_or(usize::MAX, |s| s as usize),
            ),
        };
        let r = *row_of.entry(speaker).or_insert_with(|| {
            rows.push((speaker, vec![0; terms.terms.len()], 0));
            rows.len() - 1
        });
        rows[r].2 += 1;
        for t in &claim.legal_terms {
            if let Some(p) = terms.values().position(|v| v == t) {
                rows[r].1[p] += 1;
                used[p] = true;
            }
        }
    }
    let name = |speaker: Speaker| match speaker {
        Speaker::Actor(a) => index.corpus.actors[a].name.clone(),
        Speaker::Source(s) => match index.corpus.sources.get(s) {
            Some(source) => format!("Author of “{}”", source.title),
            None => "Unattributed".to_string(),
        },
    };
    // Most claims first, ties in the order claimants first appear; only the
    // rows shown are named, since a large corpus has thousands of claimants.
    rows.sort_by_key(|row| std::cmp::Reverse(row.2));
    let more = rows.len().saturating_sub(limit);
    rows.truncate(limit);
    let mut rows: Vec<MatrixRow> = rows
        .into_iter()
        .map(|(speaker, counts, claims)| MatrixRow {
            actor: match speaker {
                Speaker::Actor(a) => Some(a),
                Speaker::Source(_) => None,
            },
            name: name(speaker),
            counts,
            claims,
        })
        .collect();
    // Keep only the columns some claim uses.
    for row in &mut rows {
        row.counts = row
            .counts
            .iter()
            .zip(&used)
            .filter(|(_, u)| **u)
            .map(|(c, _)| *c)
            .collect();
    }
    Matrix {
        terms: terms
            .values()
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
