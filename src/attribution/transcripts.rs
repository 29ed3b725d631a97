//! Transcripts. News sites paste interview and debate transcripts as paragraphs that open
//! with the speaker's name in capitals and a colon ("WALLACE: Do you really see …",
//! "FALLIN: Well, I think …"), often each behind an opening quote mark that never closes. Each
//! turn is the speaker's words, verbatim: a direct quote of the person the body names by that
//! label. A turn runs on through the paragraphs after it that open with a quote mark and carry
//! no label of their own.
//!
//! A transcript is told from site labels ("UPDATE:", "VIDEO:", "BYLINE:") by repetition: at least
//! [`MIN_TURNS`] labelled paragraphs with at least two different labels. A label names the person
//! of the article it matches ("PENCE" for Mike Pence); one that names nobody in the body speaks
//! under its own name ("WALLACE" becomes Wallace) when it labels at least two turns.
//!
//! Interviews also label turns in title case ("Matthews: So speculation is bad?"). Such a label
//! is a turn only when it names a person the body names in full, and its words read as speech
//! (an "I", "we" or "you"): "Trump: Move past Iowa." in a reporter's list is not a turn.

use super::headlines::{entity_named, words, LABELS};
use super::*;

/// Fewest labelled paragraphs that make a transcript.
const MIN_TURNS: usize = 3;
/// Longest speaker label, in words ("JAKE TAPPER", "SEN. TIM KAINE").
const MAX_LABEL_WORDS: usize = 3;
/// Fewest words of a turn.
const MIN_TURN_WORDS: usize = 2;

/// Labels of transcripts that name a role, not a person ("Q:", "A:"), and labels sites put before
/// a line, beyond the headline labels.
static NOT_SPEAKERS: crate::lexicon::Words = crate::lexicon::Words::new("not_speakers");

/// One transcript turn, in normalized byte offsets.
pub(super) struct Turn {
    pub paragraph: usize,
    pub content: (usize, usize),
    pub label: (usize, usize),
    /// The person the label names, or `None` for a label the body does not explain.
    pub entity: Option<usize>,
    /// The label as a name ("Wallace" for "WALLACE").
    pub name: String,
}

/// "WALLACE" → "Wallace", "O'ROURKE" → "O'rourke" is not wanted: each word keeps its first
/// letter and lowers the rest, and a letter after an apostrophe or hyphen stays a capital.
fn title_case(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut upper = true;
    for c in label.chars() {
        if upper {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        upper = matches!(c, ' ' | '\'' | '\u{2019}' | '-' | '.');
    }
    out
}

/// The label of a paragraph starting at byte `a`: its byte span (past an opening quote mark),
/// the byte where the turn's words start, and whether it is in capitals ("WALLACE:") rather
/// than title case ("Matthews:", "Luciana Lopez:").
fn label(text: &str, a: usize, b: usize) -> Option<((usize, usize), usize, bool)> {
    let p = &text[a..b];
    let lead = p.len() - p.trim_start_matches([' ', '"', '\u{201c}', '\'']).len();
    let rest = &p[lead..];
    let colon = rest.find(':')?;
    let lab = &rest[..colon];
    let n_words = lab.split_whitespace().count();
    let letters = lab.chars().filter(|c| c.is_alphabetic()).count();
    if n_words == 0 || n_words > MAX_LABEL_WORDS || letters < 2 || lab.trim() != lab {
        return None;
    }
    // Capitals: "WALLACE", "SEN. KAINE", "O'ROURKE"; or title case, each word a capital and
    // lowercase letters: "Matthews", "Luciana Lopez" (kept only for a person the body names).
    let caps = lab
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-'));
    let title = !caps
        && lab.split_whitespace().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_lowercase() || matches!(c, '.' | '\'' | '\u{2019}' | '-'))
        });
    if !caps && !title {
        return None;
    }
    let lower = lab.to_lowercase();
    if NOT_SPEAKERS.contains(lower.as_str()) || lower.split_whitespace().any(|w| LABELS.contains(w))
    {
        return None;
    }
    let after = &rest[colon + 1..];
    if !after.starts_with(' ') {
        return None;
    }
    let body = a + lead + colon + 1 + (after.len() - after.trim_start().len());
    Some(((a + lead, a + lead + colon), body, caps))
}

