//! Analyse the seeds repeated to ~1 MB once (for profilers): `cargo run --release --example article_profile`.

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let chunk: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let text = chunk.repeat(1_000_000 / chunk.len() + 1);
    let a = quotelens::analyze(&text, Default::default(), &[]).unwrap();
    println!("{} quotes", a.quotes.len());
}
