//! Word tokens of the paragraphs attribution reads, tagged once with what the lexicon and a
//! small closed-class word list know about them, so later passes never re-read the text.

use std::sync::OnceLock;

use crate::lexicon::{lexicon, FxHashMap, WordInfo};
use crate::segment;

/// Closed-class words that matter for finding subjects and clause edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Func {
    #[default]
    None,
    /// the, a, an, his, her, its, their, this
    Det,
    /// in, on, at, to, of, for, …
    Prep,
    /// has, was, will, also, later, … (skipped between a subject and its verb)
    Aux,
    /// and, but, or
    Conj,
    /// that, whether, if (clause openers)
    That,
    /// who, which
    Rel,
    /// he, him, his (masculine singular person)
    He,
    /// she, her
    She,
    /// they, them
    They,
    /// it
    It,
    /// I, we (first person)
    First,
    /// Months, weekdays, today, yesterday, …
    Time,
    /// Capitalized words that open sentences but never names (However, Meanwhile, …).
    Opener,
    /// Possessive `'s` split off a word.
    Possessive,
}

/// A token: a word or one punctuation character, as a byte span of the normalized text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub s: usize,
    pub e: usize,
    pub word: bool,
    /// Starts with an uppercase letter (or is a digit-led word such as "G20").
    pub cap: bool,
    /// Inside (or is a mark of) a quote.
    pub quoted: bool,
    pub sent: usize,
    pub para: usize,
    pub lex: WordInfo,
    pub func: Func,
    /// Ends in -ly or is a listed adverb: skipped between subject and verb.
    pub adverb: bool,
    /// In a body paragraph (captions are read for names and sides only).
    pub body: bool,
    /// Starts with a digit ("7", "2024", "G20" does not).
    pub digit: bool,
}

/// Words ending in "-ly" that are nouns or adjectives, not adverbs ("the family said").
static LY_NOUNS: crate::lexicon::Words = crate::lexicon::Words::new("ly_nouns");

static ADVERBS: crate::lexicon::Words = crate::lexicon::Words::new("adverbs");

const CLOSED_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "its",
    "their",
    "this",
    "these",
    "those",
    "our",
    "my",
    "your",
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "from",
    "with",
    "by",
    "about",
    "against",
    "over",
    "under",
    "after",
    "before",
    "during",
    "into",
    "than",
    "as",
    "via",
    "amid",
    "among",
    "between",
    "toward",
    "towards",
    "without",
    "within",
    "while",
    "when",
    "since",
    "until",
    "because",
    "despite",
    "like",
    "through",
    "across",
    "near",
    "upon",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "also",
    "later",
    "then",
    "still",
    "repeatedly",
    "once",
    "reportedly",
    "and",
    "but",
    "or",
    "nor",
    "yet",
    "so",
    "that",
    "whether",
    "if",
    "who",
    "which",
    "whom",
    "he",
    "him",
    "she",
    "her",
    "they",
    "them",
    "it",
    "i",
    "we",
    "me",
    "us_",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "week",
    "month",
    "year",
    "last",
    "next",
    "morning",
    "afternoon",
    "evening",
    "night",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "still_",
    "first",
    "then_",
    "also_",
    "instead",
    "indeed",
    "recently",
    "finally",
    "now",
    "there",
    "here",
    "some",
    "many",
    "most",
    "several",
    "other",
    "others",
    "one",
    "what",
    "why",
    "how",
    "where",
    "asked",
    "yes",
    "no",
    "whatever",
    "whether_",
    "such",
    "although",
    "though",
    "after_",
    "factoring",
    "whilst",
    "once_",
    "all",
    "both",
    "each",
    "any",
    "every",
    "not_",
    "last_",
    "conclusion",
];

