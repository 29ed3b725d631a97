//! The same quote in several articles: cut, lightly reworded, or reported without quote marks
//! in another article's running text.
//!
//! Precision first: a quote needs [`MIN_CONTENT_WORDS`] content words and must not be a title
//! in headline case, and a pair must share [`MIN_COVERAGE`] of the shorter quote's content
//! words. That rule also makes the candidate search exact without comparing all pairs: if the
//! shorter quote has `k` content words and the other must hold `need = ⌈0.8 k⌉` of them, the
//! other holds at least one of *any* `k - need + 1` of them, so probing the index of content
//! words with the shorter quote's `k - need + 1` rarest words finds every pair that can pass.
//! The same holds for running text: an article is searched (with [`crate::sim::locate`], on a
//! window around the densest run of the quote's words) only where one gap between its direct
//! and mixed quotes holds enough of them (a hit inside a quote is left to the quote pairs).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::OnceLock;

use crate::sim::statement::shared_count;
use rayon::prelude::*;

use super::stance::{compare_prepared, Relation};
use super::statements::{
    content_words, for_each_content_word, is_headline_case, wording_key, Statement,
};
use super::Progress;
use crate::article::Article;
use crate::error::{Error, Result};
use crate::lsh::{LshParams, MinHashIndex, Shingle};
use crate::parallel::interrupted;
use crate::quotes::QuoteKind;
use crate::sim::{default_process, fuzz, locate, StatementScorer};

/// Fewest whitespace-separated words a quote needs to be matched.
pub const MIN_WORDS: usize = 4;
/// Fewest content words (three or more letters, not stop words) a quote needs to be matched
/// across articles: shorter quotes are common phrases that match unrelated statements (a user
/// trial on 840 real articles found most wrong pairs among them).
pub const MIN_CONTENT_WORDS: usize = 4;
/// Share of the shorter quote's content words the other quote (or the running text found)
/// must hold: a match is the same words, cut or lightly reworded, not two sentences that share
/// a name.
pub const MIN_COVERAGE: f64 = 0.8;
/// A wording whose content words all appear in longer quotes of at least this many different
/// speakers is a catchphrase or slogan ("make America great again"), not one statement: it is
/// not matched. (On 50 sampled pairs of 840 real articles, 15 of the 17 wrong pairs were one
/// slogan inside different speakers' statements.)
pub const CATCHPHRASE_SPEAKERS: usize = 3;
/// Fewest content words of a quote looked for in running text: without quote marks to delimit
/// it there, a shorter one is as likely the reporter's own phrase ("Trump, now the Republican
/// Party's nominee").
pub const MIN_UNQUOTED_WORDS: usize = 6;
/// Jaccard threshold (word bigrams) of the MinHash candidates of `Method::Lsh`: low enough
/// that a quote cut to half its length still collides with the full one.
pub const LSH_THRESHOLD: f64 = 0.3;
/// A run of a quote's words in running text spans at most this many content words per content
/// word of the quote (plus [`WINDOW_SLACK`]): a reworded quote, not words scattered over a page.
const WINDOW_PER_WORD: usize = 2;
const WINDOW_SLACK: usize = 4;
/// Characters of running text kept on each side of that run for the alignment.
const WINDOW_MARGIN: usize = 60;
/// How many of its rarest words an article must hold to be checked for a quote in its
/// running text (see [`unquoted_matches_in`]).
const PROBE_HOLD: usize = 3;

/// How candidate pairs of quotes are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Every pair that can meet [`MIN_COVERAGE`] (an index of content words; exact).
    Exact,
    /// Only pairs that MinHash LSH (word bigrams, [`LSH_THRESHOLD`]) proposes as well.
    Lsh,
}

impl Method {
    /// `"exact"`, `"lsh"`, or `"auto"` (exact: the content-word index is exact and fast).
    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            "exact" | "auto" => Ok(Method::Exact),
            "lsh" => Ok(Method::Lsh),
            _ => Err(Error::invalid(
                "method",
                format!("expected 'auto', 'exact' or 'lsh', got {name:?}"),
            )),
        }
    }
}

/// What [`quote_matches`] looks for.
#[derive(Debug, Clone, Copy)]
pub struct MatchParams {
    /// Least score (0–100) of a pair.
    pub threshold: f64,
    /// Also look for each quote in other articles' running text.
    pub unquoted: bool,
    pub method: Method,
}

impl MatchParams {
    pub fn new(threshold: f64, unquoted: bool, method: Method) -> Result<Self> {
        if !(0.0..=100.0).contains(&threshold) {
            return Err(Error::invalid(
                "threshold",
                format!("expected 0–100, got {threshold}"),
            ));
        }
        Ok(MatchParams {
            threshold,
            unquoted,
            method,
        })
    }
}

