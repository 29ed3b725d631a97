//! Claims: statements from different articles that make one claim, in other words too.
//!
//! Statements (direct, mixed and reported speech; optionally plain body sentences) are scored
//! with the statement scorer's word overlap (`StatementScorer::fit(..).overlap(true)`) on
//! their texts and on their *frames* (the reporting sentence without the speaker's name,
//! titles and reporting verb); the better score counts. Candidate pairs come from all pairs
//! ([`ClaimMethod::Exact`]) or, blocked, from MinHash LSH over each frame's rarest content
//! words and from the statements sharing one of a statement's rarest words, of which those
//! whose exact-stem overlap is far below the threshold are not scored. Links
//! (scores ≥ threshold, and enough separate shared evidence: [`MIN_CLAIM_WORDS`],
//! [`MIN_CLAIM_PIECES`]) merge clusters by average linkage, strongest first; a member of a
//! claim of three or more that does not link to its centre (its most linked member) is
//! dropped. Titles ("Meet the Press", [`is_title_text`]) make no claim.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;

use crate::sim::statement::shared_count;
use rayon::prelude::*;

use super::lexicon::{is_match_stopword, is_title_connector};
use super::matching::builtin_scorer;
use super::stance::compare_prepared;
use super::statements::{content_words, wording_key};
use super::Progress;
use crate::article::{Article, Quote};
use crate::attribution::tokens::negates;
use crate::error::{Error, Result};
use crate::lsh::{LshParams, MinHashIndex, Shingle};
use crate::parallel::interrupted;
use crate::quotes::QuoteKind;
use crate::sim::{PreparedStatement, StatementScorer};

/// Fewest whitespace-separated words of a statement in a claim.
pub const MIN_WORDS: usize = 3;
/// Fewest words of a plain body sentence (`sentences=true`).
pub const MIN_SENTENCE_WORDS: usize = 6;
/// The MinHash candidates of [`ClaimMethod::Blocked`] are over each frame's this many rarest
/// content words (those another frame has too).
pub const KEY_WORDS: usize = 20;
/// Jaccard threshold of those candidates, over single words: claims are made in different
/// words, so the word pairs quotes are indexed by would miss them.
pub const LSH_THRESHOLD: f64 = 0.3;
/// Besides, each statement looks for partners under this many of its rarest content words
/// (those at least two statements have).
pub const PROBE_WORDS: usize = 3;
/// A word more than this share of the statements have (and more than [`COMMON_FLOOR`]) is
/// no probe: "said", "security" in a corpus on security would make every statement a
/// candidate of every other, and a link needs rarer shared words anyway.
const COMMON_SHARE: f64 = 0.05;
const COMMON_FLOOR: usize = 50;
/// Candidate pairs whose exact-stem overlap F1 (×100, the soft overlap without its near
/// spellings) is below this share of the threshold are not scored: near spellings rarely make
/// up that much (on 840 PolNeAR articles it kept 98% of the links and cut the time by half).
const QUICK_SHARE: f64 = 0.7;
/// Two statements link only when their texts and frames share at least this many content
/// words (stems; three or more letters, not stop words, not in more than
/// [`COMMON_CLAIM_SHARE`] of the statements) besides the words of people's names (every
/// speaker's name in the corpus): what the claim says and what it is about, not only whom it
/// names.
pub const MIN_CLAIM_WORDS: usize = 2;
/// ... and, unless [`COVER_SHARE`] of the shorter text's words are shared, at least this many
/// separate *pieces* of shared evidence, in their texts or in their frames: shared words,
/// counting words adjacent in both (one phrase: "private email server", "Freedom of
/// Information Act", "dead bodies") as one piece. One shared phrase is a topic, not a claim
/// (measured on 840 PolNeAR articles with `benchmarks/sample_claims.py`: see
/// `quotelens.compare.claims`).
pub const MIN_CLAIM_PIECES: usize = 2;
/// Share of the shorter text's content words that, when shared, link two statements without
/// [`MIN_CLAIM_PIECES`] pieces (with three or more words shared): a quote trimmed or with a
/// word changed is one long phrase, and one claim.
pub const COVER_SHARE: f64 = 0.6;
/// A word more than this share of the statements have (and more than [`COMMON_FLOOR`]) is
/// shared by a whole story ("campaign", "think", "going"): it counts toward no link.
pub const COMMON_CLAIM_SHARE: f64 = 0.02;
/// Longest title [`is_title_text`] recognizes, in words.
pub const TITLE_MAX_WORDS: usize = 8;
/// A cluster is compared with another on at most this many of its members.
const LINKAGE_SAMPLE: usize = 64;
/// Characters looked back from a speaker's name for the title block before it.
const TITLE_LOOKBACK: usize = 120;

