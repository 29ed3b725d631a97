//! The one table of character folding: which characters are quote marks, dashes, spaces and
//! invisible, and how a text becomes the lower-cased words that similarity and MinHash compare.
//!
//! Three users read it, each for its own purpose:
//! - [`super::normalize`] folds every character with [`fold_char`] (keeping offsets);
//! - `sim::locate` keys each code point with [`fold_char`] (one key per code point);
//! - `sim::process::default_process`, the scorers' processor, cuts NFKC text into words with
//!   [`words`]; MinHash shingles (`lsh`) are cut from its output.

use unicode_normalization::char::is_combining_mark;

/// Double quote marks of every style we recognise (folded to `"`).
pub fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' // “
            | '\u{201D}' // ”
            | '\u{201E}' // „
            | '\u{201F}' // ‟
            | '\u{00AB}' // «
            | '\u{00BB}' // »
            | '\u{300C}' // 「
            | '\u{300D}' // 」
            | '\u{300E}' // 『
            | '\u{300F}' // 』
            | '\u{301D}' // 〝
            | '\u{301E}' // 〞
            | '\u{301F}' // 〟
            | '\u{FF02}' // ＂
            | '\u{2E42}' // ⹂
    )
}

/// Single quote marks (and the apostrophes that share their code points), folded to `'`.
pub fn is_single_quote(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' // ‘
            | '\u{2019}' // ’
            | '\u{201A}' // ‚
            | '\u{201B}' // ‛
            | '\u{2039}' // ‹
            | '\u{203A}' // ›
            | '\u{FF07}' // ＇
            | '\u{02BC}' // ʼ modifier apostrophe
    )
}

/// Dashes and minus signs, folded to `-`: hyphen, non-breaking hyphen, figure dash, en and em
/// dash, horizontal bar, minus, small and full-width hyphen-minus.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Spaces inside a line, folded to ` `: tab, vertical tab, form feed, no-break, Ogham, the
/// typographic spaces U+2000–200A, narrow no-break, medium mathematical and ideographic space.
pub fn is_inline_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0B}' | '\u{0C}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters that are not seen and are dropped: zero-width space, byte-order mark, soft
/// hyphen, word joiner, left-to-right and right-to-left marks.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' | '\u{200E}' | '\u{200F}'
    )
}

/// What a single character becomes in normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Left as it is.
    Keep,
    /// Replaced by one character.
    Char(char),
    /// Replaced by a string (a paragraph separator is a blank line).
    Str(&'static str),
    /// Dropped.
    Delete,
}

/// The folding of one character: quote marks to `"` or `'`, dashes to `-`, inline spaces to
/// ` `, line and paragraph separators to `\n` and `\n\n`, invisible characters dropped.
pub fn fold_char(c: char) -> Fold {
    if is_double_quote(c) {
        return if c == '"' {
            Fold::Keep
        } else {
            Fold::Char('"')
        };
    }
    if is_single_quote(c) {
        return if c == '\'' {
            Fold::Keep
        } else {
            Fold::Char('\'')
        };
    }
    if is_dash(c) {
        return Fold::Char('-');
    }
    if is_inline_space(c) {
        return Fold::Char(' ');
    }
    if is_invisible(c) {
        return Fold::Delete;
    }
    match c {
        '\u{2028}' | '\u{0085}' => Fold::Char('\n'),
        '\u{2029}' => Fold::Str("\n\n"),
        _ => Fold::Keep,
    }
}

/// The words of `chars`, case-folded, one space between them, to `push`: alphanumerics (and
/// combining marks, which belong to the letter before them) are kept and folded with
/// [`casefold_into`]; every run of other characters (punctuation, quote marks, dashes,
/// spaces) is one word break; no space leads or trails.
pub fn words(chars: impl Iterator<Item = char>, mut push: impl FnMut(char)) {
    let (mut gap, mut any) = (false, false);
    for c in chars {
        if c.is_ascii() {
            // The common case without Unicode tables.
            if c.is_ascii_alphanumeric() {
                if gap && any {
                    push(' ');
                }
                gap = false;
                any = true;
                push(c.to_ascii_lowercase());
            } else {
                gap = true;
            }
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            if gap && any {
                push(' ');
            }
            gap = false;
            any = true;
            casefold_into(c, &mut push);
        } else {
            gap = true;
        }
    }
}

/// Full case folding for the characters where it differs from lowercasing in news text
/// (`ß`/`ẞ` → `ss`, final `ς` → `σ`); everything else is lower-cased.
pub fn casefold_into(c: char, push: &mut impl FnMut(char)) {
    match c {
        'ß' | 'ẞ' => {
            push('s');
            push('s');
        }
        'ς' => push('σ'),
        _ => c.to_lowercase().for_each(push),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_disjoint() {
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let n = [
                is_double_quote(c),
                is_single_quote(c),
                is_dash(c),
                is_inline_space(c),
                is_invisible(c),
            ]
            .iter()
            .filter(|&&b| b)
            .count();
            assert!(n <= 1, "{c:?} is in {n} classes");
        }
    }

    #[test]
    fn folds_each_class() {
        assert_eq!(fold_char('“'), Fold::Char('"'));
        assert_eq!(fold_char('"'), Fold::Keep);
        assert_eq!(fold_char('’'), Fold::Char('\''));
        assert_eq!(fold_char('—'), Fold::Char('-'));
        assert_eq!(fold_char('\u{FF0D}'), Fold::Char('-'));
        assert_eq!(fold_char('\u{00A0}'), Fold::Char(' '));
        assert_eq!(fold_char('\u{200B}'), Fold::Delete);
        assert_eq!(fold_char('\u{2029}'), Fold::Str("\n\n"));
        assert_eq!(fold_char('a'), Fold::Keep);
    }

    fn words_string(s: &str) -> String {
        let mut out = String::new();
        words(s.chars(), |c| out.push(c));
        out
    }

    #[test]
    fn words_fold_case_and_break_on_the_rest() {
        assert_eq!(
            words_string("  “Don’t” — SAID Straße ΣΊΣΥΦΟΣ ς!! "),
            "don t said strasse σίσυφοσ σ"
        );
        assert_eq!(words_string("e\u{301}clair"), "e\u{301}clair");
        assert_eq!(words_string("...  "), "");
        assert_eq!(words_string(""), "");
    }
}
