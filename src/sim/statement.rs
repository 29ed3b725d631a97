//! Are two sentences the same claim? A calibrated score: features of the pair (IDF-weighted
//! soft overlap of content words both ways, numbers, names, word order, length, character-level
//! ratios) combined by logistic-regression weights fitted on the MRPC paraphrase corpus
//! ([`model`], written by `benchmarks/fit_statement.py`), so 70 means "about a 70% chance that
//! the two report one claim". Negation and denial cues ("not", "denied", "too early to", from
//! [`crate::compare::lexicon`]) are left out of the content: the stance of one statement
//! towards the other is [`crate::compare::stance`]'s job.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::fuzz::{self, Pattern};
use super::model;
use super::process::default_process;
use crate::compare::lexicon::{find_cues, Cue};

/// Function words the statement scorer leaves out of a claim's content (they say little
/// about which claim is made): `src/lexicon/statement_stop_words.txt`.
const STOP_WORDS: &str = include_str!("../lexicon/statement_stop_words.txt");

/// Number words and multipliers with their values: `src/lexicon/number_words.tsv`.
const NUMBER_WORDS: &str = include_str!("../lexicon/number_words.tsv");

/// The lines of a lexicon file that carry data (not blank, not a `#` comment).
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Number words (`kind` "number") and multipliers ("multiplier") with their values.
fn number_words() -> &'static HashMap<&'static str, (f64, bool)> {
    static MAP: std::sync::OnceLock<HashMap<&'static str, (f64, bool)>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        data_lines(NUMBER_WORDS)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (w, v, kind) = (f.next()?, f.next()?, f.next()?);
                let v: f64 = v.trim().parse().ok()?;
                Some((w.trim(), (v, kind.trim() == "multiplier")))
            })
            .collect()
    })
}

/// Whether a lowercase word is a number word or a multiplier of the lexicon ("nine",
/// "dozen", "hundred"); the attribution rules read "two in three said" with it.
pub(crate) fn is_number_word(w: &str) -> bool {
    number_words().contains_key(w)
}

fn number_word(w: &str) -> Option<f64> {
    number_words().get(w).filter(|x| !x.1).map(|x| x.0)
}

fn multiplier(w: &str) -> Option<f64> {
    number_words().get(w).filter(|x| x.1).map(|x| x.0)
}

