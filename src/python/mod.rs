//! Python bindings: conversions, exceptions and GIL release only. No analysis happens here.
// Docstrings here are Python doctests (`>>>` / `...`), not Markdown block quotes.
#![allow(clippy::doc_lazy_continuation)]

use pyo3::prelude::*;

mod compare;
mod confidence;
mod distance;
mod lexicon;
mod lsh;
mod sim;
mod types;

pyo3::create_exception!(
    quotelens,
    QuotelensError,
    pyo3::exceptions::PyValueError,
    "Base class of quotelens errors; a ValueError, so `except ValueError` still catches it."
);

pyo3::create_exception!(
    quotelens,
    ArgumentError,
    QuotelensError,
    "An argument has a value quotelens cannot work with; `.arg` names it. A ValueError."
);

pyo3::create_exception!(
    quotelens,
    FormatError,
    QuotelensError,
    "Serialized data (JSON, pickled state) that does not describe what it claims to."
);

static RESOURCE_ERROR: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> =
    pyo3::sync::PyOnceLock::new();

/// `ResourceError(QuotelensError, MemoryError)`: a result larger than the memory it may take,
/// or an allocation that failed; `except MemoryError` catches it too.
fn resource_error(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    RESOURCE_ERROR
        .get_or_try_init(py, || {
            let bases = pyo3::types::PyTuple::new(
                py,
                [
                    py.get_type::<QuotelensError>().into_any(),
                    py.get_type::<pyo3::exceptions::PyMemoryError>().into_any(),
                ],
            )?;
            let ns = pyo3::types::PyDict::new(py);
            ns.set_item("__module__", "quotelens")?;
            ns.set_item(
                "__doc__",
                "Not enough memory for the result (or an allocation failed): a QuotelensError \
                 and a MemoryError.",
            )?;
            let t = py
                .get_type::<pyo3::types::PyType>()
                .call1(("ResourceError", bases, ns))?;
            Ok(t.cast_into::<pyo3::types::PyType>()?.unbind())
        })
        .map(|t| t.bind(py))
}

/// Map the core error onto the Python exception hierarchy: `ArgumentError` (with `.arg`),
/// `FormatError`, `ResourceError` (also a `MemoryError`), all `QuotelensError`s.
pub(crate) fn to_py(e: crate::Error) -> PyErr {
    Python::attach(|py| {
        let msg = e.to_string();
        match e {
            crate::Error::InvalidArgument { arg, .. } => {
                let err = ArgumentError::new_err(msg);
                let _ = err.value(py).setattr("arg", arg);
                err
            }
            crate::Error::Format(_) => FormatError::new_err(msg),
            crate::Error::TooLarge { arg, .. } => match resource_error(py) {
                Ok(t) => {
                    let err = PyErr::from_type(t.clone(), msg);
                    let _ = err.value(py).setattr("arg", arg);
                    err
                }
                Err(err) => err,
            },
            crate::Error::OutOfMemory { .. } => match resource_error(py) {
                Ok(t) => PyErr::from_type(t.clone(), msg),
                Err(err) => err,
            },
        }
    })
}

impl From<crate::Error> for PyErr {
    fn from(e: crate::Error) -> Self {
        to_py(e)
    }
}

/// A core value from the JSON state a pickle carries (or `Article.from_json` reads); a
/// `FormatError` when it does not read.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> PyResult<T> {
    serde_json::from_str(s).map_err(|e| crate::Error::Format(format!("state: {e}")).into())
}

/// The JSON state of a core value, for pickles and `to_json`.
pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| crate::Error::Format(e.to_string()).into())
}

/// What `__reduce__` returns for a frozen class: `(cls._from_state, args)`, so unpickling
/// calls the class's `_from_state(*args)`.
pub(crate) fn reduce_to_state<'py, T: pyo3::PyClass, A>(
    slf: &Bound<'py, T>,
    args: A,
) -> PyResult<(Bound<'py, PyAny>, A)> {
    Ok((slf.as_any().get_type().getattr("_from_state")?, args))
}

