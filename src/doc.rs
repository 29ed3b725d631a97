//! The working state of the analysis: the normalized text and byte spans into it, as the
//! stages of [`crate::pipeline`] fill it in. Attribution reads it; users never see it.

use crate::quotes::RawQuote;
use crate::segment::{ParaSpan, SentSpan};
use crate::text::Normalized;

/// Normalized text with its paragraphs, sentences and paired quote marks (byte spans of the
/// normalized text; [`Normalized::orig_span`] maps them back).
#[derive(Debug, Clone)]
pub struct Doc {
    pub norm: Normalized,
    pub paragraphs: Vec<ParaSpan>,
    pub sentences: Vec<SentSpan>,
    pub quotes: Vec<RawQuote>,
}

impl Doc {
    /// The normalized text.
    pub fn text(&self) -> &str {
        self.norm.text()
    }
}
