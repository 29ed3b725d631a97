//! RapidFuzz-compatible scorers on code-point slices, built on a bit-parallel LCS
//! (Hyyrö / Allison–Dix): `Indel = len1 + len2 - 2·LCS`, 64 characters per machine word.
//!
//! The algorithms (including partial_ratio's window search and the token decompositions)
//! follow RapidFuzz 3.x so scores agree with it; tests compare against the installed package.

use std::collections::HashMap;

/// Bit vectors of one string (the "pattern"): for every character, the positions where it
/// occurs. Built once per query and reused for every choice.
#[derive(Debug, Clone)]
pub struct Pattern {
    words: usize,
    len: usize,
    /// `256 * words` rows for Latin-1 characters, then one zero row, then other characters.
    rows: Vec<u64>,
    /// Other characters and their row offsets, sorted (a handful per sentence: curly quotes,
    /// dashes, accented names), searched without hashing.
    other: Vec<(char, usize)>,
}

const LATIN1: usize = 256;

impl Pattern {
    /// Bit vectors for `s`.
    pub fn new(s: &[char]) -> Self {
        let words = s.len().div_ceil(64).max(1);
        let mut rows = vec![0u64; (LATIN1 + 1) * words];
        let mut index: HashMap<char, usize> = HashMap::new();
        for (i, &c) in s.iter().enumerate() {
            let base = if (c as u32) < LATIN1 as u32 {
                c as usize * words
            } else {
                let next = rows.len();
                let b = *index.entry(c).or_insert(next);
                if b == next {
                    rows.resize(next + words, 0);
                }
                b
            };
            rows[base + i / 64] |= 1u64 << (i % 64);
        }
        let mut other: Vec<(char, usize)> = index.into_iter().collect();
        other.sort_unstable();
        Pattern {
            words,
            len: s.len(),
            rows,
            other,
        }
    }

    /// Length of the pattern string in code points.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the pattern string is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn base(&self, c: char) -> usize {
        let w = self.words;
        if (c as u32) < LATIN1 as u32 {
            c as usize * w
        } else if self.other.is_empty() {
            LATIN1 * w
        } else if self.other.len() <= 8 {
            self.other
                .iter()
                .find(|x| x.0 == c)
                .map_or(LATIN1 * w, |x| x.1)
        } else {
            match self.other.binary_search_by_key(&c, |x| x.0) {
                Ok(i) => self.other[i].1,
                Err(_) => LATIN1 * w,
            }
        }
    }

    #[inline]
    fn row(&self, c: char) -> &[u64] {
        let base = self.base(c);
        &self.rows[base..base + self.words]
    }

    /// Whether `c` occurs in the pattern string.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        self.row(c).iter().any(|&x| x != 0)
    }

    /// Length of the longest common subsequence of the pattern string and `s2`.
    pub fn lcs(&self, s2: &[char]) -> usize {
        if self.len == 0 || s2.is_empty() {
            return 0;
        }
        if self.words == 1 {
            let mut s = !0u64;
            for &c in s2 {
                let m = self.row(c)[0];
                let u = s & m;
                s = s.wrapping_add(u) | (s - u);
            }
            let mask = if self.len == 64 {
                !0u64
            } else {
                (1u64 << self.len) - 1
            };
            return (!s & mask).count_ones() as usize;
        }
        if self.words == 2 {
            return self.lcs2(s2);
        }
        // Up to 512 characters on the stack: no allocation per pair.
        let mut stack = [!0u64; 8];
        let mut heap;
        let sv: &mut [u64] = if self.words <= 8 {
            &mut stack[..self.words]
        } else {
            heap = vec![!0u64; self.words];
            &mut heap
        };
        for (i, &c) in s2.iter().enumerate() {
            // Many words per step: a long pair (a 1M-character token) can take seconds.
            if crate::parallel::interrupted_every(i) {
                break;
            }
            advance(sv, self.row(c));
        }
        self.count_lcs(sv)
    }

    /// Two machine words (65–128 characters, most news sentences), unrolled.
    #[inline]
    fn lcs2(&self, s2: &[char]) -> usize {
        let mut s = (!0u64, !0u64);
        for &c in s2 {
            s = self.step2(s, c);
        }
        self.count_lcs(&[s.0, s.1])
    }

    /// One character of the two-word LCS recurrence (Hyyrö's, the carry passed from the low
    /// word to the high one).
    #[inline(always)]
    fn step2(&self, (s0, s1): (u64, u64), c: char) -> (u64, u64) {
        let base = self.base(c);
        let (m0, m1) = (self.rows[base], self.rows[base + 1]);
        let u0 = s0 & m0;
        let (x0, carry) = s0.overflowing_add(u0);
        let u1 = s1 & m1;
        let x1 = s1.wrapping_add(u1).wrapping_add(carry as u64);
        (x0 | (s0 - u0), x1 | (s1 - u1))
    }

    /// [`Self::lcs_at_least`] for two machine words, unrolled as [`Self::lcs2`] is (through
    /// the general word loop, sentence queries of `extract` took 2.4x RapidFuzz's time).
    fn lcs2_at_least(&self, s2: &[char], min_lcs: usize) -> Option<usize> {
        const BLOCK: usize = 32;
        let mut s = (!0u64, !0u64);
        for (b, block) in s2.chunks(BLOCK).enumerate() {
            if crate::parallel::interrupted_every(b * BLOCK) {
                break;
            }
            for &c in block {
                s = self.step2(s, c);
            }
            // Bits above the pattern's length stay 1: the zeros are the LCS so far.
            let so_far = ((!s.0).count_ones() + (!s.1).count_ones()) as usize;
            let left = s2.len() - (b * BLOCK + block.len());
            if so_far + left < min_lcs {
                return None;
            }
        }
        Some(self.count_lcs(&[s.0, s.1]))
    }

    #[inline]
    fn count_lcs(&self, sv: &[u64]) -> usize {
        let mut lcs = 0usize;
        let last = sv.len() - 1;
        for (w, &s) in sv.iter().enumerate() {
            let mut v = !s;
            if w == last && self.len % 64 != 0 {
                v &= (1u64 << (self.len % 64)) - 1;
            }
            lcs += v.count_ones() as usize;
        }
        lcs
    }

    /// LCS against four strings at once (patterns of up to 128 characters): four independent
    /// dependency chains keep the CPU busy where one chain waits on its own latency.
    // Index loops: the lanes advance in lock step over the same position.
    #[allow(clippy::needless_range_loop)]
    pub fn lcs4(&self, ss: [&[char]; 4]) -> [usize; 4] {
        if self.words > 2 || self.len == 0 {
            return ss.map(|x| self.lcs(x));
        }
        let mut s0 = [!0u64; 4];
        let mut s1 = [!0u64; 4];
        let common = ss.iter().map(|x| x.len()).min().unwrap_or(0);
        let two = self.words == 2;
        for i in 0..common {
            for l in 0..4 {
                let base = self.base(ss[l][i]);
                let m0 = self.rows[base];
                let u0 = s0[l] & m0;
                let (x0, carry) = s0[l].overflowing_add(u0);
                let n0 = x0 | (s0[l] - u0);
                if two {
                    let m1 = self.rows[base + 1];
                    let u1 = s1[l] & m1;
                    let x1 = s1[l].wrapping_add(u1).wrapping_add(carry as u64);
                    s1[l] = x1 | (s1[l] - u1);
                }
                s0[l] = n0;
            }
        }
        let mut out = [0usize; 4];
        for l in 0..4 {
            let (mut a, mut b) = (s0[l], s1[l]);
            for &c in &ss[l][common..] {
                let base = self.base(c);
                let u0 = a & self.rows[base];
                let (x0, carry) = a.overflowing_add(u0);
                let n0 = x0 | (a - u0);
                if two {
                    let u1 = b & self.rows[base + 1];
                    let x1 = b.wrapping_add(u1).wrapping_add(carry as u64);
                    b = x1 | (b - u1);
                }
                a = n0;
            }
            out[l] = if two {
                self.count_lcs(&[a, b])
            } else {
                self.count_lcs(&[a])
            };
        }
        out
    }

    /// Levenshtein distance (uniform weights) of the pattern string and `s2` when the pattern
    /// fits one machine word (at most 64 characters): Hyyrö's bit-parallel algorithm, as
    /// RapidFuzz runs it; `None` for a longer pattern.
    pub fn levenshtein(&self, s2: &[char]) -> Option<usize> {
        if self.words != 1 {
            return None;
        }
        if self.len == 0 {
            return Some(s2.len());
        }
        Some(levenshtein_word(self.len, s2, |c| self.rows[self.base(c)]))
    }

    /// LCS of the pattern string with every prefix of `s2`: element `L - 1` is
    /// `LCS(pattern, s2[..L])`. One bit-parallel pass instead of one per prefix.
    pub fn prefix_lcs(&self, s2: &[char]) -> Vec<usize> {
        let mut out = Vec::with_capacity(s2.len());
        let mut sv = vec![!0u64; self.words];
        for &c in s2 {
            advance(&mut sv, self.row(c));
            out.push(if self.len == 0 {
                0
            } else {
                self.count_lcs(&sv)
            });
        }
        out
    }

    /// Indel distance (insertions + deletions) between the pattern string and `s2`.
    #[inline]
    pub fn indel(&self, s2: &[char]) -> usize {
        self.len + s2.len() - 2 * self.lcs(s2)
    }

    /// `ratio` of the pattern string and `s2`, 0 when below `cutoff`.
    #[inline]
    pub fn ratio(&self, s2: &[char], cutoff: f64) -> f64 {
        let lensum = self.len + s2.len();
        if lensum == 0 {
            return cut(100.0, cutoff);
        }
        // Upper bound from the lengths alone: skip the LCS when it cannot reach the cutoff.
        // Computed exactly as the score is, so a score equal to the cutoff is never skipped.
        let least_dist = lensum - 2 * self.len.min(s2.len());
        if norm_sim_below(least_dist, lensum, cutoff) {
            return 0.0;
        }
        if cutoff > 0.0 && self.words >= 2 {
            // Any LCS below this scores under the cutoff (by 400 / lensum, far more than the
            // rounding of the score): stop once the LCS cannot reach it.
            let min_lcs = ((lensum as f64 * cutoff / 200.0).floor() as usize).saturating_sub(1);
            return match self.lcs_at_least(s2, min_lcs) {
                Some(l) => norm_sim(lensum - 2 * l, lensum, cutoff),
                None => 0.0,
            };
        }
        // Most choices of an `extract` end below the bar: ruled out by a multiplication, not
        // the score's division (exactly when the score is below the cutoff).
        let dist = self.indel(s2);
        if norm_sim_below(dist, lensum, cutoff) {
            return 0.0;
        }
        norm_sim(dist, lensum, cutoff)
    }

    /// LCS of the pattern string and `s2`, or `None` as soon as it cannot reach `min_lcs`:
    /// after each block of `s2` the LCS so far plus what is left of `s2` bounds it (RapidFuzz
    /// stops early with a cutoff too). For patterns of two or more machine words.
    pub fn lcs_at_least(&self, s2: &[char], min_lcs: usize) -> Option<usize> {
        const BLOCK: usize = 32;
        if self.len == 0 || s2.is_empty() || self.words < 2 {
            return Some(self.lcs(s2));
        }
        if self.words == 2 {
            return self.lcs2_at_least(s2, min_lcs);
        }
        let mut stack = [!0u64; 8];
        let mut heap;
        let sv: &mut [u64] = if self.words <= 8 {
            &mut stack[..self.words]
        } else {
            heap = vec![!0u64; self.words];
            &mut heap
        };
        for (b, block) in s2.chunks(BLOCK).enumerate() {
            if crate::parallel::interrupted_every(b * BLOCK) {
                break;
            }
            for &c in block {
                advance(sv, self.row(c));
            }
            // Bits above the pattern's length stay 1 (their match bits are 0), so counting
            // the zeros of every word is the LCS so far.
            let so_far: usize = sv.iter().map(|x| (!x).count_ones() as usize).sum();
            let left = s2.len() - (b * BLOCK + block.len());
            if so_far + left < min_lcs {
                return None;
            }
        }
        Some(self.count_lcs(sv))
    }

    /// Levenshtein distance (uniform weights) of the pattern string and `s2` when it is at
    /// most `max`, else `None`: Hyyrö's bit-parallel algorithm over machine words (as
    /// RapidFuzz's block kernel), restricted to the Ukkonen band of `max`.
    ///
    /// A cell `(i, j)` lies on a path of cost ≤ `max` only if `|i - j| + |(len1 - i) - (len2 -
    /// j)| ≤ max`, so column `j` needs only the words holding rows `j + lo ..= j + hi`. Words
    /// enter the band at the bottom (their rows taken as one more than the row above, as in
    /// the first column) and leave it at the top (the word below then sees a horizontal +1):
    /// both only over-estimate cells outside the band, which leaves every cell of a path of
    /// cost ≤ `max` exact. Every 16 columns the distance is bounded from below by the words'
    /// last rows (a vertical step is at least -1); the search stops when no row can still
    /// reach `max`.
    pub fn levenshtein_within(&self, s2: &[char], max: usize) -> Option<usize> {
        let (len1, len2) = (self.len, s2.len());
        let max = max.min(len1.max(len2));
        if len1.abs_diff(len2) > max {
            return None;
        }
        if len1 == 0 || len2 == 0 {
            return Some(len1 + len2);
        }
        let words = self.words;
        let (d, k) = (len1 as isize - len2 as isize, max as isize);
        // Rows i (1-based) of column j (1-based) in the band: j + lo ..= j + hi.
        let (lo, hi) = (-(k - d).div_euclid(2), (d + k).div_euclid(2));
        let last_bits = (len1 - 1) % 64 + 1;
        let last_mask = 1u64 << (last_bits - 1);
        let word_of = |row: isize| -> usize { ((row.max(1) - 1) as usize / 64).min(words - 1) };
        let in_word = |w: usize| if w + 1 == words { last_bits } else { 64 };
        let mut stack = [(!0u64, 0u64, 0usize); 8];
        let mut heap;
        let state: &mut [(u64, u64, usize)] = if words <= 8 {
            &mut stack[..words]
        } else {
            heap = vec![(!0u64, 0u64, 0usize); words];
            &mut heap
        };
        for (w, s) in state.iter_mut().enumerate() {
            s.2 = (w * 64 + in_word(w)).min(len1);
        }
        let mut last = word_of(1 + hi);
        for (jj, &c) in s2.iter().enumerate() {
            let j = jj as isize + 1;
            let new_first = word_of(j + lo);
            let new_last = word_of(j + hi);
            let row = self.row(c);
            let (mut hp_c, mut hn_c) = (1u64, 0u64);
            for w in new_first..=new_last {
                if w > last {
                    // Entering the band: its rows one more than the row above, at column j - 1
                    // (the word above holds column j when it was advanced just now, else it
                    // has just left the band and still holds column j - 1).
                    let above = if w > new_first {
                        state[w - 1].2 + hn_c as usize - hp_c as usize
                    } else {
                        state[w - 1].2
                    };
                    state[w] = (!0u64, 0u64, above + in_word(w));
                }
                let (vp, vn, score) = state[w];
                let x = row[w] | hn_c;
                let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
                let hp = vn | !(d0 | vp);
                let hn = d0 & vp;
                let (hp_o, hn_o) = if w + 1 == words {
                    (
                        u64::from(hp & last_mask != 0),
                        u64::from(hn & last_mask != 0),
                    )
                } else {
                    (hp >> 63, hn >> 63)
                };
                let hp = (hp << 1) | hp_c;
                let hn = (hn << 1) | hn_c;
                state[w] = (
                    hn | !(d0 | hp),
                    hp & d0,
                    score + hp_o as usize - hn_o as usize,
                );
                hp_c = hp_o;
                hn_c = hn_o;
            }
            let first = new_first;
            last = new_last;
            if jj % 16 == 15 && jj + 1 < len2 {
                // Lower bound of the distance through any row i of word w at column j:
                // score(w) - (r_w - i) + |(len1 - i) - (len2 - j)|, least at i = the word's
                // first row in the band.
                let cdiag = d + j;
                let bound = (first..=last)
                    .map(|w| {
                        let r = (w * 64 + in_word(w)) as isize;
                        let top = ((w * 64 + 1) as isize).max(j + lo);
                        state[w].2 as isize - r + top + (cdiag - top).abs()
                    })
                    .min()
                    .unwrap_or(isize::MAX);
                if bound > k {
                    return None;
                }
            }
        }
        let dist = state[words - 1].2;
        (dist <= max).then_some(dist)
    }
}

