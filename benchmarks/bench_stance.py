"""Stance of statement pairs (``quotelens.sim.compare``: agree / deny / unrelated) on the
labelled pairs in ``tests/data/`` (``stance_pairs.jsonl``, which the rules were tuned on, and
``stance_pairs_heldout.jsonl``, written before any tuning), and the speed of ``statement`` and
``compare`` in microseconds per pair.

Run: .venv/bin/python benchmarks/bench_stance.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from quotelens import sim

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CLASSES = ("agree", "deny", "unrelated")


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def accuracy(pairs: list[dict], errors: bool = False) -> dict[str, float]:
    ok: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for p in pairs:
        m = sim.compare(p["a"], p["b"])
        n[p["label"]] += 1
        ok[p["label"]] += m.relation == p["label"]
        if errors and m.relation != p["label"]:
            print(f"  {p['label']} -> {m.relation} ({m.score:.0f}, {m.denial:.2f}): "
                  f"{p['a']} | {p['b']}\n    {m.evidence}")
    return {c: ok[c] / n[c] for c in CLASSES if n[c]}


def per_pair_us(f, pairs: list[dict], rounds: int = 10) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best of three runs, microseconds a pair: (wall, CPU of this process). On a shared
    machine the CPU time says more about the code than the wall time."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            for p in pairs:
                f(p["a"], p["b"])
        best = min(best, (time.perf_counter() - t) / (rounds * len(pairs)))
        best_cpu = min(best_cpu, (time.process_time() - c) / (rounds * len(pairs)))
    return best * 1e6, best_cpu * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true", help="print the misjudged pairs")
    args = ap.parse_args()
    for name in ("stance_pairs.jsonl", "stance_pairs_heldout.jsonl"):
        pairs = load(name)
        acc = accuracy(pairs, args.errors)
        total = sum(acc[c] * sum(p["label"] == c for p in pairs) for c in acc) / len(pairs)
        print(f"{name} ({len(pairs)} pairs): "
              + ", ".join(f"{c} {acc[c]:.1%}" for c in acc) + f"; all {total:.1%}")
    pairs = load("stance_pairs.jsonl")
    for name, f in (("statement", sim.statement), ("compare", sim.compare)):
        wall, cpu = per_pair_us(f, pairs)
        print(f"{name}: {wall:.1f} us/pair wall, {cpu:.1f} us/pair CPU")


if __name__ == "__main__":
    main()
