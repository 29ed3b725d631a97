"""Run quotelens over corpora larger than one machine with Dask (``pip install quotelens[dask]``).

The same code runs on a laptop (``dask.distributed.LocalCluster``) and on a cluster (``Client(
"tcp://scheduler:8786")``); results are ordinary dask DataFrames, so ``.to_parquet(path)`` writes
them out without collecting them on the client.

* :func:`quotes` — extraction and attribution per partition, one row per quote.
* :func:`bad_rows` — the rows :func:`quotes` cannot read (missing or non-string text).
* :func:`quote_matches` — the same quote in different articles, by the core functions that
  ``Corpus.quote_matches`` runs: content words are the shuffle key, so candidate pairs are
  generated and scored in parallel on the cluster; with ``articles=``, each partition of
  articles is also searched for the quotes in its running text (``unquoted=True``).
* :func:`statements` — statement clusters with word-level variants (``Corpus.statements``).
* :func:`claims` — claims made in several articles (``Corpus.claims().to_frame()``): the
  statements are built partition by partition, then clustered in one task.

Each gives the rows ``Corpus`` gives on the same records in the same order, from the same
Rust functions (``tests/python/compare/test_dask.py`` checks it). Progress: dask's own bars
(``dask.diagnostics.ProgressBar`` locally, ``distributed.progress`` on a cluster).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional

import pandas as pd

from quotelens import _core
from quotelens._core import Article, QuotelensError
from quotelens.compare import (
    CLUSTER_COLUMNS,
    EXACT_LIMIT,
    check_claim_args,
    check_match_args,
    claims_of,
    clusters_frame,
)
from quotelens.corpus import analyze_record
from quotelens.frames import QUOTE_COLUMNS, quotes_frame

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    from dask import delayed
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("quotelens.dask needs dask: pip install 'quotelens[dask]'") from e

__all__ = ["CLAIM_COLUMNS", "CLUSTER_COLUMNS", "MATCH_COLUMNS", "QUOTE_COLUMNS", "bad_rows",
           "claims", "quote_matches", "quotes", "quotes_frame", "statements"]

MATCH_COLUMNS: dict[str, str] = {
    "article_a": "string",
    "speaker_a": "string",
    "side_a": "string",
    "text_a": "string",
    "start_a": "int64",
    "end_a": "int64",
    "article_b": "string",
    "speaker_b": "string",
    "side_b": "string",
    "text_b": "string",
    "start_b": "int64",
    "end_b": "int64",
    "score": "float64",
    "polarity": "string",
    "quoted_b": "bool",
}
_WORD_COLUMNS = ["word", "article", "date", "start", "end", "kind", "speaker", "side", "text"]


def _empty(columns: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def _row_problem(text: Any) -> Optional[str]:
    if pd.api.types.is_scalar(text) and pd.isna(text):
        return "missing text"
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not str"
    return None


def _analyse(
    records: Iterable[tuple[Any, Any]], sides: Optional[dict[str, str]], errors: str
) -> list[Article]:
    out = []
    for rid, text in records:
        problem = _row_problem(text)
        if problem:
            if errors == "raise":
                raise QuotelensError(f"article {rid!r}: {problem} (use errors='skip' to skip it)")
            continue
        aid = None if rid is None else str(rid)
        if sides:
            out.append(Article(text, id=aid, sides=sides))
        else:
            # The same analysis as Corpus (outlet and date read from byline and dateline).
            out.append(analyze_record({"id": aid, "text": text}))
    return out


def _frame_articles(
    pdf: pd.DataFrame, text: str, id: Optional[str], sides: Optional[dict[str, str]], errors: str
) -> list[Article]:
    missing = [c for c in (text, id) if c is not None and c not in pdf.columns]
    if missing:
        # A partition can lack a column its meta promises (from_delayed, read_json).
        if errors == "skip":
            return []
        raise QuotelensError(
            f"{'text' if text in missing else 'id'}: a partition has no column {missing[0]!r} "
            f"(its columns: {list(pdf.columns)}); errors='skip' leaves such partitions out"
        )
    ids = pdf[id] if id is not None else pdf.index
    return _analyse(zip(ids, pdf[text]), sides, errors)


def _frame_partition(
    pdf: pd.DataFrame, text: str, id: Optional[str], sides: Optional[dict[str, str]], errors: str
) -> pd.DataFrame:
    arts = _frame_articles(pdf, text, id, sides, errors)
    return quotes_frame(arts) if arts else _empty(QUOTE_COLUMNS)


def _bag_records(items: Iterable[Any], text: str, id: str) -> list[tuple[Any, Any]]:
    recs = []
    for k, item in enumerate(items):
        if isinstance(item, Mapping):
            recs.append((item.get(id, k), item.get(text)))
        else:
            recs.append((k, item))
    return recs


def _check(articles: Any, text: str, id: Optional[str], errors: str) -> None:
    if errors not in ("raise", "skip"):
        raise QuotelensError(f"errors: must be 'raise' or 'skip', got {errors!r}")
    if isinstance(articles, dd.DataFrame):
        if text not in articles.columns:
            raise QuotelensError(
                f"text: no column {text!r} in the articles; columns are {list(articles.columns)}"
            )
        if id is not None and id not in articles.columns:
            raise QuotelensError(
                f"id: no column {id!r} in the articles; columns are {list(articles.columns)}"
            )
    elif not isinstance(articles, db.Bag):
        raise TypeError(
            f"articles: expected a dask DataFrame or Bag, got {type(articles).__name__}"
        )


def quotes(
    articles: Any,
    *,
    text: str = "text",
    id: Optional[str] = "id",
    sides: Optional[dict[str, str]] = None,
    errors: str = "raise",
) -> dd.DataFrame:
    """Quotes of every article, one row per quote, with the columns and values of
    ``Corpus.quotes()`` (:data:`quotelens.frames.QUOTE_COLUMNS`), as a lazy dask DataFrame. ``articles`` is a dask DataFrame with a ``text`` column (and an ``id`` column,
    else the index is the id) or a dask Bag of strings or dicts. ``errors="skip"`` leaves out
    rows whose text is missing or not a string (see :func:`bad_rows`); the default raises,
    naming the article. Empty partitions give no rows.
    """
    _check(articles, text, id, errors)
    # ``verbatim`` stays a list of spans: dask would make object columns strings.
    with dask.config.set({"dataframe.convert-string": False}):
        if isinstance(articles, db.Bag):
            parts = [_bag_partition(p, text, id or "id", sides, errors)
                     for p in articles.to_delayed()]
            return dd.from_delayed(parts, meta=_empty(QUOTE_COLUMNS), verify_meta=False)
        return articles.map_partitions(
            _frame_partition, text, id, sides, errors, meta=_empty(QUOTE_COLUMNS)
        )


def _bag_partition(part: Any, text: str, id: str, sides: Any, errors: str) -> Any:
    from dask import delayed

    return delayed(
        lambda items: quotes_frame(_analyse(_bag_records(items, text, id), sides, errors))
    )(part)


def bad_rows(
    articles: dd.DataFrame, *, text: str = "text", id: Optional[str] = "id"
) -> dd.DataFrame:
    """Rows of a dask DataFrame that :func:`quotes` cannot read: ``article`` and ``problem``
    (missing or non-string text; a partition without the text column is one row).

    Dask turns object columns into strings when it builds the frame (``dataframe.convert-string``,
    on by default), so a number in the text column arrives as its digits and cannot be told
    apart here; build the frame under ``dask.config.set({"dataframe.convert-string": False})``
    for such cells to be reported.
    """
    _check(articles, text, id, "raise")

    def part(pdf: pd.DataFrame) -> pd.DataFrame:
        if text not in pdf.columns:
            return pd.DataFrame({"article": [f"partition with columns {list(pdf.columns)}"],
                                 "problem": [f"no column {text!r}"]}).astype("string")
        ids = pdf[id] if id is not None and id in pdf.columns else pdf.index
        rows = [(str(i), p) for i, t in zip(ids, pdf[text]) if (p := _row_problem(t))]
        return pd.DataFrame(rows, columns=["article", "problem"]).astype("string")

    meta = pd.DataFrame(
        {"article": pd.Series(dtype="string"), "problem": pd.Series(dtype="string")}
    )
    return articles.map_partitions(part, meta=meta)


def _article_parts(
    articles: Any, text: str, id: Optional[str], sides: Optional[dict[str, str]], errors: str
) -> list[Any]:
    """One delayed list of analysed :class:`Article` per partition of ``articles`` (a dask
    DataFrame or Bag, as :func:`quotes` takes), in partition order."""
    _check(articles, text, id, errors)
    if isinstance(articles, db.Bag):
        return [delayed(lambda items: _analyse(_bag_records(items, text, id or "id"), sides,
                                               errors))(p) for p in articles.to_delayed()]
    return [delayed(_frame_articles)(p, text, id, sides, errors) for p in articles.to_delayed()]


def _word_rows(pdf: pd.DataFrame) -> pd.DataFrame:
    """One row per (content word, quote): the shuffle key that brings together every pair of
    quotes that can match (a match shares most of its content words)."""
    words = _core._content_words([str(t) for t in pdf["text"]])
    rows = [
        (w, r.article, r.date, r.start, r.end, r.kind, r.speaker, r.side, r.text)
        for r, ws in zip(pdf.itertuples(index=False), words)
        for w in ws
    ]
    return pd.DataFrame(rows, columns=_WORD_COLUMNS).astype(
        {"start": "int64", "end": "int64"}
    )


def _values(s: pd.Series) -> list[Any]:
    return [None if pd.isna(v) else str(v) for v in s]


def _statement_columns(pdf: pd.DataFrame) -> dict[str, list[Any]]:
    """Quote rows as the columns the core's statement rows take."""
    return {
        "article": [str(a) for a in pdf["article"]], "date": _values(pdf["date"]),
        "text": [str(t) for t in pdf["text"]],
        "start": [int(x) for x in pdf["start"]], "end": [int(x) for x in pdf["end"]],
        "kind": [str(k) for k in pdf["kind"]], "speaker": _values(pdf["speaker"]),
        "side": _values(pdf["side"]),
    }


