//! The Python side of the core's article types (the classes themselves are the structs of
//! `src/article.rs`), the `Article` class, and the text-layer functions.

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::pyclass_init::PyClassInitializer;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use pyo3::PyClass;

use super::{detached, detached_quick, from_json, reduce_to_state, to_json};

/// Texts shorter than this (bytes) are analysed without the interruptible helper thread:
/// they take milliseconds, and the thread would cost more than the work on a headline.
const QUICK: usize = 1 << 16;
use crate::article::{Article, Meta, Paragraph, Quote, Sentence, Speaker};
use crate::quotes::QuoteKind;
use crate::segment::ParagraphKind;

fn trunc(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

/// Python's own `repr` of a string, so reprs read like Python.
fn pyrepr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `MemoryError` before analysing a text whose analysis cannot fit: `Article('a “ ' *
/// 3_000_000)` under `ulimit -v 2000000` aborted the interpreter. The estimate bounds what
/// benchmarks/bench_memory.py measures: up to 60 bytes per character of sentence-dense text
/// and 660 per quote mark (`'a “ '` repeated: 163 bytes per character).
fn check_article_memory(text: &str) -> PyResult<()> {
    if text.len() < 1 << 20 {
        return Ok(());
    }
    use crate::text::fold::{is_double_quote, is_single_quote};
    let (mut chars, mut marks) = (0u128, 0u128);
    for c in text.chars() {
        chars += 1;
        marks += u128::from(is_double_quote(c) || is_single_quote(c));
    }
    let need = 64 * chars + 700 * marks;
    match crate::memory::available_memory() {
        Some(avail) if need > avail as u128 => {
            Err(pyo3::exceptions::PyMemoryError::new_err(format!(
                "text: analysing {chars} characters ({marks} quote marks) may need {:.2} GB; \
                 only {:.2} GB of memory is available (system, cgroup and ulimit limits)",
                need as f64 / 1e9,
                avail as f64 / 1e9
            )))
        }
        _ => Ok(()),
    }
}

/// The first key of `given` that the model does not have (serde's `deny_unknown_fields`,
/// without a second list of the fields: `known` is the article serialized back).
fn unknown_field(
    given: &serde_json::Value,
    known: &serde_json::Value,
    at: String,
) -> Option<String> {
    use serde_json::Value;
    match (given, known) {
        (Value::Object(g), Value::Object(k)) => g.iter().find_map(|(key, v)| {
            let path = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            match k.get(key) {
                None => Some(format!("{path}: unknown field")),
                Some(kv) => unknown_field(v, kv, path),
            }
        }),
        (Value::Array(g), Value::Array(k)) => g
            .iter()
            .zip(k)
            .enumerate()
            .find_map(|(i, (gv, kv))| unknown_field(gv, kv, format!("{at}[{i}]"))),
        _ => None,
    }
}

/// Every span of a deserialized article inside its text and equal to the text it claims, every
/// paragraph index valid: JSON written by hand or truncated (a quote with `start=10**6`) is
/// refused naming the field, instead of giving spans that slice nothing.
fn check_spans(a: &Article) -> Result<(), String> {
    let chars: Vec<char> = a.text.chars().collect();
    let n = chars.len();
    let span = |field: String, s: usize, e: usize, text: Option<&str>| -> Result<(), String> {
        if s > e || e > n {
            return Err(format!(
                "{field}: span {s}..{e} is outside the text ({n} characters)"
            ));
        }
        if let Some(t) = text {
            if !chars[s..e].iter().copied().eq(t.chars()) {
                return Err(format!(
                    "{field}: text differs from the article text at {s}..{e}"
                ));
            }
        }
        Ok(())
    };
    let np = a.paragraphs.len();
    for (i, p) in a.paragraphs.iter().enumerate() {
        span(
            format!("paragraphs[{i}].start"),
            p.start,
            p.end,
            Some(&p.text),
        )?;
    }
    for (i, st) in a.sentences.iter().enumerate() {
        span(
            format!("sentences[{i}].start"),
            st.start,
            st.end,
            Some(&st.text),
        )?;
        if st.paragraph >= np {
            return Err(format!(
                "sentences[{i}].paragraph: {} of {np}",
                st.paragraph
            ));
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        span(format!("quotes[{i}].start"), q.start, q.end, Some(&q.text))?;
        span(
            format!("quotes[{i}].outer_start"),
            q.outer_start,
            q.outer_end,
            None,
        )?;
        if q.paragraph >= np {
            return Err(format!("quotes[{i}].paragraph: {} of {np}", q.paragraph));
        }
        for (name, s, e) in [
            ("speaker_start", q.speaker_start, q.speaker_end),
            ("cue_start", q.cue_start, q.cue_end),
        ] {
            if let (Some(s), Some(e)) = (s, e) {
                span(format!("quotes[{i}].{name}"), s, e, None)?;
            }
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!(
                "quotes[{i}].confidence: {} is not in [0, 1]",
                q.confidence
            ));
        }
    }
    Ok(())
}

// The kinds are `str` in Python: the getters `get_all` makes and `to_dict` (through serde's
// lowercase names) give the same strings.
impl<'py> IntoPyObject<'py> for &QuoteKind {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyString::new(py, self.as_str()))
    }
}

