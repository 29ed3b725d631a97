//! Raw edit distances with RapidFuzz's `rapidfuzz.distance` semantics: `distance`,
//! `similarity`, `normalized_distance` and `normalized_similarity` of Levenshtein (with
//! weights), Indel, Hamming, OSA and Damerau-Levenshtein, each with its score cutoff.
//!
//! Kernels: the rapidfuzz crate's bit-parallel Levenshtein, Indel and OSA (Hyyrö's
//! algorithms, O(⌈m/64⌉·n)) and its Damerau-Levenshtein (Zhao's O(m·n)); Hamming is one
//! pass. strsim has OSA and Damerau-Levenshtein too, but `benches/distances.rs` measures
//! the crate faster at every length (ns per pair, strsim / crate, this 2-core machine:
//! OSA 346 / 78 on names, 40 µs / 2.2 µs on 150-character sentences; Damerau-Levenshtein
//! 1.7 / 0.41 µs on names, 261 / 62 µs on sentences, 11.4 / 3.1 ms on 1 kB), so strsim
//! is only the tests' reference.

use crate::error::{Error, Result};

/// What the kernels compare: a code point, or a byte of an ASCII string read in place
/// (the Python bindings pass an ASCII str's own buffer, with no copy into `char`s: Hamming
/// on two 1 kB texts took 497 ns through `char`s, most of it the copy, against 162 ns in
/// RapidFuzz).
pub trait Symbol: Copy + Eq + rapidfuzz::HashableChar {}
impl Symbol for char {}
impl Symbol for u8 {}

/// Costs of the three Levenshtein edits (RapidFuzz's `weights=(insertion, deletion,
/// substitution)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weights {
    pub insertion: usize,
    pub deletion: usize,
    pub substitution: usize,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            insertion: 1,
            deletion: 1,
            substitution: 1,
        }
    }
}

/// An edit distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distance {
    /// Insertions, deletions and substitutions, each at its weight.
    Levenshtein(Weights),
    /// Insertions and deletions only (`len1 + len2 - 2 * LCS`).
    Indel,
    /// Positions that differ; with `pad`, the shorter string counts as padded (each missing
    /// position differs), without it strings of different lengths are an error.
    Hamming { pad: bool },
    /// Optimal string alignment: Levenshtein plus the transposition of two adjacent
    /// characters, no substring edited twice.
    Osa,
    /// Levenshtein plus transpositions, unrestricted.
    DamerauLevenshtein,
}

impl Distance {
    /// The largest distance two strings of these lengths can have (RapidFuzz's `maximum`).
    pub fn maximum(self, len1: usize, len2: usize) -> usize {
        match self {
            Distance::Levenshtein(w) => {
                let mut max = len1 * w.deletion + len2 * w.insertion;
                if len1 >= len2 {
                    max = max.min(len2 * w.substitution + (len1 - len2) * w.deletion);
                } else {
                    max = max.min(len1 * w.substitution + (len2 - len1) * w.insertion);
                }
                max
            }
            Distance::Indel => len1 + len2,
            Distance::Hamming { .. } | Distance::Osa | Distance::DamerauLevenshtein => {
                len1.max(len2)
            }
        }
    }

