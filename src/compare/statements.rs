//! The statements compared across articles: quotes and reported speech with who said them, the
//! sentence around them and their *content words* (what matching counts).

use std::collections::HashSet;

use super::lexicon::is_match_stopword;
use crate::article::Article;
use crate::quotes::QuoteKind;
use crate::text::CharSlicer;

/// A quote (or reported speech) of one article, as compared across articles. Spans are code
/// points of the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Position of the article in the slice the statements were built from.
    pub article: usize,
    /// Position of the quote in the article's quotes (`None`: built from a table row).
    pub quote: Option<usize>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub side: Option<String>,
    pub cue: Option<String>,
    pub cue_category: Option<String>,
}

/// The statements of `articles`, in article order then quote order: quotes of `kinds` with
/// at least `min_words` whitespace-separated words. A mixed quote gives the words it quotes
/// (each of its `verbatim` parts), not the reporter's clause around them: those are what
/// another article can repeat.
pub fn statements(articles: &[&Article], kinds: &[QuoteKind], min_words: usize) -> Vec<Statement> {
    let mut out = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let mut slicer: Option<CharSlicer> = None;
        for (qi, q) in a.quotes.iter().enumerate() {
            if !kinds.contains(&q.kind) {
                continue;
            }
            let parts = q.quoted_parts();
            let spans = if q.kind == QuoteKind::Mixed && parts != [(q.start, q.end)] {
                parts
            } else {
                vec![(q.start, q.end)]
            };
            for (s, e) in spans {
                let text = if (s, e) == (q.start, q.end) {
                    q.text.clone()
                } else {
                    slicer
                        .get_or_insert_with(|| CharSlicer::new(&a.text))
                        .slice(s, e)
                        .to_string()
                };
                if text.split_whitespace().count() < min_words {
                    continue;
                }
                out.push(Statement {
                    article: ai,
                    quote: Some(qi),
                    text,
                    start: s,
                    end: e,
                    kind: q.kind,
                    speaker: q.speaker.clone(),
                    side: q.side.clone(),
                    cue: q.cue.clone(),
                    cue_category: q.cue_category.clone(),
                });
            }
        }
    }
    out
}

/// Runs of three or more letters, lower-cased, without the stop words of
/// `lexicon/match_stopwords.txt`, each once, sorted: the words a match must share.
pub fn content_words(text: &str) -> Vec<String> {
    let mut set: HashSet<String> = HashSet::new();
    for_each_content_word(text, |w, _, _| {
        set.insert(w.to_string());
    });
    let mut v: Vec<String> = set.into_iter().collect();
    v.sort_unstable();
    v
}

/// Calls `f(word, byte_start, byte_end)` for every content word occurrence of `text`, in order
/// (the word lower-cased; a word may repeat).
pub fn for_each_content_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut buf = String::new();
    let mut start = None;
    let mut letters = 0;
    let mut flush = |buf: &mut String, start: Option<usize>, end: usize, letters: usize| {
        if let Some(s) = start {
            if letters >= 3 && !is_match_stopword(buf) {
                f(buf, s, end);
            }
        }
        buf.clear();
    };
    for (b, c) in text.char_indices() {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(b);
                letters = 0;
            }
            for l in c.to_lowercase() {
                buf.push(l);
                letters += 1;
            }
        } else {
            flush(&mut buf, start, b, letters);
            start = None;
        }
    }
    flush(&mut buf, start, text.len(), letters);
}

/// Whether a quote reads as a title in headline case ("Crippled America: How to Make America
/// Great Again", "The Late Show with Stephen Colbert"): three or more words of four or more
/// letters, stop words ("with", "from") aside, all capitalized.
pub fn is_headline_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .filter(|w| {
            let k: String = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            !is_match_stopword(&k)
        })
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.trim_start_matches(['"', '\'', '“', '‘', '('])
                .starts_with(|c: char| c.is_ascii_uppercase())
        })
        .count();
    long.len() >= 3 && caps == long.len()
}

/// The comparison key of a wording: `default_process`, spaces collapsed. Two quotes with one
/// key are the same wording.
pub fn wording_key(text: &str) -> String {
    crate::sim::default_process(text, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mixed_quote_is_compared_by_its_quoted_words() {
        let t = "Budget talks resumed on Monday.\n\n\
                 Governor Alma Reyes said the new levy would pay for \u{201c}every road this \
                 state has neglected for a decade\u{201d} and end the shortfall.";
        let a = crate::analyze(t, crate::Meta::default(), &[]).unwrap();
        let q = a
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Mixed)
            .unwrap();
        assert!(q.text.starts_with("the new levy"), "{:?}", q.text);
        let st = statements(&[&a], &[QuoteKind::Direct, QuoteKind::Mixed], 3);
        let texts: Vec<&str> = st.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["every road this state has neglected for a decade"]
        );
        let chars: Vec<char> = t.chars().collect();
        let got: String = chars[st[0].start..st[0].end].iter().collect();
        assert_eq!(got, st[0].text);
    }

    #[test]
    fn content_words_skip_short_and_stop_words() {
        assert_eq!(
            content_words("We said the Asian NATO is a bad idea, and NATO said no."),
            vec!["asian", "bad", "idea", "nato"]
        );
        assert!(content_words("it is 2024").is_empty());
    }

    #[test]
    fn content_word_spans_are_byte_spans() {
        let t = "Über große Pläne";
        let mut got = vec![];
        for_each_content_word(t, |w, s, e| got.push((w.to_string(), &t[s..e])));
        assert_eq!(got[0], ("über".to_string(), "Über"));
        assert_eq!(got[2], ("pläne".to_string(), "Pläne"));
    }

    #[test]
    fn headline_case() {
        assert!(is_headline_case(
            "Crippled America: How to Make America Great Again"
        ));
        assert!(is_headline_case("The Late Show with Stephen Colbert"));
        assert!(!is_headline_case("We will make America great again"));
        assert!(!is_headline_case("Make America"));
    }

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(wording_key("“We  agree,” "), wording_key("we agree"));
    }
}
