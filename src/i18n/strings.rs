//! The shape of a language's table: every string the interface shows, as fields, so
//! that the compiler names any string a new language is missing.

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

/// The words that say who made a claim when no claimant is linked: `{0}` is
/// the claimant's or the author's name, or the reporting source's title.
#[derive(Clone, Copy, Debug)]
pub struct SpeakerWords {
    pub own_voice: &'static str,
    pub author_of: &'static str,
    pub unattributed: &'static str,
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
    pub speaker: SpeakerWords,

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
    /// An institution's counts: its own records, and those through its
    /// parts and its people in role ("0 own, 21 through its bodies and officials").
    pub own_and_through: &'static str,
    /// Before the institution a record counts under without involving it itself.
    pub counted_under: &'static str,
    /// Between a person and the role through which a record counts ("António Guterres, as …").
    pub as_role: &'static str,
    /// Before the part of an institution through which a record counts.
    pub through_part: &'static str,
    /// What is typed names a filter: "Crime against humanity is also a filter: 20 claims".
    pub also_a_filter: &'static str,
    pub part_of: &'static str,
    pub its_parts: &'static str,
    pub people_in_role: &'static str,
    /// Under the static first page the app's page carries: "The first 47 of 47 events, while the app loads."
    pub first_page_note: &'static str,

