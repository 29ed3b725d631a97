"""Extraction throughput and linear-time behaviour on news text and adversarial input.

Run: .venv/bin/python benchmarks/bench_extract.py  (or `make bench`)

Prints MB/s for normalize, extract_quotes and Article (segmentation + quotes + attribution)
on a ~10 MB corpus built from the seeds, the cost per MB at 1 MB and at 10 MB (equal when
linear; run it on an idle machine, other load skews the small case), and
the same for texts made of 10,000 unmatched quote marks. textacy's direct_quotations is timed
on the same text in the same run when textacy and a spaCy English model are installed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import quotelens

ROOT = Path(__file__).resolve().parent.parent


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def corpus(size: int) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    chunk = "\n\n".join(seeds)
    return (chunk * (size // len(chunk) + 1))[:size]


def mb(s: str) -> float:
    return len(s.encode("utf-8")) / 1e6


def main() -> None:
    big = corpus(10_000_000)
    small = big[:1_000_000]
    print(f"corpus: {mb(big):.1f} MB of news text (seeds repeated)")
    for name, fn in [
        ("normalize", quotelens.normalize),
        ("extract_quotes", quotelens.extract_quotes),
        ("Article", quotelens.Article),
    ]:
        t_big = best_of(lambda fn=fn: fn(big), repeat=2)
        t_small = best_of(lambda fn=fn: fn(small))
        print(
            f"{name:15s} {mb(big) / t_big:8.1f} MB/s   {len(big) / t_big / 1e6:7.1f} Mchar/s"
            f"   ms per MB at 1 MB {t_small * 1e3 / mb(small):6.1f}, at 10 MB"
            f" {t_big * 1e3 / mb(big):6.1f} (linear: equal)"
        )

    print("\nadversarial input (extract_quotes), time for 10,000 vs 100,000 marks:")
    for label, unit in [
        ("unmatched opening “", "“a "),
        ("unmatched closing ”", "b” "),
        ("straight \" toggles", '"c '),
        ("guillemets «", "« d "),
        ("apostrophe-like '", "x' "),
    ]:
        t1 = best_of(lambda unit=unit: quotelens.extract_quotes(unit * 10_000))
        t2 = best_of(lambda unit=unit: quotelens.extract_quotes(unit * 100_000))
        print(f"  {label:22s} {t1 * 1e3:7.2f} ms  {t2 * 1e3:8.2f} ms  ratio {t2 / t1:5.1f} (linear ≈ 10)")
    one_para = big.replace("\n", " ")
    t = best_of(lambda: quotelens.extract_quotes(one_para), repeat=1)
    print(f"  one 10 MB paragraph     {t * 1e3:8.1f} ms  ({mb(one_para) / t:.1f} MB/s)")

    try:
        import spacy  # type: ignore[import-not-found]
        import textacy  # type: ignore[import-not-found]  # noqa: F401
        from textacy.extract.triples import direct_quotations  # type: ignore[import-not-found]

        nlp = spacy.load("en_core_web_sm")
    except Exception as e:  # textacy is a peer, not a dependency
        print(f"\ntextacy: not run ({type(e).__name__}: {e})")
        return
    sample = corpus(200_000)
    t_tx = best_of(lambda: list(direct_quotations(nlp(sample))), repeat=1)
    t_ql = best_of(lambda: quotelens.Article(sample))
    print(f"\ntextacy direct_quotations: {mb(sample) / t_tx:.3f} MB/s; quotelens is {t_tx / t_ql:.0f}x faster")


if __name__ == "__main__":
    main()
