"""Every scorer against RapidFuzz in the same run: names, sentences and 1 kB texts, plain,
with a processor and with a cutoff, as cdist, extract, extractOne, top_k and single calls.

Run: ``python benchmarks/bench_scorers.py [--workers 1] [--repeat 5] [--quick]``. Prints one
table of ratios, RapidFuzz CPU time / quotelens CPU time (median of ``--repeat`` runs,
alternating the two libraries; > 1 means quotelens is faster), a ``!`` after any cell whose
scores differ, and the per-call time of ``extract`` with 100 choices.

CPU time (``time.process_time``: every thread of the process) rather than wall time, because
the machine is shared. With ``processor`` RapidFuzz runs its own ``utils.default_process``
(timing) and scores are compared against RapidFuzz on strings already processed by
``quotelens.sim.default_process``, which differs from RapidFuzz's (NFKC, case folding).
With a cutoff the expected scores are RapidFuzz's scores with the cutoff applied on the 0-100
scale (kept when equal): RapidFuzz's Levenshtein/JaroWinkler take a 0-1 cutoff and drop some
scores equal to it (0.8 with a cutoff of 0.8, since 1 - 0.8 != 0.2 in floats).
``top_k`` (k=5 per query) has no RapidFuzz counterpart: it is timed against one
``process.extract(limit=5)`` per query, what a RapidFuzz user writes.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
import zlib
from pathlib import Path
from typing import Any, Callable

import numpy as np
from quotelens import sim
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler, Levenshtein

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SCORERS: list[tuple[str, Any, Any, float]] = [
    # name, ours, RapidFuzz's, factor of RapidFuzz's score to 0-100
    ("ratio", sim.ratio, fuzz.ratio, 1.0),
    ("QRatio", sim.QRatio, fuzz.QRatio, 1.0),
    ("partial_ratio", sim.partial_ratio, fuzz.partial_ratio, 1.0),
    ("token_sort_ratio", sim.token_sort_ratio, fuzz.token_sort_ratio, 1.0),
    ("token_set_ratio", sim.token_set_ratio, fuzz.token_set_ratio, 1.0),
    ("token_ratio", sim.token_ratio, fuzz.token_ratio, 1.0),
    ("WRatio", sim.WRatio, fuzz.WRatio, 1.0),
    ("jaro_winkler", sim.jaro_winkler, JaroWinkler.normalized_similarity, 100.0),
    ("levenshtein", sim.levenshtein, Levenshtein.normalized_similarity, 100.0),
]

# Cutoffs near the scores these inputs get, so some pass and most stop early.
CUTOFF = {"ratio": 80.0, "jaro_winkler": 90.0}


def cutoff_for(name: str) -> float:
    return CUTOFF.get(name, 80.0)


def seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def mutate(s: str, rng: random.Random) -> str:
    """A typo, a dropped or swapped word, a case change or an added word."""
    op = rng.random()
    words = s.split()
    if op < 0.3 and len(s) > 2:
        i = rng.randrange(len(s))
        return s[:i] + rng.choice("aeiourstn") + s[i + 1 :]
    if op < 0.45 and len(words) > 1:
        del words[rng.randrange(len(words))]
    elif op < 0.6 and len(words) > 1:
        i, j = rng.randrange(len(words)), rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    elif op < 0.75:
        return s.lower()
    elif op < 0.85:
        words.insert(rng.randrange(len(words) + 1), rng.choice(["Mr.", "said", "the", "Gen."]))
    return " ".join(words)


def corpora(seed: int = 7) -> dict[str, list[str]]:
    """Base strings of each length class (mutated copies of them are the queries)."""
    text = seed_text()
    names = sorted(
        {m for m in re.findall(r"\b(?:[A-Z][a-z]+\.? ){1,2}[A-Z][a-z]+", text) if len(m) <= 32}
    )
    sents = [
        p.strip()
        for p in re.split(r"(?<=[.!?”\"])\s+|\n+", text)
        if 40 <= len(p.strip()) <= 300
    ]
    rng = random.Random(seed)
    texts = []
    for _ in range(200):
        start = rng.randrange(len(sents))
        t = ""
        i = start
        while len(t) < 1000:
            t += sents[i % len(sents)] + " "
            i += 1
        texts.append(t[:1000])
    return {"names": names, "sentences": sents, "1kB": texts}


def sample(base: list[str], n: int, rng: random.Random) -> list[str]:
    return [mutate(rng.choice(base), rng) for _ in range(n)]


def cpu(fn: Callable[[], Any], min_time: float) -> tuple[float, Any]:
    """CPU seconds per call of ``fn`` (looped until ``min_time`` CPU seconds) and its result."""
    loops, total, result = 0, 0.0, None
    while total < min_time:
        t = time.process_time()
        result = fn()
        total += time.process_time() - t
        loops += 1
    return total / loops, result


def race(ours: Callable[[], Any], theirs: Callable[[], Any], repeat: int, min_time: float):
    """Median CPU times of the two, measured alternately; with the last results."""
    to, tt = [], []
    ro = rt = None
    for _ in range(repeat):
        t, ro = cpu(ours, min_time)
        to.append(t)
        t, rt = cpu(theirs, min_time)
        tt.append(t)
    return statistics.median(to), statistics.median(tt), ro, rt


# Sizes per length class: cdist n x m, extract choices, single-call pairs, top_k queries.
SIZES = {
    "names": dict(cdist=(300, 1000), extract=20_000, single=2000, topk=(50, 2000)),
    "sentences": dict(cdist=(100, 500), extract=5000, single=1000, topk=(20, 1000)),
    "1kB": dict(cdist=(20, 100), extract=300, single=100, topk=(5, 100)),
}
# RapidFuzz's partial_ratio takes ~34 ms per pair of 1 kB texts (ours 0.16 ms): fewer pairs.
SLOW_1KB = dict(cdist=(4, 10), extract=20, single=10, topk=(2, 10))
SLOW = {"partial_ratio", "WRatio"}
OPS = ["cdist", "extract", "extractOne", "top_k", "single"]
MODES = ["plain", "processor", "cutoff"]


def equal(a: Any, b: Any) -> bool:
    return bool(np.allclose(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64),
                            atol=1e-3, rtol=0))


def cell(op: str, cls: str, data: dict[str, list[str]], sc: tuple[str, Any, Any, float],
         mode: str, workers: int, repeat: int, min_time: float) -> tuple[float, bool]:
    name, ours, theirs, factor = sc
    sz = SLOW_1KB if cls == "1kB" and name in SLOW else SIZES[cls]
    # A seed that does not depend on PYTHONHASHSEED, so every run draws the same strings.
    rng = random.Random(zlib.crc32(f"{op} {cls} {name}".encode()))
    base = data[cls]
    proc_o: Any = True if mode == "processor" else None
    proc_t: Any = utils.default_process if mode == "processor" else None
    cut_o = cutoff_for(name) if mode == "cutoff" else None
    cut_t = None if cut_o is None else cut_o / factor

    def pre(xs: list[str]) -> list[str]:
        return [sim.default_process(x) for x in xs] if mode == "processor" else xs

    if op == "cdist":
        n, m = sz["cdist"]
        q, c = sample(base, n, rng), sample(base, m, rng)
        to, tt, ro, _ = race(
            lambda: sim.cdist(q, c, scorer=ours, processor=proc_o, score_cutoff=cut_o,
                              workers=workers),
            lambda: process.cdist(q, c, scorer=theirs, processor=proc_t, score_cutoff=cut_t,
                                  workers=workers),
            repeat, min_time)
        want = process.cdist(pre(q), pre(c), scorer=theirs, workers=workers) * factor
        if cut_o is not None:
            want[want < cut_o] = 0
        return tt / to, equal(ro, want)
    if op in ("extract", "extractOne"):
        c = sample(base, sz["extract"], rng)
        q = mutate(rng.choice(base), rng)
        if op == "extract":
            to, tt, ro, _ = race(
                lambda: sim.extract(q, c, scorer=ours, processor=proc_o, score_cutoff=cut_o,
                                    limit=5, workers=workers),
                lambda: process.extract(q, c, scorer=theirs, processor=proc_t,
                                        score_cutoff=cut_t, limit=5),
                repeat, min_time)
            want = [s * factor for _, s, _ in
                    process.extract(pre([q])[0], pre(c), scorer=theirs, limit=5)]
            want = [s for s in want if cut_o is None or s >= cut_o]
            got = [s for _, s, _ in ro]
            return tt / to, len(got) == len(want) and (not want or equal(got, want))
        to, tt, ro, _ = race(
            lambda: sim.extractOne(q, c, scorer=ours, processor=proc_o, score_cutoff=cut_o,
                                   workers=workers),
            lambda: process.extractOne(q, c, scorer=theirs, processor=proc_t,
                                       score_cutoff=cut_t),
            repeat, min_time)
        best = process.extractOne(pre([q])[0], pre(c), scorer=theirs)[1] * factor
        want = None if cut_o is not None and best < cut_o else best
        got = ro[1] if ro else None
        ok = (got is None) == (want is None) and (want is None or equal(got, want))
        return tt / to, ok
    if op == "top_k":
        nq, m = sz["topk"]
        q, c = sample(base, nq, rng), sample(base, m, rng)
        to, tt, ro, _ = race(
            lambda: sim.top_k(q, c, k=5, scorer=ours, processor=proc_o, score_cutoff=cut_o,
                              workers=workers),
            lambda: [process.extract(x, c, scorer=theirs, processor=proc_t,
                                     score_cutoff=cut_t, limit=5) for x in q],
            repeat, min_time)
        rows = [process.extract(x, pre(c), scorer=theirs, limit=5) for x in pre(q)]
        flat = [s * factor for row in rows for _, s, _ in row]
        flat = [s for s in flat if cut_o is None or s >= cut_o]
        return tt / to, len(flat) == len(ro[2]) and equal(ro[2], flat)
    # single calls
    n = sz["single"]
    a, b = sample(base, n, rng), sample(base, n, rng)
    pairs = list(zip(a, b))
    kw_o: dict[str, Any] = {}
    kw_t: dict[str, Any] = {}
    if proc_o is not None:
        kw_o["processor"], kw_t["processor"] = proc_o, proc_t
    if cut_o is not None:
        kw_o["score_cutoff"], kw_t["score_cutoff"] = cut_o, cut_t
    to, tt, ro, _ = race(
        lambda: [ours(x, y, **kw_o) for x, y in pairs],
        lambda: [theirs(x, y, **kw_t) for x, y in pairs],
        repeat, min_time)
    want = [theirs(x, y) * factor for x, y in zip(pre(a), pre(b))]
    if cut_o is not None:
        want = [w if w >= cut_o else 0.0 for w in want]
    return tt / to, equal(ro, want)


def per_call(data: dict[str, list[str]], repeat: int) -> None:
    """Microseconds per extract / extractOne call with 100 name choices."""
    rng = random.Random(3)
    c = sample(data["names"], 100, rng)
    q = mutate(rng.choice(data["names"]), rng)
    print("\nper call, 100 name choices (µs CPU, median):")
    print(f"  {'':28} {'quotelens':>10} {'rapidfuzz':>10} {'ratio':>7}")
    for label, o, t in [
        ("extract ratio limit=5", lambda: sim.extract(q, c, limit=5),
         lambda: process.extract(q, c, scorer=fuzz.ratio, limit=5)),
        ("extractOne ratio", lambda: sim.extractOne(q, c),
         lambda: process.extractOne(q, c, scorer=fuzz.ratio)),
        ("extract WRatio limit=5", lambda: sim.extract(q, c, scorer=sim.WRatio, limit=5),
         lambda: process.extract(q, c, scorer=fuzz.WRatio, limit=5)),
        ("extract levenshtein cutoff", lambda: sim.extract(q, c, scorer=sim.levenshtein,
                                                          score_cutoff=80, limit=5),
         lambda: process.extract(q, c, scorer=Levenshtein.normalized_similarity,
                                 score_cutoff=0.8, limit=5)),
        ("cdist 1 x 100 ratio", lambda: sim.cdist([q], c),
         lambda: process.cdist([q], c, scorer=fuzz.ratio)),
        ("ratio(a, b)", lambda: sim.ratio(q, c[0]), lambda: fuzz.ratio(q, c[0])),
    ]:
        to, tt, _, _ = race(o, t, repeat, 0.05)
        print(f"  {label:28} {to * 1e6:10.2f} {tt * 1e6:10.2f} {tt / to:6.2f}x")


DISTANCES = ["Levenshtein", "Indel", "Hamming", "OSA", "DamerauLevenshtein"]


def distances(data: dict[str, list[str]], repeat: int, min_time: float) -> None:
    """Single calls of quotelens.distance against rapidfuzz.distance: ``distance`` plain and
    with an int cutoff, ``normalized_similarity`` plain and with a 0.8 cutoff."""
    from quotelens import distance as qd
    from rapidfuzz import distance as rd

    print("\ndistances, single calls (RapidFuzz CPU time / quotelens; '!' = results differ: "
          "RapidFuzz drops some scores equal to a normalized cutoff, e.g. 0.8 at 0.8)")
    print(f"{'metric':20}" + "".join(f" {c + ' d/dc/ns/nsc':>26}" for c in SIZES))
    for metric in DISTANCES:
        line = f"{metric:20}"
        for cls in SIZES:
            n = SIZES[cls]["single"]
            rng = random.Random(zlib.crc32(f"dist {cls} {metric}".encode()))
            a, b = sample(data[cls], n, rng), sample(data[cls], n, rng)
            pairs = list(zip(a, b))
            cells = []
            for kind, kw in [("distance", {}), ("distance", {"score_cutoff": 3}),
                             ("normalized_similarity", {}),
                             ("normalized_similarity", {"score_cutoff": 0.8})]:
                fo = getattr(getattr(qd, metric), kind)
                ft = getattr(getattr(rd, metric), kind)
                to, tt, ro, rt = race(
                    lambda fo=fo, kw=kw, pairs=pairs: [fo(x, y, **kw) for x, y in pairs],
                    lambda ft=ft, kw=kw, pairs=pairs: [ft(x, y, **kw) for x, y in pairs],
                    repeat, min_time)
                cells.append(f"{tt / to:.2f}" + ("" if equal(ro, rt) else "!"))
            line += f" {'/'.join(cells):>26}"
        print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--min-time", type=float, default=0.02, help="CPU seconds per timing")
    ap.add_argument("--classes", default="names,sentences,1kB")
    ap.add_argument("--ops", default=",".join(OPS))
    ap.add_argument("--scorers", default=",".join(s[0] for s in SCORERS))
    ap.add_argument("--quick", action="store_true",
                    help="3 repeats of 0.01 CPU seconds (a rough table in a third of the time)")
    ap.add_argument("--no-distances", action="store_true",
                    help="leave out the quotelens.distance table")
    args = ap.parse_args()
    if args.quick:
        args.repeat, args.min_time = 3, 0.01
    data = corpora()
    classes = args.classes.split(",")
    ops = args.ops.split(",")
    scorers = [s for s in SCORERS if s[0] in args.scorers.split(",")]
    print(f"RapidFuzz CPU time / quotelens CPU time, workers={args.workers}, median of "
          f"{args.repeat}; '!' = scores differ")
    print("columns: p = plain, P = processor, c = score_cutoff "
          f"({cutoff_for('x'):g}; jaro_winkler {cutoff_for('jaro_winkler'):g})")
    for cls in classes:
        print(f"\n{cls}: " + ", ".join(f"{k} {v}" for k, v in SIZES[cls].items()))
        if cls == "1kB":
            print(f"  ({', '.join(sorted(SLOW))}: " + ", ".join(
                f"{k} {v}" for k, v in SLOW_1KB.items()) + ")")
        head = "".join(f" {op + ' p/P/c':>20}" for op in ops)
        print(f"{'scorer':17}{head}")
        for sc in scorers:
            line = f"{sc[0]:17}"
            for op in ops:
                cells = []
                for mode in MODES:
                    r, ok = cell(op, cls, data, sc, mode, args.workers, args.repeat,
                                 args.min_time)
                    cells.append(f"{r:.2f}" + ("" if ok else "!"))
                line += f" {'/'.join(cells):>20}"
            print(line, flush=True)
    per_call(data, args.repeat)
    if not args.no_distances:
        distances(data, args.repeat, args.min_time)


if __name__ == "__main__":
    main()
