//! An analysed article: paragraphs, sentences and quotes with spans in code points of the
//! original text (what Python indexes with), ready to serialize.
//!
//! These structs are also the Python classes (`#[pyclass(get_all)]` under the `python`
//! feature, as tiktoken does): each field is declared here once and becomes a read-only
//! attribute whose docstring is the field's `///` line; `src/python/types.rs` adds pickling,
//! `to_dict` and `__repr__`. Their docs are Python docstrings too (`>>>` examples, ``code``).
// `>>>` lines are Python doctests, not Markdown block quotes.
#![allow(clippy::doc_lazy_continuation)]

use serde::{Deserialize, Serialize};

use crate::doc::Doc;
use crate::quotes::QuoteKind;
use crate::segment::ParagraphKind;
use crate::text::CharSlicer;

/// A paragraph: ``kind`` is ``"body"`` for running text, otherwise what the line is
/// (``title``, ``heading``, ``byline``, ``dateline``, ``image``, ``credit``, ``caption``,
/// ``boilerplate``, ``related``).
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, get_all, name = "Paragraph", module = "quotelens")
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

/// A sentence, inside paragraph number ``paragraph``; ``is_body`` is False in captions, credits…
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, get_all, name = "Sentence", module = "quotelens")
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub is_body: bool,
}

/// A quote or a piece of reported speech found in a text.
///
/// ``text == original[start:end]`` (Python string indices, code points, into the text you
/// passed). ``kind`` is ``"direct"``, ``"mixed"`` (a fragment woven into the reporter's
/// sentence), ``"term"`` (scare quotes, short quoted terms), ``"title"`` or ``"indirect"``.
/// Attribution fields are ``None`` when no speaker was found (and always for terms the text
/// does not attribute).
///
/// >>> import quotelens
/// >>> text = 'He called it an “Asian NATO.”'
/// >>> q, = quotelens.extract_quotes(text)
/// >>> q.text, q.kind, text[q.start:q.end] == q.text
/// ('Asian NATO.', 'term', True)
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, get_all, name = "Quote", module = "quotelens")
)]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub paragraph: usize,
    /// Whether the quote stands in body text (not a caption, heading or credit).
    pub in_body: bool,
    /// Span including the quote marks, where there are marks (for highlighting).
    pub outer_start: usize,
    pub outer_end: usize,
    /// The speaker's fullest name in the article; `None` when no one is found, and also when the
    /// mention is a pronoun no antecedent explains (then `speaker_mention` is that pronoun).
    pub speaker: Option<String>,
    /// The words the attribution rests on ("he", "the defense secretary", "Kritenbrink").
    pub speaker_mention: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue: Option<String>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub cue_category: Option<String>,
    pub side: Option<String>,
    pub side_evidence: Option<String>,
    /// Calibrated probability, from 0 to 1, that the speaker is right (see
    /// ``attribution/confidence.tsv``).
    pub confidence: f64,
    /// The pattern the attribution rests on and the kind of speaker mention, e.g.
    /// ``"quote-cue-speaker/name"``, ``"reported-before/pronoun"``; ``None`` when unattributed.
    #[serde(default)]
    pub pattern: Option<String>,
    /// The spans inside quote marks, the speaker's exact words, as ``(start, end)`` code
    /// points: the whole quote for a direct one; for a mixed one, the quoted parts of the
    /// reported clause (``Trump said his plan would “keep out criminal cartels”`` is one mixed
    /// quote whose text is the clause and whose verbatim span is the quoted words); none for
    /// indirect speech.
    #[serde(default)]
    pub verbatim: Vec<(usize, usize)>,
}

/// An entity that speaks in an article: canonical ``name`` (the fullest the article uses),
/// ``aliases``, ``titles``, ``side``, ``kind`` (person, organization, media), ``mentions`` and
/// the number of ``quotes`` attributed to it.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, get_all, name = "Speaker", module = "quotelens")
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name the article uses.
    pub name: String,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub side: Option<String>,
    pub side_evidence: Option<String>,
    /// "person", "organization" or "media".
    pub kind: String,
    pub mentions: usize,
    /// Number of quotes attributed to the entity.
    pub quotes: usize,
}

/// Article metadata a user may pass.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
}

/// An analysed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub text: String,
    pub meta: Meta,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
}

