"""Draw claims at random (fixed seed) from a folder of real articles, to judge by reading: a
claim is coherent when its members make one claim (asserted or denied), not merely share a
topic or a person.

Run: .venv/bin/python benchmarks/sample_claims.py FOLDER [--n 15] [--seed 11] [--threshold T] [--all]

Prints each drawn claim with its score, label and members (article, speaker, stance, text);
skips cleanly without the folder. The judgement is the reader's: nothing here decides it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_compare import load  # noqa: E402


def folded(text: str) -> str:
    """A wording with case, punctuation and spacing folded away."""
    return " ".join(re.findall(r"\w+", text.lower()))


def is_reprint(claim) -> bool:  # noqa: ANN001 - a quotelens Claim
    """One outlet carrying one wording in several articles: trivially coherent, so not judged.

    The outlet is the article id's prefix before the first '_' (PolNeAR's `outlet_date_slug`).
    """
    outlets = {m.article.split("_", 1)[0] for m in claim.members}
    return len(outlets) == 1 and len({folded(m.text) for m in claim.members}) == 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--threshold", type=float, default=None,
                    help="claims threshold (default: Corpus.claims' default)")
    ap.add_argument("--width", type=int, default=220, help="characters shown of each member")
    ap.add_argument("--all", action="store_true",
                    help="draw reprints too (default: skip claims that are one outlet repeating one wording)")
    args = ap.parse_args()
    if args.folder is None or not args.folder.is_dir():
        print(f"sample_claims: no folder given ({args.folder}); skipped")
        return 0
    corpus = load(args.folder)
    cl = list(corpus.claims() if args.threshold is None else corpus.claims(args.threshold))
    pool = cl if args.all else [c for c in cl if not is_reprint(c)]
    drawn = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    print(f"{len(cl)} claims, {len(cl) - len(pool)} reprints skipped; "
          f"{len(drawn)} drawn with seed {args.seed}\n")
    for k, c in enumerate(drawn, 1):
        print(f"[{k}] claim {c.id}: score {c.score:.0f}, {len(c.members)} members")
        for m in c.members:
            text = " ".join(m.text.split())
            if len(text) > args.width:
                text = text[: args.width] + "…"
            print(f"  - {m.article} ({m.speaker}; {m.stance}): {text}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
