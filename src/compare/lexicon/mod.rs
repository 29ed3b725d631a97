//! Word lists of the comparisons, embedded from the data files next to this module and parsed
//! once: `cues.tsv` (negation, denial and contrast cues), `antonyms.tsv` (reversing word
//! pairs), `negating_prefixes.txt`, `copulas.txt` (the stance decision), `match_stopwords.txt`
//! (what is no content word for quote matching) and `title_connectors.txt` (claims' frames). A leaf: it depends on nothing else in the crate, so the statement scorer in
//! [`crate::sim`] can leave these cues out of the content it compares.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a cue does to the polarity of the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Negates the rest of its clause: "not deploying troops".
    Particle,
    /// Denies the claim it governs: "denied any plans for", "rejected the claim that".
    Verb,
    /// Denies what comes before it: "reports that … are false".
    Predicate,
    /// Carries on an open negation without flipping it again: "neither … nor".
    Continue,
    /// Looks like a negation and is not one: "not only", "no doubt".
    Exception,
    /// Opens a conditional clause: "if", "unless".
    Condition,
    /// Ends a clause: "but", "while".
    Boundary,
}

impl CueKind {
    /// Whether the cue's words are left out of the content a statement is compared on.
    pub fn is_polarity(self) -> bool {
        matches!(
            self,
            CueKind::Particle
                | CueKind::Verb
                | CueKind::Predicate
                | CueKind::Continue
                | CueKind::Exception
        )
    }
}

/// A cue found in a word sequence: words `start..end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub kind: CueKind,
    pub text: String,
}

struct Cues {
    /// Phrases by their first word, longest first.
    by_first: HashMap<String, Vec<(Vec<String>, CueKind)>>,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut by_first: HashMap<String, Vec<(Vec<String>, CueKind)>> = HashMap::new();
        for line in data_lines(include_str!("cues.tsv")) {
            let (phrase, kind) = line.split_once('\t').expect("cues.tsv: phrase<TAB>kind");
            let kind = match kind.trim() {
                "particle" => CueKind::Particle,
                "verb" => CueKind::Verb,
                "predicate" => CueKind::Predicate,
                "continue" => CueKind::Continue,
                "exception" => CueKind::Exception,
                "condition" => CueKind::Condition,
                "boundary" => CueKind::Boundary,
                k => panic!("cues.tsv: unknown kind {k:?}"),
            };
            let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
            by_first
                .entry(words[0].clone())
                .or_default()
                .push((words, kind));
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Cues { by_first }
    })
}

/// The cues in `words` (lowercase), left to right, longest phrase first where phrases overlap.
/// A word ending in "n't" ("don't", "isn't") is a particle, or the start of a phrase of "not"
/// ("isn't just" as "not just").
pub fn find_cues<S: AsRef<str>>(words: &[S]) -> Vec<Cue> {
    let c = cues();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_ref();
        let hit = c.by_first.get(w).and_then(|cands| {
            cands.iter().find(|(p, _)| {
                i + p.len() <= words.len()
                    && p.iter().zip(&words[i..]).all(|(x, y)| x == y.as_ref())
            })
        });
        if let Some((p, kind)) = hit {
            out.push(Cue {
                start: i,
                end: i + p.len(),
                kind: *kind,
                text: p.join(" "),
            });
            i += p.len();
            continue;
        }
        if w.ends_with("n't") && w.len() > 3 {
            // "aren't just a loser": the phrases of "not" hold for its contracted forms.
            let not_phrase = c.by_first.get("not").and_then(|cands| {
                cands.iter().find(|(p, _)| {
                    p.len() > 1
                        && i + p.len() <= words.len()
                        && p[1..]
                            .iter()
                            .zip(&words[i + 1..])
                            .all(|(x, y)| x == y.as_ref())
                })
            });
            if let Some((p, kind)) = not_phrase {
                out.push(Cue {
                    start: i,
                    end: i + p.len(),
                    kind: *kind,
                    text: words[i..i + p.len()]
                        .iter()
                        .map(|w| w.as_ref())
                        .collect::<Vec<_>>()
                        .join(" "),
                });
                i += p.len();
                continue;
            }
            out.push(Cue {
                start: i,
                end: i + 1,
                kind: CueKind::Particle,
                text: w.to_string(),
            });
        }
        i += 1;
    }
    out
}

