//! The stance of one statement towards another: `Agree` (the same claim), `Deny` (one rejects
//! or contradicts the other) or `Unrelated` (a different claim), with the evidence.
//!
//! Each sentence's words get a polarity from the cues of [`super::lexicon`]: a particle
//! ("not", "never", "no", "n't") negates the rest of its clause, a denial verb ("denied",
//! "rejected the claim that", "dismissed reports of", "ruled out") the claim it governs, a
//! predicate ("… are false", "baseless") what comes before it; "neither … nor" is one negation;
//! a cue inside a condition ("if he doesn't …") or outside a contrast ("poison, not an
//! antidote": only "antidote" is negated) does not deny the claim. The content words of the
//! two sentences are aligned as by the statement scorer; listed antonyms ("rose" / "fell",
//! "support" / "oppose") and prefixed negations ("unconstitutional") align too, with their
//! polarity reversed. One sentence denies the other when enough of the aligned content has
//! opposite polarity; they are unrelated when, antonyms counted as shared content, the
//! calibrated statement score is low.

use super::lexicon::{is_copula, reverses, CueKind};
use crate::sim::statement::{align, is_stop, recalls, PreparedStatement};
use crate::sim::StatementScorer;

/// Two statements are about one claim when each has at least this share (0–1) of its content
/// weight in the other (antonyms count as shared). Chosen on `tests/data/stance_pairs.jsonl`.
pub const RELATED: f64 = 0.45;
/// A negated scope with at least this many content words aligned to the other statement with
/// opposite polarity, making up [`SCOPE_SHARE`] of the scope's weight, is a denial of that claim
/// even when the sentences differ otherwise ("American officials denied any plans for an Asian
/// NATO" against a sentence about building one to contain China).
const SCOPE_WORDS: usize = 2;
const SCOPE_SHARE: f64 = 0.6;
/// From this share (0–1) of the aligned content weight with opposite polarity, one statement
/// denies the other. Chosen on `tests/data/stance_pairs.jsonl`.
pub const DENIAL: f64 = 0.25;
/// Tokens aligned at least this well take part in the polarity comparison.
const ALIGNED: f64 = 0.5;
/// A token better matched than this is not looked up in the antonym list.
const MATCHED: f64 = 0.8;
/// How well an antonym pair aligns ("rose" / "fell" are about the same thing).
const ANTONYM_SIM: f64 = 0.9;
/// Least weight of an antonym pair: "up" / "down" are stopword-light but decide the claim.
const ANTONYM_WEIGHT: f64 = 1.5;

/// How one statement relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Agree,
    Deny,
    Unrelated,
}

impl Relation {
    /// `"agree"`, `"deny"` or `"unrelated"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Deny => "deny",
            Relation::Unrelated => "unrelated",
        }
    }
}

/// Result of [`compare`].
#[derive(Debug, Clone, PartialEq)]
pub struct StatementMatch {
    /// The calibrated statement score of the pair, 0–100 (as `StatementScorer::score`).
    pub score: f64,
    pub relation: Relation,
    /// Share (0–1) of the aligned content whose polarity differs between the two.
    pub denial: f64,
    /// The negation / denial cues that apply in each sentence (not those inside conditions).
    pub cues_a: Vec<String>,
    pub cues_b: Vec<String>,
    /// Why: each cue and the words it negates, antonym pairs, the words of opposite polarity.
    pub evidence: Vec<String>,
}

impl StatementMatch {
    /// True when one statement denies the other.
    pub fn opposite(&self) -> bool {
        self.relation == Relation::Deny
    }
}

/// Polarity of every word of a sentence.
struct Polarity {
    /// Negated an odd number of times.
    neg: Vec<bool>,
    /// Inside a conditional clause: says nothing about the claim.
    cond: Vec<bool>,
    cues: Vec<String>,
    notes: Vec<String>,
    /// The content words (positions) each applied cue negates.
    scopes: Vec<Vec<usize>>,
}

