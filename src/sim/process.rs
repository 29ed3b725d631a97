//! `default_process`: the Unicode-aware preprocessing RapidFuzz users ask for.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::text::fold::{casefold_into, words};

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
    // ASCII is NFKC whatever surrounds it; leaving it out of the quick check (a table search
    // per character) can only turn a Yes into a No, never the reverse. A `compat_gap`
    // character is read as a space, which is ASCII: left out too (tested second, so an ASCII
    // character costs one comparison).
    let nfkc = !strip_accents
        && is_nfkc_quick(
            s.iter()
                .copied()
                .filter(|&c| !c.is_ascii() && !compat_gap(c)),
        ) == IsNormalized::Yes;
    if nfkc {
        words_of_nfkc(s, out);
    } else {
        out.extend(default_process(&s.iter().collect::<String>(), strip_accents).chars());
    }
}

/// The length (in code points) of [`default_process`] of the UTF-8 text `bytes` without
/// accent stripping, counted without writing it, when the text is ASCII save for word breaks
/// that normalization cannot lengthen into letters (General Punctuation up to U+206F: curly
/// quotes, dashes, the ellipsis; the no-break space; the ideographic space): its alphanumerics
/// and one space between two words. `None` for any other character (NFKC and case folding
/// may lengthen it: "ß" gives "ss").
pub fn processed_len_utf8(bytes: &[u8]) -> Option<usize> {
    // Each ASCII run is followed by a word break (or the end), so each is counted alone.
    let (mut alnum, mut words) = (0usize, 0usize);
    let mut i = 0;
    loop {
        let end = i + first_non_ascii(&bytes[i..]);
        if end > i {
            let (a, w) = count_ascii(&bytes[i..end]);
            alnum += a;
            words += w;
        }
        if end == bytes.len() {
            break;
        }
        // The character there, decoded from its lead byte's width: a word break
        // `words_of_nfkc` reads without normalizing it, or an unknown length.
        let width = match bytes[end] {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let c = std::str::from_utf8(bytes.get(end..end + width)?)
            .ok()?
            .chars()
            .next()?;
        if !(in_general_punctuation(c) || compat_gap(c)) {
            return None;
        }
        i = end + width;
    }
    Some(alnum + words.saturating_sub(1))
}

/// The index of the first byte of `b` at or above 128 (`b.len()` when none), eight bytes
/// at a time.
fn first_non_ascii(b: &[u8]) -> usize {
    let mut i = 0;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
        let high = w & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + b[i..].iter().position(|&x| x >= 128).unwrap_or(b.len() - i)
}

/// The alphanumerics and the words (an alphanumeric first or after a non-alphanumeric) of
/// the ASCII run `run` (not empty): branch-free per byte, in blocks of 64 whose counts fit a byte
/// lane, which the compiler vectorizes (a byte at a time with branches, this count was two
/// thirds of a sentences `extractOne` with a processor).
fn count_ascii(run: &[u8]) -> (usize, usize) {
    #[inline(always)]
    fn keep(b: u8) -> u8 {
        u8::from(b.is_ascii_alphanumeric())
    }
    let first = keep(run[0]);
    let mut alnum = usize::from(first);
    let mut words = usize::from(first);
    for (c, p) in run[1..].chunks(64).zip(run.chunks(64)) {
        let (mut a, mut w) = (0u8, 0u8);
        for (&x, &y) in c.iter().zip(p) {
            let k = keep(x);
            a += k;
            w += k & (keep(y) ^ 1);
        }
        alnum += usize::from(a);
        words += usize::from(w);
    }
    (alnum, words)
}

/// `words` of `s` (already NFKC once [`compat_gap`] characters are read as spaces),
/// appended to `out`: each run of ASCII by the table of [`fold_ascii`], without branches,
/// and only the other characters one by one as `words` treats them. Through `words` char by
/// char, a sentence with one curly quote cost four times an ASCII one (a word break every
/// few characters defeats the branch predictor).
fn words_of_nfkc(s: &[char], out: &mut Vec<char>) {
    // `pending`: a word break seen after a kept character (a space is due before the next).
    let (mut pending, mut any) = (false, false);
    let mut i = 0;
    while i < s.len() {
        let run = s[i..]
            .iter()
            .position(|c| !c.is_ascii())
            .unwrap_or(s.len() - i);
        fold_ascii_run(&s[i..i + run], |c| c as usize, out, &mut pending, &mut any);
        i += run;
        let Some(&c) = s.get(i) else { break };
        // General Punctuation (curly quotes, dashes, ellipsis: most non-ASCII characters of
        // news text) holds no alphanumeric and no mark: a word break without the two Unicode
        // table searches (a test checks the block).
        if !in_general_punctuation(c)
            && !compat_gap(c)
            && (c.is_alphanumeric() || is_combining_mark(c))
        {
            if pending {
                out.push(' ');
            }
            pending = false;
            any = true;
            casefold_into(c, &mut |x| out.push(x));
        } else {
            pending |= any;
        }
        i += 1;
    }
}

/// Whether `c` is in the General Punctuation block (U+2000-U+206F).
#[inline]
fn in_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
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
    fold_ascii_by(s, |c| c as usize, out)
}

