//! Indirect (reported) speech: a cue that no quote used, with a speaker, introduces the reported
//! clause — "X said (that) …", "X accused Y of …", "X denied …", "X argued that …",
//! "according to X, …", "… , according to X". The clause becomes a `kind="indirect"` quote.

use super::cues::Cue;
use super::entities::EntityKind;
use super::mentions::Kind;
use super::tokens::{lower_into, Func};
use super::{params, Attr, Index, Pattern, Resolved, WEAK_CUE_CATEGORIES};
use crate::doc::Doc;
use crate::lexicon::lexicon;

/// Longest reported clause, in tokens.
const MAX_CLAUSE: usize = 120;
/// Longest tail between a postposed cue and the end of its sentence or clause ("said in an
/// interview with CNN on Tuesday"), in tokens.
const MAX_TAIL: usize = 9;
/// Longest subject block between the comma closing a fronted clause and the cue ("Sen. Claire
/// McCaskill (D-Mo.)", "a senior strategist for the Asia-Pacific for Rabobank"), in tokens.
const MAX_SUBJECT: usize = 16;

/// See `[comment_nouns]` in words.txt.
static COMMENT_NOUNS: crate::lexicon::Words = crate::lexicon::Words::new("comment_nouns");

/// Categories whose verb reports a clause only with "that" ("He added that …", "She admitted
/// that …"; not "Japan added troops", "He admitted the error").
fn needs_that(category: &str) -> bool {
    // "tweeted a photograph", "wrote a book": writing verbs take objects more often than clauses.
    matches!(
        category,
        "add" | "agree" | "describe" | "conclude" | "hint" | "write"
    )
}

/// Reporting verbs that report only a clause, never a noun phrase: "maintains that he is
/// innocent", not "maintains an overwhelming lead" (keeps); and verbs of the manner of
/// speaking, which report a clause only with "that" ("she fumed that …", not "the crowd roared
/// its approval"; words.txt `[manner_speech_verbs]`).
fn clause_only_verb(verb: &str) -> bool {
    static MANNER: crate::lexicon::Words = crate::lexicon::Words::new("manner_speech_verbs");
    let v = verb.to_ascii_lowercase();
    matches!(
        v.as_str(),
        "maintain" | "maintains" | "maintained" | "maintaining"
    ) || MANNER.contains(v.as_str())
}

/// Where a reported clause stands relative to its cue.
enum Shape {
    /// "X said (that) CLAUSE."
    After,
    /// "CLAUSE, X said." / "CLAUSE, said X."
    Before { comma: usize },
    /// "CLAUSE, X said, CLAUSE."
    Around { comma: usize, resume: usize },
    /// "Asked by X whether CLAUSE, Y said": the question `a..b` put by the agent X.
    Question { a: usize, b: usize },
    /// "X says “QUOTE” and the words it goes on with": one mixed clause from the opening mark.
    QuoteGoesOn,
    /// "As X noted, CLAUSE": the clause after the cue's comma.
    AsClause { comma: usize },
}

impl Index<'_> {
    /// Whether token `k` may stand in the tail after a postposed cue: time words, adverbs,
    /// prepositions and the short noun phrases they govern ("in a statement", "on Twitter").
    fn tail_token(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.word
                && !t.quoted
                && t.lex.cue.is_none()
                && (matches!(t.func, Func::Time | Func::Prep | Func::Det | Func::None)
                    || t.adverb
                    || t.func == Func::Possessive)
                && !matches!(t.func, Func::That)
        })
    }

    /// After a postposed cue ending at `from`: `Some(None)` when the sentence ends within a
    /// short tail, `Some(Some(comma))` when a comma closes the tail and the sentence goes on,
    /// `None` when a clause follows instead.
    pub(super) fn postposed_end(&self, from: usize, s1: usize) -> Option<Option<usize>> {
        let mut k = from;
        // The tail opens with a preposition, a time word or an adverb, never a bare noun.
        let opens_tail = |ix: &Self, k: usize| {
            ix.toks
                .get(k)
                .is_some_and(|t| matches!(t.func, Func::Time | Func::Prep) || t.adverb)
        };
        if k < s1 && self.toks[k].word && !opens_tail(self, k) {
            return None;
        }
        // Inside a noun phrase of the tail a reporting word is a noun ("in a June report",
        // "in his statement"), not a verb that opens a clause.
        let mut in_np = false;
        while k < s1 && k < from + MAX_TAIL {
            let t = self.toks[k];
            if t.word && matches!(t.func, Func::Det | Func::Possessive) {
                in_np = true;
            } else if t.func == Func::Prep {
                in_np = false;
            }
            let noun_cue =
                in_np && t.word && !t.quoted && t.lex.cue.is_some() && t.func != Func::That;
            if !(self.tail_token(k) || noun_cue) {
                break;
            }
            k += 1;
        }
        let rest_is_punct = (k..s1).all(|j| !self.toks[j].word);
        if rest_is_punct && (k..s1).all(|j| !self.is_punct(j, ",")) {
            return Some(None);
        }
        if self.is_punct(k, ",") && k + 1 < s1 && self.toks[k + 1].word {
            return Some(Some(k));
        }
        None
    }

    /// The comma that closes a fronted clause before the subject block starting at `a` (the
    /// block has no cue and no quote of its own).
    fn comma_before_subject(&self, a: usize, s0: usize) -> Option<usize> {
        let lo = a.saturating_sub(MAX_SUBJECT).max(s0);
        let mut k = a;
        while k > lo {
            k -= 1;
            if self.toks[k].quoted {
                return None;
            }
            if self.is_punct(k, ",") {
                // "Smith, a senator from Ohio, said": an apposition, not a fronted clause.
                let before = k.checked_sub(1)?;
                let m = self.m_end.get(before).copied().flatten();
                if m.is_some_and(|m| self.ms[m as usize].appos_end.is_some()) {
                    continue;
                }
                // "…, a charge that county clerks denied": the subject is inside a relative
                // clause on a comment, no fronted report.
                if comment_comma(self, k, a) {
                    return None;
                }
                return (k > s0).then_some(k);
            }
            if k < a && self.cue_at.get(k).copied().flatten().is_some() {
                return None;
            }
            if matches!(self.word(k), "." | "!" | "?" | ":" | ";") {
                return None;
            }
        }
        None
    }

    /// Whether the cue ending at token `next` is followed by an opening quote mark whose quote
    /// the sentence (ending at `s1`) goes on from, other than with a time clause ("said “…”
    /// when he launched his campaign": the reporter's, and the quote stands alone).
    fn quote_clause_after(&self, next: usize, s1: usize) -> bool {
        let mut q = next;
        while q < s1 && self.word(q) == "\"" {
            q += 1;
        }
        let close = (q..s1).find(|&k| !self.toks[k].quoted).unwrap_or(s1);
        let timed = matches!(
            self.word(close).to_ascii_lowercase().as_str(),
            "when" | "after" | "before" | "while" | "as" | "during" | "since" | "until"
        );
        q > next && !timed && self.quote_goes_on(q, s1)
    }

    /// Whether the quote whose opening mark is token `open` comes right after "that" (and a
    /// comma) and its sentence goes on after it (see `quote_goes_on`).
    pub(super) fn that_quote_goes_on(&self, open: usize) -> bool {
        let mut p = open;
        while p > 0 && self.word(p - 1) == "\"" {
            p -= 1;
        }
        if p > 0 && self.is_punct(p - 1, ",") {
            p -= 1;
        }
        let that = p > 0 && self.toks[p - 1].word && self.word(p - 1).eq_ignore_ascii_case("that");
        let mut q = open;
        while q < self.toks.len() && self.word(q) == "\"" {
            q += 1;
        }
        let s1 = self
            .toks
            .get(q)
            .and_then(|t| self.sent_toks.get(t.sent))
            .map_or(q, |s| s.1);
        that && self.quote_goes_on(q, s1)
    }

    /// Whether the quote opening at token `a` is followed, before token `end`, by the
    /// reporter's words in lowercase right after its closing mark, and did not end its own
    /// clause ("“…,” Scott Pruitt, the attorney general, said" is direct speech; "“The only
    /// way … is jail time” for criminal behavior" goes on).
    fn quote_goes_on(&self, a: usize, end: usize) -> bool {
        if !self.toks.get(a).is_some_and(|t| t.quoted) {
            return false;
        }
        let close = (a..end).find(|&k| !self.toks[k].quoted).unwrap_or(end);
        let lower_next = self.toks.get(close).is_some_and(|t| t.word && !t.cap);
        let ends_clause = (a..close)
            .rev()
            .find(|&k| self.word(k) != "\"")
            .is_some_and(|k| matches!(self.word(k), "," | "." | "!" | "?" | ";" | ":"));
        lower_next && !ends_clause && (close..end).filter(|&k| self.toks[k].word).count() >= 2
    }

    /// Whether the subject `who` of a cue comes right after a subordinator ("after the
    /// department asked …", "When the mayor said …"): the report is inside a subordinate
    /// clause, with no fronted or resumed part of its own.
    fn subordinate_subject(&self, who: &Resolved, s0: usize) -> bool {
        who.a > s0
            && !self.toks[who.a - 1].quoted
            && matches!(
                self.word(who.a - 1).to_ascii_lowercase().as_str(),
                "after" | "before" | "when" | "once" | "until" | "because" | "if" | "unless"
            )
    }

    /// A fronted clause `[s0, comma)` that is text of the reporter, not a quote of its own.
    fn fronted_clause(&self, s0: usize, comma: usize, around: bool) -> Option<(usize, usize)> {
        let mut a = s0;
        while a < comma
            && self
                .toks
                .get(a)
                .is_some_and(|t| !t.word || (t.func == Func::Conj && !t.quoted))
        {
            a += 1;
        }
        // A clause that opens with a quote is direct speech; one the reporter opens may end in a
        // quoted fragment ("The summit accomplished “too little,” he added"). One that opens
        // with a preposition and has no verb or subject of its own is a time or place ("During the
        // visit …, Johnson agreed").
        let words = (a..comma).filter(|&k| self.toks[k].word).count();
        // "Among Democrats alone, Mrs. Clinton leads …, according to the institute": a
        // prepositional opener closed by a comma has a clause after it.
        let clause_after_opener = (a..comma).any(|k| {
            self.is_punct(k, ",") && (k + 1..comma).filter(|&j| self.toks[j].word).count() >= 3
        });
        // Before a parenthetical cue ("But to prevent problems, he said, officials should …")
        // the opener is part of the reported sentence.
        let adverbial = !around
            && self.toks[a].func == Func::Prep
            && !clause_after_opener
            && !(a..comma).any(|k| {
                let t = self.toks[k];
                matches!(
                    t.func,
                    Func::Aux
                        | Func::That
                        | Func::He
                        | Func::She
                        | Func::They
                        | Func::It
                        | Func::First
                )
            });
        // "“The only way … is jail time” for criminal behavior, she said": a quote the
        // reporter's words go on from is a mixed clause, not direct speech.
        let opens_quote = self.toks[a].quoted;
        let goes_on = opens_quote && self.quote_goes_on(a, comma);
        (words >= 2 && (!opens_quote || goes_on) && !adverbial).then_some((a, comma))
    }
}