impl<'py> IntoPyObject<'py> for &ParagraphKind {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyString::new(py, self.as_str()))
    }
}

/// The methods every model class shares, around the class's own: pickling
/// (`__reduce__` returns `(cls._from_state, (json,))`, so a pickle is the serde JSON and
/// reads back in any version that reads the JSON) and `to_dict` (the fields, from serde, in
/// declaration order). The fields themselves are `get_all` attributes, declared once in
/// `src/article.rs`.
macro_rules! model_class {
    ($ty:ty { $($methods:tt)* }) => {
        #[pymethods]
        impl $ty {
            #[staticmethod]
            fn _from_state(state: &str) -> PyResult<Self> {
                from_json(state)
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                reduce_to_state(slf, (to_json(slf.get())?,))
            }

            /// The fields as a plain dict (for a quote: the quote's columns of
            /// ``Corpus.quotes()``).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = pythonize::pythonize(py, self)
                    .map_err(|e| PyErr::from(crate::Error::Format(e.to_string())))?;
                Ok(d.cast_into::<PyDict>()?)
            }

            $($methods)*
        }
    };
}

model_class!(Quote {
    fn __repr__(&self) -> String {
        let mut s = format!(
            "Quote({}, kind='{}'",
            pyrepr(&trunc(&self.text, 40)),
            self.kind.as_str()
        );
        if let Some(sp) = &self.speaker {
            s.push_str(&format!(", speaker={}", pyrepr(sp)));
        }
        if let Some(side) = &self.side {
            s.push_str(&format!(", side={}", pyrepr(side)));
        }
        s.push_str(&format!(", span={}:{})", self.start, self.end));
        s
    }
});

model_class!(Paragraph {
    /// Whether the paragraph is running text (``kind == "body"``).
    #[getter]
    fn is_body(&self) -> bool {
        self.kind.is_body()
    }

    fn __repr__(&self) -> String {
        format!(
            "Paragraph({}, kind='{}', span={}:{})",
            pyrepr(&trunc(&self.text, 40)),
            self.kind.as_str(),
            self.start,
            self.end
        )
    }
});

model_class!(Sentence {
    fn __repr__(&self) -> String {
        format!(
            "Sentence({}, span={}:{})",
            pyrepr(&trunc(&self.text, 40)),
            self.start,
            self.end
        )
    }
});

model_class!(Speaker {
    fn __repr__(&self) -> String {
        format!(
            "Speaker({}, side={}, mentions={}, quotes={})",
            pyrepr(&self.name),
            self.side
                .as_deref()
                .map(pyrepr)
                .unwrap_or_else(|| "None".into()),
            self.mentions,
            self.quotes
        )
    }
});

/// A news article, analysed on construction: paragraphs, sentences, quotes with their speakers.
///
/// All spans are Python string indices into ``text``. ``sides`` overrides the side of a speaker
/// by name, alias or last name (``sides={"Kritenbrink": "United States"}``).
///
/// >>> import quotelens
/// >>> a = quotelens.Article('“We do not seek confrontation,” the secretary said.', id="a1")
/// >>> [q.text for q in a.quotes]
/// ['We do not seek confrontation,']
/// >>> a.sentences[0].end == len(a.text)
/// True
/// >>> b = quotelens.Article('“We do not seek confrontation,” said Lloyd Austin.',
/// ...                       sides={"Austin": "United States"})
/// >>> q = b.quotes[0]
/// >>> q.speaker, q.cue, q.cue_category, q.side
/// ('Lloyd Austin', 'said', 'say', 'United States')
#[pyclass(frozen, name = "Article", module = "quotelens")]
pub struct PyArticle {
    pub inner: Arc<Article>,
    /// The Python objects of `.paragraphs`, `.sentences`, `.quotes` and `.speakers`, built on
    /// first access: later accesses give a new list of the same (immutable) objects.
    cache: ArticleCache,
}

#[derive(Default)]
struct ArticleCache {
    paragraphs: OnceLock<Vec<Py<Paragraph>>>,
    sentences: OnceLock<Vec<Py<Sentence>>>,
    quotes: OnceLock<Vec<Py<Quote>>>,
    speakers: OnceLock<Vec<Py<Speaker>>>,
}

