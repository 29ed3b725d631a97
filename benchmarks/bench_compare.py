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
    t = time.perf_counter()
    out = f()
    return out, time.perf_counter() - t


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
    corpus, t_load = timed(lambda: load(args.folder))
    rows = [("load + analyse", t_load, f"{len(corpus)} articles")]
    m, t = timed(lambda: corpus.quote_matches())
    rows.append(("quote_matches", t, f"{len(m)} pairs ({int((~m['quoted_b']).sum())} unquoted)"))
    m, t = timed(lambda: corpus.quote_matches(unquoted=False))
    rows.append(("quote_matches(unquoted=False)", t, f"{len(m)} pairs"))
    if hasattr(corpus, "statements"):
        s, t = timed(lambda: corpus.statements())
        rows.append(("statements", t, f"{len(s)} statements in 2+ articles"))
    cl, t = timed(lambda: corpus.claims())
    rows.append(("claims", t, f"{len(cl)} claims"))
    if args.recall:
        sub = quotelens.Corpus(list(corpus)[: args.recall])
        ex, t = timed(lambda: sub.claims(method="exact"))
        rows.append((f"claims(method='exact'), {len(sub)} articles", t, f"{len(ex)} claims"))
        bl, t = timed(lambda: sub.claims(method="blocked"))
        rows.append((f"claims(method='blocked'), {len(sub)} articles", t, f"{len(bl)} claims"))
        got, ref = claim_pairs(bl), claim_pairs(ex)
        hit = len(got & ref)
        rows.append(("  blocked vs exact, claim pairs", 0.0,
                     f"recall {hit}/{len(ref)} = {hit / max(1, len(ref)):.3f}, "
                     f"precision {hit / max(1, len(got)):.3f}"))
    sides = corpus.sides().most_common(2)
    if len(sides) == 2:
        v, t = timed(lambda: corpus.compare_sides(sides[0][0], sides[1][0]))
        rows.append((f"compare_sides({sides[0][0]}, {sides[1][0]})", t, f"{len(v)} rows"))
    width = max(len(r[0]) for r in rows)
    print(f"{'step':<{width}}  {'seconds':>8}  result")
    for name, sec, what in rows:
        print(f"{name:<{width}}  {sec:8.2f}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
