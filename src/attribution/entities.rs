//! Entities: mentions clustered into the people, organizations and places an article talks
//! about. "Secretary of State Mike Pompeo", "Pompeo" and "Mike Pompeo" become one entity named
//! by its fullest mention; titles and side evidence from every mention are pooled.

use super::mentions::{Kind, Mention};
use super::tokens::Tok;

/// Most aliases or titles kept per entity.
const MAX_VARIANTS: usize = 24;

/// The kind of an entity, as `Speaker.kind` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organization,
    Media,
    /// A country or capital speaking as a metonym ("Beijing", "China").
    Place,
    /// A group named by a description ("American officials", "experts").
    Group,
}

impl EntityKind {
    /// The string `Speaker.kind` carries.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization | EntityKind::Place | EntityKind::Group => "organization",
            EntityKind::Media => "media",
        }
    }
}

/// One entity of an article.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest name the article uses.
    pub name: String,
    /// Token count of `name` (the fullest wins).
    pub name_tokens: usize,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    /// Side index and evidence text.
    pub side: Option<(u16, String)>,
    /// Side given by the user, which wins over evidence.
    pub side_override: Option<String>,
    pub mentions: usize,
    pub quotes: usize,
    /// Lowercase heads of descriptions joined to the entity ("official", "leader").
    pub description_heads: Vec<String>,
}

impl Entity {
    /// A new entity named `name`.
    pub fn new(name: &str, tokens: usize, kind: EntityKind) -> Self {
        Entity {
            name: name.to_string(),
            name_tokens: tokens,
            kind,
            aliases: Vec::new(),
            titles: Vec::new(),
            side: None,
            side_override: None,
            mentions: 0,
            quotes: 0,
            description_heads: Vec::new(),
        }
    }

    /// Add a surface form to the aliases once.
    pub fn add_alias(&mut self, a: &str) {
        // Bounded, so a name repeated with endless variants stays linear.
        if self.aliases.len() < MAX_VARIANTS
            && !a.is_empty()
            && !self.aliases.iter().any(|x| x == a)
        {
            self.aliases.push(a.to_string());
        }
    }

    /// Add a title once.
    pub fn add_title(&mut self, t: &str) {
        if self.titles.len() < MAX_VARIANTS && !t.is_empty() && !self.titles.iter().any(|x| x == t)
        {
            self.titles.push(t.to_string());
        }
    }

    /// Whether the entity can be "he"/"she".
    pub fn is_person(&self) -> bool {
        self.kind == EntityKind::Person
    }

    /// Whether the entity can be "it"/"they" or an outlet description.
    pub fn is_collective(&self) -> bool {
        matches!(
            self.kind,
            EntityKind::Organization | EntityKind::Media | EntityKind::Group
        )
    }
}

fn span_text<'a>(text: &'a str, toks: &[Tok], a: usize, b: usize) -> &'a str {
    match (toks.get(a), b.checked_sub(1).and_then(|k| toks.get(k))) {
        (Some(x), Some(y)) if x.s <= y.e => text.get(x.s..y.e).unwrap_or(""),
        _ => "",
    }
}

