//! Sub-quadratic candidate search: MinHash signatures over word or character shingles, and an
//! LSH index (bands × rows chosen from a target Jaccard threshold) that yields candidate pairs
//! without comparing all pairs. Candidates are meant to be re-scored with an exact scorer.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What a text is cut into before hashing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shingle {
    /// Word n-grams of the words of [`crate::sim::default_process`] (NFKC, case-folded
    /// alphanumerics), the text the scorers compare.
    Word(usize),
    /// Character n-grams of those words joined by one space.
    Char(usize),
}

/// Parameters of a MinHash LSH index.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LshParams {
    pub threshold: f64,
    pub num_perm: usize,
    pub bands: usize,
    pub rows: usize,
    pub shingle: Shingle,
    pub seed: u64,
}

#[inline]
fn mix64(mut z: u64) -> u64 {
    // splitmix64 finalizer: a fast, well-distributed 64-bit mixer.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a over bytes, then mixed: the base hash of one shingle.
#[inline]
fn hash_bytes(b: &[u8], seed: u64) -> u64 {
    mix64(crate::hash::fnv1a(b, seed))
}

/// Base hashes of the shingles of `text` (deduplicated).
pub fn shingle_hashes(text: &str, shingle: Shingle, seed: u64) -> Vec<u64> {
    let c = crate::sim::default_process(text, false);
    let mut out = Vec::new();
    match shingle {
        Shingle::Word(n) => {
            let words: Vec<&str> = c.split(' ').filter(|w| !w.is_empty()).collect();
            if words.is_empty() {
                return out;
            }
            let n = n.max(1).min(words.len());
            for w in words.windows(n) {
                let mut h = seed;
                for x in w {
                    h = mix64(h ^ hash_bytes(x.as_bytes(), seed));
                }
                out.push(h);
            }
        }
        Shingle::Char(n) => {
            let idx: Vec<usize> = c.char_indices().map(|(i, _)| i).chain([c.len()]).collect();
            let chars = idx.len() - 1;
            if chars == 0 {
                return out;
            }
            let n = n.max(1).min(chars);
            for k in 0..=(chars - n) {
                out.push(hash_bytes(&c.as_bytes()[idx[k]..idx[k + n]], seed));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of `text`: for each of `num_perm` hash functions, the minimum over
/// shingles. 32-bit minima (as datasketch keeps) halve memory at millions of texts; two distinct
/// minima collide with probability 2^-32. An empty text gets an all-`u32::MAX` signature.
pub fn signature(text: &str, p: &LshParams) -> Vec<u32> {
    let hashes = shingle_hashes(text, p.shingle, p.seed);
    let mut sig = vec![u32::MAX; p.num_perm];
    for &h in &hashes {
        for (i, s) in sig.iter_mut().enumerate() {
            let v = (mix64(h ^ PERM_SEEDS[i % PERM_SEEDS.len()].wrapping_mul(i as u64 + 1)) >> 32)
                as u32;
            if v < *s {
                *s = v;
            }
        }
    }
    sig
}

/// Per-permutation seeds (odd constants); permutation i uses seed[i % 16] * (i + 1).
const PERM_SEEDS: [u64; 16] = [
    0x9e37_79b9_7f4a_7c15,
    0xc2b2_ae3d_27d4_eb4f,
    0x1656_67b1_9e37_79f9,
    0x85eb_ca77_c2b2_ae63,
    0x27d4_eb2f_1656_67c5,
    0xff51_afd7_ed55_8ccd,
    0xc4ce_b9fe_1a85_ec53,
    0x8cb9_2ba7_2f3d_8dd7,
    0x5851_f42d_4c95_7f2d,
    0x1405_7b7e_f767_814f,
    0x2545_f491_4f6c_dd1d,
    0x9e6c_63d0_676a_9a99,
    0xd6e8_feb8_6659_fd93,
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
];

/// Probability that two texts of Jaccard similarity `s` share at least one band.
pub fn collision_probability(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

/// Probability with which a pair exactly at the threshold must become a candidate. Pairs above
/// it collide more often, so recall over all pairs above the threshold is at least this.
pub const RECALL_AT_THRESHOLD: f64 = 0.95;

/// Bands and rows (bands × rows ≤ num_perm): among the choices under which a pair at
/// `threshold` collides with probability ≥ `recall`, the one with the fewest expected false
/// positives below the threshold (candidates are re-scored exactly, so a missed pair costs more
/// than an extra candidate). Falls back to the highest collision probability.
pub fn optimal_bands(threshold: f64, num_perm: usize, recall: f64) -> (usize, usize) {
    let n = 200;
    let h = threshold / n as f64;
    let fp = |b: usize, r: usize| {
        (0..n)
            .map(|i| collision_probability((i as f64 + 0.5) * h, b, r) * h)
            .sum::<f64>()
    };
    let mut best: Option<(usize, usize, f64)> = None;
    let mut fallback = (num_perm.max(1), 1, 0.0);
    for b in 1..=num_perm {
        for r in 1..=num_perm / b {
            let p = collision_probability(threshold, b, r);
            if p > fallback.2 {
                fallback = (b, r, p);
            }
            if p >= recall {
                let f = fp(b, r);
                if best.is_none_or(|x| f < x.2) {
                    best = Some((b, r, f));
                }
            }
        }
    }
    best.map(|(b, r, _)| (b, r))
        .unwrap_or((fallback.0, fallback.1))
}

impl LshParams {
    /// Parameters for finding pairs with (estimated) Jaccard similarity ≥ `threshold`.
    /// False negatives cost more than false positives (candidates are re-scored exactly).
    pub fn new(threshold: f64, num_perm: usize, shingle: Shingle, seed: u64) -> Result<Self> {
        if !(threshold > 0.0 && threshold < 1.0) {
            return Err(Error::invalid(
                "threshold",
                format!("must be between 0 and 1 (exclusive), got {threshold}"),
            ));
        }
        if !(8..=1024).contains(&num_perm) {
            return Err(Error::invalid(
                "num_perm",
                format!("must be between 8 and 1024, got {num_perm}"),
            ));
        }
        let n = match shingle {
            Shingle::Word(n) | Shingle::Char(n) => n,
        };
        if n == 0 || n > 32 {
            return Err(Error::invalid(
                "n",
                format!("shingle size must be 1..=32, got {n}"),
            ));
        }
        let (bands, rows) = optimal_bands(threshold, num_perm, RECALL_AT_THRESHOLD);
        Ok(LshParams {
            threshold,
            num_perm,
            bands,
            rows,
            shingle,
            seed,
        })
    }

    /// Band keys of a signature: one 64-bit key per band, tagged with the band number so keys
    /// of different bands never collide (they can be used as a single shuffle key space).
    /// A text without shingles (empty, or only punctuation) has none: it is like nothing, and
    /// would otherwise be a candidate of every other such text.
    pub fn band_keys(&self, sig: &[u32]) -> Vec<u64> {
        if sig.iter().all(|&v| v == u32::MAX) {
            return Vec::new();
        }
        (0..self.bands)
            .map(|b| {
                let mut h = mix64(b as u64 ^ 0x5bd1_e995);
                for v in &sig[b * self.rows..(b + 1) * self.rows] {
                    h = mix64(h ^ *v as u64);
                }
                h
            })
            .collect()
    }
}

/// Estimated Jaccard similarity of two signatures.
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// The format of a saved [`MinHashIndex`]. 2: shingles are cut from
/// [`crate::sim::default_process`], the text the scorers compare (NFKC and case folding);
/// 1 (no `format` field) lower-cased text its own way, which differs for text that is not NFKC
/// (`ﬁ`, full-width letters, a combining accent), `ß`/`ẞ` and final `ς`.
pub const FORMAT_VERSION: u32 = 2;

fn format_before_versions() -> u32 {
    1
}

/// A MinHash LSH index over texts numbered in the order they were added.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MinHashIndex {
    /// [`FORMAT_VERSION`] when saved; an index saved without it is version 1.
    #[serde(default = "format_before_versions")]
    format: u32,
    pub params: LshParams,
    signatures: Vec<Vec<u32>>,
    #[serde(skip)]
    buckets: Vec<HashMap<u64, Vec<u32>>>,
}

impl MinHashIndex {
    pub fn new(params: LshParams) -> Self {
        MinHashIndex {
            format: FORMAT_VERSION,
            params,
            signatures: Vec::new(),
            buckets: vec![HashMap::new(); params.bands],
        }
    }

    /// Rebuild the buckets after deserialization (they are derived from the signatures).
    ///
    /// An index saved in another format is an [`Error::Format`]: its signatures were made with
    /// another text folding, so new texts would not find the old ones they equal, and the index
    /// keeps no texts to make them again. The message gives the parameters to rebuild it with.
    pub fn rebuild(&mut self) -> Result<()> {
        if self.format != FORMAT_VERSION {
            let p = &self.params;
            let (shingle, n) = match p.shingle {
                Shingle::Word(n) => ("word", n),
                Shingle::Char(n) => ("char", n),
            };
            return Err(Error::Format(format!(
                "this MinHashIndex was saved in index format {} and this quotelens reads format \
                 {FORMAT_VERSION}: its {} signatures were made with another text folding and \
                 the index does not keep its texts, so it cannot be converted; build it again \
                 from the texts with MinHashIndex(threshold={}, num_perm={}, shingle='{shingle}', \
                 n={n}, seed={}).add(texts)",
                self.format,
                self.signatures.len(),
                p.threshold,
                p.num_perm,
                p.seed
            )));
        }
        let sigs = std::mem::take(&mut self.signatures);
        self.buckets = vec![HashMap::new(); self.params.bands];
        self.insert_signatures(sigs);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }

    /// Signatures of `texts`, computed in parallel on the current rayon pool.
    pub fn signatures_of(&self, texts: &[String]) -> Vec<Vec<u32>> {
        texts
            .par_iter()
            .map(|t| signature(t, &self.params))
            .collect()
    }

    fn insert_signatures(&mut self, sigs: Vec<Vec<u32>>) {
        for sig in sigs {
            let id = self.signatures.len() as u32;
            for (b, key) in self.params.band_keys(&sig).into_iter().enumerate() {
                self.buckets[b].entry(key).or_default().push(id);
            }
            self.signatures.push(sig);
        }
    }

    /// Add texts; returns the id of the first (ids are consecutive).
    pub fn add(&mut self, texts: &[String]) -> Result<usize> {
        let first = self.signatures.len();
        let sigs = self.signatures_of(texts);
        self.add_signatures(sigs)?;
        Ok(first)
    }

    /// Add precomputed signatures (from [`MinHashIndex::signatures_of`] of this index).
    pub fn add_signatures(&mut self, sigs: Vec<Vec<u32>>) -> Result<()> {
        if self.signatures.len() + sigs.len() > u32::MAX as usize {
            return Err(Error::TooLarge {
                arg: "texts",
                message: "an index holds at most 4,294,967,295 texts".into(),
            });
        }
        if sigs.iter().any(|s| s.len() != self.params.num_perm) {
            return Err(Error::invalid("signatures", "length differs from num_perm"));
        }
        self.insert_signatures(sigs);
        Ok(())
    }

    /// Ids of indexed texts sharing at least one band with `text`, with estimated Jaccard.
    pub fn query(&self, text: &str) -> Vec<(u32, f64)> {
        let sig = signature(text, &self.params);
        let mut ids: Vec<u32> = Vec::new();
        for (b, key) in self.params.band_keys(&sig).into_iter().enumerate() {
            if let Some(v) = self.buckets[b].get(&key) {
                ids.extend_from_slice(v);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|i| (i, estimate(&sig, &self.signatures[i as usize])))
            .collect()
    }

    /// All pairs (i < j) of indexed texts that share a band, each once, sorted.
    /// `groups`, when given, assigns each text a group; pairs inside one group are left out
    /// (e.g. two quotes of the same article).
    ///
    /// Bands are merged into the result one at a time, so memory holds the distinct pairs
    /// and one band's, not every band's copy of each pair (8,000 identical texts needed
    /// `bands` × 32 M pairs and aborted under 4 GB). Allocation failure is an error.
    pub fn candidate_pairs(&self, groups: Option<&[u32]>) -> Result<Vec<(u32, u32)>> {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for band in &self.buckets {
            let n: usize = band
                .values()
                .map(|ids| ids.len() * ids.len().saturating_sub(1) / 2)
                .sum();
            if n == 0 {
                continue;
            }
            let mut local: Vec<(u32, u32)> = crate::error::try_vec(n, "candidate_pairs")?;
            for ids in band.values() {
                for (k, &i) in ids.iter().enumerate() {
                    for &j in &ids[k + 1..] {
                        let (a, b) = if i < j { (i, j) } else { (j, i) };
                        if a != b && groups.is_none_or(|g| g[a as usize] != g[b as usize]) {
                            local.push((a, b));
                        }
                    }
                }
            }
            local.par_sort_unstable();
            local.dedup();
            pairs = merge_unique(pairs, local)?;
        }
        Ok(pairs)
    }

    /// Estimated Jaccard similarity of two indexed texts.
    pub fn similarity(&self, i: usize, j: usize) -> Option<f64> {
        Some(estimate(self.signatures.get(i)?, self.signatures.get(j)?))
    }

    pub fn signature(&self, i: usize) -> Option<&[u32]> {
        self.signatures.get(i).map(|s| s.as_slice())
    }
}

/// The sorted union of two sorted, duplicate-free lists.
fn merge_unique(a: Vec<(u32, u32)>, b: Vec<(u32, u32)>) -> Result<Vec<(u32, u32)>> {
    if a.is_empty() {
        return Ok(b);
    }
    let mut out = crate::error::try_vec(a.len() + b.len(), "candidate_pairs")?;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(t: f64) -> LshParams {
        LshParams::new(t, 128, Shingle::Word(1), 1).unwrap()
    }

    #[test]
    fn texts_without_shingles_are_nobody_s_candidates() {
        let mut index = MinHashIndex::new(params(0.5));
        let texts: Vec<String> = ["", " ", "...", "", "a b c", "a b c"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        index.add(&texts).unwrap();
        assert_eq!(index.candidate_pairs(None).unwrap(), vec![(4, 5)]);
        assert!(index.query("").is_empty());
        assert!(index
            .params
            .band_keys(&signature("", &index.params))
            .is_empty());
    }

    #[test]
    fn identical_texts_have_identical_signatures() {
        let p = params(0.5);
        assert_eq!(
            signature("We DENIED it, again!", &p),
            signature("we denied  it again", &p)
        );
        assert_ne!(signature("a b c", &p), signature("x y z", &p));
    }

    #[test]
    fn estimate_tracks_jaccard() {
        let p = LshParams::new(0.5, 256, Shingle::Word(1), 7).unwrap();
        let a = "one two three four five six seven eight nine ten";
        let b = "one two three four five six seven eight eleven twelve"; // J = 8/12
        let e = estimate(&signature(a, &p), &signature(b, &p));
        assert!((e - 8.0 / 12.0).abs() < 0.12, "{e}");
    }

    #[test]
    fn bands_follow_threshold() {
        let (b_lo, r_lo) = optimal_bands(0.3, 128, 0.95);
        let (b_hi, r_hi) = optimal_bands(0.8, 128, 0.95);
        assert!(b_lo * r_lo <= 128 && b_hi * r_hi <= 128);
        assert!(r_hi > r_lo, "higher threshold needs more rows per band");
        assert!(collision_probability(0.8, b_hi, r_hi) >= 0.95);
        assert!(collision_probability(0.3, b_lo, r_lo) >= 0.95);
        assert!(collision_probability(0.3, b_hi, r_hi) < 0.05);
    }

    #[test]
    fn finds_near_duplicates_not_strangers() {
        let mut idx = MinHashIndex::new(params(0.5));
        let texts: Vec<String> = vec![
            "we do not seek confrontation in the region with anyone".into(),
            "the weather in tokyo was mild and sunny on tuesday morning".into(),
            "we do not seek confrontation in the region, the secretary said".into(),
            "".into(),
        ];
        idx.add(&texts).unwrap();
        assert_eq!(idx.candidate_pairs(None).unwrap(), vec![(0, 2)]);
        assert!(idx.candidate_pairs(Some(&[0, 1, 0, 2])).unwrap().is_empty());
        let q = idx.query("we do not seek any confrontation in the region");
        assert!(q.iter().any(|(i, s)| *i == 0 && *s > 0.5));
        assert!(!q.iter().any(|(i, _)| *i == 1));
    }

    #[test]
    fn char_shingles_and_round_trip() {
        let p = LshParams::new(0.6, 64, Shingle::Char(4), 3).unwrap();
        let mut idx = MinHashIndex::new(p);
        idx.add(&["institutionalized".into(), "institutionalised".into()])
            .unwrap();
        let json = serde_json::to_string(&idx).unwrap();
        let mut back: MinHashIndex = serde_json::from_str(&json).unwrap();
        back.rebuild().unwrap();
        assert_eq!(
            back.candidate_pairs(None).unwrap(),
            idx.candidate_pairs(None).unwrap()
        );
    }

    #[test]
    fn identical_texts_give_each_pair_once() {
        let mut idx = MinHashIndex::new(params(0.5));
        let texts: Vec<String> = (0..300).map(|_| "the same words again".into()).collect();
        idx.add(&texts).unwrap();
        let pairs = idx.candidate_pairs(None).unwrap();
        assert_eq!(pairs.len(), 300 * 299 / 2);
        assert!(pairs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            merge_unique(vec![(0, 1), (0, 3)], vec![(0, 1), (0, 2), (1, 2)]).unwrap(),
            vec![(0, 1), (0, 2), (0, 3), (1, 2)]
        );
    }

    #[test]
    fn shingles_use_the_scorers_folding() {
        let p = params(0.5);
        // Case folding as the scorers fold: "Straße" is "STRASSE", final sigma is sigma; NFKC.
        assert_eq!(signature("Straße", &p), signature("STRASSE", &p));
        assert_eq!(signature("ΟΔΟΣ", &p), signature("οδος", &p));
        assert_eq!(
            signature("ﬁne ＡＢＣ e\u{301}tat", &p),
            signature("fine abc état", &p)
        );
        assert_eq!(
            shingle_hashes("Don’t — stop!", Shingle::Char(3), 1),
            shingle_hashes("don t stop", Shingle::Char(3), 1)
        );
    }

    #[test]
    fn an_index_of_another_format_asks_to_be_rebuilt() {
        let mut idx = MinHashIndex::new(params(0.5));
        idx.add(&["a b c".into()]).unwrap();
        let json = serde_json::to_string(&idx).unwrap();
        assert!(json.starts_with(&format!("{{\"format\":{FORMAT_VERSION},")));
        let old = json.replacen(&format!("\"format\":{FORMAT_VERSION},"), "", 1);
        let mut back: MinHashIndex = serde_json::from_str(&old).unwrap();
        let err = back.rebuild().unwrap_err().to_string();
        assert!(err.contains("index format 1"), "{err}");
        assert!(
            err.contains("MinHashIndex(threshold=0.5, num_perm=128, shingle='word', n=1, seed=1)"),
            "{err}"
        );
    }

    #[test]
    fn bad_params() {
        assert!(LshParams::new(1.0, 128, Shingle::Word(1), 0).is_err());
        assert!(LshParams::new(0.5, 4, Shingle::Word(1), 0).is_err());
        assert!(LshParams::new(0.5, 128, Shingle::Char(0), 0).is_err());
    }
}
