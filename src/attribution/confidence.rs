//! Calibrated confidence: how often an attribution of each pattern and speaker-mention class
//! had the right speaker on annotated news (PolNeAR train, counted by
//! `benchmarks/fit_confidence.py`). The table holds counts only, no text.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("confidence.tsv");

/// Prior weight of the smoothing: a cell with few examples stays near the overall rate.
const PRIOR: f64 = 10.0;

fn table() -> &'static HashMap<(String, String), f64> {
    static T: OnceLock<HashMap<(String, String), f64>> = OnceLock::new();
    T.get_or_init(|| {
        let rows: Vec<(String, String, f64, f64)> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut it = l.split('\t');
                let pattern = it.next()?.to_string();
                let class = it.next()?.to_string();
                let right: f64 = it.next()?.trim().parse().ok()?;
                let total: f64 = it.next()?.trim().parse().ok()?;
                Some((pattern, class, right, total))
            })
            .collect();
        let (r, t) = rows
            .iter()
            .fold((0.0, 0.0), |(r, t), row| (r + row.2, t + row.3));
        let base = if t > 0.0 { r / t } else { 0.5 };
        rows.into_iter()
            .map(|(p, c, right, total)| ((p, c), (right + PRIOR * base) / (total + PRIOR)))
            .collect()
    })
}

/// The share of right speakers for a pattern and mention class, smoothed toward the overall
/// rate; `None` for a combination the table has not seen.
pub fn calibrated(pattern: &str, class: &str) -> Option<f64> {
    // The table scores the mention; a pronoun is right only if its antecedent is too.
    let resolution = if class == "pronoun" {
        super::params::PRONOUN_RESOLUTION_RATE
    } else {
        1.0
    };
    table()
        .get(&(pattern.to_string(), class.to_string()))
        .map(|p| p * resolution)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_is_a_probability() {
        assert!(!table().is_empty());
        for v in table().values() {
            assert!((0.0..=1.0).contains(v));
        }
        assert!(calibrated("no-such-pattern", "name").is_none());
    }
}
