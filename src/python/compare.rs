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
use std::collections::HashMap;

use rayon::prelude::*;

use super::{detached, detached_polling, detached_quick, workers_arg};
use crate::compare::claims::{
    claim_kind, claim_statements, claims, cluster_claims, is_denying, Claim, ClaimParams,
    ClaimStatement,
};
use crate::compare::clusters::{clusters, Cluster};
use crate::compare::matching::{article_key, match_statements, pair_rows, unquoted_matches_in};
use crate::compare::sides::compare_sides;
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

/// For each pair of indices into `articles`, the share of the shorter article's word 5-grams
/// outside quotes the other holds (`quotelens.compare.story_overlap`); GIL released.
#[pyfunction]
#[pyo3(name = "_story_overlaps", signature = (articles, pairs))]
pub fn py_story_overlaps(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    pairs: &Bound<'_, PyAny>,
) -> PyResult<Vec<f64>> {
    let articles = articles_arg(articles)?;
    let pairs: Vec<(usize, usize)> = pairs
        .extract()
        .map_err(|_| PyTypeError::new_err("pairs must be a list of (int, int) article indices"))?;
    if let Some(&(i, j)) = pairs
        .iter()
        .find(|&&(i, j)| i >= articles.len() || j >= articles.len())
    {
        return Err(crate::Error::invalid(
            "pairs",
            format!(
                "index ({i}, {j}) out of range for {} articles",
                articles.len()
            ),
        )
        .into());
    }
    detached(py, || {
        let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        Ok(crate::compare::stories::story_overlaps(&refs, &pairs))
    })
}

fn opt_strs(o: &Bound<'_, PyAny>, arg: &'static str) -> PyResult<Vec<Option<String>>> {
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

fn column<'py>(
    columns: &Bound<'py, PyDict>,
    arg: &'static str,
    k: &str,
) -> PyResult<Bound<'py, PyAny>> {
    columns
        .get_item(k)?
        .ok_or_else(|| crate::Error::invalid(arg, format!("no column {k:?}")).into())
}

fn list_of<'py, T: FromPyObjectOwned<'py>>(
    columns: &Bound<'py, PyDict>,
    arg: &'static str,
    k: &str,
    what: &str,
) -> PyResult<Vec<T>> {
    column(columns, arg, k)?
        .extract::<Vec<T>>()
        .map_err(|_| PyTypeError::new_err(format!("{arg}: column {k:?} must be a list of {what}")))
}

fn check_lengths(arg: &'static str, n: usize, lens: &[(&str, usize)]) -> PyResult<()> {
    for (name, len) in lens {
        if *len != n {
            return Err(crate::Error::invalid(
                arg,
                format!("column {name:?} has {len} values, column \"article\" has {n}"),
            )
            .into());
        }
    }
    Ok(())
}

/// Articles named by id: positions in order of first appearance, and each one's
/// [`article_key`] (from `date`).
#[derive(Default)]
struct ArticleIds {
    ids: Vec<String>,
    keys: Vec<String>,
    index: HashMap<String, usize>,
}

impl ArticleIds {
    fn of(&mut self, id: &str, date: Option<&str>) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.ids.push(id.to_string());
        self.keys.push(article_key(Some(id), date));
        self.index.insert(id.to_string(), self.ids.len() - 1);
        self.ids.len() - 1
    }
}

