//! The text layer: the character-folding table, normalization with an offset map, and
//! byte/code-point conversion.

pub mod fold;
pub mod normalize;
pub mod offsets;

pub use normalize::{normalize, Mark, Normalized};
pub use offsets::{CharIndex, CharSlicer};
