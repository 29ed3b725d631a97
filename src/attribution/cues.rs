//! Reporting cues: the verbs and phrases ("said", "accused", "according to", "went on") that
//! tie speech to a speaker, each with a category from the lexicon.

use super::tokens::{lower_into, Func, Tok};
use crate::lexicon::lexicon;

/// A cue as a token span with its category index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub t0: usize,
    pub t1: usize,
    pub category: u8,
    /// "according to": the speaker follows the cue.
    pub according: bool,
    /// tell/ask/urge/warn: an addressee may follow the verb.
    pub addressee: bool,
}

/// Degree words before an adjective ("most", "very").
static DEGREE_WORDS: crate::lexicon::Words = crate::lexicon::Words::new("degree_words");

/// Every cue outside quotes, in text order.
pub fn find(text: &str, toks: &[Tok]) -> Vec<Cue> {
    let lx = lexicon();
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut buf2 = String::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        i += 1;
        if !t.word || t.quoted || !t.body || (t.lex.cue.is_none() && !t.lex.cue_head) {
            continue;
        }
        let at_sentence_start = i < 2 || toks[i - 2].sent != t.sent;
        // "State Department", "the claims", "his comments": names and nouns, not verbs.
        if t.cap && !at_sentence_start {
            continue;
        }
        if i >= 2 && toks[i - 2].word && toks[i - 2].func == Func::Det {
            continue;
        }
        // "Mrs. Clinton's remark", "his introductory remarks were", "voting rights advocates
        // said": a noun, not the verb (after a possessive, or a plural followed by a verb).
        if i >= 2 && toks[i - 2].func == Func::Possessive {
            continue;
        }
        let word = &text[t.s..t.e];
        if base_form_noun(text, toks, i - 1, &mut buf) {
            continue;
        }
        // "Trump's recent comments", "inflammatory remarks", "the best highlights": after an
        // adjective that describes speech, any form is a noun.
        // "A labor official said": a noun that can speak ("official") is the subject of a
        // past-tense verb, never an adjective on a noun (no cue noun is a past form).
        if i >= 2 && toks[i - 2].word && !toks[i - 2].quoted && toks[i - 2].sent == t.sent && {
            let p = &text[toks[i - 2].s..toks[i - 2].e];
            let p = lower_into(p, &mut buf);
            SPEECH_NOUN_ADJECTIVES.contains(p)
                && !(super::DESCRIPTION_HEADS.contains(p) && past_form(word))
        } {
            continue;
        }
        if plural_object(text, toks, i - 1, &mut buf) {
            continue;
        }
        // "the most promising lead", "a very confirming sign": after a degree word an "-ing"
        // form is an adjective.
        if word.ends_with("ing")
            && i >= 2
            && toks[i - 2].word
            && DEGREE_WORDS.contains(lower_into(&text[toks[i - 2].s..toks[i - 2].e], &mut buf))
        {
            continue;
        }
        let plural_noun = word.ends_with('s')
            && !word.ends_with("ss")
            && !matches!(word, "says" | "tells" | "asks")
            && toks.get(i).is_some_and(|n| {
                n.word && (n.lex.cue.is_some() || matches!(n.func, Func::Aux) && !n.adverb)
            });
        if plural_noun {
            continue;
        }
        let lw = lower_into(&text[t.s..t.e], &mut buf).to_string();
        let mut found: Option<Cue> = None;
        if t.lex.cue_head {
            for (rest, cat) in lx.multi_cues(&lw) {
                let ok = rest.iter().enumerate().all(|(k, w)| {
                    toks.get(i + k).is_some_and(|n| {
                        n.word && !n.quoted && lower_into(&text[n.s..n.e], &mut buf2) == w
                    })
                });
                // "He went on: “…”", "went on to say", "went on about", not "went on the attack".
                let go_on = rest.len() == 1
                    && rest[0] == "on"
                    && matches!(lw.as_str(), "go" | "goes" | "went" | "gone" | "going");
                let ok = ok
                    && (!go_on
                        || toks.get(i + 1).is_none_or(|n| {
                            !n.word
                                || n.quoted
                                || matches!(
                                    lower_into(&text[n.s..n.e], &mut buf2),
                                    "to" | "that" | "about"
                                )
                        }));
                if ok {
                    found = Some(Cue {
                        t0: i - 1,
                        t1: i + rest.len(),
                        category: *cat,
                        according: lw == "according",
                        // "called on the council to resign": whom the call is made on.
                        addressee: lw.starts_with("call")
                            && matches!(rest.last().map(|w| w.as_str()), Some("on" | "upon")),
                    });
                    break;
                }
            }
        }
        if found.is_none() {
            if let Some(cat) = t.lex.cue {
                let addressee = matches!(
                    lw.as_str(),
                    "tell"
                        | "tells"
                        | "told"
                        | "telling"
                        | "ask"
                        | "asks"
                        | "asked"
                        | "asking"
                        | "urge"
                        | "urges"
                        | "urged"
                        | "urging"
                        | "implore"
                        | "implores"
                        | "implored"
                        | "imploring"
                        | "begged"
                        | "warning"
                        | "warn"
                        | "warns"
                        | "warned"
                        | "accuse"
                        | "accuses"
                        | "accused"
                        | "accusing"
                        | "blamed"
                        | "blame"
                        | "blames"
                );
                found = Some(Cue {
                    t0: i - 1,
                    t1: i,
                    category: cat,
                    according: false,
                    addressee,
                });
            }
        }
        if let Some(c) = found {
            i = c.t1;
            out.push(c);
        }
    }
    out
}

