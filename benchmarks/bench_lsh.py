"""How MinHash-LSH candidate search grows from 10,000 to 1,000,000 statements, against exact
all-pairs scoring (RapidFuzz cdist) where that is still feasible.

Run: .venv/bin/python benchmarks/bench_lsh.py [--max 1000000] [--threshold 0.5]

Statements are generated news-like sentences (a 5,000-word vocabulary with a Zipf-like
distribution) with reworded and truncated copies planted among them. For each size it prints
the time to sign and index, the time to list candidate pairs, the number of candidates, the
resident memory the index added, and the recall of planted pairs. Exact all-pairs time is
measured up to 10,000 statements and extrapolated (quadratically) beyond.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from quotelens.sim import MinHashIndex


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def statements(n: int, seed: int = 1) -> tuple[list[str], list[tuple[int, int]]]:
    """n statements; every tenth base statement gets two planted variants right after it."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    weights = [1 / (i + 10) for i in range(5000)]
    texts: list[str] = []
    planted: list[tuple[int, int]] = []
    while len(texts) < n:
        base = rng.choices(vocab, weights, k=rng.randint(12, 30))
        i = len(texts)
        texts.append(" ".join(base))
        if i % 10 == 0:
            for _ in range(2):
                v = list(base)
                for _ in range(rng.randint(0, 2)):
                    v[rng.randrange(len(v))] = rng.choice(vocab)
                if rng.random() < 0.5:
                    v = v[: max(10, int(len(v) * 0.85))]
                planted.append((i, len(texts)))
                texts.append(" ".join(v))
    return texts[:n], [(a, b) for a, b in planted if b < n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=1_000_000)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--shingle", default="word", choices=("word", "char"))
    ap.add_argument("--n", type=int, default=None, help="shingle size (default: the index's)")
    ap.add_argument("--no-exact", action="store_true", help="skip the exact all-pairs run")
    args = ap.parse_args()
    sizes = [s for s in (10_000, 30_000, 100_000, 300_000, 1_000_000) if s <= args.max]

    exact_10k = None
    try:
        if args.no_exact:
            raise ImportError("skipped")
        import numpy as np
        from rapidfuzz import fuzz, process

        texts, _ = statements(10_000)
        t = time.perf_counter()
        m = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.uint8)
        exact_10k = time.perf_counter() - t
        del m
        print(f"exact all-pairs (rapidfuzz cdist token_set_ratio, workers=-1) at 10,000: {exact_10k:.1f} s")
    except ImportError:
        print("rapidfuzz not installed: exact all-pairs not measured")

    print(
        f"\nthreshold {args.threshold}, {MinHashIndex(args.threshold, shingle=args.shingle, n=args.n)!r}"
        "\ncolumns: statements, sign+index s, candidate pairs s,"
        " candidates, index memory MB, planted-pair recall, exact all-pairs s (≈ extrapolated)"
    )
    for n in sizes:
        texts, planted = statements(n)
        before = rss_mb()
        index = MinHashIndex(args.threshold, shingle=args.shingle, n=args.n, workers=-1)
        t0 = time.perf_counter()
        index.add(texts)
        t1 = time.perf_counter()
        a, b = index.candidate_pairs()
        t2 = time.perf_counter()
        mem = rss_mb() - before
        found = set(zip(a.tolist(), b.tolist()))
        recall = sum(p in found for p in planted) / max(1, len(planted))
        exact = "" if exact_10k is None else f"{exact_10k * (n / 10_000) ** 2:10.0f}"
        print(
            f"{n:>10,} {t1 - t0:8.2f} {t2 - t1:8.2f} {len(a):>12,} {mem:8.0f}"
            f" {recall:8.3f} {exact}"
        )
        del index, a, b, found, texts


if __name__ == "__main__":
    main()