/// One step of the multi-word bit-parallel LCS (Hyyrö): the state `sv` after one more
/// character of the other string, whose match row is `row`; the carry runs across words.
#[inline(always)]
fn advance(sv: &mut [u64], row: &[u64]) {
    let mut carry = 0u64;
    for (sw, &m) in sv.iter_mut().zip(row) {
        let s = *sw;
        let u = s & m;
        let (x, c1) = s.overflowing_add(u);
        let (x, c2) = x.overflowing_add(carry);
        carry = (c1 | c2) as u64;
        *sw = x | (s - u);
    }
}

/// Lanes of [`PatternN`]: queries scored together against one choice.
pub const LANES: usize = 8;

/// Bit vectors of `LANES` strings, interleaved so one lookup per
/// character of the other string serves all of them (cdist rows four queries at a time).
#[derive(Debug, Clone)]
pub struct PatternN {
    words: usize,
    lens: [usize; LANES],
    /// `(row * words + word) * LANES + lane`; rows as in [`Pattern`].
    rows: Vec<u64>,
    other: Vec<(char, usize)>,
}

impl PatternN {
    /// Interleaved patterns, or `None` when a string is longer than 4096 characters.
    pub fn new(strings: [&[char]; LANES]) -> Option<Self> {
        let longest = strings.iter().map(|s| s.len()).max().unwrap_or(0);
        if longest > 4096 {
            return None;
        }
        let words = longest.div_ceil(64).max(1);
        let mut rows = vec![0u64; (LATIN1 + 1) * words * LANES];
        let mut index: HashMap<char, usize> = HashMap::new();
        for (lane, st) in strings.iter().enumerate() {
            for (i, &c) in st.iter().enumerate() {
                let row = if (c as u32) < LATIN1 as u32 {
                    c as usize
                } else {
                    let next = rows.len() / (words * LANES);
                    let r = *index.entry(c).or_insert(next);
                    if r == next {
                        rows.resize(rows.len() + words * LANES, 0);
                    }
                    r
                };
                rows[(row * words + i / 64) * LANES + lane] |= 1u64 << (i % 64);
            }
        }
        let mut other: Vec<(char, usize)> = index.into_iter().collect();
        other.sort_unstable();
        Some(PatternN {
            words,
            lens: strings.map(|s| s.len()),
            rows,
            other,
        })
    }

    /// Lengths of the strings.
    pub fn lens(&self) -> [usize; LANES] {
        self.lens
    }

    #[inline]
    fn base(&self, c: char) -> usize {
        let row = if (c as u32) < LATIN1 as u32 {
            c as usize
        } else {
            match self.other.binary_search_by_key(&c, |x| x.0) {
                Ok(i) => self.other[i].1,
                Err(_) => LATIN1,
            }
        };
        row * self.words * LANES
    }

    /// LCS of each of the strings with `s2`. Bits above a string's length start as 1 and
    /// stay 1 (its pattern bits there are 0), so counting zeros needs no mask.
    pub fn lcs(&self, s2: &[char]) -> [usize; LANES] {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512f") {
                // SAFETY: the CPU supports AVX-512F (checked just above).
                return unsafe { self.lcs_avx512(s2) };
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                return unsafe { self.lcs_avx2(s2) };
            }
        }
        self.lcs_lanes(s2)
    }

    /// [`PatternN::lcs`] compiled with AVX-512F: all eight lanes in one register.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn lcs_avx512(&self, s2: &[char]) -> [usize; LANES] {
        self.lcs_lanes(s2)
    }

    /// [`PatternN::lcs`] compiled with AVX2, so the lanes are updated four at a time; chosen
    /// at run time, the wheel still runs on any x86-64.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn lcs_avx2(&self, s2: &[char]) -> [usize; LANES] {
        self.lcs_lanes(s2)
    }

    /// Levenshtein distance of each string with `s2` when every string fits one machine word
    /// (at most 64 characters; `None` otherwise): Hyyrö's algorithm, eight lanes at a time.
    pub fn levenshtein(&self, s2: &[char]) -> Option<[usize; LANES]> {
        if self.words != 1 {
            return None;
        }
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512f") {
                // SAFETY: the CPU supports AVX-512F (checked just above).
                return Some(unsafe { self.levenshtein_avx512(s2) });
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                return Some(unsafe { self.levenshtein_avx2(s2) });
            }
        }
        Some(self.levenshtein_lanes(s2))
    }

    /// [`PatternN::levenshtein`] compiled with AVX-512F.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn levenshtein_avx512(&self, s2: &[char]) -> [usize; LANES] {
        self.levenshtein_lanes(s2)
    }

    /// [`PatternN::levenshtein`] compiled with AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn levenshtein_avx2(&self, s2: &[char]) -> [usize; LANES] {
        self.levenshtein_lanes(s2)
    }

    #[inline(always)]
    fn levenshtein_lanes(&self, s2: &[char]) -> [usize; LANES] {
        let last: [u64; LANES] = std::array::from_fn(|l| match self.lens[l] {
            0 => 0,
            n => 1u64 << (n - 1),
        });
        let mut vp = [!0u64; LANES];
        let mut vn = [0u64; LANES];
        let mut dist: [u64; LANES] = self.lens.map(|n| n as u64);
        for &c in s2 {
            let b = self.base(c);
            let m = &self.rows[b..b + LANES];
            for l in 0..LANES {
                let x = m[l];
                let d0 = (((x & vp[l]).wrapping_add(vp[l])) ^ vp[l]) | x | vn[l];
                let hp = vn[l] | !(d0 | vp[l]);
                let hn = d0 & vp[l];
                dist[l] = dist[l] + u64::from(hp & last[l] != 0) - u64::from(hn & last[l] != 0);
                let hp = (hp << 1) | 1;
                let hn = hn << 1;
                vp[l] = hn | !(d0 | hp);
                vn[l] = hp & d0;
            }
        }
        std::array::from_fn(|l| {
            if self.lens[l] == 0 {
                s2.len()
            } else {
                dist[l] as usize
            }
        })
    }

    #[inline(always)]
    fn lcs_lanes(&self, s2: &[char]) -> [usize; LANES] {
        let mut out = [0usize; LANES];
        if self.words == 1 {
            let mut s = [!0u64; LANES];
            for &c in s2 {
                let b = self.base(c);
                let m = &self.rows[b..b + LANES];
                for l in 0..LANES {
                    let u = s[l] & m[l];
                    s[l] = s[l].wrapping_add(u) | (s[l] - u);
                }
            }
            for l in 0..LANES {
                out[l] = (!s[l]).count_ones() as usize;
            }
        } else if self.words > 2 {
            let w = self.words;
            let mut sv = vec![[!0u64; LANES]; w];
            for &c in s2 {
                let b = self.base(c);
                let m = &self.rows[b..b + LANES * w];
                let mut carry = [0u64; LANES];
                for (k, st) in sv.iter_mut().enumerate() {
                    for l in 0..LANES {
                        let sw = st[l];
                        let u = sw & m[LANES * k + l];
                        let (x, c1) = sw.overflowing_add(u);
                        let (x, c2) = x.overflowing_add(carry[l]);
                        carry[l] = (c1 | c2) as u64;
                        st[l] = x | (sw - u);
                    }
                }
            }
            for st in &sv {
                for l in 0..LANES {
                    out[l] += (!st[l]).count_ones() as usize;
                }
            }
        } else {
            let mut s0 = [!0u64; LANES];
            let mut s1 = [!0u64; LANES];
            for &c in s2 {
                let b = self.base(c);
                let m = &self.rows[b..b + 2 * LANES];
                for l in 0..LANES {
                    let u0 = s0[l] & m[l];
                    let (x0, carry) = s0[l].overflowing_add(u0);
                    let u1 = s1[l] & m[LANES + l];
                    let x1 = s1[l].wrapping_add(u1).wrapping_add(carry as u64);
                    s0[l] = x0 | (s0[l] - u0);
                    s1[l] = x1 | (s1[l] - u1);
                }
            }
            for l in 0..LANES {
                out[l] = ((!s0[l]).count_ones() + (!s1[l]).count_ones()) as usize;
            }
        }
        out
    }
}

