"""Attribution on real news annotated by others: PolNeAR dev (or train), with calibration.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) is not ours to redistribute, so this script
takes its path and skips cleanly without it (CI has no network):

    python benchmarks/bench_polnear.py --git /path/to/PolNeAR.git [--split dev|train]
        [--scorer ../shared/eval/attribution_dev.py]

It runs the team's scorer (P/R/F1 at 0.3 and 0.8 overlap, speaker accuracy, breakdowns) and
adds what the scorer does not print: how well ``Quote.confidence`` separates right from wrong
speakers (AUROC) and a reliability table (confidence bin -> share of right speakers), and the
share of predictions per cue category.  The test split is held out and is refused.
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
import time

from polnear_common import load_scorer, speaker_judgements


def _auroc(pos: list[float], neg: list[float]) -> float:
    """Probability that a right speaker's confidence exceeds a wrong one's (ties count half)."""
    if not pos or not neg:
        return float("nan")
    ranked = sorted([(c, 1) for c in pos] + [(c, 0) for c in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        avg = (i + j + 1) / 2  # ranks are 1-based
        rank_sum += avg * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--git", default=os.environ.get("POLNEAR_GIT"),
                    help="bare git dir of networkdynamics/PolNeAR (or $POLNEAR_GIT)")
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--scorer", default=os.path.join(here, "..", "..", "shared", "eval",
                                                     "attribution_dev.py"))
    a = ap.parse_args()
    if not a.git or not os.path.isdir(a.git):
        print("bench_polnear: no PolNeAR git dir given (--git or $POLNEAR_GIT); skipped")
        return 0
    ev = load_scorer(a.scorer)
    if ev is None:
        print(f"bench_polnear: scorer {a.scorer} not found; skipped")
        return 0
    import quotelens

    arts, chars, secs = [], 0, 0.0
    for fn, text, gold in ev.load(a.git, (a.split,)):
        t0 = time.perf_counter()
        preds = [q for q in quotelens.Article(text).quotes if q.kind not in ("term", "title")]
        secs += time.perf_counter() - t0
        chars += len(text)
        arts.append((fn, text, gold, preds))
    print(f"PolNeAR {a.split}: {len(arts)} articles, {chars / max(secs, 1e-9) / 1e6:.1f} Mchar/s")
    for th in (0.3, 0.8):
        print(f"  all gold @{th}: {ev.score(arts, th)}")
    right, wrong = [], []
    named_right, named_wrong = [], []
    for _, _, gold, preds in arts:
        for best, ok in speaker_judgements(gold, preds):
            (right if ok else wrong).append(best.confidence)
            if best.pattern and not best.pattern.endswith(("/pronoun", "/unresolved")):
                (named_right if ok else named_wrong).append(best.confidence)
    print(f"  confidence AUROC, right vs wrong speaker: {_auroc(right, wrong):.3f} "
          f"({len(right)} right, {len(wrong)} wrong)")
    # The scorer counts a pronoun as right when its span is the gold source, whoever it was
    # resolved to; confidence discounts pronouns for resolution errors the scorer cannot see.
    print(f"  AUROC without pronoun speakers: {_auroc(named_right, named_wrong):.3f} "
          f"({len(named_right)} right, {len(named_wrong)} wrong)")
    print("  reliability: confidence bin -> share right (n)")
    for lo in (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9):
        hi = {0.0: 0.3, 0.3: 0.5, 0.5: 0.6, 0.6: 0.7, 0.7: 0.8, 0.8: 0.9, 0.9: 1.01}[lo]
        r = sum(lo <= c < hi for c in right)
        w = sum(lo <= c < hi for c in wrong)
        if r + w:
            print(f"    [{lo:.1f}, {min(hi, 1.0):.1f}): {r / (r + w):.3f} ({r + w})")
    cats = collections.Counter(p.cue_category or "-" for _, _, _, ps in arts for p in ps)
    print("  predictions by cue category:", ", ".join(f"{k} {v}" for k, v in cats.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
