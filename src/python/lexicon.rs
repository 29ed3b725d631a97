//! The word lists of `src/lexicon/`, for the Python layer (corpus-wide speakers and groups).

use pyo3::prelude::*;

/// The text of one of the core's word lists (``"titles"``, ``"countries"``, ``"capitals"``,
/// ``"organizations"``, ``"given_names"``, ``"groups"``, ``"nicknames"``): one home for each
/// list, read by the core and by :mod:`quotelens.speakers` alike.
///
/// >>> from quotelens import _core
/// >>> "republican" in _core._lexicon_data("titles")
/// True
#[pyfunction]
#[pyo3(name = "_lexicon_data")]
pub fn py_lexicon_data(name: &str) -> PyResult<&'static str> {
    crate::lexicon::data(name)
        .ok_or_else(|| crate::Error::invalid("name", format!("no word list named {name:?}")).into())
}

/// The entries of one named list of the core's ``words.txt`` (``"months"``, ``"weekdays"``,
/// ``"title_abbreviations"``, …), in file order.
///
/// >>> from quotelens import _core
/// >>> _core._word_list("months")[:2]
/// ['january', 'february']
#[pyfunction]
#[pyo3(name = "_word_list")]
pub fn py_word_list(name: &str) -> PyResult<Vec<&'static str>> {
    crate::lexicon::word_list(name)
        .ok_or_else(|| crate::Error::invalid("name", format!("no word list named {name:?}")).into())
}
