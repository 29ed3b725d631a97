"""Stance (sim.compare: agree / deny / unrelated) and the calibrated statement score."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import quotelens
from hypothesis import given, settings
from hypothesis import strategies as st
from quotelens import sim

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"


def _pairs(name: str) -> list[dict]:
    return [json.loads(x) for x in (DATA / name).read_text().splitlines() if x.strip()]


def _accuracy(name: str) -> dict[str, float]:
    ok: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for p in _pairs(name):
        n[p["label"]] += 1
        ok[p["label"]] += sim.compare(p["a"], p["b"]).relation == p["label"]
    return {k: ok[k] / n[k] for k in n}


def test_pair_sets_are_large_and_balanced() -> None:
    own, held = _pairs("stance_pairs.jsonl"), _pairs("stance_pairs_heldout.jsonl")
    assert len(own) >= 150 and len(held) >= 50
    for ps in (own, held):
        c = Counter(p["label"] for p in ps)
        assert set(c) == {"agree", "deny", "unrelated"} and min(c.values()) >= 15
    assert not {(p["a"], p["b"]) for p in own} & {(p["a"], p["b"]) for p in held}


@pytest.mark.parametrize(
    "name, floors",
    [("stance_pairs.jsonl", {"agree": 0.9, "deny": 0.93, "unrelated": 0.85}),
     ("stance_pairs_heldout.jsonl", {"agree": 0.9, "deny": 0.9, "unrelated": 0.75})],
)
def test_per_class_accuracy_floors(name: str, floors: dict[str, float]) -> None:
    acc = _accuracy(name)
    for label, floor in floors.items():
        assert acc[label] >= floor, (name, acc)


def test_neither_nor_denies_and() -> None:
    m = sim.compare("She neither sent nor received classified emails.",
                    "She sent and received classified emails.")
    assert m.relation == "deny" and m.polarity == "opposite"
    assert m.cues_a == ["neither"]
    assert any("neither" in e and "received" in e for e in m.evidence)


def test_denial_verbs_govern_the_claim() -> None:
    claim = "Beijing is building a naval base in the Gulf of Thailand."
    for denial in ("Officials denied any plans for a naval base in the Gulf of Thailand.",
                   "The ministry rejected the claim that Beijing is building a naval base there.",
                   "Thailand dismissed reports of a Chinese naval base in the Gulf of Thailand."):
        assert sim.compare(claim, denial).relation == "deny", denial
    # Both deny: they agree.
    assert sim.compare("Officials denied any plans for a naval base.",
                       "There are no plans for a naval base, officials said.").relation == "agree"


def test_condition_and_contrast_are_not_denials() -> None:
    assert sim.compare("If he doesn't apologise, he should resign, the senator said.",
                       "He should resign, the senator said.").relation == "agree"
    assert sim.compare("It is a tax, not a fee.", "It is a tax.").relation == "agree"
    assert sim.compare("It is a tax, not a fee.", "It is a fee.").relation == "deny"
    m = sim.compare("If the bill does not pass, the strike goes on.", "The strike goes on.")
    assert m.cues_a == [] and any("condition" in e for e in m.evidence)


def test_antonyms_and_their_double_reversal() -> None:
    m = sim.compare("Rents rose sharply in Lisbon.", "Rents fell sharply in Lisbon.")
    assert m.relation == "deny" and any("rose" in e and "fell" in e for e in m.evidence)
    assert sim.compare("The union opposes the merger.",
                       "The union does not support the merger.").relation == "agree"
    assert sim.compare("The minister will attend the summit.",
                       "The minister is not expected to attend the summit.").relation == "deny"
    assert sim.compare("The ruling is constitutional.",
                       "The ruling is unconstitutional.").relation == "deny"


def test_unrelated_claims_on_one_topic() -> None:
    m = sim.compare("The airline cancelled 300 flights because of the storm.",
                    "The airline's chief executive will retire in May.")
    assert m.relation == "unrelated" and m.polarity == "same"


def test_polarity_is_derived_from_the_relation() -> None:
    for p in _pairs("stance_pairs.jsonl")[:40]:
        m = sim.compare(p["a"], p["b"])
        assert m.polarity == ("opposite" if m.relation == "deny" else "same")
        assert 0.0 <= m.denial <= 1.0
        assert m.relation == sim.compare(p["b"], p["a"]).relation
    assert "relation=" in repr(m)


def test_statement_is_calibrated_and_symmetric() -> None:
    ps = _pairs("stance_pairs.jsonl")
    for p in ps:
        s = sim.statement(p["a"], p["b"])
        assert 0.0 <= s <= 100.0
        assert s == pytest.approx(sim.statement(p["b"], p["a"]), abs=1e-9)
    assert sim.statement("1 troops", "1 1 troops") == sim.statement("1 1 troops", "1 troops")
    assert sim.statement("Talks resumed in Doha.", "Talks resumed in Doha.") == 100.0
    agree = np.mean([sim.statement(p["a"], p["b"]) for p in ps if p["label"] == "agree"])
    unrelated = np.mean([sim.statement(p["a"], p["b"]) for p in ps if p["label"] == "unrelated"])
    assert agree > 70 > unrelated + 20


def test_features_are_the_models_inputs() -> None:
    from quotelens import _core

    names = _core._statement_feature_names()
    x = np.asarray(_core._statement_features(["Sales rose 5%."], ["Sales rose 5 percent."]))
    assert x.shape == (1, len(names)) and names[0] == "bias" and x[0, 0] == 1.0
    with pytest.raises(quotelens.QuotelensError, match="length"):
        _core._statement_features(["a"], [])


def test_statement_scorer_processor_true_is_its_own_processing() -> None:
    corpus = ["Troops were deployed to the border on Friday, officials said.",
              "Officials said 1,000 troops would be deployed by Friday.",
              "The central bank raised interest rates."]
    s = sim.StatementScorer(corpus)
    a, b = corpus[0], corpus[1]
    batched = sim.cdist([a], [b], scorer=s, processor=True)[0, 0]
    assert s(a, b, processor=True) == pytest.approx(batched, abs=1e-3)
    assert s(a, b, processor=True) == s(a, b)
    assert sim.score_pairs(corpus, [0], [1], scorer=s, processor=True)[0] == pytest.approx(
        s(a, b, processor=True), abs=1e-3)


def test_overlap_scorer_is_looser_than_the_calibrated_one() -> None:
    a = "the U.S. of advancing plans to create an Asian version of NATO"
    b = "Washington was trying to create an Asian NATO"
    loose = sim.StatementScorer([a, b], calibrated=False).score(a, b)
    assert loose > sim.StatementScorer([a, b]).score(a, b)
    assert 0 < loose < 100


def test_compare_sides_polarity_agrees_with_the_stances() -> None:
    seeds = quotelens.Corpus.from_dir(ROOT / "seeds")
    cmp = seeds.compare_sides("China", "United States", k=3)
    assert set(cmp["relation"]) <= {"agree", "deny", "unrelated"}
    for r in cmp.itertuples():
        if r.stance_a != r.stance_b or r.relation == "deny":
            assert r.polarity == "opposite", r
        else:
            assert r.polarity == "same", r


def test_fit_script_skips_without_mrpc(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fit_statement.py"),
                          "--mrpc", str(tmp_path / "absent")],
                         capture_output=True, text=True, check=True)
    assert "Skipping" in out.stdout


def test_report_shows_the_relation_beside_polarity() -> None:
    from quotelens.report import render_report

    page = render_report(quotelens.Corpus.from_dir(ROOT / "seeds"))
    assert "<th>relation</th><th>polarity</th>" in page.replace("\n", "")


_WORDS = ["not", "no", "never", "denied", "rejected", "if", "but", "neither", "nor", "false",
          "rose", "fell", "support", "oppose", "troops", "NATO", "1,000", "5%", "one", "is",
          "are", "the", "said", ",", ".", "don't", "unconstitutional", "constitutional", "—"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.lists(st.sampled_from(_WORDS), max_size=25),
       st.text(max_size=30))
def test_compare_never_fails_and_is_symmetric(a: list[str], b: list[str], noise: str) -> None:
    x, y = " ".join(a) + noise, " ".join(b)
    m, r = sim.compare(x, y), sim.compare(y, x)
    assert m.relation == r.relation and m.relation in ("agree", "deny", "unrelated")
    assert m.score == pytest.approx(r.score, abs=1e-9) and 0 <= m.score <= 100
    assert m.polarity == ("opposite" if m.relation == "deny" else "same")
