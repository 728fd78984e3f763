//! Random date ranges and kinds for the tests that hold lists from parts to the app's
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

    /// One to three values of the kinds the events list filters by, chosen in
    /// `filter`, each of one to two kinds; now and then a value no vocabulary has.
    #[allow(dead_code)]
    pub fn kinds(&mut self, filter: &mut dossier::query::filter::Filter) {
        use dossier::query::filter::Facet;
        for _ in 0..1 + self.below(3) {
            let facet = Facet::TERMS[self.below(Facet::TERMS.len() as u64) as usize];
            let values: Vec<&str> = facet.vocab().unwrap().values().collect();
            let value = match self.below(12) {
                0 => "no-such-kind",
                n => {
                    values
                        [(n as usize * 7 + self.below(values.len() as u64) as usize) % values.len()]
                }
            };
            filter.choose(facet, value);
        }
    }
}
