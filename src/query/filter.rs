//! The filters every view shares, and the live counts beside each choice.
//!
//! Within one facet, a record matches when it matches any chosen value; across
//! facets, it must match all. A facet about one kind of record reaches the others
//! through their links: choosing the claim kind "death toll" keeps the events and
//! sources those claims rest on.

use crate::corpus::date::{Calendar, DateError, DateWindow, TypedEnd};
use crate::corpus::model::Kind;
use crate::corpus::vocab::{self, Vocab};
use crate::i18n::Lang;
use crate::query::bits::Bits;
use crate::query::index::Index;
use crate::query::order::ClaimOrder;
use crate::query::search::query_words;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Start of the date range as typed: "1988", "2016-09", "2016-09-13", or empty.
    pub from: String,
    pub to: String,
    /// When a date range is set, whether records with no date are shown too.
    pub include_undated: bool,
    pub actors: Vec<String>,
    pub tags: Vec<String>,
    pub claim_kinds: Vec<String>,
    pub source_kinds: Vec<String>,
    /// Legal characterisations ("crime-against-humanity"), from claims.
    pub legal_terms: Vec<String>,
    pub text: String,
}

/// One facet of the filter, to count each facet's choices with the others applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Date,
    Actors,
    Tags,
    ClaimKinds,
    SourceKinds,
    LegalTerms,
    Text,
}

impl Facet {
    /// The facets whose choices come from a vocabulary.
    pub const TERMS: [Facet; 4] = [
        Facet::Tags,
        Facet::ClaimKinds,
        Facet::LegalTerms,
        Facet::SourceKinds,
    ];

    pub fn vocab(self) -> Option<&'static Vocab> {
        match self {
            Facet::Tags => Some(&vocab::EVENT_TAGS),
            Facet::ClaimKinds => Some(&vocab::CLAIM_KINDS),
            Facet::SourceKinds => Some(&vocab::SOURCE_KINDS),
            Facet::LegalTerms => Some(&vocab::LEGAL_TERMS),
            _ => None,
        }
    }

    /// The facet's name in the address (`?tag=killings`).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Date => "date",
            Facet::Actors => "actor",
            Facet::Tags => "tag",
            Facet::ClaimKinds => "claim",
            Facet::SourceKinds => "source",
            Facet::LegalTerms => "term",
            Facet::Text => "q",
        }
    }
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn chosen(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Actors => &self.actors,
            Facet::Tags => &self.tags,
            Facet::ClaimKinds => &self.claim_kinds,
            Facet::SourceKinds => &self.source_kinds,
            Facet::LegalTerms => &self.legal_terms,
            Facet::Date | Facet::Text => &[],
        }
    }

    pub fn chosen_mut(&mut self, facet: Facet) -> Option<&mut Vec<String>> {
        match facet {
            Facet::Actors => Some(&mut self.actors),
            Facet::Tags => Some(&mut self.tags),
            Facet::ClaimKinds => Some(&mut self.claim_kinds),
            Facet::SourceKinds => Some(&mut self.source_kinds),
            Facet::LegalTerms => Some(&mut self.legal_terms),
            Facet::Date | Facet::Text => None,
        }
    }

    /// Adds the value if it is not chosen yet.
    pub fn choose(&mut self, facet: Facet, value: &str) {
        if let Some(list) = self.chosen_mut(facet) {
            if !list.iter().any(|v| v == value) {
                list.push(value.to_string());
            }
        }
    }

    /// Adds the value if absent, removes it if present.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if let Some(list) = self.chosen_mut(facet) {
            match list.iter().position(|v| v == value) {
                Some(i) => {
                    list.remove(i);
                }
                None => list.push(value.to_string()),
            }
        }
    }

    /// The date range; an end that is not a date is named and left open.
    /// A year marked Solar Hijri ("1367sh", "۱۳۶۷ ه.ش") covers the Gregorian
    /// days of that year; a bare year is Gregorian, the corpus's calendar (the
    /// app marks a year it reads otherwise, so the address keeps the reading).
    pub fn window(&self) -> (DateWindow, Vec<DateError>) {
        let mut errors = Vec::new();
        let mut end = |text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            // "۱۹۸۸" as typed on a Persian keyboard is 1988.
            TypedEnd::read(text, Calendar::Gregorian)
                .map_err(|e| errors.push(e))
                .ok()
                .map(|end| end.gregorian())
        };
        let window = DateWindow {
            from: end(&self.from).map(|(first, _)| first),
            to: end(&self.to).map(|(_, last)| last),
        };
        (window, errors)
    }
}

