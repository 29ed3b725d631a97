//! Time each pipeline stage on the seeds repeated to ~10 MB: `cargo run --release --example stage_timing`.

use std::time::Instant;

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
    let text = chunk.repeat(10_000_000 / chunk.len() + 1);
    let chars = text.chars().count() as f64;
    let rate = |t: f64| chars / t / 1e6;
    let t = Instant::now();
    let norm = quotelens::text::Normalized::new(&text).unwrap();
    let t_norm = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let paras = quotelens::segment::paragraphs(norm.text());
    let t_para = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let sents = quotelens::segment::sentences(norm.text(), &paras);
    let t_sent = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let quotes = quotelens::quotes::extract(&norm, &paras, &sents);
    let t_quote = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let doc = quotelens::pipeline::prepare(&text).unwrap();
    let t_doc = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let raw = quotelens::Article::assemble(
        &quotelens::text::CharSlicer::new(&text),
        Default::default(),
        &doc,
        None,
    );
    let t_conv = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let a2 = quotelens::analyze(&text, Default::default(), &[]).unwrap();
    let t_all = t.elapsed().as_secs_f64();
    println!(
        "{:.1} Mchar, {} paragraphs, {} sentences, {} quotes",
        chars / 1e6,
        paras.len(),
        sents.len(),
        quotes.len()
    );
    println!("normalize  {:7.1} Mchar/s", rate(t_norm));
    println!("paragraphs {:7.1} Mchar/s", rate(t_para));
    println!("sentences  {:7.1} Mchar/s", rate(t_sent));
    println!("quotes     {:7.1} Mchar/s", rate(t_quote));
    println!("prepare    {:7.1} Mchar/s", rate(t_doc));
    println!(
        "assemble   {:7.1} Mchar/s (spans to code points, texts; {} raw quotes)",
        rate(t_conv),
        raw.quotes.len()
    );
    println!(
        "Article    {:7.1} Mchar/s (all stages, attribution, conversion; {} quotes)",
        rate(t_all),
        a2.quotes.len()
    );
}
