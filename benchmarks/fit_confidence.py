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
import os
import sys

from polnear_common import load_scorer, speaker_judgements

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
    ev = load_scorer(a.scorer)
    if not a.git or not os.path.isdir(a.git) or ev is None:
        print("fit_confidence: no PolNeAR git dir or scorer; skipped")
        return 0
    import quotelens

    right: collections.Counter[tuple[str, str]] = collections.Counter()
    total: collections.Counter[tuple[str, str]] = collections.Counter()
    for _, text, gold in ev.load(a.git, (a.split,)):
        preds = [q for q in quotelens.Article(text).quotes
                 if q.kind not in ("term", "title") and q.pattern]
        for best, ok in speaker_judgements(gold, preds):
            key = tuple(best.pattern.split("/", 1))
            if key[1] == "unresolved":
                # No speaker name to be right about: these keep their fixed low confidence.
                continue
            total[key] += 1
            right[key] += ok
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