def _spans(v: Any) -> list[tuple[int, int]]:
    """A ``verbatim`` cell as spans: a list of pairs, or the text dask makes of one when a
    frame is built with ``dataframe.convert-string`` on (``"[(14, 24)]"``)."""
    if isinstance(v, str):
        return [(int(a), int(b)) for a, b in re.findall(r"\((\d+),\s*(\d+)\)", v)]
    if v is None or isinstance(v, float):  # missing
        return []
    return [(int(p[0]), int(p[1])) for p in v]


def _quoted_parts(pdf: pd.DataFrame) -> pd.DataFrame:
    """Direct and mixed quote rows as the statements matching compares, as the core builds
    them: a mixed quote gives each of its quoted parts (``verbatim`` spans), not the
    reporter's clause around them."""
    if not len(pdf) or "verbatim" not in pdf:
        return pdf
    rows = []
    for r in pdf.to_dict("records"):
        parts = _spans(r["verbatim"])
        whole = (int(r["start"]), int(r["end"]))
        if r["kind"] != "mixed" or not parts or parts == [whole]:
            rows.append(r)
            continue
        for s, e in parts:
            rows.append({**r, "text": r["text"][s - whole[0] : e - whole[0]],
                         "start": s, "end": e})
    return pd.DataFrame(rows, columns=pdf.columns).astype(pdf.dtypes.to_dict())