/// What the date range keeps, and which events it keeps only possibly.
struct DateSets {
    /// Records whose dates overlap the range; actors, when something they are
    /// linked to does.
    overlapping: Bits,
    /// Events dated less precisely than the range: they overlap it but reach
    /// beyond it ("2016" for September 2016).
    loose_events: Bits,
}

fn date_sets(index: &Index, window: &DateWindow) -> DateSets {
    let total = index.numbering.total();
    let (lo, hi) = window.bounds();
    let mut overlapping = Bits::new(total);
    let mut loose_events = Bits::new(total);
    let events = index.numbering.range(Kind::Event);
    // Records sorted by first day: only those starting before the range ends can overlap.
    let end = index.by_first_day.partition_point(|d| d.first <= hi);
    for d in &index.by_first_day[..end] {
        if d.last >= lo {
            let n = d.number as usize;
            overlapping.insert(n);
            if events.contains(&n) && !(lo <= d.first && d.last <= hi) {
                loose_events.insert(n);
            }
        }
    }
    // An actor has no date of its own: it fits when something it is linked to does.
    let mut actors = Bits::new(total);
    let first_actor = index.numbering.range(Kind::Actor).start;
    if overlapping.count_in(0..total) > index.by_first_day.len() / 2 {
        // A wide range: asked of each actor, the search stops at its first
        // record in the range, long before the range's own links are walked.
        for (a, records) in index.involves.iter().enumerate() {
            // An actor's own number is never in `overlapping`: it has no date.
            if records.iter().any(|&n| overlapping.contains(n as usize)) {
                actors.insert(first_actor + a);
            }
        }
    } else {
        // A narrow one: the actors of the records in it.
        for kind in [Kind::Source, Kind::Event, Kind::Claim] {
            for n in overlapping.ones_in(index.numbering.range(kind)) {
                for &a in index.actors_of.get(n) {
                    actors.insert(first_actor + a as usize);
                }
            }
        }
    }
    overlapping.or_with(&actors);
    DateSets {
        overlapping,
        loose_events,
    }
}

/// The sets of records each facet's postings give for its values, in the
/// order of its vocabulary.
pub fn term_sets(index: &Index, facet: Facet) -> &[Bits] {
    match facet {
        Facet::Tags => &index.tag_sets,
        Facet::ClaimKinds => &index.claim_kind_sets,
        Facet::SourceKinds => &index.source_kind_sets,
        Facet::LegalTerms => &index.legal_term_sets,
        _ => &[],
    }
}

/// The records one facet keeps, or None when the facet is not in use.
fn facet_set(
    index: &Index,
    filter: &Filter,
    facet: Facet,
    dates: Option<&DateSets>,
) -> Option<Bits> {
    let total = index.numbering.total();
    match facet {
        Facet::Text => {
            let words = query_words(&filter.text);
            let mut words = words.iter();
            let first = words.next()?;
            // Until the text index is built, a search keeps nothing: the
            // outcome says the search is pending rather than show wrong results.
            let Some(text) = index.text.get() else {
                return Some(Bits::new(total));
            };
            let mut kept = text.matching(first, total);
            for w in words {
                kept.and_with(&text.matching(w, total));
            }
            Some(kept)
        }
        Facet::Actors => {
            if filter.actors.is_empty() {
                return None;
            }
            let mut kept = Bits::new(total);
            // An institution keeps its own records and those of its parts
            // and of its people in role (`Index::through`).
            for a in filter
                .actors
                .iter()
                .filter_map(|id| index.find(id, Kind::Actor))
            {
                index.under(a, &mut kept);
            }
            Some(kept)
        }
        Facet::Tags | Facet::ClaimKinds | Facet::SourceKinds | Facet::LegalTerms => {
            let chosen = filter.chosen(facet);
            if chosen.is_empty() {
                return None;
            }
            let vocab = facet.vocab()?;
            let sets = term_sets(index, facet);
            let mut kept = Bits::new(total);
            for (value, set) in vocab.values().zip(sets) {
                if chosen.iter().any(|c| c == value) {
                    kept.or_with(set);
                }
            }
            Some(kept)
        }
        Facet::Date => {
            let mut kept = dates?.overlapping.clone();
            if filter.include_undated {
                let mut undated = Bits::full(total);
                undated.and_not_with(&index.dated);
                kept.or_with(&undated);
            }
            Some(kept)
        }
    }
}

