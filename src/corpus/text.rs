//! Small text helpers shared by validation, search and the views.

/// Lowercases and strips accents, so that "Genève" matches "geneve" and "AMITIÉ"
/// "amitie", and folds the variants a Persian reader types (see `fold_persian`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`, so that a caller folding many
/// texts reuses one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    // Most corpus text is plain ASCII: fold it without the Unicode tables.
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = fold_persian(c) {
            out.push_str(folded);
        } else {
            for lower in c.to_lowercase() {
                match strip_accent(lower) {
                    Some(plain) => out.push_str(plain),
                    None => out.push(lower),
                }
            }
        }
    }
}

/// How search reads a Persian or Arabic character, or a mark that is never
/// part of a word: the text it stands for ("" to drop it), or None to keep it.
///
/// Persian text reaches a corpus typed on Persian, Arabic and Latin keyboards,
/// copied from the web, and written by hand with or without vowel marks, so
/// one word comes in several spellings that a reader sees as the same.
/// Search reads them as one (much as Lucene's Persian analyser does):
/// - Arabic yeh ي and alef maksura ى are Persian yeh ی; Arabic kaf ك (and the
///   swash kaf ڪ) is Persian kaf ک: Arabic keyboards and older software type
///   them, and they look alike or the same in a Persian text.
/// - Yeh with hamza ئ is ی, and waw with hamza ؤ is و: Persian spells many
///   words both ways (مسائل and مسایل, پائیز and پاییز).
/// - Teh marbuta ة, heh with yeh ۀ (and ە, what ۀ decomposes to) are heh ه:
///   "مدرسة"/"مدرسه" and "خانۀ"/"خانه" are one word to a reader, and ۀ is
///   often written as ه followed by a hamza mark, which is dropped anyway.
/// - Alef with hamza أ إ, wasla ٱ and madda آ are bare alef ا. آ is a letter
///   of its own in Persian, but the same words are printed both ways
///   (آمریکا and امریکا), it is also written as ا followed by a madda mark,
///   which dropping marks turns into ا anyway, and a search by the starts of
///   words is broad already, so folding it loses little and finds more.
/// - Vowel marks and the other Arabic combining marks (harakat, superscript
///   alef, Quranic marks) are dropped, not read as a break between words, so
///   "کِتاب" is "کتاب" (`strip_accent` does the same for Latin combining accents).
/// - Zero-width non-joiner and joiner, soft hyphen, tatweel ـ and the
///   invisible direction marks are dropped, so "می‌خواهم" is "میخواهم": they
///   shape how a word is drawn, never where it ends.
/// - Persian ۰–۹ and Arabic-Indic ٠–٩ digits are ASCII digits, so "۱۳۶۷",
///   "١٣٦٧" and "1367" are the same number.
///
/// Hamza on its own (ء) stays: it is a letter, and dropping it would join
/// words that differ.
fn fold_persian(c: char) -> Option<&'static str> {
    const DIGITS: &str = "0123456789";
    if let Some(d) = latin_digit(c) {
        let d = (d as u8 - b'0') as usize;
        return Some(&DIGITS[d..d + 1]);
    }
    Some(match c {
        '\u{064a}' | '\u{0649}' | '\u{0626}' => "\u{06cc}",
        '\u{0643}' | '\u{06aa}' => "\u{06a9}",
        '\u{0629}' | '\u{06c0}' | '\u{06d5}' => "\u{0647}",
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => "\u{0627}",
        '\u{0624}' => "\u{0648}",
        // Combining marks: Arabic signs, harakat, superscript alef, Quranic
        // annotation marks, and those of Arabic Extended-A.
        '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0670}'
        | '\u{06d6}'..='\u{06dc}'
        | '\u{06df}'..='\u{06e4}'
        | '\u{06e7}'..='\u{06e8}'
        | '\u{06ea}'..='\u{06ed}'
        | '\u{08d3}'..='\u{08e1}'
        | '\u{08e3}'..='\u{08ff}'
        // Format characters: soft hyphen, tatweel, ZWNJ, ZWJ, and the
        // direction marks LRM, RLM and ALM.
        | '\u{00ad}'
        | '\u{0640}'
        | '\u{200c}'..='\u{200f}'
        | '\u{061c}' => "",
        _ => return None,
    })
}

/// The unaccented form of a lowercase Latin letter, for the letters European names use.
fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Typographic apostrophes and quotes, so "people’s" matches "people's".
        '\u{2018}' | '\u{2019}' => "'",
        '\u{201c}' | '\u{201d}' => "\"",
        // Combining accents, as in a decomposed "e\u{301}", and the dot that
        // "İ" lowercases to ("i\u{307}"): dropped, not read as a break.
        '\u{0300}'..='\u{036f}' => "",
        _ => return None,
    })
}

/// Persian (۰–۹) and Arabic-Indic (٠–٩) digits written as 0–9, the rest as it is.
pub fn latin_digits(text: &str) -> String {
    text.chars().map(|c| latin_digit(c).unwrap_or(c)).collect()
}