/// An unsigned integer lane of a [`PackedPattern`]: holds one string of up to `BITS`
/// characters, so a 512-bit step serves 64 strings of up to 8 characters, 32 of up to 16 or
/// 16 of up to 32 (RapidFuzz packs short strings the same way).
pub trait Lane:
    Copy
    + Send
    + Sync
    + std::fmt::Debug
    + std::ops::BitAnd<Output = Self>
    + std::ops::BitOr<Output = Self>
    + std::ops::BitXor<Output = Self>
    + std::ops::Not<Output = Self>
    + std::ops::Shl<u32, Output = Self>
    + PartialEq
{
    /// Bits, the longest string a lane holds.
    const BITS: usize;
    const ZERO: Self;
    const ONE: Self;
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn ones(self) -> u32;
    fn bit(i: usize) -> Self;
    /// All ones when `b`, else zero (a lane mask).
    fn mask(b: bool) -> Self;
    /// `n` as a lane value, or `None` when it does not fit.
    fn from_usize(n: usize) -> Option<Self>;
    /// The lowest set bit (`x & -x`).
    fn lowest(self) -> Self;
    /// The lane as an integer.
    fn to_usize(self) -> usize;
}

macro_rules! lane {
    ($t:ty) => {
        impl Lane for $t {
            const BITS: usize = <$t>::BITS as usize;
            const ZERO: Self = 0;
            const ONE: Self = 1;
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            #[inline(always)]
            fn ones(self) -> u32 {
                self.count_ones()
            }
            #[inline(always)]
            fn bit(i: usize) -> Self {
                1 << i
            }
            #[inline(always)]
            fn mask(b: bool) -> Self {
                (b as $t).wrapping_neg()
            }
            #[inline(always)]
            fn from_usize(n: usize) -> Option<Self> {
                <$t>::try_from(n).ok()
            }
            #[inline(always)]
            fn lowest(self) -> Self {
                self & self.wrapping_neg()
            }
            #[inline(always)]
            fn to_usize(self) -> usize {
                self as usize
            }
        }
    };
}
lane!(u8);
lane!(u16);
lane!(u32);

/// Bit vectors of up to `N` short strings, one per lane of type `T`: one lookup per
/// character of the other string serves them all.
#[derive(Debug, Clone)]
pub struct PackedPattern<T: Lane, const N: usize> {
    lens: [usize; N],
    /// Rows for Latin-1, one zero row, then other characters (found through `other`).
    rows: Vec<[T; N]>,
    other: Vec<(char, usize)>,
}

impl<T: Lane, const N: usize> PackedPattern<T, N> {
    /// Packed patterns, or `None` for more than `N` strings or one longer than `T::BITS`.
    pub fn new(strings: &[&[char]]) -> Option<Self> {
        if strings.len() > N || strings.iter().any(|s| s.len() > T::BITS) {
            return None;
        }
        let mut rows = vec![[T::ZERO; N]; LATIN1 + 1];
        let mut index: HashMap<char, usize> = HashMap::new();
        for (lane, st) in strings.iter().enumerate() {
            for (i, &c) in st.iter().enumerate() {
                let row = if (c as u32) < LATIN1 as u32 {
                    c as usize
                } else {
                    let next = rows.len();
                    let r = *index.entry(c).or_insert(next);
                    if r == next {
                        rows.push([T::ZERO; N]);
                    }
                    r
                };
                rows[row][lane] = rows[row][lane] | T::bit(i);
            }
        }
        let mut other: Vec<(char, usize)> = index.into_iter().collect();
        other.sort_unstable();
        Some(PackedPattern {
            lens: std::array::from_fn(|l| strings.get(l).map_or(0, |s| s.len())),
            rows,
            other,
        })
    }

    /// Lengths of the strings (0 for unused lanes).
    pub fn lens(&self) -> [usize; N] {
        self.lens
    }

    #[inline(always)]
    fn row(&self, c: char) -> &[T; N] {
        let r = if (c as u32) < LATIN1 as u32 {
            c as usize
        } else {
            match self.other.binary_search_by_key(&c, |x| x.0) {
                Ok(i) => self.other[i].1,
                Err(_) => LATIN1,
            }
        };
        &self.rows[r]
    }

    /// LCS of each string with `s2`, AVX-512BW or AVX2 chosen at run time.
    pub fn lcs(&self, s2: &[char]) -> [usize; N] {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512bw") {
                // SAFETY: the CPU supports AVX-512BW (checked just above).
                return unsafe { self.lcs_avx512(s2) };
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                return unsafe { self.lcs_avx2(s2) };
            }
        }
        self.lcs_lanes(s2)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn lcs_avx512(&self, s2: &[char]) -> [usize; N] {
        self.lcs_lanes(s2)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn lcs_avx2(&self, s2: &[char]) -> [usize; N] {
        self.lcs_lanes(s2)
    }

    /// Bits above a string's length start as 1 and stay 1 (its pattern bits there are 0 and
    /// `s - u` never borrows), so counting zeros needs no mask.
    #[inline(always)]
    fn lcs_lanes(&self, s2: &[char]) -> [usize; N] {
        let mut s = [!T::ZERO; N];
        for &c in s2 {
            let m = self.row(c);
            for (x, &y) in s.iter_mut().zip(m) {
                let u = *x & y;
                *x = x.add(u) | x.sub(u);
            }
        }
        s.map(|x| (!x).ones() as usize)
    }

    /// Levenshtein distance of each string with `s2` (Hyyrö), AVX-512BW or AVX2 chosen at
    /// run time.
    pub fn levenshtein(&self, s2: &[char]) -> [usize; N] {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512bw") {
                // SAFETY: the CPU supports AVX-512BW (checked just above).
                return unsafe { self.levenshtein_avx512(s2) };
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                return unsafe { self.levenshtein_avx2(s2) };
            }
        }
        self.levenshtein_lanes(s2)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn levenshtein_avx512(&self, s2: &[char]) -> [usize; N] {
        self.levenshtein_lanes(s2)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn levenshtein_avx2(&self, s2: &[char]) -> [usize; N] {
        self.levenshtein_lanes(s2)
    }

    #[inline(always)]
    fn levenshtein_lanes(&self, s2: &[char]) -> [usize; N] {
        let last: [T; N] = self
            .lens
            .map(|n| if n == 0 { T::ZERO } else { T::bit(n - 1) });
        let mut vp = [!T::ZERO; N];
        let mut vn = [T::ZERO; N];
        // Counted in i32 lanes so the compiler can keep them in vectors too.
        let mut dist: [i32; N] = self.lens.map(|n| n as i32);
        for &c in s2 {
            let m = self.row(c);
            for l in 0..N {
                let x = m[l];
                let d0 = ((x & vp[l]).add(vp[l]) ^ vp[l]) | x | vn[l];
                let hp = vn[l] | !(d0 | vp[l]);
                let hn = d0 & vp[l];
                dist[l] +=
                    i32::from((hp & last[l]).ones() != 0) - i32::from((hn & last[l]).ones() != 0);
                let hp = (hp << 1) | T::ONE;
                let hn = hn << 1;
                vp[l] = hn | !(d0 | hp);
                vn[l] = hp & d0;
            }
        }
        std::array::from_fn(|l| {
            if self.lens[l] == 0 {
                s2.len()
            } else {
                dist[l] as usize
            }
        })
    }

    /// Jaro matches and transpositions of each string (the pattern, RapidFuzz's `s1`) with
    /// `s2`, AVX-512BW or AVX2 chosen at run time: RapidFuzz's bit-parallel flagging (each
    /// character of `s2` takes the first free pattern position inside its search window, the
    /// lowest set bit), one lane per string. `None` when `s2` is too long for the lane type to
    /// count its search window (longer than the lane's maximum value).
    ///
    /// `keep` sees the matches of every lane before the transpositions are counted: when it
    /// returns false (no lane can reach the caller's cutoff) they are not, and every lane's
    /// transpositions come back as `usize::MAX`.
    pub fn jaro(
        &self,
        s2: &[char],
        scratch: &mut Vec<[T; N]>,
        keep: impl Fn(&[usize; N]) -> bool,
    ) -> Option<([usize; N], [usize; N])> {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512bw") {
                // SAFETY: the CPU supports AVX-512BW (checked just above).
                return unsafe { self.jaro_avx512(s2, scratch, keep) };
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                return unsafe { self.jaro_avx2(s2, scratch, keep) };
            }
        }
        self.jaro_lanes(s2, scratch, keep)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn jaro_avx512(
        &self,
        s2: &[char],
        scratch: &mut Vec<[T; N]>,
        keep: impl Fn(&[usize; N]) -> bool,
    ) -> Option<([usize; N], [usize; N])> {
        self.jaro_lanes(s2, scratch, keep)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn jaro_avx2(
        &self,
        s2: &[char],
        scratch: &mut Vec<[T; N]>,
        keep: impl Fn(&[usize; N]) -> bool,
    ) -> Option<([usize; N], [usize; N])> {
        self.jaro_lanes(s2, scratch, keep)
    }

    #[inline(always)]
    fn jaro_lanes(
        &self,
        s2: &[char],
        scratch: &mut Vec<[T; N]>,
        keep: impl Fn(&[usize; N]) -> bool,
    ) -> Option<([usize; N], [usize; N])> {
        let l2 = s2.len();
        // The search radius of each lane (RapidFuzz: max(len1, len2) / 2 - 1); lanes whose
        // strings are both shorter than 2 are scored by the caller, whatever they hold here.
        let bound: [usize; N] = self.lens.map(|l1| (l1.max(l2) / 2).saturating_sub(1));
        // Steps during which the window still grows at its start (`bound` of them).
        let mut grow: [T; N] = [T::ZERO; N];
        for (g, &b) in grow.iter_mut().zip(&bound) {
            *g = T::from_usize(b)?;
        }
        let mut window: [T; N] = bound.map(|b| {
            if b + 1 >= T::BITS {
                !T::ZERO
            } else {
                T::bit(b + 1).sub(T::ONE)
            }
        });
        // No position of `s2` at or past (longest pattern + its radius) can match.
        let reach = (0..N).map(|l| self.lens[l] + bound[l]).max().unwrap_or(0);
        let s2 = &s2[..l2.min(reach)];
        scratch.clear();
        let mut p_flag = [T::ZERO; N];
        for &c in s2 {
            let m = self.row(c);
            let mut t_flag = [T::ZERO; N];
            for l in 0..N {
                let pm = m[l] & window[l] & !p_flag[l];
                p_flag[l] = p_flag[l] | pm.lowest();
                t_flag[l] = T::mask(pm != T::ZERO);
                let g = T::mask(grow[l] != T::ZERO);
                window[l] = (window[l] << 1) | (g & T::ONE);
                grow[l] = grow[l].sub(g & T::ONE);
            }
            scratch.push(t_flag);
        }
        let common = p_flag.map(|x| x.ones() as usize);
        if !keep(&common) {
            return Some((common, [usize::MAX; N]));
        }
        // Transpositions: the k-th flagged character of `s2` against the k-th flagged
        // pattern position.
        let mut free = p_flag;
        let mut trans = [T::ZERO; N];
        for (&c, t_flag) in s2.iter().zip(scratch.iter()) {
            let m = self.row(c);
            for l in 0..N {
                let low = free[l].lowest();
                let miss = T::mask(m[l] & low == T::ZERO);
                trans[l] = trans[l].sub(miss & t_flag[l]);
                free[l] = free[l] ^ (low & t_flag[l]);
            }
        }
        Some((common, trans.map(|x| x.to_usize())))
    }
}

