//! Quote-mark pairing: a single left-to-right pass over the quote marks of each paragraph.
//!
//! Each mark gets a role from its neighbours (left/right flanking, as CommonMark does for
//! emphasis) and from its shape (`„` and `「` open, `」` closes). Apostrophes (`don’t`,
//! `China’s`, `the ’90s`, `Jones’`) are recognised and skipped. An open stack holds at most one
//! entry per mark family, so the pass is linear whatever the input: a re-opened family ends the
//! unclosed quote before it, an opening mark with no close ends at the paragraph end (or runs on
//! when the next paragraph re-opens, the multi-paragraph convention), and a closing mark with no
//! opening recovers the quote from the start of its paragraph or sentence.

use serde::{Deserialize, Serialize};

use crate::segment::{ParaSpan, SentSpan};
use crate::text::{Mark, Normalized};

/// How a quoted span is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Quoted speech: a full utterance.
    Direct,
    /// A quoted fragment woven into the reporter's sentence ("has the “intent to undermine …”").
    Mixed,
    /// Scare quotes or a short quoted term (“Asian NATO”, “fabric”).
    Term,
    /// A quoted title or slogan in title case (“Reassurance and Safety to Everyone”).
    Title,
    /// Reported (indirect) speech, found by attribution, without quote marks.
    Indirect,
}

impl QuoteKind {
    /// Every kind, in the order the Python layer lists them (`quotelens.frames.KINDS`).
    pub const ALL: [QuoteKind; 5] = [
        QuoteKind::Direct,
        QuoteKind::Mixed,
        QuoteKind::Term,
        QuoteKind::Title,
        QuoteKind::Indirect,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Term => "term",
            QuoteKind::Title => "title",
            QuoteKind::Indirect => "indirect",
        }
    }

    /// The kind named `s` (the names of [`QuoteKind::as_str`]).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A quote found by pairing marks, in byte offsets of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Content span (without marks).
    pub start: usize,
    pub end: usize,
    /// Byte position of the opening mark, if there was one.
    pub open: Option<usize>,
    /// Byte position of the closing mark, if there was one.
    pub close: Option<usize>,
    pub kind: QuoteKind,
    /// Index of the paragraph the quote starts in.
    pub paragraph: usize,
    /// Nesting depth: 0 for an outer quote, 1 for a quote inside it.
    pub depth: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight quotes and others whose direction the context leaves open.
    Either,
    /// An apostrophe, prime or inch mark: not a quote.
    Skip,
}

fn family(c: char) -> Family {
    match c {
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::SingleGuillemet,
        '「' | '」' => Family::Corner,
        '『' | '』' => Family::WhiteCorner,
        c if crate::text::normalize::is_single_quote(c) => Family::Single,
        _ => Family::Double,
    }
}

fn is_space_or_none(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace())
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '-' | '/' | '"' | '\'' | ':' | '<')
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '-'
            | '"'
            | '\''
            | '/'
            | '>'
            | '。'
            | '、'
            | '，'
            | '！'
            | '？'
            | '…'
    )
}

static APOSTROPHE_WORDS: crate::lexicon::Words = crate::lexicon::Words::new("apostrophe_words");

/// Whether `before` (the text up to a `"` after a digit) ends in a number that a double
/// mark opened: `dial "1" for English`, `a "10" on the scale` (the mark closes a quote; in
/// `a 12" pizza` it is inches).
fn quoted_number(before: &str) -> bool {
    let number = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    let mut rest = number.chars().rev();
    rest.next()
        .is_some_and(crate::text::normalize::is_double_quote)
        && rest
            .next()
            .is_none_or(|c| c.is_whitespace() || is_open_punct(c))
}

