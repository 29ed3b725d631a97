//! Statement clusters: one statement carried by several articles, with the articles, the
//! speaker, a canonical wording and, for each variant, what it added, cut or changed.
//!
//! Clusters are the connected components of quote matches ([`super::matching`]): the coverage
//! rule that every match passes keeps components from chaining unrelated quotes (two quotes
//! in one component share most content words with a neighbour, not merely a name).

use std::collections::HashMap;

use super::matching::QuoteMatch;
use super::statements::{wording_key, Statement};

/// Above this many cells, [`word_diff`] aligns only what is left after the common prefix and
/// suffix and, if that is still larger, reports the rest as one change: linear on any input.
const MAX_DIFF_CELLS: usize = 250_000;

/// One report of a statement: a quote, or words found in running text.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub article: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub side: Option<String>,
    /// In quote marks in that article (false: found in running text).
    pub quoted: bool,
    pub diff: WordDiff,
}

/// A statement carried by two or more articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Index into `variants` of the canonical wording.
    pub canonical: usize,
    pub variants: Vec<Variant>,
    /// The speaker most variants name (first named on a tie).
    pub speaker: Option<String>,
    pub side: Option<String>,
}

impl Cluster {
    /// The articles carrying it, in order of first variant.
    pub fn articles(&self) -> Vec<usize> {
        let mut seen = Vec::new();
        for v in &self.variants {
            if !seen.contains(&v.article) {
                seen.push(v.article);
            }
        }
        seen
    }
}

/// What a variant did to the canonical wording, word by word.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordDiff {
    /// Phrases the variant has and the canonical wording does not.
    pub added: Vec<String>,
    /// Phrases of the canonical wording the variant leaves out.
    pub cut: Vec<String>,
    /// (canonical phrase, variant phrase) replaced one by the other.
    pub changed: Vec<(String, String)>,
    /// Word edits (insertions, deletions, substitutions) between the two.
    pub distance: usize,
}

