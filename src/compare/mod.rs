//! Cross-article comparison in the core: the statements compared ([`statements`]), the same
//! quote in several articles ([`matching`]), statement clusters with word-level variants
//! ([`clusters`]) and the stance of one statement towards another ([`stance`]: agree, deny or
//! unrelated, with the evidence), one side's statements against another's ([`sides`]), over
//! the word lists in [`lexicon`].

pub mod claims;
pub mod clusters;
pub mod lexicon;
pub mod matching;
pub mod sides;
pub mod stance;
pub mod statements;
pub mod stories;

pub use matching::{quote_matches, MatchParams, Method, QuoteMatch};
pub use stance::{compare, compare_prepared, Relation, StatementMatch};
pub use statements::Statement;

use std::sync::atomic::AtomicUsize;

/// Work done and work known of a long comparison, read by a progress bar while it runs.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
}
