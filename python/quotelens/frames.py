"""pandas DataFrames of quotes and speakers over a list of articles.

Every frame has its columns even when empty, so code written against a frame never breaks on a
corpus without quotes.

>>> import quotelens
>>> from quotelens.frames import quotes_frame
>>> a = quotelens.Article('“We do not seek confrontation,” Lloyd Austin said.', id="a1")
>>> quotes_frame([a])[["article", "speaker", "cue", "kind"]].to_dict("records")
[{'article': 'a1', 'speaker': 'Lloyd Austin', 'cue': 'said', 'kind': 'direct'}]
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

import pandas as pd
from pandas.api.types import infer_dtype

from quotelens._core import QuotelensError, _quote_kinds

if TYPE_CHECKING:  # pragma: no cover
    from quotelens._core import Article, Quote
    from quotelens.speakers import SpeakerIndex

# Every quote kind the core produces (its QuoteKind::ALL).
KINDS: tuple[str, ...] = _quote_kinds()
# The kinds that carry a statement someone made, in their words or reported; terms and titles
# are words the reporter quotes, statements only when the text attributes them.
STATEMENT_KINDS = ("direct", "mixed", "indirect")

# The columns a row takes from its article (Corpus.metadata() starts with them too).
ARTICLE_COLUMNS: dict[str, str] = {
    "article": "object",
    "title": "object",
    "outlet": "object",
    "date": "datetime64[ns]",
}

# The frame of quotes: the article's columns, then the fields of ``Quote`` (its ``to_dict()``,
# declared once in src/article.rs; a test checks this lists each field once) in the order
# users read them, then ``context``. Only the order and the dtypes are said here.
QUOTE_COLUMNS: dict[str, str] = {
    **ARTICLE_COLUMNS,
    "speaker": "object",
    "side": "object",
    "cue": "object",
    "cue_category": "object",
    "kind": "object",
    "text": "object",
    "start": "int64",
    "end": "int64",
    "confidence": "float64",
    "pattern": "object",
    "paragraph": "int64",
    "in_body": "bool",
    "outer_start": "int64",
    "outer_end": "int64",
    "speaker_mention": "object",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "side_evidence": "object",
    "verbatim": "object",
    "context": "object",
}

# Columns only a corpus can fill (one speaker across articles); after QUOTE_COLUMNS.
CORPUS_QUOTE_COLUMNS: dict[str, str] = {
    "speaker_id": "object",
    "speaker_name": "object",
    "groups": "object",
}

# One row per speaker per article: ``Speaker.to_dict()`` with ``name`` as ``speaker``.
SPEAKER_COLUMNS: dict[str, str] = {
    "article": "object",
    "speaker": "object",
    "side": "object",
    "kind": "object",
    "titles": "object",
    "aliases": "object",
    "mentions": "int64",
    "quotes": "int64",
    "side_evidence": "object",
}


# One row per corpus-wide speaker (Corpus.speakers()).
CORPUS_SPEAKER_COLUMNS: dict[str, str] = {
    "speaker_id": "object",
    "name": "object",
    "kind": "object",
    "side": "object",
    "groups": "object",
    "aliases": "object",
    "titles": "object",
    "outlets": "object",
    "articles": "int64",
    "quotes": "int64",
    "mentions": "int64",
}


# pandas >= 3 reads text columns as strings, whose missing values are NaN once cast to
# objects (older pandas keeps None); frames built as objects directly keep what it does.
_TEXT_MISSING_IS_NAN = pd.DataFrame({"t": ["a", None]}).astype(object)["t"][1] is not None


def article_row(a: "Article") -> dict[str, Any]:
    """The :data:`ARTICLE_COLUMNS` of an article's rows."""
    return {"article": a.id, "title": a.title, "outlet": a.source, "date": a.date}