/// The ASCII digit a Persian or Arabic-Indic digit stands for.
fn latin_digit(c: char) -> Option<char> {
    let zero = match c {
        '\u{06f0}'..='\u{06f9}' => 0x06f0,
        '\u{0660}'..='\u{0669}' => 0x0660,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// "100,000": digits grouped by thousands, as English readers write them
/// (`Lang::number`, in English).
pub fn thousands(n: usize) -> String {
    crate::i18n::Lang::En.number(n)
}

/// Collapses every run of white space to one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True only for an absolute http(s) link with a host: the only links made clickable.
pub fn is_http_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !link.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Tribune de Genève"), "tribune de geneve");
        assert_eq!(fold("AMITIÉ entre les peuples"), "amitie entre les peuples");
        assert_eq!(fold("People’s Mojahedin"), "people's mojahedin");
    }

    #[test]
    fn decomposed_latin_accents_fold_like_composed_ones() {
        assert_eq!(fold("Gene\u{301}ve"), "geneve");
        assert_eq!(fold("\u{130}lhan"), "ilhan");
    }

    #[test]
    fn arabic_yeh_and_kaf_are_persian_yeh_and_kaf() {
        // "کتابی" typed with Arabic kaf and Arabic yeh, and with alef maksura.
        assert_eq!(fold("\u{643}تاب\u{64a}"), "\u{6a9}تاب\u{6cc}");
        assert_eq!(fold("کتاب\u{649}"), "کتابی");
        assert_eq!(fold("\u{643}\u{64a}"), fold("کی"));
    }

    #[test]
    fn hamza_seats_teh_marbuta_and_heh_yeh_fold_to_plain_letters() {
        assert_eq!(fold("مسائل"), "مسایل");
        assert_eq!(fold("مؤسسه"), "موسسه");
        assert_eq!(fold("مدرسة"), "مدرسه");
        assert_eq!(fold("خانۀ"), "خانه");
        // ۀ decomposed: heh (or ae) followed by a hamza mark.
        assert_eq!(fold("خانه\u{654}"), "خانه");
        assert_eq!(fold("خان\u{6d5}\u{654}"), "خانه");
        assert_eq!(fold("أحمد"), "احمد");
        assert_eq!(fold("إسلام"), "اسلام");
        assert_eq!(fold("\u{671}لله"), "الله");
        // Hamza on its own is a letter, and stays.
        assert_eq!(fold("اجزاء"), "اجزاء");
    }

    #[test]
    fn alef_madda_is_bare_alef_however_it_is_written() {
        assert_eq!(fold("آمریکا"), "امریکا");
        assert_eq!(fold("ا\u{653}مریکا"), "امریکا");
    }

    #[test]
    fn joiners_soft_hyphens_and_tatweel_vanish_inside_a_word() {
        assert_eq!(fold("می\u{200c}خواهم"), "میخواهم");
        assert_eq!(fold("می\u{200d}خواهم"), "میخواهم");
        assert_eq!(fold("کتـــاب"), "کتاب");
        assert_eq!(fold("human\u{ad}ity"), "humanity");
        assert_eq!(fold("\u{200f}تهران\u{200e}"), "تهران");
        assert_eq!(fold("تهران\u{61c}"), "تهران");
    }

    #[test]
    fn diacritics_vanish_inside_a_word() {
        // Fatha, kasra, damma, shadda, sukun, tanwin, superscript alef.
        assert_eq!(fold("کِتاب"), "کتاب");
        assert_eq!(fold("مُحَمَّد"), "محمد");
        assert_eq!(fold("دَرْس"), "درس");
        assert_eq!(fold("فوراً"), "فورا");
        assert_eq!(fold("رحم\u{670}ن"), "رحمن");
        for mark in ('\u{64b}'..='\u{65f}').chain(['\u{670}', '\u{610}', '\u{6ed}', '\u{8f0}']) {
            assert_eq!(fold(&format!("در{mark}س")), "درس", "U+{:04X}", mark as u32);
        }
    }

    #[test]
    fn persian_and_arabic_indic_digits_are_ascii_digits() {
        assert_eq!(fold("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(fold("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(fold("۱۳۶۷"), "1367");
        assert_eq!(fold("١٩٨٨"), fold("1988"));
        assert_eq!(fold("سال ۱۹۸۸ م"), "سال 1988 م");
    }

    #[test]
    fn folding_appends_and_keeps_other_scripts() {
        let mut out = String::from("x ");
        fold_into("ك", &mut out);
        assert_eq!(out, "x ک");
        assert_eq!(fold("Ελλάδα Москва 日本"), "ελλάδα москва 日本");
    }

    #[test]
    fn persian_and_arabic_indic_digits_read_as_latin() {
        assert_eq!(latin_digits("۱۹۸۸-۰۹"), "1988-09");
        assert_eq!(latin_digits("١٩٨٨"), "1988");
        assert_eq!(latin_digits("from 1988"), "from 1988");
    }

    #[test]
    fn large_numbers_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn only_http_and_https_links_count() {
        assert!(is_http_link("https://www.un.org/a?b=c"));
        assert!(is_http_link("HTTP://example.org"));
        assert!(!is_http_link("javascript:alert(1)"));
        assert!(!is_http_link("data:text/html,<b>x</b>"));
        assert!(!is_http_link("//example.org"));
        assert!(!is_http_link("https://"));
        assert!(!is_http_link("https://exa mple.org"));
        assert!(!is_http_link("ftp://example.org"));
    }
}
