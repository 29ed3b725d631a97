//! Descriptions that speak ("the defense secretary", "American officials", "a top Chinese military leader"), resolved to an entity or standing for themselves.

use super::*;

impl<'a> Index<'a> {
    /// A description ending just before token `end` ("the defense secretary", "American
    /// officials", "a top Chinese military leader"), resolved to an entity.
    pub(super) fn description_before(&mut self, end: usize) -> Option<Resolved> {
        self.description_before_with(end, false)
    }

    /// The noun phrase a "who" stands for ("an architect who said he was stiffed"): the
    /// pronoun makes it a person whatever its head noun.
    pub(super) fn antecedent_of_who(&mut self, end: usize) -> Option<Resolved> {
        self.description_before_with(end, true)
    }

    fn description_before_with(&mut self, end: usize, any_head: bool) -> Option<Resolved> {
        let mut head = end.checked_sub(1)?;
        let mut buf = String::new();
        let is_head = |ix: &Self, k: usize, buf: &mut String| -> bool {
            let t = ix.toks[k];
            let sentence_start = k == 0 || !ix.same_sentence(k - 1, k);
            let common_noun = any_head
                && t.func == Func::None
                && t.lex.cue.is_none()
                && !t.adverb
                && !t.digit
                && ix.word(k).len() > 2;
            t.word
                && !t.quoted
                && (!t.cap || sentence_start)
                && (DESCRIPTION_HEADS.contains(lower_into(ix.word(k), buf))
                    || t.lex.title
                    || common_noun)
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
        // "listeners to his radio program who said": a noun only "who" makes a person is
        // not taken from inside a prepositional phrase, whose object is rarely the one meant.
        let known = DESCRIPTION_HEADS.contains(hw.as_str()) || self.toks[head].lex.title;
        if any_head && !known && a > 0 && self.toks[a - 1].func == Func::Prep {
            return None;
        }
        if det.is_none() {
            // A bare description must open its clause ("But American officials denied").
            // "…, where restructuring experts say": a subordinate clause opens there too.
            let opens = a == 0
                || !self.same_sentence(a - 1, a)
                || self.toks[a - 1].func == Func::Conj
                || self.is_punct(a - 1, ",")
                || matches!(
                    lower_into(self.word(a - 1), &mut buf),
                    "where" | "when" | "while" | "because" | "although" | "though" | "since"
                );
            if !opens {
                return None;
            }
        }
        // The person "who" stands for is this one, never a name introduced after it.
        self.resolve_description_with(a, end, &hw, det.as_deref(), !any_head)
    }

    /// A description starting at token `a` ("said the ministry", "according to experts").
    pub(super) fn description_after(&mut self, a: usize) -> Option<Resolved> {
        self.description_after_with(a, false)
    }

    /// [`Self::description_after`] where the position already makes the phrase the speaker (it
    /// follows a speech verb, or a cue follows it: "…,” said the woman", "…,” the assailant,
    /// John McGraw, said"): any person noun heads it, not only the usual speakers' heads.
    pub(super) fn speaker_description_after(&mut self, a: usize) -> Option<Resolved> {
        self.description_after_with(a, true)
    }

    fn description_after_with(&mut self, a: usize, person: bool) -> Option<Resolved> {
        let mut buf = String::new();
        let mut k = a;
        let first = self.toks.get(a)?;
        // "one Democratic source", "another official", "two senior aides": a quantifier opens
        // the phrase as a determiner does.
        let quantifier = first.word
            && !first.quoted
            && (first.digit || quantifier_word(lower_into(self.word(a), &mut buf)));
        let det = if first.word && (first.func == Func::Det || quantifier) {
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
            // "The governor met union leaders before warning …": past its head, a verb in
            // the past ends the phrase (no description runs on into its own predicate).
            if last_head.is_some() && !t.cap && past_verb(&lw) {
                break;
            }
            if DESCRIPTION_HEADS.contains(lw.as_str())
                || t.lex.title
                || person && super::person_noun(&lw)
            {
                last_head = Some(k);
            }
            k += 1;
        }
        let mut h = last_head?;
        // "the former model", "the late congressman": a time modifier is no head; the noun
        // after it is.
        if matches!(
            lower_into(self.word(h), &mut buf),
            "former" | "late" | "then" | "onetime" | "longtime" | "future" | "ex"
        ) && self.toks.get(h + 1).is_some_and(|t| {
            t.word && !t.quoted && !t.cap && t.func == Func::None && self.same_sentence(h, h + 1)
        }) && !past_verb(lower_into(self.word(h + 1), &mut buf))
        {
            h += 1;
        }
        let hw = lower_into(self.word(h), &mut buf).to_string();
        // "“…,” said the 46-year-old": an age re-describes the last person named, as "the
        // lanky professor" does.
        if hw.ends_with("-year-old") && det.as_deref() == Some("the") {
            if let Some(e) = self.recent_person(a) {
                return Some(Resolved {
                    entity: e,
                    a,
                    b: h + 1,
                    conf: 0.6,
                });
            }
        }
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
            if let Some(mi) = self.m_start.get(j).copied().flatten() {
                let m = &self.ms[mi as usize];
                // "a report by Politico": a lone capitalized name after a document is its
                // publisher.
                let publisher = m.kind == Kind::Unknown && !spokes;
                if matches!(m.kind, Kind::Org | Kind::Media)
                    || (m.kind == Kind::Person && !spokes)
                    || publisher
                {
                    return self.resolved_mention(mi as usize);
                }
            }
        }
        self.resolve_description(a, h + 1, &hw, det.as_deref())
    }