fn role(text: &str, m: &Mark) -> Role {
    let before = text[..m.pos].chars().next_back();
    let after = text[m.pos + 1..].chars().next();
    match m.ch {
        '「' | '『' | '〝' => return Role::Open,
        '」' | '』' | '〞' | '〟' => return Role::Close,
        _ => {}
    }
    let fam = family(m.ch);
    let alnum_before = before.is_some_and(|c| c.is_alphanumeric());
    let alnum_after = after.is_some_and(|c| c.is_alphanumeric());
    if fam == Family::Single {
        if alnum_before && alnum_after {
            return Role::Skip; // don't, China's, O'Brien
        }
        if !alnum_before && after.is_some_and(|c| c.is_ascii_digit()) {
            // the '90s, '24 — but '2 Chinese warships' opens a quote
            let rest = &text[m.pos + 1..];
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            let tail = rest[digits..].chars().next();
            if digits == 2 && (tail == Some('s') || !tail.is_some_and(|c| c.is_alphanumeric())) {
                return Role::Skip;
            }
        }
        if !alnum_before && alnum_after {
            let rest = &text[m.pos + 1..];
            let w: String = rest
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if APOSTROPHE_WORDS.contains(w.as_str()) && !matches!(m.ch, '‘' | '‚' | '‹') {
                return Role::Skip;
            }
        }
        if before.is_some_and(|c| c.is_ascii_digit()) && !alnum_after {
            return Role::Skip; // 5'11 feet, 45' angle
        }
    } else if before.is_some_and(|c| c.is_ascii_digit())
        && m.ch == '"'
        && is_space_or_none(after)
        && !quoted_number(&text[..m.pos])
    {
        return Role::Skip; // 12" inches
    }
    let left_flank =
        !is_space_or_none(after) && (is_space_or_none(before) || before.is_some_and(is_open_punct));
    let right_flank =
        !is_space_or_none(before) && (is_space_or_none(after) || after.is_some_and(is_close_punct));
    let shape = match m.ch {
        '“' | '„' | '‟' | '‘' | '‚' | '‛' | '«' | '‹' => Role::Open,
        // German and Danish open with `»`: with a word right after it, let the stack decide.
        '»' | '›' if alnum_after => Role::Either,
        '”' | '’' | '»' | '›' => Role::Close,
        _ => Role::Either,
    };
    let flank = match (left_flank, right_flank) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    };
    match (flank, shape) {
        // goin' home: an apostrophe unless a single quote is open (decided by the stack).
        (Role::Close, _) if fam == Family::Single && alnum_before && before != Some('s') => {
            Role::Either
        }
        (f, Role::Either) => f,
        (Role::Either, s) => s,
        (f, s) if f == s => f,
        // Shape and context disagree (German „…“, French « … », », Danish »…«): the stack decides.
        _ => Role::Either,
    }
}

struct Open {
    fam: Family,
    mark: usize,
    content: usize,
    paragraph: usize,
}

