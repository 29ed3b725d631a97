"""Corpus-wide speakers and groups on a folder of real news (e.g. PolNeAR's raw train texts,
named ``{outlet}_{date}_{slug}.txt``; not redistributed, the script only reads them).

    python benchmarks/bench_speakers.py DIR [--per-outlet 20]

Prints the 20 most quoted speaker ids with their aliases (to read for split people and merged
ones), and the share of attributed statements with no group: the core's side alone (before)
and with corpus-wide groups (after).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import quotelens
from quotelens.frames import quotes_frame

STATEMENTS = ("direct", "mixed", "indirect")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--per-outlet", type=int, default=20)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    pattern = "{outlet}_{date}_{slug}.txt"
    by_outlet = defaultdict(list)
    for f in sorted(args.dir.glob("*_*_*.txt")):
        by_outlet[f.name.split("_")[0]].append(f)
    files = [f for o in sorted(by_outlet) for f in by_outlet[o][: args.per_outlet]]
    t0 = time.perf_counter()
    c = quotelens.Corpus.from_files(files, names=pattern, progress=False)
    t1 = time.perf_counter()
    before = quotes_frame(c.articles, kinds=STATEMENTS, attributed=True)
    after = c.quotes(kinds=STATEMENTS, attributed=True)
    t2 = time.perf_counter()
    print(f"{len(c)} articles from {len(by_outlet)} outlets; analysis {t1 - t0:.2f} s, "
          f"speaker ids and groups {t2 - t1:.2f} s")
    print(f"attributed statements: {len(after)}; distinct article names "
          f"{before['speaker'].nunique()}, speaker ids {after['speaker_id'].nunique()}")
    print(f"no group: before {before['side'].isna().mean():.1%}, "
          f"after {(after['groups'].str.len() == 0).mean():.1%}")
    people = after[after["speaker_id"].map(
        dict(zip(c.speakers()["speaker_id"], c.speakers()["kind"]))) == "person"]
    print(f"persons only: no group {(people['groups'].str.len() == 0).mean():.1%} "
          f"of {len(people)}")
    sp = c.speakers()
    print(f"\ntop {args.top} speakers by statements:")
    for r in sp.head(args.top).itertuples():
        names = sorted({n for n in after.loc[after["speaker_id"] == r.speaker_id, "speaker"]})
        print(f"{r.quotes:4d}  {r.speaker_id:28s} {r.groups}  article names: {names}")
        print(f"      aliases: {r.aliases}")


if __name__ == "__main__":
    main()
