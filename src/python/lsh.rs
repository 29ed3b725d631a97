//! Bindings for the MinHash LSH index (`quotelens.sim.MinHashIndex`).

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyRange;
use rayon::prelude::*;

use super::{detached, from_json, int_arg, reduce_to_state, to_json, u64_arg, workers_arg};
use crate::lsh::{self, LshParams, Shingle};
use crate::parallel::with_workers;

/// Two aligned int64 arrays (first ids, second ids).
type PairArrays<'py> = (Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<i64>>);

/// MinHash signatures with an LSH index: candidate pairs of similar texts without comparing
/// all pairs. Candidates are re-scored with an exact scorer afterwards.
///
/// ``threshold`` is the Jaccard similarity (of word or character shingles) the bands and rows
/// are tuned for: a pair at the threshold becomes a candidate with probability ≥ 0.95.
/// ``shingle`` is ``"word"`` (n-grams of words, ``n`` = 2 by default) or ``"char"`` (n-grams
/// of characters, ``n`` = 4 by default), both of ``default_process(text)``, the text the
/// scorers compare; ``workers`` is the number of threads for signatures (-1 = all cores).
/// An index pickled by a quotelens before index format 2 raises ``FormatError`` naming the
/// parameters to rebuild it with.
///
/// >>> from quotelens.sim import MinHashIndex
/// >>> index = MinHashIndex(threshold=0.5)
/// >>> index.add(["we do not seek confrontation in the region",
/// ...            "the weather in Tokyo was mild on Tuesday",
/// ...            "We do not seek confrontation in the region, he said."])
/// range(0, 3)
/// >>> [a.tolist() for a in index.candidate_pairs()]
/// [[0], [2]]
///
/// One index may be shared between threads: ``add`` takes a write lock only to insert the
/// finished signatures, and reads (``query``, ``candidate_pairs``, ``len``) wait for it.
#[pyclass(frozen, name = "MinHashIndex", module = "quotelens.sim")]
pub struct PyMinHashIndex {
    inner: RwLock<lsh::MinHashIndex>,
    workers: i64,
}

impl PyMinHashIndex {
    // A panic cannot happen while the lock is held, but a poisoned lock is still readable.
    fn read(&self) -> RwLockReadGuard<'_, lsh::MinHashIndex> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }
    fn write(&self) -> RwLockWriteGuard<'_, lsh::MinHashIndex> {
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }
}

fn parse_shingle(shingle: &str, n: Option<usize>) -> PyResult<Shingle> {
    match shingle {
        // Bigrams: unigram sets of unrelated news sentences overlap too much (common words).
        "word" => Ok(Shingle::Word(n.unwrap_or(2))),
        "char" => Ok(Shingle::Char(n.unwrap_or(4))),
        other => Err(crate::Error::invalid(
            "shingle",
            format!("must be 'word' or 'char', got {other:?}"),
        )
        .into()),
    }
}

