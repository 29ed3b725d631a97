"""Optimal string alignment distance: Levenshtein plus the transposition of two adjacent
characters, where no substring is edited twice.

RapidFuzz's ``rapidfuzz.distance.OSA``: ``distance``, ``similarity``, ``normalized_distance``
and ``normalized_similarity``, with the arguments, cutoff rules and processor of
:mod:`quotelens.distance`.

>>> from quotelens.distance import OSA
>>> OSA.distance("ca", "abc")
3
>>> OSA.distance("Biden", "Bdien")
1
"""

from quotelens._core import osa_distance as distance
from quotelens._core import osa_normalized_distance as normalized_distance
from quotelens._core import osa_normalized_similarity as normalized_similarity
from quotelens._core import osa_similarity as similarity

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]