/// Lowercased word tokens (apostrophes and digit separators kept inside words), whether each
/// began with a capital letter, and whether clause punctuation (, ; : ( ) ! ? . or a dash)
/// stands between it and the word before.
fn words(text: &str) -> Vec<(String, bool, bool)> {
    let fold = |c: char| match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        _ => c,
    };
    // NFKC leaves ASCII as it is, and it was a quarter of the time of `prepare`.
    let t: Vec<char> = if text.is_ascii() {
        text.chars().map(fold).collect()
    } else {
        text.nfkc().map(fold).collect()
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut brk = false;
    while i < t.len() {
        if t[i] == '%' {
            out.push(("percent".to_string(), false, brk));
            brk = false;
            i += 1;
            continue;
        }
        if !t[i].is_alphanumeric() {
            brk |= matches!(
                t[i],
                ',' | ';' | ':' | '(' | ')' | '!' | '?' | '.' | '\u{2013}' | '\u{2014}'
            );
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
        out.push((lw, cap, brk));
        brk = false;
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
pub(crate) struct Tok {
    pub(crate) word: String,
    pub(crate) stem: String,
    chars: Vec<char>,
    pub(crate) weight: f64,
    /// Index of the word in [`PreparedStatement::words`].
    pub(crate) pos: usize,
    /// Capitalized inside the sentence: probably (part of) a name.
    name: bool,
    /// Hashes of `word` and `stem`: most token pairs differ, and two integers say so quicker
    /// than two string comparisons.
    word_hash: u64,
    stem_hash: u64,
    /// Which of 64 character classes (code point mod 64) the word contains.
    classes: u64,
}

impl Tok {
    fn new(word: String, stem: String, weight: f64, pos: usize, name: bool) -> Self {
        Tok {
            chars: word.chars().collect(),
            word_hash: fnv(&word),
            classes: word.chars().fold(0, |m, c| m | 1u64 << (c as u32 % 64)),
            stem_hash: fnv(&stem),
            word,
            stem,
            weight,
            pos,
            name,
        }
    }
}

fn fnv(s: &str) -> u64 {
    crate::hash::fnv1a(s.as_bytes(), 0)
}

/// A sentence tokenized and weighted once (for batches).
#[derive(Debug, Clone)]
pub struct PreparedStatement {
    pub(crate) toks: Vec<Tok>,
    numbers: Vec<f64>,
    /// Every word, lowercased, with whether clause punctuation precedes it (for cue scopes).
    pub(crate) words: Vec<(String, bool)>,
    /// Negation, denial, condition and clause cues found in `words`.
    pub(crate) cues: Vec<Cue>,
    /// The text through [`default_process`], for the character-level features.
    chars: Vec<char>,
    /// Hashes of the words of `chars`, for the word n-gram and edit features.
    processed_words: Vec<u64>,
    /// Bit vectors of `chars`, built once (for `ratio` and `partial_ratio`).
    pattern: Pattern,
    /// `chars` with its words sorted (what `token_sort_ratio` compares).
    sorted_chars: Vec<char>,
    /// Sorted hash sets, built once: content stems, stem bigrams, word 1- to 4-grams.
    sets: [Vec<u64>; 6],
}

impl PreparedStatement {
    /// The negation / denial cues found, in order (conditions, clause words and exceptions
    /// such as "not only" are not listed).
    pub fn cues(&self) -> Vec<String> {
        self.cues
            .iter()
            .filter(|c| {
                c.kind.is_polarity() && c.kind != crate::compare::lexicon::CueKind::Exception
            })
            .map(|c| c.text.clone())
            .collect()
    }
}

/// Statement similarity with IDF weights: built-in (stopwords light, longer words heavier)
/// or fitted on a corpus.
#[derive(Debug, Clone, Default)]
pub struct StatementScorer {
    idf: HashMap<String, f64>,
    /// Weight of words the fitted corpus never saw.
    unseen: Option<f64>,
    /// Score by the soft-overlap F1 alone instead of the calibrated model (see
    /// [`StatementScorer::overlap`]).
    overlap: bool,
}

pub(crate) fn is_stop(w: &str) -> bool {
    // A set: prepare asks for every word, and a scan of the list cost half of prepare.
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        data_lines(STOP_WORDS)
            .flat_map(str::split_whitespace)
            .collect()
    })
    .contains(w)
}

/// Names of the features of a pair, in the order of [`model::WEIGHTS`].
pub const FEATURES: [&str; model::N] = [
    "bias",
    "recall_min",
    "recall_max",
    "stem_jaccard",
    "number_mismatch",
    "number_one_side",
    "name_unmatched",
    "length_ratio",
    "char_ratio",
    "token_sort_ratio",
    "bigram_dice",
    "unmatched_weight",
    "unigram_min",
    "unigram_max",
    "bigram_min",
    "bigram_max",
    "trigram_min",
    "trigram_max",
    "fourgram_min",
    "fourgram_max",
    "word_edit_distance",
    "word_lcs_min",
    "word_lcs_max",
    "partial_ratio",
];

/// For each token of one statement, its best match in the other: similarity and index.
#[derive(Debug, Clone)]
pub(crate) struct Alignment {
    pub(crate) best_a: Vec<f64>,
    pub(crate) arg_a: Vec<usize>,
    pub(crate) best_b: Vec<f64>,
    pub(crate) arg_b: Vec<usize>,
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
                .map(|(w, _, _)| stem(&w))
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
            overlap: false,
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
            overlap: false,
        }
    }

    /// This scorer scoring by overlap alone: `100 ×` the harmonic mean of the two weighted
    /// soft recalls (`recall_min`, `recall_max`), times `0.7 + 0.3 ×` the share of numbers that
    /// agree. Not calibrated, and looser than the calibrated score: two framings of one claim
    /// in different words ("advancing plans to create an Asian version of NATO" / "trying to
    /// create an Asian NATO") share a few heavy words and little else, which the paraphrase
    /// model scores near 0. Claim clustering uses it.
    pub fn overlap(mut self, overlap: bool) -> Self {
        self.overlap = overlap;
        self
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
        let lower: Vec<&str> = ws.iter().map(|(w, _, _)| w.as_str()).collect();
        let cues = find_cues(&lower);
        let mut is_cue = vec![false; ws.len()];
        for c in cues.iter().filter(|c| c.kind.is_polarity()) {
            is_cue[c.start..c.end].iter_mut().for_each(|x| *x = true);
        }
        let mut toks = Vec::new();
        let mut numbers = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            let (w, cap) = (&ws[k].0, ws[k].1);
            if is_cue[k] {
                k += 1;
                continue;
            }
            if let Some(mut v) = parse_number(w) {
                let pos = k;
                if let Some(m) = ws.get(k + 1).and_then(|(n, _, _)| multiplier(n)) {
                    v *= m;
                    k += 1;
                }
                numbers.push(v);
                let word = format!("#{v}");
                toks.push(Tok::new(word.clone(), word, 2.0, pos, false));
                k += 1;
                continue;
            }
            let base = w.strip_suffix("n't").unwrap_or(w);
            let st = stem(base);
            // A capital that does not start the sentence hints at a name.
            let name = cap && k > 0 && !is_stop(base);
            let weight = self.weight(base, &st, name);
            toks.push(Tok::new(base.to_string(), st, weight, k, name));
            k += 1;
        }
        // What the character- and word-sequence features compare; "5%" = "5 percent".
        let processed = default_process(&text.replace('%', " percent "), false);
        let processed_words: Vec<u64> = processed
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(fnv)
            .collect();
        let chars: Vec<char> = processed.chars().collect();
        let sets = [
            sorted_set(toks.iter().map(|t| t.stem_hash).collect()),
            sorted_set(
                toks.windows(2)
                    .map(|w| w[0].stem_hash.rotate_left(17) ^ w[1].stem_hash)
                    .collect(),
            ),
            ngrams(&processed_words, 1),
            ngrams(&processed_words, 2),
            ngrams(&processed_words, 3),
            ngrams(&processed_words, 4),
        ];
        PreparedStatement {
            toks,
            numbers,
            words: ws.into_iter().map(|(w, _, b)| (w, b)).collect(),
            cues,
            processed_words,
            sorted_chars: fuzz::join(&fuzz::sorted_tokens(&chars)),
            pattern: Pattern::new(&chars),
            chars,
            sets,
        }
    }

    /// The calibrated similarity of two prepared statements, 0–100 (polarity not included):
    /// about 100 × the probability that they report the same claim.
    pub fn score_prepared(&self, a: &PreparedStatement, b: &PreparedStatement) -> f64 {
        if a.toks.is_empty() && b.toks.is_empty() {
            return 100.0;
        }
        if a.toks.is_empty() || b.toks.is_empty() {
            return 0.0;
        }
        self.score_aligned(a, b, &align(&a.toks, &b.toks))
    }

    /// [`StatementScorer::score_prepared`] under an alignment already made (both statements
    /// have tokens).
    pub(crate) fn score_aligned(
        &self,
        a: &PreparedStatement,
        b: &PreparedStatement,
        al: &Alignment,
    ) -> f64 {
        // The same words are the same claim (the fitted model would say 99.97).
        if a.chars == b.chars {
            return 100.0;
        }
        if self.overlap {
            let (ra, rb) = recalls(a, b, al);
            let f = if ra + rb > 0.0 {
                2.0 * ra * rb / (ra + rb)
            } else {
                0.0
            };
            let agree = 1.0 - number_mismatch(a, b);
            let numbers = if a.numbers.is_empty() || b.numbers.is_empty() {
                1.0
            } else {
                0.7 + 0.3 * agree
            };
            return (100.0 * f * numbers).clamp(0.0, 100.0);
        }
        calibrated(&features_aligned(a, b, al))
    }

    /// The features of a pair, named by [`FEATURES`] (what the weights were fitted on).
    pub fn features(&self, a: &str, b: &str) -> [f64; model::N] {
        let (a, b) = (self.prepare(a), self.prepare(b));
        features_aligned(&a, &b, &align(&a.toks, &b.toks))
    }

    /// Similarity of two sentences, 0–100.
    pub fn score(&self, a: &str, b: &str) -> f64 {
        self.score_prepared(&self.prepare(a), &self.prepare(b))
    }
}

