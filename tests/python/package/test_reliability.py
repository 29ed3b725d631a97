"""Regression tests of issue 13: inputs that killed or stalled the interpreter, scores dropped
at the cutoff, unclean errors. Each test failed (or aborted the interpreter) before its fix."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest
from quotelens import QuotelensError, sim
from quotelens.sim import MinHashIndex
from rapidfuzz import fuzz

SCORERS = ["ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "token_ratio",
           "WRatio", "jaro_winkler", "levenshtein", "jaccard"]


def run_isolated(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter: an abort there fails the test instead of pytest."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=timeout)


# --- inputs that killed or stalled the process --------------------------------------------

@pytest.mark.parametrize("k", [2**31, 2**62, 2**64, 10**30])
def test_huge_k_is_capped_at_the_number_of_choices(k):
    r = run_isolated(f"""
        from quotelens import sim
        qi, ci, s = sim.top_k(["a"], ["a", "b"], k={k})
        assert ci.tolist() == [0, 1], ci
        assert [c for c, _, _ in sim.extract("a", ["a", "b"], limit={k})] == ["a", "b"]
    """)
    assert r.returncode == 0, r.stderr[-2000:]


def test_compare_sides_with_a_huge_k(tmp_path):
    from pathlib import Path

    from quotelens import Corpus

    seeds = Path(__file__).resolve().parents[3] / "seeds"
    c = Corpus.from_dir(seeds, progress=False)
    small = c.compare_sides("China", "United States", k=3)
    huge = c.compare_sides("China", "United States", k=2**62)
    assert len(huge) >= len(small) > 0


def test_huge_workers_are_clamped_and_fast():
    t = time.perf_counter()
    for w in (10**9, 2**63, 2**100, 5000):
        assert sim.cdist(["a"], ["a"], workers=w).tolist() == [[100.0]]
        sim.top_k(["a"], ["a", "b"], k=1, workers=w)
    assert time.perf_counter() - t < 10


def test_workers_zero_means_all_cores_everywhere():
    from quotelens._core import _threads_for

    cores = _threads_for(-1)
    assert 1 <= cores <= (os.cpu_count() or 1)
    assert _threads_for(0) == _threads_for(10**9) == _threads_for(2**100) == cores
    assert _threads_for(1) == 1
    assert sim.cdist(["a"], ["a", "b"], workers=0).shape == (1, 2)
    assert sim.extract("a", ["a"], workers=0)[0][2] == 0
    MinHashIndex(workers=0).add(["a b c"])
    with pytest.raises(QuotelensError, match="workers"):
        sim.cdist(["a"], ["a"], workers=-2)
    with pytest.raises(TypeError, match="workers"):
        sim.cdist(["a"], ["a"], workers=1.5)  # type: ignore[arg-type]


def test_corpus_workers_follow_the_core_rule_and_errors(seed_texts):
    """Corpus loaders take ``workers`` by the rule of every other ``workers=``: the core's."""
    from quotelens import ArgumentError, Corpus

    # Eight records or more: fewer are analysed on the calling thread whatever ``workers`` is.
    records = [{"id": f"{n}-{k}", "text": t} for k in range(2) for n, t in seed_texts.items()]
    one = Corpus.from_records(records, workers=1, progress=False)
    assert Corpus.from_records(records, workers=-1, progress=False) == one
    assert Corpus.from_records(records, workers=10**9, progress=False) == one
    with pytest.raises(ArgumentError, match="workers") as e:
        Corpus.from_records(records, workers=-2, progress=False)
    assert e.value.arg == "workers"
    for bad in (1.5, True, "2"):
        with pytest.raises(TypeError, match="workers"):
            Corpus.from_records(records, workers=bad, progress=False)  # type: ignore[arg-type]


