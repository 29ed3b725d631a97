//! Paragraphs, sentences and tokens of normalized text, as byte spans.
//!
//! Paragraphs are lines (scraped news puts one paragraph per line), with hard-wrapped lines joined
//! back. Lines that are not body text — titles, headings, bylines, datelines, image file names,
//! photo credits and captions, share/print boilerplate, "Related stories" lists — are flagged with
//! a [`ParagraphKind`], never deleted. Sentence splitting knows news abbreviations (U.S., Lt. Gen.,
//! Sept. 14, No. 2, initials) and quote-final punctuation (`.”`).

use serde::{Deserialize, Serialize};

/// What a paragraph is, so later stages can skip what is not body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Body,
    Title,
    Heading,
    Byline,
    Dateline,
    Image,
    Credit,
    Caption,
    Boilerplate,
    Related,
}

impl ParagraphKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Title => "title",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Byline => "byline",
            ParagraphKind::Dateline => "dateline",
            ParagraphKind::Image => "image",
            ParagraphKind::Credit => "credit",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Boilerplate => "boilerplate",
            ParagraphKind::Related => "related",
        }
    }

    /// Whether the paragraph is running text of the article (body, or a heading inside it).
    pub fn is_body(self) -> bool {
        matches!(self, ParagraphKind::Body)
    }
}

/// A byte span of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParaSpan {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentSpan {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

const TERMINAL: &[char] = &['.', '!', '?', ';'];

fn word_count(s: &str) -> usize {
    words_upto(s, usize::MAX)
}

/// Whitespace-separated words that contain a letter or digit, counting at most `limit`.
fn words_upto(s: &str, limit: usize) -> usize {
    let (mut n, mut in_word, mut alnum) = (0, false, false);
    for c in s.chars() {
        if c.is_whitespace() {
            if in_word && alnum {
                n += 1;
                if n >= limit {
                    return n;
                }
            }
            in_word = false;
            alnum = false;
        } else {
            in_word = true;
            alnum |= c.is_alphanumeric();
        }
    }
    n + usize::from(in_word && alnum)
}

fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', ')', ']', ' ']);
    t.ends_with(TERMINAL) || t.ends_with("...")
}

static MONTHS: crate::lexicon::Words = crate::lexicon::Words::new("months");
static WEEKDAYS: crate::lexicon::Words = crate::lexicon::Words::new("weekdays");
/// Words a date line holds besides dates ("updated", "EDT").
static DATE_LINE_WORDS: crate::lexicon::Words = crate::lexicon::Words::new("date_line_words");

/// Lines that are the page around an article, not the article. Matched on short lines only.
static BOILERPLATE: crate::lexicon::Words = crate::lexicon::Words::new("boilerplate");

static RELATED_HEADERS: crate::lexicon::Words = crate::lexicon::Words::new("related_headers");

static IMAGE_EXT: crate::lexicon::Words = crate::lexicon::Words::new("image_ext");

static AGENCIES: crate::lexicon::Words = crate::lexicon::Words::new("agencies");

fn is_date_line(lower: &str, words: usize) -> bool {
    if words == 0 || words > 6 {
        return false;
    }
    // "On July 6, Sanders said:", "By Monday, they had left.": a sentence with a date in it.
    if lower.trim_end().ends_with(':') {
        return false;
    }
    let prose = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| {
            w.len() >= 3
                && w.chars().all(|c| c.is_alphabetic())
                && !MONTHS.contains(w)
                && !WEEKDAYS.contains(w)
                && !DATE_LINE_WORDS.contains(w)
        })
        .count();
    let has_month = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|w| MONTHS.contains(w) || WEEKDAYS.contains(w));
    let digits: usize = lower.chars().filter(|c| c.is_ascii_digit()).count();
    let numeric_date = digits >= 6
        && lower
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ' ' | ':'));
    // A place may open a date line ("WASHINGTON, July 6"); two other words make it prose.
    prose < 2 && ((has_month && digits >= 1) || numeric_date || (has_month && words <= 2))
}