/// `100 × sigmoid(weights · features)`.
pub(crate) fn calibrated(f: &[f64; model::N]) -> f64 {
    let z: f64 = f
        .iter()
        .zip(model::WEIGHTS.iter())
        .map(|(x, w)| x * w)
        .sum();
    (100.0 / (1.0 + (-z).exp())).clamp(0.0, 100.0)
}

/// Best match of every token in the other statement (each pair compared once).
pub(crate) fn align(a: &[Tok], b: &[Tok]) -> Alignment {
    let mut best_b = vec![0.0f64; b.len()];
    let mut arg_b = vec![0usize; b.len()];
    let mut best_a = vec![0.0f64; a.len()];
    let mut arg_a = vec![0usize; a.len()];
    for (i, t) in a.iter().enumerate() {
        for (j, u) in b.iter().enumerate() {
            if best_a[i] >= 1.0 && best_b[j] >= 1.0 {
                continue;
            }
            let s = token_sim(t, u);
            if s > best_a[i] {
                best_a[i] = s;
                arg_a[i] = j;
            }
            if s > best_b[j] {
                best_b[j] = s;
                arg_b[j] = i;
            }
        }
    }
    Alignment {
        best_a,
        arg_a,
        best_b,
        arg_b,
    }
}

/// Weighted shares of `a`'s content found in `b` and of `b`'s found in `a`, under an alignment.
pub(crate) fn recalls(a: &PreparedStatement, b: &PreparedStatement, al: &Alignment) -> (f64, f64) {
    let share = |toks: &[Tok], best: &[f64]| {
        let total: f64 = toks.iter().map(|t| t.weight).sum();
        let got: f64 = toks.iter().zip(best).map(|(t, s)| t.weight * s).sum();
        if total > 0.0 {
            got / total
        } else {
            0.0
        }
    };
    (share(&a.toks, &al.best_a), share(&b.toks, &al.best_b))
}

