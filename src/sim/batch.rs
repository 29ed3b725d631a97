//! Many-against-many scoring: dense [`cdist`], sparse [`top_k`] and one-against-many
//! [`extract`]. Every string is preprocessed once (processor, token sorting), every query's
//! bit vectors are built once per row, rows run on a rayon pool of `workers` threads.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use rayon::prelude::*;

use super::fuzz::{self, cut, Pattern};
use super::process::default_process_chars;
use super::statement::{PreparedStatement, StatementScorer};
use super::Scorer;
use crate::error::{Error, Result};
use crate::memory::available_memory;
use crate::parallel::{interrupted, interrupted_every, with_workers_for};

/// What a batch scores with: a built-in string scorer or a fitted statement scorer.
#[derive(Debug, Clone)]
pub enum Metric {
    Builtin(Scorer),
    Statement(Arc<StatementScorer>),
}

/// Many strings as code points in one buffer: one allocation for a whole list, where a
/// `Vec<char>` per string made allocation half the time of scoring short names.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    chars: Vec<char>,
    ends: Vec<usize>,
}

/// Whether every `u32` is a Unicode scalar value (no lone surrogate, nothing above U+10FFFF),
/// so the slice may be seen as `char`s. Without an early exit, so it vectorizes.
#[inline]
pub fn all_scalar(cps: &[u32]) -> bool {
    !cps.iter().fold(false, |bad, &u| {
        bad | ((u ^ 0xD800).wrapping_sub(0x800) >= 0x11_0000 - 0x800)
    })
}

impl Texts {
    /// No strings.
    pub fn new() -> Self {
        Self::default()
    }

    /// The code points of each string.
    pub fn from_strs<S: AsRef<str>>(strings: &[S]) -> Self {
        let bytes: usize = strings.iter().map(|s| s.as_ref().len()).sum();
        let mut t = Texts {
            chars: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(strings.len()),
        };
        for s in strings {
            t.push_str(s.as_ref());
        }
        t
    }

    /// Append one string.
    pub fn push_str(&mut self, s: &str) {
        self.chars.extend(s.chars());
        self.ends.push(self.chars.len());
    }

    /// Append one string given as code points; false (and nothing appended) when one of them
    /// is not a Unicode scalar value (a lone surrogate).
    pub fn push_code_points(&mut self, cps: &[u32]) -> bool {
        if cps.iter().any(|&u| char::from_u32(u).is_none()) {
            return false;
        }
        self.chars
            .extend(cps.iter().map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}')));
        self.ends.push(self.chars.len());
        true
    }

    /// Append one string of `n` code points that `write` stores as `u32`s at the pointer it
    /// is given (a reader of another runtime's strings fills the buffer in place, with no
    /// copy in between); false, and nothing appended, when `write` returns false or one of
    /// them is not a Unicode scalar value (a lone surrogate).
    ///
    /// # Safety
    /// When `write` returns true it must have written `n` `u32`s at the pointer (there is
    /// room for exactly `n`).
    pub unsafe fn push_written(&mut self, n: usize, write: impl FnOnce(*mut u32) -> bool) -> bool {
        self.chars.reserve(n);
        let len = self.chars.len();
        // `char` has the size and alignment of `u32`; the slots are spare capacity, read only
        // after `write` filled them and exposed as `char` only after every one is checked.
        let p = self.chars.spare_capacity_mut().as_mut_ptr().cast::<u32>();
        if !write(p) {
            return false;
        }
        // SAFETY: `write` initialized `n` u32s at `p` (the caller's contract).
        if !all_scalar(unsafe { std::slice::from_raw_parts(p, n) }) {
            return false;
        }
        // SAFETY: the `n` slots after `len` are initialized with valid `char`s (checked above)
        // and within the capacity reserved above.
        unsafe { self.chars.set_len(len + n) };
        self.ends.push(len + n);
        true
    }

    /// Append one string given as code points.
    pub fn push_chars(&mut self, s: &[char]) {
        self.chars.extend_from_slice(s);
        self.ends.push(self.chars.len());
    }

    /// Append one ASCII string given as its bytes (every byte below 128).
    pub fn push_ascii(&mut self, bytes: &[u8]) {
        debug_assert!(bytes.is_ascii());
        self.chars.extend(bytes.iter().map(|&b| b as char));
        self.ends.push(self.chars.len());
    }

