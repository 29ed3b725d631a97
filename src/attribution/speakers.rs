//! The speaker of a quote from its neighbourhood: the cue and speaker after it, the cue before it, a colon, a signature.

use super::*;

impl<'a> Index<'a> {
    /// The speaker right after token `a` ("said Lieutenant Gen. Jing", "said the ministry").
    pub(super) fn speaker_after(&mut self, a: usize) -> Option<Resolved> {
        self.speaker_after_with(a, true)
    }

    /// `person`: any person noun may head a description there (see
    /// [`Self::speaker_description_after`]).
    fn speaker_after_with(&mut self, a: usize, person: bool) -> Option<Resolved> {
        let mut k = a;
        while self.skippable(k) {
            k += 1;
        }
        for j in [k, k + 1] {
            if j > k && !self.toks.get(k).is_some_and(|t| t.func == Func::Det) {
                break;
            }
            if let Some(mi) = self.m_start.get(j).copied().flatten() {
                let m = &self.ms[mi as usize];
                // "the Nikkei", "the Kyodo news agency": the name, not the description.
                if !matches!(m.kind, Kind::Pronoun(Func::Rel) | Kind::Place) || j == k {
                    return self.resolved_mention(mi as usize);
                }
            }
        }
        if person {
            self.speaker_description_after(k)
        } else {
            self.description_after(k)
        }
    }

