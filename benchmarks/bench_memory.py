"""Peak memory of Article per input character (issue 13: 'a “ ' * 3,000,000 aborted under
ulimit -v 2000000, about 240 bytes per character).

Run: .venv/bin/python benchmarks/bench_memory.py [--chars 2000000]

Each text is analysed in a fresh interpreter; the peak resident set (ru_maxrss) above the
interpreter's baseline, divided by the number of input characters, is printed for news text
(the seeds repeated) and for the adversarial text of the issue.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import resource, sys
from pathlib import Path
import quotelens
kind, n = sys.argv[1], int(sys.argv[2])
if kind == "news":
    seeds = "\n\n".join(p.read_text() for p in sorted(Path(sys.argv[3]).glob("*.txt")))
    text = (seeds * (n // len(seeds) + 1))[:n]
else:
    text = ("a \u201c " * (n // 4 + 1))[:n]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
quotelens.Article(text)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print((peak - base) / len(text))
"""


def per_char(kind: str, n: int) -> float:
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(n), str(ROOT / "seeds")],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=2_000_000)
    args = ap.parse_args()
    for kind in ("news", "adversarial"):
        print(f"Article peak memory, {kind:12} {args.chars:>10,} chars: "
              f"{per_char(kind, args.chars):7.1f} bytes per input character")


if __name__ == "__main__":
    main()
