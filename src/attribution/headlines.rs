//! Headline attributions. A headline says who said what in three shapes news sites use:
//! "Pence: Flowers Won't Be at Debate" (a speaker label and a colon), "Trump Says He Never
//! Pledged …" (the speaker and a reporting verb open it) and "… Clean Energy, Lindsey Graham
//! Says." (they close it). The claim becomes an indirect quote of the person or organization the
//! body names — a headline names its speaker by a name the article uses again, so a label no body
//! mention explains ("The Latest:", "Wow:", "Breaking:") attributes nothing.

use super::*;

/// Longest headline read, in words (a longer first paragraph is a lead, not a headline).
const MAX_HEADLINE_WORDS: usize = 30;
/// Longest speaker label before a headline's colon, in words ("Former AG Mukasey at RNC").
const MAX_LABEL_WORDS: usize = 6;
/// Fewest words a headline claim has.
const MIN_CLAIM_WORDS: usize = 3;

/// Labels a site puts before a headline's colon ("The Latest: …", "Breaking: …"): never a
/// speaker, even when the article repeats them.
pub(super) static LABELS: crate::lexicon::Words = crate::lexicon::Words::new("labels");

/// One headline attribution, in normalized byte offsets.
pub(super) struct Headline {
    pub paragraph: usize,
    pub content: (usize, usize),
    pub speaker: (usize, usize),
    pub cue: (usize, usize),
    pub entity: usize,
    pub category: u8,
}

/// A word of the headline: its byte span in the text and the word without edge punctuation.
pub(super) struct Word<'a> {
    s: usize,
    e: usize,
    /// Byte span of `bare`.
    bs: usize,
    be: usize,
    pub(super) bare: &'a str,
}

impl Word<'_> {
    fn capitalized(&self) -> bool {
        self.bare.starts_with(|c: char| c.is_uppercase())
    }
}

pub(super) fn words(text: &str, a: usize, b: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[a..b].char_indices() {
        let i = a + i;
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(word(text, s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, b));
    }
    out
}

fn word(text: &str, s: usize, e: usize) -> Word<'_> {
    let raw = &text[s..e];
    let bare = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
    let bare = bare.trim_end_matches('.');
    let bare = bare
        .strip_suffix("'s")
        .or_else(|| bare.strip_suffix("’s"))
        .unwrap_or(bare);
    // `bare` is a subslice of `raw`.
    let bs = s + (bare.as_ptr() as usize - raw.as_ptr() as usize);
    Word {
        s,
        e,
        bs,
        be: bs + bare.len(),
        bare,
    }
}

/// The first paragraph when it reads as a headline: a detected title, or a short first body
/// paragraph (sentence-case headlines are not told from a one-sentence lead by their case).
fn headline_paragraph(doc: &Doc) -> Option<usize> {
    let (pi, p) = doc
        .paragraphs
        .iter()
        .enumerate()
        .find(|(_, p)| p.kind == ParagraphKind::Title || p.kind.is_body())?;
    let n = doc.text()[p.start..p.end].split_whitespace().count();
    (n <= MAX_HEADLINE_WORDS).then_some(pi)
}

/// The body entity words `ws` name: the whole run, or the run past leading titles ("Sen.",
/// "Former"), compared with the entity's name and aliases; a lone surname must name one person.
pub(super) fn entity_named(ix: &Index, ws: &[Word]) -> Option<(usize, usize)> {
    let lx = lexicon();
    let mut buf = String::new();
    for k in 0..ws.len() {
        let run = &ws[k..];
        buf.clear();
        for (i, w) in run.iter().enumerate() {
            if i > 0 {
                buf.push(' ');
            }
            buf.push_str(&w.bare.to_lowercase());
        }
        let single = run.len() == 1;
        let mut found = None;
        let mut count = 0;
        for (ei, ent) in ix.ents.iter().enumerate() {
            let in_body = ix.first_tok.get(ei).is_some_and(|t| t.is_some());
            let kind_ok = matches!(
                ent.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Media
            );
            if !in_body || !kind_ok {
                continue;
            }
            let name = ent.name.to_lowercase();
            // An alias names the entity only when it is more than one word (a lone "Bill" is
            // a given name, not Bill Clinton).
            let same =
                name == buf || !single && ent.aliases.iter().any(|a| a.to_lowercase() == buf);
            let surname = single
                && ent.kind == EntityKind::Person
                && name.rsplit(' ').next() == Some(buf.as_str());
            if same || surname {
                if found != Some(ei) {
                    count += 1;
                }
                found = Some(ei);
            }
        }
        if count == 1 {
            let e = found?;
            let who = Resolved {
                entity: e,
                a: 0,
                b: 0,
                conf: 1.0,
            };
            return (!ix.junk_speaker(&who)).then_some((e, k));
        }
        // Only titles may be skipped.
        let w = ws[k].bare.to_lowercase();
        if !(lx.word(&w).title || matches!(w.as_str(), "former" | "ex" | "then" | "new")) {
            return None;
        }
    }
    None
}

