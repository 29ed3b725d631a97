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
pub mod cues;
pub mod entities;
pub mod indirect;
pub mod mentions;
pub mod params;
pub mod sides;
pub mod tokens;

use std::collections::HashMap;

use crate::article::{raw_quotes, Doc, Quote, Speaker};
use crate::lexicon::lexicon;
use crate::quotes::QuoteKind;
use crate::segment::ParagraphKind;
use crate::text::CharSlicer;
use cues::Cue;
use entities::{Entity, EntityKind};
use mentions::{Kind, Mention};
use tokens::{lower_into, Func, Tok};

const NONE: u32 = u32::MAX;

/// Nouns that head a description able to speak ("the ministry", "American officials").
const DESCRIPTION_HEADS: &[&str] = &[
    "official",
    "officials",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "editorial",
    "newspaper",
    "paper",
    "daily",
    "outlet",
    "report",
    "statement",
    "ruling",
    "memo",
    "letter",
    "filing",
    "complaint",
    "lawsuit",
    "indictment",
    "study",
    "poll",
    "survey",
    "document",
    "documents",
    "records",
    "release",
    "ad",
    "website",
    "ministry",
    "government",
    "embassy",
    "agency",
    "department",
    "administration",
    "military",
    "army",
    "leader",
    "leaders",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "critics",
    "observers",
    "sources",
    "source",
    "commentary",
    "article",
    "diplomat",
    "diplomats",
    "committee",
    "commission",
    "council",
    "company",
    "party",
    "researcher",
    "researchers",
    "lawmaker",
    "lawmakers",
    "minister",
    "secretary",
    "president",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "chief",
    "director",
    "counterpart",
    "premier",
    "chancellor",
    "prosecutors",
    "police",
    "white",
    "others",
    "analysis",
    "blog",
    "column",
    "columnist",
    "magazine",
    "broadcaster",
    "network",
    "officer",
    "officers",
    "service",
    "union",
    "opposition",
    "governor",
    "mayor",
    "spokespeople",
    "representatives",
    "lawyers",
    "lawyer",
    "prosecutor",
    "court",
    "judge",
    "regulator",
    "regulators",
    "campaigners",
    "activists",
    "protesters",
    "organisers",
    "organizers",
    "residents",
    "witnesses",
    "authorities",
    "investigators",
    "scientists",
    "economists",
    "researchers",
    "coalition",
    "alliance",
    "bloc",
    "group",
    "team",
    "club",
];

const MEDIA_HEADS: &[&str] = &[
    "editorial",
    "newspaper",
    "paper",
    "daily",
    "outlet",
    "report",
    "commentary",
    "article",
    "analysis",
    "blog",
    "column",
    "magazine",
    "broadcaster",
    "network",
];

const ORG_HEADS: &[&str] = &[
    "ministry",
    "government",
    "embassy",
    "agency",
    "department",
    "administration",
    "military",
    "army",
    "committee",
    "commission",
    "council",
    "company",
    "party",
    "police",
    "service",
    "union",
    "opposition",
    "court",
    "regulator",
    "authorities",
    "coalition",
    "alliance",
    "group",
];

/// Nouns for people by their ending ("businessman", "professor", "defenceman", "strategist",
/// "resident"), less the common inanimate nouns that share those endings.
fn person_noun(w: &str) -> bool {
    const NOT_PEOPLE: &[&str] = &[
        "letter",
        "paper",
        "newspaper",
        "order",
        "number",
        "matter",
        "filer",
        "computer",
        "center",
        "error",
        "factor",
        "sector",
        "mirror",
        "monitor",
        "corridor",
        "document",
        "statement",
        "comment",
        "department",
        "government",
        "agreement",
        "report",
        "paper",
        "poster",
        "sticker",
        "transcript",
        "summer",
        "winter",
        "quarter",
        "chapter",
        "register",
        "river",
        "tower",
        "water",
        "power",
        "cover",
        "folder",
        "trailer",
        "charter",
        "border",
    ];
    if NOT_PEOPLE.contains(&w) {
        return false;
    }
    DESCRIPTION_HEADS.contains(&w) && !ORG_HEADS.contains(&w) && !MEDIA_HEADS.contains(&w)
        || [
            "man", "woman", "er", "or", "ist", "ian", "ant", "ent", "ee", "ess",
        ]
        .iter()
        .any(|suf| w.len() > suf.len() + 2 && w.ends_with(suf))
}

/// Cue categories whose verbs are often not speech ("continues", "signals", "projected",
/// "hailed", "observed"): they report speech only from a recognised speaker.
const WEAK_CUE_CATEGORIES: &[&str] = &[
    "add", "agree", "hint", "conclude", "believe", "predict", "describe", "boast", "praise",
];

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
    /// A quoted fragment after a cue: `called it “a disgrace”`.
    Fragment,
    /// Reported speech: `X said (that) …`, `according to X, …`.
    ReportedAfter,
    /// `…, X said.`, `…, said X.`, `…, according to X.`
    ReportedBefore,
    /// `…, X said, …`
    ReportedAround,
}

impl Pattern {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Pattern::QuoteCueSpeaker => "quote-cue-speaker",
            Pattern::QuoteSpeakerCue => "quote-speaker-cue",
            Pattern::QuoteNounPhraseCue => "quote-noun-phrase-cue",
            Pattern::QuoteNextSentence => "quote-next-sentence",
            Pattern::Signature => "signature",
            Pattern::CueBefore => "cue-before",
            Pattern::OuterCue => "outer-cue",
            Pattern::Colon => "colon",
            Pattern::SameSentence => "same-sentence",
            Pattern::Continuation => "continuation",
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
    m_end: Vec<u32>,
    m_start: Vec<u32>,
    cue_at: Vec<u32>,
    /// Per mention: the entity a pronoun resolved to.
    res: Vec<usize>,
    /// Compact copies for binary searches (token starts, mention starts and ends).
    tok_s: Vec<u32>,
    ms_t0: Vec<u32>,
    ms_t1: Vec<u32>,
    /// Per cue: its subject, once looked for.
    subjects: Vec<Option<Option<Resolved>>>,
    /// Entities created for descriptions, by lowercase text, and in order of creation.
    groups: HashMap<String, usize>,
    group_order: Vec<usize>,
    /// Per entity: first token where it is named.
    first_tok: Vec<usize>,
    /// Per entity: pronoun gender seen (1 he, 2 she).
    gender: Vec<u8>,
    /// Per sentence index: (first token, end token).
    sent_toks: Vec<(usize, usize)>,
}

