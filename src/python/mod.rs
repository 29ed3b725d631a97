//! Python bindings: conversions, exceptions and GIL release only. No analysis happens here.
// Docstrings here are Python doctests (`>>>` / `...`), not Markdown block quotes.
#![allow(clippy::doc_lazy_continuation)]

use pyo3::prelude::*;

mod lsh;
mod sim;
mod types;

pyo3::create_exception!(
    quotelens,
    QuotelensError,
    pyo3::exceptions::PyValueError,
    "Base class of quotelens errors; a ValueError, so `except ValueError` still catches it."
);

/// Map the core error onto the Python exception hierarchy.
pub(crate) fn to_py(e: crate::Error) -> PyErr {
    QuotelensError::new_err(e.to_string())
}

/// Run `f` without the GIL: the one way bindings release it (arguments are extracted first,
/// results converted after).
pub(crate) fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce() -> crate::Result<T>,
    T: Send,
{
    py.detach(f).map_err(to_py)
}

/// The compiled core of quotelens. Use the `quotelens` package, which re-exports it.
#[pymodule]
mod _core {
    #[pymodule_export]
    use super::lsh::PyMinHashIndex;
    #[pymodule_export]
    use super::sim::{
        py_cdist, py_compare, py_default_process, py_extract, py_jaccard, py_jaro_winkler,
        py_levenshtein, py_locate, py_partial_ratio, py_ratio, py_score_pairs, py_statement,
        py_statement_feature_names, py_statement_features, py_token_ratio, py_token_set_ratio,
        py_token_sort_ratio, py_top_k, py_wratio, PyAlignment, PyStatementMatch, PyStatementScorer,
    };
    #[pymodule_export]
    use super::types::{
        py_extract_quotes, py_normalize, PyArticle, PyParagraph, PyQuote, PySentence, PySpeaker,
    };
    #[pymodule_export]
    use super::QuotelensError;

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        Ok(())
    }
}
