//! The subject of a reporting verb: names, appositions, asides, conjoined verbs, bare noun phrases.

use super::*;
use crate::sim::statement::is_number_word;

/// Heads of descriptions for institutions that speak, beyond the description heads ("the bank
/// confirmed", "the campaign announced").
static SPEAKING_HEADS: crate::lexicon::Words = crate::lexicon::Words::new("speaking_heads");

/// Adjectives and participles that post-modify a speaker ("a source familiar with …").
static POST_MODIFIERS: crate::lexicon::Words = crate::lexicon::Words::new("post_modifiers");

/// Cue categories a thing does as often as a person ("the data suggest", "the dispute
/// highlights"): with a subject that cannot speak they report nothing.
static THING_CUE_CATEGORIES: crate::lexicon::Words =
    crate::lexicon::Words::new("thing_cue_categories");

/// Speech verbs with an everyday sense for things ("my smile reflected").
static THING_CUE_WORDS: crate::lexicon::Words = crate::lexicon::Words::new("thing_cue_words");

/// Prepositions whose object never speaks for the verb after it.
static OBJECT_PREPOSITIONS: crate::lexicon::Words =
    crate::lexicon::Words::new("object_prepositions");

impl<'a> Index<'a> {
    /// The subject of the cue starting at token `c`.
    pub(super) fn subject_before(&mut self, c: usize) -> Option<Resolved> {
        // Each cue's subject is found once (the pre-pass, quotes and indirect speech all ask).
        // A token that starts no cue has no cached subject (index past the end).
        let ci = self.cue_at.get(c).copied().flatten().unwrap_or(u32::MAX);
        if let Some(Some(r)) = self.subjects.get(ci as usize) {
            return *r;
        }
        // A bare noun phrase speaks only through a verb that is speech whatever its subject
        // ("Another 19 percent said"), not one that is often not ("cooperation continues").
        let strong = self.cues.get(ci as usize).is_some_and(|cue| {
            !WEAK_CUE_CATEGORIES.contains(lexicon().category(cue.category))
                    // "the fund predicted that …": "that" makes a weak verb report a clause.
                    || self.word(cue.t1).eq_ignore_ascii_case("that")
        });
        // "A letter from the American Legion obtained by The Associated Press warns": the
        // agent of a participle after the head noun is not the subject; the head is.
        let found = match self.find_subject(c) {
            Some(r) if self.participle_agent(&r) => self.modified_subject(c).or(Some(r)),
            r => r,
        };
        let r = found
            .or_else(|| strong.then(|| self.generic_subject(c)).flatten())
            .or_else(|| strong.then(|| self.modified_subject(c)).flatten())
            .filter(|r| !self.hypothetical(r, c) && !self.noun_compound(r, c))
            // "the Trump campaign issued a statement saying …": whoever issued it speaks.
            .map(|r| self.document_issuer(r, c).unwrap_or(r))
            // "WASHINGTON — Sen. Chuck Grassley (R-Iowa) … downplayed … and said", "Mrs.
            // Schlafly said": a title alone is no speaker; the name after it is.
            .and_then(|r| {
                if !self
                    .ents
                    .get(r.entity)
                    .is_some_and(|e| super::coref::bare_label(&e.name))
                {
                    return Some(r);
                }
                let next = (r.b..(r.b + 2).min(c))
                    .find_map(|k| self.m_start.get(k).copied().flatten())?
                    as usize;
                self.resolved_mention(next)
                    .filter(|n| self.ents.get(n.entity).is_some_and(|e| e.is_person()))
            });
        if let Some(slot) = self.subjects.get_mut(ci as usize) {
            *slot = Some(r);
        }
        r
    }

    /// Whether mention `mi` follows "from" or "by" after a document noun ("a letter from the
    /// American Legion", "a memo by John Smith"): the document's issuer, not a place.
    fn document_from(&self, mi: usize) -> bool {
        self.issuing_document(self.ms[mi].d0.min(self.ms[mi].t0))
            .is_some()
    }

    /// The document noun before "from"/"by" (and an article) that a name starting at token
    /// `a` issued: "a letter from [the] …" gives the token of "letter".
    fn issuing_document(&self, a: usize) -> Option<usize> {
        let mut k = a;
        if k > 0 && self.toks[k - 1].func == Func::Det {
            k -= 1;
        }
        (k >= 2
            && matches!(self.word(k - 1), "from" | "by")
            && indirect::DOCUMENT_HEADS.contains(self.word(k - 2).to_ascii_lowercase().as_str()))
        .then(|| k - 2)
    }

    /// The author named inside a document phrase, "a declaration filed in federal court by
    /// John F. Hackett", "a letter signed by 50 economists": who wrote what the document
    /// says. Not an agent that only handled it ("a memo obtained by Reuters").
    pub(super) fn issuer_inside(&self, r: &Resolved) -> Option<Resolved> {
        let mut buf = String::new();
        let doc = (r.a..r.b)
            .find(|&k| indirect::DOCUMENT_HEADS.contains(lower_into(self.word(k), &mut buf)))?;
        // The phrase may end at the document ("a letter signed by …"): its post-modifier
        // runs on to the next comma.
        let end = (r.b..(r.b + 8).min(self.toks.len()))
            .find(|&k| !self.toks[k].word || self.toks[k].quoted || !self.same_sentence(k, doc))
            .unwrap_or(r.b);
        let by = (doc + 1..end).find(|&k| self.word(k) == "by")?;
        // The participle may sit before a place ("filed in federal court by").
        let issued = (doc + 1..by).any(|v| {
            matches!(
                lower_into(self.word(v), &mut buf),
                "filed"
                    | "written"
                    | "signed"
                    | "issued"
                    | "released"
                    | "authored"
                    | "submitted"
                    | "sent"
                    | "prepared"
                    | "drafted"
                    | "posted"
                    | "published"
            )
        });
        if !issued {
            return None;
        }
        let mut k = by + 1;
        if self.toks.get(k).is_some_and(|t| t.func == Func::Det) {
            k += 1;
        }
        let mi = self.m_start.get(k).copied().flatten()? as usize;
        if matches!(self.ms[mi].kind, Kind::Place) {
            return None;
        }
        self.resolved_mention(mi)
    }

    /// Whether `r` follows "by" after a past participle ("obtained by The Associated Press",
    /// "a memo reviewed by Reuters"): the agent inside a post-modifier.
    fn participle_agent(&self, r: &Resolved) -> bool {
        let mut k = r.a;
        if k > 0 && self.toks[k - 1].func == Func::Det {
            k -= 1;
        }
        k >= 3
            && self.word(k - 1) == "by"
            && past_participle(&self.word(k - 2).to_ascii_lowercase())
            && !self.toks[k - 2].cap
            && self.toks[k - 3].word
            && self.same_sentence(k - 3, r.a)
            && !matches!(self.toks[k - 3].func, Func::Aux)
            && !self.toks[k - 3].func.is_subject_pronoun()
    }

    /// "when a man tells a woman that …", "if someone says …": someone indefinite in a
    /// "when"/"if" clause is a hypothetical, and nothing was reported.
    fn hypothetical(&self, r: &Resolved, c: usize) -> bool {
        // Present tense only: "when a reporter asked" is an event.
        let w = self.word(c);
        w.ends_with('s')
            && !w.ends_with("ss")
            && r.a > 0
            && matches!(
                self.word(r.a).to_ascii_lowercase().as_str(),
                "a" | "an" | "someone" | "anyone" | "somebody" | "anybody"
            )
            && matches!(
                self.word(r.a - 1).to_ascii_lowercase().as_str(),
                "when" | "whenever" | "if" | "unless"
            )
    }