/// Pair the quote marks of `norm` within `paragraphs` into quotes.
pub fn extract(
    norm: &Normalized,
    paragraphs: &[ParaSpan],
    sentences: &[SentSpan],
) -> Vec<RawQuote> {
    let text = norm.text();
    let marks = norm.marks();
    let mut out: Vec<RawQuote> = Vec::new();
    let mut mi = 0;
    let mut si = 0;
    let mut carried: Option<Open> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        // Marks before this paragraph (in blank space) are ignored.
        while mi < marks.len() && marks[mi].pos < p.start {
            mi += 1;
        }
        let mut stack: Vec<Open> = Vec::with_capacity(4);
        let mut last_boundary: Option<usize> = None;
        if let Some(c) = carried.take() {
            // Multi-paragraph quote: this paragraph re-opens with the same family.
            if mi < marks.len()
                && marks[mi].pos == p.start
                && family(marks[mi].ch) == c.fam
                && role(text, &marks[mi]) != Role::Close
            {
                last_boundary = Some(marks[mi].pos + 1);
                mi += 1;
                stack.push(c);
            } else {
                emit_unclosed(text, &c, paragraphs[pi - 1].end, &mut out);
            }
        }
        while mi < marks.len() && marks[mi].pos < p.end {
            let m = marks[mi];
            mi += 1;
            let fam = family(m.ch);
            let mut r = role(text, &m);
            if r == Role::Skip {
                continue;
            }
            let open_idx = stack.iter().rposition(|o| o.fam == fam);
            if r == Role::Either {
                r = if open_idx.is_some() {
                    Role::Close
                } else if fam == Family::Single
                    && text[..m.pos]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric())
                {
                    continue; // trailing apostrophe with nothing open
                } else {
                    Role::Open
                };
            }
            match r {
                Role::Open => {
                    if let Some(k) = open_idx {
                        // Same family opened again: the earlier one was never closed.
                        for o in stack.drain(k..).rev() {
                            push_quote(
                                text,
                                &mut out,
                                o.content,
                                m.pos,
                                Some(o.mark),
                                None,
                                o.paragraph,
                                k,
                            );
                        }
                    }
                    stack.push(Open {
                        fam,
                        mark: m.pos,
                        content: m.pos + 1,
                        paragraph: pi,
                    });
                }
                Role::Close => {
                    if let Some(k) = open_idx {
                        let inner: Vec<Open> = stack.drain(k..).collect();
                        let outer = &inner[0];
                        push_quote(
                            text,
                            &mut out,
                            outer.content,
                            m.pos,
                            Some(outer.mark),
                            Some(m.pos),
                            outer.paragraph,
                            k,
                        );
                        for (d, o) in inner.iter().enumerate().skip(1) {
                            push_quote(
                                text,
                                &mut out,
                                o.content,
                                m.pos,
                                Some(o.mark),
                                None,
                                o.paragraph,
                                k + d,
                            );
                        }
                        last_boundary = Some(m.pos + 1);
                    } else if fam != Family::Single
                        || text[..m.pos]
                            .chars()
                            .next_back()
                            .is_some_and(|c| matches!(c, ',' | '.' | '!' | '?'))
                    {
                        // A closing mark with nothing open: recover the start.
                        let start = match last_boundary {
                            None => p.start,
                            Some(b) => {
                                while si < sentences.len() && sentences[si].end <= m.pos {
                                    si += 1;
                                }
                                let sent_start = sentences
                                    .get(si)
                                    .filter(|s| s.start <= m.pos)
                                    .map(|s| s.start)
                                    .unwrap_or(b);
                                sent_start.max(b)
                            }
                        };
                        let start = stack.last().map(|o| o.content.max(start)).unwrap_or(start);
                        push_quote(
                            text,
                            &mut out,
                            start,
                            m.pos,
                            None,
                            Some(m.pos),
                            pi,
                            stack.len(),
                        );
                        last_boundary = Some(m.pos + 1);
                    }
                }
                _ => {}
            }
        }
        // Paragraph end: the outermost unclosed quote may run on into the next paragraph.
        if !stack.is_empty() {
            let mut rest = stack.drain(..);
            let outer = rest.next();
            for (d, o) in rest.enumerate() {
                push_quote(
                    text,
                    &mut out,
                    o.content,
                    p.end,
                    Some(o.mark),
                    None,
                    o.paragraph,
                    d + 1,
                );
            }
            if let Some(o) = outer {
                let next_reopens = paragraphs.get(pi + 1).is_some_and(|np| {
                    mi < marks.len()
                        && marks[mi].pos == np.start
                        && family(marks[mi].ch) == o.fam
                        && role(text, &marks[mi]) != Role::Close
                });
                if next_reopens {
                    carried = Some(o);
                } else {
                    push_quote(
                        text,
                        &mut out,
                        o.content,
                        p.end,
                        Some(o.mark),
                        None,
                        o.paragraph,
                        0,
                    );
                }
            }
        }
    }
    if let (Some(c), Some(last)) = (carried.take(), paragraphs.last()) {
        emit_unclosed(text, &c, last.end, &mut out);
    }
    out.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    out
}

/// A quote carried over a paragraph break that the next paragraph did not re-open after all:
/// it ends where the paragraph it ran through ends.
fn emit_unclosed(text: &str, o: &Open, end: usize, out: &mut Vec<RawQuote>) {
    push_quote(
        text,
        out,
        o.content,
        end,
        Some(o.mark),
        None,
        o.paragraph,
        0,
    );
}