    /// The distance of `s1` and `s2`, `None` when it exceeds `cutoff` (the kernels stop
    /// early when they can tell).
    pub fn bounded<T: Symbol>(
        self,
        s1: &[T],
        s2: &[T],
        cutoff: Option<usize>,
    ) -> Result<Option<usize>> {
        use rapidfuzz::distance::{damerau_levenshtein, indel, levenshtein, osa};
        let (a, b) = (s1.iter().copied(), s2.iter().copied());
        let within = |d: usize| cutoff.is_none_or(|c| d <= c).then_some(d);
        // The lengths alone bound every edit distance from below: the difference must be
        // inserted or deleted. Past the cutoff, no kernel runs.
        let (l1, l2) = (s1.len(), s2.len());
        let least = match self {
            Distance::Levenshtein(w) if l1 >= l2 => (l1 - l2).saturating_mul(w.deletion),
            Distance::Levenshtein(w) => (l2 - l1).saturating_mul(w.insertion),
            _ => l1.abs_diff(l2),
        };
        if cutoff.is_some_and(|c| least > c) && !matches!(self, Distance::Hamming { pad: false }) {
            return Ok(None);
        }
        Ok(match self {
            Distance::Levenshtein(w) => {
                let table = levenshtein::WeightTable {
                    insertion_cost: w.insertion,
                    deletion_cost: w.deletion,
                    substitution_cost: w.substitution,
                };
                let args = levenshtein::Args::default().weights(&table);
                match cutoff {
                    Some(c) => levenshtein::distance_with_args(a, b, &args.score_cutoff(c)),
                    None => Some(levenshtein::distance_with_args(a, b, &args)),
                }
            }
            Distance::Indel => match cutoff {
                Some(c) => indel::distance_with_args(a, b, &indel::Args::default().score_cutoff(c)),
                None => Some(indel::distance(a, b)),
            },
            Distance::Osa => match cutoff {
                Some(c) => osa::distance_with_args(a, b, &osa::Args::default().score_cutoff(c)),
                None => Some(osa::distance(a, b)),
            },
            Distance::DamerauLevenshtein => match cutoff {
                Some(c) => damerau_levenshtein::distance_with_args(
                    a,
                    b,
                    &damerau_levenshtein::Args::default().score_cutoff(c),
                ),
                None => Some(damerau_levenshtein::distance(a, b)),
            },
            Distance::Hamming { pad } => {
                if !pad && s1.len() != s2.len() {
                    return Err(Error::invalid(
                        "s2",
                        format!(
                            "Hamming without pad needs strings of one length, not {} and {}",
                            s1.len(),
                            s2.len()
                        ),
                    ));
                }
                let differ = s1.iter().zip(s2).filter(|(x, y)| x != y).count();
                within(differ + s1.len().abs_diff(s2.len()))
            }
        })
    }

    /// RapidFuzz's `distance`: the distance, or `cutoff + 1` when it exceeds `cutoff`.
    pub fn distance<T: Symbol>(self, s1: &[T], s2: &[T], cutoff: Option<usize>) -> Result<usize> {
        Ok(match self.bounded(s1, s2, cutoff)? {
            Some(d) => d,
            // `bounded` gives `None` only under a cutoff.
            None => cutoff.map_or(usize::MAX, |c| c.saturating_add(1)),
        })
    }

    /// RapidFuzz's `similarity`: `maximum - distance`, or 0 when below `cutoff`.
    pub fn similarity<T: Symbol>(self, s1: &[T], s2: &[T], cutoff: Option<usize>) -> Result<usize> {
        let max = self.maximum(s1.len(), s2.len());
        let c = cutoff.unwrap_or(0);
        if c > max {
            // Still checked: Hamming without pad rejects strings of different lengths.
            self.bounded(s1, s2, Some(0))?;
            return Ok(0);
        }
        Ok(match self.bounded(s1, s2, Some(max - c))? {
            Some(d) if max - d >= c => max - d,
            _ => 0,
        })
    }

    /// RapidFuzz's `normalized_distance`: `distance / maximum` in [0, 1] (0 when the maximum
    /// is 0), or 1 when above `cutoff` (in [0, 1]).
    pub fn normalized_distance<T: Symbol>(
        self,
        s1: &[T],
        s2: &[T],
        cutoff: Option<f64>,
    ) -> Result<f64> {
        let max = self.maximum(s1.len(), s2.len());
        let c = cutoff.unwrap_or(1.0);
        check_unit(c)?;
        let bound = (max as f64 * c).ceil() as usize;
        let norm = match self.bounded(s1, s2, Some(bound))? {
            Some(d) if max > 0 => d as f64 / max as f64,
            Some(_) => 0.0,
            None => 1.0,
        };
        Ok(if norm <= c { norm } else { 1.0 })
    }

    /// RapidFuzz's `normalized_similarity`: `1 - normalized_distance`, or 0 when below
    /// `cutoff` (in [0, 1]).
    pub fn normalized_similarity<T: Symbol>(
        self,
        s1: &[T],
        s2: &[T],
        cutoff: Option<f64>,
    ) -> Result<f64> {
        let c = cutoff.unwrap_or(0.0);
        check_unit(c)?;
        // RapidFuzz's conversion of the cutoff (a little slack, so a similarity equal to the
        // cutoff is not lost to rounding).
        let dist_cutoff = (1.0 - c + 1e-5).min(1.0);
        let sim = 1.0 - self.normalized_distance(s1, s2, Some(dist_cutoff))?;
        Ok(if sim >= c { sim } else { 0.0 })
    }
}

