"""Article metadata from a CSV file or from file names.

A metadata CSV has an ``id`` or a ``file`` column (the file name, with or without its folder
and extension) and any of ``source`` (or ``outlet``, ``publisher``), ``date``, ``title``,
``url``; every other column is kept as an extra (:data:`FIELDS` lists the names and which
wins when a row has two). A name template such as
``"{outlet}_{date}_{slug}.txt"`` reads the same fields from file names.

A row that cannot be used (no such file, a date that is not a date, a second row for one
file) is named in a :class:`MetadataIssue` and the rest loads.

>>> t = NameTemplate("{outlet}_{date}_{slug}.txt")
>>> t.glob, t.match("usa-today_2015-11-09_carson-on-the-rise.txt")
('*_*_*.txt', {'outlet': 'usa-today', 'date': '2015-11-09', 'slug': 'carson-on-the-rise'})
>>> parse_date("Nov. 9, 2015"), parse_date("2015-11-09T10:00:00Z"), parse_date("soon")
('2015-11-09', '2015-11-09', None)
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from quotelens._core import QuotelensError

PathLike = Union[str, "os.PathLike[str]"]

#: The names that give each article field, in order of precedence: the field's own name, then
#: the others. The first one present with a value wins, so a row with both ``source`` and
#: ``outlet`` takes ``source``; every other column is an extra. ``Corpus.from_records`` reads
#: ``title``, ``source`` and ``date`` by these names too (its URL key is ``url`` only).
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher"),
    "date": ("date", "published", "publish_date"),
    "url": ("url", "link"),
}
_KEY_COLUMNS = ("id", "file", "filename", "path")


@dataclass(frozen=True)
class MetadataIssue:
    """A metadata row (or file name) that could not be used, and why."""

    where: str  # "meta.csv line 4" or a file name
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def parse_date(value: str) -> Optional[str]:
    """A date as ``YYYY-MM-DD`` (ISO dates and times, "Nov. 9, 2015", "9 November 2015",
    "2015/11/09"), or ``None`` when it is not a date."""
    from quotelens.corpus import find_date

    v = value.strip()
    if not v:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$", v)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        return _valid(y, mo, d)
    found = find_date(v)
    if found is None:
        return None
    y, mo, d = (int(x) for x in found.split("-"))
    return _valid(y, mo, d)


def _valid(y: int, m: int, d: int) -> Optional[str]:
    import datetime

    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


class NameTemplate:
    """A file-name template with ``{field}`` placeholders: ``{outlet}``, ``{date}``,
    ``{title}``, ``{id}``; any other name (``{slug}``) becomes an extra."""

    def __init__(self, template: str) -> None:
        if not isinstance(template, str):
            raise TypeError(f"pattern: expected str, got {type(template).__name__}")
        fields = re.findall(r"\{(\w+)\}", template)
        if not fields:
            raise QuotelensError(f"pattern: no {{field}} in {template!r}")
        if len(set(fields)) != len(fields):
            raise QuotelensError(f"pattern: a field appears twice in {template!r}")
        parts = re.split(r"\{\w+\}", template)
        self.template = template
        self.fields = fields
        self.glob = "*".join(parts)
        rx = ""
        for i, part in enumerate(parts):
            rx += re.escape(part)
            if i < len(fields):
                # Fields before the last are as short as they can be ("usa-today" before "_").
                rx += f"(?P<{fields[i]}>.+?)" if i < len(fields) - 1 else f"(?P<{fields[i]}>.+)"
        self._rx = re.compile(rx + "$")

    @staticmethod
    def is_template(pattern: str) -> bool:
        return bool(re.search(r"\{\w+\}", pattern))

    def match(self, name: str) -> Optional[dict[str, str]]:
        """The fields of a file name, or ``None`` when it does not fit the template."""
        m = self._rx.match(name)
        return None if m is None else dict(m.groupdict())


def fields_of(values: dict[str, str], where: str) -> tuple[dict[str, str], list[MetadataIssue]]:
    """Split raw metadata values into Article fields (title, source, date), ``url`` and extras;
    a date that does not parse is an issue (and left out)."""
    out: dict[str, str] = {}
    issues = []
    used = set()
    lower = {k.strip().lower(): k for k in values}
    for field, names in FIELDS.items():
        for n in names:
            if n in lower:
                used.add(lower[n])
                v = (values[lower[n]] or "").strip()
                if not v:
                    continue  # an empty cell gives way to the next name, as in records
                if field == "date":
                    d = parse_date(v)
                    if d is None:
                        issues.append(MetadataIssue(where, f"date {v!r} is not a date"))
                        break
                    v = d
                out[field] = v
                break
    for k, v in values.items():
        if k not in used and k.strip().lower() not in _KEY_COLUMNS and v not in (None, ""):
            out[k] = v
    return out, issues


def read_metadata(path: PathLike) -> tuple[dict[str, dict[str, str]], str, list[MetadataIssue]]:
    """Rows of a metadata CSV keyed by their ``id`` or ``file`` value; returns the rows, the
    key column's name and the rows that could not be used."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"metadata: expected a path, got {type(path).__name__}")
    p = Path(path)
    try:
        with open(p, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            key = next((k for k in _KEY_COLUMNS if k in header), None)
            if key is None:
                raise QuotelensError(
                    f"metadata: {p} has no id or file column (its columns: {header})"
                )
            rows: dict[str, dict[str, str]] = {}
            issues = []
            for n, row in enumerate(reader, start=2):
                row = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
                col = next(k for k in row if k.lower() == key)
                k = row[col]
                where = f"{p.name} line {n}"
                if not k:
                    issues.append(MetadataIssue(where, f"empty {key}"))
                    continue
                norm = normalize_key(k, key)
                if norm in rows:
                    issues.append(MetadataIssue(where, f"second row for {k!r} (the first wins)"))
                    continue
                row["_where"] = where
                rows[norm] = row
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise QuotelensError(f"metadata: cannot read {p}: {e}") from e
    return rows, key, issues


def normalize_key(value: str, key: str) -> str:
    """How a metadata key is matched to a file: by file name without folder and extension."""
    if key == "id":
        return value.strip()
    return Path(value.strip()).stem
