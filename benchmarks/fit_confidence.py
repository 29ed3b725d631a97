"""Fit the confidence model on PolNeAR train and write ``src/attribution/confidence.tsv``
(feature names and weights only, no text).

    python benchmarks/fit_confidence.py --git /path/to/PolNeAR.git [--l2 1.0] [--write]

``Quote.confidence`` is a logistic regression over features the core computes while it
attributes (``quotelens._core._confidence_features``: pattern, mention class, quote kind, cue
category, character gaps between speaker, cue and quote, paragraphs apart, the entity's kind,
mentions, title and side, and for a pronoun how far back its entity was named and how many
other candidates came between).  The label is the team scorer's: the speaker mention overlaps
the annotated source.  Fit on train only (the script refuses other splits); judge the result
on dev with ``bench_polnear.py`` (AUROC and the reliability table).  Skips cleanly without
the data.
"""
from __future__ import annotations

import argparse
import collections
import math
import os
import random
import sys
from typing import Any

from calibration import auroc
from polnear_common import load_scorer, speaker_judgements

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = os.path.join(HERE, "..", "src", "attribution", "confidence.tsv")

#: A one-hot feature seen fewer times than this on train gets no weight of its own.
MIN_COUNT = 5


def examples(ev: Any, git: str) -> list[tuple[str, dict[str, float], int]]:
    """(article, features, right) for every judged attribution of PolNeAR train."""
    import quotelens
    from quotelens import _core

    out = []
    for fn, text, gold in ev.load(git, ("train",)):
        feats = {(s, e, sp): dict(f) for s, e, sp, f in _core._confidence_features(text)}
        preds = [q for q in quotelens.Article(text).quotes
                 if q.kind not in ("term", "title") and q.pattern]
        for best, ok in speaker_judgements(gold, preds):
            f = feats.get((best.start, best.end, best.speaker_start))
            if f is None:
                # Unresolved pronouns name nobody and keep the rule's value: nothing to fit.
                continue
            out.append((fn, f, int(ok)))
    return out


def fit(rows: list[tuple[dict[str, float], int]], names: list[str], l2: float,
        iters: int = 30) -> list[float]:
    """L2-penalized logistic regression by Newton's method (the bias is not penalized)."""
    import numpy as np

    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, (f, _) in enumerate(rows):
        for n, v in f.items():
            if n in col:
                x[r, col[n]] = v
    y = np.array([ok for _, ok in rows], dtype=float)
    w = np.zeros(len(names))
    pen = np.full(len(names), l2)
    pen[col["bias"]] = 1e-6
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [float(v) for v in w]


def predict(w: dict[str, float], f: dict[str, float]) -> float:
    return 1 / (1 + math.exp(-sum(w.get(n, 0.0) * v for n, v in f.items())))


def feature_names(rows: list[tuple[dict[str, float], int]]) -> list[str]:
    """Numeric features always; one-hot ones (value 1 only) seen at least MIN_COUNT times."""
    seen: collections.Counter[str] = collections.Counter()
    numeric = set()
    for f, _ in rows:
        for n in f:
            seen[n] += 1
            if "=" not in n:
                numeric.add(n)
    return sorted(n for n in seen if n in numeric or seen[n] >= MIN_COUNT)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--git", default=os.environ.get("POLNEAR_GIT"))
    ap.add_argument("--split", default="train", choices=["train"])
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the weights")
    ap.add_argument("--folds", type=int, default=5,
                    help="cross-validation folds over train articles (0: none)")
    ap.add_argument("--scorer", default=os.path.join(HERE, "..", "..", "shared", "eval",
                                                     "attribution_dev.py"))
    ap.add_argument("--write", action="store_true", help="write src/attribution/confidence.tsv")
    a = ap.parse_args()
    ev = load_scorer(a.scorer)
    if not a.git or not os.path.isdir(a.git) or ev is None:
        print("fit_confidence: no PolNeAR git dir or scorer; skipped")
        return 0
    data = examples(ev, a.git)
    rows = [(f, ok) for _, f, ok in data]
    right = sum(ok for _, ok in rows)
    print(f"PolNeAR train: {len(rows)} judged attributions, {right} right ({right / len(rows):.3f})")
    if a.folds:
        # Held-out folds of train articles: how well the features generalize, before dev.
        arts = sorted({fn for fn, _, _ in data})
        random.Random(0).shuffle(arts)
        fold = {fn: i % a.folds for i, fn in enumerate(arts)}
        pos, neg = [], []
        for k in range(a.folds):
            tr = [(f, ok) for fn, f, ok in data if fold[fn] != k]
            names = feature_names(tr)
            w = dict(zip(names, fit(tr, names, a.l2)))
            for fn, f, ok in data:
                if fold[fn] == k:
                    (pos if ok else neg).append(predict(w, f))
        print(f"  {a.folds}-fold cross-validated AUROC on train: {auroc(pos, neg):.3f}")
    names = feature_names(rows)
    w = dict(zip(names, fit(rows, names, a.l2)))
    pos = [predict(w, f) for f, ok in rows if ok]
    neg = [predict(w, f) for f, ok in rows if not ok]
    print(f"  in-sample AUROC: {auroc(pos, neg):.3f}; {len(names)} features")
    for n in sorted(names, key=lambda n: -abs(w[n]))[:25]:
        print(f"    {w[n]:+.3f}  {n}")
    if a.write:
        with open(WEIGHTS, "w", encoding="utf-8") as f:
            f.write("# feature<TAB>weight of the confidence model (logistic regression: does the "
                    "speaker mention\n# overlap the annotated source?). Written by "
                    f"benchmarks/fit_confidence.py from PolNeAR train\n# ({len(rows)} judged "
                    f"attributions, l2={a.l2}); names and numbers only.\n")
            for n in names:
                f.write(f"{n}\t{w[n]:.6f}\n")
        print(f"wrote {os.path.normpath(WEIGHTS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
