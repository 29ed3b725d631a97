//! `default_process`: the Unicode-aware preprocessing RapidFuzz users ask for.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// NFKC, case folding, quote and dash folding (all punctuation becomes a word break),
/// optional accent stripping, every run of non-alphanumerics to one space, trimmed.
pub fn default_process(s: &str, strip_accents: bool) -> String {
    // ASCII is its own NFKC and has no accents: skip the normalization (most of the time here).
    let base: std::borrow::Cow<str> = if s.is_ascii() {
        s.into()
    } else if strip_accents {
        s.nfkd()
            .filter(|c| !is_combining_mark(*c))
            .nfc()
            .collect::<String>()
            .into()
    } else {
        s.nfkc().collect::<String>().into()
    };
    let mut out = String::with_capacity(base.len());
    let mut gap = false;
    for c in base.chars() {
        if c.is_alphanumeric() || is_combining_mark(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            casefold_into(c, &mut out);
        } else {
            gap = true;
        }
    }
    out
}

/// Full case folding for the characters where it differs from lowercasing in news text.
fn casefold_into(c: char, out: &mut String) {
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        'ς' => out.push('σ'),
        _ => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_case_and_width() {
        assert_eq!(
            default_process("  “Don’t” — SAID Straße ＡＢＣ!! ", false),
            "don t said strasse abc"
        );
        assert_eq!(default_process("Zürich café", true), "zurich cafe");
        assert_eq!(default_process("Zürich", false), "zürich");
        assert_eq!(default_process("", false), "");
    }
}
