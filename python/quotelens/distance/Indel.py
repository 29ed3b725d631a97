"""Indel distance: insertions and deletions only, ``len1 + len2 - 2 * LCS``. Its normalized
similarity × 100 is ``quotelens.sim.ratio``.

RapidFuzz's ``rapidfuzz.distance.Indel``: ``distance``, ``similarity``, ``normalized_distance``
and ``normalized_similarity``, with the arguments, cutoff rules and processor of
:mod:`quotelens.distance`.

>>> from quotelens.distance import Indel
>>> Indel.distance("kitten", "sitting")
5
>>> Indel.normalized_similarity("this is a test", "this is a test!") * 100 // 1
96.0
"""

from quotelens._core import indel_distance as distance
from quotelens._core import indel_normalized_distance as normalized_distance
from quotelens._core import indel_normalized_similarity as normalized_similarity
from quotelens._core import indel_similarity as similarity

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]
