//! Speaker attribution: who said each quote, through which cue, for which side.
//!
//! One pass builds an index of the article — tagged tokens of the body paragraphs
//! ([`tokens`]), mentions of people, organizations, outlets and places ([`mentions`]),
//! entities clustered from them ([`entities`]) and reporting cues ([`cues`]). Each quote then
//! looks only at its neighbourhood: a cue and speaker right after it (`“…,” Kritenbrink said`,
//! `“…,” said Lt. Gen. Jing`), a speaker and cue before it (`Kishida stated that “…”`, `with
//! Johnson saying: “…”`), the sentence after it, a quote it shares a sentence with, or the quote
//! before it (continuations). Pronouns and descriptions ("he", "the defense secretary", "a top
//! Chinese military leader") are resolved against the mention index, indirect speech is found
//! from the cues no quote used ([`indirect`]), and sides come from [`sides`]. Every step is
//! bounded by a small window, so the whole stage is linear in the article length.

pub mod confidence;
mod coref;
pub mod cues;
mod descriptions;
pub mod entities;
mod headlines;
mod index;
pub mod indirect;
pub mod mentions;
pub mod params;
pub mod sides;
mod speakers;
mod subjects;
pub mod tokens;
mod transcripts;

use crate::hash::FxHashMap;

use crate::article::{raw_quotes, Quote, Speaker};
use crate::doc::Doc;
use crate::lexicon::lexicon;
use crate::quotes::QuoteKind;
use crate::segment::ParagraphKind;
use crate::text::CharSlicer;
use cues::Cue;
use entities::{Entity, EntityKind};
use mentions::{Kind, Mention};
use tokens::{lower_into, Func, Tok};

/// Nouns that head a description able to speak ("the ministry", "American officials").
static DESCRIPTION_HEADS: crate::lexicon::Words = crate::lexicon::Words::new("description_heads");

static MEDIA_HEADS: crate::lexicon::Words = crate::lexicon::Words::new("media_heads");

static ORG_HEADS: crate::lexicon::Words = crate::lexicon::Words::new("org_heads");

/// Nouns for people by their ending ("businessman", "professor", "defenceman", "strategist",
/// "resident"), less the common inanimate nouns that share those endings.
fn person_noun(w: &str) -> bool {
    static NOT_PEOPLE: crate::lexicon::Words = crate::lexicon::Words::new("not_people");
    // People nouns the endings below miss.
    static PEOPLE: crate::lexicon::Words = crate::lexicon::Words::new("people");
    // "investment", "settlement": the "-ent" ending below is for "resident", "agent".
    // "The Gallup poll showed", "the memo said": a document is no person (it was a
    // description head, and "the … poll" took the last person named).
    if NOT_PEOPLE.contains(w)
        || w.ends_with("ment")
        || w.ends_with("ments")
        || indirect::DOCUMENT_HEADS.contains(w)
    {
        return false;
    }
    // "said the 46-year-old": an age stands for the person.
    if PEOPLE.contains(w) || w.ends_with("-year-old") || w.ends_with("-year-olds") {
        return true;
    }
    DESCRIPTION_HEADS.contains(w) && !ORG_HEADS.contains(w) && !MEDIA_HEADS.contains(w)
        || [
            "man", "woman", "er", "or", "ist", "ian", "ant", "ent", "ee", "ess",
        ]
        .iter()
        .any(|suf| w.len() > suf.len() + 2 && w.ends_with(suf))
}

/// Cue categories whose verbs are often not speech ("continues", "signals", "projected",
/// "hailed", "observed"): they report speech only from a recognised speaker.
static WEAK_CUE_CATEGORIES: crate::lexicon::Words =
    crate::lexicon::Words::new("weak_cue_categories");

/// Who a phrase refers to, and the tokens the attribution rests on.
#[derive(Debug, Clone, Copy)]
struct Resolved {
    entity: usize,
    a: usize,
    b: usize,
    /// How sure the resolution is (a name is surer than a pronoun).
    conf: f64,
}

/// The attribution of one quote.
#[derive(Debug, Clone, Copy)]
struct Attr {
    who: Resolved,
    cue: Option<usize>,
    conf: f64,
    pattern: Pattern,
}

/// Which textual pattern an attribution rests on; with the kind of speaker mention it keys the
/// calibrated confidence (`confidence.tsv`) and is reported as `Quote.pattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// `“…,” X said` / `“…,” said X` / `“…,” according to X`.
    QuoteCueSpeaker,
    /// `“…,” X said` with X found before the cue.
    QuoteSpeakerCue,
    /// `“…,” the New York businessman said`: a noun phrase no rule names.
    QuoteNounPhraseCue,
    /// The cue and speaker in the next sentence: `“… region.” Kishida stated …`.
    QuoteNextSentence,
    /// `“…” ― Jorge Falcon`.
    Signature,
    /// `X said: “…”`, `X stated that “…”`.
    CueBefore,
    /// `X said she expects “…”`: the speech verb around a belief.
    OuterCue,
    /// `The ministry issued a statement: “…”`.
    Colon,
    /// Another quote of the same sentence is attributed.
    SameSentence,
    /// A quote-only paragraph after an attributed quote.
    Continuation,
    /// A full quote inside an attributed one: its speaker voices it (`“The feeling was,
    /// ‘It is a project to steal Central Asia,’” said Gabuyev`).
    Nested,
    /// A quoted fragment after a cue: `called it “a disgrace”`.
    Fragment,
    /// Reported speech: `X said (that) …`, `according to X, …`.
    ReportedAfter,
    /// `…, X said.`, `…, said X.`, `…, according to X.`
    ReportedBefore,
    /// `…, X said, …`
    ReportedAround,
    /// A headline: `Pence: …`, `Trump Says …`, `…, Lindsey Graham Says.`
    Headline,
    /// A transcript turn: `WALLACE: Do you really see …`.
    Transcript,
}

impl Pattern {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Pattern::QuoteCueSpeaker => "quote-cue-speaker",
            Pattern::Headline => "headline",
            Pattern::Transcript => "transcript",
            Pattern::QuoteSpeakerCue => "quote-speaker-cue",
            Pattern::QuoteNounPhraseCue => "quote-noun-phrase-cue",
            Pattern::QuoteNextSentence => "quote-next-sentence",
            Pattern::Signature => "signature",
            Pattern::CueBefore => "cue-before",
            Pattern::OuterCue => "outer-cue",
            Pattern::Colon => "colon",
            Pattern::SameSentence => "same-sentence",
            Pattern::Continuation => "continuation",
            Pattern::Nested => "nested",
            Pattern::Fragment => "fragment",
            Pattern::ReportedAfter => "reported-after",
            Pattern::ReportedBefore => "reported-before",
            Pattern::ReportedAround => "reported-around",
        }
    }
}