fn func_table(lower: &str) -> Func {
    match lower {
        "the" | "a" | "an" | "his" | "its" | "their" | "this" | "these" | "those" | "our"
        | "my" | "your" => Func::Det,
        "in" | "on" | "at" | "to" | "of" | "for" | "from" | "with" | "by" | "about" | "against"
        | "over" | "under" | "after" | "before" | "during" | "into" | "than" | "as" | "via"
        | "amid" | "among" | "between" | "toward" | "towards" | "without" | "within" | "while"
        | "when" | "since" | "until" | "because" | "despite" | "like" | "through" | "across"
        | "near" | "upon" => Func::Prep,
        "has" | "have" | "had" | "is" | "was" | "were" | "are" | "be" | "been" | "will"
        | "would" | "could" | "should" | "can" | "may" | "might" | "must" | "do" | "does"
        | "did" | "not" | "also" | "later" | "then" | "still" | "repeatedly" | "once"
        | "reportedly" => Func::Aux,
        "and" | "but" | "or" | "nor" | "yet" | "so" => Func::Conj,
        "that" | "whether" | "if" => Func::That,
        "who" | "which" | "whom" => Func::Rel,
        "he" | "him" => Func::He,
        "she" | "her" => Func::She,
        "they" | "them" => Func::They,
        "it" => Func::It,
        "i" | "we" | "me" | "us_" => Func::First,
        "january" | "february" | "march" | "april" | "june" | "july" | "august" | "september"
        | "october" | "november" | "december" | "jan." | "feb." | "aug." | "sept." | "oct."
        | "nov." | "dec." | "monday" | "tuesday" | "wednesday" | "thursday" | "friday"
        | "saturday" | "sunday" | "today" | "yesterday" | "tomorrow" | "tonight" | "week"
        | "month" | "year" | "last" | "next" | "morning" | "afternoon" | "evening" | "night" => {
            Func::Time
        }
        "however" | "meanwhile" | "moreover" | "furthermore" | "still_" | "first" | "then_"
        | "also_" | "instead" | "indeed" | "recently" | "finally" | "now" | "there" | "here"
        | "some" | "many" | "most" | "several" | "other" | "others" | "one" | "what" | "why"
        | "how" | "where" | "asked" | "yes" | "no" | "whatever" | "whether_" | "such"
        | "although" | "though" | "after_" | "factoring" | "whilst" | "once_" | "all" | "both"
        | "each" | "any" | "every" | "not_" | "last_" | "conclusion" | "likewise" | "similarly"
        | "separately" | "additionally" | "nonetheless" | "nevertheless" | "please" => Func::Opener,
        _ => Func::None,
    }
}

/// Closed-class words and adverbs, looked up with one hash probe per token.
fn closed_class() -> &'static FxHashMap<&'static str, (Func, bool)> {
    static TABLE: OnceLock<FxHashMap<&'static str, (Func, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: FxHashMap<&'static str, (Func, bool)> = FxHashMap::default();
        for w in CLOSED_WORDS.iter().chain(ADVERBS.iter()) {
            let f = func_table(w);
            m.insert(w, (f, ADVERBS.contains(w)));
        }
        m
    })
}

/// Longer than every closed-class word and listed adverb: no lookup needed.
const CLOSED_MAX_LEN: usize = 12;

/// The closed-class function of a lowercase word (`Func::None` for open-class words) and whether
/// it is a listed adverb.
pub fn func_of(lower: &str) -> (Func, bool) {
    if let Some(&f) = closed_class().get(lower) {
        return f;
    }
    contraction(lower).map_or((Func::None, false), |f| (f, false))
}

impl Func {
    /// Whether this is a personal pronoun that can open a clause as its subject (he, she,
    /// they, it, I, we).
    pub fn is_subject_pronoun(self) -> bool {
        matches!(
            self,
            Func::He | Func::She | Func::They | Func::It | Func::First
        )
    }
}