/// A colon reports what a person or organization says, and what a poll or study finds.
fn colon_category(ix: &Index, e: usize) -> Option<u8> {
    let lx = lexicon();
    let head = ix.ents.get(e)?.name.to_lowercase();
    let head = head.rsplit(' ').next().unwrap_or("");
    let doc = indirect::DOCUMENT_HEADS.contains(head);
    lx.category_named(if doc { "evidence" } else { "say" })
}

/// The reporting verb at word `v`, when it is a speech verb that reports a claim.
fn speech_verb(w: &Word) -> Option<u8> {
    let lx = lexicon();
    let lower = w.bare.to_lowercase();
    let c = lx.word(&lower).cue?;
    let category = lx.category(c);
    // Verbs whose object in a headline is a claim; "Announces Bill …", "Tweets A Graphic",
    // "Promises Action", "Explains The Opposition" take a noun phrase, "Tells Guest …" an
    // addressee.
    let speech = matches!(
        category,
        "say" | "warn" | "claim" | "deny" | "accuse" | "criticize" | "argue" | "reveal" | "predict"
    ) && !lower.starts_with("tell");
    // A headline verb is in the present ("Says", "Warns"), or "Said".
    let tense = lower.ends_with('s') || lower == "said";
    (speech && tense).then_some(c)
}