/// What a view shows for a filter: which records of every kind it keeps and the
/// counts beside each choice, worked out from the indexes for the components to read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    numbering: crate::query::index::Numbering,
    /// The records every facet keeps, by number.
    pub kept: Bits,
    /// The records every facet but the date keeps: what the timeline counts,
    /// so it shows where the other filters' records fall, in the range or not.
    pub kept_but_date: Bits,
    /// Kept events dated less precisely than the date range.
    pub loose_events: Bits,
    /// Undated records of the counted kind hidden by the date range.
    pub undated_hidden: usize,
    /// The records every facet but the actors keeps, and the kind counted:
    /// what `actor_count` and `actor_through` count, for the few actors on
    /// screen only, so that no filter change pays for every actor's count.
    kept_but_actors: Bits,
    counted: std::ops::Range<usize>,
    /// Per vocabulary facet, each value's count of records of the counted kind.
    pub term_counts: Vec<(Facet, Vec<(&'static str, usize)>)>,
    /// Date-range ends that are not dates, and why (the app words them).
    pub date_errors: Vec<DateError>,
    /// A search is asked for but the text index is still being built.
    pub search_pending: bool,
}

impl Outcome {
    /// `counted` is the kind of record the current view lists.
    pub fn new(index: &Index, filter: &Filter, counted: Kind) -> Outcome {
        let total = index.numbering.total();
        let (window, date_errors) = filter.window();
        let dates = (!window.is_open()).then(|| date_sets(index, &window));
        const ALL: [Facet; 7] = [
            Facet::Text,
            Facet::Actors,
            Facet::Tags,
            Facet::ClaimKinds,
            Facet::LegalTerms,
            Facet::SourceKinds,
            Facet::Date,
        ];
        let sets: Vec<(Facet, Bits)> = ALL
            .iter()
            .filter_map(|&f| facet_set(index, filter, f, dates.as_ref()).map(|b| (f, b)))
            .collect();
        // What every facet but one keeps: the base of that facet's counts.
        let all_but = |skip: Option<Facet>| {
            let mut kept = Bits::full(total);
            for (f, set) in &sets {
                if Some(*f) != skip {
                    kept.and_with(set);
                }
            }
            kept
        };
        let kept = all_but(None);
        let counted_range = index.numbering.range(counted);

        let kept_but_date = all_but(Some(Facet::Date));
        let undated_hidden = match &dates {
            Some(_) if !filter.include_undated => {
                let mut undated = kept_but_date.clone();
                undated.and_not_with(&index.dated);
                undated.count_in(counted_range.clone())
            }
            _ => 0,
        };
        let base = all_but(Some(Facet::Actors));
        let term_counts = Facet::TERMS
            .iter()
            .map(|&facet| {
                let base = all_but(Some(facet));
                let counts = facet
                    .vocab()
                    .map(|v| v.values().zip(term_sets(index, facet)))
                    .into_iter()
                    .flatten()
                    .map(|(value, set)| (value, set.count_both_in(&base, counted_range.clone())))
                    .collect();
                (facet, counts)
            })
            .collect();
        let mut loose_events = dates.map(|d| d.loose_events).unwrap_or_default();
        loose_events.and_with(&kept);
        Outcome {
            numbering: index.numbering,
            kept,
            kept_but_date,
            loose_events,
            undated_hidden,
            kept_but_actors: base,
            counted: counted_range,
            term_counts,
            date_errors,
            // A text facet is in use only when the query has words.
            search_pending: index.text.get().is_none()
                && sets.iter().any(|(f, _)| *f == Facet::Text),
        }
    }

    /// How many records of a kind the filter keeps.
    pub fn count(&self, kind: Kind) -> usize {
        self.kept.count_in(self.numbering.range(kind))
    }

    /// Whether the filter keeps the record of a kind at a position.
    pub fn keeps(&self, kind: Kind, idx: usize) -> bool {
        self.kept.contains(self.numbering.number(kind, idx))
    }

    /// How many of the given records of a kind the filter keeps.
    pub fn count_of(&self, kind: Kind, positions: &[usize]) -> usize {
        positions.iter().filter(|&&i| self.keeps(kind, i)).count()
    }

    /// Positions of the kept records of a kind, in the order the list shows
    /// them; for events, those dated less precisely than the range come last,
    /// from `Listing::loose_from` on.
    pub fn listing(&self, index: &Index, kind: Kind, order: ClaimOrder) -> Listing {
        let start = self.numbering.range(kind).start;
        let keeps = |i: u32| self.kept.contains(start + i as usize);
        let loose = |i: u32| self.loose_events.contains(start + i as usize);
        let order = index.order(kind, order);
        let mut items: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| keeps(i) && !loose(i))
            .collect();
        let loose_from = items.len();
        if kind == Kind::Event && !self.loose_events.is_empty() {
            items.extend(order.iter().copied().filter(|&i| keeps(i) && loose(i)));
        }
        Listing { items, loose_from }
    }

    /// How many of the records numbered in `list` (ascending) are of the
    /// counted kind and kept by every facet but the actors.
    fn kept_of_counted(&self, list: &[u32]) -> u32 {
        let range = &self.counted;
        let lo = list.partition_point(|&n| (n as usize) < range.start);
        let hi = list.partition_point(|&n| (n as usize) < range.end);
        list[lo..hi]
            .iter()
            .filter(|&&n| self.kept_but_actors.contains(n as usize))
            .count() as u32
    }

    /// Matching records of the counted kind, with the actor at this position
    /// chosen, that involve it itself ("own").
    pub fn actor_count(&self, index: &Index, a: usize) -> u32 {
        index
            .involves
            .get(a)
            .map_or(0, |list| self.kept_of_counted(list))
    }

    /// `actor_count` of every actor at once, walking the kept records: the
    /// type-ahead ranks every actor by it.
    pub fn actor_counts(&self, index: &Index) -> Vec<u32> {
        let mut counts = vec![0u32; index.len(Kind::Actor)];
        for n in self.kept_but_actors.ones_in(self.counted.clone()) {
            for &a in index.actors_of.get(n) {
                if let Some(count) = counts.get_mut(a as usize) {
                    *count += 1;
                }
            }
        }
        counts
    }

    /// Matching records of the counted kind that the actor at this position
    /// keeps only through its parts and its people in role (`Index::through`).
    pub fn actor_through(&self, index: &Index, a: usize) -> u32 {
        index
            .through
            .get(a)
            .map_or(0, |list| self.kept_of_counted(list))
    }

    /// What choosing the actor at this position keeps of the counted kind:
    /// its own records, and those through its parts and people in role.
    pub fn actor_total(&self, index: &Index, a: usize) -> u32 {
        self.actor_count(index, a) + self.actor_through(index, a)
    }

    /// `actor_total` of every actor, for the type-ahead's order.
    pub fn actor_totals(&self, index: &Index) -> Vec<u32> {
        self.actor_counts(index)
            .into_iter()
            .enumerate()
            .map(|(a, own)| own + self.actor_through(index, a))
            .collect()
    }

    pub fn term_count(&self, facet: Facet, value: &str) -> usize {
        self.term_counts
            .iter()
            .find(|(f, _)| *f == facet)
            .and_then(|(_, counts)| counts.iter().find(|(v, _)| *v == value))
            .map_or(0, |(_, n)| *n)
    }
}