/// An int (or numpy integer: anything with `__index__`), but not a bool.
fn is_int(o: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(!o.is_instance_of::<pyo3::types::PyBool>()
        && (o.is_instance_of::<pyo3::types::PyInt>() || o.hasattr("__index__")?))
}

fn not_int(o: &Bound<'_, PyAny>, arg: &str) -> PyErr {
    let t = o
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    pyo3::exceptions::PyTypeError::new_err(format!("{arg} must be an int, not {t}"))
}

/// An int argument in `lo..=hi`: TypeError when it is not an int, otherwise a
/// `QuotelensError` naming `arg` (never an `OverflowError` or a wrapped value).
pub(crate) fn int_arg(o: &Bound<'_, PyAny>, arg: &str, lo: i64, hi: i64) -> PyResult<i64> {
    if !is_int(o)? {
        return Err(not_int(o, arg));
    }
    let v = o.extract::<i64>().ok().filter(|v| (lo..=hi).contains(v));
    v.ok_or_else(|| {
        QuotelensError::new_err(format!(
            "{arg}: must be an integer from {lo} to {hi}, got {}",
            o.repr().map(|r| r.to_string()).unwrap_or_default()
        ))
    })
}

/// A `u64` argument (seeds): as [`int_arg`], over `0..2**64`.
pub(crate) fn u64_arg(o: &Bound<'_, PyAny>, arg: &str) -> PyResult<u64> {
    if !is_int(o)? {
        return Err(not_int(o, arg));
    }
    o.extract::<u64>().map_err(|_| {
        QuotelensError::new_err(format!(
            "{arg}: must be an integer from 0 to 2**64 - 1, got {}",
            o.repr().map(|r| r.to_string()).unwrap_or_default()
        ))
    })
}

/// `workers=`: -1 or 0 = all cores, n ≥ 1 = up to n threads (larger n, however large, is
/// clamped to the cores); below -1 is a `QuotelensError` naming it.
pub(crate) fn workers_arg(o: &Bound<'_, PyAny>) -> PyResult<i64> {
    if !is_int(o)? {
        return Err(not_int(o, "workers"));
    }
    let w = match o.extract::<i64>() {
        Ok(w) => w,
        Err(_) if o.gt(0)? => i64::MAX,
        Err(_) => i64::MIN,
    };
    crate::parallel::threads_for(w)?;
    Ok(w)
}

/// Run `f` without the GIL: the one way bindings release it (arguments are extracted first,
/// results converted after).
///
/// `f` runs on a helper thread while this one wakes every 50 ms to look for signals
/// (`py.check_signals`), so Ctrl-C stops a long `cdist`, `top_k` or `locate`: the core's
/// loops see the stop request and return early, and the call raises `KeyboardInterrupt`
/// instead of returning the cut-short result. A panic in the core becomes a
/// `QuotelensError`, never a `PanicException`.
pub(crate) fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce() -> crate::Result<T>,
    T: Send,
{
    detached_polling(py, f, |_| Ok(()))
}

