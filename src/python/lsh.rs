//! Bindings for the MinHash LSH index (`quotelens.sim.MinHashIndex`).

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyRange;

use super::{detached, to_py};
use crate::lsh::{self, LshParams, Shingle};
use crate::parallel::with_workers;

/// Two aligned int64 arrays (first ids, second ids).
type PairArrays<'py> = (Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<i64>>);

/// MinHash signatures with an LSH index: candidate pairs of similar texts without comparing
/// all pairs. Candidates are re-scored with an exact scorer afterwards.
///
/// ``threshold`` is the Jaccard similarity (of word or character shingles) the bands and rows
/// are tuned for: a pair at the threshold becomes a candidate with probability ≥ 0.95.
/// ``shingle`` is ``"word"`` (n-grams of lower-cased words, ``n`` = 2 by default) or
/// ``"char"`` (n-grams of characters, ``n`` = 4 by default); ``workers`` is the number of
/// threads for signatures (-1 = all cores).
///
/// >>> from quotelens.sim import MinHashIndex
/// >>> index = MinHashIndex(threshold=0.5)
/// >>> index.add(["we do not seek confrontation in the region",
/// ...            "the weather in Tokyo was mild on Tuesday",
/// ...            "We do not seek confrontation in the region, he said."])
/// range(0, 3)
/// >>> [a.tolist() for a in index.candidate_pairs()]
/// [[0], [2]]
#[pyclass(name = "MinHashIndex", module = "quotelens.sim")]
pub struct PyMinHashIndex {
    inner: lsh::MinHashIndex,
    workers: i64,
}

fn parse_shingle(shingle: &str, n: Option<usize>) -> PyResult<Shingle> {
    match shingle {
        // Bigrams: unigram sets of unrelated news sentences overlap too much (common words).
        "word" => Ok(Shingle::Word(n.unwrap_or(2))),
        "char" => Ok(Shingle::Char(n.unwrap_or(4))),
        other => Err(to_py(crate::Error::invalid(
            "shingle",
            format!("must be 'word' or 'char', got {other:?}"),
        ))),
    }
}

#[pymethods]
impl PyMinHashIndex {
    #[new]
    #[pyo3(signature = (threshold=0.5, *, num_perm=128, shingle="word", n=None, seed=1, workers=1))]
    fn new(
        threshold: f64,
        num_perm: usize,
        shingle: &str,
        n: Option<usize>,
        seed: u64,
        workers: i64,
    ) -> PyResult<Self> {
        let params =
            LshParams::new(threshold, num_perm, parse_shingle(shingle, n)?, seed).map_err(to_py)?;
        with_workers(workers, || ()).map_err(to_py)?;
        Ok(PyMinHashIndex {
            inner: lsh::MinHashIndex::new(params),
            workers,
        })
    }

    /// Add texts; returns the range of ids they got (consecutive, in order).
    fn add<'py>(&mut self, py: Python<'py>, texts: Vec<String>) -> PyResult<Bound<'py, PyRange>> {
        let idx = &self.inner;
        let workers = self.workers;
        let sigs = detached(py, || with_workers(workers, || idx.signatures_of(&texts)))?;
        let first = self.inner.len();
        self.inner.add_signatures(sigs).map_err(to_py)?;
        PyRange::new(py, first as isize, self.inner.len() as isize)
    }

    /// Indexed texts that share a band with ``text``: ``[(id, estimated_jaccard), …]``,
    /// most similar first.
    fn query(&self, py: Python<'_>, text: String) -> PyResult<Vec<(u32, f64)>> {
        let idx = &self.inner;
        let mut hits = py.detach(|| idx.query(&text));
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(hits)
    }

    /// Candidate pairs ``(i, j)`` with ``i < j`` as two int64 arrays, each pair once, sorted.
    /// With ``groups`` (one int per text, e.g. its article), pairs inside a group are left out.
    #[pyo3(signature = (groups=None))]
    fn candidate_pairs<'py>(
        &self,
        py: Python<'py>,
        groups: Option<Vec<u32>>,
    ) -> PyResult<PairArrays<'py>> {
        if let Some(g) = &groups {
            if g.len() != self.inner.len() {
                return Err(to_py(crate::Error::invalid(
                    "groups",
                    format!("has {} entries for {} texts", g.len(), self.inner.len()),
                )));
            }
        }
        let idx = &self.inner;
        let workers = self.workers;
        let pairs = detached(py, || {
            with_workers(workers, || idx.candidate_pairs(groups.as_deref()))
        })?;
        let (a, b): (Vec<i64>, Vec<i64>) =
            pairs.into_iter().map(|(i, j)| (i as i64, j as i64)).unzip();
        Ok((PyArray1::from_vec(py, a), PyArray1::from_vec(py, b)))
    }

    /// Estimated Jaccard similarity of indexed texts ``i`` and ``j``.
    fn similarity(&self, i: usize, j: usize) -> PyResult<f64> {
        self.inner.similarity(i, j).ok_or_else(|| {
            pyo3::exceptions::PyIndexError::new_err(format!(
                "ids {i}, {j} out of range for an index of {} texts",
                self.inner.len()
            ))
        })
    }

    /// The LSH band keys of ``text`` (one int per band): texts sharing a key are candidates.
    /// Useful as a shuffle key to generate candidate pairs on a cluster.
    fn band_keys(&self, text: &str) -> Vec<u64> {
        let sig = lsh::signature(text, &self.inner.params);
        self.inner.params.band_keys(&sig)
    }

    #[getter]
    fn threshold(&self) -> f64 {
        self.inner.params.threshold
    }
    #[getter]
    fn num_perm(&self) -> usize {
        self.inner.params.num_perm
    }
    #[getter]
    fn bands(&self) -> usize {
        self.inner.params.bands
    }
    #[getter]
    fn rows(&self) -> usize {
        self.inner.params.rows
    }
    #[getter]
    fn shingle(&self) -> (&'static str, usize) {
        match self.inner.params.shingle {
            Shingle::Word(n) => ("word", n),
            Shingle::Char(n) => ("char", n),
        }
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        let (s, n) = self.shingle();
        format!(
            "MinHashIndex(threshold={}, texts={}, bands={}, rows={}, shingle='{s}', n={n})",
            self.inner.params.threshold,
            self.inner.len(),
            self.inner.params.bands,
            self.inner.params.rows
        )
    }

    #[staticmethod]
    fn _from_state(state: &str, workers: i64) -> PyResult<Self> {
        let mut inner: lsh::MinHashIndex = serde_json::from_str(state)
            .map_err(|e| to_py(crate::Error::Format(format!("state: {e}"))))?;
        inner.rebuild();
        Ok(PyMinHashIndex { inner, workers })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String, i64))> {
        let this = slf.borrow();
        let state = serde_json::to_string(&this.inner)
            .map_err(|e| to_py(crate::Error::Format(e.to_string())))?;
        Ok((
            slf.as_any().get_type().getattr("_from_state")?,
            (state, this.workers),
        ))
    }
}
