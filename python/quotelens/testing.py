"""Tools to measure quotelens on data with a known answer: score attribution on your own
annotated articles, and generate corpora whose claims are known.

**Annotated articles** are a JSON-lines file, one article a line: ``{"id": …, "text": …,
"quotes": [{"text": …, "speaker": …}, …]}`` (``"file": "path.txt"`` instead of ``"text"``
reads the article from a file, relative to ``root``). A gold quote's ``text`` is written as it
stands in the article (runs of white space may differ); ``speaker`` is the name the speaker
should resolve to, or ``null`` when the article does not say. Other keys (``cue``, ``side``,
``kind``, ``terms``) are kept for your own checks.

:func:`score_attribution` uses the usual overlap metric: a gold quote is found when a predicted
quote covers at least 30% of its characters, a prediction is correct when it covers 30% of some
gold quote, and the speaker is right when a prediction covering the gold quote has the gold name
(case-insensitive).

>>> import json, tempfile, pathlib
>>> from quotelens.testing import load_annotated, score_attribution
>>> case = {"id": "a1", "text": "“We will not back down,” Foreign Minister Wang Yi said.",
...         "quotes": [{"text": "We will not back down,", "speaker": "Wang Yi"}]}
>>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
>>> _ = path.write_text(json.dumps(case) + "\\n", encoding="utf-8")
>>> score = score_attribution(load_annotated(path))
>>> score.gold, score.recall, score.precision, score.speaker_accuracy
(1, 1.0, 1.0, 1.0)

**Generated corpora** (:func:`claims_corpus`) report claims in several articles: quoted,
reworded as indirect speech, or denied by another speaker; :func:`claim_of` and
:func:`co_members` compare what ``Corpus.claims`` finds with the planted claims. The test suite
and the benchmarks use them.
"""

from __future__ import annotations

import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from quotelens._core import Article, FormatError, QuotelensError

__all__ = [
    "AttributionScore",
    "SPEAKERS",
    "claim_of",
    "claims_corpus",
    "co_members",
    "covers",
    "load_annotated",
    "locate",
    "score_attribution",
]

PathLike = Union[str, "os.PathLike[str]"]

#: The kinds of quote :func:`score_attribution` counts as predictions: what someone said.
SPEECH = ("direct", "mixed", "indirect")