/// [`detached`] that also calls `poll` (with the GIL) at every wake-up: a progress bar reads
/// the core's counters there. An error from `poll` stops the work as Ctrl-C does.
pub(crate) fn detached_polling<T, F>(
    py: Python<'_>,
    f: F,
    mut poll: impl Send + FnMut(Python<'_>) -> PyResult<()>,
) -> PyResult<T>
where
    F: Send + FnOnce() -> crate::Result<T>,
    T: Send,
{
    use crate::parallel::{clear_stop, request_stop, stop_epoch};
    let epoch = stop_epoch();
    let mut signal: Option<PyErr> = None;
    let done = std::sync::atomic::AtomicBool::new(false);
    let result = py.detach(|| {
        std::thread::scope(|s| {
            let caller = std::thread::current();
            let done = &done;
            let worker = s.spawn(move || {
                // Set the flag even if `f` panics, then wake the caller.
                struct Wake<'a>(&'a std::sync::atomic::AtomicBool, std::thread::Thread);
                impl Drop for Wake<'_> {
                    fn drop(&mut self) {
                        self.0.store(true, std::sync::atomic::Ordering::Release);
                        self.1.unpark();
                    }
                }
                let _wake = Wake(done, caller);
                f()
            });
            let finished = || done.load(std::sync::atomic::Ordering::Acquire);
            while !finished() {
                std::thread::park_timeout(std::time::Duration::from_millis(50));
                if signal.is_none() && !finished() {
                    if let Err(e) = Python::attach(|py| {
                        py.check_signals()?;
                        poll(py)
                    }) {
                        signal = Some(e);
                        request_stop();
                    }
                }
            }
            worker.join()
        })
    });
    if let Some(e) = signal {
        clear_stop();
        return Err(e);
    }
    if stop_epoch() != epoch {
        return Err(pyo3::exceptions::PyKeyboardInterrupt::new_err(
            "interrupted while another call was being stopped",
        ));
    }
    match result {
        Ok(r) => r.map_err(PyErr::from),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(QuotelensError::new_err(format!("internal error: {msg}")))
        }
    }
}

/// [`detached`] for work known to be short (small inputs): no helper thread, no signal
/// checks, no 20-40 µs thread start.
pub(crate) fn detached_quick<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce() -> crate::Result<T>,
    T: Send,
{
    py.detach(f).map_err(PyErr::from)
}

/// The compiled core of quotelens. Use the `quotelens` package, which re-exports it.
#[pymodule]
mod _core {
    #[pymodule_export]
    use super::compare::{
        py_claim_statements, py_claims, py_claims_of, py_compare_sides, py_content_words,
        py_match_statements, py_quote_matches, py_stance, py_statement_clusters,
        py_statement_clusters_of, py_story_overlaps, py_unquoted_matches,
    };
    #[pymodule_export]
    use super::confidence::py_confidence_features;
    #[pymodule_export]
    use super::distance::{
        py_damerau_levenshtein_distance, py_damerau_levenshtein_normalized_distance,
        py_damerau_levenshtein_normalized_similarity, py_damerau_levenshtein_similarity,
        py_hamming_distance, py_hamming_normalized_distance, py_hamming_normalized_similarity,
        py_hamming_similarity, py_indel_distance, py_indel_normalized_distance,
        py_indel_normalized_similarity, py_indel_similarity, py_levenshtein_distance,
        py_levenshtein_normalized_distance, py_levenshtein_normalized_similarity,
        py_levenshtein_similarity, py_osa_distance, py_osa_normalized_distance,
        py_osa_normalized_similarity, py_osa_similarity,
    };
    #[pymodule_export]
    use super::lexicon::{py_lexicon_data, py_word_list};
    #[pymodule_export]
    use super::lsh::PyMinHashIndex;
    #[pymodule_export]
    use super::sim::{
        py_cdist, py_compare, py_default_process, py_extract, py_jaccard, py_jaro_winkler,
        py_levenshtein, py_locate, py_partial_ratio, py_qratio, py_ratio, py_score_pairs,
        py_statement, py_statement_feature_names, py_statement_features, py_token_ratio,
        py_token_set_ratio, py_token_sort_ratio, py_top_k, py_wratio, PyAlignment,
        PyStatementMatch, PyStatementScorer,
    };
    #[pymodule_export]
    use super::types::{
        py_extract_quotes, py_normalize, py_quote_kinds, py_threads_for, PyArticle,
    };
    #[pymodule_export]
    use super::{ArgumentError, FormatError, QuotelensError};
    #[pymodule_export]
    use crate::article::{Paragraph, Quote, Sentence, Speaker};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("ResourceError", super::resource_error(m.py())?)?;
        Ok(())
    }
}