impl<'a> Index<'a> {
    fn build(doc: &'a Doc) -> Self {
        let text = doc.text();
        let mut toks: Vec<Tok> = Vec::new();
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            // Captions are read for names and sides ("Lt. Gen. Jing Jianfeng", "Japan's former
            // Defense Minister"), never for speech.
            let caption = p.kind == ParagraphKind::Caption;
            if p.kind.is_body() || caption {
                let from = toks.len();
                tokens::tokenize(text, p.start, p.end, pi, &mut toks);
                for t in &mut toks[from..] {
                    t.body = !caption;
                }
            }
        }
        // Sentences and quotes are sorted: one sweep each.
        let mut si = 0;
        let mut sent_toks: Vec<(usize, usize)> = vec![(0, 0); doc.sentences.len()];
        let mut spans: Vec<(usize, usize)> = doc
            .quotes
            .iter()
            .filter(|q| q.depth == 0)
            .map(|q| (q.open.unwrap_or(q.start), q.close.map_or(q.end, |c| c + 1)))
            .collect();
        spans.sort_unstable();
        let mut qi = 0;
        let mut reach = 0usize;
        for (k, t) in toks.iter_mut().enumerate() {
            while si + 1 < doc.sentences.len() && doc.sentences[si].end <= t.s {
                si += 1;
            }
            t.sent = si;
            if let Some(e) = sent_toks.get_mut(si) {
                if e.1 == 0 {
                    e.0 = k;
                }
                e.1 = k + 1;
            }
            while qi < spans.len() && spans[qi].0 <= t.s {
                reach = reach.max(spans[qi].1);
                qi += 1;
            }
            t.quoted = t.s < reach;
        }
        let mut ms = mentions::find(text, &toks);
        let ents = entities::cluster(text, &toks, &mut ms);
        let cues = cues::find(text, &toks);
        let n = toks.len();
        let mut m_end = vec![NONE; n];
        let mut m_start = vec![NONE; n];
        for (k, m) in ms.iter().enumerate() {
            if let Some(x) = m_end.get_mut(m.t1.wrapping_sub(1)) {
                *x = k as u32;
            }
            if let Some(x) = m_start.get_mut(m.d0) {
                *x = k as u32;
            }
            if let Some(x) = m_start.get_mut(m.t0) {
                *x = k as u32;
            }
        }
        let mut cue_at = vec![NONE; n];
        for (k, c) in cues.iter().enumerate() {
            if let Some(x) = cue_at.get_mut(c.t0) {
                *x = k as u32;
            }
        }
        let mut first_tok = vec![usize::MAX; ents.len()];
        for m in ms.iter().filter(|m| toks[m.t0].body) {
            if let Some(f) = first_tok.get_mut(m.entity) {
                *f = (*f).min(m.t0);
            }
        }
        let mut gender = vec![0u8; ents.len()];
        for m in &ms {
            if let Some(g) = gender.get_mut(m.entity) {
                if *g == 0 {
                    *g = m.gender;
                }
            }
        }
        let res = ms.iter().map(|m| m.entity).collect();
        let n_cues = cues.len();
        let tok_s = toks.iter().map(|t| t.s as u32).collect();
        let ms_t0 = ms.iter().map(|m| m.t0 as u32).collect();
        let ms_t1 = ms.iter().map(|m| m.t1 as u32).collect();
        let mut ix = Index {
            text,
            toks,
            ms,
            ents,
            cues,
            m_end,
            m_start,
            cue_at,
            res,
            tok_s,
            ms_t0,
            ms_t1,
            subjects: vec![None; n_cues],
            groups: HashMap::new(),
            group_order: Vec::new(),
            first_tok,
            gender,
            sent_toks,
        };
        ix.resolve_pronouns();
        ix
    }

    fn word(&self, k: usize) -> &'a str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    fn is_punct(&self, k: usize, p: &str) -> bool {
        self.toks.get(k).is_some_and(|t| !t.word) && self.word(k) == p
    }

    /// Resolve every pronoun once, in text order, so chains of "he" follow each other.
    fn resolve_pronouns(&mut self) {
        for mi in 0..self.ms.len() {
            let Kind::Pronoun(f) = self.ms[mi].kind else {
                continue;
            };
            let r = match f {
                Func::Rel => self.relative_antecedent(mi),
                Func::It if self.pleonastic(mi) => None,
                _ => self.antecedent(mi, f),
            };
            if let Some(e) = r {
                self.res[mi] = e;
                if let Some(g) = self.gender.get_mut(e) {
                    if *g == 0 {
                        *g = match f {
                            Func::He => 1,
                            Func::She => 2,
                            _ => 0,
                        };
                    }
                }
            }
        }
    }

    /// "It is now clear that …": an "it" that refers to nothing.
    fn pleonastic(&self, mi: usize) -> bool {
        let k = self.ms[mi].t1;
        matches!(
            self.word(k),
            "is" | "was" | "seems" | "seemed" | "appears" | "appeared" | "remains" | "'s"
        ) || (self.toks.get(k).is_some_and(|t| t.func == Func::Possessive))
    }

    /// "Fumio Kishida, who announced": the name right before "who".
    fn relative_antecedent(&self, mi: usize) -> Option<usize> {
        let t0 = self.ms[mi].t0;
        let mut k = t0.checked_sub(1)?;
        if self.is_punct(k, ",") {
            k = k.checked_sub(1)?;
        }
        let m = *self.m_end.get(k)?;
        if m == NONE {
            return None;
        }
        let e = self.res[m as usize];
        (e != usize::MAX).then_some(e)
    }

    /// The nearest earlier compatible entity for a pronoun, preferring sentence subjects.
    fn antecedent(&self, mi: usize, f: Func) -> Option<usize> {
        let para = self.toks[self.ms[mi].t0].para;
        let mut fallback: Option<usize> = None;
        for j in (0..mi).rev().take(40) {
            let m = &self.ms[j];
            let p = self.toks[m.t0].para;
            if para > p + 2 {
                break;
            }
            if !self.toks[m.t0].body {
                continue;
            }
            let e = self.res[j];
            let Some(ent) = self.ents.get(e) else {
                continue;
            };
            let ok = match f {
                Func::He | Func::She => {
                    let g = self.gender.get(e).copied().unwrap_or(0);
                    let gender_ok = !(f == Func::He && g == 2 || f == Func::She && g == 1);
                    // A lone capitalized word counts when it spoke ("Melanie said").
                    let spoke = self.cue_at.get(m.t1).is_some_and(|&c| c != NONE);
                    let named = m.kind != Kind::Unknown || ent.name_tokens >= 2 || spoke;
                    ent.is_person() && gender_ok && named
                }
                Func::They | Func::It => ent.is_collective(),
                _ => false,
            };
            // "they" does not continue a chain of "it" (nor the reverse).
            let chain_ok = match m.kind {
                Kind::Pronoun(g) => g == f || matches!((f, g), (Func::He | Func::She, Func::Rel)),
                _ => true,
            };
            if !ok || !chain_ok {
                continue;
            }
            if m.subjectish {
                return Some(e);
            }
            fallback.get_or_insert(e);
        }
        fallback
    }

    /// The entity a mention stands for; a pronoun no name explains may stand for an entity
    /// introduced by a description ("The union rejected the offer. … they said").
    fn mention_entity(&self, mi: usize) -> Option<usize> {
        let e = *self.res.get(mi)?;
        if e != usize::MAX {
            return Some(e);
        }
        let m = self.ms.get(mi)?;
        let Kind::Pronoun(f) = m.kind else {
            return None;
        };
        let t = self.toks.get(m.t0)?;
        self.group_order
            .iter()
            .rev()
            .take(48)
            .filter(|&&g| {
                let ft = self.first_tok.get(g).copied().unwrap_or(usize::MAX);
                let ent = &self.ents[g];
                let compatible = match f {
                    Func::He | Func::She => ent.is_person(),
                    Func::They | Func::It => ent.is_collective(),
                    _ => false,
                };
                compatible && ft < m.t0 && self.toks.get(ft).is_some_and(|x| x.para + 2 >= t.para)
            })
            .max_by_key(|&&g| self.first_tok[g])
            .copied()
    }

    fn resolved_mention(&self, mi: usize) -> Option<Resolved> {
        let e = self.mention_entity(mi)?;
        let m = &self.ms[mi];
        let conf = match m.kind {
            Kind::Pronoun(_) => 0.85,
            Kind::Place => 0.8,
            _ => 1.0,
        };
        Some(Resolved {
            entity: e,
            a: m.t0,
            b: m.t1,
            conf,
        })
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.sent == y.sent,
            _ => false,
        }
    }

    fn skippable(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.word && !t.quoted && (t.func == Func::Aux || t.adverb))
    }

    /// The subject of the cue starting at token `c`.
    fn subject_before(&mut self, c: usize) -> Option<Resolved> {
        // Each cue's subject is found once (the pre-pass, quotes and indirect speech all ask).
        let ci = self.cue_at.get(c).copied().unwrap_or(NONE);
        if let Some(Some(r)) = self.subjects.get(ci as usize) {
            return *r;
        }
        // A bare noun phrase speaks only through a verb that is speech whatever its subject
        // ("Another 19 percent said"), not one that is often not ("cooperation continues").
        let strong = self
            .cues
            .get(ci as usize)
            .is_some_and(|cue| !WEAK_CUE_CATEGORIES.contains(&lexicon().category(cue.category)));
        let r = self
            .find_subject(c)
            .or_else(|| strong.then(|| self.generic_subject(c)).flatten());
        if let Some(slot) = self.subjects.get_mut(ci as usize) {
            *slot = Some(r);
        }
        r
    }

    fn find_subject(&mut self, c: usize) -> Option<Resolved> {
        // "authority to call …", "could be added to": no act of speech by a subject.
        if c > 0 && self.infinitive_or_passive(c) {
            return None;
        }
        let mut k = c;
        let mut steps = 0;
        while k > 0
            && steps < 4
            && (self.skippable(k - 1) || self.toks[k - 1].func == Func::Time)
            && self.same_sentence(k - 1, c)
        {
            k -= 1;
            steps += 1;
        }
        let mut p = k.checked_sub(1)?;
        if !self.same_sentence(p, c) || self.toks[p].quoted {
            return None;
        }
        // "Rep. Stephen Lynch (D-Mass.) said", "Kasich (who has 25 delegates) said": past the
        // parenthesis to the name before it.
        if self.is_punct(p, ")") {
            let lo = p.saturating_sub(params::ASIDE_TOKENS);
            let open = (lo..p)
                .rev()
                .take_while(|&j| self.same_sentence(j, p) && !self.toks[j].quoted)
                .find(|&j| self.is_punct(j, "("))?;
            k = open;
            p = open.checked_sub(1)?;
            if !self.same_sentence(p, c) || self.toks[p].quoted {
                return None;
            }
        }
        if self.is_punct(p, ",") && self.word(c).ends_with("ing") {
            // "The IMF cut its forecast, warning that …": the sentence's subject.
            if let Some(r) = self.sentence_subject(p) {
                return Some(r);
            }
        }
        if self.is_punct(p, ",") {
            // "Ishiba, has argued" / "Kritenbrink, the assistant …, said".
            let mut pre = self
                .m_end
                .get(p.wrapping_sub(1))
                .copied()
                .filter(|&m| m != NONE)
                .map(|m| m as usize);
            // "Maria Okafor, Democrat of Vermont, called": the party tag is an aside.
            if let Some(mi) = pre.filter(|&mi| self.party_tag(mi)) {
                let d0 = self.ms[mi].d0;
                if d0 >= 2 && self.is_punct(d0 - 1, ",") {
                    pre = self
                        .m_end
                        .get(d0 - 2)
                        .copied()
                        .filter(|&m| m != NONE)
                        .map(|m| m as usize);
                }
            }
            if let Some(mi) = pre {
                let m = &self.ms[mi];
                if m.kind == Kind::Person && (m.t1 - m.t0 >= 2 || !m.titles.is_empty()) {
                    return self.resolved_mention(mi);
                }
            }
            let lo_m = self.ms_t1.partition_point(|&t1| t1 as usize + 30 < p);
            let hi_m = self.ms_t1.partition_point(|&t1| t1 as usize <= p);
            if let Some(mi) = (lo_m..hi_m)
                .rev()
                .find(|&j| self.ms[j].appos_end == Some(p))
            {
                return self.resolved_mention(mi);
            }
            // "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the
            // Security Council, said": the person opening the sentence, past stacked asides.
            if let Some(r) = self.opening_person(p, c) {
                return Some(r);
            }
            if let Some(mi) = pre {
                let m = &self.ms[mi];
                if matches!(
                    m.kind,
                    Kind::Person | Kind::Org | Kind::Media | Kind::Unknown
                ) {
                    return self.resolved_mention(mi);
                }
            }
            let lo = p.saturating_sub(30);
            for j in (lo..p).rev() {
                if !self.same_sentence(j, c) || self.toks[j].quoted {
                    break;
                }
                if self.is_punct(j, ",") && j > 0 {
                    let mi = self.m_end[j - 1];
                    if mi != NONE {
                        let m = &self.ms[mi as usize];
                        if matches!(
                            m.kind,
                            Kind::Person | Kind::Org | Kind::Media | Kind::Unknown
                        ) && m.appos_end.is_none_or(|e| e == p || e == j)
                        {
                            return self.resolved_mention(mi as usize);
                        }
                    }
                }
            }
            return None;
        }
        if let Some(mi) = self.m_end.get(p).copied().filter(|&m| m != NONE) {
            return self
                .resolved_mention(mi as usize)
                .or_else(|| self.unresolved_pronoun(mi as usize));
        }
        if self.toks[p].func == Func::Conj && matches!(self.word(p), "and" | "but") {
            // "after she attacked officers and blamed …": the subject of the verb it is
            // conjoined with; else "The opposition called the bill … and vowed to …": the
            // sentence's subject.
            let (s0, _) = *self.sent_toks.get(self.toks[p].sent)?;
            let lo = p.saturating_sub(params::OUTER_CUE_TOKENS).max(s0);
            if let Some(prev) = (lo..p).rev().find(|&j| {
                self.cue_at[j] != NONE
                    && !self.toks[j].quoted
                    && !self.cues[self.cue_at[j] as usize].according
            }) {
                if prev != c {
                    if let Some(r) = self.subject_before(prev) {
                        return Some(r);
                    }
                }
            }
            return self.sentence_subject(p);
        }
        if let Some(r) = self.description_before(k) {
            return Some(r);
        }
        // "An editorial in China's Global Times on May 7 expressed": over a prepositional tail.
        let mut j = p;
        for _ in 0..10 {
            let t = self.toks[j];
            if t.quoted || !self.same_sentence(j, c) {
                return None;
            }
            if let Some(mi) = Some(self.m_end[j]).filter(|&m| m != NONE) {
                let m = &self.ms[mi as usize];
                let after_prep = m.d0 > 0 && self.toks[m.d0 - 1].func == Func::Prep;
                let before_prep = m.t1 < self.toks.len() && self.toks[m.t1].func == Func::Prep;
                if matches!(
                    m.kind,
                    Kind::Person | Kind::Org | Kind::Media | Kind::Pronoun(_)
                ) && (!after_prep || self.word(m.d0 - 1) == "in")
                {
                    return self.resolved_mention(mi as usize).map(|mut r| {
                        r.conf *= 0.8;
                        r
                    });
                }
                if !(after_prep || before_prep || m.kind == Kind::Place) {
                    return None;
                }
                j = m.d0;
            } else if !(t.func == Func::Prep
                || t.func == Func::Time
                || self.word(j) == "May"
                || t.func == Func::Det
                || t.func == Func::Possessive
                || (t.word
                    && t.s < self.text.len()
                    && self.word(j).starts_with(|ch: char| ch.is_ascii_digit())))
            {
                return None;
            }
            j = j.checked_sub(1)?;
        }
        None
    }

    /// A noun phrase ending right before the cue at token `c` that no other rule recognised
    /// ("attorneys for the family", "Another 19 percent", "all the experts I interviewed",
    /// "the New York businessman"): the phrase itself speaks, or, when it is a definite
    /// description of a person, the person it describes.
    fn generic_subject(&mut self, c: usize) -> Option<Resolved> {
        if c > 0 && self.infinitive_or_passive(c) {
            return None;
        }
        let mut end = c;
        let mut steps = 0;
        while end > 0 && steps < 4 && self.skippable(end - 1) && self.same_sentence(end - 1, c) {
            end -= 1;
            steps += 1;
        }
        let head = end.checked_sub(1)?;
        let h = *self.toks.get(head)?;
        if !h.word
            || h.quoted
            || h.func != Func::None
            || h.lex.cue.is_some()
            || h.adverb
            || !self.same_sentence(head, c)
        {
            return None;
        }
        let mut a = head;
        while a > 0 && head - a < params::GENERIC_SUBJECT_TOKENS {
            let j = a - 1;
            let t = self.toks[j];
            if !self.same_sentence(j, c) || t.quoted || t.lex.cue.is_some() {
                break;
            }
            let w = self.word(j).to_ascii_lowercase();
            let w = w.as_str();
            let inner = t.word
                && match t.func {
                    Func::None | Func::Det | Func::Time => true,
                    // "eight of 10 voters", "attorneys for the family", "officials from both
                    // parties": a noun phrase goes on through these prepositions.
                    Func::Prep => matches!(w, "of" | "for" | "from" | "at"),
                    Func::Opener => matches!(
                        w,
                        "some"
                            | "many"
                            | "most"
                            | "several"
                            | "other"
                            | "others"
                            | "all"
                            | "both"
                            | "each"
                            | "any"
                            | "every"
                            | "one"
                    ),
                    Func::First => w == "i",
                    _ => false,
                };
            if !(inner || t.func == Func::Possessive || w == "-") {
                break;
            }
            a = j;
        }
        // A phrase that opens with a preposition is an adverbial, not a subject ("who in 2010
        // said"); nor is a bare number or date.
        while a < head && self.toks[a].func == Func::Prep {
            a += 1;
        }
        if h.digit || h.func == Func::Time {
            return None;
        }
        let opens = a == 0
            || !self.same_sentence(a - 1, a)
            || self.toks[a - 1].quoted
            || matches!(
                self.toks[a - 1].func,
                Func::Conj | Func::That | Func::Rel | Func::Prep
            )
            || matches!(self.word(a - 1), "," | ";" | ":" | "(" | "-");
        if !opens || self.toks[a].func == Func::Prep {
            return None;
        }
        let mut buf = String::new();
        let hw = lower_into(self.word(head), &mut buf).to_string();
        let first = self.toks[a];
        let det = (first.func == Func::Det).then(|| self.word(a).to_lowercase());
        if matches!(det.as_deref(), Some("the") | Some("this")) && person_noun(&hw) && !h.cap {
            // "the lanky, bespectacled professor said": the last person named before it.
            if let Some(e) = self.recent_person(a) {
                return Some(Resolved {
                    entity: e,
                    a,
                    b: end,
                    conf: 0.6,
                });
            }
        }
        self.resolve_description(a, end, &hw, det.as_deref())
            .map(|mut r| {
                r.conf = r.conf.min(0.6);
                r
            })
    }

    /// The most recent person named (not a pronoun) before token `before`, within the window a
    /// definite description reaches back.
    fn recent_person(&self, before: usize) -> Option<usize> {
        let para = self.toks.get(before)?.para;
        let hi = self.ms_t1.partition_point(|&t1| (t1 as usize) <= before);
        // The last person who was a subject (news re-describes its protagonist, not the people
        // the protagonist talked about), else the last person named.
        let mut last: Option<usize> = None;
        for j in (0..hi).rev().take(40) {
            let m = &self.ms[j];
            if self.toks[m.t0].para + params::DESCRIPTION_PARAGRAPHS < para {
                break;
            }
            if m.kind != Kind::Person || !self.toks[m.t0].body {
                continue;
            }
            let e = self.res[j];
            if self.ents.get(e).is_some_and(|x| x.is_person()) {
                if m.subjectish {
                    return Some(e);
                }
                last.get_or_insert(e);
            }
        }
        last
    }

    /// "he said" where no antecedent fits: the pronoun is still the speaker's mention, with no
    /// entity behind it (the quote keeps `speaker_mention` and has no `speaker`).
    fn unresolved_pronoun(&self, mi: usize) -> Option<Resolved> {
        let m = &self.ms[mi];
        matches!(
            m.kind,
            Kind::Pronoun(Func::He | Func::She | Func::They | Func::It)
        )
        .then_some(Resolved {
            entity: usize::MAX,
            a: m.t0,
            b: m.t1,
            conf: params::UNRESOLVED_PRONOUN_CONFIDENCE,
        })
    }

    /// A person named at the start of the sentence and followed by a comma, when nothing between
    /// that comma and the comma at `p` (before the cue at `c`) is a cue or a quote.
    fn opening_person(&mut self, p: usize, c: usize) -> Option<Resolved> {
        let (mut s0, _) = *self.sent_toks.get(self.toks.get(c)?.sent)?;
        while self
            .toks
            .get(s0)
            .is_some_and(|t| t.word && matches!(t.func, Func::Conj | Func::Opener))
        {
            s0 += 1;
        }
        let mi = self.m_start.get(s0).copied().filter(|&m| m != NONE)? as usize;
        let m = &self.ms[mi];
        if m.kind != Kind::Person || !self.is_punct(m.t1, ",") || m.t1 >= p {
            return None;
        }
        if p - m.t1 > params::ASIDE_TOKENS * 2 {
            return None;
        }
        let clear = (m.t1..p).all(|j| !self.toks[j].quoted && self.cue_at[j] == NONE);
        if !clear {
            return None;
        }
        self.resolved_mention(mi)
    }

    /// "authority to call …", "could be added to": a cue that reports no act of speech by a
    /// subject before it (an infinitive, or a passive without "as saying").
    fn infinitive_or_passive(&self, c: usize) -> bool {
        let prev = self.word(c - 1);
        prev == "to"
            || matches!(
                prev,
                "be" | "been" | "being" | "is" | "was" | "were" | "are"
            ) && !self.word(c).ends_with("ing")
    }

    /// What kind of words name the speaker: "name", "pronoun" (resolved), "unresolved" (a
    /// pronoun with no antecedent), "place" (a capital as metonym) or "description".
    fn mention_class(&self, who: &Resolved) -> &'static str {
        if who.entity == usize::MAX {
            return "unresolved";
        }
        let mi = self.m_start.get(who.a).copied().unwrap_or(NONE);
        match self.ms.get(mi as usize).map(|m| m.kind) {
            Some(Kind::Pronoun(_)) => "pronoun",
            Some(Kind::Place) => "place",
            Some(_) if self.groups.values().all(|&g| g != who.entity) => "name",
            _ => "description",
        }
    }

    /// A party label standing where a name would ("Democrat of Vermont", "Republican of Utah").
    fn party_tag(&self, mi: usize) -> bool {
        let m = &self.ms[mi];
        let first = self.word(m.d0.min(m.t0));
        matches!(
            first,
            "Democrat" | "Republican" | "Independent" | "Democratic" | "Libertarian"
        ) && (m.d0.min(m.t0)..m.t1).any(|k| self.word(k) == "of")
    }

    /// The subject at the start of the sentence holding token `limit` (a name, possibly after
    /// "The", or a description), when it ends before `limit`.
    fn sentence_subject(&mut self, limit: usize) -> Option<Resolved> {
        let (mut s0, _) = *self.sent_toks.get(self.toks.get(limit)?.sent)?;
        // "During a speech earlier in the day, Trump attacked …": past a fronted adverbial.
        if self.toks.get(s0).is_some_and(|t| t.func == Func::Prep) {
            if let Some(comma) =
                (s0..limit.min(s0 + params::ASIDE_TOKENS)).find(|&j| self.is_punct(j, ","))
            {
                s0 = comma + 1;
            }
        }
        // "Meanwhile, it attacked …": past openers and the comma after them.
        while self.toks.get(s0).is_some_and(|t| {
            t.word && matches!(t.func, Func::Conj | Func::Opener) || self.is_punct(s0, ",")
        }) {
            s0 += 1;
        }
        for j in [s0, s0 + 1] {
            if j > s0 && !self.toks.get(s0).is_some_and(|t| t.func == Func::Det) {
                break;
            }
            if let Some(mi) = self.m_start.get(j).copied().filter(|&m| m != NONE) {
                let m = &self.ms[mi as usize];
                // A sentence-initial place is a metonym ("Beijing called … and vowed …").
                if m.t1 <= limit {
                    return self
                        .resolved_mention(mi as usize)
                        .or_else(|| self.unresolved_pronoun(mi as usize))
                        .map(|mut r| {
                            r.conf *= 0.8;
                            r
                        });
                }
            }
        }
        self.description_after(s0).filter(|d| d.b <= limit)
    }

    /// A description ending just before token `end` ("the defense secretary", "American
    /// officials", "a top Chinese military leader"), resolved to an entity.
    fn description_before(&mut self, end: usize) -> Option<Resolved> {
        let mut head = end.checked_sub(1)?;
        let mut buf = String::new();
        let is_head = |ix: &Self, k: usize, buf: &mut String| -> bool {
            let t = ix.toks[k];
            let sentence_start = k == 0 || !ix.same_sentence(k - 1, k);
            t.word
                && !t.quoted
                && (!t.cap || sentence_start)
                && (DESCRIPTION_HEADS.contains(&lower_into(ix.word(k), buf)) || t.lex.title)
        };
        if !is_head(self, head, &mut buf) {
            // "Critics of the law say": the head before an "of" phrase.
            let of = (head.saturating_sub(4)..head).rev().find(|&j| {
                self.word(j) == "of"
                    && (j..=head).all(|k| self.same_sentence(k, head) && !self.toks[k].quoted)
            })?;
            head = of.checked_sub(1)?;
            if !is_head(self, head, &mut buf) {
                return None;
            }
        }
        let hw = lower_into(self.word(head), &mut buf).to_string();
        let mut a = head;
        let mut det: Option<String> = None;
        while a > 0 && head - a < 6 {
            let t = self.toks[a - 1];
            if t.quoted || !self.same_sentence(a - 1, head) {
                break;
            }
            if t.word && t.func == Func::Det {
                det = Some(lower_into(self.word(a - 1), &mut buf).to_string());
                a -= 1;
                break;
            }
            let first_of_sentence = a - 1 == 0 || !self.same_sentence(a - 2, a - 1);
            let ok = (t.word
                && t.func == Func::None
                && t.lex.cue.is_none()
                && (!t.cap || t.lex.country.is_some() || t.lex.title || first_of_sentence))
                || t.func == Func::Possessive
                || (t.word && t.cap && t.lex.country.is_some());
            if !ok {
                break;
            }
            a -= 1;
        }
        if det.is_none() {
            // A bare description must open its clause ("But American officials denied").
            let opens = a == 0
                || !self.same_sentence(a - 1, a)
                || self.toks[a - 1].func == Func::Conj
                || self.is_punct(a - 1, ",");
            if !opens {
                return None;
            }
        }
        self.resolve_description(a, end, &hw, det.as_deref())
    }

    /// A description starting at token `a` ("said the ministry", "according to experts").
    fn description_after(&mut self, a: usize) -> Option<Resolved> {
        let mut buf = String::new();
        let mut k = a;
        let first = self.toks.get(a)?;
        let det = if first.word && first.func == Func::Det {
            k += 1;
            Some(lower_into(self.word(a), &mut buf).to_string())
        } else {
            None
        };
        let mut last_head: Option<usize> = None;
        while k < self.toks.len() && k - a < 7 {
            let t = self.toks[k];
            if (!t.word && t.func != Func::Possessive) || t.quoted || !self.same_sentence(k, a) {
                break;
            }
            let lw = lower_into(self.word(k), &mut buf).to_string();
            if t.func != Func::None && t.func != Func::Possessive {
                break;
            }
            if DESCRIPTION_HEADS.contains(&lw.as_str()) || t.lex.title {
                last_head = Some(k);
            }
            k += 1;
        }
        let h = last_head?;
        let hw = lower_into(self.word(h), &mut buf).to_string();
        // "a statement from the Philippine Coast Guard", "a spokesman for the ministry".
        if matches!(
            hw.as_str(),
            "statement"
                | "report"
                | "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "source"
                | "sources"
                | "official"
                | "officials"
        ) && matches!(self.word(h + 1), "from" | "by" | "of" | "for" | "at")
        {
            let mut j = h + 2;
            if self.toks.get(j).is_some_and(|t| t.func == Func::Det) {
                j += 1;
            }
            let spokes = matches!(
                hw.as_str(),
                "spokesperson" | "spokesman" | "spokeswoman" | "official" | "officials"
            );
            if let Some(mi) = self.m_start.get(j).copied().filter(|&m| m != NONE) {
                let m = &self.ms[mi as usize];
                if matches!(m.kind, Kind::Org | Kind::Media) || (m.kind == Kind::Person && !spokes)
                {
                    return self.resolved_mention(mi as usize);
                }
            }
        }
        self.resolve_description(a, h + 1, &hw, det.as_deref())
    }

    fn resolve_description(
        &mut self,
        a: usize,
        b: usize,
        head: &str,
        det: Option<&str>,
    ) -> Option<Resolved> {
        let lx = lexicon();
        let mut buf = String::new();
        let mods: Vec<String> = (a..b.saturating_sub(1))
            .filter(|&k| self.toks[k].word && self.toks[k].func == Func::None)
            .map(|k| lower_into(self.word(k), &mut buf).to_string())
            .collect();
        let side = (a..b).find_map(|k| {
            let t = self.toks[k];
            t.lex.country.or(t.lex.capital).map(|s| (s, k))
        });
        let definite = matches!(
            det,
            Some("the") | Some("this") | Some("its") | Some("their")
        );
        let indefinite = matches!(det, Some("a") | Some("an"));
        let plural = head.ends_with('s') && !head.ends_with("ss");
        let before = self
            .m_end
            .get(a)
            .map(|_| self.ms_t1.partition_point(|&t1| t1 as usize <= a))
            .unwrap_or(0);
        if definite || (det.is_some() && !indefinite && !plural) {
            let media = MEDIA_HEADS.contains(&head);
            let org = ORG_HEADS.contains(&head);
            let mut loose: Option<usize> = None;
            for j in (0..before).rev().take(120) {
                let e = self.res[j];
                if e == usize::MAX {
                    continue;
                }
                let ent = &self.ents[e];
                let hit = if media {
                    ent.kind == EntityKind::Media
                } else if org {
                    ent.kind == EntityKind::Organization && ent.name.to_lowercase().contains(head)
                } else {
                    ent.is_person()
                        && (ent.titles.iter().any(|t| t.split(' ').any(|w| w == head))
                            || ent.description_heads.iter().any(|h| h == head))
                };
                if hit {
                    let full = mods.iter().all(|m| {
                        ent.titles.iter().any(|t| t.contains(m.as_str()))
                            || lx.word(m).country.is_some()
                            || !lx.word(m).title
                    });
                    if full {
                        return Some(Resolved {
                            entity: e,
                            a,
                            b,
                            conf: 0.85,
                        });
                    }
                    loose.get_or_insert(e);
                }
                if org && loose.is_none() && ent.kind == EntityKind::Organization {
                    loose = Some(e);
                }
            }
            if let Some(e) = loose {
                return Some(Resolved {
                    entity: e,
                    a,
                    b,
                    conf: 0.7,
                });
            }
        }
        if indefinite && !plural {
            // A forward description: "a top Chinese military leader … Lt. Gen. Jing Jianfeng said".
            if let Some(e) = self.forward_name(b, side.map(|s| s.0)) {
                let ent = &mut self.ents[e];
                if !ent.description_heads.iter().any(|h| h == head) {
                    ent.description_heads.push(head.to_string());
                }
                if ent.side.is_none() {
                    if let Some((s, k)) = side {
                        let ev = self.word(k).to_string();
                        self.ents[e].side = Some((s, ev));
                    }
                }
                return Some(Resolved {
                    entity: e,
                    a,
                    b,
                    conf: 0.75,
                });
            }
        }
        // Nobody named: the description itself speaks ("American officials", "experts").
        let mut first = if det.is_some() { a + 1 } else { a };
        // "Israel's military": the side is evidence, the name is what follows it.
        if let Some(k) = (first..b)
            .rev()
            .find(|&k| self.toks[k].func == Func::Possessive)
        {
            first = k + 1;
        }
        if first >= b {
            return None;
        }
        let name = match (self.toks.get(first), self.toks.get(b.wrapping_sub(1))) {
            (Some(x), Some(y)) if x.s <= y.e => self.text.get(x.s..y.e).unwrap_or(""),
            _ => "",
        }
        .to_string();
        if name.is_empty() {
            return None;
        }
        let key = name.to_lowercase();
        let e = match self.groups.get(&key) {
            Some(&e) => e,
            None => {
                let kind = if MEDIA_HEADS.contains(&head) {
                    EntityKind::Media
                } else if plural || ORG_HEADS.contains(&head) {
                    EntityKind::Group
                } else {
                    EntityKind::Person
                };
                let mut ent = Entity::new(&name, b - first, kind);
                ent.description_heads.push(head.to_string());
                if let Some((s, k)) = side {
                    ent.side = Some((s, self.word(k).to_string()));
                }
                self.ents.push(ent);
                self.first_tok.push(a);
                self.gender.push(0);
                self.groups.insert(key, self.ents.len() - 1);
                self.group_order.push(self.ents.len() - 1);
                let last = self.ents.len() - 1;
                self.ents[last].mentions = 1;
                self.ents.len() - 1
            }
        };
        Some(Resolved {
            entity: e,
            a,
            b,
            conf: 0.6,
        })
    }

    /// The next person named for the first time within three paragraphs after token `from`,
    /// preferring one whose side matches.
    fn forward_name(&self, from: usize, side: Option<u16>) -> Option<usize> {
        let para = self.toks.get(from.saturating_sub(1))?.para;
        let start = self.ms_t0.partition_point(|&t0| (t0 as usize) < from);
        let mut unknown_side: Option<usize> = None;
        for m in self.ms[start..].iter().take(60) {
            if self.toks[m.t0].para > para + 6 {
                break;
            }
            let Some(ent) = self.ents.get(m.entity) else {
                continue;
            };
            if !ent.is_person()
                || ent.name_tokens < 2
                || self.first_tok[m.entity] < from
                || !self.toks[m.t0].body
            {
                continue;
            }
            match (side, ent.side.as_ref().map(|s| s.0)) {
                (Some(a), Some(b)) if a == b => return Some(m.entity),
                (None, _) => return Some(m.entity),
                (Some(_), None) => {
                    unknown_side.get_or_insert(m.entity);
                }
                _ => {}
            }
        }
        unknown_side
    }

    /// The speaker right after token `a` ("said Lieutenant Gen. Jing", "said the ministry").
    fn speaker_after(&mut self, a: usize) -> Option<Resolved> {
        let mut k = a;
        while self.skippable(k) {
            k += 1;
        }
        for j in [k, k + 1] {
            if j > k && !self.toks.get(k).is_some_and(|t| t.func == Func::Det) {
                break;
            }
            if let Some(mi) = self.m_start.get(j).copied().filter(|&m| m != NONE) {
                let m = &self.ms[mi as usize];
                // "the Nikkei", "the Kyodo news agency": the name, not the description.
                if !matches!(m.kind, Kind::Pronoun(Func::Rel) | Kind::Place) || j == k {
                    return self.resolved_mention(mi as usize);
                }
            }
        }
        self.description_after(k)
    }

    /// The noun phrase after "according to" that no rule names ("early results of exit polls
    /// conducted by Edison Research", "people in attendance", "the foundation's tally"): it runs
    /// to the next comma or the end of the sentence.
    fn np_after(&mut self, a: usize) -> Option<Resolved> {
        let first = *self.toks.get(a)?;
        if !first.word || first.quoted || first.func == Func::That {
            return None;
        }
        let mut end = a;
        while end < self.toks.len()
            && end - a < params::ACCORDING_NP_TOKENS
            && self.same_sentence(end, a)
            && !self.toks[end].quoted
            && (self.toks[end].word
                || self.toks[end].func == Func::Possessive
                || self.word(end) == "-")
            && !matches!(self.toks[end].func, Func::That | Func::Rel)
        {
            end += 1;
        }
        let stops = end >= self.toks.len()
            || !self.same_sentence(end, a)
            || matches!(self.word(end), "," | "." | ";" | ":" | "!" | "?" | ")");
        if !stops || end == a {
            return None;
        }
        let mut buf = String::new();
        let head = lower_into(self.word(end - 1), &mut buf).to_string();
        let det = (first.func == Func::Det).then(|| self.word(a).to_lowercase());
        self.resolve_description(a, end, &head, det.as_deref())
            .map(|mut r| {
                r.conf = r.conf.min(0.6);
                r
            })
    }

    /// The first token after `k` that is not an adverb or auxiliary.
    fn skip_adverbs(&self, mut k: usize) -> usize {
        while self.skippable(k) || self.toks.get(k).is_some_and(|t| t.func == Func::Time) {
            k += 1;
        }
        k
    }

    /// `“…,” he said` / `“…,” said X` / `“…,” according to X`, starting at token `k`.
    fn right(&mut self, k: usize, para: usize) -> Option<(Attr, bool)> {
        let mut k = k;
        let mut crossed = false;
        let mut dashed = false;
        while let Some(t) = self.toks.get(k) {
            if t.para != para || t.word || t.quoted {
                break;
            }
            match self.word(k) {
                "." | "!" | "?" => crossed = true,
                "-" => dashed = true,
                "," | "—" | "–" | ")" => {}
                _ => return None,
            }
            k += 1;
        }
        let t = *self.toks.get(k)?;
        if t.para != para || t.quoted {
            return None;
        }
        // `“… region.” Kishida stated …`: the quote closed its sentence.
        if k > 0 && self.toks[k - 1].sent != t.sent {
            crossed = true;
        }
        let c0 = self.skip_adverbs(k);
        if let Some(ci) = self.cue_at.get(c0).copied().filter(|&c| c != NONE) {
            let cue = self.cues[ci as usize];
            if crossed && !cue.according {
                return None;
            }
            if !cue.addressee || cue.according {
                let who = self
                    .speaker_after(cue.t1)
                    .or_else(|| self.person_soon_after(cue.t1));
                let who = if cue.according {
                    who.or_else(|| self.np_after(cue.t1))
                } else {
                    who
                };
                if let Some(who) = who {
                    return Some((
                        Attr {
                            who,
                            cue: Some(ci as usize),
                            conf: if cue.according { 0.85 } else { 0.95 },
                            pattern: if crossed {
                                Pattern::QuoteNextSentence
                            } else {
                                Pattern::QuoteCueSpeaker
                            },
                        },
                        crossed,
                    ));
                }
            }
            return None;
        }
        // A speaker then a cue.
        let named = self.m_start.get(k).copied().filter(|&m| {
            m != NONE && {
                let mm = &self.ms[m as usize];
                // "Egypt's foreign minister": a possessive modifier, not the speaker.
                mm.kind != Kind::Place
                    && self
                        .toks
                        .get(mm.t1)
                        .is_none_or(|t| t.func != Func::Possessive)
            }
        });
        // "“…” ― Jorge Falcon": a dash and a name sign the quote.
        if dashed {
            if let Some(mi) = self.m_start.get(k).copied().filter(|&m| m != NONE) {
                let m = &self.ms[mi as usize];
                let signs = self
                    .toks
                    .get(m.t1)
                    .is_none_or(|t| t.para != para || !t.word);
                if signs
                    && matches!(
                        m.kind,
                        Kind::Person | Kind::Unknown | Kind::Org | Kind::Media
                    )
                {
                    let who = self.resolved_mention(mi as usize)?;
                    return Some((
                        Attr {
                            who,
                            cue: None,
                            conf: 0.8,
                            pattern: Pattern::Signature,
                        },
                        crossed,
                    ));
                }
            }
        }
        let who = if let Some(mi) = named {
            let m = &self.ms[mi as usize];
            let after = m.appos_end.map_or(m.t1, |e| e + 1);
            self.resolved_mention(mi as usize)
                .or_else(|| self.unresolved_pronoun(mi as usize))
                .map(|r| (r, after))
        } else {
            self.description_after(k).map(|d| (d, d.b))
        };
        if let Some((mut who, mut after)) = who {
            // "Egypt's foreign minister, Badr Abdelatty, said": the name in apposition.
            if self.is_punct(after, ",") {
                if let Some(mi) = self.m_start.get(after + 1).copied().filter(|&m| m != NONE) {
                    let m = &self.ms[mi as usize];
                    if m.kind == Kind::Person && self.is_punct(m.t1, ",") {
                        let next = m.t1 + 1;
                        if let Some(r) = self.resolved_mention(mi as usize) {
                            who = r;
                            after = next;
                        }
                    }
                }
            }
            // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said".
            let mut after = after;
            for _ in 0..3 {
                let next = self.skip_aside(after);
                if next == after {
                    break;
                }
                after = next;
            }
            let c = self.skip_adverbs(after);
            if let Some(ci) = self.cue_at.get(c).copied().filter(|&c| c != NONE) {
                return Some((
                    Attr {
                        who,
                        cue: Some(ci as usize),
                        conf: if crossed { 0.7 } else { 0.95 },
                        pattern: if crossed {
                            Pattern::QuoteNextSentence
                        } else {
                            Pattern::QuoteSpeakerCue
                        },
                    },
                    crossed,
                ));
            }
        }
        // "“…,” the New York businessman said", "“…?” a narrator in the Clinton ad asks".
        let c = (k..(k + params::GENERIC_SUBJECT_TOKENS + 1).min(self.toks.len()))
            .take_while(|&j| self.same_sentence(j, k) && !self.toks[j].quoted)
            .find(|&j| self.cue_at[j] != NONE)?;
        let ci = self.cue_at[c] as usize;
        let who = self.generic_subject(c).filter(|w| w.a == k)?;
        Some((
            Attr {
                who,
                cue: Some(ci),
                conf: if crossed { 0.6 } else { 0.8 },
                pattern: if crossed {
                    Pattern::QuoteNextSentence
                } else {
                    Pattern::QuoteNounPhraseCue
                },
            },
            crossed,
        ))
    }

    /// Past an aside between a speaker and the cue: "(D-Mo.)", ", 82,", ", R-Ky.,", ", a senior
    /// strategist for the Asia-Pacific for Rabobank,". Returns `k` when none stands there.
    fn skip_aside(&self, k: usize) -> usize {
        let close = match self.word(k) {
            "(" => ")",
            "," => ",",
            _ => return k,
        };
        let limit = (k + 1 + params::ASIDE_TOKENS).min(self.toks.len());
        for j in k + 1..limit {
            let t = self.toks[j];
            if t.quoted || !self.same_sentence(j, k) || self.cue_at[j] != NONE {
                return k;
            }
            if self.word(j) == close && j > k + 1 {
                // "(D-Mo.), said" / "(R-Utah) said".
                let next = if close == ")" && self.is_punct(j + 1, ",") {
                    j + 2
                } else {
                    j + 1
                };
                return next;
            }
        }
        k
    }

    /// "said 9/11 widow Terry Strada": a person named within a few words after an inverted cue.
    fn person_soon_after(&self, a: usize) -> Option<Resolved> {
        let lo = self.ms_t0.partition_point(|&t0| (t0 as usize) < a);
        let m = self.ms.get(lo)?;
        let near = m.d0 <= a + params::INVERTED_SPEAKER_GAP && m.kind == Kind::Person;
        let clear = (a..m.t0)
            .all(|j| !self.toks[j].quoted && self.same_sentence(j, a) && self.cue_at[j] == NONE);
        (near && clear).then(|| self.resolved_mention(lo)).flatten()
    }

    /// `Kishida stated that “…”`, `with Johnson saying: “…”`, `X responded that … “…”`:
    /// the nearest cue before the quote (in its sentence, or a sentence ending in a colon).
    fn left(&mut self, open: usize) -> Option<Attr> {
        let first = open.checked_sub(1)?;
        let sent = self.toks.get(open).map(|t| t.sent)?;
        let mut k = first;
        let mut allowed_sent = sent;
        if self.toks[k].sent != sent && self.is_punct(k, ":") {
            allowed_sent = self.toks[k].sent;
        }
        let mut tried = 0;
        for _ in 0..35 {
            let t = self.toks[k];
            if t.sent != allowed_sent && t.sent != sent {
                break;
            }
            if t.quoted {
                break;
            }
            if let Some(ci) = Some(self.cue_at[k]).filter(|&c| c != NONE) {
                let cue = self.cues[ci as usize];
                let opens_sentence = cue.t0 == 0 || !self.same_sentence(cue.t0 - 1, cue.t0);
                let who = if cue.according {
                    self.speaker_after(cue.t1)
                } else if opens_sentence {
                    // `Said Comey, “…”`: an inverted cue opening the sentence.
                    self.speaker_after(cue.t1)
                        .or_else(|| self.person_soon_after(cue.t1))
                } else {
                    self.subject_before(cue.t0)
                };
                if let Some(who) = who {
                    let attr = Attr {
                        who,
                        cue: Some(ci as usize),
                        conf: 0.85,
                        pattern: Pattern::CueBefore,
                    };
                    // "Ditto said she expects the campaign “to …”": a belief inside a reported
                    // clause; the speaker is the subject of the speech verb before it.
                    let belief = lexicon().category(cue.category) == "believe";
                    if !belief {
                        return Some(attr);
                    }
                    if let Some(outer) = self.outer_speech_cue(cue.t0, allowed_sent, sent) {
                        return Some(outer);
                    }
                    return Some(attr);
                }
                tried += 1;
                if tried >= 2 {
                    break;
                }
            }
            match k.checked_sub(1) {
                Some(j) => k = j,
                None => break,
            }
        }
        self.colon_subject(first)
    }

    /// A speech cue earlier in the sentence than token `before` whose subject is found.
    fn outer_speech_cue(&mut self, before: usize, sent_a: usize, sent_b: usize) -> Option<Attr> {
        let lx = lexicon();
        let mut k = before;
        for _ in 0..params::OUTER_CUE_TOKENS {
            k = k.checked_sub(1)?;
            let t = self.toks[k];
            if (t.sent != sent_a && t.sent != sent_b) || t.quoted {
                return None;
            }
            let ci = self.cue_at[k];
            if ci == NONE {
                continue;
            }
            let cue = self.cues[ci as usize];
            if cue.according || lx.category(cue.category) == "believe" {
                continue;
            }
            let who = self.subject_before(cue.t0)?;
            return Some(Attr {
                who,
                cue: Some(ci as usize),
                conf: 0.8,
                pattern: Pattern::OuterCue,
            });
        }
        None
    }

    /// `The ministry issued a brief statement on Friday: “…”`: a quote introduced by a colon,
    /// with no reporting verb, belongs to the subject of the introducing sentence.
    fn colon_subject(&mut self, colon: usize) -> Option<Attr> {
        if !self.is_punct(colon, ":") || self.toks[colon].quoted {
            return None;
        }
        let (mut s0, _) = *self.sent_toks.get(self.toks[colon].sent)?;
        while self
            .toks
            .get(s0)
            .is_some_and(|t| t.word && matches!(t.func, Func::Conj | Func::Opener))
        {
            s0 += 1;
        }
        if s0 >= colon {
            return None;
        }
        let who = match self.m_start.get(s0).copied().filter(|&m| m != NONE) {
            Some(mi) if !matches!(self.ms[mi as usize].kind, Kind::Place | Kind::Unknown) => {
                self.resolved_mention(mi as usize)
            }
            Some(mi) if matches!(self.ms[mi as usize].kind, Kind::Unknown) => {
                // A bare capitalized word counts only when it names a known person.
                let r = self.resolved_mention(mi as usize)?;
                (self.ents[r.entity].name_tokens >= 2).then_some(r)
            }
            Some(_) => None,
            None => self.description_after(s0).filter(|d| d.b <= colon),
        }?;
        Some(Attr {
            who,
            cue: None,
            conf: 0.6,
            pattern: Pattern::Colon,
        })
    }
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
pub fn attribute(
    doc: &Doc,
    slicer: &CharSlicer,
    overrides: &[(String, String)],
) -> (Vec<Quote>, Vec<Speaker>) {
    let mut quotes = raw_quotes(doc, slicer);
    let mut ix = Index::build(doc);
    let lx = lexicon();
    let n = doc.quotes.len();
    let mut attrs: Vec<Option<Attr>> = vec![None; n];
    let mut used_cues = vec![false; ix.cues.len()];
    // Cues whose reported clause is still to be found: used only by quoted fragments inside that
    // clause ("Flynn said Trump was “absolutely right” when …").
    let mut clause_cues = vec![true; ix.cues.len()];
    let mut promoted: Vec<Option<QuoteKind>> = vec![None; n];
    let tok_at = |ix: &Index, b: usize| ix.tok_s.partition_point(|&s| (s as usize) < b);
    // Descriptions that speak ("The union rejected …") become entities before quotes are read,
    // so a later "they said" can refer to them.
    for ci in 0..ix.cues.len() {
        let c = ix.cues[ci];
        if !c.according {
            let _ = ix.subject_before(c.t0);
        }
    }
    // Pass 1: a cue next to the quote.
    for (qi, q) in doc.quotes.iter().enumerate() {
        let body = doc
            .paragraphs
            .get(q.paragraph)
            .is_some_and(|p| p.kind.is_body());
        if q.depth != 0 || !body {
            continue;
        }
        if q.kind == QuoteKind::Term {
            // A short quote the text attributes (`“We lost everything,” said X`) is speech.
            let after = tok_at(&ix, q.close.map_or(q.end, |c| c + 1));
            let comma = doc.text()[q.start..q.end].trim_end().ends_with(',');
            let opens = q.open.is_some_and(|o| {
                let before = doc.text()[..o].trim_end();
                before.is_empty() || before.ends_with(['.', ':', '!', '?'])
            });
            if comma && opens {
                if let Some((a, false)) = ix.right(after, q.paragraph) {
                    if let Some(c) = a.cue {
                        used_cues[c] = true;
                        clause_cues[c] = false;
                    }
                    attrs[qi] = Some(a);
                    promoted[qi] = Some(QuoteKind::Direct);
                }
            }
            continue;
        }
        if !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed) {
            continue;
        }
        let open = tok_at(&ix, q.open.unwrap_or(q.start));
        let after = tok_at(&ix, q.close.map_or(q.end, |c| c + 1));
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
                used_cues[c] = true;
                let inside = q.kind == QuoteKind::Mixed && ix.cues[c].t1 <= open;
                clause_cues[c] &= inside;
            }
            attrs[qi] = Some(a);
        }
    }
    // Pass 2: a quote sharing a sentence with an attributed one, then continuations.
    let mut by_sentence: HashMap<usize, Attr> = HashMap::new();
    let sent_of = |b: usize| doc.sentences.partition_point(|s| s.end <= b);
    for (qi, q) in doc.quotes.iter().enumerate() {
        if let Some(a) = attrs[qi] {
            by_sentence.entry(sent_of(q.start)).or_insert(a);
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
        } else if !t.quoted && ix.cue_at[k] != NONE {
            *slot = false;
        }
    }
    let mut last: Option<(usize, Attr)> = None;
    for (qi, q) in doc.quotes.iter().enumerate() {
        let body = doc
            .paragraphs
            .get(q.paragraph)
            .is_some_and(|p| p.kind.is_body());
        if q.depth != 0 || !body || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed) {
            continue;
        }
        if attrs[qi].is_none() {
            if let Some(a) = by_sentence.get(&sent_of(q.start)) {
                attrs[qi] = Some(Attr {
                    conf: a.conf * 0.75,
                    pattern: Pattern::SameSentence,
                    ..*a
                });
            } else if let Some((lp, la)) = last {
                let close_enough = q.paragraph <= lp + 1
                    && (q.paragraph..=lp + 1)
                        .all(|p| doc.paragraphs.get(p).is_some_and(|x| x.kind.is_body()))
                    && quote_only[q.paragraph]
                    || q.paragraph == lp;
                if q.kind == QuoteKind::Direct && close_enough {
                    attrs[qi] = Some(Attr {
                        conf: la.conf * 0.6,
                        cue: None,
                        pattern: Pattern::Continuation,
                        ..la
                    });
                }
            }
        }
        if let Some(a) = attrs[qi] {
            last = Some((q.paragraph, a));
        }
    }
    // Indirect speech from the cues no quote used.
    let skip_cues: Vec<bool> = used_cues
        .iter()
        .zip(&clause_cues)
        .map(|(&u, &c)| u && !c)
        .collect();
    let indirect = indirect::find(&mut ix, &skip_cues, &used_cues, doc);
    let mut fragment_sentence: Option<(usize, Attr)> = None;
    // A short quoted fragment inside a reported clause, or right after a cue ("Comey called her
    // handling “extremely careless”", "dismissed the report as “pure fiction”"), is the
    // speaker's words: a mixed quote, not a scare quote.
    for (qi, q) in doc.quotes.iter().enumerate() {
        let body = doc
            .paragraphs
            .get(q.paragraph)
            .is_some_and(|p| p.kind.is_body());
        if q.kind != QuoteKind::Term || q.depth != 0 || !body || attrs[qi].is_some() {
            continue;
        }
        let (qs, qe) = (q.open.unwrap_or(q.start), q.close.map_or(q.end, |c| c + 1));
        let inside = indirect
            .iter()
            .find(|(sp, _)| sp.0 <= qs && qe <= sp.1 + 1)
            .map(|(_, a)| *a);
        if inside.is_some() {
            // The reported clause around it already carries these words.
            continue;
        }
        let a = inside.or_else(|| {
            let open = tok_at(&ix, qs);
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
            let sent = sent_of(qs);
            fragment_sentence
                .filter(|(s, _)| *s == sent)
                .map(|(_, a)| a)
        });
        if let Some(a) = a {
            attrs[qi] = Some(Attr {
                conf: a.conf * 0.9,
                pattern: Pattern::Fragment,
                ..a
            });
            promoted[qi] = Some(QuoteKind::Mixed);
            fragment_sentence = Some((sent_of(qs), a));
        }
    }
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
        let raw = (a.conf * a.who.conf).clamp(0.0, 1.0);
        let conf = confidence::calibrated(a.pattern.as_str(), class).unwrap_or(raw);
        // Three decimals: the table is not finer, and the value survives JSON.
        q.confidence = (conf * 1000.0).round() / 1000.0;
        q.pattern = Some(format!("{}/{}", a.pattern.as_str(), class));
        q.speaker = ix.ents.get(e).map(|x| x.name.clone());
    };
    // raw_quotes keeps doc.quotes order.
    for (qi, q) in quotes.iter_mut().enumerate() {
        if let Some(a) = attrs.get(qi).copied().flatten() {
            fill(&mut ix, q, &a);
            if let Some(kind) = promoted.get(qi).copied().flatten() {
                q.kind = kind;
            }
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
    let attrs_entity: Vec<Option<usize>> = attrs
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
    quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    let speakers = ix
        .ents
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            // People and outlets the body presents, not every capitalized phrase or caption.
            let in_body = ix.first_tok.get(*i).is_some_and(|&t| t != usize::MAX);
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
        let doc = Doc::new(t).unwrap();
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
    fn pronoun_prefers_subject_and_respects_gender() {
        let (qs, _) = run(
            "Senator Mark Hill met Governor Dan Price. “We need help now,” he said.\n\
             Mary Stone and Tom Baines spoke. “We kept our word,” she said.",
        );
        assert_eq!(speaker_of(&qs, "We need").as_deref(), Some("Mark Hill"));
        assert_eq!(speaker_of(&qs, "We kept").as_deref(), Some("Mary Stone"));
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
                let Ok(doc) = Doc::new(&t) else { continue };
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
