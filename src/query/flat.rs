//! Many short lists of numbers kept in one array, a list per record: the filters
//! walk the actors of hundreds of thousands of records on every change, and one
//! array read in order is several times faster than a vector per record.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatLists {
    /// Where each list starts in `values`; one more entry than there are lists.
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl FlatLists {
    /// The lists in order. Numbers and the total length fit in `u32`: a corpus
    /// has far fewer than four billion links.
    pub fn new<'a>(lists: impl Iterator<Item = &'a [usize]>) -> FlatLists {
        let mut starts = vec![0];
        let mut values = Vec::new();
        for list in lists {
            values.extend(list.iter().map(|&v| v as u32));
            starts.push(values.len() as u32);
        }
        FlatLists { starts, values }
    }

    /// The list at `i`; empty past the last.
    pub fn get(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&from), Some(&to)) => &self.values[from as usize..to as usize],
            _ => &[],
        }
    }

    /// How many lists there are (none in a default, never built).
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::FlatLists;

    #[test]
    fn each_list_reads_back_as_it_went_in() {
        let lists: Vec<Vec<usize>> = vec![vec![3, 1], vec![], vec![7], vec![0, 0, 9]];
        let flat = FlatLists::new(lists.iter().map(Vec::as_slice));
        assert_eq!(flat.len(), 4);
        for (i, list) in lists.iter().enumerate() {
            let back: Vec<usize> = flat.get(i).iter().map(|&v| v as usize).collect();
            assert_eq!(&back, list, "list {i}");
        }
        assert!(flat.get(4).is_empty(), "past the last list");
    }

    #[test]
    fn no_lists_is_empty() {
        for flat in [FlatLists::new(std::iter::empty()), FlatLists::default()] {
            assert!(flat.is_empty());
            assert!(flat.get(0).is_empty());
        }
    }
}