fn polarity(p: &PreparedStatement, side: &str) -> Polarity {
    let n = p.words.len();
    let mut content = vec![false; n];
    for t in &p.toks {
        content[t.pos] = !is_stop(&t.word);
    }
    let brk: Vec<bool> = p.words.iter().map(|(_, b)| *b).collect();
    let mut bound = vec![false; n];
    for c in &p.cues {
        if matches!(c.kind, CueKind::Boundary | CueKind::Condition) {
            bound[c.start] = true;
        }
    }
    // The words a forward scope from `from` covers: to the end of the clause, but at least one
    // content word ("did not, however, attend").
    let forward = |from: usize| -> Vec<usize> {
        let mut out = Vec::new();
        let mut covered = 0;
        for j in from..n {
            if (brk[j] || bound[j]) && covered > 0 {
                break;
            }
            out.push(j);
            covered += content[j] as usize;
        }
        out
    };
    let backward = |to: usize| -> Vec<usize> {
        let mut out = Vec::new();
        for j in (0..to).rev() {
            if bound[j] {
                break;
            }
            out.push(j);
            if brk[j] {
                break;
            }
        }
        out
    };
    let mut cond = vec![false; n];
    for c in p.cues.iter().filter(|c| c.kind == CueKind::Condition) {
        cond[c.start] = true;
        for j in forward(c.end) {
            cond[j] = true;
        }
    }
    let mut neg = vec![false; n];
    let mut cues = Vec::new();
    let mut notes = Vec::new();
    let mut scopes = Vec::new();
    for c in &p.cues {
        let scope = match c.kind {
            CueKind::Boundary | CueKind::Condition | CueKind::Exception => continue,
            _ if cond[c.start] => {
                notes.push(format!("{side}: {:?} is inside a condition", c.text));
                continue;
            }
            // "neither … nor": nor continues the open negation.
            CueKind::Continue if neg[c.start] => continue,
            CueKind::Particle | CueKind::Continue => forward(c.end),
            CueKind::Verb => {
                let passive = c.start > 0 && is_copula(&p.words[c.start - 1].0);
                let f = forward(c.end);
                if passive || !f.iter().any(|&j| content[j]) {
                    backward(c.start)
                } else {
                    f
                }
            }
            CueKind::Predicate => {
                // "… are not true", and "… isn't true" with the copula in the contraction.
                let contracted = p.words[c.start]
                    .0
                    .strip_suffix("n't")
                    .is_some_and(is_copula);
                if contracted || (c.start > 0 && is_copula(&p.words[c.start - 1].0)) {
                    backward(c.start)
                } else {
                    forward(c.end)
                }
            }
        };
        let mut covered: Vec<usize> = scope.iter().copied().filter(|&j| content[j]).collect();
        covered.sort_unstable();
        // "No, I meant he's the founder of ISIS": an opening "No" answers someone; the claim
        // after it is asserted.
        if c.start == 0 && p.words[0].0 == "no" && p.words.get(c.end).is_some_and(|w| w.1) {
            notes.push(format!(
                "{side}: {:?} opens a reply, not a negation",
                c.text
            ));
            continue;
        }
        // "…, maybe there is, I don't know", "I'm not sure": a hedge of the speaker's own, not
        // a denial of the claim ("I don't think he should run" still denies).
        let first_person = (c.start.saturating_sub(2)..c.start)
            .any(|j| matches!(p.words[j].0.as_str(), "i" | "we" | "i'm" | "we're"));
        let hedge = !covered.is_empty()
            && covered.iter().all(|&j| {
                matches!(
                    p.words[j].0.as_str(),
                    "know" | "sure" | "remember" | "recall" | "care" | "mind" | "certain"
                )
            });
        if first_person && hedge {
            notes.push(format!("{side}: {:?} hedges, it does not deny", c.text));
            continue;
        }
        for &j in &scope {
            neg[j] = !neg[j];
        }
        let words: Vec<&str> = covered.iter().map(|&j| p.words[j].0.as_str()).collect();
        notes.push(format!(
            "{side}: {:?} negates {:?}",
            c.text,
            words.join(" ")
        ));
        cues.push(c.text.clone());
        scopes.push(covered);
    }
    Polarity {
        neg,
        cond,
        cues,
        notes,
        scopes,
    }
}

/// Stance of `b` towards `a` (symmetric) with the default or a fitted scorer.
pub fn compare(scorer: &StatementScorer, a: &str, b: &str) -> StatementMatch {
    compare_prepared(scorer, &scorer.prepare(a), &scorer.prepare(b))
}