    // The app with no connection (src/app/offline.rs).
    /// The name of the notice of a new version, for screen readers: "New version".
    pub update_label: &'static str,
    /// "A new version is ready: version {0} of the corpus, {1}.", where {1} is one of the three below.
    pub update_ready: &'static str,
    /// "12 more records": how many more than the corpus on screen.
    pub update_more: Plural,
    /// "3 fewer records".
    pub update_fewer: Plural,
    /// "307 records": as many as before, or where the corpus on screen is another.
    pub update_records: Plural,
    /// A new version of the app alone, with the same corpus.
    pub update_app_only: &'static str,
    pub update_reload: &'static str,
    pub offline_title: &'static str,
    /// "This device keeps the whole corpus (0.3 MB)."
    pub offline_kept_all: &'static str,
    /// "This device keeps 0.1 MB of the corpus's 0.3 MB."
    pub offline_kept_some: &'static str,
    pub offline_app_kept: &'static str,
    pub offline_app_not_yet: &'static str,
    pub offline_keep: &'static str,
    /// "Keeping the corpus: 0.1 MB of 0.3 MB"
    pub offline_keeping: &'static str,
    pub offline_persisted: &'static str,
    pub offline_not_persisted: &'static str,
    /// "The corpus could not be kept: {0}" (the browser's words).
    pub offline_failed: &'static str,
    /// A year's section among the events dated less precisely: its name for
    /// screen readers, apart from the same year's section above.
    pub loose_year: &'static str,
    /// The button that shows or hides the timeline on a narrow screen.
    pub tl_show: &'static str,
    /// The fold over the claims' charts on a narrow screen.
    pub claims_charts_show: &'static str,
    /// The corpus bar: "version {0}".
    pub corpus_version: &'static str,
    /// The corpus bar: the start of the corpus file's SHA-256, "SHA-256 {0}…".
    pub corpus_fingerprint_short: &'static str,
    /// Before the whole SHA-256 of the corpus file.
    pub corpus_fingerprint: &'static str,
    /// The printed page: the corpus, "{0}" title, "{1}" version, "{2}" SHA-256.
    pub print_corpus: &'static str,
    /// The notice on every view of a corpus that is not the site's own.
    pub elsewhere_title: &'static str,
    /// "{0}" where it was read from, "{1}" the SHA-256 of that file.
    pub elsewhere_body: &'static str,
    /// A source's archived copy, its text's SHA-256 and when the text was captured.
    pub archived_copy: &'static str,
    pub text_sha256: &'static str,
    pub text_captured: &'static str,
    /// A year marked Solar Hijri, in the date field: "1367 SH".
    pub solar_hijri_year: &'static str,
    /// A year marked Gregorian: "1367 AD".
    pub gregorian_year: &'static str,
    /// Under the date field: `{0}` as typed, read as the Solar Hijri year
    /// `{1}`, from `{2}` to `{3}`.
    pub read_as_solar_hijri: &'static str,
    /// `{0}` as typed, read as the Gregorian year `{1}`.
    pub read_as_gregorian: &'static str,
    /// The button that reads the year the other way.
    pub read_instead_solar_hijri: &'static str,
    pub read_instead_gregorian: &'static str,
    pub solar_hijri_hint: &'static str,
    /// Where the list begins, when the corpus is in another language than the
    /// interface: `{0}` is the language.
    pub corpus_language: &'static str,
    /// What follows from it, folded on a phone: shown as written, not translated.
    pub corpus_language_more: &'static str,
    /// And when some names are given in the interface's language too.
    pub corpus_language_names: &'static str,
    /// Languages by code, named in this language; a code not listed shows as is.
    pub language_names: &'static [(&'static str, &'static str)],
    /// On an actor's page: its names in other languages.
    pub other_names: &'static str,
    /// The validation report of a corpus with no problems.
    pub checked_clean: &'static str,
    /// The footer, for a corpus opened from this device: `{0}` is the file name.
    pub opened_here: &'static str,
    /// What to do about each cause of a failed load.
    pub advice_refused: &'static str,
    pub advice_site_path: &'static str,
    pub advice_not_a_corpus: &'static str,
    pub advice_file_unreadable: &'static str,
    /// Why parts stored compressed cannot be read in this browser.
    pub no_inflate: &'static str,
    /// On a source's page: checking the reader's own copy of its text.
    pub copy_title: &'static str,
    pub copy_intro: &'static str,
    pub copy_file: &'static str,
    pub copy_drop: &'static str,
    pub copy_paste: &'static str,
    pub copy_check: &'static str,
    pub copy_reading: &'static str,
    pub copy_unreadable: &'static str,
    pub copy_empty: &'static str,
    /// `{0}` is the file's name, or `copy_pasted`.
    pub copy_checked: &'static str,
    pub copy_pasted: &'static str,
    pub copy_as_html: &'static str,
    pub copy_sha256: &'static str,
    pub copy_identical: &'static str,
    pub copy_different: &'static str,
    pub copy_no_fingerprint: &'static str,
    /// The summary: `{0}` quotes found of `{1}`, the form chosen by `{1}`.
    pub copy_found: Plural,
    pub copy_no_quotes: &'static str,
    pub copy_not_found: &'static str,
    /// On a phone, the button at the foot of the open filter panel that goes to
    /// the list: `{0}` is how many records it keeps ("21 claims").
    pub show_results: &'static str,
    /// The same while the search is still being prepared and the count unknown.
    pub show_list: &'static str,
    /// The button that shows the whole of the corpus's description when a phone
    /// shows its first lines, and the one that folds it again.
    pub lede_more: &'static str,
    pub lede_less: &'static str,
    /// A record opened by its address, shown on its own before the rest of the
    /// corpus is read.
    pub alone_reading: &'static str,
    pub alone_record: &'static str,
    /// A corpus read only when the reader asks: `{0}` records, `{1}` parts,
    /// `{2}` the download ("146.0 MB").
    pub alone_asks_title: &'static str,
    pub alone_asks: &'static str,
    /// The button: `{0}` the download.
    pub read_everything: &'static str,
    /// In place of what points to a record, while the corpus is not all read.
    pub waits_for_corpus: &'static str,
    pub finding_record: &'static str,
    /// Under a record's first look, shown before the app is there.
    pub glance_note: &'static str,
    /// Under the notice of a corpus read on request, where its events can be
    /// paged through meanwhile.
    pub alone_pages: &'static str,
    /// While a page of the list is fetched: the page's number.
    pub page_fetching: &'static str,
    /// A page of the list that could not be fetched: its number.
    pub page_failed: &'static str,
    /// Above part of a corpus on screen, when the rest could not be read.
    pub rest_failed: &'static str,
    /// The box that goes to the page where a year's events begin, and its button.
    pub year_jump: &'static str,
    pub year_go: &'static str,
    /// What was typed in it, when it is not a year.
    pub year_unread: &'static str,
    /// A year after every dated event.
    pub year_none: &'static str,
    /// While the parts that hold the events of a date range are read: how many
    /// of how many are in.
    pub range_reading: &'static str,
    /// The records of a date range could not all be read: {0}, the plural of
    /// their kind (`KindText::plural`).
    pub range_failed: &'static str,
    /// The records of another view's list for a filter without dates could not
    /// all be read: {0}, the plural of their kind.
    pub filter_failed: &'static str,
    /// A date range whose events are in too many parts to read unasked: how
    /// many, and their size.
    pub range_asks: &'static str,
    /// The button that reads them, with their size.
    pub range_read: &'static str,
    /// While the words typed in the search above a list in pages are looked up.
    pub searching: &'static str,
    /// The words typed could not be looked up.
    pub search_failed: &'static str,
    /// Above a list in pages: the kinds chosen (event tags, claim kinds…), each removable.
    pub chosen_kinds: &'static str,
    /// The kinds chosen could not be looked up.
    pub kinds_failed: &'static str,
    /// Where a view's list needs the whole corpus (the notice above offers to read it).
    pub view_waits: &'static str,
    /// The claims' charts before the corpus: on their way, or failed.
    pub charts_fetching: &'static str,
    pub charts_failed: &'static str,
    /// Above a list in pages: the fold of the kinds to choose from.
    pub kinds_choose: &'static str,
    /// The counts beside the kinds under words or kinds, before the corpus:
    /// being counted, or failed.
    pub kinds_counting: &'static str,
    pub kinds_count_failed: &'static str,
    /// Counting them needs the kinds' table, {0} to download: asked first.
    pub kinds_count_asks: &'static str,
    pub kinds_count_read: &'static str,
    /// The timeline of a search before the corpus: counting, or failed.
    pub tl_counting: &'static str,
    pub tl_failed: &'static str,
    /// The names of institutions and people could not be looked up (the
    /// chooser above a list in pages).
    pub names_failed: &'static str,
    /// Beside that chooser: what its numbers count.
    pub names_hint: &'static str,
}