/// The kind `Quote::default()` starts with; every constructor sets the real one.
impl Default for QuoteKind {
    fn default() -> Self {
        QuoteKind::Direct
    }
}

impl Quote {
    /// A quote with the given spans and no attribution.
    pub fn unattributed(
        slicer: &CharSlicer,
        (start, end): (usize, usize),
        (outer_start, outer_end): (usize, usize),
        kind: QuoteKind,
        paragraph: usize,
        in_body: bool,
    ) -> Self {
        Quote {
            text: slicer.slice(start, end).to_string(),
            start,
            end,
            kind,
            paragraph,
            in_body,
            outer_start,
            outer_end,
            verbatim: if kind == QuoteKind::Indirect {
                Vec::new()
            } else {
                vec![(start, end)]
            },
            ..Quote::default()
        }
    }

    /// The spans of the speaker's exact words: [`Quote::verbatim`], or the whole quote for a
    /// direct or mixed quote read from data that predates that field.
    pub fn quoted_parts(&self) -> Vec<(usize, usize)> {
        if self.verbatim.is_empty() && matches!(self.kind, QuoteKind::Direct | QuoteKind::Mixed) {
            vec![(self.start, self.end)]
        } else {
            self.verbatim.clone()
        }
    }
}

/// Quotes of `doc` in original code points, without attribution.
pub fn raw_quotes(doc: &Doc, slicer: &CharSlicer) -> Vec<Quote> {
    doc.quotes
        .iter()
        .map(|q| {
            let span = doc.norm.orig_span(q.start, q.end);
            let o0 = q.open.unwrap_or(q.start);
            let o1 = q.close.map(|c| c + 1).unwrap_or(q.end);
            let outer = doc.norm.orig_span(o0, o1);
            let in_body = doc
                .paragraphs
                .get(q.paragraph)
                .is_some_and(|p| p.kind.is_body());
            Quote::unattributed(slicer, span, outer, q.kind, q.paragraph, in_body)
        })
        .collect()
}

impl Article {
    /// The article users see, from the stages' output: spans mapped back to code points of
    /// `slicer`'s text, and the attributed quotes (or the raw ones when `attributed` is `None`).
    /// [`crate::pipeline::analyze`] runs the stages and calls this.
    pub fn assemble(
        slicer: &CharSlicer,
        mut meta: Meta,
        doc: &Doc,
        attributed: Option<(Vec<Quote>, Vec<Speaker>)>,
    ) -> Self {
        let text = slicer.text();
        let paragraphs: Vec<Paragraph> = doc
            .paragraphs
            .iter()
            .map(|p| {
                let (s, e) = doc.norm.orig_span(p.start, p.end);
                Paragraph {
                    text: slicer.slice(s, e).to_string(),
                    start: s,
                    end: e,
                    kind: p.kind,
                }
            })
            .collect();
        let sentences = doc
            .sentences
            .iter()
            .map(|st| {
                let (s, e) = doc.norm.orig_span(st.start, st.end);
                Sentence {
                    text: slicer.slice(s, e).to_string(),
                    start: s,
                    end: e,
                    paragraph: st.paragraph,
                    is_body: doc.paragraphs[st.paragraph].kind.is_body(),
                }
            })
            .collect();
        if meta.title.is_none() {
            meta.title = paragraphs
                .iter()
                .find(|p| p.kind == ParagraphKind::Title)
                .map(|p| p.text.clone());
        }
        let (quotes, speakers) =
            attributed.unwrap_or_else(|| (raw_quotes(doc, slicer), Vec::new()));
        Article {
            text: text.to_string(),
            meta,
            paragraphs,
            sentences,
            quotes,
            speakers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_slice_back() {
        let t =
            "Title Line Here\n\n“It\\'s too early,” Kritenbrink said. Japan’s ‘bloc’ «x y z w».";
        let a = crate::pipeline::analyze(t, Meta::default(), &[]).unwrap();
        let sl = CharSlicer::new(t);
        assert!(!a.quotes.is_empty());
        for q in &a.quotes {
            assert_eq!(sl.slice(q.start, q.end), q.text);
            assert!(q.outer_start <= q.start && q.end <= q.outer_end);
        }
        for s in &a.sentences {
            assert_eq!(sl.slice(s.start, s.end), s.text);
        }
        assert_eq!(a.meta.title.as_deref(), Some("Title Line Here"));
        assert_eq!(a.quotes[0].text, "It\\'s too early,");
    }
}
