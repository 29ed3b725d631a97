//! Every window and limit attribution uses, with why it has that size.

/// Longest noun phrase taken as a speaker when no rule names it ("all the experts I
/// interviewed", "attorneys for the family"), in tokens: longer runs are clauses, not subjects.
pub const GENERIC_SUBJECT_TOKENS: usize = 7;

/// How many paragraphs back a definite description ("the businessman said") looks for the
/// person it describes: news re-describes a person within a few paragraphs of naming them.
pub const DESCRIPTION_PARAGRAPHS: usize = 3;

/// Longest aside between a speaker and the cue ("(D-Mo.)", ", 82,", ", a senior strategist for
/// the Asia-Pacific for Rabobank,"), in tokens.
pub const ASIDE_TOKENS: usize = 14;

/// How far after an inverted cue a person's name may start ("said 9/11 widow Terry Strada").
pub const INVERTED_SPEAKER_GAP: usize = 4;