def _all_statements(parts: list[pd.DataFrame]) -> dict[str, list[Any]]:
    """Every partition's direct and mixed quotes, in partition order, as statement rows."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return _statement_columns(_empty({c: "object" for c in _WORD_COLUMNS[1:]}))
    return _statement_columns(pd.concat(frames, ignore_index=True))


def _match_frame(cols: dict[str, list[Any]]) -> pd.DataFrame:
    return pd.DataFrame(cols, columns=list(MATCH_COLUMNS)).astype(MATCH_COLUMNS)


def _pairs_by_word(pdf: pd.DataFrame, threshold: float, method: str) -> pd.DataFrame:
    out = []
    for _, g in pdf.groupby("word", sort=False):
        if len(g) < 2 or g["article"].nunique() < 2:
            continue
        got = _core._match_statements(_statement_columns(g), threshold, method, 1)
        if got["score"]:
            out.append(_match_frame(got))
    if not out:
        return _empty(MATCH_COLUMNS)
    return pd.concat(out, ignore_index=True)


def _running_text(
    articles: list[Article], statements: dict[str, list[Any]], threshold: float
) -> pd.DataFrame:
    """The quotes of ``statements`` (the whole corpus's) found in the running text of one
    partition's articles."""
    if not articles:
        return _empty(MATCH_COLUMNS)
    return _match_frame(_core._unquoted_matches(statements, articles, threshold, 1))


def _check_quotes(quotes: Any) -> None:
    if not isinstance(quotes, dd.DataFrame):
        raise TypeError(f"quotes: expected a dask DataFrame, got {type(quotes).__name__}")
    missing = {"article", "date", "text", "start", "end", "kind", "speaker", "side"} - set(
        quotes.columns
    )
    if missing:
        raise QuotelensError(f"quotes: missing columns {sorted(missing)}")


def _matches(
    quotes: dd.DataFrame, articles: Any, threshold: float, method: str, text: str,
    id: Optional[str], sides: Optional[dict[str, str]], errors: str,
) -> tuple[dd.DataFrame, Any, list[Any]]:
    """The match rows (quote pairs and, with ``articles``, running-text hits), the delayed
    statement rows and the delayed article parts."""
    selected = quotes[quotes["kind"].isin(["direct", "mixed"])].map_partitions(
        _quoted_parts, meta=quotes._meta
    )
    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in _WORD_COLUMNS}).astype(
        {"start": "int64", "end": "int64"}
    )
    words = selected.map_partitions(_word_rows, meta=meta)
    pairs = words.shuffle("word").map_partitions(
        _pairs_by_word, threshold, method, meta=_empty(MATCH_COLUMNS)
    ).drop_duplicates(subset=["article_a", "start_a", "end_a", "article_b", "start_b", "end_b"])
    stmts = delayed(_all_statements)(selected.to_delayed())
    if articles is None:
        return pairs, stmts, []
    parts = _article_parts(articles, text, id, sides, errors)
    running = dd.from_delayed([delayed(_running_text)(p, stmts, threshold) for p in parts],
                              meta=_empty(MATCH_COLUMNS), verify_meta=False)
    return dd.concat([pairs, running]), stmts, parts


