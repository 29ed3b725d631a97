//! Calibrated confidence: the probability that an attribution's speaker mention is the source
//! an annotator marked, from a logistic regression over what attribution already knows about
//! the quote (pattern, mention class, distances, the entity, the cue). The weights
//! (`confidence.tsv`, names and numbers only, no text) are fitted on PolNeAR train by
//! `benchmarks/fit_confidence.py`; `benchmarks/bench_polnear.py` judges them on dev.
//!
//! Features are cheap on purpose: a few span comparisons and, for a pronoun, a bounded look
//! back over the mentions before it; nothing reads the article again.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use super::mentions::Kind;
use super::tokens::Func;
use super::{Attr, Index};
use crate::article::Quote;
use crate::lexicon::FxHashMap;

const WEIGHTS: &str = include_str!("confidence.tsv");

/// How far back a pronoun's nearest naming mention is looked for, in mentions: far enough for
/// the antecedents the resolver accepts, bounded so a long article stays linear.
const ANTECEDENT_MENTIONS: usize = 60;

/// Other candidates counted between a pronoun and its antecedent, at most.
const MAX_RIVALS: usize = 4;

/// One feature: a name the weights file knows and its value.
pub(crate) type Feature = (Cow<'static, str>, f64);

fn weights() -> &'static FxHashMap<String, f64> {
    static W: OnceLock<FxHashMap<String, f64>> = OnceLock::new();
    W.get_or_init(|| parse(WEIGHTS))
}

/// `name<TAB>weight` lines; `#` starts a comment.
fn parse(text: &str) -> FxHashMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (name, w) = l.split_once('\t')?;
            Some((name.to_string(), w.trim().parse().ok()?))
        })
        .collect()
}

/// The model's probability for `features` (unknown names weigh nothing).
#[cfg(test)]
fn predict(w: &FxHashMap<String, f64>, features: &[Feature]) -> f64 {
    let z: f64 = features
        .iter()
        .map(|(n, v)| w.get(n.as_ref()).copied().unwrap_or(0.0) * v)
        .sum();
    1.0 / (1.0 + (-z).exp())
}

/// The model's sum over features as they are found; the features themselves are kept only
/// while [`recorded`] runs, so scoring allocates nothing but a few composite names.
struct Acc {
    z: f64,
    kept: Option<Vec<Feature>>,
}

impl Acc {
    fn new() -> Self {
        let recording = RECORD.with(|r| r.borrow().is_some());
        Acc {
            z: 0.0,
            kept: recording.then(Vec::new),
        }
    }

    fn push(&mut self, (name, v): Feature) {
        self.z += weights().get(name.as_ref()).copied().unwrap_or(0.0) * v;
        if let Some(k) = self.kept.as_mut() {
            k.push((name, v));
        }
    }
}

thread_local! {
    /// Features of every scored quote while [`recorded`] runs (for fitting the weights).
    static RECORD: RefCell<Option<Vec<Recorded>>> = const { RefCell::new(None) };
}

/// A scored quote as [`recorded`] saw it: its span, its speaker mention's start, its features.
pub(crate) type Recorded = (usize, usize, Option<usize>, Vec<Feature>);