/// `100·(1 - dist/lensum)`, the way RapidFuzz normalizes, 0 below `cutoff`.
#[inline]
fn norm_sim(dist: usize, lensum: usize, cutoff: f64) -> f64 {
    let score = if lensum > 0 {
        (1.0 - dist as f64 / lensum as f64) * 100.0
    } else {
        100.0
    };
    cut(score, cutoff)
}

/// Whether `ratio` of strings of `l1` and `l2` code points can reach `cutoff`, from their
/// lengths alone (the bound [`Pattern::ratio`] checks first, computed as the score is).
#[inline]
pub fn ratio_may_reach(l1: usize, l2: usize, cutoff: f64) -> bool {
    let lensum = l1 + l2;
    lensum == 0 || !norm_sim_below(lensum - 2 * l1.min(l2), lensum, cutoff)
}

/// Whether `cutoff > 0` and [`norm_sim`]`(dist, lensum, cutoff)` is 0 (the score is below
/// the cutoff), mostly without its division: the exact score `100 (lensum - dist) / lensum`
/// is compared with the cutoff by multiplication, and only a score within 1e-9 (relative) of
/// the cutoff, where the rounding of the float expression decides, is computed as
/// [`norm_sim`] computes it. The division was most of the length check that every choice of
/// an `extract` passes through twice.
#[inline]
fn norm_sim_below(dist: usize, lensum: usize, cutoff: f64) -> bool {
    // A NaN cutoff is never "below" (as `cutoff > 0.0` was false before).
    if cutoff.is_nan() || cutoff <= 0.0 {
        return false;
    }
    if lensum == 0 {
        return 100.0 < cutoff;
    }
    // Both exact (integers below 2^53); `rhs` within one rounding of cutoff · lensum.
    let lhs = (lensum - dist) as f64 * 100.0;
    let rhs = cutoff * lensum as f64;
    if lhs >= rhs * (1.0 + 1e-9) {
        false
    } else if lhs <= rhs * (1.0 - 1e-9) {
        true
    } else {
        norm_sim(dist, lensum, cutoff) == 0.0
    }
}

/// `100 - 100·dist/lensum`, the token_set_ratio normalization, 0 below `cutoff`.
#[inline]
fn norm_dist100(dist: usize, lensum: usize, cutoff: f64) -> f64 {
    let score = if lensum > 0 {
        100.0 - 100.0 * dist as f64 / lensum as f64
    } else {
        100.0
    };
    cut(score, cutoff)
}

/// `score`, or 0 when it is below `cutoff` (RapidFuzz's score_cutoff rule).
#[inline]
pub(crate) fn cut(score: f64, cutoff: f64) -> f64 {
    if score >= cutoff {
        score
    } else {
        0.0
    }
}

/// Normalized Indel similarity, 0–100.
pub fn ratio(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    if s1.len() + s2.len() == 0 {
        return cut(100.0, cutoff);
    }
    let lensum = s1.len() + s2.len();
    // Upper bound from the lengths alone, before any pattern is built (computed as the score
    // is, so a score equal to the cutoff is never skipped).
    let least = lensum - 2 * s1.len().min(s2.len());
    if cutoff > 0.0 && norm_sim(least, lensum, cutoff) == 0.0 {
        return 0.0;
    }
    let (a, b) = strip_affix(s1, s2);
    let affix = lensum - a.len() - b.len();
    if affix == 0 || a.is_empty() || b.is_empty() {
        // The shorter string as pattern: fewer machine words per step.
        let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if affix == 0 {
            if a.len() <= 64 {
                return norm_sim(lensum - 2 * lcs_short(a, b), lensum, cutoff);
            }
            return Pattern::new(a).ratio(b, cutoff);
        }
        return norm_sim(a.len() + b.len(), lensum, cutoff);
    }
    norm_sim(indel(a, b), lensum, cutoff)
}

/// LCS of `a` (at most 64 characters) and `b` with the pattern in reused per-thread rows:
/// for one pair the heap-allocated [`Pattern`] (2 kB) cost more than the comparison, and
/// zeroing a 2 kB table on the stack per call was a sixth of a single `ratio` on names.
fn lcs_short(a: &[char], b: &[char]) -> usize {
    debug_assert!(a.len() <= 64);
    if a.is_empty() {
        return 0;
    }
    with_short_rows(a, |rows| {
        let mut s = !0u64;
        for &c in b {
            let u = s & rows.get(c);
            s = s.wrapping_add(u) | (s - u);
        }
        let mask = if a.len() == 64 {
            !0
        } else {
            (1u64 << a.len()) - 1
        };
        (!s & mask).count_ones() as usize
    })
}

/// Levenshtein distance of `a` (at most 64 characters) and `b` (Hyyrö's bit-parallel
/// algorithm, as [`Pattern::levenshtein`]) in the reused rows of [`lcs_short`]: a single call
/// on names no longer builds the rapidfuzz crate's pattern.
fn levenshtein_short(a: &[char], b: &[char]) -> usize {
    debug_assert!(a.len() <= 64);
    if a.is_empty() {
        return b.len();
    }
    with_short_rows(a, |rows| levenshtein_word(a.len(), b, |c| rows.get(c)))
}

/// Hyyrö's bit-parallel Levenshtein distance of a pattern of `len` characters (1 to 64) and
/// `s2`, where `mask(c)` is the bit mask of `c`'s positions in the pattern: the one-word
/// kernel of [`Pattern::levenshtein`] and [`levenshtein_short`].
#[inline(always)]
fn levenshtein_word(len: usize, s2: &[char], mask: impl Fn(char) -> u64) -> usize {
    debug_assert!((1..=64).contains(&len));
    let last = 1u64 << (len - 1);
    let (mut vp, mut vn, mut dist) = (!0u64, 0u64, len);
    for &c in s2 {
        let x = mask(c);
        let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        dist = dist + usize::from(hp & last != 0) - usize::from(hn & last != 0);
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
    }
    dist
}

thread_local! {
    /// [`with_short_rows`]' rows: all zero and empty between calls.
    #[allow(clippy::type_complexity)]
    static SHORT_ROWS: std::cell::RefCell<([u64; LATIN1], Vec<(char, u64)>)> =
        const { std::cell::RefCell::new(([0; LATIN1], Vec::new())) };
}

/// The positions of each character of a string of at most 64 (one machine word).
struct ShortRows<'r> {
    table: &'r [u64; LATIN1],
    other: &'r [(char, u64)],
}

impl ShortRows<'_> {
    #[inline]
    fn get(&self, c: char) -> u64 {
        if (c as u32) < LATIN1 as u32 {
            self.table[c as usize]
        } else {
            self.other.iter().find(|o| o.0 == c).map_or(0, |o| o.1)
        }
    }
}

/// `f` of the rows of `a` (at most 64 characters), built in the per-thread [`SHORT_ROWS`]
/// and cleared after.
fn with_short_rows<R>(a: &[char], f: impl FnOnce(&ShortRows<'_>) -> R) -> R {
    SHORT_ROWS.with(|rows| match rows.try_borrow_mut() {
        Ok(mut r) => {
            let (table, other) = &mut *r;
            short_rows_in(a, table, other, f)
        }
        // Never reached (nothing runs between the borrow and its end), but fresh rows work too.
        Err(_) => short_rows_in(a, &mut [0; LATIN1], &mut Vec::new(), f),
    })
}

/// [`with_short_rows`] in `table` (all zero) and `other` (empty), left as they were found.
fn short_rows_in<R>(
    a: &[char],
    table: &mut [u64; LATIN1],
    other: &mut Vec<(char, u64)>,
    f: impl FnOnce(&ShortRows<'_>) -> R,
) -> R {
    for (i, &c) in a.iter().enumerate() {
        if (c as u32) < LATIN1 as u32 {
            table[c as usize] |= 1 << i;
        } else if let Some(o) = other.iter_mut().find(|o| o.0 == c) {
            o.1 |= 1 << i;
        } else {
            other.push((c, 1 << i));
        }
    }
    let r = f(&ShortRows {
        table,
        other: other.as_slice(),
    });
    for &c in a {
        if (c as u32) < LATIN1 as u32 {
            table[c as usize] = 0;
        }
    }
    other.clear();
    r
}

/// The two strings without their common prefix and suffix, which an LCS always contains
/// (RapidFuzz strips them too): `"a"·10⁶ + "b"` against `"a"·10⁶` is then instant.
pub fn strip_affix<'a>(a: &'a [char], b: &'a [char]) -> (&'a [char], &'a [char]) {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (&a[..a.len() - suf], &b[..b.len() - suf])
}

/// Indel distance of two strings, common affixes stripped, the shorter as pattern.
pub fn indel(a: &[char], b: &[char]) -> usize {
    let (a, b) = strip_affix(a, b);
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return b.len();
    }
    // One machine word: the reused rows, not a 2 kB pattern and its map per pair (names with a
    // common first name took this path and were 370 ns a call against RapidFuzz's 226).
    if a.len() <= 64 {
        return a.len() + b.len() - 2 * lcs_short(a, b);
    }
    Pattern::new(a).indel(b)
}

/// Best `ratio` of the shorter string against any window of the longer one (RapidFuzz's
/// window search: adjacent windows differ by at most 2 edits, so ranges whose best possible
/// score cannot beat the best found are skipped).
pub fn partial_ratio(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    partial_ratio_pat(s1, s2, None, None, cutoff)
}

/// [`partial_ratio`] with optional prebuilt patterns of `s1` and `s2`.
pub fn partial_ratio_pat(
    s1: &[char],
    s2: &[char],
    p1: Option<&Pattern>,
    p2: Option<&Pattern>,
    cutoff: f64,
) -> f64 {
    let (short, long, ps, pl) = if s1.len() <= s2.len() {
        (s1, s2, p1, p2)
    } else {
        (s2, s1, p2, p1)
    };
    if cutoff > 100.0 {
        return 0.0;
    }
    if short.is_empty() || long.is_empty() {
        return if short.len() == long.len() {
            100.0
        } else {
            0.0
        };
    }
    let owned;
    let ps = match ps {
        Some(p) => p,
        None => {
            owned = Pattern::new(short);
            &owned
        }
    };
    let mut score = partial_impl(short, long, ps, cutoff);
    if score != 100.0 && short.len() == long.len() {
        let owned2;
        let pl = match pl {
            Some(p) => p,
            None => {
                owned2 = Pattern::new(long);
                &owned2
            }
        };
        let c2 = cutoff.max(score);
        let s2 = partial_impl(long, short, pl, c2);
        if s2 > score {
            score = s2;
        }
    }
    cut(score, cutoff)
}