/// Statements from rows (columns ``article``, ``date``, ``text``, ``start``, ``end``,
/// ``kind``, ``speaker``, ``side``: the quote rows of ``quotelens.dask.quotes``).
fn statement_rows(
    columns: &Bound<'_, PyDict>,
    arg: &'static str,
    ids: &mut ArticleIds,
) -> PyResult<Vec<Statement>> {
    let article: Vec<String> = list_of(columns, arg, "article", "str")?;
    let text: Vec<String> = list_of(columns, arg, "text", "str")?;
    let start: Vec<usize> = list_of(columns, arg, "start", "int")?;
    let end: Vec<usize> = list_of(columns, arg, "end", "int")?;
    let kind: Vec<String> = list_of(columns, arg, "kind", "str")?;
    let speaker = opt_strs(&column(columns, arg, "speaker")?, "speaker")?;
    let side = opt_strs(&column(columns, arg, "side")?, "side")?;
    let date = opt_strs(&column(columns, arg, "date")?, "date")?;
    let n = article.len();
    check_lengths(
        arg,
        n,
        &[
            ("text", text.len()),
            ("start", start.len()),
            ("end", end.len()),
            ("kind", kind.len()),
            ("speaker", speaker.len()),
            ("side", side.len()),
            ("date", date.len()),
        ],
    )?;
    let mut stmts = Vec::with_capacity(n);
    for k in 0..n {
        let ai = ids.of(&article[k], date[k].as_deref());
        let kind = QuoteKind::parse(&kind[k]).ok_or_else(|| {
            crate::Error::invalid(arg, format!("unknown quote kind {:?}", kind[k]))
        })?;
        stmts.push(Statement {
            article: ai,
            quote: None,
            text: text[k].clone(),
            start: start[k],
            end: end[k],
            kind,
            speaker: speaker[k].clone(),
            side: side[k].clone(),
            cue: None,
            cue_category: None,
        });
    }
    Ok(stmts)
}

/// Quote-to-quote matches among statement rows (columns ``article``, ``date``, ``text``,
/// ``start``, ``end``, ``kind``, ``speaker``, ``side`` as lists): the matching of
/// ``Corpus.quote_matches(unquoted=False)``, for ``quotelens.dask``. Returns the match
/// columns.
#[pyfunction]
#[pyo3(name = "_match_statements", signature = (columns, threshold, method, workers))]
pub fn py_match_statements<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    threshold: f64,
    method: &str,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut ids = ArticleIds::default();
    let stmts = statement_rows(columns, "columns", &mut ids)?;
    let p = params(threshold, false, method)?;
    let workers = workers_arg(workers)?;
    let keys = &ids.keys;
    let rows = run(py, workers, None, |prog| {
        Ok(pair_rows(
            &stmts,
            &match_statements(&stmts, keys, &p, prog)?,
        ))
    })?;
    match_columns(py, &ids.ids, &stmts, &rows)
}

/// Quotes of the statement rows (as for ``_match_statements``: every direct and mixed quote
/// of the corpus) found in the running text of ``articles`` (a part of the corpus, matched
/// to the rows by id): the rows ``Corpus.quote_matches(unquoted=True)`` adds, for the
/// partitions of ``quotelens.dask``. Returns the match columns.
#[pyfunction]
#[pyo3(name = "_unquoted_matches", signature = (columns, articles, threshold, workers))]
pub fn py_unquoted_matches<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    articles: &Bound<'py, PyAny>,
    threshold: f64,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut ids = ArticleIds::default();
    let stmts = statement_rows(columns, "columns", &mut ids)?;
    let articles = articles_arg(articles)?;
    let targets: Vec<usize> = articles
        .iter()
        .map(|a| ids.of(a.meta.id.as_deref().unwrap_or(""), a.meta.date.as_deref()))
        .collect();
    let p = params(threshold, true, "auto")?;
    let workers = workers_arg(workers)?;
    let keys = &ids.keys;
    let rows = run(py, workers, None, |prog| {
        let t: Vec<(usize, &Article)> = targets
            .iter()
            .copied()
            .zip(articles.iter().map(|a| a.as_ref()))
            .collect();
        Ok(unquoted_matches_in(&t, &stmts, keys, p.threshold, prog))
    })?;
    match_columns(py, &ids.ids, &stmts, &rows)
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
pub fn py_content_words(py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<Vec<String>>> {
    detached(py, || {
        Ok(texts
            .iter()
            .map(|t| crate::compare::statements::content_words(t))
            .collect())
    })
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
    claims_list(py, &ids_of(&articles), &cl)
}

fn claims_list<'py>(py: Python<'py>, ids: &[String], cl: &[Claim]) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for c in cl {
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
            x.set_item("stance", stance_name(m.denying))?;
            ms.append(x)?;
        }
        d.set_item("members", ms)?;
        d.set_item("score", c.score)?;
        d.set_item("label", &c.label)?;
        out.append(d)?;
    }
    Ok(out)
}