/// Everything attribution reads, built once per article.
struct Index<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    ms: Vec<Mention>,
    ents: Vec<Entity>,
    cues: Vec<Cue>,
    /// Per token: mention whose name ends at it / starts at it (d0 or t0), cue starting at it.
    m_end: Vec<Option<u32>>,
    m_start: Vec<Option<u32>>,
    cue_at: Vec<Option<u32>>,
    /// Per mention: the entity a pronoun resolved to.
    res: Vec<usize>,
    /// Compact copies for binary searches (token starts, mention starts and ends).
    tok_s: Vec<u32>,
    ms_t0: Vec<u32>,
    ms_t1: Vec<u32>,
    /// Per cue: its subject, once looked for.
    subjects: Vec<Option<Option<Resolved>>>,
    /// Entities created for descriptions, by lowercase text, and in order of creation.
    groups: crate::hash::FxHashMap<String, usize>,
    group_order: Vec<usize>,
    /// Per entity: first token where it is named.
    first_tok: Vec<Option<usize>>,
    /// Entities with a mention right before a reporting verb ("Perez said").
    spoke: Vec<bool>,
    /// Per entity: pronoun gender seen (1 he, 2 she).
    gender: Vec<u8>,
    /// Per sentence index: (first token, end token).
    sent_toks: Vec<(usize, usize)>,
    /// Words the article writes in lowercase somewhere ("having", "using"): capitalized at a
    /// sentence start they are ordinary words, not names.
    lowercase: crate::hash::FxHashSet<&'a str>,
}

/// Side override from the user: `{"Kritenbrink": "United States"}` matches an entity by name,
/// alias or last name, case-insensitively.
fn apply_overrides(ents: &mut [Entity], overrides: &[(String, String)]) {
    for (k, v) in overrides {
        let k = k.trim().to_lowercase();
        for e in ents.iter_mut() {
            let name = e.name.to_lowercase();
            let hit = name == k
                || name.rsplit(' ').next() == Some(k.as_str())
                || e.aliases.iter().any(|a| a.to_lowercase() == k);
            if hit {
                e.side_override = Some(v.clone());
            }
        }
    }
}

/// Attribute the quotes of `doc`: fills speaker, cue, side and confidence, adds indirect
/// speech, and lists the speakers. `original` is the text the user passed; `overrides` maps
/// names to sides.
/// What the passes over one article's quotes decide, quote by quote and cue by cue.
struct Passes {
    attrs: Vec<Option<Attr>>,
    used_cues: Vec<bool>,
    /// Cues whose reported clause is still to be found: used only by quoted fragments inside
    /// that clause ("Flynn said Trump was “absolutely right” when …").
    clause_cues: Vec<bool>,
    /// A quote whose kind attribution changes (a term the text attributes is speech).
    promoted: Vec<Option<QuoteKind>>,
}

/// A short quoted line in headline case ("‘Legend in the Coal Fields.’"): a section title, not
/// the previous speaker going on.
fn heading_like(quote: &str) -> bool {
    let (caps, long) = crate::segment::capitalized_long_words(quote);
    quote.split_whitespace().count() <= params::HEADING_QUOTE_WORDS
        && long >= 2
        && caps == long
        && !quote.trim_end().ends_with([',', '?', '!'])
}

/// Whether paragraph `p` is body text (not a title, caption, byline, …).
fn in_body(doc: &Doc, p: usize) -> bool {
    doc.paragraphs.get(p).is_some_and(|x| x.kind.is_body())
}

/// Token index of the first token at or after normalized byte `b`.
fn tok_at(ix: &Index, b: usize) -> usize {
    ix.tok_s.partition_point(|&s| (s as usize) < b)
}

/// Sentence index holding normalized byte `b`.
fn sent_of(doc: &Doc, b: usize) -> usize {
    doc.sentences.partition_point(|s| s.end <= b)
}

/// Pass 1: a cue next to the quote (after it, before it, a colon).
fn adjacent_cues(ix: &mut Index, doc: &Doc, st: &mut Passes) {
    // Descriptions that speak ("The union rejected …") become entities before quotes are read,
    // so a later "they said" can refer to them.
    for ci in 0..ix.cues.len() {
        let c = ix.cues[ci];
        if !c.according {
            let _ = ix.subject_before(c.t0);
        }
    }
    for (qi, q) in doc.quotes.iter().enumerate() {
        let body = in_body(doc, q.paragraph);
        if q.depth != 0 || !body {
            continue;
        }
        if q.kind == QuoteKind::Term {
            // A short quote the text attributes (`“We lost everything,” said X`) is speech.
            let after = tok_at(ix, q.close.map_or(q.end, |c| c + 1));
            let comma = doc.text()[q.start..q.end].trim_end().ends_with(',');
            // It opens its sentence: after sentence punctuation, or first in its paragraph
            // (after a headline or a line with no final stop).
            let para_start = doc.paragraphs.get(q.paragraph).map_or(0, |p| p.start);
            let opens = q.open.is_some_and(|o| {
                let before = doc.text()[..o].trim_end();
                before.is_empty()
                    || before.ends_with(['.', ':', '!', '?'])
                    || doc
                        .text()
                        .get(para_start..o)
                        .is_some_and(|t| t.trim().is_empty())
            });
            // …and one that ends the reporter's words (`Not paying taxes “makes me smart,”
            // Trump said`) is a fragment of speech.
            if comma {
                if let Some((a, false)) = ix.right(after, q.paragraph) {
                    // A cue with a clause of its own ("On “Face the Nation,” Ryan said the
                    // spate …") reports that clause, not the title before it.
                    let ends = a.cue.is_some_and(|c| {
                        let cue = ix.cues[c];
                        let end = cue.t1.max(a.who.b);
                        let s1 = ix
                            .toks
                            .get(cue.t0)
                            .and_then(|t| ix.sent_toks.get(t.sent))
                            .map_or(end, |s| s.1);
                        ix.postposed_end(end, s1).is_some()
                    });
                    if !opens && !ends {
                        continue;
                    }
                    if let Some(c) = a.cue {
                        st.used_cues[c] = true;
                        st.clause_cues[c] = false;
                    }
                    st.attrs[qi] = Some(a);
                    st.promoted[qi] = Some(if opens {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Mixed
                    });
                }
            }
            continue;
        }
        if !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed) {
            continue;
        }
        let open = tok_at(ix, q.open.unwrap_or(q.start));
        let after = tok_at(ix, q.close.map_or(q.end, |c| c + 1));
        let end_para = ix
            .toks
            .get(after.saturating_sub(1))
            .map_or(q.paragraph, |t| t.para);
        let ends_comma = doc.text()[q.start..q.end].trim_end().ends_with(',');
        let right = ix.right(after, end_para);
        let a = match right {
            Some((a, false)) => Some(a),
            _ => {
                let l = ix.left(open);
                match (l, right) {
                    (Some(l), _) => Some(l),
                    (None, Some((r, true))) if !ends_comma => Some(r),
                    _ => None,
                }
            }
        };
        if let Some(a) = a {
            if let Some(c) = a.cue {
                st.used_cues[c] = true;
                // `Ditto said via email that, “Of course Mr. Trump is going to defend
                // himself” against what …`: a quote after "that" that the sentence goes on from
                // is part of the reported clause too, capitalized or not.
                let inside = (q.kind == QuoteKind::Mixed || ix.that_quote_goes_on(open))
                    && ix.cues[c].t1 <= open;
                st.clause_cues[c] &= inside;
            }
            st.attrs[qi] = Some(a);
        }
    }
}

