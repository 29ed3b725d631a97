//! The inputs kept in fuzz/seeds/ (among them every input cargo fuzz found crashing), checked
//! with the fuzz targets' properties on every `cargo test`, so a fixed crash stays fixed.

use std::path::Path;

fn seeds(target: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    out.sort();
    assert!(!out.is_empty());
    out
}

#[test]
fn normalize_seeds_are_idempotent() {
    for s in seeds("normalize") {
        let once = quotelens::normalize(&s).unwrap();
        assert_eq!(quotelens::normalize(&once).unwrap(), once, "{s:?}");
    }
}

#[test]
fn article_seeds_have_consistent_spans() {
    for s in seeds("article") {
        let chars: Vec<char> = s.chars().collect();
        let a = quotelens::analyze(&s, quotelens::Meta::default(), &[]).unwrap();
        for w in a.sentences.windows(2) {
            assert!(w[0].end <= w[1].start, "{s:.40?}");
        }
        for q in &a.quotes {
            assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        }
    }
}