def test_cdist_memory_check_honours_ulimit_and_dtype():
    # 1.2 GB of address space above what is mapped: a 12,000² float32 matrix (0.58 GB) fits,
    # its float64 conversion (12 bytes a cell at the peak, 1.7 GB) and 20,000² (1.6 GB) do not.
    r = run_isolated("""
        import resource
        from quotelens import sim, QuotelensError
        import numpy as np
        sim.cdist(["a"], ["a"], workers=-1)  # start the thread pool before measuring
        status = open("/proc/self/status").read()
        vm = int(status.split("VmSize:")[1].split()[0]) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (vm + 1_200_000_000, resource.RLIM_INFINITY))
        mid = ["x"] * 12_000
        assert sim.cdist(mid, mid).shape == (12_000, 12_000)
        for queries, dtype in ((mid, np.float64), (["x"] * 20_000, np.float32)):
            try:
                sim.cdist(queries, queries, dtype=dtype)
            except QuotelensError as e:
                assert "use top_k" in str(e), e
            else:
                raise SystemExit(f"{len(queries)}² {dtype} over the ulimit was not refused")
        print("ok")
    """)
    assert r.returncode == 0 and "ok" in r.stdout, (r.returncode, r.stdout, r.stderr[-2000:])


def test_identical_texts_give_each_candidate_pair_once():
    index = MinHashIndex(0.5)
    index.add(["the very same sentence again and again"] * 1500)
    a, b = index.candidate_pairs()
    assert len(a) == 1500 * 1499 // 2
    assert np.all((a[1:] > a[:-1]) | ((a[1:] == a[:-1]) & (b[1:] > b[:-1])))


# --- wrong or inconsistent results --------------------------------------------------------

def test_a_score_equal_to_the_cutoff_is_kept():
    assert sim.partial_ratio("troops deployed", "troops deployed.", score_cutoff=100) == 100.0
    assert sim.ratio("", "", score_cutoff=101) == 0.0
    assert sim.ratio("", "", score_cutoff=100) == 100.0
    assert sim.token_set_ratio("x", "in x", score_cutoff=100.000001) == 0.0
    qi, ci, s = sim.top_k(["troops deployed"], ["troops deployed."], k=1,
                          scorer=sim.partial_ratio, score_cutoff=100)
    assert s.tolist() == [100.0]


def _pairs(n: int, seed: int) -> list[tuple[str, str]]:
    rng = np.random.default_rng(seed)
    words = "troops deployed the minister said no talks resume in geneva a b c".split()

    def one() -> str:
        k = int(rng.integers(0, 7))
        return " ".join(rng.choice(words, k).tolist()) + str(rng.choice(["", ".", "!", " x"]))

    return [(one(), one()) for _ in range(n)]


RF = {"ratio": fuzz.ratio, "partial_ratio": fuzz.partial_ratio,
      "token_sort_ratio": fuzz.token_sort_ratio, "token_set_ratio": fuzz.token_set_ratio,
      "token_ratio": fuzz.token_ratio, "WRatio": fuzz.WRatio}


@pytest.mark.parametrize("name", list(RF))
def test_scores_equal_rapidfuzz_at_and_around_the_cutoff(name):
    ours, theirs = getattr(sim, name), RF[name]
    for a, b in _pairs(1500, 13):
        s = theirs(a, b)
        # At the score itself we keep it; RapidFuzz compares in 0-1 after dividing the cutoff
        # by 100 and sometimes rounds an equal score away, so equality is checked on ours.
        assert ours(a, b, score_cutoff=s) == pytest.approx(s, abs=1e-9), (a, b)
        for c in (s - 1e-9, s + 1e-9, s - 0.5, s + 0.5):
            assert ours(a, b, score_cutoff=c) == pytest.approx(
                theirs(a, b, score_cutoff=c), abs=1e-9), (a, b, c)


