"""What the PolNeAR benchmarks share: loading the team's scorer and pairing gold spans with
predictions the way it does (each gold content span takes the unused prediction covering the
largest share of it, at least 30%)."""
from __future__ import annotations

import importlib.util
import os
from types import ModuleType
from typing import Any, Iterator


def load_scorer(path: str) -> ModuleType | None:
    """The scorer module at ``path`` (``../shared/eval/attribution_dev.py``), or None."""
    if not os.path.isfile(path):
        return None
    spec = importlib.util.spec_from_file_location("attribution_dev", path)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def speaker_judgements(gold: list[dict], preds: list[Any]) -> Iterator[tuple[Any, bool]]:
    """For each gold span with a source that a prediction with a speaker matched: the
    prediction and whether its speaker mention overlaps the gold source."""
    left = list(preds)
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
        yield best, min(g["src"][1], best.speaker_end) > max(g["src"][0], best.speaker_start)
