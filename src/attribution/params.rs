//! Every window and limit attribution uses, with why it has that size.

/// Longest noun phrase taken as a speaker when no rule names it ("all the experts I
/// interviewed", "attorneys for the family"), in tokens: longer runs are clauses, not subjects.
pub const GENERIC_SUBJECT_TOKENS: usize = 7;

/// How many paragraphs back a definite description ("the businessman said") looks for the
/// person it describes: news re-describes a person within a few paragraphs of naming them.
pub const DESCRIPTION_PARAGRAPHS: usize = 3;
