"""The calibrated confidence: its model, the features the core records for fitting it, and the
measures bench_polnear.py reports (AUROC, reliability, ECE). None of this needs PolNeAR."""
from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import quotelens
from quotelens import _core

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibration  # noqa: E402
import fit_confidence  # noqa: E402

WEIGHTS = ROOT / "src" / "attribution" / "confidence.tsv"

PASSAGE = (
    "Senator Mark Hill met Governor Dan Price on Monday. “We need help now,” he said.\n"
    "“It is a trap for everyone,” said Lt. Gen. Jing Jianfeng. “And soon.”\n"
    "Hill said the plan would fail, according to a statement.\n"
    "“Nothing has changed,” the governor told reporters."
)


def shipped_weights() -> dict[str, float]:
    out = {}
    for line in WEIGHTS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, w = line.split("\t")
        out[name] = float(w)
    return out


def test_weights_file_holds_names_and_numbers_only() -> None:
    w = shipped_weights()
    assert "bias" in w and any(n.startswith("pattern=") for n in w)
    assert all(math.isfinite(v) for v in w.values())
    # Feature names, not text: short and without spaces.
    assert all(len(n) < 60 and " " not in n for n in w)


def test_recorded_features_reproduce_every_confidence() -> None:
    art = quotelens.Article(PASSAGE)
    feats = {(s, e, sp): dict(f) for s, e, sp, f in _core._confidence_features(PASSAGE)}
    w = shipped_weights()
    scored = [q for q in art.quotes if q.speaker is not None]
    assert len(scored) >= 4
    assert len(feats) == len(scored)
    for q in scored:
        f = feats[(q.start, q.end, q.speaker_start)]
        assert f[f"cell={q.pattern}"] == 1.0
        assert round(fit_confidence.predict(w, f), 3) == pytest.approx(q.confidence, abs=1e-9)
        assert 0.0 <= q.confidence <= 1.0


def test_pronoun_features_count_the_rival_between() -> None:
    feats = [dict(f) for *_, f in _core._confidence_features(PASSAGE)]
    he = [f for f in feats if f.get("pronoun=he")]
    assert len(he) == 1
    # Dan Price is named between "he" and Mark Hill: one rival, antecedent a few tokens back.
    assert he[0]["pronoun_rivals"] == 1.0
    assert 0 < he[0]["pronoun_log_antecedent_tokens"] < math.log(30)


def test_an_unresolved_pronoun_keeps_a_low_rule_value() -> None:
    art = quotelens.Article("“We need help now,” he said.")
    q = art.quotes[0]
    assert q.speaker is None and q.speaker_mention == "he"
    assert q.pattern is not None and q.pattern.endswith("/unresolved")
    assert q.confidence < 0.5
    assert _core._confidence_features("“We need help now,” he said.") == []


def test_auroc_reliability_and_ece() -> None:
    assert calibration.auroc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert calibration.auroc([0.1], [0.9]) == 0.0
    assert calibration.auroc([0.5, 0.5], [0.5]) == 0.5
    assert calibration.auroc([0.7, 0.3], [0.5]) == 0.5
    assert math.isnan(calibration.auroc([], [0.5]))
    # 4 right of 5 at 0.8, 1 of 2 at 0.55: a perfectly calibrated top bin, 0.05 off below.
    pos, neg = [0.8] * 4 + [0.55], [0.8, 0.55]
    rows = calibration.reliability(pos, neg)
    assert [(lo, n) for lo, _, n, _, _ in rows] == [(0.5, 2), (0.8, 5)]
    assert rows[1][3] == pytest.approx(0.8) and rows[1][4] == pytest.approx(0.8)
    assert calibration.ece(pos, neg) == pytest.approx(2 * 0.05 / 7)
    # 1.0 falls in the last bin.
    assert calibration.reliability([1.0], [])[0][1] == 1.0


def test_fit_recovers_known_weights() -> None:
    rng = np.random.default_rng(0)
    true = {"bias": 0.5, "x": 2.0, "kind=a": -1.5}
    rows = []
    for _ in range(4000):
        f = {"bias": 1.0, "x": float(rng.normal())}
        if rng.random() < 0.5:
            f["kind=a"] = 1.0
        p = 1 / (1 + math.exp(-sum(true[n] * v for n, v in f.items())))
        rows.append((f, int(rng.random() < p)))
    names = fit_confidence.feature_names(rows)
    assert names == ["bias", "kind=a", "x"]
    w = dict(zip(names, fit_confidence.fit(rows, names, l2=1.0)))
    for n, v in true.items():
        assert w[n] == pytest.approx(v, abs=0.25)
    # A rare one-hot feature gets no weight of its own.
    rare = [({"bias": 1.0, "kind=b": 1.0}, 1)] * 2 + rows[:50]
    assert "kind=b" not in fit_confidence.feature_names(rare)


@pytest.mark.parametrize("script", ["fit_confidence.py", "bench_polnear.py"])
def test_scripts_skip_without_polnear(script: str, tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script),
                          "--git", str(tmp_path / "absent")],
                         capture_output=True, text=True, check=True)
    assert "skipped" in out.stdout
