"""Damerau-Levenshtein distance: Levenshtein plus transpositions of adjacent characters,
unrestricted (a transposed pair may be edited again).

RapidFuzz's ``rapidfuzz.distance.DamerauLevenshtein``: ``distance``, ``similarity``,
``normalized_distance`` and ``normalized_similarity``, with the arguments, cutoff rules and
processor of :mod:`quotelens.distance`.

>>> from quotelens.distance import DamerauLevenshtein
>>> DamerauLevenshtein.distance("ca", "abc")
2
"""

from quotelens._core import damerau_levenshtein_distance as distance
from quotelens._core import damerau_levenshtein_normalized_distance as normalized_distance
from quotelens._core import damerau_levenshtein_normalized_similarity as normalized_similarity
from quotelens._core import damerau_levenshtein_similarity as similarity

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]
