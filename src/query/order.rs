//! The orders the claims list can take, which the index precomputes and the
//! address names (`?order=kind`).

use crate::i18n::Lang;

/// How the claims list is ordered and grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimOrder {
    #[default]
    Date,
    Kind,
    Claimant,
}

impl ClaimOrder {
    pub const ALL: [ClaimOrder; 3] = [ClaimOrder::Date, ClaimOrder::Kind, ClaimOrder::Claimant];

    pub fn key(self) -> &'static str {
        match self {
            ClaimOrder::Date => "date",
            ClaimOrder::Kind => "kind",
            ClaimOrder::Claimant => "claimant",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ClaimOrder::Date => "Date",
            ClaimOrder::Kind => "Kind",
            ClaimOrder::Claimant => "Claimant",
        }
    }

    pub fn from_key(key: &str) -> Option<ClaimOrder> {
        ClaimOrder::ALL.into_iter().find(|o| o.key() == key)
    }
}

// How each language of the interface words these.
impl Lang {
    pub fn order_label(self, order: ClaimOrder) -> &'static str {
        let t = self.strings();
        match order {
            ClaimOrder::Date => t.order_date,
            ClaimOrder::Kind => t.order_kind,
            ClaimOrder::Claimant => t.order_claimant,
        }
    }
}
