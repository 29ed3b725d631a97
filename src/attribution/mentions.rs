//! Mentions of possible speakers, found once per article in a single pass over the tokens:
//! names (with titles and ranks peeled off and kept), organizations and outlets, places used as
//! metonyms, and pronouns. Each name mention also records the words around it that say which
//! side it speaks for ("U.S. Defense Secretary", "Japan's former …", ", the assistant U.S.
//! secretary of state …,").

use super::tokens::{lower_into, Func, Tok};
use crate::hash::FxHashSet;
use crate::lexicon::lexicon;

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Org,
    Media,
    /// A country or capital ("China", "Beijing"): a speaker only as a metonym.
    Place,
    /// A capitalized name the article does not otherwise explain ("Pompeo").
    Unknown,
    /// he, she, they, it, who.
    Pronoun(Func),
}

/// One mention, as token indices.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The name (or pronoun) tokens `[t0, t1)`.
    pub t0: usize,
    pub t1: usize,
    /// First token of the whole mention including titles and pre-modifiers.
    pub d0: usize,
    pub kind: Kind,
    /// Titles and ranks, lowercase ("defense secretary", "lt. gen.").
    pub titles: Vec<String>,
    /// Side index and the token span of the evidence.
    pub side: Option<(u16, usize, usize)>,
    /// Token index of the comma that closes an apposition after the name.
    pub appos_end: Option<usize>,
    /// First mention of its sentence, or directly followed by a reporting verb.
    pub subjectish: bool,
    /// Lowercase key the entity clustering uses (surname, organization name, place).
    pub key: String,
    /// Gender signalled by a given name or honorific (1 male, 2 female, 0 unknown).
    pub gender: u8,
    /// Entity index, filled by clustering.
    pub entity: usize,
}

/// Last words of an outlet's name ("The Charlotte Observer"): organizations that are media.
static MEDIA_SUFFIXES: crate::lexicon::Words = crate::lexicon::Words::new("media_suffixes");

/// Whether `w` (lowercase) ends or opens an organization's name, an outlet's included.
fn org_suffix(w: &str) -> bool {
    ORG_SUFFIXES.contains(w) || MEDIA_SUFFIXES.contains(w)
}

static ORG_SUFFIXES: crate::lexicon::Words = crate::lexicon::Words::new("org_suffixes");

/// Organization words a name goes on after with "on" ("Committee on Foreign Relations").
static ORG_SUFFIX_ON: crate::lexicon::Words = crate::lexicon::Words::new("org_suffix_on");

/// Capitalized words that open a sentence but never a name.
static NON_NAME_OPENERS: crate::lexicon::Words = crate::lexicon::Words::new("non_name_openers");

/// Words that look like names in a capitalized run but join its parts.
fn connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for"
            | "de"
            | "al"
            | "bin"
            | "van"
            | "von"
            | "da"
            | "del"
            | "la"
            | "le"
            | "du"
            | "der"
            | "den"
            | "dos"
            | "das"
            | "di"
            | "ter"
    )
}