/// [`default_process`] (no accent stripping) of an ASCII string given as its bytes (every
/// byte below 128), appended to `out`: the table pass of [`default_process_chars`] straight
/// from a borrowed buffer, with no code points on the way.
pub fn default_process_ascii(s: &[u8], out: &mut Vec<char>) {
    debug_assert!(s.is_ascii());
    fold_ascii_by(s, |b| b as usize, out)
}

#[inline]
fn fold_ascii_by<T: Copy>(s: &[T], code: impl Fn(T) -> usize, out: &mut Vec<char>) {
    let (mut pending, mut any) = (false, false);
    fold_ascii_run(s, code, out, &mut pending, &mut any);
}

/// The table pass of [`fold_ascii`] over one run of ASCII inside a longer text, carrying
/// `words`' state across it: `pending` (a word break after a kept character: a space is due
/// before the next one) and `any` (a character was kept).
#[inline]
fn fold_ascii_run<T: Copy>(
    s: &[T],
    code: impl Fn(T) -> usize,
    out: &mut Vec<char>,
    pending: &mut bool,
    any: &mut bool,
) {
    if s.is_empty() {
        return;
    }
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
    // keeps. The output is at most one longer than the input (a space stands for a dropped
    // character; one more when a space is due at the start), so `s.len() + 1` slots of
    // spare capacity hold every write, and no write lands on a kept slot before the end.
    let cap = s.len() + 1;
    out.reserve(cap);
    let start = out.len();
    let spare = &mut out.spare_capacity_mut()[..cap];
    let (mut k, mut p, mut a) = (0usize, *pending, *any);
    for &c in s {
        let f = TABLE[code(c) & 127];
        let keep = f != 0;
        spare[k.min(cap - 1)].write(' ');
        k += usize::from(keep & p);
        spare[k.min(cap - 1)].write(f as char);
        k += usize::from(keep);
        p = !keep & (a | p);
        a |= keep;
    }
    (*pending, *any) = (p, a);
    // SAFETY: the first `k` slots after `start` were written (k <= s.len() + 1, the reserve).
    unsafe { out.set_len(start + k) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::testing::random_chars;

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
    fn processed_length_is_counted_exactly_or_not_at_all() {
        let mut x = 23u64;
        let alphabet: Vec<char> =
            " \t,.-'!aZ09x\u{a0}\u{201c}\u{201d}\u{2014}\u{2026}\u{200b}\u{206f}\u{2070}\u{3000}éßﬁ"
                .chars()
                .collect();
        let (mut counted, mut all) = (0, 0);
        for n in 0..3000 {
            let s: String = random_chars(&mut x, &alphabet, n % 50)
                .into_iter()
                .collect();
            all += 1;
            if let Some(len) = processed_len_utf8(s.as_bytes()) {
                counted += 1;
                assert_eq!(len, default_process(&s, false).chars().count(), "{s:?}");
            } else {
                assert!(!s.is_ascii(), "{s:?}");
            }
        }
        assert!(counted * 10 > all, "{counted} of {all}");
    }

    #[test]
    fn ascii_table_folds_like_fold() {
        let mut x = 11u64;
        let alphabet: Vec<char> = " \t,.-'!aZ09x".chars().collect();
        for n in 0..400 {
            let s = random_chars(&mut x, &alphabet, n % 40);
            let (mut got, mut want) = (vec!['x'], vec!['x']);
            fold_ascii(&s, &mut got);
            words(s.iter().copied(), |c| want.push(c));
            assert_eq!(got, want, "{s:?}");
            let bytes: Vec<u8> = s.iter().map(|&c| c as u8).collect();
            let mut from_bytes = vec!['x'];
            default_process_ascii(&bytes, &mut from_bytes);
            assert_eq!(from_bytes, want, "{s:?}");
        }
    }

    #[test]
    fn general_punctuation_is_all_word_breaks() {
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| in_general_punctuation(c)) {
            assert!(!c.is_alphanumeric() && !is_combining_mark(c), "{c:?}");
        }
        assert!(!in_general_punctuation('\u{1FFF}') && !in_general_punctuation('\u{2070}'));
    }

    #[test]
    fn mixed_text_is_processed_as_words_does() {
        let mut x = 5u64;
        let alphabet: Vec<char> = " \t,.-'!aZ09x“”’—éÉßẞςΣ\u{301}\u{A0}\u{2026}\u{3000}İ한字"
            .chars()
            .collect();
        for n in 0..600 {
            let s: String = random_chars(&mut x, &alphabet, n % 50)
                .into_iter()
                .collect();
            let cs: Vec<char> = s.chars().collect();
            let mut got = vec!['x'];
            default_process_chars(&cs, false, &mut got);
            let want: String = std::iter::once('x')
                .chain(default_process(&s, false).chars())
                .collect();
            assert_eq!(got.iter().collect::<String>(), want, "{s:?}");
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
