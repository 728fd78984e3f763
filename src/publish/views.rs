//! The claims' and the sources' lists in pages: what those views list for an
//! address with no filter, in their order, as rows of what the list shows of
//! each record, with the names of the records it links to. The build writes them
//! as parts of whole pages (`publish::parts`, `Manifest::claims_list` and
//! `Manifest::sources_list`), so that a corpus too large to read unasked can be
//! read claim by claim, with each claim's quote and source, a page at a time.
//! With them, what the build works out for those views and the events' that
//! the app would count from the corpus: the claims' charts and the timelines
//! above the lists.

use serde::{Deserialize, Serialize};

use crate::corpus::date::DateSpan;
use crate::corpus::model::{DateSpec, Kind};
use crate::i18n::{Lang, SpeakerWords};
use crate::publish::pages::listed_by_default;
use crate::query::charts::{death_tolls, who_said_what_in, Matrix, CLAIMANTS_SHOWN, TOLLS_SHOWN};
use crate::query::filter::{Filter, Outcome};
use crate::query::index::{speaker_of, Index, Speaker};
use crate::query::timeline::{extent, shown_over, TimelineCounts};

/// A record a row links to: its id, and its name (an actor's) or title (a
/// source's) where the corpus has that record; a list shows the id alone, not
/// linked, where it does not. Written as a JSON list of the two.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named(pub String, pub Option<String>);

impl Named {
    fn actor(index: &Index, id: &str) -> Named {
        Named(id.into(), index.actor(id).map(|a| a.name.clone()))
    }

    fn source(index: &Index, id: &str) -> Named {
        Named(id.into(), index.source(id).map(|s| s.title.clone()))
    }

    pub fn id(&self) -> &str {
        &self.0
    }

    pub fn name(&self) -> Option<&str> {
        self.1.as_deref()
    }
}

/// A claim as the claims list shows it: what kind of claim, the legal terms
/// and death toll it states, its date, who made it (or relayed it), its
/// paraphrase, its verbatim quote and the source that reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    pub id: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// The death toll as the source words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<Named>,
    /// In the reporting source's own voice.
    #[serde(default, skip_serializing_if = "is_false")]
    pub own_voice: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relayed_by: Option<Named>,
    pub paraphrase: String,
    pub quote: String,
    pub reported_in: Named,
    /// Where it was first made, where another source reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Named>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl ClaimRow {
    /// The year the claims list (by date) puts it under; `None`: undated.
    pub fn year(&self) -> Option<i32> {
        year_of(self.date.as_ref())
    }

    /// Whether `other` is listed under the same year (the claims list's headings).
    pub fn same_year(&self, other: &ClaimRow) -> bool {
        self.year() == other.year()
    }

    /// Who made it, in the words of a language, as `Index::speaker_in` says it.
    pub fn speaker(&self, words: &SpeakerWords) -> Speaker<'_> {
        let claimant = self.claimant.as_ref();
        speaker_of(
            claimant.map(Named::id),
            claimant.and_then(Named::name),
            self.own_voice,
            self.reported_in.name(),
            words,
        )
    }
}

/// Whether the row at `at` of a part's `rows` of the claims list is under the
/// same year as the row before it, so that a page beginning there says its
/// first heading goes on from the page before; `continues` is what the part's
/// entry says of its first row (`parts::ViewEntry::continues`).
pub fn heading_goes_on(rows: &[ClaimRow], at: usize, continues: bool) -> bool {
    match at.checked_sub(1) {
        None => continues,
        Some(before) => match (rows.get(before), rows.get(at)) {
            (Some(before), Some(row)) => before.same_year(row),
            _ => false,
        },
    }
}

/// An institution or person as their list shows it: its kind (the list's
/// headings), its name, and how many events, claims and sources involve it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorListRow {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub events: usize,
    pub claims: usize,
    pub sources: usize,
}

/// The list of institutions and people for an address with no filter, in its
/// order (by kind, names alphabetical within).
pub fn actor_list_rows(index: &Index) -> Vec<ActorListRow> {
    listed_by_default(index, Kind::Actor)
        .into_iter()
        .map(|a| {
            let (actor, facts) = (&index.corpus.actors[a as usize], &index.actors[a as usize]);
            ActorListRow {
                id: actor.id.clone(),
                kind: actor.kind.clone(),
                name: actor.name.clone(),
                events: facts.related.events.len(),
                claims: facts.related.claims.len(),
                sources: facts.related.sources.len(),
            }
        })
        .collect()
}

/// A source as the sources list shows it: its kind, date, identifiers, title,
/// publisher, and how many events and claims rest on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRow {
    pub id: String,
    pub kind: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateSpec>,
    /// Its identifiers' values (an ISBN, a UN document symbol…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Named>,
    pub events: usize,
    pub claims: usize,
}

fn year_of(date: Option<&DateSpec>) -> Option<i32> {
    DateSpan::parse(&date?.when).ok().map(|span| span.year())
}

/// The claims list's rows for an address with no filter, in its order (by date).
pub fn claim_rows(index: &Index) -> Vec<ClaimRow> {
    listed_by_default(index, Kind::Claim)
        .into_iter()
        .map(|c| claim_row(index, c as usize))
        .collect()
}

