"""Damerau-Levenshtein distance: Levenshtein plus transpositions of adjacent characters,
unrestricted (a transposed pair may be edited again).

RapidFuzz's ``rapidfuzz.distance.DamerauLevenshtein`` with the same scores and cutoff rules:

- ``distance(s1, s2, *, processor=None, score_cutoff=None)`` → int; above an
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

>>> from quotelens.distance import DamerauLevenshtein
>>> DamerauLevenshtein.distance("ca", "abc")
2
"""

from quotelens._core import damerau_levenshtein_distance as distance
from quotelens._core import damerau_levenshtein_normalized_distance as normalized_distance
from quotelens._core import damerau_levenshtein_normalized_similarity as normalized_similarity
from quotelens._core import damerau_levenshtein_similarity as similarity

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]