def load_annotated(path: PathLike, *, root: Optional[PathLike] = None) -> list[dict[str, Any]]:
    """The annotated articles of a JSON-lines file (see the module docstring), each a dict with
    its ``text`` (read from ``root / file`` when the line names a ``file``; ``root`` defaults to
    the folder of ``path``). A line that is not JSON, or has neither ``text`` nor ``file``, or
    no ``quotes`` list, is a :class:`~quotelens.FormatError` naming the line."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path: expected a path, got {type(path).__name__}")
    p = Path(path)
    base = Path(root) if root is not None else p.parent
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise QuotelensError(f"path: cannot read {p}: {e}") from e
    cases = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{p.name} line {n}"
        try:
            case = json.loads(line)
        except json.JSONDecodeError as e:
            raise FormatError(f"{where}: not JSON ({e})") from e
        if not isinstance(case, dict) or not isinstance(case.get("quotes"), list):
            raise FormatError(f"{where}: expected an object with a 'quotes' list")
        if "file" in case:
            try:
                case["text"] = (base / case["file"]).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise QuotelensError(f"{where}: cannot read {case['file']!r}: {e}") from e
        if not isinstance(case.get("text"), str):
            raise FormatError(f"{where}: expected a 'text' string or a 'file'")
        cases.append(case)
    return cases


def locate(text: str, needle: str) -> tuple[int, int]:
    """The span ``(start, end)`` of ``needle`` in ``text``, any white space matching any (gold
    text copied from a rendered page has spaces where the article has line breaks). Not found
    is a :class:`~quotelens.FormatError`.

    >>> locate("He said:\\n“No way.”", "said: “No")
    (3, 12)
    """
    flat = "".join(" " if c.isspace() else c for c in text)
    i = flat.find("".join(" " if c.isspace() else c for c in needle))
    if i < 0:
        raise FormatError(f"gold text not in the article: {needle!r}")
    return i, i + len(needle)


def covers(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    """Whether span ``pred`` covers at least 30% of the characters of span ``gold``.

    >>> covers((0, 10), (5, 15)), covers((0, 6), (5, 15))
    (True, False)
    """
    overlap = min(pred[1], gold[1]) - max(pred[0], gold[0])
    return overlap * 10 >= (gold[1] - gold[0]) * 3


@dataclass(frozen=True)
class AttributionScore:
    """Quote finding and speaker attribution against gold annotations."""

    gold: int  #: gold quotes
    found: int  #: gold quotes covered by a prediction
    predicted: int  #: predicted speech quotes in the body
    correct: int  #: predictions that cover some gold quote
    right_speaker: int  #: found gold quotes with a covering prediction naming their speaker

    @property
    def precision(self) -> float:
        return self.correct / max(self.predicted, 1)

    @property
    def recall(self) -> float:
        return self.found / max(self.gold, 1)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / max(p + r, 1e-9)

    @property
    def speaker_accuracy(self) -> float:
        """Right speakers among the found quotes."""
        return self.right_speaker / max(self.found, 1)


def score_attribution(cases: Iterable[dict[str, Any]]) -> AttributionScore:
    """Analyse each annotated article and score its speech quotes (``direct``, ``mixed``,
    ``indirect``, in the body; a quote inside another quote is part of that one) against the
    gold quotes (see the module docstring for the metric)."""
    gold_n = found = right = pred_n = pred_ok = 0
    for case in cases:
        a = Article(case["text"])
        golds = [(locate(case["text"], g["text"]), g) for g in case["quotes"]]
        quotes = a.quotes
        preds = [
            q for q in quotes
            if q.kind in SPEECH and q.in_body
            and not any(o.kind != "indirect" and o.outer_start < q.outer_start
                        and q.outer_end <= o.outer_end for o in quotes)
        ]
        pred_n += len(preds)
        pred_ok += sum(any(covers((q.start, q.end), s) for s, _ in golds) for q in preds)
        for span, g in golds:
            gold_n += 1
            hits = [q for q in preds if covers((q.start, q.end), span)]
            if not hits:
                continue
            found += 1
            want = (g.get("speaker") or "").lower()
            right += any((q.speaker or "").lower() == want for q in hits)
    return AttributionScore(gold_n, found, pred_n, pred_ok, right)


#: The speakers of :func:`claims_corpus`: (name, title).
SPEAKERS = [
    ("Wang Yi", "Chinese Foreign Minister"), ("Lloyd Austin", "U.S. Defense Secretary"),
    ("Fumio Kishida", "Japanese Prime Minister"), ("Mark Rutte", "NATO Secretary-General"),
    ("Boris Johnson", "British Prime Minister"),
    ("Mao Ning", "Chinese Foreign Ministry spokeswoman"),
    ("Antony Blinken", "U.S. Secretary of State"), ("Penny Wong", "Australian Foreign Minister"),
]

# The seed articles of a source checkout (python/quotelens/ → seeds/); not in a wheel.
_SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


def _seed_words() -> list[str]:
    files = sorted(_SEEDS.glob("*.txt"))
    if not files:
        raise QuotelensError(
            f"words: no seed articles at {_SEEDS} (an installed package has none); "
            "pass words=[...], e.g. the words of your own articles")
    return sorted({w for p in files for w in re.findall(r"[a-z]{4,}", p.read_text().lower())})


def claims_corpus(
    n_claims: int = 40, singles: int = 200, seed: int = 7, *,
    words: Optional[Sequence[str]] = None,
) -> tuple[list[dict[str, str]], dict[str, list[tuple[str, int]]]]:
    """Articles reporting claims, each claim in 2–4 articles: quoted, reported as indirect
    speech with words dropped and replaced, or denied by another speaker; among them
    ``singles`` claims reported once. Four statements per article, each after a filler
    sentence; the sentences are drawn from ``words`` (lower-case words; by default those of
    four letters or more in the seed articles of a source checkout).

    Returns the records (for ``Corpus.from_records``) and, for every article, its report
    sentences with their claim numbers (negative for the claims reported once). The same
    arguments give the same corpus.

    >>> records, truth = claims_corpus(2, 2, words=["budget", "taxes", "schools", "roads"])
    >>> len(records), sorted(c for sentences in truth.values() for _, c in sentences)
    (3, [-4, -3, 0, 0, 0, 0, 1, 1, 1, 1])
    """
    if words is None:
        vocabulary = _seed_words()
    else:
        if isinstance(words, str) or not all(isinstance(w, str) for w in words):
            raise TypeError("words: expected a list of str")
        vocabulary = sorted(set(words))
        if not vocabulary:
            raise QuotelensError("words: the vocabulary is empty")
    rng = random.Random(seed)
    reports: list[tuple[int, str]] = []
    for c in range(n_claims + singles):
        base = rng.choices(vocabulary, k=rng.randint(12, 22))
        who, title = rng.choice(SPEAKERS)
        copies = rng.randint(2, 4) if c < n_claims else 1
        for k in range(copies):
            style = rng.choice(("direct", "indirect", "denial")) if k else "direct"
            v = list(base) if style == "direct" else [w for w in base if rng.random() < 0.8]
            for _ in range(rng.randint(0, 1 if style == "direct" else 3)):
                v[rng.randrange(len(v))] = rng.choice(vocabulary)
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
            paragraphs.append(" ".join(rng.choices(vocabulary, k=15)).capitalize() + ".")
            paragraphs.append(sentence)
            truth.setdefault(aid, []).append((sentence, claim))
        records.append({"id": aid, "text": "\n\n".join(paragraphs)})
    return records, truth


def claim_of(truth: dict[str, list[tuple[str, int]]], article: str, text: str) -> Optional[int]:
    """The planted claim a statement belongs to: the claim number of the report sentence of
    ``article`` that contains ``text``, or ``None``."""
    return next((c for s, c in truth.get(article, []) if text in s), None)


def co_members(claims: Iterable[Any]) -> set[frozenset[tuple[str, int]]]:
    """The pairs of statements ``(article, start)`` from different articles that ``claims``
    (``Corpus.claims()``) put in one claim: compare two methods, or a method with the planted
    claims."""
    out = set()
    for c in claims:
        ms = [(m.article, m.start) for m in c.members]
        for i, x in enumerate(ms):
            for y in ms[i + 1 :]:
                if x[0] != y[0]:
                    out.add(frozenset((x, y)))
    return out
