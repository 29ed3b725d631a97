//! Bindings of `crate::sim::distance`: `quotelens.distance.<Metric>.<kind>` as functions
//! `_core.<metric>_<kind>` (the Python package groups them into RapidFuzz's modules).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyTuple};

use super::sim::{ascii_of, proc_of, processed, type_name, Buf, Proc};
use crate::sim::distance::{Distance, Weights};

/// A non-negative int argument (`None` for `None`), else a TypeError or ValueError naming it.
fn count(o: Option<&Bound<'_, PyAny>>, arg: &'static str) -> PyResult<Option<usize>> {
    let Some(o) = o.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if o.is_instance_of::<PyBool>() || !o.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{arg} must be an int or None, not {}",
            type_name(o)
        )));
    }
    match o.extract::<u64>() {
        Ok(v) => Ok(Some(usize::try_from(v).unwrap_or(usize::MAX))),
        Err(_) if o.lt(0)? => {
            Err(crate::Error::invalid(arg, format!("must be at least 0, got {}", o.repr()?)).into())
        }
        // Larger than any distance.
        Err(_) => Ok(Some(usize::MAX)),
    }
}

/// A normalized cutoff in [0, 1] (`None` for `None`), else a TypeError or ValueError.
fn unit(o: Option<f64>) -> PyResult<Option<f64>> {
    match o {
        Some(c) if !(0.0..=1.0).contains(&c) => Err(crate::Error::invalid(
            "score_cutoff",
            format!("a normalized score_cutoff must be in [0, 1], got {c}"),
        )
        .into()),
        c => Ok(c),
    }
}

/// `weights=(insertion, deletion, substitution)`: three non-negative ints.
fn weights(o: Option<&Bound<'_, PyAny>>) -> PyResult<Weights> {
    let Some(o) = o.filter(|o| !o.is_none()) else {
        return Ok(Weights::default());
    };
    let bad = || {
        PyTypeError::new_err(format!(
            "weights must be a tuple of three ints (insertion, deletion, substitution), not {}",
            type_name(o)
        ))
    };
    let t = o.cast::<PyTuple>().map_err(|_| bad())?;
    if t.len() != 3 {
        return Err(crate::Error::invalid(
            "weights",
            format!(
                "needs three costs (insertion, deletion, substitution), got {}",
                t.len()
            ),
        )
        .into());
    }
    let mut w = [0usize; 3];
    for (slot, x) in w.iter_mut().zip(t.iter()) {
        *slot = count(Some(&x), "weights")?.ok_or_else(bad)?;
        // Costs past this would overflow the maximum of two long strings.
        if *slot > u32::MAX as usize {
            return Err(crate::Error::invalid("weights", "costs must be below 2**32").into());
        }
    }
    Ok(Weights {
        insertion: w[0],
        deletion: w[1],
        substitution: w[2],
    })
}

/// The two strings, processed as `processor` asks, handed to `bytes` when both are ASCII
/// and unprocessed (read in place, no copy), else as code points to `chars`.
fn with_pair<T>(
    s1: &Bound<'_, PyAny>,
    s2: &Bound<'_, PyAny>,
    processor: Option<&Bound<'_, PyAny>>,
    bytes: impl FnOnce(&[u8], &[u8]) -> crate::Result<T>,
    chars: impl FnOnce(&[char], &[char]) -> crate::Result<T>,
) -> PyResult<T> {
    let p = proc_of(processor)?;
    if matches!(p, Proc::None) {
        if let (Some(a), Some(b)) = (ascii_of(s1), ascii_of(s2)) {
            return Ok(bytes(a, b)?);
        }
    }
    let (mut ba, mut bb) = (Buf::new(), Buf::new());
    let a = processed(s1, "s1", &p, &mut ba)?;
    let b = processed(s2, "s2", &p, &mut bb)?;
    Ok(chars(a, b)?)
}

/// `with_pair` with one expression for both readings of the strings.
macro_rules! on_pair {
    ($s1:ident, $s2:ident, $p:ident, |$a:ident, $b:ident| $e:expr) => {
        with_pair(
            $s1,
            $s2,
            $p,
            |$a: &[u8], $b: &[u8]| $e,
            |$a: &[char], $b: &[char]| $e,
        )
    };
}

