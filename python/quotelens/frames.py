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

from typing import TYPE_CHECKING, Iterable, Optional

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from quotelens._core import Article

QUOTE_COLUMNS: dict[str, str] = {
    "article": "object",
    "title": "object",
    "outlet": "object",
    "date": "object",
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
}

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


def _typed(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(columns))
    return df.astype(columns)


def quotes_frame(
    articles: Iterable["Article"],
    *,
    kinds: Optional[Iterable[str]] = None,
    attributed: bool = False,
) -> pd.DataFrame:
    """One row per quote: article, title, outlet, date, speaker, side, cue, kind, text, spans.

    ``kinds`` keeps only those quote kinds; ``attributed=True`` keeps only quotes with a speaker.
    """
    keep = None if kinds is None else set(kinds)
    rows = []
    for a in articles:
        for q in a.quotes:
            if keep is not None and q.kind not in keep:
                continue
            if attributed and q.speaker is None:
                continue
            rows.append(
                {
                    "article": a.id,
                    "title": a.title,
                    "outlet": a.source,
                    "date": a.date,
                    "speaker": q.speaker,
                    "side": q.side,
                    "cue": q.cue,
                    "cue_category": q.cue_category,
                    "kind": q.kind,
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "confidence": q.confidence,
                    "pattern": q.pattern,
                    "paragraph": q.paragraph,
                    "in_body": q.in_body,
                    "outer_start": q.outer_start,
                    "outer_end": q.outer_end,
                    "speaker_mention": q.speaker_mention,
                    "speaker_start": q.speaker_start,
                    "speaker_end": q.speaker_end,
                    "cue_start": q.cue_start,
                    "cue_end": q.cue_end,
                    "side_evidence": q.side_evidence,
                }
            )
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
            rows.append(
                {
                    "article": a.id,
                    "speaker": s.name,
                    "side": s.side,
                    "kind": s.kind,
                    "titles": list(s.titles),
                    "aliases": list(s.aliases),
                    "mentions": s.mentions,
                    "quotes": s.quotes,
                    "side_evidence": s.side_evidence,
                }
            )
    return _typed(rows, SPEAKER_COLUMNS)