fn is_credit_line(line: &str, lower: &str, words: usize) -> bool {
    if words == 0 || words > 12 || ends_terminal(line) {
        return false;
    }
    if lower.starts_with("photo")
        || lower.starts_with("image:")
        || lower.starts_with("credit:")
        || lower.starts_with("illustration:")
        || lower.contains("photo by")
        || lower.contains("photo credit")
    {
        return true;
    }
    if let Some((_, agency)) = lower.rsplit_once('/') {
        let agency = agency.trim().trim_end_matches(')');
        return AGENCIES.contains(agency) || agency.ends_with(" images");
    }
    false
}

fn is_caption_line(lower: &str, words: usize) -> bool {
    // "Pompeo in Tokyo, via Reuters": a short caption carrying its own credit.
    if let Some((_, agency)) = lower.rsplit_once(" via ") {
        if words <= 15 && AGENCIES.contains(agency.trim().trim_end_matches(')')) {
            return true;
        }
    }
    lower.ends_with(')')
        && (lower.contains("photo via ")
            || lower.contains("(ap photo")
            || lower.contains("pool photo")
            || lower.contains("(photo")
            || lower.contains("/reuters)")
            || lower.contains("/afp)")
            || lower.contains("getty images)")
            || lower.contains("(reuters")
            || lower.contains("file photo"))
}

fn is_boilerplate(lower: &str, words: usize) -> bool {
    words <= 8 && BOILERPLATE.iter().any(|b| lower.contains(b))
        || lower.starts_with("edited by ")
        || lower.starts_with("reporting by ")
        || lower.starts_with("additional reporting by ")
        || lower.starts_with("written by ")
        || lower.starts_with("translated by ")
}

fn is_byline(line: &str, lower: &str, w: usize) -> bool {
    lower.starts_with("by ")
        && (2..=12).contains(&w)
        && line[3..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase())
        && !ends_terminal(line)
}

fn is_image_line(lower: &str) -> bool {
    let t = lower.trim();
    !t.contains(' ') && IMAGE_EXT.iter().any(|e| t.ends_with(e))
}

fn is_heading(line: &str, w: usize) -> bool {
    if w == 0 || w > 25 {
        return false;
    }
    let t = line.trim_end();
    if t.ends_with(':') || t.ends_with(',') {
        return false;
    }
    if t.ends_with('?') {
        // A question heading is title-cased; a question in the body is a sentence.
        return title_cased(line);
    }
    if ends_terminal(line) {
        return false;
    }
    // A body line that lost its final period (`"…," Backlund said`, `“…” ― Jorge Falcon`) is a
    // sentence: it opens with a quote, or runs long in sentence case.
    // A quoted sentence ends in punctuation inside its marks (`"…," Backlund said`); a quoted
    // headline fragment does not (`‘Too early’ for an Asian NATO`).
    let opens_quote = t.starts_with(['"', '\'', '\u{201C}', '\u{2018}', '\u{00AB}'])
        && t.char_indices()
            .skip(1)
            .find(|&(_, c)| matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}'))
            .is_some_and(|(i, _)| t[..i].ends_with([',', '.', '?', '!']));
    let sentence_case = !title_cased(line);
    !(opens_quote && w >= 4 || sentence_case && w >= params::HEADING_MAX_SENTENCE_WORDS)
}

/// A first line in headline case that ends with a period ("Wyoming Republicans Support Sending A
/// Familiar Name Back To Washington."): archives and scrapers often add one.
fn is_dotted_headline(line: &str, w: usize) -> bool {
    let (caps, long) = capitalized_long_words(line);
    (4..=25).contains(&w) && long >= 3 && caps * 10 >= long * 8 && line.trim_end().ends_with('.')
}

/// Words of four or more letters in `s`, and how many of them start with a capital letter:
/// `(capitalized, long)`. Headlines and quoted titles capitalize most of them.
pub fn capitalized_long_words(s: &str) -> (usize, usize) {
    let (mut caps, mut long) = (0, 0);
    for w in s.split_whitespace() {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            if w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_uppercase())
            {
                caps += 1;
            }
        }
    }
    (caps, long)
}

fn title_cased(line: &str) -> bool {
    let (caps, long) = capitalized_long_words(line);
    long == 0 || caps * 10 >= long * 6
}

/// An all-capitals line above a headline ("SEE IT'S IN THE PLANNING") is a kicker, not the title.
fn is_kicker(line: &str, words: usize) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) && words >= 2
}

fn is_place_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ',' | '.' | '-'))
        })
}

