//! Writing a corpus file the way the shipped `public/corpus.json` is written:
//! `$schema` first, and absent or empty optional fields left out. (Serialising a
//! [`Corpus`] with serde directly writes them as `null`, `[]` and `false`, which the
//! loader reads but the JSON Schema refuses.) Exports and the generator write with it.

use std::io;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::corpus::model::{
    Actor, Claim, Corpus, DeathToll, Event, Meta, PartOf, Participant, Role, Source,
};

/// Writes a corpus as JSON the way the shipped corpus is written: `$schema` first,
/// absent and empty optional fields left out; compact unless `pretty`.
pub fn write_json<W: io::Write>(corpus: &Corpus, pretty: bool, out: W) -> serde_json::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(out, &Lean(corpus))
    } else {
        serde_json::to_writer(out, &Lean(corpus))
    }
}

/// [`write_json`] into a string.
// A model of strings, numbers and lists of them always serialises into memory, and
// serde_json writes UTF-8: a failure here is a bug in this file, not bad input.
#[allow(clippy::expect_used)]
pub fn to_json(corpus: &Corpus, pretty: bool) -> String {
    let mut out = Vec::new();
    write_json(corpus, pretty, &mut out).expect("a corpus always serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// A record (or a corpus, or a [`Slices`]) as the corpus file writes it: absent
/// and empty optional fields left out.
pub struct Lean<'a, T>(pub &'a T);

/// What a corpus file holds, borrowed: a whole corpus, or a run of each of its
/// lists (a part of it, see `publish::parts`).
pub struct Slices<'a> {
    pub meta: &'a Meta,
    pub sources: &'a [Source],
    pub actors: &'a [Actor],
    pub events: &'a [Event],
    pub claims: &'a [Claim],
}

impl<'a> Slices<'a> {
    pub fn of(corpus: &'a Corpus) -> Slices<'a> {
        Slices {
            meta: &corpus.meta,
            sources: &corpus.sources,
            actors: &corpus.actors,
            events: &corpus.events,
            claims: &corpus.claims,
        }
    }
}

struct LeanAll<'a, T>(&'a [T]);

impl<T> Serialize for LeanAll<'_, T>
where
    for<'b> Lean<'b, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Lean))
    }
}

fn opt<M: SerializeMap, V: Serialize>(m: &mut M, key: &str, v: &Option<V>) -> Result<(), M::Error> {
    match v {
        Some(v) => m.serialize_entry(key, v),
        None => Ok(()),
    }
}

fn list<M: SerializeMap, V: Serialize>(m: &mut M, key: &str, v: &[V]) -> Result<(), M::Error> {
    if v.is_empty() {
        Ok(())
    } else {
        m.serialize_entry(key, v)
    }
}

fn lean_list<M: SerializeMap, T>(m: &mut M, key: &str, v: &[T]) -> Result<(), M::Error>
where
    for<'b> Lean<'b, T>: Serialize,
{
    if v.is_empty() {
        Ok(())
    } else {
        m.serialize_entry(key, &LeanAll(v))
    }
}

impl Serialize for Lean<'_, Corpus> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Lean(&Slices::of(self.0)).serialize(s)
    }
}

impl Serialize for Lean<'_, Slices<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("$schema", "corpus.schema.json")?;
        m.serialize_entry("meta", c.meta)?;
        m.serialize_entry("sources", &LeanAll(c.sources))?;
        m.serialize_entry("actors", &LeanAll(c.actors))?;
        m.serialize_entry("events", &LeanAll(c.events))?;
        m.serialize_entry("claims", &LeanAll(c.claims))?;
        m.end()
    }
}

impl Serialize for Lean<'_, Source> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &x.id)?;
        m.serialize_entry("kind", &x.kind)?;
        m.serialize_entry("title", &x.title)?;
        if x.untitled {
            m.serialize_entry("untitled", &true)?;
        }
        opt(&mut m, "publisher", &x.publisher)?;
        list(&mut m, "authors", &x.authors)?;
        opt(&mut m, "date", &x.date)?;
        list(&mut m, "identifiers", &x.identifiers)?;
        opt(&mut m, "url", &x.url)?;
        list(&mut m, "cites", &x.cites)?;
        opt(&mut m, "text_file", &x.text_file)?;
        opt(&mut m, "text_sha256", &x.text_sha256)?;
        opt(&mut m, "captured", &x.captured)?;
        opt(&mut m, "archive_url", &x.archive_url)?;
        opt(&mut m, "stance", &x.stance)?;
        opt(&mut m, "language", &x.language)?;
        opt(&mut m, "note", &x.note)?;
        m.end()
    }
}

impl Serialize for Lean<'_, Role> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("title", &x.title)?;
        opt(&mut m, "of", &x.of)?;
        opt(&mut m, "date", &x.date)?;
        m.serialize_entry("source", &x.source)?;
        m.end()
    }
}

impl Serialize for Lean<'_, PartOf> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("of", &x.of)?;
        m.serialize_entry("basis", &x.basis)?;
        opt(&mut m, "source", &x.source)?;
        m.end()
    }
}

impl Serialize for Lean<'_, Actor> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &x.id)?;
        m.serialize_entry("name", &x.name)?;
        m.serialize_entry("kind", &x.kind)?;
        list(&mut m, "aliases", &x.aliases)?;
        opt(&mut m, "country", &x.country)?;
        opt(&mut m, "description", &x.description)?;
        lean_list(&mut m, "roles", &x.roles)?;
        list(&mut m, "names", &x.names)?;
        lean_list(&mut m, "part_of", &x.part_of)?;
        m.end()
    }
}

impl Serialize for Lean<'_, Participant> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("actor", &x.actor)?;
        opt(&mut m, "role", &x.role)?;
        m.end()
    }
}

impl Serialize for Lean<'_, Event> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &x.id)?;
        m.serialize_entry("title", &x.title)?;
        m.serialize_entry("summary", &x.summary)?;
        opt(&mut m, "date", &x.date)?;
        opt(&mut m, "place", &x.place)?;
        lean_list(&mut m, "actors", &x.actors)?;
        list(&mut m, "tags", &x.tags)?;
        list(&mut m, "related", &x.related)?;
        m.serialize_entry("evidence", &x.evidence)?;
        m.end()
    }
}

impl Serialize for Lean<'_, DeathToll> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        opt(&mut m, "value", &x.value)?;
        m.serialize_entry("qualifier", &x.qualifier)?;
        m.serialize_entry("as_written", &x.as_written)?;
        m.end()
    }
}

impl Serialize for Lean<'_, Claim> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &x.id)?;
        opt(&mut m, "claimant", &x.claimant)?;
        m.serialize_entry("voice", &x.voice)?;
        opt(&mut m, "relayed_by", &x.relayed_by)?;
        m.serialize_entry("paraphrase", &x.paraphrase)?;
        m.serialize_entry("kind", &x.kind)?;
        list(&mut m, "events", &x.events)?;
        m.serialize_entry("reported_in", &x.reported_in)?;
        opt(&mut m, "via", &x.via)?;
        m.serialize_entry("quote", &x.quote)?;
        opt(&mut m, "date", &x.date)?;
        if let Some(toll) = &x.death_toll {
            m.serialize_entry("death_toll", &Lean(toll))?;
        }
        list(&mut m, "legal_terms", &x.legal_terms)?;
        opt(&mut m, "note", &x.note)?;
        m.end()
    }
}
