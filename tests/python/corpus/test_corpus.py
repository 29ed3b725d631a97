"""Corpus: loading from folders, files, records, DataFrames and JSON; metadata; errors; frames."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pandas as pd
import pytest
import quotelens
from quotelens import Corpus, QuotelensError
from quotelens.corpus import CorpusWarning

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_dir(SEEDS, progress=False)


def test_from_dir_loads_the_seeds_with_ids_titles_and_metadata(seeds: Corpus) -> None:
    assert len(seeds) == 5
    assert seeds.ids == sorted(p.stem for p in SEEDS.glob("*.txt"))
    rfa = seeds["003_bbba42a2f2c02afc"]
    assert rfa.title == "‘Too early’ for an Asian NATO: US official"
    assert (rfa.source, rfa.date) == ("RFA", "2024-09-17")
    assert seeds[0].title.startswith("Pompeo Seeks 'Asian NATO'")
    assert seeds[0] is seeds[seeds.ids[0]]
    assert isinstance(seeds[1:3], Corpus) and len(seeds[1:3]) == 2
    assert "003_bbba42a2f2c02afc" in seeds


def test_repr_is_short_and_informative(seeds: Corpus) -> None:
    r = repr(seeds)
    assert r.startswith("<Corpus: 5 articles, ") and "China" in r and "United States" in r
    assert len(r) < 200
    assert "<table>" in seeds._repr_html_()


def test_quotes_frame_has_the_columns_and_spans(seeds: Corpus) -> None:
    df = seeds.quotes()
    for col in ("article", "speaker", "side", "cue", "cue_category", "kind", "text", "start",
                "end", "confidence", "outlet", "date", "title"):
        assert col in df.columns
    assert len(df) == sum(len(a.quotes) for a in seeds)
    for row in df.itertuples():
        assert seeds[row.article].text[row.start:row.end] == row.text
    attributed = seeds.quotes(attributed=True)
    assert attributed["speaker"].notna().all()
    assert set(seeds.quotes(kinds=["direct"])["kind"]) == {"direct"}
    # the RFA article quotes the US official Daniel Kritenbrink
    us = attributed[attributed["side"] == "United States"]
    assert "Daniel Kritenbrink" in set(us["speaker"])


def test_speakers_frame(seeds: Corpus) -> None:
    df = seeds.speakers()
    assert list(df.columns[:4]) == ["speaker_id", "name", "kind", "side"]
    ishiba = df[df["name"] == "Shigeru Ishiba"]
    # one row for him across the articles that quote him
    assert len(ishiba) == 1 and ishiba.iloc[0]["side"] == "Japan"
    assert ishiba.iloc[0]["articles"] >= 2
    per_article = seeds.article_speakers()
    assert list(per_article.columns[:4]) == ["article", "speaker", "side", "kind"]
    rows = per_article[per_article["speaker"] == "Shigeru Ishiba"]
    assert len(rows) >= 2 and set(rows["speaker_id"]) == {ishiba.iloc[0]["speaker_id"]}


def test_frames_write_to_parquet(seeds: Corpus, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    for name, df in (("quotes", seeds.quotes()), ("speakers", seeds.speakers())):
        path = tmp_path / f"{name}.parquet"
        df.to_parquet(path)
        back = pd.read_parquet(path)
        assert len(back) == len(df) and list(back.columns) == list(df.columns)
    back = pd.read_parquet(tmp_path / "quotes.parquet")
    assert back["text"].tolist() == seeds.quotes()["text"].tolist()


def test_json_round_trip_is_lossless(seeds: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.json"
    assert seeds.to_json(path) is None
    back = Corpus.from_json(path)
    assert back == seeds
    assert [a.quotes for a in back] == [a.quotes for a in seeds]
    assert [(a.id, a.title, a.source, a.date) for a in back] == [
        (a.id, a.title, a.source, a.date) for a in seeds
    ]
    assert Corpus.from_json(seeds.to_json()) == seeds
    with pytest.raises(QuotelensError, match="source"):
        Corpus.from_json('{"format": "something else"}')
    with pytest.raises(QuotelensError, match="cannot read"):
        Corpus.from_json(tmp_path / "missing.json")


def test_from_records_and_dataframe() -> None:
    records = [
        {"id": "x", "text": "“We do not seek confrontation,” Lloyd Austin said.",
         "outlet": "CGTN", "date": "2024-09-17", "title": "Austin"},
        {"text": "Beijing said it “firmly opposes” any bloc."},
    ]
    c = Corpus.from_records(records, progress=False)
    assert c.ids == ["x", "article-2"]
    assert (c["x"].source, c["x"].date, c["x"].title) == ("CGTN", "2024-09-17", "Austin")
    df = pd.DataFrame(
        {"url": ["u1", "u2"], "body": [r["text"] for r in records],
         "published": pd.to_datetime(["2024-09-17", "2024-09-18"])}
    )
    d = Corpus.from_dataframe(df, text="body", id="url", date="published", progress=False)
    assert d.ids == ["u1", "u2"] and d["u2"].date == "2024-09-18"
    assert d["u1"].quotes == c["x"].quotes


def test_parallel_and_sequential_analysis_agree() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 4
    records = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    one = Corpus.from_records(records, progress=False, workers=1)
    many = Corpus.from_records(records, progress=False, workers=2)
    assert one == many


def test_progress_bar_shows_and_can_be_turned_off(capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"text": "“No,” she said."}] * 3
    Corpus.from_records(records, progress=True)
    assert "analysing" in capsys.readouterr().err
    Corpus.from_records(records, progress=False)
    assert capsys.readouterr().err == ""


def test_unreadable_files_are_named_and_the_others_load(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("“No,” Lloyd Austin said.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf-8 \x81")
    with pytest.raises(QuotelensError, match="bad.txt"):
        Corpus.from_dir(tmp_path, progress=False)
    with pytest.warns(CorpusWarning, match="bad.txt"):
        c = Corpus.from_dir(tmp_path, errors="warn", progress=False)
    assert c.ids == ["good"]
    with pytest.warns(CorpusWarning, match="missing.txt"):
        c = Corpus.from_files([tmp_path / "good.txt", tmp_path / "missing.txt"], errors="warn",
                              progress=False)
    assert len(c) == 1


def test_bad_paths_and_empty_corpora_get_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(QuotelensError, match="does not exist"):
        Corpus.from_dir(tmp_path / "nowhere")
    with pytest.raises(QuotelensError, match="no files matching"):
        Corpus.from_dir(tmp_path)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(QuotelensError, match="not a folder"):
        Corpus.from_dir(tmp_path / "a.txt")
    with pytest.raises(QuotelensError, match="empty"):
        Corpus([])
    with pytest.raises(QuotelensError, match="empty"):
        Corpus.from_records([])
    with pytest.raises(QuotelensError, match="errors"):
        Corpus.from_dir(tmp_path, errors="ignore")
    with pytest.raises(QuotelensError, match="text"):
        Corpus.from_records([{"body": "x"}])
    with pytest.raises(QuotelensError, match="duplicate id"):
        Corpus([quotelens.Article("a", id="x"), quotelens.Article("b", id="x")])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        with pytest.raises(QuotelensError, match="none of the"):
            Corpus.from_files([tmp_path / "missing.txt"], errors="warn")
    assert issubclass(QuotelensError, ValueError)


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError, match="path"):
        Corpus.from_dir(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="articles"):
        Corpus("not articles")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="articles"):
        Corpus([1, 2])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="records"):
        Corpus.from_records([1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="df"):
        Corpus.from_dataframe({"text": ["x"]})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="paths"):
        Corpus.from_files("seeds/000.txt")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="progress"):
        Corpus.from_records([{"text": "x"}], progress="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="key"):
        Corpus([quotelens.Article("x", id="a")])[1.5]  # type: ignore[call-overload]


def test_articles_pickle_inside_a_corpus(seeds: Corpus) -> None:
    assert pickle.loads(pickle.dumps(seeds.articles)) == seeds.articles


def test_a_corpus_pickled_with_the_old_cache_attribute_loads(seeds: Corpus) -> None:
    # Before issue 14 the speaker index sat in a `_cache` dict; such pickles still load.
    state = dict(seeds.__dict__)
    del state["_speakers"]
    state["_cache"] = {"speakers": None}
    old = Corpus.__new__(Corpus)
    old.__setstate__(state)
    assert not hasattr(old, "_cache")
    assert old.quotes().equals(seeds.quotes())
