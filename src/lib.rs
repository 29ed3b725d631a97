//! quotelens core: who said what in news text, and how the same statements are reported across
//! articles and sides.
//!
//! Data flows one way, run by [`pipeline`]: [`text`] (normalization with an offset map) →
//! [`segment`] (paragraphs, sentences) → [`quotes`] (mark pairing) → [`attribution`] → the
//! [`article`] model (spans in code points of the original), all on a [`doc::Doc`]. Only
//! `python` (behind the `python` feature) knows PyO3.

pub mod article;
pub mod attribution;
pub mod compare;
pub mod doc;
pub mod error;
pub mod lexicon;
pub mod lsh;
pub mod memory;
pub mod parallel;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod sim;
pub mod text;

#[cfg(feature = "python")]
mod python;

pub use article::{Article, Meta, Paragraph, Quote, Sentence, Speaker};
pub use error::{Error, Result};
pub use pipeline::{analyze, extract_quotes};
pub use quotes::QuoteKind;
pub use segment::ParagraphKind;
pub use text::normalize;
