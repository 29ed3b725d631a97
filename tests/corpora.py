"""Generated corpora with a known answer, shared by the tests and the benchmarks."""

from __future__ import annotations

import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SPEAKERS = [
    ("Wang Yi", "Chinese Foreign Minister"), ("Lloyd Austin", "U.S. Defense Secretary"),
    ("Fumio Kishida", "Japanese Prime Minister"), ("Mark Rutte", "NATO Secretary-General"),
    ("Boris Johnson", "British Prime Minister"),
    ("Mao Ning", "Chinese Foreign Ministry spokeswoman"),
    ("Antony Blinken", "U.S. Secretary of State"), ("Penny Wong", "Australian Foreign Minister"),
]


def claims_corpus(
    n_claims: int = 40, singles: int = 200, seed: int = 7
) -> tuple[list[dict[str, str]], dict[str, list[tuple[str, int]]]]:
    """Articles reporting claims, each claim in 2–4 articles: quoted, reported as indirect
    speech with words dropped and replaced, or denied by another speaker; among them
    ``singles`` claims reported once. Four statements per article, each after a filler
    sentence. Returns the records and, for every article, its report sentences with their claim
    numbers (negative for the claims reported once)."""
    rng = random.Random(seed)
    words = sorted(
        {w for p in SEEDS.glob("*.txt") for w in re.findall(r"[a-z]{4,}", p.read_text().lower())}
    )
    reports: list[tuple[int, str]] = []
    for c in range(n_claims + singles):
        base = rng.choices(words, k=rng.randint(12, 22))
        who, title = rng.choice(SPEAKERS)
        copies = rng.randint(2, 4) if c < n_claims else 1
        for k in range(copies):
            style = rng.choice(("direct", "indirect", "denial")) if k else "direct"
            v = list(base) if style == "direct" else [w for w in base if rng.random() < 0.8]
            for _ in range(rng.randint(0, 1 if style == "direct" else 3)):
                v[rng.randrange(len(v))] = rng.choice(words)
            text = " ".join(v)
            if style == "direct":
                sentence = f"“{text.capitalize()},” {title} {who} said."
            elif style == "indirect":
                sentence = f"{who} said that {text}."
            else:
                other = rng.choice([s for s, _ in SPEAKERS if s != who])
                sentence = f"{other} denied that {text}."
            reports.append((c if c < n_claims else -1 - c, sentence))
    rng.shuffle(reports)
    records: list[dict[str, str]] = []
    truth: dict[str, list[tuple[str, int]]] = {}
    for i in range(0, len(reports), 4):
        aid = f"a{i // 4:05d}"
        paragraphs = []
        for claim, sentence in reports[i : i + 4]:
            paragraphs.append(" ".join(rng.choices(words, k=15)).capitalize() + ".")
            paragraphs.append(sentence)
            truth.setdefault(aid, []).append((sentence, claim))
        records.append({"id": aid, "text": "\n\n".join(paragraphs)})
    return records, truth


def claim_of(truth: dict[str, list[tuple[str, int]]], article: str, text: str) -> int | None:
    """The claim a statement (text found in a report sentence of ``article``) belongs to."""
    return next((c for s, c in truth.get(article, []) if text in s), None)


def co_members(claims) -> set[frozenset[tuple[str, int]]]:  # type: ignore[no-untyped-def]
    """Pairs of statements (article, start) from different articles put in one claim."""
    out = set()
    for c in claims:
        ms = [(m.article, m.start) for m in c.members]
        for i, x in enumerate(ms):
            for y in ms[i + 1 :]:
                if x[0] != y[0]:
                    out.add(frozenset((x, y)))
    return out