def _typed(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    # Built as object columns, then cast: letting pandas infer first made every text column
    # a pyarrow string array only for astype to turn it back into objects (half the time of
    # Corpus.quotes() on 16,000 quotes).
    df = pd.DataFrame(rows, columns=list(columns), dtype=object)
    if _TEXT_MISSING_IS_NAN:
        for c, t in columns.items():
            col = df[c]
            if t == "object" and infer_dtype(col, skipna=True) == "string":
                missing = col.isna()
                if missing.any():
                    df[c] = col.where(~missing, float("nan"))
    for c, t in columns.items():
        if t.startswith("datetime64"):
            # Dates are ISO strings on articles; one that does not parse is missing (NaT).
            df[c] = pd.to_datetime(df[c], errors="coerce", format="ISO8601")
    return df.astype(columns)


def is_statement(q: Any) -> bool:
    """Whether a quote (or a row of :func:`quotes_frame`) is a statement: a direct, mixed or
    indirect quote, or a term or title the text attributes to a speaker.

    >>> import quotelens
    >>> a = quotelens.Article('Officials rejected the “Asian NATO” label. “No,” she said.')
    >>> [(q.kind, is_statement(q)) for q in a.quotes]
    [('indirect', True), ('term', False), ('direct', True)]
    """
    return q.kind in STATEMENT_KINDS or q.speaker is not None


def is_scare_quote(q: Any) -> bool:
    """Whether a quote is a term no one is said to have said (scare quotes, a quoted word):
    the quotes the CLI, the notebook views and ``repr(corpus)`` leave out, and the terms
    :func:`quotelens.outlets.compare_outlets` counts."""
    return q.kind == "term" and q.speaker is None


def scare_quotes(df: pd.DataFrame) -> "pd.Series[bool]":
    """:func:`is_scare_quote` for each row of a quotes frame."""
    return (df["kind"] == "term") & df["speaker"].isna()


def check_kinds(kinds: Union[str, Iterable[str], None]) -> Optional[set[str]]:
    """``kinds=`` as a set: one kind (``"direct"``) or several; an unknown kind is a
    ``QuotelensError`` naming the argument.

    >>> sorted(check_kinds("direct")), sorted(check_kinds(["mixed", "direct"]))
    (['direct'], ['direct', 'mixed'])
    """
    if kinds is None:
        return None
    if isinstance(kinds, str):
        kinds = [kinds]
    elif isinstance(kinds, (bytes, dict)) or not isinstance(kinds, Iterable):
        raise TypeError(f"kinds: expected a str or a list of str, got {type(kinds).__name__}")
    out = set()
    for k in kinds:
        if not isinstance(k, str):
            raise TypeError(f"kinds: expected str items, got {type(k).__name__}")
        if k not in KINDS:
            raise QuotelensError(f"kinds: unknown kind {k!r} (expected one of {', '.join(KINDS)})")
        out.add(k)
    return out


def check_bool(v: Any, arg: str) -> bool:
    if not isinstance(v, bool):
        raise TypeError(f"{arg}: expected bool, got {type(v).__name__}")
    return v


def context_of(text: str, spans: list[tuple[int, int]], q: "Quote") -> str:
    """The sentences a quote stands in (from the one it starts in to the one it ends in), or
    the quote itself when no sentence holds it. ``spans`` are the article's sentence spans."""
    k = bisect.bisect_right(spans, (q.start, float("inf"))) - 1
    if k < 0 or not spans[k][0] <= q.start < spans[k][1]:
        return text[q.outer_start : q.outer_end]
    end = spans[k][1]
    j = k
    while end < q.end and j + 1 < len(spans):
        j += 1
        end = spans[j][1]
    return text[spans[k][0] : max(end, q.outer_end)].strip()


def quotes_frame(
    articles: Iterable["Article"],
    *,
    kinds: Union[str, Iterable[str], None] = None,
    attributed: bool = False,
    speakers: Optional["SpeakerIndex"] = None,
) -> pd.DataFrame:
    """One row per quote: article, title, outlet, date (datetime64), speaker, side, cue, kind,
    text, spans, and ``context`` (the sentence around the quote).

    ``kinds`` keeps only those quote kinds (a kind or a list of them); ``attributed=True``
    keeps only quotes with a speaker. With ``speakers`` (a corpus's
    :class:`~quotelens.speakers.SpeakerIndex`) the rows also get ``speaker_id``,
    ``speaker_name`` and ``groups``, and ``side`` is the first of the groups.
    """
    keep = check_kinds(kinds)
    check_bool(attributed, "attributed")
    rows = []
    for i, a in enumerate(articles):
        spans = [(x.start, x.end) for x in a.sentences]
        head = article_row(a)
        for q in a.quotes:
            if keep is not None and q.kind not in keep:
                continue
            if attributed and q.speaker is None:
                continue
            row = {**head, **q.to_dict(), "context": context_of(a.text, spans, q)}
            if speakers is not None:
                groups = speakers.groups_of(i, q.speaker, q.side)
                sid = speakers.id_of(i, q.speaker)
                row["speaker_id"] = sid
                row["speaker_name"] = speakers.speakers[sid].name if sid in speakers.speakers \
                    else q.speaker
                row["groups"] = groups
                row["side"] = groups[0] if groups else None
            rows.append(row)
    if speakers is not None:
        return _typed(rows, {**QUOTE_COLUMNS, **CORPUS_QUOTE_COLUMNS})
    return _typed(rows, QUOTE_COLUMNS)


def speakers_frame(articles: Iterable["Article"]) -> pd.DataFrame:
    """One row per speaker per article: name, side, kind, titles, aliases, mentions, quotes.

    >>> import quotelens
    >>> a = quotelens.Article('“No,” Lloyd Austin said.', id="a1")
    >>> speakers_frame([a])[["article", "speaker", "quotes"]].to_dict("records")
    [{'article': 'a1', 'speaker': 'Lloyd Austin', 'quotes': 1}]
    """
    rows = []
    for a in articles:
        for s in a.speakers:
            row = s.to_dict()
            row["speaker"] = row.pop("name")
            row["article"] = a.id
            rows.append(row)
    return _typed(rows, SPEAKER_COLUMNS)


def corpus_speakers_frame(
    articles: "list[Article]", speakers: "SpeakerIndex"
) -> pd.DataFrame:
    """One row per corpus-wide speaker: speaker_id, name, kind, side (the main group), groups,
    aliases (every name the articles use, titles included as written: "Mr. Trump"), titles,
    outlets, and how many articles, quotes and mentions it has (see
    :meth:`~quotelens.speakers.SpeakerIndex.rows`). Most quoted first."""
    rows = speakers.rows(articles)
    df = _typed(rows, CORPUS_SPEAKER_COLUMNS)
    return df.sort_values(["quotes", "speaker_id"], ascending=[False, True],
                          kind="stable").reset_index(drop=True)