/// Split normalized text into paragraphs and classify each.
pub fn paragraphs(text: &str) -> Vec<ParaSpan> {
    // Lines (trimmed byte spans), with blank lines kept as separators.
    let mut lines: Vec<Option<Span>> = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        if t.is_empty() {
            lines.push(None);
        } else {
            lines.push(Some(Span {
                start: pos + lead,
                end: pos + lead + t.len(),
            }));
        }
        pos += raw.len() + 1;
    }
    // Join hard-wrapped lines: the next line starts lowercase and this one does not end a sentence.
    let mut spans: Vec<Span> = Vec::new();
    let mut prev_joinable = false;
    for l in lines {
        match l {
            None => prev_joinable = false,
            Some(s) => {
                let line = &text[s.start..s.end];
                let starts_lower = line.starts_with(|c: char| c.is_lowercase());
                if prev_joinable && starts_lower {
                    if let Some(last) = spans.last_mut() {
                        last.end = s.end;
                    }
                } else {
                    spans.push(s);
                }
                prev_joinable = !ends_terminal(line)
                    && !line.ends_with(':')
                    && !line.ends_with('"')
                    && words_upto(line, 8) >= 8;
            }
        }
    }
    classify(text, &spans)
}

/// Named limits of paragraph classification.
mod params {
    /// A line without final punctuation in sentence case and at least this many words is a body
    /// line that lost its period, not a heading.
    pub const HEADING_MAX_SENTENCE_WORDS: usize = 9;
}

fn classify(text: &str, spans: &[Span]) -> Vec<ParaSpan> {
    let mut out: Vec<ParaSpan> = Vec::with_capacity(spans.len());
    let mut in_related = false;
    let (mut seen_body, mut seen_title) = (false, false);
    for (i, s) in spans.iter().enumerate() {
        let line = &text[s.start..s.end];
        // Every non-body pattern is a line of at most 25 words or a caption ending in ')'.
        let words = words_upto(line, 26);
        if words > 25 && !line.ends_with(')') {
            in_related = false;
            seen_body = true;
            out.push(ParaSpan {
                start: s.start,
                end: s.end,
                kind: ParagraphKind::Body,
            });
            continue;
        }
        let lower = line.to_lowercase();
        let lower = lower.as_str();
        let prev = out.last().map(|p| p.kind);
        let words = if words > 25 { word_count(line) } else { words };
        let mut kind = if is_image_line(lower) {
            ParagraphKind::Image
        } else if is_credit_line(line, lower, words) {
            ParagraphKind::Credit
        } else if is_caption_line(lower, words) {
            ParagraphKind::Caption
        } else if RELATED_HEADERS.contains(lower.trim_end_matches(':').trim()) {
            in_related = true;
            ParagraphKind::Related
        } else if is_boilerplate(lower, words) {
            ParagraphKind::Boilerplate
        } else if is_byline(line, lower, words) {
            ParagraphKind::Byline
        } else if is_date_line(lower, words)
            || (is_place_line(line)
                && matches!(
                    prev,
                    Some(ParagraphKind::Byline) | Some(ParagraphKind::Dateline)
                ))
        {
            ParagraphKind::Dateline
        } else if in_related && !ends_terminal(line) {
            // A list of related stories: every headline of it, in any case.
            ParagraphKind::Related
        } else if is_heading(line, words)
            || (!seen_body && !seen_title && i + 1 < spans.len() && is_dotted_headline(line, words))
        {
            if in_related {
                ParagraphKind::Related
            } else if !seen_body && !seen_title && !is_kicker(line, words) {
                ParagraphKind::Title
            } else {
                ParagraphKind::Heading
            }
        } else {
            ParagraphKind::Body
        };
        if kind == ParagraphKind::Body {
            in_related = false;
        }
        // The line just above a photo credit is that photo's caption.
        if kind == ParagraphKind::Credit {
            if let Some(last) = out.last_mut() {
                let above = &text[last.start..last.end];
                // Quoted speech is body text, not a caption.
                if matches!(last.kind, ParagraphKind::Body | ParagraphKind::Heading)
                    && word_count(above) <= 60
                    && !above.contains('"')
                {
                    last.kind = ParagraphKind::Caption;
                }
            }
        }
        if kind == ParagraphKind::Heading && i + 1 == spans.len() && words <= 3 {
            kind = ParagraphKind::Boilerplate;
        }
        seen_body |= kind.is_body();
        seen_title |= kind == ParagraphKind::Title;
        out.push(ParaSpan {
            start: s.start,
            end: s.end,
            kind,
        });
    }
    out
}

