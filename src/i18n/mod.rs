//! The interface's languages. Every word the app shows, in one table per
//! language (`en.rs`, `fa.rs`), and how each language writes numbers and dates.
//!
//! To add a language: copy `en.rs`, translate every string (the compiler names
//! any that are missing), add a `Lang` variant and its code, digits and
//! direction below. Corpus text is never translated: it is shown as written.

mod en;
mod fa;

use crate::date::{DateError, DateSpan, PartialDate};
use crate::model::{DateSpec, Kind};
use crate::timeline::Unit;
use crate::url_state::{ClaimOrder, View};
use crate::vocab::Vocab;

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fa,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fa];

    /// The BCP 47 code, as in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fa => "fa",
        }
    }

    /// The language a code names: "fa", "fa-IR" and "FA" all name Persian.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the reader's preferred languages (as the browser lists
    /// them) that the interface speaks; English when none is.
    pub fn preferred<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
        languages
            .into_iter()
            .find_map(Lang::from_code)
            .unwrap_or_default()
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Fa => "rtl",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Fa => &fa::STRINGS,
        }
    }

    /// The digits 0–9 as the language writes them.
    fn digits(self) -> [char; 10] {
        match self {
            Lang::En => ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
            Lang::Fa => ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'],
        }
    }

    fn thousands_separator(self) -> char {
        match self {
            Lang::En => ',',
            // ARABIC THOUSANDS SEPARATOR, as Persian typesetting uses.
            Lang::Fa => '٬',
        }
    }

    /// Writes the ASCII digits of `text` in this language's digits.
    pub fn digits_in(self, text: &str) -> String {
        let digits = self.digits();
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => digits[d as usize],
                _ => c,
            })
            .collect()
    }

    /// "100,000" or "۱۰۰٬۰۰۰".
    pub fn number(self, n: usize) -> String {
        let plain = n.to_string();
        let sep = self.thousands_separator();
        let mut out = String::with_capacity(plain.len() * 2);
        for (i, d) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(d);
        }
        self.digits_in(&out)
    }

    /// A whole percentage: "45%" or "۴۵٪".
    pub fn percent(self, fraction: f64) -> String {
        let n = (fraction.clamp(0.0, 1.0) * 100.0).round() as usize;
        fill(self.strings().percent, &[&self.number(n)])
    }

    /// A year as readers write it: no grouping ("1988", "۱۹۸۸").
    pub fn year(self, year: i32) -> String {
        self.digits_in(&year.to_string())
    }

    /// A partial date as precisely as known: "1988", "September 2016",
    /// "13 September 2016", or the same in Persian.
    pub fn date(self, date: &PartialDate) -> String {
        let t = self.strings();
        let year = self.year(date.year);
        match (date.month, date.day) {
            (Some(m), Some(d)) => fill(
                t.day_month_year,
                &[&self.number(d as usize), month(t, m), &year],
            ),
            (Some(m), None) => fill(t.month_year, &[month(t, m), &year]),
            _ => year,
        }
    }

    /// A span of partial dates, as `DateSpan`'s English display but in this language.
    pub fn span(self, span: &DateSpan) -> String {
        let t = self.strings();
        let (s, e) = match (span.start, span.end) {
            (Some(s), Some(e)) => (s, e),
            (Some(s), None) => return fill(t.or_later, &[&self.date(&s)]),
            (None, Some(e)) => return fill(t.or_earlier, &[&self.date(&e)]),
            (None, None) => return String::new(),
        };
        if s == e {
            return self.date(&s);
        }
        // "June – September 1988" rather than "June 1988 – September 1988".
        if s.year == e.year && s.day.is_none() && e.day.is_none() {
            if let (Some(sm), Some(_)) = (s.month, e.month) {
                return format!("{} – {}", month(t, sm), self.date(&e));
            }
        }
        format!("{} – {}", self.date(&s), self.date(&e))
    }

    /// A record's date as readers see it: the text's own phrasing where the
    /// corpus gives one (corpus text, not translated), else the span.
    pub fn date_spec(self, date: &DateSpec) -> String {
        if let Some(label) = &date.label {
            return label.clone();
        }
        match DateSpan::parse(&date.when) {
            Ok(span) => self.span(&span),
            Err(_) => date.when.clone(),
        }
    }

    /// A timeline period, from its first day (YYYYMMDD) at `unit` precision:
    /// "1980s", "1988", "June 1988", "13 June 1988", or the same in Persian.
    pub fn period(self, first_day: u32, unit: Unit) -> String {
        let (year, month, day) = crate::timeline::split(first_day);
        let (month, day) = (month as u8, day as u8);
        let (month, day) = match unit {
            Unit::Decade => return fill(self.strings().decade, &[&self.year(year)]),
            Unit::Year => (None, None),
            Unit::Month => (Some(month), None),
            Unit::Day => (Some(month), Some(day)),
        };
        self.date(&PartialDate { year, month, day })
    }

    /// "decade", "year", "month", "day".
    pub fn unit(self, unit: Unit) -> &'static str {
        let units = &self.strings().units;
        match unit {
            Unit::Decade => units[0],
            Unit::Year => units[1],
            Unit::Month => units[2],
            Unit::Day => units[3],
        }
    }

    /// Why a typed date was refused.
    pub fn date_error(self, error: &DateError) -> String {
        let t = self.strings();
        match error {
            DateError::Format(text) => fill(t.not_a_date, &[text]),
            DateError::Impossible(text) => fill(t.impossible_date, &[text]),
            DateError::EndsBeforeStart(text) => fill(t.ends_before_start, &[text]),
        }
    }

    /// The words for one kind of record.
    pub fn kind(self, kind: Kind) -> &'static KindText {
        let t = self.strings();
        match kind {
            Kind::Event => &t.events,
            Kind::Claim => &t.claims,
            Kind::Source => &t.sources,
            Kind::Actor => &t.actors,
        }
    }

    /// "1 claim", "3 claims", "۳ ادعا".
    pub fn count(self, plural: &Plural, n: usize) -> String {
        fill(plural.pick(n), &[&self.number(n)])
    }

    /// So many records of a kind: "1 claim", "12,400 claims".
    pub fn records(self, kind: Kind, n: usize) -> String {
        self.count(&self.kind(kind).count, n)
    }

    pub fn view_label(self, view: View) -> &'static str {
        self.kind(view.kind()).title
    }

    pub fn order_label(self, order: ClaimOrder) -> &'static str {
        let t = self.strings();
        match order {
            ClaimOrder::Date => t.order_date,
            ClaimOrder::Kind => t.order_kind,
            ClaimOrder::Claimant => t.order_claimant,
        }
    }

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

