"""quotelens.dask on a LocalCluster with worker processes: same rows as the local path."""

import io
import pickle
from pathlib import Path

import dask
import dask.bag as db
import dask.dataframe as dd
import distributed
import pandas as pd
import pytest
import quotelens
from conftest import SEEDS
from quotelens import dask as qd
from quotelens.compare import quote_matches
from quotelens.sim import MinHashIndex
from quotelens.testing import claims_corpus

KEY = ["article", "start", "end"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def articles():
    rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]
    # Re-reported copies so that quotes recur across articles, as they do in news archives.
    for r in list(rows):
        rows.append({"id": r["id"] + "-copy", "text": "Reprinted.\n\n" + r["text"]})
    return pd.DataFrame(rows)


def values(df: pd.DataFrame) -> pd.DataFrame:
    """Values with missing ones as None: dask stores strings in its own string dtype (<NA>)."""
    return df.astype(object).where(df.notna(), None)


def local_quotes(df: pd.DataFrame) -> pd.DataFrame:
    """The single-machine result: the per-article quote rows of a Corpus on the same records
    (Corpus.quotes() adds corpus-wide speaker ids and groups, which need every article)."""
    corpus = quotelens.Corpus.from_records(df.to_dict("records"), progress=False)
    return qd.quotes_frame(corpus.articles).sort_values(KEY).reset_index(drop=True)


def test_distributed_quotes_equal_local(client, articles):
    ddf = dd.from_pandas(articles, npartitions=4)
    got = qd.quotes(ddf).compute().sort_values(KEY).reset_index(drop=True)
    pd.testing.assert_frame_equal(values(got), values(local_quotes(articles)))
    assert list(got.columns) == list(qd.QUOTE_COLUMNS)
    assert set(got["outlet"].dropna()) == {"RFA"}  # read from the byline, as Corpus does
    assert len(got) > 50


def test_bag_of_dicts_and_strings(client, articles):
    bag = db.from_sequence(articles.to_dict("records"), npartitions=3)
    got = qd.quotes(bag).compute().sort_values(KEY).reset_index(drop=True)
    pd.testing.assert_frame_equal(values(got), values(local_quotes(articles)))
    plain = qd.quotes(db.from_sequence(["“We agree,” she said."], npartitions=1)).compute()
    assert plain["text"].tolist() == ["We agree,"]


def test_bad_cells_name_the_article_or_are_skipped(client):
    df = pd.DataFrame(
        {"id": ["ok", "num", "none"], "text": ["“Fine,” he said.", 42, None]}, dtype=object
    )
    # Keep the object column as it is (dask would otherwise turn 42 into "42").
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(df, npartitions=2)
    with pytest.raises(quotelens.QuotelensError, match="'num'|'none'"):
        qd.quotes(ddf).compute()
    kept = qd.quotes(ddf, errors="skip").compute()
    assert kept["article"].tolist() == ["ok"]
    bad = qd.bad_rows(ddf).compute().sort_values("article")
    assert bad.values.tolist() == [["none", "missing text"], ["num", "text is int, not str"]]


def test_missing_column_and_wrong_types():
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["x"]}), npartitions=1)
    with pytest.raises(quotelens.QuotelensError, match="text: no column 'text'"):
        qd.quotes(ddf)
    with pytest.raises(TypeError, match="articles"):
        qd.quotes(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(quotelens.QuotelensError, match="errors"):
        qd.quotes(ddf, text="body", errors="ignore")


def test_empty_partitions(client):
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["“Fine,” he said."]}), npartitions=1)
    empty = ddf[ddf["id"] == "nothing"]
    assert len(qd.quotes(empty).compute()) == 0


MATCH_KEY = ["article_a", "start_a", "end_a", "article_b", "start_b", "end_b"]


def read_cli_matches(out: str) -> pd.DataFrame:
    """The CLI's JSON matches, with the ISO dates read back as datetimes."""
    df = pd.read_json(io.StringIO(out), orient="records",
                      dtype={"article_a": str, "article_b": str})
    for c in ("date_a", "date_b"):
        if c in df.columns:
            df[c] = pd.to_datetime(df[c])
    return df


def sorted_matches(df: pd.DataFrame) -> pd.DataFrame:
    return values(df).sort_values(MATCH_KEY).reset_index(drop=True)


