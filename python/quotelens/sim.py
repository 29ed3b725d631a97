"""Similarity: RapidFuzz-compatible scorers, parallel ``cdist`` and sparse ``top_k``, a calibrated
statement scorer, the stance of one statement towards another (``compare``: agree, deny or
unrelated), and fast location of a quote inside an article.

Every scorer has the RapidFuzz shape ``scorer(s1, s2, *, processor=None, score_cutoff=None)``
and returns 0–100; ``ratio``, ``QRatio``, ``partial_ratio``, ``token_sort_ratio``,
``token_set_ratio``, ``token_ratio``, ``WRatio``, ``jaro_winkler`` and ``levenshtein`` give
RapidFuzz's scores. ``extract`` and ``extractOne`` are RapidFuzz's ``process.extract`` and
``process.extractOne``; raw distances (Levenshtein with weights, Indel, Hamming, OSA,
Damerau-Levenshtein) are in :mod:`quotelens.distance`.

**processor=True is not RapidFuzz's processor.** It runs :func:`default_process`: NFKC, full
case folding (``Straße`` → ``strasse``), curly quotes and dashes folded, every *run* of
punctuation, symbols and spaces to one space, trimmed. RapidFuzz's
``utils.default_process`` lowercases, turns each non-alphanumeric character into its own
space (``"a, b"`` → ``"a  b"``) and leaves ligatures, full-width letters and ``ß`` alone,
so scores with a processor can differ (by up to 48 points on news text). For RapidFuzz's
exact scores pass its function, ``processor=rapidfuzz.utils.default_process`` (a Python
callable: slower), or process the strings first.

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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any as _Any
from typing import Callable as _Callable
from typing import Union as _Union

import numpy as _np

from quotelens import _core
from quotelens._core import (
    Alignment,
    MinHashIndex,
    QRatio,
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
    "QRatio",
    "StatementMatch",
    "StatementScorer",
    "WRatio",
    "cdist",
    "compare",
    "default_process",
    "embedding_scorer",
    "extract",
    "extractOne",
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

Scorer = _Callable[..., float]
Processor = _Union[None, bool, _Callable[[str], str]]

# The scorers the core runs itself (score_pairs asks; cdist, top_k and extract let the core
# tell, by identity).
_NATIVE = frozenset(
    {ratio, QRatio, partial_ratio, token_sort_ratio, token_set_ratio, token_ratio, WRatio, jaro_winkler,
     levenshtein, jaccard}
)


class EmbeddingScorer:
    """A scorer over sentence embeddings: ``100 * cosine`` (negative cosines give 0).

    Built by :func:`embedding_scorer`; usable as ``scorer=`` in :func:`cdist`, :func:`top_k`
    and :func:`extract` (each string is embedded once, in one call per list) and callable on
    a pair like any scorer.
    """

    def __init__(self, fn: _Callable[[list[str]], _Any]) -> None:
        self.fn = fn

    def embed(self, texts: Sequence[str]) -> _np.ndarray:
        """Unit-length embeddings of ``texts`` (one row each)."""
        if not texts:
            return _np.zeros((0, 0), dtype=_np.float32)
        e = _np.asarray(self.fn(list(texts)), dtype=_np.float32)
        if e.ndim != 2 or e.shape[0] != len(texts):
            raise QuotelensError(
                f"embedding function must return one row per text: got shape {e.shape} "
                f"for {len(texts)} texts"
            )
        norm = _np.linalg.norm(e, axis=1, keepdims=True)
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


def embedding_scorer(fn: _Callable[[list[str]], _Any]) -> EmbeddingScorer:
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


def _check_list(xs: _Any, arg: str, elements: bool = True) -> list[str]:
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


def _python_matrix(
    queries: list[str], choices: list[str], scorer: _Any, score_cutoff: float | None
) -> _np.ndarray:
    if isinstance(scorer, EmbeddingScorer):
        if not queries or not choices:
            return _np.zeros((len(queries), len(choices)), dtype=_np.float32)
        m = 100.0 * (scorer.embed(queries) @ scorer.embed(choices).T)
        m = _np.clip(m, 0.0, 100.0).astype(_np.float32)
    else:
        m = _np.array(
            [[float(scorer(q, c)) for c in choices] for q in queries], dtype=_np.float32
        ).reshape(len(queries), len(choices))
    if score_cutoff is not None:
        m[m < score_cutoff] = 0.0
    return m


def _python_lists(
    queries: _Any, choices: _Any, processor: Processor, q_name: str = "queries"
) -> tuple[list[str], list[str]]:
    """Checked, processed queries and choices for a scorer called in Python (the core has
    checked every other argument)."""
    q = _process_list(_check_list(queries, q_name), processor, q_name)
    return q, _process_list(_check_list(choices, "choices"), processor, "choices")


def cdist(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    score_cutoff: float | None = None,
    dtype: _Any = _np.float32,
    workers: int = 1,
) -> _np.ndarray:
    """Dense ``len(queries) × len(choices)`` matrix of scores, like ``rapidfuzz.process.cdist``.

    Native scorers (this module's, or a :class:`StatementScorer`) run in Rust without the GIL
    on ``workers`` threads (-1: all cores), each string preprocessed once. Any other callable
    is called per pair in Python. A matrix that would not fit in memory raises
    ``QuotelensError``; use :func:`top_k` for a sparse result.

    >>> cdist(["a b", "c"], ["b a", "c"], scorer=token_sort_ratio).tolist()
    [[100.0, 0.0], [0.0, 100.0]]
    """
    # The default dtype is not looked at (building and comparing dtypes was a sixth of a
    # 1 x 100 call).
    dt = None if dtype is _np.float32 else _np.dtype(dtype)
    if dt == _np.float32:
        dt = None
    # Peak bytes per cell: the float32 matrix, plus the converted copy for another dtype.
    cell = 4 if dt is None else 4 + dt.itemsize
    m = _core._cdist(queries, choices, scorer, processor, score_cutoff, workers, cell)
    if m is NotImplemented:  # a Python scorer: the core checked the other arguments
        q, c = _python_lists(queries, choices, processor)
        m = _python_matrix(q, c, scorer, score_cutoff)
    if dt is None:
        return m
    if _np.issubdtype(dt, _np.integer):
        return _np.rint(m, out=m).astype(dt)
    return m.astype(dt)


def score_pairs(
    texts: Sequence[str],
    a: _Any,
    b: _Any,
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    score_cutoff: float | None = None,
    workers: int = 1,
) -> _np.ndarray:
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
    ia, ib = _np.asarray(a), _np.asarray(b)
    for name, arr in (("a", ia), ("b", ib)):
        if arr.ndim != 1 or not (arr.size == 0 or _np.issubdtype(arr.dtype, _np.integer)):
            raise TypeError(f"{name} must be a 1-d sequence of int, not {arr.dtype} {arr.shape}")
    if ia.shape != ib.shape:
        raise QuotelensError(f"a, b: lengths differ ({ia.size} and {ib.size})")
    if not callable(scorer):
        raise TypeError(f"scorer must be a scorer function, not {type(scorer).__name__}")
    t = _check_list(texts, "texts")
    process = processor is True or processor is default_process
    if not process and processor is not None and processor is not False:
        t = _process_list(t, processor, "texts")
    try:
        native = isinstance(scorer, StatementScorer) or scorer in _NATIVE
    except TypeError:  # unhashable callable
        native = False
    n = len(t)
    if native:
        # The core checks the indices; one past int64 (a uint64 array) is out of range too.
        for arr in (ia, ib):
            if arr.size and int(arr.max()) > _np.iinfo(_np.int64).max:
                raise QuotelensError(f"a, b: index {int(arr.max())} is out of range for {n} texts")
        return _core._score_pairs(t, ia.tolist(), ib.tolist(), scorer, process, score_cutoff,
                                  workers)
    for arr in (ia, ib):
        for v in (int(arr.min()), int(arr.max())) if arr.size else ():
            if v < 0 or v >= n:
                raise QuotelensError(f"a, b: index {v} is out of range for {n} texts")
    if process:
        t = [default_process(x) for x in t]
    out = _np.array([float(scorer(t[i], t[j])) for i, j in zip(ia.tolist(), ib.tolist())],
                   dtype=_np.float32)
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
) -> tuple[_np.ndarray, _np.ndarray, _np.ndarray]:
    """The ``k`` best choices of every query as three arrays: query index (int64), choice index
    (int64) and score (float32), sorted by query then descending score (ties: lower choice
    index first). Memory grows with the output, not with ``len(queries) * len(choices)``.

    >>> qi, ci, s = top_k(["a b", "c"], ["c", "b a", "x"], k=1, scorer=token_sort_ratio)
    >>> qi.tolist(), ci.tolist(), s.tolist()
    ([0, 1], [1, 0], [100.0, 100.0])
    """
    found = _core._top_k(queries, choices, k, scorer, processor, score_cutoff, workers)
    if found is not NotImplemented:
        return found
    q, c = _python_lists(queries, choices, processor)
    # No query has more than len(c) matches: a larger k is that many.
    return _python_top_k(q, c, max(1, min(int(k), len(c))), scorer, score_cutoff)


def _python_top_k(
    q: list[str], c: list[str], k: int, scorer: _Any, score_cutoff: float | None
) -> tuple[_np.ndarray, _np.ndarray, _np.ndarray]:
    qis: list[_np.ndarray] = []
    cis: list[_np.ndarray] = []
    ss: list[_np.ndarray] = []
    block = 256
    for start in range(0, len(q), block):
        m = _python_matrix(q[start : start + block], c, scorer, None)
        for r, row in enumerate(m):
            order = _np.lexsort((_np.arange(len(row)), -row))
            if score_cutoff is not None:
                order = order[row[order] >= score_cutoff]
            order = order[:k]
            qis.append(_np.full(len(order), start + r, dtype=_np.int64))
            cis.append(order.astype(_np.int64))
            ss.append(row[order].astype(_np.float32))
    if not qis:
        return (_np.zeros(0, _np.int64), _np.zeros(0, _np.int64), _np.zeros(0, _np.float32))
    return _np.concatenate(qis), _np.concatenate(cis), _np.concatenate(ss)


def extract(
    query: str,
    choices: Sequence[str] | Mapping[_Any, str],
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    limit: int | None = 5,
    score_cutoff: float | None = None,
    workers: int = 1,
) -> list[tuple[str, float, int]]:
    """The best ``limit`` choices (all when ``None``) for ``query`` as ``(choice, score, index)``,
    best first, like ``rapidfuzz.process.extract``. With a mapping (a dict) the values are the
    choices and each result carries its key in place of the index, as in RapidFuzz. The
    default scorer is ``ratio``; RapidFuzz's is ``WRatio`` (pass ``scorer=WRatio`` for its
    results).

    With one worker (the default) and a native scorer the choices are scored as they are
    read (one at a time while the work is small, then in growing blocks), and reading stops
    once ``limit`` scores of 100 are held, which no later choice can beat (RapidFuzz's early
    exit; ``limit=1`` is its ``extractOne``): choices after that point are neither scored nor
    type-checked.

    >>> extract("troops", ["troop", "talks", "troops"], limit=2)
    [('troops', 100.0, 2), ('troop', 90.9090909090909, 0)]
    >>> extract("troops", {"a": "talks", "b": "troop"}, limit=1)
    [('troop', 90.9090909090909, 'b')]
    """
    if isinstance(choices, Mapping):
        keys = list(choices)
        values = [choices[k] for k in keys]
        return [
            (c, s, keys[i])
            for c, s, i in extract(query, values, scorer=scorer, processor=processor,
                                   limit=limit, score_cutoff=score_cutoff, workers=workers)
        ]
    found = _core._extract(query, choices, scorer, processor, limit, score_cutoff, workers)
    if found is not NotImplemented:
        return found
    c = _check_list(choices, "choices")
    if not c:
        return []
    (q,), pc = _python_lists([query], c, processor, "query")
    k = len(c) if limit is None else min(int(limit), len(c))
    _, ci, s = _python_top_k([q], pc, k, scorer, score_cutoff)
    return [(c[int(i)], float(v), int(i)) for i, v in zip(ci, s)]


def extractOne(  # noqa: N802 (RapidFuzz's name)
    query: str,
    choices: Sequence[str] | Mapping[_Any, str],
    *,
    scorer: Scorer = ratio,
    processor: Processor = None,
    score_cutoff: float | None = None,
    workers: int = 1,
) -> tuple[str, float, _Any] | None:
    """The best choice for ``query`` as ``(choice, score, index)`` (the key for a mapping), or
    ``None`` when there are no choices or none reaches ``score_cutoff``; RapidFuzz's
    ``process.extractOne``. Ties go to the earliest choice. Reading stops at the first score
    of 100, which nothing can beat. The default scorer is ``ratio``, as in :func:`extract`;
    RapidFuzz's is ``WRatio`` (pass ``scorer=WRatio`` for its results).

    >>> extractOne("Lloyd Austin", ["Antony Blinken", "Lloyd J. Austin", "Austin"])
    ('Lloyd J. Austin', 88.88888888888889, 1)
    >>> extractOne("Lloyd Austin", ["Antony Blinken"], score_cutoff=90) is None
    True
    """
    found = extract(query, choices, scorer=scorer, processor=processor, limit=1,
                    score_cutoff=score_cutoff, workers=workers)
    return found[0] if found else None