    /// "the reality TV show “The Apprentice”", "a Fox News report": a bare verb form right
    /// after a singular name agrees with no subject; the two words are a noun compound.
    fn noun_compound(&self, r: &Resolved, c: usize) -> bool {
        let Some(cue) = self
            .cue_at
            .get(c)
            .copied()
            .flatten()
            .map(|ci| self.cues[ci as usize])
        else {
            return false;
        };
        if r.b != c || cue.t1 != c + 1 || r.b <= r.a {
            return false;
        }
        let w = self.word(c);
        let last = self.word(r.b - 1);
        // A base form: its third-person form is a cue too ("show" / "shows", "report" / "reports").
        let mut third = w.to_ascii_lowercase();
        third.push('s');
        let bare = !w.ends_with('s')
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && lexicon().word(&third).cue.is_some();
        // One name, not "Obama and Clinton", "Police", "advisers to Mr. Obama".
        let mut hb = String::new();
        let head = lower_into(last, &mut hb);
        let singular_name = (r.a..r.b).all(|k| !self.toks[k].word || self.toks[k].cap)
            && !DESCRIPTION_HEADS.contains(head)
            && !SPEAKING_HEADS.contains(head)
            && !last.ends_with('s')
            && !matches!(
                self.toks[r.b - 1].func,
                Func::First | Func::They | Func::He | Func::She | Func::It
            );
        // The name modifies a noun ("the reality TV show"); after "and", "by", "to", "like" or
        // a comma it is a subject or an object, and the verb may agree with more than it.
        let mut a = r.a;
        while a > 0
            && self.same_sentence(a - 1, c)
            && (self.toks[a - 1].cap || self.is_punct(a - 1, "."))
            && !self.toks[a - 1].quoted
        {
            a -= 1;
        }
        let modifier = a > 0
            && self.same_sentence(a - 1, c)
            && self.toks[a - 1].word
            && !self.toks[a - 1].quoted
            && !matches!(
                self.toks[a - 1].func,
                Func::Conj | Func::Prep | Func::That | Func::Rel | Func::Aux
            )
            // "an NBC show", "the AP report merits …", but not "refugees into the U.S. cite":
            // there the name ends a prepositional phrase and the verb agrees with its head.
            && !(self.toks[a - 1].func == Func::Det
                && a >= 2
                && self.toks[a - 2].func == Func::Prep);
        bare && singular_name && modifier && self.toks[c].word && !self.toks[c].cap
    }

