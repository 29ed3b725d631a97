"""The ``>>>`` examples in the corpus, frames, report and compare modules run (pytest's
testpaths only cover ``tests/``, so the module doctests are collected here)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["quotelens.corpus", "quotelens.frames", "quotelens.report", "quotelens.compare",
           "quotelens.speakers", "quotelens.metadata", "quotelens.outlets"]


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0, f"{name}: {result.failed} failing example(s)"
