//! `default_process`: the Unicode-aware preprocessing RapidFuzz users ask for.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::text::fold::words;

/// NFKC, case folding, quote and dash folding (all punctuation becomes a word break),
/// optional accent stripping, every run of non-alphanumerics to one space, trimmed.
pub fn default_process(s: &str, strip_accents: bool) -> String {
    // ASCII is its own NFKC and has no accents: skip the normalization (most of the time here).
    // Most news text with curly quotes and dashes is already NFKC: the quick check (a table
    // lookup per character) spares the full normalization and its allocation.
    let base: std::borrow::Cow<str> = if s.is_ascii()
        || (!strip_accents
            && is_nfkc_quick(s.chars().filter(|c| !c.is_ascii())) == IsNormalized::Yes)
    {
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
    words(base.chars(), |c| out.push(c));
    out
}

/// [`default_process`] of code points, appended to `out`: without a `String` on the way
/// when the text is already NFKC (most news text), else through [`default_process`].
pub fn default_process_chars(s: &[char], strip_accents: bool, out: &mut Vec<char>) {
    // ASCII is NFKC whatever surrounds it; leaving it out of the quick check (a table search
    // per character) can only turn a Yes into a No, never the reverse.
    let nfkc = s.iter().all(char::is_ascii)
        || (!strip_accents
            && is_nfkc_quick(s.iter().copied().filter(|c| !c.is_ascii())) == IsNormalized::Yes);
    if nfkc {
        words(s.iter().copied(), |c| out.push(c));
    } else {
        out.extend(default_process(&s.iter().collect::<String>(), strip_accents).chars());
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

    #[test]
    fn code_points_are_processed_alike() {
        for s in [
            "  “Don’t” — SAID Straße ＡＢＣ!! ",
            "Zürich café",
            "plain ascii, Text.",
            "ΣΊΣΥΦΟΣ ς ẞ",
            "e\u{301}clair",
            "",
        ] {
            let cs: Vec<char> = s.chars().collect();
            for strip in [false, true] {
                let mut out = vec!['x'];
                default_process_chars(&cs, strip, &mut out);
                let want: String = std::iter::once('x')
                    .chain(default_process(s, strip).chars())
                    .collect();
                assert_eq!(out.iter().collect::<String>(), want, "{s:?}");
            }
        }
    }
}
