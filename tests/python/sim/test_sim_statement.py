"""statement / compare / StatementScorer: same claim, paraphrase, polarity and denial cues."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quotelens import sim
from rapidfuzz import fuzz


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The United States is deploying troops.", "The United States is not deploying troops."),
        ("We seek confrontation with China.", "We do not seek confrontation with China."),
        ("He has plans for such a bloc.", "He denied any plans for such a bloc."),
        ("They will talk about an Asian NATO.", "It is too early to talk about an Asian NATO."),
        ("Beijing accepted the proposal.", "Beijing rebuffed the proposal."),
        ("The ministry has plans to expand.", "The ministry has no plans to expand."),
        ("The company will never sell.", "The company will sell."),
    ],
)
def test_negation_is_opposite(a: str, b: str) -> None:
    m = sim.compare(a, b)
    assert m.polarity == "opposite", m
    assert m.cues_a or m.cues_b
    # RapidFuzz cannot tell: the words barely differ.
    assert fuzz.token_set_ratio(a, b) > 60


def test_cues_are_reported() -> None:
    m = sim.compare("He denied any plans for such a bloc.", "It is too early to talk about it.")
    assert m.cues_a == ["denied"]
    assert m.cues_b == ["too early to"]
    assert m.polarity == "same"  # both deny
    assert "opposite" not in repr(m)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The minister said talks would resume next week in Geneva.",
            "Talks will resume in Geneva next week, according to the minister.",
        ),
        (
            "Officials said 1,000 troops had been deployed.",
            "According to officials, one thousand troops were deployed.",
        ),
        (
            "Sales rose 5% in 2023, the company said.",
            "The company said sales rose 5 percent in 2023.",
        ),
        ("Prices climbed by $2.5 million.", "Prices climbed by $2.5m."),
        (
            "“We do not seek confrontation,” Austin said.",
            "Austin said they don't seek confrontation.",
        ),
    ],
)
def test_paraphrases_score_high(a: str, b: str) -> None:
    assert sim.statement(a, b) >= 75, (a, b, sim.statement(a, b))
    assert sim.compare(a, b).polarity == "same"


def test_different_claims_score_low() -> None:
    a = "The minister said talks would resume next week in Geneva."
    assert sim.statement(a, "The central bank raised interest rates by half a point.") < 30
    # Numbers must agree.
    assert sim.statement("Sales rose 5 percent.", "Sales rose 7 percent.") < sim.statement(
        "Sales rose 5 percent.", "Sales rose 5%."
    )


def test_statement_scorer_fitted_and_as_batch_scorer() -> None:
    corpus = [
        "The minister said talks would resume.",
        "Talks resumed in Geneva.",
        "The minister met officials.",
        "Officials said troops were deployed.",
    ]
    s = sim.StatementScorer(corpus)
    a, b = corpus[0], "According to the minister, the talks will resume."
    assert s.score(a, b) > 70
    assert s(a, b) == s.score(a, b)
    assert s(a, b, score_cutoff=101) == 0.0
    assert s.compare(a, "The minister said talks would not resume.").polarity == "opposite"
    m = sim.cdist(corpus, corpus, scorer=s, workers=-1)
    brute = np.array([[s.score(x, y) for y in corpus] for x in corpus], dtype=np.float32)
    np.testing.assert_allclose(m, brute, atol=1e-3)
    _, ci, _ = sim.top_k(["troops deployed, officials said"], corpus, k=1, scorer=s)
    assert ci.tolist() == [3]
    assert sim.extract("troops deployed", corpus, scorer=s, limit=1)[0][2] == 3
    # idf= replaces the weights.
    idf = {"minister": 5.0, "talks": 0.1}
    assert sim.statement("the minister spoke", "the minister left", idf=idf) > sim.statement(
        "the talks went", "the talks ended", idf=idf
    )
    assert sim.StatementScorer(idf=idf).score("a minister", "a minister") == 100.0


def test_statement_bad_input() -> None:
    with pytest.raises(TypeError, match="a must be str"):
        sim.statement(None, "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"corpus_texts\[1\] must be str"):
        sim.StatementScorer(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="idf"):
        sim.statement("a", "b", idf=[1, 2])  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(a=st.text(max_size=80), b=st.text(max_size=80))
def test_no_panic_and_in_range(a: str, b: str) -> None:
    v = sim.statement(a, b)
    assert 0.0 <= v <= 100.0
    m = sim.compare(a, b)
    assert m.polarity in ("same", "opposite")
    loc = sim.locate(a, b)
    if loc is not None:
        assert 0 <= loc.start <= loc.end <= len(b)
