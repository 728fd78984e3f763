//! The interface's languages. Every word the app shows, in one table per
//! language (`en.rs`, `fa.rs`), and how each language writes numbers and dates.
//!
//! To add a language: copy `en.rs`, translate every string (the compiler names
//! any that are missing), add a `Lang` variant and its code, digits and
//! direction below. Corpus text is never translated: it is shown as written.

mod en;
mod fa;
mod strings;

pub use strings::{KindText, Plural, SpeakerWords, Strings};

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

    /// "1 claim", "3 claims", "۳ ادعا".
    pub fn count(self, plural: &Plural, n: usize) -> String {
        fill(plural.pick(n), &[&self.number(n)])
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_take_their_arguments_in_any_order() {
        assert_eq!(fill("{0} of {1}", &["3", "9"]), "3 of 9");
        assert_eq!(fill("{1} از {0}", &["9", "3"]), "3 از 9");
        assert_eq!(fill("a {b} c {2}", &["x"]), "a {b} c ");
    }

    #[test]
    fn numbers_are_written_the_way_each_language_writes_them() {
        assert_eq!(Lang::En.number(100_000), "100,000");
        assert_eq!(Lang::Fa.number(100_000), "۱۰۰٬۰۰۰");
        assert_eq!(Lang::Fa.number(7), "۷");
        assert_eq!(Lang::Fa.percent(0.45), "۴۵٪");
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
}