fn is_month_may(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| text.get(t.s..t.e) == Some("May"))
        && toks.get(i + 1).is_some_and(|n| {
            text.get(n.s..n.e)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// Can token `i` be part of a capitalized name run?
fn name_token(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    t.word
        && t.cap
        && !t.quoted
        && t.lex.cue.is_none()
        && (matches!(t.func, Func::None) || surname_will(text, toks, i))
        && !is_month_may(text, toks, i)
}

/// "Charlie King", "Erik Prince", "Steve King": a title word that is also a surname, ending a
/// run after a given name (or after any name word when it is a common surname), names the
/// person. "Saudi King", "Prime Minister" and "King Abdullah" keep their titles.
fn title_surname(
    toks: &[Tok],
    a: usize,
    k: usize,
    len: usize,
    lowers: &[String],
    placey: &[bool],
) -> bool {
    if k + 1 != len || k == 0 || placey[k - 1] {
        return false;
    }
    let prev = toks[a + k - 1];
    if prev.lex.title || prev.lex.is_place() || prev.func != Func::None {
        return false;
    }
    prev.lex.gender > 0
        || matches!(
            lowers[k].as_str(),
            "king"
                | "prince"
                | "bishop"
                | "judge"
                | "major"
                | "marshal"
                | "dean"
                | "earl"
                | "baron"
                | "pope"
                | "knight"
                | "sheriff"
                | "chancellor"
        )
}

/// "George Will wrote", "“…,” Will wrote": the auxiliary "Will" capitalized after a given
/// name, or between a comma or quote mark and a reporting verb, is a surname.
fn surname_will(text: &str, toks: &[Tok], i: usize) -> bool {
    if text.get(toks[i].s..toks[i].e) != Some("Will") || i == 0 {
        return false;
    }
    let p = toks[i - 1];
    let after_name = p.word && p.cap && !p.quoted && p.func == Func::None && p.lex.cue.is_none();
    let before_cue = !p.word
        && toks
            .get(i + 1)
            .is_some_and(|n| n.word && n.lex.cue.is_some());
    after_name || before_cue
}

/// "DES MOINES - Despite …", "FORT PIERCE, Fla. -": an all-capitals place opening a paragraph
/// before a dash or comma is a dateline, not a name.
fn dateline_run(text: &str, toks: &[Tok], i: usize) -> bool {
    let opens = i == 0 || toks[i - 1].para != toks[i].para;
    if !opens {
        return false;
    }
    let caps = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.word
                && text[t.s..t.e].chars().filter(|c| c.is_alphabetic()).count() >= 2
                && text[t.s..t.e]
                    .chars()
                    .all(|c| !c.is_alphabetic() || c.is_uppercase())
        })
    };
    let mut k = i;
    while caps(k) && k < i + 4 {
        k += 1;
    }
    k > i
        && toks
            .get(k)
            .is_some_and(|t| !t.word && matches!(&text[t.s..t.e], "-" | ","))
}

/// Words `toks` write in lowercase somewhere ("having", "using"): capitalized at a sentence
/// start they are ordinary words, not names ("Proposals so far …", "Noting that …").
pub(super) fn lowercase_words<'t>(text: &'t str, toks: &[Tok]) -> FxHashSet<&'t str> {
    toks.iter()
        .filter(|t| t.word && !t.cap)
        .filter_map(|t| text.get(t.s..t.e))
        .collect()
}

/// Find every mention in `toks` (the body tokens of one article).
#[cfg(test)]
pub fn find(text: &str, toks: &[Tok]) -> Vec<Mention> {
    find_with(text, toks, &lowercase_words(text, toks))
}

