//! Are two sentences the same claim? IDF-weighted soft token overlap with number agreement,
//! plus polarity: negation and denial cues ("not", "denied", "too early to", "no plans") found
//! on each side decide whether one sentence affirms what the other denies.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::fuzz::Pattern;

/// Function words and attribution words: they say little about which claim is made, and
/// "X said" vs "according to X" must not matter.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "if",
    "then",
    "so",
    "as",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "about",
    "into",
    "over",
    "after",
    "before",
    "than",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "it's",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "who",
    "whom",
    "which",
    "what",
    "there",
    "here",
    "also",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "according",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "reported",
    "reports",
    "statement",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mr",
    "mrs",
    "ms",
    "dr",
    "while",
    "when",
    "where",
    "because",
    "just",
    "very",
    "some",
    "such",
    "any",
    "all",
    "more",
    "most",
    "other",
    "out",
    "up",
    "one's",
    "which",
    "via",
    "per",
    "—",
    "-",
];

/// Words that turn a statement into its negation or denial on their own.
const NEGATION_WORDS: &[&str] = &[
    "not",
    "no",
    "never",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "cannot",
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "rebuff",
    "rebuffs",
    "rebuffed",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "false",
    "untrue",
    "unfounded",
    "baseless",
    "nowhere",
    "hardly",
];

/// Multi-word cues, matched on consecutive tokens.
const NEGATION_PHRASES: &[&[&str]] = &[
    &["too", "early", "to"],
    &["too", "soon", "to"],
    &["ruled", "out"],
    &["rules", "out"],
    &["rule", "out"],
    &["far", "from"],
    &["no", "longer"],
    &["not", "yet"],
];

fn number_word(w: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    Some(match w {
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

fn multiplier(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" | "mln" | "mn" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" => 1e12,
        _ => return None,
    })
}

/// Lowercased word tokens (apostrophes and digit separators kept inside words) and whether
/// each began with a capital letter.
fn words(text: &str) -> Vec<(String, bool)> {
    let t: Vec<char> = text
        .nfkc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            _ => c,
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i] == '%' {
            out.push(("percent".to_string(), false));
            i += 1;
            continue;
        }
        if !t[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < t.len() {
            let c = t[j];
            let joiner = j + 1 < t.len()
                && t[j + 1].is_alphanumeric()
                && (c == '\''
                    || ((c == ',' || c == '.')
                        && t[j - 1].is_ascii_digit()
                        && t[j + 1].is_ascii_digit()));
            if c.is_alphanumeric() || joiner {
                j += 1;
            } else {
                break;
            }
        }
        let w: String = t[start..j].iter().collect();
        let cap = t[start].is_uppercase();
        let mut lw = String::with_capacity(w.len());
        for c in w.chars() {
            match c {
                'ß' => lw.push_str("ss"),
                _ => lw.extend(c.to_lowercase()),
            }
        }
        out.push((lw, cap));
        i = j;
    }
    out
}

fn parse_number(w: &str) -> Option<f64> {
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits: String = w.chars().filter(|&c| c != ',').collect();
        // "5bn", "3m": a number glued to a multiplier.
        let split = digits
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(digits.len());
        let v: f64 = digits[..split].parse().ok()?;
        let rest = &digits[split..];
        if rest.is_empty() {
            return Some(v);
        }
        return match rest {
            "m" => Some(v * 1e6),
            "k" => Some(v * 1e3),
            _ => multiplier(rest).map(|m| v * m),
        };
    }
    number_word(w)
}

/// Crude English stemmer: enough to match inflections ("deploying" / "deployed" / "deploys").
fn stem(w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let n = w.chars().count();
    for (suf, min, rep) in [
        ("ies", 5, "y"),
        ("ing", 6, ""),
        ("ed", 5, ""),
        ("es", 5, ""),
        ("ly", 6, ""),
        ("s", 4, ""),
    ] {
        if n >= min && w.ends_with(suf) && !(suf == "s" && w.ends_with("ss")) {
            let mut s = w[..w.len() - suf.len()].to_string();
            s.push_str(rep);
            // "planned" -> "plann" -> "plan": doubled final consonant.
            let b = s.as_bytes();
            if rep.is_empty()
                && (suf == "ing" || suf == "ed")
                && b.len() >= 3
                && b[b.len() - 1] == b[b.len() - 2]
                && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
            {
                s.pop();
            }
            return s;
        }
    }
    w.to_string()
}