def quote_matches(
    quotes: dd.DataFrame, *, articles: Any = None, threshold: float = 80.0,
    method: str = "auto", text: str = "text", id: Optional[str] = "id",
    sides: Optional[dict[str, str]] = None, errors: str = "raise",
) -> dd.DataFrame:
    """Pairs of quotes from different articles that report the same quote, with the columns
    and values of ``Corpus.quote_matches(threshold, unquoted=articles is not None)``
    (:data:`quotelens.compare.MATCH_COLUMNS`), computed by the same core functions.

    A match shares most of its content words, so each quote becomes one row per content word
    and shuffling on the word brings every pair that can match to one partition, where the
    core matches the quotes of each word. A pair found under several words is kept once. Which
    report of a repeated wording is first follows the article dates, then the article ids
    (as in ``Corpus``). With ``articles`` (what :func:`quotes` took, with the same ``text``,
    ``id``, ``sides`` and ``errors``), every partition of articles is also searched for the
    corpus's quotes in its running text, as ``unquoted=True`` does: each partition gets
    every direct and mixed quote (small beside the texts) and finds them by the core's
    index of content words. ``side_a``/``side_b`` are those of the quote rows given (the
    article's own evidence from :func:`quotes`; ``Corpus.quote_matches`` puts the corpus-wide
    group there). Rows come in no particular order.
    """
    _check_quotes(quotes)
    threshold, method = check_match_args(threshold, method)
    return _matches(quotes, articles, threshold, method, text, id, sides, errors)[0]


def _article_meta(articles: list[Article]) -> list[tuple[str, Optional[str], Optional[str]]]:
    return [(a.id or "", a.source, a.date) for a in articles]