/// [`find`] with the article's [`lowercase_words`] already collected.
pub(super) fn find_with(text: &str, toks: &[Tok], lowercase: &FxHashSet<&str>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    let n = toks.len();
    let common_opener = |k: usize, buf: &mut String| -> bool {
        let t = toks[k];
        let starts = k == 0 || toks[k - 1].sent != t.sent;
        if !starts || t.lex.title || t.lex.country.is_some() || t.lex.capital.is_some() {
            return false;
        }
        // "Chastened by the analyses, Trump …", "Stung by the criticism, …": a fronted
        // participle with its agent.
        let by_follows = toks.get(k + 1).is_some_and(|n| {
            n.word && !n.cap && n.sent == t.sent && text[n.s..n.e].eq_ignore_ascii_case("by")
        });
        let w = lower_into(&text[t.s..t.e], buf);
        let participle = by_follows
            && ["ed", "en", "ung", "ught", "own", "orn", "elt", "ept"]
                .iter()
                .any(|e| w.ends_with(e));
        w.len() > 3
            && (lowercase.contains(w)
                || w.ends_with("ing")
                || (w.ends_with("ly") && w.len() > 4)
                || participle)
            && t.lex.gender == 0
    };
    while i < n {
        let t = toks[i];
        if !t.word || t.quoted {
            i += 1;
            continue;
        }
        if matches!(
            t.func,
            Func::He | Func::She | Func::They | Func::It | Func::Rel
        ) {
            let lw = lower_into(&text[t.s..t.e], &mut buf);
            // Object and possessive forms do not speak ("told him", "her plan").
            if !matches!(lw, "him" | "them" | "her" | "which" | "whom") {
                out.push(Mention {
                    t0: i,
                    t1: i + 1,
                    d0: i,
                    kind: Kind::Pronoun(t.func),
                    titles: Vec::new(),
                    side: None,
                    appos_end: None,
                    subjectish: false,
                    key: String::new(),
                    gender: 0,
                    entity: usize::MAX,
                });
            }
            i += 1;
            continue;
        }
        if !name_token(text, toks, i) && !(t.cap && (t.lex.title || t.lex.country.is_some())) {
            i += 1;
            continue;
        }
        if common_opener(i, &mut buf) || dateline_run(text, toks, i) {
            i += 1;
            continue;
        }
        // "Much of Beck", "Besides Clinton", "Another …": a quantifier or preposition the
        // closed-class table does not know opens the sentence, not a name.
        if NON_NAME_OPENERS.contains(lower_into(&text[t.s..t.e], &mut buf)) {
            i += 1;
            continue;
        }
        // The capitalized run [a, b), within one sentence of one paragraph ("Breitbart.com.
        // \n\nTrump" is two).
        let a = i;
        let mut b = i + 1;
        while b < n {
            let nt = toks[b];
            if nt.para != t.para || nt.sent != t.sent {
                break;
            }
            if nt.s != toks[b - 1].e && !nt.word {
                break;
            }
            if name_token(text, toks, b) || (nt.word && nt.cap && !nt.quoted && nt.lex.title) {
                b += 1;
            } else if nt.word
                && !nt.quoted
                && (connector(lower_into(&text[nt.s..nt.e], &mut buf))
                    // "House Select Committee on Benghazi", "Commission on Civil Rights".
                    || buf == "on"
                        && ORG_SUFFIX_ON.contains(
                            lower_into(&text[toks[b - 1].s..toks[b - 1].e], &mut buf),
                        ))
                && name_token(text, toks, b + 1)
            {
                b += 2;
            } else if nt.word
                && !nt.quoted
                && !nt.cap
                && connector(lower_into(&text[nt.s..nt.e], &mut buf))
                && toks
                    .get(b + 1)
                    .is_some_and(|x| x.word && connector(lower_into(&text[x.s..x.e], &mut buf)))
                && name_token(text, toks, b + 2)
            {
                // "Ursula von der Leyen", "Charles de la Roche".
                b += 3;
            } else {
                break;
            }
        }
        i = b;
        if let Some(m) = classify_run(text, toks, a, b, &mut buf) {
            out.push(m);
        }
    }
    mark_subjects(text, toks, &mut out);
    out
}

