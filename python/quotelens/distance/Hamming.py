"""Hamming distance: the positions at which the strings differ. With ``pad=True`` (the
default, as in RapidFuzz 3) the shorter string counts as padded, so each missing position
differs; with ``pad=False`` strings of different lengths raise ``ValueError``.

RapidFuzz's ``rapidfuzz.distance.Hamming``: ``distance``, ``similarity``,
``normalized_distance`` and ``normalized_similarity``, with the arguments, cutoff rules and
processor of :mod:`quotelens.distance`. It also takes ``pad=True``.

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