#[allow(clippy::too_many_arguments)]
fn push_quote(
    text: &str,
    out: &mut Vec<RawQuote>,
    start: usize,
    end: usize,
    open: Option<usize>,
    close: Option<usize>,
    paragraph: usize,
    depth: usize,
) {
    if end <= start {
        return;
    }
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let (start, end) = (start + lead, end - trail);
    if end <= start || !text[start..end].chars().any(|c| c.is_alphanumeric()) {
        return;
    }
    let kind = classify(text, start, end, open);
    out.push(RawQuote {
        start,
        end,
        open,
        close,
        kind,
        paragraph,
        depth,
    });
}

/// Nouns that name a published or performed work, and the participles that introduce a title.
static WORK_NOUNS: crate::lexicon::Words = crate::lexicon::Words::new("work_nouns");

/// The word before an opening mark (across one comma: "her memoir, “…”") names a work.
fn after_work_noun(text: &str, open: usize) -> bool {
    let before = text[..open].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    WORK_NOUNS.binary_search(&word.as_str()).is_ok()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
}

/// Direct, mixed, term or title, from the quote's own shape and what precedes it.
pub fn classify(text: &str, start: usize, end: usize, open: Option<usize>) -> QuoteKind {
    let s = &text[start..end];
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .collect();
    // Chinese and Japanese write without spaces: count two ideographs or kana as a word.
    let cjk = s.chars().filter(|&c| is_cjk(c)).count();
    let n_words = words.len() + cjk / 2;
    let first = s.chars().find(|c| c.is_alphanumeric());
    let starts_upper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let t = s.trim_end_matches(['"', '\'', ')', ' ']);
    let ends_punct = t.ends_with(['.', '!', '?', ',', ';', ':']) || t.ends_with("...");
    // What stands before the opening mark: a word (not a colon or comma) means a woven-in fragment.
    let before_pos = open.unwrap_or(start);
    let head = &text[..before_pos];
    let trimmed = head.trim_end();
    let prev = trimmed.chars().next_back();
    // A word across a line break (a headline without a final stop) is no sentence the quote
    // is woven into.
    let embedded =
        prev.is_some_and(|c| c.is_alphanumeric()) && !head[trimmed.len()..].contains('\n');
    // A short quote is an utterance only when it stands as one ("“We agree.” he said").
    let utterance = (starts_upper || cjk > 0)
        && t.ends_with(['.', '!', '?', ',', '。', '！', '？', '，'])
        && !embedded;
    // After a noun naming a work ("his book “The Art of the Deal.”", "her memoir, “Hard
    // Choices,”") a capitalized name is a title, even with the closing punctuation inside.
    if starts_upper && cjk == 0 && n_words <= 12 && after_work_noun(text, before_pos) {
        let (caps, long) = crate::segment::capitalized_long_words(s);
        if long > 0 && caps == long {
            return QuoteKind::Title;
        }
    }
    if n_words <= 3 && !utterance {
        return QuoteKind::Term;
    }
    if !ends_punct && n_words <= 12 && starts_upper && cjk == 0 {
        let (caps, long) = crate::segment::capitalized_long_words(s);
        if long > 0 && caps == long {
            return QuoteKind::Title;
        }
    }
    // After a comma or colon a lowercase quote is the continuation of a split quote: direct.
    if !starts_upper && embedded {
        QuoteKind::Mixed
    } else {
        QuoteKind::Direct
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn quotes(t: &str) -> Vec<(String, QuoteKind)> {
        let n = Normalized::new(t).unwrap();
        let p = segment::paragraphs(n.text());
        let s = segment::sentences(n.text(), &p);
        extract(&n, &p, &s)
            .into_iter()
            .map(|q| (n.text()[q.start..q.end].to_string(), q.kind))
            .collect()
    }

    fn texts(t: &str) -> Vec<String> {
        quotes(t).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            texts("He said “We do not seek confrontation.” Then \"Fine, really fine.\""),
            vec!["We do not seek confrontation.", "Fine, really fine."]
        );
    }

    #[test]
    fn a_quoted_number_closes_but_inches_do_not() {
        assert_eq!(
            texts("Dial \"1\" for English, give it a \"10,000\" score. Still, she spoke."),
            vec!["1", "10,000"]
        );
        assert_eq!(
            texts("He ordered a 12\" pizza and a \"large\" soda."),
            vec!["large"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            texts("China’s plan, Jones’ car, the ’90s, don’t and rock ’n’ roll: ‘a term’ here"),
            vec!["a term"]
        );
    }

    #[test]
    fn nested() {
        let q = quotes("“NATO is trying to apply the tricks of ‘bloc politics’ to Asia,” it said.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].0, "bloc politics");
        assert_eq!(q[1].1, QuoteKind::Term);
    }

    #[test]
    fn guillemets_and_cjk_and_low9() {
        assert_eq!(
            texts(
                "« Nous refusons » dit-il. „Wir lehnen ab“, sagte er. 「不能接受」と述べた。»Nein«"
            ),
            vec!["Nous refusons", "Wir lehnen ab", "不能接受", "Nein"]
        );
    }

    #[test]
    fn unbalanced_open_ends_at_paragraph() {
        assert_eq!(
            texts("He said “this never closes and runs on\nNext paragraph is plain text."),
            vec!["this never closes and runs on"]
        );
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "“First part of a long statement.\n“Second part of it,” she said.";
        let q = texts(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("First part") && q[0].ends_with("of it,"));
    }

    #[test]
    fn orphan_closer_recovers_from_paragraph_start() {
        let t = "As partners in this Quad, we must collaborate,” Pompeo said. “We see it.”";
        assert_eq!(
            texts(t),
            vec![
                "As partners in this Quad, we must collaborate,",
                "We see it."
            ]
        );
    }

    #[test]
    fn orphan_closer_after_earlier_quote_uses_sentence() {
        let t = "“One,” he said. Then it went on. Missing opening here,” she said.";
        assert_eq!(texts(t), vec!["One,", "Missing opening here,"]);
    }

    #[test]
    fn kinds() {
        let q = quotes("an “Asian NATO” of powers; a sign reading “Reassurance and Safety to Everyone” and the “intent to undermine regional peace and stability.”");
        let k: Vec<QuoteKind> = q.iter().map(|x| x.1).collect();
        assert_eq!(k, vec![QuoteKind::Term, QuoteKind::Title, QuoteKind::Mixed]);
        // A short capitalized phrase inside a sentence is a term, not speech.
        assert_eq!(
            quotes("creation of an \"Asian NATO.\" Is it real?")[0].1,
            QuoteKind::Term
        );
        assert_eq!(quotes("“We agree.” He left.")[0].1, QuoteKind::Direct);
        // The second half of a split quote is direct speech.
        let q = quotes(
            "“Maybe one final comment,” he said, “just so people don't think I'm commenting.”",
        );
        assert_eq!(q[1].1, QuoteKind::Direct);
    }

    #[test]
    fn titles_after_a_work_noun_keep_their_punctuation() {
        for t in [
            "He paid for it, according to his book “The Art of the Deal.” Trump said so.",
            "She wrote in her memoir, “Hard Choices,” that the talks failed.",
            "The plane appears in the film “Home Alone 2.” He loved it.",
            "a report titled “The Long Road Home.”",
        ] {
            assert_eq!(quotes(t)[0].1, QuoteKind::Title, "{t}");
        }
        // Speech after such a noun is still speech.
        let q = quotes("In the book he says, “We will never give up on this country.”");
        assert_eq!(q[0].1, QuoteKind::Direct);
        assert!(WORK_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn many_unmatched_marks_stay_linear() {
        let t = "“a ".repeat(10_000);
        let q = quotes(&t);
        assert_eq!(q.len(), 10_000);
        let t = "x” ".repeat(10_000);
        assert_eq!(quotes(&t).len(), 10_000);
    }
}