    /// Room for `strings` more strings of `chars` code points in all.
    pub fn reserve(&mut self, strings: usize, chars: usize) {
        self.ends.reserve(strings);
        self.chars.reserve(chars);
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no strings.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i` as code points.
    pub fn get(&self, i: usize) -> &[char] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.chars[start..self.ends[i]]
    }

    /// Every string, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[char]> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let s = &self.chars[start..end];
            start = end;
            s
        })
    }

    /// Code points of all strings together.
    pub fn total_chars(&self) -> usize {
        self.chars.len()
    }

    /// Remove every string, keeping the buffers.
    pub fn clear(&mut self) {
        self.chars.clear();
        self.ends.clear();
    }
}

/// A string prepared once for its metric; borrows the caller's code points where the metric
/// compares them unchanged.
struct Prep<'a> {
    /// Characters the scorer compares (sorted-token form for token_sort_ratio / token_ratio).
    key: Cow<'a, [char]>,
    /// Processed characters (WRatio).
    chars: Cow<'a, [char]>,
    /// Sorted whitespace tokens (token_set_ratio, token_ratio, jaccard).
    /// Borrowed from the caller's characters when they are compared unprocessed (no
    /// allocation per token: with one per token, preparing a sentence was most of a
    /// token_set_ratio `extractOne`).
    tokens: Vec<Cow<'a, [char]>>,
    /// Boxed: unboxed it made every `Prep` half a kilobyte to move.
    statement: Option<Box<PreparedStatement>>,
}

impl Prep<'_> {
    /// The same, owning its characters (a query kept across the blocks of an [`Extraction`]).
    fn into_owned(self) -> Prep<'static> {
        Prep {
            key: Cow::Owned(self.key.into_owned()),
            chars: Cow::Owned(self.chars.into_owned()),
            tokens: self
                .tokens
                .into_iter()
                .map(|t| Cow::Owned(t.into_owned()))
                .collect(),
            statement: self.statement,
        }
    }
}

/// Whether `metric` compares the characters as given (no tokens, no statement features):
/// without the built-in processor a choice then needs no [`Prep`], only its characters
/// ([`Row::score_key`]).
fn compares_raw(metric: &Metric) -> bool {
    matches!(
        metric,
        Metric::Builtin(
            Scorer::Ratio | Scorer::PartialRatio | Scorer::JaroWinkler | Scorer::Levenshtein
        )
    )
}

/// The [`Prep`] of a string compared as it is ([`compares_raw`], no processor): its
/// characters, borrowed. Built in place (through the general [`prepare`], whose large frame
/// stalled on moving the result, it was a tenth of a 1 × 100 `cdist` of names).
#[inline]
fn raw_prep(raw: &[char]) -> Prep<'_> {
    Prep {
        key: Cow::Borrowed(raw),
        chars: Cow::Borrowed(&[]),
        tokens: Vec::new(),
        statement: None,
    }
}

#[inline]
fn prepare<'a>(raw: &'a [char], metric: &Metric, process: bool) -> Prep<'a> {
    if !process && compares_raw(metric) {
        return raw_prep(raw);
    }
    prepare_general(raw, metric, process)
}

#[inline(never)]
fn prepare_general<'a>(raw: &'a [char], metric: &Metric, process: bool) -> Prep<'a> {
    let text = || raw.iter().collect::<String>();
    let chars: Cow<'a, [char]> = if process && !matches!(metric, Metric::Statement(_)) {
        let mut v = Vec::with_capacity(raw.len());
        default_process_chars(raw, false, &mut v);
        Cow::Owned(v)
    } else {
        Cow::Borrowed(raw)
    };
    let mut p = Prep {
        key: Cow::Borrowed(&[]),
        chars: Cow::Borrowed(&[]),
        tokens: Vec::new(),
        statement: None,
    };
    let tokens = |c: &Cow<'a, [char]>| -> Vec<Cow<'a, [char]>> {
        match c {
            Cow::Borrowed(b) => fuzz::sorted_tokens(b)
                .into_iter()
                .map(Cow::Borrowed)
                .collect(),
            Cow::Owned(v) => fuzz::sorted_tokens(v)
                .into_iter()
                .map(|t| Cow::Owned(t.to_vec()))
                .collect(),
        }
    };
    match metric {
        Metric::Statement(m) => p.statement = Some(Box::new(m.prepare(&text()))),
        Metric::Builtin(sc) => match sc {
            Scorer::TokenSortRatio => p.key = Cow::Owned(fuzz::join(&fuzz::sorted_tokens(&chars))),
            Scorer::TokenSetRatio | Scorer::Jaccard => p.tokens = tokens(&chars),
            Scorer::TokenRatio => {
                p.tokens = tokens(&chars);
                p.key = Cow::Owned(fuzz::join(&slices(&p.tokens)));
            }
            Scorer::WRatio => p.chars = chars,
            _ => p.key = chars,
        },
    }
    p
}

fn slices<'t>(t: &'t [Cow<'_, [char]>]) -> Vec<&'t [char]> {
    t.iter().map(|x| &x[..]).collect()
}

/// Scores one query against choices; holds what is built once per query.
struct Row<'a> {
    metric: &'a Metric,
    q: &'a Prep<'a>,
    pat: Option<Pattern>,
    /// The query's pattern tables for levenshtein and jaro_winkler, built once per row;
    /// boxed, as they hold kilobytes inline (moving them per choice was a tenth of an
    /// `extractOne`, even for metrics that have none).
    cached: Option<Box<Cached>>,
}

/// What a [`Row`] builds from its query ([`Row::tables`]), kept apart from the borrows so an
/// [`Extraction`] builds it once for all its blocks (it was rebuilt for each, a 2 kB pattern
/// zeroed log2(n) times per call).
#[derive(Default)]
struct Tables {
    pat: Option<Pattern>,
    cached: Option<Box<Cached>>,
}

enum Cached {
    Levenshtein(rapidfuzz::distance::levenshtein::BatchComparator<char>),
    JaroWinkler(rapidfuzz::distance::jaro_winkler::BatchComparator<char>),
    WRatio(fuzz::WRatioQuery),
}

impl<'a> Row<'a> {
    fn new(metric: &'a Metric, q: &'a Prep<'a>) -> Self {
        Self::with(metric, q, Self::tables(metric, q))
    }

    fn with(metric: &'a Metric, q: &'a Prep<'a>, t: Tables) -> Self {
        Row {
            metric,
            q,
            pat: t.pat,
            cached: t.cached,
        }
    }

    /// The tables, given back (see [`Tables`]).
    fn into_tables(self) -> Tables {
        Tables {
            pat: self.pat,
            cached: self.cached,
        }
    }

    fn tables(metric: &Metric, q: &Prep<'_>) -> Tables {
        let pat = match metric {
            Metric::Builtin(
                Scorer::Ratio | Scorer::TokenSortRatio | Scorer::PartialRatio | Scorer::TokenRatio,
            ) => Some(Pattern::new(&q.key)),
            // Our own bit-parallel Levenshtein: one machine word, or banded by a cutoff (see
            // `score`).
            Metric::Builtin(Scorer::Levenshtein) => Some(Pattern::new(&q.key)),
            _ => None,
        };
        let cached = match metric {
            // Longer than a machine word and no cutoff: the crate's block kernel.
            Metric::Builtin(Scorer::Levenshtein) if q.key.len() > 64 => {
                Some(Box::new(Cached::Levenshtein(
                    rapidfuzz::distance::levenshtein::BatchComparator::new(q.key.iter().copied()),
                )))
            }
            Metric::Builtin(Scorer::JaroWinkler) => Some(Box::new(Cached::JaroWinkler(
                rapidfuzz::distance::jaro_winkler::BatchComparator::new(q.key.iter().copied()),
            ))),
            Metric::Builtin(Scorer::WRatio) => {
                Some(Box::new(Cached::WRatio(fuzz::WRatioQuery::new(&q.chars))))
            }
            _ => None,
        };
        Tables { pat, cached }
    }

    /// Ratio-like rows four choices at a time; false when the metric has no such fast path.
    fn fill4(&self, row: &mut [f32], cs: &[Prep<'_>], cutoff: f64) -> bool {
        let Some(p) = &self.pat else { return false };
        if !matches!(
            self.metric,
            Metric::Builtin(Scorer::Ratio | Scorer::TokenSortRatio)
        ) || p.is_empty()
        {
            return false;
        }
        let mut oc = row.chunks_exact_mut(4);
        let mut cc = cs.chunks_exact(4);
        for (o, c) in (&mut oc).zip(&mut cc) {
            let l = p.lcs4([&c[0].key[..], &c[1].key[..], &c[2].key[..], &c[3].key[..]]);
            for k in 0..4 {
                let lensum = p.len() + c[k].key.len();
                let score = (1.0 - (lensum - 2 * l[k]) as f64 / lensum as f64) * 100.0;
                o[k] = cut(score, cutoff) as f32;
            }
        }
        for (o, c) in oc.into_remainder().iter_mut().zip(cc.remainder()) {
            *o = p.ratio(&c.key, cutoff) as f32;
        }
        true
    }

    #[inline]
    fn score(&self, c: &Prep<'_>, cutoff: f64) -> f64 {
        let q = self.q;
        match self.metric {
            Metric::Statement(m) => match (&q.statement, &c.statement) {
                (Some(a), Some(b)) => cut(m.score_prepared(a, b), cutoff),
                _ => 0.0,
            },
            Metric::Builtin(sc) => match sc {
                Scorer::TokenSetRatio => {
                    fuzz::token_set_from_tokens(&slices(&q.tokens), &slices(&c.tokens), cutoff)
                }
                Scorer::Jaccard => {
                    fuzz::jaccard_tokens(&slices(&q.tokens), &slices(&c.tokens), cutoff)
                }
                Scorer::TokenRatio => {
                    let set =
                        fuzz::token_set_from_tokens(&slices(&q.tokens), &slices(&c.tokens), cutoff);
                    if set == 100.0 {
                        return 100.0;
                    }
                    let sort = match &self.pat {
                        Some(p) => p.ratio(&c.key, cutoff.max(set)),
                        None => fuzz::ratio(&q.key, &c.key, cutoff.max(set)),
                    };
                    cut(set.max(sort), cutoff)
                }
                Scorer::WRatio => match self.cached.as_deref() {
                    Some(Cached::WRatio(w)) => w.score(&c.chars, cutoff),
                    _ => fuzz::wratio(&q.chars, &c.chars, cutoff),
                },
                _ => self.score_key(&c.key, cutoff),
            },
        }
    }

    /// The score of a choice whose compared characters are `key` (its [`Prep::key`]), for
    /// the built-in scorers that compare one string each (ratio, token_sort_ratio,
    /// partial_ratio, jaro_winkler, levenshtein); 0 for any other metric.
    #[inline]
    fn score_key(&self, key: &[char], cutoff: f64) -> f64 {
        let q = self.q;
        let Metric::Builtin(sc) = self.metric else {
            return 0.0;
        };
        match sc {
            Scorer::Ratio | Scorer::TokenSortRatio => match &self.pat {
                Some(p) => p.ratio(key, cutoff),
                None => fuzz::ratio(&q.key, key, cutoff),
            },
            Scorer::PartialRatio => {
                fuzz::partial_ratio_pat(&q.key, key, self.pat.as_ref(), None, cutoff)
            }
            // Ours for one machine word, and banded when the band is wider than one word;
            // a band of one word (or no cutoff) goes to the crate's kernels below.
            Scorer::Levenshtein
                if self.pat.is_some()
                    && (q.key.len() <= 64 || fuzz::wide_band(q.key.len(), key.len(), cutoff)) =>
            {
                let (l1, l2) = (q.key.len(), key.len());
                // The length difference is a lower bound of the distance.
                if fuzz::levenshtein_score(l1.abs_diff(l2), l1, l2, cutoff) == 0.0 && cutoff > 0.0 {
                    return 0.0;
                }
                let Some(p) = self.pat.as_ref() else {
                    return fuzz::levenshtein(&q.key, key, cutoff);
                };
                match p.levenshtein(key) {
                    Some(d) => fuzz::levenshtein_score(d, l1, l2, cutoff),
                    None => match p.levenshtein_within(key, fuzz::max_distance(l1, l2, cutoff)) {
                        Some(d) => fuzz::levenshtein_score(d, l1, l2, cutoff),
                        None => 0.0,
                    },
                }
            }
            Scorer::Levenshtein | Scorer::JaroWinkler => {
                use rapidfuzz::distance::{jaro_winkler as jw, levenshtein as lev};
                let s2 = key.iter().copied();
                // The cutoff goes to the crate, which then stops early (banded search).
                let sim = match (self.cached.as_deref(), fuzz::crate_cutoff(cutoff)) {
                    (Some(Cached::Levenshtein(b)), None) => b.normalized_similarity(s2),
                    (Some(Cached::Levenshtein(b)), Some(x)) => {
                        let args = lev::Args::default().score_cutoff(x);
                        b.normalized_similarity_with_args(s2, &args).unwrap_or(0.0)
                    }
                    (Some(Cached::JaroWinkler(b)), None) => b.normalized_similarity(s2),
                    (Some(Cached::JaroWinkler(b)), Some(x)) => {
                        let args = jw::Args::default().score_cutoff(x);
                        b.normalized_similarity_with_args(s2, &args).unwrap_or(0.0)
                    }
                    (None | Some(Cached::WRatio(_)), _) => return sc.score(&q.key, key, cutoff),
                };
                cut(sim * 100.0, cutoff)
            }
            other => other.score(&q.key, key, cutoff),
        }
    }
}

/// Rows of `ratio` for up to four queries (`rows` holds `group.len()` rows of `cs.len()`).
fn ratio_rows4(
    rows: &mut [f32],
    group: &[&Prep<'_>],
    cs: &[Prep<'_>],
    metric: &Metric,
    cutoff: f64,
) {
    let m = cs.len();
    let empty: &[char] = &[];
    let keys: [&[char]; fuzz::LANES] =
        std::array::from_fn(|k| group.get(k).map_or(empty, |q| &q.key[..]));
    let lev = matches!(metric, Metric::Builtin(Scorer::Levenshtein));
    // Levenshtein's lanes take one machine word per string; one or two queries are faster
    // with one pattern each than with eight lanes' tables.
    // (Decided before the tables are built: building and dropping them was a tenth of a
    // 1 x 100 cdist.)
    let p4 = (group.len() > 2 && (!lev || keys.iter().all(|k| k.len() <= 64)))
        .then(|| fuzz::PatternN::new(keys))
        .flatten();
    let Some(p4) = p4 else {
        for (row, &q) in rows.chunks_mut(m).zip(group) {
            let r = Row::new(metric, q);
            if !r.fill4(row, cs, cutoff) {
                for (o, c) in row.iter_mut().zip(cs) {
                    *o = r.score(c, cutoff) as f32;
                }
            }
        }
        return;
    };
    let lens = p4.lens();
    for (j, c) in cs.iter().enumerate() {
        if interrupted_every(j) {
            return;
        }
        if lev {
            let d = p4.levenshtein(&c.key).unwrap_or([0; fuzz::LANES]);
            for k in 0..group.len() {
                let score = fuzz::levenshtein_score(d[k], lens[k], c.key.len(), cutoff);
                rows[k * m + j] = score as f32;
            }
            continue;
        }
        let l = p4.lcs(&c.key);
        for k in 0..group.len() {
            let lensum = lens[k] + c.key.len();
            let score = if lensum == 0 {
                100.0
            } else {
                (1.0 - (lensum - 2 * l[k]) as f64 / lensum as f64) * 100.0
            };
            rows[k * m + j] = cut(score, cutoff) as f32;
        }
    }
}

/// Queries (indices sorted by key length) cut into lane groups: as many as one 512-bit step
/// holds for their length class (64 of up to 8 characters, 32 of up to 16, 16 of up to 32),
/// else [`fuzz::LANES`].
fn lane_groups<'o>(order: &'o [usize], qs: &[Prep<'_>]) -> Vec<&'o [usize]> {
    let width = |len: usize| match len {
        0..=8 => 64,
        9..=16 => 32,
        17..=32 => 16,
        _ => fuzz::LANES,
    };
    let mut groups = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let w = width(qs[order[i]].key.len());
        let mut j = i + 1;
        while j < order.len() && j - i < w && width(qs[order[j]].key.len()) == w {
            j += 1;
        }
        groups.push(&order[i..j]);
        i = j;
    }
    groups
}

/// Rows of ratio / token_sort_ratio / levenshtein for a group of short queries packed into
/// `T` lanes; false (nothing written) when they do not fit.
fn packed_rows<T: fuzz::Lane, const N: usize>(
    rows: &mut [f32],
    group: &[&Prep<'_>],
    cs: &[Prep<'_>],
    metric: &Metric,
    cutoff: f64,
) -> bool {
    // A group under a quarter full (a handful of queries) costs more in its 16 kB table
    // than it saves: the one-pattern rows are faster there.
    if group.len() * 4 < N {
        return false;
    }
    let keys: Vec<&[char]> = group.iter().map(|q| &q.key[..]).collect();
    let Some(p) = fuzz::PackedPattern::<T, N>::new(&keys) else {
        return false;
    };
    let lev = matches!(metric, Metric::Builtin(Scorer::Levenshtein));
    let (m, lens) = (cs.len(), p.lens());
    if matches!(metric, Metric::Builtin(Scorer::JaroWinkler)) {
        let mut scratch = Vec::new();
        for (j, c) in cs.iter().enumerate() {
            if interrupted_every(j) {
                break;
            }
            let cl = c.key.len();
            // With a cutoff, the transpositions are counted only if a lane can still reach it.
            let keep = |common: &[usize; N]| {
                (0..group.len())
                    .any(|k| fuzz::jaro_winkler_may_reach(lens[k], cl, common[k], cutoff))
            };
            match p.jaro(&c.key, &mut scratch, keep) {
                Some((_, trans)) if trans[0] == usize::MAX => {
                    for k in 0..group.len() {
                        rows[k * m + j] = 0.0;
                    }
                }
                Some((common, trans)) => {
                    for (k, q) in group.iter().enumerate() {
                        rows[k * m + j] = fuzz::jaro_winkler_from_counts(
                            &q.key, &c.key, common[k], trans[k], cutoff,
                        ) as f32;
                    }
                }
                // A choice too long for the lanes' window counters.
                None => {
                    for (k, q) in group.iter().enumerate() {
                        rows[k * m + j] = fuzz::jaro_winkler(&q.key, &c.key, cutoff) as f32;
                    }
                }
            }
        }
        return true;
    }
    let qmax = lens.iter().copied().max().unwrap_or(0);
    let cmax = cs.iter().map(|c| c.key.len()).max().unwrap_or(0);
    // A cell's score depends only on (length sum, LCS) for ratio and on (longer length,
    // distance) for levenshtein: with a table of those scores (built with the scorer's own
    // expressions, so the same to the last bit) a cell costs a load instead of a division,
    // which was most of the time on short strings. Only when the table is small next to
    // the cells it serves.
    let (rows_t, stride) = if lev {
        (qmax.max(cmax) + 1, qmax.max(cmax) + 1)
    } else {
        (qmax + cmax + 1, qmax + 1)
    };
    let table: Option<Vec<f32>> = (rows_t * stride <= (m * group.len()) / 4).then(|| {
        let mut t = vec![0f32; rows_t * stride];
        for a in 0..rows_t {
            for v in 0..stride {
                let score = if lev {
                    fuzz::levenshtein_score(v, a, 0, cutoff)
                } else if a == 0 {
                    cut(100.0, cutoff)
                } else {
                    cut(
                        (1.0 - (a - 2 * v.min(a / 2)) as f64 / a as f64) * 100.0,
                        cutoff,
                    )
                };
                t[a * stride + v] = score as f32;
            }
        }
        t
    });
    for (j, c) in cs.iter().enumerate() {
        if interrupted_every(j) {
            break;
        }
        let cl = c.key.len();
        if lev {
            let d = p.levenshtein(&c.key);
            for k in 0..group.len() {
                rows[k * m + j] = match &table {
                    Some(t) => t[lens[k].max(cl) * stride + d[k]],
                    None => fuzz::levenshtein_score(d[k], lens[k], cl, cutoff) as f32,
                };
            }
        } else {
            let l = p.lcs(&c.key);
            for k in 0..group.len() {
                let lensum = lens[k] + cl;
                rows[k * m + j] = match &table {
                    Some(t) => t[lensum * stride + l[k]],
                    None if lensum == 0 => cut(100.0, cutoff) as f32,
                    None => {
                        let score = (1.0 - (lensum - 2 * l[k]) as f64 / lensum as f64) * 100.0;
                        cut(score, cutoff) as f32
                    }
                };
            }
        }
    }
    true
}

fn check_cutoff(cutoff: Option<f64>) -> Result<f64> {
    match cutoff {
        None => Ok(0.0),
        Some(c) if c.is_nan() => Err(Error::invalid("score_cutoff", "must be a number, got NaN")),
        Some(c) => Ok(c),
    }
}

/// Whether `s` is empty once processed as `process` asks.
fn empty_after(s: &[char], process: bool) -> bool {
    if !process || s.is_empty() {
        return s.is_empty();
    }
    let mut v = Vec::new();
    default_process_chars(s, false, &mut v);
    v.is_empty()
}

/// `QRatio` is `ratio` except that two strings of which either is empty score 0, and `ratio`
/// already scores 0 when only one is: for queries that are not empty (after processing) the
/// two are equal, and the ratio kernels serve `QRatio` (per pair it ran 0.1x RapidFuzz in a
/// `cdist` of names). The metric to run; `any_query_empty` is asked only for `QRatio`.
fn kernel_metric(metric: &Metric, any_query_empty: impl FnOnce() -> bool) -> Metric {
    match metric {
        Metric::Builtin(Scorer::QRatio) if !any_query_empty() => Metric::Builtin(Scorer::Ratio),
        m => m.clone(),
    }
}

/// Refuse a dense `n × m` result that cannot fit: `cell_bytes` per cell at the peak (the
/// float32 matrix plus any copy the caller makes, e.g. a conversion to another dtype).
pub fn check_dense(n: usize, m: usize, cell_bytes: u64) -> Result<()> {
    let bytes = (n as u128) * (m as u128) * cell_bytes as u128;
    if bytes < 1 << 26 {
        // Under 64 MB reading /proc costs more than the matrix; try_reserve still guards it.
        return Ok(());
    }
    let limit = available_memory().unwrap_or(u64::MAX / 2) as u128;
    if bytes > limit || bytes > isize::MAX as u128 {
        return Err(Error::TooLarge {
            arg: "cdist",
            message: format!(
                "a dense {n} x {m} matrix needs {:.2} GB at its peak but only {:.2} GB of memory \
                 is available (system, cgroup and ulimit limits); use top_k(queries, choices, k) \
                 for a sparse result",
                bytes as f64 / 1e9,
                limit as f64 / 1e9
            ),
        });
    }
    Ok(())
}

fn prepare_all<'a>(
    texts: &'a Texts,
    metric: &Metric,
    process: bool,
    serial: bool,
) -> Vec<Prep<'a>> {
    if !process && compares_raw(metric) {
        return texts.iter().map(raw_prep).collect();
    }
    if serial {
        return texts.iter().map(|s| prepare(s, metric, process)).collect();
    }
    (0..texts.len())
        .into_par_iter()
        .map(|i| prepare(texts.get(i), metric, process))
        .collect()
}

/// Character comparisons of a many-against-many batch (decides whether it is worth threads).
fn work(a: &Texts, b: &Texts) -> u128 {
    (a.total_chars() as u128).max(1) * (b.total_chars() as u128).max(1)
}

/// Dense `len(queries) × len(choices)` score matrix, row-major, as f32.
///
/// Refuses (instead of aborting on allocation) a matrix larger than the available memory.
pub fn cdist(
    queries: &[String],
    choices: &[String],
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<Vec<f32>> {
    let (q, c) = (Texts::from_strs(queries), Texts::from_strs(choices));
    cdist_texts(&q, &c, metric, process, score_cutoff, workers)
}

/// [`cdist`] of strings given as [`Texts`].
pub fn cdist_texts(
    queries: &Texts,
    choices: &Texts,
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<Vec<f32>> {
    let cutoff = check_cutoff(score_cutoff)?;
    let (n, m) = (queries.len(), choices.len());
    check_dense(n, m, 4)?;
    if matches!(metric, Metric::Builtin(Scorer::QRatio)) {
        // Ratio for every row, then the rows of empty queries are all 0 (QRatio's rule).
        let mut out = cdist_texts(
            queries,
            choices,
            &Metric::Builtin(Scorer::Ratio),
            process,
            score_cutoff,
            workers,
        )?;
        for (i, q) in queries.iter().enumerate() {
            if empty_after(q, process) {
                out[i * m..(i + 1) * m].fill(0.0);
            }
        }
        return Ok(out);
    }
    with_workers_for(workers, work(queries, choices), |serial| {
        let qs = prepare_all(queries, metric, process, serial);
        let cs = prepare_all(choices, metric, process, serial);
        let mut out: Vec<f32> = crate::error::try_vec(n * m, "cdist")?;
        out.resize(n * m, 0.0);
        if m > 0 {
            let ratio_like = matches!(
                metric,
                Metric::Builtin(
                    Scorer::Ratio
                        | Scorer::TokenSortRatio
                        | Scorer::Levenshtein
                        | Scorer::JaroWinkler
                )
            );
            let jw = matches!(metric, Metric::Builtin(Scorer::JaroWinkler));
            if ratio_like {
                // Many queries per step: one character lookup serves a whole group. Queries
                // of similar length go together so short ones are not padded to long ones,
                // and short ones are packed several to a machine word (8/16/32-bit lanes).
                let mut order: Vec<usize> = (0..n).collect();
                order.sort_by_key(|&i| qs[i].key.len());
                let groups = lane_groups(&order, &qs);
                // Groups are scored a batch at a time and copied into place, so the peak is
                // the matrix plus one batch (collecting every group first needed 2x).
                let batch = 4 * rayon::current_num_threads();
                let block = |idx: &'_ [usize]| {
                    let group: Vec<&Prep> = idx.iter().map(|&i| &qs[i]).collect();
                    let mut rows = vec![0f32; idx.len() * m];
                    let longest = group.iter().map(|q| q.key.len()).max().unwrap_or(0);
                    let (r, g, c) = (&mut rows[..], &group[..], &cs[..]);
                    let packed = match longest {
                        0..=8 => packed_rows::<u8, 64>(r, g, c, metric, cutoff),
                        9..=16 => packed_rows::<u16, 32>(r, g, c, metric, cutoff),
                        17..=32 => packed_rows::<u32, 16>(r, g, c, metric, cutoff),
                        _ => false,
                    };
                    if !packed && jw {
                        for (row, &q) in rows.chunks_mut(m).zip(&group) {
                            let r = Row::new(metric, q);
                            for (o, c) in row.iter_mut().zip(&cs) {
                                *o = r.score(c, cutoff) as f32;
                            }
                        }
                    } else if !packed {
                        ratio_rows4(&mut rows, &group, &cs, metric, cutoff);
                    }
                    rows
                };
                for part in groups.chunks(batch) {
                    let blocks: Vec<(&[usize], Vec<f32>)> = if serial {
                        part.iter().map(|&idx| (idx, block(idx))).collect()
                    } else {
                        part.par_iter().map(|&idx| (idx, block(idx))).collect()
                    };
                    for (idx, rows) in blocks {
                        for (k, &i) in idx.iter().enumerate() {
                            out[i * m..(i + 1) * m].copy_from_slice(&rows[k * m..(k + 1) * m]);
                        }
                    }
                }
                return Ok(out);
            }
            let fill = |(row, q): (&mut [f32], &Prep)| {
                if interrupted() {
                    return;
                }
                let r = Row::new(metric, q);
                if !r.fill4(row, &cs, cutoff) {
                    for (o, c) in row.iter_mut().zip(&cs) {
                        *o = r.score(c, cutoff) as f32;
                    }
                }
            };
            if serial {
                out.chunks_mut(m).zip(&qs).for_each(fill);
            } else {
                out.par_chunks_mut(m).zip(qs.par_iter()).for_each(fill);
            }
        }
        Ok(out)
    })?
}

/// Scores of the pairs (`texts[a[k]]`, `texts[b[k]]`), as f32: the pairs a candidate search
/// (MinHash LSH, blocking) proposes. Each text a pair refers to is prepared once.
pub fn score_pairs(
    texts: &[String],
    a: &[i64],
    b: &[i64],
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<Vec<f32>> {
    let cutoff = check_cutoff(score_cutoff)?;
    if a.len() != b.len() {
        return Err(Error::invalid(
            "pairs",
            format!(
                "the two index arrays differ in length ({} and {})",
                a.len(),
                b.len()
            ),
        ));
    }
    let texts = &Texts::from_strs(texts);
    let n = texts.len();
    let mut used = vec![false; n];
    for &i in a.iter().chain(b) {
        if i < 0 || i as usize >= n {
            return Err(Error::invalid(
                "a, b",
                format!("index {i} is out of range for {n} texts"),
            ));
        }
        used[i as usize] = true;
    }
    let per_text = texts.total_chars() as u128 / (n as u128).max(1);
    with_workers_for(workers, per_text * per_text * a.len() as u128, |serial| {
        let prep = |i: usize| used[i].then(|| prepare(texts.get(i), metric, process));
        let preps: Vec<Option<Prep>> = if serial {
            (0..n).map(prep).collect()
        } else {
            (0..n).into_par_iter().map(prep).collect()
        };
        let get = |i: i64| {
            preps[i as usize]
                .as_ref()
                .expect("every referenced text is prepared")
        };
        let pair = |(&i, &j): (&i64, &i64)| Row::new(metric, get(i)).score(get(j), cutoff) as f32;
        if serial {
            a.iter().zip(b).map(pair).collect()
        } else {
            a.par_iter().zip(b.par_iter()).map(pair).collect()
        }
    })
}

/// Sparse best matches: parallel arrays sorted by query, then descending score (ties by
/// ascending choice index).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopK {
    pub query: Vec<i64>,
    pub choice: Vec<i64>,
    pub score: Vec<f32>,
}

#[derive(Clone, Copy)]
struct Cand {
    score: f64,
    idx: u32,
}

/// Heap order: the *worst* candidate is the greatest, so it sits on top of the max-heap.
impl Ord for Cand {
    fn cmp(&self, o: &Self) -> Ordering {
        o.score
            .total_cmp(&self.score)
            .then_with(|| self.idx.cmp(&o.idx))
    }
}
impl PartialOrd for Cand {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl PartialEq for Cand {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Cand {}

fn push_best(heap: &mut BinaryHeap<Cand>, c: Cand, k: usize) {
    if heap.len() < k {
        heap.push(c);
    } else if let Some(top) = heap.peek() {
        if c < *top {
            heap.pop();
            heap.push(c);
        }
    }
}

const CHUNK: usize = 2048;

fn best_of_chunk(
    row: &Row<'_>,
    cs: &[Prep<'_>],
    offset: usize,
    k: usize,
    cutoff: f64,
) -> Vec<Cand> {
    let mut heap: BinaryHeap<Cand> = BinaryHeap::with_capacity(k.min(cs.len()) + 1);
    for (j, c) in cs.iter().enumerate() {
        if interrupted_every(j) {
            break;
        }
        // Once k candidates are held, only a better score matters: pass it as the cutoff so
        // the scorer can stop early.
        let eff = match heap.peek() {
            Some(top) if heap.len() == k => cutoff.max(top.score),
            _ => cutoff,
        };
        if settled(&heap, k, row.metric) {
            // RapidFuzz's early exit at 100, which returns the same.
            break;
        }
        let s = row.score(c, eff);
        if s < cutoff {
            continue;
        }
        push_best(
            &mut heap,
            Cand {
                score: s,
                idx: (offset + j) as u32,
            },
            k,
        );
    }
    heap.into_vec()
}

/// Whether `heap` holds `k` scores of 100 (built-in scores never exceed 100): no later choice
/// can displace one, ties going to the lower index, so reading further changes nothing.
fn settled(heap: &BinaryHeap<Cand>, k: usize, metric: &Metric) -> bool {
    matches!(metric, Metric::Builtin(_))
        && heap.len() == k
        && heap.peek().is_some_and(|t| t.score >= 100.0)
}

/// One query against choices read a block at a time ([`extract`] for a caller that converts
/// choices lazily): once the result cannot change, no more blocks are needed, which is what
/// makes RapidFuzz's `extractOne` fast when an exact match comes early.
pub struct Extraction {
    /// The query, prepared once for every block.
    query: Prep<'static>,
    /// Its length in code points before preparation (the length bound of [`Self::may_enter`]).
    query_len: usize,
    /// The query's pattern tables, built once (see [`Tables`]).
    tables: Tables,
    /// Whether a choice is scored on its characters alone, with no [`Prep`].
    raw: bool,
    metric: Metric,
    process: bool,
    cutoff: f64,
    k: usize,
    heap: BinaryHeap<Cand>,
    /// The bar a length window was found for and that window, `lo..=hi` (see
    /// [`Self::may_enter`]); NaN before the first.
    window: std::cell::Cell<(f64, usize, usize)>,
}

impl Extraction {
    /// The best `limit` (all when `None`) of `n_choices` choices for `query`.
    pub fn new(
        query: &str,
        n_choices: usize,
        limit: Option<usize>,
        metric: &Metric,
        process: bool,
        score_cutoff: Option<f64>,
    ) -> Result<Self> {
        let cutoff = check_cutoff(score_cutoff)?;
        if limit == Some(0) {
            return Err(Error::invalid(
                "limit",
                "must be at least 1 (or None for all)",
            ));
        }
        if n_choices > u32::MAX as usize {
            return Err(Error::TooLarge {
                arg: "choices",
                message: "more than 2**32 choices".into(),
            });
        }
        let k = limit.unwrap_or(n_choices).min(n_choices);
        let chars: Vec<char> = query.chars().collect();
        let metric = &kernel_metric(metric, || empty_after(&chars, process));
        let query_len = chars.len();
        let raw = !process && compares_raw(metric);
        let q = if raw {
            // What `prepare` makes of it, without copying the characters again.
            Prep {
                key: Cow::Owned(chars),
                chars: Cow::Borrowed(&[]),
                tokens: Vec::new(),
                statement: None,
            }
        } else {
            prepare(&chars, metric, process).into_owned()
        };
        // Nothing to score, nothing to build (an empty list costs what a call costs).
        let tables = if k > 0 {
            Row::tables(metric, &q)
        } else {
            Tables::default()
        };
        Ok(Extraction {
            query: q,
            query_len,
            tables,
            raw,
            metric: metric.clone(),
            process,
            cutoff,
            k,
            heap: BinaryHeap::with_capacity(k.min(1 << 16) + 1),
            window: std::cell::Cell::new((f64::NAN, 0, 0)),
        })
    }

    /// Length of the query in code points (as given, before any processing).
    pub fn query_len(&self) -> usize {
        self.query_len
    }

    /// Whether the result is final (no choice after those fed can enter it).
    pub fn done(&self) -> bool {
        self.k == 0 || settled(&self.heap, self.k, &self.metric)
    }

    /// The least score a choice must reach to enter the result now.
    fn bar(&self) -> f64 {
        match self.heap.peek() {
            Some(top) if self.heap.len() == self.k => self.cutoff.max(top.score),
            _ => self.cutoff,
        }
    }

    /// Whether a choice of `len` code points may still enter the result, judged from its
    /// length alone: false only for `ratio`, `levenshtein`, `jaro_winkler` and `WRatio`
    /// without the built-in processor, when the length difference already keeps the score
    /// below the cutoff or below the worst score held (RapidFuzz checks the same bounds
    /// first). A choice ruled out need not be read at all.
    ///
    /// The bound of each of these scorers falls with the distance of `len` from the query's
    /// length on either side, so the lengths it admits for a bar are one window: for
    /// Jaro-Winkler it is found once per bar (by bisection on the bound itself) and then
    /// checked by two comparisons, as the bound's divisions per choice were a twelfth of a
    /// sentences `extractOne`.
    pub fn may_enter(&self, len: usize) -> bool {
        let bar = self.bar();
        if self.process || bar <= 0.0 || !self.bounded() {
            return true;
        }
        let l1 = self.query_len;
        // The other bounds cost a multiplication or one division, less than finding a window
        // each time the bar rises (often, early in an `extractOne` of names); Jaro-Winkler
        // treats strings under two characters apart.
        if !matches!(self.metric, Metric::Builtin(Scorer::JaroWinkler)) || l1 < 2 || len < 2 {
            return self.reaches(len, bar);
        }
        let (b, mut lo, mut hi) = self.window.get();
        if b != bar {
            (lo, hi) = self.window_for(bar);
            self.window.set((bar, lo, hi));
        }
        lo <= len && len <= hi
    }

    /// Whether [`Self::may_enter`] can turn a choice away now (a length bound and a bar above
    /// 0): when not, a caller need not find the length first.
    pub fn filters_by_length(&self) -> bool {
        !self.process && self.bar() > 0.0 && self.bounded()
    }

    /// Whether the metric has a length bound ([`Self::reaches`]).
    fn bounded(&self) -> bool {
        matches!(
            self.metric,
            Metric::Builtin(
                Scorer::Ratio
                    | Scorer::QRatio
                    | Scorer::Levenshtein
                    | Scorer::JaroWinkler
                    | Scorer::WRatio
            )
        )
    }

    /// Whether a choice of `len` code points may reach `bar`, from the lengths alone.
    fn reaches(&self, len: usize, bar: f64) -> bool {
        let l1 = self.query_len;
        match &self.metric {
            // QRatio is ratio, or 0 when a string is empty: ratio's bound holds.
            Metric::Builtin(Scorer::Ratio | Scorer::QRatio) => fuzz::ratio_may_reach(l1, len, bar),
            Metric::Builtin(Scorer::Levenshtein) => {
                fuzz::levenshtein_score(l1.abs_diff(len), l1, len, bar) != 0.0
            }
            // At most min(l1, len) characters match.
            Metric::Builtin(Scorer::JaroWinkler) => {
                fuzz::jaro_winkler_may_reach(l1, len, l1.min(len), bar)
            }
            Metric::Builtin(Scorer::WRatio) => fuzz::wratio_may_reach(l1, len, bar),
            _ => true,
        }
    }

    /// The lengths of at least 2 that [`Self::reaches`] admits for `bar` (query of 2 or more
    /// code points), as `(lo, hi)`; empty (`lo > hi`) when not even the query's own does.
    fn window_for(&self, bar: f64) -> (usize, usize) {
        let l1 = self.query_len;
        if !self.reaches(l1, bar) {
            return (1, 0);
        }
        // The least admitted length in 2..=l1 (l1 is).
        let (mut a, mut b) = (2, l1);
        while a < b {
            let m = a + (b - a) / 2;
            if self.reaches(m, bar) {
                b = m;
            } else {
                a = m + 1;
            }
        }
        let lo = a;
        // The greatest admitted length from l1 on: doubling, then bisection.
        let (mut good, mut far) = (l1, l1.saturating_mul(2));
        while self.reaches(far, bar) {
            if far >= 1 << 40 {
                return (lo, usize::MAX);
            }
            good = far;
            far *= 2;
        }
        while far - good > 1 {
            let m = good + (far - good) / 2;
            if self.reaches(m, bar) {
                good = m;
            } else {
                far = m;
            }
        }
        (lo, good)
    }

    /// Score the next choices, `block`'s string `j` being choice `index[j]` (increasing, and
    /// above those fed before); returns [`Extraction::done`].
    pub fn feed(&mut self, block: &Texts, index: &[usize]) -> bool {
        if self.done() {
            return true;
        }
        let row = Row::with(&self.metric, &self.query, std::mem::take(&mut self.tables));
        for (raw, &i) in block.iter().zip(index) {
            if settled(&self.heap, self.k, &self.metric) {
                break;
            }
            offer(
                &mut self.heap,
                self.k,
                self.cutoff,
                self.raw,
                self.process,
                &row,
                raw,
                i,
            );
        }
        self.tables = row.into_tables();
        self.done()
    }

    /// Score choice `i` (above those fed before), given as its code points: [`Self::feed`]
    /// of one string, with no [`Texts`] to fill (a caller reading a short list scores each
    /// choice as it reads it). Returns [`Extraction::done`].
    pub fn feed_one(&mut self, raw: &[char], i: usize) -> bool {
        if self.done() {
            return true;
        }
        let row = Row::with(&self.metric, &self.query, std::mem::take(&mut self.tables));
        offer(
            &mut self.heap,
            self.k,
            self.cutoff,
            self.raw,
            self.process,
            &row,
            raw,
            i,
        );
        self.tables = row.into_tables();
        self.done()
    }

    /// `(choice index, score)`, best first.
    pub fn finish(self) -> Vec<(usize, f64)> {
        let mut v = self.heap.into_vec();
        v.sort_unstable();
        v.into_iter().map(|c| (c.idx as usize, c.score)).collect()
    }
}

/// Score choice `i` (code points `raw`) with `row` and keep it in `heap` if it is among
/// the `k` best at or above `cutoff`; `raw_key`: the metric compares `raw` as it is.
#[allow(clippy::too_many_arguments)]
#[inline]
fn offer(
    heap: &mut BinaryHeap<Cand>,
    k: usize,
    cutoff: f64,
    raw_key: bool,
    process: bool,
    row: &Row<'_>,
    raw: &[char],
    i: usize,
) {
    let bar = match heap.peek() {
        Some(top) if heap.len() == k => cutoff.max(top.score),
        _ => cutoff,
    };
    let s = if raw_key {
        row.score_key(raw, bar)
    } else {
        row.score(&prepare(raw, row.metric, process), bar)
    };
    if s >= cutoff {
        push_best(
            heap,
            Cand {
                score: s,
                idx: i as u32,
            },
            k,
        );
    }
}

fn best_of_row(row: &Row<'_>, cs: &[Prep<'_>], k: usize, cutoff: f64, split: bool) -> Vec<Cand> {
    let mut all: Vec<Cand> = if split && cs.len() > CHUNK {
        cs.par_chunks(CHUNK)
            .enumerate()
            .map(|(i, chunk)| best_of_chunk(row, chunk, i * CHUNK, k, cutoff))
            .reduce(Vec::new, |mut a, b| {
                a.extend(b);
                a
            })
    } else {
        best_of_chunk(row, cs, 0, k, cutoff)
    };
    all.sort_unstable();
    all.truncate(k);
    all
}

/// The `k` best candidates of every query, best first.
#[allow(clippy::too_many_arguments)]
fn best(
    queries: &Texts,
    choices: &Texts,
    k: usize,
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<Vec<Vec<Cand>>> {
    if k == 0 {
        return Err(Error::invalid("k", "must be at least 1"));
    }
    let metric = &kernel_metric(metric, || queries.iter().any(|q| empty_after(q, process)));
    if choices.len() > u32::MAX as usize {
        return Err(Error::TooLarge {
            arg: "choices",
            message: "more than 2**32 choices".into(),
        });
    }
    let cutoff = check_cutoff(score_cutoff)?;
    // No row holds more than every choice: reserving for a larger k (2**31, 2**62) aborted.
    let k = k.min(choices.len());
    if k == 0 {
        return Ok(vec![Vec::new(); queries.len()]);
    }
    with_workers_for(workers, work(queries, choices), |serial| {
        let qs = prepare_all(queries, metric, process, serial);
        let cs = prepare_all(choices, metric, process, serial);
        if serial {
            return qs
                .iter()
                .map(|q| best_of_row(&Row::new(metric, q), &cs, k, cutoff, false))
                .collect();
        }
        // Few queries: parallelize inside each row instead of across rows.
        let split = qs.len() < 4 * rayon::current_num_threads();
        qs.par_iter()
            .map(|q| best_of_row(&Row::new(metric, q), &cs, k, cutoff, split))
            .collect()
    })
}

/// The `k` best choices of every query (fewer when `score_cutoff` leaves fewer).
pub fn top_k(
    queries: &[String],
    choices: &[String],
    k: usize,
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<TopK> {
    let (q, c) = (Texts::from_strs(queries), Texts::from_strs(choices));
    top_k_texts(&q, &c, k, metric, process, score_cutoff, workers)
}

/// [`top_k`] of strings given as [`Texts`].
pub fn top_k_texts(
    queries: &Texts,
    choices: &Texts,
    k: usize,
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<TopK> {
    let rows = best(queries, choices, k, metric, process, score_cutoff, workers)?;
    let total: usize = rows.iter().map(|r| r.len()).sum();
    let mut out = TopK {
        query: Vec::with_capacity(total),
        choice: Vec::with_capacity(total),
        score: Vec::with_capacity(total),
    };
    for (i, r) in rows.into_iter().enumerate() {
        for c in r {
            out.query.push(i as i64);
            out.choice.push(c.idx as i64);
            out.score.push(c.score as f32);
        }
    }
    Ok(out)
}

/// The best `limit` choices (all when `None`) for one query: `(choice index, score)`, best first.
pub fn extract(
    query: &str,
    choices: &[String],
    limit: Option<usize>,
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<Vec<(usize, f64)>> {
    let mut q = Texts::new();
    q.push_str(query);
    extract_texts(
        &q,
        &Texts::from_strs(choices),
        limit,
        metric,
        process,
        score_cutoff,
        workers,
    )
}

/// [`extract`] of strings given as [`Texts`] (`query` holds the one query).
pub fn extract_texts(
    query: &Texts,
    choices: &Texts,
    limit: Option<usize>,
    metric: &Metric,
    process: bool,
    score_cutoff: Option<f64>,
    workers: i64,
) -> Result<Vec<(usize, f64)>> {
    if query.len() != 1 {
        return Err(Error::invalid(
            "query",
            format!("must be one string, got {}", query.len()),
        ));
    }
    if choices.is_empty() {
        return Ok(Vec::new());
    }
    let k = limit.unwrap_or(choices.len()).min(choices.len());
    if k == 0 {
        return Err(Error::invalid(
            "limit",
            "must be at least 1 (or None for all)",
        ));
    }
    let rows = best(query, choices, k, metric, process, score_cutoff, workers)?;
    Ok(rows
        .into_iter()
        .flatten()
        .map(|c| (c.idx as usize, c.score))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_length_window_admits_exactly_what_the_bound_does() {
        let scorers = [
            Scorer::Ratio,
            Scorer::Levenshtein,
            Scorer::JaroWinkler,
            Scorer::WRatio,
        ];
        for sc in scorers {
            for qlen in [0, 1, 2, 3, 7, 40, 150] {
                let q: String = "ab".repeat(qlen).chars().take(qlen).collect();
                for bar in [
                    0.5, 30.0, 79.9, 80.0, 90.0, 90.5, 95.0, 95.5, 99.0, 100.0, 100.5,
                ] {
                    let metric = Metric::Builtin(sc);
                    let ex = Extraction::new(&q, 10, Some(1), &metric, false, Some(bar)).unwrap();
                    for len in 0..700 {
                        assert_eq!(
                            ex.may_enter(len),
                            ex.reaches(len, bar),
                            "{sc:?} {qlen} {bar} {len}"
                        );
                    }
                }
            }
        }
    }

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn cdist_and_top_k_agree_with_pairwise_scores() {
        let q = strs(&["the minister said no", "talks resume in geneva", ""]);
        let c = strs(&[
            "talks will resume in Geneva",
            "the minister did not say",
            "no",
            "minister said no the",
        ]);
        for sc in Scorer::ALL {
            let m = Metric::Builtin(sc);
            let d = cdist(&q, &c, &m, true, None, 2).unwrap();
            for (i, a) in q.iter().enumerate() {
                for (j, b) in c.iter().enumerate() {
                    let want = super::super::score(sc, a, b, true, None) as f32;
                    assert!((d[i * c.len() + j] - want).abs() < 1e-4, "{sc:?} {a} {b}");
                }
            }
            let t = top_k(&q, &c, 2, &m, true, None, -1).unwrap();
            assert_eq!(t.query, vec![0, 0, 1, 1, 2, 2]);
            for w in 0..t.query.len() {
                let (i, j) = (t.query[w] as usize, t.choice[w] as usize);
                assert_eq!(t.score[w], d[i * c.len() + j]);
            }
        }
    }

    #[test]
    fn code_points_are_checked() {
        let mut t = Texts::new();
        assert!(t.push_code_points(&[0x61, 0xE9, 0x2713, 0x1D11E, 0xD7FF, 0xE000, 0x10FFFF]));
        assert_eq!(
            t.get(0),
            &['a', 'é', '✓', '𝄞', '\u{D7FF}', '\u{E000}', '\u{10FFFF}']
        );
        for bad in [0xD800, 0xDFFF, 0x110000, u32::MAX] {
            assert!(!t.push_code_points(&[0x61, bad]));
        }
        assert_eq!(t.len(), 1);
        t.push_str("xy");
        assert_eq!((t.get(1), t.total_chars()), (&['x', 'y'][..], 9));
    }

    #[test]
    fn bad_arguments_are_errors() {
        let m = Metric::Builtin(Scorer::Ratio);
        let q = strs(&["a"]);
        assert!(top_k(&q, &q, 0, &m, false, None, 1).is_err());
        assert!(cdist(&q, &q, &m, false, None, -2).is_err());
        assert!(cdist(&q, &q, &m, false, Some(f64::NAN), 1).is_err());
    }

    #[test]
    fn huge_k_is_capped_before_anything_is_reserved() {
        let m = Metric::Builtin(Scorer::Ratio);
        let c = strs(&["a", "b"]);
        for k in [1usize << 31, 1 << 62, usize::MAX] {
            let t = top_k(&strs(&["a"]), &c, k, &m, false, None, 1).unwrap();
            assert_eq!(t.choice, vec![0, 1]);
        }
        assert_eq!(
            top_k(&strs(&["a"]), &[], 5, &m, false, None, 1)
                .unwrap()
                .query
                .len(),
            0
        );
    }

    #[test]
    fn scores_equal_to_the_cutoff_are_kept() {
        let q = strs(&["troops deployed"]);
        let c = strs(&["troops deployed."]);
        let m = Metric::Builtin(Scorer::PartialRatio);
        assert_eq!(
            cdist(&q, &c, &m, false, Some(100.0), 1).unwrap(),
            vec![100.0]
        );
        assert_eq!(
            top_k(&q, &c, 1, &m, false, Some(100.0), 1).unwrap().score,
            vec![100.0]
        );
        let e = extract("troops deployed", &c, None, &m, false, Some(100.0), 1).unwrap();
        assert_eq!(e, vec![(0, 100.0)]);
    }
}
