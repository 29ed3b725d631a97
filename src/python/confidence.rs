//! Binding for fitting the calibrated confidence (`benchmarks/fit_confidence.py`).

use pyo3::prelude::*;

/// One attributed quote's span, speaker mention start and named features.
type QuoteFeatures = (usize, usize, Option<usize>, Vec<(String, f64)>);

/// The confidence features of each attributed quote of ``text``, as the core computes them:
/// ``(start, end, speaker_start, [(feature, value), ...])`` per quote (spans in code points,
/// as ``Quote``). For fitting ``src/attribution/confidence.tsv`` on annotated news.
#[pyfunction]
#[pyo3(name = "_confidence_features", signature = (text))]
pub fn py_confidence_features(py: Python<'_>, text: String) -> PyResult<Vec<QuoteFeatures>> {
    let rec = py
        .detach(|| crate::attribution::confidence::features_of(&text))
        .map_err(PyErr::from)?;
    Ok(rec
        .into_iter()
        .map(|(s, e, sp, f)| {
            (
                s,
                e,
                sp,
                f.into_iter().map(|(n, v)| (n.into_owned(), v)).collect(),
            )
        })
        .collect())
}
