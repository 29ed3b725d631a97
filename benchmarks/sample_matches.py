"""Draw quote-match pairs at random (fixed seed) from a folder of real articles, to judge by
reading: same statement by the same speaker = right.

Run: .venv/bin/python benchmarks/sample_matches.py FOLDER [--n 50] [--seed 11]

Prints each pair with both texts, speakers and a little context around the second one; skips
cleanly without the folder. The judgement is the reader's: nothing here decides it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_compare import load  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    if args.folder is None or not args.folder.is_dir():
        print(f"sample_matches: no folder given ({args.folder}); skipped")
        return 0
    corpus = load(args.folder)
    m = corpus.quote_matches()
    print(f"{len(m)} pairs ({int((~m['quoted_b']).sum())} in running text); "
          f"{min(args.n, len(m))} drawn with seed {args.seed}\n")
    for k, r in enumerate(m.sample(min(args.n, len(m)), random_state=args.seed).itertuples(), 1):
        tb = corpus[r.article_b].text
        ctx = tb[max(0, r.start_b - 120):r.end_b + 60].replace("\n", " ")
        print(f"[{k}] score {r.score:.0f} quoted_b={r.quoted_b} polarity={r.polarity}")
        print(f"  A {r.article_a} ({r.speaker_a}): {r.text_a}")
        print(f"  B {r.article_b} ({r.speaker_b}): {r.text_b}")
        print(f"  B context: …{ctx}…\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