fn stance_name(denying: bool) -> &'static str {
    if denying {
        "denying"
    } else {
        "asserting"
    }
}

/// The statements claims compare, one per quote or reported speech of three or more words
/// (with ``sentences``, also the body sentences of six or more words that hold no quote), in
/// article order, as columns: ``article`` (id), ``quote`` (position in ``article.quotes``;
/// None for a sentence), ``text``, ``sentence``, ``frame``, ``start``, ``end``, ``kind``,
/// ``speaker``, ``side``, ``cue``, ``cue_category``, ``stance``.
#[pyfunction]
#[pyo3(name = "_claim_statements", signature = (articles, sentences, workers))]
pub fn py_claim_statements<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    sentences: bool,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let articles = articles_arg(articles)?;
    let workers = workers_arg(workers)?;
    let (st, denying) = run(py, workers, None, |_| {
        let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        let st = claim_statements(&refs, sentences);
        let denying: Vec<bool> = st
            .par_iter()
            .map(|s| is_denying(&s.text, s.cue_category.as_deref()))
            .collect();
        Ok((st, denying))
    })?;
    let ids = ids_of(&articles);
    let d = PyDict::new(py);
    macro_rules! col {
        ($name:expr, $f:expr) => {
            d.set_item($name, st.iter().map($f).collect::<Vec<_>>())?;
        };
    }
    col!("article", |s| ids[s.article].clone());
    col!("quote", |s| s.quote);
    col!("text", |s| s.text.clone());
    col!("sentence", |s| s.sentence.clone());
    col!("frame", |s| s.frame.clone());
    col!("start", |s| s.start);
    col!("end", |s| s.end);
    col!("kind", |s| s.kind);
    col!("speaker", |s| s.speaker.clone());
    col!("side", |s| s.side.clone());
    col!("cue", |s| s.cue.clone());
    col!("cue_category", |s| s.cue_category.clone());
    d.set_item(
        "stance",
        denying.iter().map(|&x| stance_name(x)).collect::<Vec<_>>(),
    )?;
    Ok(d)
}

/// Claims of statement rows (the columns of ``_claim_statements``, in article order: the
/// rows of every part of a corpus, concatenated), as ``_claims`` gives them for the whole
/// corpus: what ``quotelens.dask.claims`` runs once the partitions' rows are gathered.
#[pyfunction]
#[pyo3(name = "_claims_of", signature = (columns, threshold, speaker_bonus, method, exact_limit, workers, progress=None))]
#[allow(clippy::too_many_arguments)]
pub fn py_claims_of<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    threshold: f64,
    speaker_bonus: f64,
    method: String,
    exact_limit: usize,
    workers: &Bound<'py, PyAny>,
    progress: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    const ARG: &str = "columns";
    let article: Vec<String> = list_of(columns, ARG, "article", "str")?;
    let quote: Vec<Option<usize>> = list_of(columns, ARG, "quote", "int or None")?;
    let text: Vec<String> = list_of(columns, ARG, "text", "str")?;
    let sentence: Vec<String> = list_of(columns, ARG, "sentence", "str")?;
    let frame: Vec<String> = list_of(columns, ARG, "frame", "str")?;
    let start: Vec<usize> = list_of(columns, ARG, "start", "int")?;
    let end: Vec<usize> = list_of(columns, ARG, "end", "int")?;
    let kind: Vec<String> = list_of(columns, ARG, "kind", "str")?;
    let speaker = opt_strs(&column(columns, ARG, "speaker")?, "speaker")?;
    let side = opt_strs(&column(columns, ARG, "side")?, "side")?;
    let cue = opt_strs(&column(columns, ARG, "cue")?, "cue")?;
    let cue_category = opt_strs(&column(columns, ARG, "cue_category")?, "cue_category")?;
    let n = article.len();
    check_lengths(
        ARG,
        n,
        &[
            ("quote", quote.len()),
            ("text", text.len()),
            ("sentence", sentence.len()),
            ("frame", frame.len()),
            ("start", start.len()),
            ("end", end.len()),
            ("kind", kind.len()),
            ("speaker", speaker.len()),
            ("side", side.len()),
            ("cue", cue.len()),
            ("cue_category", cue_category.len()),
        ],
    )?;
    let mut ids = ArticleIds::default();
    let mut st = Vec::with_capacity(n);
    for k in 0..n {
        let kind = claim_kind(&kind[k]).ok_or_else(|| {
            crate::Error::invalid(ARG, format!("unknown statement kind {:?}", kind[k]))
        })?;
        st.push(ClaimStatement {
            article: ids.of(&article[k], None),
            quote: quote[k],
            text: text[k].clone(),
            sentence: sentence[k].clone(),
            frame: frame[k].clone(),
            start: start[k],
            end: end[k],
            kind,
            speaker: speaker[k].clone(),
            side: side[k].clone(),
            cue: cue[k].clone(),
            cue_category: cue_category[k].clone(),
        });
    }
    let workers = workers_arg(workers)?;
    let p = ClaimParams {
        threshold,
        speaker_bonus,
        sentences: false,
        method,
        exact_limit,
    };
    let cl = run(py, workers, progress, |prog| cluster_claims(&st, &p, prog))?;
    claims_list(py, &ids.ids, &cl)
}