macro_rules! kinds {
    ($d:expr, $dist:ident, $sim:ident, $nd:ident, $ns:ident,
     $pd:literal, $ps:literal, $pnd:literal, $pns:literal, $what:literal
     $(, $extra:ident : $ety:ty = $edef:expr, $sig:literal)?) => {
        #[doc = concat!("The ", $what, " distance (RapidFuzz ``distance``); above ``score_cutoff`` it is ``score_cutoff + 1``.")]
        #[pyfunction]
        #[pyo3(name = $pd, signature = (s1, s2, *, $($extra = $edef,)? processor = None, score_cutoff = None) $(, text_signature = $sig)?)]
        pub fn $dist(
            s1: &Bound<'_, PyAny>,
            s2: &Bound<'_, PyAny>,
            $($extra: $ety,)?
            processor: Option<&Bound<'_, PyAny>>,
            score_cutoff: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<usize> {
            let d: Distance = $d($($extra)?)?;
            let cut = count(score_cutoff, "score_cutoff")?;
            on_pair!(s1, s2, processor, |a, b| d.distance(a, b, cut))
        }

        #[doc = concat!("The ", $what, " similarity, ``maximum - distance`` (RapidFuzz ``similarity``); 0 below ``score_cutoff``.")]
        #[pyfunction]
        #[pyo3(name = $ps, signature = (s1, s2, *, $($extra = $edef,)? processor = None, score_cutoff = None) $(, text_signature = $sig)?)]
        pub fn $sim(
            s1: &Bound<'_, PyAny>,
            s2: &Bound<'_, PyAny>,
            $($extra: $ety,)?
            processor: Option<&Bound<'_, PyAny>>,
            score_cutoff: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<usize> {
            let d: Distance = $d($($extra)?)?;
            let cut = count(score_cutoff, "score_cutoff")?;
            on_pair!(s1, s2, processor, |a, b| d.similarity(a, b, cut))
        }

        #[doc = concat!("The ", $what, " distance over its maximum, in [0, 1] (RapidFuzz ``normalized_distance``); 1 above ``score_cutoff``.")]
        #[pyfunction]
        #[pyo3(name = $pnd, signature = (s1, s2, *, $($extra = $edef,)? processor = None, score_cutoff = None) $(, text_signature = $sig)?)]
        pub fn $nd(
            s1: &Bound<'_, PyAny>,
            s2: &Bound<'_, PyAny>,
            $($extra: $ety,)?
            processor: Option<&Bound<'_, PyAny>>,
            score_cutoff: Option<f64>,
        ) -> PyResult<f64> {
            let d: Distance = $d($($extra)?)?;
            let cut = unit(score_cutoff)?;
            on_pair!(s1, s2, processor, |a, b| d.normalized_distance(a, b, cut))
        }

        #[doc = concat!("``1 - normalized_distance`` of ", $what, ", in [0, 1] (RapidFuzz ``normalized_similarity``); 0 below ``score_cutoff``.")]
        #[pyfunction]
        #[pyo3(name = $pns, signature = (s1, s2, *, $($extra = $edef,)? processor = None, score_cutoff = None) $(, text_signature = $sig)?)]
        pub fn $ns(
            s1: &Bound<'_, PyAny>,
            s2: &Bound<'_, PyAny>,
            $($extra: $ety,)?
            processor: Option<&Bound<'_, PyAny>>,
            score_cutoff: Option<f64>,
        ) -> PyResult<f64> {
            let d: Distance = $d($($extra)?)?;
            let cut = unit(score_cutoff)?;
            on_pair!(s1, s2, processor, |a, b| d.normalized_similarity(a, b, cut))
        }
    };
}

fn levenshtein(w: Option<Bound<'_, PyAny>>) -> PyResult<Distance> {
    Ok(Distance::Levenshtein(weights(w.as_ref())?))
}

fn hamming(pad: bool) -> PyResult<Distance> {
    Ok(Distance::Hamming { pad })
}

fn indel() -> PyResult<Distance> {
    Ok(Distance::Indel)
}

fn osa() -> PyResult<Distance> {
    Ok(Distance::Osa)
}

fn damerau() -> PyResult<Distance> {
    Ok(Distance::DamerauLevenshtein)
}

kinds!(
    levenshtein,
    py_levenshtein_distance,
    py_levenshtein_similarity,
    py_levenshtein_normalized_distance,
    py_levenshtein_normalized_similarity,
    "levenshtein_distance",
    "levenshtein_similarity",
    "levenshtein_normalized_distance",
    "levenshtein_normalized_similarity",
    "Levenshtein (insertions, deletions and substitutions at ``weights``)",
    weights: Option<Bound<'_, PyAny>> = None,
    "(s1, s2, *, weights=(1, 1, 1), processor=None, score_cutoff=None)"
);
kinds!(
    hamming,
    py_hamming_distance,
    py_hamming_similarity,
    py_hamming_normalized_distance,
    py_hamming_normalized_similarity,
    "hamming_distance",
    "hamming_similarity",
    "hamming_normalized_distance",
    "hamming_normalized_similarity",
    "Hamming (positions that differ; with ``pad`` the shorter string is padded, without it \
     strings of different lengths raise ValueError)",
    pad: bool = true,
    "(s1, s2, *, pad=True, processor=None, score_cutoff=None)"
);
kinds!(
    indel,
    py_indel_distance,
    py_indel_similarity,
    py_indel_normalized_distance,
    py_indel_normalized_similarity,
    "indel_distance",
    "indel_similarity",
    "indel_normalized_distance",
    "indel_normalized_similarity",
    "Indel (insertions and deletions only)"
);
kinds!(
    osa,
    py_osa_distance,
    py_osa_similarity,
    py_osa_normalized_distance,
    py_osa_normalized_similarity,
    "osa_distance",
    "osa_similarity",
    "osa_normalized_distance",
    "osa_normalized_similarity",
    "optimal string alignment (Levenshtein plus adjacent transpositions, no substring edited \
     twice)"
);
kinds!(
    damerau,
    py_damerau_levenshtein_distance,
    py_damerau_levenshtein_similarity,
    py_damerau_levenshtein_normalized_distance,
    py_damerau_levenshtein_normalized_similarity,
    "damerau_levenshtein_distance",
    "damerau_levenshtein_similarity",
    "damerau_levenshtein_normalized_distance",
    "damerau_levenshtein_normalized_similarity",
    "Damerau-Levenshtein (Levenshtein plus transpositions, unrestricted)"
);
