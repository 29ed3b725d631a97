"""Which key names title, source and date: one definition (``metadata.FIELDS``) that a metadata
CSV and ``Corpus.from_records`` both follow, with the same precedence."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from quotelens import Corpus
from quotelens.metadata import FIELDS, fields_of

TEXT = "“The budget is fair,” Sen. Ann Lee said."
# Values that read back as themselves in both loaders (a CSV date is parsed to ISO).
VALUES = {
    "title": ["Budget fight", "Second title", "Third title"],
    "source": ["The Daily", "The Weekly", "The Monthly"],
    "date": ["2016-03-01", "2016-03-02", "2016-03-03"],
}


def _cases():
    """Every order-preserving choice of the names of a field, each present with a value or
    blank: which one wins must not depend on the loader."""
    for field, names in FIELDS.items():
        if field not in VALUES:
            continue
        for r in range(1, len(names) + 1):
            for chosen in itertools.combinations(names, r):
                for blanks in itertools.product((False, True), repeat=r):
                    row = {
                        n: "" if blank else VALUES[field][i]
                        for i, (n, blank) in enumerate(zip(chosen, blanks))
                    }
                    yield field, row


def test_the_field_s_own_name_comes_first() -> None:
    for field, names in FIELDS.items():
        assert names[0] == field


@pytest.mark.parametrize(("field", "row"), list(_cases()))
def test_records_and_metadata_csv_pick_the_same_key(field: str, row: dict[str, str]) -> None:
    csv_fields, issues = fields_of(dict(row), "test")
    assert not issues
    a = Corpus.from_records([{"id": "a", "text": TEXT, **row}], progress=False, infer=False)["a"]
    want = next((v for n in FIELDS[field] if (v := row.get(n))), None)
    assert csv_fields.get(field) == getattr(a, field) == want


def test_a_metadata_file_and_records_give_the_same_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "meta.csv").write_text(
        "file,outlet,source,headline,published\n"
        "a.txt,The Weekly,The Daily,Budget fight,2016-03-01\n", encoding="utf-8")
    from_csv = Corpus.from_dir(tmp_path, metadata=tmp_path / "meta.csv", progress=False,
                               infer=False)["a"]
    from_rec = Corpus.from_records(
        [{"id": "a", "text": TEXT, "outlet": "The Weekly", "source": "The Daily",
          "headline": "Budget fight", "published": "2016-03-01"}], progress=False, infer=False)["a"]
    got = [(x.source, x.title, x.date) for x in (from_csv, from_rec)]
    assert got == [("The Daily", "Budget fight", "2016-03-01")] * 2
