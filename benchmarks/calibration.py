"""How well a confidence separates right from wrong answers and how well it reads as a
probability: AUROC, a reliability table and the expected calibration error (ECE)."""
from __future__ import annotations

#: Reliability bins: [lo, hi) of confidence (the last one closed at 1.0).
BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)


def auroc(pos: list[float], neg: list[float]) -> float:
    """Probability that a right answer's confidence exceeds a wrong one's (ties count half)."""
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


def reliability(pos: list[float], neg: list[float]) -> list[tuple[float, float, int, float, float]]:
    """Per non-empty bin: (lo, hi, n, mean confidence, share right)."""
    out = []
    for lo, hi in zip(BINS, BINS[1:]):
        last = hi == BINS[-1]

        def inside(c: float, lo: float = lo, hi: float = hi, last: bool = last) -> bool:
            return lo <= c < hi or (last and c == hi)

        r = [c for c in pos if inside(c)]
        w = [c for c in neg if inside(c)]
        n = len(r) + len(w)
        if n:
            out.append((lo, hi, n, (sum(r) + sum(w)) / n, len(r) / n))
    return out


def ece(pos: list[float], neg: list[float]) -> float:
    """Expected calibration error over the reliability bins: the n-weighted mean of
    |mean confidence - share right|."""
    rows = reliability(pos, neg)
    total = sum(n for _, _, n, _, _ in rows)
    return sum(n * abs(c - s) for _, _, n, c, s in rows) / max(1, total)
