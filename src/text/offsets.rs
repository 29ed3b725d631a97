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

/// Slices a `&str` by code-point indices in O(1) after an O(n) build (nothing stored for ASCII).
#[derive(Debug, Clone)]
pub struct CharSlicer<'a> {
    text: &'a str,
    /// `bytes[i]` = byte offset of code point `i`; one extra entry for the end.
    bytes: Option<Vec<u32>>,
}

impl<'a> CharSlicer<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharSlicer { text, bytes: None };
        }
        let mut bytes: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        bytes.push(text.len() as u32);
        CharSlicer {
            text,
            bytes: Some(bytes),
        }
    }

    /// Byte offset of code point `i` (clamped to the end).
    #[inline]
    pub fn byte(&self, i: usize) -> usize {
        match &self.bytes {
            None => i.min(self.text.len()),
            Some(b) => b[i.min(b.len() - 1)] as usize,
        }
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
    }
}