fn month(t: &Strings, m: u8) -> &'static str {
    t.months
        .get(usize::from(m).saturating_sub(1))
        .copied()
        .unwrap_or("")
}

/// Puts `args` into a template's `{0}`, `{1}`…, so a translation may reorder them.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let n: usize = after[..close].parse().ok()?;
            Some((n, close))
        }) {
            Some((n, close)) => {
                out.push_str(args.get(n).copied().unwrap_or(""));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A counted phrase: `{0}` is the number. Persian uses the same form for both.
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `n` things.
    pub fn pick(&self, n: usize) -> &'static str {
        if n == 1 {
            self.one
        } else {
            self.other
        }
    }
}

/// The words for one kind of record.
pub struct KindText {
    /// The view's tab and heading: "Events".
    pub title: &'static str,
    /// A record of this kind: "Event", on its page.
    pub singular: &'static str,
    /// "12 events".
    pub count: Plural,
    /// "events", in "Numbers beside each choice count matching events".
    pub plural: &'static str,
    /// "No events match these filters."
    pub none_match: &'static str,
    /// "3 events with no date are hidden by the range."
    pub undated_hidden: Plural,
    /// "Events (CSV)".
    pub csv: &'static str,
}

/// Every string of the interface in one language. `{0}`, `{1}`… are filled in.
pub struct Strings {
    /// The language's own name, for the language switch: "English", "فارسی".
    pub name: &'static str,
    pub language: &'static str,
    pub skip: &'static str,
    pub app_name: &'static str,
    /// Between the items of a list: ", " or "، ".
    pub comma: &'static str,
    pub percent: &'static str,
    pub months: [&'static str; 12],
    pub day_month_year: &'static str,
    pub month_year: &'static str,
    pub or_later: &'static str,
    pub or_earlier: &'static str,
    pub decade: &'static str,
    pub undated: &'static str,
    pub undated_heading: &'static str,
    pub events: KindText,
    pub claims: KindText,
    pub sources: KindText,
    pub actors: KindText,
    /// Vocabulary labels: (vocabulary name, value, label). English uses `vocab.rs`.
    pub terms: &'static [(&'static str, &'static str, &'static str)],

    // Loading and failing.
    pub loading: &'static str,
    pub megabytes: &'static str,
    pub downloading_of: &'static str,
    pub downloading: &'static str,
    pub reading: &'static str,
    pub checking: &'static str,
    pub indexing: &'static str,
    pub loading_progress: &'static str,
    pub load_failed: &'static str,
    pub load_failed_advice: &'static str,
    pub try_again: &'static str,
    pub shipped_name: &'static str,
    pub opened_file: &'static str,
    pub download_failed: &'static str,
    pub download_refused: &'static str,
    pub read_failed: &'static str,
    pub file_read_failed: &'static str,
    pub not_utf8: &'static str,
    pub connection_failed: &'static str,
    pub no_stream: &'static str,

    // Page frame.
    pub footer_version: &'static str,
    pub footer_principle: &'static str,
    pub download_corpus: &'static str,
    pub its_schema: &'static str,
    pub plain_edition: &'static str,
    pub views: &'static str,

    // Lists.
    pub preparing_search: &'static str,
    pub export_summary: &'static str,
    pub clear_all: &'static str,
    pub heading_some: &'static str,
    pub previous: &'static str,
    pub previous_aria: &'static str,
    pub next: &'static str,
    pub next_aria: &'static str,
    pub page_aria: &'static str,
    pub pages_label: &'static str,
    pub showing_page: &'static str,
    pub page_note: &'static str,
    pub loose_title: &'static str,
    pub loose_hint: &'static str,
    pub involved_lead: &'static str,
    pub group_by: &'static str,
    pub order_date: &'static str,
    pub order_kind: &'static str,
    pub order_claimant: &'static str,
    pub continued: &'static str,
    pub tolls_cut: &'static str,
    pub tolls_title: &'static str,
    pub tolls_hint: &'static str,
    pub figure: &'static str,
    pub claimed_by: &'static str,
    pub made: &'static str,
    pub reported_in: &'static str,
    pub relayed_by_lead: &'static str,
    pub reported_in_lead: &'static str,
    pub first_made_in_lead: &'static str,
    pub published_by_lead: &'static str,
    pub cites_lead: &'static str,
    pub cited_by_lead: &'static str,
    pub rest_on_it: &'static str,
    pub name_column: &'static str,
    pub filter_column: &'static str,
    pub actors_hint_all: &'static str,
    pub actors_hint_filtered: &'static str,
    pub filter_by_name: &'static str,
    pub stop_filtering_by: &'static str,
    pub filtering: &'static str,
    pub filter_by: &'static str,
    pub show_more: &'static str,
    pub text_says: &'static str,
    pub inferred_long: &'static str,
    pub inferred: &'static str,
    pub rejected_title: Plural,
    pub rejected_intro: &'static str,
    pub rejected_show: &'static str,

    // Filters.
    pub filters: &'static str,
    pub active: &'static str,
    pub counts_hint: &'static str,
    pub claim_kinds: &'static str,
    pub event_tags: &'static str,
    pub legal_characterisations: &'static str,
    pub source_kinds: &'static str,
    pub search_label: &'static str,
    pub date: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub from_placeholder: &'static str,
    pub to_placeholder: &'static str,
    pub date_hint: &'static str,
    pub end_ignored: &'static str,
    pub not_a_date: &'static str,
    pub impossible_date: &'static str,
    pub ends_before_start: &'static str,
    pub undated_shown: &'static str,
    pub undated_hidden_none: &'static str,
    pub also_undated: &'static str,
    pub no_actor_named: &'static str,
    pub remove: &'static str,
    pub actors_legend: &'static str,
    pub chosen_actors: &'static str,
    pub add_actor: &'static str,
    pub actor_hint: &'static str,

    // Record pages.
    pub back: &'static str,
    pub no_such_record: &'static str,
    pub no_such_record_text: &'static str,
    pub place: &'static str,
    pub tags: &'static str,
    pub involved: &'static str,
    pub what_sources_say: &'static str,
    pub claims_about: &'static str,
    pub related_events: &'static str,
    pub kind_and_label: &'static str,
    pub relayed_by: &'static str,
    pub first_made_in: &'static str,
    pub legal_terms: &'static str,
    pub about: &'static str,
    pub note: &'static str,
    pub untitled: &'static str,
    pub publisher: &'static str,
    pub authors: &'static str,
    pub identifiers: &'static str,
    pub link: &'static str,
    pub stance: &'static str,
    pub cites: &'static str,
    pub cited_by: &'static str,
    pub rest_on_source: &'static str,
    pub events_it_reports: &'static str,
    pub claims_reported: &'static str,
    pub claims_first_made: &'static str,
    pub also_written: &'static str,
    pub country: &'static str,
    pub description: &'static str,
    pub sources_of_actor: &'static str,
    pub filter_every_view: &'static str,
    pub roles: &'static str,
    pub according_to: &'static str,
    pub events_involving: &'static str,
    pub claims_made: &'static str,
    /// Who made a claim where no claimant is linked.
    pub speaker: crate::index::SpeakerWords,

    // Opening a corpus and its report.
    pub open_title: &'static str,
    pub open_before_link: &'static str,
    pub schema_link: &'static str,
    pub open_after_link: &'static str,
    pub nothing_leaves: &'static str,
    pub read_here: &'static str,
    pub corpus_file: &'static str,
    pub open_shipped: &'static str,
    pub corpus_lead: &'static str,
    pub open_another: &'static str,
    pub report_summary: &'static str,
    pub errors: Plural,
    pub warnings: Plural,
    pub report_hint: &'static str,

    // Taking records away.
    pub download_refused_by_browser: &'static str,
    pub take_away: &'static str,
    pub files_hint: &'static str,
    pub json_export: &'static str,
    pub print: &'static str,
    pub cite: &'static str,
    pub citation: &'static str,
    pub copy_citation: &'static str,
    pub copied: &'static str,
    pub copy_refused: &'static str,
    pub printed_on: &'static str,
    pub print_view: &'static str,
    pub print_grouped: &'static str,
    pub print_no_filters: &'static str,
    pub print_filters: &'static str,
    pub print_links: &'static str,

    // Charts.
    pub or_more: &'static str,
    pub up_to: &'static str,
    pub toll_mark: &'static str,
    pub toll_mark_title: &'static str,
    pub word_range: &'static str,
    pub tolls_chart_title: &'static str,
    pub tolls_legend: &'static str,
    pub same_figures: &'static str,
    pub figure_as_written: &'static str,
    pub as_drawn: &'static str,
    pub matrix_cell: Plural,
    pub matrix_more: &'static str,
    pub matrix_title: &'static str,
    pub matrix_hint: &'static str,
    pub claimant: &'static str,
    pub tl_undated: &'static str,
    pub tl_outside: &'static str,
    pub tl_range_ends: &'static str,
    pub tl_range_starts: &'static str,
    pub tl_period: &'static str,
    pub tl_dated_in: &'static str,
    pub tl_inferred: &'static str,
    pub tl_may_fall: &'static str,
    pub tl_caption: &'static str,
    pub tl_zoom_in: &'static str,
    pub tl_zoom_out: &'static str,
    pub tl_same_counts: &'static str,
    pub tl_key_stated: &'static str,
    pub tl_key_inferred: &'static str,
    pub tl_key_spread: &'static str,
    pub tl_hint: &'static str,
    pub units: [&'static str; 4],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;

    #[test]
    fn templates_take_their_arguments_in_any_order() {
        assert_eq!(fill("{0} of {1}", &["3", "9"]), "3 of 9");
        assert_eq!(fill("{1} از {0}", &["9", "3"]), "3 از 9");
        assert_eq!(fill("a {b} c {2}", &["x"]), "a {b} c ");
    }

    #[test]
    fn numbers_and_dates_are_written_the_way_each_language_writes_them() {
        assert_eq!(Lang::En.number(100_000), "100,000");
        assert_eq!(Lang::Fa.number(100_000), "۱۰۰٬۰۰۰");
        assert_eq!(Lang::Fa.number(7), "۷");
        assert_eq!(Lang::Fa.percent(0.45), "۴۵٪");
        let d = PartialDate::parse("2016-09-13").unwrap();
        assert_eq!(Lang::En.date(&d), "13 September 2016");
        assert_eq!(Lang::Fa.date(&d), "۱۳ سپتامبر ۲۰۱۶");
        let span = DateSpan::parse("1988-06/1988-09").unwrap();
        assert_eq!(Lang::En.span(&span), "June – September 1988");
        assert_eq!(Lang::Fa.span(&span), "ژوئن – سپتامبر ۱۹۸۸");
        assert_eq!(Lang::En.period(19_800_101, Unit::Decade), "1980s");
        assert_eq!(Lang::Fa.period(19_800_101, Unit::Decade), "دههٔ ۱۹۸۰");
        assert_eq!(Lang::En.period(19_880_601, Unit::Month), "June 1988");
        let bad = PartialDate::parse("2016-13").unwrap_err();
        assert_eq!(Lang::En.date_error(&bad), bad.to_string());
        assert!(Lang::Fa.date_error(&bad).contains("2016-13"));
        let open = DateSpan::parse("2017-08/..").unwrap();
        assert_eq!(Lang::En.span(&open), "August 2017 or later");
        assert_eq!(
            Lang::Fa.count(&Lang::Fa.strings().claims.count, 1),
            "۱ ادعا"
        );
        assert_eq!(
            Lang::En.count(&Lang::En.strings().claims.count, 1),
            "1 claim"
        );
        assert_eq!(
            Lang::En.count(&Lang::En.strings().claims.count, 1200),
            "1,200 claims"
        );
    }

    #[test]
    fn the_browser_language_picks_the_interface_language() {
        assert_eq!(Lang::preferred(["fa-IR", "en-US"]), Lang::Fa);
        assert_eq!(Lang::preferred(["de", "fa"]), Lang::Fa);
        assert_eq!(Lang::preferred(["en-GB", "fa"]), Lang::En);
        assert_eq!(Lang::preferred(["de"]), Lang::En);
        assert_eq!(Lang::from_code("FA"), Some(Lang::Fa));
        assert_eq!(Lang::from_code("xx"), None);
    }

    #[test]
    fn every_vocabulary_value_has_a_label_in_every_language() {
        for lang in Lang::ALL {
            for v in vocab::ALL {
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
