//! Bindings of `crate::compare`: quote matches, statement clusters and the statement-table
//! matching `quotelens.dask` runs per partition. Columns go back as dicts of lists (what
//! `pandas.DataFrame` takes); the GIL is released while the core works, and an optional
//! `progress(done, total)` callable is called every 50 ms meanwhile.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::types::PyArticle;
use super::{detached_polling, workers_arg};
use crate::compare::clusters::{clusters, Cluster};
use crate::compare::matching::{article_key, match_statements, pair_rows};
use crate::compare::{
    quote_matches, MatchParams, Method, Progress, QuoteMatch, Relation, Statement,
};
use crate::quotes::QuoteKind;
use crate::Article;

fn articles_arg(o: &Bound<'_, PyAny>) -> PyResult<Vec<Arc<Article>>> {
    let list = o
        .cast::<PyList>()
        .map_err(|_| PyTypeError::new_err("articles must be a list of Article"))?;
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            x.cast::<PyArticle>()
                .map(|a| a.get().inner.clone())
                .map_err(|_| PyTypeError::new_err(format!("articles[{i}] must be an Article")))
        })
        .collect()
}

fn params(threshold: f64, unquoted: bool, method: &str) -> PyResult<MatchParams> {
    MatchParams::new(threshold, unquoted, Method::from_name(method)?).map_err(PyErr::from)
}

fn polling<'a>(
    progress: &'a Option<Py<PyAny>>,
    state: &'a Progress,
) -> impl Send + FnMut(Python<'_>) -> PyResult<()> + 'a {
    move |py| {
        if let Some(cb) = progress {
            cb.bind(py).call1((
                state.done.load(Ordering::Relaxed),
                state.total.load(Ordering::Relaxed),
            ))?;
        }
        Ok(())
    }
}

fn run<T: Send>(
    py: Python<'_>,
    workers: i64,
    progress: Option<Bound<'_, PyAny>>,
    f: impl Send + FnOnce(&Progress) -> crate::Result<T>,
) -> PyResult<T> {
    if let Some(cb) = &progress {
        if !cb.is_callable() {
            return Err(PyTypeError::new_err("progress must be callable or None"));
        }
    }
    let progress: Option<Py<PyAny>> = progress.map(|p| p.unbind());
    let state = Progress::default();
    let out = detached_polling(
        py,
        || crate::parallel::with_workers(workers, || f(&state))?,
        polling(&progress, &state),
    )?;
    if let Some(cb) = &progress {
        let done = state.done.load(Ordering::Relaxed);
        cb.bind(py)
            .call1((done, done.max(state.total.load(Ordering::Relaxed))))?;
    }
    Ok(out)
}

fn polarity(r: Relation) -> &'static str {
    if r == Relation::Deny {
        "opposite"
    } else {
        "same"
    }
}

/// The match columns of `quotelens.compare.MATCH_COLUMNS`.
fn match_columns<'py>(
    py: Python<'py>,
    ids: &[String],
    stmts: &[Statement],
    rows: &[QuoteMatch],
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    macro_rules! col {
        ($name:expr, $f:expr) => {
            d.set_item($name, rows.iter().map($f).collect::<Vec<_>>())?;
        };
    }
    col!("article_a", |m| ids[stmts[m.a].article].clone());
    col!("speaker_a", |m| stmts[m.a].speaker.clone());
    col!("side_a", |m| stmts[m.a].side.clone());
    col!("text_a", |m| stmts[m.a].text.clone());
    col!("start_a", |m| stmts[m.a].start);
    col!("end_a", |m| stmts[m.a].end);
    col!("article_b", |m| ids[m.article_b].clone());
    col!("speaker_b", |m| m.speaker_b.clone());
    col!("side_b", |m| m.side_b.clone());
    col!("text_b", |m| m.text_b.clone());
    col!("start_b", |m| m.start_b);
    col!("end_b", |m| m.end_b);
    col!("score", |m| m.score);
    col!("polarity", |m| polarity(m.relation));
    col!("quoted_b", |m| m.b.is_some());
    Ok(d)
}

fn ids_of(articles: &[Arc<Article>]) -> Vec<String> {
    articles
        .iter()
        .map(|a| a.meta.id.clone().unwrap_or_default())
        .collect()
}