/// Nouns for documents, polls and studies, whose findings are reported like speech.
pub(super) static DOCUMENT_HEADS: crate::lexicon::Words =
    crate::lexicon::Words::new("document_heads");

impl Index<'_> {
    /// Past the addressee after "told"/"asked"/"urged": a name, an object pronoun, or a short
    /// noun phrase ("reporters", "the crowd") when a clause follows it.
    fn skip_addressee(&self, a: usize, s1: usize) -> usize {
        // "told The Wall Street Journal": past the article before a name.
        let named = if self.toks.get(a).is_some_and(|t| t.func == Func::Det) {
            a + 1
        } else {
            a
        };
        let at = self
            .m_start
            .get(a)
            .copied()
            .flatten()
            .or_else(|| self.m_start.get(named).copied().flatten());
        if let Some(mi) = at {
            let m = &self.ms[mi as usize];
            if !matches!(m.kind, Kind::Pronoun(_)) && m.t1 < s1 {
                // "asked Mills, Sullivan and Abedin to search …": past a list of names.
                let mut end = m.t1;
                for _ in 0..6 {
                    let sep = self.is_punct(end, ",") || self.word(end) == "and";
                    let sep_and = self.is_punct(end, ",") && self.word(end + 1) == "and";
                    let next = end + 1 + usize::from(sep_and);
                    let Some(n) = self.m_start.get(next).copied().flatten() else {
                        break;
                    };
                    let n = &self.ms[n as usize];
                    if !sep || n.kind != m.kind || n.t1 >= s1 {
                        break;
                    }
                    end = n.t1;
                }
                return end;
            }
        }
        // "told her the plan …" (object) but "told her supporters the plan …" (determiner).
        let her = self.word(a) == "her";
        if !her && matches!(self.word(a), "him" | "them" | "me" | "us" | "you") {
            return a + 1;
        }
        // "reporters the plant …", "the crowd that …": up to a determiner and a noun.
        let mut k = a;
        if her || self.toks.get(k).is_some_and(|t| t.func == Func::Det) {
            k += 1;
        }
        let noun = self
            .toks
            .get(k)
            .is_some_and(|t| t.word && t.func == Func::None && t.lex.cue.is_none() && !t.cap);
        let clause_next = self
            .toks
            .get(k + 1)
            .is_some_and(|t| t.word && (t.func == Func::Det || t.func.is_subject_pronoun()));
        if her && !(noun && clause_next) {
            return a + 1;
        }
        // "…, a school spokesman told reporters.": the addressee ends the sentence.
        let ends = self
            .toks
            .get(k + 1)
            .is_none_or(|t| k + 1 >= s1 || !t.word && !t.quoted && !self.is_punct(k + 1, "'s"));
        if noun && (clause_next || ends) {
            k + 1
        } else {
            a
        }
    }

    /// Whether token `end` closes a speaker mention that opens a new clause (after ", but",
    /// ", and", "but" or a comma): "…, but she denied", "…, and Smith said".
    fn new_report_subject(&self, end: usize) -> bool {
        let Some(mi) = self.m_end.get(end).copied().flatten() else {
            // "…, but officials said those talks …": a bare plural description after a
            // contrast opens the next report too.
            let head = self.word(end).to_lowercase();
            let mut k = end;
            if k > 0 && self.toks[k - 1].func == Func::Det {
                k -= 1;
            }
            return head.ends_with('s')
                && super::DESCRIPTION_HEADS.contains(head.as_str())
                && k > 0
                && self.toks[end].word
                && !self.toks[end].quoted
                && matches!(self.word(k - 1), "but" | "though" | "although" | "whereas");
        };
        let m = &self.ms[mi as usize];
        let d0 = m.d0;
        // "and" joins clauses only after a comma ("…, and Smith said"); "Seoul and Tokyo" is
        // one noun phrase.
        let and_clause =
            self.word(d0.wrapping_sub(1)) == "and" && d0 >= 2 && self.is_punct(d0 - 2, ",");
        // "…, to which O'Malley interjected": a relative clause after a preposition and a
        // comma gives the next speaker.
        let prep_rel = d0 >= 3
            && self.toks[d0 - 1].func == Func::Rel
            && self.toks[d0 - 2].func == Func::Prep
            && self.is_punct(d0 - 3, ",");
        d0 > 0
            && (matches!(
                self.word(d0 - 1),
                "but" | "though" | "although" | "while" | "whereas"
            ) || and_clause
                || prep_rel
                || self.is_punct(d0 - 1, ","))
            && !matches!(m.kind, Kind::Pronoun(Func::Rel) | Kind::Place)
    }

    /// What a rejecting verb takes at token `a` is something said: a clause ("that …"), a
    /// quote, or a noun for a statement within the first few words ("the claim", "reports").
    fn rejects_a_statement(&self, a: usize, s1: usize) -> bool {
        (a..(a + 5).min(s1)).any(|k| {
            let t = self.toks[k];
            t.quoted
                || t.word && t.func == Func::That
                // "dismissed him as a Hollywood actor".
                || k > a
                    && k <= a + 2
                    && self.word(k) == "as"
                    && !self.word(k - 1).ends_with("ed")
                || t.word && STATEMENT_NOUNS.contains(self.word(k).to_ascii_lowercase().as_str())
        })
    }

    /// Whether "that" at token `a` is a determiner before a singular count noun for something
    /// said, with no verb right after it: "that argument in a ruling", "that claim." A
    /// complementizer takes a subject with its own determiner or a plural or mass noun
    /// ("that claims of fraud were false", "that speculation about …").
    fn determiner_that(&self, a: usize, s1: usize) -> bool {
        let mut buf = String::new();
        if !self.word(a).eq_ignore_ascii_case("that")
            || a + 1 >= s1
            || !self.toks[a + 1].word
            || self.toks[a + 1].quoted
        {
            return false;
        }
        let noun = lower_into(self.word(a + 1), &mut buf);
        STATEMENT_NOUNS.contains(noun)
            && !noun.ends_with('s')
            && !matches!(
                noun,
                "speculation" | "talk" | "criticism" | "analysis" | "concern" | "narrative"
            )
            && (a + 2 >= s1 || !self.toks[a + 2].word || self.toks[a + 2].func == Func::Prep)
    }

    /// After "called"/"described"/"labeled" at token `a`: an object and what it is called (a
    /// quoted name, "as …", or a second noun phrase: "the plan a disaster"), not a phone call
    /// ("Obama called Naghmeh Abedini").
    fn names_something(&self, a: usize, s1: usize) -> bool {
        let lim = (a + params::FRAGMENT_CUE_TOKENS).min(s1);
        // "called an emergency meeting", "called snap elections": convening, not naming.
        let possessed = matches!(
            self.word(a),
            "her" | "his" | "their" | "its" | "my" | "our" | "your"
        );
        if !possessed && (a..(a + 4).min(lim)).any(|k| CONVENED.contains(self.word(k))) {
            return false;
        }
        // "a"/"an" opens the complement ("the plan a disaster"), not when a preposition
        // governs it ("called them back within an hour").
        let after_prep = |k: usize| {
            matches!(self.toks[k - 1].func, Func::Prep | Func::Conj | Func::That)
                || !self.toks[k - 1].word
        };
        if (a..lim).any(|k| self.toks[k].quoted)
            || (a + 1..lim).any(|k| {
                self.word(k) == "as" || matches!(self.word(k), "a" | "an") && !after_prep(k)
            })
        {
            return true;
        }
        // "called him divisive", "called it the enforcement of …": an object pronoun and
        // then its complement, not a phone call ("called him on Monday", "called her to
        // apologize", "called them back").
        let object = self.toks.get(a).is_some_and(|t| t.word && !t.cap)
            && matches!(
                self.word(a),
                "him"
                    | "her"
                    | "them"
                    | "it"
                    | "us"
                    | "me"
                    | "himself"
                    | "herself"
                    | "themselves"
                    | "itself"
            );
        // "called her fallen son her hero", "called the White House the enemy": a second
        // determiner, not one inside a prepositional phrase ("called the head of the …").
        // The object's noun phrase ends at punctuation or a clause word ("called the hearing
        // because they felt the …").
        let np_end = (a + 1..lim)
            .find(|&k| {
                let t = self.toks[k];
                !t.word
                    || matches!(t.func, Func::That | Func::Rel | Func::Conj | Func::Aux)
                    || t.func.is_subject_pronoun()
                    || matches!(
                        self.word(k),
                        "because"
                            | "since"
                            | "when"
                            | "after"
                            | "before"
                            | "while"
                            | "although"
                            | "though"
                            | "until"
                            | "so"
                            | "to"
                    )
            })
            .unwrap_or(lim);
        let second_det = (a + 1..np_end).any(|k| {
            self.toks[k].func == Func::Det
                && !after_prep(k)
                && !matches!(self.word(k), "this" | "that")
        });
        // "called the plan reckless", "called the ruling unconstitutional": a determiner, one
        // noun and an adjective that ends the clause.
        let adjective = |k: usize| {
            let w = self.word(k);
            w.len() > 4
                && [
                    "ous", "ive", "ful", "less", "able", "ible", "ent", "ant", "ic", "al", "ary",
                    "ish",
                ]
                .iter()
                .any(|x| w.ends_with(x))
        };
        let plain = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                t.word && !t.cap && !t.quoted && t.func == Func::None && t.lex.cue.is_none()
            })
        };
        if self.toks[a].func == Func::Det
            && a + 2 < lim
            && plain(a + 1)
            && plain(a + 2)
            && adjective(a + 2)
            && self
                .toks
                .get(a + 3)
                .is_none_or(|t| !t.word || matches!(t.func, Func::Conj | Func::That))
        {
            return true;
        }
        if !(object || second_det) || a + 1 >= s1 {
            return false;
        }
        let k = a + 1;
        let t = self.toks[k];
        let w = self.word(k).to_ascii_lowercase();
        // A preposition, adverb or time word after the object: a call made, not a name given.
        let call_made = matches!(
            t.func,
            Func::Prep | Func::Conj | Func::That | Func::Time | Func::Aux | Func::Rel
        ) || CALL_ADVERBS.contains(w.as_str());
        // "called him Donald": a capitalized word after a pronoun is left alone.
        let name_after_pronoun = object && t.cap;
        t.word && !t.quoted && !call_made && !name_after_pronoun
    }

    /// "which he said were accompanied by …", "what the senators said was …": when the
    /// subject `who` follows a relative pronoun and the cue is followed at `next` by a finite
    /// auxiliary, the end of the relative clause (the comma closing ", which …," or the
    /// sentence end `s1`).
    fn relative_report_end(
        &self,
        who: &Resolved,
        next: usize,
        s0: usize,
        s1: usize,
    ) -> Option<usize> {
        if who.a <= s0 || who.a >= next {
            return None;
        }
        let rel = self.word(who.a - 1);
        if !matches!(
            rel.to_ascii_lowercase().as_str(),
            "which" | "that" | "who" | "whom" | "what"
        ) || self.toks[who.a - 1].quoted
        {
            return None;
        }
        let aux = self.toks.get(next).is_some_and(|t| {
            t.word
                && !t.quoted
                && matches!(
                    self.word(next).to_ascii_lowercase().as_str(),
                    "is" | "was"
                        | "were"
                        | "are"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "should"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                )
        });
        if !aux {
            return None;
        }
        // ", which …, …": a non-restrictive clause ends at its closing comma.
        let nonrestrictive = who.a >= s0 + 2 && self.is_punct(who.a - 2, ",");
        Some(if nonrestrictive {
            (next..s1).find(|&k| self.is_punct(k, ",")).unwrap_or(s1)
        } else {
            s1
        })
    }

    /// Whether the speaker is a document, poll or study, or an organization or outlet.
    fn documentary(&self, who: &Resolved) -> bool {
        if let Some(e) = self.ents.get(who.entity) {
            if matches!(e.kind, EntityKind::Media | EntityKind::Organization) {
                return true;
            }
        }
        let doc_word = |k: usize| {
            let w = self.word(k).to_ascii_lowercase();
            DOCUMENT_HEADS.contains(w.as_str())
        };
        if (who.a..who.b).any(doc_word) {
            return true;
        }
        // "A 2014 study by professor Justin Levitt found": the author of a document.
        // Past the author's titles and affiliation ("by Loyola Law School professor").
        let lo = who.a.saturating_sub(params::ASIDE_TOKENS);
        let Some(by) = (lo..who.a)
            .rev()
            .take_while(|&k| {
                self.same_sentence(k, who.a)
                    && !self.toks[k].quoted
                    && self.toks[k].word
                    && self.toks[k].lex.cue.is_none()
            })
            .find(|&k| matches!(self.word(k), "by" | "from" | "of" | "at"))
        else {
            return false;
        };
        (by.saturating_sub(5)..by)
            .rev()
            .take_while(|&k| self.same_sentence(k, who.a) && !self.toks[k].quoted)
            .any(doc_word)
    }
}