/// Abbreviations that precede a name or number and never end a sentence.
pub(crate) static TITLES: crate::lexicon::Words = crate::lexicon::Words::new("title_abbreviations");
pub(crate) static MONTH_ABBR: crate::lexicon::Words =
    crate::lexicon::Words::new("month_abbreviations");
pub(crate) static COMPANY_ABBR: crate::lexicon::Words =
    crate::lexicon::Words::new("company_abbreviations");
/// Words that are capitalized mainly because they start a sentence.
static STARTERS: crate::lexicon::Words = crate::lexicon::Words::new("starters");

fn prev_word(text: &str, end: usize) -> &str {
    let before = &text[..end];
    let start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '[' | '\'' | '/'))
        .map(|i| i + 1)
        .unwrap_or(0);
    &text[start..end]
}

fn next_word(text: &str, start: usize) -> &str {
    let after = &text[start..];
    let after = after.trim_start_matches(['"', '\'', '(', '[']);
    let end = after
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after.len());
    &after[..end]
}

/// Whether a single period at byte `dot` (followed by space and a capitalized `next`) ends a sentence.
fn period_ends_sentence(text: &str, dot: usize, next_start: usize) -> bool {
    let word = prev_word(text, dot);
    let lower = word.to_lowercase();
    let next = next_word(text, next_start);
    let next_lower = next.to_lowercase();
    let next_is_digit = next.starts_with(|c: char| c.is_ascii_digit());
    let next_is_starter = STARTERS.contains(next_lower.as_str());
    if word.is_empty() {
        return true;
    }
    // "No. 2", "Vol. 3" before a number; "said no. But he …" ends a sentence.
    if matches!(lower.as_str(), "no" | "nos" | "vol" | "fig" | "pp" | "art") {
        return !next_is_digit && !next.starts_with('#');
    }
    if TITLES.contains(lower.as_str()) {
        // "Gen. Jing": never a boundary; "vs." neither.
        return false;
    }
    if MONTH_ABBR.contains(lower.as_str()) {
        return !next_is_digit && next_is_starter;
    }
    // An initial: "J. R. Smith", "Lloyd J. Austin".
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    // Dotted acronyms: "U.S.", "a.m.", "D.C." end a sentence only before a typical sentence opener.
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return next_is_starter;
    }
    if COMPANY_ABBR.contains(lower.as_str()) {
        return next_is_starter;
    }
    true
}

