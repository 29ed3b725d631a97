//! Word lists the attribution stage reads: reporting verbs with categories, titles and ranks,
//! nationality adjectives and country names, capitals used as metonyms, and outlets and
//! organizations with the side they speak for.
//!
//! The lists are plain data files next to this module (`verbs.tsv`, `titles.txt`,
//! `countries.tsv`, `capitals.tsv`, `organizations.tsv`, `places.txt`,
//! `given_names.tsv`); extend them and rebuild. They are
//! embedded with `include_str!` and parsed once, on first use. `words.txt` holds the shorter
//! lists the code reads by name (description heads, abbreviations, months, boilerplate lines…),
//! each a [`Words`] static.

use std::sync::OnceLock;

pub(crate) use crate::hash::FxHashMap;

const VERBS: &str = include_str!("verbs.tsv");
const TITLES: &str = include_str!("titles.txt");
const COUNTRIES: &str = include_str!("countries.tsv");
const CAPITALS: &str = include_str!("capitals.tsv");
const ORGANIZATIONS: &str = include_str!("organizations.tsv");
const PLACES: &str = include_str!("places.txt");
const GIVEN_NAMES: &str = include_str!("given_names.tsv");
const GROUPS: &str = include_str!("groups.tsv");
const NICKNAMES: &str = include_str!("nicknames.tsv");

/// The text of the word list `name` ("titles", "countries", "capitals", "organizations",
/// "given_names", "groups", "nicknames"), for the Python layer's corpus-wide speaker ids and
/// groups, which read the same lists as the core.
pub fn data(name: &str) -> Option<&'static str> {
    Some(match name {
        "titles" => TITLES,
        "countries" => COUNTRIES,
        "capitals" => CAPITALS,
        "organizations" => ORGANIZATIONS,
        "given_names" => GIVEN_NAMES,
        "groups" => GROUPS,
        "nicknames" => NICKNAMES,
        _ => return None,
    })
}

/// What the lexicon knows about one lowercase word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Category index (into [`Lexicon::categories`]) when the word is a one-word reporting verb.
    pub cue: Option<u8>,
    /// The word starts a multi-word cue ("according to", "called for").
    pub cue_head: bool,
    /// A title, rank or role word ("secretary", "gen.", "spokesperson").
    pub title: bool,
    /// Country (index into [`Lexicon::sides`]) for a one-word nationality or country name.
    pub country: Option<u16>,
    /// Country for a one-word capital or seat of government ("Beijing", "Kremlin").
    pub capital: Option<u16>,
    /// A region or geographic word ("Asia", "Pacific", "Sea").
    pub region: bool,
    /// Given name usually borne by men (1) or women (2); 0 when unknown.
    pub gender: u8,
}

impl WordInfo {
    /// A country, capital or region word ("Ohio", "Beijing", "York").
    pub fn is_place(&self) -> bool {
        self.country.is_some() || self.capital.is_some() || self.region
    }
}

/// An outlet or organization from `organizations.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// Side index, when the outlet speaks for a country or alliance.
    pub side: Option<u16>,
    /// "media" or "organization".
    pub media: bool,
}

/// The parsed lexicon.
#[derive(Debug)]
pub struct Lexicon {
    words: FxHashMap<String, WordInfo>,
    /// Multi-word cues: first word → (rest of the words, category).
    multi_cues: FxHashMap<String, Vec<(Vec<String>, u8)>>,
    /// Multi-word country names and nationalities ("south korea", "united states").
    multi_countries: FxHashMap<String, u16>,
    /// Multi-word capitals ("white house", "new delhi").
    multi_capitals: FxHashMap<String, u16>,
    orgs: FxHashMap<String, Organization>,
    categories: Vec<String>,
    sides: Vec<String>,
    /// Length of the longest one-word key, so long words skip the lookup.
    longest_word: usize,
}

fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn parse() -> Self {
        let mut lx = Lexicon {
            words: FxHashMap::default(),
            multi_cues: FxHashMap::default(),
            multi_countries: FxHashMap::default(),
            multi_capitals: FxHashMap::default(),
            orgs: FxHashMap::default(),
            categories: Vec::new(),
            sides: Vec::new(),
            longest_word: 0,
        };
        for line in data_lines(VERBS) {
            let Some((cat, forms)) = line.split_once('\t') else {
                continue;
            };
            let ci = lx.category_index(cat.trim());
            for f in forms.split_whitespace() {
                let f = f.to_lowercase();
                if f.contains('_') {
                    let mut parts: Vec<String> = f.split('_').map(str::to_string).collect();
                    let head = parts.remove(0);
                    lx.words.entry(head.clone()).or_default().cue_head = true;
                    lx.multi_cues.entry(head).or_default().push((parts, ci));
                } else {
                    lx.words.entry(f).or_default().cue = Some(ci);
                }
            }
        }
        for line in data_lines(TITLES) {
            for w in line.split_whitespace() {
                let w = w.to_lowercase();
                // Plural titles ("the two Prime Ministers") are titles too.
                if w.chars().all(char::is_alphabetic) && !w.ends_with('s') {
                    lx.words.entry(format!("{w}s")).or_default().title = true;
                }
                lx.words.entry(w).or_default().title = true;
            }
        }
        for line in data_lines(GIVEN_NAMES) {
            if let Some((g, names)) = line.split_once('\t') {
                let female = g.trim() == "female";
                for n in names.split_whitespace() {
                    let e = lx.words.entry(n.to_lowercase()).or_default();
                    e.gender = if female { 2 } else { 1 };
                }
            }
        }
        for line in data_lines(PLACES) {
            for w in line.split_whitespace() {
                lx.words.entry(w.to_lowercase()).or_default().region = true;
            }
        }
        for line in data_lines(COUNTRIES) {
            if let Some((k, c)) = line.split_once('\t') {
                let si = lx.side_index(c.trim());
                let k = k.trim().to_lowercase();
                if k.contains(' ') {
                    lx.multi_countries.insert(k, si);
                } else {
                    lx.words.entry(k).or_default().country = Some(si);
                }
            }
        }
        for line in data_lines(CAPITALS) {
            if let Some((k, c)) = line.split_once('\t') {
                let si = lx.side_index(c.trim());
                let k = k.trim().to_lowercase();
                if k.contains(' ') {
                    lx.multi_capitals.insert(k, si);
                } else {
                    lx.words.entry(k).or_default().capital = Some(si);
                }
            }
        }
        for line in data_lines(ORGANIZATIONS) {
            let mut cols = line.split('\t');
            let (Some(name), side, kind) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let side = side
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| lx.side_index(s));
            let media = kind.is_some_and(|k| k.trim() == "media");
            lx.orgs
                .insert(name.trim().to_lowercase(), Organization { side, media });
        }
        lx.longest_word = lx.words.keys().map(String::len).max().unwrap_or(0);
        lx
    }

    fn category_index(&mut self, c: &str) -> u8 {
        match self.categories.iter().position(|x| x == c) {
            Some(i) => i as u8,
            None => {
                self.categories.push(c.to_string());
                (self.categories.len() - 1) as u8
            }
        }
    }

    /// Index of side `s`, adding it when new (used while parsing and for user overrides).
    fn side_index(&mut self, s: &str) -> u16 {
        match self.sides.iter().position(|x| x == s) {
            Some(i) => i as u16,
            None => {
                self.sides.push(s.to_string());
                (self.sides.len() - 1) as u16
            }
        }
    }

    /// What the lexicon knows about a lowercase word.
    pub fn word(&self, lower: &str) -> WordInfo {
        if lower.len() > self.longest_word {
            return WordInfo::default();
        }
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// Multi-word cues starting with the lowercase word `head`.
    pub fn multi_cues(&self, head: &str) -> &[(Vec<String>, u8)] {
        self.multi_cues.get(head).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Country of a multi-word lowercase name ("south korea", "south korean").
    pub fn multi_country(&self, lower: &str) -> Option<u16> {
        self.multi_countries.get(lower).copied()
    }

    /// Country of a multi-word capital ("white house").
    pub fn multi_capital(&self, lower: &str) -> Option<u16> {
        self.multi_capitals.get(lower).copied()
    }

    /// The outlet or organization named by a lowercase name.
    pub fn organization(&self, lower: &str) -> Option<&Organization> {
        self.orgs.get(lower)
    }

    /// Name of cue category `i` ("say", "accuse", …).
    pub fn category(&self, i: u8) -> &str {
        self.categories
            .get(i as usize)
            .map(String::as_str)
            .unwrap_or("say")
    }

    /// Name of side `i` ("United States", "NATO", …).
    pub fn side(&self, i: u16) -> &str {
        self.sides.get(i as usize).map(String::as_str).unwrap_or("")
    }

    /// Index of the category named `c`, if the lexicon has it.
    pub fn category_named(&self, c: &str) -> Option<u8> {
        self.categories.iter().position(|x| x == c).map(|i| i as u8)
    }
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_file() {
        let lx = lexicon();
        let said = lx.word("said");
        assert_eq!(said.cue.map(|c| lx.category(c)), Some("say"));
        assert_eq!(
            lx.word("accused").cue.map(|c| lx.category(c)),
            Some("accuse")
        );
        assert!(lx.word("according").cue_head);
        assert!(lx.word("secretary").title);
        assert!(lx.word("asia").region);
        assert_eq!(
            lx.word("chinese").country.map(|c| lx.side(c)),
            Some("China")
        );
        assert_eq!(
            lx.word("beijing").capital.map(|c| lx.side(c)),
            Some("China")
        );
        assert_eq!(
            lx.multi_country("south korea").map(|c| lx.side(c)),
            Some("South Korea")
        );
        let gt = lx.organization("global times").unwrap();
        assert!(gt.media);
        assert_eq!(gt.side.map(|s| lx.side(s)), Some("China"));
        assert_eq!(lx.category(250), "say");
        assert_eq!(lx.side(9999), "");
    }

    #[test]
    fn data_names_every_list() {
        for name in [
            "titles",
            "countries",
            "capitals",
            "organizations",
            "given_names",
        ] {
            assert!(data(name).is_some_and(|d| !d.is_empty()), "{name}");
        }
        let groups = data("groups").unwrap();
        // Four tab-separated fields on every data line (the Python reader relies on it).
        for line in groups
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            assert_eq!(line.split('\t').count(), 4, "{line:?}");
        }
        for line in data_lines(data("nicknames").unwrap()) {
            assert_eq!(line.split('\t').count(), 2, "{line}");
        }
        assert!(data("verbs-of-doom").is_none());
    }
}