/// Turn the capitalized run `[a, b)` into a mention, or nothing for a bare title or a date.
fn classify_run(text: &str, toks: &[Tok], a: usize, b: usize, buf: &mut String) -> Option<Mention> {
    let lx = lexicon();
    let lowers: Vec<String> = (a..b)
        .map(|k| lower_into(&text[toks[k].s..toks[k].e], buf).to_string())
        .collect();
    let len = b - a;
    // "Jing Jianfeng of China": a name followed by its origin, not one long name.
    // "Rep. Lee Zeldin of New York": the place may be several words ending in a state.
    if let Some(c) = (1..len).find(|&k| lowers[k] == "of") {
        let place = |k: usize| toks[a + k].lex.is_place();
        // "Donald Hartley of Madison, Alabama": a town the lexicon does not know, followed by
        // its state.
        let town_state = len - c == 2
            && comma_at(text, toks, b)
            && toks
                .get(b + 1)
                .is_some_and(|t| t.word && t.sent == toks[a].sent && t.lex.is_place());
        let origin =
            (c + 1..len).all(place) || c + 1 < len && place(len - 1) && len - c <= 3 || town_state;
        let named_before = (0..c).any(|k| {
            let t = toks[a + k];
            !t.lex.title && t.lex.country.is_none() && !org_suffix(&lowers[k])
        });
        if origin && named_before && c + 1 < len {
            return classify_run(text, toks, a, a + c, buf);
        }
    }
    // Tokens that are part of a country, capital or known organization.
    let mut placey = vec![false; len];
    let mut side: Option<(u16, usize, usize)> = None;
    let mut org: Option<(usize, usize, &crate::lexicon::Organization)> = None;
    let mut joined = String::new();
    for s0 in 0..len {
        for s1 in (s0 + 1..=len.min(s0 + 4)).rev() {
            joined.clear();
            for (k, w) in lowers[s0..s1].iter().enumerate() {
                if k > 0 {
                    joined.push(' ');
                }
                joined.push_str(w);
            }
            let joined = joined.as_str();
            if let Some(o) = lx.organization(joined) {
                if org.is_none() {
                    org = Some((s0, s1, o));
                }
                for p in placey.iter_mut().take(s1).skip(s0) {
                    *p = true;
                }
                if side.is_none() {
                    if let Some(si) = o.side {
                        side = Some((si, a + s0, a + s1));
                    }
                }
                break;
            }
            let c = if s1 - s0 == 1 {
                let w = toks[a + s0].lex;
                w.country.or(w.capital)
            } else {
                lx.multi_country(joined).or(lx.multi_capital(joined))
            };
            if let Some(c) = c {
                for p in placey.iter_mut().take(s1).skip(s0) {
                    *p = true;
                }
                let after_prep = (a + s0)
                    .checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .is_some_and(|p| p.func == Func::Prep);
                if side.is_none() && !after_prep {
                    side = Some((c, a + s0, a + s1));
                }
                break;
            }
        }
    }
    // The name is what follows the last title, country or organization word.
    let mut last_mod: Option<usize> = None;
    for k in 0..len {
        let t = toks[a + k];
        let after_title = k > 0 && toks[a + k - 1].lex.title;
        // "… for East Asia and Pacific Affairs Daniel Kritenbrink": the portfolio is not the name.
        let portfolio =
            k + 1 < len && (t.lex.region || lowers[k] == "affairs" || org_suffix(&lowers[k]));
        if (t.lex.title && !title_surname(toks, a, k, len, &lowers, &placey))
            || placey[k]
            || portfolio
            || (connector(&lowers[k]) && after_title)
        {
            last_mod = Some(k);
        }
    }
    let name0 = last_mod.map_or(0, |k| k + 1);
    let all_time = (a..b).all(|k| toks[k].func == Func::Time);
    if all_time {
        return None;
    }
    let titles = collect_titles(text, toks, a, a + name0, buf);
    let mut m = Mention {
        t0: a + name0,
        t1: b,
        d0: a,
        kind: Kind::Unknown,
        titles,
        side,
        appos_end: None,
        subjectish: false,
        key: String::new(),
        gender: 0,
        entity: usize::MAX,
    };
    // "Center of Excellence", "Institute of War Studies": an organization's name.
    let suffix_org = (org_suffix(&lowers[len - 1]) && len >= 2)
        || (org_suffix(&lowers[0]) && lowers.iter().any(|w| w == "of"))
        || (name0 > 0 && name0 < len && connector(&lowers[name0]))
        || lowers
            .windows(2)
            .any(|w| ORG_SUFFIX_ON.contains(w[0].as_str()) && w[1] == "on");
    // "Madison Square Garden", "the Inland Regional Center" is where, never who.
    static FACILITY_SUFFIXES: crate::lexicon::Words =
        crate::lexicon::Words::new("facility_suffixes");
    if len >= 2 && org.is_none() && FACILITY_SUFFIXES.contains(lowers[len - 1].as_str()) {
        m.t0 = a;
        m.kind = Kind::Place;
        m.key = lowers.join(" ");
        m.titles.clear();
        m.side = None;
        return Some(m);
    }
    let region = toks[b - 1].lex.region && !toks[a..b].iter().any(|t| t.lex.title);
    if region && org.is_none() {
        m.t0 = a;
        m.kind = Kind::Place;
        m.key = lowers.join(" ");
        m.titles.clear();
        return Some(m);
    }
    if name0 >= len {
        // No name: an organization, a place, or a bare title.
        m.titles.clear();
        if let Some((s0, s1, o)) = org {
            m.t0 = a + s0;
            m.t1 = a + s1;
            m.kind = if o.media { Kind::Media } else { Kind::Org };
            m.key = lowers[s0..s1].join(" ");
            m.side = o.side.map(|s| (s, a + s0, a + s1));
        } else if placey.iter().all(|p| *p) {
            m.t0 = a;
            m.kind = Kind::Place;
            m.key = lowers.join(" ");
        } else if suffix_org {
            m.t0 = a;
            m.kind = Kind::Org;
            m.key = lowers.join(" ");
        } else {
            return None;
        }
        return Some(m);
    }
    if let Some((0, s1, o)) = org {
        if s1 == len {
            // The whole run is a known outlet or organization ("Washington Post").
            m.t0 = a;
            m.kind = if o.media { Kind::Media } else { Kind::Org };
            m.key = lowers.join(" ");
            m.titles.clear();
            return Some(m);
        }
    }
    if suffix_org {
        m.titles.clear();
        // "Liberal Democratic Party", "China's Institute of War Studies".
        // "European Commission", "Japan Coast Guard": the demonym is part of the name.
        let first_name = 0;
        m.t0 = a + first_name;
        m.kind = Kind::Org;
        m.key = lowers[first_name..].join(" ");
        let media = MEDIA_SUFFIXES.contains(lowers[len - 1].as_str());
        if media {
            m.kind = Kind::Media;
        }
        return Some(m);
    }
    if toks[b - 1].lex.region {
        // "Secretary of State for East Asia": a portfolio, not a name.
        return None;
    }
    let name_len = len - name0;
    let has_title = name0 > 0 && (a..a + name0).any(|k| toks[k].lex.title);
    m.kind = if name_len >= 2 || has_title {
        Kind::Person
    } else {
        Kind::Unknown
    };
    m.key = lowers[len - 1].clone();
    if name_len >= 2 {
        m.gender = toks[a + name0].lex.gender;
    }
    for w in lowers.iter().take(name0) {
        match w.as_str() {
            "mr" | "mr." | "sir" | "king" | "prince" => m.gender = 1,
            "mrs" | "mrs." | "ms" | "ms." | "dame" | "queen" | "princess" => m.gender = 2,
            _ => {}
        }
    }
    if m.kind == Kind::Person || m.kind == Kind::Unknown {
        describe(text, toks, &mut m, buf);
    }
    Some(m)
}

