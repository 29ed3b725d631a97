//! Who a mention refers to: pronoun antecedents, resolved mentions, the kind of speaker mention.

use super::tokens::func_of;
use super::*;

impl<'a> Index<'a> {
    /// Resolve every pronoun once, in text order, so chains of "he" follow each other.
    pub(super) fn resolve_pronouns(&mut self) {
        for mi in 0..self.ms.len() {
            let Kind::Pronoun(f) = self.ms[mi].kind else {
                continue;
            };
            let r = match f {
                Func::Rel => self.relative_antecedent(mi),
                Func::It if self.pleonastic(mi) => None,
                _ => {
                    let named = self.antecedent(mi, f);
                    // "The union endorsed … It said": a group described in a later sentence
                    // than the last entity that fits is the nearer antecedent.
                    let after = named.map_or(0, |(_, sent)| sent + 1);
                    match self.collective_antecedent(mi, after) {
                        Some(e) => Some(e),
                        None => named.map(|(e, _)| e),
                    }
                }
            };
            if let Some(e) = r {
                self.res[mi] = e;
                // "Twitter said … It added": the speaker "it" stands for is an organization.
                if f == Func::It {
                    self.type_untyped_as_organization(e);
                }
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
    pub(super) fn pleonastic(&self, mi: usize) -> bool {
        let k = self.ms[mi].t1;
        // "It is denouncing …", "It was seeking …": a progressive verb has a subject.
        let next = self.word(k + 1);
        let progressive = matches!(self.word(k), "is" | "was" | "'s")
            && next.len() > 5
            && next.ends_with("ing")
            && !matches!(
                next,
                "becoming" | "getting" | "going" | "beginning" | "starting"
            );
        !progressive
            && (matches!(
                self.word(k),
                "is" | "was" | "seems" | "seemed" | "appears" | "appeared" | "remains" | "'s"
            ) || (self.toks.get(k).is_some_and(|t| t.func == Func::Possessive)))
    }

    /// "Fumio Kishida, who announced": the name right before "who".
    pub(super) fn relative_antecedent(&self, mi: usize) -> Option<usize> {
        let t0 = self.ms[mi].t0;
        let mut k = t0.checked_sub(1)?;
        if self.is_punct(k, ",") {
            k = k.checked_sub(1)?;
        }
        let m = (*self.m_end.get(k)?)?;
        // "Nicky Driscoll, 24, from Manchester, who said": a place is where the person is
        // from; "who" is the person named before it in the sentence.
        if matches!(self.ms[m as usize].kind, Kind::Place) || self.locative(m as usize) {
            let lo = self.ms_t1.partition_point(|&t1| (t1 as usize) + 12 < t0);
            return (lo..m as usize)
                .rev()
                .filter(|&j| {
                    self.ms[j].kind == Kind::Person && self.same_sentence(self.ms[j].t0, t0)
                })
                .map(|j| self.res[j])
                .find(|&e| e != usize::MAX);
        }
        let e = self.res[m as usize];
        (e != usize::MAX).then_some(e)
    }

    /// The nearest earlier compatible entity for a pronoun, preferring sentence subjects.
    /// The entity a pronoun refers to, with the sentence of the mention that gave it.
    pub(super) fn antecedent(&self, mi: usize, f: Func) -> Option<(usize, usize)> {
        let para = self.toks[self.ms[mi].t0].para;
        let mut fallback: Option<(usize, usize)> = None;
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
                    // Not "the Fourteenth Amendment highlighted and …": a verb with nothing after it.
                    // "“…,” said Tad Devine, an adviser. “…,” he said": the inverted speaker,
                    // and one whose apposition stands before the cue, too.
                    let spoke = (self.cue_at.get(m.t1).is_some_and(|c| c.is_some())
                        && !self
                            .toks
                            .get(m.t1 + 1)
                            .is_some_and(|t| t.func == Func::Conj))
                        || self.spoke_after_apposition(m)
                        || super::mentions::inverted_speaker(&self.toks, m);
                    let named = m.kind != Kind::Unknown || ent.name_tokens >= 2 || spoke;
                    // A name of two capitalized words is a person when something says so: a
                    // title, a known given name or gender, speech, or a surname the article
                    // uses alone ("Perez" for "Tom Perez"); "Palo Alto", "Sandy Hook" and
                    // "Art Deco" have none of these.
                    // Two capitalized words the lexicon does not know need that evidence too
                    // ("the Fourteenth Amendment … She says").
                    let evidence = !matches!(m.kind, Kind::Person | Kind::Unknown)
                        || m.kind == Kind::Unknown && ent.name_tokens < 2
                        || self.person_evidence_with(e, spoke)
                        || self.appositive_person(j);
                    // "LGBT Americans", "Muslim Americans": a group named by its demonym is
                    // never "he" or "she".
                    let last = ent.name.rsplit(' ').next().unwrap_or("").to_lowercase();
                    let group = last.len() > 4
                        && last.ends_with('s')
                        && lexicon().word(&last[..last.len() - 1]).country.is_some();
                    ent.is_person() && gender_ok && named && evidence && !group
                }
                Func::They | Func::It => {
                    ent.is_collective() || (f == Func::It && self.untyped_speaker(e))
                }
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
            let sent = self.toks[m.t0].sent;
            if m.subjectish {
                return Some((e, sent));
            }
            fallback.get_or_insert((e, sent));
        }
        fallback
    }

    /// Whether entity `e` is a person only because nothing typed it: one capitalized word the
    /// lexicon does not know ("Twitter", "Exxon", "FBI"), with no title, no gender, no
    /// description, that spoke. "It" and "the company" may stand for it ("Twitter said … It
    /// added"); a person is introduced by a full name or a title, and is never "it".
    pub(super) fn untyped_speaker(&self, e: usize) -> bool {
        self.ents.get(e).is_some_and(|ent| {
            ent.is_person()
                && ent.name_tokens == 1
                && ent.titles.is_empty()
                && ent.description_heads.is_empty()
                && self.gender.get(e).is_some_and(|&g| g == 0)
                && self.spoke.get(e).copied().unwrap_or(false)
        })
    }

    /// Entity `e` typed an organization when it is an [`Self::untyped_speaker`] that "it" or
    /// an organization's description stands for.
    pub(super) fn type_untyped_as_organization(&mut self, e: usize) {
        if self.untyped_speaker(e) {
            self.ents[e].kind = EntityKind::Organization;
        }
    }

    /// "Alixandria Lapp, executive director of the House Majority PAC, said": a reporting verb
    /// right after the comma that closes the mention's apposition (within
    /// [`params::ASIDE_TOKENS`] tokens of its sentence).
    fn spoke_after_apposition(&self, m: &Mention) -> bool {
        if !self.is_punct(m.t1, ",") {
            return false;
        }
        // Over a chain of appositions too: "Lapp, executive director of the House Majority
        // PAC, a Democratic super PAC, said".
        (m.t1 + 2..m.t1 + 2 + params::ASIDE_TOKENS)
            .take_while(|&k| k < self.toks.len() && self.same_sentence(m.t1, k))
            .filter(|&k| self.is_punct(k, ","))
            .any(|k| self.cue_at.get(k + 1).is_some_and(|c| c.is_some()))
    }

    /// Whether something says entity `e` is a person and not a place or thing with a two-word
    /// name ("Palo Alto", "New Bedford"): a title, a known gender, its surname used alone, or a
    /// mention of it right before a reporting verb.
    pub(super) fn person_evidence(&self, e: usize) -> bool {
        self.person_evidence_with(e, self.spoke.get(e).copied().unwrap_or(false))
    }

    /// [`Self::person_evidence`] with `spoke` saying whether the mention at hand (or, for the
    /// entity, any of its mentions) stands right before a reporting verb.
    fn person_evidence_with(&self, e: usize, spoke: bool) -> bool {
        let Some(ent) = self.ents.get(e) else {
            return false;
        };
        spoke
            || !ent.titles.is_empty()
            || self.gender.get(e).is_some_and(|&g| g != 0)
            || ent.name_tokens < 2
            || self.surname_used(e)
    }

    /// Whether mention `mi` has an apposition only a person has: an age ("Guadalupe
    /// Potocacetpl, 35, said") or a person noun before it ("One voter, Juan Ortiz, came").
    fn appositive_person(&self, mi: usize) -> bool {
        let m = &self.ms[mi];
        let (a, b) = (m.t0, m.t1);
        let age = self.is_punct(b, ",")
            && self
                .toks
                .get(b + 1)
                .is_some_and(|t| t.digit && self.word(b + 1).len() <= 3)
            && self.toks.get(b + 2).is_some_and(|t| !t.word);
        let mut buf = String::new();
        let noun_before = a >= 2
            && self.is_punct(a - 1, ",")
            && self.same_sentence(a - 2, a)
            && self.toks[a - 2].word
            && !self.toks[a - 2].cap
            && super::person_noun(lower_into(self.word(a - 2), &mut buf));
        age || noun_before
    }

    /// Whether the article names entity `e` by its last word alone ("Perez" for "Tom Perez").
    fn surname_used(&self, e: usize) -> bool {
        let Some(ent) = self.ents.get(e) else {
            return false;
        };
        let last = ent.name.rsplit(' ').next().unwrap_or("");
        ent.aliases.iter().any(|a| a == last)
    }

    /// The entity a mention stands for; a pronoun no name explains may stand for an entity
    /// introduced by a description ("The union rejected the offer. … they said").
    pub(super) fn mention_entity(&self, mi: usize) -> Option<usize> {
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
                let Some(ft) = self.first_tok.get(g).copied().flatten() else {
                    return false;
                };
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

    pub(super) fn resolved_mention(&self, mi: usize) -> Option<Resolved> {
        let e = self.mention_entity(mi)?;
        let m = &self.ms[mi];
        // A country or capital speaks for its government ("Beijing said"); a state, city or
        // region does not ("a woman in Worcester told him").
        if m.kind == Kind::Place && m.side.is_none() {
            return None;
        }
        // A title or party tag alone is no one: "Sen." of "Sen. Chuck Grassley", "VP",
        // "R-Texas" ("Ted Cruz, R-Texas, … said").
        if self.ents.get(e).is_some_and(|ent| bare_label(&ent.name)) {
            return None;
        }
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

    /// The most recent person named (not a pronoun) before token `before`, within the window a
    /// definite description reaches back.
    pub(super) fn recent_person(&self, before: usize) -> Option<usize> {
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
            // "Cedar Rapids" read as a name is no one to re-describe: a person needs evidence.
            if self.ents.get(e).is_some_and(|x| x.is_person()) && self.person_evidence(e) {
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
    pub(super) fn unresolved_pronoun(&self, mi: usize) -> Option<Resolved> {
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

    /// An "it"/"they" no named entity explains: the collective description that is the
    /// subject of its sentence or of one of the two before it ("The union endorsed Clinton on
    /// Thursday. It said she would …", "The campaign is defending the tweets. It is denouncing
    /// what it calls …"). Its entity is the description's group. Only sentences from `after` on
    /// count.
    fn collective_antecedent(&mut self, mi: usize, after: usize) -> Option<usize> {
        let (t0, kind) = (self.ms[mi].t0, self.ms[mi].kind);
        let Kind::Pronoun(f @ (Func::It | Func::They)) = kind else {
            return None;
        };
        let here = self.toks[t0];
        let mut buf = String::new();
        for s in (here.sent.saturating_sub(2).max(after)..=here.sent).rev() {
            let (s0, s1) = *self.sent_toks.get(s)?;
            if s0 >= s1 || self.toks[s0].para + 1 < here.para || !self.toks[s0].body {
                continue;
            }
            // The subject opens the sentence: a determiner or possessive, modifiers (names
            // included: "the Trump campaign"), then the head noun and a lowercase word after it.
            let first = lower_into(self.word(s0), &mut buf);
            // "Donald Trump's campaign is defending …": a name's group.
            let owner = self.m_start.get(s0).copied().flatten().is_some()
                && (s0 + 1..s1.min(s0 + 5)).any(|k| self.toks[k].func == Func::Possessive);
            if !matches!(first, "the" | "this" | "its" | "their")
                && self.toks[s0].func != Func::Det
                && !owner
            {
                continue;
            }
            let end = s1.min(t0).min(s0 + 6);
            let head = (s0 + 1..end).find(|&k| {
                let t = self.toks[k];
                t.word
                    && !t.cap
                    && !t.quoted
                    && COLLECTIVE_HEADS.contains(lower_into(self.word(k), &mut buf))
            });
            let Some(head) = head else {
                continue;
            };
            let modifiers_ok = (s0 + 1..head).all(|k| {
                let t = self.toks[k];
                (t.word && t.func == Func::None && t.lex.cue.is_none() && !t.quoted)
                    || t.func == Func::Possessive
            });
            let verb_after = self.toks.get(head + 1).is_some_and(|t| {
                t.word && !t.cap && !matches!(t.func, Func::Prep | Func::Conj | Func::Possessive)
            });
            let plural = self.word(head).ends_with('s');
            if !modifiers_ok || !verb_after || (f == Func::It && plural) {
                continue;
            }
            let hw = lower_into(self.word(head), &mut buf).to_string();
            let det = lower_into(self.word(s0), &mut buf).to_string();
            let det = (!owner).then_some(det.as_str());
            if let Some(r) = self.resolve_description(s0, head + 1, &hw, det) {
                return (r.entity != usize::MAX).then_some(r.entity);
            }
        }
        None
    }

    /// What kind of words name the speaker: "name", "pronoun" (resolved), "unresolved" (a
    /// pronoun with no antecedent), "place" (a capital as metonym) or "description".
    pub(super) fn mention_class(&self, who: &Resolved) -> &'static str {
        if who.entity == usize::MAX {
            return "unresolved";
        }
        let mi = self.m_start.get(who.a).copied().flatten();
        match mi.and_then(|mi| self.ms.get(mi as usize)).map(|m| m.kind) {
            Some(Kind::Pronoun(_)) => "pronoun",
            Some(Kind::Place) => "place",
            Some(_) if self.groups.values().all(|&g| g != who.entity) => "name",
            _ => "description",
        }
    }

    /// Whether a speaker's name is not one: a state or city ("Colorado", "South Carolina"), a
    /// time or number ("Hours", "2012"), a pronoun the mention finder let through ("you"), or a
    /// capitalized -ing word opening a sentence ("Having", "Rattling off", "Using Ted Cruz").
    pub(super) fn junk_speaker(&self, who: &Resolved) -> bool {
        let Some(ent) = self.ents.get(who.entity) else {
            return false;
        };
        if matches!(ent.kind, EntityKind::Organization | EntityKind::Media) {
            return false;
        }
        let lx = lexicon();
        let words: Vec<String> = ent
            .name
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let Some(first) = words.first() else {
            return true;
        };
        let place = words.iter().all(|w| {
            let i = lx.word(w);
            i.region && i.country.is_none() && i.capital.is_none()
        });
        let capitalized = ent.name.starts_with(|c: char| c.is_uppercase());
        // "Having", "Rattling off": an -ing word the article also writes in lowercase (so not
        // "Beijing", "Manning" or "Irving").
        let gerund = capitalized
            && first.len() > 4
            && first.ends_with("ing")
            && self.lowercase.contains(first.as_str());
        let single = words.len() == 1;
        let bare = single
            && (first.chars().all(|c| c.is_ascii_digit())
                || func_of(first).0 == Func::Time
                || TIME_NOUNS.contains(first.as_str())
                || matches!(first.as_str(), "you" | "him" | "her" | "them" | "me" | "us"));
        // "DEMOGRAPHICS FAVOR CRUZ": a headline in capitals, not a name.
        let shouted = words.len() >= 2
            && ent
                .name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
        // "Samantha Lachman contributed", "anti-Washington feeling proclaimed": a verb ends it —
        // written in lowercase, or an -ed word the article also writes in lowercase (so not
        // "Jon Husted", "Lou Reed" or "Abiy Ahmed").
        let last = words.last().map_or("", |w| w.as_str());
        let last_raw = ent.name.split_whitespace().last().unwrap_or("");
        let verb_tail = words.len() >= 2
            && last.len() > 4
            && last.ends_with("ed")
            && (last_raw.starts_with(|c: char| c.is_lowercase()) || self.lowercase.contains(last));
        // "Earlier", "Reportedly": a lone adverb.
        // "Please" (from "Please know that …"): a word that only opens sentences.
        let lone_word = single
            && (func_of(first).1
                || first == "please"
                || (first.ends_with("ly") && first.len() > 4));
        // "Another tweeted", "More said", "all five": a quantifier with no noun.
        // "Most said", "Some say" (a group the article is about) are kept.
        let quantity = words.iter().all(|w| QUANTIFIERS.contains(w.as_str()))
            && !(ent.kind == EntityKind::Group
                && words.iter().any(|w| super::subjects::group_quantifier(w)));
        place || gerund || bare || shouted || verb_tail || lone_word || quantity
    }
}

/// Quantifiers and number words that are no speaker without their noun ("Another", "all five").
static QUANTIFIERS: crate::lexicon::Words = crate::lexicon::Words::new("quantifiers");

/// Nouns for organizations and bodies that "it" or "they" can stand for ("the union", "the
/// campaign", "the committee").
static COLLECTIVE_HEADS: crate::lexicon::Words = crate::lexicon::Words::new("collective_heads");

/// Plural time nouns that open sentences ("Hours later, …") and are never speakers.
static TIME_NOUNS: crate::lexicon::Words = crate::lexicon::Words::new("time_nouns");

/// Whether a speaker name is only title words ("Sen.", "VP", "Gov.") or a party and state tag
/// ("R-Texas", "D-N.Y."): a label, not a name.
pub(super) fn bare_label(name: &str) -> bool {
    let lx = lexicon();
    let tag = |w: &str| matches!(w.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
    let mut buf = String::new();
    !name.is_empty()
        && name.split(' ').all(|w| {
            let t = w.trim_end_matches('.');
            buf.clear();
            buf.push_str(&t.to_lowercase());
            // An abbreviation ("Sen.", "Gov.", "VP"), not a description ("the senator").
            let abbreviated =
                w.ends_with('.') || w.len() <= 4 && w.chars().all(|ch| ch.is_ascii_uppercase());
            let dotted = format!("{buf}.");
            tag(w)
                || abbreviated
                    && (lx.word(&buf).title
                        || lx.word(&dotted).title
                        || matches!(buf.as_str(), "vp" | "sen" | "rep" | "gov" | "lt" | "gen"))
        })
}
