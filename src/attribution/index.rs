//! Building the per-article index and reading tokens from it.

use super::*;

impl<'a> Index<'a> {
    pub(super) fn build(doc: &'a Doc) -> Self {
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
        let lowercase = mentions::lowercase_words(text, &toks);
        let mut ms = mentions::find_with(text, &toks, &lowercase);
        let ents = entities::cluster(text, &toks, &mut ms);
        let cues = cues::find(text, &toks);
        let n = toks.len();
        let mut m_end: Vec<Option<u32>> = vec![None; n];
        let mut m_start: Vec<Option<u32>> = vec![None; n];
        for (k, m) in ms.iter().enumerate() {
            if let Some(x) = m_end.get_mut(m.t1.wrapping_sub(1)) {
                *x = Some(k as u32);
            }
            if let Some(x) = m_start.get_mut(m.d0) {
                *x = Some(k as u32);
            }
            if let Some(x) = m_start.get_mut(m.t0) {
                *x = Some(k as u32);
            }
        }
        let mut cue_at: Vec<Option<u32>> = vec![None; n];
        for (k, c) in cues.iter().enumerate() {
            if let Some(x) = cue_at.get_mut(c.t0) {
                *x = Some(k as u32);
            }
        }
        let mut spoke = vec![false; ents.len()];
        for m in &ms {
            // "Smith said", "“…,” said Smith".
            if cue_at.get(m.t1).is_some_and(|c| c.is_some())
                || super::mentions::inverted_speaker(&toks, m)
            {
                if let Some(x) = spoke.get_mut(m.entity) {
                    *x = true;
                }
            }
        }
        let mut first_tok: Vec<Option<usize>> = vec![None; ents.len()];
        for m in ms.iter().filter(|m| toks[m.t0].body) {
            if let Some(f) = first_tok.get_mut(m.entity) {
                *f = Some(f.map_or(m.t0, |x| x.min(m.t0)));
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
            groups: Default::default(),
            group_order: Vec::new(),
            first_tok,
            spoke,
            gender,
            sent_toks,
            lowercase,
        };
        ix.resolve_pronouns();
        ix
    }

    pub(super) fn word(&self, k: usize) -> &'a str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    pub(super) fn is_punct(&self, k: usize, p: &str) -> bool {
        self.toks.get(k).is_some_and(|t| !t.word) && self.word(k) == p
    }

    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.sent == y.sent,
            _ => false,
        }
    }

    /// A dash that sets off an aside ("—", "–" and "--" are normalized to hyphens).
    pub(super) fn is_dash(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| !t.word) && self.word(k) == "-"
    }

    /// Past a dateline opening the sentence at `s0` ("BUENA PARK, Calif. - …", "WASHINGTON —
    /// …"): a place in capitals, perhaps a state, then a dash. Returns `s0` when there is none.
    pub(super) fn skip_dateline(&self, s0: usize) -> usize {
        let Some(first) = self.toks.get(s0) else {
            return s0;
        };
        let shouted = |k: usize| {
            let w = self.word(k);
            w.chars().any(char::is_alphabetic)
                && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        };
        if !first.word || !first.cap {
            return s0;
        }
        // "Washington (AFP) – …", "Kabul, Afghanistan (Reuters) — …": a place in ordinary case
        // is a dateline when a wire service's tag in parentheses and a dash follow it.
        if !shouted(s0) {
            let lim = (s0 + 8).min(self.toks.len());
            let open = (s0 + 1..lim).find(|&k| self.is_punct(k, "("));
            let tagged = open.is_some_and(|o| {
                (s0 + 1..o).all(|k| {
                    let t = self.toks[k];
                    t.para == first.para && (t.word && t.cap || self.is_punct(k, ","))
                }) && self.toks.get(o + 1).is_some_and(|t| t.word && t.cap)
                    && self.is_punct(o + 2, ")")
                    && self.is_dash(o + 3)
            });
            return match open {
                Some(o) if tagged => {
                    let mut k = o + 3;
                    while self.is_dash(k) {
                        k += 1;
                    }
                    k
                }
                _ => s0,
            };
        }
        for k in s0 + 1..(s0 + 8).min(self.toks.len()) {
            let t = self.toks[k];
            if self.is_dash(k) {
                return k + 1;
            }
            // "BUENA PARK", ", Calif.", "(AP)".
            let ok = if t.word {
                t.cap && !t.quoted
            } else {
                matches!(self.word(k), "," | "." | "(" | ")")
            };
            if !ok || t.para != first.para {
                return s0;
            }
        }
        s0
    }

    pub(super) fn skippable(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.word && !t.quoted && (t.func == Func::Aux || t.adverb))
            // "George Will said": an auxiliary's form that ends a name is the name.
            && self.m_end.get(k).copied().flatten().is_none()
    }

    /// The first token after `k` that is not an adverb or auxiliary.
    pub(super) fn skip_adverbs(&self, mut k: usize) -> usize {
        while self.skippable(k) || self.toks.get(k).is_some_and(|t| t.func == Func::Time) {
            k += 1;
        }
        k
    }
}
