//! The timeline above a list in pages zoomed (`publish::zoomed`): for many
//! windows over a generated corpus, zoomed in from the whole timeline or out
//! from a period, the timeline counted from the parts of the list's days the
//! manifest names is the one the app draws over that window once the corpus
//! is in, for the events, the claims and the sources; and a window of a few
//! years reads fewer parts than every one.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../src/bin/gen-corpus/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/worded.rs"]
#[allow(dead_code)]
mod worded;

#[path = "support/dice.rs"]
mod dice;

use dice::Dice;
use dossier::corpus::model::Kind;
use dossier::corpus::sha256::sha256_hex;
use dossier::publish::parts::{inflate, read_day_rows, read_manifest, read_reach, Split};
use dossier::publish::zoomed::{zoom_parts, zoomed_timeline, ListOfDays};
use dossier::query::filter::{Filter, Outcome};
use dossier::query::index::Index;
use dossier::query::timeline::{extent, shown_over, zoom_into, zoom_out, Timeline, Unit, Window};
use worded::worded_split;

/// Record parts of 16 KiB of JSON: parts of the days of some hundred rows each.
const PART_BYTES: usize = 16 * 1024;

fn json_of(split: &Split, name: &str) -> Vec<u8> {
    let (_, stored) = split.files().find(|(f, _)| *f == name).unwrap();
    inflate(stored).unwrap()
}

/// A window a reader reaches by zooming: into a period of the timeline on
/// screen, or out from it; now and then one typed into the address.
fn next_window(dice: &mut Dice, shown: &Timeline, whole: &Window) -> Window {
    match dice.below(4) {
        0 => zoom_out(&shown.buckets_window(), whole),
        1 => {
            let (a, b) = (dice.end(), dice.end());
            let year = |end: &str| end.get(..4).unwrap_or("1990").to_string();
            let text = format!("{}/{}", year(&a).min(year(&b)), year(&a).max(year(&b)));
            Window::parse(&text).unwrap()
        }
        _ => {
            let i = dice.below(shown.buckets.len() as u64) as usize;
            let j = (i + dice.below(3) as usize).min(shown.buckets.len() - 1);
            Window {
                first: zoom_into(shown, i).first,
                last: zoom_into(shown, j).last,
            }
        }
    }
}

trait BucketsWindow {
    fn buckets_window(&self) -> Window;
}

impl BucketsWindow for Timeline {
    fn buckets_window(&self) -> Window {
        Window {
            first: self.buckets.first().unwrap().first,
            last: self.buckets.last().unwrap().last,
        }
    }
}

#[test]
fn a_zoomed_timeline_from_the_days_of_a_list_is_the_apps() {
    let corpus = synth::generate(4000, 7);
    let (split, index) = worded_split(&corpus, PART_BYTES);
    let index = Index::new(index.corpus);
    let manifest = read_manifest(split.manifest_json().as_bytes()).unwrap();
    let mut dice = Dice(29);
    for kind in [Kind::Event, Kind::Claim, Kind::Source] {
        let list = ListOfDays::of(&manifest, kind).unwrap();
        let unzoomed = manifest.timelines.of(kind).unwrap();
        let whole = extent(&index, kind).unwrap();
        assert_eq!(
            unzoomed.extent,
            Some(whole),
            "zooming out stops where the app's does"
        );
        let records = Outcome::new(&index, &Filter::default(), kind).kept_but_date;
        let mut shown = unzoomed.timeline();
        let (mut fewer, mut spread, mut inferred, mut units) = (0, 0, 0, Vec::new());
        for _ in 0..80 {
            let window = next_window(&mut dice, &shown, &whole);
            let needs = zoom_parts(&list, &window);
            let days: Vec<_> = (needs.days.iter())
                .map(|&at| {
                    let entry = list.days[at];
                    let json = json_of(&split, &entry.file);
                    read_day_rows(entry, &json, &sha256_hex(&json)).unwrap()
                })
                .collect();
            let reach: Vec<_> = (needs.reach.iter())
                .map(|&at| {
                    let entry = &list.reach[at];
                    let json = json_of(&split, &entry.file);
                    read_reach(entry, &json, &sha256_hex(&json)).unwrap()
                })
                .collect();
            let read = || days.iter().map(Vec::as_slice);
            let zoomed = zoomed_timeline(
                unzoomed,
                &window,
                &needs,
                read(),
                reach.iter().map(Vec::as_slice),
            )
            .unwrap();
            let apps = shown_over(&index, &records, kind, &window);
            assert_eq!(zoomed, apps, "{kind:?} {window}");
            // A part of the days left out: no timeline, rather than one short.
            if !days.is_empty() {
                let short = zoomed_timeline(
                    unzoomed,
                    &window,
                    &needs,
                    read().skip(1),
                    reach.iter().map(Vec::as_slice),
                );
                assert_eq!(short, None);
            }
            fewer += usize::from(needs.days.len() < list.days.len());
            spread += usize::from(apps.buckets.iter().any(|b| b.spread > 0));
            inferred += usize::from(apps.buckets.iter().any(|b| b.inferred > 0));
            units.push(apps.unit);
            shown = apps;
        }
        units.sort_by_key(|u| *u as u8);
        units.dedup();
        assert!(
            fewer > 20 && spread > 20 && inferred > 10 && units.len() >= 3,
            "{kind:?}: {fewer} {spread} {inferred} {units:?}"
        );
        assert!(units.contains(&Unit::Month), "{units:?}");
    }
}