/// Split each paragraph into sentences.
pub fn sentences(text: &str, paragraphs: &[ParaSpan]) -> Vec<SentSpan> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let bytes = text.as_bytes();
        let mut start = p.start;
        let mut i = p.start;
        while i < p.end {
            let b = bytes[i];
            if b == b'.' || b == b'!' || b == b'?' {
                let mut j = i;
                while j < p.end && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                let run = j - i;
                while j < p.end && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                    j += 1;
                }
                // A boundary needs white space after the punctuation (or the paragraph end).
                let mut k = j;
                while k < p.end && bytes[k] == b' ' {
                    k += 1;
                }
                if k == p.end {
                    break;
                }
                if k == j {
                    i = j.max(i + 1);
                    continue;
                }
                let next = text[k..].chars().next().unwrap_or(' ');
                // A combining mark after the space is a spacing diacritic that NFKC split
                // (´ → space + U+0301): both come from one character, so no boundary there.
                let opens = !unicode_normalization::char::is_combining_mark(next)
                    && (next.is_uppercase()
                        || next.is_ascii_digit()
                        || matches!(next, '"' | '\'' | '(' | '[')
                        || (!next.is_lowercase() && !next.is_ascii_punctuation()));
                let boundary = opens
                    && if b == b'.' && run == 1 {
                        period_ends_sentence(text, i, k)
                    } else {
                        true
                    };
                if boundary {
                    out.push(SentSpan {
                        start,
                        end: j,
                        paragraph: pi,
                    });
                    start = k;
                }
                i = k;
                continue;
            }
            i += 1;
        }
        if start < p.end {
            out.push(SentSpan {
                start,
                end: p.end,
                paragraph: pi,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<String> {
        let p = paragraphs(t);
        sentences(t, &p)
            .iter()
            .map(|s| t[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn headlines_and_body_lines_without_a_period() {
        let kinds =
            |t: &str| -> Vec<ParagraphKind> { paragraphs(t).iter().map(|p| p.kind).collect() };
        // A headline in title case that ends in a period, as archives write it.
        let k = kinds("Wyoming Republicans Support Sending A Familiar Name Back To Washington.\n\nLiz Cheney won the primary on Tuesday.");
        assert_eq!(k[0], ParagraphKind::Title);
        assert_eq!(k[1], ParagraphKind::Body);
        // Body lines that lost their final period: a quote with its attribution, a signature.
        let k = kinds("Storm hits the coast\n\n\"We lost the roof and the car,\" Anna Backlund said\n\n“I just hope this gets people to register and vote.” ― Dolores Ibarra");
        assert_eq!(k[1], ParagraphKind::Body, "{k:?}");
        assert_eq!(k[2], ParagraphKind::Body, "{k:?}");
        // A quoted headline fragment stays a heading; so does a short line in sentence case.
        let k = kinds("Tuesday, September 17, 2024\n\n‘Too early’ for an Asian NATO: US official\n\nThe talks went on.");
        assert_ne!(k[1], ParagraphKind::Body, "{k:?}");
        // A single sentence is never a title.
        assert_eq!(
            kinds("Beijing Has Warned That Taiwan Is A Red Line.")[0],
            ParagraphKind::Body
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sents("Lt. Gen. Jing spoke on Sept. 14 about the U.S. Defense Secretary. He left.");
        assert_eq!(s.len(), 2, "{s:?}");
        let s = sents("Asked if he agreed, he said no. But he said more. No. 7 won.");
        assert_eq!(s.len(), 3, "{s:?}");
        let s = sents("It cost $1.5 billion, No. 2 said. J. R. Smith agreed.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn quote_final_period_and_acronym_end() {
        let s = sents(
            "\"We do not seek confrontation.\" The U.S. remains invested in the U.S. The end.",
        );
        assert_eq!(
            s,
            vec![
                "\"We do not seek confrontation.\"",
                "The U.S. remains invested in the U.S.",
                "The end."
            ]
        );
        let s = sents("the alliance of the U.S.. Japan and India agreed.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn ellipsis_inside_quote_is_not_a_boundary_before_lowercase() {
        let s = sents("\"a chess piece ... paving the way,\" it said.");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn a_sentence_with_a_date_is_no_date_line() {
        let t = "Budget Talks Stall\nSept. 12, 2016\nUpdated July 6, 2015 3:14 PM\n\
                 WASHINGTON, July 6\nOn July 6, Sanders said:\nBy Monday, the talks had failed.";
        let kinds: Vec<&str> = paragraphs(t).iter().map(|p| p.kind.as_str()).collect();
        assert_eq!(
            kinds,
            vec!["title", "dateline", "dateline", "dateline", "body", "body"]
        );
    }

    #[test]
    fn flags_non_body_lines() {
        let t = "BREAKING NEWS TODAY\nBig Headline Here\nBy Jane Doe for RFA\n2024.09.17\nWashington\nimg-003.jpg\nA man speaks in Tokyo, May 21, 2024.\n Jane Roe/AP\nPompeo in Tokyo, via Reuters\nThe minister said the plan was hasty.\nRelated stories\nUS and China spar over weapons\nPrint Friendly, PDF & Email";
        let p = paragraphs(t);
        let kinds: Vec<&str> = p.iter().map(|p| p.kind.as_str()).collect();
        assert_eq!(
            kinds,
            vec![
                "heading",
                "title",
                "byline",
                "dateline",
                "dateline",
                "image",
                "caption",
                "credit",
                "caption",
                "body",
                "related",
                "related",
                "boilerplate"
            ]
        );
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        let t = "The minister told reporters on Tuesday that the country would\nnot join any alliance aimed at China.\nNext paragraph here is short.";
        let p = paragraphs(t);
        assert_eq!(p.len(), 2);
    }
}
