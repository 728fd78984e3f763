//! The JSON Schema published beside the corpus and the Rust types must agree, so
//! that what an editor accepts is what the app reads.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dossier::corpus::model::{
    Actor, Claim, DeathToll, Event, Evidence, Identifier, Meta, PartOf, Role, Source,
};
use dossier::corpus::vocab::{self, Vocab};
use serde::Serialize;
use serde_json::Value;

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/corpus.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file"))
        .expect("schema is JSON")
}

fn def<'a>(schema: &'a Value, name: &str) -> &'a Value {
    &schema["$defs"][name]
}

fn enum_at(v: &Value) -> Vec<String> {
    v["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("no enum in {v}"))
        .iter()
        .map(|x| x.as_str().expect("string").to_string())
        .collect()
}

fn values(v: &Vocab) -> Vec<String> {
    v.values().map(str::to_string).collect()
}

#[test]
fn every_vocabulary_matches_the_schema() {
    let s = schema();
    let cases: [(&Value, &Vocab); 10] = [
        (
            &def(&s, "source")["properties"]["kind"],
            &vocab::SOURCE_KINDS,
        ),
        (&def(&s, "actor")["properties"]["kind"], &vocab::ACTOR_KINDS),
        (
            &def(&s, "event")["properties"]["tags"]["items"],
            &vocab::EVENT_TAGS,
        ),
        (&def(&s, "claim")["properties"]["kind"], &vocab::CLAIM_KINDS),
        (&def(&s, "claim")["properties"]["voice"], &vocab::VOICES),
        (
            &def(&s, "claim")["properties"]["legal_terms"]["items"],
            &vocab::LEGAL_TERMS,
        ),
        (
            &def(&s, "death_toll")["properties"]["qualifier"],
            &vocab::TOLL_QUALIFIERS,
        ),
        (
            &def(&s, "identifier")["properties"]["scheme"],
            &vocab::IDENTIFIER_SCHEMES,
        ),
        (&def(&s, "date")["properties"]["basis"], &vocab::DATE_BASES),
        (
            &def(&s, "part_of")["properties"]["basis"],
            &vocab::PART_OF_BASES,
        ),
    ];
    for (at, vocab) in cases {
        assert_eq!(enum_at(at), values(vocab), "{}", vocab.name);
    }
}

fn fields<T: Serialize + Default>() -> Vec<String> {
    keys_of(&T::default())
}

fn keys_of<T: Serialize>(value: &T) -> Vec<String> {
    let v = serde_json::to_value(value).expect("serialises");
    let mut keys: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
    keys.sort();
    keys
}

fn properties(schema: &Value, name: &str) -> Vec<String> {
    let mut keys: Vec<String> = def(schema, name)["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

#[test]
fn every_record_type_has_the_schema_fields() {
    let s = schema();
    // `filter` is left out unless set (only an export has it), so set it here.
    let meta = Meta {
        filter: Some("?view=claims".into()),
        ..Meta::default()
    };
    assert_eq!(keys_of(&meta), properties(&s, "meta"));
    assert_eq!(fields::<Identifier>(), properties(&s, "identifier"));
    assert_eq!(fields::<Source>(), properties(&s, "source"));
    assert_eq!(fields::<Role>(), properties(&s, "role"));
    assert_eq!(fields::<Actor>(), properties(&s, "actor"));
    assert_eq!(fields::<PartOf>(), properties(&s, "part_of"));
    assert_eq!(fields::<Evidence>(), properties(&s, "evidence"));
    assert_eq!(fields::<Event>(), properties(&s, "event"));
    assert_eq!(fields::<DeathToll>(), properties(&s, "death_toll"));
    assert_eq!(fields::<Claim>(), properties(&s, "claim"));
}
