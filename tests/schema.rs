//! The JSON Schema published beside the corpus and the Rust types must agree, so
//! that what an editor accepts is what the app reads.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dossier::corpus::model::{
    Actor, Claim, DeathToll, Event, Evidence, Identifier, Meta, OtherName, PartOf, Role, Source,
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
    // `filter`, `exported_from` and `language` are left out unless set (only an
    // export has the first two), so set them here.
    let meta = Meta {
        filter: Some("?view=claims".into()),
        exported_from: Some("0".repeat(64)),
        language: Some("en".into()),
        ..Meta::default()
    };
    assert_eq!(keys_of(&meta), properties(&s, "meta"));
    assert_eq!(fields::<Identifier>(), properties(&s, "identifier"));
    assert_eq!(fields::<Source>(), properties(&s, "source"));
    assert_eq!(fields::<Role>(), properties(&s, "role"));
    assert_eq!(fields::<Actor>(), properties(&s, "actor"));
    assert_eq!(fields::<OtherName>(), properties(&s, "other_name"));
    assert_eq!(fields::<PartOf>(), properties(&s, "part_of"));
    assert_eq!(fields::<Evidence>(), properties(&s, "evidence"));
    assert_eq!(fields::<Event>(), properties(&s, "event"));
    assert_eq!(fields::<DeathToll>(), properties(&s, "death_toll"));
    assert_eq!(fields::<Claim>(), properties(&s, "claim"));
}

/// Names in other languages: what the schema asks of a language code is what
/// the validator asks, and a corpus with them is written back as it was read.
#[test]
fn names_in_other_languages_read_check_and_write_back() {
    let s = schema();
    let pattern = def(&s, "language")["pattern"].as_str().unwrap();
    assert_eq!(pattern, "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$");
    for good in ["fa", "en", "en-GB", "zh-Hant", "fil"] {
        assert!(dossier::corpus::validate::is_language_code(good), "{good}");
    }
    for bad in ["", "Persian", "FA", "f", "fa_IR", "fa-", "farsi"] {
        assert!(!dossier::corpus::validate::is_language_code(bad), "{bad}");
    }
    let actor: Actor = serde_json::from_value(serde_json::json!({
        "id": "act-un", "name": "United Nations", "kind": "international-org",
        "names": [{"lang": "fa", "name": "سازمان ملل متحد"}]
    }))
    .unwrap();
    assert_eq!(
        actor.names_in("fa").collect::<Vec<_>>(),
        ["سازمان ملل متحد"]
    );
    assert_eq!(actor.names_in("ar").count(), 0);
    let corpus = dossier::corpus::model::Corpus {
        actors: vec![actor.clone()],
        ..Default::default()
    };
    let written: Value =
        serde_json::from_str(&dossier::corpus::write::to_json(&corpus, false)).unwrap();
    assert_eq!(
        written["actors"][0]["names"],
        serde_json::json!([{"lang": "fa", "name": "سازمان ملل متحد"}])
    );
    // An actor without them writes no empty list.
    let plain = dossier::corpus::model::Corpus {
        actors: vec![Actor {
            names: vec![],
            ..actor
        }],
        ..Default::default()
    };
    let written: Value =
        serde_json::from_str(&dossier::corpus::write::to_json(&plain, false)).unwrap();
    assert!(written["actors"][0].get("names").is_none());
}
