//! A reader's own copy of a source, checked against the corpus: is it byte for
//! byte the text the corpus was made from (its SHA-256), and where in it is each
//! quote the corpus takes from the source.
//!
//! The copy may be a saved web page (its text is read out of the HTML) or plain
//! text. Quotes are matched as a reader would accept them and no looser: runs of
//! whitespace are one space, curly and straight quotes are alike, the dashes are
//! alike, and HTML entities are the characters they stand for. Case, letters,
//! words and punctuation otherwise must be exactly the quote's.

use crate::corpus::model::{Corpus, Kind};
use crate::corpus::sha256::sha256_hex;
use crate::i18n::{fill, Lang};

/// A quote the corpus takes from a source, with the record that takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    pub kind: Kind,
    pub record: String,
    pub quote: String,
}

/// Every quote the corpus takes from `source`: the events' evidence and the
/// claims reported in it. `events` and `claims` are the positions to look at
/// (the records linked to the source; any others are passed over).
pub fn quotes_from(
    corpus: &Corpus,
    source: &str,
    events: &[usize],
    claims: &[usize],
) -> Vec<Cited> {
    let mut out = Vec::new();
    for event in events.iter().filter_map(|&e| corpus.events.get(e)) {
        for x in event.evidence.iter().filter(|x| x.source == source) {
            out.push(Cited {
                kind: Kind::Event,
                record: event.id.clone(),
                quote: x.quote.clone(),
            });
        }
    }
    for claim in claims.iter().filter_map(|&c| corpus.claims.get(c)) {
        if claim.reported_in == source {
            out.push(Cited {
                kind: Kind::Claim,
                record: claim.id.clone(),
                quote: claim.quote.clone(),
            });
        }
    }
    out
}

/// Whether the copy's bytes are those the corpus records the fingerprint of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fingerprint {
    Identical,
    Different,
    /// The corpus records no SHA-256 for this source's text.
    NotRecorded,
}

/// A quote found: the paragraph of the copy it stands in, as the copy writes
/// it, cut around the quote so that it can be highlighted without HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub before: String,
    pub matched: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteCheck {
    pub cited: Cited,
    /// None: not in the copy.
    pub found: Option<Found>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyReport {
    pub fingerprint: Fingerprint,
    /// The SHA-256 of the copy's bytes.
    pub sha256: String,
    /// The copy was read as a web page.
    pub html: bool,
    pub quotes: Vec<QuoteCheck>,
}

impl CopyReport {
    /// How many of the quotes the copy holds.
    pub fn found(&self) -> usize {
        self.quotes.iter().filter(|q| q.found.is_some()).count()
    }
}

/// Checks a copy's bytes against the fingerprint the corpus records (if any)
/// and looks for each quote in its text.
pub fn check_copy(bytes: &[u8], recorded: Option<&str>, quotes: Vec<Cited>) -> CopyReport {
    let sha256 = sha256_hex(bytes);
    let fingerprint = match recorded.map(str::trim).filter(|r| !r.is_empty()) {
        None => Fingerprint::NotRecorded,
        Some(r) if r.eq_ignore_ascii_case(&sha256) => Fingerprint::Identical,
        Some(_) => Fingerprint::Different,
    };
    let text = String::from_utf8_lossy(bytes);
    let html = looks_like_html(&text);
    let paragraphs = if html {
        html_paragraphs(&text)
    } else {
        text_paragraphs(&text)
    };
    // Text read out of HTML has its entities decoded already.
    let copy = Normalised::of(&paragraphs, !html);
    let quotes = quotes
        .into_iter()
        .map(|cited| {
            let found = copy.find(&cited.quote, &paragraphs);
            QuoteCheck { cited, found }
        })
        .collect();
    CopyReport {
        fingerprint,
        sha256,
        html,
        quotes,
    }
}

/// A saved web page, rather than text: it opens as HTML does, or has the
/// tags a page's text is set in.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = start
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    [
        "</p>", "<br>", "<br/>", "<br />", "</div>", "<body", "</html>",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// Plain text's paragraphs: blocks between blank lines, or, in a text with no
/// blank line, its lines.
fn text_paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let blank = |l: &&str| l.trim().is_empty();
    if !lines.iter().any(blank) {
        return lines.into_iter().map(String::from).collect();
    }
    lines
        .split(blank)
        .filter(|block| !block.is_empty())
        .map(|block| block.join("\n"))
        .collect()
}

/// Elements whose content is no part of the page's text.
const UNSEEN: [&str; 7] = [
    "script", "style", "head", "noscript", "template", "svg", "title",
];

/// Elements that start a new paragraph where they open or close.
const BLOCKS: [&str; 34] = [
    "p",
    "div",
    "li",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "address",
    "body",
    "caption",
];

/// Cells of a row: a word break between them, not a paragraph.
const CELLS: [&str; 2] = ["td", "th"];

/// The text of a web page, by paragraph, its entities decoded.
fn html_paragraphs(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase(); // same byte offsets as `html`
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        if !current.trim().is_empty() {
            paragraphs.push(std::mem::take(current));
        }
        current.clear();
    };
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with('<') {
            if let Some(tag) = Tag::read(&lower[i..]) {
                i += tag.len;
                let name = tag.name.as_str();
                if !tag.closing && !tag.self_closing && UNSEEN.contains(&name) {
                    // Skip to its end tag; a head left open is read, not dropped.
                    let close = format!("</{name}");
                    match lower[i..].find(&close) {
                        Some(at) => {
                            let after = i + at;
                            i = lower[after..]
                                .find('>')
                                .map_or(html.len(), |e| after + e + 1);
                        }
                        None if name == "head" => {}
                        None => i = html.len(),
                    }
                } else if BLOCKS.contains(&name) {
                    flush(&mut current);
                } else if CELLS.contains(&name) {
                    current.push(' ');
                }
                continue;
            }
        }
        if rest.starts_with('&') {
            if let Some((c, len)) = entity(rest) {
                current.push(c);
                i += len;
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        current.push(c);
        i += c.len_utf8();
    }
    flush(&mut current);
    paragraphs
}

/// A tag at the start of (lowercased) HTML: its name, whether it closes, and
/// its length. `<!doctype>` and `<?…>` read as tags named "!" and "?".
struct Tag {
    name: String,
    closing: bool,
    /// `<svg … />`: no content, no end tag.
    self_closing: bool,
    len: usize,
}

impl Tag {
    fn read(lower: &str) -> Option<Tag> {
        let rest = lower.strip_prefix('<')?;
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let first = rest.chars().next()?;
        let name: String = if first == '!' || first == '?' {
            first.to_string()
        } else if first.is_ascii_alphabetic() {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
                .collect()
        } else {
            return None; // a "<" in the text
        };
        // To the ">" that ends it, past any quoted attribute value.
        let mut quote = None;
        for (at, c) in lower.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    return Some(Tag {
                        name,
                        closing,
                        self_closing: lower[..at].ends_with('/'),
                        len: at + 1,
                    })
                }
                _ => {}
            }
        }
        None
    }
}

