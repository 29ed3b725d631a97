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

import json
import os
import re
import sys
import warnings
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Union, overload

from quotelens._core import Article, QuotelensError, _threads_for, _word_list
from quotelens.frames import (
    corpus_speakers_frame,
    is_scare_quote,
    quotes_frame,
    speakers_frame,
)
from quotelens.metadata import (
    FIELDS,
    MetadataIssue,
    NameTemplate,
    fields_of,
    normalize_key,
    read_metadata,
)
from quotelens.speakers import SpeakerIndex, check_aliases, check_groups

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from quotelens.compare import Claims, SideComparison
    from quotelens.outlets import OutletComparison

PathLike = Union[str, "os.PathLike[str]"]

FORMAT = "quotelens-corpus"
FORMAT_VERSION = 2  # 2 adds metadata, aliases, groups and speaker corrections; 1 still reads

# Metadata fields an Article accepts, and the record keys read for each (first present wins):
# the names and precedence of a metadata CSV's columns (metadata.FIELDS).
_META_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id",), **{f: FIELDS[f] for f in ("title", "source", "date")}}
# Other record keys a record may have: ``url``, ``extra`` (a dict of anything, kept), and
# ``groups`` (or ``sides``): the article's own {speaker: group} overrides.
_RECORD_KEYS = frozenset(k for ks in _META_KEYS.values() for k in ks) | {
    "url", "extra", "groups", "sides"}

# The core's month names (src/lexicon/words.txt), January first; not the abbreviations.
_MONTHS = [m for m in _word_list("months") if not m.endswith(".")]
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