/// Maximal runs of title words (with "of" inside), lowercase, joined by spaces.
fn collect_titles(text: &str, toks: &[Tok], a: usize, b: usize, buf: &mut String) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for k in a..b {
        let t = toks[k];
        let lw = lower_into(&text[t.s..t.e], buf);
        if t.word && t.lex.title {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(lw);
        } else if lw == "of" && !cur.is_empty() && toks.get(k + 1).is_some_and(|n| n.lex.title) {
            cur.push_str(" of");
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Titles and side from the words before a person's name ("his British counterpart",
/// "the 67-year-old former Defense Minister") and from an apposition after it.
fn describe(text: &str, toks: &[Tok], m: &mut Mention, buf: &mut String) {
    // Backwards over lowercase modifiers, possessives and title runs, at most 8 tokens.
    let mut k = m.d0;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        let p = toks[k - 1];
        if p.quoted || p.sent != toks[m.d0].sent {
            break;
        }
        let ok = if p.func == Func::Possessive {
            true
        } else if !p.word {
            text.get(p.s..p.e) == Some("-")
        } else if p.lex.cue.is_some() || p.lex.cue_head {
            false
        } else if p.func == Func::Prep {
            // "Ambassador to Japan", "Secretary of State": only right after a title.
            toks.get(k.wrapping_sub(2)).is_some_and(|q| q.lex.title) && k >= 2
        } else if !p.cap
            && !p.lex.title
            && {
                // A past-tense verb, not a modifier ("Clinton campaign manager Robby Mook").
                let w = text.get(p.s..p.e).unwrap_or("");
                w.len() > 3 && w.ends_with("ed")
                    || matches!(
                        w,
                        "met"
                            | "beat"
                            | "won"
                            | "lost"
                            | "led"
                            | "saw"
                            | "took"
                            | "gave"
                            | "sent"
                            | "left"
                            | "chose"
                            | "hit"
                            | "made"
                            | "joined"
                            | "told"
                    )
            }
            && k >= 2
            && toks[k - 2].word
            && toks[k - 2].cap
            && !toks[k - 2].lex.title
            && toks[k - 2].lex.country.is_none()
            && toks[k - 2].sent == p.sent
        {
            // "Jane Smith met Ted Cruz", "Fiorina endorsed Cruz": a lowercase word after
            // another name is that name's verb, not a modifier of this one.
            false
        } else {
            matches!(
                p.func,
                Func::None | Func::Det | Func::He | Func::She | Func::Time
            )
        };
        if !ok {
            break;
        }
        k -= 1;
        steps += 1;
        if p.func == Func::Det && p.word {
            break;
        }
    }
    let pre0 = k;
    // "The European Union's trade chief, Maros Sefcovic": the description before the comma.
    if pre0 == m.d0 && m.side.is_none() && pre0 >= 2 {
        let comma = pre0 - 1;
        if toks[comma].sent == toks[m.d0].sent
            && !toks[comma].word
            && text.get(toks[comma].s..toks[comma].e) == Some(",")
        {
            let lo = comma.saturating_sub(6);
            for j in (lo..comma).rev() {
                let t = toks[j];
                if t.sent != toks[comma].sent || t.quoted || t.lex.cue.is_some() {
                    break;
                }
                if !t.word && t.func != Func::Possessive {
                    break;
                }
                let after_prep = j > 0 && toks[j - 1].func == Func::Prep;
                if let Some(c) = t.lex.country.or(t.lex.capital).filter(|_| !after_prep) {
                    let titled = (j + 1..comma).any(|q| toks[q].lex.title);
                    if titled {
                        m.side = Some((c, j, j + 1));
                    }
                    break;
                }
            }
        }
    }
    for j in pre0..m.d0 {
        let t = toks[j];
        let after_prep = j > 0 && toks[j - 1].func == Func::Prep;
        if m.side.is_none() && !after_prep {
            if let Some(c) = t.lex.country.or(t.lex.capital) {
                m.side = Some((c, j, j + 1));
            }
        }
    }
    if pre0 < m.d0 {
        let mut more = collect_titles(text, toks, pre0, m.d0, buf);
        m.titles.append(&mut more);
        m.d0 = pre0;
    }
    // Apposition: ", the assistant U.S. secretary of state for East Asia and the Pacific,".
    let c = m.t1;
    if comma_at(text, toks, c) {
        let first = toks.get(c + 1);
        let opens = first.is_some_and(|f| {
            f.word && (f.func == Func::Det || f.lex.title || f.lex.country.is_some())
        });
        if opens {
            let mut j = c + 1;
            let limit = (c + 25).min(toks.len());
            while j < limit {
                let t = toks[j];
                if t.quoted || t.sent != toks[c].sent || t.lex.cue.is_some() {
                    break;
                }
                if !t.word && matches!(text.get(t.s..t.e), Some(",") | Some(";")) {
                    m.appos_end = Some(j);
                    break;
                }
                j += 1;
            }
            // "Kishida, the former Defense Minister Shigeru Ishiba,": a second name, not a
            // description of the first.
            if let Some(end) = m.appos_end {
                let named = (c + 2..end).any(|q| {
                    let (x, y) = (toks[q - 1], toks[q]);
                    x.cap
                        && x.lex.title
                        && y.cap
                        && !y.lex.title
                        && y.func == Func::None
                        && y.lex.country.is_none()
                });
                if named {
                    m.appos_end = None;
                }
            }
            if let Some(end) = m.appos_end {
                let mut ts = collect_titles(text, toks, c + 1, end, buf);
                m.titles.append(&mut ts);
                if m.side.is_none() {
                    for q in c + 1..end {
                        let t = toks[q];
                        let after_prep = toks[q - 1].func == Func::Prep;
                        if let Some(s) = t.lex.country.filter(|_| !after_prep) {
                            m.side = Some((s, q, q + 1));
                            break;
                        }
                    }
                }
            }
        }
    }
}

/// Whether token `k` (if any) is a comma.
fn comma_at(text: &str, toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| !t.word && text.get(t.s..t.e) == Some(","))
}