/// A past-tense form of a reporting verb ("said", "told", "warned"): never a noun.
fn past_form(word: &str) -> bool {
    word.ends_with("ed")
        || matches!(
            word,
            "said"
                | "told"
                | "wrote"
                | "spoke"
                | "thought"
                | "felt"
                | "knew"
                | "swore"
                | "read"
                | "shot_back"
        )
}

/// Adjectives that describe a statement ("his recent comments", "inflammatory remarks"); a
/// reporting word right after one is a noun.
static SPEECH_NOUN_ADJECTIVES: crate::lexicon::Words =
    crate::lexicon::Words::new("speech_noun_adjectives");

/// Verbs whose object is often a statement ("made comments", "drew rebukes", "issued warnings").
static STATEMENT_OBJECT_VERBS: crate::lexicon::Words =
    crate::lexicon::Words::new("statement_object_verbs");

/// "made comments about", "drew rebukes from", "of reports", "two reports", "incendiary
/// remarks", "over-the-top comments": an -s form after a preposition, a number, an adjective
/// or a verb that takes a statement as its object is a plural noun, not a verb (a verb's -s form
/// follows its singular subject: "the report says", "Smith claims").
fn plural_object(text: &str, toks: &[Tok], k: usize, buf: &mut String) -> bool {
    let t = toks[k];
    let w = &text[t.s..t.e];
    if !w.ends_with('s') || w.ends_with("ss") || w.contains('_') {
        return false;
    }
    let Some(p) = k.checked_sub(1).map(|j| toks[j]) else {
        return false;
    };
    if p.sent != t.sent || p.quoted {
        return false;
    }
    if p.digit {
        return true;
    }
    if !p.word || p.cap && !text[p.s..p.e].contains('-') {
        return false;
    }
    let pw = lower_into(&text[p.s..p.e], buf);
    if p.func == Func::Prep {
        return true;
    }
    if STATEMENT_OBJECT_VERBS.contains(pw) {
        return true;
    }
    // "over-the-top", "ISIS-sympathetic": a hyphenated compound ending in a lowercase word.
    let compound = pw.contains('-')
        && text[p.s..p.e]
            .rsplit('-')
            .next()
            .is_some_and(|tail| tail.starts_with(|c: char| c.is_lowercase()));
    let adjective = p.func == Func::None
        && p.lex.cue.is_none()
        && [
            "ous", "ive", "ic", "ical", "ary", "ful", "less", "ish", "able", "ible",
        ]
        .iter()
        .any(|suf| pw.len() > suf.len() + 3 && pw.ends_with(suf));
    compound || adjective
}