/// A filter that what is typed in the search box names: "crimes against
/// humanity" names the legal characterisation, "UN" the United Nations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// A vocabulary value of a facet.
    Term(Facet, &'static str),
    /// The actor at this position.
    Actor(usize),
}

impl Offer {
    /// The filter with this choice made instead of the search: what applying it gives.
    pub fn applied(self, index: &Index, filter: &Filter) -> Filter {
        let mut f = Filter {
            text: String::new(),
            ..filter.clone()
        };
        match self {
            Offer::Term(facet, value) => f.choose(facet, value),
            Offer::Actor(a) => {
                if let Some(actor) = index.corpus.actors.get(a) {
                    f.choose(Facet::Actors, &actor.id);
                }
            }
        }
        f
    }

    /// How many records of a kind applying it keeps.
    pub fn count(self, index: &Index, filter: &Filter, kind: Kind) -> usize {
        Outcome::new(index, &self.applied(index, filter), kind).count(kind)
    }
}

/// The filters the search text names: its words, folded and stemmed as
/// search reads them, are those of a vocabulary label (in the interface's
/// language or in English); or, folded, it is an actor's name, alias or
/// acronym. Choices already made are not offered again.
pub fn offers(index: &Index, filter: &Filter, lang: Lang) -> Vec<Offer> {
    let typed = query_words(&filter.text);
    if typed.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for facet in [
        Facet::LegalTerms,
        Facet::ClaimKinds,
        Facet::Tags,
        Facet::SourceKinds,
    ] {
        let Some(vocab) = facet.vocab() else { continue };
        for value in vocab.values() {
            let names = [lang.term(vocab, value), vocab.label(value)];
            if names.iter().any(|n| query_words(n) == typed)
                && !filter.chosen(facet).iter().any(|v| v == value)
            {
                out.push(Offer::Term(facet, value));
            }
        }
    }
    // Names are compared whole, folded as the type-ahead folds them: no
    // text is built per actor, so this stays cheap with 10,000 of them.
    let wanted = crate::corpus::text::fold(&crate::corpus::text::collapse_whitespace(&filter.text));
    for (a, names) in index.actor_names.iter().enumerate() {
        let named =
            names.contains(&wanted) || index.actor_acronyms.get(a).is_some_and(|x| *x == wanted);
        if named && !filter.actors.contains(&index.corpus.actors[a].id) {
            out.push(Offer::Actor(a));
        }
    }
    out
}

