"""locate: quotes (exact, reworded, truncated) inside long texts, in Python string indices."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quotelens.sim import locate, ratio

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _article() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def _long_text(n_chars: int) -> str:
    base = _article()
    return (base * (n_chars // len(base) + 1))[:n_chars]


def test_exact_quote_in_long_text() -> None:
    quote = "We do not seek confrontation with anyone, but we will defend our interests."
    text = _long_text(200_000) + " “" + quote + "” the minister said. " + _long_text(50_000)
    a = locate(quote, text)
    assert a is not None
    assert text[a.start : a.end] == quote
    assert a.score == 100.0


def test_reworded_and_truncated_quotes() -> None:
    quote = "We do not seek confrontation with anyone, but we will defend our interests."
    text = "Ünïcode prefix 🙂 " + _long_text(300_000) + " “" + quote + "” he said. "
    text += _long_text(100_000)
    for variant in (
        "we don't seek confrontation with anyone but we'll defend our interests",
        "seek confrontation with anyone, but we will defend",  # truncated
        "We do not seek CONFRONTATION with anyone … we will defend our interests",
    ):
        a = locate(variant, text, score_cutoff=60)
        assert a is not None, variant
        found = text[a.start : a.end]
        assert "confrontation with anyone" in found, (variant, found)
        assert a.score == pytest.approx(ratio(variant.lower(), found.lower()), abs=15)


def test_quote_absent_gives_none_with_cutoff() -> None:
    text = _long_text(100_000)
    assert locate("zqxjk wvvkq zzqyx xxjqw kkwzq qqzxv vvjxq", text, score_cutoff=80) is None
    assert locate("", text) is None
    assert locate("abc", "") is None


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="quote must be str"):
        locate(None, "abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str"):
        locate("abc", 3)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(start=st.integers(0, 5000), length=st.integers(15, 200), seed=st.integers(0, 1000))
def test_substring_is_found_where_it_is(start: int, length: int, seed: int) -> None:
    rng = random.Random(seed)
    words = [
        "the",
        "minister",
        "said",
        "talks",
        "would",
        "resume",
        "next",
        "week",
        "in",
        "geneva",
        "officials",
    ]
    text = " ".join(rng.choice(words) for _ in range(2000)) + "".join(
        rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(6000)
    )
    start = min(start, len(text) - length)
    quote = text[start : start + length].strip()
    a = locate(quote, text)
    assert a is not None
    assert a.score == pytest.approx(ratio(quote.lower(), text[a.start : a.end].lower()))
    assert a.score >= 95.0