/// A contracted word: "isn't", "didn’t", "won't" are auxiliaries (and negate); "they've",
/// "I'm", "we're", "he'd" take the function of their pronoun.
fn contraction(lower: &str) -> Option<Func> {
    let (stem, tail) = lower.rsplit_once(['\'', '\u{2019}'])?;
    match tail {
        "t" if stem.ends_with('n') => Some(Func::Aux),
        "ve" | "m" | "re" | "ll" | "d" => match closed_class().get(stem) {
            Some(&(f, _)) if f.is_subject_pronoun() => Some(f),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a word negates: "not", "never", "n't" and a contraction ending in it ("didn't").
pub fn negates(lower: &str) -> bool {
    matches!(lower, "not" | "never" | "n't" | "n\u{2019}t")
        || lower.len() > 3 && (lower.ends_with("n't") || lower.ends_with("n\u{2019}t"))
}

/// Lowercase `w` into `buf` (ASCII fast path) and return it.
pub fn lower_into<'b>(w: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(w.chars().flat_map(char::to_lowercase));
    }
    buf.as_str()
}

/// Tokenize `text[start..end]` (one paragraph) into `out`, tagging every word.
pub fn tokenize(text: &str, start: usize, end: usize, para: usize, out: &mut Vec<Tok>) {
    let lx = lexicon();
    let Some(s) = text.get(start..end) else {
        return;
    };
    let mut buf = String::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(punct_tok(
                start + i,
                start + i + c.len_utf8(),
                para,
                Func::None,
            ));
            continue;
        }
        let mut e = i + c.len_utf8();
        let mut possessive = false;
        let mut plural_possessive = false;
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                e = j + d.len_utf8();
                it.next();
                continue;
            }
            if matches!(d, '\'' | '-' | '.' | '&') {
                let after = s[j + 1..].chars().next();
                // Plural possessive: "Sanders' campaign", "the Smiths' lawyer".
                if d == '\''
                    && s[i..j].ends_with(['s', 'S'])
                    && after.is_some_and(|a| a == ' ')
                    && s[j + 1..]
                        .trim_start()
                        .starts_with(|c: char| c.is_alphanumeric())
                {
                    plural_possessive = true;
                    break;
                }
                if after.is_some_and(char::is_alphanumeric) {
                    if d == '\'' {
                        // Possessive 's: split it off ("Japan's" -> "Japan" "'s").
                        let rest = &s[j + 1..];
                        let after2 = rest.chars().nth(1);
                        if rest.starts_with(['s', 'S'])
                            && !after2.is_some_and(char::is_alphanumeric)
                        {
                            possessive = true;
                            break;
                        }
                    }
                    e = j + 1;
                    it.next();
                    continue;
                }
                if d == '.' {
                    // Abbreviation or initial: keep the period ("Lt.", "U.S.", "J.").
                    let w = &s[i..j];
                    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                    let dotted = w.contains('.');
                    let abbr = w.len() <= 5
                        && {
                            let l = lower_into(w, &mut buf);
                            segment::TITLES.contains(l) || segment::MONTH_ABBR.contains(l)
                        }
                        && w.starts_with(|c: char| c.is_uppercase());
                    if dotted || abbr || (letters == 1 && w.starts_with(|c: char| c.is_uppercase()))
                    {
                        e = j + 1;
                        it.next();
                    }
                }
            }
            break;
        }
        push_word(s, start, i, e, para, lx, &mut buf, out);
        if plural_possessive {
            // The apostrophe alone ("Sanders' campaign").
            if let Some((j, ch)) = it.next() {
                out.push(punct_tok(
                    start + j,
                    start + j + ch.len_utf8(),
                    para,
                    Func::Possessive,
                ));
            }
        }
        if possessive {
            // The apostrophe and the s.
            let (j, _) = it.next().unwrap_or((e, '\''));
            let k = it.next().map(|(k, ch)| k + ch.len_utf8()).unwrap_or(j + 1);
            let mut t = punct_tok(start + j, start + k.min(s.len()), para, Func::Possessive);
            // "He's claiming", "it's denouncing": after a pronoun, 's is "is" or "has".
            if matches!(
                lower_into(&s[i..e], &mut buf),
                "he" | "she" | "it" | "that" | "there" | "who" | "what" | "here"
            ) {
                t.word = true;
                t.func = Func::Aux;
            }
            out.push(t);
        }
    }
}

/// A token that is not a word over the byte span `[s, e)`: punctuation (`Func::None`) or the
/// possessive `'s` (or a plural's lone `'`, `Func::Possessive`).
fn punct_tok(s: usize, e: usize, para: usize, func: Func) -> Tok {
    Tok {
        s,
        e,
        word: false,
        cap: false,
        quoted: false,
        sent: 0,
        para,
        lex: WordInfo::default(),
        func,
        adverb: false,
        body: true,
        digit: false,
    }
}

#[allow(clippy::too_many_arguments)]
fn push_word(
    s: &str,
    start: usize,
    i: usize,
    e: usize,
    para: usize,
    lx: &crate::lexicon::Lexicon,
    buf: &mut String,
    out: &mut Vec<Tok>,
) {
    let w = &s[i..e];
    let cap = w.starts_with(|c: char| c.is_uppercase());
    // Most words are already lowercase ASCII: look them up without copying.
    let lower = if w
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
    {
        w
    } else {
        lower_into(w, buf)
    };
    let lex = lx.word(lower);
    let (func, listed_adverb) = if lower.len() <= CLOSED_MAX_LEN {
        func_of(lower)
    } else {
        (Func::None, false)
    };
    let adverb = (lower.len() > 4
        && lower.ends_with("ly")
        && lex.cue.is_none()
        && !LY_NOUNS.contains(lower))
        || listed_adverb;
    out.push(Tok {
        s: start + i,
        e: start + e,
        word: true,
        cap,
        quoted: false,
        sent: 0,
        para,
        lex,
        func,
        adverb,
        body: true,
        digit: w.starts_with(|c: char| c.is_ascii_digit()),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), 0, &mut v);
        v.iter().map(|k| t[k.s..k.e].to_string()).collect()
    }

    #[test]
    fn closed_class_words_are_short() {
        assert!(CLOSED_WORDS
            .iter()
            .chain(ADVERBS.iter())
            .all(|w| w.len() <= CLOSED_MAX_LEN));
    }

    #[test]
    fn abbreviations_possessives_and_joiners() {
        assert_eq!(
            words("Lt. Gen. Jing said the U.S. and Japan's anti-China plan."),
            vec![
                "Lt.",
                "Gen.",
                "Jing",
                "said",
                "the",
                "U.S.",
                "and",
                "Japan",
                "'s",
                "anti-China",
                "plan",
                "."
            ]
        );
        assert_eq!(words("don't é's ''"), vec!["don't", "é", "'s", "'", "'"]);
        assert!(words("").is_empty());
    }
}