/// Quote matches of ``articles`` as a dict of columns (see
/// ``quotelens.compare.quote_matches``, which validates the arguments and builds the frame).
#[pyfunction]
#[pyo3(name = "_quote_matches", signature = (articles, threshold, unquoted, method, workers, progress=None))]
pub fn py_quote_matches<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    threshold: f64,
    unquoted: bool,
    method: &str,
    workers: &Bound<'py, PyAny>,
    progress: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let articles = articles_arg(articles)?;
    let p = params(threshold, unquoted, method)?;
    let workers = workers_arg(workers)?;
    let (stmts, rows) = run(py, workers, progress, |prog| {
        let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        quote_matches(&refs, &p, prog)
    })?;
    match_columns(py, &ids_of(&articles), &stmts, &rows)
}

fn opt_strs(o: &Bound<'_, PyAny>, arg: &str) -> PyResult<Vec<Option<String>>> {
    o.try_iter()
        .map_err(|_| PyTypeError::new_err(format!("{arg} must be a list")))?
        .map(|x| {
            let x = x?;
            if x.is_none() {
                Ok(None)
            } else {
                x.extract::<String>()
                    .map(Some)
                    .map_err(|_| PyTypeError::new_err(format!("{arg} must hold str or None")))
            }
        })
        .collect()
}

/// Quote-to-quote matches among statement rows (columns ``article``, ``date``, ``text``,
/// ``start``, ``end``, ``kind``, ``speaker``, ``side`` as lists): the matching of ``Corpus.quote_matches(unquoted=False)``,
/// for ``quotelens.dask``. Returns the same columns.
#[pyfunction]
#[pyo3(name = "_match_statements", signature = (columns, threshold, method, workers))]
pub fn py_match_statements<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    threshold: f64,
    method: &str,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let get = |k: &str| -> PyResult<Bound<'py, PyAny>> {
        columns
            .get_item(k)?
            .ok_or_else(|| super::QuotelensError::new_err(format!("columns: no {k:?}")))
    };
    let article: Vec<String> = get("article")?.extract()?;
    let text: Vec<String> = get("text")?.extract()?;
    let start: Vec<usize> = get("start")?.extract()?;
    let end: Vec<usize> = get("end")?.extract()?;
    let kind: Vec<String> = get("kind")?.extract()?;
    let speaker = opt_strs(&get("speaker")?, "speaker")?;
    let side = opt_strs(&get("side")?, "side")?;
    let date = opt_strs(&get("date")?, "date")?;
    let n = article.len();
    for (name, len) in [
        ("text", text.len()),
        ("start", start.len()),
        ("end", end.len()),
        ("kind", kind.len()),
        ("speaker", speaker.len()),
        ("side", side.len()),
        ("date", date.len()),
    ] {
        if len != n {
            return Err(super::QuotelensError::new_err(format!(
                "columns: {name} has {len} values, article has {n}"
            )));
        }
    }
    let mut ids: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    let mut stmts = Vec::with_capacity(n);
    for k in 0..n {
        let ai = *index.entry(article[k].clone()).or_insert_with(|| {
            ids.push(article[k].clone());
            keys.push(article_key(Some(&article[k]), date[k].as_deref()));
            ids.len() - 1
        });
        stmts.push(Statement {
            article: ai,
            quote: None,
            text: text[k].clone(),
            start: start[k],
            end: end[k],
            kind: QuoteKind::parse(&kind[k]).unwrap_or(QuoteKind::Term),
            speaker: speaker[k].clone(),
            side: side[k].clone(),
            cue: None,
            cue_category: None,
        });
    }
    let p = params(threshold, false, method)?;
    let workers = workers_arg(workers)?;
    let rows = run(py, workers, None, |prog| {
        Ok(pair_rows(
            &stmts,
            &match_statements(&stmts, &keys, &p, prog)?,
        ))
    })?;
    match_columns(py, &ids, &stmts, &rows)
}

