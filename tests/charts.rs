//! The who-said-what matrix counts exactly the kept claims each claimant made
//! with each legal term, and each death-toll figure is drawn as its words say.

use dossier::charts::{figure, who_said_what};
use dossier::filter::{Filter, Outcome};
use dossier::index::Index;
use dossier::load;
use dossier::model::Kind;

fn shipped() -> Index {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.json"))
        .expect("the shipped corpus");
    Index::new(load::accept(load::parse(&text).expect("reads")).corpus)
}

/// Who a row is: the claimant, or for the reporting article's own voice, the
/// author of the reporting source.
fn speaker(ix: &Index, c: &dossier::model::Claim) -> String {
    if c.in_author_voice() || c.claimant.is_none() {
        let title = ix.source(&c.reported_in).map_or("", |s| s.title.as_str());
        format!("Author of “{title}”")
    } else {
        ix.claimant_name(c)
    }
}

#[test]
fn each_cell_counts_the_kept_claims_of_its_claimant_and_term() {
    let ix = shipped();
    for filter in [
        Filter::default(),
        Filter {
            from: "2016".into(),
            ..Filter::default()
        },
    ] {
        let out = Outcome::new(&ix, &filter, Kind::Claim);
        let m = who_said_what(&ix, &out, 1000);
        assert!(!m.rows.is_empty() && m.more == 0);
        let mut total = 0;
        for row in &m.rows {
            for (t, &count) in m.terms.iter().zip(&row.counts) {
                let expected = ix
                    .corpus
                    .claims
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| out.keeps(Kind::Claim, *c))
                    .filter(|(_, c)| c.legal_terms.iter().any(|x| x == t))
                    .filter(|(_, c)| speaker(&ix, c) == row.name)
                    .count();
                assert_eq!(count as usize, expected, "{} / {t}", row.name);
            }
            total += row.claims;
        }
        let characterising = (0..ix.corpus.claims.len())
            .filter(|&c| out.keeps(Kind::Claim, c) && !ix.corpus.claims[c].legal_terms.is_empty())
            .count();
        assert_eq!(total as usize, characterising);
        // Most prolific first.
        assert!(m.rows.windows(2).all(|w| w[0].claims >= w[1].claims));
    }
    let cut = who_said_what(&ix, &Outcome::new(&ix, &Filter::default(), Kind::Claim), 3);
    assert_eq!(cut.rows.len(), 3);
    assert!(cut.more > 0);
}

#[test]
fn every_shipped_death_toll_has_a_figure_to_draw() {
    let ix = shipped();
    let tolls: Vec<_> = ix
        .corpus
        .claims
        .iter()
        .filter_map(|c| c.death_toll.as_ref())
        .collect();
    assert!(!tolls.is_empty());
    for t in tolls {
        let f = figure(t).unwrap_or_else(|| panic!("no figure for {t:?}"));
        assert!(f.low.is_some() || f.high.is_some());
    }
}
