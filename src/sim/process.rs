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
    if s.iter().all(char::is_ascii) {
        // ASCII is NFKC and has no accents: `words` of ASCII, by table.
        fold_ascii(s, out);
        return;
    }
    // A no-break space, the ellipsis and the Unicode spaces are not NFKC, but NFKC turns
    // each into spaces or dots only, which `words` reads as a word break as it reads a space
    // (none of them composes with a neighbour): read as a space, the text keeps the path
    // without normalization (they were most of the news sentences that took it).
    let text = || s.iter().map(|&c| if compat_gap(c) { ' ' } else { c });
    // ASCII is NFKC whatever surrounds it; leaving it out of the quick check (a table search
    // per character) can only turn a Yes into a No, never the reverse.
    let nfkc =
        !strip_accents && is_nfkc_quick(text().filter(|c| !c.is_ascii())) == IsNormalized::Yes;
    if nfkc {
        words(text(), |c| out.push(c));
    } else {
        out.extend(default_process(&s.iter().collect::<String>(), strip_accents).chars());
    }
}

/// Characters whose NFKC form is only spaces or full stops (U+00A0, U+2000-U+200A, U+202F,
/// U+205F, U+3000 and the ellipsis U+2026), all starters that never compose.
#[inline]
fn compat_gap(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{2026}'
    )
}

/// `text::fold::words` of an ASCII string (every char below 128), by table: each byte's lowercase form
/// when alphanumeric, 0 for a word break.
fn fold_ascii(s: &[char], out: &mut Vec<char>) {
    const TABLE: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            if c.is_ascii_alphanumeric() {
                t[b] = c.to_ascii_lowercase();
            }
            b += 1;
        }
        t
    };
    // Without branches (a word break every few characters defeats the predictor): each
    // character writes a space and its folded form at the end and advances over what it
    // keeps. The output never outgrows the input (a space stands for a dropped character),
    // so `s.len()` slots of spare capacity hold every write.
    out.reserve(s.len());
    let start = out.len();
    let spare = &mut out.spare_capacity_mut()[..s.len()];
    let (mut k, mut pending, mut any) = (0usize, false, false);
    for &c in s {
        let f = TABLE[c as usize & 127];
        let keep = f != 0;
        spare[k.min(s.len() - 1)].write(' ');
        k += usize::from(keep & pending);
        spare[k.min(s.len() - 1)].write(f as char);
        k += usize::from(keep);
        pending = !keep & (any | pending);
        any |= keep;
    }
    // SAFETY: the first `k` slots after `start` were written (k <= s.len(), the reserve).
    unsafe { out.set_len(start + k) };
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
    fn ascii_table_folds_like_fold() {
        let mut x = 11u64;
        let alphabet: Vec<char> = " \t,.-'!aZ09x".chars().collect();
        for n in 0..400 {
            let s: Vec<char> = (0..n % 40)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(x >> 33) as usize % alphabet.len()]
                })
                .collect();
            let (mut got, mut want) = (vec!['x'], vec!['x']);
            fold_ascii(&s, &mut got);
            words(s.iter().copied(), |c| want.push(c));
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn code_points_are_processed_alike() {
        for s in [
            "  “Don’t” — SAID Straße ＡＢＣ!! ",
            "Zürich café",
            "plain ascii, Text.",
            "ΣΊΣΥΦΟΣ ς ẞ",
            "e\u{301}clair",
            "no\u{A0}break\u{2026} and\u{2009}thin\u{3000}ideographic\u{202F}x\u{A0}\u{301}",
            "\u{2026}\u{A0}",
            "ASCII only: Tab\tand, PUNCT!! 42",
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
