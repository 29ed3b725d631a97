"""Fit the weights of the calibrated statement score (``quotelens.sim.statement``) on the
training split of the Microsoft Research Paraphrase Corpus (MRPC), and compare it with every
RapidFuzz scorer under the same 10-fold cross-validation.

Run: .venv/bin/python benchmarks/fit_statement.py --mrpc DIR [--write]

``DIR`` is a folder holding ``msr_paraphrase_train.txt`` (the tab-separated MRPC release; a
``msr_paraphrase_dev.txt`` carved from the training split is added when present, and
``msr_paraphrase_train_backup.txt`` is preferred when present, as in the ``galsang/ABCNN``
repository), or a git directory of such a repository (read with ``git show``). Only the
training split is read: the test split is held out and never opened. Without DIR, or when it
does not exist, the script says so and exits 0. No MRPC data is stored in this repository.

It prints 10-fold cross-validated accuracy of a logistic regression on the Rust features
(``quotelens._core._statement_features``) and of each RapidFuzz scorer with its own threshold fitted on
the training folds. ``--write`` fits on all of the training split and writes the weights to
``src/sim/model.rs`` (rebuild to ship them).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 10
L2 = 3e-4


def _read_lines(src: Path) -> list[str]:
    if (src / "HEAD").is_file() and (src / "objects").is_dir():  # a bare git directory
        names = subprocess.run(
            ["git", "--git-dir", str(src), "ls-tree", "-r", "--name-only", "HEAD"],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        files = {Path(n).name: n for n in names}

        def read(name: str) -> str:
            return subprocess.run(
                ["git", "--git-dir", str(src), "show", f"HEAD:{files[name]}"],
                check=True, capture_output=True, text=True,
            ).stdout
    else:
        files = {p.name: p for p in src.iterdir()}

        def read(name: str) -> str:
            return Path(files[name]).read_text(encoding="utf-8-sig")

    if "msr_paraphrase_train_backup.txt" in files:
        chosen = ["msr_paraphrase_train_backup.txt"]
    elif "msr_paraphrase_train.txt" in files:
        chosen = ["msr_paraphrase_train.txt"]
        if "msr_paraphrase_dev.txt" in files:
            chosen.append("msr_paraphrase_dev.txt")
    else:
        raise SystemExit(f"{src}: no msr_paraphrase_train.txt")
    lines: list[str] = []
    for name in chosen:  # never a *test* file
        assert "test" not in name
        lines += read(name).lstrip("\ufeff").splitlines()[1:]
    return lines


def load(src: Path) -> tuple[list[str], list[str], np.ndarray]:
    a, b, y = [], [], []
    for line in _read_lines(src):
        parts = line.split("\t")
        if len(parts) == 5 and parts[0] in ("0", "1"):
            y.append(int(parts[0]))
            a.append(parts[3])
            b.append(parts[4])
    return a, b, np.array(y, dtype=float)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Newton's method on the L2-regularized log loss (the bias, column 0, unpenalized)."""
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2 * len(y))
    pen[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        g = x.T @ (p - y) + pen * w
        h = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def best_threshold(s: np.ndarray, y: np.ndarray) -> float:
    """The threshold t maximizing the accuracy of ``s >= t`` on (s, y)."""
    cands = np.unique(s)
    acc = [((s >= t) == (y == 1)).mean() for t in cands]
    return float(cands[int(np.argmax(acc))])


def folds(n: int, k: int = FOLDS, seed: int = 0) -> list[np.ndarray]:
    idx = np.random.default_rng(seed).permutation(n)
    return [idx[i::k] for i in range(k)]


def cv_logistic(x: np.ndarray, y: np.ndarray) -> float:
    correct = 0
    for test in folds(len(y)):
        train = np.setdiff1d(np.arange(len(y)), test)
        w = fit_logistic(x[train], y[train])
        correct += int((((x[test] @ w) >= 0) == (y[test] == 1)).sum())
    return correct / len(y)


def cv_threshold(s: np.ndarray, y: np.ndarray) -> float:
    correct = 0
    for test in folds(len(y)):
        train = np.setdiff1d(np.arange(len(y)), test)
        t = best_threshold(s[train], y[train])
        correct += int(((s[test] >= t) == (y[test] == 1)).sum())
    return correct / len(y)


def write_model(w: np.ndarray, names: list[str], n: int, acc: float) -> None:
    rows = "\n".join(f"    {v:.6f}, // {name}" for v, name in zip(w, names))
    (ROOT / "src/sim/model.rs").write_text(
        "//! Logistic-regression weights of the calibrated statement score, in the order of\n"
        "//! [`super::statement::FEATURES`]. Written by `benchmarks/fit_statement.py --write` from the\n"
        f"//! MRPC training split ({n} pairs; 10-fold cross-validated accuracy {acc:.1%}); do not\n"
        "//! edit by hand.\n\n"
        "/// Number of features (the first is the constant 1).\n"
        f"pub const N: usize = {len(w)};\n\n"
        "/// Weights: the score is `100 × sigmoid(WEIGHTS · features)`.\n"
        f"pub const WEIGHTS: [f64; N] = [\n{rows}\n];\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mrpc", type=Path, help="folder (or git directory) with the MRPC train split")
    ap.add_argument("--write", action="store_true", help="write src/sim/model.rs")
    args = ap.parse_args()
    if args.mrpc is None or not args.mrpc.exists():
        print(f"MRPC not found ({args.mrpc}); pass --mrpc DIR. Skipping.")
        return 0
    from quotelens import _core, sim

    a, b, y = load(args.mrpc)
    print(f"MRPC train: {len(y)} pairs, {y.mean():.1%} paraphrases; {FOLDS}-fold CV")
    x = np.asarray(_core._statement_features(a, b))
    names = _core._statement_feature_names()
    acc = cv_logistic(x, y)
    print(f"  quotelens statement (logistic regression, {len(names)} features): {acc:.1%}")
    shipped = np.array([sim.statement(p, q) for p, q in zip(a, b)])
    print(f"  quotelens statement as shipped, p >= 0.5: {((shipped >= 50) == (y == 1)).mean():.1%}"
          f" (threshold fitted: {cv_threshold(shipped, y):.1%})")
    try:
        from rapidfuzz import fuzz, utils
    except ImportError:
        print("  rapidfuzz not installed: no comparison")
    else:
        results = []
        for name in ["ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio",
                     "partial_token_sort_ratio", "partial_token_set_ratio", "token_ratio",
                     "partial_token_ratio", "WRatio", "QRatio"]:
            f = getattr(fuzz, name)
            s = np.array([f(p, q, processor=utils.default_process) for p, q in zip(a, b)])
            results.append((cv_threshold(s, y), name))
        for r, name in sorted(results, reverse=True):
            print(f"  rapidfuzz.fuzz.{name} (own threshold): {r:.1%}")
        best, name = max(results)
        print(f"statement {acc:.1%} vs best RapidFuzz scorer {name} {best:.1%}:"
              f" {100 * (acc - best):+.1f} points")
    if args.write:
        w = fit_logistic(x, y)
        write_model(w, names, len(y), acc)
        print("wrote src/sim/model.rs:", dict(zip(names, np.round(w, 3))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