/// "a false claim", "the original congressional report", "a week-long push", "the reality
/// show": a cue word in its base form after a determiner and the words that describe it is a
/// noun. A verb in its base form follows a plural subject ("critics claim", "the two men say"),
/// a pronoun, a modal or "to", never a singular noun after "a"/"the".
fn base_form_noun(text: &str, toks: &[Tok], k: usize, buf: &mut String) -> bool {
    let w = lower_into(&text[toks[k].s..toks[k].e], buf).to_string();
    // "the letter read": "read" is its own past form, which a singular noun does precede.
    if w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing") || w.contains('_') || w == "read"
    {
        return false;
    }
    // A base form has an -s form in the lexicon ("claim"/"claims"), unlike "found" or "said".
    let lx = lexicon();
    let (s_form, es_form) = (format!("{w}s"), format!("{w}es"));
    let (ed_form, d_form) = (format!("{w}ed"), format!("{w}d"));
    if [s_form, es_form, ed_form, d_form]
        .iter()
        .all(|f| lx.word(f).cue.is_none())
    {
        return false;
    }
    let Some(prev) = k.checked_sub(1).map(|j| toks[j]) else {
        return false;
    };
    let modifier = |t: &Tok, buf: &mut String| {
        // "a Trump-style retort": a capitalized compound modifies like an adjective.
        let compound = t.cap && text[t.s..t.e].contains('-') && {
            let tail = text[t.s..t.e].rsplit('-').next().unwrap_or("");
            tail.starts_with(|c: char| c.is_lowercase())
        };
        t.word
            && (!t.cap || compound)
            && !t.quoted
            && t.sent == toks[k].sent
            && matches!(t.func, Func::None | Func::Opener)
            && t.lex.cue.is_none()
            && {
                let m = lower_into(&text[t.s..t.e], buf);
                (!m.ends_with('s') || m.ends_with("ss"))
                    && !matches!(
                        m,
                        "people"
                            | "police"
                            | "men"
                            | "women"
                            | "children"
                            | "staff"
                            | "media"
                            | "public"
                            | "folk"
                            | "clergy"
                            | "youth"
                    )
            }
    };
    // "Supporters who have heard from the campaign say": "say" is a noun only as "a say" or
    // "the final say", never after a noun ("the campaign say").
    if matches!(w.as_str(), "say" | "tell") && {
        let pw = lower_into(&text[prev.s..prev.e], buf);
        !matches!(
            pw,
            "final" | "more" | "equal" | "real" | "little" | "greater" | "bigger"
        )
    } {
        return false;
    }
    if !modifier(&prev, buf) {
        return false;
    }
    // A determiner or possessive opens the phrase within three words.
    let mut j = k - 1;
    for _ in 0..3 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        let t = toks[p];
        if t.sent != toks[k].sent {
            return false;
        }
        if (t.word && t.func == Func::Det) || t.func == Func::Possessive {
            return true;
        }
        if !(modifier(&t, buf) || t.adverb) {
            return false;
        }
        j = p;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn cues_and_categories() {
        let t = "He said, according to Nikkei, that the State Department accused his comments and went on.";
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), 0, &mut toks);
        let lx = lexicon();
        let cs: Vec<(String, &str)> = find(t, &toks)
            .iter()
            .map(|c| {
                (
                    t[toks[c.t0].s..toks[c.t1 - 1].e].to_string(),
                    lx.category(c.category),
                )
            })
            .collect();
        assert_eq!(
            cs,
            vec![
                ("said".to_string(), "say"),
                ("according to".to_string(), "say"),
                ("accused".to_string(), "accuse"),
                ("went on".to_string(), "say"),
            ]
        );
    }

    #[test]
    fn a_described_base_form_is_a_noun() {
        let cues = |t: &str| -> Vec<String> {
            let mut toks = Vec::new();
            tokenize(t, 0, t.len(), 0, &mut toks);
            find(t, &toks)
                .iter()
                .map(|c| t[toks[c.t0].s..toks[c.t1 - 1].e].to_string())
                .collect()
        };
        assert!(cues("He repeated a false claim about the war.").is_empty());
        assert!(cues("The original congressional report was sealed.").is_empty());
        assert_eq!(cues("Critics claim the plan failed."), vec!["claim"]);
        assert_eq!(cues("The two men say the plan failed."), vec!["say"]);
        assert_eq!(cues("They would claim the plan failed."), vec!["claim"]);
    }
}