/// One match: statement `a` and either statement `b` or a span of running text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    pub a: usize,
    /// The other statement; `None` when found in running text.
    pub b: Option<usize>,
    pub article_b: usize,
    pub start_b: usize,
    pub end_b: usize,
    pub text_b: String,
    pub speaker_b: Option<String>,
    pub side_b: Option<String>,
    pub score: f64,
    /// `Deny` when one denies the other ([`super::compare`]).
    pub relation: Relation,
}

/// The built-in statement scorer: a pair's score does not depend on the rest of the corpus,
/// so it is the same on one machine and on a cluster, and `sim.statement(a, b)` reproduces it.
pub(crate) fn builtin_scorer() -> &'static StatementScorer {
    static S: OnceLock<StatementScorer> = OnceLock::new();
    S.get_or_init(StatementScorer::new)
}

/// Whether a statement can be matched at all (kind, length, content words, not a title).
pub fn matchable(s: &Statement) -> bool {
    matches!(s.kind, QuoteKind::Direct | QuoteKind::Mixed)
        && s.text.split_whitespace().count() >= MIN_WORDS
        && content_words(&s.text).len() >= MIN_CONTENT_WORDS
        && !is_headline_case(&s.text)
}

/// Fewest shared content words for a statement with `k` of them to be covered.
fn needed(k: usize) -> usize {
    let mut n = (MIN_COVERAGE * k as f64).floor() as usize;
    while (n as f64) < MIN_COVERAGE * k as f64 {
        n += 1;
    }
    n
}

fn covers(wa: &[u32], wb: &[u32]) -> bool {
    let (short, other) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    !short.is_empty() && shared_count(short, other) as f64 >= MIN_COVERAGE * short.len() as f64
}

/// The intersection of two sorted sets.
fn intersection(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Content words as ids of one vocabulary.
#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    fn ids(&mut self, text: &str) -> Vec<u32> {
        let mut v: Vec<u32> = content_words(text)
            .into_iter()
            .map(|w| {
                let n = self.ids.len() as u32;
                *self.ids.entry(w).or_insert(n)
            })
            .collect();
        v.sort_unstable();
        v
    }
}

/// The order in which reports count as first: dated articles by date, then by id; undated
/// ones after them, by id. Not corpus order, so that a corpus in another order, or split over
/// a cluster, gives the same answer.
pub fn article_key(id: Option<&str>, date: Option<&str>) -> String {
    match date {
        Some(d) => format!("0{d}\u{0}{}", id.unwrap_or("")),
        None => format!("1\u{0}{}", id.unwrap_or("")),
    }
}

/// Sort key of a statement: its article's [`article_key`], then its start.
fn order<'a>(stmts: &'a [Statement], keys: &'a [String], i: usize) -> (&'a str, usize, usize) {
    (keys[stmts[i].article].as_str(), stmts[i].start, i)
}

/// `(i, j)` in report order.
fn oriented(stmts: &[Statement], keys: &[String], i: usize, j: usize) -> (usize, usize) {
    if order(stmts, keys, i) <= order(stmts, keys, j) {
        (i, j)
    } else {
        (j, i)
    }
}