/// Indirect quotes: (normalized byte span, attribution), in text order.
/// `skip` marks cues whose speech a quote already took; `used` marks every cue a quote took
/// (a reported clause ends before another quote's cue).
pub(super) fn find(
    ix: &mut Index,
    skip: &[bool],
    used: &[bool],
    _doc: &Doc,
) -> Vec<((usize, usize), Attr)> {
    let lx = lexicon();
    let mut out = Vec::new();
    let mut covered = 0usize;
    for ci in 0..ix.cues.len() {
        let c = ix.cues[ci];
        // Inside a clause already reported only a relative report may stand ("attacked
        // rivals for donations, which he said were accompanied by favors").
        let nested = c.t0 < covered;
        if skip.get(ci).copied().unwrap_or(true)
            || nested
                && !(c.t0.saturating_sub(params::ASIDE_TOKENS)..c.t0).any(|k| {
                    matches!(
                        ix.word(k).to_ascii_lowercase().as_str(),
                        "which" | "whom" | "what" | "who"
                    )
                })
        {
            continue;
        }
        let category = lx.category(c.category);
        let Some(&(s0, s1)) = ix.toks.get(c.t0).and_then(|t| ix.sent_toks.get(t.sent)) else {
            continue;
        };
        let mut conf = 0.7;
        let (who, shape) = if c.according {
            let Some(who) = ix.speaker_after(c.t1).or_else(|| ix.np_after(c.t1)) else {
                continue;
            };
            // "according to a declaration filed … by John F. Hackett": its author speaks.
            let who = ix.issuer_inside(&who).unwrap_or(who);
            // "The governor said that, according to the latest count, 40 people had died": a
            // source inside another report's clause is part of that clause.
            if c.t0 >= 2
                && ix.is_punct(c.t0 - 1, ",")
                && ix.toks[c.t0 - 2].func == Func::That
                && ix.word(c.t0 - 2).eq_ignore_ascii_case("that")
                && (s0..c.t0 - 2).any(|k| ix.cue_at[k].is_some() && !ix.toks[k].quoted)
            {
                continue;
            }
            let at_start = c.t0 - s0.min(c.t0) <= 3
                && (s0..c.t0).all(|k| {
                    let t = ix.toks[k];
                    !t.word || matches!(t.func, Func::Conj | Func::Aux)
                });
            // "According to a new report by Politico, …": past the rest of the noun phrase.
            let np_end = (who.b..(who.b + params::ACCORDING_NP_TOKENS).min(s1))
                .take_while(|&k| {
                    !ix.toks[k].quoted
                        && (ix.is_punct(k, ",")
                            // "a Reuters/Ipsos poll", "an ABC News-Washington Post poll".
                            || ix.is_punct(k, "/")
                            || ix.is_punct(k, "-")
                            || ix.toks[k].word
                                && ix.cue_at.get(k).copied().flatten().is_none()
                                && !matches!(ix.toks[k].func, Func::That | Func::Rel | Func::Aux))
                })
                .find(|&k| ix.is_punct(k, ","))
                // "according to Dennis B. Ross, another former American special envoy, was …":
                // past the apposition.
                .map(|k| {
                    ix.m_end
                        .get(who.b.wrapping_sub(1))
                        .copied()
                        .flatten()
                        .and_then(|mi| ix.ms[mi as usize].appos_end)
                        .filter(|&e| e > k && e < s1 && ix.is_punct(e, ","))
                        .unwrap_or(k)
                });
            // "Since last November, according to Human Rights Watch, security forces have
            // killed …": the clause goes on after the source's closing comma.
            let resumes = np_end.filter(|&k| {
                // "…, according to a declaration by John Hackett, concerning a lawsuit by …":
                // a participle or a preposition after the source modifies it; the clause
                // does not resume.
                let modifier = ix.toks.get(k + 1).is_some_and(|t| {
                    t.word && !t.cap && (t.func == Func::Prep || ix.word(k + 1).ends_with("ing"))
                });
                !modifier
                    && (k + 1..s1)
                        .take_while(|&j| !ix.toks[j].quoted)
                        .filter(|&j| ix.toks[j].word)
                        .count()
                        >= 3
            });
            if at_start && np_end.is_some() {
                (who, Shape::After)
            } else if c.t0 > s0 && ix.is_punct(c.t0 - 1, ",") {
                match resumes {
                    Some(k) => (
                        who,
                        Shape::Around {
                            comma: c.t0 - 1,
                            resume: k + 1,
                        },
                    ),
                    None => (who, Shape::Before { comma: c.t0 - 1 }),
                }
            } else if c.t0 >= s0 + 4
                && !ix.toks[c.t0 - 1].quoted
                && ix.toks[c.t0 - 1].word
                // Only a source, not a standard ("acted according to the rules").
                && (ix.documentary(&who)
                    || ix.ents.get(who.entity).is_some_and(|e| e.is_person()))
            {
                // "Clinton leads Sanders by 271 delegates according to a count by The
                // Associated Press, but …": no comma before the source.
                (who, Shape::Before { comma: c.t0 })
            } else {
                continue;
            }
        } else if let Some(x) = asked_by(ix, c.t0, c.t1, s0, s1) {
            x
        } else if let Some(x) = inverted(ix, &c, s0, s1) {
            x
        } else {
            let Some(who) = ix.subject_before(c.t0) else {
                continue;
            };
            // "they did not confirm …", "he never said …": nothing was reported.
            // Only the auxiliaries right before the verb count ("he didn't say"), not a
            // negation in an earlier clause ("said he didn't believe …, arguing that …").
            let mut nb = String::new();
            let mut k = c.t0;
            let mut negated = false;
            while k > who.b && ix.skippable(k - 1) {
                k -= 1;
                negated |= super::tokens::negates(super::tokens::lower_into(ix.word(k), &mut nb));
            }
            if negated {
                continue;
            }
            let block = who.a.min(c.t0);
            // "…, Clinton tried … and promised to …": the subject of a conjoined verb has no
            // fronted clause of this verb before it.
            let conjoined = (who.b..c.t0)
                .any(|k| ix.toks[k].word && !ix.toks[k].quoted && ix.toks[k].func == Func::Conj);
            // "…, after the department asked Mills to search …, Hackett said": a subject
            // right after a subordinator opens a subordinate clause, which has no fronted or
            // resumed part of its own.
            if ix.subordinate_subject(&who, s0) {
                (who, Shape::After)
            } else {
                // "Chastened by the analyses, Trump revised his plan, promising to …": a
                // participle after a comma continues the sentence's verb; what is fronted
                // belongs to that verb, not to the participle.
                let comma_participle =
                    c.t0 > s0 && ix.is_punct(c.t0 - 1, ",") && ix.word(c.t0).ends_with("ing");
                let fronted = if conjoined || comma_participle {
                    None
                } else {
                    ix.comma_before_subject(block, s0)
                };
                // "…, Graham told The Huffington Post on Thursday.": past the addressee.
                let tail = if c.addressee {
                    ix.skip_addressee(c.t1, s1)
                } else {
                    c.t1
                };
                match (fronted, ix.postposed_end(tail, s1)) {
                    (Some(comma), Some(None)) => {
                        conf = 0.75;
                        (who, Shape::Before { comma })
                    }
                    (Some(comma), Some(Some(k))) => (
                        who,
                        Shape::Around {
                            comma,
                            resume: k + 1,
                        },
                    ),
                    _ => (who, Shape::After),
                }
            }
        };
        if nested && (c.according || !matches!(shape, Shape::After)) {
            continue;
        }
        // "When the mayor said the plant would close, workers walked out": a report in a
        // subordinate clause ends at the comma that closes it.
        let s1 = if !c.according && ix.subordinate_subject(&who, s0) {
            let tail = if c.addressee {
                ix.skip_addressee(c.t1, s1)
            } else {
                c.t1
            };
            (tail..s1)
                .find(|&k| ix.is_punct(k, ",") && !ix.toks[k].quoted)
                .unwrap_or(s1)
        } else {
            s1
        };
        // "The primary threatens to knock …", "Ethiopia continues to occupy …": a verb with an
        // infinitive reports speech only from someone who speaks ("Smith threatened to sue"),
        // never from a description of a thing or a place.
        let infinitive = !c.according && ix.word(c.t1) == "to";
        let people = who.b > who.a && {
            let h = ix.word(who.b - 1).to_lowercase();
            (h.ends_with('s') && !h.ends_with("ss"))
                || super::person_noun(&h)
                || ix.toks[who.b - 1].lex.title
        };
        if infinitive
            && !c.addressee
            && !people
            && matches!(
                ix.mention_class(&who),
                "description" | "place" | "unresolved"
            )
            && !ix
                .ents
                .get(who.entity)
                .is_some_and(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Media))
        {
            continue;
        }
        // "A poll found …", "records show …": evidence verbs report only for a document, poll
        // or study, or an organization ("Gallup found"), never for a person ("he found a job").
        if category == "evidence" && !ix.documentary(&who) {
            continue;
        }
        // "called the plan a disaster", "described Clinton as “a lifetime politician”": a
        // naming verb reports its object and what it calls it, never a fronted clause; nor do
        // verbs that report only with "that" ("…, others believe", "…, Johnson agreed"),
        // except "…, she added".
        // A parenthetical cue inside the clause ("All of this, he acknowledges, could be
        // undone", "This, she believes, is wrong") reports whatever its category; an admission
        // after its clause ("It was a mistake, he conceded") reports too.
        // "As The Atlantic recently noted, trust in government is collapsing", "As many tax
        // experts, including Mr. Goldberg, have pointed out, Mr. Trump is free to …": what X
        // noted is the clause after the comma (not "As many tax experts").
        let shape = match as_clause_comma(ix, s0, c.t0, c.t1) {
            Some(comma) if !c.according && !matches!(shape, Shape::Question { .. }) => {
                Shape::AsClause { comma }
            }
            _ => shape,
        };
        let admits = category == "agree"
            && matches!(
                ix.word(c.t0).to_ascii_lowercase().as_str(),
                "acknowledged" | "acknowledges" | "admitted" | "admits" | "conceded" | "concedes"
            );
        let fronted_ok = category == "add"
            || admits
            || matches!(shape, Shape::Around { .. }) && category != "describe"
            || !(needs_that(category) || category == "believe");
        if !fronted_ok && !matches!(shape, Shape::After | Shape::AsClause { .. }) {
            continue;
        }
        // "Sanders says “the wind is at our backs” despite his loss …": a quote the sentence
        // goes on from is one mixed clause.
        let shape = match shape {
            Shape::After if !c.according && ix.quote_clause_after(c.t1, s1) => Shape::QuoteGoesOn,
            s => s,
        };
        let mut spans: Vec<(usize, usize)> = Vec::with_capacity(2);
        let pattern = match shape {
            Shape::After => Pattern::ReportedAfter,
            Shape::Before { .. } => Pattern::ReportedBefore,
            Shape::Around { .. } => Pattern::ReportedAround,
            Shape::Question { .. } | Shape::QuoteGoesOn | Shape::AsClause { .. } => {
                Pattern::ReportedAfter
            }
        };
        match shape {
            Shape::AsClause { comma } => {
                if let Some(sp) = clause_after(ix, used, comma + 1, s1, false) {
                    spans.push(sp);
                }
                covered = s1;
            }
            Shape::Before { comma } => {
                if let Some(sp) = ix.fronted_clause(s0, comma, false) {
                    spans.push(sp);
                }
                covered = s1;
            }
            Shape::Question { a, b } => {
                spans.push((a, b));
                covered = covered.max(b);
            }
            Shape::QuoteGoesOn => {
                if let Some(sp) = clause_after(ix, used, c.t1, s1, false) {
                    covered = covered.max(sp.1);
                    spans.push(sp);
                }
            }
            Shape::Around { comma, resume } => {
                // "Even then, he said, he's learned …", "In 2010, he warned, …": a short
                // fronted adverbial is no statement of its own ("The goal, he said, is …"
                // opens one: its subject).
                if let Some(sp) = ix.fronted_clause(s0, comma, true).filter(|&(a, b)| {
                    let t = ix.toks[a];
                    let adverbial = matches!(t.func, Func::Prep | Func::Opener | Func::Time)
                        || t.adverb
                        || matches!(
                            ix.word(a).to_ascii_lowercase().as_str(),
                            "even" | "back" | "too" | "soon" | "after" | "if" | "yet" | "still"
                        );
                    (a..b).filter(|&k| ix.toks[k].word).count() >= 3 || !adverbial
                }) {
                    spans.push(sp);
                }
                if let Some(sp) = clause_after(ix, used, resume, s1, false) {
                    spans.push(sp);
                }
                covered = s1;
            }
            Shape::After => {
                if c.according {
                    let comma = (who.b..s1).find(|&k| ix.is_punct(k, ",")).unwrap_or(who.b);
                    if let Some(sp) = clause_after(ix, used, comma + 1, s1, false) {
                        spans.push(sp);
                    }
                } else {
                    // A cue followed by a comma or colon introduces direct speech, not a clause.
                    let next = c.t1;
                    // "may have said it best when he blogged: “…”", "put it bluntly": the
                    // words said are elsewhere.
                    if ix.word(next) == "it"
                        && matches!(
                            ix.word(next + 1),
                            "best"
                                | "well"
                                | "bluntly"
                                | "succinctly"
                                | "plainly"
                                | "simply"
                                | "clearly"
                                | "perfectly"
                                | "aptly"
                                | "differently"
                                | "better"
                                | "again"
                                | "himself"
                                | "herself"
                                | "themselves"
                                | "most"
                        )
                    {
                        continue;
                    }
                    // "… highlighted and notes written": a verb followed by "and" reports no clause.
                    if ix
                        .toks
                        .get(next)
                        .is_none_or(|t| !t.word || t.quoted || t.func == Func::Conj)
                    {
                        continue;
                    }
                    // "…, which officials said will go into effect in May, …", "what she said is
                    // growing demand": the subject is inside a relative clause and the
                    // reported clause is the verb phrase the relative pronoun is subject of.
                    let relative = ix.relative_report_end(&who, next, s0, s1);
                    let after_adverbs = ix.skip_adverbs(next);
                    if nested && relative.is_none() {
                        continue;
                    }
                    if let Some(end) = relative {
                        if let Some(sp) = clause_after(ix, used, next, end, false) {
                            covered = covered.max(sp.1);
                            spans.push(sp);
                        }
                    } else if ix.determiner_that(after_adverbs, s1) {
                        // "rejected that argument in a ruling", "disputed that claim on
                        // Monday": "that" is a determiner pointing back to something said
                        // earlier; what is reported is that noun phrase, not the phrase
                        // after it (nor a clause of "argument in a ruling …").
                        covered = after_adverbs + 2;
                        spans.push((after_adverbs, after_adverbs + 2));
                    } else {
                        let mut a = after_adverbs;
                        // "said on Friday (that) he would …": the time phrase is not reported.
                        while ix.toks.get(a).is_some_and(|t| t.func == Func::Prep)
                            && ix.toks.get(a + 1).is_some_and(|t| t.func == Func::Time)
                        {
                            a = ix.skip_adverbs(a + 1);
                        }
                        let opens_with_prep = ix.toks.get(a).is_some_and(|t| t.func == Func::Prep);
                        let window = if opens_with_prep {
                            params::THAT_WINDOW_AFTER_PREP
                        } else {
                            params::THAT_WINDOW
                        };
                        // After a prepositional phrase only "that" opens the clause ("said at an
                        // event that …"); "if"/"whether" there belong to the reported clause.
                        let that_within = (a..(a + window).min(s1)).find(|&k| {
                            let t = ix.toks[k];
                            t.word
                                && t.func == Func::That
                                && !t.quoted
                                && (!opens_with_prep || ix.word(k).eq_ignore_ascii_case("that"))
                        });
                        // "…, adding he would never vote for her": a participle after a comma
                        // reports a clause without "that".
                        let participle = c.t0 > s0
                            && ix.is_punct(c.t0 - 1, ",")
                            && ix.word(c.t0).ends_with("ing");
                        // "told reporters the plant would close", "told him it was over": the
                        // addressee is not reported.
                        if c.addressee
                            && that_within.is_none()
                            && matches!(category, "say" | "ask" | "warn" | "propose")
                        {
                            a = ix.skip_addressee(a, s1);
                        }
                        if category == "describe" && !ix.names_something(a, s1) {
                            continue;
                        }
                        // "rejected bills painted as anti-gay", "rebuffed pressure to …": an
                        // act, unless what is rejected is something said ("rejected the claim
                        // that …", "dismissed reports of …", "disputed that …", a quote).
                        if category == "deny"
                            && !ix.word(c.t0).to_ascii_lowercase().starts_with("den")
                            && !ix.rejects_a_statement(a, s1)
                        {
                            continue;
                        }
                        match that_within {
                            _ if category == "describe" => {}
                            // "said in a statement that …": the prepositional phrase is not reported.
                            Some(k) if c.addressee || k == a || opens_with_prep => a = k + 1,
                            // "said Friday that …", "said this year that …": a time phrase before
                            // "that" is not reported.
                            Some(k)
                                if (a..k).all(|j| {
                                    ix.toks[j].func == Func::Time
                                        || matches!(
                                            ix.word(j),
                                            "this" | "earlier" | "later" | "late" | "early"
                                        )
                                }) =>
                            {
                                a = k + 1
                            }
                            // "she acknowledged it was unlikely to work", "he added he would":
                            // a subject pronoun and a finite verb open a clause without "that".
                            _ if (needs_that(category) || clause_only_verb(ix.word(c.t0)))
                                && !participle
                                && !(matches!(
                                    ix.word(a).to_ascii_lowercase().as_str(),
                                    "he" | "she" | "they" | "we" | "i" | "it"
                                ) && ix.toks.get(a + 1).is_some_and(|t| {
                                    t.word
                                        && !t.quoted
                                        && matches!(
                                            ix.word(a + 1),
                                            "is" | "was"
                                                | "were"
                                                | "are"
                                                | "had"
                                                | "has"
                                                | "would"
                                                | "will"
                                                | "could"
                                                | "should"
                                                | "did"
                                                | "does"
                                                | "might"
                                                | "may"
                                                | "can"
                                        )
                                })) =>
                            {
                                continue
                            }
                            // "said in a statement", "said as she left": no clause follows.
                            _ if matches!(
                                ix.word(a),
                                "as" | "when"
                                    | "while"
                                    | "after"
                                    | "before"
                                    | "because"
                                    | "since"
                                    | "until"
                                    | "during"
                                    | "amid"
                                    | "despite"
                                    | "like"
                                    | "through"
                                    | "upon"
                                    | "in"
                                    | "at"
                                    | "on"
                            ) =>
                            {
                                // "said after the convention he would not …": the clause starts at
                                // its pronoun subject after a short phrase; "said as she left" has none.
                                let lim = (a + params::THAT_WINDOW).min(s1);
                                match (a + 1..lim).find(|&k| {
                                    ix.toks[k].word
                                        && matches!(
                                            ix.toks[k].func,
                                            Func::He | Func::She | Func::They | Func::First
                                        )
                                        && ix.toks.get(k + 1).is_some_and(|t| {
                                            t.word && (t.func == Func::Aux || t.lex.cue.is_none())
                                        })
                                        && !ix.is_punct(k - 1, ",")
                                        && ix.toks[k - 1].func != Func::Prep
                                }) {
                                    Some(k) if ix.word(a) != "as" && ix.word(a) != "while" => a = k,
                                    _ => continue,
                                }
                            }
                            // A belief needs a clause of its own: "Smith believes he will win",
                            // not "Smith believes the report".
                            _ if category == "believe"
                                && !ix.toks.get(a).is_some_and(|t| t.func.is_subject_pronoun()) =>
                            {
                                continue
                            }
                            _ => {}
                        }
                        // "Scott's relatives, who asked authorities to show them the video,
                        // watched it": a report inside a non-restrictive "who" clause ends at
                        // the comma closing it.
                        let mut w = c.t0;
                        while w > s0 && ix.skippable(w - 1) {
                            w -= 1;
                        }
                        let in_aside = w >= s0 + 2
                            && ix.word(w - 1).eq_ignore_ascii_case("who")
                            && ix.is_punct(w - 2, ",");
                        let end = if in_aside {
                            (a..s1).find(|&k| ix.is_punct(k, ",")).unwrap_or(s1)
                        } else {
                            s1
                        };
                        // "called him divisive", "urged the council to resign": no finite verb of
                        // the clause's own.
                        let addressee_to = c.addressee
                            && (a..(a + 6).min(end))
                                .take_while(|&k| {
                                    ix.toks[k].word
                                        && (ix.toks[k].func != Func::Aux
                                            || matches!(ix.word(k), "not" | "never"))
                                })
                                .any(|k| ix.word(k) == "to");
                        let verbless = category == "describe" || addressee_to;
                        if let Some(sp) = clause_after(ix, used, a, end, verbless) {
                            covered = sp.1;
                            spans.push(sp);
                        }
                    }
                }
            }
        }
        for (a, b) in spans {
            if b <= a || b > ix.toks.len() {
                continue;
            }
            // A clause that is one quote is direct speech, not reported; one that opens with a
            // quoted fragment and goes on ("that “a bomb” had gone off") is reported.
            if ix.toks[a].quoted && (a..b).all(|k| ix.toks[k].quoted) {
                continue;
            }
            if (a..b).filter(|&k| ix.toks[k].word).count() < 2 {
                continue;
            }
            out.push((
                (ix.toks[a].s, ix.toks[b - 1].e),
                Attr {
                    who,
                    cue: Some(ci),
                    conf,
                    pattern,
                },
            ));
        }
    }
    out.sort_by_key(|(sp, _)| *sp);
    out
}

