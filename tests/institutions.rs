//! The shipped corpus read as readers ask of it: "what did the UN say?" finds
//! what the UN's bodies and officials said, each saying in what role; and a
//! plural typed finds what its singular finds.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dossier::corpus::load;
use dossier::corpus::model::Kind;
use dossier::i18n::Lang;
use dossier::query::filter::{offers, Facet, Filter, Offer, Outcome};
use dossier::query::index::{Index, Reach};
use dossier::query::order::ClaimOrder;

fn shipped() -> Index {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.json");
    let text = std::fs::read_to_string(path).unwrap();
    let accepted = load::accept(load::parse(&text).unwrap());
    assert!(accepted.rejected.is_empty());
    Index::new(accepted.corpus)
}

fn claims(ix: &Index, f: &Filter) -> Vec<String> {
    let listing = Outcome::new(ix, f, Kind::Claim).listing(ix, Kind::Claim, ClaimOrder::Date);
    let positions: Vec<usize> = listing.items.iter().map(|&i| i as usize).collect();
    ix.ids(Kind::Claim, &positions)
}

fn by(id: &str) -> Filter {
    Filter {
        actors: vec![id.into()],
        ..Filter::default()
    }
}

fn claims_of(ix: &Index, claimant: &str) -> Vec<String> {
    ix.corpus
        .claims
        .iter()
        .filter(|c| {
            c.claimant.as_deref() == Some(claimant)
                && c.date.as_ref().is_some_and(|d| d.when.starts_with("2017"))
        })
        .map(|c| c.id.clone())
        .collect()
}

#[test]
fn the_un_and_its_special_rapporteur_find_what_their_people_said_in_role() {
    let ix = shipped();
    let jahangir = claims_of(&ix, "act-asma-jahangir");
    let guterres = claims_of(&ix, "act-antonio-guterres");
    assert!(jahangir.len() >= 8 && guterres.len() >= 5);
    let rapporteur = claims(&ix, &by("act-un-special-rapporteur-iran"));
    assert!(
        jahangir.iter().all(|c| rapporteur.contains(c)),
        "{rapporteur:?}"
    );
    let un = claims(&ix, &by("act-united-nations"));
    for c in jahangir.iter().chain(&guterres) {
        assert!(un.contains(c), "{c} not under the UN: {un:?}");
    }
    // Each says how: Guterres as Secretary-General, Jahangir as Special Rapporteur.
    let un_pos = ix.find("act-united-nations", Kind::Actor).unwrap();
    let number = |id: &str| {
        ix.numbering
            .number(Kind::Claim, ix.find(id, Kind::Claim).unwrap())
    };
    let roles: Vec<String> = [&guterres[0], &jahangir[0]]
        .into_iter()
        .map(|c| match ix.reached_through(number(c), un_pos).as_slice() {
            [Reach::Role { person, role }] => ix.corpus.actors[*person].roles[*role].title.clone(),
            other => panic!("{c}: {other:?}"),
        })
        .collect();
    assert_eq!(roles[0], "Secretary-General of the United Nations");
    assert!(roles[1].contains("Special Rapporteur"), "{}", roles[1]);
    // Counts say which is which: the UN makes few claims itself.
    let out = Outcome::new(&ix, &Filter::default(), Kind::Claim);
    assert!(out.actor_through(&ix, un_pos) as usize >= jahangir.len() + guterres.len());
    assert_eq!(
        out.actor_total(&ix, un_pos) as usize,
        un.len(),
        "own + through is what choosing it keeps"
    );
}

#[test]
fn crimes_against_humanity_finds_what_crime_against_humanity_finds() {
    let ix = shipped();
    let text = |t: &str| Filter {
        text: t.into(),
        ..Filter::default()
    };
    let plural = claims(&ix, &text("crimes against humanity"));
    let singular = claims(&ix, &text("crime against humanity"));
    assert!(singular.len() > 10, "{singular:?}");
    assert_eq!(plural, singular);
    // And the legal term is offered as a filter.
    let f = text("crimes against humanity");
    let offered = offers(&ix, &f, Lang::En);
    assert!(offered.contains(&Offer::Term(Facet::LegalTerms, "crime-against-humanity")));
}