/// The distinct wordings among matchable statements: groups of statement indices, each in
/// report order (the first report first).
fn wordings(stmts: &[Statement], keys: &[String]) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, s) in stmts.iter().enumerate() {
        if !matchable(s) {
            continue;
        }
        let g = *by_key.entry(wording_key(&s.text)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    for g in &mut groups {
        g.sort_by(|&x, &y| order(stmts, keys, x).cmp(&order(stmts, keys, y)));
    }
    groups
}

/// Candidate pairs `(x, y)`, `x < y`, of wordings that can meet the coverage rule.
fn candidates(words: &[Vec<u32>], vocab: usize) -> Vec<(u32, u32)> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab];
    for (x, ws) in words.iter().enumerate() {
        for &w in ws {
            postings[w as usize].push(x as u32);
        }
    }
    let mut pairs: Vec<(u32, u32)> = (0..words.len())
        .into_par_iter()
        .flat_map_iter(|x| {
            let ws = &words[x];
            let k = ws.len();
            let mut probe: Vec<u32> = ws.clone();
            probe.sort_by_key(|&w| (postings[w as usize].len(), w));
            probe.truncate(k + 1 - needed(k).max(1));
            let mut out: Vec<(u32, u32)> = Vec::new();
            for &w in &probe {
                for &y in &postings[w as usize] {
                    let y = y as usize;
                    // x probes as the shorter side: longer or equal partners only.
                    if y != x && words[y].len() >= k && covers(ws, &words[y]) {
                        out.push((x.min(y) as u32, x.max(y) as u32));
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

fn lsh_pairs(texts: &[String]) -> Result<Vec<(u32, u32)>> {
    if texts.len() < 2 {
        return Ok(Vec::new());
    }
    let mut index = MinHashIndex::new(LshParams::new(LSH_THRESHOLD, 128, Shingle::Word(2), 1)?);
    index.add(texts)?;
    index.candidate_pairs(None)
}

/// Comparison form of a speaker: the last word of the name, lower case ("Donald J. Trump",
/// "Mr. Trump" and "Trump" are one speaker here).
fn speaker_key(name: &str) -> Option<String> {
    let last = name.split_whitespace().last()?;
    let k: String = last
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (!k.is_empty()).then_some(k)
}

/// Which wordings are catchphrases: their content words all appear in longer wordings (from
/// `cand`, the pairs that pass the coverage rule) quoted from [`CATCHPHRASE_SPEAKERS`] or more
/// different speakers. Full containment keeps the decision local: every wording holding all
/// of a phrase's words shares each of its words, so a cluster partition keyed by any one word
/// sees them all.
fn catchphrases(
    stmts: &[Statement],
    groups: &[Vec<usize>],
    words: &[Vec<u32>],
    cand: &[(u32, u32)],
) -> Vec<bool> {
    let mut hosts: Vec<HashSet<String>> = vec![HashSet::new(); groups.len()];
    for &(x, y) in cand {
        let (x, y) = (x as usize, y as usize);
        let (short, long) = if words[x].len() < words[y].len() {
            (x, y)
        } else if words[y].len() < words[x].len() {
            (y, x)
        } else {
            continue;
        };
        if shared_count(&words[short], &words[long]) == words[short].len() {
            for &i in &groups[long] {
                if let Some(k) = stmts[i].speaker.as_deref().and_then(speaker_key) {
                    hosts[short].insert(k);
                }
            }
        }
    }
    hosts
        .iter()
        .map(|h| h.len() >= CATCHPHRASE_SPEAKERS)
        .collect()
}

/// The wordings of `stmts`, their content words (ids of one vocabulary), the coverage
/// candidates and which wordings are catchphrases.
struct Wordings {
    groups: Vec<Vec<usize>>,
    words: Vec<Vec<u32>>,
    vocab: HashMap<String, u32>,
    cand: Vec<(u32, u32)>,
    catch: Vec<bool>,
}

fn analyse_wordings(stmts: &[Statement], keys: &[String]) -> Wordings {
    let groups = wordings(stmts, keys);
    let mut vocab = Vocab::default();
    let words: Vec<Vec<u32>> = groups
        .iter()
        .map(|g| vocab.ids(&stmts[g[0]].text))
        .collect();
    let cand = candidates(&words, vocab.ids.len());
    let catch = catchphrases(stmts, &groups, &words, &cand);
    Wordings {
        groups,
        words,
        vocab: vocab.ids,
        cand,
        catch,
    }
}

/// The score of two wordings: the best of `partial_ratio` (processed; one cut out of the
/// other) and the built-in statement score (rewording).
fn pair_score(pa: &[char], pb: &[char], sa: &Prepared, sb: &Prepared, threshold: f64) -> f64 {
    let p = fuzz::partial_ratio(pa, pb, threshold);
    let s = builtin_scorer().score_prepared(&sa.0, &sb.0);
    let s = if s >= threshold { s } else { 0.0 };
    p.max(s)
}

struct Prepared(crate::sim::PreparedStatement);

/// Pairs of statements from different articles that report the same quote, scoring at least
/// `params.threshold`: `(a, b, score)` with `a` reported first, in report order (`keys[k]` is
/// the [`article_key`] of article `k`). A wording repeated in many articles is paired with
/// its first report. `progress` counts wordings as they are searched.
pub fn match_statements(
    stmts: &[Statement],
    keys: &[String],
    params: &MatchParams,
    progress: &Progress,
) -> Result<Vec<(usize, usize, f64)>> {
    let Wordings {
        groups,
        words,
        mut cand,
        catch,
        ..
    } = analyse_wordings(stmts, keys);
    progress.total.fetch_add(groups.len(), Ordering::Relaxed);
    let mut pairs: HashMap<(usize, usize), f64> = HashMap::new();
    for (ids, _) in groups.iter().zip(&catch).filter(|(_, &c)| !c) {
        for &j in &ids[1..] {
            if stmts[j].article != stmts[ids[0]].article {
                pairs.insert(oriented(stmts, keys, ids[0], j), 100.0);
            }
        }
    }
    cand.retain(|&(x, y)| !catch[x as usize] && !catch[y as usize]);
    // Two quotes that share only a catchphrase's words ("… to make America great again") share
    // no statement. (Such a catchphrase holds the pair's shared words, so a partition keyed by
    // any of them sees it.)
    let phrases: Vec<&Vec<u32>> = words
        .iter()
        .zip(&catch)
        .filter(|(_, &c)| c)
        .map(|(w, _)| w)
        .collect();
    if !phrases.is_empty() {
        cand.retain(|&(x, y)| {
            let inter = intersection(&words[x as usize], &words[y as usize]);
            !phrases
                .iter()
                .any(|p| shared_count(&inter, p) == inter.len())
        });
    }
    if params.method == Method::Lsh {
        let texts: Vec<String> = groups.iter().map(|g| stmts[g[0]].text.clone()).collect();
        let lsh: HashSet<(u32, u32)> = lsh_pairs(&texts)?.into_iter().collect();
        cand.retain(|p| lsh.contains(p));
    }
    let mut used = vec![false; groups.len()];
    for &(x, y) in &cand {
        used[x as usize] = true;
        used[y as usize] = true;
    }
    let prepared: Vec<Option<(Vec<char>, Prepared)>> = groups
        .par_iter()
        .zip(used.par_iter())
        .map(|(g, &u)| {
            u.then(|| {
                let t = &stmts[g[0]].text;
                let chars: Vec<char> = default_process(t, false).chars().collect();
                (chars, Prepared(builtin_scorer().prepare(t)))
            })
        })
        .collect();
    let threshold = params.threshold;
    let scored: Vec<(u32, u32, f64)> = cand
        .par_iter()
        .filter_map(|&(x, y)| {
            if interrupted() {
                return None;
            }
            let (pa, sa) = prepared[x as usize].as_ref()?;
            let (pb, sb) = prepared[y as usize].as_ref()?;
            let s = pair_score(pa, pb, sa, sb, threshold);
            (s >= threshold && s > 0.0).then_some((x, y, s))
        })
        .collect();
    progress.done.fetch_add(groups.len(), Ordering::Relaxed);
    for (x, y, score) in scored {
        let (gi, gj) = (&groups[x as usize], &groups[y as usize]);
        let (i, j) = (gi[0], gj[0]);
        // Every article holding one wording is paired with the first holding the other.
        for &x2 in gi {
            if stmts[x2].article != stmts[j].article {
                let e = pairs.entry(oriented(stmts, keys, x2, j)).or_insert(0.0);
                *e = e.max(score);
            }
        }
        for &y2 in &gj[1..] {
            if stmts[y2].article != stmts[i].article {
                let e = pairs.entry(oriented(stmts, keys, i, y2)).or_insert(0.0);
                *e = e.max(score);
            }
        }
    }
    let mut out: Vec<(usize, usize, f64)> = pairs
        .into_iter()
        .filter(|&((a, b), _)| stmts[a].article != stmts[b].article)
        .map(|((a, b), s)| (a, b, s))
        .collect();
    out.sort_by(|x, y| {
        (order(stmts, keys, x.0), order(stmts, keys, x.1))
            .cmp(&(order(stmts, keys, y.0), order(stmts, keys, y.1)))
    });
    Ok(out)
}

/// An article's content words: occurrences (word id, byte start, byte end) in order, and,
/// for each word that occurs outside the article's direct and mixed quotes, the gaps between
/// those quotes it occurs in (gap `g` follows the `g`-th run of overlapping quotes).
struct Running {
    occ: Vec<(u32, usize, usize)>,
    free: HashMap<u32, Vec<u32>>,
}

fn running(article: &Article, vocab: &HashMap<String, u32>) -> Running {
    let text = &article.text;
    let mut occ = Vec::new();
    for_each_content_word(text, |w, s, e| {
        if let Some(&id) = vocab.get(w) {
            occ.push((id, s, e));
        }
    });
    // The direct and mixed quotes' outer spans (characters), overlapping ones merged.
    let mut spans: Vec<(usize, usize)> = article
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed))
        .flat_map(|q| {
            // A mixed quote's clause is the reporter's words but for its quoted parts.
            let parts = q.quoted_parts();
            if parts == [(q.start, q.end)] {
                vec![(q.outer_start, q.outer_end)]
            } else {
                parts
            }
        })
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut free: HashMap<u32, Vec<u32>> = HashMap::new();
    let (mut byte, mut chars, mut q) = (0, 0, 0);
    for &(id, s, e) in &occ {
        chars += text[byte..s].chars().count();
        let (cs, ce) = (chars, chars + text[s..e].chars().count());
        byte = s;
        while q < merged.len() && merged[q].1 <= cs {
            q += 1;
        }
        // `merged[q]` is the first run of quotes that does not end before the word.
        if q < merged.len() && merged[q].0 < ce && cs < merged[q].1 {
            continue; // inside a quote
        }
        let gaps = free.entry(id).or_default();
        if gaps.last() != Some(&(q as u32)) {
            gaps.push(q as u32);
        }
    }
    Running { occ, free }
}

/// Whether some gap between `r`'s direct and mixed quotes holds at least `need` of the words
/// `ws`. A match in running text lies in one such gap (it overlaps no quote) and holds `need`
/// of the quote's words, so an article without such a gap is not searched.
fn free_gap_holds(r: &Running, ws: &[u32], need: usize) -> bool {
    let mut count: HashMap<u32, usize> = HashMap::new();
    for w in ws {
        for &g in r.free.get(w).map_or(&[][..], |v| v.as_slice()) {
            let c = count.entry(g).or_insert(0);
            *c += 1;
            if *c >= need {
                return true;
            }
        }
    }
    false
}

/// The byte span of the run of the article's content words, at most `max_len` of them long,
/// holding the most distinct words of `ws` (at least `need`; the first such run); `None` when
/// no run does.
fn densest_run(
    r: &Running,
    ws: &HashSet<u32>,
    need: usize,
    max_len: usize,
) -> Option<(usize, usize)> {
    // (position in the article's content words, word, byte start, byte end) of the quote's words.
    let hits: Vec<(usize, u32, usize, usize)> = r
        .occ
        .iter()
        .enumerate()
        .filter(|(_, o)| ws.contains(&o.0))
        .map(|(p, o)| (p, o.0, o.1, o.2))
        .collect();
    let mut count: HashMap<u32, usize> = HashMap::new();
    let (mut lo, mut best): (usize, Option<(usize, usize, usize)>) = (0, None);
    for hi in 0..hits.len() {
        *count.entry(hits[hi].1).or_insert(0) += 1;
        while hits[hi].0 - hits[lo].0 >= max_len {
            let c = count.get_mut(&hits[lo].1).expect("counted");
            *c -= 1;
            if *c == 0 {
                count.remove(&hits[lo].1);
            }
            lo += 1;
        }
        let distinct = count.len();
        if distinct >= need && best.is_none_or(|(d, _, _)| distinct > d) {
            best = Some((distinct, hits[lo].2, hits[hi].3));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Quotes found in other articles' running text (without quote marks there): for each
/// wording (its first occurrence), each other article that holds enough of its content words
/// near each other is searched with [`locate`] around them. A hit inside a quote of that
/// article is left to the quote-to-quote pairs; reported speech there names the speaker.
pub fn unquoted_matches(
    articles: &[&Article],
    stmts: &[Statement],
    keys: &[String],
    threshold: f64,
    progress: &Progress,
) -> Vec<QuoteMatch> {
    let targets: Vec<(usize, &Article)> = articles.iter().copied().enumerate().collect();
    unquoted_matches_in(&targets, stmts, keys, threshold, progress)
}

/// [`unquoted_matches`] with the running text of `targets` only: `(article index, article)`,
/// the index being the one `stmts` and `keys` use. Each target is searched independently of
/// the others, so the articles can be split into parts (a cluster's partitions) and the
/// answers of the parts concatenated: sorted, they are the answer of the whole.
pub fn unquoted_matches_in(
    targets: &[(usize, &Article)],
    stmts: &[Statement],
    keys: &[String],
    threshold: f64,
    progress: &Progress,
) -> Vec<QuoteMatch> {
    let Wordings {
        groups,
        words,
        vocab,
        catch,
        ..
    } = analyse_wordings(stmts, keys);
    progress.total.fetch_add(groups.len(), Ordering::Relaxed);
    let runs: Vec<Running> = targets
        .par_iter()
        .map(|(_, a)| running(a, &vocab))
        .collect();
    // The articles holding each word outside their direct and mixed quotes.
    let mut holders: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
    for (t, r) in runs.iter().enumerate() {
        for &w in r.free.keys() {
            holders[w as usize].push(t as u32);
        }
    }
    for h in &mut holders {
        h.sort_unstable();
    }
    let mut found: Vec<QuoteMatch> = groups
        .par_iter()
        .zip(words.par_iter())
        .zip(catch.par_iter())
        .map_init(
            || vec![0u16; targets.len()],
            |hits, ((g, ws), &catch)| {
                let mut out = Vec::new();
                progress.done.fetch_add(1, Ordering::Relaxed);
                if interrupted() || catch {
                    return out;
                }
                let s = &stmts[g[0]];
                let k = ws.len();
                if k < MIN_UNQUOTED_WORDS {
                    return out;
                }
                let need = needed(k);
                // An article holding `need` of the `k` words (outside its quotes) holds at least
                // `hold` of the `k - need + hold` rarest ones: counting those (cheap) leaves
                // few articles to check word by word.
                let hold = need.clamp(1, PROBE_HOLD);
                let mut probe = ws.clone();
                probe.sort_by_key(|&w| (holders[w as usize].len(), w));
                probe.truncate(k - need + hold);
                let mut touched: Vec<u32> = Vec::new();
                for &w in &probe {
                    for &t in &holders[w as usize] {
                        let c = &mut hits[t as usize];
                        if *c == 0 {
                            touched.push(t);
                        }
                        *c += 1;
                    }
                }
                let mut cands: Vec<u32> = Vec::new();
                for t in touched {
                    if hits[t as usize] as usize >= hold {
                        cands.push(t);
                    }
                    hits[t as usize] = 0;
                }
                cands.sort_unstable();
                let wset: HashSet<u32> = ws.iter().copied().collect();
                let max_len = WINDOW_PER_WORD * k + WINDOW_SLACK;
                for t in cands {
                    let t = t as usize;
                    let (ai, a) = targets[t];
                    if ai == s.article || !free_gap_holds(&runs[t], ws, need) {
                        continue;
                    }
                    let text = &a.text;
                    let Some((bs, be)) = densest_run(&runs[t], &wset, need, max_len) else {
                        continue;
                    };
                    // A window around the run, on character boundaries.
                    let mut lo = bs.saturating_sub(WINDOW_MARGIN * 4);
                    while !text.is_char_boundary(lo) {
                        lo -= 1;
                    }
                    let lo = text[lo..bs]
                        .char_indices()
                        .rev()
                        .nth(WINDOW_MARGIN)
                        .map_or(lo, |(b, _)| lo + b);
                    let hi = text[be..]
                        .char_indices()
                        .nth(WINDOW_MARGIN)
                        .map_or(text.len(), |(b, _)| be + b);
                    let Some(al) = locate(&s.text, &text[lo..hi], Some(threshold)) else {
                        continue;
                    };
                    let base = char_index(text, lo);
                    // The alignment may start or end inside a word ("sed to build" for
                    // "promised to build"): the match is whole words.
                    let window: Vec<char> = text[lo..hi].chars().collect();
                    let (ws0, we0) = snap_to_words(&window, al.start, al.end);
                    let (start, end) = (base + ws0, base + we0);
                    let found_text: String = window[ws0..we0].iter().collect();
                    let fw: HashSet<u32> = content_words(&found_text)
                        .iter()
                        .filter_map(|w| vocab.get(w).copied())
                        .collect();
                    let have = ws.iter().filter(|w| fw.contains(w)).count();
                    if have < need {
                        continue;
                    }
                    let inside = a
                        .quotes
                        .iter()
                        .filter(|q| q.outer_start < end && start < q.outer_end);
                    let mut said = None;
                    let mut quoted = false;
                    for q in inside {
                        // The clause of a mixed quote outside its quoted parts is reported
                        // speech.
                        let in_parts = || {
                            q.quoted_parts()
                                .iter()
                                .any(|&(qs, qe)| qs < end && start < qe)
                        };
                        match q.kind {
                            QuoteKind::Direct => quoted = true,
                            QuoteKind::Mixed if in_parts() => quoted = true,
                            QuoteKind::Indirect | QuoteKind::Mixed
                                if q.speaker.is_some() && said.is_none() =>
                            {
                                said = Some(q)
                            }
                            _ => {}
                        }
                    }
                    if quoted {
                        continue; // inside a quote: the quote-to-quote pairs cover it
                    }
                    let sc = builtin_scorer();
                    let relation =
                        match compare_prepared(sc, &sc.prepare(&s.text), &sc.prepare(&found_text))
                            .relation
                        {
                            Relation::Deny => {
                                excerpt_relation(&s.text, &found_text).unwrap_or(Relation::Deny)
                            }
                            r => r,
                        };
                    out.push(QuoteMatch {
                        a: g[0],
                        b: None,
                        article_b: ai,
                        start_b: start,
                        end_b: end,
                        text_b: found_text,
                        speaker_b: said.and_then(|q| q.speaker.clone()),
                        side_b: said.and_then(|q| q.side.clone()),
                        score: al.score,
                        relation,
                    });
                }
                out
            },
        )
        .flatten_iter()
        .collect();
    found.sort_by(|x, y| {
        (order(stmts, keys, x.a), &keys[x.article_b], x.start_b).cmp(&(
            order(stmts, keys, y.a),
            &keys[y.article_b],
            y.start_b,
        ))
    });
    found
}

/// Every quote match of `articles`: quote-to-quote pairs ([`match_statements`] over the
/// articles' direct and mixed quotes) and, with `params.unquoted`, quotes found in running
/// text ([`unquoted_matches`]); strongest first (ties in the order found). Also returns the
/// statements the matches index.
pub fn quote_matches(
    articles: &[&Article],
    params: &MatchParams,
    progress: &Progress,
) -> Result<(Vec<Statement>, Vec<QuoteMatch>)> {
    let stmts =
        super::statements::statements(articles, &[QuoteKind::Direct, QuoteKind::Mixed], MIN_WORDS);
    let keys: Vec<String> = articles
        .iter()
        .map(|a| article_key(a.meta.id.as_deref(), a.meta.date.as_deref()))
        .collect();
    let (pairs, unq) = rayon::join(
        || match_statements(&stmts, &keys, params, progress),
        || {
            if params.unquoted {
                unquoted_matches(articles, &stmts, &keys, params.threshold, progress)
            } else {
                Vec::new()
            }
        },
    );
    let mut out = pair_rows(&stmts, &pairs?);
    out.extend(unq);
    out.sort_by(|x, y| y.score.total_cmp(&x.score));
    Ok((stmts, out))
}

/// Rows for statement pairs, with the relation of each distinct pair of texts.
pub fn pair_rows(stmts: &[Statement], pairs: &[(usize, usize, f64)]) -> Vec<QuoteMatch> {
    // The relation is computed once per distinct pair of texts (a quote reprinted in many
    // articles is in many pairs), each text prepared for the scorer once.
    let mut text_id: HashMap<&str, usize> = HashMap::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut of = |i: usize| {
        let t = stmts[i].text.as_str();
        *text_id.entry(t).or_insert_with(|| {
            texts.push(t);
            texts.len() - 1
        })
    };
    let ids: Vec<(usize, usize)> = pairs.iter().map(|&(a, b, _)| (of(a), of(b))).collect();
    let sc = builtin_scorer();
    let prepared: Vec<crate::sim::PreparedStatement> =
        texts.par_iter().map(|t| sc.prepare(t)).collect();
    let mut distinct: Vec<(usize, usize)> = ids.iter().copied().filter(|(x, y)| x != y).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let relations: HashMap<(usize, usize), Relation> = distinct
        .par_iter()
        .map(|&(x, y)| {
            let r = compare_prepared(sc, &prepared[x], &prepared[y]).relation;
            let r = if r == Relation::Deny {
                excerpt_relation(texts[x], texts[y]).unwrap_or(r)
            } else {
                r
            };
            ((x, y), r)
        })
        .collect();
    pairs
        .par_iter()
        .zip(ids.par_iter())
        .map(|(&(a, b, score), &(x, y))| {
            let sb = &stmts[b];
            QuoteMatch {
                a,
                b: Some(b),
                article_b: sb.article,
                start_b: sb.start,
                end_b: sb.end,
                text_b: sb.text.clone(),
                speaker_b: sb.speaker.clone(),
                side_b: sb.side.clone(),
                score,
                relation: if x == y {
                    Relation::Agree
                } else {
                    relations[&(x, y)]
                },
            }
        })
        .collect()
}

/// When one text is an excerpt of the other ("make America whole again" out of "But that work
/// is not to make America great again. … We have to make America whole again"), a denial
/// elsewhere in the longer text says nothing about the excerpt: the relation of the excerpt to
/// the sentence of the longer text it was cut from. Two texts of the same words agree. `None`
/// when neither is an excerpt.
fn excerpt_relation(a: &str, b: &str) -> Option<Relation> {
    // The same words, punctuated differently ("… as a whole - they are …" / "… as a whole,
    // they are …"), say the same thing.
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
            .collect()
    };
    if words(a) == words(b) {
        return Some(Relation::Agree);
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let n_long = long.chars().count();
    if short.chars().count() * 5 > n_long * 4 {
        return None;
    }
    // The sentence of the longer text closest to the excerpt (plain ratio, lowercased).
    let key: Vec<char> = short.trim().chars().flat_map(char::to_lowercase).collect();
    let sentence = long
        .split_inclusive(['.', '!', '?', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            let c: Vec<char> = t.chars().flat_map(char::to_lowercase).collect();
            (fuzz::ratio(&key, &c, 0.0), t)
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .filter(|&(score, _)| score >= 60.0)?
        .1;
    if sentence.chars().count() * 10 >= n_long * 9 {
        return None; // the excerpt's sentence is the whole text: nothing to cut away
    }
    Some(super::stance::compare(builtin_scorer(), short, sentence).relation)
}

/// Widens the character span `start..end` of `chars` to whole words: back to the start of a
/// word it begins inside, and on to the end of a word it ends inside.
fn snap_to_words(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let word = |c: char| c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
    let (mut s, mut e) = (start.min(chars.len()), end.min(chars.len()));
    while s > 0 && s < chars.len() && word(chars[s]) && word(chars[s - 1]) {
        s -= 1;
    }
    while e > 0 && e < chars.len() && word(chars[e]) && word(chars[e - 1]) {
        e += 1;
    }
    (s, e.max(s))
}

#[cfg(test)]
mod tests {
    use super::{excerpt_relation, Relation};

    #[test]
    fn an_excerpt_is_judged_against_its_own_sentence() {
        let long = "But that work is not to make America great again. America never stopped \
            being great. We have to make America whole again.";
        assert_eq!(
            excerpt_relation("make America whole again", long),
            Some(Relation::Agree)
        );
        // A denial in the excerpt's own sentence stands.
        let long = "We will not make America whole again. The plan failed, and the mayor left.";
        assert_eq!(
            excerpt_relation("make America whole again", long),
            Some(Relation::Deny)
        );
        assert_eq!(
            excerpt_relation(
                "Each candidate isn't talking to the public as a whole - they are talking to \
                 their base",
                "Each candidate isn’t talking to the public as a whole, they are talking to \
                 their base"
            ),
            Some(Relation::Agree)
        );
        // Two texts of similar length are no excerpt.
        assert_eq!(
            excerpt_relation("the plan failed", "the plan did not fail"),
            None
        );
    }

    #[test]
    fn running_text_spans_are_whole_words() {
        let c: Vec<char> = "he promised to build a wall".chars().collect();
        // "sed to build a wa" → "promised to build a wall".
        assert_eq!(super::snap_to_words(&c, 8, 25), (3, 27));
        assert_eq!(super::snap_to_words(&c, 3, 27), (3, 27));
        assert_eq!(super::snap_to_words(&c, 0, 0), (0, 0));
    }

    use super::*;

    fn st(article: usize, text: &str) -> Statement {
        Statement {
            article,
            quote: None,
            text: text.into(),
            start: 0,
            end: text.chars().count(),
            kind: QuoteKind::Direct,
            speaker: None,
            side: None,
            cue: None,
            cue_category: None,
        }
    }

    fn keys(s: &[Statement]) -> Vec<String> {
        let n = s.iter().map(|x| x.article + 1).max().unwrap_or(0);
        (0..n)
            .map(|k| article_key(Some(&format!("a{k:03}")), None))
            .collect()
    }

    fn params() -> MatchParams {
        MatchParams::new(80.0, false, Method::Exact).unwrap()
    }

    #[test]
    fn free_words_are_counted_per_gap_between_quotes() {
        let r = Running {
            occ: Vec::new(),
            free: HashMap::from([(1, vec![0]), (2, vec![0, 1]), (3, vec![1]), (4, vec![2])]),
        };
        assert!(free_gap_holds(&r, &[1, 2], 2));
        assert!(free_gap_holds(&r, &[2, 3], 2));
        assert!(!free_gap_holds(&r, &[1, 3, 4], 2)); // three words, but in three gaps
        assert!(!free_gap_holds(&r, &[5, 6], 1));
    }

    #[test]
    fn needed_rounds_up() {
        assert_eq!(needed(4), 4);
        assert_eq!(needed(5), 4);
        assert_eq!(needed(10), 8);
        assert_eq!(needed(11), 9);
    }

    #[test]
    fn cut_quotes_match_and_short_or_unrelated_ones_do_not() {
        let s = vec![
            st(
                0,
                "We do not seek to build an Asian NATO and we will never ask countries to choose",
            ),
            st(
                1,
                "not seek to build an Asian NATO and we will never ask countries",
            ),
            st(2, "a lot of people"),
            st(3, "Countries in Asia will never join a bloc aimed at China"),
        ];
        let got = match_statements(&s, &keys(&s), &params(), &Progress::default()).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1), (0, 1));
    }

    #[test]
    fn blocking_finds_what_all_pairs_find() {
        // Every covering pair of a small set, by brute force, against the index.
        let texts = [
            "the ministry said the talks on trade tariffs were productive and long",
            "talks on trade tariffs were productive and long, the ministry said",
            "trade tariffs were productive",
            "tariffs on steel were raised by the ministry after long talks",
            "productive long talks trade tariffs ministry steel raised",
            "nothing here matches anything else at all today",
        ];
        let mut vocab = Vocab::default();
        let words: Vec<Vec<u32>> = texts.iter().map(|t| vocab.ids(t)).collect();
        let got = candidates(&words, vocab.ids.len());
        let mut want = vec![];
        for x in 0..words.len() {
            for y in x + 1..words.len() {
                if covers(&words[x], &words[y]) {
                    want.push((x as u32, y as u32));
                }
            }
        }
        assert_eq!(got, want);
        assert!(!want.is_empty());
    }

    #[test]
    fn a_slogan_inside_many_speakers_statements_matches_nothing() {
        let mut s = vec![
            st(0, "make America great again"),
            st(1, "make America great again"),
        ];
        for (k, who) in ["Mike Pence", "Donald Trump", "Elizabeth Warren"]
            .iter()
            .enumerate()
        {
            let mut x = st(
                2 + k,
                &format!("{who} says we need new jobs in every town to make America great again"),
            );
            x.speaker = Some(who.to_string());
            s.push(x);
        }
        // A variant of the slogan shares only its words with the speeches.
        s.push(st(5, "And let's make America great again."));
        let got = match_statements(&s, &keys(&s), &params(), &Progress::default()).unwrap();
        assert!(
            got.iter().all(|&(a, b, _)| a > 1 && b > 1 && b != 5),
            "{got:?}"
        );
        s.pop();
        // Two speakers are not enough to call it a slogan.
        s.pop();
        let got = match_statements(&s, &keys(&s), &params(), &Progress::default()).unwrap();
        assert!(got.iter().any(|&(a, _, _)| a == 0));
    }

    #[test]
    fn copies_pair_with_the_first_report() {
        let t = "We will never accept a NATO-style bloc in Asia";
        let s: Vec<Statement> = (0..4).map(|i| st(i, t)).collect();
        let got = match_statements(&s, &keys(&s), &params(), &Progress::default()).unwrap();
        assert_eq!(got, vec![(0, 1, 100.0), (0, 2, 100.0), (0, 3, 100.0)]);
    }

    #[test]
    fn threshold_and_method_are_checked() {
        assert!(MatchParams::new(101.0, true, Method::Exact).is_err());
        assert!(MatchParams::new(f64::NAN, true, Method::Exact).is_err());
        assert!(Method::from_name("fast").is_err());
    }
}
