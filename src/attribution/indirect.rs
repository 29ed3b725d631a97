//! Indirect (reported) speech: a cue that no quote used, with a speaker, introduces the reported
//! clause — "X said (that) …", "X accused Y of …", "X denied …", "X argued that …",
//! "according to X, …", "… , according to X". The clause becomes a `kind="indirect"` quote.

use super::tokens::Func;
use super::{Attr, Index, NONE};
use crate::article::Doc;
use crate::lexicon::lexicon;

/// Longest reported clause, in tokens.
const MAX_CLAUSE: usize = 120;

/// Categories whose verbs report speech on their own (stance verbs such as "believe" do not).
fn reports_speech(category: &str) -> bool {
    !matches!(category, "view" | "agree" | "describe")
}

/// Indirect quotes: (normalized byte span, attribution), in text order.
pub(super) fn find(ix: &mut Index, used: &[bool], _doc: &Doc) -> Vec<((usize, usize), Attr)> {
    let lx = lexicon();
    let mut out = Vec::new();
    let mut covered = 0usize;
    for ci in 0..ix.cues.len() {
        let c = ix.cues[ci];
        if used.get(ci).copied().unwrap_or(true) || c.t0 < covered {
            continue;
        }
        if !reports_speech(lx.category(c.category)) {
            continue;
        }
        let Some(&(s0, s1)) = ix.toks.get(c.t0).and_then(|t| ix.sent_toks.get(t.sent)) else {
            continue;
        };
        let (who, a, b) = if c.according {
            let Some(who) = ix.speaker_after(c.t1) else {
                continue;
            };
            let at_start = c.t0 - s0.min(c.t0) <= 3
                && (s0..c.t0).all(|k| {
                    let t = ix.toks[k];
                    !t.word || matches!(t.func, Func::Conj | Func::Aux)
                });
            if at_start && ix.is_punct(who.b, ",") {
                (who, who.b + 1, s1)
            } else if c.t0 > s0 && ix.is_punct(c.t0 - 1, ",") {
                (who, s0, c.t0 - 1)
            } else {
                continue;
            }
        } else {
            // A cue followed by a comma or colon introduces direct speech, not a clause.
            let next = c.t1;
            if ix.toks.get(next).is_none_or(|t| !t.word || t.quoted) {
                continue;
            }
            let Some(who) = ix.subject_before(c.t0) else {
                continue;
            };
            let mut a = ix.skip_adverbs(next);
            // "said on Friday (that) he would …": the time phrase is not reported.
            while ix.toks.get(a).is_some_and(|t| t.func == Func::Prep)
                && ix.toks.get(a + 1).is_some_and(|t| t.func == Func::Time)
            {
                a = ix.skip_adverbs(a + 1);
            }
            let that_within = (a..(a + 7).min(s1)).find(|&k| {
                let t = ix.toks[k];
                t.word && t.func == Func::That && !t.quoted
            });
            match that_within {
                Some(k) if c.addressee || k == a => a = k + 1,
                // "He added that …" reports speech; "Japan added troops" does not.
                _ if lx.category(c.category) == "add" => continue,
                _ => {}
            }
            (who, a, s1)
        };
        // A reported clause is a sentence's worth of words, never more (keeps run-on text linear).
        let b = b.min(a + MAX_CLAUSE);
        // "… moving NATO into Asia with Johnson saying: “…”": the clause ends where another
        // speaker's cue for a quote begins (and before that speaker).
        let mut b = b;
        if let Some(k) = (a..b).find(|&k| {
            let ci = ix.cue_at.get(k).copied().unwrap_or(NONE);
            ci != NONE && used.get(ci as usize).copied().unwrap_or(false)
        }) {
            let mut cut = k;
            if let Some(mi) = cut
                .checked_sub(1)
                .and_then(|p| ix.m_end.get(p))
                .copied()
                .filter(|&m| m != NONE)
            {
                cut = ix.ms[mi as usize].d0;
            }
            while cut > a
                && ix.toks.get(cut - 1).is_some_and(|t| {
                    !t.word || matches!(t.func, Func::Prep | Func::Conj | Func::Det)
                })
            {
                cut -= 1;
            }
            b = cut;
        }
        // Trim trailing punctuation.
        while b > a && ix.toks.get(b - 1).is_some_and(|t| !t.word) {
            b -= 1;
        }
        if b <= a || b > ix.toks.len() {
            continue;
        }
        let words = (a..b).filter(|&k| ix.toks[k].word).count();
        let quoted = (a..b).filter(|&k| ix.toks[k].quoted).count();
        let _ = quoted;
        if words < 2 || ix.toks[a].quoted {
            continue;
        }
        // Stop before a later cue with its own subject ("…, Smith said Jones denied …").
        let span = (ix.toks[a].s, ix.toks[b - 1].e);
        covered = b;
        out.push((
            span,
            Attr {
                who,
                cue: Some(ci),
                conf: 0.7,
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::article::Doc;
    use crate::attribution::attribute;
    use crate::quotes::QuoteKind;

    fn indirect(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = Doc::new(t).unwrap();
        attribute(&doc, t, &[])
            .0
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| (q.text, q.speaker, q.cue_category))
            .collect()
    }

    #[test]
    fn reported_clauses() {
        let v = indirect("Russia accused Ukraine of shelling the plant. Police Chief Ana Ruiz said two officers were hurt.");
        assert_eq!(v[0].0, "Ukraine of shelling the plant");
        assert_eq!(v[0].2.as_deref(), Some("accuse"));
        assert_eq!(v[1].0, "two officers were hurt");
        assert_eq!(v[1].1.as_deref(), Some("Ana Ruiz"));
        let v = indirect("According to the Pentagon, more than 3,000 troops will take part.");
        assert_eq!(v[0].0, "more than 3,000 troops will take part");
        assert_eq!(v[0].1.as_deref(), Some("Pentagon"));
        let v = indirect("The deal is off, according to Reuters.");
        assert_eq!(v[0].0, "The deal is off");
    }

    #[test]
    fn stance_verbs_and_direct_speech_are_not_indirect() {
        assert!(indirect("Many believe that the plan will fail soon.").is_empty());
        assert!(indirect("He said: “We will not stop now.”").is_empty());
        assert!(indirect("Japan added troops to the island garrison.").is_empty());
    }
}