    pub(super) fn resolve_description(
        &mut self,
        a: usize,
        b: usize,
        head: &str,
        det: Option<&str>,
    ) -> Option<Resolved> {
        self.resolve_description_with(a, b, head, det, true)
    }

    /// `forward`: an indefinite description may introduce the next name ("a top Chinese
    /// military leader … Lt. Gen. Jing Jianfeng said").
    fn resolve_description_with(
        &mut self,
        a: usize,
        b: usize,
        head: &str,
        det: Option<&str>,
        forward: bool,
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
        let plural = head.ends_with('s') && !head.ends_with("ss")
            || super::subjects::group_quantifier(head)
            || matches!(head, "them" | "us");
        let before = self
            .m_end
            .get(a)
            .map(|_| self.ms_t1.partition_point(|&t1| t1 as usize <= a))
            .unwrap_or(0);
        if definite || (det.is_some() && !indefinite && !plural) {
            let media = MEDIA_HEADS.contains(head);
            let org = ORG_HEADS.contains(head);
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
                        && self.gender_fits(e, head)
                        && (ent
                            .titles
                            .iter()
                            .any(|t| t.split(' ').any(|w| w == head || same_role(head, w)))
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
                // "the company said" after Boeing: the last organization. Not for a state's
                // own heads ("The administration, for its part, expressed …" after the
                // National Retail Federation): only an organization of that name is one.
                let state_head = matches!(
                    head,
                    "government"
                        | "administration"
                        | "ministry"
                        | "embassy"
                        | "military"
                        | "army"
                        | "police"
                        | "court"
                        | "opposition"
                        | "authorities"
                );
                // "Exxon said … The company said": a one-word name nothing typed as a person.
                let org_like = ent.kind == EntityKind::Organization
                    || (matches!(head, "company" | "firm" | "group" | "organization")
                        && self.untyped_speaker(e));
                if org && !state_head && loose.is_none() && org_like {
                    loose = Some(e);
                }
            }
            if let Some(e) = loose {
                self.type_untyped_as_organization(e);
                return Some(Resolved {
                    entity: e,
                    a,
                    b,
                    conf: 0.7,
                });
            }
        }
        // A forward description: "a top Chinese military leader … Lt. Gen. Jing Jianfeng said" —
        // a person noun, never a document ("a Quinnipiac University poll") or an anonymous
        // source ("a senior law enforcement official", "a person familiar with …").
        let anonymous = matches!(
            head,
            "official" | "source" | "person" | "aide" | "staffer" | "adviser" | "advisor"
        );
        let forward_ok = !super::indirect::DOCUMENT_HEADS.contains(head)
            && !MEDIA_HEADS.contains(head)
            && !ORG_HEADS.contains(head)
            && !anonymous;
        // "A lawmaker in the Philippines is calling for …": someone placed where they are is
        // described for that, not introduced before a name.
        // "A spokesman for Platte River said …": someone described by whom they speak for
        // is not the next person named either (Cheryl Mills, a paragraph later).
        let located = (a..(b + 1).min(self.toks.len())).any(|k| {
            self.toks[k].func == Func::Prep && matches!(self.word(k), "in" | "from" | "at" | "for")
        });
        if forward && indefinite && !plural && forward_ok && !located {
            if let Some(e) = self.forward_name(b, side.map(|s| s.0), head) {
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
        // Not a possessive after the head ("a partner at Mr. Birdthistle's former firm": the
        // partner, not the firm).
        let head_at =
            (first..b).find(|&k| self.toks[k].word && self.word(k).eq_ignore_ascii_case(head));
        // "Clinton's campaign", "Donald Trump's lawyers": a named owner who is no country
        // stays in the name, as "Clinton campaign".
        let mut owner = String::new();
        if let Some(k) = (first..b)
            .rev()
            .find(|&k| self.toks[k].func == Func::Possessive)
            .filter(|&k| head_at.is_none_or(|h| k < h))
        {
            let named = k > first
                && (first..k).all(|j| {
                    let t = self.toks[j];
                    t.word && t.cap && t.lex.country.is_none() && t.lex.capital.is_none()
                })
                && self.m_start.get(first).copied().flatten().is_some();
            if named {
                owner = self.text[self.toks[first].s..self.toks[k - 1].e].to_string();
            }
            first = k + 1;
        }
        // "the board of elections on Monday rejected": a preposition that opens the next
        // phrase is not part of the name.
        let mut b = b;
        while b > first + 1 && self.toks[b - 1].func == Func::Prep {
            b -= 1;
        }
        if first >= b {
            return None;
        }
        let rest = match (self.toks.get(first), self.toks.get(b.wrapping_sub(1))) {
            (Some(x), Some(y)) if x.s <= y.e => self.text.get(x.s..y.e).unwrap_or(""),
            _ => "",
        };
        let name = if owner.is_empty() || rest.is_empty() {
            rest.to_string()
        } else {
            format!("{owner} {rest}")
        };
        if name.is_empty() {
            return None;
        }
        let key = name.to_lowercase();
        // "A Vermont judge has rejected … The judge wrote": a definite description repeats the
        // last one with its head (and its modifiers), not a new "judge".
        let earlier = (definite && !plural)
            .then(|| {
                self.described_before(a, head).map(|(g, _)| g).find(|&g| {
                    let lower = self.ents[g].name.to_lowercase();
                    mods.iter().all(|m| lower.contains(m.as_str()))
                })
            })
            .flatten();
        let e = match self.groups.get(&key).copied().or(earlier) {
            Some(e) => e,
            None => {
                let kind = if MEDIA_HEADS.contains(head) {
                    EntityKind::Media
                } else if plural || ORG_HEADS.contains(head) {
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
                self.first_tok.push(Some(a));
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

    /// The unnamed descriptions with head `head` introduced before token `a`, latest first,
    /// with the token each was introduced at.
    pub(super) fn described_before<'s>(
        &'s self,
        a: usize,
        head: &'s str,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        self.group_order
            .iter()
            .rev()
            .filter_map(|&g| Some((g, self.first_tok.get(g).copied().flatten()?)))
            .filter(move |&(g, ft)| {
                ft < a && self.ents[g].description_heads.iter().any(|h| h == head)
            })
    }

    /// Whether entity `e`'s gender, where known, fits a description headed by `head`: "a man"
    /// is no "Eva-Maria Schultheis", "the congresswoman" no "Tim Vance".
    fn gender_fits(&self, e: usize, head: &str) -> bool {
        let wants = match head {
            "man" | "businessman" | "congressman" | "spokesman" | "chairman" | "father"
            | "husband" | "son" | "brother" | "uncle" | "nephew" | "grandfather" | "king"
            | "prince" | "actor" | "boy" | "councilman" | "assemblyman" => 1,
            "woman" | "businesswoman" | "congresswoman" | "spokeswoman" | "chairwoman"
            | "mother" | "wife" | "daughter" | "sister" | "aunt" | "niece" | "grandmother"
            | "queen" | "princess" | "actress" | "widow" | "girl" | "councilwoman"
            | "assemblywoman" => 2,
            _ => return true,
        };
        self.gender.get(e).is_none_or(|&g| g == 0 || g == wants)
    }

    /// Whether the name ending at token `t1` comes with an apposition of its own that
    /// describes it by another noun: "said Oren Flick, her attorney" is no "judge".
    fn described_otherwise(&self, t1: usize, head: &str) -> bool {
        let opens = self
            .toks
            .get(t1 + 1)
            .is_some_and(|t| t.func == Func::Det || self.word(t1 + 1) == "her");
        if !self.is_punct(t1, ",") || !opens {
            return false;
        }
        let mut buf = String::new();
        let words: Vec<usize> = (t1 + 2..(t1 + 8).min(self.toks.len()))
            .take_while(|&k| self.toks[k].word && !self.toks[k].quoted && self.same_sentence(k, t1))
            .collect();
        let nouns = words
            .iter()
            .take_while(|&&k| self.toks[k].func == Func::None && !self.toks[k].cap)
            .filter(|&&k| super::person_noun(lower_into(self.word(k), &mut buf)))
            .count();
        nouns > 0
            && !words
                .iter()
                .any(|&k| lower_into(self.word(k), &mut buf) == head)
    }

    /// The next person named for the first time after token `from`, preferring one whose side
    /// matches (within six paragraphs for a description with a side, "a top Chinese military
    /// leader"; within the same paragraph or the next for one without); a two-word name needs
    /// evidence that it is a person. Not one named in the description's own sentence, one an
    /// apposition describes by another noun, or one of another gender than `head` says.
    pub(super) fn forward_name(&self, from: usize, side: Option<u16>, head: &str) -> Option<usize> {
        let last = self.toks.get(from.saturating_sub(1))?;
        let (para, sent) = (last.para, last.sent);
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
                || self.first_tok[m.entity].is_some_and(|t| t < from)
                || !self.toks[m.t0].body
                // "A judge has rejected a request to unseal a file on Donald Trump's divorce":
                // a name in the description's own sentence is someone else it talks about
                // (an apposition, "a judge, Frank Nervo,", is a mention of its own).
                || self.first_tok[m.entity].is_some_and(|t| self.toks[t].sent == sent)
            {
                continue;
            }
            if !self.person_evidence(m.entity)
                || self.described_otherwise(m.t1, head)
                || !self.gender_fits(m.entity, head)
            {
                continue;
            }
            let near = self.toks[m.t0].para <= para + 1;
            match (side, ent.side.as_ref().map(|s| s.0)) {
                (Some(a), Some(b)) if a == b => return Some(m.entity),
                (None, _) if near => return Some(m.entity),
                (Some(_), None) => {
                    unknown_side.get_or_insert(m.entity);
                }
                _ => {}
            }
        }
        unknown_side
    }
}

/// Whether the title `title` written before a name gives the role a description headed by
/// `head` names: "the senator" is "Sen. Ray Holt" (words.txt `[role_words]`).
fn same_role(head: &str, title: &str) -> bool {
    static ROLES: crate::lexicon::Words = crate::lexicon::Words::new("role_words");
    ROLES.iter().any(|entry| {
        entry
            .split_once(':')
            .is_some_and(|(h, titles)| h == head && titles.split('/').any(|t| t == title))
    })
}

/// Words that open a description as a determiner does ("one Democratic source", "two senior
/// aides", "several officials").
pub(super) fn quantifier_word(lower: &str) -> bool {
    matches!(
        lower,
        "one" | "another" | "two" | "three" | "several" | "some" | "many"
    )
}

/// A lowercase word that reads as a verb in the past: a regular "-ed" form of four letters
/// or more, or a common irregular one.
fn past_verb(w: &str) -> bool {
    w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed")
        || matches!(
            w,
            "met"
                | "told"
                | "said"
                | "went"
                | "made"
                | "took"
                | "gave"
                | "came"
                | "saw"
                | "left"
                | "held"
                | "sent"
                | "spent"
                | "won"
                | "lost"
                | "ran"
                | "began"
                | "spoke"
                | "wrote"
                | "got"
                | "kept"
                | "led"
                | "sat"
                | "stood"
                | "heard"
                | "thought"
                | "knew"
                | "brought"
                | "fought"
                | "chose"
                | "drew"
                | "rose"
        )
}
