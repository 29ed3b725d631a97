"""quotelens.dask on a LocalCluster with worker processes: same rows as the local path."""

import pickle

import dask
import dask.bag as db
import dask.dataframe as dd
import distributed
import pandas as pd
import pytest
import quotelens
from conftest import SEEDS
from quotelens import dask as qd
from quotelens.sim import MinHashIndex

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


def test_distributed_matches_equal_local_lsh(client, articles):
    from quotelens.sim import token_set_ratio

    quotes = local_quotes(articles)
    ddf = dd.from_pandas(quotes, npartitions=3)
    # The default scorer (quotelens.sim.token_set_ratio) travels to the worker processes.
    got = qd.quote_matches(ddf, threshold=70).compute()

    # Single machine: the LSH index over the same quotes, pairs across articles.
    sel = quotes[quotes["kind"].isin(["direct", "mixed", "indirect"])].reset_index(drop=True)
    index = MinHashIndex(0.5)
    index.add(sel["text"].tolist())
    groups = pd.factorize(sel["article"])[0].tolist()
    i, j = index.candidate_pairs(groups=groups)
    expected = set()
    for a, b in zip(i.tolist(), j.tolist()):
        ra, rb = sel.iloc[a], sel.iloc[b]
        if (ra.article, ra.start) > (rb.article, rb.start):
            ra, rb = rb, ra
        if token_set_ratio(ra.text, rb.text) >= 70:
            expected.add((ra.article, ra.start, ra.end, rb.article, rb.start, rb.end))
    found = set(
        got[["article_a", "start_a", "end_a", "article_b", "start_b", "end_b"]].itertuples(
            index=False, name=None
        )
    )
    assert found == expected
    assert len(found) >= 20  # every reprinted quote matches its original
    assert (got["article_a"] != got["article_b"]).all()


def test_objects_crossing_the_wire_pickle():
    a = quotelens.Article("“We agree,” she said.", id="a1")
    assert pickle.loads(pickle.dumps(a)) == a
    assert pickle.loads(pickle.dumps(a.quotes[0])) == a.quotes[0]
    idx = MinHashIndex(0.5)
    idx.add(["a b c d"])
    assert len(pickle.loads(pickle.dumps(idx))) == 1