/// A token counts as matched from this similarity on (for names, unmatched weight).
const MATCHED: f64 = 0.8;

/// The features of a pair under an alignment; symmetric in `a` and `b`.
pub(crate) fn features_aligned(
    a: &PreparedStatement,
    b: &PreparedStatement,
    al: &Alignment,
) -> [f64; model::N] {
    let share = |toks: &[Tok], best: &[f64]| {
        let total: f64 = toks.iter().map(|t| t.weight).sum();
        let got: f64 = toks.iter().zip(best).map(|(t, s)| t.weight * s).sum();
        let missing: f64 = toks
            .iter()
            .zip(best)
            .map(|(t, s)| t.weight * (1.0 - s))
            .sum();
        (if total > 0.0 { got / total } else { 0.0 }, missing)
    };
    let (ra, miss_a) = share(&a.toks, &al.best_a);
    let (rb, miss_b) = share(&b.toks, &al.best_b);
    let shared = |k: usize| shared_count(&a.sets[k], &b.sets[k]) as f64;
    let (sa, sb) = (a.sets[0].len() as f64, b.sets[0].len() as f64);
    let jaccard = shared(0) / (sa + sb - shared(0)).max(1.0);
    let (number_mismatch, number_one_side) = match (a.numbers.is_empty(), b.numbers.is_empty()) {
        (false, false) => (number_mismatch(a, b), 0.0),
        (true, true) => (0.0, 0.0),
        _ => (0.0, 1.0),
    };
    let names = |toks: &[Tok], best: &[f64]| {
        toks.iter()
            .zip(best)
            .filter(|(t, _)| t.name)
            .fold((0usize, 0usize), |(n, u), (_, &s)| {
                (n + 1, u + (s < MATCHED) as usize)
            })
    };
    let (na, ua) = names(&a.toks, &al.best_a);
    let (nb, ub) = names(&b.toks, &al.best_b);
    let name_unmatched = if na + nb > 0 {
        (ua + ub) as f64 / (na + nb) as f64
    } else {
        0.0
    };
    let (la, lb) = (a.toks.len() as f64, b.toks.len() as f64);
    let (ba, bb) = (a.sets[1].len(), b.sets[1].len());
    let dice = if ba + bb > 0 {
        2.0 * shared(1) / (ba + bb) as f64
    } else {
        1.0
    };
    let (wa, wb) = (&a.processed_words, &b.processed_words);
    let mut grams = [0.0; 8];
    for n in 1..=4 {
        let k = n + 1;
        let (pa, pb) = (
            shared(k) / a.sets[k].len().max(1) as f64,
            shared(k) / b.sets[k].len().max(1) as f64,
        );
        grams[2 * (n - 1)] = pa.min(pb);
        grams[2 * n - 1] = pa.max(pb);
    }
    let (edit, lcs) = word_edit_and_lcs(wa, wb);
    let longest = wa.len().max(wb.len()).max(1) as f64;
    let (lcs_a, lcs_b) = (
        lcs as f64 / wa.len().max(1) as f64,
        lcs as f64 / wb.len().max(1) as f64,
    );
    [
        1.0,
        ra.min(rb),
        ra.max(rb),
        jaccard,
        number_mismatch,
        number_one_side,
        name_unmatched,
        la.min(lb) / la.max(lb).max(1.0),
        a.pattern.ratio(&b.chars, 0.0) / 100.0,
        fuzz::ratio(&a.sorted_chars, &b.sorted_chars, 0.0) / 100.0,
        dice,
        (1.0 + miss_a + miss_b).ln(),
        grams[0],
        grams[1],
        grams[2],
        grams[3],
        grams[4],
        grams[5],
        grams[6],
        grams[7],
        edit as f64 / longest,
        lcs_a.min(lcs_b),
        lcs_a.max(lcs_b),
        fuzz::partial_ratio_pat(&a.chars, &b.chars, Some(&a.pattern), Some(&b.pattern), 0.0)
            / 100.0,
    ]
}