/// Pass 2: a quote sharing a sentence with an attributed one, then continuations.
fn shared_sentences_and_continuations(ix: &Index, doc: &Doc, st: &mut Passes) {
    let mut by_sentence: FxHashMap<usize, Attr> = FxHashMap::default();
    for (qi, q) in doc.quotes.iter().enumerate() {
        if let Some(a) = st.attrs[qi] {
            by_sentence.entry(sent_of(doc, q.start)).or_insert(a);
        }
    }
    // A paragraph that continues the previous speaker opens with a quote and has no reporting
    // verb of its own outside quotes.
    let mut quote_only = vec![true; doc.paragraphs.len()];
    let mut seen_para = vec![false; doc.paragraphs.len()];
    for (k, t) in ix.toks.iter().enumerate() {
        let Some(slot) = quote_only.get_mut(t.para) else {
            continue;
        };
        if !seen_para[t.para] {
            seen_para[t.para] = true;
            *slot = t.quoted;
        } else if !t.quoted && ix.cue_at[k].is_some() {
            *slot = false;
        }
    }
    let mut last: Option<(usize, Attr)> = None;
    for (qi, q) in doc.quotes.iter().enumerate() {
        let body = in_body(doc, q.paragraph);
        if q.depth != 0 || !body || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed) {
            continue;
        }
        if st.attrs[qi].is_none() {
            if let Some(a) = by_sentence.get(&sent_of(doc, q.start)) {
                st.attrs[qi] = Some(Attr {
                    conf: a.conf * 0.75,
                    pattern: Pattern::SameSentence,
                    ..*a
                });
            } else if let Some((lp, la)) = last {
                let close_enough = q.paragraph <= lp + 1
                    && (q.paragraph..=lp + 1).all(|p| in_body(doc, p))
                    && quote_only[q.paragraph]
                    && !heading_like(&doc.text()[q.start..q.end])
                    || q.paragraph == lp;
                if q.kind == QuoteKind::Direct && close_enough {
                    st.attrs[qi] = Some(Attr {
                        conf: la.conf * 0.6,
                        cue: None,
                        pattern: Pattern::Continuation,
                        ..la
                    });
                }
            }
        }
        if let Some(a) = st.attrs[qi] {
            last = Some((q.paragraph, a));
        }
    }
}

/// A direct quote inside an attributed direct or mixed quote, with no speaker of its own, is
/// voiced by the outer speaker (who quotes someone, or a feeling, in their own words). A
/// quoted term inside stays a term.
fn nested_quotes(doc: &Doc, st: &mut Passes) {
    for (qi, q) in doc.quotes.iter().enumerate() {
        if q.depth == 0 || q.kind != QuoteKind::Direct || st.attrs[qi].is_some() {
            continue;
        }
        let outer = doc.quotes.iter().enumerate().rev().find(|(oi, o)| {
            *oi != qi
                && o.depth + 1 == q.depth
                && o.start <= q.start
                && q.end <= o.end
                && matches!(o.kind, QuoteKind::Direct | QuoteKind::Mixed)
        });
        if let Some(a) = outer.and_then(|(oi, _)| st.attrs[oi]) {
            st.attrs[qi] = Some(Attr {
                conf: a.conf * 0.6,
                cue: None,
                pattern: Pattern::Nested,
                ..a
            });
        }
    }
}

/// Quoted fragments: a short quote inside a reported clause, or right after a cue ("Comey called
/// her handling “extremely careless”"), is the speaker's words.
fn fragments(ix: &mut Index, doc: &Doc, st: &mut Passes, indirect: &[((usize, usize), Attr)]) {
    // A quote that opens a reported clause the reporter goes on with ("“The only way … is
    // jail time” for criminal behavior, she said") is that speaker's words.
    for (qi, q) in doc.quotes.iter().enumerate() {
        if !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed)
            || q.depth != 0
            || st.attrs[qi].is_some()
        {
            continue;
        }
        // A quoted part that ends the reported clause ("stating that they are “socially
        // liberal or pro-abortion.”") is the speaker's words too.
        if let Some((_, a)) = indirect.iter().find(|(sp, _)| {
            sp.0 <= q.start
                && (q.end + 1 < sp.1
                    || q.kind == QuoteKind::Mixed && sp.0 < q.start && q.end <= sp.1 + 1)
        }) {
            st.attrs[qi] = Some(Attr {
                conf: a.conf * 0.9,
                pattern: Pattern::Fragment,
                ..*a
            });
        }
    }
    let mut fragment_sentence: Option<(usize, Attr)> = None;
    // A short quoted fragment inside a reported clause, or right after a cue ("Comey called her
    // handling “extremely careless”", "dismissed the report as “pure fiction”"), is the
    // speaker's words: a mixed quote, not a scare quote.
    for (qi, q) in doc.quotes.iter().enumerate() {
        let body = in_body(doc, q.paragraph);
        if q.kind != QuoteKind::Term || q.depth != 0 || !body || st.attrs[qi].is_some() {
            continue;
        }
        let (qs, qe) = (q.open.unwrap_or(q.start), q.close.map_or(q.end, |c| c + 1));
        let inside = indirect
            .iter()
            .find(|(sp, _)| sp.0 <= qs && qe <= sp.1 + 1)
            .map(|(_, a)| *a);
        // The reported clause around it already carries these words, except the name a naming
        // verb gives ("called her handling “extremely careless”"): those are the speaker's own.
        let naming = inside.is_some_and(|a| {
            a.cue
                .is_some_and(|c| lexicon().category(ix.cues[c].category) == "describe")
        });
        if inside.is_some() && !naming {
            continue;
        }
        let a = inside.or_else(|| {
            let open = tok_at(ix, qs);
            ix.left(open).filter(|a| {
                a.cue.is_some_and(|c| {
                    let cue = ix.cues[c];
                    cue.t1 <= open
                        && open - cue.t1 <= params::FRAGMENT_CUE_TOKENS
                        && ix.same_sentence(cue.t0, open)
                })
            })
        });
        // "Cruz called Trump a “pathological liar” who is “utterly amoral,” a “bully” …": later
        // fragments of the sentence belong to the same speaker.
        let a = a.or_else(|| {
            let sent = sent_of(doc, qs);
            fragment_sentence
                .filter(|(s, _)| *s == sent)
                .map(|(_, a)| a)
        });
        if let Some(a) = a {
            st.attrs[qi] = Some(Attr {
                conf: a.conf * 0.9,
                pattern: Pattern::Fragment,
                ..a
            });
            st.promoted[qi] = Some(QuoteKind::Mixed);
            fragment_sentence = Some((sent_of(doc, qs), a));
        }
    }
}