@pytest.mark.parametrize("name", SCORERS)
def test_batch_calls_equal_their_pairwise_twin_at_every_cutoff(name):
    f = getattr(sim, name)
    pairs = _pairs(40, 5)
    queries, choices = [a for a, _ in pairs[:10]], [b for _, b in pairs]
    cutoffs = sorted({f(q, c) for q in queries[:3] for c in choices[:6]} | {0.0, 50.0, 100.0})
    for cut in cutoffs:
        for c in (cut, np.nextafter(cut, -1), np.nextafter(cut, 200)):
            c = float(c)
            want = np.array([[f(q, x, score_cutoff=c) for x in choices] for q in queries],
                            dtype=np.float32)
            got = sim.cdist(queries, choices, scorer=f, score_cutoff=c, workers=2)
            np.testing.assert_array_equal(got, want)
            qi, ci, s = sim.top_k(queries, choices, k=len(choices), scorer=f, score_cutoff=c)
            full = {(i, j) for i in range(len(queries)) for j in range(len(choices))
                    if f(queries[i], choices[j]) >= c}
            assert set(zip(qi.tolist(), ci.tolist())) == full, c
            for i, q in enumerate(queries[:2]):
                ex = sim.extract(q, choices, scorer=f, limit=None, score_cutoff=c)
                assert {j for _, _, j in ex} == {j for (r, j) in full if r == i}
            ia, ib = np.arange(len(queries)), np.arange(len(queries))
            sp = sim.score_pairs(queries + choices, ia, ib + len(queries), scorer=f,
                                 score_cutoff=c)
            np.testing.assert_array_equal(sp, np.diag(want[:, : len(queries)]))


def test_minhash_index_shared_between_threads():
    index = MinHashIndex(0.5, workers=2)
    index.add(["seed text number one"])
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader():
        try:
            while not stop.is_set():
                len(index)
                index.query("seed text number one")
                index.candidate_pairs()
                repr(index)
        except BaseException as e:  # noqa: BLE001 - the test reports any failure
            errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for i in range(30):
            # Words unique to each text: no candidate pairs, so reads stay cheap.
            index.add([f"a{i}x{j} b{i}y{j} c{i}z{j}" for j in range(2000)])
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors[0]
    assert len(index) == 1 + 30 * 2000


# --- clean errors --------------------------------------------------------------------------

@pytest.mark.parametrize("call, arg", [
    (lambda: MinHashIndex(seed=-1), "seed"),
    (lambda: MinHashIndex(seed=2**64), "seed"),
    (lambda: MinHashIndex(num_perm=-1), "num_perm"),
    (lambda: MinHashIndex(num_perm=2**64), "num_perm"),
    (lambda: MinHashIndex(shingle="char", n=-1), "n"),
    (lambda: MinHashIndex().similarity(-1, 0), "i"),
    (lambda: MinHashIndex().similarity(0, 2**64), "j"),
    (lambda: MinHashIndex().candidate_pairs(groups=[-1]), "groups"),
    (lambda: sim.cdist(["a"], ["a"], workers=-(2**63) - 1), "workers"),
    (lambda: sim.top_k(["a"], ["a"], k=-(2**70)), "k"),
])
def test_out_of_range_ints_are_value_errors_naming_the_argument(call, arg):
    with pytest.raises(QuotelensError, match=arg):
        call()


def test_out_of_range_uint64_pair_indices_are_not_wrapped():
    big = np.array([2**64 - 1], dtype=np.uint64)
    with pytest.raises(QuotelensError, match="18446744073709551615"):
        sim.score_pairs(["a", "b"], big, np.array([0], dtype=np.uint64))


# --- text: spans and normalization -----------------------------------------------------------

@pytest.mark.parametrize("mark", list("´¨˜¸¯᾽"))
def test_sentences_do_not_overlap_after_spacing_diacritics(mark):
    import quotelens

    for text in (f"x.{mark}", f"Troops left.{mark} Talks resumed.", f"A b. {mark}c d."):
        spans = [(s.start, s.end) for s in quotelens.Article(text).sentences]
        for (_, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, (text, spans)
        for s in quotelens.Article(text).sentences:
            assert text[s.start:s.end] == s.text


def test_normalize_is_idempotent():
    import quotelens
    from hypothesis import given, settings
    from hypothesis import strategies as st

    # Found by hand (ŉ) and by cargo fuzz (a curly quote after a backslash read as an escape
    # the second time).
    for s in ("ŉ", "x \\\u201d y", "\\\u2019s", "\u0149 x>\u00bc \x00\x00\\\u201d"):
        assert quotelens.normalize(quotelens.normalize(s)) == quotelens.normalize(s), repr(s)

    @settings(max_examples=400, deadline=None)
    @given(st.text())
    def check(s: str) -> None:
        once = quotelens.normalize(s)
        assert quotelens.normalize(once) == once

    check()


# --- files, JSON, CLI ----------------------------------------------------------------------

ARTICLE = "“We will not back down,” Smith said on Tuesday.\n"


def test_a_non_utf8_file_name_is_named_and_the_others_load(tmp_path, capsys):
    import os

    from quotelens import Corpus
    from quotelens.cli import main
    from quotelens.corpus import CorpusWarning

    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"lat\xe9.txt"), "wb") as f:
        f.write(ARTICLE.encode())
    with pytest.warns(CorpusWarning, match="not valid UTF-8"):
        c = Corpus.from_dir(tmp_path, errors="warn")
    assert sorted(c.ids) == ["good", "lat\ufffd"]
    assert main(["quotes", str(tmp_path), "--format", "json"]) == 0
    assert "lat\ufffd" in capsys.readouterr().out