/// The distinct word n-grams of a word sequence (as hashes), sorted.
fn ngrams(words: &[u64], n: usize) -> Vec<u64> {
    sorted_set(
        words
            .windows(n)
            .map(|w| w.iter().fold(0u64, |h, &x| h.rotate_left(21) ^ x))
            .collect(),
    )
}

fn sorted_set(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Size of the intersection of two sorted, deduplicated sets (one merge pass); the statement
/// scorer's and the cross-article matching's word-set overlaps.
pub(crate) fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Word-level Levenshtein distance and longest common subsequence of two word sequences.
fn word_edit_and_lcs(a: &[u64], b: &[u64]) -> (usize, usize) {
    let mut ed: Vec<usize> = (0..=b.len()).collect();
    let mut lc = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        let (mut ed_diag, mut lc_diag) = (ed[0], lc[0]);
        ed[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let (ed_up, lc_up) = (ed[j + 1], lc[j + 1]);
            ed[j + 1] = if x == y {
                ed_diag
            } else {
                1 + ed_diag.min(ed_up).min(ed[j])
            };
            lc[j + 1] = if x == y {
                lc_diag + 1
            } else {
                lc_up.max(lc[j])
            };
            ed_diag = ed_up;
            lc_diag = lc_up;
        }
    }
    (ed[b.len()], lc[b.len()])
}

/// Share of numbers that do not agree (0 when either side has none). Multiset matching:
/// "1 troops" / "1 1 troops" share one of two numbers, whichever comes first.
fn number_mismatch(a: &PreparedStatement, b: &PreparedStatement) -> f64 {
    if a.numbers.is_empty() || b.numbers.is_empty() {
        return 0.0;
    }
    let mut used = vec![false; b.numbers.len()];
    let mut shared = 0;
    for x in &a.numbers {
        if let Some(k) = (0..b.numbers.len()).find(|&k| !used[k] && same_number(*x, b.numbers[k])) {
            used[k] = true;
            shared += 1;
        }
    }
    1.0 - shared as f64 / a.numbers.len().max(b.numbers.len()) as f64
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
    fn calibrated_score_is_symmetric_bounded_and_counts_numbers_as_multisets() {
        let s = StatementScorer::new();
        let pairs = [
            ("1 troops", "1 1 troops"),
            ("Officials said 1,000 troops would deploy.", "Troops left."),
            ("She neither sent nor received emails.", "She sent emails."),
        ];
        for (a, b) in pairs {
            let (x, y) = (s.score(a, b), s.score(b, a));
            assert!((x - y).abs() < 1e-9, "{a} / {b}: {x} vs {y}");
            assert!((0.0..=100.0).contains(&x));
        }
        assert_eq!(s.score("Talks resumed.", "talks resumed"), 100.0);
        let (a, b) = (s.prepare("1 troops"), s.prepare("1 1 troops"));
        assert_eq!(number_mismatch(&a, &b), 0.5);
        assert_eq!(number_mismatch(&b, &a), 0.5);
    }

    #[test]
    fn overlap_mode_is_the_soft_f1() {
        let s = StatementScorer::new().overlap(true);
        let (a, b) = (
            "Troops were deployed on Friday.",
            "On Friday troops were deployed.",
        );
        assert!(s.score(a, b) > 95.0);
        let x = s.score(
            "The minister resigned.",
            "The minister resigned over the scandal.",
        );
        let (pa, pb) = (
            s.prepare("The minister resigned."),
            s.prepare("The minister resigned over the scandal."),
        );
        let (ra, rb) = recalls(&pa, &pb, &align(&pa.toks, &pb.toks));
        assert!((x - 200.0 * ra * rb / (ra + rb)).abs() < 1e-9);
    }

    #[test]
    fn stems() {
        assert_eq!(stem("deploying"), "deploy");
        assert_eq!(stem("deployed"), "deploy");
        assert_eq!(stem("planned"), "plan");
        assert_eq!(stem("policies"), "policy");
    }
}