fn check_unit(c: f64) -> Result<()> {
    if (0.0..=1.0).contains(&c) {
        Ok(())
    } else {
        Err(Error::invalid(
            "score_cutoff",
            format!("a normalized score_cutoff must be in [0, 1], not {c}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn lev() -> Distance {
        Distance::Levenshtein(Weights::default())
    }

    #[test]
    fn textbook_distances() {
        let (a, b) = (c("kitten"), c("sitting"));
        assert_eq!(lev().distance(&a, &b, None).unwrap(), 3);
        assert_eq!(Distance::Indel.distance(&a, &b, None).unwrap(), 5);
        assert_eq!(
            Distance::Osa.distance(&c("ca"), &c("abc"), None).unwrap(),
            3
        );
        assert_eq!(
            Distance::DamerauLevenshtein
                .distance(&c("ca"), &c("abc"), None)
                .unwrap(),
            2
        );
        assert_eq!(
            Distance::Hamming { pad: true }
                .distance(&c("karolin"), &c("kathrin"), None)
                .unwrap(),
            3
        );
        assert_eq!(
            Distance::Hamming { pad: true }
                .distance(&c("abc"), &c("abcde"), None)
                .unwrap(),
            2
        );
        assert!(Distance::Hamming { pad: false }
            .distance(&c("abc"), &c("abcde"), None)
            .is_err());
    }

    #[test]
    fn weights_change_distance_and_maximum() {
        // Substitution at 2 is an insertion plus a deletion: Indel.
        let w = Distance::Levenshtein(Weights {
            insertion: 1,
            deletion: 1,
            substitution: 2,
        });
        let (a, b) = (c("kitten"), c("sitting"));
        assert_eq!(w.distance(&a, &b, None).unwrap(), 5);
        assert_eq!(w.maximum(6, 7), 13);
        assert_eq!(lev().maximum(6, 7), 7);
    }

    #[test]
    fn cutoffs_follow_rapidfuzz() {
        let (a, b) = (c("kitten"), c("sitting"));
        // Over the cutoff: cutoff + 1.
        assert_eq!(lev().distance(&a, &b, Some(2)).unwrap(), 3);
        assert_eq!(lev().distance(&a, &b, Some(1)).unwrap(), 2);
        assert_eq!(lev().distance(&a, &b, Some(3)).unwrap(), 3);
        assert_eq!(lev().similarity(&a, &b, None).unwrap(), 4);
        assert_eq!(lev().similarity(&a, &b, Some(4)).unwrap(), 4);
        assert_eq!(lev().similarity(&a, &b, Some(5)).unwrap(), 0);
        let nd = lev().normalized_distance(&a, &b, None).unwrap();
        assert!((nd - 3.0 / 7.0).abs() < 1e-12);
        assert_eq!(lev().normalized_distance(&a, &b, Some(0.4)).unwrap(), 1.0);
        let ns = lev().normalized_similarity(&a, &b, Some(0.5)).unwrap();
        assert!((ns - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(lev().normalized_similarity(&a, &b, Some(0.6)).unwrap(), 0.0);
        assert!(lev().normalized_similarity(&a, &b, Some(1.5)).is_err());
        // Two empty strings: distance 0, normalized distance 0, similarity 1.
        assert_eq!(
            lev().normalized_similarity::<char>(&[], &[], None).unwrap(),
            1.0
        );
    }

    /// A plain dynamic-programming table, the reference for the kernels.
    fn reference(d: Distance, a: &[char], b: &[char]) -> usize {
        let (n, m) = (a.len(), b.len());
        let (wi, wd, ws, transpose, unrestricted) = match d {
            Distance::Levenshtein(w) => (w.insertion, w.deletion, w.substitution, false, false),
            Distance::Indel => (1, 1, 2, false, false),
            Distance::Osa => (1, 1, 1, true, false),
            Distance::DamerauLevenshtein => (1, 1, 1, true, true),
            Distance::Hamming { .. } => unreachable!(),
        };
        if unrestricted {
            return strsim_free_damerau(a, b);
        }
        let mut t = vec![vec![0usize; m + 1]; n + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i * wd;
        }
        for (j, cell) in t[0].iter_mut().enumerate() {
            *cell = j * wi;
        }
        for i in 1..=n {
            for j in 1..=m {
                let sub = if a[i - 1] == b[j - 1] { 0 } else { ws };
                let mut v = (t[i - 1][j] + wd)
                    .min(t[i][j - 1] + wi)
                    .min(t[i - 1][j - 1] + sub);
                if transpose && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(t[i - 2][j - 2] + 1);
                }
                t[i][j] = v;
            }
        }
        t[n][m]
    }

    /// Unrestricted Damerau-Levenshtein by Lowrance-Wagner, written out (the reference for
    /// both kernels).
    fn strsim_free_damerau(a: &[char], b: &[char]) -> usize {
        use std::collections::HashMap;
        let (n, m) = (a.len(), b.len());
        let inf = n + m;
        let mut da: HashMap<char, usize> = HashMap::new();
        let mut d = vec![vec![0usize; m + 2]; n + 2];
        d[0][0] = inf;
        for i in 0..=n {
            d[i + 1][0] = inf;
            d[i + 1][1] = i;
        }
        for j in 0..=m {
            d[0][j + 1] = inf;
            d[1][j + 1] = j;
        }
        for i in 1..=n {
            let mut db = 0;
            for j in 1..=m {
                let i1 = *da.get(&b[j - 1]).unwrap_or(&0);
                let j1 = db;
                let cost = if a[i - 1] == b[j - 1] {
                    db = j;
                    0
                } else {
                    1
                };
                d[i + 1][j + 1] = (d[i][j] + cost)
                    .min(d[i + 1][j] + 1)
                    .min(d[i][j + 1] + 1)
                    .min(d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1));
            }
            da.insert(a[i - 1], i);
        }
        d[n + 1][m + 1]
    }

    #[test]
    fn kernels_agree_with_the_table() {
        let alphabet = c("abcab c");
        let mut x = 17u64;
        let mut draw = |n: usize| crate::sim::testing::random_chars(&mut x, &alphabet, n);
        let weights = [
            Weights::default(),
            Weights {
                insertion: 1,
                deletion: 1,
                substitution: 2,
            },
            Weights {
                insertion: 3,
                deletion: 2,
                substitution: 4,
            },
            Weights {
                insertion: 0,
                deletion: 1,
                substitution: 1,
            },
        ];
        for k in 0..300 {
            // Lengths past one machine word (64) reach the crate's block kernels.
            let (a, b) = (
                draw(k % 23 + k / 150 * 60),
                draw((k * 7) % 19 + k / 200 * 70),
            );
            let mut ds = vec![Distance::Indel, Distance::Osa, Distance::DamerauLevenshtein];
            ds.extend(weights.iter().map(|&w| Distance::Levenshtein(w)));
            for d in ds {
                let want = reference(d, &a, &b);
                assert_eq!(d.distance(&a, &b, None).unwrap(), want, "{d:?} {a:?} {b:?}");
                // An ASCII string read as its bytes gives what its code points give.
                let (ab, bb): (Vec<u8>, Vec<u8>) = (
                    a.iter().map(|&x| x as u8).collect(),
                    b.iter().map(|&x| x as u8).collect(),
                );
                assert_eq!(d.distance(&ab, &bb, None).unwrap(), want, "{d:?} bytes");
                assert_eq!(
                    d.normalized_similarity(&ab, &bb, Some(0.5)).unwrap(),
                    d.normalized_similarity(&a, &b, Some(0.5)).unwrap()
                );
                for cut in [0, want.saturating_sub(1), want, want + 1] {
                    let got = d.distance(&a, &b, Some(cut)).unwrap();
                    let exp = if want <= cut { want } else { cut + 1 };
                    assert_eq!(got, exp, "{d:?} cutoff {cut} {a:?} {b:?}");
                }
            }
            // strsim, the other implementation, agrees.
            let crate_d = rapidfuzz::distance::damerau_levenshtein::distance(
                a.iter().copied(),
                b.iter().copied(),
            );
            assert_eq!(crate_d, strsim::generic_damerau_levenshtein(&a, &b));
        }
    }
}
