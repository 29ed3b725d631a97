"""Similarity: RapidFuzz-compatible scorers, parallel ``cdist`` and sparse ``top_k``, a calibrated
statement scorer, the stance of one statement towards another (``compare``: agree, deny or
unrelated), and fast location of a quote inside an article.

Every scorer has the RapidFuzz shape ``scorer(s1, s2, *, processor=None, score_cutoff=None)``
and returns 0–100; ``ratio``, ``partial_ratio``, ``token_sort_ratio``, ``token_set_ratio``,
``token_ratio``, ``WRatio``, ``jaro_winkler`` and ``levenshtein`` give RapidFuzz's scores.

>>> from quotelens import sim
>>> sim.cdist(["troops deployed"], ["troops were deployed", "talks resumed"]).shape
(1, 2)
>>> qi, ci, score = sim.top_k(["troops deployed"], ["talks resumed", "troops were deployed"], k=1)
>>> int(ci[0])
1
>>> sim.extract("troops deployed", ["talks resumed", "troops were deployed"], limit=1)[0][0]
'troops were deployed'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Callable, Union

import numpy as np

from quotelens import _core
from quotelens._core import (
    Alignment,
    MinHashIndex,
    QuotelensError,
    StatementMatch,
    StatementScorer,
    WRatio,
    compare,
    default_process,
    jaccard,
    jaro_winkler,
    levenshtein,
    locate,
    partial_ratio,
    ratio,
    statement,
    token_ratio,
    token_set_ratio,
    token_sort_ratio,
)

__all__ = [
    "Alignment",
    "EmbeddingScorer",
    "MinHashIndex",
    "StatementMatch",
    "StatementScorer",
    "WRatio",
    "cdist",
    "compare",
    "default_process",
    "embedding_scorer",
    "extract",
    "jaccard",
    "jaro_winkler",
    "levenshtein",
    "locate",
    "partial_ratio",
    "ratio",
    "score_pairs",
    "statement",
    "token_ratio",
    "token_set_ratio",
    "token_sort_ratio",
    "top_k",
]

Scorer = Callable[..., float]
Processor = Union[None, bool, Callable[[str], str]]

_NATIVE: dict[Any, str] = {
    ratio: "ratio",
    partial_ratio: "partial_ratio",
    token_sort_ratio: "token_sort_ratio",
    token_set_ratio: "token_set_ratio",
    token_ratio: "token_ratio",
    WRatio: "WRatio",
    jaro_winkler: "jaro_winkler",
    levenshtein: "levenshtein",
    jaccard: "jaccard",
}


class EmbeddingScorer:
    """A scorer over sentence embeddings: ``100 * cosine`` (negative cosines give 0).

    Built by :func:`embedding_scorer`; usable as ``scorer=`` in :func:`cdist`, :func:`top_k`
    and :func:`extract` (each string is embedded once, in one call per list) and callable on
    a pair like any scorer.
    """

    def __init__(self, fn: Callable[[list[str]], Any]) -> None:
        self.fn = fn

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings of ``texts`` (one row each)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        e = np.asarray(self.fn(list(texts)), dtype=np.float32)
        if e.ndim != 2 or e.shape[0] != len(texts):
            raise QuotelensError(
                f"embedding function must return one row per text: got shape {e.shape} "
                f"for {len(texts)} texts"
            )
        norm = np.linalg.norm(e, axis=1, keepdims=True)
        norm[norm == 0] = 1.0
        return e / norm

    def __call__(
        self,
        s1: str,
        s2: str,
        *,
        processor: Processor = None,
        score_cutoff: float | None = None,
    ) -> float:
        a, b = _process_list([s1, s2], processor, "s1, s2")
        e = self.embed([a, b])
        score = float(max(0.0, min(100.0, 100.0 * float(e[0] @ e[1]))))
        return score if score >= (score_cutoff or 0.0) else 0.0

    def __repr__(self) -> str:
        return f"embedding_scorer({self.fn!r})"


def embedding_scorer(fn: Callable[[list[str]], Any]) -> EmbeddingScorer:
    """Wrap ``fn`` (``list[str] -> array`` of shape ``(n, dim)``, e.g. a sentence-transformers
    model's ``encode``) into a scorer usable wherever a scorer is accepted.

    >>> import numpy as np
    >>> def bag(texts):  # a toy embedding: letter counts
    ...     return np.array([[t.count(c) for c in "abcdefghijklmnopqrstuvwxyz"] for t in texts])
    >>> s = embedding_scorer(bag)
    >>> round(s("abc", "abc"))
    100
    >>> cdist(["abc"], ["abc", "xyz"], scorer=s).round().tolist()
    [[100.0, 0.0]]
    """
    if not callable(fn):
        raise TypeError(f"fn must be callable, not {type(fn).__name__}")
    return EmbeddingScorer(fn)


def _check_list(xs: Any, arg: str, elements: bool = True) -> list[str]:
    """``xs`` as a list, refused unless a list of str; ``elements=False`` leaves the check of
    each element to the core, which raises the same error without a Python loop."""
    if type(xs) is not list and (
        xs is None or isinstance(xs, (str, bytes)) or not isinstance(xs, Iterable)
    ):
        raise TypeError(f"{arg} must be a list of str, not {type(xs).__name__}")
    out = xs if type(xs) is list else list(xs)
    if elements:
        for i, x in enumerate(out):
            if not isinstance(x, str):
                raise TypeError(f"{arg}[{i}] must be str, not {type(x).__name__}")
    return out


def _python_side(scorer: Any, processor: Any) -> bool:
    """Whether Python code (a scorer or processor) sees the strings, so they are checked here."""
    return _native_scorer(scorer) is None or _native_process(processor) is None


def _process_list(xs: Sequence[str], processor: Processor, arg: str) -> list[str]:
    if processor is None or processor is False:
        return list(xs)
    if processor is True or processor is default_process:
        return [default_process(x) for x in xs]
    if not callable(processor):
        raise TypeError(
            f"processor must be None, True or a callable, not {type(processor).__name__}"
        )
    out = [processor(x) for x in xs]
    for i, x in enumerate(out):
        if not isinstance(x, str):
            raise TypeError(f"processor({arg}[{i}]) must return str, not {type(x).__name__}")
    return out


def _native_process(processor: Processor) -> bool | None:
    """True/False when Rust can apply the processor itself, None for a Python callable."""
    if processor is None or processor is False:
        return False
    if processor is True or processor is default_process:
        return True
    return None


def _native_scorer(scorer: Any) -> Any:
    if isinstance(scorer, StatementScorer):
        return scorer
    try:
        return _NATIVE.get(scorer)
    except TypeError:  # unhashable callable
        return None


def _check_scorer(scorer: Any) -> None:
    if not callable(scorer):
        raise TypeError(f"scorer must be a scorer function, not {type(scorer).__name__}")


def _python_matrix(
    queries: list[str], choices: list[str], scorer: Any, score_cutoff: float | None
) -> np.ndarray:
    if isinstance(scorer, EmbeddingScorer):
        if not queries or not choices:
            return np.zeros((len(queries), len(choices)), dtype=np.float32)
        m = 100.0 * (scorer.embed(queries) @ scorer.embed(choices).T)
        m = np.clip(m, 0.0, 100.0).astype(np.float32)
    else:
        m = np.array(
            [[float(scorer(q, c)) for c in choices] for q in queries], dtype=np.float32
        ).reshape(len(queries), len(choices))
    if score_cutoff is not None:
        m[m < score_cutoff] = 0.0
    return m


def _prepare(
    q: list[str], c: list[str], scorer: Any, processor: Any, q_name: str = "queries"
) -> tuple[list[str], list[str], Any, Any]:
    """Checked queries and choices for the batch functions, with the native scorer (or None)
    and whether the core should apply ``default_process``; any other processor is applied
    here, once per string."""
    _check_scorer(scorer)
    native = _native_scorer(scorer)
    process = _native_process(processor)
    if process is None:
        q, c = _process_list(q, processor, q_name), _process_list(c, processor, "choices")
        process = False
    return q, c, native, process


def cdist(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    score_cutoff: float | None = None,
    dtype: Any = np.float32,
    workers: int = 1,
) -> np.ndarray:
    """Dense ``len(queries) × len(choices)`` matrix of scores, like ``rapidfuzz.process.cdist``.

    Native scorers (this module's, or a :class:`StatementScorer`) run in Rust without the GIL
    on ``workers`` threads (-1: all cores), each string preprocessed once. Any other callable
    is called per pair in Python. A matrix that would not fit in memory raises
    ``QuotelensError``; use :func:`top_k` for a sparse result.

    >>> cdist(["a b", "c"], ["b a", "c"], scorer=token_sort_ratio).tolist()
    [[100.0, 0.0], [0.0, 100.0]]
    """
    el = _python_side(scorer, processor)
    q, c, native, process = _prepare(
        _check_list(queries, "queries", el), _check_list(choices, "choices", el), scorer, processor
    )
    dt = np.dtype(dtype)
    if native is not None:
        # Peak bytes per cell: the float32 matrix, plus the converted copy for another dtype.
        cell = 4 if dt == np.float32 else 4 + dt.itemsize
        m = _core._cdist(q, c, native, process, score_cutoff, workers, cell)
    else:
        if process:
            q, c = [default_process(x) for x in q], [default_process(x) for x in c]
        m = _python_matrix(q, c, scorer, score_cutoff)
    if dt == np.float32:
        return m
    if np.issubdtype(dt, np.integer):
        return np.rint(m, out=m).astype(dt)
    return m.astype(dt)


def score_pairs(
    texts: Sequence[str],
    a: Any,
    b: Any,
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    score_cutoff: float | None = None,
    workers: int = 1,
) -> np.ndarray:
    """Scores (float32) of the pairs ``(texts[a[k]], texts[b[k]])``: the candidate pairs of a
    :class:`MinHashIndex` (or any blocking) scored in one call. Native scorers run in Rust
    without the GIL on ``workers`` threads, each text prepared once however many pairs it is
    in; any other callable is called per pair.

    >>> texts = ["we will never join a bloc", "we will never join any bloc", "hello"]
    >>> index = MinHashIndex(0.5)
    >>> index.add(texts)
    range(0, 3)
    >>> a, b = index.candidate_pairs()
    >>> a.tolist(), b.tolist(), score_pairs(texts, a, b, scorer=token_set_ratio).round().tolist()
    ([0], [1], [96.0])
    """
    ia, ib = np.asarray(a), np.asarray(b)
    for name, arr in (("a", ia), ("b", ib)):
        if arr.ndim != 1 or not (arr.size == 0 or np.issubdtype(arr.dtype, np.integer)):
            raise TypeError(f"{name} must be a 1-d sequence of int, not {arr.dtype} {arr.shape}")
    if ia.shape != ib.shape:
        raise QuotelensError(f"a, b: lengths differ ({ia.size} and {ib.size})")
    t, _, native, process = _prepare(_check_list(texts, "texts"), [], scorer, processor, "texts")
    n = len(t)
    # Checked as Python ints: a uint64 index cast to int64 wrapped to a negative one.
    for arr in (ia, ib):
        for v in (int(arr.min()), int(arr.max())) if arr.size else ():
            if v < 0 or v >= n:
                raise QuotelensError(f"a, b: index {v} is out of range for {n} texts")
    if native is not None:
        return _core._score_pairs(t, ia.astype(np.int64).tolist(), ib.astype(np.int64).tolist(),
                                  native, process, score_cutoff, workers)
    if process:
        t = [default_process(x) for x in t]
    out = np.array([float(scorer(t[i], t[j])) for i, j in zip(ia.tolist(), ib.tolist())],
                   dtype=np.float32)
    if score_cutoff is not None:
        out[out < score_cutoff] = 0.0
    return out


def top_k(
    queries: Sequence[str],
    choices: Sequence[str],
    k: int = 5,
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    score_cutoff: float | None = None,
    workers: int = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` best choices of every query as three arrays: query index (int64), choice index
    (int64) and score (float32), sorted by query then descending score (ties: lower choice
    index first). Memory grows with the output, not with ``len(queries) * len(choices)``.

    >>> qi, ci, s = top_k(["a b", "c"], ["c", "b a", "x"], k=1, scorer=token_sort_ratio)
    >>> qi.tolist(), ci.tolist(), s.tolist()
    ([0, 1], [1, 0], [100.0, 100.0])
    """
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError(f"k must be an int, not {type(k).__name__}")
    if k <= 0:
        raise QuotelensError(f"k: must be at least 1, got {k}")
    el = _python_side(scorer, processor)
    q, c, native, process = _prepare(
        _check_list(queries, "queries", el), _check_list(choices, "choices", el), scorer, processor
    )
    # No query has more than len(c) matches: a larger k is that many (k=2**31 used to abort).
    k = max(1, min(int(k), len(c)))
    if native is not None:
        qi, ci, s = _core._top_k(q, c, k, native, process, score_cutoff, workers)
        return qi, ci, s
    if process:
        q, c = [default_process(x) for x in q], [default_process(x) for x in c]
    return _python_top_k(q, c, k, scorer, score_cutoff)


def _python_top_k(
    q: list[str], c: list[str], k: int, scorer: Any, score_cutoff: float | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    qis: list[np.ndarray] = []
    cis: list[np.ndarray] = []
    ss: list[np.ndarray] = []
    block = 256
    for start in range(0, len(q), block):
        m = _python_matrix(q[start : start + block], c, scorer, None)
        for r, row in enumerate(m):
            order = np.lexsort((np.arange(len(row)), -row))
            if score_cutoff is not None:
                order = order[row[order] >= score_cutoff]
            order = order[:k]
            qis.append(np.full(len(order), start + r, dtype=np.int64))
            cis.append(order.astype(np.int64))
            ss.append(row[order].astype(np.float32))
    if not qis:
        return (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))
    return np.concatenate(qis), np.concatenate(cis), np.concatenate(ss)


def extract(
    query: str,
    choices: Sequence[str],
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    limit: int | None = 5,
    score_cutoff: float | None = None,
    workers: int = 1,
) -> list[tuple[str, float, int]]:
    """The best ``limit`` choices (all when ``None``) for ``query`` as ``(choice, score, index)``,
    best first, like ``rapidfuzz.process.extract``.

    With one worker (the default) and a native scorer the choices are read in growing blocks
    and reading stops once ``limit`` scores of 100 are held, which no later choice can beat
    (RapidFuzz's early exit; ``limit=1`` is its ``extractOne``): choices after that point are
    neither scored nor type-checked.

    >>> extract("troops", ["troop", "talks", "troops"], limit=2)
    [('troops', 100.0, 2), ('troop', 90.9090909090909, 0)]
    """
    if not isinstance(query, str):
        raise TypeError(f"query must be str, not {type(query).__name__}")
    c = _check_list(choices, "choices", _python_side(scorer, processor))
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, np.integer))):
        raise TypeError(f"limit must be an int or None, not {type(limit).__name__}")
    if limit is not None and limit <= 0:
        raise QuotelensError(f"limit: must be at least 1 or None, got {limit}")
    if not c:
        return []
    if limit is not None:
        limit = min(int(limit), len(c))
    (q,), pc, native, process = _prepare([query], c, scorer, processor, "query")
    if native is not None:
        found = _core._extract(q, pc, native, limit, process, score_cutoff, workers)
        return [(c[i], s, i) for i, s in found]
    k = len(c) if limit is None else int(limit)
    _, ci, s = top_k([q], pc, k, scorer=scorer, processor=process, score_cutoff=score_cutoff)
    return [(c[int(i)], float(v), int(i)) for i, v in zip(ci, s)]
