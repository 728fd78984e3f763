//! A fixed-size set of record numbers, one bit each: the currency of filtering.
//! A facet's matches, a vocabulary value's records, the records a filter keeps
//! are all sets over the same numbering, so combining filters is a word-wise AND
//! and counting is a popcount, whatever the size of the corpus.

use std::ops::Range;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// An empty set over `len` numbers.
    pub fn new(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The set of every number below `len`.
    pub fn full(len: usize) -> Bits {
        let mut bits = Bits {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        if !len.is_multiple_of(64) {
            if let Some(last) = bits.words.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        bits
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Keeps only what `other` holds too.
    pub fn and_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds everything `other` holds.
    pub fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Removes everything `other` holds.
    pub fn and_not_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// How many numbers in `range` the set holds.
    pub fn count_in(&self, range: Range<usize>) -> usize {
        self.count_with(None, range)
    }

    /// How many numbers in `range` both sets hold, without building their AND.
    pub fn count_both_in(&self, other: &Bits, range: Range<usize>) -> usize {
        self.count_with(Some(other), range)
    }

    fn count_with(&self, other: Option<&Bits>, range: Range<usize>) -> usize {
        let end = range.end.min(self.len);
        if range.start >= end {
            return 0;
        }
        let (first, last) = (range.start / 64, (end - 1) / 64);
        let mut n = 0;
        for w in first..=last {
            let mut word = self.words[w];
            if let Some(o) = other {
                word &= o.words.get(w).copied().unwrap_or(0);
            }
            if w == first {
                word &= u64::MAX << (range.start % 64);
            }
            if w == last && !end.is_multiple_of(64) {
                word &= (1u64 << (end % 64)) - 1;
            }
            n += word.count_ones() as usize;
        }
        n
    }

    /// The numbers in `range` the set holds, in ascending order.
    pub fn ones_in(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let end = range.end.min(self.len);
        let start = range.start.min(end);
        let (first, last) = (start / 64, end.div_ceil(64));
        (first..last).flat_map(move |w| {
            let mut word = self.words[w];
            if w == first {
                word &= u64::MAX << (start % 64);
            }
            if w + 1 == last && !end.is_multiple_of(64) {
                word &= (1u64 << (end % 64)) - 1;
            }
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let bit = word.trailing_zeros() as usize;
                word &= word - 1;
                Some(w * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lists_what_it_holds_within_a_range() {
        let mut b = Bits::new(200);
        for i in [0, 3, 63, 64, 65, 130, 199] {
            b.insert(i);
        }
        b.insert(500); // beyond the set: ignored, never a panic
        assert_eq!(b.count_in(0..200), 7);
        assert_eq!(b.count_in(3..65), 3);
        assert_eq!(b.count_in(64..64), 0);
        assert_eq!(b.ones_in(60..131).collect::<Vec<_>>(), [63, 64, 65, 130]);
        assert_eq!(b.ones_in(0..1000).count(), 7);
        assert!(b.contains(199) && !b.contains(198) && !b.contains(500));
    }

    #[test]
    fn full_sets_stop_at_their_length_and_combine() {
        let full = Bits::full(70);
        assert_eq!(full.count_in(0..1000), 70);
        let mut some = Bits::new(70);
        some.insert(1);
        some.insert(69);
        let mut both = full.clone();
        both.and_with(&some);
        assert_eq!(both, some);
        assert_eq!(full.count_both_in(&some, 2..70), 1);
        let mut rest = full.clone();
        rest.and_not_with(&some);
        assert_eq!(rest.count_in(0..70), 68);
        rest.or_with(&some);
        assert_eq!(rest, full);
        assert!(Bits::new(10).is_empty() && !full.is_empty());
    }
}