/// A new list holding the objects of `cell`, which are made from `items` once.
fn cached_list<'py, P>(
    py: Python<'py>,
    cell: &OnceLock<Vec<Py<P>>>,
    items: &[P],
) -> PyResult<Bound<'py, PyList>>
where
    P: PyClass + Clone + Into<PyClassInitializer<P>>,
{
    if cell.get().is_none() {
        let objs = items
            .iter()
            .map(|x| Py::new(py, x.clone()))
            .collect::<PyResult<Vec<_>>>()?;
        // Another thread may have filled it meanwhile; either list is the same.
        let _ = cell.set(objs);
    }
    let objs = cell.get().map(Vec::as_slice).unwrap_or(&[]);
    PyList::new(py, objs.iter().map(|o| o.clone_ref(py)))
}

impl PyArticle {
    pub fn wrap(a: Article) -> Self {
        PyArticle {
            inner: Arc::new(a),
            cache: ArticleCache::default(),
        }
    }
}

#[pymethods]
impl PyArticle {
    #[new]
    #[pyo3(signature = (text, *, id=None, title=None, source=None, date=None, sides=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        id: Option<&Bound<'_, PyAny>>,
        title: Option<&Bound<'_, PyAny>>,
        source: Option<&Bound<'_, PyAny>>,
        date: Option<&Bound<'_, PyAny>>,
        sides: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // Wrong types name the argument ("Article(text=...) must be str, not NoneType").
        let named_str = |v: &Bound<'_, PyAny>, arg: &'static str| -> PyResult<String> {
            // A str that is not valid text (lone surrogates): ArgumentError, a ValueError.
            if v.is_instance_of::<PyString>() {
                return v.extract::<String>().map_err(|e| {
                    super::to_py(crate::Error::InvalidArgument {
                        arg,
                        message: format!("not valid Unicode text ({e})"),
                    })
                });
            }
            v.extract::<String>().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(format!(
                    "Article: {arg} must be str, not {}",
                    super::sim::type_name(v)
                ))
            })
        };
        let opt = |v: Option<&Bound<'_, PyAny>>, arg: &'static str| -> PyResult<Option<String>> {
            match v {
                Some(v) if !v.is_none() => named_str(v, arg).map(Some),
                _ => Ok(None),
            }
        };
        let text = named_str(text, "text")?;
        let meta = Meta {
            id: opt(id, "id")?,
            title: opt(title, "title")?,
            source: opt(source, "source")?,
            date: opt(date, "date")?,
        };
        let sides: Option<std::collections::HashMap<String, String>> = match sides {
            Some(v) if !v.is_none() => Some(v.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(
                    "Article: sides must be a dict of str to str",
                )
            })?),
            _ => None,
        };
        let mut sides: Vec<(String, String)> = sides.unwrap_or_default().into_iter().collect();
        sides.sort();
        check_article_memory(&text)?;
        let run = || crate::pipeline::analyze(&text, meta, &sides);
        let a = if text.len() < QUICK {
            detached_quick(py, run)?
        } else {
            detached(py, run)?
        };
        Ok(PyArticle::wrap(a))
    }

    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.meta.id.as_deref()
    }
    /// The title passed in, else the article's first line when it reads as a headline.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.meta.title.as_deref()
    }
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.meta.source.as_deref()
    }
    #[getter]
    fn date(&self) -> Option<&str> {
        self.inner.meta.date.as_deref()
    }
    #[getter]
    fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached_list(py, &self.cache.paragraphs, &self.inner.paragraphs)
    }
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached_list(py, &self.cache.sentences, &self.inner.sentences)
    }
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached_list(py, &self.cache.quotes, &self.inner.quotes)
    }
    #[getter]
    fn speakers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached_list(py, &self.cache.speakers, &self.inner.speakers)
    }

    /// A copy with the metadata given here replaced (the others kept), without analysing the
    /// text again.
    ///
    /// >>> import quotelens
    /// >>> a = quotelens.Article("“No,” she said.", id="a1")
    /// >>> b = a.replace(source="RFA", date="2024-09-17")
    /// >>> (b.id, b.source, b.date, b.quotes == a.quotes)
    /// ('a1', 'RFA', '2024-09-17', True)
    #[pyo3(signature = (*, id=None, title=None, source=None, date=None))]
    fn replace(
        &self,
        id: Option<String>,
        title: Option<String>,
        source: Option<String>,
        date: Option<String>,
    ) -> Self {
        let mut a = (*self.inner).clone();
        let m = &mut a.meta;
        m.id = id.or(m.id.take());
        m.title = title.or(m.title.take());
        m.source = source.or(m.source.take());
        m.date = date.or(m.date.take());
        PyArticle::wrap(a)
    }

    /// The article and everything found in it as JSON (``Article.from_json`` reads it back).
    fn to_json(&self) -> PyResult<String> {
        to_json(&*self.inner)
    }

    /// Rebuild an article from ``to_json`` output without analysing it again.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, data: &str) -> PyResult<Self> {
        let a: Article = from_json(data)?;
        let fail = |m: String| PyErr::from(crate::Error::Format(m));
        // from_json already parsed it, so this parse cannot fail.
        let given: serde_json::Value =
            serde_json::from_str(data).map_err(|e| fail(e.to_string()))?;
        let known = serde_json::to_value(&a).map_err(|e| fail(e.to_string()))?;
        unknown_field(&given, &known, String::new())
            .map_or(Ok(()), Err)
            .map_err(fail)?;
        check_spans(&a).map_err(fail)?;
        Ok(PyArticle::wrap(a))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let f = slf.py().get_type::<PyArticle>().getattr("from_json")?;
        Ok((f, (to_json(&*slf.get().inner)?,)))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyArticle>()
            .is_ok_and(|o| *o.get().inner == *self.inner)
    }

    fn __len__(&self) -> usize {
        self.inner.text.chars().count()
    }

    fn __repr__(&self) -> String {
        let a = &self.inner;
        let name = a
            .meta
            .id
            .clone()
            .or_else(|| a.meta.title.as_ref().map(|t| trunc(t, 40)))
            .unwrap_or_default();
        format!(
            "Article({}, paragraphs={}, quotes={}, speakers={})",
            pyrepr(&name),
            a.paragraphs.len(),
            a.quotes.len(),
            a.speakers.len()
        )
    }

    /// Notebook view: the text with quotes highlighted by side and speaker labels.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let display = slf.py().import("quotelens.display")?;
        display.call_method1("article_html", (slf,))?.extract()
    }
}

