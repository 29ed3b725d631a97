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
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
