//! The filters every view shares, and the live counts beside each choice.
//!
//! Within one facet, a record matches when it matches any chosen value; across
//! facets, it must match all. A facet about one kind of record reaches the others
//! through their links: choosing the claim kind "death toll" keeps the events and
//! sources those claims rest on.

use crate::date::{DateError, DateSpan, DateWindow, PartialDate};
use crate::index::{Facts, Index};
use crate::model::Kind;
use crate::text::fold;
use crate::vocab::{self, Vocab};

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
    Text,
}

impl Facet {
    /// The facets whose choices come from a vocabulary.
    pub const TERMS: [Facet; 3] = [Facet::Tags, Facet::ClaimKinds, Facet::SourceKinds];

    pub fn vocab(self) -> Option<&'static Vocab> {
        match self {
            Facet::Tags => Some(&vocab::EVENT_TAGS),
            Facet::ClaimKinds => Some(&vocab::CLAIM_KINDS),
            Facet::SourceKinds => Some(&vocab::SOURCE_KINDS),
            _ => None,
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
            Facet::Date | Facet::Text => &[],
        }
    }

    pub fn chosen_mut(&mut self, facet: Facet) -> Option<&mut Vec<String>> {
        match facet {
            Facet::Actors => Some(&mut self.actors),
            Facet::Tags => Some(&mut self.tags),
            Facet::ClaimKinds => Some(&mut self.claim_kinds),
            Facet::SourceKinds => Some(&mut self.source_kinds),
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
    pub fn window(&self) -> (DateWindow, Vec<DateError>) {
        let mut errors = Vec::new();
        let mut end = |text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            PartialDate::parse(text).map_err(|e| errors.push(e)).ok()
        };
        let window = DateWindow {
            from: end(&self.from),
            to: end(&self.to),
        };
        (window, errors)
    }
}

/// Where a record's date stands against the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateFit {
    Inside,
    Outside,
    Undated,
}

/// A filter applied to an index.
pub struct Evaluation<'a> {
    index: &'a Index,
    filter: &'a Filter,
    window: DateWindow,
    /// Ends of the range that are not dates; the window leaves them open.
    date_errors: Vec<DateError>,
    actors: Vec<usize>,
    terms: Vec<String>,
}

