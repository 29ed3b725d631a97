"""Raw edit distances with the interface of ``rapidfuzz.distance``: one module per metric
(:mod:`~quotelens.distance.Levenshtein`, :mod:`~quotelens.distance.Indel`,
:mod:`~quotelens.distance.Hamming`, :mod:`~quotelens.distance.OSA`,
:mod:`~quotelens.distance.DamerauLevenshtein`), each with ``distance``, ``similarity``,
``normalized_distance`` and ``normalized_similarity``, and RapidFuzz's scores and cutoff rules:

- ``distance(s1, s2, *, processor=None, score_cutoff=None)`` → int; above an int
  ``score_cutoff`` it is ``score_cutoff + 1``.
- ``similarity(...)`` → int, ``maximum - distance``; 0 below ``score_cutoff``.
- ``normalized_distance(...)`` → float in [0, 1] (0 for two empty strings); 1 above
  ``score_cutoff`` (in [0, 1]).
- ``normalized_similarity(...)`` → float, ``1 - normalized_distance``; 0 below ``score_cutoff``.

Levenshtein also takes ``weights=(insertion, deletion, substitution)`` (default ``(1, 1, 1)``),
Hamming ``pad=True`` (the shorter string counts as padded; ``pad=False`` raises ``ValueError``
for strings of different lengths). ``processor`` is ``None``, ``True`` (quotelens's
:func:`quotelens.sim.default_process`, which is *not* RapidFuzz's ``utils.default_process``:
NFKC, case folding, every run of punctuation to one space) or any callable ``str -> str``.
Arguments must be ``str``. Used as a ``scorer=`` in :func:`quotelens.sim.cdist` or
:func:`quotelens.sim.extract` they run through Python, one pair per call; the 0-100 scorers of
:mod:`quotelens.sim` run natively.

The kernels are the rapidfuzz crate's (bit-parallel Levenshtein, Indel and OSA). strsim has
OSA and Damerau-Levenshtein too; ``benches/distances.rs`` measures it 2-30x slower at every
length from names to 1 kB texts, so it is only the tests' reference.

>>> from quotelens.distance import Levenshtein, OSA
>>> Levenshtein.distance("Lloyd Austin", "Loyd Austin"), OSA.distance("Xi Jinping", "Xi Jnipign")
(1, 2)
"""

from quotelens.distance import OSA, DamerauLevenshtein, Hamming, Indel, Levenshtein

__all__ = ["DamerauLevenshtein", "Hamming", "Indel", "Levenshtein", "OSA"]
