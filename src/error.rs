//! The one error type of the core. The Python layer maps it onto the
//! `QuotelensError(ValueError)` hierarchy; the core never panics on user input.

use std::fmt;

/// Everything that can go wrong in the core, on input a user controls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// An argument has a value the function cannot work with; names the argument.
    InvalidArgument { arg: &'static str, message: String },
    /// A result would be larger than the memory it may take (e.g. a dense matrix).
    TooLarge { arg: &'static str, message: String },
    /// Serialized data (JSON) could not be read back.
    Format(String),
    /// An allocation failed (`try_reserve`): Python sees `MemoryError`, not an abort.
    OutOfMemory { what: &'static str, bytes: u128 },
}

impl Error {
    pub fn invalid(arg: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            arg,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidArgument { arg, message } => write!(f, "{arg}: {message}"),
            Error::TooLarge { arg, message } => write!(f, "{arg}: {message}"),
            Error::Format(m) => write!(f, "{m}"),
            Error::OutOfMemory { what, bytes } => write!(
                f,
                "{what}: could not allocate {:.1} MB",
                *bytes as f64 / 1e6
            ),
        }
    }
}

impl std::error::Error for Error {}

/// A vector with room for `n` elements, or [`Error::OutOfMemory`] naming `what`.
pub fn try_vec<T>(n: usize, what: &'static str) -> Result<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| Error::OutOfMemory {
        what,
        bytes: n as u128 * std::mem::size_of::<T>() as u128,
    })?;
    Ok(v)
}

pub type Result<T> = std::result::Result<T, Error>;
