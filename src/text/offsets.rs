//! Byte offsets (what Rust string code uses) to code-point offsets (what Python users index with).

/// Converts byte offsets of one `&str` into code-point offsets in O(1) per lookup after an
/// O(n) build; for pure-ASCII text it stores nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `cp[b]` = code-point index of the character starting at byte `b` (or `None` when ASCII).
    cp: Option<Vec<u32>>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    pub fn new(s: &str) -> Self {
        if s.is_ascii() {
            return CharIndex {
                cp: None,
                len_bytes: s.len(),
                len_chars: s.len(),
            };
        }
        let mut cp = vec![0u32; s.len() + 1];
        let mut n = 0u32;
        for (b, c) in s.char_indices() {
            for k in 0..c.len_utf8() {
                cp[b + k] = n;
            }
            n += 1;
        }
        cp[s.len()] = n;
        CharIndex {
            cp: Some(cp),
            len_bytes: s.len(),
            len_chars: n as usize,
        }
    }

    /// Code-point index of byte offset `b` (clamped to the end).
    #[inline]
    pub fn char_at(&self, b: usize) -> usize {
        let b = b.min(self.len_bytes);
        match &self.cp {
            None => b,
            Some(cp) => cp[b] as usize,
        }
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

/// Slices a `&str` by code-point indices: O(n) byte scan to build, then O(1) per lookup
/// (a checkpoint every [`CHECKPOINT`] code points, stepped from by UTF-8 lead bytes).
/// Nothing is stored for ASCII text.
#[derive(Debug, Clone)]
pub struct CharSlicer<'a> {
    text: &'a str,
    /// Byte offset of code point `k * CHECKPOINT`; `None` for ASCII text.
    marks: Option<Vec<u32>>,
}

/// Code points between two stored byte offsets of a [`CharSlicer`].
pub const CHECKPOINT: usize = 32;

#[inline]
fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

impl<'a> CharSlicer<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharSlicer { text, marks: None };
        }
        let mut marks = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut n = 0usize;
        for (b, &x) in text.as_bytes().iter().enumerate() {
            if x & 0xC0 != 0x80 {
                if n % CHECKPOINT == 0 {
                    marks.push(b as u32);
                }
                n += 1;
            }
        }
        CharSlicer {
            text,
            marks: Some(marks),
        }
    }

    /// Byte offset of code point `i` (clamped to the end).
    #[inline]
    pub fn byte(&self, i: usize) -> usize {
        let len = self.text.len();
        match &self.marks {
            None => i.min(len),
            Some(marks) => {
                let Some(&m) = marks.get(i / CHECKPOINT) else {
                    return len;
                };
                let bytes = self.text.as_bytes();
                let mut b = m as usize;
                for _ in 0..i % CHECKPOINT {
                    if b >= len {
                        return len;
                    }
                    b += utf8_width(bytes[b]);
                }
                b.min(len)
            }
        }
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// `text[start:end]` in Python's sense.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let (a, b) = (self.byte(start), self.byte(end.max(start)));
        &self.text[a..b]
    }
}

/// Byte offset of code-point index `i` in `s` (clamped to the end).
pub fn byte_of_char(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_unicode() {
        let a = CharIndex::new("hello");
        assert_eq!(a.char_at(3), 3);
        let u = CharIndex::new("né “x”");
        assert_eq!(u.char_at(0), 0);
        assert_eq!(u.char_at(3), 2); // after 'é' (2 bytes)
        assert_eq!(u.len_chars(), 6);
        assert_eq!(u.char_at(100), 6);
        assert_eq!(byte_of_char("né x", 2), 3);
        let sl = CharSlicer::new("né “x”");
        assert_eq!(sl.slice(3, 5), "“x");
        assert_eq!(sl.slice(4, 99), "x”");
        // Across checkpoints, against a per-character reference.
        let t: String = "aé“x”😀b".repeat(40);
        let sl = CharSlicer::new(&t);
        let offsets: Vec<usize> = t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
        for (i, &b) in offsets.iter().enumerate() {
            assert_eq!(sl.byte(i), b, "code point {i}");
        }
        assert_eq!(sl.byte(offsets.len() + 5), t.len());
    }
}
