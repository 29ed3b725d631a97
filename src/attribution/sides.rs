//! Sides: the country or organization an entity speaks for. Evidence is gathered while
//! mentions are read (nationality adjectives and possessives in titles, capitals used as
//! metonyms, known outlets and organizations from the lexicon, appositions); a user override
//! (`sides={"Kritenbrink": "United States"}`) wins over evidence.

use super::entities::Entity;
use super::tokens::lower_into;
use crate::lexicon::lexicon;

/// Fill sides still missing from what the entity's aliases say ("China's Global Times").
pub fn assign(ents: &mut [Entity]) {
    let lx = lexicon();
    let mut buf = String::new();
    for e in ents.iter_mut() {
        if e.side.is_some() {
            continue;
        }
        'outer: for a in &e.aliases {
            for w in a.split(|c: char| c.is_whitespace() || c == '\'') {
                let info = lx.word(lower_into(w, &mut buf));
                if let Some(s) = info.country.or(info.capital) {
                    e.side = Some((s, w.to_string()));
                    break 'outer;
                }
            }
        }
    }
}

/// Side and its evidence for `e` (the override, else the evidence found).
pub fn of(e: &Entity) -> (Option<String>, Option<String>) {
    if let Some(s) = &e.side_override {
        return (Some(s.clone()), Some("user override".to_string()));
    }
    match &e.side {
        Some((s, ev)) => {
            let name = lexicon().side(*s);
            if name.is_empty() {
                (None, None)
            } else {
                (Some(name.to_string()), Some(ev.clone()))
            }
        }
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::super::entities::EntityKind;
    use super::*;

    #[test]
    fn override_wins_and_aliases_fill() {
        let mut e = Entity::new("Global Times", 2, EntityKind::Media);
        e.add_alias("China's Global Times");
        let mut v = vec![e];
        assign(&mut v);
        assert_eq!(of(&v[0]).0.as_deref(), Some("China"));
        v[0].side_override = Some("PRC".into());
        assert_eq!(of(&v[0]).0.as_deref(), Some("PRC"));
    }
}