/// Normalize text: NFKC, every quote style folded to ``"`` or ``'``, dashes to ``-``, odd
/// spaces to a plain space, zero-width characters dropped, scraped ``\'`` and ``\"`` unescaped.
///
/// >>> import quotelens
/// >>> quotelens.normalize("«Non» — it\\'s “fine”\u00a0now")
/// '"Non" - it\'s "fine" now'
#[pyfunction]
#[pyo3(name = "normalize")]
pub fn py_normalize(py: Python<'_>, text: String) -> PyResult<String> {
    if text.len() < QUICK {
        return detached_quick(py, || crate::text::normalize(&text));
    }
    detached(py, || crate::text::normalize(&text))
}

/// The quotes of ``text``, by pairing quote marks of every style (no attribution; use
/// ``Article(text).quotes`` for speakers).
///
/// >>> import quotelens
/// >>> [q.text for q in quotelens.extract_quotes("„Wir lehnen ab“, sagte er, ‘don’t’.")]
/// ['Wir lehnen ab', 'don’t']
#[pyfunction]
#[pyo3(name = "extract_quotes")]
pub fn py_extract_quotes(py: Python<'_>, text: String) -> PyResult<Vec<Quote>> {
    if text.len() < QUICK {
        return detached_quick(py, || crate::pipeline::extract_quotes(&text));
    }
    detached(py, || crate::pipeline::extract_quotes(&text))
}

/// The kinds a quote can have (``Quote.kind``), from the core's ``QuoteKind::ALL``:
/// :data:`quotelens.frames.KINDS` is this tuple.
///
/// >>> from quotelens import _core
/// >>> _core._quote_kinds()
/// ('direct', 'mixed', 'term', 'title', 'indirect')
#[pyfunction]
#[pyo3(name = "_quote_kinds")]
pub fn py_quote_kinds() -> (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
) {
    let [a, b, c, d, e] = QuoteKind::ALL.map(QuoteKind::as_str);
    (a, b, c, d, e)
}

/// The number of threads ``workers`` asks for, by the rule every ``workers=`` argument follows:
/// ``-1`` and ``0`` mean all cores, ``n >= 1`` means ``min(n, cores)``. Not an int is a
/// ``TypeError``; below -1 is an :class:`ArgumentError` naming ``workers``.
///
/// >>> import os
/// >>> from quotelens import _core
/// >>> _core._threads_for(1), _core._threads_for(-1) == (os.cpu_count() or 1)
/// (1, True)
#[pyfunction]
#[pyo3(name = "_threads_for")]
pub fn py_threads_for(workers: &Bound<'_, PyAny>) -> PyResult<usize> {
    Ok(crate::parallel::threads_for(super::workers_arg(workers)?)?)
}