fn cluster_dict<'py>(py: Python<'py>, ids: &[String], c: &Cluster) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("speaker", &c.speaker)?;
    d.set_item("side", &c.side)?;
    d.set_item("canonical", c.canonical)?;
    let vs = PyList::empty(py);
    for v in &c.variants {
        let x = PyDict::new(py);
        x.set_item("article", &ids[v.article])?;
        x.set_item("start", v.start)?;
        x.set_item("end", v.end)?;
        x.set_item("text", &v.text)?;
        x.set_item("speaker", &v.speaker)?;
        x.set_item("quoted", v.quoted)?;
        x.set_item("added", &v.diff.added)?;
        x.set_item("cut", &v.diff.cut)?;
        x.set_item("changed", &v.diff.changed)?;
        x.set_item("word_edits", v.diff.distance)?;
        vs.append(x)?;
    }
    d.set_item("variants", vs)?;
    Ok(d)
}

/// Statement clusters of ``articles`` (the components of their quote matches), most carried
/// first: a list of dicts with ``speaker``, ``side``, ``canonical`` (index of the canonical
/// variant) and ``variants`` (article, span, text, speaker, quoted, and the word-level diff
/// against the canonical wording: added, cut, changed, word_edits).
#[pyfunction]
#[pyo3(name = "_statement_clusters", signature = (articles, threshold, unquoted, method, workers, progress=None))]
pub fn py_statement_clusters<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    threshold: f64,
    unquoted: bool,
    method: &str,
    workers: &Bound<'py, PyAny>,
    progress: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let articles = articles_arg(articles)?;
    let p = params(threshold, unquoted, method)?;
    let workers = workers_arg(workers)?;
    let cl = run(py, workers, progress, |prog| {
        let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        let (stmts, rows) = quote_matches(&refs, &p, prog)?;
        Ok(clusters(&stmts, &rows))
    })?;
    let ids = ids_of(&articles);
    let out = PyList::empty(py);
    for c in &cl {
        out.append(cluster_dict(py, &ids, c)?)?;
    }
    Ok(out)
}

/// The content words of each text (lower case, three or more letters, no stop words; sorted):
/// what quote matching counts, and what ``quotelens.dask`` shuffles quotes by.
#[pyfunction]
#[pyo3(name = "_content_words", signature = (texts))]
pub fn py_content_words(texts: Vec<String>) -> Vec<Vec<String>> {
    texts
        .iter()
        .map(|t| crate::compare::statements::content_words(t))
        .collect()
}

/// Claims of ``articles`` (see ``quotelens.compare.claims``, which validates the arguments
/// and builds the ``Claims``): a list of dicts with ``members`` (dicts: article, speaker,
/// side, kind, cue, text, start, end, stance), ``score`` and ``label``, most reported first.
#[pyfunction]
#[pyo3(name = "_claims", signature = (articles, threshold, speaker_bonus, sentences, method, exact_limit, workers, progress=None))]
#[allow(clippy::too_many_arguments)]
pub fn py_claims<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    threshold: f64,
    speaker_bonus: f64,
    sentences: bool,
    method: String,
    exact_limit: usize,
    workers: &Bound<'py, PyAny>,
    progress: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    use crate::compare::claims::{claims, ClaimParams};
    let articles = articles_arg(articles)?;
    let workers = workers_arg(workers)?;
    let p = ClaimParams {
        threshold,
        speaker_bonus,
        sentences,
        method,
        exact_limit,
    };
    let cl = run(py, workers, progress, |prog| {
        let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        claims(&refs, &p, prog)
    })?;
    let ids = ids_of(&articles);
    let out = PyList::empty(py);
    for c in &cl {
        let d = PyDict::new(py);
        let ms = PyList::empty(py);
        for m in &c.members {
            let x = PyDict::new(py);
            x.set_item("article", &ids[m.article])?;
            x.set_item("speaker", &m.speaker)?;
            x.set_item("side", &m.side)?;
            x.set_item("kind", m.kind)?;
            x.set_item("cue", &m.cue)?;
            x.set_item("text", &m.text)?;
            x.set_item("start", m.start)?;
            x.set_item("end", m.end)?;
            x.set_item("stance", if m.denying { "denying" } else { "asserting" })?;
            ms.append(x)?;
        }
        d.set_item("members", ms)?;
        d.set_item("score", c.score)?;
        d.set_item("label", &c.label)?;
        out.append(d)?;
    }
    Ok(out)
}