#[pymethods]
impl PyMinHashIndex {
    #[new]
    // Integers arrive as Python objects so a bad one is a ValueError naming it, not an
    // OverflowError; the text signature keeps the real defaults.
    #[pyo3(
        signature = (threshold=0.5, *, num_perm=None, shingle="word", n=None, seed=None, workers=None),
        text_signature = "(threshold=0.5, *, num_perm=128, shingle='word', n=None, seed=1, workers=1)"
    )]
    fn new<'py>(
        threshold: f64,
        num_perm: Option<&Bound<'py, PyAny>>,
        shingle: &str,
        n: Option<&Bound<'py, PyAny>>,
        seed: Option<&Bound<'py, PyAny>>,
        workers: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Self> {
        let given = |o: Option<&Bound<'py, PyAny>>| o.filter(|o| !o.is_none()).cloned();
        let num_perm = match given(num_perm) {
            Some(o) => int_arg(&o, "num_perm", 8, 1024)? as usize,
            None => 128,
        };
        let n = match given(n) {
            Some(o) => Some(int_arg(&o, "n", 1, 32)? as usize),
            None => None,
        };
        let seed = match given(seed) {
            Some(o) => u64_arg(&o, "seed")?,
            None => 1,
        };
        let workers = match given(workers) {
            Some(o) => workers_arg(&o)?,
            None => 1,
        };
        let params = LshParams::new(threshold, num_perm, parse_shingle(shingle, n)?, seed)?;
        Ok(PyMinHashIndex {
            inner: RwLock::new(lsh::MinHashIndex::new(params)),
            workers,
        })
    }

    /// Add texts; returns the range of ids they got (consecutive, in order).
    fn add<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyRange>> {
        let texts = super::sim::str_list(texts, "texts")?;
        let params = self.read().params;
        let workers = self.workers;
        // Signatures without the lock; the lock (taken without the GIL) only to insert.
        let (first, last) = detached(py, || {
            let sigs = with_workers(workers, || {
                texts
                    .par_iter()
                    .map(|t| lsh::signature(t, &params))
                    .collect::<Vec<_>>()
            })?;
            let mut idx = self.write();
            let first = idx.len();
            idx.add_signatures(sigs)?;
            Ok((first, idx.len()))
        })?;
        PyRange::new(py, first as isize, last as isize)
    }

    /// Indexed texts that share a band with ``text``: ``[(id, estimated_jaccard), …]``,
    /// most similar first.
    fn query(&self, py: Python<'_>, text: String) -> PyResult<Vec<(u32, f64)>> {
        let mut hits = py.detach(|| self.read().query(&text));
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(hits)
    }

    /// Candidate pairs ``(i, j)`` with ``i < j`` as two int64 arrays, each pair once, sorted.
    /// With ``groups`` (one int per text, e.g. its article), pairs inside a group are left out.
    #[pyo3(signature = (groups=None))]
    fn candidate_pairs<'py>(
        &self,
        py: Python<'py>,
        groups: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<PairArrays<'py>> {
        let groups: Option<Vec<u32>> = match groups {
            Some(g) if !g.is_none() => Some(
                g.try_iter()?
                    .enumerate()
                    .map(|(i, x)| {
                        int_arg(&x?, &format!("groups[{i}]"), 0, u32::MAX as i64).map(|v| v as u32)
                    })
                    .collect::<PyResult<_>>()?,
            ),
            _ => None,
        };
        let workers = self.workers;
        let pairs = detached(py, || {
            let guard = self.read();
            let idx: &lsh::MinHashIndex = &guard;
            if let Some(g) = &groups {
                if g.len() != idx.len() {
                    return Err(crate::Error::invalid(
                        "groups",
                        format!("has {} entries for {} texts", g.len(), idx.len()),
                    ));
                }
            }
            with_workers(workers, || idx.candidate_pairs(groups.as_deref()))?
        })?;
        let (a, b): (Vec<i64>, Vec<i64>) =
            pairs.into_iter().map(|(i, j)| (i as i64, j as i64)).unzip();
        Ok((PyArray1::from_vec(py, a), PyArray1::from_vec(py, b)))
    }

    /// Estimated Jaccard similarity of indexed texts ``i`` and ``j``.
    fn similarity(&self, i: &Bound<'_, PyAny>, j: &Bound<'_, PyAny>) -> PyResult<f64> {
        let i = int_arg(i, "i", 0, i64::MAX)? as usize;
        let j = int_arg(j, "j", 0, i64::MAX)? as usize;
        let idx = self.read();
        idx.similarity(i, j).ok_or_else(|| {
            pyo3::exceptions::PyIndexError::new_err(format!(
                "ids {i}, {j} out of range for an index of {} texts",
                idx.len()
            ))
        })
    }

    /// The LSH band keys of ``text`` (one int per band): texts sharing a key are candidates.
    /// Useful as a shuffle key to generate candidate pairs on a cluster.
    fn band_keys(&self, text: &str) -> Vec<u64> {
        let params = self.read().params;
        params.band_keys(&lsh::signature(text, &params))
    }

    #[getter]
    fn threshold(&self) -> f64 {
        self.read().params.threshold
    }
    #[getter]
    fn num_perm(&self) -> usize {
        self.read().params.num_perm
    }
    #[getter]
    fn bands(&self) -> usize {
        self.read().params.bands
    }
    #[getter]
    fn rows(&self) -> usize {
        self.read().params.rows
    }
    #[getter]
    fn shingle(&self) -> (&'static str, usize) {
        match self.read().params.shingle {
            Shingle::Word(n) => ("word", n),
            Shingle::Char(n) => ("char", n),
        }
    }

    fn __len__(&self) -> usize {
        self.read().len()
    }

    fn __repr__(&self) -> String {
        let (s, n) = self.shingle();
        let idx = self.read();
        format!(
            "MinHashIndex(threshold={}, texts={}, bands={}, rows={}, shingle='{s}', n={n})",
            idx.params.threshold,
            idx.len(),
            idx.params.bands,
            idx.params.rows
        )
    }

    #[staticmethod]
    fn _from_state(state: &str, workers: i64) -> PyResult<Self> {
        let mut inner: lsh::MinHashIndex = from_json(state)?;
        inner.rebuild()?;
        Ok(PyMinHashIndex {
            inner: RwLock::new(inner),
            workers,
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String, i64))> {
        let this = slf.get();
        reduce_to_state(slf, (to_json(&*this.read())?, this.workers))
    }
}
