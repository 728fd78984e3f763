//! Random date ranges for the tests that hold lists from parts to the app's
//! lists of the whole corpus, included by path.

/// A small, seeded generator of numbers, so that a failure can be run again.
pub struct Dice(pub u64);

impl Dice {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }

    /// A range's end as a reader types it: a year, a month or a day, or none.
    pub fn end(&mut self) -> String {
        let year = 1975 + self.below(55);
        let month = 1 + self.below(12);
        match self.below(5) {
            0 => String::new(),
            1 | 2 => year.to_string(),
            3 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{:02}", 1 + self.below(28)),
        }
    }
}
