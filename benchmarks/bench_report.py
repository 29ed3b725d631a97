"""Time the report pipeline on the seeds and on a generated corpus of N articles.

The generated articles are built from the seeds' paragraphs, shuffled and recombined (a fixed
random seed), so they have real quotes, speakers and sides and realistic overlap between
articles. Run: ``python benchmarks/bench_report.py [N]`` (default 1000).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from quotelens import Corpus
from quotelens.report import render_report

ROOT = Path(__file__).resolve().parent.parent


def generate(n: int, folder: Path, seed: int = 5) -> None:
    """Write ``n`` articles of 8–25 seed paragraphs each (the first line a seed headline)."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    titles = [t.split("\n", 1)[0] for t in texts]
    paragraphs = [p for t in texts for p in t.split("\n\n")[1:] if len(p.split()) > 12]
    for i in range(n):
        body = rng.sample(paragraphs, rng.randint(8, min(25, len(paragraphs))))
        head = f"{rng.choice(titles)} ({i})"
        (folder / f"gen_{i:05d}.txt").write_text(head + "\n\n" + "\n\n".join(body),
                                                encoding="utf-8")


def timed(label: str, f):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = f()
    print(f"  {label:<28} {time.perf_counter() - t0:8.2f} s")
    return out


def run(folder: Path, name: str) -> None:
    print(f"{name}:")
    t0 = time.perf_counter()
    corpus = timed("load + analyse", lambda: Corpus.from_dir(folder, progress=False))
    print(f"  {corpus!r}")
    timed("quote_matches", corpus.quote_matches)
    timed("claims", corpus.claims)
    timed("compare_sides China/US", lambda: corpus.compare_sides("China", "United States"))
    page = timed("render_report (all)", lambda: render_report(corpus))
    print(f"  report size {len(page) / 1e6:.1f} MB; total {time.perf_counter() - t0:.2f} s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    run(ROOT / "seeds", "seeds (5 articles)")
    with tempfile.TemporaryDirectory() as tmp:
        generate(n, Path(tmp))
        run(Path(tmp), f"generated ({n} articles)")


if __name__ == "__main__":
    main()
