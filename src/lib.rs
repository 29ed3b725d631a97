//! quotelens core: who said what in news text, and how the same statements are reported across
//! articles and sides.
//!
//! Data flows one way, run by [`pipeline`]: [`text`] (normalization with an offset map) →
//! [`segment`] (paragraphs, sentences) → [`quotes`] (mark pairing) → attribution → the
//! model users see ([`Article`], [`Quote`], [`Speaker`]; spans in code points of the
//! original), all on a [`doc::Doc`]. [`sim`], [`lsh`] and [`compare`] work on the articles.
//! Only `python` (behind the `python` feature) knows PyO3.

// Public: the re-exports below, the modules users call directly (text, sim, lsh, compare)
// and the stages with their working state (doc, segment, quotes, pipeline), which
// examples/stage_timing.rs times one by one. The rest is internal.
pub(crate) mod article;
pub(crate) mod attribution;
pub mod compare;
pub mod doc;
pub(crate) mod error;
pub(crate) mod hash;
pub(crate) mod lexicon;
pub mod lsh;
pub(crate) mod memory;
pub(crate) mod parallel;
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