/// Comparison form of a word: lower-case letters and digits ("China," = "china").
fn word_key(w: &str) -> String {
    let k: String = w
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if k.is_empty() {
        w.to_string()
    } else {
        k
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Op {
    Keep,
    Sub,
    Del,
    Ins,
}

/// The edit script (Levenshtein over words) turning `a` into `b`.
fn script(a: &[String], b: &[String]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 0..=n {
        d[at(i, 0)] = i as u32;
    }
    for j in 0..=m {
        d[at(0, j)] = j as u32;
    }
    for i in 1..=n {
        for j in 1..=m {
            let sub = d[at(i - 1, j - 1)] + u32::from(a[i - 1] != b[j - 1]);
            d[at(i, j)] = sub.min(d[at(i - 1, j)] + 1).min(d[at(i, j - 1)] + 1);
        }
    }
    let (mut i, mut j, mut ops) = (n, m, Vec::with_capacity(n + m));
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && d[at(i, j)] == d[at(i - 1, j - 1)] + u32::from(a[i - 1] != b[j - 1]) {
            ops.push(if a[i - 1] == b[j - 1] {
                Op::Keep
            } else {
                Op::Sub
            });
            i -= 1;
            j -= 1;
        } else if i > 0 && d[at(i, j)] == d[at(i - 1, j)] + 1 {
            ops.push(Op::Del);
            i -= 1;
        } else {
            ops.push(Op::Ins);
            j -= 1;
        }
    }
    ops.reverse();
    ops
}

/// Word-level diff of `variant` against `canonical`: phrases added, cut and changed, and the
/// number of word edits. Words compare by letters and digits, case-folded.
pub fn word_diff(canonical: &str, variant: &str) -> WordDiff {
    let wa: Vec<&str> = canonical.split_whitespace().collect();
    let wb: Vec<&str> = variant.split_whitespace().collect();
    let ka: Vec<String> = wa.iter().map(|w| word_key(w)).collect();
    let kb: Vec<String> = wb.iter().map(|w| word_key(w)).collect();
    let pre = ka.iter().zip(&kb).take_while(|(x, y)| x == y).count();
    let suf = ka[pre..]
        .iter()
        .rev()
        .zip(kb[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&ka[pre..ka.len() - suf], &kb[pre..kb.len() - suf]);
    let mut ops = vec![Op::Keep; pre];
    if ma.len().saturating_mul(mb.len()) <= MAX_DIFF_CELLS {
        ops.extend(script(ma, mb));
    } else {
        let common = ma.len().min(mb.len());
        ops.extend(std::iter::repeat_n(Op::Sub, common));
        ops.extend(std::iter::repeat_n(Op::Del, ma.len() - common));
        ops.extend(std::iter::repeat_n(Op::Ins, mb.len() - common));
    }
    ops.extend(std::iter::repeat_n(Op::Keep, suf));
    let mut diff = WordDiff::default();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while k < ops.len() {
        if ops[k] == Op::Keep {
            i += 1;
            j += 1;
            k += 1;
            continue;
        }
        let (i0, j0) = (i, j);
        while k < ops.len() && ops[k] != Op::Keep {
            match ops[k] {
                Op::Sub => {
                    i += 1;
                    j += 1;
                }
                Op::Del => i += 1,
                Op::Ins => j += 1,
                Op::Keep => unreachable!("loop stops at Keep"),
            }
            diff.distance += 1;
            k += 1;
        }
        let (from, to) = (wa[i0..i].join(" "), wb[j0..j].join(" "));
        match (from.is_empty(), to.is_empty()) {
            (true, false) => diff.added.push(to),
            (false, true) => diff.cut.push(from),
            _ => diff.changed.push((from, to)),
        }
    }
    diff
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Statement clusters from the matches of [`super::matching::quote_matches`] over `stmts`:
/// components spanning two or more articles, most carried first (ties in order of first
/// statement). The canonical wording is the one most articles carry; on a tie, the one
/// closest (fewest word edits in total) to the other wordings, then the first.
pub fn clusters(stmts: &[Statement], matches: &[QuoteMatch]) -> Vec<Cluster> {
    let mut parent: Vec<usize> = (0..stmts.len()).collect();
    for m in matches {
        if let Some(b) = m.b {
            let (ra, rb) = (find(&mut parent, m.a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut members: HashMap<usize, Vec<Variant>> = HashMap::new();
    let variant = |s: &Statement| Variant {
        article: s.article,
        start: s.start,
        end: s.end,
        text: s.text.clone(),
        speaker: s.speaker.clone(),
        side: s.side.clone(),
        quoted: true,
        diff: WordDiff::default(),
    };
    let mut in_match = vec![false; stmts.len()];
    for m in matches {
        in_match[m.a] = true;
        if let Some(b) = m.b {
            in_match[b] = true;
        }
    }
    for (i, s) in stmts.iter().enumerate() {
        if in_match[i] {
            let r = find(&mut parent, i);
            members.entry(r).or_default().push(variant(s));
        }
    }
    for m in matches.iter().filter(|m| m.b.is_none()) {
        let r = find(&mut parent, m.a);
        members.entry(r).or_default().push(Variant {
            article: m.article_b,
            start: m.start_b,
            end: m.end_b,
            text: m.text_b.clone(),
            speaker: m.speaker_b.clone(),
            side: m.side_b.clone(),
            quoted: false,
            diff: WordDiff::default(),
        });
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    let mut out = Vec::new();
    for r in roots {
        let mut vs = members.remove(&r).unwrap_or_default();
        // By position (quotes first, then the shorter span): the order of the matches given
        // does not matter.
        vs.sort_by_key(|v| (v.article, v.start, !v.quoted, v.end));
        vs.dedup_by(|x, y| x.article == y.article && x.start == y.start && x.end == y.end);
        let c = build(vs);
        if c.articles().len() >= 2 {
            out.push(c);
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.articles().len()));
    out
}

fn build(mut variants: Vec<Variant>) -> Cluster {
    // Wordings by key: the articles carrying each.
    let keys: Vec<String> = variants.iter().map(|v| wording_key(&v.text)).collect();
    let mut order: Vec<&String> = Vec::new();
    let mut carried: HashMap<&String, Vec<usize>> = HashMap::new();
    for (k, v) in keys.iter().zip(&variants) {
        let e = carried.entry(k).or_insert_with(|| {
            order.push(k);
            Vec::new()
        });
        if !e.contains(&v.article) {
            e.push(v.article);
        }
    }
    let most = order.iter().map(|k| carried[k].len()).max().unwrap_or(0);
    let tied: Vec<&String> = order
        .iter()
        .copied()
        .filter(|k| carried[k].len() == most)
        .collect();
    let best = if tied.len() == 1 {
        tied[0]
    } else {
        let text_of = |k: &String| &variants[keys.iter().position(|x| x == k).unwrap_or(0)].text;
        *tied
            .iter()
            .min_by_key(|k| {
                order
                    .iter()
                    .map(|o| word_diff(text_of(k), text_of(o)).distance)
                    .sum::<usize>()
            })
            .unwrap_or(&tied[0])
    };
    let canonical = keys.iter().position(|k| k == best).unwrap_or(0);
    let ctext = variants[canonical].text.clone();
    for v in &mut variants {
        v.diff = word_diff(&ctext, &v.text);
    }
    let mut counts: Vec<(&str, usize, Option<&String>)> = Vec::new();
    for v in variants.iter().filter(|v| v.quoted || v.speaker.is_some()) {
        if let Some(s) = &v.speaker {
            match counts.iter_mut().find(|c| c.0 == s) {
                Some(c) => c.1 += 1,
                None => counts.push((s, 1, v.side.as_ref())),
            }
        }
    }
    let top = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, c)| (c.1, std::cmp::Reverse(*i)))
        .map(|(_, c)| (c.0.to_string(), c.2.cloned()));
    let (speaker, side) = match top {
        Some((s, side)) => (Some(s), side),
        None => (None, None),
    };
    Cluster {
        canonical,
        variants,
        speaker,
        side,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split_whitespace().map(word_key).collect()
    }

    #[test]
    fn diff_names_added_cut_and_changed_words() {
        let d = word_diff(
            "We do not seek to build an Asian NATO, and we never ask countries to choose.",
            "We are not seeking to build an Asian NATO and we never ask countries to choose sides.",
        );
        assert_eq!(
            d.changed,
            vec![
                ("do".into(), "are".into()),
                ("seek".into(), "seeking".into())
            ]
        );
        assert_eq!(d.added, vec!["sides.".to_string()]);
        assert!(d.cut.is_empty());
        assert_eq!(d.distance, 3);
        let d = word_diff(
            "we will never join a bloc aimed at China",
            "never join a bloc",
        );
        assert_eq!(
            d.cut,
            vec!["we will".to_string(), "aimed at China".to_string()]
        );
    }

    #[test]
    fn diff_distance_is_word_levenshtein() {
        // strsim's generic Levenshtein over the same word keys is the reference.
        let pairs = [
            ("a b c d e", "a x c e f"),
            (
                "the talks were long and productive",
                "talks were productive, officials said",
            ),
            ("", "one two"),
            ("same words here", "Same words, here"),
        ];
        for (a, b) in pairs {
            assert_eq!(
                word_diff(a, b).distance,
                strsim::generic_levenshtein(&toks(a), &toks(b)),
                "{a:?} / {b:?}"
            );
        }
    }

    #[test]
    fn long_inputs_stay_linear() {
        let a = "w ".repeat(5000) + "end";
        let b = "v ".repeat(5000) + "end";
        let d = word_diff(&a, &b);
        assert_eq!(d.distance, 5000);
    }
}
