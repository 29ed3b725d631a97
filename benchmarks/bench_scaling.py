"""How the corpus steps grow with the number of articles: load → quotes → quote_matches →
claims → report, on real news texts replicated with small edits beyond the folder's size.

Run: ``python benchmarks/bench_scaling.py DIR [--sizes 100,200,500,1000,2000,5000]``, e.g.
``DIR=/work/data/polnear_train`` (840 articles). Without ``DIR``, or when it is missing or
holds no ``*.txt``, prints why and exits 0 (the texts are not redistributed).

Each size runs in a fresh child process, so the peak RSS it reports (``ru_maxrss`` of the
child) is that size's own. Copies beyond the folder's size get small edits (a changed
number, a dropped sentence, a swapped word pair, a new headline) so no two articles are
exact duplicates. Prints one table: wall and CPU seconds per step, the total and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

STEPS = ["load", "quotes", "quote_matches", "claims", "report"]


def edit(text: str, rng: random.Random, copy: int) -> str:
    """A near-copy of ``text``: a new headline tag and a few small edits."""
    paras = text.split("\n\n")
    head, body = paras[0], paras[1:]
    ops = rng.sample(["number", "drop", "swap", "word"], 2)
    for op in ops:
        if not body:
            break
        i = rng.randrange(len(body))
        p = body[i]
        if op == "number":
            p = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), p, count=1)
        elif op == "drop":
            sents = re.split(r"(?<=[.!?])\s+", p)
            if len(sents) > 1:
                del sents[rng.randrange(len(sents))]
            p = " ".join(sents)
        elif op == "swap":
            words = p.split(" ")
            if len(words) > 3:
                j = rng.randrange(len(words) - 1)
                words[j], words[j + 1] = words[j + 1], words[j]
            p = " ".join(words)
        else:
            words = p.split(" ")
            words.insert(rng.randrange(len(words) + 1), rng.choice(["also", "now", "still"]))
            p = " ".join(words)
        body[i] = p
    return "\n\n".join([f"{head} (copy {copy})", *body])


def build(src: list[Path], n: int, folder: Path, seed: int = 11) -> None:
    """Write ``n`` articles into ``folder``: the real ones first, then edited copies."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in src]
    for i in range(n):
        base = i % len(texts)
        text = texts[base] if i < len(texts) else edit(texts[base], rng, i // len(texts))
        (folder / f"a{i:05d}_{src[base].stem[:40]}.txt").write_text(text, encoding="utf-8")


def timed(f: Callable[[], Any]) -> tuple[Any, float, float]:
    w, c = time.perf_counter(), time.process_time()
    out = f()
    return out, time.perf_counter() - w, time.process_time() - c


def child(folder: Path) -> None:
    """Run the steps on ``folder`` and print one JSON line of timings (in this process)."""
    from quotelens import Corpus
    from quotelens.report import render_report

    row: dict[str, Any] = {}
    corpus, row["load_wall"], row["load_cpu"] = timed(
        lambda: Corpus.from_dir(folder, progress=False))
    quotes, row["quotes_wall"], row["quotes_cpu"] = timed(corpus.quotes)
    _, row["quote_matches_wall"], row["quote_matches_cpu"] = timed(
        lambda: corpus.quote_matches(progress=False))
    _, row["claims_wall"], row["claims_cpu"] = timed(lambda: corpus.claims(progress=False))
    page, row["report_wall"], row["report_cpu"] = timed(lambda: render_report(corpus))
    row["articles"] = len(corpus.articles)
    row["quote_rows"] = len(quotes)
    row["report_mb"] = len(page) / 1e6
    # Linux reports ru_maxrss in kB.
    row["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(row))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", help="folder of real article texts (*.txt)")
    ap.add_argument("--sizes", default="100,200,500,1000,2000,5000")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(Path(args.child))
        return 0
    if not args.dir:
        print("bench_scaling: no article folder given (e.g. /work/data/polnear_train); skipped")
        return 0
    src = sorted(Path(args.dir).glob("*.txt")) if Path(args.dir).is_dir() else []
    if not src:
        print(f"bench_scaling: {args.dir} is missing or holds no *.txt files; skipped")
        return 0
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s]
    except ValueError:
        print(f"--sizes: expected comma-separated integers, got {args.sizes!r}", file=sys.stderr)
        return 2
    print(f"{len(src)} real articles from {args.dir}; wall s / CPU s per step")
    head = "".join(f" {s:>17}" for s in STEPS)
    print(f"{'articles':>8} {'quotes':>7}{head} {'total':>17} {'peak RSS':>9}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            build(src, n, Path(tmp))
            out = subprocess.run([sys.executable, __file__, "--child", tmp],
                                 capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{n:>8} failed:\n{out.stderr[-2000:]}")
            return 1
        row = json.loads(out.stdout.strip().splitlines()[-1])
        cells = "".join(f" {row[s + '_wall']:8.2f}/{row[s + '_cpu']:<8.2f}" for s in STEPS)
        tw = sum(row[s + "_wall"] for s in STEPS)
        tc = sum(row[s + "_cpu"] for s in STEPS)
        print(f"{row['articles']:>8} {row['quote_rows']:>7}{cells} {tw:8.2f}/{tc:<8.2f}"
              f" {row['rss_mb']:7.0f}MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
