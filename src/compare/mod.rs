//! Cross-article comparison in the core. Today: the stance of one statement towards another
//! ([`stance`]: agree, deny or unrelated, with the evidence), over the word lists in
//! [`lexicon`]. Quote matching, claim clustering and side comparison are to move here from
//! `python/quotelens/compare.py`.

pub mod lexicon;
pub mod stance;

pub use stance::{compare, compare_prepared, Relation, StatementMatch};
