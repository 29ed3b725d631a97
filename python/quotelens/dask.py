"""Run quotelens over corpora larger than one machine with Dask (``pip install quotelens[dask]``).

The same code runs on a laptop (``dask.distributed.LocalCluster``) and on a cluster (``Client(
"tcp://scheduler:8786")``); results are ordinary dask DataFrames, so ``.to_parquet(path)`` writes
them out without collecting them on the client.

* :func:`quotes` — extraction and attribution per partition, one row per quote.
* :func:`bad_rows` — the rows :func:`quotes` cannot read (missing or non-string text).
* :func:`quote_matches` — the same quote in different articles, by the core function that
  ``Corpus.quote_matches`` runs: content words are the shuffle key, so candidate pairs are
  generated and scored in parallel on the cluster.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

import pandas as pd

from quotelens._core import Article, QuotelensError, _content_words, _match_statements
from quotelens.corpus import _analyze_one
from quotelens.frames import QUOTE_COLUMNS, quotes_frame

try:
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("quotelens.dask needs dask: pip install 'quotelens[dask]'") from e

__all__ = ["MATCH_COLUMNS", "QUOTE_COLUMNS", "bad_rows", "quote_matches", "quotes", "quotes_frame"]

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
            out.append(_analyze_one({"id": aid, "text": text}, True))
    return out


def _frame_partition(
    pdf: pd.DataFrame, text: str, id: Optional[str], sides: Optional[dict[str, str]], errors: str
) -> pd.DataFrame:
    missing = [c for c in (text, id) if c is not None and c not in pdf.columns]
    if missing:
        # A partition can lack a column its meta promises (from_delayed, read_json).
        if errors == "skip":
            return _empty(QUOTE_COLUMNS)
        raise QuotelensError(
            f"{'text' if text in missing else 'id'}: a partition has no column {missing[0]!r} "
            f"(its columns: {list(pdf.columns)}); errors='skip' leaves such partitions out"
        )
    ids = pdf[id] if id is not None else pdf.index
    return quotes_frame(_analyse(zip(ids, pdf[text]), sides, errors))


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
    if isinstance(articles, db.Bag):
        parts = [_bag_partition(p, text, id or "id", sides, errors) for p in articles.to_delayed()]
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


def _word_rows(pdf: pd.DataFrame) -> pd.DataFrame:
    """One row per (content word, quote): the shuffle key that brings together every pair of
    quotes that can match (a match shares most of its content words)."""
    words = _content_words([str(t) for t in pdf["text"]])
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


def _pairs_by_word(pdf: pd.DataFrame, threshold: float, method: str) -> pd.DataFrame:
    out = []
    for _, g in pdf.groupby("word", sort=False):
        if len(g) < 2 or g["article"].nunique() < 2:
            continue
        cols = {
            "article": [str(a) for a in g["article"]], "date": _values(g["date"]),
            "text": [str(t) for t in g["text"]],
            "start": [int(x) for x in g["start"]], "end": [int(x) for x in g["end"]],
            "kind": [str(k) for k in g["kind"]], "speaker": _values(g["speaker"]),
            "side": _values(g["side"]),
        }
        got = _match_statements(cols, threshold, method, 1)
        if got["score"]:
            out.append(pd.DataFrame(got, columns=list(MATCH_COLUMNS)))
    if not out:
        return _empty(MATCH_COLUMNS)
    return pd.concat(out, ignore_index=True).astype(MATCH_COLUMNS)


def quote_matches(
    quotes: dd.DataFrame, *, threshold: float = 80.0, method: str = "auto"
) -> dd.DataFrame:
    """Pairs of quotes from different articles that report the same quote, with the columns
    and values of ``Corpus.quote_matches(threshold, unquoted=False)``
    (:data:`quotelens.compare.MATCH_COLUMNS`), computed by the same core function.

    A match shares most of its content words, so each quote becomes one row per content word
    and shuffling on the word brings every pair that can match to one partition, where the
    core matches the quotes of each word. A pair found under several words is kept once. Which
    report of a repeated wording is first follows the article dates, then the article ids
    (as in ``Corpus``). Running text is not searched (``unquoted=True`` needs the articles'
    texts). Rows come in no particular order.
    """
    if not isinstance(quotes, dd.DataFrame):
        raise TypeError(f"quotes: expected a dask DataFrame, got {type(quotes).__name__}")
    missing = {"article", "date", "text", "start", "end", "kind", "speaker", "side"} - set(
        quotes.columns
    )
    if missing:
        raise QuotelensError(f"quotes: missing columns {sorted(missing)}")
    from quotelens.compare import _check_method, _check_threshold

    threshold = _check_threshold(threshold)
    method = _check_method(method)
    selected = quotes[quotes["kind"].isin(["direct", "mixed"])]
    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in _WORD_COLUMNS}).astype(
        {"start": "int64", "end": "int64"}
    )
    words = selected.map_partitions(_word_rows, meta=meta)
    shuffled = words.shuffle("word")
    pairs = shuffled.map_partitions(
        _pairs_by_word, threshold, method, meta=_empty(MATCH_COLUMNS)
    )
    return pairs.drop_duplicates(
        subset=["article_a", "start_a", "end_a", "article_b", "start_b", "end_b"]
    )