/// The claim at `c` among the corpus's claims, as its row.
fn claim_row(index: &Index, c: usize) -> ClaimRow {
    let claim = &index.corpus.claims[c];
    ClaimRow {
        id: claim.id.clone(),
        kind: claim.kind.clone(),
        terms: claim.legal_terms.clone(),
        toll: (claim.death_toll.as_ref()).map(|t| t.as_written.clone()),
        date: claim.date.clone(),
        claimant: (claim.claimant.as_deref()).map(|id| Named::actor(index, id)),
        own_voice: claim.in_author_voice(),
        relayed_by: (claim.relayed_by.as_deref()).map(|id| Named::actor(index, id)),
        paraphrase: claim.paraphrase.clone(),
        quote: claim.quote.clone(),
        reported_in: Named::source(index, &claim.reported_in),
        via: (claim.via.as_deref()).map(|id| Named::source(index, id)),
    }
}

/// What the claims view charts above its list for an address with no filter,
/// worked out by the build as the app works it out from the whole corpus: the
/// death tolls side by side (`query::charts::death_tolls`) and who said what
/// (`query::charts::who_said_what_in`), in each language of the interface.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimsCharts {
    /// The claims the table of death tolls shows, in its order.
    pub tolls: Vec<ClaimRow>,
    /// How many claims give a death toll in all.
    pub tolls_total: usize,
    /// Who said what, in each language of the interface (`Lang::ALL`'s order):
    /// a claim in its source's own voice is named in the language's words.
    pub matrices: Vec<ChartMatrix>,
}

/// Who said what (`query::charts::Matrix`), its claimants named, as the table
/// shows it: the legal terms used, a row per claimant, and how many claimants
/// it leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartMatrix {
    pub terms: Vec<String>,
    pub rows: Vec<ChartRow>,
    pub more: usize,
}

/// A claimant's row of who said what: the actor's id (`None` for a source's own
/// voice), the claimant as named, and the count under each term. Written as a
/// JSON list of the three.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartRow(pub Option<String>, pub String, pub Vec<u32>);

impl ChartMatrix {
    /// `matrix` as the table shows it, its claimants by id.
    pub fn of(index: &Index, matrix: &Matrix) -> ChartMatrix {
        ChartMatrix {
            terms: matrix.terms.iter().map(|t| t.to_string()).collect(),
            rows: (matrix.rows.iter())
                .map(|row| {
                    let actor = row.actor.and_then(|a| index.corpus.actors.get(a));
                    ChartRow(
                        actor.map(|a| a.id.clone()),
                        row.name.clone(),
                        row.counts.clone(),
                    )
                })
                .collect(),
            more: matrix.more,
        }
    }
}

/// The claims view's charts for an address with no filter.
pub fn claims_charts(index: &Index) -> ClaimsCharts {
    let outcome = Outcome::new(index, &Filter::default(), Kind::Claim);
    let (tolls, tolls_total) = death_tolls(index, &outcome, TOLLS_SHOWN);
    ClaimsCharts {
        tolls: tolls.into_iter().map(|c| claim_row(index, c)).collect(),
        tolls_total,
        matrices: (Lang::ALL.iter())
            .map(|l| {
                let words = &l.strings().speaker;
                ChartMatrix::of(
                    index,
                    &who_said_what_in(index, &outcome, CLAIMANTS_SHOWN, words),
                )
            })
            .collect(),
    }
}

/// The sources list's rows for an address with no filter, in its order.
pub fn source_rows(index: &Index) -> Vec<SourceRow> {
    let sources = &index.corpus.sources;
    listed_by_default(index, Kind::Source)
        .into_iter()
        .map(|s| {
            let (source, facts) = (&sources[s as usize], &index.sources[s as usize]);
            SourceRow {
                id: source.id.clone(),
                kind: source.kind.clone(),
                title: source.title.clone(),
                date: source.date.clone(),
                identifiers: source.identifiers.iter().map(|i| i.value.clone()).collect(),
                publisher: (source.publisher.as_deref()).map(|id| Named::actor(index, id)),
                events: facts.related.events.len(),
                claims: facts.related.claims.len(),
            }
        })
        .collect()
}

/// The timeline above each list that has one (events, claims, sources), for
/// an address with no filter, as the app counts it once the corpus is in
/// (`query::timeline::shown_over`, over every record of the kind's whole span
/// of dates). A date range alone changes none of its counts (the app counts
/// what every filter but the date keeps) and only marks its periods, so these
/// serve for it too. Written in the manifest (`Manifest::timelines`): a few
/// figures for each of at most 60 periods, whatever the corpus's size.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListTimelines {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<TimelineCounts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<TimelineCounts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<TimelineCounts>,
}

impl ListTimelines {
    /// The timeline above the list of `kind`'s records, where it has one.
    pub fn of(&self, kind: Kind) -> Option<&TimelineCounts> {
        match kind {
            Kind::Event => self.events.as_ref(),
            Kind::Claim => self.claims.as_ref(),
            Kind::Source => self.sources.as_ref(),
            Kind::Actor => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_none() && self.claims.is_none() && self.sources.is_none()
    }
}

/// The timelines above the lists for an address with no filter.
pub fn list_timelines(index: &Index) -> ListTimelines {
    let of = |kind: Kind| {
        let window = extent(index, kind)?;
        let records = Outcome::new(index, &Filter::default(), kind).kept_but_date;
        let counts = TimelineCounts::of(&shown_over(index, &records, kind, &window));
        Some(TimelineCounts {
            extent: Some(window),
            ..counts
        })
    };
    ListTimelines {
        events: of(Kind::Event),
        claims: of(Kind::Claim),
        sources: of(Kind::Source),
    }
}