    /// The noun phrase after "according to" that no rule names ("early results of exit polls
    /// conducted by Edison Research", "people in attendance", "the foundation's tally"): it runs
    /// to the next comma or the end of the sentence.
    pub(super) fn np_after(&mut self, a: usize) -> Option<Resolved> {
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

    /// `“…,” he said` / `“…,” said X` / `“…,” according to X`, starting at token `k`.
    pub(super) fn right(&mut self, k: usize, para: usize) -> Option<(Attr, bool)> {
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
        if let Some(ci) = self.cue_at.get(c0).copied().flatten() {
            let cue = self.cues[ci as usize];
            if crossed && !cue.according {
                return None;
            }
            // "“Why?” asked Paul Manafort", "“It will fail,” warned Smith": an addressee verb
            // put before its subject is inverted like any cue; only "told" never is (after a
            // quote, "told Smith" names whom the speaker told).
            let told = matches!(self.word(cue.t0), "told" | "tells" | "tell" | "telling");
            if !cue.addressee || cue.according || !told {
                // Across a sentence end ("“…” Calls men names …") only the usual heads.
                let who = self
                    .speaker_after_with(cue.t1, !crossed)
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
        let named = self.m_start.get(k).copied().flatten().filter(|&m| {
            {
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
            if let Some(mi) = self.m_start.get(k).copied().flatten() {
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
            // Any person noun, when a name in apposition follows ("the assailant, John
            // McGraw, said"); else the usual heads, and the noun-phrase rule below resolves
            // the rest ("the New York developer said" → the developer just named).
            self.description_after(k)
                .or_else(|| {
                    self.speaker_description_after(k).filter(|d| {
                        self.is_punct(d.b, ",")
                            && self
                                .m_start
                                .get(d.b + 1)
                                .copied()
                                .flatten()
                                .is_some_and(|m| self.ms[m as usize].kind == Kind::Person)
                    })
                })
                .map(|d| (d, d.b))
        };
        if let Some((mut who, mut after)) = who {
            // "Egypt's foreign minister, Badr Abdelatty, said": the name in apposition.
            if self.is_punct(after, ",") {
                if let Some(mi) = self.m_start.get(after + 1).copied().flatten() {
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
            // Past an apposition, another aside may share its closing comma ("Scott Pruitt, the
            // attorney general of Oklahoma, one of the states suing, said").
            if after > 0
                && self.is_punct(after - 1, ",")
                && self
                    .cue_at
                    .get(self.skip_adverbs(after))
                    .copied()
                    .flatten()
                    .is_none()
                && self.aside_close(after - 1, ",").is_some()
            {
                after -= 1;
            }
            for _ in 0..4 {
                let next = self.skip_aside(after);
                if next == after {
                    break;
                }
                after = next;
            }
            let c = self.skip_adverbs(after);
            if let Some(ci) = self.cue_at.get(c).copied().flatten() {
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
        let c = (k..(k + params::GENERIC_SUBJECT_TOKENS + 4).min(self.toks.len()))
            .take_while(|&j| self.same_sentence(j, k) && !self.toks[j].quoted)
            .find(|&j| self.cue_at[j].is_some())?;
        let ci = self.cue_at[c]? as usize;
        let who = self
            .generic_subject(c)
            .filter(|w| w.a == k)
            .or_else(|| self.description_with_place(k, c))?;
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

    /// "a narrator in the Clinton ad asks", "an official at the embassy said", "one source on
    /// the panel said": a person noun after a determiner, then a prepositional phrase that runs
    /// to the cue at `c`; the speaker is the noun phrase before the preposition.
    fn description_with_place(&mut self, k: usize, c: usize) -> Option<Resolved> {
        let first = *self.toks.get(k)?;
        let mut buf = String::new();
        let quantifier = super::descriptions::quantifier_word(lower_into(self.word(k), &mut buf));
        if !first.word || !(first.func == Func::Det || quantifier) {
            return None;
        }
        let det = lower_into(self.word(k), &mut buf).to_string();
        let prep = (k + 1..c).find(|&j| self.toks[j].func == Func::Prep)?;
        let plain = |j: usize| {
            let t = self.toks[j];
            !t.quoted && (t.word || t.func == Func::Possessive)
        };
        // A short place or affiliation, not a coordination ("the former secretary of state and
        // current nominee said" is one long description the other rules read).
        let short = c - prep <= 6 && !(k..c).any(|j| self.toks[j].func == Func::Conj);
        if prep < k + 2 || !short || !(k + 1..c).all(plain) {
            return None;
        }
        if !matches!(
            self.word(prep),
            "in" | "at" | "on" | "from" | "for" | "with" | "of"
        ) {
            return None;
        }
        let head = prep - 1;
        let hw = lower_into(self.word(head), &mut buf).to_string();
        let singular = hw.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(&hw);
        let speaks = person_noun(&hw)
            || person_noun(singular)
            || DESCRIPTION_HEADS.contains(hw.as_str())
            || self.toks[head].lex.title;
        if !speaks || self.toks[head].cap {
            return None;
        }
        self.resolve_description(k, prep, &hw, Some(det.as_str()))
            .map(|mut r| {
                r.conf = r.conf.min(0.6);
                r
            })
    }

    /// Past an aside between a speaker and the cue: "(D-Mo.)", ", 82,", ", R-Ky.,", ", a senior
    /// strategist for the Asia-Pacific for Rabobank,". Returns `k` when none stands there.
    pub(super) fn skip_aside(&self, k: usize) -> usize {
        let close = match self.word(k) {
            "(" => ")",
            "," => ",",
            _ => return k,
        };
        let Some(j) = self.aside_close(k, close) else {
            return k;
        };
        // "(R-Utah) said", "(D-Mo.), said", and asides in a row that share their commas
        // ("(R-Ohio), an oversight panel member, said", ", R-Ohio, a panel member, said"): stop
        // on a comma that opens another aside.
        let after = if close == ")" { j + 1 } else { j };
        if self.is_punct(after, ",") {
            let c = self.skip_adverbs(after + 1);
            if self.cue_at.get(c).copied().flatten().is_some() {
                return after + 1;
            }
            if self.aside_close(after, ",").is_some() {
                return after;
            }
            return after + 1;
        }
        after
    }

    /// The token closing the aside opened at `k` with `close` (")" or ","), at least one token
    /// later and within [`params::ASIDE_TOKENS`]; none when a quote, a cue or the sentence's
    /// end comes first.
    fn aside_close(&self, k: usize, close: &str) -> Option<usize> {
        let limit = (k + 1 + params::ASIDE_TOKENS).min(self.toks.len());
        for j in k + 1..limit {
            let t = self.toks[j];
            if t.quoted || !self.same_sentence(j, k) || self.cue_at[j].is_some() {
                return None;
            }
            if self.word(j) == close && j > k + 1 {
                return Some(j);
            }
        }
        None
    }

    /// "said 9/11 widow Terry Strada": a person named within a few words after an inverted cue.
    pub(super) fn person_soon_after(&self, a: usize) -> Option<Resolved> {
        let lo = self.ms_t0.partition_point(|&t0| (t0 as usize) < a);
        let m = self.ms.get(lo)?;
        let near = m.d0 <= a + params::INVERTED_SPEAKER_GAP && m.kind == Kind::Person;
        let clear = (a..m.t0)
            .all(|j| !self.toks[j].quoted && self.same_sentence(j, a) && self.cue_at[j].is_none());
        (near && clear).then(|| self.resolved_mention(lo)).flatten()
    }

    /// `Kishida stated that “…”`, `with Johnson saying: “…”`, `X responded that … “…”`:
    /// the nearest cue before the quote (in its sentence, or a sentence ending in a colon).
    pub(super) fn left(&mut self, open: usize) -> Option<Attr> {
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
            if let Some(ci) = self.cue_at[k] {
                let cue = self.cues[ci as usize];
                let opens_sentence = cue.t0 == 0 || !self.same_sentence(cue.t0 - 1, cue.t0);
                let who = if cue.according {
                    self.speaker_after(cue.t1)
                } else if opens_sentence {
                    // `Said Comey, “…”`: an inverted cue opening the sentence (only the usual
                    // heads: "Calls men names, like “pigs”" is a list item, not a speaker).
                    self.speaker_after_with(cue.t1, false)
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
    pub(super) fn outer_speech_cue(
        &mut self,
        before: usize,
        sent_a: usize,
        sent_b: usize,
    ) -> Option<Attr> {
        let lx = lexicon();
        let mut k = before;
        for _ in 0..params::OUTER_CUE_TOKENS {
            k = k.checked_sub(1)?;
            let t = self.toks[k];
            if (t.sent != sent_a && t.sent != sent_b) || t.quoted {
                return None;
            }
            let Some(ci) = self.cue_at[k] else {
                continue;
            };
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
    pub(super) fn colon_subject(&mut self, colon: usize) -> Option<Attr> {
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
        // "On July 6, 2015, Sanders made the following comment:": past a fronted phrase.
        if self
            .toks
            .get(s0)
            .is_some_and(|t| t.word && t.func == Func::Prep)
        {
            if let Some(comma) = (s0..colon.min(s0 + params::ASIDE_TOKENS))
                .filter(|&k| self.is_punct(k, ","))
                .find(|&k| {
                    !self
                        .toks
                        .get(k + 1)
                        .is_some_and(|t| t.digit || self.is_punct(k + 1, ","))
                })
            {
                s0 = comma + 1;
            }
        }
        if s0 >= colon {
            return None;
        }
        // "The White House issued a statement:": the name after its article.
        if self.toks[s0].func == Func::Det
            && self.m_start.get(s0).copied().flatten().is_none()
            && self.m_start.get(s0 + 1).copied().flatten().is_some()
        {
            s0 += 1;
        }
        let who = match self.m_start.get(s0).copied().flatten() {
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
