//! Text normalization that remembers where every byte came from.
//!
//! News text arrives with curly, straight, low-9, guillemet and CJK quotes, scraped `\'` escapes,
//! non-breaking and zero-width spaces, and compatibility characters. Later stages want one
//! spelling of each, but every span they report must point into the text the user passed, so
//! [`Normalized`] keeps, for each byte of the normalized text, the code-point index of the
//! original character it came from.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::fold::{fold_char, Fold};
use crate::error::{Error, Result};

// The character classes live in `fold`; quotes and bindings read them from here too.
pub use super::fold::{is_double_quote, is_single_quote};

/// A quote mark as it stood in the original text, at a byte position of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the folded mark (`"` or `'`) in the normalized text.
    pub pos: usize,
    /// The mark as written in the original text (`“`, `»`, `'`, `「`, …).
    pub ch: char,
}

/// Normalized text plus the map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`, the code-point index in the original of the character it came from.
    src: Vec<u32>,
    /// Length of the original in code points.
    orig_len: usize,
    marks: Vec<Mark>,
}

fn continues_segment(c: char) -> bool {
    !c.is_ascii()
        && (canonical_combining_class(c) != 0
            || is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes)
}

impl Normalized {
    /// Normalize `original`: NFKC, quote/dash/space folding, `\'` and `\"` unescaped,
    /// CR LF to LF, zero-width characters dropped.
    pub fn new(original: &str) -> Result<Self> {
        if original.len() > u32::MAX as usize {
            return Err(Error::TooLarge {
                arg: "text",
                message: format!(
                    "{} bytes is more than the 4 GiB a text may have",
                    original.len()
                ),
            });
        }
        let mut out = Normalized {
            text: String::with_capacity(original.len()),
            src: Vec::with_capacity(original.len()),
            orig_len: 0,
            marks: Vec::new(),
        };
        let bytes = original.as_bytes();
        let n = bytes.len();
        let mut b = 0usize; // byte offset in the original
        let mut i = 0usize; // code-point index in the original
        let mut seg = String::new();
        while b < n {
            // Fast path: a run of ASCII that normalization leaves alone, copied at once. It stops
            // before a byte that may start a combining sequence, which the slow path handles.
            let run = b;
            while b < n {
                let x = bytes[b];
                if x >= 0x80
                    || matches!(x, b'\\' | b'\r' | b'\t' | 0x0b | 0x0c | b'"' | b'\'' | b'`')
                    || (b + 1 < n && bytes[b + 1] >= 0x80)
                {
                    break;
                }
                b += 1;
            }
            if b > run {
                out.text.push_str(&original[run..b]);
                out.src.extend((i..i + (b - run)).map(|x| x as u32));
                i += b - run;
                continue;
            }
            let rest = &original[b..];
            let mut it = rest.chars();
            let Some(c) = it.next() else { break };
            let next = it.next();
            // Scraped text escapes quotes: `Japan\'s`, `\"Asian NATO\"`.
            // A curly mark after `\` too: folded it would read as an escape the next time
            // (normalize would not be idempotent; found by fuzzing).
            if let Some(n) =
                next.filter(|&n| c == '\\' && (is_double_quote(n) || is_single_quote(n)))
            {
                let q = if is_double_quote(n) { '"' } else { '\'' };
                out.push_quote(q, n, i);
                b += 1 + n.len_utf8();
                i += 2;
                continue;
            }
            // Archive exports (LexisNexis, NYT) write quotes as two apostrophes or backticks:
            // `''They're under pressure,'' he said.`, ``` ``…'' ```.
            // (Two single marks in a row become one double mark in `push_quote`.)
            if c == '`' && next == Some('`') {
                out.push_quote('"', '\u{201C}', i);
                b += 2;
                i += 2;
                continue;
            }
            if c == '\r' {
                if next != Some('\n') {
                    out.push('\n', i);
                }
                b += 1;
                i += 1;
                continue;
            }
            if c.is_ascii() && !next.is_some_and(continues_segment) {
                if c == '"' || c == '\'' {
                    out.push_quote(c, c, i);
                } else if super::fold::is_inline_space(c) {
                    out.push(' ', i);
                } else {
                    out.push(c, i);
                }
                b += 1;
                i += 1;
                continue;
            }
            match fold_char(c) {
                Fold::Char(f) => {
                    if f == '"' || f == '\'' {
                        out.push_quote(f, c, i);
                    } else {
                        out.push(f, i);
                    }
                    b += c.len_utf8();
                    i += 1;
                    continue;
                }
                Fold::Str(s) => {
                    for f in s.chars() {
                        out.push(f, i);
                    }
                    b += c.len_utf8();
                    i += 1;
                    continue;
                }
                Fold::Delete => {
                    b += c.len_utf8();
                    i += 1;
                    continue;
                }
                Fold::Keep => {}
            }
            // A starter plus the combining marks that follow it is normalized as one unit.
            let mut seg_bytes = c.len_utf8();
            let mut seg_chars = 1;
            for d in rest[seg_bytes..].chars() {
                if !continues_segment(d) {
                    break;
                }
                seg_bytes += d.len_utf8();
                seg_chars += 1;
            }
            if seg_chars == 1
                && (c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes)
            {
                out.push(c, i);
            } else {
                seg.clear();
                seg.push_str(&rest[..seg_bytes]);
                for f in seg.nfkc() {
                    // NFKC can make what the table folds (ŉ → ʼn): fold it too (idempotence).
                    match fold_char(f) {
                        Fold::Char(g) if g == '"' || g == '\'' => out.push_quote(g, f, i),
                        Fold::Char(g) => out.push(g, i),
                        Fold::Str(s) => s.chars().for_each(|g| out.push(g, i)),
                        Fold::Delete => {}
                        Fold::Keep => out.push(f, i),
                    }
                }
            }
            b += seg_bytes;
            i += seg_chars;
        }
        out.orig_len = i;
        Ok(out)
    }