@pytest.fixture(scope="module")
def folder(tmp_path_factory, articles):
    """The articles as files: the CLI reads a folder, and from_dir's order (by file name) is
    the order dask's first report follows (smallest article id)."""
    d = tmp_path_factory.mktemp("articles")
    for r in articles.itertuples():
        (d / f"{r.id}.txt").write_text(r.text, encoding="utf-8")
    return d


def test_corpus_dask_and_cli_give_identical_matches(client, articles, folder, capsys):
    from quotelens.cli import main

    corpus = quotelens.Corpus.from_dir(folder, progress=False)
    local = corpus.quote_matches(unquoted=False)
    assert len(local) >= 15  # the reprinted quotes long enough to match find their original
    quotes = corpus.quotes()
    got = qd.quote_matches(dd.from_pandas(quotes, npartitions=3)).compute()
    assert list(got.columns) == list(qd.MATCH_COLUMNS)
    # Corpus adds corpus-wide columns (speaker ids, outlet, date, title) to the same matches.
    pd.testing.assert_frame_equal(sorted_matches(got),
                                  sorted_matches(local[list(qd.MATCH_COLUMNS)]),
                                  check_dtype=False)
    # The command line runs the same code on the same folder.
    assert main(["matches", str(folder), "--format", "json", "--no-unquoted",
                 "--no-progress"]) == 0
    cli = read_cli_matches(capsys.readouterr().out)
    pd.testing.assert_frame_equal(sorted_matches(cli), sorted_matches(local), check_dtype=False)
    # With running text searched, and for claims, the CLI still equals the Corpus.
    assert main(["matches", str(folder), "--format", "json", "--no-progress"]) == 0
    cli = read_cli_matches(capsys.readouterr().out)
    pd.testing.assert_frame_equal(sorted_matches(cli), sorted_matches(corpus.quote_matches()),
                                  check_dtype=False)
    assert main(["claims", str(folder), "--format", "json", "--no-progress"]) == 0
    cli = pd.read_json(io.StringIO(capsys.readouterr().out), orient="records",
                       dtype={"article": str})
    expected = corpus.claims().to_frame()
    assert cli[["claim", "article", "start", "end"]].values.tolist() == \
        expected[["claim", "article", "start", "end"]].values.tolist()


OUTLETS = Path(__file__).resolve().parents[3] / "examples" / "outlets"


@pytest.fixture(scope="module", params=["seeds", "outlets", "planted"])
def records(request, articles):
    """Three small corpora: the seeds with reprinted copies, the example outlets (two outlets
    reporting one budget fight in their own words) and generated articles with planted
    claims (quotelens.testing.claims_corpus)."""
    if request.param == "seeds":
        # And a report that carries a seed's longest quote in its running text, unquoted.
        first = quotelens.Article(articles["text"][0], id="x")
        q = max((q for q in first.quotes if q.kind == "direct"), key=lambda q: len(q.text))
        body = q.text.strip(" ,.")
        text = f"Officials spoke on Monday.\n\nThe minister said {body} and left the room.\n"
        return request.param, pd.concat(
            [articles, pd.DataFrame([{"id": "zz-retold", "text": text}])], ignore_index=True)
    if request.param == "planted":
        return request.param, pd.DataFrame(claims_corpus(n_claims=12, singles=40)[0])
    return request.param, pd.DataFrame([{"id": p.stem, "text": p.read_text(encoding="utf-8")}
                         for p in sorted(OUTLETS.glob("*.txt"))])


