"""Hamming distance: the positions at which the strings differ. With ``pad=True`` (the
default, as in RapidFuzz 3) the shorter string counts as padded, so each missing position
differs; with ``pad=False`` strings of different lengths raise ``ValueError``.

RapidFuzz's ``rapidfuzz.distance.Hamming`` with the same scores and cutoff rules:

- ``distance(s1, s2, *, pad=True, processor=None, score_cutoff=None)`` → int; above an
  int ``score_cutoff`` it is ``score_cutoff + 1``.
- ``similarity(...)`` → int, ``maximum - distance``; 0 below ``score_cutoff``.
- ``normalized_distance(...)`` → float in [0, 1] (0 for two empty strings); 1 above
  ``score_cutoff`` (in [0, 1]).
- ``normalized_similarity(...)`` → float, ``1 - normalized_distance``; 0 below ``score_cutoff``.

``processor`` is ``None``, ``True`` (quotelens's :func:`quotelens.sim.default_process`, which
is *not* RapidFuzz's ``utils.default_process``: NFKC, case folding, every run of punctuation
to one space) or any callable ``str -> str``. Arguments must be ``str``. Use these as a
``scorer=`` in :func:`quotelens.sim.cdist` or :func:`quotelens.sim.extract` and they run
through Python, one pair per call; the 0-100 scorers of :mod:`quotelens.sim` run natively.

>>> from quotelens.distance import Hamming
>>> Hamming.distance("karolin", "kathrin")
3
>>> Hamming.distance("abc", "abcde")
2
"""

from quotelens._core import hamming_distance as distance
from quotelens._core import hamming_normalized_distance as normalized_distance
from quotelens._core import hamming_normalized_similarity as normalized_similarity
from quotelens._core import hamming_similarity as similarity

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]
