//! The kinds to choose from above a list in pages (the events', the claims',
//! the sources'), each counted as the filter panel counts it once the corpus
//! is in: for an address with no filter, from the manifest; under words
//! typed or kinds chosen and nothing else, from every part of the view's
//! kinds' table and the parts of its words' table that the words need
//! (`Sought::kind_counts`), read once the reader opens the fold and the
//! list's page is in; where that table weighs more than the reader is
//! charged unasked (`Manifest::kind_counts_ask`: at a million records), once
//! the reader asks. Under a date range or an actor, not counted: that takes
//! the corpus.

use std::cell::RefCell;
use std::sync::Arc;

use dossier::corpus::model::Kind;
use dossier::i18n::fill;
use dossier::publish::by_kind::{kind_key, Sought};
use dossier::publish::parts::{Manifest, PlaceTable, TableEntry};
use dossier::query::filter::Facet;
use dossier::query::url_state::UrlState;
use futures::stream::{self, StreamExt, TryStreamExt};
use leptos::prelude::*;

use super::bits::{data, details_opened, few_read, keep_few, lang, FewRead};
use super::by_word::{kept_table, read_tables, Failed};
use super::failure::{FailedWithRetry, LoadFailure};
use super::filters::term_choices;
use super::loader::{self, PARTS_IN_FLIGHT};
use super::megabytes;
use super::nav::Nav;

thread_local! {
    /// Every part of a view's kinds' table, read, by the kind of record it
    /// lists: the next words typed or kind chosen are counted from the same.
    static EVERY_KIND: FewRead<Kind, Arc<Vec<Arc<PlaceTable>>>> = const { RefCell::new(Vec::new()) };
}

/// What the counts beside the kinds are for: the view's kind of record and
/// what is sought.
pub type CountedFor = (Kind, Sought);

/// What the list below the kinds has found, once it has: its kind of record
/// and what it sought. The counts wait for it, so that a part both need which
/// fails is named once, by the list, and counted once the list's retry has it.
#[derive(Clone, Copy)]
pub struct ListFound(pub RwSignal<Option<CountedFor>>);

impl ListFound {
    /// Says, where the page has one (`found`), that the list of `kind` has
    /// found what `sought` seeks.
    pub fn say(found: Option<ListFound>, kind: Kind, sought: &Sought) {
        let Some(ListFound(found)) = found else {
            return;
        };
        let now = (kind, sought.clone());
        if found.with_untracked(|f| f.as_ref() != Some(&now)) {
            found.set(Some(now));
        }
    }
}

/// How far the counts under a filter have come.
#[derive(Clone)]
enum Counts {
    /// Waiting for the reader to ask: the view's kinds' table weighs so many
    /// bytes ([`Manifest::kind_counts_ask`]).
    Asks(usize),
    Counting,
    /// Each value's count, by key; a value not listed keeps none.
    Counted(Arc<Vec<(String, usize)>>),
    /// A part failed: which, and why.
    Failed(String, LoadFailure),
}

