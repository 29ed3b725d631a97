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

/// Confidence of a quote whose speaker is a pronoun with no antecedent in reach: the mention is
/// right, who it stands for is unknown.
pub const UNRESOLVED_PRONOUN_CONFIDENCE: f64 = 0.4;

/// How far after a cue and a prepositional phrase "that" may open the reported clause ("said at
/// a campaign stop in Toledo, Ohio, that …"), in tokens.
pub const THAT_WINDOW: usize = 7;
pub const THAT_WINDOW_AFTER_PREP: usize = 11;

/// How far back a belief verb inside a reported clause looks for the speech verb that reports
/// it ("Ditto said she expects the campaign “to …”"), in tokens.
pub const OUTER_CUE_TOKENS: usize = 25;

/// Longest gap between a cue and a quoted fragment it governs ("called her handling of the
/// emails “extremely careless”"), in tokens.
pub const FRAGMENT_CUE_TOKENS: usize = 8;

/// Longest source phrase after "according to" that no rule names ("early results of exit polls
/// conducted by Edison Research for the Associated Press"), in tokens.
pub const ACCORDING_NP_TOKENS: usize = 20;

/// Longest quote-only paragraph in headline case that is taken for a section title rather than a
/// continuation of the previous speaker, in words.
pub const HEADING_QUOTE_WORDS: usize = 7;

/// Confidence of a headline attribution before `confidence.tsv` has a row for it: the speaker is
/// a name the body uses again, so it is about as sure as a named cue in the body.
pub const HEADLINE_CONFIDENCE: f64 = 0.85;
/// Confidence of a transcript turn (`WALLACE: …`) when the calibration table has no row for it:
/// the label names the speaker outright.
pub const TRANSCRIPT_CONFIDENCE: f64 = 0.9;

/// Longest post-modifier between a subject's head and its verb ("Supporters who have heard
/// directly from the Rubio campaign say", "a source familiar with the FDIC's internal
/// investigation said"), in tokens: longer runs are usually a second clause.
pub const POST_MODIFIER_TOKENS: usize = 12;