/// ``"denying"`` when ``text`` is reported as a denial (``cue_category`` ``"deny"``) or
/// negates its own claim, else ``"asserting"`` (the ``stance`` of claim members).
#[pyfunction]
#[pyo3(name = "_stance", signature = (text, cue_category=None))]
pub fn py_stance(
    py: Python<'_>,
    text: String,
    cue_category: Option<String>,
) -> PyResult<&'static str> {
    detached_quick(py, || {
        Ok(stance_name(is_denying(&text, cue_category.as_deref())))
    })
}

/// Statement clusters from statement rows (as for ``_match_statements``, in corpus order)
/// and their match rows (the columns of ``_match_statements`` and ``_unquoted_matches``),
/// ``ids`` being every article id in corpus order: what ``_statement_clusters`` gives for
/// the whole corpus, for ``quotelens.dask.statements``.
#[pyfunction]
#[pyo3(name = "_statement_clusters_of", signature = (columns, matches, ids))]
pub fn py_statement_clusters_of<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    matches: &Bound<'py, PyDict>,
    ids: Vec<String>,
) -> PyResult<Bound<'py, PyList>> {
    let mut index = ArticleIds::default();
    for id in &ids {
        index.of(id, None);
    }
    let stmts = statement_rows(columns, "columns", &mut index)?;
    const M: &str = "matches";
    let art_a: Vec<String> = list_of(matches, M, "article_a", "str")?;
    let start_a: Vec<usize> = list_of(matches, M, "start_a", "int")?;
    let end_a: Vec<usize> = list_of(matches, M, "end_a", "int")?;
    let art_b: Vec<String> = list_of(matches, M, "article_b", "str")?;
    let start_b: Vec<usize> = list_of(matches, M, "start_b", "int")?;
    let end_b: Vec<usize> = list_of(matches, M, "end_b", "int")?;
    let text_b: Vec<String> = list_of(matches, M, "text_b", "str")?;
    let score: Vec<f64> = list_of(matches, M, "score", "float")?;
    let quoted_b: Vec<bool> = list_of(matches, M, "quoted_b", "bool")?;
    let speaker_b = opt_strs(&column(matches, M, "speaker_b")?, "speaker_b")?;
    let side_b = opt_strs(&column(matches, M, "side_b")?, "side_b")?;
    let n = art_a.len();
    let lens = [
        ("start_a", start_a.len()),
        ("end_a", end_a.len()),
        ("article_b", art_b.len()),
        ("start_b", start_b.len()),
        ("end_b", end_b.len()),
        ("text_b", text_b.len()),
        ("score", score.len()),
        ("quoted_b", quoted_b.len()),
        ("speaker_b", speaker_b.len()),
        ("side_b", side_b.len()),
    ];
    for (name, len) in lens {
        if len != n {
            return Err(crate::Error::invalid(
                M,
                format!("column {name:?} has {len} values, column \"article_a\" has {n}"),
            )
            .into());
        }
    }
    let by_span: HashMap<(usize, usize, usize), usize> = stmts
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.article, s.start, s.end), i))
        .collect();
    let stmt_at = |a: &str, s: usize, e: usize| -> PyResult<usize> {
        index
            .index
            .get(a)
            .and_then(|&ai| by_span.get(&(ai, s, e)))
            .copied()
            .ok_or_else(|| {
                crate::Error::invalid(
                    M,
                    format!("no statement row for article {a:?}, span {s}..{e}"),
                )
                .into()
            })
    };
    let mut rows = Vec::with_capacity(n);
    for k in 0..n {
        let a = stmt_at(&art_a[k], start_a[k], end_a[k])?;
        let b = if quoted_b[k] {
            Some(stmt_at(&art_b[k], start_b[k], end_b[k])?)
        } else {
            None
        };
        let article_b = *index.index.get(&art_b[k]).ok_or_else(|| {
            crate::Error::invalid(M, format!("article {:?} is not in ids", art_b[k]))
        })?;
        rows.push(QuoteMatch {
            a,
            b,
            article_b,
            start_b: start_b[k],
            end_b: end_b[k],
            text_b: text_b[k].clone(),
            speaker_b: speaker_b[k].clone(),
            side_b: side_b[k].clone(),
            score: score[k],
            relation: Relation::Agree,
        });
    }
    let cl = detached(py, || Ok(clusters(&stmts, &rows)))?;
    let out = PyList::empty(py);
    for c in &cl {
        out.append(cluster_dict(py, &index.ids, c)?)?;
    }
    Ok(out)
}

