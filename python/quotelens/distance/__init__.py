"""Raw edit distances with the interface of ``rapidfuzz.distance``: one module per metric
(:mod:`~quotelens.distance.Levenshtein`, :mod:`~quotelens.distance.Indel`,
:mod:`~quotelens.distance.Hamming`, :mod:`~quotelens.distance.OSA`,
:mod:`~quotelens.distance.DamerauLevenshtein`), each with ``distance``, ``similarity``,
``normalized_distance`` and ``normalized_similarity``, and RapidFuzz's scores and cutoff rules.

The kernels are the rapidfuzz crate's (bit-parallel Levenshtein, Indel and OSA). strsim has
OSA and Damerau-Levenshtein too; ``benches/distances.rs`` measures it 2-30x slower at every
length from names to 1 kB texts, so it is only the tests' reference.

>>> from quotelens.distance import Levenshtein, OSA
>>> Levenshtein.distance("Lloyd Austin", "Loyd Austin"), OSA.distance("Xi Jinping", "Xi Jnipign")
(1, 2)
"""

from quotelens.distance import OSA, DamerauLevenshtein, Hamming, Indel, Levenshtein

__all__ = ["DamerauLevenshtein", "Hamming", "Indel", "Levenshtein", "OSA"]