fn score(q: &Quote, acc: Acc) -> f64 {
    let p = 1.0 / (1.0 + (-acc.z).exp());
    if let Some(features) = acc.kept {
        RECORD.with(|r| {
            if let Some(v) = r.borrow_mut().as_mut() {
                v.push((q.start, q.end, q.speaker_start, features));
            }
        });
    }
    // Three decimals: the value survives JSON and the fit is not finer.
    (p.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

/// The features every attribution has: pattern, mention class and their cell, quote kind, cue
/// category, quote length and the character gaps between speaker mention, cue and quote.
fn span_features(pattern: &'static str, class: &'static str, q: &Quote) -> Acc {
    let mut f = Acc::new();
    f.push(("bias".into(), 1.0));
    f.push((format!("pattern={pattern}").into(), 1.0));
    f.push((format!("class={class}").into(), 1.0));
    f.push((format!("cell={pattern}/{class}").into(), 1.0));
    f.push((format!("kind={}", q.kind.as_str()).into(), 1.0));
    let cue = q.cue_category.as_deref().unwrap_or("none");
    f.push((format!("cue={cue}").into(), 1.0));
    f.push((
        "log_quote_chars".into(),
        ln1p(q.end.saturating_sub(q.start)),
    ));
    let gap = |a: (usize, usize), b: (usize, usize)| {
        if a.1 <= b.0 {
            b.0 - a.1
        } else {
            a.0.saturating_sub(b.1)
        }
    };
    let quote = (q.start, q.end);
    if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
        f.push(("log_gap_speaker_quote".into(), ln1p(gap((s, e), quote))));
        f.push(("speaker_after_quote".into(), flag(s >= q.end)));
        if let (Some(cs), Some(ce)) = (q.cue_start, q.cue_end) {
            f.push(("log_gap_speaker_cue".into(), ln1p(gap((s, e), (cs, ce)))));
        }
    }
    if let (Some(cs), Some(ce)) = (q.cue_start, q.cue_end) {
        f.push(("log_gap_cue_quote".into(), ln1p(gap((cs, ce), quote))));
    }
    f
}

fn ln1p(x: usize) -> f64 {
    (x as f64).ln_1p()
}

fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// The confidence of attribution `a` of quote `q` (its speaker, cue and spans already filled)
/// whose mention is of `class`.
pub(super) fn of(ix: &Index, q: &Quote, a: &Attr, class: &'static str) -> f64 {
    let rule = (a.conf * a.who.conf).clamp(0.0, 1.0);
    if class == "unresolved" {
        // A pronoun with no antecedent names nobody (`speaker=None`): the rule's low value.
        return (rule * 1000.0).round() / 1000.0;
    }
    let mut f = span_features(a.pattern.as_str(), class, q);
    f.push(("rule_confidence".into(), rule));
    let who = &a.who;
    let speaker_tok = ix.toks.get(who.a);
    if let Some(t) = speaker_tok {
        let sent = ix.sent_toks.get(t.sent).copied();
        f.push((
            "speaker_opens_sentence".into(),
            flag(sent.is_some_and(|s| s.0 == who.a)),
        ));
        if let Some((s0, s1)) = sent {
            // Other entities named in the speaker's sentence: the more, the more to confuse.
            let lo = ix.ms_t0.partition_point(|&t| (t as usize) < s0);
            let hi = ix.ms_t0.partition_point(|&t| (t as usize) < s1);
            let others = ix.ms[lo..hi]
                .iter()
                .filter(|m| !matches!(m.kind, Kind::Pronoun(_)) && m.entity != who.entity)
                .take(MAX_RIVALS)
                .count();
            f.push(("others_in_sentence".into(), others as f64));
        }
        f.push(("same_paragraph".into(), flag(t.para == q.paragraph)));
        f.push((
            "log_paragraphs_apart".into(),
            ln1p(t.para.abs_diff(q.paragraph)),
        ));
        if let Some(c) = a.cue.and_then(|c| ix.cues.get(c)) {
            let same = ix.toks.get(c.t0).is_some_and(|ct| ct.sent == t.sent);
            f.push(("speaker_cue_same_sentence".into(), flag(same)));
        }
    }
    if let Some(c) = a.cue.and_then(|c| ix.cues.get(c)) {
        let in_para = ix.toks.get(c.t0).is_some_and(|ct| ct.para == q.paragraph);
        f.push(("cue_in_quote_paragraph".into(), flag(in_para)));
    }
    if let Some(ent) = ix.ents.get(who.entity) {
        f.push((format!("entity={}", ent.kind.as_str()).into(), 1.0));
        f.push(("log_mentions".into(), ln1p(ent.mentions)));
        f.push(("multiword_name".into(), flag(ent.name_tokens >= 2)));
        f.push(("has_title".into(), flag(!ent.titles.is_empty())));
        f.push(("has_side".into(), flag(ent.side.is_some())));
    }
    let mi = ix.m_start.get(who.a).copied().flatten().map(|m| m as usize);
    if let Some(m) = mi.and_then(|m| ix.ms.get(m)) {
        f.push(("subject_position".into(), flag(m.subjectish)));
        let kind = match m.kind {
            Kind::Person => "person",
            Kind::Org => "organization",
            Kind::Media => "media",
            Kind::Place => "place",
            Kind::Unknown => "unknown",
            Kind::Pronoun(_) => "pronoun",
        };
        f.push((format!("mention={kind}").into(), 1.0));
    }
    f.push((
        "entity_spoke".into(),
        flag(ix.spoke.get(who.entity).copied().unwrap_or(false)),
    ));
    if let Some(mi) = mi {
        if let Kind::Pronoun(func) = ix.ms[mi].kind {
            pronoun_features(ix, mi, func, who.entity, &mut f);
        }
    }
    score(q, f)
}

/// For a pronoun: how far back its entity was last named, and how many other candidates of
/// its kind were named in between ("he" after two other men is less sure).
fn pronoun_features(ix: &Index, mi: usize, func: Func, entity: usize, f: &mut Acc) {
    let name = match func {
        Func::He => "he",
        Func::She => "she",
        Func::They => "they",
        Func::It => "it",
        _ => "other",
    };
    f.push((format!("pronoun={name}").into(), 1.0));
    let gender = match func {
        Func::He => 1,
        Func::She => 2,
        _ => 0,
    };
    let t0 = ix.ms[mi].t0;
    let mut rivals: Vec<usize> = Vec::new();
    let mut distance = None;
    for j in (mi.saturating_sub(ANTECEDENT_MENTIONS)..mi).rev() {
        let m = &ix.ms[j];
        if matches!(m.kind, Kind::Pronoun(_)) {
            continue;
        }
        if m.entity == entity {
            distance = Some(t0.saturating_sub(m.t1));
            break;
        }
        let rival = match m.kind {
            Kind::Person | Kind::Unknown if gender != 0 => ix
                .gender
                .get(m.entity)
                .is_none_or(|&g| g == 0 || g == gender),
            Kind::Org | Kind::Media | Kind::Unknown => gender == 0,
            _ => false,
        };
        if rival && rivals.len() < MAX_RIVALS && !rivals.contains(&m.entity) {
            rivals.push(m.entity);
        }
    }
    f.push(("pronoun_rivals".into(), rivals.len() as f64));
    match distance {
        Some(d) => f.push(("pronoun_log_antecedent_tokens".into(), ln1p(d))),
        None => f.push(("pronoun_antecedent_far".into(), 1.0)),
    }
}

/// The confidence of an attribution no speaker mention in the body backs (a headline, a
/// transcript label): from its pattern and spans alone; `None` when the weights have never
/// seen `pattern`.
pub(super) fn calibrated(pattern: &'static str, class: &'static str, q: &Quote) -> Option<f64> {
    // Scored (and recorded for the fit) even when unknown, so the next fit learns the pattern.
    let p = score(q, span_features(pattern, class, q));
    weights()
        .contains_key(format!("pattern={pattern}").as_str())
        .then_some(p)
}

/// Run `f` and return, with its result, the features of every quote it scored on this thread.
pub(crate) fn recorded<T>(f: impl FnOnce() -> T) -> (T, Vec<Recorded>) {
    RECORD.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let out = f();
    let rec = RECORD.with(|r| r.borrow_mut().take()).unwrap_or_default();
    (out, rec)
}

/// The features [`of`] and [`calibrated`] gave each attributed quote of `text`, keyed by the
/// quote's span and speaker mention start (code points), for fitting the weights.
pub(crate) fn features_of(text: &str) -> crate::Result<Vec<Recorded>> {
    let (art, rec) = recorded(|| crate::pipeline::analyze(text, Default::default(), &[]));
    art.map(|_| rec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_parse_and_predict_a_probability() {
        let w = weights();
        assert!(w.contains_key("bias"));
        assert!(w.keys().any(|k| k.starts_with("pattern=")));
        let f: Vec<Feature> = vec![("bias".into(), 1.0), ("no-such-feature".into(), 5.0)];
        let p = predict(w, &f);
        assert!((p - 1.0 / (1.0 + (-w["bias"]).exp())).abs() < 1e-12);
        let toy = parse("# comment\nbias\t0\nx\t2\nbroken line\n");
        assert_eq!(toy.len(), 2);
        assert!((predict(&toy, &[("x".into(), 1.0)]) - 1.0 / (1.0 + (-2f64).exp())).abs() < 1e-12);
    }

    #[test]
    fn every_attributed_quote_is_scored_once_with_its_features() {
        let text =
            "Senator Mark Hill met Governor Dan Price on Monday. “We need help now,” he said.\n\
                    “It is a trap for everyone,” said Lt. Gen. Jing Jianfeng.\n\
                    Hill said the plan would fail.";
        let rec = features_of(text).unwrap();
        let art = crate::pipeline::analyze(text, Default::default(), &[]).unwrap();
        let attributed: Vec<_> = art.quotes.iter().filter(|q| q.speaker.is_some()).collect();
        assert!(attributed.len() >= 2);
        assert_eq!(rec.len(), attributed.len());
        for q in &attributed {
            assert!((0.0..=1.0).contains(&q.confidence));
            let (_, _, _, f) = rec
                .iter()
                .find(|r| (r.0, r.1, r.2) == (q.start, q.end, q.speaker_start))
                .expect("scored");
            let p = (predict(weights(), f) * 1000.0).round() / 1000.0;
            assert_eq!(p, q.confidence);
            let pattern = q.pattern.as_deref().unwrap();
            assert!(f.iter().any(|(n, _)| n == &format!("cell={pattern}")));
        }
        // The pronoun's look-back found its antecedent two sentences up, one rival between.
        let he = rec
            .iter()
            .find(|r| r.3.iter().any(|(n, _)| n == "pronoun=he"))
            .expect("a pronoun speaker");
        let get = |n: &str| he.3.iter().find(|(k, _)| k == n).map(|x| x.1);
        assert_eq!(get("pronoun_rivals"), Some(1.0));
        assert!(get("pronoun_log_antecedent_tokens").is_some());
        // Recording stops with `recorded`.
        let _ = crate::pipeline::analyze(text, Default::default(), &[]).unwrap();
        assert!(RECORD.with(|r| r.borrow().is_none()));
    }
}
