//! One side's statements against another's: for each attributed statement of side A, the `k`
//! closest statements of side B, with the relation of the two texts and each one's stance.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::claims::{is_denying, ClaimStatement};
use super::matching::builtin_scorer;
use super::stance::{compare_prepared, Relation};
use super::statements::wording_key;
use crate::error::{Error, Result};
use crate::sim::{top_k, Metric, StatementScorer};

/// One statement of side A and one of the closest of side B.
#[derive(Debug, Clone, PartialEq)]
pub struct SidePair {
    /// Indices into the statements given to [`compare_sides`].
    pub a: usize,
    pub b: usize,
    /// The statement score (0–100) under a scorer fitted on every attributed statement, as
    /// `f32` like `top_k`'s scores.
    pub score: f32,
    pub relation: Relation,
    pub denying_a: bool,
    pub denying_b: bool,
}

impl SidePair {
    /// One denies the other, or one is reported as a denial and the other not.
    pub fn opposite(&self) -> bool {
        self.relation == Relation::Deny || self.denying_a != self.denying_b
    }
}

/// The first statement of each distinct wording (by [`wording_key`]) among `idx`, in order.
fn distinct(st: &[ClaimStatement], idx: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut seen = HashSet::new();
    idx.filter(|&i| seen.insert(wording_key(&st[i].text)))
        .collect()
}

/// For each distinct wording of side `side_a` among the attributed statements of `st` (those
/// with a speaker), the `k` closest distinct wordings of `side_b` (the statement scorer fitted
/// on every attributed statement's text; ties: earlier statement first), side A's statements
/// in order. Errors name `side_a` or `side_b` when no attributed statement has that side, or
/// `k` when it is 0.
pub fn compare_sides(
    st: &[ClaimStatement],
    side_a: &str,
    side_b: &str,
    k: usize,
    workers: i64,
) -> Result<Vec<SidePair>> {
    if k == 0 {
        return Err(Error::invalid("k", "expected at least 1, got 0"));
    }
    let attributed: Vec<usize> = (0..st.len()).filter(|&i| st[i].speaker.is_some()).collect();
    let known: BTreeSet<&str> = attributed
        .iter()
        .filter_map(|&i| st[i].side.as_deref())
        .collect();
    for (arg, side) in [("side_a", side_a), ("side_b", side_b)] {
        if !known.contains(side) {
            return Err(Error::invalid(
                arg,
                format!("no statements from side {side:?}; sides: {known:?}"),
            ));
        }
    }
    let of_side = |side: &str| {
        distinct(
            st,
            attributed
                .iter()
                .copied()
                .filter(|&i| st[i].side.as_deref() == Some(side)),
        )
    };
    let (a, b) = (of_side(side_a), of_side(side_b));
    let fit: Vec<&str> = attributed.iter().map(|&i| st[i].text.as_str()).collect();
    let scorer = Metric::Statement(Arc::new(StatementScorer::fit(&fit)));
    let texts =
        |idx: &[usize]| -> Vec<String> { idx.iter().map(|&i| st[i].text.clone()).collect() };
    let best = top_k(
        &texts(&a),
        &texts(&b),
        k.min(b.len()),
        &scorer,
        false,
        None,
        workers,
    )?;
    let sc = builtin_scorer();
    let denying: Vec<bool> = st
        .par_iter()
        .map(|s| is_denying(&s.text, s.cue_category.as_deref()))
        .collect();
    let pairs: Vec<(usize, usize, f32)> = best
        .query
        .iter()
        .zip(&best.choice)
        .zip(&best.score)
        .map(|((&q, &c), &s)| (a[q as usize], b[c as usize], s))
        .collect();
    Ok(pairs
        .par_iter()
        .map(|&(x, y, score)| SidePair {
            a: x,
            b: y,
            score,
            relation: compare_prepared(sc, &sc.prepare(&st[x].text), &sc.prepare(&st[y].text))
                .relation,
            denying_a: denying[x],
            denying_b: denying[y],
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(text: &str, speaker: Option<&str>, side: &str) -> ClaimStatement {
        ClaimStatement {
            article: 0,
            quote: Some(0),
            text: text.into(),
            sentence: text.into(),
            frame: text.into(),
            start: 0,
            end: text.chars().count(),
            kind: "direct",
            speaker: speaker.map(String::from),
            side: Some(side.into()),
            cue: Some("said".into()),
            cue_category: None,
        }
    }

    #[test]
    fn closest_statements_of_the_other_side_with_relation() {
        let s = vec![
            st(
                "We will build an Asian NATO to contain China",
                Some("Wang"),
                "China",
            ),
            st(
                "We will build an Asian NATO to contain China",
                Some("Wang"),
                "China",
            ),
            st("The weather in Beijing was fine", Some("Li"), "China"),
            st(
                "We have no plans to build an Asian NATO",
                Some("Austin"),
                "United States",
            ),
            st(
                "Trade talks resume next week",
                Some("Blinken"),
                "United States",
            ),
            st("Unattributed words on an Asian NATO", None, "United States"),
        ];
        let got = compare_sides(&s, "China", "United States", 1, 1).unwrap();
        // One row per distinct wording of side A; the closest of side B is the denial.
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].a, got[0].b), (0, 3));
        assert_eq!(got[0].relation, Relation::Deny);
        assert!(got[0].opposite() && got[0].denying_b && !got[0].denying_a);
        assert_eq!(got[1].a, 2);
        let two = compare_sides(&s, "China", "United States", 5, 1).unwrap();
        assert_eq!(two.len(), 4); // k is at most side B's two wordings
    }

    #[test]
    fn unknown_sides_and_k_are_named() {
        let s = vec![st("We agree on the plan", Some("Wang"), "China")];
        let e = compare_sides(&s, "Mars", "China", 1, 1).unwrap_err();
        assert!(e.to_string().contains("side_a"), "{e}");
        let e = compare_sides(&s, "China", "Mars", 1, 1).unwrap_err();
        assert!(e.to_string().contains("side_b"), "{e}");
        assert!(compare_sides(&s, "China", "China", 0, 1).is_err());
    }
}