// Index loops mirror RapidFuzz's, which keeps the port checkable line by line.
#[allow(clippy::needless_range_loop)]
fn partial_impl(s1: &[char], s2: &[char], pat: &Pattern, mut cutoff: f64) -> f64 {
    let len1 = s1.len();
    let len2 = s2.len();
    let mut res = 0.0f64;
    if len2 > len1 {
        let maximum = len1 * 2;
        // A window distance is kept when its score reaches the cutoff (equality included, as
        // in RapidFuzz) and it beats the best so far; computed like the final score.
        let ok = |d: usize| (1.0 - d as f64 / maximum as f64) * 100.0 >= cutoff;
        let mut best_dist = usize::MAX;
        // Reused buffers: allocating three per pair was a fifth of a names cdist.
        let mut scratch = PARTIAL_SCRATCH.with(|c| c.take());
        let (scores, windows, new_windows) = &mut scratch;
        scores.clear();
        scores.resize(len2 - len1, usize::MAX);
        windows.clear();
        windows.push((0, len2 - len1 - 1));
        new_windows.clear();
        let found = 'search: {
            while !windows.is_empty() {
                for &(first, second) in windows.iter() {
                    for pos in [first, second] {
                        if scores[pos] == usize::MAX {
                            scores[pos] = pat.indel(&s2[pos..pos + len1]);
                            if scores[pos] < best_dist && ok(scores[pos]) {
                                best_dist = scores[pos];
                                if best_dist == 0 {
                                    break 'search true;
                                }
                            }
                        }
                    }
                    let cell_diff = second - first;
                    if cell_diff <= 1 {
                        continue;
                    }
                    let known_edits = scores[first].abs_diff(scores[second]);
                    let max_improvement = (cell_diff.saturating_sub(known_edits / 2)) / 2 * 2;
                    let min_score =
                        scores[first].min(scores[second]) as isize - max_improvement as isize;
                    if min_score < best_dist.min(isize::MAX as usize) as isize
                        && ok(min_score.max(0) as usize)
                    {
                        let center = cell_diff / 2;
                        new_windows.push((first, first + center));
                        new_windows.push((first + center, second));
                    }
                }
                std::mem::swap(windows, new_windows);
                new_windows.clear();
            }
            false
        };
        PARTIAL_SCRATCH.with(|c| c.set(scratch));
        if found {
            return 100.0;
        }
        if best_dist != usize::MAX {
            let score = (1.0 - best_dist as f64 / maximum as f64) * 100.0;
            if score >= cutoff {
                cutoff = score;
                res = score;
            }
        }
    }
    // Prefixes and suffixes of the longer string shorter than the needle: all their LCS
    // values from one pass each (RapidFuzz recomputes each one).
    if pat.words == 1 {
        return partial_affixes_short(s1, s2, pat, res, cutoff);
    }
    if len1 > 1 {
        let pre = pat.prefix_lcs(&s2[..len1 - 1]);
        for i in 1..len1 {
            if !pat.contains(s2[i - 1]) {
                continue;
            }
            let r = norm_sim(len1 + i - 2 * pre[i - 1], len1 + i, cutoff);
            if r > res {
                res = r;
                cutoff = r;
                if res == 100.0 {
                    return res;
                }
            }
        }
    }
    let rev1: Vec<char> = s1.iter().rev().copied().collect();
    let rev2: Vec<char> = s2[len2 - len1..].iter().rev().copied().collect();
    let suf = Pattern::new(&rev1).prefix_lcs(&rev2);
    for i in len2 - len1..len2 {
        if !pat.contains(s2[i]) {
            continue;
        }
        let l = len2 - i;
        let r = norm_sim(len1 + l - 2 * suf[l - 1], len1 + l, cutoff);
        if r > res {
            res = r;
            cutoff = r;
            if res == 100.0 {
                return res;
            }
        }
    }
    res
}

thread_local! {
    /// `partial_impl`'s window scores and window lists, kept between calls.
    #[allow(clippy::type_complexity)]
    static PARTIAL_SCRATCH: std::cell::Cell<(Vec<usize>, Vec<(usize, usize)>, Vec<(usize, usize)>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new())) };
}

/// The prefix and suffix windows of `partial_impl` for a needle of one machine word, with
/// no allocation: the prefix LCS values from one bit-parallel pass, the suffix ones from a
/// pass over the reversed string with the needle's rows bit-reversed (the rows of the
/// reversed needle), each score taken as soon as its LCS is known. Same windows, same
/// scores as the general path.
fn partial_affixes_short(
    s1: &[char],
    s2: &[char],
    pat: &Pattern,
    mut res: f64,
    mut cutoff: f64,
) -> f64 {
    let (len1, len2) = (s1.len(), s2.len());
    let step = |sv: u64, m: u64| {
        let u = sv & m;
        sv.wrapping_add(u) | (sv - u)
    };
    let mut sv = !0u64;
    for i in 1..len1 {
        let m = pat.rows[pat.base(s2[i - 1])];
        sv = step(sv, m);
        if m == 0 {
            continue;
        }
        let lcs = (!sv).count_ones() as usize;
        let r = norm_sim(len1 + i - 2 * lcs, len1 + i, cutoff);
        if r > res {
            res = r;
            cutoff = r;
            if res == 100.0 {
                return res;
            }
        }
    }
    let shift = 64 - len1 as u32;
    let mut sv = !0u64;
    for l in 1..=len1 {
        let m = pat.rows[pat.base(s2[len2 - l])];
        sv = step(sv, m.reverse_bits() >> shift);
        if m == 0 {
            continue;
        }
        let lcs = (!sv).count_ones() as usize;
        let r = norm_sim(len1 + l - 2 * lcs, len1 + l, cutoff);
        if r > res {
            res = r;
            cutoff = r;
            if res == 100.0 {
                return res;
            }
        }
    }
    res
}

/// RapidFuzz's whitespace: Python's `str.split()` set, but U+0085 and U+00A0 only count in
/// strings that are not pure Latin-1 (RapidFuzz's 8-bit table lacks them; checked on 3.14).
#[inline]
pub fn is_space(c: char, wide: bool) -> bool {
    (wide && matches!(c as u32, 0x85 | 0xA0))
        || matches!(
            c as u32,
            0x09..=0x0D
                | 0x1C..=0x1F
                | 0x20
                | 0x1680
                | 0x2000..=0x200A
                | 0x2028
                | 0x2029
                | 0x202F
                | 0x205F
                | 0x3000
        )
}

/// Whitespace-separated tokens, sorted by code points.
pub fn sorted_tokens(s: &[char]) -> Vec<&[char]> {
    let wide = s.iter().any(|&c| c as u32 > 0xFF);
    let mut t: Vec<&[char]> = s
        .split(|&c| is_space(c, wide))
        .filter(|t| !t.is_empty())
        .collect();
    t.sort_unstable();
    t
}

/// Tokens joined by single spaces.
pub fn join(tokens: &[&[char]]) -> Vec<char> {
    let n: usize = tokens.iter().map(|t| t.len() + 1).sum();
    let mut out = Vec::with_capacity(n);
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend_from_slice(t);
    }
    out
}

fn joined_len(tokens: &[&[char]]) -> usize {
    if tokens.is_empty() {
        0
    } else {
        tokens.iter().map(|t| t.len()).sum::<usize>() + tokens.len() - 1
    }
}

/// Intersection and the two differences of two sorted, deduplicated token lists.
pub struct Decomposition<'a> {
    pub intersection: Vec<&'a [char]>,
    pub diff_ab: Vec<&'a [char]>,
    pub diff_ba: Vec<&'a [char]>,
}

