//! Time extraction on runs of unmatched quote marks (linear-time check):
//! `cargo run --release --example adversarial_timing`.

use std::time::Instant;

fn main() {
    for unit in ["“a ", "\"c ", "b” ", "« d "] {
        let mut line = format!("{unit:?}");
        for n in [10_000usize, 100_000, 1_000_000] {
            let text = unit.repeat(n);
            let t = Instant::now();
            let doc = quotelens::pipeline::prepare(&text).unwrap();
            let t_doc = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let q = quotelens::extract_quotes(&text).unwrap();
            let t_all = t.elapsed().as_secs_f64();
            line += &format!(
                "  n={n}: doc {:.1} ms, extract_quotes {:.1} ms ({} quotes, {} sentences)",
                t_doc * 1e3,
                t_all * 1e3,
                q.len(),
                doc.sentences.len()
            );
        }
        println!("{line}");
    }
}