    pub(super) fn find_subject(&mut self, c: usize) -> Option<Resolved> {
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
        // "The State Department less than two weeks ago said": past a time span before the
        // cue to the subject before it.
        if k > 1 && self.word(k - 1) == "ago" && self.same_sentence(k - 1, c) {
            let mut j = k - 1;
            while j > 0 && k - j < 8 && self.span_word(j - 1) && self.same_sentence(j - 1, c) {
                j -= 1;
            }
            if j < k - 1 {
                k = j;
            }
        }
        let mut p = k.checked_sub(1)?;
        // `… “New York values,” stating that …`: the comma inside the closing mark.
        if self.word(p) == "\""
            && p > 0
            && self.is_punct(p - 1, ",")
            && self.word(c).ends_with("ing")
            && self.same_sentence(p, c)
        {
            if let Some(r) = self
                .previous_cue_speaker(p - 1, c)
                .or_else(|| self.sentence_subject(p - 1))
            {
                return Some(r);
            }
        }
        if !self.same_sentence(p, c) || self.toks[p].quoted {
            return None;
        }
        // "Carson told the AP on Wednesday after hinting that …", "…, he said, before
        // warning …": a participle after a subordinating preposition has the subject of the
        // clause it hangs on, never the object just before it.
        if self.word(c).ends_with("ing")
            && matches!(
                self.word(p).to_ascii_lowercase().as_str(),
                "after" | "before" | "while" | "when" | "since" | "upon"
            )
            && p > 0
            && self.same_sentence(p - 1, c)
        {
            return self
                .previous_cue_speaker(p, c)
                .or_else(|| self.sentence_subject(p));
        }
        // "Rep. Stephen Lynch (D-Mass.) said", "Kasich (who has 25 delegates) said": past the
        // parenthesis to the name before it.
        // "Tom Kall — co-editor of a book on the debates — said": past the dashed aside.
        if self.is_dash(p) {
            let mut close = p;
            while close > 0 && self.is_dash(close - 1) {
                close -= 1;
            }
            let lo = close.saturating_sub(params::ASIDE_TOKENS * 2);
            if let Some(mut open) = (lo..close)
                .rev()
                .take_while(|&j| self.same_sentence(j, p) && !self.toks[j].quoted)
                .find(|&j| self.is_dash(j))
            {
                while open > 0 && self.is_dash(open - 1) {
                    open -= 1;
                }
                if let Some(before) = open.checked_sub(1) {
                    let mi = self.m_end.get(before).copied().flatten();
                    if let Some(mi) = mi.filter(|_| self.same_sentence(before, c)) {
                        return self.resolved_mention(mi as usize);
                    }
                }
            }
        }
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
            // "“…,” the mayor said, adding that …", "…, said Jason Chaffetz, adding …": the
            // speaker of the cue this participle continues.
            if let Some(r) = self.previous_cue_speaker(p, c) {
                return Some(r);
            }
            // "The IMF cut its forecast, warning that …": the sentence's subject.
            if let Some(r) = self.sentence_subject(p) {
                return Some(r);
            }
            // "The publication has long opposed Donald Trump, arguing …": a name that is the
            // object of a verb or a preposition before the comma never argues.
            let object = self
                .m_end
                .get(p.wrapping_sub(1))
                .copied()
                .flatten()
                .and_then(|mi| {
                    let m = &self.ms[mi as usize];
                    m.d0.min(m.t0).checked_sub(1)
                })
                .is_some_and(|v| {
                    let t = self.toks[v];
                    t.word
                        && !t.quoted
                        && !t.cap
                        && (t.func == Func::Prep
                            || t.func == Func::None && t.lex.cue.is_some()
                            || t.func == Func::None && self.word(v).ends_with("ed"))
                        && self.same_sentence(v, c)
                });
            if object {
                return None;
            }
        }
        if self.is_punct(p, ",") {
            // "Ishiba, has argued" / "Kritenbrink, the assistant …, said".
            let mut pre = self
                .m_end
                .get(p.wrapping_sub(1))
                .copied()
                .flatten()
                .map(|m| m as usize);
            // "Sen. Jack Reed (D-R.I.), said": past the party tag in parentheses.
            if pre.is_none() && p >= 2 && self.is_punct(p - 1, ")") {
                let lo = p.saturating_sub(8);
                if let Some(open) = (lo..p - 1).rev().find(|&j| self.is_punct(j, "(")) {
                    if open > 0 && self.same_sentence(open - 1, c) {
                        if let Some(mi) = self.m_end.get(open - 1).copied().flatten() {
                            if self.ms[mi as usize].kind == Kind::Person {
                                return self.resolved_mention(mi as usize);
                            }
                        }
                    }
                }
            }
            // A relative clause is an aside about the name before it, and a name inside it is
            // its object: "Khan, who is Muslim, also decried", "Beck, who supported Sen. Ted
            // Cruz, R-Texas, last week said", "Geoff Garin, a pollster who advises the super
            // PAC Priorities USA Action, said", "CNN, like The Associated Press, which was the
            // first …, declared".
            if let Some(r) = self.relative_aside_subject(pre, p, c) {
                return Some(r);
            }
            // "Mrs. Clinton's presidential campaign, which has been shadowed for 17 months by
            // the controversy over …, said": a long relative clause after the opening phrase.
            if let Some(r) = self.opening_relative_subject(p, c) {
                return Some(r);
            }
            // "a woman in Worcester, Massachusetts, told": a place, its state, and who is there.
            if let Some(mi) = pre {
                let d0 = self.ms[mi].d0.min(self.ms[mi].t0);
                if d0 >= 2 && self.is_punct(d0 - 1, ",") {
                    if let Some(town) = self.m_end.get(d0 - 2).copied().flatten() {
                        if let Some(r) = self.located_person(town as usize, c) {
                            return Some(r);
                        }
                    }
                }
            }
            // "Maria Okafor, Democrat of Vermont, called": the party tag is an aside.
            if let Some(mi) = pre.filter(|&mi| self.party_tag(mi)) {
                let d0 = self.ms[mi].d0;
                if d0 >= 2 && self.is_punct(d0 - 1, ",") {
                    pre = self
                        .m_end
                        .get(d0 - 2)
                        .copied()
                        .flatten()
                        .map(|m| m as usize);
                }
            }
            // "Geoff Garin, a pollster for Priorities USA Action, said", "Salceda, using data
            // from the State Department, said": the object of a preposition in an aside is not
            // the subject; the person opening the sentence is.
            if let Some(mi) = pre {
                if self.aside_object(mi, c) {
                    if let Some(r) = self.opening_person(p, c) {
                        return Some(r);
                    }
                    pre = None;
                }
            }
            if let Some(mi) = pre {
                let m = &self.ms[mi];
                if m.kind == Kind::Person && (m.t1 - m.t0 >= 2 || !m.titles.is_empty()) {
                    return self.resolved_mention(mi);
                }
                // "Sanders wins R.I., vows to press on": the object of a verb is not the subject
                // of the verb conjoined after the comma; the sentence's subject is.
                let verb = m.t0.checked_sub(1).filter(|&v| {
                    let t = self.toks[v];
                    t.word
                        && !t.cap
                        && !t.quoted
                        && t.func == Func::None
                        && !t.lex.title
                        && self.word(v).ends_with('s')
                        && self.cue_at[v].is_none()
                });
                if let Some(v) = verb.filter(|_| m.kind != Kind::Person) {
                    return self.sentence_subject(v);
                }
            }
            let lo_m = self.ms_t1.partition_point(|&t1| t1 as usize + 30 < p);
            let hi_m = self.ms_t1.partition_point(|&t1| t1 as usize <= p);
            if let Some(mi) = (lo_m..hi_m)
                .rev()
                .find(|&j| self.ms[j].appos_end == Some(p))
            {
                // "Geoff Garin, a pollster for Priorities USA Action, the main super PAC backing
                // Clinton, said": an organization in apposition is where the person opening
                // the sentence works, not who spoke.
                if self.ms[mi].kind != Kind::Person || self.aside_object(mi, c) {
                    if let Some(r) = self.opening_person(p, c) {
                        return Some(r);
                    }
                }
                return self.resolved_mention(mi);
            }
            // "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the
            // Security Council, said": the person opening the sentence, past stacked asides.
            if let Some(r) = self.opening_person(p, c) {
                return Some(r);
            }
            if let Some(mi) = pre.filter(|&mi| !self.locative(mi)) {
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
                    if let Some(mi) = self.m_end[j - 1] {
                        let m = &self.ms[mi as usize];
                        if matches!(
                            m.kind,
                            Kind::Person | Kind::Org | Kind::Media | Kind::Unknown
                        ) && m.appos_end.is_none_or(|e| e == p || e == j)
                            && !self.locative(mi as usize)
                        {
                            return self.resolved_mention(mi as usize);
                        }
                    }
                }
            }
            // "Democratic economists, like their Republican counterparts, say": a description
            // before a comparison aside.
            let (s0, _) = *self.sent_toks.get(self.toks[c].sent)?;
            if let Some(first) = (s0..p).find(|&j| self.is_punct(j, ",")) {
                let aside = self.word(first + 1).to_ascii_lowercase();
                // "The lawmakers, however, argue", "Leaders in the state, for instance, noted".
                let adverbial = (first + 1..p).all(|j| {
                    let t = self.toks[j];
                    t.word
                        && (t.adverb
                            || t.func == Func::Opener
                            || matches!(
                                self.word(j),
                                "however"
                                    | "though"
                                    | "too"
                                    | "for"
                                    | "instance"
                                    | "example"
                                    | "in"
                                    | "fact"
                                    | "turn"
                                    | "their"
                                    | "part"
                                    | "his"
                                    | "her"
                                    | "its"
                                    | "meanwhile"
                                    | "instead"
                            ))
                });
                if first < p
                    && (adverbial
                        || matches!(
                            aside.as_str(),
                            "like" | "unlike" | "along" | "including" | "among" | "as"
                        ))
                    && (first + 1..p).all(|j| !self.toks[j].quoted && self.cue_at[j].is_none())
                {
                    // "Legislative leaders in North Carolina, for instance, noted": people
                    // placed where they are.
                    if let Some(mi) = self.m_end.get(first.wrapping_sub(1)).copied().flatten() {
                        if let Some(r) = self.located_person(mi as usize, c) {
                            return Some(r);
                        }
                    }
                    return self.description_before(first);
                }
            }
            return None;
        }
        if let Some(mi) = self.m_end.get(p).copied().flatten() {
            // "Clinton responded to the question on Facebook writing, “…”": a participle after
            // the object of a preposition continues the verb before it.
            let m = &self.ms[mi as usize];
            let d0 = m.d0.min(m.t0);
            // "with Johnson saying: “…”" is Johnson speaking.
            if self.word(c).ends_with("ing")
                && d0 > 0
                && self.toks[d0 - 1].func == Func::Prep
                && !matches!(self.word(d0 - 1), "with" | "without")
                // It introduces what was written or said: "writing, “…”", "saying: “…”".
                && self
                    .toks
                    .get(c + 1)
                    .is_some_and(|t| t.quoted || self.is_punct(c + 1, ",") || self.is_punct(c + 1, ":"))
                && m.kind != Kind::Person
            {
                if let Some(r) = self
                    .previous_cue_speaker(d0 - 1, c)
                    .or_else(|| self.sentence_subject(d0 - 1))
                {
                    return Some(r);
                }
            }
            if let Some(r) = self.located_person(mi as usize, c) {
                return Some(r);
            }
            if self.reported_thing(mi as usize, c) {
                return None;
            }
            if let Some(r) = self.resolved_mention(mi as usize) {
                return Some(r);
            }
            // "a young child, who said he …": a relative pronoun stands for the description
            // before it.
            if self.ms[mi as usize].kind == Kind::Pronoun(Func::Rel) && d0 > 0 {
                let mut end = d0;
                if self.is_punct(end - 1, ",") {
                    end -= 1;
                }
                if end > 0 && self.same_sentence(end - 1, c) {
                    let who = self.word(d0).eq_ignore_ascii_case("who");
                    let r = if who {
                        self.antecedent_of_who(end)
                    } else {
                        self.description_before(end)
                    };
                    if let Some(r) = r {
                        return Some(r);
                    }
                }
            }
            return self.unresolved_pronoun(mi as usize);
        }
        if self.toks[p].func == Func::Conj && matches!(self.word(p), "and" | "but") {
            // "after she attacked officers and blamed …": the subject of the verb it is
            // conjoined with; else "The opposition called the bill … and vowed to …": the
            // sentence's subject.
            let (s0, _) = *self.sent_toks.get(self.toks[p].sent)?;
            let lo = p.saturating_sub(params::OUTER_CUE_TOKENS).max(s0);
            if let Some(prev) = (lo..p).rev().find(|&j| {
                self.cue_at[j].is_some_and(|ci| !self.cues[ci as usize].according)
                    && !self.toks[j].quoted
            }) {
                if prev != c {
                    if let Some(r) = self.subject_before(prev) {
                        return Some(r);
                    }
                }
            }
            return self.sentence_subject(p);
        }
        // "Lee Zeldin of New York said": the place a person is from, after the name.
        if let Some(r) = self.name_of_place(p, c) {
            return Some(r);
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
            if let Some(mi) = self.m_end[j] {
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

    /// Where the subject of the cue at `c` ends: past up to four auxiliaries and adverbs before
    /// it ("… has repeatedly said").
    fn before_auxiliaries(&self, c: usize) -> usize {
        let mut end = c;
        let mut steps = 0;
        while end > 0 && steps < 4 && self.skippable(end - 1) && self.same_sentence(end - 1, c) {
            end -= 1;
            steps += 1;
        }
        end
    }

    /// A noun phrase ending right before the cue at token `c` that no other rule recognised
    /// ("attorneys for the family", "Another 19 percent", "all the experts I interviewed",
    /// "the New York businessman"): the phrase itself speaks, or, when it is a definite
    /// description of a person, the person it describes.
    pub(super) fn generic_subject(&mut self, c: usize) -> Option<Resolved> {
        if c > 0 && self.infinitive_or_passive(c) {
            return None;
        }
        let mut end = self.before_auxiliaries(c);
        // "Some say", "Many have said": a quantifier opening the clause is the subject, not an
        // adverb before the verb.
        if end < c
            && self.toks[end].word
            && group_quantifier(&self.word(end).to_ascii_lowercase())
            && (end == 0
                || !self.same_sentence(end - 1, end)
                || matches!(self.word(end - 1), "," | ";" | ":" | "and" | "but"))
        {
            end += 1;
        }
        self.generic_phrase(end, c, end)
    }

    /// Whether token `k` is a number, in digits or words ("3", "three").
    fn number_at(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.word
                && (t.digit || {
                    // Number words are short and ASCII: lowercase on the stack, not in a String.
                    let w = self.word(k).as_bytes();
                    let mut buf = [0u8; 12];
                    w.len() <= buf.len() && w.is_ascii() && {
                        buf[..w.len()].copy_from_slice(w);
                        buf[..w.len()].make_ascii_lowercase();
                        std::str::from_utf8(&buf[..w.len()]).is_ok_and(is_number_word)
                    }
                })
        })
    }

    /// The noun phrase ending at token `end` as the subject of the cue at `c`, named up to
    /// token `b` (`b > end` when a place follows the head: "Officials in Beijing").
    fn generic_phrase(&mut self, end: usize, c: usize, b: usize) -> Option<Resolved> {
        let head = end.checked_sub(1)?;
        let h = *self.toks.get(head)?;
        // "Most said", "Some say", "Most of them said": a quantifier standing for a group of
        // people heads the phrase.
        let mut qb = String::new();
        let hq = lower_into(self.word(head), &mut qb);
        let quantified = h.func == Func::Opener && group_quantifier(hq)
            || matches!(hq, "them" | "us") && head >= 2 && self.word(head - 1) == "of" && {
                let mut pb = String::new();
                let q = lower_into(self.word(head - 2), &mut pb);
                group_quantifier(q) || self.toks[head - 2].digit || is_number_word(q)
            };
        if !h.word
            || h.quoted
            || h.func != Func::None && !quantified
            || h.lex.cue.is_some()
            || h.adverb && !quantified
            || !self.same_sentence(head, c)
        {
            return None;
        }
        // The head is a noun ("the bank", "critics", "Another 19 percent"), not an adjective or
        // participle ("the oft-stated promise", "his controversial remarks", "echoing").
        let mut hb = String::new();
        let hw0 = lower_into(self.word(head), &mut hb).to_string();
        let known = DESCRIPTION_HEADS.contains(hw0.as_str())
            || h.lex.title
            || person_noun(&hw0)
            || indirect::DOCUMENT_HEADS.contains(hw0.as_str());
        let adjectival = [
            "ed", "ing", "ous", "ive", "ful", "able", "ible", "ial", "ical",
        ]
        .iter()
        .any(|suf| hw0.len() > suf.len() + 2 && hw0.ends_with(suf));
        let not_noun = matches!(
            hw0.as_str(),
            "mere"
                | "cool"
                | "such"
                | "own"
                | "past"
                | "future"
                | "almost"
                | "nearly"
                | "overall"
                | "also"
                | "still"
                | "even"
                | "just"
                | "only"
                | "meanwhile"
        );
        if !known && (adjectival || not_noun) {
            return None;
        }
        // Whether the head names someone who can speak: a person or group noun ("advocates",
        // "voters"), an institution, a document, or a capitalized name.
        let animate = known || h.cap || speaking_noun(&hw0);
        if !animate {
            let mut cb = String::new();
            let cue_word = lower_into(self.word(c), &mut cb);
            // "timed tickets telling them …", "disclaimers urging calm": a participle right after
            // a noun for a thing modifies it; nobody speaks.
            if end == c && cue_word.ends_with("ing") {
                return None;
            }
            // "The dispute highlights …", "helicopters suggests …", "my smile reflected …":
            // verbs that things do as often as people report only a speaker, a group or a
            // document.
            let category = self
                .cue_at
                .get(c)
                .copied()
                .flatten()
                .and_then(|ci| self.cues.get(ci as usize))
                .map_or("", |cue| lexicon().category(cue.category));
            if THING_CUE_CATEGORIES.contains(category) || THING_CUE_WORDS.contains(cue_word) {
                return None;
            }
        }
        let mut a = head;
        while a > 0 && head - a < params::GENERIC_SUBJECT_TOKENS {
            let j = a - 1;
            let t = self.toks[j];
            // "the most promising candidate": an "-ing" form the cue finder took for an
            // adjective is a modifier, not a verb.
            let adjective = t.lex.cue.is_some()
                && self
                    .word(j)
                    .as_bytes()
                    .last_chunk::<3>()
                    .is_some_and(|e| e.eq_ignore_ascii_case(b"ing"))
                && self.cue_at.get(j).is_some_and(|c| c.is_none());
            if !self.same_sentence(j, c) || t.quoted || t.lex.cue.is_some() && !adjective {
                break;
            }
            let w = self.word(j).to_ascii_lowercase();
            let w = w.as_str();
            // "relayed the exchange", "watched the Saturday debate", "Roffman won't": a verb or
            // a contraction ends the phrase; a participle after a determiner modifies ("the
            // alleged victim").
            // A verb takes an object that opens with a determiner ("relayed the exchange"); a
            // participle that modifies does not ("elected officials", "retired generals").
            let takes_object = self
                .toks
                .get(j + 1)
                .is_some_and(|n| n.word && matches!(n.func, Func::Det | Func::Possessive));
            let verbish = !t.cap
                && (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && takes_object
                    || w.contains('\''));
            let inner = t.word
                && !verbish
                && match t.func {
                    Func::None | Func::Det | Func::Time => true,
                    // "eight of 10 voters", "attorneys for the family", "officials from both
                    // parties": a noun phrase goes on through these prepositions.
                    Func::Prep => {
                        matches!(w, "of" | "for" | "from" | "at")
                            // "Two in three said", "one in five voters say".
                            || w == "in" && j > 0 && self.number_at(j - 1) && self.number_at(j + 1)
                    }
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
                    // "Her aides said": a possessive determiner, not the object pronoun.
                    Func::She => w == "her",
                    // "Most of them said".
                    Func::They => j + 1 == head && w == "them",
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
        // "Some advocates for stem cell research said": a phrase right after a preposition that
        // joins it to a noun is that noun's object, not the subject.
        if a >= 2
            && a <= head
            && matches!(self.word(a - 1), "of" | "for" | "from")
            && self.toks[a - 2].word
            && !self.toks[a - 2].digit
        {
            return None;
        }
        // "Officials involved in the talks said", "People affected by the storm said": the
        // object of a participle's preposition after a noun is not the subject.
        if a >= 3 && self.toks[a - 1].func == Func::Prep && self.same_sentence(a - 3, a) && {
            let (v, n) = (self.toks[a - 2], self.toks[a - 3]);
            let mut vb = String::new();
            v.word
                && !v.cap
                && v.func == Func::None
                && past_participle(lower_into(self.word(a - 2), &mut vb))
                && n.word
                && !n.quoted
                && n.func == Func::None
                && !n.adverb
                && n.lex.cue.is_none()
        } {
            return None;
        }
        let opens = a == 0
            || !self.same_sentence(a - 1, a)
            || self.toks[a - 1].quoted
            || matches!(self.toks[a - 1].func, Func::Conj | Func::That | Func::Rel)
            // After a preposition the phrase is its object ("People briefed on the move said",
            // "over the last couple of weeks said"), after "to" a verb ("to file reports").
            || (self.toks[a - 1].func == Func::Prep && !OBJECT_PREPOSITIONS.contains(self.word(a - 1)))
            || matches!(self.word(a - 1), "," | ";" | ":" | "(" | "-");
        // "to dispute the many polls showing": a verb after "to" with its object; "to include
        // comments": a lone word after "to" is a verb.
        let to_verb = a > 0
            && self.word(a - 1) == "to"
            && (a == head
                || self
                    .toks
                    .get(a + 1)
                    .is_some_and(|t| t.word && t.func == Func::Det));
        if !opens || to_verb || self.toks[a].func == Func::Prep {
            return None;
        }
        let mut buf = String::new();
        // "A partner at the firm", "attorneys for the family": a person noun before the
        // phrase's preposition heads it (not "eight of 10 voters": a number).
        let head = (a + 1..head)
            .find(|&k| self.toks[k].func == Func::Prep)
            .map(|p| p - 1)
            .filter(|&k| {
                let t = self.toks[k];
                t.word && !t.cap && !t.digit && person_noun(lower_into(self.word(k), &mut buf))
            })
            .unwrap_or(head);
        let hw = lower_into(self.word(head), &mut buf).to_string();
        let first = self.toks[a];
        let det = (first.func == Func::Det || first.func == Func::She && a < head)
            .then(|| self.word(a).to_lowercase());
        // "the former president told a crowd" after "the former first lady, Laura Bush": a
        // title names the person who holds it, before the last person named.
        if matches!(det.as_deref(), Some("the")) && h.lex.title && !h.cap {
            if let Some(r) = self.titled_person(a, b, &hw) {
                return Some(r);
            }
        }
        if matches!(det.as_deref(), Some("the") | Some("this")) && person_noun(&hw) && !h.cap {
            // "A partner at the firm told him … The solution, the partner told them, was
            // simple": the person an earlier description introduced, when no one was named
            // since.
            if let Some(e) = self.described_since_named(a, &hw) {
                return Some(Resolved {
                    entity: e,
                    a,
                    b,
                    conf: 0.6,
                });
            }
            // "the lanky, bespectacled professor said": the last person named before it.
            if let Some(e) = self.recent_person(a) {
                return Some(Resolved {
                    entity: e,
                    a,
                    b,
                    conf: 0.6,
                });
            }
        }
        self.resolve_description(a, b, &hw, det.as_deref())
            .map(|mut r| {
                r.conf = r.conf.min(0.6);
                r
            })
    }

    /// The entity an unnamed description with head `head` introduced before token `a`
    /// (within the paragraphs a definite description reaches back), if no person was named
    /// between it and `a`.
    fn described_since_named(&self, a: usize, head: &str) -> Option<usize> {
        let para = self.toks.get(a)?.para;
        let (g, ft) = self.described_before(a, head).find(|&(g, ft)| {
            self.toks[ft].para + params::DESCRIPTION_PARAGRAPHS >= para && self.ents[g].is_person()
        })?;
        let hi = self.ms_t1.partition_point(|&t1| (t1 as usize) <= a);
        let named_since = (0..hi).rev().take(40).any(|j| {
            let m = &self.ms[j];
            // A name inside the description's own sentence is part of it ("a partner at
            // Mr. Birdthistle's former firm").
            m.t0 > ft
                && !self.same_sentence(m.t0, ft)
                && m.kind == Kind::Person
                && self.ents.get(self.res[j]).is_some_and(|x| x.is_person())
        });
        (!named_since).then_some(g)
    }

    /// Whether mention `mi` is the object of a preposition inside an aside of the sentence of
    /// the cue at `c` ("…, a pollster for Priorities USA Action, said", "…, using data from the
    /// State Department, said"); a locative ("a woman in Worcester") is read elsewhere.
    fn aside_object(&self, mi: usize, c: usize) -> bool {
        let mut j = self.ms[mi].t0;
        while j > 0
            && self.toks[j - 1].word
            && (self.toks[j - 1].func == Func::Det
                || self.toks[j - 1].lex.country.is_some()
                || self.toks[j - 1].cap && self.toks[j - 1].func == Func::None)
        {
            j -= 1;
        }
        let opener = self
            .toks
            .get(c)
            .and_then(|t| self.sent_toks.get(t.sent))
            .map_or(0, |s| s.0);
        // "Biden, echoing Erdogan, called": the object of a participle opening the aside.
        let participle = j >= 2
            && self.is_punct(j - 2, ",")
            && self.toks[j - 1].word
            && !self.toks[j - 1].cap
            && self.word(j - 1).len() > 4
            && self.word(j - 1).ends_with("ing")
            // "Several candidates, including Trump, said": he is one of them, and says it.
            && self.word(j - 1) != "including";
        j > opener
            && (self.toks[j - 1].func == Func::Prep || participle)
            && (opener..j).any(|k| self.is_punct(k, ","))
            && !self.locative(mi)
    }

    /// A person named at the start of the sentence and followed by a comma, when nothing between
    /// that comma and the comma at `p` (before the cue at `c`) is a cue or a quote.
    pub(super) fn opening_person(&mut self, p: usize, c: usize) -> Option<Resolved> {
        let (mut s0, _) = *self.sent_toks.get(self.toks.get(c)?.sent)?;
        s0 = self.skip_dateline(s0);
        // Past "But", "Meanwhile", "Even": "Even China, Pyongyang's only ally, said …".
        while self.toks.get(s0).is_some_and(|t| {
            t.word
                && (matches!(t.func, Func::Conj | Func::Opener)
                    || t.adverb
                    || matches!(self.word(s0), "Even" | "Only" | "Also" | "Now"))
        }) {
            s0 += 1;
        }
        let mi = self.m_start.get(s0).copied().flatten()? as usize;
        let m = &self.ms[mi];
        // A person, organization, outlet or country ("China, Pyongyang's only ally …, said").
        let speaks = matches!(m.kind, Kind::Person | Kind::Org | Kind::Media)
            || m.kind == Kind::Place && m.side.is_some();
        // "Rep. Gregory W. Meeks (D-N.Y.), chairman of …, said": past a parenthesis.
        let mut t1 = m.t1;
        if self.is_punct(t1, "(") {
            if let Some(close) = (t1 + 1..(t1 + 8).min(p)).find(|&j| self.is_punct(j, ")")) {
                t1 = close + 1;
            }
        }
        // "Rep. Lee Zeldin of New York, a Trump supporter, said": past where the person is from.
        if matches!(self.word(t1), "of" | "from") && m.kind == Kind::Person {
            if let Some(e) = (t1 + 2..(t1 + 5).min(p)).find(|&j| self.is_punct(j, ",")) {
                let place = self.toks[e - 1];
                if (t1 + 1..e).all(|j| self.toks[j].cap && self.toks[j].word)
                    && place.lex.is_place()
                {
                    t1 = e;
                }
            }
        }
        if !speaks || !self.is_punct(t1, ",") || t1 >= p {
            return None;
        }
        if p - t1 > params::ASIDE_TOKENS * 2 {
            return None;
        }
        // "Salceda, citing data from the U.S. State Department, said": a participle opening
        // the aside is part of it.
        let clear = (t1..p).all(|j| {
            !self.toks[j].quoted
                && (self.cue_at[j].is_none()
                    || j == t1 + 1 && self.word(j).ends_with("ing")
                    // "Geoff Garin, a pollster who advises the super PAC …, said".
                    || j > 0 && self.toks[j - 1].func == Func::Rel)
        });
        if !clear {
            return None;
        }
        self.resolved_mention(mi)
    }

    /// The noun phrase opening the sentence of the cue at `c` when a relative clause follows
    /// it and runs to the comma `p` before the cue ("The campaign, which has been shadowed by
    /// the controversy over the server she used, said"): the phrase speaks, or the entity it
    /// describes. Nothing in the clause may be quoted.
    fn opening_relative_subject(&mut self, p: usize, c: usize) -> Option<Resolved> {
        let (s0, _) = *self.sent_toks.get(self.toks.get(c)?.sent)?;
        let s0 = self.skip_dateline(s0);
        let lim = (s0 + params::ASIDE_TOKENS).min(p);
        let j = (s0 + 1..lim).find(|&j| self.is_punct(j, ","))?;
        if !self
            .toks
            .get(j + 1)
            .is_some_and(|t| t.word && t.func == Func::Rel)
            || p - j > params::ASIDE_TOKENS * 3
            || (s0..p).any(|k| self.toks[k].quoted)
        {
            return None;
        }
        let r = self.speaking_phrase_before(j, c, false)?;
        // The phrase opens the sentence, past a conjunction or an opener ("But the campaign,
        // which …").
        (s0..r.a)
            .all(|k| {
                let t = self.toks[k];
                t.word && (matches!(t.func, Func::Conj | Func::Opener) || t.adverb)
            })
            .then_some(r)
    }

    /// The phrase whose head ends right before token `b`, as the subject of the cue at `c`:
    /// a person, organization, outlet or unknown name that is not a place it is in, or a
    /// description headed by a noun for someone who speaks ("supporters", "a source"; with
    /// `documents`, a document too: "a county audit"), never a thing ("the plan that …").
    fn speaking_phrase_before(&mut self, b: usize, c: usize, documents: bool) -> Option<Resolved> {
        let head = b.checked_sub(1)?;
        if let Some(mi) = self.m_end.get(head).copied().flatten() {
            let m = &self.ms[mi as usize];
            if !matches!(
                m.kind,
                Kind::Person | Kind::Org | Kind::Media | Kind::Unknown
            ) || self.locative(mi as usize) && !(documents && self.document_from(mi as usize))
            {
                return None;
            }
            return self.resolved_mention(mi as usize);
        }
        let mut buf = String::new();
        let hw = lower_into(self.word(head), &mut buf);
        if !(speaking_noun(hw)
            || self.toks[head].lex.title
            || documents && indirect::DOCUMENT_HEADS.contains(hw))
        {
            return None;
        }
        self.description_before(b)
            .or_else(|| self.generic_phrase(b, c, b))
    }

    /// "Supporters who have heard directly from the campaign say", "a source familiar with
    /// the investigation said", "people with knowledge of the talks said": the head noun
    /// before a relative clause or a post-modifier is the subject, when it opens its clause.
    pub(super) fn modified_subject(&mut self, c: usize) -> Option<Resolved> {
        if c == 0 || self.infinitive_or_passive(c) {
            return None;
        }
        let end = self.before_auxiliaries(c);
        let lo = end.saturating_sub(params::POST_MODIFIER_TOKENS);
        let mut boundary = None;
        let mut buf = String::new();
        for j in (lo..end).rev() {
            let t = self.toks[j];
            if !self.same_sentence(j, c)
                || t.quoted
                || !t.word && !self.is_punct(j, "'s") && !self.is_punct(j, "’s")
                || self.cue_at[j].is_some()
                || t.func == Func::That && !matches!(self.word(j), "that")
            {
                break;
            }
            let w = lower_into(self.word(j), &mut buf);
            let next_prep = self
                .toks
                .get(j + 1)
                .is_some_and(|n| n.word && n.func == Func::Prep);
            if (j + 1 < end || j + 1 < c && self.toks[j + 1].func == Func::Time)
                && (t.func == Func::Rel && matches!(w, "who" | "that")
                    || t.func == Func::That && w == "that"
                    || POST_MODIFIERS.contains(w) && next_prep
                    // "A news report published Wednesday said", "officials involved in the
                    // talks said": a past participle after the head noun.
                    || j > lo
                        && past_participle(w)
                        && t.func == Func::None
                        && !t.cap
                        && self.toks.get(j + 1).is_some_and(|n| {
                            n.word && matches!(n.func, Func::Prep | Func::Time)
                        })
                        && {
                            // "A news report published …": a verb form after a
                            // determiner or a noun is a noun.
                            let h = self.toks[j - 1];
                            h.word
                                && !h.quoted
                                && h.func == Func::None
                                && !h.adverb
                                && (h.lex.cue.is_none()
                                    || j >= 2
                                        && self.toks[j - 2].word
                                        && matches!(self.toks[j - 2].func, Func::Det | Func::None))
                        }
                    // "people with knowledge of …", not "who have worked with …".
                    || w == "with" && t.func == Func::Prep && j > 0 && {
                        let pw = self.word(j - 1);
                        !(pw.ends_with("ed")
                            || pw.ends_with("ing")
                            || self.toks[j - 1].func == Func::Aux
                            || self.toks[j - 1].lex.cue.is_some())
                    })
            {
                boundary = Some(j);
                break;
            }
        }
        let mut b = boundary?;
        // "a source familiar with …": the boundary is the adjective before the preposition.
        if b > 0 && self.toks[b].func == Func::Prep && {
            let w = lower_into(self.word(b - 1), &mut buf);
            POST_MODIFIERS.contains(w)
        } {
            b -= 1;
        }
        let head = b.checked_sub(1)?;
        if !self.same_sentence(head, c) || self.toks[head].quoted {
            return None;
        }
        // "A county audit published Thursday said": a document speaks too.
        let r = self.speaking_phrase_before(b, c, true)?;
        // The phrase opens its clause: the sentence start, or after "but"/"and", a comma or
        // "that" ("said that people close to him say" is not this).
        let a = r.a;
        let (s0, _) = *self.sent_toks.get(self.toks[c].sent)?;
        let opens_at = |ix: &Self, a: usize| {
            a <= s0
                || ix.is_punct(a - 1, ",")
                || matches!(ix.toks[a - 1].func, Func::Conj)
                || ix.toks[a - 1].adverb && (a - 1 == s0 || ix.is_punct(a - 2, ","))
        };
        if opens_at(self, a) {
            return Some(r);
        }
        // "A Feb. 1 letter from the American Legion obtained by …": the issuer of a document
        // that opens the clause.
        let head = self.issuing_document(a).filter(|&h| h >= s0)?;
        // The document's own determiner and modifiers reach back to the clause start.
        let mut d = head;
        while d > s0
            && self.toks[d - 1].word
            && !self.toks[d - 1].quoted
            && self.cue_at[d - 1].is_none()
            && matches!(self.toks[d - 1].func, Func::Det | Func::None | Func::Time)
            && d + 4 > head
        {
            d -= 1;
        }
        opens_at(self, d).then_some(r)
    }

    /// "Lee Zeldin of New York said": a person's name, "of" and a place ending at token `p`.
    fn name_of_place(&mut self, p: usize, c: usize) -> Option<Resolved> {
        let t = self.toks[p];
        if !t.lex.is_place() {
            return None;
        }
        let mut j = p;
        while j > 0
            && p - j < 3
            && self.toks[j].cap
            && self.toks[j].word
            && self.same_sentence(j, c)
        {
            j -= 1;
        }
        if self.word(j) != "of" || j == 0 {
            return None;
        }
        let mi = self.m_end.get(j - 1).copied().flatten()? as usize;
        (self.ms[mi].kind == Kind::Person)
            .then(|| self.resolved_mention(mi))
            .flatten()
    }

    /// "Minutes later, the Trump campaign issued a statement saying …", "Andanar released a
    /// statement saying …": the subject of a verb that issues the document `r` names.
    fn document_issuer(&mut self, r: Resolved, c: usize) -> Option<Resolved> {
        if r.b == 0 || c < r.b || c - r.b > 2 || r.a < 2 {
            return None;
        }
        let mut buf = String::new();
        let head = lower_into(self.word(r.b - 1), &mut buf);
        if !matches!(
            head,
            "statement"
                | "release"
                | "letter"
                | "email"
                | "memo"
                | "video"
                | "ad"
                | "tweet"
                | "post"
                | "message"
                | "note"
                | "report"
        ) {
            return None;
        }
        let mut v = r.a - 1;
        let mut w = lower_into(self.word(v), &mut buf).to_string();
        if w == "out" && v > 0 {
            v -= 1;
            w = lower_into(self.word(v), &mut buf).to_string();
            if w != "put" {
                return None;
            }
        }
        if !matches!(
            w.as_str(),
            "issued"
                | "released"
                | "sent"
                | "posted"
                | "published"
                | "distributed"
                | "put"
                | "issues"
                | "releases"
        ) || !self.same_sentence(v, c)
        {
            return None;
        }
        let mut k = v;
        while k > 0 && self.skippable(k - 1) && self.same_sentence(k - 1, c) {
            k -= 1;
        }
        let p = k.checked_sub(1)?;
        if !self.same_sentence(p, c) || self.toks[p].quoted {
            return None;
        }
        match self.m_end.get(p).copied().flatten() {
            Some(mi) if !matches!(self.ms[mi as usize].kind, Kind::Place) => {
                self.resolved_mention(mi as usize)
            }
            _ => self
                .description_before(k)
                .or_else(|| self.generic_phrase(k, v, k)),
        }
    }

    /// "authority to call …", "could be added to": a cue that reports no act of speech by a
    /// subject before it (an infinitive, or a passive without "as saying").
    pub(super) fn infinitive_or_passive(&self, c: usize) -> bool {
        let prev = self.word(c - 1);
        prev == "to"
            || matches!(
                prev,
                "be" | "been" | "being" | "is" | "was" | "were" | "are"
            ) && !self.word(c).ends_with("ing")
    }

    /// A party label standing where a name would ("Democrat of Vermont", "Republican of Utah").
    pub(super) fn party_tag(&self, mi: usize) -> bool {
        let m = &self.ms[mi];
        let first = self.word(m.d0.min(m.t0));
        // "R-NY", "D-Mo.", "I-Vt.": a party and state tag.
        let tag = first.len() <= 8
            && matches!(first.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
        tag || matches!(
            first,
            "Democrat" | "Republican" | "Independent" | "Democratic" | "Libertarian"
        ) && (m.d0.min(m.t0)..m.t1).any(|k| self.word(k) == "of")
    }

    /// The speaker of the reporting verb just before `comma` in the same sentence, outside
    /// quotes ("“…,” the mayor said, adding …"): its subject, or the speaker after it when
    /// inverted ("said Jason Chaffetz (R-Utah), adding …").
    fn previous_cue_speaker(&mut self, comma: usize, c: usize) -> Option<Resolved> {
        let lo = comma.saturating_sub(params::ASIDE_TOKENS);
        let prev = (lo..comma)
            .rev()
            .take_while(|&j| self.same_sentence(j, c) && !self.toks[j].quoted)
            .find_map(|j| {
                let ci = self.cue_at.get(j).copied().flatten()? as usize;
                (self.cues[ci].t0 == j).then_some(ci)
            })?;
        let (t0, t1) = (self.cues[prev].t0, self.cues[prev].t1);
        // The name after the previous cue speaks only when that cue is inverted ("…, said
        // Jason Chaffetz, adding …"), not when it is a noun with an object ("its opposition to
        // Donald Trump, arguing …": the sentence's subject argues).
        let inverted = t0 > 0 && (self.is_punct(t0 - 1, ",") || self.word(t0 - 1) == "\"");
        self.subject_before(t0).or_else(|| {
            inverted
                .then(|| self.speaker_after(t1))
                .flatten()
                .filter(|w| w.b <= comma)
        })
    }

    /// A word of a time span before "ago" / "later": "a few minutes", "less than two
    /// weeks", "several years".
    fn span_word(&self, k: usize) -> bool {
        let t = self.toks[k];
        t.word
            && (t.func == Func::Det
                || t.digit
                || t.func == Func::Time
                || matches!(
                    self.word(k).to_ascii_lowercase().as_str(),
                    "a" | "few"
                        | "several"
                        | "less"
                        | "more"
                        | "than"
                        | "nearly"
                        | "about"
                        | "just"
                        | "minutes"
                        | "hours"
                        | "days"
                        | "weeks"
                        | "months"
                        | "years"
                        | "moments"
                        | "minute"
                        | "hour"
                        | "day"
                        | "week"
                        | "month"
                        | "year"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "ten"
                ))
    }

    /// The subject at the start of the sentence holding token `limit` (a name, possibly after
    /// "The", or a description), when it ends before `limit`.
    pub(super) fn sentence_subject(&mut self, limit: usize) -> Option<Resolved> {
        let (mut s0, _) = *self.sent_toks.get(self.toks.get(limit)?.sent)?;
        s0 = self.skip_dateline(s0);
        // "During a speech earlier in the day, Trump attacked …", "Rallying hundreds of
        // workers, Clinton promised …": past a fronted adverbial or participle clause.
        let participle = self.word(s0).len() > 5
            && self.word(s0).ends_with("ing")
            && self.toks.get(s0 + 1).is_some_and(|t| t.word && !t.cap);
        // "Chastened by the analyses, as well as complaints over its cost, Trump revised …":
        // a passive participle with its agent; its clause may hold commas of its own, so it
        // ends at the first comma a name follows.
        let passive = self.toks.get(s0).is_some_and(|t| t.word && t.cap)
            && self.m_start.get(s0).copied().flatten().is_none()
            && self.word(s0 + 1) == "by";
        if participle || passive || self.toks.get(s0).is_some_and(|t| t.func == Func::Prep) {
            let reach = if passive {
                2 * params::ASIDE_TOKENS
            } else {
                params::ASIDE_TOKENS
            };
            let mut commas = (s0..limit.min(s0 + reach)).filter(|&j| self.is_punct(j, ","));
            let first = commas.next();
            let comma = if passive {
                std::iter::once(first)
                    .flatten()
                    .chain(commas)
                    .find(|&j| self.m_start.get(j + 1).copied().flatten().is_some())
                    .or(first)
            } else {
                first
            };
            if let Some(comma) = comma {
                s0 = comma + 1;
            }
        }
        // "A few minutes later they reversed themselves … and said", "On Monday she toured
        // …": past a time phrase without a comma.
        if let Some(j) = (s0..limit.min(s0 + 6)).find(|&j| {
            matches!(self.word(j), "later" | "ago" | "earlier")
                && (s0..j).all(|k| self.span_word(k))
        }) {
            s0 = j + 1;
        } else if self
            .toks
            .get(s0)
            .is_some_and(|t| t.func == Func::Prep && t.word)
            && self.toks.get(s0 + 1).is_some_and(|t| t.func == Func::Time)
        {
            s0 += 2;
        }
        // "Meanwhile, it attacked …", "Then he cut into Bush, calling …": past openers,
        // sentence adverbs and the comma after them.
        while self.toks.get(s0).is_some_and(|t| {
            t.word
                && !t.quoted
                && (matches!(t.func, Func::Conj | Func::Opener)
                    // An adverb, not a name that looks like one ("Carly Fiorina").
                    || t.adverb && self.m_start.get(s0).copied().flatten().is_none())
                || self.is_punct(s0, ",")
        }) {
            s0 += 1;
        }
        for j in [s0, s0 + 1] {
            // "The …", "Mayor Ana Ruiz …" (a title the mention may not start at).
            if j > s0
                && !self
                    .toks
                    .get(s0)
                    .is_some_and(|t| t.func == Func::Det || t.lex.title)
            {
                break;
            }
            if let Some(mi) = self.m_start.get(j).copied().flatten() {
                let m = &self.ms[mi as usize];
                // "the American coal market was …", "A New York judge has rejected …": a
                // nationality or a place before a noun modifies it.
                let modifier = self.toks.get(m.t1).is_some_and(|t| {
                    t.word && !t.cap && !t.quoted && t.func == Func::None && t.lex.cue.is_none()
                }) && (m.kind == Kind::Place
                    || (m.t0..m.t1).all(|k| self.toks[k].lex.country.is_some()));
                if modifier {
                    break;
                }
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
        if let Some(d) = self.description_after(s0).filter(|d| d.b <= limit) {
            return Some(d);
        }
        // "The drivers returned, crowded into the hall and said …": a short noun phrase for
        // people opening the sentence, before its first verb.
        let mut buf = String::new();
        let end = (s0 + 1..(s0 + 4).min(limit)).find(|&e| {
            let h = self.toks[e - 1];
            h.word
                && !h.cap
                && !h.quoted
                && h.func == Func::None
                && h.lex.cue.is_none()
                && speaking_noun(lower_into(self.word(e - 1), &mut buf))
                && (s0..e - 1).all(|k| {
                    let t = self.toks[k];
                    t.word && !t.quoted && matches!(t.func, Func::Det | Func::None) && !t.cap
                        || k == s0 && t.func == Func::Det
                })
                && self.toks[e].word
                && self.toks[e].func == Func::None
        })?;
        let hw = lower_into(self.word(end - 1), &mut buf).to_string();
        let det = (self.toks[s0].func == Func::Det).then(|| self.word(s0).to_lowercase());
        self.resolve_description(s0, end, &hw, det.as_deref())
            .map(|mut r| {
                r.conf = r.conf.min(0.6);
                r
            })
    }

    /// The subject before the comma `p` of the cue at `c` when the aside before `p` holds a
    /// relative clause (see the callers' examples): the sentence's opening name past its
    /// asides, else the name right before the comma that opens the relative clause. `pre` is
    /// the mention ending right before `p`, if any.
    fn relative_aside_subject(
        &mut self,
        pre: Option<usize>,
        p: usize,
        c: usize,
    ) -> Option<Resolved> {
        let in_aside = |j: usize| self.same_sentence(j, c) && !self.toks[j].quoted;
        // The nearest comma before `p`, and the relative pronoun that opens the aside.
        let lo = p.saturating_sub(params::ASIDE_TOKENS);
        let open = (lo..p)
            .rev()
            .take_while(|&j| in_aside(j))
            .find(|&j| self.is_punct(j, ","));
        let anchor = pre.map_or(p, |mi| self.ms[mi].t0);
        let rel_comma = (anchor.saturating_sub(params::ASIDE_TOKENS)..anchor)
            .rev()
            .take_while(|&j| in_aside(j))
            .find(|&j| self.toks[j].func == Func::Rel && j > 0 && self.is_punct(j - 1, ","))
            .map(|j| j - 1);
        // "a pollster who advises …": a relative pronoun inside the last aside.
        let rel_in_last = open.is_some_and(|open| {
            self.toks.get(open + 1).is_some_and(|t| t.func == Func::Rel)
                || pre.is_some_and(|mi| {
                    (open + 1..self.ms[mi].t0).any(|j| self.toks[j].func == Func::Rel)
                })
        });
        if rel_comma.is_none() && !rel_in_last {
            return None;
        }
        if let Some(r) = self.opening_person(p, c) {
            return Some(r);
        }
        let comma = rel_comma.or(open)?;
        let mi = self.m_end.get(comma.checked_sub(1)?).copied().flatten()? as usize;
        matches!(
            self.ms[mi].kind,
            Kind::Person | Kind::Org | Kind::Media | Kind::Unknown
        )
        .then(|| self.resolved_mention(mi))
        .flatten()
    }

    /// The last person before token `a` (within a description's reach) whose titles include
    /// the head word `head` ("the former president" → George W. Bush, not Laura Bush).
    fn titled_person(&self, a: usize, b: usize, head: &str) -> Option<Resolved> {
        let para = self.toks.get(a)?.para;
        let hi = self.ms_t1.partition_point(|&t1| (t1 as usize) <= a);
        for j in (0..hi).rev().take(40) {
            let m = &self.ms[j];
            if self.toks[m.t0].para + params::DESCRIPTION_PARAGRAPHS < para {
                break;
            }
            let e = self.res[j];
            let Some(ent) = self.ents.get(e).filter(|x| x.is_person()) else {
                continue;
            };
            if ent.titles.iter().any(|t| t.split(' ').any(|w| w == head)) {
                return Some(Resolved {
                    entity: e,
                    a,
                    b,
                    conf: 0.7,
                });
            }
        }
        None
    }

    /// "Officials in Beijing said", "a lawmaker in the Philippines is calling for", "Kim in
    /// Seoul said": the person or group before a place and its preposition speaks, not the
    /// place. A group is named with its place, which gives its side.
    fn located_person(&mut self, mi: usize, c: usize) -> Option<Resolved> {
        let m = &self.ms[mi];
        let mut s0 = m.d0.min(m.t0);
        if s0 > 0 && self.word(s0 - 1).eq_ignore_ascii_case("the") {
            s0 -= 1;
        }
        // "Rep. Lee Zeldin of New York said": "of" a place only after a person's name.
        if s0 < 2 || !matches!(self.word(s0 - 1), "in" | "from" | "at" | "of") {
            return None;
        }
        let of = self.word(s0 - 1) == "of";
        let (prep, b) = (s0 - 1, m.t1);
        let head = prep - 1;
        if !self.same_sentence(head, c) || self.toks[head].quoted {
            return None;
        }
        if let Some(hm) = self.m_end.get(head).copied().flatten() {
            let hm = hm as usize;
            let ok = if of {
                self.ms[hm].kind == Kind::Person
            } else {
                matches!(self.ms[hm].kind, Kind::Person | Kind::Unknown)
            };
            return ok.then(|| self.resolved_mention(hm)).flatten();
        }
        if of {
            return None;
        }
        let mut buf = String::new();
        let hw = lower_into(self.word(head), &mut buf);
        let singular = singular(hw);
        if !(person_noun(hw) || person_noun(singular) || DESCRIPTION_HEADS.contains(singular)) {
            return None;
        }
        self.generic_phrase(prep, c, b)
    }

    /// "She says it underscores that …", "He said this shows …": "it" right after a speech
    /// verb opens the clause that verb reports, and a verb things do there reports nothing.
    fn reported_thing(&self, mi: usize, c: usize) -> bool {
        let m = &self.ms[mi];
        if m.kind != Kind::Pronoun(Func::It) && !matches!(self.word(m.t0), "this" | "that") {
            return false;
        }
        let outer =
            m.t0.checked_sub(1)
                .and_then(|k| self.cue_at.get(k).copied().flatten())
                .map(|ci| self.cues[ci as usize]);
        let Some(outer) = outer.filter(|o| !o.according && o.t1 == m.t0) else {
            return false;
        };
        let cat = |ci: Option<u32>| {
            ci.and_then(|ci| self.cues.get(ci as usize))
                .map_or("", |cue| lexicon().category(cue.category))
        };
        let inner = cat(self.cue_at.get(c).copied().flatten());
        let mut cb = String::new();
        let word = lower_into(self.word(c), &mut cb);
        !WEAK_CUE_CATEGORIES.contains(lexicon().category(outer.category))
            && (THING_CUE_CATEGORIES.contains(inner)
                || inner == "evidence"
                || THING_CUE_WORDS.contains(word))
    }

    /// "a woman in Worcester, Massachusetts, told": a name after a locative preposition is
    /// where, not who.
    pub(super) fn locative(&self, mi: usize) -> bool {
        let mut d0 = self.ms[mi].d0.min(self.ms[mi].t0);
        if d0 > 0 && self.word(d0 - 1).eq_ignore_ascii_case("the") {
            d0 -= 1;
        }
        d0 > 0
            && matches!(
                self.word(d0 - 1),
                "in" | "at" | "near" | "from" | "outside" | "across" | "around" | "inside"
            )
    }
}

/// Quantifiers that stand alone for a group of people as a subject ("Most said", "Some say",
/// "Several of them told reporters").
pub(super) fn group_quantifier(lower: &str) -> bool {
    matches!(
        lower,
        "some" | "many" | "most" | "several" | "few" | "both" | "others"
    )
}

/// A lowercase word that reads as a past participle modifying the noun before it
/// ("published", "involved", "written").
fn past_participle(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed")
        || matches!(
            w,
            "written"
                | "sent"
                | "held"
                | "made"
                | "given"
                | "taken"
                | "shown"
                | "seen"
                | "known"
                | "drawn"
                | "released"
        )
}

/// Whether a lowercase head noun names someone who can speak, in itself or in its singular:
/// a person or group noun ("advocates", "voters"), a description head ("official"), or a noun
/// that speaks for others ("campaign").
fn speaking_noun(hw: &str) -> bool {
    let sg = singular(hw);
    DESCRIPTION_HEADS.contains(hw)
        || DESCRIPTION_HEADS.contains(sg)
        || person_noun(hw)
        || person_noun(sg)
        || SPEAKING_HEADS.contains(hw)
        || SPEAKING_HEADS.contains(sg)
}

/// A lowercase plural noun's singular by its "-s" ("officials" → "official"), the word itself
/// otherwise ("witness", "bus").
fn singular(w: &str) -> &str {
    w.strip_suffix('s')
        .filter(|s| s.len() > 2 && !w.ends_with("ss"))
        .unwrap_or(w)
}
