"""Similarity and candidate search (``quotelens.sim``)."""

from quotelens._core import MinHashIndex

__all__ = ["MinHashIndex"]