const WORD_LISTS: &str = include_str!("words.txt");

/// A named list of `words.txt` (a `[name]` section: entries separated by commas, `#` comments),
/// parsed on first use: `static HEADS: Words = Words::new("heads"); HEADS.contains(w)` looks
/// the word up in a hash set (the lists are asked about every token, so a scan of the slice was
/// a tenth of the attribution time); as a slice it keeps the file's order for prefix searches.
/// Every list the code names is checked to exist by a test.
pub struct Words {
    name: &'static str,
    cell: OnceLock<(Vec<&'static str>, crate::hash::FxHashSet<&'static str>)>,
}

impl Words {
    pub const fn new(name: &'static str) -> Self {
        Words {
            name,
            cell: OnceLock::new(),
        }
    }

    fn lists(&self) -> &(Vec<&'static str>, crate::hash::FxHashSet<&'static str>) {
        self.cell.get_or_init(|| {
            let v = word_list(self.name).unwrap_or_default();
            let set = v.iter().copied().collect();
            (v, set)
        })
    }

    /// Whether `w` is one of the list's entries (exactly, as written in `words.txt`).
    pub fn contains(&self, w: &str) -> bool {
        self.lists().1.contains(w)
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.lists().0
    }
}

/// The entries of section `[name]` of `words.txt`, or `None` when there is no such section.
pub fn word_list(name: &str) -> Option<Vec<&'static str>> {
    let mut out: Option<Vec<&'static str>> = None;
    for line in WORD_LISTS.lines() {
        let line = line.trim();
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if out.is_some() {
                break;
            }
            if section == name {
                out = Some(Vec::new());
            }
            continue;
        }
        if let Some(v) = out.as_mut() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            v.extend(line.split(',').map(str::trim).filter(|w| !w.is_empty()));
        }
    }
    out
}

#[cfg(test)]
mod word_list_tests {
    use super::*;

    #[test]
    fn sections_are_found_and_end_at_the_next() {
        let all: Vec<&str> = WORD_LISTS
            .lines()
            .filter_map(|l| l.trim().strip_prefix('[').and_then(|l| l.strip_suffix(']')))
            .collect();
        assert!(all.len() > 10);
        let mut seen = std::collections::HashSet::new();
        for name in &all {
            assert!(seen.insert(*name), "section [{name}] twice");
            let v = word_list(name).unwrap();
            assert!(!v.is_empty(), "[{name}] is empty");
            let mut u = v.clone();
            u.sort_unstable();
            u.dedup();
            assert_eq!(u.len(), v.len(), "[{name}] lists a word twice");
        }
        assert!(word_list("no such list").is_none());
    }
}
