"""Corpus.claims: exact all-pairs against MinHash LSH candidates, on generated corpora whose
claims are known (quotelens.testing.claims_corpus: each claim quoted, reworded as indirect
speech or denied in 2-4 articles, among claims reported once).

Run: .venv/bin/python benchmarks/bench_claims.py [--sizes 40,400,2000] [--exact-max 4000]

For each size (claims reported more than once; five times as many are reported once) it prints
the statements, the time of each method, the recall and precision of the blocked candidate
search's claim pairs (two statements put in one claim) against exact's, and both methods'
claim pairs against the planted claims.
Exact is skipped above --exact-max statements (its time grows with the square).
"""

from __future__ import annotations

import argparse
import time

import quotelens
from quotelens.compare import statements
from quotelens.testing import claim_of, claims_corpus, co_members


def gold(corpus: quotelens.Corpus, truth) -> set:  # type: ignore[no-untyped-def]
    st = [(s.article, s.start, claim_of(truth, s.article, s.text)) for s in statements(corpus)]
    by: dict[int, list[tuple[str, int]]] = {}
    for a, start, c in st:
        if c is not None and c >= 0:
            by.setdefault(c, []).append((a, start))
    return {
        frozenset((x, y))
        for ms in by.values() for i, x in enumerate(ms) for y in ms[i + 1 :] if x[0] != y[0]
    }


def pr(found: set, ref: set) -> str:
    hit = len(found & ref)
    return f"R {hit / max(1, len(ref)):.3f} P {hit / max(1, len(found)):.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="40,400,2000")
    ap.add_argument("--exact-max", type=int, default=4000)
    args = ap.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        records, truth = claims_corpus(n, 5 * n)
        corpus = quotelens.Corpus.from_records(records, progress=False)
        ref = gold(corpus, truth)
        size = len(statements(corpus))
        print(f"\n{n:,} repeated claims, {5 * n:,} single ones: {len(corpus):,} articles, "
              f"{size:,} statements")
        found = {}
        for method in ("exact", "lsh"):
            if method == "exact" and size > args.exact_max:
                print("  exact  skipped (too large)")
                continue
            t = time.perf_counter()
            cl = corpus.claims(method=method)
            dt = time.perf_counter() - t
            found[method] = co_members(cl)
            print(f"  {method:<6} {dt:8.2f} s  {len(cl):6,} claims  vs planted: "
                  f"{pr(found[method], ref)}")
        if "exact" in found:
            print(f"  lsh against exact, claim pairs: {pr(found['lsh'], found['exact'])}")

if __name__ == "__main__":
    main()
