"""quotelens.sim scorers and batches: equality with RapidFuzz, batch agreement, bad input."""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
import pytest
import quotelens
from hypothesis import given, settings
from hypothesis import strategies as st
from quotelens import QuotelensError, sim
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

RF: dict[str, Callable[..., float]] = {
    "ratio": fuzz.ratio,
    "partial_ratio": fuzz.partial_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "token_ratio": fuzz.token_ratio,
    "WRatio": fuzz.WRatio,
    "jaro_winkler": lambda a, b, **kw: JaroWinkler.normalized_similarity(a, b) * 100,
    "levenshtein": lambda a, b, **kw: Levenshtein.normalized_similarity(a, b) * 100,
}
FUZZ = ["ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "token_ratio", "WRatio"]

# Small alphabets make shared characters, repeated words and ties likely.
words = st.text(alphabet="abcde é’", min_size=0, max_size=6)
sentences = st.lists(words, max_size=12).map(" ".join)
texts = st.one_of(
    st.text(alphabet="ab c\t", max_size=20),
    sentences,
    st.text(max_size=30),
    st.text(alphabet="abcdefgh ", min_size=60, max_size=200),
)


@pytest.mark.parametrize("name", sorted(RF))
@settings(max_examples=300, deadline=None)
@given(a=texts, b=texts)
def test_scorers_equal_rapidfuzz(name: str, a: str, b: str) -> None:
    ours = getattr(sim, name)(a, b)
    assert ours == pytest.approx(RF[name](a, b), abs=0.01)
    assert 0.0 <= ours <= 100.0


@pytest.mark.parametrize("name", FUZZ)
@settings(max_examples=150, deadline=None)
@given(a=texts, b=texts, cutoff=st.floats(0, 100))
def test_score_cutoff_like_rapidfuzz(name: str, a: str, b: str, cutoff: float) -> None:
    ours = getattr(sim, name)(a, b, score_cutoff=cutoff)
    theirs = getattr(fuzz, name)(a, b, score_cutoff=cutoff)
    if abs(RF[name](a, b) - cutoff) > 0.01:  # exactly at the cutoff rounding may differ
        assert ours == pytest.approx(theirs, abs=0.01)


def _cutoffs_around(score: float) -> list[float]:
    """The score itself, the floats next to it and cutoffs half a point either side."""
    near = [score, math.nextafter(score, -math.inf), math.nextafter(score, math.inf)]
    return [c for c in near + [score - 0.5, score + 0.5] if 0.0 <= c <= 100.0]


@pytest.mark.parametrize("name", sorted(RF))
@settings(max_examples=150, deadline=None)
@given(a=texts, b=texts)
def test_cutoffs_at_and_around_the_score(name: str, a: str, b: str) -> None:
    # Every scorer and every batch path keeps a score equal to the cutoff and drops one a
    # float below it (RapidFuzz's fuzz scorers do the same; its Levenshtein with a 0-1
    # cutoff drops some scores equal to it, e.g. 0.8, as 1 - 0.8 is not 0.2 in floats).
    scorer = getattr(sim, name)
    full = scorer(a, b)
    assert full == pytest.approx(RF[name](a, b), abs=0.01)
    for c in _cutoffs_around(full):
        want = full if full >= c else 0.0
        assert scorer(a, b, score_cutoff=c) == want, c
        if name in FUZZ and c in (full - 0.5, full + 0.5):
            assert getattr(fuzz, name)(a, b, score_cutoff=c) == pytest.approx(want, abs=0.01)
        m = sim.cdist([a], [b], scorer=scorer, score_cutoff=c)
        assert m[0, 0] == np.float32(want), c
        found = sim.extract(a, [b], scorer=scorer, score_cutoff=c, limit=1)
        assert found == ([(b, want, 0)] if full >= c else []), c
        _, ci, ts = sim.top_k([a], [b, b], k=2, scorer=scorer, score_cutoff=c)
        assert ts.tolist() == ([np.float32(want)] * 2 if full >= c else []), c


@pytest.mark.parametrize("name", FUZZ)
def test_long_news_sentences_equal_rapidfuzz(name: str) -> None:
    a = (
        "The defense secretary said on Tuesday that the United States is not seeking "
        "confrontation with China, but would continue to deploy ships to the region. " * 3
    )
    b = "“We do not seek confrontation,” the U.S. defense secretary told reporters in Singapore."
    for x, y in [(a, b), (b, a), (a, a[5:150]), (b.lower(), b), ("aaa", "0" * 23 + "a")]:
        assert getattr(sim, name)(x, y) == pytest.approx(getattr(fuzz, name)(x, y), abs=0.01)


def test_jaccard_words() -> None:
    assert sim.jaccard("a b c", "c b a") == 100.0
    assert sim.jaccard("a b", "b c") == pytest.approx(100 / 3)
    assert sim.jaccard("", "") == 100.0
    assert sim.jaccard("a", "") == 0.0


def test_default_process_unicode() -> None:
    assert sim.default_process("“Don’t” — SAID  ＳＴＲＡßＥ!") == "don t said strasse"
    assert sim.default_process("Zürich Café", strip_accents=True) == "zurich cafe"
    assert sim.ratio("Zürich!", "ZÜRICH", processor=True) == 100.0
    assert sim.ratio("Zürich!", "ZÜRICH", processor=sim.default_process) == 100.0
    assert sim.ratio("abc", "ABC", processor=str.lower) == 100.0


@settings(max_examples=100, deadline=None)
@given(a=texts, b=texts)
def test_processor_true_equals_processed_strings(a: str, b: str) -> None:
    pa, pb = sim.default_process(a), sim.default_process(b)
    assert sim.WRatio(a, b, processor=True) == sim.WRatio(pa, pb)


# News text: ASCII words, curly quotes, dashes, the ellipsis and no-break spaces (whose
# processed length extract counts before processing), and letters that NFKC or case
# folding lengthen ("ß", "ﬁ"), which it must process to know.
news_words = st.text(alphabet="ab Ab1.,-\u201c\u201d\u2019\u2014\u2026\u00a0\u200b\u2070ßﬁé", max_size=8)
news_choices = st.lists(st.lists(news_words, max_size=10).map(" ".join), min_size=1, max_size=40)


@pytest.mark.parametrize("name", ["ratio", "QRatio", "WRatio", "levenshtein", "jaro_winkler"])
@settings(max_examples=120, deadline=None)
@given(query=st.lists(news_words, max_size=10).map(" ".join), choices=news_choices)
def test_extract_with_processor_equals_brute_force(name: str, query: str,
                                                   choices: list[str]) -> None:
    """extract/extractOne with processor=True skip choices by their processed length: never
    one that would have entered."""
    scorer = getattr(sim, name)
    pq = sim.default_process(query)
    want = sorted((-scorer(pq, sim.default_process(c)), i) for i, c in enumerate(choices))
    best = sim.extractOne(query, choices, scorer=scorer, processor=True)
    assert best is not None and best[1] == -want[0][0]
    got = sim.extract(query, choices, scorer=scorer, processor=True, limit=5)
    assert [r[1] for r in got] == [-w[0] for w in want[:5]]


def _brute(queries: list[str], choices: list[str], scorer: object) -> np.ndarray:
    return np.array([[scorer(q, c) for c in choices] for q in queries], dtype=np.float32)  # type: ignore[operator]


QUERIES = [
    "The minister said talks would resume next week in Geneva.",
    "Talks will resume in Geneva next week, the minister said.",
    "China denied any plans for an Asian NATO.",
    "",
    "troops",
]
CHOICES = QUERIES[::-1] + [
    "According to the minister, the talks resume next week.",
    "It is too early to talk about an Asian NATO, officials said.",
]


@pytest.mark.parametrize("name", sorted(RF) + ["jaccard"])
@pytest.mark.parametrize("workers", [1, -1])
def test_cdist_agrees_with_brute_force_and_rapidfuzz(name: str, workers: int) -> None:
    scorer = getattr(sim, name)
    m = sim.cdist(QUERIES, CHOICES, scorer=scorer, workers=workers)
    assert m.shape == (len(QUERIES), len(CHOICES)) and m.dtype == np.float32
    np.testing.assert_allclose(m, _brute(QUERIES, CHOICES, scorer), atol=0.01)
    if name in FUZZ:
        rf = process.cdist(QUERIES, CHOICES, scorer=getattr(fuzz, name), workers=workers)
        np.testing.assert_allclose(m, rf, atol=0.01)
    # A Python callable takes the slow path and gives the same matrix.
    slow = sim.cdist(QUERIES, CHOICES, scorer=lambda a, b: scorer(a, b))
    np.testing.assert_allclose(m, slow, atol=0.01)


def test_cdist_processor_cutoff_dtype() -> None:
    m = sim.cdist(QUERIES, CHOICES, scorer=sim.WRatio, processor=True, score_cutoff=60)
    rf = process.cdist(
        QUERIES, CHOICES, scorer=fuzz.WRatio, processor=sim.default_process, score_cutoff=60
    )
    np.testing.assert_allclose(m, rf, atol=0.01)
    m2 = sim.cdist(QUERIES, CHOICES, processor=str.upper)
    np.testing.assert_allclose(
        m2, _brute([q.upper() for q in QUERIES], [c.upper() for c in CHOICES], sim.ratio), atol=0.01
    )
    assert sim.cdist(QUERIES, CHOICES, dtype=np.uint8).dtype == np.uint8
    assert sim.cdist(QUERIES, CHOICES, dtype=np.float64).dtype == np.float64


@pytest.mark.parametrize("name", ["ratio", "partial_ratio", "token_set_ratio", "WRatio"])
@pytest.mark.parametrize("workers", [1, -1])
def test_top_k_agrees_with_brute_force(name: str, workers: int) -> None:
    scorer = getattr(sim, name)
    rng = np.random.default_rng(1)
    vocab = [
        "troops",
        "talks",
        "geneva",
        "minister",
        "china",
        "nato",
        "denied",
        "plans",
        "resume",
        "week",
    ]
    choices = [" ".join(rng.choice(vocab, size=rng.integers(1, 8))) for _ in range(5000)]
    queries = choices[:3] + ["minister talks", ""]
    qi, ci, s = sim.top_k(queries, choices, k=7, scorer=scorer, workers=workers)
    assert qi.dtype == np.int64 and ci.dtype == np.int64 and s.dtype == np.float32
    full = sim.cdist(queries, choices, scorer=scorer)
    for q in range(len(queries)):
        order = np.lexsort((np.arange(len(choices)), -full[q]))[:7]
        sel = qi == q
        np.testing.assert_array_equal(ci[sel], order)
        np.testing.assert_allclose(s[sel], full[q][order])
    # Sorted by query, then descending score.
    assert (np.diff(qi) >= 0).all()


def test_top_k_cutoff_and_k_larger_than_choices() -> None:
    _, _, s = sim.top_k(QUERIES, CHOICES, k=100, score_cutoff=50)
    assert (s >= 50).all()
    full = sim.cdist(QUERIES, CHOICES)
    assert len(s) == int((full >= 50).sum())
    _qi, ci, s = sim.top_k(["a"], ["a", "b"], k=10)
    assert ci.tolist() == [0, 1]


def test_extract_like_rapidfuzz() -> None:
    for scorer in (sim.ratio, sim.WRatio, sim.token_set_ratio):
        ours = sim.extract(QUERIES[0], CHOICES, scorer=scorer, limit=3)
        theirs = process.extract(
            QUERIES[0], CHOICES, scorer=getattr(fuzz, scorer.__name__), limit=3
        )
        assert [(c, i) for c, _, i in ours] == [(c, i) for c, _, i in theirs]
        for (_, a, _), (_, b, _) in zip(ours, theirs):
            assert a == pytest.approx(b, abs=0.01)
    assert len(sim.extract("x", CHOICES, limit=None)) == len(CHOICES)
    assert sim.extract("x", []) == []
    slow = sim.extract(QUERIES[0], CHOICES, scorer=lambda a, b: sim.ratio(a, b), limit=2)
    assert [i for _, _, i in slow] == [i for _, _, i in sim.extract(QUERIES[0], CHOICES, limit=2)]


def test_empty_lists_give_empty_results() -> None:
    assert sim.cdist([], CHOICES).shape == (0, len(CHOICES))
    assert sim.cdist(QUERIES, []).shape == (len(QUERIES), 0)
    qi, ci, s = sim.top_k([], CHOICES)
    assert len(qi) == len(ci) == len(s) == 0
    qi, ci, s = sim.top_k(QUERIES, [])
    assert len(qi) == 0


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="s1 must be str, not NoneType"):
        sim.ratio(None, "a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="s2 must be str"):
        sim.WRatio("a", 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"choices\[1\] must be str, not int"):
        sim.cdist(["a"], ["b", 1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"queries must be a list of str, not NoneType"):
        sim.top_k(None, ["a"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"queries must be a list of str, not str"):
        sim.cdist("abc", ["a"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"choices\[0\]"):
        sim.extract("a", [None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="query must be str"):
        sim.extract(None, ["a"])  # type: ignore[arg-type]
    for k in (0, -3):
        with pytest.raises(QuotelensError, match="k: must be at least 1"):
            sim.top_k(["a"], ["a"], k=k)
    with pytest.raises(QuotelensError, match="limit"):
        sim.extract("a", ["a"], limit=0)
    with pytest.raises(QuotelensError, match="workers"):
        sim.cdist(["a"], ["a"], workers=-2)
    with pytest.raises(TypeError, match="scorer"):
        sim.cdist(["a"], ["a"], scorer="ratio")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="processor"):
        sim.ratio("a", "b", processor=3)


def test_dense_cdist_that_cannot_fit_is_refused() -> None:
    big = ["x"] * 3_000_000
    with pytest.raises(QuotelensError, match="use top_k") as e:
        sim.cdist(big, big)
    assert "GB" in str(e.value)
    assert isinstance(e.value, ValueError)


def test_embedding_scorer() -> None:
    def bag(texts: list[str]) -> np.ndarray:
        return np.array([[t.count(c) for c in "abcdefghijklmnopqrstuvwxyz"] for t in texts])

    s = sim.embedding_scorer(bag)
    m = sim.cdist(["abc", "xyz"], ["cba", "xy", "q"], scorer=s)
    assert m[0, 0] == pytest.approx(100.0)
    assert m[0, 2] == 0.0
    _qi, ci, _sc = sim.top_k(["abc", "xyz"], ["cba", "xy", "q"], k=1, scorer=s)
    assert ci.tolist() == [0, 1]
    assert sim.extract("xyz", ["cba", "xy"], scorer=s, limit=1)[0][0] == "xy"
    assert s("ab", "ab") == pytest.approx(100.0)
    with pytest.raises(TypeError):
        sim.embedding_scorer(3)  # type: ignore[arg-type]


def test_package_exports_sim() -> None:
    assert quotelens.sim is sim
    for name in sim.__all__:
        assert getattr(sim, name).__doc__, name


PAIR_TEXTS = [
    "We will never join a bloc aimed at China.",
    "we will NEVER join any bloc aimed at china",
    "The Quad is not an Asian NATO, Austin said.",
    "Austin: the Quad is no Asian NATO",
    "",
]


@pytest.mark.parametrize(
    "scorer", [sim.ratio, sim.partial_ratio, sim.token_set_ratio, sim.WRatio, sim.jaccard]
)
@pytest.mark.parametrize("processor", [None, True])
def test_score_pairs_equal_cdist_entries(scorer: Callable, processor: object) -> None:
    a = [0, 0, 1, 2, 3, 4, 2]
    b = [1, 2, 3, 3, 4, 0, 2]
    got = sim.score_pairs(PAIR_TEXTS, a, b, scorer=scorer, processor=processor, workers=2)
    m = sim.cdist(PAIR_TEXTS, PAIR_TEXTS, scorer=scorer, processor=processor)
    assert got.dtype == np.float32 and got.shape == (len(a),)
    assert got.tolist() == [m[i, j] for i, j in zip(a, b)]
    cut = sim.score_pairs(PAIR_TEXTS, a, b, scorer=scorer, processor=processor, score_cutoff=60)
    assert cut.tolist() == [x if x >= 60 else 0.0 for x in got.tolist()]


def test_score_pairs_statement_scorer_and_python_callables() -> None:
    scorer = sim.StatementScorer(PAIR_TEXTS)
    got = sim.score_pairs(PAIR_TEXTS, np.array([0, 2]), np.array([1, 3]), scorer=scorer)
    assert got.tolist() == pytest.approx([scorer.score(PAIR_TEXTS[0], PAIR_TEXTS[1]),
                                          scorer.score(PAIR_TEXTS[2], PAIR_TEXTS[3])], abs=1e-4)
    assert sim.score_pairs(PAIR_TEXTS, [0, 1], [1, 2], scorer=lambda x, y: len(x) + len(y),
                           score_cutoff=84).tolist() == [0.0, 85.0]
    assert sim.score_pairs(PAIR_TEXTS, [], []).tolist() == []


def test_score_pairs_bad_arguments() -> None:
    with pytest.raises(QuotelensError, match="out of range"):
        sim.score_pairs(PAIR_TEXTS, [0], [5])
    with pytest.raises(QuotelensError, match="out of range"):
        sim.score_pairs(PAIR_TEXTS, [-1], [0], scorer=lambda x, y: 0.0)
    with pytest.raises(QuotelensError, match="lengths differ"):
        sim.score_pairs(PAIR_TEXTS, [0, 1], [1])
    with pytest.raises(TypeError, match="a must be"):
        sim.score_pairs(PAIR_TEXTS, ["0"], [1])
    with pytest.raises(TypeError, match="texts"):
        sim.score_pairs("not a list", [0], [1])


def test_batches_read_every_code_point_width() -> None:
    # Latin-1, BMP and astral strings are read straight from the str objects; a lone
    # surrogate (not a Unicode scalar value) is the UnicodeEncodeError it always was.
    qs = ["é✓ 𝄞", "abc", "ÜÜÜ ✓ ünïcode", ""]
    cs = ["𝄞 é✓", "ab", "ünïcode ✓", "\x00\xff"]
    want = np.array([[sim.ratio(q, c) for c in cs] for q in qs], dtype=np.float32)
    np.testing.assert_array_equal(sim.cdist(qs, cs), want)
    np.testing.assert_allclose(sim.cdist(qs, cs), process.cdist(qs, cs, scorer=fuzz.ratio),
                               atol=0.01)
    assert [i for _, _, i in sim.extract(qs[0], cs, limit=2)] == [0, 2]
    with pytest.raises(UnicodeEncodeError):
        sim.cdist(["a"], ["b", "\ud800"])
    with pytest.raises(UnicodeEncodeError):
        sim.extract("a", ["x\udfff"])


@pytest.mark.parametrize("name", ["ratio", "token_sort_ratio", "levenshtein"])
def test_packed_short_queries_equal_pairwise_scores(name: str) -> None:
    # Enough short queries of every length class to fill 8/16/32/64-bit lane groups and the
    # score table; cutoffs equal to scores that occur.
    rng = np.random.default_rng(7)
    alphabet = list("ab cdé✓")

    def draw(n: int, hi: int) -> list[str]:
        return ["".join(rng.choice(alphabet, size=rng.integers(0, hi))) for _ in range(n)]

    qs, cs = draw(150, 40), draw(300, 90)
    scorer = getattr(sim, name)
    want = np.array([[scorer(q, c) for c in cs] for q in qs], dtype=np.float32)
    np.testing.assert_array_equal(sim.cdist(qs, cs, scorer=scorer), want)
    np.testing.assert_array_equal(sim.cdist(qs, cs, scorer=scorer, workers=-1), want)
    if name != "levenshtein":
        np.testing.assert_allclose(want, process.cdist(qs, cs, scorer=getattr(fuzz, name)),
                                   atol=0.01)
    for cutoff in (float(want[3, 5]), float(np.median(want)), 0.0, 100.0):
        exact = [[scorer(q, c, score_cutoff=cutoff) for c in cs] for q in qs]
        got = sim.cdist(qs, cs, scorer=scorer, score_cutoff=cutoff)
        np.testing.assert_array_equal(got, np.array(exact, dtype=np.float32))


@st.composite
def _long_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A string of 65-400 characters and an edited copy (or an unrelated string), so the
    banded Levenshtein runs over several machine words, near and far from its cutoff."""
    a = draw(st.text(alphabet="abcd é’", min_size=65, max_size=400))
    if draw(st.booleans()):
        return a, draw(st.text(alphabet="abcd é’", min_size=0, max_size=400))
    b = list(a)
    for _ in range(draw(st.integers(0, len(a) // 3))):
        at = draw(st.integers(0, len(b)))
        op = draw(st.sampled_from("dsi"))
        if op == "d" and at < len(b):
            del b[at]
        elif op == "s" and at < len(b):
            b[at] = draw(st.sampled_from("abcd é’"))
        else:
            b.insert(at, draw(st.sampled_from("abcd é’")))
    return a, "".join(b)


@settings(max_examples=200, deadline=None)
@given(pair=_long_pair())
def test_banded_levenshtein_equals_rapidfuzz_at_cutoffs(pair: tuple[str, str]) -> None:
    # Above 64 characters a cutoff runs our banded kernel: the score equals RapidFuzz's, a
    # cutoff at the score keeps it and one a float above drops it, in every batch path.
    a, b = pair
    full = sim.levenshtein(a, b)
    assert full == Levenshtein.normalized_similarity(a, b) * 100
    for c in _cutoffs_around(full) + [full / 2, min(100.0, full + 10)]:
        want = full if full >= c else 0.0
        assert sim.levenshtein(a, b, score_cutoff=c) == want, c
        assert sim.levenshtein(b, a, score_cutoff=c) == want, c
        m = sim.cdist([a, b], [b, a], scorer=sim.levenshtein, score_cutoff=c)
        assert m[0, 0] == np.float32(want) and m[1, 1] == np.float32(want), c
        found = sim.extract(a, [b], scorer=sim.levenshtein, score_cutoff=c, limit=1)
        assert found == ([(b, want, 0)] if full >= c else []), c
        _, _, ts = sim.top_k([a], [b], k=1, scorer=sim.levenshtein, score_cutoff=c)
        assert ts.tolist() == ([np.float32(want)] if full >= c else []), c


def _near_copies(draw: st.DrawFn, q: str, cs: list[str]) -> list[str]:
    """``cs`` with some near-copies of ``q`` mixed in: the high scores (WRatio above 90 and
    95, jaro_winkler above 90) at which extract skips choices by their length."""
    out = list(cs)
    for _ in range(draw(st.integers(0, 3))):
        x = list(q)
        if x and draw(st.booleans()):
            del x[draw(st.integers(0, len(x) - 1))]
        out.insert(draw(st.integers(0, len(out))), "".join(x) + draw(st.sampled_from(["", "a", " b"])))
    return out


@pytest.mark.parametrize(
    "name", ["ratio", "levenshtein", "token_sort_ratio", "WRatio", "jaro_winkler"]
)
@settings(max_examples=60, deadline=None)
@given(
    q=st.text(alphabet="ab cé", max_size=90),
    cs=st.lists(st.text(alphabet="ab cé", max_size=90), min_size=0, max_size=120),
    limit=st.sampled_from([1, 2, 5, None]),
    cutoff=st.sampled_from([None, 0.0, 40.0, 80.0, 91.0, 96.0]),
    data=st.data(),
)
def test_extract_skipping_by_length_equals_brute_force(
    name: str, q: str, cs: list[str], limit: int | None, cutoff: float | None, data: st.DataObject
) -> None:
    # One-worker extract reads choices in blocks and skips those whose length alone keeps
    # them out (ratio, levenshtein, jaro_winkler, WRatio above 90): the result, ties to the
    # lower index, is unchanged; WRatio's cached query side scores as the single call does.
    cs = _near_copies(data.draw, q, cs)
    scorer = getattr(sim, name)
    scores = [scorer(q, c) for c in cs]
    order = sorted(range(len(cs)), key=lambda i: (-scores[i], i))
    order = [i for i in order if cutoff is None or scores[i] >= cutoff]
    want = [(cs[i], scores[i], i) for i in order[:limit]]
    assert sim.extract(q, cs, scorer=scorer, limit=limit, score_cutoff=cutoff) == want


@settings(max_examples=300, deadline=None)
@given(
    a=st.text(alphabet="aB é.\u00a0\u2026\u2009\u3000\u202f\u0301\u00bd", max_size=30),
    b=st.text(alphabet="ab C,\u00a0\u2026\u0301", max_size=30),
)
def test_processor_shortcuts_equal_full_normalization(a: str, b: str) -> None:
    # The batch/scorer processor reads ASCII by table and no-break/Unicode spaces and the
    # ellipsis as spaces without normalizing; default_process (the str path) always
    # normalizes: both give the same strings, hence the same scores.
    pa, pb = sim.default_process(a), sim.default_process(b)
    assert sim.ratio(a, b, processor=True) == sim.ratio(pa, pb)
    assert sim.cdist([a], [b], processor=True)[0, 0] == np.float32(sim.ratio(pa, pb))
    assert sim.extract(a, [b], processor=True) == [(b, sim.ratio(pa, pb), 0)]