fn is_number(t: &Tok) -> bool {
    t.word && t.digit
}

/// Mark mentions that stand as a sentence's subject (first in the sentence or right before a
/// reporting verb): pronouns prefer them.
fn mark_subjects(text: &str, toks: &[Tok], ms: &mut [Mention]) {
    let mut last_sent = usize::MAX;
    // The end of the last apposition seen: a name inside it ("Mark Holden, chairman of
    // Freedom Partners, the network's arm, said") is not the subject of the cue after it.
    // A sentence opening with a name and a comma ("Alixandria Lapp, executive director of the
    // House Majority PAC, a Democratic super PAC, said") holds the names after it in that
    // apposition too.
    let mut inside_until = 0usize;
    let mut opened_aside = false;
    for m in ms.iter_mut() {
        let sent = toks[m.t0].sent;
        let first = sent != last_sent;
        let inside = m.t0 < inside_until || (!first && opened_aside);
        if let Some(e) = m.appos_end {
            inside_until = inside_until.max(e);
        }
        if first {
            m.subjectish = true;
            last_sent = sent;
            // Only a name that opens the sentence: "In Denver, Rob Smith said" has no aside.
            let d0 = m.d0.min(m.t0);
            let opens = d0 == 0 || toks[d0 - 1].sent != sent;
            opened_aside = opens && comma_at(text, toks, m.t1);
        }
        // Over adverbs and a short prepositional tail: "Global Times on May 7 expressed".
        let mut k = m.appos_end.map_or(m.t1, |e| e + 1);
        let limit = k + 6;
        while k < limit
            && toks.get(k).is_some_and(|t| {
                t.word
                    && !t.quoted
                    && (matches!(t.func, Func::Aux | Func::Time | Func::Prep | Func::Det)
                        || t.adverb
                        || is_number(t))
            })
        {
            k += 1;
        }
        if !inside && toks.get(k).is_some_and(|t| t.lex.cue.is_some()) {
            m.subjectish = true;
        }
        // "“…,” said Jeffery Hemsley", "…, says Hemsley": the speaker of an inverted cue is its
        // subject (and what a later "he" most likely refers to).
        if inverted_speaker(toks, m) {
            m.subjectish = true;
        }
    }
}

