//! The fixed vocabularies of the corpus, each value with the label readers see.
//! `public/corpus.schema.json` lists the same values; a test keeps the two in step.

use crate::i18n::Lang;

/// One closed list of values.
pub struct Vocab {
    /// Where the values are used, for messages ("source kind").
    pub name: &'static str,
    pub terms: &'static [(&'static str, &'static str)],
}

impl Vocab {
    pub fn contains(&self, value: &str) -> bool {
        self.terms.iter().any(|(v, _)| *v == value)
    }

    /// The reader's label for a value; an unknown value is shown as it is.
    pub fn label<'a>(&self, value: &'a str) -> &'a str {
        self.terms
            .iter()
            .find(|(v, _)| *v == value)
            .map_or(value, |(_, label)| label)
    }

    pub fn values(&self) -> impl Iterator<Item = &'static str> {
        self.terms.iter().map(|(v, _)| *v)
    }

    pub fn allowed(&self) -> String {
        self.values().collect::<Vec<_>>().join(", ")
    }
}

pub const SOURCE_KINDS: Vocab = Vocab {
    name: "source kind",
    terms: &[
        ("news-article", "News article"),
        ("opinion-article", "Opinion article"),
        ("web-article", "Web article"),
        ("compilation", "Compilation page"),
        ("un-report", "UN report"),
        ("parliamentary-motion", "Parliamentary motion"),
        ("bill", "Bill or resolution"),
        ("ngo-report", "NGO report"),
        ("ngo-statement", "NGO statement"),
        ("joint-statement", "Joint statement"),
        ("letter", "Letter"),
        ("audio-recording", "Audio recording"),
        ("interview", "Interview"),
        ("video", "Video"),
        ("court-document", "Court document"),
        ("other", "Other document"),
    ],
};

pub const ACTOR_KINDS: Vocab = Vocab {
    name: "actor kind",
    terms: &[
        ("person", "Person"),
        ("government", "Government"),
        ("parliament", "Parliament"),
        ("un-body", "UN body or office"),
        ("ngo", "NGO"),
        ("opposition-group", "Opposition group"),
        ("court", "Court"),
        ("outlet", "Outlet"),
        ("state-body", "State body"),
        ("international-org", "International organisation"),
        ("other", "Other"),
    ],
};

pub const EVENT_TAGS: Vocab = Vocab {
    name: "event tag",
    terms: &[
        ("killings", "Killings"),
        ("conference", "Conference"),
        ("un-report", "UN report"),
        ("parliamentary", "Parliamentary"),
        ("legislation", "Legislation"),
        ("ngo-action", "NGO action"),
        ("recognition", "Recognition"),
        ("publication", "Publication"),
        ("recording", "Recording"),
        ("prosecution", "Prosecution"),
        ("detention", "Detention"),
        ("testimony", "Testimony"),
        ("call-for-inquiry", "Call for inquiry"),
        ("protest", "Protest"),
        ("crackdown", "Crackdown"),
        ("statement", "Statement"),
        ("commemoration", "Commemoration"),
        ("office", "Office held"),
    ],
};

pub const CLAIM_KINDS: Vocab = Vocab {
    name: "claim kind",
    terms: &[
        ("death-toll", "Death toll"),
        ("legal-characterisation", "Legal characterisation"),
        ("call-for-inquiry", "Call for inquiry"),
        ("call-for-accountability", "Call for accountability"),
        ("recognition", "Recognition"),
        ("allegation", "Allegation"),
        ("testimony", "Testimony"),
        ("condemnation", "Condemnation"),
        ("denial", "Denial"),
        ("other", "Other statement"),
    ],
};

pub const VOICES: Vocab = Vocab {
    name: "claim voice",
    terms: &[
        ("attributed", "Attributed to the claimant"),
        ("author", "The reporting article's own voice"),
    ],
};

pub const LEGAL_TERMS: Vocab = Vocab {
    name: "legal term",
    terms: &[
        ("crime-against-humanity", "Crime against humanity"),
        ("genocide", "Genocide"),
        ("extrajudicial-execution", "Extrajudicial execution"),
        ("summary-execution", "Summary execution"),
        ("mass-murder", "Mass murder"),
        (
            "gross-human-rights-violation",
            "Gross human rights violation",
        ),
        ("torture", "Torture"),
        ("enforced-disappearance", "Enforced disappearance"),
        ("war-crime", "War crime"),
    ],
};

pub const TOLL_QUALIFIERS: Vocab = Vocab {
    name: "death-toll qualifier",
    terms: &[
        ("unqualified", ""),
        ("about", "about"),
        ("nearly", "nearly"),
        ("more-than", "more than"),
        ("at-least", "at least"),
        ("up-to", "up to"),
        ("hundreds", "hundreds"),
        ("thousands", "thousands"),
        ("several-thousand", "several thousand"),
    ],
};

/// Qualifiers that are words, not bounds on a number: they take no value.
pub const WORD_ONLY_QUALIFIERS: [&str; 3] = ["hundreds", "thousands", "several-thousand"];

pub const IDENTIFIER_SCHEMES: Vocab = Vocab {
    name: "identifier scheme",
    terms: &[
        ("un-symbol", "UN symbol"),
        ("edm", "Early day motion"),
        ("bill", "Bill"),
        ("doi", "DOI"),
        ("isbn", "ISBN"),
        ("other", "Identifier"),
    ],
};

pub const DATE_BASES: Vocab = Vocab {
    name: "date basis",
    terms: &[("stated", "stated in the text"), ("inferred", "inferred")],
};

/// How an actor's `part_of` is known.
pub const PART_OF_BASES: Vocab = Vocab {
    name: "part-of basis",
    terms: &[
        ("reference", "a matter of public record"),
        ("stated", "stated in a source"),
    ],
};

/// Every vocabulary, for the test that keeps the JSON Schema in step.
pub const ALL: [&Vocab; 10] = [
    &SOURCE_KINDS,
    &ACTOR_KINDS,
    &EVENT_TAGS,
    &CLAIM_KINDS,
    &VOICES,
    &LEGAL_TERMS,
    &TOLL_QUALIFIERS,
    &IDENTIFIER_SCHEMES,
    &DATE_BASES,
    &PART_OF_BASES,
];

// How each language of the interface words these.
impl Lang {
    /// The reader's label for a vocabulary value; an unknown value is shown as it is.
    pub fn term<'a>(self, vocab: &Vocab, value: &'a str) -> &'a str {
        match self {
            Lang::En => vocab.label(value),
            _ => self
                .strings()
                .terms
                .iter()
                .find(|(name, v, _)| *name == vocab.name && *v == value)
                .map_or_else(|| vocab.label(value), |(_, _, label)| label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_value_has_a_label_in_every_language() {
        for lang in Lang::ALL {
            for v in ALL {
                for value in v.values() {
                    if lang == Lang::En {
                        continue;
                    }
                    let found = lang
                        .strings()
                        .terms
                        .iter()
                        .any(|(name, val, _)| *name == v.name && *val == value);
                    assert!(found, "{}: no label for {} “{value}”", lang.code(), v.name);
                }
            }
        }
    }
}
