//! The default list in pages: the events an address with no filter lists, in
//! its order, as rows of what the list shows of each (its date, heading and
//! summary). The build writes them as parts in that order (`publish::parts`), so
//! that a corpus too large to read unasked can still be paged through, each page
//! fetching only the part that holds it; the static first page is its first page.

use serde::{Deserialize, Serialize};

use crate::corpus::date::DateSpan;
use crate::corpus::model::{DateSpec, Kind};
use crate::query::filter::{Filter, Outcome};
use crate::query::index::Index;
use crate::query::order::ClaimOrder;

/// One event of the list: its id, date, heading and summary, as the corpus has
/// them. Written as a JSON list of the four.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListRow(pub String, pub Option<DateSpec>, pub String, pub String);

impl ListRow {
    pub fn id(&self) -> &str {
        &self.0
    }

    pub fn date(&self) -> Option<&DateSpec> {
        self.1.as_ref()
    }

    pub fn title(&self) -> &str {
        &self.2
    }

    pub fn summary(&self) -> &str {
        &self.3
    }

    /// The year the event starts in, which the list groups it under; `None`
    /// for an undated event (or a date the list cannot place), listed last.
    pub fn year(&self) -> Option<i32> {
        let when = &self.date()?.when;
        DateSpan::parse(when).ok().map(|span| span.year())
    }
}

/// The events an address with no filter lists, in its order (as the corpus's
/// numbers of them): the app's default view.
pub fn default_list(index: &Index) -> Vec<u32> {
    listed_by_default(index, Kind::Event)
}

/// The records of `kind` the view of that kind lists for an address with no
/// filter, in its order (claims by date), as their numbers among that kind.
pub fn listed_by_default(index: &Index, kind: Kind) -> Vec<u32> {
    let outcome = Outcome::new(index, &Filter::default(), kind);
    outcome.listing(index, kind, ClaimOrder::Date).items
}

/// The default list's rows, in its order.
pub fn rows(index: &Index) -> Vec<ListRow> {
    default_list(index)
        .into_iter()
        .map(|e| {
            let event = &index.corpus.events[e as usize];
            ListRow(
                event.id.clone(),
                event.date.clone(),
                event.title.clone(),
                event.summary.clone(),
            )
        })
        .collect()
}

/// Rows whose dates reach further than this, or are open at an end, "reach":
/// a date range can meet them far from where the list places them, so the
/// build also writes them apart (`publish::parts`, `Manifest::reach`), and each
/// part of the list says what days its other rows cover. Days are numbered
/// YYYYMMDD, so this is a year and a month: a year, or a span of up to about
/// thirteen months, does not reach.
pub const REACH: u32 = 10_100;

/// Whether the days `(first, last)` reach: the last further than [`REACH`]
/// from the first, or open at an end.
pub fn reaches((first, last): (u32, u32)) -> bool {
    last.saturating_sub(first) > REACH
}

impl ListRow {
    /// The first and last possible day of its date, as the filters count days;
    /// `None` for an undated event.
    pub fn days(&self) -> Option<(u32, u32)> {
        let when = &self.date()?.when;
        DateSpan::parse(when).ok().map(|span| span.bounds())
    }

    /// Whether its last day is further than [`REACH`] from its first, or it
    /// is open at an end.
    pub fn reaches(&self) -> bool {
        self.days().is_some_and(reaches)
    }
}

impl ListRow {
    /// Whether its date is inferred rather than stated in the text.
    pub fn inferred(&self) -> bool {
        self.date().is_some_and(DateSpec::is_inferred)
    }
}

/// A dated row's days as the parts of the list's days write them
/// (`ListRow::days`), with whether its date is inferred: the timeline draws
/// those apart. Written as a JSON list, `[first, last]`, or `[first, last, 1]`
/// where inferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayRow(pub u32, pub u32, pub bool);

