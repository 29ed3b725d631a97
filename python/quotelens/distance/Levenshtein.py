"""Levenshtein distance: insertions, deletions and substitutions, each at its cost in
``weights=(insertion, deletion, substitution)`` (default ``(1, 1, 1)``). The maximum is
the cost of the cheapest way to turn one string into the other without any match.

RapidFuzz's ``rapidfuzz.distance.Levenshtein``: ``distance``, ``similarity``,
``normalized_distance`` and ``normalized_similarity``, with the arguments, cutoff rules and
processor of :mod:`quotelens.distance`. It also takes ``weights=(insertion, deletion,
substitution)``.

>>> from quotelens.distance import Levenshtein
>>> Levenshtein.distance("kitten", "sitting")
3
>>> Levenshtein.distance("kitten", "sitting", weights=(1, 1, 2))  # no substitutions: Indel
5
>>> round(Levenshtein.normalized_similarity("kitten", "sitting"), 3)
0.571
"""

from quotelens._core import levenshtein_distance as distance
from quotelens._core import levenshtein_normalized_distance as normalized_distance
from quotelens._core import levenshtein_normalized_similarity as normalized_similarity
from quotelens._core import levenshtein_similarity as similarity

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]