    /// Push the folded quote `q` (written `ch` in the original) with its mark. Backslashes
    /// just before it in the output would read as a scraped escape (`\"`) next time, so the
    /// run is dropped (`\\\"` is escaped twice): normalize stays idempotent (`\ŉ`, `\\"`,
    /// found by fuzzing).
    fn push_quote(&mut self, q: char, ch: char, orig: usize) {
        while self.text.ends_with('\\') {
            self.text.pop();
            self.src.pop();
        }
        // Two single quote marks in a row, of any style (`''`, `‘‘`, `’’`, `‹‹`), are one double
        // mark, as archive exports write it: folding them here, not only as two apostrophes,
        // keeps normalize idempotent.
        let after_single = self.text.ends_with('\'')
            && self
                .marks
                .last()
                .is_some_and(|m| m.pos + 1 == self.text.len());
        if q == '\'' && after_single {
            self.text.pop();
            self.text.push('"');
            if let Some(m) = self.marks.last_mut() {
                m.ch = match m.ch {
                    '\u{2018}' | '\u{201B}' | '\u{2039}' | '\u{201A}' => '\u{201C}',
                    '\u{2019}' | '\u{203A}' => '\u{201D}',
                    _ => '"',
                };
            }
            return;
        }
        self.marks.push(Mark {
            pos: self.text.len(),
            ch,
        });
        self.push(q, orig);
    }

