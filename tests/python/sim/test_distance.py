"""quotelens.distance, QRatio and extractOne against RapidFuzz: the same scores and cutoff rules
(including cutoffs at the score itself), and clear errors for bad arguments; processor=True
against RapidFuzz's processor both ways."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quotelens import ArgumentError, distance, sim
from rapidfuzz import distance as rf_distance
from rapidfuzz import fuzz, process, utils

METRICS = ["Levenshtein", "Indel", "Hamming", "OSA", "DamerauLevenshtein"]
KINDS = ["distance", "similarity", "normalized_distance", "normalized_similarity"]

# Small alphabets make matches, transpositions and ties likely; the long strategy passes one
# machine word (64 characters), where the kernels switch to blocks.
texts = st.one_of(
    st.text(alphabet="abc", max_size=12),
    st.text(alphabet="ab cdé’", max_size=30),
    st.text(max_size=20),
    st.text(alphabet="abcdefgh ", min_size=60, max_size=160),
)
weights = st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(0, 4))


def ours(metric: str, kind: str) -> Any:
    return getattr(getattr(distance, metric), kind)


def theirs(metric: str, kind: str) -> Any:
    return getattr(getattr(rf_distance, metric), kind)


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=120, deadline=None)
@given(a=texts, b=texts)
def test_distances_equal_rapidfuzz(metric: str, kind: str, a: str, b: str) -> None:
    got, want = ours(metric, kind)(a, b), theirs(metric, kind)(a, b)
    if kind.startswith("normalized"):
        assert got == pytest.approx(want, abs=1e-9)
    else:
        assert got == want


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=150, deadline=None)
@given(a=texts, b=texts, w=weights)
def test_weighted_levenshtein_equals_rapidfuzz(kind: str, a: str, b: str, w: tuple) -> None:
    got = ours("Levenshtein", kind)(a, b, weights=w)
    want = theirs("Levenshtein", kind)(a, b, weights=w)
    assert got == pytest.approx(want, abs=1e-9)


@pytest.mark.parametrize("metric", METRICS)
@settings(max_examples=120, deadline=None)
@given(a=texts, b=texts, data=st.data())
def test_int_cutoffs_at_and_around_the_score(metric: str, a: str, b: str, data: Any) -> None:
    for kind in ("distance", "similarity"):
        exact = theirs(metric, kind)(a, b)
        for cut in {0, max(exact - 1, 0), exact, exact + 1, data.draw(st.integers(0, 200))}:
            got = ours(metric, kind)(a, b, score_cutoff=cut)
            assert got == theirs(metric, kind)(a, b, score_cutoff=cut), (kind, cut)


@pytest.mark.parametrize("metric", METRICS)
@settings(max_examples=120, deadline=None)
@given(a=texts, b=texts, c=st.floats(0, 1))
def test_normalized_cutoffs_at_and_around_the_score(metric: str, a: str, b: str, c: float) -> None:
    for kind in ("normalized_distance", "normalized_similarity"):
        exact = theirs(metric, kind)(a, b)
        # A cutoff equal to the score keeps it (RapidFuzz drops some such scores: 1 - 0.8 is
        # not 0.2 in floats, and it compares the cutoff after such a conversion).
        assert ours(metric, kind)(a, b, score_cutoff=exact) == pytest.approx(exact, abs=1e-12)
        # Clearly either side of the score, and anywhere else, RapidFuzz's results (within
        # ~3e-8 of the score its rounding of the cutoff decides).
        for cut in {c, min(exact + 1e-6, 1.0), max(exact - 1e-6, 0.0)}:
            if abs(cut - exact) < 1e-7:
                continue
            got = ours(metric, kind)(a, b, score_cutoff=cut)
            assert got == pytest.approx(theirs(metric, kind)(a, b, score_cutoff=cut), abs=1e-9)


def test_known_values_and_hamming_padding() -> None:
    assert distance.Levenshtein.distance("kitten", "sitting") == 3
    assert distance.Levenshtein.distance("kitten", "sitting", weights=(1, 1, 2)) == 5
    assert distance.Indel.distance("kitten", "sitting") == 5
    assert distance.OSA.distance("ca", "abc") == 3
    assert distance.DamerauLevenshtein.distance("ca", "abc") == 2
    assert distance.Hamming.distance("abc", "abcde") == 2
    assert distance.Hamming.normalized_distance("abc", "abcde") == pytest.approx(0.4)
    with pytest.raises(ValueError, match="s2: Hamming without pad needs strings of one length"):
        distance.Hamming.distance("abc", "abcde", pad=False)
    # Two empty strings: nothing to edit, fully similar.
    assert distance.Levenshtein.normalized_similarity("", "") == 1.0
    assert distance.Levenshtein.similarity("", "") == 0


def test_processor_applies_before_the_distance() -> None:
    assert distance.Levenshtein.distance("Xi  Jinping!", "xi jinping", processor=True) == 0
    assert distance.Levenshtein.distance("Xi", "xi", processor=str.lower) == 0
    assert distance.Levenshtein.distance("Xi", "xi") == 1


def test_bad_arguments_are_clear_errors() -> None:
    lev = distance.Levenshtein
    with pytest.raises(TypeError, match="s1 must be str, not NoneType"):
        lev.distance(None, "a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="weights must be a tuple of three ints"):
        lev.distance("a", "b", weights=[1, 1, 1])  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="weights: needs three costs"):
        lev.distance("a", "b", weights=(1, 1))  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="weights: must be at least 0"):
        lev.distance("a", "b", weights=(1, -1, 1))
    with pytest.raises(ArgumentError, match="score_cutoff: must be at least 0"):
        lev.distance("a", "b", score_cutoff=-1)
    with pytest.raises(TypeError, match="score_cutoff must be an int or None, not float"):
        lev.similarity("a", "b", score_cutoff=0.5)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"score_cutoff: a normalized score_cutoff must be"):
        lev.normalized_similarity("a", "b", score_cutoff=1.5)
    with pytest.raises(ArgumentError, match=r"score_cutoff"):
        lev.normalized_distance("a", "b", score_cutoff=float("nan"))
    with pytest.raises(TypeError, match="processor must be None, True or a callable"):
        lev.distance("a", "b", processor=3)
    # A huge cutoff is no limit.
    assert lev.distance("abc", "xyz", score_cutoff=10**30) == 3


@settings(max_examples=300, deadline=None)
@given(a=texts, b=texts, cut=st.floats(0, 100))
def test_qratio_equals_rapidfuzz(a: str, b: str, cut: float) -> None:
    assert sim.QRatio(a, b) == pytest.approx(fuzz.QRatio(a, b), abs=0.01)
    exact = fuzz.QRatio(a, b)
    if abs(exact - cut) > 0.01:
        assert sim.QRatio(a, b, score_cutoff=cut) == pytest.approx(
            fuzz.QRatio(a, b, score_cutoff=cut), abs=0.01
        )


def test_qratio_in_batches() -> None:
    q, c = ["", "abc", " "], ["", "abd", "abc"]
    got = sim.cdist(q, c, scorer=sim.QRatio)
    want = process.cdist(q, c, scorer=fuzz.QRatio)
    np.testing.assert_allclose(got, want, atol=0.01)
    # After the processor " " is empty: 0 even against another empty string.
    assert sim.QRatio(" ", "", processor=True) == 0.0
    assert sim.ratio(" ", "", processor=True) == 100.0
    assert sim.extractOne("", ["", "a"], scorer=sim.QRatio) == ("", 0.0, 0)


NAMES = ["Lloyd Austin", "Lloyd J. Austin", "Antony Blinken", "Xi Jinping", "Austin", "Kishida",
         "Fumio Kishida", "Wang Yi", "Wang Yi.", "lloyd austin"]


@pytest.mark.parametrize("scorer", ["ratio", "WRatio", "QRatio", "token_set_ratio"])
@pytest.mark.parametrize("query", ["Lloyd Austin", "Kishida", "wang", "", "Xi Jinpin"])
def test_extract_one_equals_rapidfuzz(scorer: str, query: str) -> None:
    got = sim.extractOne(query, NAMES, scorer=getattr(sim, scorer))
    want = process.extractOne(query, NAMES, scorer=getattr(fuzz, scorer))
    assert (got is None) == (want is None)
    if got is not None and want is not None:
        assert (got[0], got[2]) == (want[0], want[2])
        assert got[1] == pytest.approx(want[1], abs=0.01)
    for cut in (50.0, 90.0):
        got = sim.extractOne(query, NAMES, scorer=getattr(sim, scorer), score_cutoff=cut)
        want = process.extractOne(query, NAMES, scorer=getattr(fuzz, scorer), score_cutoff=cut)
        assert (got is None) == (want is None), cut
        if got is not None and want is not None:
            assert got[2] == want[2]


def test_extract_one_and_extract_take_mappings_as_rapidfuzz() -> None:
    choices = {"sec": "Lloyd Austin", "fm": "Wang Yi", "pm": "Fumio Kishida"}
    assert sim.extractOne("Kishida", choices, scorer=sim.WRatio) == pytest.approx(
        process.extractOne("Kishida", choices, scorer=fuzz.WRatio)
    )
    got = sim.extract("Wang", choices, scorer=sim.WRatio, limit=2)
    want = process.extract("Wang", choices, scorer=fuzz.WRatio, limit=2)
    assert [(c, k) for c, _, k in got] == [(c, k) for c, _, k in want]
    assert sim.extractOne("x", {}) is None
    assert sim.extractOne("x", [], score_cutoff=10) is None


news = st.text(alphabet="abAB ,.’“”—-ßﬁ１é\u00a0", max_size=30)


@settings(max_examples=200, deadline=None)
@given(a=news, b=news)
def test_processor_both_ways(a: str, b: str) -> None:
    """processor=True is ours (documented): the scores RapidFuzz gives on strings our
    default_process made; RapidFuzz's own processor passed as a callable gives RapidFuzz's
    scores with its processor."""
    for name in ("ratio", "WRatio", "token_set_ratio", "partial_ratio"):
        ours_fn, rf = getattr(sim, name), getattr(fuzz, name)
        pa, pb = sim.default_process(a), sim.default_process(b)
        assert ours_fn(a, b, processor=True) == pytest.approx(rf(pa, pb), abs=0.01)
        assert ours_fn(a, b, processor=utils.default_process) == pytest.approx(
            rf(a, b, processor=utils.default_process), abs=0.01
        )


def test_the_processors_differ_where_the_docs_say() -> None:
    # Runs of punctuation: one space in ours, one space per character in RapidFuzz's.
    assert sim.default_process("a, b") == "a b"
    assert utils.default_process("a, b") == "a  b"
    # Case folding and compatibility forms.
    assert sim.default_process("Straße ﬁle") == "strasse file"
    assert utils.default_process("Straße ﬁle") != "strasse file"
    assert "not RapidFuzz's processor" in (sim.__doc__ or "")