/// A quoted fragment that ends the reporter's clause, with the cue right after it
/// ("Trump's misinformation may be “strategic,” said Jeffery Hemsley"), reports that whole
/// clause: the quote becomes a mixed quote from the start of its sentence, with the fragment as
/// its verbatim part. Not when words before it hold a cue or another quote ("He called it “a
/// disgrace,” said …" is a fragment after its own cue).
fn clause_before_fragment(
    ix: &Index,
    doc: &Doc,
    slicer: &CharSlicer,
    qi: usize,
    q: &mut Quote,
    a: &Attr,
) {
    if q.kind != QuoteKind::Mixed
        || !matches!(
            a.pattern,
            Pattern::QuoteCueSpeaker | Pattern::QuoteSpeakerCue | Pattern::QuoteNounPhraseCue
        )
    {
        return;
    }
    let rq = &doc.quotes[qi];
    let (Some(open), Some(close)) = (rq.open, rq.close) else {
        return;
    };
    if rq.depth != 0 {
        return;
    }
    let t_open = tok_at(ix, open);
    let Some(&(s0, _)) = ix.toks.get(t_open).and_then(|t| ix.sent_toks.get(t.sent)) else {
        return;
    };
    if s0 >= t_open || ix.toks[s0].para != ix.toks[t_open].para {
        return;
    }
    let before = s0..t_open;
    let words = before.clone().filter(|&k| ix.toks[k].word).count();
    if words < 2
        || before
            .clone()
            .any(|k| ix.toks[k].quoted || ix.cue_at[k].is_some())
    {
        return;
    }
    let (s, e) = doc.norm.orig_span(ix.toks[s0].s, close + 1);
    if s >= q.start || e < q.end {
        return;
    }
    q.verbatim = vec![(q.start, q.end)];
    q.start = s;
    q.end = e;
    q.outer_start = q.outer_start.min(s);
    q.outer_end = q.outer_end.max(e);
    q.text = slicer.slice(s, e).to_string();
}

/// How many reports before a quote (in start order) can hold it: reports nest only a level or
/// two ("…, which he said were meant to …" inside "She said …"), so a few suffice.
const HOST_REPORTS_SCANNED: usize = 8;

type Span = (usize, usize);

/// A quote inside a reported clause of the same speaker ("Trump said his plan would use
/// sensors to “keep out criminal cartels”") is part of that report, not a second statement:
/// the report becomes one mixed quote whose text is the clause and whose `verbatim` spans are
/// the quoted words, and the quote is dropped. A report that is nothing but the quote is the
/// one dropped. `quotes` holds the raw quotes (in `doc.quotes` order) and then one quote per
/// entry of `indirect`, in order.
fn merge_quoted_parts(
    quotes: &mut Vec<Quote>,
    doc: &Doc,
    slicer: &CharSlicer,
    attrs: &[Option<Attr>],
    indirect: &[((usize, usize), Attr)],
    ents: &mut [Entity],
) {
    let raw = doc.quotes.len();
    if indirect.is_empty() || quotes.len() < raw + indirect.len() {
        return;
    }
    let mut order: Vec<usize> = (0..indirect.len()).collect();
    order.sort_by_key(|&r| {
        (
            quotes[raw + r].start,
            std::cmp::Reverse(quotes[raw + r].end),
        )
    });
    let mut keep = vec![true; quotes.len()];
    // (report, (quoted words, their span with the marks))
    let mut parts: Vec<(usize, (Span, Span))> = Vec::new();
    for qi in 0..raw {
        let (a, q) = (attrs[qi], &quotes[qi]);
        if doc.quotes[qi].depth != 0 {
            continue;
        }
        // An unattributed quote the reported clause opens with ("said that “Trump is dead”
        // because …") is the speaker's words, even when short enough to read as a term; a
        // name of one or two words stays a term ("said “Asian NATO” is a myth").
        let opening = a.is_none()
            && (q.kind == QuoteKind::Direct
                || q.kind == QuoteKind::Term && q.text.split_whitespace().count() >= 3);
        if !opening && !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed) {
            continue;
        }
        let k = order.partition_point(|&r| quotes[raw + r].start <= q.start);
        // The innermost report that holds the quote: the latest starting one that ends after it.
        let host = order[..k]
            .iter()
            .rev()
            .take(HOST_REPORTS_SCANNED)
            .copied()
            .find(|&r| {
                let rq = &quotes[raw + r];
                keep[raw + r]
                    && q.end <= rq.end + 1
                    && match a {
                        Some(a) => indirect[r].1.who.entity == a.who.entity,
                        None => rq.start == q.outer_start || rq.start == q.start,
                    }
            });
        let Some(r) = host else {
            continue;
        };
        let rq = &quotes[raw + r];
        // Words of the report outside the quote's marks.
        let outside = rq.text.chars().enumerate().any(|(i, c)| {
            let at = rq.start + i;
            (at < q.outer_start || at >= q.outer_end) && c.is_alphanumeric()
        });
        if outside {
            keep[qi] = false;
            parts.push((raw + r, ((q.start, q.end), (q.outer_start, q.outer_end))));
        } else {
            keep[raw + r] = false;
        }
        if let Some(e) = a.and_then(|a| ents.get_mut(a.who.entity)) {
            e.quotes = e.quotes.saturating_sub(1);
        }
    }
    for (ri, (inner, outer)) in parts {
        let rq = &mut quotes[ri];
        rq.kind = QuoteKind::Mixed;
        rq.verbatim.push(inner);
        // A clause that opens or ends with the quoted words takes in their marks.
        let (s, e) = (rq.start.min(outer.0), rq.end.max(outer.1));
        if (s, e) != (rq.start, rq.end) {
            rq.start = s;
            rq.end = e;
            rq.outer_start = rq.outer_start.min(s);
            rq.outer_end = rq.outer_end.max(e);
            rq.text = slicer.slice(s, e).to_string();
        }
    }
    let mut i = 0;
    quotes.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// A quote that is a whole sentence of its own, right after a sentence reporting someone's