/// "Asked by Matt Lauer whether she had practiced her speech, she said …", "When asked by
/// Ingraham on Thursday about foreign workers, Cruz said …": a passive "asked" opening the
/// sentence (or after "When") reports the agent's question, up to the comma that closes it.
fn asked_by(
    ix: &mut Index,
    t0: usize,
    t1: usize,
    s0: usize,
    s1: usize,
) -> Option<(Resolved, Shape)> {
    let opens = t0 == s0
        || t0 == s0 + 1
            && matches!(
                ix.word(s0),
                "When" | "when" | "If" | "if" | "Once" | "After"
            );
    if !opens
        || !matches!(
            ix.word(t0).to_ascii_lowercase().as_str(),
            "asked" | "questioned"
        )
        || ix.word(t1) != "by"
    {
        return None;
    }
    let who = ix.speaker_after(t1 + 1)?;
    if !ix.ents.get(who.entity).is_some_and(|e| {
        e.is_person() || matches!(e.kind, EntityKind::Organization | EntityKind::Media)
    }) {
        return None;
    }
    // Past "on Thursday", "during the debate" to the question.
    let mut a = who.b;
    while a < s1
        && (ix.toks[a].func == Func::Time
            || ix.toks[a].func == Func::Prep && a + 1 < s1 && ix.toks[a + 1].func == Func::Time)
    {
        a += 1;
    }
    let question = ix.toks.get(a).is_some_and(|t| {
        t.word
            && !t.quoted
            && matches!(
                ix.word(a).to_ascii_lowercase().as_str(),
                "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who" | "about"
            )
    });
    let b = (a..s1).find(|&k| ix.is_punct(k, ",") || ix.toks[k].quoted)?;
    (question && b > a + 1 && ix.is_punct(b, ",")).then_some((who, Shape::Question { a, b }))
}

