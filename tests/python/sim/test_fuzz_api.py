"""Arbitrary arguments to every public callable: only TypeError, ValueError (QuotelensError is
one) or MemoryError may come out, never a PanicException, OverflowError, KeyError or a crash."""

from __future__ import annotations

import numpy as np
import quotelens
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quotelens import distance, sim

# OverflowError is an ArithmeticError, not a ValueError: it fails the test.
CLEAN = (TypeError, ValueError, MemoryError)

small_text = st.text(max_size=40)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), small_text,
    st.binary(max_size=8),
)
values = st.one_of(
    scalars,
    st.lists(small_text, max_size=4),
    st.lists(scalars, max_size=3),
    st.dictionaries(small_text, scalars, max_size=2),
    st.sampled_from([sim.ratio, sim.WRatio, sim.jaccard, True, False, np.int64(3),
                     np.array([0, 1]), np.array([2**63], dtype=np.uint64)]),
)

CALLABLES = {
    "normalize": quotelens.normalize,
    "extract_quotes": quotelens.extract_quotes,
    "Article": quotelens.Article,
    "Article.from_json": quotelens.Article.from_json,
    "Corpus.from_records": quotelens.Corpus.from_records,
    "Corpus.from_json": quotelens.Corpus.from_json,
    **{name: getattr(sim, name) for name in sim.__all__
       if callable(getattr(sim, name)) and name not in ("EmbeddingScorer", "embedding_scorer")},
    **{f"distance.{m}.{k}": getattr(getattr(distance, m), k) for m in distance.__all__
       for k in getattr(distance, m).__all__},
}
KEYWORDS = ["k", "limit", "workers", "score_cutoff", "processor", "scorer", "dtype", "seed",
            "num_perm", "n", "shingle", "threshold", "idf", "id", "sides", "strip_accents",
            "weights", "pad"]


def _call(f, args, kwargs):
    try:
        f(*args, **kwargs)
    except CLEAN:
        pass
    except BaseException as e:  # noqa: BLE001 - the point is to see anything else
        if isinstance(e, KeyboardInterrupt):
            raise
        raise AssertionError(f"{type(e).__name__}: {e}") from e


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(CALLABLES)), st.lists(values, max_size=3),
       st.dictionaries(st.sampled_from(KEYWORDS), values, max_size=2))
def test_public_callables_raise_only_clean_errors(name, args, kwargs):
    _call(CALLABLES[name], args, kwargs)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(["cdist", "top_k", "extract", "MinHashIndex"]),
       st.dictionaries(st.sampled_from(KEYWORDS), values, max_size=3))
def test_batch_keywords_raise_only_clean_errors(name, kwargs):
    f = getattr(sim, name)
    args = {"cdist": (["a b", "c"], ["b a", "x"]), "top_k": (["a b"], ["b a", "x"]),
            "extract": ("a b", ["b a", "x"]), "MinHashIndex": ()}[name]
    _call(f, args, kwargs)