def test_links_leading_outside_the_folder_are_skipped(tmp_path, capsys):
    from quotelens import Corpus
    from quotelens.cli import main
    from quotelens.corpus import CorpusWarning

    secret = tmp_path / "secret.txt"
    secret.write_text("“root:x:0:0,” the file said.\n", encoding="utf-8")
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "inside.txt").symlink_to(d / "a.txt")
    (d / "passwd.txt").symlink_to(secret)
    with pytest.warns(CorpusWarning, match="passwd.txt"):
        c = Corpus.from_dir(d)
    assert sorted(c.ids) == ["a", "inside"]
    assert sorted(Corpus.from_dir(d, follow_links=True).ids) == ["a", "inside", "passwd"]
    out = tmp_path / "r.html"
    assert main(["report", str(d), "-o", str(out), "--no-progress"]) == 0
    assert "root:x" not in out.read_text(encoding="utf-8")
    assert "passwd.txt" in capsys.readouterr().err


def test_when_every_file_fails_each_reason_is_given(tmp_path):
    from quotelens import Corpus
    from quotelens.corpus import CorpusWarning

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"\xff\xfe bad \xff")
    with pytest.warns(CorpusWarning):
        with pytest.raises(QuotelensError) as e:
            Corpus.from_dir(tmp_path, errors="warn")
    assert "a.txt" in str(e.value) and "b.txt" in str(e.value)


def test_report_checks_the_output_path_before_the_work(tmp_path):
    from quotelens.cli import main

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    t = time.perf_counter()
    with pytest.raises(SystemExit, match="does not exist"):
        main(["report", str(tmp_path), "-o", "/nonexistent/x.html", "--no-progress"])
    assert time.perf_counter() - t < 5


def test_bad_json_is_a_quotelens_error_naming_the_field():
    import json

    import quotelens
    from quotelens import Corpus

    with pytest.raises(QuotelensError, match="articles"):
        Corpus.from_json('{"format":"quotelens-corpus","version":1}')
    with pytest.raises(QuotelensError, match="unknown fields"):
        Corpus.from_json('{"format":"quotelens-corpus","version":1,"articles":[],"x":1}')
    with pytest.raises(QuotelensError, match="nested"):
        Corpus.from_json('{"format":"quotelens-corpus","version":1,"articles":'
                         + "[" * 200_000 + "]" * 200_000 + "}")
    doc = json.loads(quotelens.Article(ARTICLE).to_json())
    doc["quotes"][0]["start"] = 10**6
    with pytest.raises(QuotelensError, match=r"quotes\[0\]\.start"):
        quotelens.Article.from_json(json.dumps(doc))
    doc = json.loads(quotelens.Article(ARTICLE).to_json())
    doc["quotes"][0]["text"] = "something else"
    with pytest.raises(QuotelensError, match=r"quotes\[0\]"):
        quotelens.Article.from_json(json.dumps(doc))
    with pytest.raises(QuotelensError):
        quotelens.Article.from_json("[" * 100_000)
    doc = json.loads(quotelens.Article(ARTICLE).to_json())
    doc["quotes"][0]["speker"] = "typo"
    with pytest.raises(QuotelensError, match=r"quotes\[0\]\.speker: unknown field"):
        quotelens.Article.from_json(json.dumps(doc))
    doc = json.loads(quotelens.Article(ARTICLE).to_json())
    doc["meta"]["extra"] = 1
    with pytest.raises(QuotelensError, match=r"meta\.extra"):
        quotelens.Article.from_json(json.dumps(doc))


