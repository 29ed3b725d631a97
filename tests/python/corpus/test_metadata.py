"""Metadata from a CSV or from file names, in the API and on the command line."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from quotelens import Corpus, QuotelensError
from quotelens.cli import main
from quotelens.corpus import CorpusWarning

TEXTS = {
    "daily_2016-03-01_budget-fight": "“The budget is fair,” Sen. Ann Lee (D-Ohio) said.",
    "weekly_2016-03-02_budget-reply": "“The budget is a scandal,” said Rep. Tom Ruiz (R-Texas).",
    "weekly_2016-13-40_bad-date": "“We will see,” Tom Ruiz said.",
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_from_dir_reads_outlet_and_date_from_file_names(folder: Path) -> None:
    with pytest.warns(CorpusWarning, match=r"weekly_2016-13-40_bad-date.txt: date '2016-13-40'"):
        c = Corpus.from_dir(folder, pattern="{outlet}_{date}_{slug}.txt", progress=False)
    assert len(c) == 3  # the bad row still loads, without its date
    a = c["daily_2016-03-01_budget-fight"]
    assert (a.source, a.date) == ("daily", "2016-03-01")
    assert c["weekly_2016-13-40_bad-date"].date is None
    assert [str(i) for i in c.metadata_issues] == [
        "weekly_2016-13-40_bad-date.txt: date '2016-13-40' is not a date"]
    meta = c.metadata()
    assert str(meta["date"].dtype).startswith("datetime64")
    assert meta.set_index("article").loc["daily_2016-03-01_budget-fight", "slug"] == \
        "budget-fight"
    q = c.quotes()
    assert str(q["date"].dtype).startswith("datetime64")
    assert set(q["outlet"]) == {"daily", "weekly"}


def test_from_dir_with_a_metadata_csv_names_bad_rows(folder: Path) -> None:
    meta = folder / "meta.csv"
    meta.write_text(
        "file,outlet,date,title,url,section\n"
        "daily_2016-03-01_budget-fight.txt,The Daily,2016-03-01,Budget fight,https://d/1,politics\n"
        "weekly_2016-03-02_budget-reply.txt,The Weekly,\"March 2, 2016\",Reply,,\n"
        "weekly_2016-13-40_bad-date.txt,The Weekly,someday,Bad,,\n"
        "missing.txt,Nobody,2016-01-01,Gone,,\n",
        encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = Corpus.from_dir(folder, metadata=meta, progress=False)
    msg = "\n".join(str(w.message) for w in caught)
    assert "meta.csv line 4: date 'someday' is not a date" in msg
    assert "meta.csv line 5: no loaded file for 'missing'" in msg
    d = c["daily_2016-03-01_budget-fight"]
    assert (d.source, d.date, d.title) == ("The Daily", "2016-03-01", "Budget fight")
    assert c["weekly_2016-03-02_budget-reply"].date == "2016-03-02"
    m = c.metadata().set_index("article")
    assert m.loc["daily_2016-03-01_budget-fight", "url"] == "https://d/1"
    assert m.loc["daily_2016-03-01_budget-fight", "section"] == "politics"
    assert c.label("daily_2016-03-01_budget-fight") == "The Daily · 2016-03-01 · Budget fight"
    # kept through JSON
    assert Corpus.from_json(c.to_json()).metadata().equals(c.metadata())


def test_metadata_errors_name_the_argument(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("outlet,date\nx,2016-01-01\n", encoding="utf-8")
    with pytest.raises(QuotelensError, match="metadata: .* has no id or file column"):
        Corpus.from_dir(folder, metadata=bad, progress=False)
    with pytest.raises(QuotelensError, match="pattern: a field appears twice"):
        Corpus.from_dir(folder, pattern="{outlet}_{outlet}.txt", progress=False)
    with pytest.raises(TypeError, match="metadata"):
        Corpus.from_dir(folder, metadata=3, progress=False)  # type: ignore[arg-type]


def test_from_dataframe_keeps_other_columns_and_parses_dates() -> None:
    df = pd.DataFrame({"id": ["a"], "text": ["“No,” she said."], "outlet": ["X"],
                       "date": ["2016-03-01"], "section": ["world"]})
    c = Corpus.from_dataframe(df, progress=False)
    m = c.metadata()
    assert m.loc[0, "section"] == "world"
    assert m.loc[0, "date"] == pd.Timestamp("2016-03-01")


def test_cli_flags(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    groups = tmp_path / "groups.csv"
    groups.write_text("speaker,group\nAnn Lee,Budget committee\n", encoding="utf-8")
    assert main(["quotes", str(folder), "--pattern", "{outlet}_{date}_{slug}.txt",
                 "--groups", str(groups), "--format", "json"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)
    lee = [r for r in rows if r["speaker_id"] == "ann-lee"]
    assert lee and lee[0]["outlet"] == "daily" and lee[0]["date"] == "2016-03-01"
    assert lee[0]["groups"] == ["Budget committee"]  # a list in JSON, "; "-joined in CSV
    assert "bad-date.txt: date '2016-13-40' is not a date" in out.err
    ruiz = [r for r in rows if r["speaker_id"] == "tom-ruiz"]
    assert len(ruiz) == 2 and all("Republican Party" in r["groups"] for r in ruiz)
    report = tmp_path / "r.html"
    assert main(["report", str(folder), "-o", str(report), "--pattern",
                 "{outlet}_{date}_{slug}.txt", "--no-progress"]) == 0
    page = report.read_text(encoding="utf-8")
    assert 'id="outlets"' in page and "daily · 2016-03-01" in page
    with pytest.raises(SystemExit, match="--metadata"):
        main(["quotes", str(folder), "--metadata", str(tmp_path / "none.csv")])
