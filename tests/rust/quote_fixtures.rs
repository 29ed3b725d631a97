//! The annotated quote fixtures in tests/data/quotes.json (shared with pytest) against the core.

use quotelens::text::CharSlicer;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> Value {
    let s = std::fs::read_to_string(root().join("tests/data/quotes.json")).expect("fixtures");
    serde_json::from_str(&s).expect("valid JSON")
}

fn expected(v: &Value) -> Vec<(String, String)> {
    v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn found(text: &str) -> Vec<(String, String)> {
    let sl = CharSlicer::new(text);
    quotelens::extract_quotes(text)
        .unwrap()
        .into_iter()
        .map(|q| {
            assert_eq!(sl.slice(q.start, q.end), q.text, "span must slice back");
            (q.text, q.kind.as_str().to_string())
        })
        .collect()
}

#[test]
fn annotated_cases() {
    let f = fixtures();
    let mut failures = Vec::new();
    for c in f["cases"].as_array().unwrap() {
        let got = found(c["text"].as_str().unwrap());
        if got != expected(c) {
            failures.push(format!("{}: got {:?}", c["id"], got));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn seed_articles() {
    let f = fixtures();
    for s in f["seeds"].as_array().unwrap() {
        let file = s["file"].as_str().unwrap();
        let text = std::fs::read_to_string(root().join("seeds").join(file)).unwrap();
        assert_eq!(found(&text), expected(s), "{file}");
    }
}
