"""The ``>>>`` examples of the scorers written in Rust (their ``///`` docs, exported through
quotelens.sim) run. pytest's ``--doctest-modules`` runs the examples of the functions and
classes written in Python (``python/quotelens`` is in its testpaths), so those are not run
again here."""

from __future__ import annotations

import doctest
import inspect

import pytest
from quotelens import sim

NAMES = [n for n in sim.__all__
         if not (inspect.isfunction(getattr(sim, n)) or inspect.isclass(getattr(sim, n))
                 and getattr(sim, n).__module__ == "quotelens.sim")]


@pytest.mark.parametrize("name", NAMES)
def test_docstring_examples(name: str) -> None:
    obj = getattr(sim, name)
    doc = obj.__doc__ or ""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(doc, dict(vars(sim)), f"quotelens.sim.{name}", None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} failing example(s)"


def test_every_export_has_an_example() -> None:
    missing = [n for n in sim.__all__ if ">>>" not in (getattr(sim, n).__doc__ or "")]
    # Classes documented through their methods and result types.
    assert set(missing) <= {"Alignment", "EmbeddingScorer"}, missing


SCORERS = ["ratio", "QRatio", "partial_ratio", "token_sort_ratio", "token_set_ratio",
           "token_ratio", "WRatio", "jaro_winkler", "levenshtein", "jaccard"]


@pytest.mark.parametrize("name", SCORERS)
def test_every_scorer_says_its_processor_is_not_rapidfuzzs(name: str) -> None:
    doc = getattr(sim, name).__doc__ or ""
    assert "not RapidFuzz's ``utils.default_process``" in doc