def test_dask_partition_without_the_text_column():
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import dask
    from quotelens import dask as qd

    good = pd.DataFrame({"id": ["a"], "text": [ARTICLE]})
    bad = pd.DataFrame({"id": ["b"], "body": [ARTICLE]})
    parts = [dask.delayed(lambda x: x)(p) for p in (good, bad)]
    df = dd.from_delayed(parts, meta=good, verify_meta=False)
    with dask.config.set(scheduler="sync"):
        got = qd.quotes(df, errors="skip").compute()
        assert set(got["article"]) == {"a"}
        with pytest.raises(QuotelensError, match="no column 'text'"):
            qd.quotes(df).compute()
        assert "no column 'text'" in qd.bad_rows(df)["problem"].compute().tolist()


def test_ctrl_c_interrupts_long_calls():
    r = run_isolated("""
        import os, signal, threading, time
        from quotelens import sim
        big = ["some long sentence number %d with words" % i for i in range(3000)]
        words = ["troops", "deployed", "minister", "said", "talks", "resume", "geneva"]
        quote = " ".join(words[(i * 7 + i // 3) % 7] for i in range(14000))
        calls = [lambda: sim.cdist(big, big * 5, scorer=sim.WRatio),
                 lambda: sim.top_k(big, big * 5, k=3, scorer=sim.partial_ratio),
                 lambda: sim.ratio("ab" * 500_000, "ba" * 500_000)]
        for call in calls:
            threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
            t = time.perf_counter()
            try:
                call()
            except KeyboardInterrupt:
                assert time.perf_counter() - t < 3, time.perf_counter() - t
            else:
                raise SystemExit("not interrupted")
        t = time.perf_counter()
        a = sim.locate(quote, "Filler text. " * 3000 + quote + " More filler." * 3000)
        assert a.score == 100.0 and time.perf_counter() - t < 20
        print("ok")
    """)
    assert r.returncode == 0 and "ok" in r.stdout, (r.returncode, r.stdout, r.stderr[-2000:])


def test_dask_bad_rows_sees_non_string_cells_without_string_conversion():
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import dask
    from quotelens import dask as qd

    pdf = pd.DataFrame({"id": ["a", "b"], "text": [ARTICLE, 5]}, dtype=object)
    with dask.config.set({"dataframe.convert-string": False, "scheduler": "sync"}):
        df = dd.from_pandas(pdf, npartitions=1)
        assert qd.bad_rows(df).compute().values.tolist() == [["b", "text is int, not str"]]
        assert set(qd.quotes(df, errors="skip").compute()["article"]) == {"a"}


def test_article_too_big_for_the_ulimit_is_a_memory_error():
    r = run_isolated("""
        import resource
        import quotelens
        status = open("/proc/self/status").read()
        vm = int(status.split("VmSize:")[1].split()[0]) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (vm + 1_000_000_000, resource.RLIM_INFINITY))
        try:
            quotelens.Article("a \\u201c " * 3_000_000)
        except MemoryError as e:
            assert "text:" in str(e), e
        else:
            raise SystemExit("no MemoryError")
        a = quotelens.Article("He said. " * 200_000)  # 1.8 MB of news-like text still fits
        assert len(a.sentences) > 1000
        print("ok")
    """)
    assert r.returncode == 0 and "ok" in r.stdout, (r.returncode, r.stdout, r.stderr[-2000:])


def test_article_type_errors_name_the_argument():
    # User trial 8: Article(None) said "'None' is not an instance of 'str'", naming nothing.
    import quotelens

    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        quotelens.Article(None)
    with pytest.raises(TypeError, match="title must be str, not int"):
        quotelens.Article("He said it.", title=3)
    with pytest.raises(TypeError, match="sides"):
        quotelens.Article("He said it.", sides=["United States"])
    with pytest.raises(quotelens.ArgumentError, match="text") as e:
        quotelens.Article("bad \ud800 text")
    assert e.value.arg == "text"
    a = quotelens.Article("\u201cWe will win,\u201d Smith said.", title=None, sides={"Smith": "Spain"})
    assert a.quotes[0].side == "Spain"