    #[inline]
    fn push(&mut self, c: char, orig: usize) {
        let before = self.text.len();
        self.text.push(c);
        let n = self.text.len() - before;
        for _ in 0..n {
            self.src.push(orig as u32);
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Quote marks (folded in the text) with the character each was in the original.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Length of the original text in code points.
    pub fn orig_len(&self) -> usize {
        self.orig_len
    }

    /// Original code-point index where the normalized byte `b` starts.
    pub fn orig_start(&self, b: usize) -> usize {
        if b >= self.src.len() {
            self.orig_len
        } else {
            self.src[b] as usize
        }
    }

    /// Original code-point index just past a span that ends (exclusive) at normalized byte `b`.
    pub fn orig_end(&self, b: usize) -> usize {
        if b == 0 {
            return self.orig_start(0).min(self.orig_len);
        }
        if b >= self.src.len() {
            return self.orig_len;
        }
        let last = self.src[b - 1];
        let mut j = b;
        // `b` may fall inside the expansion of one original character (`ﬁ` -> `fi`).
        while j < self.src.len() && self.src[j] == last {
            j += 1;
        }
        if j >= self.src.len() {
            self.orig_len
        } else {
            self.src[j] as usize
        }
    }

    /// Original code-point span of the normalized byte span `[b0, b1)`.
    pub fn orig_span(&self, b0: usize, b1: usize) -> (usize, usize) {
        let s = self.orig_start(b0);
        let e = self.orig_end(b1).max(s);
        (s, e)
    }
}

/// Normalize text for display and comparison (NFKC, folded quotes, dashes and spaces).
pub fn normalize(text: &str) -> Result<String> {
    Ok(Normalized::new(text)?.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(s: &str, a: usize, b: usize) -> String {
        s.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn folds_quotes_dashes_spaces() {
        let n = Normalized::new("“Hi” — «Salut» ‚x‘ 「a」\u{00A0}b\u{200B}c").unwrap();
        assert_eq!(n.text(), "\"Hi\" - \"Salut\" 'x' \"a\" bc");
        assert_eq!(n.marks().len(), 8);
        assert_eq!(n.marks()[0].ch, '“');
    }

    #[test]
    fn unescapes_scraped_quotes() {
        let orig = "Japan\\'s \\\"plan\\\"";
        let n = Normalized::new(orig).unwrap();
        assert_eq!(n.text(), "Japan's \"plan\"");
        // "plan" maps back to the original characters.
        let b0 = n.text().find("plan").unwrap();
        let (s, e) = n.orig_span(b0, b0 + 4);
        assert_eq!(slice(orig, s, e), "plan");
    }

    #[test]
    fn nfkc_with_offsets() {
        let orig = "ﬁne e\u{301}tat …";
        let n = Normalized::new(orig).unwrap();
        assert_eq!(n.text(), "fine état ...");
        let b = n.text().find("état").unwrap();
        let (s, e) = n.orig_span(b, b + "état".len());
        assert_eq!(slice(orig, s, e), "e\u{301}tat");
        // A span ending inside an expansion still covers the whole original character.
        let (s, e) = n.orig_span(0, 1);
        assert_eq!(slice(orig, s, e), "ﬁ");
    }

    #[test]
    fn archive_double_apostrophes() {
        let orig = "''They're under pressure,'' he said. ``Yes.'' ‘‘No’’";
        let n = Normalized::new(orig).unwrap();
        assert_eq!(
            n.text(),
            "\"They're under pressure,\" he said. \"Yes.\" \"No\""
        );
        let b = n.text().find("he said").unwrap();
        let (s, e) = n.orig_span(b, b + 7);
        assert_eq!(slice(orig, s, e), "he said");
        // The whole quote, marks included, maps back to both apostrophes of each mark.
        let (s, e) = n.orig_span(0, n.text().find(" he").unwrap());
        assert_eq!(slice(orig, s, e), "''They're under pressure,''");
        assert_eq!(n.marks().iter().filter(|m| m.ch == '“').count(), 2);
    }

    #[test]
    fn crlf() {
        let n = Normalized::new("a\r\nb\rc").unwrap();
        assert_eq!(n.text(), "a\nb\nc");
        assert_eq!(n.orig_span(4, 5), (5, 6));
    }
}