/// "…, said Smith." — an inverted cue after the clause it reports (`t0..t1` is the cue).
fn inverted(ix: &mut Index, c: &Cue, s0: usize, s1: usize) -> Option<(Resolved, Shape)> {
    let t0 = c.t0;
    // "The senator, citing a new poll, said …": a participle's noun phrase is its object.
    if t0 <= s0 || !ix.is_punct(t0 - 1, ",") || ix.word(t0).ends_with("ing") {
        return None;
    }
    let who = ix.speaker_after(c.t1)?;
    // "Costa, echoing Whitfield, called on the mayor to withdraw …": whom one urges, asks or
    // tells to do something is the addressee, not an inverted subject.
    if c.addressee && ix.word(who.b) == "to" {
        return None;
    }
    match ix.postposed_end(who.b, s1)? {
        None => Some((who, Shape::Before { comma: t0 - 1 })),
        // "…, said lobbyist Charlie Black, Manafort's former business partner.": a noun
        // phrase in apposition to the end of the sentence, not a clause that resumes.
        Some(k) if apposition_to_end(ix, k + 1, s1) => Some((who, Shape::Before { comma: t0 - 1 })),
        Some(k) => Some((
            who,
            Shape::Around {
                comma: t0 - 1,
                resume: k + 1,
            },
        )),
    }
}