/// The character an HTML entity at the start of `text` stands for, and the
/// entity's length: the common named ones and any numeric one.
fn entity(text: &str) -> Option<(char, usize)> {
    let rest = text.strip_prefix('&')?;
    let end = rest.find(';').filter(|&e| e > 0 && e <= 10)?;
    let name = &rest[..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "rsquo" => '\u{2019}',
            "lsquo" => '\u{2018}',
            "ldquo" => '\u{201c}',
            "rdquo" => '\u{201d}',
            "sbquo" => '\u{201a}',
            "bdquo" => '\u{201e}',
            "ndash" => '\u{2013}',
            "mdash" => '\u{2014}',
            "minus" => '\u{2212}',
            "hellip" => '\u{2026}',
            "laquo" => '\u{ab}',
            "raquo" => '\u{bb}',
            "shy" => '\u{ad}',
            "zwnj" => '\u{200c}',
            "zwj" => '\u{200d}',
            _ => return None,
        }
    };
    Some((c, end + 2))
}

/// How a character matches: as a space, as itself, or as the one form of its
/// quote mark or dash.
fn fold(c: char) -> Option<char> {
    match c {
        '\u{feff}' => None, // a byte order mark is no part of the text
        c if c.is_whitespace() => Some(' '),
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => Some('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Some('-'),
        c => Some(c),
    }
}

/// Where a character of the matching form came from: its paragraph and the
/// byte range there of what it stands for (one character or an entity).
#[derive(Clone, Copy)]
struct Origin {
    paragraph: usize,
    start: usize,
    end: usize,
}

/// Paragraphs in their matching form, one string, with where each byte of it
/// came from.
struct Normalised {
    text: String,
    origins: Vec<Origin>,
}

impl Normalised {
    fn of(paragraphs: &[String], entities: bool) -> Normalised {
        let mut n = Normalised {
            text: String::new(),
            origins: Vec::new(),
        };
        for (p, paragraph) in paragraphs.iter().enumerate() {
            let mut space = true; // a paragraph break reads as a space
            let mut i = 0;
            while i < paragraph.len() {
                let rest = &paragraph[i..];
                let decoded = if entities { entity(rest) } else { None };
                let (c, len) = match decoded {
                    Some(d) => d,
                    None => {
                        let c = rest.chars().next().unwrap_or(' ');
                        (c, c.len_utf8())
                    }
                };
                let origin = Origin {
                    paragraph: p,
                    start: i,
                    end: i + len,
                };
                i += len;
                match fold(c) {
                    None => {}
                    Some(' ') => space = true,
                    Some(c) => {
                        if space && !n.text.is_empty() {
                            n.push(' ', origin);
                        }
                        space = false;
                        n.push(c, origin);
                    }
                }
            }
        }
        n
    }

    fn push(&mut self, c: char, origin: Origin) {
        self.text.push(c);
        self.origins
            .extend(std::iter::repeat_n(origin, c.len_utf8()));
    }

    /// The first place the quote stands, in the paragraphs as written.
    fn find(&self, quote: &str, paragraphs: &[String]) -> Option<Found> {
        let quote = Normalised::of(&[quote.to_string()], true).text;
        if quote.is_empty() {
            return None;
        }
        let at = self.text.find(&quote)?;
        let first = *self.origins.get(at)?;
        let last = *self.origins.get(at + quote.len() - 1)?;
        let para = |p: usize| paragraphs.get(p).map_or("", String::as_str);
        let opening = para(first.paragraph);
        let closing = para(last.paragraph);
        let matched = if first.paragraph == last.paragraph {
            opening[first.start..last.end].to_string()
        } else {
            // A quote across paragraphs: each break shown as a blank line.
            let mut parts = vec![&opening[first.start..]];
            parts.extend((first.paragraph + 1..last.paragraph).map(para));
            parts.push(&closing[..last.end]);
            parts.join("\n\n")
        };
        Some(Found {
            before: lead_in(&opening[..first.start]),
            matched,
            after: run_on(&closing[last.end..]),
        })
    }
}

/// How much of a long paragraph is shown on either side of a quote, in characters.
const CONTEXT_CHARS: usize = 400;

/// The end of the paragraph before a quote, shortened at a word to about
/// `CONTEXT_CHARS` with an ellipsis.
fn lead_in(before: &str) -> String {
    let before = before.trim_start();
    let chars = before.chars().count();
    if chars <= CONTEXT_CHARS {
        return before.to_string();
    }
    let cut = before
        .char_indices()
        .nth(chars - CONTEXT_CHARS)
        .map_or(0, |(i, _)| i);
    let tail = &before[cut..];
    let tail = tail
        .find(char::is_whitespace)
        .map_or(tail, |w| &tail[w..])
        .trim_start();
    format!("…{tail}")
}

/// The paragraph after a quote, shortened likewise.
fn run_on(after: &str) -> String {
    let after = after.trim_end();
    let Some((cut, _)) = after.char_indices().nth(CONTEXT_CHARS) else {
        return after.to_string();
    };
    let head = &after[..cut];
    let head = head
        .rfind(char::is_whitespace)
        .map_or(head, |w| &head[..w])
        .trim_end();
    format!("{head}…")
}

// How each language of the interface words the report.
impl Lang {
    /// "14 of 14 quotes found in your copy".
    pub fn copy_summary(self, report: &CopyReport) -> String {
        let total = report.quotes.len();
        let t = self.strings();
        if total == 0 {
            return t.copy_no_quotes.to_string();
        }
        fill(
            t.copy_found.pick(total),
            &[&self.number(report.found()), &self.number(total)],
        )
    }

    pub fn copy_fingerprint(self, fingerprint: Fingerprint) -> &'static str {
        let t = self.strings();
        match fingerprint {
            Fingerprint::Identical => t.copy_identical,
            Fingerprint::Different => t.copy_different,
            Fingerprint::NotRecorded => t.copy_no_fingerprint,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(quote: &str) -> Cited {
        Cited {
            kind: Kind::Event,
            record: "ev".into(),
            quote: quote.into(),
        }
    }

    fn found(copy: &str, quote: &str) -> Option<Found> {
        check_copy(copy.as_bytes(), None, vec![cited(quote)])
            .quotes
            .remove(0)
            .found
    }

    #[test]
    fn a_quote_is_found_in_its_paragraph_and_cut_for_highlighting() {
        let copy = "Title\n\nFirst paragraph here.\nStill the first.\n\nSecond one, with the quote in it. End.\n";
        let f = found(copy, "with the quote").unwrap();
        assert_eq!(f.before, "Second one, ");
        assert_eq!(f.matched, "with the quote");
        assert_eq!(f.after, " in it. End.");
    }

    #[test]
    fn whitespace_quotes_dashes_and_entities_are_alike() {
        let copy = "Title\n\nHe said \u{201c}it was   the regime\u{2019}s\norder\u{201d} \u{2014} 1988&ndash;89.";
        let quote = "\"it was the regime's order\" - 1988-89";
        let f = found(copy, quote).unwrap();
        // The highlight is the copy's own text, curly quotes and all.
        assert_eq!(
            f.matched,
            "\u{201c}it was   the regime\u{2019}s\norder\u{201d} \u{2014} 1988&ndash;89"
        );
        assert_eq!(f.before, "He said ");
        assert_eq!(f.after, ".");
        assert!(found("a &amp; b", "a & b").is_some());
        assert!(found("a & b", "a &amp; b").is_some());
        assert!(found("x\u{2212}1 and y\u{2012}2", "x-1 and y-2").is_some());
    }

    /// Lines of the seed text of the Jurist article on the Paris conference
    /// (`000_39944bf0da5c5d69.txt`), and quotes the corpus takes from it.
    const SEED: &str = "Paris conference on accountability for notorious 1988 Iran prison massacre highlights challenges to human rights in Iran\nJurist News, September 3, 2024\nOn August 24, Paris was the venue for an international conference sponsored by Justice for the Victims of the 1988 Massacre in Iran (JVMI), dedicated to confronting one of the darkest episodes in Iran\u{2019}s history: the 1988 Massacre. The event, titled \u{201c}Accountability for Atrocity Crimes,\u{201d} drew legal luminaries, human rights advocates, survivors, and observers from around the world, all unified in their demand for justice and accountability for the atrocities committed by the Iranian regime 36 years ago. I was in attendance.\n";
    const SEED_QUOTES: [&str; 2] = [
        "On August 24, Paris was the venue for an international conference sponsored by Justice for the Victims of the 1988 Massacre in Iran (JVMI)",
        "The event, titled \u{201c}Accountability for Atrocity Crimes,\u{201d} drew legal luminaries, human rights advocates, survivors, and observers from around the world",
    ];

    #[test]
    fn a_seed_excerpt_identical_changed_and_as_a_web_page() {
        let quotes = || SEED_QUOTES.iter().map(|q| cited(q)).collect::<Vec<_>>();
        let hash = sha256_hex(SEED.as_bytes());
        let r = check_copy(SEED.as_bytes(), Some(&hash), quotes());
        assert_eq!(r.fingerprint, Fingerprint::Identical);
        assert_eq!(r.found(), 2);
        let f = r.quotes[1].found.clone().unwrap();
        assert!(f.before.ends_with("the 1988 Massacre. "), "{:?}", f.before);
        assert_eq!(f.after, ", all unified in their demand for justice and accountability for the atrocities committed by the Iranian regime 36 years ago. I was in attendance.");

        let changed = SEED.replace("drew legal luminaries", "drew many legal luminaries");
        let r = check_copy(changed.as_bytes(), Some(&hash), quotes());
        assert_eq!(r.fingerprint, Fingerprint::Different);
        assert!(r.quotes[0].found.is_some() && r.quotes[1].found.is_none());
        assert_eq!(
            Lang::En.copy_summary(&r),
            "1 of 2 quotes found in your copy"
        );

        let page = format!(
            "<!doctype html><html><head><title>Jurist</title></head><body><article>{}</article></body></html>",
            SEED.lines()
                .map(|l| format!("<p>{}</p>\n", l.replace('\u{201c}', "&ldquo;").replace('\u{201d}', "&rdquo;")))
                .collect::<String>()
        );
        let r = check_copy(page.as_bytes(), Some(&hash), quotes());
        assert!(r.html);
        assert_eq!((r.fingerprint, r.found()), (Fingerprint::Different, 2));
        // The straight-quoted form of a quote matches the curly text too.
        let straight = SEED_QUOTES[1].replace(['\u{201c}', '\u{201d}'], "\"");
        assert!(found(SEED, &straight).is_some());
    }

    #[test]
    fn nothing_looser_matches() {
        let copy = "The Death Commission ordered the executions of thousands.";
        assert!(
            found(copy, "the Death Commission ordered").is_none(),
            "case"
        );
        assert!(
            found(copy, "Death Commission the executions").is_none(),
            "a missing word"
        );
        assert!(
            found(copy, "ordered the execution of").is_none(),
            "a changed letter"
        );
        assert!(
            found(copy, "ordered the executions, of").is_none(),
            "punctuation"
        );
        assert!(
            found(copy, "ordered theexecutions").is_none(),
            "a missing space"
        );
        assert!(
            found(copy, "thousands...").is_none(),
            "an ellipsis for a full stop"
        );
        assert!(found(copy, "").is_none(), "an empty quote");
        assert!(found(copy, "Death Commission ordered").is_some());
    }

    #[test]
    fn a_quote_across_paragraphs_shows_both() {
        let copy = "Heading\n\nBody starts here.";
        let f = found(copy, "Heading Body").unwrap();
        assert_eq!(f.matched, "Heading\n\nBody");
        assert_eq!(f.before, "");
        assert_eq!(f.after, " starts here.");
    }

    #[test]
    fn a_text_without_blank_lines_has_a_paragraph_a_line() {
        let f = found("one line\nthe quote line\nlast line", "quote").unwrap();
        assert_eq!((f.before.as_str(), f.after.as_str()), ("the ", " line"));
    }

    #[test]
    fn a_long_paragraph_is_shortened_around_the_quote() {
        let words = "word ".repeat(200);
        let copy = format!("{words}QUOTE {words}");
        let f = found(&copy, "QUOTE").unwrap();
        assert!(f.before.starts_with('…') && f.before.ends_with("word "));
        assert!(f.after.ends_with('…') && f.after.starts_with(" word"));
        assert!(f.before.chars().count() <= CONTEXT_CHARS + 1);
        assert!(f.after.chars().count() <= CONTEXT_CHARS + 1);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_around() {
        let mut bytes = b"Before \xff after, the words.".to_vec();
        bytes.push(b'\n');
        let r = check_copy(&bytes, None, vec![cited("after, the words.")]);
        assert_eq!(r.found(), 1);
    }

    #[test]
    fn html_text_is_read_out_of_the_page() {
        let page = r#"<!DOCTYPE html><html><head><title>The quote in the title</title>
<style>p { color: red } /* the quote */</style><script>var s = "<p>the quote</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>A heading</h1><p class="x" data-y='a > b'>Some <b>bold</b> text,
   then &ldquo;the quote&rdquo;&nbsp;&amp; more&#8230; &#x201C;done&#x201d;</p>
<!-- <p>the quote in a comment</p> --><ul><li>one</li><li>two</li></ul>
<table><tr><td>cell</td><td>next</td></tr></table>3 &lt; 4 and a < b</body></html>"#;
        assert!(looks_like_html(page));
        let paragraphs = html_paragraphs(page);
        let squeezed: Vec<String> = paragraphs
            .iter()
            .map(|p| crate::corpus::text::collapse_whitespace(p))
            .collect();
        assert_eq!(
            squeezed,
            [
                "Home",
                "A heading",
                "Some bold text, then \u{201c}the quote\u{201d} & more\u{2026} \u{201c}done\u{201d}",
                "one",
                "two",
                "cell next",
                "3 < 4 and a < b",
            ]
        );
        let f = found(page, "\"the quote\" & more").unwrap();
        assert_eq!(f.matched, "\u{201c}the quote\u{201d}\u{a0}& more");
        assert!(f.before.starts_with("Some bold text"), "{:?}", f.before);
    }

    #[test]
    fn plain_text_is_not_taken_for_html() {
        assert!(!looks_like_html(
            "A text that says 3 < 4 and uses <angle> brackets."
        ));
        assert!(looks_like_html("  <html lang=\"en\"><p>x"));
        assert!(looks_like_html("<div>x</div>"));
    }

    #[test]
    fn the_fingerprint_is_compared_byte_for_byte() {
        let text = b"The text.\n";
        let hash = sha256_hex(text);
        let r = check_copy(text, Some(&hash.to_uppercase()), vec![]);
        assert_eq!(r.fingerprint, Fingerprint::Identical);
        assert_eq!(r.sha256, hash);
        let r = check_copy(b"The text.\r\n", Some(&hash), vec![]);
        assert_eq!(r.fingerprint, Fingerprint::Different);
        let r = check_copy(text, None, vec![]);
        assert_eq!(r.fingerprint, Fingerprint::NotRecorded);
    }

    #[test]
    fn the_summary_counts_in_both_languages() {
        let r = check_copy(b"a b c", None, vec![cited("a b"), cited("c d")]);
        assert_eq!(
            Lang::En.copy_summary(&r),
            "1 of 2 quotes found in your copy"
        );
        assert!(Lang::Fa.copy_summary(&r).contains('۱'));
        let one = check_copy(b"a b c", None, vec![cited("a b")]);
        assert_eq!(
            Lang::En.copy_summary(&one),
            "1 of 1 quote found in your copy"
        );
    }
}