/// Set decomposition of two sorted (not necessarily deduplicated) token lists.
pub fn decompose<'a>(a: &[&'a [char]], b: &[&'a [char]]) -> Decomposition<'a> {
    let mut a: Vec<&[char]> = a.to_vec();
    a.dedup();
    let mut b: Vec<&[char]> = b.to_vec();
    b.dedup();
    let (mut i, mut j) = (0, 0);
    let mut d = Decomposition {
        intersection: Vec::new(),
        diff_ab: Vec::new(),
        diff_ba: Vec::new(),
    };
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => {
                d.diff_ab.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                d.diff_ba.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                d.intersection.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    d.diff_ab.extend_from_slice(&a[i..]);
    d.diff_ba.extend_from_slice(&b[j..]);
    d
}

/// `ratio` of the sorted-token forms.
pub fn token_sort_ratio(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    let a = join(&sorted_tokens(s1));
    let b = join(&sorted_tokens(s2));
    ratio(&a, &b, cutoff)
}

/// token_set_ratio from sorted token lists.
pub fn token_set_from_tokens(ta: &[&[char]], tb: &[&[char]], cutoff: f64) -> f64 {
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    if cutoff > 100.0 {
        return 0.0;
    }
    let d = decompose(ta, tb);
    if !d.intersection.is_empty() && (d.diff_ab.is_empty() || d.diff_ba.is_empty()) {
        return 100.0;
    }
    let ab = join(&d.diff_ab);
    let ba = join(&d.diff_ba);
    let sect_len = joined_len(&d.intersection);
    let has_sect = usize::from(sect_len > 0);
    let sect_ab_len = sect_len + has_sect + ab.len();
    let sect_ba_len = sect_len + has_sect + ba.len();
    let dist = indel(&ab, &ba);
    let result = norm_dist100(dist, sect_ab_len + sect_ba_len, cutoff);
    if sect_len == 0 {
        return result;
    }
    let sect_ab = norm_dist100(has_sect + ab.len(), sect_len + sect_ab_len, cutoff);
    let sect_ba = norm_dist100(has_sect + ba.len(), sect_len + sect_ba_len, cutoff);
    result.max(sect_ab).max(sect_ba)
}

/// RapidFuzz `token_set_ratio`.
pub fn token_set_ratio(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    token_set_from_tokens(&sorted_tokens(s1), &sorted_tokens(s2), cutoff)
}

/// RapidFuzz `token_ratio`: the better of token_sort_ratio and token_set_ratio.
pub fn token_ratio(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    // Before tokenizing: WRatio passes cutoffs above 100 when nothing here can win.
    if cutoff > 100.0 {
        return 0.0;
    }
    let ta = sorted_tokens(s1);
    let tb = sorted_tokens(s2);
    token_ratio_from_tokens(&ta, &tb, cutoff)
}

/// token_ratio from sorted token lists.
pub fn token_ratio_from_tokens(ta: &[&[char]], tb: &[&[char]], cutoff: f64) -> f64 {
    if cutoff > 100.0 {
        return 0.0;
    }
    let set = token_set_from_tokens(ta, tb, cutoff);
    if set == 100.0 {
        return 100.0;
    }
    let sort = ratio(&join(ta), &join(tb), cutoff.max(set));
    cut(set.max(sort), cutoff)
}

/// RapidFuzz `partial_token_ratio` (used by WRatio).
pub fn partial_token_ratio(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    if cutoff > 100.0 {
        return 0.0;
    }
    let ta = sorted_tokens(s1);
    partial_token_ratio_with(&ta, &join(&ta), None, s2, cutoff)
}

/// [`partial_token_ratio`] of a string given as its sorted tokens `ta`, their join
/// `a_sorted` and optionally that join's pattern, against `s2`.
fn partial_token_ratio_with(
    ta: &[&[char]],
    a_sorted: &[char],
    a_pat: Option<&Pattern>,
    s2: &[char],
    cutoff: f64,
) -> f64 {
    if cutoff > 100.0 {
        return 0.0;
    }
    let tb = sorted_tokens(s2);
    let d = decompose(ta, &tb);
    if !d.intersection.is_empty() {
        return 100.0;
    }
    let result = partial_ratio_pat(a_sorted, &join(&tb), a_pat, None, cutoff);
    if ta.len() == d.diff_ab.len() && tb.len() == d.diff_ba.len() {
        return result;
    }
    let c = cutoff.max(result);
    result.max(partial_ratio(&join(&d.diff_ab), &join(&d.diff_ba), c))
}

/// RapidFuzz `WRatio`: ratio, token ratios and partial ratios weighted by length difference.
pub fn wratio(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    wratio_with(s1, None, s2, cutoff)
}

/// WRatio's query side, built once for many choices (RapidFuzz's `CachedWRatio`): the
/// pattern of the query for `ratio` and `partial_ratio`, its sorted tokens, their join and
/// its pattern for the token ratios. Re-tokenizing, re-sorting and rebuilding the patterns
/// of the query per choice was most of a sentences `extractOne`.
#[derive(Debug, Clone)]
pub struct WRatioQuery {
    chars: Vec<char>,
    pat: Pattern,
    /// The sorted tokens as ranges of `chars`.
    tokens: Vec<std::ops::Range<usize>>,
    sorted: Vec<char>,
    sorted_pat: Pattern,
}

impl WRatioQuery {
    /// The cached form of `s`.
    pub fn new(s: &[char]) -> Self {
        let base = s.as_ptr() as usize;
        let toks = sorted_tokens(s);
        let tokens = toks
            .iter()
            .map(|t| {
                let start = (t.as_ptr() as usize - base) / std::mem::size_of::<char>();
                start..start + t.len()
            })
            .collect();
        let sorted = join(&toks);
        WRatioQuery {
            chars: s.to_vec(),
            pat: Pattern::new(s),
            tokens,
            sorted_pat: Pattern::new(&sorted),
            sorted,
        }
    }

    /// WRatio of the query and `s2`: the same score as [`wratio`] to the last bit.
    pub fn score(&self, s2: &[char], cutoff: f64) -> f64 {
        wratio_with(&self.chars, Some(self), s2, cutoff)
    }

    fn tokens(&self) -> Vec<&[char]> {
        self.tokens.iter().map(|r| &self.chars[r.clone()]).collect()
    }

    /// [`token_ratio`] of the query and `s2`.
    fn token_ratio(&self, s2: &[char], cutoff: f64) -> f64 {
        if cutoff > 100.0 {
            return 0.0;
        }
        let ta = self.tokens();
        let tb = sorted_tokens(s2);
        let set = token_set_from_tokens(&ta, &tb, cutoff);
        if set == 100.0 {
            return 100.0;
        }
        let sort = self.sorted_pat.ratio(&join(&tb), cutoff.max(set));
        cut(set.max(sort), cutoff)
    }
}

/// Whether WRatio of strings of `l1` and `l2` code points could reach `cutoff`, from their
/// lengths alone: above 95 (the most the token ratios give, × 0.95) only `ratio` can reach
/// it; above 90 (the most any part gives when the lengths differ by 1.5× or more) only
/// lengths within 1.5× can. Margins far above float rounding.
#[inline]
pub fn wratio_may_reach(l1: usize, l2: usize, cutoff: f64) -> bool {
    if l1 == 0 || l2 == 0 || cutoff <= 90.0 + 1e-9 {
        return true;
    }
    if cutoff > 95.0 + 1e-9 {
        return ratio_may_reach(l1, l2, cutoff);
    }
    let len_ratio = if l1 > l2 {
        l1 as f64 / l2 as f64
    } else {
        l2 as f64 / l1 as f64
    };
    len_ratio < 1.5
}

/// [`wratio`], with the query side `q` (of `s1`) built before when given.
fn wratio_with(s1: &[char], q: Option<&WRatioQuery>, s2: &[char], cutoff: f64) -> f64 {
    const UNBASE_SCALE: f64 = 0.95;
    if cutoff > 100.0 {
        return 0.0;
    }
    let (len1, len2) = (s1.len(), s2.len());
    if len1 == 0 || len2 == 0 {
        return 0.0;
    }
    let len_ratio = if len1 > len2 {
        len1 as f64 / len2 as f64
    } else {
        len2 as f64 / len1 as f64
    };
    // The inner scorers get the cutoff divided by their weight, only to stop early; a hair
    // lower, so rounding in `cutoff / weight * weight` never drops a score equal to the
    // cutoff, which the last line then checks exactly.
    let loose = |c: f64| c * (1.0 - 1e-12);
    let mut end_ratio = match q {
        Some(q) => q.pat.ratio(s2, cutoff),
        None => ratio(s1, s2, cutoff),
    };
    if len_ratio < 1.5 {
        let c = loose(cutoff.max(end_ratio) / UNBASE_SCALE);
        // token_ratio returns 0 for a cutoff above 100 (checked there before tokenizing).
        let t = match q {
            Some(q) => q.token_ratio(s2, c),
            None => token_ratio(s1, s2, c),
        };
        return cut(end_ratio.max(t * UNBASE_SCALE), cutoff);
    }
    // RapidFuzz keeps 0.9 at exactly 8.
    let partial_scale = if len_ratio > 8.0 { 0.6 } else { 0.9 };
    // The cutoff is rescaled cumulatively, as RapidFuzz does.
    let mut c = cutoff.max(end_ratio) / partial_scale;
    let p1 = q.map(|q| &q.pat);
    end_ratio = end_ratio.max(partial_ratio_pat(s1, s2, p1, None, loose(c)) * partial_scale);
    c = c.max(end_ratio) / UNBASE_SCALE;
    let pt = match q {
        Some(q) => {
            partial_token_ratio_with(&q.tokens(), &q.sorted, Some(&q.sorted_pat), s2, loose(c))
        }
        None => partial_token_ratio(s1, s2, loose(c)),
    };
    let r = end_ratio.max(pt * UNBASE_SCALE * partial_scale);
    cut(r, cutoff)
}

/// The cutoff (0–100) for the rapidfuzz crate's 0–1 similarities, so it can stop early: a
/// hair lower, so that rounding in `/ 100` never drops a score equal to the cutoff (the
/// exact cutoff is applied to the 0–100 score afterwards); `None` when there is none.
#[inline]
pub(crate) fn crate_cutoff(cutoff: f64) -> Option<f64> {
    (cutoff > 0.0).then(|| cutoff / 100.0 * (1.0 - 1e-9) - 1e-12)
}

/// The normalized Levenshtein similarity of a distance, 0–100, computed as the rapidfuzz
/// crate does (`1 - dist / max(len1, len2)`), 0 below `cutoff`.
#[inline]
pub fn levenshtein_score(dist: usize, len1: usize, len2: usize, cutoff: f64) -> f64 {
    let maximum = len1.max(len2);
    let norm_dist = if maximum == 0 {
        0.0
    } else {
        dist as f64 / maximum as f64
    };
    cut((1.0 - norm_dist) * 100.0, cutoff)
}

/// A distance at least as large as any whose [`levenshtein_score`] reaches `cutoff`
/// (one more than the exact bound, so rounding never drops a score equal to the cutoff).
#[inline]
pub fn max_distance(len1: usize, len2: usize, cutoff: f64) -> usize {
    let maximum = len1.max(len2);
    let k = (maximum as f64 * (1.0 - cutoff / 100.0)).floor().max(0.0) as usize;
    (k + 1).min(maximum)
}

/// Whether a cutoff leaves Levenshtein a band wider than one machine word (`2k + 1 > 64`
/// for the distance `k` it allows), where our banded kernel beats the crate's block one; a
/// band of one word is the crate's (and RapidFuzz's) small-band kernel, faster than ours.
#[inline]
pub fn wide_band(len1: usize, len2: usize, cutoff: f64) -> bool {
    cutoff > 0.0 && 2 * max_distance(len1, len2, cutoff) + 1 > 64
}

/// Normalized Levenshtein similarity (uniform weights), 0–100.
///
/// With a cutoff whose band is wider than a machine word ([`wide_band`]), our banded kernel
/// ([`Pattern::levenshtein_within`]) on the strings without their common affixes; else the
/// rapidfuzz crate.
pub fn levenshtein(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    use rapidfuzz::distance::levenshtein as lev;
    if s1.len().max(s2.len()) > 64 && wide_band(s1.len(), s2.len(), cutoff) {
        let (l1, l2) = (s1.len(), s2.len());
        if levenshtein_score(l1.abs_diff(l2), l1, l2, cutoff) == 0.0 {
            return 0.0;
        }
        let (a, b) = strip_affix(s1, s2);
        let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let pat = Pattern::new(a);
        let d = match pat.levenshtein(b) {
            Some(d) => Some(d),
            None => pat.levenshtein_within(b, max_distance(l1, l2, cutoff)),
        };
        return d.map_or(0.0, |d| levenshtein_score(d, l1, l2, cutoff));
    }
    let (l1, l2) = (s1.len(), s2.len());
    if l1.min(l2) <= 64 {
        // The length difference is a lower bound of the distance.
        if cutoff > 0.0 && levenshtein_score(l1.abs_diff(l2), l1, l2, cutoff) == 0.0 {
            return 0.0;
        }
        // Common affixes change no distance; the shorter string is the pattern.
        let (a, b) = strip_affix(s1, s2);
        let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        return levenshtein_score(levenshtein_short(a, b), l1, l2, cutoff);
    }
    let (a, b) = (s1.iter().copied(), s2.iter().copied());
    let sim = match crate_cutoff(cutoff) {
        None => lev::normalized_similarity(a, b),
        Some(c) => {
            match lev::normalized_similarity_with_args(a, b, &lev::Args::default().score_cutoff(c))
            {
                Some(sim) => sim,
                None => return 0.0,
            }
        }
    };
    cut(sim * 100.0, cutoff)
}

/// Jaro-Winkler similarity (prefix weight 0.1), 0–100.
pub fn jaro_winkler(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    use rapidfuzz::distance::jaro_winkler as jw;
    let (a, b) = (s1.iter().copied(), s2.iter().copied());
    let sim = match crate_cutoff(cutoff) {
        None => jw::normalized_similarity(a, b),
        Some(c) => {
            match jw::normalized_similarity_with_args(a, b, &jw::Args::default().score_cutoff(c)) {
                Some(sim) => sim,
                None => return 0.0,
            }
        }
    };
    cut(sim * 100.0, cutoff)
}

/// Whether a Jaro-Winkler score of `s1` (length `l1`) and a string of length `l2` with
/// `common` matches could reach `cutoff` (0–100): the score with no transpositions and the
/// longest prefix bonus, with a margin far above float rounding; true for the lengths the
/// Jaro formula does not cover.
#[inline]
pub fn jaro_winkler_may_reach(l1: usize, l2: usize, common: usize, cutoff: f64) -> bool {
    if cutoff <= 0.0 || l1 < 2 && l2 < 2 || l1 == 0 || l2 == 0 {
        return true;
    }
    let j = (common as f64 / l1 as f64 + common as f64 / l2 as f64 + 1.0) / 3.0;
    let jw = if j > 0.7 { j + 0.4 * (1.0 - j) } else { j };
    jw * 100.0 >= cutoff - 1e-6
}

/// Jaro-Winkler similarity (prefix weight 0.1), 0–100, from the Jaro matches and
/// transpositions of `s1` (the pattern) and `s2`, with the expressions of the rapidfuzz crate
/// (so the same to the last bit), 0 below `cutoff`.
pub fn jaro_winkler_from_counts(
    s1: &[char],
    s2: &[char],
    common: usize,
    transpositions: usize,
    cutoff: f64,
) -> f64 {
    let (l1, l2) = (s1.len(), s2.len());
    let mut sim = if l1 == 0 && l2 == 0 {
        1.0
    } else if l1 == 0 || l2 == 0 {
        0.0
    } else if l1 == 1 && l2 == 1 {
        f64::from(u8::from(s1[0] == s2[0]))
    } else if common == 0 {
        0.0
    } else {
        let t = transpositions / 2;
        let mut sim = 0.0;
        sim += common as f64 / l1 as f64;
        sim += common as f64 / l2 as f64;
        sim += (common as f64 - t as f64) / common as f64;
        sim / 3.0
    };
    if sim > 0.7 {
        let prefix = s1
            .iter()
            .zip(s2)
            .take(4)
            .take_while(|(a, b)| a == b)
            .count();
        sim += prefix as f64 * 0.1 * (1.0 - sim);
    }
    // The crate's normalized similarity is 1 - normalized distance (RapidFuzz's single calls
    // agree; its cdist can differ in the last bit).
    let sim = 1.0 - (1.0 - sim);
    cut(sim * 100.0, cutoff)
}

/// Jaccard similarity of the word sets, 0–100 (100 for two empty strings).
pub fn jaccard(s1: &[char], s2: &[char], cutoff: f64) -> f64 {
    jaccard_tokens(&sorted_tokens(s1), &sorted_tokens(s2), cutoff)
}

/// Jaccard similarity of two sorted token lists.
pub fn jaccard_tokens(ta: &[&[char]], tb: &[&[char]], cutoff: f64) -> f64 {
    let d = decompose(ta, tb);
    let union = d.intersection.len() + d.diff_ab.len() + d.diff_ba.len();
    if union == 0 {
        return cut(100.0, cutoff);
    }
    cut(100.0 * d.intersection.len() as f64 / union as f64, cutoff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_at_least_is_the_lcs_or_proves_it_short() {
        let alphabet: Vec<char> = "abcd é’".chars().collect();
        let mut x = 29u64;
        let mut draw = |n: usize| crate::sim::testing::random_chars(&mut x, &alphabet, n);
        // Patterns of one to four machine words (the two-word kernel is unrolled apart).
        for k in 0..400 {
            let a = draw(1 + (k * 37) % 250);
            let b = draw((k * 53) % 260);
            let p = Pattern::new(&a);
            let lcs = p.lcs(&b);
            for min in [0, lcs.saturating_sub(3), lcs, lcs + 1, lcs + 40] {
                match p.lcs_at_least(&b, min) {
                    Some(l) => assert_eq!(l, lcs, "{k} min {min}"),
                    None => assert!(lcs < min, "{k}: gave up at {min} with lcs {lcs}"),
                }
            }
        }
    }

    #[test]
    fn norm_sim_below_is_the_division() {
        let mut cutoffs = vec![
            0.0,
            -1.0,
            1e-300,
            0.5,
            50.0,
            80.0,
            99.999,
            100.0,
            100.5,
            f64::NAN,
        ];
        cutoffs.extend([f64::INFINITY, f64::NEG_INFINITY]);
        for lensum in 0..160usize {
            for dist in 0..=lensum {
                let exact = 100.0 * (lensum - dist) as f64 / lensum.max(1) as f64;
                let mut cs = cutoffs.clone();
                // The score itself and its neighbours, where the rounding decides.
                for c in [norm_sim(dist, lensum, -1.0), exact] {
                    cs.extend([
                        c,
                        f64::from_bits(c.to_bits() + 1),
                        f64::from_bits(c.to_bits().max(1) - 1),
                    ]);
                }
                for c in cs {
                    let want = c > 0.0 && norm_sim(dist, lensum, c) == 0.0;
                    assert_eq!(norm_sim_below(dist, lensum, c), want, "{dist} {lensum} {c}");
                }
            }
        }
    }

    fn packed_jaro_case<T: Lane, const N: usize>(seed: u64, alphabet: &[char], qmax: usize) {
        let mut x = seed;
        let mut next = |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) as usize) % n.max(1)
        };
        let mut scratch = Vec::new();
        for _ in 0..60 {
            let qs: Vec<Vec<char>> = (0..N)
                .map(|_| {
                    (0..next(qmax + 1))
                        .map(|_| alphabet[next(alphabet.len())])
                        .collect()
                })
                .collect();
            let keys: Vec<&[char]> = qs.iter().map(|q| &q[..]).collect();
            let p = PackedPattern::<T, N>::new(&keys).expect("fits");
            for len in [0, 1, 2, 3, 7, 13, 40, 90, 600] {
                let t: Vec<char> = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
                let Some((common, trans)) = p.jaro(&t, &mut scratch, |_| true) else {
                    assert!(len > T::BITS * 8, "refused a short string");
                    continue;
                };
                for (k, q) in qs.iter().enumerate() {
                    // What cdist used before (RapidFuzz's cdist agrees with it to the last
                    // bit; its single call can differ there).
                    let batch =
                        rapidfuzz::distance::jaro_winkler::BatchComparator::new(q.iter().copied());
                    let sim = batch.normalized_similarity(t.iter().copied());
                    for cutoff in [0.0, 80.0] {
                        let want = cut(sim * 100.0, cutoff);
                        let got = jaro_winkler_from_counts(q, &t, common[k], trans[k], cutoff);
                        assert_eq!(got, want, "{q:?} {t:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn ratio_with_a_cutoff_stops_early_but_keeps_every_score_at_or_above_it() {
        let mut x = 7u64;
        let mut next = |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) as usize) % n
        };
        let alphabet: Vec<char> = "abcde fghé".chars().collect();
        for _ in 0..300 {
            let a: Vec<char> = (0..65 + next(300))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let mut b = a.clone();
            for _ in 0..next(60) {
                let i = next(b.len());
                b[i] = alphabet[next(alphabet.len())];
            }
            b.truncate(b.len() - next(20));
            let p = Pattern::new(&a);
            let full = p.ratio(&b, 0.0);
            for cutoff in [full, full - 1e-9, full + 1e-9, 50.0, 90.0] {
                let want = if full >= cutoff { full } else { 0.0 };
                assert_eq!(p.ratio(&b, cutoff), want, "cutoff {cutoff}");
            }
        }
    }

    /// Random strings of words over a small alphabet (shared tokens, ties, equal lengths).
    fn word_strings(seed: u64, n: usize, max_words: usize) -> Vec<Vec<char>> {
        let mut x = seed;
        let mut next = |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) as usize) % n.max(1)
        };
        let alphabet: Vec<char> = "abcé’".chars().collect();
        let mut out: Vec<Vec<char>> = Vec::new();
        for i in 0..n {
            let words = next(max_words + 1);
            let mut s: Vec<char> = Vec::new();
            for w in 0..words {
                if w > 0 {
                    s.push(if next(8) == 0 { '\t' } else { ' ' });
                }
                for _ in 0..1 + next(6) {
                    s.push(alphabet[next(alphabet.len())]);
                }
            }
            // Near-copies of an earlier string: the high scores where the bounds matter.
            if i > 0 && next(3) == 0 {
                let mut t = out[next(i)].clone();
                if !t.is_empty() && next(2) == 0 {
                    let at = next(t.len());
                    t[at] = alphabet[next(alphabet.len())];
                }
                s = t;
            }
            out.push(s);
        }
        out
    }

    #[test]
    fn cached_wratio_equals_wratio_and_the_length_bounds_hold() {
        for (seed, max_words) in [(1, 3), (2, 8), (3, 30)] {
            let strings = word_strings(seed, 80, max_words);
            for a in &strings {
                let q = WRatioQuery::new(a);
                for b in &strings {
                    let full = wratio(a, b, 0.0);
                    assert_eq!(q.score(b, 0.0), full, "{a:?} {b:?}");
                    let jw = jaro_winkler(a, b, 0.0);
                    let below = |x: f64| if x > 0.0 { x - x * 1e-15 } else { x };
                    for c in [full, below(full), full + 1e-9, 50.0, 91.0, 96.0, 99.9] {
                        assert_eq!(q.score(b, c), wratio(a, b, c), "{a:?} {b:?} {c}");
                        if full >= c {
                            assert!(wratio_may_reach(a.len(), b.len(), c), "{a:?} {b:?} {c}");
                        }
                    }
                    for c in [jw, below(jw), 90.0, 95.0] {
                        if jw >= c {
                            let m = a.len().min(b.len());
                            assert!(
                                jaro_winkler_may_reach(a.len(), b.len(), m, c),
                                "{a:?} {b:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn packed_jaro_winkler_equals_the_crate() {
        let small = ['a', 'b', 'c', ' ', 'é'];
        let names: Vec<char> = "abcdefghijklmnop JKLMé.".chars().collect();
        for seed in 1..4 {
            packed_jaro_case::<u8, 64>(seed, &small, 8);
            packed_jaro_case::<u16, 32>(seed, &small, 16);
            packed_jaro_case::<u32, 16>(seed, &names, 32);
            packed_jaro_case::<u16, 32>(seed, &names, 16);
        }
    }

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The LCS of every lane against `t` from each implementation: the dispatched one, the
    /// portable one and each SIMD version the CPU can run.
    fn every_variant(p: &PatternN, t: &[char]) -> Vec<[usize; LANES]> {
        let mut got = vec![p.lcs(t), p.lcs_lanes(t)];
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx2") {
                got.push(unsafe { p.lcs_avx2(t) });
            }
            if std::is_x86_feature_detected!("avx512f") {
                got.push(unsafe { p.lcs_avx512(t) });
            }
        }
        got
    }

    fn naive_lcs(a: &[char], b: &[char]) -> usize {
        let mut dp = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                dp[i][j] = if a[i - 1] == b[j - 1] {
                    dp[i - 1][j - 1] + 1
                } else {
                    dp[i - 1][j].max(dp[i][j - 1])
                };
            }
        }
        dp[a.len()][b.len()]
    }

    #[test]
    fn lcs_matches_dynamic_programming() {
        let texts = [
            "",
            "a",
            "this is a test",
            "this is a test!",
            "The minister said the talks would resume next week in Geneva, officials confirmed.",
            "Officials confirmed that talks will resume in Geneva next week, according to the minister — “no plans” otherwise. Ünïcödé ✓ and a very long tail of text to pass one hundred and twenty-eight characters easily.",
        ];
        for a in &texts {
            for b in &texts {
                let (a, b) = (c(a), c(b));
                assert_eq!(Pattern::new(&a).lcs(&b), naive_lcs(&a, &b));
            }
        }
    }

    #[test]
    fn stack_lcs_matches_dynamic_programming() {
        let texts = [
            "",
            "a",
            "Lloyd J. Austin",
            "Lloyd Austin III",
            "ÜÜÜ ✓ ünïcode “quoted”",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
            "a longer string of more than sixty-four characters on the other side",
        ];
        for x in texts {
            for y in texts {
                let (a, b) = (c(x), c(y));
                if a.len() <= 64 {
                    assert_eq!(lcs_short(&a, &b), naive_lcs(&a, &b), "{x:?} {y:?}");
                    // The reused rows are left clean for the next pair.
                    SHORT_ROWS.with(|r| {
                        let r = r.borrow();
                        assert!(r.0.iter().all(|&m| m == 0) && r.1.is_empty());
                    });
                }
            }
        }
    }

    #[test]
    fn lcs4_matches_lcs() {
        let texts: Vec<Vec<char>> = [
            "",
            "a",
            "this is a test",
            "The minister said the talks would resume next week in Geneva, officials confirmed.",
            "Officials confirmed that talks will resume in Geneva next week, “no plans” otherwise.",
            "short",
        ]
        .iter()
        .map(|s| c(s))
        .collect();
        for p in &texts {
            let pat = Pattern::new(p);
            for w in texts.windows(4) {
                let got = pat.lcs4([&w[0], &w[1], &w[2], &w[3]]);
                for l in 0..4 {
                    assert_eq!(got[l], naive_lcs(p, &w[l]));
                }
            }
        }
    }

    #[test]
    fn pattern4_matches_lcs() {
        let texts: Vec<Vec<char>> = [
            "",
            "a",
            "this is a test — “quoted”",
            "The minister said the talks would resume next week in Geneva, officials confirmed.",
            "Officials confirmed that talks will resume in Geneva next week, “no plans” otherwise.",
            "short",
            "ÜÜÜ ✓ ünïcode",
            "A much longer sentence, well past one hundred and twenty-eight characters, so that the interleaved pattern needs three words per lane.",
        ]
        .iter()
        .map(|s| c(s))
        .collect();
        // Lane groups of one, two and three words per lane (up to 64, 128, 192 characters).
        let short: Vec<&Vec<char>> = texts.iter().filter(|t| t.len() <= 64).collect();
        let medium: Vec<&Vec<char>> = texts.iter().filter(|t| t.len() <= 128).collect();
        let all: Vec<&Vec<char>> = texts.iter().collect();
        for pool in [&short, &medium, &all] {
            for start in 0..pool.len() {
                let lanes: [&[char]; LANES] =
                    std::array::from_fn(|l| pool[(start + l) % pool.len()].as_slice());
                let p = PatternN::new(lanes).unwrap();
                for t in &texts {
                    for g in every_variant(&p, t) {
                        for l in 0..LANES {
                            assert_eq!(g[l], naive_lcs(lanes[l], t));
                        }
                    }
                }
            }
        }
    }

    fn naive_levenshtein(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, x) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, y) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(x != y))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn banded_levenshtein_matches_dynamic_programming_at_every_bound() {
        let mut x = 7u64;
        let mut next = |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) as usize) % n.max(1)
        };
        let alphabet: Vec<char> = "abcd é".chars().collect();
        for case in 0..160 {
            // Related pairs (edits of one string) and unrelated ones, across 1-5 words.
            let n = next(300) + 1;
            let a: Vec<char> = (0..n).map(|_| alphabet[next(alphabet.len())]).collect();
            let b: Vec<char> = if case % 3 == 0 {
                (0..next(300))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect()
            } else {
                let mut b = a.clone();
                for _ in 0..next(n / 4 + 2) {
                    let at = next(b.len() + 1);
                    match next(3) {
                        0 if at < b.len() => {
                            b.remove(at);
                        }
                        1 if at < b.len() => b[at] = alphabet[next(alphabet.len())],
                        _ => b.insert(at, alphabet[next(alphabet.len())]),
                    }
                }
                b
            };
            let want = naive_levenshtein(&a, &b);
            let pat = Pattern::new(&a);
            for max in [
                0,
                1,
                want.saturating_sub(1),
                want,
                want + 1,
                want + 70,
                usize::MAX,
            ] {
                let got = pat.levenshtein_within(&b, max);
                let expect = (want <= max).then_some(want);
                assert_eq!(got, expect, "max {max} lens {} {}", a.len(), b.len());
            }
        }
    }

    #[test]
    fn bit_parallel_levenshtein_matches_dynamic_programming() {
        let texts: Vec<Vec<char>> = [
            "",
            "a",
            "kitten",
            "sitting",
            "Lloyd Austin",
            "Lloyd J. Austin",
            "ÜÜÜ ✓ ünïcode",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
            "a much longer string of well over sixty-four characters, to be refused here",
        ]
        .iter()
        .map(|s| c(s))
        .collect();
        for p in &texts {
            let pat = Pattern::new(p);
            for t in &texts {
                match pat.levenshtein(t) {
                    Some(d) => assert_eq!(d, naive_levenshtein(p, t), "{p:?} {t:?}"),
                    None => assert!(p.len() > 64),
                }
                let want = rapidfuzz::distance::levenshtein::normalized_similarity(
                    p.iter().copied(),
                    t.iter().copied(),
                ) * 100.0;
                let d = naive_levenshtein(p, t);
                assert_eq!(levenshtein_score(d, p.len(), t.len(), 0.0), want);
                if p.len() <= 64 {
                    assert_eq!(levenshtein_short(p, t), d, "{p:?} {t:?}");
                }
                // The single call (ours up to one word, the crate's beyond) equals the crate.
                assert_eq!(levenshtein(p, t, 0.0), want, "{p:?} {t:?}");
                for cutoff in [want, want - want * 1e-15, want + 1e-9, 50.0] {
                    let expect = if want >= cutoff { want } else { 0.0 };
                    assert_eq!(levenshtein(p, t, cutoff), expect, "{p:?} {t:?} {cutoff}");
                }
            }
        }
        let short: Vec<&Vec<char>> = texts.iter().filter(|t| t.len() <= 64).collect();
        for start in 0..short.len() {
            let lanes: [&[char]; LANES] =
                std::array::from_fn(|l| short[(start + l) % short.len()].as_slice());
            let p = PatternN::new(lanes).unwrap();
            for t in &texts {
                let mut got = vec![p.levenshtein(t).unwrap(), p.levenshtein_lanes(t)];
                #[cfg(target_arch = "x86_64")]
                {
                    if std::is_x86_feature_detected!("avx2") {
                        got.push(unsafe { p.levenshtein_avx2(t) });
                    }
                    if std::is_x86_feature_detected!("avx512f") {
                        got.push(unsafe { p.levenshtein_avx512(t) });
                    }
                }
                for g in got {
                    for l in 0..LANES {
                        assert_eq!(g[l], naive_levenshtein(lanes[l], t));
                    }
                }
            }
        }
    }

    fn packed_matches<T: Lane, const N: usize>(texts: &[Vec<char>]) {
        let fit: Vec<&[char]> = texts
            .iter()
            .filter(|t| t.len() <= T::BITS)
            .map(|t| t.as_slice())
            .collect();
        for start in 0..fit.len() {
            // Every rotation, with fewer strings than lanes as well as all lanes full.
            let take = if start % 2 == 0 { N } else { N.min(3) };
            let lanes: Vec<&[char]> = (0..take).map(|l| fit[(start + l) % fit.len()]).collect();
            let p = PackedPattern::<T, N>::new(&lanes).unwrap();
            for t in texts {
                let mut got = vec![(p.lcs(t), p.levenshtein(t))];
                got.push((p.lcs_lanes(t), p.levenshtein_lanes(t)));
                #[cfg(target_arch = "x86_64")]
                {
                    if std::is_x86_feature_detected!("avx2") {
                        got.push(unsafe { (p.lcs_avx2(t), p.levenshtein_avx2(t)) });
                    }
                    if std::is_x86_feature_detected!("avx512bw") {
                        got.push(unsafe { (p.lcs_avx512(t), p.levenshtein_avx512(t)) });
                    }
                }
                for (l, d) in got {
                    for (k, s) in lanes.iter().enumerate() {
                        assert_eq!(l[k], naive_lcs(s, t), "{s:?} {t:?}");
                        assert_eq!(d[k], naive_levenshtein(s, t), "{s:?} {t:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn packed_patterns_match_dynamic_programming() {
        let texts: Vec<Vec<char>> = [
            "",
            "a",
            "ab",
            "kitten",
            "sitting",
            "abcdefgh",
            "Lloyd Austin",
            "Lloyd J. Austin",
            "ÜÜÜ ✓ ünïcode",
            "aaaaaaaaaaaaaaab",
            "Xi Jinping and Joe Biden, again",
            "a string well over thirty-two characters, for the other lanes",
        ]
        .iter()
        .map(|s| c(s))
        .collect();
        packed_matches::<u8, 64>(&texts);
        packed_matches::<u16, 32>(&texts);
        packed_matches::<u32, 16>(&texts);
        assert!(PackedPattern::<u8, 64>::new(&[&c("nine char")]).is_none());
    }

    #[test]
    fn affixes_are_stripped_without_changing_scores() {
        let texts = [
            "",
            "a",
            "ab",
            "abc",
            "xabcx",
            "abcab",
            "this is a test",
            "is a",
        ];
        for x in texts {
            for y in texts {
                let (a, b) = (c(x), c(y));
                let want = a.len() + b.len() - 2 * naive_lcs(&a, &b);
                assert_eq!(indel(&a, &b), want, "{x:?} {y:?}");
                let lensum = a.len() + b.len();
                let r = if lensum == 0 {
                    100.0
                } else {
                    (1.0 - want as f64 / lensum as f64) * 100.0
                };
                assert_eq!(ratio(&a, &b, 0.0), r, "{x:?} {y:?}");
            }
        }
        // One 1M-character token against itself plus one letter: instant, not 30 s.
        let long = c(&"a".repeat(1_000_000));
        let mut longer = long.clone();
        longer.push('b');
        let t = std::time::Instant::now();
        assert!(token_set_ratio(&long, &longer, 0.0) > 99.99);
        assert!(ratio(&long, &longer, 0.0) > 99.99);
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn pattern_n_matches_lcs_beyond_three_words_per_lane() {
        // 193..=1000 characters: four to sixteen 64-bit words per lane, carries across words.
        let mut x = 12345u64;
        let mut text =
            |n: usize, alphabet: &[char]| crate::sim::testing::random_chars(&mut x, alphabet, n);
        let ab: Vec<char> = "ab c".chars().collect();
        let wide: Vec<char> = "abcdefgh “”é—✓ ".chars().collect();
        let lanes_texts: Vec<Vec<char>> = [193, 200, 256, 257, 300, 511, 640, 1000]
            .iter()
            .enumerate()
            .map(|(i, &n)| text(n, if i % 2 == 0 { &ab } else { &wide }))
            .collect();
        let others: Vec<Vec<char>> = [0, 1, 64, 150, 193, 400, 1000]
            .iter()
            .enumerate()
            .map(|(i, &n)| text(n, if i % 2 == 0 { &wide } else { &ab }))
            .collect();
        let lanes: [&[char]; LANES] = std::array::from_fn(|l| lanes_texts[l].as_slice());
        let p = PatternN::new(lanes).unwrap();
        for t in &others {
            for g in every_variant(&p, t) {
                for l in 0..LANES {
                    assert_eq!(g[l], naive_lcs(lanes[l], t), "lane {l} len {}", t.len());
                }
            }
            for lane in lanes {
                assert_eq!(Pattern::new(lane).lcs(t), naive_lcs(lane, t));
            }
        }
    }

    #[test]
    fn known_rapidfuzz_values() {
        assert!((ratio(&c("this is a test"), &c("this is a test!"), 0.0) - 96.551724).abs() < 1e-4);
        assert_eq!(
            partial_ratio(&c("this is a test"), &c("this is a test!"), 0.0),
            100.0
        );
        assert_eq!(
            token_sort_ratio(
                &c("fuzzy wuzzy was a bear"),
                &c("wuzzy fuzzy was a bear"),
                0.0
            ),
            100.0
        );
        assert_eq!(
            token_set_ratio(&c("fuzzy was a bear"), &c("fuzzy fuzzy was a bear"), 0.0),
            100.0
        );
        assert!(
            (wratio(&c("this is a test"), &c("this is a new test!!!"), 0.0) - 85.5).abs() < 1e-9
        );
        assert_eq!(ratio(&c(""), &c(""), 0.0), 100.0);
    }
}