/// The kept records of one kind, in display order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    pub items: Vec<u32>,
    /// Where the events dated less precisely than the range begin; `items.len()`
    /// when there are none.
    pub loose_from: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Corpus;
    use crate::query::index::Reach;

    /// Three events (1988, September 2016, undated), claims about them, sources.
    fn index() -> Index {
        let corpus: Corpus = serde_json::from_value(serde_json::json!({
            "sources": [
                {"id": "src-un", "kind": "un-report", "title": "UN report", "date": {"when": "2017-03", "basis": "stated"}},
                {"id": "src-paper", "kind": "news-article", "title": "Tribune de Genève", "publisher": "act-paper"},
            ],
            "actors": [
                {"id": "act-un", "name": "United Nations", "kind": "un-body"},
                {"id": "act-ngo", "name": "Amnesty International", "kind": "ngo", "aliases": ["AI"]},
                {"id": "act-paper", "name": "Tribune de Genève", "kind": "outlet"},
            ],
            "events": [
                {"id": "ev-killings", "title": "Mass executions", "summary": "Prisoners were executed.",
                 "date": {"when": "1988-06/1988-09", "label": "summer 1988", "basis": "stated"},
                 "tags": ["killings"], "evidence": [{"source": "src-un", "quote": "q"}]},
                {"id": "ev-motion", "title": "Motion tabled", "summary": "A motion in Parliament.",
                 "date": {"when": "2016-09-13", "basis": "stated"}, "tags": ["parliamentary"],
                 "actors": [{"actor": "act-ngo"}], "evidence": [{"source": "src-paper", "quote": "q"}]},
                {"id": "ev-vigil", "title": "Vigil", "summary": "A vigil was held.", "tags": ["commemoration"],
                 "evidence": [{"source": "src-paper", "quote": "q"}]},
            ],
            "claims": [
                {"id": "cl-toll", "claimant": "act-ngo", "voice": "attributed", "kind": "death-toll",
                 "paraphrase": "Amnesty said thousands were killed.", "events": ["ev-killings"],
                 "reported_in": "src-paper", "quote": "thousands", "date": {"when": "2017", "basis": "stated"}},
                {"id": "cl-cah", "claimant": "act-un", "voice": "attributed", "kind": "legal-characterisation",
                 "paraphrase": "The UN called it a crime against humanity.", "events": ["ev-killings"],
                 "reported_in": "src-un", "quote": "crime", "legal_terms": ["crime-against-humanity"]},
            ],
        }))
        .expect("test corpus reads");
        Index::new(corpus)
    }

    fn ids(index: &Index, kind: Kind, filter: &Filter) -> Vec<String> {
        let listing = Outcome::new(index, filter, kind).listing(index, kind, ClaimOrder::Date);
        let positions: Vec<usize> = listing.items.iter().map(|&i| i as usize).collect();
        let mut out = index.ids(kind, &positions);
        out.sort();
        out
    }

    #[test]
    fn no_filter_keeps_everything() {
        let ix = index();
        let f = Filter::default();
        assert_eq!(ids(&ix, Kind::Event, &f).len(), 3);
        assert_eq!(ids(&ix, Kind::Claim, &f).len(), 2);
        assert_eq!(ids(&ix, Kind::Actor, &f).len(), 3);
    }

    #[test]
    fn a_date_range_keeps_overlapping_records_and_counts_the_undated_it_hides() {
        let ix = index();
        let f = Filter {
            from: "1988-09".into(),
            to: "2016".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Event, &f), ["ev-killings", "ev-motion"]);
        assert_eq!(Outcome::new(&ix, &f, Kind::Event).undated_hidden, 1);
        let f = Filter {
            include_undated: true,
            ..f
        };
        assert_eq!(
            ids(&ix, Kind::Event, &f),
            ["ev-killings", "ev-motion", "ev-vigil"]
        );
        // A claim with no date of its own is undated, not given its source's date.
        let f = Filter {
            from: "2017".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Claim, &f), ["cl-toll"]);
    }

    #[test]
    fn an_end_that_is_not_a_date_is_named_and_left_open() {
        let ix = index();
        let f = Filter {
            from: "1988".into(),
            to: "2016-13".into(),
            ..Filter::default()
        };
        let (window, errors) = f.window();
        assert!(window.to.is_none());
        assert_eq!(errors.len(), 1);
        assert_eq!(ids(&ix, Kind::Event, &f), ["ev-killings", "ev-motion"]);
    }

    #[test]
    fn a_range_typed_in_persian_digits_is_the_same_range() {
        let ix = index();
        let latin = Filter {
            from: "1988".into(),
            to: "2016-09".into(),
            ..Filter::default()
        };
        let persian = Filter {
            from: "۱۹۸۸".into(),
            to: "٢٠١٦-٠٩".into(),
            ..Filter::default()
        };
        assert!(persian.window().1.is_empty());
        assert_eq!(persian.window().0, latin.window().0);
        assert_eq!(
            ids(&ix, Kind::Event, &persian),
            ids(&ix, Kind::Event, &latin)
        );
    }

    #[test]
    fn a_solar_hijri_year_keeps_what_falls_between_its_nowruzes() {
        let ix = index();
        // 1367 SH is 21 March 1988 to 20 March 1989: summer 1988 is in it.
        for typed in ["1367sh", "۱۳۶۷ ه.ش", "1367 SH"] {
            let f = Filter {
                from: typed.into(),
                to: typed.into(),
                ..Filter::default()
            };
            assert!(f.window().1.is_empty(), "{typed}");
            assert_eq!(ids(&ix, Kind::Event, &f), ["ev-killings"], "{typed}");
        }
        // 1395 SH (20 March 2016 to 20 March 2017) holds the September 2016 motion.
        let f = Filter {
            from: "1395sh".into(),
            to: "1395sh".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Event, &f), ["ev-motion"]);
        // Read as the Gregorian year 1367, nothing in the corpus is that old.
        let f = Filter {
            from: "1367ad".into(),
            to: "1367ad".into(),
            ..Filter::default()
        };
        assert!(ids(&ix, Kind::Event, &f).is_empty());
    }

    #[test]
    fn choosing_actors_keeps_what_involves_any_of_them() {
        let ix = index();
        let f = Filter {
            actors: vec!["act-ngo".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Claim, &f), ["cl-toll"]);
        assert_eq!(ids(&ix, Kind::Event, &f), ["ev-motion"]);
        assert_eq!(ids(&ix, Kind::Actor, &f), ["act-ngo"]);
        let f = Filter {
            actors: vec!["act-ngo".into(), "act-un".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Claim, &f), ["cl-cah", "cl-toll"]);
        // A publisher involves its source.
        let f = Filter {
            actors: vec!["act-paper".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Source, &f), ["src-paper"]);
    }

    #[test]
    fn kinds_reach_other_views_through_links() {
        let ix = index();
        let f = Filter {
            claim_kinds: vec!["death-toll".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Claim, &f), ["cl-toll"]);
        assert_eq!(ids(&ix, Kind::Event, &f), ["ev-killings"]);
        assert_eq!(ids(&ix, Kind::Source, &f), ["src-paper"]);
        let f = Filter {
            tags: vec!["parliamentary".into(), "commemoration".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Event, &f), ["ev-motion", "ev-vigil"]);
        let f = Filter {
            source_kinds: vec!["un-report".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Claim, &f), ["cl-cah"]);
    }

    #[test]
    fn text_search_ignores_case_and_accents_and_needs_every_word() {
        let ix = index();
        // Until the text index is built, a search keeps nothing and says so.
        let unready = Index::without_text(ix.corpus.clone());
        let f = Filter {
            text: "amnesty".into(),
            ..Filter::default()
        };
        let out = Outcome::new(&unready, &f, Kind::Claim);
        assert!(out.search_pending && out.count(Kind::Claim) == 0);
        let out = Outcome::new(&ix, &f, Kind::Claim);
        assert!(!out.search_pending && out.count(Kind::Claim) == 1);
        let f = Filter {
            text: "GENEVE".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Source, &f), ["src-paper"]);
        let f = Filter {
            text: "crime humanity".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Claim, &f), ["cl-cah"]);
        let f = Filter {
            text: "crime thousands".into(),
            ..Filter::default()
        };
        assert!(ids(&ix, Kind::Claim, &f).is_empty());
        // Typed names find actors by name or alias, whatever the case and accents.
        assert_eq!(
            ix.actor_named(" tribune de GENEVE").map(|a| a.id.as_str()),
            Some("act-paper")
        );
        assert_eq!(ix.actor_named("AI").map(|a| a.id.as_str()), Some("act-ngo"));
        assert!(ix.actor_named("Amnesty").is_none());
        // Aliases find actors.
        let f = Filter {
            text: "ai".into(),
            ..Filter::default()
        };
        assert!(ids(&ix, Kind::Actor, &f).contains(&"act-ngo".to_string()));
    }

    #[test]
    fn filters_combine() {
        let ix = index();
        let f = Filter {
            from: "2017".into(),
            claim_kinds: vec!["death-toll".into(), "legal-characterisation".into()],
            actors: vec!["act-ngo".into(), "act-un".into()],
            text: "amnesty".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&ix, Kind::Claim, &f), ["cl-toll"]);
    }

    #[test]
    fn counts_beside_each_choice_apply_the_other_facets() {
        let ix = index();
        let f = Filter {
            claim_kinds: vec!["death-toll".into()],
            ..Filter::default()
        };
        let out = Outcome::new(&ix, &f, Kind::Claim);
        // The kind facet's own counts ignore the kind chosen, so the alternatives show.
        assert_eq!(out.term_count(Facet::ClaimKinds, "death-toll"), 1);
        assert_eq!(
            out.term_count(Facet::ClaimKinds, "legal-characterisation"),
            1
        );
        assert_eq!(out.term_count(Facet::ClaimKinds, "denial"), 0);
        let ngo = ix.find("act-ngo", Kind::Actor).unwrap();
        let un = ix.find("act-un", Kind::Actor).unwrap();
        assert_eq!(
            (out.actor_count(&ix, ngo), out.actor_count(&ix, un)),
            (1, 0)
        );
        // Events come out in time order, undated last.
        let all = Outcome::new(&ix, &Filter::default(), Kind::Event);
        let order: Vec<&str> = all
            .listing(&ix, Kind::Event, ClaimOrder::Date)
            .items
            .iter()
            .map(|&e| ix.corpus.events[e as usize].id.as_str())
            .collect();
        assert_eq!(order, ["ev-killings", "ev-motion", "ev-vigil"]);
    }

    #[test]
    fn what_is_typed_offers_the_filter_it_names() {
        let ix = index();
        let typed = |text: &str| Filter {
            text: text.into(),
            ..Filter::default()
        };
        let f = typed("Crimes against humanity");
        let offers = offers(&ix, &f, Lang::En);
        assert_eq!(
            offers,
            [Offer::Term(Facet::LegalTerms, "crime-against-humanity")]
        );
        assert_eq!(offers[0].count(&ix, &f, Kind::Claim), 1);
        let applied = offers[0].applied(&ix, &f);
        assert!(applied.text.is_empty() && applied.legal_terms == ["crime-against-humanity"]);
        // An alias names its actor; a word inside a name does not.
        let ngo = ix.find("act-ngo", Kind::Actor).unwrap();
        assert_eq!(
            super::offers(&ix, &typed("ai"), Lang::En),
            [Offer::Actor(ngo)]
        );
        assert!(super::offers(&ix, &typed("amnesty"), Lang::En).is_empty());
        // Nothing is offered that is chosen already.
        let chosen = Filter {
            legal_terms: vec!["crime-against-humanity".into()],
            ..f
        };
        assert!(super::offers(&ix, &chosen, Lang::En).is_empty());
    }

    /// The UN, its Human Rights Council, a mandate within it, and two people:
    /// one in the mandate's role, one in the UN's, both dated March 2017.
    fn institutions() -> Index {
        let corpus: Corpus = serde_json::from_value(serde_json::json!({
            "sources": [
                {"id": "src-report", "kind": "un-report", "title": "Report", "date": {"when": "2017-03-17", "basis": "stated"}},
            ],
            "actors": [
                {"id": "act-un", "name": "United Nations", "kind": "international-org", "aliases": ["UN"]},
                {"id": "act-hrc", "name": "UN Human Rights Council", "kind": "un-body",
                 "part_of": [{"of": "act-un", "basis": "reference"}]},
                {"id": "act-sr", "name": "UN Special Rapporteur on Iran", "kind": "un-body",
                 "part_of": [{"of": "act-hrc", "basis": "reference"}]},
                {"id": "act-jahangir", "name": "Asma Jahangir", "kind": "person",
                 "roles": [{"title": "Special Rapporteur", "of": "act-sr", "date": {"when": "2017-03", "basis": "stated"}, "source": "src-report"}]},
                {"id": "act-guterres", "name": "António Guterres", "kind": "person",
                 "roles": [{"title": "Secretary-General of the United Nations", "of": "act-un", "date": {"when": "2017-03", "basis": "stated"}, "source": "src-report"}]},
                {"id": "act-ngo", "name": "Human Rights Watch", "kind": "ngo"},
            ],
            "events": [
                {"id": "ev-1988", "title": "Killings", "summary": "s", "date": {"when": "1988", "basis": "stated"},
                 "evidence": [{"source": "src-report", "quote": "q"}]},
            ],
            "claims": [
                {"id": "cl-sr", "claimant": "act-jahangir", "voice": "attributed", "kind": "allegation",
                 "paraphrase": "p", "events": ["ev-1988"], "reported_in": "src-report", "quote": "q",
                 "date": {"when": "2017-03-17", "basis": "stated"}},
                {"id": "cl-sr-old", "claimant": "act-jahangir", "voice": "attributed", "kind": "allegation",
                 "paraphrase": "p", "events": ["ev-1988"], "reported_in": "src-report", "quote": "q",
                 "date": {"when": "2005", "basis": "stated"}},
                {"id": "cl-sg", "claimant": "act-guterres", "voice": "attributed", "kind": "allegation",
                 "paraphrase": "p", "events": ["ev-1988"], "reported_in": "src-report", "quote": "q",
                 "date": {"when": "2017-03-30", "basis": "stated"}},
                {"id": "cl-hrc", "claimant": "act-hrc", "voice": "attributed", "kind": "allegation",
                 "paraphrase": "p", "events": ["ev-1988"], "reported_in": "src-report", "quote": "q"},
                {"id": "cl-ngo", "claimant": "act-ngo", "voice": "attributed", "kind": "allegation",
                 "paraphrase": "p", "events": ["ev-1988"], "reported_in": "src-report", "quote": "q"},
            ],
        }))
        .expect("test corpus reads");
        Index::new(corpus)
    }

    #[test]
    fn an_institution_keeps_its_parts_and_its_people_in_role_at_the_time() {
        let ix = institutions();
        let by = |id: &str| Filter {
            actors: vec![id.into()],
            ..Filter::default()
        };
        // The mandate: its rapporteur's claim made while she held it, not one from 2005.
        assert_eq!(ids(&ix, Kind::Claim, &by("act-sr")), ["cl-sr"]);
        // The UN: its council, the council's mandate and its rapporteur, its Secretary-General.
        assert_eq!(
            ids(&ix, Kind::Claim, &by("act-un")),
            ["cl-hrc", "cl-sg", "cl-sr"]
        );
        assert_eq!(
            ids(&ix, Kind::Actor, &by("act-un")),
            [
                "act-guterres",
                "act-hrc",
                "act-jahangir",
                "act-sr",
                "act-un"
            ]
        );
        // Counts say which is which: none of its own, three through others.
        let out = Outcome::new(&ix, &Filter::default(), Kind::Claim);
        let un = ix.find("act-un", Kind::Actor).unwrap();
        assert_eq!(
            (out.actor_count(&ix, un), out.actor_through(&ix, un)),
            (0, 3)
        );
        assert_eq!(out.actor_total(&ix, un), 3);
        // Each record says how it counts.
        let jahangir = ix.find("act-jahangir", Kind::Actor).unwrap();
        let hrc = ix.find("act-hrc", Kind::Actor).unwrap();
        let n = |id: &str| {
            let c = ix.find(id, Kind::Claim).unwrap();
            ix.numbering.number(Kind::Claim, c)
        };
        assert_eq!(
            ix.reached_through(n("cl-sr"), un),
            [Reach::Role {
                person: jahangir,
                role: 0
            }]
        );
        assert_eq!(ix.reached_through(n("cl-hrc"), un), [Reach::Part(hrc)]);
        assert!(ix.reached_through(n("cl-hrc"), hrc).is_empty(), "its own");
        assert!(ix.reached_through(n("cl-ngo"), un).is_empty());
        // Parts and people in role, for the institution's page.
        assert_eq!(ix.parts[un], [hrc as u32]);
        let guterres = ix.find("act-guterres", Kind::Actor).unwrap();
        assert_eq!(ix.role_holders[un], [(guterres as u32, 0)]);
    }

    #[test]
    fn type_ahead_puts_names_acronyms_and_aliases_that_begin_with_the_text_first() {
        let ix = institutions();
        let counts = vec![0u32; ix.len(Kind::Actor)];
        let names = |typed: &str| -> Vec<&str> {
            ix.actor_suggestions(typed, &counts, 5)
                .into_iter()
                .map(|a| ix.corpus.actors[a].name.as_str())
                .collect()
        };
        // "UN" is the UN's alias; the bodies' names begin with it; "Asma
        // Jahangir" and "Human Rights Watch" only have it inside a word.
        assert_eq!(
            names("UN"),
            [
                "United Nations",
                "UN Human Rights Council",
                "UN Special Rapporteur on Iran"
            ]
        );
        assert_eq!(names("hrw"), ["Human Rights Watch"]);
        assert_eq!(names("unhrc"), ["UN Human Rights Council"]);
        // A word that begins with the text before a match inside a word.
        assert_eq!(names("rap"), ["UN Special Rapporteur on Iran"]);
        assert_eq!(names("an")[0], "António Guterres");
    }

    #[test]
    fn toggling_a_choice_adds_then_removes_it() {
        let mut f = Filter::default();
        f.toggle(Facet::Tags, "conference");
        assert_eq!(f.tags, ["conference"]);
        f.toggle(Facet::Tags, "conference");
        assert!(f.is_empty());
        f.choose(Facet::Actors, "act-a");
        f.choose(Facet::Actors, "act-a");
        assert_eq!(f.actors, ["act-a"]);
    }
}