/// Whether tokens `a..s1` are a noun phrase closing the sentence ("a former aide", "Manafort's
/// business partner"): no verb, pronoun, relative word, conjunction or cue among them.
fn apposition_to_end(ix: &Index, a: usize, s1: usize) -> bool {
    let words: Vec<usize> = (a..s1).filter(|&k| ix.toks[k].word).collect();
    let opens_np = words.first().is_some_and(|&k| {
        let t = ix.toks[k];
        t.func == Func::Det
            || t.cap
            || ix
                .toks
                .get(k + 1)
                .is_some_and(|n| n.func == Func::Possessive)
    });
    opens_np
        && words.len() <= 12
        && (a..s1).all(|k| {
            let t = ix.toks[k];
            // A capitalized reporting word is part of a name ("the Cook Political Report").
            !t.quoted
                && (!t.word
                    || (t.lex.cue.is_none() || t.cap && k > a)
                        && !matches!(
                            t.func,
                            Func::Aux
                                | Func::That
                                | Func::Rel
                                | Func::Conj
                                | Func::He
                                | Func::She
                                | Func::They
                                | Func::It
                                | Func::First
                        ))
                && !ix.is_punct(k, ",")
                && !ix.is_punct(k, ";")
        })
}

/// Whether the reported clause at `a` opens with a prepositional or subordinate phrase whose
/// closing comma is its first comma, and the subject before token `k` follows that comma.
fn opener_closed_at(ix: &Index, a: usize, k: usize) -> bool {
    let opens = ix.toks[a].word
        && !ix.toks[a].quoted
        && (ix.toks[a].func == Func::Prep
            || matches!(
                ix.word(a).to_ascii_lowercase().as_str(),
                "when"
                    | "while"
                    | "if"
                    | "although"
                    | "though"
                    | "because"
                    | "once"
                    | "since"
                    | "as"
                    | "before"
                    | "after"
                    | "until"
                    | "unless"
            ));
    if !opens {
        return false;
    }
    let Some(comma) = (a..k).find(|&j| ix.is_punct(j, ",")) else {
        return false;
    };
    let Some(mi) = ix.m_end.get(k - 1).copied().flatten() else {
        return false;
    };
    ix.ms[mi as usize].d0 == comma + 1
}

/// Nouns for something said, which a rejecting verb can report ("rejected the claim").
static STATEMENT_NOUNS: crate::lexicon::Words = crate::lexicon::Words::new("statement_nouns");

/// Adverbs after the object of "called" that make it a phone call ("called him back").
static CALL_ADVERBS: crate::lexicon::Words = crate::lexicon::Words::new("call_adverbs");

/// What one calls when one convenes it, not names it ("called a meeting", "called elections").
static CONVENED: crate::lexicon::Words = crate::lexicon::Words::new("convened_nouns");

/// The reported clause from token `a` to the end of the sentence `s1`, cut before another
/// speaker's cue ("…, adding that …", "… with Johnson saying: “…”") and trailing punctuation.
/// `verbless`: the clause is a naming verb's object and complement ("called him divisive"),
/// which, like an infinitive, has no finite verb of its own.
/// The comma that ends a fronted "As X noted" (sentence from `s0`, cue `t0..t1`): "As" opens
/// the sentence, nothing between it and the cue is set off by commas but an "including" or
/// "like" aside, and only a tail ("recently", "in a column") comes between the cue and the
/// comma. Not "As Freddy stumbled, Mr. Trump said": a clause of its own before the speaker.
fn as_clause_comma(ix: &Index, s0: usize, t0: usize, t1: usize) -> Option<usize> {
    if !ix.word(s0).eq_ignore_ascii_case("as") || t0 <= s0 + 1 || t0 > s0 + 14 {
        return None;
    }
    let mut k = s0 + 1;
    while k < t0 {
        if ix.is_punct(k, ",") {
            let aside = matches!(
                ix.word(k + 1).to_ascii_lowercase().as_str(),
                "including" | "like" | "such"
            );
            let close = (k + 1..t0).find(|&j| ix.is_punct(j, ","));
            match close {
                Some(j) if aside => k = j,
                _ => return None,
            }
        }
        if ix.toks[k].quoted || ix.cue_at[k].is_some() {
            return None;
        }
        k += 1;
    }
    // "As the day went on": time goes on, nobody speaks.
    if matches!(
        ix.word(t0).to_ascii_lowercase().as_str(),
        "went" | "go" | "goes" | "going" | "gone"
    ) || ix.toks[t0 - 1].func == Func::Time
    {
        return None;
    }
    // Only adverbs, time words and prepositional phrases between the cue and the comma: an
    // object ("As Trump lamented illegal immigration, Clinton …") makes it a clause of time.
    let mut e = t1;
    let mut in_pp = false;
    while e < t1 + 6 && !ix.is_punct(e, ",") {
        let t = ix.toks[e];
        in_pp |= t.func == Func::Prep;
        if !(t.word && (t.adverb || t.func == Func::Time || in_pp)) {
            return None;
        }
        e += 1;
    }
    ix.is_punct(e, ",").then_some(e)
}

/// The comma before a reporter's comment on the clause `[a, b)`: ", a charge that party
/// leaders denied", ", a result which drew murmurs" (an "a"/"an", at most two modifiers, and
/// a [`COMMENT_NOUNS`] noun, outside quotes). `None` when there is none.
fn comment_apposition(ix: &Index, a: usize, b: usize) -> Option<usize> {
    (a + 2..b).find(|&k| comment_comma(ix, k, b))
}

/// Whether the comma at `k` opens a reporter's comment ([`comment_apposition`]) that ends by
/// `b`.
fn comment_comma(ix: &Index, k: usize, b: usize) -> bool {
    let mut buf = String::new();
    ix.is_punct(k, ",")
        && matches!(ix.word(k + 1), "a" | "an")
        && !ix.toks[k].quoted
        && (k + 2..(k + 5).min(b)).any(|j| {
            let t = ix.toks[j];
            t.word
                && !t.quoted
                && !t.cap
                && COMMENT_NOUNS.contains(lower_into(ix.word(j), &mut buf))
                // The noun ends its phrase: "a charge that", "a claim his rivals dispute",
                // not "a claim form".
                && ix.toks.get(j + 1).is_some_and(|n| {
                    !n.word
                        || matches!(
                            n.func,
                            Func::Rel
                                | Func::That
                                | Func::Det
                                | Func::He
                                | Func::She
                                | Func::They
                                | Func::It
                                | Func::First
                        )
                        || n.cap
                })
                // Only modifiers before the noun: no verb, comma or preposition.
                && (k + 2..j).all(|m| {
                    ix.toks[m].word && ix.toks[m].func == Func::None && !ix.toks[m].cap
                })
        })
}