def test_corpus_and_dask_give_identical_matches_statements_and_claims(client, records):
    name, records = records
    corpus = quotelens.Corpus.from_records(records.to_dict("records"), progress=False)
    ddf = dd.from_pandas(records, npartitions=3)
    quotes = qd.quotes(ddf)
    # Quote pairs and quotes found in running text, by the same core functions: every
    # column equal to the core's rows ...
    local = quote_matches(corpus)
    got = qd.quote_matches(quotes, articles=ddf).compute()
    assert list(got.columns) == list(qd.MATCH_COLUMNS)
    pd.testing.assert_frame_equal(sorted_matches(got), sorted_matches(local), check_dtype=False)
    if name == "seeds":  # the outlets report in their own words: claims, not quotes
        assert len(local) >= 3 and (~local["quoted_b"]).sum() >= 1
    # ... which Corpus returns with corpus-wide columns added and, as side, the speaker's
    # corpus-wide group instead of the article's own evidence.
    own = [c for c in qd.MATCH_COLUMNS if c not in ("side_a", "side_b")]
    pd.testing.assert_frame_equal(sorted_matches(got)[own],
                                  sorted_matches(corpus.quote_matches()[own]),
                                  check_dtype=False)
    # Statement clusters, row for row (order, canonical wording, every variant's diff).
    want = corpus.statements()
    st = qd.statements(quotes, ddf).compute().reset_index(drop=True)
    assert len(want) >= 2 or name == "outlets"
    pd.testing.assert_frame_equal(values(st), values(want), check_dtype=False)
    st = qd.statements(quotes, ddf, unquoted=False).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(values(st), values(corpus.statements(unquoted=False)),
                                  check_dtype=False)
    # Claims, member for member, with the Corpus's claim numbers and labels.
    want = corpus.claims().to_frame()
    cl = qd.claims(ddf).compute().reset_index(drop=True)
    assert list(cl.columns) == list(qd.CLAIM_COLUMNS)
    # (The outlets' claims are made in words too different to link: none there.)
    assert want["claim"].nunique() >= (0 if name == "outlets" else 2)
    pd.testing.assert_frame_equal(values(cl), values(want), check_dtype=False)
    # Another threshold and method pass through (here: fewer claims, still equal).
    want = corpus.claims(threshold=60, method="blocked").to_frame()
    cl = qd.claims(ddf, threshold=60, method="blocked").compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(values(cl), values(want), check_dtype=False)


def test_running_text_search_is_split_by_partition(client, articles):
    # One partition or five: the same rows (each partition is searched on its own).
    ddf1 = dd.from_pandas(articles, npartitions=1)
    ddf5 = dd.from_pandas(articles, npartitions=5)
    one = qd.quote_matches(qd.quotes(ddf1), articles=ddf1).compute()
    five = qd.quote_matches(qd.quotes(ddf5), articles=ddf5).compute()
    pd.testing.assert_frame_equal(sorted_matches(one), sorted_matches(five))


def test_dask_comparisons_bad_arguments():
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["x"]}), npartitions=1)
    with pytest.raises(quotelens.QuotelensError, match="threshold"):
        qd.claims(ddf, threshold=-1)
    with pytest.raises(quotelens.QuotelensError, match="method"):
        qd.claims(ddf, method="fast")
    with pytest.raises(TypeError, match="sentences"):
        qd.claims(ddf, sentences="yes")
    with pytest.raises(quotelens.QuotelensError, match="text: no column 'body'"):
        qd.claims(ddf, text="body")
    with pytest.raises(TypeError, match="articles"):
        qd.claims(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(TypeError, match="unquoted"):
        qd.statements(qd.quotes(ddf), ddf, unquoted=1)


def test_distributed_matches_bad_arguments():
    ddf = dd.from_pandas(pd.DataFrame({"article": ["a"], "text": ["x"]}), npartitions=1)
    with pytest.raises(quotelens.QuotelensError, match="missing columns"):
        qd.quote_matches(ddf)
    with pytest.raises(TypeError, match="quotes"):
        qd.quote_matches(pd.DataFrame())
    full = dd.from_pandas(pd.DataFrame({c: ["x"] for c in
                                        ["article", "date", "text", "kind", "speaker",
                                         "side"]})
                          .assign(start=0, end=1), npartitions=1)
    with pytest.raises(quotelens.QuotelensError, match="threshold"):
        qd.quote_matches(full, threshold=120)
    with pytest.raises(quotelens.QuotelensError, match="method"):
        qd.quote_matches(full, method="fast")


def test_objects_crossing_the_wire_pickle():
    a = quotelens.Article("“We agree,” she said.", id="a1")
    assert pickle.loads(pickle.dumps(a)) == a
    assert pickle.loads(pickle.dumps(a.quotes[0])) == a.quotes[0]
    idx = MinHashIndex(0.5)
    idx.add(["a b c d"])
    assert len(pickle.loads(pickle.dumps(idx))) == 1