impl DayRow {
    /// Of a row of the list; `None` for an undated one.
    pub fn of(row: &ListRow) -> Option<DayRow> {
        DayRow::of_date(row.date())
    }

    /// Of a record's date (as `ListRow::days` reads it); `None` for none.
    pub fn of_date(date: Option<&DateSpec>) -> Option<DayRow> {
        let date = date?;
        let (first, last) = DateSpan::parse(&date.when).ok()?.bounds();
        Some(DayRow(first, last, date.is_inferred()))
    }

    pub fn days(self) -> (u32, u32) {
        (self.0, self.1)
    }
}

impl Serialize for DayRow {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = to.serialize_seq(Some(2 + usize::from(self.2)))?;
        seq.serialize_element(&self.0)?;
        seq.serialize_element(&self.1)?;
        if self.2 {
            seq.serialize_element(&1u8)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for DayRow {
    fn deserialize<D: serde::Deserializer<'de>>(from: D) -> Result<DayRow, D::Error> {
        struct Seen;
        impl<'de> serde::de::Visitor<'de> for Seen {
            type Value = DayRow;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("[first, last] or [first, last, 1]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<DayRow, A::Error> {
                use serde::de::Error;
                let first = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let last = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(1, &self))?;
                let inferred = match seq.next_element::<u8>()? {
                    None => false,
                    Some(1) => true,
                    Some(other) => return Err(A::Error::custom(format!("{other}: 1 or nothing"))),
                };
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(4, &self));
                }
                Ok(DayRow(first, last, inferred))
            }
        }
        from.deserialize_seq(Seen)
    }
}

/// A row with its place in the default list (from 0): a row of an actor's
/// list. Written as a JSON list of the two.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlacedRow(pub usize, pub ListRow);

/// The first and last day (as `ListRow::days`) of a row of the default list
/// that reaches, with its place in the list (from 0). Written as a JSON list
/// of the three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedDays(pub usize, pub u32, pub u32);

/// What the lists by actor say of one actor, found by its id: its name, where
/// its rows begin among every actor's rows (`Manifest::by_actor_rows`, actors in
/// id order), and how many it has. Written as a JSON list of the three.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorList(pub String, pub usize, pub usize);

impl ActorList {
    pub fn name(&self) -> &str {
        &self.0
    }

    /// Its rows' positions among every actor's rows.
    pub fn rows(&self) -> std::ops::Range<usize> {
        self.1..self.1 + self.2
    }

    pub fn len(&self) -> usize {
        self.2
    }

    pub fn is_empty(&self) -> bool {
        self.2 == 0
    }
}

/// For each actor, by its place in the corpus, the places in the default list
/// (in order) of the events the events list keeps when that actor alone is
/// chosen: those that involve it and those that count under it through its
/// parts and its people in role (`Index::under`).
pub fn actor_places(index: &Index) -> Vec<Vec<u32>> {
    actor_places_in(index, Kind::Event, &default_list(index))
}

/// For each actor, by its place in the corpus, the places in `list` (records
/// of `kind` by their numbers among that kind, in a list's order) of those the
/// list keeps when that actor alone is chosen, ascending.
pub fn actor_places_in(index: &Index, kind: Kind, list: &[u32]) -> Vec<Vec<u32>> {
    let records = index.numbering.range(kind);
    let mut place_of = vec![u32::MAX; records.len()];
    for (place, r) in list.iter().enumerate() {
        if let Some(slot) = place_of.get_mut(*r as usize) {
            *slot = place as u32;
        }
    }
    let place = |&n: &u32| {
        let r = (n as usize).checked_sub(records.start)?;
        place_of.get(r).copied().filter(|&p| p != u32::MAX)
    };
    (index.involves.iter().zip(&index.through))
        .map(|(own, through)| {
            let mut places: Vec<u32> = own.iter().chain(through).filter_map(place).collect();
            places.sort_unstable();
            places.dedup();
            places
        })
        .collect()
}