/// speech in indirect form ("Senator Smith said the plan was flawed. “It will never work.”"),
/// continues that speaker — in the same paragraph, or opening the next one.
fn after_reports(ix: &Index, doc: &Doc, st: &mut Passes, indirect: &[((usize, usize), Attr)]) {
    let lx = lexicon();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let body = in_body(doc, q.paragraph);
        if q.kind != QuoteKind::Direct || q.depth != 0 || !body || st.attrs[qi].is_some() {
            continue;
        }
        let open = tok_at(ix, q.open.unwrap_or(q.start));
        let Some(&t) = ix.toks.get(open) else {
            continue;
        };
        let Some(&(s0, s1)) = ix.sent_toks.get(t.sent) else {
            continue;
        };
        // The quote is the whole sentence: nothing of the reporter's before or after it.
        if open != s0 || (s0..s1).any(|k| ix.toks[k].word && !ix.toks[k].quoted) || s0 == 0 {
            continue;
        }
        let prev = ix.toks[s0 - 1];
        let same_para = prev.para == t.para;
        // Across paragraphs only when the report ends its paragraph and the quote opens the next.
        let next_para =
            prev.para + 1 == t.para && in_body(doc, prev.para) && prev.sent + 1 == t.sent;
        if !(same_para || next_para) {
            continue;
        }
        // The previous sentence holds an indirect report and no quote of its own: the last
        // report starting in it (`indirect` is sorted by start, so one binary search).
        let Some(&(p0, p1)) = ix.sent_toks.get(prev.sent) else {
            continue;
        };
        if p1 <= p0 || (p0..p1).any(|k| ix.toks[k].quoted) {
            continue;
        }
        let (b0, b1) = (ix.toks[p0].s, ix.toks[p1 - 1].e);
        let Some(&(_, a)) = indirect[..indirect.partition_point(|(sp, _)| sp.0 < b1)]
            .last()
            .filter(|(sp, _)| sp.0 >= b0)
        else {
            continue;
        };
        let speech = a.cue.is_some_and(|c| {
            !matches!(
                lx.category(ix.cues[c].category),
                "believe" | "evidence" | "predict" | "hint"
            )
        });
        if speech {
            st.attrs[qi] = Some(Attr {
                conf: a.conf * 0.6,
                cue: None,
                pattern: Pattern::Continuation,
                ..a
            });
        }
    }
}