def printable_name(name: str) -> str:
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
    unique; articles without an id get ``article-N``. Every constructor takes ``aliases``
    (``{alias: name}`` or a CSV of alias,name) and ``groups`` (``{speaker name or id: group or
    [groups]}`` or a CSV of speaker,group), which correct the corpus-wide speakers and their
    groups (:meth:`speakers`).

    >>> c = Corpus([Article("“No,” she said.", id="x")])
    >>> len(c), c.ids, c[0] is c["x"]
    (1, ['x'], True)
    """

    def __init__(
        self,
        articles: Iterable[Article],
        *,
        aliases: Union[Mapping[str, str], PathLike, None] = None,
        groups: Union[Mapping[str, Union[str, list[str]]], PathLike, None] = None,
    ) -> None:
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
        # The corpus-wide speakers, built on first use; None again after merges and splits.
        self._speakers: Optional[SpeakerIndex] = None
        # Results of the core's comparisons by their arguments (the articles do not change;
        # speaker ids are added on every call, so merges and splits still show): a notebook's
        # claims() and the report's are computed once.
        self._computed: dict[tuple[Any, ...], Any] = {}
        self._aliases = check_aliases(_mapping_arg(aliases, "aliases", ("alias", "name")))
        self._groups = check_groups(_mapping_arg(groups, "groups", ("speaker", "group")))
        # url and extra metadata columns per article id (the core's Article has id, title,
        # source and date).
        self._extras: dict[str, dict[str, Any]] = {}
        self._corrections: list[tuple[Any, ...]] = []
        #: Metadata rows or file names that could not be used when the corpus was loaded.
        self.metadata_issues: list[MetadataIssue] = []

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
        aliases: Union[Mapping[str, str], PathLike, None] = None,
        groups: Union[Mapping[str, Union[str, list[str]]], PathLike, None] = None,
    ) -> "Corpus":
        """Analyse records (dicts) with a ``text`` key and optional ``id``, ``title``,
        ``source`` (or ``outlet``; :data:`~quotelens.metadata.FIELDS` gives the names and which
        wins), ``date``, ``url``, ``extra`` (a dict kept as metadata) and
        ``groups`` (this article's ``{speaker: group}``, as ``Article(sides=...)``). Any other
        key is a :class:`~quotelens.QuotelensError` naming it (a misspelt key was ignored).

        ``progress`` shows a progress bar (``None``: only on a terminal and for 20+ articles);
        ``workers`` threads analyse articles in parallel (``-1``: all cores); ``infer`` reads
        outlet and date from bylines and datelines when the record has none. ``aliases``
        (``{"Donald J. Trump": "Donald Trump"}`` or a CSV of alias,name) and ``groups``
        (``{speaker or speaker id: group}`` or a CSV of speaker,group) correct the corpus-wide
        speakers; see :meth:`speakers`.

        >>> Corpus.from_records([{"text": "“No,” she said."}], progress=False).ids
        ['article-1']
        >>> Corpus.from_records([{"text": "“No,” she said.", "sides": "x", "autor": "Jo"}])
        Traceback (most recent call last):
        ...
        quotelens.QuotelensError: records: item 0 has an unknown key 'autor' (known: ...)
        """
        if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
            raise TypeError(
                f"records: expected an iterable of dicts, got {type(records).__name__}"
            )
        items: list[dict[str, Any]] = []
        extras: dict[str, dict[str, Any]] = {}
        known = _RECORD_KEYS | {text}
        for i, r in enumerate(records):
            if not isinstance(r, Mapping):
                raise TypeError(f"records: item {i} is {type(r).__name__}, expected a dict")
            unknown = sorted(str(k) for k in r if k not in known)
            if unknown:
                raise QuotelensError(
                    f"records: item {i} has an unknown key {unknown[0]!r} (known: "
                    f"{', '.join(sorted(known))}; put anything else in 'extra')"
                )
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
                    if not _missing(v) and str(v).strip():  # blank gives way, as in a CSV
                        item[field] = str(v)
                        break
            item.setdefault("id", f"article-{i + 1}")
            sides = r.get("groups", r.get("sides"))
            if sides is not None:
                if not isinstance(sides, Mapping) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in sides.items()
                ):
                    raise TypeError(f"records: item {i} 'groups' must be a dict of str → str")
                item["sides"] = dict(sides)
            extra: dict[str, Any] = {}
            if r.get("url") is not None:
                extra["url"] = str(r["url"])
            if r.get("extra") is not None:
                if not isinstance(r["extra"], Mapping):
                    raise TypeError(f"records: item {i} 'extra' must be a dict")
                extra.update(r["extra"])
            if extra:
                extras[item["id"]] = extra
            items.append(item)
        if not items:
            raise QuotelensError("records: the corpus is empty (no records given)")
        corpus = cls(_analyze(items, progress=progress, workers=workers, infer=infer),
                     aliases=aliases, groups=groups)
        corpus._extras = extras
        return corpus

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
        aliases: Union[Mapping[str, str], PathLike, None] = None,
        groups: Union[Mapping[str, Union[str, list[str]]], PathLike, None] = None,
    ) -> "Corpus":
        """Analyse the rows of a DataFrame; the keyword arguments name its columns (a missing
        metadata column is skipped, a missing text column is an error). Other columns are
        kept as metadata (:meth:`metadata`).

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
        rest = [c for c in df.columns if c != text and c not in cols.values()]
        records = []
        for row in df.to_dict("records"):
            r: dict[str, Any] = {"text": row[text]}
            for field, col in cols.items():
                v = row[col]
                if not _missing(v):
                    r[field] = v.date().isoformat() if isinstance(v, pd.Timestamp) else v
            extra = {str(c): row[c] for c in rest if not _missing(row[c])}
            if extra:
                r["extra"] = extra
            records.append(r)
        return cls.from_records(records, progress=progress, workers=workers, infer=infer,
                                aliases=aliases, groups=groups)

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
        metadata: Optional[PathLike] = None,
        names: Optional[str] = None,
        aliases: Union[Mapping[str, str], PathLike, None] = None,
        groups: Union[Mapping[str, Union[str, list[str]]], PathLike, None] = None,
    ) -> "Corpus":
        """Analyse text files; each article's id is the file name without its extension.

        ``errors="raise"`` raises :class:`~quotelens.QuotelensError` naming the first file that
        cannot be read or decoded; ``errors="warn"`` warns (:class:`CorpusWarning`) naming it and
        loads the others. ``metadata`` is a CSV with an ``id`` or ``file`` column and any of
        ``outlet``, ``date``, ``title``, ``url`` (other columns are kept); ``names`` is a
        file-name template (``"{outlet}_{date}_{slug}.txt"``) to read the same from file
        names. A metadata row or file name that cannot be used is named in one
        :class:`CorpusWarning` (and in :attr:`metadata_issues`); the rest loads.
        """
        if isinstance(paths, (str, bytes, os.PathLike)) or not isinstance(paths, Iterable):
            raise TypeError(
                f"paths: expected an iterable of paths, got {type(paths).__name__}"
            )
        if errors not in ("raise", "warn"):
            raise QuotelensError(f"errors: expected 'raise' or 'warn', got {errors!r}")
        template = None if names is None else NameTemplate(names)
        files = []
        for p in paths:
            if not isinstance(p, (str, os.PathLike)):
                raise TypeError(f"paths: expected str or os.PathLike items, got {type(p).__name__}")
            files.append(Path(p))
        if not files:
            raise QuotelensError("paths: the corpus is empty (no files given)")
        rows: dict[str, dict[str, str]] = {}
        key = "file"
        issues: list[MetadataIssue] = []
        if metadata is not None:
            rows, key, issues = read_metadata(metadata)
        used: set[str] = set()
        items: list[dict[str, Any]] = []
        extras: dict[str, dict[str, Any]] = {}
        seen: Counter[str] = Counter()
        failures: list[str] = []
        for f in files:
            try:
                body = _read_text(f, encoding)
            except (OSError, UnicodeDecodeError) as e:
                msg = f"cannot load {printable_name(str(f))}: {e}"
                if errors == "raise":
                    raise QuotelensError(msg) from e
                warnings.warn(msg, CorpusWarning, stacklevel=2)
                failures.append(msg)
                continue
            stem = printable_name(f.stem)
            if stem != f.stem:
                warnings.warn(f"file name {printable_name(str(f))!r} is not valid UTF-8; "
                              f"its id is {stem!r}",
                              CorpusWarning, stacklevel=2)
            meta: dict[str, Any] = {}
            if template is not None:
                found = template.match(f.name)
                if found is None:
                    issues.append(MetadataIssue(printable_name(f.name),
                                                f"does not fit {template.template!r}"))
                else:
                    got, bad = fields_of(found, printable_name(f.name))
                    meta.update(got)
                    issues.extend(bad)
                    stem = meta.pop("id", stem)
            row = rows.get(normalize_key(stem, key) if key == "id" else f.stem)
            if row is not None:
                used.add(normalize_key(stem, key) if key == "id" else f.stem)
                got, bad = fields_of({k: v for k, v in row.items() if k != "_where"},
                                     row["_where"])
                meta.update(got)
                issues.extend(bad)
            seen[stem] += 1
            ident = stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
            item = {"text": body, "id": ident}
            for field in ("title", "source", "date"):
                if field in meta:
                    item[field] = meta.pop(field)
            if meta:
                extras[ident] = meta
            items.append(item)
        for k, row in rows.items():
            if k not in used:
                issues.append(MetadataIssue(row["_where"], f"no loaded file for {k!r}"))
        if not items:
            reasons = "".join(f"\n  {m}" for m in failures)
            raise QuotelensError(
                f"paths: none of the {len(files)} files could be loaded:{reasons}"
            )
        if issues:
            warnings.warn(
                f"{len(issues)} metadata row{'s' if len(issues) != 1 else ''} not used:"
                + "".join(f"\n  {i}" for i in issues), CorpusWarning, stacklevel=2)
        corpus = cls(_analyze(items, progress=progress, workers=workers, infer=infer),
                     aliases=aliases, groups=groups)
        corpus._extras = extras
        corpus.metadata_issues = issues
        return corpus

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
        metadata: Optional[PathLike] = None,
        aliases: Union[Mapping[str, str], PathLike, None] = None,
        groups: Union[Mapping[str, Union[str, list[str]]], PathLike, None] = None,
    ) -> "Corpus":
        """Analyse the files in a folder matching ``pattern`` (sorted by name; ``**/*.txt``
        recurses). A pattern with ``{fields}`` is a file-name template that also gives each
        article's metadata: ``pattern="{outlet}_{date}_{slug}.txt"`` reads outlet and date
        (``{title}``, ``{id}`` too; other fields are kept as metadata). ``metadata`` is a CSV
        (see :meth:`from_files`); it wins over the file names. See :meth:`from_files` for
        ``errors``. Symbolic links that lead outside the folder are skipped with a
        :class:`CorpusWarning` naming them, unless ``follow_links``.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path: expected str or os.PathLike, got {type(path).__name__}")
        if not isinstance(pattern, str):
            raise TypeError(f"pattern: expected str, got {type(pattern).__name__}")
        names = pattern if NameTemplate.is_template(pattern) else None
        glob = NameTemplate(pattern).glob if names else pattern
        folder = Path(path)
        if not folder.exists():
            raise QuotelensError(f"path: {folder} does not exist")
        if not folder.is_dir():
            raise QuotelensError(f"path: {folder} is not a folder (use Corpus.from_files)")
        files, skipped = folder_files(folder, glob, follow_links)
        if skipped:
            names_ = ", ".join(printable_name(str(p)) for p in skipped)
            warnings.warn(f"skipped links leading outside {folder} (follow_links=True reads "
                          f"them): {names_}", CorpusWarning, stacklevel=2)
        if not files:
            raise QuotelensError(f"path: no files matching {pattern!r} in {folder}")
        return cls.from_files(
            files, errors=errors, encoding=encoding, progress=progress, workers=workers,
            infer=infer, metadata=metadata, names=names, aliases=aliases, groups=groups,
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
            "metadata": self._extras,
            "aliases": self._aliases,
            "groups": self._groups,
            "corrections": [list(c) for c in self._corrections],
        }
        data = json.dumps(doc, ensure_ascii=False)
        if path is None:
            return data
        Path(path).write_text(data, encoding="utf-8")
        return None

    @classmethod
    def from_json(
        cls,
        source: PathLike,
        *,
        aliases: Union[Mapping[str, str], PathLike, None] = None,
        groups: Union[Mapping[str, Union[str, list[str]]], PathLike, None] = None,
    ) -> "Corpus":
        """Read a corpus written by :meth:`to_json`: a path, or the JSON text itself. Its
        alias table, groups and speaker corrections come back with it; ``aliases`` and
        ``groups`` given here are added to them (and win)."""
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
        if doc.get("version") not in (1, FORMAT_VERSION):
            raise QuotelensError(f"source: unsupported version {doc.get('version')!r}")
        unknown = sorted(set(doc) - {"format", "version", "articles", "metadata", "aliases",
                                     "groups", "corrections"})
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
        try:
            corpus = cls(out, groups=doc.get("groups"))
            extras = doc.get("metadata") or {}
            if not isinstance(extras, dict):
                raise TypeError("metadata: expected an object")
            corpus._extras = extras
            # The alias table is stored folded; it is applied as it is.
            corpus._aliases = check_aliases(doc.get("aliases"))
        except (TypeError, ValueError) as e:
            raise QuotelensError(f"source: {e}") from None
        corpus._aliases.update(check_aliases(_mapping_arg(aliases, "aliases", ("alias", "name"))))
        corpus._groups.update(check_groups(_mapping_arg(groups, "groups", ("speaker", "group"))))
        try:
            for c in doc.get("corrections") or []:
                if not isinstance(c, list) or not c or c[0] not in ("merge", "split"):
                    raise QuotelensError(f"corrections: not a correction: {c!r}")
                corpus._corrections.append(tuple(c))
            corpus._speaker_index()
        except (TypeError, ValueError) as e:
            raise QuotelensError(f"source: {e}") from None
        return corpus

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return (self._articles == other._articles and self._extras == other._extras
                and self._aliases == other._aliases and self._groups == other._groups
                and self._corrections == other._corrections)

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, Any]:
        # The speaker index is rebuilt on demand (it keys members by object identity).
        state = dict(self.__dict__)
        state["_speakers"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        state.pop("_cache", None)  # pickles written before _speakers
        state["_speakers"] = None
        self.__dict__.update(state)

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
            # Metadata, aliases and groups carry over; merges and splits name speaker ids of
            # the whole corpus, so they do not.
            part = Corpus(self._articles[key], groups=self._groups)
            part._aliases = dict(self._aliases)
            part._extras = {a.id: self._extras[a.id] for a in part if a.id in self._extras}
            return part
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
        self, *, kinds: Union[str, Iterable[str], None] = None, attributed: bool = False
    ) -> "pd.DataFrame":
        """Every quote as a DataFrame row: article, title, outlet, date (datetime64), speaker
        (the article's name), ``speaker_id`` and ``speaker_name`` (one per person across the
        corpus), side (the first of ``groups``), ``groups`` (country, party, institution),
        cue, cue_category, kind, text, ``context`` (the sentence around it), start, end,
        confidence, ... ``kinds`` keeps one kind (``"direct"``) or several; ``attributed=True``
        keeps quotes with a speaker. Write it with ``.to_parquet(path)``.

        >>> c = Corpus([Article("“No,” Lloyd Austin said. “Never,” he added.", id="x")])
        >>> c.quotes(kinds="direct")[["speaker_id", "text", "context"]].values.tolist()[0]
        ['lloyd-austin', 'No,', '“No,” Lloyd Austin said.']
        """
        if kinds is not None and not isinstance(kinds, str) and isinstance(kinds, Iterable):
            kinds = tuple(kinds)
        index = self._speaker_index()
        if not isinstance(attributed, bool) or not (
                kinds is None or isinstance(kinds, str)
                or (isinstance(kinds, tuple) and all(isinstance(k, str) for k in kinds))):
            # Bad arguments: quotes_frame names them.
            return quotes_frame(self._articles, kinds=kinds, attributed=attributed,
                                speakers=index)
        # Cached per speaker index (merges and splits build a new one).
        key = ("quotes", id(index), kinds, attributed)
        df = self._computed.get(key)
        if df is None:
            df = quotes_frame(self._articles, kinds=kinds, attributed=attributed,
                              speakers=index)
            self._computed = {k: v for k, v in self._computed.items()
                              if k[0] != "quotes" or k[1] == id(index)}
            self._computed[key] = df
        return df.copy()

    def speakers(self) -> "pd.DataFrame":
        """One row per speaker of the corpus (most quoted first): speaker_id, name, kind, side
        (the main group), groups, aliases (every name the articles use for the speaker),
        titles, outlets, and the number of articles, quotes and mentions.

        Names are linked across articles as :mod:`quotelens.speakers` describes; correct the
        result with ``aliases=`` and ``groups=`` (any constructor), :meth:`merge_speakers` and
        :meth:`split_speaker`.

        >>> c = Corpus([Article("“No,” said Donald J. Trump.", id="a"),
        ...             Article("“Yes,” Donald Trump said. Mr. Trump left.", id="b")])
        >>> c.speakers()[["speaker_id", "name", "articles", "quotes"]].values.tolist()
        [['donald-trump', 'Donald Trump', 2, 2]]
        """
        return corpus_speakers_frame(self._articles, self._speaker_index())

    def article_speakers(self) -> "pd.DataFrame":
        """Every speaker of every article (article, speaker, side, kind, titles, aliases,
        mentions, quotes) with its corpus-wide ``speaker_id``."""
        df = speakers_frame(self._articles)
        index = self._speaker_index()
        pos = {a.id: i for i, a in enumerate(self._articles)}
        df["speaker_id"] = [index.id_of(pos[a], s) for a, s in zip(df["article"], df["speaker"])]
        return df

    def merge_speakers(self, *ids: str, name: Optional[str] = None) -> str:
        """Make the speakers ``ids`` one speaker (keeping the first id, and ``name`` if given)
        in every table, comparison and report of this corpus; returns the id.

        >>> c = Corpus([Article("“No,” said Bibi.", id="a"),
        ...             Article("“Yes,” Benjamin Netanyahu said.", id="b")])
        >>> c.merge_speakers("benjamin-netanyahu", "bibi")
        'benjamin-netanyahu'
        >>> c.quotes()["speaker_id"].tolist()
        ['benjamin-netanyahu', 'benjamin-netanyahu']
        """
        if len(ids) < 2:
            raise QuotelensError(f"ids: expected two or more speaker ids, got {len(ids)}")
        for i in ids:
            if not isinstance(i, str):
                raise TypeError(f"ids: expected str, got {type(i).__name__}")
        if name is not None and not isinstance(name, str):
            raise TypeError(f"name: expected str, got {type(name).__name__}")
        index = self._speaker_index()
        out = index.merge(list(ids), name=name)  # raises naming an unknown id
        self._corrections.append(("merge", list(ids), name))
        self._speakers = None
        return out

    def split_speaker(
        self, speaker_id: str, names: Union[str, Iterable[str], None] = None, *,
        articles: Union[str, Iterable[str], None] = None,
    ) -> str:
        """Move part of a speaker to a new speaker: the article names in ``names`` and/or the
        mentions in the article ids ``articles``. Returns the new id.

        >>> c = Corpus([Article("“No,” said Bill Clinton.", id="a"),
        ...             Article("“Yes,” Clinton said.", id="b")])
        >>> c.quotes()["speaker_id"].tolist()
        ['bill-clinton', 'bill-clinton']
        >>> c.split_speaker("bill-clinton", articles="b")
        'clinton'
        """
        if not isinstance(speaker_id, str):
            raise TypeError(f"speaker_id: expected str, got {type(speaker_id).__name__}")
        name_list = _str_list(names, "names")
        art_list = _str_list(articles, "articles")
        if not name_list and not art_list:
            raise QuotelensError("names: give names or articles to split off")
        for a in art_list:
            if a not in self._index:
                raise QuotelensError(f"articles: no article with id {a!r}")
        idx = [self._index[a] for a in art_list]
        out = self._speaker_index().split(speaker_id, names=name_list or None,
                                          articles=idx or None)
        self._corrections.append(("split", speaker_id, name_list or None, idx or None))
        self._speakers = None  # rebuilt with the split: groups pooled anew
        return out

    def metadata(self) -> "pd.DataFrame":
        """One row per article: article, title, outlet, date (datetime64), url and every other
        metadata column it was loaded with."""
        from quotelens.frames import ARTICLE_COLUMNS, _typed, article_row

        rows = []
        for a in self._articles:
            row = article_row(a)
            row.update(self._extras.get(a.id or "", {}))
            rows.append(row)
        cols = {**ARTICLE_COLUMNS, "url": "object"}
        extra = {k: "object" for r in rows for k in r if k not in cols}
        return _typed(rows, {**cols, **extra})

    def label(self, article_id: str) -> str:
        """How tables and the report name an article: outlet, date and title when the corpus
        has them ("nyt · 2015-11-09 · Jobs report ..."); without a title, the ``slug`` a
        file-name pattern gave, else the id.

        >>> Corpus([Article("Text.", id="x", source="RFA", date="2024-09-17")]).label("x")
        'RFA · 2024-09-17 · x'
        """
        a = self[article_id]
        parts = [p for p in (a.source, a.date) if p]
        slug = self._extras.get(article_id, {}).get("slug")
        return " · ".join(parts + [a.title or (str(slug) if slug else None) or a.id or ""])

    def sides(self) -> "Counter[str]":
        """How many attributed quotes each main group (``side``) has.

        >>> Corpus([Article("“No,” U.S. Defense Secretary Lloyd Austin said.", id="x")]).sides()
        Counter({'United States': 1})
        """
        index = self._speaker_index()
        out: Counter[str] = Counter()
        for i, a in enumerate(self._articles):
            for q in a.quotes:
                g = index.groups_of(i, q.speaker, q.side)
                side = g[0] if g else q.side
                if side:
                    out[side] += 1
        return out

    def groups(self) -> "Counter[str]":
        """How many attributed quotes each group has (a quote counts for each of its groups)."""
        index = self._speaker_index()
        return Counter(g for i, a in enumerate(self._articles) for q in a.quotes if q.speaker
                       for g in index.groups_of(i, q.speaker, q.side))

    def _speaker_index(self) -> SpeakerIndex:
        index = self._speakers
        if index is None:
            index = SpeakerIndex(self._articles, aliases=self._aliases, groups=self._groups,
                                 corrections=self._corrections)
            if index.unmatched_groups:
                warnings.warn("groups: no speaker matches "
                              + ", ".join(repr(k) for k in index.unmatched_groups),
                              CorpusWarning, stacklevel=3)
            self._speakers = index
        return index

    def compare_outlets(self, *, top: int = 10) -> "OutletComparison":
        """How each outlet reports: share of voice by speaker and group, the reporting verbs
        (cue categories) that introduce each group, direct against indirect quotes, and the
        scare-quoted terms; DataFrames with ``.plot()``. See
        :class:`quotelens.outlets.OutletComparison`."""
        from quotelens.outlets import compare_outlets

        return compare_outlets(self, top=top)

    # -- comparisons --------------------------------------------------------------------------

    def quote_matches(
        self, threshold: float = 80.0, *, unquoted: bool = True, method: str = "auto",
        progress: Optional[bool] = None,
    ) -> "pd.DataFrame":
        """The same quote reported by several articles (also truncated or reworded), with both
        spans, the score, each side's ``speaker_id``, each article's outlet, date and title,
        and ``same_story``: True when the two articles are one story re-published or updated
        (most of their text word for word), where the quote has not travelled; filter with
        ``df[~df.same_story]``. ``method`` is ``"exact"`` (every pair that can match), ``"lsh"`` (MinHash
        candidates only) or ``"auto"``; see :func:`quotelens.compare.quote_matches`."""
        from quotelens.compare import _check_bool, check_match_args, quote_matches

        show_progress(progress, len(self._articles))  # checks it, when the answer is kept
        key = ("quote_matches", *check_match_args(threshold, method),
               _check_bool(unquoted, "unquoted"))
        df = self._computed.get(key)
        if df is None:
            df = quote_matches(self, threshold, unquoted=unquoted, method=method,
                               progress=progress)
            self._computed[key] = df
        return self._with_same_story(self.with_speaker_ids(df.copy()))

    def _with_same_story(self, df: "pd.DataFrame") -> "pd.DataFrame":
        """``df`` with ``same_story``: whether its two articles are one story (re-published,
        updated or copied word for word: :func:`quotelens.compare.story_overlap` at least
        :data:`quotelens.compare.SAME_STORY`), so the quote did not travel between them."""
        from quotelens.compare import SAME_STORY, story_overlap

        pairs = sorted({(self._index[a], self._index[b])
                        for a, b in zip(df["article_a"], df["article_b"])})
        overlap = dict(zip(pairs, story_overlap(self._articles, pairs)))
        df["same_story"] = [overlap[(self._index[a], self._index[b])] >= SAME_STORY
                            for a, b in zip(df["article_a"], df["article_b"])]
        return df

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
        self, threshold: float = 50.0, *, speaker_bonus: float = 0.0, sentences: bool = False,
        method: str = "auto", progress: Optional[bool] = None,
    ) -> "Claims":
        """Clusters of statements from different articles making the same claim, with members,
        articles, sides and stances. ``method`` is ``"exact"`` (all pairs), ``"blocked"`` (pairs
        sharing a rare word; ``"lsh"`` is its old name) or ``"auto"``; see
        :func:`quotelens.compare.claims`."""
        from quotelens.compare import check_claim_args, claims_of, raw_claims

        show_progress(progress, len(self._articles))
        key = ("claims", *check_claim_args(threshold, speaker_bonus, sentences, method))
        raw = self._computed.get(key)
        if raw is None:
            raw = raw_claims(self, threshold, speaker_bonus=speaker_bonus, sentences=sentences,
                             method=method, progress=progress)
            self._computed[key] = raw
        return claims_of(raw)

    def compare_sides(self, side_a: str, side_b: str, k: int = 3) -> "SideComparison":
        """For each statement of ``side_a``, the ``k`` closest of ``side_b`` with score and
        polarity, as a DataFrame with ``.heatmap()``; see :func:`quotelens.compare.compare_sides`.
        """
        from quotelens.compare import check_sides_args, compare_sides

        key = ("compare_sides", *check_sides_args(side_a, side_b, k))
        df = self._computed.get(key)
        if df is None:
            df = compare_sides(self, side_a, side_b, k)
            self._computed[key] = df
        return self.with_speaker_ids(df.copy())

    def with_speaker_ids(self, df: Any) -> Any:
        """``df`` (a comparison of this corpus: :func:`quotelens.compare.quote_matches`,
        :func:`~quotelens.compare.compare_sides` ...) with ``speaker_id_a``/``speaker_id_b``
        after ``speaker_a``/``speaker_b`` (the comparisons name speakers as each article
        does), each article's outlet, date and title after ``article_a``/``article_b``, and
        ``side_a``/``side_b`` as the speakers' corpus-wide main groups; changed in place and
        returned. The Corpus methods of the same names give this already."""
        import pandas as pd

        index = self._speaker_index()
        for side in ("a", "b"):
            art, spk = f"article_{side}", f"speaker_{side}"
            if art in df.columns:
                arts = [self._articles[self._index[a]] if a in self._index else None
                        for a in df[art]]
                at = list(df.columns).index(art) + 1
                df.insert(at, f"title_{side}", [a.title if a else None for a in arts])
                df.insert(at, f"date_{side}", pd.to_datetime(
                    [a.date if a else None for a in arts], errors="coerce", format="ISO8601"))
                df.insert(at, f"outlet_{side}", [a.source if a else None for a in arts])
            if art in df.columns and spk in df.columns:
                ids = [index.id_of(self._index[a], s if isinstance(s, str) else None)
                       if a in self._index else None
                       for a, s in zip(df[art], df[spk])]
                df.insert(list(df.columns).index(spk) + 1, f"speaker_id_{side}", ids)
                # The side is the corpus-wide main group, as in quotes(), not only the
                # article's own evidence.
                sd = f"side_{side}"
                if sd in df.columns:
                    df[sd] = [
                        next(iter(index.groups_of(self._index[a],
                                                  s if isinstance(s, str) else None,
                                                  v if isinstance(v, str) else None)), None)
                        if a in self._index else v
                        for a, s, v in zip(df[art], df[spk], df[sd])]
        return df

    # -- display ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        quotes = [q for a in self._articles for q in a.quotes if not is_scare_quote(q)]
        attributed = sum(q.speaker is not None for q in quotes)
        speakers = self._speaker_index().speakers
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
        from quotelens.display import corpus_html

        return corpus_html(self)


def _missing(v: Any) -> bool:
    """A missing cell of a record or DataFrame row: None or a float NaN."""
    return v is None or (isinstance(v, float) and v != v)


def _str_list(v: Any, arg: str) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if not isinstance(v, Iterable):
        raise TypeError(f"{arg}: expected a str or a list of str, got {type(v).__name__}")
    out = list(v)
    for x in out:
        if not isinstance(x, str):
            raise TypeError(f"{arg}: expected str items, got {type(x).__name__}")
    return out


def _mapping_arg(v: Any, arg: str, columns: tuple[str, str]) -> Any:
    """``aliases=``/``groups=`` as a dict: a mapping as it is, a path read as a CSV whose
    first two columns (or the columns named ``columns``) are key and value; a key on several
    rows of a groups CSV gets each value."""
    if v is None or isinstance(v, Mapping):
        return v
    if not isinstance(v, (str, os.PathLike)):
        raise TypeError(f"{arg}: expected a dict or the path of a CSV file, got "
                        f"{type(v).__name__}")
    import csv

    p = Path(v)
    try:
        with open(p, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise QuotelensError(f"{arg}: cannot read {p}: {e}") from e
    if not rows:
        raise QuotelensError(f"{arg}: {p} is empty")
    head = [h.strip().lower() for h in rows[0]]
    if columns[0] in head and columns[1] in head:
        ki, vi = head.index(columns[0]), head.index(columns[1])
        rows = rows[1:]
    else:
        ki, vi = 0, 1
    out: dict[str, Any] = {}
    for n, r in enumerate(rows, start=2 if head and columns[0] in head else 1):
        if not any(c.strip() for c in r):
            continue
        if len(r) <= max(ki, vi) or not r[ki].strip() or not r[vi].strip():
            raise QuotelensError(f"{arg}: {p.name} line {n}: expected {columns[0]},{columns[1]}")
        k, val = r[ki].strip(), r[vi].strip()
        if arg == "groups":
            out.setdefault(k, [])
            if val not in out[k]:
                out[k].append(val)
        else:
            out[k] = val
    return out


def show_progress(progress: Optional[bool], n: int) -> bool:
    """Whether a step over ``n`` items shows a progress bar: ``progress`` when a bool (a
    TypeError otherwise), else on a terminal for 20 items or more."""
    if progress is None:
        return n >= 20 and sys.stderr.isatty()
    if not isinstance(progress, bool):
        raise TypeError(f"progress: expected bool or None, got {type(progress).__name__}")
    return progress


def analyze_record(item: dict[str, Any], infer: bool = True) -> Article:
    """The article of one record (``text``, and optionally ``id``, ``title``, ``source``,
    ``date``, ``sides``) as every corpus builds it; with ``infer``, the outlet and date read
    from the byline and dateline fill what the record leaves out. ``quotelens.dask`` analyses
    its partitions with it, so both give the same articles."""
    a = Article(item["text"], id=item.get("id"), title=item.get("title"),
                source=item.get("source"), date=item.get("date"), sides=item.get("sides"))
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
    show = show_progress(progress, len(items))
    n = _threads_for(workers)  # the core's rule: -1/0 all cores, else at most the cores
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(items), desc="quotelens: analysing", unit="article")
    try:
        if n == 1 or len(items) < 8:
            out = []
            for it in items:
                out.append(analyze_record(it, infer))
                if bar is not None:
                    bar.update(1)
            return out
        with ThreadPoolExecutor(max_workers=n) as pool:
            out = []
            for a in pool.map(lambda it: analyze_record(it, infer), items, chunksize=1):
                out.append(a)
                if bar is not None:
                    bar.update(1)
            return out
    finally:
        if bar is not None:
            bar.close()
