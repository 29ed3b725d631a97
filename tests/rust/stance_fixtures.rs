//! The labelled statement pairs in tests/data/stance_pairs*.jsonl (shared with pytest) against
//! the core's stance: per-class accuracy floors on the pairs the rules were tuned on and on the
//! held-out pairs.

use quotelens::compare::{compare, Relation};
use quotelens::sim::StatementScorer;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn accuracy(file: &str) -> HashMap<String, f64> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let scorer = StatementScorer::new();
    let mut n: HashMap<String, usize> = HashMap::new();
    let mut ok: HashMap<String, usize> = HashMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).unwrap();
        let label = v["label"].as_str().unwrap().to_string();
        let got = compare(&scorer, v["a"].as_str().unwrap(), v["b"].as_str().unwrap()).relation;
        *n.entry(label.clone()).or_default() += 1;
        *ok.entry(label.clone()).or_default() += (got.as_str() == label) as usize;
    }
    n.into_iter()
        .map(|(k, c)| (k.clone(), ok[&k] as f64 / c as f64))
        .collect()
}

#[test]
fn tuned_pairs_meet_the_floors() {
    let acc = accuracy("stance_pairs.jsonl");
    assert!(acc["agree"] >= 0.9, "{acc:?}");
    assert!(acc["deny"] >= 0.93, "{acc:?}");
    assert!(acc["unrelated"] >= 0.85, "{acc:?}");
}

#[test]
fn held_out_pairs_meet_the_floors() {
    let acc = accuracy("stance_pairs_heldout.jsonl");
    assert!(acc["agree"] >= 0.9, "{acc:?}");
    assert!(acc["deny"] >= 0.9, "{acc:?}");
    assert!(acc["unrelated"] >= 0.75, "{acc:?}");
}

#[test]
fn relation_names() {
    assert_eq!(Relation::Deny.as_str(), "deny");
}