pub fn attribute(
    doc: &Doc,
    slicer: &CharSlicer,
    overrides: &[(String, String)],
) -> (Vec<Quote>, Vec<Speaker>) {
    let mut quotes = raw_quotes(doc, slicer);
    let mut ix = Index::build(doc);
    let lx = lexicon();
    let n = doc.quotes.len();
    let mut st = Passes {
        attrs: vec![None; n],
        used_cues: vec![false; ix.cues.len()],
        clause_cues: vec![true; ix.cues.len()],
        promoted: vec![None; n],
    };
    adjacent_cues(&mut ix, doc, &mut st);
    shared_sentences_and_continuations(&ix, doc, &mut st);
    // Indirect speech from the cues no quote used.
    let skip_cues: Vec<bool> = st
        .used_cues
        .iter()
        .zip(&st.clause_cues)
        .map(|(&u, &c)| u && !c)
        .collect();
    let indirect = indirect::find(&mut ix, &skip_cues, &st.used_cues, doc);
    fragments(&mut ix, doc, &mut st, &indirect);
    after_reports(&ix, doc, &mut st, &indirect);
    nested_quotes(doc, &mut st);
    // A speaker whose name is not a speaker's attributes nothing.
    for a in st.attrs.iter_mut() {
        if a.is_some_and(|a| ix.junk_speaker(&a.who)) {
            *a = None;
        }
    }
    let indirect: Vec<((usize, usize), Attr)> = indirect
        .into_iter()
        .filter(|(_, a)| !ix.junk_speaker(&a.who))
        .collect();
    // Fill the quotes.
    let fill = |ix: &mut Index, q: &mut Quote, a: &Attr| {
        let e = a.who.entity;
        if let Some(ent) = ix.ents.get_mut(e) {
            ent.quotes += 1;
        }
        let text = doc.text();
        let (ma, mb) = (ix.toks[a.who.a].s, ix.toks[a.who.b.saturating_sub(1)].e);
        let (s, en) = doc.norm.orig_span(ma, mb.max(ma));
        q.speaker_start = Some(s);
        q.speaker_end = Some(en);
        q.speaker_mention = Some(slicer.slice(s, en).to_string());
        if let Some(ci) = a.cue {
            let c = ix.cues[ci];
            let (ca, cb) = (ix.toks[c.t0].s, ix.toks[c.t1.saturating_sub(1)].e);
            let (s, en) = doc.norm.orig_span(ca, cb.max(ca));
            q.cue_start = Some(s);
            q.cue_end = Some(en);
            q.cue = Some(slicer.slice(s, en).to_string());
            q.cue_category = Some(lx.category(c.category).to_string());
        }
        let _ = text;
        let class = ix.mention_class(&a.who);
        q.confidence = confidence::of(ix, q, a, class);
        q.pattern = Some(format!("{}/{}", a.pattern.as_str(), class));
        q.speaker = ix.ents.get(e).map(|x| x.name.clone());
    };
    // raw_quotes keeps doc.quotes order.
    for (qi, q) in quotes.iter_mut().enumerate() {
        if let Some(a) = st.attrs.get(qi).copied().flatten() {
            fill(&mut ix, q, &a);
            if let Some(kind) = st.promoted.get(qi).copied().flatten() {
                q.kind = kind;
            }
            clause_before_fragment(&ix, doc, slicer, qi, q, &a);
        }
    }
    for (span, a) in &indirect {
        let (s, e) = doc.norm.orig_span(span.0, span.1);
        let mut q = Quote::unattributed(
            slicer,
            (s, e),
            (s, e),
            QuoteKind::Indirect,
            ix.toks.get(a.who.a).map_or(0, |t| t.para),
            true,
        );
        fill(&mut ix, &mut q, a);
        quotes.push(q);
    }
    apply_overrides(&mut ix.ents, overrides);
    sides::assign(&mut ix.ents);
    let attrs_entity: Vec<Option<usize>> = st
        .attrs
        .iter()
        .map(|a| a.map(|a| a.who.entity))
        .chain(indirect.iter().map(|(_, a)| Some(a.who.entity)))
        .collect();
    for (q, e) in quotes.iter_mut().zip(attrs_entity) {
        if let Some(ent) = e.and_then(|e| ix.ents.get(e)) {
            let (side, ev) = sides::of(ent);
            q.side = side;
            q.side_evidence = ev;
        }
    }
    merge_quoted_parts(&mut quotes, doc, slicer, &st.attrs, &indirect, &mut ix.ents);
    if let Some(h) = headlines::find(doc, &ix) {
        let (s, e) = doc.norm.orig_span(h.content.0, h.content.1);
        // A sentence-case headline the body rules already read keeps their answer.
        let taken = quotes
            .iter()
            .any(|q| q.speaker.is_some() && q.start < e && s < q.end);
        if !taken {
            let para = doc.paragraphs[h.paragraph];
            let mut q = Quote::unattributed(
                slicer,
                (s, e),
                (s, e),
                QuoteKind::Indirect,
                h.paragraph,
                para.kind.is_body(),
            );
            let (ms, me) = doc.norm.orig_span(h.speaker.0, h.speaker.1);
            q.speaker_start = Some(ms);
            q.speaker_end = Some(me);
            q.speaker_mention = Some(slicer.slice(ms, me).to_string());
            let (cs, ce) = doc.norm.orig_span(h.cue.0, h.cue.1);
            q.cue_start = Some(cs);
            q.cue_end = Some(ce);
            q.cue = Some(slicer.slice(cs, ce).to_string());
            q.cue_category = Some(lx.category(h.category).to_string());
            let pattern = Pattern::Headline.as_str();
            let conf = confidence::calibrated(pattern, "name", &q);
            q.confidence = conf.unwrap_or(params::HEADLINE_CONFIDENCE);
            q.pattern = Some(format!("{pattern}/name"));
            if let Some(ent) = ix.ents.get_mut(h.entity) {
                ent.quotes += 1;
                q.speaker = Some(ent.name.clone());
                let (side, ev) = sides::of(ent);
                q.side = side;
                q.side_evidence = ev;
            }
            quotes.push(q);
        }
    }
    let turns = transcripts::find(doc, &ix);
    if !turns.is_empty() {
        let spans: Vec<(usize, usize)> = turns
            .iter()
            .map(|t| doc.norm.orig_span(t.content.0, t.content.1))
            .collect();
        // The unbalanced quote marks of a pasted transcript make quotes nobody said: the turns
        // replace them.
        quotes.retain(|q| {
            q.speaker.is_some() || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed) || {
                // Turns are in text order and do not overlap: the first ending after the
                // quote starts is the only one that can overlap it.
                let i = spans.partition_point(|&(_, e)| e <= q.start);
                spans.get(i).is_none_or(|&(s, _)| s >= q.end)
            }
        });
        let mut made: FxHashMap<String, usize> = FxHashMap::default();
        for (t, &(s, e)) in turns.iter().zip(&spans) {
            // A label the body does not explain becomes a person of its own.
            let entity = t.entity.unwrap_or_else(|| {
                *made.entry(t.name.clone()).or_insert_with(|| {
                    let words = t.name.split_whitespace().count();
                    let mut ent = Entity::new(&t.name, words, EntityKind::Person);
                    ent.mentions = 1;
                    ix.ents.push(ent);
                    ix.first_tok.push(Some(tok_at(&ix, t.label.0)));
                    ix.gender.push(0);
                    ix.ents.len() - 1
                })
            });
            let mut q = Quote::unattributed(
                slicer,
                (s, e),
                (s, e),
                QuoteKind::Direct,
                t.paragraph,
                doc.paragraphs[t.paragraph].kind.is_body(),
            );
            let (ms, me) = doc.norm.orig_span(t.label.0, t.label.1);
            q.speaker_start = Some(ms);
            q.speaker_end = Some(me);
            q.speaker_mention = Some(slicer.slice(ms, me).to_string());
            let pattern = Pattern::Transcript.as_str();
            let conf = confidence::calibrated(pattern, "name", &q);
            q.confidence = conf.unwrap_or(params::TRANSCRIPT_CONFIDENCE);
            q.pattern = Some(format!("{pattern}/name"));
            if let Some(ent) = ix.ents.get_mut(entity) {
                ent.quotes += 1;
                if ent.name != t.name {
                    ent.name.clone_from(&t.name);
                }
                q.speaker = Some(ent.name.clone());
                let (side, ev) = sides::of(ent);
                q.side = side;
                q.side_evidence = ev;
            }
            quotes.push(q);
        }
    }
    quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    let speakers = ix
        .ents
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            // People and outlets the body presents, not every capitalized phrase or caption.
            let in_body = ix.first_tok.get(*i).is_some_and(|t| t.is_some());
            e.quotes > 0
                || in_body
                    && match e.kind {
                        EntityKind::Person => {
                            e.name_tokens >= 2 && (!e.titles.is_empty() || e.side.is_some())
                        }
                        EntityKind::Media => true,
                        EntityKind::Organization => e.side.is_some(),
                        _ => false,
                    }
        })
        .map(|(_, e)| e)
        .map(|e| {
            let (side, side_evidence) = sides::of(e);
            Speaker {
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                titles: e.titles.clone(),
                side,
                side_evidence,
                kind: e.kind.as_str().to_string(),
                mentions: e.mentions,
                quotes: e.quotes,
            }
        })
        .collect();
    (quotes, speakers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> (Vec<Quote>, Vec<Speaker>) {
        let doc = crate::pipeline::prepare(t).unwrap();
        attribute(&doc, &CharSlicer::new(t), &[])
    }

    fn speaker_of(qs: &[Quote], start: &str) -> Option<String> {
        qs.iter()
            .find(|q| q.text.starts_with(start))
            .and_then(|q| q.speaker.clone())
    }

    #[test]
    fn right_left_inverted_and_continuation() {
        let (qs, _) = run(
            "“We will win this,” Mike Pompeo said. “And soon, very soon.”\n\
             The minister said: “Nothing has changed at all.”\n\
             “It is a trap for everyone,” said Lt. Gen. Jing Jianfeng.",
        );
        assert_eq!(
            speaker_of(&qs, "We will win").as_deref(),
            Some("Mike Pompeo")
        );
        assert_eq!(speaker_of(&qs, "And soon").as_deref(), Some("Mike Pompeo"));
        assert_eq!(speaker_of(&qs, "Nothing has").as_deref(), Some("minister"));
        assert_eq!(
            speaker_of(&qs, "It is a trap").as_deref(),
            Some("Jing Jianfeng")
        );
    }

    #[test]
    fn quote_after_an_indirect_report_continues_its_speaker() {
        let (qs, _) = run(
            "Senator Jane Holloway said the bill was badly drafted. “It will never survive a \
             court challenge.”\n\n\
             Ambassador Rafael Ortiz warned that talks could collapse by Friday.\n\n\
             “We are running out of time.”\n\n\
             A poll found that most voters oppose the plan. “Nobody asked us.”",
        );
        assert_eq!(
            speaker_of(&qs, "It will never").as_deref(),
            Some("Jane Holloway")
        );
        assert_eq!(
            speaker_of(&qs, "We are running").as_deref(),
            Some("Rafael Ortiz")
        );
        // Evidence is no speaker of the quote after it.
        assert_eq!(speaker_of(&qs, "Nobody asked"), None);
    }

    #[test]
    fn quoted_words_inside_a_report_make_one_mixed_quote() {
        let t = "Budget talks resumed on Monday.\n\n\
                 Governor Alma Reyes said the new levy would pay for \u{201c}every road we have \
                 neglected\u{201d} and end the shortfall by 2028. Critics called the plan \
                 \u{201c}a fantasy.\u{201d}\n\n\
                 \u{201c}We will not wait,\u{201d} Reyes said.";
        let (qs, sp) = run(t);
        let chars: Vec<char> = t.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let levy: Vec<&Quote> = qs
            .iter()
            .filter(|q| q.text.contains("every road"))
            .collect();
        assert_eq!(
            levy.len(),
            1,
            "one quote for the report and its quoted words: {qs:#?}"
        );
        let q = levy[0];
        assert_eq!(q.kind, QuoteKind::Mixed);
        assert!(q.text.starts_with("the new levy would pay"), "{:?}", q.text);
        assert_eq!(q.speaker.as_deref(), Some("Alma Reyes"));
        assert_eq!(q.verbatim.len(), 1);
        let (vs, ve) = q.verbatim[0];
        assert_eq!(slice(vs, ve), "every road we have neglected");
        assert_eq!(slice(q.start, q.end), q.text);
        // A whole quote keeps itself as its verbatim span; indirect speech has none.
        let direct = qs
            .iter()
            .find(|q| q.text.starts_with("We will not"))
            .unwrap();
        assert_eq!(direct.kind, QuoteKind::Direct);
        assert_eq!(direct.verbatim, vec![(direct.start, direct.end)]);
        assert!(qs
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .all(|q| q.verbatim.is_empty()));
        // The speaker's count of quotes counts the merged report once.
        let reyes = sp.iter().find(|s| s.name == "Alma Reyes").unwrap();
        let attributed = qs
            .iter()
            .filter(|q| q.speaker.as_deref() == Some("Alma Reyes"))
            .count();
        assert_eq!(reyes.quotes, attributed);
    }

    #[test]
    fn any_person_noun_speaks_after_a_speech_verb_or_before_a_named_apposition() {
        let (qs, _) = run("The hearing ran late.\n\n\
             \u{201c}We waited six hours for this,\u{201d} said a woman who asked not to be named.\n\n\
             \u{201c}Nobody told us anything,\u{201d} said one former executive.\n\n\
             \u{201c}He had it coming,\u{201d} the assailant, Tom Reddick, told reporters.\n\n\
             The mayor spoke briefly. Calls men rude names, like \u{201c}pigs,\u{201d} and \
             walks out.\n\n\
             Blair called for more school investment. \u{201c}It is overdue,\u{201d} she said.");
        assert_eq!(speaker_of(&qs, "We waited").as_deref(), Some("woman"));
        assert_eq!(
            speaker_of(&qs, "Nobody told").as_deref(),
            Some("former executive")
        );
        assert_eq!(speaker_of(&qs, "He had it").as_deref(), Some("Tom Reddick"));
        // A list item opening with a verb names no speaker, nor does a "-ment" noun.
        assert_eq!(speaker_of(&qs, "pigs"), None);
        assert!(qs
            .iter()
            .all(|q| q.speaker.as_deref() != Some("more school investment")));
    }

    #[test]
    fn a_fragment_ending_the_clause_before_its_cue_reports_the_clause() {
        let t = "The vote is on Friday.\n\n\
                 The new levy may be \u{201c}a lifeline,\u{201d} said Dana Ortiz, a budget analyst.\n\n\
                 He called it \u{201c}a disgrace,\u{201d} said Senator Paul Grant.";
        let (qs, _) = run(t);
        let chars: Vec<char> = t.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let q = qs.iter().find(|q| q.text.contains("lifeline")).unwrap();
        assert_eq!(q.kind, QuoteKind::Mixed);
        assert_eq!(q.text, "The new levy may be \u{201c}a lifeline,\u{201d}");
        assert_eq!(q.speaker.as_deref(), Some("Dana Ortiz"));
        assert_eq!(slice(q.verbatim[0].0, q.verbatim[0].1), "a lifeline,");
        // After a cue of its own, the fragment stays the fragment.
        let d = qs
            .iter()
            .find(|q| q.text.contains("disgrace") && q.speaker.as_deref() == Some("Paul Grant"))
            .unwrap();
        assert_eq!(d.text, "a disgrace,");
    }

    #[test]
    fn a_short_quote_opening_its_paragraph_is_direct() {
        // After a headline, and after a line with no final stop, the quote opens its sentence.
        for t in [
            "Lee Wins Vote\n\n\u{201c}We lost,\u{201d} Rob Lee said.",
            "Lee Wins Vote\n\nRob Lee spoke. \u{201c}It is over,\u{201d} he said\n\n\
             \u{201c}We lost,\u{201d} Rob Lee said.",
        ] {
            let (qs, _) = run(t);
            let q = qs.iter().find(|q| q.text.starts_with("We lost")).unwrap();
            assert_eq!(q.kind, QuoteKind::Direct, "{t}");
            assert_eq!(q.speaker.as_deref(), Some("Rob Lee"));
        }
        // A fragment the reporter's sentence leads into stays mixed.
        let (qs, _) =
            run("Lee Wins Vote\n\nNot paying taxes \u{201c}makes me smart,\u{201d} Rob Lee said.");
        let q = qs
            .iter()
            .find(|q| q.text.contains("makes me smart"))
            .unwrap();
        assert_eq!(q.kind, QuoteKind::Mixed);
    }

    #[test]
    fn a_document_is_no_person_to_take_the_last_name() {
        let (qs, _) = run(
            "Rob Lee spoke on Monday.\n\nThe Gallup poll showed that Mr. Lee led. The memo said \
             the plan would fail.",
        );
        assert_eq!(speaker_of(&qs, "Mr. Lee led"), Some("Gallup poll".into()));
        assert_eq!(speaker_of(&qs, "the plan would fail"), Some("memo".into()));
    }

    #[test]
    fn a_time_modifier_is_no_description_head() {
        let (qs, _) = run(
            "Vera Lind spoke on Monday.\n\n\u{201c}We will win,\u{201d} said the former model.\n\n\
             \u{201c}We are ready,\u{201d} said the late senator's widow.",
        );
        assert_eq!(speaker_of(&qs, "We will win"), Some("former model".into()));
        assert_ne!(speaker_of(&qs, "We are ready"), Some("late".into()));
    }

    #[test]
    fn pronoun_prefers_subject_and_respects_gender() {
        let (qs, _) = run(
            "Senator Mark Hill met Governor Dan Price. “We need help now,” he said.\n\
             Mary Stone and Tom Baines spoke. “We kept our word,” she said.",
        );
        assert_eq!(speaker_of(&qs, "We need").as_deref(), Some("Mark Hill"));
        assert_eq!(speaker_of(&qs, "We kept").as_deref(), Some("Mary Stone"));
    }

    #[test]
    fn progressive_and_participle_cues_and_fronted_passives() {
        let (qs, _) = run(
            "Governor Lena Ortiz is promising to rebuild every bridge the flood destroyed.\n\n\
             The state auditor is confirming that the fund was never registered.\n\n\
             Stung by the criticism, as well as by a sharp drop in the polls, Mayor Tom Reed \
             changed course on Friday, suggesting the tax would be delayed.\n\n\
             The economy is weak, Ortiz said, adding that the budget would be cut.",
        );
        let of = |start: &str| {
            qs.iter()
                .find(|q| q.text.starts_with(start))
                .map(|q| (q.speaker.clone(), q.cue.clone()))
        };
        assert_eq!(
            of("to rebuild every bridge"),
            Some((Some("Lena Ortiz".into()), Some("promising".into())))
        );
        assert_eq!(
            of("the fund was never").map(|x| x.1),
            Some(Some("confirming".into()))
        );
        // The fronted participle is neither a speaker ("Stung") nor the reported clause.
        assert_eq!(
            of("the tax would be delayed"),
            Some((Some("Tom Reed".into()), Some("suggesting".into())))
        );
        assert!(of("Stung").is_none());
        assert_eq!(
            of("adding that the budget").and_then(|x| x.0).as_deref(),
            Some("Lena Ortiz")
        );
        // After a degree word an "-ing" form is an adjective: no cue, and part of a subject.
        let (qs, _) =
            run("Most promising of all is the new drug. The most promising candidate said she would run.");
        assert!(!qs.iter().any(|q| q.text.starts_with("of all")));
        assert_eq!(
            speaker_of(&qs, "she would run").as_deref(),
            Some("most promising candidate")
        );
    }

    #[test]
    fn a_colon_paragraph_introduces_the_quote_after_it() {
        let (qs, _) = run(
            "The remarks of Sen. Maria Lopez and Gov. Dan Hale were treated differently.\n\n\
             On July 6, 2015, Lopez made the following comment:\n\n\
             \u{201c}For young people the jobless rate is 33 percent.\u{201d}\n\n\
             The White House issued a statement:\n\n\
             \u{201c}We reject the claim entirely.\u{201d}\n\n\
             Hale characterized the bill as \u{201c}a gift to lobbyists.\u{201d}",
        );
        assert_eq!(
            speaker_of(&qs, "For young people").as_deref(),
            Some("Maria Lopez")
        );
        assert_eq!(speaker_of(&qs, "We reject").as_deref(), Some("White House"));
        let q = qs.iter().find(|q| q.text.contains("a gift to")).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Dan Hale"));
        assert_eq!(q.cue_category.as_deref(), Some("describe"));
    }

    #[test]
    fn a_group_owned_by_a_named_person_keeps_the_owner_in_its_name() {
        let (qs, _) = run("Clinton\u{2019}s campaign said the ads were false.\n\n\
             Israel\u{2019}s military said the strike hit a depot.");
        assert_eq!(
            speaker_of(&qs, "the ads were").as_deref(),
            Some("Clinton campaign")
        );
        assert_eq!(speaker_of(&qs, "the strike").as_deref(), Some("military"));
    }

    #[test]
    fn it_and_they_take_the_group_that_opens_a_recent_sentence() {
        let (qs, _) = run(
            "The teachers union endorsed the mayor on Thursday. It said \u{201c}she has kept \
             every promise she made to our schools.\u{201d}\n\n\
             The Harlow campaign is defending the ads. It is denouncing what it calls \
             \u{201c}a smear dressed up as journalism.\u{201d}\n\n\
             Rain fell all day. It is hard to say \u{201c}whether anyone will come at all.\u{201d}",
        );
        assert!(speaker_of(&qs, "she has kept").is_some_and(|s| s.ends_with("union")));
        assert!(speaker_of(&qs, "a smear dressed").is_some_and(|s| s.contains("campaign")));
        // A pleonastic "it" ("It is hard to say") and weather are no speakers.
        assert_eq!(speaker_of(&qs, "whether anyone"), None);
    }

    #[test]
    fn speakers_list_aliases_titles_sides() {
        let (_, sp) = run(
            "Secretary of State Mike Pompeo spoke. “We see it every single day,” Pompeo \
             said. Japan's Nikkei newspaper agreed.",
        );
        let p = sp.iter().find(|s| s.name == "Mike Pompeo").unwrap();
        assert_eq!(p.quotes, 1);
        assert!(p.aliases.iter().any(|a| a == "Pompeo"));
        assert_eq!(p.titles, vec!["secretary of state".to_string()]);
        let n = sp.iter().find(|s| s.name == "Nikkei").unwrap();
        assert_eq!(
            (n.kind.as_str(), n.side.as_deref()),
            ("media", Some("Japan"))
        );
    }

    #[test]
    fn no_panic_on_odd_text() {
        // A deterministic stream of awkward characters: quotes, marks, multi-byte letters.
        let alphabet: Vec<char> =
            "“”\"'‘’«» ,.:;!?\nHeSaidtold Ééßﬁ中文\u{200b}\u{a0}-—()Lt.Gen.U.S.'s"
                .chars()
                .collect();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in [0usize, 1, 2, 5, 17, 64, 300] {
            for _ in 0..60 {
                let t: String = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        alphabet[(x % alphabet.len() as u64) as usize]
                    })
                    .collect();
                let Ok(doc) = crate::pipeline::prepare(&t) else {
                    continue;
                };
                let sl = CharSlicer::new(&t);
                let (qs, _) = attribute(&doc, &CharSlicer::new(&t), &[("he".into(), "X".into())]);
                for q in qs {
                    assert_eq!(sl.slice(q.start, q.end), q.text);
                    if let (Some(a), Some(b), Some(m)) =
                        (q.speaker_start, q.speaker_end, q.speaker_mention.as_deref())
                    {
                        assert_eq!(sl.slice(a, b), m);
                    }
                    if let (Some(a), Some(b), Some(c)) = (q.cue_start, q.cue_end, q.cue.as_deref())
                    {
                        assert_eq!(sl.slice(a, b), c);
                    }
                }
            }
        }
    }
}