/// Headline attributions of `doc` (at most one).
pub(super) fn find(doc: &Doc, ix: &Index) -> Option<Headline> {
    let pi = headline_paragraph(doc)?;
    let p = doc.paragraphs[pi];
    let text = doc.text();
    let ws = words(text, p.start, p.end);
    if ws.len() < MIN_CLAIM_WORDS + 1 {
        return None;
    }
    let claim = |from: usize, to: usize| -> Option<(usize, usize)> {
        let part = ws.get(from..to)?;
        if part.iter().filter(|w| !w.bare.is_empty()).count() < MIN_CLAIM_WORDS {
            return None;
        }
        let (a, mut b) = (part[0].s, part[part.len() - 1].e);
        // A question is not a claim ("Beyond: Is this team ready?").
        if text[a..b]
            .trim_end_matches(['"', '\'', '’', '”'])
            .ends_with('?')
        {
            return None;
        }
        // Trailing punctuation goes, a closing quote mark stays.
        while b > a {
            let c = text[..b].chars().next_back()?;
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?') {
                b -= c.len_utf8();
            } else {
                break;
            }
        }
        Some((a, b))
    };
    let colon = |c: char| c == ':';
    // "Pence: Gennifer Flowers Won't Be at Debate", "Obama on Climate Change: The Trends …".
    if let Some(li) = ws
        .iter()
        .take(MAX_LABEL_WORDS)
        .position(|w| text[w.s..w.e].ends_with(colon))
    {
        let label = &ws[..=li];
        let run = label.iter().take_while(|w| w.capitalized()).count();
        // The name is the label, or opens it before a lowercase word ("Obama on Climate").
        if run > 0 && (run == label.len() || !label[run].capitalized()) {
            let labelled = label[..run].iter().any(|w| {
                let lower = w.bare.to_lowercase();
                LABELS.contains(lower.as_str())
            });
            if let Some((e, k)) = entity_named(ix, &label[..run]).filter(|_| !labelled) {
                let colon_at = ws[li].e - 1;
                if let Some(content) = claim(li + 1, ws.len()) {
                    return Some(Headline {
                        paragraph: pi,
                        content,
                        speaker: (label[k].bs, label[run - 1].be),
                        cue: (colon_at, ws[li].e),
                        entity: e,
                        category: colon_category(ix, e)?,
                    });
                }
            }
        }
    }
    // "Trump Says He Never Pledged …": a name run opens the headline and a verb follows it.
    let run = ws.iter().take_while(|w| w.capitalized()).count();
    for v in 1..run.min(MAX_LABEL_WORDS + 1) {
        let Some(cat) = speech_verb(&ws[v]) else {
            continue;
        };
        if text[ws[v - 1].s..ws[v - 1].e].ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
        if let Some((e, k)) = entity_named(ix, &ws[..v]) {
            if let Some(content) = claim(v + 1, ws.len()) {
                return Some(Headline {
                    paragraph: pi,
                    content,
                    speaker: (ws[k].bs, ws[v - 1].be),
                    cue: (ws[v].bs, ws[v].be),
                    entity: e,
                    category: cat,
                });
            }
        }
        break;
    }
    // "… Clean Energy, Lindsey Graham Says.": a comma, a name run and the verb close it.
    let last = ws.len() - 1;
    let cat = speech_verb(&ws[last])?;
    let comma = (0..last)
        .rev()
        .take(MAX_LABEL_WORDS + 1)
        .find(|&i| text[ws[i].s..ws[i].e].ends_with(','))?;
    let name = &ws[comma + 1..last];
    if name.is_empty() || !name.iter().all(|w| w.capitalized()) {
        return None;
    }
    let (e, k) = entity_named(ix, name)?;
    let content = claim(0, comma + 1)?;
    Some(Headline {
        paragraph: pi,
        content,
        speaker: (name[k].bs, name[name.len() - 1].be),
        cue: (ws[last].bs, ws[last].be),
        entity: e,
        category: cat,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::attribute;
    use crate::text::CharSlicer;

    /// (speaker, cue, claim) of the headline attribution of `t`, if any.
    fn headline(t: &str) -> Option<(String, String, String)> {
        let doc = crate::pipeline::prepare(t).unwrap();
        let (qs, _) = attribute(&doc, &CharSlicer::new(t), &[]);
        qs.into_iter()
            .find(|q| q.pattern.as_deref() == Some("headline/name"))
            .map(|q| (q.speaker.unwrap(), q.cue.unwrap(), q.text))
    }

    const BODY: &str = "\n\nSen. Maria Okafor, a Democrat from Vermont, spoke to reporters on \
        Tuesday after the vote. Okafor said the bill would pass next week.\n\nThe Latest \
        figures came from the state agency.";

    #[test]
    fn label_verb_first_and_verb_last() {
        let t = format!("Okafor: The Farm Bill Will Pass Before the Recess.{BODY}");
        let (who, cue, claim) = headline(&t).unwrap();
        assert_eq!((who.as_str(), cue.as_str()), ("Maria Okafor", ":"));
        assert_eq!(claim, "The Farm Bill Will Pass Before the Recess");
        let t = format!("Maria Okafor Says the Farm Bill Will Pass Before the Recess.{BODY}");
        assert_eq!(
            headline(&t).unwrap().2,
            "the Farm Bill Will Pass Before the Recess"
        );
        let t = format!("Farm Bill ‘Will Pass’ Before the Recess, Sen. Maria Okafor Warns.{BODY}");
        let (who, cue, claim) = headline(&t).unwrap();
        assert_eq!((who.as_str(), cue.as_str()), ("Maria Okafor", "Warns"));
        assert_eq!(claim, "Farm Bill ‘Will Pass’ Before the Recess");
    }

    #[test]
    fn labels_strangers_questions_and_objects_are_not_claims() {
        // A site label the body repeats, a name the body never uses, a question, an object.
        for t in [
            format!("The Latest: Farm Bill Will Pass Before the Recess.{BODY}"),
            format!("Henrik Dahl: Farm Bill Will Pass Before the Recess.{BODY}"),
            format!("Okafor: Will the Farm Bill Pass Before the Recess?{BODY}"),
            format!("Maria Okafor Announces a Farm Bill for the Recess.{BODY}"),
            format!("Maria: Farm Bill Will Pass Before the Recess.{BODY}"),
        ] {
            assert_eq!(headline(&t), None, "{t}");
        }
    }
}