/// Whether mention `m` (with its description) follows an inverted cue right after a quote or
/// a comma: "“…,” said Jeffery Hemsley", "…, says the spokesman Hemsley". Such a mention spoke.
pub(super) fn inverted_speaker(toks: &[Tok], m: &Mention) -> bool {
    let d0 = m.d0.min(m.t0);
    d0 >= 2
        && toks[d0 - 1].lex.cue.is_some()
        && toks[d0 - 1].word
        && !toks[d0 - 1].quoted
        && (!toks[d0 - 2].word || toks[d0 - 2].quoted)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn subjects(t: &str) -> Vec<String> {
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), 0, &mut toks);
        find(t, &toks)
            .into_iter()
            .filter(|m| m.subjectish)
            .map(|m| t[toks[m.t0].s..toks[m.t1 - 1].e].to_string())
            .collect()
    }

    #[test]
    fn names_inside_an_opening_apposition_are_not_subjects() {
        let s = subjects(
            "Mark Holden, chairman of Civic Futures, the network's arm, said it would wait.",
        );
        assert!(s.contains(&"Mark Holden".to_string()), "{s:?}");
        assert!(!s.contains(&"Civic Futures".to_string()), "{s:?}");
        // A fronted place is no apposition: the name after it is the subject of its cue.
        let s = subjects("In Denver, Rob Smith said the plan would fail.");
        assert!(s.contains(&"Rob Smith".to_string()), "{s:?}");
    }

    fn ms(t: &str) -> Vec<(String, Kind, Vec<String>, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), 0, &mut toks);
        let lx = lexicon();
        find(t, &toks)
            .into_iter()
            .filter(|m| m.kind != Kind::Place)
            .map(|m| {
                (
                    t[toks[m.t0].s..toks[m.t1 - 1].e].to_string(),
                    m.kind,
                    m.titles.clone(),
                    m.side.map(|s| lx.side(s.0).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn a_title_word_after_a_given_name_is_a_surname() {
        let m =
            ms("Charlie King, a former party director, met Sen. Angus King and Saudi King Salman.");
        let names: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
        assert!(names.contains(&"Charlie King"), "{m:?}");
        assert!(names.contains(&"Angus King"), "{m:?}");
        assert!(names.contains(&"Salman"), "{m:?}");
        let m = ms("Prime Minister Fumio Kishida and Erik Prince spoke.");
        assert_eq!(m[0].0, "Fumio Kishida");
        assert_eq!(m[0].2, vec!["prime minister"]);
        assert!(m.iter().any(|x| x.0 == "Erik Prince"), "{m:?}");
    }

    #[test]
    fn the_surname_will_is_a_name() {
        let m = ms("\u{201c}It has lost its way,\u{201d} Will wrote. The columnist George Will said so. Will it last?");
        let names: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
        assert!(names.contains(&"Will"), "{m:?}");
        assert!(names.contains(&"George Will"), "{m:?}");
        assert_eq!(
            names.iter().filter(|n| n.contains("Will")).count(),
            2,
            "{m:?}"
        );
    }

    #[test]
    fn names_titles_sides() {
        let v = ms("U.S. Defense Secretary Lloyd Austin met Japan's former Defense Minister Shigeru Ishiba and his British counterpart Boris Johnson");
        assert_eq!(v[0].0, "Lloyd Austin");
        assert_eq!(v[0].1, Kind::Person);
        assert_eq!(v[0].2, vec!["defense secretary"]);
        assert_eq!(v[0].3.as_deref(), Some("United States"));
        assert_eq!(v[1].0, "Shigeru Ishiba");
        assert_eq!(v[1].3.as_deref(), Some("Japan"));
        assert_eq!(v[2].0, "Boris Johnson");
        assert_eq!(v[2].3.as_deref(), Some("United Kingdom"));
        assert!(v[2].2.contains(&"counterpart".to_string()));
    }

    #[test]
    fn orgs_places_pronouns() {
        let v = ms("An editorial in China's Global Times on May 7 said Beijing and he agreed with NATO Secretary-General Mark Rutte.");
        let names: Vec<&str> = v.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, vec!["Global Times", "he", "Mark Rutte"]);
        assert_eq!(v[0].1, Kind::Media);
        assert_eq!(v[2].3.as_deref(), Some("NATO"));
    }

    #[test]
    fn particles_in_names() {
        let v = ms("European Commission President Ursula von der Leyen spoke.");
        assert_eq!(v.last().unwrap().0, "Ursula von der Leyen");
    }

    #[test]
    fn apposition() {
        let v =
            ms("Daniel Kritenbrink, the assistant U.S. secretary of state for East Asia, said so.");
        assert_eq!(v[0].0, "Daniel Kritenbrink");
        assert_eq!(v[0].3.as_deref(), Some("United States"));
        assert!(v[0].2.iter().any(|t| t.contains("secretary of state")));
    }
}