def _clusters(
    stmts: dict[str, list[Any]], matches: pd.DataFrame,
    metas: list[list[tuple[str, Optional[str], Optional[str]]]],
) -> pd.DataFrame:
    rows = [m for part in metas for m in part]
    ids = [r[0] for r in rows]
    cols = {c: [None if (v is pd.NA or v is None) else v for v in matches[c].astype(object)]
            for c in MATCH_COLUMNS}
    raw = _core._statement_clusters_of(stmts, cols, ids)
    return clusters_frame(raw, ids, {r[0]: (r[1], r[2]) for r in rows})


def _cluster_meta() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("statement", "n_articles")
                                      else "object") for c in CLUSTER_COLUMNS})


def statements(
    quotes: dd.DataFrame, articles: Any, *, threshold: float = 80.0, unquoted: bool = True,
    method: str = "auto", text: str = "text", id: Optional[str] = "id",
    sides: Optional[dict[str, str]] = None, errors: str = "raise",
) -> dd.DataFrame:
    """Statement clusters, with the columns and values of ``Corpus.statements(threshold,
    unquoted=unquoted)`` (:data:`quotelens.compare.CLUSTER_COLUMNS`), as a dask DataFrame of
    one partition. ``quotes`` is what :func:`quotes` gave for ``articles`` (the articles in
    corpus order: partition order); the matches are found as :func:`quote_matches` finds
    them, the connected components built by the core in one task (its input: the matches
    and the quote rows, not the texts).
    """
    _check_quotes(quotes)
    threshold, method = check_match_args(threshold, method)
    if not isinstance(unquoted, bool):
        raise TypeError(f"unquoted: expected bool, got {type(unquoted).__name__}")
    matches, stmts, parts = _matches(quotes, articles if unquoted else None, threshold,
                                     method, text, id, sides, errors)
    if not unquoted:
        # The article order and metadata (outlet, date) come from the articles all the same.
        parts = _article_parts(articles, text, id, sides, errors)
    metas = [delayed(_article_meta)(p) for p in parts]
    whole = delayed(pd.concat)(matches.to_delayed(), ignore_index=True)
    frame = delayed(_clusters)(stmts, whole, metas)
    # Lists (articles, outlets, variants) stay lists: dask would make object columns strings.
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed([frame], meta=_cluster_meta(), verify_meta=False)


#: The columns of :func:`claims`: those of ``Claims.to_frame()``.
CLAIM_COLUMNS = ["claim", "label", "article", "speaker", "side", "stance", "kind", "cue", "text",
                 "start", "end"]


def _claim_rows(articles: list[Article], sentences: bool) -> dict[str, list[Any]]:
    return _core._claim_statements(articles, sentences, 1)


def _claims(
    parts: list[dict[str, list[Any]]], threshold: float, speaker_bonus: float, method: str
) -> pd.DataFrame:
    cols = {k: [v for p in parts for v in p[k]] for k in parts[0]} if parts else \
        _core._claim_statements([], False, 1)
    raw = _core._claims_of(cols, threshold, speaker_bonus, method, EXACT_LIMIT, 1)
    return claims_of(raw).to_frame()


def claims(
    articles: Any, *, threshold: float = 50.0, speaker_bonus: float = 0.0,
    sentences: bool = False, method: str = "auto", text: str = "text",
    id: Optional[str] = "id", sides: Optional[dict[str, str]] = None, errors: str = "raise",
) -> dd.DataFrame:
    """Claims made in several articles, one row per member, with the columns and values of
    ``Corpus.claims(...).to_frame()`` (:data:`CLAIM_COLUMNS`) on the same records in the same
    order, as a dask DataFrame of one partition. Each partition of ``articles`` (as
    :func:`quotes` takes them) is analysed and its statements and frames built where it is;
    the statements (not the texts) are then clustered by the core in one task, since a claim
    can join statements from any two partitions and the scorer's word weights are the whole
    corpus's.
    """
    threshold, speaker_bonus, sentences, method = check_claim_args(
        threshold, speaker_bonus, sentences, method)
    parts = [delayed(_claim_rows)(p, sentences) for p in
             _article_parts(articles, text, id, sides, errors)]
    frame = delayed(_claims)(parts, threshold, speaker_bonus, method)
    meta = pd.DataFrame({c: pd.Series(dtype="int64" if c in ("claim", "start", "end")
                                      else "object") for c in CLAIM_COLUMNS})
    return dd.from_delayed([frame], meta=meta, verify_meta=False)
