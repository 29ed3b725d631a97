"""The package surface: exports, version, stubs in step with the module, docstring examples."""

import doctest
import subprocess
import sys

import pytest
import quotelens
import tomllib
from conftest import ROOT


def test_all_is_explicit_and_importable():
    for name in quotelens.__all__:
        assert hasattr(quotelens, name), name


def test_version_matches_cargo():
    cargo = tomllib.loads((ROOT / "Cargo.toml").read_text())
    assert quotelens.__version__ == cargo["package"]["version"]


def test_errors_are_value_errors():
    assert issubclass(quotelens.QuotelensError, ValueError)


def test_stub_matches_module():
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "quotelens._core", "--ignore-missing-stub"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def _doc_objects():
    seen = set()
    for name in quotelens.__all__:
        obj = getattr(quotelens, name)
        if id(obj) in seen or not getattr(obj, "__doc__", None):
            continue
        seen.add(id(obj))
        yield name, obj


@pytest.mark.parametrize("name, obj", list(_doc_objects()), ids=lambda x: str(x)[:30])
def test_docstring_examples_run(name, obj):
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    # An example sees its module's names, as under --doctest-modules.
    module = sys.modules.get(getattr(obj, "__module__", ""), quotelens)
    globs = {**vars(module), "quotelens": quotelens}
    for t in finder.find(obj, name, globs=globs):
        runner.run(t)
    assert runner.failures == 0


def test_article_lists_are_built_once() -> None:
    # Issue 14: .quotes/.sentences/.paragraphs/.speakers are made on first access; later
    # accesses give a new list of the same objects (a caller's list edits do not leak back).
    import quotelens

    a = quotelens.Article("“We will not back down,” Senator Maria Okafor said. She left.")
    for name in ("quotes", "sentences", "paragraphs", "speakers"):
        first, second = getattr(a, name), getattr(a, name)
        assert first is not second and len(first) == len(second) > 0
        assert all(x is y for x, y in zip(first, second))
    qs = a.quotes
    qs.pop()
    assert len(a.quotes) == len(qs) + 1


def test_error_hierarchy() -> None:
    # Issue 14: one hierarchy under QuotelensError(ValueError); an argument error names its
    # argument in `.arg`; a resource error is also a MemoryError; bad JSON is a FormatError.
    import numpy as np
    import pytest
    import quotelens
    from quotelens import sim

    with pytest.raises(quotelens.ArgumentError) as e:
        sim.cdist(["a"], ["a"], workers=-5)
    assert e.value.arg == "workers" and isinstance(e.value, ValueError)
    with pytest.raises(quotelens.FormatError):
        quotelens.Article.from_json("{}")
    assert issubclass(quotelens.ResourceError, MemoryError)
    assert issubclass(quotelens.ResourceError, quotelens.QuotelensError)
    with pytest.raises(MemoryError) as m:
        sim.cdist(["a"] * 200_000, ["b"] * 200_000, dtype=np.float64)
    assert isinstance(m.value, quotelens.ResourceError)


MODEL_CLASSES = ("Quote", "Paragraph", "Sentence", "Speaker")


def _stub_properties(cls_name: str) -> list[str]:
    import ast

    tree = ast.parse((ROOT / "python" / "quotelens" / "_core.pyi").read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls_name)
    return [f.name for f in cls.body if isinstance(f, ast.FunctionDef)
            and any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)]


@pytest.mark.parametrize("cls_name", MODEL_CLASSES)
def test_model_fields_are_declared_once(cls_name: str) -> None:
    # Issue 14: the fields of the model classes are the Rust structs' (get_all); the stub lists
    # them in the same order, and to_dict() and pickling come from the same serde derive.
    import pickle

    a = quotelens.Article("“We will not back down,” Senator Maria Okafor said. She left.")
    obj = {"Quote": a.quotes, "Paragraph": a.paragraphs, "Sentence": a.sentences,
           "Speaker": a.speakers}[cls_name][0]
    fields = list(obj.to_dict())
    extra = {"Paragraph": ["is_body"]}.get(cls_name, [])
    assert _stub_properties(cls_name) == fields + extra
    for f in fields:
        assert getattr(obj, f) == obj.to_dict()[f]
    assert pickle.loads(pickle.dumps(obj)) == obj


def test_frame_columns_are_the_quote_fields() -> None:
    # Corpus.quotes() rows are Quote.to_dict(); QUOTE_COLUMNS only orders and types them.
    from quotelens.frames import ARTICLE_COLUMNS, QUOTE_COLUMNS

    q = quotelens.extract_quotes("“No,” she said.")[0]
    own = [c for c in QUOTE_COLUMNS if c not in ARTICLE_COLUMNS and c != "context"]
    assert sorted(own) == sorted(q.to_dict()) and len(own) == len(set(own))


def test_quote_kinds_come_from_the_core(seed_texts) -> None:
    from quotelens import _core
    from quotelens.frames import KINDS, STATEMENT_KINDS

    assert KINDS == _core._quote_kinds() == ("direct", "mixed", "term", "title", "indirect")
    assert set(STATEMENT_KINDS) < set(KINDS)
    seen = {q.kind for t in seed_texts.values() for q in quotelens.Article(t).quotes}
    assert seen <= set(KINDS) and {"direct", "indirect"} <= seen
    # The private core helpers' examples are not reached by the __all__ doctests: run them.
    for fn in (_core._quote_kinds, _core._threads_for):
        test_docstring_examples_run(fn.__name__, fn)


def test_an_unknown_word_list_is_an_argument_error() -> None:
    from quotelens import ArgumentError, _core

    for fn in (_core._lexicon_data, _core._word_list):
        with pytest.raises(ArgumentError, match='name: no word list named "nope"') as e:
            fn("nope")
        assert e.value.arg == "name"
