"""Count, per attribution pattern and speaker-mention class, how often the speaker is right on
PolNeAR train, and write ``src/attribution/confidence.tsv`` (counts only, no text).

    python benchmarks/fit_confidence.py --git /path/to/PolNeAR.git [--split train] [--write]

``Quote.confidence`` is then the smoothed share of right speakers of its cell, so it reads as
a probability.  Fit on train only; judge the result on dev with ``bench_polnear.py`` (AUROC and
the reliability table).  Skips cleanly without the data.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "src", "attribution", "confidence.tsv")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--git", default=os.environ.get("POLNEAR_GIT"))
    ap.add_argument("--split", default="train", choices=["train"])
    ap.add_argument("--scorer", default=os.path.join(HERE, "..", "..", "shared", "eval",
                                                     "attribution_dev.py"))
    ap.add_argument("--write", action="store_true", help="write src/attribution/confidence.tsv")
    a = ap.parse_args()
    if not a.git or not os.path.isdir(a.git) or not os.path.isfile(a.scorer):
        print("fit_confidence: no PolNeAR git dir or scorer; skipped")
        return 0
    spec = importlib.util.spec_from_file_location("attribution_dev", a.scorer)
    ev = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(ev)
    import quotelens

    right: collections.Counter[tuple[str, str]] = collections.Counter()
    total: collections.Counter[tuple[str, str]] = collections.Counter()
    for _, text, gold in ev.load(a.git, (a.split,)):
        left = [q for q in quotelens.Article(text).quotes
                if q.kind not in ("term", "title") and q.pattern]
        for g in gold:
            glen = max(1, g["end"] - g["start"])
            best, bs = None, 0.3
            for p in left:
                s = max(0, min(g["end"], p.end) - max(g["start"], p.start)) / glen
                if s > bs:
                    best, bs = p, s
            if best is None:
                continue
            left.remove(best)
            if g["src"] is None or best.speaker_start is None:
                continue
            key = tuple(best.pattern.split("/", 1))
            if key[1] == "unresolved":
                # No speaker name to be right about: these keep their fixed low confidence.
                continue
            total[key] += 1
            if min(g["src"][1], best.speaker_end) > max(g["src"][0], best.speaker_start):
                right[key] += 1
    rows = sorted(total, key=lambda k: -total[k])
    for k in rows:
        print(f"  {k[0]:24s} {k[1]:12s} {right[k]:5d}/{total[k]:<5d} {right[k] / total[k]:.3f}")
    if a.write:
        with open(TABLE, "w", encoding="utf-8") as f:
            f.write("# pattern<TAB>mention class<TAB>right speakers<TAB>attributions with a gold "
                    "source\n# Written by benchmarks/fit_confidence.py from PolNeAR train "
                    "(counts only).\n")
            for k in rows:
                f.write(f"{k[0]}\t{k[1]}\t{right[k]}\t{total[k]}\n")
        print(f"wrote {os.path.normpath(TABLE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