/// For each distinct wording of side ``side_a`` among the attributed statements of
/// ``articles``, the ``k`` closest of ``side_b`` (see ``quotelens.compare.compare_sides``,
/// which builds the frame): columns ``article_a``, ``speaker_a``, ``text_a``, ``article_b``,
/// ``speaker_b``, ``text_b``, ``score``, ``relation``, ``polarity``, ``stance_a``,
/// ``stance_b``.
#[pyfunction]
#[pyo3(name = "_compare_sides", signature = (articles, side_a, side_b, k, workers))]
pub fn py_compare_sides<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    side_a: String,
    side_b: String,
    k: usize,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let articles = articles_arg(articles)?;
    let workers = workers_arg(workers)?;
    let (st, rows) = run(py, workers, None, |_| {
        let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        let st = claim_statements(&refs, false);
        let rows = compare_sides(&st, &side_a, &side_b, k, workers)?;
        Ok((st, rows))
    })?;
    let ids = ids_of(&articles);
    let d = PyDict::new(py);
    macro_rules! col {
        ($name:expr, $f:expr) => {
            d.set_item($name, rows.iter().map($f).collect::<Vec<_>>())?;
        };
    }
    col!("article_a", |r| ids[st[r.a].article].clone());
    col!("speaker_a", |r| st[r.a].speaker.clone());
    col!("text_a", |r| st[r.a].text.clone());
    col!("article_b", |r| ids[st[r.b].article].clone());
    col!("speaker_b", |r| st[r.b].speaker.clone());
    col!("text_b", |r| st[r.b].text.clone());
    col!("score", |r| f64::from(r.score));
    col!("relation", |r| r.relation.as_str());
    col!("polarity", |r| if r.opposite() {
        "opposite"
    } else {
        "same"
    });
    col!("stance_a", |r| stance_name(r.denying_a));
    col!("stance_b", |r| stance_name(r.denying_b));
    Ok(d)
}