/// One content token of a prepared statement.
#[derive(Debug, Clone)]
struct Tok {
    word: String,
    stem: String,
    chars: Vec<char>,
    weight: f64,
    /// Hashes of `word` and `stem`: most token pairs differ, and two integers say so quicker
    /// than two string comparisons.
    word_hash: u64,
    stem_hash: u64,
    /// Which of 64 character classes (code point mod 64) the word contains.
    classes: u64,
}

impl Tok {
    fn new(word: String, stem: String, weight: f64) -> Self {
        Tok {
            chars: word.chars().collect(),
            word_hash: fnv(&word),
            classes: word.chars().fold(0, |m, c| m | 1u64 << (c as u32 % 64)),
            stem_hash: fnv(&stem),
            word,
            stem,
            weight,
        }
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A sentence tokenized and weighted once (for batches).
#[derive(Debug, Clone)]
pub struct PreparedStatement {
    toks: Vec<Tok>,
    numbers: Vec<f64>,
    cues: Vec<String>,
}

impl PreparedStatement {
    /// The negation / denial cues found, in order.
    pub fn cues(&self) -> &[String] {
        &self.cues
    }
}

/// Result of [`StatementScorer::compare`].
#[derive(Debug, Clone, PartialEq)]
pub struct StatementMatch {
    pub score: f64,
    /// True when exactly one side negates or denies (an odd number of cues on one side only).
    pub opposite: bool,
    pub cues_a: Vec<String>,
    pub cues_b: Vec<String>,
}

/// Statement similarity with IDF weights: built-in (stopwords light, longer words heavier)
/// or fitted on a corpus.
#[derive(Debug, Clone, Default)]
pub struct StatementScorer {
    idf: HashMap<String, f64>,
    /// Weight of words the fitted corpus never saw.
    unseen: Option<f64>,
}

fn is_stop(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

impl StatementScorer {
    /// The built-in scorer (no corpus statistics).
    pub fn new() -> Self {
        Self::default()
    }

    /// IDF fitted on `texts`: `ln((N + 1) / (df + 1)) + 1` per stem.
    pub fn fit<S: AsRef<str>>(texts: &[S]) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        for t in texts {
            let set: HashSet<String> = words(t.as_ref())
                .into_iter()
                .map(|(w, _)| stem(&w))
                .collect();
            for s in set {
                *df.entry(s).or_insert(0) += 1;
            }
        }
        let n = texts.len() as f64;
        let idf = df
            .into_iter()
            .map(|(k, d)| (k, ((n + 1.0) / (d as f64 + 1.0)).ln() + 1.0))
            .collect();
        StatementScorer {
            idf,
            unseen: Some((n + 1.0).ln() + 1.0),
        }
    }

    /// A scorer with given IDF weights per word (keys are lowercased and stemmed).
    pub fn with_idf(idf: &HashMap<String, f64>) -> Self {
        let mut m = HashMap::new();
        let mut max = 1.0f64;
        for (k, &v) in idf {
            max = max.max(v);
            m.insert(stem(&k.to_lowercase()), v.max(0.0));
        }
        StatementScorer {
            idf: m,
            unseen: Some(max),
        }
    }

    fn weight(&self, word: &str, st: &str, cap: bool) -> f64 {
        let base = match (self.idf.get(st), self.unseen) {
            (Some(&v), _) => v,
            (None, Some(u)) => u,
            // Built-in: longer words are rarer and carry more of the claim.
            (None, None) => 1.0 + 0.15 * (word.chars().count().min(12) as f64),
        };
        let base = if is_stop(word) { base * 0.1 } else { base };
        if cap {
            base * 1.3
        } else {
            base
        }
    }

    /// Tokenize and weigh `text` once.
    pub fn prepare(&self, text: &str) -> PreparedStatement {
        let ws = words(text);
        let lower: Vec<&str> = ws.iter().map(|(w, _)| w.as_str()).collect();
        let mut cues = Vec::new();
        let mut cue_pos: HashSet<usize> = HashSet::new();
        let mut i = 0;
        while i < lower.len() {
            if let Some(p) = NEGATION_PHRASES
                .iter()
                .find(|p| lower.len() - i >= p.len() && lower[i..i + p.len()] == ***p)
            {
                cues.push(p.join(" "));
                cue_pos.extend(i..i + p.len());
                i += p.len();
                continue;
            }
            let w = lower[i];
            if NEGATION_WORDS.contains(&w) || (w.ends_with("n't") && w.len() > 3) {
                cues.push(w.to_string());
                cue_pos.insert(i);
            }
            i += 1;
        }
        let mut toks = Vec::new();
        let mut numbers = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            let (w, cap) = (&ws[k].0, ws[k].1);
            if cue_pos.contains(&k) {
                k += 1;
                continue;
            }
            if let Some(mut v) = parse_number(w) {
                if let Some(m) = ws.get(k + 1).and_then(|(n, _)| multiplier(n)) {
                    v *= m;
                    k += 1;
                }
                numbers.push(v);
                let word = format!("#{v}");
                toks.push(Tok::new(word.clone(), word, 2.0));
                k += 1;
                continue;
            }
            let base = w.strip_suffix("n't").unwrap_or(w);
            let st = stem(base);
            // A capital that does not start the sentence hints at a name.
            let name = cap && k > 0;
            let weight = self.weight(base, &st, name);
            toks.push(Tok::new(base.to_string(), st, weight));
            k += 1;
        }
        PreparedStatement {
            toks,
            numbers,
            cues,
        }
    }

    /// Similarity of two prepared statements, 0–100 (polarity not included).
    pub fn score_prepared(&self, a: &PreparedStatement, b: &PreparedStatement) -> f64 {
        if a.toks.is_empty() && b.toks.is_empty() {
            return 100.0;
        }
        if a.toks.is_empty() || b.toks.is_empty() {
            return 0.0;
        }
        let (ra, rb) = recalls(&a.toks, &b.toks);
        let f = if ra + rb > 0.0 {
            2.0 * ra * rb / (ra + rb)
        } else {
            0.0
        };
        let mut score = 100.0 * f;
        if !a.numbers.is_empty() && !b.numbers.is_empty() {
            let shared = a
                .numbers
                .iter()
                .filter(|x| b.numbers.iter().any(|y| same_number(**x, *y)))
                .count();
            let frac = shared as f64 / a.numbers.len().max(b.numbers.len()) as f64;
            score *= 0.7 + 0.3 * frac;
        }
        score.clamp(0.0, 100.0)
    }

    /// Similarity of two sentences, 0–100.
    pub fn score(&self, a: &str, b: &str) -> f64 {
        self.score_prepared(&self.prepare(a), &self.prepare(b))
    }

    /// Similarity, polarity and the cues of both sentences.
    pub fn compare(&self, a: &str, b: &str) -> StatementMatch {
        let (pa, pb) = (self.prepare(a), self.prepare(b));
        let score = self.score_prepared(&pa, &pb);
        let opposite = (pa.cues.len() % 2) != (pb.cues.len() % 2);
        StatementMatch {
            score,
            opposite,
            cues_a: pa.cues,
            cues_b: pb.cues,
        }
    }
}

fn same_number(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

/// How well one token is matched by another: exact, same stem, or a near spelling.
fn token_sim(a: &Tok, b: &Tok) -> f64 {
    if a.word_hash == b.word_hash && a.word == b.word {
        return 1.0;
    }
    if a.stem_hash == b.stem_hash && a.stem == b.stem {
        return 0.95;
    }
    if a.word.starts_with('#') || b.word.starts_with('#') {
        return 0.0;
    }
    let (la, lb) = (a.chars.len(), b.chars.len());
    if la < 4 || lb < 4 {
        return 0.0;
    }
    let best = 200.0 * la.min(lb) as f64 / (la + lb) as f64;
    if best < 80.0 {
        return 0.0;
    }
    // Shared long prefix: "confrontation" / "confrontational", "organise" / "organising".
    let prefix = a
        .chars
        .iter()
        .zip(&b.chars)
        .take_while(|(x, y)| x == y)
        .count();
    let p = if prefix >= 5 && prefix * 4 >= 3 * la.min(lb) {
        0.85
    } else {
        0.0
    };
    // Every character of a common subsequence is in both words: a bound that rules out most
    // pairs before the LCS.
    let shared = a
        .chars
        .iter()
        .filter(|&&c| b.classes & (1u64 << (c as u32 % 64)) != 0)
        .count();
    if 5 * shared < 2 * (la + lb) {
        return p;
    }
    let lcs = if la <= 64 {
        short_lcs(&a.chars, &b.chars)
    } else {
        Pattern::new(&a.chars).lcs(&b.chars)
    };
    // The Indel ratio of the two spellings (as `fuzz::ratio`), counted when ≥ 80.
    let r = (1.0 - (la + lb - 2 * lcs) as f64 / (la + lb) as f64) * 100.0;
    (if r >= 80.0 { r / 100.0 * 0.9 } else { 0.0 }).max(p)
}

/// LCS length of a word of at most 64 characters and another (bit-parallel, Hyyrö 2004), with
/// the match masks built on the fly: words are short, so this beats building a [`Pattern`].
fn short_lcs(a: &[char], b: &[char]) -> usize {
    debug_assert!(a.len() <= 64);
    let mut s = !0u64;
    for &c in b {
        let mut m = 0u64;
        for (i, &x) in a.iter().enumerate() {
            m |= ((x == c) as u64) << i;
        }
        let u = s & m;
        s = s.wrapping_add(u) | (s - u);
    }
    let mask = if a.len() == 64 {
        !0u64
    } else {
        (1u64 << a.len()) - 1
    };
    (!s & mask).count_ones() as usize
}

/// Weighted shares of `a`'s tokens found (softly) in `b`, and of `b`'s in `a`: every token
/// pair is compared once for both directions.
fn recalls(a: &[Tok], b: &[Tok]) -> (f64, f64) {
    let total_a: f64 = a.iter().map(|t| t.weight).sum();
    let total_b: f64 = b.iter().map(|t| t.weight).sum();
    let mut best_b = vec![0.0f64; b.len()];
    let mut got_a = 0.0;
    for t in a {
        let mut best = 0.0f64;
        for (u, bb) in b.iter().zip(best_b.iter_mut()) {
            if best >= 1.0 && *bb >= 1.0 {
                continue;
            }
            let s = token_sim(t, u);
            best = best.max(s);
            *bb = bb.max(s);
        }
        got_a += t.weight * best;
    }
    let got_b: f64 = b.iter().zip(&best_b).map(|(u, s)| u.weight * s).sum();
    let share = |got: f64, total: f64| if total > 0.0 { got / total } else { 0.0 };
    (share(got_a, total_a), share(got_b, total_b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lcs_equals_the_pattern_lcs() {
        let words = [
            "confrontation",
            "confrontational",
            "organise",
            "organising",
            "Kishida",
            "Kishda",
            "aaaa",
            "abab",
            "baba",
            "NATO",
            "nato",
            "x",
            "",
            "Jianfeng",
            "Jiangfeng",
            "ümlaut",
        ];
        let long: String = "ab".repeat(32);
        for a in words.iter().copied().chain([long.as_str()]) {
            for b in words.iter().copied().chain([long.as_str()]) {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                assert_eq!(short_lcs(&ca, &cb), Pattern::new(&ca).lcs(&cb), "{a} / {b}");
            }
        }
    }

    #[test]
    fn near_spellings_still_match_and_unrelated_words_do_not() {
        let s = StatementScorer::new();
        let t = |x: &str| s.prepare(x).toks.remove(0);
        assert!(token_sim(&t("Kishida"), &t("Kishda")) > 0.8);
        assert!(token_sim(&t("confrontation"), &t("confrontational")) >= 0.85);
        assert_eq!(token_sim(&t("security"), &t("alliance")), 0.0);
    }

    #[test]
    fn negation_is_opposite_with_high_score() {
        let s = StatementScorer::new();
        let m = s.compare(
            "The United States is deploying troops to the region.",
            "The United States is not deploying troops to the region.",
        );
        assert!(m.opposite);
        assert!(m.score > 90.0, "{}", m.score);
        assert_eq!(m.cues_b, vec!["not"]);
        let m = s.compare(
            "We do not seek confrontation, the minister said.",
            "According to the minister, they don't seek confrontation.",
        );
        assert!(!m.opposite, "{m:?}");
        let m = s.compare(
            "He denied any plans for such a bloc.",
            "He said there are plans for such a bloc.",
        );
        assert!(m.opposite);
        let m = s.compare(
            "It is too early to talk about a deal.",
            "They will talk about a deal.",
        );
        assert!(m.opposite);
        assert_eq!(m.cues_a, vec!["too early to"]);
    }

    #[test]
    fn paraphrases_score_above_unrelated() {
        let s = StatementScorer::new();
        let p = s.score(
            "Officials said 1,000 troops would be deployed by Friday.",
            "By Friday one thousand troops will be deployed, according to officials.",
        );
        let u = s.score(
            "Officials said 1,000 troops would be deployed by Friday.",
            "The central bank raised interest rates by half a point.",
        );
        assert!(p > 80.0, "{p}");
        assert!(u < 30.0, "{u}");
        let n = s.score("Sales rose 5 percent.", "Sales rose 7 percent.");
        assert!(n < s.score("Sales rose 5 percent.", "Sales rose 5%."));
    }

    #[test]
    fn stems() {
        assert_eq!(stem("deploying"), "deploy");
        assert_eq!(stem("deployed"), "deploy");
        assert_eq!(stem("planned"), "plan");
        assert_eq!(stem("policies"), "policy");
    }
}
