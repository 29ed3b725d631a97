//! Similarity: RapidFuzz-compatible scorers ([`fuzz`]), Unicode preprocessing ([`process`]),
//! parallel batches ([`batch`]: cdist, top-k, extract), a calibrated statement scorer
//! ([`statement`], weights in [`model`]) and fast approximate quote location ([`locate`]).

pub mod batch;
pub mod distance;
pub mod fuzz;
pub mod locate;
pub mod model;
pub mod process;
pub mod statement;

/// Deterministic test input: the one generator the sim tests draw strings from.
#[cfg(test)]
pub(crate) mod testing {
    /// `n` characters of `alphabet` drawn by a linear congruential generator from state `x`.
    pub fn random_chars(x: &mut u64, alphabet: &[char], n: usize) -> Vec<char> {
        (0..n)
            .map(|_| {
                *x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                alphabet[(*x >> 33) as usize % alphabet.len()]
            })
            .collect()
    }
}

pub use batch::{cdist, extract, score_pairs, top_k, Metric, TopK};
pub use locate::{locate, Alignment};
pub use process::default_process;
pub use statement::{PreparedStatement, StatementScorer, FEATURES};

use crate::error::{Error, Result};

/// The built-in string scorers, by their RapidFuzz names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scorer {
    Ratio,
    /// `ratio`, but 0 when either string is empty (RapidFuzz's `QRatio`).
    QRatio,
    PartialRatio,
    TokenSortRatio,
    TokenSetRatio,
    TokenRatio,
    WRatio,
    JaroWinkler,
    Levenshtein,
    Jaccard,
}

impl Scorer {
    /// Every built-in scorer.
    pub const ALL: [Scorer; 10] = [
        Scorer::Ratio,
        Scorer::QRatio,
        Scorer::PartialRatio,
        Scorer::TokenSortRatio,
        Scorer::TokenSetRatio,
        Scorer::TokenRatio,
        Scorer::WRatio,
        Scorer::JaroWinkler,
        Scorer::Levenshtein,
        Scorer::Jaccard,
    ];

    /// The RapidFuzz name of the scorer (`"ratio"`, `"WRatio"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Scorer::Ratio => "ratio",
            Scorer::QRatio => "QRatio",
            Scorer::PartialRatio => "partial_ratio",
            Scorer::TokenSortRatio => "token_sort_ratio",
            Scorer::TokenSetRatio => "token_set_ratio",
            Scorer::TokenRatio => "token_ratio",
            Scorer::WRatio => "WRatio",
            Scorer::JaroWinkler => "jaro_winkler",
            Scorer::Levenshtein => "levenshtein",
            Scorer::Jaccard => "jaccard",
        }
    }

    /// The scorer called `name` (`"ratio"`, `"WRatio"`, …).
    pub fn from_name(name: &str) -> Result<Self> {
        Scorer::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| Error::invalid("scorer", format!("unknown scorer {name:?}")))
    }

    /// Score two (already processed) strings, 0–100, 0 when below `cutoff`.
    pub fn score(self, s1: &[char], s2: &[char], cutoff: f64) -> f64 {
        match self {
            Scorer::Ratio => fuzz::ratio(s1, s2, cutoff),
            Scorer::QRatio if s1.is_empty() || s2.is_empty() => 0.0,
            Scorer::QRatio => fuzz::ratio(s1, s2, cutoff),
            Scorer::PartialRatio => fuzz::partial_ratio(s1, s2, cutoff),
            Scorer::TokenSortRatio => fuzz::token_sort_ratio(s1, s2, cutoff),
            Scorer::TokenSetRatio => fuzz::token_set_ratio(s1, s2, cutoff),
            Scorer::TokenRatio => fuzz::token_ratio(s1, s2, cutoff),
            Scorer::WRatio => fuzz::wratio(s1, s2, cutoff),
            Scorer::JaroWinkler => fuzz::jaro_winkler(s1, s2, cutoff),
            Scorer::Levenshtein => fuzz::levenshtein(s1, s2, cutoff),
            Scorer::Jaccard => fuzz::jaccard(s1, s2, cutoff),
        }
    }
}

/// Score two strings with `scorer`, optionally through [`default_process`].
pub fn score(scorer: Scorer, s1: &str, s2: &str, process: bool, cutoff: Option<f64>) -> f64 {
    let prep = |s: &str| -> Vec<char> {
        if process {
            default_process(s, false).chars().collect()
        } else {
            s.chars().collect()
        }
    };
    scorer.score(&prep(s1), &prep(s2), cutoff.unwrap_or(0.0))
}
