//! The analysis, stage by stage, in order: normalization that keeps an offset map
//! ([`crate::text`]) → paragraphs and sentences ([`crate::segment`]) → quote-mark pairing
//! ([`crate::quotes`]) → attribution ([`crate::attribution`]) → the [`Article`] users see,
//! with spans in code points of the original text. Each stage reads what the ones before it
//! wrote into the [`Doc`]; nothing calls back up the chain.

use crate::article::{raw_quotes, Article, Meta, Quote};
use crate::doc::Doc;
use crate::error::Result;
use crate::text::{CharSlicer, Normalized};
use crate::{attribution, quotes, segment};

/// The stages before attribution: normalize, segment, pair the quote marks.
pub fn prepare(text: &str) -> Result<Doc> {
    let norm = Normalized::new(text)?;
    let paragraphs = segment::paragraphs(norm.text());
    let sentences = segment::sentences(norm.text(), &paragraphs);
    let quotes = quotes::extract(&norm, &paragraphs, &sentences);
    Ok(Doc {
        norm,
        paragraphs,
        sentences,
        quotes,
    })
}

/// Analyse `text`: every stage, with user side overrides (`("Kritenbrink", "United States")`).
pub fn analyze(text: &str, meta: Meta, sides: &[(String, String)]) -> Result<Article> {
    let doc = prepare(text)?;
    let slicer = CharSlicer::new(text);
    let attributed = attribution::attribute(&doc, &slicer, sides);
    Ok(Article::assemble(&slicer, meta, &doc, Some(attributed)))
}

/// The quotes of `text` by mark pairing alone (no attribution).
pub fn extract_quotes(text: &str) -> Result<Vec<Quote>> {
    let doc = prepare(text)?;
    Ok(raw_quotes(&doc, &CharSlicer::new(text)))
}
