"""Cross-article steps on a folder of real articles: time of each step, printed as a table.

Run: .venv/bin/python benchmarks/bench_compare.py FOLDER [--recall N]

FOLDER holds ``*.txt`` articles (for example the 840 PolNeAR train articles, which are not
redistributed) and optionally a ``metadata.csv`` with ``file``, ``outlet`` and ``date``
columns. Without the folder the script says so and exits cleanly. ``--recall N`` also runs
``claims`` with ``method="exact"`` (every pair: quadratic) and ``method="blocked"`` on the first
N articles and prints the share of exact's claim pairs and links that blocking finds.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import quotelens


def load(folder: Path) -> quotelens.Corpus:
    meta: dict[str, dict[str, str]] = {}
    if (folder / "metadata.csv").exists():
        with open(folder / "metadata.csv", encoding="utf-8") as f:
            meta = {r["file"]: r for r in csv.DictReader(f)}
    records = []
    for p in sorted(folder.glob("*.txt")):
        r = {"id": p.stem, "text": p.read_text(encoding="utf-8", errors="replace")}
        m = meta.get(p.name, {})
        if m.get("outlet"):
            r["outlet"] = m["outlet"]
        if m.get("date"):
            r["date"] = m["date"]
        records.append(r)
    return quotelens.Corpus.from_records(records, progress=False)


def timed(f):  # type: ignore[no-untyped-def]
    """``(f(), wall seconds)``; the CPU seconds of the process (every thread) go to ``CPU``."""
    t, c = time.perf_counter(), time.process_time()
    out = f()
    CPU.append(time.process_time() - c)
    return out, time.perf_counter() - t


#: CPU seconds of each timed step, in order (the machine may be shared: wall time alone
#: says little about the code).
CPU: list[float] = []


def claim_pairs(cl) -> set:  # type: ignore[no-untyped-def]
    out = set()
    for c in cl:
        ms = [(m.article, m.start) for m in c.members]
        out |= {frozenset((x, y)) for i, x in enumerate(ms) for y in ms[i + 1:] if x[0] != y[0]}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--recall", type=int, default=0, metavar="N",
                    help="claims on the first N articles: blocked against exact")
    args = ap.parse_args()
    if args.folder is None or not args.folder.is_dir() or not any(args.folder.glob("*.txt")):
        print(f"bench_compare: no folder of *.txt articles given ({args.folder}); skipped")
        return 0
    rows: list[tuple[str, float, float, str]] = []

    def step(name: str, f, what) -> object:  # type: ignore[no-untyped-def]
        out, t = timed(f)
        rows.append((name, t, CPU[-1], what(out)))
        return out

    corpus = step("load + analyse", lambda: load(args.folder), lambda c: f"{len(c)} articles")
    step("quote_matches", lambda: corpus.quote_matches(),
         lambda m: f"{len(m)} pairs ({int((~m['quoted_b']).sum())} unquoted)")
    step("quote_matches(unquoted=False)", lambda: corpus.quote_matches(unquoted=False),
         lambda m: f"{len(m)} pairs")
    step("statements", lambda: corpus.statements(),
         lambda s: f"{len(s)} statements in 2+ articles")
    step("claims", lambda: corpus.claims(), lambda cl: f"{len(cl)} claims")
    from quotelens.report import render_report

    step("report (HTML)", lambda: render_report(corpus), lambda h: f"{len(h) / 1e6:.1f} MB")
    if args.recall:
        sub = quotelens.Corpus(list(corpus)[: args.recall])
        ex = step(f"claims(method='exact'), {len(sub)} articles",
                  lambda: sub.claims(method="exact"), lambda c: f"{len(c)} claims")
        bl = step(f"claims(method='blocked'), {len(sub)} articles",
                  lambda: sub.claims(method="blocked"), lambda c: f"{len(c)} claims")
        got, ref = claim_pairs(bl), claim_pairs(ex)
        hit = len(got & ref)
        rows.append(("  blocked vs exact, claim pairs", 0.0, 0.0,
                     f"recall {hit}/{len(ref)} = {hit / max(1, len(ref)):.3f}, "
                     f"precision {hit / max(1, len(got)):.3f}"))
    sides = corpus.sides().most_common(2)
    if len(sides) == 2:
        step(f"compare_sides({sides[0][0]}, {sides[1][0]})",
             lambda: corpus.compare_sides(sides[0][0], sides[1][0]), lambda v: f"{len(v)} rows")
    width = max(len(r[0]) for r in rows)
    print(f"{'step':<{width}}  {'wall s':>7}  {'CPU s':>7}  result")
    for name, sec, cpu, what in rows:
        print(f"{name:<{width}}  {sec:7.2f}  {cpu:7.2f}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