/// How candidate pairs of statements are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimMethod {
    /// Every pair (quadratic: for measuring the blocking's recall on small corpora).
    Exact,
    /// MinHash LSH candidates over each frame's rarest content words, and statements sharing
    /// one of a statement's [`PROBE_WORDS`] rarest words.
    Blocked,
}

impl ClaimMethod {
    /// `"exact"`, `"blocked"`, or `"auto"` (exact up to `exact_limit` distinct statements);
    /// `"lsh"` is the old name of the candidate search and means `"blocked"`.
    pub fn from_name(name: &str, n: usize, exact_limit: usize) -> Result<Self> {
        match name {
            "exact" => Ok(ClaimMethod::Exact),
            "blocked" | "lsh" => Ok(ClaimMethod::Blocked),
            "auto" if n <= exact_limit => Ok(ClaimMethod::Exact),
            "auto" => Ok(ClaimMethod::Blocked),
            _ => Err(Error::invalid(
                "method",
                format!("expected 'auto', 'exact', 'blocked' or 'lsh', got {name:?}"),
            )),
        }
    }
}

/// What [`claims`] clusters, and how.
#[derive(Debug, Clone)]
pub struct ClaimParams {
    pub threshold: f64,
    pub speaker_bonus: f64,
    pub sentences: bool,
    pub method: String,
    /// `method="auto"` is exact up to this many distinct statements.
    pub exact_limit: usize,
}

/// One statement in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMember {
    pub article: usize,
    pub speaker: Option<String>,
    pub side: Option<String>,
    /// `direct`, `mixed`, `indirect` or `sentence`.
    pub kind: &'static str,
    pub cue: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Contradicts the claim's central statement, or is reported as a denial of it.
    pub denying: bool,
}

/// Statements from two or more articles making one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub members: Vec<ClaimMember>,
    /// The lowest average score at which its members were joined (100: one wording).
    pub score: f64,
    /// The reporting sentence of the member most linked within the claim.
    pub label: String,
}

/// A statement as claims compare it, built per article by [`claim_statements`] (so a cluster
/// can build them partition by partition and cluster them in one place).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimStatement {
    /// Position of the article in the list the statements were built from.
    pub article: usize,
    /// Position of the quote in the article's quotes (`None`: a plain body sentence).
    pub quote: Option<usize>,
    pub text: String,
    /// The sentence around it (the quote's own text when no sentence holds its start).
    pub sentence: String,
    /// The sentence without who said it and the reporting verb (see [`frame`]).
    pub frame: String,
    pub start: usize,
    pub end: usize,
    /// `direct`, `mixed`, `indirect` or `sentence`.
    pub kind: &'static str,
    pub speaker: Option<String>,
    pub side: Option<String>,
    pub cue: Option<String>,
    pub cue_category: Option<String>,
}

/// The kinds a [`ClaimStatement`] can have, as their names.
pub fn claim_kind(name: &str) -> Option<&'static str> {
    ["direct", "mixed", "indirect", "sentence"]
        .into_iter()
        .find(|k| *k == name)
}

/// Byte offset of each code point of `text` (and of its end).
fn char_bytes(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn cp_slice<'t>(text: &'t str, cb: &[usize], s: usize, e: usize) -> &'t str {
    let (s, e) = (s.min(cb.len() - 1), e.min(cb.len() - 1));
    &text[cb[s]..cb[e.max(s)]]
}

/// Span (code points) of the sentence `q` starts in, to the quote's end if it runs past it.
fn sentence_span(a: &Article, q: &Quote) -> Option<(usize, usize)> {
    let k = a.sentences.partition_point(|s| s.start <= q.start);
    let s = a.sentences.get(k.checked_sub(1)?)?;
    (s.start <= q.start && q.start < s.end).then(|| (s.start, q.end.max(s.end)))
}

fn is_title_word(w: &str) -> bool {
    is_title_connector(w)
        || (w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || matches!(c, '.' | '\'' | '’' | '-')))
}

/// Start (byte) of the block of capitalized words (and the connectors of
/// `lexicon/title_connectors.txt`: "of", "the" …), each
/// followed by white space, that ends `s`: "U.S. Defense Secretary ", "Chinese Foreign
/// Ministry "; `None` when `s` does not end in one.
fn title_block_start(s: &str) -> Option<usize> {
    if !s.ends_with(char::is_whitespace) {
        return None;
    }
    let mut start = None;
    let mut end = s.trim_end().len();
    loop {
        let head = &s[..end];
        let ws = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(b, c)| b + c.len_utf8());
        let word = &head[ws..];
        if word.is_empty() {
            break;
        }
        if is_title_word(word) {
            start = Some(ws);
        } else {
            // A match may start inside a word, at a capital whose rest is a title word.
            if let Some((b, _)) = word
                .char_indices()
                .find(|&(b, c)| c.is_ascii_uppercase() && is_title_word(&word[b..]))
            {
                start = Some(ws + b);
            }
            break;
        }
        let before = head[..ws].trim_end();
        if before.len() == ws {
            break;
        }
        end = before.len();
    }
    start
}

