//! Whether two articles are one story: a re-publication, an updated version or a wire copy
//! shares most of its running text with the other, word for word. A quote matched between two
//! such articles has not travelled between outlets or sides; users filter those pairs out (on
//! 840 PolNeAR articles, 56 of the 137 default quote matches came from 7 such article pairs).
//!
//! The measure is the containment of word 5-grams of the reporter's own text (outside direct
//! and mixed quotes, which separate reports of one statement share by definition): the share
//! of the shorter article's distinct 5-grams (lowercased letters and digits) that the other
//! article also has. Two reports of one event by different reporters share under a fifth of
//! them (at most 0.03 on those 840 articles), re-publications 0.67 or more.

use rayon::prelude::*;

use crate::article::Article;
use crate::hash::fnv1a;
use crate::quotes::QuoteKind;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// Containment from which two articles are one story.
pub const SAME_STORY: f64 = 0.5;

/// The sorted, distinct hashes of the word 5-grams of `text`.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    push_shingles(text, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The sorted, distinct word 5-gram hashes of an article's text outside its direct and mixed
/// quotes (marks included), each stretch between quotes shingled on its own.
pub fn reporter_shingles(a: &Article) -> Vec<u64> {
    let mut spans: Vec<(usize, usize)> = a
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed))
        .map(|q| (q.outer_start.min(q.start), q.outer_end.max(q.end)))
        .collect();
    spans.sort_unstable();
    // Quote offsets are char indices: walk the text once alongside them.
    let mut out = Vec::new();
    let mut stretch = String::new();
    let mut next = 0;
    for (ci, ch) in a.text.chars().enumerate() {
        while next < spans.len() && spans[next].1 <= ci {
            next += 1;
        }
        if next < spans.len() && spans[next].0 <= ci {
            if !stretch.is_empty() {
                push_shingles(&stretch, &mut out);
                stretch.clear();
            }
        } else {
            stretch.push(ch);
        }
    }
    push_shingles(&stretch, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

fn push_shingles(text: &str, out: &mut Vec<u64>) {
    let mut buf = String::new();
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            buf.clear();
            buf.extend(w.chars().flat_map(char::to_lowercase));
            fnv1a(buf.as_bytes(), 0)
        })
        .collect();
    out.extend(words.windows(SHINGLE_WORDS).map(|win| {
        win.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &w| {
            (h.rotate_left(23) ^ w).wrapping_mul(0x0100_0000_01b3)
        })
    }));
}

/// Share of the smaller set's elements in the other (two sorted, distinct lists); 0 when
/// either is empty.
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    crate::sim::statement::shared_count(a, b) as f64 / n as f64
}

/// For each pair `(i, j)` of indices into `articles`, the containment of the word 5-grams of
/// their reporters' text ([`reporter_shingles`]); 0 for an index out of range. Only the
/// articles named by a pair are shingled, each once, in parallel.
pub fn story_overlaps(articles: &[&Article], pairs: &[(usize, usize)]) -> Vec<f64> {
    let mut used = vec![false; articles.len()];
    for &(i, j) in pairs {
        for k in [i, j] {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
        }
    }
    let sets: Vec<Vec<u64>> = articles
        .par_iter()
        .zip(used.par_iter())
        .map(|(a, &u)| if u { reporter_shingles(a) } else { Vec::new() })
        .collect();
    pairs
        .par_iter()
        .map(|&(i, j)| match (sets.get(i), sets.get(j)) {
            (Some(a), Some(b)) => containment(a, b),
            _ => 0.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The mayor said on Monday that the bridge would close for repairs in \
        the spring. Drivers will be sent across the river by ferry, and the city will pay for \
        the extra crossings until the work is done, officials said.";

    fn art(t: &str) -> Article {
        crate::pipeline::analyze(t, Default::default(), &[]).unwrap()
    }

    #[test]
    fn a_republished_story_is_one_story_and_another_report_is_not() {
        let update = format!("{STORY} The council votes on the plan on Friday.");
        let other = "Officials said the bridge would close in the spring. The mayor announced \
            ferries for drivers on Monday and said the city would pay for them.";
        let (a, b, c) = (art(STORY), art(&update), art(other));
        let o = story_overlaps(&[&a, &b, &c], &[(0, 1), (0, 2), (1, 2)]);
        assert!(
            (o[0] - 1.0).abs() < 1e-12,
            "the shorter story is all in the update: {o:?}"
        );
        assert!(o[1] < SAME_STORY && o[2] < SAME_STORY, "{o:?}");
        // Case and punctuation do not matter; too short a text shares nothing; an index out
        // of range gives 0, never a panic.
        let loud = art(&STORY.to_uppercase().replace(',', " ;"));
        assert_eq!(story_overlaps(&[&a, &loud], &[(0, 1)]), vec![1.0]);
        assert_eq!(story_overlaps(&[&art("one two"), &a], &[(0, 1)]), vec![0.0]);
        assert_eq!(story_overlaps(&[&a], &[(0, 7)]), vec![0.0]);
    }

    #[test]
    fn a_short_report_of_one_quote_is_not_the_story_it_quotes() {
        let q = "“We will rebuild every bridge in this county before the winter comes,” the \
            governor said on Monday. The storm closed two highways and cut power to thousands \
            of homes across the valley.";
        let retold = "Officials spoke on Monday. “We will rebuild every bridge in this county \
            before the winter comes,” the minister said.";
        let (a, b) = (art(q), art(retold));
        assert!(shingles(retold).len() > 5);
        assert!(story_overlaps(&[&a, &b], &[(0, 1)])[0] < SAME_STORY);
    }
}
