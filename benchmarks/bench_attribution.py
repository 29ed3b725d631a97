"""Attribution quality on the annotated set in tests/data/attribution/, and throughput.

Quality is ``quotelens.testing.score_attribution``, the usual overlap metric: a gold quote is
found when a predicted quote covers at least 30% of its characters; a prediction is correct when
it covers 30% of some gold quote; the speaker is right when the resolved name equals the gold
name (case-insensitive). Throughput is extraction plus attribution (``quotelens.Article``) in
Mchar/s on one core, with textacy's ``direct_quotations`` beside it when textacy and an English
spaCy model are installed.

    python benchmarks/bench_attribution.py
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

import quotelens
from quotelens.testing import load_annotated, score_attribution

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "attribution"


def load(name: str) -> list[dict[str, Any]]:
    return load_annotated(DATA / name, root=ROOT)


def evaluate(cases: list[dict[str, Any]]) -> dict[str, float]:
    s = score_attribution(cases)
    return {"gold": s.gold, "P": s.precision, "R": s.recall, "F1": s.f1,
            "speaker_acc": s.speaker_accuracy}


def throughput(
    fn: Callable[[str], object], texts: list[str], rounds: int = 7
) -> tuple[float, float]:
    """Best Mchar/s over ``rounds`` by wall clock and by this thread's CPU time (the fairer
    figure on a shared machine)."""
    chars = sum(len(t) for t in texts)
    wall = cpu = float("inf")
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.thread_time()
        for t in texts:
            fn(t)
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.thread_time() - c0)
    return chars / wall / 1e6, chars / max(cpu, 1e-9) / 1e6


def textacy_quotes() -> Callable[[str], object] | None:
    try:
        import spacy  # type: ignore[import-not-found]
        from textacy.extract import triples  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        return None
    return lambda t: list(triples.direct_quotations(nlp(t)))


def main() -> None:
    print("Attribution on the annotated set (30% character overlap)")
    for name in ("seeds.jsonl", "passages.jsonl", "heldout.jsonl", "heldout2.jsonl"):
        m = evaluate(load(name))
        print(
            f"  {name:16} gold={m['gold']:3d}  P={m['P']:.3f}  R={m['R']:.3f}  "
            f"F1={m['F1']:.3f}  speaker accuracy={m['speaker_acc']:.3f}"
        )
    m = evaluate(
        load("seeds.jsonl")
        + load("passages.jsonl")
        + load("heldout.jsonl")
        + load("heldout2.jsonl")
    )
    print(
        f"  {'all':16} gold={m['gold']:3d}  P={m['P']:.3f}  R={m['R']:.3f}  "
        f"F1={m['F1']:.3f}  speaker accuracy={m['speaker_acc']:.3f}"
    )
    docs = [c["text"] for c in load("seeds.jsonl") + load("passages.jsonl")]
    article = "\n\n".join(docs)
    corpus = [article] * 40
    print(f"\nThroughput on {sum(map(len, corpus)) / 1e6:.1f} Mchar (extraction + attribution)")
    ours, ours_cpu = throughput(lambda t: quotelens.Article(t), corpus)
    only, only_cpu = throughput(quotelens.extract_quotes, corpus)
    print(f"  quotelens.Article          {ours:7.2f} Mchar/s wall  {ours_cpu:7.2f} Mchar/s CPU")
    print(f"  quotelens.extract_quotes   {only:7.2f} Mchar/s wall  {only_cpu:7.2f} Mchar/s CPU")
    peer = textacy_quotes()
    if peer is None:
        print("  textacy direct_quotations  not installed (pip install textacy en_core_web_sm)")
    else:
        theirs, _ = throughput(peer, corpus[:1], rounds=1)
        print(f"  textacy direct_quotations  {theirs:7.3f} Mchar/s  ratio {ours / theirs:,.0f}x")


if __name__ == "__main__":
    main()