impl<'a> Evaluation<'a> {
    pub fn new(index: &'a Index, filter: &'a Filter) -> Self {
        let (window, date_errors) = filter.window();
        let actors = filter
            .actors
            .iter()
            .filter_map(|id| index.find(id, Kind::Actor))
            .collect();
        let terms = fold(&filter.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Evaluation {
            index,
            filter,
            window,
            date_errors,
            actors,
            terms,
        }
    }

    fn fits(&self, span: Option<&DateSpan>) -> DateFit {
        match span {
            None => DateFit::Undated,
            Some(s) if self.window.overlaps(s) => DateFit::Inside,
            Some(_) => DateFit::Outside,
        }
    }

    fn date_fit(&self, kind: Kind, facts: &Facts) -> DateFit {
        if self.window.is_open() {
            return DateFit::Inside;
        }
        if kind != Kind::Actor {
            return self.fits(facts.span.as_ref());
        }
        // An actor has no date of its own: it fits when something it is linked to does.
        let r = &facts.related;
        let spans = r
            .events
            .iter()
            .map(|&i| &self.index.events[i])
            .chain(r.claims.iter().map(|&i| &self.index.claims[i]))
            .chain(r.sources.iter().map(|&i| &self.index.sources[i]))
            .map(|f| self.fits(f.span.as_ref()));
        let mut fit = DateFit::Undated;
        for f in spans {
            match f {
                DateFit::Inside => return DateFit::Inside,
                DateFit::Outside => fit = DateFit::Outside,
                DateFit::Undated => {}
            }
        }
        fit
    }

    /// True when a record, through its links, carries a value of a vocabulary
    /// facet that `wanted` accepts: a tag of a related event, the kind of a
    /// related claim or source.
    fn has_term(&self, facet: Facet, facts: &Facts, wanted: impl Fn(&str) -> bool) -> bool {
        let corpus = &self.index.corpus;
        let r = &facts.related;
        match facet {
            Facet::Tags => r
                .events
                .iter()
                .any(|&e| corpus.events[e].tags.iter().any(|t| wanted(t))),
            Facet::ClaimKinds => r.claims.iter().any(|&c| wanted(&corpus.claims[c].kind)),
            Facet::SourceKinds => r.sources.iter().any(|&s| wanted(&corpus.sources[s].kind)),
            Facet::Date | Facet::Actors | Facet::Text => false,
        }
    }

    fn facet_ok(&self, facet: Facet, kind: Kind, facts: &Facts) -> bool {
        let chosen = self.filter.chosen(facet);
        let r = &facts.related;
        match facet {
            Facet::Date => match self.date_fit(kind, facts) {
                DateFit::Inside => true,
                DateFit::Outside => false,
                DateFit::Undated => self.filter.include_undated,
            },
            Facet::Actors => {
                self.filter.actors.is_empty() || r.actors.iter().any(|a| self.actors.contains(a))
            }
            Facet::Tags | Facet::ClaimKinds | Facet::SourceKinds => {
                chosen.is_empty() || self.has_term(facet, facts, |v| chosen.iter().any(|c| c == v))
            }
            Facet::Text => self.terms.iter().all(|t| facts.search.contains(t.as_str())),
        }
    }

    fn passes(&self, kind: Kind, facts: &Facts, skip: Option<Facet>) -> bool {
        const ALL: [Facet; 6] = [
            Facet::Text,
            Facet::Actors,
            Facet::Tags,
            Facet::ClaimKinds,
            Facet::SourceKinds,
            Facet::Date,
        ];
        ALL.iter()
            .filter(|&&f| Some(f) != skip)
            .all(|&f| self.facet_ok(f, kind, facts))
    }

    /// Positions of the records of a kind that match: events in time order,
    /// the others in corpus order.
    pub fn matching(&self, kind: Kind) -> Vec<usize> {
        let facts = self.index.facts(kind);
        let keep = |&i: &usize| self.passes(kind, &facts[i], None);
        match kind {
            Kind::Event => self
                .index
                .event_order
                .iter()
                .copied()
                .filter(keep)
                .collect(),
            _ => (0..facts.len()).filter(keep).collect(),
        }
    }

    /// Records that match everything but have no date, and are hidden by the date range.
    pub fn undated_hidden(&self, kind: Kind) -> usize {
        if self.window.is_open() || self.filter.include_undated {
            return 0;
        }
        self.index
            .facts(kind)
            .iter()
            .filter(|f| self.date_fit(kind, f) == DateFit::Undated)
            .filter(|f| self.passes(kind, f, Some(Facet::Date)))
            .count()
    }

    /// For each actor, how many records of a kind would match with it chosen.
    pub fn actor_counts(&self, kind: Kind) -> Vec<usize> {
        let mut counts = vec![0; self.index.len(Kind::Actor)];
        for f in self.index.facts(kind) {
            if self.passes(kind, f, Some(Facet::Actors)) {
                for &a in &f.related.actors {
                    counts[a] += 1;
                }
            }
        }
        counts
    }

    /// For each value of a vocabulary facet, how many records of a kind would match
    /// with it chosen.
    pub fn term_counts(&self, kind: Kind, facet: Facet) -> Vec<(&'static str, usize)> {
        let Some(vocab) = facet.vocab() else {
            return Vec::new();
        };
        let passing: Vec<&Facts> = self
            .index
            .facts(kind)
            .iter()
            .filter(|f| self.passes(kind, f, Some(facet)))
            .collect();
        vocab
            .values()
            .map(|value| {
                let n = passing
                    .iter()
                    .filter(|f| self.has_term(facet, f, |v| v == value))
                    .count();
                (value, n)
            })
            .collect()
    }
}

/// What a view shows for a filter: the matching records of every kind and the
/// counts beside each choice, worked out in one pass for the components to read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Matching events, in time order.
    pub events: Vec<usize>,
    /// Of those, the dated events that only may fall in the date range, because
    /// they are dated less precisely than it ("2016" for September 2016).
    pub events_maybe_in_range: Vec<usize>,
    pub claims: Vec<usize>,
    pub sources: Vec<usize>,
    pub actors: Vec<usize>,
    /// Undated records of the counted kind hidden by the date range.
    pub undated_hidden: usize,
    /// Per actor, matching records of the counted kind with that actor chosen.
    pub actor_counts: Vec<usize>,
    /// Per vocabulary facet, each value's count of records of the counted kind.
    pub term_counts: Vec<(Facet, Vec<(&'static str, usize)>)>,
    /// Date-range ends that are not dates, as messages.
    pub date_errors: Vec<String>,
}

impl Outcome {
    /// `counted` is the kind of record the current view lists.
    pub fn new(index: &Index, filter: &Filter, counted: Kind) -> Outcome {
        let eval = Evaluation::new(index, filter);
        let events = eval.matching(Kind::Event);
        let events_maybe_in_range = events
            .iter()
            .copied()
            .filter(|&e| {
                index.events[e]
                    .span
                    .is_some_and(|s| !eval.window.contains(&s))
            })
            .collect();
        Outcome {
            events,
            events_maybe_in_range,
            claims: eval.matching(Kind::Claim),
            sources: eval.matching(Kind::Source),
            actors: eval.matching(Kind::Actor),
            undated_hidden: eval.undated_hidden(counted),
            actor_counts: eval.actor_counts(counted),
            term_counts: Facet::TERMS
                .iter()
                .map(|&f| (f, eval.term_counts(counted, f)))
                .collect(),
            date_errors: eval.date_errors.iter().map(ToString::to_string).collect(),
        }
    }

    pub fn matching(&self, kind: Kind) -> &[usize] {
        match kind {
            Kind::Event => &self.events,
            Kind::Claim => &self.claims,
            Kind::Source => &self.sources,
            Kind::Actor => &self.actors,
        }
    }

    pub fn term_count(&self, facet: Facet, value: &str) -> usize {
        self.term_counts
            .iter()
            .find(|(f, _)| *f == facet)
            .and_then(|(_, counts)| counts.iter().find(|(v, _)| *v == value))
            .map_or(0, |(_, n)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Corpus;

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
        let eval = Evaluation::new(index, filter);
        let mut out = index.ids(kind, &eval.matching(kind));
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
        assert_eq!(Evaluation::new(&ix, &f).undated_hidden(Kind::Event), 1);
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
        assert_eq!((out.actor_counts[ngo], out.actor_counts[un]), (1, 0));
        // Events come out in time order, undated last.
        let all = Outcome::new(&ix, &Filter::default(), Kind::Event);
        let order: Vec<&str> = all
            .events
            .iter()
            .map(|&e| ix.corpus.events[e].id.as_str())
            .collect();
        assert_eq!(order, ["ev-killings", "ev-motion", "ev-vigil"]);
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
