//! strsim against the rapidfuzz crate on the distances both have (OSA and
//! Damerau-Levenshtein), on names, sentences and 1 kB texts cut from the seed articles:
//! which kernel `sim::distance` should call. Prints ns per pair and the ratio.
//!
//! Run: `cargo bench --bench distances` (no interpreter needed).

use std::hint::black_box;
use std::time::Instant;

fn seed_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Pairs of `len`-character windows of the text, the second shifted by a few characters (so
/// they are similar, as strings users compare are).
fn pairs(text: &[char], len: usize, n: usize) -> Vec<(Vec<char>, Vec<char>)> {
    let step = (text.len() - len - 8) / n;
    (0..n)
        .map(|i| {
            let s = i * step;
            let a = text[s..s + len].to_vec();
            let mut b = text[s + 3..s + 3 + len].to_vec();
            b.swap(1, 2);
            (a, b)
        })
        .collect()
}

/// Nanoseconds per pair of `f` over `ps` (best of 5 rounds).
fn time(ps: &[(Vec<char>, Vec<char>)], f: impl Fn(&[char], &[char]) -> usize) -> f64 {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            let mut sum = 0;
            for (a, b) in ps {
                sum += f(black_box(a), black_box(b));
            }
            black_box(sum);
            t.elapsed().as_nanos() as f64 / ps.len() as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let text: Vec<char> = seed_text().chars().collect();
    println!(
        "ns per pair (best of 5); ratio = strsim / rapidfuzz crate (> 1: the crate is faster)"
    );
    println!(
        "{:22} {:>8} {:>12} {:>12} {:>7}",
        "distance", "length", "strsim", "crate", "ratio"
    );
    for (len, n) in [(13, 20_000), (40, 5_000), (150, 1_000), (1000, 40)] {
        let ps = pairs(&text, len, n);
        for (name, s, r) in [
            (
                "OSA",
                time(&ps, |a, b| {
                    // strsim's OSA takes &str.
                    let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
                    strsim::osa_distance(&a, &b)
                }),
                time(&ps, |a, b| {
                    rapidfuzz::distance::osa::distance(a.iter().copied(), b.iter().copied())
                }),
            ),
            (
                "Damerau-Levenshtein",
                time(&ps, strsim::generic_damerau_levenshtein),
                time(&ps, |a, b| {
                    rapidfuzz::distance::damerau_levenshtein::distance(
                        a.iter().copied(),
                        b.iter().copied(),
                    )
                }),
            ),
            (
                "Levenshtein",
                time(&ps, |a: &[char], b: &[char]| {
                    strsim::generic_levenshtein(&a.to_vec(), &b.to_vec())
                }),
                time(&ps, |a, b| {
                    rapidfuzz::distance::levenshtein::distance(a.iter().copied(), b.iter().copied())
                }),
            ),
        ] {
            println!("{name:22} {len:>8} {s:>12.0} {r:>12.0} {:>6.2}x", s / r);
        }
    }
}
