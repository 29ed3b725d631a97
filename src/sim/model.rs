//! Logistic-regression weights of the calibrated statement score, in the order of
//! [`super::statement::FEATURES`]. Written by `benchmarks/fit_statement.py --write` from the
//! MRPC training split (4076 pairs; 10-fold cross-validated accuracy 76.1%); do not
//! edit by hand.

/// Number of features (the first is the constant 1).
pub const N: usize = 24;

/// Weights: the score is `100 × sigmoid(WEIGHTS · features)`.
pub const WEIGHTS: [f64; N] = [
    -0.555932, // bias
    0.345105,  // recall_min
    1.055614,  // recall_max
    1.200115,  // stem_jaccard
    -0.643169, // number_mismatch
    -0.088364, // number_one_side
    0.444308,  // name_unmatched
    0.986552,  // length_ratio
    2.527393,  // char_ratio
    2.040938,  // token_sort_ratio
    -0.555292, // bigram_dice
    -0.779342, // unmatched_weight
    1.398746,  // unigram_min
    0.528954,  // unigram_max
    1.180512,  // bigram_min
    -0.792333, // bigram_max
    0.314987,  // trigram_min
    -1.735772, // trigram_max
    0.304279,  // fourgram_min
    -1.377655, // fourgram_max
    -2.074893, // word_edit_distance
    1.920977,  // word_lcs_min
    -0.267909, // word_lcs_max
    -2.781450, // partial_ratio
];