/// Cluster name mentions into entities (pronouns stay unresolved here).
pub fn cluster(text: &str, toks: &[Tok], ms: &mut [Mention]) -> Vec<Entity> {
    let mut ents: Vec<Entity> = Vec::new();
    // Keyed by (is a person, lowercase key).
    let mut by_key: crate::lexicon::FxHashMap<(bool, String), usize> = Default::default();
    // Full person names by their first word, for family-name-first names.
    let mut by_first: crate::lexicon::FxHashMap<String, usize> = Default::default();
    // Full person names by surname, with where each is named and its given name's gender: a
    // bare surname joins the nearest of them ("Bush" after "Jeb Bush" is Jeb, not George H.W.).
    let mut by_surname: crate::lexicon::FxHashMap<String, Vec<(usize, usize, u8)>> =
        Default::default();
    // Full names first, so a later (or earlier) bare surname finds them.
    for pass in 0..2 {
        for m in ms.iter_mut() {
            let full_person = m.kind == Kind::Person && m.t1 - m.t0 >= 2;
            let first_pass = full_person || matches!(m.kind, Kind::Org | Kind::Media);
            if (pass == 0) != first_pass || matches!(m.kind, Kind::Pronoun(_)) {
                continue;
            }
            let kind = match m.kind {
                Kind::Person | Kind::Unknown => EntityKind::Person,
                Kind::Org => EntityKind::Organization,
                Kind::Media => EntityKind::Media,
                Kind::Place => EntityKind::Place,
                Kind::Pronoun(_) => continue,
            };
            let name = span_text(text, toks, m.t0, m.t1);
            if name.is_empty() {
                continue;
            }
            let person = matches!(m.kind, Kind::Person | Kind::Unknown);
            let surname = std::mem::take(&mut m.key);
            // A full name is keyed by given name and surname ("Donald J. Trump" = "Donald
            // Trump", "Hillary Rodham Clinton" = "Hillary Clinton", but not "Bill Clinton").
            let key = if full_person {
                let first = span_text(text, toks, m.t0, m.t0 + 1).to_lowercase();
                (person, format!("{first}|{surname}"))
            } else {
                (person, surname.clone())
            };
            let nearest = if person && !full_person {
                by_surname.get(&surname).and_then(|cands| {
                    let fits = |g: u8| m.gender == 0 || g == 0 || g == m.gender;
                    cands
                        .iter()
                        .filter(|c| c.0 < m.t0 && fits(c.2))
                        .max_by_key(|c| c.0)
                        .or_else(|| cands.iter().find(|c| fits(c.2)))
                        .map(|c| c.1)
                })
            } else {
                None
            };
            let found = nearest.or_else(|| by_key.get(&key).copied()).or_else(|| {
                // A bare capitalized word may be a known organization or place, or the family
                // name that comes first ("Lee" for Lee Jae-myung, "Dong" for Dong Jun).
                if m.kind == Kind::Unknown {
                    by_key
                        .get(&(false, key.1.clone()))
                        .or_else(|| by_first.get(key.1.as_str()))
                        .copied()
                } else {
                    None
                }
            });
            let id = match found {
                Some(id) => id,
                None => {
                    ents.push(Entity::new(name, m.t1 - m.t0, kind));
                    by_key.insert(key, ents.len() - 1);
                    ents.len() - 1
                }
            };
            let e = &mut ents[id];
            if m.t1 - m.t0 > e.name_tokens {
                e.name = name.to_string();
                e.name_tokens = m.t1 - m.t0;
            }
            if m.kind == Kind::Person && e.kind == EntityKind::Place {
                e.kind = EntityKind::Person;
            }
            e.add_alias(name);
            let full = span_text(text, toks, m.d0, m.t1);
            if full != name {
                e.add_alias(full);
            }
            for t in &m.titles {
                e.add_title(t);
            }
            if e.side.is_none() {
                if let Some((s, a, b)) = m.side {
                    e.side = Some((s, span_text(text, toks, a, b).to_string()));
                }
            }
            e.mentions += 1;
            m.entity = id;
            if full_person {
                by_surname
                    .entry(surname)
                    .or_default()
                    .push((m.t0, id, m.gender));
            }
            if pass == 0 && m.kind == Kind::Person && m.t1 - m.t0 >= 2 {
                if let Some(t) = toks.get(m.t0) {
                    let first = text.get(t.s..t.e).unwrap_or("").to_lowercase();
                    by_first.entry(first).or_insert(id);
                }
            }
        }
    }
    ents
}

#[cfg(test)]
mod tests {
    use super::super::mentions;
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn surnames_join_the_nearest_full_name_of_that_family() {
        let t = "George H.W. Bush spoke first. Jeb Bush spoke later. Bush said so. Mrs. Clinton and Bill Clinton came. Hillary Clinton waved. Donald J. Trump arrived. Donald Trump left.";
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), 0, &mut toks);
        let mut ms = mentions::find(t, &toks);
        let ents = cluster(t, &toks, &mut ms);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert!(
            names.contains(&"George H.W. Bush") && names.contains(&"Jeb Bush"),
            "{names:?}"
        );
        let jeb = ents.iter().find(|e| e.name == "Jeb Bush").unwrap();
        assert_eq!(jeb.mentions, 2, "bare Bush after Jeb Bush is Jeb");
        assert!(names.contains(&"Bill Clinton") && names.contains(&"Hillary Clinton"));
        let trumps = ents.iter().filter(|e| e.name.contains("Trump")).count();
        assert_eq!(
            trumps, 1,
            "Donald J. Trump and Donald Trump are one person: {names:?}"
        );
    }

    #[test]
    fn surname_joins_full_name() {
        let t = "Pompeo said so. Secretary of State Mike Pompeo left. Mike Pompeo smiled. Global Times and the Global Times agreed.";
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), 0, &mut toks);
        let mut ms = mentions::find(t, &toks);
        let ents = cluster(t, &toks, &mut ms);
        let p = ents.iter().find(|e| e.name == "Mike Pompeo").unwrap();
        assert_eq!(p.mentions, 3);
        assert!(p.titles.contains(&"secretary of state".to_string()));
        assert!(p.aliases.contains(&"Pompeo".to_string()));
        let g = ents.iter().find(|e| e.name == "Global Times").unwrap();
        assert_eq!(g.mentions, 2);
        assert_eq!(g.kind, EntityKind::Media);
    }
}
