"""quotelens.sim against RapidFuzz in the same run: cdist per scorer, locate, top_k.

Run: ``python benchmarks/bench_sim.py [--n 1000]``. Prints, per scorer, both times, the speed
ratio (RapidFuzz time / quotelens time; > 1 means quotelens is faster) and the largest score
difference.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
from quotelens import sim
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_sentences() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    parts = re.split(r"(?<=[.!?”\"])\s+|\n+", text)
    return [p.strip() for p in parts if 40 <= len(p.strip()) <= 300]


def variants(sentences: list[str], n: int, seed: int) -> list[str]:
    """News-like variants: dropped, swapped and repeated words, case changes, attribution."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        words = rng.choice(sentences).split()
        op = rng.random()
        if op < 0.25 and len(words) > 4:
            del words[rng.randrange(len(words))]
        elif op < 0.5 and len(words) > 4:
            i, j = rng.randrange(len(words)), rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        elif op < 0.65:
            words = [w.lower() for w in words]
        elif op < 0.8:
            words = ["According", "to", "officials,"] + words
        elif op < 0.9 and len(words) > 8:
            cut = rng.randrange(4, len(words))
            words = words[:cut]
        out.append(" ".join(words))
    return out


def best_time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


PAIRS: list[tuple[str, Any, Any]] = [
    ("ratio", sim.ratio, fuzz.ratio),
    ("partial_ratio", sim.partial_ratio, fuzz.partial_ratio),
    ("token_sort_ratio", sim.token_sort_ratio, fuzz.token_sort_ratio),
    ("token_set_ratio", sim.token_set_ratio, fuzz.token_set_ratio),
    ("token_ratio", sim.token_ratio, fuzz.token_ratio),
    ("WRatio", sim.WRatio, fuzz.WRatio),
    ("jaro_winkler", sim.jaro_winkler, JaroWinkler.normalized_similarity),
    ("levenshtein", sim.levenshtein, Levenshtein.normalized_similarity),
]


def bench_cdist(n: int, repeat: int) -> None:
    sents = seed_sentences()
    queries, choices = variants(sents, n, 1), variants(sents, n, 2)
    mean_len = sum(map(len, queries + choices)) / (2 * n)
    print(f"cdist {n} x {n} news sentences (mean {mean_len:.0f} chars), workers=-1")
    print(f"{'scorer':18} {'quotelens s':>12} {'rapidfuzz s':>12} {'ratio':>7} {'max diff':>9}")
    for name, ours, theirs in PAIRS:

        def run_ours(o: Any = ours) -> Any:
            return sim.cdist(queries, choices, scorer=o, workers=-1)

        def run_rf(t: Any = theirs) -> Any:
            return process.cdist(queries, choices, scorer=t, workers=-1)

        t_ours, m_ours = best_time(run_ours, repeat)
        t_rf, m_rf = best_time(run_rf, repeat)
        if name in ("jaro_winkler", "levenshtein"):
            m_rf = m_rf * 100
        diff = float(np.abs(m_ours - m_rf).max())
        print(f"{name:18} {t_ours:12.3f} {t_rf:12.3f} {t_rf / t_ours:6.2f}x {diff:9.4f}")


def bench_locate(repeat: int) -> None:
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = (base * (1_000_000 // len(base) + 1))[:1_000_000]
    quote = "We do not seek confrontation with anyone, but we will defend our interests."
    text = text[:700_000] + "“" + quote + "”" + text[700_000:]
    print(f"\nlocate in a {len(text):,}-character article")
    for label, q in [
        ("exact", quote),
        ("reworded", "we don't seek a confrontation with anybody but will defend our interests"),
        ("truncated", "seek confrontation with anyone, but we"),
    ]:

        def run(q: str = q) -> Any:
            return sim.locate(q, text)

        t, a = best_time(run, repeat)
        span = text[a.start : a.end] if a else None
        print(f"  {label:10} {t * 1000:7.2f} ms  score {a.score if a else 0:5.1f}  {span!r}")


def bench_top_k(nq: int, nc: int) -> None:
    sents = seed_sentences()
    queries, choices = variants(sents, nq, 3), variants(sents, nc, 4)
    print(
        f"\ntop_k k=10, {nq:,} x {nc:,} (a dense float32 matrix would take "
        f"{nq * nc * 4 / 1e9:.1f} GB), workers=-1"
    )
    t = time.perf_counter()
    qi, ci, s = sim.top_k(queries, choices, k=10, scorer=sim.ratio, workers=-1)
    print(
        f"  quotelens top_k ratio: {time.perf_counter() - t:.2f} s, "
        f"{len(s):,} results, {qi.nbytes + ci.nbytes + s.nbytes:,} bytes"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--topk-queries", type=int, default=1_000)
    ap.add_argument("--topk-choices", type=int, default=50_000)
    args = ap.parse_args()
    bench_cdist(args.n, args.repeat)
    bench_locate(max(args.repeat, 5))
    bench_top_k(args.topk_queries, args.topk_choices)


if __name__ == "__main__":
    main()