/// The sentence reporting `q` without who said it: the speaker's mention (with the title
/// block before it) and the reporting verb cut out, and the speaker's name and titles
/// dropped elsewhere in it. What is left is the statement and what it is about, so two
/// statements of one speaker are not alike merely for naming him.
fn frame(a: &Article, cb: &[usize], q: &Quote, (lo, hi): (usize, usize)) -> String {
    let text = &a.text;
    let mut spans = Vec::new();
    if let (Some(ss), Some(se)) = (q.speaker_start, q.speaker_end) {
        if lo <= ss {
            let before = lo.max(ss.saturating_sub(TITLE_LOOKBACK));
            let head = cp_slice(text, cb, before, ss);
            let start = title_block_start(head).map_or(ss, |b| before + head[..b].chars().count());
            spans.push((start, se));
        }
    }
    if let (Some(cs), Some(ce)) = (q.cue_start, q.cue_end) {
        if lo <= cs {
            spans.push((cs, ce));
        }
    }
    spans.sort_unstable();
    let (mut parts, mut pos) = (Vec::new(), lo);
    for (b, e) in spans {
        if e <= hi && b >= pos {
            parts.push(cp_slice(text, cb, pos, b));
            pos = e;
        }
    }
    parts.push(cp_slice(text, cb, pos, hi));
    let joined = parts.join(" ");
    let Some(name) = &q.speaker else {
        return joined;
    };
    let mut drop: HashSet<String> = name
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    if let Some(sp) = a.speakers.iter().find(|s| &s.name == name) {
        for t in &sp.titles {
            drop.extend(t.split_whitespace().map(|w| w.to_lowercase()));
        }
    }
    let strip: &[char] = &[
        ',', '.', ';', ':', '!', '?', '“', '”', '"', '\'', '‘', '’', '(', ')',
    ];
    joined
        .split_whitespace()
        .filter(|w| !drop.contains(w.to_lowercase().trim_matches(strip)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The statements of one article (`ai`: its position): quotes and reported speech of
/// [`MIN_WORDS`] or more words with their sentence and frame, in quote order; with
/// `sentences`, then the body sentences of [`MIN_SENTENCE_WORDS`] or more words that are not
/// a quote's sentence.
pub fn article_statements(ai: usize, a: &Article, sentences: bool) -> Vec<ClaimStatement> {
    let cb = char_bytes(&a.text);
    let mut st = Vec::new();
    let mut covered: HashSet<String> = HashSet::new();
    for (qi, q) in a.quotes.iter().enumerate() {
        let kind = match q.kind {
            QuoteKind::Direct | QuoteKind::Mixed | QuoteKind::Indirect => q.kind.as_str(),
            _ => continue,
        };
        if q.text.split_whitespace().count() < MIN_WORDS {
            continue;
        }
        let span = sentence_span(a, q);
        let sentence = span.map_or_else(
            || q.text.clone(),
            |(s, e)| cp_slice(&a.text, &cb, s, e).to_string(),
        );
        covered.insert(sentence.clone());
        st.push(ClaimStatement {
            article: ai,
            quote: Some(qi),
            text: q.text.clone(),
            frame: span.map_or_else(|| q.text.clone(), |sp| frame(a, &cb, q, sp)),
            sentence,
            start: q.start,
            end: q.end,
            kind,
            speaker: q.speaker.clone(),
            side: q.side.clone(),
            cue: q.cue.clone(),
            cue_category: q.cue_category.clone(),
        });
    }
    if sentences {
        for s in &a.sentences {
            if s.is_body
                && s.text.split_whitespace().count() >= MIN_SENTENCE_WORDS
                && !covered.contains(&s.text)
            {
                st.push(ClaimStatement {
                    article: ai,
                    quote: None,
                    text: s.text.clone(),
                    sentence: s.text.clone(),
                    frame: s.text.clone(),
                    start: s.start,
                    end: s.end,
                    kind: "sentence",
                    speaker: None,
                    side: None,
                    cue: None,
                    cue_category: None,
                });
            }
        }
    }
    st
}

/// The statements of `articles` ([`article_statements`] of each, in article order).
pub fn claim_statements(articles: &[&Article], sentences: bool) -> Vec<ClaimStatement> {
    let per: Vec<Vec<ClaimStatement>> = articles
        .par_iter()
        .enumerate()
        .map(|(ai, a)| article_statements(ai, a, sentences))
        .collect();
    per.into_iter().flatten().collect()
}

/// Whether `text` reads as a title or a name, not a claim: at most [`TITLE_MAX_WORDS`]
/// words, every word with letters capitalized or a title connector ("Meet the Press",
/// "Make America Great Again").
pub fn is_title_text(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !words.is_empty()
        && words.len() <= TITLE_MAX_WORDS
        && words.iter().all(|w| {
            is_title_connector(&w.to_lowercase())
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Whether a statement is reported as a denial (`cue_category` "deny") or negates its own
/// claim (a negation or denial cue that applies, not one inside a condition or a contrast).
pub fn is_denying(text: &str, cue_category: Option<&str>) -> bool {
    if cue_category == Some("deny") {
        return true;
    }
    let sc = builtin_scorer();
    negates_itself(sc, &sc.prepare(text))
}

/// Whether a prepared statement holds a negation or denial cue that applies to it.
fn negates_itself(sc: &StatementScorer, ps: &PreparedStatement) -> bool {
    !compare_prepared(sc, ps, ps).cues_a.is_empty()
}

/// A statement's tokens for the quick overlap bound: (stem hash, weight), and its sorted
/// stem hashes.
struct Stems {
    toks: Vec<(u64, f64)>,
    set: Vec<u64>,
    total: f64,
}

fn stems(p: &PreparedStatement) -> Stems {
    let h = |s: &str| crate::hash::fnv1a(s.as_bytes(), 0);
    let toks: Vec<(u64, f64)> = p.toks.iter().map(|t| (h(&t.stem), t.weight)).collect();
    let mut set: Vec<u64> = toks.iter().map(|t| t.0).collect();
    set.sort_unstable();
    set.dedup();
    let total = toks.iter().map(|t| t.1).sum();
    Stems { toks, set, total }
}

/// 100 × the F1 of the weighted shares of stems each statement finds in the other.
fn quick_overlap(a: &Stems, b: &Stems) -> f64 {
    let share = |x: &Stems, y: &Stems| {
        let got: f64 = x
            .toks
            .iter()
            .filter(|t| y.set.binary_search(&t.0).is_ok())
            .map(|t| t.1)
            .sum();
        if x.total > 0.0 {
            got / x.total
        } else {
            0.0
        }
    };
    let (ra, rb) = (share(a, b), share(b, a));
    if ra + rb > 0.0 {
        200.0 * ra * rb / (ra + rb)
    } else {
        0.0
    }
}

/// Each frame's [`KEY_WORDS`] rarest content words that some other frame has too: what tells
/// one claim from another. Common words ("said", "security" in a corpus on security) would
/// make every statement a candidate of every other.
fn rare_word_keys(frames: &[&str]) -> Vec<String> {
    let words: Vec<Vec<String>> = frames.par_iter().map(|f| content_words(f)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for ws in &words {
        for w in ws {
            *df.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    words
        .iter()
        .map(|ws| {
            let mut v: Vec<&str> = ws
                .iter()
                .map(|w| w.as_str())
                .filter(|w| df[w] >= 2)
                .collect();
            v.sort_by_key(|w| (df[w], *w));
            v.truncate(KEY_WORDS);
            v.join(" ")
        })
        .collect()
}

/// Every pair (x < y) of word sets sharing at least `min` words, from an inverted index: the
/// work is the sum of the postings each set reads, not n².
fn shared_word_pairs(words: &[Vec<u32>], min: usize) -> Vec<(u32, u32)> {
    let vocab = words
        .iter()
        .flat_map(|w| w.iter())
        .max()
        .map_or(0, |&m| m as usize + 1);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab];
    for (x, ws) in words.iter().enumerate() {
        for &w in ws {
            postings[w as usize].push(x as u32);
        }
    }
    let n = words.len();
    // Each (x, y) comes once (x owns it, and its counts are reset per x); sorted for a
    // deterministic order.
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .fold(
            || (vec![0u16; n], Vec::new(), Vec::new()),
            |(mut count, mut touched, mut out): (Vec<u16>, Vec<u32>, Vec<(u32, u32)>), x| {
                for &w in &words[x] {
                    // Postings are in ascending order: only the sets after x.
                    let p = &postings[w as usize];
                    let from = p.partition_point(|&y| y as usize <= x);
                    for &y in &p[from..] {
                        let c = &mut count[y as usize];
                        if *c == 0 {
                            touched.push(y);
                        }
                        *c = c.saturating_add(1);
                    }
                }
                for &y in &touched {
                    if count[y as usize] as usize >= min {
                        out.push((x as u32, y));
                    }
                    count[y as usize] = 0;
                }
                touched.clear();
                (count, touched, out)
            },
        )
        .map(|(_, _, out)| out)
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    pairs.par_sort_unstable();
    pairs
}

/// Candidate pairs (x < y) sharing one of either's rarest content words.
fn blocked_pairs(words: &[Vec<u32>], vocab: usize) -> Vec<(u32, u32)> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab];
    for (x, ws) in words.iter().enumerate() {
        for &w in ws {
            postings[w as usize].push(x as u32);
        }
    }
    let common = COMMON_FLOOR.max((COMMON_SHARE * words.len() as f64) as usize);
    let mut pairs: Vec<(u32, u32)> = (0..words.len())
        .into_par_iter()
        .flat_map_iter(|x| {
            let mut probe: Vec<u32> = words[x]
                .iter()
                .copied()
                .filter(|&w| (2..=common).contains(&postings[w as usize].len()))
                .collect();
            probe.sort_by_key(|&w| (postings[w as usize].len(), w));
            probe.truncate(PROBE_WORDS);
            let mut out = Vec::new();
            for w in probe {
                for &y in &postings[w as usize] {
                    if y as usize != x {
                        out.push(((x as u32).min(y), (x as u32).max(y)));
                    }
                }
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The claims of `articles`, most reported first: [`cluster_claims`] of their
/// [`claim_statements`].
pub fn claims(articles: &[&Article], p: &ClaimParams, progress: &Progress) -> Result<Vec<Claim>> {
    check_params(p)?;
    cluster_claims(&claim_statements(articles, p.sentences), p, progress)
}

fn check_params(p: &ClaimParams) -> Result<()> {
    if !(0.0..=100.0).contains(&p.threshold) {
        return Err(Error::invalid(
            "threshold",
            format!("expected 0–100, got {}", p.threshold),
        ));
    }
    if !(0.0..=100.0).contains(&p.speaker_bonus) {
        return Err(Error::invalid(
            "speaker_bonus",
            format!("expected 0–100, got {}", p.speaker_bonus),
        ));
    }
    Ok(())
}

/// The claims made by `st` (statements in article order, as [`claim_statements`] gives them),
/// most reported first. The answer depends only on the statements and their order.
pub fn cluster_claims(
    st: &[ClaimStatement],
    p: &ClaimParams,
    progress: &Progress,
) -> Result<Vec<Claim>> {
    check_params(p)?;
    // Identical wordings are one statement for scoring.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, s) in st.iter().enumerate() {
        if is_title_text(&s.text) {
            continue;
        }
        let g = *by_key.entry(wording_key(&s.text)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let n = groups.len();
    progress.total.fetch_add(2 * n, Ordering::Relaxed);
    let method = ClaimMethod::from_name(&p.method, n, p.exact_limit)?;
    let reps: Vec<usize> = groups.iter().map(|g| g[0]).collect();
    let texts: Vec<&str> = reps.iter().map(|&i| st[i].text.as_str()).collect();
    let frames: Vec<&str> = reps.iter().map(|&i| st[i].frame.as_str()).collect();
    let fit: Vec<&str> = frames.iter().chain(texts.iter()).copied().collect();
    let scorer = StatementScorer::fit(&fit).overlap(true);
    let prepared: Vec<(PreparedStatement, PreparedStatement)> = (0..n)
        .into_par_iter()
        .map(|x| (scorer.prepare(frames[x]), scorer.prepare(texts[x])))
        .collect();
    progress.done.fetch_add(n, Ordering::Relaxed);
    let speakers: Vec<Option<&str>> = reps.iter().map(|&i| st[i].speaker.as_deref()).collect();
    // Words of people's names: every speaker's name in the corpus.
    let people: HashSet<String> = st
        .iter()
        .filter_map(|s| s.speaker.as_deref())
        .flat_map(|n| n.split_whitespace())
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect();
    let is_content = |t: &&crate::sim::statement::Tok| {
        t.word.chars().count() >= 3
            && !is_match_stopword(&t.word)
            && !people.contains(&t.word)
            // A denial shares the claim's words but its negation ("never"): the claim is the
            // same, the stance tells them apart.
            && !negates(&t.word)
    };
    #[allow(clippy::type_complexity)]
    let (claim_words, text_words, text_seq, frame_seq, frame_words): (
        Vec<Vec<u32>>,
        Vec<Vec<u32>>,
        Vec<Vec<u32>>,
        Vec<Vec<u32>>,
        Vec<Vec<u32>>,
    ) = {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut cw: Vec<Vec<u32>> = Vec::with_capacity(n);
        let mut tw: Vec<Vec<u32>> = Vec::with_capacity(n);
        let mut ts: Vec<Vec<u32>> = Vec::with_capacity(n);
        let mut fs: Vec<Vec<u32>> = Vec::with_capacity(n);
        for (f, t) in &prepared {
            let mut v: Vec<u32> = Vec::new();
            let mut w: Vec<u32> = Vec::new();
            for (k, tok) in f.toks.iter().chain(&t.toks).enumerate() {
                if !is_content(&tok) {
                    continue;
                }
                let next = ids.len() as u32;
                let id = *ids.entry(tok.stem.as_str()).or_insert(next);
                v.push(id);
                if k >= f.toks.len() {
                    w.push(id);
                }
            }
            fs.push(v[..v.len() - w.len()].to_vec());
            v.sort_unstable();
            v.dedup();
            ts.push(w.clone());
            w.sort_unstable();
            w.dedup();
            cw.push(v);
            tw.push(w);
        }
        // Words more than `common_share` of the statements have do not count as shared.
        let mut df = vec![0usize; ids.len()];
        for v in &cw {
            for &w in v {
                df[w as usize] += 1;
            }
        }
        let cap = (COMMON_FLOOR as f64).max(COMMON_CLAIM_SHARE * n as f64);
        for v in cw
            .iter_mut()
            .chain(tw.iter_mut())
            .chain(ts.iter_mut())
            .chain(fs.iter_mut())
        {
            v.retain(|&w| (df[w as usize] as f64) <= cap);
        }
        let fw: Vec<Vec<u32>> = fs
            .iter()
            .map(|v| {
                let mut v = v.clone();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        (cw, tw, ts, fs, fw)
    };
    // Near-verbatim: most of the shorter text's words are shared (one quote, trimmed or with a
    // word changed), which is one long phrase but not one topic word.
    let covers = |x: usize, y: usize| -> bool {
        let (a, b) = (&text_words[x], &text_words[y]);
        let shared = shared_count(a, b);
        shared >= 3 && shared as f64 >= COVER_SHARE * a.len().min(b.len()) as f64
    };
    // Separate pieces of evidence two texts share: shared words, less the adjacent pairs of
    // `a` that are adjacent in `b` too (one phrase, "private email server", is one piece).
    let units_of = |a: &[u32], b: &[u32], sa: &[u32], sb: &[u32]| -> usize {
        let shared = shared_count(sa, sb);
        if shared < 2 {
            return shared;
        }
        let mut pb: Vec<(u32, u32)> = b.windows(2).map(|w| (w[0], w[1])).collect();
        pb.sort_unstable();
        pb.dedup();
        let mut pa: Vec<(u32, u32)> = a.windows(2).map(|w| (w[0], w[1])).collect();
        pa.sort_unstable();
        pa.dedup();
        let joined = shared_count(&pa, &pb);
        shared.saturating_sub(joined).max(1)
    };
    let units = |x: usize, y: usize| -> usize {
        units_of(&text_seq[x], &text_seq[y], &text_words[x], &text_words[y]).max(units_of(
            &frame_seq[x],
            &frame_seq[y],
            &frame_words[x],
            &frame_words[y],
        ))
    };
    let gate = p.threshold * 2.0 / 3.0;
    let link = |x: usize, y: usize| -> f64 {
        if shared_count(&claim_words[x], &claim_words[y]) < MIN_CLAIM_WORDS
            || (units(x, y) < MIN_CLAIM_PIECES && !covers(x, y))
        {
            return 0.0;
        }
        let (a, b) = (&prepared[x], &prepared[y]);
        let s = scorer
            .score_prepared(&a.0, &b.0)
            .max(scorer.score_prepared(&a.1, &b.1));
        if s >= gate
            && speakers[x].is_some()
            && speakers[x] == speakers[y]
            && st[reps[x]].article != st[reps[y]].article
        {
            (s + p.speaker_bonus).min(100.0)
        } else {
            s
        }
    };
    let cand: Vec<(u32, u32)> = match method {
        // Every pair that can link: link() is 0 below MIN_CLAIM_WORDS shared words, so the
        // pairs an inverted index on those words finds are all the pairs exact scoring needs.
        ClaimMethod::Exact => shared_word_pairs(&claim_words, MIN_CLAIM_WORDS),
        ClaimMethod::Blocked => {
            let keys = rare_word_keys(&frames);
            let mut index =
                MinHashIndex::new(LshParams::new(LSH_THRESHOLD, 128, Shingle::Word(1), 1)?);
            index.add(&keys)?;
            let mut ids: HashMap<String, u32> = HashMap::new();
            let words: Vec<Vec<u32>> = (0..n)
                .map(|x| {
                    let mut ws: Vec<String> = content_words(frames[x]);
                    ws.extend(content_words(texts[x]));
                    let mut v: Vec<u32> = ws
                        .into_iter()
                        .map(|w| {
                            let k = ids.len() as u32;
                            *ids.entry(w).or_insert(k)
                        })
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                })
                .collect();
            let mut c = index.candidate_pairs(None)?;
            c.extend(blocked_pairs(&words, ids.len()));
            c.par_sort_unstable();
            c.dedup();
            c
        }
    };
    let quick: Vec<(Stems, Stems)> = prepared
        .par_iter()
        .map(|(f, t)| (stems(f), stems(t)))
        .collect();
    let quick_cut = QUICK_SHARE * (p.threshold - p.speaker_bonus).max(0.0);
    let mut links: Vec<(f64, u32, u32)> = cand
        .par_iter()
        .filter_map(|&(x, y)| {
            if interrupted() {
                return None;
            }
            let (qa, qb) = (&quick[x as usize], &quick[y as usize]);
            if method == ClaimMethod::Blocked
                && quick_overlap(&qa.0, &qb.0).max(quick_overlap(&qa.1, &qb.1)) < quick_cut
            {
                return None;
            }
            let s = link(x as usize, y as usize);
            (s >= p.threshold).then_some((s, x, y))
        })
        .collect();
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    // Scores of pairs compared so far (links first); average linkage asks for the same pairs
    // again and again.
    let mut scores: HashMap<(u32, u32), f64> = links.iter().map(|&(s, x, y)| ((x, y), s)).collect();
    // Average linkage from the strongest link.
    let mut owner: Vec<usize> = (0..n).collect();
    let mut members: HashMap<usize, Vec<usize>> = (0..n).map(|x| (x, vec![x])).collect();
    let mut weakest: HashMap<usize, f64> = HashMap::new();
    let mut rejected: HashSet<(usize, usize, usize, usize)> = HashSet::new();
    for &(_, x, y) in &links {
        let (mut a, mut b) = (owner[x as usize], owner[y as usize]);
        if a == b {
            continue;
        }
        let tried = (a.min(b), a.max(b), members[&a].len(), members[&b].len());
        if rejected.contains(&tried) {
            continue;
        }
        let ma = &members[&a][..members[&a].len().min(LINKAGE_SAMPLE)];
        let mb = &members[&b][..members[&b].len().min(LINKAGE_SAMPLE)];
        let pairs: Vec<(u32, u32)> = ma
            .iter()
            .flat_map(|&i| mb.iter().map(move |&j| (i.min(j) as u32, i.max(j) as u32)))
            .collect();
        let missing: Vec<(u32, u32)> = pairs
            .iter()
            .copied()
            .filter(|k| !scores.contains_key(k))
            .collect();
        let fresh: Vec<f64> = missing
            .par_iter()
            .map(|&(i, j)| link(i as usize, j as usize))
            .collect();
        scores.extend(missing.into_iter().zip(fresh));
        let average = pairs.iter().map(|k| scores[k]).sum::<f64>() / pairs.len() as f64;
        if average < p.threshold {
            rejected.insert(tried);
            continue;
        }
        if members[&a].len() < members[&b].len() {
            std::mem::swap(&mut a, &mut b);
        }
        let moved = members.remove(&b).unwrap_or_default();
        for &q in &moved {
            owner[q] = a;
        }
        members.get_mut(&a).expect("a cluster").extend(moved);
        let w = average
            .min(weakest.remove(&a).unwrap_or(100.0))
            .min(weakest.remove(&b).unwrap_or(100.0));
        weakest.insert(a, w);
    }
    let mut degree = vec![0usize; n];
    for &(_, x, y) in &links {
        if owner[x as usize] == owner[y as usize] {
            degree[x as usize] += 1;
            degree[y as usize] += 1;
        }
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    let mut out: Vec<Claim> = roots
        .par_iter()
        .filter_map(|root| {
            let all = &members[root];
            let centre = *all
                .iter()
                .max_by_key(|&&x| (degree[x], std::cmp::Reverse(x)))
                .expect("a cluster has members");
            let kept: Vec<usize> = if all.len() > 2 {
                all.iter()
                    .copied()
                    .filter(|&x| {
                        x == centre || {
                            let k = (x.min(centre) as u32, x.max(centre) as u32);
                            scores.get(&k).copied().unwrap_or_else(|| link(x, centre))
                                >= p.threshold
                        }
                    })
                    .collect()
            } else {
                all.clone()
            };
            let xs = &kept;
            let mut idx: Vec<usize> = xs.iter().flat_map(|&x| groups[x].iter().copied()).collect();
            idx.sort_unstable();
            let arts: HashSet<usize> = idx.iter().map(|&i| st[i].article).collect();
            if arts.len() < 2 {
                return None;
            }
            // A statement denies the claim when it contradicts the claim's central statement
            // (negation or denial of what it says, antonyms: the stance comparison), or is
            // reported as a denial ("officials rebuffed reports that …"). When the central
            // statement is negated and others contradict it ("We do not seek an Asian NATO"
            // against "Washington is building an Asian NATO"), the claim is the positive one:
            // the negated statements deny it. A negation every statement shares ("nothing you
            // can do, folks" in each reprint) is the claim itself.
            let sc = builtin_scorer();
            let c_stmt = reps[centre];
            let reported = |i: usize| st[i].cue_category.as_deref() == Some("deny");
            let centre_reported = reported(c_stmt);
            let pc = sc.prepare(&st[c_stmt].text);
            let centre_negated = centre_reported || negates_itself(sc, &pc);
            let in_centre: HashSet<usize> = groups[centre].iter().copied().collect();
            let opposes: Vec<bool> = idx
                .iter()
                .map(|&i| {
                    !in_centre.contains(&i)
                        && compare_prepared(sc, &pc, &sc.prepare(&st[i].text)).relation
                            == super::stance::Relation::Deny
                })
                .collect();
            // Opposition of stance, not only of wording: a reported denial of what the centre
            // says ("denied that Washington wants …") shares a negated centre's stance.
            let eff: Vec<bool> = idx
                .iter()
                .zip(&opposes)
                .map(|(&i, &o)| o ^ reported(i) ^ centre_reported)
                .collect();
            let flip = centre_negated && eff.iter().any(|&e| e);
            let denies: Vec<bool> = idx
                .iter()
                .zip(&eff)
                .map(|(&i, &e)| {
                    reported(i)
                        || if flip {
                            !e
                        } else if centre_negated {
                            // Every statement shares the centre's negation: it is the claim.
                            false
                        } else {
                            e
                        }
                })
                .collect();
            let members: Vec<ClaimMember> = idx
                .iter()
                .zip(&denies)
                .map(|(&i, &denying)| {
                    let s = &st[i];
                    ClaimMember {
                        article: s.article,
                        speaker: s.speaker.clone(),
                        side: s.side.clone(),
                        kind: s.kind,
                        cue: s.cue.clone(),
                        text: s.text.clone(),
                        start: s.start,
                        end: s.end,
                        denying,
                    }
                })
                .collect();
            Some(Claim {
                members,
                score: weakest.get(root).copied().unwrap_or(100.0),
                label: st[reps[centre]].sentence.clone(),
            })
        })
        .collect();
    progress.done.fetch_add(n, Ordering::Relaxed);
    let n_articles = |c: &Claim| {
        c.members
            .iter()
            .map(|m| m.article)
            .collect::<HashSet<_>>()
            .len()
    };
    out.sort_by(|a, b| {
        n_articles(b)
            .cmp(&n_articles(a))
            .then(b.members.len().cmp(&a.members.len()))
            .then(b.score.total_cmp(&a.score))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_blocks() {
        let s = "said U.S. Defense Secretary ";
        assert_eq!(
            &s[title_block_start(s).unwrap()..],
            "U.S. Defense Secretary "
        );
        let s = "the Chinese Foreign Ministry ";
        assert_eq!(
            &s[title_block_start(s).unwrap()..],
            "the Chinese Foreign Ministry "
        );
        assert_eq!(title_block_start("he said "), None);
        assert_eq!(title_block_start("no space"), None);
    }

    #[test]
    fn titles_are_no_claims() {
        assert!(is_title_text("Meet the Press."));
        assert!(is_title_text("“Make America Great Again!”"));
        assert!(!is_title_text("make America great again"));
        assert!(!is_title_text(
            "The Press Is Free To Report Whatever It Likes About Us"
        ));
        assert!(!is_title_text(""));
    }

    #[test]
    fn methods() {
        assert_eq!(
            ClaimMethod::from_name("auto", 10, 2000).unwrap(),
            ClaimMethod::Exact
        );
        assert_eq!(
            ClaimMethod::from_name("auto", 3000, 2000).unwrap(),
            ClaimMethod::Blocked
        );
        assert_eq!(
            ClaimMethod::from_name("lsh", 10, 2000).unwrap(),
            ClaimMethod::Blocked
        );
        assert!(ClaimMethod::from_name("fast", 10, 2000).is_err());
    }

    #[test]
    fn keys_are_the_rarest_shared_words() {
        let keys = rare_word_keys(&["asian nato bloc region", "asian nato bloc", "soybean nato"]);
        assert_eq!(keys, vec!["asian bloc nato", "asian bloc nato", "nato"]);
    }
}