/// The kinds to choose from, folded under one line (the list's first records
/// stay on a phone's first screen), each a box that chooses it, counted as the
/// module says.
#[component]
pub fn KindChoices() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let manifest = data().manifest.clone();
    let stored = StoredValue::new(manifest.clone());
    // For no filter: the view's records each kind keeps, from the manifest.
    let unfiltered = Memo::new(move |_| {
        nav.state
            .with(|s| s.filter.is_empty().then_some(s.view.kind()))
    });
    // Under words or kinds alone: counted from the tables' parts.
    let counted_for = Memo::new(move |_| {
        let manifest = manifest.as_ref()?;
        nav.state.with(|s| counted_for(manifest, s))
    });
    let open = nav
        .state
        .with_untracked(|s| (Facet::TERMS.iter()).any(|&f| !s.filter.chosen(f).is_empty()));
    let opened = RwSignal::new(open);
    let counts: RwSignal<Option<(CountedFor, Counts)>, LocalStorage> = RwSignal::new_local(None);
    let tries = RwSignal::new(0u32);
    // Whether the reader has asked for counts that weigh more than the unasked.
    let asked = RwSignal::new(false);
    let list_found = use_context::<ListFound>();
    Effect::new(move |_| {
        tries.track();
        let asked = asked.get();
        let (Some(wanted), true, Some(manifest)) =
            (counted_for.get(), opened.get(), stored.get_value())
        else {
            return;
        };
        if list_found.is_some_and(|ListFound(found)| found.with(|f| f.as_ref() != Some(&wanted))) {
            return;
        }
        let before = counts.get_untracked().filter(|(w, _)| *w == wanted);
        let afresh = match before {
            Some((_, Counts::Counted(_))) => return,
            Some((_, Counts::Failed(file, _))) => Some(file),
            _ => None,
        };
        let (asks, bytes) = manifest.kind_counts_ask(wanted.0);
        if asks && !asked && few_read(&EVERY_KIND, &wanted.0).is_none() {
            counts.set(Some((wanted, Counts::Asks(bytes))));
            return;
        }
        counts.set(Some((wanted.clone(), Counts::Counting)));
        loader::fetch_while_current(async move {
            // The list's page first: its parts start once its places are found.
            loader::pause(50).await;
            loader::quiet(3000).await;
            let shown = match count(&manifest, &wanted, afresh.as_deref()).await {
                Ok(counted) => Counts::Counted(Arc::new(counted)),
                Err((file, failure)) => Counts::Failed(file, failure),
            };
            if counts.with_untracked(|c| c.as_ref().is_some_and(|(w, _)| *w == wanted)) {
                counts.set(Some((wanted, shown)));
            }
        });
    });
    // The counts for what the address asks, where they are in.
    let current = move || {
        let wanted = counted_for.get()?;
        counts.with(|c| {
            c.as_ref()
                .filter(|(w, _)| *w == wanted)
                .map(|(_, c)| c.clone())
        })
    };
    let by = move |facet: Facet| {
        move |value: &'static str| {
            let key = kind_key(facet, value);
            if let Some(kind) = unfiltered.get() {
                return stored.with_value(|m| m.as_ref()?.kind_count_of(kind, &key));
            }
            match current()? {
                Counts::Counted(counts) => Some(
                    (counts.iter())
                        .find_map(|(k, n)| (*k == key).then_some(*n))
                        .unwrap_or(0),
                ),
                _ => None,
            }
        }
    };
    let l = lang();
    let t = l.strings();
    let status = move || match current() {
        Some(Counts::Asks(bytes)) => {
            let size = megabytes(l, bytes as f64);
            Some(
                view! {
                    <div class="range-asks" role="status">
                        <p>{fill(t.kinds_count_asks, &[&size])}</p>
                        <button type="button" on:click=move |_| asked.set(true)>
                            {fill(t.kinds_count_read, &[&size])}
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
        Some(Counts::Counting) => {
            Some(view! { <p role="status" class="hint">{t.kinds_counting}</p> }.into_any())
        }
        Some(Counts::Failed(_, failure)) => Some(
            view! { <FailedWithRetry title=t.kinds_count_failed.to_string() failure retry=tries/> }
                .into_any(),
        ),
        _ => None,
    };
    let toggled = move |e: leptos::ev::Event| {
        let now = details_opened(&e);
        // Also fired for a fold drawn open: only a change asks for anything.
        if opened.get_untracked() != now {
            opened.set(now);
        }
    };
    view! {
        <details class="list-terms" open=open on:toggle=toggled>
            <summary>{t.kinds_choose}</summary>
            {status}
            <form role="search" aria-label=t.kinds_choose on:submit=|e| e.prevent_default()>
                {term_choices(Facet::ClaimKinds, t.claim_kinds, by(Facet::ClaimKinds))}
                {term_choices(Facet::Tags, t.event_tags, by(Facet::Tags))}
                {term_choices(Facet::LegalTerms, t.legal_characterisations, by(Facet::LegalTerms))}
                {term_choices(Facet::SourceKinds, t.source_kinds, by(Facet::SourceKinds))}
            </form>
        </details>
    }
}

/// What the counts beside the kinds are for where the address seeks words or
/// kinds and nothing else, on a view whose tables the build wrote; `None`
/// elsewhere (no filter is counted from the manifest; the others take the
/// corpus).
fn counted_for(manifest: &Manifest, state: &UrlState) -> Option<CountedFor> {
    let filter = &state.filter;
    let kind = state.view.kind();
    let sought = Sought::of(filter);
    let alone = state.record.is_none() && filter.actors.is_empty() && filter.window().0.is_open();
    let tabled = !manifest.view_kinds(kind).is_empty()
        && (sought.words.is_empty() || !manifest.view_words(kind).is_empty());
    (alone && tabled && !sought.is_empty()).then_some((kind, sought))
}

/// Each value's count for `wanted`, from the parts of the view's words' table
/// its words need and every part of its kinds' table (the part `afresh`
/// fetched past any cache).
async fn count(
    manifest: &Manifest,
    (kind, sought): &CountedFor,
    afresh: Option<&str>,
) -> Result<Vec<(String, usize)>, Failed> {
    let table = manifest.view_words(*kind);
    let words: Vec<&TableEntry> = (sought.word_parts_in(table).into_iter())
        .filter_map(|at| table.get(at))
        .collect();
    let (words, kinds) = futures::future::join(
        read_tables(&words, afresh),
        every_kind(manifest, *kind, afresh),
    )
    .await;
    let (words, kinds) = (words?, kinds?);
    let words: Vec<&PlaceTable> = words.iter().map(|t| t.as_ref()).collect();
    let kinds: Vec<&PlaceTable> = kinds.iter().map(|t| t.as_ref()).collect();
    Ok(sought.kind_counts(&words, &kinds))
}

/// Every part of the kinds' table of the view of `kind`, a few at a time,
/// kept read (the part `afresh` fetched past any cache); those a search keeps
/// read are not fetched again. Kept apart from the search's parts
/// (`read_tables`), whose eight would each be pushed out by the table's 46
/// at a million records.
async fn every_kind(
    manifest: &Manifest,
    kind: Kind,
    afresh: Option<&str>,
) -> Result<Arc<Vec<Arc<PlaceTable>>>, Failed> {
    if let Some(read) = few_read(&EVERY_KIND, &kind) {
        return Ok(read);
    }
    let read: Vec<Arc<PlaceTable>> = stream::iter(manifest.view_kinds(kind))
        .map(|entry| async move {
            let retry = afresh == Some(entry.file.as_str());
            if let Some(kept) = kept_table(&entry.file).filter(|_| !retry) {
                return Ok(kept);
            }
            (loader::place_table(entry, retry).await)
                .map(Arc::new)
                .map_err(|failure| (entry.file.clone(), failure))
        })
        .buffered(PARTS_IN_FLIGHT)
        .try_collect()
        .await?;
    let read = Arc::new(read);
    // The events', the claims' and the sources'.
    keep_few(&EVERY_KIND, kind, read.clone(), 3);
    Ok(read)
}