/// For each word form, the forms that reverse it (both directions of every line).
fn antonyms() -> &'static HashMap<String, HashSet<String>> {
    static A: OnceLock<HashMap<String, HashSet<String>>> = OnceLock::new();
    A.get_or_init(|| {
        let mut map: HashMap<String, HashSet<String>> = HashMap::new();
        for line in data_lines(include_str!("antonyms.tsv")) {
            let (x, y) = line
                .split_once('\t')
                .expect("antonyms.tsv: forms<TAB>forms");
            for a in x.split(',') {
                for b in y.trim().split(',') {
                    map.entry(a.to_string()).or_default().insert(b.to_string());
                    map.entry(b.to_string()).or_default().insert(a.to_string());
                }
            }
        }
        map
    })
}

/// A set of words from a one-word-a-line data file, parsed once.
macro_rules! word_set {
    ($name:ident, $file:literal, $doc:literal) => {
        #[doc = $doc]
        pub fn $name(word: &str) -> bool {
            static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
            S.get_or_init(|| data_lines(include_str!($file)).collect())
                .contains(word)
        }
    };
}

/// Prefixes that negate the word they are put on (`negating_prefixes.txt`): "unconstitutional",
/// "disagree", "illegal".
fn negating_prefixes() -> &'static [&'static str] {
    static P: OnceLock<Vec<&'static str>> = OnceLock::new();
    P.get_or_init(|| data_lines(include_str!("negating_prefixes.txt")).collect())
}

word_set!(
    is_copula,
    "copulas.txt",
    "Whether `word` (lower case) is a form of \"to be\" (`copulas.txt`)."
);
word_set!(
    is_title_connector,
    "title_connectors.txt",
    "Whether `word` is a lower-case word of a title block (`title_connectors.txt`: \"Minister of Foreign Affairs\")."
);
word_set!(
    is_match_stopword,
    "match_stopwords.txt",
    "Whether `word` (lower case) is in `match_stopwords.txt`: no content word for quote matching."
);

/// Whether the words `a` and `b` (lowercase) reverse each other: listed antonyms, or one is
/// the other with a negating prefix ("constitutional" / "unconstitutional").
pub fn reverses(a: &str, b: &str) -> bool {
    if antonyms().get(a).is_some_and(|r| r.contains(b)) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4
        && negating_prefixes()
            .iter()
            .any(|p| long.strip_prefix(p) == Some(short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_win_over_single_words_and_contractions_are_particles() {
        let w = [
            "it", "is", "not", "only", "late", "but", "we", "don't", "care",
        ];
        let c = find_cues(&w);
        let kinds: Vec<_> = c.iter().map(|c| (c.text.as_str(), c.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                ("not only", CueKind::Exception),
                ("but", CueKind::Boundary),
                ("don't", CueKind::Particle)
            ]
        );
        let w = ["you", "aren't", "just", "late", "we", "don't", "care"];
        let kinds: Vec<_> = find_cues(&w)
            .into_iter()
            .map(|c| (c.text, c.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("aren't just".to_string(), CueKind::Exception),
                ("don't".to_string(), CueKind::Particle)
            ]
        );
    }

    #[test]
    fn word_files_parse() {
        assert!(is_copula("been") && !is_copula("said"));
        assert!(is_title_connector("of") && !is_title_connector("Minister"));
        assert!(is_match_stopword("the") && !is_match_stopword("nato"));
        assert!(negating_prefixes().contains(&"non-"));
        assert!(negating_prefixes()
            .iter()
            .all(|p| !p.is_empty() && !p.contains(' ')));
    }

    #[test]
    fn listed_and_prefixed_reversals() {
        assert!(reverses("rose", "fell"));
        assert!(reverses("fell", "rose"));
        assert!(reverses("constitutional", "unconstitutional"));
        assert!(!reverses("rose", "rose"));
        assert!(!reverses("in", "n"));
        assert!(!reverses("support", "troops"));
    }
}
