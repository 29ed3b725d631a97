"""A corpus: many analysed articles, loaded from files, records or a DataFrame.

>>> import quotelens
>>> corpus = quotelens.Corpus.from_records([
...     {"id": "a",
...      "text": "“We do not seek confrontation,” U.S. Defense Secretary Lloyd Austin said."},
...     {"id": "b", "text": "Beijing said it “firmly opposes” any bloc.", "outlet": "CGTN"},
... ], progress=False)
>>> corpus
<Corpus: 2 articles, 2 quotes (2 attributed), 2 speakers; sides: China 1, United States 1>
>>> corpus["b"].source
'CGTN'
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import warnings
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Union, overload

from quotelens._core import Article, QuotelensError
from quotelens.frames import quotes_frame, speakers_frame

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from quotelens.compare import Claims, SideComparison

PathLike = Union[str, "os.PathLike[str]"]

FORMAT = "quotelens-corpus"
FORMAT_VERSION = 1

# Metadata fields an Article accepts, and the record keys read for each (first present wins).
_META_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher"),
    "date": ("date", "published", "publish_date"),
}

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_RE = "|".join(m.capitalize() + "|" + m[:3].capitalize() + r"\.?" for m in _MONTHS)
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)[-./](?P<m>\d\d)[-./](?P<d>\d\d)\b"),
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b"),
)
_BYLINE_OUTLET = re.compile(r"^By\s+[^,\n]{2,60}?\s+(?:for|,)\s+(?P<outlet>[A-Z][\w&.' -]{1,40})$")


class CorpusWarning(UserWarning):
    """A file could not be loaded (``errors="warn"``); the rest of the corpus still loads."""


def find_date(text: str) -> Optional[str]:
    """The first calendar date in ``text`` as ``YYYY-MM-DD``, or ``None``.

    >>> find_date("Tuesday, September 17, 2024")
    '2024-09-17'
    >>> find_date("2024.09.17") is None, find_date("no date here") is None
    (False, True)
    """
    for pat in _DATE_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        parts = m.groupdict()
        if parts.get("mon"):
            month = _MONTHS.index(
                next(x for x in _MONTHS if x.startswith(parts["mon"].rstrip(".").lower()[:3]))
            ) + 1
        else:
            month = int(parts["m"])
        day = int(parts["d"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{int(parts['y']):04d}-{month:02d}-{day:02d}"
    return None


def infer_meta(article: Article) -> dict[str, Optional[str]]:
    """Outlet and date read from the article's byline and dateline paragraphs, when it has them.

    >>> a = Article("Too early for an Asian NATO\\n\\nBy Alex Willemyns for RFA\\n2024.09.17\\n\\n"
    ...             "Washington officials said little.")
    >>> infer_meta(a)
    {'source': 'RFA', 'date': '2024-09-17'}
    """
    source: Optional[str] = None
    date: Optional[str] = None
    for p in article.paragraphs[:12]:
        if p.kind not in ("byline", "dateline", "title", "heading", "credit"):
            continue
        for line in p.text.splitlines():
            line = line.strip()
            if len(line) > 120:
                continue
            if source is None and p.kind == "byline":
                m = _BYLINE_OUTLET.match(line)
                if m:
                    source = m.group("outlet").strip()
            if date is None and p.kind in ("byline", "dateline"):
                date = find_date(line)
    return {"source": source, "date": date}


def _read_text(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, newline=None) as f:
        return f.read()


def _printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (surrogate escapes) become U+FFFD, which
    the core and JSON can carry (the raw name raised UnicodeEncodeError for the whole corpus)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def folder_files(
    folder: Path, pattern: str, follow_links: bool = False
) -> tuple[list[Path], list[Path]]:
    """Files of ``folder`` matching ``pattern``, sorted, and the links skipped because they
    lead outside the folder (unless ``follow_links``): a ``.txt`` link to ``/etc/passwd``
    was read and embedded in the report."""
    root = folder.resolve()
    files, skipped = [], []
    for p in sorted(folder.glob(pattern)):
        if not p.is_file():
            continue
        if not follow_links:
            try:
                p.resolve().relative_to(root)
            except (ValueError, OSError):
                skipped.append(p)
                continue
        files.append(p)
    return files, skipped


class Corpus:
    """Many analysed :class:`~quotelens.Article` objects, indexed by position or id.

    Build one with :meth:`from_dir`, :meth:`from_files`, :meth:`from_records`,
    :meth:`from_dataframe` or :meth:`from_json`; or pass articles directly. Article ids must be
    unique; articles without an id get ``article-N``.

    >>> c = Corpus([Article("“No,” she said.", id="x")])
    >>> len(c), c.ids, c[0] is c["x"]
    (1, ['x'], True)
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        if isinstance(articles, (str, bytes, Article)) or not isinstance(articles, Iterable):
            raise TypeError(
                "articles: expected an iterable of quotelens.Article, "
                f"got {type(articles).__name__}"
            )
        items: list[Article] = []
        for i, a in enumerate(articles):
            if not isinstance(a, Article):
                raise TypeError(
                    f"articles: item {i} is {type(a).__name__}, expected quotelens.Article"
                )
            if a.id is None:
                a = Article(a.text, id=f"article-{i + 1}", title=a.title, source=a.source,
                            date=a.date)
            items.append(a)
        if not items:
            raise QuotelensError("articles: the corpus is empty (no articles given)")
        seen: dict[str, int] = {}
        for i, a in enumerate(items):
            assert a.id is not None
            if a.id in seen:
                raise QuotelensError(
                    f"articles: duplicate id {a.id!r} (items {seen[a.id]} and {i})"
                )
            seen[a.id] = i
        self._articles = items
        self._index = seen
        self._cache: dict[Any, Any] = {}

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        text: str = "text",
        progress: Optional[bool] = None,
        workers: int = -1,
        infer: bool = True,
    ) -> "Corpus":
        """Analyse records (dicts) with a ``text`` key and optional ``id``, ``title``,
        ``outlet`` (or ``source``), ``date``.

        ``progress`` shows a progress bar (``None``: only on a terminal and for 20+ articles);
        ``workers`` threads analyse articles in parallel (``-1``: all cores); ``infer`` reads
        outlet and date from bylines and datelines when the record has none.

        >>> Corpus.from_records([{"text": "“No,” she said."}], progress=False).ids
        ['article-1']
        """
        if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
            raise TypeError(
                f"records: expected an iterable of dicts, got {type(records).__name__}"
            )
        items: list[dict[str, Any]] = []
        for i, r in enumerate(records):
            if not isinstance(r, Mapping):
                raise TypeError(f"records: item {i} is {type(r).__name__}, expected a dict")
            if text not in r:
                raise QuotelensError(f"records: item {i} has no {text!r} key")
            body = r[text]
            if not isinstance(body, str):
                raise TypeError(
                    f"records: item {i} {text!r} is {type(body).__name__}, expected str"
                )
            item: dict[str, Any] = {"text": body}
            for field, keys in _META_KEYS.items():
                for k in keys:
                    v = r.get(k)
                    if v is not None and not (isinstance(v, float) and v != v):  # skip NaN
                        item[field] = str(v)
                        break
            item.setdefault("id", f"article-{i + 1}")
            items.append(item)
        if not items:
            raise QuotelensError("records: the corpus is empty (no records given)")
        return cls(_analyze(items, progress=progress, workers=workers, infer=infer))

    @classmethod
    def from_dataframe(
        cls,
        df: "pd.DataFrame",
        *,
        text: str = "text",
        id: Optional[str] = "id",
        title: Optional[str] = "title",
        outlet: Optional[str] = "outlet",
        date: Optional[str] = "date",
        progress: Optional[bool] = None,
        workers: int = -1,
        infer: bool = True,
    ) -> "Corpus":
        """Analyse the rows of a DataFrame; the keyword arguments name its columns (a missing
        metadata column is skipped, a missing text column is an error).

        >>> import pandas as pd
        >>> df = pd.DataFrame({"url": ["u1"], "body": ["“No,” she said."]})
        >>> Corpus.from_dataframe(df, text="body", id="url", progress=False).ids
        ['u1']
        """
        import pandas as pd

        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"df: expected a pandas DataFrame, got {type(df).__name__}")
        if text not in df.columns:
            raise QuotelensError(f"text: no column {text!r} in the DataFrame")
        names = {"id": id, "title": title, "source": outlet, "date": date}
        cols = {field: col for field, col in names.items() if col is not None and col in df.columns}
        records = []
        for row in df.to_dict("records"):
            r: dict[str, Any] = {"text": row[text]}
            for field, col in cols.items():
                v = row[col]
                if v is not None and not (isinstance(v, float) and v != v):
                    r[field] = v.date().isoformat() if isinstance(v, pd.Timestamp) else v
            records.append(r)
        return cls.from_records(records, progress=progress, workers=workers, infer=infer)

    @classmethod
    def from_files(
        cls,
        paths: Iterable[PathLike],
        *,
        errors: str = "raise",
        encoding: str = "utf-8",
        progress: Optional[bool] = None,
        workers: int = -1,
        infer: bool = True,
    ) -> "Corpus":
        """Analyse text files; each article's id is the file name without its extension.

        ``errors="raise"`` raises :class:`~quotelens.QuotelensError` naming the first file that
        cannot be read or decoded; ``errors="warn"`` warns (:class:`CorpusWarning`) naming it and
        loads the others.
        """
        if isinstance(paths, (str, bytes, os.PathLike)) or not isinstance(paths, Iterable):
            raise TypeError(
                f"paths: expected an iterable of paths, got {type(paths).__name__}"
            )
        if errors not in ("raise", "warn"):
            raise QuotelensError(f"errors: expected 'raise' or 'warn', got {errors!r}")
        files = []
        for p in paths:
            if not isinstance(p, (str, os.PathLike)):
                raise TypeError(f"paths: expected str or os.PathLike items, got {type(p).__name__}")
            files.append(Path(p))
        if not files:
            raise QuotelensError("paths: the corpus is empty (no files given)")
        items: list[dict[str, Any]] = []
        seen: Counter[str] = Counter()
        failures: list[str] = []
        for f in files:
            try:
                body = _read_text(f, encoding)
            except (OSError, UnicodeDecodeError) as e:
                msg = f"cannot load {_printable(str(f))}: {e}"
                if errors == "raise":
                    raise QuotelensError(msg) from e
                warnings.warn(msg, CorpusWarning, stacklevel=2)
                failures.append(msg)
                continue
            stem = _printable(f.stem)
            if stem != f.stem:
                warnings.warn(f"file name {_printable(str(f))!r} is not valid UTF-8; "
                              f"its id is {stem!r}",
                              CorpusWarning, stacklevel=2)
            seen[stem] += 1
            ident = stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
            items.append({"text": body, "id": ident})
        if not items:
            reasons = "".join(f"\n  {m}" for m in failures)
            raise QuotelensError(
                f"paths: none of the {len(files)} files could be loaded:{reasons}"
            )
        return cls(_analyze(items, progress=progress, workers=workers, infer=infer))

    @classmethod
    def from_dir(
        cls,
        path: PathLike,
        pattern: str = "*.txt",
        *,
        errors: str = "raise",
        encoding: str = "utf-8",
        progress: Optional[bool] = None,
        workers: int = -1,
        infer: bool = True,
        follow_links: bool = False,
    ) -> "Corpus":
        """Analyse the files in a folder matching ``pattern`` (sorted by name; ``**/*.txt``
        recurses). See :meth:`from_files` for ``errors``. Symbolic links that lead outside the
        folder are skipped with a :class:`CorpusWarning` naming them, unless ``follow_links``.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path: expected str or os.PathLike, got {type(path).__name__}")
        if not isinstance(pattern, str):
            raise TypeError(f"pattern: expected str, got {type(pattern).__name__}")
        folder = Path(path)
        if not folder.exists():
            raise QuotelensError(f"path: {folder} does not exist")
        if not folder.is_dir():
            raise QuotelensError(f"path: {folder} is not a folder (use Corpus.from_files)")
        files, skipped = folder_files(folder, pattern, follow_links)
        if skipped:
            names = ", ".join(_printable(str(p)) for p in skipped)
            warnings.warn(f"skipped links leading outside {folder} (follow_links=True reads "
                          f"them): {names}", CorpusWarning, stacklevel=2)
        if not files:
            raise QuotelensError(f"path: no files matching {pattern!r} in {folder}")
        return cls.from_files(
            files, errors=errors, encoding=encoding, progress=progress, workers=workers,
            infer=infer,
        )

    # -- serialisation ------------------------------------------------------------------------

    def to_json(self, path: Optional[PathLike] = None) -> Optional[str]:
        """The corpus as JSON (every article with its analysis); written to ``path`` if given,
        else returned.

        >>> c = Corpus([Article("“No,” she said.", id="x", date="2024-09-17")])
        >>> Corpus.from_json(c.to_json()) == c
        True
        """
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "articles": [json.loads(a.to_json()) for a in self._articles],
        }
        data = json.dumps(doc, ensure_ascii=False)
        if path is None:
            return data
        Path(path).write_text(data, encoding="utf-8")
        return None

    @classmethod
    def from_json(cls, source: PathLike) -> "Corpus":
        """Read a corpus written by :meth:`to_json`: a path, or the JSON text itself."""
        if not isinstance(source, (str, os.PathLike)):
            raise TypeError(f"source: expected a path or JSON str, got {type(source).__name__}")
        if isinstance(source, str) and source.lstrip().startswith("{"):
            data = source
        else:
            try:
                data = Path(source).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise QuotelensError(f"source: cannot read {source}: {e}") from e
        try:
            doc = json.loads(data)
        except json.JSONDecodeError as e:
            raise QuotelensError(f"source: not JSON: {e}") from e
        except RecursionError:
            raise QuotelensError("source: JSON nested too deeply") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise QuotelensError(f"source: not a {FORMAT} document")
        if doc.get("version") != FORMAT_VERSION:
            raise QuotelensError(f"source: unsupported version {doc.get('version')!r}")
        unknown = sorted(set(doc) - {"format", "version", "articles"})
        if unknown:
            raise QuotelensError(f"source: unknown fields {unknown}")
        arts = doc.get("articles")
        if not isinstance(arts, list):
            raise QuotelensError("source: articles: expected a list of articles, got "
                                 f"{type(arts).__name__ if 'articles' in doc else 'nothing'}")
        out = []
        for i, a in enumerate(arts):
            try:
                out.append(Article.from_json(json.dumps(a, ensure_ascii=False)))
            except ValueError as e:
                raise QuotelensError(f"source: articles[{i}]: {e}") from None
        return cls(out)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._articles == other._articles

    __hash__ = None  # type: ignore[assignment]

    # -- sequence -----------------------------------------------------------------------------

    @property
    def articles(self) -> list[Article]:
        """The articles, in load order."""
        return list(self._articles)

    @property
    def ids(self) -> list[str]:
        """The article ids, in load order."""
        return [a.id for a in self._articles if a.id is not None]

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    @overload
    def __getitem__(self, key: Union[int, str]) -> Article: ...
    @overload
    def __getitem__(self, key: slice) -> "Corpus": ...

    def __getitem__(self, key: Union[int, str, slice]) -> Union[Article, "Corpus"]:
        if isinstance(key, slice):
            return Corpus(self._articles[key])
        if isinstance(key, str):
            try:
                return self._articles[self._index[key]]
            except KeyError:
                raise KeyError(f"no article with id {key!r}") from None
        if isinstance(key, int):
            return self._articles[key]
        raise TypeError(f"key: expected int, str or slice, got {type(key).__name__}")

    def __contains__(self, key: object) -> bool:
        return key in self._index if isinstance(key, str) else key in self._articles

    # -- tables -------------------------------------------------------------------------------

    def quotes(
        self, *, kinds: Optional[Iterable[str]] = None, attributed: bool = False
    ) -> "pd.DataFrame":
        """Every quote as a DataFrame row (article, title, outlet, date, speaker, side, cue,
        cue_category, kind, text, start, end, confidence, ...). ``kinds`` filters by kind,
        ``attributed=True`` keeps quotes with a speaker. Write it with ``.to_parquet(path)``.
        """
        return quotes_frame(self._articles, kinds=kinds, attributed=attributed)

    def speakers(self) -> "pd.DataFrame":
        """Every speaker of every article (article, speaker, side, kind, titles, aliases,
        mentions, quotes)."""
        return speakers_frame(self._articles)

    def sides(self) -> "Counter[str]":
        """How many attributed quotes each side has.

        >>> Corpus([Article("“No,” U.S. Defense Secretary Lloyd Austin said.", id="x")]).sides()
        Counter({'United States': 1})
        """
        return Counter(q.side for a in self._articles for q in a.quotes if q.side)

    # -- comparisons --------------------------------------------------------------------------

    def quote_matches(
        self, threshold: float = 80.0, *, unquoted: bool = True, method: str = "auto",
        progress: Optional[bool] = None,
    ) -> "pd.DataFrame":
        """The same quote reported by several articles (also truncated or reworded), with both
        spans and the score. ``method`` is ``"exact"`` (every pair that can match), ``"lsh"``
        (MinHash candidates only) or ``"auto"``; see :func:`quotelens.compare.quote_matches`."""
        from quotelens.compare import quote_matches

        return quote_matches(self, threshold, unquoted=unquoted, method=method,
                             progress=progress)

    def statements(
        self, threshold: float = 80.0, *, unquoted: bool = True, method: str = "auto",
        progress: Optional[bool] = None,
    ) -> "pd.DataFrame":
        """Statement clusters: one row per statement carried by two or more articles, with
        its articles, outlets, speaker, first date, canonical wording and each variant's
        word-level diff; see :func:`quotelens.compare.statement_clusters`."""
        from quotelens.compare import statement_clusters

        return statement_clusters(self, threshold, unquoted=unquoted, method=method,
                                  progress=progress)

    def claims(
        self, threshold: float = 35.0, *, speaker_bonus: float = 0.0, sentences: bool = False,
        method: str = "auto", progress: Optional[bool] = None,
    ) -> "Claims":
        """Clusters of statements from different articles making the same claim, with members,
        articles, sides and stances. ``method`` is ``"exact"`` (all pairs), ``"blocked"`` (pairs
        sharing a rare word; ``"lsh"`` is its old name) or ``"auto"``; see
        :func:`quotelens.compare.claims`."""
        from quotelens.compare import claims

        return claims(self, threshold, speaker_bonus=speaker_bonus, sentences=sentences,
                      method=method, progress=progress)

    def compare_sides(self, side_a: str, side_b: str, k: int = 3) -> "SideComparison":
        """For each statement of ``side_a``, the ``k`` closest of ``side_b`` with score and
        polarity, as a DataFrame with ``.heatmap()``; see :func:`quotelens.compare.compare_sides`.
        """
        from quotelens.compare import compare_sides

        return compare_sides(self, side_a, side_b, k)

    # -- display ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        quotes = [q for a in self._articles for q in a.quotes if q.kind != "term" or q.speaker]
        attributed = sum(q.speaker is not None for q in quotes)
        speakers = {s.name for a in self._articles for s in a.speakers}
        sides = ", ".join(f"{s} {n}" for s, n in sorted(self.sides().items(),
                                                         key=lambda kv: (-kv[1], kv[0]))[:5])
        n = len(self._articles)
        return (
            f"<Corpus: {n} article{'s' if n != 1 else ''}, {len(quotes)} quotes "
            f"({attributed} attributed), {len(speakers)} speakers"
            + (f"; sides: {sides}" if sides else "")
            + ">"
        )

    def _repr_html_(self) -> str:
        rows = []
        for a in self._articles[:50]:
            quotes = [q for q in a.quotes if q.kind != "term" or q.speaker]
            rows.append(
                "<tr>"
                + "".join(
                    f"<td>{html.escape(str(v))}</td>"
                    for v in (a.id, a.title or "", a.source or "", a.date or "", len(quotes),
                              len(a.speakers))
                )
                + "</tr>"
            )
        more = (
            f"<tr><td colspan=6>… {len(self._articles) - 50} more</td></tr>"
            if len(self._articles) > 50
            else ""
        )
        head = "".join(f"<th>{h}</th>" for h in ("id", "title", "outlet", "date", "quotes",
                                                  "speakers"))
        return (
            f"<div><b>{html.escape(repr(self))}</b><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}{more}</tbody></table></div>"
        )


def _show_progress(progress: Optional[bool], n: int) -> bool:
    if progress is None:
        return n >= 20 and sys.stderr.isatty()
    if not isinstance(progress, bool):
        raise TypeError(f"progress: expected bool or None, got {type(progress).__name__}")
    return progress


def _workers(workers: int) -> int:
    if not isinstance(workers, int) or isinstance(workers, bool):
        raise TypeError(f"workers: expected int, got {type(workers).__name__}")
    if workers == -1 or workers == 0:
        return os.cpu_count() or 1
    if workers < -1:
        raise QuotelensError(f"workers: expected -1, 0 or a positive number, got {workers}")
    # More threads than cores only cost memory (sim clamps the same way).
    return min(workers, os.cpu_count() or 1)


def _analyze_one(item: dict[str, Any], infer: bool) -> Article:
    a = Article(item["text"], id=item.get("id"), title=item.get("title"),
                source=item.get("source"), date=item.get("date"))
    if infer and (a.source is None or a.date is None):
        meta = infer_meta(a)
        source = a.source or meta["source"]
        date = a.date or meta["date"]
        if (source, date) != (a.source, a.date):
            a = a.replace(source=source, date=date)  # metadata only: no second analysis
    return a


def _analyze(
    items: list[dict[str, Any]], *, progress: Optional[bool], workers: int, infer: bool
) -> list[Article]:
    """Analyse texts on ``workers`` threads (the core releases the GIL), with a progress bar."""
    show = _show_progress(progress, len(items))
    n = _workers(workers)
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(items), desc="quotelens: analysing", unit="article")
    try:
        if n == 1 or len(items) < 8:
            out = []
            for it in items:
                out.append(_analyze_one(it, infer))
                if bar is not None:
                    bar.update(1)
            return out
        with ThreadPoolExecutor(max_workers=n) as pool:
            out = []
            for a in pool.map(lambda it: _analyze_one(it, infer), items, chunksize=1):
                out.append(a)
                if bar is not None:
                    bar.update(1)
            return out
    finally:
        if bar is not None:
            bar.close()