/// [`compare`] on prepared statements (for batches).
pub fn compare_prepared(
    scorer: &StatementScorer,
    a: &PreparedStatement,
    b: &PreparedStatement,
) -> StatementMatch {
    let (pa, pb) = (polarity(a, "a"), polarity(b, "b"));
    let mut evidence: Vec<String> = pa.notes.into_iter().chain(pb.notes).collect();
    let (cues_a, cues_b) = (pa.cues, pb.cues);
    if a.toks.is_empty() || b.toks.is_empty() {
        let score = scorer.score_prepared(a, b);
        let relation = if score >= 50.0 {
            Relation::Agree
        } else {
            Relation::Unrelated
        };
        return StatementMatch {
            score,
            relation,
            denial: 0.0,
            cues_a,
            cues_b,
            evidence,
        };
    }
    let mut al = align(&a.toks, &b.toks);
    let score = scorer.score_aligned(a, b, &al);
    let mut rev_a = vec![false; a.toks.len()];
    let mut rev_b = vec![false; b.toks.len()];
    for i in 0..a.toks.len() {
        let t = &a.toks[i];
        if al.best_a[i] >= MATCHED {
            // A near spelling may be a prefixed negation: "constitutional" / "unconstitutional".
            let u = &b.toks[al.arg_a[i]];
            if t.stem != u.stem && reverses(&t.word, &u.word) {
                rev_a[i] = true;
                if al.arg_b[al.arg_a[i]] == i {
                    rev_b[al.arg_a[i]] = true;
                }
                evidence.push(format!("reversal: {:?} / {:?}", t.word, u.word));
            }
            continue;
        }
        if let Some(j) = (0..b.toks.len()).find(|&j| reverses(&t.word, &b.toks[j].word)) {
            al.best_a[i] = ANTONYM_SIM;
            al.arg_a[i] = j;
            rev_a[i] = true;
            if al.best_b[j] < ANTONYM_SIM {
                al.best_b[j] = ANTONYM_SIM;
                al.arg_b[j] = i;
                rev_b[j] = true;
            }
            evidence.push(format!("antonyms: {:?} / {:?}", t.word, b.toks[j].word));
        }
    }
    for (j, u) in b.toks.iter().enumerate() {
        if rev_b[j] {
            continue;
        }
        if al.best_b[j] >= MATCHED {
            // The same prefixed-negation check from b's side, so the relation is symmetric
            // ("unconstitutional" / "unconstitutional constitutional").
            let i = al.arg_b[j];
            let t = &a.toks[i];
            if t.stem != u.stem && reverses(&u.word, &t.word) {
                rev_b[j] = true;
                if al.arg_a[i] == j {
                    rev_a[i] = true;
                }
                evidence.push(format!("reversal: {:?} / {:?}", t.word, u.word));
            }
            continue;
        }
        if let Some(i) = (0..a.toks.len()).find(|&i| reverses(&a.toks[i].word, &u.word)) {
            al.best_b[j] = ANTONYM_SIM;
            al.arg_b[j] = i;
            rev_b[j] = true;
            // As from a's side, so that compare(a, b) and compare(b, a) align the same pairs
            // ("rose oppose support0" / "rose not support").
            if al.best_a[i] < ANTONYM_SIM {
                al.best_a[i] = ANTONYM_SIM;
                al.arg_a[i] = j;
                rev_a[i] = true;
            }
            evidence.push(format!("antonyms: {:?} / {:?}", a.toks[i].word, u.word));
        }
    }
    let (ra, rb) = recalls(a, b, &al);
    // Weighted share of aligned content (both directions) whose polarity differs.
    let (mut total, mut mis) = (0.0, 0.0);
    let mut flipped: Vec<&str> = Vec::new();
    // An antonym pair whose polarities do not cancel ("rose" / "fell", not "opposes" / "does
    // not support") reverses the claim by itself, however long the sentences.
    let mut reversed = false;
    // Per side, flipped[position] for the scope test below.
    let mut opposite_at: [Vec<bool>; 2] = [vec![false; a.words.len()], vec![false; b.words.len()]];
    let sides = [
        (
            &a.toks, &b.toks, &al.best_a, &al.arg_a, &rev_a, &pa.neg, &pb.neg, &pa.cond, &pb.cond,
        ),
        (
            &b.toks, &a.toks, &al.best_b, &al.arg_b, &rev_b, &pb.neg, &pa.neg, &pb.cond, &pa.cond,
        ),
    ];
    // A negation explained by an antonym ("opposes" / "does not support") is accounted for by
    // that pair: the rest of its scope ("the new law") is not opposite.
    let mut skip = [vec![false; a.words.len()], vec![false; b.words.len()]];
    let pairs_a = (0..a.toks.len())
        .filter(|&i| rev_a[i])
        .map(|i| (i, al.arg_a[i]));
    let pairs_b = (0..b.toks.len())
        .filter(|&j| rev_b[j])
        .map(|j| (al.arg_b[j], j));
    for (i, j) in pairs_a.chain(pairs_b) {
        let (p, q) = (a.toks[i].pos, b.toks[j].pos);
        if pa.neg[p] == pb.neg[q] {
            continue;
        }
        for (scopes, at, sk) in [(&pa.scopes, p, 0), (&pb.scopes, q, 1)] {
            for sc in scopes.iter().filter(|sc| sc.contains(&at)) {
                for &x in sc.iter().filter(|&&x| x != at) {
                    skip[sk][x] = true;
                }
            }
        }
    }
    for (side, (toks, other, best, arg, rev, neg, neg_o, cond, cond_o)) in
        sides.into_iter().enumerate()
    {
        for (i, t) in toks.iter().enumerate() {
            if best[i] < ALIGNED {
                continue;
            }
            let u = &other[arg[i]];
            if cond[t.pos] || cond_o[u.pos] || skip[side][t.pos] || skip[1 - side][u.pos] {
                continue;
            }
            let w = if rev[i] {
                t.weight.max(ANTONYM_WEIGHT)
            } else {
                t.weight
            } * best[i];
            total += w;
            if (neg[t.pos] != neg_o[u.pos]) ^ rev[i] {
                mis += w;
                reversed |= rev[i];
                opposite_at[side][t.pos] = true;
                if !flipped.contains(&t.word.as_str()) {
                    flipped.push(&t.word);
                }
            }
        }
    }
    let denial = if total > 0.0 { mis / total } else { 0.0 };
    if !flipped.is_empty() {
        evidence.push(format!(
            "opposite polarity on {:?} ({:.0}% of the shared content)",
            flipped.join(" "),
            100.0 * denial
        ));
    }
    // A negated scope mostly found, reversed, in the other statement.
    let weight_at = |p: &PreparedStatement| {
        let mut w = vec![0.0; p.words.len()];
        for t in &p.toks {
            w[t.pos] = t.weight;
        }
        w
    };
    let (wa, wb) = (weight_at(a), weight_at(b));
    let scope_denial = [(&pa.scopes, &wa, 0), (&pb.scopes, &wb, 1)]
        .into_iter()
        .any(|(scopes, w, side)| {
            scopes.iter().any(|sc| {
                let total: f64 = sc.iter().map(|&j| w[j]).sum();
                let opp: Vec<usize> = sc
                    .iter()
                    .copied()
                    .filter(|&j| opposite_at[side][j])
                    .collect();
                let got: f64 = opp.iter().map(|&j| w[j]).sum();
                opp.len() >= SCOPE_WORDS && total > 0.0 && got >= SCOPE_SHARE * total
            })
        });
    let related = ra.min(rb) >= RELATED || scope_denial;
    let relation = if !related {
        Relation::Unrelated
    } else if denial >= DENIAL || reversed || scope_denial {
        Relation::Deny
    } else {
        Relation::Agree
    };
    if related {
        if scope_denial {
            evidence.push("a negated claim is found, affirmed, in the other statement".into());
        }
    } else {
        evidence.push(format!(
            "different claims: {:.0}% / {:.0}% of the content is shared",
            100.0 * ra,
            100.0 * rb
        ));
    }
    StatementMatch {
        score,
        relation,
        denial,
        cues_a,
        cues_b,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: &str, b: &str) -> Relation {
        compare(&StatementScorer::new(), a, b).relation
    }

    #[test]
    fn neither_nor_denies_and() {
        let m = compare(
            &StatementScorer::new(),
            "She neither sent nor received classified emails.",
            "She sent and received classified emails.",
        );
        assert_eq!(m.relation, Relation::Deny, "{m:?}");
        assert_eq!(m.cues_a, vec!["neither"]);
    }

    #[test]
    fn negation_in_a_condition_is_not_a_denial() {
        assert_eq!(
            rel(
                "If he doesn't resign, he should be fired, the senator said.",
                "He should be fired, the senator said."
            ),
            Relation::Agree
        );
    }

    #[test]
    fn contrast_negates_only_its_own_part() {
        let (a, b, c) = (
            "The medicine is poison, not an antidote.",
            "The medicine is poison.",
            "The medicine is an antidote.",
        );
        assert_eq!(rel(a, b), Relation::Agree);
        assert_eq!(rel(a, c), Relation::Deny);
    }

    #[test]
    fn an_additive_not_only_asserts_both_parts() {
        // "not only / just / merely X (but) Y" asserts X: no denial of a claim about X or Y.
        for a in [
            "You aren't just a loser, you are a liar and a whiner.",
            "The senator is not merely wrong, he is dangerous.",
            "The plan isn't only costly but also illegal.",
        ] {
            let b = if a.contains("loser") {
                "He is a loser, a liar and a whiner."
            } else if a.contains("senator") {
                "The senator is wrong and dangerous."
            } else {
                "The plan is costly and illegal."
            };
            assert_eq!(rel(a, b), Relation::Agree, "{a} / {b}");
        }
        // Real denials stay denials, contracted or not.
        assert_eq!(
            rel("The senator is wrong.", "The senator isn't wrong."),
            Relation::Deny
        );
        assert_eq!(
            rel(
                "The plan is illegal.",
                "Reports that the plan is illegal are not true, the governor said."
            ),
            Relation::Deny
        );
        assert_eq!(
            rel(
                "The plan is illegal.",
                "That the plan is illegal isn't true."
            ),
            Relation::Deny
        );
        // A contrast denies only its own part: "not X but Y" does not deny a claim about Y.
        assert_eq!(
            rel(
                "The goal is not to win the vote but to delay the budget.",
                "The goal is to delay the budget."
            ),
            Relation::Agree
        );
    }

    #[test]
    fn antonyms_reverse_and_double_reversal_agrees() {
        assert_eq!(
            rel("Exports rose 4 percent.", "Exports fell 4 percent."),
            Relation::Deny
        );
        assert_eq!(
            rel(
                "The governor opposes the new law.",
                "The governor does not support the new law."
            ),
            Relation::Agree
        );
    }

    #[test]
    fn denial_verbs_and_predicates_scope_over_the_claim() {
        assert_eq!(
            rel(
                "The United States is planning an Asian NATO.",
                "American officials denied any plans for an Asian NATO."
            ),
            Relation::Deny
        );
        assert_eq!(
            rel(
                "Reports that the factory will close are false, the company said.",
                "The factory will close, the union said."
            ),
            Relation::Deny
        );
    }

    #[test]
    fn prefixed_negation_is_seen_from_both_sides() {
        assert_eq!(
            rel("unconstitutional", "unconstitutional constitutional"),
            rel("unconstitutional constitutional", "unconstitutional")
        );
    }

    #[test]
    fn stance_is_symmetric() {
        let pairs = [
            ("Exports rose 4 percent.", "Exports fell 4 percent."),
            ("We seek talks.", "We do not seek talks."),
            ("The court upheld the ban.", "It is sunny in Paris today."),
        ];
        for (a, b) in pairs {
            assert_eq!(rel(a, b), rel(b, a), "{a} / {b}");
        }
    }

    #[test]
    fn antonyms_align_the_same_from_both_sides() {
        let sc = StatementScorer::new();
        let (x, y) = ("rose oppose support0", "rose not support");
        assert_eq!(compare(&sc, x, y).relation, compare(&sc, y, x).relation);
    }

    #[test]
    fn a_reply_no_and_a_hedge_are_not_denials() {
        // User trial 8: "No, I meant he's the founder of ISIS." and "…, maybe there is, I
        // don't know." were labelled as denials of the claim they make.
        let sc = StatementScorer::new();
        let cues = |t: &str| compare(&sc, t, t).cues_a;
        assert!(cues("No, I meant the mayor is the founder of the group.").is_empty());
        assert!(cues("The harbor people, maybe there is, I don't know.").is_empty());
        assert!(!cues("I don't think the mayor should run.").is_empty());
        assert!(!cues("No one saw the memo.").is_empty());
        assert_eq!(
            rel(
                "The mayor founded the group.",
                "No, the mayor founded the group."
            ),
            Relation::Agree
        );
    }
}