/// The content of a paragraph from byte `from`: trailing white space and a lone quote mark go.
fn content(text: &str, from: usize, b: usize) -> Option<(usize, usize)> {
    let c = text[from..b].trim_end();
    let c = c
        .strip_suffix(['"', '\u{201d}'])
        .filter(|s| s.matches(['"', '\u{201c}', '\u{201d}']).count() % 2 == 0)
        .unwrap_or(c)
        .trim_end();
    (c.split_whitespace().count() >= MIN_TURN_WORDS).then_some((from, from + c.len()))
}

/// Whether words read as speech: a first- or second-person word among them.
fn spoken(t: &str) -> bool {
    t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .any(|w| {
            // "'My" (a quote mark folded to an apostrophe), "we're", "I'm".
            let w = w.trim_matches(['\'', '\u{2019}']);
            let w = w
                .split(['\'', '\u{2019}'])
                .next()
                .unwrap_or(w)
                .to_lowercase();
            matches!(
                w.as_str(),
                "i" | "me" | "my" | "we" | "us" | "our" | "you" | "your"
            )
        })
}

/// The transcript turns of `doc`, in text order.
pub(super) fn find(doc: &Doc, ix: &Index) -> Vec<Turn> {
    let text = doc.text();
    let labelled: Vec<(usize, (usize, usize), usize, bool)> = doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind != ParagraphKind::Title)
        .filter_map(|(pi, p)| {
            label(text, p.start, p.end).map(|(l, body, caps)| (pi, l, body, caps))
        })
        .collect();
    if labelled.len() < MIN_TURNS {
        return Vec::new();
    }
    let mut distinct: Vec<String> = labelled
        .iter()
        .map(|(_, l, _, _)| text[l.0..l.1].to_string())
        .collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() < 2 {
        return Vec::new();
    }
    // Per label, not per turn (a transcript of thousands of turns stays linear): how many
    // turns end in each last word, the multi-word label for a last word ("JAKE TAPPER" for
    // "TAPPER"), and the person each label names.
    let last_word = |t: &'_ str| t.rsplit(' ').next().unwrap_or(t).to_string();
    let mut turns_of: FxHashMap<String, usize> = FxHashMap::default();
    let mut full_of: FxHashMap<String, &str> = FxHashMap::default();
    for &(_, m, _, _) in &labelled {
        let t = &text[m.0..m.1];
        *turns_of.entry(last_word(t)).or_insert(0) += 1;
        if t.contains(' ') {
            full_of.entry(last_word(t)).or_insert(t);
        }
    }
    let mut named: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let mut out = Vec::new();
    let mut next_label = labelled.iter().map(|x| x.0).peekable();
    for &(pi, l, body, caps) in &labelled {
        next_label.next();
        let raw = &text[l.0..l.1];
        let entity =
            *named
                .entry(raw)
                .or_insert_with(|| match entity_named(ix, &words(text, l.0, l.1)) {
                    Some((e, _)) if ix.ents.get(e).is_some_and(|e| e.is_person()) => Some(e),
                    _ => None,
                });
        // "TAPPER" after "JAKE TAPPER": the full label names the same person.
        let label_text = match full_of.get(raw) {
            Some(full) if entity.is_none() && !raw.contains(' ') => *full,
            _ => raw,
        };
        let repeated = turns_of.get(&last_word(label_text)).copied().unwrap_or(0) >= 2;
        // A title-case label speaks only as a person the body names ("Poll:", "Pros:" do not).
        // The person must be named in full somewhere, not only by the label itself.
        let full_name = entity
            .and_then(|e| ix.ents.get(e))
            .is_some_and(|e| e.name.split_whitespace().count() >= 2);
        if entity.is_none() && !repeated || !caps && !full_name {
            continue;
        }
        // A name known only in capitals (the labels themselves) reads in title case.
        let name = entity
            .and_then(|e| ix.ents.get(e))
            .map(|e| e.name.clone())
            .filter(|n| n.chars().any(char::is_lowercase))
            .unwrap_or_else(|| title_case(label_text));
        let p = doc.paragraphs[pi];
        // A title-case label before the reporter's own words is a list ("Trump: Move past
        // Iowa."): a spoken turn says "I", "we" or "you".
        if !caps && !spoken(&text[body..p.end]) {
            continue;
        }
        if let Some(c) = content(text, body, p.end) {
            out.push(Turn {
                paragraph: pi,
                content: c,
                label: l,
                entity,
                name: name.clone(),
            });
        }
        // The paragraphs after it that open with a quote mark and carry no label.
        let stop = next_label.peek().copied().unwrap_or(doc.paragraphs.len());
        for qi in pi + 1..stop {
            let q = doc.paragraphs[qi];
            if !q.kind.is_body() {
                break;
            }
            let t = &text[q.start..q.end];
            let Some(open) = t.strip_prefix(['"', '\u{201c}']) else {
                break;
            };
            // "(CROSSTALK.)": a stage direction ends the turn, and so does the site's line after
            // the transcript ("Follow Pam Key on Twitter").
            let open_t = open.trim_start();
            if open_t.starts_with(['(', '[']) || open_t.starts_with("Follow ") {
                break;
            }
            let from = q.start + (t.len() - open.len());
            if let Some(c) = content(text, from, q.end) {
                out.push(Turn {
                    paragraph: qi,
                    content: c,
                    label: l,
                    entity,
                    name: name.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::attribution::attribute;
    use crate::text::CharSlicer;

    fn turns(t: &str) -> Vec<(String, Option<String>, String)> {
        let doc = crate::pipeline::prepare(t).unwrap();
        let (qs, _) = attribute(&doc, &CharSlicer::new(t), &[]);
        qs.into_iter()
            .filter(|q| {
                q.pattern
                    .as_deref()
                    .is_some_and(|p| p.starts_with("transcript"))
            })
            .map(|q| (q.kind.as_str().to_string(), q.speaker, q.text))
            .collect()
    }

    #[test]
    fn title_case_labels_of_named_people_are_turns_and_lists_are_not() {
        let t = "Chris Matthews spoke with Luciana Lopez about Wall Street. Donald Trump and \
                 Ted Cruz are still running.\n\n\
                 Matthews: So speculation is bad, in your view?\n\n\
                 Lopez: Well, no one is like, \u{2018}My 401(k) is speculation.\u{2019} It gets \
                 to be all things to all people.\n\n\
                 Matthews: Here is the irony of our time.\n\n\
                 Trump: Move past Iowa.\n\nCruz: Just hang on.\n\nPros: Cheap and light.";
        let v = turns(t);
        let who: Vec<&str> = v.iter().filter_map(|x| x.1.as_deref()).collect();
        assert_eq!(
            who,
            ["Chris Matthews", "Luciana Lopez", "Chris Matthews"],
            "{v:?}"
        );
    }

    #[test]
    fn labelled_turns_are_direct_quotes_of_the_people_named() {
        let t = "Governor Mary Fallin of Oklahoma spoke with CNN anchor Jake Tapper on Sunday.\n\n\
                 TAPPER: Do you think the governor has campaigned as a healer?\n\n\
                 FALLIN: I think he is trying to. That has been part of his message.\n\n\
                 TAPPER: Thank you, Governor.\n\n\
                 The interview aired on Sunday.";
        let got = turns(t);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Jake Tapper"));
        assert_eq!(got[1].1.as_deref(), Some("Mary Fallin"));
        assert_eq!(
            got[1].2,
            "I think he is trying to. That has been part of his message."
        );
        assert!(got.iter().all(|g| g.0 == "direct"));
    }

    #[test]
    fn quoted_turns_run_on_and_site_labels_are_not_speakers() {
        let t = "Senator Ana Ruiz told host Mark Bell that the bill would pass.\n\n\
                 \"BELL: Will the bill pass this week?\n\n\
                 \"RUIZ: It will pass. We have the votes.\n\n\
                 \"And we will keep them, whatever the leaders say.\n\n\
                 \"(CROSSTALK.)\n\n\
                 \"BELL: We have to leave it there.";
        let got = turns(t);
        let ruiz: Vec<_> = got
            .iter()
            .filter(|g| g.1.as_deref() == Some("Ana Ruiz"))
            .collect();
        assert_eq!(ruiz.len(), 2, "{got:?}");
        assert!(ruiz[1].2.starts_with("And we will keep them"));
        assert!(!got.iter().any(|g| g.2.contains("CROSSTALK")));
        // A label the body never explains speaks under its own name when it repeats.
        let t = "Ruiz spoke on the radio.\n\nHOLMAN: Senator, will it pass?\n\nRUIZ: It will.\n\n\
                 HOLMAN: Thank you.";
        let got = turns(t);
        assert_eq!(got[0].1.as_deref(), Some("Holman"), "{got:?}");
        // One site label and a dateline are not a transcript.
        let t = "UPDATE: The vote was moved to Friday.\n\nWASHINGTON: Senator Ana Ruiz said the \
                 bill would pass.\n\nVIDEO: Watch the speech.";
        assert!(turns(t).is_empty());
    }
}