fn clause_after(
    ix: &Index,
    used: &[bool],
    a: usize,
    s1: usize,
    verbless: bool,
) -> Option<(usize, usize)> {
    // "…, he said, and intense wrangling could …": the conjunction joins, it is not reported.
    let mut a = a;
    while a < s1
        && (ix.toks[a].word && ix.toks[a].func == Func::Conj && !ix.toks[a].quoted
            || ix.is_punct(a, ","))
    {
        a += 1;
    }
    if a >= s1 {
        return None;
    }
    // A reported clause is a sentence's worth of words, never more (keeps run-on text linear).
    let mut b = s1.min(a + MAX_CLAUSE);
    // "pledged to back the nominee, but sounded equivocal", "called him divisive and walked
    // out": an infinitive or a naming verb's complement has no finite verb of its own, so a
    // past-tense verb after "and"/"but" is the reporting subject's.
    // A quote later in the sentence keeps the conjoined verb in the report ("called the
    // election “a citizenship election” and likened it to campaigns that had to “stand up”"),
    // where it would otherwise lose its speaker.
    let infinitive = ix.word(a).eq_ignore_ascii_case("to")
        || matches!(ix.word(a), "not" | "never") && ix.word(a + 1) == "to";
    if infinitive || verbless && !(a..b).any(|k| ix.toks[k].quoted) {
        if let Some(k) = (a + 2..b).find(|&k| {
            let t = ix.toks[k];
            let w = ix.word(k);
            t.word
                && !t.quoted
                && !t.cap
                && t.func == Func::None
                && w.len() > 4
                && w.ends_with("ed")
                && matches!(ix.word(k - 1), "and" | "but")
                && !ix.toks[k - 1].quoted
        }) {
            b = k - 1;
            while b > a
                && (ix.is_punct(b - 1, ",") || !ix.toks[b - 1].word && !ix.toks[b - 1].quoted)
            {
                b -= 1;
            }
        }
    }
    if let Some(k) = (a..b).find(|&k| {
        let Some(ci) = ix.cue_at.get(k).copied().flatten() else {
            return false;
        };
        used.get(ci as usize).copied().unwrap_or(false)
                // ", adding that …", ", saying …", ", according to …", "… and said": a new
                // report begins.
                || (k > a
                    && (ix.is_punct(k - 1, ",")
                        // "said that, according to the latest count, 40 …" goes on.
                        && !(ix.cues[ci as usize].according
                            && k >= 2
                            && ix.word(k - 2).eq_ignore_ascii_case("that"))
                        // `“New York values,” stating …`: the comma inside the closing mark.
                        || k > a + 1 && ix.word(k - 1) == "\"" && ix.is_punct(k - 2, ",")
                        || matches!(ix.word(k - 1), "and" | "but")
                            && ix.cues[ci as usize].t0 == k
                            // "… and said she …", not "… and continues to increase …".
                            && !WEAK_CUE_CATEGORIES
                                .contains(lexicon().category(ix.cues[ci as usize].category))))
                // "…, but she denied that …": a new subject and its reporting verb, unless the
                // comma only closes the clause's opening phrase ("disclosed that after the
                // assault, Bill Clinton called her").
                || (k > a + 2 && ix.new_report_subject(k - 1) && !opener_closed_at(ix, a, k))
    }) {
        let mut cut = k;
        if let Some(mi) = cut
            .checked_sub(1)
            .and_then(|p| ix.m_end.get(p))
            .copied()
            .flatten()
        {
            cut = ix.ms[mi as usize].d0;
            // "…, to which Smith interjected": the relative pronoun and its preposition go too.
            if cut >= 2 && ix.toks[cut - 1].func == Func::Rel && ix.toks[cut - 2].func == Func::Prep
            {
                cut -= 2;
            }
        } else if cut > a + 2 && ix.new_report_subject(cut - 1) {
            // A bare description ("but officials said"): back past it and its article.
            cut -= 1;
            if ix.toks[cut - 1].func == Func::Det {
                cut -= 1;
            }
        }
        while cut > a
            && ix
                .toks
                .get(cut - 1)
                .is_some_and(|t| !t.word || matches!(t.func, Func::Prep | Func::Conj | Func::Det))
            || matches!(ix.word(cut - 1), "though" | "although" | "whereas")
        {
            // A closing quote mark stays with the quote it closes ("it was “opposed to any
            // test” and warned …").
            if ix.word(cut - 1) == "\"" && (a..cut).filter(|&k| ix.word(k) == "\"").count() % 2 == 0
            {
                break;
            }
            cut -= 1;
        }
        b = cut;
    }
    if let Some(k) = comment_apposition(ix, a, b) {
        b = k;
    }
    // Trailing punctuation goes, but a closing quote mark stays with the quote it closes
    // ("dismissed the report as “a partisan hit job.”").
    let marks = (a..b).filter(|&k| ix.word(k) == "\"").count();
    while b > a && ix.toks.get(b - 1).is_some_and(|t| !t.word) {
        if ix.word(b - 1) == "\"" && marks % 2 == 0 {
            break;
        }
        b -= 1;
    }
    (b > a).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use crate::attribution::attribute;
    use crate::quotes::QuoteKind;

    fn indirect(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = crate::pipeline::prepare(t).unwrap();
        attribute(&doc, &crate::text::CharSlicer::new(t), &[])
            .0
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| (q.text, q.speaker, q.cue_category))
            .collect()
    }

    #[test]
    fn a_reporters_comment_after_the_clause_is_not_reported() {
        let q = indirect(
            "The governor said the count had been rigged, a charge that county clerks denied.",
        );
        assert_eq!(q[0].0, "the count had been rigged");
        let q = indirect(
            "The clerk announced 40 votes for Lee and two abstentions, a result which drew boos.",
        );
        assert_eq!(q[0].0, "40 votes for Lee and two abstentions");
        // An apposition inside the report stays: "a device" is no comment on the clause.
        let q = indirect("She said the firm sells a sensor, a device that measures smoke.");
        assert_eq!(
            q[0].0,
            "the firm sells a sensor, a device that measures smoke"
        );
        // "maintains" reports a clause, never what is kept.
        assert!(indirect("Lee still maintains a lead in the polls.").is_empty());
        assert_eq!(
            indirect("Lee maintains he is innocent.")[0].0,
            "he is innocent"
        );
    }

    #[test]
    fn manner_objects_job_titles_and_short_fronted_phrases_are_not_reports() {
        let v = indirect(
            "Ed Krayewski may have said it best when he blogged: \u{201c}She is as close to a \
             pre-selected candidate as this cycle will see.\u{201d}",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = indirect(
            "The margin would matter, said David Wasserman, an elections analyst at the Cook \
             Political Report.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "The margin would matter");
        let v = indirect("Even then, Mr. Seaman said, he could not support her.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "he could not support her");
    }

    #[test]
    fn a_document_speaks_for_its_issuer_not_for_who_obtained_it() {
        let v = indirect(
            "A letter from John Smith obtained by reporters says that the plan would cut pay.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("John Smith"));
    }

    #[test]
    fn rejecting_an_act_is_no_report_and_rejecting_a_claim_is() {
        assert!(
            indirect("Several states have recently rejected bills painted as anti-gay.").is_empty()
        );
        assert!(
            indirect("Senator Ray Holt has rebuffed pressure to rein in his supporters.")
                .is_empty()
        );
        let v = indirect("The ministry rejected the claim that it had hidden the data.");
        assert_eq!(v.len(), 1, "{v:?}");
        let v = indirect("The ministry denied any plans to close the port.");
        assert_eq!(v.len(), 1, "{v:?}");
        // "that" as a determiner: what is rejected is the earlier argument, not the phrase
        // after it; as a complementizer it opens the clause.
        let v = indirect("Judge Ana Ruiz rejected that argument in a ruling released Thursday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "that argument");
        let v = indirect("The mayor said that claims of fraud were false.");
        assert_eq!(v[0].0, "claims of fraud were false");
    }

    #[test]
    fn a_participle_aside_is_not_the_subject() {
        // What he cites is his, and what he says is his.
        let v = indirect("Senator Ray Holt, citing a new poll, said the race had tightened.");
        assert!(
            v.iter().all(|q| q.1.as_deref() == Some("Ray Holt")),
            "{v:?}"
        );
        assert!(v.iter().any(|q| q.0 == "the race had tightened"), "{v:?}");
        let v = indirect("Mayor Ana Lins, echoing Ray Holt, said the bridge would close.");
        assert_eq!(v[0].1.as_deref(), Some("Ana Lins"), "{v:?}");
    }

    #[test]
    fn naming_verbs_report_an_object_and_its_complement_not_a_phone_call() {
        for (t, want) in [
            (
                "In the debate, Senator Ray Holt called him divisive and walked out.",
                Some("him divisive"),
            ),
            (
                "Later, Mayor Ana Lins called it the worst budget in a decade.",
                Some("it the worst budget in a decade"),
            ),
            ("Mayor Ana Lins called him on Monday about the vote.", None),
            ("Mayor Ana Lins called her to apologize.", None),
            ("Mayor Ana Lins called them back within an hour.", None),
            (
                "Senator Ray Holt called on the rebels not to cross the river, and turned away.",
                Some("@propose:the rebels not to cross the river"),
            ),
            (
                "Senator Ray Holt called on the governor to resign.",
                Some("@propose:the governor to resign"),
            ),
            (
                "The council called an emergency meeting to discuss the test.",
                None,
            ),
            (
                "Republicans called the hearing because they felt the FBI had erred.",
                None,
            ),
            (
                "Clinton called her vote in favor of the war a mistake.",
                Some("her vote in favor of the war a mistake"),
            ),
        ] {
            let v = indirect(t);
            let (cat, want) = match want.and_then(|w| w.strip_prefix('@')) {
                Some(w) => {
                    let (c, w) = w.split_once(':').unwrap();
                    (c, Some(w))
                }
                None => ("describe", want),
            };
            let got = v
                .iter()
                .find(|q| q.2.as_deref() == Some(cat))
                .map(|q| q.0.as_str());
            assert_eq!(got, want, "{t}: {v:?}");
        }
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
    fn relative_and_parenthetical_reports() {
        // The subject of the report sits inside a relative clause; the clause ends at its comma.
        let v = indirect(
            "The new rules, which officials said will take effect in March, drew protests from farmers.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "will take effect in March");
        assert_eq!(v[0].1.as_deref(), Some("officials"));
        // A relative report inside another reported clause is kept as well.
        let v = indirect(
            "Mayor Dana Whitfield spoke on Monday. She criticized the developers for their gifts, which she said were meant to buy influence.",
        );
        assert!(
            v.iter().any(|q| q.0 == "were meant to buy influence"
                && q.1.as_deref() == Some("Dana Whitfield")),
            "{v:?}"
        );
        // "which" with an ordinary verb is no report.
        let v = indirect("The bridge, which engineers inspected last year, is closed.");
        assert!(v.is_empty(), "{v:?}");
        // A parenthetical admission reports the sentence around it.
        let v = indirect(
            "Governor Alan Pryce toured the plant. All of this, he acknowledges, could be undone by the next legislature.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, "All of this");
        assert_eq!(v[1].0, "could be undone by the next legislature");
        assert_eq!(v[1].1.as_deref(), Some("Alan Pryce"));
        // An opener before a parenthetical cue belongs to the reported sentence.
        let v = indirect(
            "Chief Marta Olsen met reporters. To prevent crowding, she said, the square will close early.",
        );
        assert_eq!(v[0].0, "To prevent crowding", "{v:?}");
        // "that" lets a weak verb report for a description: "the fund predicted that …".
        let v =
            indirect("Overall, the fund predicted that advanced economies will grow 1.6 percent.");
        assert_eq!(v[0].0, "advanced economies will grow 1.6 percent", "{v:?}");
        assert!(indirect("The fund predicted growth.").is_empty());
    }

    #[test]
    fn who_clauses_and_clauses_without_that() {
        // "who" stands for the noun phrase before it, whatever its head.
        let v = indirect(
            "The council refused to pay a contractor who said he was owed $40,000 for the roof.",
        );
        assert_eq!(v[0].0, "he was owed $40,000 for the roof", "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("contractor"));
        // …but not a prepositional object ("listeners to his program who said").
        let v =
            indirect("He took calls from listeners to his radio program who said they were angry.");
        assert!(v.iter().all(|q| q.1.as_deref() != Some("program")), "{v:?}");
        // A report inside ", who …," ends at its closing comma.
        let v = indirect(
            "Scott's relatives, who asked officials to release the video, watched it on Thursday.",
        );
        assert_eq!(v[0].0, "officials to release the video", "{v:?}");
        // A description after "where" opens its own clause.
        let v = indirect(
            "The firm filed in Richmond, where bankruptcy experts say judges move quickly.",
        );
        assert_eq!(v[0].0, "judges move quickly", "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("bankruptcy experts"));
        // An admission with a pronoun clause needs no "that"; "though" before the next report
        // stays out of the first one.
        let v = indirect(
            "Ana Figueroa said the campaign planned a protest, though she acknowledged it was unlikely to work.",
        );
        assert_eq!(v[0].0, "the campaign planned a protest", "{v:?}");
        assert_eq!(v[1].0, "it was unlikely to work", "{v:?}");
        assert!(indirect("Officials admitted the error on Monday.").is_empty());
    }

    #[test]
    fn an_apposition_after_an_inverted_cue_is_not_a_second_clause() {
        let v = indirect(
            "The firm lobbied on gaming, said lobbyist Charlie Black, Manafort's former business partner.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "The firm lobbied on gaming", "{v:?}");
        // A clause that resumes after the name still reports.
        let v = indirect("But to win, said Ana Ruiz, the party must change its message.");
        assert!(
            v.iter()
                .any(|x| x.0.contains("the party must change its message")),
            "{v:?}"
        );
    }

    #[test]
    fn a_bare_description_after_but_opens_its_own_report() {
        let v = indirect(
            "Zuckoff said he had spoken with the agency, but officials said those talks came later.",
        );
        assert_eq!(v[0].0, "he had spoken with the agency", "{v:?}");
        assert_eq!(v[1].0, "those talks came later", "{v:?}");
        assert_eq!(v[1].1.as_deref(), Some("officials"), "{v:?}");
    }

    #[test]
    fn a_quote_the_sentence_goes_on_from_is_one_mixed_clause() {
        let t =
            "Sanders says \u{201c}the wind is at our backs\u{201d} despite his loss in Nevada. \
                 Sanders said \u{201c}we will win\u{201d} when he spoke in Reno.";
        let doc = crate::pipeline::prepare(t).unwrap();
        let q: Vec<(String, QuoteKind)> = attribute(&doc, &crate::text::CharSlicer::new(t), &[])
            .0
            .into_iter()
            .filter(|q| q.speaker.is_some())
            .map(|q| (q.text, q.kind))
            .collect();
        let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        // The reporter's words after the closing mark are part of what Sanders says…
        assert!(
            texts.contains(&"\u{201c}the wind is at our backs\u{201d} despite his loss in Nevada"),
            "{q:?}"
        );
        // …but a time clause is the reporter's, and the quote stands alone.
        assert!(texts.contains(&"we will win"), "{q:?}");
        assert!(q.iter().all(|x| x.1 == QuoteKind::Mixed), "{q:?}");
    }

    #[test]
    fn manner_of_speaking_verbs_report_a_clause_only_with_that() {
        assert!(indirect("The crowd roared its approval.").is_empty());
        assert!(indirect("The fire raged across the hills.").is_empty());
        let v = indirect("The mayor fumed that the count had been rigged.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "the count had been rigged");
    }

    #[test]
    fn a_capitalized_quote_after_that_the_sentence_goes_on_from_is_mixed() {
        // Capitalized, or three words short enough to read as a term, the quote after "that"
        // is the speaker's words inside the clause: one mixed quote, not a direct quote or a
        // speakerless term beside an indirect one.
        let t = "Jessica Ditto said via email that, \u{201c}Of course Mr. Trump will defend \
                 himself\u{201d} against the attacks. Ray Holt said that \u{201c}Trump is \
                 dead\u{201d} because of the vote.";
        let doc = crate::pipeline::prepare(t).unwrap();
        let q: Vec<(String, QuoteKind, Option<String>)> =
            attribute(&doc, &crate::text::CharSlicer::new(t), &[])
                .0
                .into_iter()
                .map(|q| (q.text, q.kind, q.speaker))
                .collect();
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|x| x.1 == QuoteKind::Mixed), "{q:?}");
        assert!(q[0].0.ends_with("against the attacks"), "{q:?}");
        assert_eq!(q[1].0, "\u{201c}Trump is dead\u{201d} because of the vote");
    }

    #[test]
    fn a_question_asked_by_someone_is_theirs() {
        let v = indirect(
            "Asked by Matt Lauer whether she had rehearsed, Melania Trump said she had not. \
             When asked by Ingraham on Thursday about foreign workers, Cruz said it was a bad idea.",
        );
        assert_eq!(v[0].0, "whether she had rehearsed", "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Matt Lauer"), "{v:?}");
        assert_eq!(v[0].2.as_deref(), Some("ask"), "{v:?}");
        assert_eq!(v[1].1.as_deref(), Some("Melania Trump"), "{v:?}");
        assert_eq!(v[2].0, "about foreign workers", "{v:?}");
        assert_eq!(v[2].1.as_deref(), Some("Ingraham"), "{v:?}");
        assert_eq!(v[3].0, "it was a bad idea", "{v:?}");
    }

    #[test]
    fn a_source_inside_a_that_clause_belongs_to_the_clause() {
        let v = indirect(
            "The governor said Thursday that, according to the latest count, 40 people had died.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            v[0].0, "according to the latest count, 40 people had died",
            "{v:?}"
        );
        assert_eq!(v[0].1.as_deref(), Some("governor"), "{v:?}");
    }

    #[test]
    fn an_infinitive_report_ends_before_the_next_finite_verb() {
        let v = indirect(
            "Governor Ana Ruiz pledged to back the nominee, but sounded equivocal this week.",
        );
        assert_eq!(v[0].0, "to back the nominee", "{v:?}");
        let v = indirect("Governor Ana Ruiz promised to cut taxes and to raise wages.");
        assert_eq!(v[0].0, "to cut taxes and to raise wages", "{v:?}");
    }

    #[test]
    fn a_clause_opening_phrase_does_not_end_the_report() {
        let v = indirect(
            "Broaddrick disclosed that after the assault, Bill Clinton called her to apologize.",
        );
        assert_eq!(
            v[0].0, "after the assault, Bill Clinton called her to apologize",
            "{v:?}"
        );
        assert_eq!(v[0].1.as_deref(), Some("Broaddrick"), "{v:?}");
        // A new report after a comma still opens its own.
        let v = indirect("Smith said the plan failed, and Jones said it worked.");
        assert_eq!(v.len(), 2, "{v:?}");
    }

    #[test]
    fn going_on_the_attack_and_please_report_nothing() {
        assert!(indirect(
            "The governor went on the attack against the unions that backed her rival."
        )
        .is_empty());
        let v = indirect("Mayor Ana Ruiz went on to say the plan would fail.");
        assert_eq!(v[0].2.as_deref(), Some("say"), "{v:?}");
        // "Please" is no speaker of "know that …".
        let v = indirect("Please know that we are working hard to fix this.");
        assert!(v.iter().all(|x| x.1.as_deref() != Some("Please")), "{v:?}");
    }

    #[test]
    fn stance_verbs_and_direct_speech_are_not_indirect() {
        // A belief is reported under its own category ("believe"); a quantified group
        // ("Many", "Most of them") is its holder, as it would be of "said".
        let v = indirect("Many believe that the plan will fail soon.");
        assert_eq!(v[0].1.as_deref(), Some("Many"), "{v:?}");
        assert!(indirect("He said: “We will not stop now.”").is_empty());
        assert!(indirect("Japan added troops to the island garrison.").is_empty());
    }
}
